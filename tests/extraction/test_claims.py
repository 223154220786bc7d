"""Claims in reported speech (quotes/extraction/claims.py): a golden table of made-up sentences,
one per construction, with the reported clause, the speaker mention and the cue the extractor must
find; and sentences that must give no claim (narration, `said` as an adjective, questions,
hypotheticals, denials of speaking, plain quotes)."""

from __future__ import annotations

import pytest

from lexicon import SCORED_CUE_VERBS
from quotes.extraction import extract
from quotes.extraction.claims import find_claims
from quotes.extraction.mentions import NameIndex, Resolver
from quotes.extraction.pipeline import claim_candidates
from quotes.extraction.types import Quote

# (text, the claim's content, its speaker mention, its cue, the speaker's resolved name)
CLAIMS: list[tuple[str, str, str, str, str]] = [
    (
        "Moon said he will use the summit to push to restart diplomacy.",
        "he will use the summit to push to restart diplomacy",
        "Moon",
        "said",
        "Moon",
    ),
    (
        "Finance Minister Choi Sang-mok said that the economy would grow by 2 percent next year.",
        "that the economy would grow by 2 percent next year",
        "Choi Sang-mok",
        "said",
        "Choi Sang-mok",
    ),
    (
        "The talks will resume next week in Geneva, a senior government official said.",
        "The talks will resume next week in Geneva",
        "a senior government official",
        "said",
        "senior government official",
    ),
    (
        "The budget will be cut by a third, said Lee Jae-won, a spokesman for the ministry.",
        "The budget will be cut by a third",
        "Lee Jae-won",
        "said",
        "Lee Jae-won",
    ),
    (
        "Governor Alice Brandt told reporters on Monday that the bridge would reopen in May.",
        "that the bridge would reopen in May",
        "Alice Brandt",
        "told",
        "Alice Brandt",
    ),
    (
        "Senator Tom Hale told the committee the program had run out of money.",
        "the program had run out of money",
        "Tom Hale",
        "told",
        "Tom Hale",
    ),
    (
        "According to diplomatic sources, Washington is speeding up its review of the deal.",
        "Washington is speeding up its review of the deal",
        "diplomatic sources",
        "according to",
        "diplomatic sources",
    ),
    (
        "The factory will close by the end of the summer, according to the union.",
        "The factory will close by the end of the summer",
        "the union",
        "according to",
        "union",
    ),
    (
        # a day after the attribution ends it; it opens no second clause
        "The factory will close by the end of the summer, according to the union, Thursday.",
        "The factory will close by the end of the summer",
        "the union",
        "according to",
        "union",
    ),
    (
        "Household debt rose for the ninth month in a row, according to central bank data.",
        "Household debt rose for the ninth month in a row",
        "central bank data",
        "according to",
        "central bank data",
    ),
    (
        "Mayor Dana Reyes added that the city would hire two hundred new teachers.",
        "that the city would hire two hundred new teachers",
        "Dana Reyes",
        "added",
        "Dana Reyes",
    ),
    (
        "Professor Kim Min-su warned that prices could rise sharply next spring.",
        "that prices could rise sharply next spring",
        "Kim Min-su",
        "warned",
        "Kim Min-su",
    ),
    (
        "The ministry denied that any soldiers had crossed the border.",
        "that any soldiers had crossed the border",
        "The ministry",
        "denied",
        "ministry",
    ),
    (
        "Police confirmed that two men had been arrested near the station.",
        "that two men had been arrested near the station",
        "Police",
        "confirmed",
        "Police",
    ),
    (
        "Park Ji-hoon insisted that the vote had been fair and that nobody had been pressed.",
        "that the vote had been fair and that nobody had been pressed",
        "Park Ji-hoon",
        "insisted",
        "Park Ji-hoon",
    ),
    (
        "Hanbit's spokesperson said the company had no plans to sell the unit.",
        "the company had no plans to sell the unit",
        "Hanbit's spokesperson",
        "said",
        "Hanbit's spokesperson",
    ),
    (
        "If the court rules against the plan, the minister said, the government will appeal.",
        "If the court rules against the plan, the minister said, the government will appeal",
        "the minister",
        "said",
        "minister",
    ),
    (
        "Nick Hale, a spokesman for Mrs. Brandt, said that the levy would be dropped in May.",
        "that the levy would be dropped in May",
        "Nick Hale",
        "said",
        "Nick Hale",
    ),
    (
        "As the Tribune reported on Saturday, the mayor has already hired a new adviser.",
        "the mayor has already hired a new adviser",
        "the Tribune",
        "reported",
        "Tribune",
    ),
    (
        "“We will see,” Lee said, adding that the party would meet again in June.",
        "that the party would meet again in June",
        "Lee",
        "adding",
        "Lee",
    ),
    (
        "Economists say inflation in the region is likely to ease by the autumn.",
        "inflation in the region is likely to ease by the autumn",
        "Economists",
        "say",
        "Economists",
    ),
    (
        "Governor Brandt said the new levy was “a tax on the poor” and would not pass.",
        "the new levy was “a tax on the poor” and would not pass",
        "Brandt",
        "said",
        "Brandt",
    ),
    (
        # a statement in doubled apostrophes, its tag read whatever follows the speaker
        "''The harbor will be dredged by the spring,'' said one person who knows the "
        "plan, who asked that his name be withheld.",
        "''The harbor will be dredged by the spring,''",
        "one person",
        "said",
        "person",
    ),
    (
        # a quote in doubled apostrophes that ends the claim goes on in the next sentence
        "The yield is ''twice the size of the costs,'' Okafor said. ''Ferries help towns.''",
        "The yield is ''twice the size of the costs,'' Okafor said. ''Ferries help towns.''",
        "Okafor",
        "said",
        "Okafor",
    ),
    (
        "The minister said on CNN that the talks would resume in the spring.",
        "that the talks would resume in the spring",
        "The minister",
        "said",
        "minister",
    ),
    (
        "The minister said on Sept. 5 that the talks would resume in the spring.",
        "that the talks would resume in the spring",
        "The minister",
        "said",
        "minister",
    ),
    (
        "A poll released Wednesday by Harlow College found the governor leading by nine points.",
        "the governor leading by nine points",
        "A poll released Wednesday by Harlow College",
        "found",
        "A poll released Wednesday by Harlow College",
    ),
    (
        "The survey showed that most residents support the new park.",
        "that most residents support the new park",
        "The survey",
        "showed",
        "survey",
    ),
    (
        "Most residents want the park rebuilt by the spring, the survey found.",
        "Most residents want the park rebuilt by the spring",
        "the survey",
        "found",
        "survey",
    ),
    (
        "In a poll released Monday by Harlow College, most voters backed the harbor plan.",
        "most voters backed the harbor plan",
        "a poll released Monday by Harlow College",
        "in",
        "a poll released Monday by Harlow College",
    ),
    (
        "The new rules, which officials said will take effect in May, cover all ports.",
        "which officials said will take effect in May",
        "officials",
        "said",
        "officials",
    ),
    (
        "Senator Alice Brandt criticized the mayor for closing the shelters in the winter.",
        "the mayor for closing the shelters in the winter",
        "Alice Brandt",
        "criticized",
        "Alice Brandt",
    ),
    (
        # a coordinated verb ends the object
        "The mayor urged residents to stay home and handed out sandbags.",
        "residents to stay home",
        "The mayor",
        "urged",
        "mayor",
    ),
    (
        # a parenthesis ends the object
        "Senator Hale proposed a ban on night flights (which drew criticism) last week.",
        "a ban on night flights",
        "Hale",
        "proposed",
        "Hale",
    ),
    (
        # a claim verb with no reported clause reads its object when it is a verb of stance
        "The board announced a new plan to rebuild the harbor by 2030.",
        "a new plan to rebuild the harbor by 2030",
        "The board",
        "announced",
        "board",
    ),
    (
        "Brandt: The harbor will be rebuilt by spring\n\nThe governor, Alice Brandt, spoke.",
        "The harbor will be rebuilt by spring",
        "Brandt",
        ":",
        "Alice Brandt",
    ),
    (
        "Over the coming years, according to the port authority, the tolls will climb.",
        "Over the coming years, according to the port authority, the tolls will climb",
        "the port authority",
        "according to",
        "port authority",
    ),
    (
        "Towns like Millbrook (71 percent of homes there were rented, according to county records) "
        "top the list.",
        "71 percent of homes there were rented",
        "county records",
        "according to",
        "county records",
    ),
    (
        "The harbor will reopen in May, the deputy minister’s spokesman said.",
        "The harbor will reopen in May",
        "minister’s spokesman",
        "said",
        "minister’s spokesman",
    ),
    (
        "Thirty-one percent said they were less inclined to back the levy.",
        "they were less inclined to back the levy",
        "Thirty-one percent",
        "said",
        "Thirty-one percent",
    ),
    (
        "Mr. Tarvin said closing the depot could strand farmers in Vermont.",
        "closing the depot could strand farmers in Vermont",
        "Tarvin",
        "said",
        "Tarvin",
    ),
    (
        "U.S. District Judge Ann Hale imposed a large fine, saying a stern lesson was due.",
        "a stern lesson was due",
        "Ann Hale",
        "saying",
        "Ann Hale",
    ),
    (
        "The mayor attacked the council, calling the budget “a disgrace.”",
        "the budget “a disgrace.”",
        "The mayor",
        "calling",
        "mayor",
    ),
    (
        "“We will win,” the senator said, referring to the coming vote.",
        "the coming vote",
        "the senator",
        "referring",
        "senator",
    ),
    (
        "Governor Hale said the plan was “bold, daring and expensive” and would pass.",
        "the plan was “bold, daring and expensive” and would pass",
        "Hale",
        "said",
        "Hale",
    ),
    (
        "Mayor Alice Hale told delegates at the convention that the plan would pass.",
        "that the plan would pass",
        "Alice Hale",
        "told",
        "Alice Hale",
    ),
    (
        "The plan would pass in the spring, the governor told her.",
        "The plan would pass in the spring",
        "the governor",
        "told",
        "governor",
    ),
    (
        "Senator Hale says thousands lost their savings because of shady brokers.",
        "thousands lost their savings because of shady brokers",
        "Hale",
        "says",
        "Hale",
    ),
    (
        "Governor Hale says driver deserves a fine for his blunder.",
        "driver deserves a fine for his blunder",
        "Hale",
        "says",
        "Hale",
    ),
    (
        "Governor Hale Says Harbor Will Reopen in May\n\nGovernor Alice Hale spoke on Monday.",
        "Harbor Will Reopen in May",
        "Hale",
        "says",
        "Alice Hale",
    ),
    (
        "Poll: Most voters back the harbor plan\n\nThe poll asked 800 voters.",
        "Most voters back the harbor plan",
        "Poll",
        ":",
        "Poll",
    ),
    (
        "The harbor will reopen in May, officials said.",
        "The harbor will reopen in May",
        "officials",
        "said",
        "officials",
    ),
    (
        "Parents welcomed the change, with four in 10 saying it would ease their mornings.",
        "it would ease their mornings",
        "four in 10",
        "saying",
        "four in 10",
    ),
    (
        "The mayor leads by nine points according to a count kept by the Harbor Times, but it is"
        " close.",
        "The mayor leads by nine points",
        "a count kept by the Harbor Times",
        "according to",
        "a count kept by the Harbor Times",
    ),
    (
        "The harbor plan will cost about two billion dollars, according to city records (a rise).",
        "The harbor plan will cost about two billion dollars",
        "city records",
        "according to",
        "city records",
    ),
    (
        "Governor Hale said if he were elected, the harbor would reopen in May.",
        "if he were elected, the harbor would reopen in May",
        "Hale",
        "said",
        "Hale",
    ),
    (
        "The party hit back, with Senator John Hale telling reporters he blamed the mayor.",
        "he blamed the mayor",
        "John Hale",
        "telling",
        "John Hale",
    ),
    (
        "Governor Hale resigned, telling aides in Millbrook, Vermont, that she had no regrets.",
        "that she had no regrets",
        "Hale",
        "telling",
        "Hale",
    ),
    (
        "The writer said she was weary of the long lines.",
        "she was weary of the long lines",
        "The writer",
        "said",
        "writer",
    ),
    (
        "His allies say the governor will run again next year.",
        "the governor will run again next year",
        "His allies",
        "say",
        "His allies",
    ),
    (
        "Many weekends, former staffers said, he would sweep the hall until dawn.",
        "Many weekends, former staffers said, he would sweep the hall until dawn",
        "former staffers",
        "said",
        "former staffers",
    ),
    (
        "The levy is vague about fees, analysts say, including a clause that could hurt farms.",
        "The levy is vague about fees, analysts say, including a clause that could hurt farms",
        "analysts",
        "say",
        "analysts",
    ),
    (
        "“Many would call that a defeat” if she won by less, said Kim Hale, an analyst.",
        "“Many would call that a defeat” if she won by less",
        "Kim Hale",
        "said",
        "Kim Hale",
    ),
    (
        "Almost half said they favored a ferry to the island.",
        "they favored a ferry to the island",
        "Almost half",
        "said",
        "Almost half",
    ),
    (
        "One in three said the harbor plan was too expensive.",
        "the harbor plan was too expensive",
        "One in three",
        "said",
        "One in three",
    ),
    (
        "Nearly seven out of 10 say the town will shrink.",
        "the town will shrink",
        "Nearly seven out of 10",
        "say",
        "Nearly seven out of 10",
    ),
    (
        "A majority of voters said the city is heading the wrong way.",
        "the city is heading the wrong way",
        "A majority of voters",
        "said",
        "A majority of voters",
    ),
    (
        "Several supporters of the plan said it would bring jobs to the harbor.",
        "it would bring jobs to the harbor",
        "Several supporters",
        "said",
        "supporters",
    ),
    (
        "Governor Hale said builders quietly added a margin to their quotes.",
        "builders quietly added a margin to their quotes",
        "Hale",
        "said",
        "Hale",
    ),
    (
        "Governor Hale said pro-harbor groups attempted to block the vote.",
        "pro-harbor groups attempted to block the vote",
        "Hale",
        "said",
        "Hale",
    ),
    (
        "According to the Harbor Times, the mayor has not asked the council for its views.",
        "the mayor has not asked the council for its views",
        "the Harbor Times",
        "according to",
        "Harbor Times",
    ),
    (
        "According to Kim Hale, a spokesman for the council, the mayor left early.",
        "the mayor left early",
        "Kim Hale",
        "according to",
        "Kim Hale",
    ),
    (
        "According to Kim Hale, who was there, the mayor left early.",
        "the mayor left early",
        "Kim Hale",
        "according to",
        "Kim Hale",
    ),
    (
        # a clause that opens with a quoted fragment and goes on past it
        "Governor Hale said “the tide is turning” for the harbor towns.",
        "“the tide is turning” for the harbor towns",
        "Hale",
        "said",
        "Hale",
    ),
    (
        # an aside between dashes between the subject and the verb
        "Lena Voss — a teacher from Millbrook — says the harbor school will close.",
        "the harbor school will close",
        "Lena Voss",
        "says",
        "Lena Voss",
    ),
    (
        # a second verb after `and` shares the subject of the clause's first verb
        "But Lena Voss left the hall early and said the vote would be close.",
        "the vote would be close",
        "Lena Voss",
        "said",
        "Lena Voss",
    ),
    (
        # a bare plural subject, then its verb in the present
        "Governor Hale said pilots still sail across the bay at night.",
        "pilots still sail across the bay at night",
        "Hale",
        "said",
        "Hale",
    ),
    (
        # a bare noun subject, then a negated verb
        "Governor Hale said members of the board shouldn’t vote on it.",
        "members of the board shouldn’t vote on it",
        "Hale",
        "said",
        "Hale",
    ),
    (
        # a participle after a quoted phrase that its comma closes
        "Lena Voss defended “the harbor plan,” saying it would bring jobs to the town.",
        "it would bring jobs to the town",
        "Lena Voss",
        "saying",
        "Lena Voss",
    ),
    (
        # a participle after `by` goes with the sentence's subject
        "Lena Voss angered the council by saying the harbor would be sold.",
        "the harbor would be sold",
        "Lena Voss",
        "saying",
        "Lena Voss",
    ),
    (
        # a listener that is a name, then the clause's subject
        "Governor Hale told the Harbor Post her office would reopen the bridge.",
        "her office would reopen the bridge",
        "Hale",
        "told",
        "Hale",
    ),
    (
        # a statement in doubled apostrophes after the tag and its comma, to its closing marks
        "Governor Hale added, ''The harbor will open in May. It will be busy.'' She left.",
        "''The harbor will open in May. It will be busy.''",
        "Hale",
        "added",
        "Hale",
    ),
    (
        # a bare plural of people the quote rules do not read as speakers
        "But harbor specialists say the bridge will need repairs.",
        "the bridge will need repairs",
        "harbor specialists",
        "say",
        "harbor specialists",
    ),
    (
        # a quantifier that opens the clause, with an `of` phrase
        "The vote was close, and most of the ferrymen have said the harbor should stay open.",
        "the harbor should stay open",
        "most of the ferrymen",
        "said",
        "most of the ferrymen",
    ),
    (
        # a document that states a finding
        "The affidavit said the harbor fees had been paid twice.",
        "the harbor fees had been paid twice",
        "The affidavit",
        "said",
        "affidavit",
    ),
    (
        # a share with a hedge
        "A mere 12 percent say the harbor should be sold.",
        "the harbor should be sold",
        "A mere 12 percent",
        "say",
        "A mere 12 percent",
    ),
    (
        # two subjects of a closing tag joined by `and`
        "The ferry will stop running in winter, Lena Voss and Kim Hale said.",
        "The ferry will stop running in winter",
        "Lena Voss and Kim Hale",
        "said",
        "Lena Voss and Kim Hale",
    ),
    (
        # a person with an adjective's phrase in a closing tag
        "The ferry will stop running in winter, people close to the mayor said.",
        "The ferry will stop running in winter",
        "people close to the mayor",
        "said",
        "people close to the mayor",
    ),
    (
        # a relative clause whose pronoun the grammar read as the subject's determiner
        "The crew withheld records that harbor officials said would compromise the inquiry.",
        "that harbor officials said would compromise the inquiry",
        "harbor officials",
        "said",
        "harbor officials",
    ),
    (
        # a relative clause whose verb in the past follows the cue
        "The mayor cut the fees, a move that Lena Voss says saved the harbor.",
        "that Lena Voss says saved the harbor",
        "Lena Voss",
        "says",
        "Lena Voss",
    ),
    (
        # a participle after the comma that closes its sentence subject's verb phrase
        "But other advisers to the harbor board have been urging the mayor to sell, saying "
        "that only a crisis would move the council.",
        "that only a crisis would move the council",
        "other advisers",
        "saying",
        "advisers",
    ),
    (
        # a time after a closing tag's listener
        "The union will sit out the vote, Lena Voss told the Harbor Post earlier this week.",
        "The union will sit out the vote",
        "Lena Voss",
        "told",
        "Lena Voss",
    ),
    (
        # a role in lower case before the name in a closing tag
        "The union will sit out the vote this year, harbor director Lena Voss said.",
        "The union will sit out the vote this year",
        "Lena Voss",
        "said",
        "Lena Voss",
    ),
    (
        # a condition with no comma before the clause it conditions
        "Governor Hale said if elected again she would cut the harbor fees.",
        "if elected again she would cut the harbor fees",
        "Hale",
        "said",
        "Hale",
    ),
    (
        # a subject that opens the clause, then a relative clause before the verb
        "People who have fought the harbor plan say it could still pass.",
        "it could still pass",
        "People",
        "say",
        "People",
    ),
    (
        # the respondents of a survey
        "Again, those surveyed said the ferry should run all winter.",
        "the ferry should run all winter",
        "those surveyed",
        "said",
        "those surveyed",
    ),
    (
        # a poll states a finding
        "Exit polls suggested that Lena Voss won most of the rural vote.",
        "that Lena Voss won most of the rural vote",
        "Exit polls",
        "suggested",
        "Exit polls",
    ),
    (
        # a collective of people or organisations speaks
        "Local news outlets reported that the harbor master had resigned.",
        "that the harbor master had resigned",
        "Local news outlets",
        "reported",
        "Local news outlets",
    ),
    (
        # the subject's relative clause holds another phrase, which does not speak
        "Reporters who interviewed Lena Voss said she was tired.",
        "she was tired",
        "Reporters",
        "said",
        "Reporters",
    ),
    (
        # a quantifier with a relative clause
        "Some who advocate the levy argue that it would cut traffic.",
        "that it would cut traffic",
        "Some who advocate the levy",
        "argue",
        "Some who advocate the levy",
    ),
    (
        # a bare plural subject, a time adverb before its verb
        "Harbor defenders today argue that the levy would ruin small shippers.",
        "that the levy would ruin small shippers",
        "Harbor defenders",
        "argue",
        "Harbor defenders",
    ),
    (
        # a bare plural subject, an aside between commas before its verb
        "Dock workers, for example, argue that the new levy would cost jobs.",
        "that the new levy would cost jobs",
        "Dock workers",
        "argue",
        "Dock workers",
    ),
    (
        # a body of people with no plural nor determiner closes the sentence
        "The ferry was stopped at the pier after a long chase, police said.",
        "The ferry was stopped at the pier after a long chase",
        "police",
        "said",
        "police",
    ),
    (
        # a day and its part between the subject and the verb
        "The Harbor Council on Tuesday evening said the ferry would run again in May.",
        "the ferry would run again in May",
        "The Harbor Council",
        "said",
        "Harbor Council",
    ),
    (
        # a subordinate clause ends the claim at its comma
        "And when Lena Voss said the harbor would close, the crowd booed her.",
        "the harbor would close",
        "Lena Voss",
        "said",
        "Lena Voss",
    ),
    # Reported speech around a quoted fragment (PolNeAR's mixed attributions): the claim is the
    # whole clause, quote marks included.
    (
        # a comma inside a closing mark ends the clause as a comma outside it does
        "Governor Hale said the ferry was “a mess,” but she praised the crew.",
        "the ferry was “a mess,”",
        "Hale",
        "said",
        "Hale",
    ),
    (
        # but not between quoted words of a list
        "Lena Voss praised his “steady hand,” “deep knowledge of the port” and patience.",
        "his “steady hand,” “deep knowledge of the port” and patience",
        "Lena Voss",
        "praised",
        "Lena Voss",
    ),
    (
        # the quoted complement of a verb of naming ends the claim before the naming's occasion
        "The mayor left the hall, calling the harbor plan “a disaster” in an interview.",
        "the harbor plan “a disaster”",
        "The mayor",
        "calling",
        "mayor",
    ),
    (
        # but not before what the complement goes on with
        "The mayor left the hall, calling the levy “a burden” for small shippers.",
        "the levy “a burden” for small shippers",
        "The mayor",
        "calling",
        "mayor",
    ),
    (
        # a judgement after `as`, then another verb
        "Lena Voss described the levy as “a gift to shippers” on Tuesday and left.",
        "the levy as “a gift to shippers”",
        "Lena Voss",
        "described",
        "Lena Voss",
    ),
    (
        # coordinated quoted complements stay together
        "The mayor left the hall, calling the levy “unfair” and “reckless” in her speech.",
        "the levy “unfair” and “reckless”",
        "The mayor",
        "calling",
        "mayor",
    ),
    (
        # two words are enough when quote marks set the judgement apart
        "The mayor left the hall, calling it “reckless.”",
        "it “reckless.”",
        "The mayor",
        "calling",
        "mayor",
    ),
    (
        # a participle of a claim verb after a quote's tag reports for the tag's speaker
        "“We will fight,” Lena Voss said, adding the harbor plan was “a disaster.”",
        "the harbor plan was “a disaster.”",
        "Lena Voss",
        "adding",
        "Lena Voss",
    ),
    (
        # a bare noun subject whose verb opens a quoted fragment
        "Lena Voss says ferries “are such a gamble” because storms come up.",
        "ferries “are such a gamble” because storms come up",
        "Lena Voss",
        "says",
        "Lena Voss",
    ),
    (
        # a clause before the tag keeps the closing mark its comma stands in
        "The harbor is “a mess,” Lena Voss said.",
        "The harbor is “a mess,”",
        "Lena Voss",
        "said",
        "Lena Voss",
    ),
    (
        # a gerund opens a clause whose verb follows, not a fronted phrase
        "Closing the harbor would cost the town its ferry jobs, Lena Voss said.",
        "Closing the harbor would cost the town its ferry jobs",
        "Lena Voss",
        "said",
        "Lena Voss",
    ),
    (
        # a verb of telling never inverts: its speaker stands before it, its listener after
        "The harbor will close for the winter, Lena Voss, the port director, told the Harbor Post.",
        "The harbor will close for the winter",
        "Lena Voss",
        "told",
        "Lena Voss",
    ),
    (
        # adverbs between the subject and the cue
        "Mara Voss has long said the harbor levy was a mistake.",
        "the harbor levy was a mistake",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        "Port officials even noted that the ferry had sailed without lights.",
        "that the ferry had sailed without lights",
        "Port officials",
        "noted",
        "Port officials",
    ),
    (
        # a second verb after `and` and an auxiliary shares the sentence's subject
        "Mara Voss voted against the levy and has said that she would repeal it.",
        "that she would repeal it",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        # a cue in -ing after a form of `be` is the clause's verb
        "Mara Voss is now predicting the levy will fail in the spring.",
        "the levy will fail in the spring",
        "Mara Voss",
        "predicting",
        "Mara Voss",
    ),
    (
        # a verb that takes an object reports a clause without `that` when a subject and a
        # finite verb open it
        "Mara Voss denied she was at the harbor that night.",
        "she was at the harbor that night",
        "Mara Voss",
        "denied",
        "Mara Voss",
    ),
    (
        "Mara Voss admitted her plan was not perfect.",
        "her plan was not perfect",
        "Mara Voss",
        "admitted",
        "Mara Voss",
    ),
    (
        # the present of a plural subject and the participles of the claim verbs
        "Harbor officials insist the ferry will sail on time.",
        "the ferry will sail on time",
        "Harbor officials",
        "insist",
        "Harbor officials",
    ),
    (
        "The Harbor Ministry closed the port on Monday, stating that the cranes were unsafe.",
        "that the cranes were unsafe",
        "The Harbor Ministry",
        "stating",
        "Harbor Ministry",
    ),
    (
        # adverbs between the subject and a cue after the clause
        "The ferry will not sail this winter, Mara Voss has long said.",
        "The ferry will not sail this winter",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        # an aside with quoted words between the subject and the cue, its comma inside the mark
        "Lena Varga, the author of “Tides,” said the ferry would sail at dawn.",
        "the ferry would sail at dawn",
        "Lena Varga",
        "said",
        "Lena Varga",
    ),
    (
        # a tag after the clause whose subject the grammar reads only in part
        "The pilot was headed to Delmont for meetings, the news site Harbor Info reported.",
        "The pilot was headed to Delmont for meetings",
        "Harbor Info",
        "reported",
        "Harbor Info",
    ),
    (
        "The port is a classic scare tactic, as Lena Varga noted in the Delmont Courier.",
        "The port is a classic scare tactic",
        "Lena Varga",
        "noted",
        "Lena Varga",
    ),
    (
        # a dash after the tag ends the attribution
        "The port needs new cranes, Lena Varga said this week in Delmont — an apparent reversal.",
        "The port needs new cranes",
        "Lena Varga",
        "said",
        "Lena Varga",
    ),
    (
        # a subject's prepositional phrase that the grammar does not read through
        "The top officials of both harbor boards say the ferry must sail.",
        "the ferry must sail",
        "The top officials",
        "say",
        "top officials",
    ),
    (
        "As another harbor study from 2011 noted, the port was busy.",
        "the port was busy",
        "another harbor study",
        "noted",
        "harbor study",
    ),
    (
        # a span of time after the cue
        "Mara Voss has said for weeks she is the only candidate who can win.",
        "she is the only candidate who can win",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        # a listener and its comma before the clause; a fronted word is no claim before the tag
        "Instead, Mara Voss told the Courier, her plan would merely be to cut the levy.",
        "her plan would merely be to cut the levy",
        "Mara Voss",
        "told",
        "Mara Voss",
    ),
    (
        # a long aside in parentheses between the subject and the cue
        "Sen. Lena Varga (a Delmont Democrat so young she was taken for an intern) says the levy"
        " was a mistake.",
        "the levy was a mistake",
        "Lena Varga",
        "says",
        "Lena Varga",
    ),
    (
        # a show's title in quote marks inside the occasion before `that`
        "Mara Voss said on the Delmont Courier's “Harbor Hour” on Sunday that the levy was dead.",
        "that the levy was dead",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        # a quantity opens the reported clause's subject
        "Port officials said more than 1,200 riders took the ferry on Monday.",
        "more than 1,200 riders took the ferry on Monday",
        "Port officials",
        "said",
        "Port officials",
    ),
    (
        # a dash opens the writer's appositive on the clause, not more of the clause
        "Mara Voss said the levy would double the fares — a proposal she has raised before.",
        "the levy would double the fares",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        # a scene set before the tag, then a quote in doubled apostrophes: the quote is the claim
        "As the crowd booed, Mara Voss said, ''Please sit down and listen.''",
        "''Please sit down and listen.''",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        # a condition with no comma, then `it` and a modal: the clause it conditions
        "Ines Kovar said if the council picked her it would be a harbor ticket.",
        "if the council picked her it would be a harbor ticket",
        "Ines Kovar",
        "said",
        "Ines Kovar",
    ),
    (
        # ... or `it` and a contracted modal
        "Mara Voss said if the council picked her it’d be a harbor ticket.",
        "if the council picked her it’d be a harbor ticket",
        "Mara Voss",
        "said",
        "Mara Voss",
    ),
    (
        # ... or a contracted subject and modal
        "Ines Kovar says if she spent a day at the port she’d be yelling at the ferries.",
        "if she spent a day at the port she’d be yelling at the ferries",
        "Ines Kovar",
        "says",
        "Ines Kovar",
    ),
    (
        # a name opens the sentence; its relative clause holds a place with commas of its own
        "Sandy Voss, who lost her boat in Millbrook, Vermont, in July, said the levy failed.",
        "the levy failed",
        "Sandy Voss",
        "said",
        "Sandy Voss",
    ),
    (
        # ... or its appositive names a paper after a comma
        "Gino Vanni, the editor of the harbor's newspaper, The Tide, said the levy failed.",
        "the levy failed",
        "Gino Vanni",
        "said",
        "Gino Vanni",
    ),
    (
        # ... or a relative clause in `whose`
        "Kim Hale, whose book on the port, Tides, sold well, said the levy failed.",
        "the levy failed",
        "Kim Hale",
        "said",
        "Kim Hale",
    ),
    (
        # a comma after the cue, an aside, then the clause's subject and verb
        "Candidate Ines Kovar says, win or lose on Tuesday, she’s staying in the race.",
        "win or lose on Tuesday, she’s staying in the race",
        "Ines Kovar",
        "says",
        "Ines Kovar",
    ),
    (
        # a comma inside the aside (a place's, a date's) does not stop the search for `, that`
        "The mayor said, in Millbrook, Vermont, that the ferry would close next week.",
        "that the ferry would close next week",
        "The mayor",
        "said",
        "mayor",
    ),
    (
        "Voss said, in a statement on Monday, Tuesday, that the levy would pass.",
        "that the levy would pass",
        "Voss",
        "said",
        "Voss",
    ),
    (
        # a concessive phrase, its comma, then the clause it opens
        "Ines Kovar says despite all that, the port was never closed.",
        "despite all that, the port was never closed",
        "Ines Kovar",
        "says",
        "Ines Kovar",
    ),
    (
        # a concessive phrase with no comma: the clause after the cue opens as without one
        "Voss says despite the delay the port is doing well this year.",
        "despite the delay the port is doing well this year",
        "Voss",
        "says",
        "Voss",
    ),
    (
        # a bare noun and a name in apposition, then a verb in the past, open the clause
        "Mara Voss says rival Ines Kovar accepted $20,000 in donations from the port.",
        "rival Ines Kovar accepted $20,000 in donations from the port",
        "Mara Voss",
        "says",
        "Mara Voss",
    ),
    (
        # a bare noun with its modifier, then a verb in -s before its object
        "Mara Voss says praise from the council helps the port.",
        "praise from the council helps the port",
        "Mara Voss",
        "says",
        "Mara Voss",
    ),
    (
        # the preposition's noun may be a plural: the verb agrees with the singular subject
        "Mara Voss says praise from residents helps the port.",
        "praise from residents helps the port",
        "Mara Voss",
        "says",
        "Mara Voss",
    ),
    (
        # a person noun heads the subject
        "His former business partner said the levy would double the fares.",
        "the levy would double the fares",
        "His former business partner",
        "said",
        "His former business partner",
    ),
    # a wire story's dateline opens the sentence, not the claim
    (
        "SEOUL, March 4 (Yonhap) -- Ferry fares will rise next month, the ministry said Monday.",
        "Ferry fares will rise next month",
        "the ministry",
        "said",
        "ministry",
    ),
    (
        "LINDELL (AP) — Ferry fares will rise, according to the port authority.",
        "Ferry fares will rise",
        "the port authority",
        "according to",
        "port authority",
    ),
    # capitals that open the sentence's own subject are no dateline
    (
        "NATO allies -- the larger ones at least -- will pay more, the minister said.",
        "NATO allies -- the larger ones at least -- will pay more",
        "the minister",
        "said",
        "minister",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention", "cue", "name"), CLAIMS)
def test_claim_of_each_construction(
    text: str, content: str, mention: str, cue: str, name: str
) -> None:
    # the claims of the rules: a scored cue may add one (`Most residents want ...`)
    (claim,) = [c for c in extract(text).claims if (c.cue or "").lower() not in SCORED_CUE_VERBS]
    assert claim.text == content
    assert text[claim.start : claim.end] == content
    assert claim.mention is not None
    assert claim.mention.text == mention
    assert claim.cue is not None
    assert claim.cue.lower() == cue
    assert claim.speaker is not None
    assert claim.speaker.name == name
    assert claim.kind == "indirect"
    assert 0.5 <= claim.confidence <= 1


# Sentences that attribute no claim.
NOT_CLAIMS: list[tuple[str, str]] = [
    ("said as an adjective", "The said agreement was signed in Geneva by both parties last May."),
    ("narration", "The minister walked out of the hall and drove back to the capital."),
    ("a question the reporter asks", "Did the minister say that the talks would resume next week?"),
    ("a hypothetical", "The minister would say that the talks had failed if anyone asked him."),
    ("a denial of speaking", "The minister did not say that the talks had failed."),
    ("a passive", "The minister was told that the talks had failed."),
    ("a plain quote", "“The talks have failed,” the minister said."),
    (
        "a topic before a quote's tag",
        "On the ferry permits, Lena Voss said, “We filed every form on time.”",
    ),
    ("a quote after a colon", "The minister said: “The talks have failed and we will go home.”"),
    ("a verb with a noun object", "The party claimed a narrow victory in the northern provinces."),
    ("said so", "The minister said so."),
    ("a reporter's question", "Asked about the device on Monday, the minister said."),
    ("a short phrase before the cue", "In the end, the minister agreed."),
    ("a place after the cue", "The minister said on the other hand."),
    ("no speaker the grammar can read", "After the vote said nothing changed in the city."),
    (
        "a doubled-apostrophe quote that does not open the sentence",
        "He called it ''a disgrace,'' said one person who knows the plan, who left.",
    ),
    ("a finding of no poll or study", "Her experience shows that patience pays off in the end."),
    ("a finding a speaker reports", "The ministry denied the survey."),
    ("a poll word that heads no phrase", "In the survey room, the staff ate lunch together."),
    ("a clause its own speaker reports", "In a poll on Monday, nobody asked Kim what she said."),
    ("a verb right after the cue", "It was a review the board said was underway this week."),
    ("a survey's team that shows up", "The survey team showed up at the town hall at noon."),
    ("a verb of stance with no object", "The governor criticized."),
    ("a headline label that is no name", "Breaking: The harbor will be rebuilt\n\nIt rained."),
    ("a headline question", "Brandt: Will the harbor be rebuilt by spring?\n\nBrandt spoke."),
    ("an appositive after a fronted phrase", "For years, according to Kim Hale, a spokesman."),
    ("a share with no reported clause", "Prices rose 24 percent said the report."),
    ("a participle with a plain object", "The mayor left the hall early, calling a taxi."),
    ("a bare noun and no verb after it", "Governor Hale says goodbye to the harbor today."),
    ("a headline `Says` with no name after it", "Report Says Harbor Will Reopen\n\nIt rained."),
    ("a label outside the headline", "It rained.\n\nBrandt: The harbor will be rebuilt soon."),
    ("a modal before the subject", "The city may, officials said, agree to sell the old harbor."),
    ("a share saying no clause", "The mayor spoke with 50 percent of the crowd saying nothing."),
    ("according to a plan", "The mayor and her staff left the hall early according to the plan."),
    ("a condition with no comma is not read", "Governor Hale said if asked he would run again."),
    ("a crowd after `with`", "The mayor spoke, with the crowd saying the harbor was lost."),
    ("a head that does not speak", "The winter said the harbor would freeze over by May."),
    ("a bare plural that is an object", "Many weekends, she met former staffers said to be ill."),
    ("a quote, then a short phrase", "“The plan is dead,” for now, said Kim Hale, an analyst."),
    (
        "a quote's tag with an appositive",
        "“The plan is dead,” Kim Hale, an analyst at the institute, told the Harbor Times.",
    ),
    ("a share noun after a determiner", "The second half said the plan was good."),
    (
        "a bare plural with a participle after it",
        "Supporters waiting outside said the vote was close.",
    ),
    ("a bare noun with no verb after an adverb", "Governor Hale said slowly paid workers."),
    ("a quoted fragment a conjunction follows", "Governor Hale said “no” and left the hall."),
    ("a quoted fragment closed by a comma", "Governor Hale said “the harbor is lost,” at noon."),
    ("a quoted name after a report", "The Harbor Times reported “a disgrace” in its column."),
    (
        "an aside between dashes after an object",
        "He met Kim — a lawyer — said the harbor would close.",
    ),
    ("a plural and an adjective after it", "Governor Hale said thanks close to midnight."),
    (
        "a participle after `by` in a clause of its own",
        "Lena Voss left because a clerk fooled the crowd by telling them the vote was off.",
    ),
    (
        "a listener and a thing told",
        "Governor Hale told the Harbor Post his long story about the harbor.",
    ),
    ("a comma, then no doubled apostrophes", "Governor Hale added, 'The harbor will open.'"),
    ("a bare plural of things", "But harbor planks say the bridge will need repairs."),
    ("a quantifier that opens no clause", "It went to the most said to be in need of it."),
    ("a quantifier and a relative clause", "There is one that says the harbor should stay open."),
    ("a head that is a time", "The morning said the harbor fees had been paid twice."),
    ("a hedge and no share", "A mere nine boats say little about the harbor."),
    (
        "a clause joined by `and` before the tag",
        "The clerk was late again, a boy waved at the boats and Kim Hale said.",
    ),
    (
        "a relative clause whose cue has an object",
        "The crew withheld records that harbor officials said nothing about at all.",
    ),
    ("a clause of what is said", "The mayor knew that what Lena Voss said hurt the harbor."),
    (
        "a participle in a relative clause",
        "It was the report, which other advisers seized on, saying that the fees were too high.",
    ),
    (
        "a closing tag with an object after the time",
        "The union will sit out the vote, Lena Voss said this week the harbor.",
    ),
    (
        "a fronted phrase before a tag with a role",
        "At dawn, the last stop of her tour, harbor director Lena Voss told a joke.",
    ),
    (
        "a condition whose own subject opens it",
        "Governor Hale said if she could cut the harbor fees it was fine.",
    ),
    (
        "a relative clause after a head that does not speak",
        "The harbor that the crews have fought for say it could still pass.",
    ),
    (
        "a second verb in a condition",
        "If Lena Voss left the hall early and said the vote was lost, nobody knew it.",
    ),
    ("a poll's head that says nothing", "The exit polls said to favor Lena Voss were wrong."),
    ("a group with no clause", "Protest groups of the Harbor Council said nothing."),
    (
        "a relative pronoun's verb",
        "The levy is opposed by some who say that it would cut traffic in the harbor.",
    ),
    ("a bare plural that cannot speak, an aside", "Ferry engines, for example, argue that."),
    (
        "a bare plural that cannot speak, a time adverb",
        "Harbor cranes today suggest that the levy would ruin small shippers.",
    ),
    (
        "a collective noun modifying a head that cannot speak",
        "The ferry was stopped at the pier after a long chase, police boats said.",
    ),
    (
        "a day between a subject that cannot speak and the verb",
        "The old ferry late Tuesday said goodbye to the harbor it served.",
    ),
    (
        "a source's appositive and no clause",
        "According to the Harbor Times, a weekly paper in town.",
    ),
    (
        "a whole statement in quote marks after `that`",
        "Governor Hale said that “the port is shut.”",
    ),
    ("a quoted fragment that opens no verb", "Lena Voss says ferries “such a gamble” at noon."),
    (
        "a judgement of two words without quote marks",
        "The mayor left the hall, calling it reckless.",
    ),
    (
        "a fronted phrase of time before the sentence's own verb",
        "Earlier in the year, Lena Voss wrote to the harbor council.",
    ),
    (
        "a fronted phrase of time before a quote's tag",
        "Later in the letter, Lena Voss wrote, “The harbor stays open for the winter. We paid.”",
    ),
    (
        "the listener after a verb of telling is no speaker",
        "Kim Hale, who runs the ferry line at the pier, told the Harbor Post.",
    ),
    (
        "a participle of no claim verb after a quote's tag",
        "“We will fight,” Lena Voss said, before leaving the hall.",
    ),
    (
        "a subordinate clause setting the scene before the tag",
        "When reached by the Harbor Post on Monday, Lena Voss said.",
    ),
    ("a participle's phrase before the tag", "Weighing in on the harbor vote, Lena Voss agreed."),
    (
        "a participle's phrase before a quote's tag",
        "Holding up a map of the harbor, Lena Voss said, “We will rebuild the pier next spring.”",
    ),
    (
        "a number's comma before the cue's subject",
        "Ferry crowds stayed below the 40,000 per week harbor officials estimated.",
    ),
    ("a negation before the cue", "Mara Voss has never said the levy was a mistake."),
    ("a modal before the cue", "Mara Voss would long have said the levy was a mistake."),
    ("a progressive with no clause", "Mara Voss is saying nothing about the harbor levy."),
    ("a passive, not a progressive", "Mara Voss was told the levy would fail."),
    ("an object, not a clause", "Mara Voss denied the report about the harbor."),
    ("a possessive's object, not a clause", "Mara Voss confirmed her plans for the harbor."),
    ("a verb's preposition, no clause", "Critics of the levy insist on a public vote."),
    ("a hypothetical in the present", "Mara Voss would suggest the levy be dropped."),
    ("a quantity of listeners, no clause", "Mara Voss told about 40 reporters at the dock."),
    ("a subject that does not speak", "The ferry with the most riders says the port is busy."),
    (
        "a listener's appositive, no clause",
        "Mara Voss told the Courier, the weekly paper in Delmont, about the levy.",
    ),
    ("a span of time and no clause", "Mara Voss has argued for years about the harbor."),
    (
        "a quoted `that` after an occasion is a quote's word",
        "Mara Voss said at the dock “that was the last ferry” and left.",
    ),
    (
        "a thing with an aside in parentheses does not speak",
        "The levy (which the ferry riders hate) says the cost will rise.",
    ),
    (
        "a subordinate clause before the tag",
        "After the ferry sank in the harbor, the news site Harbor Info reported.",
    ),
    (
        "a second clause after `and`, not a tag",
        "The ferry sank near the harbor, and the news site Harbor Info reported.",
    ),
    (
        "a tag inside dashes reports the quote, not the sentence",
        "The mayor was cautious - “we will see,” Lena Varga said - and left the hall.",
    ),
    (
        "an object's quoted appositive is no subject's aside",
        "The mayor met Lena Varga, the author of “Tides,” said the ferry would sail at dawn.",
    ),
    (
        "a passive participle with no object accuses nobody of anything",
        "The man accused of stealing two boats from the Delmont harbor will stay in jail.",
    ),
    (
        "the object of the subject's relative clause is not the speaker",
        "Harbor groups that have endorsed Mara Voss say they believe the levy should pass.",
    ),
    (
        "a condition with no comma and no modal after its subject conditions no clause",
        "Ines Kovar said if asked about it she is ready.",
    ),
    (
        "an aside after the cue's comma, then no clause",
        "Ines Kovar said, with a smile, goodbye to the crews.",
    ),
    (
        "a concessive phrase with no clause after it",
        "Ines Kovar spoke for an hour and said despite the storm.",
    ),
    (
        "a bare noun after the cue, a name, but no verb of a clause",
        "Mara Voss said goodbye to Ines Kovar and walked to the Harbor Church.",
    ),
    (
        "a plural noun and its preposition are no verb and object",
        "Mara Voss said prayers for the victims of the flood.",
    ),
    (
        "a plural subject's noun in -s before a preposition is no verb in the present",
        "Voss said plans for new homes for the workers in the city.",
    ),
    (
        "a noun in -s after a preposition and its modifier is no verb in the present",
        "Voss said aid for new homes for the workers in the city.",
    ),
    (
        "a system is no person noun, though `justice` is",
        "The justice system said the levy would double the fares.",
    ),
]


@pytest.mark.parametrize(("why", "text"), NOT_CLAIMS, ids=[why for why, _ in NOT_CLAIMS])
def test_no_claim(why: str, text: str) -> None:
    assert extract(text).claims == (), why


def test_a_quote_stays_a_quote_and_the_claim_holds_the_whole_clause() -> None:
    text = "Governor Brandt said the new levy was “a tax on the poor” and would not pass."
    result = extract(text)
    (quote,) = result.quotes
    (claim,) = result.claims
    assert quote.kind == "partial"
    assert quote.text == "a tax on the poor"
    assert claim.start < quote.start
    assert quote.end < claim.end


def test_a_coordinated_verb_takes_the_subject_that_opens_the_sentence() -> None:
    # `the mayor`, the subject inside the first claim, does not say the second
    text = "Lena Voss said the mayor was late and said the vote was lost."
    claims = extract(text).claims
    assert [claim.text for claim in claims] == ["the mayor was late", "the vote was lost"]
    assert [claim.mention.text if claim.mention else None for claim in claims] == [
        "Lena Voss",
        "Lena Voss",
    ]


def test_a_relative_clause_after_a_quote_tag_reports_for_the_tag_speaker() -> None:
    text = (
        "“The harbor is ours,” said Lena Voss, a farmer from Millbrook, who said the council "
        "was best suited to run it."
    )
    (claim,) = extract(text).claims
    assert claim.text == "the council was best suited to run it"
    assert claim.mention is not None
    assert claim.mention.text == "who"
    assert claim.speaker is not None
    assert claim.speaker.name == "Lena Voss"  # not the place before `who`


def test_a_stance_in_a_relative_clause_is_the_relative_pronouns_mention() -> None:
    text = "Mara Voss, who has repeatedly criticized the harbor levy, will speak on Monday."
    (claim,) = extract(text).claims
    assert claim.text == "the harbor levy"  # the main clause after the comma is not hers
    assert claim.mention is not None
    assert claim.mention.text == "who"  # the words the text uses, as the annotators mark them
    assert claim.speaker is not None
    assert claim.speaker.name == "Mara Voss"


def test_a_stance_whose_object_has_the_relative_clause_keeps_the_subject() -> None:
    text = "Mara Voss criticized the captain who runs the harbor ferry at the pier."
    (claim,) = extract(text).claims
    assert claim.mention is not None
    assert claim.mention.text == "Mara Voss"  # `who` opens the object's clause, not hers
    assert claim.text == "the captain who runs the harbor ferry at the pier"


def test_a_quote_tag_with_a_relative_clause_that_reports_nothing_gives_no_claim() -> None:
    text = "“The harbor is ours,” said Lena Voss, a farmer from Millbrook, who left early."
    assert extract(text).claims == ()


def test_claims_do_not_change_the_quotes() -> None:
    text = (
        "Kim Tae-ho said the missile launch was a warning.\n\n"
        "“We will respond,” a defense ministry official said. He added that the military was "
        "on alert, according to Yonhap."
    )
    with_claims = extract(text)
    # Reported speech nests: Yonhap reports what he added, and what he added stays his too.
    assert [(claim.text, claim.cue) for claim in with_claims.claims] == [
        ("the missile launch was a warning", "said"),
        ("He added that the military was on alert", "according to"),
        ("that the military was on alert", "added"),
    ]
    (quote,) = with_claims.quotes
    assert quote.text == "We will respond,"
    assert quote.mention is not None
    assert quote.mention.text == "a defense ministry official"


def test_pronoun_resolves_to_the_latest_speaker() -> None:
    text = (
        "Foreign Minister Park Jin met his Japanese counterpart on Monday.\n\n"
        "He said the two countries would resume talks on export controls."
    )
    (claim,) = extract(text).claims
    assert claim.mention is not None
    assert claim.mention.text == "He"
    assert claim.speaker is not None
    assert claim.speaker.name == "Park Jin"


def test_two_claims_in_one_sentence_are_cut_apart() -> None:
    text = "Lee said the plan was dead, and Park said the talks would go on."
    claims = extract(text).claims
    assert [(c.mention.text if c.mention else None, c.text) for c in claims] == [
        ("Lee", "the plan was dead"),
        ("Park", "the talks would go on"),
    ]


def test_a_claim_reported_within_another_claim_is_the_outer_speakers() -> None:
    text = "Mara Voss said the Harbor Ministry claimed the port was safe."
    assert [(c.mention.text if c.mention else None, c.text) for c in extract(text).claims] == [
        ("Mara Voss", "the Harbor Ministry claimed the port was safe"),
    ]


def test_a_claim_the_writer_sources_with_according_to_keeps_its_own_speaker() -> None:
    """`A said B, according to C`: C reports A's claim, which stays A's; a claim reported
    within another speaker's claim stays the outer speaker's (the test above)."""
    text = "The Harbor Ministry said ferry fares rose 5 percent, according to the Lindell Post."
    claims = [(c.speaker.name if c.speaker else None, c.text) for c in extract(text).claims]
    assert claims == [
        ("Lindell Post", "The Harbor Ministry said ferry fares rose 5 percent"),
        ("Harbor Ministry", "ferry fares rose 5 percent"),
    ]


@pytest.mark.parametrize(
    ("text", "title", "affiliation"),
    [
        (
            "According to a senior official at the harbor ministry, the talks will resume.",
            "senior official",
            "harbor ministry",
        ),
        ("According to Dana Cole, the mayor, the talks will resume.", "mayor", None),
        # negative: no appositive, no title
        ("According to Dana Cole, the talks will resume.", None, None),
    ],
)
def test_the_clause_after_according_to_is_no_title_of_its_source(
    text: str, title: str | None, affiliation: str | None
) -> None:
    claim = extract(text).claims[0]
    assert claim.text == "the talks will resume"
    assert claim.speaker is not None
    assert (claim.speaker.title, claim.speaker.affiliation) == (title, affiliation)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # how long after an event the attribution came ends the sentence, not the claim
        (
            "Ferry service will resume on Friday, the port authority said Wednesday, three days "
            "after a storm damaged the pier.",
            "Ferry service will resume on Friday",
        ),
        # negative: after an interposed attribution the claim goes on
        (
            "The port, the port authority said, will reopen three days after the storm.",
            "The port, the port authority said, will reopen three days after the storm",
        ),
    ],
)
def test_a_time_after_the_attribution_is_no_part_of_the_claim(text: str, content: str) -> None:
    (claim,) = extract(text).claims
    assert claim.text == content
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.kind) == ("port authority", "organization")


def test_a_claim_coordinated_after_another_claim_keeps_its_own_speaker() -> None:
    text = "Mara Voss said the port was safe, and the Harbor Ministry said the ferry would sail."
    assert [(c.mention.text if c.mention else None, c.text) for c in extract(text).claims] == [
        ("Mara Voss", "the port was safe"),
        ("the Harbor Ministry", "the ferry would sail"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mara Voss said the ferry fund had no money left, and Ms. Brandt said the ministry "
            "would pay.",
            [
                ("Mara Voss", "the ferry fund had no money left"),
                ("Brandt", "the ministry would pay"),
            ],
        ),
        (
            "Officials say the port is in trouble: A Delmont University poll this month found "
            "that most voters reject the levy.",
            [
                ("Officials", "the port is in trouble"),
                ("A Delmont University poll this month", "that most voters reject the levy"),
            ],
        ),
        (
            "Voss said there was no harm in the ferry case, whereas Brandt acknowledged that he "
            "had broken the rules.",
            [
                ("Voss", "there was no harm in the ferry case"),
                ("Brandt", "that he had broken the rules"),
            ],
        ),
        (
            "Voss said the council members were kind, but ultimately Brandt said the plan "
            "would fail.",
            [("Voss", "the council members were kind"), ("Brandt", "the plan would fail")],
        ),
    ],
)
def test_a_claim_ends_where_a_coordinated_claim_begins(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A title before the next speaker, a colon or `whereas` end the first claim's clause."""
    claims = extract(text).claims
    assert [(c.mention.text if c.mention else None, c.text) for c in claims] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mara Voss said that Ms. Brandt claimed the port was safe.",
        "Mara Voss said that probably Ms. Brandt claimed the port was safe.",
    ],
)
def test_a_claim_reported_within_a_clause_after_its_cue_is_not_cut(text: str) -> None:
    (claim,) = extract(text).claims
    assert claim.mention is not None
    assert claim.mention.text == "Mara Voss"
    assert claim.text.endswith("claimed the port was safe")


@pytest.mark.parametrize(
    "text",
    [
        "Mara Voss called the harbor master on Monday.",
        "Mara Voss called the Harbor Ministry last week.",
        "Mara Voss called Brandt at the ferry office.",
    ],
)
def test_a_person_called_at_a_time_is_a_call_not_a_claim(text: str) -> None:
    assert extract(text).claims == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mara Voss called the mayor a liar on Monday.", "the mayor a liar on Monday"),
        (
            "Mara Voss called Brandt “reckless” at the ferry office.",
            "Brandt “reckless” at the ferry office",
        ),
    ],
)
def test_a_person_called_something_is_a_claim(text: str, content: str) -> None:
    assert [claim.text for claim in extract(text).claims] == [content]


def test_a_quote_the_claim_opens_runs_on_to_its_closing_mark() -> None:
    text = "Mara Voss said the levy was “a gift to the builders. It costs more than it saves.”"
    (claim,) = extract(text).claims
    assert claim.text == "the levy was “a gift to the builders. It costs more than it saves.”"


def test_a_quote_closed_within_the_claim_does_not_stretch_it() -> None:
    text = (
        "Mara Voss said the levy was “a gift to the builders” and would fail. "
        "“It costs more than it saves,” she said."
    )
    (claim,) = extract(text).claims
    assert claim.text == "the levy was “a gift to the builders” and would fail"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "As reported by the Delmont Courier, the port will close in May.",
            "the port will close in May",
        ),
        (
            "The closure of the old port was first reported by the Delmont Courier.",
            "The closure of the old port",
        ),
    ],
)
def test_what_a_paper_reported_in_the_passive_is_its_claim(text: str, content: str) -> None:
    assert [(c.mention.text if c.mention else None, c.text) for c in extract(text).claims] == [
        ("the Delmont Courier", content),
    ]


def test_a_relative_clause_reported_by_a_paper_gives_no_claim() -> None:
    text = "The ferry, which was reported missing by the Delmont Courier, sank in May."
    assert extract(text).claims == ()
    assert (
        extract("The ferry, which was reported by the Delmont Courier, sank in May.").claims == ()
    )


def test_it_turns_out_that_claims_nothing() -> None:
    text = (
        "The Harbor Ministry said the ferry was safe. It turns out that the ferry was never "
        "insured. Mara Voss pointed out that the ferry was never inspected."
    )
    assert [(c.mention.text if c.mention else None, c.text) for c in extract(text).claims] == [
        ("The Harbor Ministry", "the ferry was safe"),
        ("Mara Voss", "that the ferry was never inspected"),
    ]


def test_claims_serialise_as_indirect_records() -> None:
    text = "The talks will resume next week, a senior official said."
    (record,) = extract(text).to_dict()["claims"]
    assert record["kind"] == "indirect"
    assert record["text"] == "The talks will resume next week"
    assert record["speaker"]["mention"] == "a senior official"
    assert record["rule"] == "clause_x_cue"


def test_claim_offsets_slice_back_on_the_seed_articles(seeds: dict[str, str]) -> None:
    for text in seeds.values():
        claims: tuple[Quote, ...] = extract(text).claims
        for claim in claims:
            assert text[claim.start : claim.end] == claim.text
            assert claim.speaker is not None
        assert list(claims) == sorted(claims, key=lambda claim: claim.start)


def test_find_claims_gives_no_claim_whose_cue_is_quoted() -> None:
    """The cue inside quote marks is the quoted speaker's own words, not a claim of theirs."""
    text = "“Kim said the plan was dead,” the minister recalled."
    sentences = extract(text).sentences
    quoted = [(0, text.index("”") + 1)]
    assert find_claims(text, sentences, quoted=quoted, resolver=_resolver(text)) == ()
    # Without the quote's span, the same sentence reads as Kim's claim.
    unquoted = find_claims(text, sentences, quoted=[], resolver=_resolver(text))
    assert "said" in [claim.cue for claim in unquoted]


def _resolver(text: str) -> Resolver:
    return Resolver(text=text, names=NameIndex(text), quote_spans=[])


# Where a claim's content starts and ends (PolNeAR's boundaries): (text, the cue, the content),
# each construction with a near miss that keeps its boundary.
BOUNDARIES: list[tuple[str, str, str]] = [
    # a verb of stance's particle is the cue's
    (
        "Senator Lena Voss called for a ban on night flights over the harbor.",
        "called",
        "a ban on night flights over the harbor",
    ),
    (
        "The Harbor Council warned on Monday of new floods in the district.",
        "warned",
        "new floods in the district",
    ),
    (
        "Park Min-ho warned of delays at the polls in the northern towns.",
        "warned",
        "delays at the polls in the northern towns",
    ),
    (
        "Senator Lena Voss called for his dismissal.",
        "called",
        "his dismissal",
    ),
    # near miss: a particle after the object is the object's
    (
        "Park Min-ho warned voters of delays at the polls in the northern towns.",
        "warned",
        "voters of delays at the polls in the northern towns",
    ),
    # a relative clause or an appositive inside the clause's subject goes on to its verb
    (
        "Lena Voss said the harbor, which opened in May, is already full.",
        "said",
        "the harbor, which opened in May, is already full",
    ),
    (
        "Lena Voss said Park Min-ho, a lawyer for the port, was paid twice.",
        "said",
        "Park Min-ho, a lawyer for the port, was paid twice",
    ),
    (
        "Lena Voss said Park Min-ho, who ran the port, “was paid twice.”",
        "said",
        "Park Min-ho, who ran the port, “was paid twice.”",
    ),
    # near miss: the comma of a number opens no insert
    (
        "Lena Voss said the port handled 2,400 ships, compared with 1,900 in the last year.",
        "said",
        "the port handled 2,400 ships",
    ),
    # near miss: a relative clause after the clause's verb is the narrator's
    (
        "Lena Voss said the harbor opened in May, which surprised the council.",
        "said",
        "the harbor opened in May",
    ),
    # a subordinate clause the reported clause opens with goes on past its comma
    (
        "Park Min-ho said that once the council votes, “the port will close for good.”",
        "said",
        "that once the council votes, “the port will close for good.”",
    ),
    # a quote that opens after the clause's comma goes on with it
    (
        "Park Min-ho said that the council voted, “and the port will close for good.”",
        "said",
        "that the council voted, “and the port will close for good.”",
    ),
    # near miss: a participle's quote is not the clause's, nor is the participle
    (
        "Park Min-ho said the council vote was “a farce,” adding, “The port will close for good.”",
        "said",
        "the council vote was “a farce,”",
    ),
    # an infinitive after an interposed attribution goes on with the claim
    (
        "The port is ready, Lena Voss said, to take the larger ships from the north.",
        "said",
        "The port is ready, Lena Voss said, to take the larger ships from the north",
    ),
    # near miss: a phrase of the attribution's own does not
    (
        "The port is ready, Lena Voss said, on condition of anonymity.",
        "said",
        "The port is ready",
    ),
    # a time after the cue is the cue's
    (
        "The Harbor Times reported that night that the port would close in May.",
        "reported",
        "that the port would close in May",
    ),
    (
        "Lena Voss said late Wednesday that the port would close in May.",
        "said",
        "that the port would close in May",
    ),
    # near miss: `that` opens the clause when a verb follows the time word
    (
        "Lena Voss said that night falls early in the north.",
        "said",
        "that night falls early in the north",
    ),
    # a comparison after the comma is the narrator's
    (
        "Park Min-ho said turnout rose to 61 percent, compared with 48 percent in the last vote.",
        "said",
        "turnout rose to 61 percent",
    ),
    # near miss: without the comma it is the clause's
    (
        "Park Min-ho said turnout rose to 61 percent compared with the last vote.",
        "said",
        "turnout rose to 61 percent compared with the last vote",
    ),
    # an attribution that closes the sentence is no part of the clause before it (whose own
    # claim, nested in the paper's, is the paper's report)
    (
        "Lena Voss said the port would reopen in May, the Harbor Times reported.",
        "reported",
        "Lena Voss said the port would reopen in May",
    ),
    # the main clause's verb after a relative clause ends the relative clause's claim
    (
        "Park Min-ho, who told reporters the port was full, said the tolls would rise in May.",
        "told",
        "the port was full",
    ),
    # a subordinate clause's claim ends at its comma, not at a number's
    (
        "While Lena Voss says the harbor holds 2,400 boats on a busy day, the council counts "
        "fewer.",
        "says",
        "the harbor holds 2,400 boats on a busy day",
    ),
    (
        "While Lena Voss says the bay is full, the council counts 2,400 boats.",
        "says",
        "the bay is full",
    ),
    # participles in a series that `and` closes are one object
    (
        "The council accused Park Min-ho of hiding, stalling and shredding the harbor audit.",
        "accused",
        "Park Min-ho of hiding, stalling and shredding the harbor audit",
    ),
    # near miss: a participle that opens a clause of its own after the comma ends the claim
    (
        "Lena Voss said the port closed, leaving the town and the crews broke.",
        "said",
        "the port closed",
    ),
    # near miss of a scene before a quote's tag: a condition is the quote's
    (
        "If the levy passes, Lena Voss said, “we will rebuild the pier next spring.”",
        "said",
        "If the levy passes, Lena Voss said, “we will rebuild the pier next spring.”",
    ),
    # near miss of a number's comma: a clause's comma before the tag
    (
        "The crowds fell short of the goal, harbor officials estimated.",
        "estimated",
        "The crowds fell short of the goal",
    ),
    # near misses of a scene before the tag: a gerund subject's clause, a subordinate clause
    # with its main clause
    (
        "Closing the harbor would ruin the town, Lena Voss said.",
        "said",
        "Closing the harbor would ruin the town",
    ),
    (
        "If the levy passes, the harbor will close, Lena Voss said.",
        "said",
        "If the levy passes, the harbor will close",
    ),
    # a relative clause's claim ends at the comma the main clause's verb follows
    (
        "Lena Voss, who said the harbor levy would fail, resigned on Monday.",
        "said",
        "the harbor levy would fail",
    ),
    # near miss: the commas of a list inside the claim end nothing
    (
        "Park Min-ho, who said the port, the bridge and the road would close, was there.",
        "said",
        "the port, the bridge and the road would close",
    ),
    # near miss: `said to be` is no verb of the main clause
    (
        "Lena Voss said the harbor, said to be the oldest in the north, will close in May.",
        "said",
        "the harbor, said to be the oldest in the north, will close in May",
    ),
    # near miss: a noun phrase whose relative clause holds a cue
    (
        "Lena Voss said the port would reopen in May, the month the Harbor Times reported as "
        "busiest.",
        "said",
        "the port would reopen in May, the month the Harbor Times reported as busiest",
    ),
    # the occasion after a verb of stance's object is the cue's
    (
        "Senator Lena Voss praised the harbor plan in an interview with the Harbor Times.",
        "praised",
        "the harbor plan",
    ),
    # near miss: a phrase of no occasion is the object's
    (
        "Senator Lena Voss praised the harbor plan in the council's budget.",
        "praised",
        "the harbor plan in the council's budget",
    ),
    # a poll's contrast is its finding too
    (
        "A survey by Harbor College found that 46 percent backed the toll, while 40 percent "
        "opposed it.",
        "found",
        "that 46 percent backed the toll, while 40 percent opposed it",
    ),
    (
        "A survey by Harbor College found that 46 percent backed the toll, compared with 40 "
        "percent last year.",
        "found",
        "that 46 percent backed the toll, compared with 40 percent last year",
    ),
    # near miss: a speaker's clause ends before `, while`
    (
        "Lena Voss said that 46 percent backed the toll, while the council met in secret.",
        "said",
        "that 46 percent backed the toll",
    ),
    # near miss: `what` is the reported clause's own object
    (
        "The port lacks what officials say they need every year.",
        "say",
        "they need every year",
    ),
    # a day right after a verb of stance is the cue's
    (
        "Lena Voss pledged Saturday to rid the harbor of old wrecks.",
        "pledged",
        "to rid the harbor of old wrecks",
    ),
    # near miss: a day's possessive opens the object
    (
        "Lena Voss praised Saturday's crews at the harbor.",
        "praised",
        "Saturday's crews at the harbor",
    ),
    # a time after `during` is the cue's, unless a clause inside the object holds it
    (
        "Senator Lena Voss criticized the new harbor fees during the winter.",
        "criticized",
        "the new harbor fees",
    ),
    (
        "Senator Lena Voss criticized the fees the port charged during the winter.",
        "criticized",
        "the fees the port charged during the winter",
    ),
    (
        "Senator Lena Voss vowed to block the levy during the review.",
        "vowed",
        "to block the levy during the review",
    ),
    # a second predicate of the cue's subject ends the object
    (
        "Senator Lena Voss criticized the new toll increase and has promised to repeal it.",
        "criticized",
        "the new toll increase",
    ),
    # near miss: a coordinated object goes on
    (
        "Senator Lena Voss criticized the new toll increase and the fees it has brought.",
        "criticized",
        "the new toll increase and the fees it has brought",
    ),
    # what `including` lists is the object's
    (
        "Senator Lena Voss criticized the toll rules, including the fees for small boats.",
        "criticized",
        "the toll rules, including the fees for small boats",
    ),
    # near miss: `, but` still ends it
    (
        "Senator Lena Voss criticized the toll rules, but the council kept them.",
        "criticized",
        "the toll rules",
    ),
    # a noun phrase after the clause's last comma that sums it up is the writer's
    (
        "Lena Voss said the council would raise the harbor fees, a move that angered the crews.",
        "said",
        "the council would raise the harbor fees",
    ),
    # near miss: after a subordinate clause's comma, the main clause goes on
    (
        "Lena Voss said that when the port closed, a ferry crew lost its jobs.",
        "said",
        "that when the port closed, a ferry crew lost its jobs",
    ),
    # a relative pronoun that stands for the object of a verb of stance opens its content
    (
        "The council rejected the toll, which Lena Voss described as reckless and costly.",
        "described",
        "which Lena Voss described as reckless and costly",
    ),
    # near miss: a preposition's relative pronoun is not the object
    (
        "The council met in the hall in which Lena Voss praised the new harbor plan.",
        "praised",
        "the new harbor plan",
    ),
    # an asking verb's listener is not the question
    (
        "Park Min-ho asked the mayor whether the port would close in May.",
        "asked",
        "whether the port would close in May",
    ),
    (
        "Park Min-ho asked Lena Voss on Monday how the tolls would be spent.",
        "asked",
        "how the tolls would be spent",
    ),
    # near miss: a request holds its listener
    (
        "Park Min-ho asked the mayor to close the port in May.",
        "asked",
        "the mayor to close the port in May",
    ),
    # after a whole clause, `according to X, ...` goes on with the source's appositive
    (
        "Household debt rose for a ninth month, according to a study by Lena Voss, a professor "
        "at Harbor College.",
        "according to",
        "Household debt rose for a ninth month",
    ),
    # near miss: a clause coordinated after the attribution goes on with the claim
    (
        "Household debt rose for a ninth month, according to the central bank, and wages fell "
        "in the north.",
        "according to",
        "Household debt rose for a ninth month, according to the central bank, and wages fell "
        "in the north",
    ),
    # near miss: a subject alone before the attribution goes on to its verb
    (
        "The levy, according to the council, will fall in May.",
        "according to",
        "The levy, according to the council, will fall in May",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), BOUNDARIES)
def test_claim_boundaries(text: str, cue: str, content: str) -> None:
    contents = [claim.text for claim in extract(text).claims if claim.cue == cue]
    assert contents == [content]


def test_what_before_the_subject_of_calls_is_the_object_it_names() -> None:
    # `calls` is a scored cue: the candidate's span is the rule's, whatever the scorer decides
    text = "Lena Voss assailed what she calls the ruinous harbor levy."
    assert [c.text for c, _ in claim_candidates(text) if c.cue == "calls"] == [
        "what she calls the ruinous harbor levy"
    ]
    # without `what`, the object stands before the subject and the claim is the complement
    plain = "Lena Voss assailed the harbor levy she calls ruinous and unfair."
    assert [c.text for c, _ in claim_candidates(plain) if c.cue == "calls"] == [
        "ruinous and unfair"
    ]


def test_a_pair_of_dashes_or_a_clause_after_a_dash_stays_in_the_claim() -> None:
    text = "Mara Voss said the levy would double the fares — and the ferries would stop — by May."
    (claim,) = extract(text).claims
    assert claim.text == "the levy would double the fares — and the ferries would stop — by May"


def test_a_clause_before_the_tag_of_a_doubled_quote_keeps_the_claim_round_the_tag() -> None:
    text = "The ferries are late again, Mara Voss said, ''and the port is full.''"
    (claim,) = extract(text).claims
    assert claim.text == text[:-1] + "'"


def test_a_list_of_names_with_appositives_is_not_read_as_the_first_name_alone() -> None:
    text = "Kim Lee, the mayor, and Mara Voss, the treasurer, said the levy failed."
    assert [claim.speaker.name for claim in extract(text).claims if claim.speaker] == ["Mara Voss"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the people a relative clause names as its object do not call, praise or hope
        ("One of the nurses who wrote to Voss called the plan a fraud.", []),
        (
            "Ambassador Tom Reid, who will retire soon after serving in Chile, Peru and Spain, "
            "praised the treaty.",
            [],
        ),
        # negative: a relative pronoun that opens the subject's own clause
        ("It is a plan that Voss hopes will end the strike by May.", ["Voss"]),
    ],
)
def test_the_object_of_a_relative_clause_is_no_subject(text: str, speakers: list[str]) -> None:
    assert [claim.speaker.name for claim in extract(text).claims if claim.speaker] == speakers


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a name and its appositive before the cue are its subject, not a clause it inverts
        (
            "Tom Reid, a harbor pilot whom the board fired a year ago, said on the radio, where "
            "he now hosts a show, that the ferry should never have sailed.",
            "Tom Reid",
            "that the ferry should never have sailed",
        ),
        # negative: a clause before an inverted tag stays the claim
        (
            "The ferry should never have sailed, said Tom Reid, a harbor pilot.",
            "Tom Reid",
            "The ferry should never have sailed",
        ),
    ],
)
def test_a_subject_set_off_by_its_appositive_is_no_inverted_claim(
    text: str, speaker: str, content: str
) -> None:
    claims = extract(text).claims
    assert [(c.speaker.name if c.speaker else None, c.text) for c in claims] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a weekday after `earlier` or `later` between the subject and its verb
        (
            "Reid earlier Thursday said the panel has held 40 interviews since May.",
            "Reid",
            "the panel has held 40 interviews since May",
        ),
        # a clause whose subject is a noun compound or a gerund's phrase, its verb in the present
        (
            "“We will win,” Voss said.\n\nAt rallies she points to the crowds: She says news "
            "outlets undercount her supporters.",
            "Voss",
            "news outlets undercount her supporters",
        ),
        (
            "Economists say taxing consumption encourages savings.",
            "Economists",
            "taxing consumption encourages savings",
        ),
        # a share of a poll's respondents, its figure set off by commas
        (
            "A quarter of the crews, 25%, said they would strike.",
            "A quarter of the crews",
            "they would strike",
        ),
        (
            "Two-thirds of the delegates said they will vote for Voss.",
            "Two-thirds of the delegates",
            "they will vote for Voss",
        ),
        # `those` and its relative clause name the group
        (
            "Those who back her rivals say the attention has hurt her.",
            "Those who back her rivals",
            "the attention has hurt her",
        ),
        # a relative clause of the occasion before the reported clause's `that`
        (
            "Tom Reid told a radio station in an interview that aired on Monday that the vote "
            "will fail.",
            "Tom Reid",
            "that the vote will fail",
        ),
        # negative: `that` and a verb that is no past of a lexical verb is the clause's own
        ("Tom Reid told reporters that was not true.", "Tom Reid", "that was not true"),
    ],
)
def test_subjects_and_clauses_of_news_copy(text: str, speaker: str, content: str) -> None:
    claims = extract(text).claims
    assert [(c.speaker.name if c.speaker else None, c.text) for c in claims] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # one of a group, then a name set off: the person named speaks
        (
            "He showed a clip of a joke the mayor made, as one of the reporters, Lena Voss of "
            "the Herald, reported.",
            "Lena Voss",
            "He showed a clip of a joke the mayor made",
        ),
        # the owner of the subject after `as`
        (
            "As Harbor PAC's Delmar said, the two candidates have become the least partisan in "
            "the field.",
            "Delmar",
            "the two candidates have become the least partisan in the field",
        ),
        # a subject with a participle or a long relative clause before its verb
        (
            "A report filed Thursday says that the manager will not be charged.",
            "report",
            "that the manager will not be charged",
        ),
        (
            "Officials whose laws were struck down say the courts have changed.",
            "Officials",
            "the courts have changed",
        ),
        # a subordinator before a subject set off after its role ends the claim with its clause
        (
            "“We won,” Voss said.\n\nWhen the director, Tom Reid, said on Tuesday that his team "
            "had no sign of a leak, experts were surprised.",
            "Tom Reid",
            "that his team had no sign of a leak",
        ),
    ],
)
def test_subjects_set_off_owned_or_modified(text: str, speaker: str, content: str) -> None:
    claims = extract(text).claims
    assert [(c.speaker.name if c.speaker else None, c.text) for c in claims] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a name given is no words reported
        ("He and his sisters joined a resistance group called the Harbor Workers Party.", 0),
        ("A year later, Voss called Lena Park.", 0),
        # negative: a stance on a person named after a particle
        ("On Monday, Voss called out Lena Park for her vote on the levy.", 1),
    ],
)
def test_a_name_after_called_is_no_claim(text: str, claims: int) -> None:
    assert len(extract(text).claims) == claims


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the clause's verb after a relative clause set off: in the present, or after an adverb
        (
            "Brennick said that Mrs. Voss, who has outraised every rival, still faces a hard road.",
            "that Mrs. Voss, who has outraised every rival, still faces a hard road",
        ),
        (
            "Opponents said the ruling, which struck down the fee, shows how far the court moved.",
            "the ruling, which struck down the fee, shows how far the court moved",
        ),
        # negative: a relative clause that ends the sentence is the writer's
        (
            "Brennick said he would vote for Mrs. Voss, who has outraised every rival.",
            "he would vote for Mrs. Voss",
        ),
    ],
)
def test_a_relative_clause_inside_the_reported_clause(text: str, content: str) -> None:
    assert [claim.text for claim in extract(text).claims] == [content]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the day after an `according to` source is the report's, not the source's name
        (
            "The plan was approved by the board, according to the mayor's office yesterday.",
            ["mayor's office"],
        ),
        # nor what the source did
        (
            "According to a local paper citing a new survey, most of the crews had seen abuse.",
            ["a local paper"],
        ),
        # a source cited is whom the report heard, it says nothing: the tag's clause is the claim
        (
            "Trucks gathered near the test range, broadcaster KBN said, citing a source close "
            "to the ministry.",
            ["KBN"],
        ),
        # negative: reasons cited are a claim
        (
            "The strike was called off, the union said, citing fears of violence at the port.",
            ["union", "union"],
        ),
        # a message cited as saying something is the quote's, no claim of the one who cites it
        ("At a time of crisis, adviser Tom Reid cited the message as saying.", []),
        # `that` of a relative clause is no determiner of the tag's subject
        (
            "The mayor complained that the vote had been rigged, a charge that party leaders "
            "strongly denied on Monday.",
            ["mayor"],
        ),
    ],
)
def test_sources_cited_and_relative_tags(text: str, speakers: list[str]) -> None:
    assert [claim.speaker.name for claim in extract(text).claims if claim.speaker] == speakers


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # an adverb between a finding's source and its verb is not the source's name
        ("The poll also found that most voters want a new ferry.", "poll", "organization"),
        ("The port inquiry later found that the crane had failed.", "port inquiry", "organization"),
        # `People` opening a sentence is an unnamed group, no person's name
        ("People said the march had been calm all day.", "People", "anonymous"),
    ],
)
def test_the_source_of_a_finding_and_people(text: str, name: str, kind: str) -> None:
    speaker = extract(text).claims[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.kind) == (name, kind)


def test_a_particle_after_a_cue_opens_no_reported_clause() -> None:
    claims = extract("People called out their chants and went home.").claims
    assert all(not claim.text.startswith("out ") for claim in claims)


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a title before the names set off after it is no clause
        (
            "Former Harbor Party Chairs, Lena Park and Tom Reid, felt attacked and responded "
            "with anger.",
            0,
        ),
        # negative: a headline's clause in title case has its verb
        ("The Harbor Party Will Win, Lena Park said.", 1),
    ],
)
def test_a_title_before_names_set_off_is_no_claim(text: str, claims: int) -> None:
    assert len(extract(text).claims) == claims


# --- joined cues, statements in doubled apostrophes, subjects of news copy (1.13.0) --------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a cue after `and` and an auxiliary shares the subject of the verb `and` joins it to
        (
            "Lena Voss is running for mayor. She describes herself as a moderate and has said "
            "that she will vote for the budget.",
            "Lena Voss",
            "that she will vote for the budget",
        ),
        (
            "Lena Voss is running for mayor. She thanked the crowd and has long said that the "
            "ferry must stay.",
            "Lena Voss",
            "that the ferry must stay",
        ),
    ],
)
def test_a_cue_joined_by_and_after_an_auxiliary(text: str, speaker: str, content: str) -> None:
    claims = [claim for claim in extract(text).claims if claim.cue == "said"]
    assert [(c.speaker.name if c.speaker else None, c.text) for c in claims] == [(speaker, content)]


def test_a_cue_after_and_with_a_subject_of_its_own_keeps_it() -> None:
    # negative: `and the workers have said` has its own subject
    claims = extract(
        "Lena Voss thanked the harbor board and the workers have said that the cranes are unsafe."
    ).claims
    assert [claim.mention.text for claim in claims if claim.mention and claim.cue == "said"] == [
        "the workers"
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # cues quoted inside doubled apostrophes do not make the sentence a list of cues
        (
            "Voss spoke at the rally.\n\n''I know that voters like the things Reid says because "
            "he says what they feel and says it loud,'' Mr. Voss said. ''The trouble is that "
            "mayors cannot say anything they like.''",
            "Voss",
            "''I know that voters like the things Reid says because he says what they feel and "
            "says it loud,'' Mr. Voss said. ''The trouble is that mayors cannot say anything "
            "they like.''",
        ),
        # the tag of a statement in doubled apostrophes holds any verb of speech
        (
            "Voss spoke at the rally.\n\n''The harbor stock has not done well,'' Mr. Voss "
            "pointed out.",
            "Voss",
            "''The harbor stock has not done well,''",
        ),
        (
            "Lena Voss spoke. Ms. Voss continued: ''Tom Reid has a family of his own. Why would "
            "he ask me that?''",
            "Lena Voss",
            "''Tom Reid has a family of his own. Why would he ask me that?''",
        ),
        (
            "Voss spoke. Mrs. Voss replied, ''Praise for the harbor crews always makes my day, "
            "and they earned it.''",
            "Voss",
            "''Praise for the harbor crews always makes my day, and they earned it.''",
        ),
        # an occasion, then a colon before the doubled apostrophes
        (
            "Voss spoke. Mr. Voss said in an essay for the Herald: ''To fix the port, the town "
            "must close it for a year.''",
            "Voss",
            "''To fix the port, the town must close it for a year.''",
        ),
        # `put it` is an idiom: its object is no part of the claim
        (
            "Voss spoke. As Professor Lena Voss put it: ''The town does a better job at "
            "welcoming newcomers.''",
            "Lena Voss",
            "''The town does a better job at welcoming newcomers.''",
        ),
    ],
)
def test_statements_in_doubled_apostrophes_and_their_tags(
    text: str, speaker: str, content: str
) -> None:
    claims = extract(text).claims
    assert [(c.speaker.name if c.speaker else None, c.text) for c in claims] == [(speaker, content)]


def test_a_verb_of_speech_that_is_no_claim_cue_gives_no_claim_without_doubled_apostrophes() -> None:
    # negative: `pointed out` in plain prose is read only where the claim rules read it
    assert extract("The harbor stock has not done well, Mr. Voss pointed out to us.").claims == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a reported clause may open with a hyphenated modifier that holds a capital
        (
            "Lena Voss has said inter-Korean ties have reached a complete cutoff.",
            "inter-Korean ties have reached a complete cutoff",
        ),
        # a verb of stance before an occasion, then `that`: the clause after the occasion
        (
            "Tae Min-ho pledged during the campaign that he would work from a tower downtown.",
            "that he would work from a tower downtown",
        ),
    ],
)
def test_reported_clauses_after_a_modifier_or_an_occasion(text: str, content: str) -> None:
    assert [claim.text for claim in extract(text).claims] == [content]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # slogans called out are shouted, no stance
        ("The marchers called out their chants and left the square quietly.", []),
        # negative: someone called out is criticised
        ("Lena Voss called out the mayor for his silence.", ["the mayor for his silence"]),
        ("Lena Voss has called out Reid again.", ["Reid again"]),
    ],
)
def test_called_out_is_a_stance_towards_someone(text: str, claims: list[str]) -> None:
    assert [claim.text for claim in extract(text).claims] == claims


def test_a_title_of_a_ministry_runs_over_its_of() -> None:
    claims = extract(
        "Minister of Trade Park Jin-soo spoke at a forum on Wednesday.\n\n"
        "Park also stressed that the policy must stay consistent."
    ).claims
    assert [claim.speaker.title for claim in claims if claim.speaker] == ["Minister of Trade"]


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # a group singled out by `those` and a phrase, unnamed
        ("Those over 60 say the ferry should stay.", "Those over 60", "anonymous"),
        ("Some who know him say he will run again.", "Some who know him", "anonymous"),
        # a noun postmodified by an infinitive
        ("The last man to run the port says the cranes are unsafe.", "last man", "anonymous"),
        # negatives: a quantifier before a poll or a name names no people
        ("Several polls show the mayor ahead by ten points.", "Several polls", "organization"),
    ],
)
def test_subjects_opened_by_that_those_or_an_infinitive(text: str, speaker: str, kind: str) -> None:
    found = extract(text).claims[0].speaker
    assert found is not None
    assert (found.name, found.kind) == (speaker, kind)


def test_that_before_a_plural_subject_opens_a_clause() -> None:
    # `that` is no determiner of a plural: the subject's clause reports the claim after it
    claims = extract(
        "Anyone hoping for a change should recall that labor economists say habits are hard to "
        "break."
    ).claims
    assert [(claim.mention.text if claim.mention else None, claim.text) for claim in claims] == [
        ("labor economists", "habits are hard to break")
    ]


# --- 1.15.0 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # after an occasion of speech, a clause without `that` opens at a subject and its verb
        ("Mayor Tom Reid said in a statement the report was flawed.", ["the report was flawed"]),
        (
            "Mayor Tom Reid said in a statement issued through his office the report was flawed.",
            ["the report was flawed"],
        ),
        (
            "Mayor Tom Reid said in an interview with the Herald he would run again next year.",
            ["he would run again next year"],
        ),
        # negative: no clause after the occasion
        ("Mayor Tom Reid said in a statement on his website on Monday.", []),
        ("Mayor Tom Reid spoke in an interview with Lena Park, who was the editor.", []),
    ],
)
def test_a_clause_without_that_after_an_occasion_of_speech(text: str, claims: list[str]) -> None:
    assert [claim.text for claim in extract(text).claims] == claims


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a single quote that closes inside a statement in doubled apostrophes: `,'''`
        (
            "''People tell us every day, 'The port is a special case,''' Mr. Reid said.",
            "''People tell us every day, 'The port is a special case",
        ),
        (
            "''Sometimes they say, 'Go home,''' said Mr. Reid, who was born in Ames.",
            "''Sometimes they say, 'Go home",
        ),
        # negative: the doubled apostrophes close alone, as before
        (
            "''People tell us every day that the port is a special case,'' Mr. Reid said.",
            "''People tell us every day that the port is a special case",
        ),
    ],
)
def test_a_single_quote_closing_inside_doubled_apostrophes(text: str, content: str) -> None:
    (claim,) = extract(f"Tom Reid is the mayor of Ames.\n\n{text}").claims
    assert claim.speaker is not None
    assert claim.speaker.name == "Tom Reid"
    assert claim.text.startswith(content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # `that` after a preposition before the tag's comma is a demonstrative, no relative
        (
            "On top of that, critics argue, the new levy will raise prices for renters.",
            "On top of that, critics argue, the new levy will raise prices for renters",
        ),
        ("Voters “believe in that,” Lena Park said.", "Voters “believe in that,”"),
        # negative: a relative pronoun before the comma opens the claim
        (
            "The stadium, which, Lena Park said, is full, will close.",
            "which, Lena Park said, is full, will close",
        ),
    ],
)
def test_a_demonstrative_that_before_an_interposed_tag(text: str, content: str) -> None:
    assert [claim.text for claim in extract(text).claims] == [content]


# --- 1.16.0 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # before a relative clause set off, a body after a role is the role's: the person speaks
        (
            "A senior official at the ministry, who asked not to be named, said the port would "
            "close.",
            "A senior official at the ministry",
            "senior official at the ministry",
        ),
        (
            "A spokesperson for the port authority, who declined to be identified, told "
            "reporters the port would close.",
            "A spokesperson for the port authority",
            "spokesperson for the port authority",
        ),
        (
            "The council met a spokesperson for the port authority, who said the port would close.",
            "who",
            "spokesperson for the port authority",
        ),
        # a person after the role too: the subject is the role's
        (
            "A lawyer for Lena Park, who chairs the board, said the port would close.",
            "A lawyer for Lena Park",
            "lawyer for Lena Park",
        ),
        # negative: a body before `which` speaks itself
        (
            "The council hired a lawyer for the port authority, which said the port would close.",
            "which",
            "port authority",
        ),
    ],
)
def test_a_role_with_its_complement_before_a_relative_clause(
    text: str, mention: str, speaker: str
) -> None:
    (claim,) = extract(text).claims
    assert claim.text == "the port would close"
    assert claim.mention is not None
    assert claim.mention.text == mention
    assert claim.speaker is not None
    assert claim.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a source's terms report nothing
        "A ministry official, who declined to be named, met the press.",
        "A ministry official, who refused to be identified, met the press.",
        "A ministry official, who declined to be quoted by name, met the press.",
    ],
)
def test_a_request_for_anonymity_is_no_claim(text: str) -> None:
    assert extract(text).claims == ()


def test_a_refusal_to_comment_is_still_a_claim() -> None:
    """Negative of the above: `declined to comment` reports a refusal, as before."""
    (claim,) = extract("A ministry official declined to comment on the port.").claims
    assert claim.text == "to comment on the port"
