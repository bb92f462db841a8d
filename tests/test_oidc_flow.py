"""Sign-in through a real OpenID Connect flow: headless Chromium, `streamlit run app.py` and a mock provider.

The AppTest tests (test_page_data.py) set `at.user` directly; here nothing is faked on the app side. The
browser clicks the app's sign-in button, Streamlit's /auth/login redirects it to oidc-provider-mock (a Flask
app run in a thread of the test process), the test types a subject into the provider's form, the provider
redirects back to /oauth2callback, Streamlit exchanges the code for tokens (server to server) and sets its
identity cookie, and app.py maps the `email` claim to a role with the `[twinreg]` lists of secrets.toml.

Screenshots: test-artifacts/oidc-editor-data.png and test-artifacts/oidc-viewer.png.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import REPO_ROOT, ServerUrl, _free_port, _require_chromium, copy_database, streamlit_server
from test_browser_smoke import EXCEPTION, _relevant, wait_for_app_idle

from twinreg_data.i18n import NP_, t

oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
pytestmark = pytest.mark.browser

# The editor signs in with an opaque subject; the role must come from the `email` claim, not from `sub`.
EDITOR_SUB = "oidc-subject-clerk-0001"
EDITOR_EMAIL = "clerk@example.org"
# Unknown subjects get the claim {"email": <sub>} from the mock provider: an address in no list → viewer.
STRANGER_EMAIL = "stranger@example.org"
UPLOADER = '[data-testid="stFileUploaderDropzone"]'
# Streamlit's frontend shows (and logs as a console error) this when a URL names a page the session lacks.
PAGE_NOT_FOUND = "The page that you have requested does not seem to exist"
REDIRECT_TIMEOUT_MS = 30_000
# Lifetime of the ID token in the expiry test: long enough to see the editor signed in first.
SHORT_TOKEN_S = 6


def _toml_str(value: str) -> str:
    return json.dumps(value)  # a JSON string of plain ASCII is a valid TOML basic string


@contextmanager
def mock_provider(token_lifetime: dt.timedelta = dt.timedelta(hours=1)) -> Iterator[str]:
    """oidc-provider-mock on a free port of localhost; any client id and secret are accepted (no registration).

    It offers no PKCE, so Streamlit does not use it; ID and access tokens live `token_lifetime`.
    """
    user = oidc_provider_mock.User(sub=EDITOR_SUB, claims={"email": EDITOR_EMAIL, "name": "Clara Clerk"})
    with oidc_provider_mock.run_server_in_thread(user_claims=[user], access_token_max_age=token_lifetime) as server:
        yield f"http://localhost:{server.server_port}"


@contextmanager
def app_signing_in_with(provider: str, demo_db_path: Path, workdir: Path) -> Iterator[ServerUrl]:
    """`streamlit run app.py` with an [auth] section pointing at `provider` and the editor in [twinreg].

    The server runs in `workdir`, which holds .streamlit/secrets.toml and a copy of the repository's config.toml;
    `--secrets.files` names that secrets file only, so a developer's own secrets.toml (in ~/.streamlit or next to
    app.py) cannot change the test.
    """
    db_copy = copy_database(demo_db_path, workdir)
    port = _free_port()
    # Streamlit's identity cookie is bound to the origin of redirect_uri, so the browser uses the same host name.
    base_url = f"http://localhost:{port}"
    settings = workdir / ".streamlit"
    settings.mkdir()
    shutil.copy2(REPO_ROOT / ".streamlit" / "config.toml", settings / "config.toml")
    secrets_file = settings / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f"redirect_uri = {_toml_str(base_url + '/oauth2callback')}\n"
        f"cookie_secret = {_toml_str(secrets.token_urlsafe(32))}\n"
        'client_id = "twinreg-monitor"\n'
        f"client_secret = {_toml_str(secrets.token_urlsafe(16))}\n"
        f"server_metadata_url = {_toml_str(provider + '/.well-known/openid-configuration')}\n"
        "\n[twinreg]\n"
        f"editors = [{_toml_str(EDITOR_EMAIL)}]\n"
        'admins = ["boss@example.org"]\n',
        encoding="utf-8",
    )
    with streamlit_server(db_copy, workdir, port=port, host="localhost", cwd=workdir,
                          extra_args=("--secrets.files", str(secrets_file))) as url:
        yield url


@pytest.fixture(scope="module")
def oidc_provider() -> Iterator[str]:
    with mock_provider() as url:
        yield url


@pytest.fixture(scope="module")
def oidc_app(oidc_provider: str, demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerUrl]:
    _require_chromium()
    with app_signing_in_with(oidc_provider, demo_db_path, tmp_path_factory.mktemp("oidc-server")) as url:
        yield url


def app_root(app: ServerUrl) -> re.Pattern:
    return re.compile(re.escape(app) + r"/?(\?.*)?$")


def sign_in_at_provider(page, app: ServerUrl, provider: str, sub: str) -> float:
    """From the app's sign-in page through the provider's form and back to the app, signed in.

    Returns the time (time.time()) by which the provider had issued the tokens.
    """
    page.goto(f"{app}/sign_in?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.get_by_role("button", name=t("Sign in with {provider}", "en", provider="OpenID Connect")).click()
    page.wait_for_url(f"{provider}/oauth2/authorize?**", timeout=REDIRECT_TIMEOUT_MS)
    page.locator('input[name="sub"]').fill(sub)
    page.get_by_role("button", name="Authorize", exact=True).click()
    # /oauth2callback exchanges the code for tokens (server to server) and redirects to the app's root.
    page.wait_for_url(app_root(app), timeout=REDIRECT_TIMEOUT_MS)
    issued_by = time.time()
    wait_for_app_idle(page)
    return issued_by


def end_provider_session(page, app: ServerUrl, provider: str) -> None:
    """st.logout() → /auth/logout → the provider's end-session page → confirm → back to the app."""
    page.wait_for_url(f"{provider}/oauth2/end_session?**", timeout=REDIRECT_TIMEOUT_MS)
    page.get_by_role("button", name="End session", exact=True).click()
    page.wait_for_url(app_root(app), timeout=REDIRECT_TIMEOUT_MS)
    wait_for_app_idle(page)


def sidebar_text(page) -> str:
    """The sidebar as read: without the invisible word joiner that keeps Streamlit from turning an e-mail
    address from the identity provider into a link (twinreg_data.textsafe.markdown_text)."""
    return page.locator('[data-testid="stSidebar"]').inner_text().replace("\u2060", "")


def assert_signed_out(page, app: ServerUrl, email: str) -> None:
    """Signed out, also after a fresh page load (the identity cookie is gone)."""
    assert email not in sidebar_text(page), f"still signed in; server log:\n{app.log_tail()}"
    page.goto(f"{app}/sign_in?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    assert page.get_by_role("button", name=t("Sign in with {provider}", "en", provider="OpenID Connect")).is_visible()
    assert email not in sidebar_text(page)
    assert page.get_by_role("button", name=t("Sign out", "en")).count() == 0
    assert page.get_by_role("link", name=t("Data", "en"), exact=True).count() == 0


def check_no_errors(page, app: ServerUrl, expected: str | None = None) -> None:
    """No exception box and no relevant console error, except `expected` (a text that must be logged)."""
    assert page.locator(EXCEPTION).count() == 0, f"the page shows an exception; server log:\n{app.log_tail()}"
    errors = _relevant(page.console_errors)
    if expected is not None:
        assert any(expected in e for e in errors), f"no console error {expected!r} in:\n" + "\n".join(errors)
        errors = [e for e in errors if expected not in e]
    assert errors == [], "browser console errors:\n" + "\n".join(errors)


def test_editor_signs_in_with_oidc_reaches_the_data_page_and_signs_out(oidc_app, oidc_provider, chromium_page,
                                                                       artifacts_dir):
    page = chromium_page
    sign_in_at_provider(page, oidc_app, oidc_provider, EDITOR_SUB)
    # The callback lands on the app's root, in the browser's language; the name shown is the `email` claim.
    assert EDITOR_EMAIL in sidebar_text(page), f"sidebar:\n{sidebar_text(page)}\nserver log:\n{oidc_app.log_tail()}"
    assert EDITOR_SUB not in sidebar_text(page)

    # The identity cookie outlives the session: a fresh page load is signed in, with the role from the editors list.
    page.goto(f"{oidc_app}/data?lang=en", wait_until="domcontentloaded")
    page.get_by_role("heading", name=t("Data for officials", "en")).wait_for()
    page.locator(UPLOADER).wait_for(state="visible")
    wait_for_app_idle(page)
    assert t("Signed in as {name} ({role})", "en", name=EDITOR_EMAIL, role=t("editor", "en")) in sidebar_text(page)
    assert page.get_by_role("link", name=t("Data", "en"), exact=True).count() == 1
    assert page.get_by_role("link", name=t(NP_("page", "Sign in"), "en"), exact=True).count() == 0
    page.screenshot(path=str(artifacts_dir / "oidc-editor-data.png"), full_page=True)
    check_no_errors(page, oidc_app)

    page.get_by_role("button", name=t("Sign out", "en")).click()
    end_provider_session(page, oidc_app, oidc_provider)
    assert_signed_out(page, oidc_app, EDITOR_EMAIL)


def test_unlisted_oidc_user_is_a_viewer_without_the_data_page(oidc_app, oidc_provider, chromium_page, artifacts_dir):
    page = chromium_page
    sign_in_at_provider(page, oidc_app, oidc_provider, STRANGER_EMAIL)
    assert STRANGER_EMAIL in sidebar_text(page)
    # The Data page is not registered for a viewer: its address says why, in the visitor's language, without the
    # upload widget (not Streamlit's English "page not found").
    page.goto(f"{oidc_app}/data?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.screenshot(path=str(artifacts_dir / "oidc-viewer.png"), full_page=True)
    assert page.get_by_text(t("Your account may not use this page: it is for officials who import data. Ask an "
                              "administrator for the editor role.", "en")).is_visible()
    assert page.get_by_text(PAGE_NOT_FOUND).count() == 0
    assert page.get_by_role("heading", name=t("Data for officials", "en")).count() == 0
    assert page.locator(UPLOADER).count() == 0
    assert t("Signed in as {name} ({role})", "en", name=STRANGER_EMAIL, role=t("viewer", "en")) in sidebar_text(page)
    assert page.get_by_role("link", name=t("Data", "en"), exact=True).count() == 0
    check_no_errors(page, oidc_app)


def test_expired_id_token_signs_the_editor_out(demo_db_path, tmp_path, chromium_page):
    """st.user carries the ID token's `exp`; once it has passed, the next page load signs the user out."""
    with mock_provider(dt.timedelta(seconds=SHORT_TOKEN_S)) as provider, \
            app_signing_in_with(provider, demo_db_path, tmp_path) as app:
        page = chromium_page
        issued_by = sign_in_at_provider(page, app, provider, EDITOR_SUB)
        assert EDITOR_EMAIL in sidebar_text(page)
        time.sleep(max(0.0, issued_by + SHORT_TOKEN_S + 1 - time.time()))  # `exp` is in whole seconds
        # The run that signs the user out must not keep the role: /data is not registered in it.
        page.goto(f"{app}/data?lang=en", wait_until="commit")
        end_provider_session(page, app, provider)
        assert_signed_out(page, app, EDITOR_EMAIL)
        check_no_errors(page, app)
