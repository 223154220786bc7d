"""POST /api/articles/batch/ (many articles, answered 202 with a job) and GET /api/jobs/{id}/.

The batch is checked item by item before anything is queued: a bad item is named in a 400 and
none of it is stored; the good items of the same request still become a job (its link is in
the same answer). Without a broker the job runs in the request (Celery's eager mode) and is
done when the answer comes; with one, workers on any machine run it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from access.permissions import CanIngestArticles, may_replace_articles
from config.api.guards import loads_checked, read_limited
from config.api.schema import ERROR_RESPONSES, ErrorSerializer
from config.api.views import GuardedAPIView
from jobs.models import Job, JobKind
from jobs.selectors import job_get, job_status
from jobs.serializers import JobSerializer
from jobs.services import article_item, job_create, job_sent
from jobs.tasks import ingest_batch
from quotes.serializers import ArticleIngestSerializer
from sources.services import ArticleInput

MAX_BATCH_ITEMS = 1000
TASK_ARTICLES = 50


def _batch_limit() -> int:
    return int(getattr(settings, "MAX_BATCH_BYTES", 16 * 1024 * 1024))


def _read_limited(stream: Any, parser_context: Mapping[str, Any] | None) -> str:
    """The body as text, refused with 413 past MAX_BATCH_BYTES."""
    return read_limited(stream, parser_context, limit=_batch_limit())


class BatchJSONParser(BaseParser):
    """A JSON array of articles, with the API's guards and the batch size limit."""

    media_type = "application/json"
    renderer_class = JSONRenderer

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        return loads_checked(_read_limited(stream, parser_context))


class BadLine:
    """A JSON Lines line that is not JSON: an item of the batch that fails on its own."""

    def __init__(self, message: str) -> None:
        self.message = message


class JSONLinesParser(BaseParser):
    """One article per line (JSON Lines); blank lines are skipped."""

    media_type = "application/x-ndjson"

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        items: list[Any] = []
        for line in _read_limited(stream, parser_context).splitlines():
            if not line.strip():
                continue
            try:
                items.append(loads_checked(line))
            except (ParseError, ValidationError) as error:
                items.append(BadLine(str(error.detail)))
        return items


class JSONLParser(JSONLinesParser):
    media_type = "application/jsonl"


BATCH_RESPONSES: dict[int, Any] = {
    202: OpenApiResponse(JobSerializer, description="Accepted: the job that stores them."),
    400: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description='Bad input: `{"detail": ...}` when the batch itself is bad (not a list, '
        'empty, too many articles: nothing queued), or `{"detail": ..., "errors": '
        '{"<position>": {"<field>": [...]}}, "job": <job or null>}` when some articles are '
        "bad: none of those is stored, the others are queued as `job`.",
    ),
    401: OpenApiResponse(description="No or bad token."),
    403: OpenApiResponse(description="Not allowed."),
    413: OpenApiResponse(ErrorSerializer, description="Body over MAX_BATCH_BYTES."),
    415: OpenApiResponse(ErrorSerializer, description="Not JSON or JSON Lines."),
    429: ERROR_RESPONSES[429],
}


class ArticleBatchView(GuardedAPIView):
    permission_classes = [IsAuthenticated, CanIngestArticles]
    parser_classes = [BatchJSONParser, JSONLinesParser, JSONLParser]
    serializer_class = JobSerializer
    queryset = Job.objects.none()

    @extend_schema(
        summary="Ingest many articles (answered 202 with a job)",
        description=f"A JSON array of articles, or JSON Lines (`application/x-ndjson` or "
        f"`application/jsonl`, one article per line), each as for POST /api/articles/; at "
        f"most {MAX_BATCH_ITEMS} articles and MAX_BATCH_BYTES (16 MiB by default). Answers "
        "202 with a job to follow at GET /api/jobs/{id}/. The same article twice is stored "
        "once. Needs `Authorization: Token <key>` of an account with `sources.add_article`; an "
        "article that would give a stored URL a new text fails (named in the job's results) "
        "unless the account also has `sources.change_article`, as for POST /api/articles/.",
        request={
            "application/json": ArticleIngestSerializer(many=True),
            "application/x-ndjson": OpenApiTypes.STR,
            "application/jsonl": OpenApiTypes.STR,
        },
        responses=BATCH_RESPONSES,
    )
    def post(self, request: Request) -> Response:
        items = _batch_items(request.data)
        good, errors = _checked(items)
        job = _queue(good, user=request.user, may_replace=may_replace_articles(request))
        data = (
            JobSerializer(job_status(job=job), context={"request": request}).data if job else None
        )
        headers = {"Location": data["url"]} if data else {}
        if errors:
            detail = f"{len(errors)} of {len(items)} articles are invalid and were not stored"
            detail += f"; the other {len(good)} are job {job.pk}." if job else "."
            body = {"detail": detail, "errors": errors, "job": data}
            return Response(body, status=status.HTTP_400_BAD_REQUEST, headers=headers)
        return Response(data, status=status.HTTP_202_ACCEPTED, headers=headers)


def _batch_items(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise ValidationError({"detail": "Send a JSON array of articles, or JSON Lines."})
    if not data:
        raise ValidationError({"detail": "The batch is empty."})
    if len(data) > MAX_BATCH_ITEMS:
        raise ValidationError(
            {"detail": f"At most {MAX_BATCH_ITEMS} articles a request ({len(data)} sent)."}
        )
    return data


def _checked(items: list[Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Task items of the valid articles, and the errors of the others by position."""
    good: list[dict[str, Any]] = []
    errors: dict[str, Any] = {}
    for position, item in enumerate(items):
        if isinstance(item, BadLine):
            errors[str(position)] = {"non_field_errors": [item.message]}
            continue
        serializer = ArticleIngestSerializer(data=item)
        if not isinstance(item, dict):
            errors[str(position)] = {"non_field_errors": ["Each article is a JSON object."]}
        elif serializer.is_valid():
            article = ArticleInput(**serializer.validated_data)
            good.append(article_item(article, source=str(position)))
        else:
            errors[str(position)] = serializer.errors
    return good, errors


def _queue(items: list[dict[str, Any]], *, user: Any, may_replace: bool) -> Job | None:
    if not items:
        return None
    job = job_create(kind=JobKind.INGEST, created_by=user, may_replace=may_replace)
    chunks = [items[start : start + TASK_ARTICLES] for start in range(0, len(items), TASK_ARTICLES)]
    job_sent(job=job, total=len(items), batches=len(chunks))
    for index, chunk in enumerate(chunks):
        ingest_batch.apply_async(args=(str(job.pk), index, chunk))
    return job


class JobDetailView(GuardedAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = JobSerializer
    queryset = Job.objects.none()

    @extend_schema(
        summary="A job: progress, the result of each article, its end",
        description="Visible to the client that created it (and staff). Needs "
        "`Authorization: Token <key>`.",
        responses={
            200: JobSerializer,
            401: OpenApiResponse(description="No or bad token."),
            403: OpenApiResponse(description="Not allowed."),
            404: ERROR_RESPONSES[404],
            429: ERROR_RESPONSES[429],
        },
    )
    def get(self, request: Request, job_id: uuid.UUID) -> Response:
        job = job_get(job_id=job_id, user=request.user)
        return Response(_job_data(job, request))


def _job_data(job: Job, request: Request) -> Any:
    return JobSerializer(job_status(job=job), context={"request": request}).data
