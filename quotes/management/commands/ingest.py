"""python manage.py ingest PATH...: store articles from files, idempotently."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections
from tqdm import tqdm

from quotes.extraction import Extraction, extract
from quotes.services import articles_store
from sources.loaders import Submission, input_files, submissions
from sources.metadata import OutletInfo
from sources.services import ArticleInputError, PreparedArticle, article_prepare, outlet_registry

# Articles written per transaction: a failure in one sends its batch back one by one.
BATCH_SIZE = 50
Prepared = tuple[str, PreparedArticle | None, Extraction | None, str | None]
_outlets: tuple[OutletInfo, ...] = ()
_inherited: list[object] = []


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
        counts: Counter[str] = Counter()
        _commit_without_waiting_for_disk()
        show = not options["no_progress"] and sys.stderr.isatty()
        with tqdm(desc="ingest", unit=" articles", disable=not show) as progress:
            for chunk in _chunks(_prepared(files, options["workers"]), BATCH_SIZE):
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

    def _failed(self, source: str, error: str, counts: Counter[str]) -> None:
        counts["failed"] += 1
        self.stderr.write(f"failed: {source}: {error}")

    def _summary(self, counts: Counter[str]) -> None:
        self.stdout.write(
            f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged, "
            f"{counts['failed']} failed, {counts['quotes']} quotes stored"
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


def _prepared(files: list[Any], workers: int) -> Iterator[Prepared]:
    """Clean and extract in worker processes while the caller writes to the database."""
    items = (s for f in files for s in submissions(f))
    outlets = outlet_registry()
    if workers <= 1 or "-" in files:
        _use_outlets(outlets)
        yield from map(_prepare, items)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_start_worker, initargs=(outlets,)) as pool:
        yield from pool.imap(_prepare, items, chunksize=8)


def _use_outlets(outlets: tuple[OutletInfo, ...]) -> None:
    global _outlets
    _outlets = outlets


def _start_worker(outlets: tuple[OutletInfo, ...]) -> None:
    """A forked worker never touches the database, nor the connection it inherited.

    Keeping a reference to the inherited connections means they are never garbage-collected
    here (which would close the writer's session on the server); forked workers leave with
    os._exit, which runs no finalizers.
    """
    _inherited.extend(c.connection for c in connections.all(initialized_only=True))
    _use_outlets(outlets)


def _prepare(item: Submission) -> Prepared:
    if item.article is None:
        return item.source, None, None, item.error
    try:
        prepared = article_prepare(submitted=item.article, outlets=_outlets)
    except ArticleInputError as error:
        return item.source, None, None, str(error)
    return item.source, prepared, extract(prepared.body), None
