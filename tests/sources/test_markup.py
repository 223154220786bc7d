"""HTML pasted as article text is stored as the text it shows; the raw input is kept."""

import pytest

from quotes.services import article_ingest
from sources.markup import html_to_text

PAGE = (
    "<html><body><h1>Talks resume</h1>"
    "<p>“We are <b>ready</b> to talk &amp; listen,” said Kim Min-su.</p>"
    "<script>var tracker = 1;</script>"
    "<p>Lee said the talks<br>would go on.</p></body></html>"
)


def test_html_becomes_its_text_with_paragraphs():
    text = html_to_text(PAGE)
    assert "<" not in text
    assert "tracker" not in text
    assert "“We are ready to talk & listen,” said Kim Min-su." in text
    assert text.startswith("Talks resume\n\n")


@pytest.mark.parametrize(
    "plain",
    [
        "He said “a < b and c > d” is true.",
        "Scores: 3<5, and the <unknown> tag stays.",
        "“We will win,” said Kim.\n\nNothing else.",
    ],
)
def test_plain_text_is_untouched(plain):
    assert html_to_text(plain) == plain


@pytest.mark.django_db
def test_an_html_article_stores_text_and_keeps_the_raw_input():
    article = article_ingest(text=PAGE).article
    assert "</p>" not in article.body
    assert article.raw_text == PAGE
    quotes = list(article.quotes.values_list("text", flat=True))
    assert quotes == ["We are ready to talk & listen,"]
