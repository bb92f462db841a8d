"""What kind of statistics file a byte string is, by its content (never by its name), and the shared
decoding steps: gzip with a ceiling, text in the encodings the publishers use.

Text formats need only the first 64 KiB; a workbook (zip) needs the whole file, whose directory is at the end.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib

from ...schema import TABLES_BY_NAME
from .. import xmlscan
from .model import StatFileError

FORMATS = ("px", "jsonstat", "pxweb_csv", "pxweb_xlsx", "eurostat_sdmx_csv", "eurostat_tsv", "eurostat_xlsx")
HEAD_BYTES = 65_536
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # a gzip bomb stops here, well inside the child's memory limit
GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"

_PX_KEYWORD = re.compile(
    r'^\s*(CHARSET|AXIS-VERSION|CODEPAGE|LANGUAGE|LANGUAGES|CREATION-DATE|DECIMALS|SHOWDECIMALS|MATRIX|'
    r'SUBJECT-CODE|SUBJECT-AREA|TITLE|CONTENTS|COPYRIGHT|DESCRIPTION)(\[[\w-]+\])?\s*=', re.M)
_JSONSTAT_CLASS = re.compile(r'"class"\s*:\s*"(dataset|collection|bundle)"')
_JSONSTAT_VERSION = re.compile(r'"version"\s*:\s*"[12]\.\d+"')
_TSV_HEADER = re.compile(r"^[\w,-]*\\(?:time|TIME_PERIOD)\t", re.I)
_SDMX_CSV_HEADER = re.compile(r"^\ufeff?\"?(DATAFLOW|STRUCTURE)\"?[,;]", re.I)


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def gunzip(data: bytes, limit: int = MAX_UNPACKED_BYTES) -> bytes:
    """The unpacked bytes of a .gz, refusing more than `limit` (a small file can unpack to gigabytes)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise StatFileError("The compressed (.gz) file is damaged: {detail}", detail=str(exc)) from exc
    if len(out) > limit or inflater.unconsumed_tail:
        raise StatFileError("The compressed file unpacks to more than {limit_mb} MB.", limit_mb=limit // 2**20)
    return out


def gunzip_head(data: bytes, size: int = HEAD_BYTES) -> bytes:
    """The first `size` unpacked bytes of a .gz (enough to tell what it holds), without unpacking it all."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[: 4 * HEAD_BYTES], size)
    except zlib.error:
        return b""


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Text of a statistics file: a BOM decides (UTF-8, UTF-16), then the declared code page (PX CODEPAGE),
    then UTF-8, then Windows-1252 (PxWeb's "ANSI" exports; it is Latin-1 plus a few printable characters)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise StatFileError("The file is not valid {encoding} text (byte {position}).",
                                    encoding=encoding, position=exc.start) from exc
    if declared:
        try:
            return data.decode(declared)
        except LookupError:
            pass  # an unknown code page name: fall through to the usual guesses
        except UnicodeDecodeError as exc:
            if declared.lower().replace("-", "") != "utf8":  # a file saying UTF-8 but in Latin-1 is common
                raise StatFileError("The file is not valid {encoding} text as it declares.",
                                    encoding=declared) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace") if _cp1252_ok(data) else data.decode("latin-1")


def _cp1252_ok(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _head_text(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Cut on a whole code unit so a truncated head still decodes.
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    text = head.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def detect(data: bytes) -> str | None:
    """The format of a statistics file (one of FORMATS), or None when it is none of them.

    A .gz is looked into: its content's format is returned (the readers unpack it themselves). A workbook is
    told apart by what its first sheet says (PxWeb's title row, Eurostat's "Data extracted on" block); our
    own import template is None.
    """
    if is_gzip(data):
        inner = gunzip_head(data)
        return None if not inner or is_gzip(inner) or inner.startswith(ZIP_MAGIC) else detect(inner)
    if data.startswith(ZIP_MAGIC):
        return _detect_workbook(data)
    text = _head_text(data[:HEAD_BYTES])
    if "\x00" in text:
        return None
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return "jsonstat" if _JSONSTAT_CLASS.search(text) or _JSONSTAT_VERSION.search(text[:2000]) else None
    if _PX_KEYWORD.search(text[:4000]) and re.search(r"^\s*(STUB|HEADING|VALUES)\s*(\[[\w-]+\])?\s*[=(]",
                                                     text, re.M):
        return "px"
    first_line = stripped.split("\n", 1)[0]
    if _TSV_HEADER.match(first_line):
        return "eurostat_tsv"
    if _SDMX_CSV_HEADER.match(first_line) and "OBS_VALUE" in first_line.upper():
        return "eurostat_sdmx_csv"
    if _looks_like_pxweb_csv(text):
        return "pxweb_csv"
    return None


def _looks_like_pxweb_csv(text: str) -> bool:
    """A PxWeb CSV export: optional title lines, then a header whose later cells are periods or labels and
    rows of numbers or markers. Our own template CSV (its header names indicator and area) is not one."""
    import csv

    from .periods import parse_stat_period

    lines = [line for line in text.splitlines()[:60] if line.strip()]
    if len(lines) < 2:
        return False
    delimiter = max((";", ",", "\t"), key=lambda d: sum(line.count(d) for line in lines[:10]))
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header_at = next((i for i, row in enumerate(rows) if len([c for c in row if c.strip()]) >= 2), None)
    if header_at is None or header_at > 5:
        return False
    header = [c.strip().lower() for c in rows[header_at]]
    if {"indicator", "area"} <= set(header) or "code" in header:
        return False
    body = [row for row in rows[header_at + 1:] if len(row) == len(rows[header_at])]
    if not body:
        return False
    cells = [c.strip() for row in body[:20] for c in row[1:]]
    numeric = sum(bool(re.fullmatch(r"-?[\d\s\u00a0]+([.,]\d+)?|\.{1,6}|-|:", c)) for c in cells if c)
    periods = sum(parse_stat_period(c.split(" ")[0])[0] is not None for c in rows[header_at][1:])
    titled = header_at > 0 and len([c for c in rows[0] if c.strip()]) == 1
    # The PxWeb API's CSV has no title row; its first header cells name the stub (Maakond, Aasta, Alue, …).
    from .model import guess_role

    named_stub = any(guess_role(h, h, []) in ("area", "period") for h in rows[header_at][:3])
    return numeric >= 0.6 * max(1, len([c for c in cells if c])) and (periods > 0 or titled or named_stub)


_STATISTICS_OFFICES = ("Tilastokeskus", "Statistics Finland", "Statistikcentralen", "Statistikaamet",
                       "Statistics Estonia")


def _any_of(text: str, needles: tuple[str, ...]) -> bool:
    return any(needle in text for needle in needles)


def _detect_workbook(data: bytes) -> str | None:
    """pxweb_xlsx or eurostat_xlsx by the first sheet's text; None for any other workbook."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names:
                return None
            with zf.open("xl/workbook.xml") as fh:
                workbook = fh.read(HEAD_BYTES)
            # The first kilobytes of the shared strings and of the first sheets (some writers keep strings
            # inline in the sheets) are enough to recognise who wrote the workbook.
            parts = ["xl/sharedStrings.xml"] + [f"xl/worksheets/sheet{n}.xml" for n in range(1, 5)]
            strings = ""
            for part in parts:
                if part in names:
                    with zf.open(part) as fh:
                        strings += fh.read(HEAD_BYTES).decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    sheet_names = {n.lower() for n in xmlscan.sheet_names(workbook)}
    if set(TABLES_BY_NAME) & sheet_names:
        return None  # our own template (any of its sheets: a bottlenecks sheet may well cite a statistics office)
    # Substring tests and linear passes only: no regular expression runs over XML (a hostile part can drive
    # one quadratic).
    if _any_of(strings, ("Data extracted on", "Source of data")) and _any_of(strings, ("Eurostat", "ESTAT")):
        return "eurostat_xlsx"
    if xmlscan.texts_with(strings, "--") or _any_of(strings, _STATISTICS_OFFICES):
        return "pxweb_xlsx"
    return None
