"""PxWeb's CSV and XLSX exports (Statistics Finland, Statistics Estonia): a table as laid out on screen.

Title rows (`"11s5 -- Population by month and area"`), a header row whose first cells name the stub
dimensions and whose other cells are the heading's values (`2020`, `2021`, or combined `2020 Males`), body
rows, then footnote rows at the bottom. CSV comes with `,` or `;` (then with a decimal comma), in UTF-8 (with
or without a BOM), UTF-16 or Windows-1252; markers `.` `..` `...` `-` are values the publisher withheld.
In the XLSX export a stub cell is left empty where it repeats the row above.
"""

from __future__ import annotations

import array
import csv
import io
import math
import re

from .detect import decode_text
from .model import (
    MISSING_MARKERS,
    Dimension,
    StatFileError,
    StatTable,
    apply_period_flags,
    make_dimension,
    parse_number,
)
from .periods import parse_stat_period

MAX_ROWS = 1_000_000
_NUMBER = re.compile(r"-?[\d\s\u00a0]+([.,]\d+)?")


def read_pxweb_csv(data: bytes) -> StatTable:
    text = decode_text(data)
    lines = text.splitlines()
    sample = [line for line in lines[:30] if line.strip()]
    delimiter = max((";", ",", "\t"), key=lambda d: sum(line.count(d) for line in sample))
    csv.field_size_limit(1_000_000)
    try:
        rows: list[list[object]] = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise StatFileError("The CSV file cannot be read: {detail}", detail=str(exc)) from exc
    if len(rows) > MAX_ROWS:
        raise StatFileError("The CSV file has {rows} rows; at most {limit} can be read.", rows=len(rows),
                            limit=MAX_ROWS)
    decimal_comma = delimiter == ";" or any(re.fullmatch(r"-?\d+,\d+", str(c).strip()) for r in rows[:50]
                                            for c in r[1:])
    return table_from_rows(rows, "pxweb_csv", decimal_comma)


def read_pxweb_xlsx(data: bytes) -> list[StatTable]:
    from .xlsx import workbook_sheets

    tables = []
    for name, rows in workbook_sheets(data):
        if sum(1 for r in rows if any(_text(c) for c in r)) < 2:
            continue
        table = table_from_rows(rows, "pxweb_xlsx", decimal_comma=True)
        table.notes.append(f"Sheet {name}")
        tables.append(table)
    if not tables:
        raise StatFileError("The workbook has no sheet with a table.")
    return tables


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _filled(row: list[object]) -> int:
    return sum(1 for c in row if _text(c))


def _is_value(cell: object) -> bool:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return True
    text = _text(cell)
    return text in MISSING_MARKERS or bool(_NUMBER.fullmatch(text))


def table_from_rows(rows: list[list[object]], fmt: str, decimal_comma: bool = False) -> StatTable:
    """A PxWeb table laid out as rows (title rows, header row, body, footnotes) as a StatTable."""
    start = 0
    title_lines = []
    while start < len(rows) and _filled(rows[start]) <= 1:
        if _filled(rows[start]):
            title_lines.append(next(_text(c) for c in rows[start] if _text(c)))
        start += 1
    if start >= len(rows):
        raise StatFileError("The file has no table: no row with at least two cells.")
    header = [_text(c) for c in rows[start]]
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    body = []
    end = start + 1
    while end < len(rows) and _filled(rows[end]) >= 2:
        body.append(list(rows[end][:width]) + [""] * (width - len(rows[end])))
        end += 1
    footnotes = [" ".join(_text(c) for c in row if _text(c)) for row in rows[end:] if _filled(row)]
    if not body:
        raise StatFileError("The table has a header row but no rows of values.")

    stub_count = _stub_columns(header[:width], body)
    if stub_count == 0 or stub_count >= width:
        raise StatFileError("The table's label columns and value columns cannot be told apart.")
    # XLSX exports leave a repeated stub cell empty: it means "as above".
    for j in range(stub_count):
        last = ""
        for row in body:
            if _text(row[j]):
                last = _text(row[j])
            else:
                row[j] = last

    dimensions = []
    stub_index: list[dict[str, int]] = []
    for j in range(stub_count):
        seen = dict.fromkeys(_text(row[j]) for row in body)
        stub_index.append({v: k for k, v in enumerate(seen)})
        dimensions.append(_dimension(header[j] or f"column {j + 1}", list(seen)))
    heading_dims, heading_positions = _heading(header[stub_count:width])
    dimensions += heading_dims

    n = len(body) * (width - stub_count)
    positions = [array.array("i") for _ in dimensions]
    values = array.array("d")
    status: dict[int, str] = {}
    for row in body:
        stub_pos = [stub_index[j][_text(row[j])] for j in range(stub_count)]
        for h, cell in enumerate(row[stub_count:width]):
            for d, p in enumerate(stub_pos):
                positions[d].append(p)
            for d, p in enumerate(heading_positions[h]):
                positions[stub_count + d].append(p)
            value, marker = _cell_value(cell, decimal_comma)
            if marker is not None:
                status[len(values)] = marker
            values.append(value)
    assert len(values) == n

    title = title_lines[0] if title_lines else ""
    table = StatTable(format=fmt, title=title, dimensions=dimensions, positions=positions, values=values,
                      status=status, notes=title_lines[1:] + footnotes)
    if " -- " in title:
        table.table_id = title.split(" -- ", 1)[0].strip()
    elif m := re.match(r"^([A-Z]{2,4}\d{2,4}):", title):  # Statistics Estonia: "RV0212: POPULATION ..."
        table.table_id = m.group(1)
    source = next((f for f in footnotes if re.match(r"(Source|Lähde|Källa|Allikas)\b", f, re.I)), "")
    table.source = source
    apply_period_flags(table)
    return table


def _stub_columns(header: list[str], body: list[list[object]]) -> int:
    """How many leading columns hold labels: text in the body, or a period column named as one (Vuosi)."""
    from .model import guess_role

    count = 0
    for j in range(len(header)):
        cells = [row[j] for row in body[:200] if _text(row[j])]
        texty = sum(not _is_value(c) for c in cells) > 0.5 * max(1, len(cells))
        named = guess_role(header[j], header[j], []) in ("period", "area", "series") and not parse_stat_period(
            header[j])[0]
        if texty or named:
            count += 1
        else:
            break
    return count


_CODED_LABEL = re.compile(r"^((?:KU|MK|SK)\d{2,3}|\d{3,4}|EE\d{0,4}|FI\d[A-Z0-9]{0,3})\s+(\S.*)$")


def _dimension(name: str, texts: list[str]) -> Dimension:
    """A stub dimension. PxWeb shows labels, for areas often "code label" ("KU091 Helsinki", "0784 Tallinn"):
    split those into code and label, but only in an area dimension where every value has that form (an age
    group "15 years" is a label, not code 15)."""
    from .model import guess_role

    matches = [_CODED_LABEL.match(t) for t in texts]
    area_like = guess_role(name, name, []) == "area" or all(m and m.group(1)[:2] in ("KU", "MK", "SK")
                                                            for m in matches)
    if area_like and matches and all(matches) and len({m.group(1) for m in matches}) == len(texts):
        return make_dimension(name, name, [(m.group(1), m.group(2)) for m in matches])
    return make_dimension(name, name, [(t, t) for t in texts])


def _heading(cells: list[str]) -> tuple[list[Dimension], list[list[int]]]:
    """The heading dimensions from the header's value cells: one of periods, periods combined with another
    variable ("2020 Males"), or one of labels (several contents such as "Population", "Area")."""
    as_periods = [parse_stat_period(c) for c in cells]
    if all(p for p, _ in as_periods):
        distinct = list(dict.fromkeys(cells))  # raw cells: the codes lose a "2024*" mark, the labels keep it
        dim = make_dimension("Time", "Time", [(c, c) for c in distinct], "period")
        return [dim], [[distinct.index(c)] for c in cells]
    split = []
    for c in cells:
        first, _, rest = c.partition(" ")
        head, _, last = c.rpartition(" ")
        if parse_stat_period(first)[0] and rest:
            split.append((first, rest))
        elif parse_stat_period(last)[0] and head:
            split.append((last, head))
        else:
            split = []
            break
    if split:
        periods = list(dict.fromkeys(p for p, _ in split))
        others = list(dict.fromkeys(o for _, o in split))
        period_dim = make_dimension("Time", "Time", [(p, p) for p in periods], "period")
        other_dim = make_dimension("Heading", "Heading", [(o, o) for o in others], "series")
        return [period_dim, other_dim], [[periods.index(p), others.index(o)] for p, o in split]
    labels = list(dict.fromkeys(cells))
    dim = make_dimension("Contents", "Contents", [(c, c) for c in labels], "series")
    return [dim], [[labels.index(c)] for c in cells]


def _cell_value(cell: object, decimal_comma: bool) -> tuple[float, str | None]:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell), None
    text = _text(cell)
    if not text:
        return math.nan, None
    number = parse_number(text, decimal_comma)
    if number is not None:
        return number, None
    return math.nan, text
