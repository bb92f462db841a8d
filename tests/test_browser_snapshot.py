"""Two real processes: the command line imports and publishes snapshots, a running viewer instance
(`TWINREG_DB_READONLY`) serves them, and shows a newer snapshot's data without a restart (docs/deployment.md)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO_ROOT, streamlit_server
from test_browser_smoke import EXCEPTION, wait_for_app_idle
from test_snapshot import new_bottleneck_file

from twinreg_data import snapshot
from twinreg_data.i18n import t
from twinreg_data.labels import RELIABILITY_LABELS

OPEN_BOTTLENECKS = """label => {
    for (const metric of document.querySelectorAll('[data-testid="stMetric"]')) {
        if (metric.querySelector('[data-testid="stMetricLabel"]').innerText.trim() === label) {
            return metric.querySelector('[data-testid="stMetricValue"]').innerText.trim();
        }
    }
    return null;
}"""


def open_bottlenecks(page) -> int:
    page.wait_for_function(f"label => ({OPEN_BOTTLENECKS})(label) !== null", arg=t("Open bottlenecks", "en"),
                           timeout=60_000)
    return int(page.evaluate(OPEN_BOTTLENECKS, t("Open bottlenecks", "en")).replace(",", ""))


def cli(db: Path, *args: str, env: dict[str, str] | None = None) -> None:
    done = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(db), *args], cwd=REPO_ROOT,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.mark.browser
def test_a_running_viewer_shows_a_newer_snapshot_without_a_restart(demo_db_path: Path, tmp_path: Path,
                                                                    chromium_page) -> None:
    db = tmp_path / "editing" / "twinreg.duckdb"
    db.parent.mkdir()
    shutil.copyfile(demo_db_path, db)
    folder = tmp_path / "snapshots"
    cli(db, "publish-snapshot", str(folder))
    first = snapshot.read_pointer(folder)
    never_opened = tmp_path / "viewer" / "twinreg.duckdb"  # the viewer's TWINREG_DB: it must not touch it
    with streamlit_server(never_opened, tmp_path, extra_env={"TWINREG_DB_READONLY": str(folder)}) as url:
        page = chromium_page
        page.goto(url, wait_until="domcontentloaded")
        wait_for_app_idle(page)
        before = open_bottlenecks(page)
        assert page.get_by_text(t("Read-only copy: data is changed on the editing instance.", "en")).is_visible()

        # The editing side imports one new open bottleneck; TWINREG_SNAPSHOT_DIR publishes it.
        cli(db, "import", str(new_bottleneck_file(tmp_path, "BN-905")), env={"TWINREG_SNAPSHOT_DIR": str(folder)})
        second = snapshot.read_pointer(folder)
        assert second.path != first.path

        # The session that was open all along: its next run reads the new snapshot.
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_role("radio", name=t("Finland", "en"), exact=True).click()
        wait_for_app_idle(page)
        sidebar.get_by_role("radio", name=t("Both", "en"), exact=True).click()
        wait_for_app_idle(page)
        assert open_bottlenecks(page) == before + 1
        # A new visitor too, and the page that would write explains that this copy is read-only.
        page.goto(url, wait_until="domcontentloaded")
        wait_for_app_idle(page)
        assert open_bottlenecks(page) == before + 1
        page.goto(url + "/data", wait_until="domcontentloaded")
        wait_for_app_idle(page)
        page.get_by_text(t(RELIABILITY_LABELS["read_only"], "en").split("**")[0].strip()).wait_for(timeout=30_000)
        assert page.locator(EXCEPTION).count() == 0
        log = url.log_tail()
    assert "Traceback" not in log, log
    assert not never_opened.parent.exists()
    # The viewer wrote nothing beside the snapshots: no WAL, no waiting note, no cookie key.
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [first.path.name, second.path.name, snapshot.POINTER, snapshot.LOCK_FILE])
