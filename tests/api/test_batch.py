"""POST /api/articles/batch/ and GET /api/jobs/{id}/ without a broker (the job runs in place)."""

import json

import pytest
from knox.models import AuthToken
from rest_framework.test import APIClient

from access.services import newsroom_group_get
from jobs.models import Job
from quotes.models import Quote
from sources.models import Article
from tests.api.conftest import newsroom_token
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/api/articles/batch/"


def article(n: int, **extra) -> dict:
    text = f"Story {n}\n\n“We are ready, round {n},” said Kim Min-{n}, a negotiator."
    return {"text": text, "url": f"https://news.example/{n}", **extra}


def jsonl(items) -> str:
    return "\n".join(item if isinstance(item, str) else json.dumps(item) for item in items)


def test_a_batch_is_answered_202_with_a_finished_job(token_client):
    answer = token_client.post(URL, [article(n) for n in range(3)], format="json")
    assert answer.status_code == 202
    job = answer.json()
    assert answer["Location"] == job["url"]
    assert (job["state"], job["total"], job["done"]) == ("done", 3, 3)
    assert job["counts"] == {"new": 3, "duplicate": 0, "updated": 0, "failed": 0}
    assert [r["result"] for r in job["results"]] == ["new"] * 3
    assert Article.objects.count() == 3
    assert Quote.objects.count() == 3


def test_the_same_batch_again_is_all_duplicates(token_client):
    token_client.post(URL, [article(n) for n in range(3)], format="json")
    job = token_client.post(URL, [article(n) for n in range(3)], format="json").json()
    assert job["counts"]["duplicate"] == 3
    assert Article.objects.count() == 3


def test_json_lines_are_accepted(token_client):
    body = jsonl([article(1), "", article(2)])
    answer = token_client.post(URL, body, content_type="application/x-ndjson")
    assert answer.status_code == 202
    assert answer.json()["counts"]["new"] == 2
    answer = token_client.post(URL, jsonl([article(3)]), content_type="application/jsonl")
    assert answer.status_code == 202


def test_bad_items_are_named_and_not_stored_while_good_ones_are(token_client):
    items = [article(1), {"text": 12}, article(2, published_at="2021-02-30"), "x", article(3)]
    answer = token_client.post(URL, items, format="json")
    assert answer.status_code == 400
    body = answer.json()
    assert body["detail"].startswith("3 of 5 articles are invalid")
    assert set(body["errors"]) == {"1", "2", "3"}
    assert "text" in body["errors"]["1"]
    assert "published_at" in body["errors"]["2"]
    assert body["job"]["counts"]["new"] == 2
    assert [r["source"] for r in body["job"]["results"]] == ["0", "4"]
    assert sorted(Article.objects.values_list("url", flat=True)) == [
        "https://news.example/1",
        "https://news.example/3",
    ]


def test_a_bad_json_line_fails_alone(token_client):
    answer = token_client.post(
        URL, jsonl([article(1), "{broken", article(2)]), content_type="application/x-ndjson"
    )
    assert answer.status_code == 400
    assert set(answer.json()["errors"]) == {"1"}
    assert Article.objects.count() == 2


def test_only_bad_items_make_no_job(token_client):
    answer = token_client.post(URL, [{"url": "https://x.example/"}], format="json")
    assert answer.status_code == 400
    assert answer.json()["job"] is None
    assert not Job.objects.exists()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"text": "one article, not a list"}, "Send a JSON array"),
        ([], "empty"),
        ([article(1)] * 1001, "At most 1000 articles"),
    ],
)
def test_a_bad_batch_is_refused_whole(token_client, body, message):
    answer = token_client.post(URL, body, format="json")
    assert answer.status_code == 400
    assert message in answer.json()["detail"]
    assert not Job.objects.exists()
    assert not Article.objects.exists()


def test_a_body_over_the_limit_is_413(token_client, settings):
    settings.MAX_BATCH_BYTES = 1000
    answer = token_client.post(URL, [article(n, title="x" * 400) for n in range(3)], format="json")
    assert answer.status_code == 413
    assert not Article.objects.exists()


def test_nul_characters_are_a_400_naming_the_item(token_client):
    answer = token_client.post(URL, [article(1, title="a\x00b")], format="json")
    assert answer.status_code == 400
    assert not Article.objects.exists()


def test_writes_need_a_token(api_client):
    answer = api_client.post(URL, [article(1)], format="json")
    assert answer.status_code == 401
    assert not Article.objects.exists()


def test_a_job_is_shown_to_its_creator_and_staff_only(token_client):
    job_url = token_client.post(URL, [article(1)], format="json")["Location"]
    assert token_client.get(job_url).status_code == 200
    stranger = APIClient()
    stranger.credentials(HTTP_AUTHORIZATION=f"Token {newsroom_token(UserFactory())}")
    assert stranger.get(job_url).status_code == 404
    staff = APIClient()
    staff.force_authenticate(StaffFactory())
    assert staff.get(job_url).json()["counts"]["new"] == 1
    assert APIClient().get(job_url).status_code == 401


def test_an_unknown_job_is_404(token_client):
    answer = token_client.get("/api/jobs/00000000-0000-0000-0000-000000000000/")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "No job with this id."}


def test_the_endpoints_are_in_the_schema(api_client):
    schema = api_client.get("/api/schema/?format=json").json()
    batch = schema["paths"]["/api/articles/batch/"]["post"]
    assert set(batch["requestBody"]["content"]) == {
        "application/json",
        "application/x-ndjson",
        "application/jsonl",
    }
    assert "202" in batch["responses"]
    assert "200" in schema["paths"]["/api/jobs/{job_id}/"]["get"]["responses"]


def test_a_token_without_the_ingest_permission_stores_nothing():
    client = APIClient()
    _, key = AuthToken.objects.create(user=UserFactory())  # not in the newsroom group
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    answer = client.post(URL, [article(1)], format="json")
    assert answer.status_code == 403
    assert "newsroom" in answer.json()["detail"]
    assert not Article.objects.exists()
    assert not Job.objects.exists()


def adder_client(api_client):
    """A client whose account may add articles but not change them."""
    adder = UserFactory()
    adder.user_permissions.add(*newsroom_group_get().permissions.filter(codename="add_article"))
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {AuthToken.objects.create(user=adder)[1]}")
    return api_client


def test_a_batch_replaces_a_stored_text_only_with_the_change_permission(token_client):
    token_client.post(URL, [article(1)], format="json")
    corrected = article(1, text="Story 1\n\n“We are not ready,” said Kim Min-1, a negotiator.")
    refused = adder_client(APIClient()).post(URL, [corrected, article(2)], format="json")
    assert refused.status_code == 202
    job = refused.json()
    assert job["counts"] == {"new": 1, "duplicate": 0, "updated": 0, "failed": 1}
    assert "sources.change_article" in job["results"][0]["reason"]
    assert "not ready" not in Article.objects.get(url="https://news.example/1").body
    assert Job.objects.get(pk=job["id"]).may_replace is False
    allowed = token_client.post(URL, [corrected], format="json").json()
    assert allowed["counts"]["updated"] == 1
    assert "not ready" in Article.objects.get(url="https://news.example/1").body
