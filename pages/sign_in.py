"""Sign in: the configured OIDC provider(s), or a local account."""

import datetime as dt

import streamlit as st

from pages._ui import filters
from twinreg_data import auth
from twinreg_data.i18n import t
from twinreg_data.st_cache import store

lang = filters().lang
config: auth.AuthConfig = st.session_state.get("auth_config", auth.AuthConfig())
st.title(t("signin.title", lang))
st.caption(t("signin.explain", lang) if config.public else t("signin.private", lang))

if config.oidc:
    for provider in config.providers or (None,):
        if st.button(t("signin.with", lang, provider=provider or "OpenID Connect"), key=f"login-{provider}",
                     type="primary", icon=":material/login:"):
            st.login(provider) if provider else st.login()
else:
    with st.form("sign_in", width=420):
        name = st.text_input(t("signin.name", lang), autocomplete="username")
        password = st.text_input(t("data.password", lang), type="password", autocomplete="current-password")
        submitted = st.form_submit_button(t("signin.submit", lang), type="primary")
    if submitted:
        try:
            address = st.context.ip_address
            client = address if isinstance(address, str) and address else "unknown"
            identity = auth.authenticate(store(), name.strip(), password, client=client)
        except auth.RateLimited as exc:
            st.error(t("signin.limited", lang, minutes=max(1, exc.seconds // 60)))
        except auth.AuthError:
            st.error(t("signin.failed", lang))
        else:
            st.session_state.local_identity = identity
            st.session_state.signed_in_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            st.rerun()
