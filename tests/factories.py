"""Builders of real import files (.xlsx via openpyxl, CSV bytes, hostile zips) and seeded test databases.

Everything is written below a directory the caller passes in (pytest's tmp_path), never to a fixed path.
Sheets are given as ``{sheet_name: [header_row, data_row, ...]}``; ``row(table, **values)`` builds a data
row in the schema's column order so that cell letters match the schema (observations: A indicator,
B area, C period, D value, E value_low, F value_high, ...).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import openpyxl

from twinreg_data.schema import TABLES, TABLES_BY_NAME
from twinreg_data.store import Store, quote_identifier

Sheets = Mapping[str, Sequence[Sequence[object]]]


# -- rows ----------------------------------------------------------------------------------------


def header(table: str) -> list[str]:
    return TABLES_BY_NAME[table].column_names


def row(table: str, **values: object) -> list[object]:
    """A data row in the schema's column order; unknown keyword names are a test bug."""
    names = header(table)
    unknown = set(values) - set(names)
    if unknown:
        raise KeyError(f"{table} has no column(s) {sorted(unknown)}")
    return [values.get(n) for n in names]


def table_rows(table: str, dicts: Iterable[Mapping[str, object]]) -> list[list[object]]:
    """Header plus one row per dict, schema column order."""
    return [header(table)] + [row(table, **d) for d in dicts]


# -- the base data every seeded store holds ------------------------------------------------------

BASE_AREAS = [
    dict(code="FI", country="FI", level="country", name_en="Finland", name_fi="Suomi", name_et="Soome"),
    dict(code="EE", country="EE", level="country", name_en="Estonia", name_fi="Viro", name_et="Eesti"),
    dict(code="FI1B1", country="FI", level="nuts3", parent="FI", name_en="Helsinki-Uusimaa"),
    dict(code="EE001", country="EE", level="nuts3", parent="EE", name_en="North Estonia", name_et="Põhja-Eesti"),
    dict(code="FI-091", country="FI", level="municipality", parent="FI1B1", name_en="Helsinki", name_sv="Helsingfors",
         lat=60.1699, lon=24.9384, population=674500, population_year=2023, source="Statistics Finland"),
    dict(code="EE-0784", country="EE", level="municipality", parent="EE001", name_en="Tallinn", lat=59.437,
         lon=24.7536, population=457572, population_year=2024, source="Statistics Estonia"),
]

BASE_INDICATORS = [
    dict(code="MOB_FERRY_PAX", domain="mobility", name_en="Ferry passengers Helsinki–Tallinn",
         unit="passengers", polarity="higher_better", frequency="annual", source="Traficom"),
    dict(code="EMP_COMMUTER_SHARE", domain="employment", name_en="Share of cross-border commuters",
         unit="percent", polarity="neutral", frequency="quarterly", source="Statistics Estonia"),
    dict(code="DIG_EID_USES", domain="digital", name_en="Cross-border e-ID authentications",
         unit="count", polarity="higher_better", frequency="monthly", source="DVV"),
]

BASE_OBSERVATIONS = [
    dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2019", value=9_100_000.0),
    dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2020", value=4_300_000.0, flag="break"),
    dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2021", value=4_900_000.0),
    dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2022", value=7_300_000.0, value_low=7_100_000.0,
         value_high=7_500_000.0, flag="estimate"),
    dict(indicator="EMP_COMMUTER_SHARE", area="EE-0784", period="2023-Q1", value=4.1),
    dict(indicator="EMP_COMMUTER_SHARE", area="EE-0784", period="2023-Q2", value=4.3),
    dict(indicator="EMP_COMMUTER_SHARE", area="EE-0784", period="2023-Q3", value=4.0),
    dict(indicator="DIG_EID_USES", area="FI-091", period="2024-01", value=1200.0),
    dict(indicator="DIG_EID_USES", area="FI-091", period="2024-02", value=1350.0, note="provisional figure"),
]

BASE_BOTTLENECKS = [
    dict(code="BN-001", domain="taxation", title_en="Double taxation of remote work", side="both",
         level="national", severity=4, people_low=1000, people_high=5000, source="interview",
         identified_on=dt.date(2023, 1, 10), indicators="EMP_COMMUTER_SHARE"),
    dict(code="BN-002", domain="digital", title_en="Estonian e-ID not accepted by Finnish services", side="FI",
         level="national", severity=3, source="survey", identified_on=dt.date(2023, 3, 1),
         indicators="DIG_EID_USES"),
]

BASE_EVENTS = [
    dict(bottleneck="BN-001", date=dt.date(2023, 1, 10), seq=1, status="identified", who="WP1 team"),
    dict(bottleneck="BN-001", date=dt.date(2023, 6, 1), seq=1, status="analysed", note="Analysis done",
         who="Ministry of Finance"),
    dict(bottleneck="BN-002", date=dt.date(2023, 3, 1), seq=1, status="identified", who="WP1 team"),
]


def base_sheets() -> dict[str, list[list[object]]]:
    return {
        "areas": table_rows("areas", BASE_AREAS),
        "indicators": table_rows("indicators", BASE_INDICATORS),
        "observations": table_rows("observations", BASE_OBSERVATIONS),
        "bottlenecks": table_rows("bottlenecks", BASE_BOTTLENECKS),
        "bottleneck_events": table_rows("bottleneck_events", BASE_EVENTS),
    }


def extra_sheets() -> dict[str, list[list[object]]]:
    """Rows for the four tables the base data leaves empty (for export round trips)."""
    return {
        "flows": table_rows("flows", [
            dict(origin="FI-091", destination="EE-0784", mode="ferry", period="2023", volume=3_900_000.0,
                 unit="passengers", source="Port of Helsinki"),
            dict(origin="EE-0784", destination="FI-091", mode="air", period="2023-Q2", volume=41_000.0,
                 unit="passengers", source="Finavia", note="scheduled flights only"),
        ]),
        "services": table_rows("services", [
            dict(code="SV-001", domain="digital", name_en="Tax card application", availability="partial",
                 channel="digital", languages="fi;sv;en", bottlenecks="BN-001;BN-002",
                 url="https://www.vero.fi/"),
        ]),
        "actions": table_rows("actions", [
            dict(code="A-01", title_en="Joint tax guide", work_package="WP3", bottlenecks="BN-001",
                 lead="Helsinki-Uusimaa Regional Council", partners="Tallinn;Vero", level="administrative",
                 start=dt.date(2024, 1, 1), due=dt.date(2024, 12, 31), status="ongoing"),
        ]),
        "regions_benchmark": table_rows("regions_benchmark", [
            dict(code="GREATER_CPH", name="Greater Copenhagen", countries="DK–SE", legal_form="committee",
                 founded=2015, population=4_400_000, area_km2=31_000.5, source="greatercph.com"),
        ]),
    }


# -- workbook and file writers -------------------------------------------------------------------


def write_xlsx(path: Path, sheets: Sheets, hidden: Iterable[str] = ()) -> Path:
    """A real .xlsx written by openpyxl; the first sheet given becomes the first sheet of the workbook."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    hidden = set(hidden)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(list(r))
        if name in hidden:
            ws.sheet_state = "hidden"
    if not wb.worksheets:
        wb.create_sheet("Sheet")
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def csv_bytes(rows: Sequence[Sequence[object]], delimiter: str = ",", encoding: str = "utf-8",
              bom: bool = False, newline: str = "\r\n") -> bytes:
    """CSV text as Excel writes it; values are written with str() (None → empty)."""
    out = io.StringIO()
    for r in rows:
        cells = []
        for v in r:
            text = "" if v is None else str(v)
            if delimiter in text or '"' in text or "\n" in text:
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        out.write(delimiter.join(cells) + newline)
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def rewrite_zip(src: Path, dst: Path, patch: Mapping[str, bytes | None] | None = None,
                add: Mapping[str, bytes] | None = None, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Copy a zip, replacing (bytes), dropping (None) or adding entries."""
    patch = dict(patch or {})
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            if info.filename in patch:
                data = patch.pop(info.filename)
                if data is None:
                    continue
            else:
                data = zin.read(info.filename)
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def read_zip_entry(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(name)


def sheet_part(path: Path, sheet_name: str) -> str:
    """The zip entry of a worksheet (openpyxl numbers them in creation order)."""
    with zipfile.ZipFile(path) as zf:
        workbook = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet_name)}"[^>]*r:id="([^"]+)"', workbook)
    if rid is None:
        rid = re.search(rf'<sheet [^>]*r:id="([^"]+)"[^>]*name="{re.escape(sheet_name)}"', workbook)
    assert rid, f"sheet {sheet_name} not in workbook.xml"
    target = re.search(rf'<Relationship [^>]*Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels)
    assert target, f"relationship {rid.group(1)} not found"
    t = target.group(1).lstrip("/")
    return t if t.startswith("xl/") else "xl/" + t


def patch_sheet_xml(src: Path, dst: Path, sheet_name: str, fn) -> Path:
    """Rewrite one worksheet's XML with fn(bytes) -> bytes."""
    part = sheet_part(src, sheet_name)
    return rewrite_zip(src, dst, patch={part: fn(read_zip_entry(src, part))})


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2_bytes(extra: bytes = b"", size: int = 4096) -> bytes:
    """An OLE2 compound-file header followed by junk (what an .xls or encrypted .xlsx starts like)."""
    body = OLE2_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + extra
    return body + bytes((i * 37 + 11) % 251 for i in range(max(0, size - len(body))))



# -- stores --------------------------------------------------------------------------------------


def new_store(tmp_path: Path, name: str = "t.duckdb") -> Store:
    """An empty, migrated store."""
    return Store(tmp_path / name)


def seed_store(store: Store, workdir: Path) -> None:
    """Import the base workbook (import #1); fails loudly when the base data itself is rejected."""
    from twinreg_data.ingest.apply import import_file

    path = write_xlsx(workdir / "base.xlsx", base_sheets())
    report = import_file(store, path, user="seed")
    assert report.status == "applied", (report.message, [p.as_dict() for p in report.problems])


def seeded_store(tmp_path: Path, cache_dir: Path | None = None, name: str = "t.duckdb") -> Store:
    """A store holding the base data. With cache_dir the seeded file is built once and copied afterwards."""
    target = tmp_path / name
    if cache_dir is not None:
        cached = cache_dir / "seeded.duckdb"
        if not cached.exists():
            building = cache_dir / "seeding.duckdb"
            store = Store(building)
            seed_store(store, cache_dir)
            store.close()
            shutil.move(building, cached)
        shutil.copyfile(cached, target)
        return Store(target)
    store = Store(target)
    seed_store(store, tmp_path)
    return store


def snapshot(store: Store, tables: Iterable[str] | None = None) -> dict[str, list[tuple]]:
    """Full contents of the data tables (and imports / audit_log when asked), deterministically ordered."""
    names = list(tables) if tables is not None else [t.name for t in TABLES]
    out = {}
    for name in names:
        cols = [r[0] for r in store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [name])]
        order = ", ".join(quote_identifier(c) for c in cols)
        out[name] = store.query(f"SELECT * FROM {quote_identifier(name)} ORDER BY {order}")
    return out


def counts(store: Store) -> dict[str, int]:
    result = store.table_counts()
    result["imports"] = store.scalar("SELECT count(*) FROM imports")
    for t in TABLES:
        result[t.name + "_prev"] = store.scalar(f"SELECT count(*) FROM {quote_identifier(t.name + '_prev')}")
    return result
