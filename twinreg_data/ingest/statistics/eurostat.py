"""Eurostat's files: SDMX-CSV (the API's and the data browser's "linear" export), the bulk TSV, and the
data browser's XLSX.

SDMX-CSV: `DATAFLOW,LAST UPDATE,<dimensions…>,TIME_PERIOD,OBS_VALUE,OBS_FLAG[,CONF_STATUS]` (SDMX-CSV 2.0
starts `STRUCTURE,STRUCTURE_ID,…`); a cell may read `FI:Finland` when labels were asked for.
Bulk TSV: `freq,unit,geo\\TIME_PERIOD<TAB>2020 <TAB>2021 …`, rows `A,NR,FI<TAB>5533793 <TAB>5548241 p`;
`:` is no value, letters after a value are its flags (b p e c u …).
XLSX: one sheet per dataset: title rows, fixed dimensions as "name, value" rows, a `TIME` (or `GEO`) header
row with a flag column after each value column, one row per country (or per period), footnote rows.
"""

from __future__ import annotations

import array
import csv
import io
import math
import re

from .detect import decode_text
from .model import (
    StatFileError,
    StatTable,
    apply_period_flags,
    flags_for_status,
    make_dimension,
    merge_flags,
    parse_number,
)

MAX_OBSERVATIONS = 20_000_000
_NOT_DIMENSIONS = {"DATAFLOW", "LAST UPDATE", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION"}
_TSV_CELL = re.compile(r"^\s*([^\s]+)?\s*([a-z]*)\s*$")


class _Builder:
    """Observations appended one by one, dimension values numbered as they first appear."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self.names = names
        self.index: list[dict[str, int]] = [{} for _ in names]
        self.labels: list[dict[str, str]] = [{} for _ in names]
        self.positions = [array.array("i") for _ in names]
        self.values = array.array("d")
        self.status: dict[int, str] = {}
        self.flags: dict[int, str] = {}

    def add(self, codes: list[tuple[str, str]], value: float, status: str = "", flags: str = "") -> None:
        if len(self.values) >= MAX_OBSERVATIONS:
            raise StatFileError("The file has more than {limit} values.", limit=MAX_OBSERVATIONS)
        for d, (code, label) in enumerate(codes):
            index = self.index[d]
            if code not in index:
                index[code] = len(index)
                self.labels[d][code] = label
            self.positions[d].append(index[code])
        i = len(self.values)
        self.values.append(value)
        if status:
            self.status[i] = status
        if flags:
            self.flags[i] = flags

    def table(self, fmt: str, title: str, hints: dict[str, str] | None = None, **extra: object) -> StatTable:
        hints = hints or {}
        dims = [make_dimension(code, label, [(c, self.labels[d][c]) for c in self.index[d]], hints.get(code))
                for d, (code, label) in enumerate(self.names)]
        table = StatTable(format=fmt, title=title, dimensions=dims, positions=self.positions, values=self.values,
                          status=self.status, flags=self.flags, source="Eurostat", **extra)
        apply_period_flags(table)
        return table


def _split_label(cell: str) -> tuple[str, str]:
    code, sep, label = cell.partition(":")
    return (code.strip(), label.strip()) if sep and code.strip() else (cell.strip(), cell.strip())


def read_sdmx_csv(data: bytes) -> StatTable:
    text = decode_text(data)
    csv.field_size_limit(1_000_000)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except StopIteration as exc:
        raise StatFileError("The SDMX-CSV file is empty.") from exc
    upper = [h.upper() for h in header]
    if "OBS_VALUE" not in upper:
        raise StatFileError("The SDMX-CSV file has no OBS_VALUE column.")
    value_at = upper.index("OBS_VALUE")
    flag_at = upper.index("OBS_FLAG") if "OBS_FLAG" in upper else None
    conf_at = upper.index("CONF_STATUS") if "CONF_STATUS" in upper else None
    dim_at = [j for j in range(value_at) if upper[j] not in _NOT_DIMENSIONS]
    builder = _Builder([(header[j].split(":")[0].strip(), header[j]) for j in dim_at])
    dataset = ""
    try:
        for row in reader:
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) <= value_at:
                raise StatFileError("Line {line} of the SDMX-CSV file has {cells} cells; the header has {width}.",
                                    line=reader.line_num, cells=len(row), width=len(header))
            dataset = dataset or row[0]
            codes = [_split_label(row[j]) if upper[j] != "TIME_PERIOD" else (row[j].strip(), row[j].strip())
                     for j in dim_at]
            raw = row[value_at].strip()
            value = parse_number(raw)
            flag = row[flag_at].strip() if flag_at is not None and flag_at < len(row) else ""
            conf = row[conf_at].strip() if conf_at is not None and conf_at < len(row) else ""
            status = flag or ("" if value is not None else (raw or ":"))
            flags = merge_flags(flags_for_status(flag), "confidential" if conf.upper() == "C" else "")
            builder.add(codes, math.nan if value is None else value, status, flags)
    except csv.Error as exc:
        raise StatFileError("The SDMX-CSV file cannot be read: {detail}", detail=str(exc)) from exc
    table_id = m.group(1).lower() if (m := re.search(r":([A-Za-z0-9_]+)\(", dataset)) else ""
    return builder.table("eurostat_sdmx_csv", dataset, {"TIME_PERIOD": "period", "geo": "area"},
                         table_id=table_id)


def read_tsv(data: bytes) -> StatTable:
    text = decode_text(data)
    lines = text.splitlines()
    if not lines:
        raise StatFileError("The Eurostat TSV file is empty.")
    header = lines[0].split("\t")
    key, _, time_name = header[0].partition("\\")
    if not time_name:
        raise StatFileError("The first cell of a Eurostat TSV file names its dimensions, like "
                            "unit,geo\\TIME_PERIOD; this one reads “{cell}”.", cell=header[0][:60])
    names = [n.strip() for n in key.split(",")]
    periods = [h.strip() for h in header[1:]]
    builder = _Builder([(n, n) for n in names] + [(time_name.strip(), time_name.strip())])
    time_codes = [(p, p) for p in periods]
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        codes = [c.strip() for c in cells[0].split(",")]
        if len(codes) != len(names) or len(cells) - 1 > len(periods):
            raise StatFileError("Line {line} of the Eurostat TSV file does not match its header.", line=number)
        row_codes = [(c, c) for c in codes]
        for j, cell in enumerate(cells[1:]):
            m = _TSV_CELL.match(cell)
            raw, letters = (m.group(1) or "", m.group(2)) if m else (cell.strip(), "")
            value = parse_number(raw) if raw != ":" else None
            if value is None and raw not in ("", ":"):
                raise StatFileError("Line {line} of the Eurostat TSV file has “{cell}” where a value belongs.",
                                    line=number, cell=cell.strip()[:30])
            status = letters or ("" if value is not None else ":")
            builder.add(row_codes + [time_codes[j]], math.nan if value is None else value, status,
                        flags_for_status(letters))
    return builder.table("eurostat_tsv", "", {"geo": "area", time_name.strip(): "period"})


# -- the data browser's workbook ---------------------------------------------------------------------------

_HEADER_KEY = re.compile(r"^(TIME|GEO|[A-Z][A-Z0-9_]*)( \((Labels|Codes)\))?$")
_END_OF_DATA = re.compile(r"^(Special value|Available flags|Observation flags|Note|Notes)\b", re.I)


def _cell(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def read_xlsx(data: bytes) -> list[StatTable]:
    from .xlsx import workbook_sheets

    tables = []
    for name, rows in workbook_sheets(data):
        if name.strip().lower() in ("summary", "structure"):
            continue
        table = _sheet_table(name, rows)
        if table is not None:
            tables.append(table)
    if not tables:
        raise StatFileError("The workbook has no sheet laid out as a Eurostat table (a TIME or GEO header row).")
    return tables


def _sheet_table(sheet: str, rows: list[list[object]]) -> StatTable | None:
    header_at = None
    for i, row in enumerate(rows[:200]):
        cells = [_cell(c) for c in row]
        if cells and _HEADER_KEY.match(cells[0]) and sum(1 for c in cells[1:] if c) >= 1 and i + 1 < len(rows):
            below = _cell(rows[i + 1][0]) if rows[i + 1] else ""
            if below and not any(_cell(c) for c in rows[i + 1][1:]):
                header_at = i
                break
    if header_at is None:
        return None
    header = [_cell(c) for c in rows[header_at]]
    column_dim = re.sub(r" \((Labels|Codes)\)$", "", header[0])
    row_dim = re.sub(r" \((Labels|Codes)\)$", "", _cell(rows[header_at + 1][0]))
    value_columns = [j for j in range(1, len(header)) if header[j]]
    flag_column = {j: j + 1 for j in value_columns if j + 1 < len(header) and not header[j + 1]}

    title = next((_cell(c) for c in rows[0] if _cell(c)), "") if rows else ""
    fixed: list[tuple[str, str]] = []
    notes: list[str] = []
    for row in rows[1:header_at]:
        cells = [_cell(c) for c in row if _cell(c)]
        if len(cells) == 2 and cells[0] not in ("Last update", "Extracted on", "Source of data"):
            fixed.append((cells[0], cells[1]))
        elif cells:
            notes.append(": ".join(cells))
    builder = _Builder([(n, n) for n, _ in fixed] + [(row_dim, row_dim), (column_dim, column_dim)])
    fixed_codes = [(v, v) for _, v in fixed]
    end = header_at + 2
    while end < len(rows):
        row = rows[end]
        first = _cell(row[0]) if row else ""
        if not first or _END_OF_DATA.match(first):
            break
        for j in value_columns:
            raw = row[j] if j < len(row) else None
            letters = _cell(row[flag_column[j]]) if j in flag_column and flag_column[j] < len(row) else ""
            if isinstance(raw, int | float) and not isinstance(raw, bool):
                value: float | None = float(raw)
            else:
                text = _cell(raw)
                m = re.fullmatch(r"(.*?)\s*\b([a-z]{1,4})", text)  # "5533793 p": the flag after the value
                if m and parse_number(m.group(1)) is not None:
                    text, letters = m.group(1), letters or m.group(2)
                value = parse_number(text) if text not in ("", ":") else None
                if value is None and text not in ("", ":"):
                    letters = letters or text  # a marker of the publisher's own: kept as the status
            status = letters or ("" if value is not None else ":")
            builder.add(fixed_codes + [(first, first), (header[j], header[j])],
                        math.nan if value is None else value, status, flags_for_status(letters))
        end += 1
    notes += [" ".join(_cell(c) for c in row if _cell(c)) for row in rows[end:] if any(_cell(c) for c in row)]
    table_id = m.group(1).split("__")[0].lower() if (m := re.search(r"\[([A-Za-z0-9_]+)\]", title)) else ""
    hints = {"TIME": "period", "GEO": "area"}
    table = builder.table("eurostat_xlsx", title, hints, table_id=table_id, notes=notes + [f"Sheet {sheet}"])
    return table
