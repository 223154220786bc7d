"""Writes for jobs: run one batch of a job, exactly once, whatever the broker redelivers.

A batch stores its articles and its own row (with the result of each article) in one
transaction. The row is claimed first, so a second delivery of the same batch waits for the
first one's commit and then finds the batch done; a delivery whose worker died mid-batch left
nothing, and the next one does it all again. Re-running a job that was interrupted skips
every article stored already before extracting it (quotes.services.articles_stored_already).

A batch whose work kills its worker every time (out of memory, a segfault) would come back
forever with late acknowledgement: its deliveries are counted before the work starts
(job_batch_delivery_start), and past JOB_BATCH_MAX_DELIVERIES its articles fail, named.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.db.models import F

from access.permissions import REPLACE_PERMISSION
from jobs.models import Job, JobBatch, JobBatchDelivery, JobKind
from quotes.extraction import EXTRACTOR_VERSION, extract
from quotes.services import IngestResult, article_reextract, articles_store, articles_stored_already
from sources.loaders import article_from_json
from sources.metadata import OutletInfo
from sources.models import Article
from sources.services import (
    ArticleInput,
    ArticleInputError,
    ArticleReplaceRefused,
    PreparedArticle,
    UpsertState,
    article_prepare,
    outlet_registry,
)

# Articles a task takes at a time: a batch is one transaction, redone whole after a crash.
MAX_BATCH_ARTICLES = 100
RESULT_NAMES = {
    UpsertState.CREATED: "new",
    UpsertState.UPDATED: "updated",
    UpsertState.UNCHANGED: "duplicate",
}
Result = dict[str, Any]


def job_create(*, kind: JobKind, created_by: Any = None, may_replace: bool = True) -> Job:
    """A job; `created_by` is the signed-in user who asked for it (None from a command).

    `may_replace=False` makes every article of the job that would replace the text of a
    stored article fail, named, instead (a sender without `sources.change_article`).
    """
    user = created_by if getattr(created_by, "is_authenticated", False) else None
    return Job.objects.create(kind=kind, created_by=user, may_replace=may_replace)


def job_sent(*, job: Job, total: int, batches: int) -> None:
    """Every batch of the job is sent: from now on, the job ends when they are all done."""
    Job.objects.filter(pk=job.pk).update(total=total, batches=batches)
    job.total, job.batches = total, batches


def article_item(article: ArticleInput, *, source: str) -> dict[str, Any]:
    """An article as a task's JSON argument."""
    published = article.published_at
    return {
        "source": source,
        "article": {
            "text": article.text,
            "url": article.url,
            "title": article.title,
            "outlet": article.outlet,
            "published_at": published.isoformat() if published is not None else None,
            "authors": list(article.authors) if article.authors is not None else None,
        },
    }


def job_batch_ingest(
    *, job_id: uuid.UUID | str, index: int, items: Sequence[dict[str, Any]]
) -> None:
    """Clean, extract and store a batch of articles, recording each one's result."""
    if _batch_done(job_id, index):
        return  # a redelivered message for a batch that committed
    if len(items) > MAX_BATCH_ARTICLES:
        reason = f"a batch holds at most {MAX_BATCH_ARTICLES} articles"
        job_batch_fail(job_id=job_id, index=index, sources=_sources(items), reason=reason)
        return
    may_replace = Job.objects.filter(pk=job_id).values_list("may_replace", flat=True).first()
    outlets = outlet_registry()
    prepared = [_prepare(item, outlets) for item in items]
    ready = [(position, p) for position, p in enumerate(prepared) if isinstance(p, PreparedArticle)]
    stored = articles_stored_already(prepared=[p for _, p in ready])
    fresh = [(position, p) for (position, p), known in zip(ready, stored, strict=True) if not known]
    extractions = {position: extract(p.body) for position, p in fresh}  # before the transaction
    known = {position: a for (position, _), a in zip(ready, stored, strict=True) if a is not None}

    def store() -> list[Result]:
        written = articles_store(
            batch=[(p, extractions[position]) for position, p in fresh],
            may_replace=may_replace is not False,
        )
        outcomes: dict[int, IngestResult | Exception] = {
            position: outcome for (position, _), outcome in zip(fresh, written, strict=True)
        }
        return [
            _ingest_result(item, prepared[n], outcomes.get(n), known.get(n))
            for n, item in enumerate(items)
        ]

    _run_once(job_id, index, len(items), store)


def job_batch_reextract(
    *, job_id: uuid.UUID | str, index: int, article_ids: Sequence[int], everything: bool
) -> None:
    """Re-extract a batch of stored articles (those of another version, or all), curated kept."""
    if _batch_done(job_id, index):
        return
    if len(article_ids) > MAX_BATCH_ARTICLES:
        reason = f"a batch holds at most {MAX_BATCH_ARTICLES} articles"
        sources = [str(pk) for pk in article_ids]
        job_batch_fail(job_id=job_id, index=index, sources=sources, reason=reason)
        return

    def reextract() -> list[Result]:
        articles = {a.pk: a for a in Article.objects.filter(pk__in=article_ids)}
        return [_reextract_result(pk, articles.get(pk), everything) for pk in article_ids]

    _run_once(job_id, index, len(article_ids), reextract)


def job_batch_fail(
    *, job_id: uuid.UUID | str, index: int, sources: Sequence[str], reason: str
) -> None:
    """Record a batch that cannot be done (too big, too slow, the database down for good)."""
    results = [_failed(source, reason) for source in sources]
    JobBatch.objects.get_or_create(
        job_id=job_id, index=index, defaults={"size": len(sources), "results": results}
    )


_DELIVERY_START_SQL = f"""
INSERT INTO {JobBatchDelivery._meta.db_table} AS d (job_id, index, started)
VALUES (%(job)s, %(index)s, 1)
ON CONFLICT (job_id, index) DO UPDATE SET started = d.started + 1
RETURNING started
"""


def job_batch_delivery_start(*, job_id: uuid.UUID | str, index: int) -> int:
    """Count one more delivery of the batch and commit it now; how many started unfinished.

    Called in autocommit before the work, outside its transaction: a worker that dies in the
    work rolls the work back but leaves this count, so the next delivery knows.
    """
    with connection.cursor() as cursor:
        cursor.execute(_DELIVERY_START_SQL, {"job": str(job_id), "index": index})
        (started,) = cursor.fetchone()
    return int(started)


def job_batch_delivery_end(*, job_id: uuid.UUID | str, index: int) -> None:
    """A delivery ended without dying (it asked for a retry): it no longer counts."""
    JobBatchDelivery.objects.filter(job_id=job_id, index=index, started__gt=0).update(
        started=F("started") - 1
    )


def job_batch_give_up(
    *, job_id: uuid.UUID | str, index: int, sources: Sequence[str], deliveries: int
) -> None:
    """The batch's worker died in each of `deliveries` deliveries: its articles fail, named."""
    articles = "1 article" if len(sources) == 1 else f"{len(sources)} articles"
    reason = (
        f"not stored: the worker running its batch ({articles}) stopped (out of memory, "
        f"crashed or killed) {deliveries} times, so the batch is not tried again; "
        "send its articles again, alone or in smaller batches"
    )
    job_batch_fail(job_id=job_id, index=index, sources=sources, reason=reason)


def _run_once(
    job_id: uuid.UUID | str, index: int, size: int, work: Callable[[], list[Result]]
) -> None:
    with transaction.atomic():
        batch, claimed = JobBatch.objects.get_or_create(
            job_id=job_id, index=index, defaults={"size": size}
        )
        if not claimed:
            return  # another delivery did it while this one extracted
        batch.results = work()
        batch.save(update_fields=["results"])


def _batch_done(job_id: uuid.UUID | str, index: int) -> bool:
    return JobBatch.objects.filter(job_id=job_id, index=index).exists()


def _sources(items: Sequence[dict[str, Any]]) -> list[str]:
    return [str(item.get("source", n)) for n, item in enumerate(items)]


def _prepare(item: dict[str, Any], outlets: Sequence[OutletInfo]) -> PreparedArticle | str:
    """The article cleaned and checked, or why it cannot be stored."""
    try:
        return article_prepare(submitted=article_from_json(item.get("article")), outlets=outlets)
    except ArticleInputError as error:
        return str(error)


def _ingest_result(
    item: dict[str, Any],
    prepared: PreparedArticle | str,
    outcome: IngestResult | Exception | None,
    known: Article | None,
) -> Result:
    source = str(item.get("source", ""))
    if isinstance(prepared, str):
        return _failed(source, prepared)
    if known is not None:
        return {"source": source, "result": "duplicate", "article": known.pk, "quotes": 0}
    if isinstance(outcome, ArticleReplaceRefused):
        return _failed(source, f"{outcome}; replacing it needs the {REPLACE_PERMISSION} permission")
    if isinstance(outcome, ArticleInputError | DatabaseError) or outcome is None:
        reason = str(outcome).strip().splitlines()[0] if outcome else "not stored"
        return _failed(source, reason)
    assert isinstance(outcome, IngestResult)
    return {
        "source": source,
        "result": RESULT_NAMES[outcome.state],
        "article": outcome.article.pk,
        "quotes": outcome.quotes_stored,
        "claims": outcome.claims_stored,
    }


def _reextract_result(pk: int, article: Article | None, everything: bool) -> Result:
    if article is None:
        return {"source": str(pk), "result": "skipped", "article": pk, "reason": "deleted"}
    if not everything and article.extractor_version == EXTRACTOR_VERSION:
        return {"source": str(pk), "result": "duplicate", "article": pk, "quotes": 0}
    done = article_reextract(article=article)
    return {
        "source": str(pk),
        "result": "updated",
        "article": pk,
        "quotes": done.stored,
        "replaced": done.replaced,
        "kept_curated": done.kept_curated,
        "claims": done.claims_stored,
    }


def _failed(source: str, reason: str) -> Result:
    return {"source": source, "result": "failed", "article": None, "reason": reason}
