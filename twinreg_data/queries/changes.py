"""What changed since a date (the last meeting): computed from the status history and the import provenance.

- new bottlenecks: identified on or after `since` (and not after `today`);
- status changes: events dated `since`…`today` whose status differs from the bottleneck's previous event
  (the event before it in date, seq order; none for a bottleneck's first event);
- closed: bottlenecks whose current status is resolved, partly resolved or written off and whose latest
  event falls in the window;
- stalled: open bottlenecks without any event for more than `queries.overview.stall_days()` days;
- indicators with new data: observations added or changed by an import uploaded on or after `since`
  (the row's `import_id` names the import that last wrote it), latest new period against the period
  before it, per indicator and country (one headline area per country, as on the Indicators page: the
  area with the most recent new period, then the widest level, then the largest population, then the
  code), assessed by the indicator's polarity;
- actions that became overdue (due in the window, neither done nor cancelled) or were done in the window.

The global domains and side of the border apply; the period range does not (the window is `since`…`today`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..schema import AREA_LEVELS, CLOSED_STATUSES, DOMAINS
from ..store import Store
from .bottlenecks import register
from .common import area_label, domain_clause, localised, side_clause
from .cooperation import FINISHED_STATUSES
from .indicators import IMPROVED, NEUTRAL, NO_PREVIOUS, UNCHANGED, WORSENED
from .overview import stall_days

DEFAULT_WINDOW_DAYS = 90

# Widest level first: a country figure stands for the country better than one municipality does.
_LEVEL_RANK = "CASE a.level " + " ".join(
    f"WHEN '{level}' THEN {rank}" for rank, level in enumerate(reversed(AREA_LEVELS))
) + " ELSE 9 END"


def default_since(today: dt.date | None = None) -> dt.date:
    """The default start of the window: 90 days before `today`."""
    return (today or dt.date.today()) - dt.timedelta(days=DEFAULT_WINDOW_DAYS)


@dataclass(frozen=True)
class Changes:
    since: dt.date
    today: dt.date
    stall_days: int
    new_bottlenecks: pd.DataFrame  # code, title, domain, severity, status, identified_on
    status_changes: pd.DataFrame  # date, seq, code, title, domain, from_status (None: first event), to_status,
    #                               who, note
    closed: pd.DataFrame  # code, title, domain, status, closed_on
    stalled: pd.DataFrame  # code, title, domain, status, last_event_on, days_since_event, owner_fi, owner_ee
    indicators: pd.DataFrame  # indicator, name, domain, unit, polarity, country, area, area_label, period, value,
    #                          previous_period, previous_value, change, change_pct, assessment, new_values, uploaded_at
    actions_overdue: pd.DataFrame  # code, title, lead, due, status
    actions_done: pd.DataFrame  # code, title, lead, due, completed_on

    @property
    def is_empty(self) -> bool:
        return all(frame.empty for frame in (self.new_bottlenecks, self.status_changes, self.closed, self.stalled,
                                             self.indicators, self.actions_overdue, self.actions_done))

    def counts(self) -> dict[str, int]:
        """Number of rows per list, for headlines and speaker notes."""
        return {
            "new_bottlenecks": len(self.new_bottlenecks),
            "status_changes": len(self.status_changes),
            "closed": len(self.closed),
            "stalled": len(self.stalled),
            "indicators": int(self.indicators["indicator"].nunique()) if not self.indicators.empty else 0,
            "improved": int((self.indicators["assessment"] == IMPROVED).sum()),
            "worsened": int((self.indicators["assessment"] == WORSENED).sum()),
            "actions_overdue": len(self.actions_overdue),
            "actions_done": len(self.actions_done),
        }


def bottleneck_scope(filters: Filters, alias: str = "b") -> tuple[str, list]:
    domain_sql, domain_params = domain_clause(filters, f"{alias}.domain")
    side_sql, side_params = side_clause(filters, f"{alias}.side")
    return f"{domain_sql} AND {side_sql}", [*domain_params, *side_params]


def new_bottlenecks(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    scope, params = bottleneck_scope(filters)
    return store.query_df(
        f"SELECT b.code, {localised('title', filters.lang, 'b')} AS title, b.domain, b.severity, b.status,"
        " b.identified_on"
        f" FROM bottleneck_current b WHERE b.identified_on BETWEEN ? AND ? AND {scope}"
        " ORDER BY b.identified_on, b.code",
        [since, today, *params],
    )


def status_changes(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    """Events in the window that changed the status; the previous status comes from the event before."""
    scope, params = bottleneck_scope(filters)
    return store.query_df(
        f"""WITH history AS (
                SELECT bottleneck, date, seq, status, who, note,
                       lag(status) OVER (PARTITION BY bottleneck ORDER BY date, seq) AS from_status
                FROM bottleneck_events
            )
            SELECT h.date, h.seq, b.code, {localised('title', filters.lang, 'b')} AS title, b.domain,
                   h.from_status, h.status AS to_status, h.who, h.note
            FROM history h JOIN bottlenecks b ON b.code = h.bottleneck
            WHERE h.date BETWEEN ? AND ? AND h.from_status IS DISTINCT FROM h.status AND {scope}
            ORDER BY h.date, b.code, h.seq""",
        [since, today, *params],
    )


def closed_bottlenecks(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    scope, params = bottleneck_scope(filters)
    return store.query_df(
        f"SELECT b.code, {localised('title', filters.lang, 'b')} AS title, b.domain, b.status,"
        " b.last_event_on AS closed_on"
        " FROM bottleneck_current b"
        f" WHERE b.status IN (SELECT unnest(?::VARCHAR[])) AND b.last_event_on BETWEEN ? AND ? AND {scope}"
        " ORDER BY b.last_event_on, b.code",
        [sorted(CLOSED_STATUSES), since, today, *params],
    )


def current_register(store: Store, filters: Filters, today: dt.date) -> pd.DataFrame:
    """The whole register of the selected domains and side as of `today` (the period range is lifted:
    a meeting looks at the state of play, not at a period)."""
    everything = Filters(lang=filters.lang, domains=filters.domains, side=filters.side, year_from=1900,
                         year_to=max(today.year, filters.year_to))
    return register(store, everything, today=today)


def stalled_bottlenecks(store: Store, filters: Filters, today: dt.date) -> pd.DataFrame:
    """Open bottlenecks with no event for longer than the stall threshold, longest silence first."""
    # The register already knows what "stalled" means (queries.overview.stall_days()).
    frame = current_register(store, filters, today)
    frame = frame[frame["stalled"].astype(bool)]
    frame = frame.sort_values(["days_since_event", "code"], ascending=[False, True], ignore_index=True)
    return frame[["code", "title", "domain", "status", "last_event_on", "days_since_event", "owner_fi", "owner_ee"]]


def indicators_with_new_data(store: Store, filters: Filters, since: dt.date) -> pd.DataFrame:
    """Per indicator and country: the latest period that arrived since `since` against the period before it."""
    domain_sql, domain_params = domain_clause(filters, "i.domain")
    name = localised("name", filters.lang, "i")
    since_ts = dt.datetime.combine(since, dt.time.min)
    return store.query_df(
        f"""WITH obs AS (
                SELECT o.indicator, o.area, a.country, o.period, o.period_start, o.value, m.uploaded_at,
                       m.uploaded_at >= ? AS is_new,
                       lag(o.period) OVER w AS previous_period, lag(o.value) OVER w AS previous_value
                FROM observations o
                JOIN areas a ON a.code = o.area
                JOIN imports m ON m.id = o.import_id
                JOIN indicators i ON i.code = o.indicator
                WHERE a.country IN (SELECT unnest(?::VARCHAR[])) AND {domain_sql}
                WINDOW w AS (PARTITION BY o.indicator, o.area ORDER BY o.period_start)
            ),
            fresh AS (
                SELECT indicator, area, count(*) AS new_values, max(uploaded_at) AS uploaded_at,
                       max(period_start) AS latest_start
                FROM obs WHERE is_new GROUP BY indicator, area
            ),
            headline AS (
                SELECT f.*, a.country,
                       row_number() OVER (PARTITION BY f.indicator, a.country
                                          ORDER BY f.latest_start DESC, {_LEVEL_RANK},
                                                   a.population DESC NULLS LAST, f.area) AS area_rank
                FROM fresh f JOIN areas a ON a.code = f.area
            )
            SELECT h.indicator, i.domain, {name} AS name, i.unit, i.polarity, h.country, h.area,
                   {area_label(filters.lang, 'a')} AS area_label, o.period, o.value,
                   o.previous_period, o.previous_value, o.value - o.previous_value AS change,
                   (o.value - o.previous_value) / nullif(abs(o.previous_value), 0) AS change_pct,
                   CASE WHEN o.previous_value IS NULL THEN '{NO_PREVIOUS}'
                        WHEN o.value = o.previous_value THEN '{UNCHANGED}'
                        WHEN i.polarity NOT IN ('higher_better', 'higher_worse') THEN '{NEUTRAL}'
                        WHEN (o.value > o.previous_value) = (i.polarity = 'higher_better') THEN '{IMPROVED}'
                        ELSE '{WORSENED}' END AS assessment,
                   h.new_values, h.uploaded_at
            FROM headline h
            JOIN obs o ON o.indicator = h.indicator AND o.area = h.area AND o.period_start = h.latest_start
            JOIN indicators i ON i.code = h.indicator
            JOIN areas a ON a.code = h.area
            WHERE h.area_rank = 1
            ORDER BY array_position(?::VARCHAR[], i.domain), name, h.indicator, h.country = 'EE'""",
        [since_ts, filters.countries, *domain_params, list(DOMAINS)],
    )


def _action_scope(filters: Filters) -> tuple[str, list]:
    """Actions linked to a bottleneck of a selected domain (every action when no domain is selected)."""
    if not filters.domains:
        return "TRUE", []
    return ("EXISTS (SELECT 1 FROM action_bottlenecks l JOIN bottlenecks b ON b.code = l.bottleneck "
            "WHERE l.action = a.code AND b.domain IN (SELECT unnest(?::VARCHAR[])))",
            [list(filters.domains)])


def actions_overdue(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    """Actions whose due date passed in the window and that are neither done nor cancelled."""
    scope, params = _action_scope(filters)
    return store.query_df(
        f"SELECT a.code, {localised('title', filters.lang, 'a')} AS title, a.lead, a.due, a.status FROM actions a"
        f" WHERE a.due >= ? AND a.due < ? AND a.status NOT IN (SELECT unnest(?::VARCHAR[])) AND {scope}"
        " ORDER BY a.due, a.code",
        [since, today, list(FINISHED_STATUSES), *params],
    )


def actions_done(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    scope, params = _action_scope(filters)
    return store.query_df(
        f"SELECT a.code, {localised('title', filters.lang, 'a')} AS title, a.lead, a.due, a.completed_on"
        f" FROM actions a WHERE a.completed_on BETWEEN ? AND ? AND {scope} ORDER BY a.completed_on, a.code",
        [since, today, *params],
    )


def what_changed(store: Store, filters: Filters, since: dt.date | None = None,
                 today: dt.date | None = None) -> Changes:
    """Everything that changed between `since` (default: 90 days before `today`) and `today`."""
    today = today or dt.date.today()
    since = since or default_since(today)
    return Changes(
        since=since,
        today=today,
        stall_days=stall_days(),
        new_bottlenecks=new_bottlenecks(store, filters, since, today),
        status_changes=status_changes(store, filters, since, today),
        closed=closed_bottlenecks(store, filters, since, today),
        stalled=stalled_bottlenecks(store, filters, today),
        indicators=indicators_with_new_data(store, filters, since),
        actions_overdue=actions_overdue(store, filters, since, today),
        actions_done=actions_done(store, filters, since, today),
    )


def parse_since(text: str | None, today: dt.date | None = None) -> dt.date | None:
    """A `since` date from a link or the command line (YYYY-MM-DD, not after today); None when invalid."""
    today = today or dt.date.today()
    try:
        day = dt.date.fromisoformat((text or "").strip())
    except ValueError:
        return None
    return day if dt.date(2000, 1, 1) <= day <= today else None
