"""The learned scorer of claims: a logistic regression over a candidate's features (claims.py
reads them: the rule, the cue, the subject's kind, what the content opens with, its length, ...),
with the weights that `python -m quotes.extraction train-claims` fits on annotated articles and
writes to claim_weights.py. Pure Python: a sum of the weights of the features present."""

from __future__ import annotations

import math
from collections.abc import Iterable

from quotes.extraction.claim_weights import BIAS, THRESHOLD, WEIGHTS

CLAIM_THRESHOLD = THRESHOLD


def claim_logit(features: Iterable[str]) -> float:
    return BIAS + sum(WEIGHTS.get(feature, 0.0) for feature in features)


def claim_probability(features: Iterable[str]) -> float:
    return 1.0 / (1.0 + math.exp(-claim_logit(features)))


def claim_kept(features: Iterable[str]) -> bool:
    """Whether the scorer keeps a candidate: its probability of being a right claim (right
    content and right speaker) reaches the threshold chosen by cross-validation."""
    return claim_probability(features) >= THRESHOLD
