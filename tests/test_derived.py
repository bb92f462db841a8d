"""Derived read models (queries.common.derived): what the cache narrows in memory is what the database answers.

A derived read model is asked of the database for wider filters only (both sides, every domain) and narrowed by
the cache for the filters in view, so a change of side or domains costs no query. These tests hold every such
claim against the read model's own answer, for every side, several domain selections, periods and languages,
and show on the real pages that a change of side or domains then asks the database nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import json
import pkgutil
from itertools import product

import pandas as pd
import pytest
from conftest import run_app

import twinreg_data.queries as queries_package
from twinreg_data.filters import Filters
from twinreg_data.queries import indicators, overview
from twinreg_data.queries.common import derivation_of
from twinreg_data.schema import CLOSED_STATUSES
from twinreg_data.store import Store, open_store

# The arguments after the filters of each derived read model, as the pages pass them (demo data).
SAMPLE_ARGUMENTS: dict[str, list[tuple]] = {
    "indicators.domain_overview": [()],
    "indicators.indicator_choices": [()],
    "indicators.indicator_meta": [("INT_POPULATION",), ("TAX_DOUBLE_CASES",)],
    "indicators.series": [("INT_POPULATION",), ("MOB_FERRY_PAX",), ("TAX_DOUBLE_CASES",)],
    "indicators.latest_changes": [("INT_POPULATION",), ("TAX_DOUBLE_CASES",)],
    "indicators.map_points": [("INT_POPULATION",)],
    "overview.headline": [()],
    "cooperation.actions": [(), (dt.date(2025, 6, 30),)],
    "mobility.flow_options": [()],
    "mobility.flows_for_year": [(2023, "passengers", ()), (2019, "passengers", ("ferry",)), (2014, "vehicles", ()),
                                (2023, "commuters", ())],
    "mobility.area_points": [("INT_POPULATION",), (None,)],
    "mobility.point_indicators": [()],
    "mobility.population_point": [()],
    "overview.bottlenecks_by_domain_status": [()],
}
VIEWS = [Filters(lang=lang, side=side, domains=domains, year_from=first, year_to=last)
         for (side, (lang, domains), (first, last)) in product(
             ("both", "FI", "EE"),
             (("en", ()), ("fi", ("taxation",)), ("et", ("mobility", "education", "integration"))),
             ((2000, 2100), (2015, 2020), (2000, 2004)))]


def _derived_read_models() -> dict[str, object]:
    found = {}
    for module_info in pkgutil.iter_modules(queries_package.__path__):
        module = importlib.import_module(f"twinreg_data.queries.{module_info.name}")
        for name, value in vars(module).items():
            if callable(value) and getattr(value, "__module__", "") == module.__name__ and derivation_of(value):
                found[f"{module_info.name}.{name}"] = value
    return found


def _assert_same(narrowed, answered, what: str) -> None:
    if isinstance(answered, pd.DataFrame):
        # An all-empty text column comes from DuckDB as object holding None, a narrowed one keeps the wider frame's
        # string dtype (missing as NaN): the same for every reader, compared as missing here.
        def plain(frame: pd.DataFrame) -> pd.DataFrame:
            return frame.astype(object).where(frame.notna(), None)

        pd.testing.assert_frame_equal(plain(narrowed), plain(answered), obj=what)
    elif dataclasses.is_dataclass(answered):
        assert dataclasses.asdict(narrowed) == dataclasses.asdict(answered), what
    else:
        assert narrowed == answered, what


def test_every_derived_read_model_has_sample_arguments_here():
    assert sorted(_derived_read_models()) == sorted(SAMPLE_ARGUMENTS)


@pytest.mark.parametrize("name", sorted(SAMPLE_ARGUMENTS))
def test_a_derived_read_model_narrowed_from_its_wider_result_is_its_own_answer(demo_copy, name):
    function = _derived_read_models()[name]
    derivation = derivation_of(function)
    store = open_store(demo_copy)
    # Every demo flow crosses the border: domestic ones (one side only) put the side's narrowing to the test.
    with store.transaction() as cur:
        cur.execute("INSERT INTO flows SELECT ?, ?, 'rail', '2023', 5000, 'passengers', 'test', NULL, "
                    "DATE '2023-01-01', (SELECT max(id) FROM imports)", ["FI-049", "FI-091"])
        cur.execute("INSERT INTO flows SELECT ?, ?, 'bus', '2019', 700, 'passengers', 'test', NULL, "
                    "DATE '2019-01-01', (SELECT max(id) FROM imports)", ["EE-0784", "EE-0296"])
    non_empty = 0
    for view, arguments in product(VIEWS, SAMPLE_ARGUMENTS[name]):
        wider = derivation.wider(view)
        assert derivation.wider(wider) == wider  # the cache asks for the wider filters once, not a chain
        answered = function(store, view, *arguments)
        narrowed = derivation.narrow(derivation.base(store, wider, *arguments), view)
        _assert_same(narrowed, answered, f"{name}{(view, *arguments)}")
        non_empty += not (isinstance(answered, pd.DataFrame) and answered.empty)
    assert non_empty >= len(VIEWS) // 2  # the claim is tested on data, not on empty frames


def test_indicator_choices_count_the_observations_of_the_side_and_period(demo_copy):
    """indicator_choices is narrowed from counts per country: against a plain count of each indicator's
    observations on the side in the period."""
    store = open_store(demo_copy)
    for view in VIEWS:
        choices = indicators.indicator_choices(store, view)
        counted = dict(store.query(
            "SELECT o.indicator, count(*) FROM observations o JOIN areas a ON a.code = o.area "
            "WHERE a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ? GROUP BY 1",
            [view.countries, view.date_from, view.date_to]))
        domains = store.query("SELECT code FROM indicators WHERE domain IN (SELECT unnest(?::VARCHAR[]))",
                              [view.domain_list])
        assert sorted(choices["code"]) == sorted(code for (code,) in domains)
        assert dict(zip(choices["code"], choices["observations"], strict=True)) == {
            code: counted.get(code, 0) for code in choices["code"]}


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
    narrowed from cached results: changing the side or the domains (keeping the chosen indicator listed) runs no
    query, and the page still shows each side's figures."""
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
        deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
        points = next(layer["data"] for layer in deck["layers"] if layer["@@type"] == "ScatterplotLayer")
        shown[control, str(value)] = ([m.value for m in at.metric], len(points))
    points = {side: shown["w_side", side][1] for side in ("EE", "FI", "both")}
    assert points["EE"] < points["both"] and points["FI"] < points["both"]
    if page is None:
        assert shown["w_side", "EE"][0] != shown["w_side", "FI"][0] != shown["w_side", "both"][0]


def test_the_overview_headline_follows_side_and_domains_from_one_tally(demo_copy):
    store = open_store(demo_copy)
    for view in VIEWS:
        counts = overview.bottlenecks_by_domain_status(store, view)
        head = overview.headline(store, view)
        expected_open = store.scalar(
            "SELECT count(*) FROM bottleneck_current WHERE domain IN (SELECT unnest(?::VARCHAR[])) "
            "AND (? = 'both' OR side IN (?, 'both')) AND status NOT IN (SELECT unnest(?::VARCHAR[]))",
            [view.domain_list, view.side, view.side, sorted(CLOSED_STATUSES)])
        assert head.open_bottlenecks == expected_open
        assert counts["count"].sum() == store.scalar(
            "SELECT count(*) FROM bottleneck_current WHERE domain IN (SELECT unnest(?::VARCHAR[])) "
            "AND (? = 'both' OR side IN (?, 'both'))", [view.domain_list, view.side, view.side])


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
