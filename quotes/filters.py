"""Query-string filters of the quote, speaker and article lists.

The FilterSets validate the query string (a 400 naming the parameter for bad input) and
document it in the OpenAPI schema; the queries themselves are the selectors'.
"""

from typing import Any

import django_filters as filters
from django import forms
from django.db.models import QuerySet

from quotes.models import CLAIM_KINDS, DIRECT_KINDS, Quote, QuoteStatus, Speaker, SpeakerKind
from quotes.selectors import (
    ALL_KINDS,
    NEWEST_FIRST,
    OLDEST_FIRST,
    RANK_WINDOW,
    RELEVANCE,
    STATEMENT_KIND_GROUPS,
    QuoteFilters,
    quote_list,
    speaker_list,
)
from sources.models import Article, Outlet
from sources.selectors import article_list, outlet_find

MAX_SEARCH_LENGTH = 500


class PublishedRangeForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        after, before = data.get("published_after"), data.get("published_before")
        if after and before and after > before:
            self.add_error("published_before", "Must not be earlier than published_after.")
        return data


def _published_filters() -> tuple[filters.DateFilter, filters.DateFilter]:
    return (
        filters.DateFilter(
            field_name="published_at",
            help_text="Published on or after this day (ISO date, UTC), e.g. 2021-03-01.",
        ),
        filters.DateFilter(
            field_name="published_at",
            help_text="Published on or before this day (ISO date, UTC), e.g. 2021-03-31.",
        ),
    )


class OutletField(forms.CharField):
    """An outlet by id, name, alias or domain: `7`, `The Hankyoreh`, `hankyoreh`, `hani.co.kr`."""

    def clean(self, value: Any) -> Outlet | None:
        text = super().clean(value)
        if not text:
            return None
        outlet = outlet_find(text=text)
        if outlet is None:
            # The typed text as a parameter, never inside the message: django-filter
            # formats messages with `%`, and `%` in the text made that a 500.
            raise forms.ValidationError(
                "No outlet with the id, name, alias or domain %(text)s: see /api/outlets/.",
                params={"text": repr(text)},
            )
        return outlet


class OutletFilter(filters.Filter):
    field_class = OutletField


def _outlet_filter() -> OutletFilter:
    return OutletFilter(
        max_length=300,
        help_text="Outlet id, name, alias or web domain: `3`, `The Hankyoreh`, `hani.co.kr`.",
    )


class SelectorFilterSet(filters.FilterSet):
    """A FilterSet whose query is built by a selector from all the cleaned values at once."""

    def cleaned(self) -> dict[str, Any]:
        return {k: (None if v in ("", None) else v) for k, v in self.form.cleaned_data.items()}


class QuoteFilter(SelectorFilterSet):
    """The filters of `GET /api/quotes/`; subclasses serve other kinds of statements."""

    kinds: tuple[str, ...] = DIRECT_KINDS

    q = filters.CharFilter(
        field_name="text",
        max_length=MAX_SEARCH_LENGTH,
        help_text='Full-text search in web-search syntax: words, "exact phrase", OR, -exclusion. '
        "English stemming: `talks` finds `talk`. Ranked by relevance among the "
        f"{RANK_WINDOW} most recent matches unless another `ordering` is asked for.",
    )
    speaker = filters.ModelChoiceFilter(
        queryset=Speaker.objects.only("id"), help_text="Speaker id."
    )
    speaker_name = filters.CharFilter(
        field_name="speaker__name",
        max_length=300,
        help_text="Speaker's name or an alias, whole or any of its words in any order, titles "
        "aside; case, accents, hyphens, spacing and middle initials do not matter: `wi seong "
        "rak`, `Seong-rak Wi`, `Wi` and `President Wi` all find `Wi Seong-rak`.",
    )
    speaker_kind = filters.ChoiceFilter(field_name="speaker__kind", choices=SpeakerKind.choices)
    outlet = _outlet_filter()
    article = filters.ModelChoiceFilter(
        queryset=Article.objects.only("id"), help_text="Article id."
    )
    status = filters.ChoiceFilter(choices=QuoteStatus.choices)
    published_after, published_before = _published_filters()
    ordering = filters.ChoiceFilter(
        choices=[
            (RELEVANCE, "relevance (with q; the default when searching)"),
            (NEWEST_FIRST, "newest first (the default)"),
            (OLDEST_FIRST, "oldest first"),
        ],
        help_text="`relevance` needs `q` (without it, newest first); dates order every match.",
    )

    class Meta:
        model = Quote
        fields: list[str] = []
        form = PublishedRangeForm

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Quote]:
        values = self.cleaned()
        ordering = values.pop("ordering")
        return quote_list(filters=self._filters(values), ordering=ordering)

    def quote_filters(self) -> QuoteFilters:
        values = self.cleaned()
        values.pop("ordering")
        return self._filters(values)

    def _filters(self, values: dict[str, Any]) -> QuoteFilters:
        return QuoteFilters(kinds=self.kinds, **values)


class ClaimFilter(QuoteFilter):
    """`GET /api/claims/`: the same filters, over claims in reported speech."""

    kinds = CLAIM_KINDS


class StatementFilter(QuoteFilter):
    """`GET /api/statements/`: quotes and claims together, `kind` choosing among them."""

    kinds = ALL_KINDS

    kind = filters.ChoiceFilter(
        choices=[
            ("quote", "quote: direct quotes (full, partial, continuation)"),
            ("claim", "claim: claims in reported speech (indirect)"),
            *((kind, kind) for kind in ALL_KINDS),
        ],
        help_text="`quote` (direct quotes: full, partial, continuation), `claim` (reported "
        "speech: indirect), or one exact kind. Without it: every statement.",
    )

    def _filters(self, values: dict[str, Any]) -> QuoteFilters:
        kind = values.pop("kind", None)
        kinds = STATEMENT_KIND_GROUPS[kind] if kind else ALL_KINDS
        return QuoteFilters(kinds=kinds, **values)


class SpeakerFilter(SelectorFilterSet):
    name = filters.CharFilter(
        max_length=300,
        help_text="Name or alias, whole or any of its words in any order; case, accents, "
        "hyphens and spacing do not matter.",
    )
    kind = filters.ChoiceFilter(choices=SpeakerKind.choices)

    class Meta:
        model = Speaker
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Speaker]:
        return speaker_list(**self.cleaned())


class ArticleFilter(SelectorFilterSet):
    outlet = _outlet_filter()
    published_after, published_before = _published_filters()

    class Meta:
        model = Article
        fields: list[str] = []
        form = PublishedRangeForm

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Article]:
        return article_list(**self.cleaned())
