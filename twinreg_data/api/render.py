"""The API's answers as bytes: JSON (data and meta), CSV, and the validators (ETag, Last-Modified) of each."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import hashlib
import io
import json
import math
from typing import Any

import numpy as np
import pandas as pd

LIST_SEPARATOR = ";"  # a list in a CSV cell, as in the workbooks (bottlenecks "BN-001;BN-002")


def plain(value: Any) -> Any:
    """A value of a read model as JSON has it: dates as YYYY-MM-DD (a time of day as ISO 8601 UTC), numpy scalars
    as numbers, NaN and NaT as null, arrays as lists."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        if pd.isna(value):
            return None
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.strftime("%Y-%m-%d")
        return value.replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.ndarray | list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):  # a part of a read model (the obstacle record)
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, np.bool_ | bool):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        return None if math.isnan(value) else float(value)
    if value is pd.NaT or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    return value


def _column(values: pd.Series) -> list[Any]:
    """A column's values as `plain` makes them, whole columns at once where the type allows (10⁴ rows per page)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return [plain(v) for v in values]
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_integer_dtype(values) and not values.isna().any():
        return values.astype(object).tolist()
    if pd.api.types.is_float_dtype(values):
        return values.astype(object).where(values.notna(), None).tolist()
    return [plain(v) for v in values]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a read model's frame as JSON objects."""
    columns = list(frame.columns)
    converted = [_column(frame[column]) for column in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*converted, strict=True)] if columns else []


def json_bytes(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def csv_bytes(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    """Rows (already plain) as CSV with a header; a list becomes one cell joined with ';'. The values are written
    as they are (like the open data package), not escaped for spreadsheets."""
    def cell(value: Any) -> Any:
        if isinstance(value, list):
            return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False)
        return value

    frame = pd.DataFrame([[cell(row.get(c)) for c in columns] for row in rows], columns=columns)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8")


def etag(stamp: str | None, day: dt.date, *parts: str) -> str:
    """A strong ETag of one representation: the data stamp, the day (ages and overdue actions count to today) and
    what was asked (path, query, format)."""
    digest = hashlib.sha256("\x1f".join([stamp or "-", day.isoformat(), *parts]).encode("utf-8")).hexdigest()
    return f'"{digest[:32]}"'


def http_date(moment: dt.datetime) -> str:
    return email.utils.format_datetime(moment.replace(tzinfo=dt.UTC, microsecond=0), usegmt=True)


def parse_http_date(text: str) -> dt.datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed.astimezone(dt.UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def not_modified(if_none_match: str | None, if_modified_since: str | None, tag: str,
                 last_modified: dt.datetime) -> bool:
    """Whether the client's copy is current (RFC 9110 13.1): If-None-Match decides when given, else
    If-Modified-Since (to the second)."""
    if if_none_match is not None:
        given = [part.strip() for part in if_none_match.split(",")]
        return "*" in given or any(g.removeprefix("W/") == tag for g in given)
    if if_modified_since is not None:
        since = parse_http_date(if_modified_since)
        return since is not None and last_modified.replace(microsecond=0) <= since
    return False
