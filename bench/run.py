"""Benchmarks, run side by side with their baselines in the same run.

    python bench/run.py            # full: 200,000-row import workbook, a 100,000-value statistics file
                                   # (bench/statfile.py), then the scale benchmark (bench/scale.py)
    python bench/run.py --quick    # smaller workbook, a 25,000-value statistics file, scale benchmark at 10⁵
                                   # and 10⁶ observations only
    python bench/run.py --only import|statistics|scale

Each measurement runs in its own child process, so its peak memory (max RSS,
including the import's parser child) is its own. Results are printed with a
pass/fail line per target and written to bench/results/ as JSON and Markdown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results"
IMPORT_TARGET_RATIO = 1.5


def make_workbooks(rows: int, out: Path) -> tuple[Path, Path]:
    """A base workbook (areas, indicators) and an observations workbook of `rows` rows, deterministic."""
    import xlsxwriter

    out.mkdir(parents=True, exist_ok=True)
    base, big = out / "base.xlsx", out / f"observations_{rows}.xlsx"
    areas = [f"FI-{i:03d}" for i in range(1, 101)]
    indicators = [f"BENCH_{i:02d}" for i in range(40)]
    if not base.exists():
        wb = xlsxwriter.Workbook(str(base))
        ws = wb.add_worksheet("areas")
        ws.write_row(0, 0, ["code", "country", "level", "name_en"])
        for r, code in enumerate(areas, 1):
            ws.write_row(r, 0, [code, "FI", "municipality", f"Area {code}"])
        ws = wb.add_worksheet("indicators")
        ws.write_row(0, 0, ["code", "domain", "name_en", "unit", "polarity", "frequency", "source"])
        for r, code in enumerate(indicators, 1):
            ws.write_row(r, 0, [code, "mobility", f"Indicator {code}", "count", "neutral", "monthly", "benchmark"])
        wb.close()
    if not big.exists():
        rng = random.Random(42)
        wb = xlsxwriter.Workbook(str(big), {"constant_memory": True})
        ws = wb.add_worksheet("observations")
        ws.write_row(0, 0, ["indicator", "area", "period", "value", "flag", "note"])
        r = 0
        done = False
        for code in indicators:
            for area in areas:
                for year in range(2000, 2030):
                    for month in range(1, 13):
                        r += 1
                        ws.write_row(r, 0, [code, area, f"{year}-{month:02d}", round(rng.uniform(0, 5000), 1),
                                            "provisional" if month == 12 and year == 2029 else None, None])
                        if r >= rows:
                            done = True
                            break
                    if done:
                        break
                if done:
                    break
            if done:
                break
        wb.close()
    return base, big


# -- measurements, each run in a fresh child process -------------------------------------------


def measure(name: str, path: str, base: str, db: str) -> dict:
    start = time.perf_counter()
    rows = 0
    child_kib = 0
    if name == "calamine_raw":
        import python_calamine

        data = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_name("observations").to_python()
        rows = len(data) - 1
    elif name == "pandas_calamine":
        import pandas as pd

        rows = len(pd.read_excel(path, sheet_name="observations", engine="calamine"))
    elif name == "pandas_openpyxl":
        import pandas as pd

        rows = len(pd.read_excel(path, sheet_name="observations", engine="openpyxl"))
    elif name == "twinreg_import":
        from twinreg_data.ingest.apply import import_file
        from twinreg_data.store import Store

        store = Store(db)
        start = time.perf_counter()  # the database is prepared; time only the import
        report = import_file(store, path, user="bench")
        if report.status != "applied":
            raise SystemExit(f"import failed: {report.message}")
        rows = sum(d.new + d.changed for d in report.diff.values())
        child_kib = report.parser_peak_rss_kib
    seconds = time.perf_counter() - start
    return {"name": name, "seconds": seconds, "rows": rows, "peak_rss_mb": _own_peak_kib() / 1024,
            "child_peak_rss_mb": child_kib / 1024}


def _own_peak_kib() -> int:
    """VmHWM: this process's peak RSS since exec (ru_maxrss can carry the forking parent's size)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_child(name: str, path: Path, base: Path, db: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", name, str(path), str(base), str(db)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepared_db(base: Path, work: Path) -> Path:
    """A database holding the base workbook, copied fresh for every import run."""
    from twinreg_data.ingest.apply import import_file
    from twinreg_data.store import Store

    template = work / "base.duckdb"
    if not template.exists():
        store = Store(template)
        import_file(store, base, user="bench")
        store.checkpoint()
        store.close()
    return template


def machine() -> dict:
    mem_kib = 0
    try:
        with open("/proc/meminfo") as fh:
            mem_kib = int(fh.readline().split()[1])
    except OSError:
        pass
    import duckdb
    import pandas as pd

    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(mem_kib / 1024**2, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pd.__version__,
    }


def import_benchmark(rows: int, repeats: int) -> dict:
    base, big = make_workbooks(rows, OUT)
    work = OUT / "work"
    work.mkdir(parents=True, exist_ok=True)
    template = prepared_db(base, work)
    results: dict[str, list[dict]] = {}
    plan = ["calamine_raw", "pandas_calamine", "twinreg_import"]
    for i in range(repeats):
        for name in plan:
            db = work / f"run_{i}.duckdb"
            for stale in (db, db.with_name(db.name + ".wal")):
                stale.unlink(missing_ok=True)
            shutil.copyfile(template, db)
            results.setdefault(name, []).append(run_child(name, big, base, db))
    results["pandas_openpyxl"] = [run_child("pandas_openpyxl", big, base, work / "unused.duckdb")]
    summary = {}
    for name, runs in results.items():
        median = statistics.median(r["seconds"] for r in runs)
        summary[name] = {
            "median_s": round(median, 3),
            "rows_per_s": round(runs[0]["rows"] / median) if median else None,
            "peak_rss_mb": round(max(r["peak_rss_mb"] for r in runs), 1),
            "parser_child_peak_rss_mb": round(max(r["child_peak_rss_mb"] for r in runs), 1),
            "runs": len(runs),
        }
    full = summary["twinreg_import"]["median_s"]
    summary["ratios"] = {
        "import_vs_pandas_calamine": round(full / summary["pandas_calamine"]["median_s"], 2),
        "import_vs_calamine_raw": round(full / summary["calamine_raw"]["median_s"], 2),
        "pandas_openpyxl_vs_pandas_calamine": round(
            summary["pandas_openpyxl"]["median_s"] / summary["pandas_calamine"]["median_s"], 2),
    }
    return {"rows": rows, "repeats": repeats, "results": summary}


def print_and_save(report: dict, quick: bool) -> None:
    res = report["import"]["results"]
    rows = report["import"]["rows"]
    print(f"\nImport benchmark, {rows:,}-row observations workbook (median of {report['import']['repeats']} runs)")
    print(f"{'measurement':34} {'median s':>9} {'rows/s':>10} {'peak RSS MB':>12} {'parser child MB':>16}")
    labels = {
        "calamine_raw": "python-calamine to_python (raw)",
        "pandas_calamine": "pandas read_excel engine=calamine",
        "pandas_openpyxl": "pandas read_excel engine=openpyxl",
        "twinreg_import": "TwinReg full import (all steps)",
    }
    for key, label in labels.items():
        r = res[key]
        print(f"{label:34} {r['median_s']:>9.3f} {r['rows_per_s']:>10,} {r['peak_rss_mb']:>12.1f} "
              f"{r['parser_child_peak_rss_mb']:>16.1f}")
    ratios = res["ratios"]
    ok = ratios["import_vs_pandas_calamine"] <= IMPORT_TARGET_RATIO
    print(f"\nratio full import / pandas calamine read: {ratios['import_vs_pandas_calamine']:.2f} "
          f"(raw python-calamine: {ratios['import_vs_calamine_raw']:.2f}; "
          f"openpyxl read / calamine read: {ratios['pandas_openpyxl_vs_pandas_calamine']:.2f})")
    print(f"{'PASS' if ok else 'FAIL'} import ≤ {IMPORT_TARGET_RATIO}× bare calamine read "
          f"({ratios['import_vs_pandas_calamine']:.2f}×)")
    report["targets"] = [{"target": f"import <= {IMPORT_TARGET_RATIO}x pandas calamine read", "pass": ok}]
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = "import-quick" if quick else "import"
    (RESULTS / f"{stem}.json").write_text(json.dumps(report, indent=2))
    lines = [
        f"# Import benchmark ({'quick' if quick else 'full'})",
        "",
        f"Run {report['when']} on {report['machine']['cpus']} CPUs, {report['machine']['memory_gib']} GiB, "
        f"Python {report['machine']['python']}, DuckDB {report['machine']['duckdb']}, "
        f"pandas {report['machine']['pandas']}. Workbook: {rows:,} observation rows.",
        "",
        "| measurement | median s | rows/s | peak RSS MB | parser child peak RSS MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, label in labels.items():
        r = res[key]
        lines.append(f"| {label} | {r['median_s']:.3f} | {r['rows_per_s']:,} | {r['peak_rss_mb']:.1f} | "
                     f"{r['parser_child_peak_rss_mb']:.1f} |")
    lines += [
        "",
        f"Full import / pandas calamine read: **{ratios['import_vs_pandas_calamine']:.2f}×** "
        f"(target ≤ {IMPORT_TARGET_RATIO}×: {'pass' if ok else 'fail'}); "
        f"full import / raw python-calamine read: {ratios['import_vs_calamine_raw']:.2f}×; "
        f"openpyxl read / calamine read: {ratios['pandas_openpyxl_vs_pandas_calamine']:.2f}×.",
        "",
    ]
    (RESULTS / f"{stem}.md").write_text("\n".join(lines))
    print(f"\nwritten: bench/results/{stem}.json, bench/results/{stem}.md")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("import", "statistics", "scale"))
    parser.add_argument("--measure", nargs=4, metavar=("NAME", "PATH", "BASE", "DB"))
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return 0
    if args.only in (None, "import"):
        rows, repeats = (50_000, 3) if args.quick else (200_000, 3)
        report = {
            "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "import": import_benchmark(rows, repeats),
        }
        print_and_save(report, args.quick)
    if args.only in (None, "statistics"):
        import statfile

        print("\nStatistics import benchmark" + (" (quick: 25,000 values)" if args.quick else ""), flush=True)
        statfile.run(args.quick, machine(), RESULTS)
    if args.only in (None, "scale"):
        import scale

        print("\nScale benchmark" + (" (quick: 10⁵ and 10⁶ observations)" if args.quick else ""), flush=True)
        scale.run(args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
