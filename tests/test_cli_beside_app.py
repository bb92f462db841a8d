"""The command line beside a running app (issue 22, item 5): real processes, a real server, a real database.

The server (`streamlit run app.py`) is driven over Streamlit's own websocket protocol by the load test's session
client (bench/load.py), so the app really opens, queries and caches its database while `python -m twinreg_data`
imports, rolls back and changes accounts in other processes.
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO_ROOT, copy_database, streamlit_server

from twinreg_data.store import Store

sys.path.insert(0, str(REPO_ROOT / "bench"))
import load  # noqa: E402  (bench/load.py: the websocket session client and the one-bottleneck workbook)

CLI_TIMEOUT_S = 120


async def _cli(db: Path, *args: str, stdin: str = "") -> tuple[int, str, str, float]:
    """`python -m twinreg_data --db DB ARGS…` in its own process: (exit code, stdout, stderr, seconds)."""
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "twinreg_data", "--db", str(db), *args, cwd=REPO_ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(stdin.encode()), CLI_TIMEOUT_S)
    assert "Traceback" not in err.decode() and "leaked" not in err.decode(), err.decode()
    return proc.returncode, out.decode(), err.decode(), time.monotonic() - started


async def _keep_browsing(session: load.Session, stop: asyncio.Event) -> None:
    """Another visitor changes filters and pages all the time: the app keeps opening and querying the file."""
    while not stop.is_set():
        await session.act()
        await asyncio.sleep(0.05)


@pytest.fixture
def running_app(demo_db_path: Path, tmp_path: Path):
    db = copy_database(demo_db_path, tmp_path)
    with streamlit_server(db, tmp_path) as url:
        yield db, url


def test_import_rollback_and_accounts_from_the_command_line_while_the_app_runs(running_app, tmp_path):
    db, url = running_app
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    workbook = load.upload_workbook(tmp_path)

    async def scenario() -> None:
        viewer = load.Session(stream, random.Random(1), "viewer")
        other = load.Session(stream, random.Random(2), "other")
        first = await viewer.open()
        assert first.ok, first.error
        before = int(first.open_bottlenecks)
        assert (await other.open()).ok
        stop = asyncio.Event()
        browsing = asyncio.create_task(_keep_browsing(other, stop))
        try:
            code, out, err, _ = await _cli(db, "import", str(workbook), "--json", "--user", "cli-test")
            assert code == 0, err
            report = json.loads(out)
            assert report["status"] == "applied", report
            shown = await viewer.rerun("after import")
            assert shown.ok, shown.error
            assert int(shown.open_bottlenecks) == before + 1, "the app shows the new bottleneck at once"

            code, out, err, _ = await _cli(db, "rollback", str(report["import_id"]), "--json")
            assert code == 0, err
            assert json.loads(out)["status"] == "rolled_back"
            shown = await viewer.rerun("after rollback")
            assert shown.ok, shown.error
            assert int(shown.open_bottlenecks) == before

            code, _, err, _ = await _cli(db, "users", "add", "cli-made", "--role", "editor",
                                         stdin="a long first password\n")
            assert code == 0, err
            code, _, err, _ = await _cli(db, "users", "passwd", "cli-made", stdin="a long second password\n")
            assert code == 0, err
        finally:
            stop.set()
            await browsing
            await viewer.close()
            await other.close()
        failed = [f"{r.action} {r.page}: {r.error}" for s in (viewer, other) for r in s.results if not r.ok]
        assert failed == []
        assert len(other.results) >= 3, "the other visitor kept the app busy while the commands ran"

    asyncio.run(scenario())
    # The account works: the app's own sign-in check accepts the new password (the server is still running).
    from twinreg_data import auth

    store = Store(db)
    try:
        assert auth.authenticate(store, "cli-made", "a long second password", client="test").name == "cli-made"
        actions = store.query("SELECT action, actor FROM audit_log WHERE action IN ('import', 'rollback', "
                              "'account_add', 'account_password') AND outcome IN ('applied', 'ok') ORDER BY id")
        assert [a for a, _ in actions[-4:]] == ["import", "rollback", "account_add", "account_password"]
        assert actions[-4][1] == "cli-test" and actions[-1][1].startswith("cli")
    finally:
        store.close()


def test_a_closed_output_pipe_ends_quietly(demo_db_path, tmp_path):
    """`… --json | head -c 10`: the reader goes away; exit 141 or 0, never a traceback, on success and on error."""
    db = copy_database(demo_db_path, tmp_path)
    workbook = REPO_ROOT / "data" / "demo" / "02_observations.xlsx"
    for args in (["import", str(workbook), "--dry-run", "--json"], ["--wait", "bogus", "imports", "--json"]):
        proc = subprocess.Popen([sys.executable, "-m", "twinreg_data", "--db", str(db), *args], cwd=REPO_ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.close()  # the reader is gone before anything is written
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=CLI_TIMEOUT_S) == 141, err
        assert "Traceback" not in err and "Exception ignored" not in err and "leaked" not in err, err
    done = subprocess.run(f"{sys.executable} -m twinreg_data --db '{db}' import '{workbook}' --dry-run --json "
                          "| head -c 10", shell=True, cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=CLI_TIMEOUT_S)
    assert done.stdout == '{\n  "file_'
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
