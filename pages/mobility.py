"""Mobility: flows between the twin region's areas on a map, ferry / air / commuter series, seasonality."""

from functools import partial

import streamlit as st

from pages._ui import chart, downloads, empty_state, filters, keep_in_link, show_view_link, url_choice
from twinreg_data.figures import mobility as figures
from twinreg_data.i18n import t
from twinreg_data.queries import mobility
from twinreg_data.st_cache import cached, cached_build, cached_together

view = filters()
lang = view.lang
st.title(t("page.mobility", lang))
st.caption(t("mobility.intro", lang))
if not cached(mobility.has_data):
    empty_state(lang, "mobility.empty")
    st.stop()
if view.domains and "mobility" not in view.domains:
    st.caption(t("mobility.domain_note", lang))
scope = view.without_domains()  # the domain filter does not narrow this page
series_scope = view.period_only()  # nor does the side narrow its cross-border series


# The map and its controls rerun alone when a control changes (st.fragment); the charts below stay as they are.
@st.fragment
def flow_map() -> None:
    options, indicators = cached_together((mobility.flow_options, scope), (mobility.point_indicators, scope))
    names = dict(zip(indicators["code"], indicators["name"], strict=True))
    point_sources = dict(zip(indicators["code"], indicators["source"], strict=True))
    units, codes = options.units(), list(indicators["code"])
    (unit_col, modes_col), (year_col, points_col) = st.columns(2), st.columns(2)
    unit = year = code = None
    modes: list[str] = []
    if units:
        url_choice("mob_unit", "mob_unit", units, units[0])
        unit = unit_col.segmented_control(t("mobility.unit", lang), units, key="mob_unit", required=True,
                                          format_func=lambda u: figures.unit_label(u, lang))
        url_choice("mob_modes", "mob_mode", options.modes(unit), [], many=True)
        modes = modes_col.multiselect(t("mobility.modes", lang), options.modes(unit), key="mob_modes",
                                      placeholder=t("mobility.modes_all", lang),
                                      format_func=lambda m: figures.mode_label(m, lang))
        years = options.years(unit, modes)
        url_choice("mob_year", "mob_year", years, years[-1])
        year = year_col.select_slider(t("mobility.year", lang), years, key="mob_year") if len(years) > 1 else years[0]
    if codes:
        url_choice("mob_points", "mob_pt", codes, codes[0])
        code = points_col.selectbox(t("mobility.point_indicator", lang), codes, key="mob_points", format_func=names.get)
    for param, value in (("mob_unit", unit), ("mob_mode", modes), ("mob_year", year), ("mob_pt", code)):
        keep_in_link(param, value)

    flows_call = (mobility.flows_for_year, scope, year, unit, tuple(modes))
    points_call = (mobility.area_points, scope, code)
    flows, areas = cached_together(flows_call, points_call)
    st.subheader(figures.flow_map_title(unit, year, lang))
    if flows.empty and areas.empty:
        empty_state(lang)
    else:
        if flows.empty:
            st.caption(t("mobility.map_no_flows", lang))
        else:
            st.markdown(figures.mode_legend_html(dict.fromkeys(flows["mode"]), lang), unsafe_allow_html=True)
        st.pydeck_chart(cached_build(figures.twin_region_map, [points_call, flows_call], lang, names.get(code, "")),
                        key="mob-map", height=figures.MAP_HEIGHT_PX, alt=t("mobility.map_alt", lang))
        st.caption(figures.flow_map_help(unit, names.get(code, "–"), lang) + "  \n"
                   + figures.sources_line([*flows["source"], point_sources.get(code)], lang))
        if not flows.empty:
            table = cached_build(figures.flows_table, [flows_call], lang)
            st.markdown("**" + t("mobility.flows_table", lang, unit=figures.unit_label(unit, lang), year=year) + "**")
            st.dataframe(figures.number_styler(table, lang), hide_index=True, key="mob-flows-table")
            downloads(table, f"flows_{unit}_{year}", lang, key="mob-flows")
        # Computed only when opened (a styled table of every municipality; opening reruns this fragment only).
        points_box = st.expander(t("mobility.points_table", lang, indicator=names.get(code, "–")),
                                 key="mob_points_open", on_change="rerun")
        if points_box.open:
            with points_box:
                points = figures.points_table(areas, lang)
                st.dataframe(figures.number_styler(points, lang), hide_index=True, key="mob-points-table")
                downloads(points, f"municipalities_{code}", lang, key="mob-points")
    show_view_link()  # app.py does not run on a fragment rerun: the link follows the map's controls here


flow_map()
st.divider()
charts = [
    ((mobility.indicator_series, series_scope, mobility.FERRY_INDICATOR), figures.annual_series_figure,
     figures.annual_series_table, "ferry"),
    ((mobility.indicator_series, series_scope, mobility.AIR_INDICATOR), figures.annual_series_figure,
     figures.annual_series_table, "air"),
    ((mobility.commuter_series, series_scope), figures.commuters_figure, figures.commuters_table, "commuters"),
    ((mobility.seasonality, series_scope), figures.seasonality_figure, figures.seasonality_table, "season"),
]
series = cached_together(*[call for call, *_ in charts])
for column, rows, (call, figure, table_of, stem) in zip(st.columns(2) + st.columns(2), series, charts, strict=True):
    with column:
        if rows.empty:
            st.markdown(f"**{t(f'mobility.chart.{stem}', lang)}**")
            empty_state(lang)
            continue
        chart(cached_build(figure, [call], lang), stem, lang, f"mob-{stem}")
        downloads(partial(table_of, rows, lang), f"mobility_{stem}", lang, key=f"mob-{stem}")
