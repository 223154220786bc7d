"""The throttle admits the limit and no more, however many clients ask at once, and trusts no
forwarded header unless a proxy is configured; bad tokens are throttled by address."""

import threading
import urllib.error
import urllib.request

import pytest
from rest_framework.throttling import SimpleRateThrottle

from access.counters import count_hit


def get_status(url: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def sixteen_clients(url: str, requests_each: int, *, forged: bool = False) -> list[int]:
    statuses: list[int] = []
    barrier = threading.Barrier(16)

    def client(number: int) -> None:
        headers = {"X-Forwarded-For": f"10.0.{number}.1"} if forged else {}
        barrier.wait()
        statuses.extend(get_status(url, headers) for _ in range(requests_each))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.django_db(transaction=True)
def test_sixteen_concurrent_clients_get_exactly_the_limit_through(live_server, monkeypatch):
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "40/minute")
    statuses = sixteen_clients(f"{live_server.url}/api/outlets/", 6, forged=True)
    assert len(statuses) == 96
    assert statuses.count(200) == 40
    assert statuses.count(429) == 56


@pytest.mark.django_db
def test_a_window_counts_every_hit_then_starts_again(monkeypatch):
    first = count_hit(key="anon_test", duration=60)
    second = count_hit(key="anon_test", duration=60)
    assert (first.hits, second.hits) == (1, 2)
    assert second.started_at == first.started_at
    assert count_hit(key="anon_test", duration=0).hits == 1  # the window ran out


@pytest.mark.django_db
def test_a_throttled_answer_says_when_to_come_back(api_client, monkeypatch):
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "1/minute")
    api_client.get("/api/outlets/")
    response = api_client.get("/api/outlets/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60


@pytest.mark.django_db
def test_invalid_tokens_are_throttled_by_address(api_client, monkeypatch):
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "anon", "3/minute")
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    codes = [api_client.get("/api/outlets/").status_code for _ in range(5)]
    assert codes == [401, 401, 401, 429, 429]


@pytest.mark.django_db
def test_forwarded_proto_from_a_client_is_not_trusted_by_default(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/api/outlets/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
