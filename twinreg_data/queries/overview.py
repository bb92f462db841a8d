"""Read models: parametrised DuckDB queries returning DataFrames and small dataclasses. No Streamlit here."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..schema import BOTTLENECK_STATUSES, CLOSED_STATUSES
from ..store import Store
from .common import domain_clause, side_clause
from .indicators import domain_overview, of_domains

FERRY_INDICATOR = "MOB_FERRY_PAX"


def stall_days() -> int:
    """Days without an event after which an open bottleneck counts as stalled (TWINREG_STALL_DAYS)."""
    try:
        return max(1, int(os.environ.get("TWINREG_STALL_DAYS", "365")))
    except ValueError:
        return 365


@dataclass(frozen=True)
class Headline:
    open_bottlenecks: int
    resolved_12m: int
    stalled: int
    stall_days: int
    ferry_period: str | None
    ferry_value: float | None
    ferry_previous: float | None
    ferry_source: str | None

    @property
    def ferry_change(self) -> float | None:
        if self.ferry_value is None or not self.ferry_previous:
            return None
        return self.ferry_value / self.ferry_previous - 1


def headline(store: Store, filters: Filters | None = None, today: dt.date | None = None) -> Headline:
    """Headline numbers for the selected domains and side (the ferry figure is the route's, both sides)."""
    filters = filters or Filters()
    today = today or dt.date.today()
    days = stall_days()
    closed = sorted(CLOSED_STATUSES)
    domain_sql, domain_params = domain_clause(filters)
    side_sql, side_params = side_clause(filters)
    scope = f"{domain_sql} AND {side_sql}"
    with store.cursor() as cur:
        # The three counts in one pass over the bottlenecks' current status (a view over their histories).
        open_count, stalled, resolved = cur.execute(
            "SELECT count(*) FILTER (WHERE NOT closed), "
            " count(*) FILTER (WHERE NOT closed AND last_event_on < ?::DATE - to_days(?::INTEGER)), "
            " count(*) FILTER (WHERE status IN ('resolved', 'partly_resolved') "
            "  AND last_event_on > ?::DATE - INTERVAL 12 MONTH AND last_event_on <= ?) "
            "FROM (SELECT status, last_event_on, list_contains(?::VARCHAR[], status) AS closed "
            f"      FROM bottleneck_current WHERE {scope})",
            [today, days, today, today, closed, *domain_params, *side_params],
        ).fetchone()
        ferry = cur.execute(
            "SELECT period, value, lag(value) OVER (ORDER BY period_start) AS previous, "
            "coalesce(o.source, i.source) FROM observations o JOIN indicators i ON i.code = o.indicator "
            "WHERE o.indicator = ? AND o.area = 'FI-091' ORDER BY period_start DESC LIMIT 1",
            [FERRY_INDICATOR],
        ).fetchone()
    return Headline(
        int(open_count), int(resolved), int(stalled), days,
        ferry[0] if ferry else None, ferry[1] if ferry else None, ferry[2] if ferry else None,
        ferry[3] if ferry else None,
    )


def bottlenecks_by_domain_status(store: Store, filters: Filters | None = None) -> pd.DataFrame:
    """Counts per (domain, status) for the selected domains and side, statuses in lifecycle order."""
    filters = filters or Filters()
    domain_sql, domain_params = domain_clause(filters)
    side_sql, side_params = side_clause(filters)
    frame = store.query_df(
        f"SELECT domain, status, count(*) AS count FROM bottleneck_current WHERE {domain_sql} AND {side_sql} "
        "GROUP BY domain, status ORDER BY domain, status",
        [*domain_params, *side_params],
    )
    order = {s: i for i, s in enumerate(BOTTLENECK_STATUSES)}
    return frame.sort_values(["domain", "status"], key=lambda s: s.map(order) if s.name == "status" else s,
                             ignore_index=True)


def moved_most(store: Store, filters: Filters, limit: int = 8) -> pd.DataFrame:
    """The indicator series whose latest value moved most (by % change) in the selected domains and side."""
    return movers(domain_overview(store, filters.without_domains()), filters.domains, limit)


def movers(every_domain: pd.DataFrame, domains: tuple[str, ...], limit: int = 8) -> pd.DataFrame:
    """moved_most of `domains` from the domain_overview of every domain (which the cache keeps for any selection)."""
    changes = of_domains(every_domain, domains)
    changes = changes[changes["change_pct"].notna() & (changes["change_pct"] != 0)]
    order = changes["change_pct"].abs().sort_values(ascending=False).index
    return changes.loc[order].head(limit).reset_index(drop=True)


def has_data(store: Store) -> bool:
    return bool(store.scalar("SELECT (SELECT count(*) FROM bottlenecks) + (SELECT count(*) FROM observations)"))
