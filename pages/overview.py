"""Overview: headline cards, bottlenecks by domain × status, the indicators that moved most, the twin region."""

import streamlit as st

from pages._ui import chart, downloads, empty_state, filters
from twinreg_data.figures import mobility as mobility_figures
from twinreg_data.figures.overview import domain_status_bars, movers_bars
from twinreg_data.i18n import format_number, format_pct, t
from twinreg_data.queries import indicators, mobility, overview
from twinreg_data.st_cache import cached, cached_build, cached_together

view = filters()
lang = view.lang
st.title(t("app.title", lang))
st.caption(t("app.tagline", lang))

if not cached(overview.has_data):
    st.info(t("overview.empty", lang))
    st.stop()

# Independent read models, fetched at once (the ones not cached run concurrently). Each is narrowed from its cached
# result for both sides and every domain, so a change of either asks no query (queries.common.derived).
counts_call = (overview.bottlenecks_by_domain_status, view)
head, counts, changes, ferry = cached_together(
    (overview.headline, view), counts_call, (indicators.domain_overview, view), (overview.ferry_latest,))
movers = overview.movers(changes)
cards = st.columns(4)
cards[0].metric(t("overview.open", lang), format_number(head.open_bottlenecks, lang))
cards[1].metric(t("overview.resolved_12m", lang), format_number(head.resolved_12m, lang))
cards[2].metric(t("overview.stalled", lang, days=head.stall_days), format_number(head.stalled, lang))
if ferry.value is None:
    cards[3].metric(t("overview.ferry_missing", lang), t("common.no_data", lang))
else:
    cards[3].metric(t("overview.ferry", lang, period=ferry.period), format_number(ferry.value, lang),
                    format_pct(ferry.change, lang) if ferry.change is not None else None, help=ferry.source)

if counts.empty:
    empty_state(lang)
else:
    chart(cached_build(domain_status_bars, [counts_call], lang, t("overview.source", lang)),
          "bottlenecks_by_domain_status", lang, "ov-status-chart")
    downloads(counts, "bottlenecks_by_domain_status", lang, key="ov-status")

if movers.empty:
    st.info(t("overview.no_movers", lang))
else:
    chart(movers_bars(movers, lang), "indicators_moved_most", lang, "ov-movers-chart")
    downloads(movers, "indicators_moved_most", lang, key="ov-movers")

st.subheader(t("overview.map", lang))
scope = view.without_domains()  # the map shows the whole twin region, whichever domains are chosen
region = mobility.region_choice(cached, scope)
st.pydeck_chart(cached_build(mobility_figures.twin_region_map, [region.points_call(scope), region.flows_call(scope)],
                             lang, region.indicator_name), key="ov-map")
st.caption(t("overview.map_caption", lang, year=region.year or "–",
             unit=mobility_figures.unit_label(region.unit, lang), indicator=region.indicator_name or "–"))
