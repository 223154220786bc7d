"""PolNeAR claims (`*_claims.jsonl`: one article a line, with `attributions`), scored as
score_claims.py scores the `"kind": "indirect"` records of `manage.py extract`.

- Gold: attributions of kind `indirect` (reported speech, no quote marks) and `mixed` (a paraphrase
  around a quoted fragment: the claim is the whole clause); `direct` ones are quotes. A gold span
  runs from its first content fragment's start to its last one's end.
- Matching: as for quotes (placed, 1:1, greedy, character Jaccard >= 0.5). Exact: a match whose
  boundaries agree once non-alphanumeric characters are trimmed from both ends.
- Speaker right: as for quotes, against the gold `source_text` (the local mention).
- Recall of each kind: matched gold of that kind / gold of that kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
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
    place_all,
    ratio,
)
from quotes.extraction.evaluation.polnear import (
    SPEAKER_ERROR_CLASSES,
    speaker_error,
    speaker_right,
    tally_articles,
)

FORMAT = "polnear-claims"
CLAIM_KINDS = ("indirect", "mixed")

DEFINITIONS = (
    "gold = attributions of kind indirect and mixed; predicted = extractor records of kind\n"
    "  indirect; content match = 1:1, best character Jaccard first, at >= 0.5 against the gold\n"
    "  span (first fragment start to last fragment end); exact = boundaries equal after trimming\n"
    "  non-alphanumerics; speaker right as for quotes, against the gold source mention;\n"
    "  end-to-end = matched and speaker right (as score_claims.py)."
)

ERROR_CLASSES: dict[str, str] = {
    "MISSED_INDIRECT": "gold claim in reported speech, no predicted claim at Jaccard >= 0.5",
    "MISSED_MIXED": "gold paraphrase around a quoted fragment, no predicted claim",
    "EXTRA": "predicted claim, no gold claim",
    "INEXACT": "matched, but the boundaries differ (costs exact F1 only)",
    **SPEAKER_ERROR_CLASSES,
}


def trim(text: str, start: int, end: int) -> SpanPair:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def gold_claims(article: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [g for g in article["attributions"] if g["kind"] in CLAIM_KINDS]


def gold_span(claim: Mapping[str, Any]) -> SpanPair:
    return claim["content"][0][0], claim["content"][-1][1]


@dataclass(frozen=True, slots=True)
class ClaimFigures:
    gold: int
    gold_mixed: int
    predicted: int
    matched: int
    matched_mixed: int
    exact: int
    speaker_right: int

    def _prf(self, part: int) -> tuple[float, float, float]:
        precision, recall = ratio(part, self.predicted), ratio(part, self.gold)
        return precision, recall, f1(precision, recall)

    @property
    def content(self) -> tuple[float, float, float]:
        return self._prf(self.matched)

    @property
    def exact_match(self) -> tuple[float, float, float]:
        return self._prf(self.exact)

    @property
    def end_to_end(self) -> tuple[float, float, float]:
        return self._prf(self.speaker_right)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_right, self.matched)

    @property
    def recall_indirect(self) -> float:
        return ratio(self.matched - self.matched_mixed, self.gold - self.gold_mixed)

    @property
    def recall_mixed(self) -> float:
        return ratio(self.matched_mixed, self.gold_mixed)

    def scorer_line(self, name: str) -> str:
        content, e2e = self.content, self.end_to_end
        return (
            f"claims {name}: {self.gold} gold ({self.gold_mixed} mixed), "
            f"{self.predicted} predicted; content P {content[0]:.3f} R {content[1]:.3f} "
            f"(indirect {self.recall_indirect:.3f}, mixed {self.recall_mixed:.3f}) "
            f"F1 {content[2]:.3f} (exact F1 {self.exact_match[2]:.3f}); speaker accuracy on "
            f"matched {self.speaker_accuracy:.3f}; end-to-end P {e2e[0]:.3f} R {e2e[1]:.3f} "
            f"F1 {e2e[2]:.3f}"
        )

    def counts_line(self) -> str:
        return (
            f"gold claims {self.gold} ({self.gold_mixed} mixed), predicted {self.predicted}, "
            f"matched {self.matched} ({self.matched_mixed} mixed, {self.exact} exact), "
            f"speaker right {self.speaker_right}"
        )

    def columns(self) -> dict[str, float | int]:
        e2e = self.end_to_end
        return {
            "gold": self.gold,
            "pred": self.predicted,
            "content F1": self.content[2],
            "exact F1": self.exact_match[2],
            "spk acc": self.speaker_accuracy,
            "e2e P": e2e[0],
            "e2e R": e2e[1],
            "e2e F1": e2e[2],
        }

    def as_dict(self) -> dict[str, float | int]:
        content, exact, e2e = self.content, self.exact_match, self.end_to_end
        return {
            "gold": self.gold,
            "gold_mixed": self.gold_mixed,
            "predicted": self.predicted,
            "matched": self.matched,
            "matched_mixed": self.matched_mixed,
            "exact": self.exact,
            "speaker_right": self.speaker_right,
            "content_precision": content[0],
            "content_recall": content[1],
            "content_f1": content[2],
            "recall_indirect": self.recall_indirect,
            "recall_mixed": self.recall_mixed,
            "exact_precision": exact[0],
            "exact_recall": exact[1],
            "exact_f1": exact[2],
            "speaker_accuracy": self.speaker_accuracy,
            "e2e_precision": e2e[0],
            "e2e_recall": e2e[1],
            "e2e_f1": e2e[2],
        }


def matched_claims(
    article: Mapping[str, Any], predicted: Sequence[Record]
) -> tuple[list[dict[str, Any]], list[SpanPair], list[SpanPair | None], list[SpanPair]]:
    """An article's gold claims, their spans, where the predictions stand in its text, and the
    (gold, prediction) index pairs the scorer matches."""
    gold = gold_claims(article)
    spans = [gold_span(claim) for claim in gold]
    placed = place_all(article["text"], predicted)
    return gold, spans, placed, greedy_pairs(spans, placed)


def score_article(
    article: Mapping[str, Any],
    predicted: Sequence[Record],
    tally: Counter[str],
    errors: list[ErrorCase],
) -> None:
    text: str = article["text"]
    ident = str(article.get("id", "?"))
    gold, spans, placed, pairs = matched_claims(article, predicted)
    tally["gold"] += len(gold)
    tally["gold_mixed"] += sum(claim["kind"] == "mixed" for claim in gold)
    tally["predicted"] += len(predicted)
    for i, j in pairs:
        claim, record, span = gold[i], predicted[j], placed[j]
        assert span is not None  # greedy_pairs pairs placed predictions only
        tally["matched"] += 1
        tally["matched_mixed"] += claim["kind"] == "mixed"
        exact = trim(text, *spans[i]) == trim(text, *span)
        tally["exact"] += exact
        expected = claim.get("source_text")
        summary = f"[{ident}] {clip(claim.get('content_text'))} gold {expected!r}, "
        if not exact:
            errors.append(
                ErrorCase(
                    "INEXACT",
                    ident,
                    summary + f"predicted span {clip(text[span[0] : span[1]])}",
                )
            )
        if speaker_right(expected, record.get("speaker")):
            tally["speaker_right"] += 1
            continue
        sources = [(int(s), int(e)) for s, e in claim.get("source") or []]
        kind = speaker_error(expected, sources, record.get("speaker"))
        errors.append(
            ErrorCase(
                kind,
                ident,
                summary + f"{describe_record(record)}\n    ctx: {context(text, *spans[i])}",
            )
        )
    matched_gold = {i for i, _ in pairs}
    for i, claim in enumerate(gold):
        if i not in matched_gold:
            errors.append(
                ErrorCase(
                    f"MISSED_{claim['kind'].upper()}",
                    ident,
                    f"[{ident}] {clip(claim.get('content_text'))} "
                    f"source {claim.get('source_text')!r} cue {claim.get('cue_text')!r}",
                )
            )
    matched_predicted = {j for _, j in pairs}
    for j, record in enumerate(predicted):
        if j not in matched_predicted:
            span = placed[j]
            where = f"\n    ctx: {context(text, *span)}" if span else " (not found in the text)"
            errors.append(
                ErrorCase(
                    "EXTRA",
                    ident,
                    f"[{ident}] {clip(record.get('text'))} {describe_record(record)}{where}",
                )
            )


def evaluate_claims(path: Path, predictor: Predictor, *, limit: int | None = None) -> SetResult:
    articles, tally, errors = tally_articles(
        path, predictor, limit=limit, records=lambda split: split.claims, score=score_article
    )
    figures = ClaimFigures(
        gold=tally["gold"],
        gold_mixed=tally["gold_mixed"],
        predicted=tally["predicted"],
        matched=tally["matched"],
        matched_mixed=tally["matched_mixed"],
        exact=tally["exact"],
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
