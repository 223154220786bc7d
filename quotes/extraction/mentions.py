"""Names, aliases and coreference within one article, and the cross-article speaker key."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice

from quotes.extraction.lexicon import (
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    KOREAN_FAMILY_NAMES,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    NAME_STOPWORDS,
    ORG_WORDS,
    PLACE_WORDS,
    TITLE_WORDS,
)
from quotes.extraction.lexicon import GROUP_PRONOUNS as _GROUP_PRONOUNS
from quotes.extraction.lexicon import HONORIFICS as _HONORIFICS
from quotes.extraction.lexicon import INDEFINITE as _INDEFINITE
from quotes.extraction.lexicon import ORG_MODIFIERS as _ORG_MODIFIERS
from quotes.extraction.lexicon import ORG_NOUNS as _ORG_HEADS
from quotes.extraction.types import Speaker

_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
# A capitalised run: `Harry J. Kazianis`, `Wi Seong-rak`, `Moon Jae-in`. Possessives end a run.
# Possessive quantifiers: a word is matched once, never re-split by backtracking (the same runs
# as `[A-Z][a-zà-ÿ]*[’']?[A-Za-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)*`, in half the time).
_NAME_WORD = r"(?:[A-Z](?:[a-zà-ÿ]*+[’'])?[A-Za-zà-ÿ]++(?:-[A-Za-zà-ÿ]+)*+|[A-Z]\.)"
_NAME_RUN_RE = re.compile(rf"{_NAME_WORD}(?:[ ]{_NAME_WORD})+")
_KOREAN_GIVEN_RE = re.compile(r"^[A-Z][a-z]+-[A-Za-z][a-z]+$")


def fold(text: str) -> str:
    """Lower case without accents: `Søren` and `soren` compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


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
        middle = [w for w in words[1:-1] if len(w) > 1 and w not in _HONORIFICS]
        words = [words[0], *middle, words[-1]]
    if len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return "-".join(words)


def is_korean_name(words: list[str]) -> bool:
    """Family name first: `Wi Seong-rak`, `Suh Hoon`, but not `Sung Kim` (Kim is the family)."""
    if len(words) < 2 or words[0].lower() not in KOREAN_FAMILY_NAMES:
        return False
    if len(words) == 2 and _KOREAN_GIVEN_RE.match(words[1]):
        return True
    return len(words) == 2 and words[1].lower() not in KOREAN_FAMILY_NAMES


def surname_of(words: list[str]) -> str:
    return words[0] if is_korean_name(words) else words[-1]


def _clean_run(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading title and stop words from a capitalised run: (title words, name words)."""
    title: list[str] = []
    index = 0
    while index < len(words) and (
        words[index].lower().rstrip(".") in TITLE_WORDS or words[index].lower() in NAME_STOPWORDS
    ):
        if words[index].lower() not in NAME_STOPWORDS:
            title.append(words[index])
        index += 1
    return title, words[index:]


def looks_like_org(words: list[str]) -> bool:
    return any(word.lower().rstrip(".") in ORG_WORDS for word in words)


def looks_like_place(words: list[str]) -> bool:
    return any(word.lower() in PLACE_WORDS for word in words)


@dataclass(frozen=True, slots=True)
class PersonName:
    name: str
    surname: str
    start: int
    end: int
    title: str | None


class NameIndex:
    """The capitalised runs of an article, read as people's full names only when a short mention
    (`Wi`, `he`) needs them: most runs are never looked at twice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._scanned_to = 0  # the runs that start before this offset are known
        self._runs: list[tuple[int, str]] = []
        self._starts: list[int] = []
        self._people: dict[int, PersonName | None] = {}

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
        for match in _NAME_RUN_RE.finditer(text, self._scanned_to, end):
            start = match.start()
            self._runs.append((start, match.group()))
            self._starts.append(start)
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
        # `the Center for Strategic and International Studies` is not a person.
        if edge_ok and not text[max(0, start - 4) : start].lower().endswith(_ORG_CONTEXT):
            return _person_from_run(run, start)
        return None

    def resolve_surname(self, word: str, position: int) -> PersonName | None:
        """The person most recently named in full whose surname (or family name) is `word`."""
        self._scan_to(position)
        upto = bisect_left(self._starts, position)
        runs = self._runs
        # Nearest first backwards, then forwards (scanning further only when it gets there),
        # _MAX_SURNAME_SCAN runs in all.
        for index in range(upto - 1, max(upto - _MAX_SURNAME_SCAN, 0) - 1, -1):
            if word in runs[index][1]:
                person = self._person(index)
                if person is not None and person.surname == word:
                    return person
        index = upto
        last = upto - 1 + _MAX_SURNAME_SCAN - min(upto, _MAX_SURNAME_SCAN)
        while index <= last:
            if index == len(runs):
                if self._scanned_to >= len(self.text):
                    break
                self._scan_to(self._scanned_to + _SCAN_CHUNK)
                continue
            if word in runs[index][1]:
                person = self._person(index)
                if person is not None and person.surname == word:
                    return person
            index += 1
        return None

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

    def people_backward(self, position: int) -> Iterator[PersonName]:
        """People named before `position`, nearest first, looking back a bounded number of runs."""
        self._scan_to(position)
        upto = bisect_left(self._starts, position)
        for index in range(upto - 1, max(upto - _LOOKBACK_RUNS, 0) - 1, -1):
            person = self._person(index)
            if person is not None:
                yield person


_NICKNAME_RE = re.compile(r"\s[\"“][^\"“”\s]+[\"”](?=\s)")
_MOJIBAKE_MARKS = ("Ã", "Â", "A\u0302", "A\u0303")


def clean_name(name: str) -> str:
    """`Marcia "Cia" Price` -> `Marcia Price`; `FranÃ§ois` (UTF-8 read as Latin-1, maybe twice)
    -> `François`."""
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


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


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


_LOOKBACK_RUNS = 40
_MAX_SURNAME_SCAN = 400
_SCAN_CHUNK = 2000  # characters scanned at a time when a surname search runs ahead
_HISTORY = 40
_ORG_CONTEXT = ("the ", "of ", "for ")


def _person_from_run(run: str, start: int) -> PersonName | None:
    words = run.split(" ")
    title, name = _clean_run(words)
    if len(name) < 2 or len(name) > 4:
        return None
    if looks_like_org(name) or looks_like_place(name):
        return None
    if any(word.lower() in NAME_STOPWORDS for word in name[1:]) or name[-1].endswith("."):
        return None
    full = " ".join(name)
    offset = start + len(run) - len(full)
    return PersonName(full, surname_of(name), offset, offset + len(full), " ".join(title) or None)


_AFFILIATION_RE = re.compile(r"\b(?:at|for|of|with|from)\s+(?:the\s+)?([A-Z][^,;]*)$")


def affiliation_from_title(title: str | None) -> str | None:
    """`director of ... at the Korea Research Institute for National Strategy` -> the institute."""
    if not title:
        return None
    at = title.rfind(" at ")
    candidate = title[at + 4 :] if at >= 0 else None
    if candidate is None:
        match = _AFFILIATION_RE.search(title)
        candidate = match.group(1) if match else None
    if candidate is None:
        return None
    candidate = candidate.strip().removeprefix("the ").strip()
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
    if first.lower() in _INDEFINITE or first.lower() in {"the", "this", "that"}:
        return rest
    return text


def _anonymous_parts(text: str, head: str | None) -> tuple[str | None, str | None]:
    """(title, affiliation) of `a senior White House official` -> (senior official, White House)."""
    body = _strip_determiner(text)
    for preposition in (" at ", " for ", " from ", " with ", " of "):
        if preposition in body:
            left, _, right = body.partition(preposition)
            return left, right.removeprefix("the ").strip() or None
    words = body.split()
    capitalised = [w for w in words if w[:1].isupper()]
    lowered = [w for w in words if not w[:1].isupper()]
    affiliation = " ".join(capitalised) or None
    if affiliation is None:
        org_like = [w for w in lowered[:-1] if w.lower() in _ORG_MODIFIERS]
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
        elif kind == "org":
            speaker = _organization(mention)
        else:
            speaker = self._name(mention, start, title=title)
        self._cache[cached_key] = speaker
        if speaker is not None:
            self.history.append((start, speaker))
        return speaker

    def _name(self, mention: str, position: int, *, title: str | None) -> Speaker:
        mention = clean_name(mention)
        words = mention.split()
        full = mention
        known_title = None
        if len(words) == 1:
            person = self.names.resolve_surname(mention, position)
            if person is None:
                if looks_like_org(words) or looks_like_place(words):
                    return _organization(mention)
                recent = self._recent_speaker_named(mention)
                if recent is not None:
                    return recent
            else:
                full, known_title = person.name, person.title
        else:
            if looks_like_place(words) or looks_like_org(words):
                return _organization(mention)
            person = self.names.full_name_at(position, position + len(mention))
            known_title = person.title if person else None
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

    def _pronoun(self, mention: str, position: int) -> Speaker | None:
        lower = mention.lower()
        if lower in _GROUP_PRONOUNS:
            for _, speaker in self.recent():
                if speaker.kind != "person":
                    return speaker
            return None
        last_spoken = next(((pos, sp) for pos, sp in self.recent() if sp.kind == "person"), None)
        named = (p for p in self.names.people_backward(position) if not self._inside_quote(p.start))
        last_named = next(named, None)
        named_later = last_spoken is None or (
            last_named is not None and last_named.start > last_spoken[0]
        )
        wanted = _PRONOUN_GENDER.get(lower)
        if last_named is not None and named_later and position - last_named.start < 2500:
            if wanted is None or self._person_gender(last_named) != _other(wanted):
                return self._name(last_named.name, last_named.start, title=None)
        elif last_spoken is not None:
            speaker = last_spoken[1]
            if wanted is None or gender_of(speaker.name, speaker.title) != _other(wanted):
                return speaker
        else:
            return None
        # `Mrs. Lee met Mr. Park ... she said`: the nearest person of the pronoun's gender.
        found = self._gendered(wanted, position, last_named, named)
        if found is not None:
            return found
        if last_named is not None and named_later and position - last_named.start < 2500:
            return self._name(last_named.name, last_named.start, title=None)
        return last_spoken[1] if last_spoken is not None else None

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

    def _person_gender(self, person: PersonName) -> str | None:
        """The gender of a named person, an honorific just before the name included."""
        before = self.text[max(0, person.start - 5) : person.start]
        return gender_of(person.name, " ".join(filter(None, (person.title, before))))

    def _description(
        self,
        mention: str,
        position: int,
        *,
        determiner: str | None,
        head: str | None,
        title: str | None,
    ) -> Speaker:
        lowered = mention.lower()
        if determiner in {"the", "this", "that"} and head is not None:
            antecedent = self._antecedent(head, lowered)
            if antecedent is not None:
                return antecedent
        if head is not None and head in _ORG_HEADS:
            return _organization(mention)
        self._anonymous += 1
        anonymous_title, affiliation = _anonymous_parts(mention, head)
        slug = speaker_key(affiliation or "") or "source"
        return Speaker(
            name=_strip_determiner(mention),
            kind="anonymous",
            key=f"anonymous:{slug}:{self._anonymous}",
            title=title or anonymous_title,
            affiliation=affiliation,
        )

    def _antecedent(self, head: str, mention: str) -> Speaker | None:
        """`the official`, `the same official`, `the analyst`: the latest speaker it describes."""
        stem = head.rstrip("s")
        for _, speaker in self.recent():
            described = " ".join(filter(None, (speaker.name, speaker.title))).lower()
            if stem in described:
                return speaker
        return None


def _organization(mention: str) -> Speaker:
    name = mention
    if name[:4].lower() == "the ":
        name = name[4:]
    return Speaker(name=name, kind="organization", key=speaker_key(name))
