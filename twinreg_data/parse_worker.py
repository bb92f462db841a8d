"""Child process that parses one uploaded file under memory and CPU limits.

python-calamine aborts the whole process on some hostile files, so parsing never
happens in the server process. The parent (importing.read_upload) runs
`python -m twinreg_data.parse_worker REQUEST_JSON` and reads a pickle from stdout.

This module imports nothing heavy (no pandas) so the child starts fast.
"""

from __future__ import annotations

import array
import csv
import io
import json
import pickle
import re
import resource
import sys
import zipfile

MAX_SHEETS = 200


class ParseFailure(Exception):
    """The file cannot be parsed: `reason` as in filecheck.RefusedFile, the text is the catalog entry
    `refusal.<text_key>` with `params` (this process stays free of the catalog; the importer words it)."""

    def __init__(self, reason: str, text_key: str, **params: object) -> None:
        super().__init__(f"{reason}: {text_key} {params}")
        self.reason = reason
        self.text_key = text_key
        self.params = params


def _limit_resources(memory_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


_CELL_WITH_FORMULA = re.compile(rb"<c\b([^>]*?)(?<!/)>(.*?)</c>", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_CELL_TYPE_STR = re.compile(rb'\bt="str"')
# A cached value is a <v> element with content. openpyxl (and other writers) store a formula that was
# never calculated as <f>…</f><v></v> or <v/>: an empty <v> is no value, except for a formula whose
# result is the empty string (t="str").
_CACHED_VALUE = re.compile(rb"<v(?:\s[^>]*)?>\s*[^<\s]")
_EMPTY_VALUE = re.compile(rb"<v(?:\s[^>]*)?(?:/>|>\s*</v>)")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def split_header(rows: list[list]) -> tuple[int, list, list[list]]:
    """(index of the header row, header cells, body rows): the header is the first row with content."""
    for i, row in enumerate(rows):
        if not all(_blank(v) for v in row):
            return i, list(row), rows[i + 1:]
    return len(rows), [], []


def encode_columns(rows: list[list]) -> list[tuple]:
    """Rows → compact columns, so the pickle to the parent stays small and fast.

    A column of only floats travels as raw doubles; anything else as its distinct
    values plus one 32-bit index per row (codes, periods and units repeat a lot).
    """
    if not rows:
        return []
    width = max(len(r) for r in rows)
    if any(len(r) != width for r in rows):
        rows = [list(r) + [""] * (width - len(r)) for r in rows]
    columns = []
    for values in zip(*rows, strict=True):
        if set(map(type, values)) == {float}:
            columns.append(("f8", array.array("d", values).tobytes()))
            continue
        # Keyed by value: calamine yields floats, never ints, so 1 == 1.0 cannot merge distinct cells
        # (only a boolean TRUE next to 1.0 could, and it then reads as 1). map() keeps the loop in C.
        index = {v: i for i, v in enumerate(dict.fromkeys(values))}
        codes = array.array("i", map(index.__getitem__, values))
        columns.append(("dict", list(index), codes.tobytes()))
    return columns


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
        if 0 <= i < len(rows) and 0 <= j < len(rows[i]) and _blank(rows[i][j]):
            rows[i][j] = value.group(1).decode("utf-8", "replace").strip() or "#ERROR"


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


def parse_xlsx(path: str, wanted: list[str], max_rows: int, max_columns: int) -> dict:
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
            }
            if name.strip().lower() in wanted_lower and entry["is_worksheet"]:
                try:
                    sheet = workbook.get_sheet_by_name(name)
                except Exception as exc:
                    raise ParseFailure("unreadable", "sheet_unreadable", sheet=name, detail=str(exc)) from exc
                if sheet.total_height > max_rows + 1 or sheet.total_width > max_columns:
                    raise ParseFailure("too_many_cells", "sheet_too_many_cells", sheet=name, rows=sheet.total_height,
                                       columns=sheet.total_width, max_rows=max_rows, max_columns=max_columns)
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
                del xml
            sheets.append(entry)
    return {"kind": "xlsx", "sheets": sheets}


def _decode(data: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseFailure("encoding", "not_in_encoding", encoding=encoding, detail=str(exc)) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseFailure("encoding", "not_utf8", byte=f"0x{data[exc.start]:02X}", line=line) from exc


def parse_csv(path: str, encoding: str | None, max_rows: int, max_columns: int) -> dict:
    with open(path, "rb") as fh:
        data = fh.read()
    text = _decode(data, encoding)
    if "\x00" in text:
        raise ParseFailure("binary", "csv_nul")
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ","
    csv.field_size_limit(1_000_000)
    rows = []
    try:
        for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            if i > max_rows:
                raise ParseFailure("too_many_cells", "csv_too_many_rows", max_rows=max_rows)
            if len(row) > max_columns:
                raise ParseFailure("too_many_cells", "csv_too_many_columns", line=i + 1, columns=len(row),
                                   limit=max_columns)
            rows.append(row)
    except csv.Error as exc:
        raise ParseFailure("csv_syntax", "csv_syntax", detail=str(exc)) from exc
    header_index, header, body = split_header(rows)
    return {
        "kind": "csv",
        "delimiter": delimiter,
        "sheets": [{"name": "", "hidden": False, "is_worksheet": True, "columns": encode_columns(body),
                    "header": header, "header_row": header_index + 1, "height": len(body), "start_row": 0,
                    "start_col": 0, "formula_cells_without_value": [], "merged": []}],
    }


def _peak_rss_kib() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(argv: list[str]) -> int:
    request = json.loads(argv[1])
    _limit_resources(int(request["memory_bytes"]), int(request["cpu_seconds"]))
    out = sys.stdout.buffer
    try:
        if request["kind"] == "xlsx":
            result = parse_xlsx(request["path"], request["wanted"], request["max_rows"], request["max_columns"])
        else:
            result = parse_csv(request["path"], request.get("encoding"), request["max_rows"],
                               request["max_columns"])
    except ParseFailure as exc:
        result = {"error": exc.reason, "text_key": exc.text_key, "params": exc.params}
    except MemoryError:
        result = {"error": "too_large_unpacked", "text_key": "out_of_memory", "params": {}}
    result["peak_rss_kib"] = _peak_rss_kib()
    pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
