"""Throttles: anonymous clients by address, signed-in clients by account, never both."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.throttling import UserRateThrottle

if TYPE_CHECKING:  # rest_framework.views imports this module through settings
    from rest_framework.request import Request
    from rest_framework.views import APIView


class SignedInRateThrottle(UserRateThrottle):
    """DRF's user throttle also counts anonymous clients by address, which the anonymous
    throttle already does: counting them twice doubled the cache work of every request."""

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
