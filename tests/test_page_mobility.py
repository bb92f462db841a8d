"""Mobility page: read models against plain SQL, figure builders, and the real page in AppTest."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from conftest import map_specs, run_app, sign_in
from factories import table_rows, write_xlsx

from twinreg_data.figures import mobility as figures
from twinreg_data.filters import Filters
from twinreg_data.i18n import NP_, t
from twinreg_data.queries import mobility
from twinreg_data.store import open_store


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


def plain(store, sql: str, params: list | None = None) -> list[tuple]:
    return store.query(sql, params or [])


# -- read models -----------------------------------------------------------------------------------
def test_arc_volumes_of_a_year_mode_and_unit_match_plain_sql(store):
    flows = mobility.flows_for_year(store, Filters(), 2024, "passengers", ())
    expected = dict(((o, d, m), v) for o, d, m, v in plain(
        store, "SELECT origin, destination, mode, sum(volume) FROM flows "
        "WHERE unit = 'passengers' AND period = '2024' GROUP BY ALL"))
    assert expected, "the demo has passenger flows in 2024"
    assert {(r.origin, r.destination, r.mode): r.volume for r in flows.itertuples()} == expected
    assert set(flows["unit"]) == {"passengers"}
    assert flows["volume"].is_monotonic_decreasing

    air = mobility.flows_for_year(store, Filters(), 2024, "passengers", ("air",))
    n_air = plain(store, "SELECT count(*) FROM flows WHERE unit = 'passengers' AND mode = 'air' AND period = '2024'")
    assert set(air["mode"]) == {"air"} and len(air) == n_air[0][0] > 0


def test_units_are_never_added_together(store):
    commuters = mobility.flows_for_year(store, Filters(), 2023, "commuters", ())
    total = plain(store, "SELECT sum(volume) FROM flows WHERE unit = 'commuters' AND period = '2023'")[0][0]
    assert commuters["volume"].sum() == pytest.approx(total)
    passengers_2023 = plain(store, "SELECT sum(volume) FROM flows WHERE unit = 'passengers' AND period = '2023'")[0][0]
    assert commuters["volume"].sum() < passengers_2023  # the ferry route's passengers did not leak in
    series = mobility.commuter_series(store, Filters())
    from_flows = series[series["series"] == mobility.FLOWS_SERIES].set_index("year")["value"]
    assert from_flows[2023] == pytest.approx(total)
    indicator_rows = plain(store, "SELECT count(*) FROM observations WHERE indicator = ?",
                           [mobility.COMMUTERS_INDICATOR])[0][0]
    assert (series["series"] != mobility.FLOWS_SERIES).sum() == indicator_rows


@pytest.mark.parametrize("side", ["both", "FI", "EE"])
def test_commuter_series_counts_cross_border_pairs_only_whichever_side(store, side):
    """The chart is "commuters between Estonia and Finland": a commute within one country (in the flows table for the
    map) is not added to it, and the chosen side changes nothing (the page asks for the series under period_only)."""
    cross_border = plain(store, "SELECT sum(volume) FROM flows WHERE unit = 'commuters' AND period = '2023'")[0][0]
    assert cross_border, "the demo has cross-border commuter flows in 2023"
    with store.transaction() as cur:
        for origin, destination in (("FI-049", "FI-091"), ("EE-0784", "EE-0653")):
            cur.execute("INSERT INTO flows (origin, destination, mode, period, period_start, volume, unit, source, "
                        "import_id) VALUES (?, ?, 'rail', '2023', DATE '2023-01-01', 50000, 'commuters', 'test', 1)",
                        [origin, destination])
    filters = Filters(side=side)
    series = mobility.commuter_series(store, filters)
    from_flows = series[series["series"] == mobility.FLOWS_SERIES].set_index("year")["value"]
    assert from_flows[2023] == pytest.approx(cross_border)
    pd.testing.assert_frame_equal(series, mobility.commuter_series(store, filters.period_only()))
    # The map still draws the commutes within the chosen side.
    on_map = mobility.flows_for_year(store, filters, 2023, "commuters", ("rail",))
    expected = {"both": {"FI-049", "EE-0784"}, "FI": {"FI-049"}, "EE": {"EE-0784"}}[side]
    assert set(on_map["origin"]) == expected


def test_flow_options_respect_the_period_range_and_units(store):
    options = mobility.flow_options(store, Filters())
    assert options.units()[0] == "passengers" and "commuters" in options.units()
    assert options.modes("passengers") == ["ferry", "air"]  # FLOW_MODES order; the 2050 tunnel is out of range
    years = [y for (y,) in plain(store, "SELECT DISTINCT year(period_start) FROM flows WHERE unit = 'passengers' "
                                        "AND year(period_start) <= year(current_date) ORDER BY 1")]
    assert options.years("passengers") == years
    assert options.years("passengers", ("air",)) == [y for (y,) in plain(
        store, "SELECT DISTINCT year(period_start) FROM flows WHERE mode = 'air' ORDER BY 1")]

    early = Filters(year_from=2005, year_to=2010)
    assert mobility.flow_options(store, early).years("passengers") == list(range(2005, 2011))
    assert mobility.flow_options(store, early).units() == ["passengers"]
    assert mobility.flows_for_year(store, early, 2024, "passengers").empty


def test_side_keeps_cross_border_flows_and_narrows_municipality_points(store):
    for side in ("FI", "EE"):
        view = Filters(side=side)
        assert len(mobility.flows_for_year(store, view, 2024, "passengers")) == 4
        points = mobility.area_points(store, view, mobility.POPULATION_INDICATOR)
        expected = plain(store, "SELECT count(*) FROM areas WHERE level = 'municipality' AND country = ? "
                                "AND lat IS NOT NULL AND lon IS NOT NULL", [side])[0][0]
        assert set(points["country"]) == {side} and len(points) == expected


def test_area_points_carry_one_period_for_every_municipality(store):
    """Helsinki's latest population is of 2024 and Tallinn's of 2025, but every municipality has one of 2020: the
    map compares 2020 on both sides, not Helsinki 2024 with Tallinn 2025."""
    points = mobility.area_points(store, Filters(), mobility.POPULATION_INDICATOR).set_index("code")
    assert set(points["period"]) == {"2020"} and points["value"].notna().all() and len(points) == 42
    in_2020 = dict(plain(store, "SELECT area, value FROM observations WHERE indicator = ? AND period = '2020'",
                         [mobility.POPULATION_INDICATOR]))
    assert points["value"].to_dict() == {code: in_2020[code] for code in points.index}
    # A period in which only some municipalities have a value leaves the others empty, not stale.
    later = mobility.area_points(store, Filters(year_from=2023), mobility.POPULATION_INDICATOR).set_index("code")
    assert later["period"].dropna().nunique() == 1 and later["value"].isna().sum() >= 38
    in_2020 = plain(store, "SELECT value FROM observations WHERE indicator = ? AND area = 'FI-091' "
                           "AND period = '2020'", [mobility.POPULATION_INDICATOR])[0][0]
    capped = mobility.area_points(store, Filters(year_to=2020), mobility.POPULATION_INDICATOR).set_index("code")
    assert capped.loc["FI-091", "value"] == in_2020
    choices = mobility.point_indicators(store, Filters(lang="fi"))
    assert choices["code"].iloc[0] == mobility.POPULATION_INDICATOR and choices["name"].iloc[0] == "Väkiluku"
    single_area = [c for (c,) in plain(store, "SELECT indicator FROM observations o JOIN areas a ON a.code = o.area "
                                              "WHERE a.level = 'municipality' GROUP BY 1 "
                                              "HAVING count(DISTINCT area) = 1")]
    assert mobility.FERRY_INDICATOR in single_area and not set(single_area) & set(choices["code"])


def test_seasonality_has_twelve_months_per_year_and_follows_the_period(store):
    months = mobility.seasonality(store, Filters())
    years = [y for (y,) in plain(store, "SELECT DISTINCT year(period_start) FROM observations "
                                        "WHERE indicator = ? ORDER BY 1", [mobility.FERRY_MONTHLY_INDICATOR])]
    assert sorted(months["year"].unique()) == years
    assert (months.groupby("year")["month"].apply(sorted) == pd.Series([list(range(1, 13))] * len(years),
                                                                     index=years)).all()
    total_2019 = plain(store, "SELECT sum(value) FROM observations WHERE indicator = ? AND period LIKE '2019-%'",
                       [mobility.FERRY_MONTHLY_INDICATOR])[0][0]
    assert months[months["year"] == 2019]["value"].sum() == pytest.approx(total_2019)
    assert set(mobility.seasonality(store, Filters(year_from=2023))["year"]) == {y for y in years if y >= 2023}


def test_ferry_series_has_estimate_bounds_and_flags(store):
    series = mobility.indicator_series(store, Filters(year_from=2015, year_to=2024), mobility.FERRY_INDICATOR)
    expected = plain(store, "SELECT count(*) FROM observations WHERE indicator = ? "
                            "AND period BETWEEN '2015' AND '2024'", [mobility.FERRY_INDICATOR])[0][0]
    assert len(series) == expected
    banded = series.dropna(subset=["value_low", "value_high"])
    assert not banded.empty and (banded["value_low"] <= banded["value"]).all()
    assert "estimate" in set(series["flag"].dropna())


def test_has_data_and_empty_database(store, empty_db):
    assert mobility.has_data(store)
    empty = open_store(empty_db)
    assert not mobility.has_data(empty)
    region = mobility.twin_region(empty, Filters())
    assert region.year is None and region.flows.empty


def test_twin_region_takes_the_latest_passenger_year(store):
    region = mobility.twin_region(store, Filters())
    latest = plain(store, "SELECT max(year(period_start)) FROM flows WHERE unit = 'passengers' "
                          "AND year(period_start) <= year(current_date)")[0][0]
    assert (region.year, region.unit) == (latest, "passengers")
    fig = figures.twin_region_map(region.areas, region.flows, "en", region.indicator_name)
    assert len(_flow_trace(fig).hovertext) == len(region.flows)


# -- figures ---------------------------------------------------------------------------------------
def _flows_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "origin": ["EE-0784", "FI-091", "EE-0784"], "destination": ["FI-091", "EE-0784", "FI-092"],
        "origin_name": ["Tallinn", "Helsinki (Helsingfors)", "Tallinn"],
        "destination_name": ["Helsinki (Helsingfors)", "Tallinn", "Vantaa (Vanda)"],
        "origin_lat": [59.437, 60.171, 59.437], "origin_lon": [24.754, 24.933, 24.754],
        "destination_lat": [60.171, 59.437, 60.289], "destination_lon": [24.933, 24.754, 25.030],
        "mode": ["ferry", "ferry", "air"], "unit": ["passengers"] * 3, "year": [2024] * 3,
        "volume": [3_600_000.0, 3_500_000.0, 60_000.0], "source": ["Port", "Port", "Finavia"], "note": [None] * 3,
    })


def _areas_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["FI-091", "EE-0784", "FI-078"], "name": ["Helsinki (Helsingfors)", "Tallinn", "Hanko (Hangö)"],
        "country": ["FI", "EE", "FI"], "region": ["Helsinki-Uusimaa", "Harju County", "Helsinki-Uusimaa"],
        "lat": [60.171, 59.437, 59.823], "lon": [24.933, 24.754, 22.968],
        "value": [684018.0, 461602.0, None], "period": ["2024", "2025", None], "flag": [None] * 3,
    })


def _flow_trace(fig):
    return next(trace for trace in fig.data if trace.name == "flows")


def _traces(fig, suffix: str = "") -> list:
    return [trace for trace in fig.data if trace.name and trace.name.endswith(suffix)]


def test_map_is_drawn_over_the_regions_geography_without_tiles():
    fig = figures.go.Figure(figures.twin_region_map(_areas_frame(), _flows_frame(), "en", "Population").to_dict())
    # Land of both countries first, then every municipality of both regions (three of them in this frame).
    assert [trace.name for trace in fig.data[:2]] == ["FI", "EE"]
    municipalities = [trace.name for trace in fig.data if trace.hoveron == "fills"]
    assert municipalities == ["FI-091", "EE-0784", "FI-078"]
    # No geo subplot (it loads a world topojson from a CDN) and no tile map: plain x/y axes.
    assert {trace.type for trace in fig.data} == {"scatter"} and not fig.layout.geo.projection.type
    assert not fig.layout.map.style and "mapbox" not in fig.to_dict()["layout"]
    assert "Maa-amet" in fig.layout.annotations[0].text


def test_arcs_coloured_by_mode_and_wider_with_volume_with_a_legend():
    flows = _flows_frame()
    fig = figures.twin_region_map(_areas_frame(), flows, "en")
    assert len(_flow_trace(fig).hovertext) == len(flows)
    lines = {trace.name: trace.line for trace in fig.data if trace.mode == "lines" and "-" in trace.name
             and trace.name.split("-")[0] in figures.MODE_COLOURS}
    # Ferry 3.6 and 3.5 million: the widest class; air 60,000: two decades below, narrower.
    assert lines["ferry-0"].width == figures.ARC_WIDTHS_PX[0] and lines["air-2"].width == figures.ARC_WIDTHS_PX[2]
    assert lines["ferry-0"].color == figures.MODE_COLOURS["ferry"] and lines["air-2"].color == figures.MODE_COLOURS[
        "air"]
    widths = figures.arc_widths([100_000, 900, 40, 1])
    assert widths == sorted(widths, reverse=True) and widths[0] > widths[-1]
    legend = [trace for trace in fig.data if trace.showlegend]
    assert [trace.name for trace in legend if trace.legendgroup == "modes"] == ["Ferry", "Air"]
    assert [trace.name for trace in legend if trace.legendgroup == "widths"] == ["1,000,000–9,999,999",
                                                                                   "10,000–99,999"]
    assert legend[0].legendgrouptitle.text == t("Arc colour: mode", "en")
    # Municipalities: grey by value, hatched without one, with a colour bar and a legend entry.
    fills = {trace.name: trace for trace in fig.data if trace.hoveron == "fills"}
    assert fills["FI-078"].fillpattern.shape == "/" and not fills["FI-091"].fillpattern.shape
    assert any(trace.name == t("No data", "en") for trace in legend)


def test_flow_map_is_fitted_to_the_side_and_its_arcs(store):
    region = mobility.twin_region(store, Filters(side="EE"))
    estonia = figures.twin_region_map(region.areas, region.flows, "en", region.indicator_name)
    (west, east), (south, north) = estonia.layout.xaxis.range, estonia.layout.yaxis.range
    # Only Harju's municipalities are drawn, but the arcs to Helsinki and Vantaa stay whole in the frame.
    assert {trace.name[:2] for trace in estonia.data if trace.hoveron == "fills"} == {"EE"}
    arc_points = [(x, y) for trace in estonia.data if trace.mode == "lines" and trace.name.split("-")[0] in
                  figures.MODE_COLOURS for x, y in zip(trace.x, trace.y, strict=True) if x is not None]
    assert arc_points and all(west <= x <= east and south <= y <= north for x, y in arc_points)
    assert north > 60.25  # Vantaa


def test_tooltips_labels_and_title_are_translated():
    fig = figures.twin_region_map(_areas_frame(), _flows_frame(), "fi", "Väkiluku")
    hovers = list(_flow_trace(fig).hovertext)
    assert hovers[0] == "<b>Tallinn → Helsinki (Helsingfors)</b><br>Laiva, 2024<br>3\u00a0600\u00a0000 matkustajaa"
    fills = {trace.name: trace.text for trace in fig.data if trace.hoveron == "fills"}
    assert fills["FI-091"].endswith("Väkiluku: 684\u00a0018 (2024)") and "ei arvoa" in fills["FI-078"]
    names = set(next(trace for trace in fig.data if trace.name == "labels").text)
    assert {"Helsinki", "Tallinn"} <= names
    assert "Suomenlahti" in {text for trace in fig.data if trace.name == "sea" for text in trace.text}
    et = list(_flow_trace(figures.twin_region_map(_areas_frame(), _flows_frame(), "et")).hovertext)
    assert "Laev, 2024" in et[0] and et[0].endswith("reisijat")
    assert figures.flow_map_title("passengers", 2024, "fi") == "Matkustajat alueiden välillä vuonna 2024"
    assert figures.flow_map_title("commuters", 2023, "et") == "Pendeldajad piirkondade vahel, 2023"
    assert list(figures.flows_table(_flows_frame(), "fi").columns[:3]) == ["Mistä", "Mihin", "Kulkumuoto"]


def test_flow_map_json_stays_small(store):
    import plotly.io as pio

    region = mobility.twin_region(store, Filters())
    fig = figures.twin_region_map(region.areas, region.flows, "fi", region.indicator_name)
    assert len(pio.to_json(fig, validate=False).encode()) <= 500_000


def test_ferry_figure_shows_band_flags_units_and_source(store):
    series = mobility.indicator_series(store, Filters(lang="fi"), mobility.FERRY_INDICATOR)
    fig = figures.annual_series_figure(series, "fi")
    name = series["indicator_name"].iloc[0]
    assert fig.layout.title.text.replace("<br>", " ") == f"{name} vuosittain"
    assert fig.layout.yaxis.title.text == "Matkustajat vuodessa"
    assert fig.layout.separators == ", "
    band = [trace for trace in fig.data if trace.fill == "tonexty"]
    banded = series.dropna(subset=["value_low"])
    assert len(band) == 1 and list(band[0].y) == list(banded["value_low"])
    line = next(trace for trace in fig.data if trace.name == name)
    assert list(line.y) == list(series["value"])
    assert "circle-open" in line.marker.symbol and "diamond" in line.marker.symbol
    assert {trace.name for trace in fig.data} >= {"Arvio", "Aikasarjan katko", t("Estimate range (low–high)", "fi")}
    assert series["indicator_source"].iloc[0] in fig.layout.annotations[0].text.replace("<br>", " ")
    table = figures.annual_series_table(series, "fi")
    assert len(table) == len(series) and "Arvio, alaraja" in table.columns


def test_seasonality_figure_one_line_per_year_with_localised_months(store):
    months = mobility.seasonality(store, Filters(lang="et"))
    fig = figures.seasonality_figure(months, "et")
    assert [trace.name for trace in fig.data] == [str(y) for y in sorted(months["year"].unique())]
    assert list(fig.data[0].x) == figures.month_names("et") and fig.data[0].x[0] == "jaan"
    assert fig.layout.xaxis.title.text == "Kuu" and fig.layout.yaxis.title.text == "Reisijad kuus"
    assert figures.month_names("fi")[0] == "tammi"


def test_commuters_figure_keeps_its_two_sources_apart(store):
    frame = mobility.commuter_series(store, Filters())
    fig = figures.commuters_figure(frame, "en")
    lines = {trace.name: list(trace.y) for trace in fig.data if trace.mode == "lines+markers"}
    assert lines[t("Sum of the municipal pairs in the flows table", "en")] == list(
        frame[frame["series"] == mobility.FLOWS_SERIES].sort_values("year")["value"])
    assert fig.layout.title.text == t("Commuters between Estonia and Finland per year", "en")
    assert len(figures.commuters_table(frame, "en")) == len(frame)


# -- the page in AppTest -----------------------------------------------------------------------------
def _array(value: list | dict) -> list:
    """A plotly JSON array: a plain list, or a typed array {"dtype", "bdata" (base64)}."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def _arcs(at) -> list[dict]:
    """The arcs of the page's map: mode and hover text of each."""
    (spec,) = map_specs(at)
    flows = next((trace for trace in spec["data"] if trace.get("name") == "flows"), {"customdata": [],
                                                                                      "hovertext": []})
    return [{"mode": mode, "hover": hover} for mode, hover in zip(flows["customdata"], flows["hovertext"],
                                                                  strict=True)]


def _charts(at) -> list:
    """The page's plotly charts other than the map."""
    return [chart for chart in at.get("plotly_chart")
            if not any(trace.get("hoveron") == "fills" for trace in json.loads(chart.proto.spec)["data"])]


def test_page_shows_map_table_and_charts_on_the_demo(store):
    at = run_app(page="pages/mobility.py")
    assert not at.exception
    assert at.title[0].value == t("Mobility", "en")
    region = mobility.twin_region(store, Filters())
    assert at.subheader[0].value == figures.flow_map_title("passengers", region.year, "en")
    assert len(_arcs(at)) == len(region.flows) == len(at.dataframe[0].value)
    assert len(_charts(at)) == 4 and len(map_specs(at)) == 1
    assert len(at.get("download_button")) >= 2 * 6


def test_chart_tables_are_built_only_when_downloaded(store, monkeypatch):
    """The four charts' data tables exist only for their CSV / Excel buttons: no run builds them (the browser test
    in tests/test_browser_downloads.py clicks one and gets it)."""
    built: list[str] = []
    for name in ("annual_series_table", "commuters_table", "seasonality_table"):
        original = getattr(figures, name)
        monkeypatch.setattr(figures, name, lambda *args, _name=name, _original=original, **kwargs: (
            built.append(_name), _original(*args, **kwargs))[1])
    at = run_app(page="pages/mobility.py")
    assert not at.exception
    assert len(_charts(at)) == 4 and len(at.get("download_button")) >= 2 * 5
    assert built == []


def _ferry_years(at) -> list[int]:
    ferry = json.loads(_charts(at)[0].proto.spec)
    return sorted({int(x) for trace in ferry["data"] if trace.get("mode") == "lines+markers"
                   for x in _array(trace["x"])})


def test_an_import_and_its_rollback_show_at_once_in_charts_built_before(editor, tmp_path,
                                                                         monkeypatch):
    """An import or a rollback through the Data page clears the cached query results: the ferry chart drawn before
    gains the imported year, then loses it again."""
    at = sign_in(run_app(), "eeva", "a long password")
    at.switch_page("pages/mobility.py").run()
    before = _ferry_years(at)
    assert before and 2025 not in before
    at.run()
    assert _ferry_years(at) == before

    workbook = write_xlsx(tmp_path / "ferry2025.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2025", value=7_500_000.0)])})
    at.switch_page("pages/data.py").run()
    at.file_uploader[0].upload("ferry2025.xlsx", workbook.read_bytes(),
                               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").run()
    next(b for b in at.button if b.label == t("Import now", "en")).click().run()
    assert not at.exception
    at.switch_page("pages/mobility.py").run()
    assert not at.exception and _ferry_years(at) == [*before, 2025]

    at.switch_page("pages/data.py").run()
    next(b for b in at.button if b.label == t("Roll back…", "en")).click().run()
    next(b for b in at.button if b.label == t("Yes, roll back", "en")).click().run()
    assert not at.exception
    at.switch_page("pages/mobility.py").run()
    assert not at.exception and _ferry_years(at) == before


def test_page_filters_change_the_shown_flows(store):
    at = run_app(page="pages/mobility.py")
    at.multiselect(key="mob_modes").select("air").run()
    assert not at.exception
    assert set(at.dataframe[0].value["Mode"]) == {"Air"}
    assert {arc["mode"] for arc in _arcs(at)} == {"air"}
    at.select_slider(key="mob_year").set_value(2019).run()
    assert at.subheader[0].value == figures.flow_map_title("passengers", 2019, "en")
    assert set(at.dataframe[0].value["Year"]) == {2019}

    linked = run_app(page="pages/mobility.py", query={"lang": "en", "mob_unit": "commuters", "mob_year": "2018"})
    assert not linked.exception
    expected = plain(store, "SELECT count(*) FROM flows WHERE unit = 'commuters' AND period = '2018'")[0][0]
    assert len(linked.dataframe[0].value) == expected
    assert set(linked.dataframe[0].value["Unit"]) == {"Commuters"}


def test_page_follows_the_global_period_and_side(store):
    at = run_app(page="pages/mobility.py", query={"lang": "en", "side": "EE", "from": "2005", "to": "2010"})
    assert not at.exception
    assert at.subheader[0].value == figures.flow_map_title("passengers", 2010, "en")
    assert len(at.dataframe) == 1  # the municipalities' table is made only when its expander is opened
    at.session_state["mob_points_open"] = True  # what a click on the expander sets
    at.run()
    points = at.dataframe[1].value
    assert set(points["Country"]) == {"EE"}
    ferry = json.loads(_charts(at)[0].proto.spec)
    years = [x for trace in ferry["data"] if trace.get("mode") == "lines+markers" for x in _array(trace["x"])]
    assert years and min(years) >= 2005 and max(years) <= 2010


@pytest.mark.parametrize("lang", ["fi", "et"])
def test_page_in_finnish_and_estonian(demo_copy, lang):
    at = run_app(page="pages/mobility.py", query={"lang": lang, "mob_year": "not-a-year"})
    assert not at.exception
    assert at.title[0].value == t("Mobility", lang)
    latest = mobility.twin_region(open_store(demo_copy), replace(Filters(), lang=lang)).year
    assert at.subheader[0].value == figures.flow_map_title("passengers", latest, lang)
    assert t(NP_("mobility.col", "From"), lang) in at.dataframe[0].value.columns
    assert any(f"{t('Ferry', lang)}, {latest}" in arc["hover"] for arc in _arcs(at))


def test_page_on_an_empty_database_shows_the_empty_state(empty_db):
    at = run_app(page="pages/mobility.py")
    assert not at.exception
    assert [i.value for i in at.info] == [t("No mobility data yet. An official can import the demo workbooks with "
                                            "`python -m twinreg_data init --demo`, or upload flows and observations "
                                            "in the template.", "en")]
    assert not at.get("plotly_chart")


def test_page_with_a_period_without_mobility_data_shows_empty_states(demo_copy):
    at = run_app(page="pages/mobility.py", query={"lang": "en", "from": "2000", "to": "2004"})
    assert not at.exception
    assert at.caption[1].value == t("No flows for this unit, these modes and this year; the map shows municipalities "
                                    "only.", "en")
    assert len(at.get("plotly_chart")) == len(map_specs(at)) == 1  # the municipalities, without a value
    assert [i.value for i in at.info].count(t("Nothing matches the current filters. Widen the domains, side or "
                                              "period in the sidebar.", "en")) == 4


def test_municipalities_counted_in_people_are_shaded_per_1000_inhabitants(store):
    view = Filters()
    indicators = mobility.point_indicators(store, view)
    assert mobility.shaded_per_1000(indicators, "INT_EE_SPEAKERS_FI")
    assert not mobility.shaded_per_1000(indicators, mobility.POPULATION_INDICATOR)
    areas = mobility.area_points(store, view, "INT_EE_SPEAKERS_FI")
    valued = areas.dropna(subset=["value"])
    assert len(valued) == 5 and set(valued["period"]) == {"2017"}
    # The population beside each value: the population indicator's nearest year (2020 in the demo).
    in_2020 = dict(plain(store, "SELECT area, value FROM observations WHERE indicator = ? AND period = '2020'",
                         [mobility.POPULATION_INDICATOR]))
    assert dict(zip(valued["code"], valued["population"], strict=True)) == {c: in_2020[c] for c in valued["code"]}
    fig = figures.twin_region_map(areas, mobility.flows_for_year(store, view, 2024, "passengers"), "en",
                                  "Estonian speakers", per_capita=True)
    fills = {trace.name: trace.text for trace in fig.data if trace.hoveron == "fills"}
    helsinki = valued.set_index("code").loc["FI-091"]
    per_1000 = helsinki["value"] / helsinki["population"] * 1000
    assert t("{value} per 1,000 inhabitants", "en", value=f"{per_1000:.1f}") in fills["FI-091"]
    (bar,) = [trace for trace in fig.data if trace.marker and trace.marker.showscale]
    assert t("Per 1,000 inhabitants", "en") in bar.marker.colorbar.title.text
    at = run_app(page="pages/mobility.py", query={"lang": "en", "mob_pt": "INT_EE_SPEAKERS_FI"})
    assert not at.exception
    (spec,) = map_specs(at)
    assert any("per 1,000 inhabitants" in (trace.get("text") or "") for trace in spec["data"]
               if trace.get("hoveron") == "fills")
