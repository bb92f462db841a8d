"""Deterministic databases for the scale benchmark: the demo data plus N synthetic observations.

    python bench/scale_data.py 1000000      # build (or reuse) bench/out/scale/obs_1000000.duckdb

The demo workbooks go in through the real importer (as `init --demo` does); the synthetic rows are added
with bulk INSERT … SELECT over DuckDB's range(), through the real schema of twinreg_data.store, and carry
the id of an `imports` row recorded for them. Shape of the synthetic data, the way real use grows:

- 380 municipalities (300 Finnish, 80 Estonian) with coordinates and population;
- monthly indicators for every municipality, 2000-01 … 2025-12 (312 months × 380 areas = 118,560 rows
  per indicator), as many indicators as N needs (the last one partly filled), domains in turn;
  rows are stored month by month (every indicator and area of a month together), as monthly uploads leave
  them: no indicator sits in a block of its own, so a query for one indicator cannot skip much storage;
- 1,200 bottlenecks with 1–6 status events each, 15,600 flows (commuters and passengers by ferry, yearly).

Every value comes from integer arithmetic on the row number, and import times are fixed, so the same N
gives the same database. A database is reused while its stamp (generator version, schema version, N) matches.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from twinreg_data.schema import DOMAINS  # noqa: E402
from twinreg_data.store import SCHEMA_VERSION, Store, rebuild_derived  # noqa: E402

GENERATOR_VERSION = 5
OUT = ROOT / "bench" / "out" / "scale"
DEMO_DIR = ROOT / "data" / "demo"

FI_AREAS, EE_AREAS = 300, 80
MONTHS = 312  # 2000-01 … 2025-12
FIRST_YEAR = 2000
PER_INDICATOR = (FI_AREAS + EE_AREAS) * MONTHS
BOTTLENECKS = 1200
BOTTLENECK_FIRST = 10000  # codes BN-10000 …
FLOW_YEARS = 26  # 2000 … 2025
FIXED_UPLOAD = "2025-12-31 12:00:00"  # every import row gets a fixed time, so databases compare equal

# A deterministic "random" number in [0, 1) from an integer and a salt (Knuth's multiplicative hash).
MACROS = [
    "CREATE OR REPLACE TEMP MACRO rnd(x, salt) AS "
    "(((x::BIGINT * 2654435761 + salt::BIGINT * 40503) % 4294967291) / 4294967291.0)",
]


def indicator_count(observations: int) -> int:
    return max(1, -(-observations // PER_INDICATOR))


def db_path(observations: int) -> Path:
    return OUT / f"obs_{observations}.duckdb"


def _stamp(observations: int) -> dict:
    return {"generator": GENERATOR_VERSION, "schema": SCHEMA_VERSION, "observations": observations}


def is_current(observations: int) -> bool:
    path = db_path(observations)
    stamp = path.with_suffix(".json")
    if not path.exists() or not stamp.exists():
        return False
    try:
        return json.loads(stamp.read_text()) == _stamp(observations)
    except (OSError, ValueError):
        return False


def _import_demo(store: Store) -> None:
    from twinreg_data.ingest.apply import import_file

    workbooks = sorted(DEMO_DIR.glob("*.xlsx"))
    if not workbooks:
        raise SystemExit(f"no demo workbooks in {DEMO_DIR}: run data/demo/build_demo.py")
    # A database being built needs no scheduled backups before its imports (TWINREG_BACKUP_KEEP=0 turns them off).
    keep = os.environ.get("TWINREG_BACKUP_KEEP")
    os.environ["TWINREG_BACKUP_KEEP"] = "0"
    try:
        for path in workbooks:
            report = import_file(store, path, user="demo")
            if report.status != "applied":
                raise SystemExit(f"demo import of {path.name} failed: {report.message}")
    finally:
        if keep is None:
            os.environ.pop("TWINREG_BACKUP_KEEP", None)
        else:
            os.environ["TWINREG_BACKUP_KEEP"] = keep


def _record_import(cur, observations: int, counts: dict) -> int:
    descriptor = json.dumps({"bench_scale": observations, "generator": GENERATOR_VERSION})
    return cur.execute(
        "INSERT INTO imports (file_name, sha256, sheets, uploaded_by, uploaded_at, status, counts, "
        "validation_summary) VALUES (?, ?, ?, 'bench', ?::TIMESTAMP, 'applied', ?, ?) RETURNING id",
        [f"bench_scale_{observations}.xlsx", hashlib.sha256(descriptor.encode()).hexdigest(),
         json.dumps(["areas", "indicators", "observations", "bottlenecks", "bottleneck_events", "flows"]),
         FIXED_UPLOAD, json.dumps(counts), json.dumps({"errors": 0, "warnings": 0})],
    ).fetchone()[0]


def _insert_areas(cur, import_id: int) -> None:
    for country, count, parent, lat0, lat_span, lon0, lon_span in (
        ("FI", FI_AREAS, "FI1B1", 60.0, 0.7, 23.0, 3.2),
        ("EE", EE_AREAS, "EE001", 58.9, 0.7, 23.5, 2.4),
    ):
        offset = 0 if country == "FI" else FI_AREAS
        cur.execute(
            f"""INSERT INTO areas (code, country, level, parent, name_en, name_fi, name_sv, name_et, lat, lon,
                                   population, population_year, source, import_id)
            SELECT printf('{country}-S%03d', i + 1), '{country}', 'municipality', '{parent}',
                   printf('Synthetic {country} %03d', i + 1), printf('Synteettinen {country} %03d', i + 1),
                   CASE WHEN '{country}' = 'FI' THEN printf('Syntetisk {country} %03d', i + 1) END,
                   printf('Sünteetiline {country} %03d', i + 1),
                   round({lat0} + {lat_span} * rnd(i + {offset}, 1), 4),
                   round({lon0} + {lon_span} * rnd(i + {offset}, 2), 4),
                   (1000 + 199000 * rnd(i + {offset}, 3) ^ 3)::BIGINT, 2024, 'synthetic (benchmark)', ?
            FROM range({count}) r(i)""",
            [import_id],
        )


def _insert_indicators(cur, import_id: int, indicators: int) -> None:
    polarities = ["higher_better", "higher_worse", "neutral"]
    cur.execute(
        """INSERT INTO indicators (code, domain, name_en, name_fi, name_et, unit, polarity, frequency, source,
                                   definition, break_notes, import_id)
        SELECT printf('BENCH_%03d', k + 1), list_extract(?::VARCHAR[], (k % 9) + 1),
               printf('Benchmark series %03d per municipality', k + 1),
               printf('Vertailusarja %03d kunnittain', k + 1),
               printf('Võrdlusseeria %03d omavalitsuste kaupa', k + 1),
               'count', list_extract(?::VARCHAR[], (k % 3) + 1), 'monthly',
               'TwinReg scale benchmark (synthetic)', 'Synthetic monthly series for the scale benchmark',
               CASE WHEN k % 4 = 0 THEN 'Method change in January 2015 (synthetic)' END, ?
        FROM range(?) r(k)""",
        [list(DOMAINS), polarities, import_id, indicators],
    )


def _insert_observations(cur, import_id: int, observations: int) -> None:
    """Row i: indicator i // PER_INDICATOR, area (i % PER_INDICATOR) // MONTHS, month i % MONTHS; stored by month."""
    cur.execute(
        f"""INSERT INTO observations (indicator, area, period, value, value_low, value_high, flag, note, source,
                                      period_start, import_id)
        WITH r AS (
            SELECT i, i // {PER_INDICATOR} AS k, (i % {PER_INDICATOR}) // {MONTHS} AS a, i % {MONTHS} AS m
            FROM range(?) t(i)
        ), v AS (
            SELECT *, round((50 + 5000 * rnd(a, 7 + k % 5)) * (1 + 0.02 * (m // 12))
                            * (1 + 0.15 * sin(2 * pi() * (m % 12) / 12)) * (0.9 + 0.2 * rnd(i, 11)), 1) AS value,
                   a % 97 = 5 AS estimated
            FROM r
        )
        SELECT printf('BENCH_%03d', k + 1),
               CASE WHEN a < {FI_AREAS} THEN printf('FI-S%03d', a + 1) ELSE printf('EE-S%03d', a - {FI_AREAS} + 1) END,
               printf('%04d-%02d', {FIRST_YEAR} + m // 12, m % 12 + 1),
               value,
               CASE WHEN estimated THEN round(value * 0.9, 1) END,
               CASE WHEN estimated THEN round(value * 1.1, 1) END,
               CASE WHEN m >= {MONTHS - 3} THEN 'provisional' WHEN estimated THEN 'estimate'
                    WHEN k % 4 = 0 AND m = 180 THEN 'break' END,
               NULL, NULL,
               make_date({FIRST_YEAR} + m // 12, m % 12 + 1, 1), ?
        FROM v ORDER BY m, k, a""",
        [observations, import_id],
    )


STATUS_PATH = ["identified", "analysed", "prioritised", "solution_proposed", "in_progress"]
CLOSINGS = ["resolved", "partly_resolved", "written_off"]


def _insert_bottlenecks(cur, import_id: int, indicators: int) -> None:
    sides, levels = ["FI", "EE", "both"], ["municipal", "regional", "national", "EU"]
    sources = ["interview", "roundtable", "survey", "statistics", "report", "enquiry"]
    solutions = ["law_change", "agreement", "procedure", "information", "digital_interoperability"]
    cur.execute(
        f"""INSERT INTO bottlenecks (code, domain, title_en, title_fi, title_et, description_en, description_fi,
                                     description_et, affected_groups, side, level, severity, people_low,
                                     people_high, people_source, owner_fi, owner_ee, source, identified_on,
                                     solution_type, indicators, reference, import_id)
        SELECT printf('BN-%05d', {BOTTLENECK_FIRST} + b),
               list_extract(?::VARCHAR[], (b % 9) + 1),
               printf('Synthetic obstacle %d for cross-border commuters', b),
               printf('Synteettinen este %d rajan yli pendelöiville', b),
               printf('Sünteetiline takistus %d piiriülestele pendeldajatele', b),
               printf('Generated for the scale benchmark: obstacle %d slows down people who work across the '
                      'Gulf of Finland.', b),
               printf('Vertailuajoa varten luotu este %d.', b), printf('Võrdluse jaoks loodud takistus %d.', b),
               'commuters; students',
               list_extract(?::VARCHAR[], (b % 3) + 1), list_extract(?::VARCHAR[], (b % 4) + 1),
               1 + b % 5, (100 + 5000 * rnd(b, 21))::BIGINT, (6000 + 20000 * rnd(b, 22))::BIGINT,
               'synthetic estimate', printf('Ministry FI %d', b % 17), printf('Ministeerium EE %d', b % 13),
               list_extract(?::VARCHAR[], (b % 6) + 1),
               DATE '2010-01-01' + (5400 * rnd(b, 23))::INTEGER,
               list_extract(?::VARCHAR[], (b % 5) + 1),
               printf('BENCH_%03d', (b % ?) + 1), 'synthetic (benchmark)', ?
        FROM range({BOTTLENECKS}) r(b)""",
        [list(DOMAINS), sides, levels, sources, solutions, indicators, import_id],
    )
    # Event j of bottleneck b: 1 + b % 6 events, 90–300 days apart, the lifecycle in order; a sixth event closes.
    cur.execute(
        f"""INSERT INTO bottleneck_events (bottleneck, date, seq, status, note, who, import_id)
        SELECT printf('BN-%05d', {BOTTLENECK_FIRST} + b),
               least(identified + (j * (90 + 210 * rnd(b, 24)))::INTEGER, DATE '2026-06-30' - (5 - j)::INTEGER),
               1,
               CASE WHEN j < 5 THEN list_extract(?::VARCHAR[], j + 1)
                    ELSE list_extract(?::VARCHAR[], (b // 6) % 3 + 1) END,
               printf('Step %d of synthetic obstacle %d', j + 1, b), 'benchmark', ?
        FROM (SELECT b, DATE '2010-01-01' + (5400 * rnd(b, 23))::INTEGER AS identified FROM range({BOTTLENECKS}) r(b))
        CROSS JOIN range(6) e(j)
        WHERE j <= b % 6""",
        [STATUS_PATH, CLOSINGS, import_id],
    )


def _insert_flows(cur, import_id: int) -> None:
    # 400 directed commuter pairs (FI-S i ↔ EE-S i % 80) and 200 passenger pairs, by ferry, every year.
    cur.execute(
        f"""INSERT INTO flows (origin, destination, mode, period, volume, unit, source, note, period_start,
                               import_id)
        WITH pairs AS (
            SELECT p, p % 200 AS fi, (p % 200) % {EE_AREAS} AS ee, p >= 200 AS reverse,
                   CASE WHEN p < 400 THEN 'commuters' ELSE 'passengers' END AS unit
            FROM range(600) r(p)
        )
        SELECT CASE WHEN reverse AND unit = 'commuters' THEN printf('EE-S%03d', ee + 1)
                    ELSE printf('FI-S%03d', fi + 1) END,
               CASE WHEN reverse AND unit = 'commuters' THEN printf('FI-S%03d', fi + 1)
                    ELSE printf('EE-S%03d', ee + 1) END,
               'ferry', ({FIRST_YEAR} + y)::VARCHAR,
               round((20 + 2000 * rnd(p, 31)) * (1 + 0.03 * y) * (CASE WHEN unit = 'passengers' THEN 40 ELSE 1 END)),
               unit, 'synthetic (benchmark)', NULL, make_date({FIRST_YEAR} + y, 1, 1), ?
        FROM pairs CROSS JOIN range({FLOW_YEARS}) t(y)""",
        [import_id],
    )


def build(path: Path, observations: int) -> None:
    """Write the demo data plus `observations` synthetic observations into a new database at `path`."""
    store = Store(path)
    try:
        _import_demo(store)
        indicators = indicator_count(observations)
        counts = {"areas": FI_AREAS + EE_AREAS, "indicators": indicators, "observations": observations,
                  "bottlenecks": BOTTLENECKS, "flows": 600 * FLOW_YEARS}
        with store.transaction() as cur:
            for macro in MACROS:
                cur.execute(macro)
            import_id = _record_import(cur, observations, {k: {"new": v, "changed": 0, "unchanged": 0}
                                                           for k, v in counts.items()})
            _insert_areas(cur, import_id)
            _insert_indicators(cur, import_id, indicators)
            _insert_observations(cur, import_id, observations)
            _insert_bottlenecks(cur, import_id, indicators)
            _insert_flows(cur, import_id)
            rebuild_derived(cur, counts)  # the bulk inserts above bypass the importer, which fills links, aliases
            _fix_times(cur)
        store.checkpoint()
    finally:
        store.close()


def _fix_times(cur) -> None:
    """Fixed import and audit times: the same N gives the same database."""
    cur.execute("UPDATE imports SET uploaded_at = ?::TIMESTAMP - to_minutes((100 - id)::INTEGER)", [FIXED_UPLOAD])
    cur.execute("UPDATE audit_log SET logged_at = ?::TIMESTAMP - to_minutes((100 - id)::INTEGER)", [FIXED_UPLOAD])


def generate(observations: int, force: bool = False, quiet: bool = False) -> Path:
    """The database with the demo data plus `observations` synthetic observations (built once, then reused)."""
    path = db_path(observations)
    if not force and is_current(observations):
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    tmp = path.with_name(path.name + ".building")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal"), path, path.with_name(path.name + ".wal"),
                  path.with_suffix(".json")):
        stale.unlink(missing_ok=True)
    build(tmp, observations)
    tmp.rename(path)
    wal = tmp.with_name(tmp.name + ".wal")
    if wal.exists():
        shutil.move(wal, path.with_name(path.name + ".wal"))
    path.with_suffix(".json").write_text(json.dumps(_stamp(observations)))
    if not quiet:
        print(f"generated {path.relative_to(ROOT)} ({observations:,} synthetic observations) "
              f"in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def demo_db() -> Path:
    """The demo database alone (the demo workbooks through the importer), built once, fixed import times."""
    path = OUT / "demo.duckdb"
    stamp = {"generator": GENERATOR_VERSION, "schema": SCHEMA_VERSION, "demo": sorted(
        (p.name, p.stat().st_size) for p in DEMO_DIR.glob("*.xlsx"))}
    stamp_path = path.with_suffix(".json")
    if path.exists() and stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    store = Store(path)
    try:
        _import_demo(store)
        with store.transaction() as cur:
            _fix_times(cur)
        store.checkpoint()
    finally:
        store.close()
    path.with_suffix(".json").write_text(json.dumps(stamp))
    return path


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [100_000]
    for n in sizes:
        print(generate(n, force="--force" in sys.argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
