"""The one module that ties twinreg_data to Streamlit: the process's store, its query cache and the favicon.

The cache is plain: `cached(read_model, *args)` is `read_model(store, *args)`, kept by `st.cache_data` under the
database path, the cache generation, the read model's name and its arguments (`Filters` and the other argument
dataclasses are frozen, so Streamlit hashes them field by field). A page asks for a read model with the widest
filters that still make its query cheap (both sides, every domain) and narrows the result itself with a plain
function of twinreg_data.queries, visibly:

    counts = cached(indicators.indicator_counts, view.period_only())   # one query per period and language
    choices = indicators.choices_in_view(counts, view)                 # this side and these domains, in memory

so a change of side or domains finds the wide result cached and costs no query. Nothing else is cached: figures
and tables are built from the results on every run. `clear()` empties the cache after every write.

The store holds the database file only while it is used (store.py), so the command line can import or change
accounts while the app runs; `store()` calls `Store.refresh()` on every use, which notices such a change from the
data stamp and empties the cache through the same write listener as the app's own writes.

A viewer instance (`TWINREG_DB_READONLY=DIR`, snapshot.py) reads the newest published snapshot read-only instead:
`db_path()` looks at the snapshot pointer on every use (one `stat`), and a newer snapshot empties the cache through
the same `clear()`; the previous snapshot's store closes once the runs still using it are done.

A database that cannot be opened (kept busy by another process for longer than the store waits, damaged, from a
newer version) stops the page with a translated message and the way out, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import duckdb
import streamlit as st

from .backup import verify_readable
from .i18n import normalise_language, t
from .labels import RELIABILITY_LABELS
from .snapshot import Publication, SnapshotFollower, last_publication, publish_after_writes, read_only_source
from .store import Store, StoreError, close_store, default_db_path, open_store

T = TypeVar("T")
QUERY_PACKAGE = "twinreg_data.queries."
# Bounds of the query cache: entries (a page asks 5-15 read models; a few hundred views in all) and the pickled size
# (at 10⁷ observations one indicator's series is a few MB; the app process must stay within 1.5 GB).
CACHE_ENTRIES = 1000
CACHE_SIZE = "512MB"
CACHE_SECONDS = 3600
_log = logging.getLogger(__name__)
# Part of every cache key, bumped by clear(): a query that started before a write and finishes after clear() files
# its (old) result under the previous generation, where no later run looks.
_generation = 0


@st.cache_resource(show_spinner=False)
def app_icon():
    """The favicon, drawn here so the browser needs no icon font or CDN: two linked circles, the twin cities."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line((20, 32, 44, 32), fill="#0072B2", width=6)
    draw.ellipse((2, 16, 34, 48), fill="#0072B2")
    draw.ellipse((30, 16, 62, 48), fill="#009E73")
    return image


@st.cache_resource(show_spinner=False)
def _follower(source: str) -> SnapshotFollower:
    follower = SnapshotFollower(source)
    follower.on_switch(_switched)
    return follower


def _switched(old: object, _new: object) -> None:
    """A newer snapshot was published: the cache of the old one goes, and so does its file once unused."""
    clear()
    close_store(str(old))


def read_only() -> bool:
    """Whether this app is a viewer instance reading published snapshots ($TWINREG_DB_READONLY)."""
    return read_only_source() is not None


def db_path() -> str:
    """The database file this run reads: $TWINREG_DB, or on a viewer instance the newest snapshot (StoreError when
    none can be used)."""
    source = read_only_source()
    if source is not None:
        return str(_follower(str(source)).current().resolve())
    return str(default_db_path().resolve())


@st.cache_resource(show_spinner=False, max_entries=8)  # a viewer moves on to newer snapshots: no need to keep all
def _store(path: str) -> Store:
    """Opened and read through once per process: a damaged file is reported at start-up, not mid-page."""
    try:
        store = open_store(path, read_only=read_only())
        verify_readable(store)
        store.on_write(clear)  # imports, rollbacks and account changes empty the cache themselves
        publish_after_writes(store)  # with TWINREG_SNAPSHOT_DIR set, viewers get a snapshot after every import
    except duckdb.Error as exc:  # e.g. a damaged block met while migrating
        raise StoreError(f"The database {path} cannot be used: {str(exc).splitlines()[0]}", "damaged") from exc
    return store


def store(path: str | None = None) -> Store:
    """The process's store, after a look whether another process (the command line) changed the data: if so the
    cache is emptied. If the database cannot be opened, show why and the way out, and stop the run."""
    try:
        return _refreshed(path or db_path())
    except StoreError as exc:  # not cached by cache_resource: a reload tries again once the cause is gone
        stop_with(exc)


def publication_failure() -> Publication | None:
    """The latest automatic snapshot publication of this process, if it failed (the import it followed stands)."""
    opened = store_if_available()
    outcome = last_publication(opened) if opened is not None else None
    return outcome if outcome is not None and outcome.error else None


def _refreshed(path: str) -> Store:
    opened = _store(path)
    opened.refresh()
    return opened


def store_if_available() -> Store | None:
    """The process's store as store() gives it, or None when the database cannot be used right now (busy,
    damaged): for a run that can go on without it and leave the message to the page that needs the data."""
    try:
        return _refreshed(db_path())
    except StoreError:
        return None


def stop_with(exc: StoreError) -> NoReturn:
    """The translated reason and the way out in the page (details in the server log only), then stop.

    A database another program kept busy for longer than the store waits (an import from the command line) is
    a warning to try again; a damaged, newer or unreadable one is an error."""
    filters = st.session_state.get("filters")
    lang = filters.lang if filters is not None else normalise_language(st.context.locale)
    if exc.reason == "busy":
        _log.warning("TwinReg Monitor waited in vain for its database: %s", exc)
        busy = RELIABILITY_LABELS[exc.reason]  # named first: a literal key inside t() would be extracted as a message
        st.warning(t(busy, lang), icon=":material/hourglass_top:")
        st.stop()
    if exc.reason == "read_only":
        refused = RELIABILITY_LABELS[exc.reason]
        st.warning(t(refused, lang), icon=":material/edit_off:")
        st.stop()
    _log.error("TwinReg Monitor cannot use its database: %s", exc)
    reason = exc.reason if exc.reason in ("damaged", "newer") else "other"
    st.error("**" + t("The data cannot be shown right now.", lang) + "**\n\n" + t(RELIABILITY_LABELS[reason], lang),
             icon=":material/database_off:")
    st.stop()


def _stop_if_damaged(exc: duckdb.Error, path: str) -> None:
    """A block damaged after start-up: DuckDB notices it when it reads the block (I/O error or checksum)."""
    if isinstance(exc, duckdb.IOException) or "Corrupt database file" in str(exc):
        stop_with(StoreError(f"The database {path} is damaged: {str(exc).splitlines()[0]}", "damaged"))


@st.cache_data(show_spinner=False, ttl=CACHE_SECONDS, max_entries=CACHE_ENTRIES, max_size=CACHE_SIZE)
def _answer(path: str, generation: int, name: str, args: tuple, _read_model: Callable[..., T]) -> T:
    # Keyed by path, generation, name and args; the function itself (a leading underscore) is not hashed.
    return _read_model(_store(path), *args)


def cached(read_model: Callable[..., T], *args: Any) -> T:
    """read_model(store, *args), cached; read_model must live in twinreg_data.queries.

    A DuckDB error is raised to the caller, except a damaged block, which stops the page with a clear message.
    """
    if not read_model.__module__.startswith(QUERY_PACKAGE):
        raise ValueError(f"not a read model: {read_model.__module__}.{read_model.__qualname__}")
    path = str(store().path)  # a database that cannot be opened stops the page with a clear message
    try:
        return _answer(path, _generation, f"{read_model.__module__}.{read_model.__qualname__}", args, read_model)
    except StoreError as exc:  # the file stayed busy (another program is writing) for longer than the store waits
        stop_with(exc)
    except duckdb.Error as exc:
        _stop_if_damaged(exc, path)
        raise


def clear() -> None:
    """Call after any write so every page shows the new data at once."""
    global _generation
    _generation += 1
    st.cache_data.clear()
