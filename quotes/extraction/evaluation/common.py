"""What the three evaluations share: predictions as `manage.py extract` prints them, placing and
matching spans, the ratios, and error cases.

The figures must equal those of the scorer scripts the held-out sets are checked with, so the
rules here are theirs, kept literally (the same guards, the same tie-breaking), not improved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from quotes.extraction.pipeline import extract

Record = dict[str, Any]  # one line of `manage.py extract` output, less `source` and version
SpanPair = tuple[int, int]

MIN_JACCARD = 0.5


class _RecordLike(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class ExtractionLike(Protocol):
    """What the evaluation needs of `extract()`'s result; claims are read with getattr."""

    @property
    def quotes(self) -> Sequence[_RecordLike]: ...


ExtractFunction = Callable[[str], ExtractionLike]


@dataclass(frozen=True, slots=True)
class Predictions:
    quotes: tuple[Record, ...]  # every record whose kind is not "indirect"
    claims: tuple[Record, ...]  # kind "indirect": claims in reported speech


def as_read(text: str) -> str:
    """The text as `manage.py extract` sees it after the scorers write it to a file: read_text()
    reads with universal newlines, so a CR or CRLF becomes LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Predictor:
    """Runs the extractor once per distinct text and keeps the records (dev quotes and dev
    claims are the same articles, so a multi-set run extracts each of them once)."""

    def __init__(self, extract_text: ExtractFunction = extract) -> None:
        self._extract = extract_text
        self._cache: dict[str, Predictions] = {}

    def __call__(self, text: str) -> Predictions:
        text = as_read(text)
        cached = self._cache.get(text)
        if cached is None:
            cached = _split(self._extract(text))
            self._cache[text] = cached
        return cached


def _split(result: ExtractionLike) -> Predictions:
    records = [quote.to_dict() for quote in result.quotes]
    # The engine has no claims yet; when Extraction gains them (records with kind "indirect",
    # start, end and a speaker as for quotes), they are scored with no change here. The scorers
    # tell claims from quotes by kind alone, wherever the engine keeps them.
    for claim in getattr(result, "claims", ()):
        record = claim.to_dict()
        record.setdefault("kind", "indirect")
        records.append(record)
    return Predictions(
        quotes=tuple(r for r in records if r.get("kind") != "indirect"),
        claims=tuple(r for r in records if r.get("kind") == "indirect"),
    )


def jaccard(a: SpanPair, b: SpanPair) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def place(text: str, record: Mapping[str, Any], taken: set[SpanPair]) -> SpanPair | None:
    """Where a prediction sits in the gold text: its offsets when they slice to its text, else
    the first occurrence of its stripped text not already taken by an earlier prediction."""
    start, end, quoted = record.get("start"), record.get("end"), record.get("text") or ""
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == quoted:
        return start, end
    quoted = quoted.strip()
    if not quoted:
        return None
    index = text.find(quoted)
    while index >= 0 and (index, index + len(quoted)) in taken:
        index = text.find(quoted, index + 1)
    return (index, index + len(quoted)) if index >= 0 else None


def place_all(text: str, records: Sequence[Mapping[str, Any]]) -> list[SpanPair | None]:
    taken: set[SpanPair] = set()
    spans: list[SpanPair | None] = []
    for record in records:
        span = place(text, record, taken)
        spans.append(span)
        if span:
            taken.add(span)
    return spans


def greedy_pairs(gold: Sequence[SpanPair], predicted: Sequence[SpanPair | None]) -> list[SpanPair]:
    """One-to-one (gold index, predicted index) pairs, best Jaccard first, at >= 0.5. Ties go to
    the higher gold index, then the higher predicted one: the scorers sort (score, i, j) tuples
    in reverse, and equal figures need the same tie-breaking."""
    scored = sorted(
        (
            (jaccard(gold_span, span), i, j)
            for i, gold_span in enumerate(gold)
            for j, span in enumerate(predicted)
            if span
        ),
        reverse=True,
    )
    gold_used: set[int] = set()
    predicted_used: set[int] = set()
    pairs: list[SpanPair] = []
    for score, i, j in scored:
        if score < MIN_JACCARD:
            break
        if i in gold_used or j in predicted_used:
            continue
        gold_used.add(i)
        predicted_used.add(j)
        pairs.append((i, j))
    return pairs


def ratio(part: int, whole: int) -> float:
    """part / whole, 0 for an empty whole (the scorers divide by max(1, whole))."""
    return part / max(1, whole)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """One error: its class (MISSED, EXTRA, WRONG_KIND ...), the article, a readable account."""

    kind: str
    article: str
    message: str


def context(text: str, start: int, end: int, *, before: int = 150, after: int = 120) -> str:
    return text[max(0, start - before) : end + after].replace("\n", " ¶ ")


def context_line(text: str, start: object, end: object) -> str:
    """An indented context line for an error case, or nothing when the span is unknown."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end:
        return f"\n    ctx: {context(text, start, end)}"
    return ""


def clip(text: str | None, size: int = 100) -> str:
    text = text or ""
    return repr(text if len(text) <= size else text[: size - 1] + "…")


def describe_speaker(speaker: Mapping[str, Any] | None) -> str:
    if not speaker:
        return "none"
    mention = speaker.get("mention")
    name = speaker.get("name")
    described = f"{mention!r} -> {name!r}" if mention and mention != name else repr(name)
    return f"{described} ({speaker.get('kind')})"


def describe_record(record: Mapping[str, Any]) -> str:
    return (
        f"predicted {describe_speaker(record.get('speaker'))} "
        f"rule={record.get('rule')} cue={record.get('cue')!r}"
    )


class Figures(Protocol):
    def scorer_line(self, name: str) -> str:
        """The figures worded exactly as the matching scorer script's last line."""
        ...

    def counts_line(self) -> str: ...

    def columns(self) -> dict[str, float | int]:
        """The headline figures for the side-by-side table, in column order."""
        ...

    def as_dict(self) -> dict[str, float | int]: ...


@dataclass(frozen=True, slots=True)
class SetResult:
    """One annotated set scored: what the report and the JSON output print."""

    name: str
    path: str
    format: str  # "polnear-quotes", "polnear-claims", "korea-gold"
    articles: int
    figures: Figures
    definitions: str
    error_classes: Mapping[str, str]  # every class the format knows, in order, with its meaning
    errors: tuple[ErrorCase, ...]

    def error_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.error_classes, 0)
        for error in self.errors:
            counts[error.kind] = counts.get(error.kind, 0) + 1
        return counts
