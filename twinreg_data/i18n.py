"""Translations (gettext catalogues in English, Finnish, Estonian and Swedish) and locale formatting.

Every visible string is an English message passed to `t()` (or `tn()` for a count): `t("Open bottlenecks", lang)`.
The catalogues live in `twinreg_data/locale/<lang>/LC_MESSAGES/messages.po`, extracted and updated with Babel
(`make messages`), compiled to `.mo` by `make`; see ARCHITECTURE.md for a translator's workflow. A message that
one English word cannot carry alone has a context: `t(NP_("bottlenecks.col", "Lead"), lang)`. A message kept in a
table before it is shown (a label of a code) is marked with `N_()` / `NP_()` so that extraction finds it.
tests/test_i18n.py fails on a missing or fuzzy translation and on a placeholder that differs from the English.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.support import NullTranslations

# Babel is imported where it is used: the schema (and so the sandboxed file reader) imports this module for its
# message markers only, and the reader process must start small.

LANGUAGES = ("en", "fi", "et", "sv")
DEFAULT_LANGUAGE = "en"
LOCALES = {"en": "en_GB", "fi": "fi_FI", "et": "et_EE", "sv": "sv_FI"}
# The language's own name, for the language switch.
LANGUAGE_NAMES = {"en": "English", "fi": "Suomi", "et": "Eesti", "sv": "Svenska"}
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "messages"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """An English message with a context, for a word that needs two translations ("Lead" as a column title and
    as a hover label)."""

    context: str
    text: str


def N_(text: str) -> str:
    """Marks a message for extraction where it is kept before it is translated (a table of labels)."""
    return text


def NP_(context: str, text: str) -> Message:
    """As N_, with a context."""
    return Message(context, text)


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """As N_, for a message counted later with tn(*message, n, lang)."""
    return singular, plural


def _compiled(lang: str) -> NullTranslations:
    """The language's compiled catalogue; compiled from its .po in memory when the .mo is missing or older (a
    checkout that has not run `make` yet), so a stale .mo can never show old texts."""
    from babel.support import NullTranslations, Translations

    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as file:
            return Translations(file, domain=DOMAIN)
    if not po.exists():
        return NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file, locale=LOCALES[lang])
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    _log.info("compiled %s in memory (run `make` to build the .mo files)", po.name)
    return Translations(buffer, domain=DOMAIN)


@cache
def translations(lang: str) -> NullTranslations:
    return _compiled(normalise_language(lang))


def normalise_language(lang: str | None) -> str:
    lang = (lang or "").split("-")[0].split("_")[0].lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _filled(text: str, params: dict) -> str:
    return text.format(**params) if params else text


def t(message: str | Message, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """`message` in `lang` with its {placeholders} filled; the English text when no translation exists."""
    catalogue = translations(lang)
    if isinstance(message, Message):
        return _filled(catalogue.pgettext(message.context, message.text), params)
    return _filled(catalogue.gettext(message), params)


def english_mark(lang: str) -> tuple[str, str]:
    """The text before and after content shown in English in another language: ("", " (englanniksi)")."""
    before, after = t("{text} (in English)", lang).split("{text}")
    return before, after


def with_english_mark(full: str, part: str, lang: str) -> str:
    """`part`, a shortened piece of the content text `full`, still marked as English when `full` is: a compact
    label must not hide that its text is an untranslated fallback."""
    before, after = english_mark(lang)
    if normalise_language(lang) == "en" or not (after or before) or not (full.startswith(before)
                                                                         and full.endswith(after)):
        return part
    inner = part.removeprefix(before).removesuffix(after)
    return before + inner + after


def tn(singular: str, plural: str, n: int, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The form of a message for the count `n` ("1 day", "2 days"); {n} is `n` written in the language's way."""
    text = translations(lang).ngettext(singular, plural, n)
    return _filled(text, {"n": format_number(n, lang), **_numbers(lang, params)})


def _numbers(lang: str, params: dict[str, object]) -> dict[str, object]:
    return {name: format_number(value, lang, 1 if isinstance(value, float) else 0)
            if isinstance(value, int | float) and not isinstance(value, bool) else value
            for name, value in params.items()}


def t_numbers(message: str | Message, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """`t()` with the numeric parameters written in the language's convention (floats with one decimal)."""
    return t(message, lang, **_numbers(lang, params))


@cache
def _number_symbols(lang: str) -> dict[int, str]:
    """Group and decimal symbols of the language from CLDR (babel): "1,234.5", "1 234,5" (no-break space), as a
    table for str.translate. Python's "," format spec groups by thousands with "," and uses "." for decimals; one
    translate() swaps both, ~10× faster than babel's format_decimal, which matters for tables and hover texts of
    thousands of values (docs/performance.md)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    locale = LOCALES[lang]
    return str.maketrans({",": get_group_symbol(locale), ".": get_decimal_symbol(locale)})


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
    return f"{value:,.{digits}f}".translate(_number_symbols(normalise_language(lang)))


def format_numbers(values: Iterable[float | int | None], lang: str, digits: int = 0) -> list[str]:
    """`format_number` of many values at once (one language lookup for all)."""
    table = _number_symbols(normalise_language(lang))
    spec = f",.{digits}f"
    return ["–" if _is_missing(v) else format(v, spec).translate(table) for v in values]


def format_pct(fraction: float | None, lang: str, digits: int = 1) -> str:
    if fraction is None:
        return "–"
    lang = normalise_language(lang)
    # English writes 12.3%, Finnish, Estonian and Swedish 12,3 % (with a no-break space).
    suffix = "%" if lang == "en" else "\u00a0%"
    return format_number(fraction * 100, lang, digits) + suffix


def format_day(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "–"
    from babel.dates import format_date

    return format_date(day, format="medium", locale=LOCALES[normalise_language(lang)])
