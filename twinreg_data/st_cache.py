"""The one module that ties twinreg_data to Streamlit: the process's store and cached queries.

Caches are keyed by the query's arguments and cleared after every import or rollback.
"""

from __future__ import annotations

import streamlit as st

from . import queries
from .store import Store, open_store


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return open_store()


@st.cache_data(show_spinner=False, ttl=3600)
def headline() -> queries.Headline:
    return queries.headline(store())


@st.cache_data(show_spinner=False, ttl=3600)
def bottlenecks_by_domain_status():
    return queries.bottlenecks_by_domain_status(store())


@st.cache_data(show_spinner=False, ttl=3600)
def has_data() -> bool:
    return queries.has_data(store())


def clear() -> None:
    """Call after any write so every page shows the new data at once."""
    st.cache_data.clear()
