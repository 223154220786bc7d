"""Properties that hold for any text: no exception, exact offsets, determinism."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.extraction import claims, extract
from quotes.extraction.grammar import _TOKEN_RE, Tokens, _scan_tokens

# Text built from the characters that matter to the extractor, plus anything else.
PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        " ",
        "\n",
        "\n\n",
        ".",
        ",",
        ":",
        "—",
        "―",
        "said",
        "Said",
        "he",
        "Kim",
        "Wi Seong-rak",
        "a senior official",
        "according to",
        "U.S.",
        "(",
        ")",
        "the",
        "told",
        "reporters",
        "PENCE:",
        "-",
        "so-called",
        "Mr.",
        "’s",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=80).map("".join),
)
# The characters a word goes on through, or stops at, and initials.
WORD_PIECES = st.sampled_from(
    [
        *("Ã", "Â", "\xa9", "\x83", "\xa7", "µ", "e\u0301", "\u0302", "\u0303"),
        *("J.", "A.B.", "S.", "--", "'", "’", "-", "_", "2"),
        *("\xa0", "\u2003", "\x1c", "\t", " ", "a", "Z", "한", "said", "poll"),
    ]
)
WORD_TEXTS = st.lists(st.one_of(WORD_PIECES, PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_extract_never_raises_and_offsets_slice_back(text: str) -> None:
    result = extract(text)
    assert result.text == text
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.first_sentence <= quote.last_sentence
        if quote.mention is not None:
            assert text[quote.mention.start : quote.mention.end] == quote.mention.text
        if quote.speaker is not None:
            assert quote.speaker.key
    starts = [quote.start for quote in result.quotes]
    assert starts == sorted(starts)
    for sentence in result.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)


@SETTINGS
@given(TEXTS)
def test_extract_is_deterministic(text: str) -> None:
    assert extract(text) == extract(text)
    assert extract(text).to_dict() == extract(text).to_dict()


@SETTINGS
@given(TEXTS)
def test_sentences_are_ordered_and_disjoint(text: str) -> None:
    sentences = extract(text).sentences
    for before, after in pairwise(sentences):
        assert before.end <= after.start


@SETTINGS
@given(TEXTS, st.data())
def test_tokens_slice_back_and_cover_visible_text(text: str, data: st.DataObject) -> None:
    """The rules read a token's offset as where its word stands in the text, from any range or
    ranges of it (a sentence, a quote's window with a nickname cut out)."""
    cut = data.draw(st.integers(0, len(text)))
    ranges = [(0, cut), (cut, len(text))] if data.draw(st.booleans()) else [(0, len(text))]
    tokens = Tokens.from_ranges(text, ranges)
    placed = list(zip(tokens.starts, tokens.words, strict=True))
    assert all(text.startswith(word, start) for start, word in placed)
    assert tokens.starts == sorted(set(tokens.starts))
    covered = {i for start, word in placed for i in range(start, start + len(word))}
    assert covered == {i for i, char in enumerate(text) if not char.isspace()}


# Tokenising and finding cues cost microseconds: many more examples than whole extractions.
MANY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@MANY
@given(st.one_of(TEXTS, WORD_TEXTS), st.data())
def test_tokens_are_what_the_defining_regex_finds(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    tokens = Tokens.from_ranges(text, [(start, end)])
    expected = [(match.start(), match.group()) for match in _TOKEN_RE.finditer(text, start, end)]
    assert list(zip(tokens.starts, tokens.words, strict=True)) == expected
    words: list[str] = []
    starts: list[int] = []
    _scan_tokens(text, start, end, words, starts)  # what the compiled engine runs
    assert list(zip(starts, words, strict=True)) == expected


def _cue_definition() -> re.Pattern[str]:
    """A whole cue word after white space or `(`, or first in the text (claims.py)."""
    words = sorted(claims._CUE_WORDS, key=len, reverse=True)
    guarded = [f"{word}(?={guard.pattern})" for word, guard in claims._GUARDED_CUES.items()]
    cue = "|".join(["[Aa]ccording to", *guarded, *words])
    return re.compile(rf"(?:^|(?<=[\s(]))({cue})\b")


CUE_DEFINITION = _cue_definition()


@MANY
@given(st.one_of(TEXTS, WORD_TEXTS))
def test_cue_words_are_what_the_defining_regex_finds(text: str) -> None:
    expected = [
        (match.start(), match.end(), match.group()) for match in CUE_DEFINITION.finditer(text)
    ]
    assert claims._cue_words(text) == expected  # the regex as Python, the scan compiled
    assert claims._scan_cue_words(text) == expected
