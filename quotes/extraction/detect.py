"""Quote spans, found per paragraph in one linear pass over the double quote marks.

Marks are found with str.find(), one glyph at a time, so there is nothing to backtrack. Whether
a mark opens or closes is decided by its neighbours first and its glyph second, which copes with
mismatched pairs (`“...positively."`) and with curly marks typed the wrong way round.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from typing import Final

from lexicon import FUNCTION_WORDS, SPEECH_VERBS
from quotes.extraction.breaks import char_offsets
from quotes.extraction.types import Span, slot_init

_MARKS: Final = '"“”„‟«»'
_OPENING_GLYPHS: Final = "“„‟«"
_CLOSING_GLYPHS: Final = "”»"
# A mark after one of these (or whitespace) stands at the start of a word. The invisible
# direction and width marks that pasted social-media posts carry count as nothing.
_BEFORE_OPEN: Final = (
    "([{—–―-/…\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
# A straight mark between one of these and a word, with no space (`Councillor Roe:"We will`, `he
# said."We`, `...ready,"he said`), opens a quote when none is open and closes the open one.
_SENTENCE_PUNCTUATION: Final = ".,:;!?"
# A mark before one of these (or whitespace) stands at the end of a word.
_AFTER_CLOSE: Final = ".,;:!?)]}—–―-…"


@slot_init
@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # content, quote marks excluded
    end: int
    open_mark: int
    close_mark: int | None  # None when the quote runs to the end of its paragraph
    paragraph: int


def _roles(text: str, pos: int, para: Span) -> tuple[bool, bool]:
    """(can open, can close) for the mark at pos."""
    glyph = text[pos]
    if pos == para.start:
        # Nothing is open at a paragraph start, so any mark there opens, even a closing glyph
        # before a space (`” … what I learned ...,” he said.`).
        return True, False
    before = text[pos - 1]
    after = text[pos + 1] if pos + 1 < para.end else " "
    word_before = not (before.isspace() or before in _BEFORE_OPEN)
    word_after = not (after.isspace() or after in _AFTER_CLOSE)
    if glyph in _OPENING_GLYPHS:
        return not after.isspace() or _spaced_opener(text, pos, para), (
            word_before and not word_after
        )
    if glyph in _CLOSING_GLYPHS:
        return not word_before and word_after, not before.isspace() or _spaced_closer(text, pos)
    if before in _SENTENCE_PUNCTUATION and after.isalnum():
        return True, True
    can_close = word_before and not word_after
    if not word_after and not can_close:
        # `...outreach,' " he told` and `...any n------" who`: a straight mark after a closing
        # single quote or an interrupting dash still closes.
        ahead = text[pos - 2] if pos - 2 >= para.start else " "
        can_close = before in "—–-" or (before == " " and ahead in "'’")
    return not word_before and not after.isspace(), can_close


def _spaced_opener(text: str, pos: int, para: Span) -> bool:
    """`As the paper reported, “ … if the vote were held`, `Park said. “ You know`: after the
    punctuation that introduces a quote, an opening glyph set off by one space from its first
    word still opens; not `that. “` at the paragraph end (a closing mark typed the wrong way
    round), nor a stray glyph between two words."""
    if pos + 2 >= para.end or pos - 2 < para.start or text[pos + 1] != " ":
        return False
    if text[pos - 1] != " " or text[pos - 2] not in _SENTENCE_PUNCTUATION:
        return False
    first = text[pos + 2]
    return first.isalnum() or first == "…"


def _spaced_closer(text: str, pos: int) -> bool:
    """`... that advice, ” he said`: a closing glyph set off by one space from the punctuation
    that ends the quote still closes it (it can open nothing, with a space after it)."""
    return (
        text[pos - 1] == " "
        and pos >= 2
        and text[pos - 2] in _SENTENCE_PUNCTUATION
        and (pos + 1 >= len(text) or text[pos + 1].isspace())
    )


def _content_start(text: str, open_at: int, end: int) -> int:
    """Just after the opening mark; past a space only where a paragraph-initial mark allows one."""
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    return start


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def paragraph_quotes(
    text: str, para: Span, index: int, marks: list[int] | None = None
) -> list[QuoteSpan]:
    """The quotes of one paragraph; `marks` are the offsets of its double quote marks."""
    if marks is None:
        marks = char_offsets(text, _MARKS, para.start, para.end)
    quotes: list[QuoteSpan] = []
    open_at = -1
    for pos in marks:
        can_open, can_close = _roles(text, pos, para)
        if open_at < 0:
            if can_open:
                open_at = pos
        elif can_close:
            quotes.append(QuoteSpan(_content_start(text, open_at, pos), pos, open_at, pos, index))
            open_at = -1
        elif can_open:
            # A new opener while one is open: the earlier quote was never closed.
            end = _trimmed_end(text, open_at + 1, pos)
            quotes.append(QuoteSpan(_content_start(text, open_at, end), end, open_at, None, index))
            open_at = pos
    if open_at >= 0:
        start = _content_start(text, open_at, para.end)
        quotes.append(QuoteSpan(start, para.end, open_at, None, index))
    return [quote for quote in quotes if text[quote.start : quote.end].strip()]


_END: Final = attrgetter("end")  # a bisect key read in C, no Python call per probe


def find_quotes(text: str, paragraphs: list[Span]) -> list[QuoteSpan]:
    """One scan for the marks over the whole text; paragraphs without a mark cost nothing."""
    quotes: list[QuoteSpan] = []
    marks = char_offsets(text, _MARKS, 0, len(text))
    index = 0
    count = len(paragraphs)
    position = 0
    while position < len(marks) and index < count:
        para = paragraphs[index]
        pos = marks[position]
        if pos >= para.end:
            index = bisect_left(paragraphs, pos + 1, index, key=_END)
            continue
        if pos < para.start:
            position += 1  # a mark on a blank stretch between paragraphs
            continue
        first = position
        while position < len(marks) and marks[position] < para.end:
            position += 1
        quotes.extend(paragraph_quotes(text, para, index, marks[first:position]))
        index += 1
    return quotes


_INITIALS_RE: Final = re.compile(r"(?:[A-Z]\.){1,3}")


def is_nickname(text: str, span: QuoteSpan) -> bool:
    """`Marcia "Cia" Price`: one capitalised word quoted between two parts of a name."""
    close = span.close_mark
    if close is None or span.end - span.start > 20:
        return False
    content = text[span.start : span.end]
    if not content[:1].isupper() or len(content.split()) != 1:
        return False
    before = text[max(0, span.open_mark - 30) : span.open_mark].split()
    after = text[close + 1 : close + 30].split()
    if not (before and after) or not (
        before[-1][-1:].isalpha() or _INITIALS_RE.fullmatch(before[-1])
    ):
        return False  # `... said Roe. "Yes" He` is a quote after a sentence end; `J.R.` is no end
    return before[-1][:1].isupper() and after[0][:1].isupper()


def is_modifier_title(text: str, span: QuoteSpan) -> bool:
    """`wearing “Harbor First” pins`: a short title in capitals that modifies the lower-case
    noun after it, inside a phrase; a cue after the phrase reads over it as over plain words."""
    close = span.close_mark
    if close is None or span.end - span.start > 40:
        return False
    words = text[span.start : span.end].split()
    if not 0 < len(words) <= 4 or not all(word[:1].isupper() and word.isalpha() for word in words):
        return False
    before = text[max(0, span.open_mark - 30) : span.open_mark].split()
    after = text[close + 1 : close + 30].split(None, 1)
    if not (before and after and text[close + 1 : close + 2] == " "):
        return False
    noun = after[0].rstrip(",;:")
    return (
        before[-1].isalpha()
        and before[-1].islower()
        and noun.isalpha()
        and noun.islower()
        and noun not in FUNCTION_WORDS  # `“Harbor First” is the plan`: a clause goes on
        and noun not in SPEECH_VERBS
    )
