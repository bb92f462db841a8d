"""Import history and rollback: an import is undone by restoring the row images it replaced, in one
transaction with its audit line, unless later imports built on it (then they must be rolled back first)."""

from __future__ import annotations

import pandas as pd

from .. import audit
from ..i18n import t_numbers
from ..labels import BLOCKED_LABELS
from ..schema import LINK_TABLES, TABLES
from ..store import Store, quote_identifier, rebuild_derived
from .diff import now


class ImportBlocked(Exception):
    """A rollback (or import) cannot proceed. The text is the catalog entry `blocked.<text_key>` with `params`:
    `str()` gives the English one (CLI, audit log), `text(lang)` the reader's."""

    def __init__(self, text_key: str, **params: object) -> None:
        self.text_key = text_key
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return t_numbers(BLOCKED_LABELS[self.text_key], lang, **self.params)




def list_imports(store: Store) -> pd.DataFrame:
    return store.query_df(
        "SELECT id, file_name, sha256, sheets, uploaded_by, uploaded_at, status, counts, rolled_back_by, "
        "rolled_back_at FROM imports ORDER BY id DESC"
    )


def _orphan_checks() -> list[tuple[str, str]]:
    """(description, SQL counting references that point nowhere) for every reference in the schema; a refs
    column is checked through its link table."""
    checks = []
    for table in TABLES:
        for col in table.columns:
            if col.kind == "ref":
                checks.append((f"{table.name}.{col.name} → {col.ref}", (
                    f"SELECT count(*) FROM {quote_identifier(table.name)} x WHERE x.{quote_identifier(col.name)} "
                    f"IS NOT NULL AND x.{quote_identifier(col.name)} NOT IN "
                    f"(SELECT code FROM {quote_identifier(col.ref)})")))
    for link in LINK_TABLES:
        checks.append((f"{link.table}.{link.column} → {link.target_table}", (
            f"SELECT count(*) FROM {quote_identifier(link.name)} WHERE {quote_identifier(link.target)} NOT IN "
            f"(SELECT code FROM {quote_identifier(link.target_table)})")))
    return checks


def rollback(store: Store, import_id: int, user: str) -> dict[str, int]:
    """Undo an import: remove the rows it wrote and restore the rows it replaced, in one transaction."""
    try:
        with store.transaction() as cur:
            row = cur.execute("SELECT status, file_name FROM imports WHERE id = ?", [import_id]).fetchone()
            if row is None:
                raise ImportBlocked("no_import", id=str(import_id))
            if row[0] != "applied":
                raise ImportBlocked("already_rolled_back", id=str(import_id), file=row[1])
            later: set[int] = set()
            for table in TABLES:
                prev = quote_identifier(table.name + "_prev")
                rows = cur.execute(
                    f"SELECT DISTINCT p.replaced_by FROM {prev} p JOIN imports i ON i.id = p.replaced_by "
                    "WHERE p.import_id = ? AND i.status = 'applied' AND i.id > ?",
                    [import_id, import_id],
                ).fetchall()
                later.update(r[0] for r in rows)
            if later:
                ids = ", ".join(f"#{i}" for i in sorted(later))
                raise ImportBlocked("later_imports", id=str(import_id), later=ids)
            restored: dict[str, int] = {}
            for table in TABLES:
                t = quote_identifier(table.name)
                prev = quote_identifier(table.name + "_prev")
                stored = ", ".join(quote_identifier(c) for c in table.stored_columns)
                removed = cur.execute(f"DELETE FROM {t} WHERE import_id = ?", [import_id]).fetchone()[0]
                back = cur.execute(f"INSERT INTO {t} ({stored}) SELECT {stored} FROM {prev} WHERE replaced_by = ?",
                                   [import_id]).fetchone()[0]
                if removed or back:
                    restored[table.name] = int(removed)
            rebuild_derived(cur, restored)
            for description, sql in _orphan_checks():
                orphans = cur.execute(sql).fetchone()[0]
                if orphans:
                    raise ImportBlocked("orphans", id=str(import_id), rows=orphans, reference=description)
            cur.execute("UPDATE imports SET status = 'rolled_back', rolled_back_by = ?, rolled_back_at = ? "
                        "WHERE id = ?", [user, now(), import_id])
            audit.write_in(cur, user, "rollback", "applied", {"import_id": import_id, "rows": restored})
    except ImportBlocked as exc:
        audit.write(store, user, "rollback", "blocked", {"import_id": import_id, "reason": str(exc)})
        raise
    store.checkpoint()
    return restored
