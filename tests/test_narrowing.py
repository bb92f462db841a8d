"""The narrowing functions the pages call on wide read models, each against independent SQL on the demo database.

A page asks the cache for a read model with wide filters (both sides, every domain) and narrows the result with a
plain function of twinreg_data.queries, so a change of side or domains costs no query. Each narrowing is checked
here against a plain SQL answer of its own for every side, several domain selections and periods: deleting the
side or the domain condition from any narrowing fails a test below. The last tests show on the real pages that a
change of side or domains then asks the database nothing.
"""

from __future__ import annotations

import datetime as dt
from itertools import product

import pandas as pd
import pytest
from conftest import map_municipalities, map_specs, run_app

from twinreg_data.filters import Filters, max_year
from twinreg_data.queries import cooperation, indicators, mobility, overview
from twinreg_data.queries.common import rows_of_side, rows_of_side_and_domains
from twinreg_data.schema import CLOSED_STATUSES
from twinreg_data.store import Store, open_store

SIDES = ("both", "FI", "EE")
DOMAIN_SELECTIONS = ((), ("taxation",), ("mobility", "education", "integration"))
PERIODS = ((2000, max_year()), (2015, 2020), (2000, 2004))
VIEWS = [Filters(lang=lang, side=side, domains=domains, year_from=first, year_to=last)
         for side, (lang, domains), (first, last) in product(
             SIDES, zip(("en", "fi", "et"), DOMAIN_SELECTIONS, strict=True), PERIODS)]
TODAY = dt.date(2026, 6, 30)


@pytest.fixture
def store(demo_copy) -> Store:
    """The demo database with two flows inside one country: every demo flow crosses the border (and so touches
    both sides), and these put the side's narrowing of the flows to the test."""
    db = open_store(demo_copy)
    with db.transaction() as cur:
        cur.execute("INSERT INTO flows SELECT ?, ?, 'rail', '2023', 5000, 'passengers', 'test', NULL, "
                    "DATE '2023-01-01', (SELECT max(id) FROM imports)", ["FI-049", "FI-091"])
        cur.execute("INSERT INTO flows SELECT ?, ?, 'bus', '2019', 700, 'passengers', 'test', NULL, "
                    "DATE '2019-01-01', (SELECT max(id) FROM imports)", ["EE-0784", "EE-0296"])
    return db


def _differs_by_side(answers: dict[Filters, object]) -> None:
    """The data tell the sides apart (else the side's condition would not be tested)."""
    for domains, first, last in {(v.domains, v.year_from, v.year_to) for v in answers}:
        by_side = {answers[v] for v in answers if (v.domains, v.year_from, v.year_to) == (domains, first, last)}
        if len(by_side) > 1:
            return
    pytest.fail("no view where the sides differ: the test would not notice a missing side condition")


def test_indicator_choices_are_the_indicators_of_the_domains_with_their_observations_on_the_side(store):
    for view in VIEWS:
        choices = indicators.choices_in_view(indicators.indicator_counts(store, view.period_only()), view)
        counted = dict(store.query(
            "SELECT o.indicator, count(*) FROM observations o JOIN areas a ON a.code = o.area "
            "WHERE a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ? GROUP BY 1",
            [view.countries, view.date_from, view.date_to]))
        codes = [code for (code,) in store.query(
            "SELECT code FROM indicators WHERE domain IN (SELECT unnest(?::VARCHAR[]))", [view.domain_list])]
        assert sorted(choices["code"]) == sorted(codes), view
        assert dict(zip(choices["code"], choices["observations"], strict=True)) == {
            code: counted.get(code, 0) for code in codes}, view


def test_the_overview_headline_and_counts_are_those_of_the_domains_and_side(store):
    tally = overview.bottleneck_tally(store, TODAY)
    shown = {}
    for view in VIEWS:
        head, counts = overview.headline_of(tally, view), overview.counts_of(tally, view)
        in_view = ("FROM bottleneck_current WHERE domain IN (SELECT unnest(?::VARCHAR[])) "
                   "AND (? = 'both' OR side IN (?, 'both'))")
        params = [view.domain_list, view.side, view.side]
        expected = dict(((d, s), n) for d, s, n in store.query(
            f"SELECT domain, status, count(*) {in_view} GROUP BY ALL", params))
        assert dict(zip(zip(counts["domain"], counts["status"], strict=True), counts["count"], strict=True)) == expected
        assert head.open_bottlenecks == store.scalar(
            f"SELECT count(*) {in_view} AND status NOT IN (SELECT unnest(?::VARCHAR[]))",
            [*params, sorted(CLOSED_STATUSES)]), view
        assert head.resolved_12m == store.scalar(
            f"SELECT count(*) {in_view} AND status IN ('resolved', 'partly_resolved') "
            "AND last_event_on > ?::DATE - INTERVAL 12 MONTH AND last_event_on <= ?", [*params, TODAY, TODAY]), view
        shown[view] = head.open_bottlenecks
    _differs_by_side(shown)


def test_the_action_plan_is_that_of_the_domains(store):
    """Actions are joint (the side does not narrow them); the domains do, through their linked bottlenecks."""
    for view in VIEWS:
        plan = cooperation.actions_of_domains(cooperation.actions(store, view.period_only(), TODAY), view)
        expected = [code for (code,) in store.query(
            "SELECT a.code FROM actions a WHERE a.due >= ? AND (? OR a.start <= ?) AND (? OR EXISTS ("
            " SELECT 1 FROM bottlenecks b WHERE b.domain IN (SELECT unnest(?::VARCHAR[]))"
            " AND list_contains([trim(x) FOR x IN string_split(a.bottlenecks, ';')], b.code)))"
            " ORDER BY a.work_package, a.start, a.code",
            [view.date_from, view.year_to >= max_year(), view.date_to, not view.domains, view.domain_list])]
        assert list(plan["code"]) == expected, view
    everything = cooperation.actions(store, Filters(), TODAY)
    assert len(cooperation.actions_of_domains(everything, Filters(domains=("taxation",)))) < len(everything)


def test_the_flow_options_are_those_of_the_flows_with_an_end_on_the_side(store):
    options = {}
    for view in VIEWS:
        narrowed = mobility.options_for_side(mobility.flow_combos(store, view.period_only()), view)
        expected = store.query(
            "SELECT DISTINCT f.unit, f.mode, year(f.period_start)::INTEGER FROM flows f"
            " JOIN areas ao ON ao.code = f.origin JOIN areas ad ON ad.code = f.destination"
            " WHERE f.period_start BETWEEN ? AND ?"
            " AND (ao.country IN (SELECT unnest(?::VARCHAR[])) OR ad.country IN (SELECT unnest(?::VARCHAR[])))"
            " ORDER BY ALL", [view.date_from, view.date_to, view.countries, view.countries])
        assert list(narrowed.combos) == [tuple(row) for row in expected], view
        options[view] = narrowed
    _differs_by_side(options)


@pytest.mark.parametrize(("year", "unit", "modes"), [(2023, "passengers", ()), (2019, "passengers", ("bus", "ferry")),
                                                     (2014, "vehicles", ()), (2023, "commuters", ())])
def test_the_flows_of_a_year_are_those_with_an_end_on_the_side(store, year, unit, modes):
    routes = {}
    for view in VIEWS:
        flows = mobility.flows_touching_side(mobility.flows_for_year(store, view.period_only(), year, unit, modes),
                                             view)
        expected = store.query(
            "SELECT f.origin, f.destination, f.mode, sum(f.volume) FROM flows f"
            " JOIN areas ao ON ao.code = f.origin JOIN areas ad ON ad.code = f.destination"
            " WHERE f.unit = ? AND year(f.period_start) = ? AND f.period_start BETWEEN ? AND ?"
            " AND (? OR f.mode IN (SELECT unnest(?::VARCHAR[])))"
            " AND (ao.country IN (SELECT unnest(?::VARCHAR[])) OR ad.country IN (SELECT unnest(?::VARCHAR[])))"
            " GROUP BY ALL",
            [unit, year, view.date_from, view.date_to, not modes, list(modes) or [""], view.countries,
             view.countries])
        got = {(o, d, m): v for o, d, m, v in zip(flows["origin"], flows["destination"], flows["mode"],
                                                  flows["volume"], strict=True)}
        assert got == {(o, d, m): pytest.approx(v) for o, d, m, v in expected}, view
        routes[view] = frozenset(got)
    if unit == "passengers":
        _differs_by_side(routes)


def _check_point_indicators(store: Store) -> tuple[dict, dict]:
    listed, sized = {}, {}
    for view in VIEWS:
        frame = mobility.point_indicators_for_side(mobility.point_indicator_areas(store, view.period_only()), view)
        expected = store.query(
            "SELECT o.indicator, count(DISTINCT o.area) AS n FROM observations o JOIN areas a ON a.code = o.area"
            " WHERE a.level = 'municipality' AND a.country IN (SELECT unnest(?::VARCHAR[]))"
            " AND o.period_start BETWEEN ? AND ? GROUP BY ALL HAVING n >= 2",
            [view.countries, view.date_from, view.date_to])
        assert sorted(zip(frame["code"], frame["areas"], strict=True)) == sorted(map(tuple, expected)), view
        if mobility.POPULATION_INDICATOR in set(frame["code"]):
            assert frame["code"].iloc[0] == mobility.POPULATION_INDICATOR
        sized_by = mobility.population_point_for_side(mobility.population_areas(store, view.period_only()), view)
        population = dict(map(tuple, expected)).get(mobility.POPULATION_INDICATOR, 0)
        assert (sized_by[0] if sized_by else None) == (mobility.POPULATION_INDICATOR if population >= 2 else None)
        listed[view] = tuple(zip(frame["code"], frame["areas"], strict=True))
        sized[view] = sized_by
    return listed, sized


def test_the_point_indicators_are_those_with_two_municipalities_on_the_side(store):
    listed, _ = _check_point_indicators(store)
    _differs_by_side(listed)
    # Population figures for one Estonian municipality only: they size Finland's points, not Estonia's.
    with store.transaction() as cur:
        cur.execute("DELETE FROM observations WHERE indicator = ? AND area IN (SELECT code FROM areas"
                    " WHERE country = 'EE' AND level = 'municipality') AND area <> (SELECT min(o.area)"
                    " FROM observations o JOIN areas a ON a.code = o.area WHERE o.indicator = ?"
                    " AND a.country = 'EE' AND a.level = 'municipality')",
                    [mobility.POPULATION_INDICATOR, mobility.POPULATION_INDICATOR])
    _, sized = _check_point_indicators(store)
    _differs_by_side(sized)


@pytest.mark.parametrize("code", [mobility.POPULATION_INDICATOR, "INT_EE_SPEAKERS_FI", None])
def test_the_municipal_points_are_those_of_the_side(store, code):
    shown = {}
    for view in VIEWS:
        points = rows_of_side(mobility.area_points(store, view.period_only(), code), view)
        municipalities = {c for (c,) in store.query(
            "SELECT code FROM areas WHERE level = 'municipality' AND lat IS NOT NULL AND lon IS NOT NULL"
            " AND country IN (SELECT unnest(?::VARCHAR[]))", [view.countries])}
        with_values = {c for (c,) in store.query(
            "SELECT DISTINCT o.area FROM observations o JOIN areas a ON a.code = o.area"
            " WHERE o.indicator = ? AND a.level = 'municipality' AND a.lat IS NOT NULL AND a.lon IS NOT NULL"
            " AND a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ?",
            [code, view.countries, view.date_from, view.date_to])}
        assert set(points["code"]) == municipalities, view
        assert set(points.loc[points["value"].notna(), "code"]) == with_values, view
        shown[view] = frozenset(points["code"])
    _differs_by_side(shown)


@pytest.mark.parametrize("code", ["INT_POPULATION", "MOB_FERRY_PAX", "TAX_DOUBLE_CASES"])
def test_one_indicators_series_and_map_are_those_of_the_side(store, code):
    series, maps = {}, {}
    for view in VIEWS:
        rows = rows_of_side(indicators.series(store, view.period_only(), code), view)
        expected = store.query(
            "SELECT o.area, o.period FROM observations o JOIN areas a ON a.code = o.area WHERE o.indicator = ?"
            " AND a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ?",
            [code, view.countries, view.date_from, view.date_to])
        assert sorted(zip(rows["area"], rows["period"], strict=True)) == sorted(map(tuple, expected)), view
        periods, _ = indicators.map_period_choices(indicators.map_periods(store, view.period_only(), code), view)
        points = pd.concat([rows_of_side(indicators.map_values(store, view.period_only(), code, period), view)
                            for period in periods] or [pd.DataFrame({"area": []})]).drop_duplicates("area")
        municipalities = store.query(
            "SELECT DISTINCT o.area FROM observations o JOIN areas a ON a.code = o.area WHERE o.indicator = ?"
            " AND a.level = 'municipality' AND a.lat IS NOT NULL AND a.lon IS NOT NULL"
            " AND a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ?",
            [code, view.countries, view.date_from, view.date_to])
        assert sorted(points["area"]) == sorted(area for (area,) in municipalities), view
        series[view], maps[view] = len(rows), len(points)
    _differs_by_side(series)
    if code == "INT_POPULATION":
        _differs_by_side(maps)


def test_the_overview_of_latest_changes_is_that_of_the_domains_and_side(store):
    listed = {}
    for view in VIEWS:
        frame = rows_of_side_and_domains(indicators.domain_overview(store, view.period_only()), view)
        expected = store.query(
            "SELECT DISTINCT o.indicator, a.country FROM observations o JOIN areas a ON a.code = o.area"
            " JOIN indicators i ON i.code = o.indicator WHERE i.domain IN (SELECT unnest(?::VARCHAR[]))"
            " AND a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ?",
            [view.domain_list, view.countries, view.date_from, view.date_to])
        got = sorted(zip(frame["indicator"], frame["country"], strict=True))
        assert got == sorted(map(tuple, expected)), view
        listed[view] = tuple(got)
    _differs_by_side(listed)


def _count_queries(monkeypatch) -> list[str]:
    """Record the SQL of every query the app asks of its store."""
    asked: list[str] = []
    for method in ("query", "query_df"):
        original = getattr(Store, method)

        def counted(self, sql, params=None, _original=original):
            asked.append(sql)
            return _original(self, sql, params)

        monkeypatch.setattr(Store, method, counted)
    return asked


def test_a_change_of_side_or_domains_on_indicators_asks_the_database_nothing(demo_copy, monkeypatch):
    """The indicator list, the overview of latest changes and the chosen indicator's series and definition are all
    narrowed from results cached for both sides and every domain: changing the side or the domains (keeping the
    chosen indicator listed) runs no query, and the page still shows each side's figures."""
    at = run_app(page="pages/indicators.py")
    assert not at.exception
    chosen = at.selectbox(key="ind_choice").value
    domain = indicators.indicator_meta(open_store(demo_copy), Filters(), chosen).domain
    others = "taxation" if domain != "taxation" else "education"
    asked = _count_queries(monkeypatch)
    shown = {}
    for control, value in (("w_side", "EE"), ("w_domains", [domain, others]), ("w_side", "FI"),
                           ("w_domains", [domain]), ("w_side", "both"), ("w_domains", [])):
        widget = at.segmented_control(key=control) if control == "w_side" else at.multiselect(key=control)
        widget.set_value(value).run()
        assert not at.exception
        assert asked == [], f"{control}={value} asked {asked}"
        assert at.selectbox(key="ind_choice").value == chosen
        shown[control, str(value)] = ([m.label for m in at.metric], len(at.dataframe[-1].value))
    assert shown["w_side", "EE"] != shown["w_side", "FI"]  # the page did change with the side
    assert shown["w_domains", str([domain])][1] < shown["w_domains", "[]"][1]  # and with the domains


@pytest.mark.parametrize("page", [None, "pages/mobility.py"], ids=["overview", "mobility"])
def test_a_change_of_side_or_domains_on_the_overview_or_mobility_asks_the_database_nothing(
        demo_copy, monkeypatch, page):
    """The Overview's headline, counts, latest changes and map, and Mobility's map and its options are narrowed
    from cached results: no query on a change of side or domains, and the map shows the side's municipalities."""
    at = run_app(page=page)
    assert not at.exception
    asked = _count_queries(monkeypatch)
    shown = {}
    for control, value in (("w_side", "EE"), ("w_domains", ["taxation", "mobility"]), ("w_side", "FI"),
                           ("w_domains", []), ("w_side", "both")):
        widget = at.segmented_control(key=control) if control == "w_side" else at.multiselect(key=control)
        widget.set_value(value).run()
        assert not at.exception
        assert asked == [], f"{control}={value} asked {asked}"
        points = map_municipalities(map_specs(at)[0])
        shown[control, str(value)] = ([m.value for m in at.metric], len(points))
    points = {side: shown["w_side", side][1] for side in ("EE", "FI", "both")}
    assert points["EE"] < points["both"] and points["FI"] < points["both"]
    if page is None:
        assert shown["w_side", "EE"][0] != shown["w_side", "FI"][0] != shown["w_side", "both"][0]


def test_a_change_of_side_or_domains_on_cooperation_asks_the_database_nothing(demo_copy, monkeypatch):
    """The action plan is narrowed to the actions linked to the selected domains from the plan of every domain."""
    at = run_app(page="pages/cooperation.py")
    assert not at.exception
    asked = _count_queries(monkeypatch)
    shown = {}
    for control, value in (("w_domains", ["taxation"]), ("w_side", "EE"), ("w_domains", ["mobility", "education"]),
                           ("w_domains", [])):
        widget = at.segmented_control(key=control) if control == "w_side" else at.multiselect(key=control)
        widget.set_value(value).run()
        assert not at.exception
        assert asked == [], f"{control}={value} asked {asked}"
        shown[control, str(value)] = [m.value for m in at.metric]
    assert shown["w_domains", "['taxation']"] != shown["w_domains", "[]"]
