"""NLTK's Punkt, the only module that imports NLTK: plain Punkt with the parameters the project
ships (lexicon.ABBREVIATIONS; nothing is downloaded), the baseline the benchmark measures the
pipeline against, and the faster splitter that gives exactly its spans (the tests compare them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from lexicon import ABBREVIATIONS
from quotes.extraction.breaks import break_slices, realigned


class _NewswireLanguageVars(PunktLanguageVars):
    """Punkt's English defaults; curly quotes already count as closing punctuation in nltk 3.10."""


def _parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return params


@lru_cache(maxsize=1)
def punkt_tokenizer() -> PunktSentenceTokenizer:
    """Plain Punkt with our parameters: the baseline the benchmark measures us against."""
    return PunktSentenceTokenizer(_parameters(), lang_vars=_NewswireLanguageVars())


# nltk >= 3.9 compiles every pattern with the `regex` engine inside nltk.redos.TimedPattern, which
# passes a wall-clock `timeout=` to each call. For `match` and `sub` on one short token that
# argument costs four times the match itself, and Punkt makes several such calls per token of every
# candidate break. The splitter below calls the same compiled patterns (same engine, same flags,
# same results) without the per-call timer. That includes the scan of the whole text for
# candidate breaks, where the timer doubles the cost of the scan: its pattern is a mark and a
# lookahead over the whitespace and the one token after it (no `\S*` before the mark, the
# construction NLTK's guard was added against), so each character is read a bounded number of
# times and the scan is linear on any text (tests/extraction/test_cli_and_hostile.py).


def _untimed(pattern: Any) -> Any:
    """The compiled pattern inside a redos.TimedPattern (the pattern itself on older nltk)."""
    return getattr(pattern, "_rx", pattern)


def _stdlib_pattern(pattern: Any) -> Any:
    """Punkt's candidate-break pattern compiled with `re`, which scans a text in half the time of
    the `regex` engine. The engines read the pattern alike save that the whitespace class of
    `regex` leaves out the separators U+001C to U+001F, which that of `re` takes in: the classes
    are spelled out so both find the same matches (the tests compare the spans with Punkt's)."""
    classes = {r"\s": r"[^\S\x1c-\x1f]", r"\S": r"[\S\x1c-\x1f]"}
    source = re.sub(r"\\[sS]", lambda found: classes[found.group()], pattern.pattern)
    return re.compile(source, re.VERBOSE)


class _Token(PunktToken):
    """PunktToken; its type, ellipsis, initial and alpha tests on one token run untimed."""

    __slots__ = ()
    _RE_ELLIPSIS = _untimed(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _untimed(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _untimed(PunktToken._RE_INITIAL)
    _RE_ALPHA = _untimed(PunktToken._RE_ALPHA)

    def __init__(
        self, tok: str, parastart: Any = None, linestart: Any = None, **params: Any
    ) -> None:
        """PunktToken.__init__ with its attributes set directly instead of by a setattr() loop
        over the property names (same values: the type, the final period, the properties None
        unless given)."""
        token: Any = self  # the slots are PunktToken's, which mypy does not see
        token.tok = tok
        token.type = self._RE_NUMERIC.sub("##number##", tok.lower())
        token.period_final = tok.endswith(".")
        token.parastart = parastart
        token.linestart = linestart
        token.sentbreak = None
        token.abbr = None
        token.ellipsis = None
        for key, value in params.items():
            setattr(self, key, value)


class _SplitterLanguageVars(_NewswireLanguageVars):
    """Word tokenising of a candidate's context and the realignment of closing punctuation after
    a break (anchored at the start of the next sentence) run untimed."""

    re_boundary_realignment = _untimed(PunktLanguageVars.re_boundary_realignment)

    def __init__(self) -> None:
        super().__init__()
        self._word_re = _untimed(super()._word_tokenizer_re())

    def _word_tokenizer_re(self) -> Any:
        return self._word_re


# A candidate break's context is `<word><end mark><whitespace><next token>` in most prose
# (`said. The`, `Mr. Roe`, `now? Yes`, `U.S. officials`), or the word and its mark before a
# closing mark (`said.”`, `now?)`, any of Punkt's non-word characters).
_PLAIN_CONTEXT_RE = re.compile(
    r"([A-Za-z]{2,}|[A-Za-z](?:\.[A-Za-z])+)([.?!])(?:\s+(\S+)|[)\";}\]*:@'({\[‘’“”«»?!])"
)
# A mark that can end a sentence in the token after an abbreviation (`Mr. O’Neill` has none).
_SENTENCE_END_RE = re.compile(r"[.?!]")
# An initial before such a word: `J. Roe`, `J. Roe,`.
_INITIAL_CONTEXT_RE = re.compile(r"[A-Za-z]\.\s+[A-Za-z]+,?")
# `in 2021. Kim said`: a number that is no abbreviation ends a sentence in the first pass, and
# the second pass keeps the break before a capitalised word (the orthographic reading has no
# data: "unknown"): a break. The word runs to the context's end, letters and inner hyphens.
_NUMBER_CONTEXT_RE = re.compile(r"(\d+)\.\s+[A-Z][A-Za-z]*(?:-[A-Za-z]+)*")


class Splitter(PunktSentenceTokenizer):
    """Punkt deciding the plainest candidate breaks without tokenising their context.

    With our parameters (abbreviations only: no collocations, no frequent sentence starters, no
    orthographic context) Punkt's two annotation passes decide such a context by the word alone:
    - `word? Next`, `word! Next`, `“Really?”` (any word): the mark is a token of its own, a
      break with a token after it: a break. That token is a mark of Punkt's, or a printable
      one after the whitespace (separators U+001C to U+001F alone on a line make no token in
      Punkt's reading of lines: a token that is not printable goes to Punkt).
    - `commander-in-chief.”`, `“unfair. The`: see breaks._is_plain_compound().
    - `word. Next` and `word.”` where `word` (two letters or more, or letters with inner
      periods such as `U.S`: so not an initial; letters, so not a number) is no abbreviation:
      the first pass marks `word.` a break and the second pass only revisits abbreviations,
      ellipses, initials and numbers: a break (a token follows it: the next word or the mark).
    - `Mr. Roe`, `Mr. O’Neill`, `No. 9` (an abbreviation, then one whitespace-separated token
      without `.`, `?` or `!`, so none of the word tokens Punkt makes of it ends a sentence):
      the second pass would mark a break only by orthographic evidence or a frequent sentence
      starter, and there are none: no break.
    - `2021. Kim`, `22.\n\nAP-Yonhap` (digits that are no abbreviation, then a capitalised word
      to the context's end): the first pass marks the number a break and the orthographic
      reading of the next word is "unknown", which keeps it: a break.
    - `J. Roe`, `j. roe` (an initial, then such a token): with no orthographic evidence the
      second pass reads an initial before a capitalised word, or before a lower-case one, as
      no break.
    Every other context goes to Punkt's own reading."""

    def __init__(self) -> None:
        params = _parameters()
        if params.collocations or params.sent_starters or params.ortho_context:
            raise ValueError("the shortcut is exact only while Punkt's heuristics have no data")
        if not all(word.replace(".", "").isalpha() for word in params.abbrev_types):
            # `“Mr.` is one token that is no abbreviation only while none starts with a mark
            raise ValueError("the shortcut is exact only for abbreviations of letters and periods")
        super().__init__(params, lang_vars=_SplitterLanguageVars(), token_cls=_Token)
        self.abbreviations: set[str] = params.abbrev_types
        # Punkt's candidate breaks (compiled with `re`) and its realignment after a break.
        self.match_context = _stdlib_pattern(_untimed(self._lang_vars.period_context_re())).match
        self.realignment = self._lang_vars.re_boundary_realignment

    def text_contains_sentbreak(self, text: str) -> bool:
        return self.breaks_within(text, 0, len(text))

    def breaks_within(self, text: str, start: int, end: int) -> bool:
        """text_contains_sentbreak() of text[start:end], read in place (the patterns have no
        anchor nor look-behind): only a context left to Punkt is cut out of the text."""
        match = _PLAIN_CONTEXT_RE.fullmatch(text, start, end)
        if match is not None:
            word, mark, following = match.groups()
            if mark != "." or word.lower() not in self.abbreviations:
                return True
            if following is not None and not _SENTENCE_END_RE.search(following):
                return False
        elif _INITIAL_CONTEXT_RE.fullmatch(text, start, end):
            return False
        else:
            number = _NUMBER_CONTEXT_RE.fullmatch(text, start, end)
            if number is not None and number.group(1) not in self.abbreviations:
                return True
        return bool(super().text_contains_sentbreak(text[start:end]))

    def span_tokenize(
        self, text: str, realign_boundaries: bool = True
    ) -> Iterator[tuple[int, int]]:
        """Punkt's span_tokenize (its candidate contexts, breaks and realignment of closing
        punctuation) in one loop instead of four nested generators, with the same steps in
        the same order and the same patterns."""
        if not realign_boundaries:
            spans: Iterator[tuple[int, int]] = super().span_tokenize(text, realign_boundaries)
            return spans
        return iter(self.spans(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """span_tokenize() as a list; its loops are in breaks.py, which the engine compiles."""
        slices = break_slices(text, self.abbreviations, self.match_context, self.breaks_within)
        return realigned(text, slices, self.realignment)


@lru_cache(maxsize=1)
def splitter() -> Splitter:
    """Punkt with our parameters, giving exactly the spans of punkt_tokenizer() (the tests compare
    the two), faster."""
    return Splitter()
