"""Reports (editors): the queue of public reports and the four decisions on a case, each audited."""

import streamlit as st

from pages._ui import filters
from twinreg_data import auth, reports
from twinreg_data.figures import date_display_format
from twinreg_data.figures.reports import decided_table, domain_label, queue_table, steps_table
from twinreg_data.i18n import NP_, format_day, t, tn
from twinreg_data.labels import (
    BOTTLENECKS_LEVEL_LABELS,
    CLOSE_REASON_LABELS,
    DOMAIN_LABELS,
    PAGE_LABELS,
    REPORT_FIELD_LABELS,
    REPORT_STATUS_LABELS,
    SIDE_LABELS,
)
from twinreg_data.queries import reports as queries
from twinreg_data.schema import BOTTLENECK_DOMAINS, BOTTLENECK_LEVELS, CLOSE_REASONS, SIDES
from twinreg_data.st_cache import cached, store
from twinreg_data.textsafe import markdown_text

view = filters()
lang = view.lang
identity: auth.Identity = st.session_state.get("identity", auth.ANONYMOUS)
if not identity.can_import:  # pages are registered per role; this guards a direct call
    st.stop()
page_title = PAGE_LABELS["triage"]


def field(key: str) -> str:
    """A field's name in the editor's language."""
    return t(REPORT_FIELD_LABELS[key], lang)



st.title(t(page_title, lang))
if flash := st.session_state.pop("triage-flash", None):
    st.success(markdown_text(flash), icon=":material/task_alt:")
queue = queries.queue(store())  # not cached: reports arrive without clearing the page cache
overdue = int(queue["overdue"].sum()) if not queue.empty else 0
if overdue:
    st.warning(tn("{n} case is past its two-month assessment deadline.",
                  "{n} cases are past their two-month assessment deadline.", overdue, lang),
               icon=":material/alarm:")
if queue.empty:
    st.info(t("No open reports. New public reports appear here.", lang), icon=":material/inbox:")
else:
    st.caption(t("Open cases, the nearest deadline first. Each report is assessed within two months of its "
                 "submission.", lang))
    st.dataframe(queue_table(queue, lang), hide_index=True, column_config={
        t(NP_("reports.col", name), lang): st.column_config.DateColumn(format=date_display_format(lang))
        for name in ("Received", "Assess by")})
    picked = st.selectbox(t("Open a case", lang), list(queue["case_number"]), index=None,
                          placeholder=t("Choose a case", lang), key="triage-case")
    case = queries.case_for_editor(store(), picked) if picked else None
    if case is not None:
        st.subheader(t("Case {case}", lang, case=case["case_number"]))
        received, due = case["submitted_at"].date(), case["due_on"].date()
        status = case["status"]
        st.caption(t(REPORT_STATUS_LABELS[status], lang) + " · " + t(
            "received {date}, assess by {due}", lang, date=format_day(received, lang), due=format_day(due, lang)))
        # The reporter's texts are shown literally (st.text): never Markdown, never HTML.
        for key, value in (("what", case["what"]), ("place", case["place"]), ("affected", case["affected"]),
                           ("contact_name", case["contact_name"]), ("contact_email", case["contact_email"])):
            st.markdown("**" + field(key) + "**")
            st.text(value if isinstance(value, str) and value else "–")
        st.markdown("**" + field("domain") + ":** " + domain_label(case["domain"], lang) + " · **"
                    + field("area") + ":** " + markdown_text(case["area"] or "–"))
        st.dataframe(steps_table(case["steps"], lang, with_role=True), hide_index=True, column_config={
            t(NP_("reports.col", "Date"), lang): st.column_config.DateColumn(format=date_display_format(lang))})
        accept_tab, link_tab, ask_tab, close_tab = st.tabs([
            t("Accept as a new obstacle", lang), t("Link to a known obstacle", lang), t("Ask for clarification", lang),
            t(NP_("triage", "Close"), lang)])

        def decide(step, *args) -> object:
            """Take the step on the open case; its result (True when it has none), or None after showing why not."""
            try:
                return step(store(), case["case_number"], *args, identity.name) or True
            except reports.ReportRefused as refused:
                st.error(refused.text(lang))
                return None

        def decided_with(flash: str) -> None:
            st.session_state["triage-flash"] = flash
            st.session_state.pop("triage-case", None)
            st.rerun()

        with accept_tab, st.form("triage-accept"):
            title_en = st.text_input(field("title_en"), max_chars=300)
            title = st.text_input(field("title"), max_chars=300)
            left, middle, right = st.columns(3)
            side = left.selectbox(field("side"), SIDES, index=SIDES.index("both"),
                                  format_func=lambda s: t(SIDE_LABELS[s], lang))
            level = middle.selectbox(t("Level", lang), BOTTLENECK_LEVELS, index=1,
                                     format_func=lambda v: t(BOTTLENECKS_LEVEL_LABELS[v], lang))
            severity = right.slider(field("severity"), 1, 5, 3)
            domain = st.selectbox(field("domain"), BOTTLENECK_DOMAINS, format_func=lambda d: t(
                DOMAIN_LABELS[d], lang), index=BOTTLENECK_DOMAINS.index(case["domain"])
                if case["domain"] in BOTTLENECK_DOMAINS else 0)
            left, right = st.columns(2)
            owner_fi = left.text_input(field("owner_fi"), max_chars=300)
            owner_ee = right.text_input(field("owner_ee"), max_chars=300)
            message = st.text_area(field("message"), max_chars=reports.LIMITS["message"], key="msg-accept")
            if st.form_submit_button(t("Accept", lang), type="primary") and (code := decide(
                    reports.accept, reports.Acceptance(title_en, title, side, level, severity, domain, owner_fi,
                                                       owner_ee, message))):
                decided_with(t("Accepted as the new bottleneck {code}.", lang, code=code))
        with link_tab, st.form("triage-link"):
            known = cached(queries.bottleneck_choices, lang)
            titles = dict(zip(known["code"], known["title"], strict=True))
            code = st.selectbox(t("Known obstacle", lang), list(titles), index=None,
                                format_func=lambda c: f"{c} · {titles[c]}", placeholder=t("Choose a code", lang))
            message = st.text_area(field("message"), max_chars=reports.LIMITS["message"], key="msg-link")
            if st.form_submit_button(t("Link", lang), type="primary") and decide(reports.link, code or "", message):
                decided_with(t("Linked to a known obstacle.", lang))
        with ask_tab, st.form("triage-ask"):
            message = st.text_area(t("Question to the reporter", lang), max_chars=reports.LIMITS["message"])
            st.caption(t("The question shows on the reporter's follow page; the clock keeps running.", lang))
            if st.form_submit_button(t("Ask", lang), type="primary") and decide(reports.ask_clarification, message):
                decided_with(t("Clarification asked.", lang))
        with close_tab, st.form("triage-close"):
            reason = st.radio(field("reason"), CLOSE_REASONS,
                              format_func=lambda r: t(CLOSE_REASON_LABELS[r], lang))
            message = st.text_area(field("message"), max_chars=reports.LIMITS["message"], key="msg-close")
            if st.form_submit_button(t(NP_("triage", "Close"), lang), type="primary") and decide(
                    reports.close, reason, message):
                decided_with(t("Case closed.", lang))

decided = queries.decided(store())
if not decided.empty:
    with st.expander(t("Decided cases", lang)):
        st.dataframe(decided_table(decided, lang), hide_index=True)
