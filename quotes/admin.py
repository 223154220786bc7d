"""Curation in admin: quotes and claims (review queue, in-context view, optimistic locking),
speakers (merge, aliases, quote counts), and the article page's highlighted body, statements and
re-extraction. Claims in reported speech (kind indirect) are rows of the quote model and go
through the same pages, forms and actions; they are highlighted in their own colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.postgres.search import SearchQuery
from django.db import IntegrityError
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from quotes.curation import (
    MergeRefusedError,
    StaleQuoteError,
    StaleSpeakerError,
    curated_status,
    quote_offsets_apply,
    quote_refuse_if_stale,
    quote_save_curated,
    quotes_set_status,
    speaker_merge,
    speaker_refuse_if_stale,
    speaker_save_curated,
)
from quotes.extraction import speaker_key
from quotes.models import (
    CLAIM_KINDS,
    DIRECT_KINDS,
    Quote,
    QuoteKind,
    QuoteStatus,
    Speaker,
    SpeakerKind,
)
from quotes.selectors import claim_fragments, of_kinds, speakers_matching
from sources.admin import (
    BODY_STYLE,
    ArticleAdmin,
    EstimatedCountPaginator,
    LinesArrayField,
    PublishedRangeFilter,
    is_changelist,
    local_time_label,
)
from sources.models import Article
from sources.ordering import UndatedLast, newest_first

# --- highlighting -----------------------------------------------------------------------------

MARK_STYLES = {
    QuoteStatus.EXTRACTED: "background: #fff3b0",
    QuoteStatus.VERIFIED: "background: #c8f0c8",
    QuoteStatus.CORRECTED: "background: #c8e0ff",
    QuoteStatus.REJECTED: "background: #f0d0d0; text-decoration: line-through",
    "mention": "background: none; border-bottom: 2px solid #d08000",
}
# Claims in reported speech: lavender whatever their status (quotes are never lavender), the
# status told by the underline; quotes inside a claim keep their own colours within it.
_CLAIM = "background: #e6d9ff; padding: 0 1px; border-bottom: 2px "
CLAIM_MARK_STYLES: dict[str, str] = {
    QuoteStatus.EXTRACTED: _CLAIM + "dashed #7a3fc4",
    QuoteStatus.VERIFIED: _CLAIM + "solid #2e8b2e",
    QuoteStatus.CORRECTED: _CLAIM + "solid #3060c0",
    QuoteStatus.REJECTED: _CLAIM + "solid #c03030; text-decoration: line-through",
}


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    style: str
    title: str
    outer: bool = False  # a claim's mark, around the quotes and mentions inside it


def highlight(text: str, marks: Iterable[Mark], *, offset: int = 0) -> SafeString:
    """`text` escaped, with each mark's span (offsets into the body) wrapped in <mark>.

    Two layers: outer marks (claims) hold inner marks (quotes, mentions) nested inside them.
    Within a layer, overlapping spans are clipped so that its marks never nest.
    """
    marks = list(marks)
    outer = _layer([m for m in marks if m.outer], offset, len(text))
    inner = _layer([m for m in marks if not m.outer], offset, len(text))
    pieces: list[SafeString] = []
    cursor = 0
    for start, end, mark in outer:
        pieces += _marked(text, cursor, start, inner)
        inside = format_html_join("", "{}", ((p,) for p in _marked(text, start, end, inner)))
        pieces.append(
            format_html('<mark style="{}" title="{}">{}</mark>', mark.style, mark.title, inside)
        )
        cursor = end
    pieces += _marked(text, cursor, len(text), inner)
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def _layer(marks: list[Mark], offset: int, length: int) -> list[tuple[int, int, Mark]]:
    """Marks as (start, end) in `text`, clipped to it and to each other."""
    spans = []
    cursor = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, end = max(mark.start - offset, cursor), min(mark.end - offset, length)
        if start < end:
            spans.append((start, end, mark))
            cursor = end
    return spans


def _marked(text: str, low: int, high: int, spans: list[tuple[int, int, Mark]]) -> list[SafeString]:
    """text[low:high] escaped, with the parts of `spans` inside it marked."""
    pieces: list[SafeString] = []
    cursor = low
    for span_start, span_end, mark in spans:
        start, end = max(span_start, cursor), min(span_end, high)
        if start >= end:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(
            format_html(
                '<mark style="{}" title="{}">{}</mark>', mark.style, mark.title, text[start:end]
            )
        )
        cursor = end
    pieces.append(escape(text[cursor:high]))
    return pieces


def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The paragraphs (text between blank lines) that hold body[start:end]."""
    before = body.rfind("\n\n", 0, start)
    after = body.find("\n\n", end)
    return (0 if before < 0 else before + 2), (len(body) if after < 0 else after)


def quote_mark(quote: Quote) -> Mark:
    speaker = quote.speaker.name if quote.speaker else "no speaker"
    if quote.kind == QuoteKind.INDIRECT:
        style, title = CLAIM_MARK_STYLES[quote.status], f"claim: {speaker} ({quote.status})"
        return Mark(quote.start, quote.end, style, title, outer=True)
    return Mark(quote.start, quote.end, MARK_STYLES[quote.status], f"{speaker} ({quote.status})")


def quote_in_context(quote: Quote, body: str) -> SafeString:
    marks = [quote_mark(quote)]
    marks += [quote_mark(fragment) for fragment in claim_fragments([quote]).get(quote.pk, [])]
    low, high = quote.start, quote.end
    if quote.mention_start is not None and quote.mention_end is not None:
        marks.append(
            Mark(quote.mention_start, quote.mention_end, MARK_STYLES["mention"], "mention")
        )
        low, high = min(low, quote.mention_start), max(high, quote.mention_end)
    start, end = paragraph_bounds(body, low, high)
    return format_html(
        '<div style="{}">{}</div>', BODY_STYLE, highlight(body[start:end], marks, offset=start)
    )


# --- forms ------------------------------------------------------------------------------------

CONTENT_FIELDS = {"speaker", "start", "end", "kind", "cue"}
# What a statement's span may share with another of its article: quotes and claims apart.
SPAN_FAMILIES = {QuoteKind.INDIRECT: CLAIM_KINDS}


@contextmanager
def stale_as_form_error() -> Iterator[None]:
    """A refused stale save (quotes.curation) as the form's error, which names who changed
    what since the curator opened it."""
    try:
        yield
    except (StaleQuoteError, StaleSpeakerError) as error:
        raise forms.ValidationError(str(error), code="stale") from None


class QuoteCurationForm(forms.ModelForm):
    """A quote as a curator edits it; `version` rides along hidden for optimistic locking."""

    class Meta:
        model = Quote
        fields = ["article", "speaker", "start", "end", "kind", "cue", "status", "version"]
        widgets = {"version": forms.HiddenInput}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk and not self.has_changed():
            return cleaned  # nothing to save, nothing to check (an untouched inline row)
        if self.instance.pk:
            self._refuse_if_stale(cleaned)
        article = cleaned.get("article") or getattr(self.instance, "article", None)
        if article is not None:
            if not self.instance.pk or {"start", "end", "kind"} & set(self.changed_data):
                self._check_offsets(cleaned, article)
            if "speaker" in self.changed_data:
                self._check_speaker(cleaned, article)
        return cleaned

    def _refuse_if_stale(self, cleaned: dict[str, Any]) -> None:
        if "version" in cleaned:
            with stale_as_form_error():
                quote_refuse_if_stale(quote=self.instance, expected_version=cleaned["version"])

    def _check_offsets(self, cleaned: dict[str, Any], article: Article) -> None:
        start = cleaned.get("start", self.instance.start)
        end = cleaned.get("end", self.instance.end)
        if start is None or end is None:
            return
        if not 0 <= start < end <= len(article.body):
            self.add_error("end", f"Offsets must satisfy 0 ≤ start < end ≤ {len(article.body)}.")
            return
        # A quote and a claim may share a span; two quotes, or two claims, may not.
        kind = cleaned.get("kind") or self.instance.kind
        family = SPAN_FAMILIES.get(kind, DIRECT_KINDS)
        same_span = of_kinds(Quote.objects.filter(article=article, start=start, end=end), family)
        if same_span.exclude(pk=self.instance.pk).exists():
            noun = "claim" if family == CLAIM_KINDS else "quote"
            self.add_error("start", f"Another {noun} of this article has exactly this span.")

    def _check_speaker(self, cleaned: dict[str, Any], article: Article) -> None:
        speaker = cleaned.get("speaker")
        if speaker and speaker.kind == SpeakerKind.ANONYMOUS and speaker.article_id != article.pk:
            self.add_error("speaker", "This anonymous source speaks in another article.")

    def content_changed(self) -> bool:
        return bool(CONTENT_FIELDS & set(self.changed_data))


def quote_save_from_form(request: HttpRequest, quote: Quote, form: QuoteCurationForm) -> None:
    """A curator's save: `corrected` unless they chose verified/rejected, refused if stale."""
    if not form.has_changed():
        return
    quote.status = curated_status(
        chosen=quote.status,
        status_changed="status" in form.changed_data,
        content_changed=form.content_changed(),
    )
    if {"start", "end"} & set(form.changed_data):
        quote_offsets_apply(quote=quote, body=quote.article.body)
    quote_save_curated(
        quote=quote, expected_version=form.cleaned_data["version"], user=request.user
    )


# --- quotes -----------------------------------------------------------------------------------


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """History can be read but not reverted: a revert would bypass the version check."""

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        return True

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if request.method == "POST":
            self.message_user(request, "Reverting from history is disabled.", messages.ERROR)
            return HttpResponseRedirect(request.path)
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReviewQueueFilter(admin.SimpleListFilter):
    """Machine-made quotes, least confident first (QuoteAdmin.get_ordering), served by the
    index quote_review_queue_idx (status, confidence)."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("queue", "Review queue (lowest confidence first)")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "queue":
            return queryset.filter(status=QuoteStatus.EXTRACTED)
        return queryset


class StatementFamilyFilter(admin.SimpleListFilter):
    """Direct quotes or claims in reported speech (the review queue of either)."""

    title = "statement"
    parameter_name = "family"
    FAMILIES = {"quote": DIRECT_KINDS, "claim": CLAIM_KINDS}

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("quote", "Quotes"), ("claim", "Claims (reported speech)")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        kinds = self.FAMILIES.get(self.value() or "")
        return of_kinds(queryset, kinds) if kinds else queryset


def in_review_queue(request: HttpRequest) -> bool:
    return request.GET.get(ReviewQueueFilter.parameter_name) == "queue"


@admin.register(Quote)
class QuoteAdmin(ReadOnlyHistoryAdmin):
    form = QuoteCurationForm
    list_display = [
        "excerpt",
        "kind",
        "speaker_name",
        "outlet",
        "published_local",
        "status",
        "confidence_",
    ]
    list_filter = [
        ReviewQueueFilter,
        StatementFamilyFilter,
        "status",
        ("speaker__kind", admin.ChoicesFieldListFilter),
        "outlet",
        PublishedRangeFilter,
    ]
    list_select_related = ["speaker", "outlet"]
    list_per_page = 50
    search_fields = ["text"]  # replaced by full-text and speaker search in get_search_results
    search_help_text = (
        "Words of the quote or claim (full-text, “quoted phrase” works), or a speaker's name."
    )
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    autocomplete_fields = ["speaker", "article"]
    actions = ["verify_selected", "reject_selected"]
    change_list_template = "admin/quotes/quote/change_list.html"
    history_list_display = ["status", "speaker"]
    readonly_fields = [
        "in_context",
        "text",
        "article_link",
        "outlet",
        "published_local",
        "mention",
        "confidence",
        "extractor_version",
        "created_at",
        "updated_at",
        "quoted_fragments",
    ]

    def get_fieldsets(self, request: HttpRequest, obj: Quote | None = None) -> Any:
        if obj is None:
            return [(None, {"fields": ["article", "speaker", "start", "end", "kind", "cue"]})]
        return [
            (None, {"fields": ["in_context", "speaker", "status", "version"]}),
            ("Where", {"fields": ["article_link", "outlet", "published_local"]}),
            (
                "Span and attribution",
                {"fields": ["text", "start", "end", "kind", "mention", "cue"]},
            ),
            *(
                [("Quotes inside this claim", {"fields": ["quoted_fragments"]})]
                if obj.is_claim
                else []
            ),
            (
                "Machine",
                {
                    "classes": ["collapse"],
                    "fields": ["confidence", "extractor_version", "created_at", "updated_at"],
                },
            ),
        ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Quote]:
        return super().get_queryset(request).defer("search_vector")

    def get_ordering(self, request: HttpRequest) -> Sequence[Any]:
        if in_review_queue(request):
            return ["confidence", "id"]
        return newest_first()  # undated last

    # The article's date as the quote's outlet printed it, its zone named.
    @admin.display(
        description="published (outlet's time)",
        ordering=UndatedLast("published_at", descending=False),
    )
    def published_local(self, quote: Quote) -> str:
        return local_time_label(quote.published_at, quote.outlet)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Quote], search_term: str
    ) -> tuple[QuerySet[Quote], bool]:
        """Full-text search (GIN index) or the quotes of matching speakers, never a LIKE scan."""
        term = search_term.strip()
        if not term:
            return queryset, False
        words = SearchQuery(term, config="english", search_type="websearch")
        speaker_ids = list(speakers_matching(term).values_list("pk", flat=True)[:200])
        return queryset.filter(Q(search_vector=words) | Q(speaker_id__in=speaker_ids)), False

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest | None = None) -> bool:
        # Links from the speaker and article pages list their quotes.
        if lookup in {"speaker__id__exact", "article__id__exact"}:
            return True
        return super().lookup_allowed(lookup, value, request)

    def get_urls(self) -> list[Any]:
        review = path(
            "review/",
            self.admin_site.admin_view(self.review_queue_view),
            name="quotes_quote_review",
        )
        claims = path(
            "review/claims/",
            self.admin_site.admin_view(self.claim_review_queue_view),
            name="quotes_quote_review_claims",
        )
        return [review, claims, *super().get_urls()]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if in_review_queue(request):
            extra_context = {
                **(extra_context or {}),
                "title": "Review queue: quotes to check, lowest confidence first",
            }
        return super().changelist_view(request, extra_context)

    def review_queue_view(self, request: HttpRequest) -> HttpResponse:
        return HttpResponseRedirect(reverse("admin:quotes_quote_changelist") + "?review=queue")

    def claim_review_queue_view(self, request: HttpRequest) -> HttpResponse:
        url = reverse("admin:quotes_quote_changelist") + "?review=queue&family=claim"
        return HttpResponseRedirect(url)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {"status": QuoteStatus.CORRECTED, **super().get_changeform_initial_data(request)}

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleQuoteError as error:
            # The form's own check missed a race: the transaction rolled back, nothing changed.
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.path)

    def save_model(self, request: HttpRequest, obj: Quote, form: Any, change: bool) -> None:
        if change:
            quote_save_from_form(request, obj, form)
            return
        # A quote a curator adds is curated: re-extraction must never replace it.
        obj.status = QuoteStatus.CORRECTED
        obj.confidence = 1.0
        quote_offsets_apply(quote=obj, body=obj.article.body)
        obj._history_user = request.user  # type: ignore[attr-defined]
        obj.save()

    @admin.display(description="quote", ordering="text")
    def excerpt(self, quote: Quote) -> str:
        return quote_excerpt(quote)

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_name(self, quote: Quote) -> str:
        return quote.speaker.name if quote.speaker else "—"

    @admin.display(description="confidence", ordering="confidence")
    def confidence_(self, quote: Quote) -> str:
        return f"{quote.confidence:.2f}"

    @admin.display(description="in context")
    def in_context(self, quote: Quote) -> SafeString:
        return quote_in_context(quote, quote.article.body)

    @admin.display(description="quotes inside")
    def quoted_fragments(self, quote: Quote) -> SafeString | str:
        links = [
            (reverse("admin:quotes_quote_change", args=[f.pk]), quote_excerpt(f), f.status)
            for f in claim_fragments([quote]).get(quote.pk, [])
        ]
        if not links:
            return "none"
        return format_html_join(", ", '<a href="{}">“{}”</a> ({})', links)

    @admin.display(description="article")
    def article_link(self, quote: Quote) -> SafeString:
        url = reverse("admin:sources_article_change", args=[quote.article_id])
        return format_html('<a href="{}">{}</a>', url, quote.article)

    @admin.action(description="Verify selected quotes")
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Quote]) -> None:
        self._set_status(request, queryset, QuoteStatus.VERIFIED)

    @admin.action(description="Reject selected quotes")
    def reject_selected(self, request: HttpRequest, queryset: QuerySet[Quote]) -> None:
        self._set_status(request, queryset, QuoteStatus.REJECTED)

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Quote], status: str) -> None:
        selected = list(queryset.order_by().values_list("pk", "kind"))
        result = quotes_set_status(
            quote_ids=[pk for pk, _ in selected], status=status, user=request.user
        )
        text = f"{result.changed} {statements_noun({kind for _, kind in selected})} marked {status}"
        if result.unchanged:
            text += f"; {result.unchanged} already were"
        if result.missing:
            text += f"; {result.missing} no longer exist (replaced by re-extraction)"
        self.message_user(request, text + ".", messages.SUCCESS)


def statements_noun(kinds: set[str]) -> str:
    if kinds and kinds <= set(CLAIM_KINDS):
        return "claims"
    return "statements" if kinds & set(CLAIM_KINDS) else "quotes"


def quote_excerpt(quote: Quote) -> str:
    return quote.text if len(quote.text) <= 90 else quote.text[:87] + "…"


# --- speakers ---------------------------------------------------------------------------------


class SpeakerForm(forms.ModelForm):
    aliases = LinesArrayField(
        forms.CharField(max_length=300),
        required=False,
        help_text="Other spellings and short forms, one per line; search finds them all.",
    )

    class Meta:
        model = Speaker
        fields = ["name", "kind", "description", "affiliation", "aliases", "article", "version"]
        widgets = {"version": forms.HiddenInput}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk and self.has_changed():
            self._refuse_if_stale(cleaned)
        kind, article = cleaned.get("kind"), cleaned.get("article")
        if kind == SpeakerKind.ANONYMOUS and article is None:
            self.add_error("article", "An anonymous source belongs to the article it speaks in.")
        if kind and kind != SpeakerKind.ANONYMOUS and article is not None:
            self.add_error("article", "Only anonymous sources belong to an article; clear it.")
        if kind and kind != SpeakerKind.ANONYMOUS and not self.errors:
            self._refuse_duplicate_name(cleaned)
        return cleaned

    def _refuse_if_stale(self, cleaned: dict[str, Any]) -> None:
        if "version" in cleaned:
            with stale_as_form_error():
                speaker_refuse_if_stale(speaker=self.instance, expected_version=cleaned["version"])

    def _refuse_duplicate_name(self, cleaned: dict[str, Any]) -> None:
        keeps_key = self.instance.pk and "kind" not in self.changed_data
        key = self.instance.key if keeps_key else speaker_key(cleaned.get("name", ""))
        twin = Speaker.objects.filter(key=key, article__isnull=True).exclude(pk=self.instance.pk)
        if twin.exists():
            self.add_error(
                "name", f"“{twin.first()}” already has this name: merge the two speakers instead."
            )


def quote_count_subquery(kinds: tuple[str, ...] | None = None) -> Coalesce:
    """Counted per row of the page only (a correlated subquery over the speaker index): the
    statements of `kinds` (DIRECT_KINDS, CLAIM_KINDS), or all of them."""
    statements = Quote.objects.filter(speaker=OuterRef("pk"))
    counts = (
        (of_kinds(statements, kinds) if kinds else statements)
        .order_by()
        .values("speaker")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


def counted(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


def statements_url(speaker: Speaker, family: str) -> str:
    """The quote list filtered to a speaker's quotes or claims (StatementFamilyFilter)."""
    query = f"?speaker__id__exact={speaker.pk}&{StatementFamilyFilter.parameter_name}={family}"
    return reverse("admin:quotes_quote_changelist") + query


@admin.register(Speaker)
class SpeakerAdmin(ReadOnlyHistoryAdmin):
    form = SpeakerForm
    list_display = [
        "name",
        "kind",
        "description",
        "affiliation",
        "alias_list",
        "anonymous_in",
        "quote_count",
        "claim_count",
    ]
    list_filter = ["kind"]
    list_select_related = ["article"]
    search_fields = ["name"]  # widened to aliases in get_search_results
    search_help_text = "Part of a name, or any name or alias (case, accents, hyphens ignored)."
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    raw_id_fields = ["article"]
    readonly_fields = ["key", "search_key_list", "quotes_link", "created_at", "updated_at"]
    actions = ["merge_speakers"]
    history_list_display = ["name", "alias_list"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "description", "affiliation", "aliases", "version"]}),
        ("Anonymous sources", {"fields": ["article"]}),
        (
            "Matching",
            {"fields": ["quotes_link", "key", "search_key_list", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Speaker]:
        queryset = super().get_queryset(request)
        if is_changelist(request):
            queryset = queryset.annotate(
                quote_count=quote_count_subquery(DIRECT_KINDS),
                claim_count=quote_count_subquery(CLAIM_KINDS),
            ).defer("article__body", "article__raw_text")
        return queryset

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Speaker], search_term: str
    ) -> tuple[QuerySet[Speaker], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.filter(pk__in=speakers_matching(term).values("pk")), False

    def save_model(self, request: HttpRequest, obj: Speaker, form: Any, change: bool) -> None:
        speaker_save_curated(
            speaker=obj,
            changed=form.changed_data,
            previous_name=form.initial.get("name") if change else None,
            user=request.user,
        )

    @admin.display(description="aliases")
    def alias_list(self, speaker: Speaker) -> str:
        return ", ".join(speaker.aliases)

    @admin.display(description="search keys")
    def search_key_list(self, speaker: Speaker) -> str:
        return ", ".join(speaker.search_keys)

    @admin.display(description="article")
    def anonymous_in(self, speaker: Speaker) -> SafeString | str:
        if speaker.article_id is None:
            return ""
        url = reverse("admin:sources_article_change", args=[speaker.article_id])
        return format_html('<a href="{}">{}</a>', url, speaker.article)

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, speaker: Speaker) -> SafeString:
        count = getattr(speaker, "quote_count", "…")
        return format_html('<a href="{}">{}</a>', statements_url(speaker, "quote"), count)

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, speaker: Speaker) -> SafeString:
        count = getattr(speaker, "claim_count", "…")
        return format_html('<a href="{}">{}</a>', statements_url(speaker, "claim"), count)

    @admin.display(description="statements")
    def quotes_link(self, speaker: Speaker) -> SafeString:
        quotes = of_kinds(speaker.quotes.all(), DIRECT_KINDS).count()
        claims = of_kinds(speaker.quotes.all(), CLAIM_KINDS).count()
        return format_html(
            '<a href="{}">{}</a>, <a href="{}">{}</a>',
            statements_url(speaker, "quote"),
            counted(quotes, "quote"),
            statements_url(speaker, "claim"),
            counted(claims, "claim"),
        )

    @admin.action(description="Merge selected speakers (choose the one to keep)")
    def merge_speakers(
        self, request: HttpRequest, queryset: QuerySet[Speaker]
    ) -> HttpResponse | None:
        speakers = list(
            queryset.annotate(
                n_quotes=quote_count_subquery(DIRECT_KINDS),
                n_claims=quote_count_subquery(CLAIM_KINDS),
            )
            .select_related("article")
            .defer("article__body", "article__raw_text")
            .order_by(-(F("n_quotes") + F("n_claims")), "pk")
        )
        if len(speakers) < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return None
        target_id = request.POST.get("target")
        if request.POST.get("confirm") == "yes" and target_id:
            self._merge(request, speakers, target_id)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "opts": self.model._meta,
            "speakers": speakers,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action": "merge_speakers",
        }
        return TemplateResponse(request, "admin/quotes/speaker/merge_confirmation.html", context)

    def _merge(self, request: HttpRequest, speakers: Sequence[Speaker], target_id: str) -> None:
        target = next((s for s in speakers if str(s.pk) == target_id), None)
        if target is None:
            self.message_user(request, "Choose the speaker to keep.", messages.ERROR)
            return
        try:
            result = speaker_merge(target=target, others=speakers, user=request.user)
        except MergeRefusedError as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        except IntegrityError:
            self.message_user(
                request,
                "A re-extraction changed these quotes meanwhile; try again.",
                messages.ERROR,
            )
            return
        self.message_user(
            request,
            f"Merged {', '.join(result.merged_names)} into {result.target}: "
            f"{counted(result.quotes_moved, 'quote')} and "
            f"{counted(result.claims_moved, 'claim')} moved, every name kept as an alias.",
            messages.SUCCESS,
        )


# --- articles: their quotes -------------------------------------------------------------------


class QuoteInlineForm(QuoteCurationForm):
    class Meta(QuoteCurationForm.Meta):
        fields = ["speaker", "status", "version"]


INLINE_QUOTES = 50


class QuoteInline(admin.TabularInline):
    model = Quote
    form = QuoteInlineForm
    fields = ["excerpt", "kind", "speaker", "status", "confidence", "version", "change_link"]
    readonly_fields = ["excerpt", "kind", "confidence", "change_link"]
    verbose_name, verbose_name_plural = "quote or claim", "quotes and claims"
    autocomplete_fields = ["speaker"]
    extra = 0
    can_delete = False
    ordering = ["start"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        request.inline_article = obj  # type: ignore[attr-defined]  # read by get_queryset
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Quote]:
        """The first INLINE_QUOTES quotes of the article in text order: an article with
        thousands of quotes took 28 s and 14 MB to open with a form row for each. The rest
        are a link away (`quotes_link`), on the paged quote list."""
        quotes = super().get_queryset(request).select_related("speaker").defer("search_vector")
        article = getattr(request, "inline_article", None)
        if article is None:
            return quotes
        first = Quote.objects.filter(article=article).order_by("start", "id")
        return quotes.filter(pk__in=list(first.values_list("pk", flat=True)[:INLINE_QUOTES]))

    @admin.display(description="quote")
    def excerpt(self, quote: Quote) -> str:
        return quote_excerpt(quote)

    @admin.display(description="")
    def change_link(self, quote: Quote) -> SafeString:
        url = reverse("admin:quotes_quote_change", args=[quote.pk])
        return format_html('<a href="{}">edit</a>', url)


class ArticleCurationAdmin(ArticleAdmin):
    inlines = [QuoteInline]
    actions = ["reextract"]
    readonly_fields = [*ArticleAdmin.readonly_fields, "highlighted_body", "quotes_link"]
    fieldsets = [
        (None, {"fields": ["title", "url", "outlet", "authors"]}),
        ("Date", {"fields": ["published_at", "published_precision", "published_local"]}),
        ("Text", {"fields": ["highlighted_body", "quotes_link"]}),
        ArticleAdmin.fieldsets[-1],
    ]

    @admin.display(description="quotes")
    def quotes_link(self, article: Article) -> SafeString:
        count = article.quotes.count()
        url = reverse("admin:quotes_quote_changelist") + f"?article__id__exact={article.pk}"
        shown = f"the first {INLINE_QUOTES} are below; " if count > INLINE_QUOTES else ""
        return format_html('{}{}<a href="{}">all {} on the quote list</a>', shown, "", url, count)

    @admin.display(description="body, quotes and claims highlighted")
    def highlighted_body(self, article: Article) -> SafeString:
        # The article and speaker ids too: `article.quotes` sets each quote's article from
        # its article_id, and a deferred id cost a query a quote (3,557 for 3,557 quotes).
        quotes = article.quotes.select_related("speaker").only(
            "start", "end", "status", "kind", "article", "speaker", "speaker__name"
        )
        marks = [quote_mark(quote) for quote in quotes]
        legend = format_html(
            '<p>Quotes: <mark style="{}">extracted</mark> <mark style="{}">verified</mark> '
            '<mark style="{}">corrected</mark> <mark style="{}">rejected</mark>; claims in '
            'reported speech: <mark style="{}">extracted</mark> <mark style="{}">verified</mark>'
            ' <mark style="{}">corrected</mark> <mark style="{}">rejected</mark>.</p>',
            *(MARK_STYLES[status] for status in QuoteStatus.values),
            *(CLAIM_MARK_STYLES[status] for status in QuoteStatus.values),
        )
        body = highlight(article.body, marks)
        return format_html('{}<div style="{}">{}</div>', legend, BODY_STYLE, body)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not Quote:
            super().save_formset(request, form, formset, change)
            return
        changed = [f for f in formset.forms if f.has_changed()]
        for quote_form in changed:
            quote_save_from_form(request, quote_form.instance, quote_form)
        # What admin's change message reads.
        formset.new_objects, formset.deleted_objects = [], []
        formset.changed_objects = [(f.instance, f.changed_data) for f in changed]

    @admin.action(
        description="Re-run extraction (keeps verified, corrected and rejected quotes and claims)"
    )
    def reextract(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        from quotes.services import article_reextract

        articles = stored = kept = replaced = 0
        for article in queryset.order_by("pk"):
            result = article_reextract(article=article)
            stored, kept = stored + result.stored, kept + result.kept_curated
            replaced, articles = replaced + result.replaced, articles + 1
        self.message_user(
            request,
            f"Re-extracted {articles} articles: {replaced} machine quotes replaced by "
            f"{stored}; {kept} curated quotes kept as they were (claims included).",
            messages.SUCCESS,
        )


admin.site.unregister(Article)
admin.site.register(Article, ArticleCurationAdmin)
