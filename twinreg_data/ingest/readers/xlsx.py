"""Reader for the template workbook (.xlsx): every sheet named like a table, its cached cell values.

python-calamine reads the cells; the sheet XML is scanned for what calamine hides (formulas without a cached
value, Excel error values). Formulas are never evaluated.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from typing import Any

from .common import ParseFailure, blank, encode_columns, split_header

KIND = "xlsx"
MAX_SHEETS = 200
# An English message (the parent words it with i18n.t; this process has no catalogue).

_CELL_WITH_FORMULA = re.compile(rb"<c\b([^>]*?)(?<!/)>(.*?)</c>", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_CELL_TYPE_STR = re.compile(rb'\bt="str"')
# A cached value is a <v> element with content. openpyxl (and other writers) store a formula that was
# never calculated as <f>…</f><v></v> or <v/>: an empty <v> is no value, except for a formula whose
# result is the empty string (t="str").
_CACHED_VALUE = re.compile(rb"<v(?:\s[^>]*)?>\s*[^<\s]")
_EMPTY_VALUE = re.compile(rb"<v(?:\s[^>]*)?(?:/>|>\s*</v>)")



def _formula_cells_without_value(xml: bytes) -> list[str]:
    """Cells holding a formula but no cached value: we never evaluate formulas."""
    if b"<f" not in xml:
        return []
    missing = []
    for m in _CELL_WITH_FORMULA.finditer(xml):
        attrs, inner = m.group(1), m.group(2)
        if b"<f" not in inner or b"<is>" in inner or _CACHED_VALUE.search(inner):
            continue
        if _CELL_TYPE_STR.search(attrs) and _EMPTY_VALUE.search(inner):
            continue  # a formula whose cached result is the empty string
        ref = _CELL_REF.search(attrs)
        if ref:
            missing.append(ref.group(1).decode())
    return missing


_ERROR_CELL = re.compile(rb'<c\b([^>]*?\bt="e"[^>]*?)(?<!/)>(.*?)</c>', re.S)
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _restore_error_cells(xml: bytes, rows: list[list], start_row: int, start_col: int) -> None:
    """Put Excel error values (#N/A, #DIV/0!, …) back where calamine reads them as empty cells.

    An error is the cell's cached value; read as empty it would silently vanish from an optional column.
    As text it is reported like any other wrong value (not a number, not a date, …).
    """
    if b't="e"' not in xml:
        return
    for m in _ERROR_CELL.finditer(xml):
        ref = _CELL_REF.search(m.group(1))
        value = _VALUE.search(m.group(2))
        if not ref or not value:
            continue
        cell = re.fullmatch(r"([A-Z]+)([0-9]+)", ref.group(1).decode())
        if not cell:
            continue
        i = int(cell.group(2)) - 1 - start_row
        j = _column_index(cell.group(1)) - start_col
        if 0 <= i < len(rows) and 0 <= j < len(rows[i]) and blank(rows[i][j]):
            rows[i][j] = value.group(1).decode("utf-8", "replace").strip() or "#ERROR"


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_COL_RANGE = re.compile(rb'\bmin="(\d+)"[^>]*?\bmax="(\d+)"|\bmax="(\d+)"[^>]*?\bmin="(\d+)"')


def _hidden_rows(xml: bytes) -> list[int]:
    """Excel row numbers of the rows hidden by hand or by a filter (Excel marks both hidden="1" on the row;
    calamine reads their cells like any other), so the official decides whether they are imported."""
    if b"hidden=" not in xml:
        return []
    hidden = []
    number = 0
    for m in _ROW_TAG.finditer(xml):
        attrs = m.group(1)
        r = _ROW_NUMBER.search(attrs)
        number = int(r.group(1)) if r else number + 1  # r is optional: rows then follow one another
        if _HIDDEN.search(attrs):
            hidden.append(number)
    return hidden


def _hidden_columns(xml: bytes, width: int) -> list[int]:
    """Zero-based indices of hidden columns below `width` (a <col> range may run to the grid's end)."""
    if b"hidden=" not in xml:
        return []
    hidden: set[int] = set()
    for m in _COL_TAG.finditer(xml):
        attrs = m.group(1)
        bounds = _COL_RANGE.search(attrs)
        if not bounds or not _HIDDEN.search(attrs):
            continue
        low, high = (int(bounds.group(1)), int(bounds.group(2))) if bounds.group(1) else (int(bounds.group(4)),
                                                                                         int(bounds.group(3)))
        hidden.update(range(low - 1, min(high, width)))
    return sorted(hidden)


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Map sheet name → worksheet part path inside the zip."""
    from defusedxml import ElementTree

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    try:
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        targets[rel.get("Id")] = target
    parts = {}
    for sheet in workbook.iter(f"{ns_main}sheet"):
        rid = sheet.get(f"{ns_rel}id")
        if rid in targets:
            parts[sheet.get("name")] = targets[rid]
    return parts


def parse(request: Mapping[str, Any]) -> dict:
    """The template workbook's sheets named like a table (`request['wanted']`), each as header and columns."""
    path, wanted = request["path"], request["wanted"]
    max_rows, max_cells = request["max_rows"], request["max_cells"]
    import python_calamine

    wanted_lower = {w.lower() for w in wanted}
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(path)
    except python_calamine.PasswordError as exc:
        raise ParseFailure("encrypted", "workbook_encrypted") from exc
    except Exception as exc:  # calamine raises several error types for broken files
        raise ParseFailure("unreadable", "workbook_unreadable", detail=str(exc)) from exc
    metadata = workbook.sheets_metadata
    if len(metadata) > MAX_SHEETS:
        raise ParseFailure("too_many_sheets", "too_many_sheets", sheets=len(metadata), limit=MAX_SHEETS)
    with zipfile.ZipFile(path) as zf:
        parts = _sheet_parts(zf)
        sheets = []
        for meta in metadata:
            name = meta.name
            entry = {
                "name": name,
                "hidden": str(meta.visible) != "SheetVisibleEnum.Visible",
                "is_worksheet": str(meta.typ) == "SheetTypeEnum.WorkSheet",
                "columns": [],
                "header": [],
                "header_row": 1,
                "height": 0,
                "start_row": 0,
                "start_col": 0,
                "formula_cells_without_value": [],
                "merged": [],
                "hidden_rows": [],
                "hidden_columns": [],
            }
            if name.strip().lower() in wanted_lower and entry["is_worksheet"]:
                try:
                    sheet = workbook.get_sheet_by_name(name)
                except Exception as exc:
                    raise ParseFailure("unreadable", "sheet_unreadable", sheet=name, detail=str(exc)) from exc
                # Judged by the cells the sheet has (calamine's range), not by the size it declares.
                rows, columns = sheet.height, sheet.width
                if rows > max_rows + 1 or rows * columns > max_cells:
                    raise ParseFailure("too_many_cells", "sheet_too_many_cells", sheet=name, rows=rows, columns=columns,
                                       cells=rows * columns, max_rows=max_rows, max_cells=max_cells)
                start = sheet.start or (0, 0)
                entry["start_row"], entry["start_col"] = int(start[0]), int(start[1])
                rows = sheet.to_python()
                part = parts.get(name)
                xml = zf.read(part) if part and part in zf.namelist() else b""
                _restore_error_cells(xml, rows, entry["start_row"], entry["start_col"])
                header_index, entry["header"], body = split_header(rows)
                entry["header_row"] = int(start[0]) + header_index + 1
                entry["height"] = len(body)
                entry["columns"] = encode_columns(body)
                del rows, body
                try:
                    entry["merged"] = [tuple(r) for r in (sheet.merged_cell_ranges or [])]
                except Exception:  # merged ranges are informative only
                    entry["merged"] = []
                if xml:
                    entry["formula_cells_without_value"] = _formula_cells_without_value(xml)
                    entry["hidden_rows"] = _hidden_rows(xml)
                    entry["hidden_columns"] = _hidden_columns(xml, entry["start_col"] + columns)
                del xml
            sheets.append(entry)
    return {"kind": "xlsx", "sheets": sheets}
