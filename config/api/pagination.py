"""Opaque `cursor` pagination whose cost does not grow with the page number."""

import base64
import binascii
import json
from typing import Any, cast

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Field, Model
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from config.api.guards import text_problem
from config.keyset import MAX_DB_ID, keyset_rows, ordering_names


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
            values = (
                None if payload is None else payload_values(queryset.model, self.ordering, payload)
            )
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
