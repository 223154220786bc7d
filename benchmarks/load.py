"""Concurrent clients against a running server: how many requests fail, and does the throttle hold.

    make run                                              # or any server, e.g. gunicorn
    .venv/bin/python benchmarks/load.py [--url http://127.0.0.1:8000] [--clients 16 32]
    .venv/bin/python benchmarks/load.py --throttle [--limit 120]

Load (default): for each number of clients, that many threads each send --requests GETs,
a mix of every read endpoint (lists, search, filters, details, unknown ids), as fast as they
can, and the script prints the count of each status, the count of 5xx and of connection
failures. Start the server with a throttle above the load (`THROTTLE_ANON=100000/minute`),
or 429s crowd out what is measured (they are counted apart, never as failures).

Throttle (--throttle): 16 anonymous clients, each with a forged `X-Forwarded-For` of its
own, send --requests each to one endpoint within a minute; the script prints how many got
through against the limit (the anonymous rate the server was started with, --limit).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

READ_PATHS = (
    "/api/quotes/",
    "/api/quotes/?q=president",
    "/api/quotes/?q=north&speaker_name=nobody-at-all",
    "/api/quotes/?ordering=published_at&page_size=50",
    "/api/quotes/?speaker_kind=person",
    "/api/speakers/",
    "/api/speakers/?name=moon",
    "/api/articles/",
    "/api/outlets/",
    "/api/quotes/1/",
    "/api/articles/1/",
    "/api/speakers/1/",
    "/api/quotes/999999999/",
)


def fetch(url: str, headers: dict[str, str]) -> int | str:
    request = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        error.read()
        return int(error.code)
    except (urllib.error.URLError, OSError) as error:  # refused, reset, timed out
        return type(error).__name__


def run_clients(base: str, clients: int, requests: int, *, forged: bool, paths: tuple[str, ...]):
    def client(number: int) -> list[int | str]:
        headers = {"X-Forwarded-For": f"10.9.{number}.1"} if forged else {}
        cycle = itertools.islice(itertools.cycle(paths), number, None)
        return [fetch(base + path, headers) for path in itertools.islice(cycle, requests)]

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        outcomes = [code for codes in pool.map(client, range(clients)) for code in codes]
    return collections.Counter(outcomes), time.perf_counter() - started


def report_load(base: str, clients_list: list[int], requests: int) -> int:
    failures = 0
    for clients in clients_list:
        counts, seconds = run_clients(base, clients, requests, forged=False, paths=READ_PATHS)
        server_errors = sum(n for code, n in counts.items() if str(code)[0] == "5")
        refused = sum(n for code, n in counts.items() if isinstance(code, str))
        total = sum(counts.values())
        failures += server_errors + refused
        statuses = json.dumps({str(code): n for code, n in sorted(counts.items(), key=str)})
        print(
            f"{clients:>3} clients: {total} requests in {seconds:.1f} s "
            f"({total / seconds:.0f}/s): 5xx {server_errors}, connection failures {refused}, "
            f"statuses {statuses}"
        )
    return failures


def report_throttle(base: str, clients: int, requests: int, limit: int) -> int:
    counts, seconds = run_clients(base, clients, requests, forged=True, paths=("/api/outlets/",))
    admitted = counts.get(200, 0)
    print(
        f"throttle: {clients} clients with forged X-Forwarded-For sent {sum(counts.values())} "
        f"requests in {seconds:.1f} s; admitted {admitted} against a limit of {limit} a minute "
        f"({admitted / limit:.2f}x); statuses {dict(counts)}"
    )
    return 0 if admitted <= limit * 1.05 and seconds < 60 else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, nargs="+", default=[16, 32])
    parser.add_argument("--requests", type=int, default=40, help="per client")
    parser.add_argument("--throttle", action="store_true")
    parser.add_argument("--limit", type=int, default=120, help="the server's anonymous rate")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    if args.throttle:
        sys.exit(report_throttle(base, args.clients[0], args.requests, args.limit))
    sys.exit(1 if report_load(base, args.clients, args.requests) else 0)


if __name__ == "__main__":
    main()
