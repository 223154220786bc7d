"""Claims and all statements under /api/: the quote endpoints' machinery over other kinds.

`GET /api/quotes/` keeps serving direct quotes only (newsroom tools rely on it). Claims in
reported speech (kind `indirect`) are served at `/api/claims/`, and quotes and claims together
at `/api/statements/` with a `kind` filter; each with the same filters, search, cursor paging,
detail and exports as the quotes, through the same views, filters and selectors.
"""

from typing import Any

from django.http import StreamingHttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from config.api.schema import responses
from quotes.api import (
    QuoteCSVExportView,
    QuoteDetailView,
    QuoteJSONLExportView,
    QuoteListView,
    export_description,
    export_schema,
)
from quotes.filters import ClaimFilter, StatementFilter
from quotes.models import CLAIM_KINDS, Quote
from quotes.selectors import ALL_KINDS, STATEMENT_EXPORT_COLUMNS, claim_fragments
from quotes.serializers import StatementDetailSerializer, StatementSerializer

CLAIMS = (
    "Claims are statements in reported speech (kind `indirect`): `text`, `start` and `end` are "
    "the reported clause (`Moon said he will push for talks` gives `he will push for talks`), "
    "without the cue and the speaker. "
)


class StatementListMixin(QuoteListView):
    serializer_class = StatementSerializer

    def page_data(self, page: Any) -> Any:
        context = {"fragments": claim_fragments(page)}
        return StatementSerializer(page, many=True, context=context).data


class ClaimListView(StatementListMixin):
    filterset_class = ClaimFilter

    @extend_schema(
        summary="Search and list claims",
        description=CLAIMS + "Same filters, search, ordering and cursor paging as "
        "`GET /api/quotes/`; newest first, or by relevance with `q`.",
        responses=responses(StatementSerializer(many=True)),
    )
    def get(self, request: Request) -> Response:
        return self.page_response()


class StatementListView(StatementListMixin):
    filterset_class = StatementFilter

    @extend_schema(
        summary="Search and list statements: quotes and claims",
        description="Direct quotes and claims in reported speech together; `kind=quote` or "
        "`kind=claim` (or one exact kind) narrows them. " + CLAIMS + "Same filters, search, "
        "ordering and cursor paging as `GET /api/quotes/`.",
        responses=responses(StatementSerializer(many=True)),
    )
    def get(self, request: Request) -> Response:
        return self.page_response()


class StatementDetailMixin(QuoteDetailView):
    serializer_class = StatementDetailSerializer

    def statement_context(self, quote: Quote) -> dict[str, Any]:
        return {**super().statement_context(quote), "fragments": claim_fragments([quote])}


class ClaimDetailView(StatementDetailMixin):
    kinds = CLAIM_KINDS

    @extend_schema(
        summary="A claim in its context",
        description=CLAIMS + "With the sentences around it and the quotes inside it.",
        responses=responses(StatementDetailSerializer),
    )
    def get(self, request: Request, pk: int) -> Response:
        return super().get(request, pk)


class StatementDetailView(StatementDetailMixin):
    kinds = ALL_KINDS

    @extend_schema(
        summary="A quote or a claim in its context",
        responses=responses(StatementDetailSerializer),
    )
    def get(self, request: Request, pk: int) -> Response:
        return super().get(request, pk)


def _export(noun: str, media_type: str, summary: str) -> Any:
    """The OpenAPI description of an export of `noun`s, beside the list at /api/<noun>s/."""
    description = export_description(
        noun=noun, list_path=f"/api/{noun}s/", columns=STATEMENT_EXPORT_COLUMNS
    )
    return export_schema(media_type, summary, description)


class ClaimCSVExportView(QuoteCSVExportView):
    filterset_class = ClaimFilter
    filename = "claims"
    columns = STATEMENT_EXPORT_COLUMNS

    @_export("claim", "text/csv", "Export claims as CSV")
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)


class ClaimJSONLExportView(QuoteJSONLExportView):
    filterset_class = ClaimFilter
    filename = "claims"
    columns = STATEMENT_EXPORT_COLUMNS

    @_export("claim", "application/x-ndjson", "Export claims as JSON Lines")
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)


class StatementCSVExportView(QuoteCSVExportView):
    filterset_class = StatementFilter
    filename = "statements"
    columns = STATEMENT_EXPORT_COLUMNS

    @_export("statement", "text/csv", "Export statements (quotes and claims) as CSV")
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)


class StatementJSONLExportView(QuoteJSONLExportView):
    filterset_class = StatementFilter
    filename = "statements"
    columns = STATEMENT_EXPORT_COLUMNS

    @_export("statement", "application/x-ndjson", "Export statements as JSON Lines")
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)
