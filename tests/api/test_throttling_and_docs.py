import re

import pytest
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(monkeypatch):
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "3/minute")


def test_anonymous_reads_are_throttled(api_client, three_a_minute):
    codes = [api_client.get("/api/outlets/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert "throttled" in api_client.get("/api/outlets/").json()["detail"]


def test_forged_forwarded_for_does_not_walk_past_the_throttle(api_client, three_a_minute):
    codes = [
        api_client.get("/api/outlets/", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code
        for i in range(4)
    ]
    assert codes[-1] == 429


def test_signed_in_clients_are_throttled_by_account_not_by_the_anonymous_rate(
    api_client, user, monkeypatch
):
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "2/minute")
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "user", "3/minute")
    api_client.force_authenticate(user)
    codes = [api_client.get("/api/outlets/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_schema_describes_every_endpoint_and_filter(api_client):
    response = api_client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in [
        "/api/quotes/",
        "/api/quotes/{id}/",
        "/api/quotes/export.csv",
        "/api/quotes/export.jsonl",
        "/api/speakers/",
        "/api/speakers/{id}/",
        "/api/outlets/",
        "/api/articles/",
        "/api/articles/{id}/",
        "/api/extract/",
    ]:
        assert path in paths, path
    quote_params = {p["name"] for p in paths["/api/quotes/"]["get"]["parameters"]}
    assert quote_params >= {
        "q",
        "speaker",
        "speaker_name",
        "speaker_kind",
        "outlet",
        "article",
        "published_after",
        "published_before",
        "status",
        "ordering",
        "cursor",
        "page_size",
    }
    export_params = {p["name"] for p in paths["/api/quotes/export.csv"]["get"]["parameters"]}
    assert export_params >= quote_params - {"cursor", "page_size"}
    assert "post" in paths["/api/articles/"]
    quote = schema["components"]["schemas"]["Quote"]["properties"]
    assert {"id", "text", "speaker", "article", "start", "end", "status"} <= set(quote)


def test_docs_work_offline(api_client):
    response = api_client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    external = [u for u in re.findall(r"""(?:src|href)=["']([^"']+)""", html) if "//" in u]
    assert external == []
    assert "swagger-ui" in html


def test_api_root_links_every_collection(api_client):
    response = api_client.get("/api/")
    assert response.status_code == 200
    links = response.json()
    assert links["quote-list"].endswith("/api/quotes/")
    assert api_client.get(links["speaker-list"]).status_code == 200
