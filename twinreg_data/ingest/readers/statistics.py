"""Reader for official statistics files (PX, JSON-stat, PxWeb CSV/XLSX, Eurostat SDMX-CSV/TSV/XLSX).

Unlike the template readers it returns no sheets for validation: `{"kind": "statistics", "format",
"tables": [StatTable.to_dict(), ...], "sheets": []}`. The parent rebuilds the tables with
ingest.statistics.stat_table_from_child_result; mapping them onto observations is a recipe's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..statistics import StatFileError, read_tables
from .common import ParseFailure

KIND = "statistics"


def parse(request: Mapping[str, Any]) -> dict:
    with open(request["path"], "rb") as fh:
        data = fh.read()
    try:
        tables = read_tables(data, request.get("format"))
    except StatFileError as exc:
        # The English message is the msgid: the parent words it with i18n.t (this process has no catalogue).
        raise ParseFailure("statistics", exc.message, **exc.params) from exc
    return {"kind": KIND, "format": tables[0].format, "tables": [t.to_dict() for t in tables], "sheets": []}
