"""Accessibility statement (saavutettavuusseloste, ligipääsetavuse teatis, tillgänglighetsutlåtande)."""

import streamlit as st

from pages._ui import filters
from twinreg_data import accessibility
from twinreg_data.i18n import format_day, t
from twinreg_data.textsafe import markdown_text

lang = filters().lang
st.title(t("Accessibility statement", lang))
st.markdown(t("TwinReg Monitor aims to be usable by everyone. This statement covers the whole service, every page in "
              "English, Finnish, Estonian and Swedish, and the meeting slides it makes. It follows the EU Web "
              "Accessibility Directive (2016/2102), the Finnish Act on the Provision of Digital Services (306/2019) "
              "and the Estonian Public Information Act.", lang))

st.header(t("Compliance status", lang))
st.markdown(t("The service partially meets the {standard} requirements: the exceptions are listed below.", lang,
              standard=accessibility.STANDARD))
st.markdown("\n".join("- " + item for item in (
    t("Every chart has a one-sentence summary for screen readers and its data as a table right under it.", lang),
    t("Colour never carries meaning alone: changes, statuses and overdue actions also have a sign or a word.", lang),
    t("Everything works with the keyboard alone, including the meeting slides (arrow keys).", lang),
    t("Text contrast is at least 4.5:1; the downloaded slides have titles and alternative texts for charts.", lang),
)))

st.header(t("Content that is not accessible", lang))
st.markdown("\n".join("- " + item for item in (
    *accessibility.exception_texts(lang),
    t("The values of a chart show on pointer hover only; the same values are in the chart's data table.", lang),
)))

st.header(t("How this was checked", lang))
st.markdown(t("Last checked on {date}: by keyboard alone and automatically with axe-core on every page, in every "
              "language, signed out and signed in. The automated check also runs with every change of the code; "
              "the date here is updated by hand when the whole check is repeated.", lang,
              date=format_day(accessibility.LAST_CHECKED, lang)))

st.header(t("Feedback", lang))
contact = st.session_state.get("accessibility_contact")
st.markdown(t("Did you meet a barrier on this service? Tell us, and we will answer within 14 days.", lang))
if contact:
    st.markdown(t("Contact: {contact}", lang, contact=markdown_text(contact)))
else:
    st.warning(t("No contact is configured yet: the administrator sets it as contact in the [accessibility] section "
                 "of the settings.", lang), icon=":material/mail:")
st.markdown(t("If the answer does not satisfy you, or you get none within two weeks, you can turn to the "
              "supervisory authority:", lang))
st.markdown("\n".join("- " + t(body.name, lang) + " – " + body.web for body in accessibility.SUPERVISORS))
