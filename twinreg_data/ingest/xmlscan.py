"""Streaming, linear passes over the XML parts of a workbook (expat): no regular expression ever runs over XML.

Used by filecheck (in the server: the prolog of every part, the declared size of a sheet) and by the xlsx
reader (in the sandboxed child: the cells of a sheet and its shared strings). Expat reads UTF-8 and UTF-16 by
the part's byte-order mark or declaration, so a DTD is found in any encoding and behind any comment; a DTD or
an entity declaration stops the pass at once (`DtdFound`), before anything could expand.

Standard library only: the child imports it.
"""

from __future__ import annotations

import array
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO
from xml.parsers import expat

CHUNK_BYTES = 65_536


class DtdFound(Exception):
    """The part declares a DTD or an entity (OOXML never does)."""


class XmlBroken(Exception):
    """The part is not well-formed XML (before the pass had what it needed)."""


class LimitReached(Exception):
    """A size limit was passed during the scan: `what` says which, `params` the figures."""

    def __init__(self, what: str, **params: object) -> None:
        super().__init__(what)
        self.what = what
        self.params = params


class _Stop(Exception):
    """The pass has what it needs."""


def _refuse_dtd(*_args: object) -> None:
    raise DtdFound


def new_parser() -> expat.XMLParserType:
    """An expat parser that refuses any DTD or entity declaration and never loads anything external."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.UnparsedEntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    parser.buffer_text = True
    return parser


def local(name: str) -> str:
    return name.rpartition(":")[2]


def feed(parser: expat.XMLParserType, stream: IO[bytes], max_bytes: int | None = None,
         on_limit: Callable[[int], None] | None = None) -> bool:
    """Feed `stream` to `parser` in chunks; True when the handlers stopped it early (they raise `_Stop`).

    `max_bytes` bounds what is read; past it `on_limit(bytes_read)` is called (it raises) or the pass ends.
    Raises XmlBroken for malformed XML, DtdFound for a DTD.
    """
    read = 0
    try:
        while True:
            chunk = stream.read(CHUNK_BYTES)
            read += len(chunk)
            if max_bytes is not None and read > max_bytes:
                if on_limit:
                    on_limit(read)
                return True
            parser.Parse(chunk, not chunk)
            if not chunk:
                return False
    except _Stop:
        return True
    except expat.ExpatError as exc:
        raise XmlBroken(str(exc)) from exc


# -- the server side: a part's prolog and a sheet's declared size ---------------------------------------------


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_COLUMN_OF: dict[str, int] = {}  # letters seen → column number (a sheet uses a few hundred at most)
FAR = 10**12  # where a reference too long to be real is taken to point: far past every limit


def split_ref(ref: str) -> tuple[int, int] | None:
    """'XFD1048576' → (16384, 1048576), as calamine reads it: letters in either case, any number of letters and
    digits (one too long to be real counts as FAR, never as missing). None for what calamine refuses (no letters,
    no digits, anything else in it)."""
    digits = ref.lstrip(_LETTERS)
    letters = ref[: len(ref) - len(digits)]
    if not letters or not digits or not (digits.isascii() and digits.isdigit()):
        return None
    column = _COLUMN_OF.get(letters)
    if column is None:
        column = column_number(letters.upper()) if len(letters) <= 6 else FAR
        if len(_COLUMN_OF) < 100_000:
            _COLUMN_OF[letters] = column
    return column, int(digits) if len(digits) <= 12 else FAR


def row_number(r: str) -> int | None:
    """A row's r attribute as calamine reads it; None when it is no number."""
    if not (r.isascii() and r.isdigit()):
        return None
    return int(r) if len(r) <= 12 else FAR


@dataclass
class PartHead:
    dimension: tuple[int, int] | None = None  # (rows, columns) of a sheet's declared range A1:XN
    root_seen: bool = False


def check_part(stream: IO[bytes], is_sheet: bool, max_prolog_bytes: int) -> PartHead:
    """Read a part until its root element starts (a sheet: until its <dimension> or <sheetData>).

    Raises DtdFound for a DTD or entity declaration, also one behind a long comment or in a UTF-16 part, and
    XmlBroken for a prolog that is not XML or runs past `max_prolog_bytes` without a root element.
    """
    head = PartHead()
    parser = new_parser()

    def start(name: str, attrs: dict[str, str]) -> None:
        head.root_seen = True
        if not is_sheet:
            raise _Stop
        tag = local(name)
        if tag == "dimension":
            first, _, last = attrs.get("ref", "").partition(":")
            end, begin = split_ref(last or first), split_ref(first)
            if end and begin and last:
                head.dimension = (end[1], end[0])
            raise _Stop
        if tag == "sheetData":
            raise _Stop

    parser.StartElementHandler = start

    def too_long(_read: int) -> None:
        if not head.root_seen:
            raise XmlBroken(f"no root element in the first {max_prolog_bytes} bytes")

    try:
        feed(parser, stream, 2 * max_prolog_bytes if is_sheet else max_prolog_bytes, too_long)
    except XmlBroken:
        if not head.root_seen:
            raise
        # Broken further on: the reader child judges the rest (a DTD can only come before the root).
    return head


def sheet_names(head: bytes) -> set[str]:
    """The sheet names in the first bytes of xl/workbook.xml (the rest may be cut off): one streaming pass."""
    names: set[str] = set()
    parser = new_parser()

    def start(name: str, attrs: dict[str, str]) -> None:
        if local(name) == "sheet" and "name" in attrs:
            names.add(attrs["name"])

    parser.StartElementHandler = start
    with contextlib.suppress(expat.ExpatError, DtdFound):  # what was read before the fault stands
        parser.Parse(head, False)
    return names


def texts_with(data: str, needle_between_spaces: str) -> bool:
    """True when the text of some <t> element in `data` (XML text, possibly cut off) holds the needle with white
    space on both sides: a linear split at '<', no regular expression over XML."""
    pieces = data.split("<")
    for i, piece in enumerate(pieces[:-1]):
        if not (piece.startswith("t>") or piece.startswith("t ")) or not pieces[i + 1].startswith("/t>"):
            continue
        text = piece.partition(">")[2]
        at = text.find(needle_between_spaces)
        while at >= 0:
            if at > 0 and at + len(needle_between_spaces) < len(text) and text[at - 1].isspace() and \
                    text[at + len(needle_between_spaces)].isspace():
                return True
            at = text.find(needle_between_spaces, at + 1)
    return False


# -- the child side: shared strings and a sheet's cells ----------------------------------------------------


def shared_string_lengths(stream: IO[bytes]) -> array.array:
    """The length in characters of every shared string (<si>), in order; phonetic runs (<rPh>) not counted."""
    lengths = array.array("q")
    parser = new_parser()
    state = {"si": False, "t": 0, "rph": 0, "n": 0}

    def start(name: str, _attrs: dict) -> None:
        tag = local(name)
        if tag == "si":
            state.update(si=True, n=0)
        elif tag == "t":
            state["t"] += 1
        elif tag == "rPh":
            state["rph"] += 1

    def end(name: str) -> None:
        tag = local(name)
        if tag == "si":
            lengths.append(state["n"])
            state["si"] = False
        elif tag == "t":
            state["t"] -= 1
        elif tag == "rPh":
            state["rph"] -= 1

    def chars(data: str) -> None:
        if state["si"] and state["t"] and not state["rph"]:
            state["n"] += len(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    feed(parser, stream)
    return lengths


@dataclass
class SheetScan:
    """What one pass over a sheet's XML finds, before calamine reads it."""

    cells: int = 0  # cells with a value
    min_row: int = 0
    max_row: int = 0
    min_col: int = 0
    max_col: int = 0
    text_chars: int = 0  # characters of the shared strings its cells refer to, each reference counted
    formula_cells_without_value: list[str] = field(default_factory=list)
    error_cells: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column) one-based, value
    hidden_rows: list[int] = field(default_factory=list)
    hidden_column_ranges: list[tuple[int, int]] = field(default_factory=list)  # one-based, inclusive

    @property
    def rows(self) -> int:
        return self.max_row - self.min_row + 1 if self.cells else 0

    @property
    def columns(self) -> int:
        return self.max_col - self.min_col + 1 if self.cells else 0


_TRUE = ("1", "true")


def scan_sheet(stream: IO[bytes], shared_lengths: array.array, max_rows: int, max_cells: int,
               max_text_chars: int) -> SheetScan:
    """One linear pass over a worksheet part: cells, their extent, shared-string text, formulas without a cached
    value, error values, hidden rows and columns.

    Raises LimitReached("cells", rows=, columns=, cells=) as soon as the cells' extent passes `max_rows` + 1 rows
    or `max_cells` cells, LimitReached("text", chars=) as soon as the shared strings referred to pass
    `max_text_chars` characters, DtdFound and XmlBroken.
    """
    scan = SheetScan()
    parser = new_parser()
    n_shared = len(shared_lengths)
    # The cell being read (closure variables: this runs for every element of the sheet).
    ref, row, col, kind = "", 0, 0, ""
    has_f = has_v = has_is = in_v = False
    value: list[str] = []
    cells = min_row = max_row = min_col = max_col = text_chars = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal ref, row, col, kind, has_f, has_v, has_is, in_v
        tag = name if ":" not in name else name.rpartition(":")[2]
        if tag == "c":
            ref = attrs.get("r", "")
            where = split_ref(ref) if ref else None
            if where:
                col, row = where
            else:
                col += 1
                ref = ""
            kind = attrs.get("t", "")
            has_f = has_v = has_is = in_v = False
            value.clear()
        elif tag == "v":
            has_v = in_v = True
        elif tag == "f":
            has_f = True
        elif tag == "is":
            has_is = True
        elif tag == "row":
            r = attrs.get("r", "")
            number = row_number(r)
            row = number if number is not None else row + 1
            col = 0
            if attrs.get("hidden") in _TRUE:
                scan.hidden_rows.append(row)
        elif tag == "col":
            low, high = attrs.get("min", ""), attrs.get("max", "")
            if attrs.get("hidden") in _TRUE and low.isdigit() and high.isdigit() and len(low) + len(high) <= 14:
                scan.hidden_column_ranges.append((int(low), int(high)))

    def chars(data: str) -> None:
        if in_v and len(value) < 64:  # a value's first pieces are all we look at
            value.append(data[:256])

    def end(name: str) -> None:
        nonlocal in_v, cells, min_row, max_row, min_col, max_col, text_chars
        tag = name if ":" not in name else name.rpartition(":")[2]
        if tag == "v":
            in_v = False
            return
        if tag != "c":
            return
        text = "".join(value).strip() if value else ""
        if text or has_is:
            if cells == 0:
                min_row = max_row = row
                min_col = max_col = col
            else:
                if row < min_row:
                    min_row = row
                elif row > max_row:
                    max_row = row
                if col < min_col:
                    min_col = col
                elif col > max_col:
                    max_col = col
            cells += 1
            rows, columns = max_row - min_row + 1, max_col - min_col + 1
            if rows > max_rows + 1 or rows * columns > max_cells or cells > max_cells:
                raise LimitReached("cells", rows=rows, columns=columns, cells=max(rows * columns, cells))
            if kind == "s" and text.isdigit():
                index = int(text)
                if index < n_shared:
                    text_chars += shared_lengths[index]
                    if text_chars > max_text_chars:
                        raise LimitReached("text", chars=text_chars)
        # A formula without a cached value, unless its cached result is the empty string (t="str", empty <v>).
        if has_f and not has_is and not text and ref and not (kind == "str" and has_v):
            scan.formula_cells_without_value.append(ref)
        if kind == "e" and has_v and row and col:
            scan.error_cells.append((row, col, text or "#ERROR"))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    feed(parser, stream)
    scan.cells, scan.text_chars = cells, text_chars
    scan.min_row, scan.max_row, scan.min_col, scan.max_col = min_row, max_row, min_col, max_col
    return scan
