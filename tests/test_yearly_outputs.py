"""Yearly outputs: the register export for the Commission (CSV, XLSX) and the yearly report (PowerPoint, PDF), from
the real demo database, checked against the status history read independently."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from twinreg_data.briefing import pdf_available, pptx_bytes
from twinreg_data.briefing.yearly import yearly_report
from twinreg_data.exports import register_bytes
from twinreg_data.i18n import LANGUAGES, t
from twinreg_data.queries.register import COMMISSION_FIELDS, commission_register, obstacles_of_year
from twinreg_data.store import Store

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 12, 6)
CLOSED = {"resolved", "partly_resolved", "written_off"}


@pytest.fixture
def db(demo_copy: Path) -> Store:
    store = Store(demo_copy)
    yield store
    store.close()


def expected_year(store: Store, year: int) -> dict[str, tuple[str, bool]]:
    """code → (status at the end of the year, solved in the year), from the events read in Python."""
    events = store.query_df("SELECT bottleneck, date, seq, status FROM bottleneck_events ORDER BY date, seq")
    identified = dict(store.query("SELECT code, identified_on FROM bottlenecks"))
    start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), TODAY)
    result = {}
    for code, on in identified.items():
        mine = events[events["bottleneck"] == code]
        dates = [pd.Timestamp(d).date() for d in mine["date"]]
        before = [s for s, d in zip(mine["status"], dates, strict=True) if d < start]
        upto = [(s, d) for s, d in zip(mine["status"], dates, strict=True) if d <= end]
        if on > end or (before and before[-1] in CLOSED):
            continue
        status = upto[-1][0] if upto else "identified"
        solved = status in ("resolved", "partly_resolved") and any(
            d >= start and s in CLOSED for s, d in upto)
        result[code] = (status, solved)
    return result


@pytest.mark.parametrize("year", [2019, 2024, 2026])
def test_the_obstacles_of_a_year_follow_the_status_history(db: Store, year: int) -> None:
    frame = obstacles_of_year(db, year, "en", TODAY)
    got = {r.code: (r.status, bool(r.solved_in_year)) for r in frame.itertuples()}
    assert got == expected_year(db, year)


def test_the_commission_register_has_the_regulations_fields(db: Store, tmp_path: Path) -> None:
    obstacles = obstacles_of_year(db, 2026, "fi", TODAY)
    register = commission_register(obstacles, 2026)
    assert list(register.columns) == list(COMMISSION_FIELDS)
    assert len(register) == len(obstacles) == register["obstacle_id"].nunique()
    assert set(register["reporting_year"]) == {2026}
    row = register.set_index("obstacle_id").loc["BN-001"]
    assert row["member_states"] == "FI;EE" and row["areas"] == "FI-091;EE-0784"
    assert row["problem"] == db.scalar("SELECT problem_fi FROM bottlenecks WHERE code = 'BN-001'")
    assert bool(register.set_index("obstacle_id").loc["BN-006", "solved_in_reporting_year"])
    workbook = openpyxl.load_workbook(io.BytesIO(register_bytes(db, 2026, "en", "xlsx")), read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == list(COMMISSION_FIELDS) and len(rows) - 1 == len(register)
    csv = pd.read_csv(io.BytesIO(register_bytes(db, 2026, "en", "csv")), encoding="utf-8-sig")
    assert list(csv.columns) == list(COMMISSION_FIELDS) and len(csv) == len(register)


def test_the_register_command(demo_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    run = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(demo_copy), "register", "--year", "2025",
                          "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.is_file() and "Register 2025" in run.stdout
    bad = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(demo_copy), "register", "--year",
                          "next", "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "reporting year" in bad.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_yearly_report_in_every_language(db: Store, lang: str) -> None:
    report = yearly_report(db, 2026, lang, TODAY)
    deck = Presentation(io.BytesIO(pptx_bytes(report)))
    texts = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame) for slide in deck.slides]
    assert len(deck.slides) == len(report.slides) >= 6
    assert t("Priority list", lang) in texts[2]
    solved = [r.code for r in obstacles_of_year(db, 2026, lang, TODAY).itertuples() if r.solved_in_year]
    solved_slide = next(s for s in report.slides if s.title == t("Solved in {year}", lang, year=2026))
    assert [row[0].text.split(" · ")[0] for row in solved_slide.table.rows] == solved
    # The priority list: open obstacles, most severe first.
    priority = report.slides[2].table
    severities = [int(row[1].text.split(" / ")[0]) for row in priority.rows]
    assert severities == sorted(severities, reverse=True)
    # Every obstacle of the year is in the status slides' notes.
    notes = report.slides[-2].notes
    assert all(code in notes for code in obstacles_of_year(db, 2026, lang, TODAY)["code"])


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice is not installed")
def test_the_yearly_report_as_pdf(db: Store) -> None:
    from twinreg_data.exports import yearly_report_bytes

    assert yearly_report_bytes(db, 2026, "et", "pdf")[:5] == b"%PDF-"


def test_the_bottlenecks_page_offers_the_yearly_outputs(demo_copy: Path) -> None:
    from conftest import run_app

    at = run_app("pages/bottlenecks.py", {"lang": "fi"})
    assert not at.exception
    assert at.selectbox(key="bn-year").value == dt.date.today().year
    labels = [b.proto.label for b in at.get("download_button")]
    assert t("Register (CSV)", "fi") in labels and t("Yearly report (PowerPoint)", "fi") in labels
