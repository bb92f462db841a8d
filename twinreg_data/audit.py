"""The audit log: the one writer of audit lines (imports, rollbacks, uploads, sign-ins, account changes) and
its reader.

Lines are only ever appended, never updated or deleted. A write that is audited writes its line inside its own
transaction with `write_in`, so the change and its line commit (or vanish) together; an event that changes no
data (a refused upload, a blocked rollback) is logged on its own with `write`.
"""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pandas as pd

from .store import Store


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def write_in(cur: duckdb.DuckDBPyConnection, actor: str, action: str, outcome: str, detail: dict | str,
             at: dt.datetime | None = None) -> None:
    """Append one line inside the caller's write transaction (`at` defaults to now, UTC)."""
    text = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False, default=str)
    cur.execute("INSERT INTO audit_log (logged_at, actor, action, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                [at or _now(), actor, action, outcome, text])


def write(store: Store, actor: str, action: str, outcome: str, detail: dict | str) -> None:
    """Append one line in a transaction of its own; it changes no data a page shows, so no cache is cleared."""
    with store.transaction(changes_data=False) as cur:
        write_in(cur, actor, action, outcome, detail)


def read(store: Store, limit: int = 500) -> pd.DataFrame:
    """The latest `limit` lines, newest first: logged_at, actor, action, outcome, detail (JSON text)."""
    return store.query_df(
        "SELECT logged_at, actor, action, outcome, detail FROM audit_log ORDER BY id DESC LIMIT ?", [limit])
