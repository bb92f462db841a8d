"""What a snapshot for viewer instances costs (twinreg_data/snapshot.py, docs/deployment.md).

    python bench/snapshot.py [--observations N ...] [--reps 3]

For the demo database and databases with N synthetic observations (bench/scale_data.py), on a private copy:
- publish: the whole `publish_snapshot` (median of reps), and the part during which the database is held
  (CHECKPOINT and the byte copy: what an import or another process waits for), the public copy, the checksum;
- the snapshot's size against the database's;
- a viewer's look at the pointer when nothing changed (`SnapshotFollower.current()`, median of 10,000 calls);
- a viewer's first use of a new snapshot: open read-only and read every row once (`verify_readable`), which the
  first page view after a switch pays.
Writes bench/results/snapshot.json and .md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import scale_data  # noqa: E402
from scale import machine  # noqa: E402

from twinreg_data import snapshot  # noqa: E402
from twinreg_data.backup import verify_readable  # noqa: E402
from twinreg_data.store import Store  # noqa: E402

RESULTS = ROOT / "bench" / "results"


class Timed:
    """Wraps a module function and adds up the time spent in it."""

    def __init__(self, module: object, name: str) -> None:
        self.module, self.name, self.original, self.seconds = module, name, getattr(module, name), 0.0

    def __enter__(self) -> Timed:
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return self.original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        setattr(self.module, self.name, timed)
        return self

    def __exit__(self, *exc: object) -> None:
        setattr(self.module, self.name, self.original)


def measure(source: Path, label: str, reps: int, work: Path) -> dict:
    db = work / f"{label}.duckdb"
    shutil.copyfile(source, db)
    store = Store(db)
    folder = work / f"{label}-snapshots"
    runs = []
    for _ in range(reps):
        with Timed(snapshot, "copy_open_database") as copy, Timed(snapshot, "_public_copy") as public, \
                Timed(snapshot, "sha256_of") as checksum:
            start = time.perf_counter()
            published = snapshot.publish_snapshot(store, folder, keep=2)
            total = time.perf_counter() - start
        runs.append({"total_s": total, "byte_copy_s": copy.seconds, "public_copy_s": public.seconds,
                     "checksum_s": checksum.seconds})
    store.close()
    follower = snapshot.SnapshotFollower(folder)
    follower.current()
    looks = []
    for _ in range(10_000):
        start = time.perf_counter()
        follower.current()
        looks.append(time.perf_counter() - start)
    start = time.perf_counter()
    viewer = Store(published.path, read_only=True)
    verify_readable(viewer)
    first_use = time.perf_counter() - start
    viewer.close()
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    return {"database": label, "database_bytes": source.stat().st_size, "snapshot_bytes": published.bytes,
            "observations": published.table_counts.get("observations", 0), "reps": reps, **median,
            "pointer_look_us": statistics.median(looks) * 1e6, "viewer_first_use_s": first_use}


def write_markdown(report: dict, path: Path) -> None:
    m = report["machine"]
    lines = ["# Snapshots for viewer instances", "",
             f"Run {report['run_at']} with `python bench/snapshot.py` on {m['cpus']} CPU(s) ({m['cpu_model']}), load "
             f"average {m['load_average_1m']} (1 min), Python {m['python']}, DuckDB {m['duckdb']}.", "",
             "| database | observations | db MB | snapshot MB | publish s | byte copy s | other work holding the db s "
             "(at most) | public copy s | checksum s | pointer look µs | viewer first use s |", "|---" * 11 + "|"]
    for row in report["rows"]:
        held = row["total_s"] - row["public_copy_s"] - row["checksum_s"] - row["byte_copy_s"]
        lines.append(f"| {row['database']} | {row['observations']:,} | {row['database_bytes'] / 1e6:.1f} | "
                     f"{row['snapshot_bytes'] / 1e6:.1f} | {row['total_s']:.2f} | {row['byte_copy_s']:.2f} | "
                     f"{held:.2f} | {row['public_copy_s']:.2f} | {row['checksum_s']:.2f} | "
                     f"{row['pointer_look_us']:.1f} | {row['viewer_first_use_s']:.2f} |")
    lines += ["", "Medians of the runs. The database is held (locked against other processes, no write of this "
              "process in between) for the CHECKPOINT and the byte copy only; *other work* is the publication's "
              "time outside the byte copy, public copy and checksum (the CHECKPOINT, fsyncs, renames), an upper "
              "bound of the CHECKPOINT. *Pointer look*: `SnapshotFollower.current()` when nothing changed (every "
              "run of a viewer pays it). *Viewer first use*: open a new snapshot read-only and read every row once, "
              "paid by the first run after a switch."]
    path.write_text("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--observations", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    sources = [("demo", scale_data.demo_db())] + [(f"{n:,}", scale_data.generate(n)) for n in args.observations]
    with tempfile.TemporaryDirectory(prefix="twinreg-snapshot-bench-") as tmp:
        rows = [measure(source, label.replace(",", "_"), args.reps, Path(tmp)) for label, source in sources]
    report = {"run_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine(), "rows": rows}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "snapshot.json").write_text(json.dumps(report, indent=2))
    write_markdown(report, RESULTS / "snapshot.md")
    print((RESULTS / "snapshot.md").read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
