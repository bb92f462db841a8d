"""Backups: a checkpointed copy of the database file plus a manifest with its SHA-256.

The copy is taken while holding the store's write lock right after CHECKPOINT,
so the file holds everything (there is no WAL to forget).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

from .store import SCHEMA_VERSION, Store, StoreError

DB_FILE = "twinreg.duckdb"
MANIFEST = "manifest.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
        shutil.copyfile(store.path, tmp)
        os.replace(tmp, target)
    manifest = {
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "schema_version": SCHEMA_VERSION,
        "sha256": _sha256(target),
        "bytes": target.stat().st_size,
        "table_counts": counts,
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return target


def restore(directory: str | Path, db_path: str | Path) -> dict:
    """Replace the database at db_path with the backup in DIR (no process may hold db_path open)."""
    directory = Path(directory)
    source = directory / DB_FILE
    manifest_path = directory / MANIFEST
    if not source.exists() or not manifest_path.exists():
        raise StoreError(f"{directory} is not a TwinReg backup (it needs {DB_FILE} and {MANIFEST}).")
    manifest = json.loads(manifest_path.read_text())
    if _sha256(source) != manifest.get("sha256"):
        raise StoreError(f"The backup in {directory} is damaged: its checksum does not match the manifest.")
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(source, tmp)
    # Verify the copy opens before it replaces anything.
    check = Store(tmp)
    check.close()
    wal = db_path.with_name(db_path.name + ".wal")
    if wal.exists():
        wal.unlink()
    os.replace(tmp, db_path)
    tmp_wal = tmp.with_name(tmp.name + ".wal")
    if tmp_wal.exists():
        tmp_wal.unlink()
    return manifest
