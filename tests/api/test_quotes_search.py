import pytest

from quotes import selectors
from quotes.serializers import highlighted
from tests.api.conftest import quote_saying
from tests.api.test_quotes_list import ids

pytestmark = pytest.mark.django_db


def search(api_client, q: str, **params) -> list[int]:
    return ids(api_client.get("/api/quotes/", {"q": q, **params}))


def test_search_matches_stemmed_words(api_client):
    match = quote_saying("The talks will resume next week")
    quote_saying("Sanctions stay in place")
    assert search(api_client, "talk") == [match.pk]


def test_search_understands_phrases_or_and_exclusion(api_client):
    patience = quote_saying("Strategic patience has failed")
    reversed_ = quote_saying("Patience is not a strategic choice")
    sanctions = quote_saying("Sanctions will stay")
    assert search(api_client, '"strategic patience"') == [patience.pk]
    assert sorted(search(api_client, "patience OR sanctions")) == sorted(
        [patience.pk, reversed_.pk, sanctions.pk]
    )
    assert search(api_client, "patience -failed") == [reversed_.pk]


@pytest.mark.parametrize(
    "q",
    ["van der graaf", "'", "a & b | !c", "foo:*", '"unclosed', "(((", "-", "OR", "<->", "\\"],
)
def test_search_never_fails_on_odd_input(api_client, q):
    quote_saying("Plain words only")
    assert api_client.get("/api/quotes/", {"q": q}).status_code == 200


def test_stopwords_only_search_finds_nothing(api_client):
    quote_saying("The talks are on")
    assert search(api_client, "the") == []


def test_search_ranks_the_better_match_first(api_client):
    weak = quote_saying("Nuclear talks, maybe, and other things entirely unrelated to this")
    strong = quote_saying("Nuclear nuclear nuclear: the nuclear question")
    assert search(api_client, "nuclear") == [strong.pk, weak.pk]
    body = api_client.get("/api/quotes/?q=nuclear").json()
    assert body["results"][0]["rank"] > body["results"][1]["rank"]


@pytest.mark.parametrize("bitmap", [True, False])
def test_both_plans_for_the_relevance_window_give_the_same_results(api_client, monkeypatch, bitmap):
    quotes = [quote_saying(f"Nuclear talks, round {i}" + " nuclear" * (i % 3)) for i in range(6)]
    quote_saying("Unrelated words")
    monkeypatch.setattr(selectors, "_bitmap_is_cheaper", lambda *args: bitmap)
    found = search(api_client, "nuclear")
    assert sorted(found) == sorted(q.pk for q in quotes)
    assert found[0] in {quotes[2].pk, quotes[5].pk}  # the ones saying it three times


def test_the_relevance_window_keeps_the_most_recent_matches(api_client, monkeypatch):
    monkeypatch.setattr(selectors, "RANK_WINDOW", 2)
    quotes = [quote_saying(f"Alliance news {i}") for i in range(4)]
    newest = sorted(quotes, key=lambda q: (q.article.published_at, q.pk))[-2:]
    assert sorted(search(api_client, "alliance")) == sorted(q.pk for q in newest)


def test_search_by_date_orders_every_match_newest_first(api_client):
    first = quote_saying("Nuclear nuclear nuclear")
    second = quote_saying("Nuclear once")
    second.article.published_at = first.article.published_at.replace(year=2031)
    second.article.save()
    assert search(api_client, "nuclear", ordering="-published_at") == [second.pk, first.pk]
    body = api_client.get("/api/quotes/?q=nuclear&ordering=-published_at").json()
    assert body["results"][0]["rank"] is None


def test_search_results_page_by_cursor(api_client):
    quotes = [quote_saying(f"Alliance matters {i}") for i in range(5)]
    seen, url = [], "/api/quotes/?q=alliance&page_size=2"
    while url:
        response = api_client.get(url)
        seen += ids(response)
        url = response.json()["next"]
    assert sorted(seen) == sorted(q.pk for q in quotes)


def test_highlight_marks_the_matches(api_client):
    quote_saying("We will resume the talks soon")
    (item,) = api_client.get("/api/quotes/?q=talks").json()["results"]
    assert item["highlight"] == "We will resume the <mark>talks</mark> soon"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert('talks')</script> & <b>talks</b>",
        '<img src=x onerror="alert(1)"> talks',
        "talks <a href='javascript:alert(1)'>here</a>",
        "If 1 < 2 then talks > nothing &amp; more",
    ],
)
def test_highlight_escapes_markup_in_the_quote(api_client, text):
    quote_saying(text)
    (item,) = api_client.get("/api/quotes/?q=talks").json()["results"]
    assert "<mark>talks</mark>" in item["highlight"]
    outside_marks = item["highlight"].replace("<mark>", "").replace("</mark>", "")
    assert "<" not in outside_marks
    assert ">" not in outside_marks


def test_highlight_keeps_escaped_comparison_signs(api_client):
    quote_saying("If 1 < 2 then talks")
    (item,) = api_client.get("/api/quotes/?q=talks").json()["results"]
    assert "&lt;" in item["highlight"]


def test_highlight_drops_unbalanced_marker_characters():
    assert highlighted("a \ue000b") == "a b"
    assert highlighted(None) is None


def test_search_combines_with_filters(api_client):
    match = quote_saying("Denuclearization first", status="verified")
    quote_saying("Denuclearization later")
    assert search(api_client, "denuclearization", status="verified") == [match.pk]
