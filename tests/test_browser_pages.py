"""Every page in headless Chromium, in every language: renders, no exception box, no app error in the console.

Screenshots land in test-artifacts/pages/<page>-<lang>.png; the upload test screenshots the validation report.
"""

from __future__ import annotations

import pytest
from conftest import BROWSER_EDITOR
from factories import table_rows, write_xlsx
from test_browser_smoke import EXCEPTION, _relevant, wait_for_app_idle

from twinreg_data.i18n import LANGUAGES, NP_, t, tn
from twinreg_data.labels import PAGE_LABELS

PAGES = ["overview", "bottlenecks", "indicators", "mobility", "services", "cooperation", "meeting", "sign_in", "report"]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_renders_in_every_language(browser_server, chromium_page, artifacts_dir, lang):
    page = chromium_page
    out = artifacts_dir / "pages"
    out.mkdir(exist_ok=True)
    for name in PAGES:
        path = "" if name == "overview" else name
        page.goto(f"{browser_server}/{path}?lang={lang}", wait_until="domcontentloaded")
        wait_for_app_idle(page)
        page.wait_for_timeout(500)  # charts and maps draw after the script run has finished
        page.screenshot(path=str(out / f"{name}-{lang}.png"), full_page=True)
        assert page.locator(EXCEPTION).count() == 0, f"{name} ({lang}) shows an exception:\n{browser_server.log_tail()}"
        title = t("TwinReg Monitor" if name == "overview" else PAGE_LABELS[name], lang)
        if name == "sign_in":
            title = t(NP_("signin.title", "Sign in"), lang)
        assert page.get_by_role("heading", name=title).first.is_visible(), f"{name} ({lang}): no heading {title!r}"
    assert _relevant(page.console_errors) == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_editor_uploads_a_file_and_sees_the_report(browser_server, chromium_page, artifacts_dir, tmp_path, lang):
    page = chromium_page
    bad = write_xlsx(tmp_path / "ferry-with-errors.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-999", period="2025", value=1.0),
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2025", value="many"),
    ])})
    page.goto(f"{browser_server}/sign_in?lang={lang}", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.get_by_role("textbox", name=t("User name", lang)).fill(BROWSER_EDITOR[0])
    page.get_by_role("textbox", name=t("Password", lang)).fill(BROWSER_EDITOR[1])
    page.get_by_role("button", name=t(NP_("signin.submit", "Sign in"), lang)).click()
    page.get_by_text(t("Data", lang), exact=True).first.wait_for(timeout=30_000)
    wait_for_app_idle(page)
    page.get_by_text(t("Data", lang), exact=True).first.click()
    wait_for_app_idle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    page.get_by_text(tn("{n} error blocks the import. Nothing was written. Fix the cells listed (the annotated copy "
                        "highlights them) and upload again.",
                        "{n} errors block the import. Nothing was written. Fix the cells listed (the annotated copy "
                        "highlights them) and upload again.", 2, lang)).wait_for(timeout=60_000)
    wait_for_app_idle(page)
    page.screenshot(path=str(artifacts_dir / f"upload-report-{lang}.png"), full_page=True)
    assert page.locator(EXCEPTION).count() == 0
    # The problems table is a canvas grid; its accessible cells carry the cell references.
    for cell in ("observations!B2", "observations!D3"):
        assert page.locator("td[role=gridcell]", has_text=cell).count() == 1
    # What was expected, in the uploader's language.
    assert page.locator("td[role=gridcell]", has_text=t("a number (decimal point or comma)", lang)).count() == 1
    assert _relevant(page.console_errors) == []


CODE_BOXES = '[data-testid="stSidebar"] [data-testid="stCode"]'  # the view link, then its read API twin
LINK_BOX = CODE_BOXES + " >> nth=0"
API_BOX = CODE_BOXES + " >> nth=1"
# The map tab's chart drawn: a map (many filled municipalities) or, with too few municipalities, bars.
MAP_DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].some(chart =>
    chart.querySelectorAll('.scatterlayer path.js-fill').length >= 40 || chart.querySelector('.barlayer .point'))"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fi", "et"])
def test_maps_draw_the_regions_offline(browser_server, chromium_page, artifacts_dir, lang):
    """Every map draws its land and municipalities from the app alone: no request leaves the server's host."""
    page = chromium_page
    outside: list[str] = []
    # A blob: URL of the server's own origin is a script the page made itself (a custom component), not a request out.
    local = (str(browser_server), f"blob:{browser_server}", "data:")
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(local) else None)
    out = artifacts_dir / "maps"
    out.mkdir(exist_ok=True)
    for name, path in (("indicators", "indicators?ind=INT_POPULATION&ind_tab=map"), ("mobility", "mobility"),
                       ("overview", "")):
        page.goto(f"{browser_server}/{path}{'&' if '?' in path else '?'}lang={lang}", wait_until="domcontentloaded")
        wait_for_app_idle(page)
        page.wait_for_function(MAP_DRAWN, timeout=30_000)
        page.screenshot(path=str(out / f"{name}-{lang}.png"), full_page=True)
        assert page.locator(EXCEPTION).count() == 0
        # The attribution the boundary data require is on the map.
        assert page.get_by_text("Maa-amet 01.09.2018").first.is_visible()
    assert outside == []
    assert _relevant(page.console_errors) == []


@pytest.mark.browser
def test_page_controls_in_a_fragment_update_their_part_and_the_link(browser_server, chromium_page, artifacts_dir):
    """The map controls (Mobility) and the indicator choice (Indicators) rerun only their fragment: app.py does
    not run then, so the fragment itself must keep the sidebar's link to this view in step."""
    page = chromium_page
    page.goto(f"{browser_server}/mobility?lang=en&mob_year=2024", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    assert "mob_year=2024" in page.locator(LINK_BOX).inner_text()
    year = page.locator('[data-testid="stMainBlockContainer"] [data-testid="stSlider"] input[type="range"]').first
    year.focus()
    year.press("ArrowLeft")
    page.get_by_role("heading", name=t("{unit} between areas, {year}", "en", unit=t("Passengers", "en"),
                                       year=2023)).wait_for(timeout=30_000)
    wait_for_app_idle(page)
    assert page.locator(CODE_BOXES).count() == 2  # redrawn in place, not added
    link = page.locator(LINK_BOX).inner_text().replace("\n", "")
    assert "mob_year=2023" in link and "mob_year=2023" in page.url, (link, page.url)
    # The charts outside the fragment are still there.
    assert page.get_by_text(t("Ferry passengers per year", "en")).first.is_visible()

    page.goto(f"{browser_server}/indicators?lang=fi&ind=MOB_FERRY_PAX", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.locator('[data-testid="stMainBlockContainer"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="MOB_FERRY_CARS").or_(page.get_by_role("option").filter(
        has_text="henkilöautot")).first.click()
    page.wait_for_url("**ind=MOB_FERRY_CARS**", timeout=30_000)
    wait_for_app_idle(page)
    page.screenshot(path=str(artifacts_dir / "pages" / "indicators-fragment-fi.png"), full_page=True)
    link = page.locator(LINK_BOX).inner_text().replace("\n", "")
    assert page.locator(CODE_BOXES).count() == 2 and "ind=MOB_FERRY_CARS" in link, link
    assert page.locator(API_BOX).inner_text().replace("\n", "").startswith(
        f"{browser_server}/api/v1/indicators/MOB_FERRY_CARS/observations?lang=fi")

    # Only the open tab is computed: a click on the map tab reruns the fragment, draws the map, keeps it in the link.
    assert not page.evaluate(MAP_DRAWN)
    page.get_by_role("tab", name=t("Map", "fi")).click()
    page.wait_for_url("**ind_tab=map**", timeout=30_000)
    page.wait_for_function(MAP_DRAWN, timeout=30_000)
    wait_for_app_idle(page)
    assert "ind_tab=map" in page.locator(LINK_BOX).inner_text().replace("\n", "")

    page.goto(f"{browser_server}/services?lang=et", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    search = page.get_by_role("textbox", name=t(NP_("services.filter", "Search"), "et"))
    search.fill("tax")
    search.press("Enter")
    page.wait_for_url("**sv_q=tax**", timeout=30_000)
    wait_for_app_idle(page)
    link = page.locator(LINK_BOX).inner_text().replace("\n", "")
    assert page.locator(CODE_BOXES).count() == 2 and "sv_q=tax" in link, link
    assert page.locator(API_BOX).inner_text().replace("\n", "") == f"{browser_server}/api/v1/services?lang=et&q=tax"
    assert page.locator(EXCEPTION).count() == 0
    assert _relevant(page.console_errors) == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fi", "et"])
def test_overview_typed_by_hand_opens_the_overview(browser_server, chromium_page, lang):
    """/overview is the main page's own name: it opens the Overview (at the root, the link's parameters kept),
    not Streamlit's English "Page not found"."""
    page = chromium_page
    page.goto(f"{browser_server}/overview?lang={lang}&side=EE", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.get_by_role("heading", name=t("TwinReg Monitor", lang)).first.wait_for(timeout=60_000)
    wait_for_app_idle(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator(EXCEPTION).count() == 0
    assert page.url.split("?")[0].rstrip("/") == browser_server and "side=EE" in page.url and f"lang={lang}" in page.url
    assert page.get_by_text(t("Open bottlenecks", lang)).first.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "et"])
def test_anonymous_visitor_at_the_data_page_is_asked_to_sign_in(browser_server, chromium_page, artifacts_dir, lang):
    page = chromium_page
    page.goto(f"{browser_server}/data?lang={lang}", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    notice = page.get_by_text(t("Sign in to use this page.", lang))
    notice.wait_for(timeout=60_000)
    page.screenshot(path=str(artifacts_dir / f"data-anonymous-{lang}.png"), full_page=True)
    assert page.get_by_text("Page not found").count() == 0
    assert page.get_by_role("heading", name=t(PAGE_LABELS["data"], lang)).first.is_visible()
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_role("link", name=t(NP_("page", "Sign in"), lang)).click()
    page.get_by_role("textbox", name=t("User name", lang)).wait_for(timeout=60_000)
    assert page.url.split("?")[0].endswith("/sign_in") and "next=data" in page.url
    # Signed in, an editor is back on the page that asked for it.
    page.get_by_role("textbox", name=t("User name", lang)).fill(BROWSER_EDITOR[0])
    page.get_by_role("textbox", name=t("Password", lang)).fill(BROWSER_EDITOR[1])
    page.get_by_role("button", name=t(NP_("signin.submit", "Sign in"), lang)).click()
    page.get_by_role("heading", name=t("Data for officials", lang)).wait_for(timeout=60_000)
    assert page.url.split("?")[0].endswith("/data")
    assert _relevant(page.console_errors) == []
