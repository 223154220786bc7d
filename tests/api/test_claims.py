"""Claims in reported speech in the API: never in /api/quotes/, served at /api/claims/ and,
with quotes, at /api/statements/, with the quote list's filters, search, paging and exports."""

import csv
import io
import json

import pytest

from quotes.models import QuoteStatus
from tests.api.conftest import claim_saying, named_speaker, quote_saying
from tests.api.test_export import streamed
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    OutletFactory,
    QuoteFactory,
    SentenceFactory,
)

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def exported_ids(response) -> list[int]:
    return [json.loads(line)["id"] for line in streamed(response).splitlines()]


@pytest.fixture
def quote_and_claim():
    """A quote and a claim of one speaker, both matching the search `sanctions`."""
    speaker = named_speaker("Wi Seong-rak")
    article = ArticleFactory(
        body="“Sanctions will stay,” he said.\n\nWi said sanctions would be lifted next year."
    )
    quote = quote_saying("Sanctions will stay", article=article, speaker=speaker)
    claim = claim_saying(
        "sanctions would be lifted next year", article=article, speaker=speaker, mention="Wi"
    )
    return quote, claim


def test_quotes_list_detail_exports_and_counts_never_show_a_claim(api_client, quote_and_claim):
    quote, claim = quote_and_claim
    for url in (
        "/api/quotes/",
        "/api/quotes/?q=sanctions",
        "/api/quotes/?q=sanctions&ordering=-published_at",
        f"/api/quotes/?article={claim.article_id}&speaker={claim.speaker_id}",
    ):
        assert ids(api_client.get(url)) == [quote.pk], url
    # `kind` is no filter of the quotes list: refused, not silently widened to claims
    refused = api_client.get("/api/quotes/?kind=indirect")
    assert refused.status_code == 400
    assert "kind" in refused.json()
    assert api_client.get(f"/api/quotes/{claim.pk}/").status_code == 404
    assert exported_ids(api_client.get("/api/quotes/export.jsonl?q=sanctions")) == [quote.pk]
    rows = list(csv.DictReader(io.StringIO(streamed(api_client.get("/api/quotes/export.csv")))))
    assert [int(row["id"]) for row in rows] == [quote.pk]
    assert "kind" not in rows[0]  # the quotes export keeps its columns
    speaker = api_client.get(f"/api/speakers/{claim.speaker_id}/").json()
    assert (speaker["quote_count"], speaker["claim_count"]) == (1, 1)
    assert speaker["outlets"][0]["quote_count"] == 1
    article = api_client.get(f"/api/articles/{claim.article_id}/").json()
    assert [q["id"] for q in article["quotes"]] == [quote.pk]
    assert [c["id"] for c in article["claims"]] == [claim.pk]
    assert article["claims"][0]["kind"] == "indirect"


def test_claims_list_serves_claims_with_the_quotes_inside_them(api_client):
    article = ArticleFactory(body="Kim said the deal was “dead on arrival” and would fail.")
    start = article.body.index("dead on arrival")
    fragment = QuoteFactory(
        article=article,
        start=start,
        end=start + len("dead on arrival"),
        kind="partial",
        mention_start=None,
        mention_end=None,
    )
    claim = claim_saying("the deal was “dead on arrival” and would fail", article=article)
    SentenceFactory(article=article, index=0, start=0, end=len(article.body))
    QuoteFactory()  # another article's quote: not in the claim
    body = api_client.get("/api/claims/").json()
    (item,) = body["results"]
    assert item["id"] == claim.pk
    assert item["kind"] == "indirect"
    assert item["text"] == article.body[item["start"] : item["end"]]
    assert item["speaker"]["name"] == claim.speaker.name
    assert item["quoted_fragments"] == [
        {
            "id": fragment.pk,
            "text": "dead on arrival",
            "start": fragment.start,
            "end": fragment.end,
            "kind": "partial",
            "status": "extracted",
        }
    ]
    detail = api_client.get(f"/api/claims/{claim.pk}/").json()
    assert detail["quoted_fragments"][0]["id"] == fragment.pk
    assert detail["context"][0]["text"].startswith("Kim said the deal")
    assert detail["mention"] == "Kim"
    assert api_client.get(f"/api/claims/{fragment.pk}/").status_code == 404


def test_claims_take_the_quote_filters_and_search(api_client):
    herald = OutletFactory(name="Herald")
    baek = named_speaker("Baek Ha-jun")
    match = claim_saying(
        "the summit will restart diplomacy",
        speaker=baek,
        status=QuoteStatus.VERIFIED,
        article=ArticleFactory(outlet=herald, body="Baek said the summit will restart diplomacy."),
        mention="Baek",
    )
    claim_saying("the summit will restart diplomacy soon", speaker=baek)  # other outlet
    claim_saying("talks will restart", status=QuoteStatus.VERIFIED)  # other speaker
    quote_saying("The summit will restart diplomacy", speaker=baek, status="verified")
    url = f"/api/claims/?q=summit&speaker_name=baek+ha+jun&status=verified&outlet={herald.pk}"
    response = api_client.get(url)
    assert ids(response) == [match.pk]
    assert "<mark>summit</mark>" in response.json()["results"][0]["highlight"]
    assert ids(api_client.get("/api/claims/?q=summit&ordering=-published_at")) != []


def test_claims_pages_visit_every_claim_once(api_client, django_assert_max_num_queries):
    claims = ClaimFactory.create_batch(5)
    QuoteFactory.create_batch(3)
    seen: list[int] = []
    url = "/api/claims/?page_size=2"
    while url:
        # The throttles' cache reads and writes, the page, and one query for the fragments.
        with django_assert_max_num_queries(12 + 2):
            response = api_client.get(url)
        seen += ids(response)
        url = response.json()["next"]
    assert sorted(seen) == sorted(c.pk for c in claims)
    assert len(seen) == len(set(seen))


def test_claim_exports_take_the_filters_and_say_the_kind(api_client, quote_and_claim):
    _, claim = quote_and_claim
    ClaimFactory(status=QuoteStatus.REJECTED)
    response = api_client.get("/api/claims/export.csv?status=extracted")
    assert 'filename="claims.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    assert [(int(r["id"]), r["kind"]) for r in rows] == [(claim.pk, "indirect")]
    assert rows[0]["speaker_name"] == "Wi Seong-rak"
    assert exported_ids(api_client.get("/api/claims/export.jsonl?q=sanctions")) == [claim.pk]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("", {"quote", "claim"}), ("quote", {"quote"}), ("claim", {"claim"}), ("indirect", {"claim"})],
)
def test_statements_list_and_exports_filter_by_kind(api_client, quote_and_claim, kind, expected):
    quote, claim = quote_and_claim
    wanted = sorted({"quote": quote.pk, "claim": claim.pk}[name] for name in expected)
    assert sorted(ids(api_client.get(f"/api/statements/?kind={kind}"))) == wanted
    url = f"/api/statements/export.jsonl?kind={kind}&q=sanctions"
    assert sorted(exported_ids(api_client.get(url))) == wanted


def test_statements_list_marks_each_kind(api_client, quote_and_claim):
    quote, claim = quote_and_claim
    items = {i["id"]: i for i in api_client.get("/api/statements/").json()["results"]}
    assert (items[quote.pk]["kind"], items[claim.pk]["kind"]) == ("full", "indirect")
    assert items[quote.pk]["quoted_fragments"] == []
    assert api_client.get(f"/api/statements/{quote.pk}/").json()["kind"] == "full"
    assert api_client.get(f"/api/statements/{claim.pk}/").json()["kind"] == "indirect"


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/statements/?kind=claims", "kind"),
        ("/api/statements/?kind=INDIRECT", "kind"),
        ("/api/statements/export.csv?kind=scare", "kind"),
        ("/api/claims/?status=approved", "status"),
        ("/api/claims/?published_after=2021-02-30", "published_after"),
        ("/api/claims/?page_size=0", "page_size"),
        ("/api/claims/?cursor=not-a-cursor", "cursor"),
        ("/api/claims/export.jsonl?speaker=abc", "speaker"),
    ],
)
def test_bad_input_to_claims_and_statements_is_a_400_naming_the_parameter(api_client, url, field):
    ClaimFactory()
    response = api_client.get(url)
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_unknown_claim_ids_are_a_json_404(api_client):
    for url in ("/api/claims/999999/", "/api/statements/999999/"):
        response = api_client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")


def test_the_schema_documents_claims_and_statements(api_client):
    schema = api_client.get("/api/schema/?format=json").json()
    for path in ("/api/claims/", "/api/claims/{id}/", "/api/claims/export.csv"):
        assert path in schema["paths"]
    assert "/api/statements/export.jsonl" in schema["paths"]
    kind = next(
        p for p in schema["paths"]["/api/statements/"]["get"]["parameters"] if p["name"] == "kind"
    )
    assert {"quote", "claim", "indirect"} <= set(kind["schema"]["enum"])
    enums = schema["components"]["schemas"]
    assert "indirect" not in enums["QuoteKindEnum"]["enum"]
    assert "indirect" in enums["StatementKindEnum"]["enum"]
    root = api_client.get("/api/").json()
    assert root["claim-list"].endswith("/api/claims/")


@pytest.mark.parametrize(
    "url",
    [
        "/api/claims/?q=talks",
        "/api/claims/?q=talks&ordering=-published_at",
        "/api/statements/?kind=claim&speaker_kind=person",
        "/api/statements/?q=talks",
    ],
)
def test_claim_lists_run_a_fixed_number_of_queries(api_client, django_assert_max_num_queries, url):
    ClaimFactory.create_batch(6)
    QuoteFactory.create_batch(2)
    counts = []
    for size in (1, 8):
        # As for quotes (tests/api/test_quotes_list.py), plus one query for the fragments.
        with django_assert_max_num_queries(12 + 6) as captured:
            response = api_client.get(f"{url}&page_size={size}")
            assert response.status_code == 200
            assert response.json()["results"]
        counts.append(len(captured))
    assert counts[0] == counts[1]
