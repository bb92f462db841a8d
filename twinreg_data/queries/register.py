"""The obstacles of a reporting year: the register export for the Commission (Regulation (EU) 2025/925) and the
yearly report (priority list, status of each obstacle, solved this year), both from `obstacles_of_year`."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..schema import BRIDGE_TEXTS, CLOSED_STATUSES
from ..store import Store
from .common import localised

SOLVED_STATUSES = ("resolved", "partly_resolved")


def year_bounds(year: int, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first day of `year` and its last day, or today while the year is not over."""
    today = today or dt.date.today()
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), max(today, dt.date(year, 1, 1)))


def obstacles_of_year(store: Store, year: int, lang: str, today: dt.date | None = None) -> pd.DataFrame:
    """One row per obstacle on the table during `year`: identified by its end and not closed before it began.

    Columns: code, title, domain, side, severity, people_low, people_high, owner_fi, owner_ee, identified_on,
    status (at the end of the year, or today), status_on, closed_in_year (the closing event's date in the year),
    solved_in_year, written_off_in_year, the record's texts (context … next_step, in `lang`, English fallback
    marked), areas (codes, ';'), expected_duration, filed_with, filed_reference, route, outcome, outcome_on,
    next_step_on, next_step_by. Ordered by code."""
    start, end = year_bounds(year, today)
    closed = sorted(CLOSED_STATUSES)
    texts = ", ".join(f"{localised(prefix, lang, 'b')} AS {prefix}" for prefix in BRIDGE_TEXTS)
    return store.query_df(
        f"""WITH at_end AS (
                SELECT bottleneck, status, date,
                       row_number() OVER (PARTITION BY bottleneck ORDER BY date DESC, seq DESC) AS rn
                FROM bottleneck_events WHERE date <= ?),
            before_start AS (
                SELECT bottleneck, status,
                       row_number() OVER (PARTITION BY bottleneck ORDER BY date DESC, seq DESC) AS rn
                FROM bottleneck_events WHERE date < ?),
            closing AS (
                SELECT bottleneck, max(date) AS date FROM bottleneck_events
                WHERE date BETWEEN ? AND ? AND status IN (SELECT unnest(?::VARCHAR[])) GROUP BY bottleneck)
            SELECT b.code, {localised('title', lang, 'b')} AS title, b.domain, b.side, b.severity, b.people_low,
                   b.people_high, b.owner_fi, b.owner_ee, b.identified_on,
                   coalesce(e.status, 'identified') AS status, coalesce(e.date, b.identified_on) AS status_on,
                   CASE WHEN e.status IN (SELECT unnest(?::VARCHAR[])) THEN c.date END AS closed_in_year,
                   coalesce(c.date IS NOT NULL AND e.status IN (SELECT unnest(?::VARCHAR[])), FALSE)
                       AS solved_in_year,
                   coalesce(c.date IS NOT NULL AND e.status = 'written_off', FALSE) AS written_off_in_year,
                   {texts}, b.areas, b.expected_duration, b.filed_with, b.filed_reference, b.route, b.outcome,
                   b.outcome_on, b.next_step_on, b.next_step_by
            FROM bottlenecks b
            LEFT JOIN at_end e ON e.bottleneck = b.code AND e.rn = 1
            LEFT JOIN before_start s ON s.bottleneck = b.code AND s.rn = 1
            LEFT JOIN closing c ON c.bottleneck = b.code
            WHERE b.identified_on <= ? AND (s.status IS NULL OR s.status NOT IN (SELECT unnest(?::VARCHAR[])))
            ORDER BY b.code""",
        [end, start, start, end, closed, closed, list(SOLVED_STATUSES), end, closed])


def reports_of_year(store: Store, year: int) -> dict[str, int]:
    """Public reports filed in `year` and how they were decided: received, accepted, duplicate, closed, open."""
    row = store.query(
        """SELECT count(*), count(*) FILTER (WHERE status = 'accepted'), count(*) FILTER (WHERE status = 'duplicate'),
                  count(*) FILTER (WHERE status = 'closed'),
                  count(*) FILTER (WHERE status IN ('new', 'clarification'))
           FROM reports WHERE year(submitted_at) = ?""", [year])[0]
    return dict(zip(("received", "accepted", "duplicate", "closed", "open"), (int(v) for v in row), strict=True))


# The Commission register's fields, in order (an interchange format: fixed English names, codes as codes).
COMMISSION_FIELDS = (
    "reporting_year", "obstacle_id", "title", "member_states", "areas", "domain", "context", "problem",
    "rationale", "impact", "expected_duration", "identified_on", "filed_with", "filed_reference", "route",
    "status", "outcome", "outcome_reasons", "outcome_on", "solved_in_reporting_year", "next_step", "next_step_on",
    "next_step_by",
)
MEMBER_STATES = {"FI": "FI", "EE": "EE", "both": "FI;EE"}


def commission_register(obstacles: pd.DataFrame, year: int) -> pd.DataFrame:
    """The register export for the Commission: one row per obstacle of the year, the regulation's fields."""
    frame = obstacles.assign(reporting_year=year, obstacle_id=obstacles["code"],
                             member_states=obstacles["side"].map(MEMBER_STATES),
                             solved_in_reporting_year=obstacles["solved_in_year"].astype(bool))
    for column in ("identified_on", "outcome_on", "next_step_on"):
        frame[column] = [None if pd.isna(v) else pd.Timestamp(v).date().isoformat() for v in frame[column]]
    return frame[list(COMMISSION_FIELDS)].reset_index(drop=True)


def reporting_years(store: Store, today: dt.date | None = None) -> list[int]:
    """The years a register or yearly report can be made for, newest first (from the first identification)."""
    today = today or dt.date.today()
    first = store.scalar("SELECT min(year(identified_on)) FROM bottlenecks")
    return list(range(today.year, int(first or today.year) - 1, -1))
