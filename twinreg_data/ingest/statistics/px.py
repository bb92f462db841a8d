"""PX (PC-Axis) files, as Statistics Finland's and Statistics Estonia's PxWeb publish them.

Keywords before `DATA=` describe the cube: STUB and HEADING name its dimensions (stub first, the last heading
dimension varies fastest in DATA), VALUES / CODES their values, TIMEVAL the time dimension, NOTE / NOTEX /
VALUENOTE / CELLNOTE footnotes. CODEPAGE says how the text is encoded (iso-8859-15 in older files, utf-8 in
newer ones). Missing values are quoted markers (`".."`, `"..."`, `"-"`). Only the default language's
keywords are read (`KEY[sv]=` entries are other languages of the same table).
"""

from __future__ import annotations

import array
import math
import re

from .detect import decode_text
from .model import (
    MISSING_MARKERS,
    StatFileError,
    StatTable,
    apply_period_flags,
    dense_positions,
    make_dimension,
)
from .periods import px_timeval_period

MAX_CELLS = 20_000_000

_ENTRY = re.compile(r'\s*([A-Za-z][A-Za-z0-9-]*)(?:\[([^\]]*)\])?(?:\(((?:\s*"[^"]*"\s*,?)*)\))?\s*=', re.S)
_VALUE = re.compile(r'((?:"[^"]*"|[^";])*);', re.S)
_TOKEN = re.compile(r'"([^"]*)"|(,)|([^\s",]+)')
_DATA_TOKEN = re.compile(r'"[^"]*"|[^\s,;"]+')
_CODEPAGE = re.compile(rb'CODEPAGE\s*=\s*"([^"]+)"')
_TLIST = re.compile(r'TLIST\(\s*(\w\d)\s*(?:,\s*"(\d+)"\s*-\s*"(\d+)")?\s*\)')


def _items(value: str) -> list[str]:
    """The strings of a keyword's value: `"a","b"` → [a, b]; `"long "\\n"text"` (no comma) is one string."""
    items: list[str] = []
    joinable = False
    for quoted, comma, bare in _TOKEN.findall(value):
        if comma:
            joinable = False
        elif quoted or (not bare and not comma):
            if joinable and items:
                items[-1] += quoted
            else:
                items.append(quoted)
            joinable = True
        else:
            items.append(bare)
            joinable = False
    return items


Meta = dict[tuple[str, tuple[str, ...]], list[str]]


def _metadata(text: str, other: dict[str, Meta] | None = None) -> tuple[Meta, int]:
    """(keyword, subkeys) → items for the default language, and the offset where DATA's values start.
    `other`, when given, receives the STUB, HEADING and VALUES entries of the other languages."""
    meta: Meta = {}
    pos = 0
    while True:
        m = _ENTRY.match(text, pos)
        if not m:
            rest = text[pos:pos + 40].strip()
            if not rest:
                raise StatFileError("The PX file has no DATA section: it may be cut short.")
            raise StatFileError("The PX file cannot be read near “{text}”.", text=rest)
        keyword, lang, subkeys = m.group(1).upper(), m.group(2), m.group(3)
        if keyword == "DATA":
            return meta, m.end()
        value = _VALUE.match(text, m.end())
        if not value:
            raise StatFileError("The PX keyword {keyword} has no closing semicolon: the file may be cut short.",
                                keyword=keyword)
        if lang is None or (other is not None and keyword in ("STUB", "HEADING", "VALUES")):
            keys = tuple(re.findall(r'"([^"]*)"', subkeys)) if subkeys else ()
            target = meta if lang is None else other.setdefault(lang, {})
            target[(keyword, keys)] = _items(value.group(1))
        pos = value.end()


def read_px(data: bytes) -> StatTable:
    """A PX file as a StatTable (raises StatFileError for a file it cannot read)."""
    codepage = _CODEPAGE.search(data[:20_000])
    text = decode_text(data, codepage.group(1).decode("ascii", "replace") if codepage else None)
    text = text.lstrip("\ufeff")
    languages: dict[str, Meta] = {}
    meta, data_at = _metadata(text, languages)

    def one(keyword: str, *subkeys: str) -> str:
        items = meta.get((keyword, subkeys))
        return "".join(items) if items else ""

    stub = meta.get(("STUB", ()), [])
    heading = meta.get(("HEADING", ()), [])
    names = stub + heading
    if not names:
        raise StatFileError("The PX file names no dimensions (STUB or HEADING).")
    series_variable = one("CONTVARIABLE")
    dimensions = []
    for name in names:
        labels = meta.get(("VALUES", (name,)))
        if not labels:
            raise StatFileError("The PX file lists no values for the dimension {dimension}.", dimension=name)
        codes = meta.get(("CODES", (name,))) or labels
        if len(codes) != len(labels):
            raise StatFileError("The PX dimension {dimension} has {codes} codes for {values} values.",
                                dimension=name, codes=len(codes), values=len(labels))
        timeval = one("TIMEVAL", name)
        variable_type = one("VARIABLE-TYPE", name).lower()
        hint = None
        if timeval or variable_type == "time":
            hint = "period"
        elif variable_type in ("geographical", "geographic") or meta.get(("MAP", (name,))):
            hint = "area"
        elif name == series_variable or variable_type in ("content", "contents"):
            hint = "series"
        dim = make_dimension(name, name, list(zip(codes, labels, strict=True)), hint)
        if dim.role_guess == "period":
            unit = m.group(1) if (m := _TLIST.search(timeval)) else ""
            dim.periods = [px_timeval_period(c, unit) or p for c, p in
                           zip(codes, dim.periods or [None] * len(codes), strict=True)]
        for key in ("NOTE", "NOTEX"):
            dim.notes += meta.get((key, (name,)), [])
        for (keyword, keys), items in meta.items():
            if keyword in ("VALUENOTE", "VALUENOTEX") and len(keys) == 2 and keys[0] == name:
                dim.notes.append(f"{keys[1]}: {''.join(items)}")
        dimensions.append(dim)
    # The other languages' names and labels (`VALUES[sv]("Område")`), matched by position in STUB/HEADING, so a
    # value can be chosen by its label in any of the file's languages (--keep Uppgifter=…).
    for lang, other in languages.items():
        other_names = other.get(("STUB", ()), []) + other.get(("HEADING", ()), [])
        if len(other_names) != len(dimensions):
            continue
        for dim, other_name in zip(dimensions, other_names, strict=True):
            labels = other.get(("VALUES", (other_name,)))
            if labels and len(labels) == dim.size:
                dim.other_labels[lang] = [other_name, *labels]

    sizes = [d.size for d in dimensions]
    expected = math.prod(sizes)
    if expected > MAX_CELLS:
        raise StatFileError("The PX table has {cells} cells; at most {limit} can be read.", cells=expected,
                            limit=MAX_CELLS)
    end = text.find(";", data_at)
    if end < 0:
        raise StatFileError("The PX file's DATA section has no closing semicolon: the file is cut short.")
    tokens = _DATA_TOKEN.findall(text, data_at, end)
    if len(tokens) != expected:
        raise StatFileError("The PX file has {found} values where its dimensions need {expected}.",
                            found=len(tokens), expected=expected)
    values = array.array("d", bytes(8 * expected))
    status: dict[int, str] = {}
    for i, token in enumerate(tokens):
        token = token.strip('"')
        try:
            values[i] = float(token)
        except ValueError:
            values[i] = math.nan
            status[i] = token if token in MISSING_MARKERS or token else ".."
    table = StatTable(
        format="px",
        title=one("TITLE") or one("DESCRIPTION") or one("CONTENTS"),
        dimensions=dimensions,
        positions=dense_positions(sizes),
        values=values,
        status=status,
        source=one("SOURCE"),
        language=one("LANGUAGE"),
        notes=[n for key in ("NOTEX", "NOTE") for n in meta.get((key, ()), [])]
        + [f"{', '.join(keys)}: {''.join(items)}" for (keyword, keys), items in meta.items()
           if keyword in ("CELLNOTE", "CELLNOTEX")],
    )
    table.table_id = one("TABLEID") or one("MATRIX")
    apply_period_flags(table)
    return table
