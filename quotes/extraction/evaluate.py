"""Scores the extractor against annotated sets: the entry points kept at their old import path.

The formats, their matching rules and the reports live in quotes.extraction.evaluation, one
module per format; the figures are those of the scorer scripts that check the held-out sets.
"""

from __future__ import annotations

from pathlib import Path

from quotes.extraction.evaluation import Predictor, SetResult, evaluate_paths, read_articles

__all__ = ["evaluate", "read_articles"]


def evaluate(
    path: Path, *, limit: int | None = None, predictor: Predictor | None = None
) -> SetResult:
    """One annotated set scored; its format (PolNeAR quotes or claims, Korean gold) is told from
    the path."""
    (result,) = evaluate_paths([path], limit=limit, predictor=predictor)
    return result
