"""Write the demo workbooks (data/demo/*.xlsx) from the records in data/demo/src/, then check them.

    python data/demo/build_demo.py           # write the workbooks
    python data/demo/build_demo.py --check   # write, then import them into a throw-away database

The check uses the real importer, so a problem is reported exactly as an official would see it.
Files import in name order: a file refers only to codes defined in itself or an earlier file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import re
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from src import translations  # noqa: E402

from twinreg_data.schema import TABLES_BY_NAME  # noqa: E402

# workbook → [(sheet/table, module in src/, attribute)]
WORKBOOKS = {
    "01_areas_indicators.xlsx": [("areas", "areas_indicators", "AREAS"),
                                 ("indicators", "areas_indicators", "INDICATORS")],
    "02_observations.xlsx": [("observations", "areas_indicators", "OBSERVATIONS")],
    "03_bottlenecks.xlsx": [("bottlenecks", "bottlenecks", "BOTTLENECKS"),
                            ("bottleneck_events", "bottlenecks", "EVENTS")],
    "04_flows_services_actions.xlsx": [("flows", "areas_indicators", "FLOWS"),
                                       ("services", "cooperation", "SERVICES"),
                                       ("actions", "cooperation", "ACTIONS"),
                                       ("regions_benchmark", "cooperation", "REGIONS_BENCHMARK")],
}


def _records(module: str, attribute: str) -> list[dict] | None:
    try:
        mod = importlib.import_module(f"src.{module}")
    except ModuleNotFoundError:
        return None
    return getattr(mod, attribute, None)


def _make_reproducible(path: Path) -> None:
    """Fixed zip timestamps and document dates, so rebuilding unchanged records gives identical bytes."""
    fixed = (2026, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(path) as src:
        parts = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            out.writestr(zipfile.ZipInfo(info.filename, date_time=fixed), data, zipfile.ZIP_DEFLATED)


def write(out_dir: Path = HERE) -> list[Path]:
    import openpyxl

    written = []
    for file_name, sheets in WORKBOOKS.items():
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for table_name, module, attribute in sheets:
            records = _records(module, attribute)
            if records is None:
                print(f"skip {table_name}: src/{module}.py has no {attribute} yet")
                continue
            records = translations.apply(table_name, records)  # content in Finnish, Estonian and Swedish
            table = TABLES_BY_NAME[table_name]
            unknown = {k for r in records for k in r} - set(table.column_names)
            if unknown:
                raise SystemExit(f"{table_name}: unknown columns {sorted(unknown)}")
            ws = wb.create_sheet(table_name)
            ws.append(table.column_names)
            for record in records:
                ws.append([record.get(c) for c in table.column_names])
            for j, col in enumerate(table.columns, 1):
                if col.kind == "date":
                    for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                        cell.number_format = "yyyy-mm-dd"
        if not wb.sheetnames:
            continue
        # Fixed document properties so that rebuilding gives the same content.
        wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
        wb.properties.creator = wb.properties.lastModifiedBy = "TwinReg Monitor demo"
        path = out_dir / file_name
        wb.save(path)
        _make_reproducible(path)
        written.append(path)
        print(f"wrote {path.name}: " + ", ".join(wb.sheetnames))
    for text in translations.missing():
        print(f"no translation (the pages show it in English, marked): {text}")
    return written


def check(paths: list[Path]) -> int:
    from twinreg_data.ingest.apply import import_file
    from twinreg_data.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "check.duckdb")
        failed = 0
        for path in sorted(paths):
            report = import_file(store, path, user="demo-check")
            print(report.message)
            for p in report.problems:
                print(f"  {p.severity}: {p.cell} found {p.value!r}; expected {p.expected}")
            failed += report.status not in ("applied", "nothing_to_do")
        print(store.table_counts())
        store.close()
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    files = write()
    sys.exit(check(files) if args.check else 0)
