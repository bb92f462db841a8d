"""Read-only snapshots for viewer instances (twinreg_data/snapshot.py, docs/deployment.md): publication, rotation,
what is left out, the viewer's follower, the refusal of writes, and a publisher killed at random moments."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import REPO_ROOT, run_app
from factories import table_rows, write_xlsx

from twinreg_data import auth, snapshot
from twinreg_data.i18n import t
from twinreg_data.ingest.apply import import_file
from twinreg_data.ingest.filecheck import sha256_of
from twinreg_data.labels import RELIABILITY_LABELS
from twinreg_data.queries import overview
from twinreg_data.store import Store, StoreError, close_store

CLI = [sys.executable, "-m", "twinreg_data"]


def new_bottleneck_file(folder: Path, code: str, title: str = "Snapshot test bottleneck") -> Path:
    """A workbook adding one open bottleneck (no events: status "identified")."""
    return write_xlsx(folder / f"{code}.xlsx", {"bottlenecks": table_rows("bottlenecks", [dict(
        code=code, domain="taxation", title_en=title, side="both", level="national", severity=2,
        source="interview", identified_on=dt.date(2026, 11, 1))])})


@pytest.fixture
def editing(demo_db_path: Path, tmp_path: Path) -> Store:
    """A private copy of the demo database with an account, as the editing instance has it."""
    path = tmp_path / "editing" / "twinreg.duckdb"
    path.parent.mkdir()
    shutil.copyfile(demo_db_path, path)
    store = Store(path)
    auth.add_user(store, "zq-account-name", "a long password", "editor")
    yield store
    store.close()


def rows_of(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    return sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def test_a_snapshot_holds_the_public_data_and_no_accounts(editing: Store, tmp_path: Path) -> None:
    published = snapshot.publish_snapshot(editing, tmp_path / "snaps")
    assert snapshot.read_pointer(tmp_path / "snaps") == published
    assert published.sha256 == sha256_of(published.path)
    assert published.data_stamp == editing.scalar("SELECT stamp FROM data_version") != ""
    raw = published.path.read_bytes()
    assert b"$argon2" not in raw and b"zq-account-name" not in raw  # not even in freed blocks
    con = duckdb.connect(str(published.path), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_type = 'BASE TABLE'").fetchall()]
        assert set(snapshot.PRIVATE_TABLES) <= set(tables)
        with editing.cursor() as cur:
            assert cur.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0  # there was something to leave
            for table in tables:
                count = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                assert published.table_counts[table] == count
                if table in snapshot.PRIVATE_TABLES:
                    assert count == 0, table
                elif table not in snapshot.PERSON_COLUMNS:
                    assert rows_of(con, table) == rows_of(cur, table), table
            assert con.execute("SELECT DISTINCT uploaded_by FROM imports").fetchall() == [("",)]
            assert (con.execute("SELECT id, uploaded_at, status FROM imports ORDER BY id").fetchall()
                    == cur.execute("SELECT id, uploaded_at, status FROM imports ORDER BY id").fetchall())
        # The view the pages read is there and answers like the original.
        assert con.execute("SELECT count(*) FROM bottleneck_current WHERE status = 'identified'").fetchone()[0] == \
            editing.scalar("SELECT count(*) FROM bottleneck_current WHERE status = 'identified'")
    finally:
        con.close()


def test_publication_keeps_the_newest_and_clears_leftovers(editing: Store, tmp_path: Path) -> None:
    folder = tmp_path / "snaps"
    folder.mkdir()
    (folder / "snapshot-20000101T000000000000Z-dead.duckdb.partial").write_bytes(b"half")  # a killed publisher's
    published = [snapshot.publish_snapshot(editing, folder, keep=3) for _ in range(5)]
    kept = snapshot.snapshots(folder)
    assert kept == [p.path for p in published[-3:]]
    assert snapshot.read_pointer(folder).path == published[-1].path
    assert not list(folder.glob("*.partial")) and not list(folder.glob("raw_*"))


def test_a_publication_that_fails_leaves_the_previous_snapshot(editing: Store, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "snaps"
    first = snapshot.publish_snapshot(editing, folder)

    def broken(_raw: Path, target: Path) -> None:
        target.write_bytes(b"half a snapshot")
        raise duckdb.IOException("IO Error: No space left on device")

    monkeypatch.setattr(snapshot, "_public_copy", broken)
    with pytest.raises(snapshot.SnapshotError, match="No space left"):
        snapshot.publish_snapshot(editing, folder)
    assert snapshot.read_pointer(folder) == first
    assert snapshot.snapshots(folder) == [first.path] and not list(folder.glob("*.partial"))


def test_an_import_publishes_a_snapshot_when_configured(editing: Store, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "snaps"
    monkeypatch.setenv("TWINREG_SNAPSHOT_DIR", str(folder))
    assert snapshot.publish_after_writes(editing)
    report = import_file(editing, new_bottleneck_file(tmp_path, "BN-901"), user="zq-account-name")
    assert report.status == "applied"
    snapshot.wait_for_publications()  # published in a thread of its own, after the import let the file go
    current = snapshot.read_pointer(folder)
    assert current.data_stamp == editing.scalar("SELECT stamp FROM data_version")
    assert snapshot.last_publication(editing).snapshot == current
    con = duckdb.connect(str(current.path), read_only=True)
    assert con.execute("SELECT title_en FROM bottlenecks WHERE code = 'BN-901'").fetchall() == [
        ("Snapshot test bottleneck",)]
    con.close()
    # A change already published (the write hook also runs when another process's write is noticed) is not
    # published again.
    editing.tell_write_listeners()
    snapshot.wait_for_publications()
    assert snapshot.snapshots(folder) == [current.path]


def test_a_failing_publication_keeps_the_import_and_is_reported(demo_db_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "twinreg.duckdb"
    shutil.copyfile(demo_db_path, db)
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("in the way")
    env = {**os.environ, "TWINREG_SNAPSHOT_DIR": str(not_a_folder / "snaps")}
    done = subprocess.run([*CLI, "--db", str(db), "import", str(new_bottleneck_file(tmp_path, "BN-902"))],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "snapshot for viewer instances was not published" in done.stderr
    store = Store(db)
    assert store.scalar("SELECT count(*) FROM bottlenecks WHERE code = 'BN-902'") == 1
    store.close()


def test_the_cli_publishes_and_waits_for_a_busy_database(demo_db_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "twinreg.duckdb"
    shutil.copyfile(demo_db_path, db)
    folder = tmp_path / "snaps"
    done = subprocess.run([*CLI, "--db", str(db), "publish-snapshot", str(folder), "--json"], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["status"] == "published" and Path(out["path"]) == snapshot.read_pointer(folder).path
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        busy = subprocess.run([*CLI, "--db", str(db), "--wait", "0.5", "publish-snapshot", str(folder)],
                              cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    finally:
        holder.kill()
        holder.wait()
    assert busy.returncode == 4, busy.stderr
    assert snapshot.snapshots(folder) == [Path(out["path"])]


def test_a_read_only_store_refuses_every_write(editing: Store, tmp_path: Path) -> None:
    published = snapshot.publish_snapshot(editing, tmp_path / "snaps")
    before = published.path.stat().st_mtime_ns, sha256_of(published.path)
    viewer = Store(published.path, read_only=True)
    try:
        for write in (lambda: auth.add_user(viewer, "mari", "another long password", "editor"),
                      lambda: import_file(viewer, new_bottleneck_file(tmp_path, "BN-903"), user="mari"),
                      lambda: auth.authenticate(viewer, "zq-account-name", "a long password", client="127.0.0.1")):
            with pytest.raises((StoreError, auth.AuthError)) as caught:
                write()
            if isinstance(caught.value, StoreError):
                assert caught.value.reason == "read_only"
        assert viewer.scalar("SELECT count(*) FROM bottlenecks WHERE code = 'BN-903'") == 0
    finally:
        viewer.close()
    assert (published.path.stat().st_mtime_ns, sha256_of(published.path)) == before
    assert not (published.path.parent / "backups").exists()


def test_the_follower_moves_to_a_newer_snapshot_only(editing: Store, tmp_path: Path) -> None:
    folder = tmp_path / "snaps"
    follower = snapshot.SnapshotFollower(folder)
    with pytest.raises(snapshot.SnapshotError, match="No snapshot has been published"):
        follower.current()
    switches: list[tuple[Path, Path]] = []
    follower.on_switch(lambda old, new: switches.append((old, new)))
    first = snapshot.publish_snapshot(editing, folder)
    assert follower.current() == first.path == follower.current()
    assert switches == []
    second = snapshot.publish_snapshot(editing, folder)
    assert follower.current() == second.path
    assert switches == [(first.path, second.path)]
    assert snapshot.SnapshotFollower(folder / snapshot.POINTER).current() == second.path  # the pointer's path
    (folder / snapshot.POINTER).write_text("{not json")  # a pointer mangled by hand: keep serving what works
    assert follower.current() == second.path
    with pytest.raises(snapshot.SnapshotError, match="cannot be read"):
        snapshot.SnapshotFollower(folder).current()
    pointer = second.pointer() | {"schema_version": 99}
    (folder / snapshot.POINTER).write_text(json.dumps(pointer))
    with pytest.raises(snapshot.SnapshotError, match="schema version 99") as caught:
        snapshot.SnapshotFollower(folder).current()
    assert caught.value.reason == "newer"


def test_the_app_reads_a_snapshot_and_offers_no_writing(editing: Store, tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    assert import_file(editing, new_bottleneck_file(tmp_path, "BN-904"), user="zq-account-name").status == "applied"
    folder = tmp_path / "snaps"
    published = snapshot.publish_snapshot(editing, folder)
    unused = tmp_path / "never-created.duckdb"
    monkeypatch.setenv("TWINREG_DB", str(unused))
    monkeypatch.setenv("TWINREG_DB_READONLY", str(folder))
    try:
        at = run_app()
        assert not at.exception
        metrics = {m.label: m.value for m in at.metric}
        assert metrics[t("Open bottlenecks", "en")] == str(overview.headline(editing).open_bottlenecks)
        assert t("Read-only copy: data is changed on the editing instance.", "en") in [c.value for c in
                                                                                      at.sidebar.caption]
        # A closed viewer instance without OIDC: only the Sign-in page, and it says why nobody signs in here.
        closed = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=90)
        closed.secrets["twinreg"] = {"public": False}
        closed.run()
        assert not closed.exception
        assert [i.value for i in closed.info] == [t(RELIABILITY_LABELS["read_only"], "en")]
        assert not closed.text_input and not closed.metric
    finally:
        close_store(published.path)
    assert not unused.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([published.path.name, snapshot.POINTER,
                                                               snapshot.LOCK_FILE])


# -- a publisher killed at random moments ------------------------------------------------------------------------

PUBLISHER = """
import sys
from twinreg_data.snapshot import publish_snapshot
from twinreg_data.store import Store
store = Store(sys.argv[1])
print("ready", flush=True)
while True:
    published = publish_snapshot(store, sys.argv[2], keep=2)
    print("published", published.path.name, flush=True)
"""


def check_complete(folder: Path) -> snapshot.Snapshot | None:
    """What a viewer would open now: the pointer names a complete snapshot that opens and holds what it says."""
    current = snapshot.read_pointer(folder)
    if current is None:
        return None
    assert current.path.stat().st_size == current.bytes
    assert sha256_of(current.path) == current.sha256
    con = duckdb.connect(str(current.path), read_only=True)
    try:
        for table, count in current.table_counts.items():
            assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == count, table
    finally:
        con.close()
    return current


def test_a_publisher_killed_at_random_moments_never_leaves_a_half_snapshot(demo_db_path: Path, tmp_path: Path):
    db = tmp_path / "twinreg.duckdb"
    shutil.copyfile(demo_db_path, db)
    folder = tmp_path / "snaps"
    store = Store(db)
    first = snapshot.publish_snapshot(store, folder, keep=2)
    store.close()
    rng = random.Random(23)
    rounds, seen, mid_publication = 6, {first.path.name}, 0
    for _ in range(rounds):
        victim = subprocess.Popen([sys.executable, "-c", PUBLISHER, str(db), str(folder)], cwd=REPO_ROOT,
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert victim.stdout.readline().strip() == "ready"
            started = time.monotonic()
            assert victim.stdout.readline().startswith("published")  # one complete, the next one under way
            time.sleep(rng.uniform(0, time.monotonic() - started))  # somewhere inside the next publication
        finally:
            victim.send_signal(signal.SIGKILL)
            victim.wait()
        mid_publication += any(p.name.endswith(snapshot.PARTIAL) for p in folder.iterdir())
        current = check_complete(folder)
        assert current.path.name not in seen  # this round's publication, complete, and nothing older
        seen.add(current.path.name)
    assert mid_publication, "no kill landed in the middle of a publication"
    # The next publication clears what the killed ones left, and the database was never harmed.
    final = snapshot.publish_snapshot(Store(db), folder, keep=2)
    assert check_complete(folder) == final
    assert not [p for p in folder.iterdir() if snapshot.PARTIAL in p.name or p.name.startswith("raw_")]
