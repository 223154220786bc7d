"""Ingestion on Celery workers with a real Redis, against one machine's figures, in one run.

    .venv/bin/python benchmarks/celery_ingest.py [--articles 20000] [--source FILE.jsonl]

Prints, over the same articles (the seed pages made distinct, as benchmarks/ingest.py):
extraction alone on one core; today's in-process `manage.py ingest` (2 spawned extraction
processes + the writer); `manage.py ingest` through Redis with 1 and with 2 Celery worker
processes (`celery -A config worker --concurrency 1` each); the rate the database alone
absorbs (articles already cleaned and extracted, stored as workers store them, one writer);
and from these the number of 2-core worker machines at which the database becomes the limit.
Every ingest starts on a fresh scratch database `whosaid_bench_celery` of the embedded server;
redis-server runs on a free port in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.test_settings")
from benchmarks.ingest import _texts  # noqa: E402  (the same articles as benchmarks/ingest.py)

DATABASE = "whosaid_bench_celery"
os.environ["EMBEDDED_DB_NAME"] = DATABASE  # after that import, which sets its own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--source", type=Path, help="JSONL with a `text` per line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, redis_server(Path(folder)) as broker:
        batch = write_batch(Path(folder), args.source, args.articles)
        fresh_database()
        alone = extraction_alone(batch)
        here = timed_ingest(batch, broker=None)
        on_one = timed_ingest(batch, broker=broker, workers=1)
        on_two = timed_ingest(batch, broker=broker, workers=2)
        writes = write_rate(batch)
    report(args.articles, alone=alone, here=here, one=on_one, two=on_two, writes=writes)


def write_batch(folder: Path, source: Path | None, count: int) -> Path:
    batch = folder / "batch.jsonl"
    with batch.open("w", encoding="utf-8") as out:
        for text in _texts(source, count):
            out.write(json.dumps({"text": text}) + "\n")
    return batch


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class redis_server:
    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port()

    def __enter__(self) -> str:
        binary = shutil.which("redis-server")
        if binary is None:
            raise SystemExit("redis-server is not installed (apt-get install redis-server)")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        return f"redis://127.0.0.1:{self.port}/0"

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def fresh_database() -> None:
    """An empty, migrated scratch database (a copy of a migrated template after the first)."""
    import django
    import psycopg
    from django.conf import settings

    from config.embedded_postgres.server import ensure_server

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    disconnect(connection)
    socket_dir = ensure_server(pgdata=settings.EMBEDDED_PGDATA, database="postgres")
    template = f"{DATABASE}_template"
    with psycopg.connect(host=socket_dir, dbname="postgres", user="postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        if MIGRATED:
            c.execute(f"CREATE DATABASE {DATABASE} TEMPLATE {template}")
            return
        c.execute(f"DROP DATABASE IF EXISTS {template} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {DATABASE}")
    call_command("migrate", verbosity=0)
    disconnect(connection)
    with psycopg.connect(host=socket_dir, dbname="postgres", user="postgres", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {template} TEMPLATE {DATABASE}")
    MIGRATED.append(True)


def disconnect(connection: Any) -> None:
    """Close this process's connections, the pooled ones too, so the database can be copied."""
    connection.close()
    if hasattr(connection, "close_pool"):
        connection.close_pool()


MIGRATED: list[bool] = []  # non-empty once the template exists


def extraction_alone(batch: Path) -> float:
    from quotes.extraction import extract
    from sources.services import ArticleInput, article_prepare, outlet_registry

    outlets = outlet_registry()
    started = time.perf_counter()
    for text in texts(batch):
        extract(article_prepare(submitted=ArticleInput(text=text), outlets=outlets).body)
    return time.perf_counter() - started


def texts(batch: Path) -> Iterator[str]:
    with batch.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["text"]


def worker_env(broker: str | None) -> dict[str, str]:
    env = {**os.environ, "EMBEDDED_DB_NAME": DATABASE}
    env.pop("CELERY_BROKER_URL", None)
    if broker is not None:
        env["CELERY_BROKER_URL"] = broker
    return env


def start_workers(
    count: int, broker: str, *, log: Path | None = None
) -> list[subprocess.Popen[bytes]]:
    out = log.open("a") if log is not None else subprocess.DEVNULL
    return [start_worker(f"bench{n}", broker, out) for n in range(count)]


def start_worker(name: str, broker: str, out: Any) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "1",
               "-n", f"{name}@%h", "--loglevel", "warning", "--without-gossip",
               "--without-mingle", "--without-heartbeat"]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, env=worker_env(broker), stdout=out, stderr=subprocess.STDOUT
    )


def wait_for_workers(broker: str, count: int) -> None:
    from celery import Celery

    probe = Celery(broker=broker)
    for _ in range(120):
        if len(probe.control.ping(timeout=0.5) or []) >= count:
            return
    raise SystemExit("the workers did not start")


def stop_workers(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def run_ingest(batch: Path, broker: str | None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "manage.py", "ingest", str(batch), "--no-progress"]
    return subprocess.run(
        command, cwd=ROOT, env=worker_env(broker), capture_output=True, text=True, check=False
    )


def timed_ingest(batch: Path, *, broker: str | None, workers: int = 0) -> float:
    """Seconds for `manage.py ingest` on a fresh database, workers started and ready before."""
    fresh_database()
    started_workers = []
    if broker is not None:
        started_workers = start_workers(workers, broker)
        wait_for_workers(broker, workers)
    try:
        started = time.perf_counter()
        done = run_ingest(batch, broker)
        elapsed = time.perf_counter() - started
    finally:
        stop_workers(started_workers)
    where = f"{workers} celery worker(s)" if broker else "in process"
    print(f"ingest {where}: {done.stdout.strip()}  ({elapsed:.1f} s)", flush=True)
    if done.returncode:
        raise SystemExit(f"ingest failed: {done.stderr[-2000:]}")
    return elapsed


def write_rate(batch: Path) -> float:
    """Seconds to store the articles already prepared and extracted, as a worker stores them."""
    from django.db import connection

    from jobs.models import Job, JobKind
    from jobs.services import _run_once
    from quotes.extraction import extract
    from quotes.services import articles_store
    from sources.services import ArticleInput, article_prepare, outlet_registry

    fresh_database()
    disconnect(connection)
    outlets = outlet_registry()
    ready = []
    for text in texts(batch):
        prepared = article_prepare(submitted=ArticleInput(text=text), outlets=outlets)
        ready.append((prepared, extract(prepared.body)))
    job = Job.objects.create(kind=JobKind.INGEST)
    started = time.perf_counter()
    for index, start in enumerate(range(0, len(ready), 50)):
        chunk = ready[start : start + 50]

        def store(chunk: list[Any] = chunk) -> list[dict[str, Any]]:
            return [{"result": str(r)} for r in articles_store(batch=chunk)]

        _run_once(job.pk, index, len(chunk), store)
    return time.perf_counter() - started


def report(count: int, *, alone: float, here: float, one: float, two: float, writes: float) -> None:
    seconds = {"alone": alone, "here": here, "one": one, "two": two, "writes": writes}
    rate = {name: count / elapsed for name, elapsed in seconds.items()}
    cores = os.cpu_count() or 1
    print(f"articles: {count:,}; cores: {cores}")
    print(f"extraction alone (clean + extract, 1 core):   {rate['alone']:8.1f} articles/s")
    print(f"ingest in process today (2 workers + writer): {rate['here']:8.1f} articles/s")
    print(f"ingest through Redis, 1 celery worker:        {rate['one']:8.1f} articles/s")
    print(f"ingest through Redis, 2 celery workers:       {rate['two']:8.1f} articles/s")
    print(f"database write rate alone (1 writer):         {rate['writes']:8.1f} articles/s")
    print(f"2 celery workers / in process today:          {rate['two'] / rate['here']:8.2f}x")
    print(f"1 -> 2 celery workers:                        {rate['two'] / rate['one']:8.2f}x")
    machines = rate["writes"] / rate["two"]
    print(
        f"the database becomes the limit at about {machines:.1f} worker machines like this one "
        f"({rate['writes']:.0f} articles/s it absorbs / {rate['two']:.0f} per 2-core machine)"
    )


if __name__ == "__main__":
    main()
