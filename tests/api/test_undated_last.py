"""Undated articles (and their statements) come last in every date-ordered list, and cursor
pages over a mix of dated and undated rows visit each row exactly once."""

import datetime
import re

import pytest

from quotes.models import Quote
from tests.admin.conftest import login
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, StaffFactory

pytestmark = pytest.mark.django_db

PAGE_SIZES = [1, 2, 3, 5]


def day(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


def undated_article():
    return ArticleFactory(published_at=None, published_precision=None)


def dated_and_undated(factory) -> tuple[list[int], list[int]]:
    """Rows of three dated articles (two on the same day) and of two undated ones, several a
    day and several undated, so that page edges fall inside each block and on the seam."""
    dated = []
    for when in ["2019-01-01", "2021-01-01", "2021-01-01"]:
        article = ArticleFactory(published_at=day(when))
        dated += [factory(article=article, start=1, end=10 + i).pk for i in range(2)]
    undated = []
    for _ in range(2):
        article = undated_article()
        undated += [factory(article=article, start=1, end=10 + i).pk for i in range(2)]
    return dated, undated


def every_page(api_client, url: str) -> list[int]:
    seen: list[int] = []
    while url:
        response = api_client.get(url)
        assert response.status_code == 200, response.content
        seen += [row["id"] for row in response.json()["results"]]
        url = response.json()["next"]
    return seen


@pytest.mark.parametrize("ordering", ["-published_at", "published_at"])
@pytest.mark.parametrize("page_size", PAGE_SIZES)
def test_quote_pages_list_undated_quotes_last_once_each(api_client, ordering, page_size):
    dated, undated = dated_and_undated(QuoteFactory)
    seen = every_page(api_client, f"/api/quotes/?ordering={ordering}&page_size={page_size}")
    assert len(seen) == len(set(seen)) == len(dated) + len(undated)
    assert set(seen[: len(dated)]) == set(dated)
    assert set(seen[len(dated) :]) == set(undated)


@pytest.mark.parametrize("page_size", PAGE_SIZES)
def test_claim_and_statement_pages_list_undated_ones_last(api_client, page_size):
    dated, undated = dated_and_undated(ClaimFactory)
    for url in ["/api/claims/", "/api/statements/"]:
        seen = every_page(api_client, f"{url}?page_size={page_size}")
        assert set(seen[: len(dated)]) == set(dated)
        assert set(seen[len(dated) :]) == set(undated)
        assert len(seen) == len(set(seen))


@pytest.mark.parametrize("page_size", PAGE_SIZES)
def test_article_pages_list_undated_articles_last(api_client, page_size):
    older = ArticleFactory(published_at=day("2019-01-01"))
    same_day = [ArticleFactory(published_at=day("2021-01-01")) for _ in range(2)]
    undated = [undated_article() for _ in range(3)]
    seen = every_page(api_client, f"/api/articles/?page_size={page_size}")
    newest = [a.pk for a in sorted(same_day, key=lambda a: -a.pk)]
    assert seen == [*newest, older.pk, *sorted((a.pk for a in undated), reverse=True)]


def test_search_newest_first_lists_undated_matches_last(api_client):
    undated = QuoteFactory(article=undated_article())
    dated = QuoteFactory(article=ArticleFactory(published_at=day("2020-01-01")))
    for ordering in ["-published_at", "relevance"]:
        seen = every_page(api_client, f"/api/quotes/?q=review&ordering={ordering}")
        assert seen == [dated.pk, undated.pk]


def test_search_page_lists_undated_quotes_last(client):
    undated = QuoteFactory(article=undated_article())
    dated = QuoteFactory(article=ArticleFactory(published_at=day("2020-01-01")))
    for sort in ["-published_at", "published_at"]:
        page = client.get("/", {"q": "review", "sort": sort}).content.decode()
        shown = [int(i) for i in re.findall(r'<a href="/quotes/(\d+)/">', page)]
        assert list(dict.fromkeys(shown)) == [dated.pk, undated.pk]


def test_admin_lists_undated_articles_and_quotes_last(client):
    login(client, StaffFactory())
    undated = QuoteFactory(article=undated_article())
    dated = QuoteFactory(article=ArticleFactory(published_at=day("2020-01-01")))
    quotes = client.get("/admin/quotes/quote/").context["cl"].result_list
    assert [q.pk for q in quotes] == [dated.pk, undated.pk]
    articles = client.get("/admin/sources/article/").context["cl"].result_list
    assert [a.pk for a in articles] == [dated.article_id, undated.article_id]
    # Sorting by the date column, either way, keeps them last.
    column = (
        client.get("/admin/sources/article/").context["cl"].list_display.index("published_local")
    )
    for prefix in ["", "-"]:
        response = client.get("/admin/sources/article/", {"o": f"{prefix}{column}"})
        assert [a.pk for a in response.context["cl"].result_list][-1] == undated.article_id


def oldest_first_order(pks: list[int]) -> list[int]:
    """Dated rows by (date, id), then undated rows by id: what every oldest-first list shows."""
    rows = Quote.objects.filter(pk__in=pks)
    dated = sorted((q.published_at, q.pk) for q in rows if q.published_at is not None)
    return [pk for _, pk in dated] + sorted(q.pk for q in rows if q.published_at is None)


@pytest.mark.parametrize("page_size", PAGE_SIZES)
def test_a_speakers_quotes_oldest_first_page_in_order_with_undated_last(api_client, page_size):
    dated, undated = dated_and_undated(QuoteFactory)
    speaker = Quote.objects.get(pk=dated[0]).speaker
    Quote.objects.filter(pk__in=dated + undated).update(speaker=speaker)
    QuoteFactory(article=ArticleFactory(published_at=day("2018-01-01")))  # someone else's
    url = f"/api/quotes/?speaker={speaker.pk}&ordering=published_at&page_size={page_size}"
    assert every_page(api_client, url) == oldest_first_order(dated + undated)


def test_search_page_oldest_first_pages_across_undated_rows(client, monkeypatch):
    """Numbered pages of the web search: the page that starts inside the undated rows starts
    at the right one, though no dated row is on it."""
    monkeypatch.setattr("web.views.PAGE_SIZE", 2)
    dated = [
        QuoteFactory(article=ArticleFactory(published_at=day(when))).pk
        for when in ["2021-01-01", "2019-01-01", "2020-01-01"]
    ]
    undated = [QuoteFactory(article=undated_article()).pk for _ in range(3)]
    shown: list[int] = []
    for page in [1, 2, 3]:
        html = client.get("/", {"q": "review", "sort": "published_at", "page": page})
        ids = [int(i) for i in re.findall(r'<a href="/quotes/(\d+)/">', html.content.decode())]
        shown += list(dict.fromkeys(ids))
    assert shown == [dated[1], dated[2], dated[0], *undated]
