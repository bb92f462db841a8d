"""Helpers shared by the read models: localised labels and filter clauses, all parametrised."""

from __future__ import annotations

from ..filters import Filters
from ..i18n import LANGUAGES, normalise_language


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
