"""Content in every language: the per-language columns go through the real importer, the template and migration 7;
the read models pick the viewer's language and mark an English fallback; the Data page lists what is missing."""

from __future__ import annotations

import datetime as dt

import duckdb
import openpyxl
import pytest
from factories import extra_sheets, table_rows, write_xlsx

from twinreg_data.briefing.slides import _first_of_list
from twinreg_data.figures.cooperation import _organisation
from twinreg_data.filters import Filters
from twinreg_data.i18n import t, with_english_mark
from twinreg_data.ingest import export_workbook, reports
from twinreg_data.ingest.apply import import_file
from twinreg_data.queries import bottlenecks, cooperation, indicators, services
from twinreg_data.queries.changes import what_changed
from twinreg_data.schema import (
    CONTENT_OF_SCHEMA_7,
    TABLES_BY_NAME,
    TRANSLATED_CONTENT,
    TRANSLATION_LANGUAGES,
    language_column,
)
from twinreg_data.store import SCHEMA_VERSION, Store


def english(text: str, lang: str) -> str:
    """How a page shows English content in `lang` when the translation is missing."""
    return t("{text} (in English)", lang, text=text)


def translated_sheets() -> dict[str, list[list[object]]]:
    """A bottleneck, two events, an indicator, a service and an action with content in Finnish and Estonian (and
    some Swedish), English where the plain column holds it."""
    extra = extra_sheets()
    return {
        "indicators": table_rows("indicators", [dict(
            code="MOB_FERRY_PAX", domain="mobility", name_en="Ferry passengers Helsinki–Tallinn", unit="passengers",
            polarity="higher_better", frequency="annual", source="Traficom",
            definition="Passengers on scheduled ferries, both directions.",
            definition_fi="Matkustajat säännöllisillä laivoilla, molemmat suunnat.",
            definition_et="Reisijad regulaarlaevadel, mõlemad suunad.",
            break_notes="Port statistics from 2016.", break_notes_fi="Satamatilastot vuodesta 2016.")]),
        "bottlenecks": table_rows("bottlenecks", [dict(
            code="BN-001", domain="taxation", title_en="Double taxation of remote work", side="both",
            level="national", severity=4, source="interview", identified_on=dt.date(2023, 1, 10),
            affected_groups="commuters; remote workers", affected_groups_fi="työmatkalaiset; etätyöntekijät",
            affected_groups_et="pendeldajad; kaugtöötajad",
            owner_fi="Finnish Tax Administration", owner_fi_fi="Verohallinto", owner_fi_et="Soome Maksuamet",
            owner_fi_sv="Skatteförvaltningen",
            owner_ee="Estonian Tax and Customs Board", owner_ee_et="Maksu- ja Tolliamet")]),
        "bottleneck_events": table_rows("bottleneck_events", [
            dict(bottleneck="BN-001", date=dt.date(2023, 1, 10), seq=1, status="identified", who="WP1 team",
                 who_fi="WP1-tiimi", who_et="WP1 meeskond", note="Raised at a roundtable.",
                 note_fi="Nostettiin esiin pyöreän pöydän keskustelussa.", note_et="Tõstatati ümarlaual."),
            dict(bottleneck="BN-001", date=dt.date(2023, 6, 1), seq=1, status="analysed",
                 note="Analysis done", who="Ministry of Finance")]),
        "services": table_rows("services", [dict(
            code="SV-001", domain="digital", name_en="Tax card application", availability="partial",
            channel="digital", languages="fi;sv;en", bottlenecks="BN-001", url="https://www.vero.fi/",
            provider_fi="Finnish Tax Administration", provider_fi_fi="Verohallinto",
            provider_fi_et="Soome Maksuamet", note="A visit is needed for the first card.",
            note_fi="Ensimmäistä korttia varten on asioitava paikan päällä.",
            note_et="Esimese kaardi jaoks tuleb kohale minna.")]),
        "actions": table_rows("actions", [dict(
            code="A-01", title_en="Joint tax guide", work_package="WP3", bottlenecks="BN-001",
            lead="Helsinki-Uusimaa Regional Council", lead_fi="Uudenmaan liitto",
            lead_et="Uusimaa Maakonnaliit", lead_sv="Nylands förbund", partners="City of Helsinki; Tallinn",
            partners_fi="Helsingin kaupunki; Tallinna", level="administrative", start=dt.date(2024, 1, 1),
            due=dt.date(2030, 12, 31), status="ongoing")]),
        "regions_benchmark": extra["regions_benchmark"],
    }


@pytest.fixture
def translated(store: Store, tmp_path) -> Store:
    report = import_file(store, write_xlsx(tmp_path / "translated.xlsx", translated_sheets()), user="test")
    assert report.status == "applied", [p.as_dict() for p in report.problems]
    return store


def test_translated_columns_import_and_each_language_reads_its_own(translated: Store):
    fi, et, sv = (bottlenecks.detail(translated, "BN-001", lang) for lang in ("fi", "et", "sv"))
    assert (fi.affected_groups, fi.owner_fi, fi.owner_ee) == (
        "työmatkalaiset; etätyöntekijät", "Verohallinto", english("Estonian Tax and Customs Board", "fi"))
    assert (et.affected_groups, et.owner_fi, et.owner_ee) == (
        "pendeldajad; kaugtöötajad", "Soome Maksuamet", "Maksu- ja Tolliamet")
    assert sv.owner_fi == "Skatteförvaltningen"
    assert sv.affected_groups == english("commuters; remote workers", "sv")
    assert et.events["note"].tolist() == ["Tõstatati ümarlaual.", english("Analysis done", "et")]
    assert et.events["who"].tolist() == ["WP1 meeskond", english("Ministry of Finance", "et")]
    assert et.actions["lead"].tolist() == ["Uusimaa Maakonnaliit"]
    english_view = bottlenecks.detail(translated, "BN-001", "en")
    assert english_view.owner_fi == "Finnish Tax Administration" and "(" not in english_view.events["note"][1]

    meta = indicators.indicator_meta(translated, Filters(lang="fi"), "MOB_FERRY_PAX")
    assert (meta.definition, meta.break_notes) == ("Matkustajat säännöllisillä laivoilla, molemmat suunnat.",
                                                   "Satamatilastot vuodesta 2016.")
    meta_et = indicators.indicator_meta(translated, Filters(lang="et"), "MOB_FERRY_PAX")
    assert meta_et.break_notes == english("Port statistics from 2016.", "et")

    catalogue = services.catalogue(translated, Filters(lang="et"))
    assert catalogue.loc[0, ["provider_fi", "note"]].tolist() == ["Soome Maksuamet",
                                                                  "Esimese kaardi jaoks tuleb kohale minna."]
    # A search finds a provider by any of its names, whatever the page's language.
    assert services.catalogue(translated, Filters(lang="en"), search="verohallinto")["code"].tolist() == ["SV-001"]
    plan = cooperation.actions(translated, Filters(lang="fi", year_from=2020, year_to=2030), today=dt.date(2026, 1, 1))
    assert plan.loc[0, ["lead", "partners"]].tolist() == ["Uudenmaan liitto", "Helsingin kaupunki; Tallinna"]
    # The register's owner filter matches an owner typed in another language than the page's.
    register = bottlenecks.register(translated, Filters(lang="fi", year_from=2020, year_to=2030),
                                    bottlenecks.RegisterFilter(owner="maksu- ja tolliamet"))
    assert register["owner_ee"].tolist() == [english("Estonian Tax and Customs Board", "fi")]


def test_meeting_changes_take_who_and_lead_in_the_language(translated: Store):
    changes = what_changed(translated, Filters(lang="fi", year_from=2020, year_to=2030), since=dt.date(2023, 1, 1),
                           today=dt.date(2023, 12, 31))
    events = changes.status_changes
    assert set(events.loc[events["code"] == "BN-001", "who"]) == {"WP1-tiimi", english("Ministry of Finance", "fi")}
    # BN-002 of the base data has no Finnish "who": shown in English, marked.
    assert set(events.loc[events["code"] == "BN-002", "who"]) == {english("WP1 team", "fi")}


def test_an_exported_workbook_holds_the_translations_and_imports_unchanged(translated: Store, tmp_path):
    path = export_workbook(translated, tmp_path / "export.xlsx")
    sheet = openpyxl.load_workbook(path, read_only=True)["bottlenecks"]
    header, first = (list(row) for row in sheet.iter_rows(min_row=1, max_row=2, values_only=True))
    assert dict(zip(header, first, strict=False))["owner_fi_et"] == "Soome Maksuamet"
    again = import_file(translated, path, user="test")
    assert again.status == "nothing_to_do" or not reports.rows_written(again)


def test_a_workbook_without_the_new_columns_imports_and_keeps_the_translations(translated: Store, tmp_path):
    """A template made before schema 7 lacks every translation column: it still imports, and what it leaves out
    keeps what the database holds."""
    old_columns = [c for c in TABLES_BY_NAME["bottlenecks"].column_names
                   if not any(c == language_column(e, lang) for e in TRANSLATED_CONTENT["bottlenecks"]
                              for lang in TRANSLATION_LANGUAGES if not e.endswith("_en"))]
    assert "owner_fi_fi" not in old_columns and "title_fi" in old_columns
    values = dict(code="BN-001", domain="taxation", title_en="Double taxation of remote work", side="both",
                  level="national", severity=5, source="interview", identified_on=dt.date(2023, 1, 10),
                  affected_groups="commuters; remote workers", owner_fi="Finnish Tax Administration",
                  owner_ee="Estonian Tax and Customs Board")
    path = write_xlsx(tmp_path / "old.xlsx", {"bottlenecks": [old_columns, [values.get(c) for c in old_columns]]})
    report = import_file(translated, path, user="test")
    assert report.status == "applied", [p.as_dict() for p in report.problems]
    fi = bottlenecks.detail(translated, "BN-001", "fi")
    assert (fi.severity, fi.owner_fi, fi.affected_groups) == (5, "Verohallinto", "työmatkalaiset; etätyöntekijät")


def test_migration_7_adds_the_columns_to_an_older_database(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    added = [(table, language_column(e, lang)) for table, es in CONTENT_OF_SCHEMA_7.items() for e in es
             if not e.endswith("_en") for lang in TRANSLATION_LANGUAGES]
    with duckdb.connect(str(path)) as con:  # the database as schema 6 left it
        for table, column in added:
            for suffix in ("", "_prev"):
                con.execute(f'ALTER TABLE "{table}{suffix}" DROP COLUMN "{column}"')
        con.execute("UPDATE schema_meta SET version = 6")
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    present = {(r[0], r[1]) for r in store.query(
        "SELECT table_name, column_name FROM information_schema.columns")}
    assert all((table, column) in present and (table + "_prev", column) in present for table, column in added)
    assert store.scalar("SELECT count(*) FROM bottleneck_current") == 0  # the view still reads its table
    store.close()


def test_a_shortened_label_keeps_the_english_mark():
    full = english("Helsinki-Uusimaa Regional Council (Uudenmaan liitto); City of Helsinki", "fi")
    assert _organisation(full, "fi") == english("Helsinki-Uusimaa Regional Council", "fi")
    assert _first_of_list(full, "fi") == english("Helsinki-Uusimaa Regional Council (Uudenmaan liitto)", "fi") \
        + " +1"
    assert _organisation("Uudenmaan liitto; Helsingin kaupunki", "fi") == "Uudenmaan liitto"
    assert with_english_mark("Verohallinto; Kela", "Verohallinto", "fi") == "Verohallinto"
    assert with_english_mark("A; B", "A", "en") == "A"


def test_missing_translations_list_each_text_once_with_its_languages(translated: Store):
    missing = reports.missing_translations(translated)
    rows = {(r.table_name, r.code, r.field): list(r.missing) for r in missing.itertuples()}
    assert rows[("bottlenecks", "BN-001", "owner_ee")] == ["fi", "sv"]
    assert rows[("bottlenecks", "BN-001", "affected_groups")] == ["sv"]
    assert ("bottlenecks", "BN-001", "owner_fi") not in rows  # complete in every language
    assert rows[("bottleneck_events", "BN-001 2023-06-01 #1", "note")] == ["fi", "et", "sv"]
    assert rows[("indicators", "MOB_FERRY_PAX", "break_notes")] == ["et", "sv"]
    assert reports.missing_counts(missing)["fi"] == sum("fi" in v for v in rows.values())
    shown = reports.missing_translations_frame(missing, "fi", only="et")
    columns = dict(zip(shown[t("Field", "fi")], shown[t("Columns to fill", "fi")], strict=False))
    assert columns["break_notes"] == "break_notes_et, break_notes_sv"
    assert all("et" in langs for langs in shown[t("Missing languages", "fi")])
