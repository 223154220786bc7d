"""Atomic request counting: one upsert a request, in windows from a client's first hit."""

import datetime
import random
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone

from access.models import ThrottleWindow

PRUNE_CHANCE = 0.001  # one request in a thousand deletes windows over a day old
PRUNE_AFTER = datetime.timedelta(days=1)

_COUNT_HIT_SQL = f"""
INSERT INTO {ThrottleWindow._meta.db_table} AS w (key, started_at, hits)
VALUES (%(key)s, %(now)s, 1)
ON CONFLICT (key) DO UPDATE SET
    started_at = CASE WHEN w.started_at <= %(expired)s THEN %(now)s ELSE w.started_at END,
    hits = CASE WHEN w.started_at <= %(expired)s THEN 1 ELSE w.hits + 1 END
RETURNING hits, started_at
"""


@dataclass(frozen=True)
class Window:
    hits: int  # requests in this window, this one included
    started_at: datetime.datetime


def count_hit(*, key: str, duration: float) -> Window:
    """Count one request of `key` in its current window of `duration` seconds."""
    now = timezone.now()
    expired = now - datetime.timedelta(seconds=duration)
    with connection.cursor() as cursor:
        cursor.execute(_COUNT_HIT_SQL, {"key": key, "now": now, "expired": expired})
        hits, started_at = cursor.fetchone()
    if random.random() < PRUNE_CHANCE:  # not security: spreads a cleanup over requests
        windows_prune(before=now - PRUNE_AFTER)
    return Window(hits=hits, started_at=started_at)


def windows_prune(*, before: datetime.datetime) -> int:
    deleted, _ = ThrottleWindow.objects.filter(started_at__lt=before).delete()
    return deleted
