"""Areas matched by every code and name people use (issue 18): the aliases stored at import, the migration that
adds them to an existing database, and AreaIndex.resolve on the names and codes of the real statistics files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import table_rows, write_xlsx

from twinreg_data.ingest.apply import import_file
from twinreg_data.ingest.areas import AreaIndex, alias_key, aliases_for_area
from twinreg_data.ingest.history import rollback
from twinreg_data.ingest.statistics import read_table
from twinreg_data.store import SCHEMA_VERSION, Store, close_store

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


@pytest.fixture
def demo_store(demo_copy: Path) -> Store:
    return Store(demo_copy)


@pytest.fixture
def index(demo_store: Store) -> AreaIndex:
    return AreaIndex.from_store(demo_store)


def test_alias_key_meets_case_and_diacritics() -> None:
    assert alias_key("Ingå") == alias_key("inga") == alias_key("INGÅ") == "inga"
    assert alias_key("Lääne-Harju  vald") == "laane harju vald"
    assert alias_key(" Helsinki-Uusimaa ") == alias_key("helsinki uusimaa")


def test_code_forms_of_our_codes() -> None:
    keys = {key: kind for key, _, kind in aliases_for_area(
        {"code": "FI-091", "country": "FI", "level": "municipality", "name_fi": "Helsinki"})}
    assert {"fi 091", "ku091", "091", "91", "fi091"} <= set(keys)
    assert keys["91"] == "short_code" and keys["ku091"] == "statfi"
    keys = {key for key, _, _ in aliases_for_area(
        {"code": "EE-0784", "country": "EE", "level": "municipality", "name_et": "Tallinn"})}
    assert {"ee 0784", "0784", "784", "ee0784", "tallinn"} <= keys
    keys = {key for key, _, _ in aliases_for_area({"code": "EE-0198", "name_et": "Harku vald"})}
    assert {"harku vald", "harku"} <= keys


@pytest.mark.parametrize(("text", "area"), [
    ("KU091", "FI-091"), ("091", "FI-091"), ("91", "FI-091"), ("FI-091", "FI-091"), ("ku091", "FI-091"),
    ("0784", "EE-0784"), ("784", "EE-0784"), ("EE-0784", "EE-0784"),
    ("FI1B1", "FI1B1"), ("EE001", "EE001"), ("MK01", "FI1B1"),
    ("Helsingfors", "FI-091"), ("HELSINKI", "FI-091"), ("Ingå", "FI-149"), ("Inga", "FI-149"), ("INGÅ", "FI-149"),
    ("Inkoo", "FI-149"), ("Raasepori", "FI-710"), ("Raseborg", "FI-710"), ("Tallinn", "EE-0784"),
    ("Tallinna", "EE-0784"), ("Harju maakond", "EE001"), ("harju maakond", "EE001"), ("Esbo", "FI-049"),
    ("Jõelähtme vald", "EE-0245"), ("Joelahtme", "EE-0245"), ("Kogu Eesti", "EE"), ("SSS", "FI"),
    ("Suomi", "FI"), ("Estland", "EE"),
    # 245 is Kerava's Statistics Finland code, and only the short form of Jõelähtme's EHAK 0245: the code wins.
    ("245", "FI-245"), ("0245", "EE-0245"),
])
def test_every_code_and_name_resolves(index: AreaIndex, text: str, area: str) -> None:
    match = index.resolve(text)
    assert (match.status, match.area) == ("matched", area), match


@pytest.mark.parametrize("text", ["KU837", "837", "KU020", "MK06", "DE", "FR", "EU27_2020", "Tampere", "Tartu",
                                  "Tartu maakond", "Saaremaa vald", "Pirkanmaa"])
def test_areas_outside_the_twin_region_are_told_apart(index: AreaIndex, text: str) -> None:
    match = index.resolve(text)
    assert (match.status, match.area) == ("outside_region", None), match


def test_unknown_names_get_suggestions_and_shared_names_are_ambiguous(index: AreaIndex) -> None:
    typo = index.resolve("Helsinkki")
    assert typo.status == "unknown" and typo.area is None and "FI-091" in typo.suggestions
    typo = index.resolve("Raaseporii")
    assert typo.suggestions[0] == "FI-710"
    both = index.resolve("Whole country")  # said of Finland and of Estonia alike
    assert both.status == "ambiguous" and set(both.suggestions) == {"FI", "EE"}
    assert "FI-091 (Helsinki)" in index.describe(["FI-091"])


def test_real_jsonstat_municipalities_by_ku_code(index: AreaIndex) -> None:
    table = read_table((REAL / "statfin_vaerak_11s5_jsonstat.json").read_bytes())
    area = table.dimension("alue")
    matches = {code: index.resolve(label, code=code) for code, label in area.values}
    ours = {code: m.area for code, m in matches.items() if m.status == "matched"}
    assert ours["KU091"] == "FI-091" and ours["KU049"] == "FI-049"
    assert all(our == "FI-" + code[2:] for code, our in ours.items())
    outside = [code for code, m in matches.items() if m.status == "outside_region"]
    assert len(outside) + len(ours) == area.size == 36  # every other municipality lies outside, none is an error
    assert "KU020" in outside  # Akaa


def test_real_estonian_county_names(index: AreaIndex) -> None:
    table = read_table((REAL / "statee_kk23_pxweb_api.csv").read_bytes())
    found = {label: index.resolve(label).area for _, label in table.dimension("Maakond").values}
    assert found == {"Kogu Eesti": "EE", "Harju maakond": "EE001"}


def test_aliases_column_is_imported_kept_in_the_database_and_rolled_back(demo_store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "areas.xlsx", {"areas": table_rows("areas", [
        dict(code="FI-091", country="FI", level="municipality", parent="FI1B1", name_en="Helsinki",
             name_fi="Helsinki", name_sv="Helsingfors", name_et="Helsingi", aliases="Stadi; Hesa"),
    ])})
    report = import_file(demo_store, path)
    assert report.status == "applied", report.message
    index = AreaIndex.from_store(demo_store)
    assert index.resolve("stadi").area == index.resolve("HESA").area == "FI-091"
    kinds = dict(demo_store.query("SELECT alias, kind FROM area_aliases WHERE area = 'FI-091'"))
    assert kinds["Stadi"] == "alias" and kinds["KU091"] == "statfi"
    rollback(demo_store, report.import_id, "test")
    assert AreaIndex.from_store(demo_store).resolve("Stadi").status == "unknown"
    assert AreaIndex.from_store(demo_store).resolve("Helsingfors").area == "FI-091"


def test_a_workbook_without_the_aliases_column_still_imports(demo_store: Store, tmp_path: Path) -> None:
    rows = table_rows("areas", [dict(code="FI-092", country="FI", level="municipality", parent="FI1B1",
                                     name_en="Vantaa", name_sv="Vanda", population=250000)])
    without = [r[:-1] for r in rows]
    assert rows[0][-1] == "aliases"
    report = import_file(demo_store, write_xlsx(tmp_path / "old.xlsx", {"areas": without}))
    assert report.status == "applied" and report.error_count == 0 and report.warning_count == 0
    assert AreaIndex.from_store(demo_store).resolve("KU092").area == "FI-092"


def test_an_existing_database_gets_the_aliases_by_migration(demo_copy: Path) -> None:
    store = Store(demo_copy)
    with store.transaction() as cur:  # back to schema 3: no aliases column, no area_aliases, no recipes
        cur.execute("DROP TABLE area_aliases")
        cur.execute("DROP TABLE recipes")
        cur.execute("ALTER TABLE areas DROP COLUMN aliases")
        cur.execute("ALTER TABLE areas_prev DROP COLUMN aliases")
        cur.execute("UPDATE schema_meta SET version = 3")
    store.close()
    close_store(demo_copy)
    again = Store(demo_copy)
    assert again.schema_version() == SCHEMA_VERSION
    assert again.scalar("SELECT area FROM area_aliases WHERE alias_key = 'ku091'") == "FI-091"
    assert again.scalar("SELECT count(*) FROM recipes") == 0
    assert AreaIndex.from_store(again).resolve("Raseborg").area == "FI-710"
    assert json.dumps(again.query("SELECT aliases FROM areas LIMIT 1")) == "[[null]]"
    again.close()


def test_context_is_a_domain_for_indicators_but_not_for_bottlenecks(demo_store: Store, tmp_path: Path) -> None:
    from factories import BASE_BOTTLENECKS

    from twinreg_data.schema import BOTTLENECK_DOMAINS, DOMAINS

    assert "context" in DOMAINS and "context" not in BOTTLENECK_DOMAINS and len(BOTTLENECK_DOMAINS) == 9
    path = write_xlsx(tmp_path / "ctx.xlsx", {
        "indicators": table_rows("indicators", [dict(
            code="CTX_POP", domain="context", name_en="Population", unit="persons", polarity="neutral",
            frequency="annual", source="Statistics Finland")]),
        "bottlenecks": table_rows("bottlenecks", [
            dict(BASE_BOTTLENECKS[0], code="BN-990", domain="context", indicators=None)]),
    })
    report = import_file(demo_store, path, dry_run=True)
    assert report.status == "invalid"
    (problem,) = report.problems
    assert (problem.cell, problem.rule) == ("bottlenecks!B2", "context_bottleneck")
    assert "not bottlenecks" in problem.expected and "mobility" in problem.expected
