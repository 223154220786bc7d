"""python manage.py reextract: run the current extractor over stored articles."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from quotes.extraction import EXTRACTOR_VERSION
from quotes.management.preflight import require_migrated_database
from quotes.services import article_reextract
from sources.models import Article

# With a broker: stored articles per task.
TASK_ARTICLES = 50


class Command(BaseCommand):
    help = (
        "Re-extract articles made by another extractor version (or all with --all). "
        "Machine-made quotes and claims are replaced; verified, corrected and rejected ones "
        "are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="every article, whatever version")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        require_migrated_database()
        articles = Article.objects.order_by("pk")
        if not options["all"]:
            articles = articles.exclude(extractor_version=EXTRACTOR_VERSION)
        ids = list(articles.values_list("pk", flat=True))
        show = not options["no_progress"] and sys.stderr.isatty()
        if settings.CELERY_TASK_ALWAYS_EAGER:  # no broker: this machine does it all
            replaced, stored, kept, claims = self._reextract_here(ids, show)
        else:
            replaced, stored, kept, claims = self._reextract_on_workers(ids, options["all"], show)
        self.stdout.write(
            f"{len(ids)} articles re-extracted with {EXTRACTOR_VERSION}: {replaced} machine "
            f"statements replaced by {stored} ({claims} of them claims), {kept} curated "
            "statements kept"
        )

    def _reextract_here(self, ids: list[int], show: bool) -> tuple[int, int, int, int]:
        replaced = stored = kept = claims = 0
        for pk in tqdm(ids, desc="reextract", unit=" articles", disable=not show):
            article = Article.objects.filter(pk=pk).first()
            if article is None:
                continue  # deleted meanwhile
            result = article_reextract(article=article)
            replaced, stored, kept = (
                replaced + result.replaced,
                stored + result.stored,
                kept + result.kept_curated,
            )
            claims += result.claims_stored
        return replaced, stored, kept, claims

    def _reextract_on_workers(
        self, ids: list[int], everything: bool, show: bool
    ) -> tuple[int, int, int, int]:
        """Send the articles to Celery workers in batches; one progress bar for the whole job."""
        # jobs builds on quotes; only this path, taken with a broker, goes the other way.
        from jobs.dispatch import job_results, job_run
        from jobs.models import JobKind
        from jobs.services import job_create
        from jobs.tasks import reextract_batch

        job = job_create(kind=JobKind.REEXTRACT)

        def batches() -> Iterator[tuple[list[int], bool]]:
            for start in range(0, len(ids), TASK_ARTICLES):
                yield ids[start : start + TASK_ARTICLES], everything

        with tqdm(total=len(ids), desc="reextract", unit=" articles", disable=not show) as bar:
            job_run(
                job=job,
                task=reextract_batch,
                batches=batches(),
                on_progress=lambda done: bar.update(done - bar.n),
            )
        replaced = stored = kept = claims = 0
        for result in job_results(job=job):
            replaced += result.get("replaced", 0)
            stored += result.get("quotes", 0) if result["result"] == "updated" else 0
            kept += result.get("kept_curated", 0)
            claims += result.get("claims", 0)
        return replaced, stored, kept, claims
