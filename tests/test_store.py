"""The store: schema and migrations, clear start-up errors, backup and restore, demo data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import snapshot

from twinreg_data.backup import backup, restore
from twinreg_data.i18n import t
from twinreg_data.schema import BOTTLENECK_DOMAINS, TABLES
from twinreg_data.store import SCHEMA_VERSION, Store, StoreError

REPO = Path(__file__).resolve().parents[1]


def test_new_database_has_every_table_with_its_key(tmp_path):
    store = Store(tmp_path / "new.duckdb")
    assert store.schema_version() == SCHEMA_VERSION
    names = {r[0] for r in store.query("SELECT table_name FROM information_schema.tables")}
    for table in TABLES:
        assert {table.name, table.name + "_prev"} <= names
        pk = store.query(
            "SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
            "AND constraint_type = 'PRIMARY KEY'", [table.name])
        assert list(pk[0][0]) == list(table.key)
    assert {"imports", "audit_log", "schema_meta", "bottleneck_current"} <= names
    store.close()
    # Opening again migrates nothing and keeps the version.
    again = Store(tmp_path / "new.duckdb")
    assert again.schema_version() == SCHEMA_VERSION
    again.close()


def test_database_from_a_newer_program_is_refused(tmp_path):
    store = Store(tmp_path / "future.duckdb")
    with store.transaction() as cur:
        cur.execute("UPDATE schema_meta SET version = ?", [SCHEMA_VERSION + 1])
    store.close()
    with pytest.raises(StoreError, match="newer than this program"):
        Store(tmp_path / "future.duckdb")


def test_database_held_by_another_process_gives_the_busy_exit_code_after_waiting(tmp_path):
    """Another process holds the file for longer than --wait: exit 4 (not 2, a refused file), a plain message,
    and with --json a JSON object on stdout; the command waited about --wait seconds first."""
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(60)", str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "--wait", "2", "imports"],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        assert time.monotonic() - started >= 2
        assert done.returncode == 4
        assert "busy" in done.stderr and "--wait" in done.stderr
        assert "Traceback" not in done.stderr
        done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "--wait", "0.5", "users",
                               "add", "someone", "--json"], cwd=REPO, capture_output=True, text=True, timeout=60,
                              input="a long password\n")
        assert done.returncode == 2  # users add has no --json: a usage error, still as JSON
        assert json.loads(done.stdout)["status"] == "usage"
        done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "--wait", "0.5", "import",
                               str(REPO / "data" / "demo" / "01_areas_indicators.xlsx"), "--json", "--lang", "fi"],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
        assert done.returncode == 4
        report = json.loads(done.stdout)
        assert report["status"] == "busy" and report["exit_code"] == 4
        assert report["message"] == t("The database is busy: another program (the running app or another command) "
                                      "held it for more than {seconds} seconds. Try again in a moment, or allow more "
                                      "time with --wait SECONDS.", "fi", seconds="0.5")
        assert "Traceback" not in done.stderr
    finally:
        holder.kill()
        holder.wait()


def test_damaged_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "damaged.duckdb"
    path.write_bytes(b"this is not a database" * 1000)
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "imports"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "cannot be opened" in done.stderr and "restore" in done.stderr
    assert "Traceback" not in done.stderr


def test_backup_and_restore_round_trip(demo_db_path, tmp_path):
    work = tmp_path / "work.duckdb"
    work.write_bytes(demo_db_path.read_bytes())
    store = Store(work)
    before = snapshot(store, [t.name for t in TABLES] + ["imports"])
    backup(store, tmp_path / "bk")
    with pytest.raises(StoreError, match="already holds a backup"):
        backup(store, tmp_path / "bk")
    store.close()
    target = tmp_path / "restored.duckdb"
    manifest = restore(tmp_path / "bk", target)
    assert manifest["table_counts"]["bottlenecks"] == len(before["bottlenecks"])
    restored = Store(target)
    assert snapshot(restored, [t.name for t in TABLES] + ["imports"]) == before
    restored.close()


def test_damaged_backup_is_refused(demo_db_path, tmp_path):
    store = Store(tmp_path / "w.duckdb")
    backup(store, tmp_path / "bk")
    store.close()
    with (tmp_path / "bk" / "twinreg.duckdb").open("r+b") as fh:
        fh.seek(5000)
        fh.write(b"garbage")
    with pytest.raises(StoreError, match="damaged"):
        restore(tmp_path / "bk", tmp_path / "target.duckdb")
    assert not (tmp_path / "target.duckdb").exists()


def test_demo_database_meets_the_contract(demo_db_path):
    store = Store(demo_db_path)
    counts = store.table_counts()
    assert counts["areas"] >= 46
    municipalities = store.scalar("SELECT count(*) FROM areas WHERE level = 'municipality'")
    assert municipalities == 42
    assert store.scalar("SELECT count(DISTINCT domain) FROM indicators") == len(BOTTLENECK_DOMAINS)
    assert counts["indicators"] >= 20
    assert store.scalar("SELECT count(DISTINCT domain) FROM bottlenecks") == len(BOTTLENECK_DOMAINS)
    assert counts["bottlenecks"] >= 30 and counts["services"] >= 15 and counts["actions"] >= 15
    assert counts["regions_benchmark"] >= 8
    years = [r[0] for r in store.query(
        "SELECT period FROM observations WHERE indicator = 'MOB_FERRY_PAX' AND area = 'FI-091' ORDER BY period")]
    assert years == [str(y) for y in range(2005, 2025)]
    statuses = {r[0] for r in store.query("SELECT status FROM bottleneck_current")}
    assert {"resolved", "partly_resolved", "written_off"} <= statuses
    missing_owner = store.scalar("SELECT count(*) FROM bottlenecks WHERE owner_fi IS NULL OR owner_ee IS NULL")
    assert missing_owner == 0
    # Every import came through the importer and is recorded (besides them: the demo report accepted in triage).
    assert store.scalar(
        "SELECT count(*) FROM imports WHERE status = 'applied' AND file_name NOT LIKE 'report R-%'") == 4
    assert store.scalar("SELECT count(*) FROM imports WHERE file_name LIKE 'report R-%'") == store.scalar(
        "SELECT count(*) FROM reports WHERE status = 'accepted'")
    store.close()


# -- scheduled backups before every import ----------------------------------------------------------


def _ferry_file(tmp_path, year: int, value: float):
    from factories import table_rows, write_xlsx

    return write_xlsx(tmp_path / f"ferry{year}.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period=str(year), value=value)])})


def test_every_import_takes_a_backup_first_and_the_last_n_are_kept(tmp_path, monkeypatch):
    from factories import seeded_store

    from twinreg_data.backup import scheduled_backups
    from twinreg_data.ingest.apply import import_file

    store = seeded_store(tmp_path)
    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "2")
    monkeypatch.setenv("TWINREG_BACKUP_DIR", str(tmp_path / "scheduled"))
    (tmp_path / "scheduled" / "keep-me").mkdir(parents=True)  # not a scheduled backup: never touched
    tables = [t.name for t in TABLES] + ["imports"]
    before = []
    for year in (2023, 2024, 2025):
        before.append(snapshot(store, tables))
        assert import_file(store, _ferry_file(tmp_path, year, 7e6 + year), user="t").status == "applied"
    # Nothing new: no import, no backup.
    assert import_file(store, _ferry_file(tmp_path, 2025, 7e6 + 2025), user="t").status == "nothing_to_do"
    after = snapshot(store, tables)
    kept = scheduled_backups(store.path)
    assert len(kept) == 2 and all(p.parent == tmp_path / "scheduled" for p in kept)
    assert (tmp_path / "scheduled" / "keep-me").is_dir()
    store.close()
    # Each kept backup is exactly the database just before its import; restoring it round-trips.
    for folder, expected in zip(kept, before[1:], strict=True):
        target = tmp_path / f"restored-{folder.name}.duckdb"
        restore(folder, target)
        restored = Store(target)
        assert snapshot(restored, tables) == expected
        restored.close()
    assert before[-1] != after


def test_default_backup_folder_is_next_to_the_database(tmp_path, monkeypatch):
    from twinreg_data.backup import DEFAULT_KEEP, backup_dir, backup_keep

    monkeypatch.delenv("TWINREG_BACKUP_DIR", raising=False)
    monkeypatch.delenv("TWINREG_BACKUP_KEEP", raising=False)
    assert backup_dir(Path("data") / "twinreg.duckdb") == (Path("data") / "backups").resolve()
    assert backup_keep() == DEFAULT_KEEP == 10
    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "0")
    assert backup_keep() == 0


def test_backups_can_be_turned_off(tmp_path, monkeypatch):
    from factories import seeded_store

    from twinreg_data.ingest.apply import import_file

    store = seeded_store(tmp_path)
    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "0")
    monkeypatch.setenv("TWINREG_BACKUP_DIR", str(tmp_path / "none"))
    assert import_file(store, _ferry_file(tmp_path, 2023, 1.0), user="t").status == "applied"
    assert not (tmp_path / "none").exists()
    store.close()


def test_a_failed_backup_blocks_the_import_and_changes_nothing(tmp_path, monkeypatch):
    from factories import seeded_store

    from twinreg_data.backup import BackupFailed
    from twinreg_data.ingest.apply import import_file

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    store = seeded_store(tmp_path)
    monkeypatch.setenv("TWINREG_BACKUP_DIR", str(blocker / "backups"))
    tables = [t.name for t in TABLES] + ["imports"]
    before = snapshot(store, tables)
    with pytest.raises(BackupFailed, match="Nothing was imported: the automatic backup"):
        import_file(store, _ferry_file(tmp_path, 2023, 1.0), user="t")
    assert snapshot(store, tables) == before
    assert store.query("SELECT action, outcome FROM audit_log ORDER BY id DESC LIMIT 1") == [("import",
                                                                                           "backup_failed")]
    store.close()
    # The command line says the same in plain words (exit 2, no traceback).
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(store.path), "import",
                           str(tmp_path / "ferry2023.xlsx")], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "TWINREG_BACKUP_DIR": str(blocker / "backups")})
    assert done.returncode == 2, done.stderr
    assert "Nothing was imported: the automatic backup" in done.stderr and "Traceback" not in done.stderr


def test_an_upload_that_changes_nothing_keeps_the_backups_as_they_were(tmp_path, monkeypatch):
    """A file with other bytes (another SHA-256) but only rows already in the database writes nothing, so it
    must neither add a backup nor push an older one out of the rotation."""
    import openpyxl
    from factories import seeded_store

    from twinreg_data.backup import scheduled_backups
    from twinreg_data.ingest.apply import import_file

    store = seeded_store(tmp_path)
    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "2")
    monkeypatch.setenv("TWINREG_BACKUP_DIR", str(tmp_path / "bk"))
    for year in (2023, 2024):
        assert import_file(store, _ferry_file(tmp_path, year, 7e6 + year), user="t").status == "applied"
    kept = scheduled_backups(store.path)
    same_rows = _ferry_file(tmp_path, 2024, 7e6 + 2024)
    workbook = openpyxl.load_workbook(same_rows)
    workbook.properties.creator = "someone else"  # other bytes, same cells
    other_bytes = tmp_path / "ferry2024-copy.xlsx"
    workbook.save(other_bytes)
    report = import_file(store, other_bytes, user="t")
    assert report.status == "nothing_to_do" and report.import_id is None
    assert scheduled_backups(store.path) == kept
    store.close()


def test_interrupted_backups_are_cleaned_up_and_never_restored(tmp_path, monkeypatch):
    from factories import seeded_store

    from twinreg_data.backup import scheduled_backups
    from twinreg_data.ingest.apply import import_file

    store = seeded_store(tmp_path)
    monkeypatch.setenv("TWINREG_BACKUP_DIR", str(tmp_path / "bk"))
    leftover = tmp_path / "bk" / f"{store.path.stem}-20260101T000000000000Z.partial"
    leftover.mkdir(parents=True)
    (leftover / "twinreg.duckdb.partial").write_bytes(b"half a copy")
    assert scheduled_backups(store.path) == []
    assert import_file(store, _ferry_file(tmp_path, 2023, 1.0), user="t").status == "applied"
    assert not leftover.exists()
    assert len(scheduled_backups(store.path)) == 1
    store.close()


def test_backup_refuses_a_wal_it_cannot_account_for(tmp_path):
    """A backup whose manifest names a WAL is complete only with that WAL (never the .duckdb file alone)."""
    import json

    store = Store(tmp_path / "w.duckdb")
    backup(store, tmp_path / "bk")
    store.close()
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert "wal_sha256" not in manifest  # CHECKPOINT under the write lock leaves no WAL to copy
    manifest["wal_sha256"] = "0" * 64
    (tmp_path / "bk" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="WAL"):
        restore(tmp_path / "bk", tmp_path / "target.duckdb")


def _other_process_can_open(path) -> bool:
    probe = subprocess.run([sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1]).close()", str(path)],
                           capture_output=True, text=True, timeout=60)
    assert probe.returncode == 0 or "lock" in probe.stderr.lower(), probe.stderr
    return probe.returncode == 0


def test_the_store_holds_the_file_only_while_it_is_used(tmp_path):
    """Open while a query runs and for `linger` after; then closed, so another process (the CLI) can open it."""
    path = tmp_path / "shared.duckdb"
    store = Store(path, linger=0.3)
    with store.cursor() as cur:
        cur.execute("SELECT 1").fetchall()
        assert not _other_process_can_open(path)
    deadline = time.monotonic() + 10
    while store.is_open and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not store.is_open
    assert _other_process_can_open(path)
    assert store.scalar("SELECT count(*) FROM schema_meta") == 1  # opened again on use
    store.close()


def test_threads_never_lose_the_connection_under_a_running_query(tmp_path):
    """Sessions are threads: the linger thread must not close the connection while any of them has a cursor."""
    import threading

    store = Store(tmp_path / "threads.duckdb", linger=0.01)
    failures: list[str] = []
    together = threading.Barrier(6)

    def reader(n: int) -> None:
        for i in range(40):
            if i % 10 == 0:
                together.wait(timeout=60)
                time.sleep(0.2)  # every thread idle at once: the linger closes the file
            try:
                with store.cursor() as cur:
                    time.sleep(0.002 * (i % 3))  # the others come and go meanwhile
                    assert cur.execute("SELECT ?::INTEGER + 1", [n]).fetchone()[0] == n + 1
            except Exception as exc:  # noqa: BLE001 — collected and reported below
                failures.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert store.opened > 1, f"the file was closed between bursts and opened again ({store.opened} openings)"
    store.close()


def test_a_backup_keeps_the_lock_of_the_process_that_takes_it(tmp_path):
    """POSIX drops a process's lock on a file when it closes any descriptor of it: the backup's copy must not, or
    another process could write the database in the middle of this one's import."""
    path = tmp_path / "held.duckdb"
    store = Store(path, linger=60)
    with store.holding():
        backup(store, tmp_path / "bk")
        assert not _other_process_can_open(path)
        backup(store, tmp_path / "bk2")
        assert not _other_process_can_open(path)
    store.close()
    assert _other_process_can_open(path)


def test_a_change_by_another_process_is_noticed_and_told_once(demo_db_path, tmp_path):
    path = tmp_path / "seen.duckdb"
    path.write_bytes(demo_db_path.read_bytes())
    store = Store(path, linger=0)
    told: list[str] = []
    store.on_write(lambda: told.append("write"))
    assert store.refresh() is False and told == []
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "users", "add", "other-process"],
                          cwd=REPO, input="a long password\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert store.refresh() is True and told == ["write"]
    assert store.refresh() is False and told == ["write"]
    # A command that changes no data (a backup checkpoints and copies the file) is not a change.
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "backup", str(tmp_path / "b")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert store.refresh() is False and told == ["write"]
    store.close()


def test_restore_waits_for_a_process_holding_the_database(demo_db_path, tmp_path):
    """restore replaces the file only while it holds DuckDB's lock: exit 4 while another process keeps the file,
    done once it lets go; that process then sees the restored data."""
    path = tmp_path / "live.duckdb"
    path.write_bytes(demo_db_path.read_bytes())
    store = Store(path, linger=60)
    backup(store, tmp_path / "bk")
    with store.transaction() as cur:  # a change the restore must undo
        cur.execute("DELETE FROM actions")
    with store.holding():
        done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "--wait", "1", "restore",
                               str(tmp_path / "bk")], cwd=REPO, capture_output=True, text=True, timeout=120)
        assert done.returncode == 4, done.stderr
        assert store.scalar("SELECT count(*) FROM actions") == 0
    store.close()
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "restore", str(tmp_path / "bk")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert store.scalar("SELECT count(*) FROM actions") > 0
    store.close()
