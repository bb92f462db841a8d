"""TwinReg Monitor: page config, global controls and navigation."""

import streamlit as st

from twinreg_data.i18n import LANGUAGES, normalise_language, t

st.set_page_config(page_title="TwinReg Monitor", page_icon="🌉", layout="wide")

if "lang" not in st.session_state:
    st.session_state.lang = normalise_language(st.query_params.get("lang") or st.context.locale)
lang = st.sidebar.selectbox(
    t("control.language", st.session_state.lang),
    LANGUAGES,
    key="lang",
    format_func={"en": "English", "fi": "Suomi", "et": "Eesti"}.get,
)

page = st.navigation([st.Page("pages/overview.py", title=t("page.overview", lang), icon="📊", default=True)])
page.run()
