"""Per-value converters of the import: a cell's value to its column's type, or what was expected instead.

Each returns (converted, None) or (None, Expected); validation maps them over the distinct values of a
column, so a 200,000-row sheet converts each code, date or number once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable

import numpy as np
import pandas as pd

from ..i18n import N_
from ..schema import Column
from .problems import Expected, message_param

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
EXCEL_EPOCH = dt.date(1899, 12, 30)
# C0 and C1 control characters (tab and line breaks aside), and the invisible marks that change the
# direction of text (LRM, RLM, ALM, embeddings, overrides, isolates): they can make text display other than it is.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NUMBER_TEXT = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def to_text(value: object, col: Column) -> tuple[object, Expected | None]:
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if CONTROL_CHARACTERS.search(text):
        return None, Expected(N_("text without control characters or hidden direction marks"))
    if len(text) > col.max_length:
        return None, Expected(N_("at most {max} characters (found {found})"),
                              {"max": col.max_length, "found": len(text)})
    if col.pattern and not re.fullmatch(col.pattern, text):
        if col.help:
            return None, Expected(N_("{help}"), {"help": message_param(col.help)})
        return None, Expected(N_("text matching {pattern}"), {"pattern": col.pattern})
    return text, None


def to_float(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        f = float(value)
        return f if math.isfinite(f) else None
    if isinstance(value, str):
        text = (
            value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "")
            .replace("\u2212", "-")
        )
        if not _NUMBER_TEXT.fullmatch(text):
            return None
        f = float(text.replace(",", "."))
        return f if math.isfinite(f) else None
    return None


_EXPECTED_DATE = Expected(N_("a date such as 2024-03-31 (between {min} and {max})"),
                          {"min": MIN_DATE.isoformat(), "max": MAX_DATE.isoformat()})


def to_date(value: object) -> tuple[object, Expected | None]:
    expected = _EXPECTED_DATE
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        serial = float(value)
        if not serial.is_integer() or serial < 1 or serial > (MAX_DATE - EXCEL_EPOCH).days:
            return None, expected
        if serial == 60:  # Excel's fictitious 1900-02-29
            return None, Expected(N_("a real date: Excel serial 60 is the non-existent 29 February 1900"))
        # Serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never was (serial 60), so serials
        # before it are one day further from the 1899-12-30 epoch than those after it.
        day = EXCEL_EPOCH + dt.timedelta(days=int(serial) + (1 if serial < 60 else 0))
    elif isinstance(value, str):
        text = value.strip()
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?", text) or None
        parts = None
        if m:
            parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif m2 := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):  # Finnish / Estonian 31.3.2024
            parts = (int(m2.group(3)), int(m2.group(2)), int(m2.group(1)))
        if parts is None:
            return None, expected
        try:
            day = dt.date(*parts)
        except ValueError:
            return None, Expected(N_("a date that exists in the calendar"))
    else:
        return None, expected
    if not MIN_DATE <= day <= MAX_DATE:
        return None, expected
    return day, None


def numbers_of(series: pd.Series, present: np.ndarray) -> pd.Series:
    """float64 per cell, NaN where the cell is no finite number. Booleans (TRUE/FALSE cells) are not numbers."""
    if series.dtype.kind == "f":
        values = series.astype("float64")
    else:
        codes, uniques = pd.factorize(series.to_numpy(dtype=object))
        # One conversion per distinct value: numbers as they are, text such as "1 234,5" parsed.
        converted = np.array([to_float(u) if u is not None else np.nan for u in uniques] + [np.nan],
                             dtype="float64")
        values = pd.Series(converted[codes], index=series.index)
    values = values.where(np.isfinite(values.to_numpy()))
    return values.where(present)


def map_unique(series: pd.Series, fn: Callable[[object], tuple[object, Expected | None]]
                ) -> tuple[pd.Series, pd.Series]:
    """Apply fn once per distinct value; return converted values and the Expected per row (None if ok)."""
    values = series.to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    results = [fn(u) for u in uniques]
    conv = np.empty(len(uniques) + 1, dtype=object)
    errs = np.empty(len(uniques) + 1, dtype=object)
    conv[: len(uniques)] = [r[0] for r in results]
    errs[: len(uniques)] = [r[1] for r in results]
    conv[-1], errs[-1] = fn(None)  # code -1 (missing) → last slot
    return (pd.Series(conv[codes], index=series.index, dtype=object),
            pd.Series(errs[codes], index=series.index, dtype=object))
