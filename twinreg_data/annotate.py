"""A copy of an uploaded workbook with every faulty cell highlighted and commented.

The official fixes the cells in Excel and uploads again. The uploaded file is
opened with openpyxl (defusedxml-protected) in a child process with the same
memory and time limits as parsing, so even here no upload runs in the server.
A CSV upload comes back as a workbook with one sheet holding its rows.
The comments are written here, in the uploader's language, and handed to the
child ready to paste: it needs no translations.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from .i18n import t
from .validation import Problem

ANNOTATE_TIMEOUT_SECONDS = 150
ERROR_FILL = "FFF4B6B6"
WARNING_FILL = "FFFFE699"


def note(problem: Problem, lang: str) -> str:
    """One comment line: severity, problem name and what was expected, in `lang`."""
    return t("validation.note", lang, severity=t(f"severity.{problem.severity}", lang).upper(),
             problem=t(f"rule.{problem.rule}", lang), expected=problem.expected_in(lang))


def annotated_workbook(upload_path: str | Path, kind: str, problems: Iterable[Problem], out_path: str | Path,
                       encoding: str | None = None, csv_sheet: str = "data", lang: str = "en") -> Path:
    """Write the annotated copy to out_path (runs in a child process), its comments in `lang`."""
    from .importing import PARSE_CPU_SECONDS, PARSE_MEMORY_BYTES

    request = {
        "path": str(Path(upload_path).resolve()),
        "out": str(Path(out_path).resolve()),
        "kind": kind,
        "encoding": encoding,
        "csv_sheet": csv_sheet,
        "problems": [{"sheet": p.sheet, "cell": p.cell, "severity": p.severity, "note": note(p, lang)}
                     for p in problems],
        "memory_bytes": PARSE_MEMORY_BYTES,
        "cpu_seconds": PARSE_CPU_SECONDS,
    }
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run([sys.executable, "-m", "twinreg_data.annotate"], input=json.dumps(request),
                          capture_output=True, text=True, timeout=ANNOTATE_TIMEOUT_SECONDS, env=env)
    if done.returncode != 0:
        last_line = (done.stderr.strip().splitlines() or ["no detail"])[-1]
        raise RuntimeError(f"The annotated copy could not be written: {last_line}")
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
        from .parse_worker import parse_csv

        parsed = parse_csv(request["path"], request.get("encoding"), 1_000_000, 1_000)
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
    from .parse_worker import _limit_resources

    request = json.loads(sys.stdin.read())
    _limit_resources(int(request["memory_bytes"]), int(request["cpu_seconds"]))
    _write(request)
    return 0


if __name__ == "__main__":
    sys.exit(main())
