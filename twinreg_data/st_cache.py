"""The one module that ties twinreg_data to Streamlit: the process's store and cached queries.

Pages call `cached(query_function, *args)`: the result is cached by database path,
function and arguments (so tests with several databases in one process never mix),
and `clear()` empties the cache after every import or rollback. A chart or table built
from cached read models is kept too (`cached_build`), under the same kind of key. A derived
read model (queries.common.derived) is asked of the database for its wider filters only and
narrowed here, so a change of side or domains finds it cached.

A database that cannot be opened (in use by another process, damaged, from a newer
version) stops the page with a translated message and the way out, never a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, NoReturn, TypeVar

import duckdb
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from .backup import verify_readable
from .filters import Filters
from .i18n import normalise_language, t
from .queries.common import derivation_of
from .store import Store, StoreError, default_db_path, open_store

T = TypeVar("T")
QUERY_PACKAGE = "twinreg_data.queries."
FIGURE_PACKAGE = "twinreg_data.figures."
_log = logging.getLogger(__name__)
# Part of every cache key and bumped by clear(): a query that started before a write and finishes after
# clear() files its (old) result under the previous generation, where no later rerun looks.
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


def db_path() -> str:
    return str(default_db_path().resolve())


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    """Opened and read through once per process: a damaged file is reported at start-up, not mid-page."""
    try:
        store = open_store(path)
        verify_readable(store)
        store.on_write(clear)  # imports, rollbacks and account changes empty the cache themselves
    except duckdb.Error as exc:  # e.g. a damaged block met while migrating
        raise StoreError(f"The database {path} cannot be used: {str(exc).splitlines()[0]}", "damaged") from exc
    return store


def store(path: str | None = None) -> Store:
    """The process's store. If the database cannot be opened, show why and the way out, and stop the run."""
    try:
        return _store(path or db_path())
    except StoreError as exc:  # not cached by cache_resource: a reload tries again once the cause is gone
        _stop_with(exc)


def _stop_with(exc: StoreError) -> NoReturn:
    """The translated reason and the way out in the page (details in the server log only), then stop."""
    _log.error("TwinReg Monitor cannot use its database: %s", exc)
    filters = st.session_state.get("filters")
    lang = filters.lang if filters is not None else normalise_language(st.context.locale)
    reason = exc.reason if exc.reason in ("locked", "damaged", "newer") else "other"
    st.error(f"**{t('reliability.unavailable', lang)}**\n\n{t(f'reliability.{reason}', lang)}",
             icon=":material/database_off:")
    st.stop()


@st.cache_data(show_spinner=False, ttl=3600, max_entries=1000)
def _call(_db: Store, _arguments: tuple[tuple, tuple], key: tuple) -> Any:
    # key: database path, generation, function, then the arguments' exact text (or the arguments themselves).
    # One hashed argument, as Streamlit inspects the function's signature again for every argument of every call;
    # _db (the store opened for that path) and _arguments (what the key describes) are not hashed.
    target = key[2]
    args, kwargs = _arguments
    module_name, name = target.rsplit(".", 1)
    if not module_name.startswith(QUERY_PACKAGE):
        raise ValueError(f"not a query function: {target}")
    function = getattr(importlib.import_module(module_name), name)
    return function(_db, *args, **dict(kwargs))


# Values whose repr() is exact: equal text means equal value, for these types and tuples and frozen dataclasses
# of them (the filters and every other query argument).
_EXACT_REPR = (str, int, float, bool, type(None), dt.date)


def _exact_text(value: object) -> str | None:
    """A text that identifies `value` exactly, or None for a type not known to have one. Streamlit hashes one
    string in 0.02 ms; walking the filter dataclasses took 0.26 ms, twice per cached call, hit or miss."""
    if isinstance(value, _EXACT_REPR):
        return repr(value)
    if type(value) is tuple:  # not a subclass (a named tuple), whose text would be a plain tuple's
        parts = [_exact_text(item) for item in value]
        return None if None in parts else "(" + ", ".join(parts) + ",)"
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and value.__dataclass_params__.frozen:
        parts = [_exact_text(getattr(value, field.name)) for field in dataclasses.fields(value)]
        kind = type(value)
        return None if None in parts else f"{kind.__module__}.{kind.__qualname__}(" + ", ".join(parts) + ")"
    return None


def _name(function: Callable) -> str:
    return f"{function.__module__}.{function.__qualname__}"


def _fetch(db: Store, path: str, function: Callable[..., T], args: tuple, kwargs: dict) -> T:
    """function(db, *args, **kwargs) through the cache; a DuckDB error is raised to the caller."""
    target = _name(function)
    arguments = (args, tuple(sorted(kwargs.items())))
    text = _exact_text(arguments)
    return _call(db, arguments, (path, _generation, target, arguments if text is None else text))


_RESULTS_OF_THIS_RUN = "_twinreg_results_of_this_run"
_results_lock = threading.Lock()


def begin_run() -> None:
    """Called by app.py at the start of every full script run: the read models fetched in a run are shared by
    its other uses (a chart or table built from them, the same call made twice) instead of copied again from
    the cache. Each copy of a large result costs its unpickling: 3-5 ms for one indicator's 5,600 observations,
    fetched five times on a cold run of the Indicators page. A fragment's rerun shares the last full run's."""
    st.session_state[_RESULTS_OF_THIS_RUN] = {}


def _results_of_this_run() -> dict | None:
    # Outside a script run (a test calling the cache directly) every call is a cache call, as before.
    return st.session_state.get(_RESULTS_OF_THIS_RUN) if get_script_run_ctx() is not None else None


def _derived_fetch(db: Store, path: str, function: Callable[..., T], args: tuple, kwargs: dict) -> T:
    """As _fetch, once per script run for the same call (see begin_run); a derived read model
    (queries.common.derived) is narrowed from the cached result of its base for the wider filters, so the
    database is asked for the wider filters only."""
    results = _results_of_this_run()
    text = _exact_text((args, tuple(sorted(kwargs.items())))) if results is not None else None
    if text is None:
        return _narrowed_or_fetched(db, path, function, args, kwargs)
    # The first asker fetches; one asking at the same time (cached_together: the headline and the counts are both
    # narrowed from the bottleneck tally) waits for that answer instead of fetching it again.
    key = (path, _generation, _name(function), text)
    with _results_lock:
        answer = results.get(key)
        first = answer is None
        if first:
            answer = results[key] = Future()
    if not first:
        return answer.result()
    try:
        answer.set_result(_narrowed_or_fetched(db, path, function, args, kwargs))
    except BaseException as exc:
        with _results_lock:
            results.pop(key, None)  # not kept: a later call tries again
        answer.set_exception(exc)
    return answer.result()


def _narrowed_or_fetched(db: Store, path: str, function: Callable[..., T], args: tuple, kwargs: dict) -> T:
    derivation = derivation_of(function)
    # Compared by name, as the cache finds functions: a wrapped read model (a test counting its calls) is its own
    # base, not a second read model of the same name (whose answer, under the same key, it would wait for).
    if derivation is not None and args and isinstance(args[0], Filters) and (
            _name(derivation.base) != _name(function) or derivation.wider(args[0]) != args[0]):
        base = _derived_fetch(db, path, derivation.base, (derivation.wider(args[0]), *args[1:]), kwargs)
        return derivation.narrow(base, args[0])
    return _fetch(db, path, function, args, kwargs)


def _stop_if_damaged(exc: duckdb.Error, path: str) -> None:
    """A block damaged after start-up: DuckDB notices it when it reads the block (I/O error or checksum)."""
    if isinstance(exc, duckdb.IOException) or "Corrupt database file" in str(exc):
        _stop_with(StoreError(f"The database {path} is damaged: {str(exc).splitlines()[0]}", "damaged"))


def cached(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """function(store, *args, **kwargs), cached; function must live in twinreg_data.queries."""
    path = db_path()
    db = store(path)  # a database that cannot be opened stops the page with a clear message
    try:
        return _derived_fetch(db, path, function, args, kwargs)
    except duckdb.Error as exc:
        _stop_if_damaged(exc, path)
        raise


# Worker threads for cached_together, started once per process: starting threads for every call cost about a
# millisecond each, on every rerun, even when every result was cached already.
_QUERY_WORKERS = 3
_pool_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None


def _query_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=_QUERY_WORKERS, thread_name_prefix="twinreg-query")
        return _pool


def cached_together(*calls: tuple) -> list:
    """`cached(function, *args)` of several independent read models, the ones not cached yet run concurrently.

    Each call is a tuple (function, *args). On a small database a query's time is mostly DuckDB planning it
    (single-threaded), so a page that needs four read models after a filter change waits for about two of them
    on two cores instead of four. The first call runs in the script's thread, the others in the process's worker
    threads; each query has its own cursor, as every query does. The workers only query; the database is opened,
    and a damaged block reported, here in the script's thread, once.
    """
    if len(calls) < 2:
        return [cached(*call) for call in calls]
    path = db_path()
    db = store(path)
    context = get_script_run_ctx()

    def run(call: tuple) -> Any:
        # st.cache_data runs within the script run; a pooled thread gets the context of each run it works for.
        add_script_run_ctx(threading.current_thread(), context)
        return _derived_fetch(db, path, call[0], tuple(call[1:]), {})

    futures = [_query_pool().submit(run, call) for call in calls[1:]]
    try:
        first = _derived_fetch(db, path, calls[0][0], tuple(calls[0][1:]), {})
        return [first, *(future.result() for future in futures)]
    except duckdb.Error as exc:
        for future in futures:
            future.cancel()
        _stop_if_damaged(exc, path)
        raise


@st.cache_resource(show_spinner=False, ttl=3600, max_entries=500)
def _built(key: str, _build: Callable[[], Any]) -> Any:
    # key: database path, generation, builder, its read models' calls and its other arguments, as exact text.
    return _build()


def cached_build(builder: Callable[..., T], calls: Sequence[tuple], *args: Any) -> T:
    """builder(*results of the cached `calls`, *args), built once per process for the same data and arguments.

    Each call is a tuple (query function, *args) as for `cached_together`. A figure or table is then built once,
    not on every rerun of every session that shows it: a filter change that leaves a chart's data as it was (the
    domains on Mobility, the side for its cross-border series) draws the chart built before. The object is shared,
    not copied: builders live in twinreg_data.figures (pure functions of DataFrames) and pages only draw what
    they return, never change it. Arguments without an exact text key (see `_exact_text`) are built uncached.
    """
    if not builder.__module__.startswith(FIGURE_PACKAGE):
        raise ValueError(f"not a figure builder: {_name(builder)}")

    def build() -> T:
        return builder(*[cached(*call) for call in calls], *args)

    text = _exact_text((tuple((_name(call[0]), *call[1:]) for call in calls), args))
    if text is None:
        return build()
    return _built(f"{db_path()}|{_generation}|{_name(builder)}|{text}", build)


def clear() -> None:
    """Call after any write so every page shows the new data at once."""
    global _generation
    _generation += 1
    st.cache_data.clear()
    _built.clear()
