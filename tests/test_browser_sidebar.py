"""The sidebar lists the app's pages, never Streamlit's list of every file in pages/ (issue 22, item 6).

Before st.navigation runs, Streamlit shows its legacy list of pages/ (the Data page, the sign-in page, the `_ui`
helpers as "ui"). A run that stopped before app.py's st.navigation, because the database was busy or the first
start was slow, left that list in the sidebar. The app now registers its pages before it touches the database.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_database, streamlit_server
from test_browser_smoke import APP_IDLE, wait_for_app_idle

from twinreg_data.i18n import t
from twinreg_data.labels import RELIABILITY_LABELS

PUBLIC = ["", "bottlenecks", "indicators", "mobility", "services", "cooperation", "meeting", "sign_in", "report"]
NAV_LINKS = '[data-testid="stSidebarNav"] a'


def _nav_paths(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(NAV_LINKS, "els => els.map(e => e.getAttribute('href'))")
    return [href.removeprefix(base).strip("/") for href in hrefs]


@pytest.mark.browser
def test_a_busy_database_keeps_the_sidebar_to_the_apps_pages(demo_db_path, tmp_path, chromium_page, monkeypatch):
    db = copy_database(demo_db_path, tmp_path)
    monkeypatch.setenv("TWINREG_WAIT", "1")  # the server's store waits this long for the file
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(300)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with streamlit_server(db, tmp_path) as url:
            page = chromium_page
            page.goto(url, wait_until="domcontentloaded")
            wait_for_app_idle(page)
            page.wait_for_selector('[data-testid="stAlert"]', timeout=60_000)
            assert t(RELIABILITY_LABELS["busy"], "en").split("**")[0].strip() in page.inner_text("body")
            assert _nav_paths(page, url) == PUBLIC
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.browser
def test_a_fresh_database_shows_only_the_apps_pages(tmp_path: Path, chromium_page):
    db = tmp_path / "fresh" / "twinreg.duckdb"  # does not exist: the first run creates it and the admin
    with streamlit_server(db, tmp_path) as url:
        page = chromium_page
        page.goto(url, wait_until="domcontentloaded")
        wait_for_app_idle(page)
        page.wait_for_selector(APP_IDLE)
        assert db.exists()
        assert _nav_paths(page, url) == PUBLIC
        page.goto(url + "/sign_in", wait_until="domcontentloaded")
        wait_for_app_idle(page)
        assert _nav_paths(page, url) == PUBLIC
