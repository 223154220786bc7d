"""Fact-checkers type parts of names, in either order, and outlets by name or domain."""

import pytest

from sources.models import Outlet
from tests.api.conftest import named_speaker, quote_saying
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def speaker_names(api_client, query):
    response = api_client.get("/api/quotes/", {"speaker_name": query})
    assert response.status_code == 200, response.json()
    return {quote["speaker"]["name"] for quote in response.json()["results"]}


@pytest.fixture
def speakers():
    baek = named_speaker("Baek Ha-jun")
    wi = named_speaker("Wi Seong-rak")
    other = named_speaker("Harry J. Kazianis")
    for speaker, words in [(baek, "peace first"), (wi, "talks go on"), (other, "no deal")]:
        quote_saying(f"We say {words}", speaker=speaker)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Baek", {"Baek Ha-jun"}),
        ("President Baek", {"Baek Ha-jun"}),
        ("Seong-rak Wi", {"Wi Seong-rak"}),
        ("wi seong rak", {"Wi Seong-rak"}),
        ("wi", {"Wi Seong-rak"}),
        ("Kazianis Harry", {"Harry J. Kazianis"}),
        ("Baek Wi", set()),
        ("Ha", {"Baek Ha-jun"}),
        ("Baekdu", set()),
    ],
)
def test_speaker_name_finds_parts_in_either_order(api_client, speakers, query, expected):
    assert speaker_names(api_client, query) == expected


def test_the_speaker_list_searches_the_same_way(api_client, speakers):
    response = api_client.get("/api/speakers/", {"name": "Seong-rak Wi"})
    assert [s["name"] for s in response.json()["results"]] == ["Wi Seong-rak"]


@pytest.mark.parametrize("given", ["The Hankyoreh", "hankyoreh", "hani.co.kr", "www.hani.co.kr"])
def test_the_outlet_filter_takes_a_name_alias_or_domain(api_client, given):
    hani, _ = Outlet.objects.update_or_create(
        name="The Hankyoreh", defaults={"aliases": ["Hankyoreh"], "domains": ["hani.co.kr"]}
    )
    ours = ArticleFactory(outlet=hani)
    ArticleFactory(outlet=OutletFactory(name="Elsewhere"))
    for url in ("/api/articles/", "/api/quotes/"):
        response = api_client.get(url, {"outlet": given})
        assert response.status_code == 200, response.json()
    ids = [a["id"] for a in api_client.get("/api/articles/", {"outlet": given}).json()["results"]]
    assert ids == [ours.id]
    by_id = api_client.get("/api/articles/", {"outlet": str(hani.id)}).json()["results"]
    assert [a["id"] for a in by_id] == [ours.id]


@pytest.mark.parametrize(
    "given", ["Daily Planet", "planet.example", "99999999", "9" * 30, "100%,", "%s %(x)s"]
)
@pytest.mark.parametrize("url", ["/api/articles/", "/api/quotes/", "/api/claims/"])
def test_an_unknown_outlet_is_a_400_that_says_so(api_client, given, url):
    response = api_client.get(url, {"outlet": given})
    assert response.status_code == 400
    assert "No outlet" in response.json()["outlet"][0]
    assert repr(given) in response.json()["outlet"][0]  # named as typed, `%` and all
