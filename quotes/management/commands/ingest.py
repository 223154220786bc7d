"""python manage.py ingest PATH...: store articles from files, idempotently."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from tqdm import tqdm

from quotes.management.preflight import require_migrated_database
from quotes.services import articles_store
from quotes.workers import Prepared, prepared_articles
from sources.loaders import input_files, submissions
from sources.services import outlet_registry

# Articles written per transaction: a failure in one sends its batch back one by one.
BATCH_SIZE = 50


class Command(BaseCommand):
    help = (
        "Ingest raw .txt pages, .json articles and .jsonl files (one article per line), or "
        "folders of them, or - for standard input. The same article twice is stored once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files, folders, or - for stdin")
        parser.add_argument(
            "--workers",
            type=int,
            default=min(2, os.cpu_count() or 1),
            help="processes that clean and extract while this one writes (default: %(default)s)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        files = list(input_files(options["paths"]))
        missing = [str(f) for f in files if f != "-" and not os.path.exists(f)]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        require_migrated_database()
        counts: Counter[str] = Counter()
        _commit_without_waiting_for_disk()
        show = not options["no_progress"] and sys.stderr.isatty()
        # Standard input is read as it arrives, so its articles are prepared here, one by one.
        workers = 1 if "-" in files else options["workers"]
        items = (item for file in files for item in submissions(file))
        with (
            prepared_articles(items, outlets=outlet_registry(), workers=workers) as prepared,
            tqdm(desc="ingest", unit=" articles", disable=not show) as progress,
        ):
            for chunk in _chunks(prepared, BATCH_SIZE):
                self._store_chunk(chunk, counts)
                progress.update(len(chunk))
        self._summary(counts)
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} article(s) failed", returncode=1)

    def _store_chunk(self, chunk: list[Prepared], counts: Counter[str]) -> None:
        ready = [(source, p, e) for source, p, e, _ in chunk if p is not None and e is not None]
        for source, _, _, error in chunk:
            if error is not None:
                self._failed(source, error, counts)
        results = articles_store(batch=[(p, e) for _, p, e in ready]) if ready else []
        for (source, _, _), result in zip(ready, results, strict=True):
            if isinstance(result, Exception):
                self._failed(source, str(result).strip().splitlines()[0], counts)
            else:
                counts[result.state.value] += 1
                counts["quotes"] += result.quotes_stored
                counts["claims"] += result.claims_stored

    def _failed(self, source: str, error: str, counts: Counter[str]) -> None:
        counts["failed"] += 1
        self.stderr.write(f"failed: {source}: {error}")

    def _summary(self, counts: Counter[str]) -> None:
        self.stdout.write(
            f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['failed']} failed, {counts['quotes']} quotes stored, "
            f"{counts['claims']} claims stored"
        )


def _chunks(items: Iterator[Prepared], size: int) -> Iterator[list[Prepared]]:
    chunk: list[Prepared] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _commit_without_waiting_for_disk() -> None:
    """Each article still commits atomically; only the wait for the disk flush goes.

    A PostgreSQL crash may then lose the last fraction of a second of commits (never half an
    article), and running the same ingest again stores them: the command is idempotent.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
