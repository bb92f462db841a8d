"""Read models against a database built from a known history (real workbook, real importer)."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import table_rows, write_xlsx

from twinreg_data.figures.overview import domain_status_bars
from twinreg_data.ingest.apply import import_file
from twinreg_data.queries import overview as queries
from twinreg_data.store import Store

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("TWINREG_STALL_DAYS", "365")
    sheets = {
        "areas": table_rows("areas", [
            dict(code="FI", country="FI", level="country", name_en="Finland"),
            dict(code="FI-091", country="FI", level="municipality", parent="FI", name_en="Helsinki"),
        ]),
        "indicators": table_rows("indicators", [
            dict(code="MOB_FERRY_PAX", domain="mobility", name_en="Ferry passengers", unit="passengers",
                 polarity="higher_better", frequency="annual", source="Port of Helsinki"),
        ]),
        "observations": table_rows("observations", [
            dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2023", value=100.0),
            dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2024", value=110.0),
            dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2022", value=90.0),
        ]),
        "bottlenecks": table_rows("bottlenecks", [
            dict(code="BN-001", domain="digital", title_en="Resolved this year", side="both", level="national",
                 severity=3, source="interview", identified_on=dt.date(2020, 1, 1)),
            dict(code="BN-002", domain="taxation", title_en="Stalled", side="FI", level="national", severity=4,
                 source="survey", identified_on=dt.date(2019, 5, 1)),
            dict(code="BN-003", domain="taxation", title_en="New", side="EE", level="regional", severity=2,
                 source="roundtable", identified_on=dt.date(2026, 10, 1)),
            dict(code="BN-004", domain="digital", title_en="Resolved long ago", side="both", level="EU",
                 severity=5, source="statistics", identified_on=dt.date(2017, 1, 1)),
        ]),
        "bottleneck_events": table_rows("bottleneck_events", [
            dict(bottleneck="BN-001", date=dt.date(2020, 1, 1), seq=1, status="identified"),
            dict(bottleneck="BN-001", date=dt.date(2026, 6, 1), seq=1, status="resolved", who="Kela"),
            dict(bottleneck="BN-002", date=dt.date(2019, 5, 1), seq=1, status="identified"),
            dict(bottleneck="BN-002", date=dt.date(2021, 3, 1), seq=1, status="analysed"),
            dict(bottleneck="BN-004", date=dt.date(2019, 1, 15), seq=1, status="resolved"),
        ]),
    }
    db = Store(tmp_path / "q.duckdb")
    report = import_file(db, write_xlsx(tmp_path / "history.xlsx", sheets), user="test")
    assert report.status == "applied", report.problems
    yield db
    db.close()


def test_headline_counts_follow_the_status_history(store):
    head = queries.headline(store, today=TODAY)
    assert head.open_bottlenecks == 2  # BN-002 (analysed), BN-003 (identified, no events)
    assert head.resolved_12m == 1  # BN-001; BN-004 was resolved in 2019
    assert head.stalled == 1  # BN-002: last event 2021-03-01, more than 365 days ago
    assert head.stall_days == 365


def test_the_ferry_figure_is_the_routes_latest_period_against_the_one_before(store):
    ferry = queries.ferry_latest(store)
    assert (ferry.period, ferry.value, ferry.previous) == ("2024", 110.0, 100.0)
    assert ferry.change == pytest.approx(0.10)
    assert ferry.source == "Port of Helsinki"


def test_stall_threshold_is_configurable(store, monkeypatch):
    monkeypatch.setenv("TWINREG_STALL_DAYS", "5000")
    assert queries.headline(store, today=TODAY).stalled == 0


def test_bottlenecks_by_domain_status(store):
    frame = queries.bottlenecks_by_domain_status(store)
    rows = {(r.domain, r.status): r.count for r in frame.itertuples()}
    assert rows == {("digital", "resolved"): 2, ("taxation", "analysed"): 1, ("taxation", "identified"): 1}
    fig = domain_status_bars(frame, "fi", "Lähde: test")
    names = [trace.name for trace in fig.data]
    assert names == ["Tunnistettu", "Analysoitu", "Ratkaistu"]  # lifecycle order, in Finnish
    resolved = fig.data[2]
    assert dict(zip(resolved.y, resolved.x, strict=True)) == {"Verotus": 0, "Digitaaliset palvelut": 2}


def test_headline_and_counts_follow_the_domain_and_side_filters(store):
    from twinreg_data.filters import Filters

    taxation = Filters(domains=("taxation",))
    head = queries.headline(store, taxation, today=TODAY)
    assert (head.open_bottlenecks, head.resolved_12m, head.stalled) == (2, 0, 1)
    estonia = Filters(side="EE")  # BN-003 (EE) and BN-001/BN-004 (both); BN-002 is Finnish
    assert queries.headline(store, estonia, today=TODAY).open_bottlenecks == 1
    rows = {(r.domain, r.status): r.count for r in queries.bottlenecks_by_domain_status(store, estonia).itertuples()}
    assert rows == {("digital", "resolved"): 2, ("taxation", "identified"): 1}


def test_moved_most_orders_by_size_of_change(demo_db_path):
    from twinreg_data.filters import Filters

    demo = Store(demo_db_path)
    movers = queries.moved_most(demo, Filters(), limit=5)
    assert len(movers) == 5
    sizes = movers["change_pct"].abs().tolist()
    assert sizes == sorted(sizes, reverse=True)
    only_mobility = queries.moved_most(demo, Filters(domains=("mobility",)), limit=50)
    assert set(only_mobility["domain"]) == {"mobility"}
    demo.close()


@pytest.mark.parametrize("domains", [("taxation",), ("mobility", "education"), ("information",)])
def test_read_models_cached_without_domains_do_not_depend_on_them(demo_db_path, domains):
    """The pages cache these under Filters.without_domains(): their results must be the same for any domains."""
    import pandas as pd

    from twinreg_data.filters import Filters
    from twinreg_data.queries import indicators, mobility
    from twinreg_data.store import open_store

    store = open_store(demo_db_path)
    every, some = Filters(side="EE", year_from=2010), Filters(side="EE", year_from=2010, domains=domains)
    assert every == some.without_domains()
    for code in ("MOB_FERRY_PAX", "TAX_DOUBLE_CASES", "INT_POPULATION"):
        assert indicators.indicator_meta(store, every, code) == indicators.indicator_meta(store, some, code)
        for query in (indicators.series, indicators.latest_changes, indicators.map_points):
            pd.testing.assert_frame_equal(query(store, every, code), query(store, some, code))
    region, region_some = mobility.twin_region(store, every), mobility.twin_region(store, some)
    assert (region.year, region.unit, region.indicator_name) == (region_some.year, region_some.unit,
                                                                 region_some.indicator_name)
    pd.testing.assert_frame_equal(region.flows, region_some.flows)
    pd.testing.assert_frame_equal(region.areas, region_some.areas)
    for query, args in ((mobility.flow_options, ()), (mobility.point_indicators, ()),
                        (mobility.commuter_series, ()), (mobility.seasonality, ()),
                        (mobility.indicator_series, (mobility.FERRY_INDICATOR,)),
                        (mobility.area_points, (mobility.POPULATION_INDICATOR,))):
        first, second = query(store, every, *args), query(store, some, *args)
        if isinstance(first, pd.DataFrame):
            pd.testing.assert_frame_equal(first, second)
        else:
            assert first == second


@pytest.mark.parametrize("side", ["FI", "EE"])
def test_read_models_cached_by_period_only_depend_on_neither_side_nor_domains(demo_db_path, side):
    """The Mobility page caches its cross-border series under Filters.period_only(): same results for any side."""
    import pandas as pd

    from twinreg_data.filters import Filters
    from twinreg_data.queries import mobility
    from twinreg_data.store import open_store

    store = open_store(demo_db_path)
    narrowed = Filters(lang="fi", side=side, domains=("taxation",), year_from=2012, year_to=2023)
    every = narrowed.period_only()
    assert every == Filters(lang="fi", year_from=2012, year_to=2023)
    for query, args in ((mobility.indicator_series, (mobility.FERRY_INDICATOR,)),
                        (mobility.indicator_series, (mobility.AIR_INDICATOR,)), (mobility.seasonality, ()),
                        (mobility.commuter_series, ())):
        first = query(store, every, *args)
        assert not first.empty
        pd.testing.assert_frame_equal(first, query(store, narrowed, *args))


@pytest.mark.parametrize("side", ["FI", "EE"])
def test_the_action_plan_cached_without_the_side_does_not_depend_on_it(demo_db_path, side):
    """Actions are joint: the Cooperation page caches them under Filters.without_side()."""
    import pandas as pd

    from twinreg_data.filters import Filters
    from twinreg_data.queries import cooperation
    from twinreg_data.store import open_store

    store = open_store(demo_db_path)
    narrowed = Filters(lang="et", side=side, domains=("mobility", "taxation"), year_from=2024)
    every = narrowed.without_side()
    assert every == Filters(lang="et", domains=("mobility", "taxation"), year_from=2024)
    today = dt.date(2026, 6, 1)
    first = cooperation.actions(store, every, today)
    assert not first.empty
    pd.testing.assert_frame_equal(first, cooperation.actions(store, narrowed, today))


@pytest.mark.parametrize("side", ["FI", "EE"])
def test_the_service_catalogue_cached_by_its_domains_depends_on_neither_side_nor_period(demo_db_path, side):
    """Services are assessed as they stand today, across the border: the Services page caches the catalogue under
    Filters.domains_only()."""
    import pandas as pd

    from twinreg_data.filters import Filters
    from twinreg_data.queries import services
    from twinreg_data.store import open_store

    store = open_store(demo_db_path)
    narrowed = Filters(lang="fi", side=side, domains=("taxation", "digital"), year_from=2019, year_to=2021)
    every = narrowed.domains_only()
    assert every == Filters(lang="fi", domains=("taxation", "digital"))
    for choice in ((), (("partial", "missing"), "digital", ""), ((), "", "vero")):
        first = services.catalogue(store, every, *choice)
        assert not first.empty
        pd.testing.assert_frame_equal(first, services.catalogue(store, narrowed, *choice))


def test_read_models_fetched_together_equal_those_fetched_one_by_one(demo_copy):
    """cached_together runs the queries not cached yet in worker threads (each with its own cursor): the results,
    in the order asked, are those of the queries run one by one, and they are cached like cached() results."""
    import threading

    import pandas as pd
    import streamlit as st

    from twinreg_data import st_cache
    from twinreg_data.filters import Filters
    from twinreg_data.queries import indicators, mobility
    from twinreg_data.store import open_store

    store = open_store(demo_copy)
    view = Filters(lang="et", side="EE", year_from=2015)
    calls = [(queries.headline, view), (queries.bottlenecks_by_domain_status, view), (queries.moved_most, view),
             (indicators.series, view, "INT_POPULATION"), (mobility.twin_region, view.without_domains())]
    st.cache_data.clear()
    threads: set[str] = set()
    original = queries.moved_most

    def moved_most(*args):
        threads.add(threading.current_thread().name)
        return original(*args)

    queries.moved_most = moved_most
    try:
        together = st_cache.cached_together(*calls)
    finally:
        queries.moved_most = original
    assert threads and all(name.startswith("twinreg-query") for name in threads)
    one_by_one = [function(store, *args) for function, *args in calls]
    assert together[0] == one_by_one[0]
    for got, expected in zip(together[1:4], one_by_one[1:4], strict=True):
        assert not expected.empty
        pd.testing.assert_frame_equal(got, expected)
    pd.testing.assert_frame_equal(together[4].flows, one_by_one[4].flows)
    pd.testing.assert_frame_equal(together[4].areas, one_by_one[4].areas)
    # Cached: asked again, the same results without running the queries.
    queries.moved_most = None  # would fail if called
    try:
        again = st_cache.cached_together(*calls)
    finally:
        queries.moved_most = original
    pd.testing.assert_frame_equal(again[2], together[2])


def test_built_figures_are_kept_by_builder_data_and_arguments_and_dropped_on_clear(demo_copy, monkeypatch):
    """cached_build keeps what a figure builder returned for the same read models and arguments (the same object,
    not a copy); other data, arguments or a clear() (every import and rollback calls it) build again, and so does
    an argument without an exact text key. Only builders of twinreg_data.figures are accepted."""
    import functools

    from twinreg_data import st_cache
    from twinreg_data.figures import overview as overview_figures
    from twinreg_data.filters import Filters

    built: list[tuple] = []
    original = overview_figures.movers_bars

    @functools.wraps(original)  # keyed by the builder's module and name, as the page's call would be
    def movers_bars(*args):
        built.append(args[1:])
        return original(*args)

    monkeypatch.setattr(overview_figures, "movers_bars", movers_bars)
    view = Filters(lang="fi")
    first = st_cache.cached_build(overview_figures.movers_bars, [(queries.moved_most, view)], "fi")
    again = st_cache.cached_build(overview_figures.movers_bars, [(queries.moved_most, Filters(lang="fi"))], "fi")
    assert again is first and built == [("fi",)]
    assert len(first.data[0].y) == len(st_cache.cached(queries.moved_most, view)) > 0
    st_cache.cached_build(overview_figures.movers_bars, [(queries.moved_most, view)], "et")
    estonia = st_cache.cached_build(overview_figures.movers_bars, [(queries.moved_most, Filters(side="EE"))], "fi")
    assert built == [("fi",), ("et",), ("fi",)] and estonia is not first
    st_cache.clear()
    assert st_cache.cached_build(overview_figures.movers_bars, [(queries.moved_most, view)], "fi") is not first
    assert len(built) == 4

    texts: list[str] = []

    @functools.wraps(original)
    def joined(frame, names):  # given a list, which has no exact text
        texts.append(", ".join(names))
        return texts[-1]

    for _ in range(2):
        assert st_cache.cached_build(joined, [(queries.moved_most, view)], ["a", "b"]) == "a, b"
    assert texts == ["a, b", "a, b"]  # built each time, never found under another argument's key
    with pytest.raises(ValueError, match="not a figure builder"):
        st_cache.cached_build(len, [(queries.moved_most, view)])


def test_cache_keys_tell_apart_every_argument_that_changes_a_result(demo_copy):
    """Cached queries are keyed by the exact text of their arguments where one exists (plain values, tuples and
    frozen dataclasses of them): equal arguments give one key, any difference another; other types keep the
    arguments themselves as the key."""
    import datetime as dt

    import streamlit as st

    from twinreg_data import st_cache
    from twinreg_data.filters import Filters
    from twinreg_data.queries.bottlenecks import RegisterFilter

    text = st_cache._exact_text
    view = Filters(lang="fi", domains=("taxation",), side="EE", year_from=2015, year_to=2020)
    assert text((view, RegisterFilter())) == text((Filters(lang="fi", domains=("taxation",), side="EE",
                                                           year_from=2015, year_to=2020), RegisterFilter()))
    variants = [view, Filters(lang="et", domains=("taxation",), side="EE", year_from=2015, year_to=2020),
                Filters(lang="fi", domains=("taxation", "education"), side="EE", year_from=2015, year_to=2020),
                Filters(lang="fi", domains=("taxation",), side="FI", year_from=2015, year_to=2020),
                Filters(lang="fi", domains=("taxation",), side="EE", year_from=2016, year_to=2020),
                RegisterFilter(search="1"), RegisterFilter(search="1 "), RegisterFilter(min_age_years=1),
                1, 1.0, True, "1", None, (1,), ((1,),), dt.date(2026, 1, 1), dt.datetime(2026, 1, 1)]
    texts = [text(v) for v in variants]
    assert None not in texts and len(set(texts)) == len(texts)
    assert text([1]) is None and text((view, {"a": 1})) is None  # no exact text: the objects themselves are hashed
    from collections import namedtuple

    assert text(namedtuple("Pair", "a b")(1, 2)) is None  # its text would be that of the plain tuple (1, 2)

    # Through the cache: the same arguments again find the result; different ones run the query.
    import functools

    from twinreg_data.queries import indicators
    from twinreg_data.store import open_store

    store = open_store(demo_copy)
    runs: list[tuple] = []
    original = indicators.series

    @functools.wraps(original)  # _call finds query functions by module and name
    def series(*args):
        runs.append(args[1:])
        return original(*args)

    indicators.series = series
    try:
        st.cache_data.clear()
        first = st_cache._fetch(store, str(demo_copy), indicators.series, (view, "INT_POPULATION"), {})
        again = st_cache._fetch(store, str(demo_copy), indicators.series, (view, "INT_POPULATION"), {})
        other = st_cache._fetch(store, str(demo_copy), indicators.series, (view.period_only(), "INT_POPULATION"), {})
    finally:
        indicators.series = original
    assert runs == [(view, "INT_POPULATION"), (view.period_only(), "INT_POPULATION")]
    assert again.equals(first) and not other.equals(first)


@pytest.mark.parametrize("page", ["pages/indicators.py", "pages/bottlenecks.py", "pages/mobility.py", None])
def test_a_run_takes_each_read_model_from_the_cache_once(demo_copy, monkeypatch, page):
    """In one script run each read model call is answered by the cache once and then shared (by the charts and
    tables built from it, by a second use): every answer from st.cache_data is a copy, unpickled again."""
    from conftest import run_app

    from twinreg_data import st_cache

    fetched: list[tuple[str, str | None]] = []
    original = st_cache._fetch

    def counting(db, path, function, args, kwargs):
        fetched.append((function.__name__, st_cache._exact_text((args, tuple(sorted(kwargs.items()))))))
        return original(db, path, function, args, kwargs)

    monkeypatch.setattr(st_cache, "_fetch", counting)
    at = run_app(page=page)
    for cold in (True, False):
        if cold:
            st_cache.clear()  # as after an import: every chart and table is built again from the read models
        fetched.clear()
        at.run()
        assert not at.exception
        assert fetched and len(fetched) == len(set(fetched)), sorted(fetched)
