"""Punkt's candidate breaks, the slices between those it reads as breaks, and the realignment of
closing punctuation after a break: the loops over every end mark of a text that the splitter of
punkt.py runs, kept apart from NLTK's classes so that the compiled engine (compiled.py) compiles
them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any, Final

# The marks re_boundary_realignment opens with (Punkt's closing punctuation).
_REALIGNED_MARKS: Final = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
# Punkt's idea of whitespace when it looks for the word before a candidate break.
_PUNKT_WHITESPACE: Final = frozenset(" \t\n\r\x0b\x0c")
_OTHER_WHITESPACE_RE: Final = re.compile("[\t\n\r\x0b\x0c]")


# `commander-in-chief`, `___`: letters and underscores, hyphens inside (`--` is a mark of Punkt's).
_COMPOUND_RE: Final = re.compile(r"[A-Za-z_]+(?:-[A-Za-z_]+)*")
# Openers before such a word: `"` and `(` are tokens of their own, `“` begins the word's token.
_WORD_OPENERS: Final = frozenset('“"(')


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


def break_slices(
    text: str,
    abbreviations: set[str],
    match_context: Callable[[str, int], re.Match[str] | None],
    breaks_within: Callable[[str, int, int], bool],
) -> list[tuple[int, int]]:
    """PunktSentenceTokenizer._slices_from_text: a slice up to each candidate that Punkt
    reads as a break, then the rest of the text. The plainest candidate, `said. The` or
    `now? Yes`, is read here; any other goes to `breaks_within(text, start, end)`, Punkt's
    reading of the context text[start:end] (punkt.Splitter.breaks_within)."""
    slices: list[tuple[int, int]] = []
    last_break = 0
    found = candidates(text, match_context)
    for word_start, ((stop, end), (_, after_end), (next_start, _)) in found:
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


def candidates(
    text: str, match_context: Callable[[str, int], re.Match[str] | None]
) -> list[tuple[int, Any]]:
    """PunktSentenceTokenizer._match_potential_end_contexts: the start of the word before
    each candidate break with the spans of the candidate's match (the mark, `after_tok`,
    `next_tok`); a candidate whose word runs over the next candidate's word is dropped.
    The pattern is tried at each end mark, which str.find() reaches at memchr speed where
    a scan of the text tests every character."""
    candidates: list[tuple[int, Any]] = []
    previous: Any = None
    previous_start = previous_stop = 0  # the word before `previous`
    line_ends_only = not any(char in text for char in "\t\r\x0b\x0c")
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


def realigned(text: str, slices: list[tuple[int, int]], realignment: Any) -> list[tuple[int, int]]:
    """PunktSentenceTokenizer._realign_boundaries: closing punctuation after a break (`.)`,
    `.”`) stays with the sentence before it."""
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
