"""The learned scorer of claims: a logistic regression over a candidate's features (claims.py
reads them: the rule, the cue, the subject's kind, what the content opens with, its length, ...),
with the weights that `python -m quotes.extraction train-claims` fits on annotated articles and
writes to claim_weights.py. Pure Python: a sum of the weights of the features present."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Final

from quotes.extraction.claim_weights import BIAS, THRESHOLD, WEIGHTS

# The most the speaker's features (added once the speaker is resolved) can raise a logit.
_SPEAKER_GAIN: Final = sum(
    max([0.0, *(weight for feature, weight in WEIGHTS.items() if feature.startswith(prefix))])
    for prefix in ("speaker=", "resolved=")
)
_THRESHOLD_LOGIT: Final = math.log(THRESHOLD / (1 - THRESHOLD)) if 0 < THRESHOLD < 1 else -math.inf


def claim_logit(features: Iterable[str]) -> float:
    return BIAS + sum(WEIGHTS.get(feature, 0.0) for feature in features)


def claim_probability(features: Iterable[str]) -> float:
    return 1.0 / (1.0 + math.exp(-claim_logit(features)))


def claim_may_be_kept(features: Iterable[str]) -> bool:
    """Whether a candidate could reach the threshold once its speaker's features are added: the
    others are known before the speaker is resolved, which costs more than scoring."""
    return claim_logit(features) + _SPEAKER_GAIN >= _THRESHOLD_LOGIT


def claim_kept(features: Iterable[str]) -> bool:
    """Whether the scorer keeps a candidate: its probability of being a right claim (right
    content and right speaker) reaches the threshold chosen by cross-validation."""
    return claim_logit(features) >= _THRESHOLD_LOGIT
