"""Short quotes: statements that a verb of saying or judging introduces, and coined terms, titles
and labels that are none. Made-up sentences, one construction each, with its negative."""

from __future__ import annotations

from quotes.extraction import extract
from quotes.extraction.types import Quote


def quote(text: str, words: str) -> Quote | None:
    """The statement whose text is `words`, or None when `words` came out as a scare quote."""
    extraction = extract(text)
    scare = [text[span.start : span.end] for span in extraction.scare_quotes]
    found = [q for q in extraction.quotes if q.text == words]
    assert len(found) + scare.count(words) == 1, (words, scare)
    return found[0] if found else None


def speaker(text: str, words: str) -> str | None:
    """The mention the statement `words` is attributed to (None: no speaker, or no statement)."""
    found = quote(text, words)
    return found.mention.text if found is not None and found.mention is not None else None


def is_statement(text: str, words: str) -> bool:
    return quote(text, words) is not None


# --- statements: a verb of saying or judging introduces the short quote --------------------------


def test_verbs_of_expression_take_the_quote_as_object() -> None:
    assert speaker("The ministers voiced “grave concern” about the drills.", "grave concern") == (
        "The ministers"
    )
    text = "The general ordered “maximum readiness” along the border on Sunday."
    assert speaker(text, "maximum readiness") == "The general"
    text = "The rebels threatened to launch a “new offensive” against the capital."
    assert speaker(text, "new offensive") == "The rebels"
    # No verb of saying: the same words are a coined term.
    assert not is_statement("The ministry building hosted “deep regrets” week.", "deep regrets")


def test_a_day_between_subject_and_verb() -> None:
    text = "The ministry on Tuesday expressed “deep regrets” over the remarks."
    assert speaker(text, "deep regrets") == "The ministry"
    text = "The ministry on Tuesday said the talks were “very productive” for both sides."
    assert speaker(text, "very productive") == "The ministry"
    # A name is no day: `Kelly` is the speaker, not a word to skip.
    assert speaker("Kelly said the talks were “very productive” overall.", "very productive") == (
        "Kelly"
    )


def test_a_participle_after_a_dateline_takes_the_subject_after_the_dash() -> None:
    text = (
        "BERLIN, Germany — The minister issued a letter on Monday, saying she was "
        "“deeply troubled” by the vote."
    )
    assert speaker(text, "deeply troubled") == "The minister"
    # Without the participle nothing introduces the quote.
    text = (
        "BERLIN, Germany — The minister issued a letter on Monday about the “deeply troubled” vote."
    )
    assert not is_statement(text, "deeply troubled")


def test_a_participle_after_an_appositive_takes_the_named_subject() -> None:
    text = (
        "Park Min-ji, the chair of the ethics panel, issued a statement on Monday, calling the "
        "decision “a disgrace.”"
    )
    assert speaker(text, "a disgrace.") == "Park Min-ji"
    text = (
        "Park Min-ji, the chair of the ethics panel, issued a statement on Monday on the "
        "“disgrace” row."
    )
    assert not is_statement(text, "disgrace")


def test_a_participle_cue_later_in_the_sentence_speaks_for_its_clause() -> None:
    text = (
        "The ministry pushed back against “baseless” media reports, saying it had cooperated fully."
    )
    assert speaker(text, "baseless") == "The ministry"
    text = "The ministry pushed back against “baseless” media reports last week."
    assert not is_statement(text, "baseless")


def test_a_that_clause_after_any_verb_speaks_for_a_short_quote_with_no_cue_word_near() -> None:
    # `grumbled` is no cue word, yet the verb hands its `that` clause to its subject
    text = "Mara Voss grumbled that the new harbor chief was “still finding her feet” at the port."
    assert speaker(text, "still finding her feet") == "Mara Voss"
    # without `that`, the same short words stay a term
    text = "Mara Voss grumbled at the new harbor chief, “still finding her feet” at the port."
    assert not is_statement(text, "still finding her feet")


def test_a_judging_adjective_of_a_possessed_noun_is_its_speakers() -> None:
    text = (
        "Lee urged Tokyo to take a “humble stance,” blaming the row on the two nations’ "
        "“painful” history."
    )
    assert speaker(text, "painful") == "Lee"
    text = "The minister said the nation’s “broken” pension system needs repair."
    assert speaker(text, "broken") == "The minister"
    # A quoted noun phrase there is a coined name: `Varga’s “strategic patience” approach`.
    text = (
        "Lee urged Tokyo to take a “humble stance,” praising the two nations’ "
        "“shuttle diplomacy” talks."
    )
    assert not is_statement(text, "shuttle diplomacy")
    assert not is_statement("Kim said the law’s “Cadillac tax” begins next year.", "Cadillac tax")


def test_is_after_a_pronoun_is_no_possessive() -> None:
    # The second quote keeps the sentence's speaker; `it’s` is `it is`, not an owner.
    text = "Quist said the deal was “a disaster” and that it’s “unfixable.”"
    assert speaker(text, "unfixable.") == "Quist"
    # An owner's quoted term, with no cue of its own, is a name.
    text = "Quist said the deal was “a disaster” and signed the union’s “side letter.”"
    assert not is_statement(text, "side letter.")


def test_a_quoted_adverb_before_a_verb_is_no_noun_modifier() -> None:
    text = "The ministry is “carefully” reviewing the proposal, an official here said Tuesday."
    assert speaker(text, "carefully") == "an official"
    assert not is_statement("The ministry is “carefully” reviewing the proposal.", "carefully")


def test_a_quote_before_a_verb_in_the_past_is_no_noun_modifier() -> None:
    text = "Loyalty, Roe noted, is what kept the harbor board’s “old hands” engaged in the vote."
    assert speaker(text, "old hands") == "Roe"
    # before a noun the same words modify it, and are a term
    text = "Loyalty, Roe noted, is what kept the harbor board’s “old hands” faction in the vote."
    assert not is_statement(text, "old hands")


def test_a_cue_right_after_the_quote_makes_it_a_statement() -> None:
    text = "“Where is my son?” one mother cried. “It is so cold,” said another."
    found = quote(text, "It is so cold,")
    assert found is not None
    assert found.mention is not None
    assert found.mention.text == "another"  # not the mother of the sentence before
    mother = quote(text, "Where is my son?")
    assert mother is not None
    assert mother.speaker is not None
    assert found.speaker is not None
    assert found.speaker.key != mother.speaker.key
    # `said in haste` names no speaker: the quoted word is a label.
    assert not is_statement("The word “sorry,” said in haste, did not help.", "sorry,")


# --- not statements: coined terms, titles, labels ------------------------------------------------


def test_a_naming_marker_before_as_and_an_article() -> None:
    text = "Often dubbed as the “king of chaebol,” Lee rarely spoke in public."
    assert not is_statement(text, "king of chaebol,")
    assert speaker("Rivals dubbed him a “traitor,” Lee said.", "traitor,") == "Lee"


def test_a_topic_before_the_cue_of_another_quote() -> None:
    text = "On “tax fairness” and the budget, Choi said, “We will not back down.”"
    assert not is_statement(text, "tax fairness")
    assert speaker(text, "We will not back down.") == "Choi"
    # A quote split by its attribution stays one statement.
    text = "“Tax fairness,” Choi said, “is our first goal.”"
    assert speaker(text, "Tax fairness,") == "Choi"
    assert speaker(text, "is our first goal.") == "Choi"


def test_words_after_a_cue_that_has_its_quote_are_no_statement() -> None:
    text = (
        "“We regret the leak,” spokeswoman Han said Monday while holding a printed “notice” "
        "for reporters."
    )
    assert speaker(text, "We regret the leak,") == "Han"
    assert not is_statement(text, "notice")
    # `adding that`, a participle after a comma: the cue goes on to the second quote.
    text = "“We regret the leak,” spokeswoman Han said, adding that the report was “baseless.”"
    assert speaker(text, "baseless.") == "Han"
    text = "“We regret the leak,” spokeswoman Han said Monday, calling the report “baseless.”"
    assert speaker(text, "baseless.") == "Han"


def test_titles_of_programmes_and_works() -> None:
    text = "He appeared on the radio show “Morning Talk Focus” on Tuesday, the station said."
    assert not is_statement(text, "Morning Talk Focus")
    text = "The station aired a programme called “Seoul Tonight” last year, the ministry said."
    assert not is_statement(text, "Seoul Tonight")
    assert not is_statement("She told “Evening Edition” that she would run.", "Evening Edition")
    text = "Kim spoke twice on “Night Talk” of KBS Radio and “Good Evening” of MBC, the party said."
    assert not is_statement(text, "Night Talk")
    assert not is_statement(text, "Good Evening")
    # A subject's `called` quotes its words: `what he called “Evil Empire”`.
    assert speaker("Varga denounced what he called “Evil Empire” in a speech.", "Evil Empire") == (
        "he"  # the embedded clause's pronoun, standing for Varga
    )
    # Lower-case words after a noun for a work are no title.
    text = "The minister said the show was “a national disgrace” and should end."
    assert speaker(text, "a national disgrace") == "The minister"


def test_a_reading_list_headline_with_its_byline_and_an_excerpt_with_its_link() -> None:
    text = (
        "FERRIES—“Harbor fees set to rise for the winter season,” by the Delmont Herald’s Mara"
        " Voss: “The Harbor Ministry will raise the fees on all routes in January, officials"
        " said on Monday.” http://dlmt.hr/1Ab2c."
    )
    assert not is_statement(text, "Harbor fees set to rise for the winter season,")
    excerpt = (
        "The Harbor Ministry will raise the fees on all routes in January, officials said on"
        " Monday."
    )
    assert not is_statement(text, excerpt)
    # `by` and a name without an owner's possessive is an agent, whose words the quote may be:
    # the statement stays.
    text = (
        "“The fees will rise for the winter season, and then they will fall again,” by Mara Voss’s"
        " count, was the ministry’s promise, Roe said."
    )
    assert is_statement(
        text, "The fees will rise for the winter season, and then they will fall again,"
    )
    text = "“We will keep the fees where they are for the whole winter season,” Mara Voss said."
    assert speaker(text, "We will keep the fees where they are for the whole winter season,") == (
        "Mara Voss"
    )


def test_slogans_dated_like_works_are_no_statements() -> None:
    text = (
        "The party’s posters set the tone: “No to the Bridge Toll, No to Outsiders” (2011) —"
        " “Keep Delmont for Delmont and Keep the Harbor Free” (2014)."
    )
    assert not is_statement(text, "No to the Bridge Toll, No to Outsiders")
    assert not is_statement(text, "Keep Delmont for Delmont and Keep the Harbor Free")
    # A bracketed note after a statement is no date.
    text = (
        "Mara Voss called the closure of the harbor “an act of pure spite by the ministry.”"
        " (The harbor reopened on Saturday.)"
    )
    assert speaker(text, "an act of pure spite by the ministry.") == "Mara Voss"


def test_titles_hold_small_words() -> None:
    text = "The governor said on the network’s “This Week with Anna Lee,” that he would run."
    assert not is_statement(text, "This Week with Anna Lee,")
    # but a capitalised sentence after a possessive is still its owner's statement
    text = "The governor’s reply was blunt: “We Will Win With or Without You.”"
    assert is_statement(text, "We Will Win With or Without You.")


def test_a_clause_subject_with_a_speech_verb_keeps_a_short_quote() -> None:
    # The cue rules cannot read `Multiple papers` as a subject; the clause's subject (the
    # proper adjective grown to its noun) and the speech verb after it still make the short
    # quote a statement.
    text = "Multiple papers reported on Friday the board had “several long talks” with her."
    assert speaker(text, "several long talks") == "Multiple papers"
    # No speech verb: the same shape is a scare quote.
    assert not is_statement("Most outlets now seem “very worried” about it.", "very worried")


def test_a_name_quoted_earlier_and_owned_inside_a_prepositional_phrase_is_a_label() -> None:
    text = (
        "“We will not accept the ‘green corridor’ as it stands,” Park Ji-hoon said.\n\n"
        "The ministry said it would press on with the reform through the mayor’s "
        "“green corridor” and the new budget."
    )
    assert not is_statement(text, "green corridor")
    # negative: words quoted for the first time there are the speaker's
    text = (
        "The ministry said it would press on with the reform through the mayor’s "
        "“green corridor” and the new budget."
    )
    assert speaker(text, "green corridor") == "The ministry"


def test_a_term_in_the_description_of_the_previous_speaker_is_the_reporters() -> None:
    text = "“We will sail on,” said Mara Voss, whose new book profiles “rebellious” skippers."
    assert not is_statement(text, "rebellious")
    text = "“We will sail on,” said Mara Voss, one of the original “gang of four” skippers."
    assert not is_statement(text, "gang of four")
    # a cue after the speaker gives her the next words too
    text = "“We will sail on,” said Mara Voss, calling the ban a “rebellious” act."
    assert speaker(text, "rebellious") == "Mara Voss"


def test_a_term_in_a_topic_phrase_after_the_cues_quote_is_no_statement() -> None:
    text = (
        "Choi Min-seo announced on Monday that she would “put the plan to the council” "
        "concerning her idea of a “green corridor” along the river."
    )
    assert not is_statement(text, "green corridor")
    # negative: a quote after a preposition that opens no noun's content is still hers
    text = (
        "Choi Min-seo announced on Monday that she would “put the plan to the council” "
        "in a “spirit of openness” along the river."
    )
    assert speaker(text, "spirit of openness") == "Choi Min-seo"


def test_a_gloss_after_a_quoted_word_and_or_a_is_the_reporters() -> None:
    text = "Park Ji-hoon called his rival “gumiho” or a “fox with nine tails,” on the radio."
    assert speaker(text, "gumiho") == "Park Ji-hoon"
    assert not is_statement(text, "fox with nine tails,")
    # negative: two phrases joined by `or` with no lone word before are both the speaker's
    text = "Park Ji-hoon called the plan “far too slow” or a “waste of time,” on the radio."
    assert speaker(text, "waste of time,") == "Park Ji-hoon"


def test_a_term_the_speaker_uses_or_coins_is_hers() -> None:
    text = "Lena Voss promised on Monday to stop using the term “harbor rats” in speeches."
    assert speaker(text, "harbor rats") == "Lena Voss"
    text = "Park Min-ho mocked the mayor, who he dubbed “the little captain” in a speech."
    assert speaker(text, "the little captain") is not None
    # Every verb of naming coins with a personal subject (one list with the claims' naming verbs).
    text = "Park Min-ho mocked the plan, which he titled “the harbor mess” in a post."
    assert speaker(text, "the harbor mess") == "Park Min-ho"
    text = "Park Min-ho mocked the plan, which was titled “the harbor mess” in a post."
    assert not is_statement(text, "the harbor mess")
    # The reporter's label, a passive naming, or a play on a phrase stay terms.
    text = "Lena Voss said the plan would fund the so-called “green corridor” next year."
    assert not is_statement(text, "green corridor")
    text = "Lena Voss said the plan was dubbed “green corridor” by its critics."
    assert not is_statement(text, "green corridor")
    text = "Lena Voss said the slogan was a play on the phrase “green corridor” in the ads."
    assert not is_statement(text, "green corridor")


def test_a_long_title_with_a_subtitle_after_a_noun_for_a_work() -> None:
    text = (
        "“I read it twice,” Lena Voss said of the book, “Harbor Nights: The Story of the Docks "
        "and the Families Who Built Them,” which came out in May."
    )
    assert not is_statement(
        text, "Harbor Nights: The Story of the Docks and the Families Who Built Them,"
    )
    # A number is a word of a title: `the film “Route 9”`.
    text = "Park Min-ho said he had watched the film “Route 9” twice, the studio said."
    assert not is_statement(text, "Route 9")
    # Negative: the same capitals after a cue and a colon are the speaker's words.
    text = "Lena Voss said: “Harbor Rules: We Keep the Docks Open for All the Workers.”"
    assert speaker(text, "Harbor Rules: We Keep the Docks Open for All the Workers.") == (
        "Lena Voss"
    )


def test_a_short_quote_inside_a_claim_is_the_claims_source() -> None:
    # No cue rule reads these speakers; the reported clause around the quote names them.
    text = "About a third said they felt “cheated” by the pay deal for the dock crews."
    assert speaker(text, "cheated") == "About a third"
    text = (
        "The harbor board met on Monday.\n\nLena Voss’s spokeswoman challenged the assertion "
        "that Voss had ever “attacked” the mayor."
    )
    found = quote(text, "attacked")
    assert found is not None
    assert found.rule == "inside_claim"
    assert found.kind == "partial"
    assert found.mention is not None
    assert found.mention.text == "Lena Voss’s spokeswoman"


def test_a_term_inside_a_claim_stays_a_term() -> None:
    # The content of a noun (`his proposal of a “...”`) is a term, whoever speaks around it.
    text = (
        "Park Min-ho announced that he would “put the plan to a vote” regarding his proposal "
        "of a “harbor pact” with the council."
    )
    assert not is_statement(text, "harbor pact")
    # The topic before a cue that introduces a quote of its own.
    text = (
        "On “dock fraud” and the missing permits, Park Min-ho said, “We reported everything to "
        "the council,” adding that he had nothing to hide."
    )
    assert not is_statement(text, "dock fraud")


def test_a_name_given_inside_a_claim_is_the_claims_source() -> None:
    text = "Harbor officials said the cargo files had been labeled “restricted” since last year."
    assert speaker(text, "restricted") == "Harbor officials"
    text = "Harbor officials said the old ferry had been nicknamed “the slow boat” for years."
    assert speaker(text, "the slow boat") == "Harbor officials"
    text = "Harbor officials said the old ferry had been nicknamed “the slow boat” by its crews."
    assert not is_statement(text, "the slow boat")
    # Negative: a name with an agent of its own is the agent's, not the claim's source's.
    text = "Harbor officials said the cargo files had been labeled “restricted” by the navy."
    assert not is_statement(text, "restricted")
    # Negative: the reporter's `so-called` stays a term inside the same kind of claim.
    text = "Lena Voss said the ferry would serve the so-called “night shift” workers first."
    assert not is_statement(text, "night shift")
