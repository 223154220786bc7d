import itertools

import pytest
from knox.models import AuthToken
from rest_framework.test import APIClient

from access.services import newsroom_group_get
from quotes.extraction import speaker_key
from tests.factories import SpeakerFactory


def newsroom_token(user) -> str:
    """A token of `user`, who may store and replace articles (the newsroom group)."""
    user.groups.add(newsroom_group_get())
    _, token = AuthToken.objects.create(user=user)
    return token


@pytest.fixture
def token_client(api_client, user) -> APIClient:
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {newsroom_token(user)}")
    return api_client


def named_speaker(name: str, *, aliases: tuple[str, ...] = (), **fields):
    """A speaker whose keys are the engine's, as ingestion stores them."""
    keys = [speaker_key(n) for n in (name, *aliases)]
    return SpeakerFactory(name=name, key=keys[0], aliases=list(aliases), search_keys=keys, **fields)


_bodies = itertools.count()


def quote_saying(text: str, *, article=None, **fields):
    """A quote whose article body really contains `text` (offsets slice back)."""
    from tests.factories import ArticleFactory, QuoteFactory

    if article is None:
        article = ArticleFactory(body=f"“{text}” he said. ({next(_bodies)})")
    start = article.body.index(text)
    mention_start = article.body.index("he said", start + len(text))
    return QuoteFactory(
        article=article,
        start=start,
        end=start + len(text),
        mention="he",
        mention_start=mention_start,
        mention_end=mention_start + 2,
        **fields,
    )


def claim_saying(text: str, *, article=None, mention: str = "Kim", **fields):
    """A claim in reported speech whose article body really contains `text`."""
    from tests.factories import ArticleFactory, ClaimFactory

    if article is None:
        article = ArticleFactory(body=f"{mention} said {text}. ({next(_bodies)})")
    start = article.body.index(text)
    mention_start = article.body.rindex(mention, 0, start)
    return ClaimFactory(
        article=article,
        start=start,
        end=start + len(text),
        first_sentence=0,
        last_sentence=0,
        mention=mention,
        mention_start=mention_start,
        mention_end=mention_start + len(mention),
        **fields,
    )
