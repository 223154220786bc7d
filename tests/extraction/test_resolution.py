"""Golden tables per resolution class: Korean names, namesakes, role nouns, unnamed sources,
organisations, statements and pronouns. Made-up sentences in the shapes news uses; each class
has a negative case."""

import pytest

from quotes.extraction import anonymous_key, extract
from quotes.extraction.mentions import (
    NameIndex,
    Resolver,
    gender_of,
    is_korean_name,
    surname_of,
)
from quotes.extraction.types import Speaker


def resolved(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(mention, speaker name, speaker kind) of every quote, in order."""
    return [
        (
            q.mention.text if q.mention else None,
            q.speaker.name if q.speaker else None,
            q.speaker.kind if q.speaker else None,
        )
        for q in extract(text).quotes
    ]


def last_speaker(text: str) -> tuple[str | None, str | None]:
    _, name, kind = resolved(text)[-1]
    return name, kind


def story_speaker(body: str) -> str | None:
    """The speaker's name of the last quote of a story with `body` under its headline."""
    return last_speaker(f"Harbor news\n\n{body}")[0]


def claim_speaker(text: str, index: int = 0) -> Speaker:
    """The speaker of the text's claim at `index` (it must have one)."""
    speaker = extract(text).claims[index].speaker
    assert speaker is not None
    return speaker


def only_speaker(text: str) -> Speaker:
    """The speaker of the one statement (quote or claim) in a story with `text` as its body."""
    result = extract(f"Harbor news\n\n{text}")
    (statement,) = [*result.quotes, *result.claims]
    assert statement.speaker is not None
    return statement.speaker


# --- Korean names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "family"),
    [
        ("Seo Ji Won", "Seo"),  # given name's syllables written apart
        ("Kim Tae Ho", "Kim"),
        ("Maeng Do-yun", "Maeng"),  # a family name missing from the table, given name hyphenated
        ("Park Min-soo", "Park"),
        ("Lee Harvey Oswald", "Oswald"),  # a Western first name is no syllable
        ("Alexandria Ocasio-Cortez", "Ocasio-Cortez"),  # Western double names capitalise both
    ],
)
def test_family_name_of_korean_and_western_names(words: str, family: str) -> None:
    assert surname_of(words.split()) == family


def test_western_name_with_a_korean_looking_word_is_not_korean() -> None:
    assert not is_korean_name(["Park", "Avenue", "Station"])
    assert not is_korean_name(["Sung", "Kim"])


def test_family_name_alone_resolves_to_unhyphenated_full_name() -> None:
    text = (
        "President Seo Ji Won visited the factory on Monday.\n\n"
        "Seo said, “We will invest more in chips.”"
    )
    assert last_speaker(text) == ("Seo Ji Won", "person")


def test_title_after_of_still_names_a_person() -> None:
    text = (
        "The ministry rejected criticism of President Park Ji-ho on Friday.\n\n"
        "Park said, “The plan stands.”"
    )
    assert last_speaker(text) == ("Park Ji-ho", "person")


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("She criticised the remarks of President Baek Ha-jun on Friday.", ["Baek Ha-jun"]),
        ("He thanked the family of Park Ji-ho for the invitation.", ["Park Ji-ho"]),
        # After `of` or `for`, an untitled Western-shaped run is an institution's name.
        ("She is a senior fellow of Heritage Action in Washington.", []),
        ("He works for Global Strategy Partners these days.", []),
    ],
)
def test_who_is_a_person_after_of_or_for(text: str, people: list[str]) -> None:
    names = NameIndex(text)
    assert [person.name for person in names.people_backward(len(text))] == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # `Both` and `Neither` open a pair of names and belong to neither
        ("Both Lena Voss and Park Ji-ho voted for the plan.", ["Park Ji-ho", "Lena Voss"]),
        ("Neither Lena Voss nor Ivo Brandt came.", ["Ivo Brandt", "Lena Voss"]),
        # an adverb opening the sentence is no first name either
        ("Interestingly Lena Voss voted for the plan.", ["Lena Voss"]),
        # a question's auxiliary or a subordinator before a name is no first name
        ("Does Lena Voss know the plan?", ["Lena Voss"]),
        ("Because Lena Voss voted for the plan, it passed.", ["Lena Voss"]),
        # negative: a modal is a first name too (`Will`, `Can`)
        ("Will Brandt voted for the plan.", ["Will Brandt"]),
        # negative: a name that only looks like such a word keeps its first word
        ("Bothwell Roe voted for the plan.", ["Bothwell Roe"]),
        ("Kelly Roe voted for the plan.", ["Kelly Roe"]),
    ],
)
def test_words_opening_a_sentence_are_no_part_of_a_name(text: str, people: list[str]) -> None:
    names = NameIndex(text)
    assert [person.name for person in names.people_backward(len(text))] == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # a run that ends in a possessive names its owner, without the `’s`
        ("Lena Voss’s voice was hoarser than in the spring.", ["Lena Voss"]),
        ("Ivo Brandt's plan passed.", ["Ivo Brandt"]),
        ("Mira Jonas’ plan passed.", ["Mira Jonas"]),
        # negative: an owner before a name is no part of it, and an organisation's stays none
        ("Hanbit’s Lee Min-seo spoke first.", ["Lee Min-seo"]),
        ("The Harbor Council’s plan passed.", []),
    ],
)
def test_a_possessive_run_names_its_owner(text: str, people: list[str]) -> None:
    names = NameIndex(text)
    assert [person.name for person in names.people_backward(len(text))] == people


def test_he_reaches_a_person_named_only_as_an_owner() -> None:
    text = "Ivo Brandt’s voice was hoarser than in the spring.\n\n“We met at the harbor,” he said."
    assert last_speaker(text) == ("Ivo Brandt", "person")


def test_a_pair_opener_leaves_the_speaker_its_name() -> None:
    text = (
        "Both Voss and Park said the ferry should stay open.\n\n"
        "“It is the lifeline of the island,” Voss said."
    )
    assert last_speaker(text) == ("Voss", "person")


def test_namesake_in_an_appositive_is_background() -> None:
    text = (
        "Kim Soo-ah, sister of the party's leader Kim Tae-ho, issued a statement.\n\n"
        "Kim said, “We will not talk.”"
    )
    assert last_speaker(text) == ("Kim Soo-ah", "person")


def test_namesake_named_on_its_own_is_not_background() -> None:
    text = (
        "Kim Soo-ah issued a statement on Monday. Kim Tae-ho inspected a factory.\n\n"
        "Kim said, “We will build more.”"
    )
    assert last_speaker(text) == ("Kim Tae-ho", "person")


def test_owner_before_a_name_is_not_part_of_it() -> None:
    text = (
        "Hanbit’s Jang Min-seok met the president on Tuesday.\n\n"
        "Jang agreed, “Demand is weaker than it was last year.”"
    )
    assert last_speaker(text) == ("Jang Min-seok", "person")


def test_hong_is_a_family_name_and_hong_kong_a_place() -> None:
    text = "“We achieved our goals,” said Song Hae-il, a senior prosecutor."
    assert last_speaker(text) == ("Song Hae-il", "person")
    assert last_speaker("“Markets fell,” Hong Kong said.")[1] != "person"


# --- role nouns and unnamed sources pointing back ------------------------------------------


def test_role_noun_points_back_to_the_person_it_describes() -> None:
    text = (
        "Park Min-soo, a professor at Seoul National University, spoke on Friday.\n\n"
        "“The policy will fail,” the professor said."
    )
    assert last_speaker(text) == ("Park Min-soo", "person")


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        (
            "Industry Minister Lee Chang-yang struck a cautious tone.\n\n“It is early,” Lee said.",
            "Lee Chang-yang",
            "Industry Minister",
        ),
        (
            "Hanbit Motors Chairman Kim Do-hyun met the union.\n\n“We will hire,” Kim said.",
            "Kim Do-hyun",
            "Hanbit Motors Chairman",
        ),
        (
            "Ardmore Attorney General Dana Cole filed the suit.\n\n“We will win,” Cole said.",
            "Dana Cole",
            "Ardmore Attorney General",
        ),
    ],
)
def test_title_ending_in_a_role_noun_is_no_part_of_the_name(
    text: str, speaker: str, title: str
) -> None:
    """A title of words that are no title words on their own (`Industry`, a company's name)
    still ends at its role noun: the surname that speaks later is the person's."""
    quote = extract(text).quotes[-1]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.title) == (speaker, title)


@pytest.mark.parametrize(
    "run",
    [
        "Voss Says Party Leader Dana Cole",  # a headline: the run holds a verb
        "Industry Minister Lee",  # no full name after the role noun
    ],
)
def test_run_without_a_title_before_a_full_name_is_not_split(run: str) -> None:
    people = NameIndex(f"{run} spoke.").people_backward(len(run) + 1)
    assert all(person.title is None for person in people)


def test_title_before_a_name_points_back_too() -> None:
    text = (
        "The verdict came when Acting Chief Justice Nam Eun-ji took the bench.\n\n"
        "When everyone sat, the acting chief justice said, “We will now rule.”"
    )
    assert last_speaker(text) == ("Nam Eun-ji", "person")


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ("“We will appeal,” his lawyer, Jung Hae-sook, said.", "Jung Hae-sook", "his lawyer"),
        (
            "The firm's chief executive, Tomas Okoye, said: “Sales doubled.”",
            "Tomas Okoye",
            "firm's chief executive",
        ),
        (
            "“It is a first step,” the ministry spokesperson, Koo Min-ah, told reporters.",
            "Koo Min-ah",
            "ministry spokesperson",
        ),
        # after a quote too, with a title word for the role
        (
            "“It is a first step,” wrote the ambassador at the time, Dana Cole.",
            "Dana Cole",
            "ambassador at the time",
        ),
    ],
)
def test_name_set_off_after_a_role_speaks(text: str, speaker: str, title: str) -> None:
    """`His lawyer, Dana Cole, said`: the person the role is given to, not an unnamed lawyer;
    the role stays as the speaker's title."""
    quote = extract(text).quotes[-1]
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind, quote.speaker.title) == (
        speaker,
        "person",
        title,
    )


@pytest.mark.parametrize(
    ("text", "place", "kinds"),
    [
        # a place set off after a place's comma: the nurse speaks, unnamed
        ("A nurse in Fairview, Oregon, told him she feared the worst.", "Oregon", ["anonymous"]),
        # no role of a person before the comma: nobody speaks
        ("The state capital, Fair Haven, said the roads were closed.", "Fair Haven", []),
    ],
)
def test_place_set_off_after_a_description_does_not_speak(
    text: str, place: str, kinds: list[str]
) -> None:
    speakers = [claim.speaker for claim in extract(text).claims if claim.speaker]
    assert [speaker.kind for speaker in speakers] == kinds
    assert all(place not in speaker.name for speaker in speakers)


@pytest.mark.parametrize(
    "text",
    [
        "“It is too nice,” a woman from Ames, Iowa, said.",
        "“It is too nice,” said a woman in Worcester, Massachusetts.",
    ],
)
def test_place_set_off_after_the_speaker_of_a_quote_does_not_speak(text: str) -> None:
    speaker = extract(text).quotes[0].speaker
    assert speaker is not None
    assert (speaker.kind, speaker.name.split()[0]) == ("anonymous", "woman")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # an adverb set off by commas is no title
        ("Finance Minister Choi Sang-mok, meanwhile, said the bill must pass.", "Finance Minister"),
        ("Choi Sang-mok, however, said the bill must pass.", None),
        # a verb and its object after the name's comma are no title either
        (
            "Choi Sang-mok, issued a statement on Monday. Choi said the bill must pass.",
            None,
        ),
        # but a role without an article is
        ("Choi Sang-mok, retired general, said the bill must pass.", "retired general"),
    ],
)
def test_title_is_what_the_text_calls_the_person(text: str, title: str | None) -> None:
    speaker = claim_speaker(text, -1)
    assert (speaker.name, speaker.title) == ("Choi Sang-mok", title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a party tag, then a description of the same person
        (
            "Rep. Dana Cole, D-Ore., a member of the panel, said the bill was weak.",
            "member of the panel",
        ),
        (
            "Rep. Dana Cole, R-Ore., a leader of the caucus, called the bill weak and said she"
            " would vote against it.",
            "leader of the caucus",
        ),
        # the tag is no title where the name has one (as after a quote)
        ("Rep. Dana Cole, D-Ore., said the bill was weak.", "Rep."),
        ("Dana Cole, D-Ore., said the bill was weak.", "D-Ore."),
        # a participle clause is no title, a participle that modifies a role noun is
        ("Dana Cole, speaking on a radio show, said the bill was weak.", None),
        (
            "Dana Cole, managing director of a bank, said the bill was weak.",
            "managing director of a bank",
        ),
    ],
)
def test_party_tags_and_participles_after_a_name(text: str, title: str | None) -> None:
    speakers = [claim.speaker for claim in extract(text).claims]
    assert speakers
    assert all(s is not None and (s.name, s.title) == ("Dana Cole", title) for s in speakers)


def test_they_is_never_one_unnamed_person() -> None:
    """`they` after a singular unnamed source (`the lawyer`, `one of them`) means the group the
    sentence before made its subject, not that one person."""
    text = (
        "Two senior officials said the talks had stalled. “We are not hopeful,” one of them"
        " said. They said the next round would be in May.\n\n"
        "“The ruling ignored key evidence,” the defense lawyer told reporters.\n\n"
        "Prosecutors had sought a longer term. They said they would review the ruling."
    )
    result = extract(text)
    named = {c.text: c.speaker.name if c.speaker else None for c in result.claims}
    member = result.quotes[0].speaker
    assert member is not None
    assert member.title == "one of the two senior officials"
    assert named["the next round would be in May"] == "senior officials"
    assert named["they would review the ruling"] == "prosecutors"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Others argued that the levy was needed.", "others", "anonymous"),
        ("Some, like the mayor, argued that the levy was needed.", "some", "anonymous"),
        (
            "The levy will pass, according to people near the harbor board.",
            "people near the harbor board",
            "anonymous",
        ),
        (
            "The levy will pass, according to two officials briefed on the talks.",
            "officials briefed on the talks",
            "anonymous",
        ),
        # negatives: records, and a role before a body's name
        ("The deficit grew, according to Treasury records.", "Treasury records", "organization"),
        (
            "The rally drew 5,000, according to the organizer Hanbit Union.",
            "Hanbit Union",
            "organization",
        ),
    ],
)
def test_unnamed_people_are_no_person_and_no_body(text: str, name: str, kind: str) -> None:
    speaker = claim_speaker(text)
    assert (speaker.name, speaker.kind) == (name, kind)


def test_claim_of_a_name_set_off_after_a_role() -> None:
    text = (
        "The firm's chief executive, Tomas Okoye, said sales doubled last year. "
        "His lawyer, Dana Cole, told reporters that the verdict would be appealed. "
        "The lower court erred, the president's spokesman, Lee Jae-won, said on Monday. "
        "The ruling was late, Kim Do-hyun, a senior judge, said on Tuesday."
    )
    claims = [(c.text, c.speaker.name if c.speaker else None) for c in extract(text).claims]
    assert claims == [
        ("sales doubled last year", "Tomas Okoye"),
        ("that the verdict would be appealed", "Dana Cole"),
        ("The lower court erred", "Lee Jae-won"),
        ("The ruling was late", "Kim Do-hyun"),
    ]


def test_role_noun_nobody_holds_stays_an_unnamed_source() -> None:
    text = (
        "Park Min-soo, a professor at Seoul National University, spoke on Friday.\n\n"
        "“The policy will fail,” the minister said."
    )
    assert last_speaker(text)[1] == "anonymous"


def test_definite_source_points_back_to_its_introduction() -> None:
    text = (
        "North Korea may launch a rocket, a US defence official said late on Friday.\n\n"
        "“They are preparing for a launch,” the US official told reporters.\n\n"
        "“It could be a satellite,” the official added."
    )
    first, second = resolved(text)
    assert first[1:] == ("US defence official", "anonymous")
    assert second[1:] == first[1:]


def test_definite_source_points_back_to_its_possessive_introduction() -> None:
    """`Kim's lawyer said ...` then `“Q,” the lawyer told reporters`: one unnamed source, not
    two (a body stays a body: `Hanbit's campaign said ... the campaign said`)."""
    text = (
        "Kim Do-hyun's lawyer said his client would appeal.\n\n"
        "“The ruling ignored key evidence,” the lawyer told reporters.\n\n"
        "Hanbit's campaign said it would respond. “We will win,” the campaign said."
    )
    result = extract(text)
    lawyer = [s.speaker for s in (*result.quotes, *result.claims) if "evidence" in s.text]
    owner = [s.speaker for s in result.claims if "appeal" in s.text]
    assert lawyer[0] is not None
    assert owner[0] is not None
    assert (lawyer[0].name, lawyer[0].key) == (owner[0].name, owner[0].key)
    assert lawyer[0].name == "Kim Do-hyun's lawyer"
    campaign = result.quotes[-1].speaker
    assert campaign is not None
    assert campaign.kind == "organization"


def test_definite_source_with_another_modifier_is_someone_else() -> None:
    text = (
        "A senior Japanese official criticised the ruling on Friday.\n\n"
        "“We regret the remarks,” the ministry official said."
    )
    name, kind = last_speaker(text)
    assert kind == "anonymous"
    assert name is not None
    assert "Japanese" not in name


def test_the_source_is_the_unnamed_person_just_quoted() -> None:
    text = (
        "“He looked into the system,” said a key person near the president. "
        "“He found out why the report was held up,” the source added."
    )
    first, second = resolved(text)
    assert first[2] == "anonymous"
    assert second[1:] == first[1:]


def test_bare_plural_that_opens_a_sentence_is_an_unnamed_group() -> None:
    assert last_speaker("Officials said the cabinet hopes to speak with “one voice.”") == (
        "Officials",
        "anonymous",
    )


def test_title_ending_in_a_korean_name_is_that_person() -> None:
    text = "Then Senior Secretary for Rural Affairs Ahn Tae-sik told me, “Tell me who.”"
    assert last_speaker(text) == ("Ahn Tae-sik", "person")


def test_spokesperson_for_a_person_is_not_that_person() -> None:
    text = "A spokesperson for President-elect Seo Ji-won said there is “no chance” of it."
    assert last_speaker(text)[1] == "anonymous"


# --- organisations and statements ----------------------------------------------------------


def test_korean_newspapers_and_mouthpieces_are_organisations() -> None:
    assert last_speaker("The ruling party’s newspaper Rodong Sinmun said, “Q is here.”") == (
        "Rodong Sinmun",
        "organization",
    )
    text = (
        "Minju Sori, a weekly government mouthpiece, posted an article on Friday.\n\n"
        "Minju Sori added, “We will see what measures are taken.”"
    )
    assert last_speaker(text) == ("Minju Sori", "organization")


def test_person_with_a_person_appositive_stays_a_person() -> None:
    text = "Choi Jin-woo, a retired general, added, “We will see what measures are taken.”"
    assert last_speaker(text) == ("Choi Jin-woo", "person")


def test_the_statement_speaks_for_its_author() -> None:
    text = (
        "“We will act,” the foreign ministry said in a statement carried by state media.\n\n"
        "“It is natural for us to prepare,” the statement said."
    )
    first, second = resolved(text)
    assert first[1:] == ("foreign ministry", "organization")
    assert second[1:] == first[1:]


def test_his_comments_are_his() -> None:
    text = (
        "“That was rude,” said Gil Sang-woo, a presidential secretary. "
        "His comments also called the question “an insult to the office.”"
    )
    assert last_speaker(text) == ("Gil Sang-woo", "person")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Unification Ministry on Monday urged restraint.\n\n"
            "“Dialogue is the only way,” the ministry said on Tuesday.",
            "Unification Ministry",
        ),
        (
            "The Seoul High Court upheld the sentence.\n\n“The verdict stands,” the court said.",
            "Seoul High Court",
        ),
        # negatives: a headline's title case names nothing, and no body named before
        (
            "Popular Ministry Shows Bias In Ratings\n\n“We rate fairly,” the ministry said.",
            "ministry",
        ),
        ("“We rate fairly,” the ministry said.", "ministry"),
    ],
)
def test_the_body_points_back_to_the_body_named_before(text: str, speaker: str) -> None:
    assert last_speaker(text) == (speaker, "organization")


@pytest.mark.parametrize(
    "text",
    [
        "Hanbit Motor said in a statement that the strike had cost it 500 billion won.",
        "Daeil Electronics said on Tuesday that its profit fell.",
    ],
)
def test_companies_named_by_their_trade_are_organisations(text: str) -> None:
    assert claim_speaker(text).kind == "organization"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a plural owner inside an organisation's name
        (
            "The Hanbit Farmers' Association said the levy was unfair.",
            ["Hanbit Farmers' Association"],
        ),
        # `the Ministry of X` is the body, in every clause it opens
        (
            "The Ministry of Fisheries said it respected the protest but urged the crews to"
            " stay in port.",
            ["Ministry of Fisheries", "Ministry of Fisheries"],
        ),
        # negative: a person's possessive stays the owner of an unnamed role
        ("Kim's lawyer said the verdict was unfair.", ["Kim's lawyer"]),
    ],
)
def test_organisation_names_hold_their_possessives_and_of(text: str, names: list[str]) -> None:
    assert [c.speaker.name if c.speaker else None for c in extract(text).claims] == names


def test_analysts_at_a_brokerage_are_its_unnamed_analysts() -> None:
    text = "Analysts at Hanbit Securities said in a note that the plan reduces uncertainty."
    speaker = claim_speaker(text)
    assert speaker.kind == "anonymous"
    assert speaker.affiliation == "Hanbit Securities"


def test_it_is_the_organisation_named_just_before() -> None:
    text = (
        "The presidential office said on Friday that the facts should come first. "
        "“Once both sides set out the facts, we will ask for steps,” it said."
    )
    assert last_speaker(text) == ("presidential office", "organization")


def test_it_is_a_body_named_in_capitals_just_before() -> None:
    text = (
        "The attack was claimed within hours, according to the Delmont Monitoring Group. "
        "“Supporters are sharing the news and celebrating,” it said."
    )
    assert last_speaker(text) == ("Delmont Monitoring Group", "organization")
    # negative: a body named after `of` belongs to another noun's phrase
    text = (
        "The harbor office spoke of leaks about aides of the Delmont Port Authority Office. "
        "“Once both sides set out the facts, we will ask for steps,” it said."
    )
    assert last_speaker(text) == ("harbor office", "organization")


def test_it_with_no_organisation_named_stays_unresolved() -> None:
    text = "“Once both sides set out the facts, we will ask for steps,” it said."
    assert last_speaker(text) == (None, None)


# --- pronouns --------------------------------------------------------------------------------


def test_surname_inside_the_reported_clause_is_not_whom_he_means() -> None:
    """`Kang has been ill, he said`: the surname is the subject of what is reported, not the
    speaker (the same sentence)."""
    text = (
        "Kang Mi-ran, a former minister, was questioned on Monday.\n\n"
        "“She will cooperate,” said her lawyer, Lee Do-hoon.\n\n"
        "Kang has been ill for weeks, he said, adding that she would stay home “for a while.”"
    )
    assert last_speaker(text) == ("Lee Do-hoon", "person")


def test_he_can_be_the_unnamed_source_just_quoted() -> None:
    text = (
        "“Trust will guide us,” said one member of the presidential staff. "
        "“Getting the facts right comes first,” he added."
    )
    first, second = resolved(text)
    assert second[1:] == first[1:] == ("member of the presidential staff", "anonymous")


def test_he_is_not_a_group_of_unnamed_sources() -> None:
    text = (
        "“Trust will guide us,” said officials at the presidential office. "
        "“Getting the facts right comes first,” he added."
    )
    assert resolved(text)[1][2] != "anonymous"


def test_she_is_not_an_unnamed_thing_just_quoted() -> None:
    # `the night duty` (a shift, not a person) spoke last; `she` is the person named before
    text = (
        "Mayor Jane Roe called the office late at night to ask about the strike. The night duty "
        "answered, “No, ma’am. We are not checking the strike.” She said, “Oh really, is that "
        "so?” and hung up."
    )
    assert resolved(text)[1][1:] == ("Jane Roe", "person")


def test_she_skips_the_namesake_in_an_appositive() -> None:
    text = (
        "Kim Soo-ah, sister of leader Kim Tae-ho, issued a statement.\n\n"
        "She said, “We will not talk.”"
    )
    assert last_speaker(text) == ("Kim Soo-ah", "person")


def test_he_stays_with_the_person_just_quoted_over_one_named_as_an_object() -> None:
    text = (
        "“I served in the unit,” Bae Dong-hyun was quoted as saying. He aimed the remark at "
        "a broadcaster that opposes President Seo Ji Won.\n\n"
        "He said, “The broadcaster should pay attention.”"
    )
    assert last_speaker(text) == ("Bae Dong-hyun", "person")


def test_he_moves_to_a_person_newly_named_as_a_subject() -> None:
    text = (
        "“I served in the unit,” Bae Dong-hyun was quoted as saying.\n\n"
        "President Seo Ji Won spoke later in the day.\n\n"
        "He said, “The broadcaster should pay attention.”"
    )
    assert last_speaker(text) == ("Seo Ji Won", "person")


def test_he_with_nobody_quoted_yet_is_the_subject_not_the_object() -> None:
    text = (
        "Seo Ji-won took office on Tuesday for a five-year term, replacing Baek Ha-jun.\n\n"
        '"It falls to us to take on a bigger part," he said.'
    )
    assert last_speaker(text) == ("Seo Ji-won", "person")


def test_a_run_with_an_acronym_is_no_person() -> None:
    text = (
        "Do you have questions? Our SCMP Knowledge team explains.\n\n"
        '"We are ready to work with the North," he said.'
    )
    assert last_speaker(text)[0] != "SCMP Knowledge"
    assert last_speaker("“Prices will fall,” said Hanbit Group’s Maeng Do-yun.") == (
        "Maeng Do-yun",
        "person",
    )


def test_she_is_the_unnamed_person_who_opens_the_sentence() -> None:
    text = (
        "Choi Min-ji, the ferry operator's lawyer, left early.\n\n"
        "Standing in the tent, a mother held a consent form. “The things these men do,” "
        "she said."
    )
    assert last_speaker(text) == ("mother", "anonymous")


def test_an_unnamed_object_or_the_wrong_gender_does_not_take_the_pronoun() -> None:
    named = "Choi Min-ji, the ferry operator's lawyer, left early.\n\n"
    text = named + "Officers met a mother in the tent. “The things these men do,” she said."
    assert last_speaker(text) == ("Choi Min-ji", "person")
    text = named + "In the tent, a father held a form. “The things these men do,” she said."
    assert last_speaker(text) == ("Choi Min-ji", "person")


def described(text: str) -> tuple[str | None, str | None]:
    speaker = extract(text).quotes[-1].speaker
    assert speaker is not None
    return speaker.title, speaker.affiliation


@pytest.mark.parametrize(
    ("text", "title", "affiliation"),
    [
        (
            "“We will talk,” said Sung Kim, acting assistant secretary of state.",
            "acting assistant secretary of state",
            None,
        ),
        (
            "Park Min-soo, a professor at Seoul National University, spoke.\n\n"
            "“It is over,” Park said.",
            "professor at Seoul National University",
            "Seoul National University",
        ),
        (
            "“We will talk,” a senior defense ministry official said.",
            "senior official",
            "defense ministry",
        ),
        # negative: an organisation's appositive is no person's title
        (
            "Lee Jin-ho, who leads the group, spoke.\n\n“It is over,” Lee said.",
            None,
            None,
        ),
    ],
)
def test_speaker_keeps_the_title_and_affiliation_the_article_gives(
    text: str, title: str | None, affiliation: str | None
) -> None:
    assert described(text) == (title, affiliation)


def test_an_acronym_makes_an_organisation_only_in_capitals() -> None:
    assert last_speaker("“We feel very sorry,” said Kim Tae Ho, the leader.") == (
        "Kim Tae Ho",
        "person",
    )
    assert last_speaker("“We condemn the launch,” the UN Security Council said.")[1] == (
        "organization"
    )


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Parents waited at the port all night. The family members of the crew had dry "
            "mouths. “Where is my son?” cried one. “It is so cold,” said another.",
            [("one", "family members"), ("another", "family members")],
        ),
        (
            "Voters lined up early at the school. “It is my first time,” said one of them.",
            [("one", "voters")],
        ),
    ],
)
def test_one_and_another_are_members_of_the_group_the_text_made_its_subject(
    text: str, speakers: list[tuple[str, str]]
) -> None:
    quotes = extract(text).quotes
    found = [(q.speaker.name, q.speaker.affiliation) for q in quotes if q.speaker is not None]
    assert found == speakers
    keys = {q.speaker.key for q in quotes if q.speaker is not None}
    assert len(keys) == len(quotes)  # one and another are two people


def test_one_before_a_noun_is_a_determiner_not_a_group_member() -> None:
    quote = extract("“It is my first time,” said one official of the ministry.").quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.name == "official of the ministry"


def test_an_unnamed_role_in_the_lead_is_the_person_later_named_with_the_definite_role() -> None:
    text = (
        "A spokesperson for the mayor said Monday there is “zero chance” of a move.\n\n"
        "“We are reviewing several sites,” Han Ji-min, the spokesperson, said at a briefing."
    )
    lead, later = extract(text).quotes
    assert later.speaker is not None
    assert later.speaker.name == "Han Ji-min"
    assert lead.speaker == later.speaker
    assert lead.mention is not None
    assert lead.mention.text == "A spokesperson"  # the words stay as written


def test_another_person_with_the_role_keeps_the_unnamed_source_apart() -> None:
    text = (
        "A spokesperson for the mayor said Monday there is “zero chance” of a move.\n\n"
        "“We are reviewing several sites,” Han Ji-min, another spokesperson, said."
    )
    lead = extract(text).quotes[0]
    assert lead.speaker is not None
    assert lead.speaker.kind == "anonymous"


def test_one_definition_of_the_anonymous_source_key() -> None:
    assert anonymous_key("White House", "3") == "anonymous:white-house:3"
    assert anonymous_key(None, "curated-1a2b") == "anonymous:source:curated-1a2b"
    text = "“We will not move,” a White House official said on Monday."
    speaker = extract(text).quotes[0].speaker
    assert speaker is not None
    assert speaker.key == anonymous_key("White House", "1")


def test_two_people_named_with_the_role_leave_the_lead_unnamed() -> None:
    text = (
        "A spokesperson for the mayor said Monday there is “zero chance” of a move.\n\n"
        "“We are reviewing several sites,” Han Ji-min, the spokesperson, said.\n\n"
        "“Nothing is decided,” Oh Se-ra, the spokesperson, said later."
    )
    lead = extract(text).quotes[0]
    assert lead.speaker is not None
    assert lead.speaker.kind == "anonymous"


@pytest.mark.parametrize(
    ("clause", "person"),
    [
        # `he` inside a relative clause whose `whom` is its object is not the antecedent.
        ("Mark Voss, whom he called a friend.", "Walter Reid"),
        # Near miss: `who` is the subject of `said`, and `he` may well be Voss himself.
        ("Mark Voss, who said he was a friend.", "Mark Voss"),
    ],
)
def test_pronoun_in_an_object_relative_is_not_its_antecedent(clause: str, person: str) -> None:
    text = f"Governor Walter Reid spoke on Monday.\n\nReid then thanked the harbor chief, {clause}"
    at = text.index(" he ") + 1
    resolver = Resolver(text=text, names=NameIndex(text), quote_spans=[])
    speaker = resolver.resolve(
        start=at, end=at + 2, kind="pronoun", title=None, determiner=None, head=None
    )
    assert speaker is not None
    assert speaker.name == person


# --- business and parliamentary wire copy ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # the name set off after the role carries a title of its own
        (
            "The committee's chairman, Sen. Tom Ferro, said he would hold a second hearing.",
            "Tom Ferro",
            "committee's chairman",
        ),
        ("His lawyer, attorney Dana Cole, said the case was weak.", "Dana Cole", "His lawyer"),
        # `of` and an organisation after the name: the person, not a body
        (
            "Another analyst, Shin Ga-eun of Daemyung Securities, said the worst was over.",
            "Shin Ga-eun",
            "Another analyst",
        ),
    ],
)
def test_titled_name_set_off_after_a_role_speaks(text: str, speaker: str, title: str) -> None:
    found = claim_speaker(text)
    assert (found.name, found.kind, found.title) == (speaker, "person", title)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Shin Ga-eun of Pyeongsan Investment warned that prices could fall.",
            "Shin Ga-eun",
            "person",
        ),
        ("Jason Roe of Cheyenne said the roads were closed.", "Jason Roe", "person"),
        # negatives: one word before `of` is an organisation's name, and so is a body's
        ("The Bank of Hanbit said prices could fall.", "Bank of Hanbit", "organization"),
        (
            "Hanbit Development Bank of Seoul said prices could fall.",
            "Hanbit Development Bank",
            "organization",
        ),
    ],
)
def test_person_of_an_organisation_is_the_person(text: str, name: str, kind: str) -> None:
    found = claim_speaker(text)
    assert (found.name, found.kind) == (name, kind)


def test_person_of_an_organisation_after_a_quote_is_the_person() -> None:
    text = "“Prices will fall,” said Shin Ga-eun of Daemyung Securities."
    assert last_speaker(text) == ("Shin Ga-eun", "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hanbit Steel Co. said on Thursday it swung to a net loss.", "Hanbit Steel Co."),
        (
            "Hanbit Steel Co., the country's third-largest steelmaker, said it swung to a loss.",
            "Hanbit Steel Co.",
        ),
        ("Ardmore Corp. announced that it would cut 300 jobs.", "Ardmore Corp."),
    ],
)
def test_company_suffix_closes_the_name_not_the_sentence(text: str, name: str) -> None:
    found = claim_speaker(text)
    assert (found.name, found.kind) == (name, "organization")


@pytest.mark.parametrize(
    "text",
    [
        "“We lost money,” Hanbit Steel Co. said in a statement.",
        # negative: at the end of the sentence the period closes both, as before
        "“We lost money,” said Hanbit Steel Co.",
    ],
)
def test_company_with_a_suffix_speaks_after_a_quote(text: str) -> None:
    name, kind = last_speaker(text)
    assert (name or "").startswith("Hanbit Steel Co")
    assert kind == "organization"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hanbit Steel said it swung to a loss.", "organization"),
        ("Donghae Mining, the third-largest steelmaker, said it swung to a loss.", "organization"),
        # negative: a worker of the trade is a person
        ("Dana Cole, a steelworker, said the plant would close.", "person"),
    ],
)
def test_companies_named_by_their_industry_are_organisations(text: str, kind: str) -> None:
    assert claim_speaker(text).kind == kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Hanbit Motors reported a loss on Monday. Hanbit said it would cut 300 jobs.",
            "Hanbit Motors",
            "organization",
        ),
        (
            "Shares of Hanbit Steel Co. fell, and Hanbit said it would buy back stock.",
            "Hanbit Steel Co",
            "organization",
        ),
        # negatives: the word names a person or a place elsewhere in the text
        (
            "Brandt Partners, a fund that Helena A. Brandt founded, bought shares. "
            "Brandt said the stock was cheap.",
            "Helena A. Brandt",
            "person",
        ),
        (
            "Brandt Partners bought shares on Monday. Mr. Brandt has long backed the firm. "
            "Brandt said the stock was cheap.",
            "Brandt",
            "person",
        ),
        (
            "The Millbrook Police Union met in Millbrook on Monday. "
            "Millbrook said the vote was fair.",
            "Millbrook",
            "person",
        ),
        ("The Kim Foundation gave money. Kim said it was a gift.", "Kim", "person"),
        # a headline's title case names nothing
        (
            "Hanbit Wins Praise For New Plant\n\nHanbit said it would hire 300 workers.",
            "Hanbit",
            "person",
        ),
    ],
)
def test_first_word_of_an_organisation_named_before_is_that_organisation(
    text: str, name: str, kind: str
) -> None:
    found = extract(text).claims[-1].speaker
    assert found is not None
    assert (found.name, found.kind) == (name, kind)


@pytest.mark.parametrize(
    ("union", "speaker"),
    [
        # a plural owner before an organisation's head noun is part of its name, no person
        (
            "The Hanbit Nurses and Care Workers' Union said on Friday it would strike.",
            "Baek Ji-ho",
        ),
        # negative: a person's possessive still names the person
        ("Chris Evans' film opened on Friday.", "Chris Evans"),
    ],
)
def test_plural_owner_of_an_organisation_is_no_person_for_he(union: str, speaker: str) -> None:
    text = (
        "Chief Financial Officer Baek Ji-ho spoke to analysts on Thursday.\n\n"
        f"{union}\n\n"
        "Asked about it, he told reporters, “We respect that.”"
    )
    assert last_speaker(text) == (speaker, "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Opposition vows to block budget bill\n\nThe vote is set for Friday.", "Opposition"),
        ("The opposition said the bill was unfair.", "opposition"),
    ],
)
def test_the_opposition_is_a_body(text: str, name: str) -> None:
    found = claim_speaker(text)
    assert (found.name, found.kind) == (name, "organization")


def test_opposition_to_a_bill_speaks_for_nobody() -> None:
    text = "The bill faced opposition from farmers, who said it was unfair."
    assert all(
        claim.speaker is None or claim.speaker.name != "opposition"
        for claim in extract(text).claims
    )


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # a description set off after the speaker's name says who that speaker is
        (
            "“The plan will fail,” said Tomas Okoye, a professor at the university. "
            "He added that more tests could follow.",
            "Tomas Okoye",
            "person",
        ),
        # after a name and an age too
        (
            "“We are ready,” said Lena Voss, 61, a professor from the valley. "
            "She added that the clinic would open on Monday.",
            "Lena Voss",
            "person",
        ),
    ],
)
def test_description_after_a_name_is_no_unnamed_subject(text: str, speaker: str, kind: str) -> None:
    found = claim_speaker(text)
    assert (found.name, found.kind) == (speaker, kind)


@pytest.mark.parametrize(
    "text",
    [
        # negatives: an unnamed person who opens a clause of her own is whom `she` means
        "In Millbrook, a mother held the form. “It is too long,” she said.",
        "A mother held the form. “It is too long,” she said.",
    ],
)
def test_unnamed_person_opening_a_clause_is_whom_she_means(text: str) -> None:
    assert last_speaker(text) == ("mother", "anonymous")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A Seoul court sentenced the former minister on Thursday. "
            "The court said the bribes were proven.",
            "Seoul court",
        ),
        (
            "A Seoul court sentenced the former minister on Thursday. The Seoul Southern "
            "District Court found him guilty. The court said the bribes were proven.",
            "Seoul Southern District Court",
        ),
    ],
)
def test_the_court_is_the_body_introduced_before(text: str, speaker: str) -> None:
    found = extract(text).claims[-1].speaker
    assert found is not None
    assert (found.name, found.kind) == (speaker, "organization")


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            "“The court ignored the evidence,” one of his lawyers, Cho Eun-bi, told reporters.",
            "Cho Eun-bi",
            "person",
        ),
        # without a name, one of the lawyers speaks, never the reporters told
        (
            "“The court ignored the evidence,” one of his lawyers told reporters.",
            "his lawyers",
            "anonymous",
        ),
    ],
)
def test_one_of_a_group_after_a_quote(text: str, speaker: str, kind: str) -> None:
    assert last_speaker(text) == (speaker, kind)


def test_quote_a_clause_reports_is_not_the_next_clauses() -> None:
    text = (
        "Even as Voss insisted on Monday that “the mayor broke no rule at all,” a lawyer for "
        "the city said the two cases differed."
    )
    assert last_speaker(text) == ("Voss", "person")


@pytest.mark.parametrize(
    ("evidence", "speaker"),
    [
        # the pronouns the text uses after her surname say who `she` can be (her first name is
        # in no list)
        (
            "Quint said she would not resign, and Quint told reporters her term ends in May.",
            "Ysolde Quint",
        ),
        # negative: an honorific says otherwise
        ("Mr. Quint said the board would not resign.", "Thomas Reid"),
    ],
)
def test_the_text_says_whom_she_can_mean(evidence: str, speaker: str) -> None:
    text = (
        f"Ysolde Quint runs the harbor board. {evidence}\n\n"
        "“We need a vote,” said Thomas Reid, a council member.\n\n"
        "“I will stay until May,” she said."
    )
    assert last_speaker(text)[0] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The plant's developer, Cascade Renewables, said in a statement that its design was safe.",
        "The city's largest employer, Hanbit Motors, said it would hire 300 workers.",
        "“It is safe,” the plant's developer, Cascade Renewables, said.",
    ],
)
def test_organisation_set_off_after_a_description_speaks(text: str) -> None:
    result = extract(text)
    speaker = (result.claims or result.quotes)[0].speaker
    assert speaker is not None
    assert speaker.kind == "organization"
    assert speaker.name in {"Cascade Renewables", "Hanbit Motors"}


# --- groups counted and asides set off (1.12.0) -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Dozens of residents said the road had been closed for weeks.",
            "Dozens of residents",
            "residents",
        ),
        (
            "A number of economists said the recovery was too slow.",
            "number of economists",
            "economists",
        ),
        (
            "Raising the port levy this early, a broad array of analysts argue, hurt the harbor.",
            "broad array of analysts",
            "analysts",
        ),
        (
            "“The road was closed for weeks,” said a handful of the town's shopkeepers.",
            "handful of the town's shopkeepers",
            "town's shopkeepers",
        ),
        # negative: a group that is no count of people keeps its own name
        (
            "A group representing dock workers said the strike would go on.",
            "group representing dock workers",
            "group representing dock workers",
        ),
    ],
)
def test_a_count_of_people_is_those_people(text: str, name: str, title: str) -> None:
    result = extract(text)
    speaker = (result.claims or result.quotes)[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.kind, speaker.title) == (name, "anonymous", title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Judge Mara Lind, in her dissent, said the ruling ignored the record.", "Judge"),
        ("Tom Voss, for his part, said the levy would pass.", None),
        ("Tom Voss, of course, said the levy would pass.", None),
        ("“No,” Tom Voss, after a long pause, said.", None),
        # negative: an affiliation that names a body or a place is his
        ("Tom Voss, of the Harbor Board, said the levy would pass.", "of the Harbor Board"),
        ("Tom Voss, of Ames, Iowa, said the levy would pass.", "of Ames, Iowa"),
    ],
)
def test_an_aside_after_a_name_is_no_title(text: str, title: str | None) -> None:
    result = extract(text)
    speaker = (result.claims or result.quotes)[0].speaker
    assert speaker is not None
    assert speaker.title == title


def test_an_aside_after_the_subject_leaves_its_verbs_to_it() -> None:
    text = (
        "Voss, in particular, has slammed the plan for the harbor, and vowed to vote against "
        "it even if it reaches the floor."
    )
    assert [claim.speaker.name for claim in extract(text).claims if claim.speaker] == [
        "Voss",
        "Voss",
    ]


@pytest.mark.parametrize(
    ("text", "title", "affiliation"),
    [
        # the capital of a sentence's first word names no body
        ("Economists say the levy will pass.", "economists", None),
        ("Her biggest supporters said it was a temporary dip.", "biggest supporters", None),
        # negative: a capitalised modifier does
        ("Democratic strategists say the levy will pass.", "strategists", "Democratic"),
    ],
)
def test_an_unnamed_source_opening_a_sentence(
    text: str, title: str, affiliation: str | None
) -> None:
    speaker = claim_speaker(text)
    assert (speaker.kind, speaker.title, speaker.affiliation) == ("anonymous", title, affiliation)


@pytest.mark.parametrize(
    ("role", "speaker"),
    [
        ("The senator", "Tom Reid"),  # `Sen.` is a senator
        (
            "The Ohio senator",
            "Ohio senator",
        ),  # negative: a senator of a place the text never gave him
    ],
)
def test_the_role_an_abbreviated_title_stands_for(role: str, speaker: str) -> None:
    text = (
        "“The plan is dead,” Sen. Tom Reid said on Monday.\n\n"
        f"{role} told a local radio station that he believes the vote will fail."
    )
    assert claim_speaker(text).name == speaker


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        # the owner without its possessive ending
        ("Voss's aides said it was a temporary dip.", "Voss's aides", "Voss"),
        ("As the Herald's editor said, the vote was close.", "Herald's editor", "Herald"),
        # negative: an owner that is no name leaves none
        ("His aides said it was a temporary dip.", "His aides", None),
    ],
)
def test_the_affiliation_an_owner_gives(text: str, name: str, affiliation: str | None) -> None:
    speaker = claim_speaker(text)
    assert (speaker.name, speaker.affiliation) == (name, affiliation)


def test_one_of_a_group_and_a_name_set_off_before_the_cue() -> None:
    speaker = claim_speaker(
        "One of the reporters, Lena Voss of the Herald, said the clip was a joke."
    )
    assert (speaker.name, speaker.title) == ("Lena Voss", "One of the reporters")


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # a few capitals with one vowel at most name a body
        ("“The launch is near,” KBN said.", "KBN", "organization"),
        ("“The launch is near,” JTBC reported.", "JTBC", "organization"),
        # negative: a name or a role a transcript writes in capitals
        (
            "Lena Park spoke on Monday.\n\nPARK: We will win.\n\nHOST: Are you sure?",
            "HOST",
            "person",
        ),
        (
            "Lena Voss spoke in Ohio.\n\nVOSS: We will win.\n\nHOST: Are you sure?\n\n"
            "VOSS: I am sure of it.",
            "VOSS",
            "person",
        ),
    ],
)
def test_an_acronym_is_a_body(text: str, speaker: str, kind: str) -> None:
    result = extract(text)
    found = (list(result.quotes) + list(result.claims))[-1].speaker
    assert found is not None
    assert (found.name, found.kind) == (speaker, kind)


def test_a_capitalised_title_keeps_its_for() -> None:
    speaker = claim_speaker(
        "Norland's Deputy Minister for Maritime Affairs Lena Ostby said the ruling was wrong."
    )
    assert (speaker.name, speaker.title) == ("Lena Ostby", "Deputy Minister for Maritime Affairs")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a judgement of someone's comment is not the comment's words
        (
            "Many members of the party believe the mayor's “plan to quit” and his comment about "
            "the hopefuls are “improper.”",
            "members",
        ),
        # negative: the words of the claim, of the response after a colon
        ("Lena Voss repeated her claim that the levy is “dead on arrival.”", "Lena Voss"),
        ("Lena Voss spoke last. Her response was: “We are not done yet.”", "Lena Voss"),
    ],
)
def test_what_is_said_of_a_comment_is_not_its_owners(text: str, speaker: str) -> None:
    assert last_speaker(text)[0] == speaker


@pytest.mark.parametrize(
    ("appositive", "affiliation"),
    [
        # a relative of someone belongs to no body
        ("sister of the Harbor Party's leader Kim Tae-ho", None),
        # negative: a post in a body
        ("director of the Harbor Institute", "Harbor Institute"),
    ],
)
def test_a_relative_has_no_affiliation(appositive: str, affiliation: str | None) -> None:
    speaker = claim_speaker(f"Kim Soo-ah, {appositive}, said the talks were over.")
    assert speaker.affiliation == affiliation


# --- honorifics, documents of bodies, headline roles, titles with of (1.13.0) --------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an honorific's gender passes over a namesake of the other gender
        (
            "Donald Voss met Mary Voss in 1977. Mary Voss said the marriage ended badly. On "
            "Saturday, Mr. Voss said on Twitter: “The press is unfair.”",
            "Donald Voss",
        ),
        (
            "Lena Voss spoke at the rally. Her son, Tom Voss, thanked the crowd. “We will win,” "
            "Mrs. Voss said.",
            "Lena Voss",
        ),
        # negative: without an honorific, the namesake named last
        (
            "Donald Voss met Mary Voss in 1977. Mary Voss spoke later. “The press is unfair,” "
            "Voss said.",
            "Mary Voss",
        ),
    ],
)
def test_an_honorific_passes_over_a_namesake_of_the_other_gender(text: str, speaker: str) -> None:
    assert last_speaker(text)[0] == speaker


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a titled surname is whom it was before, though a namesake was named since
        (
            "Lena Voss spoke at the rally. “We will win,” Mrs. Voss said. Her daughter, Chelsea "
            "Voss, thanked the crowd. “We will win again,” Mrs. Voss said.",
            ["Lena Voss", "Lena Voss"],
        ),
        # negative: another honorific is another person
        (
            "Lena Voss spoke at the rally. “We will win,” Mrs. Voss said. Her daughter, Chelsea "
            "Voss, thanked the crowd. “We are ready,” Ms. Voss said.",
            ["Lena Voss", "Chelsea Voss"],
        ),
    ],
)
def test_a_titled_surname_keeps_its_person(text: str, speakers: list[str]) -> None:
    assert [name for _, name, _ in resolved(text)] == speakers


@pytest.mark.parametrize(
    ("pronoun", "speaker"),
    [
        # a first name less common than the commonest few hundred still gives the gender
        ("she", "Ursula Reid"),
        # negative: the other pronoun, the other person
        ("he", "Tom Park"),
    ],
)
def test_a_first_name_gives_a_pronoun_its_person(pronoun: str, speaker: str) -> None:
    text = (
        "Ursula Reid chaired the meeting. Tom Park spoke next. Later, “The harbor will reopen,” "
        f"{pronoun} said."
    )
    assert resolved(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("source", "speaker", "kind"),
    [
        # a body's document speaks for the body
        ("the KBN's English-language report", "KBN", "organization"),
        ("a KBN report", "KBN", "organization"),
        ("the Harbor Herald's report", "Harbor Herald", "organization"),
        # negative: a person's statement is the person's
        ("Kim Tae-ho's statement", "Kim Tae-ho", "person"),
    ],
)
def test_the_document_of_a_body_is_the_bodys(source: str, speaker: str, kind: str) -> None:
    text = (
        "Kim Tae-ho, a senior official, spoke on Sunday.\n\n"
        f"The drill must stop before any talks, he said, according to {source}."
    )
    found = claim_speaker(text, -1)
    assert (found.name, found.kind) == (speaker, kind)


def test_an_elected_title_is_no_part_of_the_name() -> None:
    text = (
        "A spokesperson for President-elect Tae Min-ho spoke on Wednesday.\n\n"
        "“President-elect Tae will not live in the old palace,” the spokesperson said.\n\n"
        "Tae pledged during the campaign that he would work from a tower downtown."
    )
    speaker = claim_speaker(text, -1)
    assert (speaker.name, speaker.kind) == ("Tae Min-ho", "person")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a description in lower case before a body's name is no part of the name
        (
            "The rally drew 5,000, according to the nonpartisan Hanbit Policy Institute.",
            "Hanbit Policy Institute",
        ),
        ("The state-run Harbor News Agency said the drill was over.", "Harbor News Agency"),
        # negative: a phrase that only names the body after a preposition keeps its words
        (
            "The drill was over, according to a tally kept by the Harbor News Agency.",
            "a tally kept by the Harbor News Agency",
        ),
    ],
)
def test_a_bodys_name_without_its_description(text: str, name: str) -> None:
    assert claim_speaker(text).name == name


def test_a_title_with_of_before_a_name_is_the_title() -> None:
    # the run after `Chief of` opens with the title's last word, not the name's first
    quotes = extract(
        "Harbor Board Chief of Staff Dana Moreau wrote on Monday. “Thanks for the great work,” "
        "Moreau wrote."
    ).quotes
    speaker = quotes[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.title, speaker.affiliation) == (
        "Dana Moreau",
        "Chief of Staff",
        None,
    )


@pytest.mark.parametrize(
    ("story", "speaker", "kind"),
    [
        # a role in the headline is the person the story names with it
        (
            "Minister of Defense Park Jin-soo has said the dispute must end soon.",
            "Park Jin-soo",
            "person",
        ),
        # negative: a story that names no one in that role leaves an unnamed source
        (
            "Park Jin-soo, a former general, has said the dispute must end soon.",
            "Defense minister",
            "anonymous",
        ),
    ],
)
def test_a_headline_role_is_the_person_the_story_names(story: str, speaker: str, kind: str) -> None:
    text = f"Defense minister says ending the feud is the government's duty\n\n{story}"
    found = claim_speaker(text, 0)
    assert (found.name, found.kind) == (speaker, kind)


@pytest.mark.parametrize(
    ("named", "speaker"),
    [
        # a body named with its owner's long name keeps every word of it
        (
            "The Harbor Freedom Party’s Central Ethics Committee",
            "Harbor Freedom Party’s Central Ethics Committee",
        ),
        # negative: a headline's words above the story are no part of the name
        ("Vote Set.\n\nThe Harbor City Committee", "Harbor City Committee"),
    ],
)
def test_the_committee_is_the_body_named_before(named: str, speaker: str) -> None:
    text = f"{named} voted to expel Reid on Monday. The committee stressed that rules matter."
    assert claim_speaker(text, -1).name == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # a role with its own phrase, then a name set off by commas: the person named
        (
            "A delegate from the north, Kelly Marsh, said she was leaning toward Voss.",
            "Kelly Marsh",
            "delegate from the north",
        ),
        (
            "One delegate not on the harbor list, Kelly Marsh, said she would back Voss.",
            "Kelly Marsh",
            "One delegate not on the harbor list",
        ),
        # negative: a place set off after the role is no name
        (
            "A delegate from Fairview, Oregon, said she would back Voss.",
            "delegate from Fairview",
            "delegate",
        ),
    ],
)
def test_a_role_with_its_phrase_before_a_name(text: str, speaker: str, title: str) -> None:
    found = claim_speaker(text)
    assert (found.name, found.title) == (speaker, title)


def test_a_passive_participle_of_a_stance_verb_is_no_stance() -> None:
    # `offered by`: the delegates are offered, they offer nothing
    assert extract("The town hired all the experts offered by the firm in May.").claims == ()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a middle initial is part of a full name that a titled surname reads back to
        (
            "Donald J. Voss once defended the mayor.\n\n“The press is unfair,” Mr. Voss said.",
            "Donald J. Voss",
        ),
        # a run that opens inside an abbreviation names the person after it
        (
            "Former U.N. Ambassador Tom Reid spoke on Monday.\n\n“The treaty is dead,” Reid said.",
            "Tom Reid",
        ),
    ],
)
def test_names_with_initials_and_abbreviations(text: str, speaker: str) -> None:
    assert last_speaker(text)[0] == speaker


@pytest.mark.parametrize(
    ("pronoun", "speaker"),
    [
        # `she` is not the man named last: the woman who spoke before
        ("she", "Lena Voss"),
        # negative: `he` is
        ("he", "George Reid"),
    ],
)
def test_a_pronoun_is_no_one_of_the_other_gender(pronoun: str, speaker: str) -> None:
    text = (
        "“The first line of defense is the town,” said former mayor Lena Voss, who praised "
        "former governor George Reid for reaching out.\n\n"
        "Voss, the front-runner, was critical of the man leading the race.\n\n"
        f"“I worry greatly about the rhetoric,” {pronoun} said."
    )
    assert last_speaker(text)[0] == speaker


# --- a title's field after `of`, before a full name (1.14.0) -------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # a Korean name after the field: the field is the title's, the name the speaker's
        (
            "Minister of Trade Park Jin-soo said the port would reopen.",
            "Park Jin-soo",
            "Minister of Trade",
        ),
        (
            "Vice Minister of Finance Lee Eun-ji said the levy would pass.",
            "Lee Eun-ji",
            "Vice Minister of Finance",
        ),
        # a known first name after the field
        ("Governor of Ohio Greg Reid said the port would reopen.", "Greg Reid", "Governor of Ohio"),
        # negative: no title before `of`, the person of whom the role is said speaks
        (
            "A friend of Park Jin-soo said the port would reopen.",
            "friend of Park Jin-soo",
            "friend",
        ),
    ],
)
def test_a_title_field_after_of_before_a_full_name(text: str, name: str, title: str) -> None:
    speaker = claim_speaker("Harbor news\n\n" + text)
    assert (speaker.name, speaker.title) == (name, title)


@pytest.mark.parametrize(
    ("tag", "speaker"),
    [
        ("Minister of Trade Park Jin-soo told reporters", "Park Jin-soo"),
        ("said Governor of Ohio Greg Reid", "Greg Reid"),
    ],
)
def test_a_quote_tagged_with_a_title_field_after_of(tag: str, speaker: str) -> None:
    assert last_speaker(f"Harbor news\n\n“We are ready,” {tag}.")[0] == speaker


@pytest.mark.parametrize(
    ("opening", "role", "name"),
    [
        (
            "An official at the Ministry of Trade said",
            "official",
            "official at the Ministry of Trade",
        ),
        ("An official at the trade ministry said", "official", "official at the trade ministry"),
        ("A senior official said", "official", "senior official"),
        # the body is no part of the name where a noun in lower case or a possessive goes on
        ("A member of Harbor Party leadership said", "member", "member"),
        ("A partner at Mr. Reid's firm said", "partner", "partner"),
    ],
)
def test_an_unnamed_source_introduced_by_a_claim_is_the_one_a_later_quote_points_back_to(
    opening: str, role: str, name: str
) -> None:
    result = extract(
        f"Harbor news\n\n{opening} the port would reopen.\n\n"
        f"“We are watching closely,” the {role} said."
    )
    (claim,) = result.claims
    (quote,) = result.quotes
    assert claim.speaker is not None
    assert quote.speaker is not None
    assert quote.speaker.key == claim.speaker.key
    assert quote.speaker.name == name


def test_a_later_quote_points_back_to_the_source_of_its_own_role() -> None:
    # negative: the lawmaker introduced after the official is whom `the lawmaker` means
    result = extract(
        "Harbor news\n\nAn official at the Ministry of Trade said the port would reopen. "
        "A lawmaker said the vote would fail.\n\n“We are watching closely,” the lawmaker said."
    )
    official, lawmaker = result.claims
    (quote,) = result.quotes
    assert quote.speaker is not None
    assert lawmaker.speaker is not None
    assert official.speaker is not None
    assert quote.speaker.key == lawmaker.speaker.key != official.speaker.key


@pytest.mark.parametrize(
    ("subject", "name", "kind"),
    [
        # a titled owner's body after a preposition: the person it is said of speaks
        ("A partner at Mr. Reid's firm", "partner", "anonymous"),
        ("An aide at Sen. Voss's office", "aide", "anonymous"),
        # negative: the body itself, as the subject
        ("Mr. Reid's firm", "Reid's firm", "organization"),
    ],
)
def test_the_subject_before_a_titled_owners_body(subject: str, name: str, kind: str) -> None:
    speaker = claim_speaker(f"Harbor news\n\n{subject} said the port would reopen.")
    assert (speaker.name, speaker.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # `the` and a title's office, then the name set off: the person named
        ("The Minister of Trade, Park Jin-soo, said the port would reopen.", "Park Jin-soo"),
        ("“We are ready,” said the Secretary of State, Greg Reid.", "Greg Reid"),
        ("“We are ready,” the Minister of Trade, Park Jin-soo, told reporters.", "Park Jin-soo"),
        # negative: a body's name with `of` stays the body
        ("“We are ready,” said the Bank of Harbor City.", "Bank of Harbor City"),
        ("The Bank of Harbor City said rates would rise.", "Bank of Harbor City"),
    ],
)
def test_the_office_of_a_title_before_a_name_set_off(text: str, speaker: str) -> None:
    found = only_speaker(text)
    assert found.name == speaker


def test_the_office_of_a_title_alone_is_a_person_not_a_body() -> None:
    speaker = claim_speaker("Harbor news\n\nThe Minister of Trade said the port would reopen.")
    assert speaker.kind == "anonymous"


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        # no one named before: the person a description with `the` makes the subject
        ("The former governor, who is weighing a bid, said he would decide.", "former governor"),
        # negative: someone named before, whom the description is mostly an epithet of
        ("Tom Reid met donors on Monday. The former governor said he would decide.", "Tom Reid"),
    ],
)
def test_he_after_a_description_with_the_that_opens_a_sentence(opening: str, speaker: str) -> None:
    result = extract(f"Harbor news\n\n{opening}\n\n“I need to talk to my family first,” he said.")
    (quote,) = result.quotes
    assert quote.speaker is not None
    assert quote.speaker.name == speaker
    if speaker == "former governor":  # the claim's subject is the same unnamed person
        (claim,) = result.claims
        assert claim.speaker is not None
        assert claim.speaker.key == quote.speaker.key


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # `and` inside a title's field, or a body's, after `of`
        (
            "Minister of Economy and Finance Choi Sang-mok said the levy would pass.",
            "Choi Sang-mok",
            "person",
        ),
        (
            "“It will pass,” said Minister of Economy and Finance Choi Sang-mok.",
            "Choi Sang-mok",
            "person",
        ),
        (
            "The Ministry of Economy and Finance said the levy would pass.",
            "Ministry of Economy and Finance",
            "organization",
        ),
        # negative: `and` between two people
        ("Bill and Hillary Voss said the levy would pass.", "Hillary Voss", "person"),
        (
            "A study by Tom Reid of the University of Harbor and Professor Lena Voss "
            "concluded that it works.",
            "Lena Voss",
            "person",
        ),
    ],
)
def test_and_inside_the_field_of_a_title_or_a_body(text: str, speaker: str, kind: str) -> None:
    found = only_speaker(text)
    assert (found.name, found.kind) == (speaker, kind)


# --- 1.15.0 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # the period of `Jr.` or `Sr.` closes a name, not the sentence, before the verb
        ("Vice Mayor Tom R. Reid Jr. said the port would close.", "Tom R. Reid Jr", "Vice Mayor"),
        ("Tom Reid Sr. told reporters the port would close.", "Tom Reid Sr", None),
        ("Tom Reid Jr., the mayor, said the port would close.", "Tom Reid Jr", "mayor"),
        ("Tom Reid Jr. said, “The port will close.”", "Tom Reid Jr", None),
        ("“The port will close,” Tom Reid Jr. said.", "Tom Reid Jr", None),
        ("“The port will close,” Tom Reid Jr., the mayor, said.", "Tom Reid Jr", "mayor"),
        # negative: a suffix that ends a sentence leaves the next sentence its own subject
        ("The council met Tom Reid Jr. Lena Park said the port would close.", "Lena Park", None),
        ("“The port will close,” said Tom Reid Jr. Lena Park agreed.", "Tom Reid Jr", None),
    ],
)
def test_a_name_suffix_with_a_period_before_the_verb(
    text: str, speaker: str, title: str | None
) -> None:
    found = only_speaker(text)
    assert (found.name, found.title) == (speaker, title)


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # commas set off the items of a title's field after `of`, up to its `and`
        (
            "Minister of Land, Infrastructure and Transport Park Sang-woo said the line would "
            "open in May.",
            "Park Sang-woo",
            "Minister of Land, Infrastructure and Transport",
        ),
        (
            "“The line will open,” said Minister of Land, Infrastructure and Transport Park "
            "Sang-woo.",
            "Park Sang-woo",
            "Minister of Land, Infrastructure and Transport",
        ),
        (
            "“Exports will rise,” Minister of Trade, Industry, and Energy Ahn Duk-geun told "
            "reporters.",
            "Ahn Duk-geun",
            "Minister of Trade, Industry, and Energy",
        ),
        # negative: a comma after a place sets off a name, not a field's item
        (
            "The mayor of Ames, Tom Reid, said the line would open in May.",
            "Tom Reid",
            "mayor of Ames",
        ),
    ],
)
def test_commas_inside_the_field_of_a_title(text: str, speaker: str, title: str) -> None:
    found = only_speaker(text)
    assert (found.name, found.title) == (speaker, title)


def test_a_body_with_commas_in_its_field_is_one_name() -> None:
    speaker = claim_speaker(
        "Harbor news\n\nThe Ministry of Land, Infrastructure and Transport said the line would "
        "open in May."
    )
    assert (speaker.name, speaker.kind) == (
        "Ministry of Land, Infrastructure and Transport",
        "organization",
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a role in lower case right before the name, with what modifies it, is the title
        (
            "Democratic Party leader Lee Jae-myung said the bill would pass.",
            "Democratic Party leader",
        ),
        (
            "White House press secretary Tom Reid said the bill would pass.",
            "White House press secretary",
        ),
        ("Harbor news\n\ncampaign manager Tom Reid said the bill would pass.", "campaign manager"),
        # negative: the words before the role are another clause's (a verb, a preposition)
        (
            "The court ruled against Harbor Party spokesman Tom Reid, who said the levy would go.",
            "Harbor Party spokesman",
        ),
        ("On Tuesday Tom Reid said the bill would pass.", None),
    ],
)
def test_a_role_in_lower_case_before_a_name_is_its_title(text: str, title: str | None) -> None:
    speaker = claim_speaker(f"Harbor news\n\n{text}")
    assert speaker.name in {"Lee Jae-myung", "Tom Reid"}
    assert speaker.title == title


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # a role that reported speech reads, with its own phrase, then a name set off: the name
        (
            "A partner at the firm, Tom Ames, said the deal was legal.",
            "Tom Ames",
            "partner at the firm",
        ),
        (
            "A partner at Mr. Reid's firm, Tom Ames, said the deal was legal.",
            "Tom Ames",
            "partner at Mr. Reid's firm",
        ),
        (
            "“The deal was legal,” a partner at Mr. Reid's firm, Tom Ames, said.",
            "Tom Ames",
            "partner at Mr. Reid's firm",
        ),
        (
            "One of the authors of the report, Tom Ames, said the levy would fail.",
            "Tom Ames",
            "authors of the report",
        ),
        # negative: a firm's name set off after the role is no person
        ("A partner at the firm, Harbor Capital, said the levy would fail.", "partner", "partner"),
    ],
)
def test_a_name_set_off_after_a_role_with_its_phrase(
    text: str, speaker: str, title: str | None
) -> None:
    found = only_speaker(text)
    assert (found.name, found.title) == (speaker, title)


@pytest.mark.parametrize("dash", ["--", "—"])
@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # `--` sets off an appositive or a relative clause as a dash does
        (
            "Tom Reid DASH a teacher from Ames DASH said the levy would fail.",
            "Tom Reid",
            "teacher from Ames",
        ),
        (
            "The judge DASH who met the mayor DASH said she regretted her remarks.",
            "judge",
            "judge",
        ),
        # negative: an aside that names no role gives no title
        (
            "Tom Reid DASH mentioned by many as a rival DASH said the levy would fail.",
            "Tom Reid",
            None,
        ),
    ],
)
def test_two_hyphens_set_off_a_subjects_appositive(
    dash: str, text: str, speaker: str, title: str | None
) -> None:
    result = extract("Harbor news\n\n" + text.replace("DASH", dash))
    (claim,) = result.claims
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.title) == (speaker, title)


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # a title, a person's full name, then `of` and a place: the person speaks
        ("“We will win,” said Senator Tom Reid of Ohio.", "Tom Reid", "Senator"),
        ("“We will win,” Sen. Tom Reid of Ohio said.", "Tom Reid", "Sen."),
        (
            "“We will win,” said Gov. Lena Park of New Mexico, referring to the vote.",
            "Lena Park",
            "Gov.",
        ),
        # negative: `of` inside a title, before the name
        ("“We will win,” said Secretary of State Tom Reid.", "Tom Reid", "Secretary of State"),
        (
            "“We will win,” said Minister of Trade Park Jin-soo.",
            "Park Jin-soo",
            "Minister of Trade",
        ),
    ],
)
def test_a_titled_name_of_a_place_is_the_person(text: str, speaker: str, title: str) -> None:
    statements = [*extract(f"Harbor news\n\n{text}").quotes]
    assert [(s.speaker.name, s.speaker.title) for s in statements if s.speaker] == [
        (speaker, title)
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # a party tag set off after a titled name keeps the title
        (
            "House Speaker Tom Reid, R-Wis., told reporters the bill would pass.",
            "Tom Reid",
            "House Speaker",
        ),
        ("“It will pass,” House Speaker Tom Reid, R-Wis., said.", "Tom Reid", "House Speaker"),
        ("Tom Reid, R-Wis., told reporters the bill would pass.", "Tom Reid", "R-Wis."),
        # a role that ends in a place, then a person's name set off: the person
        (
            "The senator from Ohio, Tom Reid, said the vote would be held Friday.",
            "Tom Reid",
            "senator from Ohio",
        ),
        ("“It will pass,” the senator from Ohio, Tom Reid, said.", "Tom Reid", "senator from Ohio"),
        # an aside after the appositive is no part of the title
        (
            "“We are done,” said Tom Reid, the chief executive of Harbor Steel, in an interview.",
            "Tom Reid",
            "chief executive of Harbor Steel",
        ),
    ],
)
def test_titles_past_party_tags_places_and_asides(text: str, speaker: str, title: str) -> None:
    found = only_speaker(text)
    assert (found.name, found.title) == (speaker, title)


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # a role, a preposition and a place, after a quote: an unnamed person of that place
        ("“It will pass,” a resident of Ames, Iowa, said.", "resident of Ames", "anonymous"),
        (
            "“It will pass,” said the former secretary of Defense.",
            "former secretary of Defense",
            "anonymous",
        ),
        # negative: a role, then the person's name
        ("“It will pass,” said her attorney Park Ji-hoon.", "Park Ji-hoon", "person"),
    ],
)
def test_a_role_of_a_place_after_a_quote_is_no_name(text: str, speaker: str, kind: str) -> None:
    (quote,) = extract(f"Harbor news\n\n{text}").quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind) == (speaker, kind)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a role and its field in lower case (`chief of staff`), then the name: the title
        (
            "Presidential chief of staff Chung Jin-suk said the summit would go ahead.",
            "Presidential chief of staff",
        ),
        (
            "“The summit will go ahead,” presidential chief of staff Chung Jin-suk said.",
            "presidential chief of staff",
        ),
        ("“The summit will go ahead,” said the chief of staff Chung Jin-suk.", "chief of staff"),
        # negative: a title's office and a name set off after it
        (
            "“The summit will go ahead,” said the Minister of Trade, Chung Jin-suk.",
            "Minister of Trade",
        ),
    ],
)
def test_a_role_with_its_field_in_lower_case_before_a_name(text: str, title: str) -> None:
    found = only_speaker(text)
    assert (found.name, found.title) == ("Chung Jin-suk", title)


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # a body's name, a title, then a person's name: the person, titled with the rest
        (
            "“Rates will hold,” said Bank of Korea Governor Rhee Chang-yong.",
            "Rhee Chang-yong",
            "Bank of Korea Governor",
        ),
        (
            "Bank of Korea Governor Rhee Chang-yong said rates would hold.",
            "Rhee Chang-yong",
            "Bank of Korea Governor",
        ),
        # a party with its modifiers after `of` belongs to the name before it
        (
            "Rep. Lee Jae-myung of the main opposition Democratic Party said the bill was unfair.",
            "Lee Jae-myung",
            "Rep.",
        ),
        # negative: the body alone speaks as a body
        ("The Bank of Korea said rates would hold.", "Bank of Korea", None),
        (
            "The main opposition Democratic Party said the budget was unfair.",
            "Democratic Party",
            None,
        ),
    ],
)
def test_a_head_of_a_body_and_a_member_of_a_party(
    text: str, speaker: str, title: str | None
) -> None:
    found = only_speaker(text)
    assert (found.name, found.title) == (speaker, title)


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        # an office's field after `of` names no body
        ("Minister of Economy and Finance Choi Sang-mok said the levy would pass.", None),
        # negative: a body or a place after `of` is the affiliation
        (
            "Tom Reid, director of the Korea Development Institute, said rates would hold.",
            "Korea Development Institute",
        ),
        ("Tom Reid, a Republican of South Carolina, said rates would hold.", "South Carolina"),
    ],
)
def test_the_field_of_an_office_is_no_affiliation(text: str, affiliation: str | None) -> None:
    assert claim_speaker(f"Harbor news\n\n{text}").affiliation == affiliation


# --- 1.16.0 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # an abbreviated title stands outside the run of names, yet says what the person is
        (
            "Sen. Dana Whitfield toured the port.\n\n“We will fund it,” the senator said.",
            "Dana Whitfield",
        ),
        (
            "Lt. Gen. Kim Tae-ho inspected the base.\n\n“We are ready,” the general said.",
            "Kim Tae-ho",
        ),
        (
            "Rep. Ahn Mi-rae met the farmers.\n\n“The bill will pass,” the lawmaker said.",
            "Ahn Mi-rae",
        ),
        # so does a role noun in lower case before the name
        (
            "Democratic strategist Joe Varga expects a close race.\n\n"
            "“It comes down to turnout,” the strategist said.",
            "Joe Varga",
        ),
        (
            "Former prosecutor Han Do-yun met reporters.\n\n"
            "“I have no regrets,” the prosecutor said.",
            "Han Do-yun",
        ),
        # negative: a role the person does not hold points to nobody named
        (
            "Sen. Dana Whitfield toured the port.\n\n“We will fund it,” the governor said.",
            "governor",
        ),
        (
            "Lawyer Joe Varga expects a close race.\n\n"
            "“It comes down to turnout,” the strategist said.",
            "strategist",
        ),
        # negative: a word before the name that is no role (`of`, `with`) describes no one
        (
            "A friend of Joe Varga expects a close race.\n\n"
            "“It comes down to turnout,” the strategist said.",
            "strategist",
        ),
    ],
)
def test_a_role_before_the_run_of_names_points_back(body: str, speaker: str) -> None:
    assert story_speaker(body) == speaker


def test_a_role_before_a_name_named_long_ago_points_back_to_nobody() -> None:
    """`Recall Sen. Ana Ruiz ...` in an aside, then paragraphs on others: `the senator` of a
    later quote is not Ruiz, whose name the story left."""
    filler = "The harbor board met again on Tuesday and heard from residents. " * 14
    text = (
        f"Harbor news\n\nRecall how Sen. Ana Ruiz lost her seat.\n\n{filler}\n\n"
        "“We will fund it,” the senator said."
    )
    assert last_speaker(text) == ("senator", "anonymous")
    near = (
        "Harbor news\n\nRecall how Sen. Ana Ruiz won her seat.\n\n"
        "“We will fund it,” the senator said."
    )
    assert last_speaker(near) == ("Ana Ruiz", "person")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a body's name that goes on after its head with `of` is the body `the ministry` means
        (
            "The Ministry of Oceans and Fisheries signed the deal.\n\n"
            "“It will create jobs,” the ministry said.",
            "Ministry of Oceans and Fisheries",
        ),
        (
            "The Harbor Policy Institute of Ardmore ran the poll.\n\n"
            "“Support is falling,” the institute said.",
            "Harbor Policy Institute of Ardmore",
        ),
        # a day after the name is no part of it
        (
            "The Ministry of Oceans and Fisheries on Monday signed the deal.\n\n"
            "“It will create jobs,” the ministry said.",
            "Ministry of Oceans and Fisheries",
        ),
        (
            "The Ministry of Oceans and Fisheries Thursday signed the deal.\n\n"
            "“It will create jobs,” the ministry said.",
            "Ministry of Oceans and Fisheries",
        ),
        # negative: a body named with another head is not `the ministry`
        (
            "The Bureau of Ports and Fisheries signed the deal.\n\n“It will create jobs,” the "
            "ministry said.",
            "ministry",
        ),
    ],
)
def test_the_body_named_before_with_its_field(body: str, speaker: str) -> None:
    assert story_speaker(body) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # `the company`, `the firm`: the company last named with a company's suffix
        (
            "Hanbit Steel Co. said on Monday it would cut 300 jobs.\n\n"
            "“We had no choice,” the company said.",
            "Hanbit Steel Co.",
        ),
        (
            "Ardmore Holdings Inc. bought the port.\n\n“It is a good fit,” the firm said.",
            "Ardmore Holdings Inc.",
        ),
        # negative: a name without a suffix, or one inside a quote, says no company
        (
            "Hanbit Steel said on Monday it would cut 300 jobs.\n\n"
            "“We had no choice,” the company said.",
            "company",
        ),
        (
            "“We will never sell to Ardmore Holdings Inc.,” the mayor said.\n\n"
            "“It is a good fit,” the firm said.",
            "firm",
        ),
    ],
)
def test_the_company_points_back_to_a_name_with_a_company_suffix(body: str, speaker: str) -> None:
    assert story_speaker(body) == speaker


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        # common first names of the census lists: `she` can mean Lena, `he` Dustin
        ("Lena Park", "f"),
        ("Carly Voss", "f"),
        ("Dustin Reid", "m"),
        # negative: a name given to both sexes, or a surname standing alone, says no gender
        ("Jessie Park", None),
        ("Reid", None),
    ],
)
def test_gender_of_a_first_name(name: str, gender: str | None) -> None:
    assert gender_of(name, None) == gender


def test_she_is_the_woman_the_census_names_not_the_man_who_spoke() -> None:
    text = (
        "Harbor fight\n\nMayor Tom Reid and council member Lena Voss clashed over the levy.\n\n"
        "Reid said the levy would repair the docks. Voss disagreed. She said residents could "
        "not afford it.\n\n“We will not back down,” he said later."
    )
    result = extract(text)
    assert [claim.speaker.name for claim in result.claims if claim.speaker] == [
        "Tom Reid",
        "Lena Voss",
    ]
    assert result.quotes[-1].speaker is not None
    assert result.quotes[-1].speaker.name == "Tom Reid"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a person's title before a known first name: a person, though `Guardian` names papers
        ("“We will rebuild,” said Harbor City Mayor Don Guardian.", "person"),
        # negative: with no title the word of a body decides
        ("“We will rebuild,” said the Harbor Guardian.", "organization"),
    ],
)
def test_a_titled_first_name_makes_a_person_of_an_organisation_word(text: str, kind: str) -> None:
    assert last_speaker(f"Harbor news\n\n{text}")[1] == kind


@pytest.mark.parametrize(
    ("body", "speaker", "kind"),
    [
        # `his campaign`: the body of the man the paragraph names, named after him
        (
            "Tom Reid toured the port on Monday, and his campaign said he would win.",
            "Tom Reid's campaign",
            "organization",
        ),
        (
            "The Ardmore Council met on Monday. Its office said the levy would pass.",
            "Ardmore Council's office",
            "organization",
        ),
        # negative: an owner of the other gender, or none the paragraph names, gives an
        # unnamed source of this article only
        (
            "Lena Voss toured the port on Monday, and his campaign said the levy would pass.",
            "his campaign",
            "anonymous",
        ),
        (
            "Voters waited for hours.\n\nHis campaign said the levy would pass.",
            "His campaign",
            "anonymous",
        ),
    ],
)
def test_a_possessive_body_is_named_after_its_owner(body: str, speaker: str, kind: str) -> None:
    (claim,) = [
        c for c in extract(f"Harbor news\n\n{body}").claims if "levy" in c.text or "win" in c.text
    ]
    assert claim.speaker is not None
    assert (claim.speaker.name, claim.speaker.kind) == (speaker, kind)
    # an unnamed source is its article's alone, never one organisation every article shares
    assert claim.speaker.key.startswith("anonymous:") == (kind == "anonymous")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a capitalised modifier must agree with the speaker `the ... campaign` points back to
        (
            "Tom Reid's campaign said the levy would pass.\n\n"
            "The Voss campaign declined to comment on the levy.",
            "Voss campaign",
        ),
        # negative: with no modifier, the campaign that spoke last
        (
            "Tom Reid's campaign said the levy would pass.\n\n"
            "The campaign declined to comment on the port.",
            "Tom Reid's campaign",
        ),
    ],
)
def test_a_named_modifier_keeps_a_description_from_another_speaker(body: str, speaker: str) -> None:
    claim = extract(f"Harbor news\n\n{body}").claims[-1]
    assert claim.speaker is not None
    assert claim.speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # `the 61-year-old`: the person named with that age after the name
        (
            "Lena Voss, 61, runs the port.\n\n“We will stay open,” the 61-year-old said.",
            "Lena Voss",
        ),
        (
            "Kim Min-su (45) was arrested.\n\n“I did nothing wrong,” the 45-year-old said.",
            "Kim Min-su",
        ),
        (
            "Lena Voss, 61, runs the port.\n\n“We will stay open,” the 61-year-old mayor said.",
            "Lena Voss",
        ),
        # negative: another age points to nobody named
        (
            "Lena Voss, 61, runs the port.\n\n“We will stay open,” the 52-year-old said.",
            "52-year-old",
        ),
    ],
)
def test_an_age_points_back_to_the_person_of_that_age(body: str, speaker: str) -> None:
    assert story_speaker(body) == speaker


def test_the_second_official_is_the_second_introduced() -> None:
    """`A ministry official said ... Another official said ... “Q,” the second official said`:
    the source of the second introduction, not the one that spoke last."""
    text = (
        "Harbor news\n\nA ministry official said a deal could come within weeks. Another "
        "official, who is involved in the talks, said the port had not agreed.\n\n"
        "A council member said the vote was set.\n\n“That is the last hurdle,” the second "
        "official said."
    )
    result = extract(text)
    second = next(c.speaker for c in result.claims if "port had not" in c.text)
    quote = result.quotes[-1].speaker
    assert second is not None
    assert quote is not None
    assert quote.key == second.key
    # negative: with one introduction only, `the second official` names no one introduced
    alone = (
        "Harbor news\n\nA ministry official said a deal was near.\n\n"
        "“Q is near,” the second official said."
    )
    first = extract(alone).claims[0].speaker
    assert first is not None
    assert extract(alone).quotes[-1].speaker != first


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        # the titles of state and city lawmakers
        ("Assemblyman Rick Voss said the bill would pass.", "Rick Voss", "Assemblyman"),
        (
            "Harbor City Alderman Ana Ruiz said the bill would pass.",
            "Ana Ruiz",
            "Harbor City Alderman",
        ),
        # a role with a body in lower case and capitals before a name set off: the person
        (
            "A spokeswoman for the state Department of Ports, Janet Liu, said the bill would pass.",
            "Janet Liu",
            "spokeswoman for the state Department of Ports",
        ),
        # negative: a body with no role before it stays the subject
        ("The state Department of Ports said the bill would pass.", "Department of Ports", None),
    ],
)
def test_lawmakers_titles_and_a_role_of_a_body_in_lower_case(
    text: str, speaker: str, title: str | None
) -> None:
    found = only_speaker(text)
    assert (found.name, found.title) == (speaker, title)


def test_the_58_year_old_speaks_before_a_cue() -> None:
    """`The 58-year-old added that ...`: a person described by age is a subject that speaks."""
    text = (
        "Harbor news\n\nDave Voss, 58, farms almonds.\n\n"
        "The 58-year-old added that the rules were fair."
    )
    (claim,) = extract(text).claims
    assert claim.speaker is not None
    assert claim.speaker.name == "Dave Voss"
    # negative: `the 58-year-old law` is no person
    assert extract("Harbor news\n\nThe 58-year-old law added that rules were fair.").claims == ()


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # every word of the role must agree: the prime minister is no defense minister
        (
            "Defense Minister Shin Do-yun offered to resign. “I am sorry,” the minister said.\n\n"
            "Prime Minister Han Mi-rae accepted. “It was right,” the prime minister said.",
            "Han Mi-rae",
        ),
        # a role of two words before a name: `First lady X` is `the first lady`
        (
            "First lady Kim Soo-ah visited a shelter.\n\n“Every life counts,” the first lady said.",
            "Kim Soo-ah",
        ),
        # negative: the defense minister is still the minister who spoke
        (
            "Defense Minister Shin Do-yun offered to resign. “I am sorry,” the minister said.\n\n"
            "“It was right,” the defense minister said.",
            "Shin Do-yun",
        ),
    ],
)
def test_every_word_of_a_role_agrees(body: str, speaker: str) -> None:
    assert story_speaker(body) == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an introduction is read within a line: the headline or the paragraph before is no
        # part of the speaker's name
        (
            "Harbor\n\nVoss's spokesman said the port would close.\n\n"
            "“We agree,” the spokesman said.",
            "Voss's spokesman",
        ),
        (
            "Harbor news\n\nThe board met a white police officer.\xa0\n"
            "“The port will close,” the town said.",
            "town",
        ),
    ],
)
def test_no_speaker_name_reaches_over_a_line_break(text: str, name: str) -> None:
    result = extract(text)
    speakers = [s.speaker for s in (*result.quotes, *result.claims) if s.speaker is not None]
    assert all("\n" not in speaker.name for speaker in speakers)
    assert result.quotes[-1].speaker is not None
    assert result.quotes[-1].speaker.name == name
