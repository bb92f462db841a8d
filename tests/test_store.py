"""The store: schema and migrations, clear start-up errors, backup and restore, demo data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from factories import snapshot

from twinreg_data.backup import backup, restore
from twinreg_data.schema import DOMAINS, TABLES
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


def test_locked_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(60)", str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "imports"], cwd=REPO,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2
        assert "in use by another program" in done.stderr
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
    assert store.scalar("SELECT count(DISTINCT domain) FROM indicators") == len(DOMAINS)
    assert counts["indicators"] >= 20
    assert store.scalar("SELECT count(DISTINCT domain) FROM bottlenecks") == len(DOMAINS)
    assert counts["bottlenecks"] >= 30 and counts["services"] >= 15 and counts["actions"] >= 15
    assert counts["regions_benchmark"] >= 8
    years = [r[0] for r in store.query(
        "SELECT period FROM observations WHERE indicator = 'MOB_FERRY_PAX' AND area = 'FI-091' ORDER BY period")]
    assert years == [str(y) for y in range(2005, 2025)]
    statuses = {r[0] for r in store.query("SELECT status FROM bottleneck_current")}
    assert {"resolved", "partly_resolved", "written_off"} <= statuses
    missing_owner = store.scalar("SELECT count(*) FROM bottlenecks WHERE owner_fi IS NULL OR owner_ee IS NULL")
    assert missing_owner == 0
    # Every import came through the importer and is recorded.
    assert store.scalar("SELECT count(*) FROM imports WHERE status = 'applied'") == 4
    store.close()
