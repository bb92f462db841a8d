"""Periods as statistics offices write them, read into our period text plus a flag.

`2024`, `2024Q1`, `2024K1` (Finnish kvartaali / Estonian kvartal), `2024-Q1`, `2024 Q1`, `2024M12`, `2024M1`,
`2024-12`, ISO dates (`2024-12-31` → the month `2024-12`), Eurostat's `2024-A1`, years before 1900. A trailing
`*` (Statistics Finland's and Statistics Estonia's provisional mark, `2023*`) gives the flag "provisional"
instead of making the value unreadable. Our period text is `2024`, `2024-Q1` or `2024-12` (see
twinreg_data/periods.py, which keeps the stricter rules for the template).
"""

from __future__ import annotations

import re

MIN_YEAR = 1000
MAX_YEAR = 2200

_YEAR = re.compile(r"(\d{4})(?:-?A1?)?")
_QUARTER = re.compile(r"(\d{4})\s*[-/ ]?\s*[QqKk]([1-4])")
_MONTH = re.compile(r"(\d{4})\s*(?:M|-|/)\s*(\d{1,2})")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")
_PROVISIONAL_MARK = re.compile(r"\s*\*+\s*$")


def parse_stat_period(raw: object) -> tuple[str | None, str | None]:
    """(our period text or None, "provisional" or None) for a period as a statistics file writes it."""
    if raw is None or isinstance(raw, bool):
        return None, None
    if isinstance(raw, float):
        if raw != raw or not raw.is_integer():
            return None, None
        raw = int(raw)
    text = str(raw).strip()
    flag = None
    if _PROVISIONAL_MARK.search(text):
        text = _PROVISIONAL_MARK.sub("", text)
        flag = "provisional"
    period = _period(text)
    return (period, flag) if period else (None, None)


def _year_ok(year: str) -> bool:
    return MIN_YEAR <= int(year) <= MAX_YEAR


def _period(text: str) -> str | None:
    if m := _YEAR.fullmatch(text):
        return m.group(1) if _year_ok(m.group(1)) else None
    if m := _QUARTER.fullmatch(text):
        return f"{m.group(1)}-Q{m.group(2)}" if _year_ok(m.group(1)) else None
    if m := _DATE.fullmatch(text):
        year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        return f"{year}-{month:02d}" if _year_ok(year) and 1 <= month <= 12 and 1 <= day <= 31 else None
    if m := _MONTH.fullmatch(text):
        year, month = m.group(1), int(m.group(2))
        return f"{year}-{month:02d}" if _year_ok(year) and 1 <= month <= 12 else None
    return None


def px_timeval_period(code: str, unit: str) -> str | None:
    """A PX TIMEVAL value (`TLIST(A1)` "2024", `TLIST(Q1)` "20241", `TLIST(M1)` "202412") as our period text."""
    code = code.strip()
    if unit == "A1" and re.fullmatch(r"\d{4}", code):
        return code
    if unit == "Q1" and re.fullmatch(r"\d{4}[1-4]", code):
        return f"{code[:4]}-Q{code[4]}"
    if unit == "M1" and re.fullmatch(r"\d{4}(0[1-9]|1[0-2])", code):
        return f"{code[:4]}-{code[4:]}"
    return parse_stat_period(code)[0]
