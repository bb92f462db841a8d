"""Decide what an uploaded file really is, by its content, before anything parses it.

Only cheap, bounded reads happen here: the first bytes, the zip central
directory and the start of each XML part (one streaming expat pass up to its root
element, or a sheet's <dimension>: linear, never a regular expression over XML).
The real parsing runs in a child process (see ingest.sandbox and ingest.readers)
with memory and time limits.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..i18n import t_numbers
from ..labels import REFUSAL_LABELS
from . import xmlscan

MAX_FILE_BYTES = 50 * 1024 * 1024  # equals server.maxUploadSize in .streamlit/config.toml
MAX_ZIP_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 600 * 1024 * 1024
MAX_PART_BYTES = 300 * 1024 * 1024  # one part unpacked: a sheet of MAX_CELLS short cells stays below it
# What the cells of one sheet would expand to: each reference to a shared string counts its characters again
# (one 32,767-character string in 200,000 cells would be 6.5 billion characters for the reader to hold).
MAX_TEXT_CHARS = 100_000_000
MAX_ENTRY_RATIO = 150  # real worksheets compress 5–40×; zip bombs 1,000× and more
RATIO_CHECK_MIN_BYTES = 2 * 1024 * 1024
MAX_ROWS = 500_000
# The size limit is in cells, not columns: a monthly series of 35 years in the wide layout has 420 period
# columns. 16,384 columns is Excel's grid; a line wider than that came from no spreadsheet program.
MAX_CELLS = 20_000_000
MAX_COLUMNS = 16_384
GRID_ROWS = 1_048_576  # the last row of an Excel (and LibreOffice) sheet
GRID_COLUMNS = frozenset({1_024, 16_384})  # the last column: AMJ (older LibreOffice), XFD (Excel, newer LibreOffice)

EXCEL_EXTENSIONS = {".xlsx", ".xlsm", ".xls", ".xltx", ".xlsb"}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


class RefusedFile(Exception):
    """The file is not accepted at all.

    `reason` is a stable key (audit log, JSON, tests); the text is the catalog entry `refusal.<text_key>` filled
    with `params` (`text_key` is the reason unless one reason has several texts), or `text_key` itself when it
    is an English message (gettext style). `message` is the English text (CLI, logs); `text(lang)` the reader's.
    """

    def __init__(self, reason: str, text_key: str | None = None, **params: object) -> None:
        self.reason = reason
        self.text_key = text_key or reason
        self.params = params
        self.message = self.text("en")
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        # A statistics reader words its own refusal: its text key is the English message itself.
        return t_numbers(REFUSAL_LABELS.get(self.text_key, self.text_key), lang, **self.params)


@dataclass(frozen=True)
class FileKind:
    kind: str  # "xlsx", "csv" or "statistics"
    size: int
    format: str = ""  # for "statistics": one of ingest.statistics.FORMATS


MAX_PROLOG_BYTES = 1024 * 1024  # real parts start their root element within a few hundred bytes


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """One streaming pass (expat) over the start of an XML part: a DTD is refused wherever the prolog hides it
    (behind a long comment, in UTF-16), and a sheet that declares an absurd size is refused before any parse."""
    lower = info.filename.lower()
    is_sheet = lower.startswith("xl/worksheets/") and lower.endswith(".xml")
    with zf.open(info) as part:
        try:
            # OOXML never declares a DTD; one is the sign of an entity-expansion ("billion laughs") attack.
            head = xmlscan.check_part(part, is_sheet, MAX_PROLOG_BYTES)
        except xmlscan.DtdFound as exc:
            raise RefusedFile("xml_entities", name=name, part=info.filename) from exc
        except xmlscan.XmlBroken as exc:
            # Before its root element a part is only a declaration, comments and instructions: anything else
            # (or a prolog too long to be one) is refused rather than guessed at.
            raise RefusedFile("unreadable", "workbook_unreadable", name=name,
                              detail=f"{info.filename}: {exc}") from exc
    if head.dimension:
        rows, cols = head.dimension
        # LibreOffice declares the whole grid for a sheet formatted down to its last row or column:
        # that says nothing of the cells it has, which the reader child counts within its limits.
        whole_grid = rows == GRID_ROWS or cols in GRID_COLUMNS
        if not whole_grid and (rows > MAX_ROWS + 1 or rows * cols > MAX_CELLS):
            raise RefusedFile("too_many_cells", "sheet_declares_too_many", name=name, rows=rows,
                              columns=cols, cells=rows * cols, max_rows=MAX_ROWS, max_cells=MAX_CELLS)


def _check_zip(path: Path, name: str) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise RefusedFile("damaged_zip", name=name) from exc
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        # Two parts under one name (or names differing only in case): Python's zipfile reads the last, the
        # spreadsheet reader may read another, so what was checked might not be what is read.
        if len({i.filename.lower() for i in infos}) != len(infos):
            raise RefusedFile("damaged_zip", "unusual_zip", name=name)
        if len(infos) > MAX_ZIP_ENTRIES:
            raise RefusedFile("zip_entries", name=name, parts=len(infos), limit=MAX_ZIP_ENTRIES)
        if "mimetype" in names and "xl/workbook.xml" not in names:
            raise RefusedFile("opendocument", name=name)
        if "xl/workbook.xml" not in names and "xl/workbook.bin" in names:
            raise RefusedFile("xlsb", name=name)
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise RefusedFile("not_xlsx", name=name)
        if any(n.lower().endswith("vbaproject.bin") or n.lower().startswith("xl/activex") for n in names):
            raise RefusedFile("macros", "activex", name=name)
        # Cells that take their values from other workbooks hold only the values cached at the last save, which
        # may be long out of date, and the links name files elsewhere (a network share, a URL) that whoever opens
        # the file, or the marked-up copy we return, may be asked to fetch: refused, with the way to break them.
        if any(n.lower().startswith("xl/externallinks/") for n in names):
            raise RefusedFile("external_links", name=name)
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise RefusedFile("encrypted", name=name)
            total += info.file_size
            if info.file_size > MAX_PART_BYTES:
                raise RefusedFile("too_large_unpacked", "part_too_large", name=name, part=info.filename,
                                  size_mb=round(info.file_size / 2**20), limit_mb=MAX_PART_BYTES // 2**20)
            if (
                info.file_size > RATIO_CHECK_MIN_BYTES
                and info.file_size > MAX_ENTRY_RATIO * max(info.compress_size, 1)
            ):
                raise RefusedFile("zip_bomb", name=name, part=info.filename,
                                  ratio=info.file_size // max(info.compress_size, 1), limit=MAX_ENTRY_RATIO)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise RefusedFile("too_large_unpacked", name=name, size_mb=round(total / 2**20),
                              limit_mb=MAX_UNCOMPRESSED_BYTES // 2**20)
        content_types = zf.read("[Content_Types].xml")[:200_000]
        if b"macroEnabled" in content_types or b"vbaProject" in content_types:
            raise RefusedFile("macros", name=name)
        for info in infos:
            lower = info.filename.lower()
            if lower.endswith(".xml") or lower.endswith(".rels") or lower.endswith(".vml"):
                _check_xml_part(zf, info, name)


def sha256_of(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _looks_like_html(head: bytes) -> bool:
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in lowered[:1024]


def _sized_head(path: Path, name: str, head_bytes: int) -> tuple[int, bytes]:
    """The file's size and first bytes, once it is known to be neither empty nor over the size limit."""
    size = path.stat().st_size
    if size == 0:
        raise RefusedFile("empty", name=name)
    if size > MAX_FILE_BYTES:
        raise RefusedFile("too_large", name=name, size_mb=size / 2**20, limit_mb=MAX_FILE_BYTES // 2**20)
    with path.open("rb") as fh:
        return size, fh.read(head_bytes)


def utf16_encoding(head: bytes) -> str | None:
    """"utf-16" for text in UTF-16 (Excel's "Unicode text": a byte-order mark, or every other byte of mostly ASCII
    text zero), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:4096] if len(head) % 2 == 0 else head[:4095]
    if len(sample) >= 8:
        odd_zero, even_zero = sample[1::2].count(0), sample[0::2].count(0)
        half = len(sample) // 2
        if odd_zero > 0.9 * half and even_zero == 0:
            return "utf-16-le"
        if even_zero > 0.9 * half and odd_zero == 0:
            return "utf-16-be"
    return None


def inspect_file(path: str | Path, display_name: str | None = None) -> FileKind:
    """Classify a file as xlsx or csv by content, or raise RefusedFile saying why not."""
    path = Path(path)
    name = display_name or path.name
    ext = Path(name).suffix.lower()
    size, head = _sized_head(path, name, 65_536)
    if head.startswith(ZIP_MAGIC):
        _check_zip(path, name)
        return FileKind("xlsx", size)
    if head.startswith(OLE2_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in head or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in head:
            raise RefusedFile("encrypted", "encrypted_workbook", name=name)
        raise RefusedFile("old_xls", name=name)
    if head.startswith(b"%PDF"):
        raise RefusedFile("pdf", name=name)
    if head.startswith(b"PK"):
        raise RefusedFile("damaged_zip", "unusual_zip", name=name)
    if utf16_encoding(head):
        head = head.decode(utf16_encoding(head), "replace").encode("utf-8", "replace")
    if b"\x00" in head:
        raise RefusedFile("binary", name=name)
    if _looks_like_html(head):
        raise RefusedFile("html", name=name)
    if ext in EXCEL_EXTENSIONS:
        raise RefusedFile("text_as_xlsx", name=name)
    return FileKind("csv", size)


def inspect_statistics_file(path: str | Path, display_name: str | None = None) -> FileKind:
    """Classify an official statistics file by content (PX, JSON-stat, PxWeb or Eurostat CSV/TSV/XLSX, .gz of
    the text ones), or raise RefusedFile (empty, too large, hostile workbook) or StatFileError (none of them).

    Kept apart from inspect_file, whose kinds feed the template's validation: an upload becomes a statistics
    file only where the caller asks for one (the recipe path).
    """
    from .statistics import StatFileError
    from .statistics.detect import HEAD_BYTES, ZIP_MAGIC, detect

    path = Path(path)
    name = display_name or path.name
    size, head = _sized_head(path, name, HEAD_BYTES)
    if head.startswith(ZIP_MAGIC):
        _check_zip(path, name)  # the same refusals as for the template: macros, DTDs, zip bombs
        head = path.read_bytes()
    fmt = detect(head)
    if fmt is None:
        raise StatFileError("The file is not a statistics file this service reads (PX, JSON-stat, PxWeb CSV "
                            "or XLSX, Eurostat SDMX-CSV, TSV or XLSX).")
    return FileKind("statistics", size, fmt)
