"""Read models of the Bottlenecks page: the filtered register and the detail of one bottleneck."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from ..filters import Filters
from ..schema import BOTTLENECK_STATUSES, BOTTLENECKS, BRIDGE_TEXTS, CLOSED_STATUSES
from ..store import Store
from .common import (
    area_label,
    domain_clause,
    every_language,
    localised,
    localised_text,
    localised_texts,
    side_clause,
)
from .overview import stall_days

DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class RegisterFilter:
    """The page-local filters of the register; the defaults let every bottleneck through."""

    search: str = ""  # text in the code, title or description (chosen language, English fallback)
    statuses: tuple[str, ...] = ()  # empty: every status
    severity_min: int = 1
    severity_max: int = 5
    owner: str = ""  # text in the Finnish or the Estonian owner
    min_age_years: int = 0  # age (days open) of at least this many whole years


# The register's own filters in the link: ?q=tax&status=prioritised&status=in_progress&severity=3-5&owner=HSL&open_for=2
REGISTER_PARAMS = ("q", "status", "severity", "owner", "open_for")
MAX_TEXT = 200  # a longer search or owner text from a link is cut
MAX_OPEN_FOR = 50  # years, as the page's input allows


def register_filter_to_query(local: RegisterFilter) -> dict[str, list[str]]:
    """The link parameters of the register's own filters (each a list, as repeated parameters); defaults are left
    out, so an unfiltered register adds nothing to the link."""
    query: dict[str, list[str]] = {}
    if local.search.strip():
        query["q"] = [local.search.strip()]
    if local.statuses:
        query["status"] = [s for s in BOTTLENECK_STATUSES if s in local.statuses]
    if (local.severity_min, local.severity_max) != (1, 5):
        query["severity"] = [f"{local.severity_min}-{local.severity_max}"]
    if local.owner.strip():
        query["owner"] = [local.owner.strip()]
    if local.min_age_years:
        query["open_for"] = [str(local.min_age_years)]
    return query


def register_filter_from_query(params: dict[str, list[str]]) -> tuple[RegisterFilter, list[str]]:
    """The register's own filters from link parameters, and the names of those ignored as invalid (an unknown
    status, a severity outside 1–5 or reversed, a number of years that is not a whole number 0–50)."""
    ignored: list[str] = []

    def last(name: str) -> str:
        values = params.get(name) or []
        return str(values[-1]).strip() if values else ""

    statuses = tuple(s for s in BOTTLENECK_STATUSES if s in set(params.get("status") or []))
    if set(params.get("status") or []) - set(BOTTLENECK_STATUSES):
        ignored.append("status")
    severity_min, severity_max = 1, 5
    if text := last("severity"):
        low, _, high = text.partition("-")
        if low.isdigit() and high.isdigit() and 1 <= int(low) <= int(high) <= 5:
            severity_min, severity_max = int(low), int(high)
        else:
            ignored.append("severity")
    years = 0
    if text := last("open_for"):
        if text.isdigit() and int(text) <= MAX_OPEN_FOR:
            years = int(text)
        else:
            ignored.append("open_for")
    return RegisterFilter(search=last("q")[:MAX_TEXT], statuses=statuses, severity_min=severity_min,
                          severity_max=severity_max, owner=last("owner")[:MAX_TEXT], min_age_years=years), ignored


# The register's columns, in the order of its SELECT list (the figures and the tables rely on them).
REGISTER_COLUMNS = [
    "code", "title", "domain", "status", "severity", "side", "owner_fi", "owner_ee", "identified_on",
    "last_event_on", "age_days", "age_years", "days_since_event", "stalled", "people_low", "people_high",
]


def _age_sql(today_param: str = "?") -> str:
    """Days open: until today for an open bottleneck, until its closing event for a closed one."""
    return (f"date_diff('day', identified_on, CASE WHEN status IN (SELECT unnest(?::VARCHAR[])) "
            f"THEN last_event_on ELSE {today_param}::DATE END)")


def is_code(text: str | None) -> bool:
    """Whether `text` has the form of a bottleneck code (checked before any lookup of a code from a link)."""
    return bool(text) and re.fullmatch(BOTTLENECKS.column("code").pattern, text) is not None


def has_bottlenecks(store: Store) -> bool:
    return bool(store.scalar("SELECT count(*) FROM bottlenecks"))


def register(store: Store, filters: Filters, local: RegisterFilter | None = None,
             today: dt.date | None = None) -> pd.DataFrame:
    """The register rows the global and page-local filters let through, ordered by code.

    Period: bottlenecks identified on or before the end of the period and not closed before its start,
    i.e. those that were on the table at some time during the period. Ages count to `today`.
    """
    local = local or RegisterFilter()
    today = today or dt.date.today()
    closed = sorted(CLOSED_STATUSES)
    title = localised("title", filters.lang)
    description = localised("description", filters.lang)
    domains_sql, domain_params = domain_clause(filters)
    side_sql, side_params = side_clause(filters)
    where = [domains_sql, side_sql, "identified_on <= ?",
             "(status NOT IN (SELECT unnest(?::VARCHAR[])) OR last_event_on >= ?)"]
    params: list = [*domain_params, *side_params, filters.date_to, closed, filters.date_from]
    outer: list[str] = ["severity BETWEEN ? AND ?", "age_days >= ?"]
    outer_params: list = [local.severity_min, local.severity_max, local.min_age_years * DAYS_PER_YEAR]
    if local.search.strip():
        outer.append("(contains(lower(code), lower(?)) OR contains(lower(title), lower(?)) "
                     "OR contains(lower(coalesce(description, '')), lower(?)))")
        outer_params += [local.search.strip()] * 3
    if local.statuses:
        outer.append("status IN (SELECT unnest(?::VARCHAR[]))")
        outer_params.append([s for s in local.statuses if s in BOTTLENECK_STATUSES])
    owners = ""
    if local.owner.strip():
        # Any language of either owner: a link keeps the owner as it was typed, in whichever language.
        owners = f"{every_language('owner_fi')} || ' ' || {every_language('owner_ee')} AS owners_everywhere,"
        outer.append("contains(lower(owners_everywhere), lower(?))")
        outer_params.append(local.owner.strip())
    sql = f"""
        WITH rows AS (
            SELECT code, {title} AS title, {description} AS description, domain, status, severity, side,
                   {localised_texts(('owner_fi', 'owner_ee'), filters.lang)}, identified_on, last_event_on,
                   people_low, people_high, {_age_sql()} AS age_days,
                   {owners}
                   date_diff('day', last_event_on, ?::DATE) AS days_since_event,
                   status NOT IN (SELECT unnest(?::VARCHAR[])) AS is_open
            FROM bottleneck_current
            WHERE {' AND '.join(where)}
        )
        SELECT code, title, domain, status, severity, side, owner_fi, owner_ee, identified_on, last_event_on,
               age_days, age_days // {DAYS_PER_YEAR} AS age_years, days_since_event,
               is_open AND days_since_event > ? AS stalled, people_low, people_high
        FROM rows
        WHERE {' AND '.join(outer)}
        ORDER BY code"""
    return store.query_df(sql, [closed, today, today, closed, *params, stall_days(), *outer_params])


def open_rows(register: pd.DataFrame) -> pd.DataFrame:
    """Narrowing of register: the bottlenecks still open (the priority matrix's default)."""
    return register[~register["status"].isin(sorted(CLOSED_STATUSES))].reset_index(drop=True)


@dataclass(frozen=True)
class ObstacleRecord:
    """The obstacle record of Regulation (EU) 2025/925 (BRIDGEforEU): every part optional (older rows have none)."""

    texts: dict[str, str]  # prefix in BRIDGE_TEXTS → text in the chosen language (English fallback marked); filled only
    areas: list[tuple[str, str]]  # (code, name in the chosen language), in the order given
    expected_duration: str | None = None
    filed_with: str | None = None
    filed_reference: str | None = None
    route: str | None = None
    outcome: str | None = None
    outcome_on: dt.date | None = None
    next_step_on: dt.date | None = None
    next_step_by: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.texts and not self.areas and all(
            getattr(self, name) is None for name in ("expected_duration", "filed_with", "filed_reference", "route",
                                                     "outcome", "outcome_on", "next_step_on", "next_step_by"))


RECORD_FACTS = ("expected_duration", "filed_with", "filed_reference", "route", "outcome", "outcome_on",
                "next_step_on", "next_step_by")


def _record(cur, code: str, lang: str) -> ObstacleRecord:
    texts_sql = ", ".join(localised(prefix, lang) for prefix in BRIDGE_TEXTS)
    row = cur.execute(f"SELECT {texts_sql}, {', '.join(RECORD_FACTS)} FROM bottlenecks WHERE code = ?",
                      [code]).fetchone()
    texts = {prefix: text for prefix, text in zip(BRIDGE_TEXTS, row[:len(BRIDGE_TEXTS)], strict=True)
             if isinstance(text, str) and text.strip()}
    facts = dict(zip(RECORD_FACTS, row[len(BRIDGE_TEXTS):], strict=True))
    areas = cur.execute(f"""SELECT l.area, {area_label(lang)} FROM bottleneck_areas l JOIN areas a ON a.code = l.area
                            WHERE l.bottleneck = ? ORDER BY l.pos""", [code]).fetchall()
    return ObstacleRecord(texts, [(a, name) for a, name in areas], **facts)


@dataclass(frozen=True)
class BottleneckDetail:
    """Everything the detail view shows about one bottleneck (texts in the chosen language)."""

    code: str
    title: str
    description: str | None
    domain: str
    status: str
    severity: int
    side: str
    level: str
    source: str
    solution_type: str | None
    affected_groups: str | None
    people_low: int | None
    people_high: int | None
    people_source: str | None
    owner_fi: str | None
    owner_ee: str | None
    reference: str | None
    identified_on: dt.date
    last_event_on: dt.date
    age_days: int
    days_since_event: int
    is_open: bool
    stall_days: int
    events: pd.DataFrame  # date, seq, status, note, who — oldest first
    indicators: pd.DataFrame  # code, name, domain, unit
    services: pd.DataFrame  # code, name, domain, availability, channel
    actions: pd.DataFrame  # code, title, status, start, due, lead
    record: ObstacleRecord = ObstacleRecord({}, [])

    @property
    def stalled(self) -> bool:
        return self.is_open and self.days_since_event > self.stall_days


def detail(store: Store, code: str, lang: str, today: dt.date | None = None) -> BottleneckDetail | None:
    """One bottleneck with its status history and linked indicators, services and actions; None if unknown.

    The detail ignores the global filters on purpose: a link to a bottleneck opens it whatever the view.
    """
    today = today or dt.date.today()
    closed = sorted(CLOSED_STATUSES)
    with store.cursor() as cur:
        row = cur.execute(
            f"""SELECT code, {localised('title', lang)}, {localised('description', lang)}, domain, status,
                       severity, side, level, source, solution_type, {localised_text('affected_groups', lang)},
                       people_low, people_high, people_source, {localised_texts(('owner_fi', 'owner_ee'), lang)},
                       reference, identified_on, last_event_on,
                       {_age_sql()}, date_diff('day', last_event_on, ?::DATE),
                       status NOT IN (SELECT unnest(?::VARCHAR[]))
                FROM bottleneck_current WHERE code = ?""",
            [closed, today, today, closed, code],
        ).fetchone()
        if row is None:
            return None
        events = cur.execute(
            f"SELECT date, seq, status, {localised_texts(('note', 'who'), lang)} FROM bottleneck_events"
            " WHERE bottleneck = ? ORDER BY date, seq",
            [code],
        ).df()
        # The links as the import stored them (link tables); the importer checked that each code exists.
        indicators = cur.execute(
            f"""SELECT i.code, {localised('name', lang, 'i')} AS name, i.domain, i.unit
                FROM indicators i
                WHERE i.code IN (SELECT indicator FROM bottleneck_indicators WHERE bottleneck = ?)
                ORDER BY i.code""",
            [code],
        ).df()
        services = cur.execute(
            f"""SELECT code, {localised('name', lang)} AS name, domain, availability, channel
                FROM services
                WHERE code IN (SELECT service FROM service_bottlenecks WHERE bottleneck = ?)
                ORDER BY code""",
            [code],
        ).df()
        actions = cur.execute(
            f"""SELECT code, {localised('title', lang)} AS title, status, start, due,
                       {localised_text('lead', lang)} AS lead
                FROM actions
                WHERE code IN (SELECT action FROM action_bottlenecks WHERE bottleneck = ?)
                ORDER BY due, code""",
            [code],
        ).df()
        record = _record(cur, code, lang)
    return BottleneckDetail(
        *row[:19], int(row[19]), int(row[20]), bool(row[21]), stall_days(),
        events=events, indicators=indicators, services=services, actions=actions, record=record,
    )
