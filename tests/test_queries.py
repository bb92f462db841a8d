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
def test_read_models_narrowed_to_the_side_alone_do_not_depend_on_the_domains(demo_db_path, domains):
    """The pages ask for these under Filters.period_only() and narrow them to the side alone: their results must be
    the same for any domains."""
    import pandas as pd

    from twinreg_data.filters import Filters
    from twinreg_data.queries import indicators, mobility
    from twinreg_data.store import open_store

    store = open_store(demo_db_path)
    every, some = Filters(side="EE", year_from=2010), Filters(side="EE", year_from=2010, domains=domains)
    for code in ("MOB_FERRY_PAX", "TAX_DOUBLE_CASES", "INT_POPULATION"):
        assert indicators.indicator_meta(store, every, code) == indicators.indicator_meta(store, some, code)
        for query in (indicators.series, indicators.latest_changes, indicators.map_periods):
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
    """The Mobility page asks for its cross-border series under Filters.period_only(): same results for any side."""
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
def test_the_action_plan_does_not_depend_on_the_side(demo_db_path, side):
    """Actions are joint: the Cooperation page asks for them under Filters.period_only() and narrows them to the
    domains alone."""
    import pandas as pd

    from twinreg_data.filters import Filters
    from twinreg_data.queries import cooperation
    from twinreg_data.store import open_store

    store = open_store(demo_db_path)
    narrowed = Filters(lang="et", side=side, domains=("mobility", "taxation"), year_from=2024)
    every = Filters(lang="et", domains=("mobility", "taxation"), year_from=2024)
    today = dt.date(2026, 6, 1)
    first = cooperation.actions(store, every, today)
    assert not first.empty
    pd.testing.assert_frame_equal(first, cooperation.actions(store, narrowed, today))


@pytest.mark.parametrize("side", ["FI", "EE"])
def test_the_service_catalogue_cached_by_its_domains_depends_on_neither_side_nor_period(demo_db_path, side):
    """Services are assessed as they stand today, across the border: the Services page asks for the catalogue under
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


def test_the_cache_answers_the_same_arguments_once_and_tells_apart_any_other(demo_copy):
    """st_cache.cached keys a read model's result by database, generation, name and arguments: the same arguments
    again are answered from the cache, a change of any filter field or other argument runs the query, and clear()
    (every import and rollback calls it) empties the cache."""
    import functools

    from twinreg_data import st_cache
    from twinreg_data.filters import Filters
    from twinreg_data.queries import bottlenecks

    runs: list[tuple] = []
    original = bottlenecks.register

    @functools.wraps(original)  # the cache keys a read model by its module and name
    def register(*args):
        runs.append(args[1:])
        return original(*args)

    view = Filters(lang="fi", domains=("taxation",), side="EE", year_from=2015, year_to=2020)
    local = bottlenecks.RegisterFilter()
    variants = [(view, local), (Filters(lang="et", domains=("taxation",), side="EE", year_from=2015, year_to=2020),
                                local),
                (Filters(lang="fi", domains=("taxation", "education"), side="EE", year_from=2015, year_to=2020), local),
                (Filters(lang="fi", domains=("taxation",), side="FI", year_from=2015, year_to=2020), local),
                (Filters(lang="fi", domains=("taxation",), side="EE", year_from=2016, year_to=2020), local),
                (view, bottlenecks.RegisterFilter(search="1")), (view, bottlenecks.RegisterFilter(search="1 ")),
                (view, bottlenecks.RegisterFilter(min_age_years=1))]
    st_cache.clear()
    first = st_cache.cached(register, view, local)
    again = st_cache.cached(register, Filters(lang="fi", domains=("taxation",), side="EE", year_from=2015,
                                              year_to=2020), bottlenecks.RegisterFilter())
    assert runs == [(view, local)] and again.equals(first)
    for arguments in variants[1:]:
        st_cache.cached(register, *arguments)
    assert runs == variants
    st_cache.clear()
    st_cache.cached(register, view, local)
    assert runs == [*variants, (view, local)]
    with pytest.raises(ValueError, match="not a read model"):
        st_cache.cached(len, "abc")
