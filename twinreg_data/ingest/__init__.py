"""Getting a spreadsheet into the database: the import path, one module per step.

A file goes through it like this: `filecheck` decides by content what the file is and refuses anything
hostile or oversized; `sandbox` starts the one kind of child process, under memory and CPU limits, in which
a reader from `readers/` (one per format: the template .xlsx, a one-table .csv) parses it; `validation` types
every cell and collects every problem of the whole file (`problems`: where, what was found, what was
expected); `apply` orchestrates (`check_file` then `apply_checked`, or `import_file` for both; the Data page
and the command line take the same path), `diff` previews the diff against the database and writes it in one
transaction with the row images it replaced, and `history` lists imports and rolls them back. A file
with problems comes back as a marked-up copy from `annotate`; `template` writes the empty template and the
whole database as a filled one; `reports` turns an import's report and history into the Data page's tables.

Official statistics files (PX, JSON-stat, PxWeb and Eurostat CSV/TSV/XLSX) take a path of their own:
`statistics.read_statistics_file` checks one by content (`filecheck.inspect_statistics_file`), parses it in
the same sandboxed child (reader `statistics`) and returns format-neutral `StatTable`s for a recipe to map.
`feeds` keeps saved sources (a PxWeb or Eurostat table, its query, its recipe) and runs them: `fetch` gets the
table within time, size and rate limits, and the answer takes the statistics path above to `apply_checked`.

The names below are the package's public surface; they load on first use, because the sandboxed reader
child imports this package too and must start without pandas.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "check_file": "apply",
    "apply_checked": "apply",
    "import_file": "apply",
    "rollback": "history",
    "list_imports": "history",
    "CheckedUpload": "apply",
    "ImportBlocked": "history",
    "ImportReport": "apply",
    "Recipe": "statistics.recipe",
    "NewIndicator": "statistics.recipe",
    "annotated_workbook": "annotate",
    "write_template": "template",
    "export_workbook": "template",
    "when_queued": "sandbox",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
