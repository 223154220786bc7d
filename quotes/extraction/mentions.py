"""Names, aliases and coreference within one article, and the cross-article speaker key."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain, islice, pairwise
from operator import itemgetter
from typing import Final

from lexicon import (
    ABBREVIATED_TITLES,
    AFFILIATION_PREPOSITIONS,
    AUXILIARIES,
    BARE_COLLECTIVES,
    BARE_SUBJECT_QUANTIFIERS,
    COMPANY_HEADS,
    COMPANY_SUFFIXES,
    COORDINATORS,
    DETERMINERS,
    DOCUMENT_HEADS,
    DOCUMENT_NOUNS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    FUNCTION_WORDS,
    GATHERING_NOUNS,
    GENERIC_SOURCE_HEADS,
    GRAMMATICAL_ARTICLES,
    GROUP_MEMBERS,
    GROUP_PRONOUNS,
    GROUP_QUANTITIES,
    HONORIFICS,
    INDEFINITE,
    IRREGULAR_PAST,
    KIN_NOUNS,
    KOREAN_FAMILY_NAMES,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    MODALS,
    MONTHS,
    NAME_CONNECTORS,
    NAME_STOPWORDS,
    ORDINAL_WORDS,
    ORG_ACRONYMS,
    ORG_APPOSITIVE_HEADS,
    ORG_MODIFIERS,
    ORG_NOUNS,
    ORG_NOUNS_NOT_FOR_IT,
    ORG_WORDS,
    PAIR_OPENERS,
    PARTITIVE_QUANTIFIERS,
    PERSON_NOUNS,
    PLACE_PHRASES,
    PLACE_WORDS,
    POLL_WORDS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    SUBORDINATORS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEEKDAYS,
)
from quotes.extraction.types import Speaker, replace, slot_init

_NON_ALNUM_RE: Final = re.compile(r"[\W_]+")  # letters of every script and digits make a key
# A capitalised run: `Harry J. Kazianis`, `Wi Seong-rak`, `Kang Jae-in`. Possessives end a run.
# Possessive quantifiers: a word is matched once, never re-split by backtracking (the same runs
# as `[A-Z][a-zà-ÿ]*[’']?[A-Za-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)*`, in half the time).
_NAME_WORD: Final = r"(?:[A-Z](?:[a-zà-ÿ]*+[’'])?[A-Za-zà-ÿ]++(?:-[A-Za-zà-ÿ]+)*+|[A-Z]\.)"
# An honorific with its period opens a run (`Mrs. Varga`, `Dr. Amir Haddad`): it ends no
# sentence, and with it one word is a person's name. The run is
# `(?:M(?:rs?|s)\.|Dr\.|{_NAME_WORD})(?:[ ]{_NAME_WORD})+` with the capital that opens every
# alternative taken out in front (the honorifics check it by look-behind): a pattern that opens
# with a character class lets the regex engine skip to the next capital letter without trying
# the alternatives at every character (the same runs, the scan of a text in 55% of the time).
_NAME_RUN_RE: Final = re.compile(
    r"[A-Z](?:(?<=M)(?:rs?|s)\.|(?<=D)r\.|(?:[a-zà-ÿ]*+[’'])?[A-Za-zà-ÿ]++(?:-[A-Za-zà-ÿ]+)*+|\.)"
    rf"(?:[ ]{_NAME_WORD})+"
)
_KOREAN_GIVEN_RE: Final = re.compile(r"^[A-Z][a-z]+-[A-Za-z][a-z]+$")
# The body an unnamed source is introduced with: ` at the Ministry of Trade`, ` for Hanbit Steel`
# (the prepositions _anonymous_parts reads an affiliation after), or ` at the foreign ministry`.
_INTRODUCED_BODY_RE: Final = re.compile(
    r" (?:at|for|from|with|of) (?:(?:the )?[A-Z][\w’'&.-]*"
    r"(?: (?:(?:of|and|for|on) )?[A-Z][\w’'&.-]*)*"
    r"|the (?:[a-z-]+ ){0,2}(?:"
    + "|".join(sorted(map(re.escape, ORG_NOUNS), key=len, reverse=True))
    + r")\b)"
)
_TITLE_OF_RE: Final = re.compile(r"\b([A-Z][a-z]+) of $")  # `Minister of ` before a run
_MAX_TITLE: Final = 3  # words of a title before a name, after an abbreviation
_HEADLINE_ROLE_CHARS: Final = 1500  # how far into the story a headline's role is sought
_MAX_TITLE_HEAD: Final = 16
# Two romanised syllables joined by a hyphen, the second in lower case: `Jae-in`, `Tae-won`
# (Western double names capitalise both: `Ocasio-Cortez`, `Jean-Pierre`).
_ROMANISED_GIVEN_RE: Final = re.compile(r"^[A-Z][a-z]{1,4}-[a-z]{2,5}$")


def fold(text: str) -> str:
    """Case-folded without accents: `Søren` and `soren`, `Straße` and `STRASSE` compare equal;
    full-width forms are plain letters; Hangul syllables stay whole (`박지훈`)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).casefold()


@lru_cache(maxsize=8192)
def speaker_key(name: str) -> str:
    """Normalise a person's name so that the database matches the same person across articles.

    Case, accents, hyphens, punctuation and middle initials do not count:
    `Harry J. Kazianis` == `Harry Kazianis`, `Wi Seong-rak` == `Wi Seong Rak` == `wi seong rak`.
    """
    folded = fold(name).replace("’", "").replace("'", "")
    words = _NON_ALNUM_RE.sub(" ", folded).split()
    if len(words) > 2:
        # Middle initials and honorifics vary between articles; the first and last words do not.
        middle = [w for w in words[1:-1] if len(w) > 1 and w not in HONORIFICS]
        words = [words[0], *middle, words[-1]]
    if len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return "-".join(words)


def anonymous_key(affiliation: str | None, tag: str) -> str:
    """The key of an unnamed source: `anonymous:<affiliation slug>:<tag>`, the tag unique in its
    article (the extractor numbers them; a curator's gets a random one). Anonymous sources are
    never merged across articles, so the key is read together with the article."""
    return f"anonymous:{speaker_key(affiliation or '') or 'source'}:{tag}"


def is_korean_name(words: list[str]) -> bool:
    """Family name first: `Wi Seong-rak`, `Suh Hoon`, `Park Ji Hoon`, `Baek Ha-jun`, but not
    `Sung Kim` (Kim is the family) nor `Lee Harvey Oswald`."""
    if len(words) == 2 and _ROMANISED_GIVEN_RE.match(words[1]):
        return True  # `Tae-won`: a hyphenated given name of two romanised syllables
    if len(words) < 2 or words[0].lower() not in KOREAN_FAMILY_NAMES:
        return False
    if len(words) == 2 and _KOREAN_GIVEN_RE.match(words[1]):
        return True
    if len(words) == 3:
        # The given name's two syllables written apart: `Kim Tae Ho`, `Park Ji Hoon`.
        return all(_is_syllable(word) for word in words[1:])
    return len(words) == 2 and words[1].lower() not in KOREAN_FAMILY_NAMES


def _is_syllable(word: str) -> bool:
    lower = word.lower()
    return (
        2 <= len(word) <= 5
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and lower not in MALE_FIRST_NAMES
        and lower not in FEMALE_FIRST_NAMES
    )


def surname_of(words: list[str]) -> str:
    return words[0] if is_korean_name(words) else words[-1]


# Endings of adverbs that open sentences (`Repeatedly`, `Additionally`); names rarely end so.
_ADVERB_ENDINGS: Final = (
    *("edly", "ingly", "ously", "ately", "ively", "fully", "ently", "antly", "ically"),
    "onally",
)


def _opens_a_clause(lower: str) -> bool:
    """`Does Roe know`, `Had Roe won`, `Because Roe said`: a question's auxiliary or a
    subordinator before a name (not a modal: `Will Brandt`, `Can Aydin` are names)."""
    return lower in SUBORDINATORS or (lower in AUXILIARIES and lower not in MODALS)


def is_opening_adverb(lower: str) -> bool:
    """`repeatedly`, `interestingly`: an adverb that opens a sentence, never a name (`Kelly`)."""
    return len(lower) > 6 and lower.endswith(_ADVERB_ENDINGS)


def _clean_run(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading title and stop words from a capitalised run: (title words, name words)."""
    title: list[str] = []
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in NAME_STOPWORDS:
            continue
        if not (
            lower.rstrip(".") in TITLE_WORDS
            or (lower in SPEECH_VERBS and index + 1 < len(words))  # `Stated Stone`
            or (index == 0 and _opens_a_run(lower))
        ):
            return title, words[index:]
        title.append(word)
    return title, []


def _opens_a_run(lower: str) -> bool:
    """A word that opens a capitalised run before a name without being part of it: `Both Voss
    and Park said`, `Interestingly Roe said`, `Does Roe`, `Because Roe`."""
    return lower in PAIR_OPENERS or is_opening_adverb(lower) or _opens_a_clause(lower)


def _unnamed_people(mention: str) -> bool:
    """`Those over 60`, `Some who know him`, `Both men`: a quantifier, then words in lower case
    that name no body, poll or document (`One Club`, `Several polls` are none)."""
    first, _, rest = mention.partition(" ")
    if first.lower() not in PARTITIVE_QUANTIFIERS:
        return False
    words = rest.split()
    return not any(
        word[:1].isupper()
        or word.lower() in POLL_WORDS
        or word.lower().rstrip("s") in POLL_WORDS
        or word.lower() in DOCUMENT_NOUNS
        for word in words
    )


def _document_owner(mention: str) -> str | None:
    """The body whose document the mention is: `the KCNA's English-language report` and `a KCNA
    report` -> KCNA, `the Harbor Herald's editorial` -> Harbor Herald; None for a person's
    (`Kim Tae-ho's statement`) or an unowned one (`the statement`)."""
    owner = _document_author(mention)
    return None if owner is None or not _names_a_body(owner) else " ".join(owner)


def is_age_word(word: str) -> bool:
    """`58-year-old`: a person described by age (`the 58-year-old said`)."""
    return _AGE_WORD_RE.fullmatch(word) is not None


def _titled_person(words: list[str], title: str | None) -> bool:
    """`Mayor Don Guardian`: a person's title before a known first name makes a person of a name
    that holds an organisation's word (`Guardian`)."""
    first = words[0].lower()
    return (
        title is not None
        and len(words) <= 3
        and (first in MALE_FIRST_NAMES or first in FEMALE_FIRST_NAMES)
    )


def _names_a_body(words: list[str]) -> bool:
    return looks_like_org(words) or (len(words) == 1 and _acronym(words[0]))


def _document_author(mention: str) -> list[str] | None:
    """The capitalised words before a document's head, up to an owner's possessive: `the
    KCNA's English-language report` -> [KCNA], `Kim Tae-ho's statement` -> [Kim, Tae-ho]."""
    words = mention.split()
    if not words or words[-1].lower() not in DOCUMENT_HEADS:
        return None
    if words[0].lower() in GRAMMATICAL_ARTICLES:
        words = words[1:]
    owner: list[str] = []
    for word in words[:-1]:
        bare = word.removesuffix("’s").removesuffix("'s")
        if not bare[:1].isupper():
            break
        owner.append(bare)
        if bare != word:
            break  # the owner's possessive ends it
    return owner or None


def looks_like_org(words: list[str]) -> bool:
    return any(map(is_org_word, words))  # is_org_word is cached: the loop stays in C


_MIN_ACRONYM: Final = 3
_MAX_ACRONYM: Final = 5


@lru_cache(maxsize=4096)  # a pure test of one word, asked of the same words again and again
def is_org_word(word: str) -> bool:
    """`Ministry`, `Herald`, `UN`, `U.N.` (an acronym only in capitals: `Kang Tae Un`)."""
    lower = word.lower().rstrip(".")
    if lower in ORG_WORDS:
        return True
    return word.replace(".", "").isupper() and lower.replace(".", "") in ORG_ACRONYMS


def _acronym(word: str) -> bool:
    """`NHK`, `YTN`, `JTBC`, `BLM`: a word of three to five capitals with one vowel at most is
    an acronym, no name or role written in capitals (`PENCE:`, `KIM:`, `HOST:` of a
    transcript)."""
    return (
        _MIN_ACRONYM <= len(word) <= _MAX_ACRONYM
        and word.isalpha()
        and word.isupper()
        and sum(letter in "AEIOU" for letter in word) <= 1
        and word.lower() not in KOREAN_FAMILY_NAMES
        and word.lower() not in PERSON_NOUNS  # `HOST:` of a transcript
    )


def looks_like_place(words: list[str]) -> bool:
    lowered = list(map(str.lower, words))
    if not PLACE_WORDS.isdisjoint(lowered):
        return True
    if _PLACE_PHRASE_OPENERS.isdisjoint(lowered[:-1]):
        return False  # no two words that can make a phrase: spare the joins
    return any(" ".join(pair) in PLACE_PHRASES for pair in pairwise(lowered))


_PLACE_PHRASE_OPENERS: Final = frozenset(phrase.split(" ", 1)[0] for phrase in PLACE_PHRASES)


@slot_init
@dataclass(frozen=True, slots=True)
class PersonName:
    name: str
    surname: str
    start: int
    end: int
    title: str | None
    appositive: str | None = None  # `Park Min-soo, a professor at ...`: what follows the comma
    # `Sen.`, `strategist` before `Dell Quist`: a role that stands outside the run of names
    role_before: str | None = None

    @property
    def full(self) -> bool:
        """Named in full, not by a titled surname alone (`Mrs. Varga`)."""
        return " " in self.name

    @property
    def description(self) -> str | None:
        """The title before the name, or else a role the appositive gives (`a professor at
        Seoul National University`; not `sister of ...` nor an organisation's description)."""
        if self.title or not self.appositive:
            return self.title
        head = appositive_head(self.appositive)
        if head is None or (head not in PERSON_NOUNS and head not in TITLE_WORDS):
            return None
        return _clean_title(self.appositive)

    def describes(self, words: list[str]) -> bool:
        """Every word of a role noun phrase (`chief justice`, `professor`) in the person's title
        or appositive."""
        if not (words and (self.title or self.appositive or self.role_before)):
            return False  # nothing said of the person: spare the words' reading
        described = " ".join(filter(None, (self.role_before, self.title, self.appositive)))
        described = described.lower()
        known = _described_words(described)
        return all(word in known or word.rstrip("s") in known for word in words)


_WORD_RE: Final = re.compile(r"[a-z][a-z\-]*")
# `sen` -> (`senator`,): the role nouns an abbreviated title stands for
_ROLES_OF_ABBREVIATION: Final = {
    entry.split(" ", 1)[0]: tuple(entry.split(" ")[1:]) for entry in TITLE_ABBREVIATIONS
}


def _described_words(described: str) -> set[str]:
    """The words of a lower-case title or description, with the role nouns of its abbreviated
    titles (`sen. tom reid` holds `senator`): what `the senator` can point back to."""
    known = set(_WORD_RE.findall(described))
    for word in [word for word in known if word in _ROLES_OF_ABBREVIATION]:
        known.update(_ROLES_OF_ABBREVIATION[word])
    return known


# What a comma after a name introduces when it describes the person: `, a professor at ...`,
# `, sister of ...`, `, the presidential senior secretary ...` (not `, who ...`, not `, said`).
_APPOSITIVE_RE: Final = re.compile(
    r",\s+((?:an?|the)\s+[^,.;:“”\"()]{2,90}|[a-z][^,.;:“”\"()]{2,90})(?=[,.;:])"
)


def appositive_after(text: str, end: int) -> str | None:
    """The description a comma right after offset `end` opens, or None."""
    if not text.startswith(",", end):
        return None  # most names are followed by no comma: spare the pattern's call
    match = _APPOSITIVE_RE.match(text, end, min(len(text), end + 120))
    if match is None:
        return None
    phrase = match.group(1)
    words = phrase.split(" ", 2)
    first = words[0]
    if (
        first in RELATIVE_PRONOUNS
        or first in COORDINATORS
        or first in SPEECH_VERBS
        or first.endswith("ing")
        # `Kim, issued a statement`: a verb and its object, not `Kim, retired general`
        or (first.endswith("ed") and len(words) > 1 and words[1] in DETERMINERS)
    ):
        return None
    return phrase


def appositive_head(phrase: str | None) -> str | None:
    """`a weekly paper of the provincial government` -> `paper`."""
    if not phrase:
        return None
    words = phrase.split()
    for index, word in enumerate(words):
        if word in PREPOSITIONS and index:
            return words[index - 1].lower()
    return words[-1].lower()


class NameIndex:
    """The capitalised runs of an article, read as people's full names only when a short mention
    (`Wi`, `he`) needs them: most runs are never looked at twice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._scanned_to = 0  # the runs that start before this offset are known
        self._runs: list[tuple[int, str]] = []
        self._starts: list[int] = []
        self._people: dict[int, PersonName | None] = {}
        self._embedded_at: dict[int, bool] = {}
        self._read: dict[str, PersonName | None] = {}  # each run's name, read at offset 0
        # per surname asked for: how many runs were looked at, and those that hold it
        self._holding: dict[str, tuple[int, list[int]]] = {}

    def _scan_to(self, position: int) -> None:
        """Find the runs on demand, up to the end of the line that holds `position`: an article
        whose quotes name nobody never pays for the scan, and text after the last mention that
        needs it is never read. Runs never cross a line end, so scanning line by line (always
        from the start of a line) finds exactly the runs of one scan over the whole text."""
        text = self.text
        if position < self._scanned_to or self._scanned_to >= len(text):
            return
        end = text.find("\n", position)
        end = len(text) if end < 0 else end + 1
        found = [
            (match.start(), match.group())
            for match in _NAME_RUN_RE.finditer(text, self._scanned_to, end)
        ]
        self._runs.extend(found)
        self._starts.extend(map(itemgetter(0), found))
        self._scanned_to = end

    def _person(self, index: int) -> PersonName | None:
        if index in self._people:
            return self._people[index]
        start, run = self._runs[index]
        person = self._person_of(start, run)
        self._people[index] = person
        return person

    def _person_of(self, start: int, run: str) -> PersonName | None:
        text = self.text
        # No look-behind in the regex (it triples the scan time); check the edge here.
        edge_ok = not start or not (text[start - 1].isalnum() or text[start - 1] in "’'")
        if not edge_ok:
            return None
        if start > 1 and text[start - 1] == "." and text[start - 2].isalpha() and " " in run:
            # `U.N. Ambassador Tom Reid`: the run opens inside an abbreviation; after its end,
            # a title and a name are read (not a headline's `U.S. History Makes Us Proud`)
            first, rest = run.split(" ", 1)
            if not any(
                word.lower().rstrip(".") in TITLE_WORDS for word in rest.split(" ")[:_MAX_TITLE]
            ):
                return None  # (`U.S. District Judge Ana Ruiz`: a title within its first words)
            return self._person_of(start + len(first) + 1, rest)
        # `the Center for Strategic and International Studies` is not a person, but `criticism
        # of President Kang Jae-in` names one: a title or a Korean name shape says so.
        before = text[max(0, start - 4) : start].lower()
        head = (
            _TITLE_OF_RE.search(text, max(0, start - _MAX_TITLE_HEAD), start)
            if text.startswith("of ", start - 3)  # the search only where it can match
            else None
        )
        titled_of = head is not None and head.group(1).lower() in TITLE_WORDS
        if (
            before.endswith(_ORG_CONTEXT)
            and not (before.endswith(_PERSON_AFTER) and _titled_or_korean(run))
            and not titled_of  # `Minister of Trade Park Jin-soo`
        ):
            return None
        if _owns_organisation(text, start + len(run)):
            return None
        # A run reads the same wherever it stands: each distinct run is read once per article.
        if run in self._read:
            person = self._read[run]
        else:
            person = self._read[run] = _person_from_run(run, 0)
        if person is not None and titled_of and person.title is None and run.count(" ") >= 2:
            # `Chief of Staff Dana Moreau`: the run's first word ends the title
            first, rest = run.split(" ", 1)
            inner = _person_from_run(rest, len(first) + 1)
            person = None if inner is None else replace(inner, title=first)
        if person is None:
            return None
        end = person.end + start
        title = person.title
        if title is not None and head is not None and titled_of:
            title = f"{head.group(1)} of {title}"  # `Minister of Trade Park Jin-soo`
        return replace(
            person,
            start=person.start + start,
            end=end,
            title=title,
            appositive=appositive_after(text, end),
            # `Sen. Dell Quist`, `strategist Dell Quist`: whom `the senator` or `the strategist`
            # means, though no part of the run
            role_before=_role_before(text, start) if person.start == 0 else None,
        )

    def _embedded(self, index: int) -> bool:
        """The run at `index` sits in an earlier person's appositive: `Kim Soo-ah, sister of
        the party leader Kim Tae-ho`. It is background, not the person the text is about."""
        # Read once per run: the scan only appends runs, so those before `index` never change.
        if index not in self._embedded_at:
            self._embedded_at[index] = self._in_appositive(index)
        return self._embedded_at[index]

    def _in_appositive(self, index: int) -> bool:
        runs, text = self._runs, self.text
        start = runs[index][0]
        for earlier in range(index - 1, max(index - 4, 0) - 1, -1):
            run_start, run = runs[earlier]
            if not text.startswith(",", run_start + len(run)):
                continue  # a person's name ends its run, and an appositive opens with a comma
            person = self._person(earlier)
            if person is None or person.appositive is None:
                continue
            appositive_end = person.end + 2 + len(person.appositive)
            if person.end < start < appositive_end:
                return True
        return False

    def resolve_surname(
        self, word: str, position: int, gender: str | None = None
    ) -> PersonName | None:
        """resolve_surname_at() that passes over a namesake named only in another person's
        appositive (`Kim said` after `Kim Soo-ah, sister of ... Kim Tae-ho` is Kim Soo-ah), and
        over one of the other gender when an honorific gives it (`Mr. Voss` after `Donald Voss
        met Mary Voss` is Donald Voss)."""
        found = self._resolve_surname(word, position, gender)
        if found is None or found[0] >= len(self._runs) or not self._embedded(found[0]):
            return found[1] if found else None
        index = found[0]
        for earlier in range(index - 1, max(index - 4, 0) - 1, -1):
            person = self._person(earlier)
            if person is not None and person.surname == word and person.name != found[1].name:
                return person
        return found[1]

    def _resolve_surname(
        self, word: str, position: int, gender: str | None = None
    ) -> tuple[int, PersonName] | None:
        """The person most recently named in full whose surname (or family name) is `word`, not
        of the other gender than `gender` (when given)."""
        other = None if gender is None else _other(gender)
        self._scan_to(position)
        upto = bisect_left(self._starts, position)
        holding = self._runs_holding(word)
        # Nearest first backwards, then forwards (scanning further only when it gets there),
        # _MAX_SURNAME_SCAN runs in all; only the runs that hold the word can name the person.
        first = max(upto - _MAX_SURNAME_SCAN, 0)
        at = bisect_left(holding, upto)
        for index in reversed(holding[bisect_left(holding, first, 0, at) : at]):
            person = self._person(index)
            if (
                person is not None
                and person.surname == word
                and person.full
                and (other is None or gender_of(person.name, person.title) != other)
            ):
                return index, person
        last = upto - 1 + _MAX_SURNAME_SCAN - min(upto, _MAX_SURNAME_SCAN)
        while True:
            while at < len(holding) and holding[at] <= last:
                index = holding[at]
                person = self._person(index)
                if (
                    person is not None
                    and person.surname == word
                    and person.full
                    and (other is None or gender_of(person.name, person.title) != other)
                ):
                    return index, person
                at += 1
            if len(self._runs) > last or self._scanned_to >= len(self.text):
                return None
            self._scan_to(self._scanned_to + _SCAN_CHUNK)
            holding = self._runs_holding(word)

    def _runs_holding(self, word: str) -> list[int]:
        """The indices of the runs scanned so far that hold `word`, in text order (kept per word
        and brought up to date with the scan)."""
        examined, holding = self._holding.get(word, (0, []))
        runs = self._runs
        if examined < len(runs):
            holding.extend(index for index in range(examined, len(runs)) if word in runs[index][1])
            self._holding[word] = (len(runs), holding)
        return holding

    def organisation_opening_with(self, word: str, position: int) -> str | None:
        """The nearest organisation named before `position` whose name opens with `word`: a
        story names a company or a body in full once (`Hanbit Motors`), then by its first word
        (`Hanbit said`). A headline's title case names nothing, and the word stands for no
        organisation when the text uses it for a person or a place: a family name (`Kim` after
        `Kim Foundation`), a surname after an honorific or ending a name (`Mr. Brandt`, `Helena
        A. Brandt` beside `Brandt Partners`), a place (`in Millbrook`)."""
        text = self.text
        if word.lower() in KOREAN_FAMILY_NAMES:
            return None
        self._scan_to(position)
        upto = bisect_left(self._starts, position)
        holding = self._runs_holding(word)
        headline_end = text.find("\n")
        found = None
        for index in reversed(holding):
            start, run = self._runs[index]
            if start < headline_end:
                break
            words = run.split()
            if words[-1] == word and len(words) > 1 and not looks_like_org(words):
                return None  # a person's full name that ends with the word
            if found is None and index < upto and word != words[-1]:
                opening = words.index(word) if word in words[:2] else -1
                if (opening == 0 or (opening == 1 and words[0] == "The")) and looks_like_org(
                    words[opening:]
                ):
                    found = " ".join(words[opening:])
        if found is None or f" in {word}" in text:
            return None
        if _titled(text, word, HONORIFICS):
            return None
        return found

    def full_name_at(self, start: int, end: int) -> PersonName | None:
        if end >= self._scanned_to:
            return self._full_name_in_line(start, end)
        index = bisect_left(self._starts, end) - 1
        if index >= 0:
            run_start, run = self._runs[index]
            if run_start + len(run) > start:
                person = self._person(index)
                if person is not None and person.start <= start < person.end:
                    return person
        return None

    def _full_name_in_line(self, start: int, end: int) -> PersonName | None:
        """full_name_at() ahead of the scan, from the runs of the mention's own lines only: a
        run that starts on an earlier line ends before `start`, and a scan from a line start
        finds the runs of the whole-text scan."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end < 0:
            line_end = len(text)
        found = None
        for match in _NAME_RUN_RE.finditer(text, line_start, line_end):
            if match.start() >= end:
                break
            found = match
        if found is None or found.end() <= start:
            return None
        person = self._person_of(found.start(), found.group())
        if person is not None and person.start <= start < person.end:
            return person
        return None

    def people_forward(self, position: int, until: int) -> Iterator[PersonName]:
        """People named from `position` to `until`, in text order (a headline's role is
        named in the story below it); background named in an appositive left out."""
        self._scan_to(until)
        index = bisect_left(self._starts, position)
        runs = self._runs
        while index < len(runs) and runs[index][0] < until:
            person = self._person(index)
            if person is not None and not self._embedded(index):
                yield person
            index += 1

    def people_backward(
        self,
        position: int,
        *,
        named: str | None = None,
        since: int = -1,
        unless: Callable[[int], bool] | None = None,
    ) -> Iterator[PersonName]:
        """People named before `position`, nearest first, looking back a bounded number of runs;
        a person named only inside another's appositive is background and left out. With
        `named`, only people of that full name (a person's name ends its run, so the other
        runs are passed over unread). With `since`, the people named before that offset are
        left out: the runs that end before it are not read. With `unless`, the runs at whose
        start it holds are passed over unread (a person's name starts where its run does or
        later, with no quote mark between, so both stand inside the same quote or outside)."""
        self._scan_to(position)
        upto = bisect_left(self._starts, position)
        runs = self._runs
        for index in range(upto - 1, max(upto - _LOOKBACK_RUNS, 0) - 1, -1):
            start, run = runs[index]
            if start + len(run) <= since:
                return  # runs do not overlap: every earlier one ends before `since` too
            if named is not None and not run.endswith(named):
                continue
            if unless is not None and unless(start):
                continue
            person = self._person(index)
            if person is None or (named is not None and person.name != named):
                continue
            if not self._embedded(index):
                yield person


_NICKNAME_RE: Final = re.compile(r"\s[\"“][^\"“”\s]+[\"”](?=\s)")
_MOJIBAKE_MARKS: Final = ("Ã", "Â", "A\u0302", "A\u0303")


def clean_name(name: str) -> str:
    """`Marcia "Cia" Price` -> `Marcia Price`; `FranÃ§ois` (UTF-8 read as Latin-1, maybe twice)
    -> `François`."""
    if name.isascii() and '"' not in name:
        return name  # no curly mark and no mojibake: nothing to clean
    if '"' in name or "“" in name:
        name = _NICKNAME_RE.sub("", name)
    if any(mark in name for mark in _MOJIBAKE_MARKS):
        name = unicodedata.normalize("NFC", name)
        for _ in range(3):
            try:
                repaired = name.encode("latin-1").decode("utf-8")
            except UnicodeError:
                break
            if repaired == name:
                break
            name = repaired
    return name


_PRONOUN_GENDER: Final = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _other(gender: str) -> str:
    return "f" if gender == "m" else "m"


def gender_of(name: str, title: str | None) -> str | None:
    """`m`, `f` or None, from an honorific or role noun in the title, else the first name."""
    if title:
        words = set(title.lower().replace(",", " ").split())
        male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
        if male != female:
            return "m" if male else "f"
    first = name.split(" ", 1)[0].lower()
    if first in MALE_FIRST_NAMES:
        return "m"
    if first in FEMALE_FIRST_NAMES:
        return "f"
    return None


_LOOKBACK_RUNS: Final = 40
_MAX_SURNAME_SCAN: Final = 400
_MAX_QUANTITY_MODIFIERS: Final = 2  # `a small, growing number of`: modifiers before a quantity
_SCAN_CHUNK: Final = 2000  # characters scanned at a time when a surname search runs ahead
_HISTORY: Final = 40
_ORG_CONTEXT: Final = ("the ", "of ", "for ")
_PERSON_AFTER: Final = ("of ", "for ")
# Endings of possessives: `Kim’s`, `the ministers'` (curly and straight).
POSSESSIVE_ENDS: Final = ("’s", "'s", "s’", "s'")


_ROMAN_NUMERALS: Final = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})


def _mixes_acronym(words: list[str]) -> bool:
    """One word in capitals among words that are not: `SCMP Knowledge` (an all-capitals byline
    such as `MICHAEL LEE` is a person)."""
    if not any(map(str.isupper, words)):
        return False  # the common case, no word in capitals, read in one C loop
    # (an initial, `J.` in `Lena J. Voss`, is no word in capitals)
    capitals = [w.isupper() and len(w.rstrip(".")) > 1 and w not in _ROMAN_NUMERALS for w in words]
    return any(capitals) and not all(capitals)


def _titled_or_korean(run: str) -> bool:
    words = run.split(" ")
    title, name = _clean_run(words)
    return bool(title) or is_korean_name(name)


_PLURAL_OWNER_RE: Final = re.compile(r"['’] ([A-Z][a-z]+)")


def _owns_organisation(text: str, end: int) -> bool:
    """`Education Workers' Union`, `Hanbit Farmers' Association`: a plural owner (its mark past
    the run's end) that an organisation's head noun follows names the organisation, not a
    person (but `Chris Evans' film` names one)."""
    if not text.startswith(("'", "’"), end):
        return False
    match = _PLURAL_OWNER_RE.match(text, end)
    return match is not None and is_org_word(match.group(1))


def _role_before(text: str, start: int) -> str | None:
    """The role right before a run of names, outside it: abbreviated titles (`Sen. Dell Quist`,
    `Lt. Gen. Kim Tae-ho`: a run reads no word that a period ends) or a lower-case role noun
    (`strategist Dell Quist`, `former prosecutor Han Do-yun`), or None."""
    first = start
    if text.startswith(" ", start - 1) and start > 1 and text[start - 2].islower():
        word_start = start - 2
        while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "-"):
            word_start -= 1
        word = text[word_start : start - 1]
        if word not in PERSON_NOUNS and word not in TITLE_WORDS:
            return None
        # with the word before it: `First lady Kim Keon-hee` is `the first lady`
        before = word_start - 1
        while before > 0 and text[before - 1].isalpha():
            before -= 1
        modifier = text[before : word_start - 1]
        if (
            text.startswith(" ", word_start - 1)
            and modifier
            and modifier.lower() not in FUNCTION_WORDS
        ):
            return f"{modifier} {word}"
        return word
    while text.startswith(". ", first - 2):
        word_start = first - 2
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start : first - 2]
        if not (word[:1].isupper() and word.lower() in ABBREVIATED_TITLES):
            break
        first = word_start
    return text[first : start - 1] if first < start else None


def _person_from_run(run: str, start: int) -> PersonName | None:
    words = run.split(" ")
    if words[-1].endswith(POSSESSIVE_ENDS):
        # `Lena Voss’s campaign`: the owner that ends the run is the person, without its `’s`.
        mark = 1 if words[-1][-1] in "’'" else 2
        run = run[:-mark]
        words[-1] = words[-1][:-mark]
    owners = [i for i, word in enumerate(words) if word.endswith(POSSESSIVE_ENDS)]
    if owners:
        words = words[owners[-1] + 1 :]  # `Hanbit’s Lee Min-seo`: the name follows the owner
    if _mixes_acronym(words):
        return None  # `SCMP Knowledge`, `CNN Politics`: an acronym names an organisation
    title, name = _clean_run(words)
    title, name = _inner_title(title, name)
    # `Mrs. Varga`, `President Lane`: a title makes one word a person whom `she` can mean.
    if len(name) > 4 or not name or (len(name) == 1 and not title):
        return None
    if looks_like_org(name) or looks_like_place(name):
        return None
    if any(word.lower() in NAME_STOPWORDS for word in name[1:]) or name[-1].endswith("."):
        return None
    full = " ".join(name)
    offset = start + len(run) - len(full)
    # `Mrs.` says who she is (the gender reads the text before the name), not what she does.
    described = " ".join(w for w in title if w.rstrip(".") not in _COURTESY_TITLES) or None
    return PersonName(full, surname_of(name), offset, offset + len(full), described)


_COURTESY_TITLES: Final = frozenset({"Mr", "Mrs", "Ms"})
# The word a title ends in (`Industry Minister`, `Hanbit Motors Chief Executive`): a role noun
# that titles a person.
_TITLE_HEADS: Final = PERSON_NOUNS & TITLE_WORDS


def _inner_title(title: list[str], name: list[str]) -> tuple[list[str], list[str]]:
    """`Industry Minister Lee Chang-yang`, `Hanbit Motors Chairman Kim Do-hyun`, `Ardmore
    Attorney General Dana Cole`: the words up to a role noun that titles a person (and the title
    words right after it) are the title, even when the words before it are no title words, if a
    full name follows; not in a run that holds a verb (`Voss Says Party Leader Dana Cole`: a
    headline)."""
    last = len(name) - 1
    head = next(
        (i for i in range(last - 2, 0, -1) if name[i].lower().rstrip(".") in _TITLE_HEADS), None
    )
    if head is None:
        return title, name
    while head + 2 < last and name[head + 1].lower().rstrip(".") in TITLE_WORDS:
        head += 1  # `Attorney General`
    if any(word.lower() in SPEECH_VERBS for word in name[:head]):
        return title, name
    return title + name[: head + 1], name[head + 1 :]


_AFFILIATION_RE: Final = re.compile(
    r"\b(?:" + "|".join(sorted(AFFILIATION_PREPOSITIONS)) + r")\s+(?:the\s+)?([A-Z][^,;]*)$"
)


def affiliation_from_title(title: str | None) -> str | None:
    """`director of ... at the Korea Research Institute for National Strategy` -> the institute."""
    if not title:
        return None
    at = title.rfind(" at ")
    candidate = title[at + 4 :] if at >= 0 else None
    body, _, role = title.rpartition(" ")
    if candidate is None and " of " in body and role.lower() in TITLE_WORDS and body[:1].isupper():
        return body  # `Bank of Korea Governor`: the body's name, then the role
    if candidate is None:
        match = _AFFILIATION_RE.search(title)
        candidate = match.group(1) if match else None
        head = title[: match.start()].split()[-1:] if match else []
        if head and head[0].lower() in KIN_NOUNS:
            return None  # `sister of the Harbor Party's leader Tom Reid`: a relative, no body
    if candidate is None:
        return None
    candidate = candidate.strip().removeprefix("the ").strip()
    if " " not in candidate and title.split()[0][:1].isupper() and len(title.split()) == 3:
        return None  # `Chief of Staff`, `Secretary of State`: one title, no body named
    first = title.split(" ", 1)[0]
    if (
        first[:1].isupper()
        and first.lower() in TITLE_WORDS
        and title.startswith(f"{first} of ")
        and not any(map(is_org_word, candidate.split()))
        and not looks_like_place(candidate.split())
    ):
        # `Minister of Economy and Finance`: an office's field, no body named (but
        # `Republican of South Carolina` names the state)
        return None
    return candidate if candidate[:1].isupper() else None


def _clean_title(title: str | None) -> str | None:
    """`a research consultant for ...` -> `research consultant for ...`."""
    if not title:
        return None
    for article in ("a ", "an ", "the "):
        if title.lower().startswith(article):
            return title[len(article) :] or None
    return title


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first.lower() in INDEFINITE or first.lower() in {"the", "this", "that"}:
        return rest
    return text


def _without_quantity(body: str) -> str:
    """`economists` of `wide array of economists`, `the city's lawmakers` of `Dozens of the
    city's lawmakers`: the people a group's quantity counts, which its title and affiliation
    describe (grammar.group_of_people reads the phrase)."""
    if " of " not in body:
        return body  # most descriptions: no quantity's `of` to look for
    words = body.split(" ")
    for index, word in enumerate(words[: _MAX_QUANTITY_MODIFIERS + 1]):
        if word.lower() in GROUP_QUANTITIES and words[index + 1 : index + 2] == ["of"]:
            people = " ".join(words[index + 2 :])
            return people.removeprefix("the ") or body
        if not word.islower():
            break
    return body


def _anonymous_parts(text: str, head: str | None) -> tuple[str | None, str | None]:
    """(title, affiliation) of `a senior White House official` -> (senior official, White House)."""
    body = _without_quantity(_strip_determiner(text))
    if head is not None and body[:1].isupper() and body.lower().startswith(head):
        body = head + body[len(head) :]  # `Economists say`: the sentence's capital, no name
    for preposition in (" at ", " for ", " from ", " with ", " of "):
        if preposition in body:
            left, _, right = body.partition(preposition)
            return left, right.removeprefix("the ").strip() or None
    # `Her biggest supporters`: an owner that opens a sentence names no body
    words = [w for w in body.split() if w.lower() not in POSSESSIVE_PRONOUNS]
    capitalised = [w for w in words if w[:1].isupper()]
    lowered = [w for w in words if not w[:1].isupper()]
    # `the Herald's editor`, `Voss's aides`: the owner without its possessive ending
    affiliation = " ".join(capitalised).removesuffix("'s").removesuffix("’s") or None
    if affiliation is None:
        org_like = [w for w in lowered[:-1] if w.lower() in ORG_MODIFIERS]
        affiliation = " ".join(org_like) or None
        lowered = [w for w in lowered if w not in org_like]
    title = " ".join(lowered) or head
    return title, affiliation


class Resolver:
    """Turns mentions into speakers, remembering who has spoken so far in the article."""

    def __init__(self, *, text: str, names: NameIndex, quote_spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.names = names
        self._quote_starts = [start for start, _ in quote_spans]
        self._quote_ends = [end for _, end in quote_spans]
        self.history: list[tuple[int, Speaker]] = []  # read through recent(), never in full
        self._cache: dict[tuple[int, int], Speaker | None] = {}
        self._titles: dict[str, str] = {}
        self._anonymous = 0
        self._introductions: dict[int, Speaker] = {}
        self._honorifics: dict[str, str | None] = {}  # the gender the text's honorifics give
        self._titled_people: dict[tuple[str, str], PersonName] = {}  # ("mrs", "Voss") -> person

    def resolve(
        self,
        *,
        start: int,
        end: int,
        kind: str,
        title: str | None,
        determiner: str | None,
        head: str | None,
    ) -> Speaker | None:
        cached_key = (start, end)
        if cached_key in self._cache:
            return self._cache[cached_key]
        mention = self.text[start:end]
        speaker: Speaker | None
        if kind == "pronoun":
            speaker = self._pronoun(mention, start)
        elif kind == "description":
            speaker = self._description(
                mention, start, determiner=determiner, head=head, title=title
            )
        elif kind == "org" and _unnamed_people(mention):
            # `Those over 60 say`, `Some who know him say`, `Most of the crew`: people unnamed,
            # named by the words that single them out
            self._anonymous += 1
            speaker = Speaker(
                name=mention,
                kind="anonymous",
                key=anonymous_key(None, str(self._anonymous)),
            )
        elif kind == "org":
            author = _document_author(mention)
            if author is not None and _names_a_body(author):
                speaker = _organization(" ".join(author))  # `a KBN report`: KBN's
            elif (
                author is not None
                and ("’s " in mention or "'s " in mention)
                and not looks_like_place(author)
            ):
                # `according to Kim Tae-ho's statement`: the person's
                speaker = self._name(" ".join(author), start, title=None)
            else:
                speaker = _organization(mention)
        elif mention.lower() in BARE_SUBJECT_QUANTIFIERS:
            # `Others said`, `Some argued`: unnamed people, not a person called `Others`
            self._anonymous += 1
            speaker = Speaker(
                name=mention.lower(),
                kind="anonymous",
                key=anonymous_key(None, str(self._anonymous)),
            )
        else:
            speaker = self._name(mention, start, title=title)
        self._cache[cached_key] = speaker
        if speaker is not None:
            self.history.append((start, speaker))
        return speaker

    def _name(self, mention: str, position: int, *, title: str | None) -> Speaker:
        mention = clean_name(mention)
        words = mention.split()
        owners = [i for i, word in enumerate(words[:-1]) if word.endswith(POSSESSIVE_ENDS)]
        if owners:
            # `Hanbit Group’s Baek Ha-jun`: the owner is no part of the name.
            name = " ".join(words[owners[-1] + 1 :])
            position += len(mention) - len(name)
            mention, words = name, words[owners[-1] + 1 :]
        full = mention
        known_title = None
        if (
            len(words) == 1
            and mention.lower() in PERSON_NOUNS
            and (mention.endswith("s") or mention.lower() in BARE_COLLECTIVES)
        ):
            # `Officials said`: a bare plural that opens a sentence is a group of sources.
            return self._anonymous_source(mention, head=mention.lower(), title=None)
        if len(words) == 1:
            honorific = (title or "").lower().rstrip(".")
            titled = (honorific, mention) if honorific in HONORIFICS else None
            # `Mrs. Voss` is whom it was before, though `Chelsea Voss` was named since
            person = self._titled_people.get(titled) if titled is not None else None
            if person is None:
                person = self.names.resolve_surname(
                    mention, position, gender_of("", title) if title else None
                )
                if titled is not None and person is not None:
                    self._titled_people[titled] = person
            if person is not None and appositive_head(person.appositive) in ORG_APPOSITIVE_HEADS:
                return _organization(person.name)
            if person is None:
                if (
                    looks_like_org(words)
                    or looks_like_place(words)
                    # (`VOSS:` of a transcript is the Voss the text names)
                    or (_acronym(mention) and mention.title() not in self.text)
                ):
                    return _organization(mention)
                recent = self._recent_speaker_named(mention)
                if recent is not None:
                    return recent
                organisation = self.names.organisation_opening_with(mention, position)
                if organisation is not None:
                    return _organization(organisation)
            else:
                full, known_title = person.name, person.description
        else:
            if looks_like_place(words) or (
                looks_like_org(words) and not _titled_person(words, title)
            ):
                return _organization(mention)
            if self._described_as_organisation(mention, position):
                return _organization(mention)  # `Namhae Ilbo, a weekly provincial paper`
            person = self.names.full_name_at(position, position + len(mention))
            known_title = person.description if person else None
        key = speaker_key(full)
        title = _clean_title(title)
        if title and key not in self._titles:
            self._titles[key] = title
        final_title = self._titles.get(key) or title or known_title
        return Speaker(
            name=full,
            kind="person",
            key=key,
            title=final_title,
            affiliation=affiliation_from_title(final_title),
        )

    def _described_as_organisation(self, name: str, position: int) -> bool:
        """An appositive here or at an earlier mention of the same name has an organisation's
        head noun."""
        if appositive_head(appositive_after(self.text, position + len(name))) in (
            ORG_APPOSITIVE_HEADS
        ):
            return True
        return any(
            appositive_head(person.appositive) in ORG_APPOSITIVE_HEADS
            for person in self.names.people_backward(position, named=name)
        )

    def recent(self) -> list[tuple[int, Speaker]]:
        """The latest speakers, nearest first; bounded so that long texts stay linear."""
        return self.history[: -_HISTORY - 1 : -1]

    def _recent_speaker_named(self, word: str) -> Speaker | None:
        for _, speaker in self.recent():
            if speaker.kind == "person" and word in speaker.name.split():
                return speaker
        return None

    def _inside_quote(self, position: int) -> bool:
        index = bisect_left(self._quote_starts, position + 1) - 1
        return index >= 0 and position < self._quote_ends[index]

    def _last_outside_quotes(
        self,
        pattern: re.Pattern[str],
        low: int,
        high: int,
        keep: Callable[[re.Match[str]], bool] | None = None,
    ) -> re.Match[str] | None:
        """The last match of `pattern` between `low` and `high` that starts outside the quotes
        (and that `keep` accepts): what a pronoun or a description points back to is named in
        the text's own words. Read from the last match back, so the earlier ones go unchecked."""
        for match in reversed(list(pattern.finditer(self.text, low, high))):
            if (keep is None or keep(match)) and not self._inside_quote(match.start()):
                return match
        return None

    def _pronoun(self, mention: str, position: int) -> Speaker | None:
        lower = mention.lower()
        lower = _POSSESSIVE_PRONOUN_SUBJECT.get(lower, lower)  # `her remark`: she
        if lower in _PRONOUN_GENDER:
            position = _before_object_relative(self.text, position)
        if lower in GROUP_PRONOUNS:
            gathered = self._gathered_group(position) if lower == "they" else None
            if gathered is not None:
                return gathered
            opening = self._group_opening_sentence_before(position) if lower == "they" else None
            if opening is not None:
                return opening
            for _, speaker in self.recent():
                if speaker.kind != "person" and not (
                    lower == "they" and _one_unnamed_person(speaker)
                ):
                    return speaker
            anchor = self._quote_before(position)
            if lower == "they":
                return self._group_before(anchor)
            if lower != "it":
                return None
            return self._body_or_document_before(anchor)
        last_spoken = next(((pos, sp) for pos, sp in self.recent() if _one_person(sp)), None)
        named = self.names.people_backward(position, unless=self._inside_quote)
        last_named = next(named, None)
        if last_spoken is None and last_named is not None and not self._salient(last_named):
            # `Yoon took office, replacing Kang Jae-in. ... he said`: the subject, not the object.
            nearby = [p for p in islice(named, 4) if position - p.start < 2500]
            subject = next((p for p in nearby if self._salient(p)), None)
            named = chain(nearby, named)
            if subject is not None:
                # The object stays a candidate for a pronoun of its gender only.
                named = chain([last_named], named)
                last_named = subject
        named_later = last_spoken is None or (
            last_named is not None
            and last_named.start > last_spoken[0]
            and self._salient(last_named)
        )
        wanted = _PRONOUN_GENDER.get(lower)
        since = max(
            last_named.start if last_named is not None else 0,
            last_spoken[0] if last_spoken is not None else 0,
        )
        unnamed = self._unnamed_subject(
            position, since, wanted, nobody_before=last_named is None and last_spoken is None
        )
        if unnamed is not None:
            return unnamed
        if last_named is not None and named_later and position - last_named.start < 2500:
            if wanted is None or self._person_gender(last_named) != _other(wanted):
                return self._name(last_named.name, last_named.start, title=None)
        elif last_spoken is not None:
            acting = self._surname_subject(last_spoken[0], position, wanted)
            if acting is not None:
                return acting
            speaker = last_spoken[1]
            if wanted is None or gender_of(speaker.name, speaker.title) != _other(wanted):
                return speaker
        else:
            return None
        # `Mrs. Lee met Mr. Park ... she said`: the nearest person of the pronoun's gender.
        found = self._gendered(wanted, position, last_named, named)
        if found is not None:
            return found
        if (
            last_named is not None
            and named_later
            and position - last_named.start < 2500
            # `she` is not a man the text names last by a man's first name (`... who praised
            # George Reid. “Q,” she said`) when someone spoke before: that speaker then
            and (
                wanted is None
                or last_spoken is None
                or gender_of(last_named.name, None) != _other(wanted)
            )
        ):
            return self._name(last_named.name, last_named.start, title=None)
        if last_spoken is None:
            return None
        if wanted is not None and gender_of(last_spoken[1].name, last_spoken[1].title) == _other(
            wanted
        ):
            # `she` rather means a woman the text named earlier, however far back, than the man
            # who spoke last; with none, the last speaker stays the best guess
            return self._named_of_gender(wanted, position) or last_spoken[1]
        return last_spoken[1]

    def pronoun_means(self, pronoun: str, position: int, speaker: Speaker) -> bool:
        """Whether `he` or `she` at `position` resolves to the speaker, read without recording
        anything (no history, no new anonymous source)."""
        if pronoun.lower() not in _PRONOUN_GENDER or self._inside_quote(position):
            return False
        if gender_of(speaker.name, speaker.title) == _other(_PRONOUN_GENDER[pronoun.lower()]):
            return False
        saved = self._anonymous, dict(self._introductions)
        try:
            found = self._pronoun(pronoun, position)
        finally:
            self._anonymous, self._introductions = saved
        return found is not None and found.key == speaker.key

    def _surname_subject(self, since: int, position: int, wanted: str | None) -> Speaker | None:
        """`An official said “Q”. ... She took issue with remarks Kang made. He stressed ...`:
        a person named in full earlier, then by surname as the subject of a verb after the last
        speaker, is whom `he` means, nearer than that speaker (in its own paragraph or the one
        before)."""
        if wanted is None:
            return None
        low = max(since, self.text.rfind("\n\n", 0, self.text.rfind("\n\n", 0, position)))
        found = self._last_outside_quotes(_SURNAME_SUBJECT_RE, low, position, _past_verb_follows)
        if found is None:
            return None
        person = self.names.resolve_surname(found.group(1), found.start())
        if person is None or not person.full or person.start >= found.start():
            return None
        if self._person_gender(person) == _other(wanted):
            return None
        return self._name(person.name, person.start, title=None)

    def _salient(self, person: PersonName) -> bool:
        """Named where a subject stands (a sentence's or clause's start, after a title or role
        noun), not as the object of a verb or preposition (`critical of President Seo`,
        `replacing Kang Jae-in`): only then does a newly named person take `he` from the one
        just quoted."""
        start = person.start
        if person.title and self.text.endswith(person.title, 0, start - 1):
            start -= len(person.title) + 1  # what stands before `President Park Ji Hoon`
        before = self.text[max(0, start - 40) : start].rstrip(" ")
        if not before or before[-1] in '.,;:!?\n“”"—(':
            return True
        last = before.rsplit(None, 1)[-1].lower().strip("’'")
        return last in TITLE_WORDS or last in PERSON_NOUNS or last in {"and", "but"}

    def _gendered(
        self,
        wanted: str | None,
        position: int,
        first: PersonName | None,
        rest: Iterator[PersonName],
    ) -> Speaker | None:
        candidates: list[tuple[int, Speaker | PersonName]] = [
            (pos, sp) for pos, sp in self.recent() if sp.kind == "person"
        ]
        for person in chain((first,) if first is not None else (), islice(rest, 12)):
            if position - person.start < 2500:
                candidates.append((person.start, person))
        candidates.sort(key=lambda item: item[0], reverse=True)
        for _, candidate in candidates:
            if isinstance(candidate, PersonName):
                if self._person_gender(candidate) == wanted:
                    return self._name(candidate.name, candidate.start, title=None)
            elif gender_of(candidate.name, candidate.title) == wanted:
                return candidate
        return None

    def _named_of_gender(self, wanted: str, position: int) -> Speaker | None:
        for person in islice(self.names.people_backward(position), _MAX_GENDER_SEARCH):
            if self._person_gender(person) == wanted:
                return self._name(person.name, person.start, title=None)
        return None

    def _person_gender(self, person: PersonName) -> str | None:
        """The gender of a named person, an honorific just before the name included, or else
        the honorific the text gives the surname anywhere (`Ms. Voss` after `Lena Voss`)."""
        before = self.text[max(0, person.start - 5) : person.start]
        described = " ".join(filter(None, (person.title, person.appositive, before)))
        return gender_of(person.name, described) or self._honorific_gender(person.surname)

    def _honorific_gender(self, surname: str) -> str | None:
        """`Ms. Voss`, or else `Voss said she ...`: the honorifics the text gives the surname,
        or the pronouns that follow it in the same sentence, when they agree (twice at least).
        Plain string searches: a pattern built per surname would cost its compiling."""
        if surname not in self._honorifics:
            text = self.text
            female = _titled(text, surname, _FEMALE_HONORIFICS)
            male = _titled(text, surname, _MALE_HONORIFICS)
            gender = ("f" if female else "m") if female != male else None
            if gender is None and not (female or male):
                genders = [_PRONOUN_GENDER[word] for word in _pronouns_after(text, surname)]
                if len(genders) >= 2 and len(set(genders)) == 1:
                    gender = genders[0]
            self._honorifics[surname] = gender
        return self._honorifics[surname]

    def _titled_name(self, mention: str, position: int) -> Speaker | None:
        """`Senior Secretary for Rural Affairs Lee Min-seo`: a long title, then a name."""
        end = position + len(mention)
        person = self.names.full_name_at(end - 1, end)
        if person is not None and person.end == end:
            return self._name(person.name, person.start, title=person.title)
        words = mention.split()
        last_two = words[-2:]
        if len(words) > 2 and all(w[:1].isupper() for w in last_two) and is_korean_name(last_two):
            name = " ".join(last_two)
            return self._name(name, end - len(name), title=None)
        return None

    def _quote_before(self, position: int) -> int:
        """`“Q,” it read.`: the opening of the quote just before a pronoun, from which its
        antecedent is sought (the quote's own length is no distance); else the position."""
        index = bisect_left(self._quote_ends, position + 1) - 1
        if index >= 0 and position - self._quote_ends[index] <= 3:
            return self._quote_starts[index]
        return position

    def _group_before(self, position: int) -> Speaker | None:
        """`Top harbor officials met on Monday. They said “Q”`: with no organisation quoted
        yet, `they` is the group of people that opened a sentence shortly before in the same
        paragraph."""
        low = max(0, position - 400, self.text.rfind("\n", 0, position) + 1)
        found = self._last_outside_quotes(_GROUP_OPENING_RE, low, position, _people_noun)
        if found is None:
            return None
        group = found.group(1)
        if group[1:].islower():
            group = group.lower()  # `Officials met` opens a sentence
        return self._anonymous_source(group, head=found.group(2).lower(), title=None)

    def _group_opening_sentence_before(self, position: int) -> Speaker | None:
        """`Prosecutors had sought a longer term. They said ...`: the group of people that opens
        the sentence just before is whom `they` means, nearer than any body quoted earlier."""
        found = self._people_in_sentence_before(_GROUP_OPENING_RE, 400, position)
        return None if found is None else self._group_before(position)

    def _gathered_group(self, position: int) -> Speaker | None:
        """`Voss called a meeting of harbor pilots. They warned of “Q”`: people gathered in
        the sentence just before are whom `they` means; they act as one body."""
        found = self._people_in_sentence_before(_GATHERED_GROUP_RE, 300, position)
        return None if found is None else _organization(found.group(1))

    def _people_in_sentence_before(
        self, pattern: re.Pattern[str], reach: int, position: int
    ) -> re.Match[str] | None:
        """The last match of `pattern` whose head noun names people, in the sentence just before
        `position` (which a `they` opens), in the same paragraph and after the last speaker
        quoted, within `reach` characters."""
        low = max(0, position - reach, self.text.rfind("\n", 0, position) + 1)
        if self.history and self.history[-1][0] > low:
            low = self.history[-1][0]
        found = self._last_outside_quotes(pattern, low, position, _people_noun)
        if found is None:
            return None
        end = _SENTENCE_END_RE.search(self.text, found.end(), position)
        return found if end is not None and end.end() == position else None

    def _body_or_document_before(self, position: int) -> Speaker | None:
        """`it` with no organisation quoted yet: the organisation named shortly before (`The
        provincial office said ... “Q,” it said.`), or else the document; a body named in
        capitals gives way to a document named after it (`The Harbor Board sent a letter ...
        “Q,” it read.`), while `the agency` stays the text's own word for the source."""
        body = self._organization_before(position)
        if body is not None and not _capitalised_head(body):
            return _organization(body.group(0))
        document = self._document_before(position)
        if document is not None and (body is None or document.start() > body.start()):
            return self._anonymous_source(
                document.group(0), head=document.group(1).lower(), title=None
            )
        return _organization(body.group(0)) if body is not None else None

    def _organization_before(self, position: int) -> re.Match[str] | None:
        """`The provincial office said on Friday that ... “Q,” it said.`: the nearest
        organisation named shortly before, outside quotes."""
        return self._last_outside_quotes(
            _ORG_PHRASE_RE, max(0, position - 600), position, self._names_the_body
        )

    def _names_the_body(self, match: re.Match[str]) -> bool:
        """Not `aides of the Delmont Port Office` nor `a spokesman for the Harbor Board`: a body
        named after a preposition of affiliation belongs to another noun's phrase, which is what
        `it` goes on about; a lower-case one (`the head of the office`) is the text's own word."""
        if not _capitalised_head(match):
            return True
        before = self.text[max(0, match.start() - 6) : match.start()].split()
        return not before or before[-1].lower() not in AFFILIATION_PREPOSITIONS

    def _document_before(self, position: int) -> re.Match[str] | None:
        """`The senators sent a letter to the agency. “Q,” it read.`: the document named
        shortly before, outside quotes; it speaks as it does in `“Q,” the letter read`."""
        return self._last_outside_quotes(_DOCUMENT_PHRASE_RE, max(0, position - 450), position)

    def _description(
        self,
        mention: str,
        position: int,
        *,
        determiner: str | None,
        head: str | None,
        title: str | None,
    ) -> Speaker | None:
        first = mention.lower().split(" ", 1)[0]
        if first in GROUP_MEMBERS and mention.lower() in {first, f"{first} of them"}:
            return self._group_member(first, position)  # (`one of them`: the head is `them`)
        if determiner not in INDEFINITE:  # `a spokesperson for President Seo` is not Seo
            named = self._titled_name(mention, position)
            if named is not None:
                return named
        if head in DOCUMENT_HEADS:
            # `the statement said`, `his comments`: the author the article named speaks.
            author = self._author(mention, position, determiner=determiner)
            if author is not None:
                return author
        body = head is not None and head in ORG_NOUNS
        if head is not None and body and mention.lower() == f"the {head}":
            named = self._body_named_before(head, position)
            if named is not None:
                return named
        headline = self._headline_role(mention, head, position)
        if headline is not None:
            return headline
        if determiner in {"the", "this", "that"} and head is not None:
            antecedent = self._antecedent(head, mention, position)
            if antecedent is not None and body and antecedent.kind == "anonymous":
                return _organization(antecedent.name)  # `a Seoul court ... the court`: a body
            if antecedent is not None:
                return antecedent
        if body and first in _POSSESSIVE_PRONOUN_SUBJECT:
            owned = self._owned_body(mention, position)
            if owned is not None:
                return owned
            # no owner to name it after: a source of this article only, not an organisation
            # named `his campaign` that would gather every article's
            return self._anonymous_source(mention, head=head, title=title)
        if body:
            return _organization(mention)
        group = self._group_described_before(mention, head, position)
        if group is not None:
            return group
        if position in self._introductions:
            # `Kim's lawyer said ...`, `An official said ...` after a later `the lawyer`, `the
            # official` was read back to it (the quotes are resolved before the claims)
            return self._introductions[position]
        return self._anonymous_source(mention, head=head, title=title)

    def _owned_body(self, mention: str, position: int) -> Speaker | None:
        """`his campaign`, `her office`, `its website`: the body of the person or body the
        possessive means, named after its owner (`Dana Cole's campaign`), when the owner agrees
        with it (a man for `his`, a body for `its`, ...) and the paragraph names it; else None."""
        pronoun, _, rest = mention.partition(" ")
        lower = pronoun.lower()
        owner = self._pronoun(lower, position)
        if owner is None:
            return None
        wanted = _PRONOUN_GENDER.get(lower)
        if wanted is not None:
            if owner.kind != "person" or gender_of(owner.name, owner.title) != wanted:
                return None
        elif owner.kind != "organization":
            return None
        paragraph = self.text.rfind("\n", 0, position) + 1
        if self.text.find(surname_of(owner.name.split()), paragraph, position) < 0:
            return None  # an owner the paragraph does not name is a guess
        return _organization(f"{owner.name}'s {rest}")

    def _headline_role(self, mention: str, head: str | None, position: int) -> Speaker | None:
        """`Unification minister says ...` as a headline: the person the story's first
        paragraphs name with that role (`Minister of Unification Lee Jae-ho`)."""
        headline_end = self.text.find("\n")
        if head is None or position >= headline_end or head not in _TITLE_HEADS:
            return None
        role = [w for w in _WORD_RE.findall(mention.lower()) if w not in ROLE_MODIFIERS]
        until = min(len(self.text), headline_end + _HEADLINE_ROLE_CHARS)
        for person in self.names.people_forward(headline_end, until):
            if person.full and person.describes(role):
                return self._name(person.name, person.start, title=None)
        return None

    def _body_named_before(self, head: str, position: int) -> Speaker | None:
        """`the ministry` after `the Unification Ministry urged ...` or `the Ministry of Oceans
        and Fisheries said ...`, `the court` after `The Seoul High Court upheld ...`: the body
        the text last named with that head noun; `the company` after `Hanbit Steel Co.`: the
        company last named with a company's suffix."""
        low = max(0, position - _ANTECEDENT_WINDOW)
        capitalised = head[0].upper() + head[1:]
        found = None
        if self.text.find(capitalised, low, position) >= 0:
            # (the pattern holds the capitalised head: spare the scan of the window)
            found = self._last_outside_quotes(
                _named_body_re(capitalised), low, position, self._not_title_case
            )
        if found is None and head in COMPANY_HEADS:
            found = self._last_outside_quotes(_COMPANY_NAME_RE, low, position)  # `Hanbit Co.`
        return None if found is None else _organization(found.group(1))

    def _not_title_case(self, match: re.Match[str]) -> bool:
        """A capitalised run followed by a lower-case word names something; in a headline's
        title case (`Popular Website Shows Bias`) every word is capitalised."""
        after = _WORD_AFTER_RE.match(self.text, match.end())
        return (
            after is None
            or not after.group(1)[0].isupper()
            or after.group(1).lower() in WEEKDAYS  # `the Ministry of Defense Thursday said`
        )

    def _group_described_before(
        self, mention: str, head: str | None, position: int
    ) -> Speaker | None:
        """`Many council members said` after `most members of the Lindell Council ...`: a
        plural of people whose modifier names the body in an earlier `<head> of the ...`
        phrase is that group, named as the text described it."""
        words = mention.split()
        if head is None or head not in PERSON_NOUNS or not head.endswith("s") or len(words) < 2:
            return None
        if words[-1].lower() != head or not words[-2].isalpha() or not words[-2].islower():
            return None
        low = max(0, position - _ANTECEDENT_WINDOW)
        if self.text.find(f"{head} of the ", low, position) < 0:
            return None  # the pattern holds these words: spare the scan of the window
        found = self._last_outside_quotes(_members_of_re(head, words[-2]), low, position)
        return None if found is None else self._source_introduced_at(found, head)

    def _source_introduced_at(self, found: re.Match[str], head: str) -> Speaker:
        """The unnamed source an earlier phrase introduced, one speaker however often it speaks,
        with the body named right after the head (`An official at the Ministry of Trade said`)."""
        cached = self._introductions.get(found.start())
        if cached is None:
            body = _INTRODUCED_BODY_RE.match(self.text, found.end())
            words = found.group(0)
            if body is not None and self._whole_body(body):
                words += body.group(0)
            cached = self._anonymous_source(words, head=head, title=None)
            self._introductions[found.start()] = cached
        return cached

    def _whole_body(self, body: re.Match[str]) -> bool:
        """The body's name ends where the match does: no possessive owns a noun after it (`a
        partner at Mr. Roe's firm`), and no noun in lower case goes on with it (`a member of
        Harbor Party leadership`); a verb of speech or a function word may follow."""
        if any(word.endswith(POSSESSIVE_ENDS) for word in body.group(0).split()):
            return False
        after = _LOWER_WORD_AFTER_RE.match(self.text, body.end())
        return after is None or after.group(1) in SPEECH_VERBS or after.group(1) in FUNCTION_WORDS

    def _anonymous_source(self, mention: str, *, head: str | None, title: str | None) -> Speaker:
        self._anonymous += 1
        anonymous_title, affiliation = _anonymous_parts(mention, head)
        return Speaker(
            name=_strip_determiner(mention),
            kind="anonymous",
            key=anonymous_key(affiliation, str(self._anonymous)),
            title=title or anonymous_title,
            affiliation=affiliation,
        )

    def _group_member(self, mention: str, position: int) -> Speaker:
        """`cried one`, `said another`: an unnamed member of the group of people that the
        text last made the subject of a sentence (`The family members ... burst into tears`)."""
        found = self._last_outside_quotes(
            _GROUP_SUBJECT_RE, max(0, position - 600), position, _people_noun
        )
        group = None if found is None else found.group(1)
        if group is not None and group[1:].islower():
            group = group.lower()  # `Voters lined up` opens a sentence
        self._anonymous += 1
        return Speaker(
            name=mention,
            kind="anonymous",
            key=anonymous_key(group, str(self._anonymous)),
            title=f"{mention} of the {group}" if group else None,
            affiliation=group,
        )

    def _author(self, mention: str, position: int, *, determiner: str | None) -> Speaker | None:
        """Who wrote or said `the statement` / `his comments` / `Kim's remarks`; a body named
        before the document speaks for it (`the Harbor Herald's report`, `a KCNA report`)."""
        owner = mention.split(" ", 1)[0]
        if determiner in _POSSESSIVE_PRONOUN_SUBJECT:
            return self._pronoun(_POSSESSIVE_PRONOUN_SUBJECT[determiner], position)
        body = _document_owner(mention)
        if body is not None:
            return _organization(body)
        if determiner == "possessive":
            name = owner.removesuffix("’s").removesuffix("'s").rstrip("’'")
            return self._name(name, position, title=None) if name[:1].isupper() else None
        if determiner in {"the", "this", "that", "its", "their"}:
            return next((speaker for _, speaker in self.recent()), None)
        return None

    def _antecedent(self, head: str, mention: str, position: int) -> Speaker | None:
        """`the official`, `the same official`, `the professor`: the speaker, named person or
        earlier unnamed source that the description points back to."""
        ordinal = next((w for w in mention.lower().split() if w in ORDINAL_WORDS), None)
        if ordinal is not None:
            counted = self._counted_source(head, ORDINAL_WORDS.index(ordinal), position)
            if counted is not None:
                return counted
        age = next((word for word in mention.split() if is_age_word(word)), None)
        if age is not None:
            aged = self._person_of_age(age.partition("-")[0], position)
            if aged is not None:
                return aged
        stem = head.rstrip("s")
        role = [w for w in _WORD_RE.findall(mention.lower()) if w not in ROLE_MODIFIERS]
        # `the Voss campaign` is no other campaign, `the prime minister` no defense minister:
        # every word of the role must agree
        for _, speaker in self.recent():
            described = " ".join(filter(None, (speaker.name, speaker.title))).lower()
            if stem in described and all(word.rstrip("s") in described for word in role):
                return speaker
            if "." in described and all(  # `Sen.`: the senator, not the Florida senator
                word in _described_words(described) for word in role
            ):
                return speaker
        window = position - _ANTECEDENT_WINDOW
        for person in islice(self.names.people_backward(position, since=window), 12):
            if position - person.start > _ANTECEDENT_WINDOW:
                break
            if person.describes(role) and (
                person.role_before is None or self._named_lately(person, position)
            ):
                return self._name(person.name, person.start, title=None)
        introduced = self._introduced(head, role, position)
        if introduced is not None:
            return introduced
        if head in GENERIC_SOURCE_HEADS:
            return next((sp for _, sp in self.recent() if sp.kind == "anonymous"), None)
        return None

    def _named_lately(self, person: PersonName, position: int) -> bool:
        """`the senator` points back to a `Sen.` the story still speaks of: one whose name stands
        within the last paragraphs, not one named in an aside long before (`Recall Sen. Ana Ruiz
        ...`, then paragraphs on another senator whom the text never titled `Sen.`). Asked of a
        role read before a name only, where the role may well be passing mention."""
        low = max(0, position - _LATELY_CHARS)
        return person.start >= low or self.text.rfind(person.surname, low, position) >= 0

    def _counted_source(self, head: str, index: int, position: int) -> Speaker | None:
        """`the second official`: the unnamed source of the text's second introduction with
        that noun (`A ministry official said ... Another official said ...`), outside quotes."""
        low = max(0, position - _ANTECEDENT_WINDOW)
        if self.text.find(head, low, position) < 0:
            return None
        introductions = [
            match
            for match in _indefinite_re(head).finditer(self.text, low, position)
            if not self._inside_quote(match.start())
        ]
        if index >= len(introductions):
            return None
        return self._source_introduced_at(introductions[index], head)

    def _person_of_age(self, years: str, position: int) -> Speaker | None:
        """`the 61-year-old`: the person named shortly before with that age after the name
        (`Lena Voss, 61,`, `Kim Min-su (45)`)."""
        low = max(0, position - _ANTECEDENT_WINDOW)
        for person in islice(self.names.people_backward(position, since=low), 12):
            given = _GIVEN_AGE_RE.match(self.text, person.end)
            if given is not None and given.group(1) == years:
                return self._name(person.name, person.start, title=None)
        return None

    def _introduced(self, head: str, role: list[str], position: int) -> Speaker | None:
        """`a US defence official said ...` earlier in the text, with no quote of its own: the
        same unnamed source as `the US official` now (its own words are kept as its name)."""
        low = max(0, position - _ANTECEDENT_WINDOW)
        if self.text.find(head, low, position) < 0:
            return None  # the pattern holds the head word: spare the scan of the window
        keep = partial(_holds_role, role)
        found = self._last_outside_quotes(_indefinite_re(head), low, position, keep)
        if head in PERSON_NOUNS:
            # `Kim's lawyer said ...`: a possessive introduces an unnamed person too
            owned = self._last_outside_quotes(_possessive_intro_re(head), low, position, keep)
            if owned is not None and (found is None or owned.start() > found.start()):
                found = owned
        return None if found is None else self._source_introduced_at(found, head)

    def _unnamed_subject(
        self, position: int, since: int, wanted: str | None, *, nobody_before: bool
    ) -> Speaker | None:
        """`A mother held the form. “...,” she said`: an unnamed person who opens a clause after
        everyone named or quoted so far is whom `he` or `she` means."""
        low = max(since, position - 400)
        found = self._last_outside_quotes(
            _UNNAMED_SUBJECT_RE, low, position, self._opens_with_person
        )
        # `The former governor, who ..., said he would decide. “...,” he said`: a description
        # with `the` that opens a sentence, when no one is named or has spoken before (else
        # it is mostly an epithet of someone named: `the candidate`, `the former secretary`)
        definite = (
            self._last_outside_quotes(_DEFINITE_SUBJECT_RE, low, position, self._opens_with_person)
            if nobody_before
            else None
        )
        if definite is not None and (found is None or definite.start() > found.start()):
            found = definite
        if found is None:
            return None
        gender = gender_of("", found.group(0))
        if wanted is not None and gender == _other(wanted):
            return None
        return self._source_introduced_at(found, found.group(1))

    def _opens_with_person(self, match: re.Match[str]) -> bool:
        """`A mother held`, not `met a mother` (the object of a verb) nor `a few residents`."""
        head = match.group(1).lower()
        if head not in PERSON_NOUNS or head.endswith("s"):
            return False
        before = self.text[max(0, match.start() - 3) : match.start()].rstrip(" ")
        if before.endswith(",") and _describes_a_name(self.text, match):
            return False
        return not before or before[-1] in '.!?,;\n”"'


# A pronoun a few words after a name, in the same sentence and outside quote marks.
_PRONOUN_RE: Final = re.compile(r"\b(?:she|her|he|his|him)\b")
_SENTENCE_OR_QUOTE_END_RE: Final = re.compile(r"[.;!?“”\"\n]")
_PRONOUN_WINDOW: Final = 40


def _titled(text: str, name: str, honorifics: Iterable[str]) -> bool:
    """Whether the text writes one of the honorifics before the name, as whole words (`Ms. Voss`,
    not `Ms. Vossberg`)."""
    for honorific in honorifics:
        words = f"{honorific.title()}. {name}"
        at = text.find(words)
        while at >= 0:
            end = at + len(words)
            if end == len(text) or not text[end].isalnum():
                return True
            at = text.find(words, end)
    return False


def _pronouns_after(text: str, surname: str) -> list[str]:
    """The first pronoun after each whole-word use of the surname, within a few words of the
    same sentence."""
    found: list[str] = []
    at = text.find(surname)
    while at >= 0:
        end = at + len(surname)
        if (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            window = text[end : end + _PRONOUN_WINDOW + 3]  # a pronoun opens within the words
            stop = _SENTENCE_OR_QUOTE_END_RE.search(window)
            pronoun = _PRONOUN_RE.search(window, 0, stop.start() if stop else len(window))
            if pronoun is not None and pronoun.start() <= _PRONOUN_WINDOW:
                found.append(pronoun.group())
        at = text.find(surname, end)
    return found


_FEMALE_HONORIFICS: Final = HONORIFICS & FEMALE_WORDS
_MALE_HONORIFICS: Final = HONORIFICS & MALE_WORDS
# How many people named before a pronoun are read for one of its gender when the nearest fail.
_MAX_GENDER_SEARCH: Final = 40


def _describes_a_name(text: str, match: re.Match[str]) -> bool:
    """`said Tomas Okoye, a professor at the university`, `Lena Voss, 71, a retired nurse who
    ...`: a description set off after a name (and an age) says who that person is, unless a verb
    follows it (`In Millbrook, a mother held the form` opens a clause of its own)."""
    comma = text.rfind(",", 0, match.start())
    before = text[max(0, comma - 40) : comma].rsplit(None, 2)
    if before and before[-1].isdigit() and len(before) > 1:
        before = before[:-1]  # `Lena Voss, 71,`
    if not before or not before[-1].rstrip(",")[:1].isupper():
        return False
    after = text[match.end() : match.end() + 20].split(None, 1)
    if not after or not after[0][:1].isalpha() or not after[0][:1].islower():
        return True
    word = after[0].lower()
    return word in PREPOSITIONS or word in RELATIVE_PRONOUNS


# The article's letter comes first and its word start is checked by look-behind (`\b[Aa]n?...`
# as a pattern that opens with a character class, which the regex engine skips to).
_UNNAMED_SUBJECT_RE: Final = re.compile(
    r"[Aa](?<!\w[Aa])n?\s+(?:[a-z][\w\-’']*\s+){0,3}?([a-z]+)\b(?![’'])"
)
# `The former governor`: up to three words before a person's noun (not `The former` alone)
_DEFINITE_SUBJECT_RE: Final = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?:[a-z][\w\-’']*\s+){0,3}?("
    + "|".join(sorted((re.escape(noun) for noun in PERSON_NOUNS), key=len, reverse=True))
    + r")\b(?![’'])"
)
# A plural group opening a sentence: `The family members of the passengers had ...`.
_GROUP_SUBJECT_RE: Final = re.compile(
    r"(?:^|[.!?”\"]\s+)(?:[Tt]he\s+|[Mm]any\s+|[Ss]ome\s+)?((?:[A-Za-z][\w\-]*\s+){0,2}?([A-Za-z]+s))\b"
    r"(?![’'])"
)
# The same, a paragraph's opening included (searched from the paragraph's start).
_GROUP_OPENING_RE: Final = re.compile(
    r"(?:^|(?<=\n)|[.!?”\"]\s+)(?:[Tt]he\s+|[Mm]any\s+|[Ss]ome\s+)?"
    r"((?:[A-Za-z][\w\-]*\s+){0,2}([A-Za-z]+s))\b(?![’'])"
)
# A capitalised word after a lower-case word or a comma, or opening a paragraph, then a word that
# may be its verb in the past (`remarks Kang made`, `after Park said`), maybe past an aside set off
# by commas (`Voss, when asked about it, said`).
# (`([A-Z](?<=...)`, the capital first so that the regex engine skips to capitals.)
_SURNAME_SUBJECT_RE: Final = re.compile(
    r"([A-Z](?:(?<=[a-z,] [A-Z])|(?<=\n[A-Z]))[a-z]+(?:-[a-z]+)?)"
    r"(?:, [a-z][^,.;:“”\"\n]{0,60},)? ([a-z]+)\b"
)
# A gathering noun, `of`, up to two modifiers and a plural noun: `a meeting of harbor
# ministers`, `a group of the protesters`.
_GATHERED_GROUP_RE: Final = re.compile(
    r"\b(?:"
    + "|".join(sorted(GATHERING_NOUNS, key=len, reverse=True))
    + r") of (?:the )?((?:[a-z][\w\-]*\s+){0,2}([a-z]+s))\b(?![’'])"
)
_SENTENCE_END_RE: Final = re.compile(r"[.!?][”\"]?\s+")
# A determiner, up to three words, a document noun: `a letter`, `the internal email`.
_DOCUMENT_PHRASE_RE: Final = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Tt]his)\s+(?:(?!(?:an?|the|this)\b)[a-z][\w\-’']*\s+){0,3}?("
    + "|".join(sorted((w for w in DOCUMENT_NOUNS if " " not in w), key=len, reverse=True))
    + r")\b(?![’'])"
)
_POSSESSIVE_PRONOUN_SUBJECT: Final = {"his": "he", "her": "she", "its": "it", "their": "they"}
# The head noun in either case: `the harbor board`, `the Delmont Monitoring Group`.
_ORG_PHRASE_RE: Final = re.compile(
    r"\b[Tt]he\s+(?:[\w\-’']+\s+){0,4}?(?:"
    + "|".join(
        f"[{noun[0]}{noun[0].upper()}]{noun[1:]}"
        for noun in sorted(ORG_NOUNS - ORG_NOUNS_NOT_FOR_IT)
    )
    + r")\b(?![’'])"
)


# A company's name that ends in its suffix: `Hanbit Electronics Co.`, `Ardmore Holdings Inc.`
_COMPANY_NAME_RE: Final = re.compile(
    r"((?:[A-Z][\w&\-’']*[ \t\u00a0]+){1,5}(?i:"
    + "|".join(sorted(COMPANY_SUFFIXES))
    + r")\b\.?)(?![\w’'])"
)
_WORD_AFTER_RE: Final = re.compile(r"[ \t]+(\w+)")
_LOWER_WORD_AFTER_RE: Final = re.compile(r" ([a-z]+)\b")


# A capitalised word of a body's name after `of` (`Ministry of Oceans and Fisheries`), not a
# day or a month that follows the name (`the Ministry of Defense Thursday`)
_FIELD_WORD: Final = (
    r"(?!(?:"
    + "|".join(sorted(word.capitalize() for word in WEEKDAYS | MONTHS))
    + r")\b)[A-Z][\w\-’']*"
)


@lru_cache(maxsize=64)
def _named_body_re(head: str) -> re.Pattern[str]:
    """A body's name in capitals that ends in `head` (`Seoul High Court`) or goes on after it
    with `of` (`Public Policy Institute of California`, `Ministry of Oceans and Fisheries`),
    without a possessive."""
    field = r" of (?:the )?" + _FIELD_WORD + r"(?:(?: and| of| for)? " + _FIELD_WORD + r"){0,5}"
    # (a word that ends a sentence, `Thursday.`, is no part of it)
    return re.compile(
        r"((?:[A-Z](?![a-z]{2,}\.\s)[\w.\-’']*[ \t\u00a0]+){1,6}"
        + head
        + f"(?:{field})?|{head}{field}"
        + r")\b(?![’'])"
    )


def _people_noun(match: re.Match[str]) -> bool:
    """The phrase's head noun (the pattern's second group) names people: `officials`."""
    return match.group(2).lower() in PERSON_NOUNS


def _past_verb_follows(match: re.Match[str]) -> bool:
    """`remarks Kang made`, `after Park said`, not `the Kang government` (a modifier)."""
    verb = match.group(2)
    return verb.endswith("ed") or verb in IRREGULAR_PAST or verb in SPEECH_VERBS


def _holds_role(role: list[str], match: re.Match[str]) -> bool:
    """`a US defence official` holds the role `US official` (a role modifier such as `senior`
    may be missing)."""
    words = set(_WORD_RE.findall(match.group(0).lower()))
    return all(word in words or word in ROLE_MODIFIERS for word in role)


def _capitalised_head(match: re.Match[str]) -> bool:
    """The organisation's head noun is capitalised: part of a name (`the Harbor Board`)."""
    return match.group(0).rsplit(None, 1)[-1][0].isupper()


def _before_object_relative(text: str, position: int) -> int:
    """`Roe attacked Mark Voss, whom he called “Q”`: `he` in a relative clause that the
    relative pronoun opens as its object cannot be the person it stands for, so it is read as
    if it stood before that person's name."""
    if not text.endswith(("who ", "whom "), 0, position):
        return position  # the pattern ends so: spare the search of the window
    found = _OBJECT_RELATIVE_NAME_RE.search(text, max(0, position - 80), position)
    return found.start() if found is not None and found.end() == position else position


# A capitalised name, a comma or not, `who` or `whom`, up to the pronoun that follows.
_OBJECT_RELATIVE_NAME_RE: Final = re.compile(r"\b[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*)*,? who(?:m)? ")


def _one_person(speaker: Speaker) -> bool:
    """A named person, or one unnamed source (`a member of the office`), whom `he` can mean."""
    if speaker.kind == "person":
        return True
    head = appositive_head(speaker.name)
    return (
        speaker.kind == "anonymous"
        and head is not None
        and not head.endswith("s")
        # `the night duty`, `the sound system`: no one `he` can mean
        and (head in PERSON_NOUNS or head.endswith(_PERSON_ENDINGS))
    )


# Endings of nouns for people (`officer`, `activist`, `historian`, `participant`, `resident`).
_PERSON_ENDINGS: Final = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")


_ANTECEDENT_WINDOW: Final = 3000
_AGE_WORD_RE: Final = re.compile(r"\d{1,3}-year-old")
_GIVEN_AGE_RE: Final = re.compile(r"(?:, | \()(\d{1,3})[,)]")  # `Voss, 61,`, `Kim (45)`
_LATELY_CHARS: Final = 800  # how far back `the senator`'s person must still be named
# Words of a definite description that do not have to recur in what it points back to.


@lru_cache(maxsize=256)
def _indefinite_re(head: str) -> re.Pattern[str]:
    r"""`a senior US defence official` (not followed by `’s`), up to five words before the head.

    `\b(?:[Aa]n?|[Aa]nother) +(?:[\w\-.]+ +){0,5}?` within a line (spaces, tabs, no-break spaces),
    with the letter first and the word start checked by look-behind (the regex engine skips to
    the letter), and possessive words and spaces (a word given back is followed by a letter,
    never a space): the same matches in half the time."""
    return re.compile(
        rf"[Aa](?<!\w[Aa])(?:n|nother)?[ \t\u00a0]++(?:[\w\-.]++[ \t\u00a0]++){{0,5}}?"
        rf"{re.escape(head)}\b(?![’'])"
    )


@lru_cache(maxsize=256)
def _possessive_intro_re(head: str) -> re.Pattern[str]:
    """`Kim Do-hyun's lawyer`, `Hanbit's chief spokesman`: an owner in capitals (up to four
    words), its `'s`, up to three lower-case words and the head, on one line (a headline's
    words before a line break are no part of the owner)."""
    return re.compile(
        rf"(?<![\w’'])(?:[A-Z][\w\-.]*[ \t\u00a0]+){{0,3}}[A-Z][\w\-]*(?:’s|'s)[ \t\u00a0]+"
        rf"(?:[a-z][\w\-]*[ \t\u00a0]+){{0,3}}?{re.escape(head)}\b(?![’'])"
    )


@lru_cache(maxsize=256)
def _members_of_re(head: str, modifier: str) -> re.Pattern[str]:
    """`members of the Lindell Council` for `council members`: the head, `of the`, up to three
    capitalised words ending in the modifier."""
    return re.compile(
        rf"\b{re.escape(head)} of the ((?:[A-Z][\w\-]*\s+){{1,3}}(?i:{re.escape(modifier)}))\b"
    )


def _one_unnamed_person(speaker: Speaker) -> bool:
    """`the lawyer`, `a senior official`: one unnamed person, whom `they` does not mean (a
    singular role noun whose plural is a role noun too; `people`, `police` are groups)."""
    if speaker.kind != "anonymous":
        return False
    head = speaker.name.rsplit(" ", 1)[-1].lower()
    return head in GROUP_MEMBERS or (head in PERSON_NOUNS and f"{head}s" in PERSON_NOUNS)


def _organization(mention: str) -> Speaker:
    name = mention
    if name[:4].lower() == "the ":
        name = name[4:]
    words = name.split()
    if len(words) > 2 and words[0].islower():
        # `presidential office Cheong Wa Dae`, `state-run Harbor News Agency`: a description in
        # lower case before the body's name, which runs to the end, is no part of it
        named = next((i for i, word in enumerate(words) if word[:1].isupper()), len(words))
        if (
            0 < named < len(words)
            and (named < len(words) - 1 or _acronym(words[-1]))
            and not any(word in FUNCTION_WORDS for word in words[:named])
            and all(word[:1].isupper() or word in NAME_CONNECTORS for word in words[named:])
        ):
            name = " ".join(words[named:])
    return Speaker(name=name, kind="organization", key=speaker_key(name))
