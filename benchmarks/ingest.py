"""Ingestion throughput: extraction alone vs the whole ingest into PostgreSQL, side by side.

    .venv/bin/python benchmarks/ingest.py [--articles 20000] [--source FILE.jsonl]

Articles are the seed pages made distinct (paragraphs rotated, a numbered line added), or the
`text` of each line of --source. Both phases run over the same articles in one run, on a
scratch database `whosaid_bench` of the embedded server (dropped and recreated).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
os.environ["EMBEDDED_DB_NAME"] = "whosaid_bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--source", type=Path, help="JSONL with a `text` per line")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    _fresh_database()
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "batch.jsonl"
        with batch.open("w", encoding="utf-8") as out:
            for text in _texts(args.source, args.articles):
                out.write(json.dumps({"text": text}) + "\n")
        megabytes = batch.stat().st_size / 1e6
        alone = _extraction_alone(batch)
        end_to_end, rss = _ingest(batch, args.workers)
    _report(args.articles, megabytes, alone, end_to_end, rss, args.workers)


def _texts(source: Path | None, count: int):
    if source is not None:
        lines = source.read_text(encoding="utf-8").splitlines()
        bases = [json.loads(line)["text"] for line in lines if line.strip()]
    else:
        bases = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for n in range(count):
        paragraphs = bases[n % len(bases)].split("\n\n")
        turn = (n // len(bases)) % max(1, len(paragraphs) - 1)
        head, rest = paragraphs[:1], paragraphs[1:]
        rotated = rest[turn:] + rest[:turn]
        yield "\n\n".join([*head, *rotated, f"Bulletin {n} of the benchmark run."])


def _fresh_database() -> None:
    import django
    import psycopg
    from django.conf import settings

    from config.embedded_postgres.server import ensure_server

    socket = ensure_server(pgdata=settings.EMBEDDED_PGDATA, database="postgres")
    with psycopg.connect(host=socket, dbname="postgres", user="postgres", autocommit=True) as c:
        c.execute("DROP DATABASE IF EXISTS whosaid_bench WITH (FORCE)")
        c.execute("CREATE DATABASE whosaid_bench")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _extraction_alone(batch: Path) -> float:
    from quotes.extraction import extract
    from sources.services import ArticleInput, article_prepare, outlet_registry

    outlets = outlet_registry()
    started = time.perf_counter()
    with batch.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            extract(article_prepare(submitted=ArticleInput(text=text), outlets=outlets).body)
    return time.perf_counter() - started


def _ingest(batch: Path, workers: int) -> tuple[float, list[float]]:
    """Run `manage.py ingest` as its own process, sampling the memory of it and its workers."""
    import subprocess

    import psutil

    command = [sys.executable, "manage.py", "ingest", str(batch), "--no-progress"]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--workers", str(workers)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    samples: list[float] = []
    watched = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            samples.append(sum(p.memory_info().rss for p in tree) / 1e6)
        except psutil.Error:
            pass
        time.sleep(1.0)
    elapsed = time.perf_counter() - started
    print("ingest:", (process.stdout.read() if process.stdout else "").strip())
    if process.returncode:
        raise SystemExit(f"ingest failed with exit code {process.returncode}")
    return elapsed, samples


def _report(
    count: int, megabytes: float, alone: float, end_to_end: float, rss: list[float], workers: int
) -> None:
    print(f"articles: {count:,} ({megabytes:.1f} MB)")
    print(f"extraction alone (clean + extract, 1 core): {count / alone:8.1f} articles/s")
    print(f"ingest end to end ({workers} workers + writer):  {count / end_to_end:8.1f} articles/s")
    print(f"end-to-end time / extraction-alone time:   {end_to_end / alone:8.2f}")
    if rss:
        quarter = max(1, len(rss) // 4)
        print(
            "ingest RSS MB, writer + workers (first, 25%, 50%, 75%, last): "
            + ", ".join(f"{rss[i]:.0f}" for i in (0, quarter, 2 * quarter, 3 * quarter, -1))
        )


if __name__ == "__main__":
    main()
