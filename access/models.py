"""Request counters for throttling, kept in PostgreSQL where a hit is one atomic statement."""

from django.db import models


class ThrottleWindow(models.Model):
    """How many requests a client (`key`: scope and address or account) made since `started_at`.

    Written only by `access.counters.count_hit`, never through the ORM: the row is upserted
    and counted in one statement, so concurrent requests can neither lose a hit nor admit
    one past the limit (the database cache read a history, then wrote it back: 16 clients
    got 3x the limit through).
    """

    key = models.TextField(primary_key=True)
    started_at = models.DateTimeField()
    hits = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["started_at"], name="throttle_started_idx")]

    def __str__(self) -> str:
        return f"{self.key}: {self.hits} since {self.started_at:%Y-%m-%d %H:%M:%S}"
