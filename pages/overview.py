"""Overview: headline cards and bottlenecks by domain × status."""

import streamlit as st

from pages._ui import filters
from twinreg_data.figures.overview import domain_status_bars
from twinreg_data.i18n import format_number, format_pct, t
from twinreg_data.queries import overview
from twinreg_data.st_cache import cached

lang = filters().lang
st.title(t("app.title", lang))
st.caption(t("app.tagline", lang))

if not cached(overview.has_data):
    st.info(t("overview.empty", lang))
    st.stop()

head = cached(overview.headline)
cards = st.columns(4)
cards[0].metric(t("overview.open", lang), format_number(head.open_bottlenecks, lang))
cards[1].metric(t("overview.resolved_12m", lang), format_number(head.resolved_12m, lang))
cards[2].metric(t("overview.stalled", lang, days=head.stall_days), format_number(head.stalled, lang))
if head.ferry_value is None:
    cards[3].metric(t("overview.ferry_missing", lang), t("common.no_data", lang))
else:
    cards[3].metric(
        t("overview.ferry", lang, period=head.ferry_period),
        format_number(head.ferry_value, lang),
        format_pct(head.ferry_change, lang) if head.ferry_change is not None else None,
        help=head.ferry_source,
    )

counts = cached(overview.bottlenecks_by_domain_status)
st.plotly_chart(domain_status_bars(counts, lang, t("overview.source", lang, source="TwinReg")))
