"""Paragraphs and sentences. The only module that imports NLTK.

Punkt runs with parameters shipped as constants (lexicon.ABBREVIATIONS); nothing is downloaded.
Sentences never cross a paragraph boundary: Punkt runs per paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from quotes.extraction.lexicon import ABBREVIATIONS
from quotes.extraction.types import Sentence, Span

# A line is a paragraph: articles come with blank lines, single newlines, or both. The match runs
# from the first to the last non-blank character of a line.
_PARAGRAPH_RE = re.compile(r"\S(?:[^\n]*\S)?")
# After a closing curly quote Punkt sees no whitespace-separated token boundary in some
# versions; a boundary is `.”`, `?”` or `!”` followed by space and a capital letter.
_MISSED_BREAK_RE = re.compile(r"[.?!][”’\"]\s+(?=[A-Z“\"])")


class _NewswireLanguageVars(PunktLanguageVars):
    """Punkt's English defaults; curly quotes already count as closing punctuation in nltk 3.10."""


@lru_cache(maxsize=1)
def punkt_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params, lang_vars=_NewswireLanguageVars())


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
    """Punkt over the whole text in one call (what Punkt alone costs), then cut at paragraphs."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    cuts = _missed_breaks(text)
    sentences: list[Sentence] = []
    first_paragraph = 0
    count = len(paragraphs)
    next_cut = 0  # index of the first cut at or after the current sentence
    cut_count = len(cuts)
    for punkt_start, punkt_end in punkt_tokenizer().span_tokenize(text):
        while first_paragraph < count and paragraphs[first_paragraph].end <= punkt_start:
            first_paragraph += 1
        if first_paragraph == count:
            break
        para = paragraphs[first_paragraph]
        while next_cut < cut_count and cuts[next_cut][0] < punkt_start:
            next_cut += 1
        cut_inside = next_cut < cut_count and cuts[next_cut][0] < punkt_end
        if para.start <= punkt_start and punkt_end <= para.end and not cut_inside:
            # The common case: one Punkt sentence inside one paragraph, already trimmed.
            sentences.append(Sentence(len(sentences), punkt_start, punkt_end))
            continue
        index = first_paragraph
        # A sentence never crosses a line end: headlines and captions have no final period.
        while index < count and paragraphs[index].start < punkt_end:
            para = paragraphs[index]
            start, end = max(punkt_start, para.start), min(punkt_end, para.end)
            for piece_start, piece_end in _pieces(text, start, end, cuts):
                sentences.append(Sentence(len(sentences), piece_start, piece_end))
            index += 1
    return tuple(sentences)


def _missed_breaks(text: str) -> list[tuple[int, int]]:
    """(end of one sentence, start of the next) where `...forward.” Moon said` hides a break."""
    return [
        (match.start() + 2, match.end())
        for match in _MISSED_BREAK_RE.finditer(text)
        if not _is_abbreviation_before(text, match.start())
    ]


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
