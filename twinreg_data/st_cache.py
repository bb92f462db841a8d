"""The one module that ties twinreg_data to Streamlit: the process's store and cached queries.

Pages call `cached(query_function, *args)`: the result is cached by database path,
function and arguments (so tests with several databases in one process never mix),
and `clear()` empties the cache after every import or rollback.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from .store import Store, default_db_path, open_store

T = TypeVar("T")
QUERY_PACKAGE = "twinreg_data.queries."


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
    return open_store(path)


def store() -> Store:
    return _store(db_path())


@st.cache_data(show_spinner=False, ttl=3600, max_entries=1000)
def _call(path: str, target: str, args: tuple, kwargs: tuple) -> Any:
    module_name, name = target.rsplit(".", 1)
    if not module_name.startswith(QUERY_PACKAGE):
        raise ValueError(f"not a query function: {target}")
    function = getattr(importlib.import_module(module_name), name)
    return function(_store(path), *args, **dict(kwargs))


def cached(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """function(store, *args, **kwargs), cached; function must live in twinreg_data.queries."""
    return _call(db_path(), f"{function.__module__}.{function.__qualname__}", args, tuple(sorted(kwargs.items())))


def clear() -> None:
    """Call after any write so every page shows the new data at once."""
    st.cache_data.clear()
