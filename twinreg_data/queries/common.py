"""Helpers shared by the read models: localised labels and filter clauses, all parametrised."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ..filters import Filters
from ..i18n import LANGUAGES, normalise_language

F = TypeVar("F", bound=Callable[..., Any])


def localised(prefix: str, lang: str, table_alias: str = "") -> str:
    """SQL for a text in the chosen language, falling back to English: coalesce(t.name_fi, t.name_en).

    `prefix` comes from the code (name, title, description), `lang` is one of LANGUAGES, so no user
    input reaches the SQL text.
    """
    lang = normalise_language(lang)
    assert lang in LANGUAGES and prefix.isidentifier()
    alias = f"{table_alias}." if table_alias else ""
    if lang == "en":
        return f"{alias}{prefix}_en"
    return f"coalesce(nullif({alias}{prefix}_{lang}, ''), {alias}{prefix}_en)"


def area_label(lang: str, table_alias: str = "a") -> str:
    """Area name in the chosen language; Uusimaa municipalities get their Swedish name in brackets."""
    name = localised("name", lang, table_alias)
    alias = f"{table_alias}."
    return (f"CASE WHEN {alias}country = 'FI' AND {alias}level = 'municipality' AND {alias}name_sv IS NOT NULL "
            f"AND {alias}name_sv <> {name} THEN {name} || ' (' || {alias}name_sv || ')' ELSE {name} END")


def domain_clause(filters: Filters, column: str = "domain") -> tuple[str, list]:
    """`domain IN (...)` for the selected domains (every domain when none is selected)."""
    return f"{column} IN (SELECT unnest(?::VARCHAR[]))", [filters.domain_list]


def side_clause(filters: Filters, column: str = "side") -> tuple[str, list]:
    """Bottleneck side: FI matches FI and both; EE matches EE and both; both matches everything."""
    if filters.side == "both":
        return "TRUE", []
    return f"{column} IN (?, 'both')", [filters.side]


@dataclass(frozen=True)
class Derivation:
    """How a read model's result for any filters follows from the result of `base` for wider filters."""

    base: Callable[..., Any]
    wider: Callable[[Filters], Filters]
    narrow: Callable[[Any, Filters], Any]


def derived(wider: Callable[[Filters], Filters], narrow: Callable[[Any, Filters], Any],
            base: Callable[..., Any] | None = None) -> Callable[[F], F]:
    """Declares that a read model's result for filters `f` (its first argument after the store) equals
    `narrow(base(store, wider(f), *other arguments), f)`; `base` is the read model itself unless given.

    The cache (st_cache) then asks the database for the wider filters only and narrows in memory: a change of
    side or domains finds the wider result cached and costs no query. tests/test_derived.py checks the claim
    against the read model's own answer for every side, several domain selections and periods.
    """
    def mark(function: F) -> F:
        function.derivation = Derivation(base or function, wider, narrow)  # type: ignore[attr-defined]
        return function

    return mark


def derivation_of(function: Callable[..., Any]) -> Derivation | None:
    return getattr(function, "derivation", None)


def as_it_is(result: Any, _filters: Filters) -> Any:
    """The narrowing of a read model that the filters (but its wider ones) do not change at all."""
    return result


def rows_where(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """The rows of `frame` where `mask` holds, in their order and numbered from 0 (the frame itself if all do)."""
    return frame if mask.all() else frame[mask].reset_index(drop=True)


# The narrowing masks are computed in numpy: a pandas comparison or isin on a text column cost more than the rest
# of the narrowing together (a change of side or domains runs several of them).
def side_mask(frame: pd.DataFrame, filters: Filters, column: str = "country") -> np.ndarray:
    values = frame[column].to_numpy()
    return np.ones(len(values), dtype=bool) if filters.side == "both" else values == filters.side


def domain_mask(frame: pd.DataFrame, filters: Filters) -> np.ndarray:
    values = frame["domain"].to_numpy()
    return np.isin(values, list(filters.domains)) if filters.domains else np.ones(len(values), dtype=bool)


def rows_of_side(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of the chosen side's country (all rows for both sides), in their order."""
    return rows_where(frame, side_mask(frame, filters))


def rows_of_domains(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of the selected domains (all rows when none is selected), in their order."""
    return rows_where(frame, domain_mask(frame, filters))


def rows_of_side_and_domains(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    return rows_where(frame, side_mask(frame, filters) & domain_mask(frame, filters))
