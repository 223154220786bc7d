"""GET /health/: what docker-compose's health check of the web service asks."""

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["quotes.news.example"]
    settings.SECURE_SSL_REDIRECT = True


def test_health_answers_ok_to_the_container_itself_in_plain_http(client, production):
    answer = client.get("/health/", HTTP_HOST="127.0.0.1:8000")
    assert answer.status_code == 200
    assert answer.content == b"ok\n"
    assert answer["Cache-Control"] == "no-store"


def test_other_pages_still_refuse_an_unknown_host_and_plain_http(client, production):
    assert client.get("/api/", HTTP_HOST="127.0.0.1:8000").status_code == 400
    answer = client.get("/api/", HTTP_HOST="quotes.news.example")
    assert answer.status_code == 301
    assert answer["Location"].startswith("https://")


def test_health_is_503_when_the_database_is_unreachable(client, production, monkeypatch):
    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    answer = client.get("/health/", HTTP_HOST="127.0.0.1:8000")
    assert answer.status_code == 503
    assert b"database" in answer.content
