"""Indicators: one indicator's Finland–Estonia series as chart, map and table, and the domain overview."""

from functools import partial

import streamlit as st

from pages._ui import about, chart, downloads, empty_state, filters, keep_in_link, lazy_tabs, show_view_link
from twinreg_data.exports import with_codes
from twinreg_data.figures import indicators as figures
from twinreg_data.i18n import N_, t
from twinreg_data.labels import INDICATORS_TAB_LABELS
from twinreg_data.queries import indicators
from twinreg_data.queries.common import rows_of_side, rows_of_side_and_domains
from twinreg_data.st_cache import cached
from twinreg_data.textsafe import markdown_text

view = filters()
lang = view.lang
st.title(t("Indicators", lang))
st.caption(t("Finland and Estonia side by side: how each indicator moves, where, and from which source.", lang))

if not cached(indicators.has_indicators):
    st.info(t("No indicators yet. An official can import the demo workbooks with `python -m twinreg_data init "
              "--demo`, or upload a filled template with indicators and observations.", lang))
    st.stop()
# Every read model is asked for both sides and every domain (wide) and narrowed here: a change of side or domains
# finds them cached and asks no query. The overview is listed at the end; it also holds the chosen indicator's
# latest changes.
wide = view.period_only()
choices = indicators.choices_in_view(cached(indicators.indicator_counts, wide), view)
overview = rows_of_side_and_domains(cached(indicators.domain_overview, wide), view)
if choices.empty:
    empty_state(lang)
    st.stop()


# The chosen indicator and its chart, map and table rerun alone when another one is chosen (st.fragment).
@st.fragment
def chosen_indicator() -> None:
    # The chosen indicator lives in the link as ind=CODE; an unknown code is ignored quietly.
    codes = list(choices["code"])
    with_data = list(choices.loc[choices["observations"] > 0, "code"]) or codes
    if st.session_state.get("ind_choice") not in codes:
        wanted = st.query_params.get("ind")
        st.session_state.ind_choice = wanted if wanted in codes else with_data[0]
    labels = figures.choice_labels(choices, lang)
    code = st.selectbox(t("Indicator", lang), codes, key="ind_choice", format_func=labels.__getitem__)
    keep_in_link("ind", code)
    meta = cached(indicators.indicator_meta, view.language_only(), code)
    rows = rows_of_side(cached(indicators.series, wide, code), view)
    if rows.empty:
        empty_state(lang, N_("This indicator has no values for the chosen side of the border and period. Widen the "
                             "side or period in the sidebar, or choose another indicator."))
    else:
        changes = indicators.latest_change_of(overview, code)
        for column, change in zip(st.columns(max(len(changes), 1)), changes.itertuples(), strict=False):
            column.metric(
                figures.metric_label(change.country, change.area, change.area_label, change.period, lang),
                figures.value_with_unit(change.value, meta.unit, lang),
                figures.delta_text(change.change, change.change_pct, lang),
                delta_color=indicators.delta_color(meta.polarity),
                help=t("Latest value against the previous period. Green: an improvement, red: a deterioration (by "
                       "whether a higher value is better or worse); grey: no judgement.", lang),
                delta_description=figures.delta_description(change.previous_period, lang),
                chart_data=figures.sparkline(rows, change.country), border=True,
            )
        table = figures.observation_table(rows, lang)
        codes = figures.code_columns(rows, lang)
        sources = (meta.source, *rows.get("source", ()))
        unit = figures.unit_label(meta.unit, lang)
        ind_filter = ((t("Indicator", lang), f"{code} · {meta.name}"),)
        # Only the open tab is computed: the map and the full table cost a query and a render each.
        names = ("chart", "map", "table")
        tabs = lazy_tabs(names, [t(INDICATORS_TAB_LABELS[n], lang) for n in names], "ind_tab_open", "ind_tab")
        if tabs["chart"].open:
            with tabs["chart"]:
                chart(figures.series_figure(rows, meta, lang), f"indicator_{code}", lang, "ind-chart")
                st.markdown("  \n".join(figures.about_lines(meta, lang)))
                downloads(partial(with_codes, table, codes, lang), f"indicator_{code}",
                          about(meta.name, sources, unit, ind_filter), key="ind-chart")
        if tabs["map"].open:
            with tabs["map"]:
                points = rows_of_side(cached(indicators.map_points, wide, code), view)
                if points.empty:
                    empty_state(lang, N_("This indicator has no values for municipalities with known coordinates in "
                                         "the chosen filters; see the chart or the table."))
                else:
                    st.pydeck_chart(figures.latest_map(points, meta, lang), key="ind-map")
                    st.caption(t("Latest value per municipality (periods may differ); circle size and colour grow "
                                 "with the value. Hover a circle for the figure.", lang)
                               + " " + t("Source: {source}", lang, source=markdown_text(meta.source)))
                    downloads(lambda: with_codes(figures.map_table(points, meta, lang),
                                                 figures.code_columns(points, lang), lang), f"indicator_{code}_map",
                              about(t("{indicator}: latest value per municipality", lang, indicator=meta.name),
                                    sources, unit, ind_filter), key="ind-map")
        if tabs["table"].open:
            with tabs["table"]:
                shown, browser_formatted = figures.observation_view(table, lang)
                localized = {c: st.column_config.NumberColumn(format="localized") for c in browser_formatted}
                st.dataframe(shown, hide_index=True, key="ind-table", placeholder="–", column_config=localized)
                downloads(partial(with_codes, table, codes, lang), f"indicator_{code}_observations",
                          about(meta.name, sources, unit, ind_filter),
                          key="ind-table")
    show_view_link()  # app.py does not run on a fragment rerun: the link follows the choice here


chosen_indicator()
st.divider()
st.subheader(t("All indicators in the selected domains", lang))
st.caption(t("Latest value per indicator and country against the previous period. Green: an improvement, red: a "
             "deterioration (by the indicator's direction); grey: neutral or unchanged.", lang))
if overview.empty:
    empty_state(lang)
else:
    summary = figures.overview_table(overview, lang)
    st.dataframe(figures.overview_styler(summary, overview, lang), hide_index=True, key="ind-overview",
                 placeholder="–")
    downloads(summary, "indicators_overview",
              about(t("All indicators in the selected domains", lang),
                    t("The source of each indicator is given on the Indicators page.", lang)), key="ind-overview")
