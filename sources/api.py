"""The API's shared plumbing (input guards, keyset pagination, error bodies) and the outlet views.

Every Whosaid endpoint derives from `GuardedAPIView`, so every request body goes through
`GuardedJSONParser` and every query string through `check_query_params`: the input that
PostgreSQL refuses (NUL characters, lone surrogates) or that breaks the parser (huge or deeply
nested bodies) is answered with a 4xx naming the field, never a 500.
"""

import base64
import binascii
import json
from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Field, Model
from django.http import Http404, HttpRequest, JsonResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from config.api_guards import (
    GuardedJSONParser,
    check_query_params,
    text_problem,
)
from sources.models import Outlet
from sources.selectors import keyset_rows, ordering_names, outlet_get, outlet_list
from sources.serializers import OutletSerializer

MAX_DB_ID = 2**63 - 1  # bigint: a larger id is simply not there (and must not reach SQL)


def check_id(value: int) -> int:
    """An id larger than any bigint names nothing: 404, before SQL refuses it."""
    if not 0 < value <= MAX_DB_ID:
        raise Http404("No object with this id.")
    return value


class GuardedAPIView(GenericAPIView):
    """The base of every Whosaid endpoint: guarded JSON bodies and query strings."""

    parser_classes = [GuardedJSONParser]

    def perform_authentication(self, request: Request) -> None:
        """A bad token is a 401, counted by the anonymous throttle like any other request
        from its address: otherwise guessing tokens would be the one thing never throttled."""
        try:
            super().perform_authentication(request)
        except (AuthenticationFailed, NotAuthenticated):
            self.check_throttles(request)  # request.user is anonymous now
            raise

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        check_query_params(request.query_params)
        self.check_known_query_params(request)
        if "pk" in kwargs:
            check_id(kwargs["pk"])

    def known_query_params(self) -> set[str]:
        """The filters, the pagination parameters and DRF's `format`: all that a view reads."""
        names = {"format"}
        filterset = getattr(self, "filterset_class", None)
        if filterset is not None:
            names |= set(filterset.base_filters)
        pagination = self.pagination_class
        if pagination is not None and issubclass(pagination, KeysetPagination):
            names |= {pagination.cursor_query_param, pagination.page_size_query_param}
        return names

    def check_known_query_params(self, request: Request) -> None:
        """A misspelt filter (`?speaker_nam=Moon`) must not quietly answer everything."""
        unknown = sorted(set(request.query_params) - self.known_query_params())
        if unknown:
            known = ", ".join(sorted(self.known_query_params() - {"format"})) or "none"
            raise ValidationError(
                {
                    name: [f"Unknown query parameter; this endpoint takes: {known}."]
                    for name in unknown
                }
            )


def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """JSON, not Django's HTML page, for unknown paths under /api/."""
    return JsonResponse({"detail": "Not found."}, status=404)


# --- Error bodies in the schema --------------------------------------------------------------

ErrorSerializer = inline_serializer(
    name="Error",
    fields={"detail": serializers.CharField(help_text="What went wrong.")},
)
ERROR_RESPONSES: dict[int, Any] = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description='Bad input: `{"detail": "..."}` or `{"<field>": ["message", ...]}`.',
    ),
    404: OpenApiResponse(ErrorSerializer, description="No such object."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: throttled."),
}


def responses(ok: Any) -> dict[int, Any]:
    """A 200 answer and the documented error answers, for extend_schema."""
    return {200: ok, **ERROR_RESPONSES}


# --- Keyset pagination ------------------------------------------------------------------------


class KeysetPagination(BasePagination):
    """Opaque `cursor` pagination whose cost does not grow with the page number.

    A queryset ordered by model fields (e.g. `-published_at, -id`, undated rows last) is
    paged by keyset: the cursor holds the last row's ordering values and the next page is
    `(a, b) < (x, y)` in SQL, one index range scan however deep (then the undated rows). A
    queryset ordered by an annotation (relevance) is a bounded window (the selector caps it)
    paged by offset inside that window.
    """

    page_size = 20
    max_page_size = 100
    max_offset = 10_000
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any]:
        self.request = request
        self.size = self.page_size_from(request)
        self.ordering = ordering_names(queryset.query.order_by)
        self.keyset = not any(f.lstrip("-") in queryset.query.annotations for f in self.ordering)
        payload = decode_cursor(request.query_params.get(self.cursor_query_param), self.ordering)
        if self.keyset:
            if payload is None:
                rows = list(queryset[: self.size + 1])
            else:
                values = payload_values(queryset.model, self.ordering, payload)
                rows = keyset_rows(queryset, self.ordering, values, self.size + 1)
            self.next_payload = self.keyset_payload(rows)
        else:
            offset = payload_offset(payload, self.max_offset)
            rows = list(queryset[offset : offset + self.size + 1])
            self.next_payload = {"o": offset + self.size} if len(rows) > self.size else None
        return rows[: self.size]

    def keyset_payload(self, rows: list[Any]) -> dict[str, Any] | None:
        if len(rows) <= self.size:
            return None
        last = rows[self.size - 1]
        values = [getattr(last, field.lstrip("-")) for field in self.ordering]
        return {"k": [v.isoformat() if hasattr(v, "isoformat") else v for v in values]}

    @classmethod
    def page_size_from(cls, request: Request) -> int:
        raw = request.query_params.get(cls.page_size_query_param)
        if raw is None:
            return cls.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= cls.max_page_size:
            raise ValidationError(
                {"page_size": [f"Must be an integer from 1 to {cls.max_page_size}."]}
            )
        return int(raw)

    def get_next_link(self) -> str | None:
        if self.next_payload is None:
            return None
        token = encode_cursor(self.next_payload, self.ordering)
        return replace_query_param(
            self.request.build_absolute_uri(), self.cursor_query_param, token
        )

    def get_paginated_response(self, data: Any) -> Response:
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "The next page, or null on the last page. A page may "
                    "hold fewer than page_size results: follow `next` until it is null.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque position from a previous page's `next` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page, 1 to {self.max_page_size} "
                f"(default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]


def invalid_cursor() -> ValidationError:
    return ValidationError({"cursor": ["Invalid cursor: use the `next` link of a page."]})


def encode_cursor(payload: dict[str, Any], ordering: list[str]) -> str:
    data = json.dumps({**payload, "by": ",".join(ordering)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def decode_cursor(token: str | None, ordering: list[str]) -> dict[str, Any] | None:
    if not token:  # absent or empty: the first page
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, binascii.Error):
        raise invalid_cursor() from None
    if not isinstance(payload, dict) or payload.get("by") != ",".join(ordering):
        raise invalid_cursor()
    return payload


def payload_offset(payload: dict[str, Any] | None, max_offset: int) -> int:
    if payload is None:
        return 0
    offset = payload.get("o")
    if type(offset) is not int or not 0 <= offset <= max_offset:
        raise invalid_cursor()
    return offset


def payload_values(model: type[Model], ordering: list[str], payload: dict[str, Any]) -> list[Any]:
    raw = payload.get("k")
    if not isinstance(raw, list) or len(raw) != len(ordering):
        raise invalid_cursor()
    values = []
    for name, value in zip(ordering, raw, strict=True):
        field = cast("Field[Any, Any]", model._meta.get_field(name.lstrip("-")))
        if value is None and not field.null:
            raise invalid_cursor()
        try:
            values.append(None if value is None else field.to_python(value))
        except (DjangoValidationError, TypeError, ValueError, OverflowError):
            raise invalid_cursor() from None
        if isinstance(values[-1], int) and not -MAX_DB_ID <= values[-1] <= MAX_DB_ID:
            raise invalid_cursor()
        if isinstance(values[-1], str) and text_problem(values[-1]):
            raise invalid_cursor()
    return values


# --- Outlets ------------------------------------------------------------------------------------


class OutletListView(GuardedAPIView):
    serializer_class = OutletSerializer
    pagination_class = KeysetPagination
    queryset = Outlet.objects.none()

    @extend_schema(summary="List outlets", responses=responses(OutletSerializer(many=True)))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(outlet_list())
        return self.get_paginated_response(OutletSerializer(page, many=True).data)


class OutletDetailView(GuardedAPIView):
    serializer_class = OutletSerializer
    queryset = Outlet.objects.none()

    @extend_schema(summary="An outlet", responses=responses(OutletSerializer))
    def get(self, request: Request, pk: int) -> Response:
        return Response(OutletSerializer(outlet_get(outlet_id=pk)).data)
