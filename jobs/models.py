"""Jobs: work split into batches that Celery workers run, with the result of every article.

A batch's row is written in the same transaction as the articles it stored, so a batch is done
exactly when its row exists: a worker killed mid-batch leaves neither, and the redelivered
message does the whole batch again. Its deliveries are counted apart (JobBatchDelivery), in a
transaction of their own, so that the count survives the worker's death.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class JobKind(models.TextChoices):
    INGEST = "ingest", "ingest"
    REEXTRACT = "reextract", "re-extract"


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=JobKind.choices)
    total = models.PositiveIntegerField(default=0, help_text="Articles sent so far.")
    batches = models.PositiveIntegerField(
        null=True, blank=True, help_text="Batches in the job; empty while still being sent."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    # Whether the job may give a stored article (same URL) a new text: decided when the job
    # is sent, from its sender's `sources.change_article` permission (commands: yes).
    may_replace = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=JobKind.values), name="job_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} job {self.id}"


class JobBatch(models.Model):
    """One finished batch of a job: `results` holds one object per article, in input order."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="done_batches")
    index = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    results = models.JSONField(default=list)
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["job", "index"]
        constraints = [
            models.UniqueConstraint(fields=["job", "index"], name="job_batch_unique_index"),
        ]

    def __str__(self) -> str:
        return f"batch {self.index} of {self.job_id}"


class JobBatchDelivery(models.Model):
    """How many deliveries of a batch started and did not end: the ones that killed a worker.

    Counted in a transaction committed before the batch's work starts (a worker killed by the
    kernel for memory, a segfault or kill -9 rolls back the batch, never this count), and
    given back when a delivery ends by asking for a retry. Past JOB_BATCH_MAX_DELIVERIES the
    next delivery records the batch as failed instead of running it again.
    """

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="batch_deliveries")
    index = models.PositiveIntegerField()
    started = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "index"], name="job_batch_delivery_unique"),
        ]

    def __str__(self) -> str:
        return f"batch {self.index} of {self.job_id}: {self.started} unfinished deliveries"
