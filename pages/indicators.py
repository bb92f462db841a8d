"""Indicators: one indicator's Finland–Estonia series as chart, map and table, and the domain overview."""

from functools import partial

import streamlit as st

from pages._ui import (
    about,
    chart,
    downloads,
    empty_state,
    filters,
    keep_in_link,
    lazy_tabs,
    show_view_link,
    url_choice,
)
from twinreg_data.exports import with_codes
from twinreg_data.figures import indicators as figures
from twinreg_data.i18n import N_, t
from twinreg_data.labels import INDICATORS_TAB_LABELS
from twinreg_data.queries import indicators
from twinreg_data.queries.common import rows_of_side, rows_of_side_and_domains
from twinreg_data.st_cache import cached
from twinreg_data.textsafe import markdown_text

COMPARISON_HELP = N_("Latest value against the same quarter or month a year earlier (annual figures: against the "
                     "year before). Green: an improvement, red: a deterioration (by whether a higher value is better "
                     "or worse); grey: no clear change (one figure lies within the other's "
                     "estimate range), not comparable, or no direction.")
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


def municipal_map(code: str, meta: indicators.IndicatorMeta) -> None:
    """One period's municipal values as a map of both regions (bars when too few municipalities have one)."""
    periods, default = indicators.map_period_choices(cached(indicators.map_periods, wide, code), view)
    if not periods:
        empty_state(lang, N_("This indicator has no values for municipalities in the chosen filters; see the chart or "
                             "the table."))
        return
    url_choice(f"ind_map_period_{code}", "ind_map", periods, default)
    period = st.select_slider(t("Period on the map", lang), periods, key=f"ind_map_period_{code}") \
        if len(periods) > 1 else periods[0]
    keep_in_link("ind_map", period if period != default else None)
    values = rows_of_side(cached(indicators.map_values, wide, code, period), view)
    per_capita = indicators.per_1000(meta)
    if len(values) < indicators.MAP_MIN_AREAS:
        chart(figures.municipal_bars(values, meta, period, lang, per_capita), f"indicator_{code}_{period}", lang,
              "ind-map")
        st.caption(t("Fewer than {n} municipalities have a value for {period}: bars instead of a map.", lang,
                     n=indicators.MAP_MIN_AREAS, period=markdown_text(period)))
    else:
        areas = rows_of_side(cached(indicators.map_areas, wide), view)
        chart(figures.municipal_map(areas, values, meta, period, lang, per_capita), f"indicator_{code}_map_{period}",
              lang, "ind-map")
        st.caption(t("Every municipality's value for {period}; hatched: no value for that period. Hover a municipality "
                     "for its figure.", lang, period=markdown_text(period))
                   + " " + t("Source: {source}", lang, source=markdown_text(meta.source)))
    downloads(lambda: with_codes(figures.map_table(values, meta, lang, per_capita),
                                 figures.code_columns(values, lang), lang), f"indicator_{code}_map_{period}",
              about(t("{indicator}: value per municipality, {period}", lang, indicator=meta.name, period=period),
                    (meta.source, *values.get("source", ())), figures.unit_label(meta.unit, lang),
                    ((t("Indicator", lang), f"{code} · {meta.name}"),)), key="ind-map")


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
        # Both cards show the same period (the latest both sides have), and say which.
        changes, moved = indicators.latest_common_changes(indicators.latest_change_of(overview, code), rows)
        for column, change in zip(st.columns(max(len(changes), 1)), changes.itertuples(), strict=False):
            column.metric(
                figures.metric_label(change.country, change.area, change.area_label, change.period, lang,
                                     change.estimate),
                figures.value_with_unit(change.value, meta.unit, lang),
                figures.delta_text(change.change, change.change_pct, lang),
                delta_color=indicators.delta_color(change.assessment, change.change),
                help=t(COMPARISON_HELP, lang),
                delta_description=figures.delta_description(change.previous_period, lang, change.assessment),
                chart_data=figures.sparkline(rows, change.country), border=True,
            )
        if moved:
            st.caption(t("Both cards show {period}, the latest period with figures on both sides.", lang,
                         period=markdown_text(changes["period"].iloc[0])))
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
                municipal_map(code, meta)
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
st.caption(t(COMPARISON_HELP, lang))
if overview.empty:
    empty_state(lang)
else:
    summary = figures.overview_table(overview, lang)
    st.dataframe(figures.overview_styler(summary, overview, lang), hide_index=True, key="ind-overview",
                 placeholder="–")
    downloads(summary, "indicators_overview",
              about(t("All indicators in the selected domains", lang),
                    t("The source of each indicator is given on the Indicators page.", lang)), key="ind-overview")
