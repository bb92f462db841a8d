"""Backups: a checkpointed copy of the database file plus a manifest with its SHA-256.

The copy is taken while holding the store's write lock right after CHECKPOINT,
so the file holds everything (there is no WAL to forget; a WAL that is still
there is copied too and restored with it).

Before every import a scheduled backup goes to TWINREG_BACKUP_DIR (default: a
`backups` folder next to the database, i.e. data/backups/); the newest
TWINREG_BACKUP_KEEP (default 10) of them are kept. A backup folder appears under
its final name only when it is complete, so a crash mid-backup never leaves
something that looks like a usable backup.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .ingest.filecheck import sha256_of
from .store import CLI_WAIT_S, SCHEMA_VERSION, Store, StoreError, quote_identifier, release_file, tell_writes_to

DB_FILE = "twinreg.duckdb"
WAL_FILE = DB_FILE + ".wal"
MANIFEST = "manifest.json"
DEFAULT_KEEP = 10
PARTIAL_SUFFIX = ".partial"


class BackupFailed(StoreError):
    """The scheduled backup before an import could not be written; the import did not run."""


def backup(store: Store, directory: str | Path) -> Path:
    """Write DIR/twinreg.duckdb and DIR/manifest.json."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / DB_FILE
    if target.exists():
        raise StoreError(f"{directory} already holds a backup; choose an empty folder.")
    with store._write_lock, store.cursor() as cur:
        cur.execute("CHECKPOINT")
        counts = store.table_counts()
        tmp = directory / (DB_FILE + ".partial")
        copy_open_database(store.path, tmp)
        # After CHECKPOINT under the write lock there is normally no WAL; if one is left, it belongs to the copy.
        wal = store.path.with_name(store.path.name + ".wal")
        wal_copied = wal.exists() and wal.stat().st_size > 0
        if wal_copied:
            shutil.copyfile(wal, directory / WAL_FILE)
        _fsync(tmp)
        os.replace(tmp, target)
    manifest = {
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "schema_version": SCHEMA_VERSION,
        "sha256": sha256_of(target),
        "bytes": target.stat().st_size,
        "table_counts": counts,
    }
    if wal_copied:
        manifest["wal_sha256"] = sha256_of(directory / WAL_FILE)
    manifest_tmp = directory / (MANIFEST + ".partial")
    manifest_tmp.write_text(json.dumps(manifest, indent=2))
    _fsync(manifest_tmp)
    os.replace(manifest_tmp, directory / MANIFEST)
    return target


# path → (inode, descriptor): the one descriptor this process reads a database file through (see below).
_readers: dict[str, tuple[int, int]] = {}
_readers_lock = threading.Lock()


def copy_open_database(source: Path, target: Path) -> None:
    """Copy the database file while DuckDB holds it open, without ever closing a descriptor of it.

    POSIX drops *every* lock a process holds on a file as soon as the process closes *any* descriptor of that
    file, and DuckDB's lock on the database is such a lock: a plain `shutil.copyfile` would silently hand the file
    to the next process that asks (the command line or the app), in the middle of this process's import. So the
    file is read through one descriptor per database file, opened once and kept for the life of the process (a
    descriptor of a file a restore has since replaced is closed: that inode holds no lock any more).
    """
    key = str(Path(source).resolve())
    with _readers_lock:
        inode = os.stat(key).st_ino
        held = _readers.get(key)
        if held is None or held[0] != inode:
            if held is not None:
                os.close(held[1])
            held = (inode, os.open(key, os.O_RDONLY))
            _readers[key] = held
        fd = held[1]
        size = os.fstat(fd).st_size
        with open(target, "wb") as out:
            offset = 0
            while offset < size:
                sent = os.sendfile(out.fileno(), fd, offset, size - offset)
                if sent == 0:
                    raise OSError(f"{key} ended at byte {offset:,} of {size:,} while it was copied")
                offset += sent


def verify_readable(store: Store) -> None:
    """Read every row of every table once, so a damaged file is found now and not by some later query.

    DuckDB opens a file lazily and checks each block's checksum when it reads it, so a truncated or
    damaged file can open fine and fail later. Raises StoreError (reason "damaged"); costs a few tens of
    milliseconds on the demo database.
    """
    try:
        with store.cursor() as cur:
            tables = [r[0] for r in cur.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]
            for table in tables:  # names from the database's own catalog, quoted
                cur.execute(f"SELECT count(*), max(hash(COLUMNS(*))) FROM {quote_identifier(table)}").fetchall()
    except duckdb.Error as exc:
        raise StoreError(
            f"The database {store.path} is damaged: {str(exc).splitlines()[0]}. Restore the latest backup "
            "(`python -m twinreg_data restore data/backups/<newest folder>`) with the app stopped.", "damaged"
        ) from exc


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


# -- scheduled backups before imports ----------------------------------------------------------


def backup_dir(db_path: str | Path) -> Path:
    """Where scheduled backups of db_path go: $TWINREG_BACKUP_DIR, else a `backups` folder next to the database."""
    configured = os.environ.get("TWINREG_BACKUP_DIR")
    return Path(configured) if configured else Path(db_path).resolve().parent / "backups"


def backup_keep() -> int:
    """How many scheduled backups to keep ($TWINREG_BACKUP_KEEP, default 10; 0 turns them off)."""
    text = os.environ.get("TWINREG_BACKUP_KEEP", "").strip()
    if not text:
        return DEFAULT_KEEP
    try:
        return max(0, int(text))
    except ValueError as exc:
        raise BackupFailed(f"TWINREG_BACKUP_KEEP must be a whole number, not {text!r}.") from exc


def _scheduled_pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(db_path.stem) + r"-\d{8}T\d{12}Z(?:-\d+)?")


def scheduled_backups(db_path: str | Path, directory: str | Path | None = None) -> list[Path]:
    """Complete scheduled backups of db_path, oldest first."""
    db_path = Path(db_path)
    directory = Path(directory) if directory is not None else backup_dir(db_path)
    if not directory.is_dir():
        return []
    pattern = _scheduled_pattern(db_path)
    found = [p for p in directory.iterdir()
             if p.is_dir() and pattern.fullmatch(p.name) and (p / MANIFEST).is_file() and (p / DB_FILE).is_file()]
    return sorted(found, key=lambda p: p.name)


def rotate(db_path: str | Path, keep: int, directory: str | Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` scheduled backups of db_path, and leftovers of interrupted ones.

    Only folders named like a scheduled backup of this database are touched. Returns what was removed.
    """
    db_path = Path(db_path)
    directory = Path(directory) if directory is not None else backup_dir(db_path)
    complete = scheduled_backups(db_path, directory)
    doomed = complete[: max(0, len(complete) - keep)]
    pattern = _scheduled_pattern(db_path)
    if directory.is_dir():
        doomed += [p for p in directory.iterdir()
                   if p.is_dir() and p.name.endswith(PARTIAL_SUFFIX)
                   and pattern.fullmatch(p.name[: -len(PARTIAL_SUFFIX)])]
    for path in doomed:
        shutil.rmtree(path, ignore_errors=True)
    return doomed


def pre_import_backup(store: Store, keep: int | None = None, directory: str | Path | None = None) -> Path | None:
    """The scheduled backup taken before an import; returns its folder (None when turned off). Older backups are
    rotated out by `backed_up` once the import has written something.

    Runs under the store's write lock (the caller may already hold it), so no write can slip in between
    this copy and the import. Any failure raises BackupFailed with a plain message, after removing the
    incomplete copy; the database itself is never touched by a failed backup.
    """
    keep = backup_keep() if keep is None else keep
    if keep <= 0:
        return None
    directory = Path(directory) if directory is not None else backup_dir(store.path)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{store.path.stem}-{stamp}"
    with store._write_lock:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            final = directory / name
            n = 1
            while final.exists() or final.with_name(final.name + PARTIAL_SUFFIX).exists():
                n += 1
                final = directory / f"{name}-{n}"
            partial = final.with_name(final.name + PARTIAL_SUFFIX)
            try:
                backup(store, partial)
                os.replace(partial, final)
            except BaseException:
                shutil.rmtree(partial, ignore_errors=True)
                raise
        except (OSError, StoreError, duckdb.Error) as exc:
            raise BackupFailed(
                f"Nothing was imported: the automatic backup before the import could not be written to "
                f"{directory} ({exc}). Free disk space or set TWINREG_BACKUP_DIR to a writable folder, then "
                "try again."
            ) from exc
    return final


@contextmanager
def _exclusively(path: Path, wait: float) -> Iterator[None]:
    """Hold DuckDB's own lock on the database file (an fcntl write lock) so that no other process opens it while
    it is replaced; wait up to `wait` seconds for a process that holds it (the app between its queries)."""
    if not path.exists():
        yield
        return
    fd = os.open(path, os.O_RDWR)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if time.monotonic() >= deadline:
                    raise StoreError(f"The database {path} stayed busy: another program held it for more than "
                                     f"{wait:g} s. Try again in a moment.", "busy") from exc
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)  # the lock goes with it; it was on the replaced file anyway


def restore(directory: str | Path, db_path: str | Path, wait: float = CLI_WAIT_S) -> dict:
    """Replace the database at db_path with the backup in DIR. A process using the database (the app) holds it
    only while it reads or writes: the replacement waits for such a moment (up to `wait` seconds) and holds the
    file meanwhile; the app notices the new data at its next look (Store.refresh)."""
    directory = Path(directory)
    source = directory / DB_FILE
    manifest_path = directory / MANIFEST
    if not source.exists() or not manifest_path.exists():
        raise StoreError(f"{directory} is not a TwinReg backup (it needs {DB_FILE} and {MANIFEST}).")
    manifest = json.loads(manifest_path.read_text())
    if sha256_of(source) != manifest.get("sha256"):
        raise StoreError(f"The backup in {directory} is damaged: its checksum does not match the manifest.")
    source_wal = directory / WAL_FILE
    if manifest.get("wal_sha256") and (not source_wal.exists() or sha256_of(source_wal) != manifest["wal_sha256"]):
        raise StoreError(f"The backup in {directory} is damaged: its WAL file is missing or does not match.")
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(source, tmp)
    if manifest.get("wal_sha256"):
        shutil.copyfile(source_wal, tmp.with_name(tmp.name + ".wal"))
    # Verify the copy opens and reads before it replaces anything.
    check = Store(tmp)
    try:
        verify_readable(check)
    finally:
        check.close()
    release_file(db_path)  # this process's own connection, if any, must not go on with the replaced file
    with _exclusively(db_path, wait):
        wal = db_path.with_name(db_path.name + ".wal")
        if wal.exists():
            wal.unlink()
        os.replace(tmp, db_path)
    tmp_wal = tmp.with_name(tmp.name + ".wal")
    if tmp_wal.exists():
        tmp_wal.unlink()
    tell_writes_to(db_path)  # a cache of the replaced database in this process would show data that is gone
    return manifest


@dataclass
class PreImportBackup:
    """The backup an import took before writing (folder None when backups are turned off)."""

    folder: Path | None
    discarded: bool = False

    def discard(self) -> None:
        """The import wrote nothing: drop this copy rather than let it push an older backup out of the rotation."""
        self.discarded = True


@contextmanager
def backed_up(store: Store) -> Iterator[PreImportBackup]:
    """Hold the write lock, take the scheduled backup, then let the caller open its write transaction.

    `with backed_up(store) as backup, store.transaction() as cur:` keeps the lock, and the file open (so that no
    other process can write in between), from the backup to the COMMIT, so the backup is exactly the state the
    import started from. Older backups are rotated out only after the import wrote something; an import that
    changed nothing (or rolled back) removes its own copy instead.
    """
    store.require_writable()  # before any backup: a viewer's read-only snapshot takes no import
    with store._write_lock, store.holding():
        keep = backup_keep()
        taken = PreImportBackup(pre_import_backup(store, keep))
        try:
            yield taken
        except BaseException:
            taken.discard()  # rolled back: the database is still the state this copy holds
            raise
        finally:
            if taken.folder is not None:
                if taken.discarded:
                    shutil.rmtree(taken.folder, ignore_errors=True)
                else:
                    rotate(store.path, keep, taken.folder.parent)
