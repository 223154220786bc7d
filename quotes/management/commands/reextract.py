"""python manage.py reextract: run the current extractor over stored articles."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from quotes.extraction import EXTRACTOR_VERSION
from quotes.management.preflight import require_migrated_database
from quotes.services import article_reextract
from sources.models import Article


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
        self.stdout.write(
            f"{len(ids)} articles re-extracted with {EXTRACTOR_VERSION}: {replaced} machine "
            f"statements replaced by {stored} ({claims} of them claims), {kept} curated "
            "statements kept"
        )
