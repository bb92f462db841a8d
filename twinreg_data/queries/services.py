"""Read models of the Services page: the cross-border public services catalogue.

The global domains narrow the catalogue. Side and period do not: every service is assessed across the
border as it stands today. Page-local choices (availability, channel, a search text) narrow it further.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..filters import Filters
from ..schema import AVAILABILITY
from ..store import Store
from .common import domain_clause, every_language, localised, localised_texts

# Channels a visitor can pick; a service offered "both" ways matches either of them.
CHANNEL_CHOICES: tuple[str, ...] = ("digital", "in_person")


def valid_availability(values: Iterable[str]) -> tuple[str, ...]:
    """The known availability codes among `values` (e.g. from a link), in catalogue order."""
    chosen = set(values)
    return tuple(a for a in AVAILABILITY if a in chosen)


def valid_channel(value: str | None) -> str:
    """A channel a visitor can pick, or "" (every channel) for anything else."""
    return value if value in CHANNEL_CHOICES else ""


def _where(filters: Filters, availability: Iterable[str], channel: str, search: str) -> tuple[str, list]:
    clause, params = domain_clause(filters, "s.domain")
    conditions = [clause]
    chosen = valid_availability(availability)
    if chosen:
        conditions.append("s.availability IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(chosen))
    channel = valid_channel(channel)
    if channel:
        conditions.append("s.channel IN (?, 'both')")
        params.append(channel)
    search = (search or "").strip()
    if search:
        # strpos, not LIKE: a % or _ typed by the visitor is matched literally.
        conditions.append(
            f"strpos(lower(concat_ws(' ', s.code, {every_language('name_en', 's')}, "
            f"{every_language('provider_fi', 's')}, {every_language('provider_ee', 's')})), lower(?)) > 0"
        )
        params.append(search)
    return " AND ".join(conditions), params


def catalogue(store: Store, filters: Filters, availability: tuple[str, ...] = (), channel: str = "",
              search: str = "") -> pd.DataFrame:
    """One row per service: code, domain, name (chosen language), availability, channel, languages (codes),
    provider_fi, provider_ee, linked bottlenecks (codes, titles in the chosen language, current statuses,
    as aligned lists) and url. Ordered by code."""
    where, params = _where(filters, availability, channel, search)
    name = localised("name", filters.lang, "s")
    title = localised("title", filters.lang, "b")
    sql = f"""
        SELECT s.code, s.domain, {name} AS name, s.availability, s.channel,
               [trim(x) FOR x IN string_split(coalesce(s.languages, ''), ';') IF trim(x) <> ''] AS languages,
               {localised_texts(('provider_fi', 'provider_ee', 'note'), filters.lang, 's')},
               coalesce(list(l.bottleneck ORDER BY l.pos) FILTER (WHERE l.bottleneck IS NOT NULL), [])
                   AS bottleneck_codes,
               coalesce(list(coalesce({title}, '') ORDER BY l.pos) FILTER (WHERE l.bottleneck IS NOT NULL), [])
                   AS bottleneck_titles,
               coalesce(list(coalesce(b.status, '') ORDER BY l.pos) FILTER (WHERE l.bottleneck IS NOT NULL), [])
                   AS bottleneck_statuses,
               s.url
        FROM services s
        LEFT JOIN service_bottlenecks l ON l.service = s.code
        LEFT JOIN bottleneck_current b ON b.code = l.bottleneck
        WHERE {where}
        GROUP BY ALL
        ORDER BY s.code
    """
    return store.query_df(sql, params)


def availability_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Services per (domain, availability) among catalogue `rows`: columns domain, availability, services.

    Counted from the rows the page lists, so the chart always agrees with the table under it (and the database is
    asked once).
    """
    counts = rows.groupby(["domain", "availability"], sort=True).size()
    return counts.rename("services").reset_index().astype({"services": "int64"})


def has_services(store: Store) -> bool:
    return bool(store.scalar("SELECT count(*) FROM services"))

