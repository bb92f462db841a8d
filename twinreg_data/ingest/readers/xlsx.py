"""Reader for the template workbook (.xlsx): every sheet named like a table, its cached cell values.

python-calamine reads the cells. Before it does, the sheet XML is held to the limits (cells, their extent, the
shared-string text they would expand to) and read for what calamine hides (formulas without a cached value,
Excel error values, hidden rows and columns): by byte operations for a plain sheet, by one streaming expat pass
otherwise (ingest.sheetbounds; linear either way, no regular expression over XML). Formulas are never evaluated.
"""

from __future__ import annotations

import array
import io
import posixpath
import zipfile
from collections.abc import Mapping
from typing import Any

from .. import sheetbounds, xmlscan
from .common import ParseFailure, blank, encode_columns, split_header

KIND = "xlsx"
MAX_SHEETS = 200
# An English message (the parent words it with i18n.t; this process has no catalogue).



def _formula_cells_without_value(xml: bytes) -> list[str]:
    """Cells holding a formula but no cached value: we never evaluate formulas (one streaming pass)."""
    return _scan(xml).formula_cells_without_value


def _scan(xml: bytes, shared: array.array | None = None, max_rows: int = 10**9, max_cells: int = 10**12,
          max_text_chars: int = 10**15) -> xmlscan.SheetScan:
    return xmlscan.scan_sheet(io.BytesIO(xml), shared if shared is not None else array.array("q"), max_rows,
                              max_cells, max_text_chars)


def _restore_error_cells(scan: xmlscan.SheetScan, rows: list[list], start_row: int, start_col: int) -> None:
    """Put Excel error values (#N/A, #DIV/0!, …) back where calamine reads them as empty cells.

    An error is the cell's cached value; read as empty it would silently vanish from an optional column.
    As text it is reported like any other wrong value (not a number, not a date, …).
    """
    for row, col, value in scan.error_cells:
        i = row - 1 - start_row
        j = col - 1 - start_col
        if 0 <= i < len(rows) and 0 <= j < len(rows[i]) and blank(rows[i][j]):
            rows[i][j] = value


def _hidden_columns(scan: xmlscan.SheetScan, width: int) -> list[int]:
    """Zero-based indices of hidden columns below `width` (a <col> range may run to the grid's end)."""
    hidden: set[int] = set()
    for low, high in scan.hidden_column_ranges:
        hidden.update(range(low - 1, min(high, width)))
    return sorted(hidden)


def _shared_strings(zf: zipfile.ZipFile) -> array.array:
    """The length of every shared string, read in one streaming pass (their text is calamine's to hold)."""
    names = {n.lower(): n for n in zf.namelist()}
    part = names.get("xl/sharedstrings.xml")
    if part is None:
        return array.array("q")
    with zf.open(part) as stream:
        try:
            return xmlscan.shared_string_lengths(stream)
        except xmlscan.DtdFound as exc:
            raise ParseFailure("xml_entities", "xml_entities", part=part) from exc
        except xmlscan.XmlBroken as exc:
            raise ParseFailure("unreadable", "workbook_unreadable", detail=f"{part}: {exc}") from exc


def _scan_sheet(zf: zipfile.ZipFile, part: str | None, name: str, shared: array.array, max_rows: int,
                max_cells: int, max_text_chars: int) -> xmlscan.SheetScan:
    """Before calamine reads a sheet: is it within the limits (its cells' extent, the shared-string text they
    would expand to), and what does it hold that calamine hides? Linear, and in C for plain sheets
    (ingest.sheetbounds); a sheet over a limit is refused here, in seconds, with the size message."""
    parts = sheetbounds.parts_to_check(zf, part)
    scan = xmlscan.SheetScan()
    for each in parts:
        try:
            scan = sheetbounds.check_sheet(zf.read(each), shared, max_rows, max_cells, max_text_chars)
        except xmlscan.LimitReached as exc:
            if exc.what == "text":
                raise ParseFailure("too_large_unpacked", "sheet_text_too_large", sheet=name,
                                   chars=exc.params["chars"], limit=max_text_chars) from exc
            raise ParseFailure("too_many_cells", "sheet_too_many_cells", sheet=name, max_rows=max_rows,
                               max_cells=max_cells, **exc.params) from exc
        except xmlscan.DtdFound as exc:
            raise ParseFailure("xml_entities", "xml_entities", part=each) from exc
        except xmlscan.XmlBroken as exc:
            raise ParseFailure("unreadable", "sheet_unreadable", sheet=name, detail=str(exc)) from exc
    return scan if len(parts) == 1 else xmlscan.SheetScan()


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str | None]:
    """Map sheet name → worksheet part path inside the zip; None where the workbook is ambiguous about it (a
    name or a relationship given twice), so that every worksheet part is checked rather than a guess."""
    from defusedxml import ElementTree

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    try:
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets: dict[str | None, str | None] = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        rid = rel.get("Id")
        targets[rid] = None if rid in targets else posixpath.normpath(target)
    parts: dict[str, str | None] = {}
    for sheet in workbook.iter(f"{ns_main}sheet"):
        rid, name = sheet.get(f"{ns_rel}id"), sheet.get("name")
        if rid in targets:
            parts[name] = None if name in parts else targets[rid]
    return parts


def parse(request: Mapping[str, Any]) -> dict:
    """The template workbook's sheets named like a table (`request['wanted']`), each as header and columns."""
    path, wanted = request["path"], request["wanted"]
    max_rows, max_cells = request["max_rows"], request["max_cells"]
    max_text_chars = request.get("max_text_chars", 100_000_000)
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
        shared = _shared_strings(zf)
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
                scan = _scan_sheet(zf, parts.get(name), name, shared, max_rows, max_cells, max_text_chars)
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
                _restore_error_cells(scan, rows, entry["start_row"], entry["start_col"])
                header_index, entry["header"], body = split_header(rows)
                entry["header_row"] = int(start[0]) + header_index + 1
                entry["height"] = len(body)
                entry["columns"] = encode_columns(body)
                del rows, body
                try:
                    entry["merged"] = [tuple(r) for r in (sheet.merged_cell_ranges or [])]
                except Exception:  # merged ranges are informative only
                    entry["merged"] = []
                entry["formula_cells_without_value"] = scan.formula_cells_without_value
                entry["hidden_rows"] = scan.hidden_rows
                entry["hidden_columns"] = _hidden_columns(scan, entry["start_col"] + columns)
            sheets.append(entry)
    return {"kind": "xlsx", "sheets": sheets}
