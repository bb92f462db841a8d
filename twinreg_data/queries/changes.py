"""What changed since a date (the last meeting), as a presenter means it: computed from the status history and
the import provenance, each change counted once.

- bottlenecks: one line per bottleneck whose status changed in `since`…`today` (or that was identified then), with
  its whole path (status at `since` → … → status today). Its kind, in the order a meeting takes them: closed
  (resolved, partly resolved or written off), escalated (prioritised, or reopened after being closed), new
  (identified in the window), moved (any other change of status);
- stalled: open bottlenecks without any event for more than `queries.overview.stall_days()` days (a state, not a
  change: listed apart);
- new figures: observations of an (indicator, area, period) the database did not hold at `since` (the row's
  import, or the row an import in the window replaced, tells), per indicator and country (one headline area per
  country: the area with the most recent new period, then the widest level, then the largest population, then the
  code), compared by the one rule of queries.comparison. A re-import of a period already held is never new: it is
  a revision when its value changed, nothing otherwise. When the database holds no import from before `since`,
  nothing can be told about the state at the last meeting (`baseline` is False) and no figure is called new;
- revised figures: observations held at `since` whose value an import in the window changed (old → new);
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
from .common import area_label, domain_clause, localised, localised_text, localised_texts, side_clause
from .comparison import IMPROVED, WORSENED, assess, comparison_sql
from .cooperation import FINISHED_STATUSES
from .overview import stall_days

DEFAULT_WINDOW_DAYS = 90

# Widest level first: a country figure stands for the country better than one municipality does.
_LEVEL_RANK = "CASE a.level " + " ".join(
    f"WHEN '{level}' THEN {rank}" for rank, level in enumerate(reversed(AREA_LEVELS))
) + " ELSE 9 END"


def default_since(today: dt.date | None = None) -> dt.date:
    """The default start of the window: 90 days before `today`."""
    return (today or dt.date.today()) - dt.timedelta(days=DEFAULT_WINDOW_DAYS)


# The kinds of a bottleneck's change, in the order a meeting takes them.
CLOSED, ESCALATED, NEW, MOVED = "closed", "escalated", "new", "moved"
KINDS = (CLOSED, ESCALATED, NEW, MOVED)
ESCALATION_STATUS = "prioritised"


@dataclass(frozen=True)
class Changes:
    since: dt.date
    today: dt.date
    stall_days: int
    baseline: bool  # the database holds an import from before `since`: new figures can be told from old ones
    bottlenecks: pd.DataFrame  # one line per bottleneck: code, title, domain, kind, from_status (None: new),
    #                            to_status, path (statuses from the one at `since` to today's), first_date,
    #                            last_date, who (of the last change); closed first, then escalated, new, moved
    status_changes: pd.DataFrame  # the events behind them: date, seq, code, title, domain, from_status,
    #                               to_status, who, note
    stalled: pd.DataFrame  # code, title, domain, status, last_event_on, days_since_event, owner_fi, owner_ee
    indicators: pd.DataFrame  # new figures per indicator and country: indicator, name, domain, unit, polarity,
    #                          frequency, country, area, area_label, period, value, value_low, value_high, flag,
    #                          previous_period, previous_value, …, change, change_pct, assessment, estimate,
    #                          new_values, uploaded_at
    revisions: pd.DataFrame  # indicator, name, domain, unit, country, area, area_label, period, old_value, value,
    #                          old_flag, flag, uploaded_at
    actions_overdue: pd.DataFrame  # code, title, lead, due, status
    actions_done: pd.DataFrame  # code, title, lead, due, completed_on

    @property
    def is_empty(self) -> bool:
        return all(frame.empty for frame in (self.bottlenecks, self.stalled, self.indicators, self.revisions,
                                             self.actions_overdue, self.actions_done))

    def of_kind(self, kind: str) -> pd.DataFrame:
        return self.bottlenecks[self.bottlenecks["kind"] == kind]

    def counts(self) -> dict[str, int]:
        """Each change counted once, for the page, the slides and the speaker notes alike."""
        kinds = self.bottlenecks["kind"].value_counts()
        return {
            "bottlenecks": len(self.bottlenecks),
            **{kind: int(kinds.get(kind, 0)) for kind in KINDS},
            "stalled": len(self.stalled),
            "new_figures": len(self.indicators),
            "improved": int((self.indicators["assessment"] == IMPROVED).sum()),
            "worsened": int((self.indicators["assessment"] == WORSENED).sum()),
            "revised": len(self.revisions),
            "actions_done": len(self.actions_done),
            "actions_overdue": len(self.actions_overdue),
        }


def bottleneck_scope(filters: Filters, alias: str = "b") -> tuple[str, list]:
    domain_sql, domain_params = domain_clause(filters, f"{alias}.domain")
    side_sql, side_params = side_clause(filters, f"{alias}.side")
    return f"{domain_sql} AND {side_sql}", [*domain_params, *side_params]


def status_changes(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    """Events in the window that changed the status; the previous status comes from the event before."""
    scope, params = bottleneck_scope(filters)
    return store.query_df(
        f"""WITH history AS (
                SELECT bottleneck, date, seq, status, {localised_texts(('who', 'note'), filters.lang)},
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


def _identified_without_event(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    """Bottlenecks identified in the window that have no event yet (their status is 'identified')."""
    scope, params = bottleneck_scope(filters)
    return store.query_df(
        f"SELECT b.identified_on AS date, 1 AS seq, b.code, {localised('title', filters.lang, 'b')} AS title,"
        " b.domain, NULL::VARCHAR AS from_status, b.status AS to_status, NULL::VARCHAR AS who,"
        " NULL::VARCHAR AS note FROM bottleneck_current b"
        f" WHERE b.identified_on BETWEEN ? AND ? AND {scope}"
        " AND NOT EXISTS (SELECT 1 FROM bottleneck_events e WHERE e.bottleneck = b.code)",
        [since, today, *params],
    )


def kind_of(from_status: str | None, path: list[str]) -> str:
    """The kind of a bottleneck's change from its status at `since` (None: it is new) along `path` (the statuses it
    took in the window, in order)."""
    to_status = path[-1]
    if to_status in CLOSED_STATUSES and from_status not in CLOSED_STATUSES:
        return CLOSED
    if (from_status in CLOSED_STATUSES and to_status not in CLOSED_STATUSES) or (
            ESCALATION_STATUS in path and from_status != ESCALATION_STATUS):
        return ESCALATED
    return NEW if from_status is None else MOVED


def bottleneck_lines(events: pd.DataFrame) -> pd.DataFrame:
    """One line per bottleneck from its status-changing events (status_changes): the whole path, its kind, closed
    first, then escalated, new and moved; the latest change first within a kind."""
    columns = ["code", "title", "domain", "kind", "from_status", "to_status", "path", "first_date", "last_date",
               "who"]
    if events.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    lines = []
    for code, rows in events.sort_values(["date", "seq"]).groupby("code", sort=False):
        first, last = rows.iloc[0], rows.iloc[-1]
        start = first["from_status"] if isinstance(first["from_status"], str) else None
        path = [status for status in rows["to_status"]]
        lines.append({"code": code, "title": last["title"], "domain": last["domain"], "kind": kind_of(start, path),
                      "from_status": start, "to_status": path[-1], "path": ([start] if start else []) + path,
                      "first_date": first["date"], "last_date": last["date"],
                      "who": last["who"] if isinstance(last["who"], str) else None})
    frame = pd.DataFrame(lines, columns=columns)
    frame["_kind"] = frame["kind"].map(KINDS.index)
    frame = frame.sort_values(["_kind", "last_date", "code"], ascending=[True, False, True], ignore_index=True)
    return frame.drop(columns="_kind")


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


def has_baseline(store: Store, since: dt.date) -> bool:
    """Whether the database holds an applied import from before `since`: the state at the last meeting is known."""
    since_ts = dt.datetime.combine(since, dt.time.min)
    return bool(store.scalar("SELECT count(*) FROM imports WHERE status = 'applied' AND uploaded_at < ?",
                             [since_ts]))


# Keys held at `since`: rows written before it, and the row images that imports in the window replaced (taken from
# an import before it). `at_since` holds the value each such key had then. Parameters: since (three times).
_HELD_AT_SINCE = """
    at_since AS (
        SELECT p.indicator, p.area, p.period, p.value, p.flag
        FROM observations_prev p
        JOIN imports own ON own.id = p.import_id AND own.uploaded_at < ?
        JOIN imports rep ON rep.id = p.replaced_by AND rep.status = 'applied' AND rep.uploaded_at >= ?
        QUALIFY row_number() OVER (PARTITION BY p.indicator, p.area, p.period ORDER BY rep.uploaded_at, rep.id) = 1
    ),
    written AS (
        SELECT o.*, m.uploaded_at, m.uploaded_at >= ? AS in_window
        FROM observations o JOIN imports m ON m.id = o.import_id
    )"""


def indicators_with_new_data(store: Store, filters: Filters, since: dt.date) -> pd.DataFrame:
    """Per indicator and country: the latest new figure (a period the database did not hold at `since`) against
    its comparison figure (queries.comparison). Empty without a baseline (has_baseline)."""
    if not has_baseline(store, since):
        return _empty_new_figures()
    domain_sql, domain_params = domain_clause(filters, "i.domain")
    name = localised("name", filters.lang, "i")
    since_ts = dt.datetime.combine(since, dt.time.min)
    frame = store.query_df(
        f"""WITH {_HELD_AT_SINCE},
            fresh AS (
                SELECT w.indicator, w.area, count(*) AS new_values, max(w.uploaded_at) AS uploaded_at,
                       max(w.period_start) AS latest_start
                FROM written w
                JOIN areas a ON a.code = w.area
                JOIN indicators i ON i.code = w.indicator
                WHERE w.in_window AND a.country IN (SELECT unnest(?::VARCHAR[])) AND {domain_sql}
                  AND NOT EXISTS (SELECT 1 FROM at_since s
                                  WHERE s.indicator = w.indicator AND s.area = w.area AND s.period = w.period)
                GROUP BY w.indicator, w.area
            ),
            targets AS (
                SELECT f.*, a.country, {area_label(filters.lang, 'a')} AS area_label
                FROM fresh f JOIN areas a ON a.code = f.area
                QUALIFY row_number() OVER (PARTITION BY f.indicator, a.country
                                           ORDER BY f.latest_start DESC, {_LEVEL_RANK},
                                                    a.population DESC NULLS LAST, f.area) = 1
            ),
            compared AS ({comparison_sql('targets', lower_bound=False)})
            SELECT c.indicator, i.domain, {name} AS name, i.unit, c.polarity, c.frequency, c.country, c.area,
                   c.area_label, c.period, c.value, c.value_low, c.value_high, c.flag, c.previous_period,
                   c.previous_value, c.previous_low, c.previous_high, c.previous_flag, c.broken, c.new_values,
                   c.uploaded_at
            FROM compared c JOIN indicators i ON i.code = c.indicator
            ORDER BY array_position(?::VARCHAR[], i.domain), name, c.indicator, c.country = 'EE'""",
        [since_ts, since_ts, since_ts, filters.countries, *domain_params, list(DOMAINS)],
    )
    return assess(frame)


def _empty_new_figures() -> pd.DataFrame:
    columns = ["indicator", "domain", "name", "unit", "polarity", "frequency", "country", "area", "area_label",
               "period", "value", "value_low", "value_high", "flag", "previous_period", "previous_value",
               "previous_low", "previous_high", "previous_flag", "broken", "new_values", "uploaded_at"]
    return assess(pd.DataFrame({c: pd.Series(dtype=object) for c in columns}))


def revised_figures(store: Store, filters: Filters, since: dt.date) -> pd.DataFrame:
    """Figures the database held at `since` whose value an import in the window changed: old → new."""
    domain_sql, domain_params = domain_clause(filters, "i.domain")
    since_ts = dt.datetime.combine(since, dt.time.min)
    return store.query_df(
        f"""WITH {_HELD_AT_SINCE}
            SELECT w.indicator, {localised('name', filters.lang, 'i')} AS name, i.domain, i.unit, a.country,
                   w.area, {area_label(filters.lang, 'a')} AS area_label, w.period, s.value AS old_value, w.value,
                   s.flag AS old_flag, w.flag, w.uploaded_at
            FROM written w
            JOIN at_since s ON s.indicator = w.indicator AND s.area = w.area AND s.period = w.period
            JOIN areas a ON a.code = w.area
            JOIN indicators i ON i.code = w.indicator
            WHERE w.in_window AND s.value IS DISTINCT FROM w.value
              AND a.country IN (SELECT unnest(?::VARCHAR[])) AND {domain_sql}
            ORDER BY array_position(?::VARCHAR[], i.domain), name, w.indicator, a.country = 'EE', w.area,
                     w.period_start""",
        [since_ts, since_ts, since_ts, filters.countries, *domain_params, list(DOMAINS)],
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
        f"SELECT a.code, {localised('title', filters.lang, 'a')} AS title, {localised_text('lead', filters.lang, 'a')}"
        " AS lead, a.due, a.status FROM actions a"
        f" WHERE a.due >= ? AND a.due < ? AND a.status NOT IN (SELECT unnest(?::VARCHAR[])) AND {scope}"
        " ORDER BY a.due, a.code",
        [since, today, list(FINISHED_STATUSES), *params],
    )


def actions_done(store: Store, filters: Filters, since: dt.date, today: dt.date) -> pd.DataFrame:
    scope, params = _action_scope(filters)
    return store.query_df(
        f"SELECT a.code, {localised('title', filters.lang, 'a')} AS title, {localised_text('lead', filters.lang, 'a')}"
        " AS lead, a.due, a.completed_on"
        f" FROM actions a WHERE a.completed_on BETWEEN ? AND ? AND {scope} ORDER BY a.completed_on, a.code",
        [since, today, *params],
    )


def what_changed(store: Store, filters: Filters, since: dt.date | None = None,
                 today: dt.date | None = None) -> Changes:
    """Everything that changed between `since` (default: 90 days before `today`) and `today`."""
    today = today or dt.date.today()
    since = since or default_since(today)
    events = status_changes(store, filters, since, today)
    unrecorded = _identified_without_event(store, filters, since, today)
    return Changes(
        since=since,
        today=today,
        stall_days=stall_days(),
        baseline=has_baseline(store, since),
        bottlenecks=bottleneck_lines(pd.concat([events, unrecorded], ignore_index=True) if not unrecorded.empty
                                     else events),
        status_changes=events,
        stalled=stalled_bottlenecks(store, filters, today),
        indicators=indicators_with_new_data(store, filters, since),
        revisions=revised_figures(store, filters, since),
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
