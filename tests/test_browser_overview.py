"""The Overview and Bottlenecks pages at 1440 px in Chromium, in English, Finnish and Estonian: no label or
placeholder cut short with "…", and the Overview's named bottlenecks one click from their detail.

Screenshots land in test-artifacts/overview/<page>-<lang>.png.
"""

from __future__ import annotations

import pytest
from test_browser_smoke import EXCEPTION, wait_for_app_idle

# Every element of the page whose text the browser cuts with an ellipsis, and every empty input whose placeholder
# is wider than its box (measured with the input's own font).
CUT_TEXTS = """() => {
  const out = [];
  const canvas = document.createElement('canvas').getContext('2d');
  for (const el of document.querySelectorAll('[data-testid=stMain] *')) {
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && el.innerText.trim())
      out.push(el.innerText.trim());
    if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && el.placeholder && !el.value) {
      canvas.font = style.font;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (canvas.measureText(el.placeholder).width > room + 1) out.push('placeholder: ' + el.placeholder);
    }
  }
  return out;
}"""


@pytest.mark.browser
def test_overview_and_bottlenecks_show_whole_labels_at_1440_px(browser_server, chromium_page, artifacts_dir):
    page = chromium_page
    page.set_viewport_size({"width": 1440, "height": 2400})
    out = artifacts_dir / "overview"
    out.mkdir(exist_ok=True)
    for lang in ("en", "fi", "et"):
        for name in ("overview", "bottlenecks"):
            page.goto(f"{browser_server}/{'' if name == 'overview' else name}?lang={lang}",
                      wait_until="domcontentloaded")
            wait_for_app_idle(page)
            page.wait_for_timeout(500)
            page.screenshot(path=str(out / f"{name}-{lang}.png"), full_page=True)
            assert page.locator(EXCEPTION).count() == 0, browser_server.log_tail()
            assert page.evaluate(CUT_TEXTS) == [], f"{name} ({lang}): text cut short"
    # One click from a named bottleneck on the Overview to its detail on the Bottlenecks page.
    page.goto(f"{browser_server}/?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    link = page.locator('[data-testid="stPageLink"] a', has_text="BN-").first
    code = link.inner_text().strip().split()[-1]
    link.click()
    wait_for_app_idle(page)
    page.get_by_role("heading", name=code).first.wait_for(timeout=30_000)
    assert f"bn={code}" in page.url
