"""Downloads are built only when clicked (deferred data): in a real browser the click still delivers exactly the
data shown, escaped for spreadsheets (the escaping itself is tested in tests/test_exports.py)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import openpyxl
import pytest
from conftest import copy_database
from test_browser_smoke import EXCEPTION, wait_for_app_idle

from twinreg_data.exports import to_csv_bytes
from twinreg_data.figures import mobility as figures
from twinreg_data.filters import Filters, max_year
from twinreg_data.i18n import t
from twinreg_data.queries import mobility
from twinreg_data.store import open_store


@pytest.mark.browser
def test_deferred_downloads_deliver_the_table_in_a_browser(browser_server, chromium_page, tmp_path):
    page = chromium_page
    page.goto(f"{browser_server}/services?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    csv_buttons = page.get_by_role("button", name=t("Download CSV", "en"))
    xlsx_buttons = page.get_by_role("button", name=t("Download Excel", "en"))
    # The CSV and XLSX button of one table: wait until the page has drawn all of its tables (the last table's
    # buttons may appear after the first idle state), then take both from the same, last pair.
    page.locator('[data-testid="stDataFrame"]').last.wait_for(timeout=60_000)
    wait_for_app_idle(page)
    assert csv_buttons.count() >= 1 and csv_buttons.count() == xlsx_buttons.count()
    pair = csv_buttons.count() - 1
    with page.expect_download(timeout=60_000) as csv_download:
        csv_buttons.nth(pair).click()
    # The CSV comes in a zip with its metadata (README.txt, metadata.json); the name says what and which filters.
    assert csv_download.value.suggested_filename == f"services_FI-EE_2000-{max_year()}_en.zip"
    with zipfile.ZipFile(csv_download.value.path()) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "data.csv", "metadata.json"]
        text = zf.read("data.csv").decode("utf-8-sig")
        meta = json.loads(zf.read("metadata.json"))
        readme = zf.read("README.txt").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1 and len(rows[0]) >= 2  # a header and data rows
    assert all(not cell.startswith(("=", "+", "@")) for line in rows for cell in line)
    assert meta["title"] == t("Catalogue", "en") and meta["licence"] == "CC BY 4.0" and meta["data_as_of"]
    assert meta["link"].startswith(browser_server) and "/services" in meta["link"]
    assert meta["columns"] == rows[0] and t("Licence", "en") in readme
    with page.expect_download(timeout=60_000) as xlsx_download:
        xlsx_buttons.nth(pair).click()
    book = openpyxl.load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes()))
    sheet = book.active
    assert sheet.max_row == len(rows)
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == rows[0]
    fields = {row[0]: row[1] for row in book["metadata"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert fields[t("Title", "en")] == t("Catalogue", "en") and fields[t("Link to this view", "en")] == meta["link"]
    wait_for_app_idle(page)
    assert page.locator(EXCEPTION).count() == 0


@pytest.mark.browser
def test_a_chart_table_built_on_click_is_the_charts_data(browser_server, chromium_page, demo_db_path, tmp_path):
    """A chart's data table is built only when its button is clicked (a function, not a frame, is handed over):
    the click delivers the same bytes as the table built here from the same data."""
    page = chromium_page
    page.goto(f"{browser_server}/mobility?lang=en", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.locator(".js-plotly-plot").nth(3).wait_for(timeout=60_000)  # the seasonality chart, the last one
    wait_for_app_idle(page)
    csv_buttons = page.get_by_role("button", name=t("Download CSV", "en"))
    with page.expect_download(timeout=60_000) as download:
        csv_buttons.last.click()  # the seasonality chart's (the municipalities table below it is not opened)
    assert download.value.suggested_filename == f"mobility_season_FI-EE_2000-{max_year()}_en.zip"
    store = open_store(copy_database(demo_db_path, tmp_path))
    expected = to_csv_bytes(figures.seasonality_table(mobility.seasonality(store, Filters(lang="en").period_only()),
                                                      "en"))
    with zipfile.ZipFile(download.value.path()) as zf:
        assert zf.read("data.csv") == expected
        assert json.loads(zf.read("metadata.json"))["title"] == t("Ferry passengers by month", "en")
    wait_for_app_idle(page)
    assert page.locator(EXCEPTION).count() == 0
