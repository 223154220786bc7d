"""Celery tasks: a batch of articles to ingest, a batch of stored articles to re-extract.

Both are idempotent (jobs.services runs a batch exactly once), acknowledged late and given
back to the broker when their worker dies (settings: CELERY_TASK_ACKS_LATE,
CELERY_TASK_REJECT_ON_WORKER_LOST), retried with exponential backoff when the database fails,
and bounded: at most MAX_BATCH_ARTICLES articles and CELERY_TASK_TIME_LIMIT seconds each.
A batch whose worker died JOB_BATCH_MAX_DELIVERIES times (a poison article: out of memory, a
segfault) is not run again: its articles fail, named, the message is acknowledged and the
job ends.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from typing import Any

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection

from jobs.services import (
    job_batch_delivery_end,
    job_batch_delivery_start,
    job_batch_fail,
    job_batch_give_up,
    job_batch_ingest,
    job_batch_reextract,
)

MAX_RETRIES = 8
RETRY_BACKOFF_MAX_S = 60


@shared_task(bind=True, name="jobs.ingest_batch", max_retries=MAX_RETRIES)
def ingest_batch(
    self: Task[Any, Any], job_id: str, index: int, items: list[dict[str, Any]]
) -> None:
    sources = [str(item.get("source", n)) for n, item in enumerate(items)]
    _run(
        self,
        job_id,
        index,
        sources,
        lambda: job_batch_ingest(job_id=job_id, index=index, items=items),
    )


@shared_task(bind=True, name="jobs.reextract_batch", max_retries=MAX_RETRIES)
def reextract_batch(
    self: Task[Any, Any], job_id: str, index: int, article_ids: list[int], everything: bool
) -> None:
    sources = [str(pk) for pk in article_ids]
    _run(
        self,
        job_id,
        index,
        sources,
        lambda: job_batch_reextract(
            job_id=job_id, index=index, article_ids=article_ids, everything=everything
        ),
    )


def _run(
    task: Task[Any, Any], job_id: str, index: int, sources: Sequence[str], work: Callable[[], None]
) -> None:
    attempt = task.request.retries or 0
    while True:
        counted = False
        try:
            deliveries = job_batch_delivery_start(job_id=job_id, index=index)
            counted = True
            if deliveries > settings.JOB_BATCH_MAX_DELIVERIES:
                died = deliveries - 1  # the ones before this one
                job_batch_give_up(job_id=job_id, index=index, sources=sources, deliveries=died)
                return
            work()
            return
        except SoftTimeLimitExceeded:
            # Doing it again would take as long: its articles fail, named, and the job goes on.
            reason = f"the batch took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} s"
            job_batch_fail(job_id=job_id, index=index, sources=sources, reason=reason)
            return
        except (OperationalError, InterfaceError) as error:
            if not connection.in_atomic_block:
                connection.close_if_unusable_or_obsolete()  # the next attempt reconnects
            if attempt >= MAX_RETRIES:
                reason = f"database error after {attempt} retries: {str(error).strip()[:200]}"
                job_batch_fail(job_id=job_id, index=index, sources=sources, reason=reason)
                return
            delay = min(RETRY_BACKOFF_MAX_S, 2**attempt)
            if counted:
                _delivery_ended(job_id, index)  # a retry, not a death
            if not task.request.is_eager:
                raise task.retry(exc=error, countdown=delay) from error
            time.sleep(delay)  # no broker to hand the retry to: wait here
            attempt += 1


def _delivery_ended(job_id: str, index: int) -> None:
    # With the database down this delivery keeps counting: one death too many at worst.
    with contextlib.suppress(DatabaseError):
        job_batch_delivery_end(job_id=job_id, index=index)
