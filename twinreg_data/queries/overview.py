"""Read models: parametrised DuckDB queries returning DataFrames and small dataclasses. No Streamlit here."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..filters import Filters
from ..schema import BOTTLENECK_STATUSES, CLOSED_STATUSES
from ..store import Store
from .common import domain_mask, localised, localised_texts, rows_where
from .comparison import NO_CLEAR_CHANGE, NOT_COMPARABLE, assess, comparison_sql
from .indicators import domain_overview

FERRY_INDICATOR = "MOB_FERRY_PAX"
RECENT_DAYS = 90  # "changed recently": a status change in this many days (the meeting window's default too)
STALLED, RECENT, RESOLVED = "stalled", "recent", "resolved"
WATCH_LISTS = (STALLED, RECENT, RESOLVED)
WATCH_SHOWN = 5  # bottlenecks a list shows by name; the rest are counted ("+N more")


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


@dataclass(frozen=True)
class Ferry:
    """The Helsinki–Tallinn ferry route's latest passenger figure (the route's, both sides) against its comparison
    figure (queries.comparison), with its estimate flag and range."""

    period: str | None
    value: float | None
    previous: float | None
    source: str | None
    previous_period: str | None = None
    estimate: bool = False
    low: float | None = None
    high: float | None = None
    assessment: str = NOT_COMPARABLE

    @property
    def change(self) -> float | None:
        if self.value is None or not self.previous:
            return None
        return self.value / self.previous - 1


def bottleneck_tally(store: Store, today: dt.date | None = None) -> pd.DataFrame:
    """Current bottlenecks counted per (domain, status, side): `count`, `stalled` (open, no event for stall_days)
    and `resolved_12m` (resolved or partly resolved in the last 12 months). headline_of and counts_of narrow it to any
    domains and side without asking again (the period does not narrow them)."""
    today = today or dt.date.today()
    return store.query_df(
        "SELECT domain, status, side, count(*) AS count,"
        " count(*) FILTER (WHERE NOT closed AND last_event_on < ?::DATE - to_days(?::INTEGER)) AS stalled,"
        " count(*) FILTER (WHERE status IN ('resolved', 'partly_resolved')"
        "  AND last_event_on > ?::DATE - INTERVAL 12 MONTH AND last_event_on <= ?) AS resolved_12m "
        "FROM (SELECT domain, status, side, last_event_on, list_contains(?::VARCHAR[], status) AS closed"
        "      FROM bottleneck_current) "
        "GROUP BY ALL ORDER BY ALL",
        [today, stall_days(), today, today, sorted(CLOSED_STATUSES)],
    )


def tally_in_view(tally: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The tally's rows of the selected domains and side (a bottleneck of both sides is on either side)."""
    sides = tally["side"].to_numpy()
    on_side = True if filters.side == "both" else (sides == filters.side) | (sides == "both")
    return rows_where(tally, domain_mask(tally, filters) & on_side)


def headline_of(tally: pd.DataFrame, filters: Filters) -> Headline:
    """Narrowing of bottleneck_tally: the headline numbers of the selected domains and side."""
    rows = tally_in_view(tally, filters)
    still_open = ~np.isin(rows["status"].to_numpy(), list(CLOSED_STATUSES))
    return Headline(int(rows["count"].to_numpy()[still_open].sum()), int(rows["resolved_12m"].sum()),
                    int(rows["stalled"].sum()), stall_days())


def headline(store: Store, filters: Filters | None = None, today: dt.date | None = None) -> Headline:
    """Headline numbers for the selected domains and side."""
    return headline_of(bottleneck_tally(store, today), filters or Filters())


def ferry_latest(store: Store) -> Ferry:
    """The ferry route's latest figure (Helsinki port, every period in the data) against its comparison figure."""
    frame = store.query_df(
        "WITH targets AS (SELECT indicator, area, max(period_start) AS latest_start FROM observations"
        " WHERE indicator = ? AND area = 'FI-091' GROUP BY ALL), "
        f"compared AS ({comparison_sql('targets', lower_bound=False)}) "
        "SELECT c.*, coalesce(nullif(o.source, ''), i.source) AS source FROM compared c"
        " JOIN observations o ON o.indicator = c.indicator AND o.area = c.area AND o.period = c.period"
        " JOIN indicators i ON i.code = c.indicator",
        [FERRY_INDICATOR],
    )
    if frame.empty:
        return Ferry(None, None, None, None)
    row = assess(frame).iloc[0]
    number = lambda v: None if pd.isna(v) else float(v)  # noqa: E731
    return Ferry(row["period"], number(row["value"]), number(row["previous_value"]), row["source"],
                 row["previous_period"] if isinstance(row["previous_period"], str) else None, bool(row["estimate"]),
                 number(row["value_low"]), number(row["value_high"]), row["assessment"])


def counts_of(tally: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Narrowing of bottleneck_tally: counts per (domain, status) of the selected domains and side, statuses in
    lifecycle order."""
    counts = tally_in_view(tally, filters).groupby(["domain", "status"], as_index=False)["count"].sum()
    order = {s: i for i, s in enumerate(BOTTLENECK_STATUSES)}
    return counts.sort_values(["domain", "status"], key=lambda s: s.map(order) if s.name == "status" else s,
                              ignore_index=True)


def bottlenecks_by_domain_status(store: Store, filters: Filters | None = None) -> pd.DataFrame:
    """Counts per (domain, status) for the selected domains and side, statuses in lifecycle order."""
    return counts_of(bottleneck_tally(store), filters or Filters())


def moved_most(store: Store, filters: Filters, limit: int = 8) -> pd.DataFrame:
    """The indicator series whose latest value moved most (by % change) in the selected domains and side."""
    return movers(domain_overview(store, filters), limit)


def movers(changes: pd.DataFrame, limit: int = 8) -> pd.DataFrame:
    """The rows of a domain_overview that moved most (by % change against their comparison period): clear changes
    first (queries.comparison), largest first, then changes within the stated uncertainty; never a figure without
    a comparable one."""
    changes = changes[changes["change_pct"].notna() & (changes["change_pct"] != 0)
                      & (changes["assessment"] != NOT_COMPARABLE)]
    unclear = (changes["assessment"] == NO_CLEAR_CHANGE).to_numpy()
    order = pd.DataFrame({"unclear": unclear, "size": -changes["change_pct"].abs().to_numpy()},
                         index=changes.index).sort_values(["unclear", "size"], kind="stable").index
    return changes.loc[order].head(limit).reset_index(drop=True)


def has_data(store: Store) -> bool:
    return bool(store.scalar("SELECT (SELECT count(*) FROM bottlenecks) + (SELECT count(*) FROM observations)"))


# The columns of watchlist, in order.
WATCH_COLUMNS = ["list", "code", "title", "domain", "side", "status", "previous_status", "changed_on", "severity",
                 "owner_fi", "owner_ee", "last_event_on", "days_since_event"]


def watchlist(store: Store, lang: str, today: dt.date | None = None) -> pd.DataFrame:
    """The bottlenecks the Overview names, each in one list (`list`): resolved or partly resolved in the last 12
    months (the headline's count), stalled (open, no event for stall_days; the headline's count), and changed
    recently (its status changed, or it was identified, in the last RECENT_DAYS days; not in the other two).

    With the title in `lang`, both owners, the latest status change (`changed_on`, and `previous_status`: None for
    a bottleneck's first status) and the latest event. Every domain and both sides: watch_of narrows it. Resolved
    and recent: latest change first; stalled: longest silence first."""
    today = today or dt.date.today()
    frame = store.query_df(
        f"""WITH history AS (
                SELECT bottleneck, date, seq, status,
                       lag(status) OVER (PARTITION BY bottleneck ORDER BY date, seq) AS previous_status
                FROM bottleneck_events
            ), latest_change AS (  -- the latest event that changed the status (an event may only add a note)
                SELECT *, row_number() OVER (PARTITION BY bottleneck ORDER BY date DESC, seq DESC) AS rn
                FROM history WHERE previous_status IS DISTINCT FROM status
            ), rows AS (
                SELECT CASE
                         WHEN b.status IN ('resolved', 'partly_resolved')
                              AND b.last_event_on > ?::DATE - INTERVAL 12 MONTH AND b.last_event_on <= ? THEN ?
                         WHEN NOT list_contains(?::VARCHAR[], b.status)
                              AND b.last_event_on < ?::DATE - to_days(?::INTEGER) THEN ?
                         WHEN coalesce(c.date, b.identified_on) > ?::DATE - to_days(?::INTEGER)
                              AND coalesce(c.date, b.identified_on) <= ? THEN ?
                       END AS list,
                       b.code, {localised('title', lang, 'b')} AS title, b.domain, b.side, b.status,
                       c.previous_status, coalesce(c.date, b.identified_on) AS changed_on, b.severity,
                       {localised_texts(('owner_fi', 'owner_ee'), lang, 'b')},
                       b.last_event_on, date_diff('day', b.last_event_on, ?::DATE) AS days_since_event
                FROM bottleneck_current b LEFT JOIN latest_change c ON c.bottleneck = b.code AND c.rn = 1
            )
            SELECT * FROM rows WHERE list IS NOT NULL
            ORDER BY array_position(?::VARCHAR[], list),
                     CASE WHEN list = ? THEN last_event_on END ASC NULLS LAST, changed_on DESC, code""",
        [today, today, RESOLVED, sorted(CLOSED_STATUSES), today, stall_days(), STALLED, today, RECENT_DAYS, today,
         RECENT, today, list(WATCH_LISTS), STALLED],
    )
    return frame[WATCH_COLUMNS]


def watch_of(watch: pd.DataFrame, filters: Filters) -> dict[str, pd.DataFrame]:
    """Narrowing of watchlist: each list's bottlenecks of the selected domains and side (a bottleneck of both
    sides is on either side), in the watchlist's order."""
    rows = tally_in_view(watch, filters)
    return {name: rows[rows["list"].to_numpy() == name].reset_index(drop=True) for name in WATCH_LISTS}
