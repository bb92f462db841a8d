"""Defects found on real files (issue 18), each with the test that failed before its fix."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from factories import patch_sheet_xml, seeded_store, table_rows, write_xlsx

from twinreg_data.i18n import t
from twinreg_data.ingest import filecheck, reports
from twinreg_data.ingest.annotate import annotated_workbook
from twinreg_data.ingest.apply import import_file
from twinreg_data.store import Store

REPO_ROOT = Path(__file__).resolve().parents[1]
CLI_TIMEOUT = 120


def test_every_missing_required_column_is_reported_at_once(store: Store, tmp_path: Path) -> None:
    # Only the indicator column: area, period and value are all missing, and one upload must say so.
    path = write_xlsx(tmp_path / "one_column.xlsx", {"observations": [["indicator"], ["MOB_FERRY_PAX"]]})
    report = import_file(store, path, dry_run=True)
    assert report.status == "invalid"
    missing = sorted(p.column for p in report.problems if p.rule == "missing_column")
    assert missing == ["area", "period", "value"]
    assert report.error_count == 3


def _many_bad_rows(tmp_path: Path, rows: int = 300) -> Path:
    return write_xlsx(tmp_path / "many_bad.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area=f"XX-{i}", period=str(1950 + i % 100), value=1.0) for i in range(rows)])})


def _cli_db(tmp_path: Path) -> str:
    s = seeded_store(tmp_path, None, "cli.duckdb")
    s.close()
    return str(tmp_path / "cli.duckdb")


def test_cli_output_piped_into_a_closed_pipe_prints_no_traceback(tmp_path: Path) -> None:
    db, path = _cli_db(tmp_path), _many_bad_rows(tmp_path)
    # Like `| head -0`: the reader is gone before the command writes a line.
    proc = subprocess.Popen([sys.executable, "-m", "twinreg_data", "--db", db, "import", str(path), "--dry-run"],
                            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=CLI_TIMEOUT)
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert proc.returncode == 141


def test_cli_unexpected_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    db = _cli_db(tmp_path)
    (tmp_path / "a_file").write_text("not a folder")
    out = tmp_path / "a_file" / "template.xlsx"  # an OS error the command does not foresee
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", db, "template", str(out)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL)
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.startswith("error: "), done.stderr


POPULATION = dict(code="DEM_POPULATION", domain="employment", name_en="Population", unit="persons",
                  polarity="neutral", frequency="annual", source="Statistics Finland")


def test_outlier_compares_with_the_same_indicator_and_area(store: Store, tmp_path: Path) -> None:
    history = [dict(indicator="DEM_POPULATION", area=area, period=str(year), value=value + 1_000.0 * i)
               for area, value in (("FI", 5_500_000.0), ("FI-091", 656_000.0), ("EE-0784", 437_000.0))
               for i, year in enumerate((2020, 2021, 2022))]
    first = write_xlsx(tmp_path / "population.xlsx", {"indicators": table_rows("indicators", [POPULATION]),
                                                      "observations": table_rows("observations", history)})
    assert import_file(store, first).status == "applied"
    # A thousands dot read as a decimal point: 674.500 is 674.5, within the indicator's range over all areas
    # (Tallinn … Finland spans millions) but far outside Helsinki's own history.
    typo = write_xlsx(tmp_path / "typo.xlsx", {"observations": table_rows("observations", [
        dict(indicator="DEM_POPULATION", area="FI-091", period="2023", value="674.500"),
        dict(indicator="DEM_POPULATION", area="FI", period="2023", value=5_503_000.0),
    ])})
    report = import_file(store, typo, dry_run=True)
    assert report.status == "dry_run"
    assert [(p.rule, p.cell, p.severity) for p in report.problems] == [("outlier", "observations!D2", "warning")]


@pytest.mark.parametrize("period_header", ["2019/20", "Jan 2024", "2023*", "1850", "2023 (preliminary)"])
def test_a_column_that_looks_like_a_period_but_is_not_understood_is_an_error(store: Store, tmp_path: Path,
                                                                             period_header: str) -> None:
    path = write_xlsx(tmp_path / "wide.xlsx", {"observations": [
        ["indicator", "area", "2021", "2022", period_header],
        ["MOB_FERRY_PAX", "FI-091", 4_900_000, 7_300_000, 8_000_000],
    ]})
    report = import_file(store, path, dry_run=True)
    assert report.status == "invalid"
    assert [(p.rule, p.cell, p.value) for p in report.problems] == [("bad_period", "observations!E1", period_header)]


def _helsinki(**values: object) -> dict:
    return dict(dict(code="FI-091", country="FI", level="municipality", parent="FI1B1", name_en="Helsinki"), **values)


def test_a_column_left_out_keeps_the_database_value_and_an_empty_cell_clears_it(store: Store,
                                                                                 tmp_path: Path) -> None:
    # Only the required columns and a new English name: source, population, coordinates … are not in the sheet.
    columns = ["code", "country", "level", "parent", "name_en"]
    renamed = _helsinki(name_en="Helsinki city")
    path = write_xlsx(tmp_path / "names.xlsx", {"areas": [columns, [renamed[c] for c in columns]]})
    preview = import_file(store, path, dry_run=True)
    assert preview.status == "dry_run"
    assert preview.diff["areas"].changed == 1
    assert [(c["column"], c["new"]) for c in preview.diff["areas"].changes] == [("name_en", "Helsinki city")]
    assert import_file(store, path).status == "applied"
    kept = store.query("SELECT name_en, source, population, lat FROM areas WHERE code = 'FI-091'")
    assert kept == [("Helsinki city", "Statistics Finland", 674500, 60.1699)]
    # The column present and its cell empty: the official cleared it on purpose.
    cleared = write_xlsx(tmp_path / "cleared.xlsx", {"areas": [columns + ["source"],
                                                               [renamed[c] for c in columns] + [None]]})
    report = import_file(store, cleared)
    assert report.status == "applied"
    assert [(c["column"], c["old"], c["new"]) for c in report.diff["areas"].changes] == [
        ("source", "Statistics Finland", None)]
    assert store.query("SELECT source, population FROM areas WHERE code = 'FI-091'") == [(None, 674500)]


def _declare(ref: bytes) -> Callable[[bytes], bytes]:
    def patch(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="' + ref + b'"/>', xml)
        # As LibreOffice writes a sheet formatted to its end: a styled row and cell without a value.
        return xml.replace(b"</sheetData>", b'<row r="1048576" s="1" customFormat="true">'
                                            b'<c r="' + ref.split(b":")[1] + b'" s="1"/></row></sheetData>')
    return patch


@pytest.mark.parametrize("ref", [b"A1:AMJ1048576", b"A1:XFD1048576"])
def test_a_sheet_declaring_the_whole_grid_is_judged_by_its_cells(store: Store, tmp_path: Path, ref: bytes) -> None:
    src = write_xlsx(tmp_path / "src.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2023", value=8_000_000.0)])})
    path = patch_sheet_xml(src, tmp_path / "libreoffice.xlsx", "observations", _declare(ref))
    report = import_file(store, path)
    assert report.status == "applied", (report.message, [p.as_dict() for p in report.problems])
    assert report.diff["observations"].new == 1


def _monthly_35_years(tmp_path: Path) -> Path:
    months = [f"{year}-{month:02d}" for year in range(1990, 2025) for month in range(1, 13)]
    return write_xlsx(tmp_path / "monthly.xlsx", {"observations": [
        ["indicator", "area", *months],
        ["DIG_EID_USES", "EE-0784", *[1_000.0 + i for i in range(len(months))]],
    ]})


def test_a_monthly_series_of_35_years_in_the_wide_layout_imports(store: Store, tmp_path: Path) -> None:
    report = import_file(store, _monthly_35_years(tmp_path))  # 422 columns
    assert report.status == "applied", (report.message, [p.as_dict() for p in report.problems][:5])
    assert report.diff["observations"].new == 420


def test_the_size_limit_stays_in_cells(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filecheck, "MAX_CELLS", 800)  # the sheet has 2 rows × 422 columns
    report = import_file(store, _monthly_35_years(tmp_path))
    assert (report.status, report.refusal_reason) == ("refused", "too_many_cells")
    assert "844 cells" in report.message


def _same_mistake_everywhere(tmp_path: Path) -> Path:
    """The same unknown area in 40 rows, and one other mistake."""
    rows = [dict(indicator="MOB_FERRY_PAX", area="FI-99", period=str(1960 + i), value=1.0) for i in range(40)]
    rows.append(dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2030", value="many"))
    return write_xlsx(tmp_path / "same_mistake.xlsx", {"observations": table_rows("observations", rows)})


def test_a_long_error_list_is_grouped_in_the_cli_and_complete_in_json(tmp_path: Path) -> None:
    db, path = _cli_db(tmp_path), _same_mistake_everywhere(tmp_path)
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", db, "import", str(path), "--dry-run"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL)
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("error")]
    assert len(lines) == 2, done.stdout
    assert "FI-99" in lines[0] and " 40 " in lines[0]
    assert "observations!B2, observations!B3, observations!B4, observations!B5, observations!B6, …" in lines[0]
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", db, "import", str(path), "--json"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL)
    report = json.loads(done.stdout)
    assert len(report["problems"]) == 41
    assert [(g["rule"], g["value"], g["count"]) for g in report["problem_groups"]] == [
        ("unknown_code", "FI-99", 40), ("not_a_number", "many", 1)]


def test_a_long_error_list_is_grouped_in_the_report_and_the_marked_up_copy(store: Store, tmp_path: Path) -> None:
    path = _same_mistake_everywhere(tmp_path)
    report = import_file(store, path)
    grouped = reports.problem_groups_frame(report, "en")
    assert grouped[t("Count", "en")].tolist() == [40, 1]
    assert grouped[t("Cell", "en")].iloc[0].count("observations!") == 5
    full = pd.read_csv(io.BytesIO(reports.problems_csv(report, "en")), encoding="utf-8-sig")
    assert len(full) == 41
    copy = openpyxl.load_workbook(annotated_workbook(path, "xlsx", report.problems, tmp_path / "marked.xlsx"))
    summary = copy.worksheets[0]
    assert summary.title == "Problems found"
    assert [r[4] for r in summary.iter_rows(min_row=2, values_only=True)] == [40, 1]
    assert copy["observations"]["B41"].comment is not None  # every cell is still marked
    # Uploading the marked-up copy again: its problems sheet is no unknown sheet.
    again = import_file(store, tmp_path / "marked.xlsx", dry_run=True)
    assert "unknown_sheet" not in {p.rule for p in again.problems}


def test_the_data_page_groups_a_long_error_list_and_offers_the_whole_list(editor: Path, tmp_path: Path) -> None:
    from conftest import sign_in
    from test_page_data import new_app, upload

    at = sign_in(new_app().run(), "eeva", "a long password")
    upload(at, "same_mistake.xlsx", _same_mistake_everywhere(tmp_path).read_bytes())
    assert not at.exception
    shown = at.dataframe[0].value
    assert shown[t("Count", "en")].tolist() == [40, 1]
    assert any(b.label == t("Every problem, one line per cell (CSV)", "en") for b in at.get("download_button"))


def _with_hidden_rows_and_column(tmp_path: Path) -> Path:
    """Four new ferry years: 2025 hidden by hand, 2026 by a filter, and the note column (H) hidden."""
    rows = [dict(indicator="MOB_FERRY_PAX", area="EE-0784", period=str(year), value=1_000_000.0 + year,
                 note=f"note {year}") for year in (2024, 2025, 2026, 2027)]
    path = write_xlsx(tmp_path / "plain.xlsx", {"observations": table_rows("observations", rows)})
    wb = openpyxl.load_workbook(path)
    ws = wb["observations"]
    ws.row_dimensions[3].hidden = True  # 2025, hidden by hand
    ws.auto_filter.ref = f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    ws.auto_filter.add_filter_column(2, ["2024", "2025", "2027"])
    ws.row_dimensions[4].hidden = True  # 2026, filtered out (Excel hides the rows a filter leaves out)
    note_letter = openpyxl.utils.get_column_letter(table_rows("observations", [])[0].index("note") + 1)
    ws.column_dimensions[note_letter].hidden = True
    wb.save(tmp_path / "hidden.xlsx")
    return tmp_path / "hidden.xlsx"


def test_hidden_rows_and_columns_are_reported_and_skipped_by_default(store: Store, tmp_path: Path) -> None:
    path = _with_hidden_rows_and_column(tmp_path)
    report = import_file(store, path)
    assert report.status == "applied", [p.as_dict() for p in report.problems]
    found = {p.rule: p for p in report.problems}
    assert (found["hidden_rows"].severity, found["hidden_rows"].value) == ("warning", "3–4")
    assert found["hidden_columns"].cell == "observations!H1" and found["hidden_columns"].value == "H"  # note
    assert "skipped" in found["hidden_rows"].expected
    assert report.diff["observations"].new == 2 and report.diff["observations"].hidden_skipped == 2
    assert report.as_dict()["hidden_rows_skipped"] == 2 and "2 rows hidden in Excel were skipped" in report.message
    stored = store.query("SELECT period, note FROM observations WHERE area = 'EE-0784' AND indicator = "
                         "'MOB_FERRY_PAX' ORDER BY period")
    assert stored == [("2024", None), ("2027", None)]  # the hidden note column was skipped too


def test_hidden_rows_and_columns_imported_when_the_official_chooses(tmp_path: Path) -> None:
    db, path = _cli_db(tmp_path), _with_hidden_rows_and_column(tmp_path)
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", db, "import", str(path), "--hidden",
                           "import", "--json"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=CLI_TIMEOUT,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["hidden"] == "import" and report["hidden_rows_skipped"] == 0
    assert report["diff"]["observations"]["new"] == 4
    assert {p["rule"] for p in report["problems"]} >= {"hidden_rows", "hidden_columns"}
    store = Store(db)
    assert store.scalar("SELECT note FROM observations WHERE area = 'EE-0784' AND period = '2026'") == "note 2026"
    store.close()


def test_the_data_page_lets_the_official_choose_what_hidden_rows_do(editor: Path, tmp_path: Path) -> None:
    from conftest import sign_in
    from test_page_data import new_app, upload

    at = sign_in(new_app().run(), "eeva", "a long password")
    upload(at, "hidden.xlsx", _with_hidden_rows_and_column(tmp_path).read_bytes())
    assert not at.exception
    assert at.radio(key="hidden").value == "skip"
    assert at.session_state["check"].report.hidden_rows_skipped == {"observations": 2}
    at.radio(key="hidden").set_value("import").run()
    assert not at.exception
    assert at.session_state["check"].report.hidden_rows_skipped == {}
    assert at.session_state["check"].report.diff["observations"].new == 4
