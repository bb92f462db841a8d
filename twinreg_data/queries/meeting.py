"""Read models of the Meeting briefing: how current the data is, the bottleneck tally by domain and status, the key
indicator of each domain, and `meeting_data`, which gathers these, "what changed since" (queries.changes) and the
action plan (queries.cooperation) into the one `MeetingData` the slides are built from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..schema import BOTTLENECK_DOMAINS
from ..store import Store
from . import cooperation, indicators
from .changes import Changes, bottleneck_scope, current_register, default_since, what_changed
from .common import domain_clause
from .cooperation import ActionSummary
from .indicators import IndicatorMeta


def data_as_of(store: Store) -> dt.date | None:
    """Date (UTC) of the latest applied import: how current the numbers in the briefing are."""
    latest = store.scalar("SELECT max(uploaded_at) FROM imports WHERE status = 'applied'")
    return latest.date() if latest is not None else None


def status_counts(store: Store, filters: Filters) -> pd.DataFrame:
    """Bottlenecks per (domain, status) for the selected domains and side, current status."""
    scope, params = bottleneck_scope(filters)
    return store.query_df(
        f"SELECT b.domain, b.status, count(*) AS count FROM bottleneck_current b WHERE {scope} "
        "GROUP BY b.domain, b.status",
        params,
    )


def key_indicators(store: Store, filters: Filters) -> dict[str, str]:
    """The key indicator of each selected domain (with data in scope): the one most bottlenecks refer to as their
    evidence, then one with series in both countries, then annual figures (a readable year axis), then the
    longest series, then the code."""
    domain_sql, domain_params = domain_clause(filters, "i.domain")
    rows = store.query(
        f"""WITH links AS (
                SELECT indicator AS code, count(*) AS linked FROM bottleneck_indicators GROUP BY 1
            ), stats AS (
                SELECT i.domain, i.code, i.frequency, count(DISTINCT a.country) AS countries,
                       count(DISTINCT o.period) AS periods
                FROM indicators i
                JOIN observations o ON o.indicator = i.code
                JOIN areas a ON a.code = o.area
                WHERE {domain_sql} AND a.country IN (SELECT unnest(?::VARCHAR[]))
                      AND o.period_start BETWEEN ? AND ?
                GROUP BY i.domain, i.code, i.frequency
            )
            SELECT s.domain, s.code FROM stats s LEFT JOIN links l ON l.code = s.code
            QUALIFY row_number() OVER (PARTITION BY s.domain ORDER BY coalesce(l.linked, 0) DESC,
                s.countries DESC, s.frequency = 'annual' DESC, s.periods DESC, s.code) = 1""",
        [*domain_params, filters.countries, filters.date_from, filters.date_to],
    )
    return dict(rows)


@dataclass(frozen=True)
class KeyIndicator:
    """A domain's key indicator as its slide shows it: the definition, the series and the latest figures."""

    meta: IndicatorMeta
    series: pd.DataFrame  # indicators.series: every area's values, headline area ranked first per country
    latest: pd.DataFrame  # indicators.latest_changes: the latest figure per country against the one before


@dataclass(frozen=True)
class MeetingData:
    """Everything the briefing shows, read at once: the slide builders are pure functions of it."""

    filters: Filters
    since: dt.date
    today: dt.date
    as_of: dt.date | None
    changes: Changes
    register: pd.DataFrame  # the whole register as of `today` (queries.changes.current_register)
    status_counts: pd.DataFrame
    actions: pd.DataFrame
    action_summary: ActionSummary
    key_indicators: dict[str, KeyIndicator | None]  # per selected domain; None when it has no data in scope

    @property
    def lang(self) -> str:
        return self.filters.lang


def meeting_data(store: Store, filters: Filters, since: dt.date | None = None,
                 today: dt.date | None = None) -> MeetingData:
    """The briefing's read models for the chosen language, domains and side; "what changed" runs from `since`
    (default: 90 days before `today`) to `today`."""
    today = today or dt.date.today()
    since = since or default_since(today)
    keys = key_indicators(store, filters)
    actions = cooperation.actions(store, filters, today)
    return MeetingData(
        filters=filters,
        since=since,
        today=today,
        as_of=data_as_of(store),
        changes=what_changed(store, filters, since, today),
        register=current_register(store, filters, today),
        status_counts=status_counts(store, filters),
        actions=actions,
        action_summary=cooperation.summarise(actions),  # the counts of the listed actions: no second query
        key_indicators={domain: _key_indicator(store, filters, keys.get(domain)) for domain in filters.domain_list
                        if domain in BOTTLENECK_DOMAINS},  # context holds background figures, no bottlenecks
    )


def _key_indicator(store: Store, filters: Filters, code: str | None) -> KeyIndicator | None:
    meta = indicators.indicator_meta(store, filters, code) if code else None
    if meta is None:
        return None
    return KeyIndicator(meta, indicators.series(store, filters, code), indicators.latest_changes(store, filters, code))
