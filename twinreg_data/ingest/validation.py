"""Normalise parsed sheets into typed tables and collect every problem before anything is written.

Each problem names the sheet, the Excel cell (`observations!D14`), the column,
the value found and what was expected. Conversions run once per distinct value
(codes, periods and enums repeat a lot), so a 200,000-row sheet costs little.

What was expected is an `Expected` (ingest.problems): an English message and its
parameters, so the report can be shown in the reader's language. Only listed problems
get one (at most MAX_PROBLEMS_LISTED); rows that are fine cost nothing extra.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import periods
from ..i18n import LANGUAGES, N_, t
from ..labels import EXPECTED_PERIOD_FREQUENCY_LABELS, VALIDATION_UNIT_LABELS
from ..schema import BOTTLENECK_DOMAINS, CONTEXT_DOMAIN, OBSERVATIONS, TABLES, TABLES_BY_NAME, Column, Table
from .cells import map_unique, numbers_of, to_date, to_text
from .problems import MAX_PROBLEMS_LISTED, Expected, Problem, ProblemList, message_param

COUNT_UNITS = frozenset(
    {"persons", "passengers", "commuters", "vehicles", "students", "count", "services", "prescriptions", "flights"}
)
OUTLIER_SPANS = 3.0  # warn when a value lies more than 3 historical ranges outside the history
IGNORED_SHEETS = frozenset({"readme", "lists", "ohje", "juhend"})
PROBLEMS_SHEET = N_("Problems found")  # the marked-up copy's first sheet (annotate), ignored when uploaded again
MAX_EXACT_INT = 2**53


@dataclass
class RawSheet:
    """A parsed sheet: its header row and the rows below it as columns of equal height.

    A column is a float64 array (every cell a number) or (distinct values, int32 codes).
    """

    name: str
    header: list
    header_row: int  # 1-based Excel row of the header; body rows follow it
    columns: list
    height: int
    start_col: int = 0  # zero-based sheet column of header[0]
    hidden: bool = False
    formula_cells_without_value: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)  # Excel row numbers hidden by hand or by a filter
    hidden_columns: list[int] = field(default_factory=list)  # zero-based sheet columns

    @classmethod
    def from_rows(cls, name: str, rows: list[list], **kw) -> RawSheet:
        """Build from plain rows (the header is the first row with content), as the parser does."""
        index = next((i for i, r in enumerate(rows) if not all(_is_blank(v) for v in r)), len(rows))
        header = list(rows[index]) if index < len(rows) else []
        body = rows[index + 1:]
        width = max([len(header)] + [len(r) for r in body])
        columns: list = []
        for j in range(width):
            codes, uniques = pd.factorize(_object_array([r[j] if j < len(r) else None for r in body]))
            columns.append((_object_array(list(uniques) + [None]), codes.astype(np.int32)))
        return cls(name, header, index + 1, columns, len(body), **kw)

    def values(self, j: int, rows: np.ndarray | None = None) -> np.ndarray:
        """Column j as an array (object, or float64 for all-number columns), optionally only some rows."""
        if j >= len(self.columns):
            return np.full(self.height if rows is None else len(rows), None, dtype=object)
        col = self.columns[j]
        if isinstance(col, tuple):
            codes = col[1] if rows is None else col[1][rows]
            return col[0][codes]
        return col if rows is None else col[rows]

    def blank_column(self, j: int) -> np.ndarray:
        if j >= len(self.columns):
            return np.ones(self.height, dtype=bool)
        col = self.columns[j]
        if isinstance(col, tuple):
            return blank_mask(col[0])[col[1]]
        return np.isnan(col)


def _object_array(values: list) -> np.ndarray:
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return arr


def decode_columns(encoded: list[tuple]) -> list:
    """Inverse of readers.common.encode_columns: float64 arrays, or (uniques, codes) pairs."""
    columns: list = []
    for item in encoded:
        if item[0] == "f8":
            columns.append(np.frombuffer(item[1], dtype=np.float64).copy())
        else:
            columns.append((_object_array(item[1]), np.frombuffer(item[2], dtype=np.int32)))
    return columns


def lookup(series: pd.Series, mapping: dict, default: object = None) -> np.ndarray:
    """mapping[value] per row, looked up once per distinct value."""
    codes, uniques = pd.factorize(series.to_numpy(dtype=object))
    mapped = _object_array([mapping.get(u, default) for u in uniques] + [default])
    return mapped[codes]


def blank_mask(values: np.ndarray | pd.Series) -> np.ndarray:
    """True for empty cells: None, NaN, '' (calamine's empty cell) or whitespace only."""
    arr = values.to_numpy() if isinstance(values, pd.Series) else values
    if arr.dtype.kind == "f":
        return np.isnan(arr)
    mask = pd.isna(arr) | (arr == "")
    if mask.all():
        return np.asarray(mask, dtype=bool)
    codes, uniques = pd.factorize(arr[~mask])
    blank_unique = np.fromiter((isinstance(u, str) and not u.strip() for u in uniques), dtype=bool,
                               count=len(uniques))
    if blank_unique.any():
        sub = blank_unique[codes]
        mask = np.asarray(mask, dtype=bool).copy()
        mask[np.flatnonzero(~mask)[sub]] = True
    return np.asarray(mask, dtype=bool)


def column_letter(index: int) -> str:
    """Zero-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def show(value: object) -> str:
    """A found value as the user typed it, shortened for the report."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ")
    else:
        text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return value.strip() == ""
    return False


@dataclass
class SheetFrame:
    """One table's rows from one sheet, raw, with the Excel position of every cell."""

    table: Table
    sheet: str
    raw: pd.DataFrame  # canonical column names, object values
    excel_rows: np.ndarray  # 1-based Excel row number per row
    letters: dict[str, str]  # column → Excel column letters
    value_letters: pd.Series | None = None  # wide observations: the letters of each value's period column
    absent: frozenset[str] = frozenset()  # optional columns the sheet lacks: the database keeps their values

    def cell(self, column: str, pos: int) -> str:
        if column == "value" and self.value_letters is not None:
            letter = self.value_letters.iat[pos]
        elif column == "period" and self.value_letters is not None:
            letter = self.value_letters.iat[pos]
            return f"{self.sheet}!{letter}{self.header_row}"
        else:
            letter = self.letters.get(column, "A")
        return f"{self.sheet}!{letter}{int(self.excel_rows[pos])}"

    @property
    def header_row(self) -> int:
        return int(self.excel_rows[0]) - 1 if len(self.excel_rows) else 1


@dataclass
class Known:
    """Codes and facts already in the database, for cross-checks."""

    codes: dict[str, set[str]]  # table → codes
    indicator_frequency: dict[str, str]
    indicator_unit: dict[str, str]
    history: dict[tuple[str, str], tuple[float, float, int]]  # (indicator, area) → (min, max, count)


def _header_key(value: object) -> str:
    text = show(value).strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _table_for_sheet(name: str) -> Table | None:
    return TABLES_BY_NAME.get(name.strip().lower())


def table_for_csv(file_name: str, header: list) -> Table | None:
    """The table a one-table CSV holds: by file-name prefix, else by its header."""
    stem = file_name.rsplit("/", 1)[-1].lower()
    for table in sorted(TABLES, key=lambda t: -len(t.name)):
        if stem.startswith(table.name):
            return table
    keys = {_header_key(h) for h in header}
    best = None
    for table in TABLES:
        required = {c.name for c in table.columns if c.required}
        if table is OBSERVATIONS and {"indicator", "area"} <= keys and any(periods.looks_like_period(h) for h in
                                                                             header):
            return table
        if required <= keys and (best is None or len(required) > len({c.name for c in best.columns if c.required})):
            best = table
    return best


_TABLE_NAMES = ", ".join(table.name for table in TABLES)


def _problems_sheet_names() -> set[str]:
    """PROBLEMS_SHEET in every language, as the marked-up copy may name it."""
    return {t(PROBLEMS_SHEET, lang)[:31].strip().lower() for lang in LANGUAGES}


def frames_from_sheets(sheets: Iterable[RawSheet], problems: ProblemList, file_kind: str = "xlsx",
                       csv_table: Table | None = None, import_hidden: bool = False) -> list[SheetFrame]:
    """One frame per sheet named like a table. Rows and columns hidden in Excel are reported and, unless
    `import_hidden`, left out: the official decides, nothing hidden is imported unseen."""
    frames = []
    for sheet in sheets:
        table = csv_table if file_kind == "csv" else _table_for_sheet(sheet.name)
        label = table.name if (file_kind == "csv" and table) else sheet.name
        if table is None:
            if sheet.name.strip().lower() not in IGNORED_SHEETS | _problems_sheet_names():
                problems.add(Problem.of(sheet.name, f"{sheet.name}!A1", "", sheet.name,
                                        Expected(N_("a sheet named after a table: {tables}"), {"tables": _TABLE_NAMES}),
                                        "warning", "unknown_sheet"))
            continue
        if sheet.hidden:
            problems.add(Problem.of(label, f"{label}!A1", "", sheet.name, Expected(N_("a visible sheet (this hidden "
                                                                                      "sheet is imported too; unhide "
                                                                                      "it so reviewers see it)")),
                                    "warning", "hidden_sheet"))
        frame = _frame_from_rows(table, label, sheet, problems, import_hidden)
        if frame is not None:
            frames.append(frame)
    return frames


def _ranges(numbers: list[int], name: Callable[[int], str] = str, limit: int = 20) -> str:
    """Numbers as ranges (5–7, 12), the first `limit` of them."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(name(a) if a == b else f"{name(a)}–{name(b)}" for a, b in runs[:limit])
    return text + (", …" if len(runs) > limit else "")


def _hidden_parts(table: Table, label: str, sheet: RawSheet, header: list, data_index: np.ndarray,
                  blank: np.ndarray, problems: ProblemList, import_hidden: bool) -> tuple[np.ndarray, set[int]]:
    """Report the rows and columns with content that Excel hides; (data rows to keep, header positions to skip)."""
    excel_rows = sheet.header_row + 1 + data_index
    hidden_rows = np.isin(excel_rows, np.asarray(sheet.hidden_rows, dtype=np.int64)) if sheet.hidden_rows \
        else np.zeros(len(data_index), dtype=bool)
    if hidden_rows.any():
        rows = excel_rows[hidden_rows].tolist()
        params = {"count": len(rows), "rows": _ranges(rows)}
        expected = (Expected("visible rows ({count} rows hidden by a filter or by hand are imported too: {rows})",
                             params) if import_hidden else
                    Expected("visible rows ({count} rows hidden by a filter or by hand are skipped: {rows}; choose "
                             "to import hidden rows and columns to import them)", params))
        problems.add(Problem.of(label, f"{label}!{column_letter(sheet.start_col)}{rows[0]}", "", params["rows"],
                                expected, "warning", "hidden_rows"))
        if not import_hidden:
            problems.hidden_rows_skipped[table.name] = problems.hidden_rows_skipped.get(table.name, 0) + len(rows)
            data_index = data_index[~hidden_rows]
    hidden_columns = [j for j in (c - sheet.start_col for c in sheet.hidden_columns)
                      if 0 <= j < len(header) and not (_is_blank(header[j]) and blank[data_index, j].all())]
    if hidden_columns:
        letters = _ranges(hidden_columns, lambda j: column_letter(sheet.start_col + j))
        expected = (Expected("visible columns (the hidden columns {columns} are imported too)", {"columns": letters})
                    if import_hidden else
                    Expected("visible columns (the hidden columns {columns} are skipped; choose to import hidden rows "
                             "and columns to import them)", {"columns": letters}))
        cell = f"{label}!{column_letter(sheet.start_col + hidden_columns[0])}{sheet.header_row}"
        problems.add(Problem.of(label, cell, "", letters, expected, "warning", "hidden_columns"))
    return data_index, (set() if import_hidden else set(hidden_columns))


def _frame_from_rows(table: Table, label: str, sheet: RawSheet, problems: ProblemList,
                     import_hidden: bool = False) -> SheetFrame | None:
    header = sheet.header
    if not header:
        problems.add(Problem.of(label, f"{label}!A1", "", "", Expected(N_("a header row with the column names")),
                                "warning",
                                "empty_sheet"))
        return None
    header_excel_row = sheet.header_row
    width = max(len(header), len(sheet.columns))
    blank = (np.column_stack([sheet.blank_column(j) for j in range(width)]) if width
             else np.ones((sheet.height, 0), dtype=bool))
    data_index = np.flatnonzero(~blank.all(axis=1)) if sheet.height else np.array([], dtype=np.int64)
    header = list(header) + [None] * (width - len(header))
    data_index, skipped_columns = _hidden_parts(table, label, sheet, header, data_index, blank, problems,
                                                import_hidden)
    known_columns = set(table.column_names)
    positions: dict[str, int] = {}
    period_columns: list[tuple[int, object]] = []
    for j, raw_name in enumerate(header):
        if j in skipped_columns:
            continue  # hidden and skipped: as if the sheet had no such column
        letter = column_letter(sheet.start_col + j)
        if _is_blank(raw_name):
            if (~blank[data_index, j]).any():
                problems.add(Problem.of(label, f"{label}!{letter}{header_excel_row}", "", "",
                                        Expected(N_("a column name in the header row (this column has values but no "
                                                    "name; it is ignored)")), "warning", "unnamed_column"))
            continue
        key = _header_key(raw_name)
        if key in positions:
            problems.add(Problem.of(label, f"{label}!{letter}{header_excel_row}", key, show(raw_name),
                                    Expected(N_("each column name once")), "error", "duplicate_column"))
            continue
        if key in known_columns:
            positions[key] = j
        elif table is OBSERVATIONS and periods.looks_like_period(raw_name):
            period_columns.append((j, raw_name))
        elif table is OBSERVATIONS and periods.looks_like_unknown_period(raw_name):
            # Ignoring it as an unknown column would drop a whole period of values without a word.
            problems.add(Problem.of(label, f"{label}!{letter}{header_excel_row}", key, show(raw_name),
                                    _EXPECTED_PERIOD, "error", "bad_period"))
        elif key != "import_id":
            problems.add(Problem.of(label, f"{label}!{letter}{header_excel_row}", key, show(raw_name),
                                    Expected(N_("one of the columns of {table}: {columns} (this column is ignored)"),
                                             {"table": table.name, "columns": ", ".join(table.column_names)}),
                                    "warning", "unknown_column"))
    wide = table is OBSERVATIONS and bool(period_columns) and "period" not in positions and "value" not in positions
    if period_columns and not wide:
        for j, raw_name in period_columns:
            letter = column_letter(sheet.start_col + j)
            problems.add(Problem.of(label, f"{label}!{letter}{header_excel_row}", show(raw_name), show(raw_name),
                                    Expected(N_("either period and value columns (long layout) or one column per "
                                                "period (wide layout), not both")), "error", "mixed_layout"))
    required = [c.name for c in table.columns if c.required and not (wide and c.name in ("period", "value"))]
    missing = [c for c in required if c not in positions]
    for name in missing:
        problems.add(Problem.of(label, f"{label}!{header_excel_row}:{header_excel_row}", name, "",
                                Expected(N_("a column named '{name}' in the header row (row {row})"),
                                         {"name": name, "row": str(header_excel_row)}),
                                "error", "missing_column"))
    if missing or not len(data_index):
        return None
    excel_rows = (header_excel_row + 1 + data_index).astype(np.int64)
    letters = {name: column_letter(sheet.start_col + j) for name, j in positions.items()}
    raw = pd.DataFrame(index=range(len(data_index)))
    for name in table.column_names:
        if name in positions:
            values = sheet.values(positions[name], data_index)
            raw[name] = pd.Series(values, dtype=values.dtype if values.dtype.kind == "f" else object)
        else:
            raw[name] = pd.Series([None] * len(data_index), dtype=object)
    _mark_formulas(label, sheet, positions, set(excel_rows.tolist()), problems)
    absent = frozenset(c for c in table.column_names
                       if c not in positions and c not in table.key and not (wide and c in ("period", "value")))
    if not wide:
        return SheetFrame(table, label, raw, excel_rows, letters, absent=absent)
    # Wide layout: melt one column per period into long rows, remembering each value's cell.
    pieces, piece_rows, piece_letters = [], [], []
    for j, raw_name in period_columns:
        mask = ~blank[data_index, j]
        if not mask.any():
            continue
        part = raw.loc[mask].copy()
        part["period"] = [raw_name] * int(mask.sum())
        part["value"] = pd.Series(sheet.values(j, data_index[mask]), index=part.index, dtype=object)
        pieces.append(part)
        piece_rows.append(excel_rows[mask])
        piece_letters.extend([column_letter(sheet.start_col + j)] * int(mask.sum()))
    if not pieces:
        return None
    melted = pd.concat(pieces, ignore_index=True)
    return SheetFrame(table, label, melted, np.concatenate(piece_rows), letters,
                      value_letters=pd.Series(piece_letters, dtype=object), absent=absent)


def _mark_formulas(label: str, sheet: RawSheet, positions: dict[str, int], rows: set[int],
                   problems: ProblemList) -> None:
    for ref in sheet.formula_cells_without_value:
        m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        if m and int(m.group(2)) in rows:
            problems.add(Problem.of(label, f"{label}!{ref}", "", "=…", Expected(N_("a value: this cell holds a formula "
        "that was never calculated. Open the "
        "file in Excel and save it so the "
        "result is stored (formulas are never "
        "evaluated here)")),
                                    "error", "formula_without_value"))


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


_EXPECTED_PERIOD = Expected(N_("a period such as 2019, 2019-Q3 or 2019-07 (years 1900–2100)"))
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
    _report_mask(frame, "period", bad, _EXPECTED_PERIOD, "bad_period", problems)
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
