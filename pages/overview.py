"""Overview: headline cards; what is stalled, what changed recently and what was resolved, each bottleneck by name
with one click to its detail; bottlenecks by domain × status, the indicators that moved most, the twin region."""

from functools import partial

import streamlit as st

from pages._ui import about, chart, downloads, empty_state, filters, headed_metric, overdue_reports_notice, stop_page
from twinreg_data.figures import mobility as mobility_figures
from twinreg_data.figures.indicators import delta_description, estimate_text
from twinreg_data.figures.overview import (
    domain_status_bars,
    domain_status_table,
    movers_bars,
    movers_table,
    watch_items,
)
from twinreg_data.i18n import format_number, format_pct, t, tn
from twinreg_data.queries import indicators, mobility, overview
from twinreg_data.queries.common import rows_of_side, rows_of_side_and_domains
from twinreg_data.st_cache import cached
from twinreg_data.textsafe import markdown_text

view = filters()
lang = view.lang
st.title(t("TwinReg Monitor", lang))
st.caption(t("Cross-border bottlenecks between Helsinki-Uusimaa and Harju County", lang))
overdue_reports_notice(lang)

if not cached(overview.has_data):
    st.info(t("No data yet. An official can import the demo workbooks with `python -m twinreg_data init --demo`, or "
              "upload a filled template.", lang))
    stop_page()

# The read models are asked for both sides and every domain (wide) and narrowed here: a change of side or domains
# finds them cached and asks no query.
wide = view.period_only()
tally = cached(overview.bottleneck_tally)
head, counts = overview.headline_of(tally, view), overview.counts_of(tally, view)
changes = rows_of_side_and_domains(cached(indicators.domain_overview, wide), view)
movers = overview.movers(changes)
ferry = cached(overview.ferry_latest)
watch = overview.watch_of(cached(overview.watchlist, lang), view)
# Labels above their figures wrap (a metric's own label is cut at the card's width, in Finnish at 1440 px).
cards = st.columns(2, gap="large")
headed_metric(cards[0], t("Open bottlenecks", lang), format_number(head.open_bottlenecks, lang))
if ferry.value is None:
    headed_metric(cards[1], t("Ferry passengers Helsinki–Tallinn", lang), t("No data", lang))
else:
    # An estimate shows as one: "≈" before the figure, the word and its range in the help.
    headed_metric(cards[1], t("Ferry passengers Helsinki–Tallinn ({period})", lang, period=ferry.period),
                  ("≈ " if ferry.estimate else "") + format_number(ferry.value, lang),
                  format_pct(ferry.change, lang) if ferry.change is not None else None,
                  delta_color=indicators.delta_color(ferry.assessment, ferry.change),
                  delta_description=delta_description(ferry.previous_period, lang, ferry.assessment),
                  help=" · ".join(part for part in (
                      estimate_text(format_number(ferry.value, lang), ferry.estimate, ferry.low, ferry.high, lang)
                      if ferry.estimate else "", markdown_text(ferry.source)) if part) or None)

# What is stalled, what changed, what was resolved: each bottleneck by name, one click from its detail.
watch_labels = {
    overview.STALLED: tn("Stalled (no event for {n} day)", "Stalled (no event for {n} days)", head.stall_days, lang),
    overview.RECENT: tn("Status changed in the last {n} day", "Status changed in the last {n} days",
                        overview.RECENT_DAYS, lang),
    overview.RESOLVED: t("Resolved in the last 12 months", lang),
}
counts_by_list = {overview.STALLED: head.stalled, overview.RECENT: len(watch[overview.RECENT]),
                  overview.RESOLVED: head.resolved_12m}
for column, kind in zip(st.columns(3, gap="medium", border=True), overview.WATCH_LISTS, strict=True):
    headed_metric(column, watch_labels[kind], format_number(counts_by_list[kind], lang))
    rows = watch[kind]
    for code, title, what, owners in watch_items(rows.head(overview.WATCH_SHOWN), kind, lang):
        # The link holds the code only: a page link's label is cut to one line; the title below it wraps.
        column.page_link("pages/bottlenecks.py", label=code, query_params={"bn": code},
                         icon=":material/arrow_forward:", help=t("Open this bottleneck on the Bottlenecks page", lang))
        column.markdown(markdown_text(title) + "  \n:gray[" + markdown_text(what) + "  \n"
                        + markdown_text(owners) + "]")
    if len(rows) > overview.WATCH_SHOWN:
        column.page_link("pages/bottlenecks.py", icon=":material/list:", label=t(
            "+{n} more in the register", lang, n=format_number(len(rows) - overview.WATCH_SHOWN, lang)))
    elif rows.empty:
        column.caption(t("None.", lang))

if counts.empty:
    empty_state(lang)
else:
    source = t("Source: TwinReg bottleneck register, current status of each bottleneck", lang)
    chart(domain_status_bars(counts, lang, source), "bottlenecks_by_domain_status", lang, "ov-status-chart")
    downloads(partial(domain_status_table, counts, lang), "bottlenecks_by_domain_status",
              about(t("Bottlenecks by domain and status", lang),
                    t("TwinReg Monitor, bottleneck register: current status of each bottleneck", lang),
                    t("Number of bottlenecks", lang)),
              key="ov-status")

if movers.empty:
    st.info(t("No indicator has two periods to compare in the current selection.", lang))
else:
    chart(movers_bars(movers, lang), "indicators_moved_most", lang, "ov-movers-chart")
    downloads(partial(movers_table, movers, lang), "indicators_moved_most",
              about(t("Indicators that moved most (each against its comparison period)", lang),
                    t("The source of each indicator is given on the Indicators page.", lang)), key="ov-movers")

# The map shows the whole twin region, whichever domains are chosen; the side narrows it.
st.subheader(t("The twin region", lang))
options = mobility.options_for_side(cached(mobility.flow_combos, wide), view)
sized_by = mobility.population_point_for_side(cached(mobility.population_areas, wide), view)
if sized_by is None:  # no population figures on this side: the first indicator with municipal values
    sized_by = mobility.first_point_indicator(
        mobility.point_indicators_for_side(cached(mobility.point_indicator_areas, wide), view))
region = mobility.region_choice(options, sized_by)
flows = mobility.flows_touching_side(cached(mobility.flows_for_year, wide, region.year, region.unit, ()), view)
points = rows_of_side(cached(mobility.area_points, wide, region.indicator), view)
chart(mobility_figures.twin_region_map(points, flows, lang, region.indicator_name), "twin_region", lang, "ov-map")
st.caption(t("Arcs: flows between areas in {year} ({unit}); shading of municipalities: {indicator}.", lang,
             year=region.year or "–", unit=mobility_figures.unit_label(region.unit, lang),
             indicator=markdown_text(region.indicator_name) or "–"))
