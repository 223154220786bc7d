import csv
import io
import json

import pytest

from quotes import selectors
from tests.api.conftest import quote_saying
from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db


def streamed(response) -> str:
    assert response.status_code == 200, response.content
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_csv_export_has_a_header_and_every_quote(api_client):
    quotes = QuoteFactory.create_batch(3)
    response = api_client.get("/api/quotes/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="quotes.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    assert sorted(int(r["id"]) for r in rows) == sorted(q.pk for q in quotes)
    first = rows[0]
    assert {"text", "speaker_name", "article_url", "published_at", "status"} <= set(first)


def test_jsonl_export_is_one_object_a_line(api_client):
    quote = quote_saying("Strategic patience, “again”, and a comma, here")
    response = api_client.get("/api/quotes/export.jsonl")
    assert response["Content-Type"].startswith("application/x-ndjson")
    (line,) = streamed(response).splitlines()
    record = json.loads(line)
    assert record["id"] == quote.pk
    assert record["text"] == "Strategic patience, “again”, and a comma, here"


def test_export_takes_the_list_filters(api_client):
    match = quote_saying("Sanctions will stay", status="verified")
    quote_saying("Sanctions will go")
    quote_saying("Nothing to see", status="verified")
    text = streamed(api_client.get("/api/quotes/export.jsonl?q=sanctions&status=verified"))
    assert [json.loads(line)["id"] for line in text.splitlines()] == [match.pk]


def test_export_pages_through_batches(api_client, monkeypatch):
    monkeypatch.setattr(selectors, "EXPORT_BATCH", 2)
    quotes = QuoteFactory.create_batch(5)
    text = streamed(api_client.get("/api/quotes/export.jsonl"))
    exported = [json.loads(line)["id"] for line in text.splitlines()]
    assert sorted(exported) == sorted(q.pk for q in quotes)
    assert len(exported) == len(set(exported))


def test_export_with_bad_filters_is_a_json_400_whatever_the_accept_header(api_client):
    url = "/api/quotes/export.csv?published_after=2021-13-01"
    response = api_client.get(url, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert "published_after" in response.json()


def test_export_ignores_page_size_and_cursor(api_client):
    QuoteFactory.create_batch(3)
    text = streamed(api_client.get("/api/quotes/export.jsonl?page_size=1"))
    assert len(text.splitlines()) == 3


def test_csv_export_keeps_spreadsheets_from_running_quotes_as_formulas(api_client):
    quote_saying("=HYPERLINK(evil) is what they typed")
    rows = list(csv.DictReader(io.StringIO(streamed(api_client.get("/api/quotes/export.csv")))))
    assert rows[0]["text"] == "'=HYPERLINK(evil) is what they typed"
