"""The error bodies every endpoint documents in the OpenAPI schema."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

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
