"""Defects found on real files (issue 18), each with the test that failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import seeded_store, write_xlsx

from twinreg_data.ingest.apply import import_file
from twinreg_data.store import Store


@pytest.fixture
def store(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    cache = tmp_path_factory.getbasetemp() / "seed-cache"
    cache.mkdir(exist_ok=True)
    s = seeded_store(tmp_path, cache)
    yield s
    s.close()


def test_every_missing_required_column_is_reported_at_once(store: Store, tmp_path: Path) -> None:
    # Only the indicator column: area, period and value are all missing, and one upload must say so.
    path = write_xlsx(tmp_path / "one_column.xlsx", {"observations": [["indicator"], ["MOB_FERRY_PAX"]]})
    report = import_file(store, path, dry_run=True)
    assert report.status == "invalid"
    missing = sorted(p.column for p in report.problems if p.rule == "missing_column")
    assert missing == ["area", "period", "value"]
    assert report.error_count == 3
