"""Crash test machinery: a long-running import process, killed with SIGKILL at random moments, and the checks.

Run as a script it is the victim, a process that imports like the server does:

    python tests/crash_harness.py DB FILES_DIR

It opens DB once (one Store for the process, as the server has), then imports every workbook of FILES_DIR in
name order through twinreg_data.ingest (read → check → scheduled backup → one write transaction →
checkpoint → audit line), skipping those already applied, and prints "all" and exits once every file is in.
Progress goes to stdout, one flushed line per step, so the killer knows which import was in flight:

    ready
    start NAME
    phase backup | phase write | phase committed     (where the import is; see _trace_phases)
    committed NAME IMPORT_ID

`crash_loop()` is the killer (used by tests/test_durability.py and bench/durability.py): it starts the victim,
kills it at a random moment, checks the database after every kill (`verify()`), and starts it again.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
for entry in (str(REPO), str(TESTS)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

AREAS_PER_FILE = 5
YEARS = range(2000, 2040)
ROWS_PER_FILE = AREAS_PER_FILE * len(YEARS)  # observations of the file's own areas
SHARED_KEY = ("MOB_FERRY_PAX", "FI-091", "2023")  # every file rewrites this row: file k sets it to SHARED_BASE + k
SHARED_BASE = 1_000_000.0
START_TIMEOUT_S = 60
# Where the killer aims: (line to wait for, or None for anywhere; the kill follows within `window` seconds).
TARGETS = ((None, 0.0), ("phase backup", 0.04), ("phase write", 0.12), ("phase committed", 0.04))
# The victim waits this long after COMMIT (before its checkpoint and report): otherwise the moments between COMMIT
# and "committed" are too short for a kill to land there on a busy machine.
POST_COMMIT_PAUSE_S = 0.05


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _trace_phases() -> None:
    """Say when an import enters its backup, its write transaction and the part after COMMIT.

    Only the victim is traced (the product code is untouched), so the killer can tell where each kill landed.
    """
    from contextlib import contextmanager

    from twinreg_data.ingest import diff as importing  # where an import takes its backup and writes
    from twinreg_data.store import Store

    backed_up = importing.backed_up

    @contextmanager
    def traced(store):
        say("phase backup")
        with backed_up(store) as backup:
            say("phase write")
            yield backup

    checkpoint = Store.checkpoint

    def traced_checkpoint(self) -> None:
        say("phase committed")  # apply() checkpoints right after COMMIT
        time.sleep(POST_COMMIT_PAUSE_S)  # a window after COMMIT wide enough for the killer to hit
        checkpoint(self)

    importing.backed_up = traced
    Store.checkpoint = traced_checkpoint


def victim(db: str, files_dir: str) -> int:
    from twinreg_data.ingest.apply import import_file, sha256_of
    from twinreg_data.ingest.diff import find_applied_import
    from twinreg_data.store import Store

    _trace_phases()
    store = Store(db)
    files = sorted(Path(files_dir).glob("*.xlsx"))
    say("ready")
    for path in files:
        if find_applied_import(store, sha256_of(path)) is not None:
            continue
        say(f"start {path.name}")
        report = import_file(store, path, user="harness")
        if report.status != "applied":
            say(f"failed {path.name} {report.status} {report.message}")
            return 1
        say(f"committed {path.name} {report.import_id}")
    say("all")
    return 0


# -- the files and the database ------------------------------------------------------------------


def file_name(k: int) -> str:
    return f"import-{k:03d}.xlsx"


def area_prefix(k: int) -> str:
    return f"K{k:03d}-"


def write_files(directory: Path, count: int) -> dict[str, int]:
    """`count` workbooks; file k adds 5 areas and their 200 observations and rewrites the shared row."""
    from factories import table_rows, write_xlsx

    directory.mkdir(parents=True, exist_ok=True)
    files = {}
    for k in range(1, count + 1):
        areas = [dict(code=f"{area_prefix(k)}{j}", country="FI", level="municipality", parent="FI1B1",
                      name_en=f"Crash test area {k}-{j} äöõüšž") for j in range(AREAS_PER_FILE)]
        obs = [dict(indicator="MOB_FERRY_PAX", area=a["code"], period=str(y), value=float(k * 10_000 + y))
               for a in areas for y in YEARS]
        obs.append(dict(indicator=SHARED_KEY[0], area=SHARED_KEY[1], period=SHARED_KEY[2], value=SHARED_BASE + k))
        write_xlsx(directory / file_name(k), {"areas": table_rows("areas", areas),
                                              "observations": table_rows("observations", obs)})
        files[file_name(k)] = k
    return files


# -- checks after a crash ------------------------------------------------------------------------


class Inconsistent(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Inconsistent(message)


def verify(db: Path, files_dir: Path, files: dict[str, int], committed: set[str], in_flight: str | None,
           base_observations: int) -> dict:
    """Open the database as a restarted process would and check it against what the victim reported.

    Every import the victim reported committed is there, complete; the one in flight is either complete
    (the kill came after COMMIT) or leaves no trace at all; the import history and the audit log list exactly
    those; every complete scheduled backup matches its checksum.
    """
    from twinreg_data.backup import MANIFEST, scheduled_backups
    from twinreg_data.ingest.apply import sha256_of
    from twinreg_data.store import Store

    store = Store(db)  # raises StoreError if the file does not open
    try:
        sha_to_name = {sha256_of(files_dir / name): name for name in files}
        imports = store.query("SELECT id, sha256, status FROM imports WHERE uploaded_by = 'harness' ORDER BY id")
        check(all(status == "applied" for _, _, status in imports), f"an import is not 'applied': {imports}")
        applied = {sha_to_name[sha]: import_id for import_id, sha, _ in imports}
        check(len(applied) == len(imports), "a file appears twice in the import history")
        check(committed <= set(applied), f"reported committed but missing: {sorted(committed - set(applied))}")
        unexpected = set(applied) - committed - ({in_flight} if in_flight else set())
        check(not unexpected, f"imports nobody committed: {sorted(unexpected)}")
        for name, k in files.items():
            rows = store.query("SELECT count(*), count(DISTINCT import_id), min(import_id) FROM observations "
                               "WHERE starts_with(area, ?)", [area_prefix(k)])[0]
            areas = store.query("SELECT count(*), min(import_id) FROM areas WHERE starts_with(code, ?)",
                                [area_prefix(k)])[0]
            if name in applied:
                check(rows == (ROWS_PER_FILE, 1, applied[name]), f"{name}: observations {rows}, expected "
                                                                  f"{ROWS_PER_FILE} rows of import {applied[name]}")
                check(areas == (AREAS_PER_FILE, applied[name]), f"{name}: areas {areas}")
            else:
                check(rows[0] == 0 and areas[0] == 0, f"{name} was never committed but left rows {rows} {areas}")
        ids = sorted(applied.values())
        shared = store.query("SELECT value, import_id FROM observations WHERE indicator = ? AND area = ? "
                             "AND period = ?", list(SHARED_KEY))
        if ids:
            last = max(applied, key=applied.get)
            check(shared == [(SHARED_BASE + files[last], applied[last])],
                  f"shared row {shared}, expected the value of {last}")
        else:
            check(shared == [], f"shared row {shared} without any import")
        prev = store.query("SELECT replaced_by FROM observations_prev ORDER BY replaced_by")
        check([r[0] for r in prev] == ids[1:], f"row images {prev} do not match the imports {ids}")
        orphan_audit = store.scalar(
            "SELECT count(*) FROM audit_log WHERE action = 'import' AND outcome = 'applied' AND "
            "TRY_CAST(json_extract_string(detail, '$.import_id') AS BIGINT) NOT IN (SELECT id FROM imports)")
        check(orphan_audit == 0, "the audit log names an import that is not in the history")
        total = store.scalar("SELECT count(*) FROM observations")
        check(total == base_observations + ROWS_PER_FILE * len(applied) + (1 if applied else 0),
              f"{total} observations for {len(applied)} imports")
        audited = sorted(r[0] for r in store.query(
            "SELECT TRY_CAST(json_extract_string(detail, '$.import_id') AS BIGINT) FROM audit_log "
            "WHERE actor = 'harness' AND action = 'import' AND outcome = 'applied'"))
        check(audited == ids, f"audit lines for imports {audited}, history {ids}: an import and its audit line "
                              "commit together")
        backups = scheduled_backups(db)
        for folder in backups:
            manifest = json.loads((folder / MANIFEST).read_text())
            check(sha256_of(folder / "twinreg.duckdb") == manifest["sha256"], f"backup {folder.name} is damaged")
        return {"applied": len(applied), "audited": len(audited), "backups": len(backups)}
    finally:
        store.close()


# -- the killer ----------------------------------------------------------------------------------


@dataclass
class Kill:
    after_s: float
    in_flight: str | None
    phase: str  # where the in-flight import was: read_check | backup | write | committed | idle
    outcome: str  # committed (kill after COMMIT) | absent (no trace) | idle (no import was running)
    wal_present: bool
    partial_backup: bool
    reopen_s: float


@dataclass
class CrashReport:
    kills: list[Kill] = field(default_factory=list)
    imports_committed: int = 0
    imports_interrupted: int = 0
    restore_ok: bool = False
    seconds: float = 0.0

    def summary(self) -> dict:
        during = [k for k in self.kills if k.in_flight]
        return {
            "kills": len(self.kills),
            "kills_during_import": len(during),
            "kills_by_phase": {phase: sum(k.phase == phase for k in during)
                               for phase in ("read_check", "backup", "write", "committed")},
            "in_flight_import_absent_after_restart": sum(k.outcome == "absent" for k in during),
            "in_flight_import_complete_after_restart": sum(k.outcome == "committed" for k in during),
            "kills_with_wal_on_disk": sum(k.wal_present for k in self.kills),
            "kills_during_scheduled_backup": sum(k.partial_backup for k in self.kills),
            "imports_committed": self.imports_committed,
            "max_reopen_s": round(max((k.reopen_s for k in self.kills), default=0.0), 3),
            "inconsistencies": 0,
            "latest_scheduled_backup_restores": self.restore_ok,
            "seconds": round(self.seconds, 1),
        }


def _start(db: Path, files_dir: Path) -> tuple[subprocess.Popen, list[str], threading.Thread,
                                               dict[str, threading.Event]]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), str(db), str(files_dir)],
                            cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    lines: list[str] = []
    seen = {name: threading.Event() for name in ("ready", "phase backup", "phase write", "phase committed")}

    def read() -> None:
        for line in proc.stdout:
            lines.append(line.strip())
            if line.strip() in seen:
                seen[line.strip()].set()
        for event in seen.values():  # the victim ended: nobody waits in vain
            event.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return proc, lines, reader, seen


def _kill(proc: subprocess.Popen) -> None:
    """SIGKILL the victim, then its process group (an orphaned parse worker) — only processes we started."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def crash_loop(workdir: Path, kills: int = 20, seed: int = 7, files: int = 120, max_delay_s: float = 1.0,
               log=None) -> CrashReport:
    """Kill an importing process `kills` times during imports and verify the database after every restart."""
    from factories import seeded_store

    from twinreg_data.backup import restore, scheduled_backups
    from twinreg_data.ingest.apply import sha256_of
    from twinreg_data.store import Store

    started = time.monotonic()
    rnd = random.Random(seed)
    files_dir = workdir / "files"
    names = write_files(files_dir, files)
    db = workdir / "crash.duckdb"
    seeded_store(workdir, name=db.name).close()
    base = Store(db)
    base_observations = base.scalar("SELECT count(*) FROM observations")
    base.close()
    backup_root = db.parent / "backups"
    report = CrashReport()
    committed: set[str] = set()
    while sum(1 for k in report.kills if k.in_flight) < kills:
        if len(report.kills) > 3 * kills:
            raise Inconsistent(f"only {sum(1 for k in report.kills if k.in_flight)} of {len(report.kills)} kills "
                               "landed during an import")
        proc, lines, reader, seen = _start(db, files_dir)
        if not seen["ready"].wait(START_TIMEOUT_S) or proc.poll() is not None:
            _kill(proc)
            raise Inconsistent(f"the victim did not start: {lines}")
        if "all" in lines:
            raise Inconsistent(f"every file was imported after {len(report.kills)} kills; write more files")
        # Every fourth kill lands anywhere; the others at a random moment inside one phase of the import, so the
        # scheduled backup, the write transaction and the moments after COMMIT are all hit, not just parsing.
        target, window = TARGETS[len(report.kills) % len(TARGETS)]
        t_kill = time.monotonic()
        if target:
            seen[target].wait(START_TIMEOUT_S)
        time.sleep(rnd.uniform(0.0, window if target else max_delay_s))
        delay = time.monotonic() - t_kill
        _kill(proc)
        reader.join(timeout=30)
        wal_present = db.with_name(db.name + ".wal").exists()
        partial = backup_root.is_dir() and any(p.name.endswith(".partial") for p in backup_root.iterdir())
        in_flight, phase = None, "idle"
        for line in lines:
            word, _, rest = line.partition(" ")
            if word == "start":
                in_flight, phase = rest, "read_check"
            elif word == "phase" and in_flight:
                phase = rest
            elif word == "committed":
                committed.add(rest.split(" ")[0])
                in_flight, phase = None, "idle"
            elif word in ("failed", "all"):
                raise Inconsistent(f"the victim said {line!r}")
        t0 = time.monotonic()
        figures = verify(db, files_dir, names, committed, in_flight, base_observations)
        reopen = time.monotonic() - t0
        if in_flight is None:
            outcome = "idle"
        else:
            # Decided by the database alone: the import is either wholly there or wholly absent (verify checked).
            again = Store(db)
            done = again.scalar("SELECT count(*) FROM imports WHERE sha256 = ?", [sha256_of(files_dir / in_flight)])
            again.close()
            outcome = "committed" if done else "absent"
            # Before COMMIT nothing may survive; after it everything must.
            check(outcome == ("committed" if phase == "committed" else "absent") or phase == "write",
                  f"{in_flight} killed in phase {phase} ended {outcome}")
            if done:
                committed.add(in_flight)
        report.kills.append(Kill(round(delay, 3), in_flight, phase, outcome, wal_present, partial,
                                 round(reopen, 3)))
        if log:
            log(f"kill {len(report.kills):3}: after {delay:.2f} s, {in_flight or '-'} in {phase} → {outcome}; "
                f"wal={wal_present} partial_backup={partial}; {figures}")
    report.imports_committed = len(committed)
    report.imports_interrupted = sum(1 for k in report.kills if k.outcome == "absent")
    # The newest scheduled backup restores to a database that opens and holds a prefix of the history.
    newest = scheduled_backups(db)[-1]
    target = workdir / "restored.duckdb"
    manifest = restore(newest, target)
    restored = Store(target)
    try:
        restored_ids = [r[0] for r in restored.query("SELECT id FROM imports ORDER BY id")]
        final = Store(db)
        final_ids = [r[0] for r in final.query("SELECT id FROM imports ORDER BY id")]
        final.close()
        report.restore_ok = (restored_ids == final_ids[: len(restored_ids)]
                             and restored.table_counts() == manifest["table_counts"])
    finally:
        restored.close()
    report.seconds = time.monotonic() - started
    return report


if __name__ == "__main__":
    raise SystemExit(victim(sys.argv[1], sys.argv[2]))
