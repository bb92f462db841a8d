"""Read-only snapshots of the database for viewer instances: published by the editing side, followed by viewers.

DuckDB lets one process write a file and no other process read it meanwhile, so more viewers than one server
holds cannot share the editing instance's file. Instead the editing side publishes a consistent copy after every
import (`publish_snapshot`, `python -m twinreg_data publish-snapshot DIR`, or automatically with
TWINREG_SNAPSHOT_DIR), and each viewer instance (`TWINREG_DB_READONLY=DIR`) opens the newest copy read-only and
moves to a newer one without a restart (`SnapshotFollower`). See docs/deployment.md.

A snapshot folder holds:

    snapshot-<UTC time>-<random>.duckdb   complete snapshots, the newest `keep` (default 3) of them
    current.json                          the pointer: which snapshot is the newest, and what it holds
    .publish.lock                         serialises publishers (fcntl), across processes

Publication is atomic: the copy is written under a `.partial` name, fsynced and renamed; only then is the
pointer written under a temporary name, fsynced and renamed over `current.json` (and the folder fsynced), so a
reader finds either the previous complete snapshot or the new complete one, whenever the publisher dies.

What goes out: every table with its rows, except the accounts, sign-in attempts and audit log (their tables
exist, empty, so the app's code paths run unchanged) and the names of the people who imported or saved
recipes. Viewers need no accounts and cannot sign in or write; the audit log stays with the editing instance.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .backup import copy_open_database
from .ingest.filecheck import sha256_of
from .store import SCHEMA_VERSION, Store, StoreError, connect_private_copy, quote_identifier

POINTER = "current.json"
PREFIX = "snapshot-"
SUFFIX = ".duckdb"
PARTIAL = ".partial"
LOCK_FILE = ".publish.lock"
DEFAULT_KEEP = 3
# How long an automatic publication waits for another one into the same folder (another process's, which may
# take a while on a large database) before it gives up and reports the failure.
PUBLISHER_WAIT_S = 600.0
# Left out of every snapshot: who may sign in, who tried, what everyone did, and the public reports (contact
# details; they are filed and triaged on the editing instance). The tables stay, empty.
PRIVATE_TABLES = ("users", "sign_in_attempts", "audit_log", "reports", "report_steps")
# Names of people kept elsewhere in the data: blanked in the snapshot (the rows stay; pages use their dates).
PERSON_COLUMNS = {"imports": ("uploaded_by", "rolled_back_by"), "recipes": ("saved_by",)}
_log = logging.getLogger(__name__)


class SnapshotError(StoreError):
    """A snapshot cannot be published or opened; the message says why and what to do."""


@dataclass(frozen=True)
class Snapshot:
    """One published snapshot as its pointer describes it."""

    path: Path
    created_at: str
    data_stamp: str
    schema_version: int
    bytes: int
    sha256: str
    table_counts: dict[str, int]

    def pointer(self) -> dict:
        return {"snapshot": self.path.name, "created_at": self.created_at, "data_stamp": self.data_stamp,
                "schema_version": self.schema_version, "bytes": self.bytes, "sha256": self.sha256,
                "table_counts": self.table_counts}


def snapshot_dir() -> Path | None:
    """Where snapshots are published after every import: $TWINREG_SNAPSHOT_DIR, or None (not published)."""
    configured = os.environ.get("TWINREG_SNAPSHOT_DIR", "").strip()
    return Path(configured) if configured else None


def snapshot_keep() -> int:
    """How many snapshots a publication keeps ($TWINREG_SNAPSHOT_KEEP, default 3, at least 1)."""
    text = os.environ.get("TWINREG_SNAPSHOT_KEEP", "").strip()
    try:
        return max(1, int(text)) if text else DEFAULT_KEEP
    except ValueError as exc:
        raise SnapshotError(f"TWINREG_SNAPSHOT_KEEP must be a whole number, not {text!r}.") from exc


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _publishing(directory: Path, wait: float) -> Iterator[None]:
    """One publisher at a time per folder, whichever process it is in (an fcntl lock on `.publish.lock`)."""
    fd = os.open(directory / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if time.monotonic() >= deadline:
                    raise SnapshotError(f"Another program has been publishing a snapshot into {directory} for "
                                        f"more than {wait:g} s. Try again in a moment.", "busy") from exc
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


def _public_copy(raw: Path, target: Path) -> tuple[str, int, dict[str, int]]:
    """Write `target`, a new database with the schema of `raw` and its rows except the private ones; returns the
    data stamp, schema version and row counts. `raw` is this publisher's own copy: no other process opens it."""
    con = connect_private_copy(raw, target.parent)
    try:
        source = con.execute("SELECT current_database()").fetchone()[0]
        con.execute("ATTACH ? AS snap", [str(target)])
        con.execute(f"COPY FROM DATABASE {quote_identifier(source)} TO snap (SCHEMA)")
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_schema = 'main' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name", [source]).fetchall()]
        counts: dict[str, int] = {}
        for table in tables:  # names from the database's own catalog, quoted
            name = quote_identifier(table)
            if table not in PRIVATE_TABLES:
                con.execute(f"INSERT INTO snap.{name} SELECT * FROM {quote_identifier(source)}.{name}")
                for column in PERSON_COLUMNS.get(table, ()):
                    con.execute(f"UPDATE snap.{name} SET {quote_identifier(column)} = '' "
                                f"WHERE {quote_identifier(column)} IS NOT NULL")
            counts[table] = con.execute(f"SELECT count(*) FROM snap.{name}").fetchone()[0]
        stamp = con.execute("SELECT stamp FROM snap.data_version").fetchone()
        version = con.execute("SELECT max(version) FROM snap.schema_meta").fetchone()[0]
        con.execute("CHECKPOINT snap")  # everything into the file itself: only the file is renamed and published
        con.execute("DETACH snap")
    finally:
        con.close()
    return (stamp[0] if stamp else ""), int(version or 0), counts


def publish_snapshot(store: Store, directory: str | Path, keep: int | None = None,
                     wait: float | None = None) -> Snapshot:
    """Publish a consistent, read-only copy of `store`'s database into `directory` and point `current.json` at it;
    keep the newest `keep` snapshots (default $TWINREG_SNAPSHOT_KEEP or 3) and delete older ones. Another
    publication into the same folder is waited for up to `wait` seconds (default: the store's wait).

    The database is held (locked against other processes, no write of this process in between) only while it is
    checkpointed and copied byte for byte; leaving out the private tables happens on that copy afterwards.
    """
    directory = Path(directory)
    keep = snapshot_keep() if keep is None else max(1, keep)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SnapshotError(f"The snapshot folder {directory} cannot be created: {exc}.") from exc
    created = dt.datetime.now(dt.UTC)
    name = f"{PREFIX}{created:%Y%m%dT%H%M%S%fZ}-{uuid.uuid4().hex[:8]}"
    raw = directory / f"raw_{uuid.uuid4().hex}{PARTIAL}"
    partial = directory / f"{name}{SUFFIX}{PARTIAL}"
    final = directory / f"{name}{SUFFIX}"
    with _publishing(directory, store.wait if wait is None else wait):
        try:
            with store._write_lock, store.cursor() as cur:
                cur.execute("CHECKPOINT")
                copy_open_database(store.path, raw)
                wal = store.path.with_name(store.path.name + ".wal")
                if wal.exists() and wal.stat().st_size > 0:  # after CHECKPOINT normally none; if left, it belongs
                    shutil.copyfile(wal, raw.with_name(raw.name + ".wal"))
            stamp, version, counts = _public_copy(raw, partial)
            _fsync(partial)
            os.replace(partial, final)
            snapshot = Snapshot(final, created.isoformat(timespec="seconds"), stamp, version,
                                final.stat().st_size, sha256_of(final), counts)
            pointer_tmp = directory / f"{POINTER}.{os.getpid()}{PARTIAL}"
            pointer_tmp.write_text(json.dumps(snapshot.pointer(), indent=2))
            _fsync(pointer_tmp)
            os.replace(pointer_tmp, directory / POINTER)
            _fsync(directory)  # the renames themselves survive a power cut
        except (OSError, duckdb.Error) as exc:
            raise SnapshotError(f"The snapshot could not be published into {directory}: "
                                f"{str(exc).splitlines()[0]}. The previous snapshot stays in use.") from exc
        finally:
            for leftover in (raw, partial):
                leftover.unlink(missing_ok=True)
                leftover.with_name(leftover.name + ".wal").unlink(missing_ok=True)
        prune(directory, keep)
    return snapshot


def snapshots(directory: str | Path) -> list[Path]:
    """The complete snapshots in `directory`, oldest first."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.name.startswith(PREFIX) and p.name.endswith(SUFFIX))


def prune(directory: str | Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` snapshots (never the one the pointer names) and what interrupted
    publications left behind. Call it while holding the publishing lock. Returns what was deleted.

    Whether a viewer in another process still reads an older snapshot is not knowable from here: a viewer keeps
    its file open (deleting an open file frees it only when the viewer closes it) and moves to the newest at its
    next page view, so `keep` only has to cover the time between two publications and a viewer's next look."""
    directory = Path(directory)
    current = read_pointer(directory)
    complete = snapshots(directory)
    doomed = [p for p in complete[: max(0, len(complete) - keep)] if current is None or p != current.path]
    doomed += [p for p in directory.iterdir() if p.name.endswith((PARTIAL, PARTIAL + ".wal"))]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def read_pointer(directory: str | Path) -> Snapshot | None:
    """The snapshot `current.json` names, or None when nothing was published yet. SnapshotError when the pointer
    cannot be read or names a file that is not there."""
    directory = Path(directory)
    pointer = directory / POINTER
    try:
        data = json.loads(pointer.read_text())
        name = str(data["snapshot"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SnapshotError(f"The snapshot pointer {pointer} cannot be read: {exc}.") from exc
    path = directory / name
    if Path(name).name != name or not name.startswith(PREFIX) or not path.is_file():
        raise SnapshotError(f"The snapshot pointer {pointer} names {name!r}, which is not a snapshot in "
                            f"{directory}. Publish again with `python -m twinreg_data publish-snapshot {directory}`.")
    return Snapshot(path, str(data.get("created_at", "")), str(data.get("data_stamp", "")),
                    int(data.get("schema_version", 0)), int(data.get("bytes", 0)), str(data.get("sha256", "")),
                    dict(data.get("table_counts", {})))


# -- the editing side: publish after every import --------------------------------------------------------------


@dataclass
class Publication:
    """The outcome of the latest automatic publication of this process (for the Data page and the command line)."""

    at: dt.datetime
    snapshot: Snapshot | None = None
    error: str = ""


_last: dict[Path, Publication] = {}
_last_lock = threading.Lock()


def last_publication(store: Store) -> Publication | None:
    with _last_lock:
        return _last.get(store.path)


def publish_after_writes(store: Store) -> bool:
    """If TWINREG_SNAPSHOT_DIR is set, publish a snapshot after every committed data write of `store` (its write
    hook, Store.on_write). True when publishing is on.

    The hook only hands the work to a publisher thread and returns, so the import it follows ends at once; the
    thread takes the store's write lock after the import lets it go, holds the file for the checkpoint and byte
    copy only, and builds the public copy without it. Writes in quick succession give one publication of the
    latest state. A failing publication is logged and kept for `last_publication`; the write it follows stays. A
    change already published (the same data stamp: another process's import that it published itself) is not
    published again. The command line waits for the thread (`wait_for_publications`) before it exits."""
    directory = snapshot_dir()
    if directory is None or store.read_only:
        return False
    key = (id(store), directory.resolve())
    with _publishers_lock:
        publisher = _publishers.get(key)
        if publisher is None:
            publisher = _publishers[key] = _Publisher(store, directory)
    store.on_write(publisher)  # the same object each time: on_write keeps one
    return True


def wait_for_publications(timeout: float | None = None) -> list[Publication]:
    """Wait until every publisher thread of this process is done; the latest outcome of each that ran."""
    with _publishers_lock:
        publishers = list(_publishers.values())
    outcomes = []
    for publisher in publishers:
        publisher.wait(timeout)
        outcome = last_publication(publisher.store)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


class _Publisher:
    """The write listener of one store: publishes into one folder in a thread of its own, once per burst."""

    def __init__(self, store: Store, directory: Path) -> None:
        self.store, self.directory = store, directory
        self._lock = threading.Lock()
        self._wanted = False
        self._worker: threading.Thread | None = None

    def __call__(self) -> None:
        with self._lock:
            self._wanted = True
            if self._worker is None:  # not a daemon: a process that ends meanwhile finishes the publication first
                self._worker = threading.Thread(target=self._run, name="twinreg-snapshot-publisher")
                self._worker.start()

    def wait(self, timeout: float | None = None) -> None:
        with self._lock:
            worker = self._worker
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._wanted:
                    self._worker = None
                    return
                self._wanted = False
            self._publish()

    def _publish(self) -> None:
        try:
            stamp = self.store.scalar("SELECT stamp FROM data_version")
            with contextlib.suppress(SnapshotError):
                current = read_pointer(self.directory)
                if current is not None and current.data_stamp == stamp:
                    return
            published = publish_snapshot(self.store, self.directory, wait=PUBLISHER_WAIT_S)
            outcome = Publication(dt.datetime.now(dt.UTC), snapshot=published)
            _log.info("Snapshot published: %s", outcome.snapshot.path)
        except Exception as exc:  # noqa: BLE001 - a publication must never undo or hide the write it follows
            _log.error("The snapshot after a write could not be published into %s: %s", self.directory, exc)
            outcome = Publication(dt.datetime.now(dt.UTC), error=str(exc))
        with _last_lock:
            _last[self.store.path] = outcome


_publishers: dict[tuple[int, Path], _Publisher] = {}
_publishers_lock = threading.Lock()


# -- the viewer side: follow the newest snapshot ---------------------------------------------------------------


class SnapshotFollower:
    """The newest snapshot of a folder, looked up cheaply: one `stat` of the pointer per call, and the pointer is
    read only when it changed. `on_switch(listener)` is told (old path, new path) when a newer snapshot appears.

    `source` may also be a single database file (opened read-only, never switched)."""

    def __init__(self, source: str | Path) -> None:
        self.source = Path(source)
        self._lock = threading.Lock()
        self._seen: tuple | None = None
        self._current: Path | None = None
        self._listeners: list[Callable[[Path, Path], None]] = []

    def on_switch(self, listener: Callable[[Path, Path], None]) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def current(self) -> Path:
        """The database file to read now. SnapshotError when there is none yet or it is unusable."""
        if self.source.is_file() and self.source.name != POINTER:
            return self.source
        directory = self.source.parent if self.source.name == POINTER else self.source
        try:
            st = (directory / POINTER).stat()
            seen: tuple | None = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            seen = None
        with self._lock:
            if seen is not None and seen == self._seen and self._current is not None:
                return self._current
            old = self._current
            try:
                snapshot = read_pointer(directory)
            except SnapshotError:
                if old is not None and old.exists():  # a pointer being replaced by hand: keep what works
                    return old
                raise
            if snapshot is None:
                if old is not None:
                    return old
                raise SnapshotError(f"No snapshot has been published into {directory} yet. Publish one on the "
                                    f"editing side: python -m twinreg_data publish-snapshot {directory}")
            if snapshot.schema_version != SCHEMA_VERSION:
                newer = snapshot.schema_version > SCHEMA_VERSION
                raise SnapshotError(
                    f"The snapshot {snapshot.path.name} has schema version {snapshot.schema_version}, this program "
                    f"{SCHEMA_VERSION}: run the same version of TwinReg Monitor on the editing and viewing sides.",
                    "newer" if newer else "other")
            self._seen, self._current = seen, snapshot.path
        if old is not None and old != snapshot.path:
            for listener in list(self._listeners):
                listener(old, snapshot.path)
        return snapshot.path


def read_only_source() -> Path | None:
    """$TWINREG_DB_READONLY: the snapshot folder (or one database file) a viewer instance reads; None otherwise."""
    configured = os.environ.get("TWINREG_DB_READONLY", "").strip()
    return Path(configured) if configured else None
