"""The Korean gold (`korea_dev/`: `gold.json` and `articles/*.txt`), scored as score_gold.py
scores `manage.py extract` output.

- A gold entry is found by its `fragment`: predictions whose normalised text contains the
  normalised fragment (with `exact`, also at most 8 characters longer). Every hit is used, so a
  prediction hitting any entry, of whatever kind, is not spurious.
- Quote recall: required entries with a hit / required entries.
- Speaker accuracy: required entries with a hit whose speaker is right / required entries (not of
  those found). Right: for a named speaker, the predicted kind equals the gold kind and the
  predicted name, less a leading "the", "President", "Mr" ..., equals the gold name or one of its
  aliases of two words or more; for an anonymous one, the predicted kind is anonymous and the
  gold affiliation occurs in the predicted name, description, affiliation or mention.
- Spurious: predictions that hit no entry. Attributed scare quotes: not_quote entries with a hit
  that has a speaker.
- Anonymous-identity errors: entries sharing a `group` whose right predictions carry more than
  one identity (normalised name, description, mention), plus `distinct_groups` pairs that share
  one. score_gold.py reads `group` from the entry itself; this gold keeps it on the entry's
  speaker, so that figure is 0 here. The figure reading the speaker's group is reported next to
  it, and its cases are the ones listed under ANON_SPLIT and ANON_MERGED.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotes.extraction.evaluation.common import (
    ErrorCase,
    Predictor,
    Record,
    SetResult,
    clip,
    context_line,
    describe_record,
    describe_speaker,
)

FORMAT = "korea-gold"
GOLD_FILE = "gold.json"
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their"})

_QUOTE_CHARS: dict[int, str] = dict.fromkeys(
    map(ord, "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"), '"'
)
_QUOTE_CHARS.update(dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"))
_TITLE_RE = re.compile(r"^(the|president|secretary|professor|dr|mr|ms|mrs)\s+")

DEFINITIONS = (
    "found = a prediction's normalised text contains the entry's fragment; recall = required\n"
    "  found / required; speaker accuracy = required with a right speaker / required (right:\n"
    "  same kind and name or 2+-word alias; anonymous: gold affiliation in the predicted\n"
    "  description); spurious = predictions hitting no entry; scare = not_quote entries hit by\n"
    "  a prediction with a speaker; anon = one anonymous source split or two merged (as\n"
    "  score_gold.py)."
)

ERROR_CLASSES: dict[str, str] = {
    "MISSED": "required quote, no prediction contains its fragment",
    "NO_SPEAKER": "found, no speaker predicted",
    "PARTIAL_NAME": "found, right kind, resolved to part of the gold name ('Yoon', 'Moon')",
    "PRONOUN_RESOLVED_WRONG": "found, the predicted mention is a pronoun resolved to someone else",
    "WRONG_KIND": "found, predicted kind differs (person / organization / anonymous)",
    "ANON_DESCRIPTION": "found, anonymous, but the gold affiliation is not in the description",
    "RIGHT_MENTION_WRONG_NAME": "found, the mention names the gold speaker, resolved to another",
    "WRONG_SPEAKER": "found, another mention and name",
    "SCARE_ATTRIBUTED": "not_quote entry (scare quote, title) predicted with a speaker",
    "SPURIOUS": "prediction that hits no gold entry",
    "ANON_SPLIT": "one anonymous source (gold speaker group) came out as several speakers",
    "ANON_MERGED": "two distinct anonymous sources came out as one speaker",
}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTE_CHARS).lower()
    text = text.replace("-", " ")
    text = re.sub(r"[^\w\s']", " ", text)
    return " ".join(text.split())


def norm_name(text: str | None) -> str:
    return _TITLE_RE.sub("", norm(text))


def _gold_names(gold: Mapping[str, Any]) -> set[str]:
    aliases = {norm_name(a) for a in gold.get("aliases", []) if len(a.split()) > 1}
    return {norm_name(gold["name"])} | aliases


def speaker_right(gold: Mapping[str, Any], predicted: Mapping[str, Any] | None) -> bool:
    if not predicted:
        return False
    kind = (predicted.get("kind") or "").lower()
    if gold["kind"] == "anonymous":
        if kind != "anonymous":
            return False
        fields = ("name", "description", "affiliation", "mention")
        hay = " " + norm(" ".join(str(predicted.get(k) or "") for k in fields)) + " "
        return (" " + norm(gold["affiliation"]) + " ") in hay
    return norm_name(predicted.get("name") or "") in _gold_names(gold) and kind == gold["kind"]


def identity(record: Mapping[str, Any]) -> tuple[object, ...]:
    """Who a prediction says spoke, as the scorer tells speakers apart."""
    speaker = record.get("speaker") or {}
    if "id" in speaker:
        return ("id", speaker["id"])
    return (
        norm(speaker.get("name")),
        norm(speaker.get("description")),
        norm(speaker.get("mention")),
    )


def _mentions_gold(mention: str, gold: Mapping[str, Any]) -> bool:
    """Whether the mention's words can only be the gold speaker's: its name or an alias, or a
    part of the name ("Park" for Park Ji-hoon, family name first)."""
    words = norm_name(mention)
    if not words:
        return False
    names = _gold_names(gold) | {norm_name(a) for a in gold.get("aliases", [])}
    return words in names or set(words.split()) <= set(norm_name(gold["name"]).split())


def _partial_name(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    """The right person or body, not resolved to the name as first introduced."""
    words = set(norm_name(predicted.get("name")).split())
    return bool(words) and words < set(norm_name(gold["name"]).split())


def speaker_error(gold: Mapping[str, Any], predicted: Mapping[str, Any] | None) -> str:
    """The class of a wrong speaker (see ERROR_CLASSES), the most specific first."""
    if not predicted:
        return "NO_SPEAKER"
    same_kind = (predicted.get("kind") or "").lower() == gold["kind"]
    if same_kind and gold["kind"] != "anonymous" and _partial_name(gold, predicted):
        return "PARTIAL_NAME"
    mention = str(predicted.get("mention") or "")
    if norm(mention) in PRONOUNS:
        return "PRONOUN_RESOLVED_WRONG"
    if not same_kind:
        return "WRONG_KIND"
    if gold["kind"] == "anonymous":
        return "ANON_DESCRIPTION"
    if _mentions_gold(mention, gold):
        return "RIGHT_MENTION_WRONG_NAME"
    return "WRONG_SPEAKER"


def gold_path(path: Path) -> Path:
    return path / GOLD_FILE if path.is_dir() else path


@dataclass(frozen=True, slots=True)
class KoreaFigures:
    required: int
    found: int
    correct: int
    spurious: int
    scare: int
    anonymous_errors: int  # as score_gold.py: quote-level `group` only
    anonymous_errors_by_speaker_group: int  # the gold's `speaker.group` read as well

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.correct / self.required if self.required else 0.0

    def scorer_line(self, name: str) -> str:
        return (
            f"{name}: quote recall {self.recall:.3f} ({self.found}/{self.required}), "
            f"speaker accuracy {self.speaker_accuracy:.3f} ({self.correct}/{self.required}), "
            f"spurious {self.spurious}, attributed scare quotes {self.scare}, "
            f"anonymous-identity errors {self.anonymous_errors}"
        )

    def counts_line(self) -> str:
        return (
            f"required quotes {self.required}, found {self.found}, speaker right {self.correct}; "
            f"anonymous-identity errors reading the gold speaker's group "
            f"{self.anonymous_errors_by_speaker_group} (score_gold.py reads a quote-level group)"
        )

    def columns(self) -> dict[str, float | int]:
        return {
            "required": self.required,
            "recall": self.recall,
            "spk acc": self.speaker_accuracy,
            "spurious": self.spurious,
            "scare": self.scare,
            "anon": self.anonymous_errors,
            "anon(spk.group)": self.anonymous_errors_by_speaker_group,
        }

    def as_dict(self) -> dict[str, float | int]:
        return {
            "required": self.required,
            "found": self.found,
            "correct": self.correct,
            "recall": self.recall,
            "speaker_accuracy": self.speaker_accuracy,
            "spurious": self.spurious,
            "attributed_scare_quotes": self.scare,
            "anonymous_identity_errors": self.anonymous_errors,
            "anonymous_identity_errors_speaker_group": self.anonymous_errors_by_speaker_group,
        }


@dataclass(slots=True)
class _Tally:
    required: int = 0
    found: int = 0
    correct: int = 0
    spurious: int = 0
    scare: int = 0
    anonymous_errors: int = 0
    anonymous_errors_by_speaker_group: int = 0


def _hits(entry: Mapping[str, Any], predicted: Sequence[Record]) -> list[int]:
    fragment = norm(entry["fragment"])
    texts = [norm(record.get("text")) for record in predicted]
    if entry.get("exact"):
        return [i for i, t in enumerate(texts) if fragment in t and len(t) <= len(fragment) + 8]
    return [i for i, t in enumerate(texts) if fragment in t]


def _group_failures(
    groups: Mapping[str, set[tuple[object, ...]]], distinct: Sequence[Sequence[str]]
) -> list[tuple[str, str]]:
    """(class, group description) for each split group and each merged distinct pair."""
    failures = [
        ("ANON_SPLIT", f"{group} as {len(ids)}") for group, ids in groups.items() if len(ids) > 1
    ]
    for pair in distinct:
        sets = [groups.get(group, set()) for group in pair]
        if all(sets) and sets[0] & sets[1]:
            failures.append(("ANON_MERGED", " and ".join(pair)))
    return failures


def _fragment_context(text: str, fragment: str) -> str:
    where = text.find(fragment)
    return context_line(text, where, where + len(fragment)) if where >= 0 else ""


def _score_entry(
    name: str,
    text: str,
    entry: Mapping[str, Any],
    hits: Sequence[int],
    predicted: Sequence[Record],
    tally: _Tally,
    errors: list[ErrorCase],
) -> int | None:
    """Counts one gold entry; returns the prediction whose speaker is right, if any."""
    ctx = _fragment_context(text, entry["fragment"])
    fragment = clip(entry["fragment"])
    if entry["kind"] == "not_quote":
        attributed = [i for i in hits if predicted[i].get("speaker")]
        if attributed:
            tally.scare += 1
            described = describe_record(predicted[attributed[0]])
            errors.append(
                ErrorCase("SCARE_ATTRIBUTED", name, f"{name}: {fragment} {described}{ctx}")
            )
        return None
    if entry["kind"] != "required":
        return None
    tally.required += 1
    gold = entry["speaker"]
    wanted = f"gold {gold['name']!r} ({gold['kind']})"
    if not hits:
        errors.append(ErrorCase("MISSED", name, f"{name}: {fragment} {wanted}{ctx}"))
        return None
    tally.found += 1
    best = next((i for i in hits if speaker_right(gold, predicted[i].get("speaker"))), None)
    if best is None:
        # The scorer shows the first hit's speaker: that is the one classified.
        record = predicted[hits[0]]
        kind = speaker_error(gold, record.get("speaker"))
        described = describe_record(record)
        errors.append(ErrorCase(kind, name, f"{name}: {fragment} {wanted}, {described}{ctx}"))
        return None
    tally.correct += 1
    return best


def score_document(
    name: str,
    document: Mapping[str, Any],
    text: str,
    predicted: Sequence[Record],
    tally: _Tally,
    errors: list[ErrorCase],
) -> None:
    used: set[int] = set()
    # Identities per anonymous group: by the quote-level group the scorer reads, and by the
    # group this gold keeps on the speaker.
    groups: dict[str, set[tuple[object, ...]]] = {}
    speaker_groups: dict[str, set[tuple[object, ...]]] = {}
    for entry in document["quotes"]:
        hits = _hits(entry, predicted)
        used.update(hits)
        best = _score_entry(name, text, entry, hits, predicted, tally, errors)
        if best is None:
            continue
        if "group" in entry:
            groups.setdefault(entry["group"], set()).add(identity(predicted[best]))
        group = entry.get("group", (entry.get("speaker") or {}).get("group"))
        if group is not None:
            speaker_groups.setdefault(group, set()).add(identity(predicted[best]))
    distinct = document.get("distinct_groups", [])
    tally.anonymous_errors += len(_group_failures(groups, distinct))
    for kind, described in _group_failures(speaker_groups, distinct):
        tally.anonymous_errors_by_speaker_group += 1
        errors.append(ErrorCase(kind, name, f"{name}: anonymous source {described}"))
    for i, record in enumerate(predicted):
        if i not in used:
            tally.spurious += 1
            speaker = describe_speaker(record.get("speaker"))
            ctx = context_line(text, record.get("start"), record.get("end"))
            message = f"{name}: {clip(record.get('text'))} -> {speaker}{ctx}"
            errors.append(ErrorCase("SPURIOUS", name, message))


def evaluate_korea(path: Path, predictor: Predictor, *, limit: int | None = None) -> SetResult:
    gold_file = gold_path(path)
    articles = gold_file.parent / "articles"
    documents = list(json.loads(gold_file.read_text(encoding="utf-8"))["documents"].items())
    if limit is not None:
        documents = documents[:limit]
    tally = _Tally()
    errors: list[ErrorCase] = []
    for name, document in documents:
        article = articles / name
        try:
            # As `manage.py extract` reads it.
            text = article.read_text(encoding="utf-8")
        except OSError as error:
            # The scorer would see no predictions for it: every quote missed.
            print(f"evaluate: {article}: {error}", file=sys.stderr)
            text = ""
        predicted = predictor(text).quotes if text else ()
        score_document(name, document, text, predicted, tally, errors)
    figures = KoreaFigures(
        required=tally.required,
        found=tally.found,
        correct=tally.correct,
        spurious=tally.spurious,
        scare=tally.scare,
        anonymous_errors=tally.anonymous_errors,
        anonymous_errors_by_speaker_group=tally.anonymous_errors_by_speaker_group,
    )
    return SetResult(
        name=path.name,
        path=str(path),
        format=FORMAT,
        articles=len(documents),
        figures=figures,
        definitions=DEFINITIONS,
        error_classes=ERROR_CLASSES,
        errors=tuple(errors),
    )
