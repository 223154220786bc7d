"""Start (or join) the embedded PostgreSQL server of this checkout."""

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path
from types import FrameType

from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

_socket_dirs: dict[str, str] = {}
_databases: set[tuple[str, str]] = set()  # (data folder, database) known to exist
_HINT = (
    "Set DATABASE_URL to use another PostgreSQL server instead, "
    "or remove the data folder to start afresh (its data is lost)."
)


def ensure_server(*, pgdata: str, database: str) -> str:
    """Return the socket folder of the running server, starting it and the database if needed.

    Every database a process names is created on first use, not only the first one: a process
    may use several (the API benchmark compares two sizes side by side).
    """
    if pgdata not in _socket_dirs:
        _socket_dirs[pgdata] = _start(Path(pgdata))
    if (pgdata, database) not in _databases:
        _create_database(_socket_dirs[pgdata], database)
        _databases.add((pgdata, database))
    return _socket_dirs[pgdata]


def _start(pgdata: Path) -> str:
    try:
        import pgserver
    except ImportError as error:
        raise ImproperlyConfigured(
            "DATABASE_URL is unset and the embedded PostgreSQL (the pgserver package) is not "
            "installed: run `make install` or set DATABASE_URL."
        ) from error
    try:
        pgdata.mkdir(parents=True, exist_ok=True)
        _forget_dead_processes(pgdata, pgserver.PostgresServer._lock)
        server = pgserver.get_server(pgdata, cleanup_mode="stop")
    except Exception as error:
        raise ImproperlyConfigured(
            f"The embedded PostgreSQL in {pgdata} could not start: {error}. "
            f"Its log is {pgdata / 'log'}. {_HINT}"
        ) from error
    _stop_cleanly_on_sigterm()
    return str(server.get_postmaster_info().socket_dir)


def _forget_dead_processes(pgdata: Path, lock: object) -> None:
    """Drop processes killed with -9 from pgserver's list of attached processes.

    pgserver stops the server when the last attached process exits; a process that died
    without exiting would otherwise keep the server running for ever (an orphan). A list left
    truncated by a process killed while writing it is started afresh: pgserver would fail on it
    after starting the server, and runserver hides that failure, leaving an orphan each time.
    """
    import psutil

    handles = pgdata / ".handle_pids.json"
    with lock:  # type: ignore[attr-defined]
        if not handles.exists():
            return
        try:
            pids = json.loads(handles.read_text())
        except ValueError:
            pids = None
        listed = pids if isinstance(pids, list) else []
        alive = [pid for pid in listed if isinstance(pid, int) and psutil.pid_exists(pid)]
        if alive != pids:
            handles.write_text(json.dumps(alive))


def stop_server(pgdata: Path) -> str:
    """Stop the embedded server of `pgdata`, whatever its list of attached processes says.

    `make db-stop` must always stop: the list may name a process that died (a SIGTERM of
    `make run`) or be truncated. The list is emptied, so processes still running start the
    server again on their next connection. Returns what was done, for the command line.
    """
    import pgserver
    import psutil
    from pgserver._commands import pg_ctl  # type: ignore[attr-defined]

    user = "pgserver" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    with pgserver.PostgresServer._lock:
        handles = pgdata / ".handle_pids.json"
        if handles.exists():
            handles.write_text("[]")
        postmaster = _postmaster_pid(pgdata)
        if postmaster is None or not psutil.pid_exists(postmaster):
            return f"no server running in {pgdata}"
        try:
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user, timeout=60)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            with contextlib.suppress(psutil.NoSuchProcess):
                psutil.Process(postmaster).terminate()
        return f"stopped the server in {pgdata} (pid {postmaster})"


def _postmaster_pid(pgdata: Path) -> int | None:
    try:
        first_line = (pgdata / "postmaster.pid").read_text().split("\n", 1)[0]
        return int(first_line)
    except (OSError, ValueError):
        return None


def _stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into a normal exit so that atexit detaches from (and maybe stops) the server."""
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return  # gunicorn and friends manage their own signals

    def exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
        sys.exit(128 + signum)

    with contextlib.suppress(ValueError):  # not the main thread: nothing to install
        signal.signal(signal.SIGTERM, exit_on_sigterm)


def _create_database(socket_dir: str, database: str) -> None:
    import psycopg

    with psycopg.connect(
        host=socket_dir, dbname="postgres", user="postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database]
        ).fetchone()
        if exists:
            return
        logger.info("creating database %s in the embedded server", database)
        with contextlib.suppress(psycopg.errors.DuplicateDatabase):  # another process won
            connection.execute(f'CREATE DATABASE "{database}"')
