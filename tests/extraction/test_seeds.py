"""The five seed articles end to end: every real quote, its speaker, and no scare quote."""

from __future__ import annotations

import pytest

from quotes.extraction import extract
from quotes.extraction.types import Quote

from .conftest import seed_text

# (seed, start of the quote, resolved speaker, kind, mention as written)
EXPECTED = [
    (
        "000",
        "The two-plus-two meeting has a symbolic",
        "Shin Beom-chul",
        "person",
        "Shin Beom-chul",
    ),
    (
        "000",
        "It won’t take too much time",
        "Cheong Wa Dae official",
        "anonymous",
        "a Cheong Wa Dae official",
    ),
    (
        "000",
        "We have also delivered our opinions",
        "Cheong Wa Dae official",
        "anonymous",
        "a Cheong Wa Dae official",
    ),
    ("000", "Korea and the US still need to adjust", "Shin Beom-chul", "person", "Shin"),
    ("001", "the Korean Peninsula’s complete denuclearization", "Moon Jae-in", "person", "Moon"),
    ("001", "I will not be pressed by time", "Moon Jae-in", "person", "Moon"),
    ("001", "I look forward to North Korea responding", "Moon Jae-in", "person", "Moon"),
    (
        "002",
        "We are in the final stages of that review",
        "senior White House official",
        "anonymous",
        "a senior White House official",
    ),
    (
        "002",
        "This is the first time that we will have",
        "senior White House official",
        "anonymous",
        "a senior White House official",
    ),
    (
        "002",
        "You’ve got more tensions between Japan",
        "senior US official",
        "anonymous",
        "another senior US official",
    ),
    (
        "002",
        "All of those reasons underscore why",
        "senior US official",
        "anonymous",
        "another senior US official",
    ),
    ("003", "Our democratic alliances enable us", "White House", "organization", "the White House"),
    ("003", "That is why we will reaffirm", "White House", "organization", "the White House"),
    ("003", "The Biden-Harris administration is committed", "Sung Kim", "person", "Kim"),
    ("003", "None are more important than Japan", "Sung Kim", "person", "he"),
    (
        "003",
        "Moon needs to get to the substance",
        "Harry J. Kazianis",
        "person",
        "Harry J. Kazianis",
    ),
    (
        "003",
        "If that is the case, as Biden has",
        "Harry J. Kazianis",
        "person",
        "Harry J. Kazianis",
    ),
    (
        "004",
        "through several channels starting",
        "senior government official",
        "anonymous",
        "A senior government official",
    ),
    (
        "004",
        "to date, we have not received any response",
        "senior government official",
        "anonymous",
        "A senior government official",
    ),
    (
        "004",
        "The Biden administration official said it appeared",
        "Reuters",
        "organization",
        "Reuters",
    ),
    ("004", "will be another great opportunity for our allies", "Sung Kim", "person", "Sung Kim"),
    ("004", "We are working expeditiously", "Sung Kim", "person", "Kim"),
    ("004", "One important question is whether", "Koo Kab-woo", "person", "Koo Kab-woo"),
    ("004", "The officials in the Biden administration", "Wi Seong-rak", "person", "Wi"),
    ("004", "is unlikely to satisfy North Korea", "Wi Seong-rak", "person", "Wi"),
    ("004", "This is actually a rather tricky issue", "Cho Sung-ryul", "person", "Cho Sung-ryul"),
    ("004", "The chief objective of [Blinken and Austin’s] visit", "Wi Seong-rak", "person", "Wi"),
    ("004", "The conditions are too poor", "Wi Seong-rak", "person", "Wi"),
]

SCARE_QUOTES = [
    ("000", "two-plus-two"),
    ("000", "America First"),
    ("001", "grand bargain"),
    ("001", "strategic patience"),
    ("002", "normal military activity"),
    ("003", "greatest strategic asset[s]."),
    ("004", "two-plus-two"),
]


def find_quote(seed: str, start: str) -> Quote:
    matches = [q for q in extract(seed_text(seed)).quotes if q.text.startswith(start)]
    assert len(matches) == 1, f"{start!r}: {len(matches)} quotes"
    return matches[0]


@pytest.mark.parametrize(("seed", "start", "name", "kind", "mention"), EXPECTED)
def test_seed_quote_and_speaker(seed: str, start: str, name: str, kind: str, mention: str) -> None:
    quote = find_quote(seed, start)
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.kind) == (name, kind)
    assert quote.mention is not None
    assert quote.mention.text == mention
    text = seed_text(seed)
    assert text[quote.mention.start : quote.mention.end] == mention


@pytest.mark.parametrize(("seed", "term"), SCARE_QUOTES)
def test_seed_scare_quotes_are_not_attributed(seed: str, term: str) -> None:
    assert all(q.text != term for q in extract(seed_text(seed)).quotes)


def test_seed_every_real_quote_is_found() -> None:
    for seed in ("000", "001", "002", "003", "004"):
        expected = [start for s, start, *_ in EXPECTED if s == seed]
        found = [q.text for q in extract(seed_text(seed)).quotes]
        for start in expected:
            assert any(text.startswith(start) for text in found), start


def test_seed_anonymous_sources_stay_apart() -> None:
    first = find_quote("002", "We are in the final stages")
    continued = find_quote("002", "This is the first time")
    other = find_quote("002", "You’ve got more tensions")
    assert first.speaker is not None
    assert continued.speaker is not None
    assert other.speaker is not None
    assert first.speaker.key == continued.speaker.key
    assert first.speaker.key != other.speaker.key
    assert first.speaker.affiliation == "White House"
    assert other.speaker.affiliation == "US"


def test_seed_titles_and_affiliations() -> None:
    shin = find_quote("000", "The two-plus-two meeting").speaker
    assert shin is not None
    assert shin.title == (
        "director of the Center for Diplomacy and Security at the Korea Research Institute "
        "for National Strategy"
    )
    assert shin.affiliation == "Korea Research Institute for National Strategy"
    official = find_quote("000", "It won’t take too much time").speaker
    assert official is not None
    assert official.affiliation == "Cheong Wa Dae"
    koo = find_quote("004", "One important question").speaker
    assert koo is not None
    assert koo.title == "professor at the University of North Korean Studies"


def test_seed_later_mentions_keep_the_first_title() -> None:
    assert (
        find_quote("000", "Korea and the US still need").speaker
        == find_quote("000", "The two-plus-two meeting").speaker
    )


def test_seed_continuation_and_partial_kinds() -> None:
    assert find_quote("001", "I look forward").kind == "continuation"
    assert find_quote("001", "the Korean Peninsula’s complete").kind == "partial"
    assert find_quote("001", "I will not be pressed").kind == "full"
    assert find_quote("004", "The conditions are too poor").kind == "continuation"


def test_seed_mismatched_marks_keep_exact_offsets() -> None:
    text = seed_text("001")
    quote = find_quote("001", "I look forward")
    assert quote.text == "I look forward to North Korea responding positively."
    assert text[quote.start - 1] == "“"
    assert text[quote.end] == '"'
