"""A real `celery worker` process killed with -9 mid-batch: nothing partial, nothing lost.

Needs a Redis server (the in-memory transport cannot reach another process): skipped, saying
so, where redis-server is not installed.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from django.db import connection

from jobs.models import Job, JobBatch, JobKind
from jobs.tasks import ingest_batch
from quotes.models import Quote
from sources.models import Article
from tests.jobs.conftest import app, forget_broker_connections

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 100


def article_item(n: int) -> dict:
    paragraphs = [
        f"“We are ready for round {n}, part {k},” said Kim Min-{n}, a negotiator." for k in range(6)
    ]
    return {"source": f"job:{n}", "article": {"text": f"Story {n}\n\n" + "\n\n".join(paragraphs)}}


def writing_transaction_open() -> bool:
    """Has another session of our database an open transaction that has written something?"""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
        )
        return bool(cursor.fetchone()[0])


@pytest.fixture
def worker_process(redis_url, transactional_db, settings, tmp_path):
    broker = redis_url.rsplit("/", 1)[0] + "/1"  # a queue of its own
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "EMBEDDED_DB_NAME": connection.settings_dict["NAME"],
        "CELERY_BROKER_URL": broker,
    }
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "1",
         "--loglevel", "warning", "--without-heartbeat", "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=broker, task_always_eager=False)
    forget_broker_connections()
    yield worker
    app.conf.update(saved)
    forget_broker_connections()
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
    log.close()


def test_a_worker_killed_mid_batch_loses_nothing_and_leaves_nothing_partial(worker_process):
    job = Job.objects.create(kind=JobKind.INGEST, total=ARTICLES, batches=1)
    ingest_batch.apply_async(args=(str(job.pk), 0, [article_item(n) for n in range(ARTICLES)]))
    deadline = time.monotonic() + 90
    while not writing_transaction_open():
        assert time.monotonic() < deadline, "the worker never started writing"
        assert worker_process.poll() is None, "the worker exited"
    # The batch is being written: kill the process that writes it, with no chance to clean up.
    for child in psutil.Process(worker_process.pid).children():
        os.kill(child.pid, signal.SIGKILL)
    time.sleep(0.2)
    assert (JobBatch.objects.count(), Article.objects.count(), Quote.objects.count()) == (0, 0, 0)
    # The message goes back to the broker and a fresh child does the whole batch again.
    while not JobBatch.objects.filter(job=job).exists():
        assert time.monotonic() < deadline, "the batch was never redelivered"
        time.sleep(0.1)
    assert Article.objects.count() == ARTICLES
    assert Quote.objects.count() == ARTICLES * 6
    assert not Article.objects.filter(sentences__isnull=True).exists()
    assert {r["result"] for r in JobBatch.objects.get().results} == {"new"}
