"""Sixteen clients posting overlapping articles at once, over real HTTP."""

import json
import threading
import urllib.error
import urllib.request

import pytest

from quotes.models import Quote
from sources.models import Article
from tests.api.conftest import newsroom_token
from tests.factories import UserFactory


def post_article(url: str, token: str, payload: dict) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Token {token}"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.django_db(transaction=True)
def test_sixteen_clients_posting_overlapping_articles_store_each_once(live_server):
    token = newsroom_token(UserFactory())
    payloads = [
        {
            "text": f"Story {n % 4}\n\n“We are ready, round {n % 4},” said Kim Min-{n % 4}.",
            "url": f"https://news.example/story-{n % 4}",
        }
        for n in range(16)
    ]
    statuses: list[int] = []
    barrier = threading.Barrier(len(payloads))

    def client(payload: dict) -> None:
        barrier.wait()
        statuses.append(post_article(f"{live_server.url}/api/articles/", token, payload))

    threads = [threading.Thread(target=client, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 12 + [201] * 4
    assert Article.objects.count() == 4
    assert Quote.objects.count() == 4
