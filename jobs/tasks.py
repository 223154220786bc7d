"""Celery tasks: a batch of articles to ingest, a batch of stored articles to re-extract.

Both are idempotent (jobs.services runs a batch exactly once), acknowledged late and given
back to the broker when their worker dies (settings: CELERY_TASK_ACKS_LATE,
CELERY_TASK_REJECT_ON_WORKER_LOST), retried with exponential backoff when the database fails,
and bounded: at most MAX_BATCH_ARTICLES articles and CELERY_TASK_TIME_LIMIT seconds each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from jobs.services import job_batch_fail, job_batch_ingest, job_batch_reextract

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
    try:
        work()
    except SoftTimeLimitExceeded:
        # Doing it again would take as long: its articles fail, named, and the job goes on.
        reason = f"the batch took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} s"
        job_batch_fail(job_id=job_id, index=index, sources=sources, reason=reason)
    except (OperationalError, InterfaceError) as error:
        connection.close()  # the next attempt opens a fresh connection
        retries = task.request.retries or 0
        if retries >= MAX_RETRIES:
            reason = f"database error after {retries} retries: {str(error).strip()[:200]}"
            job_batch_fail(job_id=job_id, index=index, sources=sources, reason=reason)
            return
        raise task.retry(exc=error, countdown=min(RETRY_BACKOFF_MAX_S, 2**retries)) from error
