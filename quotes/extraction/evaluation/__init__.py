"""Scores the extractor against annotated sets, with the figures and matching rules of the scorer
scripts the held-out sets are checked with (one module per format):

    polnear.py  PolNeAR quotes, JSON Lines with `quotes` (score_polnear.py)
    claims.py   PolNeAR claims, `*_claims.jsonl` with `attributions` (score_claims.py)
    korea.py    the Korean gold, a folder with gold.json and articles/ (score_gold.py)
    report.py   the single-set report, the side-by-side table, errors by class, JSON

Paths are always arguments: the annotated data never enters the repository.
"""

from quotes.extraction.evaluation.common import ErrorCase, Predictor, SetResult
from quotes.extraction.evaluation.polnear import read_articles
from quotes.extraction.evaluation.sets import detect_format, evaluate_paths

__all__ = [
    "ErrorCase",
    "Predictor",
    "SetResult",
    "detect_format",
    "evaluate_paths",
    "read_articles",
]
