"""Downloads of exactly the data a view shows: CSV and XLSX, safe to open in Excel.

A cell that starts with = + - @, a tab, CR or LF could run as a formula in a
spreadsheet program (CSV/formula injection), so such text gets a leading apostrophe.
"""

from __future__ import annotations

import io

import pandas as pd

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def escape_formula(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells can no longer be read as formulas; numbers and dates unchanged."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(escape_formula).astype(object)
    out.columns = [str(escape_formula(str(c))) for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel opens Finnish and Estonian letters correctly."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xl:
        safe_frame(frame).to_excel(xl, sheet_name=sheet[:31], index=False)
        xl.sheets[sheet[:31]].freeze_panes(1, 0)
    return buffer.getvalue()
