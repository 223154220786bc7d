import random

import pytest
from nltk.tokenize.punkt import PunktLanguageVars

from quotes.extraction.breaks import _REALIGNED_MARKS
from quotes.extraction.punkt import punkt_tokenizer, splitter
from quotes.extraction.sentences import paragraph_spans, split_sentences


def sentence_texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # newswire abbreviations and initials do not end sentences
        (
            "The U.S. Sen. Bob Lee met Gen. Park on Jan. 5 at 9 a.m. in N. Korea. He left.",
            ["The U.S. Sen. Bob Lee met Gen. Park on Jan. 5 at 9 a.m. in N. Korea.", "He left."],
        ),
        (
            "It was said by Harry J. Kazianis, senior director. Moon agreed.",
            ["It was said by Harry J. Kazianis, senior director.", "Moon agreed."],
        ),
        # the curly closing quote stays with its sentence
        (
            "“The meeting adds speed to Moon’s push for the Korea peace process,” said Shin. "
            "He left.",
            [
                "“The meeting adds speed to Moon’s push for the Korea peace process,” said Shin.",
                "He left.",
            ],
        ),
        (
            "“I look forward to North Korea responding positively.” Moon said it twice.",
            ["“I look forward to North Korea responding positively.”", "Moon said it twice."],
        ),
        # a headline without a period is its own sentence; lines are paragraphs
        (
            "Moon’s push for peace talks gains momentum\nPresident Moon Jae-in will meet them.",
            ["Moon’s push for peace talks gains momentum", "President Moon Jae-in will meet them."],
        ),
        # an abbreviation with inner periods before a subject pronoun and its verb ends one
        (
            "The ferry fees rose across the U.S. He thinks the harbor pays for it.",
            ["The ferry fees rose across the U.S.", "He thinks the harbor pays for it."],
        ),
        (
            "The vote ended at 9 p.m. They left the hall.",
            ["The vote ended at 9 p.m.", "They left the hall."],
        ),
        # near misses: a name after it (`U.S. He Lifeng`), a title without inner periods
        (
            "Lena Voss met the U.S. He Lifeng delegation. Mr. He said no.",
            ["Lena Voss met the U.S. He Lifeng delegation.", "Mr. He said no."],
        ),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences_golden(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected


def test_sentences_never_cross_paragraphs() -> None:
    text = "First line without period\n\nSecond paragraph. Third sentence here."
    paragraphs = paragraph_spans(text)
    for sentence in split_sentences(text):
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in paragraphs)


def test_paragraph_spans_trim_and_skip_blank_lines() -> None:
    text = "  Headline  \n\n\nBody line.\r\n"
    assert [text[p.start : p.end] for p in paragraph_spans(text)] == ["Headline", "Body line."]


def test_sentence_indexes_are_consecutive() -> None:
    sentences = split_sentences("One. Two. Three.\nFour.")
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_tokens_lower_case_matches_each_word() -> None:
    from quotes.extraction.grammar import Tokens
    from quotes.extraction.types import Span

    text = "İstanbul’s MAYOR said: “Straße” — U.S. ÆTHER, Kim’s aides."
    tokens = Tokens(text, Span(0, len(text)))
    assert tokens.lows == [word.lower() for word in tokens.words]
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == tokens.words


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "  a  \n\n\t b \u00a0\n", "one\r\ntwo\n\n  three  ", "x\u2028y\nz"],
)
def test_paragraph_spans_are_trimmed_lines(text: str) -> None:
    expected = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + len(line) - len(line.lstrip())
            expected.append((start, start + len(stripped)))
        position += len(line) + 1
    assert [(p.start, p.end) for p in paragraph_spans(text)] == expected


# --- the pipeline's Punkt gives exactly the spans of plain Punkt ----------------------------

_PUNKT_PIECES = [
    *[" ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028"],
    *[".", ".", "?", "!", "...", ". . .", "..", "?!", ",", ";", ":", "--", "-", "—", "…"],
    *['"', "“", "”", "‘", "’", "'", "«", "»", "(", ")", "[", "]", "{", "}", "*", "@", "&", "#"],
    *["said", "Said", "he", "He", "the", "The", "Moon", "Kim", "a", "I", "it", "x", "é", "Éric"],
    *["U.S.", "U.S", "Sen.", "sen.", "Gen.", "Mr.", "Dr.", "Jan.", "a.m.", "p.m.", "No.", "St."],
    *["J.", "j.", "A.", "e.g.", "i.e.", "etc.", "vs.", "Inc.", "Co.", "N.", "Jae-in", "Pres."],
    *["5", "3.5", "1,000", "-2", ".5", "2019.", "10th", "4.", "##number##", "1.2.3", "$4"],
    *["Straße", "İstanbul", "ÆTHER", "日本", "٣", "ﬁ", "x\u0301", "naïve", "_", "`", "\\"],
]


def _random_text(generator: random.Random) -> str:
    return "".join(generator.choice(_PUNKT_PIECES) for _ in range(generator.randrange(1, 120)))


def _assert_same_spans(text: str) -> None:
    plain = list(punkt_tokenizer().span_tokenize(text))
    assert list(splitter().span_tokenize(text)) == plain, text


def test_splitter_matches_plain_punkt_on_random_texts() -> None:
    generator = random.Random(20240611)
    for _ in range(3000):
        _assert_same_spans(_random_text(generator))


def test_splitter_matches_plain_punkt_on_seeds_and_variants(seeds: dict[str, str]) -> None:
    generator = random.Random(7)
    for text in seeds.values():
        _assert_same_spans(text)
        _assert_same_spans(text.replace("\n", " "))
        _assert_same_spans(text.replace("\n", "\r\n"))
        _assert_same_spans(text.replace(". ", ".  ").replace("”", '"').replace("“", '"'))
        for _ in range(20):
            start = generator.randrange(len(text))
            _assert_same_spans(text[start : start + generator.randrange(1, 600)])


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        ".",
        "..",
        "A. B. C.",
        "(Sent1.) Sent2.",
        '"Yes." "No." He left.',
        "“Really?” he asked. “Yes!” Baek said… Then -- nothing.",
        "Very bad acting!!! I promise.",
        "He paid $4.50 in 2019. It rose 3.5 pct. to 10. Then fell.",
        "by Harry J. Kazianis. A. Varga said. e.g. this, i.e. that.",
        " leading space. x" + "y" * 500 + ". Next",
        "word.\n\nNext para.\n“Quote.”\n”\n) trailing.",
        # the contexts the splitter decides without Punkt's annotation passes, and near misses
        "He said. The talks end. Mr. Quist left. Sen. Baek's aide? Yes! Gen. Kim-soo spoke.",
        "Ask Mr. Quist.” He did. Dr. X. Y said. Mr.\u00a0Kim and Mr.\nKim. Jan. 5 then St. Paul.",
        "It is no. 1, said Dr.\tNo. Mr. mr. MR. The e.g. case. Co. Inc. Ltd. now? why! ok. fine.",
        "Quist left.” Roe said “no.” Mr.” Gen.) e.g.’ U.S. aides met. A.B.) x.” J. Roe, j. roe. I.",
        "He won.) Then? Mr. Roe, St. Paul; U.S.? Yes! a.m.” P. Kim J.\u00a0Roe K.\nLee U.S.\n\nNo.",
        # compounds and openers before a period, and `?` or `!` before a token of separators
        "The commander-in-chief.” Roe left. ___.\n\n12:50 p.m. Lane: “unfair. So (ex-Gov. Roe",
        '“Mr. Roe, “ex-Gov. Lane, "(Voss.) _. b a_. c U_S. d x--y. Z -ab. C “A. Roe (Sen. Kim',
        "Roe left?\n\x1c Who? \x1fYes! \x1e\x1fNo!\n\x1f\x1c “Really?” sec-Gen. Baek ___. ___.",
        # separators that `re` reads as whitespace and Punkt's `regex` engine does not
        "Roe left.\x1cThe board met. Voss left. \x1fShe stayed.\x1d\x1e Kim sat.",
    ],
)
def test_splitter_matches_plain_punkt_on_edge_cases(text: str) -> None:
    _assert_same_spans(text)


def test_realignment_shortcut_knows_every_mark_punkt_realigns() -> None:
    """The splitter tries Punkt's closing-punctuation realignment only after the marks it opens
    with; a mark missing from that set would leave `.”` on the wrong sentence."""
    pattern = PunktLanguageVars.re_boundary_realignment
    opening = {chr(code) for code in range(0x3000) if pattern.match(chr(code) + " ")}
    assert opening == _REALIGNED_MARKS
