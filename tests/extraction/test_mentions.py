import pytest

from quotes.extraction import extract, speaker_key
from quotes.extraction.mentions import affiliation_from_title, is_korean_name, surname_of


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (
            ["Harry J. Kazianis", "Harry Kazianis", "harry kazianis", "HARRY J KAZIANIS"],
            "harry-kazianis",
        ),
        (["Wi Seong-rak", "Wi Seong Rak", "wi seong rak", "Wi  Seong-Rak"], "wi-seong-rak"),
        (["José Núñez", "Jose Nunez"], "jose-nunez"),
        (["Mr. Quist", "Quist"], "quist"),
        (["Baek Ha-jun", "baek ha jun"], "baek-ha-jun"),
    ],
)
def test_speaker_key_matches_spellings_of_one_person(names: list[str], key: str) -> None:
    assert {speaker_key(name) for name in names} == {key}


def test_speaker_key_keeps_different_people_apart() -> None:
    assert speaker_key("Sung Kim") != speaker_key("Kim Tae-ho")
    assert speaker_key("Baek Ha-jun") != speaker_key("Baek Do-jun")
    # names written in other scripts keep their letters: no two share an empty key
    assert speaker_key("박지훈") != speaker_key("김태호")
    assert "" not in {speaker_key("박지훈"), speaker_key("Straße"), speaker_key("Ærø")}


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Wi Seong-rak", "Wi"),
        ("Baek Ha-jun", "Baek"),
        ("Suh Hoon", "Suh"),
        ("Sung Kim", "Kim"),
        ("Harry J. Kazianis", "Kazianis"),
        ("Antony Blinken", "Blinken"),
    ],
)
def test_surname_of_western_and_korean_names(name: str, surname: str) -> None:
    assert surname_of(name.split()) == surname


def test_is_korean_name_negative() -> None:
    assert not is_korean_name(["Antony", "Blinken"])
    assert not is_korean_name(["Sung", "Kim"])


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (q.mention.text if q.mention else None, q.speaker.name if q.speaker else None)
        for q in extract(text).quotes
    ]


def test_korean_family_name_resolves_to_first_full_mention() -> None:
    text = (
        "Wi Seong-rak, a former negotiator, spoke on Friday.\n\n"
        "“The officials are experienced people,” said Wi."
    )
    assert speakers(text) == [("Wi", "Wi Seong-rak")]


def test_ambiguous_surname_resolves_by_recency() -> None:
    text = (
        "Kim Tae-ho opened a shipyard last week.\n\n"
        "Sung Kim, the acting assistant secretary, spoke to reporters.\n\n"
        "“We are working expeditiously,” Kim said."
    )
    assert speakers(text) == [("Kim", "Sung Kim")]


def test_pronoun_resolves_to_the_last_person_outside_quotes() -> None:
    text = (
        "“The administration is committed to the alliance,” Sung Kim said during a webinar. "
        "“None are more important than Japan,” he added."
    )
    assert speakers(text) == [("Sung Kim", "Sung Kim"), ("he", "Sung Kim")]


def test_definite_description_refers_back_to_the_anonymous_source() -> None:
    text = (
        "“It won’t take long,” a Cheong Wa Dae official said.\n\n"
        "Later, “the review is almost done,” the official said."
    )
    result = extract(text)
    first, second = (q.speaker for q in result.quotes)
    assert first is not None
    assert second is not None
    assert first.key == second.key
    assert first.kind == "anonymous"


def test_another_official_is_a_new_source() -> None:
    text = (
        "“We are close,” a senior White House official said.\n\n"
        "“We are not,” another senior US official said."
    )
    first, second = (q.speaker for q in extract(text).quotes)
    assert first is not None
    assert second is not None
    assert first.key != second.key
    assert (first.affiliation, second.affiliation) == ("White House", "US")


def test_organisation_speakers() -> None:
    text = "“The alliance is strong,” the White House said. “More to come,” Reuters reported."
    kinds = [(q.speaker.name, q.speaker.kind) for q in extract(text).quotes if q.speaker]
    assert kinds == [("White House", "organization"), ("Reuters", "organization")]


@pytest.mark.parametrize(
    ("title", "affiliation"),
    [
        (
            "professor at the University of North Korean Studies",
            "University of North Korean Studies",
        ),
        (
            "research consultant for the Institute for National Security Strategy",
            "Institute for National Security Strategy",
        ),
        ("senior adviser", None),
        (None, None),
    ],
)
def test_affiliation_from_title(title: str | None, affiliation: str | None) -> None:
    assert affiliation_from_title(title) == affiliation


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the nearest person named is a man: `she` skips him for the woman named before
        (
            "Maria Lopez, the mayor, met with John Carter on Monday. “We agreed on the budget,” "
            "she said.",
            "Maria Lopez",
        ),
        (
            "Councilwoman Dana Whitfield questioned Edward Marsh at length. “I was not persuaded,” "
            "she said.",
            "Dana Whitfield",
        ),
        (
            "Mrs. Joan Pike sat beside Mr. Omar Reyes. “The roads come first,” he said.",
            "Omar Reyes",
        ),
        # negative: a pronoun that fits the nearest person keeps the nearest person
        (
            "Maria Lopez, the mayor, met with John Carter on Monday. “We agreed on the budget,” "
            "he said.",
            "John Carter",
        ),
        # negative: unknown gender does not block the subject (who outranks a verb's object)
        ("Kim Lopez met Quinn Avery on Monday. “We agreed,” she said.", "Kim Lopez"),
        # negative: no one of the pronoun's gender: the subject, as for any pronoun
        ("Paul Lopez met Tom Avery on Monday. “We agreed,” she said.", "Paul Lopez"),
        # a subject named last keeps the pronoun whatever the gender cue
        ("Quinn Avery spoke after Kim Lopez. “We agreed,” she said.", "Quinn Avery"),
    ],
)
def test_pronoun_agrees_in_gender(text: str, speaker: str) -> None:
    quote = extract(text).quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The vote is close,” said Thomas “Tommy” Baker.", "Thomas Baker"),
        ("“Europe must act,” President Fran\u00c3\u00a7ois Marchand said.", "François Marchand"),
        (
            "“Europe must act,” President FranA\u0303\u0083A\u0302\u00a7ois Marchand said.",
            "François Marchand",
        ),
        # negative: correct accents and a quoted word that is no nickname stay as they are
        ("“Europe must act,” President Ángel Marchand said.", "Ángel Marchand"),
    ],
)
def test_speaker_names_drop_nicknames_and_repair_encoding(text: str, speaker: str) -> None:
    quote = extract(text).quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


def test_records_give_one_speaker_id_whatever_mention_names_it() -> None:
    text = (
        "“We are watching closely,” a senior ministry official said.\n\n"
        "“Nothing has changed,” the official added.\n\n"
        "“We are not,” another official said."
    )
    first, second, third = (q.to_dict()["speaker"] for q in extract(text).quotes)
    assert first["mention"] != second["mention"]
    assert first["id"] == second["id"] == first["key"]
    assert third["id"] != first["id"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mrs. Alder met voters on Monday. “We need more,” she said.", "Alder"),
        ("Senator Brandt toured the plant. “It works,” he said.", "Brandt"),
        ("Mr. Corwin met Mrs. Alder on Monday. “We need more,” she said.", "Alder"),
        # A titled surname points back to the full name; it never replaces it.
        ("Jane Alder came. Then Mrs. Alder met voters. “We need more,” she said.", "Jane Alder"),
        ("Jane Alder came. Then Mrs. Alder met voters. “We need more,” Alder said.", "Jane Alder"),
    ],
)
def test_titled_surname_is_a_pronoun_antecedent(text: str, speaker: str) -> None:
    (quote,) = extract(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == speaker
    assert quote.speaker.title is None or "Mrs" not in quote.speaker.title


def test_untitled_single_capitalised_word_is_no_antecedent() -> None:
    (quote,) = extract("Yesterday Parliament met again. “We need more,” he said.").quotes
    assert quote.speaker is None


_SURNAME_SUBJECT_TEXT = (
    "Governor Dana Whitfield spoke on Monday. A ministry official told reporters, "
    "“We have nothing to add.”\n\nThe envoy took issue with {clause}.\n\n"
    "He stressed that the drills will deter the “provocation.”"
)


@pytest.mark.parametrize(
    ("clause", "speaker"),
    [
        ("remarks Whitfield made after the test", "Dana Whitfield"),
        ("what Whitfield said after the test", "Dana Whitfield"),
        # A surname as a modifier or an object is no one who acts: the last speaker stays.
        ("the Whitfield government", "ministry official"),
        ("a meeting with Whitfield at the office", "ministry official"),
    ],
)
def test_surname_subject_after_the_last_speaker_takes_he(clause: str, speaker: str) -> None:
    quote = extract(_SURNAME_SUBJECT_TEXT.format(clause=clause)).quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


_OPENING_SURNAME_TEXT = (
    "“The port is ready,” Ken Adler said.\n\nThe council also heard from Tom Voss, "
    "a dock owner.\n\n{paragraph}\n\n“We are ready,” he said."
)


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # A surname opening a paragraph is a subject too, also past an aside set off by commas.
        ("Voss said the plan would hold.", "Tom Voss"),
        ("Voss, when asked about the budget, said the plan would hold.", "Tom Voss"),
        # near miss: a possessive surname acts on nothing; the last speaker stays.
        ("Voss’s plan, the council said, would hold.", "Ken Adler"),
    ],
)
def test_surname_opening_a_paragraph_takes_he(paragraph: str, speaker: str) -> None:
    quote = extract(_OPENING_SURNAME_TEXT.format(paragraph=paragraph)).quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The senators sent a letter on Monday. “The delay is appalling,” it read.", "letter"),
        ("The internal email was sent at noon. “Please advise,” it read.", "internal email"),
        # The quote's own length is no distance: the document is sought before its opening.
        (
            "The Harbor Board sent a letter to the mayor on Monday. “"
            + "The delay is appalling and the harbor cannot wait any longer for repairs. " * 6
            + "We ask for a vote,” it read.",
            "letter",
        ),
        ("At the rally Lena Voss held up a sign. “Still here,” it read.", "sign"),
        ("The clerk filed an affidavit at noon. It continued: “The pier is closed.”", "affidavit"),
        # No document, no organisation: `it` names no one.
        ("The bill passed on Monday. “The delay is appalling,” it read.", None),
        # A document named far before the quote's paragraph is not what `it` means.
        (
            "The senators sent a letter on Monday. "
            + "The bill passed the chamber after a long debate over the harbor. " * 8
            + "\n\n“The delay is appalling,” it read.",
            None,
        ),
    ],
)
def test_it_after_a_document_is_the_document(text: str, speaker: str | None) -> None:
    (quote,) = extract(text).quotes
    assert (quote.speaker.name if quote.speaker else None) == speaker
    assert quote.mention is not None
    assert quote.mention.text.lower() == "it"


_THEY_QUOTE = "They said the fees were “far too high for the crews who work the pier.”"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # `they` after a group of people that opened a sentence of its paragraph
        ("Top harbor strategists met on Monday. " + _THEY_QUOTE, "top harbor strategists"),
        # near misses: the group opened another paragraph; a group of things cannot speak
        ("Top harbor strategists met on Monday.\n\n" + _THEY_QUOTE, None),
        ("The fishing boats docked at noon. " + _THEY_QUOTE, None),
    ],
)
def test_they_after_a_group_of_people_is_the_group(text: str, speaker: str | None) -> None:
    (quote,) = extract(text).quotes
    assert quote.mention is not None
    assert quote.mention.text == "They"
    assert (quote.speaker.name if quote.speaker else None) == speaker


_GATHERED = "The mayor called a meeting of harbor {group}.{between} They warned of “heavy costs”."


@pytest.mark.parametrize(
    ("group", "between", "speaker"),
    [
        # the people gathered in the sentence just before act as one body, nearer than the
        # organisation quoted earlier
        ("officials", "", "harbor officials"),
        # near misses: a sentence between; a gathering of things, which cannot speak
        ("officials", " The fees rose again.", "Harbor Board"),
        ("boats", "", "Harbor Board"),
    ],
)
def test_they_after_people_gathered_is_the_group(group: str, between: str, speaker: str) -> None:
    text = "“We disagree,” the Harbor Board said. " + _GATHERED.format(group=group, between=between)
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.mention.text == "They"
    assert quote.speaker is not None
    assert quote.speaker.name == speaker


def test_plural_of_people_named_by_a_group_described_before() -> None:
    text = (
        "Most members of the Lindell Council oppose the plan, a survey found.\n\n"
        "Most council members hold that the vote must be “put off until the session ends.”"
    )
    quote = extract(text).quotes[-1]
    assert quote.mention is not None
    assert quote.mention.text == "Most council members"
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind) == (
        "members of the Lindell Council",
        "anonymous",
    )
    # negative: a plural whose modifier names no body described before stays itself
    text = (
        "Most members of the Lindell Council oppose the plan, a survey found.\n\n"
        "Most city residents hold that the vote must be “put off until the session ends.”"
    )
    quote = extract(text).quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.name == "Most city residents"
