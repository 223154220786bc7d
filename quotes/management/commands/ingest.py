"""python manage.py ingest PATH...: store articles from files, idempotently."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from tqdm import tqdm

from quotes.management.preflight import require_migrated_database
from quotes.services import articles_store
from quotes.workers import Prepared, prepared_articles
from sources.loaders import Submission, input_files, submissions
from sources.services import outlet_registry

# Articles written per transaction: a failure in one sends its batch back one by one.
BATCH_SIZE = 50
# With a broker: articles per task (at most MAX_BATCH_ARTICLES), and characters per task,
# so that a message stays small whatever the articles' length.
TASK_ARTICLES = 50
TASK_CHARACTERS = 4_000_000
T = TypeVar("T")


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
        show = not options["no_progress"] and sys.stderr.isatty()
        if settings.CELERY_TASK_ALWAYS_EAGER:  # no broker: this machine does it all
            self._ingest_here(files, options["workers"], counts, show)
        else:
            items = (item for file in files for item in submissions(file))
            self._ingest_on_workers(items, counts, show)
        self._summary(counts)
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} article(s) failed", returncode=1)

    def _ingest_here(
        self, files: list[Any], workers: int, counts: Counter[str], show: bool
    ) -> None:
        _commit_without_waiting_for_disk()
        # Standard input is read as it arrives, so its articles are prepared here, one by one.
        workers = 1 if "-" in files else workers
        items = (item for file in files for item in submissions(file))
        with (
            prepared_articles(items, outlets=outlet_registry(), workers=workers) as prepared,
            tqdm(desc="ingest", unit=" articles", disable=not show) as progress,
        ):
            for chunk in _chunks(prepared, BATCH_SIZE):
                self._store_chunk(chunk, counts)
                progress.update(len(chunk))

    def _ingest_on_workers(
        self, items: Iterable[Submission], counts: Counter[str], show: bool
    ) -> None:
        """Send the articles to Celery workers in batches; one progress bar for the whole job."""
        # jobs builds on quotes; only this path, taken with a broker, goes the other way.
        from jobs.dispatch import job_results, job_run
        from jobs.models import JobKind
        from jobs.services import article_item, job_create
        from jobs.tasks import ingest_batch

        job = job_create(kind=JobKind.INGEST)

        def batches() -> Iterator[tuple[list[dict[str, Any]]]]:
            for chunk in _task_chunks(items):
                readable = []
                for item in chunk:
                    if item.article is None:
                        self._failed(item.source, item.error or "cannot read", counts)
                    else:
                        readable.append(article_item(item.article, source=item.source))
                if readable:
                    yield (readable,)

        with tqdm(desc="ingest", unit=" articles", disable=not show) as progress:

            def show_progress(done: int) -> None:
                progress.update(done + counts["failed"] - progress.n)

            job_run(job=job, task=ingest_batch, batches=batches(), on_progress=show_progress)
        for result in job_results(job=job):
            if result["result"] == "failed":
                self._failed(result["source"], result.get("reason") or "failed", counts)
            else:
                state = str(result["result"])
                counts["unchanged" if state == "duplicate" else state] += 1
                counts["quotes"] += result.get("quotes", 0)
                counts["claims"] += result.get("claims", 0)

    def _store_chunk(self, chunk: list[Prepared], counts: Counter[str]) -> None:
        ready = [(source, p, e) for source, p, e, _ in chunk if p is not None and e is not None]
        for source, p, e, error in chunk:
            if error is not None:
                self._failed(source, error, counts)
            elif p is not None and e is None:
                counts["unchanged"] += 1  # stored already: not extracted again
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


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _task_chunks(items: Iterable[Submission]) -> Iterator[list[Submission]]:
    """Submissions in batches of at most TASK_ARTICLES articles and TASK_CHARACTERS characters."""
    chunk: list[Submission] = []
    characters = 0
    for item in items:
        length = len(item.article.text) if item.article is not None else 0
        if chunk and (len(chunk) == TASK_ARTICLES or characters + length > TASK_CHARACTERS):
            yield chunk
            chunk, characters = [], 0
        chunk.append(item)
        characters += length
    if chunk:
        yield chunk


def _commit_without_waiting_for_disk() -> None:
    """Each article still commits atomically; only the wait for the disk flush goes.

    A PostgreSQL crash may then lose the last fraction of a second of commits (never half an
    article), and running the same ingest again stores them: the command is idempotent.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
