"""The cells of a workbook's visible worksheets, for the PxWeb and Eurostat XLSX readers (python-calamine
reads cached values; formulas are never evaluated). Runs in the sandboxed child only."""

from __future__ import annotations

import array
import io

from .model import StatFileError

MAX_SHEETS = 200
MAX_CELLS = 20_000_000
MAX_ROWS = 1_000_000
MAX_TEXT_CHARS = 100_000_000  # what a sheet's shared-string references would expand to (as filecheck's limit)


def _scan_sheets(data: bytes, names: list[str]) -> None:
    """Each sheet's XML held to the limits before calamine reads it (ingest.sheetbounds: linear): a sheet whose
    cells span too much (a value at XFD1048576) or whose shared strings would expand too far is refused here,
    in seconds."""
    import zipfile

    from .. import sheetbounds, xmlscan
    from ..readers.xlsx import _sheet_parts

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = _sheet_parts(zf)
            listed = {n.lower(): n for n in zf.namelist()}
            shared_part = listed.get("xl/sharedstrings.xml")
            shared = array.array("q")
            if shared_part:
                with zf.open(shared_part) as stream:
                    shared = xmlscan.shared_string_lengths(stream)
            for name in names:
                for part in sheetbounds.parts_to_check(zf, parts.get(name)):
                    try:
                        sheetbounds.check_sheet(zf.read(part), shared, MAX_ROWS, MAX_CELLS, MAX_TEXT_CHARS)
                    except xmlscan.LimitReached as exc:
                        if exc.what == "text":
                            raise StatFileError("The sheet {sheet} would expand to more than {limit} characters "
                                                "of text.", sheet=name, limit=MAX_TEXT_CHARS) from exc
                        raise StatFileError("The sheet {sheet} has more than {limit} cells.", sheet=name,
                                            limit=MAX_CELLS) from exc
    except (xmlscan.DtdFound, xmlscan.XmlBroken, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise StatFileError("The workbook cannot be read: {detail}", detail=str(exc) or type(exc).__name__) from exc


def workbook_sheets(data: bytes) -> list[tuple[str, list[list[object]]]]:
    """(sheet name, rows of cell values) for every visible worksheet, in order."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several error types for broken files
        raise StatFileError("The workbook cannot be read: {detail}", detail=str(exc)) from exc
    metadata = workbook.sheets_metadata
    if len(metadata) > MAX_SHEETS:
        raise StatFileError("The workbook has {sheets} sheets; at most {limit} can be read.", sheets=len(metadata),
                            limit=MAX_SHEETS)
    _scan_sheets(data, [m.name for m in metadata if str(m.visible) == "SheetVisibleEnum.Visible"
                        and str(m.typ) == "SheetTypeEnum.WorkSheet"])
    sheets = []
    for meta in metadata:
        if str(meta.visible) != "SheetVisibleEnum.Visible" or str(meta.typ) != "SheetTypeEnum.WorkSheet":
            continue
        try:
            sheet = workbook.get_sheet_by_name(meta.name)
        except Exception as exc:
            raise StatFileError("The sheet {sheet} cannot be read: {detail}", sheet=meta.name,
                                detail=str(exc)) from exc
        if sheet.total_height * max(1, sheet.total_width) > MAX_CELLS:
            raise StatFileError("The sheet {sheet} has more than {limit} cells.", sheet=meta.name, limit=MAX_CELLS)
        sheets.append((meta.name, [list(row) for row in sheet.to_python(skip_empty_area=False)]))
    return sheets
