"""Parsing is bounded everywhere (issue 22): linear XML passes, expansion limits, at most two parses at once.

The hostile workbooks themselves are cases of tests/test_bad_files.py (`cells_closing_with_space`,
`shared_string_bomb`, `utf16_sheet_dtd_after_comment`, `value_in_cell_xfd1048576`); here are what those cases
cannot see: the child's memory, the wording, the scanner's details and the queue. Speed is measured in bench/;
the timeouts here are safety nets only.
"""

from __future__ import annotations

import io
import pickle
import subprocess
import threading
import time
from pathlib import Path

import pytest
from test_bad_files import cell_at_last_grid_cell, describe, obs, patched_xlsx, shared_string_bomb, valid_xlsx

from twinreg_data.ingest import filecheck, sandbox, xmlscan
from twinreg_data.ingest.apply import import_file, read_upload
from twinreg_data.ingest.sandbox import run_child, when_queued
from twinreg_data.schema import TABLES
from twinreg_data.store import Store

SAFETY_NET_SECONDS = 120


def test_shared_string_bomb_refused_in_the_child_without_its_memory(tmp_path: Path) -> None:
    path = shared_string_bomb(tmp_path)
    request = {"path": str(path), "kind": "xlsx", "wanted": [t.name for t in TABLES], "max_rows": filecheck.MAX_ROWS,
               "max_columns": filecheck.MAX_COLUMNS, "max_cells": filecheck.MAX_CELLS,
               "max_text_chars": filecheck.MAX_TEXT_CHARS}
    result = pickle.loads(run_child("twinreg_data.ingest.readers", request))  # noqa: S301 - our own child
    assert (result["error"], result["text_key"]) == ("too_large_unpacked", "sheet_text_too_large"), result
    assert result["params"]["sheet"] == "observations"
    # Refused by the scan before calamine expands anything: far below the child's limit (3 GB).
    assert 0 < result["peak_rss_kib"] < 512 * 1024, result["peak_rss_kib"]


def test_shared_string_bomb_message(store: Store, tmp_path: Path) -> None:
    report = import_file(store, shared_string_bomb(tmp_path))
    assert report.status == "refused", describe(report)
    assert "would expand to more than 100,000,000 characters of text" in report.message
    assert "exit code" not in report.message


def test_cell_at_xfd1048576_gets_the_size_message(store: Store, tmp_path: Path) -> None:
    report = import_file(store, patched_xlsx(cell_at_last_grid_cell, "xfd.xlsx")(tmp_path))
    assert (report.status, report.refusal_reason) == ("refused", "too_many_cells"), describe(report)
    assert "1,048,576 rows × 16,384 columns" in report.message, report.message
    assert "exit code" not in report.message


# -- the scanner ------------------------------------------------------------------------------------------------


def scan(xml: bytes, **limits: int) -> xmlscan.SheetScan:
    import array

    shared = limits.pop("shared", None)
    lengths = array.array("q", shared or [])
    return xmlscan.scan_sheet(io.BytesIO(xml), lengths, limits.get("max_rows", 10**6),
                              limits.get("max_cells", 10**9), limits.get("max_text_chars", 10**9))


def test_scan_reads_spaced_end_tags_prefixes_and_what_calamine_hides() -> None:
    xml = (b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols>'
           b'<x:col min="2" max="3" hidden="1"/></x:cols><x:sheetData>'
           b'<x:row r="2" hidden="true"><x:c r="B2"><x:f>1+2</x:f><x:v></x:v></x:c >'
           b'<x:c r="C2" t="e"><x:v>#N/A</x:v></x:c ><x:c><x:v>5</x:v></x:c></x:row>'
           b'<x:row><x:c r="A3" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>')
    got = scan(xml, shared=[4, 7])
    assert got.formula_cells_without_value == ["B2"]
    assert got.error_cells == [(2, 3, "#N/A")]
    assert got.hidden_rows == [2]
    assert got.hidden_column_ranges == [(2, 3)]
    assert (got.cells, got.rows, got.columns, got.text_chars) == (3, 2, 4, 7)  # A2:D3; D2 follows C2


def test_scan_stops_at_the_limits() -> None:
    cells = b"".join(b'<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(1, 1001))
    with pytest.raises(xmlscan.LimitReached) as text:
        scan(b"<worksheet><sheetData>" + cells + b"</sheetData></worksheet>", shared=[32_767], max_text_chars=10**6)
    assert text.value.what == "text" and text.value.params["chars"] == 31 * 32_767
    far = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v>' \
          b"</c></row></sheetData></worksheet>"
    with pytest.raises(xmlscan.LimitReached) as size:
        scan(far, max_rows=500_000)
    assert size.value.what == "cells"
    assert (size.value.params["rows"], size.value.params["columns"]) == (1_048_576, 16_384)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "utf-16-be"])
def test_dtd_found_behind_a_long_comment_in_any_encoding(encoding: str) -> None:
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    bom = "\ufeff" if encoding in ("utf-16-le", "utf-16-be") else ""
    text = (f'{bom}<?xml version="1.0" encoding="{declared}"?><!--{"x" * 200_000}-->'
            '<!DOCTYPE w [<!ENTITY a "b">]><worksheet/>')
    with pytest.raises(xmlscan.DtdFound):
        xmlscan.check_part(io.BytesIO(text.encode(encoding)), True, filecheck.MAX_PROLOG_BYTES)
    clean = text.replace('<!DOCTYPE w [<!ENTITY a "b">]>', "")
    assert not xmlscan.check_part(io.BytesIO(clean.encode(encoding)), True, filecheck.MAX_PROLOG_BYTES).dimension


def test_endless_prolog_is_refused() -> None:
    with pytest.raises(xmlscan.XmlBroken):
        xmlscan.check_part(io.BytesIO(b"<!--" + b"x" * 3 * 2**20 + b"-->"), False, filecheck.MAX_PROLOG_BYTES)


# -- at most two parses at once -------------------------------------------------------------------------------


def _instrument(monkeypatch: pytest.MonkeyPatch, hold_s: float, real: bool) -> dict:
    seen = {"running": 0, "most": 0, "calls": 0}
    lock = threading.Lock()
    original = subprocess.run

    def counted(*args, **kwargs):
        with lock:
            seen["running"] += 1
            seen["calls"] += 1
            seen["most"] = max(seen["most"], seen["running"])
        try:
            if real:
                return original(*args, **kwargs)
            time.sleep(hold_s)
            return subprocess.CompletedProcess(args[0], 0, pickle.dumps({"sheets": []}), b"")
        finally:
            time.sleep(hold_s if real else 0)  # a real child may end fast: keep its slot a moment
            with lock:
                seen["running"] -= 1

    monkeypatch.setattr(sandbox.subprocess, "run", counted)
    return seen


def test_three_parses_at_once_two_run_one_is_queued(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _instrument(monkeypatch, hold_s=1.5, real=False)
    queued: list[str] = []
    errors: list[BaseException] = []

    def parse(n: int) -> None:
        try:
            with when_queued(lambda: queued.append(f"parse {n}")):
                run_child("twinreg_data.ingest.readers", {"n": n})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=parse, args=(n,)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(SAFETY_NET_SECONDS)
    assert not errors
    assert seen["calls"] == 3
    assert seen["most"] == sandbox.MAX_PARALLEL == 2
    assert len(queued) == 1  # the third waited, and was told so once


def test_three_real_uploads_never_more_than_two_children(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = _instrument(monkeypatch, hold_s=0.3, real=True)
    paths = [valid_xlsx(tmp_path, f"v{n}.xlsx") for n in range(3)]
    results: list[object] = []

    def parse(path: Path) -> None:
        try:
            results.append(read_upload(path))
        except BaseException as exc:  # noqa: BLE001 - reported below
            results.append(exc)

    threads = [threading.Thread(target=parse, args=(p,)) for p in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(SAFETY_NET_SECONDS)
    assert [type(r).__name__ for r in results] == ["ParsedUpload"] * 3, results
    assert seen["calls"] == 3 and seen["most"] <= 2


def test_no_queue_notice_when_a_slot_is_free(monkeypatch: pytest.MonkeyPatch) -> None:
    _instrument(monkeypatch, hold_s=0.0, real=False)
    told: list[bool] = []
    with when_queued(lambda: told.append(True)):
        run_child("twinreg_data.ingest.readers", {})
    assert told == []


def test_valid_workbook_still_reads(store: Store, tmp_path: Path) -> None:
    report = import_file(store, valid_xlsx(tmp_path), user="tester")
    assert report.status == "applied", describe(report)
    assert obs()["value"] == store.scalar("SELECT value FROM observations WHERE import_id = ?", [report.import_id])


# -- the statistics readers' workbooks get the same pass -----------------------------------------------------


def test_statistics_workbook_with_a_value_at_xfd1048576_gets_the_size_message(tmp_path: Path) -> None:
    from twinreg_data.ingest.statistics import StatFileError, read_statistics_file

    real = Path(__file__).parent / "fixtures" / "real" / "statfin_tjt_128c_pxweb.xlsx"
    path = _patched_first_sheet(real, tmp_path / "pxweb_xfd.xlsx")
    with pytest.raises(StatFileError) as refused:
        read_statistics_file(path)
    assert refused.value.text("en") == "The sheet 128c has more than 20000000 cells."
    assert "exit code" not in refused.value.text("en")


def _patched_first_sheet(src: Path, dst: Path) -> Path:
    from factories import read_zip_entry, rewrite_zip

    part = "xl/worksheets/sheet1.xml"
    return rewrite_zip(src, dst, patch={part: cell_at_last_grid_cell(read_zip_entry(src, part))})


# -- the quick test (ingest.sheetbounds): an upper bound at C speed, never a pass for a sheet over a limit -------

LIMITS = {"max_rows": 500_000, "max_cells": 20_000_000, "max_text_chars": 100_000_000}


def plain_sheet(rows: int, extra: bytes = b"", encoding: str = "UTF-8", shared: bool = True) -> bytes:
    """A sheet as Excel writes it: spans, x14ac attributes, shared strings (t="s") and numbers."""
    body = b"".join(
        b'<row r="%d" spans="1:4" x14ac:dyDescent="0.25"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" s="1" t="s">'
        b'<v>1</v></c><c r="C%d"><v>%d.5</v></c><c r="D%d" s="2"/></row>' % (r, r, r % 2 if shared else 0, r, r, r, r)
        for r in range(1, rows + 1))
    text = (b'<?xml version="1.0" encoding="%s" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats'
            b'.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
            b'<dimension ref="A1:D%d"/><sheetData>' % (encoding.encode(), rows) + body + extra
            + b"</sheetData></worksheet>")
    return text if encoding == "UTF-8" else text.decode().encode(encoding)


def quick(xml: bytes, shared: list[int] | None = None, **limits: int) -> bool:
    import array

    from twinreg_data.ingest import sheetbounds

    return sheetbounds.quick_within_limits(xml, array.array("q", shared or [10, 20]), **{**LIMITS, **limits})


def exact(xml: bytes, shared: list[int] | None = None, **limits: int) -> xmlscan.SheetScan:
    import array

    from twinreg_data.ingest import sheetbounds

    return sheetbounds.check_sheet(xml, array.array("q", shared or [10, 20]), **{**LIMITS, **limits})


@pytest.mark.parametrize("rows", [3, 2_000, 60_000])  # 60,000 rows: over 4 MB, the numpy path
def test_plain_sheets_pass_the_quick_test(rows: int) -> None:
    xml = plain_sheet(rows)
    assert quick(xml)
    scan = xmlscan.scan_sheet(io.BytesIO(xml), __import__("array").array("q", [10, 20]), **LIMITS)
    assert (scan.rows, scan.columns) == (rows, 3)  # the exact pass agrees: within the limits


FAR = [
    b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    b'<row r="1048576"><x:c xmlns:x="urn:x" r="XFD1048576"><x:v>1</x:v></x:c></row>',  # a prefixed cell
    b'<row r="1048576"><c><v>1</v></c></row>',  # no reference: placed by its row
    b'<row r="1048576"><c\tr="XFD1048576"><v>1</v></c></row>',  # white space other than a space
    b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",  # single quotes
    b'<row r="2"><c r="xfd1048576"><v>1</v></c></row>',  # lower case: calamine reads it, under any row
    b'<row r="2"><c r="AAAAA9"><v>1</v></c><c r="A99999999"><v>1</v></c></row>',  # 5 letters, 8 digits: the same
]


@pytest.mark.parametrize("rows", [3, 60_000])
@pytest.mark.parametrize("far", FAR, ids=["xfd1048576", "prefixed", "no_ref", "tab", "quotes", "lower", "long"])
def test_a_far_cell_never_passes_and_is_refused_exactly(rows: int, far: bytes) -> None:
    xml = plain_sheet(rows, far)
    assert not quick(xml)
    with pytest.raises(xmlscan.LimitReached) as limit:
        exact(xml)
    assert limit.value.what == "cells"


def test_the_quick_test_bounds_calamine_s_range_by_the_ceiling_and_the_reader_refuses_the_rest() -> None:
    from twinreg_data.ingest import sheetbounds

    # A value at Z999999 spans 999,999 rows × 26 columns: over the row limit but within what calamine may
    # allocate (26 million of 32 million cells), so the quick test lets calamine's range be measured...
    assert quick(plain_sheet(3, b'<row r="999999"><c r="Z999999"><v>1</v></c></row>'))
    assert 999_999 * 26 <= sheetbounds.DENSE_CEILING_CELLS < 9_999_999 * 26
    # ...and nothing that could pass the ceiling: Z1048576 has a seventh digit (up to 9,999,999 rows × 26
    # columns) and goes to the exact pass, which refuses it.
    assert not quick(plain_sheet(3, b'<row r="1048576"><c r="Z1048576"><v>1</v></c></row>'))


def test_a_value_at_z999999_gets_the_size_message_from_the_reader(store: Store, tmp_path: Path) -> None:
    def far(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b'<row r="999999"><c r="Z999999" t="n"><v>1</v></c></row></sheetData>')
    before = store.scalar("SELECT count(*) FROM observations")
    started = time.monotonic()
    report = import_file(store, patched_xlsx(far, "z999999.xlsx")(tmp_path))
    assert (report.status, report.refusal_reason) == ("refused", "too_many_cells"), describe(report)
    assert "999,999 rows × 26 columns" in report.message, report.message
    assert time.monotonic() - started < SAFETY_NET_SECONDS
    assert store.scalar("SELECT count(*) FROM observations") == before


@pytest.mark.parametrize("encoding", ["UTF-16", "UTF-16-LE", "ISO-8859-1"])
def test_other_encodings_go_to_the_exact_pass(encoding: str) -> None:
    xml = plain_sheet(3, b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', encoding=encoding)
    assert not quick(xml)
    if encoding == "UTF-16-LE":
        return  # without a byte-order mark expat cannot read it either: refused as unreadable
    with pytest.raises(xmlscan.LimitReached):
        exact(xml)


def test_shared_strings_bound_by_count_times_longest_then_exactly() -> None:
    xml = plain_sheet(2_000)  # 4,000 cells t="s": 2,000 refer to string 0, 2,000 to string 1
    assert quick(xml, shared=[10, 20])
    assert not quick(xml, shared=[10, 20, 40_000])  # the bound (count × longest) is over: the exact pass decides
    # A: strings 1 and 0 in turn; B: string 1 in every row.
    assert exact(xml, shared=[10, 20, 40_000]).text_chars == 1_000 * 10 + 1_000 * 20 + 2_000 * 20
    with pytest.raises(xmlscan.LimitReached) as limit:
        exact(xml, shared=[30_000, 20_000], max_text_chars=50_000_000)
    assert limit.value.what == "text"


@pytest.mark.parametrize("marker", [b'<row r="9"><c r="A9"><f>1+1</f></c></row>',
                                    b'<row r="9"><c r="A9" t="e"><v>#N/A</v></c></row>',
                                    b'<row r="9" hidden="1"><c r="A9"><v>1</v></c></row>'])
def test_what_calamine_hides_is_read_by_the_exact_pass(marker: bytes) -> None:
    xml = plain_sheet(3, marker)
    assert not quick(xml)
    scan = exact(xml)
    assert scan.formula_cells_without_value or scan.error_cells or scan.hidden_rows


def test_every_reference_attribute_counts_not_only_the_first() -> None:
    # A second r on a cell is not XML (calamine's parser refuses it), but the bound must not rest on that.
    xml = plain_sheet(60_000, b'<row r="60001"><c r="A60001" r="XFD1048576"><v>1</v></c></row>')
    assert not quick(xml)


def test_a_sheet_named_twice_has_every_part_checked(store: Store, tmp_path: Path) -> None:
    """Two sheets called "observations" (calamine reads one of them): the far cell of either is refused."""
    from factories import read_zip_entry, rewrite_zip

    src = valid_xlsx(tmp_path, "src.xlsx")
    workbook = read_zip_entry(src, "xl/workbook.xml")
    rels = read_zip_entry(src, "xl/_rels/workbook.xml.rels")
    second = (b'<sheet name="observations" sheetId="99" '
              b'r:id="rIdTwin" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>')
    part = b'<Relationship Id="rIdTwin" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/' \
           b'worksheet" Target="worksheets/twin.xml"/>'
    twin = cell_at_last_grid_cell(
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>')
    path = rewrite_zip(src, tmp_path / "twins.xlsx",
                       patch={"xl/workbook.xml": workbook.replace(b"</sheets>", second + b"</sheets>"),
                              "xl/_rels/workbook.xml.rels": rels.replace(b"</Relationships>",
                                                                         part + b"</Relationships>")},
                       add={"xl/worksheets/twin.xml": twin})
    report = import_file(store, path)
    assert (report.status, report.refusal_reason) == ("refused", "too_many_cells"), describe(report)


@pytest.mark.parametrize("twin_name", ["same", "other case"])
def test_a_part_given_twice_in_the_zip_is_refused(store: Store, tmp_path: Path, twin_name: str) -> None:
    """Two zip entries for one sheet: Python's zipfile reads the last, calamine may read the first, so the
    sheet that was checked might not be the one read. No spreadsheet program writes such a file."""
    import warnings
    import zipfile

    from factories import read_zip_entry, sheet_part

    src = valid_xlsx(tmp_path, "src.xlsx")
    part = sheet_part(src, "observations")
    far = cell_at_last_grid_cell(read_zip_entry(src, part))
    path = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout, \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": the point of the test
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename) if info.filename != part else far)
        zout.writestr(part if twin_name == "same" else part.upper(), read_zip_entry(src, part))
    before = store.scalar("SELECT count(*) FROM observations")
    report = import_file(store, path)
    assert (report.status, report.refusal_reason) == ("refused", "damaged_zip"), describe(report)
    assert "unusual zip archive" in report.message
    assert store.scalar("SELECT count(*) FROM observations") == before
