"""Overview: headline cards, bottlenecks by domain × status, the indicators that moved most, the twin region."""

from functools import partial

import streamlit as st

from pages._ui import about, chart, downloads, empty_state, filters, overdue_reports_notice
from twinreg_data.figures import mobility as mobility_figures
from twinreg_data.figures.indicators import delta_description, estimate_text
from twinreg_data.figures.overview import domain_status_bars, domain_status_table, movers_bars
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
    st.stop()

# The read models are asked for both sides and every domain (wide) and narrowed here: a change of side or domains
# finds them cached and asks no query.
wide = view.period_only()
tally = cached(overview.bottleneck_tally)
head, counts = overview.headline_of(tally, view), overview.counts_of(tally, view)
changes = rows_of_side_and_domains(cached(indicators.domain_overview, wide), view)
movers = overview.movers(changes)
ferry = cached(overview.ferry_latest)
cards = st.columns(4)
cards[0].metric(t("Open bottlenecks", lang), format_number(head.open_bottlenecks, lang))
cards[1].metric(t("Resolved in the last 12 months", lang), format_number(head.resolved_12m, lang))
stalled_label = tn("Stalled (no event for {n} day)", "Stalled (no event for {n} days)", head.stall_days, lang)
cards[2].metric(stalled_label, format_number(head.stalled, lang))
if ferry.value is None:
    cards[3].metric(t("Ferry passengers Helsinki–Tallinn", lang), t("No data", lang))
else:
    # An estimate shows as one: "≈" before the figure, the word and its range in the help.
    cards[3].metric(t("Ferry passengers Helsinki–Tallinn ({period})", lang, period=ferry.period),
                    ("≈ " if ferry.estimate else "") + format_number(ferry.value, lang),
                    format_pct(ferry.change, lang) if ferry.change is not None else None,
                    delta_color=indicators.delta_color(ferry.assessment, ferry.change),
                    delta_description=delta_description(ferry.previous_period, lang, ferry.assessment),
                    help=" · ".join(part for part in (
                        estimate_text(format_number(ferry.value, lang), ferry.estimate, ferry.low, ferry.high, lang)
                        if ferry.estimate else "", markdown_text(ferry.source)) if part) or None)

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
    downloads(movers, "indicators_moved_most",
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
