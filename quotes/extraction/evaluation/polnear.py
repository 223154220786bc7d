"""PolNeAR quotes (`polnear_*.jsonl`: one article a line, with `quotes`), scored as
score_polnear.py scores `manage.py extract` output.

- Placing: a prediction sits at its offsets when they slice to its text, else at the first
  occurrence of its text not taken by an earlier prediction.
- Span match: gold content spans (quote marks excluded) and predictions pair one to one, greedily,
  best character Jaccard first, at Jaccard >= 0.5. Span P = matched / predicted, R = matched / gold.
- Speaker right: the gold speaker is the local mention ("he", "Quist", "a spokeswoman"). It agrees
  with the prediction's `mention` or its resolved `name` when the normalised strings are equal or
  the head word (last word before a comma or bracket) of one occurs in the other; a gold pronoun
  agrees only with the same pronoun. No gold speaker is right only with no predicted speaker.
- Speaker accuracy: speaker right / matched. End-to-end: matched and speaker right,
  P = right / predicted, R = right / gold.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.extraction.evaluation.common import (
    ErrorCase,
    Predictor,
    Record,
    SetResult,
    SpanPair,
    clip,
    context,
    describe_record,
    f1,
    greedy_pairs,
    jaccard,
    place_all,
    ratio,
)

FORMAT = "polnear-quotes"
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})

DEFINITIONS = (
    "span match = predicted and gold content spans paired one to one, best character Jaccard\n"
    "  first, at >= 0.5; speaker right = the gold local mention agrees with the predicted mention\n"
    "  or resolved name (same words, or the head word of one occurs in the other; a gold pronoun\n"
    "  only with the same pronoun), or both absent; end-to-end = span match and speaker right,\n"
    "  P = right/predicted, R = right/gold (as score_polnear.py)."
)

SPEAKER_ERROR_CLASSES: dict[str, str] = {
    "NO_SPEAKER": "span matched, gold has a speaker, none predicted",
    "SPEAKER_NOT_IN_GOLD": "span matched, gold has no speaker, one predicted",
    "GOLD_PRONOUN": "gold speaker is a pronoun, which only that pronoun matches; another given",
    "PRONOUN_RESOLVED_WRONG": "predicted mention is a pronoun, resolved to someone else",
    "MENTION_BOUNDARY": "predicted mention overlaps the gold mention, but the words disagree",
    "WRONG_SPEAKER": "span matched, another mention and name",
}

ERROR_CLASSES: dict[str, str] = {
    "MISSED": "gold quote, no predicted span at Jaccard >= 0.5",
    "EXTRA": "predicted quote, no gold quote",
    "EXTRA_SCARE": "predicted quote over an annotated scare quote or title, no speaker",
    "SCARE_ATTRIBUTED": "predicted quote over an annotated scare quote or title, with a speaker",
    **SPEAKER_ERROR_CLASSES,
}


def read_articles(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            if line.strip():
                yield json.loads(line)


def scored_articles(articles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles the scorers score: they write each to `<id, [^\\w.-] as _>.txt`, so of two
    ids that give one file name only the last article counts."""
    by_file: dict[str, dict[str, Any]] = {}
    for article in articles:
        by_file[re.sub(r"[^\w.-]", "_", str(article["id"])) + ".txt"] = article
    return list(by_file.values())


# The speaker rule, kept as the scorer words it.


def norm(text: str | None) -> str:
    return " ".join(re.findall(r"[\w'-]+", (text or "").lower().replace("\u2019", "'")))


def _core(text: str | None) -> str:
    """The words before the first comma or bracket: "Quist, a spokesman" -> "quist"."""
    return norm(re.split(r"[,(]", text or "", maxsplit=1)[0]) or norm(text)


def mention_agrees(gold: str | None, predicted: str | None) -> bool:
    gold_words, predicted_words = norm(gold), norm(predicted)
    if not gold_words or not predicted_words:
        return False
    if gold_words == predicted_words:
        return True
    gold_core, predicted_core = _core(gold).split(), _core(predicted).split()
    gold_tokens, predicted_tokens = gold_words.split(), predicted_words.split()
    if len(gold_tokens) == 1 and gold_tokens[0] in PRONOUNS:
        return False
    return bool(
        gold_core
        and predicted_core
        and (gold_core[-1] in predicted_tokens or predicted_core[-1] in gold_tokens)
    )


def speaker_right(gold: str | None, speaker: Mapping[str, Any] | None) -> bool:
    if gold is None or not speaker:
        return gold is None and not speaker
    return any(mention_agrees(gold, speaker.get(key)) for key in ("mention", "name"))


def speaker_error(
    gold: str | None, gold_spans: Sequence[SpanPair], speaker: Mapping[str, Any] | None
) -> str:
    """The class of a wrong speaker on a matched span (see SPEAKER_ERROR_CLASSES)."""
    if not speaker:
        return "NO_SPEAKER"
    if gold is None:
        return "SPEAKER_NOT_IN_GOLD"
    if norm(gold) in PRONOUNS:
        return "GOLD_PRONOUN"
    if norm(speaker.get("mention")) in PRONOUNS:
        return "PRONOUN_RESOLVED_WRONG"
    start, end = speaker.get("mention_start"), speaker.get("mention_end")
    if (
        isinstance(start, int)
        and isinstance(end, int)
        and any(start < gold_end and gold_start < end for gold_start, gold_end in gold_spans)
    ):
        return "MENTION_BOUNDARY"
    return "WRONG_SPEAKER"


def gold_speaker_spans(gold: Mapping[str, Any]) -> list[SpanPair]:
    spans = [(int(s), int(e)) for s, e in gold.get("speaker_spans") or []]
    if not spans and gold.get("speaker_start") is not None:
        spans = [(int(gold["speaker_start"]), int(gold["speaker_end"]))]
    return spans


@dataclass(frozen=True, slots=True)
class QuoteFigures:
    gold: int
    predicted: int
    matched: int
    speaker_right: int

    @property
    def span(self) -> tuple[float, float, float]:
        precision, recall = ratio(self.matched, self.predicted), ratio(self.matched, self.gold)
        return precision, recall, f1(precision, recall)

    @property
    def end_to_end(self) -> tuple[float, float, float]:
        precision = ratio(self.speaker_right, self.predicted)
        recall = ratio(self.speaker_right, self.gold)
        return precision, recall, f1(precision, recall)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_right, self.matched)

    def scorer_line(self, name: str) -> str:
        span, e2e = self.span, self.end_to_end
        return (
            f"polnear {name}: quote span P {span[0]:.3f} R {span[1]:.3f} F1 {span[2]:.3f}; "
            f"speaker accuracy on matched {self.speaker_accuracy:.3f}; "
            f"end-to-end P {e2e[0]:.3f} R {e2e[1]:.3f} F1 {e2e[2]:.3f}"
        )

    def counts_line(self) -> str:
        return (
            f"gold quotes {self.gold}, predicted {self.predicted}, span matches {self.matched}, "
            f"speaker right {self.speaker_right}"
        )

    def columns(self) -> dict[str, float | int]:
        span, e2e = self.span, self.end_to_end
        return {
            "gold": self.gold,
            "pred": self.predicted,
            "span F1": span[2],
            "spk acc": self.speaker_accuracy,
            "e2e P": e2e[0],
            "e2e R": e2e[1],
            "e2e F1": e2e[2],
        }

    def as_dict(self) -> dict[str, float | int]:
        span, e2e = self.span, self.end_to_end
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "speaker_right": self.speaker_right,
            "span_precision": span[0],
            "span_recall": span[1],
            "span_f1": span[2],
            "speaker_accuracy": self.speaker_accuracy,
            "e2e_precision": e2e[0],
            "e2e_recall": e2e[1],
            "e2e_f1": e2e[2],
        }


def score_article(
    article: Mapping[str, Any],
    predicted: Sequence[Record],
    tally: Counter[str],
    errors: list[ErrorCase],
) -> None:
    text: str = article["text"]
    ident = str(article.get("id", "?"))
    gold = article["quotes"]
    tally["gold"] += len(gold)
    tally["predicted"] += len(predicted)
    spans = place_all(text, predicted)
    pairs = greedy_pairs([(g["start"], g["end"]) for g in gold], spans)
    for i, j in pairs:
        tally["matched"] += 1
        expected, speaker = gold[i].get("speaker"), predicted[j].get("speaker")
        if speaker_right(expected, speaker):
            tally["speaker_right"] += 1
            continue
        kind = speaker_error(expected, gold_speaker_spans(gold[i]), speaker)
        marks = [gold[i].get("start_with_marks", gold[i]["start"])]
        marks += [s for s, _ in gold_speaker_spans(gold[i])]
        ends = [gold[i].get("end_with_marks", gold[i]["end"])]
        ends += [e for _, e in gold_speaker_spans(gold[i])]
        errors.append(
            ErrorCase(
                kind,
                ident,
                f"[{ident}] {clip(gold[i].get('text'))} gold {expected!r}, "
                f"{describe_record(predicted[j])}\n"
                f"    ctx: {context(text, min(marks), max(ends), before=80, after=80)}",
            )
        )
    matched_gold = {i for i, _ in pairs}
    for i, quote in enumerate(gold):
        if i not in matched_gold:
            errors.append(
                ErrorCase(
                    "MISSED",
                    ident,
                    f"[{ident}] {clip(quote.get('text'))} gold {quote.get('speaker')!r} "
                    f"cue {quote.get('cue')!r}\n"
                    f"    ctx: {context(text, quote['start'], quote['end'])}",
                )
            )
    matched_predicted = {j for _, j in pairs}
    scare = [
        (int(s["start"]), int(s["end"]))
        for s in article.get("unattributed_quote_marked_spans") or []
    ]
    for j, record in enumerate(predicted):
        if j in matched_predicted:
            continue
        span = spans[j]
        kind = "EXTRA"
        if span and any(jaccard(span, other) >= 0.5 for other in scare):
            kind = "SCARE_ATTRIBUTED" if record.get("speaker") else "EXTRA_SCARE"
        where = f"\n    ctx: {context(text, *span)}" if span else " (not found in the text)"
        errors.append(
            ErrorCase(
                kind,
                ident,
                f"[{ident}] {clip(record.get('text'))} {describe_record(record)}{where}",
            )
        )


ArticleScorer = Callable[[Mapping[str, Any], Sequence[Record], Counter[str], list[ErrorCase]], None]


def tally_articles(
    path: Path,
    predictor: Predictor,
    *,
    limit: int | None,
    records: Callable[[Any], Sequence[Record]],
    score: ArticleScorer,
) -> tuple[int, Counter[str], list[ErrorCase]]:
    """Score every article of a PolNeAR file: (articles, counts, errors). `records` picks what
    is scored from a prediction (its quotes or its claims)."""
    articles = scored_articles(read_articles(path, limit=limit))
    tally: Counter[str] = Counter()
    errors: list[ErrorCase] = []
    for article in articles:
        score(article, records(predictor(article["text"])), tally, errors)
    return len(articles), tally, errors


def evaluate_quotes(path: Path, predictor: Predictor, *, limit: int | None = None) -> SetResult:
    articles, tally, errors = tally_articles(
        path, predictor, limit=limit, records=lambda split: split.quotes, score=score_article
    )
    figures = QuoteFigures(
        gold=tally["gold"],
        predicted=tally["predicted"],
        matched=tally["matched"],
        speaker_right=tally["speaker_right"],
    )
    return SetResult(
        name=path.name,
        path=str(path),
        format=FORMAT,
        articles=articles,
        figures=figures,
        definitions=DEFINITIONS,
        error_classes=ERROR_CLASSES,
        errors=tuple(errors),
    )
