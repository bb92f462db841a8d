"""Read models of the Indicators page: indicator list, one indicator's series, latest changes, map values.

An observation's country is its area's country. When a country has several areas for one indicator
(e.g. population per municipality), its *headline area* stands for the country in the latest-change
figures: the area with the most recent observation, then the widest level (country before NUTS before
municipality), then the largest population, then the code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..schema import AREA_LEVELS, DOMAINS, PER_1000_UNITS, POPULATION_INDICATOR
from ..store import Store
from .common import area_label, domain_clause, domain_mask, localised, localised_text
from .comparison import (
    IMPROVED,
    NEUTRAL,
    NO_CLEAR_CHANGE,
    NOT_COMPARABLE,
    WORSENED,
    assess,
    comparison_sql,
)

# Widest first: a country-level figure is the best stand-in for "Finland" or "Estonia".
_LEVEL_RANK = "CASE a.level " + " ".join(
    f"WHEN '{level}' THEN {rank}" for rank, level in enumerate(reversed(AREA_LEVELS))
) + " ELSE 9 END"

# What a change means: queries.comparison holds the rule.
ASSESSMENT_COLOURS: dict[str, str] = {
    IMPROVED: "#1a7f37",  # green
    WORSENED: "#c62828",  # red
    NEUTRAL: "#6e6e6e",
    NO_CLEAR_CHANGE: "#6e6e6e",
    NOT_COMPARABLE: "#6e6e6e",
}


def delta_color(assessment: str, change: float | None) -> str:
    """The st.metric delta_color that paints the delta (and the sparkline) green for an improvement and red for a
    deterioration (st.metric colours by the sign: "normal" paints a rise green, "inverse" red), grey for every
    other verdict (no clear change, not comparable, neutral)."""
    if assessment not in (IMPROVED, WORSENED) or change is None or pd.isna(change) or change == 0:
        return "off"
    return "normal" if (change > 0) == (assessment == IMPROVED) else "inverse"


@dataclass(frozen=True)
class IndicatorMeta:
    code: str
    domain: str
    name: str
    unit: str
    polarity: str
    frequency: str
    source: str
    definition: str | None
    break_notes: str | None
    last_updated: dt.date | None  # latest upload that brought any of its observations


# The chart and table of one indicator show per country the headline area and then further areas in headline
# order, at most SERIES_AREAS_PER_COUNTRY of them and while their observations fit in SERIES_ROWS_PER_COUNTRY.
# A municipal monthly series (300 municipalities × 26 years = 94,000 rows per country) so stays a readable chart
# and a table a browser can show; small series (every demo indicator) are never cut. The map tab shows every
# municipality's value of one period regardless.
SERIES_AREAS_PER_COUNTRY = 30
SERIES_ROWS_PER_COUNTRY = 3000


def _scope(filters: Filters) -> tuple[str, list]:
    """Side (an observation's country is its area's) and period range of the global controls."""
    return ("a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ?",
            [filters.countries, filters.date_from, filters.date_to])


def _area_scope(filters: Filters) -> tuple[str, list]:
    """The side as a condition on `o.area` alone, so a scan of observations needs no join with areas.

    Every area is Finnish or Estonian (schema: country is FI or EE), so "both" needs no condition at all.
    """
    if filters.side == "both":
        return "TRUE", []
    return "o.area IN (SELECT code FROM areas WHERE country = ?)", [filters.side]


def has_indicators(store: Store) -> bool:
    return bool(store.scalar("SELECT count(*) FROM indicators"))


def indicator_counts(store: Store, filters: Filters) -> pd.DataFrame:
    """Every indicator in domain order then by name, with its observation count in the period per country
    (observations_fi, observations_ee): indicator_choices of any side and domains, without asking again."""
    name = localised("name", filters.lang, "i")
    # Counted per (indicator, area) in one pass over the observations; the areas' countries are joined to those
    # few rows only.
    return store.query_df(
        "WITH per_area AS ("
        " SELECT o.indicator, o.area, count(*) AS n FROM observations o WHERE o.period_start BETWEEN ? AND ?"
        " GROUP BY o.indicator, o.area"
        "), counts AS ("
        " SELECT p.indicator, sum(p.n) FILTER (WHERE a.country = 'FI') AS fi,"
        "  sum(p.n) FILTER (WHERE a.country = 'EE') AS ee"
        " FROM per_area p JOIN areas a ON a.code = p.area GROUP BY p.indicator"
        ") "
        f"SELECT i.code, i.domain, {name} AS name, coalesce(c.fi, 0)::BIGINT AS observations_fi,"
        " coalesce(c.ee, 0)::BIGINT AS observations_ee "
        "FROM indicators i LEFT JOIN counts c ON c.indicator = i.code "
        "ORDER BY array_position(?::VARCHAR[], i.domain), name, i.code",
        [filters.date_from, filters.date_to, list(DOMAINS)],
    )


def choices_in_view(counts: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Narrowing of indicator_counts (asked for the period): the indicators of the selected domains, with their
    observation count on the chosen side."""
    keep = domain_mask(counts, filters)
    observations = sum(counts[f"observations_{country.lower()}"].to_numpy() for country in filters.countries)
    return pd.DataFrame({column: counts[column].to_numpy()[keep] for column in ("code", "domain", "name")}
                        | {"observations": observations[keep]})


def indicator_choices(store: Store, filters: Filters) -> pd.DataFrame:
    """Indicators of the selected domains in domain order then by name, with their observation count in scope."""
    return choices_in_view(indicator_counts(store, filters.period_only()), filters)


def indicator_meta(store: Store, filters: Filters, code: str) -> IndicatorMeta | None:
    name = localised("name", filters.lang, "i")
    row = store.query(
        f"SELECT i.code, i.domain, {name}, i.unit, i.polarity, i.frequency, i.source, "
        f"nullif({localised_text('definition', filters.lang, 'i')}, ''), "
        f"nullif({localised_text('break_notes', filters.lang, 'i')}, ''), "
        "(SELECT max(m.uploaded_at) FROM imports m "
        " WHERE m.id IN (SELECT import_id FROM observations WHERE indicator = i.code)) "
        "FROM indicators i WHERE i.code = ?",
        [code],
    )
    if not row:
        return None
    *fields, uploaded_at = row[0]
    return IndicatorMeta(*fields, last_updated=uploaded_at.date() if uploaded_at else None)


def _ranked_sql(filters: Filters, indicators_sql: str) -> tuple[str, list]:
    """CTEs `per_area` and `ranked`: every (indicator, area) in scope once, with its country, observation count
    `n` and `area_rank` (1 = the headline area of its indicator and country; see the module docstring).

    One aggregation over the observations in scope; the areas are joined to the (few) aggregated rows only.
    `indicators_sql` is a condition on the indicators table `i` (its parameters come first).
    """
    side_sql, side_params = _area_scope(filters)
    # "TRUE" (every indicator) needs no semi-join: every observation's indicator exists (the importer checks).
    which = ("TRUE" if indicators_sql == "TRUE"
             else f"o.indicator IN (SELECT i.code FROM indicators i WHERE {indicators_sql})")
    sql = (
        "per_area AS ("
        " SELECT o.indicator, o.area, count(*) AS n, max(o.period_start) AS last_start FROM observations o"
        f" WHERE {which} AND o.period_start BETWEEN ? AND ? AND {side_sql}"
        " GROUP BY o.indicator, o.area"
        "), ranked AS ("
        f" SELECT p.indicator, p.area, a.country, p.n, {area_label(filters.lang, 'a')} AS area_label,"
        "  row_number() OVER (PARTITION BY p.indicator, a.country"
        f"   ORDER BY p.last_start DESC, {_LEVEL_RANK}, a.population DESC NULLS LAST, p.area) AS area_rank"
        " FROM per_area p JOIN areas a ON a.code = p.area"
        ")"
    )
    return sql, [filters.date_from, filters.date_to, *side_params]


def series(store: Store, filters: Filters, code: str) -> pd.DataFrame:
    """One indicator's observations in scope: Finland first, headline area first, then by period.

    Per country the headline area, then the next areas in rank order, at most SERIES_AREAS_PER_COUNTRY areas and
    while their observations fit in SERIES_ROWS_PER_COUNTRY (`country_areas` says how many areas the country has
    in scope, shown or not). A country's rows do not depend on the other's: a page asks for both sides and narrows
    with common.rows_of_side.
    """
    ranked_sql, ranked_params = _ranked_sql(filters, "i.code = ?")
    return store.query_df(
        f"WITH {ranked_sql}, shown AS ("
        " SELECT *, count(*) OVER (PARTITION BY country) AS country_areas FROM ranked"
        " QUALIFY area_rank = 1 OR (area_rank <= ?"
        "  AND sum(n) OVER (PARTITION BY country ORDER BY area_rank ROWS UNBOUNDED PRECEDING) <= ?)"
        ") "
        "SELECT o.area, s.area_label, s.country, a.level, s.area_rank, o.period, o.period_start, o.value,"
        " o.value_low, o.value_high, o.flag, o.note, coalesce(nullif(o.source, ''), i.source) AS source,"
        " s.country_areas"
        " FROM observations o JOIN shown s ON s.area = o.area JOIN areas a ON a.code = o.area"
        " JOIN indicators i ON i.code = o.indicator"
        " WHERE o.indicator = ? AND o.period_start BETWEEN ? AND ?"
        " ORDER BY s.country = 'EE', s.area_rank, o.period_start",
        [code, *ranked_params, SERIES_AREAS_PER_COUNTRY, SERIES_ROWS_PER_COUNTRY, code, filters.date_from,
         filters.date_to],
    )


def _latest_changes(store: Store, filters: Filters, indicators_sql: str, params: list) -> pd.DataFrame:
    """Latest value per indicator and country (headline area) against its comparison period (queries.comparison:
    the same quarter or month a year earlier, the previous value of an annual series).

    assessment: one of comparison.VERDICTS (improved / worsened by the indicator's polarity, neutral for a clear
    change of a neutral indicator, no clear change within the stated uncertainty, not comparable); estimate: the
    latest figure is an estimate.

    One aggregation over the observations in scope finds the headline areas and their latest period; only the
    latest and the comparison observation of each are read again.
    """
    ranked_sql, ranked_params = _ranked_sql(filters, indicators_sql)
    name = localised("name", filters.lang, "i")
    frame = store.query_df(
        f"WITH {ranked_sql}, targets AS ("
        " SELECT r.indicator, r.country, r.area, r.area_label, p.last_start AS latest_start"
        " FROM ranked r JOIN per_area p ON p.indicator = r.indicator AND p.area = r.area WHERE r.area_rank = 1"
        f"), compared AS ({comparison_sql('targets')}) "
        f"SELECT c.indicator, i.domain, {name} AS name, i.unit, c.polarity, c.frequency, c.country, c.area,"
        " c.area_label, c.period, c.value, c.value_low, c.value_high, c.flag, c.previous_period, c.previous_value,"
        " c.previous_low, c.previous_high, c.previous_flag, c.broken"
        " FROM compared c JOIN indicators i ON i.code = c.indicator"
        " ORDER BY array_position(?::VARCHAR[], i.domain), name, c.indicator, c.country = 'EE'",
        [*params, *ranked_params, filters.date_from, list(DOMAINS)],
    )
    return assess(frame)


def latest_changes(store: Store, filters: Filters, code: str) -> pd.DataFrame:
    """Latest change of one indicator per country (Finland first)."""
    return _latest_changes(store, filters, "i.code = ?", [code])


def domain_overview(store: Store, filters: Filters) -> pd.DataFrame:
    """Latest change of every indicator of the selected domains, per country (one indicator's and one country's
    rows do not depend on the others: a page asks for every domain and both sides and narrows with
    common.rows_of_side_and_domains)."""
    domain_sql, domain_params = domain_clause(filters, "i.domain") if filters.domains else ("TRUE", [])
    return _latest_changes(store, filters, domain_sql, domain_params)


def latest_change_of(overview: pd.DataFrame, code: str) -> pd.DataFrame:
    """The rows of `code` in a domain_overview: its latest_changes, without asking the database again (an
    indicator's headline areas and changes do not depend on which other indicators are listed)."""
    return overview[overview["indicator"] == code].reset_index(drop=True)


# Below this many municipalities with a value a map compares nothing: the values are shown as bars instead.
MAP_MIN_AREAS = 5


def per_1000(meta: IndicatorMeta) -> bool:
    """Whether a map shows `meta`'s values per 1,000 inhabitants: its unit counts people (schema.PER_1000_UNITS) and
    it is not the population itself."""
    return meta.unit in PER_1000_UNITS and meta.code != POPULATION_INDICATOR


def map_areas(store: Store, filters: Filters) -> pd.DataFrame:
    """Every municipality of the chosen side with its name, centre and population (the map's areas and names)."""
    return store.query_df(
        f"SELECT a.code AS area, {area_label(filters.lang, 'a')} AS area_label, a.country, a.lat, a.lon,"
        " a.population FROM areas a"
        " WHERE a.level = 'municipality' AND a.country IN (SELECT unnest(?::VARCHAR[]))"
        " ORDER BY a.population DESC NULLS LAST, a.code",
        [filters.countries],
    )


def map_periods(store: Store, filters: Filters, code: str) -> pd.DataFrame:
    """The periods in which `code` has municipal values, with how many municipalities per country (FI, EE): the
    map shows one period, and default_map_period picks it for the chosen side."""
    scope_sql, scope_params = _scope(filters)
    return store.query_df(
        "SELECT o.period, min(o.period_start) AS period_start,"
        " count(*) FILTER (WHERE a.country = 'FI') AS areas_fi, count(*) FILTER (WHERE a.country = 'EE') AS areas_ee"
        " FROM observations o JOIN areas a ON a.code = o.area"
        f" WHERE o.indicator = ? AND a.level = 'municipality' AND {scope_sql}"
        " GROUP BY o.period ORDER BY period_start, o.period",
        [code, *scope_params],
    )


def map_period_choices(periods: pd.DataFrame, filters: Filters) -> tuple[list[str], str | None]:
    """Narrowing of map_periods: the periods with municipal values on the chosen side, oldest first, and the one a
    map shows first: the one with the most municipalities (the latest of those), so that a year in which a single
    city has published does not leave every other municipality empty."""
    counts = sum(periods[f"areas_{c.lower()}"] for c in filters.countries)
    shown = periods[counts > 0]
    if shown.empty:
        return [], None
    best = counts[counts > 0]
    default = shown.loc[best[best == best.max()].index[-1], "period"]
    return list(shown["period"]), str(default)


def map_values(store: Store, filters: Filters, code: str, period: str) -> pd.DataFrame:
    """The municipal values of `code` in `period` (both sides; narrow with common.rows_of_side), each with the
    municipality's population of the nearest year (the population indicator, else the areas table) for values per
    1,000 inhabitants."""
    return store.query_df(
        "WITH pop AS ("
        " SELECT area, value, period FROM observations"
        "  WHERE indicator = ? AND length(period) = 4"
        "  QUALIFY row_number() OVER (PARTITION BY area"
        "   ORDER BY abs(year(period_start) - year(?::DATE)), period_start DESC) = 1"
        ") "
        f"SELECT o.area, {area_label(filters.lang, 'a')} AS area_label, a.country, a.lat, a.lon, o.period, o.value,"
        " o.flag, coalesce(p.value, a.population) AS population,"
        " CASE WHEN p.value IS NOT NULL THEN p.period ELSE CAST(a.population_year AS VARCHAR) END"
        "  AS population_period"
        " FROM observations o JOIN areas a ON a.code = o.area LEFT JOIN pop p ON p.area = o.area"
        " WHERE o.indicator = ? AND o.period = ? AND a.level = 'municipality'"
        " AND a.country IN (SELECT unnest(?::VARCHAR[]))"
        " ORDER BY o.value DESC, o.area",
        [POPULATION_INDICATOR, _period_start(store, code, period), code, period, filters.countries],
    )


def _period_start(store: Store, code: str, period: str) -> dt.date:
    row = store.query("SELECT min(period_start) FROM observations WHERE indicator = ? AND period = ?", [code, period])
    return row[0][0] if row and row[0][0] else dt.date(1900, 1, 1)


def latest_common_changes(changes: pd.DataFrame, rows: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """Narrowing of an indicator's latest changes (one row per country, latest_change_of) to the same period on both
    sides: when the headline areas' latest periods differ, each card moves to the latest period that both have in
    `rows` (the indicator's series), against that area's previous period. Also says whether the cards moved.
    Without a common period the latest ones are kept (the cards still name their periods)."""
    if len(changes) < 2 or changes["period"].nunique() == 1:
        return changes, False
    by_country = {row.country: rows[rows["area"] == row.area].sort_values("period_start", kind="stable")
                  for row in changes.itertuples()}
    common = set.intersection(*(set(frame["period"]) for frame in by_country.values()))
    if not common:
        return changes, False
    moved = changes.copy()
    for i, row in enumerate(changes.itertuples()):
        frame = by_country[row.country]
        periods = frame["period"].tolist()
        latest = max(common, key=lambda p: frame.loc[frame["period"] == p, "period_start"].iloc[0])
        at = periods.index(latest)
        value = float(frame["value"].iloc[at])
        previous = float(frame["value"].iloc[at - 1]) if at > 0 else None
        moved.loc[moved.index[i], ["period", "value", "flag"]] = [latest, value, frame["flag"].iloc[at]]
        moved.loc[moved.index[i], ["previous_period", "previous_value", "change", "change_pct"]] = (
            [periods[at - 1], previous, value - previous, (value - previous) / abs(previous) if previous else None]
            if previous is not None else [None, None, None, None])
    return moved, True




def _observations_where(filters: Filters, codes: tuple[str, ...]) -> tuple[str, list]:
    """Observations `o` in scope: the period, the side (the area's country), the domains (the indicator's) and, if
    given, these indicators; as semi-joins, so that a page of rows is chosen before any label is joined."""
    conditions = ["o.period_start BETWEEN ? AND ?"]
    params: list = [filters.date_from, filters.date_to]
    side_sql, side_params = _area_scope(filters)
    if side_params:
        conditions.append(side_sql)
        params += side_params
    if filters.domains:
        conditions.append("o.indicator IN (SELECT code FROM indicators WHERE domain IN (SELECT unnest(?::VARCHAR[])))")
        params.append(list(filters.domains))
    if codes:
        conditions.append("o.indicator IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(codes))
    return " AND ".join(conditions), params


def observations(store: Store, filters: Filters, codes: tuple[str, ...] = (), limit: int | None = None,
                 offset: int = 0) -> pd.DataFrame:
    """Every observation in scope (the page's side, period and domains; optionally of `codes` only), by indicator,
    area and period, `limit` rows from `offset`: the read API's observations. Unlike `series` no area is left
    out. The page of rows is chosen from the observations alone (a top-N), then labelled."""
    where, params = _observations_where(filters, codes)
    order = "o.indicator, o.area, o.period_start, o.period"
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    return store.query_df(
        f"WITH page AS (SELECT * FROM observations o WHERE {where} ORDER BY {order}{page}) "
        f"SELECT o.indicator, o.area, {area_label(filters.lang, 'a')} AS area_label, a.country, a.level, o.period,"
        " o.period_start, o.value, o.value_low, o.value_high, o.flag, o.note,"
        " coalesce(nullif(o.source, ''), i.source) AS source"
        f" FROM page o JOIN areas a ON a.code = o.area JOIN indicators i ON i.code = o.indicator ORDER BY {order}",
        [*params, *([limit, offset] if limit is not None else [])],
    )


def observation_count(store: Store, filters: Filters, codes: tuple[str, ...] = ()) -> int:
    """How many observations `observations` has in scope (all pages together)."""
    where, params = _observations_where(filters, codes)
    return int(store.scalar(f"SELECT count(*) FROM observations o WHERE {where}", params))


def known_indicators(store: Store, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `codes` that are indicators."""
    rows = store.query("SELECT code FROM indicators WHERE code IN (SELECT unnest(?::VARCHAR[]))", [list(codes)])
    return tuple(row[0] for row in rows)
