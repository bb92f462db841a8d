"""Meeting page in headless Chromium at projector size (1920×1080): every slide in presentation mode, moved with
the keyboard; a screenshot of each slide in test-artifacts/meeting/slide-NN.png."""

from __future__ import annotations

import re

import pytest
from test_browser_smoke import EXCEPTION, _relevant, wait_for_app_idle

from twinreg_data.i18n import t

PROJECTOR = {"width": 1920, "height": 1080}
COUNTER = ".mt-counter"


def counter(page) -> tuple[int, int]:
    text = page.locator(COUNTER).first.inner_text()
    number, total = re.fullmatch(r"\s*(\d+) / (\d+)\s*", text).groups()
    return int(number), int(total)


@pytest.mark.browser
def test_every_slide_in_presentation_mode(browser_server, chromium_page, artifacts_dir):
    page = chromium_page
    page.set_viewport_size(PROJECTOR)
    out = artifacts_dir / "meeting"
    out.mkdir(exist_ok=True)
    for old in out.glob("slide-*.png"):
        old.unlink()
    page.goto(f"{browser_server}/meeting?lang=en&present=1&slide=1", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.locator(COUNTER).first.wait_for(timeout=60_000)
    number, total = counter(page)
    assert number == 1 and total >= 10
    # Presentation mode: no sidebar, no header; the slide and its small control row only.
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stHeader"]').is_visible()
    exit_button = page.get_by_role("button", name=re.compile(t("Exit", "en")))
    exit_button.wait_for(timeout=30_000)  # the control row can follow the counter by a moment on a busy machine
    assert exit_button.is_visible()

    for expected in range(1, total + 1):
        page.wait_for_function("([sel, n]) => document.querySelector(sel)?.innerText.trim().startsWith(n + ' /')",
                               arg=[COUNTER, expected], timeout=60_000)
        wait_for_app_idle(page)
        page.wait_for_timeout(700)  # charts draw after the script run has finished
        assert counter(page) == (expected, total)
        assert page.locator(EXCEPTION).count() == 0, f"slide {expected}: exception\n{browser_server.log_tail()}"
        page.screenshot(path=str(out / f"slide-{expected:02d}.png"))
        if expected < total:
            page.keyboard.press("ArrowRight")

    assert "slide=" + str(total) in page.url
    # Back with the left arrow, then out of presentation mode with Esc: the sidebar comes back.
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("([sel, n]) => document.querySelector(sel)?.innerText.trim().startsWith(n + ' /')",
                           arg=[COUNTER, total - 1], timeout=60_000)
    wait_for_app_idle(page)
    page.keyboard.press("Escape")
    page.get_by_role("heading", name=t("Meeting", "en")).wait_for(timeout=60_000)
    wait_for_app_idle(page)
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert _relevant(page.console_errors) == [], "browser console errors:\n" + "\n".join(page.console_errors)
