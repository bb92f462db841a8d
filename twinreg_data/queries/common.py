"""Helpers shared by the read models: localised labels and filter clauses, all parametrised; and the narrowing
functions shared by the pages.

A narrowing function is a pure function of a read model's result and the filters in view: the page asks the cache
for the read model with wider filters (both sides, every domain) and narrows the result with one of these, so a
change of side or domains costs no query. tests/test_narrowing.py holds each against independent SQL.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..filters import Filters
from ..i18n import LANGUAGES, english_mark, normalise_language
from ..schema import language_column


def localised(prefix: str, lang: str, table_alias: str = "", *, mark_english: bool = True) -> str:
    """SQL for a text in the chosen language, falling back to English visibly: "Title (in English)".

    `prefix` names a text whose English is in `<prefix>_en` (title, name, description); `localised_text` is the
    same for a text whose English is in the plain column (note, who, owner_fi). Names of places fall back
    unmarked (`mark_english=False`): Tallinn is Tallinn in Swedish too.
    """
    assert prefix.isidentifier()
    return localised_text(f"{prefix}_en", lang, table_alias, mark_english=mark_english)


def localised_text(english: str, lang: str, table_alias: str = "", *, mark_english: bool = True) -> str:
    """SQL for the content whose English is in the column `english`, in the chosen language: its
    `schema.language_column` when filled, else the English marked "(in English)" (NULL stays NULL).

    The column comes from the code, `lang` is one of LANGUAGES and the mark is a translation of ours, so no user
    input reaches the SQL text. Every page, figure, slide and download takes content through this (or
    `localised`), so no English column is shown unmarked in another language.
    """
    lang = normalise_language(lang)
    assert lang in LANGUAGES and english.isidentifier()
    alias = f"{table_alias}." if table_alias else ""
    if lang == "en":
        return f"{alias}{english}"
    shown = f"nullif(trim({alias}{english}), '')"
    if mark_english:
        before, after = english_mark(lang)
        shown = f"({_sql_text(before)} || {shown} || {_sql_text(after)})"
    return f"coalesce(nullif(trim({alias}{language_column(english, lang)}), ''), {shown})"


def localised_texts(englishes: tuple[str, ...], lang: str, table_alias: str = "") -> str:
    """`localised_text` of several columns, each AS its English name (`note, who` → the note and who in `lang`)."""
    return ", ".join(f"{localised_text(e, lang, table_alias)} AS {e}" for e in englishes)


def every_language(english: str, table_alias: str = "") -> str:
    """SQL for the content of `english` in every language, space-separated: a search finds a text whichever
    language it was typed in."""
    alias = f"{table_alias}." if table_alias else ""
    return "concat_ws(' ', " + ", ".join(f"{alias}{language_column(english, lang)}" for lang in LANGUAGES) + ")"


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def area_label(lang: str, table_alias: str = "a") -> str:
    """Area name in the chosen language; Uusimaa municipalities get their Swedish name in brackets."""
    name = localised("name", lang, table_alias, mark_english=False)
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
    """The rows whose `country` is the chosen side's (all rows for both sides), in their order."""
    return rows_where(frame, side_mask(frame, filters))


def rows_of_domains(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of the selected domains (all rows when none is selected), in their order."""
    return rows_where(frame, domain_mask(frame, filters))


def rows_of_side_and_domains(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of the chosen side's country and of the selected domains, in their order."""
    return rows_where(frame, side_mask(frame, filters) & domain_mask(frame, filters))
