"""Celery for the job tests: a real worker on a real broker.

Where a Redis server is installed (`.ci/run` installs Debian's redis-server), the tests that
take `celery_worker` run against a real Redis started for the session on a free port in a
temporary folder. Without one (or with WHOSAID_TEST_BROKER=memory) they run on Celery's
in-memory transport; either way the worker is Celery's own test worker
(celery.contrib.testing.worker), in a thread of the test process. The session header says which.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest
from celery.contrib.testing.worker import start_worker

import jobs.tasks  # noqa: F401  (registers the tasks with the worker)
from config.celery import app

REDIS_SERVER = shutil.which("redis-server")
TRANSPORT = os.environ.get("WHOSAID_TEST_BROKER") or ("redis" if REDIS_SERVER else "memory")


def broker_header() -> str:
    where = f", a redis-server started for the session ({REDIS_SERVER})"
    return f"celery job tests: broker {TRANSPORT}" + (where if TRANSPORT == "redis" else "")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    if REDIS_SERVER is None:
        pytest.skip("no redis-server installed: the in-memory transport runs these tests")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def broker_url(request):
    return "memory://" if TRANSPORT == "memory" else request.getfixturevalue("redis_url")


@pytest.fixture
def celery_worker(broker_url, settings, transactional_db):
    """A worker consuming from the broker in a thread; tasks are sent, not run in place."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.update(broker_url=broker_url, task_always_eager=False)
    forget_broker_connections()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        yield worker
    app.conf.update(saved)
    forget_broker_connections()


def forget_broker_connections() -> None:
    """Drop the app's pooled connections, so the next message goes to the broker now set.

    Celery keeps them for the life of the process (app.close() forgets only one of the two
    pools), which a process that never changes broker never notices.
    """
    app._pool = None
    app.amqp._producer_pool = None
