"""A batch whose work kills its worker every time (a poison article) is not redelivered forever.

A real death (out of memory, a segfault, kill -9) cannot be caught; here the work raises an
exception no handler catches, inside the batch's transaction, and the test sends the same
message again, as the broker does when the worker is lost (late acknowledgement). The tests
run in real transactions, so the death's rollback is the one PostgreSQL would make.
"""

import pytest
from django.db import OperationalError
from rest_framework.test import APIClient

from jobs import services
from jobs.models import Job, JobKind
from jobs.tasks import ingest_batch, reextract_batch
from sources.models import Article
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


class WorkerDied(BaseException):
    """What the batch's process would see of its death, if it saw anything."""


def item(n: int) -> dict:
    text = f"Story {n}\n\n“We are ready, round {n},” said Kim Min-{n}, a negotiator."
    return {"source": f"wire.jsonl:{n}", "article": {"text": text}}


def job_seen_by_its_creator(job: Job) -> dict:
    client = APIClient()
    client.force_authenticate(user=job.created_by)
    answer = client.get(f"/api/jobs/{job.pk}/")
    assert answer.status_code == 200
    return answer.json()


@pytest.fixture
def poison(monkeypatch):
    """Storing any article kills the worker, after the batch's transaction has begun."""

    def dies(**kwargs):
        raise WorkerDied

    monkeypatch.setattr(services, "articles_store", dies)


def deliver(job: Job, items: list[dict]) -> bool:
    """One delivery of batch 0; whether its worker died."""
    try:
        ingest_batch.delay(str(job.pk), 0, items)
    except WorkerDied:
        return True
    return False


def test_a_batch_that_kills_its_worker_every_time_fails_named_after_the_cap(poison, settings):
    settings.JOB_BATCH_MAX_DELIVERIES = 3
    job = Job.objects.create(kind=JobKind.INGEST, batches=1, total=2, created_by=UserFactory())
    items = [item(1), item(2)]
    deaths = [deliver(job, items) for _ in range(4)]
    assert deaths == [True, True, True, False]  # the fourth delivery gives up and is acknowledged
    seen = job_seen_by_its_creator(job)
    assert (seen["state"], seen["done"]) == ("done", 2)
    assert seen["counts"] == {"new": 0, "duplicate": 0, "updated": 0, "failed": 2}
    assert [r["source"] for r in seen["results"]] == ["wire.jsonl:1", "wire.jsonl:2"]
    reason = seen["results"][0]["reason"]
    assert reason.startswith("not stored: the worker running its batch (2 articles) stopped")
    assert "(out of memory, crashed or killed) 3 times, so the batch is not tried again" in reason
    assert seen["results"][1]["reason"] == reason
    assert not Article.objects.exists()
    assert not deliver(job, items)  # yet another copy of the message changes nothing
    assert job_seen_by_its_creator(job)["counts"]["failed"] == 2


def test_a_batch_whose_worker_died_fewer_times_than_the_cap_is_then_stored(
    poison, settings, monkeypatch
):
    settings.JOB_BATCH_MAX_DELIVERIES = 3
    job = Job.objects.create(kind=JobKind.INGEST, batches=1, total=2, created_by=UserFactory())
    items = [item(1), item(2)]
    assert [deliver(job, items) for _ in range(2)] == [True, True]
    monkeypatch.undo()  # the third and last delivery allowed finds memory enough
    assert not deliver(job, items)
    seen = job_seen_by_its_creator(job)
    assert seen["state"] == "done"
    assert seen["counts"] == {"new": 2, "duplicate": 0, "updated": 0, "failed": 0}
    assert Article.objects.count() == 2


def test_database_retries_do_not_count_as_deaths(settings, monkeypatch):
    settings.JOB_BATCH_MAX_DELIVERIES = 1
    monkeypatch.setattr("jobs.tasks.RETRY_BACKOFF_MAX_S", 0)
    real, calls = services.articles_store, []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) <= 3:
            raise OperationalError("server closed the connection unexpectedly")
        return real(**kwargs)

    monkeypatch.setattr(services, "articles_store", flaky)
    job = Job.objects.create(kind=JobKind.INGEST, batches=1, total=1, created_by=UserFactory())
    assert not deliver(job, [item(1)])
    assert len(calls) == 4
    assert job_seen_by_its_creator(job)["counts"]["new"] == 1


def test_a_reextract_batch_that_kills_its_worker_is_capped_too(settings, monkeypatch):
    settings.JOB_BATCH_MAX_DELIVERIES = 2
    ingest_batch.delay(str(Job.objects.create(kind=JobKind.INGEST).pk), 0, [item(1)])
    article = Article.objects.get()

    def dies(**kwargs):
        raise WorkerDied

    monkeypatch.setattr(services, "article_reextract", dies)
    job = Job.objects.create(kind=JobKind.REEXTRACT, batches=1, total=1, created_by=UserFactory())
    for _ in range(2):
        with pytest.raises(WorkerDied):
            reextract_batch.delay(str(job.pk), 0, [article.pk], True)
    reextract_batch.delay(str(job.pk), 0, [article.pk], True)
    seen = job_seen_by_its_creator(job)
    assert seen["state"] == "done"
    assert seen["results"][0]["result"] == "failed"
    assert seen["results"][0]["source"] == str(article.pk)
    assert "2 times" in seen["results"][0]["reason"]
