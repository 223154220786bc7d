"""Claims in reported speech on the fact-checkers' pages: found, shown as paraphrase (never in
quote marks), cited as `X said that ...`, and never hiding the quote inside them."""

import pytest

from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim_around_a_quote():
    article = ArticleFactory(
        body="Wi Seong-rak said the deal was “dead on arrival” and would fail."
    )
    start = article.body.index("the deal")
    end = article.body.index(" and would fail") + len(" and would fail")
    claim = ClaimFactory(article=article, start=start, end=end, text=article.body[start:end])
    inner = article.body.index("dead on arrival")
    quote = QuoteFactory(
        article=article,
        speaker=claim.speaker,
        start=inner,
        end=inner + len("dead on arrival"),
        text="dead on arrival",
        mention="Wi Seong-rak",
        mention_start=0,
        mention_end=len("Wi Seong-rak"),
    )
    return claim, quote


def test_a_claims_page_shows_paraphrase_and_cites_it_without_quote_marks(
    client, claim_around_a_quote
):
    claim, _ = claim_around_a_quote
    page = client.get(f"/quotes/{claim.pk}/").content.decode()
    assert "not their exact words" in page
    assert f"“{claim.text}”" not in page
    assert f"said that {claim.text}" in page
    assert '"@type": "Claim"' in page
    assert f"/api/claims/{claim.pk}/" in page


def test_the_article_page_keeps_the_quote_inside_a_claim(client, claim_around_a_quote):
    claim, quote = claim_around_a_quote
    page = client.get(f"/articles/{claim.article_id}/").content.decode()
    assert f'href="/quotes/{quote.pk}/"' in page


def test_searching_claims_finds_them(client, claim_around_a_quote):
    claim, quote = claim_around_a_quote
    page = client.get("/", {"kind": "claims", "q": "fail"}).content.decode()
    assert f'href="/quotes/{claim.pk}/"' in page
    assert f'href="/quotes/{quote.pk}/"' not in page
