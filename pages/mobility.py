"""Mobility: flows between the twin region's areas on a map, ferry / air / commuter series, seasonality."""

from functools import partial

import streamlit as st

from pages._ui import about, chart, downloads, empty_state, filters, keep_in_link, show_view_link, url_choice
from twinreg_data.figures import mobility as figures
from twinreg_data.i18n import N_, t
from twinreg_data.labels import MOBILITY_CHART_LABELS
from twinreg_data.queries import mobility
from twinreg_data.queries.common import rows_of_side
from twinreg_data.st_cache import cached
from twinreg_data.textsafe import markdown_text

view = filters()
lang = view.lang
st.title(t("Mobility", lang))
st.caption(t("Movement across the Gulf of Finland: flows between areas on the map, ferry, air and commuter series, "
             "and the seasonal pattern of ferry traffic.", lang))
if not cached(mobility.has_data):
    empty_state(lang, N_("No mobility data yet. An official can import the demo workbooks with `python -m "
                         "twinreg_data init --demo`, or upload flows and observations in the template."))
    st.stop()
if view.domains and "mobility" not in view.domains:
    st.caption(t("This page covers the mobility domain; the domain filter applies to the other pages.", lang))
# The domain filter does not narrow this page, nor does the side its cross-border series. The map's read models are
# asked for both sides (wide) and narrowed to the side here: a change of side or domains asks no query.
wide = view.period_only()


# The map and its controls rerun alone when a control changes (st.fragment); the charts below stay as they are.
@st.fragment
def flow_map() -> None:
    options = mobility.options_for_side(cached(mobility.flow_combos, wide), view)
    indicators = mobility.point_indicators_for_side(cached(mobility.point_indicator_areas, wide), view)
    names = dict(zip(indicators["code"], indicators["name"], strict=True))
    point_sources = dict(zip(indicators["code"], indicators["source"], strict=True))
    units, codes = options.units(), list(indicators["code"])
    (unit_col, modes_col), (year_col, points_col) = st.columns(2), st.columns(2)
    unit = year = code = None
    modes: list[str] = []
    if units:
        url_choice("mob_unit", "mob_unit", units, units[0])
        unit = unit_col.segmented_control(t("Unit", lang), units, key="mob_unit", required=True,
                                          format_func=lambda u: figures.unit_label(u, lang))
        url_choice("mob_modes", "mob_mode", options.modes(unit), [], many=True)
        modes = modes_col.multiselect(t("Modes", lang), options.modes(unit), key="mob_modes",
                                      placeholder=t("All modes", lang),
                                      format_func=lambda m: figures.mode_label(m, lang))
        years = options.years(unit, modes)
        url_choice("mob_year", "mob_year", years, years[-1])
        year = year_col.select_slider(t("Year on the map", lang), years, key="mob_year") if len(years) > 1 else years[0]
    if codes:
        url_choice("mob_points", "mob_pt", codes, codes[0])
        code = points_col.selectbox(t("Shading of municipalities", lang), codes, key="mob_points",
                                                                                         format_func=names.get)
    for param, value in (("mob_unit", unit), ("mob_mode", modes), ("mob_year", year), ("mob_pt", code)):
        keep_in_link(param, value)

    map_filters = tuple((label, value) for label, value in (
        (t("Unit", lang), figures.unit_label(unit, lang) if unit else ""),
        (t("Modes", lang), ", ".join(figures.mode_label(m, lang) for m in modes) or t("All modes", lang)),
        (t("Year on the map", lang), str(year or "")),
        (t("Shading of municipalities", lang), names.get(code, ""))) if value)
    flows = mobility.flows_touching_side(cached(mobility.flows_for_year, wide, year, unit, tuple(modes)), view)
    areas = rows_of_side(cached(mobility.area_points, wide, code), view)
    st.subheader(figures.flow_map_title(unit, year, lang))
    if flows.empty and areas.empty:
        empty_state(lang)
    else:
        if flows.empty:
            st.caption(t("No flows for this unit, these modes and this year; the map shows municipalities only.", lang))
        chart(figures.twin_region_map(areas, flows, lang, names.get(code, ""),
                                      per_capita=mobility.shaded_per_1000(indicators, code)),
              f"flows_{unit}_{year}", lang, "mob-map")
        st.caption(figures.flow_map_help(unit, names.get(code, "–"), lang) + "  \n"
                   + figures.sources_line([*flows["source"], point_sources.get(code)], lang))
        if not flows.empty:
            table = figures.flows_table(flows, lang)
            st.markdown("**" + t("Flows on the map ({unit}, {year})",
                                 lang, unit=figures.unit_label(unit, lang), year=year) + "**")
            st.dataframe(figures.number_styler(table, lang), hide_index=True, key="mob-flows-table")
            downloads(table, f"flows_{unit}_{year}",
                      about(t("Flows on the map ({unit}, {year})", lang, unit=figures.unit_label(unit, lang),
                              year=year), flows["source"], figures.unit_label(unit, lang), map_filters),
                      key="mob-flows")
        # Computed only when opened (a styled table of every municipality; opening reruns this fragment only).
        points_box = st.expander(t("Municipalities on the map: {indicator}", lang,
                                   indicator=markdown_text(names.get(code)) or "–"),
                                 key="mob_points_open", on_change="rerun")
        if points_box.open:
            with points_box:
                points = figures.points_table(areas, lang)
                st.dataframe(figures.number_styler(points, lang), hide_index=True, key="mob-points-table")
                downloads(points, f"municipalities_{code}",
                          about(t("Municipalities on the map: {indicator}", lang, indicator=names.get(code) or "–"),
                                (point_sources.get(code),), page_filters=map_filters), key="mob-points")
    show_view_link()  # app.py does not run on a fragment rerun: the link follows the map's controls here


flow_map()
st.divider()
charts = [
    (cached(mobility.indicator_series, wide, mobility.FERRY_INDICATOR), figures.annual_series_figure,
     figures.annual_series_table, "ferry"),
    (cached(mobility.indicator_series, wide, mobility.AIR_INDICATOR), figures.annual_series_figure,
     figures.annual_series_table, "air"),
    (cached(mobility.commuter_series, wide), figures.commuters_figure, figures.commuters_table, "commuters"),
    (cached(mobility.seasonality, wide), figures.seasonality_figure, figures.seasonality_table, "season"),
]
for column, (rows, figure, table_of, stem) in zip(st.columns(2) + st.columns(2), charts, strict=True):
    with column:
        if rows.empty:
            st.markdown(f"**{t(MOBILITY_CHART_LABELS[stem], lang)}**")
            empty_state(lang)
            continue
        chart(figure(rows, lang), stem, lang, f"mob-{stem}")
        downloads(partial(table_of, rows, lang), f"mobility_{stem}",
                  about(t(MOBILITY_CHART_LABELS[stem], lang), figures.sources_of(rows)), key=f"mob-{stem}")
