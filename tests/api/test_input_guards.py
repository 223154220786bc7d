"""Input PostgreSQL or the parser would choke on is a 4xx naming the field, never a 500."""

import json

import pytest
from rest_framework.exceptions import ParseError, ValidationError

from config.api.guards import MAX_JSON_DEPTH, check_json_value

LIST_URLS = ["/api/quotes/", "/api/speakers/", "/api/articles/", "/api/outlets/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", [*LIST_URLS, "/api/quotes/export.csv", "/api/quotes/1/"])
@pytest.mark.parametrize("query", ["q=a%00b", "speaker_name=%00", "cursor=%00", "x%00y=1"])
def test_nul_in_a_query_string_is_a_400(api_client, url, query):
    response = api_client.get(f"{url}?{query}")
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "NUL" in json.dumps(response.json())


@pytest.mark.django_db
@pytest.mark.parametrize("url", LIST_URLS)
def test_absurdly_long_query_values_are_a_400(api_client, url):
    response = api_client.get(url, {"q": "word " * 1000})
    assert response.status_code == 400
    assert "q" in response.json()


@pytest.mark.django_db
def test_invalid_utf8_in_a_query_string_is_not_a_500(api_client):
    assert api_client.get("/api/quotes/?q=%ED%A0%80%FF").status_code == 200


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "a\x00b"}, "text"),
        ({"authors": ["ok", "bad\x00"]}, "authors[1]"),
        ({"meta": {"deep": {"er": "\ud800"}}}, "meta.deep.er"),
        ({"k\x00": 1}, "k\x00"),
        ("\x00", "non_field_errors"),
    ],
)
def test_unstorable_text_anywhere_in_json_names_its_path(data, field):
    with pytest.raises(ValidationError) as raised:
        check_json_value(data)
    assert field in raised.value.detail


def test_json_deeper_than_the_limit_is_refused():
    nested = "leaf"
    for _ in range(MAX_JSON_DEPTH):
        nested = [nested]
    check_json_value(nested)
    with pytest.raises(ParseError):
        check_json_value([nested])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/api/quotes/", "speaker_nam=Moon"),
        ("/api/quotes/", "q=talks&limit=5"),
        ("/api/speakers/", "outlet=1"),
        ("/api/articles/", "page=2"),
        ("/api/outlets/", "name=Reuters"),
        ("/api/quotes/export.csv", "fields=text"),
        ("/api/quotes/1/", "expand=speaker"),
    ],
)
def test_unknown_query_parameters_are_a_400_naming_them(api_client, url, query):
    response = api_client.get(f"{url}?{query}")
    assert response.status_code == 400
    body = response.json()
    unknown = {pair.split("=")[0] for pair in query.split("&")} - {"q"}
    assert set(body) == unknown
    assert "Unknown query parameter" in body[unknown.pop()][0]


@pytest.mark.django_db
def test_every_documented_parameter_is_still_accepted(api_client):
    query = (
        "q=talks&speaker_name=Kim&speaker_kind=person&status=extracted&published_after=2020-01-01"
        "&published_before=2021-01-01&ordering=-published_at&page_size=5&cursor=&format=json"
    )
    assert api_client.get(f"/api/quotes/?{query}").status_code == 200
