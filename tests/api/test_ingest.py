"""POST /api/articles/ and POST /api/extract/: token-only writes with guarded JSON input."""

import json

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from sources.models import Article

pytestmark = pytest.mark.django_db

TEXT = (
    "Talks resume\n\nBy Lee Ji-yoon\n\n"
    "“We are in the final stages of that review,” a senior White House official told reporters.\n\n"
    "The talks will be held next week, said Wi Seong-rak, a former envoy. "
    "“I look forward to North Korea responding positively,” Wi said."
)


def post(client, url, data, **extra):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(url, body, content_type="application/json", **extra)


def test_ingest_needs_a_token(api_client):
    response = post(api_client, "/api/articles/", {"text": TEXT})
    assert response.status_code == 401
    assert Article.objects.count() == 0


def test_ingest_stores_a_new_article_with_its_quotes(token_client):
    response = post(
        token_client,
        "/api/articles/",
        {
            "text": TEXT,
            "url": "https://news.example/talks",
            "title": "Talks resume",
            "published_at": "2021-03-11T14:30:00+09:00",
            "authors": ["Lee Ji-yoon"],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["id"] == Article.objects.get().pk
    assert body["url"] == "https://news.example/talks"
    assert body["published_at"] == "2021-03-11T05:30:00Z"
    assert body["quotes"], body
    for quote in body["quotes"]:
        assert body["body"][quote["start"] : quote["end"]] == quote["text"]


def test_the_same_article_twice_is_stored_once(token_client):
    first = post(token_client, "/api/articles/", {"text": TEXT})
    again = post(token_client, "/api/articles/", {"text": TEXT})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": 12}, "text"),
        ({"text": ["a"]}, "text"),
        ({"text": None}, "text"),
        ({"text": TEXT, "title": 5}, "title"),
        ({"text": TEXT, "authors": "Lee"}, "authors"),
        ({"text": TEXT, "authors": [1]}, "authors"),
        ({"text": TEXT, "published_at": "2021-02-30T10:00:00Z"}, "published_at"),
        ({"text": TEXT, "published_at": "yesterday"}, "published_at"),
        ({"text": TEXT, "published_at": 1615440000}, "published_at"),
        ({"text": "a\x00b"}, "text"),
        ({"text": TEXT, "authors": ["Lee\x00"]}, "authors[0]"),
        ({"text": TEXT, "extra": {"nested": ["\x00"]}}, "extra.nested[0]"),
        ({"text": "\ud800 lone surrogate"}, "text"),
        ([TEXT], "non_field_errors"),
        (json.dumps("just a string"), "non_field_errors"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(token_client, data, field):
    response = post(token_client, "/api/articles/", data)
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    "raw",
    [
        '{"text": "a"',
        '{"text": NaN}',
        '{"text": "x", "n": Infinity}',
        b'{"text": "\xff\xfe"}',
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 1000 + "1" + "}" * 1000,
    ],
)
def test_malformed_or_deeply_nested_json_is_a_400(token_client, raw):
    response = post(token_client, "/api/articles/", raw)
    assert response.status_code == 400
    assert "detail" in response.json()
    assert Article.objects.count() == 0


def test_json_escapes_of_nul_and_surrogates_are_refused(token_client):
    for raw in ['{"text": "a\\u0000b"}', '{"text": "\\udc00"}']:
        response = post(token_client, "/api/articles/", raw)
        assert response.status_code == 400
        assert "text" in response.json()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_a_body_over_the_limit_is_a_413(token_client):
    response = post(token_client, "/api/articles/", {"text": "x" * 2000})
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]
    assert Article.objects.count() == 0


def test_only_json_is_accepted(token_client):
    response = token_client.post("/api/articles/", {"text": TEXT})  # multipart form
    assert response.status_code == 415
    response = token_client.post("/api/articles/", TEXT, content_type="text/plain")
    assert response.status_code == 415


def test_extract_returns_quotes_and_stores_nothing(token_client):
    response = post(token_client, "/api/extract/", {"text": TEXT})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["quotes"]
    assert {"text", "start", "end", "speaker", "cue"} <= set(body["quotes"][0])
    assert Article.objects.count() == 0


def test_extract_needs_a_token_and_text(token_client):
    assert post(APIClient(), "/api/extract/", {"text": TEXT}).status_code == 401
    assert "text" in post(token_client, "/api/extract/", {"text": 3}).json()
