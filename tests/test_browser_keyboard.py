"""The main jobs with the keyboard alone (WCAG 2.1.1): no mouse, only key presses, in headless Chromium.

Change the language, domains, side and period; open a bottleneck; download a table; step through the meeting
slides; sign in, upload a file and import it. Focus moves with Tab as a keyboard user's does (`tab_to`), and a control
is worked with the keys its role takes (Space on a radio, typing and Enter in a combobox, arrows on a slider). The
test runs its own server on a copy of the demo database, because it imports a file.
"""

from __future__ import annotations

import re

import pytest
from conftest import BROWSER_EDITOR, copy_database, streamlit_server
from factories import table_rows, write_xlsx
from test_browser_meeting import COUNTER, counter
from test_browser_smoke import EXCEPTION, _relevant, wait_for_app_idle

from twinreg_data import auth
from twinreg_data.i18n import t
from twinreg_data.labels import DOMAIN_LABELS, PAGE_LABELS
from twinreg_data.store import Store

# What has the focus: tag|role|aria-label|text|test id.
FOCUSED = """() => { const el = document.activeElement; if (!el) return '';
    return [el.tagName, el.getAttribute('role') || '', el.getAttribute('aria-label') || '',
            (el.innerText || el.value || '').trim().replace(/\\s+/g, ' '), el.getAttribute('data-testid') || ''
           ].join('|'); }"""
TAB_LIMIT = 150
SLOW_MS = 120_000  # a loaded test machine: a rerun may take long, which is not what this test is about


def tab_to(page, wanted: str | re.Pattern, key: str = "Tab") -> str:
    """Press Tab until the focused element's description (FOCUSED) contains `wanted`; returns it."""
    seen = []
    for _ in range(TAB_LIMIT):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        seen.append(focused)
        if (wanted.search(focused) if isinstance(wanted, re.Pattern) else wanted in focused):
            return focused
    raise AssertionError(f"no focus on {wanted!r} after {TAB_LIMIT} presses of {key}; last: {seen[-8:]}")


def button(label: str) -> re.Pattern:
    """A button whose text (after its icon's name) ends with `label`."""
    return re.compile(r"^BUTTON\|[^|]*\|[^|]*\|[^|]*" + re.escape(label) + r"\|")


def field(label: str) -> str:
    """An input or combobox named `label` (its aria-label)."""
    return f"|{label}|"


@pytest.fixture(scope="module")
def private_server(demo_db_path, tmp_path_factory):
    """A server of its own: this test imports a file, which the shared server's other tests must not see."""
    workdir = tmp_path_factory.mktemp("keyboard-server")
    db = copy_database(demo_db_path, workdir)
    accounts = Store(db)
    auth.add_user(accounts, *BROWSER_EDITOR, "editor")
    accounts.close()
    with streamlit_server(db, workdir) as url:
        yield url


@pytest.mark.browser
def test_the_main_jobs_with_the_keyboard_alone(private_server, chromium_page, tmp_path):
    page, base = chromium_page, private_server
    page.set_default_timeout(SLOW_MS)
    page.goto(f"{base}/bottlenecks?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page, SLOW_MS)

    # Language: the segmented control is a radio group; an arrow moves within it, Space chooses.
    tab_to(page, "|radio||en|")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.wait_for_url("**lang=fi**")
    wait_for_app_idle(page, SLOW_MS)
    # Domains: type in the combobox, Enter picks the match, Escape closes the list.
    tab_to(page, "|combobox" + field(t("Domains", "fi")))
    page.keyboard.type(t(DOMAIN_LABELS["taxation"], "fi"))
    page.keyboard.press("Enter")
    page.wait_for_url("**domain=taxation**")
    page.keyboard.press("Escape")
    wait_for_app_idle(page, SLOW_MS)
    # Side of the border: from "both" to Finland.
    tab_to(page, "|radio|")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.wait_for_url("**side=FI**")
    wait_for_app_idle(page, SLOW_MS)
    # Period: the slider's start thumb one year on.
    tab_to(page, "|" + t("Period", "fi"))
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**from=2001**")
    wait_for_app_idle(page, SLOW_MS)
    assert "lang=fi" in page.url and "domain=taxation" in page.url and "side=FI" in page.url

    # Open a bottleneck: its picker is a combobox too.
    tab_to(page, "|combobox" + field(t("Open a bottleneck", "fi")))
    page.keyboard.type("BN-")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"bn=BN-\d+"))
    wait_for_app_idle(page, SLOW_MS)
    code = re.search(r"bn=(BN-\d+)", page.url).group(1)
    assert page.get_by_text(code).first.is_visible()
    # Download a table: Enter on its button.
    tab_to(page, button(t("Download CSV", "fi")))
    with page.expect_download(timeout=SLOW_MS) as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".zip")

    # The meeting slides: Present, then the arrow keys, Esc to leave.
    page.goto(f"{base}/meeting?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page, SLOW_MS)
    tab_to(page, button(t("Present", "en")))
    page.keyboard.press("Enter")
    page.locator(COUNTER).first.wait_for(timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)
    assert counter(page)[0] == 1
    for expected in (2, 3):
        page.keyboard.press("ArrowRight")
        page.wait_for_function("([sel, n]) => document.querySelector(sel)?.innerText.trim().startsWith(n + ' /')",
                               arg=[COUNTER, expected], timeout=SLOW_MS)
        wait_for_app_idle(page, SLOW_MS)
    page.keyboard.press("Escape")
    page.get_by_role("heading", name=t("Meeting", "en")).wait_for(timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)

    # Sign in, open the Data page, upload a file and import it.
    page.goto(f"{base}/sign_in?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page, SLOW_MS)
    tab_to(page, field(t("User name", "en")))
    page.keyboard.type(BROWSER_EDITOR[0])
    tab_to(page, field(t("Password", "en")))
    page.keyboard.type(BROWSER_EDITOR[1])
    page.keyboard.press("Enter")
    page.get_by_text(t(PAGE_LABELS["data"], "en"), exact=True).first.wait_for(timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)
    tab_to(page, re.compile(r"upload_file\s+" + re.escape(t(PAGE_LABELS["data"], "en")) + r"\|"))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=t("Data for officials", "en")).wait_for(timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)
    workbook = write_xlsx(tmp_path / "ferry-2025.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2025", value=7_300_000.0)])})
    tab_to(page, re.compile(r"^BUTTON\|[^|]*\|[^|]*\|upload Upload\|"))  # the uploader's own button
    with page.expect_file_chooser(timeout=SLOW_MS) as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(str(workbook))
    page.get_by_role("button", name=t("Import now", "en")).wait_for(timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)
    tab_to(page, button(t("Import now", "en")))
    page.keyboard.press("Enter")
    imported = re.escape(t("Imported as import #{id}: {n} row added or changed.", "en"))
    page.get_by_text(re.compile(imported.replace(r"\{id\}", r"\d+").replace(r"\{n\}", r"\d+"))).first.wait_for(
        timeout=SLOW_MS)
    assert page.locator(EXCEPTION).count() == 0
    assert _relevant(page.console_errors) == []
