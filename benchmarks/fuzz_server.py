"""schemathesis against a production-shaped server: gunicorn, DEBUG off, over N quotes.

    .venv/bin/python benchmarks/fuzz_server.py [--quotes 20000] [--port 8210] [--examples 30]

Fills a scratch database of the embedded server (`whosaid_bench_fuzz`, never the dev or test
one) with the API benchmark's generator (news-like text, 20,000 speakers, 40 outlets), makes
a newsroom token, starts gunicorn on it (2 workers x 4 threads, the throttle lifted), runs
schemathesis over the whole schema with every check but the two that grade strictness (as
tests/api/test_fuzz.py), and prints its summary: server errors and schema violations are
failures. The small test-suite run (tests/api/test_fuzz.py) misses what only shows with
real data, such as a speaker search that matches nobody inside a ranked search.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FUZZ_DB = "whosaid_bench_fuzz"
SKIPPED_CHECKS = "positive_data_acceptance,negative_data_rejection"


def fill(quotes: int) -> str:
    """The scratch database with `quotes` quotes, and a newsroom token for the writes."""
    from benchmarks import api as bench  # sets the benchmark's environment

    os.environ["EMBEDDED_DB_NAME"] = FUZZ_DB
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from knox.models import AuthToken

    from access.services import newsroom_group_get

    print(f"scratch database {FUZZ_DB}: {quotes:,} quotes", flush=True)
    bench.reset_database("default")
    loader = bench.Loader()
    loader.load_reference(["default"])
    loader.grow(quotes, ["default"])
    user, _ = get_user_model().objects.get_or_create(username="fuzz-newsroom")
    user.groups.add(newsroom_group_get())
    return AuthToken.objects.create(user=user)[1]


def start_server(port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "EMBEDDED_DB_NAME": FUZZ_DB,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "THROTTLE_ANON": "1000000/second",
        "THROTTLE_USER": "1000000/second",
        "LOG_LEVEL": "ERROR",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    command = [gunicorn, "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--threads", "4", "--timeout", "60"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/", timeout=5).read()
            return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def fuzz(port: int, token: str, examples: int, phases: str) -> int:
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"http://127.0.0.1:{port}/api/schema/?format=json",
        "--header",
        f"Authorization: Token {token}",
        "--checks",
        "all",
        "--exclude-checks",
        SKIPPED_CHECKS,
        "--phases",
        phases,
        "--max-examples",
        str(examples),
        "--workers",
        "2",
        "--request-timeout",
        "30",
        "--seed",
        "20261202",
    ]
    return subprocess.run(command, check=False).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=20_000)
    parser.add_argument("--port", type=int, default=8210)
    parser.add_argument("--examples", type=int, default=30)
    parser.add_argument("--phases", default="examples,coverage,fuzzing,stateful")
    args = parser.parse_args()
    token = fill(args.quotes)
    server = start_server(args.port)
    try:
        code = fuzz(args.port, token, args.examples, args.phases)
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(f"schemathesis exit status {code} (0: no server error, no schema violation)")
    sys.exit(code)


if __name__ == "__main__":
    main()
