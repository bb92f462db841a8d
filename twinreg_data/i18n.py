"""Translations (English, Finnish, Estonian) and locale formatting.

Every visible string goes through `t()`. A test fails when a key lacks a language.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

LANGUAGES = ("en", "fi", "et")
DEFAULT_LANGUAGE = "en"
LOCALES = {"en": "en_GB", "fi": "fi_FI", "et": "et_EE"}

def _load_catalog() -> dict[str, dict[str, str]]:
    """Merge the MESSAGES of every module in twinreg_data/catalog/ (one module per page or topic)."""
    import importlib
    import pkgutil

    from . import catalog

    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(catalog.__path__), key=lambda m: m.name):
        messages = importlib.import_module(f"{catalog.__name__}.{info.name}").MESSAGES
        clash = set(merged) & set(messages)
        if clash:
            raise ValueError(f"translation keys defined twice: {sorted(clash)}")
        merged.update(messages)
    return merged


CATALOG: dict[str, dict[str, str]] = _load_catalog()


def normalise_language(lang: str | None) -> str:
    lang = (lang or "").split("-")[0].split("_")[0].lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`; a missing key shows itself so it is noticed, never an exception."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry.get(normalise_language(lang)) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def format_number(value: float | int | None, lang: str, digits: int = 0) -> str:
    if value is None:
        return "–"
    fmt = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=fmt, locale=LOCALES[normalise_language(lang)])


def format_pct(fraction: float | None, lang: str, digits: int = 1) -> str:
    if fraction is None:
        return "–"
    lang = normalise_language(lang)
    # English writes 12.3%, Finnish and Estonian 12,3 % (with a no-break space).
    suffix = "%" if lang == "en" else "\u00a0%"
    return format_number(fraction * 100, lang, digits) + suffix


def format_day(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "–"
    return format_date(day, format="medium", locale=LOCALES[normalise_language(lang)])
