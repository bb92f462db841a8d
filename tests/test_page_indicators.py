"""Indicators page: read models, figure builders and the real page in AppTest, on the demo database."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest
from conftest import run_app
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from twinreg_data.figures import indicators as figures
from twinreg_data.filters import Filters
from twinreg_data.i18n import NP_, t
from twinreg_data.labels import INDICATORS_COL_LABELS, INDICATORS_TAB_LABELS
from twinreg_data.queries import indicators as queries
from twinreg_data.store import open_store

PAGE = "pages/indicators.py"


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


def _plain_series(store, code: str, countries=("FI", "EE"), first: str = "2000-01-01", last: str = "2100-12-31"):
    return store.query(
        "SELECT o.area, o.period, o.value FROM observations o JOIN areas a ON a.code = o.area "
        "WHERE o.indicator = ? AND a.country IN (SELECT unnest(?::VARCHAR[])) "
        "AND o.period_start BETWEEN ?::DATE AND ?::DATE ORDER BY o.area, o.period_start",
        [code, list(countries), first, last],
    )


def _rows(frame: pd.DataFrame) -> list[tuple]:
    ordered = frame.sort_values(["area", "period_start"])
    return list(zip(ordered["area"], ordered["period"], ordered["value"], strict=True))


# -- read models ---------------------------------------------------------------------------------


def test_series_of_ferry_passengers_equals_plain_sql(store):
    frame = queries.series(store, Filters(), "MOB_FERRY_PAX")
    expected = _plain_series(store, "MOB_FERRY_PAX")
    assert len(expected) == 20  # demo: Helsinki–Tallinn passengers 2005–2024
    assert _rows(frame) == expected
    assert list(frame["period_start"]) == sorted(frame["period_start"])  # one area: chronological
    assert set(frame["country"]) == {"FI"}
    row_2016 = frame[frame["period"] == "2016"].iloc[0]
    assert row_2016["flag"] == "break" and row_2016["value"] == 8_740_000


def test_side_filter_selects_the_country_series(store):
    both = queries.series(store, Filters(), "TAX_DOUBLE_CASES")
    finland = queries.series(store, Filters(side="FI"), "TAX_DOUBLE_CASES")
    estonia = queries.series(store, Filters(side="EE"), "TAX_DOUBLE_CASES")
    assert set(both["country"]) == {"FI", "EE"}
    assert set(finland["country"]) == {"FI"} and set(estonia["country"]) == {"EE"}
    assert _rows(finland) == _plain_series(store, "TAX_DOUBLE_CASES", ("FI",))
    assert _rows(estonia) == _plain_series(store, "TAX_DOUBLE_CASES", ("EE",))
    assert len(finland) + len(estonia) == len(both)
    assert list(both["country"].iloc[:1]) == ["FI"]  # Finland first
    # Ferry passengers are counted at Helsinki only: nothing on the Estonian side.
    assert queries.series(store, Filters(side="EE"), "MOB_FERRY_PAX").empty


def test_year_range_trims_periods(store):
    frame = queries.series(store, Filters(year_from=2010, year_to=2015), "MOB_FERRY_PAX")
    assert list(frame["period"]) == [str(y) for y in range(2010, 2016)]
    assert _rows(frame) == _plain_series(store, "MOB_FERRY_PAX", first="2010-01-01", last="2015-12-31")
    quarterly = queries.series(store, Filters(year_from=2023, year_to=2023), "SOC_KELA_DECISION_DAYS")
    assert set(quarterly["period"]) == {f"2023-Q{q}" for q in range(1, 5)}


def test_choices_follow_the_domain_filter(store):
    choices = queries.indicator_choices(store, Filters(domains=("taxation", "digital")))
    expected = {r[0]: r[1] for r in store.query(
        "SELECT i.code, count(o.value) FROM indicators i LEFT JOIN observations o ON o.indicator = i.code "
        "WHERE i.domain IN ('taxation', 'digital') GROUP BY i.code")}
    assert dict(zip(choices["code"], choices["observations"], strict=True)) == expected
    assert list(dict.fromkeys(choices["domain"])) == ["taxation", "digital"]  # domain order of the taxonomy
    finnish = queries.indicator_choices(store, Filters(lang="fi", domains=("taxation",)))
    names_fi = dict(store.query("SELECT code, name_fi FROM indicators WHERE domain = 'taxation'"))
    assert dict(zip(finnish["code"], finnish["name"], strict=True)) == names_fi


def test_meta_last_updated_is_the_latest_import_of_its_observations(store):
    meta = queries.indicator_meta(store, Filters(lang="et"), "MOB_FERRY_PAX")
    uploaded = store.scalar("SELECT max(m.uploaded_at) FROM imports m JOIN observations o ON o.import_id = m.id "
                            "WHERE o.indicator = 'MOB_FERRY_PAX'")
    assert meta.last_updated == uploaded.date()
    assert meta.name == store.scalar("SELECT name_et FROM indicators WHERE code = 'MOB_FERRY_PAX'")
    assert meta.polarity == "higher_better" and meta.unit == "passengers" and meta.break_notes
    assert queries.indicator_meta(store, Filters(), "NO_SUCH") is None


def _last_two(store, code: str, area: str) -> tuple[float, float]:
    rows = store.query("SELECT value FROM observations WHERE indicator = ? AND area = ? "
                       "ORDER BY period_start DESC LIMIT 2", [code, area])
    return rows[0][0], rows[1][0]


def test_latest_change_sign_follows_the_data(store):
    changes = queries.latest_changes(store, Filters(), "TAX_DOUBLE_CASES").set_index("country")
    for country in ("FI", "EE"):
        latest, previous = _last_two(store, "TAX_DOUBLE_CASES", country)
        assert changes.loc[country, "value"] == latest
        assert changes.loc[country, "change"] == pytest.approx(latest - previous)
        assert changes.loc[country, "change_pct"] == pytest.approx((latest - previous) / previous)
    # The period filter moves "latest": up to 2021 the double-taxation cases were still rising.
    until_2021 = queries.latest_changes(store, Filters(year_to=2021), "TAX_DOUBLE_CASES").set_index("country")
    assert (until_2021["period"] == "2021").all() and (until_2021["change"] > 0).all()


@pytest.mark.parametrize(
    ("code", "direction", "expected"),
    [
        ("MOB_FERRY_PAX", "up", queries.IMPROVED),  # higher_better, rising
        ("MOB_FERRY_PAX", "down", queries.WORSENED),  # higher_better, falling
        ("SOC_KELA_DECISION_DAYS", "up", queries.WORSENED),  # higher_worse, rising
        ("SOC_KELA_DECISION_DAYS", "down", queries.IMPROVED),  # higher_worse, falling
        ("MOB_AIR_PAX", "up", queries.NEUTRAL),  # neutral polarity: no judgement
    ],
)
def test_polarity_decides_whether_a_change_is_an_improvement(store, code, direction, expected):
    # Rewrite the latest value of every area of the indicator (twice the series' highest value, or half its lowest,
    # with no estimate range) so the direction is known and clear whatever period it is compared with.
    factor, extreme = (2.0, "max") if direction == "up" else (0.5, "min")
    with store.transaction() as cur:
        cur.execute(
            f"UPDATE observations o SET value = p.value * ?, value_low = NULL, value_high = NULL FROM ("
            f" SELECT area, {extreme}(value) OVER (PARTITION BY area) AS value, period"
            " FROM observations WHERE indicator = ? QUALIFY row_number() OVER "
            " (PARTITION BY area ORDER BY period_start DESC) = 1) p "
            "WHERE o.indicator = ? AND o.area = p.area AND o.period = p.period",
            [factor, code, code],
        )
    changes = queries.latest_changes(store, Filters(), code)
    assert not changes.empty
    assert (changes["change"] > 0).all() if direction == "up" else (changes["change"] < 0).all()
    assert set(changes["assessment"]) == {expected}
    # st.metric colours the delta from its sign and delta_color: green for an improvement, red otherwise.
    colour = queries.delta_color(changes["assessment"].iloc[0], changes["change"].iloc[0])
    delta = figures.delta_text(changes["change"].iloc[0], changes["change_pct"].iloc[0], "fi")
    assert delta.startswith("+" if direction == "up" else "-")
    shown = {("normal", "+"): "green", ("normal", "-"): "red", ("inverse", "+"): "red",
             ("inverse", "-"): "green"}.get((colour, delta[0]), "grey")
    assert shown == {queries.IMPROVED: "green", queries.WORSENED: "red"}.get(expected, "grey")


def test_overview_assessment_matches_polarity_for_every_indicator(store):
    frame = queries.domain_overview(store, Filters())
    counted = store.scalar("SELECT count(DISTINCT (o.indicator, a.country)) FROM observations o "
                           "JOIN areas a ON a.code = o.area")
    assert len(frame) == counted
    for row in frame.itertuples():
        if pd.isna(row.change):
            assert row.assessment == queries.NOT_COMPARABLE
            continue
        # Written out independently: each figure outside the other's range (its value when it has none).
        low, high = (row.value if pd.isna(b) else b for b in (row.value_low, row.value_high))
        prev_low, prev_high = (row.previous_value if pd.isna(b) else b for b in (row.previous_low, row.previous_high))
        clear = ((row.value > prev_high and row.previous_value < low)
                 or (row.value < prev_low and row.previous_value > high))
        if row.broken:
            assert row.assessment == queries.NOT_COMPARABLE
        elif not clear:
            assert row.assessment == queries.NO_CLEAR_CHANGE
        elif row.polarity == "neutral":
            assert row.assessment == queries.NEUTRAL
        else:
            better = (row.change > 0) == (row.polarity == "higher_better")
            assert row.assessment == (queries.IMPROVED if better else queries.WORSENED)
    # The demo covers a clear improvement, a change within the estimate ranges and a neutral indicator's move.
    assert {"improved", "no_clear_change", "neutral"} <= set(frame["assessment"])
    taxation = queries.domain_overview(store, Filters(domains=("taxation",)))
    assert set(taxation["domain"]) == {"taxation"}
    finland = queries.domain_overview(store, Filters(side="FI"))
    assert set(finland["country"]) == {"FI"}


def test_map_values_are_one_period_with_the_population_of_that_year(store):
    periods, default = queries.map_period_choices(queries.map_periods(store, Filters(), "INT_POPULATION"), Filters())
    # Every year with municipal figures can be chosen; the map opens on the one most municipalities have (2020: all
    # 42), not on the latest, where Helsinki (2024) or Tallinn (2025) would stand alone.
    assert periods == ["2020", "2023", "2024", "2025"] and default == "2020"
    no_municipal = queries.map_periods(store, Filters(), "TAX_DOUBLE_CASES")
    assert queries.map_period_choices(no_municipal, Filters()) == ([], None)
    values = queries.map_values(store, Filters(), "INT_POPULATION", "2020")
    expected = store.query(
        "SELECT o.area, o.value FROM observations o JOIN areas a ON a.code = o.area "
        "WHERE o.indicator = 'INT_POPULATION' AND a.level = 'municipality' AND o.period = '2020'")
    assert dict(zip(values["area"], values["value"], strict=True)) == dict(expected) and len(values) == 42
    assert set(values["period"]) == {"2020"}
    # The population beside a value is that of the same year, or the nearest one.
    assert (values["population"] == values["value"]).all() and set(values["population_period"]) == {"2020"}
    speakers = queries.map_values(store, Filters(), "EDU_FI_STUDENTS_EE", "2017")
    assert speakers.empty  # a national figure only
    speakers = queries.map_values(store, Filters(), "INT_EE_SPEAKERS_FI", "2017")
    population_2020 = dict(store.query("SELECT area, value FROM observations WHERE indicator = 'INT_POPULATION' "
                                       "AND period = '2020'"))
    assert dict(zip(speakers["area"], speakers["population"], strict=True)) == {
        area: population_2020[area] for area in speakers["area"]}


def test_values_of_people_are_mapped_per_1000_inhabitants_but_not_the_population(store):
    view = Filters()
    assert queries.per_1000(queries.indicator_meta(store, view, "INT_EE_SPEAKERS_FI"))  # persons
    assert not queries.per_1000(queries.indicator_meta(store, view, "INT_POPULATION"))  # persons, but itself
    assert not queries.per_1000(queries.indicator_meta(store, view, "LEG_RESIDENCE_REG_DAYS"))  # days
    values = queries.map_values(store, view, "INT_EE_SPEAKERS_FI", "2017")
    shown = figures.map_measure(values, True)
    assert shown.tolist() == pytest.approx((values["value"] / values["population"] * 1000).tolist(), abs=1e-4)


def test_both_cards_show_the_same_period_and_say_which(demo_copy):
    store = open_store(demo_copy)
    latest = queries.latest_change_of(queries.domain_overview(store, Filters()), "INT_POPULATION")
    assert list(latest["period"]) == ["2024", "2025"]  # Helsinki's latest against Tallinn's latest
    rows = queries.series(store, Filters(), "INT_POPULATION")
    moved, changed = queries.latest_common_changes(latest, rows)
    assert changed and list(moved["period"]) == ["2020", "2020"]
    assert list(moved["area"]) == list(latest["area"])
    assert list(moved["value"]) == [store.query(
        "SELECT value FROM observations WHERE indicator = 'INT_POPULATION' AND area = ? AND period = '2020'",
        [area])[0][0] for area in latest["area"]]
    at = run_app(page=PAGE, query={"lang": "en", "ind": "INT_POPULATION"})
    assert not at.exception
    assert [m.label.endswith("(2020)") for m in at.metric] == [True, True]
    assert t("Both cards show {period}, the latest period with figures on both sides.", "en", period="2020") in [
        c.value for c in at.caption]
    # Periods that already agree are left alone.
    same = queries.latest_change_of(queries.domain_overview(store, Filters()), "TAX_DOUBLE_CASES")
    assert queries.latest_common_changes(same, queries.series(store, Filters(), "TAX_DOUBLE_CASES"))[1] is False


# -- figure builders -----------------------------------------------------------------------------


def _series_figure(store, code: str, lang: str = "en", **filter_args):
    view = Filters(lang=lang, **filter_args)
    return figures.series_figure(queries.series(store, view, code), queries.indicator_meta(store, view, code), lang)


def test_estimate_ranges_are_drawn_as_bands(store):
    fig = _series_figure(store, "TAX_DOUBLE_CASES")
    bands = [tr for tr in fig.data if tr.fill == "toself"]
    assert len(bands) == 2  # one per country (each has one area, all with bounds)
    assert {tr.name for tr in bands} == {t("Estimate range", "en")}
    frame = queries.series(store, Filters(side="FI"), "TAX_DOUBLE_CASES")
    fi_band = next(tr for tr in bands if tr.xaxis == "x")
    assert max(fi_band.y) == frame["value_high"].max() and min(fi_band.y) == frame["value_low"].min()
    # No bounds in the data, no band.
    assert not [tr for tr in _series_figure(store, "INT_EE_SPEAKERS_FI").data if tr.fill == "toself"]


@pytest.mark.parametrize("code", ["MOB_FERRY_PAX", "DIG_EID_SERVICES", "INT_EE_CITIZENS_FI"])
def test_break_markers_count_equals_break_flagged_observations(store, code):
    breaks = store.scalar("SELECT count(*) FROM observations WHERE indicator = ? AND flag = 'break'", [code])
    assert breaks >= 1
    fig = _series_figure(store, code)
    markers = [tr for tr in fig.data if tr.name == t("Series break", "en")]
    assert sum(len(tr.x) for tr in markers) == breaks
    # Trimming the period past the break removes its marker.
    later = _series_figure(store, code, year_from=2020)
    later_breaks = store.scalar("SELECT count(*) FROM observations WHERE indicator = ? AND flag = 'break' "
                                "AND period_start >= '2020-01-01'", [code])
    assert sum(len(tr.x) for tr in later.data if tr.name == t("Series break", "en")) == later_breaks


def test_series_figure_is_titled_and_translated(store):
    fig = _series_figure(store, "TAX_DOUBLE_CASES", lang="fi")
    meta = queries.indicator_meta(store, Filters(lang="fi"), "TAX_DOUBLE_CASES")
    assert fig.layout.title.text == meta.name
    assert fig.layout.yaxis.title.text == t("count", "fi")
    assert fig.layout.xaxis.title.text == t("Period", "fi")
    texts = [a.text for a in fig.layout.annotations]
    assert t("Finland", "fi") in texts and t("Estonia", "fi") in texts  # panel titles: Suomi, Viro
    assert t("Source: {source}", "fi", source=meta.source) in texts
    lines = [tr for tr in fig.data if tr.mode == "lines+markers"]
    assert [tr.line.color for tr in lines] == [figures.COUNTRY_COLOURS["FI"], figures.COUNTRY_COLOURS["EE"]]
    assert "Arvio" in lines[0].hovertext[0]  # the estimate flag is in the hover, in Finnish
    single = _series_figure(store, "TAX_DOUBLE_CASES", side="EE")
    assert [a.text for a in single.layout.annotations if a.text in ("Finland", "Estonia")] == ["Estonia"]


def test_many_areas_share_one_legend_entry_per_country(store):
    fig = _series_figure(store, "INT_POPULATION")
    frame = queries.series(store, Filters(), "INT_POPULATION")
    lines = [tr for tr in fig.data if tr.mode == "lines+markers"]
    # Every area is drawn: the headline area's line and the others' lines joined into one trace per country,
    # with a gap (a missing value) between two areas, so every observation is a point of one of four traces …
    assert len(lines) == 4 and frame["area"].nunique() > 10
    points = [(x, y) for tr in lines for x, y in zip(tr.x, tr.y, strict=True) if not pd.isna(y)]
    assert len(points) == len(frame)
    assert sum(int(pd.isna(y)) for tr in lines for y in tr.y) == frame["area"].nunique() - 4
    hover = [text for tr in lines for text, y in zip(tr.hovertext, tr.y, strict=True) if not pd.isna(y)]
    assert sorted(h.split("</b>")[0].removeprefix("<b>") for h in hover) == sorted(frame["area_label"])
    legend = [tr.name for tr in lines if tr.showlegend is not False]
    headline = frame[frame["area_rank"] == 1].drop_duplicates("country")["area_label"]
    # … but the legend names only the headline area of each country plus one "other areas" entry each.
    assert legend == [headline.iloc[0], t("Other areas ({country})", "en", country="Finland"),
                      headline.iloc[1], t("Other areas ({country})", "en", country="Estonia")]


def _map(store, code: str, lang: str = "en", side: str = "both", period: str | None = None):
    view = Filters(lang=lang, side=side)
    meta = queries.indicator_meta(store, view, code)
    periods, default = queries.map_period_choices(queries.map_periods(store, view, code), view)
    period = period or default
    values = queries.map_values(store, view, code, period)
    values = values[values["country"].isin(view.countries)]
    areas = queries.map_areas(store, view)
    return figures.municipal_map(areas, values, meta, period, lang, queries.per_1000(meta)), values, areas


def _fills(fig) -> dict[str, dict]:
    return {trace.name: trace for trace in fig.data if trace.type == "scatter" and trace.hoveron == "fills"}


def test_indicator_map_is_a_choropleth_of_both_regions_with_a_legend(store):
    fig, values, areas = _map(store, "INT_POPULATION", "et")
    go_fig = figures.go.Figure(fig.to_dict())  # validates every property
    fills = _fills(go_fig)
    # Every municipality of both regions is a filled shape, keyed by its code, coloured by its value.
    assert set(fills) == set(areas["area"]) and len(fills) == 42
    colours = {code: trace.fillcolor for code, trace in fills.items()}
    assert colours["FI-091"] != colours["FI-616"] and all(not trace.fillpattern.shape for trace in fills.values())
    # Larger reads brighter along viridis (yellow at the top): Helsinki the brightest, Pukkila the darkest.
    from plotly.colors import sample_colorscale
    assert colours["FI-091"] == sample_colorscale("Viridis", [1.0])[0]
    assert colours["FI-616"] == sample_colorscale("Viridis", [0.0])[0]
    # The land around the gulf is drawn first, under the municipalities.
    assert [trace.name for trace in go_fig.data[:2]] == ["FI", "EE"]
    # A colour bar with numbers, unit and year; the values span 1,833–656,920: a log scale, said so.
    (bar,) = [trace for trace in go_fig.data if trace.marker and trace.marker.showscale]
    title = bar.marker.colorbar.title.text
    assert t(NP_("indicators.unit", "persons"), "et") in title and "2020" in title and t("(log scale)", "et") in title
    assert "500\u00a0000" in bar.marker.colorbar.ticktext or "500 000" in " ".join(bar.marker.colorbar.ticktext)
    assert go_fig.layout.title.text == t("{indicator}, {period}", "et", indicator=values.attrs.get("name", "") or
                                         queries.indicator_meta(store, Filters(lang="et"), "INT_POPULATION").name,
                                         period="2020")
    # Hover: name, period and value in the language.
    assert fills["EE-0784"].text.startswith("<b>Tallinn</b><br>2020: 443\u00a0920") or "443 920" in \
        fills["EE-0784"].text
    # The attribution the boundary data require.
    assert "Maa-amet 01.09.2018" in go_fig.layout.annotations[0].text
    assert "creativecommons.org/licenses/by/4.0" in go_fig.layout.annotations[0].text


def test_municipalities_without_a_value_are_hatched_never_zero(store):
    fig, values, areas = _map(store, "INT_EE_SPEAKERS_FI", "fi")
    fills = _fills(figures.go.Figure(fig.to_dict()))
    with_value = set(values["area"])
    assert len(with_value) == 5 and len(fills) == 42
    for code, trace in fills.items():
        assert (trace.fillpattern.shape == "/") == (code not in with_value), code
    assert t("No data for {period}", "fi", period="2017") in fills["EE-0784"].text
    assert any(trace.name == t("No data", "fi") and trace.showlegend for trace in fig.data)
    # People per 1,000 inhabitants, said in the colour bar, the subtitle and the hover.
    (bar,) = [trace for trace in fig.data if trace.marker and trace.marker.showscale]
    unit = t("{unit} per 1,000 inhabitants", "fi", unit=t(NP_("indicators.unit", "persons"), "fi"))
    assert bar.marker.colorbar.title.text.startswith(unit.split(" ")[0])
    assert fig.layout.title.subtitle.text
    helsinki = values.set_index("area").loc["FI-091"]
    per_1000 = helsinki["value"] / helsinki["population"] * 1000
    assert t("{value} per 1,000 inhabitants", "fi", value=figures.format_number(per_1000, "fi", 1)) in \
        fills["FI-091"].text


def test_map_view_is_fitted_to_the_side_and_names_do_not_collide(store):
    from twinreg_data.figures import geo

    both, _, _ = _map(store, "INT_POPULATION")
    estonia, _, _ = _map(store, "INT_POPULATION", side="EE")
    (west, east), (south, north) = both.layout.xaxis.range, both.layout.yaxis.range
    # Both regions: from Hanko to Lapinjärvi, from Kose to Hyvinkää.
    assert west < 22.9 and east > 26.3 and south < 59.1 and north > 60.7
    (west, east), (south, north) = estonia.layout.xaxis.range, estonia.layout.yaxis.range
    assert south > 58.8 and north < 59.8 and west > 23.3 and east < 26.2  # Harju only
    assert len(_fills(estonia)) == 16
    names = next(trace for trace in both.data if trace.name == "labels")
    assert names.text[:3] == ("Helsinki", "Tallinn", "Espoo") and 4 <= len(names.text) <= 8
    bounds = geo.bounds_of(list(_fills(both)))
    placed = geo.placed_names([geo.Place(n, x, y, 1) for n, x, y in zip(names.text, names.x, names.y, strict=True)],
                              bounds)
    assert len(placed) == len(names.text)  # none overlaps another
    # Two names that would overlap: only the larger place is written.
    crowded = [geo.Place("Helsinki", 24.93, 60.17, 2), geo.Place("Helsinki-Vantaa", 24.95, 60.18, 1)]
    assert [p.name for p in geo.placed_names(crowded, bounds)] == ["Helsinki"]


def test_map_json_stays_small(store):
    """What the browser receives for a map (the figure's JSON) stays under 500 kB: the boundaries are ~200 kB."""
    import plotly.io as pio

    fig, _, _ = _map(store, "INT_POPULATION", "fi")
    assert len(pio.to_json(fig, validate=False).encode()) <= 500_000


def test_few_municipalities_get_bars_not_a_map(store):
    view = Filters(lang="fi")
    meta = queries.indicator_meta(store, view, "MOB_FERRY_PAX")
    values = queries.map_values(store, view, "MOB_FERRY_PAX", "2024")
    assert len(values) < queries.MAP_MIN_AREAS
    fig = figures.go.Figure(figures.municipal_bars(values, meta, "2024", "fi", False).to_dict())
    assert [trace.type for trace in fig.data] == ["bar"] and list(fig.data[0].x) == [7_200_000]
    assert "2024" in fig.layout.title.text


def test_tables_and_texts_are_translated(store):
    view = Filters(lang="et")
    frame = queries.series(store, view, "MOB_FERRY_PAX")
    table = figures.observation_table(frame, "et")
    assert list(table.columns) == [t(INDICATORS_COL_LABELS[c], "et") for c in
                                   ("area", "country", "period", "value", "low", "high", "flag", "note", "source")]
    assert len(table) == len(frame)
    assert t("Series break", "et") in set(table[t("Flag", "et")])
    overview = queries.domain_overview(store, replace(view, domains=("social_security",)))
    styler = figures.overview_styler(figures.overview_table(overview, "et"), overview, "et")
    html = styler.to_html()
    # Finnish decisions took 49 days in 2026-Q3 against 55 a year earlier: green; the Estonian change lies within
    # the estimate ranges: grey, and the estimate shows in the flag column.
    assert queries.ASSESSMENT_COLOURS[queries.IMPROVED] in html
    assert queries.ASSESSMENT_COLOURS[queries.WORSENED] not in html
    assert t("No clear change", "et") in html and t("Estimate", "et") in html and "2025-Q3" in html
    assert figures.delta_text(-1234.5, -0.05, "fi") == "-1\u00a0234 (-5,0\u00a0%)"
    assert figures.delta_text(0.0, 0.0, "en") == "0"  # st.metric: no arrow, grey
    assert figures.delta_text(None, None, "en") is None
    assert figures.delta_description("2023", "fi") == "vs. 2023" and figures.delta_description(None, "fi") is None
    about = "\n".join(figures.about_lines(queries.indicator_meta(store, view, "MOB_FERRY_PAX"), "et"))
    assert t("Last updated", "et") in about and t("Series breaks", "et") in about


# -- the page in AppTest -------------------------------------------------------------------------


def _chart_spec(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_page_on_the_demo_database(demo_copy):
    at = run_app(page=PAGE)
    assert not at.exception
    assert at.title[0].value == t("Indicators", "en")
    assert [tab.label for tab in at.tabs] == [t(INDICATORS_TAB_LABELS[n], "en") for n in ("chart", "map", "table")]
    code = at.selectbox(key="ind_choice").value
    assert at.query_params["ind"] == [code] or at.query_params["ind"] == code
    assert len(at.get("plotly_chart")) == 1 and at.metric
    # Every domain: the overview lists every indicator with observations.
    overview = at.dataframe[-1].value
    assert len(overview) == len(queries.domain_overview(open_store(demo_copy), Filters()))


def test_page_on_an_empty_database_explains_what_to_do(empty_db):
    at = run_app(page=PAGE)
    assert not at.exception
    assert [i.value for i in at.info] == [t("No indicators yet. An official can import the demo workbooks with "
                                            "`python -m twinreg_data init --demo`, or upload a filled template with "
                                            "indicators and observations.", "en")]
    assert not at.metric and not at.get("plotly_chart")


@pytest.mark.parametrize("lang", ["fi", "et"])
def test_link_reproduces_the_view_in_each_language(demo_copy, lang):
    at = run_app(page=PAGE, query={"lang": lang, "ind": "TAX_DOUBLE_CASES"})
    assert not at.exception
    assert at.title[0].value == t("Indicators", lang)
    assert at.selectbox(key="ind_choice").value == "TAX_DOUBLE_CASES"
    meta = queries.indicator_meta(open_store(demo_copy), Filters(lang=lang), "TAX_DOUBLE_CASES")
    assert _chart_spec(at)["layout"]["title"]["text"] == meta.name
    labels = [m.label for m in at.metric]
    estimate = " · " + t("Estimate", lang)  # the 2024 figures are estimates
    assert labels == [f"{t('Finland', lang)} (2024){estimate}", f"{t('Estonia', lang)} (2024){estimate}"]
    # Fewer double-taxation cases, but within the estimate ranges (205 [154–256] against 220): grey.
    assert [m.proto.color for m in at.metric] == [MetricProto.MetricColor.GRAY] * 2
    assert any(t("Last updated", lang) in m.value for m in at.markdown)


def test_invalid_indicator_in_the_link_is_ignored(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "ind": "DROP TABLE"})
    assert not at.exception
    first = queries.indicator_choices(open_store(demo_copy), Filters())["code"].iloc[0]
    assert at.selectbox(key="ind_choice").value == first
    assert not at.warning and not at.error


def test_table_shows_exactly_the_filtered_observations(demo_copy):
    query = {"lang": "fi", "ind": "SOC_KELA_DECISION_DAYS", "domain": "social_security", "side": "EE",
             "from": "2023", "to": "2024", "ind_tab": "table"}
    at = run_app(page=PAGE, query=query)
    assert not at.exception
    view = Filters(lang="fi", domains=("social_security",), side="EE", year_from=2023, year_to=2024)
    expected = figures.observation_table(queries.series(open_store(demo_copy), view, "SOC_KELA_DECISION_DAYS"),
                                         "fi")
    shown = at.dataframe[0].value
    assert len(shown) == 8  # 2023-Q1 … 2024-Q4, Estonia only
    pd.testing.assert_frame_equal(shown.reset_index(drop=True), expected.reset_index(drop=True),
                                  check_dtype=False)
    # Only Estonia; 2024-Q4 (30 days, 27–33) against 2023-Q4 (33): within the estimate range, grey.
    change = queries.latest_changes(open_store(demo_copy), view, "SOC_KELA_DECISION_DAYS")
    assert list(change[["period", "previous_period", "assessment"]].itertuples(index=False, name=None)) == [
        ("2024-Q4", "2023-Q4", queries.NO_CLEAR_CHANGE)]
    assert [m.proto.color for m in at.metric] == [MetricProto.MetricColor.GRAY]
    overview = at.dataframe[-1].value
    assert set(overview[t("Domain", "fi")]) == {t("Social security & health", "fi")}
    assert set(overview[t("Country", "fi")]) == {t("Estonia", "fi")}
    # The domain filter limits the picker to social-security indicators, listed without a domain prefix.
    assert set(at.selectbox(key="ind_choice").options) == {
        figures.choice_labels(queries.indicator_choices(open_store(demo_copy), view), "fi")[c]
        for c in ("SOC_KELA_DECISION_DAYS", "SOC_A1_CERTS")}


def test_map_tab_shows_municipalities_bars_or_an_empty_state(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "ind": "INT_POPULATION", "ind_tab": "map"})
    assert not at.exception
    (chart,) = at.get("plotly_chart")
    spec = json.loads(chart.proto.spec)
    assert sum(1 for trace in spec["data"] if trace.get("hoveron") == "fills") == 42
    assert at.select_slider(key="ind_map_period_INT_POPULATION").value == "2020"
    # Another year from the link: the municipalities without a figure for it are hatched.
    at = run_app(page=PAGE, query={"lang": "en", "ind": "INT_POPULATION", "ind_tab": "map", "ind_map": "2020"})
    assert at.select_slider(key="ind_map_period_INT_POPULATION").value == "2020"
    at = run_app(page=PAGE, query={"lang": "en", "ind": "MOB_FERRY_PAX", "ind_tab": "map"})
    (chart,) = at.get("plotly_chart")
    assert [trace["type"] for trace in json.loads(chart.proto.spec)["data"]] == ["bar"]
    at = run_app(page=PAGE, query={"lang": "en", "ind": "TAX_DOUBLE_CASES", "ind_tab": "map"})
    assert not at.get("plotly_chart")
    assert t("This indicator has no values for municipalities in the chosen filters; see the chart or the table.",
             "en") in [i.value for i in at.info]


def test_only_the_open_tab_is_computed_and_the_link_keeps_it(demo_copy):
    at = run_app(page=PAGE, query={"lang": "fi", "ind": "INT_POPULATION"})
    assert not at.exception
    # The chart tab: no map and no observation table built (the one table is the domain overview).
    assert len(at.get("plotly_chart")) == 1 and len(at.dataframe) == 1
    assert "ind_tab" not in at.query_params
    at.session_state["ind_tab_open"] = t("Map", "fi")  # what a click on the tab sets
    at.run()
    assert not at.exception
    (shown,) = at.get("plotly_chart")
    assert any(trace.get("hoveron") == "fills" for trace in json.loads(shown.proto.spec)["data"])  # the map
    assert at.query_params["ind_tab"] in ("map", ["map"])
    # The link holds the tab's name, not its label: it opens the same tab in another language.
    at = run_app(page=PAGE, query={"lang": "et", "ind": "INT_POPULATION", "ind_tab": "table"})
    assert len(at.dataframe) == 2 and not at.get("plotly_chart")


def test_a_change_within_the_estimate_range_is_grey_and_the_card_shows_the_series(demo_copy):
    at = run_app(page=PAGE, query={"lang": "et", "ind": "LEG_RESIDENCE_REG_DAYS", "side": "EE"})
    assert not at.exception
    change = queries.latest_changes(open_store(demo_copy), Filters(side="EE"), "LEG_RESIDENCE_REG_DAYS")
    # 2026-Q3 15 days [13.5–16.5] against 2025-Q3 16 [14.4–17.6]: each lies within the other's range.
    assert list(change[["period", "previous_period", "assessment"]].itertuples(index=False, name=None)) == [
        ("2026-Q3", "2025-Q3", queries.NO_CLEAR_CHANGE)]
    (card,) = at.metric
    assert card.proto.color == MetricProto.MetricColor.GRAY
    assert card.proto.delta_description == (t("vs {period}", "et", period="2025-Q3") + " · "
                                            + t("No clear change", "et"))
    assert card.label.endswith(" · " + t("Estimate", "et"))
    series = queries.series(open_store(demo_copy), Filters(side="EE"), "LEG_RESIDENCE_REG_DAYS")
    assert list(card.proto.chart_data) == series["value"].tolist()


def test_a_quarterly_card_compares_with_the_same_quarter_a_year_earlier(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "ind": "SOC_KELA_DECISION_DAYS", "side": "FI"})
    assert not at.exception
    (card,) = at.metric
    # 49 days in 2026-Q3 against 55 in 2025-Q3 (not 45 in 2026-Q2): fewer days is better, so green.
    assert card.label == "Finland (2026\\-Q3) · Estimate"  # Markdown: the data's hyphen escaped
    assert card.proto.delta_description == "vs 2025-Q3"
    assert card.proto.color == MetricProto.MetricColor.GREEN
    assert card.value == "49 days"


def test_choice_labels_prefix_the_domain_when_several_are_listed_and_mark_indicators_without_data():
    choices = pd.DataFrame({"code": ["TAX_A", "EDU_B"], "domain": ["taxation", "education"],
                            "name": ["Cases", "Pupils"], "observations": [12, 0]})
    labels = figures.choice_labels(choices, "fi")
    assert labels == {"TAX_A": f"{t('Taxation', 'fi')} · Cases",
                      "EDU_B": f"{t('Education', 'fi')} · Pupils ({t('no data for these filters', 'fi')})"}
    one_domain = figures.choice_labels(choices.iloc[:1], "et")
    assert one_domain == {"TAX_A": "Cases"}


def test_map_draws_equal_values_missing_populations_and_no_values():
    """Edge cases a real upload brings: one value everywhere, a municipality without a population (not coloured per
    1,000: hatched), an area without a boundary (left out), no value at all (every municipality hatched)."""
    meta = queries.IndicatorMeta("X", "integration", "X", "persons", "neutral", "annual", "src", None, None, None)
    areas = pd.DataFrame({"area": ["FI-091", "EE-0784", "FI-999"], "area_label": ["Helsinki", "Tallinn", "Nowhere"],
                          "country": ["FI", "EE", "FI"], "lat": [60.17, 59.44, None], "lon": [24.93, 24.75, None],
                          "population": pd.array([656_920, None, None], dtype="Int64")})
    values = areas.assign(period="2020", value=[5.0, 5.0, 1.0], flag=[None, "estimate", None],
                          population=[656_920.0, None, None], population_period=["2020", None, None])
    for per_capita, hatched in ((True, {"EE-0784"}), (False, set())):
        fig = figures.go.Figure(figures.municipal_map(areas, values, meta, "2020", "en", per_capita).to_dict())
        fills = _fills(fig)
        assert set(fills) == {"FI-091", "EE-0784"}  # FI-999 has no boundary
        assert {code for code, trace in fills.items() if trace.fillpattern.shape == "/"} == hatched
    empty = figures.go.Figure(figures.municipal_map(areas, values.iloc[:0], meta, "2020", "en", False).to_dict())
    assert all(trace.fillpattern.shape == "/" for trace in _fills(empty).values())
