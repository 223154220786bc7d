"""python manage.py extract PATH...: the quotes and claims of text files as JSON Lines, nothing
stored."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from quotes.extraction import EXTRACTOR_VERSION, extract


class Command(BaseCommand):
    help = (
        "Print one JSON object per quote found in each file (or - for stdin), then one per claim "
        'in reported speech ("kind": "indirect"): source, text, start and end (offsets into the '
        "text as read), speaker, cue. Nothing is stored."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="text files, or - for standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = 0
        for path in options["paths"]:
            try:
                text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                self.stderr.write(f"failed: {path}: {error}")
                failed += 1
                continue
            result = extract(text)
            for statement in (*result.quotes, *result.claims):
                row = {
                    "source": path,
                    **statement.to_dict(),
                    "extractor_version": EXTRACTOR_VERSION,
                }
                self.stdout.write(json.dumps(row, ensure_ascii=False))
        if failed:
            raise CommandError(f"{failed} file(s) could not be read", returncode=1)
