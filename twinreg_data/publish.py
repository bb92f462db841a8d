"""The monitor's public data as an open data package (Frictionless Data Package), for any web server.

`python -m twinreg_data publish DIR` and the app's "download all data" write the same package: a
`datapackage.json` (title, description, licence, sources, and per resource its schema, primary and foreign keys,
sources and "data as of"), one CSV and one Parquet file per public table, and the indicators as a JSON-stat 2.0
collection. Only the tables declared in `schema.py` and their link tables go out: accounts, sign-in attempts,
the audit log, import history, replaced rows, recipes and aliases never do, nor the internal `import_id`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .i18n import t
from .schema import LINK_TABLES, TABLES, Table
from .store import Store

PACKAGE_NAME = "twinreg-monitor"
FLAG_STATUS = {"estimate": "e", "provisional": "p", "break": "b"}  # our flags → JSON-stat status (Eurostat's)
_FIELD_TYPES = {"int": "integer", "float": "number", "date": "date"}
_SQL_FIELD_TYPES = {"DATE": "date", "BIGINT": "integer", "DOUBLE": "number"}
# What may leave the database: the tables declared in schema.py and their link tables (the package, the read API).
PUBLIC_TABLES: frozenset[str] = frozenset([t.name for t in TABLES] + [link.name for link in LINK_TABLES])


@dataclass(frozen=True)
class Licence:
    name: str = "CC-BY-4.0"
    title: str = "Creative Commons Attribution 4.0"
    path: str = "https://creativecommons.org/licenses/by/4.0/"


def _data_as_of(store: Store, table: str) -> str | None:
    """When the newest import that still holds rows of `table` was made (UTC, ISO 8601)."""
    row = store.query(f'SELECT max(uploaded_at) FROM imports WHERE id IN (SELECT DISTINCT import_id FROM "{table}")')
    return None if not row or row[0][0] is None else row[0][0].replace(microsecond=0).isoformat() + "Z"


def _fields(table: Table) -> list[dict[str, Any]]:
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {"name": column.name, "type": _FIELD_TYPES.get(column.kind, "string")}
        if column.help is not None:
            field["description"] = t(column.help, "en")
        constraints: dict[str, Any] = {}
        if column.required or column.name in table.key:
            constraints["required"] = True
        if column.kind == "enum" and column.choices:
            constraints["enum"] = list(column.choices)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    for name, sql_type in table.derived:
        fields.append({"name": name, "type": _SQL_FIELD_TYPES.get(sql_type, "string"),
                       "description": "Derived: the first day of the period"})
    return fields


def _foreign_keys(table: Table) -> list[dict[str, Any]]:
    return [{"fields": c.name, "reference": {"resource": "" if c.ref == table.name else c.ref, "fields": "code"}}
            for c in table.columns if c.kind == "ref" and c.ref]


def _sources(frame: pd.DataFrame) -> list[dict[str, str]]:
    column = "source" if "source" in frame else None
    if column is None:
        return [{"title": "TwinReg cooperation (Helsinki-Uusimaa Regional Council, Harju County)"}]
    return [{"title": s} for s in sorted({str(v) for v in frame[column].dropna() if str(v).strip()})]


def _frame(store: Store, table: Table) -> pd.DataFrame:
    columns = ", ".join(f'"{c}"' for c in table.column_names + [d[0] for d in table.derived])
    order = ", ".join(f'"{k}"' for k in table.key)
    return store.query_df(f'SELECT {columns} FROM "{table.name}" ORDER BY {order}')


def _write_table(frame: pd.DataFrame, folder: Path, name: str) -> None:
    frame.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8", date_format="%Y-%m-%d")
    # Dates stay dates in Parquet (pandas reads DuckDB's DATE as a timestamp).
    dates = {c: frame[c].map(lambda v: None if pd.isna(v) else v.date()) for c in frame
             if pd.api.types.is_datetime64_any_dtype(frame[c])}
    frame.assign(**dates).to_parquet(folder / f"{name}.parquet", index=False)


def jsonstat_dataset(label: str, source: str | None, code: str, unit: str, rows: pd.DataFrame,
                     area_names: dict[str, str]) -> dict[str, Any]:
    """One indicator's observations `rows` (area, period, value, flag) as a JSON-stat 2.0 dataset (area × period),
    flags as status; the read API serves the same shape for one indicator."""
    areas, periods = sorted(rows["area"].unique()), sorted(rows["period"].unique())
    index = {(a, p): i * len(periods) + j for i, a in enumerate(areas) for j, p in enumerate(periods)}
    values: list[float | None] = [None] * (len(areas) * len(periods))
    status: dict[str, str] = {}
    for row in rows.itertuples():
        position = index[(row.area, row.period)]
        values[position] = None if pd.isna(row.value) else float(row.value)
        if isinstance(row.flag, str) and row.flag in FLAG_STATUS:
            status[str(position)] = FLAG_STATUS[row.flag]
    dataset: dict[str, Any] = {
        "class": "dataset", "label": label, "source": source,
        "id": ["area", "period"], "size": [len(areas), len(periods)], "role": {"geo": ["area"], "time": ["period"]},
        "dimension": {
            "area": {"label": "Area", "category": {"index": areas, "label": {a: area_names.get(a, a) for a in areas}}},
            "period": {"label": "Period", "category": {"index": periods}},
        },
        "value": values, "extension": {"indicator": code, "unit": unit},
    }
    if status:
        dataset["status"] = status
    return dataset


def indicators_jsonstat(store: Store) -> dict[str, Any]:
    """Every indicator as a JSON-stat 2.0 dataset (area × period), in one collection; flags as status."""
    indicators = store.query_df("SELECT code, name_en, unit, source FROM indicators ORDER BY code")
    observations = store.query_df("SELECT indicator, area, period, value, flag FROM observations "
                                  "ORDER BY indicator, area, period")
    names = dict(store.query("SELECT code, name_en FROM areas"))
    items = [jsonstat_dataset(indicator.name_en, indicator.source, indicator.code, indicator.unit,
                              observations[observations["indicator"] == indicator.code], names)
             for indicator in indicators.itertuples()]
    return {"version": "2.0", "class": "collection", "label": "TwinReg Monitor indicators",
            "updated": dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z",
            "link": {"item": items}}


def publish(store: Store, folder: str | Path, licence: Licence | None = None) -> Path:
    """Write the package into `folder` (created; must be empty if it exists); the path of datapackage.json."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty")
    folder.mkdir(parents=True, exist_ok=True)
    licence = licence or Licence()
    resources = []
    for table in TABLES:
        frame = _frame(store, table)
        _write_table(frame, folder, table.name)
        schema: dict[str, Any] = {"fields": _fields(table), "primaryKey": list(table.key)}
        if keys := _foreign_keys(table):
            schema["foreignKeys"] = keys
        resources.append({"name": table.name, "path": f"{table.name}.csv", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "title": table.name.replace("_", " ").capitalize(),
                          "description": t(table.help, "en") if table.help is not None else "",
                          "schema": schema, "sources": _sources(frame), "data_as_of": _data_as_of(store, table.name),
                          "parquet": f"{table.name}.parquet"})
    for link in LINK_TABLES:
        frame = store.query_df(f'SELECT "{link.owner}", "{link.target}" FROM "{link.name}" ORDER BY 1, 2')
        _write_table(frame, folder, link.name)
        resources.append({
            "name": link.name, "path": f"{link.name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "description": f"Links from {link.table} to {link.target}s (from the "
                                                f"'{link.column}' column of {link.table}).",
            "schema": {"fields": [{"name": link.owner, "type": "string", "constraints": {"required": True}},
                                  {"name": link.target, "type": "string", "constraints": {"required": True}}],
                       "primaryKey": [link.owner, link.target]},
            "data_as_of": _data_as_of(store, link.table), "parquet": f"{link.name}.parquet"})
    (folder / "indicators.jsonstat.json").write_text(json.dumps(indicators_jsonstat(store), ensure_ascii=False),
                                                     encoding="utf-8")
    package = {
        "name": PACKAGE_NAME, "title": "TwinReg Monitor: cross-border bottlenecks, services and indicators",
        "description": "The public data of TwinReg Monitor, the dashboard of the Helsinki-Uusimaa and Harju County "
                       "cross-border cooperation: bottlenecks for people who live, work, study or run a business "
                       "across the Gulf of Finland, services, actions, indicators and mobility. Each table is also "
                       "given as Parquet (the resource's 'parquet' file); indicators.jsonstat.json holds the "
                       "indicators as JSON-stat 2.0.",
        "licenses": [{"name": licence.name, "title": licence.title, "path": licence.path}],
        "sources": [{"title": "TwinReg cooperation (Helsinki-Uusimaa Regional Council, Harju County)"}],
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z",
        "resources": resources,
    }
    path = folder / "datapackage.json"
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def package_zip(store: Store, licence: Licence | None = None) -> bytes:
    """The same package as one zip (the app's "download all data")."""
    with tempfile.TemporaryDirectory(prefix="twinreg-publish-") as work:
        folder = Path(work) / PACKAGE_NAME
        publish(store, folder, licence)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(folder.iterdir()):
                archive.write(file, f"{PACKAGE_NAME}/{file.name}")
        shutil.rmtree(folder, ignore_errors=True)
    return buffer.getvalue()
