"""Read-API latency at 10,000 and N (default 1,000,000) quotes, measured in one run.

    .venv/bin/python benchmarks/api.py [--quotes 1000000] [--requests 60]

Fills two scratch databases on the embedded server (never the dev or test database):
`whosaid_bench_api_small` with 10,000 quotes and `whosaid_bench_api` with N, both from the
same generator (the first 10,000 quotes are identical): news English from a bigram chain
over the seed articles mixed with a common-word vocabulary, 20,000 speakers quoted with a
Zipf-like skew, 40 outlets, eight quotes an article, dates over eleven years. It then sends
the same requests through the full Django stack (middleware, DRF, throttling (one upsert
in PostgreSQL), serialisers; the test client), the curators' admin pages as staff and the
fact-checkers' web pages (`--groups` picks among list, search, admin, pages), to both
databases alternately, so that both sizes see the same machine load, and prints p95 for each
and their ratio. Then it times a 100,000-quote CSV export, measures its peak Python memory
(tracemalloc) against a 10,000-quote one, and checks with EXPLAIN that no request scans a big
table sequentially. ~10 minutes at 1,000,000.

`--claim-share 0.75` makes that share of the rows claims in reported speech (kind `indirect`),
as in news where most attributions are paraphrased; by default every row is a direct quote (the
engine extracts no claim yet), and the claims requests then measure a list with no claim.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import hashlib
import itertools
import json
import os
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = "whosaid_bench_api"  # not whosaid_bench: benchmarks/ingest.py drops that one
SMALL_DB = "whosaid_bench_api_small"
LARGE, SMALL = "default", "small"  # database aliases
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ["EMBEDDED_DB_NAME"] = BENCH_DB
os.environ.setdefault("SECRET_KEY", "benchmark-only-key")
os.environ["DEBUG"] = "0"
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ["ALLOWED_HOSTS"] = "testserver"
# Throttling still runs (one counting upsert a request, access.counters) but never refuses.
os.environ["THROTTLE_ANON"] = "1000000/second"
os.environ["THROTTLE_USER"] = "1000000/second"
os.environ["LOG_LEVEL"] = "ERROR"

QUOTES_PER_ARTICLE = 8
SEGMENT = 150  # each quote sits in its own 150-character slot of the article body
SPEAKERS = 20_000
OUTLETS = 40
FIRST_DAY = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
DAYS = 11 * 365
BIG_TABLES = {"quotes_quote", "sources_article", "quotes_speaker"}


# --- Realistic text --------------------------------------------------------------------------


class TextMaker:
    """News-like English: a bigram walk over the seed articles, mixed with common words."""

    def __init__(self, rng: random.Random) -> None:
        from faker.providers.lorem.en_US import Provider

        self.rng = rng
        words = []
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            words += re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]", path.read_text())
        self.next_words: dict[str, list[str]] = defaultdict(list)
        for first, second in itertools.pairwise(words):
            self.next_words[first].append(second)
        self.starts = [w for w in words if w[0].isupper()]
        self.common = list(Provider.word_list)

    def sentence(self, max_chars: int) -> str:
        rng = self.rng
        words = [rng.choice(self.starts)]
        target = rng.randint(40, max_chars)
        while len(" ".join(words)) < target:
            if rng.random() < 0.35 or not self.next_words.get(words[-1]):
                words.append(rng.choice(self.common))
            else:
                words.append(rng.choice(self.next_words[words[-1]]))
        text = " ".join(words)
        while len(text) > max_chars:
            text = text.rsplit(" ", 1)[0]
        return text


# --- Loading ----------------------------------------------------------------------------------


def add_small_database() -> None:
    from django.conf import settings
    from django.db import connections

    settings.DATABASES[SMALL] = {**settings.DATABASES[LARGE], "NAME": SMALL_DB}
    connections.__dict__.pop("settings", None)  # re-read DATABASES


def raw_connection(alias: str) -> Any:
    """A psycopg connection of its own: no statement timeout, for bulk COPY."""
    import psycopg
    from django.db import connections

    params = connections[alias].get_connection_params()
    params.pop("options", None)
    raw = psycopg.connect(**params, autocommit=True)
    raw.execute("SET statement_timeout = 0")
    return raw


def reset_database(alias: str) -> None:
    from django.core.management import call_command

    call_command("migrate", database=alias, verbosity=0)
    call_command("createcachetable", database=alias, verbosity=0)
    with raw_connection(alias) as raw:
        raw.execute(
            "TRUNCATE quotes_quote, quotes_historicalquote, quotes_speaker, "
            "quotes_historicalspeaker, sources_sentence, sources_article, sources_outlet, "
            "whosaid_cache RESTART IDENTITY CASCADE"
        )


class Loader:
    def __init__(self, seed: int = 42, claim_share: float = 0.0) -> None:
        from faker import Faker

        self.claim_share = claim_share
        self.rng = random.Random(seed)
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        self.text = TextMaker(self.rng)
        self.quotes = 0
        self.articles = 0
        self.speaker_names: list[str] = []
        self.outlet_ids: list[int] = []
        self.outlet_domains: list[str] = []

    def load_reference(self, aliases: list[str]) -> None:
        """Outlets and speakers, the same in every database."""
        from quotes.extraction import speaker_key

        now = dt.datetime.now(dt.UTC)
        outlets: list[tuple[Any, ...]] = []
        speakers: list[tuple[Any, ...]] = []
        keys: set[str] = set()
        for i in range(1, OUTLETS + 1):
            masthead = self.rng.choice(["Times", "Post", "Herald", "Daily", "News"])
            name = f"{self.fake.unique.last_name()} {masthead}"
            domain = re.sub(r"[^a-z]", "", name.lower()) + ".example"
            outlets.append((i, name, [domain], [], "UTC", now, now))
            self.outlet_ids.append(i)
            self.outlet_domains.append(domain)
        while len(self.speaker_names) < SPEAKERS:
            kind, name = self.speaker_name()
            key = speaker_key(name)
            if not key or key in keys:
                continue
            keys.add(key)
            self.speaker_names.append(name)
            title = self.fake.job() if kind == "person" else ""
            speakers.append(
                (len(self.speaker_names), name, kind, title, "", [], key, [key], 1, now, now)
            )
        for alias in aliases:
            with raw_connection(alias) as raw, raw.cursor() as cur:
                copy_into(cur, "sources_outlet", OUTLET_COLUMNS, outlets)
                copy_into(cur, "quotes_speaker", SPEAKER_COLUMNS, speakers)
                cur.execute("SELECT setval('sources_outlet_id_seq', %s)", [OUTLETS])
                cur.execute("SELECT setval('quotes_speaker_id_seq', %s)", [SPEAKERS])

    def speaker_name(self) -> tuple[str, str]:
        roll = self.rng.random()
        if roll < 0.12:
            return "organization", self.fake.company()
        if roll < 0.35:
            family = self.rng.choice(["Kim", "Lee", "Park", "Choi", "Moon", "Wi", "Suh", "Chung"])
            given = "-".join(
                self.rng.choice(["jae", "seong", "rak", "hoon", "min", "ji", "yoon", "in"])
                for _ in range(2)
            )
            return "person", f"{family} {given.capitalize()}"
        return "person", self.fake.name()

    def grow(self, target: int, aliases: list[str]) -> None:
        """Add articles and quotes until the databases hold `target` quotes."""
        started = time.perf_counter()
        now = dt.datetime.now(dt.UTC)
        articles, quotes = [], []
        while self.quotes < target:
            self.articles += 1
            article_id = self.articles
            outlet = min(int(OUTLETS * self.rng.random() ** 2), OUTLETS - 1)
            published = FIRST_DAY + dt.timedelta(minutes=self.rng.randrange(DAYS * 24 * 60))
            count = min(QUOTES_PER_ARTICLE, target - self.quotes)
            texts = [self.text.sentence(SEGMENT - 10) for _ in range(count)]
            body = "".join(t.ljust(SEGMENT) for t in texts) + self.text.sentence(140)
            title = self.text.sentence(100)
            url = f"https://{self.outlet_domains[outlet]}/news/{article_id}"
            digest = hashlib.sha256(f"{article_id}:{body}".encode()).hexdigest()
            author = self.fake.name()
            articles.append(
                (
                    article_id,
                    self.outlet_ids[outlet],
                    title,
                    url,
                    [author],
                    published,
                    "minute",
                    body,
                    body,
                    digest,
                    "bench",
                    now,
                    now,
                )
            )
            for index, text in enumerate(texts):
                self.quotes += 1
                quotes.append(self.quote_row(article_id, index, text, published, outlet, now))
        for alias in aliases:
            self.copy_rows(alias, articles, quotes)
        print(f"  loaded to {target:,} quotes in {time.perf_counter() - started:.0f} s", flush=True)

    def quote_row(
        self, article_id: int, index: int, text: str, published: dt.datetime, outlet: int, now: Any
    ) -> tuple[Any, ...]:
        rng = self.rng
        speaker = None if rng.random() < 0.05 else 1 + int(SPEAKERS * rng.random() ** 3)
        status = rng.choices(["extracted", "verified", "corrected", "rejected"], [90, 5, 3, 2])[0]
        start = index * SEGMENT
        cue = rng.choice(["said", "told", "added", "noted", "warned", "wrote"])
        # No draw without claims: the rows stay those of earlier runs.
        claim = self.claim_share > 0 and rng.random() < self.claim_share
        return (
            self.quotes,
            article_id,
            speaker,
            text,
            start,
            start + len(text),
            index,
            index,
            "he",
            None,
            None,
            cue,
            "indirect" if claim else "full",
            round(rng.uniform(0.5, 1.0), 2),
            status,
            "bench",
            published,
            self.outlet_ids[outlet],
            1,
            now,
            now,
        )

    def copy_rows(
        self, alias: str, articles: list[tuple[Any, ...]], quotes: list[tuple[Any, ...]]
    ) -> None:
        with raw_connection(alias) as raw, raw.cursor() as cur:
            cur.execute("SET session_replication_role = replica")  # we fill the trigger columns
            copy_into(cur, "sources_article", ARTICLE_COLUMNS, articles)
            copy_into(cur, "quotes_quote", QUOTE_COLUMNS, quotes)
            cur.execute("SELECT setval('sources_article_id_seq', %s)", [self.articles])
            cur.execute("SELECT setval('quotes_quote_id_seq', %s)", [self.quotes])
        with raw_connection(alias) as raw:
            for table in ("sources_article", "quotes_quote", "quotes_speaker"):
                raw.execute(f"VACUUM ANALYZE {table}")


OUTLET_COLUMNS = "id, name, domains, aliases, timezone, created_at, updated_at"
SPEAKER_COLUMNS = (
    "id, name, kind, description, affiliation, aliases, key, search_keys, version, created_at, "
    "updated_at"
)
ARTICLE_COLUMNS = (
    "id, outlet_id, title, url, authors, published_at, published_precision, body, raw_text, "
    "content_hash, extractor_version, created_at, updated_at"
)
QUOTE_COLUMNS = (
    'id, article_id, speaker_id, text, start, "end", first_sentence, last_sentence, mention, '
    "mention_start, mention_end, cue, kind, confidence, status, extractor_version, "
    "published_at, outlet_id, version, created_at, updated_at"
)


def copy_into(cursor: Any, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


# --- Requests ---------------------------------------------------------------------------------


def request_set(loader: Loader) -> dict[str, list[str]]:
    """The same requests at every size: lists (plain and filtered) and searches."""
    top = loader.speaker_names[0]
    mid = loader.speaker_names[200]
    return {
        "list": [
            "/api/quotes/",
            "/api/quotes/?page_size=100",
            "/api/quotes/?speaker=1",
            "/api/quotes/?speaker=201",
            "/api/quotes/?speaker_name=" + top.upper().replace("-", " "),
            "/api/quotes/?speaker_name=" + mid.lower(),
            "/api/quotes/?outlet=1",
            "/api/quotes/?outlet=30",
            "/api/quotes/?status=verified",
            "/api/quotes/?speaker_kind=organization",
            "/api/quotes/?published_after=2019-03-01&published_before=2019-03-31",
            "/api/quotes/?outlet=3&published_after=2020-01-01&published_before=2020-06-30",
            "/api/quotes/?ordering=published_at",
            "/api/quotes/?speaker=201&ordering=published_at",
            "/api/quotes/?outlet=30&ordering=published_at",
            "NEXT:/api/quotes/?speaker=1&ordering=published_at&page_size=50",
            "NEXT:/api/quotes/?page_size=50",
            "/api/speakers/",
            "/api/speakers/?name=" + mid,
            "/api/articles/",
            "/api/articles/?outlet=2",
        ],
        "search": [
            "/api/quotes/?q=korea",
            "/api/quotes/?q=talks",
            "/api/quotes/?q=president",
            "/api/quotes/?q=prove",  # ~1% of quotes: the costliest band for relevance
            "/api/quotes/?q=man",  # ~0.7%
            '/api/quotes/?q="north korea"',
            '/api/quotes/?q="strategic patience"',
            "/api/quotes/?q=nuclear -talks",
            "/api/quotes/?q=alliance OR sanctions",
            "/api/quotes/?q=denuclearization&speaker=1",
            "/api/quotes/?q=policy&published_after=2018-01-01&published_before=2018-12-31",
            "/api/quotes/?q=korea&ordering=-published_at",
            "/api/quotes/?q=van der graaf",
            "/api/quotes/?q=biden&page_size=100",
        ],
        # Claims in reported speech and all statements (quotes/statements_api.py).
        "claims": [
            "/api/claims/",
            "/api/claims/?speaker=1",
            "/api/claims/?outlet=1",
            "/api/claims/?status=verified",
            "/api/claims/?q=korea",
            "/api/claims/?q=prove",
            "/api/statements/",
            "/api/statements/?kind=claim&speaker=201",
            "/api/statements/?kind=quote&q=talks",
        ],
        # Curators' pages, signed in as staff (see sign_in_staff).
        "admin": [
            "/admin/quotes/quote/",
            "/admin/quotes/quote/?review=queue",
            "/admin/quotes/quote/?status__exact=verified",
            "/admin/quotes/quote/?speaker__kind__exact=organization",
            "/admin/quotes/quote/?outlet__id__exact=3",
            "/admin/quotes/quote/?published=older",
            "/admin/quotes/quote/?o=5",  # the published column, oldest first
            "/admin/quotes/quote/?status__exact=verified&o=5",
            "/admin/quotes/quote/?outlet__id__exact=3&o=5",
            "/admin/quotes/quote/?q=korea",
            "/admin/quotes/quote/?q=" + mid.replace(" ", "+"),
            "/admin/quotes/quote/1/change/",
            "/admin/quotes/speaker/",
            "/admin/quotes/speaker/?q=" + mid.replace(" ", "+"),
            "/admin/sources/article/",
            "/admin/sources/article/?outlet__id__exact=2",
            "/admin/quotes/quote/?review=queue&family=claim",
        ],
        # The fact-checkers' pages (web/): search, quote, speaker, article and outlet pages.
        "pages": [
            "/",
            "/?q=korea",
            "/?q=prove",
            '/?q="north korea"&speaker=' + top.lower(),
            "/?speaker=" + " ".join(reversed(mid.replace("-", " ").split())),
            "/?speaker=Moon",
            "/?outlet=3&start=2020-01-01&end=2020-06-30",
            "/?q=talks&outlet=1&sort=-published_at",
            "/?verified=on&sort=published_at",
            "/?speaker=" + mid.lower() + "&sort=published_at&page=3",
            "/?kind=claims",
            "/?kind=all&start=2015-01-01&page=50&sort=-published_at",
            "/?q=korea&page=5",
            "/quotes/1/",
            "/quotes/9000/",
            "/speakers/1/",
            "/speakers/201/",
            "/speakers/1/?q=korea",
            "/articles/1/",
            "/outlets/1/",
            "/outlets/1/?page=50",
            "/suggest/speakers/?q=" + mid.split()[0],
        ],
    }


def sign_in_staff(client: Any, aliases: list[str]) -> None:
    """Sign the client in as one superuser, the same row (id and password hash, which the
    session is checked against) in every database.

    The session lives in a signed cookie, so that no session row has to be in the database
    that a request happens to be served from.
    """
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    users = get_user_model().objects
    row = {"id": 9_999_999, "username": "bench", "password": make_password(None)}
    for alias in aliases:
        with database(alias):
            users.filter(username="bench").delete()  # left by an earlier run
            user = users.create(**row, is_staff=True, is_superuser=True)
    client.force_login(user)


@contextlib.contextmanager
def database(alias: str) -> Iterator[None]:
    """Serve requests from `alias`: the app's `default` connection becomes that database's."""
    from django.db import connections

    local = vars(connections)["_connections"]  # the handler's per-thread connections
    large = connections[LARGE]
    setattr(local, LARGE, connections[alias])
    try:
        yield
    finally:
        setattr(local, LARGE, large)


def resolve(client: Any, url: str) -> str:
    """The path to time: a page deep in a scan is reached through five `next` links."""
    path = url.removeprefix("NEXT:")
    if url.startswith("NEXT:"):
        for _ in range(5):
            path = client.get(path).json()["next"]
    return path


def measure(
    client: Any, urls: dict[str, list[str]], repeats: int, aliases: list[str]
) -> dict[str, dict[str, list[float]]]:
    """Each URL `repeats` times on each database, alternating, after a warm-up."""
    timings: dict[str, dict[str, list[float]]] = {alias: {} for alias in aliases}
    for url in (u for group in urls.values() for u in group):
        paths = {}
        for alias in aliases:
            with database(alias):
                paths[alias] = resolve(client, url)
                for _ in range(3):
                    client.get(paths[alias])
            timings[alias][url] = []
        for _ in range(repeats):
            for alias in aliases:
                with database(alias):
                    started = time.perf_counter()
                    response = client.get(paths[alias])
                    elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, (url, response.status_code, response.content)
                timings[alias][url].append(elapsed)
    return timings


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) > 1 else samples[0]


def explain_all(client: Any, urls: list[str], alias: str) -> list[str]:
    """Requests whose SQL scans a big table sequentially (should be none)."""
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    problems = []
    with database(alias):
        connection = connections[LARGE]
        for url in urls:
            path = resolve(client, url)
            with CaptureQueriesContext(connection) as captured:
                client.get(path)
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.startswith("SELECT") or "whosaid_cache" in sql:
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
                    plan = cursor.fetchone()[0]
                plan = json.loads(plan) if isinstance(plan, str) else plan
                scans = set(seq_scans(plan[0]["Plan"])) & BIG_TABLES
                if scans:
                    problems.append(f"{url}: Seq Scan on {', '.join(sorted(scans))}")
    return problems


def seq_scans(node: dict[str, Any]) -> Iterator[str]:
    if node.get("Node Type") == "Seq Scan":
        yield node.get("Relation Name", "")
    for child in node.get("Plans", []):
        yield from seq_scans(child)


# --- Export -----------------------------------------------------------------------------------


def export_run(client: Any, rows: int) -> tuple[int, float, float]:
    """(rows exported, seconds, peak Python memory in MiB) for an export of about `rows`.

    Timed without tracing, then run again under tracemalloc for its peak allocation: the
    process's RSS says little here, as the loader's freed memory stays mapped.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT published_at FROM quotes_quote ORDER BY published_at DESC, id DESC "
            "OFFSET %s LIMIT 1",
            [rows],
        )
        found = cursor.fetchone()
    url = "/api/quotes/export.csv"
    if found is not None:  # else the table holds fewer quotes than asked: export them all
        url += f"?published_after={(found[0] + dt.timedelta(days=1)).date()}"
    started = time.perf_counter()
    lines = sum(chunk.count(b"\n") for chunk in client.get(url).streaming_content)
    seconds = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    for _chunk in client.get(url).streaming_content:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return lines - 1, seconds, peak / 2**20


# --- Main ------------------------------------------------------------------------------------


def report(
    sizes: dict[str, int],
    urls: dict[str, list[str]],
    timings: dict[str, dict[str, list[float]]],
    problems: dict[str, list[str]],
    exports: list[tuple[int, float, float]],
) -> None:
    small, large = sizes[SMALL], sizes[LARGE]
    head_small, head_large = f"p95 @{small:,}", f"p95 @{large:,}"
    print(f"\n{'request':<72} {head_small:>12} {head_large:>14} {'ratio':>6}")
    for category, group in urls.items():
        for url in group:
            a, b = p95(timings[SMALL][url]), p95(timings[LARGE][url])
            print(f"{category + ' ' + url[:64]:<72} {a:>10.1f}ms {b:>12.1f}ms {b / a:>6.2f}")
        pooled_small = [t for url in group for t in timings[SMALL][url]]
        pooled_large = [t for url in group for t in timings[LARGE][url]]
        a, b = p95(pooled_small), p95(pooled_large)
        label = f"== {category}: p95 of all its requests"
        print(f"{label:<72} {a:>10.1f}ms {b:>12.1f}ms {b / a:>6.2f}")
    for rows, seconds, memory in exports:
        rate = rows / seconds
        print(f"export CSV: {rows:,} quotes in {seconds:.2f} s ({rate:,.0f}/s), ", end="")
        print(f"peak Python memory {memory:.1f} MiB")
    for alias in (SMALL, LARGE):
        verdict = "; ".join(problems[alias]) or "every query uses an index (no Seq Scan)"
        print(f"EXPLAIN at {sizes[alias]:,}: {verdict}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=60, help="timed requests per URL")
    parser.add_argument("--export", type=int, default=100_000)
    parser.add_argument(
        "--claim-share", type=float, default=0.0, help="share of rows that are claims (0-1)"
    )
    parser.add_argument(
        "--groups",
        default="list,search,admin,pages",
        help="comma-separated request groups to time (list, search, admin, pages)",
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="gc.freeze() after start-up, as a tuned web process would: without it, Python's "
        "full collections (60-90 ms in a process that loaded the extraction engine) show in p95",
    )
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.test import Client

    add_small_database()
    sizes = {SMALL: args.small, LARGE: args.quotes}
    for alias in (SMALL, LARGE):
        print(f"scratch database {connection_name(alias)}: resetting", flush=True)
        reset_database(alias)
    loader = Loader(claim_share=args.claim_share)
    loader.load_reference([SMALL, LARGE])
    loader.grow(args.small, [SMALL, LARGE])
    loader.grow(args.quotes, [LARGE])
    wanted = set(args.groups.split(","))
    urls = {group: paths for group, paths in request_set(loader).items() if group in wanted}
    client = Client()
    sign_in_staff(client, [SMALL, LARGE])
    del loader
    if args.gc_freeze:
        client.get("/api/quotes/?q=warm+up")  # import everything a request needs first
        gc.collect()
        gc.freeze()
    count = sum(map(len, urls.values()))
    print(f"measuring {count} requests x {args.requests} on each database, alternating", flush=True)
    load_before = os.getloadavg()[0]
    timings = measure(client, urls, args.requests, [SMALL, LARGE])
    gc.unfreeze()
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after", flush=True)
    all_urls = [u for group in urls.values() for u in group]
    problems = {alias: explain_all(client, all_urls, alias) for alias in (SMALL, LARGE)}
    exports = [export_run(client, min(n, args.quotes)) for n in (args.export // 10, args.export)]
    report(sizes, urls, timings, problems, exports)


def connection_name(alias: str) -> str:
    from django.db import connections

    return str(connections[alias].settings_dict["NAME"])


if __name__ == "__main__":
    main()
