"""Paragraphs and sentences: Punkt's sentences (punkt.py) cut at paragraphs and at the breaks
Punkt misses.

Sentences never cross a paragraph boundary: Punkt runs over the whole text, then its sentences are
cut at paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from lexicon import ABBREVIATIONS
from quotes.extraction.punkt import splitter
from quotes.extraction.types import Sentence, Span

# A line is a paragraph: articles come with blank lines, single newlines, or both. The match runs
# from the first to the last non-blank character of a line.
_PARAGRAPH_RE: Final = re.compile(r"\S(?:[^\n]*\S)?")
# After a closing curly quote Punkt sees no whitespace-separated token boundary in some
# versions; a boundary is `.”`, `?”` or `!”` followed by space and a capital letter.
_MISSED_BREAK_RE: Final = re.compile(r"[.?!][”’\"]\s+(?=[A-Z“\"])")
_CLOSING_MARKS: Final = '”’"'
# Punkt reads an abbreviation before a capital as no break, but one with inner periods (`U.S.`,
# `p.m.`) before a subject pronoun and its lower-case verb ends a sentence: `... fees rose across
# the U.S. She thinks ...`.
_ABBREVIATION_BREAK_RE: Final = re.compile(
    r"\.(?<=[A-Za-z]\.[A-Za-z]\.)[ \t]+(?=(?:He|She|They|It|We) [a-z])"  # `.` first: fast scan
)


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
    for punkt_start, punkt_end in splitter().spans(text):
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
