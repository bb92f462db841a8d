"""Durability: SIGKILL during imports loses nothing and half-writes nothing; a database that cannot be opened at
start-up gives a clear message and the way out in the app, not a traceback.

The kill test drives tests/crash_harness.py (a process that keeps importing through twinreg_data.ingest,
like the server) and writes its figures to test-artifacts/durability.json; `make durability` runs more kills
and writes bench/results/durability.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_app
from crash_harness import crash_loop

from twinreg_data.i18n import t
from twinreg_data.labels import RELIABILITY_LABELS
from twinreg_data.store import SCHEMA_VERSION, Store

KILLS = 20


@pytest.mark.slow
def test_sigkill_at_random_moments_during_imports(tmp_path: Path, artifacts_dir: Path) -> None:
    report = crash_loop(tmp_path, kills=KILLS, seed=20261128)
    summary = report.summary()
    (artifacts_dir / "durability.json").write_text(json.dumps(
        {"summary": summary, "kills": [k.__dict__ for k in report.kills]}, indent=2))
    # crash_loop verified the database after every restart (it raises on the first inconsistency).
    assert summary["kills_during_import"] >= KILLS
    # The kills hit the scheduled backup, the write transaction and the moments right after COMMIT, not just parsing.
    phases = summary["kills_by_phase"]
    assert phases["backup"] >= 1 and phases["write"] >= 1 and phases["committed"] >= 1, phases
    assert summary["in_flight_import_absent_after_restart"] >= 1
    assert summary["latest_scheduled_backup_restores"]


# -- start-up faults in the app ------------------------------------------------------------------------


def shown_errors(at) -> list[str]:
    assert not at.exception, [e.value for e in at.exception]
    return [e.value for e in at.error]


@pytest.mark.parametrize("lang", ["en", "fi", "et"])
def test_damaged_database_file_gives_a_clear_message_in_the_app(tmp_path, monkeypatch, lang):
    path = tmp_path / "damaged.duckdb"
    path.write_bytes(b"this is not a database " * 4096)
    monkeypatch.setenv("TWINREG_DB", str(path))
    at = run_app(query={"lang": lang})
    errors = shown_errors(at)
    assert len(errors) == 1
    assert t("The data cannot be shown right now.", lang) in errors[0]
    assert t("The database file is damaged or is not a TwinReg database. **Way out:** the administrator restores the "
             "latest backup with `python -m twinreg_data restore data/backups/<newest folder>` (a backup is taken "
             "before every import), or moves the file away and runs `python -m twinreg_data init`; then reload this "
             "page.", lang) in errors[0]
    assert "restore" in errors[0]  # the way out names the command
    assert "Traceback" not in errors[0] and str(tmp_path) not in errors[0]  # no internals for visitors


def test_truncated_database_file_gives_a_clear_message_in_the_app(demo_db_path, tmp_path, monkeypatch):
    """A real database cut short (a disk that filled up, a half-copied file) is reported the same way."""
    path = tmp_path / "truncated.duckdb"
    data = demo_db_path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    monkeypatch.setenv("TWINREG_DB", str(path))
    errors = shown_errors(run_app(query={"lang": "en"}))
    assert len(errors) == 1 and t("The data cannot be shown right now.", "en") in errors[0]


def test_database_with_a_damaged_block_gives_a_clear_message_in_the_app(demo_db_path, tmp_path, monkeypatch):
    """Bytes overwritten inside the file: DuckDB opens it, and the start-up read-through finds the bad block."""
    path = tmp_path / "bitrot.duckdb"
    data = bytearray(demo_db_path.read_bytes())
    for offset in range(300_000, len(data) - 10_000, 400_000):
        data[offset:offset + 64] = bytes(range(64, 128))
    path.write_bytes(bytes(data))
    monkeypatch.setenv("TWINREG_DB", str(path))
    errors = shown_errors(run_app(query={"lang": "en"}))
    assert len(errors) == 1 and t("The database file is damaged or is not a TwinReg database. **Way out:** the "
                                  "administrator restores the latest backup with `python -m twinreg_data restore "
                                  "data/backups/<newest folder>` (a backup is taken before every import), or moves "
                                  "the file away and runs `python -m twinreg_data init`; then reload this page.",
                                  "en") in errors[0]


def test_busy_database_gives_a_clear_message_and_recovers(demo_db_path, tmp_path, monkeypatch):
    path = tmp_path / "locked.duckdb"
    path.write_bytes(demo_db_path.read_bytes())
    monkeypatch.setenv("TWINREG_DB", str(path))
    monkeypatch.setenv("TWINREG_WAIT", "1")  # the app waits this long for a file another process holds
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(120)", str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        at = run_app(query={"lang": "fi"})
        assert shown_errors(at) == []
        assert [w.value for w in at.warning] == [t(RELIABILITY_LABELS["busy"], "fi")]
        assert not at.metric
    finally:
        holder.kill()
        holder.wait()
    # Once the other process is gone, the next visit shows the data (a failed open is not cached).
    at = run_app(query={"lang": "en"})
    assert shown_errors(at) == []
    assert at.metric, "the overview shows its figures again"
    from twinreg_data.store import close_store

    close_store(path)


def test_a_write_in_the_app_while_another_process_holds_the_file_says_busy(editor, monkeypatch):
    """The app's own write (here a sign-in, which records the attempt) waits briefly for a file the command line
    holds, then shows the translated busy warning; the page does not crash, and works once the file is free."""
    monkeypatch.setenv("TWINREG_WAIT", "1")
    at = run_app(query={"lang": "sv"})
    at.switch_page("pages/sign_in.py").run()
    from twinreg_data.store import release_file

    release_file(editor)  # as the linger does a second after the last query: the file is free for another process
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time\nwhile True:\n    try:\n"
         "        c = duckdb.connect(sys.argv[1])\n        break\n    except duckdb.IOException:\n"
         "        time.sleep(0.05)\nprint('ready', flush=True)\ntime.sleep(120)", str(editor)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        at.text_input[0].input("eeva")
        at.text_input[1].input("a long password")
        at.button[0].click().run()
        assert shown_errors(at) == []
        assert [w.value for w in at.warning] == [t(RELIABILITY_LABELS["busy"], "sv")]
        assert "local_identity" not in at.session_state
    finally:
        holder.kill()
        holder.wait()
    at.text_input[0].input("eeva")
    at.text_input[1].input("a long password")
    at.button[0].click().run()
    assert shown_errors(at) == [] and not at.warning
    assert at.session_state["local_identity"].name == "eeva"


def test_database_from_a_newer_version_gives_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "future.duckdb"
    store = Store(path)
    with store.transaction() as cur:
        cur.execute("UPDATE schema_meta SET version = ?", [SCHEMA_VERSION + 1])
    store.close()
    monkeypatch.setenv("TWINREG_DB", str(path))
    errors = shown_errors(run_app(query={"lang": "et"}))
    assert len(errors) == 1 and t("The database was written by a newer version of TwinReg Monitor. **Way out:** the "
                                  "administrator updates this installation (or restores a backup made by this "
                                  "version), then reload this page.", "et") in errors[0]


def test_damaged_block_on_the_command_line_is_reported_without_a_traceback(demo_db_path, tmp_path):
    path = tmp_path / "bitrot.duckdb"
    data = bytearray(demo_db_path.read_bytes())
    for offset in range(300_000, len(data) - 10_000, 400_000):
        data[offset:offset + 64] = bytes(range(64, 128))
    # Also the blocks of the table the command reads: where a table lands depends on the schema, so spaced
    # damage alone may miss it (three 4 KiB file headers, then blocks of the database's block size).
    import duckdb

    intact = tmp_path / "intact.duckdb"
    intact.write_bytes(demo_db_path.read_bytes())
    with duckdb.connect(str(intact), read_only=True) as con:
        block_size = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
        blocks = con.execute("SELECT DISTINCT block_id FROM pragma_storage_info('imports') WHERE block_id >= 0")
        for (block,) in blocks.fetchall():
            offset = 3 * 4096 + block * block_size + 1024
            data[offset:offset + 64] = bytes(range(64, 128))
    path.write_bytes(bytes(data))
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "imports"],
                          cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "cannot be used" in done.stderr and "restore" in done.stderr and "Traceback" not in done.stderr


def test_a_damaged_block_met_by_a_read_model_of_two_cards_is_reported_once(demo_copy, monkeypatch):
    """The Overview's headline and counts are both narrowed from the bottleneck tally: when its query meets a
    damaged block, the page says so once and stops, and draws neither."""
    import functools

    import duckdb

    from twinreg_data.queries import overview

    @functools.wraps(overview.bottleneck_tally)  # the cache keys a read model by its module and name
    def damaged(*_args):
        raise duckdb.IOException("Corrupt database file: block checksum mismatch")

    monkeypatch.setattr(overview, "bottleneck_tally", damaged)
    at = run_app(query={"lang": "fi"})
    assert not at.exception, at.exception[0].stack_trace
    errors = shown_errors(at)
    assert len(errors) == 1 and t("The database file is damaged or is not a TwinReg database. **Way out:** the "
                                  "administrator restores the latest backup with `python -m twinreg_data restore "
                                  "data/backups/<newest folder>` (a backup is taken before every import), or moves "
                                  "the file away and runs `python -m twinreg_data init`; then reload this page.",
                                  "fi") in errors[0]
    assert not at.metric and not at.get("plotly_chart")
