"""Read models of the public reports: the form's choices, the reporter's follow page (no personal data), the
editors' triage queue and the overdue count of the Data page and the Overview."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..reports import token_hash
from ..schema import OPEN_REPORT_STATUSES
from ..store import Store
from .common import area_label, localised


def area_choices(store: Store, lang: str) -> pd.DataFrame:
    """code, label of the areas a reporter may pick (municipalities first within each country, then regions)."""
    return store.query_df(
        f"""SELECT code, {area_label(lang)} AS label FROM areas a
            ORDER BY country DESC, CASE level WHEN 'country' THEN 0 WHEN 'nuts2' THEN 1 WHEN 'nuts3' THEN 2 ELSE 3 END,
                     label""")


@dataclass(frozen=True)
class CaseView:
    """A case as its reporter sees it through the follow link: status, decision and steps, no personal data."""

    case_number: str
    submitted_on: dt.date
    due_on: dt.date
    status: str
    domain: str | None
    close_reason: str | None
    bottleneck: str | None
    bottleneck_title: str | None
    bottleneck_status: str | None
    erased: bool
    steps: pd.DataFrame  # happened_at, step, message — oldest first

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REPORT_STATUSES


def case_view(store: Store, token: str, lang: str) -> CaseView | None:
    """The case whose follow token this is; None for any other text (the token is never stored, only its hash)."""
    if not token or len(token) > 100:
        return None
    with store.cursor() as cur:
        row = cur.execute(
            f"""SELECT r.case_number, CAST(r.submitted_at AS DATE), r.due_on, r.status, r.domain, r.close_reason,
                       r.bottleneck, {localised('title', lang, 'b')}, b.status, r.erased_at IS NOT NULL
                FROM reports r LEFT JOIN bottleneck_current b ON b.code = r.bottleneck
                WHERE r.token_hash = ?""", [token_hash(token)]).fetchone()
        if row is None:
            return None
        steps = cur.execute("SELECT happened_at, step, message FROM report_steps WHERE case_number = ? ORDER BY seq",
                            [row[0]]).df()
    return CaseView(*row, steps=steps)


def queue(store: Store, today: dt.date | None = None) -> pd.DataFrame:
    """The open cases, oldest deadline first: case_number, submitted_at, due_on, days_left, overdue, status, domain,
    area, place, what, lang."""
    today = today or dt.date.today()
    return store.query_df(
        """SELECT case_number, submitted_at, due_on, date_diff('day', ?::DATE, due_on) AS days_left,
                  ?::DATE > due_on AS overdue, status, domain, area, place, what, lang
           FROM reports WHERE status IN (SELECT unnest(?::VARCHAR[])) ORDER BY due_on, case_number""",
        [today, today, list(OPEN_REPORT_STATUSES)])


def decided(store: Store, limit: int = 50) -> pd.DataFrame:
    """The latest decided cases: case_number, submitted_at, decided_at, status, bottleneck, close_reason."""
    return store.query_df(
        """SELECT case_number, submitted_at, decided_at, status, bottleneck, close_reason FROM reports
           WHERE decided_at IS NOT NULL ORDER BY decided_at DESC, case_number DESC LIMIT ?""", [limit])


def case_for_editor(store: Store, case_number: str) -> dict | None:
    """Every field of one case (contact included: editors only) and its steps under "steps"."""
    with store.cursor() as cur:
        frame = cur.execute("SELECT * EXCLUDE (token_hash, client_key) FROM reports WHERE case_number = ?",
                            [case_number]).df()
        if frame.empty:
            return None
        case = frame.iloc[0].to_dict()
        case["steps"] = cur.execute("SELECT happened_at, step, message, by_role FROM report_steps "
                                    "WHERE case_number = ? ORDER BY seq", [case_number]).df()
    return case


def overdue_count(store: Store, today: dt.date | None = None) -> int:
    """Open cases whose two-month assessment clock has run out."""
    today = today or dt.date.today()
    return int(store.scalar("SELECT count(*) FROM reports WHERE status IN (SELECT unnest(?::VARCHAR[])) "
                            "AND due_on < ?", [list(OPEN_REPORT_STATUSES), today]) or 0)


def bottleneck_choices(store: Store, lang: str) -> pd.DataFrame:
    """code, title of every bottleneck, for linking a report to a known one."""
    return store.query_df(f"SELECT code, {localised('title', lang)} AS title FROM bottlenecks ORDER BY code")
