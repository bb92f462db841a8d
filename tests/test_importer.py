"""The import pipeline on real files: apply, diff, idempotence, dry run, rollback, audit, template, CLI, kill."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from factories import (
    BASE_AREAS,
    BASE_BOTTLENECKS,
    BASE_EVENTS,
    BASE_INDICATORS,
    BASE_OBSERVATIONS,
    base_sheets,
    counts,
    csv_bytes,
    extra_sheets,
    header,
    new_store,
    row,
    seeded_store,
    snapshot,
    table_rows,
    write_bytes,
    write_xlsx,
)

from twinreg_data.i18n import N_, NP_, format_number, t
from twinreg_data.ingest import reports
from twinreg_data.ingest.annotate import annotated_workbook, note
from twinreg_data.ingest.apply import import_file
from twinreg_data.ingest.history import ImportBlocked, rollback
from twinreg_data.ingest.template import export_workbook, write_template
from twinreg_data.labels import RULE_LABELS
from twinreg_data.schema import AREAS, TABLES
from twinreg_data.store import Store, quote_identifier

REPO_ROOT = Path(__file__).resolve().parents[1]
CLI_TIMEOUT = 120


@pytest.fixture
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.getbasetemp() / "seed-cache"
    cache.mkdir(exist_ok=True)
    return cache


@pytest.fixture
def store(tmp_path: Path, seed_cache: Path) -> Store:
    s = seeded_store(tmp_path, seed_cache)
    yield s
    s.close()


def obs_row(indicator: str, area: str, period: str, value: float, **kw) -> dict:
    return dict(indicator=indicator, area=area, period=period, value=value, **kw)


def describe(report) -> str:
    return f"{report.status} {report.refusal_reason} {report.message}\n" + "\n".join(
        f"  {p.severity} {p.rule} {p.cell} {p.value!r} {p.expected!r}" for p in report.problems)


def data_without_import_id(store: Store) -> dict[str, list[tuple]]:
    """Every table's rows without the provenance column, ordered by every column."""
    out = {}
    for table in TABLES:
        cols = [c for c in table.stored_columns if c != "import_id"]
        sel = ", ".join(quote_identifier(c) for c in cols)
        out[table.name] = store.query(f"SELECT {sel} FROM {quote_identifier(table.name)} ORDER BY {sel}")
    return out


def audit_rows(store: Store) -> list[tuple]:
    return store.query("SELECT action, outcome, actor, detail FROM audit_log ORDER BY id")


# -- applying ------------------------------------------------------------------------------------


def test_valid_import_applies_typed_rows(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    path = write_xlsx(tmp_path / "base.xlsx", base_sheets())
    report = import_file(store, path, user="alice")
    assert report.status == "applied", describe(report)
    assert report.error_count == 0 and report.warning_count == 0
    assert report.import_id == 1
    assert report.rows_read == {"areas": 6, "indicators": 3, "observations": 9, "bottlenecks": 2,
                                "bottleneck_events": 3}
    assert {k: (d.new, d.changed, d.unchanged) for k, d in report.diff.items()} == {
        "areas": (6, 0, 0), "indicators": (3, 0, 0), "observations": (9, 0, 0), "bottlenecks": (2, 0, 0),
        "bottleneck_events": (3, 0, 0)}
    assert store.table_counts() == {"areas": 6, "indicators": 3, "observations": 9, "bottlenecks": 2,
                                    "bottleneck_events": 3, "flows": 0, "services": 0, "actions": 0,
                                    "regions_benchmark": 0}
    imports = store.query("SELECT id, file_name, uploaded_by, status, sheets FROM imports")
    assert imports == [(1, "base.xlsx", "alice", "applied", json.dumps(list(base_sheets())))]
    for table in ("areas", "indicators", "observations", "bottlenecks", "bottleneck_events"):
        assert store.query(f"SELECT DISTINCT import_id FROM {table}") == [(1,)]

    # Typed values, exactly as written in the workbook.
    helsinki = store.query("SELECT code, country, level, parent, name_sv, lat, lon, population, population_year "
                           "FROM areas WHERE code = 'FI-091'")
    assert helsinki == [("FI-091", "FI", "municipality", "FI1B1", "Helsingfors", 60.1699, 24.9384, 674500, 2023)]
    assert isinstance(helsinki[0][7], int)
    got = store.query("SELECT indicator, area, period, value, value_low, value_high, flag, note, period_start "
                      "FROM observations ORDER BY indicator, area, period")
    expected = sorted(
        (o["indicator"], o["area"], o["period"], o["value"], o.get("value_low"), o.get("value_high"),
         o.get("flag"), o.get("note"), None) for o in BASE_OBSERVATIONS)
    assert [g[:8] for g in got] == [e[:8] for e in expected]
    assert all(isinstance(g[3], float) for g in got)
    starts = {(g[0], g[2]): g[8] for g in got}
    assert starts[("MOB_FERRY_PAX", "2020")] == dt.date(2020, 1, 1)
    assert starts[("EMP_COMMUTER_SHARE", "2023-Q3")] == dt.date(2023, 7, 1)
    assert starts[("DIG_EID_USES", "2024-02")] == dt.date(2024, 2, 1)
    bns = store.query("SELECT code, severity, people_low, people_high, identified_on, indicators FROM bottlenecks "
                      "ORDER BY code")
    assert bns == [(b["code"], b["severity"], b.get("people_low"), b.get("people_high"), b["identified_on"],
                    b["indicators"]) for b in BASE_BOTTLENECKS]
    events = store.query("SELECT bottleneck, date, seq, status, note, who FROM bottleneck_events "
                         "ORDER BY bottleneck, date, seq")
    assert events == sorted((e["bottleneck"], e["date"], e["seq"], e["status"], e.get("note"), e["who"])
                            for e in BASE_EVENTS)
    assert store.query("SELECT code, status FROM bottleneck_current ORDER BY code") == [
        ("BN-001", "analysed"), ("BN-002", "identified")]
    assert store.scalar("SELECT count(*) FROM indicators") == len(BASE_INDICATORS)
    assert store.scalar("SELECT count(*) FROM areas") == len(BASE_AREAS)


def _second_file(tmp_path: Path, name: str = "second.xlsx") -> Path:
    rows = [dict(o) for o in BASE_OBSERVATIONS]
    for o in rows:
        if o["period"] == "2021":
            o["value"] = 5_000_000.0  # changed
    rows.append(obs_row("MOB_FERRY_PAX", "FI-091", "2023", 8_100_000.0))  # new
    return write_xlsx(tmp_path / name, {"observations": table_rows("observations", rows)})


def test_diff_reports_new_changed_unchanged(store: Store, tmp_path: Path) -> None:
    path = _second_file(tmp_path)
    preview = import_file(store, path, dry_run=True)
    report = import_file(store, path, user="bob")
    for r in (preview, report):
        d = r.diff["observations"]
        assert (d.new, d.changed, d.unchanged) == (1, 1, 8), describe(r)
        assert d.new_keys == ["MOB_FERRY_PAX / FI-091 / 2023"]
        assert d.changes == [{"key": "MOB_FERRY_PAX / FI-091 / 2021", "column": "value", "old": 4_900_000.0,
                              "new": 5_000_000.0}]
    assert preview.status == "dry_run" and report.status == "applied"
    assert store.query("SELECT value, import_id FROM observations WHERE period IN ('2021', '2023') "
                       "AND indicator = 'MOB_FERRY_PAX' ORDER BY period") == [
        (5_000_000.0, report.import_id), (8_100_000.0, report.import_id)]
    # Unchanged rows keep the import that wrote them.
    assert store.scalar("SELECT import_id FROM observations WHERE period = '2019'") == 1
    assert json.loads(store.scalar("SELECT counts FROM imports WHERE id = ?", [report.import_id])) == {
        "observations": {"new": 1, "changed": 1, "unchanged": 8}}


def test_bottleneck_status_changes_reported(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "events.xlsx", {
        "bottlenecks": table_rows("bottlenecks", [dict(
            code="BN-003", domain="education", title_en="Diplomas not recognised", side="EE", level="national",
            severity=2, source="report", identified_on=dt.date(2024, 2, 1))]),
        "bottleneck_events": table_rows("bottleneck_events", [
            dict(bottleneck="BN-001", date=dt.date(2024, 1, 15), seq=1, status="prioritised", who="Steering group"),
            dict(bottleneck="BN-001", date=dt.date(2024, 1, 15), seq=2, status="solution_proposed",
                 who="Ministry of Finance"),
            # older than BN-002's latest event: its status stays "identified"
            dict(bottleneck="BN-002", date=dt.date(2023, 2, 1), seq=1, status="identified", who="Survey"),
            dict(bottleneck="BN-003", date=dt.date(2024, 2, 1), seq=1, status="analysed", who="WP2"),
        ]),
    })
    report = import_file(store, path)
    assert report.status == "applied", describe(report)
    assert report.status_changes == [
        {"bottleneck": "BN-001", "before": "analysed", "after": "solution_proposed", "who": "Ministry of Finance"},
        {"bottleneck": "BN-003", "before": None, "after": "analysed", "who": "WP2"},
    ]
    assert store.query("SELECT code, status FROM bottleneck_current ORDER BY code") == [
        ("BN-001", "solution_proposed"), ("BN-002", "identified"), ("BN-003", "analysed")]


def test_same_file_again_is_nothing_to_do(store: Store, tmp_path: Path) -> None:
    path = _second_file(tmp_path)
    first = import_file(store, path, user="carol")
    assert first.status == "applied"
    before = snapshot(store, [t.name for t in TABLES] + ["imports"])
    again = import_file(store, path, user="dave")
    assert again.status == "nothing_to_do", describe(again)
    assert f"import #{first.import_id}" in again.message
    assert "carol" in again.message
    assert again.import_id == first.import_id
    assert snapshot(store, [t.name for t in TABLES] + ["imports"]) == before


def test_different_file_with_identical_rows_is_nothing_to_do(store: Store, tmp_path: Path) -> None:
    # Same rows as the base data, in another order, another file and without the other sheets.
    rows = list(reversed(BASE_OBSERVATIONS))
    path = write_bytes(tmp_path / "observations.csv", csv_bytes(table_rows("observations", rows), delimiter=";"))
    before = snapshot(store, [t.name for t in TABLES] + ["imports"])
    report = import_file(store, path)
    assert report.status == "nothing_to_do", describe(report)
    assert report.import_id is None
    assert report.diff["observations"].unchanged == len(BASE_OBSERVATIONS)
    assert "Nothing changed" in report.message
    assert snapshot(store, [t.name for t in TABLES] + ["imports"]) == before


def test_dry_run_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = _second_file(tmp_path)
    before = snapshot(store, [t.name for t in TABLES] + ["imports", "audit_log"])
    before_counts = counts(store)
    report = import_file(store, path, dry_run=True)
    assert report.status == "dry_run"
    assert report.import_id is None
    assert "nothing was written" in report.message
    assert counts(store) == before_counts
    assert snapshot(store, [t.name for t in TABLES] + ["imports", "audit_log"]) == before
    # A dry run does not count as an earlier import of the file.
    assert import_file(store, path).status == "applied"


def test_outlier_is_a_warning_and_imports(store: Store, tmp_path: Path) -> None:
    # History 4.3 M … 9.1 M passengers; 91 M is a decimal slip: warned about, not blocked.
    path = write_xlsx(tmp_path / "outlier.xlsx", {"observations": table_rows("observations", [
        obs_row("MOB_FERRY_PAX", "FI-091", "2023", 91_000_000.0),
        obs_row("MOB_FERRY_PAX", "FI-091", "2024", 9_000_000.0),
    ])})
    report = import_file(store, path)
    assert report.status == "applied", describe(report)
    assert report.error_count == 0 and report.warning_count == 1
    (p,) = report.problems
    assert (p.rule, p.cell, p.severity, p.value) == ("outlier", "observations!D2", "warning", "91000000")
    assert p.expected
    assert store.scalar("SELECT value FROM observations WHERE period = '2023'") == 91_000_000.0


# -- the report in the reader's language -----------------------------------------------------------

# Rules the workbook of _many_problems breaks (each at least once).
MANY_RULES = {
    "hidden_sheet", "unknown_sheet", "unknown_column", "bad_text", "required", "bad_choice", "out_of_range",
    "not_a_number", "not_whole", "bad_period", "period_frequency", "unknown_code", "bad_date", "self_parent",
    "duplicate", "negative_count", "band_order", "outlier", "order", "same_area",
}


def _many_problems(tmp_path: Path) -> Path:
    """A real workbook with errors and warnings of (nearly) every kind, in six sheets."""
    bottleneck = dict(code="BN-003", domain="taxation", title_en="Pensions", side="both", level="national",
                      source="interview", identified_on=dt.date(2024, 1, 1))
    sheets = {
        "areas": table_rows("areas", [
            dict(code="FI-049", country="FI", level="town", parent="FI-049", name_en="Espoo", lat=200,
                 population="many", population_year=1800),
            dict(code="FI 092", level="municipality", name_en="x" * 250, population=1.5),
        ]),
        "indicators": [header("indicators") + ["comment"]],
        "observations": table_rows("observations", [
            obs_row("MOB_FERRY_PAX", "FI-999", "2025", 1.0),
            obs_row("MOB_FERRY_PAX", "fi-091", "2026", 2.0),
            obs_row("MOB_FERRY_PAX", "FI-091", "2025-13", 3.0),
            obs_row("MOB_FERRY_PAX", "FI-091", "2024-03", 4.0),
            obs_row("MOB_FERRY_PAX", "EE-0784", "2024", -5.0, value_low=10.0),
            obs_row("MOB_FERRY_PAX", "EE-0784", "2024", 5.0),
            obs_row("MOB_FERRY_PAX", "FI-091", "2023", 91_000_000.5),
            obs_row("EMP_COMMUTER_SHARE", "FI-091", "2024-Q1", "n/a", flag="maybe"),
        ]),
        "bottlenecks": table_rows("bottlenecks", [
            dict(bottleneck, severity=9, people_low=500, people_high=100, identified_on="2024-02-30",
                 title_fi="a\u202eb", indicators="MOB_FERRY_PAX;NO_SUCH"),
        ]),
        "actions": table_rows("actions", [
            dict(code="A-01", title_en="Guide", work_package="WP3", bottlenecks="BN-999", lead="x",
                 level="administrative", start=dt.date(2024, 6, 1), due=dt.date(2024, 1, 1), status="ongoing",
                 completed_on=60),
        ]),
        "flows": table_rows("flows", [
            dict(origin="FI-091", destination="FI-091", mode="ferry", period="2023", volume=1.0, unit="passengers",
                 source="x"),
        ]),
        "regions_benchmark": table_rows("regions_benchmark", [
            dict(code="X1", name="X", countries="DK", legal_form="EGTC", founded=2**60, source="s"),
        ]),
        "Notes": [["free text"]],
    }
    return write_xlsx(tmp_path / "many.xlsx", sheets, hidden=["regions_benchmark"])


def _english_phrases(messages: set[str]) -> set[str]:
    """The fixed words of English expected-texts (placeholders cut out): runs of two words or more."""
    phrases = set()
    for message in messages:
        for part in re.split(r"\{\w+\}", message):
            part = part.strip(" ();:,.")
            if " " in part and len(part) >= 8:
                phrases.add(part)
    return phrases


def test_every_problem_is_reported_in_the_readers_language(store: Store, tmp_path: Path) -> None:
    report = import_file(store, _many_problems(tmp_path))
    assert report.status == "invalid", describe(report)
    assert {p.rule for p in report.problems} >= MANY_RULES, describe(report)
    for p in report.problems:  # each problem has a template of its own rule; English comes from it too
        if re.sub(r"\{\w+\}", "", p.expected_key).strip():  # a message with words (not just "{help}")
            assert t(p.expected_key, "fi") != p.expected_key, p  # has a Finnish translation
        assert p.expected == p.expected_in("en")
    english = _english_phrases({p.expected_key for p in report.problems})
    assert len(english) > 20
    english_texts = {p.expected for p in report.problems}
    for lang in ("fi", "et"):
        frame = reports.problems_frame(report, lang)
        assert len(frame) == len(report.problems)
        assert set(frame[t(NP_("data", "Severity"), lang)]) == {t("error", lang), t("warning", lang)}
        assert set(frame[t("Problem", lang)]) <= {t(RULE_LABELS[r], lang) for r in MANY_RULES}
        shown = frame[t("Expected", lang)].tolist()
        assert not set(shown) & english_texts
        for text in shown:
            assert text.strip() and not [phrase for phrase in english if phrase in text], (lang, text)
    fi = reports.problems_frame(report, "fi")
    by_cell = dict(zip(fi[t("Cell", "fi")] + " " + fi[t("Problem", "fi")],
                       fi[t("Expected", "fi")], strict=True))

    def finnish(cell: str, rule: str) -> str:
        return by_cell[f"{cell} {t(RULE_LABELS[rule], 'fi')}"]

    assert finnish("observations!B3", "unknown_code") == t("a code that exists in {table} (in the database or in "
                                                           "this workbook); unknown: {unknown} (did you mean "
                                                           "{suggestion}?)", "fi", table="areas",
                                                           unknown="fi-091", suggestion="FI-091")
    assert "tarkoititko FI-091?" in finnish("observations!B3", "unknown_code")
    assert finnish("observations!C5", "period_frequency") == "vuosi, esim. 2019 (indikaattori MOB_FERRY_PAX)"
    assert finnish("areas!B3", "required") == f"arvo ({t(AREAS.column('country').help, 'fi')})"
    assert finnish("observations!D6", "negative_count") == "lukumäärä (matkustajat), joka ei ole negatiivinen"
    assert finnish("actions!K2", "order") == "due-päivä, joka ei ole ennen start-päivää"
    # Numbers in the reader's format: Finnish groups with a no-break space.
    assert format_number(2**53, "fi") in finnish("regions_benchmark!E2", "out_of_range")
    assert "23\u00a0500\u00a0000" in finnish("observations!D8", "outlier")
    assert "23,500,000" in next(p.expected for p in report.problems if p.rule == "outlier")
    assert finnish("areas!E3", "bad_text") == "enintään 200 merkkiä (nyt 250)"
    et = reports.problems_frame(report, "et")
    assert t("an annual period such as {example} (indicator {indicator})", "et", example="2019",
                                                                                         indicator="MOB_FERRY_PAX") in \
        et[t("Expected", "et")].tolist()
    # English stays what the CLI and JSON output always showed.
    en = reports.problems_frame(report, "en")
    assert sorted(en[t("Expected", "en")]) == sorted(p.expected for p in report.problems)


def test_annotated_workbook_comments_in_the_uploaders_language(store: Store, tmp_path: Path) -> None:
    path = _many_problems(tmp_path)
    report = import_file(store, path)
    finnish = openpyxl.load_workbook(annotated_workbook(path, "xlsx", report.problems, tmp_path / "fi.xlsx",
                                                       lang="fi"))
    english = openpyxl.load_workbook(annotated_workbook(path, "xlsx", report.problems, tmp_path / "en.xlsx"))
    unknown_code = next(p for p in report.problems if p.cell == "observations!B3")
    comment = finnish["observations"]["B3"].comment.text
    assert comment == note(unknown_code, "fi")
    assert comment.startswith("VIRHE (Tuntematon koodi). Odotettu: koodi, joka löytyy taulusta areas")
    assert english["observations"]["B3"].comment.text.startswith(
        "ERROR (Unknown code). Expected: a code that exists in areas")
    assert finnish["observations"]["D8"].comment.text.startswith("VAROITUS (Kaukana aiemmista arvoista)")
    phrases = _english_phrases({p.expected_key for p in report.problems})
    comments = [c.comment.text for ws in finnish.worksheets for r in ws.iter_rows() for c in r if c.comment]
    assert len(comments) == len({p.cell for p in report.problems})
    for text in comments:
        assert "Expected" not in text and not [phrase for phrase in phrases if phrase in text], text


# -- rollback ------------------------------------------------------------------------------------


def _change_many(tmp_path: Path, name: str = "change.xlsx") -> Path:
    """Changes and new rows in several tables."""
    obs = [dict(o) for o in BASE_OBSERVATIONS if o["indicator"] == "MOB_FERRY_PAX"]
    obs[0]["value"] = 9_200_000.0
    obs[1]["flag"] = None
    obs.append(obs_row("MOB_FERRY_PAX", "EE-0784", "2023", 2_000_000.0))
    areas = [dict(a) for a in BASE_AREAS if a["code"] == "FI-091"]
    areas[0]["population"] = 680_000
    areas.append(dict(code="FI-049", country="FI", level="municipality", parent="FI1B1", name_en="Espoo"))
    bns = [dict(BASE_BOTTLENECKS[0], severity=5, title_fi="Etätyön kaksinkertainen verotus")]
    events = [dict(bottleneck="BN-001", date=dt.date(2024, 5, 5), seq=1, status="in_progress", who="WP3")]
    return write_xlsx(tmp_path / name, {
        "areas": table_rows("areas", areas), "observations": table_rows("observations", obs),
        "bottlenecks": table_rows("bottlenecks", bns), "bottleneck_events": table_rows("bottleneck_events", events),
    })


def test_rollback_restores_exactly_the_earlier_rows(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    report = import_file(store, _change_many(tmp_path))
    assert report.status == "applied", describe(report)
    assert {k: (d.new, d.changed) for k, d in report.diff.items()} == {
        "areas": (1, 1), "observations": (1, 2), "bottlenecks": (0, 1), "bottleneck_events": (1, 0)}
    assert snapshot(store) != before
    restored = rollback(store, report.import_id, "erin")
    assert restored == {"areas": 2, "observations": 3, "bottlenecks": 1, "bottleneck_events": 1}
    assert snapshot(store) == before
    assert store.query("SELECT status, rolled_back_by FROM imports WHERE id = ?", [report.import_id]) == [
        ("rolled_back", "erin")]
    with pytest.raises(ImportBlocked, match="already rolled back"):
        rollback(store, report.import_id, "erin")
    with pytest.raises(ImportBlocked, match="no import #99"):
        rollback(store, 99, "erin")


def test_rollback_blocked_while_later_import_changed_its_rows(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    first = import_file(store, _second_file(tmp_path, "a.xlsx"))  # 2021 → 5.0 M
    path_b = write_xlsx(tmp_path / "b.xlsx", {"observations": table_rows("observations", [
        obs_row("MOB_FERRY_PAX", "FI-091", "2021", 5_100_000.0)])})
    second = import_file(store, path_b)
    # An unrelated later import (new rows only) does not block.
    third = import_file(store, write_xlsx(tmp_path / "c.xlsx", {"observations": table_rows("observations", [
        obs_row("DIG_EID_USES", "FI-091", "2024-03", 1400.0)])}))
    assert (first.status, second.status, third.status) == ("applied", "applied", "applied")
    after_all = snapshot(store)
    with pytest.raises(ImportBlocked) as blocked:
        rollback(store, first.import_id, "frank")
    assert f"#{second.import_id}" in str(blocked.value)
    assert f"#{third.import_id}" not in str(blocked.value)
    assert snapshot(store) == after_all  # the blocked attempt changed nothing
    assert store.scalar("SELECT status FROM imports WHERE id = ?", [first.import_id]) == "applied"
    rollback(store, second.import_id, "frank")
    rollback(store, first.import_id, "frank")
    rollback(store, third.import_id, "frank")
    assert snapshot(store) == before


def test_rollback_that_would_orphan_rows_is_blocked(store: Store, tmp_path: Path) -> None:
    new_indicator = write_xlsx(tmp_path / "ind.xlsx", {"indicators": table_rows("indicators", [dict(
        code="EDU_STUDENTS", domain="education", name_en="Estonian students in Finland", unit="students",
        polarity="neutral", frequency="annual", source="Opetushallitus")])})
    first = import_file(store, new_indicator)
    second = import_file(store, write_xlsx(tmp_path / "obs.xlsx", {"observations": table_rows("observations", [
        obs_row("EDU_STUDENTS", "FI-091", "2023", 1200.0)])}))
    assert (first.status, second.status) == ("applied", "applied"), describe(second)
    after = snapshot(store)
    with pytest.raises(ImportBlocked, match="observations.indicator"):
        rollback(store, first.import_id, "gina")
    assert snapshot(store) == after  # the delete inside the blocked transaction was undone
    rollback(store, second.import_id, "gina")
    rollback(store, first.import_id, "gina")
    assert store.scalar("SELECT count(*) FROM indicators WHERE code = 'EDU_STUDENTS'") == 0


def test_rolled_back_file_can_be_imported_again(store: Store, tmp_path: Path) -> None:
    path = _change_many(tmp_path)
    first = import_file(store, path)
    applied = snapshot(store)
    rollback(store, first.import_id, "hank")
    again = import_file(store, path)
    assert again.status == "applied", describe(again)
    assert again.import_id != first.import_id
    # The same rows as the first application; only the import id differs.
    assert {k: sorted(r[:-1] for r in v) for k, v in snapshot(store).items()} == {
        k: sorted(r[:-1] for r in v) for k, v in applied.items()}
    assert store.scalar("SELECT count(*) FROM observations WHERE import_id = ?", [again.import_id]) == 3


def test_every_import_attempt_is_audited(store: Store, tmp_path: Path) -> None:
    good = _second_file(tmp_path)
    same_rows = _second_file(tmp_path, "copy.xlsx")
    bad = write_xlsx(tmp_path / "bad.xlsx", {"observations": table_rows("observations", [
        obs_row("MOB_FERRY_PAX", "FI-091", "2023", "many")])})
    refused = write_bytes(tmp_path / "fake.xlsx", b"%PDF-1.4\n")
    start = len(audit_rows(store))
    outcomes = []
    for path, user in ((refused, "u1"), (bad, "u2"), (good, "u3"), (good, "u4"), (same_rows, "u5")):
        report = import_file(store, path, user=user)
        outcomes.append(report.status)
        rows = audit_rows(store)
        assert len(rows) == start + len(outcomes), f"no audit row for {path.name}"
        action, outcome, actor, detail = rows[-1]
        assert (action, outcome, actor) == ("import", report.status, user)
        assert json.loads(detail)["file"] == path.name
    assert outcomes == ["refused", "invalid", "applied", "nothing_to_do", "nothing_to_do"]
    assert json.loads(audit_rows(store)[start][3])["reason"] == "pdf"
    # A dry run is not an import attempt that changes anything: it is not logged.
    import_file(store, good, dry_run=True)
    assert len(audit_rows(store)) == start + 5
    # Rollbacks are audited too, blocked ones included.
    report = import_file(store, _change_many(tmp_path))
    rollback(store, report.import_id, "u6")
    with pytest.raises(ImportBlocked):
        rollback(store, report.import_id, "u6")
    assert [r[:3] for r in audit_rows(store)[-2:]] == [("rollback", "applied", "u6"), ("rollback", "blocked", "u6")]


# -- template and export -------------------------------------------------------------------------


def test_template_structure(store: Store, tmp_path: Path) -> None:
    path = write_template(tmp_path / "template.xlsx", store)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "README"
    assert set(wb.sheetnames) == {"README", "lists"} | {t.name for t in TABLES}
    assert wb["lists"].sheet_state == "hidden"
    for table in TABLES:
        ws = wb[table.name]
        assert ws.sheet_state == "visible"
        assert [c.value for c in ws[1]] == table.column_names, table.name
        assert ws.max_row == 1  # empty below the header
        validations = ws.data_validations.dataValidation
        dropdown_columns = [c for c in table.columns if c.kind == "enum" or (
            c.kind == "ref" and c.ref in ("areas", "indicators", "bottlenecks"))]
        assert len(validations) >= len(dropdown_columns), table.name
        assert sum(1 for v in validations if v.type == "list") == len(dropdown_columns), table.name
    obs_lists = {str(v.sqref).split(":")[0]: v.formula1 for v in wb["observations"].data_validations.dataValidation
                 if v.type == "list"}
    assert set(obs_lists) == {"A2", "B2", "G2"}  # indicator, area, flag
    lists = wb["lists"]
    columns = {lists.cell(1, j).value: [lists.cell(i, j).value for i in range(2, lists.max_row + 1)
                                        if lists.cell(i, j).value is not None]
               for j in range(1, lists.max_column + 1)}
    assert columns["areas_codes"] == sorted(a["code"] for a in BASE_AREAS)
    assert columns["indicators_codes"] == sorted(i["code"] for i in BASE_INDICATORS)
    assert "mobility" in columns["domain"]
    readme_text = " ".join(str(c.value) for r in wb["README"].iter_rows() for c in r if c.value)
    assert "observations" in readme_text and "Aluekoodi" in readme_text and "Piirkonna kood" in readme_text


def test_filled_template_imports_without_edits(store: Store, tmp_path: Path) -> None:
    path = write_template(tmp_path / "template.xlsx", store)
    wb = openpyxl.load_workbook(path)
    fill = {
        "observations": [row("observations", **obs_row("MOB_FERRY_PAX", "EE-0784", "2023", 2_050_000.0,
                                                          flag="provisional"))],
        "flows": [row("flows", origin="EE-0784", destination="FI-091", mode="bus", period="2023-07",
                      volume=1234.0, unit="passengers", source="Lux Express")],
        "actions": [row("actions", code="A-07", title_en="Common e-ID pilot", work_package="WP2", lead="DVV",
                        level="political", start=dt.date(2024, 3, 1), due=dt.date(2025, 3, 1), status="delayed",
                        bottlenecks="BN-002")],
    }
    for name, rows in fill.items():
        ws = wb[name]
        for i, values in enumerate(rows, start=2):
            for j, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(i, j, value)
    wb.save(path)
    report = import_file(store, path)
    assert report.status == "applied", describe(report)
    assert report.error_count == 0 and report.warning_count == 0, describe(report)
    assert {k: d.new for k, d in report.diff.items()} == {"observations": 1, "flows": 1, "actions": 1}
    assert store.query("SELECT start, due, status, bottlenecks FROM actions") == [
        (dt.date(2024, 3, 1), dt.date(2025, 3, 1), "delayed", "BN-002")]


def test_export_round_trip_into_empty_database(store: Store, tmp_path: Path) -> None:
    extra = write_xlsx(tmp_path / "extra.xlsx", extra_sheets())
    assert import_file(store, extra).status == "applied"
    tricky = write_bytes(tmp_path / "observations.csv", csv_bytes(table_rows("observations", [
        obs_row("DIG_EID_USES", "FI-091", "2024-03", 1400.5, note="=1+1 is text, not a formula",
                source="0042"),
        obs_row("EMP_COMMUTER_SHARE", "EE-0784", "2023-Q4", 4.25, note="Tallinn 🚢 – õüšž; \"quoted\""),
    ])))
    assert import_file(store, tricky).status == "applied"
    exported = export_workbook(store, tmp_path / "export.xlsx")
    empty = new_store(tmp_path, "empty.duckdb")
    report = import_file(empty, exported)
    assert report.status == "applied", describe(report)
    assert report.error_count == 0 and report.warning_count == 0, describe(report)
    assert all(n > 0 for n in empty.table_counts().values())
    assert data_without_import_id(empty) == data_without_import_id(store)
    # Importing the export back into the database it came from changes nothing.
    assert import_file(store, exported).status == "nothing_to_do"


# -- command line --------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "twinreg_data", *args], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL)


def _seeded_db_file(tmp_path: Path, seed_cache: Path) -> Path:
    s = seeded_store(tmp_path, seed_cache, "cli.duckdb")
    s.close()
    return tmp_path / "cli.duckdb"


def test_cli_exit_codes(tmp_path: Path, seed_cache: Path) -> None:
    db = str(_seeded_db_file(tmp_path, seed_cache))
    good = _second_file(tmp_path)
    bad = write_xlsx(tmp_path / "bad.xlsx", {"observations": table_rows("observations", [
        obs_row("MOB_FERRY_PAX", "XX-1", "2023", 1.0)])})
    refused = write_bytes(tmp_path / "renamed.xlsx", b"indicator,area,period,value\n")

    done = _cli("--db", db, "import", str(good), "--json", "--user", "cli-test")
    assert done.returncode == 0, done.stderr
    applied = json.loads(done.stdout)
    assert applied["status"] == "applied" and applied["import_id"] == 2
    assert applied["diff"]["observations"]["changed"] == 1

    done = _cli("--db", db, "import", str(bad), "--json")
    assert done.returncode == 1, done.stderr
    invalid = json.loads(done.stdout)
    assert invalid["status"] == "invalid"
    assert [(p["rule"], p["cell"]) for p in invalid["problems"]] == [("unknown_code", "observations!B2")]
    assert invalid["problems"][0]["expected_key"] == N_("a code that exists in {table} (in the database or in this "
                                                        "workbook); unknown: {unknown}")
    assert invalid["problems"][0]["expected_params"] == {"table": "areas", "unknown": "XX-1"}

    done = _cli("--db", db, "import", str(refused), "--json")
    assert done.returncode == 2, done.stderr
    assert json.loads(done.stdout)["refusal_reason"] == "text_as_xlsx"

    done = _cli("--db", db, "import", str(good))  # again: nothing to do, exit 0, plain text
    assert done.returncode == 0 and "import #2" in done.stdout

    done = _cli("--db", db, "import", str(tmp_path / "missing.xlsx"), "--json")
    assert done.returncode == 1
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr

    done = _cli("--db", db, "rollback", "1")  # import #2 changed rows of import #1
    assert done.returncode == 1
    assert "#2" in done.stderr and "Traceback" not in done.stderr

    done = _cli("--db", db, "rollback", "2")
    assert done.returncode == 0, done.stderr
    done = _cli("--db", db, "imports")
    assert done.returncode == 0 and "rolled_back" in done.stdout


# -- safety ------------------------------------------------------------------------------------


def test_openpyxl_uses_defusedxml() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


BIG_AREAS = [f"FI-{i:03d}" for i in range(100, 142)]


def _big_workbook(path: Path) -> int:
    """42 new areas, one new monthly indicator and 100,800 observation rows (write-only openpyxl)."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("areas")
    ws.append(header("areas"))
    for code in BIG_AREAS:
        ws.append(row("areas", code=code, country="FI", level="municipality", parent="FI1B1", name_en=f"Town {code}"))
    ws = wb.create_sheet("indicators")
    ws.append(header("indicators"))
    ws.append(row("indicators", code="BIG_MONTHLY", domain="digital", name_en="Many values", unit="count",
                  polarity="neutral", frequency="monthly", source="test"))
    ws = wb.create_sheet("observations")
    ws.append(["indicator", "area", "period", "value"])
    n = 0
    for code in BIG_AREAS:
        for year in range(1901, 2101):
            for month in range(1, 13):
                ws.append(["BIG_MONTHLY", code, f"{year}-{month:02d}", float(n % 977)])
                n += 1
    wb.save(path)
    return n


def test_killed_import_is_all_or_nothing(tmp_path: Path, seed_cache: Path) -> None:
    big = tmp_path / "BIG.xlsx"
    n_rows = _big_workbook(big)
    base_db = _seeded_db_file(tmp_path, seed_cache)
    probe = Store(base_db)
    base_obs = probe.scalar("SELECT count(*) FROM observations")
    probe.close()

    def run(db: Path, kill_after: float | None) -> tuple[float, int | None]:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "twinreg_data", "--db", str(db), "import", str(big)],
                                cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            if kill_after is not None:
                try:
                    proc.wait(timeout=kill_after)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its parser child, nothing else
            rc = proc.wait(timeout=CLI_TIMEOUT)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        return time.monotonic() - started, rc

    def state(db: Path) -> str:
        s = Store(db)  # must open (the WAL is replayed or discarded)
        try:
            imports = s.query("SELECT id, status FROM imports ORDER BY id")
            n_obs = s.scalar("SELECT count(*) FROM observations")
            n_big = s.scalar("SELECT count(*) FROM observations WHERE indicator = 'BIG_MONTHLY'")
            n_areas = s.scalar("SELECT count(*) FROM areas")
            if imports == [(1, "applied")]:
                assert (n_obs, n_big, n_areas) == (base_obs, 0, len(BASE_AREAS)), "half-written import"
                return "absent"
            assert imports == [(1, "applied"), (2, "applied")], imports
            assert (n_obs, n_big, n_areas) == (base_obs + n_rows, n_rows, len(BASE_AREAS) + len(BIG_AREAS))
            assert s.scalar("SELECT count(*) FROM observations WHERE import_id = 2") == n_rows
            return "present"
        finally:
            s.close()

    # One undisturbed run tells how long an import takes here.
    db = tmp_path / "full.duckdb"
    shutil.copyfile(base_db, db)
    full_time, rc = run(db, None)
    assert rc == 0
    assert state(db) == "present"

    rnd = random.Random(1234)
    outcomes = []
    for i in range(5):
        db = tmp_path / f"killed{i}.duckdb"
        shutil.copyfile(base_db, db)
        delay = rnd.uniform(0.15, full_time * 1.05)
        _, rc = run(db, delay)
        outcomes.append((round(delay, 2), rc, state(db)))
    assert len(outcomes) == 5
    # Re-running an import over a killed attempt works (and is nothing to do when it had landed).
    for i, (_, _, st) in enumerate(outcomes):
        if st == "absent":
            db = tmp_path / f"killed{i}.duckdb"
            _, rc = run(db, None)
            assert rc == 0 and state(db) == "present"
            break
    print("kill outcomes (delay s, exit code, state):", outcomes, f"full import {full_time:.2f} s")



def test_two_editors_importing_at_the_same_moment_are_serialised(store: Store, tmp_path: Path) -> None:
    """Two imports started together in one server process: both apply, one after the other, nothing mixed."""
    import threading

    first = write_xlsx(tmp_path / "a.xlsx", {"observations": table_rows("observations", [
        obs_row("MOB_FERRY_PAX", "FI-091", str(year), 1_000.0 + year) for year in range(1990, 2000)])})
    second = write_xlsx(tmp_path / "b.xlsx", {"observations": table_rows("observations", [
        obs_row("MOB_FERRY_PAX", "EE-0784", str(year), 2_000.0 + year) for year in range(1990, 2000)])})
    barrier = threading.Barrier(2)
    reports = {}

    def run(name: str, path: Path) -> None:
        barrier.wait()
        reports[name] = import_file(store, path, user=name)

    threads = [threading.Thread(target=run, args=args) for args in (("eeva", first), ("mart", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert {name: r.status for name, r in reports.items()} == {"eeva": "applied", "mart": "applied"}
    assert reports["eeva"].import_id != reports["mart"].import_id
    for name, area in (("eeva", "FI-091"), ("mart", "EE-0784")):
        rows = store.query("SELECT count(*), min(import_id), max(import_id) FROM observations "
                           "WHERE area = ? AND period < '2000'", [area])[0]
        assert rows == (10, reports[name].import_id, reports[name].import_id)
        assert store.scalar("SELECT uploaded_by FROM imports WHERE id = ?", [reports[name].import_id]) == name
