"""Choosing a quote's speaker by evidence where the sieve's order is least sure.

The sieve (attribute.py) stops at the first rule that answers, which is right for the rules that
read a cue in the quote's own sentence. Where no such rule answered, the decision is open: the
sieve found nothing, or only a rule that reaches back (an earlier quote's speaker, the subject of
an earlier sentence). There the candidates are gathered (every later rule's answer, the subject
of the quote's own clause, of the sentence and the paragraph before, the previous quote's
speaker) and each is scored by a logistic model over a few features of evidence (which source
proposed it, the kind of phrase, distance, whether it spoke before, how often the article names
it). The weights are data: `speaker_weights.json`, written by
`python -m quotes.extraction train-speakers` (training.py).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final

from lexicon import (
    AUXILIARIES,
    CLAUSE_COORDINATORS,
    COORDINATORS,
    OBJECT_RELATIVES,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEAKING_HEADS,
    SPEECH_VERBS,
    SUBORDINATORS,
    THIRD_PERSON_PRONOUNS,
)
from quotes.extraction.attribute import (
    LOCAL_RULES,
    RULES,
    SIEVE,
    Attribution,
    QuoteContext,
    attribution_of,
    finite_verb,
    not_a_name,
    proper_adjective_subject,
    stamp_rule,
)
from quotes.extraction.compiled import PACKAGE_DIR
from quotes.extraction.grammar import (
    QUOTE_TOKENS,
    Phrase,
    Tokens,
    phrase_after,
    sentence_subject,
    verb_subject,
)
from quotes.extraction.mentions import Resolver
from quotes.extraction.types import Mention, Speaker, replace

# Beside the source, not beside the compiled module.
WEIGHTS_PATH: Final = PACKAGE_DIR / "speaker_weights.json"

# Candidates the rules do not propose, each named as a source.
CLAUSE_SUBJECT: Final = "clause_subject_any"
PREVIOUS_SENTENCE: Final = "previous_sentence_any"
PREVIOUS_PARAGRAPH: Final = "previous_paragraph_any"
PREVIOUS_QUOTE: Final = "previous_quote_any"
NEAREST_CUE: Final = "nearest_cue_subject"
LAST_CUE: Final = "last_cue_subject_any"
LATER_CUE: Final = "later_cue_any"
SENTENCE_SUBJECT: Final = "sentence_subject_any"
EXTRA_SOURCES: Final = (
    CLAUSE_SUBJECT,
    PREVIOUS_SENTENCE,
    PREVIOUS_PARAGRAPH,
    PREVIOUS_QUOTE,
    NEAREST_CUE,
    LAST_CUE,
    LATER_CUE,
    SENTENCE_SUBJECT,
)
# Local rules whose answer is weighed against the subject of the speech verb nearest the quote:
# the outermost source of nested reported speech is usually, not always, the speaker
# (`When Roe thanked the crowd, a man yelled “Q”`).
NESTING_RULES: Final = frozenset({"pre_subject_cue"})
KINDS: Final = ("name", "pronoun", "description", "org")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A speaker some source proposes for a quote, with the evidence for it."""

    source: str  # a rule's name or one of EXTRA_SOURCES
    attribution: Attribution
    features: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Weights:
    """A logistic model: a weight per feature, and the probability below which a quote the
    sieve left without a speaker keeps none."""

    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        total = sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def weights_from_json(raw: str) -> Weights:
    data = json.loads(raw)
    return Weights(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
    )


def weights_to_json(weights: Weights) -> str:
    data = {
        "threshold": round(weights.threshold, 4),
        "weights": {name: round(weights.weights[name], 4) for name in sorted(weights.weights)},
    }
    return json.dumps(data, indent=1) + "\n"


@cache
def shipped_weights() -> Weights:
    return weights_from_json(WEIGHTS_PATH.read_text(encoding="utf-8"))


def is_open(attribution: Attribution | None) -> bool:
    """A decision the scorer takes: no rule answered, or only one that reaches back."""
    return (
        attribution is None
        or attribution.rule not in LOCAL_RULES
        or attribution.rule in NESTING_RULES
    )


def choose(
    ctx: QuoteContext, first: Attribution | None, weights: Weights | None = None
) -> Attribution | None:
    """The best-scored candidate of an open decision. The sieve's own answer is one of them; a
    quote the sieve left without a speaker gets one only above the threshold."""
    model = weights or shipped_weights()
    proposals = _proposals(ctx, first)
    distinct = _distinct(proposals)
    if first is not None and len(distinct) < 2:
        return first  # nine times in ten: no features are computed for a decision not open
    best: Attribution | None = None
    best_score = model.threshold if first is None else -1.0
    for candidate in _with_features(ctx, proposals, distinct):
        score = model.probability(candidate.features)
        if score > best_score:
            best, best_score = candidate.attribution, score
    return best


def candidates(ctx: QuoteContext, first: Attribution | None) -> list[Candidate]:
    """Every speaker proposed for an open decision, one per mention, with features."""
    proposals = _proposals(ctx, first)
    return _with_features(ctx, proposals, _distinct(proposals))


def _proposals(ctx: QuoteContext, first: Attribution | None) -> list[tuple[str, Attribution]]:
    proposals: list[tuple[str, Attribution]] = []
    if first is not None and first.rule in NESTING_RULES:
        nearest = _nearest_cue_subject(ctx)
        if nearest is None or nearest.mention == first.mention:
            return []
        proposals = [(first.rule, first), (NEAREST_CUE, nearest)]
    elif first is not None:
        proposals.append((first.rule, first))
        order = RULES[first.rule].order
        for spec in SIEVE:
            if spec.order > order and (found := spec.function(ctx)) is not None:
                proposals.append((spec.name, stamp_rule(found, spec.name)))
    if first is None or first.rule not in NESTING_RULES:
        proposals.extend(_extra_proposals(ctx))
    return proposals


def _distinct(proposals: list[tuple[str, Attribution]]) -> list[int]:
    """The ranks of the proposals whose mention no earlier proposal has."""
    ranks: list[int] = []
    seen: set[tuple[int, int]] = set()
    for rank, (_, attribution) in enumerate(proposals):
        key = (attribution.mention.start, attribution.mention.end)
        if key not in seen:
            seen.add(key)
            ranks.append(rank)
    return ranks


def _with_features(
    ctx: QuoteContext, proposals: list[tuple[str, Attribution]], ranks: list[int]
) -> list[Candidate]:
    result: list[Candidate] = []
    for rank in ranks:
        source, attribution = proposals[rank]
        features = candidate_features(ctx, source, attribution, rank=rank, count=len(proposals))
        result.append(Candidate(source, attribution, features))
    return result


def _extra_proposals(ctx: QuoteContext) -> list[tuple[str, Attribution]]:
    found: list[tuple[str, Attribution]] = []
    if ctx.open_index > ctx.pre_start and ctx.tokens.lows[ctx.pre_start] in AUXILIARIES:
        return found  # `Had I written “Q”, ...`, `Did she call it “Q”?`: no statement
    subject = _subject(ctx.tokens, ctx.pre_start, ctx.open_index, CLAUSE_SUBJECT)
    if subject is not None:
        found.append((CLAUSE_SUBJECT, subject))
    if ctx.pre_start == ctx.open_index or subject is None:
        previous = ctx.previous_sentence()
        if previous is not None and len(previous.words) > 2:
            before = _subject(previous, 0, len(previous.words), PREVIOUS_SENTENCE)
            if before is None:
                before = _clause_past_quote(previous)
            if before is not None:
                found.append((PREVIOUS_SENTENCE, before))
        if ctx.quote.open_mark == ctx.paragraph.start:
            paragraph = ctx.previous_tokens()
            if paragraph is not None and len(paragraph) > 2:
                start = _last_sentence_start(paragraph)
                last = _subject(paragraph, start, len(paragraph), PREVIOUS_PARAGRAPH)
                if last is not None:
                    found.append((PREVIOUS_PARAGRAPH, last))
    found.extend(_cue_proposals(ctx))
    earlier = ctx.previous or ctx.previous_paragraph_quote
    if earlier is not None:
        earlier = earlier.outer or earlier
        found.append((PREVIOUS_QUOTE, replace(earlier, inherited=True, rule=PREVIOUS_QUOTE)))
    return found


def _cue_proposals(ctx: QuoteContext) -> list[tuple[str, Attribution]]:
    found: list[tuple[str, Attribution]] = []
    last = _last_cue_subject(ctx)
    if last is not None:
        found.append((LAST_CUE, last))
    later = _later_cue_speaker(ctx)
    if later is not None:
        found.append((LATER_CUE, later))
    whole = _sentence_subject_over_quotes(ctx)
    if whole is not None:
        found.append((SENTENCE_SUBJECT, whole))
    return found


def _is_cue(tokens: Tokens, index: int) -> bool:
    return tokens.lows[index] in SPEECH_VERBS and tokens.words[index].islower()


def _last_cue_subject(ctx: QuoteContext) -> Attribution | None:
    """The subject of the speech verb or finite verb nearest before the quote, in its window,
    that can speak (`while Ivo Brandt reserved his warmest words for “Q”`)."""
    tokens = ctx.tokens
    for verb in range(ctx.open_index - 1, ctx.pre_start, -1):
        word = tokens.words[verb]
        if word in QUOTE_TOKENS:
            return None
        if not word.islower():
            continue  # a name, a number or a mark: no cue and no finite verb, spare both tests
        if not (_is_cue(tokens, verb) or finite_verb(tokens, verb)):
            continue
        subject = verb_subject(tokens, verb, ctx.pre_start)
        phrase = _speaker_phrase(tokens, subject[0]) if subject is not None else None
        if phrase is None:
            continue  # `reserved his warmest words for`: `words` is no verb of a speaker
        return stamp_rule(attribution_of(tokens, phrase, cue=verb, confidence=0.5), LAST_CUE)
    return None


def _later_cue_speaker(ctx: QuoteContext) -> Attribution | None:
    """The speaker of the first speech verb after the quote in its sentence: its subject
    (`“Q,” Jane Roe, who chairs the board said`), or the phrase after it (`said Roe`)."""
    tokens = ctx.tokens
    start = ctx.close_index + 1
    end = min(ctx.post_end, ctx.sentence_end)
    for verb in range(start, end):
        if tokens.words[verb] in QUOTE_TOKENS:
            return None
        if not _is_cue(tokens, verb):
            continue
        if "as" in tokens.lows[verb + 1 : end]:
            return None  # `Park cited the minister as saying`: the one cited speaks
        subject = verb_subject(tokens, verb, start)
        phrase = subject[0] if subject is not None else None
        if phrase is None and all(tokens.words[i] in {",", "—", "–"} for i in range(start, verb)):
            phrase = phrase_after(tokens, verb + 1, end)
        speaker = _speaker_phrase(tokens, phrase) if phrase is not None else None
        if speaker is None:
            return None
        return stamp_rule(attribution_of(tokens, speaker, cue=verb, confidence=0.5), LATER_CUE)
    return None


def _sentence_subject_over_quotes(ctx: QuoteContext) -> Attribution | None:
    """The subject of the quote's sentence read over the marks of earlier quotes in it
    (`Roe, star of the series “The Harbor,” thanked the council for “Q”`)."""
    text, start, end = ctx.text, ctx.sentence_start, ctx.quote.open_mark
    first_mark = _QUOTE_MARK.search(text, start, end)
    if first_mark is None or first_mark.start() - start < 3:
        return None  # no earlier quote: the clause subject candidate reads this sentence
    ranges, low = [], start
    for mark in _QUOTE_MARK.finditer(text, start, end):
        ranges.append((low, mark.start()))
        low = mark.end()
    ranges.append((low, end))
    tokens = Tokens.from_ranges(text, ranges)
    if not tokens.words or tokens.lows[0] in AUXILIARIES:
        return None
    phrase = sentence_subject(tokens, 0, len(tokens))
    if phrase is None or tokens.starts[phrase.last] >= first_mark.start():
        return None
    speaker = _speaker_phrase(tokens, phrase)
    if speaker is None:
        return None
    return stamp_rule(attribution_of(tokens, speaker, cue=None, confidence=0.4), SENTENCE_SUBJECT)


_QUOTE_MARK: Final = re.compile('[“”"]')


def _speaker_phrase(tokens: Tokens, phrase: Phrase) -> Phrase | None:
    """The phrase as a candidate speaker, or None for one that cannot speak: a description of
    a thing, an imperative or opener read as a name (`Read the notes below: “Q”`), a word's
    gloss (`Latin for “Q”`); a proper adjective grows to its noun (`Harborese newspapers`)."""
    if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
        return None
    if not_a_name(tokens, phrase):
        return None
    return proper_adjective_subject(tokens, phrase)


def _nearest_cue_subject(ctx: QuoteContext) -> Attribution | None:
    """The subject of the lower-case speech verb closest before the quote, when another one
    comes before it: with a single speech verb there is no nesting to weigh."""
    tokens = ctx.tokens
    verbs = [
        index
        for index in range(ctx.pre_start, ctx.open_index)
        if tokens.lows[index] in SPEECH_VERBS and tokens.words[index].islower()
    ]
    if len(verbs) < 2:
        return None
    found = verb_subject(tokens, verbs[-1], ctx.pre_start)
    if found is None:
        return None
    return stamp_rule(attribution_of(tokens, found[0], cue=verbs[-1], confidence=0.6), NEAREST_CUE)


def _subject(tokens: Tokens, low: int, high: int, source: str) -> Attribution | None:
    if high - low < 2 or tokens.lows[low] in AUXILIARIES:
        return None  # `Had I written “Q”, ...`: a question or a condition, no statement
    if not QUOTE_TOKENS.isdisjoint(tokens.words[low:high]):
        return None
    subject = sentence_subject(tokens, low, high)
    phrase = _speaker_phrase(tokens, subject) if subject is not None else None
    if phrase is None:
        return None  # `The story started with “Q”`: a thing that cannot speak
    cue = next(
        (
            index
            for index in range(phrase.tail + 1, min(high, phrase.tail + 6))
            if tokens.lows[index] in SPEECH_VERBS and tokens.words[index].islower()
        ),
        None,
    )
    return stamp_rule(attribution_of(tokens, phrase, cue=cue, confidence=0.4), source)


def _clause_past_quote(tokens: Tokens) -> Attribution | None:
    """`“Q1,” Voss said, and Brandt interrupted. “Q2”`: the subject of the clause that a
    coordinator opens after the previous sentence's last quote."""
    words = tokens.words
    if QUOTE_TOKENS.isdisjoint(words):
        return None
    last_quote = next(i for i in range(len(words) - 1, -1, -1) if words[i] in QUOTE_TOKENS)
    for index in range(last_quote + 1, len(words) - 2):
        if tokens.lows[index] in CLAUSE_COORDINATORS and words[index - 1] == ",":
            return _subject(tokens, index + 1, len(words), PREVIOUS_SENTENCE)
    return None


def _last_sentence_start(tokens: Tokens) -> int:
    for index in range(len(tokens) - 2, 0, -1):
        if tokens.words[index] in {".", "?", "!"} and tokens.words[index + 1][:1].isupper():
            return index + 1
    return 0


def candidate_features(
    ctx: QuoteContext, source: str, attribution: Attribution, *, rank: int, count: int
) -> dict[str, float]:
    """The evidence for one candidate, as named numbers (a missing name counts 0)."""
    text = ctx.text
    mention = attribution.mention
    open_mark = ctx.quote.open_mark
    close = ctx.quote.close_mark if ctx.quote.close_mark is not None else ctx.quote.end
    before = mention.end <= open_mark
    between = text[mention.end : open_mark] if before else text[close : mention.start]
    word_before = _word_before(text, mention.start)
    features: dict[str, float] = {
        "bias": 1.0,
        f"source={source}": 1.0,
        f"kind={attribution.phrase_kind}": 1.0,
        "sieve_choice": 1.0 if rank == 0 and source in _RULE_NAMES else 0.0,
        "no_sieve_answer": 1.0 if source not in _RULE_NAMES or rank > 0 else 0.0,
        "after_quote": 0.0 if before else 1.0,
        "distance": math.log1p(len(between)) / 6.0,
        "other_paragraph": 1.0 if "\n" in between else 0.0,
        "sentences_between": min(3, _sentence_ends(between)) / 3.0,
        "has_cue": 1.0 if attribution.cue is not None else 0.0,
        "speech_cue": 1.0 if (attribution.cue or "").lower() in SPEECH_VERBS else 0.0,
        "inherited": 1.0 if attribution.inherited else 0.0,
        "speaking_head": 1.0 if (attribution.head or "") in SPEAKING_HEADS else 0.0,
        "salience": math.log1p(_mentions_before(text, attribution, open_mark)) / 3.0,
        "spoke_before": 1.0 if _spoke_before(ctx, attribution) else 0.0,
        "opens_paragraph": 1.0 if open_mark == ctx.paragraph.start else 0.0,
        "short_quote": 1.0 if text.count(" ", ctx.quote.start, ctx.quote.end) < 6 else 0.0,
        "candidates": min(count, 5) / 5.0,
        "after_subordinator": 1.0 if word_before in SUBORDINATORS else 0.0,
        "after_relative": 1.0 if word_before in RELATIVE_PRONOUNS else 0.0,
        "after_coordinator": 1.0 if word_before in COORDINATORS else 0.0,
        "after_comma": 1.0 if word_before.endswith(",") else 0.0,
        f"{source}|kind={attribution.phrase_kind}": 1.0,
        f"{source}|before={_word_class(word_before)}": 1.0,
        "commas_between": min(3, between.count(",")) / 3.0,
        "that_between": 1.0 if " that " in between else 0.0,
    }
    if rank == 0 and source in _RULE_NAMES:
        features[f"sieve_choice={source}"] = 1.0
    return features


def _word_class(word: str) -> str:
    """What the word before a mention says of its clause: a comma, a relative pronoun, a
    coordinator, a subordinator, `that`, or something else."""
    if word.endswith(","):
        return "comma"
    if word == "that":
        return "that"
    if word in RELATIVE_PRONOUNS:
        return "relative"
    if word in COORDINATORS:
        return "coordinator"
    return "subordinator" if word in SUBORDINATORS else "other"


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 20) : start].split()
    return words[-1].lower() if words else ""


_RULE_NAMES: Final = frozenset(spec.name for spec in SIEVE)


def _sentence_ends(between: str) -> int:
    return between.count(". ") + between.count(".\n") + between.count("? ") + between.count("! ")


def _head_word(attribution: Attribution) -> str:
    target = attribution.refers_to or attribution
    words = target.mention_text.replace("’s", "").replace("'s", "").split()
    return words[-1] if words else ""


def _mentions_before(text: str, attribution: Attribution, end: int) -> int:
    head = _head_word(attribution)
    if len(head) < 3 or not head[0].isupper():
        return 0
    return text.count(head, 0, end)


def _spoke_before(ctx: QuoteContext, attribution: Attribution) -> bool:
    head = _head_word(attribution)
    for earlier in (ctx.previous, ctx.previous_paragraph_quote):
        if earlier is not None and head and _head_word(earlier) == head:
            return True
    return False


# `he`, `she`: a pronoun that can stand for one named person.
_HE_OR_SHE: Final = PERSON_PRONOUNS & THIRD_PERSON_PRONOUNS


def nearer_pronoun(
    ctx: QuoteContext, attribution: Attribution, speaker: Speaker | None, resolver: Resolver
) -> Mention | None:
    """`he` or `she` between the speaker's name and the quote, standing for the same speaker,
    as the quote's own mention: the subject of a later clause whose verb speaks the quote, or
    of the sentence that closes the paragraph before a quote that opens its own. The speaker
    stays as resolved."""
    if speaker is None or attribution.phrase_kind not in ("name", "description"):
        return None
    if attribution.refers_to is not None or attribution.mention.start > ctx.quote.open_mark:
        return None
    found = _clause_pronoun(ctx, attribution) or _closing_pronoun(ctx, attribution)
    if found is None or not resolver.pronoun_means(found.text, found.start, speaker):
        return None
    return found


def _clause_pronoun(ctx: QuoteContext, attribution: Attribution) -> Mention | None:
    """`Voss faulted both plans, but she paid the mayor a compliment: “Q”`, `Roe admitted the
    error even as he defended the plan, saying “Q”`: after the name, in the same sentence."""
    if attribution.mention.start < ctx.sentence_start:
        return None
    tokens = ctx.tokens
    low = max(ctx.pre_start, tokens.index_at(attribution.mention.end))
    if _HE_OR_SHE.isdisjoint(tokens.lows[low + 1 : ctx.open_index]):
        return None  # the scan below would find no pronoun: one set test spares it
    index = next(
        (i for i in range(ctx.open_index - 1, low, -1) if tokens.lows[i] in _HE_OR_SHE), None
    )
    if index is None or not _opens_clause(tokens.words[index - 1]):
        return None
    if not _speaks_quote(tokens, index + 1, ctx.open_index):
        return None  # `Roe said if Voss wins, he would cut the “harbor tax”`
    word, start = tokens.words[index], tokens.starts[index]
    return Mention(word, start, start + len(word))


def _closing_pronoun(ctx: QuoteContext, attribution: Attribution) -> Mention | None:
    """`“Q1,” Voss added. She then turned to the council. ¶ “Q2”`: the subject of the last
    sentence before a quote that opens its paragraph, after the speaker's name."""
    if ctx.quote.open_mark != ctx.paragraph.start:
        return None
    paragraph = ctx.previous_tokens()
    if paragraph is None or len(paragraph) < 3:
        return None
    first = _last_sentence_start(paragraph)
    word, start = paragraph.words[first], paragraph.starts[first]
    if word.lower() not in _HE_OR_SHE or not word[0].isupper():
        return None
    if not attribution.mention.end <= start < ctx.quote.open_mark:
        return None
    if not QUOTE_TOKENS.isdisjoint(paragraph.words[first:]):
        return None  # a sentence with its own quote speaks for itself
    return Mention(word, start, start + len(word))


def _opens_clause(word: str) -> bool:
    """A comma, a coordinator, a subordinator other than `if` (`asked Roe if he`), or an
    object relative (`Voss, whom he called “Q”`; not `what he has done`) before a subject."""
    lower = word.lower()
    if word == "," or lower in COORDINATORS:
        return True
    if lower in OBJECT_RELATIVES:
        return lower != "what"
    return lower in SUBORDINATORS and lower != "if"


def _speaks_quote(tokens: Tokens, low: int, open_index: int) -> bool:
    """The pronoun's clause speaks the quote: its first verb is a speech verb, a participle of
    one follows it (`as he defended the plan, saying “Q”`), or a colon opens the quote. A
    finite speech verb after another verb belongs to another clause (`after he won the vote
    and said “Q”`, said by whoever the sentence opened with)."""
    if open_index > low and tokens.words[open_index - 1] == ":":
        return True
    verb_seen = False
    for index in range(low, open_index):
        lower = tokens.lows[index]
        if not tokens.words[index].islower() or lower in AUXILIARIES:
            continue
        if lower.endswith("ing"):
            if lower in SPEECH_VERBS or f"{lower[:-3]}s" in SPEECH_VERBS:
                return True
        elif lower in SPEECH_VERBS:
            return not verb_seen
        elif finite_verb(tokens, index):
            verb_seen = True
    return False
