"""Sign in: the configured OIDC provider(s), or a local account."""

import datetime as dt
from urllib.parse import urlencode

import streamlit as st

from pages._ui import filters, go_to
from twinreg_data import auth, sessions
from twinreg_data.filters import to_query
from twinreg_data.i18n import NP_, t, tn
from twinreg_data.labels import PAGE_LABELS, RELIABILITY_LABELS
from twinreg_data.st_cache import read_only, store

lang = filters().lang
config: auth.AuthConfig = st.session_state.get("auth_config", auth.AuthConfig())
st.title(t(NP_("signin.title", "Sign in"), lang))
st.caption(t("Officials sign in to upload data. Browsing needs no account.", lang) if config.public
           else t("This TwinReg Monitor is not public: sign in to continue.", lang))

if read_only() and not config.oidc:  # a viewer instance's snapshot holds no accounts
    refused = RELIABILITY_LABELS["read_only"]
    st.info(t(refused, lang), icon=":material/edit_off:")
elif config.oidc:
    for provider in config.providers or (None,):
        if st.button(t("Sign in with {provider}", lang, provider=provider or "OpenID Connect"), key=f"login-{provider}",
                     type="primary", icon=":material/login:"):
            st.login(provider) if provider else st.login()
else:
    with st.form("sign_in", width=420):
        name = st.text_input(t("User name", lang), autocomplete="username")
        password = st.text_input(t("Password", lang), type="password", autocomplete="current-password")
        submitted = st.form_submit_button(t(NP_("signin.submit", "Sign in"), lang), type="primary")
    if submitted:
        try:
            client = auth.client_address(st.context.ip_address, st.context.headers.get_all("X-Forwarded-For"),
                                         config.trusted_proxies)
            # A browser that signed in to this account before waits less behind a flood of guesses.
            known = sessions.known_device(store(), config, st.context.cookies.get(sessions.DEVICE_COOKIE_NAME, ""),
                                          name.strip())
            identity = auth.authenticate(store(), name.strip(), password, client=client, known_device=known)
        except auth.RateLimited as exc:
            st.error(tn("Too many failed sign-ins. Try again in {n} minute.",
                        "Too many failed sign-ins. Try again in {n} minutes.", auth.minutes_to_wait(exc.seconds), lang))
        except auth.AuthError:
            st.error(t("Wrong user name or password.", lang))
        else:
            signed_in_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            # The browser then gets a session cookie, so a reload, a new tab or a deep link stays signed in.
            # Back to the page that asked for the sign-in (a known page only: the link must not lead elsewhere).
            wanted = st.query_params.get("next", "")
            back = wanted if wanted in PAGE_LABELS and wanted not in ("overview", "sign_in") else ""
            cookie_url = sessions.signed_in_handoff(store().path, config, identity.name, signed_in_at,
                                                    f"/{back}?" + urlencode(to_query(filters()), doseq=True))
            st.session_state.update(local_identity=identity, signed_in_at=signed_in_at)
            if cookie_url is None:  # a server without the cookie route (`streamlit run app.py`): this tab only
                st.rerun()
            # A full page load follows at once; the signed-in app shows only after it, so nothing clicked in
            # between is lost to it.
            st.caption(t("Signed in. Opening the monitor…", lang))
            go_to(cookie_url)
            st.stop()
