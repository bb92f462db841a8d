"""The read API on the real server (`streamlit run server.py`): every endpoint over HTTP against independent SQL on
the same database, the conditional requests, the rate limit, and a command-line rollback beside the running server
(the API holds no lock between requests, and the change shows in the next ETag and answer)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest
from conftest import REPO_ROOT, copy_database, streamlit_server

TODAY = dt.date.today()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def data(url: str) -> list | dict:
    status, _, body = get(url)
    assert status == 200, (url, body[:300])
    return json.loads(body)["data"]


def expected_from(db: Path) -> dict[str, object]:
    """What the database says, asked with plain SQL (not the API's read models), before the server starts."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        def rows(sql: str, params: list | None = None) -> list[tuple]:
            return con.execute(sql, params or []).fetchall()

        current = ("SELECT b.code, (SELECT status FROM bottleneck_events e WHERE e.bottleneck = b.code "
                   "ORDER BY date DESC, seq DESC LIMIT 1) FROM bottlenecks b")
        return {
            "indicators": rows("SELECT code, domain, name_en FROM indicators"),
            "counts_fi": dict(rows("SELECT o.indicator, count(*) FROM observations o JOIN areas a ON a.code = o.area "
                                   "WHERE a.country = 'FI' AND year(o.period_start) >= 2000 GROUP BY 1")),
            "ferry": rows("SELECT area, period, value, flag FROM observations WHERE indicator = 'MOB_FERRY_PAX'"),
            "ferry_meta": rows("SELECT name_fi, unit, source FROM indicators WHERE code = 'MOB_FERRY_PAX'")[0],
            "mobility_ee": rows("SELECT o.indicator, o.area, o.period, o.value FROM observations o "
                                "JOIN areas a ON a.code = o.area JOIN indicators i ON i.code = o.indicator "
                                "WHERE i.domain = 'mobility' AND a.country = 'EE' "
                                "AND year(o.period_start) BETWEEN 2015 AND 2022"),
            "bottlenecks": rows(current),
            "taxation_ee": sorted(r[0] for r in rows("SELECT code FROM bottlenecks WHERE domain = 'taxation' "
                                                     "AND side IN ('EE', 'both')")),
            "events": rows("SELECT strftime(date, '%Y-%m-%d'), seq, status, who FROM bottleneck_events "
                           "WHERE bottleneck = 'BN-003' ORDER BY date, seq"),
            "services": rows("SELECT code, availability, channel, url FROM services"),
            "actions": sorted(r[0] for r in rows("SELECT code FROM actions WHERE due >= DATE '2000-01-01'")),
            "benchmark": rows("SELECT code, name, founded FROM regions_benchmark"),
            "last_import": rows("SELECT max(id) FROM imports WHERE rolled_back_at IS NULL")[0][0],
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def served(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    workdir = tmp_path_factory.mktemp("api-server")
    db = copy_database(demo_db_path, workdir)
    expected = expected_from(db)
    with streamlit_server(db, workdir, extra_env={"TWINREG_API_RATE": "60", "TWINREG_API_BURST": "40"}) as url:
        yield url + "/api/v1", db, expected


def test_every_endpoint_answers_as_the_database(served):
    api, _, db = served
    indicators = data(f"{api}/indicators?side=FI")
    assert sorted((r["code"], r["domain"], r["name"]) for r in indicators) == sorted(db["indicators"])
    assert {r["code"]: r["observations"] for r in indicators} == {c: db["counts_fi"].get(c, 0)
                                                                  for c, _, _ in db["indicators"]}
    ferry = data(f"{api}/indicators/MOB_FERRY_PAX?lang=fi")
    assert (ferry["name"], ferry["unit"], ferry["source"]) == db["ferry_meta"]
    assert {row["country"] for row in ferry["latest"]} <= {"FI", "EE"} and ferry["latest"]
    series = data(f"{api}/indicators/MOB_FERRY_PAX/observations")
    assert sorted((r["area"], r["period"], r["value"], r["flag"]) for r in series) == sorted(db["ferry"])
    mobility = data(f"{api}/observations?domain=mobility&side=EE&from=2015&to=2022")
    assert sorted((r["indicator"], r["area"], r["period"], r["value"]) for r in mobility) == sorted(db["mobility_ee"])
    register = data(f"{api}/bottlenecks")
    assert sorted((r["code"], r["status"]) for r in register) == sorted(db["bottlenecks"])
    taxation = data(f"{api}/bottlenecks?domain=taxation&side=EE")
    assert [r["code"] for r in taxation] == db["taxation_ee"]
    one = data(f"{api}/bottlenecks/BN-003")
    assert [(e["date"], e["seq"], e["status"], e["who"]) for e in one["events"]] == db["events"]
    services = data(f"{api}/services")
    assert sorted((r["code"], r["availability"], r["channel"], r["url"]) for r in services) == sorted(db["services"])
    assert sorted(r["code"] for r in data(f"{api}/actions")) == db["actions"]
    benchmark = data(f"{api}/benchmark")
    assert sorted((r["code"], r["name"], r["founded"]) for r in benchmark) == sorted(db["benchmark"])
    status, headers, body = get(f"{api}/openapi.json")
    assert status == 200 and "/bottlenecks/{code}" in json.loads(body)["paths"]


def test_csv_conditional_requests_and_problems_over_http(served):
    api, _, db = served
    status, headers, body = get(f"{api}/benchmark", {"Accept": "text/csv"})
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert sorted(r["code"] for r in csv.DictReader(io.StringIO(body.decode("utf-8")))) == sorted(
        code for code, _, _ in db["benchmark"])
    status, again, _ = get(f"{api}/benchmark", {"Accept": "text/csv", "If-None-Match": headers["etag"]})
    assert status == 304 and again["etag"] == headers["etag"]
    status, _, _ = get(f"{api}/benchmark", {"Accept": "text/csv", "If-Modified-Since": headers["last-modified"]})
    assert status == 304
    status, headers, body = get(f"{api}/observations?side=Finland")
    assert status == 400 and json.loads(body)["parameter"] == "side" and b"Traceback" not in body
    assert get(f"{api}/bottlenecks/BN-999")[0] == 404


def test_the_command_line_changes_the_data_beside_the_server(served):
    api, db_path, db = served
    status, headers, _ = get(f"{api}/indicators")
    time.sleep(1.5)  # the store closes its file a second after the last request
    result = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(db_path), "--wait", "30", "rollback",
                             str(db["last_import"]), "--user", "api-test"], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    status, changed, _ = get(f"{api}/indicators", {"If-None-Match": headers["etag"]})
    assert status == 200 and changed["etag"] != headers["etag"]
    assert changed["last-modified"] != headers["last-modified"]


def test_the_rate_limit_answers_429_with_retry_after(served):
    api, _, _ = served
    statuses = []
    for _ in range(100):  # bursts of 40 (the tests before used some), then one a second
        status, headers, _ = get(f"{api}/benchmark")
        statuses.append(status)
        if status == 429:
            assert int(headers["retry-after"]) >= 1
            break
    assert statuses[-1] == 429 and statuses.count(200) >= 10
