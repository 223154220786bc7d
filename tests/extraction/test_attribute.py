"""Golden tables per rule of the attribution sieve, with negative cases."""

import pytest

from quotes.extraction import extract


def first_attribution(text: str) -> tuple[str | None, str | None]:
    quotes = extract(text).quotes
    assert quotes, "no quote found"
    quote = quotes[-1]
    return (quote.mention.text if quote.mention else None, quote.rule)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "“The two-plus-two meeting has a symbolic meaning,” said Shin Beom-chul, director "
            "of the Center for Diplomacy and Security.",
            "Shin Beom-chul",
        ),
        (
            "“This is actually a rather tricky issue,” said Cho Sung-ryul, a consultant.",
            "Cho Sung-ryul",
        ),
        ("“The officials are experienced people,” said Wi.", "Wi"),
        ("“It is not the same at all,” according to Reuters.", "Reuters"),
        # a name in -ly is no adverb to skip
        ("“Keeping a copy of the ledger is useful,” said Farrelly.", "Farrelly"),
        # a year modifies the head of a description
        (
            "“She did not like that at all,” said a 2008 campaign veteran.",
            "a 2008 campaign veteran",
        ),
    ],
)
def test_rule_post_cue_speaker(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "post_cue_speaker")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("“I will do everything I can,” Moon said.", "Moon"),
        # the bare form of a cue after a plural subject
        ("“The ferry will not run this winter,” harbor critics insist.", "harbor critics"),
        # the bare form of any cue in -s after a plural subject (`states` -> `state`)
        (
            "“The ferry will not run this winter,” harbor officials state in the memo.",
            "harbor officials",
        ),
        # negative: after a singular noun, the same word is a modifier
        (
            "“The ferry will not run this winter,” the harbor state senator said.",
            "the harbor state senator",
        ),
        (
            "“It won’t take too much time,” a Cheong Wa Dae official said on Monday.",
            "a Cheong Wa Dae official",
        ),
        (
            "“You’ve got more tensions,” another senior US official said.",
            "another senior US official",
        ),
        ("“None are more important than Japan,” he added, referring to South Korea.", "he"),
        ("“The official said it,” Reuters reported, quoting the same official.", "Reuters"),
        (
            "“We expect that the veto will fail,” Tam Varga, R-Ky., said Friday.",
            "Tam Varga",
        ),
        (
            "“Deadlines are not optional,” panel Chairman Tom Ferro (R-Utah) said.",
            "Tom Ferro",
        ),
        ("“We live in a hard time,” my father often said.", "my father"),
        (
            "“Families trust the mayor to keep the buses running,” a narrator in the video states.",
            "a narrator in the video",
        ),
        # a cue of two words
        ("“Give me one minute to finish,” Lee shot back.", "Lee"),
        (
            "“Well, these things take time for everyone,” Lee went on, as if she had not seen him.",
            "Lee",
        ),
        ("“The new bridge cost twice what the city promised,” she points out.", "she"),
    ],
)
def test_rule_post_speaker_cue(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "post_speaker_cue")


def test_an_unnamed_body_after_the_quote_is_named_by_its_members() -> None:
    text = "“We will keep marching,” a union of dock workers in Lindell said."
    assert first_attribution(text) == ("a union of dock workers in Lindell", "post_speaker_cue")
    # negative: a definite body points back to one named before
    text = "“We will keep marching,” the union of dock workers said."
    assert first_attribution(text) == ("the union", "post_speaker_cue")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Moon said Biden's North Korea policy aims to achieve “the Korean Peninsula’s complete "
            "denuclearization through diplomacy.”",
            "Moon",
        ),
        (
            "Sung Kim, the US’s acting assistant secretary of state, told reporters during a "
            "telephone briefing Friday that the visit “will be another great opportunity.”",
            "Sung Kim",
        ),
        (
            "Shin, the analyst, added that fine tuning will continue, saying “Korea and the US "
            "still "
            "need to adjust their different stances.”",
            "Shin",
        ),
        (
            "A senior government official who spoke on condition of anonymity told Reuters that "
            "the "
            "US had tried to reach out “through several channels.”",
            "A senior government official",
        ),
        (
            "The Harbor Courier reports that the team wanted to “keep the details under wraps.”",
            "The Harbor Courier",
        ),
        ("He’s claiming that late trains are “a huge, huge problem for this region.”", "He"),
        # a participle cue of lecturing, after a passive `is shown`
        (
            "Before the vote, the harbor cleric, who was jailed in 2011, is shown lecturing: "
            "“Crews of the port, take heed and learn from history.”",
            "the harbor cleric",
        ),
    ],
)
def test_rule_pre_subject_cue(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_subject_cue")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "In a Harbor Gazette poll released Monday, 31 percent of Delmont ferry riders "
            "described the new timetable as “a punishment for commuters.”",
            "a Harbor Gazette poll released Monday",
        ),
        (
            "The Harbor Institute survey has bad news for the mayor: 42 percent of residents say "
            "they would “never again” back his ferry plan.",
            "The Harbor Institute survey",
        ),
        # no poll in the sentence: the share of respondents speaks, not the clause before it
        (
            "Another question put the ferry plan to the dock workers, of whom 64 percent said it "
            "was “dead in the water.”",
            "64 percent",
        ),
    ],
)
def test_rule_pre_poll_share(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_poll_share")


def test_a_later_share_in_the_sentence_answers_for_the_same_poll() -> None:
    text = (
        "The Delmont Courier survey found that, while 48 percent of anglers call the quotas “a "
        "fair deal,” 33 percent call them “a slow eviction.”"
    )
    assert [q.mention.text for q in extract(text).quotes if q.mention] == [
        "The Delmont Courier survey",
        "The Delmont Courier survey",
    ]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the one who reads out the figure speaks, not the poll nor its share
        (
            "In an interview, Mara Voss said 40 percent of voters “do not trust the council.”",
            "Mara Voss",
        ),
        # `Majority` opens a title, not a share of respondents
        (
            "In a Harbor Gazette poll, Majority Leader Ivo Brandt said the figures were “no "
            "surprise at all.”",
            "Ivo Brandt",
        ),
    ],
)
def test_a_speaker_who_cites_a_share_is_no_poll(text: str, mention: str) -> None:
    assert first_attribution(text)[0] == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "The paradox of the levy, says Ivo Brandt, a historian at the Harbor Library, is "
            "that it was “one of the fairest taxes in the region.”",
            "Ivo Brandt",
        ),
        (
            "Because of how the council drew the ferry map, explained Voss, “the east bank was "
            "always going to lose.”",
            "Voss",
        ),
        (
            "The board argued for an hour. In other words, explained Delmont moderator Mara "
            "Voss: “Why should the east bank pay for the ferry?”",
            "Mara Voss",
        ),
    ],
)
def test_rule_pre_parenthetical_inverted(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_parenthetical_inverted")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `said to be`: no speaker after the verb
        (
            "The levy, said to be the fairest in the region, was “a relief for every family on "
            "the east bank of the river.”",
            (None, None),
        ),
        # a thing after the verb is its reported clause's subject, not an inverted speaker: the
        # speaker is the subject of `said`
        (
            "Mara Voss said the ferry, explained the timetable, would run “every hour of the day "
            "and night.”",
            ("Mara Voss", "pre_subject_cue"),
        ),
        # a verb of telling takes its listener after it: `told reporters` names no speaker
        (
            "After the vote on Tuesday, Voss told reporters: “We are done with the levy.”",
            ("Voss", "pre_subject_cue"),
        ),
    ],
)
def test_no_parenthetical_inversion(text: str, expected: tuple[str | None, str | None]) -> None:
    assert first_attribution(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of a fronted preposition is no subject: the inverted cue's thing speaks not
        (
            "Under the new plan, the ferry, explained the timetable, would run “every hour of the "
            "day and night.”",
            (None, None),
        ),
        # near miss: the subject follows the fronted phrase
        (
            "Under the new plan, Mara Voss explained that the ferry would run “every hour of the "
            "day and night.”",
            ("Mara Voss", "pre_subject_cue"),
        ),
        # near miss: `After` opens a clause whose subject speaks
        (
            "After Mara Voss explained the ferry would run “every hour of the day and night,” the "
            "board left.",
            ("Mara Voss", "pre_subject_cue"),
        ),
    ],
)
def test_a_fronted_phrase_or_a_second_clause_is_no_subject(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert first_attribution(text) == expected


def test_an_inverted_cue_before_the_clause_verb_names_its_speaker() -> None:
    text = "The ferry, says Mara Voss, would run “every hour of the day and night.”"
    assert first_attribution(text) == ("Mara Voss", "pre_parenthetical_inverted")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a later clause with its own subject ends in the colon before the quote: it speaks
        (
            "Governor Anna Brandt of Delmont spoke on Friday.\n\nBrandt praised Mark Voss, but "
            "he gave the council a warning: “The pier will not last the winter.”",
            "he",
        ),
        # near miss: the later verb shares the cue's subject
        (
            "Governor Anna Brandt of Delmont spoke on Friday.\n\nBrandt praised Mark Voss, but "
            "gave the council a warning: “The pier will not last the winter.”",
            "Brandt",
        ),
    ],
)
def test_a_coordinated_clause_before_a_colon_takes_the_speaker(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_subject_cue")


def test_the_pronoun_of_the_coordinated_clause_is_its_own_subject() -> None:
    text = (
        "Governor Anna Brandt of Delmont spoke on Friday.\n\nBrandt praised Mark Voss, but he "
        "gave the council a warning: “The pier will not last the winter.”"
    )
    speaker = extract(text).quotes[-1].speaker
    assert speaker is not None
    assert speaker.name == "Mark Voss"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the subject after an object relative speaks the relative clause's quote
        (
            "Mara Voss criticized the levy, which Ivo Brandt said was “a burden on every family.”",
            "Ivo Brandt",
        ),
        # `said` after `a` and a modifier is the verb of the phrase, not a noun
        (
            "Mara Voss criticized the levy, which a council review said was “a burden on every "
            "family.”",
            "a council review",
        ),
        # near miss: a pronoun there stays the mention, standing for the outer subject
        (
            "Mara Voss criticized the levy, which she said was “a burden on every family.”",
            "she",
        ),
        # near miss: a comma closes the relative clause before the quote
        (
            "Mara Voss said the levy, which Ivo Brandt said would cost millions, was “a burden on "
            "every family.”",
            "Mara Voss",
        ),
    ],
)
def test_an_object_relative_clause_speaks_its_quote(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_subject_cue")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subordinate clause that opens the sentence introduces the quote with its own cue
        (
            "When Ivo Brandt shouted, “Resign now,” Mara Voss replied.",
            ("Ivo Brandt", "pre_subject_cue"),
        ),
        # near miss: the main clause has begun before the quote (past an age after a name), so
        # the cue after the quote speaks
        (
            "When asked about Ivo Brandt, 45, Mara Voss said: “He is a fine man,” the Courier "
            "reported.",
            ("the Courier", "post_speaker_cue"),
        ),
    ],
)
def test_an_opening_subordinate_clause_introduces_its_quote(
    text: str, expected: tuple[str, str]
) -> None:
    assert first_attribution(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `did` before the bare cue after the quote, as before it (`he did say`)
        (
            "“The ferry runs late too often,” Mara Voss did say.",
            ("Mara Voss", "post_speaker_cue"),
        ),
        (
            "“The ferry runs late too often,” Mara Voss does insist.",
            ("Mara Voss", "post_speaker_cue"),
        ),
        # near miss: `did` as the verb itself reports nothing
        ("“The ferry runs late too often,” Mara Voss did the sums again.", (None, None)),
    ],
)
def test_a_cue_after_did_follows_the_quote(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert first_attribution(text) == expected


def test_rule_pre_according_to() -> None:
    text = "According to Cheong Wa Dae, “the meeting will go ahead as planned next week.”"
    assert first_attribution(text) == ("Cheong Wa Dae", "pre_according_to")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a report that cites a survey relays what its share of respondents said
        (
            "According to a harbor report citing the latest crew survey, 51 percent of the "
            "2,400 deckhands at the main piers said crews should “look out for themselves” at "
            "night.",
            "51 percent of the 2,400 deckhands at the main piers",
        ),
        # near misses: the poll itself is the source; a person cites the share
        (
            "According to the Delmont exit polls, 24 percent of voters wanted a mayor who would "
            "“fix the ferry first.”",
            "the Delmont exit polls",
        ),
        (
            "According to Mara Voss, 40 percent of the riders said the timetable was “a disaster.”",
            "Mara Voss",
        ),
    ],
)
def test_according_to_a_report_citing_a_poll_quotes_its_respondents(
    text: str, speaker: str
) -> None:
    (quote,) = extract(text).quotes
    assert quote.mention is not None
    assert quote.speaker is not None
    assert quote.mention.text == speaker
    if "percent" in speaker:
        assert quote.speaker.kind == "anonymous"  # an unnamed group, not an organisation


def test_according_to_a_source_relaying_direct_speech_quotes_the_speaker() -> None:
    text = (
        "According to the Lindell Institute, Park Ji-hoon said, “We never saw the report "
        "before it was published.”"
    )
    assert first_attribution(text) == ("Park Ji-hoon", "pre_subject_cue")
    # a partial quote in the reported clause stays the source's report
    text = (
        "According to the Lindell Institute, Park Ji-hoon said the report was “never shown "
        "to us” before it was published."
    )
    assert first_attribution(text) == ("the Lindell Institute", "pre_according_to")


def test_rule_pre_inverted_across_a_relative_clause() -> None:
    text = "Said Jane Roe, who grew up with him on the island, “We all cheered for him.”"
    assert first_attribution(text) == ("Jane Roe", "pre_inverted")
    # a sentence in between is no relative clause
    text = "Said Jane Roe. Who knows why, “We all cheered for him.”"
    assert first_attribution(text)[1] != "pre_inverted"


def test_rule_pre_inverted() -> None:
    text = "Said Orsin: “I doubt she is the least bit keen on port reform.”"
    assert first_attribution(text) == ("Orsin", "pre_inverted")


def test_rule_pre_inverted_after_an_opening_conjunction() -> None:
    text = "But, said Orsin, “I doubt she is the least bit keen on port reform.”"
    assert first_attribution(text) == ("Orsin", "pre_inverted")
    # negative: a conjunction before a subject and its verb is no inversion
    text = "But the board said: “We doubt she is the least bit keen on port reform.”"
    assert first_attribution(text) == ("the board", "pre_subject_cue")


def test_a_document_cited_as_saying_speaks_not_the_one_who_cites_it() -> None:
    text = (
        "“We regret the incident deeply and ask for calm” during the crisis talks, envoy "
        "Park Ji-hoon cited the northern letter as saying."
    )
    assert first_attribution(text) == ("the northern letter", "post_clause_speaker")
    # negative: a person cited as saying is no document speaking for its author
    text = (
        "“We regret the incident deeply and ask for calm” during the crisis talks, envoy "
        "Park Ji-hoon cited the minister as saying."
    )
    assert first_attribution(text) == (None, None)


def test_rule_post_clause_speaker() -> None:
    text = (
        "“The chief objective of the visit is countering China,” rather than coordinating "
        "North Korea policy, Wi said."
    )
    assert first_attribution(text) == ("Wi", "post_clause_speaker")
    # the attribution may end on a time and place or the way it was said
    text = "The mayor’s “excesses” are shameful, Varga said Tuesday in Lyon."
    assert first_attribution(text) == ("Varga", "post_clause_speaker")
    text = "The mayor’s “excesses” are shameful, the ministry said in a release."
    assert first_attribution(text) == ("the ministry", "post_clause_speaker")
    # but not a clause that goes on with a verb of its own
    text = "The mayor’s “excesses” are sickening, Varga said in a way that hurt."
    assert all(quote.rule != "post_clause_speaker" for quote in extract(text).quotes)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "“The talks will resume next month,” Jane Roe, the analyst who first reported the "
            "deal tweeted on Monday.",
            "Jane Roe",
        ),
        ("“We never planned it that way,” the tall, gray-haired diplomat said.", "the tall"),
        ("“We missed the deadline,” Under said.", "Under"),
        # a period inside a web address ends no sentence
        (
            "“The budget is thinner than the report says,” Jane Roe, who started example.com "
            "tweeted on Friday.",
            "Jane Roe",
        ),
    ],
)
def test_rule_post_long_subject_cue(text: str, mention: str) -> None:
    found_mention, rule = first_attribution(text)
    assert rule == "post_long_subject_cue"
    assert found_mention is not None
    assert found_mention.startswith(mention)


def test_a_that_clause_after_the_quote_is_no_speaker() -> None:
    text = (
        "The school board said in the memo that the flyer “clearly and falsely” suggests that "
        "the district and its teachers back the measure."
    )
    assert first_attribution(text) == ("The school board", "pre_subject_cue")


def test_that_after_the_quote_opens_no_speaker_phrase() -> None:
    text = (
        "She also said the team is “happy with the result” that John Doe, who waived "
        "his rights before the court, will now testify."
    )
    assert first_attribution(text)[1] != "post_speaker_cue"


def test_a_verb_and_a_particle_that_are_no_cue_attribute_nothing() -> None:
    text = "“Give me one minute to finish,” Lee shot the ball."
    assert first_attribution(text)[1] != "post_speaker_cue"


def test_rule_post_long_subject_cue_needs_a_quote_ending_on_a_comma() -> None:
    # `“Q!” A campaign ad accuses ...` starts a new sentence, whose subject did not say Q
    text = "They were yelling “fair wages!” A union radio spot aired Friday accuses him."
    assert all(quote.rule != "post_long_subject_cue" for quote in extract(text).quotes)


def test_rule_transcript_label() -> None:
    text = '"QUIST: Well, look, this is serious business for the people of this state.'
    assert first_attribution(text) == ("QUIST", "transcript_label")


def test_rule_post_dash_name() -> None:
    text = "“The least prepared person to ever run for mayor.” ― Ines Okafor"
    assert first_attribution(text) == ("Ines Okafor", "post_dash_name")


def test_rule_colon_previous_paragraph() -> None:
    text = 'Renner continued:\n\n"The ferry question, all told, is mostly a local one."'
    assert first_attribution(text) == ("Renner", "colon_previous_paragraph")


def test_rule_same_paragraph() -> None:
    text = (
        "“It won’t take long,” a Cheong Wa Dae official said. "
        "“We have also delivered our opinions.”"
    )
    assert first_attribution(text) == ("a Cheong Wa Dae official", "same_paragraph")


def test_rule_same_sentence() -> None:
    text = "Quist tweeted that Ferro was “shameless” and “a fraud” in the early morning hours."
    assert first_attribution(text) == ("Quist", "same_sentence")


def test_rule_continuation_paragraph() -> None:
    text = (
        "“We are in the final stages of that review,” a senior White House official told reporters."
        "\n\n“This is the first time that we will have convened the trilat at this level.”"
    )
    assert first_attribution(text) == ("a senior White House official", "continuation_paragraph")
    assert extract(text).quotes[-1].kind == "continuation"


def test_a_photo_caption_does_not_break_a_continued_statement() -> None:
    text = (
        "“The plan must be dropped,” Choi Min-seo said.\n\n"
        "Workers hold banners outside the Lindell plant on Monday. (Lindell Press)\n\n"
        "“We will be back every week until it is.”"
    )
    assert first_attribution(text) == ("Choi Min-seo", "continuation_paragraph")
    # negative: a paragraph of narration in between ends it
    text = (
        "“The plan must be dropped,” Choi Min-seo said.\n\n"
        "Workers held banners outside the Lindell plant on Monday.\n\n"
        "“We will be back every week until it is.”"
    )
    assert first_attribution(text)[1] != "continuation_paragraph"


# Negative cases: no rule may fire, or the quote is not a statement at all.
@pytest.mark.parametrize(
    "text",
    [
        "The so-called “two-plus-two” meeting of the ministers is being revived.",
        "The gathering was suspended under Trump administration’s “America First” policy.",
        "Authorities downplayed the missile launches as “normal military activity” on Monday.",
        "The White House suggested a middle ground between Donald Trump’s “grand bargain” and "
        "Barack Obama’s “strategic patience” approaches.",
        "That discussion will take place during two separate “two-plus-two” meetings.",
    ],
)
def test_scare_quotes_are_not_attributed(text: str) -> None:
    assert extract(text).quotes == ()
    assert extract(text).scare_quotes


@pytest.mark.parametrize(
    "text",
    [
        # the sentence after a quote that ends with a period starts a new statement
        "“We will win this election.” Quist said she disagreed with the remark at length.",
        # a long quote without any cue keeps no speaker rather than a guessed one
        "Editor’s note. “These are the words of nobody in particular, printed here without any "
        "source.”",
        # negative: `lecturing` as a modifier is no cue
        "Before the vote, the harbor cleric is shown in a lecturing hall, with a banner: “Crews "
        "of the port, take heed and learn from history.”",
        # a bare cue form after a quote that ends its sentence opens no attribution
        "“The ferry will not run this winter.” Critics insist on a vote before the ferries run.",
    ],
)
def test_no_attribution_without_a_cue(text: str) -> None:
    quote = extract(text).quotes[0]
    assert quote.speaker is None
    assert quote.mention is None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # The subject of a cue in the passive was asked, told or talked about: not the source.
        ("The crews were told, “You do not sell tickets, you sell trips to the islands.”", None),
        ("Mara Voss was asked about the “harbor pact” remark on Monday at the port.", None),
        # nor, when no rule reads a speaker, is the listener the scorer's choice
        (
            "Mara Voss was repeatedly told the levy was “a lifeline for the crews who lost work.”",
            None,
        ),
        # the agent after the quote speaks
        ("The levy was described as “a lifeline for the small boats” by Ivo Brandt.", "Ivo Brandt"),
        # Active cues, and a report of her words, keep her.
        (
            "Mara Voss told the crews, “You do not sell tickets, you sell trips to the islands.”",
            "Mara Voss",
        ),
        ("Mara Voss has said the plan was “a disgrace to the whole harbor.”", "Mara Voss"),
        (
            "Mara Voss repeatedly told the crews the levy was “a lifeline for the crews who lost "
            "work.”",
            "Mara Voss",
        ),
        (
            "Mara Voss is said to have branded it “a disgrace to the whole harbor.”",
            "Mara Voss",
        ),
    ],
)
def test_the_subject_of_a_passive_cue_is_no_speaker(text: str, mention: str | None) -> None:
    quotes = extract(text).quotes  # none when the short quote is left as a term
    assert (quotes[-1].mention.text if quotes and quotes[-1].mention else None) == mention


def test_rule_post_speaker_cue_after_as() -> None:
    text = "The requirement is a “lawful source of rental income,” as a Treasury memo put it."
    assert first_attribution(text) == ("a Treasury memo", "post_speaker_cue")


@pytest.mark.parametrize(
    ("text", "attribution"),
    [
        # a thing that cannot speak, then `as`, is the verb's object: the quote before it
        # belongs to the clause that opens the sentence
        (
            "Ivo Brandt, who estimates that his repair bills were “in the tens of thousands,” "
            "described the damage as grim.",
            ("who", "pre_subject_cue"),
        ),
        # negative: a person set after the cue speaks, `as` opening a clause of time
        (
            "“It was grim,” said the harbor chief as she left.",
            ("the harbor chief", "post_cue_speaker"),
        ),
        # negative: a participle that names the speaker is no object
        (
            "“It was grim,” said the harbor chief known as Bo.",
            ("the harbor chief known", "post_cue_speaker"),  # the phrase reader keeps `known`
        ),
    ],
)
def test_object_before_as_is_no_inverted_speaker(text: str, attribution: tuple[str, str]) -> None:
    assert first_attribution(text) == attribution


def test_rule_pre_possessive_speech_noun() -> None:
    text = "Factcheckers tested Tam Varga’s claim that there have been “hundreds of break-ins.”"
    assert first_attribution(text) == ("Tam Varga’s", "pre_possessive_speech_noun")
    speaker = extract(text).quotes[-1].speaker
    assert speaker is not None
    assert speaker.name == "Tam Varga"  # the owner resolves without its `’s`


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # modifiers and a month between the owner and the speech noun
        (
            "Roe’s oft-repeated unfounded contention that “hundreds” of crews quit went"
            " unanswered.",
            "Roe’s",
        ),
        (
            "The union shuns Voss after her March comment that, “We will put the ferry crews out"
            " of work.”",
            "her",
        ),
        # no owner before the modifiers: the short quote stays a term
        (
            "The oft-repeated unfounded contention that “hundreds” of crews quit went unanswered.",
            None,
        ),
    ],
)
def test_the_owner_of_a_speech_noun_before_its_modifiers_speaks(
    text: str, mention: str | None
) -> None:
    quotes = extract(text).quotes
    assert (quotes[-1].mention.text if quotes and quotes[-1].mention else None) == mention


def test_speech_noun_judged_as_a_quote_is_not_its_owners() -> None:
    # `X’s remarks as “Q”`: the quote is what the subject makes of them
    text = "Lena Voss brushed aside Ivo Brandt’s remarks as “just noise from the docks,” and left."
    assert first_attribution(text) == ("Lena Voss", "pre_characterisation")
    # negative: a complement clause after the noun is still the owner's
    text = "Lena Voss brushed aside Ivo Brandt’s remarks that “the port is dying,” and left."
    assert first_attribution(text) == ("Ivo Brandt’s", "pre_possessive_speech_noun")


def test_possessive_pronoun_owns_the_speech_noun() -> None:
    text = (
        "Mara Quist stirred debate last year with her remark that “a special "
        "seat in court awaits them.”"
    )
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.mention.text == "her"
    assert quote.speaker is not None
    assert quote.speaker.name == "Mara Quist"


def test_outermost_source_of_nested_reported_speech() -> None:
    text = "Quist says she hopes to win, but she knows that “the champion will always be Orsin.”"
    assert first_attribution(text) == ("Quist", "pre_subject_cue")


def test_quote_in_the_complement_of_a_named_owners_speech_noun() -> None:
    text = (
        "The minister stressed that the plan would hold, referring to Governor Han Mi-ra's "
        "declaration in 2021 that the two cities are “rivals with nothing in common.”\n\n"
        "“Nothing stays the same forever, and neither will this.”"
    )
    quotes = extract(text).quotes
    nested, following = quotes[0], quotes[1]
    assert nested.speaker is not None
    assert nested.speaker.name == "Han Mi-ra"
    # The next paragraph continues the sentence's own speaker, not the owner it reported.
    assert following.mention is not None
    assert following.mention.text == "The minister"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the complement clause has its verb; the quote after a second `is` is the claim's
        # predicate, which the outer speaker judges
        (
            "Lena Voss said Friday that Ivo Brandt's claim that the port is losing money is "
            "“plainly wrong.”",
            "Lena Voss",
        ),
        # negative: the quote inside the complement clause is the owner's
        (
            "Lena Voss said Friday that Ivo Brandt's claim that the port is “losing money” was "
            "wrong.",
            "Ivo Brandt's",
        ),
    ],
)
def test_complement_clause_or_predicate_of_a_speech_noun(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_subject_cue")


def test_speech_noun_without_a_that_clause_leaves_the_cue_in_charge() -> None:
    text = (
        "The minister stressed, referring to Governor Han Mi-ra's declaration, that the two "
        "cities are “rivals with nothing in common.”"
    )
    assert first_attribution(text) == ("The minister", "pre_subject_cue")


def test_previous_sentence_subject() -> None:
    text = (
        "The board may be slow to respond, Okafor said. “The other factor is the "
        "appearance of tipping the scales.”"
    )
    assert first_attribution(text) == ("Okafor", "previous_sentence_subject")


@pytest.mark.parametrize(
    "text",
    [
        # titles of shows, books and events are not statements
        "Okafor told WKRN's “Early Start” that nobody would doubt her judgment.",
        "Varga said so on KBS's “Sunday Round” this week.",
        "She spoke during a “Harbour Safety Forum” sponsored by KRVN News.",
        # a nickname inside a name
        "Renner's niece, state Del. Dora “Dee” Lindqvist, shouted to the crowd.",
    ],
)
def test_titles_and_nicknames_are_not_quotes(text: str) -> None:
    assert all(q.text not in {"Early Start", "Sunday Round", "Dee"} for q in extract(text).quotes)
    assert not [q for q in extract(text).quotes if "Forum" in q.text]


# --- 1.1.0: which cue governs a quote, and whose subject it is ------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the nearest cue reaches the quote through a comma: it introduces the quote
        (
            "Asked why the plan leaves out fathers, the 41-year-old senator replied, “It was "
            "meant to help mothers first.”",
            "the 41-year-old senator",
        ),
        (
            "When the moderator noted that the governor had skipped two debates, Harris "
            "snapped, “That makes me careful.”",
            "Harris",
        ),
        (
            "The new ad shows footage of Governor Alan Reyes saying at a rally last month, "
            "“We will cut every tax.”",
            "Alan Reyes",
        ),
        # negative: an adjacent pronoun leaves the quote to the named outer source
        ("Mayor Ortiz said she remembered clearly, “We were never told.”", "Ortiz"),
        # negative: a verb between the cue and the comma (`recalled thinking,`) is not adjacent
        ("Okafor said she recalled thinking, “Nobody in this room can see me.”", "Okafor"),
    ],
)
def test_adjacent_cue_introduces_the_quote(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_subject_cue")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # an opening subordinate clause does not govern the main clause's quote
        (
            "While he acknowledged the budget was tight, Morales also noted several “hidden "
            "costs” in the plan.",
            "Morales",
        ),
        # negative: `when` inside the sentence (a cleft) is not an opening clause
        (
            "That’s when she cited reports that Morales called the contractor “a crook” "
            "in private.",
            "she",
        ),
    ],
)
def test_opening_subordinate_clause(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_subject_cue")


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # the pronoun in `what it calls` is the mention; it stands for the main clause's subject
        (
            "The union is defending its members. It’s attacking what it calls “the largest pay "
            "cut in a decade.”",
            "it",
            "union",
        ),
        (
            "The Varga campaign is contrasting her plan with what they call Republican Dan "
            "Hill’s “reckless giveaway.”",
            "they",
            "Varga campaign",
        ),
        (
            "The city council on Tuesday passed a resolution condemning what it called “a "
            "reckless decision by the state.”",
            "it",
            "city council",
        ),
        # an earlier cue's subject, not the embedded clause, used to speak
        (
            "Tom Varga urged members to back Jane Roe, whom he describes as showing “a calm "
            "temper.”",
            "he",
            "Tom Varga",
        ),
        # negative: the pronoun does not agree with the main subject
        ("The senators are angry at Morales over what he called “a fair deal.”", "he", None),
        (
            "The ministry summoned the ambassador over what she called “an insult to the nation.”",
            "she",
            None,
        ),
        # negative: an outer cue's subject that does not agree speaks itself
        (
            "Officials condemned the raid for what they called “a reckless act.”",
            "Officials",
            "Officials",
        ),
    ],
)
def test_embedded_pronoun_is_the_mention_and_stands_for_the_main_subject(
    text: str, mention: str, speaker: str | None
) -> None:
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert (quote.mention.text, quote.rule) == (mention, "pre_subject_cue")
    assert (quote.speaker.name if quote.speaker else None) == speaker


def test_embedded_pronoun_after_an_attributed_quote_of_the_sentence() -> None:
    text = (
        "Trump took to Twitter to accuse the senator of being “a fraud” and to mock what he "
        "called her “fake plan.”"
    )
    quotes = extract(text).quotes
    # the pronoun is the second quote's mention, standing for the first quote's speaker
    assert [(q.mention.text if q.mention else None, q.rule) for q in quotes] == [
        ("Trump", "pre_subject_cue"),
        ("he", "pre_subject_cue"),
    ]
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Trump", "Trump"]


def test_other_pronoun_after_an_attributed_quote_keeps_the_sentence_speaker() -> None:
    # negative: `she said ... what he believes`: another pronoun, the sentence's speaker stays
    text = (
        "“Stubborn,” she said, meaning that he is “set in his ways” and says what he thinks "
        "“whatever the cost.”"
    )
    quotes = extract(text).quotes
    assert quotes[-1].mention is not None
    assert quotes[-1].mention.text == "she"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # the object of a preposition is not the verb's subject
        (
            "Marchers walking through the downtown streets chanted “No more cuts!” until midnight.",
            "Marchers",
        ),
        (
            "In a Facebook post published Sunday, Ramirez said he had “serious doubts” about the "
            "merger.",
            "Ramirez",
        ),
        (
            "In a statement announcing the endorsement, the Teachers Union called Ramirez a "
            "“true champion” of schools.",
            "the Teachers Union",
        ),
        # negative: the person in `footage of X saying` speaks; an affiliation stays attached
        (
            "The new ad shows footage of Governor Alan Reyes saying at a rally last month, "
            "“We will cut every tax.”",
            "Alan Reyes",
        ),
        (
            "A spokeswoman for the Reyes campaign said the ad was “entirely accurate.”",
            "A spokeswoman",
        ),
        # a capitalised participle opening the sentence is not a name
        (
            "Following a closed-door meeting, the board issued a statement calling the merger "
            "“a serious mistake.”",
            "the board",
        ),
        # a second, coordinated verb shares the sentence subject
        (
            "The governor also outlined his tax plan and vowed to punish “those who cheat the "
            "system.”",
            "The governor",
        ),
        # nouns and names ending in -ly are not adverbs between subject and verb
        (
            "Ramirez's family has called on the city to release the footage “without any "
            "further delay.”",
            "Ramirez's family",
        ),
        ("Kelly said the talks were “going nowhere fast.”", "Kelly"),
        # negative: a real adverb is still skipped
        ("Moon quickly said the talks were “going nowhere fast.”", "Moon"),
        # `ruled` reports what a court or a fact-checker said
        (
            "The appeals court ruled that the state had acted “without any lawful basis.”",
            "The appeals court",
        ),
    ],
)
def test_subject_of_the_cue(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_subject_cue")


def test_post_attribution_that_introduces_the_next_quote() -> None:
    text = (
        "She says the deal is “the same old arrangement that he promised to end.” She adds, "
        "“Who believes that now?”"
    )
    quotes = extract(text).quotes
    assert [(q.mention.text if q.mention else None, q.rule) for q in quotes] == [
        ("She", "pre_subject_cue"),
        ("She", "pre_subject_cue"),
    ]
    assert quotes[0].mention is not None
    assert quotes[0].mention.start == 0
    # negative: a post attribution that ends its own sentence still attributes
    assert first_attribution("“This is over.” Ortiz said, firmly, that the matter was closed.") == (
        "Ortiz",
        "post_speaker_cue",
    )


# --- 1.2.0: nicknames, counted descriptions, mis-encoded names, characterisations ------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a quoted nickname inside a name does not cut the speaker phrase
        (
            "“We are ready for November,” state Del. Rosa “Ro” Alvarez (D-Fairfax), told "
            "the crowd.",
            "Rosa “Ro” Alvarez",
        ),
        ("“The vote is close,” said Thomas “Tommy” Baker.", "Thomas “Tommy” Baker"),
        ("Robert “Bobby” Lane told reporters, “We will not back down.”", "Robert “Bobby” Lane"),
        # an age and a family count describe the speaker
        (
            "Pressed on the cost, the 52-year-old father of two replied, “We cannot afford it.”",
            "the 52-year-old father of two",
        ),
        ("“It is over,” the 40-year-old veteran said.", "the 40-year-old veteran"),
        ("“We will rebuild,” said the 61-year-old grandmother.", "the 61-year-old grandmother"),
        # UTF-8 read as Latin-1 (once, and twice) stays one name
        (
            "“Europe must defend itself,” President Fran\u00c3\u00a7ois Marchand said.",
            "Fran\u00c3\u00a7ois Marchand",
        ),
        (
            "“Europe must defend itself,” President FranA\u0303\u0083A\u0302\u00a7ois Marchand "
            "said.",
            "FranA\u0303\u0083A\u0302\u00a7ois Marchand",
        ),
    ],
)
def test_speaker_phrases_with_nicknames_ages_and_mojibake(text: str, mention: str) -> None:
    assert first_attribution(text)[0] == mention


@pytest.mark.parametrize(
    "text",
    [
        # negative: a quoted word after a sentence end is a quote, not a nickname
        "“We won,” said Lane. “Yes” He smiled.",
        # negative: a count after `of` with no person noun before it is no speaker phrase
        "The first of three “town halls” opened on Monday.",
    ],
)
def test_nickname_and_count_negatives(text: str) -> None:
    for quote in extract(text).quotes:
        assert quote.mention is None or "of three" not in quote.mention.text


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Senator Mills has been painting the governor as a “career con man.”", "Mills"),
        (
            "Mayor Dana Cole (D-Ore.), in particular, keeps painting the plan as a “giveaway” "
            "to developers.",
            "Dana Cole",
        ),
        (
            "Lindqvist openly admires the general as a “true patriot,” praising his record.",
            "Lindqvist",
        ),
        (
            "A Tribune editorial pictured the mayor as “the comeback kid” last spring.",
            "A Tribune editorial",
        ),
    ],
)
def test_rule_pre_characterisation(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_characterisation")


@pytest.mark.parametrize(
    "text",
    [
        # negative: a role, a comparison and a passive name no source
        "Lindqvist served as “acting director” for a year.",
        "The plan is seen as a “lifeline” by many farmers.",
        "The deal was criticized as a “giveaway” to developers.",
        "Farmers use crops such as “heritage wheat” in the valley.",
        # negative: a bare plural or an abstract noun is no particular source
        "Regional authorities dismissed the launches as “routine drills” on Monday.",
        "The choice was between attacking the senator as “unfit” or staying quiet.",
    ],
)
def test_characterisation_negatives(text: str) -> None:
    assert not [q for q in extract(text).quotes if q.rule == "pre_characterisation"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The mayor has a simple message for voters: “Show up and vote.”", "The mayor"),
        ("Governor Varga is rolling out a new slogan: “Roads first.”", "Varga"),
        ("Renner has a motto: “Never quit.”", "Renner"),
    ],
)
def test_rule_pre_colon_subject(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_colon_subject")


@pytest.mark.parametrize(
    "text",
    [
        # negative: the clause before the colon has no speaking subject
        "Here is the list: “eggs, milk and bread.”",
        "The senator’s plan has three parts: “tax, spend and save.”",
        # negative: an adjective is not the verb whose subject speaks
        "His wife and current Green Party nominee Jane Roe made a comment that "
        "described teenagers as “super predators.”",
    ],
)
def test_pre_colon_and_characterisation_negatives(text: str) -> None:
    for quote in extract(text).quotes:
        assert quote.rule not in {"pre_colon_subject", "pre_characterisation"}


def mention_of_last(text: str) -> str | None:
    quote = extract(text).quotes[-1]
    return quote.mention.text if quote.mention else None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # A role noun and a possessive determiner before the name after the cue.
        ("“We will cooperate fully,” said her attorney Park Ji-hoon.", "Park Ji-hoon"),
        # An appositive closed by a comma before the verb phrase.
        (
            "Park Min-jae, a farmer from the valley, was quoted as saying that “every one of the "
            "fields is now flooded and I cannot cross.”",
            "Park Min-jae",
        ),
        # A time phrase between subject and cue.
        (
            "Mara Quist last month said “it was a season of imitators,” pointing at a rival.",
            "Mara Quist",
        ),
        # An appositive holding an abbreviation in parentheses.
        (
            "Seo Ji-won, a Green Future Party (GFP) council member, said, “The ledger "
            "should be shown to the voters.”",
            "Seo Ji-won",
        ),
        # An adverb in the subject's verb phrase does not join the name.
        (
            "In reply, Lee casually tapped Baek’s arm and said, “Oops, I gave the game away.”",
            "Lee",
        ),
        # An indefinite determiner before a capitalised role: an unnamed source.
        ("“The gap is too wide,” said a Nevada Democrat.", "a Nevada Democrat"),
        ("“It is over,” one senior Republican said on Monday.", "one senior Republican"),
        # An owner before a name: the name speaks.
        ("“It will annoy them,” Tidewater’s Ines Okafor tweeted Friday.", "Ines Okafor"),
        # Sentence-opening adverbs and participles are no names.
        (
            "Repeatedly asked about the plan, the official said the ministry prefers a "
            "“careful” approach.",
            "the official",
        ),
        (
            "Regarding criticism of the government, the senior official declined, saying, “It "
            "is hard to say what we knew.”",
            "the senior official",
        ),
    ],
)
def test_common_newswire_shapes_name_the_speaker(text: str, mention: str) -> None:
    assert mention_of_last(text) == mention


def test_relative_clause_that_does_not_introduce_the_quote_lends_no_speaker() -> None:
    text = (
        "The union, which said little on Monday, was praised by the mayor, who called the deal "
        "“a historic day for the whole city.”"
    )
    assert mention_of_last(text) != "The union"


def test_cue_after_the_last_quote_attributes_the_earlier_ones_of_its_sentence() -> None:
    text = (
        '"We have nothing to add" on the plan, with a review going on "internally," '
        "the official said on condition of anonymity."
    )
    first, second = extract(text).quotes
    assert second.mention is not None
    assert second.mention.text == "the official"
    assert first.mention == second.mention
    assert first.rule == "later_cue_in_sentence"


def test_a_later_quote_in_another_sentence_lends_nothing() -> None:
    text = (
        'The motto reads "Never again" on every wall. "We built it," the official said on Monday.'
    )
    quotes = extract(text).quotes
    assert all(quote.rule != "later_cue_in_sentence" for quote in quotes)


def test_a_quote_paragraph_with_no_speaker_takes_the_cue_of_the_next_paragraph() -> None:
    text = (
        "The mayor sees the new chief as a healer.\n\n"
        "“Not only can she fix the budget, she is the one with the clearest plan for it.”\n\n"
        "“She may be our best hope for a calm council,” John Doe notes."
    )
    first, second = extract(text).quotes
    assert first.rule == "next_paragraph_cue"
    assert first.mention == second.mention
    # not when a sentence of narration stands between them
    text = text.replace("for it.”\n\n", "for it.”\n\nThe crowd cheered.\n\n")
    first, second = extract(text).quotes
    assert first.rule != "next_paragraph_cue"


def test_paragraph_ending_in_a_colon_hands_the_quote_to_its_subject() -> None:
    text = (
        "Renner wrote to members on Monday.\n\n"
        "He then listed the qualities a nominee needs:\n\n"
        '"In the column I wrote last spring, I listed several qualities."'
    )
    assert mention_of_last(text) == "He"


def test_paragraph_ending_in_a_colon_without_a_speaker_hands_over_nothing() -> None:
    text = (
        "The weather was bad all week.\n\n"
        "The forecast for the coming days:\n\n"
        '"Rain, rain and more rain, then a little sun on Sunday."'
    )
    assert mention_of_last(text) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Civic groups, including the Federation of Dock Workers, which said, “We shall "
            "never accept the closure.”",
            "Federation of Dock Workers",
        ),
        ("Tom Ferro, who declared in the lobby, “I’m giving the signal now.”", "Tom Ferro"),
        # negative: a pronoun author does not replace the document
        ("It sent a message that said, “Apologies, we cannot come this year.”", "message"),
        # a document the clause's subject puts out speaks for that subject
        (
            "The school board voted for a motion which said the district “opposes the new fees.”",
            "school board",
        ),
        (
            "John Doe is running a short ad that urges parents to “call the school board.”",
            "John Doe",
        ),
        # an article or report that a body releases speaks for it
        (
            "The Lindell Herald published an article that said, “The talks have failed.”",
            "Lindell Herald",
        ),
        # negative: a pronoun author does not replace the report either
        ("It published a report that said, “The talks have failed.”", "report"),
        # an auxiliary between the pronoun and the cue: still the relative clause's
        (
            "Compare that with John Doe, who has called the merger “a mistake,” and others.",
            "John Doe",
        ),
    ],
)
def test_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker(
    text: str, speaker: str
) -> None:
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.mention.text in {"who", "which", "that"}
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


def test_a_capitalised_will_after_which_is_a_name_not_an_auxiliary() -> None:
    text = "Jane Roe opened the fair, which Will claims drew “the largest crowd yet.”"
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.mention.text == "Will"


def test_that_after_a_cue_is_no_relative_pronoun() -> None:
    quote = extract("Kim said that “the talks will resume within the month.”").quotes[-1]
    assert quote.mention is not None
    assert quote.mention.text == "Kim"


def test_a_name_alone_before_a_colon_labels_the_speaker() -> None:
    text = 'Quist: "Our goal is to defeat them." Varga: "The mission is clear to all of us."'
    assert [q.mention.text if q.mention else None for q in extract(text).quotes] == [
        "Quist",
        "Varga",
    ]


@pytest.mark.parametrize(
    "text",
    [
        'UPDATE: "The talks will resume next week in Geneva, officials hope."',
        'Read the latest updates below: "The talks will resume next week in Geneva."',
    ],
)
def test_headings_and_imperatives_before_a_colon_name_nobody(text: str) -> None:
    assert extract(text).quotes[-1].mention is None


@pytest.mark.parametrize(
    "text",
    [
        "Maybe Kim said the plan was “fine for now.”",
        "Late on Tuesday, Kim said the plan was “fine for now.”",
    ],
)
def test_sentence_adverbs_are_no_part_of_a_name(text: str) -> None:
    assert first_attribution(text)[0] == "Kim"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "STATES SHIFT RIGHT - Jane M. Roe: “The partisanship of the state is a start.”",
            "Jane M. Roe",
        ),
        ("More from Roe: “The partisanship of the state is a start.”", "Roe"),
    ],
)
def test_name_label_after_a_heading_dash_or_from(text: str, mention: str) -> None:
    assert first_attribution(text) == (mention, "pre_colon_subject")


def test_heading_in_capitals_before_a_colon_names_nobody() -> None:
    assert first_attribution("STATES SHIFT RIGHT - UPDATE: “The state is a start.”")[0] is None


def test_inverted_cue_closing_the_previous_paragraph() -> None:
    text = "Stated Renner:\n\n“I believe the stakes are very high for everyone.”"
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.mention.text == "Renner"
    assert quote.speaker is not None
    assert quote.speaker.name == "Renner"  # the cue is no part of the name


@pytest.mark.parametrize(
    "text",
    [
        "Across town, young supporters kept shouting “we want change now” at the rally.",
        "Among Latinos, she said the plan “shares your position on issues.”",
    ],
)
def test_capitalised_sentence_openers_are_not_names(text: str) -> None:
    for quote in extract(text).quotes:
        assert quote.speaker is None or quote.speaker.name not in {"Across", "Among Latinos"}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a number word or a preposition opening the sentence is no name
        ("Eight years ago, he signed the lease and said, “It will pay off.”", "he"),
        ("Instead he gave a talk in which he pledged to be “a voice for every nurse.”", "he"),
        (
            "Amid calls for calm, the mayor spoke, saying it was time to “rebuild the town "
            "together.”",
            "the mayor",
        ),
        (
            "One lent us a boat, Jane Roe said, while others “just stood on the shore.”",
            "Jane Roe",
        ),
        # negative: a capitalised name opening the sentence still speaks
        ("Eleanor Poe signed the lease and said, “It will pay off.”", "Eleanor Poe"),
    ],
)
def test_sentence_openers_that_are_no_names(text: str, mention: str) -> None:
    assert first_attribution(text)[0] == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a speech word in -s before `of`, `from`, `were` is a plural noun, not the cue
        (
            "Staff tried to refute rival claims of “real progress on the budget,” Jane Roe said.",
            "Jane Roe",
        ),
        (
            "Jane Roe drew the sharpest attacks from the panel, so much so that she "
            "mocked the “ask Jane again” questions.",
            "she",
        ),
        # negative: the verb in -s before an object speaks
        ("Jane Roe claims “real progress” on the budget.", "Jane Roe"),
    ],
)
def test_plural_speech_nouns_are_no_cues(text: str, mention: str) -> None:
    assert first_attribution(text)[0] == mention


def test_a_lone_quote_paragraph_is_spoken_by_the_reader_named_next() -> None:
    text = (
        "“The appeal of the Lindell Council is dismissed.”\n\n"
        "The hall fell silent when Judge Park Ji-hoon read the ruling. Nobody moved."
    )
    assert first_attribution(text) == ("Park Ji-hoon", "read_out_next_paragraph")
    # negative: reading something that is no verdict or statement names no speaker
    text = (
        "“The appeal of the Lindell Council is dismissed.”\n\n"
        "The hall fell silent when Judge Park Ji-hoon read the room. Nobody moved."
    )
    assert first_attribution(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a time phrase between the relative pronoun and its cue: `who` is the local mention
        (
            "Varga, who in recent weeks has called the mayor “a danger to the harbor,” said "
            "nothing on Monday.",
            "who",
        ),
        # a phrase set off by commas between the relative pronoun and its cue
        (
            "The mood was calmer than at Varga’s office, which, on a call Friday, said the plan "
            "was “a danger to the harbor.”",
            "which",
        ),
        # negative: the time phrase opens the sentence, with no relative clause
        ("In the past, Varga described the mayor as “a danger to the harbor.”", "Varga"),
        # negative: commas around a title after a name, with no relative pronoun
        ("Varga, the mayor, on Friday called the plan “a danger to the harbor.”", "Varga"),
    ],
)
def test_relative_pronoun_speaks_over_a_time_phrase(text: str, mention: str) -> None:
    quote = extract(text).quotes[0]
    assert quote.mention is not None
    assert quote.mention.text == mention
    assert quote.speaker is not None
    assert "Varga" in quote.speaker.name


def attributions(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.mention.text if q.mention else None, q.rule) for q in extract(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue whose colon opens the next quote introduces that one; the cue before the first
        # quote speaks it
        (
            "After Voss said that students who failed might do better at “smaller schools,” "
            "Ferro said: “I do not like what she said.”",
            [("Voss", "pre_subject_cue"), ("Ferro", "pre_subject_cue")],
        ),
        # negative: with no cue of its own before it, the quote is the later cue's
        (
            "Conceding that a deal would come “down the line” she warned: “It will not be soon.”",
            [("she", "post_speaker_cue"), ("she", "pre_subject_cue")],
        ),
    ],
)
def test_colon_cue_introduces_the_next_quote(
    text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert attributions(text) == expected


@pytest.mark.parametrize(
    ("text", "mention", "rule_name"),
    [
        # `according to` inside the clause an earlier cue reports: that cue's subject speaks
        (
            "Lena Voss, a member of the board, said Tuesday that according to its count, the "
            "party has won “a clear mandate.”",
            "Lena Voss",
            "pre_subject_cue",
        ),
        # negative: `according to` in a clause of its own names the source
        (
            "Voss spoke on Tuesday. According to the board, the party has won “a clear mandate.”",
            "the board",
            "pre_according_to",
        ),
    ],
)
def test_according_to_inside_a_reported_clause(text: str, mention: str, rule_name: str) -> None:
    assert first_attribution(text) == (mention, rule_name)


@pytest.mark.parametrize(
    ("text", "mention", "rule_name"),
    [
        # a name with its title and party tag labels the quote after a colon
        (
            "Rep. Lena Voss (R-S.C.):“Nobody on this panel trusts that count.”",
            "Lena Voss",
            "pre_colon_subject",
        ),
        (
            "Rep. Lena Voss: “Nobody on this panel trusts that count.”",
            "Lena Voss",
            "pre_colon_subject",
        ),
        # negative: a name that ends a clause is no label
        (
            "The board met Lena Voss: “Nobody on this panel trusts that count.”",
            "The board",
            "clause_subject",
        ),
    ],
)
def test_titled_label_before_a_colon(text: str, mention: str, rule_name: str) -> None:
    assert first_attribution(text) == (mention, rule_name)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The wording of a poll's question: the share who answered it did not say it.
        (
            "Asked whether the harbor levy is “fair to small boat owners,” 72 percent of "
            "voters said yes.",
            None,
        ),
        (
            "Asked if the mayor is “up to the job of running the port,” 41% of residents said no.",
            None,
        ),
        # Near misses: a person answers the question; a share without a question asked.
        (
            "Asked whether the harbor levy is fair, Lena Voss said “it is not fair to anyone.”",
            "Lena Voss",
        ),
        (
            "In the survey, 72 percent of voters said the levy was “fair to small boat owners.”",
            "survey",
        ),
    ],
)
def test_poll_question_has_no_speaker(text: str, speaker: str | None) -> None:
    (quote,) = extract(text).quotes
    assert (quote.speaker.name if quote.speaker else None) == speaker
