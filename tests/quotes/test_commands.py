"""The ingest, extract and reextract commands, as a user runs them."""

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from quotes.models import Quote, QuoteStatus
from sources.models import Article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run(command: str, *args: str, stdin: str | None = None) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        call_command(command, *args, "--no-progress", stdout=out, stderr=err)
    finally:
        sys.stdin = sys.__stdin__
    return out.getvalue(), err.getvalue()


def article_line(n: int, **extra) -> str:
    text = f"Story {n}\n\n“We are ready, round {n},” said Kim Min-{n}, a negotiator."
    return json.dumps({"text": text, "url": f"https://news.example/{n}", **extra})


@pytest.mark.django_db
def test_ingest_seeds_twice_changes_nothing_the_second_time(default_outlets):
    out, _ = run("ingest", str(SEEDS), "--workers", "1")
    assert out.startswith("5 new, 0 updated, 0 unchanged, 0 failed")
    quotes = Quote.objects.count()
    assert quotes > 0
    out, _ = run("ingest", str(SEEDS), "--workers", "1")
    assert out.startswith("0 new, 0 updated, 5 unchanged, 0 failed, 0 quotes")
    assert (Article.objects.count(), Quote.objects.count()) == (5, quotes)


@pytest.mark.django_db(transaction=True)
def test_ingest_with_worker_processes_stores_the_same(tmp_path):
    (tmp_path / "batch.jsonl").write_text("\n".join(article_line(n) for n in range(20)))
    out, _ = run("ingest", str(tmp_path), "--workers", "2")
    assert out.startswith("20 new, 0 updated, 0 unchanged, 0 failed, 20 quotes stored")


@pytest.mark.django_db
def test_ingest_reads_json_jsonl_and_folders_recursively(tmp_path):
    (tmp_path / "nested").mkdir()
    (tmp_path / "one.json").write_text(article_line(1, title="One", published_at="2021-03-11"))
    (tmp_path / "nested" / "many.jsonl").write_text(article_line(2) + "\n\n" + article_line(3))
    (tmp_path / "nested" / "notes.md").write_text("not an article file")
    out, _ = run("ingest", str(tmp_path), "--workers", "1")
    assert out.startswith("3 new, 0 updated, 0 unchanged, 0 failed, 3 quotes")
    one = Article.objects.get(title="One")
    assert (one.published_at.isoformat(), one.published_precision) == (
        "2021-03-11T00:00:00+00:00",
        "day",
    )


@pytest.mark.django_db
def test_ingest_reads_standard_input(default_outlets):
    out, _ = run("ingest", "-", stdin=(SEEDS.glob("004_*.txt").__next__()).read_text())
    assert out.startswith("1 new")
    assert Article.objects.get().outlet.name == "The Hankyoreh"


@pytest.mark.django_db
def test_bad_lines_fail_alone_with_a_clear_message_and_a_nonzero_exit(tmp_path):
    lines = [
        article_line(1),
        "{not json",
        json.dumps({"url": "https://news.example/no-text"}),
        json.dumps({"text": "Story\n\nBody.", "published_at": "2021-02-30"}),
        article_line(2),
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines))
    with pytest.raises(CommandError) as error:
        run("ingest", str(tmp_path / "batch.jsonl"), "--workers", "1")
    assert error.value.returncode == 1
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_bad_lines_are_named_on_stderr(tmp_path, capsys):
    (tmp_path / "batch.jsonl").write_text(article_line(1) + "\n{not json\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), "--no-progress", stderr=err, stdout=io.StringIO())
    assert f"failed: {tmp_path / 'batch.jsonl'}:2: invalid JSON" in err.getvalue()


@pytest.mark.django_db
def test_missing_path_is_an_error_before_anything_is_stored(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run("ingest", str(SEEDS), str(tmp_path / "missing.txt"))
    assert not Article.objects.exists()


def test_extract_prints_json_lines_with_the_contract_fields():
    seed = next(SEEDS.glob("004_*.txt"))
    out, _ = _extract(str(seed))
    rows = [json.loads(line) for line in out.splitlines()]
    text = seed.read_text(encoding="utf-8")
    assert rows
    for row in rows:
        assert {"source", "text", "start", "end", "speaker", "cue"} <= row.keys()
        assert text[row["start"] : row["end"]] == row["text"]
    by_text = {row["text"][:20]: row for row in rows}
    cho = by_text["This is actually a r"]
    assert cho["speaker"]["name"] == "Cho Sung-ryul"
    assert cho["speaker"]["kind"] == "person"


def test_extract_prints_claims_in_reported_speech_after_the_quotes(tmp_path):
    path = tmp_path / "article.txt"
    text = (
        "Kim Min-su said the budget would be cut by a third.\n\n"
        "“We will not accept it,” the union said."
    )
    path.write_text(text, encoding="utf-8")
    out, _ = _extract(str(path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["kind"] for row in rows] == ["full", "indirect"]
    claim = rows[1]
    assert claim["text"] == "the budget would be cut by a third"
    assert text[claim["start"] : claim["end"]] == claim["text"]
    assert claim["speaker"]["name"] == "Kim Min-su"
    assert claim["speaker"]["mention"] == "Kim Min-su"
    assert claim["cue"] == "said"


def _extract(*paths: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("extract", *paths, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_extract_of_a_missing_file_fails_clearly(tmp_path):
    with pytest.raises(CommandError):
        _extract(str(tmp_path / "missing.txt"))


@pytest.mark.django_db
def test_reextract_keeps_curated_quotes_and_updates_the_version():
    run("ingest", str(SEEDS), "--workers", "1")
    curated = Quote.objects.order_by("pk").first()
    curated.status = QuoteStatus.CORRECTED
    curated.save()
    Article.objects.update(extractor_version="0.0.old")
    out, _ = run("reextract")
    assert out.startswith("5 articles re-extracted")
    assert Quote.objects.get(pk=curated.pk).status == QuoteStatus.CORRECTED
    assert not Article.objects.filter(extractor_version="0.0.old").exists()
    out, _ = run("reextract")
    assert out.startswith("0 articles")


@pytest.mark.django_db(transaction=True)
def test_kill_9_during_ingest_leaves_no_partial_article_and_a_rerun_completes(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(article_line(n) for n in range(1000)))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "EMBEDDED_DB_NAME": connection.settings_dict["NAME"],
    }
    command = [sys.executable, "manage.py", "ingest", str(batch), "--no-progress"]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while Article.objects.count() < 50 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = Article.objects.count()
    assert 0 < stored < 1000
    # Every stored article has its sentences and quotes: all or nothing.
    assert not Article.objects.filter(sentences__isnull=True).exists()
    assert not Article.objects.filter(quotes__isnull=True).exists()
    subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=240)
    assert Article.objects.count() == 1000
    assert Quote.objects.count() == 1000


@pytest.mark.django_db
def test_duplicates_inside_one_batch_are_stored_once(tmp_path):
    (tmp_path / "batch.jsonl").write_text("\n".join([article_line(1)] * 3 + [article_line(2)]))
    out, _ = run("ingest", str(tmp_path), "--workers", "1")
    assert out.startswith("2 new, 0 updated, 2 unchanged, 0 failed, 2 quotes")
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_an_article_failing_inside_a_batch_fails_alone(tmp_path):
    run("ingest", "-", stdin=article_line(1))
    Quote.objects.update(status=QuoteStatus.VERIFIED)
    rewritten = json.dumps(
        {"text": "Story 1\n\nNo quote any more.", "url": "https://news.example/1"}
    )
    (tmp_path / "batch.jsonl").write_text("\n".join([article_line(5), rewritten, article_line(6)]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert "drops curated quote" in err.getvalue()
    assert Article.objects.count() == 3
    assert Quote.objects.filter(status=QuoteStatus.VERIFIED).count() == 1


@pytest.mark.django_db
def test_a_line_that_is_not_utf8_fails_alone(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(
        (article_line(1) + "\n").encode() + b'{"text": "caf\xe9"}\n' + article_line(2).encode()
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(batch), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert f"failed: {batch}:2: not UTF-8" in err.getvalue()
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_standard_input_may_hold_json_lines_or_one_pretty_printed_json_article():
    out, _ = run("ingest", "-", stdin=article_line(1) + "\n" + article_line(2) + "\n")
    assert out.startswith("2 new")
    pretty = json.dumps(json.loads(article_line(3)), indent=2)
    out, _ = run("ingest", "-", stdin=pretty)
    assert out.startswith("1 new")


@pytest.mark.django_db
def test_an_oversized_single_article_file_is_refused_by_name(tmp_path, monkeypatch):
    from sources import loaders

    monkeypatch.setattr(loaders, "MAX_FILE_BYTES", 100)
    page = tmp_path / "page.txt"
    page.write_text("Headline\n\n" + "A long story. " * 20)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(page), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert "larger than 100 bytes" in err.getvalue()
    assert not Article.objects.exists()
