"""Official statistics files read natively into one format-neutral model (`StatTable`, see model.py).

Formats, told apart by content only (`detect`): PX / PC-Axis (`px`), JSON-stat 2.0 datasets and collections
and 1.x bundles (`jsonstat`), PxWeb's CSV and XLSX exports (`pxweb_csv`, `pxweb_xlsx`), Eurostat's SDMX-CSV
(`eurostat_sdmx_csv`), bulk TSV (`eurostat_tsv`) and data browser XLSX (`eurostat_xlsx`); a .gz of any text
format is unpacked first (with a ceiling).

Parsing runs only in the sandboxed child (ingest.readers.statistics, KIND "statistics"); the parent calls
`read_statistics_file(path)`, which checks the file, runs the child and rebuilds the tables with
`stat_table_from_child_result`. `read_tables(bytes)` is the same parsing in-process, for tests and tools.

Imports nothing heavy (no pandas): the child imports this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .detect import FORMATS, decode_text, detect, gunzip, is_gzip
from .model import FLAGS, Dimension, StatFileError, StatTable, flags_for_status
from .periods import parse_stat_period

__all__ = [
    "FLAGS", "FORMATS", "Dimension", "StatFileError", "StatTable", "decode_text", "detect", "flags_for_status",
    "parse_stat_period", "read_statistics_file", "read_table", "read_tables", "stat_table_from_child_result",
]


def read_tables(data: bytes, fmt: str | None = None) -> list[StatTable]:
    """Every table in a statistics file's bytes (several for a JSON-stat collection or a multi-sheet
    workbook). `fmt` skips detection; StatFileError for a file that is none of FORMATS or cannot be read."""
    fmt = fmt or detect(data)
    if fmt is None:
        raise StatFileError("The file is not a statistics file this service reads (PX, JSON-stat, PxWeb CSV "
                            "or XLSX, Eurostat SDMX-CSV, TSV or XLSX).")
    if fmt not in FORMATS:
        raise StatFileError("Unknown statistics format {format}.", format=fmt)
    if is_gzip(data):
        if fmt in ("pxweb_xlsx", "eurostat_xlsx"):
            raise StatFileError("A workbook inside a .gz file is not read; unpack it first.")
        data = gunzip(data)
    if fmt == "px":
        from .px import read_px

        return [read_px(data)]
    if fmt == "jsonstat":
        from .jsonstat import read_jsonstat

        return read_jsonstat(data)
    if fmt == "pxweb_csv":
        from .pxweb import read_pxweb_csv

        return [read_pxweb_csv(data)]
    if fmt == "pxweb_xlsx":
        from .pxweb import read_pxweb_xlsx

        return read_pxweb_xlsx(data)
    from . import eurostat

    if fmt == "eurostat_sdmx_csv":
        return [eurostat.read_sdmx_csv(data)]
    if fmt == "eurostat_tsv":
        return [eurostat.read_tsv(data)]
    return eurostat.read_xlsx(data)


def read_table(data: bytes, fmt: str | None = None) -> StatTable:
    """The first (usually only) table of a statistics file."""
    return read_tables(data, fmt)[0]


def stat_table_from_child_result(result: dict[str, Any]) -> list[StatTable]:
    """The tables the sandboxed child sent back (`{"kind": "statistics", "format", "tables": [...]}`), or
    StatFileError with the child's message when it refused the file."""
    if "error" in result:
        if result.get("error") != "statistics":  # the child's own refusals (out of memory) use catalog keys
            raise StatFileError("The file needs more memory than a reader may use.")
        raise StatFileError(result.get("text_key") or "The file cannot be read.", **result.get("params", {}))
    return [StatTable.from_dict(t) for t in result["tables"]]


def read_statistics_file(path: str | Path, display_name: str | None = None) -> list[StatTable]:
    """Check a statistics file by content (size, format) and parse it in the sandboxed child.

    Raises filecheck.RefusedFile for a file refused before parsing (empty, too large) and StatFileError for
    one that is not a statistics file or cannot be read (the child's own message, in plain English).
    """
    import pickle

    from ..filecheck import inspect_statistics_file
    from ..sandbox import ChildFailed, run_child

    path = Path(path)
    kind = inspect_statistics_file(path, display_name)
    request = {"path": str(path.resolve()), "kind": "statistics", "format": kind.format}
    try:
        output = run_child("twinreg_data.ingest.readers", request)
    except ChildFailed as exc:
        if exc.reason == "timeout":
            raise StatFileError("Reading the file took too long and was stopped.") from exc
        raise StatFileError("The reader stopped on this file (exit code {code}).", code=str(exc.code)) from exc
    if not output:
        raise StatFileError("The reader stopped on this file (exit code {code}).", code="0")
    return stat_table_from_child_result(pickle.loads(output))  # noqa: S301 - our own child's output
