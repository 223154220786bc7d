"""The grammar the attribution rules read: word tokens with offsets, noun phrases that can
speak (read backwards from a verb or forwards after a quote), appositives, and the clauses
around a speech verb (its subject, relative and subordinate clauses, passives).

Everything here works on the tokens of one paragraph or sentence and never looks further than a
bounded window, so offsets stay exact and the cost stays linear. Nothing here knows of quotes:
the rules in attribute.py decide what the phrases mean for a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from lexicon import (
    ABBREVIATED_TITLES,
    ABBREVIATIONS,
    AFFILIATION_PREPOSITIONS,
    AGO_WORDS,
    ASPECTUAL_VERBS,
    AUXILIARIES,
    BARE_QUANTITIES,
    BARE_SUBJECT_QUANTIFIERS,
    BE_FORMS,
    CLAIM_PERSON_NOUNS,
    CLAUSE_CONJUNCTIONS,
    CLAUSE_JOINERS,
    COMPANY_SUFFIXES,
    COORDINATORS,
    COUNT_WORDS,
    DAY_MODIFIERS,
    DAY_PARTS,
    DETERMINERS,
    DO_FORMS,
    DOCUMENT_HEADS,
    DOCUMENT_NOUNS,
    EMBEDDING_WORDS,
    EVENT_NOUNS,
    FEMALE_FIRST_NAMES,
    FLOATING_QUANTIFIERS,
    FRONTED_PREPOSITIONS,
    FRONTING_WORDS,
    FUNCTION_WORDS,
    GROUP_MEMBERS,
    GROUP_QUANTITIES,
    INTERPOSED_OPENERS,
    IRREGULAR_PARTICIPLE_CUES,
    IRREGULAR_PAST,
    IT_CUES,
    JOINING_CONJUNCTIONS,
    KOREAN_FAMILY_NAMES,
    LY_NOUNS,
    MALE_FIRST_NAMES,
    MONTHS,
    NAME_CONNECTORS,
    NAME_STOPWORDS,
    NAME_SUFFIXES,
    NOUN_FOLLOWERS,
    NUMBER_WORDS,
    OPENING_ADVERBS,
    OPENING_CONJUNCTIONS,
    ORG_NOUNS,
    PARTICIPLE_CLAUSE_OPENERS,
    PARTICIPLE_CUES,
    PARTICIPLE_PARTICLES,
    PASSIVE_AUXILIARIES,
    PAST_FORMS,
    PERCEPTION_VERBS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PHRASAL_CUES,
    PLACE_ENDING_PREPOSITIONS,
    PLACE_PREPOSITIONS,
    POLL_FOLLOWERS,
    POLL_WORDS,
    POSTMODIFYING_ADJECTIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUOTING_VERBS,
    RELATIVE_PRONOUNS,
    ROLE_MODIFIERS,
    SHARE_HEDGES,
    SHARE_NOUNS,
    SINGULAR_DETERMINERS,
    SPEAKING_HEADS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SUBJECT_RELATIVES,
    SUBJECT_VERB_FILLERS,
    SUBORDINATORS,
    THIRD_PERSON_PRONOUNS,
    TIME_DEICTICS,
    TIME_HEADS,
    TIME_PREPOSITIONS,
    TIME_UNITS,
    TITLE_WORDS,
    TRAILING_PREPOSITIONS,
    TRAILING_SUBORDINATORS,
    VERB_PARTICLES,
    WEEKDAYS,
)
from quotes.extraction.mentions import (
    POSSESSIVE_ENDS,
    is_age_word,
    is_korean_name,
    is_opening_adverb,
    is_org_word,
    looks_like_place,
)
from quotes.extraction.types import Span, replace, slot_init

# What a token is: initials (`U.S.`, `J.` before a capital); a word, going on over `’`, `'` and
# `-` between letters, through UTF-8 read as Latin-1 (`FranÃ§ois`, twice over `FranÃ\x83Â§ois`:
# `Ã`/`Â` and the byte after), and through combining accents; else one mark. The compiled engine
# finds them by one scan of the characters (_scan_tokens: 2.5 M instructions per seeds pass
# where the regex and its starts took 6.0 M, the regex engine entering a match at every
# character); as Python the regex is the faster, and tests hold the scan to it.
# The second byte of a UTF-8 character read as Latin-1 (`Ã©` for `é`), but for the two that
# are white space (NEL `\x85`, no-break space `\xa0`): `Â\xa0` is a space misread, no word.
_SECOND_BYTE: Final = r"[\x80-\x84\x86-\x9f\xa1-\xbf]"
_TOKEN_RE: Final = re.compile(
    r"(?=\S)(?:[A-Z]\.(?:(?:[A-Z]\.)+|(?=\s+[A-Z]))"
    r"|\w++(?:(?=[’'\-\x80-\xbf\u0300-\u036f])(?:[’'\-]++\w++|(?<=[ÃÂ])"
    + _SECOND_BYTE
    + r"\w*+|[\u0300-\u036f]++(?:(?<=[\u0302\u0303])"
    + _SECOND_BYTE
    + r")?\w*+))*+"
    r"|[^\w\s])"
)
# Is this module compiled (a mypyc extension, not a .py file)? Loops over characters pay there.
COMPILED_SCANS: Final = not __file__.endswith(".py")

_LOWER: Final = str.lower
_FIRST_NAMES: Final = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES

QUOTE_TOKENS: Final = frozenset('“”"„‟«»')

_CLAUSE_BREAKS: Final = frozenset(QUOTE_TOKENS | {".", ";", "?", "!", "(", ")", ":"})

DASHES: Final = frozenset({",", "—", "–", "―", "-"})

_OPENING_BREAKS: Final = frozenset({",", "—", "–", "―"})

_MAX_APPOSITIVE: Final = 30


# --- tokens --------------------------------------------------------------------------------------


class Tokens:
    """Word and punctuation tokens of one paragraph with their offsets."""

    # No __slots__: the compiled engine (compiled.py) lays its classes' attributes out itself.

    def __init__(self, text: str, *segments: Span, ranges: Sequence[tuple[int, int]] = ()) -> None:
        self._fill(text, ranges or [(segment.start, segment.end) for segment in segments])

    @classmethod
    def from_ranges(cls, text: str, ranges: Sequence[tuple[int, int]]) -> Tokens:
        """Tokens of (start, end) character ranges, in order."""
        return cls(text, ranges=ranges)

    def _fill(self, text: str, ranges: Sequence[tuple[int, int]]) -> None:
        self.text = text
        words: list[str] = []
        starts: list[int] = []
        for start, end in ranges:
            if COMPILED_SCANS:
                _scan_tokens(text, start, end, words, starts)
            else:
                for match in _TOKEN_RE.finditer(text, start, end):
                    words.append(match.group())
                    starts.append(match.start())
        self.starts: list[int] = starts
        self.words: list[str] = words
        # One lower() per word is the lower() of the joined words split back (tokens hold no
        # whitespace, which bounds the one rule that reads context, the final sigma), without
        # lowering the quote marks' wide characters in one non-ASCII string.
        self.lows: list[str] = list(map(_LOWER, self.words))

    def __len__(self) -> int:
        # Rules run thousands of times a pass read len(tokens.words) instead: the same length
        # without a call into Python.
        return len(self.words)

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect_left(self.starts, offset)

    def end(self, index: int) -> int:
        """Offset just past token `index` (a token is the text from its start, unchanged)."""
        return self.starts[index] + len(self.words[index])

    @property
    def ends(self) -> list[int]:
        """The end offsets of all tokens (rules read single ends through end())."""
        return [start + len(word) for start, word in zip(self.starts, self.words, strict=True)]

    def slice_text(self, first: int, last: int) -> str:
        return self.text[self.starts[first] : self.starts[last] + len(self.words[last])]


@slot_init
@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase that can speak, as token indexes (inclusive)."""

    first: int
    last: int
    kind: str  # "name" | "pronoun" | "description" | "org"
    tail: int  # last token consumed, appositive included
    title: str | None = None
    determiner: str | None = None
    head: str | None = None
    # A relative pronoun's antecedent (`Tom Ferro, who declared, “Q”`): the mention is `who`,
    # the speaker is whom it stands for.
    antecedent: Phrase | None = None
    # The subject's first token when a role set off by a comma opens it before the name that
    # speaks (`His lawyer, Dana Cole, said`): `His`.
    role_first: int | None = None


def _scan_tokens(text: str, start: int, end: int, words: list[str], starts: list[int]) -> None:
    """Append the tokens of text[start:end] and their offsets, as _TOKEN_RE finds them."""
    index = start
    while index < end:
        code = ord(text[index])
        if code < 128:
            if code == 32 or 9 <= code <= 13 or 28 <= code <= 31:
                index += 1
                continue
            is_word = 97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95
        else:
            if text[index].isspace():
                index += 1
                continue
            is_word = text[index].isalnum()
        token_end = index + 1  # a mark
        if is_word:
            token_end = _initials_end(text, index, end) if 65 <= code <= 90 else index
            if token_end == index:
                token_end = _word_end(text, index + 1, end)
        words.append(text[index:token_end])
        starts.append(index)
        index = token_end


def word_run_end(text: str, index: int, end: int) -> int:
    """Where the run of `\\w` characters (letters, digits, `_`) from `index` ends, by `end`."""
    while index < end:
        code = ord(text[index])
        if code < 128:
            if not (97 <= code <= 122 or 65 <= code <= 90 or 48 <= code <= 57 or code == 95):
                return index
        elif not text[index].isalnum():
            return index
        index += 1
    return index


def is_word_at(text: str, index: int) -> bool:
    """A regex's `\\w`: a letter, a digit or `_`."""
    return word_run_end(text, index, index + 1) > index


def is_space_at(text: str, index: int) -> bool:
    code = ord(text[index])
    if code < 128:
        return code == 32 or 9 <= code <= 13 or 28 <= code <= 31
    return text[index].isspace()


def _initials_end(text: str, index: int, end: int) -> int:
    """The end of `U.S.` or of `J.` before white space and a capital at `index`, else `index`."""
    if index + 1 >= end or text[index + 1] != ".":
        return index
    after = index + 2
    while after + 1 < end and 65 <= ord(text[after]) <= 90 and text[after + 1] == ".":
        after += 2
    if after > index + 2:
        return after
    while after < end and is_space_at(text, after):
        after += 1
    if after > index + 2 and after < end and 65 <= ord(text[after]) <= 90:
        return index + 2
    return index


def _second_byte(code: int) -> bool:
    """As _SECOND_BYTE: 0x80-0xBF less the white space 0x85 and 0xA0."""
    return 0x80 <= code <= 0xBF and code != 0x85 and code != 0xA0


def _word_end(text: str, index: int, end: int) -> int:
    """The end of the word whose first character is before `index`."""
    while True:
        index = word_run_end(text, index, end)
        if index == end:
            return index
        code = ord(text[index])
        if code == 0x2019 or code == 39 or code == 45:  # `’`, `'`, `-` between letters
            after = index + 1
            while after < end and ord(text[after]) in (0x2019, 39, 45):
                after += 1
            if after == end or not is_word_at(text, after):
                return index
            index = after + 1
        elif _second_byte(code):  # the second byte of UTF-8 read as Latin-1
            if text[index - 1] not in "ÃÂ":
                return index
            index += 1
        elif 0x300 <= code <= 0x36F:  # combining accents
            index += 1
            while index < end and 0x300 <= ord(text[index]) <= 0x36F:
                index += 1
            if index < end and text[index - 1] in "\u0302\u0303" and _second_byte(ord(text[index])):
                index += 1
        else:
            return index


# --- small token predicates ----------------------------------------------------------------------


def _bare_form(verb: str) -> str:
    """`states` -> `state`, `replies` -> `reply`, `stresses` -> `stress`."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes", "zes")):
        return verb[:-2]
    return verb[:-1]


# The bare forms of the cues in -s (`states` -> `state`, `notes` -> `note`), which a plural
# subject takes; not cues on their own, where many are nouns.
BARE_CUES: Final = frozenset(
    _bare_form(verb) for verb in SPEECH_VERBS if verb.endswith("s") and not verb.endswith("ss")
)


def is_plural_word(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss") and word[:1].isalpha()


@lru_cache(maxsize=4096)  # a pure test of one word: a cached call runs in C, not in Python
def is_possessive(word: str) -> bool:
    return word.endswith(POSSESSIVE_ENDS)


@lru_cache(maxsize=4096)  # a pure test of one word, asked of the same words again and again
def is_name_word(word: str) -> bool:
    first = word[0]
    if not first.isupper() or word == "I":
        return False
    lower = word.lower()
    if is_opening_adverb(lower):
        return False  # `Repeatedly asked ..., the official said`
    return lower not in NAME_STOPWORDS or lower in ABBREVIATED_TITLES


@lru_cache(maxsize=4096)  # a pure test of one word: a cached call runs in C, not in Python
def is_finite_cue(low: str) -> bool:
    return low in SPEECH_VERBS and low not in PARTICIPLE_CUES


@lru_cache(maxsize=4096)  # a pure test of one word, asked thousands of times a pass
def _is_filler(lower: str) -> bool:
    return lower in SUBJECT_VERB_FILLERS or (
        lower.endswith("ly") and lower.isalpha() and lower not in LY_NOUNS
    )


def _skip_back_fillers(tokens: Tokens, index: int, low_bound: int) -> int:
    skipped = 0
    if (
        index - 1 >= low_bound
        and tokens.lows[index] in TIME_UNITS
        and tokens.lows[index - 1] in TIME_DEICTICS
    ):
        index -= 2  # `Mara Quist last month said`
    index = _skip_back_ago(tokens, index, low_bound)
    index = _skip_back_time_phrase(tokens, index, low_bound)
    if (
        index - 1 >= low_bound
        and tokens.lows[index] in DAY_PARTS
        and tokens.lows[index - 1] in WEEKDAYS
    ):
        index -= 1  # `Kang on Monday evening said`: the day, then its part
    if (
        index - 1 >= low_bound
        and tokens.lows[index] in WEEKDAYS
        and tokens.lows[index - 1] in DAY_MODIFIERS
    ):
        index -= 2  # `Kang late Monday said`, `Kang earlier Thursday said`
    while (
        index >= low_bound
        and _is_filler(tokens.lows[index])
        # `Kelly said`: a name, not an adverb; but `Kang on Monday said`
        and (
            tokens.words[index][0].islower()
            or (index > low_bound and tokens.lows[index - 1] == "on")
        )
        and skipped < 4
    ):
        index -= 1
        skipped += 1
    if skipped:
        # `who in the past has argued`: the auxiliary first, then the time phrase
        index = _skip_back_time_phrase(tokens, index, low_bound)
    return index


def _skip_back_ago(tokens: Tokens, index: int, low_bound: int) -> int:
    """`The harbor board less than three weeks ago said`: a time ago is not the subject."""
    if index <= low_bound or tokens.lows[index] != "ago":
        return index
    probe = index - 1
    while probe >= low_bound and index - probe <= 5:
        lower = tokens.lows[probe]
        if not (
            lower in TIME_UNITS
            or lower in TIME_HEADS
            or lower in COUNT_WORDS
            or lower in AGO_WORDS
            or lower.isdigit()
        ):
            break
        probe -= 1
    return probe


def _skip_back_time_phrase(tokens: Tokens, index: int, low_bound: int) -> int:
    """`Renner has in the past voiced`, `Kim in recent weeks said`: a time phrase between the
    subject and its verb is not the subject."""
    if index < low_bound or tokens.lows[index] not in TIME_HEADS:
        return index
    for preposition in range(index - 1, max(low_bound, index - 4) - 1, -1):
        if tokens.lows[preposition] in TIME_PREPOSITIONS:
            index = preposition - 1
            while index >= low_bound and tokens.lows[index] in AUXILIARIES:
                index -= 1  # `who has in the past argued`
            return index
        if not tokens.words[preposition].isalpha() or tokens.words[preposition][0].isupper():
            break
    return index


def skip_fillers(tokens: Tokens, index: int, high: int) -> int:
    skipped = 0
    while (
        index < high
        and _is_filler(tokens.lows[index])
        # `said Kelly`: a name, not an adverb in -ly; but `said Monday`
        and (tokens.words[index].islower() or tokens.lows[index] in SUBJECT_VERB_FILLERS)
        and skipped < 4
    ):
        index += 1
        skipped += 1
    return index


# --- noun phrases read backwards from a verb -----------------------------------------------------


def phrase_before(tokens: Tokens, index: int, low: int, *, nested: bool = False) -> Phrase | None:
    """The subject phrase that ends at token `index`, reading no further back than `low`."""
    if index < low:
        return None
    word = tokens.words[index]
    lower = tokens.lows[index]
    if lower in PRONOUNS or _pronoun_contraction(lower):
        return Phrase(index, index, "pronoun", index)
    if (
        (lower in COUNT_WORDS or word.isdigit())
        and index - 2 >= low
        and tokens.lows[index - 1] == "of"
    ):
        # `the 41-year-old father of two replied`: a family count after the head noun.
        head = phrase_before(tokens, index - 2, low, nested=True)
        if head is None or head.kind != "description":
            return None
        return replace(head, last=index, tail=index)
    if lower in BARE_QUANTITIES and _opens_clause(tokens, index, low):
        # `...; most said`: a quantity of the people just named is the subject.
        return Phrase(index, index, "description", index, head=lower)
    if word == ")":
        opening = _parenthesis_start(tokens, index, low)
        return None if opening is None else phrase_before(tokens, opening - 1, low, nested=nested)
    if word == "." and index - 1 >= low and tokens.lows[index - 1] in COMPANY_SUFFIXES:
        # `Hanbit Steel Co. said`: the period closes the company's name, not the sentence
        company = phrase_before(tokens, index - 1, low, nested=nested)
        if company is None or company.kind not in {"name", "org"} or company.last != index - 1:
            return None
        return replace(company, kind="org", last=index, tail=index)
    if word == "." and index - 2 >= low and tokens.lows[index - 1] in NAME_SUFFIXES:
        # `Tom Reid Jr. said`: the period closes the person's name, not the sentence
        person = _name_before(tokens, index - 1, low)
        if person is None or person.kind != "name" or person.first == index - 1:
            return None
        return replace(person, tail=index)
    if word == "," and not nested:
        return _appositive_before(tokens, index, low)
    if (word in _APPOSITIVE_DASHES or _double_hyphen(tokens, index, low)) and not nested:
        return _dash_appositive_before(tokens, index, low)
    if is_name_word(word) and not is_possessive(word):
        return _name_before(tokens, index, low)
    if lower in PERSON_NOUNS or lower in ORG_NOUNS:
        return _description_before(tokens, index, low)
    if (
        (word.replace("-", "").isalpha() or is_age_word(word))
        and word.islower()
        and lower not in FUNCTION_WORDS
    ):
        # Any noun right before a speech verb with a determiner: `the announcer said`,
        # `the front-runner said`, `the 58-year-old said`.
        phrase = _description_before(tokens, index, low)
        if phrase is not None and phrase.determiner is not None:
            return phrase
        return _role_of_before(tokens, index, low)
    return None


_MAX_ROLE_OBJECT: Final = 3


def _role_of_before(tokens: Tokens, last: int, low: int) -> Phrase | None:
    """`the secretary of state said`, `the minister of foreign affairs said`, `the chief of
    staff said`: a role noun and the field it holds (`of` and a few lower-case words with no
    determiner) make one description, headed by the role."""
    of = last - 1
    while of > low and last - of <= _MAX_ROLE_OBJECT and tokens.lows[of] != "of":
        word, lower = tokens.words[of], tokens.lows[of]
        if not (word.isalpha() and word.islower()) or lower in FUNCTION_WORDS:
            return None
        of -= 1
    if of - 1 < low or tokens.lows[of] != "of":
        return None
    role = phrase_before(tokens, of - 1, low, nested=True)
    if role is None or role.kind != "description" or role.head not in PERSON_NOUNS:
        return None
    return replace(role, last=last, tail=last)


def _opens_clause(tokens: Tokens, index: int, low: int) -> bool:
    """The token at `index` opens a clause after a semicolon, colon or dash."""
    return index > low and tokens.words[index - 1] in {";", ":", "—", "–"}


@lru_cache(maxsize=4096)  # a pure test of one word, asked thousands of times a pass
def _pronoun_contraction(lower: str) -> bool:
    """`He’s claiming`, `she’d said`: the pronoun is the subject."""
    if "’" not in lower and "'" not in lower:
        return False
    for mark in ("’", "'"):
        head, found, _ = lower.partition(mark)
        if found and head in PRONOUNS:
            return True
    return False


def _parenthesis_start(tokens: Tokens, close: int, low: int) -> int | None:
    """`Rep. Dell Hanrahan (D-Ore.) said`: the party tag does not break the name from its verb."""
    for index in range(close - 1, max(low, close - 12) - 1, -1):
        if tokens.words[index] == "(":
            return index
    return None


def _skip_parenthesis(tokens: Tokens, index: int, high: int) -> int:
    if index < high and tokens.words[index] == "(":
        for probe in range(index + 1, min(high, index + 12)):
            if tokens.words[probe] == ")":
                return probe + 1
    return index


def _appositive_before(tokens: Tokens, comma: int, low: int) -> Phrase | None:
    """`Shin, the analyst, added` / `Kang, whose term ends next May, said`; `Roe, during a
    town hall in Millbrook, Vermont, said` (a city's comma inside the interposed phrase), but `a
    woman in Fairview, Oregon, told` when no comma opens one."""
    tagged = _name_with_party_tag(tokens, comma, low)
    if tagged is not None:
        return tagged
    for over_cities in (True, False):
        index = _appositive_start(tokens, comma, low, over_cities=over_cities)
        found = _appositive_from(tokens, index, comma, low) if index is not None else None
        if found is not None:
            return found
    return None


_PARTY_TAG_RE: Final = re.compile(r"[A-Z]-[A-Z][A-Za-z]{0,5}")


def _name_with_party_tag(tokens: Tokens, comma: int, low: int) -> Phrase | None:
    """`Gov. Dana Cole (R-OR), said`: a comma after a name's party tag ends the name, not an
    appositive (the phrase before an earlier comma is another clause's)."""
    close = comma - 1
    if close - 2 < low or tokens.words[close] != ")":
        return None
    opening = close - 2 if tokens.words[close - 1] == "." else close - 1
    if opening - 1 < low or tokens.words[opening - 1] != "(":
        return None
    if _PARTY_TAG_RE.fullmatch(tokens.words[opening]) is None:
        return None
    name = phrase_before(tokens, opening - 2, low, nested=True)
    if name is None or name.kind != "name":
        return None
    return replace(name, tail=comma)


_APPOSITIVE_DASHES: Final = frozenset({"—", "–"})

# `Roe, as the mayor, said` sets off a role; `and`, `but`, `or`, `nor` after a comma open a clause.
_CLAUSE_OPENING_COORDINATORS: Final = COORDINATORS - {"as"}


def _double_hyphen(tokens: Tokens, index: int, low: int) -> bool:
    """`--` (two hyphens, two tokens) ends at `index`: a dash in text typed without one."""
    return (
        index - 1 >= low
        and tokens.words[index] == "-"
        and tokens.words[index - 1] == "-"
        and tokens.starts[index - 1] + 1 == tokens.starts[index]
    )


def _dash_width(tokens: Tokens, index: int, low: int) -> int:
    """How many tokens the dash that ends at `index` takes (`—`: 1, `--`: 2), else 0."""
    if tokens.words[index] in _APPOSITIVE_DASHES:
        return 1
    return 2 if _double_hyphen(tokens, index, low) else 0


def _dash_appositive_before(tokens: Tokens, dash: int, low: int) -> Phrase | None:
    """`Tom Ferro — a teacher from Millbrook — says`: an appositive set off by dashes (or by
    `--`); `The judge -- who was in a scuffle -- said`: a relative clause set off by them."""
    width = _dash_width(tokens, dash, low)
    for opening in range(dash - width - 1, max(low, dash - _MAX_APPOSITIVE) - 1, -1):
        word = tokens.words[opening]
        if word in _CLAUSE_BREAKS or word == ",":
            return None
        if _dash_width(tokens, opening, low) == width and (
            width == 2 or word == tokens.words[dash]
        ):
            first_inner = tokens.lows[opening + 1]
            relative = first_inner in RELATIVE_PRONOUNS
            if first_inner not in DETERMINERS and not relative:
                return None  # `Roe — mentioned by many as a rival — said`: no description
            core = phrase_before(tokens, opening - width, low, nested=True)
            if core is None or core.kind == "pronoun":
                return None
            before = subject_start(tokens, core, low) - 1
            if (
                before >= low
                and tokens.words[before][0].isalpha()
                and tokens.lows[before] not in OPENING_CONJUNCTIONS
            ):
                return None  # `He met Kim — a lawyer — said`: an object, no subject
            if relative:
                return replace(core, tail=dash)
            return replace(core, title=tokens.slice_text(opening + 1, dash - width), tail=dash)
    return None


def _appositive_from(tokens: Tokens, index: int, comma: int, low: int) -> Phrase | None:
    """The phrase before the comma at `index`, with the appositive up to `comma` as its title."""
    if index < low or comma - index < 2:
        return None
    core = _name_before_party_tag(tokens, index - 1, low)
    if core is None:
        core = phrase_before(tokens, index - 1, low, nested=True)
    if (
        core is None
        and index - 3 >= low
        and tokens.words[index - 1].isdigit()
        and tokens.words[index - 2] == ","
    ):
        core = phrase_before(tokens, index - 3, low, nested=True)  # `Tomas Okoye, 31, a ...,`
    if core is None or core.kind == "pronoun":
        return None
    first_inner = tokens.lows[index + 1]
    if first_inner in _CLAUSE_OPENING_COORDINATORS:
        return None  # `The council met, and the ferry, ...`: a second clause, no appositive
    if first_inner in RELATIVE_PRONOUNS or first_inner in SPEECH_VERBS:
        return replace(_person_with_body(tokens, core, low), tail=comma)
    if comma - index == 2 and _is_filler(first_inner):
        return replace(core, tail=comma)  # `Choi Sang-mok, meanwhile, urged`: no title
    if (
        first_inner.endswith("ing")
        and first_inner not in TITLE_WORDS
        and not _role_noun(tokens.lows[index + 2])  # `Roe, managing director of ...`
    ):
        return replace(core, tail=comma)  # `Roe, speaking on Fox News, said`: no title
    if _aside(tokens, index + 1, comma):
        return replace(core, tail=comma)  # `Roe, in a statement, said`: no title
    if (
        comma - index - 1 <= 2
        and _PARTY_TAG_RE.fullmatch(tokens.words[index + 1]) is not None
        and core.title
    ):
        return replace(core, tail=comma)  # `House Speaker Tom Reid, R-Wis., said`: its title
    role = core
    if not _role_names(tokens, core):
        # `A delegate from the north, Kelly Marsh,`, `One delegate not on the slate, ...`: a
        # role with its phrase, the phrase's object read as the core (`at Mr. Reid's firm`: a
        # possessive opens with its owner's title)
        opened = subject_start(tokens, core, low) if core.determiner == "possessive" else core.first
        before = opened - 1
        while (
            core.kind == "org"
            and before > low
            and opened - before <= 2
            and tokens.words[before].islower()
            and tokens.lows[before] not in PLACE_PREPOSITIONS
        ):
            before -= 1  # `for the state Department of Ports`: `the state` before the body
        if before - 1 >= low and tokens.lows[before] in PLACE_PREPOSITIONS:
            before -= 1
            if before - 1 >= low and tokens.lows[before] == "not":
                before -= 1
            outer = phrase_before(tokens, before, low, nested=True)
            if outer is not None and _role_names(tokens, outer):
                role = replace(outer, last=core.last)
    names = _role_names(tokens, role)
    if names:
        # `His lawyer, Dana Cole, said`, `the firm's chief executive, Tomas Okoye, said`: the
        # person the role is given to speaks, named in two words or more, with the role as the
        # title (not `a nurse in Fairview, Oregon, said` nor `a resident of Ames, Iowa`: places).
        named = phrase_before(tokens, comma - 1, index + 1, nested=True)
        if (
            named is not None
            and named.kind == "name"
            and _starts_after_role(tokens, named, index + 1)
            and named.last > named.first
            and not looks_like_place(tokens.words[named.first : named.last + 1])
            and (names == _ANY_NAME or _personal_name(tokens, named.first, named.last))
        ):
            return replace(
                named,
                title=tokens.slice_text(role.first, role.last),
                tail=comma,
                role_first=_role_start(tokens, role, low),
            )
    member = _member_of_group_named(tokens, core, index, comma, low)
    if member is not None:
        return member
    if _role_of_a_body(core):
        # `The plant's developer, Cascade Renewables, said`: the body the description names
        named = phrase_before(tokens, comma - 1, index + 1, nested=True)
        if named is not None and named.kind == "org" and named.first == index + 1:
            return replace(
                named,
                title=tokens.slice_text(core.first, core.last),
                tail=comma,
                role_first=_role_start(tokens, core, low),
            )
    if (
        core.last > low
        and tokens.words[core.last][0].isupper()
        and tokens.lows[core.last - 1] in PLACE_PREPOSITIONS
        and comma - index - 1 <= _MAX_PLACE_WORDS
        and all(word[0].isupper() or word == "." for word in tokens.words[index + 1 : comma])
    ):
        return replace(core, tail=comma)  # `a resident of Ames, Iowa,`: the place goes on
    return replace(core, title=tokens.slice_text(index + 1, comma - 1), tail=comma)


def _person_with_body(tokens: Tokens, core: Phrase, low: int) -> Phrase:
    """`A senior official at the ministry, who asked not to be named, said`: before a relative
    clause set off, a body or a person after a role (`at`, `for`, `of`, `with`, `from`) is the
    role's complement, and the role's person is the subject (`A lawyer for Dana Cole, who
    chairs the board, said`: the lawyer); else the phrase itself."""
    preposition = core.first - 1
    if preposition - 1 < low or tokens.lows[preposition] not in AFFILIATION_PREPOSITIONS:
        return core
    outer = phrase_before(tokens, preposition - 1, low, nested=True)
    if outer is None or outer.kind != "description" or not _role_noun(outer.head):
        return core
    return replace(outer, last=core.last)


def _member_of_group_named(
    tokens: Tokens, core: Phrase, index: int, comma: int, low: int
) -> Phrase | None:
    """`as one of the reporters, Lena Voss of the Herald, noted`: one of a group, then a name set
    off, is the person named, titled with the group (phrase_after reads the same after a
    quote)."""
    of = core.first - 1
    if (
        core.kind != "description"
        or of - 1 < low
        or tokens.lows[of] != "of"
        or tokens.lows[of - 1] not in GROUP_MEMBERS
    ):
        return None
    named = phrase_after(tokens, index + 1, comma)  # `Lena Voss of the Herald`: Lena Voss
    if (
        named is None
        or named.kind != "name"
        or named.first != index + 1
        or named.first == named.last
    ):
        return None
    title = tokens.slice_text(of - 1, core.last)
    return replace(named, title=title, tail=comma, role_first=of - 1)


_MAX_PLACE_WORDS: Final = 3  # `of Millbrook, New South Wales,`


def _aside(tokens: Tokens, first: int, end: int) -> bool:
    """The words set off from `first` to before `end` after a name are an aside of place, time
    or manner (`Roe, in a statement,`, `Roe, for his part,`, `Roe, after a pause,`), no title;
    not an affiliation that names a body or a place (`Roe, of the Harbor Board,`, `Roe, at a
    consulting firm,`, `Roe, of Ames, Iowa,`)."""
    low = tokens.lows[first]
    if low not in PREPOSITIONS and low not in INTERPOSED_OPENERS:
        return False
    return low not in AFFILIATION_PREPOSITIONS or not any(
        tokens.words[index][0].isupper() or tokens.lows[index] in ORG_NOUNS
        for index in range(first + 1, end)
    )


def _name_before_party_tag(tokens: Tokens, last: int, low: int) -> Phrase | None:
    """`Rep. Dana Cole, R-Ore., a leader of the caucus, said`: a party tag set off by commas
    ending at `last` is the name's first appositive, and the name before it is the subject."""
    tag = last - 1 if tokens.words[last] == "." else last
    if tag - 2 < low or tokens.words[tag - 1] != ",":
        return None
    if _PARTY_TAG_RE.fullmatch(tokens.words[tag]) is None:
        return None
    named = phrase_before(tokens, tag - 2, low, nested=True)
    return named if named is not None and named.kind == "name" else None


def _role_noun(lower: str | None) -> bool:
    return lower in PERSON_NOUNS or lower in TITLE_WORDS


_ANY_NAME: Final = "any"
_PERSONAL_NAME: Final = "personal"


def _role_names(tokens: Tokens, role: Phrase) -> str | None:
    """Which name set off by commas after a description is the person the role is given to,
    read before a cue and after a quote alike: any name after a person's role (`his lawyer,
    Dana Cole,`); only a personal name after a role that ends in a place (`the senator from
    Ohio, Tom Reid,`: not `a nurse in Fairview, Oregon,`, whose words go on naming the place)
    or one that only reported speech reads as a person, which may head a firm's name too (`a
    partner at the firm, Tom Ames,`: not `the plant's developer, Cascade Renewables,`); else
    None."""
    if role.kind != "description":
        return None
    if _role_noun(role.head):
        placed = role.last > 0 and tokens.lows[role.last - 1] in PLACE_ENDING_PREPOSITIONS
        return _PERSONAL_NAME if placed else _ANY_NAME
    return _PERSONAL_NAME if role.head in CLAIM_PERSON_NOUNS else None


def _personal_name(tokens: Tokens, first: int, last: int) -> bool:
    """The name from `first` to `last` opens with a known first name or is a Korean name
    (family name first): a person's, not a body's (`Harbor Capital`)."""
    low = tokens.lows[first]
    return low in _FIRST_NAMES or (
        low in KOREAN_FAMILY_NAMES and is_korean_name(tokens.words[first : last + 1])
    )


def _role_of_a_body(role: Phrase) -> bool:
    """A description that no person's role heads (`the plant's developer`, `the city's largest
    employer`), which the name of an organisation set off by commas may follow."""
    return role.kind == "description" and role.head not in PERSON_NOUNS


def _starts_after_role(tokens: Tokens, named: Phrase, first: int) -> bool:
    """The name set off after a role opens at `first`, or its own title does (`the committee's
    chairman, Sen. Tom Ferro,`, `his lawyer, attorney Dana Cole,`)."""
    if named.first == first or subject_start(tokens, named, first) == first:
        return True
    return named.first == first + 1 and _role_noun(tokens.lows[first])


def _role_start(tokens: Tokens, role: Phrase, low: int) -> int:
    """The first token of a role with its determiner (`the president's spokesman`)."""
    start = subject_start(tokens, role, low)
    return start - 1 if start - 1 >= low and tokens.lows[start - 1] in DETERMINERS else start


def _appositive_start(tokens: Tokens, comma: int, low: int, *, over_cities: bool) -> int | None:
    """The comma that opens the appositive ending at `comma`, or None."""
    index = comma - 1
    skipped_city = False
    while index >= low and comma - index <= _MAX_APPOSITIVE:
        if tokens.words[index] == ")":
            # `a United Citizens Party (UCP) council member`
            opening = _parenthesis_start(tokens, index, low)
            if opening is not None:
                index = opening - 1
                continue
        if tokens.words[index] in _CLAUSE_BREAKS and not _abbreviation_period(tokens, index):
            return None  # but `Tam Varga, R-Ky., said`, `Jane Roe, of Flint, Mich., said`
        if tokens.words[index] == ",":
            if over_cities and _city_comma(tokens, index, comma, low):
                skipped_city = True
            elif skipped_city and tokens.lows[index + 1] not in INTERPOSED_OPENERS:
                return None  # the city's comma belongs to a phrase no preposition opens
            else:
                return index
        index -= 1
    return None


def _city_comma(tokens: Tokens, index: int, comma: int, low: int) -> bool:
    """`in Millbrook, Vermont, said`: the comma between a city and its state, one name each side,
    inside an interposed phrase that a preposition opens (`of Flint, Mich., said`: the state
    abbreviated)."""
    state_end = comma - 1
    if state_end - 1 > index and _abbreviation_period(tokens, state_end):
        state_end -= 1
    if state_end - index != 1 or index - 1 < low:
        return False
    if not (is_name_word(tokens.words[index + 1]) and is_name_word(tokens.words[index - 1])):
        return False
    return index - 2 >= low and tokens.lows[index - 2] in PREPOSITIONS


def _abbreviation_period(tokens: Tokens, index: int) -> bool:
    """The period of `R-Ky.` or `Mich.` inside an appositive, not a sentence's end."""
    if tokens.words[index] != "." or index == 0:
        return False
    return tokens.lows[index - 1].rsplit("-", 1)[-1] in ABBREVIATIONS


_MAX_FIELD_TOKENS: Final = 8  # a title's field: `Land, Infrastructure and Transport`


def _name_before(tokens: Tokens, last: int, low: int) -> Phrase | None:
    first = last
    longest = 7
    while first - 1 >= low and last - first < longest:
        previous = tokens.words[first - 1]
        if (
            (is_name_word(previous) and not is_possessive(previous))
            or (
                previous == "."
                and first - 2 >= low
                and tokens.lows[first - 2] in ABBREVIATED_TITLES
            )
            or (
                tokens.lows[first - 1] in NAME_CONNECTORS
                and first - 2 >= low
                and is_name_word(tokens.words[first - 2])
            )
            or (
                # `Minister of Economy and Finance Choi Sang-mok`: `and` inside a title's field
                tokens.lows[first - 1] == "and" and _field_of(tokens, first - 1, low) >= 0
            )
            or (
                # `Minister of Land, Infrastructure and Transport Park Sang-woo`: its commas
                previous == "," and _comma_in_field(tokens, first - 1, low, last)
            )
            or (
                # `Education Workers' Union`: a plural owner inside an organisation's name
                previous in {"'", "’"}
                and first - 2 >= low
                and tokens.words[first - 2][:1].isupper()
                and tokens.lows[first - 2].endswith("s")
                and is_org_word(tokens.words[last])
            )
            or (
                # `Center for Strategic Studies`, `Minister for Foreign Affairs Sato`: `for`
                # inside an organisation's name or a title
                tokens.lows[first - 1] == "for"
                and first - 2 >= low
                and tokens.words[first - 2][:1].isupper()
                and (
                    is_org_word(tokens.words[first - 2])
                    or tokens.lows[first - 2] in ORG_NOUNS
                    or tokens.lows[first - 2] in TITLE_WORDS
                )
            )
        ):
            first -= 1
            if previous == ",":
                longest = 7 + _MAX_FIELD_TOKENS
        else:
            break
    if (
        first - 2 >= low
        and tokens.lows[first - 2] == "the"
        and is_possessive(tokens.words[first - 1])
        and tokens.words[first - 1][0].isupper()
        and (is_org_word(tokens.words[last]) or is_org_word(tokens.words[first]))
    ):
        # `The Citizens’ Coalition said`: the possessive is part of the organisation's name.
        return Phrase(first - 2, last, "org", last, determiner="the")
    modified = _description_with_modifier(tokens, first, last, low)
    if modified is not None:
        return modified
    determiner = tokens.lows[first - 1] if first - 1 >= low else None
    words = [w for w in tokens.words[first : last + 1] if w != "."]
    person = _person_of_place(tokens, first, last) if determiner != "the" else None
    if person is not None:
        return person
    if determiner == "the" and _titled_office(tokens, first, last):
        # `The Minister of Trade, Park Jin-soo, said`: a role, not a body
        head = tokens.lows[first]
        return Phrase(first - 1, last, "description", last, determiner="the", head=head)
    if determiner == "the" or is_org_name(words):
        head_of_body = _head_of_body(tokens, first, last)
        if head_of_body is not None:
            return head_of_body
        start = first - 1 if determiner == "the" else first
        return Phrase(start, last, "org", last, determiner=determiner)
    name_first = _name_start(tokens, first, last)
    title = tokens.slice_text(first, name_first - 1) if name_first > first else None
    if name_first > last:
        return None
    if title is None:
        title = _role_title_before(tokens, first, last, low)
    return Phrase(name_first, last, "name", last, title=title)


_MAX_ROLE_TITLE: Final = 6


def _role_title_before(tokens: Tokens, first: int, last: int, low: int) -> str | None:
    """`Democratic Party leader Lee Jae-myung said`, `campaign manager Tom Reid said`: a role
    noun in lower case right before the name, and what modifies it, are the name's title, read
    as the words after a quote read them (phrase_after)."""
    if first - 1 < low or not tokens.words[first - 1].islower():
        return None
    if tokens.lows[first - 1] not in PERSON_NOUNS and not (
        first - 3 >= low and tokens.lows[first - 2] == "of" and _role_noun(tokens.lows[first - 3])
    ):
        return None  # (`chief of staff Chung Jin-suk`: a role and its field in lower case)
    start = first - 1
    while start - 1 >= low and first - start < _MAX_ROLE_TITLE:
        word, lower = tokens.words[start - 1], tokens.lows[start - 1]
        if not (
            lower == "of"
            or (is_name_word(word) and not is_possessive(word))
            or (
                word.isalpha()
                and word.islower()
                and lower not in FUNCTION_WORDS
                and lower not in PREPOSITIONS
                and not _looks_like_verb(lower)
            )
        ):
            break
        start -= 1
    for opening in range(start, first - 1):
        phrase = phrase_after(tokens, opening, last + 1)
        if phrase is not None and phrase.kind == "name" and phrase.last == last and phrase.title:
            return phrase.title
    return None


def _head_of_body(tokens: Tokens, first: int, last: int) -> Phrase | None:
    """`Bank of Korea Governor Rhee Chang-yong`, `Harbor Steel CEO Tom Reid`: a body's name,
    a title, then a person's name (a Korean name or a known first name): the person speaks,
    titled with the rest; else None (`the Bank of Korea` speaks as a body)."""
    name_first = _name_start(tokens, first, last)
    if not first < name_first < last or tokens.lows[name_first - 1] not in TITLE_WORDS:
        return None
    if not _personal_name(tokens, name_first, last):
        return None
    return Phrase(name_first, last, "name", last, title=tokens.slice_text(first, name_first - 1))


def _person_of_place(tokens: Tokens, first: int, last: int) -> Phrase | None:
    """`Jason Roe of Cheyenne`, `Shin Ga-eun of Daemyung Securities`: a person's name of two
    words or more, then `of` and a place or an organisation; the person is the mention (not
    `Secretary of State`, whose words are a title, nor `Korea Development Bank of ...`)."""
    start = first
    while start < last and (
        tokens.lows[start] in TITLE_WORDS
        or tokens.lows[start] in ABBREVIATED_TITLES
        or (tokens.words[start] == "." and start > first)
    ):
        start += 1  # `Senator Tom Reid of Ohio`, `Sen. Tom Reid of Ohio`: a title first
    for of in range(start + 2, last):
        if tokens.lows[of] != "of":
            continue
        if any(
            tokens.lows[i] in TITLE_WORDS
            or tokens.lows[i] in ABBREVIATED_TITLES
            or not is_name_word(tokens.words[i])
            or is_org_word(tokens.words[i])
            for i in range(start, of)
        ):
            return None
        if not all(is_name_word(tokens.words[i]) for i in range(of + 1, last + 1)):
            return None
        title = tokens.slice_text(first, start - 1) if start > first else None
        return Phrase(start, of - 1, "name", last, title=title)
    return None


def _description_with_modifier(tokens: Tokens, first: int, last: int, low: int) -> Phrase | None:
    """`an official at South Korea’s Ministry of Foreign Affairs`: the name modifies a noun."""
    index = first - 1
    while index >= low and is_possessive(tokens.words[index]) and first - index < 5:
        index -= 1
        while index >= low and is_name_word(tokens.words[index]):
            index -= 1
    if index >= low and tokens.lows[index] == "the":
        index -= 1
    if index - 1 < low or tokens.lows[index] not in PREPOSITIONS:
        return None
    head = tokens.lows[index - 1]
    if head not in PERSON_NOUNS:
        return None
    core = _description_before(tokens, index - 1, low)
    if core is None:
        return None
    return replace(core, last=last, tail=last)


def _description_before(tokens: Tokens, head: int, low: int) -> Phrase | None:
    """`a senior White House official`, `the analyst`, `Cheong Wa Dae officials`."""
    first = head
    determiner: str | None = None
    while first - 1 >= low and head - first < 7:
        previous = tokens.words[first - 1]
        lower = tokens.lows[first - 1]
        if lower in DETERMINERS:
            determiner = lower
            first -= 1
            break
        if is_possessive(previous) or _bare_apostrophe(tokens, first - 1, low):
            determiner = "possessive"
            first -= 1 if is_possessive(previous) else 2
            while first - 1 >= low and is_name_word(tokens.words[first - 1]):
                first -= 1
            break
        if _quoted_modifier_ends(tokens, first - 1, low):
            first -= 3  # `a “special” report`: a quoted word is a modifier too
            continue
        if previous == "." and first - 2 >= low and tokens.lows[first - 2] in MONTHS:
            first -= 2  # `the Oct. 3 runoff`: a date's abbreviated month is a modifier too
            continue
        if not previous[0].isalnum() or lower in FUNCTION_WORDS or lower in SPEECH_VERBS:
            break
        first -= 1
    if determiner is None:
        bare_start = _bare_plural_start(tokens, first, head)
        if bare_start is None:
            return None
        first = bare_start
        if first - 2 >= low and tokens.lows[first - 1] == "and" and _is_group(tokens, first - 2):
            # `Workers and students said`: one group of two kinds of people.
            group = _description_before(tokens, first - 2, low)
            if group is not None and not any(
                map(_looks_like_verb, tokens.lows[group.first : group.last])
            ):
                # `His aides and allies say`: the first plural's determiner covers both.
                first = group.first
                determiner = group.determiner
    return Phrase(first, head, "description", head, determiner=determiner, head=tokens.lows[head])


_APOSTROPHES: Final = frozenset({"'", "’"})


def _bare_apostrophe(tokens: Tokens, index: int, low: int) -> bool:
    """`Voss’ campaign`: the apostrophe alone after a name in -s is its possessive (the tokens
    split it off), not a closing single quote (`‘Voss’ campaign` has an opening one)."""
    owner = index - 1
    if owner < low or tokens.words[index] not in _APOSTROPHES:
        return False
    word = tokens.words[owner]
    return (
        tokens.end(owner) == tokens.starts[index]
        and word.endswith("s")
        and is_name_word(word)
        and not any(w in {"‘", "'"} for w in tokens.words[max(low, owner - 4) : owner])
    )


def _quoted_modifier_ends(tokens: Tokens, close: int, low: int) -> bool:
    """The closing mark at `close` ends one quoted lower-case word before a noun."""
    return (
        close - 2 >= low
        and tokens.words[close] in QUOTE_TOKENS
        and tokens.words[close - 2] in QUOTE_TOKENS
        and tokens.words[close - 1].isalpha()
        and tokens.words[close - 1].islower()
    )


def _is_group(tokens: Tokens, index: int) -> bool:
    """A plural noun of people: `students`, `commentators`."""
    lower = tokens.lows[index]
    return lower in PERSON_NOUNS and lower.endswith("s") and tokens.words[index][1:].islower()


def _bare_plural_start(tokens: Tokens, first: int, head: int) -> int | None:
    """Without a determiner only a plural or a capitalised modifier makes a speaker phrase."""
    while first < head and not tokens.words[first][0].isupper():
        first += 1
    if first < head or tokens.lows[head].endswith("s"):
        return first
    return None


# --- noun phrases read forwards after a verb or a closing quote ----------------------------------


def phrase_after(tokens: Tokens, index: int, high: int) -> Phrase | None:
    """The phrase starting at `index` (`said Cho Sung-ryul, a research consultant for ...`)."""
    if index >= high:
        return None
    if tokens.words[index][0].isdigit():
        # `said 9/11 widow Ruth Ostrander`: a number modifies the title.
        index = _skip_number(tokens, index, high)
        if index >= high:
            return None
    lower = tokens.lows[index]
    if lower in PRONOUNS:
        return Phrase(index, index, "pronoun", index)
    if lower in {"one", "another"}:
        # `“Where is my son?” cried one. “It is cold,” said another.`, `said one of them`: a
        # member of a group.
        last = index
        if index + 2 < high and tokens.lows[index + 1] == "of" and tokens.lows[index + 2] == "them":
            last = index + 2
        if last + 1 >= high or not tokens.words[last + 1].isalpha():
            return Phrase(index, last, "description", last, determiner=lower, head=lower)
        if last == index and index + 2 < high and tokens.lows[index + 1] == "of":
            # `“Q,” one of his lawyers, Cho Eun-bi, said`: a member of a group, maybe named
            group = _core_after(tokens, index + 2, high)
            if group is not None and group.kind == "description":
                named = _with_appositive_after(tokens, replace(group, first=index), high)
                # named, the person speaks; else the group does (`his lawyers`)
                return named if named.kind == "name" else replace(named, first=group.first)
    word = tokens.words[index]
    starts_name = is_name_word(word) and not is_possessive(word)
    starts_title = word.isalpha() and word.islower() and lower not in FUNCTION_WORDS
    starts_possessive = is_possessive(word) and word[0].isupper()
    if lower not in DETERMINERS and not (starts_name or starts_title or starts_possessive):
        return None
    core = _core_after(tokens, index, high)
    if core is None:
        return None
    if core.last + 2 < high and tokens.lows[core.last] in GROUP_QUANTITIES:
        people = _core_after(tokens, core.last + 2, high)
        group = group_of_people(tokens, core, people) if people is not None else None
        core = group or core  # `said a number of economists`
    if (
        core.last + 2 < high
        and tokens.words[core.last + 1] == "."
        and tokens.lows[core.last] in COMPANY_SUFFIXES
        and (tokens.words[core.last + 2] == "," or tokens.words[core.last + 2].islower())
    ):
        # `“Q,” Hanbit Steel Co. said`: the period closes the company's name, a verb follows
        core = replace(core, kind="org", last=core.last + 1, tail=core.last + 1)
    elif (
        core.kind == "name"
        and core.last + 2 < high
        and tokens.words[core.last + 1] == "."
        and tokens.lows[core.last] in NAME_SUFFIXES
        and (tokens.words[core.last + 2] == "," or tokens.words[core.last + 2].islower())
    ):
        # `“Q,” Tom Reid Jr. said`: the period closes the person's name, a verb follows
        core = replace(core, tail=core.last + 1)
    if (
        core.kind == "description"
        and core.determiner is None
        and core.last + 2 < high
        and tokens.lows[core.last + 1] == "and"
        and _is_group(tokens, core.last)
    ):
        # `criticised by farmers and union leaders`: one group of two kinds of people.
        other = _core_after(tokens, core.last + 2, high)
        if other is not None and other.kind == "description" and other.determiner is None:
            core = replace(core, last=other.last, tail=other.tail)
    return _with_appositive_after(tokens, core, high)


def _skip_number(tokens: Tokens, index: int, high: int) -> int:
    start = index
    while index < high and index - start < 4 and not tokens.words[index][0].isalpha():
        if tokens.words[index] in _CLAUSE_BREAKS or tokens.words[index] == ",":
            return high
        index += 1
    return index


def _core_after(tokens: Tokens, first: int, high: int) -> Phrase | None:
    lower = tokens.lows[first]
    determiner = lower if lower in DETERMINERS else None
    if is_possessive(tokens.words[first]) and tokens.words[first][0].isupper():
        determiner = "possessive"  # `Lane's former campaign strategist`
    index = first + 1 if determiner else first
    last_name = last_head = last_word = -1
    while index < high and index - first < 10:
        word = tokens.words[index]
        low = tokens.lows[index]
        if low in SPEECH_VERBS and word.islower():
            break
        if (
            low in BARE_CUES
            and word.islower()
            and index > first
            and is_plural_word(tokens.words[index - 1])
            and index - 1 in (last_head, last_name)
        ):
            break  # `the Saudis state`, `critics charge`: a plural subject, then its verb
        if low in PERSON_NOUNS or low in ORG_NOUNS:
            last_head = index
        elif is_name_word(word) or (is_possessive(word) and word[0].isupper()):
            last_name = index
        elif word == "." and tokens.lows[index - 1] in ABBREVIATED_TITLES:
            pass
        elif determiner and word[0].isdigit() and "-" in word and word[-1].isalpha():
            last_word = index  # `the 34-year-old mother`, `said the 52-year-old.`
        elif determiner and word.isdigit() and len(word) == 4 and index + 1 < high:
            pass  # `a 2008 Varga veteran`: a year modifies the head
        elif word.isalpha() and word.islower() and not determiner and low not in FUNCTION_WORDS:
            if last_name >= 0 and (_is_filler(low) or _looks_like_verb(low)):
                break  # `Lee casually tapped ...`: the name's verb, not a modifier
            # `White House press secretary Ada Brandt`, `panel Chairman Rep. Tom Ferro`
        elif determiner and word[0].isalpha() and low not in FUNCTION_WORDS:
            if _is_filler(low):
                break  # `my father often said`
            if max(last_head, last_name, last_word) >= 0 and _looks_like_verb(low):
                break  # `the board issued a statement`, `the church lashed out`
            if (
                last_head == index - 1
                and low.endswith("s")
                and not low.endswith("ss")
                and not tokens.lows[last_head].endswith("s")
            ):
                break  # `The group seeks ...`: a singular head noun and its verb
            last_word = index  # `the letter`, `the ad’s narrator`
        elif (
            low == "of"
            and last_head == index - 1
            and index + 2 < high
            and tokens.words[index + 1].isalpha()
            and tokens.words[index + 1].islower()
            and tokens.lows[index + 1] not in FUNCTION_WORDS
            and is_name_word(tokens.words[index + 2])
        ):
            pass  # `chief of staff Chung Jin-suk`: a role's field in lower case, then the name
        elif not (
            (
                low in NAME_CONNECTORS
                or (low == "and" and _field_of(tokens, index, first) >= 0)
                or (word == "," and _comma_in_field(tokens, index, first, high))
            )
            and index + 1 < high
            and (
                is_name_word(tokens.words[index + 1])
                or (word == "," and tokens.lows[index + 1] == "and")  # a serial comma
            )
        ):
            break
        index += 1
    return _phrase_from_run(tokens, first, high, determiner, last_name, last_head, last_word)


def _phrase_from_run(
    tokens: Tokens,
    first: int,
    high: int,
    determiner: str | None,
    last_name: int,
    last_head: int,
    last_word: int,
) -> Phrase | None:
    last = max(last_name, last_head)
    if determiner and last_word > last and not is_possessive(tokens.words[last_word]):
        last_head = last = last_word
    if last < first or is_possessive(tokens.words[last]):
        return None
    if last_head == last:
        head = tokens.lows[last]
        phrase = Phrase(first, last, "description", last, determiner=determiner, head=head)
        return _extend_description(tokens, phrase, high)
    words = tokens.words[first : last + 1]
    run = tokens.words[first + 1 : last + 1] if determiner else words  # without `the`
    if determiner == "the" and _titled_office(tokens, first + 1, last):
        name_first = _name_start(tokens, first + 1, last)
        named = Phrase(name_first, last, "name", last)
        if name_first < last and (
            tokens.words[name_first - 1].islower() or _personal_name(tokens, name_first, last)
        ):
            # `said the chief of staff Chung Jin-suk`: the role's title, then the name
            return replace(named, title=tokens.slice_text(first + 1, name_first - 1))
        # `said the Minister of Trade, Park Jin-soo`: a role (which a name set off may follow)
        head = tokens.lows[first + 1]
        return Phrase(first, last, "description", last, determiner=determiner, head=head)
    if (
        determiner
        and 0 <= last_head < last_name
        and not is_org_name(run)
        and (
            tokens.lows[last_head + 1] not in PREPOSITIONS or tokens.words[last_head + 2].islower()
        )
    ):
        # `said her attorney Park Ji-hoon`: a role noun, then the person's name (not `a
        # resident of Ames`: the preposition's object is a place).
        name_first = _name_start(tokens, last_head + 1, last)
        role = tokens.slice_text(first + 1, name_first - 1)
        return Phrase(name_first, last, "name", last, title=role)
    person = _person_of_place(tokens, first, last) if not determiner else None
    if person is not None:
        return person
    if determiner == "the" or is_org_name(words):
        start = first + 1 if determiner == "the" else first
        head_of_body = _head_of_body(tokens, start, last)
        if head_of_body is not None:
            return head_of_body
        return Phrase(first, last, "org", last, determiner=determiner)
    if determiner == "possessive":
        # `Tidewater’s Ines Okafor`: the owner, then the name.
        name_first = _name_start(tokens, first + 1, last)
        if name_first > last:
            return None
        owner = tokens.slice_text(first, name_first - 1)
        return Phrase(name_first, last, "name", last, title=owner)
    if determiner:
        # `a Nevada Democrat`, `one senior Republican`: an unnamed source of that party or place.
        head = tokens.lows[last]
        phrase = Phrase(first, last, "description", last, determiner=determiner, head=head)
        return _extend_description(tokens, phrase, high)
    name_first = _name_start(tokens, first, last)
    if name_first > last:
        return None
    title = tokens.slice_text(first, name_first - 1) if name_first > first else None
    return Phrase(name_first, last, "name", last, title=title)


def possessive_owner(tokens: Tokens, owner: int, low: int) -> Phrase:
    """`Governor Han Mi-ra’s` before a speech noun: the owner's name, its title apart."""
    first = owner
    while first - 1 >= low and is_name_word(tokens.words[first - 1]):
        first -= 1
    name_first = min(_name_start(tokens, first, owner), owner)
    title = tokens.slice_text(first, name_first - 1) if name_first > first else None
    return Phrase(name_first, owner, "name", owner, title=title)


def is_org_name(words: list[str]) -> bool:
    """`White House`, `Ministry of Foreign Affairs`, `Reuters`; not `House Speaker Tom Ferro`."""
    if is_org_word(words[-1]):
        return True
    return is_org_word(words[0]) and any(word.lower() == "of" for word in words)


def _field_of(tokens: Tokens, conjunction: int, low: int) -> int:
    """The `of` of a title or a body whose field goes on past the `and` at `conjunction`
    (`Minister of Economy and Finance`, `Ministry of Science and ICT`, `Minister of Land,
    Infrastructure and Transport`: items of one or two words in capitals, set off by commas),
    else -1."""
    of, words = conjunction - 1, 0
    while of >= low and tokens.lows[of] != "of" and conjunction - of <= _MAX_FIELD_TOKENS:
        if tokens.words[of] == ",":
            if words == 0 and of != conjunction - 1:
                return -1  # two commas in a row; one right before `and` is a serial comma
            words = 0
        elif is_name_word(tokens.words[of]) and words < 2:
            words += 1
        else:
            return -1
        of -= 1
    if (
        of - 1 < low
        or words == 0
        or tokens.lows[of] != "of"
        or not (tokens.lows[of - 1] in TITLE_WORDS or is_org_word(tokens.words[of - 1]))
    ):
        return -1  # (`the Ministry of Economy and Finance`: a body's name goes on too)
    after = tokens.lows[conjunction + 1] if conjunction + 1 < len(tokens.words) else ""
    if after in TITLE_WORDS or after in _FIRST_NAMES:
        return -1  # `of the Harbor Institute and Professor Reid`: another person
    return of


def _comma_in_field(tokens: Tokens, comma: int, low: int, high: int) -> bool:
    """The comma at `comma` sets off the items of a title's or a body's field (`Minister of
    Land, Infrastructure and Transport`): the field's `and` follows, its `of` precedes."""
    index = comma + 1
    while index < high and index - comma <= _MAX_FIELD_TOKENS:
        low_word = tokens.lows[index]
        if low_word == "and":
            of = _field_of(tokens, index, low)
            return 0 <= of < comma
        if not (is_name_word(tokens.words[index]) or tokens.words[index] == ","):
            return False
        index += 1
    return False


def _titled_office(tokens: Tokens, first: int, last: int) -> bool:
    """`Minister of Trade`, `Secretary of State`, `former secretary of State`: a title word
    (after a modifier of roles), `of` and the field it holds, in capitals, the last of them no
    body's word (`the Bank of Korea`, `the Office of ...`)."""
    while first + 3 <= last and tokens.lows[first] in ROLE_MODIFIERS:
        first += 1
    return (
        first + 2 <= last
        and tokens.lows[first] in TITLE_WORDS
        and tokens.lows[first] not in ORG_NOUNS
        and tokens.lows[first + 1] == "of"
        and not is_org_word(tokens.words[last])
    )


def _name_start(tokens: Tokens, first: int, last: int) -> int:
    """First token of the personal name at the end of a run; what precedes is a title."""
    index = last
    while index > first and last - index < 4:
        previous = tokens.words[index - 1]
        low = tokens.lows[index - 1]
        if low in TITLE_WORDS or low in ABBREVIATED_TITLES or not is_name_word(previous):
            break
        index -= 1
    of = index - 1
    if of > first and tokens.lows[of] == "and":
        of = _field_of(tokens, of, first)  # `Minister of Economy and Finance Choi Sang-mok`
    if of > first and tokens.lows[of] == "of":
        # `Minister of Trade Park Jin-soo`, `Governor of Ohio Greg Reid`: the title's field
        # goes on to where a full name starts (a Korean name, or a known first name)
        for start in range(index + 1, last):
            if _personal_name(tokens, start, last):
                return start
    return index


def _extend_description(tokens: Tokens, phrase: Phrase, high: int) -> Phrase:
    """`a spokeswoman for the Varga campaign`: keep the affiliation in the mention."""
    index = phrase.last + 1
    if index + 1 >= high or tokens.lows[index] not in PREPOSITIONS:
        return phrase
    following = _core_after(tokens, index + 1, high)
    if following is None or (following.kind == "description" and following.head in PERSON_NOUNS):
        return phrase
    return replace(phrase, last=following.last, tail=following.last)


def _with_appositive_after(tokens: Tokens, phrase: Phrase, high: int) -> Phrase:
    after_parenthesis = _skip_parenthesis(tokens, phrase.last + 1, high)
    if after_parenthesis > phrase.last + 1:
        phrase = replace(phrase, tail=after_parenthesis - 1)
    index = phrase.tail + 1
    if index + 1 >= high or tokens.words[index] != ",":
        return phrase
    first = index + 1
    lower = tokens.lows[first]
    if phrase.kind == "name" and _PARTY_TAG_RE.fullmatch(tokens.words[first]) is not None:
        # `Rep. Dana Cole, R-Ore., a leader of the caucus, said`: the party tag, then maybe a
        # description of the same person
        tag_end = first + 1 if first + 1 < high and tokens.words[first + 1] == "." else first
        if tag_end + 1 < high and tokens.words[tag_end + 1] == ",":
            tag = tokens.slice_text(first, tag_end)
            tagged = replace(phrase, title=phrase.title or tag, tail=tag_end)
            return _with_appositive_after(tokens, tagged, high)
    if (
        lower in SPEECH_VERBS
        or lower in RELATIVE_PRONOUNS
        or lower in AUXILIARIES  # `The ferry, says Voss, would run ...`: the clause's verb
        or (lower.endswith("ing") and lower not in TITLE_WORDS)  # `, acting secretary` is a title
    ):
        return phrase
    names = _role_names(tokens, phrase)
    if (names or _role_of_a_body(phrase)) and is_name_word(tokens.words[first]):
        # `another neighbour, Ines Okafor, told CNN`: the name that the description introduces;
        # `the plant's developer, Cascade Renewables,`: the body it introduces.
        last = first
        while last + 1 < high and last - first < 4 and is_name_word(tokens.words[last + 1]):
            last += 1
        named = _phrase_from_run(tokens, first, high, None, last, -1, -1)
        person = names == _ANY_NAME or (
            names == _PERSONAL_NAME
            and named is not None
            and _personal_name(tokens, named.first, named.last)
        )
        wanted = "name" if person else "org"
        if named is not None and named.kind == wanted and named.first == first:
            role = tokens.slice_text(phrase.first, phrase.last)
            return replace(named, title=named.title or role)
        return phrase
    if not (tokens.words[first].islower() or lower in TITLE_WORDS or lower in DETERMINERS):
        return phrase
    last = first
    while last + 1 < high and last - first < _MAX_APPOSITIVE:
        following = tokens.words[last + 1]
        if following in _CLAUSE_BREAKS and not (
            following == "." and tokens.lows[last] in ABBREVIATED_TITLES
        ):
            break  # `state Del. Dora Lindqvist` goes on past the abbreviation
        if following == "," and last + 2 < high and _ends_appositive(tokens.lows[last + 2]):
            break
        if following == "," and last + 2 < high and _aside(tokens, last + 2, high):
            break  # `Roe, the chief of the mill, in an interview`: the aside is no title
        last += 1
    if _aside(tokens, first, last + 1):
        return replace(phrase, tail=last)  # `“Q,” Roe, after a pause, said`: no title
    return replace(phrase, title=tokens.slice_text(first, last), tail=last)


def _ends_appositive(lower: str) -> bool:
    """`Lee, a farmer from the valley, was quoted as saying`: the verb after the second comma."""
    return (
        lower.endswith("ing")
        or lower in RELATIVE_PRONOUNS
        or lower in SPEECH_VERBS
        or lower in AUXILIARIES
        or lower in SUBJECT_VERB_FILLERS
        or (lower.endswith("ed") and lower.isalpha())  # `Kim, the sister of ..., issued`
    )


def body_of_members(tokens: Tokens, phrase: Phrase, verb: int) -> Phrase:
    """`“Q,” a union of dock workers in the capital said`: an unnamed body is known by its
    members, so the phrase up to the verb names it (`a union` alone names no one)."""
    of = phrase.tail + 1
    if (
        phrase.kind != "description"
        or phrase.determiner not in {"a", "an"}
        or phrase.head not in ORG_NOUNS
        or of + 1 >= verb
        or tokens.lows[of] != "of"
    ):
        return phrase
    return replace(phrase, last=verb - 1, tail=verb - 1)


# --- the clauses around a speech verb ------------------------------------------------------------


def verb_after_subject(tokens: Tokens, index: int, high: int) -> int | None:
    index = _skip_parenthesis(tokens, index, high)
    if index < high and tokens.words[index] == ",":
        index += 1
        closing = _closing_comma(tokens, index, high)
        if closing is not None:
            # `Ines Okafor, 25, said` / `Tam Varga, R-Ky., said`
            verb = skip_fillers(tokens, closing + 1, high)
            if verb < high and is_finite_cue(tokens.lows[verb]) and tokens.words[verb].islower():
                return verb
    if index < high and tokens.lows[index] in RELATIVE_PRONOUNS:
        # `a senior official who spoke on condition of anonymity told Reuters`
        for probe in range(index + 1, min(high, index + 15)):
            if tokens.words[probe] in _CLAUSE_BREAKS:
                return None
            if is_finite_cue(tokens.lows[probe]) and tokens.words[probe].islower():
                return probe
        return None
    index = skip_fillers(tokens, index, high)
    if index + 1 < high and tokens.lows[index] in DO_FORMS:
        # `Voss did say`, as `_subject_before` reads; `Voss did not attend the meeting ...` goes
        # on from `did`, whose verb is no cue
        bare = skip_fillers(tokens, index + 1, high)
        if bare < high and is_finite_cue(tokens.lows[bare]) and tokens.words[bare].islower():
            return bare
    if index < high and is_finite_cue(tokens.lows[index]) and tokens.words[index].islower():
        return index
    quoted = _quoted_as_cue(tokens, index, high)
    if quoted is not None:
        return quoted
    if index < high and tokens.lows[index] in PREPOSITIONS:
        # `Mr. Renner of the Lindell Institute said`
        for probe in range(index + 1, min(high, index + 8)):
            if tokens.words[probe] in _CLAUSE_BREAKS or tokens.words[probe] == ",":
                return None
            if is_finite_cue(tokens.lows[probe]) and tokens.words[probe].islower():
                return probe
    return None


def document_quoted_as_saying(tokens: Tokens, verb: int, high: int) -> Phrase | None:
    """`“Q” during the talks, the envoy cited the northern letter as saying.`: the
    document cited as saying speaks (for its author), not the one who cites it."""
    if tokens.lows[verb] not in QUOTING_VERBS:
        return None
    phrase = phrase_after(tokens, verb + 1, high)
    if phrase is None or phrase.kind != "description" or phrase.head not in DOCUMENT_HEADS:
        return None
    after = phrase.tail + 1
    if after + 1 >= high or tokens.lows[after] != "as" or tokens.lows[after + 1] != "saying":
        return None
    return phrase if clause_ends(tokens, after + 2, high) else None


def _quoted_as_cue(tokens: Tokens, index: int, high: int) -> int | None:
    """`“Q,” Park was quoted as saying`: the passive names the speaker; the cue is `saying`."""
    if index + 2 >= high or tokens.lows[index] != "quoted" or tokens.lows[index + 1] != "as":
        return None
    cue = index + 2
    return cue if tokens.lows[cue] in SPEECH_VERBS and tokens.words[cue].islower() else None


def phrasal_cue_after(tokens: Tokens, index: int, high: int) -> int | None:
    """`Roe shot back`, `Kelly went on`: the verb of a two-word cue right after the subject
    (a few adverbs between them allowed)."""
    index = skip_fillers(tokens, index, high)
    if index + 1 >= high or not tokens.words[index].islower():
        return None
    if f"{tokens.lows[index]} {tokens.lows[index + 1]}" in PHRASAL_CUES:
        return index
    return None


def _closing_comma(tokens: Tokens, index: int, high: int) -> int | None:
    for probe in range(index, min(high, index + _MAX_APPOSITIVE)):
        word = tokens.words[probe]
        abbreviation = word == "." and probe + 1 < high and tokens.words[probe + 1] == ","
        if word in _CLAUSE_BREAKS and not abbreviation:  # `R-Ky.,` ends an abbreviation
            return None
        if word == ",":
            return probe
    return None


def clause_ends(tokens: Tokens, index: int, end: int) -> bool:
    # `..., an official said Wednesday.`, `..., he said on Monday.`
    day = index + 1 if index + 1 < end and tokens.lows[index] == "on" else index
    if day < end and tokens.words[day][0].isupper() and _is_filler(tokens.lows[day]):
        index = day + 1
    if index < end and tokens.lows[index] in TRAILING_PREPOSITIONS:
        # `..., Varga said Tuesday in Lyon.`, `..., the ministry said in a release.`
        probe = index + 1
        while probe < end and tokens.words[probe] not in _CLAUSE_ENDS:
            lower = tokens.lows[probe]
            if probe - index > 6 or lower in CLAUSE_CONJUNCTIONS or lower in SPEECH_VERBS:
                return False
            if tokens.words[probe] in _CLAUSE_BREAKS:
                return False
            probe += 1
        index = probe
    return index >= end or tokens.words[index] in _CLAUSE_ENDS


_CLAUSE_ENDS: Final = frozenset({".", ",", "!", "?"})


def embedded_pronoun(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    return (
        phrase.kind == "pronoun"
        and phrase.first > low
        and tokens.lows[phrase.first - 1] in EMBEDDING_WORDS
    )


def subject_of_last_cue(tokens: Tokens, low: int, high: int) -> tuple[Phrase, int] | None:
    """The speech verb before `high` that governs the quote, and its subject.

    Reported speech nests (`Varga says she hopes ... that “Q”`, `Roe said that Varga once
    described it as “Q”`); newswire attributes to the outermost source, so the earliest cue with
    a subject in the same clause wins."""
    words, lows = tokens.words, tokens.lows
    if SPEECH_VERBS.isdisjoint(lows[low:high]):
        return None  # most windows hold no speech verb: one set test, not a loop over them
    found = embedded = None
    for verb in range(high - 1, low - 1, -1):
        if words[verb] in _CLAUSE_BREAKS and found is not None:
            break
        if lows[verb] not in SPEECH_VERBS:
            continue  # the common case, checked here without a call
        # `Roe, who has called the pact “Q”`: the relative pronoun is the mention, before the
        # antecedent that the subject reader would reach over `who has`.
        candidate = relative_subject(tokens, verb, low) if found is None else None
        if candidate is None:
            candidate = _cue_with_subject(tokens, verb, low)
        if candidate is None:
            continue
        if (
            found is None
            and (candidate[0].kind != "pronoun" or _after_comma(tokens, candidate[0], low))
            and _introduces_directly(tokens, verb, high)
        ):
            # `..., the mother of three replied, “Q”`; `..., a result we foresaw, she said, “Q”`
            return candidate
        if found is None and _parenthetical(tokens, candidate, low, high):
            return candidate  # `Repair estimates, he added, were “Q”`: the cue set off by commas
        if found is None and _set_off_relative(tokens, candidate, low):
            return candidate  # `Voss praised Roe, who said the levy was “Q”`: a clause apart
        if found is None and _object_relative_subject(tokens, candidate, low, high):
            return candidate  # `Voss criticized the levy, which Brandt said was “Q”`
        if found is None and embedded_pronoun(tokens, candidate[0], low + 1):
            embedded = candidate
        if found is not None and _in_subordinate_clause(tokens, candidate, found[0], low):
            continue  # `While he acknowledged ..., Ham also noted “Q”`
        if found is not None and _passive_listener(tokens, candidate, low):
            continue  # `Roe was told that Doe had called it “Q”`: Roe speaks no outer clause
        if found is not None and (
            _opens_coordinate_clause(tokens, found[0], low)
            or _absolute_with(tokens, found, low)
            or _trailing_subordinate(tokens, found[0], low)
        ):
            break  # `Roe says ..., but she cautions that “Q”`: the later clause speaks
        if found is not None and _clause_apart_holds_quote(tokens, found, low, high):
            break  # `Roe said, after Doe said the mayor was “Q”`: the later clause speaks
        found = candidate
    if embedded is not None:
        return _embedded_speaker(tokens, embedded, found, low)
    if found is not None and _subordinate_before_main_clause(tokens, found, low, high):
        return None  # `When Roe announced his bid, he referred to them as “Q”`
    if found is not None and found[0].kind == "pronoun" and found[0].antecedent is None:
        antecedent = _later_pronoun_antecedent(tokens, found[0], low)
        if antecedent is not None:
            return replace(found[0], antecedent=antecedent), found[1]
    return found


_MAX_PARENTHESIS_SUBJECT: Final = 3


def _after_comma(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    return phrase.first - 1 > low and tokens.words[phrase.first - 1] == ","


def _parenthetical(tokens: Tokens, found: tuple[Phrase, int], low: int, high: int) -> bool:
    """`Repair estimates, he added, were “Q”`: a cue set off by commas right after a short
    subject attributes its clause; a word before it read as a speech verb (`estimates`) is no
    outer cue. After a longer clause (`Roe said the plan, he believes, is “Q”`) the outermost
    cue still speaks."""
    phrase, verb = found
    return (
        low < phrase.first - 1 <= low + _MAX_PARENTHESIS_SUBJECT
        and tokens.words[phrase.first - 1] == ","
        and phrase.tail + 1 == verb
        and verb + 2 < high
        and tokens.words[verb + 1] == ","
    )


def _set_off_relative(tokens: Tokens, found: tuple[Phrase, int], low: int) -> bool:
    """The cue opens a relative clause that a comma sets off from its antecedent (`Voss
    praised Roe, who said`): the clause's own statement, which the main clause's verb does
    not report; but inside a reported clause (`Voss recalled that ..., who wondered if “Q”`)
    the outer cue still speaks."""
    phrase, _ = found
    return (
        phrase.antecedent is not None
        and tokens.lows[phrase.first] in SUBJECT_RELATIVES
        and phrase.first - 1 > low
        and (tokens.words[phrase.first - 1] == "," or _who_after_name(tokens, phrase))
        and "that" not in tokens.lows[low : phrase.first]
    )


def _object_relative_subject(
    tokens: Tokens, found: tuple[Phrase, int], low: int, high: int
) -> bool:
    """`Voss criticized the levy, which the auditor said was “Q”`: a named or described subject
    right after an object relative that a comma sets off speaks the relative clause's quote,
    which the outer verb does not report; not when a comma closes the clause before the quote
    (`the levy, which Brandt says would cost $9 million, would be “Q”`), nor for a pronoun
    there, which may stand for the outer subject (`_embedded_speaker`)."""
    phrase, verb = found
    relative = phrase.first - 1
    return (
        phrase.kind != "pronoun"
        and relative - 1 > low
        and tokens.lows[relative] in EMBEDDING_WORDS
        and tokens.words[relative - 1] == ","
        and "," not in tokens.words[verb + 1 : high]
    )


def _who_after_name(tokens: Tokens, phrase: Phrase) -> bool:
    """`Voss praised Roe who said “Q”`: a name needs no restricting, so `who` right after it
    opens a clause apart even when the comma is left out; so does a second `who` joined to the
    first (`Roe, who chairs the board and who said “Q”`)."""
    antecedent = phrase.antecedent
    return (
        antecedent is not None
        and antecedent.kind == "name"
        and tokens.lows[phrase.first] == "who"
        and (
            antecedent.tail + 1 == phrase.first
            or tokens.lows[phrase.first - 1] in JOINING_CONJUNCTIONS
        )
    )


def _later_pronoun_antecedent(tokens: Tokens, pronoun: Phrase, low: int) -> Phrase | None:
    """`Doe went after Roe at the forum, when he called him “Q”`: a pronoun later in its
    sentence stands for the sentence's subject when the two agree."""
    if pronoun.first <= low or _pronoun_of(tokens.lows[pronoun.first]) not in THIRD_PERSON_PRONOUNS:
        return None
    if tokens.words[pronoun.first - 1] in {",", "—", "--"}:
        return None  # `Choi is ill, he said`: a parenthetical cue after the reported clause
    main = sentence_subject(tokens, low, pronoun.first)
    if main is None or main.kind == "pronoun" or main.tail >= pronoun.first:
        return None
    return main if _agrees(tokens, pronoun, main) else None


def _embedded_speaker(
    tokens: Tokens, embedded: tuple[Phrase, int], outer: tuple[Phrase, int] | None, low: int
) -> tuple[Phrase, int]:
    """`Varga praised Quist, whom he describes as “Q”`, `South Korean officials condemned ... what
    they called “Q”`: the embedded cue governs the quote and its pronoun is the mention (the
    gold's local speaker); it stands for the outer cue's subject, or else the main clause's,
    when the two agree in gender and number. An outer subject that does not agree speaks."""
    pronoun, verb = embedded
    owner = _speech_noun_owner_before(tokens, pronoun, low)
    if owner is not None:
        return replace(pronoun, antecedent=owner), verb
    if outer is not None and outer is not embedded and outer[0].kind != "pronoun":
        if not _agrees(tokens, pronoun, outer[0]):
            return outer  # `Officials condemned ... what they called “Q”`: no agreement to read
        return replace(pronoun, antecedent=outer[0]), verb
    antecedent = _main_subject_of_pronoun(tokens, pronoun, low)
    return (pronoun if antecedent is None else replace(pronoun, antecedent=antecedent)), verb


_MAX_DIRECT_GAP: Final = 8


def _introduces_directly(tokens: Tokens, verb: int, high: int) -> bool:
    """`X replied, “Q”` / `Roe saying during the debate, “Q”`: the nearest cue reaches the
    quote through a few adverbial words and a comma or colon, so it introduces the quote."""
    if (
        high - verb > _MAX_DIRECT_GAP
        or high - 1 <= verb
        or tokens.words[high - 1] not in {",", ":"}
    ):
        return False
    lows = tokens.lows
    return not any(
        lows[i] == "that"
        or lows[i] in SPEECH_VERBS
        or tokens.words[i] in _CLAUSE_BREAKS
        or (lows[i].endswith(("ing", "ed")) and lows[i] not in FUNCTION_WORDS)
        for i in range(verb + 1, high - 1)
    )


def is_passive_participle(tokens: Tokens, verb: int, low: int) -> bool:
    """`was called`, `has been repeatedly told`: the cue at `verb` is a participle (in -ed, or
    `said`, `told`) after a form of `be`, adverbs in -ly between them."""
    lower = tokens.lows[verb]
    if not (lower.endswith("ed") or lower in IRREGULAR_PARTICIPLE_CUES):
        return False
    before = verb - 1
    while before > low and tokens.lows[before].endswith("ly"):
        before -= 1  # `was repeatedly asked`
    return before >= low and tokens.lows[before] in PASSIVE_AUXILIARIES


def _passive_listener(tokens: Tokens, candidate: tuple[Phrase, int], low: int) -> bool:
    """The subject of a cue in the passive with no `by` agent: who was told or asked, or what
    was called so, who reports nothing."""
    phrase, verb = candidate
    return (
        phrase.tail < verb
        and (verb + 1 >= len(tokens) or tokens.lows[verb + 1] != "by")
        and is_passive_participle(tokens, verb, low)
    )


def _passive_agent(tokens: Tokens, verb: int, low: int) -> Phrase | None:
    """`Her remarks were criticised by farmers as “careless”`: the agent after `by` speaks,
    not the grammatical subject."""
    after = verb + 1
    if after + 1 >= len(tokens.words) or tokens.lows[after] != "by":
        return None
    # The be-form is itself a filler word (`Kang was later told`), so look among the fillers.
    fillers = tokens.lows[max(low, verb - 3) : verb]
    if not any(word in BE_FORMS for word in fillers):
        return None
    return phrase_after(tokens, after + 1, min(len(tokens), after + 1 + _MAX_APPOSITIVE))


def relative_subject(tokens: Tokens, verb: int, low: int) -> tuple[Phrase, int] | None:
    """`Tom Ferro, who declared in the lobby, “Q”`, `a message that said, “Q”`: the nearest
    cue opens a relative clause; its pronoun is the mention and stands for its antecedent."""
    relative = verb - 1
    while (
        relative > low
        and tokens.words[relative].islower()  # `which Will claims`: a name, not `will`
        and (tokens.lows[relative] in AUXILIARIES or _is_filler(tokens.lows[relative]))
    ):
        relative -= 1  # `who has repeatedly called`
    if relative > low:
        relative = _skip_back_time_phrase(tokens, relative, low + 1)  # `who in recent weeks`
    if relative > low and tokens.words[relative] == ",":
        relative = _skip_back_parenthesis(tokens, relative, low)  # `who, on a call, said`
    if relative <= low or tokens.lows[relative] not in {"who", "which", "that"}:
        return None
    before = relative - 1
    if tokens.words[before] == ",":
        before -= 1
    if tokens.lows[before] in JOINING_CONJUNCTIONS and tokens.lows[relative] == "who":
        before = _earlier_who(tokens, before, low)  # `Roe, who ... and who said`
    antecedent = phrase_before(tokens, before, low, nested=True) if before >= low else None
    if antecedent is not None and antecedent.kind == "pronoun":
        return None
    if antecedent is None and tokens.lows[relative] == "that":
        return None  # `so that`, `said that`: a conjunction, not a relative pronoun
    if antecedent is not None and (
        antecedent.head in DOCUMENT_NOUNS or antecedent.head in DOCUMENT_HEADS
    ):
        antecedent = _document_author(tokens, antecedent, low) or antecedent
    elif antecedent is not None and tokens.lows[relative] == "who":
        # `a spokesperson for the port authority, who said`: the person, not the body
        antecedent = _person_with_body(tokens, antecedent, low)
    phrase = Phrase(relative, relative, "pronoun", relative, antecedent=antecedent)
    return phrase, verb


def _earlier_who(tokens: Tokens, conjunction: int, low: int) -> int:
    """`Voss, who chairs the board and who called it “Q”`: the second `who` shares the first's
    antecedent; the token before the first `who` (before its comma), or `low - 1` when none."""
    for probe in range(conjunction - 1, max(low, conjunction - 15), -1):
        if tokens.words[probe] in _CLAUSE_BREAKS:
            break
        if tokens.lows[probe] == "who":
            before = probe - 1
            return before - 1 if before > low and tokens.words[before] == "," else before
    return low - 1


_MAX_PARENTHESIS: Final = 8


def _skip_back_parenthesis(tokens: Tokens, comma: int, low: int) -> int:
    """`which, on a call that morning, said`: the token before the phrase that the commas
    set off after a relative pronoun (the comma itself when there is none)."""
    for probe in range(comma - 1, max(low, comma - _MAX_PARENTHESIS) - 1, -1):
        word = tokens.words[probe]
        if word == ",":
            before = probe - 1
            return before if before > low and tokens.lows[before] in SUBJECT_RELATIVES else comma
        if word in _CLAUSE_BREAKS:
            break
    return comma


def _document_author(tokens: Tokens, document: Phrase, low: int) -> Phrase | None:
    """`Quist is releasing a new ad that urges “Q”`, `The council voted for the resolution
    which said “Q”`: a document the clause's subject puts out speaks for that subject."""
    author = sentence_subject(tokens, low, document.first)
    if author is None or author.kind == "pronoun" or author.tail >= document.first:
        return None
    return author


def _opens_coordinate_clause(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    """`..., but she cautions`, `..., though he said`, `..., when he claimed`, `... -- but he
    said`: a comma or a dash and a conjunction open a clause of its own before the subject, so
    an earlier cue belongs to another clause."""
    joiner = phrase.first - 1
    return (
        joiner - 1 >= low
        and tokens.lows[joiner] in CLAUSE_JOINERS
        and tokens.words[joiner - 1] in _COORDINATE_BREAKS
    )


_COORDINATE_BREAKS: Final = frozenset({",", "—", "–", "-"})  # `--` is two tokens `-`


def _trailing_subordinate(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    """`Roe tweeted after Doe argued that “Q”`: a subordinate clause after the main verb holds
    the quote in its own cue's clause."""
    joiner = phrase.first - 1
    return (
        joiner - 1 > low
        and tokens.lows[joiner] in TRAILING_SUBORDINATORS
        and tokens.words[joiner - 1] != ","
    )


def _absolute_with(tokens: Tokens, found: tuple[Phrase, int], low: int) -> bool:
    """`..., with Senator Lena Voss telling reporters that “Q”`: `with`, a subject and its
    participle make a clause of their own, whose subject speaks."""
    phrase, verb = found
    if tokens.lows[verb] not in PARTICIPLE_CUES or verb != phrase.tail + 1:
        return False
    before = phrase.first - 1
    while before > low and (tokens.words[before][0].isupper() or tokens.words[before] == "."):
        before -= 1  # the title words before the name: `with Senator Lena Voss`
    return before > low and tokens.lows[before] == "with"


def _subordinate_before_main_clause(
    tokens: Tokens, found: tuple[Phrase, int], low: int, high: int
) -> bool:
    """The cue sits in a subordinate clause that opens the sentence, and a main clause with a
    subject of its own follows its comma: the main clause, which no cue opens, holds the quote."""
    phrase, verb = found
    if phrase.first <= low or not _opens_subordinate_clause(tokens, phrase, low):
        return False
    return main_clause_start(tokens, low, high, after=verb) > low


def _opens_subordinate_clause(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    """`When Roe`, `After former Gov. Jane Roe`: the subordinator opening the sentence, then
    only the subject's title words before it."""
    return phrase.first - 1 == low or all(
        word[0].isupper() or word == "." or lower in ROLE_MODIFIERS
        for word, lower in zip(
            tokens.words[low + 1 : phrase.first], tokens.lows[low + 1 : phrase.first], strict=True
        )
    )


def main_clause_start(tokens: Tokens, low: int, high: int, *, after: int | None = None) -> int:
    """`When Roe announced his bid in June, he referred to ...`: the first token of the main
    clause after a subordinate clause that opens the sentence (a subject and a verb follow its
    comma); `low` when the sentence opens with no subordinate clause."""
    if tokens.lows[low] not in SUBORDINATORS:
        return low
    for comma in range((after if after is not None else low) + 1, high - 1):
        if tokens.words[comma] in _CLAUSE_BREAKS:
            return low
        if tokens.words[comma] == ",":
            main = phrase_after(tokens, comma + 1, high)
            if main is None and tokens.words[comma + 1].isdigit():
                continue  # `When asked about Roe, 45, Doe said`: an age set off after a name
            if main is None or main.tail + 1 >= high:
                return low
            following = skip_fillers(tokens, main.tail + 1, high)
            if following < high and tokens.words[following].islower():
                return comma + 1
            return low
    return low


def _in_subordinate_clause(
    tokens: Tokens, candidate: tuple[Phrase, int], main: Phrase, low: int
) -> bool:
    """The candidate's clause opens the sentence (or follows an opening phrase's comma:
    `On Monday night, once the vote was counted, Roe stated`) with a subordinator, and a
    comma closes it before the main clause's subject."""
    phrase, verb = candidate
    opener = _clause_opener(tokens, phrase, low)
    if opener is None:
        return False  # `While he acknowledged`, `While not everything Roe says`
    if "," in tokens.words[opener : phrase.first]:
        return False
    return "," in tokens.words[verb + 1 : main.first]


def _clause_opener(tokens: Tokens, phrase: Phrase, low: int) -> int | None:
    """The subordinator at most four tokens before the phrase that opens the sentence or
    follows a comma."""
    for opener in range(phrase.first - 1, max(low, phrase.first - 4) - 1, -1):
        if tokens.lows[opener] in SUBORDINATORS and (
            opener == low or tokens.words[opener - 1] == ","
        ):
            return opener
    return None


def subject_start(tokens: Tokens, phrase: Phrase, low: int) -> int:
    """The first token of a subject with its title and owner (`CNBC’s Jo Park`, `Republican
    Senator Jo Park`, `Sen. Jo Park`): the phrase itself starts at the name."""
    if phrase.role_first is not None:
        return phrase.role_first
    start = phrase.first
    while start - 1 >= low and phrase.first - start < 5:
        word = tokens.words[start - 1]
        if not (
            word[0].isupper()
            or (word == "." and start - 2 >= low and tokens.lows[start - 2] in ABBREVIATED_TITLES)
        ) or (tokens.lows[start - 1] in FUNCTION_WORDS or tokens.lows[start - 1] in SUBORDINATORS):
            break  # (not the sentence's `When` or `But`)
        start -= 1
    return start


def _comma_opener(tokens: Tokens, phrase: Phrase, low: int) -> str | None:
    """The subordinator or conjunction that a comma and the subject enclose (`, after Doe`)."""
    opener = subject_start(tokens, phrase, low) - 1
    if opener - 1 < low or tokens.words[opener - 1] != ",":
        return None
    return tokens.lows[opener]


def _clause_apart_holds_quote(
    tokens: Tokens, found: tuple[Phrase, int], low: int, high: int
) -> bool:
    """`Roe said, after CNBC’s Jo Park said the mayor had called him “Q”`, `..., with Senator Jo
    Park telling reporters he saw the mayor as “Q”`: a comma and a subordinator (or `with`
    before a participle) open the later cue's clause, which runs on to the quote."""
    phrase, verb = found
    opener = _comma_opener(tokens, phrase, low)
    if opener is None or "," in tokens.words[verb + 1 : high]:
        return False
    that = subject_start(tokens, phrase, low) - 3
    if that >= low and tokens.lows[that] == "that":
        return False  # `Roe said that, because Doe called it “Q”, ...`: inside Roe's clause
    return opener in SUBORDINATORS or (opener == "with" and tokens.lows[verb].endswith("ing"))


def _main_subject_of_pronoun(tokens: Tokens, phrase: Phrase, low: int) -> Phrase | None:
    """`Varga’s campaign wants to set her plan against what they call “Q”`: a pronoun
    in an embedded clause is the main clause's subject, which the article names there."""
    if not embedded_pronoun(tokens, phrase, low + 1):
        return None
    main = sentence_subject(tokens, low, phrase.first - 1)
    if main is None or main.first >= phrase.first:
        return None
    return main if _agrees(tokens, phrase, main) else None


_OWNER_REACH: Final = 8


def _speech_noun_owner_before(tokens: Tokens, pronoun: Phrase, low: int) -> Phrase | None:
    """`the office would not respond to the union's condemnation of the mayor over what
    it describes as “Q”`: the owner of a speech noun just before the embedded clause is the one
    who speaks again in it, nearer than the sentence's subject."""
    for noun in range(pronoun.first - 2, max(low, pronoun.first - _OWNER_REACH) - 1, -1):
        if tokens.lows[noun] not in SPEECH_NOUNS:
            continue
        owner = noun - 1
        while owner > noun - 3 and owner > low and tokens.words[owner].islower():
            owner -= 1  # `North Korea's direct condemnation`
        word = tokens.words[owner]
        if owner <= low or not (is_possessive(word) and word[0].isupper()):
            return None
        return possessive_owner(tokens, owner, low)
    return None


def _agrees(tokens: Tokens, pronoun_phrase: Phrase, main: Phrase) -> bool:
    """`he`/`she` stands for a name; `it`/`they` for an organisation or a description."""
    pronoun = _pronoun_of(tokens.lows[pronoun_phrase.first])
    if pronoun in PERSON_PRONOUNS:
        return main.kind == "name" or _pronoun_of(tokens.lows[main.first]) == pronoun
    return main.kind in {"org", "description"} or _pronoun_of(tokens.lows[main.first]) in {
        pronoun,
        "it" if pronoun == "they" else "they",
    }


def possessive_antecedent(tokens: Tokens, owner: int, low: int) -> Phrase | None:
    """`Quist has pushed his promise of “Q”`, `Roe posted that his claims were “Q”`: a
    possessive pronoun stands for its sentence's subject when the two agree."""
    main = sentence_subject(tokens, low, owner)
    if main is None or main.kind == "pronoun" or main.tail >= owner:
        return None
    return main if _agrees(tokens, Phrase(owner, owner, "pronoun", owner), main) else None


_POSSESSIVE_TO_SUBJECT: Final = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _pronoun_of(lower: str) -> str:
    """`it’s` -> `it`, `his` -> `he`."""
    if lower in _POSSESSIVE_TO_SUBJECT:
        return _POSSESSIVE_TO_SUBJECT[lower]
    for mark in ("’", "'"):
        lower = lower.partition(mark)[0]
    return lower


def _cue_with_subject(tokens: Tokens, verb: int, low: int) -> tuple[Phrase, int] | None:
    lower = tokens.lows[verb]
    if lower not in SPEECH_VERBS:
        return None
    if not tokens.words[verb].islower() and not _capitalised_past_cue(tokens, verb, low):
        return None
    if verb > low and tokens.lows[verb - 1] in {"a", "an", "the"}:
        return None  # `sent out a call`, `launched the attack`: a noun, not a verb
    if lower in IT_CUES and (verb + 1 >= len(tokens) or tokens.lows[verb + 1] != "it"):
        return None  # `the levy puts the crews in a bind`: no words reported
    if _after_singular_determiner(tokens, verb, low):
        return None  # `Another question asked ...`: a noun, not `Another` questioning
    if lower.endswith("s") and verb + 1 < len(tokens) and tokens.lows[verb + 1] in NOUN_FOLLOWERS:
        return None  # `Republican claims of “Q”`, `his claims were “Q”`: a plural noun
    if _compound_noun(tokens, verb, low):
        return None
    found = verb_subject(tokens, verb, low)
    if found is not None and _noun_after_article(tokens, found[0], verb):
        return None
    if found is not None and found[0].kind == "description" and found[0].head in EVENT_NOUNS:
        return None  # `as the committee meeting began vowing to “Q”`: an event speaks no words
    if found is not None and lower.endswith("s") and _quantified_modifier(tokens, found[0], low):
        return None  # `in many Baltic states, ...`: a plural noun after a proper adjective
    return found


def _capitalised_past_cue(tokens: Tokens, verb: int, low: int) -> bool:
    """`she later Tweeted “Q”`, `Voss, the mayor, Tweeted on Friday`: a cue in the past written
    with a capital (after a brand) right after a lower-case word or a comma inside the sentence
    is still the verb; not in a name (`the Concerned Citizens`), where a capitalised word
    follows."""
    word = tokens.words[verb]
    return (
        word[1:].islower()
        and word.endswith("ed")
        and verb > low
        and (
            tokens.words[verb - 1] == ","
            or (tokens.words[verb - 1].isalpha() and tokens.words[verb - 1].islower())
        )
        and tokens.lows[verb - 1] not in DETERMINERS
        and (verb + 1 >= len(tokens) or not tokens.words[verb + 1][:1].isupper())
    )


def _after_singular_determiner(tokens: Tokens, verb: int, low: int) -> bool:
    """`Another question asked ...`, `Every report said ...`: a speech verb in its bare form
    after `another`, `every` or `each` is a noun (a singular subject takes a verb in -s or -d;
    `Another said “Q”` keeps its cue)."""
    lower = tokens.lows[verb]
    return (
        verb > low
        and tokens.lows[verb - 1] in SINGULAR_DETERMINERS
        and not lower.endswith(("s", "d"))
        and lower not in IRREGULAR_PAST
    )


def _quantified_modifier(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    """A name after `many`, `some`, `several`... modifies a plural noun (`many Baltic states`,
    `some Republican claims`); a subject there would take a verb without -s."""
    if phrase.kind != "name":
        return False
    first = phrase.first
    return tokens.lows[first] in BARE_SUBJECT_QUANTIFIERS or (
        first > low and tokens.lows[first - 1] in BARE_SUBJECT_QUANTIFIERS
    )


def _compound_noun(tokens: Tokens, verb: int, low: int) -> bool:
    """`his exit after a fierce attack`, `the proof for the first claim`: a speech verb in its
    bare form after an article and a lower-case word is a noun, whatever subject stands before
    the phrase (a singular noun there would take a verb in -s or -ed; `the people say` and
    `the police claim` name a group that speaks)."""
    lower = tokens.lows[verb]
    if verb - 2 < low or tokens.lows[verb - 2] not in {"a", "an", "the"}:
        return False
    modifier = tokens.words[verb - 1]
    return (
        modifier.isalpha()
        and modifier.islower()
        and not modifier.endswith("s")
        and modifier not in SPEAKING_HEADS
        and lower not in PAST_FORMS
        and not lower.endswith(("s", "d", "ing"))
    )


def _noun_after_article(tokens: Tokens, phrase: Phrase, verb: int) -> bool:
    """`a pre-emptive attack`, `a fundraising call`: after `a` and a modifier, a speech verb in its
    bare form is a noun (a verb after a singular subject would end in -s or -ed)."""
    lower = tokens.lows[verb]
    return (
        phrase.determiner in {"a", "an"}
        and phrase.last == verb - 1
        and tokens.words[verb - 1].islower()
        and phrase.head not in SPEAKING_HEADS
        and lower not in PAST_FORMS
        and not lower.endswith(("s", "ed", "ing"))
    )


def verb_subject(tokens: Tokens, verb: int, low: int) -> tuple[Phrase, int] | None:
    """The subject of the cue verb at `verb` (any verb a caller takes for a cue: the claims
    read verbs of belief too), as the quote rules find it: the phrase before it, a passive's
    agent, a participle's or a coordinated verb's sentence subject."""
    lows = tokens.lows
    lower = lows[verb]
    agent = _passive_agent(tokens, verb, low)
    if agent is not None:
        return agent, verb
    before = lows[verb - 1] if verb > low else ""  # the word before the verb, in the window
    if before in RELATIVE_PRONOUNS:
        return None  # `a retired nurse who suggested that ...` does not govern the quote
    participle = lower in PARTICIPLE_CUES
    if participle and before == ",":
        phrase = _parenthetical_cue_subject(tokens, verb - 2, low)
    else:
        phrase = _subject_before(tokens, verb, low)
        if phrase is not None and _fronted_object(tokens, phrase, verb, low):
            phrase = None
        # `at Mr. Roe's firm`: a possessive phrase opens with its owner's title
        opened = (
            replace(phrase, first=subject_start(tokens, phrase, low))
            if phrase is not None and phrase.determiner == "possessive"
            else phrase
        )
        if opened is not None and opened.kind in {"org", "name"}:
            # `of the main opposition Democratic Party said`: the body's modifiers and `the`
            # stand between it and the preposition
            opened = replace(opened, first=_lower_modifiers_start(tokens, opened.first, low))
        if (
            phrase is not None
            and opened is not None
            and opened.first > low
            and lows[opened.first - 1] in PLACE_PREPOSITIONS
            and (not participle or phrase.kind == "description")
            and not _titled_through_of(tokens, phrase, low)
        ):
            # `Strikers marching past the depot chanted`, `In a Facebook message posted
            # late Sunday, Doe said`: the phrase is a preposition's object, not the verb's subject
            # (but `footage of Roe saying` is Roe's).
            modified = _subject_before_modifier(tokens, opened, low)
            if modified is opened:
                modified = phrase  # nothing before the preposition: the phrase as it was read
            if not (
                modified is not None
                and modified.head in DOCUMENT_HEADS
                and lows[opened.first - 1] in {"from", "of"}
                and (
                    phrase.kind in {"name", "org"}
                    or phrase.head in ORG_NOUNS
                    or phrase.head in PERSON_NOUNS
                )
            ):
                # `A statement from the presidential office said`: the office speaks.
                phrase = modified
    if phrase is not None:
        phrase = _relative_clause_antecedent(tokens, phrase, low) or phrase
    if phrase is not None and participle and _object_of_a_verb(tokens, phrase, low):
        # `The senator emailed supporters saying “Q”`, `Quist started their debate saying`: the
        # participle's nearest phrase is the object of the clause's verb; its subject speaks.
        phrase = sentence_subject(tokens, low, verb) or phrase
    infinitive = before == "to"
    if phrase is None and infinitive:
        phrase = _object_of_infinitive(tokens, verb, low)
    if phrase is None and not (participle or infinitive) and verb - 1 > low:
        # `She describes herself as a moderate and has long said`: the conjunction before the
        # auxiliaries and adverbs
        before = lows[_skip_back_fillers(tokens, verb - 1, low)]
    if phrase is None and (participle or infinitive or before in JOINING_CONJUNCTIONS):
        # `The nominee outlined his plan and vowed to punish “Q”`: a second verb shares the
        # sentence subject.
        # `Roe unleashed a series of tweets Friday saying that ...`, `Roe took to Twitter to
        # accuse ...`: the sentence subject.
        if participle:
            phrase = _opened_clause_subject(tokens, verb, low)
            phrase = phrase or _coordinate_clause_subject(tokens, verb, low)
        phrase = phrase or sentence_subject(tokens, low, verb)
        if phrase is None and participle:
            phrase = _subject_after_conjunction(tokens, low, verb)
    if phrase is not None and participle and phrase.head in DOCUMENT_NOUNS:
        # `the port authority issued a notice calling the spill “a clear violation”`
        phrase = sentence_subject(tokens, low, verb) or phrase
    return (phrase, verb) if phrase is not None else None


def _titled_through_of(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    """`Minister of Trade Park Jin-soo said`: the name after `of` is the person its title (`X of
    Y`) names, not the object of a preposition (`the wife of Senator Reid said`)."""
    of = phrase.first - 1
    return (
        phrase.kind == "name"
        and phrase.title is not None
        and of - 1 >= low
        and tokens.lows[of] == "of"
        and tokens.lows[of - 1] in TITLE_WORDS
    )


def _fronted_object(tokens: Tokens, phrase: Phrase, verb: int, low: int) -> bool:
    """`Under the new plan, the ferry, explained ...`: the phrase is the object of a preposition
    that opens the clause, and a comma closes the fronted phrase before the cue; never the cue's
    subject (`After Voss blasted the film` opens a clause whose subject she is)."""
    preposition = phrase.first - 1
    return (
        preposition >= low
        and tokens.lows[preposition] in FRONTED_PREPOSITIONS
        and (preposition == low or tokens.words[preposition - 1] in _CLAUSE_BREAKS)
        and "," in tokens.words[phrase.last + 1 : verb]
    )


_MAX_RELATIVE_PREDICATE: Final = 4


def _relative_clause_antecedent(tokens: Tokens, phrase: Phrase, low: int) -> Phrase | None:
    """`Groups that have endorsed Voss say`, `Officials who met with the mayor said`: the
    phrase before the cue is the object of a relative clause (a pronoun, then a verb and a few
    lower-case words); the noun the clause describes is the subject. Not the relative clause's
    own subject (`the plan that Voss said`)."""
    relative = phrase.first - 1
    while relative > low and phrase.first - relative <= _MAX_RELATIVE_PREDICATE:
        word, lower = tokens.words[relative], tokens.lows[relative]
        if lower in _RELATIVE_OPENERS:
            break
        if not (word.isalpha() and word.islower()) or lower in COORDINATORS:
            return None  # `A worker who fished here and the mayor said`: a subject of its own
        relative -= 1
    verb = relative + 1
    if (
        relative <= low
        or tokens.lows[relative] not in _RELATIVE_OPENERS
        or verb >= phrase.first
        or not (tokens.lows[verb] in AUXILIARIES or _looks_like_verb(tokens.lows[verb]))
    ):
        return None
    antecedent = phrase_before(tokens, relative - 1, low, nested=True)
    if antecedent is None or antecedent.kind == "pronoun":
        return None
    if antecedent.kind == "description" and antecedent.head not in SPEAKING_HEADS:
        return None  # `the plan that backs Voss`
    return antecedent


_RELATIVE_OPENERS: Final = SUBJECT_RELATIVES | {"that"}


def _opened_clause_subject(tokens: Tokens, verb: int, low: int) -> Phrase | None:
    """`..., where nearly 40 protesters had massed, chanting “Q”`, `..., when dock workers
    interrupted her, shouting “Q”`: a participle after a clause that a comma and a subordinator
    (or `with`) open takes the group that clause describes, not the sentence's subject (a name
    there is one the main clause has met, and the participle is the main clause's)."""
    for opener in range(verb - 1, max(low, verb - _MAX_APPOSITIVE), -1):
        word = tokens.words[opener]
        if word in _CLAUSE_BREAKS:
            return None
        if tokens.lows[opener] not in PARTICIPLE_CLAUSE_OPENERS or not word.islower():
            continue
        if opener - 1 < low or tokens.words[opener - 1] not in _OPENING_BREAKS:
            return None
        first = opener + 1
        while first + 1 < verb and (
            tokens.lows[first] in SHARE_HEDGES or tokens.lows[first] in BARE_SUBJECT_QUANTIFIERS
        ):
            first += 1  # `nearly 40 protesters`, `many marchers`
        phrase = phrase_after(tokens, first, verb)
        if phrase is None or phrase.tail + 1 > verb:
            return None
        following = skip_fillers(tokens, phrase.tail + 1, verb + 1)
        if phrase.kind == "description" and following <= verb and tokens.words[following].islower():
            return phrase
        return None
    return None


def _object_of_infinitive(tokens: Tokens, verb: int, low: int) -> Phrase | None:
    """`The record prompted the Harbor Atlas to state “Q”`, `Voss urged the board to say`: the
    object of the verb before `to` is the subject of the infinitive cue (not a preposition's
    object: `went to Delmont to say`)."""
    phrase = phrase_before(tokens, verb - 2, low)
    if phrase is None or phrase.kind == "pronoun":
        return None
    if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
        return None
    before = subject_start(tokens, phrase, low) - 1
    if phrase.determiner is not None and phrase.first < before + 1:
        before = phrase.first - 1
    if before <= low:
        return None
    word, lower = tokens.words[before], tokens.lows[before]
    if not (word.isalpha() and word.islower()) or lower in FUNCTION_WORDS:
        return None
    return phrase if _looks_like_verb(lower) or lower.endswith("s") else None


def _coordinate_clause_subject(tokens: Tokens, verb: int, low: int) -> Phrase | None:
    """`Voss championed the ferry plan, yet talks faltered, and she has fought the board for
    months, once calling the clerk “Q”`: a participle after a clause that a comma and a
    coordinator open takes that clause's subject (a pronoun or a name and its verb), the
    nearest main clause to it."""
    for joiner in range(verb - 2, low, -1):
        word = tokens.words[joiner]
        if word in _CLAUSE_BREAKS:
            return None
        if tokens.lows[joiner] not in COORDINATORS or tokens.words[joiner - 1] != ",":
            continue
        phrase = phrase_after(tokens, joiner + 1, verb)
        if phrase is None or phrase.kind not in {"pronoun", "name"}:
            return None
        following = skip_fillers(tokens, phrase.tail + 1, verb)
        if following < verb and tokens.words[following].islower():
            lower = tokens.lows[following]
            if lower in AUXILIARIES or _looks_like_verb(lower) or lower.endswith("s"):
                return phrase
        return None
    return None


def colon_clause_subject(tokens: Tokens, cue: int, colon: int) -> Phrase | None:
    """`Brandt praised Voss, but he gave the council a warning: “Q”`: after the cue, a comma and
    a coordinator open a clause with its own subject (a pronoun or a name) and verb, and the
    colon that ends it introduces the quote; that subject speaks, not the cue's (`Brandt
    praised Voss, but gave a warning: “Q”` has no subject of its own)."""
    if colon <= cue or tokens.words[colon] != ":":
        return None
    return _coordinate_clause_subject(tokens, colon, cue)


def _subject_after_conjunction(tokens: Tokens, low: int, verb: int) -> Phrase | None:
    """`But Sen. Roe (R-Pa.) refused ..., responding that`: a named subject after the
    capitalised conjunction that opens the sentence."""
    if low + 1 >= verb or tokens.lows[low] not in OPENING_CONJUNCTIONS:
        return None
    if not tokens.words[low][0].isupper():
        return None
    phrase = sentence_subject(tokens, low + 1, verb)
    return phrase if phrase is not None and phrase.kind == "name" else None


def _parenthetical_cue_subject(tokens: Tokens, cue: int, low: int) -> Phrase | None:
    """`Roe and Doe will meet next week, Varga said, adding, “Q”`: a participle right after a
    parenthetical cue takes that cue's subject, not the sentence's."""
    if cue <= low or tokens.lows[cue] not in SPEECH_VERBS or not tokens.words[cue].islower():
        return None
    phrase = _subject_before(tokens, cue, low)
    if phrase is None or phrase.first - 1 < low or tokens.words[phrase.first - 1] != ",":
        return None
    return phrase


def _object_of_a_verb(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    """The phrase follows a finite verb of its clause in the past (`emailed supporters`,
    `started out the debate`)."""
    before = phrase.first - 1
    if before - 1 > low and tokens.lows[before] in VERB_PARTICLES:
        before -= 1
    if before <= low:
        return False
    lower = tokens.lows[before]
    return (
        tokens.words[before].islower()
        and lower not in PERCEPTION_VERBS
        and (lower in IRREGULAR_PAST or (lower.endswith("ed") and lower.isalpha()))
    )


def _subject_before_modifier(tokens: Tokens, phrase: Phrase, low: int) -> Phrase | None:
    """The phrase that a prepositional phrase (and a participle before it) modifies; none when
    the prepositional phrase opens the sentence or clause."""
    index = phrase.first - 2
    if (
        index >= low
        and tokens.lows[index].endswith(("ing", "ed"))
        and tokens.words[index].islower()
    ):
        index -= 1  # `Protesters marching through ...`
    elif index > low and tokens.lows[index] in POSTMODIFYING_ADJECTIVES:
        index -= 1  # `an official familiar with the talks`: the noun before the adjective
    if index < low or tokens.words[index] in _CLAUSE_BREAKS or tokens.words[index] == ",":
        return None
    modified = phrase_before(tokens, index, low, nested=True)
    if modified is None:
        return phrase
    group = group_of_people(tokens, modified, phrase)
    if group is not None:
        return group  # `A number of economists said`: the economists, not the number
    if modified.first > low and tokens.lows[modified.first - 1] in PLACE_PREPOSITIONS:
        # `The deputy head of the delegation to the forum said`: a chain of prepositional
        # phrases modifies the person at its start; otherwise the last phrase stands
        # (`president of the City Federation of Nurses, which ..., said`).
        outer = _subject_before_modifier(tokens, modified, low)
        if outer is not None and outer is not modified and _names_people(tokens, outer):
            return outer
        return phrase
    return modified


def group_of_people(tokens: Tokens, quantity: Phrase, people: Phrase) -> Phrase | None:
    """`a number of economists`, `Dozens of residents`, `a handful of the city's lawmakers`: a
    quantity, `of`, then the people it counts. The people speak: the phrase spans both words and
    is headed by the people's noun, with the quantity's determiner (a number of them is none of
    the economists named before)."""
    of = quantity.last + 1
    if (
        tokens.lows[quantity.last] not in GROUP_QUANTITIES
        or people.first != of + 1
        or tokens.lows[of] != "of"
        or not _names_people(tokens, people)
    ):
        return None
    return Phrase(
        quantity.first,
        people.last,
        "description",
        people.tail,
        determiner=quantity.determiner,
        head=people.head or tokens.lows[people.last],
    )


def _names_people(tokens: Tokens, phrase: Phrase) -> bool:
    """A description headed by a noun for people, or such a noun alone and capitalised as the
    sentence's first word (`Residents of the harbor district in Delmont said`)."""
    if phrase.kind == "description":
        return phrase.head in PERSON_NOUNS
    return phrase.kind == "name" and phrase.first == phrase.last and _is_group(tokens, phrase.first)


def _looks_like_verb(lower: str) -> bool:
    return (
        lower in SPEECH_VERBS
        or lower in IRREGULAR_PAST
        or (lower.endswith("ed") and lower.isalpha())
    )


def sentence_subject(tokens: Tokens, low: int, high: int) -> Phrase | None:
    """The first phrase, at the sentence start or after an introductory comma, that a verb
    follows: `During a speech, Roe attacked Varga, saying "..."`."""
    # `SEOUL, South Korea — North Korea's leader sent ...`: a dateline's dash opens the sentence.
    starts = [low] + [
        i + 1 for i in range(low, min(high, low + 20)) if tokens.words[i] in _OPENING_BREAKS
    ]
    # `On September 27 they published ... by announcing that`: a pronoun after a short opener.
    starts += [i for i in range(low, min(high, low + 8)) if tokens.lows[i] in PRONOUNS]
    for start in starts[:5]:
        if start < high and _pronoun_contraction(tokens.lows[start]):
            return Phrase(start, start, "pronoun", start)  # `It’s denouncing ...`
        phrase = phrase_after(tokens, start, high)
        if phrase is None or (phrase.kind == "description" and phrase.determiner is None):
            continue
        if _opening_participle(tokens, phrase, high) or _opening_word(tokens, phrase, high):
            continue
        following = phrase.tail + 1
        unclosed = _unclosed_appositive(tokens, phrase, high)
        if unclosed is not None:
            return unclosed
        if (
            (phrase.title is not None or phrase.tail > phrase.last)
            and following < high
            and tokens.words[following] == ","
        ):
            # `Park Ji-hoon, a farmer from the valley, was quoted as saying`, `Roe, in
            # particular, has slammed`
            following += 1
        following = _skip_relative_clause(tokens, following, high)
        following = skip_fillers(tokens, following, high)
        if (
            following < high
            and tokens.words[following].islower()
            and (tokens.words[following].isalpha() or _negated(tokens.lows[following]))
        ):
            return phrase
    return None


def _unclosed_appositive(tokens: Tokens, phrase: Phrase, high: int) -> Phrase | None:
    """`Lindell Press, Ruritania’s largest news agency put out ...`: a name, a comma and a
    description that its verb follows with no comma to close it; the name is the subject."""
    comma = phrase.tail + 1
    if phrase.kind not in {"name", "org"} or comma + 1 >= high or tokens.words[comma] != ",":
        return None
    appositive = phrase_after(tokens, comma + 1, high)
    if appositive is None or appositive.kind != "description":
        return None
    owned = any(is_possessive(word) for word in tokens.words[appositive.first : appositive.last])
    if appositive.determiner is None and not owned:
        return None  # `a news agency`, `Ruritania’s agency`: a determiner or an owner
    verb = appositive.tail + 1
    if verb >= high or not tokens.words[verb].islower() or not _looks_like_verb(tokens.lows[verb]):
        return None
    return replace(
        phrase, title=tokens.slice_text(comma + 1, appositive.tail), tail=appositive.tail
    )


def _skip_relative_clause(tokens: Tokens, comma: int, high: int) -> int:
    """`Jane Roe, who leads the council, has ...`: the index after a relative clause set off by
    commas at `comma`, or `comma` itself."""
    if (
        comma + 1 >= high
        or tokens.words[comma] != ","
        or tokens.lows[comma + 1] not in {"who", "whose"}
    ):
        return comma
    for index in range(comma + 2, min(high, comma + _MAX_APPOSITIVE)):
        word = tokens.words[index]
        if word == "," and not _inner_city_comma(tokens, index, high):
            return index + 1
        if word in _CLAUSE_BREAKS:
            break
    return comma


def _inner_city_comma(tokens: Tokens, comma: int, high: int) -> bool:
    """`who visited Millbrook, Vermont, ...`: the comma between a city and its state."""
    return (
        comma + 2 < high
        and tokens.words[comma + 2] == ","
        and is_name_word(tokens.words[comma - 1])
        and is_name_word(tokens.words[comma + 1])
    )


def _negated(lower: str) -> bool:
    """`didn’t`, `wasn't`: a verb with its negation, which follows a subject as a verb does."""
    return lower.endswith(("n’t", "n't")) and lower[:-3].isalpha()


def _opening_participle(tokens: Tokens, phrase: Phrase, high: int) -> bool:
    """`Following a meeting, ...`, `Speaking to reporters, ...`: a capitalised participle that
    opens a sentence is not a name."""
    word = tokens.lows[phrase.first]
    following = phrase.last + 1
    return (
        phrase.kind == "name"
        and phrase.first == phrase.last
        and word.endswith("ing")
        and following < high
        and (
            tokens.lows[following] in DETERMINERS
            or tokens.lows[following] in PLACE_PREPOSITIONS
            or tokens.lows[following] in PARTICIPLE_PARTICLES
        )
    )


def _opening_word(tokens: Tokens, phrase: Phrase, high: int) -> bool:
    """`Inside the hall, ...`, `Back in 1999, ...`, `Shortly after the vote, ...`, `Hastily
    leaving the room, ...`: a capitalised preposition or adverb that opens a fronted phrase is
    not a name."""
    following = phrase.last + 1
    if phrase.kind != "name" or phrase.first != phrase.last or following >= high:
        return False
    if not tokens.words[following].islower():
        return False  # `Back, ...`; `Kelly Roe said`
    word = tokens.lows[phrase.first]
    if word in FRONTING_WORDS or word in OPENING_ADVERBS:
        return True
    after = tokens.lows[following]
    if word.endswith("ing"):
        return after.endswith("ing")  # `Facing mounting criticism, ...`
    return (
        word.endswith("ly")
        and word not in LY_NOUNS
        and (after in FRONTING_WORDS or after.endswith("ing"))
    )


def _lower_modifiers_start(tokens: Tokens, first: int, low: int) -> int:
    """Where the words in lower case before `first` (`the main opposition`) start, with the
    determiner they need; `first` if there is none."""
    start = first
    while (
        start - 1 > low
        and tokens.words[start - 1].isalpha()
        and tokens.words[start - 1].islower()
        and tokens.lows[start - 1] not in FUNCTION_WORDS
        and first - start < 3
    ):
        start -= 1
    if start < first and start - 1 > low and tokens.lows[start - 1] in DETERMINERS:
        return start - 1
    return first  # (`chief of staff Chung Jin-suk`: no determiner, a title's field)


def _subject_before(tokens: Tokens, verb: int, low: int) -> Phrase | None:
    index = _skip_back_fillers(tokens, verb - 1, low)
    if index > low and tokens.lows[index] in DO_FORMS:
        index = _skip_back_fillers(tokens, index - 1, low)  # `he did say`
    index = _skip_back_aspectual(tokens, verb, index, low)
    if index > low and tokens.lows[index] in FLOATING_QUANTIFIERS and tokens.words[index].islower():
        index = _skip_back_fillers(tokens, index - 1, low)  # `the Post and the Times each called`
    labelled = _name_with_label(tokens, index, low)
    if labelled is not None:
        return labelled
    phrase = phrase_before(tokens, index, low)
    if phrase is not None:
        return phrase
    if _stray_comma(tokens, index, verb, low):
        return phrase_before(tokens, index - 1, low)
    if (
        index - 1 > low
        and tokens.lows[index] == "and"
        and tokens.words[index - 1].islower()
        and _looks_like_verb(tokens.lows[index - 1])
    ):
        # `I laughed and said, "..."`: the first verb's subject (`moved to the Faroe Islands
        # and said`: a name, no verb).
        phrase = phrase_before(tokens, _skip_back_fillers(tokens, index - 2, low), low)
        if phrase is not None:
            return phrase
    # `a senior government official who spoke on condition of anonymity told Reuters`
    return _relative_antecedent_before(tokens, index, low)


def _relative_antecedent_before(tokens: Tokens, index: int, low: int) -> Phrase | None:
    """The phrase before the relative clause that ends at `index`; over two joined by `and`
    (`Another worker who fished here and who did not want to be named said`)."""
    probe, limit = index, max(low, index - 15)
    while probe >= limit:
        if tokens.words[probe] in _CLAUSE_BREAKS:
            return None
        if tokens.lows[probe] in ("who", "whose"):
            before = probe - 1
            if before >= low and tokens.words[before] == ",":
                before -= 1
            if before > low and tokens.lows[before] == "and":
                probe, limit = before - 1, max(low, before - 15)
                continue
            return phrase_before(tokens, before, low, nested=True)
        probe -= 1
    return None


_MAX_LABEL: Final = 4


def _name_with_label(tokens: Tokens, comma: int, low: int) -> Phrase | None:
    """`Gov. Lena Voss (D-HB), said`: a name with a short label in brackets (a party and a
    state) and a stray comma before its verb."""
    close = comma - 1
    if tokens.words[comma] != "," or close <= low or tokens.words[close] != ")":
        return None
    opening = next(
        (
            i
            for i in range(close - 1, max(low, close - _MAX_LABEL) - 1, -1)
            if tokens.words[i] == "("
        ),
        None,
    )
    if opening is None or opening <= low:
        return None
    phrase = phrase_before(tokens, close, low)
    return phrase if phrase is not None and phrase.kind == "name" else None


def _skip_back_aspectual(tokens: Tokens, verb: int, index: int, low: int) -> int:
    """`Roe kept asking`, `the crowd began chanting`: a verb of beginning or going on before a
    participle cue stands between the subject and the cue."""
    if (
        index > low
        and tokens.lows[verb].endswith("ing")
        and tokens.lows[index] in ASPECTUAL_VERBS
        and tokens.words[index].islower()
    ):
        return _skip_back_fillers(tokens, index - 1, low)
    return index


def _stray_comma(tokens: Tokens, comma: int, verb: int, low: int) -> bool:
    """`The yearly report of the staff of the Lindell Council, has since warned`: a lone comma
    between a long subject and the adverbs or auxiliaries before its verb. The clause up to it
    has no other break and no verb (`Roe offered Doe a post as envoy, then says`: an
    object)."""
    return (
        tokens.words[comma] == ","
        and low < comma - 1
        and comma < verb - 1
        and not any(
            word == "," or word in _CLAUSE_BREAKS or _looks_like_verb(lower) or lower in BE_FORMS
            for word, lower in zip(tokens.words[low:comma], tokens.lows[low:comma], strict=True)
        )
    )


_VERB_ENDINGS: Final = ("s", "ed", "ing", "en")


def first_subject(tokens: Tokens, low: int, high: int) -> Phrase | None:
    """The subject of the first verb of the clause: the first lower-case word, read left to
    right, that a speaker phrase (not a preposition's object) precedes."""
    for probe in range(low + 1, high):
        word = tokens.words[probe]
        lower = tokens.lows[probe]
        if not (word.isalpha() and word.islower()):
            continue
        if lower not in AUXILIARIES and (
            _is_filler(lower)
            or lower in FUNCTION_WORDS
            or lower in SPEAKING_HEADS
            or not lower.endswith(_VERB_ENDINGS)
        ):
            continue  # not a verb: `South Korean and US authorities downplayed`
        phrase = _subject_before(tokens, probe, low)
        before = tokens.lows[phrase.first - 1] if phrase is not None and phrase.first > low else ""
        if phrase is None or before in PLACE_PREPOSITIONS or before in DETERMINERS:
            continue  # a preposition's object; `a Tribune editorial`: a noun, not a verb
        if phrase.kind == "name" and phrase.first == phrase.last:
            lowered = tokens.lows[phrase.first]
            if lowered in PERSON_NOUNS or lowered in ORG_NOUNS:
                return None  # `Authorities downplayed ...` opens the sentence: a bare plural
        if phrase.kind == "description" and (
            phrase.head not in SPEAKING_HEADS or phrase.determiner is None
        ):
            # `The task was to go after Roe as “...”`; a bare plural
            # (`authorities downplayed the launches as “...”`) names no particular source.
            return None
        return phrase
    return None


def sentence_start_before(tokens: Tokens, index: int) -> int:
    probe = index - 1
    while probe > 0 and tokens.words[probe] not in {".", "?", "!"}:
        probe -= 1
    return probe + 1 if probe > 0 else 0


_MAX_SHARE_TOKENS: Final = 8


def is_share(low: str) -> bool:
    """`majority`, `half`, `two-thirds`, `three-quarters`: a share of a poll's respondents."""
    return low in SHARE_NOUNS or (
        "-" in low and is_number(low) and low.rpartition("-")[2] in SHARE_NOUNS
    )


def is_number(low: str) -> bool:
    """`38`, `twenty-four`, `six`: a number written in digits or in words."""
    return low[0].isdigit() or low.partition("-")[0] in NUMBER_WORDS


def share_subject(
    tokens: Tokens, verb: int, *, reach: int = _MAX_SHARE_TOKENS
) -> tuple[Phrase, int] | None:
    """`Twenty-four percent said`, `46 percent of voters said`, `Six in 10 say`, `nine out of 10
    say`, `Almost half said`, `A majority of voters say`: a share of a poll's respondents, from
    its number or share noun (and the hedges before it) to the verb, within `reach` tokens."""
    first = None
    end = _before_share_figure(tokens, verb)
    for index in range(end - 1, max(-1, end - reach), -1):
        word, low = tokens.words[index], tokens.lows[index]
        if word == "," and _inside_a_number(tokens, index):
            continue  # `1,500 crew members`
        if not (word[0].isalnum() or word == "%") or low in COORDINATORS or low == "that":
            break
        if low in {"percent", "%"} or (
            low in {"in", "of"} and index + 1 < verb and is_number(tokens.lows[index + 1])
        ):
            first = index - 1
            if low == "of" and first >= 0 and tokens.lows[first] == "out":
                first -= 1  # `nine out of 10`
        elif is_share(low):
            first = index
    if first is None or first < 0:
        return None
    if not (is_number(tokens.lows[first]) or tokens.lows[first] in SHARE_NOUNS):
        return None
    share_noun = tokens.lows[first] in SHARE_NOUNS  # (not `two-thirds`: a number too)
    while first > 0 and tokens.lows[first - 1] in SHARE_HEDGES:
        first -= 1
    if share_noun and first > 0 and tokens.words[first - 1][0].isalnum():
        before = tokens.lows[first - 1]
        if before not in COORDINATORS and before not in OPENING_CONJUNCTIONS:
            return None  # `the second half said`: no share of respondents
    return Phrase(first, end - 1, "org", verb - 1), verb


_MAX_SHARE_FIGURE: Final = 4  # `, 67 percent,`, `, or 33%,`: the tokens of a figure set off


def _before_share_figure(tokens: Tokens, verb: int) -> int:
    """`Nearly half, 48 percent, agree`, `A quarter of the crews, 25%, said`: the share's figure
    set off by commas before the verb; the share ends before it (else at the verb)."""
    if verb < 3 or tokens.words[verb - 1] != ",":
        return verb
    for comma in range(verb - 2, max(0, verb - 2 - _MAX_SHARE_FIGURE), -1):
        if tokens.words[comma] == ",":
            figure = tokens.lows[comma + 1 : verb - 1]
            has_number = any(is_number(low) for low in figure)
            return comma if has_number and figure[-1] in {"percent", "%"} else verb
    return verb


_MAX_POLL_FRAME: Final = 16


def framing_poll(tokens: Tokens, high: int) -> Phrase | None:
    """The poll that frames the clause before `high`, from the sentence's first token: a phrase
    that opens it (`In a Harbor Gazette poll released Monday, ...`) or its subject (`The Harbor
    poll finds that ...`, `The survey has bad news for Roe: ...`). None for `In the survey
    room, ...` (no poll heads the phrase) or `Roe said ...`."""
    words, lows = tokens.words, tokens.lows
    first = 0
    while first < high and lows[first] in OPENING_CONJUNCTIONS:
        first += 1
    if first >= high:
        return None
    if lows[first] != "in":
        subject = sentence_subject(tokens, first, high)
        return subject if subject is not None and subject.head in POLL_WORDS else None
    limit = min(high, first + _MAX_POLL_FRAME)
    comma = next((i for i in range(first + 1, limit) if words[i] == ","), None)
    if comma is None or comma - first < 2:
        return None
    for head in range(first + 1, comma):
        if lows[head] in POLL_WORDS and (head + 1 == comma or lows[head + 1] in POLL_FOLLOWERS):
            determiner = lows[first + 1] if lows[first + 1] in DETERMINERS else None
            return Phrase(
                first + 1, comma - 1, "org", comma - 1, determiner=determiner, head=lows[head]
            )
    return None


def _inside_a_number(tokens: Tokens, index: int) -> bool:
    """The comma at `index` groups the digits of one number (`1,500`), with no space around it."""
    return (
        0 < index < len(tokens) - 1
        and tokens.words[index - 1].isdigit()
        and tokens.words[index + 1].isdigit()
        and tokens.starts[index] == tokens.starts[index - 1] + len(tokens.words[index - 1])
        and tokens.starts[index + 1] == tokens.starts[index] + 1
    )
