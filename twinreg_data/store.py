"""The DuckDB store: one database per process, a cursor per query, serialised writes.

DuckDB 2.x returns wrong results when threads share one connection, so every
query runs on its own cursor; writes take a process-wide lock and run inside an
explicit BEGIN/COMMIT (or ROLLBACK) because a multi-statement string is not one
transaction. The connection is open only while it is used, so that another
process (the command line beside the running app) can take its turn; see Store
and ARCHITECTURE.md, "Sharing the database with the command line".
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from .schema import (
    AREAS,
    BOTTLENECKS,
    BRIDGE_COLUMNS,
    CONTENT_OF_SCHEMA_7,
    FEEDS,
    INDEX_TABLES,
    LIFECYCLE_TABLES,
    LINK_TABLES,
    TABLES,
    TRANSLATION_LANGUAGES,
    IndexTable,
    LinkTable,
    Table,
    language_column,
)

DEFAULT_DB_PATH = Path("data") / "twinreg.duckdb"
SCHEMA_VERSION = 9
# How long the connection stays open after its last use (a page's queries come in a burst; another process may
# take the file once it is closed), and how long opening waits while another process holds the file (the app's
# default; the command line has --wait, default 30 s; TWINREG_WAIT overrides both defaults).
LINGER_S = 1.0
DEFAULT_WAIT_S = 10.0
# A published snapshot is never written, so a viewer need not close it for anyone; kept open, its blocks stay cached.
READ_ONLY_LINGER_S = 3600.0
CLI_WAIT_S = 30.0
BUSY_FIRST_PAUSE_S = 0.02
BUSY_MAX_PAUSE_S = 0.25
# A process waiting for the file says so in `<database>.waiting` (its pid, touched on every try). A holder that
# sees a fresh note from another process closes as soon as its current work is done and waits up to YIELD_S before
# opening again, so that a steady stream of page views cannot keep a command-line import out for good.
WAITING_FRESH_S = 1.0
YIELD_S = 1.0
# A migration step: an SQL statement, or a function of the transaction's cursor (filling derived tables).
MigrationStep = str | Callable[[duckdb.DuckDBPyConnection], object]


class StoreError(Exception):
    """The database cannot be opened or used; the message says what to do.

    `reason` is a stable key for translated messages: busy (another process held the file for longer than the
    store waits) | damaged | newer | read_only (a write asked of a viewer's read-only snapshot) | other.
    """

    def __init__(self, message: str, reason: str = "other") -> None:
        super().__init__(message)
        self.reason = reason


def default_db_path() -> Path:
    return Path(os.environ.get("TWINREG_DB") or DEFAULT_DB_PATH)


def default_wait(fallback: float = DEFAULT_WAIT_S) -> float:
    """Seconds to wait for a database another process holds: $TWINREG_WAIT, else `fallback`."""
    text = os.environ.get("TWINREG_WAIT", "").strip()
    try:
        return max(0.0, float(text)) if text else fallback
    except ValueError:
        return fallback


def _q(identifier: str) -> str:
    """Quote an identifier that comes from the schema (never from user input)."""
    return '"' + identifier.replace('"', '""') + '"'


def _table_ddl(table: Table) -> list[str]:
    cols = []
    for col in table.columns:
        not_null = " NOT NULL" if col.required or col.name in table.key else ""
        cols.append(f"{_q(col.name)} {col.sql_type}{not_null}")
    for name, sql_type in table.derived:
        cols.append(f"{_q(name)} {sql_type}")
    cols.append('"import_id" BIGINT NOT NULL')
    key = ", ".join(_q(k) for k in table.key)
    main = f"CREATE TABLE {_q(table.name)} ({', '.join(cols)}, PRIMARY KEY ({key}))"
    # Row images an import replaced, so that a rollback restores them exactly.
    prev_cols = ['"replaced_by" BIGINT NOT NULL'] + [c.split(" NOT NULL")[0] for c in cols]
    prev = f"CREATE TABLE {_q(table.name + '_prev')} ({', '.join(prev_cols)})"
    return [main, prev]


def _migration_1() -> list[str]:
    stmts = [
        "CREATE TABLE schema_meta (version INTEGER NOT NULL)",
        "CREATE SEQUENCE imports_id_seq START 1",
        """CREATE TABLE imports (
            id BIGINT PRIMARY KEY DEFAULT nextval('imports_id_seq'),
            file_name VARCHAR NOT NULL,
            sha256 VARCHAR NOT NULL,
            sheets VARCHAR NOT NULL,
            uploaded_by VARCHAR NOT NULL,
            uploaded_at TIMESTAMP NOT NULL,
            status VARCHAR NOT NULL CHECK (status IN ('applied', 'rolled_back')),
            counts VARCHAR NOT NULL,
            validation_summary VARCHAR NOT NULL,
            rolled_back_by VARCHAR,
            rolled_back_at TIMESTAMP
        )""",
        "CREATE SEQUENCE audit_id_seq START 1",
        """CREATE TABLE audit_log (
            id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
            logged_at TIMESTAMP NOT NULL,
            actor VARCHAR NOT NULL,
            action VARCHAR NOT NULL,
            outcome VARCHAR NOT NULL,
            detail VARCHAR NOT NULL
        )""",
    ]
    for table in TABLES:
        stmts.extend(_table_ddl(table))
    stmts.append(
        """CREATE VIEW bottleneck_current AS
        SELECT b.*,
               coalesce(e.status, 'identified') AS status,
               coalesce(e.date, b.identified_on) AS last_event_on
        FROM bottlenecks b
        LEFT JOIN (
            SELECT bottleneck, status, date,
                   row_number() OVER (PARTITION BY bottleneck ORDER BY date DESC, seq DESC) AS rn
            FROM bottleneck_events
        ) e ON e.bottleneck = b.code AND e.rn = 1"""
    )
    return stmts


def _migration_2() -> list[str]:
    """Local accounts (argon2 hashes) and sign-in attempts for rate limiting."""
    return [
        """CREATE TABLE users (
            name VARCHAR PRIMARY KEY,
            password_hash VARCHAR NOT NULL,
            role VARCHAR NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
            created_at TIMESTAMP NOT NULL,
            password_changed_at TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE sign_in_attempts (
            name VARCHAR NOT NULL,
            client VARCHAR NOT NULL,
            attempted_at TIMESTAMP NOT NULL,
            succeeded BOOLEAN NOT NULL
        )""",
    ]


def _link_fill_sql(link: LinkTable) -> str:
    """Insert every link of the source column: the one place where the `;`-separated text is split."""
    return (
        f"INSERT INTO {_q(link.name)} ({_q(link.owner)}, {_q(link.target)}, pos) "
        f"SELECT t.code, trim(u.code), u.pos FROM {_q(link.table)} t, "
        f"unnest(string_split(t.{_q(link.column)}, ';')) WITH ORDINALITY AS u(code, pos) WHERE trim(u.code) <> ''"
    )


# The link tables migration 3 made; a link table added later comes with its own migration (its column may not exist
# yet when migration 3 runs on an old database).
LINKS_OF_MIGRATION_3 = ("bottleneck_indicators", "service_bottlenecks", "action_bottlenecks")


def _migration_3() -> list[str]:
    """Link tables for the `;`-separated refs columns, filled from what is already there."""
    stmts = []
    for link in (link for link in LINK_TABLES if link.name in LINKS_OF_MIGRATION_3):
        stmts.append(f"CREATE TABLE {_q(link.name)} ({_q(link.owner)} VARCHAR NOT NULL, "
                     f"{_q(link.target)} VARCHAR NOT NULL, pos BIGINT NOT NULL)")
        stmts.append(_link_fill_sql(link))
    return stmts


def _index_table_ddl(table: IndexTable) -> str:
    cols = ", ".join(f"{_q(name)} {sql_type}{' NOT NULL' if name in table.key else ''}"
                     for name, sql_type in table.columns)
    return f"CREATE TABLE IF NOT EXISTS {_q(table.name)} ({cols}, PRIMARY KEY ({', '.join(map(_q, table.key))}))"


def _fill_area_aliases(cur: duckdb.DuckDBPyConnection) -> object:
    from .ingest.areas import rebuild_area_aliases  # the alias rules live with the import

    return rebuild_area_aliases(cur)


def _migration_4() -> list[MigrationStep]:
    """Areas' aliases (an `aliases` column and the derived `area_aliases` table, filled from what is there)
    and saved statistics recipes. A database created now has the column from migration 1 already."""
    stmts: list[MigrationStep] = [
        f"ALTER TABLE {_q(AREAS.name)} ADD COLUMN IF NOT EXISTS aliases VARCHAR",
        f"ALTER TABLE {_q(AREAS.name + '_prev')} ADD COLUMN IF NOT EXISTS aliases VARCHAR",
    ]
    stmts += [_index_table_ddl(table) for table in INDEX_TABLES]
    stmts.append(_fill_area_aliases)
    return stmts


# Content columns in Swedish, the fourth interface language (migration 5). A database made since has them from
# migration 1, which declares every table as the schema does today, hence IF NOT EXISTS.
SWEDISH_COLUMNS = (("indicators", "name_sv"), ("bottlenecks", "title_sv"), ("bottlenecks", "description_sv"),
                   ("services", "name_sv"), ("actions", "title_sv"))


def _migration_5() -> list[MigrationStep]:
    """Swedish titles, names and descriptions, in each table and in the row images its imports replaced."""
    return [f"ALTER TABLE {_q(table + suffix)} ADD COLUMN IF NOT EXISTS {_q(column)} VARCHAR"
            for table, column in SWEDISH_COLUMNS for suffix in ("", "_prev")]


def _migration_6() -> list[MigrationStep]:
    """The data stamp: every write that changes data sets a new one, so that another process holding a cache
    (the app) notices a change made by the command line when it next opens the file (Store.refresh)."""
    return ["CREATE TABLE IF NOT EXISTS data_version (version BIGINT NOT NULL, stamp VARCHAR NOT NULL)",
            "INSERT INTO data_version SELECT 0, '' WHERE NOT EXISTS (SELECT 1 FROM data_version)"]


def _migration_content_languages() -> list[MigrationStep]:
    """Content in every interface language: the Finnish, Estonian and Swedish columns of affected groups, owners,
    event notes and who, definitions, series-break notes, providers, leads, partners and notes
    (`schema.CONTENT_OF_SCHEMA_7`), in each table and in the row images its imports replaced. A database made
    since has them from migration 1, hence IF NOT EXISTS."""
    columns = [(table, language_column(english, lang))
               for table, englishes in CONTENT_OF_SCHEMA_7.items() for english in englishes
               for lang in TRANSLATION_LANGUAGES]
    return [f"ALTER TABLE {_q(table + suffix)} ADD COLUMN IF NOT EXISTS {_q(column)} VARCHAR"
            for table, column in columns for suffix in ("", "_prev")]


def _migration_feeds() -> list[MigrationStep]:
    """Feeds: saved PxWeb and Eurostat sources with the recipe that maps each, and their last run (issue 23)."""
    return [_index_table_ddl(FEEDS)]


def _migration_bridgeforeu() -> list[MigrationStep]:
    """The obstacle lifecycle of Regulation (EU) 2025/925: the record's columns on bottlenecks (and on the row
    images of its imports), the link table of its areas, and the public reports with their steps and the rate
    limit's attempts. Self-contained and idempotent: a database made since has the columns from migration 1."""
    stmts: list[MigrationStep] = [
        f"ALTER TABLE {_q(BOTTLENECKS.name + suffix)} ADD COLUMN IF NOT EXISTS {_q(col.name)} {col.sql_type}"
        for col in BRIDGE_COLUMNS for suffix in ("", "_prev")]
    link = next(link for link in LINK_TABLES if link.name == "bottleneck_areas")
    stmts.append(f"CREATE TABLE IF NOT EXISTS {_q(link.name)} ({_q(link.owner)} VARCHAR NOT NULL, "
                 f"{_q(link.target)} VARCHAR NOT NULL, pos BIGINT NOT NULL)")
    stmts.append(f"DELETE FROM {_q(link.name)}")
    stmts.append(_link_fill_sql(link))
    stmts += [_index_table_ddl(table) for table in LIFECYCLE_TABLES]
    return stmts


# Forward migrations: MIGRATIONS[n] brings a database from version n to n + 1.
MIGRATIONS: dict[int, list[MigrationStep]] = {0: _migration_1(), 1: _migration_2(), 2: _migration_3(),
                                              3: _migration_4(), 4: _migration_5(), 5: _migration_6(),
                                              6: _migration_content_languages(), 7: _migration_feeds(),
                                              8: _migration_bridgeforeu()}


def rebuild_derived(cur: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> None:
    """Rebuild what is derived from the source `tables` (link tables, area aliases) in the caller's transaction."""
    touched = set(tables)
    rebuild_links(cur, touched)
    if AREAS.name in touched:
        _fill_area_aliases(cur)


def rebuild_links(cur: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> None:
    """Fill the link tables of the source `tables` again, inside the caller's write transaction.

    A plain rebuild rather than a diff: the source tables hold hundreds of rows, and a rebuild cannot get
    out of step with its column whatever an import or rollback did to it (migration 3 fills them once).
    """
    touched = set(tables)
    for link in LINK_TABLES:
        if link.table in touched:
            cur.execute(f"DELETE FROM {_q(link.name)}")
            cur.execute(_link_fill_sql(link))


_live_stores: weakref.WeakSet[Store] = weakref.WeakSet()


@atexit.register
def _close_at_exit() -> None:
    """Close every idle connection and end its linger thread when the process ends, rather than leave them to the
    interpreter's teardown (where DuckDB's bindings report what a still running thread keeps alive as leaked)."""
    for store in list(_live_stores):
        if store._state.acquire(timeout=1):
            try:
                if store._con is not None and not store._users:
                    store._close_now()
            finally:
                store._state.release()
        closer = store._closer
        if closer is not None and closer is not threading.current_thread():
            closer.join(timeout=1)


class Store:
    """One DuckDB database file, shared by every thread of the process, opened only while it is used.

    DuckDB locks the file for the process that holds it open (no other process may even read it), so the store
    opens its connection when a query or write needs it and closes it again once nothing has used it for
    `linger` seconds: a command-line import or account change can then run beside the app. Open cursors,
    transactions and `holding()` blocks are counted; the connection is never closed under one of them.

    While another process holds the file, opening is retried with a growing pause for up to `wait` seconds;
    then StoreError with reason "busy". Every write that changes data also writes a new stamp in `data_version`;
    on each open the store reads the stamp, so a change made by another process is noticed, and `refresh()`
    hands it to the write listeners (st_cache empties its cache) like a write of this process.
    """

    def __init__(self, path: str | Path, read_only: bool = False, *, wait: float | None = None,
                 linger: float = LINGER_S) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait = default_wait() if wait is None else max(0.0, wait)
        self.linger = linger
        self._write_lock = threading.RLock()
        self._write_listeners: list[Callable[[], None]] = []
        # Guards the connection, its count of users and what was last seen of the file.
        self._state = threading.Condition(threading.Lock())
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._idle_since = 0.0
        self._close_when_idle = False
        self._versioned = False  # data_version exists (after migration 6): data writes stamp it
        self._stamp: str | None = None  # the data stamp last seen or written by this process
        self._changed_elsewhere = False  # another process's change, not yet told to the listeners
        self._signature: tuple | None = None  # the files as this process left them when it closed
        self.opened = 0  # how many times the file was opened (for tests and measurements)
        self._closer: threading.Thread | None = None
        _live_stores.add(self)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.holding():
            if not read_only:
                self.migrate()
            with self._state:
                self._versioned = self._look_at_stamp(self._con)

    # -- the connection ----------------------------------------------------
    def _connect(self, wait: float) -> duckdb.DuckDBPyConnection:
        """Open the file, waiting up to `wait` seconds while another process holds it."""
        deadline = time.monotonic() + wait
        pause = BUSY_FIRST_PAUSE_S
        while True:
            try:
                # No file, network or extension access from SQL, and nobody can switch that back on.
                con = duckdb.connect(str(self.path), read_only=self.read_only, config={
                    "enable_external_access": False, "lock_configuration": True})
                if pause > BUSY_FIRST_PAUSE_S:  # it had to wait: its note is no longer true
                    self._waiting_note.unlink(missing_ok=True)
                return con
            except duckdb.IOException as exc:
                text = str(exc)
                if "lock" not in text.lower():
                    raise StoreError(
                        f"The database {self.path} cannot be opened: {text.splitlines()[0]}. "
                        "If the file is damaged, restore the latest backup with "
                        "`python -m twinreg_data restore DIR` or move the file away and run `init`.", "damaged"
                    ) from exc
                self._note_waiting()
                left = deadline - time.monotonic()
                if left <= 0:
                    self._waiting_note.unlink(missing_ok=True)
                    raise StoreError(
                        f"The database {self.path} stayed busy: another program (the app, or another command) "
                        f"held it for more than {wait:g} s. Try again in a moment, or give the command more "
                        "time with --wait SECONDS.", "busy"
                    ) from exc
                time.sleep(min(pause, left))
                pause = min(pause * 2, BUSY_MAX_PAUSE_S)
            except duckdb.Error as exc:
                raise StoreError(
                    f"The database {self.path} cannot be opened: {str(exc).splitlines()[0]}. "
                    "Restore a backup (`python -m twinreg_data restore DIR`) or move the file away and run `init`.",
                    "damaged",
                ) from exc

    @property
    def _waiting_note(self) -> Path:
        return Path(str(self.path) + ".waiting")

    def _note_waiting(self) -> None:
        with contextlib.suppress(OSError):  # a read-only folder: waiting still works, only without the note
            self._waiting_note.write_text(str(os.getpid()))

    def _another_waits(self) -> bool:
        """Whether another process noted in the last WAITING_FRESH_S that it waits for the file."""
        try:
            note = self._waiting_note
            return (time.time() - note.stat().st_mtime < WAITING_FRESH_S
                    and note.read_text().strip() != str(os.getpid()))
        except (OSError, ValueError):
            return False

    def _acquire(self, wait: float | None = None) -> duckdb.DuckDBPyConnection:
        with self._state:
            if self._con is None:
                give_way_until = time.monotonic() + YIELD_S
                while self._another_waits() and time.monotonic() < give_way_until:
                    time.sleep(0.05)  # another process waits for the file: let it in first
                con = self._connect(self.wait if wait is None else wait)
                self.opened += 1
                self._con = con
                self._look_at_stamp(con)
                if self.linger > 0:  # the thread knows the opening by its number: it must not keep `con` alive
                    self._closer = threading.Thread(target=self._close_after_linger, args=(self.opened,), daemon=True,
                                                    name=f"twinreg-store-linger-{self.path.name}")
                    self._closer.start()
            self._users += 1
            return self._con

    def _release(self) -> None:
        with self._state:
            self._users -= 1
            if self._users:
                return
            self._idle_since = time.monotonic()
            if self.linger <= 0 or self._close_when_idle or self._another_waits():
                self._close_now()
            # No notify otherwise: the linger thread looks again when its wait runs out, so a burst of queries costs
            # no thread switch per query.

    def _close_after_linger(self, opening: int) -> None:
        """One thread per opening: closes the connection once it has been unused for `linger` seconds."""
        with self._state:
            while self._con is not None and self.opened == opening:
                if self._users:
                    self._state.wait(self.linger)
                    continue
                left = self._idle_since + self.linger - time.monotonic()
                if left <= 0:
                    self._close_now()
                    return
                self._state.wait(left)

    def _close_now(self) -> None:
        """Close the connection (the caller holds _state and no one uses it) and note how the files look now."""
        con, self._con = self._con, None
        self._close_when_idle = False
        if con is not None:
            con.close()
            self._signature = self._file_signature()
        self._state.notify_all()

    def _file_signature(self) -> tuple:
        """The database file and its WAL as the file system sees them: any write by any process changes this."""
        def stat(path: Path) -> tuple | None:
            try:
                st = path.stat()
            except OSError:
                return None
            return st.st_ino, st.st_size, st.st_mtime_ns

        return stat(self.path), stat(self.path.with_name(self.path.name + ".wal"))

    def _look_at_stamp(self, con: duckdb.DuckDBPyConnection) -> bool:
        """On opening: has another process changed the data since this one last held the file? False when the
        database has no data stamp yet (before migration 6)."""
        try:
            cur = con.cursor()
            try:
                row = cur.execute("SELECT stamp FROM data_version").fetchone()
            finally:
                cur.close()
        except duckdb.CatalogException:  # not migrated yet: nothing to compare
            return False
        stamp = row[0] if row else None
        if self._stamp is not None and stamp != self._stamp:
            self._changed_elsewhere = True
        self._stamp = stamp
        return True

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Keep the file open (and so locked against other processes) for the whole block."""
        self._acquire()
        try:
            yield
        finally:
            self._release()

    @property
    def data_stamp(self) -> str | None:
        """The data stamp last seen or written by this process (call refresh() first to see another's write);
        None before migration 6. The read API derives its ETags from it."""
        with self._state:
            return self._stamp

    @property
    def is_open(self) -> bool:
        """Whether this process holds the file right now."""
        with self._state:
            return self._con is not None

    def refresh(self) -> bool:
        """Tell the write listeners if another process changed the data since this one last looked; True if so.

        Cheap when nothing happened: while the file is open here no other process can write it, and while it
        is closed two `stat` calls show whether anyone touched it since; only then is it opened to read the
        data stamp, without waiting: while another process is writing, nothing is told and the next call looks
        again. A change noticed by a query's own opening is told here too (never from inside a query)."""
        with self._state:
            touched = self._con is None and self._file_signature() != self._signature
        if touched:
            try:
                self._acquire(wait=0)  # opening reads the stamp
            except StoreError as exc:
                if exc.reason != "busy":
                    raise
                return False  # another process is writing: keep showing what was read before; look again later
            self._release()
        with self._state:
            changed, self._changed_elsewhere = self._changed_elsewhere, False
        if changed:
            self.tell_write_listeners()
        return changed

    # -- reading ---------------------------------------------------------
    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._acquire().cursor()
        try:
            yield cur
        finally:
            cur.close()
            self._release()

    def query_df(self, sql: str, params: Sequence[Any] | dict | None = None) -> pd.DataFrame:
        with self.cursor() as cur:
            return cur.execute(sql, params or []).df()

    def query(self, sql: str, params: Sequence[Any] | dict | None = None) -> list[tuple]:
        with self.cursor() as cur:
            return cur.execute(sql, params or []).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | dict | None = None) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    # -- writing ---------------------------------------------------------
    @contextmanager
    def transaction(self, *, changes_data: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """A serialised write transaction: COMMIT on success, ROLLBACK on any error.

        A write that changes data stamps `data_version` in the same transaction (how other processes notice
        it), and after the COMMIT the write listeners are told (see on_write), unless the caller says the write
        changed nothing a page shows (`changes_data=False`: an audit line or sign-in attempt alone)."""
        self.require_writable()
        stamp = uuid.uuid4().hex if changes_data and self._versioned else None
        with self._write_lock, self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                if stamp is not None:
                    cur.execute("UPDATE data_version SET version = version + 1, stamp = ?", [stamp])
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")
            if stamp is not None:
                with self._state:
                    self._stamp = stamp
        if changes_data:
            self.tell_write_listeners()

    def require_writable(self) -> None:
        """StoreError (reason "read_only") on a read-only store: a viewer's snapshot, which nothing may change."""
        if self.read_only:
            raise StoreError(f"The database {self.path} is a read-only copy (a viewer instance): nothing can be "
                             "changed here. Make changes on the editing instance.", "read_only")

    def on_write(self, listener: Callable[[], None]) -> None:
        """Call `listener()` after every committed write that changes data (import, rollback, restore, account),
        this process's own or, noticed by `refresh()`, another process's.

        This is how the app's cache learns of writes without twinreg_data knowing Streamlit: st_cache registers
        its clear() here once, when it opens the store. Registering the same listener again keeps one."""
        if listener not in self._write_listeners:
            self._write_listeners.append(listener)

    def tell_write_listeners(self) -> None:
        for listener in list(self._write_listeners):  # a copy: a listener may register another
            listener()

    def checkpoint(self) -> None:
        if self.read_only:
            return  # nothing to write back
        with self._write_lock, self.cursor() as cur:
            cur.execute("CHECKPOINT")

    # -- schema ----------------------------------------------------------
    def schema_version(self) -> int:
        with self.cursor() as cur:
            exists = cur.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_meta'"
            ).fetchone()[0]
            if not exists:
                return 0
            return int(cur.execute("SELECT max(version) FROM schema_meta").fetchone()[0] or 0)

    def migrate(self) -> None:
        with self._write_lock:
            version = self.schema_version()
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"The database {self.path} has schema version {version}, newer than this program "
                    f"({SCHEMA_VERSION}). Upgrade TwinReg Monitor.", "newer"
                )
            while version < SCHEMA_VERSION:
                with self.transaction() as cur:
                    for stmt in MIGRATIONS[version]:
                        if callable(stmt):
                            stmt(cur)
                        else:
                            cur.execute(stmt)
                    cur.execute("DELETE FROM schema_meta")
                    cur.execute("INSERT INTO schema_meta VALUES (?)", [version + 1])
                version += 1

    def table_counts(self) -> dict[str, int]:
        with self.cursor() as cur:
            return {t.name: cur.execute(f"SELECT count(*) FROM {_q(t.name)}").fetchone()[0] for t in TABLES}

    def close(self) -> None:
        """Close the file now, or as soon as the queries of other threads end; it is opened again when used."""
        with self._state:
            if self._users:
                self._close_when_idle = True
            elif self._con is not None:
                self._close_now()


_stores: dict[Path, Store] = {}
_stores_lock = threading.Lock()


def connect_private_copy(path: Path, writable_dir: Path) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, a private byte copy of the database that no other process opens (the snapshot
    publisher's), locked down like every store's except that files in `writable_dir` may be attached and written:
    the snapshot is built there."""
    con = duckdb.connect(str(path))
    try:
        con.execute("SET allowed_directories = [?]", [str(writable_dir).rstrip("/") + "/"])
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return con


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Store:
    """The process-wide store for `path` (default: TWINREG_DB or data/twinreg.duckdb). A read-only store (a viewer's
    snapshot, which no process writes) keeps its file open for READ_ONLY_LINGER_S after its last use."""
    resolved = Path(path or default_db_path()).resolve()
    with _stores_lock:
        store = _stores.get(resolved)
        if store is None:
            store = Store(resolved, read_only, linger=READ_ONLY_LINGER_S) if read_only else Store(resolved)
            _stores[resolved] = store
        return store


def tell_writes_to(path: str | Path) -> None:
    """Tell the write listeners of this process's store of `path`, if it is open (after a restore replaced it)."""
    with _stores_lock:
        store = _stores.get(Path(path).resolve())
    if store is not None:
        store.tell_write_listeners()


def release_file(path: str | Path) -> None:
    """Close this process's connection to `path` now (or once its running queries end); it reopens when used."""
    with _stores_lock:
        store = _stores.get(Path(path).resolve())
    if store is not None:
        store.close()


def close_store(path: str | Path | None = None) -> None:
    resolved = Path(path or default_db_path()).resolve()
    with _stores_lock:
        store = _stores.pop(resolved, None)
    if store is not None:
        store.close()


quote_identifier = _q
