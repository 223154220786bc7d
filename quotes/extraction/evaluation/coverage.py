"""Where the claims that PolNeAR annotates and the extractor misses lie, by the kind of cue:
`python -m quotes.extraction claims-coverage CLAIMS.jsonl...`.

The gold claims fall in three parts:
- a cue the engine reads: a word of the gold cue is one of the verbs the claim rules or the
  learned scorer read (lexicon: claim, speech, scored, stance and finding verbs) or
  `according to`;
- no source: the writer's own hedge (`appears to`, `is expected to`), which names no speaker
  and which the product does not store;
- another cue: any other word PolNeAR counts as a cue (`endorsed`, `wants`, `plans`, `fear`).
For each part it prints the gold count and the end-to-end recall (content matched and speaker
right, as the claims scorer counts), then end-to-end F1 on the first part alone at the
extractor's precision, and, for the most frequent words of other cues, how many of the texts'
uses of the word the annotators marked as a cue: a word-level rule can be no more precise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from lexicon import AUXILIARIES, BE_FORMS, FUNCTION_WORDS
from quotes.extraction.claims import KNOWN_CUES
from quotes.extraction.evaluation.claims import matched_claims
from quotes.extraction.evaluation.common import Predictor, f1, ratio
from quotes.extraction.evaluation.polnear import read_articles, speaker_right

ENGINE_CUE_WORDS: Final = frozenset(word.lower() for word in KNOWN_CUES) | {"according"}
ENGINE_CUE, NO_SOURCE, OTHER_CUE = "a cue the engine reads", "no source (the writer)", "another cue"
PARTS: Final = (ENGINE_CUE, OTHER_CUE, NO_SOURCE)
_WORD_RE: Final = re.compile(r"[a-z]+(?:['’][a-z]+)*")


@dataclass(frozen=True, slots=True)
class Coverage:
    gold: Counter[str]  # per part
    right: Counter[str]  # per part: matched with the right speaker
    predicted: int
    predicted_right: int
    other_words: Counter[str]  # the head words of other cues (`has endorsed`: `endorsed`)
    other_phrases: int  # distinct cue phrases of the other part
    word_uses: Counter[str]  # how often each of other_words stands in the texts

    def lines(self, name: str, top: int) -> list[str]:
        total = sum(self.gold.values())
        precision = ratio(self.predicted_right, self.predicted)
        engine_recall = ratio(self.right[ENGINE_CUE], self.gold[ENGINE_CUE])
        lines = [
            f"claims coverage: {name}, {total} gold claims, {self.predicted} predicted "
            f"({self.predicted_right} right, end-to-end P {precision:.3f})",
            f"  {'cue':<24} {'gold':>6} {'share':>6} {'right':>6} {'recall':>7}",
        ]
        for part in PARTS:
            lines.append(
                f"  {part:<24} {self.gold[part]:>6} {ratio(self.gold[part], total):>6.3f} "
                f"{self.right[part]:>6} {ratio(self.right[part], self.gold[part]):>7.3f}"
            )
        all_recall = ratio(self.predicted_right, total)
        lines += [
            f"  end-to-end F1 on all gold {f1(precision, all_recall):.3f}; on the engine's cues "
            f"alone {f1(precision, engine_recall):.3f} (at the same precision)",
            f"  other cues: {self.other_phrases} distinct phrases; their most frequent head "
            "words, with the share of the word's uses in the texts that the annotators marked:",
        ]
        for word, count in self.other_words.most_common(top):
            uses = self.word_uses[word]
            lines.append(f"    {word:<14} {count:>5} of {uses:>6} uses ({ratio(count, uses):.2f})")
        return lines


def _part(claim: dict[str, Any]) -> str:
    if not claim.get("source"):
        return NO_SOURCE
    words = _WORD_RE.findall((claim.get("cue_text") or "").lower())
    return ENGINE_CUE if any(word in ENGINE_CUE_WORDS for word in words) else OTHER_CUE


def _head_word(cue: str) -> str | None:
    """The cue's first word that is no function word or auxiliary: `has endorsed` ->
    `endorsed`, `spoke out against` -> `spoke`."""
    return next(
        (
            word
            for word in _WORD_RE.findall(cue)
            if len(word) > 1  # (`’s spoken out`: the `s` of a contraction)
            and word not in FUNCTION_WORDS
            and word not in AUXILIARIES
            and word not in BE_FORMS
        ),
        None,
    )


def claims_coverage(paths: Sequence[Path], predictor: Predictor | None = None) -> Coverage:
    predictor = predictor or Predictor()
    gold_parts: Counter[str] = Counter()
    right_parts: Counter[str] = Counter()
    other_words: Counter[str] = Counter()
    phrases: set[str] = set()
    predicted = predicted_right = 0
    texts: list[str] = []
    for path in paths:
        for article in read_articles(path):
            text: str = article["text"]
            texts.append(text.lower())
            records = predictor(text).claims
            gold, _, _, pairs = matched_claims(article, records)
            right = {
                i
                for i, j in pairs
                if speaker_right(gold[i].get("source_text"), records[j].get("speaker"))
            }
            predicted += len(records)
            predicted_right += len(right)
            for i, claim in enumerate(gold):
                part = _part(claim)
                gold_parts[part] += 1
                right_parts[part] += i in right
                if part == OTHER_CUE:
                    cue = (claim.get("cue_text") or "").lower().strip()
                    phrases.add(cue)
                    head = _head_word(cue)
                    if head is not None:
                        other_words[head] += 1
    uses = Counter(word for text in texts for word in _WORD_RE.findall(text) if word in other_words)
    return Coverage(
        gold_parts, right_parts, predicted, predicted_right, other_words, len(phrases), uses
    )


def command_claims_coverage(paths: Sequence[Path], *, top: int) -> int:
    for path in paths:
        print("\n".join(claims_coverage([path]).lines(path.name, top)))
    return 0
