"""kill -9 of Celery workers during an ingest job: nothing lost, nothing partial, same database.

    .venv/bin/python benchmarks/celery_kill.py [--articles 20000] [--kills 20]

Ingests the same articles twice through a real Redis and 2 worker processes, each on a fresh
database: once undisturbed, once while --kills random `kill -9` hit the workers (at random, a
worker's pool process, whose message Celery gives back at once, or its main process, whose
messages Redis gives back after the visibility timeout; a killed main process is replaced by
a new worker). Then it checks that every article is stored exactly once, none partial (every
article has its sentences and its quotes), and that both databases hold the same rows
(articles, sentences, quotes, speakers), and prints the verdict.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.celery_ingest import (
    ROOT,
    fresh_database,
    redis_server,
    start_worker,
    stop_workers,
    wait_for_workers,
    worker_env,
    write_batch,
)

# Short enough that a lost main process's messages come back within the run.
VISIBILITY_S = "10"
TABLES = {
    "articles": "SELECT content_hash, url, title, body, extractor_version, published_at "
    "FROM sources_article ORDER BY content_hash",
    "sentences": "SELECT a.content_hash, s.index, s.start, s.end FROM sources_sentence s "
    "JOIN sources_article a ON a.id = s.article_id ORDER BY 1, 2",
    "quotes": "SELECT a.content_hash, q.start, q.end, q.text, sp.name, sp.kind, q.mention, "
    "q.cue, q.kind, q.status, q.confidence FROM quotes_quote q JOIN sources_article a ON "
    "a.id = q.article_id LEFT JOIN quotes_speaker sp ON sp.id = q.speaker_id ORDER BY 1, 2, 3",
    "speakers": "SELECT sp.key, sp.name, sp.kind, a.content_hash FROM quotes_speaker sp "
    "LEFT JOIN sources_article a ON a.id = sp.article_id ORDER BY 1, 4",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    os.environ["CELERY_VISIBILITY_TIMEOUT"] = VISIBILITY_S
    random.seed(args.seed)
    with tempfile.TemporaryDirectory() as folder, redis_server(Path(folder)) as broker:
        batch = write_batch(Path(folder), None, args.articles)
        clean_s, clean_out = ingest(batch, broker, kills=0, interval=0)
        clean = fingerprint()
        print(f"clean run: {clean_out}  ({clean_s:.1f} s)", flush=True)
        interval = clean_s / (args.kills + 1)
        killed_s, killed_out = ingest(batch, broker, kills=args.kills, interval=interval)
        print(f"run with kills: {killed_out}  ({killed_s:.1f} s)", flush=True)
        verdict(args.articles, clean, fingerprint())


def ingest(batch: Path, broker: str, *, kills: int, interval: float) -> tuple[float, str]:
    fresh_database()
    log = Path(batch).with_suffix(".workers.log").open("a")
    workers = [start_worker(f"w{n}", broker, log) for n in range(2)]
    wait_for_workers(broker, 2)
    command = [sys.executable, "manage.py", "ingest", str(batch), "--no-progress"]
    started = time.perf_counter()
    job = subprocess.Popen(
        command, cwd=ROOT, env=worker_env(broker), stdout=subprocess.PIPE, text=True
    )
    done = 0
    try:
        while job.poll() is None:
            time.sleep(random.uniform(0.5, 1.5) * interval if kills else 0.2)
            if done < kills and job.poll() is None:
                done += 1
                kill_one(workers, broker, log, done)
        elapsed = time.perf_counter() - started
    finally:
        stop_workers(workers)
    output = (job.stdout.read() if job.stdout else "").strip()
    if kills:
        output += f" [{done} kill -9]"
    return elapsed, output


def kill_one(workers: list[subprocess.Popen[bytes]], broker: str, log: object, number: int) -> None:
    slot = random.randrange(len(workers))
    main = workers[slot]
    children = psutil.Process(main.pid).children() if main.poll() is None else []
    if children and random.random() < 0.5:
        os.kill(children[0].pid, signal.SIGKILL)
        print(f"  kill -9 #{number}: pool process {children[0].pid} of worker {slot}", flush=True)
        return
    os.kill(main.pid, signal.SIGKILL)
    for child in children:  # an orphaned pool process would finish its batch: kill it too
        os.kill(child.pid, signal.SIGKILL)
    main.wait()
    workers[slot] = start_worker(f"w{slot}-{number}", broker, log)
    print(f"  kill -9 #{number}: worker {slot} (main process {main.pid}), replaced", flush=True)


def fingerprint() -> Prints:
    from django.db import connection

    prints = {}
    with connection.cursor() as cursor:
        for table, query in TABLES.items():
            cursor.execute(f"SELECT count(*), md5(string_agg(t::text, '|')) FROM ({query}) t")
            prints[table] = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM sources_article a WHERE NOT EXISTS (SELECT 1 FROM "
            "sources_sentence s WHERE s.article_id = a.id) OR NOT EXISTS (SELECT 1 FROM "
            "quotes_quote q WHERE q.article_id = a.id)"
        )
        prints["partial articles"] = (cursor.fetchone()[0], "")
    connection.close()
    return prints


Prints = dict[str, tuple[int, str]]


def verdict(count: int, clean: Prints, killed: Prints) -> None:
    stored, partial = killed["articles"][0], killed["partial articles"][0]
    checks = {
        f"every article stored exactly once ({stored} of {count})": stored == count,
        f"no partial article ({partial})": partial == 0,
    }
    for table in TABLES:
        checks[f"{table}: {killed[table][0]} rows, identical to the clean run"] = (
            killed[table] == clean[table]
        )
    for name, ok in checks.items():
        print(f"  {'ok ' if ok else 'BAD'} {name}")
    print("verdict:", "PASS" if all(checks.values()) else "FAIL")


if __name__ == "__main__":
    main()
