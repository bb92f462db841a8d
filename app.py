"""TwinReg Monitor: page config, global controls kept in the URL, navigation."""

from functools import partial
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from pages._ui import go_to, needs_sign_in, read_only_page, set_document_language, show_view_link
from twinreg_data import accessibility, auth, publish, sessions, uploads
from twinreg_data.filters import MIN_YEAR, PARAMS, SIDES, Filters, max_year, parse_query, to_query
from twinreg_data.i18n import LANGUAGES, NP_, normalise_language, t
from twinreg_data.labels import DOMAIN_LABELS, PAGE_LABELS, ROLE_LABELS, SIDE_LABELS
from twinreg_data.schema import DOMAINS
from twinreg_data.st_cache import app_icon, publication_failure, read_only, stop_with, store, store_if_available
from twinreg_data.store import StoreError
from twinreg_data.textsafe import markdown_text

st.set_page_config(page_title="TwinReg Monitor", page_icon=app_icon(), layout="wide")

# First run of a session: seed the controls from the link (or the browser's language).
resume = st.session_state.pop("resume", None)  # a deep link that reached a page before app.py (see pages/_ui.py)
if "filters" not in st.session_state:
    url_params = {key: resume["query"].get(key, []) if resume else st.query_params.get_all(key) for key in PARAMS}
    st.session_state.filters, st.session_state.ignored_params = parse_query(
        url_params, default_lang=normalise_language(st.context.locale))

# The widgets start from the current view, so a page switch or a lost widget state never resets the view.
current: Filters = st.session_state.filters
with st.sidebar:
    lang = st.segmented_control(t("Language", current.lang), LANGUAGES, key="w_lang", required=True,
                                default=current.lang)
    domains = st.multiselect(t("Domains", lang), DOMAINS, key="w_domains", default=list(current.domains),
                             placeholder=t("All domains", lang), format_func=lambda d: t(DOMAIN_LABELS[d], lang))
    side = st.segmented_control(t("Side of the border", lang), SIDES, key="w_side", required=True, default=current.side,
                                format_func=lambda s: t(SIDE_LABELS[s], lang))
    years = st.select_slider(t("Period", lang), options=list(range(MIN_YEAR, max_year() + 1)), key="w_years",
                             value=(current.year_from, current.year_to))
    if st.session_state.ignored_params:
        st.caption(t("Ignored invalid link parameter(s): {params}",
                     lang, params=markdown_text(", ".join(st.session_state.ignored_params))))

filters = Filters(lang=lang, domains=tuple(d for d in DOMAINS if d in domains), side=side, year_from=years[0],
                  year_to=years[1])
st.session_state.filters = filters
query = to_query(filters)
# Keep the global controls in the URL; page-local parameters (e.g. ?bn=BN-003) are left alone.
for key in PARAMS:
    if st.query_params.get_all(key) != query.get(key, []):
        if key in query:
            st.query_params[key] = query[key]
        else:
            del st.query_params[key]



def secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml: every setting keeps its default
        return {}


@st.cache_resource(show_spinner=False)
def announce_initial_admin(db_path: str) -> None:
    """First start without any account: create `admin` and print its password once on the server console."""
    password = auth.ensure_initial_admin(store())
    if password:
        print(f"\n  TwinReg Monitor: first start, no account existed.\n  Created the account 'admin' with the password:"
              f"\n\n      {password}\n\n  Sign in on the 'Sign in' page to upload data. Manage accounts with "
              "`python -m twinreg_data users`.\n", flush=True)


def restored_sign_in(config: auth.AuthConfig) -> auth.Identity | None:
    """The local sign-in of the browser's session cookie, looked up once per session. A busy or damaged database
    leaves the visitor anonymous for this run (the page says why) and the cookie is read again on the next."""
    cookie = st.context.cookies.get(sessions.COOKIE_NAME, "")
    database = store_if_available() if cookie else None
    if cookie and database is None:
        return None
    try:
        restored = sessions.restore_from_cookie(database, config, cookie) if cookie else None
    except StoreError:
        return None
    st.session_state.session_cookie_read = True
    if restored is None:
        return None
    st.session_state.local_identity, st.session_state.signed_in_at = restored
    return restored[0]


def current_identity(config: auth.AuthConfig) -> auth.Identity:
    """Who is using this session; expired identities are signed out. A viewer instance (a read-only snapshot without
    accounts) signs nobody in locally, and an OIDC identity there is a viewer whatever its role elsewhere."""
    if config.oidc and VIEWER_INSTANCE:
        return auth.viewer_only(current_oidc_identity(config))
    if config.oidc:
        return current_oidc_identity(config)
    if VIEWER_INSTANCE:
        return auth.ANONYMOUS
    identity = st.session_state.get("local_identity")
    if identity is None and "session_cookie_read" not in st.session_state:
        # A reload, a new tab or a deep link starts a new session: the browser's session cookie signs it in.
        identity = restored_sign_in(config)
    if identity is None:
        return auth.ANONYMOUS
    if auth.session_expired(st.session_state.signed_in_at, config):
        del st.session_state["local_identity"]
        st.toast(t("Your session expired; please sign in again.", lang))
        return auth.ANONYMOUS
    return identity


def current_oidc_identity(config: auth.AuthConfig) -> auth.Identity:
    """The identity of a sign-in through the configured OpenID Connect provider."""
    if not st.user.is_logged_in:
        return auth.ANONYMOUS
    claims = st.user.to_dict()
    if auth.claims_expired(claims):
        st.logout()  # redirects the browser but does not stop this run: it must not keep the role
        return auth.ANONYMOUS
    return auth.identity_from_claims(claims, config)


VIEWER_INSTANCE = read_only()  # TWINREG_DB_READONLY: the newest published snapshot, read-only (docs/deployment.md)
settings = secrets()
config = auth.AuthConfig.from_secrets(settings)
identity = current_identity(config)
st.session_state.update(auth_config=config, identity=identity,
                        accessibility_contact=accessibility.feedback_contact(settings))
set_document_language(lang)  # screen readers pronounce the page in its language (WCAG 3.1.1)
# A sign-in or sign-out hands the browser its session cookie on a full page load (twinreg_data/sessions.py).
if go_to_url := st.session_state.pop("go_to", None):
    go_to(go_to_url)
# Only a visitor who may import may upload files to this server (twinreg_data/uploads.py, served by server.py).
if (run_context := get_script_run_ctx()) is not None:
    uploads.GATE.entitle(run_context.session_id, identity.can_import)

PAGES = [  # (file stem, material icon)
    ("overview", "dashboard"),
    ("bottlenecks", "block"),
    ("indicators", "monitoring"),
    ("mobility", "directions_boat"),
    ("services", "account_balance"),
    ("cooperation", "handshake"),
    ("meeting", "co_present"),
]
# The main page is served at the root; its own url_path is only a unique name ("/home" opens it too).
pages = [] if not (config.public or identity.signed_in) else [
    st.Page(f"pages/{stem}.py", title=t(PAGE_LABELS[stem], lang), icon=f":material/{icon}:",
            url_path="home" if stem == "overview" else stem, default=stem == "overview")
    for stem, icon in PAGES
]
locked = [stem for stem, _ in PAGES if not pages] + ([] if identity.can_import else ["data", "triage"])
# Pages a role may not use are not registered for the session: their URLs show why, in the visitor's language.
if identity.can_import:
    pages.append(st.Page("pages/data.py", title=t("Data", lang), icon=":material/upload_file:", url_path="data"))
    triage_title = PAGE_LABELS["triage"]
    pages.append(st.Page("pages/triage.py", title=t(triage_title, lang), icon=":material/inbox:", url_path="triage"))
sign_in_page = None
# A public viewer instance has nobody to sign in (no accounts in its snapshot); a closed one keeps the Sign-in page,
# which says so, unless OIDC signs viewers in.
if not identity.signed_in and not (VIEWER_INSTANCE and config.public and not config.oidc):
    sign_in_page = st.Page("pages/sign_in.py", title=t(NP_("page", "Sign in"), lang), icon=":material/login:",
                           url_path="sign_in", default=not pages)
    pages.append(sign_in_page)
# The accessibility statement is open to everyone, signed in or not; the sidebar's footer links to it.
statement_label = PAGE_LABELS["accessibility"]
statement_page = st.Page("pages/accessibility.py", title=t(statement_label, lang),
                         icon=":material/accessibility_new:", url_path="accessibility", visibility="hidden")
pages.append(statement_page)
# Anyone may report an obstacle and follow their case, signed in or not, on a public monitor or not (after the
# sign-in page, which stays the default of a monitor that is not public). A viewer instance writes nothing and
# holds no reports: reports go to the editing instance.
if not VIEWER_INSTANCE:
    report_title, follow_title = PAGE_LABELS["report"], PAGE_LABELS["follow"]
    pages.append(st.Page("pages/report.py", title=t(report_title, lang), icon=":material/campaign:",
                         url_path="report"))
    pages.append(st.Page("pages/follow.py", title=t(follow_title, lang), url_path="follow", visibility="hidden"))
if config.public or identity.signed_in:  # /overview typed by hand opens the main page with the link's parameters
    main_page = pages[0]
    pages.append(st.Page(lambda: st.switch_page(main_page, query_params={
        key: st.query_params.get_all(key) for key in st.query_params}), title=main_page.title,
        url_path="overview", visibility="hidden"))
pages += [st.Page(partial(read_only_page, stem, lang) if VIEWER_INSTANCE and stem == "data" else
                  partial(needs_sign_in, stem, lang, identity.signed_in, sign_in_page),
                  title=t(PAGE_LABELS[stem], lang), url_path=stem, visibility="hidden")
          for stem in locked]
# Navigation first, the database after: a run that stops on a busy or damaged database (or a slow first start that
# creates the admin) must not leave Streamlit's default list of every file in pages/ in the sidebar.
page = st.navigation(pages)
if resume:
    target = next((p for p in pages if p.url_path == resume["page"]), None)
    if target is not None and target.url_path != page.url_path:
        st.switch_page(target, query_params={k: v for k, v in resume["query"].items() if k not in PARAMS})
with st.sidebar:
    if VIEWER_INSTANCE:
        st.caption(t("Read-only copy: data is changed on the editing instance.", lang))
    elif identity.can_import and (failed := publication_failure()) is not None:
        st.warning(t("The data was saved, but the read-only copy for viewer instances could not be published: "
                     "{error}", lang, error=markdown_text(failed.error)), icon=":material/sync_problem:")
    if identity.signed_in:
        st.caption(t("Signed in as {name} ({role})",
                     lang, name=markdown_text(identity.name), role=t(ROLE_LABELS[identity.role], lang)))
        if st.button(t("Sign out", lang), icon=":material/logout:"):
            if identity.source == "oidc":
                # The browser goes to /auth/logout, which deletes the identity cookie. No st.rerun() here: it drops
                # that redirect, and the cookie would sign the user in again on the next page load.
                st.logout()
            else:
                st.session_state.pop("local_identity", None)
                st.session_state.session_cookie_read = True  # this session does not sign in again from it
                st.session_state.go_to = sessions.hand_over("", 0, "/?" + urlencode(query, doseq=True))
                st.rerun()
    # The open data package, built only when clicked (twinreg_data/publish.py; `python -m twinreg_data publish`).
    st.download_button(t("Download all data", lang), lambda: publish.package_zip(store()),
                       "twinreg-monitor-data.zip", "application/zip", key="all-data-zip", icon=":material/dataset:",
                       on_click="ignore",
                       help=t("An open data package (Frictionless Data Package): every public table as CSV and "
                              "Parquet, the indicators as JSON-stat 2.0, with sources, licence and the date of the "
                              "data.", lang))
    st.caption(t("Link to this view", lang), help=t("Copy this link to share exactly what you see (language, "
                                                    "domains, side, period).", lang))
    # A container, not st.empty: a page's fragment rewrites the link here when only the fragment reruns.
    st.session_state.update(link_box=st.container(), link_page=page.url_path, link_shown=False,
                            api_public=config.public)
    st.page_link(statement_page, label=t(statement_label, lang), icon=":material/accessibility_new:")
try:
    if not config.oidc and not VIEWER_INSTANCE:  # a viewer instance has no accounts and writes nothing
        announce_initial_admin(str(store().path))
    page.run()
except StoreError as exc:  # a read or write found the database busy (another program writing) for too long
    stop_with(exc)
finally:
    # After the page ran (or stopped early), so that its own parameters (e.g. ?bn=BN-003) are in the link too;
    # unless the page's fragment already wrote it (see pages/_ui.py).
    if not st.session_state.link_shown:
        show_view_link()
