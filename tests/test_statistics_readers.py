"""Official statistics files read into StatTable: detection by content, every format on real published files
(tests/fixtures/real/README.md says where each comes from), periods, flags, and files that must fail cleanly."""

from __future__ import annotations

import codecs
import gzip
import json
import math
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from twinreg_data.ingest.filecheck import RefusedFile, inspect_statistics_file
from twinreg_data.ingest.statistics import (
    StatFileError,
    StatTable,
    detect,
    flags_for_status,
    parse_stat_period,
    read_statistics_file,
    read_table,
    read_tables,
    stat_table_from_child_result,
)
from twinreg_data.ingest.statistics.periods import px_timeval_period

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
REPO = Path(__file__).resolve().parents[1]

EXPECTED_FORMAT = {
    "statfin_ashi_13pz.px": "px",
    "statfin_vaerak_11s5_jsonstat.json": "jsonstat",
    "statfin_tjt_128c_pxweb.csv": "pxweb_csv",
    "statfin_tjt_128c_pxweb.xlsx": "pxweb_xlsx",
    "statee_kk23_pxweb_api.csv": "pxweb_csv",
    "estat_demo_gind_sdmx.csv": "eurostat_sdmx_csv",
    "estat_demo_gind_population.tsv": "eurostat_tsv",
    "estat_demo_gind_population.tsv.gz": "eurostat_tsv",
    "estat_tsdde410_old_header.tsv": "eurostat_tsv",
    "estat_demo_gind_databrowser.xlsx": "eurostat_xlsx",
}


def real(name: str) -> bytes:
    return (REAL / name).read_bytes()


def codes(table: StatTable, dimension: str) -> list[str]:
    return [c for c, _ in table.dimension(dimension).values]


# -- detection ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt"), sorted(EXPECTED_FORMAT.items()))
def test_every_real_file_is_detected_by_content_whatever_its_name(name: str, fmt: str, tmp_path: Path) -> None:
    assert detect(real(name)) == fmt
    wrong = tmp_path / "upload.xlsx" if not name.endswith(".xlsx") else tmp_path / "upload.csv"
    shutil.copy(REAL / name, wrong)
    assert detect(wrong.read_bytes()) == fmt
    kind = inspect_statistics_file(wrong, "data.txt")
    assert (kind.kind, kind.format) == ("statistics", fmt)


def test_every_format_has_a_real_fixture_listed_in_the_readme() -> None:
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    assert {"px", "jsonstat", "pxweb_csv", "pxweb_xlsx", "eurostat_sdmx_csv", "eurostat_tsv",
            "eurostat_xlsx"} <= set(EXPECTED_FORMAT.values())
    for name in EXPECTED_FORMAT:
        assert name in readme, name


@pytest.mark.parametrize("data", [
    b"indicator,area,period,value\nPOP,FI-091,2024,684018\n",  # our own template CSV
    b"just some text\nwith lines\n",
    b"{\"name\": \"not json-stat\"}",
    b"%PDF-1.7 ...",
    b"\x1f\x8b\x08\x00garbage",
])
def test_other_files_are_not_taken_for_statistics(data: bytes) -> None:
    assert detect(data) is None


def test_our_template_workbook_is_not_a_statistics_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "observations"
    wb.active.append(["indicator", "area", "period", "value"])
    wb.create_sheet("indicators")
    path = tmp_path / "template.xlsx"
    wb.save(path)
    assert detect(path.read_bytes()) is None


# -- PX ----------------------------------------------------------------------------------------------------


def test_px_statistics_finland_quarterly_prices() -> None:
    table = read_table(real("statfin_ashi_13pz.px"))
    assert table.format == "px"
    assert table.table_id == "statfin_ashi_pxt_13pz"
    assert table.language == "fi"
    assert table.source == "Tilastokeskus, osakeasuntojen hinnat"
    assert [(d.code, d.role_guess) for d in table.dimensions] == [
        ("Vuosineljännes", "period"), ("Alue", "area"), ("Tiedot", "series")]
    quarter = table.dimension("Vuosineljännes")
    assert quarter.periods[0] == "2022-Q1" and quarter.periods[-1] == "2024-Q2"
    assert quarter.values[-1] == ("2024Q2", "2024Q2*")
    assert codes(table, "Alue") == ["ksu", "pks", "msu", "kas", "muu"]
    assert table.dimension("Alue").values[1] == ("pks", "Pääkaupunkiseutu (PKS)")  # UTF-8 as CODEPAGE says
    assert len(table) == 10 * 5 * 9
    # The first row of DATA: 2022Q1, whole country; the last value of the file: 2024Q2, "muu", sales revision.
    assert table.value_at(**{"Vuosineljännes": "2022Q1", "Alue": "ksu", "Tiedot": "neljmuut"}) == 0.3
    assert table.value_at(**{"Vuosineljännes": "2022Q1", "Alue": "ksu", "Tiedot": "lkm_julk_viim"}) == 19831
    assert table.value_at(**{"Vuosineljännes": "2024Q2", "Alue": "muu", "Tiedot": "lkm_julk_rev"}) == 988
    # 2024Q1* and 2024Q2* are provisional: a flag on every value of those quarters, not a dropped column.
    i = table.find(**{"Vuosineljännes": "2024Q1", "Alue": "pks", "Tiedot": "vmuut"})
    assert table.flags[i] == "provisional"
    assert table.find(**{"Vuosineljännes": "2023Q4", "Alue": "pks", "Tiedot": "vmuut"}) not in table.flags
    assert len(table.flags) == 2 * 5 * 9


PX_LATIN = """CHARSET="ANSI";
AXIS-VERSION="2010";
CODEPAGE="iso-8859-15";
LANGUAGE="fi";
TITLE="Väestö alueittain";
CONTENTS="Väestö";
STUB="Alue";
HEADING="Vuosi";
VALUES("Alue")="Helsinki","Espoo","Kauniainen";
VALUES("Vuosi")="1899","2023*";
CODES("Alue")="KU091","KU049","KU235";
TIMEVAL("Vuosi")=TLIST(A1),"1899","2023";
NOTE="Ennakkotieto vuodelta 2023.";
VALUENOTE("Alue","Kauniainen")="Grankulla ruotsiksi";
DATASYMBOL2="..";
DATA=
93576 ".."
"-" 320931
"." 10290;
"""


def test_px_codepage_missing_markers_notes_and_old_years() -> None:
    table = read_table(PX_LATIN.encode("iso-8859-15"))
    assert table.title == "Väestö alueittain"
    area, year = table.dimensions
    assert (area.role_guess, year.role_guess) == ("area", "period")
    assert year.periods == ["1899", "2023"]
    assert area.values[0] == ("KU091", "Helsinki")
    assert table.value_at(Alue="KU091", Vuosi="1899") == 93576
    assert table.value_at(Alue="KU091", Vuosi="2023") is None
    missing = {table.status[i] for i in table.status}
    assert missing == {"..", "-", "."}
    assert math.isnan(table.values[table.find(Alue="KU049", Vuosi="1899")])
    assert table.flags[table.find(Alue="KU049", Vuosi="2023")] == "provisional"
    assert "Ennakkotieto vuodelta 2023." in table.notes
    assert "Kauniainen: Grankulla ruotsiksi" in area.notes


@pytest.mark.parametrize(("px", "message"), [
    (PX_LATIN.split("DATA=")[0], "no DATA section"),
    (PX_LATIN.replace(" 10290;", " 10290"), "cut short"),
    (PX_LATIN.replace("93576 \"..\"", "93576"), "5 values where its dimensions need 6"),
    (PX_LATIN.replace('CODES("Alue")="KU091","KU049","KU235";', 'CODES("Alue")="KU091";'), "1 codes for 3"),
    (PX_LATIN.replace('TITLE="Väestö alueittain";', 'TITLE="Väestö alueittain'), "TITLE has no closing semicolon"),
    (PX_LATIN.replace('NOTE="Ennakkotieto', '<<<garbage>>>\nNOTE="Ennakkotieto'), "cannot be read near “<<<garbage"),
    ('STUB="A","B";HEADING="C";' + "".join(
        f'VALUES("{d}")=' + ",".join(f'"{n}"' for n in range(300)) + ";" for d in "ABC") + "DATA=1;",
     "27000000 cells; at most 20000000 can be read"),
])
def test_broken_px_files_fail_with_a_clear_message(px: str, message: str) -> None:
    with pytest.raises(StatFileError) as caught:
        read_table(px.encode("iso-8859-15"), "px")
    assert message in str(caught.value)
    assert caught.value.text("en") == str(caught.value)


# -- JSON-stat ---------------------------------------------------------------------------------------------


def test_jsonstat_statistics_finland_municipalities() -> None:
    table = read_table(real("statfin_vaerak_11s5_jsonstat.json"))
    assert table.format == "jsonstat" and table.table_id == "11s5"
    assert table.source == "Statistics Finland, population structure"
    assert [(d.code, d.role_guess) for d in table.dimensions] == [
        ("alue", "area"), ("kuukausi", "period"), ("tiedot", "series")]
    assert table.dimension("kuukausi").periods == ["2024-12"]
    assert table.dimension("alue").values[33] == ("KU091", "Helsinki")
    assert table.value_at(alue="KU091", kuukausi="2024M12", tiedot="vaesto_kuukausi") == 684018
    assert table.value_at(alue="KU049", kuukausi="2024M12", tiedot="vaesto_kuukausi") == 320931
    assert any("regional division of 1 January 2025" in n for n in table.dimension("alue").notes)
    assert table.notes and "Documentation of statistics" in table.notes[0]


def _eurostat_style_dataset() -> dict:
    return {
        "version": "2.0", "class": "dataset", "label": "Population on 1 January", "source": "ESTAT",
        "id": ["freq", "geo", "time"], "size": [1, 2, 2],
        "dimension": {
            "freq": {"label": "Time frequency", "category": {"index": {"A": 0}, "label": {"A": "Annual"}}},
            "geo": {"label": "Geopolitical entity", "category": {"index": {"EE": 0, "FI": 1},
                                                                 "label": {"EE": "Estonia", "FI": "Finland"}}},
            "time": {"label": "Time", "category": {"index": {"2023": 0, "2024": 1}}},
        },
        "value": {"0": 1365884, "1": 1374687, "3": 5603851},  # FI 2023 left out, as Eurostat leaves out ":"
        "status": {"1": "p", "2": ":", "3": "b"},
        "extension": {"status": {"label": {"p": "provisional", "b": "break in time series", ":": "not available"}}},
    }


def test_jsonstat_sparse_values_status_flags_and_collections() -> None:
    table = read_table(json.dumps(_eurostat_style_dataset()).encode())
    assert [d.role_guess for d in table.dimensions] == ["other", "area", "period"]
    assert table.value_at(geo="EE", time="2024") == 1374687
    fi_2023 = table.find(geo="FI", time="2023")  # no value in the sparse cube, only a status
    assert math.isnan(table.values[fi_2023]) and table.status[fi_2023] == ":" and fi_2023 not in table.flags
    assert len(table) == 4
    assert table.flags[table.find(geo="EE", time="2024")] == "provisional"
    assert table.flags[table.find(geo="FI", time="2024")] == "break"
    collection = {"version": "2.0", "class": "collection", "label": "Two tables",
                  "link": {"item": [_eurostat_style_dataset(), {**_eurostat_style_dataset(), "label": "Second"}]}}
    tables = read_tables(json.dumps(collection).encode())
    assert [t.title for t in tables] == ["Population on 1 January", "Second"]


@pytest.mark.parametrize(("change", "message"), [
    ({"size": [1, 2]}, "names 3 dimensions but gives 2 sizes"),
    ({"size": [1, 3, 2]}, "has 2 categories but its size is 3"),
    ({"value": [1, 2, 3]}, "has 3 values where its sizes need 4"),
    ({"value": {"7": 1}}, "outside its 4 cells"),
    ({"size": [1000, 100000, 1000]}, "at most 20000000 can be read"),
    ({"dimension": None}, "lacks its id, size or dimension part"),
])
def test_jsonstat_with_mismatched_sizes_fails_clearly(change: dict, message: str) -> None:
    doc = {**_eurostat_style_dataset(), **change}
    with pytest.raises(StatFileError, match=message):
        read_table(json.dumps(doc).encode(), "jsonstat")


def test_jsonstat_markers_written_as_values_become_status() -> None:
    doc = {**_eurostat_style_dataset(), "value": [1, "..", None, 4], "status": None}
    table = read_table(json.dumps(doc).encode())
    assert table.status == {1: ".."}
    assert math.isnan(table.values[1]) and math.isnan(table.values[2])


def test_truncated_jsonstat_fails_clearly() -> None:
    data = real("statfin_vaerak_11s5_jsonstat.json")[:2000]
    with pytest.raises(StatFileError, match="not valid JSON"):
        read_table(data, "jsonstat")


# -- PxWeb CSV and XLSX ------------------------------------------------------------------------------------


def _check_128c(table: StatTable) -> None:
    assert table.title.startswith("128c -- Income and income structure")
    assert table.table_id == "128c"
    assert [(d.code, d.role_guess) for d in table.dimensions] == [
        ("Information", "series"), ("Decile", "other"), ("Time", "period")]
    assert table.dimension("Time").periods == ["2020", "2021", "2022", "2023"]
    assert len(table) == 10 * 4
    assert table.value_at(Decile="I (Lowest-income 10 %)", Time="2020") == 16825
    assert table.value_at(Decile="X (Highest-income 10 %)", Time="2023") == 180001


def test_pxweb_csv_export() -> None:
    _check_128c(read_table(real("statfin_tjt_128c_pxweb.csv")))


def test_pxweb_xlsx_export_with_blank_repeats_and_a_footnote() -> None:
    table = read_table(real("statfin_tjt_128c_pxweb.xlsx"))
    assert table.format == "pxweb_xlsx"
    _check_128c(table)
    assert table.source == "Source: Statistics Finland, income distribution statistics"


def test_pxweb_api_csv_of_statistics_estonia() -> None:
    data = real("statee_kk23_pxweb_api.csv")
    assert data.startswith(codecs.BOM_UTF8) and b"\r\n" in data  # as the API sends it
    table = read_table(data)
    assert [(d.code, d.role_guess) for d in table.dimensions] == [
        ("Maakond", "area"), ("Aasta", "period"), ("Contents", "series")]
    assert codes(table, "Maakond") == ["Kogu Eesti", "Harju maakond"]
    assert table.dimension("Aasta").periods[0] == "1994"
    assert len(table) == 2 * 30 * 9
    assert table.value_at(Maakond="Harju maakond", Aasta="2023", Contents="Heitvesi") == 81590
    assert table.value_at(Maakond="Kogu Eesti", Aasta="1994", Contents="Määratlemata puhastusega heitvesi") == 194
    harju_1994 = table.find(Maakond="Harju maakond", Aasta="1994", Contents="Määratlemata puhastusega heitvesi")
    assert math.isnan(table.values[harju_1994]) and table.status[harju_1994] == ".."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_pxweb_csv_semicolons_decimal_comma_markers_and_encodings(encoding: str) -> None:
    text = (real("statfin_tjt_128c_pxweb.csv").decode("utf-8").replace(",", ";")
            .replace("16825", "16825,5").replace("27071", '".."').replace("36215", "-")
            .replace("Decile", "Tulokymmenys äö") + "\nLähde: Tilastokeskus\n")
    data = text.encode(encoding)
    if encoding == "utf-8-sig":
        assert data.startswith(codecs.BOM_UTF8)
    assert detect(data) == "pxweb_csv"
    table = read_table(data)
    assert table.dimensions[1].code == "Tulokymmenys äö"
    assert table.value_at(**{"Tulokymmenys äö": "I (Lowest-income 10 %)", "Time": "2020"}) == 16825.5
    missing = {s for s in table.status.values()}
    assert missing == {"..", "-"}
    assert table.notes == ["Lähde: Tilastokeskus"] and table.source == "Lähde: Tilastokeskus"


def test_pxweb_area_labels_with_codes_are_split_but_age_groups_are_not() -> None:
    text = ('"Väestö"\n\n"Alue","Ikä","2023","2024*"\n"KU091 Helsinki","15 vuotta",10,11\n'
            '"KU049 Espoo","15 vuotta",5,6\n"KU091 Helsinki","16 vuotta",7,8\n"KU049 Espoo","16 vuotta",".",9\n')
    table = read_table(text.encode())
    assert table.dimension("Alue").values == [("KU091", "Helsinki"), ("KU049", "Espoo")]
    assert table.dimension("Ikä").values == [("15 vuotta", "15 vuotta"), ("16 vuotta", "16 vuotta")]
    assert codes(table, "Time") == ["2023", "2024"]
    assert table.flags[table.find(Alue="KU049", **{"Ikä": "16 vuotta"}, Time="2024")] == "provisional"
    assert table.value_at(Alue="KU049", **{"Ikä": "16 vuotta"}, Time="2023") is None


# -- Eurostat ----------------------------------------------------------------------------------------------


def _check_demo_gind(table: StatTable, geo: str, time: str) -> None:
    assert table.dimension(geo).role_guess == "area" and table.dimension(time).role_guess == "period"
    assert table.value_at(**{geo: "DE", time: "2011"}) == 80222065
    assert table.flags[table.find(**{geo: "DE", time: "2011"})] == "break"
    assert table.flags[table.find(**{geo: "FR", time: "2022"})] == "provisional"
    uk_2021 = table.find(**{geo: "UK", time: "2021"})
    assert math.isnan(table.values[uk_2021]) and table.status[uk_2021] == ":"


def test_eurostat_bulk_tsv_and_its_gzip() -> None:
    for name in ("estat_demo_gind_population.tsv", "estat_demo_gind_population.tsv.gz"):
        table = read_table(real(name))
        assert [d.code for d in table.dimensions] == ["freq", "indic_de", "geo", "TIME_PERIOD"]
        assert len(table) == 5 * 12
        _check_demo_gind(table, "geo", "TIME_PERIOD")


def test_eurostat_tsv_with_the_old_header() -> None:
    table = read_table(real("estat_tsdde410_old_header.tsv"))
    assert [(d.code, d.role_guess) for d in table.dimensions] == [
        ("unit", "series"), ("geo", "area"), ("time", "period")]
    assert table.value_at(unit="MIO_EUR", geo="EE", time="2014") == 2072.4
    assert table.status[table.find(unit="MIO_EUR", geo="BG", time="1995")] == ":"


def test_eurostat_sdmx_csv() -> None:
    table = read_table(real("estat_demo_gind_sdmx.csv"))
    assert table.table_id == "demo_gind" and table.title == "ESTAT:DEMO_GIND(1.0)"
    assert [d.code for d in table.dimensions] == ["freq", "indic_de", "geo", "TIME_PERIOD"]
    _check_demo_gind(table, "geo", "TIME_PERIOD")


def test_eurostat_sdmx_csv_with_labels_and_confidential_values() -> None:
    data = (b"DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
            b"ESTAT:TEST(1.0),01/12/26 23:00:00,A:Annual,EE:Estonia,2024,12.5,e,\n"
            b"ESTAT:TEST(1.0),01/12/26 23:00:00,A:Annual,FI:Finland,2024,,,C\n")
    table = read_table(data)
    assert table.dimension("geo").values == [("EE", "Estonia"), ("FI", "Finland")]
    assert table.flags == {0: "estimate", 1: "confidential"}
    assert table.value_at(geo="FI") is None


def test_numbers_as_text_with_thousands_commas_and_a_flag() -> None:
    from twinreg_data.ingest.statistics.model import parse_number

    assert parse_number("5,533,793") == 5533793
    assert parse_number("5,5") is None  # neither a thousands group nor a decimal point
    assert parse_number("1 234,5", decimal_comma=True) == 1234.5


def test_eurostat_data_browser_workbook_countries_as_rows_and_as_columns() -> None:
    rows, columns = read_tables(real("estat_demo_gind_databrowser.xlsx"))
    assert rows.table_id == columns.table_id == "demo_gind"
    _check_demo_gind(rows, "GEO", "TIME")
    assert [d.code for d in columns.dimensions][-2:] == ["TIME", "GEO"]
    assert columns.value_at(GEO="FR", TIME="2022") == 67871925
    assert columns.flags[columns.find(GEO="FR", TIME="2022")] == "provisional"
    assert "Special value" in rows.notes


def test_eurostat_workbook_with_values_as_text(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet 1"
    for row in (["Population on 1 January [demo_pjan]"], ["Source of data", "Eurostat"], [],
                ["TIME", "2023", "2024"], ["GEO (Labels)"], ["Estonia", "1,365,884", "1,374,687 p"],
                ["Finland", "5,603,851 b", "n/a"], [], ["Special value"], [":", "not available"]):
        ws.append(row)
    path = tmp_path / "browser.xlsx"
    wb.save(path)
    table = read_table(path.read_bytes())
    assert table.format == "eurostat_xlsx" and table.table_id == "demo_pjan"
    assert table.value_at(GEO="Estonia", TIME="2024") == 1374687
    assert table.flags[table.find(GEO="Estonia", TIME="2024")] == "provisional"
    assert table.flags[table.find(GEO="Finland", TIME="2023")] == "break"
    assert table.status[table.find(GEO="Finland", TIME="2024")] == "n/a"


def test_broken_eurostat_tsv_fails_clearly() -> None:
    with pytest.raises(StatFileError, match="does not match its header"):
        read_table(b"freq,geo\\TIME_PERIOD\t2023 \nA,FI,extra\t1 \n", "eurostat_tsv")
    with pytest.raises(StatFileError, match="where a value belongs"):
        read_table(b"freq,geo\\TIME_PERIOD\t2023 \nA,FI\tabc \n", "eurostat_tsv")


def test_gzip_bomb_is_stopped() -> None:
    from twinreg_data.ingest.statistics.detect import gunzip

    bomb = gzip.compress(b"freq,geo\\TIME_PERIOD\t2023 \n" + b"0" * 5_000_000)
    with pytest.raises(StatFileError, match="unpacks to more than"):
        gunzip(bomb, limit=1_000_000)


# -- periods and flags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    ("2024", ("2024", None)),
    ("1865", ("1865", None)),
    ("2024Q1", ("2024-Q1", None)),
    ("2024K1", ("2024-Q1", None)),
    ("2024-Q3", ("2024-Q3", None)),
    ("2024 Q4", ("2024-Q4", None)),
    ("2024M12", ("2024-12", None)),
    ("2024M1", ("2024-01", None)),
    ("2024-12", ("2024-12", None)),
    ("2024-12-31", ("2024-12", None)),
    ("2024-01-01T00:00:00", ("2024-01", None)),
    ("2023*", ("2023", "provisional")),
    ("2023Q2*", ("2023-Q2", "provisional")),
    ("2024M03 *", ("2024-03", "provisional")),
    ("2024-A1", ("2024", None)),
    (2024, ("2024", None)),
    (2024.0, ("2024", None)),
    ("2024Q5", (None, None)),
    ("2024M13", (None, None)),
    ("0784", (None, None)),  # an EHAK code, not a year
    ("Helsinki", (None, None)),
    ("", (None, None)),
    (None, (None, None)),
])
def test_statistics_periods(raw: object, expected: tuple) -> None:
    assert parse_stat_period(raw) == expected


@pytest.mark.parametrize(("code", "unit", "expected"), [
    ("2024", "A1", "2024"), ("20241", "Q1", "2024-Q1"), ("202412", "M1", "2024-12"), ("2024Q1", "", "2024-Q1"),
])
def test_px_timeval_periods(code: str, unit: str, expected: str) -> None:
    assert px_timeval_period(code, unit) == expected


@pytest.mark.parametrize(("status", "description", "flags"), [
    ("b", None, "break"), ("p", None, "provisional"), ("e", None, "estimate"), ("c", None, "confidential"),
    ("u", None, "low_reliability"), ("bep", None, "break,provisional,estimate"), ("d", None, ""),
    ("3", "Data is subject to secrecy", "confidential"), ("1", "Missing", ""), ("..", None, ""),
    ("x", "Ennakkotieto", "provisional"),
])
def test_publisher_flags_map_to_ours(status: str, description: str | None, flags: str) -> None:
    assert flags_for_status(status, description) == flags


@pytest.mark.parametrize(("code", "values", "hint", "role"), [
    ("Alue", [], None, "area"), ("Område", [], None, "area"), ("Kunta", [], None, "area"),
    ("Maakond", [], None, "area"), ("geo", [], None, "area"), ("Vuosi", [], None, "period"),
    ("Aasta", [], None, "period"), ("TIME_PERIOD", [], None, "period"), ("Kuukausi", [], None, "period"),
    ("Vuosineljännes", [], None, "period"), ("Quarter", [], None, "period"), ("Tiedot", [], None, "series"),
    ("Näitaja", [], None, "series"), ("x", ["2020M01", "2020M02"], None, "period"),
    ("x", ["KU091", "KU049"], None, "area"), ("x", ["0784", "0037"], None, "area"),
    ("Sukupuoli", ["1", "2"], None, "other"), ("Alue", [], "period", "period"),
])
def test_role_guesses(code: str, values: list[str], hint: str | None, role: str) -> None:
    from twinreg_data.ingest.statistics.model import guess_role

    assert guess_role(code, code, values, hint) == role


# -- the sandboxed child -----------------------------------------------------------------------------------


def test_the_child_starts_without_pandas_and_reads_statistics() -> None:
    script = ("import sys, twinreg_data.ingest.readers as r; import twinreg_data.ingest.statistics.px, "
              "twinreg_data.ingest.statistics.eurostat, twinreg_data.ingest.statistics.pxweb; "
              "print('statistics' in r.READERS, any(m.split('.')[0] in ('pandas', 'numpy', 'babel') "
              "for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.split() == ["True", "False"]


def test_statistics_file_through_the_sandboxed_child(tmp_path: Path) -> None:
    path = tmp_path / "download.bin"
    shutil.copy(REAL / "estat_demo_gind_population.tsv.gz", path)
    (table,) = read_statistics_file(path)
    assert table.format == "eurostat_tsv"
    _check_demo_gind(table, "geo", "TIME_PERIOD")
    again = StatTable.from_dict(pickle.loads(pickle.dumps(table.to_dict())))  # noqa: S301 - our own bytes
    assert again.to_dict() == table.to_dict()
    assert list(again.positions[0]) == list(table.positions[0])
    assert [v for v in again.values if v == v] == [v for v in table.values if v == v]
    assert sum(v != v for v in again.values) == sum(v != v for v in table.values) > 0


def test_a_broken_file_comes_back_from_the_child_as_a_worded_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.px"
    path.write_bytes(PX_LATIN.replace(" 10290;", " 10290").encode("iso-8859-15"))
    with pytest.raises(StatFileError) as caught:
        read_statistics_file(path)
    assert "cut short" in caught.value.text("en")
    assert caught.value.text("fi") != caught.value.text("en") and "DATA" in caught.value.text("fi")
    refused = {"error": "too_large_unpacked", "text_key": "out_of_memory", "params": {}}
    with pytest.raises(StatFileError, match="more memory"):
        stat_table_from_child_result(pickle.loads(pickle.dumps(refused)))


def test_files_that_are_no_statistics_are_refused_before_the_child(tmp_path: Path) -> None:
    empty = tmp_path / "empty.px"
    empty.write_bytes(b"")
    with pytest.raises(RefusedFile):
        inspect_statistics_file(empty)
    other = tmp_path / "notes.csv"
    other.write_text("indicator,area,period,value\nPOP,FI-091,2024,1\n")
    with pytest.raises(StatFileError, match="not a statistics file"):
        read_statistics_file(other)


def test_deeply_nested_json_fails_clearly() -> None:
    with pytest.raises(StatFileError):
        read_table(b'{"class": "dataset", "version": "2.0", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                   "jsonstat")
