"""Claims of the cue families beyond the verbs of speaking (quotes/extraction/claims.py): a
transcript's turns, ...: golden made-up texts, each with a near miss that must give no claim."""

from __future__ import annotations

import pytest

from quotes.extraction import claims, extract
from quotes.extraction.pipeline import claim_candidates

TRANSCRIPT = (
    "Harbor talks\n\n"
    "The council's chair spoke to the station on Sunday.\n\n"
    "PARK MIN-HO: Will the levy pass this year?\n\n"
    "VOSS: I think the council will vote for it. The harbor needs the money.\n\n"
)


def test_a_transcript_turn_is_its_speaker_claim() -> None:
    claims = extract(TRANSCRIPT).claims
    assert [(c.mention.text if c.mention else None, c.text, c.cue) for c in claims] == [
        ("PARK MIN-HO", "Will the levy pass this year?", ":"),
        ("VOSS", "I think the council will vote for it. The harbor needs the money", ":"),
    ]
    for claim in claims:
        assert TRANSCRIPT[claim.start : claim.end] == claim.text


# (why, text): each must give no claim.
NOT_CLAIMS: list[tuple[str, str]] = [
    (
        "a lone label in capitals",
        "Harbor talks\n\nThe council met on Sunday.\n\nUPDATE: The vote was moved to Monday night.",
    ),
    (
        "one-letter labels",
        "Harbor talks\n\nQ: Will the levy pass this year?\n\nA: The council will vote for it.",
    ),
    (
        "a turn that is all a quote",
        "Harbor talks\n\nVOSS: “The levy will pass.”\n\nPARK: “The harbor needs money.”",
    ),
]


@pytest.mark.parametrize(("why", "text"), NOT_CLAIMS, ids=[why for why, _ in NOT_CLAIMS])
def test_no_claim(why: str, text: str) -> None:
    assert extract(text).claims == (), why


def test_a_quote_and_its_tag_according_to_a_report_are_the_report_claim() -> None:
    text = (
        "Harbor news\n\n"
        "“The levy will pass,” Lena Voss said, according to the Harbor Times. “We have the votes.”"
    )
    (claim,) = extract(text).claims
    assert claim.text == (
        "“The levy will pass,” Lena Voss said, according to the Harbor Times. “We have the votes.”"
    )
    assert claim.mention is not None
    assert claim.mention.text == "the Harbor Times"
    assert claim.cue == "according to"


def test_a_quote_opened_in_an_earlier_sentence_is_no_report_claim() -> None:
    text = (
        "Harbor news\n\n"
        "“The levy is dead. It will not pass,” Lena Voss said, according to the Harbor Times."
    )
    assert extract(text).claims == ()


# (text, content, source mention): `according to` opening a clause after a parenthesis or a
# colon, or with a source too long for a speaker phrase.
ACCORDING_TO: list[tuple[str, str, str]] = [
    (
        "The park is busy. (According to the Harbor Police Department, it keeps no records of "
        "the fines.) The mayor left.",
        "it keeps no records of the fines.)",
        "the Harbor Police Department",
    ),
    (
        "The council knows the mood: According to two harbor surveys, Voss trails Park among "
        "dock workers.",
        "Voss trails Park among dock workers",
        "two harbor surveys",
    ),
    (
        "According to early results of exit polls conducted for the Harbor Times and two radio "
        "stations by Lakeside Research, Voss led in both towns among men and women.",
        "Voss led in both towns among men and women",
        "early results of exit polls conducted for the Harbor Times and two radio stations by "
        "Lakeside Research",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention"), ACCORDING_TO)
def test_according_to_opening_a_clause(text: str, content: str, mention: str) -> None:
    (claim,) = extract("Harbor news\n\n" + text).claims
    assert (claim.text, claim.mention.text if claim.mention else None) == (content, mention)


def test_a_long_source_with_an_appositive_gives_no_claim() -> None:
    text = (
        "Harbor news\n\nAccording to early results of a survey conducted for the Harbor Times and "
        "two radio stations by Lakeside Research, a small firm in the old town."
    )
    assert extract(text).claims == ()


# (text, content, source mention): a clause that a named poll after it states.
POLL_AFTER: list[tuple[str, str, str]] = [
    (
        "Voss leads Park by 9 points in the latest Harbor Times poll.",
        "Voss leads Park by 9 points",
        "the latest Harbor Times poll",
    ),
    (
        "In March, Park drew a third of the harbor vote in a Lakeside Radio survey "
        "released Thursday.",
        "Park drew a third of the harbor vote",
        "a Lakeside Radio survey released Thursday",
    ),
    (
        "Park came second in the first ballot, although Voss moved up in the Harbor Times poll.",
        "Voss moved up",
        "the Harbor Times poll",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention"), POLL_AFTER)
def test_a_named_poll_after_the_clause_states_it(text: str, content: str, mention: str) -> None:
    (claim,) = extract("Harbor news\n\n" + text).claims
    assert (claim.text, claim.mention.text if claim.mention else None, claim.cue) == (
        content,
        mention,
        "in",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Voss stayed ahead of Park in the polls for weeks.",  # no poll the story names
        "Though Voss led in the Harbor Times poll, the vote went to Park.",  # subordinate
        "Voss spoke to voters in the hours before the Harbor Times poll.",  # not the poll's head
    ],
)
def test_no_poll_claim(text: str) -> None:
    assert extract("Harbor news\n\n" + text).claims == ()


def test_a_speaker_keeps_the_clause_a_poll_states() -> None:
    text = "Harbor news\n\nLena Voss said Park leads in the latest Harbor Times poll."
    (claim,) = extract(text).claims
    assert claim.mention is not None
    assert claim.mention.text == "Lena Voss"


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "Asked by Lena Voss whether the levy would pass, Park said the vote was close.",
            "whether the levy would pass",
            "Lena Voss",
        ),
        (
            "But when asked by a reporter on Friday about the ferry schedule, Park walked away.",
            "about the ferry schedule",
            "a reporter",
        ),
    ],
)
def test_a_question_asked_by_someone_is_their_claim(text: str, content: str, mention: str) -> None:
    (claim,) = [c for c in extract("Harbor news\n\n" + text).claims if c.cue == "asked by"]
    assert (claim.text, claim.mention.text if claim.mention else None) == (content, mention)


@pytest.mark.parametrize(
    "text",
    [
        "Asked about the levy, Park walked away from the microphones.",  # no asker
        "The council was asked by Lena Voss whether the levy would pass.",  # not fronted
    ],
)
def test_no_asked_by_claim(text: str) -> None:
    assert [c for c in extract("Harbor news\n\n" + text).claims if c.cue == "asked by"] == []


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        (
            "The levy split the council, with Lena Voss calling it a tax on fishermen.",
            "it a tax on fishermen",
            "Lena Voss",
        ),
        (
            "The council met, with Park Min-ho calling for a new vote and Lena Voss leaving early.",
            "a new vote",
            "Park Min-ho",
        ),
    ],
)
def test_a_speaker_after_with_calling_an_object(text: str, content: str, mention: str) -> None:
    (claim,) = extract("Harbor news\n\n" + text).claims
    assert (claim.text, claim.mention.text if claim.mention else None) == (content, mention)


def test_with_a_thing_calling_gives_no_claim() -> None:
    text = "Harbor news\n\nThe council met, with the weather calling off the ferry for a week."
    assert extract(text).claims == ()


def test_a_subject_that_found_that_reports_a_finding() -> None:
    text = "Harbor news\n\nThe Harbor Council found that the ferry fund was short by a third."
    (claim,) = extract(text).claims
    assert (claim.text, claim.mention.text if claim.mention else None, claim.cue) == (
        "that the ferry fund was short by a third",
        "The Harbor Council",
        "found",
    )


@pytest.mark.parametrize(
    "text",
    [
        "It shows that the council can still agree on the budget.",  # the writer's inference
        "Voss has to show that the levy works for the harbor.",  # not shown yet
    ],
)
def test_no_finding_claim(text: str) -> None:
    assert extract("Harbor news\n\n" + text).claims == ()


def test_a_finding_inside_a_reported_clause_is_the_speaker_claim() -> None:
    text = "Harbor news\n\nPark said the auditors found that the harbor fund was short."
    assert [c.mention.text if c.mention else None for c in extract(text).claims] == ["Park"]


def test_reports_that_show_are_a_finding_source() -> None:
    text = "Harbor news\n\nA third of the levy money arrived in May, new harbor reports show."
    (claim,) = extract(text).claims
    assert (claim.text, claim.mention.text if claim.mention else None) == (
        "A third of the levy money arrived in May",
        "new harbor reports",
    )


def test_a_speaker_who_reports_a_finding_keeps_it() -> None:
    text = "Harbor news\n\nLena Voss reports the harbor survey showed a loss of ferry riders."
    assert [c.mention.text if c.mention else None for c in extract(text).claims] == ["Lena Voss"]


def test_declining_to_comment_is_a_short_claim() -> None:
    text = "Harbor news\n\nThe ferry will stop in May. Lena Voss declined to comment."
    (claim,) = extract(text).claims
    assert (claim.text, claim.mention.text if claim.mention else None) == (
        "to comment",
        "Lena Voss",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ferry prices declined to 40 cents.",  # no speaker
        "Lena Voss declined comment.",  # no infinitive: two words are too few
    ],
)
def test_no_short_refusal_claim(text: str) -> None:
    assert extract("Harbor news\n\n" + text).claims == ()


def test_a_headline_label_before_a_quote_that_words_follow() -> None:
    text = "Lena Voss: ‘No Doubt’ The Harbor Levy Will Pass\n\nLena Voss spoke on Monday."
    (claim,) = extract(text).claims
    assert (claim.text, claim.mention.text if claim.mention else None) == (
        "‘No Doubt’ The Harbor Levy Will Pass",
        "Lena Voss",
    )


def test_a_headline_label_before_a_whole_quote_gives_no_claim() -> None:
    text = "Lena Voss: ‘The Harbor Levy Will Pass’\n\nLena Voss spoke on Monday."
    assert extract(text).claims == ()


def test_a_headline_label_naming_an_outlet() -> None:
    text = "Harbor Gazette: Ferry Fares Will Double\n\nThe Harbor Gazette said fares would rise."
    claims = extract(text).claims
    assert (claims[0].text, claims[0].mention.text if claims[0].mention else None) == (
        "Ferry Fares Will Double",
        "Harbor Gazette",
    )


def test_a_headline_label_with_a_determiner_is_no_outlet() -> None:
    text = "The Latest: Ferry Fares Will Double\n\nThe Latest news came on Monday."
    assert extract(text).claims == ()


def test_a_doubled_quote_of_several_sentences_is_one_claim_from_its_opening_marks() -> None:
    text = (
        "Harbor news\n\nThe vote came on Monday.\n\n"
        "''The levy will pass. The harbor needs the money,'' Ms. Voss wrote in her memo."
    )
    (claim,) = extract(text).claims
    assert (claim.text, claim.mention.text if claim.mention else None) == (
        "''The levy will pass. The harbor needs the money",
        "Voss",
    )


def test_a_doubled_quote_from_an_earlier_paragraph_gives_no_claim() -> None:
    text = (
        "Harbor news\n\n''The levy will pass.\n\n"
        "The harbor needs the money,'' Ms. Voss wrote in her memo."
    )
    assert extract(text).claims == ()


def test_a_poll_opening_the_sentence_states_what_its_respondents_said() -> None:
    text = "News\n\nIn a Herald poll released Monday, 38 percent of riders said fares rose fast."
    claims = extract(text).claims
    # the respondents' answer lies inside the poll's claim: the poll's alone is kept
    assert [(c.text, c.mention.text if c.mention else None) for c in claims] == [
        ("38 percent of riders said fares rose fast", "a Herald poll released Monday"),
    ]


def test_a_speaker_after_a_poll_phrase_keeps_the_clause() -> None:
    text = (
        "Harbor news\n\nIn a Harbor Times poll released Monday, Lena Voss said fares rose sharply."
    )
    claims = extract(text).claims
    assert [c.mention.text if c.mention else None for c in claims] == ["Lena Voss"]


def test_a_finding_source_with_an_aside_before_its_verb() -> None:
    text = (
        "Harbor news\n\nThe survey, conducted by the Harbor Institute, finds Voss ahead of Park "
        "among ferry riders."
    )
    (claim,) = extract(text).claims
    assert (claim.text, claim.mention.text if claim.mention else None) == (
        "Voss ahead of Park among ferry riders",
        "The survey, conducted by the Harbor Institute",
    )


def test_a_person_with_an_aside_before_a_finding_verb_is_no_source() -> None:
    text = "Harbor news\n\nLena Voss, elected in May, found the harbor office closed on Monday."
    assert extract(text).claims == ()


# --- the generic `that` candidate: any verb before `that` and a clause, which the scorer weighs ---

# (text, content, mention, cue): a candidate of rule `that_clause`, kept or not by the weights.
THAT_CANDIDATES: list[tuple[str, str, str, str]] = [
    (
        "Lena Voss mused privately that the ferry will stop in May.",
        "that the ferry will stop in May",
        "Lena Voss",
        "mused",
    ),
    (
        "Park Min-ho made it clear that the council would not raise the levy.",
        "that the council would not raise the levy",
        "Park Min-ho",
        "made",
    ),
    (
        "The Harbor Council expressed concern that the port is losing ships.",
        "that the port is losing ships",
        "The Harbor Council",
        "expressed",
    ),
    (
        "Lena Voss recognized however that the channel is too shallow.",
        "that the channel is too shallow",
        "Lena Voss",
        "recognized",
    ),
    (
        "Lena Voss rejected the plan, implying that the mayor had misled the board.",
        "that the mayor had misled the board",
        "Lena Voss",
        "implying",
    ),
    # the period of an abbreviated title does not end the clause
    (
        "Lena Voss mused privately that Mr. Park would leave in May.",
        "that Mr. Park would leave in May",
        "Lena Voss",
        "mused",
    ),
]


def _that_candidates(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (claim.text, claim.mention.text if claim.mention else None, claim.cue)
        for claim, features in claim_candidates(text)
        if claim.rule == "that_clause" and features is not None
    ]


@pytest.mark.parametrize(("text", "content", "mention", "cue"), THAT_CANDIDATES)
def test_a_verb_before_that_and_a_clause_gives_a_scored_candidate(
    text: str, content: str, mention: str, cue: str
) -> None:
    assert _that_candidates(text) == [(content, mention, cue)]


# (why, text): `that` opens no reported clause, or no one can speak it.
NOT_THAT_CANDIDATES: list[tuple[str, str]] = [
    ("a relative pronoun", "The plan that Lena Voss wrote was filed with the Harbor Council."),
    (
        "a relative pronoun, a title",
        "The plan that Mr. Park wrote was filed with the Harbor Council.",
    ),
    ("a relative clause's verb", "Lena Voss wrote a plan that includes a new ferry pier."),
    ("so that", "Lena Voss left early so that the council could vote."),
    ("the fact that", "The fact that the levy passed surprised Park Min-ho."),
    ("so ... that", "The storm was so strong that the ferry stayed in port."),
    ("now that", "Park Min-ho is calm now that the levy has passed."),
    ("a question", "Has Lena Voss mused that the levy will pass?"),
    ("an infinitive", "Lena Voss wants to have mused that the levy works."),
    ("a preposition's gerund", "Lena Voss was criticised for implying that the mayor lied."),
    ("a name's noun", "The Harbor Council's Web video that the mayor posted drew crowds."),
]


@pytest.mark.parametrize(("why", "text"), NOT_THAT_CANDIDATES)
def test_that_opening_no_reported_clause_gives_no_candidate(why: str, text: str) -> None:
    assert _that_candidates(text) == [], why


def _claims(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.mention.text if c.mention else None, c.cue) for c in extract(text).claims]


# (text, content, mention, cue): a cue in the progressive asserts as its simple form does.
PROGRESSIVE_CUES: list[tuple[str, str, str, str]] = [
    (
        "Mara Voss is telling reporters that the ferry will resume on Monday.",
        "that the ferry will resume on Monday",
        "Mara Voss",
        "telling",
    ),
    (
        "The Harbor Ministry has been warning that the ferry will stop in May.",
        "that the ferry will stop in May",
        "The Harbor Ministry",
        "warning",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention", "cue"), PROGRESSIVE_CUES)
def test_a_cue_in_the_progressive_reports_a_clause(
    text: str, content: str, mention: str, cue: str
) -> None:
    assert _claims(text) == [(content, mention, cue)]


# (why, text): a be-form before a cue that is no progressive, or a hypothetical one.
NOT_PROGRESSIVE_CLAIMS: list[tuple[str, str]] = [
    ("a passive", "Mara Voss was told that the ferry will resume on Monday."),
    ("a hypothetical", "Mara Voss would be saying that the ferry will resume on Monday."),
    ("a negation", "Mara Voss is not saying that the ferry will resume on Monday."),
]


@pytest.mark.parametrize(("why", "text"), NOT_PROGRESSIVE_CLAIMS)
def test_a_passive_or_unasserted_progressive_gives_no_claim(why: str, text: str) -> None:
    assert _claims(text) == [], why


def test_a_long_aside_between_the_cue_and_that_is_skipped() -> None:
    text = "Mara Voss said — on the radio, of all places — that the levy would pass in the spring."
    assert _claims(text) == [("that the levy would pass in the spring", "Mara Voss", "said")]


def test_an_aside_before_a_relative_that_gives_no_claim() -> None:
    text = "Mara Voss spoke — on the radio, of all places — about the plan that the council wrote."
    assert _claims(text) == []


def test_a_two_word_object_of_a_stance_verb_is_a_claim() -> None:
    assert _claims("The Delmont council rejected the plan.") == [
        ("the plan", "The Delmont council", "rejected")
    ]


# (why, text): a stance verb whose object is too short, or that is passive or asked.
NOT_STANCE_CLAIMS: list[tuple[str, str]] = [
    ("a pronoun object", "Mara Voss criticized it."),
    ("a passive", "Mara Voss was criticized by the council."),
    ("a question", "Did Mara Voss criticize the levy?"),
]


@pytest.mark.parametrize(("why", "text"), NOT_STANCE_CLAIMS)
def test_a_short_or_unasserted_stance_gives_no_claim(why: str, text: str) -> None:
    assert _claims(text) == [], why


# (text, content, mention, cue): a participle after a document reports for whoever issued it.
ISSUED_DOCUMENTS: list[tuple[str, str, str, str]] = [
    (
        "The Harbor Ministry released a statement Wednesday saying the ferry will resume in May.",
        "the ferry will resume in May",
        "The Harbor Ministry",
        "saying",
    ),
    (
        "Mara Voss sent out a short note saying the levy owes the harbor a new pier.",
        "the levy owes the harbor a new pier",
        "Mara Voss",
        "saying",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention", "cue"), ISSUED_DOCUMENTS)
def test_a_document_saying_a_clause_is_its_issuer_claim(
    text: str, content: str, mention: str, cue: str
) -> None:
    assert _claims(text) == [(content, mention, cue)]


# (why, text): the document is someone else's, or no one issues it in the sentence.
NOT_ISSUED_CLAIMS: list[tuple[str, str]] = [
    ("a document read out", "Mara Voss read a letter from a voter saying the levy was unfair."),
    ("a passive", "A statement saying the pier is closed was posted by the council."),
    ("a question", "Did the council post a notice saying the pier is closed?"),
]


@pytest.mark.parametrize(("why", "text"), NOT_ISSUED_CLAIMS)
def test_a_document_no_subject_issued_gives_no_claim(why: str, text: str) -> None:
    assert _claims(text) == [], why


# (text, content, mention): a title whose head is no person noun (`general`, `lady`) speaks.
TITLED_SPEAKERS: list[tuple[str, str, str]] = [
    (
        "The state attorney general said the levy was unlawful.",
        "the levy was unlawful",
        "The state attorney general",
    ),
    (
        "The first lady said the harbor needs a new pier.",
        "the harbor needs a new pier",
        "The first lady",
    ),
]


@pytest.mark.parametrize(("text", "content", "mention"), TITLED_SPEAKERS)
def test_a_title_ending_in_general_or_lady_speaks(text: str, content: str, mention: str) -> None:
    assert _claims(text) == [(content, mention, "said")]


# (why, text): the same speakers, but nothing asserted.
NOT_TITLED_CLAIMS: list[tuple[str, str]] = [
    ("a denial", "The attorney general has not said whether the levy was unlawful."),
    ("a question", "Would the attorney general say the levy was unlawful?"),
    ("a hypothetical", "The first lady might say the harbor needs a new pier."),
]


@pytest.mark.parametrize(("why", "text"), NOT_TITLED_CLAIMS)
def test_a_titled_speaker_asserting_nothing_gives_no_claim(why: str, text: str) -> None:
    assert _claims(text) == [], why


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Said the mayor: no.", []),  # capitalised, not a cue word
        ("Voss said the levy (said aides) would pass", ["said", "said"]),
        ("said the mayor", ["said"]),  # first in the text
        ("Officials said\xa0that, according to aides, it would", ["said", "according to"]),
        ("According to the mayor", ["According to"]),
        ("In a Harbor Daily poll last month, Voss led", ["In"]),
        ("Voss leads by 10 points in the latest Harbor Daily poll.", ["in"]),
        ("Asked by reporters, Voss smiled", ["Asked"]),
    ],
)
def test_cue_words_found_in_the_raw_text(text: str, cues: list[str]) -> None:
    found = claims._cue_words(text)
    assert [word for _, _, word in found] == cues
    assert all(text[start:end] == word for start, end, word in found)


@pytest.mark.parametrize(
    "text",
    [
        "“said the mayor” and —said",  # after a quote mark or a dash
        "the unsaid part, saids, said2 and said_x",  # inside a longer word
        "according tomorrow's plan",
        "In the spring, the levy passed",  # `In` before no poll
        "Asked twice, Voss smiled",
    ],
)
def test_no_cue_word_in_the_raw_text(text: str) -> None:
    assert claims._cue_words(text) == []
