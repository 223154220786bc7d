"""Read an article's title, outlet, authors and publication time from a raw page.

Pure Python: the database passes the outlet registry in, so staff can extend it in admin.

Decisions:
- Title: the first line of the cleaned body (``sources.cleaning``: mastheads, widgets and
  bylines are gone, a headline repeated in a row counts once), when it is headline-sized. A leading
  section tag (``[News analysis]``, Yonhap's ``(LEAD)``) and a trailing ``| Outlet`` site suffix
  are stripped from the title, so titles compare across outlets; the body keeps the headline as
  written.
- Outlet: a masthead or site name in the page header, a line that is just an outlet's name, a
  copyright footer, then the domain of a byline/footer e-mail address or of a URL on its own line.
  Subdomains match their parent domain.
- Published time: only from datelines (lines holding nothing but a date, labels and a time),
  never from dates mentioned in the story or a photo caption. "Published"/"Posted" beat an
  unlabelled date, which beats "Updated"/"Modified". An explicit zone wins; else the outlet's
  zone; else UTC. A page with no dateline has no date: nothing is ever invented, and impossible
  dates are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from sources.cleaning import (
    MONTHS,
    byline_parts,
    clean_text,
    emails,
    is_byline,
    is_caption,
    is_contact_line,
    is_dateline,
    is_masthead,
    is_story_like,
    masthead_keys,
    normalize_whitespace,
    split_paragraphs,
    split_pieces,
    strip_contacts,
)

__all__ = ["DEFAULT_OUTLETS", "ArticleMetadata", "OutletInfo", "read_metadata"]


@dataclass(frozen=True, slots=True)
class OutletInfo:
    """One entry of the outlet registry."""

    name: str  # "The Korea Herald"
    domains: tuple[str, ...]  # ("koreaherald.com", "heraldcorp.com")
    aliases: tuple[str, ...] = ()  # mastheads / site names as written: ("Korea Herald",)
    timezone: str = "UTC"  # IANA zone for a local time given with no zone ("Asia/Seoul")


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    title: str | None
    outlet: str | None  # the OutletInfo.name matched, or None
    authors: tuple[str, ...]
    published_at: datetime | None  # timezone-aware whenever it is set
    published_precision: str | None  # "minute" | "day" | None


DEFAULT_OUTLETS: tuple[OutletInfo, ...] = (
    OutletInfo(
        "The Korea Herald", ("koreaherald.com", "heraldcorp.com"), ("Korea Herald",), "Asia/Seoul"
    ),
    OutletInfo("The Korea Times", ("koreatimes.co.kr",), ("Korea Times",), "Asia/Seoul"),
    OutletInfo("The Hankyoreh", ("hani.co.kr",), ("Hankyoreh",), "Asia/Seoul"),
    OutletInfo(
        "Asharq Al-Awsat",
        ("aawsat.com", "english.aawsat.com"),
        ("Asharq Al-awsat",),
        "Europe/London",
    ),
    OutletInfo("Yonhap", ("yna.co.kr",), ("Yonhap News Agency",), "Asia/Seoul"),
    OutletInfo("Reuters", ("reuters.com",), ()),
    OutletInfo(
        "The Associated Press",
        ("apnews.com", "ap.org"),
        ("AP", "Associated Press"),
        "America/New_York",
    ),
    OutletInfo(
        "The New York Times", ("nytimes.com",), ("New York Times", "NYT"), "America/New_York"
    ),
    OutletInfo(
        "The Washington Post", ("washingtonpost.com",), ("Washington Post",), "America/New_York"
    ),
    OutletInfo(
        "The Wall Street Journal", ("wsj.com",), ("Wall Street Journal", "WSJ"), "America/New_York"
    ),
    OutletInfo("USA Today", ("usatoday.com",), (), "America/New_York"),
    OutletInfo("Politico", ("politico.com",), (), "America/New_York"),
    OutletInfo("CNN", ("cnn.com",), (), "America/New_York"),
    OutletInfo(
        "HuffPost", ("huffpost.com", "huffingtonpost.com"), ("Huffington Post",), "America/New_York"
    ),
    OutletInfo("Breitbart", ("breitbart.com",), ("Breitbart News",), "America/New_York"),
    OutletInfo(
        "The Guardian", ("theguardian.com", "guardian.co.uk"), ("Guardian",), "Europe/London"
    ),
    OutletInfo("BBC News", ("bbc.co.uk", "bbc.com"), ("BBC",), "Europe/London"),
    OutletInfo("Financial Times", ("ft.com",), ("FT",), "Europe/London"),
)


def read_metadata(
    raw: str, *, outlets: Sequence[OutletInfo], body: str | None = None
) -> ArticleMetadata:
    """Title, outlet, authors and publication time of a raw page; what is not there is None/().

    ``body`` is ``clean_text(raw, mastheads=<the outlets' names and aliases>)`` when the caller
    has it already (cleaning is the costly part, so it is done once).
    """
    lines = [
        line for paragraph in split_paragraphs(normalize_whitespace(raw)) for line in paragraph
    ]
    names = [name for outlet in outlets for name in (outlet.name, *outlet.aliases)]
    title_line = _title_line(clean_text(raw, mastheads=names) if body is None else body)
    outlet = find_outlet(lines, outlets=outlets, title_line=title_line)
    published_at, precision = find_published(lines, zone=_outlet_zone(outlet))
    return ArticleMetadata(
        title=_tidy_title(title_line, outlets=outlets) if title_line else None,
        outlet=outlet.name if outlet else None,
        authors=find_authors(lines, outlet_names=masthead_keys(names)),
        published_at=published_at,
        published_precision=precision,
    )


# --- title -------------------------------------------------------------------------------------

_SECTION_TAG = re.compile(
    r"^(?:\[[^\]]{1,40}\]|\((?:LEAD|URGENT|\d+(?:st|nd|rd|th) LD)[^)]{0,30}\))\s*"
)
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{2,60})$")


def _title_line(body: str) -> str | None:
    first = body.split("\n", 1)[0]
    # A first line longer than a headline is the story itself: the page had no headline.
    return first if first and len(first) <= 250 and len(first.split()) <= 30 else None


def _tidy_title(line: str, *, outlets: Sequence[OutletInfo]) -> str:
    title = _SECTION_TAG.sub("", line)
    suffix = _SITE_SUFFIX.search(title)
    known = masthead_keys([name for outlet in outlets for name in (outlet.name, *outlet.aliases)])
    if suffix and suffix.group("site").lower().removeprefix("the ") in known:
        title = title[: suffix.start()]
    return title or line


# --- outlet ------------------------------------------------------------------------------------


def find_outlet(
    lines: Sequence[str], *, outlets: Sequence[OutletInfo], title_line: str | None = None
) -> OutletInfo | None:
    """The outlet named by the page: masthead first, then footers, then e-mail and URL domains."""
    names = masthead_keys([name for outlet in outlets for name in (outlet.name, *outlet.aliases)])
    candidates = _masthead_candidates(lines, title_line=title_line, names=names)
    named = _outlet_by_name(candidates, outlets=outlets)
    return named or _outlet_by_domain(_domains(lines), outlets=outlets)


def _masthead_candidates(
    lines: Sequence[str], *, title_line: str | None, names: frozenset[str]
) -> Iterator[str]:
    story_start = next((i for i, line in enumerate(lines) if is_story_like(line)), len(lines))
    for index, line in enumerate(lines):
        alone = is_masthead(line, mastheads=names, in_header=False)
        footer = re.match(r"(?:©|ⓒ|\(c\)|copyright\b)", line, re.IGNORECASE)
        header = index < story_start and line != title_line and _could_be_masthead(line)
        if alone or footer or header:
            yield line


def _could_be_masthead(line: str) -> bool:
    # Captions and bylines name agencies and employers, not the page's own outlet.
    short = len(line.split()) <= 16 and not line.endswith((".", "!", "?"))
    return short and not is_caption(line) and not is_byline(line)


def _outlet_by_name(lines: Iterator[str], *, outlets: Sequence[OutletInfo]) -> OutletInfo | None:
    # Each outlet's keys once per page, not once per candidate line.
    keyed = [
        (key, outlet) for outlet in outlets for key in masthead_keys([outlet.name, *outlet.aliases])
    ]
    for line in lines:
        lowered = line.lower()
        matches = [
            (len(key), outlet)
            for key, outlet in keyed
            # The key within the line is what the pattern asks first (a cheap test).
            if key in lowered and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", lowered)
        ]
        if matches:
            # "The Korea Times" must not lose to a shorter alias that happens to fit inside it.
            return max(matches, key=lambda match: match[0])[1]
    return None


_URL_HOST = re.compile(r"\b(?:https?://|www\.)([\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)


def _domains(lines: Sequence[str]) -> Iterator[str]:
    for line in lines:
        if is_contact_line(line) or is_byline(line):
            yield from (address.rsplit("@", 1)[1] for address in emails(line))
    for line in lines:
        if len(line.split()) <= 3:
            yield from _URL_HOST.findall(line)


def _outlet_by_domain(hosts: Iterator[str], *, outlets: Sequence[OutletInfo]) -> OutletInfo | None:
    for host in hosts:
        host = host.lower().rstrip(".")
        for outlet in outlets:
            if any(host == domain or host.endswith("." + domain) for domain in outlet.domains):
                return outlet
    return None


def outlet_name_key(name: str) -> str:
    """A name as outlets are compared: case, accents, punctuation and a leading `the` ignored.

    `The Korea Herald`, `the korea herald`, `KOREA HERALD` and `Korea-Herald` share a key.
    """
    folded = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = re.findall(r"[^\W_]+", letters)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def match_outlet(
    *, name: str | None, url: str | None, outlets: Sequence[OutletInfo]
) -> OutletInfo | None:
    """The registered outlet a submitted name (or alias) or an article URL's domain points to."""
    if name:
        key = outlet_name_key(name)
        for outlet in outlets:
            if key and key in {outlet_name_key(n) for n in (outlet.name, *outlet.aliases)}:
                return outlet
        return None
    if url:
        host = _URL_HOST.search(url)
        return _outlet_by_domain(iter([host.group(1)]), outlets=outlets) if host else None
    return None


# --- authors -----------------------------------------------------------------------------------

_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
_NAME_PARTICLES = frozenset(
    {
        "de", "da", "di", "du", "del", "der", "den", "van", "von", "la", "le", "bin", "al",
        "ibn", "y",
    }
)  # fmt: skip
_NOT_NAME_WORDS = frozenset(
    {
        "the", "press", "news", "agency", "staff", "reporter", "reporters", "correspondent",
        "writer", "editor", "editors", "bureau", "desk", "service", "wire", "network",
        "online", "times", "herald", "post", "journal", "daily", "photo", "pool", "via", "by",
        "and",
    }
)  # fmt: skip


def find_authors(
    lines: Sequence[str], *, outlet_names: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Names from bylines and from "Name e-mail" footers, in order, each once."""
    found: dict[str, None] = {}
    for line in lines:
        for piece in split_pieces(line):
            for name in _byline_names(piece):
                if name.lower() not in outlet_names:
                    found.setdefault(name)
    return tuple(found)


def _byline_names(line: str) -> list[str]:
    parts = byline_parts(line)
    if parts is not None:
        return [part for part in parts if is_person_name(part)]
    if emails(line) and is_contact_line(line):
        # "Do Je-hae jhdo@koreatimes.co.kr": a footer that is a name and an address.
        rest = strip_contacts(line)
        return [rest] if is_person_name(rest) else []
    return []


def is_person_name(text: str) -> bool:
    """Two to five capitalised words (name particles allowed), none of them an organisation word."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not words[0][0].isupper():
        return False
    return all(
        word.lower() not in _NOT_NAME_WORDS
        and (word in _NAME_PARTICLES or (_NAME_TOKEN.fullmatch(word) and word[0].isupper()))
        for word in words
    )


# --- publication time --------------------------------------------------------------------------

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_FORMS = (
    # 2021-03-15, 2021.03.15, 2021/03/15, and ISO 8601 with its time: 2021-03-15T16:42:00+09:00
    re.compile(
        r"(?P<year>\d{4})[-./](?P<month>\d{1,2})[-./](?P<day>\d{1,2})"
        r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?)?"
    ),
    # March 11, 2021 / Mar. 11 2021
    re.compile(
        rf"\b(?P<month_name>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # 11 March 2021 / 10 May, 2021
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month_name>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
)
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<half>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_FIXED_ZONES: dict[str, float] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "MSK": 3, "GST": 4, "IST": 5.5, "HKT": 8, "SGT": 8, "PHT": 8, "AWST": 8, "KST": 9, "JST": 9,
    "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "AST": -4, "EDT": -4, "EST": -5, "CDT": -5,
    "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8, "AKST": -9, "HST": -10,
}  # fmt: skip
# Zones written without standard/daylight: the region's rules decide the offset.
_REGION_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
                 "PT": "America/Los_Angeles"}  # fmt: skip
_ZONE = re.compile(
    r"\s*\(?(?P<zone>(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z\b|[A-Z]{2,5}\b)"
)
_LABEL = re.compile(
    r"\b(?P<label>(?:first |last )?(?:published|posted|updated|modified|created|released))"
    r"(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)
_LABEL_RANK = {"published": 0, "posted": 0, "created": 0, "released": 0, "": 1}  # else 2: updates


@dataclass(frozen=True, slots=True)
class _Stamp:
    rank: int  # 0 published, 1 unlabelled, 2 updated
    moment: datetime
    precision: str


def find_published(
    lines: Sequence[str], *, zone: tzinfo = UTC
) -> tuple[datetime | None, str | None]:
    """The publication time from the page's datelines, in ``zone`` unless the page names one."""
    stamps = [
        stamp
        for line in lines
        for piece in split_pieces(line)
        if is_dateline(piece)
        for stamp in _stamps(piece, zone=zone)
    ]
    if not stamps:
        return None, None
    best = min(stamps, key=lambda stamp: stamp.rank)  # min() keeps the first of equal ranks
    return best.moment, best.precision


def _stamps(line: str, *, zone: tzinfo) -> Iterator[_Stamp]:
    """One stamp per labelled segment: "Posted on : A Modified on : B" gives A and B."""
    labels = list(_LABEL.finditer(line))
    bounds = [0, *(label.start() for label in labels), len(line)]
    names = ["", *(label.group("label").lower().split()[-1] for label in labels)]
    for name, start, end in zip(names, bounds, bounds[1:], strict=False):
        stamp = _parse_stamp(line[start:end], zone=zone)
        if stamp is not None:
            yield _Stamp(_LABEL_RANK.get(name, 2), *stamp)


def _parse_stamp(segment: str, *, zone: tzinfo) -> tuple[datetime, str] | None:
    for form in _DATE_FORMS:
        date = form.search(segment)
        if date is not None:
            return _build(segment, date, zone=zone)
    return None


def _build(segment: str, date: re.Match[str], *, zone: tzinfo) -> tuple[datetime, str] | None:
    fields = date.groupdict()
    month = int(fields["month"]) if fields.get("month") else MONTHS[fields["month_name"].lower()]
    try:
        clock = _clock(segment, date)
        day = datetime(int(fields["year"]), month, int(fields["day"]))
        if clock is None:
            return day.replace(tzinfo=zone), "day"
        hour, minute, zone_end = clock
        moment = day.replace(hour=hour, minute=minute)
    except ValueError:  # February 30, 25:00: a broken stamp is no stamp
        return None
    explicit = _explicit_zone(segment[zone_end:], moment=moment)
    return moment.replace(tzinfo=explicit or zone), "minute"


def _clock(segment: str, date: re.Match[str]) -> tuple[int, int, int] | None:
    """Hour, minute, and where a zone name may follow: ISO's own time, else a time near the date."""
    if date.groupdict().get("hour"):
        return int(date.group("hour")), int(date.group("minute")), date.end()
    rest = segment[: date.start()] + " " * (date.end() - date.start()) + segment[date.end() :]
    time = _TIME.search(rest)
    if time is None:
        return None
    hour, half = int(time.group("hour")), (time.group("half") or "").lower()
    if half and not 1 <= hour <= 12:
        raise ValueError(f"{hour} {half}m is not a time")  # the caller skips the stamp
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour, int(time.group("minute")), time.end()


def _explicit_zone(text: str, *, moment: datetime) -> tzinfo | None:
    match = _ZONE.match(text)
    if match is None:
        return None
    name = match.group("zone").replace(" ", "")
    if name in _REGION_ZONES:
        return _zone(_REGION_ZONES[name])
    if name in _FIXED_ZONES:
        return timezone(timedelta(hours=_FIXED_ZONES[name]), name)
    offset = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", name)
    if offset is None:
        return None
    sign = -1 if offset.group(1) == "-" else 1
    delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
    return timezone(sign * delta) if delta < timedelta(hours=24) else None


def _outlet_zone(outlet: OutletInfo | None) -> tzinfo:
    return _zone(outlet.timezone) if outlet else UTC


@lru_cache(maxsize=64)
def _zone(name: str) -> tzinfo:
    # A zone mistyped in admin must not break ingestion: fall back to UTC.
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        return UTC
