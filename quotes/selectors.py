"""Reads of quotes, claims and speakers: search, filters, detail pages and exports.

Quotes and claims are rows of one model told apart by `kind`; every read takes the kinds it
serves (`QuoteFilters.kinds`, default the direct quotes: what `/api/quotes/` has always
returned), so claims are served by the same code. `claim_newest_idx`, a partial index,
serves the claims list by date while claims are a small share of the table.

Every list is served by an index (benchmarks/api.py checks with EXPLAIN):
- no filter: `quote_newest_idx` (published_at DESC NULLS LAST, id DESC), keyset-paged, undated
  quotes last; oldest first, undated last too: the dated rows by a backward scan of the same
  indexes, then the undated block (config/keyset.py);
- speaker / speaker_name / outlet / status: the (column, published_at DESC NULLS LAST) indexes,
  in either direction;
- q: the GIN index on `search_vector`.

Relevance ranking is the costly part of search: `ts_rank` must read every row it ranks, and
a common word matches a large share of a million quotes. So relevance orders a bounded
window, the RANK_WINDOW most recent matches, not every match. The trade-off: an older quote
that would rank higher falls outside the window once a word has more than RANK_WINDOW
matches (narrow with filters, or use `ordering=-published_at`, which pages through every
match by keyset). Finding the window costs at most ~RANK_WINDOW / (share of rows matching)
date-index steps or ~(number of matches) GIN fetches, whichever `_bitmap_is_cheaper` picks.
"""

import datetime
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
)
from django.db.models import (
    BooleanField,
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    Max,
    Min,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from config.keyset import keyset_rows, ordering_names
from lexicon import ABBREVIATED_TITLES, HONORIFICS, TITLE_WORDS
from quotes.extraction import speaker_key
from quotes.models import CLAIM_KINDS, DIRECT_KINDS, Quote, QuoteKind, Speaker
from sources.models import Article, Outlet
from sources.selectors import (
    ARTICLE_SUMMARY_FIELDS,
    newest_first,
    oldest_first,
    published_range_filter,
)

SEARCH_CONFIG = "english"
RANK_WINDOW = 100  # 5 pages of 20; 200 costs ~20 ms more for words in ~1% of quotes
RELEVANCE = "relevance"
NEWEST_FIRST = "-published_at"
OLDEST_FIRST = "published_at"
# Undated quotes last either way (sources.selectors.newest_first).
ORDERINGS = {NEWEST_FIRST: newest_first, OLDEST_FIRST: oldest_first}
# ts_headline marks matches with these; the snippet is HTML-escaped, then they become <mark>.
MARK_START, MARK_STOP = "\ue000", "\ue001"
CONTEXT_SENTENCES = 2

_QUOTE_OWN_FIELDS = (
    "id",
    "text",
    "start",
    "end",
    "kind",
    "status",
    "confidence",
    "mention",
    "cue",
    "published_at",
    "speaker",
    "article",
)
_SPEAKER_FIELDS = ("id", "name", "kind", "description", "affiliation")
_QUOTE_FIELDS = (
    *_QUOTE_OWN_FIELDS,
    *(f"speaker__{name}" for name in _SPEAKER_FIELDS),
    *(f"article__{name}" for name in ARTICLE_SUMMARY_FIELDS),
)
_NON_ALNUM_RE = re.compile(r"[\W_]+")  # SQL: [^[:alnum:]]+
# Searched with a name, these are words about the person, not of the name: `President Moon`.
_NOT_NAME_WORDS = frozenset(
    word.lower().rstrip(".")
    for entry in TITLE_WORDS | ABBREVIATED_TITLES | HONORIFICS
    for word in entry.split()
)


ALL_KINDS: tuple[str, ...] = tuple(QuoteKind.values)
# The `kind` values a list of all statements accepts: a family, or one exact kind.
STATEMENT_KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "quote": DIRECT_KINDS,
    "claim": CLAIM_KINDS,
    **{kind: (kind,) for kind in ALL_KINDS},
}


@dataclass(frozen=True)
class QuoteFilters:
    q: str | None = None
    speaker: Speaker | None = None
    speaker_name: str | None = None
    speaker_kind: str | None = None
    outlet: Outlet | None = None
    article: Article | None = None
    status: str | None = None
    published_after: datetime.date | None = None
    published_before: datetime.date | None = None
    # Direct quotes unless asked: claims (CLAIM_KINDS) or every kind (ALL_KINDS).
    kinds: tuple[str, ...] = DIRECT_KINDS


# Name normalisation has one definition, the engine's speaker_key (`Wi Seong-rak` ->
# `wi-seong-rak`), which every stored key comes from. Searches compare keys in two derived
# forms that PostgreSQL indexes with SQL functions; key_compact and key_words are their Python
# twins, same regex, applied to the same keys (tests/quotes/test_name_keys.py checks them).


def key_compact(key: str) -> str:
    """A key without separators: SQL `whosaid_compact_keys` (migration 0003), one key."""
    return _NON_ALNUM_RE.sub("", key.lower())


def key_words(key: str) -> list[str]:
    """A key's words: SQL `whosaid_key_words` (migration 0007), one key, in order."""
    return [word for word in _NON_ALNUM_RE.split(key.lower()) if word]


def compact_speaker_key(name: str) -> str:
    """The compact key of a typed name: `Wi Seong-rak`, `wi seong rak`, `WI SEONGRAK` and
    `Wí Seong-Rak` all give `wiseongrak`; middle initials and honorifics go as in the engine
    (`Harry J. Kazianis` = `Harry Kazianis`)."""
    return key_compact(speaker_key(name))


def speaker_name_words(name: str) -> list[str]:
    """The words of a searched name as stored keys hold them, less titles and honorifics:
    `President Moon` gives ["moon"], `Seong-rak Wi` gives ["seong", "rak", "wi"]."""
    words = key_words(speaker_key(name))
    named = [word for word in words if word not in _NOT_NAME_WORDS]
    return named or words


def speakers_named(name: str) -> QuerySet[Speaker]:
    """Speakers whose name or an alias normalises like `name`, or holds every word of it in
    any order (GIN indexes speaker_compact_keys_gin and speaker_key_words_gin)."""
    key = compact_speaker_key(name)
    if not key:
        return Speaker.objects.none()
    named = Speaker.objects.alias(
        compact_keys=Func(
            F("search_keys"), function="whosaid_compact_keys", output_field=ArrayField(TextField())
        ),
        key_words=Func(
            F("search_keys"), function="whosaid_key_words", output_field=ArrayField(TextField())
        ),
    )
    match = Q(compact_keys__contains=[key]) | Q(key_words__contains=speaker_name_words(name))
    return named.filter(match)


def speakers_matching(term: str) -> QuerySet[Speaker]:
    """Speakers by part of their name, or by any name or alias typed loosely (admin's search)."""
    key = speaker_key(term)
    by_key = Q(search_keys__contains=[key]) if key else Q(pk__in=[])
    return Speaker.objects.filter(Q(name__icontains=term) | by_key)


def search_query(text: str) -> SearchQuery:
    # websearch syntax never fails to parse: "exact phrase", OR, -word; raw tsquery syntax
    # would fail on plain input such as `van der graaf`.
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def of_kinds(quotes: QuerySet[Quote], kinds: tuple[str, ...]) -> QuerySet[Quote]:
    """Statements of these kinds (`kind = ...` for one, so partial indexes on it apply)."""
    if set(kinds) >= set(ALL_KINDS):
        return quotes
    if len(kinds) == 1:
        return quotes.filter(kind=kinds[0])
    return quotes.filter(kind__in=kinds)


def _filtered_quotes(filters: QuoteFilters) -> QuerySet[Quote]:
    quotes = of_kinds(Quote.objects.all(), filters.kinds)
    if filters.speaker is not None:
        quotes = quotes.filter(speaker=filters.speaker)
    if filters.speaker_name:
        # Resolved first (one small query) so that the planner sees plain ids and uses
        # quote_speaker_newest_idx instead of scanning quotes for a semi-join.
        speaker_ids = list(speakers_named(filters.speaker_name).values_list("id", flat=True))
        if not speaker_ids:  # `IN ()` would make every subquery of the search SQL NULL
            return quotes.none()
        quotes = quotes.filter(speaker_id__in=speaker_ids)
    if filters.speaker_kind:
        quotes = quotes.filter(speaker__kind=filters.speaker_kind)
    if filters.outlet is not None:
        quotes = quotes.filter(outlet=filters.outlet)
    if filters.article is not None:
        quotes = quotes.filter(article=filters.article)
    if filters.status:
        quotes = quotes.filter(status=filters.status)
    if filters.kinds:
        quotes = quotes.filter(kind__in=filters.kinds)
    range_lookups = published_range_filter(
        published_after=filters.published_after, published_before=filters.published_before
    )
    quotes = quotes.filter(**range_lookups)
    return quotes


def _searched(quotes: QuerySet[Quote], q: str | None) -> QuerySet[Quote]:
    return quotes.filter(search_vector=search_query(q)) if q else quotes


def quote_list(*, filters: QuoteFilters, ordering: str | None = None) -> QuerySet[Quote]:
    """Quotes matching `filters`, for a page: newest first, or by relevance when searching."""
    unsearched = _filtered_quotes(filters)
    if unsearched.query.is_empty():
        return unsearched
    quotes = _searched(unsearched, filters.q)
    if filters.q and ordering in (None, RELEVANCE):
        quotes = _ranked(unsearched, search_query(filters.q))
    else:
        order = ORDERINGS.get(ordering or NEWEST_FIRST, newest_first)
        quotes = quotes.order_by(*order()).select_related("speaker", "article__outlet")
        quotes = quotes.only(*_QUOTE_FIELDS)
    if filters.q:
        quotes = quotes.annotate(
            headline=SearchHeadline(
                "text",
                search_query(filters.q),
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
            )
        )
    return quotes


class EqualsAnyOf(Func):
    """`expression = ANY(ARRAY(subquery))`: the subquery runs once, as an init plan."""

    arg_joiner = " = ANY(ARRAY"
    template = "%(expressions)s)"
    output_field = BooleanField()


def _ranked(unsearched: QuerySet[Quote], query: SearchQuery) -> QuerySet[Quote]:
    """The RANK_WINDOW most recent matches, ordered by ts_rank.

    Ranking sorts at most RANK_WINDOW rows. Finding the window is the costly part: walk the
    date index backwards testing each row (cost ~ RANK_WINDOW / share of rows matching: best
    for common words), or fetch every match the GIN index finds and sort them by date (cost
    ~ matches: best for rarer words). The planner prices testing a row's search_vector at
    almost nothing, so it walks the date index for words far too rare for it (200 ms at a
    million quotes for a 1% word); when the row estimates say the GIN plan is cheaper, an
    ORDER BY the date index cannot serve forces it. Worst case: words matching ~1% of the
    quotes, ~12 ms of SQL at a million quotes (either plan visits ~6,000-12,000 rows).
    Speakers and articles are fetched for the page alone (prefetch: two small queries), not
    joined to every row of the window.
    """
    matches = unsearched.filter(search_vector=query)
    if _bitmap_is_cheaper(matches, unsearched):
        # An ORDER BY the date index cannot serve: the planner must collect the GIN matches.
        shifted = ExpressionWrapper(
            F("published_at") + Value(datetime.timedelta(0)), output_field=DateTimeField()
        )
        window = matches.order_by(shifted.desc(nulls_last=True), F("id").desc())
    else:  # the planner walks the date index (or intersects bitmaps with a date range)
        window = matches.order_by(*newest_first())
    window_ids = window.values("id")[:RANK_WINDOW]
    # `id = ANY(ARRAY(window))`, not `id IN (window)`: the window becomes an array once, then
    # primary-key lookups; IN lets the planner hash-join it against a scan of the table.
    # The window holds only rows of the wanted kinds already.
    return (
        Quote.objects.filter(EqualsAnyOf(F("id"), Subquery(window_ids)))
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", *newest_first())
        .only(*_QUOTE_OWN_FIELDS)
        .prefetch_related(
            Prefetch("speaker", queryset=Speaker.objects.only(*_SPEAKER_FIELDS)),
            Prefetch(
                "article",
                queryset=Article.objects.select_related("outlet").only(*ARTICLE_SUMMARY_FIELDS),
            ),
        )
    )


# Microseconds a row at 1,000,000 quotes (benchmarks/api.py): a row reached by walking the date
# index and tested against the query, and a row fetched from a GIN bitmap and rechecked.
DATE_WALK_ROW_COST = 1.0
BITMAP_ROW_COST = 2.0


def _bitmap_is_cheaper(matches: QuerySet[Quote], unsearched: QuerySet[Quote]) -> bool:
    match_rows = max(_estimated_rows(matches), 1.0)
    candidate_rows = max(_estimated_rows(unsearched), match_rows)
    date_walk = RANK_WINDOW * candidate_rows / match_rows * DATE_WALK_ROW_COST
    return match_rows * BITMAP_ROW_COST < date_walk


def _estimated_rows(queryset: QuerySet[Quote]) -> float:
    """The planner's estimate of how many rows `queryset` returns (one EXPLAIN, no execution).

    A queryset Django knows to be empty (`speaker_id IN ()` for a name that matches nobody)
    is never sent to PostgreSQL, so its EXPLAIN is an empty string: none, not a parse error.
    """
    plan = queryset.order_by().explain(format="json")
    if not plan:
        return 0.0
    return float(json.loads(plan)[0]["Plan"]["Plan Rows"])


def quotes_in_order(*, ids: list[int], q: str | None) -> list[Quote]:
    """The quotes of `ids`, in that order, like quote_list's rows (with `headline` for `q`).

    For a page of a relevance window read as ids first (no ts_headline computed for rows
    that are not shown).
    """
    quotes = (
        Quote.objects.filter(id__in=ids)
        .select_related("speaker", "article__outlet")
        .only(*_QUOTE_FIELDS)
        .order_by()
    )
    if q:
        quotes = quotes.annotate(
            headline=SearchHeadline(
                "text",
                search_query(q),
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
            )
        )
    found = {quote.pk: quote for quote in quotes}
    return [found[i] for i in ids if i in found]


def quote_match_estimate(*, filters: QuoteFilters) -> int:
    """The planner's estimate of the matches (one EXPLAIN, nothing counted)."""
    return round(_estimated_rows(_searched(_filtered_quotes(filters), filters.q).order_by()))


def quote_get(*, quote_id: int, kinds: tuple[str, ...] = DIRECT_KINDS) -> Quote:
    """One statement of these kinds (a claim is not found among quotes, and the reverse)."""
    quotes = Quote.objects.select_related("speaker", "article__outlet").defer(
        "search_vector", "article__raw_text"
    )
    return get_object_or_404(of_kinds(quotes, kinds), pk=quote_id)


def quote_context_range(quote: Quote) -> tuple[int, int]:
    """The sentences a quote spans, with CONTEXT_SENTENCES either side."""
    return max(quote.first_sentence - CONTEXT_SENTENCES, 0), quote.last_sentence + (
        CONTEXT_SENTENCES
    )


def article_quotes(*, article: Article, kinds: tuple[str, ...] = DIRECT_KINDS) -> QuerySet[Quote]:
    """An article's quotes (or statements of other kinds) in text order."""
    return (
        of_kinds(Quote.objects.filter(article=article), kinds)
        .select_related("speaker")
        .defer("search_vector")
        .order_by("start", "id")
    )


# --- Export ---------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "id",
    "text",
    "speaker_id",
    "speaker__name",
    "speaker__kind",
    "speaker__description",
    "mention",
    "cue",
    "confidence",
    "status",
    "article_id",
    "article__title",
    "article__url",
    "published_at",
    "outlet_id",
    "article__outlet__name",
    "start",
    "end",
)
EXPORT_BATCH = 2000


# Exports of claims and of all statements say which kind each row is.
STATEMENT_EXPORT_COLUMNS = (*EXPORT_COLUMNS, "kind")


def quote_export_rows(
    *, filters: QuoteFilters, columns: tuple[str, ...] = EXPORT_COLUMNS
) -> Iterator[dict[str, Any]]:
    """Every quote matching `filters`, newest first, as flat dicts, in keyset batches.

    Batches of EXPORT_BATCH rows keep memory flat and hold no long transaction or
    server-side cursor open while a slow client reads.
    """
    quotes = _searched(_filtered_quotes(filters), filters.q)
    quotes = quotes.order_by(*newest_first()).values(*columns)
    ordering = ordering_names(newest_first())
    values = None
    while True:
        batch = keyset_rows(quotes, ordering, values, EXPORT_BATCH)
        yield from batch
        if len(batch) < EXPORT_BATCH:
            return
        values = [batch[-1]["published_at"], batch[-1]["id"]]


# --- Speakers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutletCount:
    id: int
    name: str
    quote_count: int


@dataclass(frozen=True)
class SpeakerStats:
    quote_count: int
    first_quoted_at: datetime.datetime | None
    last_quoted_at: datetime.datetime | None
    outlets: list[OutletCount]
    claim_count: int = 0


def speaker_list(*, name: str | None = None, kind: str | None = None) -> QuerySet[Speaker]:
    speakers = speakers_named(name) if name else Speaker.objects.all()
    if kind:
        speakers = speakers.filter(kind=kind)
    return speakers.order_by("name", "id")


def speaker_get(*, speaker_id: int) -> Speaker:
    return get_object_or_404(Speaker, pk=speaker_id)


def speaker_stats(*, speaker: Speaker) -> SpeakerStats:
    """How often, where and when a speaker was quoted (quote_speaker_newest_idx).

    Counts, dates and outlets are of direct quotes; `claim_count` counts their claims.
    """
    statements = Quote.objects.filter(speaker=speaker)
    quotes = of_kinds(statements, DIRECT_KINDS)
    # COUNT(*), not COUNT(id): the id is not in the index, the row count is.
    totals = quotes.aggregate(
        quote_count=Count("*"), first=Min("published_at"), last=Max("published_at")
    )
    claim_count = of_kinds(statements, CLAIM_KINDS).count()
    per_outlet = (
        quotes.filter(outlet__isnull=False)
        .values("outlet_id")
        .annotate(quote_count=Count("*"))
        .order_by("-quote_count", "outlet_id")
    )
    counts = {row["outlet_id"]: row["quote_count"] for row in per_outlet}
    names = dict(Outlet.objects.filter(id__in=counts).values_list("id", "name"))
    outlets = [OutletCount(id=i, name=names.get(i, ""), quote_count=n) for i, n in counts.items()]
    return SpeakerStats(
        quote_count=totals["quote_count"],
        first_quoted_at=totals["first"],
        last_quoted_at=totals["last"],
        outlets=outlets,
        claim_count=claim_count,
    )


# --- Claims and their quoted fragments -------------------------------------------------------


def claim_fragments(statements: Sequence[Quote]) -> dict[int, list[Quote]]:
    """The direct quotes inside each claim's span, by claim id (a claim with none, and any
    quote, is absent).

    A claim that paraphrases around a quoted fragment (`he said the plan was "dead on
    arrival" and would fail`) links to that quote by containment, read here in one query for
    a whole page (quote_article_start_idx), not stored: it can never go stale when
    re-extraction replaces a quote or a curator moves a span.
    """
    claims = [s for s in statements if s.kind == QuoteKind.INDIRECT]
    if not claims:
        return {}
    inside = Q()
    for claim in claims:
        inside |= Q(article_id=claim.article_id, start__gte=claim.start, end__lte=claim.end)
    quotes = of_kinds(Quote.objects.filter(inside), DIRECT_KINDS)
    fragments = list(
        quotes.only("id", "article_id", "text", "start", "end", "kind", "status").order_by(
            "start", "id"
        )
    )
    found = {
        claim.pk: [
            f
            for f in fragments
            if f.article_id == claim.article_id and claim.start <= f.start and f.end <= claim.end
        ]
        for claim in claims
    }
    return {pk: inside for pk, inside in found.items() if inside}


# --- Counts and timelines for the web pages -----------------------------------------------------


# A search whose matches the planner estimates past this is not counted: the GIN bitmap of a
# common word costs 60-80 ms at a million quotes even when counting stops at 1,001.
COUNT_SEARCH_UP_TO = 5_000


@dataclass(frozen=True)
class MatchCount:
    exact: int | None = None  # counted: every match
    at_least: int | None = None  # counting stopped here
    about: int | None = None  # the planner's estimate, when not counted to the end


def quote_match_count(*, filters: QuoteFilters, limit: int) -> MatchCount:
    """How many quotes match: exact up to `limit` (an index walk of that many), else estimated.

    A text search the planner expects to match more than COUNT_SEARCH_UP_TO quotes is only
    estimated (one EXPLAIN): words are estimated within a factor of about two.
    """
    matches = _searched(_filtered_quotes(filters), filters.q).order_by()
    if filters.q:
        estimate = round(_estimated_rows(matches))
        if estimate > COUNT_SEARCH_UP_TO:
            return MatchCount(about=estimate)
    if filters.status and not filters.q:
        # In date order, so quote_status_newest_idx serves it: unordered, the planner
        # scans the table until `limit` rows pass (a second at a million quotes, when cold).
        matches = matches.order_by(*newest_first())
    # Otherwise no ORDER BY: the planner stops at `limit` rows by the cheapest path.
    count = matches.values("id")[: limit + 1].count()
    if count <= limit:
        return MatchCount(exact=count)
    return MatchCount(at_least=limit, about=max(round(_estimated_rows(matches)), limit))


@dataclass(frozen=True)
class YearCount:
    year: int
    quote_count: int


def speaker_summary(*, speaker: Speaker) -> tuple[SpeakerStats, list[YearCount]]:
    """A speaker's stats and quotes per year from one pass over quote_speaker_newest_idx.

    One GROUP BY (outlet, year) read from the index alone (it covers the outlet), summed up
    here: a few hundred rows at most, where three aggregates would each read every quote.
    """
    groups = list(
        Quote.objects.filter(speaker=speaker)
        .annotate(year=ExtractYear("published_at"))
        .values("outlet_id", "year")
        .annotate(quote_count=Count("*"), first=Min("published_at"), last=Max("published_at"))
        .order_by()
    )
    per_outlet: dict[int, int] = {}
    per_year: dict[int, int] = {}
    for group in groups:
        if group["outlet_id"] is not None:
            per_outlet[group["outlet_id"]] = (
                per_outlet.get(group["outlet_id"], 0) + group["quote_count"]
            )
        if group["year"] is not None:
            per_year[group["year"]] = per_year.get(group["year"], 0) + group["quote_count"]
    names = (
        dict(Outlet.objects.filter(id__in=per_outlet).values_list("id", "name"))
        if per_outlet
        else {}
    )
    ranked = sorted(per_outlet.items(), key=lambda item: (-item[1], item[0]))
    firsts = [g["first"] for g in groups if g["first"] is not None]
    lasts = [g["last"] for g in groups if g["last"] is not None]
    stats = SpeakerStats(
        quote_count=sum(g["quote_count"] for g in groups),
        first_quoted_at=min(firsts, default=None),
        last_quoted_at=max(lasts, default=None),
        outlets=[OutletCount(id=i, name=names.get(i, ""), quote_count=n) for i, n in ranked],
    )
    years = range(min(per_year), max(per_year) + 1) if per_year else range(0)
    return stats, [YearCount(year=y, quote_count=per_year.get(y, 0)) for y in years]
