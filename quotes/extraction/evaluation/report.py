"""Printing evaluation results: one set in full, several side by side, errors by class, JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from quotes.extraction.evaluation.common import SetResult


def render_report(result: SetResult, version: str) -> str:
    """One set: definitions, counts, and last the figures worded as the scorer prints them."""
    return "\n".join(
        [
            f"extractor {version} on {result.path} ({result.articles} articles, {result.format})",
            "metrics: " + result.definitions,
            result.figures.counts_line(),
            result.figures.scorer_line(result.name),
        ]
    )


def _cell(value: float | int | str) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned first column, right-aligned figures."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def render_table(results: Sequence[SetResult], version: str) -> str:
    """Sets side by side: one table per format (each has its own headline figures), one row per
    set, in the order given."""
    lines = [f"extractor {version}"]
    formats = list(dict.fromkeys(result.format for result in results))
    for name in formats:
        group = [result for result in results if result.format == name]
        header = ["set", "articles", *group[0].figures.columns()]
        rows = [header]
        for result in group:
            figures = result.figures.columns().values()
            rows.append([result.name, str(result.articles), *(_cell(v) for v in figures)])
        lines += ["", f"{name}:", *_table(rows)]
    return "\n".join(lines)


def render_errors(result: SetResult, limit: int) -> str:
    """A summary of the error classes with their counts, then up to `limit` cases of each."""
    counts = result.error_counts()
    rows = [["class", "count", "meaning"]]
    rows += [
        [kind, str(count), result.error_classes.get(kind, "")] for kind, count in counts.items()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [f"errors in {result.name} ({result.format}), by class:"]
    lines += [f"  {r[0].ljust(widths[0])}  {r[1].rjust(widths[1])}  {r[2]}".rstrip() for r in rows]
    for kind, count in counts.items():
        if not count:
            continue
        shown = [error for error in result.errors if error.kind == kind][:limit]
        more = f", first {len(shown)}" if len(shown) < count else ""
        lines += ["", f"{kind} ({count}{more}): {result.error_classes.get(kind, '')}"]
        lines += [error.message for error in shown]
    return "\n".join(lines)


def render_json(result: SetResult, version: str) -> str:
    record = {
        "set": result.name,
        "path": result.path,
        "format": result.format,
        "extractor_version": version,
        "articles": result.articles,
        **result.figures.as_dict(),
        "scorer_line": result.figures.scorer_line(result.name),
        "errors": result.error_counts(),
    }
    return json.dumps(record, ensure_ascii=False)
