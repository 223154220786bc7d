"""ingest, reextract and the batch API with a real Celery worker consuming from a broker.

Each test runs on the in-memory transport and, where redis-server is installed, on Redis.
"""

import io
import json
import time

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from jobs.models import Job, JobBatch
from quotes.models import Quote, QuoteStatus
from sources.models import Article
from tests.api.conftest import newsroom_token
from tests.factories import UserFactory


def article_line(n: int) -> str:
    text = f"Story {n}\n\n“We are ready, round {n},” said Kim Min-{n}, a negotiator."
    return json.dumps({"text": text, "url": f"https://news.example/{n}"})


def run(command: str, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_ingest_on_workers_gives_the_same_summary_and_exit_code(celery_worker, tmp_path):
    lines = [article_line(n) for n in range(60)] + ["{not json", json.dumps({"text": ""})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    with pytest.raises(CommandError) as failed:
        run("ingest", str(tmp_path))
    assert failed.value.returncode == 1
    assert Article.objects.count() == 60
    assert Quote.objects.count() == 60
    job = Job.objects.get()
    assert (job.total, job.batches, JobBatch.objects.count()) == (61, 2, 2)
    # Run again: every stored article is a duplicate; the two bad lines fail again, by name.
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), "--no-progress", stdout=out, stderr=err)
    assert out.getvalue().startswith("0 new, 0 updated, 60 unchanged, 2 failed, 0 quotes")
    assert "batch.jsonl:61: invalid JSON" in err.getvalue()
    assert "batch.jsonl:62: text: the text has no article content" in err.getvalue()


def test_ingest_on_workers_stores_what_the_one_machine_path_stores(celery_worker, tmp_path):
    (tmp_path / "batch.jsonl").write_text("\n".join(article_line(n) for n in range(20)))
    out, err = run("ingest", str(tmp_path))
    assert out.startswith("20 new, 0 updated, 0 unchanged, 0 failed, 20 quotes stored")
    assert err == ""
    assert not Article.objects.filter(quotes__isnull=True).exists()
    assert not Article.objects.filter(sentences__isnull=True).exists()


def test_reextract_on_workers_keeps_curated_quotes(celery_worker, tmp_path):
    (tmp_path / "batch.jsonl").write_text("\n".join(article_line(n) for n in range(5)))
    run("ingest", str(tmp_path))
    curated = Quote.objects.order_by("pk").first()
    Quote.objects.filter(pk=curated.pk).update(status=QuoteStatus.CORRECTED)
    Article.objects.update(extractor_version="0.0.old")
    out, _ = run("reextract")
    assert out.startswith("5 articles re-extracted with")
    assert out.rstrip().endswith(
        "4 machine statements replaced by 4 (0 of them claims), 1 curated statements kept"
    )
    assert Quote.objects.get(pk=curated.pk).status == QuoteStatus.CORRECTED


def test_batch_api_hands_the_job_to_the_worker_and_reports_its_end(celery_worker):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {newsroom_token(UserFactory())}")
    articles = [json.loads(article_line(n)) for n in range(70)]
    answer = client.post("/api/articles/batch/", articles, format="json")
    assert answer.status_code == 202
    deadline = time.monotonic() + 60
    while (job := client.get(answer["Location"]).json())["state"] != "done":
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
    assert (job["total"], job["done"], job["counts"]["new"]) == (70, 70, 70)
    assert [r["source"] for r in job["results"]] == [str(n) for n in range(70)]
    assert Article.objects.count() == 70
