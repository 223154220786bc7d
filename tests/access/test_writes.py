"""Only accounts allowed to may write; article changes keep who made them; tokens are hashed."""

import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection
from knox.models import AuthToken
from rest_framework.authtoken.models import Token

from access.services import newsroom_group_get
from sources.models import Article
from tests.api.conftest import newsroom_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STORY = {"text": "Story\n\n“We are ready,” said Kim Min-su.", "url": "https://news.example/a"}
NEW_TEXT = {**STORY, "text": "Story\n\n“We are not ready at all,” said Kim Min-su."}


def authorised(api_client, token):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api_client


def test_a_token_without_permission_cannot_store_articles(api_client):
    _, token = AuthToken.objects.create(user=UserFactory())
    response = authorised(api_client, token).post("/api/articles/", STORY, format="json")
    assert response.status_code == 403
    assert "newsroom" in response.json()["detail"]
    assert not Article.objects.exists()


def test_a_token_without_permission_can_still_read_and_extract(api_client):
    _, token = AuthToken.objects.create(user=UserFactory())
    client = authorised(api_client, token)
    assert client.get("/api/articles/").status_code == 200
    assert client.post("/api/extract/", {"text": STORY["text"]}, format="json").status_code == 200


def test_replacing_an_article_needs_the_change_permission(api_client):
    writer = UserFactory()
    client = authorised(api_client, newsroom_token(writer))
    assert client.post("/api/articles/", STORY, format="json").status_code == 201
    adder = UserFactory()
    adder.user_permissions.add(*newsroom_group_get().permissions.filter(codename="add_article"))
    only_adds = authorised(api_client, AuthToken.objects.create(user=adder)[1])
    response = only_adds.post("/api/articles/", NEW_TEXT, format="json")
    assert response.status_code == 403
    assert "change_article" in response.json()["detail"]
    assert "not ready" not in Article.objects.get().body


def test_article_changes_are_recorded_with_who_made_them(api_client):
    writer = UserFactory(username="desk-tool")
    client = authorised(api_client, newsroom_token(writer))
    client.post("/api/articles/", STORY, format="json")
    client.post("/api/articles/", NEW_TEXT, format="json")
    history = Article.objects.get().history.order_by("history_date")
    assert [h.history_type for h in history] == ["+", "~"]
    assert {h.history_user for h in history} == {writer}
    assert history[0].content_hash != history[1].content_hash


def test_tokens_are_stored_hashed_and_expire(api_client):
    user = UserFactory()
    instance, token = AuthToken.objects.create(user=user)
    assert token not in {instance.digest, instance.token_key}
    assert instance.expiry is not None
    AuthToken.objects.filter(pk=instance.pk).update(expiry=instance.created)
    response = authorised(api_client, token).get("/api/outlets/")
    assert response.status_code == 401


def test_a_bearer_header_is_told_to_use_token(api_client):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer abc")
    response = api_client.get("/api/outlets/")
    assert response.status_code == 401
    assert "Authorization: Token" in response.json()["detail"]


def test_old_plaintext_tokens_keep_working_once_hashed(api_client):
    user = UserFactory()
    newsroom_token(user)  # the group
    old = Token.objects.create(user=user)
    migration = importlib.import_module("access.migrations.0002_hashed_tokens_and_newsroom_group")
    migration.tokens_to_knox(django_apps, connection.schema_editor())
    assert not Token.objects.exists()
    assert not AuthToken.objects.filter(digest=old.key).exists()
    response = authorised(api_client, old.key).post("/api/articles/", STORY, format="json")
    assert response.status_code == 201


def test_token_create_prints_a_token_that_works(api_client):
    UserFactory(username="wire-desk")
    out, err = io.StringIO(), io.StringIO()
    call_command("token_create", "wire-desk", "--newsroom", "--days", "30", stdout=out, stderr=err)
    token = out.getvalue().strip()
    assert "expires" in err.getvalue()
    response = authorised(api_client, token).post("/api/articles/", STORY, format="json")
    assert response.status_code == 201
