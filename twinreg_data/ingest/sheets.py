"""Parsed sheets to SheetFrames: which table a sheet or CSV holds, its header, its rows (hidden ones reported),
and where each value came from (`observations!D14`), before any value is typed. ingest.validation types and checks
them."""

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
from ..schema import OBSERVATIONS, TABLES, TABLES_BY_NAME, Table
from .problems import Expected, Problem, ProblemList

IGNORED_SHEETS = frozenset({"readme", "lists", "ohje", "juhend"})
PROBLEMS_SHEET = N_("Problems found")  # the marked-up copy's first sheet (annotate), ignored when uploaded again


EXPECTED_PERIOD = Expected(N_("a period such as 2019, 2019-Q3 or 2019-07 (years 1900–2100)"))


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
                                    EXPECTED_PERIOD, "error", "bad_period"))
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
