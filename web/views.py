"""The fact-checkers' pages: thin views over the quotes and sources selectors."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from config.api.guards import text_problem
from config.keyset import MAX_DB_ID, ordered_slice
from quotes.models import QuoteKind, QuoteStatus, Speaker, SpeakerKind
from quotes.selectors import (
    ALL_KINDS,
    NEWEST_FIRST,
    RANK_WINDOW,
    RELEVANCE,
    MatchCount,
    QuoteFilters,
    article_quotes,
    quote_get,
    quote_list,
    quote_match_count,
    quote_match_estimate,
    quotes_in_order,
    speaker_get,
    speaker_summary,
    speakers_named,
)
from sources.selectors import article_get, article_list, outlet_get, outlet_list
from web import presenters
from web.forms import (
    KIND_VALUES,
    MAX_PAGES,
    PAGE_SIZE,
    QUOTES,
    PageForm,
    SearchForm,
    WithinSpeakerForm,
)

COUNT_LIMIT = PAGE_SIZE * MAX_PAGES  # counts stop here; past it the planner estimates
SPEAKER_SUGGESTIONS = 8
SPEAKERS_SHOWN = 5


@dataclass(frozen=True)
class Results:
    items: list[Any]
    page: int
    has_next: bool
    count: MatchCount

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1


def _checked_id(value: int) -> int:
    if not 0 < value <= MAX_DB_ID:
        raise Http404("No such page.")
    return value


def _results(filters: QuoteFilters, ordering: str, page: int) -> Results:
    """One page of quotes, and how many match (exact up to COUNT_LIMIT, else estimated)."""
    if filters.q and ordering == RELEVANCE:
        return _ranked_results(filters, page)
    offset = (page - 1) * PAGE_SIZE
    rows = ordered_slice(quote_list(filters=filters, ordering=ordering), offset, PAGE_SIZE + 1)
    count = quote_match_count(filters=filters, limit=COUNT_LIMIT)
    has_next = len(rows) > PAGE_SIZE and page < MAX_PAGES
    return Results(rows[:PAGE_SIZE], page, has_next, count)


def _ranked_results(filters: QuoteFilters, page: int) -> Results:
    """A page of the relevance window: its ids in one query, then the page's rows.

    Finding the window is the costly part of a search (a GIN bitmap); read as ids, it also
    gives the count (exact below RANK_WINDOW matches, else estimated) without a second pass.
    """
    window = list(quote_list(filters=filters, ordering=RELEVANCE).values_list("id", flat=True))
    offset = (page - 1) * PAGE_SIZE
    rows = quotes_in_order(ids=window[offset : offset + PAGE_SIZE], q=filters.q)
    if len(window) < RANK_WINDOW:
        count = MatchCount(exact=len(window))
    else:
        estimate = quote_match_estimate(filters=filters)
        count = MatchCount(at_least=RANK_WINDOW, about=max(estimate, RANK_WINDOW))
    return Results(rows, page, len(window) > offset + PAGE_SIZE, count)


def _page_links(request: HttpRequest, results: Results) -> dict[str, str | None]:
    def link(page: int) -> str:
        query = request.GET.copy()
        query["page"] = str(page)
        return "?" + query.urlencode()

    return {
        "previous_url": link(results.page - 1) if results.page > 1 else None,
        "next_url": link(results.page + 1) if results.has_next else None,
    }


def _bad_request(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, context, status=400)


def _by_name(speakers: QuerySet[Speaker]) -> QuerySet[Speaker]:
    # Ordered by lower(name), which no index serves: ordered by name, the planner walks the
    # name index testing every speaker against the search (0.5 s at 20,000 speakers for
    # `Moon`) instead of sorting the few that the GIN lookup finds.
    return speakers.order_by(Lower("name"), "id")


def _chosen(request: HttpRequest) -> dict[str, str]:
    """The search as typed, to fill the form again (Django escapes it in the template)."""
    names = ("q", "speaker", "outlet", "start", "end", "kind", "sort", "verified")
    return {name: request.GET.get(name, "") for name in names}


def _matched_speakers(name: str) -> list[Speaker]:
    return list(_by_name(speakers_named(name))[: SPEAKERS_SHOWN + 1])


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict[str, Any] = {
        "form": form,
        "page_title": "Search who said what",
        # The form is drawn by hand from these (Django's widget templates cost ~5 ms a field).
        "outlets": list(outlet_list().only("id", "name")),
        "chosen": _chosen(request),
    }
    if not form.is_valid():
        return _bad_request(request, "web/search.html", context)
    filters = form.quote_filters()
    ordering = form.ordering()
    heading = "Results"
    if form.is_blank():
        # Nothing asked: recent verified quotes, or recent quotes while none is verified yet.
        verified = QuoteFilters(status=QuoteStatus.VERIFIED, kinds=filters.kinds)
        # In date order (quote_status_newest_idx): .exists() would let the planner scan.
        has_verified = bool(quote_list(filters=verified, ordering=NEWEST_FIRST).values("id")[:1])
        filters = verified if has_verified else filters
        heading = "Recently verified" if has_verified else "Recent statements"
    results = _results(filters, ordering, form.page_number())
    speaker_query = form.cleaned_data.get("speaker")
    context.update(
        heading=heading,
        results=results,
        searched=not form.is_blank(),
        kind=form.cleaned_data.get("kind") or QUOTES,
        ordering=ordering,
        relevance=ordering == RELEVANCE,
        rank_window=RANK_WINDOW,
        matched_speakers=_matched_speakers(speaker_query) if speaker_query else None,
        speakers_shown=SPEAKERS_SHOWN,
        **_page_links(request, results),
    )
    if form.cleaned_data.get("q") or speaker_query:
        context["page_title"] = f"{form.cleaned_data.get('q') or speaker_query} – search"
    return render(request, "web/search.html", context)


@require_safe
def quote_detail(request: HttpRequest, quote_id: int) -> HttpResponse:
    quote = quote_get(quote_id=_checked_id(quote_id), kinds=ALL_KINDS)
    page_url = request.build_absolute_uri()
    context = {
        "quote": quote,
        "article": quote.article,
        "speaker": quote.speaker,
        "in_context": presenters.quote_in_context(quote),
        "published": presenters.published_label(quote.article),
        "citation": presenters.citation(quote, page_url),
        "status_label": presenters.status_label(quote.status),
        "curated": quote.status in (QuoteStatus.VERIFIED, QuoteStatus.CORRECTED),
        "json_ld": presenters.quotation_json_ld(quote, page_url),
        "api_url": reverse(
            "claim-detail" if quote.kind == QuoteKind.INDIRECT else "quote-detail", args=[quote.pk]
        ),
        "page_title": presenters.quote_title(quote),
    }
    return render(request, "web/quote.html", context)


@require_safe
def speaker_detail(request: HttpRequest, speaker_id: int) -> HttpResponse:
    speaker = speaker_get(speaker_id=_checked_id(speaker_id))
    form = WithinSpeakerForm(request.GET)
    context: dict[str, Any] = {"speaker": speaker, "form": form, "page_title": speaker.name}
    if speaker.kind == SpeakerKind.ANONYMOUS and speaker.article_id is not None:
        context["source_article"] = article_get(article_id=speaker.article_id)
    if not form.is_valid():
        return _bad_request(request, "web/speaker.html", context)
    filters = QuoteFilters(speaker=speaker, q=form.cleaned_data.get("q") or None, kinds=ALL_KINDS)
    results = _results(filters, RELEVANCE if filters.q else NEWEST_FIRST, form.page_number())
    stats, years = speaker_summary(speaker=speaker)
    context.update(
        stats=stats,
        timeline=presenters.timeline(years),
        results=results,
        **_page_links(request, results),
    )
    return render(request, "web/speaker.html", context)


@require_safe
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    article = article_get(article_id=_checked_id(article_id))
    quotes = list(article_quotes(article=article, kinds=ALL_KINDS))
    context = {
        "article": article,
        "quotes": quotes,
        "paragraphs": presenters.article_paragraphs(article.body, quotes),
        "published": presenters.published_label(article),
        "page_title": article.title or f"Article {article.pk}",
    }
    return render(request, "web/article.html", context)


@require_safe
def outlet_detail(request: HttpRequest, outlet_id: int) -> HttpResponse:
    outlet = outlet_get(outlet_id=_checked_id(outlet_id))
    form = PageForm(request.GET)
    context: dict[str, Any] = {"outlet": outlet, "form": form, "page_title": outlet.name}
    if not form.is_valid():
        return _bad_request(request, "web/outlet.html", context)
    page = form.page_number()
    offset = (page - 1) * PAGE_SIZE
    articles = list(article_list(outlet=outlet)[offset : offset + PAGE_SIZE + 1])
    counted = article_list(outlet=outlet).order_by().values("id")[: COUNT_LIMIT + 1].count()
    article_count = (
        MatchCount(exact=counted) if counted <= COUNT_LIMIT else MatchCount(at_least=COUNT_LIMIT)
    )
    filters = QuoteFilters(outlet=outlet, kinds=KIND_VALUES[QUOTES])
    has_next = len(articles) > PAGE_SIZE and page < MAX_PAGES
    results = Results(articles[:PAGE_SIZE], page, has_next, article_count)
    context.update(
        results=results,
        recent_quotes=list(quote_list(filters=filters, ordering=NEWEST_FIRST)[:5]),
        **_page_links(request, results),
    )
    return render(request, "web/outlet.html", context)


@require_safe
def speaker_suggestions(request: HttpRequest) -> JsonResponse:
    """Type-ahead for the speaker field: named speakers whose name has the typed words."""
    typed = request.GET.get("q", "")[:300]
    if text_problem(typed) or not typed.strip():
        return JsonResponse({"results": []})
    speakers = _by_name(speakers_named(typed).exclude(kind=SpeakerKind.ANONYMOUS))
    names = list(speakers.values_list("name", flat=True)[:SPEAKER_SUGGESTIONS])
    return JsonResponse({"results": names})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {"page_title": "Page not found"}, status=404)
