"""Periods as users write them (`2019`, `2019-Q3`, `2019-07`, Excel dates) and as we store them."""

from __future__ import annotations

import datetime as dt
import re

MIN_YEAR = 1900
MAX_YEAR = 2100

_YEAR = re.compile(r"(\d{4})")
_QUARTER = re.compile(r"(\d{4})\s*[-/ ]?\s*[Qq]([1-4])")
_QUARTER_LOOSE = re.compile(r"(\d{4})\s*[-/ ]?\s*[Qq](\d+)")
_MONTH = re.compile(r"(\d{4})\s*[-/M]\s*(\d{1,2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?")


def parse_period(raw: object, frequency: str | None = None) -> str | None:
    """Canonical period text, or None when `raw` is not a possible period.

    Dates (Excel date cells or ISO text) become the period that contains them at the
    indicator's frequency: a date in an annual series is its year.
    """
    if raw is None:
        return None
    if isinstance(raw, (dt.date, dt.datetime)):
        return _from_date(raw.year, raw.month, frequency)
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        if raw != raw or not float(raw).is_integer():
            return None
        raw = str(int(raw))
    text = str(raw).strip()
    if m := _YEAR.fullmatch(text):
        year = int(m.group(1))
        return f"{year}" if MIN_YEAR <= year <= MAX_YEAR else None
    if m := _QUARTER.fullmatch(text):
        year = int(m.group(1))
        return f"{year}-Q{m.group(2)}" if MIN_YEAR <= year <= MAX_YEAR else None
    if m := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return _from_date(year, month, frequency)
    if m := _MONTH.fullmatch(text):
        year, month = int(m.group(1)), int(m.group(2))
        if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
            return f"{year}-{month:02d}"
    return None


def _from_date(year: int, month: int, frequency: str | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if frequency == "annual":
        return f"{year}"
    if frequency == "quarterly":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return f"{year}-{month:02d}"


def looks_like_period(raw: object) -> bool:
    """True for a header that names a period column in the wide layout."""
    if isinstance(raw, (dt.date, dt.datetime)):
        return True
    return parse_period(raw) is not None or bool(_QUARTER_LOOSE.fullmatch(str(raw).strip()))


_YEAR_INSIDE = re.compile(r"(?<!\d)\d{4}(?!\d)")


def looks_like_unknown_period(raw: object) -> bool:
    """True for a header with a year in it that is no period we understand (`2019/20`, `Jan 2019`, `2019*`,
    `1850`): a column of values the official meant to import, which must not be skipped as an unknown column."""
    if raw is None or looks_like_period(raw):
        return False
    return bool(_YEAR_INSIDE.search(str(raw)))


def period_frequency(period: str) -> str:
    if "-Q" in period:
        return "quarterly"
    if "-" in period:
        return "monthly"
    return "annual"


def period_start(period: str) -> dt.date:
    if "-Q" in period:
        year, quarter = period.split("-Q")
        return dt.date(int(year), (int(quarter) - 1) * 3 + 1, 1)
    if "-" in period:
        year, month = period.split("-")
        return dt.date(int(year), int(month), 1)
    return dt.date(int(period), 1, 1)


def period_matches_frequency(period: str, frequency: str | None) -> bool:
    if frequency in (None, "", "event"):
        return True
    return period_frequency(period) == frequency


EXAMPLE_BY_FREQUENCY = {"annual": "2019", "quarterly": "2019-Q3", "monthly": "2019-07"}
