"""Read models of the Mobility page: flows between areas, municipality points, ferry/air/commuter series.

Scope of the global controls here:
- period range: every query keeps rows whose period starts within it;
- side: a flow is in scope when its origin or its destination lies on the chosen side (a cross-border
  flow touches both, so it stays); municipality points are only those of the chosen side. The ferry,
  air and commuter series describe cross-border traffic, so the side does not change them (the commuter
  series sums the flows whose two ends lie in different countries);
- domains: the page is the mobility domain itself, so the domain filter does not narrow it.

Flows are keyed by origin, destination, mode, period *and unit*: volumes of different units are
never added up. A route-year's volume is its annual row when there is one, otherwise the sum of its
sub-annual rows (so a year given both ways is not counted twice).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..filters import Filters
from ..schema import FLOW_MODES, FLOW_UNITS, PER_1000_UNITS, POPULATION_INDICATOR
from ..store import Store
from .common import area_label, localised, rows_where, side_mask

FERRY_INDICATOR = "MOB_FERRY_PAX"
FERRY_MONTHLY_INDICATOR = "MOB_FERRY_PAX_M"
AIR_INDICATOR = "MOB_AIR_PAX"
COMMUTERS_INDICATOR = "EMP_COMMUTERS_EE_FI"
MOBILITY_INDICATORS = (FERRY_INDICATOR, FERRY_MONTHLY_INDICATOR, AIR_INDICATOR, COMMUTERS_INDICATOR)
# The label of the flows-table series in commuter_series (the figure translates it).
FLOWS_SERIES = "flows"


# The flows in scope: joined with both end areas as `ao` and `ad`. The side is tested with list_contains rather
# than IN (SELECT unnest(…)): on the small flows table, planning the two semi-joins cost more than the query.
_FLOWS_IN_SCOPE = (
    "flows f JOIN areas ao ON ao.code = f.origin JOIN areas ad ON ad.code = f.destination"
    " WHERE f.period_start BETWEEN ? AND ?"
    " AND (list_contains(?::VARCHAR[], ao.country) OR list_contains(?::VARCHAR[], ad.country))"
)
# A route-year's volume and its distinct sources and notes, for a GROUP BY of (origin, destination, mode, unit,
# year). Distinct sorted texts through a list: DuckDB plans string_agg(DISTINCT … ORDER BY) as an extra
# aggregate pass, which took half of the query's time.
_ROUTE_YEAR_VALUES = (
    "coalesce(sum(f.volume) FILTER (WHERE length(f.period) = 4), sum(f.volume)) AS volume,"
    " nullif(array_to_string(list_sort(list_distinct(list(f.source))), '; '), '') AS source,"
    " nullif(array_to_string(list_sort(list_distinct(list(f.note))), '; '), '') AS note"
)


def _scope_params(filters: Filters, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list:
    return [date_from or filters.date_from, date_to or filters.date_to, filters.countries, filters.countries]


def has_data(store: Store) -> bool:
    """Whether there is anything for this page at all (flows or one of its indicators' observations)."""
    return bool(store.scalar(
        "SELECT (SELECT count(*) FROM flows) "
        "+ (SELECT count(*) FROM observations WHERE indicator IN (SELECT unnest(?::VARCHAR[])))",
        [list(MOBILITY_INDICATORS)],
    ))


@dataclass(frozen=True)
class FlowOptions:
    """What can be chosen on the map: the (unit, mode, year) combinations present in scope."""

    combos: tuple[tuple[str, str, int], ...] = field(default=())

    def units(self) -> list[str]:
        present = {unit for unit, _, _ in self.combos}
        return [unit for unit in FLOW_UNITS if unit in present]

    def modes(self, unit: str | None) -> list[str]:
        present = {mode for u, mode, _ in self.combos if u == unit}
        return [mode for mode in FLOW_MODES if mode in present]

    def years(self, unit: str | None, modes: tuple[str, ...] | list[str] = ()) -> list[int]:
        """Years with flows of `unit` by any of `modes` (every mode when empty), ascending."""
        return sorted({year for u, mode, year in self.combos if u == unit and (not modes or mode in modes)})


def flow_combos(store: Store, filters: Filters) -> tuple[tuple[str, str, int, str, str], ...]:
    """The distinct (unit, mode, year, origin country, destination country) of the flows in the period, sorted:
    options_for_side narrows them to the flow options of either side without asking again."""
    # The combinations of the route-years in scope are those of the flows in scope (the same conditions as the
    # flows of a year): no need to aggregate volumes and sources just to list them.
    rows = store.query(
        "SELECT DISTINCT f.unit, f.mode, year(f.period_start) AS year, ao.country, ad.country"
        f" FROM {_FLOWS_IN_SCOPE} ORDER BY ALL",
        _scope_params(filters.period_only()),
    )
    return tuple((unit, mode, int(year), origin, destination) for unit, mode, year, origin, destination in rows)


def options_for_side(combos: tuple[tuple[str, str, int, str, str], ...], filters: Filters) -> FlowOptions:
    """Narrowing of flow_combos: what can be chosen on the map for the side, the combinations of the flows with an
    end on the chosen side."""
    countries = filters.countries
    return FlowOptions(tuple(dict.fromkeys(
        (unit, mode, year) for unit, mode, year, origin, destination in combos
        if origin in countries or destination in countries)))


def flow_options(store: Store, filters: Filters) -> FlowOptions:
    """What can be chosen on the map for the filters' side and period: (unit, mode, year), sorted."""
    return options_for_side(flow_combos(store, filters.period_only()), filters)


def flows_touching_side(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Narrowing of flows_for_year (asked for both sides): the flows with an end on the chosen side (a cross-border
    flow is on both)."""
    return rows_where(frame, side_mask(frame, filters, "origin_country") | side_mask(frame, filters,
                                                                                   "destination_country"))


def flows_for_year(store: Store, filters: Filters, year: int | None, unit: str | None,
                   modes: tuple[str, ...] = ()) -> pd.DataFrame:
    """Flows of one year and one unit (by `modes`, every mode when empty), largest first, with coordinates and
    the countries of both ends."""
    origin, destination = area_label(filters.lang, "ao"), area_label(filters.lang, "ad")
    # The route-years of one year, in one aggregation: the period is narrowed to that year (within the range).
    first = max(filters.date_from, dt.date(year, 1, 1)) if year is not None else None
    last = min(filters.date_to, dt.date(year, 12, 31)) if year is not None else None
    return store.query_df(
        f"SELECT f.origin, f.destination, {origin} AS origin_name, {destination} AS destination_name, "
        "ao.lat AS origin_lat, ao.lon AS origin_lon, ad.lat AS destination_lat, ad.lon AS destination_lon, "
        "ao.country AS origin_country, ad.country AS destination_country, "
        f"f.mode, f.unit, year(f.period_start) AS year, {_ROUTE_YEAR_VALUES} "
        f"FROM {_FLOWS_IN_SCOPE} AND f.unit = ? AND list_contains(?::VARCHAR[], f.mode) "
        "GROUP BY ALL ORDER BY volume DESC, f.origin, f.destination, f.mode",
        _scope_params(filters, first, last) + [unit, list(modes) or list(FLOW_MODES)],
    )


def point_indicator_areas(store: Store, filters: Filters) -> pd.DataFrame:
    """Indicators with values for municipalities in the period, with how many municipalities per country
    (areas_fi, areas_ee): point_indicators_for_side narrows them to either side without asking again."""
    name = localised("name", filters.lang, "i")
    # The distinct (indicator, municipality) pairs first, in one pass over the observations; the indicators and
    # the municipalities' countries are joined to those few pairs only.
    return store.query_df(
        "WITH pairs AS ("
        " SELECT DISTINCT o.indicator, o.area FROM observations o WHERE o.period_start BETWEEN ? AND ?"
        "  AND o.area IN (SELECT code FROM areas WHERE level = 'municipality')"
        ") "
        f"SELECT i.code, {name} AS name, i.unit, i.source, count(*) FILTER (WHERE a.country = 'FI') AS areas_fi,"
        " count(*) FILTER (WHERE a.country = 'EE') AS areas_ee "
        "FROM pairs p JOIN indicators i ON i.code = p.indicator JOIN areas a ON a.code = p.area "
        "GROUP BY ALL ORDER BY i.code",
        [filters.date_from, filters.date_to],
    )


def point_indicators_for_side(areas: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Narrowing of point_indicator_areas: the indicators with values for two or more municipalities on the chosen
    side, as point_indicators lists them."""
    # A few dozen indicators at most: counted and sorted as plain rows, in a fraction of a frame sort's time.
    counts = [sum(per_country) for per_country in zip(
        *(areas[f"areas_{country.lower()}"].tolist() for country in filters.countries), strict=True)]
    rows = [(*row, n) for *row, n in zip(*(areas[c].tolist() for c in ("code", "name", "unit", "source")), counts,
                                        strict=True) if n >= 2]
    rows.sort(key=lambda r: (r[0] != POPULATION_INDICATOR, -r[4], r[1], r[0]))
    names = ("code", "name", "unit", "source")
    columns = list(zip(*rows, strict=True)) or [()] * 5
    return pd.DataFrame({**{name: list(column) for name, column in zip(names, columns, strict=False)},
                         "areas": np.asarray(columns[4], dtype="int64")})


def point_indicators(store: Store, filters: Filters) -> pd.DataFrame:
    """Indicators with values for at least two municipalities on the chosen side in the period; population first,
    then by how many municipalities, name and code.

    A figure booked for one municipality only (a port's ferry passengers) compares nothing on a map.
    """
    return point_indicators_for_side(point_indicator_areas(store, filters.period_only()), filters)


def population_areas(store: Store, filters: Filters) -> pd.DataFrame:
    """The population indicator's code, name and source with its municipalities per country in the period (no
    row without municipal values): population_point_for_side says whether it can size either side's points."""
    name = localised("name", filters.lang, "i")
    return store.query_df(
        f"SELECT i.code, {name} AS name, i.source, a.country, count(DISTINCT o.area) AS areas "
        "FROM observations o JOIN indicators i ON i.code = o.indicator JOIN areas a ON a.code = o.area "
        "WHERE o.indicator = ? AND o.period_start BETWEEN ? AND ? AND a.level = 'municipality' "
        "GROUP BY ALL ORDER BY a.country",
        [POPULATION_INDICATOR, filters.date_from, filters.date_to],
    )


def population_point_for_side(areas: pd.DataFrame, filters: Filters) -> tuple[str, str, str] | None:
    """Narrowing of population_areas: (code, name, source) of the population indicator when it has values for two
    or more municipalities on the chosen side, else None."""
    on_side = areas[areas["country"].isin(filters.countries)]
    if on_side["areas"].sum() < 2:
        return None
    code, name, source = on_side.iloc[0][["code", "name", "source"]]
    return str(code), str(name), str(source)


def population_point(store: Store, filters: Filters) -> tuple[str, str, str] | None:
    """(code, name, source) of the population indicator when it has values for two or more municipalities on the
    chosen side in the period (as point_indicators would list it first), else None."""
    return population_point_for_side(population_areas(store, filters.period_only()), filters)


def area_points(store: Store, filters: Filters, indicator: str | None) -> pd.DataFrame:
    """Municipalities of the chosen side with coordinates, population and the value of `indicator` in one period:
    the one in which most municipalities have a value (the latest of those), so that every municipality on the map
    compares the same period.

    Municipalities without a value in that period keep an empty value ("no data" on the map). A page asks for both
    sides and narrows with common.rows_of_side.
    """
    name, region = area_label(filters.lang, "a"), localised("name", filters.lang, "p", mark_english=False)
    return store.query_df(
        "WITH v AS ("
        " SELECT o.area, o.value, o.period, o.period_start, o.flag FROM observations o"
        " WHERE o.indicator = ? AND o.period_start BETWEEN ? AND ?"
        "  AND o.area IN (SELECT code FROM areas WHERE level = 'municipality')"
        "), best AS ("
        " SELECT period, max(period_start) AS start FROM v GROUP BY period"
        " ORDER BY count(*) DESC, max(period_start) DESC LIMIT 1"
        "), pop AS ("  # each municipality's population of the year nearest to that period (for values per 1,000)
        " SELECT area, value FROM observations WHERE indicator = ? AND length(period) = 4"
        " QUALIFY row_number() OVER (PARTITION BY area"
        "  ORDER BY abs(year(period_start) - (SELECT year(start) FROM best)), period_start DESC) = 1"
        ") "
        f"SELECT a.code, {name} AS name, a.country, {region} AS region, a.lat, a.lon, "
        "coalesce(pop.value, a.population) AS population, v.value, v.period, v.flag "
        "FROM areas a LEFT JOIN areas p ON p.code = a.parent LEFT JOIN pop ON pop.area = a.code "
        "LEFT JOIN (SELECT * FROM v WHERE period = (SELECT period FROM best)) v ON v.area = a.code "
        "WHERE a.level = 'municipality' AND a.country IN (SELECT unnest(?::VARCHAR[])) "
        "AND a.lat IS NOT NULL AND a.lon IS NOT NULL "
        "ORDER BY v.value DESC NULLS LAST, name",
        [indicator, filters.date_from, filters.date_to, POPULATION_INDICATOR, filters.countries],
    )


def shaded_per_1000(indicators: pd.DataFrame, code: str | None) -> bool:
    """Whether the map shades municipalities by `code` per 1,000 inhabitants (its unit counts people and it is not
    the population itself; `indicators` as point_indicators lists them)."""
    units = dict(zip(indicators["code"], indicators["unit"], strict=True))
    return units.get(code) in PER_1000_UNITS and code != POPULATION_INDICATOR


def indicator_series(store: Store, filters: Filters, code: str) -> pd.DataFrame:
    """Annual observations of one indicator in the period, with estimate bounds, flags and sources."""
    name, area = localised("name", filters.lang, "i"), area_label(filters.lang, "a")
    return store.query_df(
        f"SELECT o.area, {area} AS area_name, o.period, year(o.period_start) AS year, o.value, "
        "o.value_low, o.value_high, o.flag, o.note, coalesce(nullif(o.source, ''), i.source) AS source, "
        f"{name} AS indicator_name, i.source AS indicator_source, i.unit, i.domain "
        "FROM observations o JOIN indicators i ON i.code = o.indicator JOIN areas a ON a.code = o.area "
        "WHERE o.indicator = ? AND length(o.period) = 4 AND o.period_start BETWEEN ? AND ? "
        "ORDER BY o.area, o.period_start",
        [code, filters.date_from, filters.date_to],
    )


def commuter_series(store: Store, filters: Filters) -> pd.DataFrame:
    """Commuters between Estonia and Finland per year from two sources, never added together: the flows table
    (unit commuters, summed over its municipal pairs whose ends lie in different countries, whichever side is
    chosen) and the EMP_COMMUTERS_EE_FI indicator."""
    name = localised("name", filters.lang, "i")
    return store.query_df(
        "WITH route_years AS ("
        f" SELECT f.origin, f.destination, f.mode, year(f.period_start) AS year, {_ROUTE_YEAR_VALUES}"
        " FROM flows f JOIN areas ao ON ao.code = f.origin JOIN areas ad ON ad.code = f.destination"
        " WHERE f.unit = 'commuters' AND ao.country <> ad.country AND f.period_start BETWEEN ? AND ?"
        " GROUP BY ALL) "
        f"SELECT ? AS series, NULL::VARCHAR AS series_name, 'mobility' AS domain, year, year::VARCHAR AS period, "
        "sum(volume) AS value, NULL::DOUBLE AS value_low, NULL::DOUBLE AS value_high, NULL::VARCHAR AS flag, "
        "nullif(array_to_string(list_sort(list_distinct(list(source))), '; '), '') AS source "
        "FROM route_years GROUP BY year "
        "UNION ALL "
        f"SELECT o.indicator || ':' || o.area, {name}, i.domain, year(o.period_start), o.period, o.value, "
        "o.value_low, o.value_high, o.flag, coalesce(nullif(o.source, ''), i.source) "
        "FROM observations o JOIN indicators i ON i.code = o.indicator "
        "WHERE o.indicator = ? AND length(o.period) = 4 AND o.period_start BETWEEN ? AND ? "
        "ORDER BY series, year",
        [filters.date_from, filters.date_to, FLOWS_SERIES, COMMUTERS_INDICATOR, filters.date_from, filters.date_to],
    )


def seasonality(store: Store, filters: Filters, code: str = FERRY_MONTHLY_INDICATOR) -> pd.DataFrame:
    """Monthly values of `code` in the period as (year, month 1–12, value), for its main area.

    The main area is the one with the most monthly observations, so two areas are never added up.
    """
    name = localised("name", filters.lang, "i")
    return store.query_df(
        "WITH main AS (SELECT area FROM observations WHERE indicator = ? AND length(period) = 7 "
        " GROUP BY area ORDER BY count(*) DESC, area LIMIT 1) "
        "SELECT year(o.period_start) AS year, month(o.period_start) AS month, o.period, o.value, o.flag, "
        f"{name} AS indicator_name, i.source AS indicator_source, i.unit "
        "FROM observations o JOIN main m ON m.area = o.area JOIN indicators i ON i.code = o.indicator "
        "WHERE o.indicator = ? AND length(o.period) = 7 AND o.period_start BETWEEN ? AND ? "
        "ORDER BY o.period_start",
        [code, code, filters.date_from, filters.date_to],
    )


@dataclass(frozen=True)
class RegionChoice:
    """What the twin-region map of the Overview shows: the flows of the latest year of the first unit (passengers
    when present, every mode) and the municipalities sized by population (or the first point indicator)."""

    year: int | None
    unit: str | None
    indicator: str
    indicator_name: str
    indicator_source: str


def first_point_indicator(indicators: pd.DataFrame) -> tuple[str, str, str] | None:
    """(code, name, source) of the first of the point indicators (the frame of point_indicators), or None."""
    return tuple(str(v) for v in indicators[["code", "name", "source"]].iloc[0]) if len(indicators) else None


def region_choice(options: FlowOptions, sized_by: tuple[str, str, str] | None) -> RegionChoice:
    """The twin region's year and unit from the flow `options` of the side, and the indicator that sizes its
    municipalities: `sized_by` is population_point's answer, or first_point_indicator's when that is None.

    point_indicators lists population first whenever it qualifies; asking population_point first spares a pass
    over every observation in the usual case.
    """
    units = options.units()
    unit = units[0] if units else None
    years = options.years(unit)
    code, name, source = sized_by if sized_by else (POPULATION_INDICATOR, "", "")
    return RegionChoice(years[-1] if years else None, unit, code, name, source)


@dataclass(frozen=True)
class TwinRegion:
    """What the twin-region map of the Overview draws: the latest year's flows and the municipalities."""

    year: int | None
    unit: str | None
    indicator_name: str
    indicator_source: str
    flows: pd.DataFrame
    areas: pd.DataFrame


def twin_region(store: Store, filters: Filters) -> TwinRegion:
    """The twin region's choice and data, asked of the database directly (the Overview page asks the same read
    models through the cache)."""
    sized_by = population_point(store, filters) or first_point_indicator(point_indicators(store, filters))
    choice = region_choice(flow_options(store, filters), sized_by)
    flows = flows_for_year(store, filters, choice.year, choice.unit)
    return TwinRegion(choice.year, choice.unit, choice.indicator_name, choice.indicator_source, flows,
                      area_points(store, filters, choice.indicator))
