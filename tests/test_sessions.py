"""A local sign-in that outlives the tab (twinreg_data/sessions.py, server.py): the signed session cookie,
what refuses it, the one-time hand-over, and the real server in Chromium (reload, new tab, deep link, sign-out).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from conftest import BROWSER_EDITOR

from twinreg_data import auth, sessions
from twinreg_data.i18n import NP_, t
from twinreg_data.store import Store

NOW = dt.datetime(2026, 12, 6, 12, 0, 0)
CONFIG = auth.AuthConfig(session_hours=8)


@pytest.fixture
def accounts(tmp_path: Path):
    store = Store(tmp_path / "accounts.duckdb")
    store.migrate()
    auth.add_user(store, "kaisa", "a long enough password", "editor")
    with store.transaction(changes_data=False) as cur:  # the account is older than the sign-ins below
        cur.execute("UPDATE users SET password_changed_at = ? WHERE name = 'kaisa'", [NOW - dt.timedelta(days=3)])
    yield store
    store.close()


def test_a_signed_cookie_restores_the_account_with_its_role_of_today(accounts):
    secret = sessions.secret_for(accounts.path)
    value = sessions.sign(secret, "kaisa", NOW)
    identity, signed_in_at = sessions.restore(accounts, secret, value, CONFIG, now=NOW + dt.timedelta(hours=1))
    assert (identity.name, identity.role, identity.source, signed_in_at) == ("kaisa", "editor", "local", NOW)
    auth.set_role(accounts, "kaisa", "viewer")
    identity, _ = sessions.restore(accounts, secret, value, CONFIG, now=NOW + dt.timedelta(hours=1))
    assert identity.role == "viewer"


@pytest.mark.parametrize("case", ["tampered", "other key", "expired", "from the future", "account removed",
                                  "password changed", "garbage"])
def test_a_cookie_that_no_longer_holds_signs_nobody_in(accounts, case):
    secret = sessions.secret_for(accounts.path)
    value, now = sessions.sign(secret, "kaisa", NOW), NOW + dt.timedelta(hours=1)
    if case == "tampered":
        value = sessions.sign(secret, "kaisa", NOW).replace("a2Fpc2E", "YWRtaW4")  # name "admin", same signature
    elif case == "other key":
        value = sessions.sign(b"another server's key", "kaisa", NOW)
    elif case == "expired":
        now = NOW + dt.timedelta(hours=8, seconds=1)
    elif case == "from the future":
        now = NOW - dt.timedelta(minutes=5)
    elif case == "account removed":
        auth.add_user(accounts, "other-admin", "a long enough password", "admin")
        auth.remove_user(accounts, "kaisa")
    elif case == "password changed":  # changing a password signs out every browser
        auth.set_password(accounts, "kaisa", "another long password")
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=5)
        value = sessions.sign(secret, "kaisa", now - dt.timedelta(minutes=1))
    else:
        value = "v1.not.a-cookie"
    assert sessions.restore(accounts, secret, value, CONFIG, now=now) is None


def test_a_device_cookie_names_the_account_it_signed_in_to_and_nothing_more(accounts):
    secret = sessions.secret_for(accounts.path)
    device = sessions.sign(secret, "kaisa", NOW, sessions._DEVICE_VERSION)
    later = NOW + dt.timedelta(days=30)
    assert sessions.known_device(accounts, CONFIG, device, "kaisa", now=later)
    assert not sessions.known_device(accounts, CONFIG, device, "admin", now=later)  # another account
    assert not sessions.known_device(accounts, CONFIG, device, "kaisa",
                                     now=NOW + dt.timedelta(days=sessions.DEVICE_DAYS, seconds=1))
    assert not sessions.known_device(accounts, CONFIG, sessions.sign(secret, "kaisa", NOW), "kaisa", now=later)
    assert not sessions.known_device(accounts, CONFIG, "", "kaisa", now=later)
    # … and it signs nobody in: it is no session cookie.
    assert sessions.restore(accounts, secret, device, CONFIG, now=NOW + dt.timedelta(hours=1)) is None


def test_the_signing_key_is_made_once_and_kept_private(tmp_path: Path):
    db = tmp_path / "twinreg.duckdb"
    key = sessions.secret_for(db)
    assert sessions.secret_for(db) == key and len(key) == 32
    assert stat.S_IMODE(os.stat(str(db) + ".cookie-secret").st_mode) == 0o600
    assert sessions.secret_for(db, "configured secret") == b"configured secret"


def test_a_hand_over_works_once_and_only_to_this_server(monkeypatch):
    monkeypatch.setattr(sessions, "ROUTE_SERVED", True)
    url = sessions.hand_over("value", 60, "https://evil.example/steal")
    token = url.split("handoff=")[1]
    handoff = sessions.HANDOFFS.take(token)
    assert (handoff.cookie_value, handoff.max_age, handoff.next_path) == ("value", 60, "/")
    assert sessions.HANDOFFS.take(token) is None
    for path, kept in [("/data?lang=fi", "/data?lang=fi"), ("//evil.example", "/"), ("/\\evil", "/"),
                       ("javascript:alert(1)", "/")]:
        assert sessions.local_path(path) == kept
    monkeypatch.setattr(sessions, "ROUTE_SERVED", False)
    assert sessions.hand_over("value", 60, "/") is None  # `streamlit run app.py`: no cookie route


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi"])
def test_a_local_sign_in_survives_reload_new_tab_and_deep_link(browser_server, chromium_page, lang):
    base, page = str(browser_server), chromium_page
    signed_in_as = t("Signed in as {name} ({role})", lang, name=BROWSER_EDITOR[0],
                     role=t(auth_role_label("editor"), lang))
    page.goto(f"{base}/sign_in?lang={lang}", wait_until="domcontentloaded")
    page.get_by_role("textbox", name=t("User name", lang)).fill(BROWSER_EDITOR[0])
    page.get_by_role("textbox", name=t("Password", lang)).fill(BROWSER_EDITOR[1])
    page.get_by_role("button", name=t(NP_("signin.submit", "Sign in"), lang)).click()
    page.get_by_text(signed_in_as).wait_for(timeout=60_000)
    for _ in range(150):  # the browser is sent on to the route that sets the cookie
        cookies = [c for c in page.context.cookies() if c["name"] == sessions.COOKIE_NAME]
        if cookies:
            break
        page.wait_for_timeout(200)
    cookie = cookies[0]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    device = [c for c in page.context.cookies() if c["name"] == sessions.DEVICE_COOKIE_NAME]
    assert device and device[0]["httpOnly"] and device[0]["expires"] > cookie["expires"]
    page.reload(wait_until="domcontentloaded")
    page.get_by_text(signed_in_as).wait_for(timeout=60_000)
    tab = page.context.new_page()
    tab.goto(f"{base}/data?lang={lang}", wait_until="domcontentloaded")  # a deep link in a new tab
    tab.get_by_text(t("Workbook (.xlsx), CSV or statistics file (PX, JSON-stat, PxWeb, Eurostat)", lang)).wait_for(
        timeout=60_000)
    tab.get_by_role("button", name=t("Sign out", lang)).click()
    # The sidebar's sign-in link (the Data page now also offers one in its "sign in to use this page" notice).
    tab.get_by_test_id("stSidebarNavItems").get_by_role("link", name=t(NP_("page", "Sign in"), lang)).wait_for(
        timeout=60_000)
    for _ in range(100):  # the browser is sent on to the route that clears the cookie
        if not [c for c in tab.context.cookies() if c["name"] == sessions.COOKIE_NAME]:
            break
        tab.wait_for_timeout(200)
    assert not [c for c in tab.context.cookies() if c["name"] == sessions.COOKIE_NAME]
    assert [c for c in tab.context.cookies() if c["name"] == sessions.DEVICE_COOKIE_NAME]  # kept on sign-out
    assert '"' not in cookie["value"]
    page.reload(wait_until="domcontentloaded")
    page.get_by_test_id("stSidebarNavItems").get_by_role("link", name=t(NP_("page", "Sign in"), lang)).wait_for(
        timeout=60_000)
    assert page.get_by_text(signed_in_as).count() == 0
    tab.close()


def auth_role_label(role: str) -> str:
    from twinreg_data.labels import ROLE_LABELS

    return ROLE_LABELS[role]
