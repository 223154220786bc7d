"""Quote, speaker and article endpoints under /api/ (thin: selectors read, services write)."""

import csv
import io
import json
import logging
from collections.abc import Iterator
from typing import Any

from django.db import IntegrityError
from django.http import StreamingHttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from access.permissions import CanIngestArticles, may_replace_articles
from config.api.pagination import KeysetPagination
from config.api.schema import ERROR_RESPONSES, ErrorSerializer, responses
from config.api.views import GuardedAPIView
from quotes.filters import ArticleFilter, QuoteFilter, SpeakerFilter
from quotes.models import CLAIM_KINDS, DIRECT_KINDS, Quote, Speaker
from quotes.selectors import (
    EXPORT_COLUMNS,
    article_quotes,
    quote_context_range,
    quote_export_rows,
    quote_get,
    speaker_get,
    speaker_stats,
)
from quotes.serializers import (
    ArticleDetailSerializer,
    ArticleIngestSerializer,
    ExtractInputSerializer,
    ExtractionSerializer,
    QuoteDetailSerializer,
    QuoteSerializer,
    SpeakerDetailSerializer,
    SpeakerSerializer,
)
from quotes.services import IngestError, article_ingest, text_extract
from sources.models import Article
from sources.selectors import article_get, sentence_texts
from sources.serializers import ArticleSummarySerializer
from sources.services import ArticleReplaceRefused

logger = logging.getLogger(__name__)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The database refused this article as it stands; nothing was stored."
    default_code = "conflict"


# --- Quotes -----------------------------------------------------------------------------------


class QuoteListView(GuardedAPIView):
    queryset = Quote.objects.none()
    serializer_class = QuoteSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = QuoteFilter
    pagination_class = KeysetPagination

    @extend_schema(
        summary="Search and list quotes",
        description="Newest first, or by relevance with `q`. Follow `next` to page on; "
        "the number of database queries does not depend on the page size.",
        responses=responses(QuoteSerializer(many=True)),
    )
    def get(self, request: Request) -> Response:
        return self.page_response()

    def page_response(self) -> Response:
        """The page of the filterset's kinds (direct quotes here; claims in subclasses)."""
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.page_data(page))

    def page_data(self, page: Any) -> Any:
        return QuoteSerializer(page, many=True).data


class QuoteDetailView(GuardedAPIView):
    queryset = Quote.objects.none()
    serializer_class = QuoteDetailSerializer
    kinds: tuple[str, ...] = DIRECT_KINDS

    @extend_schema(summary="A quote in its context", responses=responses(QuoteDetailSerializer))
    def get(self, request: Request, pk: int) -> Response:
        quote = quote_get(quote_id=pk, kinds=self.kinds)
        context = {**self.get_serializer_context(), **self.statement_context(quote)}
        return Response(self.get_serializer_class()(quote, context=context).data)

    def statement_context(self, quote: Quote) -> dict[str, Any]:
        """What the serializer shows besides the quote: the sentences around it."""
        first, last = quote_context_range(quote)
        return {"sentences": sentence_texts(article=quote.article, first=first, last=last)}


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Exports stream their own format; errors are JSON whatever the Accept header says."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: Any, format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return renderers[0], renderers[0].media_type


class QuoteExportView(GuardedAPIView):
    """Base of the exports: the list's filters, every match, newest first, streamed."""

    queryset = Quote.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = QuoteFilter
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnlyNegotiation
    content_type = ""
    extension = ""
    filename = "quotes"
    columns: tuple[str, ...] = EXPORT_COLUMNS

    def known_query_params(self) -> set[str]:
        # A list's query string works as it is: its page parameters are accepted and ignored.
        pages = KeysetPagination
        return super().known_query_params() | {
            pages.cursor_query_param,
            pages.page_size_query_param,
        }

    def get(self, request: Request) -> StreamingHttpResponse:
        filterset = self.filterset_class(request.query_params, queryset=self.get_queryset())
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        rows = quote_export_rows(filters=filterset.quote_filters(), columns=self.columns)
        response = StreamingHttpResponse(self.lines(rows), content_type=self.content_type)
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.{self.extension}"'
        return response

    @property
    def header(self) -> list[str]:
        return export_header(self.columns)

    def lines(self, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
        raise NotImplementedError


def export_header(columns: tuple[str, ...]) -> list[str]:
    return [column.replace("__", "_") for column in columns]


EXPORT_HEADER = export_header(EXPORT_COLUMNS)


def export_description(
    *, noun: str = "quote", list_path: str = "/api/quotes/", columns: tuple[str, ...]
) -> str:
    return (
        f"Every {noun} matching the same filters as `GET {list_path}`, newest first (also "
        "with `q`), streamed: rows are read in keyset batches, so memory stays flat. Columns: "
        f"{', '.join(export_header(columns))}."
    )


EXPORT_DESCRIPTION = export_description(columns=EXPORT_COLUMNS)


def export_schema(media_type: str, summary: str, description: str = EXPORT_DESCRIPTION) -> Any:
    return extend_schema(
        summary=summary,
        description=description,
        filters=True,
        responses={
            (200, media_type): OpenApiResponse(OpenApiTypes.STR, description="The export."),
            **ERROR_RESPONSES,
        },
    )


def _cell(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(value: Any) -> Any:
    """A quote starting with = or + would run as a formula in a spreadsheet: prefix a '."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class QuoteCSVExportView(QuoteExportView):
    content_type = "text/csv; charset=utf-8"
    extension = "csv"

    @export_schema("text/csv", "Export quotes as CSV")
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)

    def lines(self, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.header)
        for row in rows:
            writer.writerow([_spreadsheet_safe(_cell(row[column])) for column in self.columns])
            if buffer.tell() > 64 * 1024:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()


class QuoteJSONLExportView(QuoteExportView):
    content_type = "application/x-ndjson; charset=utf-8"
    extension = "jsonl"

    @export_schema("application/x-ndjson", "Export quotes as JSON Lines")
    def get(self, request: Request) -> StreamingHttpResponse:
        return super().get(request)

    def lines(self, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
        chunk: list[str] = []
        names = list(zip(self.header, self.columns, strict=True))
        for row in rows:
            record = {name: _cell(row[column]) for name, column in names}
            chunk.append(json.dumps(record, ensure_ascii=False) + "\n")
            if len(chunk) >= 500:
                yield "".join(chunk)
                chunk.clear()
        yield "".join(chunk)


# --- Speakers ---------------------------------------------------------------------------------


class SpeakerListView(GuardedAPIView):
    queryset = Speaker.objects.none()
    serializer_class = SpeakerSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SpeakerFilter
    pagination_class = KeysetPagination

    @extend_schema(summary="List speakers", responses=responses(SpeakerSerializer(many=True)))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(SpeakerSerializer(page, many=True).data)


class SpeakerDetailView(GuardedAPIView):
    queryset = Speaker.objects.none()
    serializer_class = SpeakerDetailSerializer

    @extend_schema(
        summary="A speaker, how often, where and when quoted",
        responses=responses(SpeakerDetailSerializer),
    )
    def get(self, request: Request, pk: int) -> Response:
        speaker = speaker_get(speaker_id=pk)
        context = {"stats": speaker_stats(speaker=speaker)}
        return Response(SpeakerDetailSerializer(speaker, context=context).data)


# --- Articles ---------------------------------------------------------------------------------


def article_detail_data(article: Article) -> Any:
    context = {
        "sentences": sentence_texts(article=article),
        "quotes": list(article_quotes(article=article)),
        "claims": list(article_quotes(article=article, kinds=CLAIM_KINDS)),
    }
    return ArticleDetailSerializer(article, context=context).data


class ArticleListView(GuardedAPIView):
    queryset = Article.objects.none()
    permission_classes = [IsAuthenticatedOrReadOnly, CanIngestArticles]
    serializer_class = ArticleSummarySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter
    pagination_class = KeysetPagination

    @extend_schema(
        summary="List articles",
        responses=responses(ArticleSummarySerializer(many=True)),
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(ArticleSummarySerializer(page, many=True).data)

    @extend_schema(
        summary="Ingest an article",
        description="Cleans the text, reads its metadata, extracts its quotes and stores it. "
        "The same article twice is stored once: 201 when new, 200 with the stored article "
        "otherwise; a new text at a stored URL replaces that article (its uncurated quotes "
        "are extracted again). Needs `Authorization: Token <key>` of an account with the "
        "`sources.add_article` permission (the `newsroom` group), and `sources.change_article` "
        "to replace an article. JSON only; bodies over "
        "MAX_REQUEST_BYTES (2 MiB by default) answer 413.",
        request=ArticleIngestSerializer,
        filters=False,
        responses={
            201: ArticleDetailSerializer,
            **responses(ArticleDetailSerializer),
            401: OpenApiResponse(description="No or bad token."),
            403: OpenApiResponse(description="Not allowed."),
            409: OpenApiResponse(
                ErrorSerializer, description="Concurrent writes of this article; send it again."
            ),
            413: OpenApiResponse(description="Body too large."),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = ArticleIngestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            result = article_ingest(
                **serializer.validated_data, may_replace=may_replace_articles(request)
            )
        except ArticleReplaceRefused as refused:
            raise PermissionDenied(
                f"Article {refused.article_id} is stored at this URL with another text; "
                "replacing it needs the sources.change_article permission."
            ) from None
        except IngestError as error:
            raise ValidationError({error.field: [error.message]}) from None
        except IntegrityError:
            # Concurrent writers of the same article kept colliding after the service's
            # retries: nothing was stored; the client may simply send it again.
            logger.exception("ingest refused by the database")
            raise Conflict() from None
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(article_detail_data(result.article), status=code)


class ArticleDetailView(GuardedAPIView):
    queryset = Article.objects.none()
    serializer_class = ArticleDetailSerializer

    @extend_schema(
        summary="An article with its body, sentences and quotes",
        responses=responses(ArticleDetailSerializer),
    )
    def get(self, request: Request, pk: int) -> Response:
        return Response(article_detail_data(article_get(article_id=pk)))


class ExtractView(GuardedAPIView):
    serializer_class = ExtractInputSerializer

    @extend_schema(
        summary="Extract the quotes of a text (nothing stored)",
        request=ExtractInputSerializer,
        responses={
            **responses(ExtractionSerializer),
            401: OpenApiResponse(description="No or bad token."),
            413: OpenApiResponse(description="Body too large."),
        },
    )
    def post(self, request: Request) -> Response:
        serializer = ExtractInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(text_extract(text=serializer.validated_data["text"]).to_dict())
