"""The diff of validated rows against the database, and the one transaction that writes them: rows new,
changed (old → new) and unchanged per table, bottleneck status changes, then the apply with a backup first,
the row images it replaces (for rollback), the derived tables and the audit line."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from .. import audit
from ..backup import backed_up
from ..schema import TABLES, Table
from ..store import Store, quote_identifier, rebuild_derived
from .validation import KEEP_PREFIX

if TYPE_CHECKING:
    from .apply import ParsedUpload

DIFF_SAMPLE_ROWS = 200


@dataclass
class TableDiff:
    table: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    changes: list[dict] = field(default_factory=list)  # sample: key, column, old, new
    new_keys: list[str] = field(default_factory=list)  # sample of new keys
    hidden_skipped: int = 0  # rows hidden in Excel and left out of this table

    def as_dict(self) -> dict:
        return {
            "table": self.table,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "hidden_skipped": self.hidden_skipped,
            "changes": self.changes,
            "new_keys": self.new_keys,
        }




def _kept_columns(table: Table, typed: pd.DataFrame) -> list[str]:
    """The table's columns some rows of `typed` keep from the database (their sheet lacks the column)."""
    return [c for c in table.column_names if KEEP_PREFIX + c in typed.columns]


def _incoming_sql(table: Table, relation: str, kept: list[str] | None = None) -> str:
    """Select from a registered DataFrame with the table's exact column types; a `kept` column takes the
    database's value on the rows flagged for it (new rows have none: NULL)."""
    cols = []
    for col in table.columns:
        cols.append(f"CAST({quote_identifier(col.name)} AS {col.sql_type}) AS {quote_identifier(col.name)}")
    for name, sql_type in table.derived:
        cols.append(f"CAST({quote_identifier(name)} AS {sql_type}) AS {quote_identifier(name)}")
    cols += [quote_identifier(KEEP_PREFIX + c) for c in kept or ()]
    select = f"SELECT {', '.join(cols)} FROM {relation}"
    if not kept:
        return select
    flags = ", ".join(quote_identifier(KEEP_PREFIX + c) for c in kept)
    replace = ", ".join(f"CASE WHEN s.{quote_identifier(KEEP_PREFIX + c)} THEN t.{quote_identifier(c)} "
                        f"ELSE s.{quote_identifier(c)} END AS {quote_identifier(c)}" for c in kept)
    on = " AND ".join(f"s.{quote_identifier(k)} = t.{quote_identifier(k)}" for k in table.key)
    return (f"SELECT s.* EXCLUDE ({flags}) REPLACE ({replace}) FROM ({select}) s "
            f"LEFT JOIN {quote_identifier(table.name)} t ON {on}")


def _classify_sql(table: Table, incoming: str) -> str:
    t = quote_identifier(table.name)
    on = " AND ".join(f"i.{quote_identifier(k)} = t.{quote_identifier(k)}" for k in table.key)
    value_cols = [c for c in table.column_names if c not in table.key]
    differs = " OR ".join(f"i.{quote_identifier(c)} IS DISTINCT FROM t.{quote_identifier(c)}" for c in value_cols)
    first_key = quote_identifier(table.key[0])
    return (
        f"SELECT i.*, CASE WHEN t.{first_key} IS NULL THEN 'new' "
        f"WHEN {differs or 'false'} THEN 'changed' ELSE 'unchanged' END AS _change "
        f"FROM {incoming} i LEFT JOIN {t} t ON {on}"
    )


def _frame_for_duckdb(table: Table, typed: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=typed.index)
    for col in table.columns:
        series = typed[col.name]
        if col.kind == "date":
            out[col.name] = pd.to_datetime(series, errors="coerce")
        elif col.kind == "int":
            out[col.name] = series.astype("Int64")
        elif col.kind == "float":
            out[col.name] = series.astype("float64")
        else:
            out[col.name] = series.astype(object)
    for name, _ in table.derived:
        out[name] = pd.to_datetime(typed[name], errors="coerce")
    for name in _kept_columns(table, typed):
        out[KEEP_PREFIX + name] = typed[KEEP_PREFIX + name].astype(bool)
    return out


def _key_text(table: Table, row: dict) -> str:
    return " / ".join(str(row[k]) for k in table.key)


def _compute_diff(cur, table: Table, classified: str) -> TableDiff:
    counts = dict(cur.execute(f"SELECT _change, count(*) FROM {classified} GROUP BY _change").fetchall())
    diff = TableDiff(table.name, counts.get("new", 0), counts.get("changed", 0), counts.get("unchanged", 0))
    keys = ", ".join(f"c.{quote_identifier(k)}" for k in table.key)
    new_rows = cur.execute(f"SELECT {keys} FROM {classified} c WHERE _change = 'new' LIMIT {DIFF_SAMPLE_ROWS}")
    diff.new_keys = [" / ".join(str(v) for v in r) for r in new_rows.fetchall()]
    if diff.changed:
        on = " AND ".join(f"c.{quote_identifier(k)} = t.{quote_identifier(k)}" for k in table.key)
        value_cols = [c for c in table.column_names if c not in table.key]
        sel = ", ".join([f"c.{quote_identifier(k)}" for k in table.key]
                        + [f"t.{quote_identifier(c)} AS {quote_identifier('old_' + c)}" for c in value_cols]
                        + [f"c.{quote_identifier(c)} AS {quote_identifier('new_' + c)}" for c in value_cols])
        rows = cur.execute(
            f"SELECT {sel} FROM {classified} c JOIN {quote_identifier(table.name)} t ON {on} "
            f"WHERE c._change = 'changed' LIMIT {DIFF_SAMPLE_ROWS}"
        )
        names = [d[0] for d in rows.description]
        for values in rows.fetchall():
            row = dict(zip(names, values, strict=True))
            for c in value_cols:
                old, new = row["old_" + c], row["new_" + c]
                if old != new and not (old is None and new is None):
                    diff.changes.append({"key": _key_text(table, row), "column": c, "old": old, "new": new})
    return diff


_STATUS_CHANGES_SQL = """
WITH merged AS (
    SELECT bottleneck, date, seq, status, who FROM bottleneck_events e
    WHERE NOT EXISTS (SELECT 1 FROM {inc} i WHERE i.bottleneck = e.bottleneck AND i.date = e.date AND i.seq = e.seq)
    UNION ALL
    SELECT bottleneck, date, seq, status, who FROM {inc}
),
latest AS (
    SELECT bottleneck, status, who,
           row_number() OVER (PARTITION BY bottleneck ORDER BY date DESC, seq DESC) AS rn
    FROM merged
    WHERE bottleneck IN (SELECT bottleneck FROM {inc})
)
SELECT l.bottleneck, c.status AS before, l.status AS after, l.who
FROM latest l LEFT JOIN bottleneck_current c ON c.code = l.bottleneck
WHERE l.rn = 1 AND (c.status IS DISTINCT FROM l.status)
ORDER BY l.bottleneck
"""


def _diff_all(cur, typed: dict[str, pd.DataFrame], tag: str) -> tuple[dict[str, TableDiff], list[dict]]:
    diffs: dict[str, TableDiff] = {}
    status_changes: list[dict] = []
    for table in TABLES:
        if table.name not in typed:
            continue
        rel = f"_in_{table.name}_{tag}"
        cur.register(rel + "_df", _frame_for_duckdb(table, typed[table.name]))
        kept = _kept_columns(table, typed[table.name])
        cur.execute(f"CREATE OR REPLACE TEMP TABLE {rel} AS {_incoming_sql(table, rel + '_df', kept)}")
        cur.unregister(rel + "_df")
        cur.execute(f"CREATE OR REPLACE TEMP TABLE {rel}_c AS {_classify_sql(table, rel)}")
        diffs[table.name] = _compute_diff(cur, table, rel + "_c")
        if table.name == "bottleneck_events":
            rows = cur.execute(_STATUS_CHANGES_SQL.format(inc=rel)).fetchall()
            status_changes = [{"bottleneck": r[0], "before": r[1], "after": r[2], "who": r[3]} for r in rows]
    return diffs, status_changes


def _drop_temp(cur, typed: dict[str, pd.DataFrame], tag: str) -> None:
    for name in typed:
        cur.execute(f"DROP TABLE IF EXISTS _in_{name}_{tag}")
        cur.execute(f"DROP TABLE IF EXISTS _in_{name}_{tag}_c")


def preview(store: Store, typed: dict[str, pd.DataFrame]) -> tuple[dict[str, TableDiff], list[dict]]:
    """What applying would change, without writing."""
    with store.cursor() as cur:
        try:
            return _diff_all(cur, typed, "preview")
        finally:
            _drop_temp(cur, typed, "preview")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def apply(store: Store, typed: dict[str, pd.DataFrame], upload: ParsedUpload, user: str,
          summary: dict) -> tuple[int | None, dict[str, TableDiff], list[dict]]:
    """Write all tables in one transaction. Returns (import id or None if nothing changed, diffs, status changes).

    A scheduled backup is taken first, under the same write lock (BackupFailed: nothing was written); it is
    dropped again when nothing changed."""
    with backed_up(store) as backup, store.transaction() as cur:
        diffs, status_changes = _diff_all(cur, typed, "apply")
        if not any(d.new or d.changed for d in diffs.values()):
            _drop_temp(cur, typed, "apply")
            backup.discard()
            return None, diffs, status_changes
        counts = {name: {"new": d.new, "changed": d.changed, "unchanged": d.unchanged} for name, d in diffs.items()}
        import_id = cur.execute(
            "INSERT INTO imports (file_name, sha256, sheets, uploaded_by, uploaded_at, status, counts, "
            "validation_summary) VALUES (?, ?, ?, ?, ?, 'applied', ?, ?) RETURNING id",
            [upload.file_name, upload.sha256, json.dumps(upload.sheet_names, ensure_ascii=False), user, now(),
             json.dumps(counts), json.dumps(summary)],
        ).fetchone()[0]
        for table in TABLES:
            if table.name not in typed:
                continue
            classified = f"_in_{table.name}_apply_c"
            t = quote_identifier(table.name)
            on = " AND ".join(f"c.{quote_identifier(k)} = t.{quote_identifier(k)}" for k in table.key)
            stored = ", ".join(quote_identifier(c) for c in table.stored_columns)
            prev = quote_identifier(table.name + "_prev")
            cur.execute(
                f"INSERT INTO {prev} (replaced_by, {stored}) SELECT ?, {', '.join('t.' + quote_identifier(c) for c in table.stored_columns)} "  # noqa: E501
                f"FROM {t} t JOIN {classified} c ON {on} WHERE c._change = 'changed'",
                [import_id],
            )
            src_cols = ", ".join(quote_identifier(c) for c in table.stored_columns[:-1])
            cur.execute(
                f"INSERT OR REPLACE INTO {t} ({stored}) SELECT {src_cols}, ? FROM {classified} "
                "WHERE _change IN ('new', 'changed')",
                [import_id],
            )
        _drop_temp(cur, typed, "apply")
        rebuild_derived(cur, typed)
        audit.write_in(cur, user, "import", "applied", {"file": upload.file_name, "sha256": upload.sha256,
                                                        "import_id": import_id})
    store.checkpoint()
    return import_id, diffs, status_changes


def find_applied_import(store: Store, sha256: str) -> tuple[int, dt.datetime, str] | None:
    row = store.query(
        "SELECT id, uploaded_at, uploaded_by FROM imports WHERE sha256 = ? AND status = 'applied' "
        "ORDER BY id DESC LIMIT 1",
        [sha256],
    )
    return row[0] if row else None
