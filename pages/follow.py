"""Follow a report: the case's status, decision and steps through its private link (?token=), no personal data."""

import streamlit as st

from pages._ui import filters
from twinreg_data import reports
from twinreg_data.figures import date_display_format
from twinreg_data.figures.reports import domain_label, steps_table
from twinreg_data.i18n import NP_, format_day, t
from twinreg_data.labels import CLOSE_REASON_LABELS, PAGE_LABELS, REPORT_STATUS_LABELS, STATUS_LABELS
from twinreg_data.queries import reports as queries
from twinreg_data.st_cache import store
from twinreg_data.textsafe import markdown_text

lang = filters().lang
page_title, report_title = PAGE_LABELS["follow"], PAGE_LABELS["report"]
st.title(t(page_title, lang))
token = st.query_params.get("token", "")
# Not cached: the case changes with every triage step, and the token should not sit in a shared cache.
case = queries.case_view(store(), token, lang) if token else None
if case is None:
    st.info(t("This follow link is not valid. Check that you copied the whole link from the page shown after you "
              "sent your report.", lang), icon=":material/link_off:")
    st.page_link("pages/report.py", label=t(report_title, lang), icon=":material/campaign:")
    st.stop()

st.subheader(t("Case {case}", lang, case=case.case_number))
st.badge(t(REPORT_STATUS_LABELS[case.status], lang), icon=":material/flag:",
         color="blue" if case.is_open else "green" if case.status in ("accepted", "duplicate") else "gray")
cards = st.columns(3)
cards[0].metric(t("Received", lang), format_day(case.submitted_on, lang))
cards[1].metric(t("Assessment due by", lang), format_day(case.due_on, lang))
cards[2].metric(t(NP_("report.field", "Domain"), lang), domain_label(case.domain, lang))
if case.bottleneck:
    status = t(STATUS_LABELS[case.bottleneck_status], lang) if case.bottleneck_status else "–"
    st.markdown(t("Your report is followed as obstacle {code}: {title} (status: {status}).", lang,
                  code=case.bottleneck, title=markdown_text(case.bottleneck_title or ""), status=status))
    st.page_link("pages/bottlenecks.py", label=t("Open the obstacle in the register", lang),
                 icon=":material/arrow_forward:", query_params={"lang": lang, "bn": case.bottleneck})
if case.close_reason:
    st.markdown(t("Closed: {reason}.", lang, reason=t(CLOSE_REASON_LABELS[case.close_reason], lang)))
if case.erased:
    st.caption(t("The personal data of this case has been erased.", lang))

st.subheader(t("Steps", lang))
st.dataframe(steps_table(case.steps, lang), hide_index=True, column_config={
    t(NP_("reports.col", "Date"), lang): st.column_config.DateColumn(format=date_display_format(lang))})
if case.status == "clarification":
    st.info(t("The editors asked for a clarification (see the steps above). Please answer here.", lang),
            icon=":material/help:")
    with st.form("follow-reply"):
        answer = st.text_area(t("Your answer", lang), max_chars=reports.LIMITS["reply"])
        sent = st.form_submit_button(t("Send the answer", lang), type="primary")
    if sent:
        try:
            reports.reply(store(), token, answer)
        except reports.ReportRefused as refused:
            st.error(refused.text(lang))
        else:
            st.rerun()
