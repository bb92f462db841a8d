"""The cells of a workbook's visible worksheets, for the PxWeb and Eurostat XLSX readers (python-calamine
reads cached values; formulas are never evaluated). Runs in the sandboxed child only."""

from __future__ import annotations

import io

from .model import StatFileError

MAX_SHEETS = 200
MAX_CELLS = 20_000_000


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
