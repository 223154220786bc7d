"""Scores the extractor against annotated articles (JSON Lines, one article per line).

Metrics, all micro-averaged over quotes:
- span match: a predicted quote matches a gold quote when their content offsets are equal after
  trimming whitespace and punctuation (EDGE_PUNCTUATION: `.,;:!?…-—–―'"“”‘’()[]«»`) from both
  ends of each span; matching is one to one.
- span P/R/F1: matched / predicted, matched / gold.
- speaker accuracy: among matched quotes, the share whose speaker is right. Right means the
  predicted mention's character span overlaps one of the gold speaker mention spans (the gold
  speaker is the local mention, `he` or `Caddell`), or both are null.
- end-to-end P/R/F1: a predicted quote is a true positive only if its span matches and its speaker
  is right; P = TP / predicted, R = TP / gold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotes.extraction.lexicon import EDGE_PUNCTUATION
from quotes.extraction.pipeline import extract
from quotes.extraction.types import Quote


@dataclass(slots=True)
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    errors: list[str] = field(default_factory=list)

    def ratio(self, part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    def f1(self, part: int) -> tuple[float, float, float]:
        precision = self.ratio(part, self.predicted)
        recall = self.ratio(part, self.gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def report(self) -> str:
        span = self.f1(self.matched)
        e2e = self.f1(self.speaker_right)
        accuracy = self.ratio(self.speaker_right, self.matched)
        return "\n".join(
            [
                "metrics: span match = same quote content offsets after trimming whitespace and",
                "  punctuation at both ends (one to one); speaker right = predicted mention span",
                "  overlaps a gold speaker mention span (or both null); end-to-end TP = span match",
                "  and speaker right, P = TP/predicted, R = TP/gold.",
                f"gold quotes {self.gold}, predicted {self.predicted}, span matches {self.matched}",
                "span        P {:.3f}  R {:.3f}  F1 {:.3f}".format(*span),
                f"speaker accuracy (of span matches) {accuracy:.3f}",
                "end-to-end  P {:.3f}  R {:.3f}  F1 {:.3f}".format(*e2e),
            ]
        )


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    return start, end


def read_articles(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            if line.strip():
                yield json.loads(line)


def _speaker_right(gold: dict[str, Any], quote: Quote) -> bool:
    spans = gold.get("speaker_spans") or []
    if gold.get("speaker_start") is not None and not spans:
        spans = [[gold["speaker_start"], gold["speaker_end"]]]
    if not spans:
        return quote.mention is None
    if quote.mention is None:
        return False
    return any(quote.mention.start < end and start < quote.mention.end for start, end in spans)


def score_article(article: dict[str, Any], scores: Scores, *, with_errors: bool) -> None:
    text = article["text"]
    predicted = {trimmed(text, q.start, q.end): q for q in extract(text).quotes}
    scores.predicted += len(predicted)
    unmatched = dict(predicted)
    for gold in article["quotes"]:
        scores.gold += 1
        quote = unmatched.pop(trimmed(text, gold["start"], gold["end"]), None)
        if quote is None:
            if with_errors:
                scores.errors.append(
                    _line("MISSED", article, text, gold["start"], gold["end"], gold)
                )
            continue
        scores.matched += 1
        if _speaker_right(gold, quote):
            scores.speaker_right += 1
        elif with_errors:
            scores.errors.append(_speaker_line(article, text, gold, quote))
    if with_errors:
        for quote in unmatched.values():
            scores.errors.append(_line("EXTRA", article, text, quote.start, quote.end, None, quote))


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 150) : end + 120].replace("\n", " ¶ ")


def _line(
    label: str,
    article: dict[str, Any],
    text: str,
    start: int,
    end: int,
    gold: dict[str, Any] | None,
    quote: Quote | None = None,
) -> str:
    speaker = gold["speaker"] if gold else (quote.mention.text if quote and quote.mention else None)
    return (
        f"{label} [{article['id']}] {start}-{end} speaker={speaker!r} "
        f"rule={quote.rule if quote else None}\n    {text[start:end][:120]!r}\n"
        f"    ctx: {_context(text, start, end)}"
    )


def _speaker_line(article: dict[str, Any], text: str, gold: dict[str, Any], quote: Quote) -> str:
    predicted = quote.mention.text if quote.mention else None
    start = min(gold["start_with_marks"], gold.get("speaker_start") or gold["start_with_marks"])
    end = max(gold["end_with_marks"], gold.get("speaker_end") or 0)
    return (
        f"SPEAKER [{article['id']}] gold={gold['speaker']!r} predicted={predicted!r} "
        f"rule={quote.rule} cue={quote.cue!r}\n    quote: {quote.text[:100]!r}\n"
        f"    ctx: {text[max(0, start - 200) : end + 150]!r}"
    )


def evaluate(path: Path, *, limit: int | None = None, with_errors: bool = False) -> Scores:
    scores = Scores()
    for article in read_articles(path, limit=limit):
        score_article(article, scores, with_errors=with_errors)
    return scores
