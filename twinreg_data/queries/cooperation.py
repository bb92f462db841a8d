"""Read models of the Cooperation page: the WP3 action plan and the benchmark of other cross-border regions.

Actions follow the period (those whose start–due span overlaps the selected years; when the period reaches
the current year, later planned actions too) and the domains (those linked to at least one bottleneck of a
selected domain; every action when no domain is selected). Side of the border does not apply: actions are
joint. The benchmark is reference material and follows no filter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..filters import Filters, max_year
from ..store import Store
from .common import localised, localised_texts, rows_where

# Statuses that end an action: such an action is never overdue.
FINISHED_STATUSES: tuple[str, ...] = ("done", "cancelled")
# The twin region's own earlier body, highlighted among the benchmark regions.
OWN_REGION = "HT_EUREGIO"


def open_ended(filters: Filters) -> bool:
    """True when the period reaches the current year: the plan's later actions are then included too.

    The period control ends at the current year, so without this a plan's future actions could never be seen.
    """
    return filters.year_to >= max_year()


def _where(filters: Filters) -> tuple[str, list]:
    conditions = ["a.due >= ?"]
    params: list = [filters.date_from]
    if not open_ended(filters):
        conditions.append("a.start <= ?")
        params.append(filters.date_to)
    if filters.domains:
        conditions.append(
            "EXISTS (SELECT 1 FROM action_bottlenecks l JOIN bottlenecks b ON b.code = l.bottleneck "
            "WHERE l.action = a.code AND b.domain IN (SELECT unnest(?::VARCHAR[])))"
        )
        params.append(list(filters.domains))
    return " AND ".join(conditions), params


def _overdue_sql() -> str:
    return "(a.due < ? AND a.status NOT IN (SELECT unnest(?::VARCHAR[])))"


def actions_of_domains(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Narrowing of `actions` (asked for every domain): the actions linked to a bottleneck of the selected domains
    (every action when none is selected)."""
    if not filters.domains:
        return frame
    wanted = set(filters.domains)
    linked = [not wanted.isdisjoint(domains) for domains in frame["bottleneck_domains"].tolist()]
    return rows_where(frame, np.asarray(linked, dtype=bool))


def actions(store: Store, filters: Filters, today: dt.date | None = None) -> pd.DataFrame:
    """Actions in the selection, by work package, start and code: code, work_package, title (chosen language),
    lead, partners, level, start, due, status, completed_on, overdue (due before `today` and neither done nor
    cancelled), linked bottlenecks (codes and titles in the chosen language, as aligned lists, and the distinct
    domains of those that exist: actions_of_domains narrows the plan of every domain to any selection)."""
    today = today or dt.date.today()
    where, params = _where(filters)
    title = localised("title", filters.lang, "a")
    bottleneck_title = localised("title", filters.lang, "b")
    sql = f"""
        SELECT a.code, a.work_package, {title} AS title, {localised_texts(('lead', 'partners'), filters.lang, 'a')},
               a.level, a.start, a.due, a.status,
               a.completed_on, {_overdue_sql()} AS overdue,
               coalesce(list(l.bottleneck ORDER BY l.pos) FILTER (WHERE l.bottleneck IS NOT NULL), [])
                   AS bottleneck_codes,
               coalesce(list(coalesce({bottleneck_title}, '') ORDER BY l.pos) FILTER (WHERE l.bottleneck IS NOT NULL),
                        []) AS bottleneck_titles,
               list_sort(list_distinct(list(b.domain))) AS bottleneck_domains
        FROM actions a
        LEFT JOIN action_bottlenecks l ON l.action = a.code
        LEFT JOIN bottlenecks b ON b.code = l.bottleneck
        WHERE {where}
        GROUP BY ALL
        ORDER BY a.work_package, a.start, a.code
    """
    return store.query_df(sql, [today, list(FINISHED_STATUSES), *params])


@dataclass(frozen=True)
class ActionSummary:
    total: int
    done: int
    ongoing: int
    overdue: int


def summarise(actions: pd.DataFrame) -> ActionSummary:
    """Headline counts of listed `actions` (the frame of `actions()`): the cards always agree with the table."""
    return ActionSummary(total=len(actions), done=int((actions["status"] == "done").sum()),
                         ongoing=int((actions["status"] == "ongoing").sum()), overdue=int(actions["overdue"].sum()))


def action_summary(store: Store, filters: Filters, today: dt.date | None = None) -> ActionSummary:
    """Headline counts for the selection (for callers that do not list the actions themselves)."""
    return summarise(actions(store, filters, today))


def has_actions(store: Store) -> bool:
    return bool(store.scalar("SELECT count(*) FROM actions"))


def benchmark(store: Store) -> pd.DataFrame:
    """Every benchmark region, the twin region's own body first, then by founding year."""
    return store.query_df(
        "SELECT code, name, countries, legal_form, founded, population, area_km2, funding_model, bodies, lessons, "
        "source, code = ? AS own FROM regions_benchmark ORDER BY own DESC, founded NULLS LAST, name",
        [OWN_REGION],
    )


@dataclass(frozen=True)
class BenchmarkPatterns:
    """What the benchmark says in numbers: regions per legal form, founding years, the twin region's own body."""

    regions: int
    by_legal_form: tuple[tuple[str, int], ...]  # most frequent first
    founded_min: int | None
    founded_max: int | None
    founded_median: float | None
    own_name: str | None = None
    own_legal_form: str | None = None
    own_founded: int | None = None
    own_same_form: int = 0  # other regions with the own body's legal form


def benchmark_patterns(regions: pd.DataFrame) -> BenchmarkPatterns:
    """The patterns of the benchmark `regions` (the frame of `benchmark()`, a few dozen rows at most)."""
    forms = regions["legal_form"].value_counts(dropna=False)
    by_form = sorted(((str(form), int(n)) for form, n in forms.items()), key=lambda item: (-item[1], item[0]))
    founded = regions["founded"].dropna()
    patterns = BenchmarkPatterns(
        regions=len(regions),
        by_legal_form=tuple(by_form),
        founded_min=int(founded.min()) if len(founded) else None,
        founded_max=int(founded.max()) if len(founded) else None,
        founded_median=float(founded.median()) if len(founded) else None,
    )
    own = regions[regions["code"] == OWN_REGION]
    if own.empty:
        return patterns
    name, legal_form, founded_year = own.iloc[0][["name", "legal_form", "founded"]]
    same_form = int(((regions["legal_form"] == legal_form) & (regions["code"] != OWN_REGION)).sum())
    return replace(patterns, own_name=name, own_legal_form=legal_form,
                   own_founded=None if pd.isna(founded_year) else int(founded_year), own_same_form=same_form)
