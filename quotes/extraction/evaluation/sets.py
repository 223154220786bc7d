"""Which evaluation a path asks for, told from the path (and, failing that, its first record)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from quotes.extraction.evaluation.claims import evaluate_claims
from quotes.extraction.evaluation.common import Predictor, SetResult
from quotes.extraction.evaluation.korea import GOLD_FILE, evaluate_korea
from quotes.extraction.evaluation.polnear import evaluate_quotes


class Evaluator(Protocol):
    def __call__(
        self, path: Path, predictor: Predictor, *, limit: int | None = None
    ) -> SetResult: ...


def detect_format(path: Path) -> Evaluator:
    """A folder holding gold.json, or a gold.json: the Korean gold; `*_claims.jsonl`: claims;
    any other JSON Lines file: quotes, unless its first article has `attributions` and no
    `quotes` (a claims file under another name)."""
    if path.is_dir():
        if not (path / GOLD_FILE).is_file():
            raise ValueError(f"{path}: a folder to evaluate must hold {GOLD_FILE}")
        return evaluate_korea
    if path.name == GOLD_FILE:
        return evaluate_korea
    if path.name.endswith("_claims.jsonl"):
        return evaluate_claims
    with path.open(encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    article = json.loads(first) if first else {}
    if "attributions" in article and "quotes" not in article:
        return evaluate_claims
    return evaluate_quotes


def evaluate_paths(
    paths: Sequence[Path], *, limit: int | None = None, predictor: Predictor | None = None
) -> list[SetResult]:
    """Every set scored with one predictor, so an article in two sets is extracted once."""
    predictor = predictor or Predictor()
    return [detect_format(path)(path, predictor, limit=limit) for path in paths]
