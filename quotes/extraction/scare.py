"""Scare quotes, coined terms, titles and nicknames: quoted spans that are not statements.

Each test is small and reads only a few words around the marks. They run after the sieve,
because a coined term with a speech verb nearby (`Trump’s “grand bargain”`) still is one.
"""

from __future__ import annotations

from lexicon import (
    FUNCTION_WORDS,
    GRAMMATICAL_ARTICLES,
    SCARE_MARKERS,
    SPEECH_VERBS,
    TITLE_PREPOSITIONS,
    TITLE_SMALL_WORDS,
)
from quotes.extraction.attribute import LOCAL_RULES, Attribution, QuoteContext
from quotes.extraction.detect import QuoteSpan, is_nickname
from quotes.extraction.mentions import POSSESSIVE_ENDS

# Punctuation trimmed from a quote's edges before its words are counted.
_EDGE_PUNCTUATION = " \t\r\n\u00a0.,;:!?…-—–―'\"“”‘’()[]«»„‟"


def scare_quote_reason(ctx: QuoteContext, attribution: Attribution | None) -> str | None:
    """Why a quoted span is a coined term or a title rather than a statement, or None."""
    content = ctx.text[ctx.quote.start : ctx.quote.end]
    word_count = len(content.split(None, 6))  # 7 means more than six words
    if word_count > 6:
        return None
    before = ctx.text[max(ctx.paragraph.start, ctx.quote.open_mark - 20) : ctx.quote.open_mark]
    lowered = before.lower().rstrip()
    if lowered.endswith(SCARE_MARKERS):
        return "marker"
    if _names_a_work(content, lowered):
        return "title"
    if is_nickname(ctx.text, ctx.quote):
        return "nickname"
    if word_count > 4:
        return None
    local = attribution is not None and attribution.rule in LOCAL_RULES
    possessed = lowered.endswith(POSSESSIVE_ENDS)
    if _used_as_modifier(ctx, content) and (not local or possessed):
        return "modifier"  # `Obama’s “strategic patience” approaches`
    if possessed and (attribution is None or attribution.inherited):
        return "possessive"
    if local:
        return None
    if attribution is not None and _is_full_sentence(content):
        return None  # `“The Donald. Big Daddy.”` after `“Here comes Big Daddy,” she said.`
    return "unattributed"


def _is_full_sentence(content: str) -> bool:
    stripped = content.strip()
    return stripped[:1].isupper() and stripped[-1:] in {".", "!", "?"}


def _names_a_work(content: str, before: str) -> bool:
    """`on CNN's "State of the Union."`, `told MSNBC’s “Morning Joe”`: a Title Case name of a
    show, book or article after a possessive or a preposition is not a statement."""
    words = content.strip(_EDGE_PUNCTUATION).split()
    if not words or len(words) > 6:
        return False
    if not all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in words):
        return False
    previous = before.rsplit(None, 1)[-1] if before.strip() else ""
    if previous in GRAMMATICAL_ARTICLES and len(words) >= 2:
        return True  # `during a "Commander-in-Chief Forum"`
    return previous.endswith(POSSESSIVE_ENDS) or previous in TITLE_PREPOSITIONS


def coordinated_with_previous(ctx: QuoteContext, previous: QuoteSpan | None) -> bool:
    """`Trump’s “grand bargain” and Obama’s “strategic patience” approaches`: quoted terms joined
    by `and`/`or` share their status, so a coined term makes its partner one too."""
    if previous is None or previous.close_mark is None or previous.paragraph != ctx.quote.paragraph:
        return False
    between = ctx.text[previous.close_mark + 1 : ctx.quote.open_mark]
    if len(between) > 40 or len(ctx.text[previous.start : previous.end].split()) > 4:
        return False
    words = between.split()
    return bool(words) and words[0] in {"and", "or", "nor"} and len(words) <= 3


def _used_as_modifier(ctx: QuoteContext, content: str) -> bool:
    """`the “America First” policy`: a lower-case noun right after the closing mark."""
    if ctx.quote.close_mark is None or content.rstrip()[-1:] in {".", ",", "!", "?", ";", ":"}:
        return False
    index = ctx.close_index + 1
    if index >= len(ctx.tokens):
        return False
    word = ctx.tokens.words[index]
    lower = ctx.tokens.lows[index]
    return (
        word.isalpha()
        and word.islower()
        and lower not in FUNCTION_WORDS
        and lower not in SPEECH_VERBS
    )
