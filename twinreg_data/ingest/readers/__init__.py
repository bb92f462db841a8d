"""Readers, one module per file format, run only inside the sandboxed child (see ingest.sandbox).

A reader module has `KIND` (what filecheck calls the format) and `parse(request) -> dict`: it reads
`request["path"]` within `request["max_rows"]`, `request["max_cells"]` (and for CSV `request["max_columns"]` per
line) and returns
`{"sheets": [...]}`, each sheet a dict with name, header, header_row, columns (common.encode_columns), height,
start_row, start_col, hidden, is_worksheet, formula_cells_without_value, merged, and for a workbook
hidden_rows (Excel row numbers hidden by hand or by a filter) and hidden_columns (zero-based); it raises
common.ParseFailure for a file it cannot read. Validation then treats every format alike.

Official statistics files (PX, JSON-stat, PxWeb CSV/XLSX, Eurostat SDMX-CSV/TSV/XLSX) have one reader,
`statistics` (parsing in ingest.statistics), which returns `{"kind": "statistics", "format", "tables": [...],
"sheets": []}` instead of sheets; filecheck.inspect_statistics_file recognises their files.

To add a template format: write readers/<format>.py with KIND and parse(), add it to
READERS below, and teach filecheck.inspect_file to recognise its files (and sheets.table_for_csv, or its
like, which table a one-table format fills).

Imports nothing heavy (no pandas): the child starts fast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from . import csv, statistics, xlsx

READERS: dict[str, Callable[[Mapping[str, Any]], dict]] = {
    reader.KIND: reader.parse for reader in (xlsx, csv, statistics)
}
