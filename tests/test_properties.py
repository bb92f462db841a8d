"""Property-based tests (Hypothesis): the validators, whole imports of generated workbooks, and every page's URL
parameters. Nothing raises, whatever is stored round-trips, and no input ever becomes part of an SQL text.

Example counts are kept small (the suite runs on two cores in CI); the strategies lean on the values that
broke things before: control and direction characters, formula triggers, Excel serials, odd periods.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
from conftest import REPO_ROOT, run_app
from factories import header, row, seeded_store, snapshot
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from twinreg_data import periods
from twinreg_data.filters import PARAMS
from twinreg_data.ingest.cells import CONTROL_CHARACTERS, EXCEL_EPOCH, MAX_DATE, MIN_DATE, to_date, to_float, to_text
from twinreg_data.schema import TABLES_BY_NAME
from twinreg_data.store import Store

FAST = settings(max_examples=200, deadline=None, database=None)
SLOW = settings(max_examples=15, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PAGE_RUNS = settings(max_examples=4, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text that has hurt spreadsheet importers and web apps: controls, direction marks, formula triggers, quotes.
NASTY = st.sampled_from(["", " ", "=1+2", "+cmd|' /C calc'!A0", "@SUM(A1)", "-1", "'; DROP TABLE imports; --",
                         '" OR 1=1 --', "\u202egnp.exe", "\u200f", "\x00", "\x1b[31m", "\x9b", "äöõüšž ÄÖÕÜŠŽ",
                         "👩🏽‍💻🇫🇮", "\ufeff", "\u2028", "NaN", "inf", "1e309", "0x1F", "1 234,5", "29.2.1900",
                         "2019-Q5", "2019-13", "１２３", "ＡＢＣ", "x" * 5_000])
ANY_TEXT = st.one_of(st.text(max_size=60), NASTY, st.builds(lambda a, b: a + b, NASTY, st.text(max_size=10)))
CELL = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
                 st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(), ANY_TEXT)
TEXT_COLUMNS = [c for t in TABLES_BY_NAME.values() for c in t.columns if c.kind in ("text", "enum", "ref", "refs")]
PERIOD = re.compile(r"\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?")


# -- the per-value converters ------------------------------------------------------------------------


@FAST
@given(CELL, st.sampled_from(TEXT_COLUMNS))
def test_text_converter_accepts_only_clean_text_and_is_idempotent(value, column):
    text, problem = to_text(value, column)
    assert (text is None) != (problem is None)
    if text is not None:
        assert not CONTROL_CHARACTERS.search(text)
        assert len(text) <= column.max_length
        assert text == text.strip() and unicodedata.is_normalized("NFC", text)
        assert to_text(text, column) == (text, None)  # stored text passes again unchanged (export → import)


@FAST
@given(CELL)
def test_number_converter_gives_a_finite_float_or_nothing(value):
    number = to_float(value)
    assert number is None or (isinstance(number, float) and math.isfinite(number))


@FAST
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_written_as_text_read_back_exactly(number):
    assert to_float(repr(number)) == number
    assert to_float(repr(number).replace(".", ",")) == number  # decimal comma
    if abs(number) < 1e15 and number == round(number, 2):
        grouped = f"{number:,.2f}".replace(",", "\u00a0").replace(".", ",")  # Finnish: 1 234,50
        assert to_float(grouped) == pytest.approx(number)


@FAST
@given(CELL)
def test_date_converter_gives_a_date_in_range_or_says_what_it_wanted(value):
    day, problem = to_date(value)
    assert (day is None) != (problem is None)
    if day is not None:
        assert isinstance(day, dt.date) and MIN_DATE <= day <= MAX_DATE
        assert to_date(day) == (day, None)


def excel_serial(day: dt.date) -> int:
    """Excel's serial number of a day, with its fictitious 29 February 1900 (serial 60)."""
    serial = (day - EXCEL_EPOCH).days
    return serial - 1 if day < dt.date(1900, 3, 1) else serial


@FAST
@example(dt.date(1900, 1, 1))
@example(dt.date(1900, 2, 28))
@example(dt.date(1900, 3, 1))
@given(st.dates(min_value=MIN_DATE, max_value=MAX_DATE))
def test_every_way_of_writing_a_date_reads_the_same_day(day):
    assert to_date(day) == (day, None)
    assert to_date(dt.datetime.combine(day, dt.time())) == (day, None)
    assert to_date(day.isoformat()) == (day, None)
    assert to_date(f"{day.day}.{day.month}.{day.year}") == (day, None)
    assert to_date(excel_serial(day)) == (day, None)
    assert to_date(float(excel_serial(day))) == (day, None)


# -- periods -----------------------------------------------------------------------------------------------


@FAST
@given(CELL, st.sampled_from([None, "annual", "quarterly", "monthly", "event"]))
def test_parse_period_never_raises_and_is_canonical(value, frequency):
    period = periods.parse_period(value, frequency)
    if period is not None:
        assert PERIOD.fullmatch(period), period
        assert periods.parse_period(period) == period
        start = periods.period_start(period)
        assert periods.MIN_YEAR <= start.year <= periods.MAX_YEAR
        assert periods.period_frequency(period) in ("annual", "quarterly", "monthly")
    assert isinstance(periods.looks_like_period(value), bool)


@FAST
@given(st.dates(min_value=dt.date(periods.MIN_YEAR, 1, 1), max_value=dt.date(periods.MAX_YEAR, 12, 31)))
def test_a_date_falls_in_the_period_of_each_frequency(day):
    for frequency in ("annual", "quarterly", "monthly"):
        period = periods.parse_period(day, frequency)
        assert periods.period_matches_frequency(period, frequency)
        assert periods.period_start(period) <= day


# -- whole imports of generated workbooks -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("prop-seed")


OBSERVATION = st.fixed_dictionaries({
    "indicator": st.one_of(st.sampled_from(["MOB_FERRY_PAX", "EMP_COMMUTER_SHARE", "DIG_EID_USES"]), ANY_TEXT),
    "area": st.one_of(st.sampled_from(["FI-091", "EE-0784", "FI1B1"]), ANY_TEXT),
    "period": st.one_of(st.sampled_from(["2019", "2020", "2023-Q2", "2024-05"]), st.integers(1890, 2110),
                        st.dates(), ANY_TEXT),
    "value": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**6, 10**12), ANY_TEXT),
    "note": st.one_of(st.none(), ANY_TEXT),
})
BOTTLENECK = st.fixed_dictionaries({
    "code": st.one_of(st.sampled_from(["BN-050", "BN-051", "BN-001"]), ANY_TEXT),
    "domain": st.sampled_from(["mobility", "taxation", "Digital", "nonsense"]),
    "title_en": ANY_TEXT, "title_fi": st.one_of(st.none(), ANY_TEXT), "side": st.sampled_from(["both", "FI", "x"]),
    "level": st.just("regional"), "severity": st.one_of(st.integers(0, 6), st.floats(allow_nan=True), ANY_TEXT),
    "source": st.just("survey"),
    "identified_on": st.one_of(st.dates(), st.integers(-5, 80_000), st.floats(allow_nan=True), ANY_TEXT),
})


def _write(kind: str, directory: Path, table: str, dicts: list[dict]) -> Path | None:
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header(table))
        for values in dicts:
            writer.writerow(["" if v is None else str(v) for v in row(table, **values)])
        path = directory / f"{table}.csv"
        path.write_bytes(out.getvalue().encode("utf-8"))
        return path
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = table
    ws.append(header(table))
    for values in dicts:
        cells = row(table, **values)
        if any(isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v) for v in cells):
            return None  # not writable into .xlsx at all
        ws.append(cells)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text, even '=1+2'
    path = directory / "generated.xlsx"
    wb.save(path)
    return path


@contextmanager
def seeded(tmp_path: Path, seed_cache: Path) -> Iterator[Store]:
    for old in tmp_path.glob("p.duckdb*"):
        old.unlink()
    store = seeded_store(tmp_path, seed_cache, name="p.duckdb")
    try:
        yield store
    finally:
        store.close()


@SLOW
@given(kind=st.sampled_from(["xlsx", "csv"]), table=st.sampled_from(["observations", "bottlenecks"]),
       data=st.data())
def test_generated_workbooks_import_or_are_refused_and_what_is_stored_round_trips(
        kind, table, data, tmp_path, seed_cache, monkeypatch):
    from twinreg_data.ingest.apply import import_file
    from twinreg_data.ingest.template import export_workbook

    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "0")
    dicts = data.draw(st.lists(OBSERVATION if table == "observations" else BOTTLENECK, min_size=1, max_size=4))
    path = _write(kind, tmp_path, table, dicts)
    if path is None:
        return
    with seeded(tmp_path, seed_cache) as store:
        before = snapshot(store)
        report = import_file(store, path, user="hypothesis")  # never raises
        assert report.status in ("applied", "invalid", "refused", "nothing_to_do")
        if report.status != "applied":
            assert snapshot(store) == before  # nothing half-written
            return
        after = snapshot(store)
        exported = export_workbook(store, tmp_path / "export.xlsx")
        again = import_file(store, exported, user="hypothesis")
        assert again.status == "nothing_to_do", [p.as_dict() for p in again.problems]
        assert snapshot(store) == after


# -- URL parameters of every page, and no SQL built from input ------------------------------------------------

MARK = "Zq7X"  # never part of any SQL the code writes
# Every page an anonymous visitor can open (the Data page needs an editor and reads no link parameter of its own).
PAGES = sorted(p.stem for p in (REPO_ROOT / "pages").glob("*.py")
               if not p.stem.startswith("_") and p.stem not in ("data", "triage"))  # editors only
_PARAM = re.compile(r"""(?:keep_in_link|query_params\.get(?:_all)?)\(\s*["']([a-z_]+)["']|"""
                    r"""url_choice\(\s*["'][a-z_]+["']\s*,\s*["']([a-z_]+)["']""")


def page_params(page: str) -> list[str]:
    """The link parameters a page reads (found in its source), plus the global ones."""
    source = (REPO_ROOT / "pages" / f"{page}.py").read_text(encoding="utf-8")
    return sorted({a or b for a, b in _PARAM.findall(source)} | set(PARAMS))


def test_page_parameters_are_found():
    assert "bn" in page_params("bottlenecks") and "ind" in page_params("indicators")
    assert {"mob_unit", "mob_mode", "mob_year", "mob_pt"} <= set(page_params("mobility"))
    assert {"sv_avail", "sv_channel", "sv_q"} <= set(page_params("services"))


@contextmanager
def sql_capture() -> Iterator[list[str]]:
    """Every SQL text any Store runs in this process (the parameters are not recorded)."""
    original = Store.cursor
    statements: list[str] = []

    class Recording:
        def __init__(self, cursor) -> None:
            self._cursor = cursor

        def execute(self, sql, *args, **kwargs):
            statements.append(str(sql))
            return self._cursor.execute(sql, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(self._cursor, name)

    @contextmanager
    def cursor(store):
        with original(store) as cur:
            yield Recording(cur)

    Store.cursor = cursor
    try:
        yield statements
    finally:
        Store.cursor = original


def marked(strategy):
    return st.builds(lambda text, where: text[:where] + MARK + text[where:], strategy, st.integers(0, 20))


def param_values(page: str):
    """Per parameter: nothing, a valid-looking value, or hostile text carrying the marker (1–3 values)."""
    plausible = st.sampled_from(["en", "fi", "et", "taxation", "mobility", "EE", "FI", "both", "2015", "2024",
                                 "BN-003", "MOB_FERRY_PAX", "passengers", "ferry", "available", "digital", "1",
                                 "2025-01-01", "0"])
    value = st.one_of(plausible, marked(ANY_TEXT))
    return st.dictionaries(st.sampled_from(page_params(page)), st.lists(value, min_size=1, max_size=3), max_size=6)


@pytest.mark.parametrize("page", PAGES)
def test_any_link_parameters_open_every_page_and_never_reach_sql(page, demo_copy, monkeypatch):
    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "0")
    hostile = {p: [MARK + "'; DROP TABLE imports; --", "\u202e" + MARK] for p in page_params(page)}

    @PAGE_RUNS
    @example(params=hostile)
    @given(params=param_values(page))
    def check(params):
        import streamlit

        streamlit.cache_data.clear()  # every query runs (and is captured), none is answered from the cache
        with sql_capture() as statements:
            at = run_app(page=f"pages/{page}.py", query=params)
        assert not at.exception, [e.value for e in at.exception]
        assert statements, "no SQL was captured: the capture is broken"
        leaked = [s for s in statements if MARK in s]
        assert leaked == [], leaked[:3]

    check()


def test_search_boxes_and_sign_in_never_reach_sql(demo_copy):
    import streamlit

    text = MARK + "' OR '1'='1"
    streamlit.cache_data.clear()
    with sql_capture() as statements:
        at = run_app(page="pages/bottlenecks.py", query={"lang": "en"})
        at.text_input(key="bn-search").input(text).run()
        at.text_input(key="bn-owner").input(text).run()
        assert not at.exception
        at.switch_page("pages/sign_in.py").run()
        at.text_input[0].input(text)
        at.text_input[1].input(text)
        at.button[0].click().run()
        assert not at.exception and at.error  # a failed sign-in, said plainly
    assert statements and [s for s in statements if MARK in s] == []


def test_file_names_sheet_names_and_cells_never_reach_sql(tmp_path, seed_cache, monkeypatch):
    from factories import table_rows, write_xlsx

    from twinreg_data.ingest.apply import import_file

    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "0")
    sheets = {
        "observations": table_rows("observations", [dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2023",
                                                         value=1.0, note=MARK + "'); DROP TABLE areas; --")]),
        f"x{MARK}'": [[MARK + '"', MARK]],
        "bottlenecks": [header("bottlenecks") + [f"{MARK}col'"], row("bottlenecks", code=f"{MARK}-1", domain=MARK)],
    }
    path = write_xlsx(tmp_path / f"{MARK}'; --.xlsx", sheets)
    with seeded(tmp_path, seed_cache) as store, sql_capture() as statements:
        report = import_file(store, path, user=MARK + "'")
        assert report.status == "invalid"
        fixed = dict(sheets)
        fixed["bottlenecks"] = fixed["bottlenecks"][:1]
        good = write_xlsx(tmp_path / f"{MARK}good'.xlsx", {"observations": fixed["observations"]})
        assert import_file(store, good, user=MARK + "'").status == "applied"
    assert statements and [s for s in statements if MARK in s] == []
