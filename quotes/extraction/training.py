"""Training the speaker scorer (speakers.py) on PolNeAR-format quotes.

    python -m quotes.extraction train-speakers TRAIN.jsonl [--folds 5] [--out FILE]

Every quote whose decision is open (speakers.is_open on the sieve's answer) and whose span meets a
gold quote gives one decision: its candidates, each labelled right when its mention agrees with
the gold speaker as the scorer counts it. A logistic model is fitted by plain stochastic gradient
descent in a fixed order (no randomness); a quote the sieve left without a speaker gets the best
candidate only above the one of THRESHOLDS that decides most training decisions right (ties go to
the higher). The folds
split by article and print how often the sieve's order and the scorer are right on the articles
each fold was not fitted on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.extraction.attribute import attribute
from quotes.extraction.evaluation.common import as_read, jaccard
from quotes.extraction.evaluation.polnear import mention_agrees, read_articles, scored_articles
from quotes.extraction.pipeline import quote_contexts
from quotes.extraction.speakers import Weights, candidates, is_open

# The probability above which a quote the sieve left without a speaker gets the best candidate:
# the one of these that decides most training decisions right.
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass(frozen=True, slots=True)
class Decision:
    """One open decision: the candidates' features and labels, the sieve's pick (index or
    None) and whether the gold has no speaker."""

    article: str
    features: tuple[Mapping[str, float], ...]
    labels: tuple[bool, ...]
    sieve: int | None
    gold_none: bool

    def right(self, pick: int | None) -> bool:
        return self.gold_none if pick is None else self.labels[pick]


def decisions_of(articles: Iterable[Mapping[str, Any]]) -> list[Decision]:
    found: list[Decision] = []
    for article in articles:
        text = as_read(article["text"])
        gold = article["quotes"]
        for ctx in quote_contexts(text, evidence=False):
            first = attribute(ctx)
            if not is_open(first):
                continue
            match = _gold_quote(gold, (ctx.quote.start, ctx.quote.end))
            if match is None:
                continue
            speaker = match.get("speaker")
            proposed = candidates(ctx, first)
            if first is not None and len(proposed) < 2:
                continue  # nothing to weigh: speakers.choose keeps the sieve's answer
            labels = tuple(
                _agrees(speaker, c.attribution.mention_text)
                or (
                    c.attribution.refers_to is not None
                    and _agrees(speaker, c.attribution.refers_to.mention_text)
                )
                for c in proposed
            )
            found.append(
                Decision(
                    article=str(article.get("id", "")),
                    features=tuple(c.features for c in proposed),
                    labels=labels,
                    sieve=0 if first is not None and proposed else None,
                    gold_none=speaker is None,
                )
            )
    return found


def _agrees(gold: str | None, mention: str) -> bool:
    return gold is not None and mention_agrees(gold, mention)


def _gold_quote(
    gold: Sequence[Mapping[str, Any]], span: tuple[int, int]
) -> Mapping[str, Any] | None:
    best, best_score = None, 0.5
    for quote in gold:
        score = jaccard((int(quote["start"]), int(quote["end"])), span)
        if score >= best_score:
            best, best_score = quote, score
    return best


def fit(decisions: Sequence[Decision], *, epochs: int = 20, rate: float = 0.1) -> Weights:
    """Logistic regression over every candidate, by SGD in the decisions' order, and the
    threshold that decides most training decisions right."""
    weights: dict[str, float] = {}
    l2 = 1e-4
    step = 0
    for _ in range(epochs):
        for decision in decisions:
            for features, label in zip(decision.features, decision.labels, strict=True):
                step += 1
                learning = rate / (1.0 + step / 20000.0)
                total = sum(weights.get(name, 0.0) * value for name, value in features.items())
                predicted = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
                gradient = predicted - (1.0 if label else 0.0)
                for name, value in features.items():
                    old = weights.get(name, 0.0)
                    weights[name] = old - learning * (gradient * value + l2 * old)
    model = Weights(weights=weights, threshold=0.5)
    best = max(THRESHOLDS, key=lambda t: (_count_right(decisions, _with(model, t)), t))
    return _with(model, best)


def _with(model: Weights, threshold: float) -> Weights:
    return Weights(weights=model.weights, threshold=threshold)


def pick(decision: Decision, model: Weights) -> int | None:
    """What speakers.choose picks among the decision's candidates."""
    best: int | None = None
    best_score = model.threshold if decision.sieve is None else -1.0
    for index, features in enumerate(decision.features):
        score = model.probability(features)
        if score > best_score:
            best, best_score = index, score
    return best


def _count_right(decisions: Sequence[Decision], model: Weights) -> int:
    return sum(decision.right(pick(decision, model)) for decision in decisions)


def cross_validate(decisions: Sequence[Decision], folds: int) -> list[tuple[int, int, int]]:
    """Per fold (articles dealt round-robin in file order): decisions, sieve right, scorer
    right, on the articles the fold was not fitted on."""
    articles = list(dict.fromkeys(decision.article for decision in decisions))
    fold_of = {article: index % folds for index, article in enumerate(articles)}
    figures = []
    for fold in range(folds):
        held = [d for d in decisions if fold_of[d.article] == fold]
        model = fit([d for d in decisions if fold_of[d.article] != fold])
        sieve = sum(d.right(d.sieve) for d in held)
        figures.append((len(held), sieve, _count_right(held, model)))
    return figures


def command_train_speakers(paths: list[Path], *, folds: int, out: Path | None) -> int:
    decisions: list[Decision] = []
    for path in paths:
        decisions.extend(decisions_of(scored_articles(read_articles(path))))
    reachable = sum(any(decision.labels) for decision in decisions)
    print(f"{len(decisions)} open decisions, {reachable} with a right candidate")
    if folds > 1:
        total = [0, 0, 0]
        for fold, (count, sieve, scorer) in enumerate(cross_validate(decisions, folds)):
            print(f"fold {fold}: {count} decisions, sieve right {sieve}, scorer right {scorer}")
            total = [total[0] + count, total[1] + sieve, total[2] + scorer]
        print(f"all folds: {total[0]} decisions, sieve right {total[1]}, scorer right {total[2]}")
    model = fit(decisions)
    print(
        f"fitted on all: sieve right {sum(d.right(d.sieve) for d in decisions)}, "
        f"scorer right {_count_right(decisions, model)}, threshold {model.threshold}"
    )
    if out is not None:
        from quotes.extraction.speakers import weights_to_json

        out.write_text(weights_to_json(model), encoding="utf-8")
        print(f"weights written to {out}")
    return 0
