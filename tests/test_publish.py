"""The open data package (twinreg_data/publish.py): valid for the frictionless library, the same rows as the
database in CSV, Parquet and JSON-stat, and nothing internal in it."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import frictionless
import pandas as pd
import pytest
from conftest import REPO_ROOT, copy_database

from twinreg_data import auth
from twinreg_data.ingest.statistics import read_tables
from twinreg_data.publish import package_zip, publish
from twinreg_data.schema import LINK_TABLES, TABLES
from twinreg_data.store import Store

PUBLIC = [t.name for t in TABLES] + [link.name for link in LINK_TABLES]


@pytest.fixture(scope="module")
def published(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("publish")
    db = copy_database(demo_db_path, folder)
    store = Store(db)
    auth.add_user(store, "secret-admin", "a password that must never leave", "admin")
    path = publish(store, folder / "package")
    yield store, path
    store.close()


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, pd.Timestamp):
        return value.date()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars from Parquet
        return value.item()
    return value


def test_the_package_is_valid_for_frictionless(published):
    _, path = published
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:10]


def test_only_public_tables_go_out(published):
    _, path = published
    package = json.loads(path.read_text())
    assert [r["name"] for r in package["resources"]] == PUBLIC
    files = {p.name for p in path.parent.iterdir()}
    assert files == {"datapackage.json", "indicators.jsonstat.json"} | {f"{n}.{ext}" for n in PUBLIC
                                                                       for ext in ("csv", "parquet")}
    everything = "".join(p.read_text(errors="replace") for p in path.parent.iterdir() if p.suffix != ".parquet")
    for internal in ("secret-admin", "$argon2", "import_id", "sign_in_attempts", "audit_log", "password"):
        assert internal not in everything
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    observations = next(r for r in package["resources"] if r["name"] == "observations")
    assert dt.datetime.fromisoformat(observations["data_as_of"].rstrip("Z")) <= dt.datetime.now(dt.UTC).replace(
        tzinfo=None)
    assert len(observations["sources"]) > 3 and observations["schema"]["primaryKey"] == ["indicator", "area", "period"]


@pytest.mark.parametrize("table", PUBLIC)
def test_every_table_reads_back_to_the_same_rows(published, table):
    store, path = published
    package = frictionless.Package(str(path))
    resource = package.get_resource(table)
    fields = [f.name for f in resource.schema.fields]
    expected = [tuple(_plain(v) for v in row) for row in
                store.query(f'SELECT {", ".join(chr(34) + f + chr(34) for f in fields)} FROM "{table}"')]
    with resource:
        csv_rows = [tuple(_plain(row[f]) for f in fields) for row in resource.row_stream]
    assert sorted(csv_rows, key=repr) == sorted(expected, key=repr) and len(expected) > 0
    parquet = pd.read_parquet(path.parent / f"{table}.parquet")
    parquet_rows = [tuple(_plain(v) for v in row) for row in parquet[fields].itertuples(index=False)]
    assert sorted(parquet_rows, key=repr) == sorted(expected, key=repr)


def test_indicators_as_json_stat_read_back_with_the_importers_reader(published):
    store, path = published
    tables = read_tables((path.parent / "indicators.jsonstat.json").read_bytes())
    assert len(tables) == store.scalar("SELECT count(DISTINCT indicator) FROM observations")
    values = sum(sum(1 for v in table.values if v == v) for table in tables)
    assert values == store.scalar("SELECT count(*) FROM observations WHERE value IS NOT NULL")
    estimates = sum(sum(1 for f in table.flags.values() if f == "estimate") for table in tables)
    assert estimates == store.scalar("SELECT count(*) FROM observations WHERE flag = 'estimate'") > 0


def test_the_zip_is_the_same_package(published):
    store, path = published
    with zipfile.ZipFile(io.BytesIO(package_zip(store))) as archive:
        names = {Path(n).name for n in archive.namelist()}
        assert names == {p.name for p in path.parent.iterdir()}
        package = json.loads(archive.read("twinreg-monitor/datapackage.json"))
    assert [r["name"] for r in package["resources"]] == PUBLIC


def test_the_command_line_publishes_into_an_empty_folder_only(demo_db_path: Path, tmp_path: Path):
    db = copy_database(demo_db_path, tmp_path)
    run = [sys.executable, "-m", "twinreg_data", "--db", str(db), "publish"]
    done = subprocess.run([*run, str(tmp_path / "out")], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "datapackage.json").is_file()
    again = subprocess.run([*run, str(tmp_path / "out")], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "not empty" in again.stderr
