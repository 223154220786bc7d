"""Throttles: anonymous clients by address, signed-in clients by account, never both.

The counts live in PostgreSQL (access.counters): one atomic upsert a request, shared by every
web process, exact under any concurrency. DRF's stock throttles keep a history list in the
cache and write it back after reading it, so concurrent requests overwrite each other's hits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from access.counters import count_hit

if TYPE_CHECKING:  # rest_framework.views imports this module through settings
    from rest_framework.request import Request
    from rest_framework.views import APIView


class AtomicRateThrottle(SimpleRateThrottle):
    """A fixed window of `duration` seconds from a client's first request, counted atomically."""

    num_requests: int
    duration: int
    remaining: float

    def allow_request(self, request: Request, view: APIView) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        window = count_hit(key=self.key, duration=self.duration)
        elapsed = (timezone.now() - window.started_at).total_seconds()
        self.remaining = max(self.duration - elapsed, 1.0)
        return window.hits <= self.num_requests

    def wait(self) -> float | None:
        return self.remaining


class AnonymousRateThrottle(AtomicRateThrottle, AnonRateThrottle):
    """Clients that are not signed in, by address (X-Forwarded-For only behind NUM_PROXIES)."""


class SignedInRateThrottle(AtomicRateThrottle, UserRateThrottle):
    """DRF's user throttle also counts anonymous clients by address, which the anonymous
    throttle already does: counting them twice doubled the work of every request."""

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)
