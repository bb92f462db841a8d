"""Every statement true (issue 24): the one comparison rule on the demo database, and "what changed since the last
meeting" told the same way on the Meeting page and in the PowerPoint deck read back with python-pptx.

`between_meetings` is the demo database as it would stand after a meeting: its imports moved a year back (the state
at the last meeting), then one import since, which brings a new quarter (an estimate) and revises a quarter
already held."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from conftest import run_app
from factories import table_rows, write_xlsx
from pptx import Presentation
from pptx.oxml.ns import qn

from twinreg_data import briefing
from twinreg_data.figures import indicators as indicator_figures
from twinreg_data.filters import Filters
from twinreg_data.i18n import t
from twinreg_data.ingest.apply import import_file
from twinreg_data.queries import comparison, indicators, overview
from twinreg_data.queries.changes import default_since, what_changed
from twinreg_data.store import open_store

PAGE = "pages/meeting.py"
SOC = "SOC_KELA_DECISION_DAYS"


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


def _soc(store, country: str) -> pd.Series:
    frame = indicators.latest_changes(store, Filters(side=country), SOC)
    (row,) = frame.itertuples(index=False)
    return pd.Series(row._asdict())


# -- the comparison rule on the demo data ------------------------------------------------------------------


def test_a_quarter_is_compared_with_the_same_quarter_a_year_earlier(store):
    row = _soc(store, "FI")
    # 2026-Q3 against 2026-Q2 (45 days) would say "worsened": every year Q3 is higher than Q2.
    q2 = store.scalar("SELECT value FROM observations WHERE indicator = ? AND area = 'FI' AND period = '2026-Q2'",
                      [SOC])
    assert q2 == 45 and row["value"] == 49
    # Against 2025-Q3 (55 days), fewer days (a higher value is worse): improved by 11 %.
    assert (row["period"], row["previous_period"], row["previous_value"]) == ("2026-Q3", "2025-Q3", 55)
    assert row["change_pct"] == pytest.approx(-6 / 55)
    assert row["assessment"] == comparison.IMPROVED
    assert bool(row["estimate"])  # the figures are estimates, 44.1–53.9 against 49.5–60.5


def test_an_overlapping_estimate_range_is_no_clear_change(store):
    row = _soc(store, "EE")
    # 29 days [26.1–31.9] against 31 [27.9–34.1]: each figure within the other's range.
    assert (row["period"], row["previous_period"]) == ("2026-Q3", "2025-Q3")
    assert row["change"] == -2 and row["assessment"] == comparison.NO_CLEAR_CHANGE


def test_the_rule_in_memory_agrees_with_the_read_model(store):
    series = indicators.series(store, Filters(), SOC)
    for country in ("FI", "EE"):
        own = series[(series["country"] == country) & (series["area_rank"] == 1)]
        row = comparison.compare_series(own, "quarterly", "higher_worse")
        expected = _soc(store, country)
        assert (row["previous_period"], row["assessment"]) == (expected["previous_period"], expected["assessment"])
    # An annual series is compared with its previous value; a quarter without the same quarter a year earlier is
    # not comparable, and so is a figure after a series break.
    frame = pd.DataFrame({"period": ["2022", "2023", "2024"], "period_start": pd.to_datetime(
        ["2022-01-01", "2023-01-01", "2024-01-01"]), "value": [10.0, 12.0, 20.0]})
    assert comparison.compare_series(frame, "annual", "higher_better")["assessment"] == comparison.IMPROVED
    assert comparison.compare_series(frame, "annual", "neutral")["assessment"] == comparison.NEUTRAL
    quarters = pd.DataFrame({"period": ["2024-Q2", "2024-Q3"], "period_start": pd.to_datetime(
        ["2024-04-01", "2024-07-01"]), "value": [10.0, 20.0]})
    assert comparison.compare_series(quarters, "quarterly", "higher_better")["assessment"] == (
        comparison.NOT_COMPARABLE)
    broken = frame.assign(flag=[None, None, "break"])
    assert comparison.compare_series(broken, "annual", "higher_better")["assessment"] == comparison.NOT_COMPARABLE
    ranged = frame.assign(value_low=[None, None, 11.0], value_high=[None, None, 29.0])
    assert comparison.compare_series(ranged, "annual", "higher_better")["assessment"] == comparison.NO_CLEAR_CHANGE


def test_a_break_makes_figures_not_comparable(store):
    # The ferry series breaks in 2016 (a new counting method): 2016 against 2015 is not comparable.
    frame = indicators.latest_changes(store, Filters(year_to=2016), "MOB_FERRY_PAX")
    assert list(frame[["period", "previous_period", "assessment"]].itertuples(index=False, name=None)) == [
        ("2016", "2015", comparison.NOT_COMPARABLE)]


def test_the_ferry_card_states_the_estimate(store):
    ferry = overview.ferry_latest(store)
    assert (ferry.period, ferry.previous_period, ferry.value) == ("2024", "2023", 7_200_000)
    assert ferry.estimate and (ferry.low, ferry.high) == (6_624_000, 7_776_000)
    assert ferry.assessment == comparison.NO_CLEAR_CHANGE  # 6.9 million lies within the 2024 range


# -- what changed since the last meeting: the page and the deck -----------------------------------------------


@pytest.fixture
def between_meetings(demo_copy, tmp_path):
    store = open_store(demo_copy)
    with store.transaction() as cur:
        cur.execute("UPDATE imports SET uploaded_at = uploaded_at - INTERVAL 1 YEAR")
    workbook = {"observations": table_rows("observations", [
        dict(indicator=SOC, area="FI", period="2026-Q4", value=40.0, value_low=36.0, value_high=44.0,
             flag="estimate"),
        dict(indicator=SOC, area="FI", period="2026-Q3", value=50.0, value_low=45.0, value_high=55.0,
             flag="estimate"),
        # Long published, imported again unchanged: neither new nor revised.
        dict(indicator=SOC, area="EE", period="2025-Q3", value=31.0, value_low=27.9, value_high=34.1,
             flag="estimate"),
    ])}
    report = import_file(store, write_xlsx(tmp_path / "q4.xlsx", workbook), user="test")
    assert report.status == "applied", report.message
    return store


def _metrics(slide) -> dict[str, str]:
    return {m.label: m.value for m in slide.metrics}


def test_new_and_revised_figures_since_the_last_meeting(between_meetings):
    changes = what_changed(between_meetings, Filters())
    assert changes.baseline
    counts = changes.counts()
    assert (counts["new_figures"], counts["improved"], counts["worsened"], counts["revised"]) == (1, 1, 0, 1)
    (new,) = changes.indicators.itertuples()
    # 2026-Q4: 40 days [36–44] against 2025-Q4: 47 [42.3–51.7]: a clear improvement, an estimate.
    assert (new.period, new.previous_period, new.assessment, bool(new.estimate)) == (
        "2026-Q4", "2025-Q4", comparison.IMPROVED, True)
    (revised,) = changes.revisions.itertuples()
    assert (revised.period, revised.old_value, revised.value) == ("2026-Q3", 49.0, 50.0)


def test_deck_and_page_tell_the_same_counts_resolution_first_estimates_flagged(between_meetings, tmp_path):
    today = dt.date.today()
    view = Filters(lang="en")
    pack = briefing.build_briefing(between_meetings, view, default_since(today), today)
    deck = Presentation(io.BytesIO(briefing.pptx_bytes(pack)))
    kinds = [s.kind for s in pack.slides]
    changes_slide = deck.slides[kinds.index("changes")]
    data_slide = deck.slides[kinds.index("changes_data")]

    def tiles(slide) -> dict[str, str]:
        """Metric tiles read back from the deck: value first, label second."""
        out = {}
        for shape in slide.shapes:
            if shape.has_text_frame and not shape.has_chart and len(shape.text_frame.paragraphs) >= 2:
                value, label = (p.text for p in shape.text_frame.paragraphs[:2])
                out[label] = value
        return out

    deck_tiles = tiles(changes_slide) | tiles(data_slide)
    # The Meeting page: the same numbers on its slides and in the lengths of its lists.
    at = run_app(page=PAGE, query={"lang": "en", "slide": "4"})
    assert not at.exception
    listed = {e.label.rsplit(" (", 1)[0]: int(e.label.rsplit(" (", 1)[1].rstrip(")")) for e in at.expander
              if e.label.endswith(")")}
    counts = pack.changes.counts()
    assert deck_tiles[t("Resolved or written off", "en")] == str(counts["closed"])
    assert deck_tiles[t("New figures", "en")] == str(listed[t("New figures", "en")]) == "1"
    assert deck_tiles[t("Revised figures", "en")] == str(listed[t("Revised figures", "en")]) == "1"
    assert deck_tiles[t("Improved", "en")] == "1"
    assert deck_tiles[t("Actions now overdue", "en")] == str(listed[t("Actions now overdue", "en")])
    assert sum(counts[k] for k in ("closed", "escalated", "new", "moved")) == listed[
        t("Bottlenecks whose status changed", "en")] == counts["bottlenecks"]
    # The resolved bottleneck comes first, each bottleneck once.
    (table,) = [shape.table for shape in changes_slide.shapes if shape.has_table]
    first = table.cell(1, 0).text
    resolved = pack.changes.of_kind("closed")
    assert not resolved.empty and first.startswith(resolved["code"].iloc[0])
    codes = [table.cell(r, 0).text.split(" · ")[0] for r in range(1, len(table.rows))]
    assert len(codes) == len(set(codes))
    # Overdue actions by title and lead, never a bare code.
    notes = data_slide.notes_slide.notes_text_frame.text
    for action in pack.changes.actions_overdue.itertuples():
        assert f"{action.title} — {action.lead}" in notes
    # The new figure is an estimate, and the notes say so with its range and both periods.
    assert "2026-Q4: 40 days (estimate 36–44)" in notes
    assert "Improved · −7 (−14.9%) 2026-Q4 vs 2025-Q4 (estimate)" in notes


def test_estimates_are_dashed_with_a_band_in_the_native_chart(store):
    pack = briefing.build_briefing(store, Filters(lang="en", domains=("social_security",)))
    deck = Presentation(io.BytesIO(briefing.pptx_bytes(pack)))
    index = next(i for i, s in enumerate(pack.slides) if s.kind == "domain")
    model = pack.slides[index]
    (chart,) = [shape.chart for shape in deck.slides[index].shapes if shape.has_chart]
    assert model.chart is not None and all(any(s.estimated) for s in model.chart.series)
    for native, series in zip(chart.series, model.chart.series, strict=False):
        dashed = [point for point in native._element.findall(qn("c:dPt"))
                  if point.find(".//" + qn("a:prstDash")) is not None
                  and point.find(".//" + qn("a:prstDash")).get("val") == "dash"]
        assert len(dashed) == sum(series.estimated)
    # The band: a low and a high line per series after the series, not in the legend.
    names = [s.name for s in chart.series]
    assert len(names) == 3 * len(model.chart.series)
    assert all(" · " + t("Low estimate", "en") in n or " · " + t("High estimate", "en") in n
               for n in names[len(model.chart.series):])
    deleted = chart.legend._element.findall(qn("c:legendEntry"))
    assert len(deleted) == 2 * len(model.chart.series)
    # The slide's card and notes carry the flag and both periods.
    fi = model.metrics[0]
    assert fi.label == "Finland (2026-Q3) · Estimate"
    assert fi.detail == "Improved · −6 (−10.9%) 2026-Q3 vs 2025-Q3 (estimate)"
    assert "(estimate 44.1–53.9)" in model.notes
    assert t("Estimate", "en") in model.chart.frame().to_string()  # the download carries the flag


def test_the_indicator_chart_marks_estimates_hollow(store):
    meta = indicators.indicator_meta(store, Filters(), "MOB_FERRY_PAX")
    rows = indicators.series(store, Filters(), "MOB_FERRY_PAX")
    fig = indicator_figures.series_figure(rows, meta, "en")
    (line,) = [trace for trace in fig.data if trace.name and trace.name.startswith("Helsinki")]
    symbols = dict(zip(line.x, line.marker.symbol, strict=True))
    flags = dict(zip(rows["period_start"], rows["flag"], strict=True))
    assert symbols == {p: "circle-open" if flags[p] == "estimate" else "circle" for p in symbols}
    assert "circle-open" in symbols.values() and "circle" in symbols.values()
