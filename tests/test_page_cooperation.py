"""Cooperation page: action plan and benchmark read models, figure builders and the real page in AppTest."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from conftest import run_app

from twinreg_data.figures import cooperation as figures
from twinreg_data.figures import date_display_format
from twinreg_data.filters import Filters, max_year
from twinreg_data.i18n import NP_, format_number, t
from twinreg_data.labels import COOP_STATUS_LABELS
from twinreg_data.queries import cooperation as queries
from twinreg_data.schema import ACTION_STATUSES
from twinreg_data.store import open_store

PAGE = "pages/cooperation.py"
TODAY = dt.date(2026, 7, 1)  # a fixed "today": the demo plan has actions due on both sides of it


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


def _overdue_codes(store, today: dt.date) -> list[str]:
    return [r[0] for r in store.query(
        "SELECT code FROM actions WHERE due < ? AND status NOT IN ('done', 'cancelled') ORDER BY code", [today])]


def _linked_to(store, domains: set[str]) -> set[str]:
    """Actions linked to a bottleneck of `domains`, worked out in Python from the raw cells."""
    domain_of = dict(store.query("SELECT code, domain FROM bottlenecks"))
    linked = set()
    for code, cell in store.query("SELECT code, coalesce(bottlenecks, '') FROM actions"):
        if any(domain_of.get(b.strip()) in domains for b in cell.split(";") if b.strip()):
            linked.add(code)
    return linked


# -- read models ---------------------------------------------------------------------------------


def test_every_action_is_listed_with_its_fields(store):
    frame = queries.actions(store, Filters(), today=TODAY)
    assert sorted(frame["code"]) == [r[0] for r in store.query("SELECT code FROM actions ORDER BY code")]
    assert len(frame) == 22  # demo plan
    assert list(frame["work_package"]) == sorted(frame["work_package"])  # grouped by work package
    a09 = frame.set_index("code").loc["A-09"]
    assert a09["status"] == "delayed" and list(a09["bottleneck_codes"]) == ["BN-005", "BN-006", "BN-007"]
    titles = dict(store.query("SELECT code, title_en FROM bottlenecks WHERE code IN ('BN-005', 'BN-006', 'BN-007')"))
    assert list(a09["bottleneck_titles"]) == [titles[c] for c in a09["bottleneck_codes"]]


def test_overdue_is_computed_against_the_given_day(store):
    frame = queries.actions(store, Filters(), today=TODAY).set_index("code")
    assert sorted(frame.index[frame["overdue"]]) == _overdue_codes(store, TODAY)
    # Demo facts: A-09 (delayed, due 30 Jun 2026) is overdue on 1 Jul 2026; A-14 was due the same day but is
    # cancelled; A-10 (ongoing, due 30 Sep 2026) is not yet overdue then, but is on 1 Oct 2026.
    assert frame.loc["A-09", "overdue"] and not frame.loc["A-14", "overdue"]
    assert not frame.loc["A-10", "overdue"]
    later = queries.actions(store, Filters(), today=dt.date(2026, 10, 1)).set_index("code")
    assert later.loc["A-10", "overdue"]
    # Done actions are never overdue, however old.
    far = queries.actions(store, Filters(), today=dt.date(2040, 1, 1))
    assert not far[far["status"].isin(["done", "cancelled"])]["overdue"].any()
    assert far[~far["status"].isin(["done", "cancelled"])]["overdue"].all()


def test_today_defaults_to_the_current_date(store):
    frame = queries.actions(store, Filters())
    assert sorted(frame.loc[frame["overdue"], "code"]) == _overdue_codes(store, dt.date.today())


def test_summary_counts_match_the_listed_actions(store):
    for filters in (Filters(), Filters(domains=("information",)), Filters(year_from=2024, year_to=2024)):
        frame = queries.actions(store, filters, today=TODAY)
        summary = queries.action_summary(store, filters, today=TODAY)
        assert summary.total == len(frame)
        assert summary.done == int((frame["status"] == "done").sum())
        assert summary.ongoing == int((frame["status"] == "ongoing").sum())
        assert summary.overdue == int(frame["overdue"].sum())
    assert queries.action_summary(store, Filters(), today=TODAY).overdue == len(_overdue_codes(store, TODAY))


def test_period_keeps_actions_overlapping_the_years(store):
    closed = queries.actions(store, Filters(year_from=2024, year_to=2024), today=TODAY)
    expected = [r[0] for r in store.query(
        "SELECT code FROM actions WHERE start <= DATE '2024-12-31' AND due >= DATE '2024-01-01' ORDER BY code")]
    assert sorted(closed["code"]) == expected and 0 < len(expected) < 22
    # Up to the current year (the end of the period control) the plan's later, planned actions are kept too.
    current = max_year()
    open_ended = queries.actions(store, Filters(year_from=current, year_to=current), today=TODAY)
    expected = [r[0] for r in store.query(
        "SELECT code FROM actions WHERE due >= ? ORDER BY code", [dt.date(current, 1, 1)])]
    assert sorted(open_ended["code"]) == expected
    assert queries.open_ended(Filters(year_to=current)) and not queries.open_ended(Filters(year_to=current - 1))


def test_domains_keep_actions_linked_to_their_bottlenecks(store):
    for domains in ({"taxation"}, {"information", "mobility"}):
        frame = queries.actions(store, Filters(domains=tuple(sorted(domains))), today=TODAY)
        assert set(frame["code"]) == _linked_to(store, domains)
        assert len(frame) > 0
    # No domain chosen: every action, also those without a linked bottleneck.
    everything = queries.actions(store, Filters(), today=TODAY)
    assert (everything["bottleneck_codes"].map(len) == 0).any()


def test_titles_follow_the_language(store):
    frame = queries.actions(store, Filters(lang="et"), today=TODAY).set_index("code")
    assert frame.loc["A-01", "title"] == store.scalar("SELECT title_et FROM actions WHERE code = 'A-01'")
    assert list(frame.loc["A-09", "bottleneck_titles"]) == [r[0] for r in store.query(
        "SELECT coalesce(title_et, title_en) FROM bottlenecks WHERE code IN ('BN-005', 'BN-006', 'BN-007') "
        "ORDER BY code")]


def test_benchmark_and_its_patterns(store):
    regions = queries.benchmark(store)
    assert len(regions) == store.scalar("SELECT count(*) FROM regions_benchmark") == 11
    assert regions.iloc[0]["code"] == queries.OWN_REGION and regions["own"].sum() == 1
    patterns = queries.benchmark_patterns(regions)
    assert dict(patterns.by_legal_form) == dict(store.query(
        "SELECT legal_form, count(*) FROM regions_benchmark GROUP BY legal_form"))
    assert patterns.by_legal_form[0] == ("EGTC", 5)  # demo: five EGTCs
    assert (patterns.founded_min, patterns.founded_max) == store.query(
        "SELECT min(founded), max(founded) FROM regions_benchmark")[0]
    assert patterns.own_legal_form == "association"
    assert patterns.own_same_form == store.scalar(
        "SELECT count(*) - 1 FROM regions_benchmark WHERE legal_form = 'association'")


# -- figures and tables --------------------------------------------------------------------------


def _bars(fig) -> list:
    """The status bars (one trace per status); the overdue outline trace is drawn over them."""
    statuses = {t(COOP_STATUS_LABELS[s], "fi") for s in ACTION_STATUSES} | {
        t(COOP_STATUS_LABELS[s], "en") for s in ACTION_STATUSES}
    return [trace for trace in fig.data if trace.type == "bar" and trace.name in statuses]


def test_timeline_has_one_bar_per_action_and_marks_the_overdue(store):
    frame = queries.actions(store, Filters(lang="fi", domains=("taxation", "information")), today=TODAY)
    fig = figures.timeline(frame, "fi", TODAY)
    assert fig.layout.title.text == t("Action plan: who does what by when", "fi")
    bars = _bars(fig)
    labels = [label for trace in bars for label in trace.y[1]]
    assert len(labels) == len(frame) == len(set(labels))
    for trace in bars:
        status = next(s for s in ACTION_STATUSES if t(COOP_STATUS_LABELS[s], "fi") == trace.name)
        assert trace.marker.color == figures.ACTION_STATUS_COLOURS[status]
    # Work packages group the bars (multicategory axis).
    assert {wp for trace in bars for wp in trace.y[0]} == set(frame["work_package"])
    overdue = frame[frame["overdue"]]
    assert len(overdue) > 0
    outline = next(trace for trace in fig.data if trace.name == t("Overdue (due date passed)", "fi"))
    assert outline.marker.line.color == figures.OVERDUE_COLOUR
    assert [label.split(" ")[0] for label in outline.y[1]] == list(overdue["code"])
    marked = [label.split(" ")[0] for trace in bars for label, text in zip(trace.y[1], trace.text, strict=True)
              if t("Overdue", "fi") in text]
    assert sorted(marked) == sorted(overdue["code"])
    assert any(t("Today", "fi") in a.text for a in fig.layout.annotations)
    assert any(t("Source: TwinReg action plan (work packages WP1–WP3); bar label: lead organisation",
                 "fi") == a.text for a in fig.layout.annotations)


def test_timeline_bars_run_from_start_to_due(store):
    frame = queries.actions(store, Filters(), today=TODAY).set_index("code")
    fig = figures.timeline(frame.reset_index(), "en", TODAY)
    for trace in _bars(fig):
        for base, duration, label in zip(trace.base, trace.x, trace.y[1], strict=True):
            row = frame.loc[label.split(" ")[0]]
            assert base == row["start"].strftime("%Y-%m-%d")
            assert duration == ((row["due"] - row["start"]).days + 1) * 86_400_000


def test_actions_table_is_translated(store):
    frame = queries.actions(store, Filters(lang="fi"), today=TODAY)
    table = figures.actions_table(frame, "fi").set_index(t("Code", "fi"))
    assert table.loc["A-09", t("Status", "fi")] == t("Delayed", "fi")
    assert table.loc["A-09", t("Overdue", "fi")] == f"⚠ {t('Yes', 'fi')}"
    assert table.loc["A-14", t("Overdue", "fi")] == ""
    assert table.loc["A-09", t("Due", "fi")] == dt.date(2026, 6, 30)
    title = store.scalar("SELECT coalesce(title_fi, title_en) FROM bottlenecks WHERE code = 'BN-005'")
    assert table.loc["A-09", t("Linked bottlenecks", "fi")].startswith(f"BN-005 {title}")
    # Dates stay dates (the download keeps them); the grid writes them the Finnish way, as on the Bottlenecks page.
    assert t("Due", "fi") in figures.date_columns("fi") and date_display_format("fi") == "D.M.YYYY"


def test_benchmark_chart_and_table(store):
    regions = queries.benchmark(store)
    fig = figures.benchmark_chart(regions, "et")
    assert fig.layout.title.text == t("Founding year and population covered, by legal form", "et")
    assert fig.layout.yaxis.type == "log"
    names = [trace.name for trace in fig.data]
    assert t("EGTC", "et") in names and "ETKR" in names
    own = next(trace for trace in fig.data if trace.marker.symbol == "star")
    assert own.name.endswith(regions.iloc[0]["name"]) and list(own.x) == [int(regions.iloc[0]["founded"])]
    plotted = sum(len(trace.x) for trace in fig.data if trace.marker.symbol != "star")
    with_numbers = regions.dropna(subset=["founded", "population"])
    assert plotted == len(with_numbers) == len(figures.chart_data(regions, "et"))
    assert sorted(figures.missing_from_chart(regions)) == sorted(
        regions.loc[regions["population"].isna(), "name"])
    table = figures.benchmark_table(regions, "et")
    assert table.iloc[0][t("Legal form", "et")] == t("Association", "et")
    assert table.iloc[0][t("Population", "et")] == regions.iloc[0]["population"]


def test_patterns_text_is_generated_from_the_data(store):
    patterns = queries.benchmark_patterns(queries.benchmark(store))
    english = figures.patterns_text(patterns, "en")
    assert "11 regions compared" in english and "EGTC 5" in english and "association 3" in english
    assert "1967" in english and "Helsinki–Tallinn Euregio" in english
    finnish = figures.patterns_text(patterns, "fi")
    assert "EAYY 5" in finnish and "yhdistys 3" in finnish
    assert figures.patterns_text(queries.BenchmarkPatterns(0, (), None, None, None), "en") == ""


# -- the page in AppTest -------------------------------------------------------------------------


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_page_on_the_demo_database(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en"})
    assert not at.exception
    assert at.title[0].value == t("Cooperation: action plan and models", "en")
    summary = queries.action_summary(open_store(demo_copy), Filters(), today=dt.date.today())
    metrics = _metrics(at)
    assert metrics[t("Actions shown", "en")] == format_number(summary.total, "en")
    assert metrics[t(NP_("coop.metric", "Done"), "en")] == format_number(summary.done, "en")
    assert metrics[t("Ongoing", "en")] == format_number(summary.ongoing, "en")
    assert metrics[t("Overdue", "en")] == format_number(summary.overdue, "en")
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    timeline = json.loads(charts[0].proto.spec)
    bars = [tr for tr in timeline["data"] if tr["type"] == "bar"
            and tr.get("name") != t("Overdue (due date passed)", "en")]
    assert sum(len(tr["y"][1]) for tr in bars) == summary.total
    actions, regions = at.dataframe[0].value, at.dataframe[1].value
    assert len(actions) == summary.total and len(regions) == 11
    assert "EGTC 5" in " ".join(m.value for m in at.markdown)
    data_downloads = [b for b in at.get("download_button") if b.key.startswith(("csv-", "xlsx-"))]
    assert len(data_downloads) == 6


@pytest.mark.parametrize("lang", ["en", "fi", "et"])
def test_link_reproduces_the_view_in_each_language(demo_copy, lang):
    at = run_app(page=PAGE, query={"lang": lang, "domain": ["taxation"], "from": "2025"})
    assert not at.exception
    assert at.title[0].value == t("Cooperation: action plan and models", lang)
    store = open_store(demo_copy)
    filters = Filters(lang=lang, domains=("taxation",), year_from=2025)
    expected = queries.actions(store, filters, today=dt.date.today())
    table = at.dataframe[0].value
    assert sorted(table[t("Code", lang)]) == sorted(expected["code"])
    assert set(table[t("Code", lang)]) <= _linked_to(store, {"taxation"})
    assert any(t("Taxation", lang) in c.value for c in at.caption)
    assert t("Overdue", lang) in _metrics(at)


def test_period_from_the_link_narrows_the_actions(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "from": "2024", "to": "2024"})
    assert not at.exception
    expected = queries.actions(open_store(demo_copy), Filters(year_from=2024, year_to=2024), today=dt.date.today())
    assert len(at.dataframe[0].value) == len(expected) < 22
    assert any(t("Actions running at some time in {start}–{end}.", "en",
                                                                   start=2024, end=2024) in c.value for c in at.caption)


def test_domain_without_actions_shows_the_empty_state_and_the_benchmark(demo_copy):
    store = open_store(demo_copy)
    domain = next(d for d in ("integration", "employment", "education", "digital")
                  if not _linked_to(store, {d}))  # demo: no action is linked to integration bottlenecks
    at = run_app(page=PAGE, query={"lang": "fi", "domain": domain})
    assert not at.exception
    assert any(i.value == t("No action matches the chosen period and domains. Widen the period or the domains in the "
                            "sidebar.", "fi") for i in at.info)
    assert len(at.dataframe) == 1  # the benchmark is still shown
    assert len(at.metric) == 0


def test_page_on_an_empty_database_explains_what_to_do(empty_db):
    at = run_app(page=PAGE, query={"lang": "et"})
    assert not at.exception
    infos = [i.value for i in at.info]
    assert t("No action plan yet. An official can import the `actions` sheet of the template on the Data page, or "
             "load the demo data with `python -m twinreg_data init --demo`.",
             "et") in infos and t("No benchmark regions yet. An official can import the "
                                                        "`regions_benchmark` sheet of the template.", "et") in infos
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0


def test_actions_table_download_is_the_shown_table(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "domain": "information"})
    assert not at.exception
    shown = at.dataframe[0].value
    expected = figures.actions_table(
        queries.actions(open_store(demo_copy), Filters(domains=("information",)), today=dt.date.today()), "en")
    pd.testing.assert_frame_equal(shown.reset_index(drop=True).astype(str), expected.astype(str),
                                  check_dtype=False)
    # The grid writes the dates in the language's format.
    columns = json.loads(at.dataframe[0].proto.columns)
    assert columns[t("Due", "en")]["type_config"]["format"] == date_display_format("en")


def test_a_change_of_side_redraws_the_action_plan_without_asking_again(store, monkeypatch):
    """Actions are joint: the page asks for the plan without the side, so a change of side does not query the action
    plan again, and the timeline drawn from it is the same."""
    import functools

    runs: list[str] = []
    for module, name in ((queries, "actions"), (figures, "timeline")):
        original = getattr(module, name)

        @functools.wraps(original)  # the cache keys a read model by its module and name
        def counted(*args, _name=name, _original=original, **kwargs):
            runs.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    at = run_app(page="pages/cooperation.py", query={"lang": "en"})
    assert not at.exception and runs == ["actions", "timeline"]
    timeline = at.get("plotly_chart")[0].proto.spec
    at.segmented_control(key="w_side").set_value("EE").run()
    assert not at.exception and runs == ["actions", "timeline", "timeline"]  # drawn again, not queried again
    assert at.get("plotly_chart")[0].proto.spec == timeline
