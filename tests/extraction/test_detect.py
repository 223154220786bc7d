import pytest

from quotes.extraction.detect import find_quotes
from quotes.extraction.sentences import paragraph_spans


def quote_texts(text: str) -> list[tuple[str, bool]]:
    """(content, closed) of every quote span."""
    return [
        (text[q.start : q.end], q.close_mark is not None)
        for q in find_quotes(text, paragraph_spans(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Q one,” said Shin.", [("Q one,", True)]),
        ('"Straight quote," he said.', [("Straight quote,", True)]),
        # mismatched pair: curly opener, straight closer
        (
            '“I look forward to North Korea responding positively."',
            [("I look forward to North Korea responding positively.", True)],
        ),
        # nesting: single quotes inside double quotes stay inside
        (
            "“The official said, ‘despite multiple attempts,’ it failed,” Reuters reported.",
            [("The official said, ‘despite multiple attempts,’ it failed,", True)],
        ),
        # a closing glyph set off by a space from the quote's last comma still closes it
        ("“We regret the delay, ” the board said.", [("We regret the delay, ", True)]),
        # negative: a closing glyph between two words closes nothing
        (
            "“We regret the ” delay, the board said.",
            [("We regret the ” delay, the board said.", False)],
        ),
        # apostrophes are not quote marks
        ("The U.S.' allies and Moon’s aides don't agree.", []),
        (
            'one of the U.S.\' "greatest strategic asset[s]."',
            [("greatest strategic asset[s].", True)],
        ),
        # a quote left open at the paragraph end, continued in the next paragraph
        (
            "“First paragraph of the quote.\n\n“Second paragraph,” he said.",
            [("First paragraph of the quote.", False), ("Second paragraph,", True)],
        ),
        # partial quotes inside paraphrase
        (
            "He said the plan aims to achieve “complete denuclearization” and “peace.”",
            [("complete denuclearization", True), ("peace.", True)],
        ),
        # marks between spaces open nothing
        ('a " b', []),
        ("", []),
    ],
)
def test_find_quotes_golden(text: str, expected: list[tuple[str, bool]]) -> None:
    assert quote_texts(text) == expected


def test_quote_offsets_point_inside_the_marks() -> None:
    text = "Intro. “Quoted words,” she said."
    (quote,) = find_quotes(text, paragraph_spans(text))
    assert text[quote.open_mark] == "“"
    assert quote.close_mark is not None
    assert text[quote.close_mark] == "”"
    assert text[quote.start : quote.end] == "Quoted words,"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a straight closing mark after a closing single quote and a space
        (
            "\"I was insulted by the term 'outreach,' \" he told the group.",
            [("I was insulted by the term 'outreach,' ", True)],
        ),
        # a straight closing mark after an interrupting dash
        ('They vowed to "shoot any n------" who came.', [("shoot any n------", True)]),
    ],
)
def test_find_quotes_closing_edge_cases(text: str, expected: list[tuple[str, bool]]) -> None:
    assert quote_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nothing is open at a paragraph start: a closing glyph and a space there still open
        (
            "He spoke at length.\n\n” … what I learned is that words matter,” he said.",
            [("… what I learned is that words matter,", True)],
        ),
        ('" Straight and spaced," she said.', [("Straight and spaced,", True)]),
        # negative: inside a paragraph a mark before a space still opens nothing
        ('He said " and left.', []),
    ],
)
def test_paragraph_initial_mark_opens(text: str, expected: list[tuple[str, bool]]) -> None:
    assert quote_texts(text) == expected


def test_paragraph_initial_mark_is_attributed() -> None:
    from quotes.extraction import extract

    text = "He spoke at length.\n\n” … what I learned is that words matter,” he said."
    (quote,) = extract(text).quotes
    assert quote.mention is not None
    assert quote.mention.text == "he"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an opening glyph set off by one space from the words it opens
        (
            "As the Harbor Gazette reported, “ … if the vote were held tonight, Voss would win.”",
            [("… if the vote were held tonight, Voss would win.", True)],
        ),
        ("Park said. “ You know, the pier is old.”", [("You know, the pier is old.", True)]),
        # negative: at the paragraph end the same glyph is a closing mark typed the wrong way
        ("“We see that. “", [("We see that. “", False)]),
        # negative: a glyph between two spaces inside a sentence opens nothing
        ("The pier “ and the dock.", []),
    ],
)
def test_spaced_opening_glyph(text: str, expected: list[tuple[str, bool]]) -> None:
    assert quote_texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a straight mark run into the word after a colon or a full stop opens
        (
            'Councillor Park Min-ho:"We will rebuild the pier."',
            [("We will rebuild the pier.", True)],
        ),
        ('said the harbor master."We are ready."', [("We are ready.", True)]),
        # the same mark after a comma closes the quote that is open
        (
            '"We are ready,"he said. "The boats are out."',
            [("We are ready,", True), ("The boats are out.", True)],
        ),
        # negative: before a bracket or markup it opens nothing
        ('the pier is closed.">Read more', []),
    ],
)
def test_straight_mark_between_punctuation_and_word(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    assert quote_texts(text) == expected


def test_invisible_direction_mark_counts_as_nothing() -> None:
    # pasted comments start with a left-to-right mark and a closing glyph typed as the opener
    text = "Readers wrote in.\n\n\u202a”Great news for the town!” posted Lena Voss."
    assert quote_texts(text) == [("Great news for the town!", True)]
    # negative: after a letter the same closing glyph still closes nothing that is not open
    assert quote_texts("The word”Great news” ends here.") == []


def test_nickname_after_initials() -> None:
    from quotes.extraction.detect import is_nickname

    text = 'The campaign sent Gov. J.R. "Skip" Varga to the rally.'
    (span,) = find_quotes(text, paragraph_spans(text))
    assert is_nickname(text, span)
    # negative: a full stop after a name still ends the sentence before a quoted word
    text = 'The campaign sent Varga. "Skip" Lane went home.'
    (span,) = find_quotes(text, paragraph_spans(text))
    assert not is_nickname(text, span)


def test_title_modifying_a_noun_is_read_over() -> None:
    from quotes.extraction import extract

    # a short title in capitals that modifies the noun after it is read over like plain words:
    # the cue after the aside still reaches the name before it
    text = "Mara Voss, wearing “Harbor First” pins, said “We will win the vote next week.”"
    quote = extract(text).quotes[-1]
    assert quote.speaker is not None
    assert quote.speaker.name == "Mara Voss"


@pytest.mark.parametrize(
    ("text", "modifier"),
    [
        ("Crews wore “Harbor First” pins to the vote.", True),
        # near misses: a clause goes on after it; it ends a phrase; it opens no phrase
        ("Crews said “Harbor First” is the plan.", False),
        ("Crews wore pins that read “Harbor First,” and left.", False),
        ("Crews wore pins. “Harbor First” pins sold out.", False),
    ],
)
def test_modifier_title(text: str, modifier: bool) -> None:
    from quotes.extraction.detect import is_modifier_title

    (span,) = find_quotes(text, paragraph_spans(text))
    assert is_modifier_title(text, span) == modifier
