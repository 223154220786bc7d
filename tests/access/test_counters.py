"""Throttle windows: counted per client, and the stale ones pruned now and then by a request."""

import datetime

import pytest
from django.utils import timezone

from access.counters import count_hit
from access.models import ThrottleWindow

pytestmark = pytest.mark.django_db


def test_a_request_that_draws_the_prune_deletes_windows_over_a_day_old(monkeypatch):
    monkeypatch.setattr("access.counters.PRUNE_CHANCE", 1.0)
    now = timezone.now()
    ThrottleWindow.objects.create(key="anon_198.51.100.7", started_at=now, hits=3)
    ThrottleWindow.objects.create(
        key="anon_198.51.100.8", started_at=now - datetime.timedelta(days=2), hits=9
    )
    window = count_hit(key="anon_198.51.100.9", duration=60)
    assert window.hits == 1
    kept = set(ThrottleWindow.objects.values_list("key", flat=True))
    assert kept == {"anon_198.51.100.7", "anon_198.51.100.9"}


def test_without_the_draw_stale_windows_stay_and_hits_keep_counting():
    stale = timezone.now() - datetime.timedelta(days=2)
    ThrottleWindow.objects.create(key="anon_198.51.100.8", started_at=stale, hits=9)
    assert [count_hit(key="anon_198.51.100.9", duration=60).hits for _ in range(3)] == [1, 2, 3]
    assert ThrottleWindow.objects.filter(key="anon_198.51.100.8").exists()
