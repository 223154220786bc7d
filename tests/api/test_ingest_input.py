"""What an article's metadata becomes: dates keep their precision, URLs are web addresses."""

import pytest

from sources.models import Article

pytestmark = pytest.mark.django_db

TEXT = "Talks resume\n\n“We are ready to talk,” said Kim Min-su on Monday."


def ingest(token_client, **fields):
    return token_client.post("/api/articles/", {"text": TEXT, **fields}, format="json")


def test_a_bare_day_is_stored_as_a_day(token_client):
    response = ingest(token_client, published_at="2021-06-15")
    assert response.status_code == 201, response.json()
    article = Article.objects.get()
    assert article.published_precision == "day"
    assert article.published_at.date().isoformat() == "2021-06-15"


def test_a_date_time_keeps_its_minute(token_client):
    ingest(token_client, published_at="2021-06-15T16:42:00+09:00")
    article = Article.objects.get()
    assert article.published_precision == "minute"
    assert article.published_at.isoformat() == "2021-06-15T07:42:00+00:00"


@pytest.mark.parametrize("value", ["2021-02-30", "2021-02-30T10:00:00Z", "2021-13-01"])
def test_an_impossible_date_says_it_is_not_a_real_date(token_client, value):
    response = ingest(token_client, published_at=value)
    assert response.status_code == 400
    message = response.json()["published_at"][0]
    assert "not a real date" in message
    assert "YYYY-MM-DD" in message
    assert not Article.objects.exists()


@pytest.mark.parametrize("value", ["yesterday", "15/06/2021", 20210615])
def test_a_date_in_no_known_format_lists_the_formats(token_client, value):
    response = ingest(token_client, published_at=value)
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.json()["published_at"][0]


@pytest.mark.parametrize(
    "url", ["not a url", "javascript:alert(1)", "ftp://news.example/a", "data:text/html,hi"]
)
def test_only_web_addresses_are_urls(token_client, url):
    response = ingest(token_client, url=url)
    assert response.status_code == 400
    assert "http" in response.json()["url"][0]
    assert not Article.objects.exists()


def test_a_web_address_is_kept(token_client):
    response = ingest(token_client, url="https://news.example/2021/talks?id=4")
    assert response.status_code == 201
    assert Article.objects.get().url == "https://news.example/2021/talks?id=4"
