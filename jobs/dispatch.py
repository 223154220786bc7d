"""Send a job's batches to the workers and follow it to its end (the commands' side).

Sending is paced: at most MAX_IN_FLIGHT batches wait in the broker at a time, so a job of
millions of articles holds a bounded amount of broker memory and the progress bar moves from
the start.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from celery import Task
from django.db.models import Count, Sum

from jobs.models import Job, JobBatch
from jobs.services import Result, job_sent

MAX_IN_FLIGHT = 64
POLL_S = 0.25


def job_run(
    *,
    job: Job,
    task: Task[Any, Any],
    batches: Iterable[tuple[Any, ...]],
    on_progress: Callable[[int], None],
) -> None:
    """Send every batch (its first argument is the list of its items), then wait for all."""
    sent = articles = 0
    for args in batches:
        while sent - job_progress(job=job)[0] >= MAX_IN_FLIGHT:
            on_progress(job_progress(job=job)[1])
            time.sleep(POLL_S)
        task.apply_async(args=(str(job.id), sent, *args))
        sent, articles = sent + 1, articles + len(args[0])
    job_sent(job=job, total=articles, batches=sent)
    while (progress := job_progress(job=job))[0] < sent:
        on_progress(progress[1])
        time.sleep(POLL_S)
    on_progress(progress[1])


def job_progress(*, job: Job) -> tuple[int, int]:
    """Batches done and articles done."""
    done = JobBatch.objects.filter(job=job).aggregate(batches=Count("id"), articles=Sum("size"))
    return done["batches"], done["articles"] or 0


def job_results(*, job: Job) -> Iterator[Result]:
    """The result of every article of the job, in the order sent."""
    for results in (
        JobBatch.objects.filter(job=job)
        .order_by("index")
        .values_list("results", flat=True)
        .iterator(chunk_size=100)
    ):
        yield from results
