"""The batch tasks, run in place (eager): idempotent, resumable, retried, curated work kept."""

import json
import uuid

import pytest
from django.db import OperationalError

from jobs import services
from jobs.models import Job, JobBatch, JobKind
from jobs.services import MAX_BATCH_ARTICLES, job_batch_ingest
from jobs.tasks import ingest_batch, reextract_batch
from quotes.models import Quote, QuoteStatus
from sources.models import Article, Sentence

pytestmark = pytest.mark.django_db


def item(n: int, **extra) -> dict:
    text = f"Story {n}\n\n“We are ready, round {n},” said Kim Min-{n}, a negotiator."
    return {"source": f"batch.jsonl:{n}", "article": {"text": text, **extra}}


def new_job() -> Job:
    return Job.objects.create(kind=JobKind.INGEST, batches=1, total=3)


def results(job: Job) -> list[dict]:
    return [r for batch in JobBatch.objects.filter(job=job) for r in batch.results]


def test_a_batch_delivered_twice_is_stored_once():
    job, items = new_job(), [item(n) for n in range(3)]
    ingest_batch.delay(str(job.pk), 0, items)
    ingest_batch.delay(str(job.pk), 0, items)  # the broker redelivers the same message
    assert Article.objects.count() == 3
    assert Quote.objects.count() == 3
    assert JobBatch.objects.filter(job=job).count() == 1
    assert [r["result"] for r in results(job)] == ["new", "new", "new"]


def test_the_same_articles_in_another_job_are_duplicates_and_not_extracted_again(monkeypatch):
    ingest_batch.delay(str(new_job().pk), 0, [item(n) for n in range(3)])

    def no_extraction(text):
        raise AssertionError("a stored article was extracted again")

    monkeypatch.setattr(services, "extract", no_extraction)
    again = new_job()
    ingest_batch.delay(str(again.pk), 0, [item(n) for n in range(3)])
    assert [r["result"] for r in results(again)] == ["duplicate"] * 3
    assert Article.objects.count() == 3


def test_a_stored_article_with_something_new_is_extracted_and_updated():
    ingest_batch.delay(str(new_job().pk), 0, [item(1)])
    again = new_job()
    ingest_batch.delay(str(again.pk), 0, [item(1, url="https://news.example/1")])
    assert results(again)[0]["result"] == "updated"
    assert Article.objects.get().url == "https://news.example/1"


def test_bad_articles_fail_by_name_and_the_others_are_stored():
    job = new_job()
    bad = [{"source": "a:1", "article": {"text": 12}}, {"source": "a:2", "article": "x"}]
    ingest_batch.delay(str(job.pk), 0, [bad[0], item(5), bad[1]])
    outcome = results(job)
    assert [r["result"] for r in outcome] == ["failed", "new", "failed"]
    assert outcome[0]["reason"].startswith("text:")
    assert outcome[2]["reason"].startswith("article:")
    assert Article.objects.count() == 1


def test_a_batch_over_the_bound_fails_whole_and_stores_nothing():
    job = new_job()
    ingest_batch.delay(str(job.pk), 0, [item(n) for n in range(MAX_BATCH_ARTICLES + 1)])
    assert {r["result"] for r in results(job)} == {"failed"}
    assert Article.objects.count() == 0


def test_a_database_error_is_retried_and_the_batch_then_stored(monkeypatch):
    real = services.articles_store
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(services, "articles_store", flaky)
    monkeypatch.setattr("jobs.tasks.RETRY_BACKOFF_MAX_S", 0)
    job = new_job()
    ingest_batch.delay(str(job.pk), 0, [item(1), item(2)])
    assert len(calls) == 2
    assert [r["result"] for r in results(job)] == ["new", "new"]
    assert Sentence.objects.count() > 0


def test_a_failed_transaction_leaves_neither_articles_nor_the_batch_row(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("worker crashed mid-batch")

    monkeypatch.setattr(services, "articles_store", broken)
    job = new_job()
    with pytest.raises(RuntimeError):
        job_batch_ingest(job_id=job.pk, index=0, items=[item(1)])
    assert not JobBatch.objects.exists()
    monkeypatch.undo()
    job_batch_ingest(job_id=job.pk, index=0, items=[item(1)])  # the redelivery does it all
    assert [r["result"] for r in results(job)] == ["new"]


def test_reextract_batch_keeps_curated_quotes_and_runs_once():
    ingest_batch.delay(str(new_job().pk), 0, [item(n) for n in range(2)])
    curated = Quote.objects.order_by("pk").first()
    Quote.objects.filter(pk=curated.pk).update(status=QuoteStatus.VERIFIED)
    Article.objects.update(extractor_version="0.0.old")
    job = Job.objects.create(kind=JobKind.REEXTRACT, batches=1, total=2)
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    reextract_batch.delay(str(job.pk), 0, ids, False)
    reextract_batch.delay(str(job.pk), 0, ids, False)
    assert [r["result"] for r in results(job)] == ["updated", "updated"]
    assert Quote.objects.get(pk=curated.pk).status == QuoteStatus.VERIFIED
    assert Quote.objects.count() == 2
    assert not Article.objects.filter(extractor_version="0.0.old").exists()


def test_task_arguments_are_plain_json():
    job = new_job()
    assert json.loads(json.dumps([str(job.pk), 0, [item(1)]]))[0] == str(uuid.UUID(str(job.pk)))
