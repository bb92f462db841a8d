"""Browser smoke test: the home page renders in headless Chromium without errors."""

from __future__ import annotations

import re

import pytest

from twinreg_data.i18n import t

# Test ids and attributes rendered by Streamlit 1.67's frontend.
APP = '[data-testid="stApp"]'
# The root element reports the script run state ("initial", "running", "notRunning", ...) and the
# websocket connection state ("CONNECTED", ...) as attributes.
APP_IDLE = f'{APP}[data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
MAIN_BLOCK = '[data-testid="stMainBlockContainer"]'
BUSY = '[data-testid="stSpinner"], [data-testid="stStatusWidget"], [data-testid="stAppSkeleton"]'
EXCEPTION = '[data-testid="stException"]'

RENDER_TIMEOUT_MS = 60_000

# Console errors that say nothing about the app. The test machine and CI have no internet access, so
# Chromium logs failed loads of external resources (for example tiles or fonts a component asks for)
# and of a favicon that may not exist; these are network noise, not app faults. Anything else, in
# particular a JavaScript exception or a failed request to the app's own server, fails the test.
HARMLESS_CONSOLE_ERRORS = (
    re.compile(r"favicon", re.IGNORECASE),
    # Opening a deep link (/bottlenecks) makes Streamlit's frontend probe /bottlenecks/_stcore/health and
    # host-config to find the app's base path before it falls back to the root: expected 404s.
    re.compile(r"status of 404 \(Not Found\) \[https?://[^/]+/[\w\-]+/_stcore/(health|host-config)\]"),
    re.compile(r"Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED"
               r"|CONNECTION_RESET|CONNECTION_TIMED_OUT|ADDRESS_UNREACHABLE|NETWORK_CHANGED|TIMED_OUT)"
               r"(?!.*\[https?://(127\.0\.0\.1|localhost)[:/])"),
)  # fmt: skip


def _relevant(errors: list[str]) -> list[str]:
    return [e for e in errors if not any(pattern.search(e) for pattern in HARMLESS_CONSOLE_ERRORS)]


def wait_for_app_idle(page, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Wait until Streamlit is connected, the script run has finished and nothing shows as busy."""
    page.wait_for_selector(APP, timeout=timeout_ms)
    page.wait_for_selector(APP_IDLE, timeout=timeout_ms)
    page.wait_for_selector(MAIN_BLOCK, state="visible", timeout=timeout_ms)
    page.wait_for_function("sel => document.querySelectorAll(sel).length === 0", arg=BUSY, timeout=timeout_ms)
    # The state can flip back to "running" when a rerun is queued right after the first run.
    page.wait_for_selector(APP_IDLE, timeout=timeout_ms)


@pytest.mark.browser
def test_home_page_renders(browser_server, chromium_page, artifacts_dir):
    page = chromium_page
    page.goto(browser_server, wait_until="domcontentloaded")
    wait_for_app_idle(page)

    page.screenshot(path=str(artifacts_dir / "smoke-home.png"), full_page=True)

    # With client.showErrorDetails = "none" the browser shows a generic message; the traceback is in the server log.
    exceptions = page.locator(EXCEPTION)
    assert exceptions.count() == 0, (
        "the page shows an exception:\n"
        + "\n---\n".join(exceptions.all_inner_texts())
        + f"\n--- end of the server log ---\n{browser_server.log_tail()}"
    )
    assert _relevant(page.console_errors) == [], "browser console errors:\n" + "\n".join(page.console_errors)


@pytest.mark.browser
def test_the_view_link_leads_to_the_page_shown(browser_server, chromium_page):
    """A visitor who opens /data (an editor's page) is asked to sign in there, and /overview typed by hand shows
    the main page at the root: the sidebar's link leads to the page shown."""
    page = chromium_page
    page.goto(f"{browser_server}/data?lang=fi&side=EE", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.get_by_text(t("Sign in to use this page.", "fi")).wait_for(timeout=60_000)
    link = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text().strip()
    assert link == f"{browser_server}/data?lang=fi&side=EE"
    page.goto(f"{browser_server}/overview?lang=fi&side=EE", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.get_by_text(t("Open bottlenecks", "fi")).first.wait_for(timeout=60_000)
    wait_for_app_idle(page)
    link = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text().strip()
    assert link == f"{browser_server}/?lang=fi&side=EE"
    page.goto(f"{browser_server}/mobility?lang=et", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    link = page.locator('[data-testid="stSidebar"] [data-testid="stCode"]').first.inner_text().strip()
    assert link.startswith(f"{browser_server}/mobility?lang=et&mob_unit="), link
