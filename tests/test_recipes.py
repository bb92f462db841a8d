"""A statistics table mapped once with a recipe and reused (issue 18), through the one import path: detection,
mapping by flags and by a saved recipe, area matching, publisher flags, diff, repeat, rollback, CLI --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from twinreg_data.cli import main
from twinreg_data.ingest.apply import check_file, import_file
from twinreg_data.ingest.areas import AreaIndex
from twinreg_data.ingest.history import rollback
from twinreg_data.ingest.statistics import read_table
from twinreg_data.ingest.statistics.recipe import (
    NewIndicator,
    Recipe,
    RecipeError,
    map_table,
    plan,
    save_recipe,
    saved_recipe,
    saved_recipes,
)
from twinreg_data.store import Store

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
JSONSTAT = REAL / "statfin_vaerak_11s5_jsonstat.json"
KK23 = REAL / "statee_kk23_pxweb_api.csv"
PX = REAL / "statfin_ashi_13pz.px"
POPULATION = NewIndicator("CTX_POP_MONTH", "context", "persons", "neutral", name_en="Population at month end",
                          name_fi="Väkiluku kuukauden lopussa")


@pytest.fixture
def store(demo_copy: Path) -> Store:
    return Store(demo_copy)


def observations(store: Store, indicator: str) -> dict[tuple[str, str], float]:
    return {(a, p): v for a, p, v in store.query(
        "SELECT area, period, value FROM observations WHERE indicator = ?", [indicator])}


@pytest.mark.parametrize("name", sorted(p.name for p in REAL.iterdir() if p.suffix != ".md"))
def test_every_real_statistics_file_takes_the_statistics_path(store: Store, name: str) -> None:
    report = check_file(store, REAL / name).report
    assert report.format == read_table((REAL / name).read_bytes()).format
    assert report.status in ("needs_decisions", "invalid", "dry_run"), report.message
    assert report.dimensions and all({"name", "count", "sample", "guessed_role", "role"} <= set(d)
                                     for d in report.dimensions)
    # The demo's own (four workbooks and a public report accepted in triage), nothing new.
    assert store.scalar("SELECT count(*) FROM imports WHERE file_name NOT LIKE 'report R-%'") == 4


def test_a_template_workbook_still_takes_the_template_path(store: Store) -> None:
    demo = Path(__file__).resolve().parents[1] / "data" / "demo" / "01_areas_indicators.xlsx"
    report = check_file(store, demo).report
    assert report.format == "" and report.status == "nothing_to_do"


def test_unambiguous_roles_need_no_decision_and_the_rest_is_asked(store: Store) -> None:
    report = import_file(store, JSONSTAT, dry_run=True)
    assert report.status == "needs_decisions"
    roles = {d["name"]: (d["guessed_role"], d["role"]) for d in report.dimensions}
    assert roles == {"alue": ("area", "area"), "kuukausi": ("period", "period"), "tiedot": ("series", "keep")}
    assert [d.what for d in report.decisions] == ["indicator"]
    assert "--indicator CODE" in report.message and "nothing was imported" in report.message


def test_jsonstat_national_file_with_a_new_context_indicator(store: Store) -> None:
    recipe = Recipe(indicator="CTX_POP_MONTH", indicators={"CTX_POP_MONTH": POPULATION})
    dry = import_file(store, JSONSTAT, dry_run=True, recipe=recipe)
    assert dry.status == "dry_run", [p.expected for p in dry.problems]
    # 36 municipalities in the file: Askola, Espoo, Hanko and Helsinki are ours, 32 lie outside.
    assert dry.skipped["outside_region_areas"] == 32 and dry.skipped["outside_region_rows"] == 32
    assert dry.notes_in("en")[0] == "32 areas outside the twin region skipped (32 values)."
    assert (dry.diff["observations"].new, dry.diff["indicators"].new) == (4, 1)
    assert store.scalar("SELECT count(*) FROM indicators WHERE code = 'CTX_POP_MONTH'") == 0
    applied = import_file(store, JSONSTAT, recipe=recipe)
    assert applied.status == "applied", applied.message
    values = observations(store, "CTX_POP_MONTH")
    assert set(values) == {("FI-018", "2024-12"), ("FI-049", "2024-12"), ("FI-078", "2024-12"),
                           ("FI-091", "2024-12")}
    assert values[("FI-091", "2024-12")] == read_table(JSONSTAT.read_bytes()).value_at(alue="KU091")
    assert store.query("SELECT domain, unit, polarity, frequency, source FROM indicators "
                       "WHERE code = 'CTX_POP_MONTH'") == [
        ("context", "persons", "neutral", "monthly", "Statistics Finland, population structure, 11s5")]
    again = import_file(store, JSONSTAT, recipe=recipe)
    assert again.status == "nothing_to_do" and "Nothing changed" in again.message
    rollback(store, applied.import_id, "test")
    assert observations(store, "CTX_POP_MONTH") == {}
    assert store.scalar("SELECT count(*) FROM indicators WHERE code = 'CTX_POP_MONTH'") == 0


def test_an_existing_indicator_of_another_frequency_is_an_error_at_the_files_cell(store: Store) -> None:
    report = import_file(store, JSONSTAT, dry_run=True, recipe=Recipe(indicator="INT_POPULATION"))
    assert report.status == "invalid"
    cells = {p.cell for p in report.problems if p.rule == "period_frequency"}
    assert "alue=KU091 · kuukausi=2024M12" in cells
    assert {p.sheet for p in report.problems} == {"11s5"}


def test_estonian_file_by_a_saved_recipe(store: Store, tmp_path: Path) -> None:
    recipe = Recipe(name="kk23-wastewater", series={"Heitvesi": "CTX_WASTEWATER"}, indicators={
        "CTX_WASTEWATER": NewIndicator("CTX_WASTEWATER", "context", "count", "neutral", name_en="Wastewater")})
    first = import_file(store, KK23, recipe=recipe)
    assert first.status == "applied", first.message
    assert first.skipped["unmapped_series_rows"] == 8 * 60
    save_recipe(store, first.recipe, "test")
    values = observations(store, "CTX_WASTEWATER")
    assert {a for a, _ in values} == {"EE", "EE001"}  # "Kogu Eesti" and "Harju maakond"
    assert len(values) == 60
    # Next year's file of the same table: one choice, the saved recipe.
    assert saved_recipes(store, "")[0] == "kk23-wastewater"
    again = saved_recipe(store, "kk23-wastewater")
    assert again.series_dimension == "Contents" and again.area_dimension == "Maakond"
    assert again.indicators["CTX_WASTEWATER"].domain == "context"
    assert import_file(store, KK23, recipe=again).status == "nothing_to_do"


def test_keep_matches_a_value_by_its_label_and_unknown_areas_are_errors_with_suggestions(store: Store) -> None:
    recipe = Recipe(indicator="INF_ENQUIRIES", keep={"Tiedot": "uusin julkistus, neljännesmuutos, %"})
    the_plan = plan(read_table(PX.read_bytes()), recipe)
    assert the_plan.complete and the_plan.resolved_recipe().keep == {"Tiedot": "neljmuut"}
    report = import_file(store, PX, dry_run=True, recipe=recipe)
    assert report.status == "invalid"
    areas = {p.cell: p for p in report.problems if p.rule == "area_unknown"}
    # "Koko maa" is Finland; the capital region and the other aggregates are no area of ours.
    assert "Alue=pks Pääkaupunkiseutu (PKS)" in areas
    assert all(p.severity == "error" for p in areas.values())
    assert "ksu" not in " ".join(areas)


def test_keep_value_missing_and_unknown_dimension_are_decisions(store: Store) -> None:
    report = import_file(store, PX, dry_run=True, recipe=Recipe(indicator="INF_ENQUIRIES",
                                                                 keep={"Tiedot": "nope", "Sex": "total"}))
    assert report.status == "needs_decisions"
    texts = [d.text("en") for d in report.decisions]
    assert any("has no value nope" in x for x in texts) and any("no dimension Sex" in x for x in texts)


EUROSTAT_TSV = (
    "freq,indic_de,geo\\TIME_PERIOD\t2021 \t2022 \t2023 \n"
    "A,JAN,DE\t83155031 \t83237124 \t: \n"
    "A,JAN,EE\t1330068 \t1331796 b\t1365884 p\n"
    "A,JAN,FI\t5533793 c\t5548241 u\t: \n"
)


def test_publisher_flags_and_missing_markers(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "demo_gind.tsv"
    path.write_text(EUROSTAT_TSV, encoding="utf-8")
    recipe = Recipe(indicator="CTX_POP", indicators={"CTX_POP": NewIndicator(
        "CTX_POP", "context", "persons", "neutral", name_en="Population on 1 January")})
    report = import_file(store, path, recipe=recipe)
    assert report.status == "applied", [p.expected for p in report.problems]
    assert report.skipped["missing_by_marker"] == {":": 1}  # FI 2023; DE is outside the region
    assert report.skipped["outside_region_areas"] == 1
    rows = {(a, p): (f, n) for a, p, f, n in store.query(
        "SELECT area, period, flag, note FROM observations WHERE indicator = 'CTX_POP'")}
    assert rows[("EE", "2022")] == ("break", None)
    assert rows[("EE", "2023")] == ("provisional", None)
    assert rows[("FI", "2021")] == (None, "Publisher's flag: confidential (value kept)")
    assert rows[("FI", "2022")] == (None, "Publisher's flag: low reliability (value kept)")
    assert ("FI", "2023") not in rows
    assert any("confidential kept, with a note" in n for n in report.notes_in("en"))


def test_only_the_cells_of_the_kept_values_are_mapped(store: Store) -> None:
    """Two kept dimensions among four: exactly the cells holding both kept values become rows, in the file's
    order; outside areas and missing values among them (and only them) are counted."""
    doc = {"version": "2.0", "class": "dataset", "label": "t -- test", "id": ["alue", "sukupuoli", "kuukausi", "ika"],
           "size": [3, 2, 2, 3], "role": {"geo": ["alue"], "time": ["kuukausi"]},
           "dimension": {
               "alue": {"category": {"index": ["KU091", "KU049", "KU837"],
                                     "label": {"KU091": "Helsinki", "KU049": "Espoo", "KU837": "Tampere"}}},
               "sukupuoli": {"category": {"index": ["SSS", "1"]}},
               "kuukausi": {"category": {"index": ["2024M01", "2024M02"]}},
               "ika": {"category": {"index": ["SSS", "0-14", "15-"]}}},
           # value = flat index (alue × 12 + sukupuoli × 6 + kuukausi × 3 + ika); Espoo's kept 2024M02 is missing
           "value": [None if i == 15 else float(i) for i in range(36)], "status": {"15": "..", "16": "..."}}
    table = read_table(json.dumps(doc).encode())
    the_plan = plan(table, Recipe(indicator="CTX_POP_MONTH", keep={"sukupuoli": "SSS", "ika": "SSS"}))
    assert the_plan.complete, the_plan.decisions
    mapped = map_table(the_plan, AreaIndex.from_store(store))
    assert [(r["area"], r["period"], r["value"]) for r in mapped.observations] == [
        ("FI-091", "2024-01", 0.0), ("FI-091", "2024-02", 3.0), ("FI-049", "2024-01", 12.0)]
    assert mapped.origins == ["alue=KU091 · kuukausi=2024M01", "alue=KU091 · kuukausi=2024M02",
                              "alue=KU049 · kuukausi=2024M01"]
    assert mapped.outside_areas == {"KU837"} and mapped.outside_rows == 2
    assert mapped.missing == {"..": 1}


def test_a_file_with_no_area_of_ours_says_so(store: Store) -> None:
    report = import_file(store, REAL / "estat_demo_gind_sdmx.csv", dry_run=True,
                         recipe=Recipe(indicator="INT_POPULATION"))
    assert report.status == "invalid"
    (problem,) = report.problems
    assert problem.rule == "no_data" and "none of the 5 areas of the file is ours" in problem.expected


def test_a_national_total_with_one_area(store: Store) -> None:
    recipe = Recipe(area="Suomi", indicator="CTX_INCOME", keep={"Decile": "I (Lowest-income 10 %)"},
                    indicators={"CTX_INCOME": NewIndicator("CTX_INCOME", "context", "EUR", "higher_better",
                                                           name_en="Gross income, lowest decile")})
    report = import_file(store, REAL / "statfin_tjt_128c_pxweb.csv", dry_run=True, recipe=recipe)
    assert report.status == "dry_run", [p.expected for p in report.problems]
    assert report.diff["observations"].new == 4 and report.recipe.area == "Suomi"


def test_recipe_toml_round_trip(tmp_path: Path) -> None:
    recipe = Recipe(name="väestö \"kuukausi\"", table_id="11s5", area_dimension="alue", keep={"Sukupuoli": "SSS"},
                    series={"vaesto kuukausi": "CTX_POP_MONTH"}, indicators={"CTX_POP_MONTH": POPULATION})
    assert Recipe.load(recipe.save(tmp_path / "r.toml")) == recipe
    with pytest.raises(RecipeError, match="not valid TOML"):
        Recipe.loads("name = ")


def test_cli_dry_run_json_and_save_recipe(store: Store, demo_copy: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_copy)]
    store.close()
    assert main([*db, "import", str(JSONSTAT), "--dry-run", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "needs_decisions" and out["format"] == "jsonstat"
    assert [d["name"] for d in out["dimensions"]] == ["alue", "kuukausi", "tiedot"]
    assert out["decisions"][0]["what"] == "indicator"
    recipe_path = tmp_path / "population.toml"
    recipe_path.write_text(POPULATION_TOML, encoding="utf-8")
    saved = tmp_path / "saved.toml"
    code = main([*db, "import", str(JSONSTAT), "--recipe", str(recipe_path), "--area-from", "Area",
                 "--period-from", "kuukausi", "--keep", "tiedot=Population", "--indicator", "CTX_POP_MONTH",
                 "--save-recipe", str(saved), "--dry-run", "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.out
    out = json.loads(captured.out)
    assert out["status"] == "dry_run" and out["recipe"]["area_dimension"] == "alue"
    assert out["diff"]["observations"]["new"] == 4 and out["skipped"]["outside_region_areas"] == 32
    assert Recipe.load(saved).indicator == "CTX_POP_MONTH" and "written to" in captured.err
    assert Store(demo_copy).scalar("SELECT count(*) FROM recipes") == 0  # a dry run keeps nothing
    assert main([*db, "import", str(JSONSTAT), "--recipe", str(saved), "--save-recipe", str(saved)]) == 0
    assert "saved in the database" in capsys.readouterr().out
    assert main([*db, "import", str(JSONSTAT), "--recipe", "population"]) == 0  # the name inside the recipe
    assert "Nothing changed" in capsys.readouterr().out
    assert main([*db, "import", str(JSONSTAT), "--keep", "nonsense"]) == 1
    assert "DIMENSION=VALUE" in capsys.readouterr().err


POPULATION_TOML = """
name = "population"

[indicators.CTX_POP_MONTH]
domain = "context"
unit = "persons"
polarity = "neutral"
name_en = "Population at month end"
"""


def test_copy_of_fixture_under_another_name_is_still_read(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "upload.xlsx"
    shutil.copy(JSONSTAT, path)
    assert check_file(store, path).report.format == "jsonstat"


def test_keep_matches_labels_in_any_of_the_px_files_languages(store: Store) -> None:
    """The PX file is in Finnish, Swedish and English: a dimension and a value may be named in any of them, and
    the labels of the other languages survive the sandboxed child."""
    for name, value in (("Information", "Latest release, quarterly change, %"),
                        ("Uppgifter", "Senaste publikation, kvartalsförändring, %"), ("tiedot", "NELJMUUT")):
        report = check_file(store, PX, recipe=Recipe(indicator="INF_ENQUIRIES", keep={name: value})).report
        assert report.recipe.keep == {"Tiedot": "neljmuut"}, (name, report.decisions)
        assert not report.decisions
