"""Paragraphs and sentences. The only module that imports NLTK.

Punkt runs with parameters shipped as constants (lexicon.ABBREVIATIONS); nothing is downloaded.
Sentences never cross a paragraph boundary: Punkt runs over the whole text, then its sentences are
cut at paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Any

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from lexicon import ABBREVIATIONS
from quotes.extraction.types import Sentence, Span

# A line is a paragraph: articles come with blank lines, single newlines, or both. The match runs
# from the first to the last non-blank character of a line.
_PARAGRAPH_RE = re.compile(r"\S(?:[^\n]*\S)?")
# After a closing curly quote Punkt sees no whitespace-separated token boundary in some
# versions; a boundary is `.”`, `?”` or `!”` followed by space and a capital letter.
_MISSED_BREAK_RE = re.compile(r"[.?!][”’\"]\s+(?=[A-Z“\"])")
_CLOSING_MARKS = '”’"'
# Punkt reads an abbreviation before a capital as no break, but one with inner periods (`U.S.`,
# `p.m.`) before a subject pronoun and its lower-case verb ends a sentence: `... fees rose across
# the U.S. She thinks ...`.
_ABBREVIATION_BREAK_RE = re.compile(
    r"\.(?<=[A-Za-z]\.[A-Za-z]\.)[ \t]+(?=(?:He|She|They|It|We) [a-z])"  # `.` first: fast scan
)


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


class _Splitter(PunktSentenceTokenizer):
    """Punkt deciding the plainest candidate breaks without tokenising their context.

    With our parameters (abbreviations only: no collocations, no frequent sentence starters, no
    orthographic context) Punkt's two annotation passes decide such a context by the word alone:
    - `word? Next`, `word! Next`, `“Really?”` (any word): the mark is a token of its own, a
      break with a token after it: a break. That token is a mark of Punkt's, or a printable
      one after the whitespace (separators U+001C to U+001F alone on a line make no token in
      Punkt's reading of lines: a token that is not printable goes to Punkt).
    - `commander-in-chief.”`, `“unfair. The`: see _is_plain_compound().
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
        self._abbreviations = params.abbrev_types
        self._period_context = _stdlib_pattern(_untimed(self._lang_vars.period_context_re()))

    def text_contains_sentbreak(self, text: str) -> bool:
        return self._breaks_within(text, 0, len(text))

    def _breaks_within(self, text: str, start: int, end: int) -> bool:
        """text_contains_sentbreak() of text[start:end], read in place (the patterns have no
        anchor nor look-behind): only a context left to Punkt is cut out of the text."""
        match = _PLAIN_CONTEXT_RE.fullmatch(text, start, end)
        if match is not None:
            word, mark, following = match.groups()
            if mark != "." or word.lower() not in self._abbreviations:
                return True
            if following is not None and not _SENTENCE_END_RE.search(following):
                return False
        elif _INITIAL_CONTEXT_RE.fullmatch(text, start, end):
            return False
        else:
            number = _NUMBER_CONTEXT_RE.fullmatch(text, start, end)
            if number is not None and number.group(1) not in self._abbreviations:
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
        return iter(self._realigned(text, self._break_slices(text)))

    def _break_slices(self, text: str) -> list[tuple[int, int]]:
        """PunktSentenceTokenizer._slices_from_text: a slice up to each candidate that Punkt
        reads as a break, then the rest of the text. The plainest candidate, `said. The` or
        `now? Yes`, is read here without a call (see _breaks_within)."""
        slices: list[tuple[int, int]] = []
        last_break = 0
        abbreviations = self._abbreviations
        breaks_within = self._breaks_within
        for word_start, ((stop, end), (_, after_end), (next_start, _)) in self._candidates(text):
            # `now? Yes`, `now?”`: a mark of Punkt's, or a token after the whitespace that
            # holds no separator (U+001C to U+001F, which Punkt's reading of lines drops).
            plain = next_start < 0 or text[next_start:after_end].isprintable()
            if plain and text[stop] == ".":
                # `said. The`, `said.”`: a word of letters that is no abbreviation.
                word = text[word_start:stop]
                plain = (
                    len(word) > 1
                    and word.isalpha()
                    and word.isascii()
                    and word.lower() not in abbreviations
                ) or _is_plain_compound(word, abbreviations)
            if plain or breaks_within(text, word_start, after_end):
                slices.append((last_break, end))
                # The next sentence starts after the whitespace, or at the punctuation after.
                last_break = next_start if next_start >= 0 else end
        slices.append((last_break, len(text.rstrip())))
        return slices

    def _candidates(self, text: str) -> list[tuple[int, Any]]:
        """PunktSentenceTokenizer._match_potential_end_contexts: the start of the word before
        each candidate break with the spans of the candidate's match (the mark, `after_tok`,
        `next_tok`); a candidate whose word runs over the next candidate's word is dropped.
        The pattern is tried at each end mark, which str.find() reaches at memchr speed where
        a scan of the text tests every character."""
        candidates: list[tuple[int, Any]] = []
        previous: Any = None
        previous_start = previous_stop = 0  # the word before `previous`
        line_ends_only = not any(char in text for char in "\t\r\x0b\x0c")
        match_context = self._period_context.match
        for stop in char_offsets(text, ".?!", 0, len(text)):
            match = match_context(text, stop)
            if match is None:
                continue
            # Past the last whitespace between the previous match and this one, unless there
            # is none or it opens that stretch (Punkt's reading, kept as it is).
            space = text.rfind(" ", previous_stop + 1, stop)
            if line_ends_only:
                space = max(space, text.rfind("\n", previous_stop + 1, stop))
            elif _OTHER_WHITESPACE_RE.search(text, max(space, previous_stop) + 1, stop):
                space = stop - 1  # a tab or a carriage return in the word: read back
                while space > previous_stop and text[space] not in _PUNKT_WHITESPACE:
                    space -= 1
            start = space + 1 if space > previous_stop else previous_start
            if previous is not None and previous_stop <= start:
                candidates.append((previous_start, previous))
            previous, previous_start, previous_stop = match.regs, start, stop
        if previous is not None:
            candidates.append((previous_start, previous))
        return candidates

    def _realigned(self, text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """PunktSentenceTokenizer._realign_boundaries: closing punctuation after a break (`.)`,
        `.”`) stays with the sentence before it."""
        realignment = self._lang_vars.re_boundary_realignment
        closing = _REALIGNED_MARKS
        spans: list[tuple[int, int]] = []
        realign = 0
        for (start, stop), (next_start, next_stop) in pairwise(slices):
            start += realign
            # The pattern opens with one of these marks: any other sentence start cannot match.
            found = (
                realignment.match(text[next_start:next_stop])
                if next_start < next_stop and text[next_start] in closing
                else None
            )
            if found:
                spans.append((start, next_start + len(found.group(0).rstrip())))
                realign = found.end()
            else:
                realign = 0
                if stop > start:
                    spans.append((start, stop))
        start, stop = slices[-1]  # the rest of the text
        if stop > start + realign:
            spans.append((start + realign, stop))
        return spans


# The marks re_boundary_realignment opens with (Punkt's closing punctuation).
_REALIGNED_MARKS = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
# Punkt's idea of whitespace when it looks for the word before a candidate break.
_PUNKT_WHITESPACE = frozenset(" \t\n\r\x0b\x0c")
_OTHER_WHITESPACE_RE = re.compile("[\t\n\r\x0b\x0c]")


# `commander-in-chief`, `___`: letters and underscores, hyphens inside (`--` is a mark of Punkt's).
_COMPOUND_RE = re.compile(r"[A-Za-z_]+(?:-[A-Za-z_]+)*")
# Openers before such a word: `"` and `(` are tokens of their own, `“` begins the word's token.
_WORD_OPENERS = frozenset('“"(')


def _is_plain_compound(word: str, abbreviations: set[str]) -> bool:
    """`commander-in-chief.”`, `___.\n\n12:50`, `“unfair. The`: Punkt makes the word and its
    period one token (after the opener's token, or with `“` at its head), which is no
    abbreviation (nor is the part after its last hyphen, which Punkt also looks up), no
    initial (two characters at least), no number (no digit): a break in the first pass that
    the second leaves alone. An opener before an abbreviation (`“Mr.`) goes to Punkt."""
    core = word[1:] if word[:1] in _WORD_OPENERS else word
    if len(core) < 2 or _COMPOUND_RE.fullmatch(core) is None:
        return False
    lowered = core.lower()
    return lowered not in abbreviations and lowered.rsplit("-", 1)[-1] not in abbreviations


@lru_cache(maxsize=1)
def _splitter() -> PunktSentenceTokenizer:
    """Punkt with our parameters, giving exactly the spans of punkt_tokenizer() (the tests compare
    the two), faster."""
    return _Splitter()


def char_offsets(text: str, chars: str, start: int, end: int) -> list[int]:
    """The offsets of the characters `chars` in text[start:end], in order: one str.find() loop
    per character runs at memchr speed over the text (a character the text cannot hold returns
    at once), where a regex over the set tests every character against it."""
    offsets: list[int] = []
    for char in chars:
        found = text.find(char, start, end)
        while found >= 0:
            offsets.append(found)
            found = text.find(char, found + 1, end)
    offsets.sort()
    return offsets


def paragraph_spans(text: str) -> list[Span]:
    """Non-blank lines, trimmed of surrounding whitespace."""
    return [Span(*match.span()) for match in _PARAGRAPH_RE.finditer(text)]


def _is_abbreviation_before(text: str, period: int) -> bool:
    if text[period] != ".":
        return False
    word_start = period
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:period].lstrip('“"(').lower()
    return word in ABBREVIATIONS


def split_sentences(text: str, paragraphs: list[Span] | None = None) -> tuple[Sentence, ...]:
    """Punkt over the whole text in one call, then cut at paragraphs and missed breaks."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    count = len(paragraphs)
    if not count:
        return ()
    cuts = _missed_breaks(text)
    cut_count = len(cuts)
    no_cut = len(text) + 1
    next_cut = 0  # index of the first cut at or after the current sentence
    cut = cuts[0][0] if cuts else no_cut  # its offset
    first_paragraph = 0
    para_start, para_end = paragraphs[0].start, paragraphs[0].end
    sentences: list[Sentence] = []
    append = sentences.append
    for punkt_start, punkt_end in _splitter().span_tokenize(text):
        if para_end <= punkt_start:
            first_paragraph += 1
            while first_paragraph < count and paragraphs[first_paragraph].end <= punkt_start:
                first_paragraph += 1
            if first_paragraph == count:
                break
            para = paragraphs[first_paragraph]
            para_start, para_end = para.start, para.end
        if cut < punkt_start:
            next_cut += 1
            while next_cut < cut_count and cuts[next_cut][0] < punkt_start:
                next_cut += 1
            cut = cuts[next_cut][0] if next_cut < cut_count else no_cut
        if para_start <= punkt_start and punkt_end <= para_end and punkt_end <= cut:
            # The common case: one Punkt sentence inside one paragraph, already trimmed.
            append(Sentence(len(sentences), punkt_start, punkt_end))
            continue
        index = first_paragraph
        # A sentence never crosses a line end: headlines and captions have no final period.
        while index < count and paragraphs[index].start < punkt_end:
            para = paragraphs[index]
            start, end = max(punkt_start, para.start), min(punkt_end, para.end)
            if punkt_end <= cut:  # no missed break inside: one piece
                start, end = _strip(text, start, end)
                if end > start:
                    append(Sentence(len(sentences), start, end))
            else:
                for piece_start, piece_end in _pieces(text, start, end, cuts):
                    append(Sentence(len(sentences), piece_start, piece_end))
            index += 1
    return tuple(sentences)


def _missed_breaks(text: str) -> list[tuple[int, int]]:
    """(end of one sentence, start of the next) where `...forward.” Kang said` hides a break.
    The pattern is tried only after an end mark and a closing mark, which str.find() reaches
    at memchr speed (the matches cannot overlap, so this finds what a scan of the text does).
    Also after an abbreviation with inner periods before a subject pronoun (`the U.S. He
    thinks`)."""
    breaks = []
    for mark in _CLOSING_MARKS:
        found = text.find(mark, 1)
        while found >= 0:
            if text[found - 1] in ".?!":
                match = _MISSED_BREAK_RE.match(text, found - 1)
                if match is not None and not _is_abbreviation_before(text, found - 1):
                    breaks.append((found + 1, match.end()))
            found = text.find(mark, found + 1)
    more = [(match.start() + 1, match.end()) for match in _ABBREVIATION_BREAK_RE.finditer(text)]
    return sorted(breaks + more)


def _pieces(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    first = bisect_left(cuts, (start, start))
    for cut_end, next_start in cuts[first:]:
        if cut_end >= end:
            break
        pieces.append(_strip(text, start, cut_end))
        start = next_start
    pieces.append(_strip(text, start, end))
    return [(a, b) for a, b in pieces if b > a]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
