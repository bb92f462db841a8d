"""TwinReg Monitor: page config, global controls kept in the URL, navigation."""

from urllib.parse import urlencode

import streamlit as st

from twinreg_data.filters import MIN_YEAR, PARAMS, SIDES, Filters, max_year, parse_query, to_query
from twinreg_data.i18n import LANGUAGES, normalise_language, t
from twinreg_data.schema import DOMAINS

st.set_page_config(page_title="TwinReg Monitor", page_icon="🌉", layout="wide")

# First run of a session: seed the controls from the link (or the browser's language).
if "filters" not in st.session_state:
    url_params = {key: st.query_params.get_all(key) for key in PARAMS}
    seeded, ignored = parse_query(url_params, default_lang=normalise_language(st.context.locale))
    st.session_state.update(lang=seeded.lang, domains=list(seeded.domains), side=seeded.side,
                            years=(seeded.year_from, seeded.year_to), ignored_params=ignored)

lang = st.session_state.lang
with st.sidebar:
    st.segmented_control(t("control.language", lang), LANGUAGES, key="lang", required=True)
    lang = st.session_state.lang
    st.multiselect(t("control.domains", lang), DOMAINS, key="domains", placeholder=t("control.domains_all", lang),
                   format_func=lambda d: t(f"domain.{d}", lang))
    st.segmented_control(t("control.side", lang), SIDES, key="side", required=True,
                         format_func=lambda s: t(f"side.{s}", lang))
    st.select_slider(t("control.years", lang), options=list(range(MIN_YEAR, max_year() + 1)), key="years")
    if st.session_state.ignored_params:
        st.caption(t("control.ignored", lang, params=", ".join(st.session_state.ignored_params)))

filters = Filters(lang=lang, domains=tuple(d for d in DOMAINS if d in st.session_state.domains),
                  side=st.session_state.side, year_from=st.session_state.years[0],
                  year_to=st.session_state.years[1])
st.session_state.filters = filters
query = to_query(filters)
if {k: st.query_params.get_all(k) for k in PARAMS} != {k: query.get(k, []) for k in PARAMS}:
    st.query_params.from_dict(query)

pages = [
    st.Page("pages/overview.py", title=t("page.overview", lang), icon="📊", url_path="overview", default=True),
]
page = st.navigation(pages)
with st.sidebar:
    link = st.context.url.split("?")[0] + "?" + urlencode(query, doseq=True)
    st.caption(t("control.link", lang), help=t("control.link_help", lang))
    st.code(link, language=None, wrap_lines=True)
page.run()
