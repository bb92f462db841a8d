"""The one module that ties twinreg_data to Streamlit: the process's store and cached queries.

Cached results are keyed by the database path (so tests with several databases in one
process never mix) and cleared after every import or rollback.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from . import queries
from .store import Store, default_db_path, open_store


def db_path() -> str:
    return str(default_db_path().resolve())


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    return open_store(path)


def store() -> Store:
    return _store(db_path())


@st.cache_data(show_spinner=False, ttl=3600)
def _headline(path: str) -> queries.Headline:
    return queries.headline(_store(path))


@st.cache_data(show_spinner=False, ttl=3600)
def _bottlenecks_by_domain_status(path: str) -> pd.DataFrame:
    return queries.bottlenecks_by_domain_status(_store(path))


@st.cache_data(show_spinner=False, ttl=3600)
def _has_data(path: str) -> bool:
    return queries.has_data(_store(path))


def headline() -> queries.Headline:
    return _headline(db_path())


def bottlenecks_by_domain_status() -> pd.DataFrame:
    return _bottlenecks_by_domain_status(db_path())


def has_data() -> bool:
    return _has_data(db_path())


def clear() -> None:
    """Call after any write so every page shows the new data at once."""
    st.cache_data.clear()
