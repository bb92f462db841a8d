"""Translations (English, Finnish, Estonian) and locale formatting.

Every visible string goes through `t()`. A test fails when a key lacks a language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

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
    if entry is None:  # an English message (gettext style, see ARCHITECTURE.md): shown as written
        return key.format(**params) if params else key
    text = entry.get(normalise_language(lang)) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def domain_label(domain: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A domain's label. The nine bottleneck domains have catalogue keys; `context` (DESIGN §8) is an English
    message, translated when the catalogue moves to gettext."""
    if domain == "context":
        return t("Context (background figures)", lang)
    return t(f"domain.{domain}", lang)


def t_numbers(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """`t()` with the numeric parameters written in the language's convention (floats with one decimal)."""
    return t(key, lang, **{
        name: format_number(value, lang, 1 if isinstance(value, float) else 0)
        if isinstance(value, int | float) and not isinstance(value, bool) else value
        for name, value in params.items()
    })


# Group and decimal symbols of each language from CLDR (babel): "1,234.5", "1 234,5" (no-break space).
_SYMBOLS = {lang: (get_group_symbol(locale), get_decimal_symbol(locale)) for lang, locale in LOCALES.items()}
# Python's "," format spec groups by thousands with "," and uses "." for decimals; one translate() swaps both.
# Formatting this way is ~10× faster than babel's format_decimal, which matters for tables and hover texts
# of thousands of values (bench/results/scale.md).
_TRANSLATE = {lang: str.maketrans({",": group, ".": decimal}) for lang, (group, decimal) in _SYMBOLS.items()}


def _is_missing(value: object) -> bool:
    """None, NaN (any float type) or pandas' NA, whose comparison is neither true nor false."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:
        return True


def format_number(value: float | int | None, lang: str, digits: int = 0) -> str:
    """`value` with thousands grouped and `digits` decimals in the language's convention; "–" when missing."""
    if _is_missing(value):
        return "–"
    return f"{value:,.{digits}f}".translate(_TRANSLATE[normalise_language(lang)])


def format_numbers(values: Iterable[float | int | None], lang: str, digits: int = 0) -> list[str]:
    """`format_number` of many values at once (one language lookup for all)."""
    table = _TRANSLATE[normalise_language(lang)]
    spec = f",.{digits}f"
    return ["–" if _is_missing(v) else format(v, spec).translate(table) for v in values]


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
