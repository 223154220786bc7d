"""Every registered rule, alone, on the context of a made-up quote: one sentence shape it must
attribute (with the mention it must find) and one it must leave alone. A rule added to the
registry without both cases fails test_every_registered_rule_has_both_cases."""

import pytest

from quotes.extraction import extract, quote_contexts
from quotes.extraction.attribute import LOCAL_RULES, RULES, SIEVE, rule

# rule name -> (text whose last quote the rule attributes, the mention, text it leaves alone)
CASES: dict[str, tuple[str, str, str]] = {
    "transcript_label": (
        '"KIM: We will not accept the offer, and we said so."',
        "KIM",
        '"We will not accept the offer, and we said so."',
    ),
    "post_cue_speaker": (
        "“The talks will resume,” said Park Ji-won, a former minister.",
        "Park Ji-won",
        "“The talks will resume,” he said after Park Ji-won spoke.",
    ),
    "post_speaker_cue": (
        "“The talks will resume,” the ministry official said on Monday.",
        "the ministry official",
        "“The talks will resume,” the official hoped aloud, as the others said nothing.",
    ),
    "pre_according_to": (
        "According to Yonhap, the officials agreed to “resume the talks next month.”",
        "Yonhap",
        "The officials agreed to “resume the talks next month” in Seoul.",
    ),
    "pre_inverted": (
        "Said Orsin: “The talks will resume when both sides are ready.”",
        "Orsin",
        "Orsin: “The talks will resume when both sides are ready.”",
    ),
    "pre_parenthetical_inverted": (
        "The trouble with the levy, says Ivo Brandt, a historian, is that it was “never fair.”",
        "Ivo Brandt",
        "The levy, said to be the fairest in the region, was “a relief for small boats.”",
    ),
    "pre_poll_share": (
        "In a Tidewater Courier survey of 600 anglers, 58 percent said the quotas felt “like "
        "a slow eviction.”",
        "a Tidewater Courier survey of 600 anglers",
        "Among 600 anglers at the pier, the organiser said the quotas felt “like a slow eviction.”",
    ),
    "post_passive_agent": (
        "The levy was called “a lifeline for the small boats” by Mara Voss, the harbor chief.",
        "Mara Voss",
        "The levy was called “a lifeline for the small boats” by the end of the week.",
    ),
    "pre_subject_cue": (
        "Moon said the summit would help to “restart the stalled diplomacy.”",
        "Moon",
        "The summit would help to “restart the stalled diplomacy,” said Moon.",
    ),
    "pre_that_clause": (
        "The senator worried that the new rules were becoming “a trap for small farmers.”",
        "The senator",
        "The rules that the senator liked were becoming “a trap for small farmers.”",
    ),
    "pre_possessive_speech_noun": (
        "Kim’s claim that the sanctions have “no effect at all” drew criticism.",
        "Kim’s",
        "The claim that the sanctions have “no effect at all” drew criticism.",
    ),
    "post_clause_speaker": (
        "“We will not move,” rather than waiting for the court, Lee said.",
        "Lee",
        "“We will not move from this place today,” Lee left the court, saying nothing.",
    ),
    "post_long_subject_cue": (
        "“We never planned it that way,” the tall, gray-haired diplomat said in an interview.",
        "the tall, gray-haired diplomat",
        "“We never planned it that way,” the tall, gray-haired diplomat smiled and walked off.",
    ),
    "pre_characterisation": (
        "The senator attacked the governor as a “reckless gambler with public money.”",
        "The senator",
        "The governor is known as a “reckless gambler with public money.”",
    ),
    "pre_colon_subject": (
        "The senator has a simple message: “Vote for change this time.”",
        "The senator",
        "The senator has a simple message, “Vote for change this time.”",
    ),
    "post_dash_name": (
        "“Never give up on the people you love.” ― Tamsin Ostrander",
        "Tamsin Ostrander",
        "“Never give up on the people you love.” ― and then more",
    ),
    "next_paragraph_signature": (
        "“The plan will cut taxes for every family in the state.”\n\n-Jane Roe, Philadelphia.",
        "Jane Roe",
        "“The plan will cut taxes for every family in the state.”\n\n- and then the vote came.",
    ),
    "colon_previous_paragraph": (
        "Lee then listed the reasons for the decision:\n\n“The costs were too high for us.”",
        "Lee",
        "The reasons for the decision:\n\n“The costs were too high for us.”",
    ),
    "same_sentence": (
        "Quist said the deal was “a disaster” and “a total con.”",
        "Quist",
        "The deal was “a disaster for all of us” and “a total con for everybody.”",
    ),
    "clause_subject": (
        "Former Gov. Tam Varga, for his part, is labeling the plan “a blatant abuse of power.”",
        "Tam Varga",
        "He became so upset, and drove off, that I changed my answer: “I believe in it after all.”",
    ),
    "post_participle_subject": (
        "The church lashed out at “groundless” media reports and rumors, saying it acted.",
        "The church",
        "The church lashed out at “groundless” media reports and rumors on Sunday.",
    ),
    "same_paragraph": (
        "“We will win,” said Lee. The crowd cheered. “We always do in the end.”",
        "Lee",
        "The crowd cheered. “We always do in the end, whatever happens.”",
    ),
    "continuation_paragraph": (
        "“We will win,” said Lee Min-ho.\n\n“We always do in the end, whatever happens.”",
        "Lee Min-ho",
        "The crowd cheered for a long time.\n\n“We always do in the end, whatever happens.”",
    ),
    "previous_sentence_subject": (
        "The talks may stall for months, Okafor said. “The other side is not ready for it.”",
        "Okafor",
        "The talks may stall for months. “The other side is not ready for it at all.”",
    ),
    "previous_paragraph_subject": (
        "Wi Seong-rak, a former envoy, said the talks could fail.\n\n"
        "“The officials are experienced people.”",
        "Wi Seong-rak",
        "The talks could fail in the spring.\n\n“The officials are experienced people.”",
    ),
}


def test_every_registered_rule_has_both_cases() -> None:
    assert set(CASES) == set(RULES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_attributes_its_shape(name: str) -> None:
    text, mention, _ = CASES[name]
    found = RULES[name].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == mention


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_leaves_other_shapes_alone(name: str) -> None:
    _, _, text = CASES[name]
    contexts = quote_contexts(text)
    assert contexts, "the negative case must still reach the sieve"
    assert RULES[name].function(contexts[-1]) is None


def test_clause_subject_takes_no_opening_word_for_a_name() -> None:
    # `Within hours, ...`, `Informed of the lean, ...`: the phrase reader's name is an opener
    for text in (
        "Within an hour of the first reports, the school had opened its “quiet room” "
        "service for pupils in the town.",
        "Informed of the board’s doubts about him, Varga described it as “a surprise to me.”",
    ):
        found = RULES["clause_subject"].function(quote_contexts(text)[-1])
        assert found is None or found.mention_text not in {"Within", "Informed"}


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a nationality before a noun for people or an organisation modifies it: the phrase
        # grows to that noun instead of naming a person `Harborese`
        (
            "Harborese media described the launch as “a grave provocation against the region.”",
            "Harborese media",
        ),
        # negative: a lone name before its verb stays the subject
        ("Voss is calling the veto “a plain abuse of office.”", "Voss"),
    ],
)
def test_clause_subject_reads_a_proper_adjective_with_its_noun(text: str, mention: str) -> None:
    found = RULES["clause_subject"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == mention


def test_clause_subject_takes_no_speaker_for_the_gloss_of_a_word() -> None:
    text = "The motto, Latin for “the harbor that watches over the sea,” was carved in stone."
    assert RULES["clause_subject"].function(quote_contexts(text)[-1]) is None
    assert extract(text).quotes[-1].mention is None
    # negative: `for` that goes on to a verb leaves the subject in place
    text = "Voss for her part is calling the veto “a plain abuse of office.”"
    found = RULES["clause_subject"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == "Voss"


@pytest.mark.parametrize(
    "text",
    [
        "The senator praised his 1998 “Compact with Oregon” in the debate on Monday.",
        "Quist answered, tagging him with the nickname “Sleepy Sal” once more on Monday.",
        "Had I written “According to a senior official at the office,” what would happen?",
    ],
)
def test_clause_subject_leaves_titles_names_and_hypotheticals_alone(text: str) -> None:
    assert RULES["clause_subject"].function(quote_contexts(text)[-1]) is None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The survey found that “most voters want a change of course.”", "The survey"),
        (
            "The agency projects that “a fee of a few cents a ride” would raise millions.",
            "The agency",
        ),
        # a phrasal cue before `that`
        ("The mayor fired back that “the plan was never mine” at the hearing.", "The mayor"),
    ],
)
def test_pre_that_clause_takes_any_finite_verb(text: str, mention: str) -> None:
    found = RULES["pre_that_clause"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == mention


def test_pre_colon_subject_reads_the_main_clause_after_a_subordinate_one() -> None:
    text = (
        "When the chairman suggested that the deal would collapse, Lee fired back forcefully: "
        "“It will hold.”"
    )
    found = RULES["pre_colon_subject"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == "Lee"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("WHY FARES ROSE - Jane Roe and John Doe: “The fuel bill came in too high.”", "John Doe"),
        ("Jane Roe and John Doe: “The fuel bill came in too high.”", "John Doe"),
        # Two names that are objects of a verb label no one.
        ("Voters backed Jane Roe and John Doe: “The fuel bill came in too high.”", None),
        ("A - Fares, Jane Roe and John Doe: “The fuel bill came in too high.”", None),
    ],
)
def test_pre_colon_subject_takes_co_authors_as_a_label(text: str, mention: str | None) -> None:
    found = RULES["pre_colon_subject"].function(quote_contexts(text)[-1])
    assert (found.mention_text if found is not None else None) == mention


def test_pre_that_clause_leaves_a_demonstrative_that_alone() -> None:
    text = "The senator contrasted that with the governor, who wants “a trap for small farmers.”"
    assert RULES["pre_that_clause"].function(quote_contexts(text)[-1]) is None


def test_pre_that_clause_leaves_a_particle_without_its_verb_alone() -> None:
    # `back` after a noun is no phrasal cue: `the way back that` has no finite verb
    text = (
        "The senator took the long way back that “nobody in the city wanted to take after the "
        "storm.”"
    )
    assert RULES["pre_that_clause"].function(quote_contexts(text)[-1]) is None


def test_sieve_order_and_sets_derive_from_the_registry() -> None:
    orders = [spec.order for spec in SIEVE]
    assert orders == sorted(orders)
    assert SIEVE[0].name == "transcript_label"
    assert SIEVE[-1].name == "previous_paragraph_subject"
    assert "same_sentence" in LOCAL_RULES
    assert "same_paragraph" not in LOCAL_RULES


def test_a_rule_cannot_be_registered_twice() -> None:
    def rule_post_cue_speaker(ctx):  # the name of a registered rule
        return None

    with pytest.raises(ValueError, match="registered twice"):
        rule(order=9999, local=True)(rule_post_cue_speaker)
    assert RULES["post_cue_speaker"].order != 9999


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("“I finished my training there,” Park Min-su was quoted as saying.", "Park Min-su"),
        ("“I trained there,” the minister is quoted as telling a local paper.", "the minister"),
        # Quoted in a paper, or as an example: no cue.
        ("“I finished my training there,” Park Min-su was quoted in the paper.", None),
        ("“I finished my training there,” Park Min-su was quoted as an example.", None),
    ],
)
def test_post_speaker_cue_reads_quoted_as_saying(text: str, mention: str | None) -> None:
    found = RULES["post_speaker_cue"].function(quote_contexts(text)[-1])
    assert (found.mention_text if found is not None else None) == mention


def test_pre_that_clause_reads_a_bare_verb_after_a_plural_of_people() -> None:
    text = "Most council members hold that the vote must be “put off until the session ends.”"
    found = RULES["pre_that_clause"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == "Most council members"
    # negative: after a plural that names no people, a bare form is no finite verb
    text = "The many council meetings hold that the vote must be “put off until the session ends.”"
    assert RULES["pre_that_clause"].function(quote_contexts(text)[-1]) is None


@pytest.mark.parametrize(
    "text",
    [
        # a plural noun before `that` is no finite verb: a nominal ending, a noun of people
        "Voss ignored the Harbor Party accusations that her crews were “waging a smear campaign.”",
        "Voss angered Harbor Party allies that the levy would be “a slow eviction for the harbor.”",
        # `that` right before a cue is a relative pronoun, the subject of that cue
        "Banners went up outside Harbor headquarters that said “We won the vote today.”",
    ],
)
def test_pre_that_clause_reads_no_noun_as_the_verb_before_that(text: str) -> None:
    assert RULES["pre_that_clause"].function(quote_contexts(text)[-1]) is None


def test_pre_that_clause_gives_a_belief_to_the_people_it_is_found_among() -> None:
    text = "There are fears among harbor workers that the levy is “a slow eviction for the harbor.”"
    found = RULES["pre_that_clause"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == "harbor workers"
    # negative: fears for the workers are not theirs
    text = "There are fears for harbor workers that the levy is “a slow eviction for the harbor.”"
    assert RULES["pre_that_clause"].function(quote_contexts(text)[-1]) is None


def test_pre_colon_subject_gives_a_document_label_to_its_owner() -> None:
    text = "From Voss’s Facebook post: “We must move past the anger of this race, or we lose.”"
    found = RULES["pre_colon_subject"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == "Voss’s"
    # negative: a document with no named owner names no one
    text = "From the Facebook post: “We must move past the anger of this race, or we lose.”"
    assert RULES["pre_colon_subject"].function(quote_contexts(text)[-1]) is None


def test_pre_possessive_speech_noun_reads_the_holder_after_of() -> None:
    text = (
        "The audit backs the contention of former mayor Lena Voss that her files were "
        "“over-classified.”"
    )
    found = RULES["pre_possessive_speech_noun"].function(quote_contexts(text)[-1])
    assert found is not None
    assert found.mention_text == "Lena Voss"
    # negative: a noun after `of` that names no one holds nothing
    text = "The audit backs the contention of relativity that her files were “over-classified.”"
    assert RULES["pre_possessive_speech_noun"].function(quote_contexts(text)[-1]) is None
