"""WCAG 2.1 AA by axe-core in headless Chromium: every page, in every language, signed out and signed in.

Signed in, an editor gets the same pages as a visitor plus the sidebar's account controls and the editors' own
pages: those are checked (the Overview and a bottleneck with the editor's sidebar, the Data and Reports pages),
not the public pages a second time, which keeps the suite within its time.

A serious or critical violation fails the test, unless it is one of the failures of Streamlit itself listed (with
its upstream report) in `twinreg_data.accessibility.KNOWN_EXCEPTIONS`, which the accessibility statement shows too.
An exception that no page produces any more fails too, so that the statement does not list a fixed problem.
A test per role and language, so that pytest-xdist spreads them; each loads its pages one after another.
"""

from __future__ import annotations

import pytest
from conftest import BROWSER_EDITOR
from test_browser_smoke import EXCEPTION, wait_for_app_idle

from twinreg_data.accessibility import KNOWN_EXCEPTIONS
from twinreg_data.i18n import LANGUAGES, NP_, t

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
SLOW_MS = 120_000  # a loaded test machine: a page may take long to load, which is not what this test is about
PUBLIC_PAGES = ["", "bottlenecks?bn=BN-003", "indicators", "indicators?ind_tab=map&ind=INT_POPULATION", "mobility",
                "services", "cooperation", "meeting", "report", "accessibility"]
PAGES = {"signed_out": [*PUBLIC_PAGES, "sign_in"], "editor": ["", "bottlenecks?bn=BN-003", "data", "triage"]}


def excused(rule: str, target: str) -> bool:
    return any(exception.rule == rule and exception.selector in target for exception in KNOWN_EXCEPTIONS)


def axe_violations(page, axe) -> tuple[list[str], set[str]]:
    """The blocking violations of the page in the browser (one line per element), and the rules of the known
    exceptions that excused an element."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]})
    found, used = [], set()
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            if excused(violation["id"], target):
                used.add(violation["id"])
                continue
            found.append(f"{violation['id']} ({violation['impact']}): {target}\n    {node['html'][:200]}\n    "
                         + node.get("failureSummary", "").replace("\n", " ")[:300])
    return found, used


def sign_in_as_editor(page, base: str) -> None:
    page.goto(f"{base}/sign_in?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page, SLOW_MS)
    page.get_by_role("textbox", name=t("User name", "en")).fill(BROWSER_EDITOR[0])
    page.get_by_role("textbox", name=t("Password", "en")).fill(BROWSER_EDITOR[1])
    page.get_by_role("button", name=t(NP_("signin.submit", "Sign in"), "en")).click()
    page.get_by_text(t("Data", "en"), exact=True).first.wait_for(timeout=SLOW_MS)
    wait_for_app_idle(page, SLOW_MS)


def check_pages(page, base: str, paths: list[str], lang: str, axe) -> tuple[dict[str, list[str]], set[str]]:
    """Load each page in `lang` and run axe-core: the blocking violations by URL, and the excused rules."""
    problems: dict[str, list[str]] = {}
    excusing: set[str] = set()
    for path in paths:
        url = f"{base}/{path}{'&' if '?' in path else '?'}lang={lang}"
        page.goto(url, wait_until="domcontentloaded")
        wait_for_app_idle(page, SLOW_MS)
        page.wait_for_timeout(300)  # charts draw after the script run has finished
        assert page.locator(EXCEPTION).count() == 0, f"{url}: exception\n{base.log_tail()}"
        # The page's language is set by a small component once the run has drawn it.
        page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang, timeout=SLOW_MS)
        found, used = axe_violations(page, axe)
        excusing |= used
        if found:
            problems[url] = found
    return problems, excusing


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", list(PAGES))
def test_no_serious_wcag_violation_on_any_page(browser_server, chromium_page, role, lang):
    from axe_playwright_python.sync_playwright import Axe

    if role == "editor":
        sign_in_as_editor(chromium_page, browser_server)
    problems, _ = check_pages(chromium_page, browser_server, PAGES[role], lang, Axe())
    report = "\n".join(f"{url}\n  " + "\n  ".join(lines) for url, lines in problems.items())
    assert not problems, f"serious or critical axe-core violations ({role}, {lang}):\n{report}"


@pytest.mark.browser
def test_every_known_exception_still_occurs(browser_server, chromium_page):
    """The statement lists no fixed problem: each known exception is still found where it was."""
    from axe_playwright_python.sync_playwright import Axe

    page = chromium_page
    page.goto(f"{browser_server}/indicators?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page, SLOW_MS)
    for exception in KNOWN_EXCEPTIONS:  # drawn after the script run (the metric cards' Vega charts)
        page.wait_for_selector(f'[class*="{exception.selector}"]', state="attached", timeout=SLOW_MS)
    _, excusing = axe_violations(page, Axe())
    stale = {exception.rule for exception in KNOWN_EXCEPTIONS} - excusing
    assert not stale, f"known exceptions no page produces any more (remove them from the statement): {stale}"
