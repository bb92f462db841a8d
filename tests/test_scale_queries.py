"""Read models rewritten for large databases give the answers of their plain definitions.

Checked on the demo database and on a scale-benchmark database (bench/scale_data.py: the demo plus a monthly
indicator for 380 municipalities), against references computed with pandas from the raw rows. Correctness
only; speed is measured by `make bench`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from twinreg_data.filters import Filters
from twinreg_data.queries import indicators, mobility, overview
from twinreg_data.schema import AREA_LEVELS, DOMAINS
from twinreg_data.store import Store, open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import scale_data  # noqa: E402

VIEWS = [
    Filters(),
    Filters(side="FI"),
    Filters(side="EE", lang="fi"),
    Filters(year_from=2010, year_to=2015),
    Filters(domains=("taxation", "integration", "mobility"), lang="et"),
    Filters(domains=("mobility",), side="EE", year_from=2019, year_to=2021),
]
LEVEL_RANK = {level: rank for rank, level in enumerate(reversed(AREA_LEVELS))}


@pytest.fixture(scope="module")
def scale_store(tmp_path_factory) -> Store:
    """The demo data plus one full synthetic indicator: 380 municipalities × 312 months."""
    path = tmp_path_factory.mktemp("scale") / "scale.duckdb"
    scale_data.build(path, scale_data.PER_INDICATOR)
    store = Store(path)
    yield store
    store.close()


@pytest.fixture
def demo_store(demo_copy) -> Store:
    return open_store(demo_copy)


def _rows_in_scope(store: Store, view: Filters) -> pd.DataFrame:
    """Every observation in the view's period and side, with its area's facts (no aggregation in SQL)."""
    return store.query_df(
        "SELECT o.indicator, o.area, o.period, o.period_start, o.value, o.flag, a.country, a.level, a.population, "
        "i.domain, i.frequency FROM observations o JOIN areas a ON a.code = o.area "
        "JOIN indicators i ON i.code = o.indicator "
        "WHERE o.period_start BETWEEN ? AND ? AND a.country IN (SELECT unnest(?::VARCHAR[]))",
        [view.date_from, view.date_to, view.countries],
    )


def _ranking(rows: pd.DataFrame) -> pd.DataFrame:
    """Area rank per (indicator, country): latest observation, widest level, largest population, code."""
    areas = rows.groupby(["indicator", "country", "area"], as_index=False).agg(
        last_start=("period_start", "max"), level=("level", "first"), population=("population", "first"),
        n=("value", "size"))
    areas["level_rank"] = areas["level"].map(LEVEL_RANK).fillna(9)
    areas["no_population"] = areas["population"].isna()
    areas = areas.sort_values(["indicator", "country", "last_start", "level_rank", "no_population", "population",
                               "area"], ascending=[True, True, False, True, True, False, True])
    areas["area_rank"] = areas.groupby(["indicator", "country"]).cumcount() + 1
    return areas


def _expected_latest(store: Store, view: Filters) -> set[tuple]:
    rows = _rows_in_scope(store, view)
    rows = rows[rows["domain"].isin(view.domain_list)]
    heads = _ranking(rows).query("area_rank == 1")[["indicator", "country", "area"]]
    result = set()
    for head in heads.itertuples():
        own = rows[(rows["indicator"] == head.indicator) & (rows["area"] == head.area)]
        own = own.sort_values(["period_start", "period"], ascending=False)
        cur = own.iloc[0]
        # Like with like: a quarter or month against the same one a year earlier, a year against the one before.
        if cur["frequency"] in ("quarterly", "monthly"):
            same = own[pd.to_datetime(own["period_start"]) == pd.to_datetime(cur["period_start"])
                       - pd.DateOffset(years=1)]
            prev = same.iloc[0] if len(same) else None
        else:
            prev = own.iloc[1] if len(own) > 1 else None
        result.add((head.indicator, head.country, head.area, cur["period"], cur["value"],
                    None if prev is None else prev["period"], None if prev is None else prev["value"]))
    return result


def _latest_as_set(frame: pd.DataFrame) -> set[tuple]:
    return {(r.indicator, r.country, r.area, r.period, r.value,
             None if pd.isna(r.previous_period) else r.previous_period,
             None if pd.isna(r.previous_value) else r.previous_value) for r in frame.itertuples()}


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: f"{v.side}-{v.year_from}-{'+'.join(v.domains) or 'all'}")
def test_domain_overview_is_the_latest_change_of_each_headline_area(demo_store, scale_store, view):
    for store in (demo_store, scale_store):
        frame = indicators.domain_overview(store, view)
        assert _latest_as_set(frame) == _expected_latest(store, view)
        assert len(frame) == len(_latest_as_set(frame))  # one row per indicator and country
        order = [DOMAINS.index(d) for d in frame["domain"]]
        assert order == sorted(order)  # domain order, as the page lists them


def test_latest_changes_of_one_indicator_match_the_overview(scale_store):
    view = Filters()
    overview_rows = indicators.domain_overview(scale_store, view)
    for code in ("BENCH_001", "MOB_FERRY_PAX", "INT_POPULATION"):
        single = indicators.latest_changes(scale_store, view, code)
        part = indicators.latest_change_of(overview_rows, code)  # what the page shows
        assert len(part) >= 1
        # (an all-empty flag column comes back as None objects rather than str NaN: compare as text)
        assert single.reset_index(drop=True).astype(str).replace({"None": "nan"}).equals(
            part.astype(str).replace({"None": "nan"}))
    bench = indicators.latest_changes(scale_store, view, "BENCH_001")
    assert list(bench["country"]) == ["FI", "EE"] and (bench["period"] == "2025-12").all()


@pytest.mark.parametrize("view", VIEWS[:4], ids=lambda v: f"{v.side}-{v.year_from}")
def test_indicator_choices_count_the_observations_in_scope(demo_store, scale_store, view):
    for store in (demo_store, scale_store):
        choices = indicators.indicator_choices(store, view)
        rows = _rows_in_scope(store, view)
        expected = rows.groupby("indicator").size()
        counted = dict(zip(choices["code"], choices["observations"], strict=True))
        assert counted == {code: int(expected.get(code, 0)) for code in counted}
        assert set(counted) == set(store.query_df("SELECT code FROM indicators WHERE domain IN "
                                                  "(SELECT unnest(?::VARCHAR[]))", [view.domain_list])["code"])


def test_every_demo_series_is_shown_whole(demo_store):
    for view in VIEWS[:4]:
        rows = _rows_in_scope(demo_store, view)
        for code in demo_store.query_df("SELECT code FROM indicators")["code"]:
            frame = indicators.series(demo_store, view, code)
            assert len(frame) == (rows["indicator"] == code).sum()
            shown = frame.drop_duplicates("area")
            assert (shown["country_areas"] == shown["country"].map(shown["country"].value_counts())).all()


@pytest.mark.parametrize("view", [Filters(), Filters(side="EE"), Filters(year_from=2019, year_to=2021)],
                         ids=["default", "EE", "2019-2021"])
def test_a_municipal_monthly_series_shows_the_leading_areas_whole(scale_store, view):
    frame = indicators.series(scale_store, view, "BENCH_001")
    rows = _rows_in_scope(scale_store, view)
    rows = rows[rows["indicator"] == "BENCH_001"]
    ranking = _ranking(rows)
    for country, part in frame.groupby("country"):
        areas = list(dict.fromkeys(part["area"]))  # in the order shown: headline first
        ranked = ranking[ranking["country"] == country]
        # The shown areas are the first ones of the ranking, each with all its observations in scope …
        assert areas == list(ranked["area"].head(len(areas)))
        assert list(part.drop_duplicates("area")["area_rank"]) == list(range(1, len(areas) + 1))
        for area, own in part.groupby("area"):
            assert len(own) == (rows["area"] == area).sum()
            assert list(own["period_start"]) == sorted(own["period_start"])
        # … as many as the limits allow, and the country's total is reported.
        assert len(areas) <= indicators.SERIES_AREAS_PER_COUNTRY
        assert len(part) <= indicators.SERIES_ROWS_PER_COUNTRY
        next_area = ranked.iloc[len(areas)] if len(ranked) > len(areas) else None
        if next_area is not None:
            assert (len(areas) == indicators.SERIES_AREAS_PER_COUNTRY
                    or len(part) + next_area["n"] > indicators.SERIES_ROWS_PER_COUNTRY)
        assert (part["country_areas"] == len(ranked)).all()
    assert list(frame["country"]) == sorted(frame["country"], key=lambda c: c == "EE")  # Finland first
    assert set(frame["country"]) == set(view.countries)


def test_latest_change_uses_the_same_headline_area_as_the_series(scale_store):
    view = Filters(year_from=2015, year_to=2020)
    series = indicators.series(scale_store, view, "BENCH_001")
    heads = series[series["area_rank"] == 1].drop_duplicates("country").set_index("country")["area"]
    latest = indicators.latest_changes(scale_store, view, "BENCH_001").set_index("country")["area"]
    assert heads.to_dict() == latest.to_dict()


def _expected_point_indicators(store: Store, view: Filters) -> list[tuple[str, int]]:
    rows = _rows_in_scope(store, view)
    rows = rows[rows["level"] == "municipality"]
    counts = rows.groupby("indicator")["area"].nunique()
    counts = counts[counts >= 2]
    names = store.query_df("SELECT code, name_en FROM indicators").set_index("code")["name_en"]
    ordered = sorted(counts.items(), key=lambda kv: (kv[0] != mobility.POPULATION_INDICATOR, -kv[1],
                                                     names[kv[0]], kv[0]))
    return [(code, int(n)) for code, n in ordered]


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: f"{v.side}-{v.year_from}-{'+'.join(v.domains) or 'all'}")
def test_point_indicators_count_municipalities_with_values(demo_store, scale_store, view):
    view = Filters(lang="en", side=view.side, year_from=view.year_from, year_to=view.year_to)
    for store in (demo_store, scale_store):
        frame = mobility.point_indicators(store, view)
        assert list(zip(frame["code"], frame["areas"], strict=True)) == _expected_point_indicators(store, view)


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: f"{v.side}-{v.year_from}-{'+'.join(v.domains) or 'all'}")
def test_flow_options_are_the_unit_mode_years_of_the_flows_in_scope(demo_store, scale_store, view):
    for store in (demo_store, scale_store):
        flows = store.query_df(
            "SELECT f.unit, f.mode, year(f.period_start) AS year, ao.country AS origin_country, "
            "ad.country AS destination_country FROM flows f JOIN areas ao ON ao.code = f.origin "
            "JOIN areas ad ON ad.code = f.destination WHERE f.period_start BETWEEN ? AND ?",
            [view.date_from, view.date_to])
        touching = flows["origin_country"].isin(view.countries) | flows["destination_country"].isin(view.countries)
        expected = sorted(set(zip(flows.loc[touching, "unit"], flows.loc[touching, "mode"],
                                  flows.loc[touching, "year"].astype(int), strict=True)))
        assert list(mobility.flow_options(store, view).combos) == expected


@pytest.mark.parametrize("years", [(2000, 2026), (2019, 2021), (2000, 2004)])
def test_twin_region_points_follow_the_first_point_indicator(demo_store, scale_store, years):
    for store in (demo_store, scale_store):
        for side in ("both", "FI", "EE"):
            view = Filters(side=side, year_from=years[0], year_to=years[1])
            region = mobility.twin_region(store, view)
            choices = mobility.point_indicators(store, view)
            expected = choices["code"].iloc[0] if len(choices) else mobility.POPULATION_INDICATOR
            assert region.indicator_name == (choices["name"].iloc[0] if len(choices) else "")
            assert region.areas.equals(mobility.area_points(store, view, expected))


def test_twin_region_without_population_falls_back_to_the_next_indicator(scale_store):
    view = Filters()
    assert mobility.population_point(scale_store, view)[0] == mobility.POPULATION_INDICATOR
    # Before 2005 the demo has no population figures: the map then uses the benchmark's municipal series.
    early = Filters(year_from=2000, year_to=2004)
    assert mobility.population_point(scale_store, early) is None
    region = mobility.twin_region(scale_store, early)
    assert region.indicator_name == "Benchmark series 001 per municipality"
    assert region.areas["value"].notna().sum() == 380


def test_moved_most_ranks_the_overview_by_change(scale_store):
    movers = overview.moved_most(scale_store, Filters(), limit=5)
    changes = indicators.domain_overview(scale_store, Filters())
    changes = changes[changes["change_pct"].notna() & (changes["change_pct"] != 0)]
    # Clear changes first (largest first), then those within the estimate ranges.
    clear = changes[~changes["assessment"].isin([indicators.NO_CLEAR_CHANGE, indicators.NOT_COMPARABLE])]
    unclear = changes[changes["assessment"] == indicators.NO_CLEAR_CHANGE]
    expected = (sorted(clear["change_pct"].abs(), reverse=True) + sorted(unclear["change_pct"].abs(), reverse=True))
    assert list(movers["change_pct"].abs()) == expected[:5]


def test_benchmark_database_is_deterministic_with_recorded_imports(tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    scale_data.build(first, 5000)
    scale_data.build(second, 5000)
    contents = []
    for path in (first, second):
        store = Store(path)
        try:
            assert store.scalar("SELECT count(*) FROM observations WHERE indicator LIKE 'BENCH%'") == 5000
            assert store.scalar("SELECT count(*) FROM bottlenecks") >= 1000
            assert store.scalar("SELECT count(*) FROM flows") >= 10_000
            assert store.scalar("SELECT count(*) FROM bottlenecks b WHERE NOT EXISTS "
                                "(SELECT 1 FROM bottleneck_events e WHERE e.bottleneck = b.code)") == 0
            for table in ("areas", "indicators", "observations", "bottlenecks", "bottleneck_events", "flows"):
                assert store.scalar(f"SELECT count(*) FROM {table} WHERE import_id NOT IN "  # noqa: S608
                                    "(SELECT id FROM imports WHERE status = 'applied')") == 0
            contents.append(store.query("SELECT * FROM observations ORDER BY ALL")
                            + store.query("SELECT id, file_name, sha256, uploaded_at FROM imports ORDER BY id")
                            + store.query("SELECT * FROM bottleneck_events ORDER BY ALL"))
        finally:
            store.close()
    assert contents[0] == contents[1]
