"""Normalise parsed sheets into typed tables and collect every problem before anything is written.

Each problem names the sheet, the Excel cell (`observations!D14`), the column,
the value found and what was expected. Conversions run once per distinct value
(codes, periods and enums repeat a lot), so a 200,000-row sheet costs little.

What was expected is an `Expected` (ingest.problems): an English message and its
parameters, so the report can be shown in the reader's language. Only listed problems
get one (at most MAX_PROBLEMS_LISTED); rows that are fine cost nothing extra.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import periods
from ..i18n import N_
from ..labels import EXPECTED_PERIOD_FREQUENCY_LABELS, VALIDATION_UNIT_LABELS
from ..schema import BOTTLENECK_DOMAINS, CONTEXT_DOMAIN, OBSERVATIONS, Column
from .cells import map_unique, numbers_of, to_date, to_text
from .problems import MAX_PROBLEMS_LISTED, Expected, Problem, ProblemList, message_param
from .sheets import EXPECTED_PERIOD, SheetFrame, blank_mask, lookup, show

COUNT_UNITS = frozenset(
    {"persons", "passengers", "commuters", "vehicles", "students", "count", "services", "prescriptions", "flights"}
)
OUTLIER_SPANS = 3.0  # warn when a value lies more than 3 historical ranges outside the history
MAX_EXACT_INT = 2**53


@dataclass
class Known:
    """Codes and facts already in the database, for cross-checks."""

    codes: dict[str, set[str]]  # table → codes
    indicator_frequency: dict[str, str]
    indicator_unit: dict[str, str]
    history: dict[tuple[str, str], tuple[float, float, int]]  # (indicator, area) → (min, max, count)




# -- typing and validation -------------------------------------------------------------------


ExpectedPerRow = Expected | pd.Series | Callable[[int], Expected]


def _report_mask(frame: SheetFrame, column: str, mask: np.ndarray, expected: ExpectedPerRow, rule: str,
                 problems: ProblemList, severity: str = "error", values: pd.Series | None = None) -> None:
    """Report the rows of `mask`. `expected` is one Expected for all, one per row (a Series), or a function of
    the row position, called only for the problems that are listed."""
    positions = np.flatnonzero(mask)
    source = frame.raw[column] if values is None else values
    for pos in positions:
        if problems.total >= MAX_PROBLEMS_LISTED:
            # Count the rest without building every object.
            remaining = len(positions) - int(np.searchsorted(positions, pos))
            if severity == "error":
                problems.errors += remaining
            else:
                problems.warnings += remaining
            return
        if isinstance(expected, Expected):
            exp = expected
        elif isinstance(expected, pd.Series):
            exp = expected.iat[pos]
        else:
            exp = expected(int(pos))
        problems.add(Problem.of(frame.sheet, frame.cell(column, pos), column, show(source.iat[pos]), exp, severity,
                                rule))


def type_frame(frame: SheetFrame, known: Known, problems: ProblemList) -> pd.DataFrame:
    """Typed columns for `frame`; every bad cell is reported. Rows with errors stay in (import is blocked)."""
    table = frame.table
    raw = frame.raw
    typed = pd.DataFrame(index=raw.index)
    blank = {name: blank_mask(raw[name]) for name in table.column_names}
    for col in table.columns:
        series = raw[col.name]
        present = ~blank[col.name]
        if col.required:
            required = (Expected(N_("a value ({help})"), {"help": message_param(col.help)})
                        if col.help else Expected(N_("a value")))
            _report_mask(frame, col.name, ~present, required, "required", problems)
        if col.kind in ("float", "int"):
            values = numbers_of(series, present)
            bad = present & values.isna().to_numpy()
            kind = Expected(N_("a whole number") if col.kind == "int" else N_("a number (decimal point or comma)"))
            _report_mask(frame, col.name, bad, kind, "not_a_number", problems)
            ok = present & ~bad
            if col.kind == "int":
                fraction = ok & (values.fillna(0) % 1 != 0).to_numpy()
                _report_mask(frame, col.name, fraction, Expected(N_("a whole number")), "not_whole", problems)
                # Beyond 2^53 a double no longer holds every whole number exactly.
                huge = ok & ~fraction & (values.abs() > MAX_EXACT_INT).fillna(False).to_numpy(dtype=bool)
                _report_mask(frame, col.name, huge, Expected(N_("a whole number of at most {max}"),
                                                             {"max": MAX_EXACT_INT}),
                             "out_of_range", problems)
                values = values.where(~(fraction | huge))
            if col.min is not None or col.max is not None:
                low = col.min if col.min is not None else -np.inf
                high = col.max if col.max is not None else np.inf
                # Cells already reported as no whole number or too large are NaN by now: not out of range too.
                out = ok & values.notna().to_numpy() & ~values.between(low, high).to_numpy()
                bounds = (Expected(N_("a value at least {low}"), {"low": _bound(low)}) if col.max is None else
                          Expected(N_("a value between {low} and {high}"), {"low": _bound(low), "high": _bound(high)})
                          if col.min is not None else Expected(N_("a value at most {high}"), {"high": _bound(high)}))
                _report_mask(frame, col.name, out, bounds, "out_of_range", problems)
            typed[col.name] = values.round().astype("Int64") if col.kind == "int" else values
        elif col.kind == "date":
            conv, expected = map_unique(series, to_date)
            bad = present & expected.notna().to_numpy()
            _report_mask(frame, col.name, bad, expected, "bad_date", problems)
            typed[col.name] = conv.where(present & ~bad, None)
        elif col.kind == "period":
            typed[col.name] = series  # resolved below, once frequencies are known
        else:
            conv, expected = map_unique(series, lambda v, c=col: to_text(v, c))
            bad = present & expected.notna().to_numpy()
            _report_mask(frame, col.name, bad, expected, "bad_text", problems)
            conv = conv.where(present & ~bad, None)
            if col.kind == "enum":
                lookup = {c.lower(): c for c in col.choices}
                canon = conv.map(lambda v, lk=lookup: lk.get(re.sub(r"[\s\-]+", "_", v.lower())) if v else None)
                bad_enum = present & ~bad & canon.isna().to_numpy()
                _report_mask(frame, col.name, bad_enum,
                             Expected(N_("one of: {choices}"), {"choices": ", ".join(col.choices)}), "bad_choice",
                             problems)
                conv = canon
            typed[col.name] = conv
    _check_periods(frame, typed, known, problems, blank)
    return typed


KEEP_PREFIX = "_keep_"  # a typed frame's flag column: True where the row's sheet lacks that column


def mark_absent_columns(frame: SheetFrame, typed: pd.DataFrame) -> None:
    """Flag the optional columns `frame`'s sheet leaves out, so applying keeps what the database holds there
    (an upload without `source` must not erase the sources); an empty cell in a present column still clears."""
    for name in sorted(frame.absent):
        typed[KEEP_PREFIX + name] = True


def _bound(limit: float) -> str | float:
    """A range limit of the schema as written there (1, 90, 1900: no thousands separator); others as numbers."""
    return f"{limit:g}" if float(limit).is_integer() and abs(limit) < 1e6 else float(limit)


_FREQUENCY_KEYS = {f: EXPECTED_PERIOD_FREQUENCY_LABELS[f] for f in ("annual", "quarterly", "monthly")}


def _check_periods(frame: SheetFrame, typed: pd.DataFrame, known: Known, problems: ProblemList,
                   blank: dict[str, np.ndarray]) -> None:
    table = frame.table
    if "period" not in table.column_names:
        return
    if table is OBSERVATIONS:
        freqs = lookup(typed["indicator"], known.indicator_frequency)
    else:
        freqs = np.full(len(typed), None, dtype=object)
    # One parse per distinct (period text, frequency) pair.
    p_codes, p_uniques = pd.factorize(frame.raw["period"].to_numpy(dtype=object))
    f_codes, f_uniques = pd.factorize(freqs)
    f_list = list(f_uniques) + [None]
    p_list = list(p_uniques) + [None]
    pair = (p_codes % (len(p_uniques) + 1)) * (len(f_list)) + (f_codes % len(f_list))
    pair_codes, pair_uniques = pd.factorize(pair)
    canon_u, start_u, mismatch_u = [], [], []
    for combined in pair_uniques:
        raw_value = p_list[combined // len(f_list)]
        freq = f_list[combined % len(f_list)]
        if isinstance(freq, float):
            freq = None
        canon = periods.parse_period(raw_value, freq)
        bad_freq = canon is not None and not periods.period_matches_frequency(canon, freq)
        canon_u.append(None if bad_freq else canon)
        start_u.append(np.datetime64(periods.period_start(canon), "D") if canon and not bad_freq
                       else np.datetime64("NaT"))
        mismatch_u.append(canon is None and False or bad_freq)
    canon_arr = np.empty(len(canon_u), dtype=object)
    canon_arr[:] = canon_u
    canon_rows = canon_arr[pair_codes]
    mismatch = np.asarray(mismatch_u, dtype=bool)[pair_codes]
    parsed_none = np.asarray([c is None and not m for c, m in zip(canon_u, mismatch_u, strict=True)],
                             dtype=bool)[pair_codes]
    bad = ~blank["period"] & parsed_none
    _report_mask(frame, "period", bad, EXPECTED_PERIOD, "bad_period", problems)
    if mismatch.any():
        indicators = typed["indicator"]

        def frequency_expected(pos: int) -> Expected:
            freq = freqs[pos]
            params = {"example": periods.EXAMPLE_BY_FREQUENCY.get(freq, "2019"), "indicator": str(indicators.iat[pos])}
            if freq in _FREQUENCY_KEYS:
                return Expected(_FREQUENCY_KEYS[freq], params)
            return Expected(N_("a {frequency} period such as {example} (indicator {indicator})"),
                            {**params, "frequency": str(freq)})

        _report_mask(frame, "period", mismatch, frequency_expected, "period_frequency", problems)
    typed["period"] = pd.Series(canon_rows, index=typed.index, dtype=object)
    typed["period_start"] = pd.Series(np.asarray(start_u, dtype="datetime64[D]")[pair_codes], index=typed.index)


def check_references(frame: SheetFrame, typed: pd.DataFrame, known: Known, problems: ProblemList) -> None:
    for col in frame.table.columns:
        if col.kind not in ("ref", "refs"):
            continue
        codes = known.codes.get(col.ref, set())
        lower = {c.lower(): c for c in codes}

        def check(value: object, c: Column = col, codes: set[str] = codes,
                  lower: dict[str, str] = lower) -> tuple[object, Expected | None]:
            if value is None:
                return value, None
            items = [v.strip() for v in re.split(r"[;,]", str(value))] if c.kind == "refs" else [str(value)]
            items = [v for v in items if v]
            unknown = [v for v in items if v not in codes]
            if not unknown:
                return ";".join(items) if c.kind == "refs" else value, None
            params = {"table": c.ref, "unknown": ", ".join(unknown[:5])}
            if unknown[0].lower() in lower:
                return None, Expected(N_("a code that exists in {table} (in the database or in this workbook); "
                                         "unknown: {unknown} (did you mean {suggestion}?)"),
                                      {**params, "suggestion": lower[unknown[0].lower()]})
            return None, Expected(N_("a code that exists in {table} (in the database or in this workbook); unknown: "
                                     "{unknown}"), params)

        conv, expected = map_unique(typed[col.name], check)
        bad = expected.notna().to_numpy()
        _report_mask(frame, col.name, bad, expected, "unknown_code", problems)
        typed[col.name] = conv.where(~bad, None) if col.kind == "refs" else typed[col.name]


def check_rows(frame: SheetFrame, typed: pd.DataFrame, known: Known, problems: ProblemList) -> None:
    """Rules that look at several columns or rows."""
    table = frame.table
    key = list(table.key)
    complete = typed[key].notna().all(axis=1).to_numpy()
    if complete.any():
        combined = np.zeros(int(complete.sum()), dtype=np.int64)
        for k in key:
            codes, uniques = pd.factorize(typed[k].to_numpy(dtype=object)[complete])
            # Re-factorise after each column so the combined code never overflows.
            combined = pd.factorize(combined * (len(uniques) + 1) + codes)[0].astype(np.int64)
        dup = pd.Series(combined).duplicated(keep=False).to_numpy()
        if dup.any():
            positions = np.flatnonzero(complete)
            # Every repeat of a key points to the first row holding it.
            _, first_of_code = np.unique(combined, return_index=True)
            first_pos = positions[first_of_code[combined]]
            later = dup & (first_pos != positions)
            first_excel_row = np.zeros(len(typed), dtype=np.int64)
            first_excel_row[positions] = frame.excel_rows[first_pos]
            in_rows = np.zeros(len(typed), dtype=bool)
            in_header = np.zeros(len(typed), dtype=bool)
            if frame.value_letters is None:
                in_rows[positions[later]] = True
            else:
                # Wide observations: a repeated period column is a header problem; a repeated row is reported
                # at its value cell (the period itself sits in the header).
                same_row = later & (frame.excel_rows[first_pos] == frame.excel_rows[positions])
                in_header[positions[same_row]] = True
                in_rows[positions[later & ~same_row]] = True
            key_text = " + ".join(key)
            _report_mask(frame, "value" if frame.value_letters is not None else key[-1], in_rows,
                         lambda pos: Expected(N_("each {key_columns} once in the file; row {row} has the same key"),
                                              {"key_columns": key_text,
                                                                         "row": str(first_excel_row[pos])}),
                         "duplicate", problems)
            if in_header.any():
                _report_mask(frame, "period", in_header, Expected(N_("each period column once (two header cells name "
                                                                     "the same period)")), "duplicate",
                             problems)
    if table.name == "observations":
        _check_observations(frame, typed, known, problems)
    elif table.name == "bottlenecks":
        _ordered(frame, typed, "people_low", "people_high", N_("{high} not below {low}"), problems)
        # `context` holds background figures for indicators (DESIGN §8); an obstacle belongs to one of the nine.
        context = (typed["domain"] == CONTEXT_DOMAIN).fillna(False).to_numpy(dtype=bool)
        _report_mask(frame, "domain", context, Expected(
            N_("one of the nine bottleneck domains ({domains}): context is for background figures, not bottlenecks"),
            {"domains": ", ".join(BOTTLENECK_DOMAINS)}), "context_bottleneck", problems)
    elif table.name == "actions":
        _ordered(frame, typed, "start", "due", N_("{high} not before {low}"), problems)
    elif table.name == "flows":
        same = (typed["origin"].notna() & (typed["origin"] == typed["destination"])).to_numpy()
        _report_mask(frame, "destination", same, Expected(N_("a destination different from the origin")), "same_area",
                                                                                                          problems)
    elif table.name == "areas":
        self_parent = (typed["parent"].notna() & (typed["parent"] == typed["code"])).to_numpy()
        _report_mask(frame, "parent", self_parent, Expected(N_("a parent area other than the area itself")),
                     "self_parent", problems)


def check_duplicates_across_sheets(parts: list[tuple[SheetFrame, pd.DataFrame]], problems: ProblemList) -> None:
    """Two sheets may map to one table (`observations` and `Observations `): a key may appear once in all."""
    if len(parts) < 2:
        return
    table = parts[0][0].table
    key = list(table.key)
    first_seen: dict[tuple, str] = {}
    for frame, typed in parts:
        column = "value" if frame.value_letters is not None else key[-1]
        rows = typed[key].to_numpy(dtype=object)
        seen_here: set[tuple] = set()
        duplicates = np.zeros(len(typed), dtype=bool)
        expected = np.full(len(typed), None, dtype=object)
        for pos, values in enumerate(map(tuple, rows)):
            if any(v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) for v in values):
                continue
            if values in first_seen and values not in seen_here:
                duplicates[pos] = True
                expected[pos] = Expected(N_("each {key_columns} once in the file; {cell} has the same key"),
                                         {"key_columns": " + ".join(key),
                                                                     "cell": first_seen[values]})
            seen_here.add(values)
        for pos, values in enumerate(map(tuple, rows)):
            first_seen.setdefault(values, frame.cell(column, pos))
        _report_mask(frame, column, duplicates, pd.Series(expected, dtype=object), "duplicate", problems)


def _ordered(frame: SheetFrame, typed: pd.DataFrame, low: str, high: str, key: str, problems: ProblemList) -> None:
    both = typed[low].notna() & typed[high].notna()
    bad = (both & (typed[low].where(both) > typed[high].where(both))).fillna(False).to_numpy(dtype=bool)
    _report_mask(frame, high, bad, Expected(key, {"low": low, "high": high}), "order", problems)


def _check_observations(frame: SheetFrame, typed: pd.DataFrame, known: Known, problems: ProblemList) -> None:
    value = typed["value"]
    units = lookup(typed["indicator"], known.indicator_unit)
    negative = (pd.Series(units, dtype=object).isin(COUNT_UNITS).to_numpy()
                & (value < 0).fillna(False).to_numpy(dtype=bool))
    _report_mask(frame, "value", negative,
                 lambda pos: Expected(N_("a count of {unit} that is not negative"),
                                      {"unit": message_param(VALIDATION_UNIT_LABELS[units[pos]])}),
                 "negative_count", problems)
    low, high = typed["value_low"], typed["value_high"]
    bad_low = (low.notna() & value.notna() & (low > value)).fillna(False).to_numpy(dtype=bool)
    bad_high = (high.notna() & value.notna() & (high < value)).fillna(False).to_numpy(dtype=bool)
    _report_mask(frame, "value_low", bad_low, Expected(N_("a lower bound not above the value")), "band_order", problems)
    _report_mask(frame, "value_high", bad_high, Expected(N_("an upper bound not below the value")), "band_order",
                                                                                                    problems)
    if known.history:
        bounds = {}
        for series_key, (low_h, high_h, count) in known.history.items():
            if count >= 3:
                span = (high_h - low_h) or abs(high_h) or 1.0
                bounds[series_key] = (low_h - OUTLIER_SPANS * span, high_h + OUTLIER_SPANS * span)
        # One series is an indicator in one area; rows are looked up once per distinct pair.
        pairs = pd.Series(list(zip(typed["indicator"], typed["area"], strict=True)), index=typed.index, dtype=object)
        lo = lookup(pairs, {k: b[0] for k, b in bounds.items()}, -np.inf).astype("float64")
        hi = lookup(pairs, {k: b[1] for k, b in bounds.items()}, np.inf).astype("float64")
        v = value.to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(invalid="ignore"):
            outlier = ~np.isnan(v) & ((v < lo) | (v > hi))
        if outlier.any():
            _report_mask(frame, "value", outlier,
                         lambda pos: Expected(N_("a value near this indicator's history ({low} … {high}); check the "
                                                 "unit and decimal separator"),
                                              {"low": float(lo[pos]), "high": float(hi[pos])}),
                         "outlier", problems, severity="warning")
