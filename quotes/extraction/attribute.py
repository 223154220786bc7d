"""Attribution: a sieve of registered rules, each a small function that either finds the
speaker mention and cue of a quote or passes. The first rule that answers wins.

A rule is declared once with @rule(order=..., local=..., continues=...); the sieve and the sets
derived from it come from the registry. Rules read the grammar in grammar.py (phrases, clauses)
on the tokens around each quote, and never look further than a sentence or so from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from lexicon import (
    ASK_VERBS,
    AUXILIARIES,
    BE_FORMS,
    DETERMINERS,
    DOCUMENT_HEADS,
    EMBEDDING_WORDS,
    FUNCTION_WORDS,
    IRREGULAR_PAST,
    MONTHS,
    NAMING_WORDS,
    NOT_CHARACTERISING,
    OPENING_CONJUNCTIONS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICIPLE_CUES,
    PERSON_NOUNS,
    PHRASAL_CUES,
    PLURAL_NOUN_ENDINGS,
    POLL_WORDS,
    POSSESSIVE_PRONOUNS,
    PREDICATE_COPULAS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SHARE_NOUNS,
    SPEAKING_HEADS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SUBJECT_VERB_FILLERS,
    SUBORDINATORS,
    TELL_VERBS,
)
from quotes.extraction.detect import QuoteSpan
from quotes.extraction.grammar import (
    BARE_CUES,
    DASHES,
    QUOTE_TOKENS,
    Phrase,
    Tokens,
    body_of_members,
    clause_ends,
    colon_clause_subject,
    document_quoted_as_saying,
    embedded_pronoun,
    first_subject,
    framing_poll,
    is_finite_cue,
    is_passive_participle,
    is_plural_word,
    is_possessive,
    main_clause_start,
    phrasal_cue_after,
    phrase_after,
    phrase_before,
    possessive_antecedent,
    possessive_owner,
    sentence_start_before,
    sentence_subject,
    share_subject,
    skip_fillers,
    subject_of_last_cue,
    subject_start,
    verb_after_subject,
    verb_subject,
)
from quotes.extraction.mentions import Resolver
from quotes.extraction.types import Mention, Span, Speaker, replace, slot_init


@slot_init
@dataclass(frozen=True, slots=True)
class Attribution:
    """What a rule found: the mention, its kind, the cue and how sure the rule is."""

    mention: Span
    mention_text: str
    phrase_kind: str
    cue: str | None
    confidence: float
    title: str | None = None
    determiner: str | None = None
    head: str | None = None
    inherited: bool = False
    rule: str = ""  # the name of the rule that found it, stamped by attribute()
    refers_to: Attribution | None = None  # what a relative pronoun mention stands for
    # The sentence's own speaker when the quote is someone else's words that it reports
    # (`The minister said ..., referring to Kim's declaration that “Q”`); the next paragraph's
    # quote continues this speaker.
    outer: Attribution | None = None


@dataclass(slots=True)
class QuoteContext:
    text: str
    quote: QuoteSpan
    paragraph: Span
    tokens: Tokens
    open_index: int  # token index of the opening mark
    close_index: int  # token index of the closing mark, len(tokens) when left open
    pre_start: int  # first token of the pre-quote window (sentence start or previous quote end)
    post_end: int  # token after the post-quote window (next quote or paragraph end)
    sentence_end: int  # token index just past the sentence that holds the closing mark
    previous: Attribution | None  # the attribution of the previous quote in the paragraph
    previous_in_sentence: bool  # the previous quote ends in the sentence where this one starts
    previous_tokens: Callable[[], Tokens | None]  # built only when a rule needs them
    previous_sentence: Callable[[], Tokens | None]  # the sentence before, in this paragraph
    # Where the quote's sentence starts (in its paragraph): the window above starts after an
    # earlier quote of the sentence
    sentence_start: int
    previous_paragraph_quote: Attribution | None  # the last quote of the previous paragraph
    previous_paragraph_unclosed: bool


def cue_index(ctx: QuoteContext, attribution: Attribution) -> int:
    """The token of the attribution's cue word after its mention, before the quote; the
    quote's opening mark when the cue is not there."""
    tokens = ctx.tokens
    cue = tokens.index_at(attribution.mention.end)
    while cue < ctx.open_index and tokens.words[cue] != attribution.cue:
        cue += 1
    return cue


# --- the rule registry ---------------------------------------------------------------------------


Rule = Callable[[QuoteContext], Attribution | None]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A registered rule: its name (the function's without `rule_`), its place in the sieve,
    whether its cue lies in the quote's own sentence, and whether it continues an earlier
    paragraph's speaker."""

    name: str
    order: int
    local: bool
    continues: bool
    function: Rule


RULES: dict[str, RuleSpec] = {}


def rule(*, order: int, local: bool, continues: bool = False) -> Callable[[Rule], Rule]:
    """Declare a rule once: `@rule(order=30, local=True)` above `def rule_<name>(ctx)`. The sieve,
    LOCAL_RULES and CONTINUING_RULES derive from these declarations."""

    def register(function: Rule) -> Rule:
        name = function.__name__.removeprefix("rule_")
        if name in RULES or any(spec.order == order for spec in RULES.values()):
            raise ValueError(f"rule {name!r} or order {order} is registered twice")
        RULES[name] = RuleSpec(name, order, local, continues, function)
        return function

    return register


# --- building attributions -----------------------------------------------------------------------


@lru_cache(maxsize=1024)  # a few dozen confidences recur all pass long; a cached call runs in C
def rounded(confidence: float) -> float:
    """A confidence to three decimals, as records carry it (round() to digits converts the
    float to decimal and back: three times the cost of the cached call)."""
    return round(confidence, 3)


def _attribution(
    tokens: Tokens, phrase: Phrase, *, cue: int | None, confidence: float
) -> Attribution:
    words, last = tokens.words, phrase.last
    start, end = tokens.starts[phrase.first], tokens.starts[last] + len(words[last])
    if phrase.kind == "pronoun":
        confidence *= 0.95
        word = words[phrase.first]
        for mark in ("’", "'"):
            if mark in word:
                end = start + word.index(mark)
    return Attribution(
        mention=Span(start, end),
        mention_text=tokens.text[start:end],
        phrase_kind=phrase.kind,
        cue=words[cue] if cue is not None else None,
        confidence=rounded(confidence),
        title=phrase.title,
        determiner=phrase.determiner,
        head=phrase.head,
        refers_to=(
            _antecedent_attribution(tokens, phrase.antecedent, cue=cue, confidence=confidence)
            if phrase.antecedent is not None
            else None
        ),
    )


def _antecedent_attribution(
    tokens: Tokens, phrase: Phrase, *, cue: int | None, confidence: float
) -> Attribution:
    """What a pronoun stands for; an owner (`North Korea’s condemnation ... what it describes`)
    without its `’s`."""
    found = _attribution(tokens, phrase, cue=cue, confidence=confidence)
    text = found.mention_text
    for ending in ("’s", "'s"):
        if text.endswith(ending):
            end = found.mention.end - len(ending)
            return replace(
                found, mention=Span(found.mention.start, end), mention_text=text[: -len(ending)]
            )
    return found


def attribution_of(
    tokens: Tokens, phrase: Phrase, *, cue: int | None, confidence: float
) -> Attribution:
    """The attribution a phrase makes as the subject of the cue at token `cue` (the claims
    build theirs as the quote rules do)."""
    return _attribution(tokens, phrase, cue=cue, confidence=confidence)


def resolve_attribution(
    attribution: Attribution, resolver: Resolver
) -> tuple[Speaker | None, Mention, float]:
    """The speaker an attribution names, its mention, and the confidence once resolved (an
    unresolved mention keeps 0.6 of it)."""
    target = attribution.refers_to or attribution  # `who` speaks for its antecedent
    speaker = resolver.resolve(
        start=target.mention.start,
        end=target.mention.end,
        kind=target.phrase_kind,
        title=target.title,
        determiner=target.determiner,
        head=target.head,
    )
    mention = Mention(attribution.mention_text, attribution.mention.start, attribution.mention.end)
    confidence = attribution.confidence if speaker is not None else attribution.confidence * 0.6
    return speaker, mention, confidence


def _content_ends_sentence(ctx: QuoteContext) -> bool:
    content = ctx.text[ctx.quote.start : ctx.quote.end].rstrip()
    return content.endswith(".")


def _post_start(ctx: QuoteContext) -> int:
    index = ctx.close_index + 1
    while index < ctx.post_end and ctx.tokens.words[index] in DASHES:
        index += 1
    return index


def _attribution_closes(ctx: QuoteContext, after: int) -> bool:
    """After a quote that ends its sentence, `Kang said.` must stand alone as the next sentence;
    a cue whose colon opens the next quote (`“Q,” Kang said: “Q2”`) introduces that one."""
    if _colon_opens_next_quote(ctx, after):
        return False
    if not _content_ends_sentence(ctx):
        return True
    if after >= ctx.post_end:
        return True
    word = ctx.tokens.words[after]
    if word == "," and _next_quote_follows(ctx, after):
        return False  # `“Q.” She adds, “Q2”`: the new sentence introduces the next quote
    return word in {".", ",", ";"}


def _colon_opens_next_quote(ctx: QuoteContext, after: int) -> bool:
    """`After Roe said ... “Q,” Doe said: “Q2”`: Doe's cue opens the next quote, and a cue
    with a subject of its own before the quote speaks it (`Conceding “Q” he warned: “Q2”`: he
    speaks both)."""
    return (
        after < ctx.post_end
        and ctx.tokens.words[after] == ":"
        and _next_quote_follows(ctx, after)
        and subject_of_last_cue(ctx.tokens, ctx.pre_start, ctx.open_index) is not None
    )


_SPACES_THEN_OPENING_MARK: Final = re.compile('[ \u00a0]*[“"„‟«]')


def _next_quote_follows(ctx: QuoteContext, index: int) -> bool:
    """The token at `index` is followed, after spaces only, by a quote mark in the paragraph."""
    start = ctx.tokens.end(index)
    return _SPACES_THEN_OPENING_MARK.match(ctx.text, start, ctx.paragraph.end) is not None


# --- the rules -----------------------------------------------------------------------------------


@rule(order=20, local=True)
def rule_post_cue_speaker(ctx: QuoteContext) -> Attribution | None:
    """`“Q,” said Shin Beom-chul, director of ...` / `“Q,” according to X`."""
    tokens = ctx.tokens
    index = _post_start(ctx)
    if index >= ctx.post_end:
        return None
    lower = tokens.lows[index]
    if lower == "according" and index + 1 < ctx.post_end and tokens.lows[index + 1] == "to":
        phrase = phrase_after(tokens, index + 2, ctx.post_end)
        cue = index
    elif is_finite_cue(lower) and tokens.words[index].islower():
        first = skip_fillers(tokens, index + 1, ctx.post_end)
        if first < ctx.post_end and tokens.lows[first] == "that":
            return None  # `the ad “Q” suggests that Phoenix ...`: a clause, not a speaker
        phrase = phrase_after(tokens, first, ctx.post_end)
        cue = index
    else:
        return None
    if phrase is None or not _attribution_closes(ctx, phrase.tail + 1):
        return None
    if _object_before_as(ctx, phrase):
        return None
    return _attribution(tokens, phrase, cue=cue, confidence=0.95)


def _object_before_as(ctx: QuoteContext, phrase: Phrase) -> bool:
    """`Roe, who puts it at “Q,” described the loss as ...`: a thing that cannot speak, then
    `as`, is the verb's object, not a subject set after it (`said the harbor chief as she
    left`, `said the chief known as Bob` keep their speaker)."""
    after = phrase.tail + 1
    return (
        phrase.kind == "description"
        and phrase.head is not None
        and phrase.head not in SPEAKING_HEADS
        and not phrase.head.endswith(("ed", "wn"))  # a participle: `known as`, `described as`
        and after < ctx.post_end
        and ctx.tokens.lows[after] == "as"
    )


@rule(order=30, local=True)
def rule_post_speaker_cue(ctx: QuoteContext) -> Attribution | None:
    """`“Q,” Kang said` / `“Q,” a Cheong Wa Dae official said` / `“Q,” Reuters reported`."""
    tokens = ctx.tokens
    index = _post_start(ctx)
    if index < ctx.post_end and tokens.lows[index] == "as":
        index += 1  # `“Q,” as a Lindell Institute brief put it.`
    if index < ctx.post_end and tokens.lows[index] == "that":
        return None  # `is “pleased” that Quist, who ..., invoked`: a clause about the quote
    if ctx.open_index > ctx.pre_start and tokens.lows[ctx.open_index - 1] == "that":
        # `Roe claimed that “Q,” one of the prosecutors said ...`: the quote is what the clause
        # before it reports, and a new clause follows it
        return None
    if _POST_CUE_WORDS.isdisjoint(tokens.lows[index : ctx.post_end]):
        return None  # no cue after the quote: spare reading a subject for it
    if _opening_clause_introduces(ctx):
        return None
    phrase = phrase_after(tokens, index, ctx.post_end)
    if phrase is None:
        return None
    verb = verb_after_subject(tokens, phrase.tail + 1, ctx.post_end)
    if verb is None:
        verb = _bare_cue_after_plural(tokens, phrase, ctx.post_end)
    end = verb
    if verb is None:
        verb = phrasal_cue_after(tokens, phrase.tail + 1, ctx.post_end)  # `Roe shot back`
        end = verb + 1 if verb is not None else None
    if verb is None or end is None or not _attribution_closes(ctx, end + 1):
        return None
    return _attribution(tokens, body_of_members(tokens, phrase, verb), cue=verb, confidence=0.93)


_PHRASAL_CUE_VERBS: Final = frozenset(cue.split(" ", 1)[0] for cue in PHRASAL_CUES)
# The words one of which a cue after a quote holds: a speech verb, a phrasal cue's verb
# (`shot back`) or a bare cue after a plural (`critics charge`).
_POST_CUE_WORDS: Final = SPEECH_VERBS | _PHRASAL_CUE_VERBS | BARE_CUES


def _opening_clause_introduces(ctx: QuoteContext) -> bool:
    """`When Brandt shouted, “Q,” Voss replied`, `As the crowd chanted, “Q,” ...`: a
    subordinate clause that opens the sentence introduces the quote with its own cue and
    subject; the main clause's cue after the quote reports its own words, not these (`When
    asked, Voss said: “Q,” the Courier reported`: the main clause has begun before the quote)."""
    tokens = ctx.tokens
    opener = tokens.lows[ctx.pre_start]
    if opener not in SUBORDINATORS and opener != "as":
        return False
    if main_clause_start(tokens, ctx.pre_start, ctx.open_index) != ctx.pre_start:
        return False
    found = subject_of_last_cue(tokens, ctx.pre_start, ctx.open_index)
    return found is not None and ctx.open_index - found[1] <= 2


def _bare_cue_after_plural(tokens: Tokens, phrase: Phrase, high: int) -> int | None:
    """`“Q,” the Saudis state in the paper`, `“Q,” critics charge`: a plural subject after the
    quote, then the bare form of a cue in -s."""
    if not is_plural_word(tokens.words[phrase.last]) or phrase.kind == "pronoun":
        return None
    verb = skip_fillers(tokens, phrase.tail + 1, high)
    if verb >= high or not tokens.words[verb].islower() or tokens.lows[verb] not in BARE_CUES:
        return None
    return verb


@rule(order=80, local=True)
def rule_post_clause_speaker(ctx: QuoteContext) -> Attribution | None:
    """`“Q,” rather than coordinating North Korea policy, Wi said.`: the attribution ends the
    sentence after an interposed clause."""
    tokens = ctx.tokens
    end = min(ctx.post_end, ctx.sentence_end)
    for comma in range(ctx.close_index + 2, end):
        if tokens.words[comma] in QUOTE_TOKENS:
            return None
        if tokens.words[comma] != ",":
            continue
        phrase = phrase_after(tokens, comma + 1, end)
        if phrase is not None:
            verb = verb_after_subject(tokens, phrase.tail + 1, end)
            if verb is not None and clause_ends(tokens, verb + 1, end):
                return _attribution(tokens, phrase, cue=verb, confidence=0.8)
            document = document_quoted_as_saying(tokens, verb, end) if verb is not None else None
            if document is not None:
                return _attribution(tokens, document, cue=verb, confidence=0.75)
        if comma + 1 < end and is_finite_cue(tokens.lows[comma + 1]):
            phrase = phrase_after(tokens, comma + 2, end)
            if phrase is not None and clause_ends(tokens, phrase.tail + 1, end):
                return _attribution(tokens, phrase, cue=comma + 1, confidence=0.8)
    return None


@rule(order=40, local=True)
def rule_pre_according_to(ctx: QuoteContext) -> Attribution | None:
    """`According to X, “Q”`."""
    tokens = ctx.tokens
    if "according" not in tokens.lows[ctx.pre_start : ctx.open_index]:
        return None
    for index in range(ctx.pre_start, ctx.open_index - 1):
        if tokens.lows[index] == "according" and tokens.lows[index + 1] == "to":
            phrase = phrase_after(tokens, index + 2, ctx.open_index)
            if phrase is None:
                continue
            if _relays_direct_speech(ctx, phrase.tail + 1) or _inside_reported_clause(ctx, index):
                return None
            share = _share_of_a_cited_poll(ctx, phrase)
            if share is not None:
                return share
            return _attribution(tokens, phrase, cue=index, confidence=0.85)
    return None


def _share_of_a_cited_poll(ctx: QuoteContext, source: Phrase) -> Attribution | None:
    """`According to a harbor study that cites a crew survey, 51 percent of crews said “Q”`:
    the source relays a poll it cites, whose share of respondents said the words (a source
    that is the poll itself speaks for them: `According to the exit polls, 24 percent ...`)."""
    tokens = ctx.tokens
    if source.head in POLL_WORDS:
        return None
    comma = next(
        (i for i in range(source.tail + 1, ctx.open_index) if tokens.words[i] == ","), None
    )
    if comma is None or POLL_WORDS.isdisjoint(tokens.lows[source.tail + 1 : comma]):
        return None
    verb = _nearest_cue(ctx)
    if verb is None or verb <= comma:
        return None
    # the clause after the source is all the share's: `51 percent of the 1,500 crew members
    # at the main piers said`
    share = share_subject(tokens, verb, reach=verb - comma)
    if share is None:
        return None
    return _share_attribution(tokens, share[0], cue=verb, confidence=0.8)


def _share_attribution(
    tokens: Tokens, share: Phrase, *, cue: int, confidence: float
) -> Attribution:
    """A share of respondents speaks as an unnamed group (`51 percent of crew members`)."""
    head = next(
        (
            tokens.lows[i]
            for i in range(share.first, share.last + 1)
            if tokens.lows[i] in _SHARE_WORDS
        ),
        None,
    )
    phrase = replace(share, kind="description", determiner=None, head=head)
    return _attribution(tokens, phrase, cue=cue, confidence=confidence)


def _nearest_cue(ctx: QuoteContext) -> int | None:
    """The lower-case speech verb nearest before the quote, in its window."""
    tokens = ctx.tokens
    return next(
        (
            index
            for index in range(ctx.open_index - 1, ctx.pre_start, -1)
            if tokens.lows[index] in SPEECH_VERBS and tokens.words[index].islower()
        ),
        None,
    )


def _inside_reported_clause(ctx: QuoteContext, according: int) -> bool:
    """`Voss said that according to its count, the party has won “Q”`: the source stands
    inside the clause that an earlier cue with a subject reports, whose speaker says it all."""
    tokens = ctx.tokens
    that = according - 1
    if that <= ctx.pre_start or tokens.lows[that] != "that":
        return False
    return subject_of_last_cue(tokens, ctx.pre_start, that) is not None


def _relays_direct_speech(ctx: QuoteContext, low: int) -> bool:
    """`According to the ministry, Park said, “Q”`: the source relays the direct speech of a
    speaker whose own cue and comma introduce the quote, so that speaker is quoted; a partial
    quote in a reported clause (`According to the paper, Park said the “Q” ...`) stays the
    source's report."""
    tokens = ctx.tokens
    before = ctx.open_index - 1
    if before <= low or tokens.words[before] not in {",", ":"}:
        return False
    found = subject_of_last_cue(tokens, low, ctx.open_index)
    return found is not None and found[1] == before - 1


@rule(order=55, local=True)
def rule_pre_poll_share(ctx: QuoteContext) -> Attribution | None:
    """`In a Harbor Gazette poll released Monday, 31 percent of voters said they were “Q”`,
    `The Harbor poll finds that 40 percent say the plan is “Q”`: a share of a poll's
    respondents answers for the poll that frames the sentence, and a later share in the
    sentence for the same poll; with no poll in the sentence the share speaks (`to which 21
    percent said “Q”`), not a phrase before it."""
    tokens = ctx.tokens
    if _SHARE_WORDS.isdisjoint(tokens.lows[ctx.pre_start : ctx.open_index]):
        return None  # most windows hold no share of respondents: one set test
    verb = _nearest_cue(ctx)
    share = share_subject(tokens, verb) if verb is not None else None
    if share is None:
        return None
    outer = subject_of_last_cue(tokens, ctx.pre_start, ctx.open_index)
    if outer is not None and outer[1] != verb and outer[0].kind in _SPEAKER_KINDS:
        return None  # `Voss said 40 percent said “Q”`: the outermost speaker reports it
    phrase, verb = share
    if any(
        tokens.lows[index] in SHARE_NOUNS and tokens.words[index + 1][:1].isupper()
        for index in range(phrase.first, verb)
    ):
        return None  # `Majority Leader Ivo Brandt said`: a title, no share
    poll = framing_poll(tokens, phrase.first) if _window_opens_sentence(ctx) else None
    if poll is not None:
        return _attribution(tokens, poll, cue=verb, confidence=0.8)
    previous = ctx.previous
    if (
        previous is not None
        and ctx.previous_in_sentence
        and previous.rule == "pre_poll_share"
        and previous.head in POLL_WORDS
    ):
        return replace(previous, cue=tokens.words[verb], inherited=False)
    return _share_attribution(tokens, phrase, cue=verb, confidence=0.75)


# The phrases an outer cue's subject is read as when a person or a body reports the share.
_SPEAKER_KINDS: Final = frozenset({"name", "pronoun", "org"})
# Words one of which a share of respondents holds: `percent`, `%`, `half`, `six in 10`.
_SHARE_WORDS: Final = frozenset({"percent", "%", "10"}) | SHARE_NOUNS


def _window_opens_sentence(ctx: QuoteContext) -> bool:
    """The rule window starts where the quote's sentence does (no earlier quote nor a cut)."""
    return not ctx.text[ctx.sentence_start : ctx.tokens.starts[ctx.pre_start]].strip()


@rule(order=58, local=True)
def rule_post_passive_agent(ctx: QuoteContext) -> Attribution | None:
    """`The levy was called “a relief” by Mara Voss`, `The pact has been described as “Q” by the
    harbor chief`: a speech verb in the passive right before the quote, and `by` with its agent
    right after it; the agent speaks, not the subject the words were said of."""
    tokens = ctx.tokens
    by = ctx.close_index + 1
    if by + 1 >= ctx.post_end or tokens.lows[by] != "by":
        return None
    cue = ctx.open_index - 1
    if cue > ctx.pre_start and tokens.lows[cue] == "as":
        cue -= 1  # `described as`
    if (
        cue <= ctx.pre_start
        or tokens.lows[cue] not in SPEECH_VERBS
        or not is_passive_participle(tokens, cue, ctx.pre_start)
    ):
        return None
    phrase = phrase_after(tokens, by + 1, ctx.post_end)
    if phrase is None or phrase.kind == "pronoun":
        return None
    if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
        return None  # `by the end of the week`
    return _attribution(tokens, phrase, cue=cue, confidence=0.85)


@rule(order=60, local=True)
def rule_pre_subject_cue(ctx: QuoteContext) -> Attribution | None:
    """`Kang said Varga's plan aims to achieve “...”` / `Kim told reporters ... that “Q”` /
    `Shin, the analyst, added that ..., saying “Q”` (the participle takes the main subject)."""
    found = subject_of_last_cue(ctx.tokens, ctx.pre_start, ctx.open_index)
    if found is None:
        return None
    phrase, verb = found
    later = colon_clause_subject(ctx.tokens, verb, ctx.open_index - 1)
    if later is not None:
        return _attribution(ctx.tokens, later, cue=ctx.open_index - 1, confidence=0.8)
    owner = _complement_owner(ctx, verb)
    if owner is not None:
        return replace(owner, outer=_attribution(ctx.tokens, phrase, cue=verb, confidence=0.8))
    previous = ctx.previous
    if (
        previous is not None
        and ctx.previous_in_sentence
        and previous.rule in LOCAL_RULES
        and embedded_pronoun(ctx.tokens, phrase, ctx.pre_start)
    ):
        # `Roe took to Twitter to accuse ... of being “duped” and to look into what he called
        # “Q”`: the sentence's subject, found for the earlier quote, speaks.
        # The pronoun stays the mention (the local speaker), standing for the earlier speaker;
        # `she said he believes “Q”` keeps the earlier one, whose pronoun differs.
        if (
            previous.phrase_kind == "pronoun"
            and previous.mention_text.lower() != (ctx.tokens.lows[phrase.first])
        ):
            return replace(previous, cue=ctx.tokens.words[verb], inherited=False)
        own = _attribution(ctx.tokens, phrase, cue=verb, confidence=previous.confidence)
        return replace(own, refers_to=previous.refers_to or previous)
    distance = ctx.open_index - verb
    confidence = 0.88 if distance < 12 else 0.8
    return _attribution(ctx.tokens, phrase, cue=verb, confidence=confidence)


@rule(order=62, local=True)
def rule_pre_parenthetical_inverted(ctx: QuoteContext) -> Attribution | None:
    """`The trouble, says Ivo Brandt, a historian, is that the levy was “Q”`, `In other words,
    explained Mara Voss: “Q”`: an inverted cue set off by a comma inside the sentence, with its
    speaker after it and a comma or a colon after the speaker."""
    tokens = ctx.tokens
    for comma in range(ctx.pre_start + 1, ctx.open_index - 3):
        cue = comma + 1
        if tokens.words[comma] != "," or not _inverted_cue(tokens, cue):
            continue
        phrase = phrase_after(tokens, cue + 1, ctx.open_index)
        if phrase is None or phrase.kind == "pronoun":
            continue  # `..., said he, ...` is rare; `..., says it all` is no speaker
        if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
            continue  # `..., said the plan was ...`: a reported clause, not an inversion
        if phrase.tail + 1 < ctx.open_index and tokens.words[phrase.tail + 1] in {",", ":"}:
            return _attribution(tokens, phrase, cue=cue, confidence=0.8)
    return None


def _inverted_cue(tokens: Tokens, index: int) -> bool:
    """A speech verb in -s or the past that takes no listener before its clause (`says`,
    `explained`; not `told reporters`, `asked the mayor`)."""
    word, lower = tokens.words[index], tokens.lows[index]
    return (
        word.islower()
        and is_finite_cue(lower)
        and (lower.endswith(("s", "ed")) or lower in IRREGULAR_PAST)
        and lower not in TELL_VERBS
        and lower not in ASK_VERBS
    )


@rule(order=65, local=True)
def rule_pre_that_clause(ctx: QuoteContext) -> Attribution | None:
    """`The institute found that “nearly half of all renters ...”`, `Varga worried that the
    fund was becoming “a slush pot ...”`: a finite verb hands its `that` clause, and the quote
    in it, to its subject, whatever the verb."""
    tokens = ctx.tokens
    for that in range(ctx.open_index - 1, ctx.pre_start + 1, -1):
        word = tokens.words[that]
        if word in _THAT_CLAUSE_BREAKS:
            return None
        if tokens.lows[that] != "that" or tokens.lows[that + 1] in PREPOSITIONS:
            continue  # `contrasted that with ...`
        if is_finite_cue(tokens.lows[that + 1]) and tokens.words[that + 1].islower():
            continue  # `shirts that said “Q”`: a relative pronoun, the subject of its own cue
        verb = that - 1
        if (
            verb - 1 > ctx.pre_start
            and f"{tokens.lows[verb - 1]} {tokens.lows[verb]}" in PHRASAL_CUES
        ):
            verb -= 1  # `Roe shot back that ...`
        holders = _holders_among(tokens, verb, ctx.pre_start)
        if holders is not None:
            return _attribution(tokens, holders, cue=None, confidence=0.6)
        if finite_verb(tokens, verb):
            found = verb_subject(tokens, verb, ctx.pre_start)
            if found is None or found[0].tail + 3 < verb:
                return None
            return _attribution(tokens, found[0], cue=verb, confidence=0.7)
    return None


_THAT_CLAUSE_BREAKS: Final = QUOTE_TOKENS | {".", ";", ":", "?", "!"}


def _holders_among(tokens: Tokens, last: int, low: int) -> Phrase | None:
    """`There is mounting anxiety among harbor officials and some Voss allies that the “Q” ...`:
    the people a feeling or belief is found among hold the `that` clause that follows them."""
    if not _is_plural_people(tokens.words[last]):
        return None
    phrase = phrase_before(tokens, last, low, nested=True)
    if phrase is None or phrase.kind != "description":
        return None
    first = phrase.first
    before = first - 1
    if before - 1 > low and tokens.lows[before] == "and":
        partner = phrase_before(tokens, before - 1, low, nested=True)
        if partner is not None and partner.kind in {"description", "name"}:
            first = subject_start(tokens, partner, low)
            before = first - 1
    while first - before <= _MAX_NOUN_MODIFIERS and before > low and _noun_modifier(tokens, before):
        before -= 1  # `among senior officials`: the modifiers a bare plural's phrase leaves out
    if before < low or tokens.lows[before] != "among":
        return None
    return replace(phrase, first=before + 1)


def finite_verb(tokens: Tokens, index: int) -> bool:
    """A lower-case word in the past or the third person (`found`, `projects`, `worried`); not a
    plural noun (`accusations`, `the reports`, `allies`)."""
    word, lower = tokens.words[index], tokens.lows[index]
    if not (word.isalpha() and word.islower()) or lower in FUNCTION_WORDS:
        return False
    if lower in IRREGULAR_PAST or lower.endswith("ed"):
        return True
    if lower.endswith("s") and not lower.endswith("ss"):
        return not _plural_noun(tokens, index)
    # `Most lawmakers hold that`: the bare form after a plural subject of people
    return index > 0 and _is_plural_people(tokens.words[index - 1])


_PLURAL_NOUN_ENDINGS: Final = tuple(sorted(PLURAL_NOUN_ENDINGS))


def _plural_noun(tokens: Tokens, index: int) -> bool:
    """A word in -s that is a plural noun: a noun of people or bodies (`allies`, `groups`), a
    nominal ending (`accusations`), or a determiner or possessive right before it (`the
    reports`, `his claims`)."""
    lower = tokens.lows[index]
    if lower in PERSON_NOUNS or lower in ORG_NOUNS or lower.endswith(_PLURAL_NOUN_ENDINGS):
        return True
    before = tokens.lows[index - 1] if index > 0 else ""
    return before in DETERMINERS or before in POSSESSIVE_PRONOUNS


def _is_plural_people(word: str) -> bool:
    lower = word.lower()
    return word.islower() and lower in PERSON_NOUNS and lower.endswith("s")


@rule(order=50, local=True)
def rule_pre_inverted(ctx: QuoteContext) -> Attribution | None:
    """`Said Orsin: “Q”` / `Added Kim, “Q”`: a cue opening the sentence, then the speaker;
    an opening conjunction may come first (`But, said Orsin, “Q”`)."""
    tokens = ctx.tokens
    start = ctx.pre_start
    capital = start < ctx.open_index and tokens.words[start][0].isupper()
    if capital and tokens.lows[start] in OPENING_CONJUNCTIONS:
        start += 2 if start + 1 < ctx.open_index and tokens.words[start + 1] == "," else 1
    if start >= ctx.open_index or not is_finite_cue(tokens.lows[start]):
        return None
    if not capital:
        return None
    phrase = phrase_after(tokens, start + 1, ctx.open_index)
    if phrase is None:
        return None
    if phrase.tail + 2 < ctx.open_index and not _relative_clause_between(
        tokens, phrase.tail + 1, ctx.open_index
    ):
        return None
    if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
        return None  # `Read the latest updates below: “Q”`: an imperative, not an inversion
    return _attribution(tokens, phrase, cue=start, confidence=0.85)


def _relative_clause_between(tokens: Tokens, comma: int, open_index: int) -> bool:
    """`Said Jane Roe, who grew up with him, “Q”`: a relative clause set off by commas."""
    return (
        tokens.words[comma] == ","
        and tokens.lows[comma + 1] in {"who", "whose"}
        and tokens.words[open_index - 1] in {",", ":"}
        and not any(
            tokens.words[i] in QUOTE_TOKENS or tokens.words[i] in {".", ";", "?", "!"}
            for i in range(comma + 1, open_index - 1)
        )
    )


@rule(order=70, local=True)
def rule_pre_possessive_speech_noun(ctx: QuoteContext) -> Attribution | None:
    """`Dale Roe’s claim that there have been “hundreds of break-ins”`: the owner of the
    claim speaks, when no speech verb is nearer."""
    tokens = ctx.tokens
    predicate = False  # a be-form of the noun's own clause stands between it and the quote
    for index in range(ctx.open_index - 1, max(ctx.pre_start, ctx.open_index - 25) - 1, -1):
        lower = tokens.lows[index]
        is_noun = lower in SPEECH_NOUNS and index > ctx.pre_start
        if not is_noun and lower in SPEECH_VERBS and tokens.words[index].islower():
            return None
        if lower in PREDICATE_COPULAS and tokens.words[ctx.open_index - 1] != ":":
            predicate = True  # (`his response was: “Q”` gives the words)
        elif lower == "that":
            predicate = False  # `his claim that the plan is “dead”`: the clause's own verb
        if not is_noun:
            continue
        if predicate:
            return None  # `his comment about the vote was “rude”`: a judgement of the comment
        if index + 2 == ctx.open_index and tokens.lows[index + 1] == "as":
            return None  # `Voss dismissed Roe’s remarks as “Q”`: the dismisser's words
        holder = _holder_after_of(tokens, index, ctx.open_index)
        if holder is not None:
            return _attribution(tokens, holder, cue=index, confidence=0.65)
        owner = _owner_before_modifiers(tokens, index - 1, ctx.pre_start)
        word = tokens.words[owner]
        if tokens.lows[owner] in POSSESSIVE_PRONOUNS and owner >= ctx.pre_start:
            # `her remark that “Q”`, `his call for “Q”`
            antecedent = possessive_antecedent(tokens, owner, ctx.pre_start)
            phrase = Phrase(owner, owner, "pronoun", owner, antecedent=antecedent)
            return _attribution(tokens, phrase, cue=index, confidence=0.65)
        if not (is_possessive(word) and word[0].isupper()):
            continue
        return _possessive_attribution(
            tokens, possessive_owner(tokens, owner, ctx.pre_start), cue=index
        )
    return None


_MAX_NOUN_MODIFIERS: Final = 3


def _holder_after_of(tokens: Tokens, noun: int, high: int) -> Phrase | None:
    """`the contention of former mayor Lena Voss that her files were “Q”`: a speech noun, `of`
    and a named person or body, then `that` and the clause that holds the quote."""
    if noun + 2 >= high or tokens.lows[noun + 1] != "of":
        return None
    phrase = phrase_after(tokens, noun + 2, high)
    if phrase is None or phrase.kind == "pronoun":
        return None
    if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
        return None  # `the theory of relativity that`
    that = phrase.tail + 1
    return phrase if that < high and tokens.lows[that] == "that" else None


def _owner_before_modifiers(tokens: Tokens, index: int, low: int) -> int:
    """The word before a speech noun's modifiers: `Roe’s oft-repeated unfounded contention`,
    `her March comment` reach `Roe’s` and `her`."""
    owner = index
    while owner > low and tokens.lows[owner] in SUBJECT_VERB_FILLERS:
        owner -= 1
    skipped = 0
    while owner > low and skipped < _MAX_NOUN_MODIFIERS and _noun_modifier(tokens, owner):
        owner -= 1
        skipped += 1
    return owner


def _noun_modifier(tokens: Tokens, index: int) -> bool:
    """A lower-case adjective or noun (`recent`, `evidence-free`, `stock`), or a month."""
    word, lower = tokens.words[index], tokens.lows[index]
    if lower in MONTHS:
        return True
    return (
        word.replace("-", "").isalpha()
        and word.islower()
        and lower not in FUNCTION_WORDS
        and lower not in POSSESSIVE_PRONOUNS
        and lower not in DETERMINERS
        and lower not in SPEECH_VERBS
        and lower not in SPEECH_NOUNS
    )


def _complement_owner(ctx: QuoteContext, verb: int) -> Attribution | None:
    """`The minister said ..., referring to Kim's declaration that the two are “Q”`: the quote
    sits in the complement clause of a named owner's speech noun, nearer than the cue."""
    tokens = ctx.tokens
    for index in range(ctx.open_index - 2, verb + 1, -1):
        if tokens.lows[index] != "that":
            continue
        noun = index - 1
        if (
            noun - 2 > verb
            and tokens.lows[noun - 1] in {"in", "on"}
            and tokens.words[noun][0].isdigit()
        ):
            noun -= 2  # `Kim's declaration in 2023 that`
        if tokens.lows[noun] not in SPEECH_NOUNS:
            return None
        owner = noun - 1
        word = tokens.words[owner]
        if owner <= verb or not (is_possessive(word) and word[0].isupper()):
            return None
        if _predicate_of_the_noun(tokens, index, ctx.open_index):
            return None
        return _possessive_attribution(tokens, possessive_owner(tokens, owner, verb + 1), cue=noun)
    return None


def _predicate_of_the_noun(tokens: Tokens, that: int, open_index: int) -> bool:
    """`Voss said that Roe’s claim that the port is losing money is “Q”`: the complement clause
    has its verb, and a second `is` before the quote makes the quote the predicate of the
    claim, which the outer speaker judges (`Roe’s claim that the port is “Q”` stays Roe's)."""
    copula = open_index - 1
    if copula - 2 <= that or tokens.lows[copula] not in PREDICATE_COPULAS:
        return False
    return any(tokens.lows[i] in AUXILIARIES for i in range(that + 2, copula - 1))


def _possessive_attribution(tokens: Tokens, phrase: Phrase, *, cue: int) -> Attribution:
    """The mention as written (`Donald Roe’s`), resolved without its `’s` like any name."""
    found = _attribution(tokens, phrase, cue=cue, confidence=0.7)
    text = found.mention_text
    for ending in ("’s", "'s", "’", "'"):
        if text.endswith(ending):
            end = found.mention.end - len(ending)
            owner = replace(
                found, mention=Span(found.mention.start, end), mention_text=text[: -len(ending)]
            )
            return replace(found, refers_to=owner)
    return found


_MAX_CHARACTERISATION_WORDS: Final = 25


@rule(order=90, local=True)
def rule_pre_characterisation(ctx: QuoteContext) -> Attribution | None:
    """`Varga has gone after Roe as a “con artist”`, `Roe admires Lindqvist as a “strong leader”`:
    the subject who characterises someone with the quoted words is their source."""
    tokens = ctx.tokens
    index = ctx.open_index - 1
    if index > ctx.pre_start and tokens.lows[index] in {"a", "an"}:
        index -= 1
    if index - 1 <= ctx.pre_start or tokens.lows[index] != "as":
        return None
    if tokens.lows[index - 1] in NOT_CHARACTERISING or not tokens.words[index - 1][0].isalnum():
        return None
    low = max(ctx.pre_start, index - _MAX_CHARACTERISATION_WORDS)
    for probe in range(low, index - 1):
        if tokens.lows[probe] in BE_FORMS:
            following = skip_fillers(tokens, probe + 1, index)
            if tokens.lows[following].endswith(("ed", "en", "wn")):
                return None  # `what is being described as a “...”`: a passive names no source
        if tokens.words[probe] in QUOTE_TOKENS:
            return None
    phrase = first_subject(tokens, main_clause_start(tokens, low, index - 1), index - 1)
    if phrase is None:
        return None
    return _attribution(tokens, phrase, cue=None, confidence=0.6)


@rule(order=100, local=True)
def rule_pre_colon_subject(ctx: QuoteContext) -> Attribution | None:
    """`The senator has a simple message: “Q”`: a colon with no cue before it hands the quote to
    the subject of the clause it ends, when that is a person, an organisation or a document."""
    tokens = ctx.tokens
    colon = ctx.open_index - 1
    if colon - 1 < ctx.pre_start or tokens.words[colon] != ":":
        return None
    label = phrase_before(tokens, colon - 1, ctx.pre_start, nested=True)
    if (
        label is not None
        # `Rep. Jane Roe (R-S.C.): “Q”`: the label opens with its title
        and _opens_label(tokens, subject_start(tokens, label, ctx.pre_start), ctx.pre_start)
        and label.kind in {"name", "org"}
        and not tokens.words[colon - 1].isupper()
    ):
        # `Varga: “Our goal is ...”`, `BIG NEWS - Jane Roe: “...”`, `More from Roe: “...”`:
        # a name alone before the colon labels the speaker (not a heading in capitals:
        # `UPDATE: “...”`).
        return _attribution(tokens, label, cue=colon, confidence=0.7)
    owner = _owner_of_document_label(tokens, label, ctx.pre_start)
    if owner is not None:
        return _possessive_attribution(tokens, owner, cue=colon)
    if colon - 2 < ctx.pre_start:
        return None
    phrase = first_subject(tokens, main_clause_start(tokens, ctx.pre_start, colon), colon)
    if phrase is None or phrase.kind == "pronoun":
        return None  # a bare pronoun before a colon is mostly a cue rule's business
    return _attribution(tokens, phrase, cue=colon, confidence=0.6)


def _owner_of_document_label(tokens: Tokens, label: Phrase | None, low: int) -> Phrase | None:
    """`From Roe’s Facebook post: “Q”`: a label that opens its sentence with `from` and names a
    document that a named owner wrote; the owner speaks."""
    if (
        label is None
        or label.kind != "description"
        or label.determiner != "possessive"
        or label.head not in DOCUMENT_HEADS
        or label.first - 1 != low
        or tokens.lows[low] != "from"
    ):
        return None
    owner = next(
        (i for i in range(label.first, label.last) if is_possessive(tokens.words[i])), None
    )
    if owner is None or not tokens.words[owner][0].isupper():
        return None
    return possessive_owner(tokens, owner, label.first)


def _opens_label(tokens: Tokens, first: int, low: int) -> bool:
    """The label starts its sentence, follows a dash that ends a heading, or follows `from`;
    or it is the second of two names that do (`- Jane Roe and John Doe: “Q”`, co-authors)."""
    if first == low:
        return True
    before = tokens.lows[first - 1]
    if before == "and" and first - 2 > low:
        partner = phrase_before(tokens, first - 2, low, nested=True)
        return (
            partner is not None
            and partner.kind == "name"
            and partner.first < first - 2
            and tokens.lows[partner.first - 1] not in {"and", ","}
            and _opens_label(tokens, partner.first, low)
        )
    if before in {"-", "—", "–"}:
        return True
    return before == "from" and first - 2 <= low + 1


@rule(order=120, local=True)
def rule_colon_previous_paragraph(ctx: QuoteContext) -> Attribution | None:
    """`Renner continued:` closing the paragraph before a paragraph that opens with a quote."""
    if not _quote_opens_paragraph(ctx):
        return None
    previous = ctx.previous_tokens()
    if previous is None or len(previous) < 2 or previous.words[-1] != ":":
        return None
    low = sentence_start_before(previous, len(previous) - 1)
    found = subject_of_last_cue(previous, low, len(previous) - 1)
    if found is None and is_finite_cue(previous.lows[low]) and previous.words[low][0].isupper():
        # `Stated Renner:` / `Added the senator:`: an inverted cue, then the speaker.
        inverted = phrase_after(previous, low + 1, len(previous) - 1)
        if inverted is not None and inverted.tail + 2 == len(previous):
            found = (inverted, low)
    if found is None:
        # `Quist made the following comment:`, `He then named the steps the board must take:`:
        # the subject of the sentence that the colon ends speaks next.
        subject = sentence_subject(previous, low, len(previous) - 1)
        if subject is None or (
            subject.kind == "description" and subject.head not in SPEAKING_HEADS
        ):
            return None
        found = (subject, len(previous) - 1)
    phrase, verb = found
    return _attribution(previous, phrase, cue=verb, confidence=0.85)


def _quote_opens_paragraph(ctx: QuoteContext) -> bool:
    return ctx.quote.open_mark == ctx.paragraph.start


def _inherit(attribution: Attribution, *, confidence: float) -> Attribution:
    """The same mention and cue, reached through an earlier quote."""
    return Attribution(
        mention=attribution.mention,
        mention_text=attribution.mention_text,
        phrase_kind=attribution.phrase_kind,
        cue=attribution.cue,
        confidence=confidence,
        title=attribution.title,
        determiner=attribution.determiner,
        head=attribution.head,
        inherited=True,
        refers_to=attribution.refers_to,
    )


@rule(order=130, local=True)
def rule_same_sentence(ctx: QuoteContext) -> Attribution | None:
    """`Roe tweeted that the plan was “reckless” and “a sham”`: one cue covers every quote of
    its sentence."""
    previous = ctx.previous
    if previous is None or not ctx.previous_in_sentence or previous.rule not in LOCAL_RULES:
        return None
    return _inherit(previous, confidence=previous.confidence)


@rule(order=135, local=False)
def rule_clause_subject(ctx: QuoteContext) -> Attribution | None:
    """`Doe, for her part, is calling Lane’s veto “a plain abuse of office”`, `The ad
    blames a “rigged tender process”`: with no speech verb, the subject of the quote's
    clause, when it can speak, is the source of the words it quotes."""
    tokens = ctx.tokens
    if ctx.open_index - ctx.pre_start < 3 or tokens.lows[ctx.pre_start] in AUXILIARIES:
        return None  # `Had I written “Q”, ...`, `Did she call it “Q”?`: no statement
    if not QUOTE_TOKENS.isdisjoint(tokens.words[ctx.pre_start : ctx.open_index]):
        return None
    phrase = sentence_subject(tokens, ctx.pre_start, ctx.open_index)
    if phrase is None:
        return None
    if phrase.kind == "description" and (
        phrase.head not in SPEAKING_HEADS or phrase.determiner is None
    ):
        return None
    if not_a_name(tokens, phrase):
        # `Read the updates below: “Q”`: an imperative verb, not a name; `Within hours, ...`,
        # `Informed of ..., Early described it as “Q”`: an opener, not the subject
        return None
    subject = proper_adjective_subject(tokens, phrase)
    if subject is None:
        return None
    between = tokens.lows[subject.tail + 1 : ctx.open_index]
    if not _NOT_THE_SUBJECTS_WORDS.isdisjoint(between) or _title_cased(ctx):
        # `..., that I had to rethink my vote: “Q”` (another clause's subject), `it’s
        # prohibited when voting “Q”`, `with the nickname “Lyin’ Ted”`, `his “Contract with
        # America”` (a title).
        return None
    return _attribution(tokens, subject, cue=None, confidence=0.45)


def proper_adjective_subject(tokens: Tokens, phrase: Phrase) -> Phrase | None:
    """A lone capitalised word read as a name may be a proper adjective (a nationality, a
    language): `Harborese newspapers called ...` is the newspapers' clause (the phrase grows to
    the noun it modifies), `The motto, Latin for “Q”` glosses a word and has no speaker (None).
    Any other phrase is returned as it is."""
    following = phrase.last + 1
    if phrase.kind != "name" or phrase.first != phrase.last or following >= len(tokens):
        return phrase
    word, lower = tokens.words[following], tokens.lows[following]
    if not word.islower():
        return phrase
    if lower == "for":
        # `Latin for “Q”`: the gloss of a word; `Roe for years has said` goes on to a verb
        glossed = following + 1 == len(tokens) or tokens.words[following + 1] in QUOTE_TOKENS
        return None if glossed else phrase
    if lower in FUNCTION_WORDS or lower in AUXILIARIES:
        return phrase
    singular = lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower
    if not any(
        noun in SPEAKING_HEADS or noun in PERSON_NOUNS or noun in ORG_NOUNS or noun in ORG_WORDS
        for noun in {lower, singular}
    ):
        return phrase
    return Phrase(phrase.first, following, "description", following, head=lower)


def not_a_name(tokens: Tokens, phrase: Phrase) -> bool:
    """A one-word phrase, not a pronoun, that is a verb or a function word read as a name
    (`Read the updates below: “Q”`, `Within hours, ...`)."""
    if phrase.first != phrase.last or phrase.kind == "pronoun":
        return False
    lower = tokens.lows[phrase.first]
    return (
        lower in SPEECH_VERBS
        or lower in FUNCTION_WORDS
        or (lower.endswith("ed") and lower.isalpha())
    )


# Words between a clause's subject and a quote that hand the quote to another clause or
# mark it as a name rather than the subject's words.
_NOT_THE_SUBJECTS_WORDS: Final = SUBORDINATORS | RELATIVE_PRONOUNS | EMBEDDING_WORDS | NAMING_WORDS


def _title_cased(ctx: QuoteContext) -> bool:
    """`Compact with Oregon`, `Build the Harbor Again`: every word but the small ones is
    capitalised, as in a title or a slogan."""
    words = [
        w
        for w in ctx.text[ctx.quote.start : ctx.quote.end].split()
        if w.lower() not in FUNCTION_WORDS
    ]
    return len(words) > 1 and all(word[0].isupper() for word in words)


@rule(order=140, local=False, continues=True)
def rule_same_paragraph(ctx: QuoteContext) -> Attribution | None:
    """A second quote in the paragraph with no attribution of its own keeps the speaker."""
    if ctx.previous is None:
        return None
    return _inherit(ctx.previous, confidence=0.82)


@rule(order=150, local=False, continues=True)
def rule_continuation_paragraph(ctx: QuoteContext) -> Attribution | None:
    """A paragraph that opens with a quote and has no attribution continues the last speaker."""
    attribution = ctx.previous_paragraph_quote
    if attribution is None or not _quote_opens_paragraph(ctx):
        return None
    attribution = attribution.outer or attribution
    confidence = 0.85 if ctx.previous_paragraph_unclosed else 0.75
    return _inherit(attribution, confidence=confidence)


@rule(order=170, local=False)
def rule_previous_paragraph_subject(ctx: QuoteContext) -> Attribution | None:
    """`Wi Seong-rak ... offered his thoughts.` then a quote paragraph: the last speech verb's
    subject in the previous paragraph speaks."""
    if not _quote_opens_paragraph(ctx):
        return None
    previous = ctx.previous_tokens()
    if previous is None or len(previous) < 2:
        return None
    if not QUOTE_TOKENS.isdisjoint(previous.words):
        return None
    low = sentence_start_before(previous, len(previous) - 1)
    found = subject_of_last_cue(previous, low, len(previous))
    if found is None:
        return None
    phrase, verb = found
    return _attribution(previous, phrase, cue=verb, confidence=0.5)


@rule(order=160, local=False)
def rule_previous_sentence_subject(ctx: QuoteContext) -> Attribution | None:
    """`The board may be slow to respond, Quist said. "The other factor ..."`: a quote
    that opens its sentence right after a reported statement continues that speaker."""
    if ctx.pre_start != ctx.open_index or ctx.previous is not None:
        return None
    previous = ctx.previous_sentence()
    if previous is None or len(previous) < 3:
        return None
    if not QUOTE_TOKENS.isdisjoint(previous.words):
        return None
    found = subject_of_last_cue(previous, 0, len(previous))
    if found is None:
        return None
    phrase, verb = found
    return _attribution(previous, phrase, cue=verb, confidence=0.55)


_TRANSCRIPT_LABEL_RE: Final = re.compile(r"\s*([A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,2}):\s")


@rule(order=10, local=True)
def rule_transcript_label(ctx: QuoteContext) -> Attribution | None:
    """`"PENCE: Well, look, ...`: a transcript names the speaker in capitals inside the quote."""
    match = _TRANSCRIPT_LABEL_RE.match(ctx.text, ctx.quote.start, ctx.quote.end)
    if match is None or len(match.group(1)) < 2:
        return None
    start, end = match.span(1)
    return Attribution(
        mention=Span(start, end),
        mention_text=ctx.text[start:end],
        phrase_kind="name",
        cue=":",
        confidence=0.85,
    )


@rule(order=110, local=True)
def rule_post_dash_name(ctx: QuoteContext) -> Attribution | None:
    """`“Q.” ― Tamsin Ostrander`: a dash and a name after the quote sign it."""
    tokens = ctx.tokens
    dash = ctx.close_index + 1
    if dash >= ctx.post_end or tokens.words[dash] not in {"—", "–", "―", "-"}:
        return None
    phrase = phrase_after(tokens, dash + 1, ctx.post_end)
    if phrase is None or phrase.kind == "pronoun":
        return None
    if phrase.tail + 1 < ctx.post_end and tokens.words[phrase.tail + 1] not in {".", ","}:
        return None
    return _attribution(tokens, phrase, cue=dash, confidence=0.8)


_SIGNATURE_RE: Final = re.compile(r"\s*[-—–―]\s*(?=[A-Z])([^\n]{1,80})(?:\n|$)")


@rule(order=115, local=True)
def rule_next_paragraph_signature(ctx: QuoteContext) -> Attribution | None:
    """`“Q.”` closing its paragraph, then a line `- Quist.` or `-Jane Roe, Philadelphia.`: a
    dash and a name on the next line sign the quote (lists of quotes, fact checks)."""
    close = ctx.quote.close_mark
    if close is None or ctx.text[close + 1 : ctx.paragraph.end].strip(" .\u00a0"):
        return None
    match = _SIGNATURE_RE.match(ctx.text, ctx.paragraph.end)
    if match is None:
        return None
    tokens = Tokens.from_ranges(ctx.text, (match.span(1),))
    phrase = phrase_after(tokens, 0, len(tokens))
    if phrase is None or phrase.kind == "pronoun":
        return None
    after = phrase.tail + 1
    if after < len(tokens) and tokens.words[after] not in {".", ","}:
        return None
    return _attribution(tokens, phrase, cue=None, confidence=0.7)


@rule(order=132, local=True)
def rule_post_participle_subject(ctx: QuoteContext) -> Attribution | None:
    """`The guild pushed back against “baseless” press reports, rumors and criticism, saying
    ...`: a participle cue later in the sentence takes the subject of the clause that holds the
    quote, so the quoted words are that subject's (tried last, when nothing else speaks)."""
    tokens = ctx.tokens
    end = min(ctx.post_end, ctx.sentence_end)
    for comma in range(ctx.close_index + 1, end - 1):
        if tokens.words[comma] != ",":
            continue
        cue = comma + 1
        if tokens.lows[cue] not in PARTICIPLE_CUES or not tokens.words[cue].islower():
            continue
        found = subject_of_last_cue(tokens, ctx.pre_start, cue + 1)
        if found is None or found[1] != cue:
            return None
        return _attribution(tokens, found[0], cue=cue, confidence=0.6)
    return None


_MAX_LONG_SUBJECT: Final = 16
_SUBJECT_BREAKS: Final = frozenset({".", ";", "?", "!", ":", "(", ")"}) | QUOTE_TOKENS


@rule(order=85, local=True)
def rule_post_long_subject_cue(ctx: QuoteContext) -> Attribution | None:
    """`“Q,” Jane Roe, the analyst who founded the newsletter tweeted on Wednesday`: a quote
    that ends on a comma hands over to its attribution; when the subject before the cue is too
    long or too odd for the phrase reader, the words up to the first speech verb are it."""
    content = ctx.text[ctx.quote.start : ctx.quote.end].rstrip()
    if ctx.quote.close_mark is None or not content.endswith(","):
        return None  # not `“Q!” A campaign ad accuses Roe of ...`, a new sentence
    tokens = ctx.tokens
    start = _post_start(ctx)
    end = min(ctx.post_end, start + _MAX_LONG_SUBJECT)
    for verb in range(start + 1, end):
        word = tokens.words[verb]
        if word in _SUBJECT_BREAKS and not _inside_a_word(tokens, verb):
            return None
        if not (is_finite_cue(tokens.lows[verb]) and word.islower()):
            continue
        if tokens.words[verb - 1] == "," and tokens.words[start][0].islower():
            return None
        phrase = phrase_after(tokens, start, verb)
        if phrase is None or _description_goes_on(tokens, phrase, verb):
            phrase = _words_as_phrase(tokens, start, verb)
        if phrase is None or not _attribution_closes(ctx, verb + 1):
            return None
        return _attribution(tokens, phrase, cue=verb, confidence=0.75)
    return None


def _inside_a_word(tokens: Tokens, index: int) -> bool:
    """`fivethirtyeight.com`: a period with no space on either side is no sentence end."""
    return (
        tokens.words[index] == "."
        and 0 < index < len(tokens) - 1
        and tokens.end(index - 1) == tokens.starts[index]
        and tokens.end(index) == tokens.starts[index + 1]
    )


def _description_goes_on(tokens: Tokens, phrase: Phrase, verb: int) -> bool:
    """`the tall, gray-haired diplomat`: the phrase reader stopped at a comma between two
    modifiers; the description runs on in lower case up to the verb."""
    return phrase.kind == "description" and all(
        word.islower() or word == "," or word[0].isdigit()
        for word in tokens.words[phrase.tail + 1 : verb]
    )


def _words_as_phrase(tokens: Tokens, start: int, verb: int) -> Phrase | None:
    last = verb - 1
    while last > start and tokens.words[last] == ",":
        last -= 1
    word = tokens.words[start]
    if not (word[0].isupper() or tokens.lows[start] in DETERMINERS):
        return None
    if tokens.words[last][0].isupper():
        return Phrase(start, last, "name", last)
    determiner = tokens.lows[start] if tokens.lows[start] in DETERMINERS else None
    return Phrase(start, last, "description", last, determiner=determiner, head=tokens.lows[last])


# The sieve, derived from the registry: the cue that is closest and least ambiguous first,
# inheritance last.
SIEVE: tuple[RuleSpec, ...] = tuple(sorted(RULES.values(), key=lambda spec: spec.order))

# Rules whose cue lies in the quote's own sentence: a later quote of that sentence may share it.
LOCAL_RULES: Final = frozenset(spec.name for spec in SIEVE if spec.local)

# Rules that carry an earlier paragraph's speaker on: their quotes are continuations.
CONTINUING_RULES: Final = frozenset(spec.name for spec in SIEVE if spec.continues)


def attribute(ctx: QuoteContext) -> Attribution | None:
    """The first rule of the sieve that finds a speaker, with its name stamped on the answer."""
    for spec in SIEVE:
        found = spec.function(ctx)
        if found is not None:
            return stamp_rule(found, spec.name)
    return None


_SET_RULE: Final = Attribution.__dict__["rule"].__set__


def stamp_rule(found: Attribution, name: str) -> Attribution:
    """The rule's answer with the rule's name in it. Every rule answers with a record it has
    just built and shares with no one (through _attribution(), _inherit() or replace()), so the
    name is written into that record's slot instead of into a copy of it (a copy per quote)."""
    # A record another quote holds already names its rule: writing into it would rename that
    # quote's answer (a rule must never hand back `ctx.previous` itself).
    assert found.rule in ("", name), f"{name} answered with {found.rule}'s record"
    _SET_RULE(found, name)
    return found
