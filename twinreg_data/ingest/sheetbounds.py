"""Is a worksheet part safe for calamine to read? Answered at C speed for plain sheets, by the exact expat pass
otherwise.

The exact pass (`xmlscan.scan_sheet`) calls Python for every element: on a sheet of a million cells that costs
about as much as calamine's whole read. Most sheets need none of it, so `check_sheet` first tries a quick test
built from whole-buffer byte operations (`bytes.translate`, `count`, `find`: linear, no regular expression, no
Python per cell) that gives *upper bounds* on what calamine will hold:

- every cell element (`<c …>` or `<p:c …>`, self-closing or not) must start with its reference `r="A1"`, so the
  cells are counted and their references are the only places their positions come from (calamine places a cell
  without `r` after the previous one, and reads a reference in lower case too: both go to the exact pass);
- the longest column (letters after any `r="`) and the longest row number (digits after any capital letter)
  bound the rows and columns between the first and the last cell; when that bound is too coarse and the sheet
  is large, the references are read exactly with numpy (vector operations, imported only then);
- the cells typed `t="s"` (any attribute value "s"), times the longest shared string, bound the text the shared
  strings expand to.

The quick test passes a sheet only when it holds at most `max_cells` cells, its shared strings stay within
`max_text_chars` and the range calamine builds for it stays within DENSE_CEILING_CELLS (about 1 GB); the reader
then applies the exact row and cell limits to that range before copying anything out of it. Whatever the quick
test cannot pass (not UTF-8, a cell without a leading reference, a formula, an error value, a hidden row or
column, a bound over a limit) goes to the exact pass, which counts only the cells with a value, as calamine
does, reports what calamine hides and words any refusal. Every bound is at least the truth.

Standard library only, except numpy in the large-sheet case: the sandboxed child imports this module.
"""

from __future__ import annotations

import array
import io
import zipfile

from . import xmlscan

# What calamine may allocate for a sheet's range before the reader refuses it by its real size (rows, cells):
# about 32 bytes a cell, so at most about 1 GB of the child's 3 GB.
DENSE_CEILING_CELLS = 32_000_000
# Below this size the exact pass costs a few milliseconds less than importing numpy.
NUMPY_MIN_BYTES = 4 * 1024 * 1024
# Capital letters → "A", digits → "0", a namespace colon → "<" (so `<x:c ` reads as `<c `), white space, "/" and
# ">" → " " (so `<c>`, `<c/>` and `<c\tr=…` read as `<c …`), "'" → '"' (both quote an attribute value).
_TABLE = bytearray(range(256))
for _b in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _TABLE[_b] = ord("A")
for _b in b"0123456789":
    _TABLE[_b] = ord("0")
_TABLE[ord(":")] = ord("<")
for _b in b"\t\r\n/>":
    _TABLE[_b] = ord(" ")
_TABLE[ord("'")] = ord('"')
_TABLE = bytes(_TABLE)
_MAX_COLUMN = {1: 26, 2: 702, 3: 18_278}  # Z, ZZ, ZZZ
# What only the exact pass reads: formulas, error values (t="e"), hidden rows and columns.
_FOR_THE_EXACT_PASS = (b"<f ", b'"e"', b"hidden")


def _utf8(xml: bytes) -> bool:
    """True when the part is UTF-8 (no byte-order mark of another encoding, no other declared encoding)."""
    head = xml[:200].removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"<") or b"\x00" in head:
        return False
    if not head.startswith(b"<?xml"):
        return True
    end = head.find(b"?>")
    if end < 0:
        return False
    declared = head[:end].partition(b"encoding")[2].lstrip(b" \t\r\n=")
    if not declared:
        return True
    quote, value = declared[:1], declared[1:]
    return quote in (b'"', b"'") and value.partition(quote)[0].lower() in (b"utf-8", b"utf8")


def quick_within_limits(xml: bytes, shared_lengths: array.array, max_rows: int, max_cells: int,
                        max_text_chars: int) -> bool:
    """True when byte operations prove the sheet safe for calamine (cells, shared text, the range within the
    ceiling) with nothing for the exact pass to report; False when they cannot (the exact pass then decides).

    About ten linear passes over the part in C (translate, count, find), none in Python per cell."""
    if not _utf8(xml):
        return False
    text = xml.translate(_TABLE)
    if any(marker in text for marker in _FOR_THE_EXACT_PASS):
        return False
    cells = text.count(b"<c ")
    if text.count(b'<c r="A') != cells or cells > max_cells:
        return False  # some cell has no leading reference (its place depends on the cells before it): exact pass
    if cells == 0:
        return True
    longest = max(shared_lengths) if shared_lengths else 0
    if longest and text.count(b'"s"') * longest > max_text_chars:
        return False  # every cell typed t="s" (and more) counted at the longest shared string
    # Every attribute named r (or ending in r) counts, not only a cell's first one: a bound, never too low.
    letters = 1
    if b'r="AA' in text:
        if b'r="AAAA' in text:
            return False  # no such column: calamine refuses the reference, the exact pass says where
        letters = 3 if b'r="AAA' in text else 2
    # The longest row number any reference can have (a letter then digits, wherever it stands), tested once: is
    # what calamine would allocate (rows × columns between the first and the last cell) safely bounded? The
    # exact limits on rows and cells are then applied to calamine's range before anything is copied out of it.
    columns = _MAX_COLUMN[letters]
    allowed = len(str(max(max_cells, DENSE_CEILING_CELLS) // columns + 1)) - 1
    if allowed >= 1 and b"A" + b"0" * (allowed + 1) not in text:
        return True  # every row number below 10**allowed: (10**allowed - 1) × columns within the ceiling
    if len(xml) < NUMPY_MIN_BYTES:
        return False
    extent = _exact_extent(xml, text)
    if extent is None:
        return False
    rows, columns = extent
    return rows <= max_rows + 1 and rows * columns <= max_cells


def _exact_extent(xml: bytes, text: bytes) -> tuple[int, int] | None:
    """(rows, columns) between the first and the last cell reference, read with numpy vector operations;
    None for a reference that is not 1–3 capital letters and 1–7 digits (the exact pass says why)."""
    import numpy as np

    raw = np.frombuffer(xml, np.uint8)
    mapped = np.frombuffer(text, np.uint8)
    width = 17  # `r="` and the longest reference with its closing quote (3 letters, 7 digits) and more
    body = len(mapped) - width
    if body <= 0:
        return None
    # Every `r="` followed by a capital letter (a cell's reference, and any other attribute ending in r).
    starts = np.flatnonzero((mapped[:body] == ord("r")) & (mapped[1:body + 1] == ord("=")))
    starts = starts[(mapped[starts + 2] == ord('"')) & (mapped[starts + 3] == ord("A"))]
    if len(starts) == 0 or text.count(b'r="A') != len(starts):
        return None  # a reference too near the end of the part to be read here
    position = np.arange(11)
    window = starts[:, None] + 3 + position
    kind, value = mapped[window], raw[window].astype(np.int64)
    letters = np.argmin(kind == ord("A"), axis=1)
    quoted = kind == ord('"')
    if not quoted.any(axis=1).all():
        return None
    end = np.argmax(quoted, axis=1)
    in_digits = (position >= letters[:, None]) & (position < end[:, None])
    well_formed = np.where(position < letters[:, None], kind == ord("A"), ~in_digits | (kind == ord("0")))
    if not (well_formed.all() and (letters >= 1).all() and (letters <= 3).all()
            and (end - letters >= 1).all() and (end - letters <= 7).all()):
        return None
    column = np.zeros(len(starts), np.int64)
    for k in range(3):
        column = np.where(k < letters, column * 26 + value[:, k] - 64, column)
    row = np.zeros(len(starts), np.int64)
    for k in range(1, 11):
        row = np.where(in_digits[:, k], row * 10 + value[:, k] - 48, row)
    return int(row.max() - row.min() + 1), int(column.max() - column.min() + 1)


def check_sheet(xml: bytes, shared_lengths: array.array, max_rows: int, max_cells: int,
                max_text_chars: int) -> xmlscan.SheetScan:
    """What the sheet holds that calamine hides, once it is known to be safe for calamine to read.

    Raises xmlscan.LimitReached (from the exact pass, counting only cells with a value), DtdFound, XmlBroken."""
    if quick_within_limits(xml, shared_lengths, max_rows, max_cells, max_text_chars):
        return xmlscan.SheetScan()
    return xmlscan.scan_sheet(io.BytesIO(xml), shared_lengths, max_rows, max_cells, max_text_chars)


def parts_to_check(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    """The sheet's own part; when the workbook does not say unambiguously which part that is (calamine may
    still find one), every XML part under xl/, so that no sheet reaches calamine unchecked."""
    listed = zf.namelist()
    if part in listed:
        return [part]
    return sorted(n for n in listed if n.lower().startswith("xl/") and n.lower().endswith(".xml"))
