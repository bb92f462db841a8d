"""Report an obstacle: a form for anyone, signed in or not; then the case number and the private follow link."""

from urllib.parse import urlencode, urljoin

import streamlit as st

from pages._ui import filters
from twinreg_data import auth, reports
from twinreg_data.i18n import format_day, t
from twinreg_data.labels import DOMAIN_LABELS, PAGE_LABELS, REPORT_FIELD_LABELS
from twinreg_data.queries import reports as queries
from twinreg_data.schema import BOTTLENECK_DOMAINS
from twinreg_data.st_cache import cached, store

lang = filters().lang
page_title = PAGE_LABELS["report"]


def field(key: str) -> str:
    """A field's name in the visitor's language."""
    return t(REPORT_FIELD_LABELS[key], lang)



st.title(t(page_title, lang))
done: reports.Submitted | None = st.session_state.get("report-done")
if done is not None:
    st.success(t("Thank you. Your report was received as case {case}. It will be assessed by {date}.",
                 lang, case=done.case_number, date=format_day(done.due_on, lang)), icon=":material/task_alt:")
    st.markdown("**" + t("Your private follow link", lang) + "**")
    base = urljoin(st.context.url or "/", "follow")
    st.code(f"{base}?{urlencode({'lang': lang, 'token': done.token})}", language=None, wrap_lines=True)
    st.caption(t("Keep this link: it is shown only once and is the only way to follow your case. Anyone with the "
                 "link sees the case's status and steps, but never your contact details.", lang))
    if st.button(t("Report another obstacle", lang), icon=":material/add:"):
        del st.session_state["report-done"]
        st.rerun()
    st.stop()

st.caption(t("Tell us about an obstacle you meet when you live, work, study or run a business across the Gulf of "
             "Finland. Editors of the TwinReg Monitor assess every report within two months and record real "
             "cross-border obstacles in the register.", lang))
areas = cached(queries.area_choices, lang)
area_names = dict(zip(areas["code"], areas["label"], strict=True))
# The honeypot: hidden from people (and from screen readers by its label); naive bots fill every field.
st.html("<style>.st-key-report-hp { display: none; }</style>")
with st.form("report-form"):
    what = st.text_area(field("what"), max_chars=reports.LIMITS["what"], height=160,
                        placeholder=t("What happened, when, and what stopped you?", lang))
    place = st.text_input(field("place"), max_chars=reports.LIMITS["place"],
                          placeholder=t("e.g. Tallinn, or the ferry between Helsinki and Tallinn", lang))
    left, right = st.columns(2)
    area = left.selectbox(field("area"), list(area_names), index=None, format_func=area_names.get,
                          placeholder=t("Optional: the municipality or region", lang))
    domain = right.selectbox(field("domain"), BOTTLENECK_DOMAINS, index=None,
                             format_func=lambda d: t(DOMAIN_LABELS[d], lang), placeholder=t("I don't know", lang))
    affected = st.text_input(field("affected"), max_chars=reports.LIMITS["affected"],
                             placeholder=t("e.g. commuters, students, families, small companies", lang))
    st.markdown("**" + t("Contact (optional)", lang) + "**")
    left, right = st.columns(2)
    contact_name = left.text_input(field("contact_name"), max_chars=reports.LIMITS["contact_name"])
    contact_email = right.text_input(field("contact_email"), max_chars=reports.LIMITS["contact_email"])
    with st.container(key="report-hp"):
        website = st.text_input("Leave this field empty", key="report-website", autocomplete="off")
    st.caption(t("How your report is handled: editors of the TwinReg Monitor read it to assess the obstacle. Your "
                 "contact details are optional and seen only by them. Your name, e-mail, the report's own text and "
                 "a fingerprint of your network address are erased {days} days after the case is decided; the "
                 "case number, the decision and its steps stay. Please do not write other people's personal data.",
                 lang, days=reports.RETENTION_DAYS))
    consent = st.checkbox(t("I have read how my report is handled.", lang))
    sent = st.form_submit_button(t("Send the report", lang), type="primary", icon=":material/send:")
if sent:
    config: auth.AuthConfig = st.session_state.get("auth_config", auth.AuthConfig())
    client = auth.client_address(st.context.ip_address, st.context.headers.get_all("X-Forwarded-For"),
                                 config.trusted_proxies)
    draft = reports.Draft(what=what, place=place, domain=domain, area=area, affected=affected,
                          contact_name=contact_name, contact_email=contact_email, consent=consent, lang=lang,
                          website=website)
    try:
        submitted = reports.submit(store(), draft, client)
    except reports.ReportRefused as refused:
        st.error(refused.text(lang), icon=":material/error:")
    else:
        if submitted is None:  # the honeypot: a bot gets a thank-you and nothing is kept
            st.success(t("Thank you.", lang))
            st.stop()
        st.session_state["report-done"] = submitted
        st.rerun()
