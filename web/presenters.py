"""What the pages show, computed from the models: citations, dates, highlighted text, charts.

Pure functions over model instances: no queries here (views fetch, templates render).
"""

import json
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from quotes.models import Quote, QuoteKind, QuoteStatus, Speaker
from quotes.selectors import MARK_START, MARK_STOP, YearCount
from sources.models import Article, DatePrecision, Outlet

# Speakers marked up by kind in JSON-LD; anonymous sources are people whose name is unknown.
_SCHEMA_TYPES = {"organization": "Organization"}
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
PARAGRAPH_LIMIT = 1500  # characters of context either side of a quote, at most


# --- Dates ------------------------------------------------------------------------------------


def outlet_zone(outlet: Outlet | None) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(outlet.timezone if outlet else "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def published_label(article: Article) -> str:
    """The publication date as the outlet printed it: its time zone, at its precision."""
    if article.published_at is None:
        return "undated"
    local = article.published_at.astimezone(outlet_zone(article.outlet))
    day = f"{local.day} {local:%B %Y}"
    if article.published_precision == DatePrecision.DAY:
        return day
    return f"{day}, {local:%H:%M} {local.tzname()}"


def published_day(article: Article) -> str:
    if article.published_at is None:
        return "undated"
    local = article.published_at.astimezone(outlet_zone(article.outlet))
    return f"{local.day} {local:%B %Y}"


def iso_published(article: Article) -> str | None:
    return article.published_at.isoformat() if article.published_at else None


# --- Highlighting -----------------------------------------------------------------------------


def highlighted(headline: str | None, fallback: str) -> SafeString:
    """ts_headline output, HTML-escaped, its matches in <mark>; the plain text without one."""
    if not headline:
        return escape(fallback)
    safe = str(escape(headline))
    if safe.count(MARK_START) != safe.count(MARK_STOP):  # a marker character in the text itself
        return mark_safe(safe.replace(MARK_START, "").replace(MARK_STOP, ""))
    return mark_safe(safe.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))


@dataclass(frozen=True)
class QuoteInContext:
    before: str
    statement: str
    after: str


def quote_in_context(quote: Quote) -> QuoteInContext:
    """The paragraph around a quote (bounded), cut into what comes before, it, and after."""
    body = quote.article.body
    start = max(body.rfind("\n", 0, quote.start) + 1, quote.start - PARAGRAPH_LIMIT)
    end = body.find("\n", quote.end)
    end = min(len(body) if end == -1 else end, quote.end + PARAGRAPH_LIMIT)
    return QuoteInContext(
        before=body[start : quote.start],
        statement=body[quote.start : quote.end],
        after=body[quote.end : end],
    )


@dataclass(frozen=True)
class Segment:
    text: str
    quote: Quote | None = None
    label: bool = False  # the last piece of a quote carries its speaker's label


def article_paragraphs(body: str, quotes: Iterable[Quote]) -> list[list[Segment]]:
    """The body as paragraphs of plain and quoted pieces (quotes in text order, no overlaps)."""
    paragraphs: list[list[Segment]] = []
    spans = _disjoint(quotes)
    offset = 0
    for line in body.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        if line.strip():
            paragraphs.append(_segments(body, line_start, line_end, spans))
    return paragraphs


def _disjoint(quotes: Iterable[Quote]) -> list[Quote]:
    """Direct quotes first, then the claims that overlap none of them, in text order: a claim
    that paraphrases around a quoted fragment shows the quote, which is the speaker's words."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.kind == QuoteKind.INDIRECT, q.start, q.end)):
        if all(quote.end <= other.start or other.end <= quote.start for other in kept):
            kept.append(quote)
    return sorted(kept, key=lambda q: q.start)


def _segments(body: str, start: int, end: int, quotes: Sequence[Quote]) -> list[Segment]:
    segments: list[Segment] = []
    position = start
    for quote in quotes:
        if quote.end <= start or quote.start >= end:
            continue
        piece_start, piece_end = max(quote.start, start), min(quote.end, end)
        if piece_start > position:
            segments.append(Segment(body[position:piece_start]))
        segments.append(Segment(body[piece_start:piece_end], quote, label=quote.end <= end))
        position = piece_end
    if position < end:
        segments.append(Segment(body[position:end]))
    return segments


# --- Citations and structured data --------------------------------------------------------------


def excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def speaker_label(speaker: Speaker | None) -> str:
    if speaker is None:
        return "an unattributed speaker"
    return speaker.name


def citation(quote: Quote, page_url: str) -> str:
    """“…,” said Speaker, Title, Outlet, 15 March 2021, URL (the original, else this page).
    A claim in reported speech is no one's exact words: `Speaker said that …, Title, ...`."""
    text = quote.text.strip()
    article = quote.article
    if quote.kind == QuoteKind.INDIRECT:
        statement = f"{speaker_label(quote.speaker)} said that {text.rstrip('.,;:')}"
    else:
        if text.endswith("."):
            text = text[:-1] + ","
        elif not text.endswith((",", "?", "!", "…")):
            text += ","
        statement = f"“{text}” said {speaker_label(quote.speaker)}"
    parts = [
        statement,
        quote.speaker.description if quote.speaker else "",
        article.outlet.name if article.outlet else "",
        published_day(article) if article.published_at else "",
        article.url or page_url,
    ]
    return ", ".join(part for part in parts if part)


_STATUS_LABELS: dict[str, str] = {
    QuoteStatus.VERIFIED: "Verified by staff",
    QuoteStatus.CORRECTED: "Corrected and verified by staff",
    QuoteStatus.REJECTED: "Rejected by staff",
}


def status_label(status: str) -> str:
    return _STATUS_LABELS.get(status, "Found by the extractor, not yet checked by staff")


def quote_title(quote: Quote) -> str:
    if quote.kind == QuoteKind.INDIRECT:
        return f"{speaker_label(quote.speaker)}: {excerpt(quote.text)} (reported speech)"
    return f"“{excerpt(quote.text)}” – {speaker_label(quote.speaker)}"


def quotation_json_ld(quote: Quote, page_url: str) -> SafeString:
    """schema.org Quotation, safe inside <script type="application/ld+json">."""
    article = quote.article
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        # A claim in reported speech paraphrases: schema.org's Claim, not a Quotation.
        "@type": "Claim" if quote.kind == QuoteKind.INDIRECT else "Quotation",
        "text": quote.text,
        "url": page_url,
        "isPartOf": {
            "@type": "NewsArticle",
            "headline": article.title,
            "url": article.url,
            "datePublished": iso_published(article),
            "publisher": {"@type": "Organization", "name": article.outlet.name}
            if article.outlet
            else None,
        },
    }
    if quote.speaker is not None:
        data["author" if quote.kind == QuoteKind.INDIRECT else "spokenByCharacter"] = {
            "@type": _SCHEMA_TYPES.get(quote.speaker.kind, "Person"),
            "name": quote.speaker.name,
            "description": quote.speaker.description or None,
        }
    encoded = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(encoded)  # <, > and & are escaped above


# --- The speaker's timeline, drawn as SVG -------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    year: int
    quote_count: int
    x: float
    y: float
    height: float


@dataclass(frozen=True)
class Timeline:
    bars: list[Bar]
    width: float
    height: float
    bar_width: float
    label: str


def timeline(years: list[YearCount], *, height: float = 120.0, bar_width: float = 28.0) -> Timeline:
    """Bars of quotes per year; the label reads the same figures to screen readers."""
    peak = max((y.quote_count for y in years), default=0) or 1
    plot = height - 24  # room for the year labels below the bars
    bars = []
    for index, year in enumerate(years):
        bar_height = plot * year.quote_count / peak
        x = index * (bar_width + 6)
        bars.append(Bar(year.year, year.quote_count, x, plot - bar_height, bar_height))
    width = max(len(years) * (bar_width + 6), bar_width)
    figures = ", ".join(f"{y.year}: {y.quote_count}" for y in years)
    return Timeline(bars, width, height, bar_width, f"Quotes per year: {figures}")
