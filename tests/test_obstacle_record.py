"""The obstacle record of Regulation (EU) 2025/925 on bottlenecks: schema, migration 9, template, import, detail
view and export. Every part is optional, so older rows and older workbooks stay valid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from factories import BASE_BOTTLENECKS, table_rows, write_xlsx

from twinreg_data.figures import bottlenecks as figures
from twinreg_data.ingest import import_file
from twinreg_data.ingest.template import export_workbook, write_template
from twinreg_data.queries import bottlenecks as queries
from twinreg_data.schema import BOTTLENECKS, BRIDGE_COLUMNS, BRIDGE_TEXTS, CONTENT_LANGUAGES
from twinreg_data.store import SCHEMA_VERSION, Store, close_store


def columns_of(store: Store, table: str) -> set[str]:
    return {r[0] for r in store.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])}


def test_every_record_text_has_a_column_per_content_language() -> None:
    names = set(BOTTLENECKS.column_names)
    for prefix in BRIDGE_TEXTS:
        assert {f"{prefix}_{lang}" for lang in CONTENT_LANGUAGES} <= names
    assert all(not col.required and col.help is not None for col in BRIDGE_COLUMNS)
    # Appended after the older columns: filled workbooks keep their column letters.
    assert BOTTLENECKS.column_names[-len(BRIDGE_COLUMNS):] == [c.name for c in BRIDGE_COLUMNS]


def test_a_version_8_database_gets_the_record_by_migration(demo_copy: Path) -> None:
    store = Store(demo_copy)
    with store.transaction() as cur:  # back to schema 8: no record columns, no area links, no reports
        for col in BRIDGE_COLUMNS:
            cur.execute(f'ALTER TABLE bottlenecks DROP COLUMN "{col.name}"')
            cur.execute(f'ALTER TABLE bottlenecks_prev DROP COLUMN "{col.name}"')
        for table in ("bottleneck_areas", "reports", "report_steps"):
            cur.execute(f"DROP TABLE {table}")
        cur.execute("UPDATE schema_meta SET version = 8")
    titles = store.query("SELECT code, title_en FROM bottlenecks ORDER BY code")
    store.close()
    close_store(demo_copy)
    again = Store(demo_copy)
    assert again.schema_version() == SCHEMA_VERSION == 9
    wanted = {c.name for c in BRIDGE_COLUMNS}
    assert wanted <= columns_of(again, "bottlenecks") and wanted <= columns_of(again, "bottlenecks_prev")
    assert again.query("SELECT code, title_en FROM bottlenecks ORDER BY code") == titles  # old rows untouched
    assert again.scalar("SELECT count(*) FROM bottlenecks WHERE context_en IS NOT NULL") == 0
    assert again.scalar("SELECT count(*) FROM bottleneck_areas") == 0
    assert again.scalar("SELECT count(*) FROM reports") == 0
    detail = queries.detail(again, "BN-001", "fi")
    assert detail is not None and detail.record.is_empty
    again.close()


def test_an_old_workbook_without_the_record_still_imports(store: Store, tmp_path: Path) -> None:
    rows = table_rows("bottlenecks", [dict(BASE_BOTTLENECKS[0], code="BN-901")])
    old = [r[:-len(BRIDGE_COLUMNS)] for r in rows]
    assert old[0][-1] == "owner_ee_sv"  # the last column before the record
    report = import_file(store, write_xlsx(tmp_path / "old.xlsx", {"bottlenecks": old}))
    assert report.status == "applied" and report.error_count == 0, report.message
    assert store.scalar("SELECT count(*) FROM bottlenecks WHERE code = 'BN-901' AND route IS NULL") == 1


def test_the_record_imports_with_its_areas_and_is_checked(store: Store, tmp_path: Path) -> None:
    area = store.scalar("SELECT code FROM areas ORDER BY code LIMIT 1")
    good = dict(BASE_BOTTLENECKS[0], code="BN-902", context_en="Commuting", context_fi="Pendelöinti",
                problem_en="Two tickets", areas=f"{area}", route="legislative", outcome="not_resolved",
                outcome_on=dt.date(2026, 5, 1), next_step_en="Ask the ministry", next_step_by="Council")
    report = import_file(store, write_xlsx(tmp_path / "good.xlsx", {"bottlenecks": table_rows("bottlenecks", [good])}))
    assert report.status == "applied", report.message
    assert store.query("SELECT bottleneck, area FROM bottleneck_areas WHERE bottleneck = 'BN-902'") == [
        ("BN-902", area)]
    bad = dict(good, code="BN-903", areas="XX-404", route="by magic", outcome_on="someday")
    report = import_file(store, write_xlsx(tmp_path / "bad.xlsx", {"bottlenecks": table_rows("bottlenecks", [bad])}))
    assert report.status != "applied"
    assert {p.column for p in report.problems if p.severity == "error"} >= {"areas", "route", "outcome_on"}
    assert store.scalar("SELECT count(*) FROM bottlenecks WHERE code = 'BN-903'") == 0


def test_the_detail_shows_the_record_in_the_chosen_language(demo_copy: Path) -> None:
    store = Store(demo_copy)
    fi = queries.detail(store, "BN-001", "fi")
    en = queries.detail(store, "BN-001", "en")
    assert fi.record.texts["problem"] == store.scalar("SELECT problem_fi FROM bottlenecks WHERE code = 'BN-001'")
    assert en.record.texts["problem"] == store.scalar("SELECT problem_en FROM bottlenecks WHERE code = 'BN-001'")
    assert [code for code, _ in fi.record.areas] == ["FI-091", "EE-0784"]
    assert fi.record.route == "administrative" and fi.record.next_step_on is not None
    # A missing translation falls back to English, visibly.
    sv = queries.detail(store, "BN-005", "sv")
    en_problem = store.scalar("SELECT problem_en FROM bottlenecks WHERE code = 'BN-005'")
    assert en_problem in sv.record.texts["problem"] and sv.record.texts["problem"] != en_problem
    facts = dict(figures.record_facts(queries.detail(store, "BN-006", "en"), "en"))
    assert facts["Outcome"].startswith("Resolved administratively")
    assert "Reasons for the outcome" in facts
    assert queries.detail(store, "BN-010", "en").record.is_empty
    store.close()


def test_template_and_export_carry_the_record(demo_copy: Path, tmp_path: Path) -> None:
    store = Store(demo_copy)
    template = openpyxl.load_workbook(write_template(tmp_path / "template.xlsx", store), read_only=True)
    header = [c.value for c in next(template["bottlenecks"].iter_rows(max_row=1))]
    assert header == BOTTLENECKS.column_names
    exported = openpyxl.load_workbook(export_workbook(store, tmp_path / "export.xlsx"), read_only=True)
    rows = list(exported["bottlenecks"].iter_rows(values_only=True))
    by_code = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_code["BN-001"]["areas"] == "FI-091;EE-0784"
    assert by_code["BN-001"]["context_et"] == store.scalar("SELECT context_et FROM bottlenecks WHERE code = 'BN-001'")
    # The export imports again unchanged.
    report = import_file(store, tmp_path / "export.xlsx")
    assert report.status == "nothing_to_do", report.message
    store.close()
