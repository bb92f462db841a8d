"""The ingest package's seams: link tables kept by import, rollback and migration; the write hook; one launcher."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from factories import base_sheets, extra_sheets, new_store, table_rows, write_xlsx

from twinreg_data import auth
from twinreg_data.backup import backup, restore
from twinreg_data.filters import Filters
from twinreg_data.ingest import apply_checked, check_file, import_file, rollback
from twinreg_data.queries import bottlenecks, cooperation, services
from twinreg_data.schema import LINK_TABLES, TABLES
from twinreg_data.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 27)


def links(store: Store) -> dict[str, list[tuple]]:
    return {link.name: store.query(f"SELECT {link.owner}, {link.target}, pos FROM {link.name} ORDER BY ALL")
            for link in LINK_TABLES}


def answers(store: Store) -> dict[str, object]:
    """What the read models built on links say: the service catalogue, the action plan, one bottleneck's links."""
    catalogue = services.catalogue(store, Filters())
    plan = cooperation.actions(store, Filters(domains=("taxation",)), today=TODAY)
    detail = bottlenecks.detail(store, "BN-001", "en", today=TODAY)
    return {
        "catalogue": [(r.code, list(r.bottleneck_codes)) for r in catalogue.itertuples()],
        "plan": [(r.code, list(r.bottleneck_codes)) for r in plan.itertuples()],
        "indicators": detail.indicators["code"].tolist(),
        "services": detail.services["code"].tolist(),
        "actions": detail.actions["code"].tolist(),
    }


@pytest.fixture
def store(tmp_path: Path) -> Store:
    db = new_store(tmp_path)
    report = import_file(db, write_xlsx(tmp_path / "all.xlsx", {**base_sheets(), **extra_sheets()}), user="t")
    assert report.status == "applied", report.message
    yield db
    db.close()


def test_every_refs_column_has_one_link_table():
    refs = {(t.name, c.name) for t in TABLES for c in t.columns if c.kind == "refs"}
    assert sorted((link.table, link.column) for link in LINK_TABLES) == sorted(refs)


def test_import_and_rollback_keep_the_link_tables(store: Store, tmp_path: Path) -> None:
    before = links(store)
    assert before == {
        "bottleneck_indicators": [("BN-001", "EMP_COMMUTER_SHARE", 1), ("BN-002", "DIG_EID_USES", 1)],
        "service_bottlenecks": [("SV-001", "BN-001", 1), ("SV-001", "BN-002", 2)],
        "action_bottlenecks": [("A-01", "BN-001", 1)],
        "bottleneck_areas": [],
    }
    answered = answers(store)
    assert answered == {"catalogue": [("SV-001", ["BN-001", "BN-002"])], "plan": [("A-01", ["BN-001"])],
                        "indicators": ["EMP_COMMUTER_SHARE"], "services": ["SV-001"], "actions": ["A-01"]}
    changed = extra_sheets()["services"]
    changed[1][changed[0].index("bottlenecks")] = "BN-002; BN-001"
    second = import_file(store, write_xlsx(tmp_path / "relink.xlsx", {"services": changed}), user="t")
    assert second.status == "applied", second.message
    assert links(store)["service_bottlenecks"] == [("SV-001", "BN-001", 2), ("SV-001", "BN-002", 1)]
    assert answers(store)["catalogue"] == [("SV-001", ["BN-002", "BN-001"])]
    rollback(store, second.import_id, "t")
    assert links(store) == before
    assert answers(store) == answered


def test_rollback_of_the_linking_import_empties_its_links(store: Store, tmp_path: Path) -> None:
    plan = table_rows("actions", [dict(code="A-02", title_en="Second", work_package="WP3", bottlenecks="BN-002",
                                       lead="WP3 team", level="political", start=dt.date(2025, 1, 1),
                                       due=dt.date(2027, 1, 1), status="planned")])
    report = import_file(store, write_xlsx(tmp_path / "plan.xlsx", {"actions": plan}), user="t")
    assert report.status == "applied", [p.as_dict() for p in report.problems]
    assert ("A-02", "BN-002", 1) in links(store)["action_bottlenecks"]
    rollback(store, report.import_id, "t")
    assert links(store)["action_bottlenecks"] == [("A-01", "BN-001", 1)]


def test_an_older_database_gets_its_link_tables_on_open(store: Store, tmp_path: Path) -> None:
    expected = links(store)
    with store.transaction() as cur:  # back to schema version 2: no link tables yet
        for link in LINK_TABLES:
            cur.execute(f"DROP TABLE {link.name}")
        cur.execute("UPDATE schema_meta SET version = 2")
    store.close()
    reopened = Store(store.path)
    try:
        assert links(reopened) == expected
    finally:
        reopened.close()


def test_writes_tell_the_listeners_and_checks_do_not(store: Store, tmp_path: Path) -> None:
    told: list[int] = []
    store.on_write(lambda: told.append(1))
    store.on_write(told.clear)
    store.on_write(told.clear)  # the same listener twice is registered once
    assert len(store._write_listeners) == 2
    store._write_listeners.pop()
    file = write_xlsx(tmp_path / "plan.xlsx", {"actions": extra_sheets()["actions"]})
    checked = check_file(store, file, user="eeva")  # a check and its audit line change nothing a page shows
    assert told == []
    changed = extra_sheets()["actions"]
    changed[1][changed[0].index("status")] = "done"
    changed[1][changed[0].index("completed_on")] = dt.date(2024, 12, 1)
    report = apply_checked(store, check_file(store, write_xlsx(tmp_path / "done.xlsx", {"actions": changed})), "t")
    assert report.status == "applied" and len(told) == 1
    rollback(store, report.import_id, "t")
    assert len(told) == 2
    auth.add_user(store, "liisa", "a long password", "editor", actor="admin")
    assert len(told) == 3
    with pytest.raises(auth.AuthError):
        auth.authenticate(store, "liisa", "wrong password")
    assert len(told) == 3
    assert checked.report.status == "dry_run"  # the same rows: applying it would write nothing


def test_restore_tells_the_open_store_of_its_path(tmp_path: Path) -> None:
    db = tmp_path / "restored.duckdb"
    source = new_store(tmp_path, "source.duckdb")
    backup(source, tmp_path / "copy")
    source.close()
    told: list[str] = []
    open_store(db).on_write(lambda: told.append("restored"))
    restore(tmp_path / "copy", db)  # the process's store of db is told (a real restore runs with none open)
    assert told == ["restored"]


def test_cli_account_changes_are_audited(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.duckdb")

    def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "twinreg_data", "--db", db, "users", *args], cwd=REPO,
                              input=stdin, capture_output=True, text=True, timeout=60)

    assert cli("add", "liisa", "--role", "admin", stdin="a long password\n").returncode == 0
    assert cli("add", "mart", stdin="a long password\n").returncode == 0
    assert cli("passwd", "mart", stdin="another long one\n").returncode == 0
    assert cli("remove", "mart").returncode == 0
    assert cli("remove", "nobody").returncode == 1  # refused: nothing changed, nothing audited
    store = Store(db)
    try:
        rows = store.query("SELECT actor, action, outcome, detail FROM audit_log ORDER BY id")
    finally:
        store.close()
    assert [(action, outcome) for _, action, outcome, _ in rows] == [
        ("account_add", "ok"), ("account_add", "ok"), ("account_password", "ok"), ("account_remove", "ok")]
    assert all(re.fullmatch(r"cli(:.+)?", actor) for actor, *_ in rows)
    assert '"account": "mart"' in rows[-1][3]


def test_one_child_process_launcher_and_no_streamlit_outside_st_cache() -> None:
    sources = {p: p.read_text(encoding="utf-8") for p in (REPO / "twinreg_data").rglob("*.py")}
    launchers = [p.relative_to(REPO).as_posix() for p, text in sources.items() if "sys.executable" in text]
    assert launchers == ["twinreg_data/ingest/sandbox.py"]
    streamlit_users = [p.relative_to(REPO).as_posix() for p, text in sources.items()
                       if re.search(r"^\s*(import|from) streamlit\b", text, re.M)]
    assert streamlit_users == ["twinreg_data/st_cache.py"]
    # Writes clear the cache themselves (st_cache registers clear() on the store): no page calls it.
    pages = [p.name for p in (REPO / "pages").glob("*.py") if re.search(r"\bclear\(\)", p.read_text())]
    assert pages == []
