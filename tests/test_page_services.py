"""Services page: read models, figure builders and the real page in AppTest, on the demo database."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import run_app

from twinreg_data.figures import services as figures
from twinreg_data.filters import Filters
from twinreg_data.i18n import NP_, t
from twinreg_data.labels import DOMAIN_LABELS, SERVICES_AVAILABILITY_LABELS, SERVICES_COL_LABELS, STATUS_LABELS
from twinreg_data.queries import services as queries
from twinreg_data.schema import AVAILABILITY, DOMAINS
from twinreg_data.store import open_store

PAGE = "pages/services.py"


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


def _codes(store, where: str = "TRUE", params: list | None = None) -> list[str]:
    return [r[0] for r in store.query(f"SELECT code FROM services WHERE {where} ORDER BY code", params or [])]


# -- read models ---------------------------------------------------------------------------------


def test_catalogue_holds_every_service_with_its_fields(store):
    frame = queries.catalogue(store, Filters())
    assert list(frame["code"]) == _codes(store)
    assert len(frame) == 24  # demo catalogue
    eid = frame.set_index("code").loc["SV-001"]
    assert eid["availability"] == "partial" and eid["channel"] == "digital"
    assert list(eid["languages"]) == ["fi", "sv", "en"]
    assert list(eid["bottleneck_codes"]) == ["BN-013", "BN-014"]
    # Every service's linked codes are exactly its `bottlenecks` cell, in order.
    cells = dict(store.query("SELECT code, coalesce(bottlenecks, '') FROM services"))
    for code, linked in zip(frame["code"], frame["bottleneck_codes"], strict=True):
        assert list(linked) == [c.strip() for c in cells[code].split(";") if c.strip()]


def test_linked_bottlenecks_have_titles_in_the_language_and_current_status(store):
    frame = queries.catalogue(store, Filters(lang="fi")).set_index("code")
    row = frame.loc["SV-006"]
    expected = store.query(
        "SELECT code, coalesce(title_fi, title_en), status FROM bottleneck_current "
        "WHERE code IN ('BN-006', 'BN-007', 'BN-008') ORDER BY code"
    )
    assert list(zip(row["bottleneck_codes"], row["bottleneck_titles"], row["bottleneck_statuses"],
                    strict=True)) == expected
    assert frame.loc["SV-001", "name"] == store.scalar("SELECT name_fi FROM services WHERE code = 'SV-001'")


def test_domain_filter_narrows_the_catalogue(store):
    frame = queries.catalogue(store, Filters(domains=("taxation", "education")))
    assert list(frame["code"]) == _codes(store, "domain IN ('taxation', 'education')")
    assert set(frame["domain"]) == {"taxation", "education"}


def test_availability_filter_narrows_the_catalogue(store):
    everything = queries.catalogue(store, Filters())
    partial = queries.catalogue(store, Filters(), availability=("partial",))
    assert list(partial["code"]) == _codes(store, "availability = 'partial'")
    assert 0 < len(partial) < len(everything)
    two = queries.catalogue(store, Filters(), availability=("unavailable", "planned"))
    assert list(two["code"]) == _codes(store, "availability IN ('unavailable', 'planned')")
    # An unknown code (e.g. from a hand-edited link) is dropped, not matched.
    assert len(queries.catalogue(store, Filters(), availability=("nonsense",))) == len(everything)


def test_channel_filter_counts_services_offered_both_ways(store):
    in_person = queries.catalogue(store, Filters(), channel="in_person")
    assert list(in_person["code"]) == _codes(store, "channel IN ('in_person', 'both')")
    assert set(in_person["channel"]) == {"in_person", "both"}
    digital = queries.catalogue(store, Filters(), channel="digital")
    assert list(digital["code"]) == _codes(store, "channel IN ('digital', 'both')")


def test_search_matches_names_providers_and_codes_literally(store):
    kela = queries.catalogue(store, Filters(), search="KELA")
    assert list(kela["code"]) == _codes(
        store, "lower(concat_ws(' ', name_en, name_fi, name_et, provider_fi, provider_ee)) LIKE '%kela%'")
    assert len(kela) >= 3
    assert list(queries.catalogue(store, Filters(), search="sv-004")["code"]) == ["SV-004"]
    assert queries.catalogue(store, Filters(), search="%").empty  # a wildcard is a plain character


def test_side_and_period_do_not_narrow_the_catalogue(store):
    everything = queries.catalogue(store, Filters())
    narrowed = queries.catalogue(store, Filters(side="EE", year_from=2010, year_to=2012))
    assert list(narrowed["code"]) == list(everything["code"])


def test_availability_counts_match_the_catalogue(store):
    choice = dict(availability=("available", "partial"), channel="digital")
    rows = queries.catalogue(store, Filters(), **choice)
    counts = queries.availability_counts(rows)
    assert counts["services"].sum() == len(rows) > 0
    expected = store.query(
        "SELECT domain, availability, count(*) FROM services WHERE availability IN ('available', 'partial') "
        "AND channel IN ('digital', 'both') GROUP BY ALL ORDER BY ALL")
    assert list(counts.itertuples(index=False, name=None)) == expected
    assert queries.availability_counts(queries.catalogue(store, Filters(), search="no such service")).empty


def test_link_values_are_validated():
    assert queries.valid_availability(["planned", "bogus", "available"]) == ("available", "planned")
    assert queries.valid_channel("in_person") == "in_person"
    assert queries.valid_channel("both") == "" and queries.valid_channel(None) == ""


# -- figures and tables --------------------------------------------------------------------------


def test_availability_chart_uses_translated_domains_and_fixed_colours(store):
    counts = queries.availability_counts(queries.catalogue(store, Filters()))
    fig = figures.availability_chart(counts, "fi")
    assert fig.layout.title.text == t("Services by domain and availability across the border", "fi")
    assert fig.layout.xaxis.title.text == t("Number of services", "fi")
    assert any(t("Source: TwinReg cross-border services catalogue (availability as assessed by the partners)",
                 "fi") == a.text for a in fig.layout.annotations)
    names = {trace.name: trace for trace in fig.data}
    for code in AVAILABILITY:
        trace = names[t(SERVICES_AVAILABILITY_LABELS[code], "fi")]
        assert trace.marker.color == figures.AVAILABILITY_COLOURS[code]
    first = fig.data[0]
    assert list(first.y) == [t(DOMAIN_LABELS[d], "fi") for d in DOMAINS if d in set(counts["domain"])]
    assert sum(sum(trace.x) for trace in fig.data) == int(counts["services"].sum())


def test_catalogue_table_is_translated_with_language_names_and_statuses(store):
    rows = queries.catalogue(store, Filters(lang="et"))
    table = figures.catalogue_table(rows, "et")
    col = {name: t(SERVICES_COL_LABELS[name], "et") for name in ("code", "languages", "availability", "bottlenecks",
                                                               "channel")}
    assert list(table.columns)[0] == col["code"]
    infofinland = table.set_index(col["code"]).loc["SV-011"]
    assert infofinland[col["languages"]] == "soome, rootsi, eesti, inglise, vene"
    assert infofinland[col["availability"]] == t(NP_("services.availability", "Available"), "et")
    status = store.scalar("SELECT status FROM bottleneck_current WHERE code = 'BN-035'")
    title = store.scalar("SELECT coalesce(title_et, title_en) FROM bottleneck_current WHERE code = 'BN-035'")
    assert f"BN-035 {title} ({t(STATUS_LABELS[status], 'et')})" in infofinland[col["bottlenecks"]]
    english = figures.catalogue_table(queries.catalogue(store, Filters()), "en")
    assert "Finnish, Swedish, English" in set(english[t("Languages", "en")])


def test_catalogue_styler_colours_availability_like_the_chart(store):
    table = figures.catalogue_table(queries.catalogue(store, Filters()), "en")
    html = figures.style_catalogue(table, "en").to_html()
    for colour in figures.AVAILABILITY_COLOURS.values():
        assert colour.lower() in html.lower()


def test_empty_selection_gives_empty_tables():
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in (
        "code", "domain", "name", "availability", "channel", "languages", "provider_fi", "provider_ee",
        "bottleneck_codes", "bottleneck_titles", "bottleneck_statuses", "url")})
    assert figures.catalogue_table(empty, "fi").empty


# -- the page in AppTest -------------------------------------------------------------------------


def _table(at) -> pd.DataFrame:
    return at.dataframe[0].value


def test_page_on_the_demo_database(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en"})
    assert not at.exception
    assert at.title[0].value == t("Cross-border public services", "en")
    table = _table(at)
    assert len(table) == 24
    assert list(table.columns)[:2] == [t("Code", "en"), t("Service", "en")]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["title"]["text"] == t("Services by domain and availability across the border", "en")
    data_downloads = [b for b in at.get("download_button") if b.key.startswith(("csv-", "xlsx-"))]
    assert len(data_downloads) == 4  # chart data and table, CSV and XLSX each


@pytest.mark.parametrize("lang", ["en", "fi", "et"])
def test_link_reproduces_the_view_in_each_language(demo_copy, lang):
    at = run_app(page=PAGE, query={"lang": lang, "domain": ["taxation"]})
    assert not at.exception
    assert at.title[0].value == t("Cross-border public services", lang)
    table = _table(at)
    assert set(table[t("Domain", lang)]) == {t("Taxation", lang)}
    assert len(table) == len(queries.catalogue(open_store(demo_copy), Filters(domains=("taxation",))))


def test_availability_choice_narrows_the_table_and_goes_into_the_link(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en"})
    at.multiselect(key="sv_availability").set_value(["unavailable"]).run()
    assert not at.exception
    table = _table(at)
    expected = queries.catalogue(open_store(demo_copy), Filters(), availability=("unavailable",))
    assert list(table[t("Code", "en")]) == list(expected["code"])
    assert set(table[t("Availability across the border", "en")]) == {t(NP_("services.availability", "Not available"),
                                                                       "en")}
    assert at.query_params["sv_avail"] in ("unavailable", ["unavailable"])


def test_availability_from_the_link_is_applied_and_bad_values_ignored(demo_copy):
    at = run_app(page=PAGE, query={"lang": "fi", "sv_avail": ["partial", "bogus"], "sv_channel": "teleport"})
    assert not at.exception
    assert at.multiselect(key="sv_availability").value == ["partial"]
    assert at.selectbox(key="sv_channel").value == ""
    table = _table(at)
    assert set(table[t("Availability across the border", "fi")]) == {t("Partly available", "fi")}


def test_search_without_match_shows_the_empty_state(demo_copy):
    at = run_app(page=PAGE, query={"lang": "et"})
    at.text_input(key="sv_search").set_value("no such service anywhere").run()
    assert not at.exception
    assert len(at.dataframe) == 0
    assert any(i.value == t("No service matches these choices. Clear the search, pick more availability levels or "
                            "another channel, or widen the domains in the sidebar.", "et") for i in at.info)


def test_page_on_an_empty_database_explains_what_to_do(empty_db):
    at = run_app(page=PAGE, query={"lang": "fi"})
    assert not at.exception
    assert any(i.value == t("The services catalogue is empty. An official can import the `services` sheet of the "
                            "template on the Data page, or load the demo data with `python -m twinreg_data init "
                            "--demo`.", "fi") for i in at.info)
    assert len(at.dataframe) == 0 and len(at.get("plotly_chart")) == 0
