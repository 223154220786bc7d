"""Reads for jobs: progress, counts and results, summed in the database."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, Max, Sum
from django.http import Http404

from jobs.models import Job, JobBatch
from jobs.services import Result

RESULT_KINDS = ("new", "duplicate", "updated", "failed")
MAX_RESULTS_SHOWN = 1000


@dataclass(frozen=True, slots=True)
class JobStatus:
    job: Job
    done: int
    finished_at: dt.datetime | None
    counts: dict[str, int]
    results: list[Result]
    results_truncated: bool

    @property
    def state(self) -> str:
        if self.finished_at is not None:
            return "done"
        return "running" if self.done else "queued"


def job_get(*, job_id: uuid.UUID, user: Any) -> Job:
    """The job, for its creator or staff; anyone else is told it does not exist."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or not (user.is_staff or job.created_by_id == user.pk):
        raise Http404("No job with this id.")
    return job


def job_status(*, job: Job) -> JobStatus:
    batches = JobBatch.objects.filter(job=job)
    done = batches.aggregate(batches=Count("id"), articles=Sum("size"), last=Max("done_at"))
    finished = job.batches is not None and done["batches"] == job.batches
    results: list[Result] = []
    for chunk in batches.order_by("index").values_list("results", flat=True):
        results.extend(chunk[: MAX_RESULTS_SHOWN + 1 - len(results)])
        if len(results) > MAX_RESULTS_SHOWN:
            break
    return JobStatus(
        job=job,
        done=done["articles"] or 0,
        finished_at=done["last"] if finished else None,
        counts=_result_counts(job),
        results=results[:MAX_RESULTS_SHOWN],
        results_truncated=len(results) > MAX_RESULTS_SHOWN,
    )


def _result_counts(job: Job) -> dict[str, int]:
    counts = dict.fromkeys(RESULT_KINDS, 0)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT item->>'result', count(*) FROM {JobBatch._meta.db_table}, "
            "jsonb_array_elements(results) AS item WHERE job_id = %s GROUP BY 1",
            [job.pk],
        )
        for kind, count in cursor.fetchall():
            counts[kind] = count
    return counts
