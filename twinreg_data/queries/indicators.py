"""Read models of the Indicators page: indicator list, one indicator's series, latest changes, map points.

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
from ..schema import AREA_LEVELS, DOMAINS
from ..store import Store
from .common import area_label, domain_clause, localised

# Widest first: a country-level figure is the best stand-in for "Finland" or "Estonia".
_LEVEL_RANK = "CASE a.level " + " ".join(
    f"WHEN '{level}' THEN {rank}" for rank, level in enumerate(reversed(AREA_LEVELS))
) + " ELSE 9 END"

# What a change means, given the indicator's polarity (see latest_changes).
IMPROVED, WORSENED, NEUTRAL, UNCHANGED, NO_PREVIOUS = "improved", "worsened", "neutral", "unchanged", "no_previous"
ASSESSMENT_COLOURS: dict[str, str] = {
    IMPROVED: "#1a7f37",  # green
    WORSENED: "#c62828",  # red
    NEUTRAL: "#6e6e6e",
    UNCHANGED: "#6e6e6e",
    NO_PREVIOUS: "#6e6e6e",
}
# st.metric colours the delta by its sign: "normal" shows up as green, "inverse" shows up as red.
POLARITY_DELTA_COLOR: dict[str, str] = {"higher_better": "normal", "higher_worse": "inverse", "neutral": "off"}


def delta_color(polarity: str) -> str:
    """The st.metric delta_color that paints an improvement green and a deterioration red."""
    return POLARITY_DELTA_COLOR.get(polarity, "off")


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


def _scope(filters: Filters) -> tuple[str, list]:
    """Side (an observation's country is its area's) and period range of the global controls."""
    return ("a.country IN (SELECT unnest(?::VARCHAR[])) AND o.period_start BETWEEN ? AND ?",
            [filters.countries, filters.date_from, filters.date_to])


def has_indicators(store: Store) -> bool:
    return bool(store.scalar("SELECT count(*) FROM indicators"))


def indicator_choices(store: Store, filters: Filters) -> pd.DataFrame:
    """Indicators of the selected domains in domain order then by name, with their observation count in scope."""
    name = localised("name", filters.lang, "i")
    domain_sql, domain_params = domain_clause(filters, "i.domain")
    scope_sql, scope_params = _scope(filters)
    return store.query_df(
        f"SELECT i.code, i.domain, {name} AS name, "
        "(SELECT count(*) FROM observations o JOIN areas a ON a.code = o.area "
        f" WHERE o.indicator = i.code AND {scope_sql}) AS observations "
        f"FROM indicators i WHERE {domain_sql} "
        "ORDER BY array_position(?::VARCHAR[], i.domain), name, i.code",
        scope_params + domain_params + [list(DOMAINS)],
    )


def indicator_meta(store: Store, filters: Filters, code: str) -> IndicatorMeta | None:
    name = localised("name", filters.lang, "i")
    row = store.query(
        f"SELECT i.code, i.domain, {name}, i.unit, i.polarity, i.frequency, i.source, "
        "nullif(i.definition, ''), nullif(i.break_notes, ''), "
        "(SELECT max(m.uploaded_at) FROM imports m "
        " WHERE m.id IN (SELECT import_id FROM observations WHERE indicator = i.code)) "
        "FROM indicators i WHERE i.code = ?",
        [code],
    )
    if not row:
        return None
    *fields, uploaded_at = row[0]
    return IndicatorMeta(*fields, last_updated=uploaded_at.date() if uploaded_at else None)


def _observations_sql(filters: Filters, indicator_sql: str) -> str:
    """CTEs `obs` (observations in scope with area facts) and `ranked` (area_rank 1 = headline area)."""
    scope_sql, _ = _scope(filters)
    return (
        "WITH obs AS ("
        f" SELECT o.indicator, o.area, a.country, a.level, {area_label(filters.lang, 'a')} AS area_label,"
        f" {_LEVEL_RANK} AS level_rank, a.population, o.period, o.period_start, o.value, o.value_low,"
        " o.value_high, o.flag, o.note, coalesce(nullif(o.source, ''), i.source) AS source"
        " FROM observations o JOIN areas a ON a.code = o.area JOIN indicators i ON i.code = o.indicator"
        f" WHERE {indicator_sql} AND {scope_sql}"
        "), ranked AS ("
        " SELECT indicator, area, row_number() OVER (PARTITION BY indicator, country"
        "  ORDER BY max(period_start) DESC, min(level_rank), max(population) DESC NULLS LAST, area) AS area_rank"
        " FROM obs GROUP BY indicator, country, area"
        ") "
    )


def series(store: Store, filters: Filters, code: str) -> pd.DataFrame:
    """One indicator's observations in scope: Finland first, headline area first, then by period."""
    _, scope_params = _scope(filters)
    return store.query_df(
        _observations_sql(filters, "o.indicator = ?")
        + "SELECT obs.area, obs.area_label, obs.country, obs.level, ranked.area_rank, obs.period, obs.period_start,"
        " obs.value, obs.value_low, obs.value_high, obs.flag, obs.note, obs.source"
        " FROM obs JOIN ranked USING (indicator, area)"
        " ORDER BY obs.country = 'EE', ranked.area_rank, obs.period_start",
        [code] + scope_params,
    )


def _latest_changes(store: Store, filters: Filters, indicator_sql: str, params: list) -> pd.DataFrame:
    """Latest value per indicator and country (headline area) against that area's previous period.

    assessment: improved / worsened by the indicator's polarity (higher_better: up is improved,
    higher_worse: up is worsened), neutral for neutral polarity, unchanged, or no_previous.
    """
    _, scope_params = _scope(filters)
    name = localised("name", filters.lang, "i")
    return store.query_df(
        _observations_sql(filters, indicator_sql)
        + ", headline AS ("
        " SELECT obs.*, row_number() OVER (PARTITION BY obs.indicator, obs.country ORDER BY obs.period_start DESC)"
        "  AS recency FROM obs JOIN ranked USING (indicator, area) WHERE ranked.area_rank = 1"
        ") "
        f"SELECT cur.indicator, i.domain, {name} AS name, i.unit, i.polarity, cur.country, cur.area,"
        " cur.area_label, cur.period, cur.value, cur.flag, prev.period AS previous_period,"
        " prev.value AS previous_value, cur.value - prev.value AS change,"
        " (cur.value - prev.value) / nullif(abs(prev.value), 0) AS change_pct,"
        f" CASE WHEN prev.value IS NULL THEN '{NO_PREVIOUS}' WHEN cur.value = prev.value THEN '{UNCHANGED}'"
        f"  WHEN i.polarity NOT IN ('higher_better', 'higher_worse') THEN '{NEUTRAL}'"
        f"  WHEN (cur.value > prev.value) = (i.polarity = 'higher_better') THEN '{IMPROVED}'"
        f"  ELSE '{WORSENED}' END AS assessment"
        " FROM headline cur JOIN indicators i ON i.code = cur.indicator"
        " LEFT JOIN headline prev ON prev.indicator = cur.indicator AND prev.country = cur.country"
        "  AND prev.recency = 2"
        " WHERE cur.recency = 1"
        " ORDER BY array_position(?::VARCHAR[], i.domain), name, cur.indicator, cur.country = 'EE'",
        params + scope_params + [list(DOMAINS)],
    )


def latest_changes(store: Store, filters: Filters, code: str) -> pd.DataFrame:
    """Latest change of one indicator per country (Finland first)."""
    return _latest_changes(store, filters, "o.indicator = ?", [code])


def domain_overview(store: Store, filters: Filters) -> pd.DataFrame:
    """Latest change of every indicator of the selected domains, per country."""
    domain_sql, domain_params = domain_clause(filters, "i.domain")
    return _latest_changes(store, filters, domain_sql, domain_params)


def map_points(store: Store, filters: Filters, code: str) -> pd.DataFrame:
    """Latest value per municipality with coordinates (periods may differ between municipalities)."""
    scope_sql, scope_params = _scope(filters)
    return store.query_df(
        f"SELECT o.area, {area_label(filters.lang, 'a')} AS area_label, a.country, a.lat, a.lon, o.period,"
        " o.value, o.flag"
        " FROM observations o JOIN areas a ON a.code = o.area"
        f" WHERE o.indicator = ? AND a.level = 'municipality' AND a.lat IS NOT NULL AND a.lon IS NOT NULL"
        f" AND {scope_sql}"
        " QUALIFY row_number() OVER (PARTITION BY o.area ORDER BY o.period_start DESC) = 1"
        " ORDER BY o.value DESC, o.area",
        [code] + scope_params,
    )
