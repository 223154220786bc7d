"""Fits the learned scorer of claims (claim_model.py) on PolNeAR-style claims sets and writes its
weights to claim_weights.py: `python -m quotes.extraction train-claims TRAIN_CLAIMS.jsonl`.

Every candidate the claim rules find (claims.py, all kept) is labelled right when it matches a gold
claim (kind indirect or mixed, character Jaccard >= 0.5, one to one as the scorer pairs them) with
the right speaker, wrong otherwise. A logistic regression (pure Python, fixed seed and order, so
the same data give the same weights) learns from the candidates' features. The threshold comes
from article-level cross-validation on the same data: the folds' held-out scores are sorted and the
cut with the best end-to-end F1 whose precision stays at or above `min_precision` is taken, so the
threshold is never chosen on scores the weights were fitted to. The cut never falls below
`min_likelihood` (0.5): best F1 alone would keep candidates the scorer itself judges more likely
wrong than right, and a claim stored under the wrong name is worse than a claim missed.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quotes.extraction.evaluation.claims import gold_claims, gold_span
from quotes.extraction.evaluation.common import as_read, greedy_pairs
from quotes.extraction.evaluation.polnear import read_articles, speaker_right
from quotes.extraction.pipeline import claim_candidates

SEED = 20261202
EPOCHS = 12
RATE = 0.1
L2 = 1e-4
MIN_COUNT = 3  # a feature seen fewer times is left out: its weight would be noise
MIN_WEIGHT = 0.005


@dataclass(frozen=True, slots=True)
class Example:
    article: int
    features: tuple[str, ...]
    right: bool


@dataclass(frozen=True, slots=True)
class Labelled:
    """The candidates of scored cues, and what the rules' own claims give (always kept)."""

    examples: list[Example]
    ruled: int
    ruled_right: int
    gold: int


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    weights: dict[str, float]

    def logit(self, features: Sequence[str]) -> float:
        return self.bias + sum(self.weights.get(feature, 0.0) for feature in features)

    def probability(self, features: Sequence[str]) -> float:
        return _sigmoid(self.logit(features))


@dataclass(frozen=True, slots=True)
class Figures:
    threshold: float
    kept: int
    right: int
    gold: int

    @property
    def precision(self) -> float:
        return self.right / self.kept if self.kept else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def line(self) -> str:
        return (
            f"threshold {self.threshold:.3f}, {self.kept} kept, {self.right} right: "
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}"
        )


def labelled_examples(paths: Sequence[Path]) -> Labelled:
    """The candidates of scored cues in every article, labelled, beside the rules' claims."""
    examples: list[Example] = []
    ruled = ruled_right = gold_total = article_index = 0
    for path in paths:
        for article in read_articles(path):
            text = as_read(article["text"])
            gold = gold_claims(article)
            gold_total += len(gold)
            candidates = claim_candidates(text)
            spans = [(claim.start, claim.end) for claim, _ in candidates]
            pairs = {j: i for i, j in greedy_pairs([gold_span(g) for g in gold], spans)}
            for j, (claim, features) in enumerate(candidates):
                right = j in pairs and speaker_right(
                    gold[pairs[j]].get("source_text"), claim.to_dict().get("speaker")
                )
                if features is None:
                    ruled += 1
                    ruled_right += right
                else:
                    examples.append(Example(article_index, tuple(features), right))
            article_index += 1
    return Labelled(examples, ruled, ruled_right, gold_total)


def fit(examples: Sequence[Example]) -> Model:
    """Logistic regression by stochastic gradient descent with AdaGrad steps and an L2 penalty,
    in an order fixed by SEED."""
    counts = Counter(feature for example in examples for feature in example.features)
    known = {feature for feature, count in counts.items() if count >= MIN_COUNT}
    rows = [
        ([feature for feature in example.features if feature in known], float(example.right))
        for example in examples
    ]
    weights: dict[str, float] = dict.fromkeys(sorted(known), 0.0)
    squares: dict[str, float] = dict.fromkeys(weights, 1e-8)
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(rows)))
    shuffler = random.Random(SEED)
    for _ in range(EPOCHS):
        shuffler.shuffle(order)
        for index in order:
            features, label = rows[index]
            error = _sigmoid(bias + sum(weights[f] for f in features)) - label
            bias_square += error * error
            bias -= RATE * error / math.sqrt(bias_square)
            for feature in features:
                gradient = error + L2 * weights[feature]
                squares[feature] += gradient * gradient
                weights[feature] -= RATE * gradient / math.sqrt(squares[feature])
    return Model(bias, {f: w for f, w in weights.items() if abs(w) >= MIN_WEIGHT})


def cross_validated(examples: Sequence[Example], folds: int) -> list[float]:
    """Each example's probability under weights fitted without its article's fold."""
    scores = [0.0] * len(examples)
    for fold in range(folds):
        model = fit([e for e in examples if e.article % folds != fold])
        for index, example in enumerate(examples):
            if example.article % folds == fold:
                scores[index] = model.probability(example.features)
    return scores


def best_threshold(
    scores: Sequence[float],
    data: Labelled,
    min_precision: float,
    *,
    min_likelihood: float = 0.0,
    base: Figures | None = None,
) -> Figures:
    """The cut of the sorted scores with the best end-to-end F1 (the rules' claims counted in)
    whose precision stays at or above min_precision, at a score of min_likelihood or more."""
    ranked = sorted(
        zip(scores, (e.right for e in data.examples), strict=True), key=lambda pair: -pair[0]
    )
    best = Figures(1.0, data.ruled, data.ruled_right, data.gold) if base is None else base
    kept, right = data.ruled, data.ruled_right
    for position, (score, label) in enumerate(ranked):
        if score < min_likelihood:
            break
        kept += 1
        right += label
        if position + 1 < len(ranked) and ranked[position + 1][0] == score:
            continue  # a cut falls between different scores only
        figures = Figures(score, kept, right, data.gold)
        if figures.precision >= min_precision and figures.f1 > best.f1:
            best = figures
    return best


def figures_at(scores: Sequence[float], data: Labelled, threshold: float) -> Figures:
    kept = [e.right for score, e in zip(scores, data.examples, strict=True) if score >= threshold]
    return Figures(threshold, data.ruled + len(kept), data.ruled_right + sum(kept), data.gold)


def render_weights(model: Model, threshold: float, summary: Sequence[str]) -> str:
    lines = [
        '"""Weights of the learned claim scorer (claim_model.py), written by',
        "`python -m quotes.extraction train-claims`; do not edit by hand, retrain.",
        "",
        *summary,
        '"""',
        "",
        f"BIAS: float = {model.bias:.4f}",
        f"THRESHOLD: float = {threshold:.4f}",
        "WEIGHTS: dict[str, float] = {",
        *(f"    {feature!r}: {weight:.4f}," for feature, weight in sorted(model.weights.items())),
        "}",
        "",
    ]
    return "\n".join(lines).replace("'", '"')


def train_claims(
    paths: Sequence[Path],
    *,
    out: Path,
    folds: int = 5,
    min_precision: float = 0.82,
    min_likelihood: float = 0.5,
) -> list[str]:
    """Fit, choose the threshold by cross-validation, write the weights; the report's lines."""
    data = labelled_examples(paths)
    validated = best_threshold(
        cross_validated(data.examples, folds),
        data,
        min_precision,
        min_likelihood=min_likelihood,
    )
    model = fit(data.examples)
    fitted = figures_at(
        [model.probability(e.features) for e in data.examples], data, validated.threshold
    )
    rules = Figures(1.0, data.ruled, data.ruled_right, data.gold)
    report = [
        f"{data.gold} gold claims; {len(data.examples)} candidates of scored cues, "
        f"{sum(e.right for e in data.examples)} right",
        f"the rules alone: {rules.line()}",
        f"cross-validated ({folds} folds): {validated.line()}",
        f"fitted on all: {fitted.line()}",
    ]
    out.write_text(render_weights(model, validated.threshold, report), encoding="utf-8")
    return [*report, f"{len(model.weights)} weights"]


def _sigmoid(value: float) -> float:
    if value < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))
