"""Where the data shown comes from and how fresh it is: what a download's metadata says besides the view."""

from __future__ import annotations

import datetime as dt

from ..store import Store


def data_as_of(store: Store) -> dt.datetime | None:
    """When the data last changed: the latest import applied or rolled back (UTC), or None before any import."""
    value = store.scalar("SELECT max(greatest(uploaded_at, coalesce(rolled_back_at, uploaded_at))) FROM imports")
    return value if isinstance(value, dt.datetime) else None
