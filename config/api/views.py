"""`GuardedAPIView`, the base of every Whosaid endpoint: guarded JSON bodies and query strings.

Every request body goes through `GuardedJSONParser` and every query string through
`check_query_params`: the input that PostgreSQL refuses (NUL characters, lone surrogates) or
that breaks the parser (huge or deeply nested bodies) is answered with a 4xx naming the
field, never a 500.
"""

from typing import Any

from django.http import Http404, HttpRequest, JsonResponse
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request

from config.api.guards import GuardedJSONParser, check_query_params
from config.api.pagination import KeysetPagination
from config.keyset import MAX_DB_ID


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
