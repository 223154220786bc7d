"""Input guards for every API request: what PostgreSQL refuses (NUL characters, lone
surrogates) or what breaks a parser (huge or deeply nested bodies) is answered with a 4xx
that names the field, never a 500.

Kept apart from the views so that settings can name the parser without an import cycle.
"""

import json
import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from rest_framework.exceptions import APIException, ParseError, ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.renderers import JSONRenderer

MAX_JSON_DEPTH = 32
MAX_QUERY_VALUE_LENGTH = 1000
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


# --------------------------------------------------------------------------


class PayloadTooLarge(APIException):
    status_code = 413
    default_detail = "Request body too large."
    default_code = "payload_too_large"


def text_problem(value: str) -> str | None:
    """Why PostgreSQL would refuse this text, or None when it is storable."""
    if "\x00" in value:
        return "must not contain NUL characters (\\u0000)."
    if _SURROGATE_RE.search(value):
        return "must not contain lone surrogates (\\ud800-\\udfff): it is not valid Unicode."
    return None


def _escaped(text: str) -> str:
    """`text` with lone surrogates written as `\\udfff`: an error body must still encode."""
    return _SURROGATE_RE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _child_path(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    key = _escaped(key)
    return f"{path}.{key}" if path else key


def check_json_value(data: object) -> None:
    """Refuse JSON nested deeper than MAX_JSON_DEPTH or holding unstorable text anywhere."""
    stack: list[tuple[object, str, int]] = [(data, "", 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict | list) and depth > MAX_JSON_DEPTH:
            raise ParseError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels.")
        if isinstance(value, dict):
            for key, child in value.items():
                child_path = _child_path(path, key)
                if problem := text_problem(key):
                    raise ValidationError({child_path or "non_field_errors": [f"Key {problem}"]})
                stack.append((child, child_path, depth + 1))
        elif isinstance(value, list):
            stack.extend((child, _child_path(path, i), depth + 1) for i, child in enumerate(value))
        elif isinstance(value, str) and (problem := text_problem(value)):
            raise ValidationError({path or "non_field_errors": [f"Value {problem}"]})


def _strict_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


class GuardedJSONParser(BaseParser):
    """A JSON parser with the request size limit enforced (413) and the input checked.

    Not a JSONParser subclass on purpose: DRF hands those `request.body`, whose size check
    answers an HTML 400; this one reads at most limit + 1 bytes of the stream itself. Stock
    DRF also answers ~1,000 levels of nesting with a RecursionError, i.e. a 500.
    """

    media_type = "application/json"
    renderer_class = JSONRenderer

    def parse(
        self,
        stream: Any,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2 * 1024 * 1024
        return loads_checked(read_limited(stream, parser_context, limit=limit))


def read_limited(stream: Any, parser_context: Mapping[str, Any] | None, *, limit: int) -> str:
    """The body as text, refused with 413 past `limit` bytes (a declared Content-Length is
    trusted to refuse early; at most limit + 1 bytes are read) and with 400 if not UTF-8."""
    request = (parser_context or {}).get("request")
    declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
    too_large = PayloadTooLarge(f"Request body larger than {limit} bytes.")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    raw = stream.read(limit + 1) if stream is not None else b""
    if len(raw) > limit:
        raise too_large
    try:
        return str(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ParseError("JSON parse error - the body is not valid UTF-8.") from None


def loads_checked(text: str) -> Any:
    """JSON text to a value, strictly (no NaN), within MAX_JSON_DEPTH and check_json_value's
    limits, or a ParseError (a 400) that says why."""
    try:
        data = json.loads(text, parse_constant=_strict_constant)
    except RecursionError:
        raise ParseError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels.") from None
    except ValueError as error:
        raise ParseError(f"JSON parse error - {error}") from None
    check_json_value(data)
    return data


def check_query_params(query_params: Any) -> None:
    """Refuse query strings PostgreSQL cannot take (NUL, lone surrogates) or absurdly long."""
    errors: dict[str, list[str]] = {}
    for key, values in query_params.lists():
        for value in [key, *values]:
            problem = text_problem(value)
            if problem is None and len(value) > MAX_QUERY_VALUE_LENGTH:
                problem = f"must be at most {MAX_QUERY_VALUE_LENGTH} characters."
            if problem:
                name = key if text_problem(key) is None else "query"
                errors.setdefault(name, []).append(f"Query parameter {problem}")
    if errors:
        raise ValidationError(errors)
