"""Requests a client can send never make a 500, and every API error is JSON, DEBUG or not."""

import json

import pytest
from django.test import override_settings

from tests.api.conftest import named_speaker, quote_saying

pytestmark = pytest.mark.django_db


def test_search_with_a_speaker_name_that_matches_nobody_is_an_empty_page(api_client):
    quote_saying("North winds are coming to the north")
    response = api_client.get("/api/quotes/?q=north&speaker_name=nobody-at-all")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_search_restricted_to_a_speaker_still_ranks(api_client):
    speaker = named_speaker("Ada Lovelace")
    quote_saying("The north is where we go", speaker=speaker)
    response = api_client.get("/api/quotes/?q=north&speaker_name=ada lovelace")
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/api/articles/", "/api/extract/"])
def test_a_lone_surrogate_in_a_json_key_is_a_400(token_client, url):
    body = '{"\\udfff": 1, "text": "He said “yes” to it."}'
    response = token_client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    detail = json.dumps(response.json())
    assert "surrogate" in detail


def test_an_unhandled_error_under_api_is_a_json_500(client):
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.api.test_server_errors_urls", DEBUG=False):
        response = client.get("/api/boom/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_unknown_api_paths_are_json_404s_with_debug_off(client):
    with override_settings(DEBUG=False):
        for url in ("/api/nothing-here/", "/api/quotes/999999/", "/api/nothing"):
            response = client.get(url, follow=True)
            assert response.status_code == 404, url
            assert response["Content-Type"] == "application/json", url


def test_an_unhandled_error_outside_the_api_keeps_django_s_page(client):
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.api.test_server_errors_urls", DEBUG=False):
        response = client.get("/boom/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
