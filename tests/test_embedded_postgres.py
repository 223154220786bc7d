"""The embedded PostgreSQL: started on demand, shared, stopped by the last process, durable."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
COUNT_OUTLETS = "from sources.models import Outlet; print('outlets', Outlet.objects.count())"


def manage(pgdata: Path, *args: str, database: str = "whosaid") -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "1",
            "EMBEDDED_PGDATA": str(pgdata),
            "EMBEDDED_DB_NAME": database,
        }
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[str]) -> str:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, out + err
    return out


def servers_for(pgdata: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(attrs=["name", "cmdline"]):
        if proc.info["name"] == "postgres" and str(pgdata) in (proc.info["cmdline"] or []):
            found.append(proc)
    return found


@pytest.fixture(scope="module")
def pgdata(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("embedded") / "pgdata"
    finish(manage(path, "migrate", "--no-input"))
    return path


def test_server_starts_on_demand_and_stops_with_the_last_process(pgdata):
    assert "outlets 16" in finish(manage(pgdata, "shell", "--no-imports", "-c", COUNT_OUTLETS))
    assert servers_for(pgdata) == []


def test_data_survives_a_restart(pgdata):
    finish(
        manage(
            pgdata,
            "shell",
            "--no-imports",
            "-c",
            "from sources.models import Outlet; Outlet.objects.create(name='Kept Daily')",
        )
    )
    out = finish(
        manage(
            pgdata,
            "shell",
            "--no-imports",
            "-c",
            "from sources.models import Outlet; "
            "print(Outlet.objects.filter(name='Kept Daily').count())",
        )
    )
    assert out.strip().splitlines()[-1] == "1"


def test_two_processes_share_one_server(pgdata):
    # The first process holds its connection until told to go, however slow the second is.
    hold = (
        "import sys; from django.db import connection; connection.ensure_connection(); "
        "print('ready', flush=True); sys.stdin.readline()"
    )
    first = manage(pgdata, "shell", "--no-imports", "-c", hold)
    assert first.stdout.readline().strip() == "ready"
    second_out = finish(manage(pgdata, "shell", "--no-imports", "-c", COUNT_OUTLETS))
    assert "outlets" in second_out
    assert len([p for p in servers_for(pgdata) if p.parent().name != "postgres"]) == 1
    out, err = first.communicate("go\n", timeout=180)
    assert first.returncode == 0, out + err
    assert servers_for(pgdata) == []


def test_kill_9_leaves_no_orphan_after_the_next_run(pgdata):
    hold = (
        "import time; from django.db import connection; connection.ensure_connection(); "
        "print('ready', flush=True); time.sleep(60)"
    )
    victim = manage(pgdata, "shell", "--no-imports", "-c", hold)
    assert victim.stdout.readline().strip() == "ready"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    # The next process adopts the server and, being the last one, stops it on exit.
    assert "outlets" in finish(manage(pgdata, "shell", "--no-imports", "-c", COUNT_OUTLETS))
    deadline = time.monotonic() + 10
    while servers_for(pgdata) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert servers_for(pgdata) == []


def test_a_truncated_list_of_attached_processes_is_started_afresh(pgdata):
    # What a process killed while writing the list leaves behind.
    (pgdata / ".handle_pids.json").write_text("")
    assert "outlets" in finish(manage(pgdata, "shell", "--no-imports", "-c", COUNT_OUTLETS))
    assert servers_for(pgdata) == []


def test_every_database_a_process_names_is_created(pgdata):
    use_two = (
        "import psycopg; from django.conf import settings; "
        "from config.embedded_postgres.server import ensure_server; "
        "sockets = [ensure_server(pgdata=settings.EMBEDDED_PGDATA, database=name) "
        "for name in ('first_scratch', 'second_scratch')]; "
        "connection = psycopg.connect(host=sockets[1], dbname='second_scratch', user='postgres'); "
        "print('second', connection.execute('SELECT current_database()').fetchone()[0]); "
        "connection.close()"
    )
    out = finish(manage(pgdata, "shell", "--no-imports", "-c", use_two))
    assert "second second_scratch" in out


def test_ingest_into_a_database_never_migrated_says_how_to_fix_it(pgdata):
    process = manage(pgdata, "ingest", str(ROOT / "seeds"), "--no-progress", database="fresh")
    _, err = process.communicate(timeout=180)
    assert process.returncode == 1
    assert "run `python manage.py migrate` first" in err
    assert "Traceback" not in err


def test_sigterm_detaches_cleanly(pgdata):
    hold = (
        "import time; from django.db import connection; connection.ensure_connection(); "
        "print('ready', flush=True); time.sleep(60)"
    )
    process = manage(pgdata, "shell", "--no-imports", "-c", hold)
    assert process.stdout.readline().strip() == "ready"
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=60)
    assert servers_for(pgdata) == []


def test_unusable_data_folder_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("this is a file")
    process = manage(blocker / "pgdata", "shell", "--no-imports", "-c", COUNT_OUTLETS)
    _, err = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "embedded PostgreSQL" in err
    assert "DATABASE_URL" in err


def test_db_stop_stops_the_server_with_a_dead_or_truncated_process_list(pgdata):
    server = subprocess.Popen(  # a process attached to the server, killed without cleanup
        [sys.executable, "-c", "import pgserver,sys,time; pgserver.get_server(sys.argv[1]); "
         "print('up', flush=True); time.sleep(60)", str(pgdata)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    assert server.stdout.readline().strip() == "up"
    server.kill()
    server.wait()
    assert servers_for(pgdata)  # the dead process left it running
    (pgdata / ".handle_pids.json").write_text("[12")  # and a truncated list
    stop = subprocess.run(
        ["make", "-s", "db-stop"], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PGDATA_DIR": str(pgdata)},
    )  # fmt: skip
    assert stop.returncode == 0, stop.stdout + stop.stderr
    deadline = time.monotonic() + 30
    while servers_for(pgdata) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not servers_for(pgdata)
    # and a start after that finds a usable list
    assert "outlets" in finish(manage(pgdata, "shell", "--no-imports", "-c", COUNT_OUTLETS))
