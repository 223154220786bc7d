import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quotes.models import QuoteStatus, SpeakerKind
from tests.api.conftest import named_speaker, quote_saying
from tests.factories import (
    AnonymousSpeakerFactory,
    ArticleFactory,
    OutletFactory,
    QuoteFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def day(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=datetime.UTC)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [quote["id"] for quote in response.json()["results"]]


def all_pages(api_client, url: str) -> list[int]:
    seen: list[int] = []
    while url:
        response = api_client.get(url)
        seen += ids(response)
        url = response.json()["next"]
    return seen


def test_quote_carries_the_fields_of_the_contract(api_client):
    quote = QuoteFactory()
    body = api_client.get("/api/quotes/").json()
    assert body["next"] is None
    (item,) = body["results"]
    assert item["id"] == quote.pk
    assert item["text"] == "We are in the final stages of that review,"
    assert (item["start"], item["end"], item["status"]) == (1, 43, "extracted")
    assert item["speaker"] == {
        "id": quote.speaker.pk,
        "name": quote.speaker.name,
        "kind": "person",
        "description": "",
        "affiliation": "",
    }
    article = quote.article
    assert item["article"]["id"] == article.pk
    assert item["article"]["title"] == article.title
    assert item["article"]["url"] == article.url
    assert item["article"]["outlet"] == {"id": article.outlet.pk, "name": article.outlet.name}
    assert item["article"]["published_at"].startswith(article.published_at.date().isoformat())
    assert item["highlight"] is None


def test_quotes_come_newest_first_with_undated_ones_last(api_client):
    old = QuoteFactory(article=ArticleFactory(published_at=day("2019-01-01")))
    new = QuoteFactory(article=ArticleFactory(published_at=day("2021-01-01")))
    undated = QuoteFactory(article=ArticleFactory(published_at=None, published_precision=None))
    assert ids(api_client.get("/api/quotes/")) == [new.pk, old.pk, undated.pk]
    assert ids(api_client.get("/api/quotes/?ordering=published_at")) == [
        old.pk,
        new.pk,
        undated.pk,
    ]


@pytest.mark.parametrize("ordering", ["-published_at", "published_at"])
def test_cursor_pages_visit_every_quote_once_in_order(api_client, ordering):
    same_day = ArticleFactory(published_at=day("2020-05-05"))
    quotes = [QuoteFactory(article=same_day, start=1, end=10 + i) for i in range(3)]
    quotes += [QuoteFactory(article=ArticleFactory(published_at=None, published_precision=None))]
    quotes += QuoteFactory.create_batch(4)
    seen = all_pages(api_client, f"/api/quotes/?ordering={ordering}&page_size=2")
    assert sorted(seen) == sorted(q.pk for q in quotes)
    assert seen == ids(api_client.get(f"/api/quotes/?ordering={ordering}&page_size=100"))


def test_page_size_is_capped_and_checked(api_client):
    QuoteFactory.create_batch(3)
    assert len(ids(api_client.get("/api/quotes/?page_size=2"))) == 2
    for bad in ["0", "101", "-1", "abc", "99999999999999999999999"]:
        response = api_client.get(f"/api/quotes/?page_size={bad}")
        assert response.status_code == 400
        assert "page_size" in response.json()


@pytest.mark.parametrize("cursor", ["garbage", "eyJrIjpbMV19", "e30", "%F0%9F%98%80", "bnVsbA"])
def test_a_forged_cursor_is_a_400(api_client, cursor):
    QuoteFactory()
    response = api_client.get(f"/api/quotes/?cursor={cursor}")
    assert response.status_code == 400
    assert response.json() == {"cursor": ["Invalid cursor: use the `next` link of a page."]}


def test_a_cursor_of_another_ordering_is_a_400(api_client):
    QuoteFactory.create_batch(2)
    next_link = api_client.get("/api/quotes/?page_size=1").json()["next"]
    response = api_client.get(next_link + "&ordering=published_at")
    assert response.status_code == 400


def test_list_runs_the_same_number_of_queries_whatever_the_page_size(api_client):
    QuoteFactory.create_batch(12)
    counts = []
    for size in (1, 12):
        with CaptureQueriesContext(connection) as captured:
            assert len(ids(api_client.get(f"/api/quotes/?page_size={size}"))) == size
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    "url",
    [
        "/api/quotes/?q=review",
        "/api/quotes/?q=review&ordering=-published_at",
        "/api/quotes/?speaker_name=kim+min",
        "/api/speakers/",
        "/api/articles/",
        "/api/outlets/",
    ],
)
def test_every_list_runs_a_fixed_number_of_queries(api_client, django_assert_max_num_queries, url):
    QuoteFactory.create_batch(8)
    counts = []
    for size in (1, 8):
        # 12 are the two throttles' reads and writes of the shared cache; a relevance search
        # adds two EXPLAINs (row estimates) and two prefetches to its page query.
        with django_assert_max_num_queries(12 + 5) as captured:
            response = api_client.get(f"{url}{'&' if '?' in url else '?'}page_size={size}")
            assert response.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_filter_by_speaker_outlet_article_and_status(api_client):
    quote = QuoteFactory(status=QuoteStatus.VERIFIED)
    other = QuoteFactory()
    assert ids(api_client.get(f"/api/quotes/?speaker={quote.speaker_id}")) == [quote.pk]
    assert ids(api_client.get(f"/api/quotes/?outlet={quote.article.outlet_id}")) == [quote.pk]
    assert ids(api_client.get(f"/api/quotes/?article={other.article_id}")) == [other.pk]
    assert ids(api_client.get("/api/quotes/?status=verified")) == [quote.pk]


def test_filter_by_speaker_kind(api_client):
    person = QuoteFactory()
    anonymous = QuoteFactory(speaker=AnonymousSpeakerFactory())
    assert ids(api_client.get("/api/quotes/?speaker_kind=anonymous")) == [anonymous.pk]
    assert ids(api_client.get("/api/quotes/?speaker_kind=person")) == [person.pk]
    assert ids(api_client.get("/api/quotes/?speaker_kind=organization")) == []


def test_published_range_is_inclusive_utc_days(api_client):
    before = QuoteFactory(article=ArticleFactory(published_at=day("2021-02-28T23:59:59")))
    first = QuoteFactory(article=ArticleFactory(published_at=day("2021-03-01T00:00:00")))
    last = QuoteFactory(article=ArticleFactory(published_at=day("2021-03-31T23:59:59")))
    after = QuoteFactory(article=ArticleFactory(published_at=day("2021-04-01T00:00:00")))
    url = "/api/quotes/?published_after=2021-03-01&published_before=2021-03-31"
    assert ids(api_client.get(url)) == [last.pk, first.pk]
    assert before.pk in ids(api_client.get("/api/quotes/?published_before=2021-02-28"))
    assert after.pk in ids(api_client.get("/api/quotes/?published_after=2021-04-01"))
    assert len(ids(api_client.get("/api/quotes/?published_before=9999-12-31"))) == 4
    assert len(ids(api_client.get("/api/quotes/?published_after=0001-01-01"))) == 4


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("published_after=2021-02-30", "published_after"),
        ("published_before=yesterday", "published_before"),
        ("published_after=2021-05-01&published_before=2021-04-01", "published_before"),
        ("speaker=999999", "speaker"),
        ("speaker=abc", "speaker"),
        ("speaker=99999999999999999999999", "speaker"),
        ("outlet=-1", "outlet"),
        ("article=1.5", "article"),
        ("status=approved", "status"),
        ("speaker_kind=robot", "speaker_kind"),
        ("ordering=rank", "ordering"),
        ("q=" + "x" * 501, "q"),
    ],
)
def test_bad_filters_are_a_400_naming_the_parameter(api_client, query, field):
    response = api_client.get(f"/api/quotes/?{query}")
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize(
    "typed",
    ["Wi Seong-rak", "wi seong rak", "WI SEONGRAK", "Wí  Seong-Rak", "wi-seong-rak", "Envoy Wi"],
)
def test_speaker_name_ignores_case_accents_hyphens_spacing_and_finds_aliases(api_client, typed):
    speaker = named_speaker("Wi Seong-rak", aliases=("Envoy Wi",))
    quote = QuoteFactory(speaker=speaker)
    QuoteFactory(speaker=named_speaker("Wi Sung-lac"))
    assert ids(api_client.get("/api/quotes/", {"speaker_name": typed})) == [quote.pk]


def test_speaker_name_drops_middle_initials(api_client):
    quote = QuoteFactory(speaker=named_speaker("Harry J. Kazianis"))
    assert ids(api_client.get("/api/quotes/?speaker_name=harry+kazianis")) == [quote.pk]


def test_unknown_speaker_name_finds_nothing(api_client):
    QuoteFactory()
    assert ids(api_client.get("/api/quotes/?speaker_name=nobody+at+all")) == []
    assert ids(api_client.get("/api/quotes/?speaker_name=---")) == []


def test_filters_combine(api_client):
    outlet = OutletFactory()
    speaker = SpeakerFactory(kind=SpeakerKind.ORGANIZATION)
    match = QuoteFactory(speaker=speaker, article=ArticleFactory(outlet=outlet))
    QuoteFactory(speaker=speaker)
    QuoteFactory(article=ArticleFactory(outlet=outlet))
    url = f"/api/quotes/?speaker={speaker.pk}&outlet={outlet.pk}&speaker_kind=organization"
    assert ids(api_client.get(url)) == [match.pk]


def test_empty_filter_values_are_ignored(api_client):
    quote = QuoteFactory()
    assert ids(api_client.get("/api/quotes/?q=&speaker_name=&status=&ordering=")) == [quote.pk]


def test_unattributed_quote_has_null_speaker(api_client):
    quote_saying("Nobody claims this", speaker=None)
    (item,) = api_client.get("/api/quotes/").json()["results"]
    assert item["speaker"] is None
