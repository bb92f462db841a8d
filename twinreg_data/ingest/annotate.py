"""A copy of an uploaded workbook with every faulty cell highlighted and commented.

The official fixes the cells in Excel and uploads again. The uploaded file is
opened with openpyxl (defusedxml-protected) in a child process started by
ingest.sandbox, with the same limits as parsing, so even here no upload runs in the server.
A CSV upload comes back as a workbook with one sheet holding its rows.
The comments are written here, in the uploader's language, and handed to the
child ready to paste: it needs no translations.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from ..i18n import NP_, t
from ..labels import RULE_LABELS, SEVERITY_LABELS
from .problems import Problem, group_problems
from .sandbox import ChildFailed, child_request, run_child
from .sheets import PROBLEMS_SHEET

ERROR_FILL = "FFF4B6B6"
WARNING_FILL = "FFFFE699"


def note(problem: Problem, lang: str) -> str:
    """One comment line: severity, problem name and what was expected, in `lang`."""
    return t("{severity} ({problem}). Expected: {expected}",
             lang, severity=t(SEVERITY_LABELS[problem.severity], lang).upper(),
             problem=t(RULE_LABELS[problem.rule], lang), expected=problem.expected_in(lang))


def summary_rows(problems: list[Problem], lang: str) -> list[list[object]]:
    """The grouped problems as rows of the copy's first sheet, header first, in `lang`."""
    rows: list[list[object]] = [[t(NP_("data", "Severity"), lang), t("Problem", lang), t("Column", lang),
                                 t("Value found", lang), t("Count", lang), t("Cell", lang), t("Expected", lang)]]
    for group in group_problems(problems):
        p = group.first
        rows.append([t(SEVERITY_LABELS[p.severity], lang), t(RULE_LABELS[p.rule], lang), p.column, p.value,
                     group.count, group.cells_text(), p.expected_in(lang)])
    return rows


def annotated_workbook(upload_path: str | Path, kind: str, problems: Iterable[Problem], out_path: str | Path,
                       encoding: str | None = None, csv_sheet: str = "data", lang: str = "en") -> Path:
    """Write the annotated copy to out_path (runs in a child process), its comments and its first sheet (the
    problems grouped: one line per rule, value and column) in `lang`."""
    problems = list(problems)
    request = {
        "summary_sheet": t(PROBLEMS_SHEET, lang)[:31],
        "summary": summary_rows(problems, lang),
        "path": str(Path(upload_path).resolve()),
        "out": str(Path(out_path).resolve()),
        "kind": kind,
        "encoding": encoding,
        "csv_sheet": csv_sheet,
        "problems": [{"sheet": p.sheet, "cell": p.cell, "severity": p.severity, "note": note(p, lang)}
                     for p in problems],
    }
    try:
        run_child("twinreg_data.ingest.annotate", request)
    except ChildFailed as exc:
        raise RuntimeError(f"The annotated copy could not be written: {exc.detail or exc.reason}") from exc
    return Path(out_path)


def _cells(problem: dict) -> tuple[str, str | None]:
    """(sheet, A1 cell or None for a whole row) of a problem's reference."""
    ref = problem["cell"]
    if "!" not in ref:
        return problem["sheet"], None
    sheet, cell = ref.rsplit("!", 1)
    if ":" in cell:  # a whole header row such as 1:1
        return sheet, "A" + cell.split(":")[0]
    return sheet, cell


def _write(request: dict) -> None:
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    if request["kind"] == "csv":
        from .readers import csv as csv_reader

        parsed = csv_reader.parse({"path": request["path"], "encoding": request.get("encoding"),
                                   "max_rows": 1_000_000, "max_columns": 16_384, "max_cells": 50_000_000})
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = request["csv_sheet"][:31]
        column = parsed["sheets"][0]
        rows = [column["header"]] + [list(r) for r in zip(*[_decoded(c) for c in column["columns"]], strict=True)]
        for row in rows:
            ws.append(row)
    else:
        wb = openpyxl.load_workbook(request["path"], keep_vba=False, keep_links=False, rich_text=False)
    notes: dict[tuple[str, str], list[dict]] = {}
    for problem in request["problems"]:
        sheet, cell = _cells(problem)
        if request["kind"] == "csv":
            sheet = request["csv_sheet"][:31]
        if cell:
            notes.setdefault((sheet, cell), []).append(problem)
    for (sheet, cell), items in notes.items():
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        severity = "error" if any(p["severity"] == "error" for p in items) else "warning"
        target = ws[cell]
        colour = ERROR_FILL if severity == "error" else WARNING_FILL
        target.fill = PatternFill(start_color=colour, end_color=colour, fill_type="solid")
        text = "\n".join(p["note"] for p in items)
        target.comment = Comment(text[:2000], "TwinReg Monitor", width=320, height=140)
    if request.get("summary") and len(request["summary"]) > 1 and request["summary_sheet"] not in wb.sheetnames:
        # First, so a long list is read as a few lines before the cells; ignored when the copy is uploaded again.
        summary = wb.create_sheet(request["summary_sheet"], 0)
        for row in request["summary"]:
            summary.append(row)
        wb.active = 0
    wb.save(request["out"])


def _decoded(column: tuple) -> list:
    import array

    if column[0] == "f8":
        values = array.array("d")
        values.frombytes(column[1])
        return list(values)
    uniques = column[1]
    codes = array.array("i")
    codes.frombytes(column[2])
    return [uniques[c] for c in codes]


def main() -> int:
    _write(child_request())
    return 0


if __name__ == "__main__":
    sys.exit(main())
