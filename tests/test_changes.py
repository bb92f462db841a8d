""""What changed since" against a database with a known history, built through the real importer.

Two workbooks are imported with the importer's clock set: the first on 10 January 2026 (the state at the last
meeting), the second on 2 May 2026 (what happened since). The meeting looks back from 5 May to 1 April.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest
from factories import BASE_AREAS, table_rows, write_xlsx

from twinreg_data.filters import Filters
from twinreg_data.i18n import t
from twinreg_data.ingest import apply as importing
from twinreg_data.ingest import diff
from twinreg_data.queries.changes import default_since, kind_of, parse_since, what_changed
from twinreg_data.store import Store

SINCE = dt.date(2026, 4, 1)
TODAY = dt.date(2026, 5, 5)
FIRST_IMPORT = dt.datetime(2026, 1, 10, 9, 0)
SECOND_IMPORT = dt.datetime(2026, 5, 2, 14, 30)

INDICATORS = [
    dict(code="MOB_FERRY_PAX", domain="mobility", name_en="Ferry passengers Helsinki–Tallinn",
         name_fi="Lauttamatkustajat Helsinki–Tallinna", unit="passengers", polarity="higher_better",
         frequency="annual", source="Traficom"),
    dict(code="TAX_DOUBLE_CASES", domain="taxation", name_en="Double taxation cases", unit="count",
         polarity="higher_worse", frequency="annual", source="Vero"),
    dict(code="EMP_COMMUTERS", domain="employment", name_en="Commuters Estonia–Finland", unit="commuters",
         polarity="neutral", frequency="annual", source="Statistics Estonia"),
]


def bottleneck(code: str, domain: str, title: str, identified: dt.date, side: str = "both") -> dict:
    return dict(code=code, domain=domain, title_en=title, title_fi=f"{title} (fi)", side=side, level="national",
                severity=3, source="interview", identified_on=identified, owner_fi="Vero", owner_ee="EMTA")


def action(code: str, title: str, links: str, due: dt.date, status: str, completed: dt.date | None = None) -> dict:
    return dict(code=code, title_en=title, work_package="WP3", bottlenecks=links, lead="Uusimaa Regional Council",
                level="administrative", start=dt.date(2025, 1, 1), due=due, status=status, completed_on=completed)


def first_workbook() -> dict:
    return {
        "areas": table_rows("areas", BASE_AREAS),
        "indicators": table_rows("indicators", INDICATORS),
        "observations": table_rows("observations", [
            dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2022", value=7_300_000.0),
            dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2023", value=6_900_000.0),
            dict(indicator="TAX_DOUBLE_CASES", area="FI", period="2023", value=220.0),
            dict(indicator="TAX_DOUBLE_CASES", area="EE", period="2023", value=150.0),
            dict(indicator="EMP_COMMUTERS", area="EE", period="2023", value=9200.0),
        ]),
        "bottlenecks": table_rows("bottlenecks", [
            bottleneck("BN-001", "taxation", "Remote work taxation", dt.date(2023, 1, 10)),
            bottleneck("BN-002", "digital", "e-ID not accepted", dt.date(2023, 3, 1), side="FI"),
            bottleneck("BN-003", "mobility", "Ferry tickets not integrated", dt.date(2024, 2, 1)),
            bottleneck("BN-004", "taxation", "Short-term workers' tax status", dt.date(2022, 5, 5), side="EE"),
        ]),
        "bottleneck_events": table_rows("bottleneck_events", [
            dict(bottleneck="BN-001", date=dt.date(2023, 1, 10), seq=1, status="identified", who="WP1 team"),
            dict(bottleneck="BN-001", date=dt.date(2025, 11, 3), seq=1, status="analysed", who="Ministry of Finance"),
            dict(bottleneck="BN-002", date=dt.date(2023, 3, 1), seq=1, status="identified", who="WP1 team"),
            dict(bottleneck="BN-003", date=dt.date(2024, 2, 1), seq=1, status="identified", who="WP1 team"),
            dict(bottleneck="BN-003", date=dt.date(2025, 12, 1), seq=1, status="analysed", who="HSL"),
            dict(bottleneck="BN-004", date=dt.date(2022, 5, 5), seq=1, status="identified", who="WP1 team"),
            dict(bottleneck="BN-004", date=dt.date(2024, 6, 1), seq=1, status="prioritised", who="Steering group"),
        ]),
        "actions": table_rows("actions", [
            action("A-01", "Joint tax guide", "BN-001", dt.date(2026, 12, 31), "ongoing"),
            action("A-02", "e-ID pilot", "BN-002", dt.date(2026, 5, 31), "ongoing"),
            action("A-03", "Ticket study", "BN-003", dt.date(2026, 4, 10), "ongoing"),
            action("A-04", "Old survey", "BN-004", dt.date(2026, 2, 1), "delayed"),
        ]),
    }


def second_workbook() -> dict:
    """What happened between the meetings."""
    return {
        "observations": table_rows("observations", [
            dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2024", value=7_200_000.0),
            # Re-imported as it was: not new, not revised.
            dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2023", value=6_900_000.0),
            dict(indicator="TAX_DOUBLE_CASES", area="FI", period="2024", value=240.0),
            # A period held at the last meeting, revised: a revision, never a new figure.
            dict(indicator="TAX_DOUBLE_CASES", area="EE", period="2023", value=158.0),
        ]),
        "bottlenecks": table_rows("bottlenecks", [
            bottleneck("BN-005", "taxation", "Pension taxation unclear", dt.date(2026, 4, 20)),
        ]),
        "bottleneck_events": table_rows("bottleneck_events", [
            dict(bottleneck="BN-001", date=dt.date(2026, 4, 15), seq=1, status="prioritised", who="Steering group"),
            dict(bottleneck="BN-005", date=dt.date(2026, 4, 20), seq=1, status="identified", who="WP1 team"),
            # An event that changes nothing: a note on the same status is no status change.
            dict(bottleneck="BN-003", date=dt.date(2026, 4, 22), seq=1, status="analysed", who="HSL",
                 note="Still being analysed"),
            dict(bottleneck="BN-002", date=dt.date(2026, 4, 28), seq=1, status="resolved", who="DVV"),
            # A second change of BN-001: one line with its whole path, not two.
            dict(bottleneck="BN-001", date=dt.date(2026, 4, 25), seq=1, status="in_progress", who="Vero"),
            # After `today`: not yet part of what changed.
            dict(bottleneck="BN-004", date=dt.date(2026, 5, 20), seq=1, status="in_progress", who="EMTA"),
        ]),
        "actions": table_rows("actions", [
            action("A-02", "e-ID pilot", "BN-002", dt.date(2026, 5, 31), "done", dt.date(2026, 4, 30)),
        ]),
    }


def import_at(store: Store, path, when: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diff, "now", lambda: when)
    report = importing.import_file(store, path, user="test")
    assert report.status == "applied", (report.message, [p.as_dict() for p in report.problems])


@pytest.fixture
def history(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("TWINREG_STALL_DAYS", "365")
    store = Store(tmp_path / "history.duckdb")
    import_at(store, write_xlsx(tmp_path / "january.xlsx", first_workbook()), FIRST_IMPORT, monkeypatch)
    import_at(store, write_xlsx(tmp_path / "may.xlsx", second_workbook()), SECOND_IMPORT, monkeypatch)
    yield store
    store.close()


def plain(value: object) -> object:
    """A cell as a plain Python value (DuckDB dates arrive in pandas as timestamps)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date()
    return value


def rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(plain(v) for v in row) for row in frame[columns].itertuples(index=False)]


def test_bottleneck_changes_follow_the_status_history(history):
    changes = what_changed(history, Filters(), SINCE, TODAY)
    assert rows(changes.status_changes, ["date", "code", "from_status", "to_status", "who"]) == [
        (dt.date(2026, 4, 15), "BN-001", "analysed", "prioritised", "Steering group"),
        (dt.date(2026, 4, 20), "BN-005", None, "identified", "WP1 team"),
        (dt.date(2026, 4, 25), "BN-001", "prioritised", "in_progress", "Vero"),
        (dt.date(2026, 4, 28), "BN-002", "identified", "resolved", "DVV"),
    ]
    # One line per bottleneck with its whole path: the resolution first, then the escalation, then the new one.
    lines = changes.bottlenecks
    assert rows(lines, ["code", "kind", "from_status", "to_status", "last_date", "who"]) == [
        ("BN-002", "closed", "identified", "resolved", dt.date(2026, 4, 28), "DVV"),
        ("BN-001", "escalated", "analysed", "in_progress", dt.date(2026, 4, 25), "Vero"),
        ("BN-005", "new", None, "identified", dt.date(2026, 4, 20), "WP1 team"),
    ]
    assert [list(p) for p in lines["path"]] == [["identified", "resolved"],
                                                ["analysed", "prioritised", "in_progress"], ["identified"]]
    assert lines["code"].is_unique
    # BN-004's last event as of today was on 1 June 2024 (the May 2026 event is after today's date but its
    # row exists, so the register sees it as the latest event and BN-004 is not silent).
    assert rows(changes.stalled, ["code"]) == []


def test_kinds_of_a_bottleneck_change():
    assert kind_of("in_progress", ["resolved"]) == "closed"
    assert kind_of("resolved", ["in_progress"]) == "escalated"  # reopened
    assert kind_of("analysed", ["prioritised"]) == "escalated"
    assert kind_of(None, ["identified", "prioritised"]) == "escalated"
    assert kind_of(None, ["identified"]) == "new"
    assert kind_of("prioritised", ["in_progress"]) == "moved"
    assert kind_of("resolved", ["written_off"]) == "moved"  # closed before, closed still


def test_stalled_bottlenecks_use_the_threshold(history, monkeypatch):
    monkeypatch.setenv("TWINREG_STALL_DAYS", "120")
    changes = what_changed(history, Filters(), SINCE, TODAY)
    # BN-003's last event is 22 April 2026 (13 days), BN-001's 25 April; BN-004 has a (future) event.
    assert rows(changes.stalled, ["code"]) == []
    monkeypatch.setenv("TWINREG_STALL_DAYS", "1")
    changes = what_changed(history, Filters(), SINCE, TODAY)
    assert rows(changes.stalled, ["code", "days_since_event"]) == [("BN-005", 15), ("BN-003", 13), ("BN-001", 10)]
    assert changes.stall_days == 1


def test_indicators_with_new_data_come_from_the_imports_since(history):
    changes = what_changed(history, Filters(), SINCE, TODAY)
    assert changes.baseline
    # New figures: periods the database did not hold on 1 April, against the period before (annual series).
    assert rows(changes.indicators, ["indicator", "country", "area", "period", "value", "previous_period",
                                     "previous_value", "change", "assessment", "new_values"]) == [
        ("MOB_FERRY_PAX", "FI", "FI-091", "2024", 7_200_000.0, "2023", 6_900_000.0, 300_000.0, "improved", 1),
        ("TAX_DOUBLE_CASES", "FI", "FI", "2024", 240.0, "2023", 220.0, 20.0, "worsened", 1),
    ]
    assert changes.indicators["change_pct"].round(6).tolist() == [round(300_000 / 6_900_000, 6),
                                                                   round(20 / 220, 6)]
    assert set(changes.indicators["uploaded_at"]) == {pd.Timestamp(SECOND_IMPORT)}
    # The Estonian 2023 figure was held at the last meeting: revised (old → new), not new; the ferry's 2023
    # figure came again unchanged: neither.
    assert rows(changes.revisions, ["indicator", "area", "period", "old_value", "value"]) == [
        ("TAX_DOUBLE_CASES", "EE", "2023", 150.0, 158.0)]
    # Looking back to before the first import, the state at the last meeting is unknown: no figure is new (the
    # first import brought everything, including years long published).
    everything = what_changed(history, Filters(), dt.date(2026, 1, 1), TODAY)
    assert not everything.baseline
    assert everything.indicators.empty and everything.revisions.empty


def test_actions_that_became_overdue_or_were_done(history):
    changes = what_changed(history, Filters(), SINCE, TODAY)
    assert rows(changes.actions_overdue, ["code", "due", "status"]) == [("A-03", dt.date(2026, 4, 10), "ongoing")]
    assert rows(changes.actions_done, ["code", "completed_on"]) == [("A-02", dt.date(2026, 4, 30))]
    counts = changes.counts()
    assert counts == {"bottlenecks": 3, "closed": 1, "escalated": 1, "new": 1, "moved": 0, "stalled": 0,
                      "new_figures": 2, "improved": 1, "worsened": 1, "revised": 1, "actions_done": 1,
                      "actions_overdue": 1}


def test_filters_narrow_every_list(history):
    taxation = what_changed(history, Filters(domains=("taxation",)), SINCE, TODAY)
    assert rows(taxation.bottlenecks, ["code"]) == [("BN-001",), ("BN-005",)]
    assert taxation.of_kind("closed").empty
    assert rows(taxation.indicators, ["indicator"]) == [("TAX_DOUBLE_CASES",)]
    assert taxation.actions_overdue.empty and taxation.actions_done.empty
    estonia = what_changed(history, Filters(side="EE"), SINCE, TODAY)
    # BN-002 arises in Finland only; on the Estonian side only FI-side bottlenecks drop out.
    assert "BN-002" not in set(estonia.bottlenecks["code"])
    assert estonia.indicators.empty  # the new figures are Finnish
    assert rows(estonia.revisions, ["area"]) == [("EE",)]
    finnish = what_changed(history, Filters(lang="fi"), SINCE, TODAY)
    assert finnish.of_kind("new")["title"].tolist() == ["Pension taxation unclear (fi)"]
    assert finnish.indicators["name"].tolist()[0] == "Lauttamatkustajat Helsinki–Tallinna"


def test_a_later_window_sees_nothing(history):
    changes = what_changed(history, Filters(), dt.date(2026, 5, 3), TODAY)
    assert changes.bottlenecks.empty and changes.status_changes.empty and changes.revisions.empty
    assert changes.indicators.empty and changes.actions_done.empty and changes.actions_overdue.empty


def test_since_parsing_and_default():
    today = dt.date(2026, 5, 5)
    assert default_since(today) == dt.date(2026, 2, 4)
    assert parse_since("2026-04-01", today) == dt.date(2026, 4, 1)
    for bad in ("", None, "2026-13-01", "yesterday", "2026-06-01", "1999-12-31"):
        assert parse_since(bad, today) is None


def test_cli_lists_changes_as_json(history, tmp_path):
    path = history.path
    history.close()
    result = subprocess.run(
        [sys.executable, "-m", "twinreg_data", "--db", str(path), "changes", "--since", "2026-04-01",
         "--today", "2026-05-05", "--json"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(r["code"], r["kind"], r["path"]) for r in data["bottlenecks"]] == [
        ("BN-002", "closed", ["identified", "resolved"]),
        ("BN-001", "escalated", ["analysed", "prioritised", "in_progress"]),
        ("BN-005", "new", ["identified"])]
    assert [r["indicator"] for r in data["indicators"]] == ["MOB_FERRY_PAX", "TAX_DOUBLE_CASES"]
    assert data["counts"]["revised"] == 1 and data["baseline"] is True
    side = subprocess.run(
        [sys.executable, "-m", "twinreg_data", "--db", str(path), "changes", "--since", "2026-04-01",
         "--today", "2026-05-05", "--json", "--side", "EE", "--from", "2020", "--to", "2025"],
        capture_output=True, text=True, timeout=120, check=False)
    assert side.returncode == 0, side.stderr
    estonian = json.loads(side.stdout)
    assert estonian["indicators"] == [] and [r["area"] for r in estonian["revisions"]] == ["EE"]
    text = subprocess.run(
        [sys.executable, "-m", "twinreg_data", "--db", str(path), "changes", "--since", "2026-04-01",
         "--today", "2026-05-05", "--lang", "fi"], capture_output=True, text=True, timeout=120, check=False)
    assert text.returncode == 0, text.stderr
    assert t("Bottlenecks whose status changed", "fi") + " (3)" in text.stdout and "BN-002" in text.stdout
    bad = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(path), "changes", "--since", "soon"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr
