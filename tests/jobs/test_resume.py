"""A job run again after an interruption extracts only what is not stored yet."""

import io
import json

import pytest
from django.core.management import call_command

from quotes import workers
from sources.models import Article

pytestmark = pytest.mark.django_db


def test_ingest_run_again_after_an_interruption_extracts_only_the_missing(tmp_path, monkeypatch):
    lines = [
        json.dumps({"text": f"Story {n}\n\n“We are ready, round {n},” said Kim Min-{n}."})
        for n in range(10)
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    call_command("ingest", str(tmp_path), "--workers", "1", "--no-progress", stdout=io.StringIO())
    # The first run was interrupted after 7 articles: the last 3 are not stored.
    Article.objects.filter(pk__in=Article.objects.order_by("-pk").values("pk")[:3]).delete()
    extracted = []
    real = workers.extract

    def counting(text):
        extracted.append(text)
        return real(text)

    monkeypatch.setattr(workers, "extract", counting)
    out = io.StringIO()
    call_command("ingest", str(tmp_path), "--workers", "1", "--no-progress", stdout=out)
    assert out.getvalue().startswith("3 new, 0 updated, 7 unchanged, 0 failed, 3 quotes stored")
    assert len(extracted) == 3
    assert Article.objects.count() == 10
