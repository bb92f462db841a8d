"""Reader for one table as CSV (UTF-8, or UTF-16 as Excel's "Unicode text" saves it, unless an encoding is given;
; , or tab separated)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from ..filecheck import utf16_encoding
from .common import ParseFailure, encode_columns, split_header

KIND = "csv"
# An English message (the parent words it with i18n.t; this process has no catalogue).

def _decode(data: bytes, encoding: str | None) -> str:
    if encoding and encoding.replace("_", "-").lower() in ("utf-16", "utf16"):
        encoding = utf16_encoding(data) or "utf-16"  # "utf-16" alone cannot read text without a byte-order mark
    encoding = encoding or utf16_encoding(data)
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


def parse(request: Mapping[str, Any]) -> dict:
    """One table as a single unnamed sheet; the delimiter (; , or tab) is the one the first line uses most."""
    path, encoding = request["path"], request.get("encoding")
    max_rows, max_columns, max_cells = request["max_rows"], request["max_columns"], request["max_cells"]
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
    cells = 0
    try:
        for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            if i > max_rows:
                raise ParseFailure("too_many_cells", "csv_too_many_rows", max_rows=max_rows)
            if len(row) > max_columns:
                raise ParseFailure("too_many_cells", "csv_too_many_columns", line=i + 1, columns=len(row),
                                   limit=max_columns)
            cells += len(row)
            if cells > max_cells:
                raise ParseFailure("too_many_cells", "csv_too_many_cells", max_rows=max_rows, max_cells=max_cells)
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
