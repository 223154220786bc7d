"""The query strings of the pages: validated, so bad input gets a message, never a 500."""

import datetime
from typing import Any

from django import forms

from config.api.guards import text_problem
from quotes.models import CLAIM_KINDS, DIRECT_KINDS, QuoteStatus
from quotes.selectors import NEWEST_FIRST, OLDEST_FIRST, RELEVANCE, QuoteFilters
from sources.models import Outlet

MAX_SEARCH_LENGTH = 500
PAGE_SIZE = 20
MAX_PAGES = 50  # offsets stay cheap; past 1,000 results a filter is the better tool

QUOTES, CLAIMS, ALL_KINDS = "quotes", "claims", "all"
KIND_VALUES: dict[str, tuple[str, ...]] = {
    QUOTES: DIRECT_KINDS,
    CLAIMS: CLAIM_KINDS,
    ALL_KINDS: (*DIRECT_KINDS, *CLAIM_KINDS),
}


def _no_bad_text(value: str) -> None:
    problem = text_problem(value)
    if problem:
        raise forms.ValidationError(f"This field {problem}")


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGES, required=False)

    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1


class WithinSpeakerForm(PageForm):
    """Search inside one speaker's statements."""

    q = forms.CharField(
        label="Search their statements",
        max_length=MAX_SEARCH_LENGTH,
        required=False,
        validators=[_no_bad_text],
    )


class SearchForm(PageForm):
    q = forms.CharField(
        label="Words or phrase",
        max_length=MAX_SEARCH_LENGTH,
        required=False,
        validators=[_no_bad_text],
        help_text='"exact phrase", OR, -word',
    )
    speaker = forms.CharField(
        label="Speaker",
        max_length=300,
        required=False,
        validators=[_no_bad_text],
        help_text="Any spelling, any part of the name",
    )
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.order_by("name", "id").only("id", "name"),
        required=False,
        empty_label="Any outlet",
    )
    start = forms.DateField(label="From", required=False, widget=forms.DateInput({"type": "date"}))
    end = forms.DateField(label="To", required=False, widget=forms.DateInput({"type": "date"}))
    kind = forms.ChoiceField(
        label="Show",
        choices=[(QUOTES, "Quotes"), (CLAIMS, "Claims (reported speech)"), (ALL_KINDS, "Both")],
        required=False,
    )
    verified = forms.BooleanField(label="Verified by staff only", required=False)
    sort = forms.ChoiceField(
        label="Order",
        choices=[
            ("", "Most relevant (newest without words)"),
            (NEWEST_FIRST, "Newest first"),
            (OLDEST_FIRST, "Oldest first"),
        ],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "The end date is before the start date.")
        for name in ("start", "end"):
            day: datetime.date | None = data.get(name)
            if day is not None and not 1 <= day.year <= 9998:
                self.add_error(name, "Pick a date between the years 1 and 9998.")
        return data

    def is_blank(self) -> bool:
        """Nothing asked for: the page shows recent verified quotes."""
        asked = ("q", "speaker", "outlet", "start", "end", "verified")
        return not any(self.cleaned_data.get(name) for name in asked)

    def quote_filters(self) -> QuoteFilters:
        data = self.cleaned_data
        return QuoteFilters(
            q=data.get("q") or None,
            speaker_name=data.get("speaker") or None,
            outlet=data.get("outlet"),
            status=QuoteStatus.VERIFIED if data.get("verified") else None,
            published_after=data.get("start"),
            published_before=data.get("end"),
            kinds=KIND_VALUES[data.get("kind") or QUOTES],
        )

    def ordering(self) -> str:
        default = RELEVANCE if self.cleaned_data.get("q") else NEWEST_FIRST
        return self.cleaned_data.get("sort") or default
