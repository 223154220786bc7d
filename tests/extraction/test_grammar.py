"""Golden tables for the grammar the rules read (quotes/extraction/grammar.py): noun phrases read
backwards from a verb or forwards after a quote, and the subject of the speech verb that governs
a quote. Made-up sentences; each table has negative cases."""

import pytest

from quotes.extraction.grammar import (
    Tokens,
    phrase_after,
    phrase_before,
    possessive_antecedent,
    sentence_subject,
    share_subject,
    subject_of_last_cue,
)
from quotes.extraction.types import Span


def tokens_of(text: str) -> Tokens:
    return Tokens(text, Span(0, len(text)))


def text_of(tokens: Tokens, first: int, last: int) -> str:
    return tokens.slice_text(first, last)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("U.S. and U.N.A. envoys", ["U.S.", "and", "U.N.A.", "envoys"]),
        ("Donald J. Voss", ["Donald", "J.", "Voss"]),
        # an initial is one only before a capital
        ("plan B. then", ["plan", "B", ".", "then"]),
        ("J.voss", ["J", ".", "voss"]),
        ("U.S", ["U", ".", "S"]),
        # a word goes on over apostrophes and hyphens between letters, not over a dash
        (
            "don't, Voss’s so-called Kim Jong--un",
            ["don't", ",", "Voss’s", "so-called", "Kim", "Jong--un"],
        ),
        ("well-- no", ["well", "-", "-", "no"]),
        ("rock 'n' roll", ["rock", "'", "n", "'", "roll"]),
        # UTF-8 read as Latin-1, once and twice over; combining accents
        ("FranÃ§ois and FranÃ\x83Â§ois", ["FranÃ§ois", "and", "FranÃ\x83Â§ois"]),
        ("cafe\u0301s e\u0302\xa9t", ["cafe\u0301s", "e\u0302\xa9t"]),
        # a byte of Latin-1 after any other letter stops the word
        ("x\xa9y", ["x", "\xa9", "y"]),
        # a no-break space or a next-line read after `Â` or `Ã` is white space, not a byte
        ("said\xa0Â\xa0Lena Ã\x85Park", ["said", "Â", "Lena", "Ã", "Park"]),
        ("e\u0302\xa0t", ["e\u0302", "t"]),
        ("“Yes,” she said (twice).", ["“", "Yes", ",", "”", "she", "said", "(", "twice", ")", "."]),
        ("under_score 3rd\xa0place", ["under_score", "3rd", "place"]),
    ],
)
def test_tokens_golden(text: str, words: list[str]) -> None:
    tokens = tokens_of(text)
    assert tokens.words == words
    assert all(
        text.startswith(word, start) for start, word in zip(tokens.starts, words, strict=True)
    )


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Baek Ha-jun", "Baek Ha-jun", "name"),
        ("President Baek Ha-jun", "Baek Ha-jun", "name"),
        ("a senior White House official", "a senior White House official", "description"),
        ("the Korea Herald", "the Korea Herald", "org"),
        ("he", "he", "pronoun"),
        ("Wi Seong-rak, a former negotiator,", "Wi Seong-rak", "name"),
        ("Workers and students", "Workers and students", "description"),
        # Not one group: a verb before the plural, a singular or a name in the pair.
        ("Police arrested workers and students", "students", "description"),
        ("Protesters and Kim", "Kim", "name"),
        # a determiner before the first plural covers both; a bare plural of people with a modifier
        ("Her advisers and allies", "Her advisers and allies", "description"),
        ("Farm fuel advocates", "Farm fuel advocates", "description"),
        # negative: a singular first noun makes no group
        ("The mayor and students", "students", "description"),
        # ages, party and state abbreviations, hyphenated nouns
        ("Jane Roe, 31, a freelance photographer,", "Jane Roe", "name"),
        ("Sen. Tam Varga, R-Ky.,", "Tam Varga", "name"),
        ("the front-runner", "the front-runner", "description"),
        # organisations whose names hold `for` or a possessive
        ("the Center for Strategic Studies", "the Center for Strategic Studies", "org"),
        ("The People’s Coalition for Fair Trade", "The People’s Coalition for Fair Trade", "org"),
        # but `for` after a role noun starts its affiliation
        ("a spokesman for Lee Jae-won", "a spokesman for Lee Jae-won", "description"),
        # a role noun and the field it holds, `of` and lower-case words with no determiner
        ("the secretary of state", "the secretary of state", "description"),
        ("The minister of foreign affairs", "The minister of foreign affairs", "description"),
        ("her chief of staff", "her chief of staff", "description"),
    ],
)
def test_phrase_before_a_verb(text: str, phrase: str, kind: str) -> None:
    tokens = tokens_of(text)
    found = phrase_before(tokens, len(tokens) - 1, 0)
    assert found is not None
    assert text_of(tokens, found.first, found.last) == phrase
    assert found.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "the weather was",
        "very quickly",
        "yesterday",
        # negative: `of` and a field after a noun that names no role
        "the price of oil",
        # a comma and `and` open a second clause: no appositive set off after `The council met`
        "The council met, and the ferry,",
    ],
)
def test_no_phrase_that_can_speak_before_these_words(text: str) -> None:
    tokens = tokens_of(text)
    assert phrase_before(tokens, len(tokens) - 1, 0) is None


@pytest.mark.parametrize(
    ("text", "phrase", "title"),
    [
        ("Mara Voss, as the mayor,", "Mara Voss", "as the mayor"),
        ("The council, the ferry board,", "The council", "the ferry board"),
    ],
)
def test_phrase_before_an_appositive(text: str, phrase: str, title: str) -> None:
    tokens = tokens_of(text)
    found = phrase_before(tokens, len(tokens) - 1, 0)
    assert found is not None
    assert (text_of(tokens, found.first, found.last), found.title) == (phrase, title)


@pytest.mark.parametrize(
    ("text", "phrase", "title"),
    [
        ("Shin Beom-chul, director of the Center.", "Shin Beom-chul", "director of the Center"),
        ("her attorney Lee Min-seo.", "Lee Min-seo", "attorney"),
        ("a Nevada Democrat.", "a Nevada Democrat", None),
        ("Sung Kim, acting assistant secretary of state.", "Sung Kim", None),
        ("politicians and media commentators as", "politicians and media commentators", None),
        ("residents and the mayor.", "residents", None),
        # a description that introduces a name: the name speaks, the description is its title
        ("another friend, Mariam Lee told", "Mariam Lee", "another friend"),
        ("the ministry, Seoul.", "the ministry", None),
        # a singular head noun, then its verb
        ("The group seeks new members", "The group", None),
        ("The group members", "The group members", None),
        # an irregular past verb ends the phrase
        ("The first incident came as", "The first incident", None),
    ],
)
def test_phrase_after_a_cue(text: str, phrase: str, title: str | None) -> None:
    tokens = tokens_of(text)
    found = phrase_after(tokens, 0, len(tokens))
    assert found is not None
    assert text_of(tokens, found.first, found.last) == phrase
    if title is not None:
        assert found.title == title


@pytest.mark.parametrize("text", ["on Monday.", "and then left.", "“Q.”"])
def test_no_phrase_after_these_words(text: str) -> None:
    tokens = tokens_of(text)
    assert phrase_after(tokens, 0, len(tokens)) is None


@pytest.mark.parametrize(
    ("text", "subject", "verb"),
    [
        ("Baek said the summit would help to", "Baek", "said"),
        ("Kim told reporters on Monday that", "Kim", "told"),
        # the outermost source of nested reported speech
        ("Quist said that Varga once described it as", "Quist", "said"),
        # a subordinate clause's cue does not govern the main clause
        ("While he acknowledged the risk, Ham also noted", "Ham", "noted"),
        ("While not everything Roe says is true, Poe said Roe is", "Poe", "said"),
        # a passive's agent speaks
        ("The deal was praised by the mayor as", "the mayor", "praised"),
        # but the subject of a passive with no agent reports nothing: the inner cue speaks
        ("Roe was told that Doe had described the plan as", "Doe", "described"),
        # negative: an active cue's subject is the outermost source
        ("Roe told reporters that Doe had described the plan as", "Roe", "told"),
        # a relative pronoun that opens the quoting clause
        ("Tom Ferro, who declared in the lobby,", "who", "declared"),
        # a relative clause set off by a comma is a statement apart from the main clause's verb
        ("Voss praised Roe, who said the levy was", "who", "said"),
        # after a name, `who` opens a clause apart without its comma too
        ("Voss praised Tom Roe who said the levy was", "who", "said"),
        # a second `who` joined to the first shares its antecedent, a clause apart
        ("Voss praised Tom Roe, who chairs the board and who said the levy was", "who", "said"),
        # negative: with no earlier `who` in its sentence, the outer cue still speaks
        ("Roe left. Voss praised the crews and who said the levy was", "Voss", "praised"),
        # negative: without the comma too, inside a reported clause the outer cue speaks
        ("Voss recalled that crews were wary of Roe who wondered if", "Voss", "recalled"),
        # negative: inside a reported clause the outer cue still speaks
        ("Voss recalled that crews were wary of Roe, who wondered if", "Voss", "recalled"),
        # a pronoun after an object relative `who` is the embedded clause's subject
        ("Voss urged voters to defeat Roe, who he blasted as", "he", "blasted"),
        # the office or person whose statement or position speaks
        ("A statement from the presidential office said", "the presidential office", "said"),
        ("The formal position of the farm party says", "the farm party", "says"),
        # but not a report from an event, nor a speaker's words about a place
        ("A report from the meeting said", "A report", "said"),
        # a time phrase between the subject and its verb
        ("Renner has in the past voiced", "Renner", "voiced"),
        ("Kim in recent weeks said", "Kim", "said"),
        ("Quinn, who at times has voiced", "Quinn", "voiced"),
        # a city's comma inside a phrase interposed between subject and verb
        ("Roe, during a school board forum in Millbrook, Vermont, said", "Roe", "said"),
        # but the city's comma of the subject's own phrase
        (
            "After the vote, a teacher in Millbrook, Vermont, told",
            "a teacher in Millbrook",
            "told",
        ),
        # the city's comma before an abbreviated state
        ("Jane Roe, 31, of Harlow, Mich., said", "Jane Roe", "said"),
        ("After the vote, a teacher in Millbrook, Vt., told", "a teacher in Millbrook", "told"),
        ("The ministry less than three days ago said", "The ministry", "said"),
        # a reflexive pronoun that stresses the subject
        ("Jane Roe herself said on Tuesday that", "Jane Roe", "said"),
        # negative: a reflexive object leaves the participle to the subject
        ("The mayor prided himself on the plan, saying", "The mayor", "saying"),
        # emphatic `do`
        ("The mayor did say the plan was", "The mayor", "say"),
        ("The first protest came as a man shouting", "a man", "shouting"),
        ("The mayor of the city said", "The mayor", "said"),
        # an adjective after the head noun with its own prepositional phrase
        ("A city official familiar with the plan said", "A city official", "said"),
        ("A woman close to the mayor said", "A woman", "said"),
        # a chain of prepositional phrases after a person noun
        ("The deputy head of Ruritania’s mission to the fair said", "The deputy head", "said"),
        # negative: a chain after a noun that names no person keeps its last phrase
        ("A report of the panel to the council said", "the council", "said"),
        # a chain after a plural of people that opens the sentence in capitals
        ("Residents of the harbor district in Delmont said", "Residents", "said"),
        # the object of a relative clause is not the subject; the noun it describes is
        ("Groups that have endorsed Voss say", "Groups", "say"),
        ("Critics who met with the mayor said", "Critics", "said"),
        # negative: the relative clause's own subject speaks in it
        ("Few trust the plan that Voss says", "Voss", "says"),
        # negative: a thing the relative clause describes is no subject
        ("The levy that hurt the mayor says", "the mayor", "says"),
        # a speech verb used as a noun (`a pre-emptive attack`) is no cue; the participle is
        ("Lee mounted a sharp attack on the mayor, calling him", "Lee", "calling"),
        ("Lee sent out a call to supporters, asking them to", "Lee", "asking"),
        # a participle after the object of the clause's verb takes the clause's subject
        ("The senator greeted the crowd saying", "The senator", "saying"),
        ("Quinn started the meeting saying", "Quinn", "saying"),
        # a participle after a `when` clause belongs to that clause's subject
        (
            "The protest came at the pier, when harbor workers interrupted her, shouting",
            "harbor workers",
            "shouting",
        ),
        # negative: after a plain clause, the sentence's subject
        ("The mayor spoke for an hour at the pier, saying", "The mayor", "saying"),
        # a modal between the subject and its cue
        ("A spokesman for the mayor could only say", "A spokesman", "say"),
        # negative: a modal cue in the reported clause leaves the outermost cue
        ("The mayor said the board could claim", "The mayor", "said"),
        # `as X puts it`: the cue that reports with `it`
        (
            "As the Harbor Post’s Dana Marsh puts it, Voss is trying to make the board",
            "Dana Marsh",
            "puts",
        ),
        # the object of the verb before `to` is the subject of an infinitive cue
        ("The mayor invited Roe to say", "Roe", "say"),
        # negative: a preposition's object is not
        ("The mayor went to Delmont to say", "The mayor", "say"),
        # a participle after a clause that a comma and a coordinator open takes its subject
        (
            "Voss championed the ferry plan, yet talks faltered, and she has fought the board "
            "for months, once calling",
            "she",
            "calling",
        ),
        # negative: a coordinated verb with no subject of its own leaves the sentence's
        ("Voss championed the ferry plan and fought the board, once calling", "Voss", "calling"),
        # negative: a coordinated clause whose subject is a thing leaves the sentence's
        ("Voss championed the ferry plan, and talks faltered, once calling", "Voss", "calling"),
        # `with`, a subject and its participle: a clause of its own, whose subject speaks
        (
            "The storm sparked a debate over how the board responds to floods, with Senator "
            "Lena Voss telling reporters she viewed the mayor as",
            "Lena Voss",
            "telling",
        ),
        # negative: a participle after the object of `with` takes the sentence's subject
        ("The board met with Lena Voss, telling her the plan was", "The board", "telling"),
        # a subordinate clause after an opening phrase's comma is no main clause either
        (
            "On Monday night, once the Voss interview concluded, Brandt stated that",
            "Brandt",
            "stated",
        ),
        # a subordinate clause after the main verb holds the quote in its own cue's clause
        ("Brandt tweeted after Lena Voss argued that", "Lena Voss", "argued"),
        # negative: `after` as a preposition opens no clause
        ("Brandt said after the vote that", "Brandt", "said"),
        # and over a particle after the verb
        ("Quinn started out the meeting saying", "Quinn", "saying"),
        # but what was heard or seen speaks
        ("The mayor heard the protesters chanting", "the protesters", "chanting"),
        # a comma and `but`/`though` open a clause of its own: its cue governs the quote
        ("Okafor says the plan works, but she cautions that", "she", "cautions"),
        ("Quinn said last month on KRVN, though he said", "he", "said"),
        # a participle right after a parenthetical cue takes that cue's subject
        ("Roe and Poe will meet next week, Jane Doe said, adding,", "Jane Doe", "adding"),
        # negative: after the sentence's own cue, the sentence's subject
        ("Jane Doe said the two will meet next week, adding,", "Jane Doe", "adding"),
        # and `, when`: the clause of the later cue holds the quote
        ("Roe asked Poe about the plan, when she claimed the city was", "she", "claimed"),
        # negative: `when` with no comma before it opens no clause apart
        ("Roe said it again when she claimed the city was", "Roe", "said"),
        # without them, the outermost cue
        ("Kim said the plan works and Lee added that", "Kim", "said"),
        # a cue set off by commas after a short subject attributes the clause; the noun in -s
        # before it (`estimates`) is no outer cue
        ("Repair estimates, he added, were", "he", "added"),
        # negative: after a clause with a cue of its own, the outermost cue still speaks
        ("Roe said the plan, he believes, is", "Roe", "said"),
        # a pronoun's cue set off by commas that introduces the quote attributes it
        ("Quist conceded the two split the votes, a result we foresaw, she said,", "she", "said"),
        # negative: a pronoun's cue in the reported clause leaves the outermost cue
        ("Quist said she told them,", "Quist", "said"),
        # negative: an opening phrase, not a subordinate clause, before the subject
        (
            "After the debate, former Gov. Ivo Brandt criticized the mayor,",
            "Ivo Brandt",
            "criticized",
        ),
        # a name with a party label in brackets and a stray comma before its verb
        (
            "After winning Harborland in the primary, Gov. Lena Voss (D-HB), said",
            "Lena Voss",
            "said",
        ),
        # a dash before the conjunction opens the clause as a comma does
        ("Quist credits the crews -- but she said the storms were", "she", "said"),
        # but a singular subject's verb in -s or the past is one
        ("A senior official says", "A senior official", "says"),
        ("A senior official said", "A senior official", "said"),
        # negative: a quantifier's plural name is a subject before a verb in its bare form
        ("Some Democrats say", "Some Democrats", "say"),
        # a bare speech verb after `another`, `every` or `each` is a noun, not `Another`'s cue
        ("Another question asked how soon the ferry would", "Another question", "asked"),
        # negative: after `Another`, a cue in the past keeps its subject
        ("Another said", "Another", "said"),
        # a cue in the past written with a capital inside the sentence is still the verb
        ("Mara Voss later Tweeted", "Mara Voss", "Tweeted"),
        ("Mara Voss, the mayor, Tweeted", "Mara Voss", "Tweeted"),
        # negative: before a capitalised word it is part of a name, not the cue
        ("Mara Voss sang Answered Prayers to", "Mara Voss", "sang"),
        # negative: a group that begins vowing speaks (an event, below, does not)
        ("The harbor board began vowing to", "The harbor board", "vowing"),
        # a lone comma between a long subject and its adverbs and verb
        (
            "The yearly report of the staff of the Lindell Council, has since warned",
            "the Lindell Council",
            "warned",
        ),
    ],
)
def test_subject_of_the_cue_that_governs_the_quote(text: str, subject: str, verb: str) -> None:
    tokens = tokens_of(text)
    found = subject_of_last_cue(tokens, 0, len(tokens))
    assert found is not None
    phrase, cue = found
    assert text_of(tokens, phrase.first, phrase.last) == subject
    assert tokens.words[cue] == verb


@pytest.mark.parametrize(
    "text",
    [
        "The summit would help to",
        "The plan, which was new, aims to",
        "In the morning",
        # the cue of an opening subordinate clause does not govern the main clause
        "When Lee announced his bid in June, he referred to the rivals as",
        # `put` reports words only with `it` after it
        "The levy puts the crews in",
        # the same with title words before the subordinate clause's subject
        "After former Harbor Gov. Ivo Brandt criticized the mayor during a debate, Lena Voss "
        "shot back,",
        # a speech verb in -s after `many` and a proper adjective is a plural noun
        "Tourism has boomed in many Nordic states, and it has drawn",
        # negative: a description with a long bracket is no labelled name
        "The harbor board (which runs the ferries and the port), said",
        # after a clause with a verb of its own, a lone comma ends an object, not a subject
        "Choi Min-seo gave the post to Park Ji-hoon, then says",
        # a bare speech verb after an article and a modifier is a noun, whatever subject
        # stands before the phrase
        "His uncle’s exit after a fierce attack in the spring drives him",
        # an event begins or ends but speaks no words
        "Lena Voss left as the harbor board meeting began vowing to",
    ],
)
def test_no_cue_no_subject(text: str) -> None:
    tokens = tokens_of(text)
    assert subject_of_last_cue(tokens, 0, len(tokens)) is None


def test_sentence_subject_after_an_opening_phrase() -> None:
    tokens = tokens_of("During a speech on Monday, Quist attacked Varga, saying")
    found = sentence_subject(tokens, 0, len(tokens) - 1)
    assert found is not None
    assert text_of(tokens, found.first, found.last) == "Quist"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a negated verb follows its subject as a verb does
        ("Jane Roe didn’t seem impressed with the plan, telling", "Jane Roe"),
        ("Jane Roe wasn't pleased with the plan, telling", "Jane Roe"),
        # a relative clause set off by commas after the subject, a city's comma inside it
        ("Jane Roe, who leads the council, has taken up the plan, telling", "Jane Roe"),
        ("Jane Roe, who visited Millbrook, Vermont, has taken up the plan, telling", "Jane Roe"),
    ],
)
def test_sentence_subject_before_a_negated_verb(text: str, subject: str) -> None:
    tokens = tokens_of(text)
    found = sentence_subject(tokens, 0, len(tokens) - 1)
    assert found is not None
    assert text_of(tokens, found.first, found.last) == subject


@pytest.mark.parametrize(
    "text",
    # negative: a name before a contraction that is no negated verb (`Roe’s`) is no subject
    [
        "Jane Roe’s plan, telling",
        # negative: a relative clause with no verb after it
        "Jane Roe, who leads the council, 2024, telling",
    ],
)
def test_no_sentence_subject_before_these_words(text: str) -> None:
    tokens = tokens_of(text)
    assert sentence_subject(tokens, 0, len(tokens) - 1) is None


@pytest.mark.parametrize(
    ("text", "owner_word", "antecedent"),
    [
        ("Quinn has steadily pressed his promise of", "his", "Quinn"),
        ("Jane Roe did post on Facebook Monday that her remarks were", "her", "Jane Roe"),
        ("The council repeated its call for", "its", "The council"),
        # negative: the pronoun does not agree with the subject
        ("The committee rejected her call for", "her", None),
        ("Jane Roe rejected their call for", "their", None),
    ],
)
def test_possessive_antecedent(text: str, owner_word: str, antecedent: str | None) -> None:
    tokens = tokens_of(text)
    owner = tokens.lows.index(owner_word)
    found = possessive_antecedent(tokens, owner, 0)
    assert (text_of(tokens, found.first, found.tail) if found else None) == antecedent


@pytest.mark.parametrize(
    ("text", "antecedent"),
    [
        # a pronoun later in its sentence stands for the sentence's subject when they agree
        ("Jane Roe went after her rival at the debate, when she called her", "Jane Roe"),
        ("The council met on Monday, and later it called the plan", "The council"),
        # negative: a parenthetical cue after the reported clause
        ("Jane Roe is ill and will rest, she said while adding that", None),
        # negative: no agreement
        ("The council met on Monday, and later he called the plan", None),
    ],
)
def test_later_pronoun_stands_for_the_sentence_subject(text: str, antecedent: str | None) -> None:
    tokens = tokens_of(text)
    found = subject_of_last_cue(tokens, 0, len(tokens))
    assert found is not None
    assert found[0].kind == "pronoun"
    reference = found[0].antecedent
    assert (text_of(tokens, reference.first, reference.tail) if reference else None) == antecedent


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a person's name, then `of` and a place: the person speaks
        ("Jason Roe of Millbrook said", "Jason Roe"),
        ("Mary Ann Poe of New Haven said", "Mary Ann Poe"),
        # negative: a title with `of`, an organisation
        ("Secretary of State Ann Quinn said", "Ann Quinn"),
        ("Bank of America said", "Bank of America"),
    ],
)
def test_person_of_place(text: str, phrase: str) -> None:
    tokens = tokens_of(text)
    found = phrase_before(tokens, len(tokens) - 2, 0)
    assert found is not None
    assert text_of(tokens, found.first, found.last) == phrase


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a capitalised participle opening the sentence is no name
        ("Appearing before loyal volunteers, Jane Roe said", "Jane Roe"),
        ("Setting aside the budget, the mayor said", "the mayor"),
        ("Facing mounting pressure, Jane Roe said", "Jane Roe"),
        # a capitalised preposition or adverb that opens a fronted phrase is no name
        ("Inside the hall, the mayor said", "the mayor"),
        ("Back in 2009, Jane Roe said", "Jane Roe"),
        ("Beyond the footage, the report said", "the report"),
        ("Shortly after the vote, the mayor said", "the mayor"),
        ("Quietly leaving the room, Jane Roe said", "Jane Roe"),
        ("More than a year ago, the mayor said", "the mayor"),
        # negative: a name in -ing or -ly is one
        ("Manning said", "Manning"),
        ("Kelly said", "Kelly"),
        ("Kelly Roe said", "Kelly Roe"),
        ("Thomas More said", "Thomas More"),
    ],
)
def test_opening_participle_is_no_subject(text: str, subject: str) -> None:
    tokens = tokens_of(text)
    found = sentence_subject(tokens, 0, len(tokens))
    assert found is not None
    assert text_of(tokens, found.first, found.last) == subject


@pytest.mark.parametrize(
    ("text", "antecedent"),
    [
        # the owner of a speech noun just before the embedded clause speaks again in it
        (
            "The office said it would not respond to Ruritania's sharp criticism of the plan "
            "over what it describes as",
            "Ruritania's",
        ),
        # negative: no owner, the outer cue's subject
        (
            "The office said it would not respond to the sharp criticism of the plan over what "
            "it describes as",
            "The office",
        ),
    ],
)
def test_embedded_pronoun_after_a_speech_noun_owner(text: str, antecedent: str) -> None:
    tokens = tokens_of(text)
    found = subject_of_last_cue(tokens, 0, len(tokens))
    assert found is not None
    reference = found[0].antecedent
    assert reference is not None
    assert text_of(tokens, reference.first, reference.last) == antecedent


@pytest.mark.parametrize(
    ("text", "author"),
    [
        # a name, a comma and a description that its verb follows with no closing comma; a
        # quoted word modifying the document
        (
            "At noon on Monday, Lindell Press, Ruritania’s largest news agency put out a "
            "“special” report that said,",
            "Lindell Press",
        ),
        # negative: a place after a preposition is no subject
        (
            "In Harlow, the city’s largest news agency put out a “special” report that said,",
            "the city’s largest news agency",
        ),
    ],
)
def test_document_author_after_an_unclosed_appositive(text: str, author: str) -> None:
    tokens = tokens_of(text)
    found = subject_of_last_cue(tokens, 0, len(tokens))
    assert found is not None
    antecedent = found[0].antecedent
    assert antecedent is not None
    assert text_of(tokens, antecedent.first, antecedent.last) == author


# --- the subject of a cue, by construction (made-up sentences) ---------------------------------


@pytest.mark.parametrize(
    ("text", "subject", "verb"),
    [
        # an apostrophe alone after a name in -s is its possessive
        ("Voss’ campaign called the report", "Voss’ campaign", "called"),
        ("Lena Voss' spokesman said the report was", "Lena Voss' spokesman", "said"),
        # a date's abbreviated month inside the subject's phrase
        ("The candidate in the Oct. 3 runoff later said", "The candidate", "said"),
        # negative: a month's period that ends a sentence keeps the next one's subject apart
        ("Sales fell in Sept. the analysts said", "the analysts", "said"),
        # a verb of beginning or going on between the subject and a participle cue
        ("Sen. Lena Voss (R-Wis.) kept asking him why", "Lena Voss", "asking"),
        ("The crowd began chanting", "The crowd", "chanting"),
        # negative: the nearer subject, not the sentence's
        ("Voss waved as the crowd began chanting", "the crowd", "chanting"),
        # a noun after an article and a modifier is no cue: the later verb governs
        (
            "The proof of the first claim came in a video, where the harbor chief said",
            "the harbor chief",
            "said",
        ),
        # negative: after an article and a group that speaks, the bare form is a verb
        ("At the rally the police claim", "the police", "claim"),
        # a capitalised word before `and` is a name, no first verb: the sentence's subject
        (
            "Brandt said he hoped for a transfer to the Faroe Islands and added,",
            "Brandt",
            "added",
        ),
        # negative: a lower-case verb before `and` hands its own subject on
        ("The mayor laughed and said,", "The mayor", "said"),
        # a comma and a subordinator, or `with` before a participle, open a clause apart that
        # runs on to the quote: its cue governs
        (
            "Ferro said, after Harbor Daily’s Lena Voss said the mayor had referred to him as",
            "Lena Voss",
            "said",
        ),
        (
            "The spill sparked a debate over how the port responds to leaks, with Senator Lena "
            "Voss telling reporters she viewed the mayor as",
            "Lena Voss",
            "telling",
        ),
        # people in a crowd (`marchers`, `spectators`) are a group that speaks through `with`
        (
            "The ferry left the pier at noon, with some marchers and spectators shouting",
            "marchers and spectators",
            "shouting",
        ),
        # negative: things after `with` are no speakers; the sentence's subject keeps the cue
        ("Voss spoke at the pier, with many boats sounding their horns, saying", "Voss", "saying"),
        # negative: a comma closes that clause before the quote
        ("Voss said, after Ferro testified, that the plan was", "Voss", "said"),
        # negative: after `that,` the clause is inside the outer cue's reported clause
        ("Voss argued that, because Ferro testified that the report was", "Voss", "argued"),
        # a comma after a name's party tag ends the name (no appositive opens at an earlier comma)
        ("After a win in the primary, Gov. Lena Voss (R-OR), said", "Lena Voss", "said"),
        # negative: an acronym in brackets is no party tag; the appositive stands
        ("Lena Voss, the head of the Harbor Party (HP), said", "Lena Voss", "said"),
        # a participle takes the named subject after a conjunction that opens the sentence
        (
            "But Sen. Lena Voss (R-Pa.) refused to back the plan, responding that",
            "Lena Voss",
            "responding",
        ),
        # a quantity of the people just named opens a clause after a semicolon
        ("Most voters backed the levy; most said they were", "most", "said"),
        # an appositive description set off by dashes
        ("Tom Ferro — a teacher from Millbrook — says the endorsement was", "Tom Ferro", "says"),
        # a participle after the object of a verb with its particle takes the clause's subject
        ("Ferro started out their second debate saying", "Ferro", "saying"),
        # a sign is a document: the person holding it up speaks its words
        ("Ferro held up a sign saying", "Ferro", "saying"),
        # negative: `up` makes no object of a person's verb (`held up a report saying`: the report)
        ("Ferro held up the harbor report saying", "the harbor report", "saying"),
        # a participle right after a clause that a comma and a subordinator open takes the group
        # that clause describes
        (
            "Voss spoke near the harbor, where nearly 40 protesters had massed by noon, chanting",
            "protesters",
            "chanting",
        ),
        (
            "The first incident came at the port, when dock workers interrupted her speech, "
            "shouting",
            "dock workers",
            "shouting",
        ),
        # negative: a name there is one the main clause has met; the sentence's subject speaks
        ("Voss spoke after the vote, when Ferro had left the hall, saying", "Voss", "saying"),
        # negative: no comma opens the clause
        ("Voss waved as the workers cheered, saying", "Voss", "saying"),
        # two relative clauses joined by `and` between the subject and its verb
        (
            "Another worker who fished at the harbor and who did not want to be named said",
            "Another worker",
            "said",
        ),
        # negative: a relative clause with an antecedent of its own after the `and`
        (
            "A worker who fished here and the mayor who did not want to be named said",
            "the mayor",
            "said",
        ),
        # a floating quantifier between a coordinated subject and its verb
        ("The Harbor Post and the Millbrook Times each called it", "the Millbrook Times", "called"),
        ("Voss and Ferro both said the plan was", "Ferro", "said"),
        # negative: a quantifier after the verb is the reported clause's
        ("Voss said each plan was", "Voss", "said"),
        # a fronted clause that a comma and a subordinator open, before the main clause
        (
            "Hours on, after the panel concluded, Voss stated that the report",
            "Voss",
            "stated",
        ),
    ],
)
def test_subject_by_construction(text: str, subject: str, verb: str) -> None:
    tokens = tokens_of(text)
    found = subject_of_last_cue(tokens, 0, len(tokens))
    assert found is not None
    phrase, cue = found
    assert text_of(tokens, phrase.first, phrase.last) == subject
    assert tokens.words[cue] == verb


@pytest.mark.parametrize(
    "text",
    [
        # negative: a closing single quote after a quoted name is no possessive
        "The ‘Harbors’ campaign called the report",
        # negative: after the conjunction, only a name is taken (not a time or a bare group)
        "But the senators refused to back the plan, responding that",
        # negative: `some` names no one the speaker can be known by
        "Some voters backed the levy; some said they were",
        # negative: between dashes, a participle phrase is no appositive description
        "Tom Ferro — mentioned by many as a rival — said the plan was",
    ],
)
def test_no_subject_by_construction(text: str) -> None:
    tokens = tokens_of(text)
    assert subject_of_last_cue(tokens, 0, len(tokens)) is None


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Almost half said", "Almost half"),
        ("Six in 10 of the riders say", "Six in 10 of the riders"),
        # a comma that groups a number's digits stays inside the share
        ("61 percent of 1,500 riders said", "61 percent of 1,500 riders"),
        # negative: a comma between words ends it
        ("The ferry lost money, 61 percent said", "61 percent"),
    ],
)
def test_share_of_respondents_before_a_verb(text: str, share: str) -> None:
    tokens = tokens_of(text)
    found = share_subject(tokens, len(tokens) - 1)
    assert found is not None
    assert text_of(tokens, found[0].first, found[0].last) == share
