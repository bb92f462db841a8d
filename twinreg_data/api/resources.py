"""The endpoints of the read API and the read models each one answers from (the pages' own, twinreg_data.queries).

Each endpoint names the public tables it reads; they must be among what the open data package publishes
(publish.PUBLIC_TABLES), so accounts, sign-in attempts, the audit log and the import history never go out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..publish import PUBLIC_TABLES, jsonstat_dataset
from ..queries import bottlenecks, cooperation, indicators, services
from ..queries.common import rows_of_side
from ..store import Store
from .params import DEFAULT_LIMIT, FILTER_PARAMS, Problem, Query, not_found
from .render import plain, records

LIST_FORMATS = ("json", "csv")
PAGE_PARAMS = ("limit", "offset")


@dataclass(frozen=True)
class Answer:
    """What an endpoint found: `data` for JSON, `table` and `columns` for CSV, `total` for a paged list (rows in
    all pages), `jsonstat` for a JSON-stat dataset."""

    data: list[dict[str, Any]] | dict[str, Any]
    table: list[dict[str, Any]]
    columns: list[str]
    total: int | None = None
    jsonstat: dict[str, Any] | None = None


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str  # under the API prefix; {code} is the one path parameter
    summary: str
    description: str
    params: tuple[str, ...]
    read: Callable[[Store, Query], Answer]
    tables: tuple[str, ...]
    columns: tuple[str, ...]  # of each row of `data` (a list) or of the CSV (one item)
    formats: tuple[str, ...] = LIST_FORMATS
    daily: bool = False  # the answer also depends on today's date (ages, overdue)
    paged: bool = False


def _table(frame: pd.DataFrame) -> Answer:
    rows = records(frame)
    return Answer(data=rows, table=rows, columns=list(frame.columns))


def _indicator_list(store: Store, query: Query) -> Answer:
    return _table(indicators.indicator_choices(store, query.filters))


def _indicator_one(store: Store, query: Query) -> Answer:
    meta = indicators.indicator_meta(store, query.filters.language_only(), query.code)
    if meta is None:
        raise not_found("indicator", query.code)
    # As the page: the latest changes asked for both sides, then narrowed to the side in view.
    latest = rows_of_side(indicators.latest_changes(store, query.filters.period_only(), query.code), query.filters)
    rows = records(latest)
    item = {field.name: plain(getattr(meta, field.name)) for field in dataclasses.fields(meta)} | {"latest": rows}
    return Answer(data=item, table=rows, columns=list(latest.columns))


def _page(query: Query) -> tuple[int, int]:
    return query.values.get("limit", DEFAULT_LIMIT), query.values.get("offset", 0)


def _observations_of(store: Store, query: Query, codes: tuple[str, ...]) -> tuple[pd.DataFrame, int]:
    limit, offset = _page(query)
    frame = indicators.observations(store, query.filters, codes, limit, offset)
    return frame, indicators.observation_count(store, query.filters, codes)


def _indicator_observations(store: Store, query: Query) -> Answer:
    meta = indicators.indicator_meta(store, query.filters.language_only(), query.code)
    if meta is None:
        raise not_found("indicator", query.code)
    frame, total = _observations_of(store, query, (query.code,))
    rows = records(frame)
    names = dict(zip(frame["area"], frame["area_label"], strict=True))
    dataset = jsonstat_dataset(meta.name, meta.source, meta.code, meta.unit, frame, names)
    return Answer(data=rows, table=rows, columns=list(frame.columns), total=total, jsonstat=dataset)


def _observations(store: Store, query: Query) -> Answer:
    codes = query.values.get("indicator", ())
    unknown = sorted(set(codes) - set(indicators.known_indicators(store, codes)))
    if unknown:
        raise Problem(400, "Bad parameter", f"The parameter 'indicator' names unknown indicator codes: "
                      f"{', '.join(c[:50] for c in unknown[:10])}. The list is at /api/v1/indicators.",
                      "indicator", "indicator codes listed at /api/v1/indicators")
    frame, total = _observations_of(store, query, codes)
    rows = records(frame)
    return Answer(data=rows, table=rows, columns=list(frame.columns), total=total)


def _bottleneck_list(store: Store, query: Query) -> Answer:
    local = bottlenecks.RegisterFilter(search=query.values.get("q", ""), statuses=query.values.get("status", ()))
    return _table(bottlenecks.register(store, query.filters, local))


def _bottleneck_one(store: Store, query: Query) -> Answer:
    found = bottlenecks.detail(store, query.code, query.filters.lang) if bottlenecks.is_code(query.code) else None
    if found is None:
        raise not_found("bottleneck", query.code)
    item: dict[str, Any] = {}
    for field in dataclasses.fields(found):
        value = getattr(found, field.name)
        item[field.name] = records(value) if isinstance(value, pd.DataFrame) else plain(value)
    item["stalled"] = found.stalled
    # The CSV of one bottleneck is its status history.
    events = found.events.assign(bottleneck=found.code)[["bottleneck", *found.events.columns]]
    return Answer(data=item, table=records(events), columns=list(events.columns))


def _service_list(store: Store, query: Query) -> Answer:
    values = query.values
    return _table(services.catalogue(store, query.filters.domains_only(), values.get("availability", ()),
                                     values.get("channel", ""), values.get("q", "")))


def _action_list(store: Store, query: Query) -> Answer:
    return _table(cooperation.actions(store, query.filters))


def _benchmark(store: Store, query: Query) -> Answer:
    return _table(cooperation.benchmark(store))


OBSERVATION_COLUMNS = ("indicator", "area", "area_label", "country", "level", "period", "period_start", "value",
                       "value_low", "value_high", "flag", "note", "source")
ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("indicators", "/indicators", "Indicators",
             "The indicators of the chosen domains, as the Indicators page lists them, with how many observations "
             "each has on the chosen side in the period.",
             FILTER_PARAMS, _indicator_list, ("indicators", "observations", "areas"),
             ("code", "domain", "name", "observations")),
    Endpoint("indicator", "/indicators/{code}", "One indicator",
             "An indicator's definition, unit, polarity, source and its latest change per country (against the "
             "comparison period, with the verdict). CSV: the latest changes.",
             ("lang", "side", "from", "to"), _indicator_one, ("indicators", "observations", "areas"),
             ("code", "domain", "name", "unit", "polarity", "frequency", "source", "definition", "break_notes",
              "last_updated", "latest")),
    Endpoint("indicator_observations", "/indicators/{code}/observations", "Observations of one indicator",
             "Every observation of the indicator on the chosen side in the period (every area), by country, area "
             "and period; also as a JSON-stat 2.0 dataset (area × period, flags as status).",
             ("lang", "side", "from", "to", *PAGE_PARAMS), _indicator_observations,
             ("indicators", "observations", "areas"), OBSERVATION_COLUMNS, formats=("json", "csv", "jsonstat"),
             paged=True),
    Endpoint("observations", "/observations", "Observations",
             "Observations of the indicators of the chosen domains (or of the indicators named) on the chosen side "
             "in the period, by indicator, country, area and period.",
             (*FILTER_PARAMS, "indicator", *PAGE_PARAMS), _observations, ("indicators", "observations", "areas"),
             OBSERVATION_COLUMNS, paged=True),
    Endpoint("bottlenecks", "/bottlenecks", "Bottlenecks",
             "The bottleneck register as the Bottlenecks page filters it: the chosen domains and side, on the table "
             "at some time in the period; ages count to today.",
             (*FILTER_PARAMS, "status", "q"), _bottleneck_list, ("bottlenecks", "bottleneck_events"),
             tuple(bottlenecks.REGISTER_COLUMNS), daily=True),
    Endpoint("bottleneck", "/bottlenecks/{code}", "One bottleneck with its status history",
             "One bottleneck: texts in the chosen language, owners, its status history (events, oldest first) and "
             "the indicators, services and actions linked to it. CSV: the status history.",
             ("lang",), _bottleneck_one,
             ("bottlenecks", "bottleneck_events", "bottleneck_indicators", "indicators", "services",
              "service_bottlenecks", "actions", "action_bottlenecks", "bottleneck_areas", "areas"),
             (*(f.name for f in dataclasses.fields(bottlenecks.BottleneckDetail)), "stalled"), daily=True),
    Endpoint("services", "/services", "Cross-border services",
             "The services catalogue of the chosen domains (side and period do not apply: every service is "
             "assessed as it stands today), narrowed by availability, channel and a search text as on the page.",
             ("lang", "domain", "availability", "channel", "q"), _service_list,
             ("services", "service_bottlenecks", "bottlenecks", "bottleneck_events"),
             ("code", "domain", "name", "availability", "channel", "languages", "provider_fi", "provider_ee",
              "bottleneck_codes", "bottleneck_titles", "bottleneck_statuses", "url", "note")),
    Endpoint("actions", "/actions", "Actions of the cooperation plan",
             "The actions whose start–due span overlaps the period (later planned ones too when the period reaches "
             "this year), linked to bottlenecks of the chosen domains; overdue counts to today.",
             ("lang", "domain", "from", "to"), _action_list, ("actions", "action_bottlenecks", "bottlenecks"),
             ("code", "work_package", "title", "lead", "partners", "level", "start", "due", "status", "completed_on",
              "overdue", "bottleneck_codes", "bottleneck_titles", "bottleneck_domains"), daily=True),
    Endpoint("benchmark", "/benchmark", "Benchmark of cross-border regions",
             "Other cross-border regions for comparison, the twin region's own body first (`own`).",
             (), _benchmark, ("regions_benchmark",),
             ("code", "name", "countries", "legal_form", "founded", "population", "area_km2", "funding_model",
              "bodies", "lessons", "source", "own")),
)

_internal = {table for endpoint in ENDPOINTS for table in endpoint.tables} - PUBLIC_TABLES
if _internal:  # caught by any import, so by every test run
    raise RuntimeError(f"the read API would serve tables that are not public: {sorted(_internal)}")
