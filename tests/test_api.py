"""The read API (twinreg_data/api) as an ASGI app under Starlette's TestClient, over a copy of the demo database:
answers against independent SQL, the 400/404 problems, ETag and Last-Modified with 304, the rate limit with
X-Forwarded-For, CSV, JSON-stat, the OpenAPI description, nothing private, and the pages' API twins."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from conftest import copy_database
from referencing import Registry, Resource
from starlette.applications import Starlette

from twinreg_data import audit, auth
from twinreg_data.api.app import ReadApi
from twinreg_data.api.links import api_link
from twinreg_data.api.ratelimit import RateLimiter, RateLimits
from twinreg_data.api.resources import ENDPOINTS
from twinreg_data.filters import max_year
from twinreg_data.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's notice about its httpx client
    from starlette.testclient import TestClient

SECRET_NAME = "api-secret-admin"
SECRET_PASSWORD = "a password that must never leave"


@pytest.fixture(scope="module")
def api_db(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Path]]:
    folder = tmp_path_factory.mktemp("api")
    db = copy_database(demo_db_path, folder)
    store = Store(db)
    auth.add_user(store, SECRET_NAME, SECRET_PASSWORD, "admin")
    yield store, db
    store.close()


def client_of(store: Store, limits: RateLimits | None = None, peer: str = "192.0.2.1",
              trusted: tuple[str, ...] = (), public: bool = True) -> TestClient:
    api = ReadApi(lambda: store, lambda: trusted, limits or RateLimits(per_minute=0), public=lambda: public)
    return TestClient(Starlette(routes=api.routes()), client=(peer, 40000))


@pytest.fixture(scope="module")
def client(api_db) -> TestClient:
    return client_of(api_db[0])


def sql(db_store: Store, query: str, params: list | None = None) -> list[tuple]:
    return db_store.query(query, params or [])


# -- answers against the database ---------------------------------------------------------------------------------
def test_indicator_list_counts_observations_on_the_side_in_the_period(client, api_db):
    store, _ = api_db
    body = client.get("/api/v1/indicators?domain=mobility&side=EE&from=2015&to=2020").json()
    expected = dict(sql(store, "SELECT i.code, count(o.indicator) FROM indicators i LEFT JOIN observations o ON "
                               "o.indicator = i.code AND year(o.period_start) BETWEEN 2015 AND 2020 AND o.area IN "
                               "(SELECT code FROM areas WHERE country = 'EE') WHERE i.domain = 'mobility' "
                               "GROUP BY i.code"))
    assert {row["code"]: row["observations"] for row in body["data"]} == expected
    assert body["meta"]["filters"] == {"lang": "en", "domain": ["mobility"], "side": "EE", "from": 2015, "to": 2020}


def test_observations_page_through_every_row_in_scope(client, api_db):
    store, _ = api_db
    expected = sql(store, "SELECT o.indicator, o.area, o.period, o.value FROM observations o JOIN areas a ON "
                          "a.code = o.area JOIN indicators i ON i.code = o.indicator WHERE i.domain IN "
                          "('employment', 'mobility') AND a.country = 'FI' AND year(o.period_start) >= 2010")
    assert len(expected) > 20
    rows, url = [], "/api/v1/observations?domain=employment,mobility&side=FI&from=2010&limit=20"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        rows += body["data"]
        assert body["meta"]["total"] == len(expected)
        url = body["meta"]["next"]
        if url:
            assert response.headers["link"] == f'<{url}>; rel="next"'
    assert sorted((r["indicator"], r["area"], r["period"], r["value"]) for r in rows) == sorted(expected)


def test_one_bottleneck_has_its_status_history(client, api_db):
    store, _ = api_db
    code = sql(store, "SELECT bottleneck FROM bottleneck_events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")[0][0]
    body = client.get(f"/api/v1/bottlenecks/{code}?lang=fi").json()["data"]
    events = sql(store, "SELECT strftime(date, '%Y-%m-%d'), seq, status FROM bottleneck_events WHERE bottleneck = ? "
                        "ORDER BY date, seq", [code])
    assert [(e["date"], e["seq"], e["status"]) for e in body["events"]] == [tuple(e) for e in events]
    assert body["status"] == events[-1][2]
    title_fi = sql(store, "SELECT title_fi FROM bottlenecks WHERE code = ?", [code])[0][0]
    assert body["title"] == title_fi
    linked = sql(store, "SELECT indicator FROM bottleneck_indicators WHERE bottleneck = ? ORDER BY 1", [code])
    assert [i["code"] for i in body["indicators"]] == [row[0] for row in linked]
    history = list(csv.DictReader(io.StringIO(client.get(f"/api/v1/bottlenecks/{code}?format=csv").text)))
    assert [(h["bottleneck"], h["date"], h["status"]) for h in history] == [(code, e[0], e[2]) for e in events]


def test_services_follow_the_pages_choices(client, api_db):
    store, _ = api_db
    body = client.get("/api/v1/services?availability=partial,unavailable&channel=digital").json()
    expected = sql(store, "SELECT code FROM services WHERE availability IN ('partial', 'unavailable') AND channel "
                          "IN ('digital', 'both') ORDER BY code")
    assert [row["code"] for row in body["data"]] == [row[0] for row in expected]


# -- formats --------------------------------------------------------------------------------------------------------
def test_csv_by_parameter_or_accept_header_holds_the_json_rows(client):
    as_json = client.get("/api/v1/actions?lang=et").json()["data"]
    by_param = client.get("/api/v1/actions?lang=et&format=csv")
    by_accept = client.get("/api/v1/actions?lang=et", headers={"Accept": "text/csv"})
    assert by_param.headers["content-type"].startswith("text/csv")
    assert by_param.content == by_accept.content
    assert by_param.headers["etag"] != client.get("/api/v1/actions?lang=et").headers["etag"]
    rows = list(csv.DictReader(io.StringIO(by_param.text)))
    assert [r["code"] for r in rows] == [r["code"] for r in as_json]
    assert [r["title"] for r in rows] == [r["title"] for r in as_json]
    assert [r["bottleneck_codes"] for r in rows] == [";".join(r["bottleneck_codes"]) for r in as_json]


def test_jsonstat_dataset_of_one_indicator(client, api_db):
    store, _ = api_db
    code = sql(store, "SELECT indicator FROM observations WHERE flag = 'estimate' GROUP BY 1 ORDER BY 1 LIMIT 1")[0][0]
    data = client.get(f"/api/v1/indicators/{code}/observations?format=jsonstat").json()
    assert data["version"] == "2.0" and data["class"] == "dataset" and data["id"] == ["area", "period"]
    areas = data["dimension"]["area"]["category"]["index"]
    periods = data["dimension"]["period"]["category"]["index"]
    assert data["size"] == [len(areas), len(periods)] and len(data["value"]) == len(areas) * len(periods)
    rows = sql(store, "SELECT area, period, value, flag FROM observations WHERE indicator = ?", [code])
    for area, period, value, flag in rows:
        position = areas.index(area) * len(periods) + periods.index(period)
        assert data["value"][position] == pytest.approx(value)
        assert data.get("status", {}).get(str(position)) == ({"estimate": "e", "provisional": "p", "break": "b"}
                                                             .get(flag))
    assert sum(v is not None for v in data["value"]) == len(rows)
    assert client.get("/api/v1/bottlenecks?format=jsonstat").json()["parameter"] == "format"


SAMPLE_PATHS = {"/indicators/{code}": "/indicators/MOB_FERRY_PAX", "/bottlenecks/{code}": "/bottlenecks/BN-003",
                "/indicators/{code}/observations": "/indicators/MOB_FERRY_PAX/observations"}


def test_answers_match_the_openapi_description(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.") and set(spec["paths"]) == {e.path for e in ENDPOINTS}
    registry = Registry().with_resource("urn:spec", Resource.from_contents(spec | {
        "$schema": "https://json-schema.org/draft/2020-12/schema"}))
    for endpoint in ENDPOINTS:
        operation = spec["paths"][endpoint.path]["get"]
        assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == {*endpoint.params, "format"}
        body = client.get("/api/v1" + SAMPLE_PATHS.get(endpoint.path, endpoint.path)).json()
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        jsonschema.Draft202012Validator(_resolve_refs(schema), registry=registry).validate(body)
        rows = body["data"] if isinstance(body["data"], list) else [body["data"]]
        assert rows, endpoint.path
        for row in rows:  # the columns the description names are the ones served
            assert set(row) == set(endpoint.columns), (endpoint.path, set(row) ^ set(endpoint.columns))


def _resolve_refs(schema: dict) -> dict:
    text = json.dumps(schema).replace('"#/components/', '"urn:spec#/components/')
    return json.loads(text)


# -- problems -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("url", "parameter"), [
    ("/api/v1/indicators?side=north", "side"),
    ("/api/v1/indicators?lang=de", "lang"),
    ("/api/v1/observations?domain=mobility,weather", "domain"),
    ("/api/v1/observations?from=1999", "from"),
    ("/api/v1/observations?from=2020&to=2010", "from"),
    (f"/api/v1/observations?to={max_year() + 1}", "to"),
    ("/api/v1/observations?limit=0", "limit"),
    ("/api/v1/observations?limit=ten", "limit"),
    ("/api/v1/observations?indicator=NO_SUCH_THING", "indicator"),
    ("/api/v1/bottlenecks?status=forgotten", "status"),
    ("/api/v1/services?channel=pigeon", "channel"),
    ("/api/v1/services?side=FI", "side"),
    ("/api/v1/benchmark?sied=FI", "sied"),
    ("/api/v1/actions?format=xml", "format"),
])
def test_a_bad_parameter_is_a_400_that_names_it(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["parameter"] == parameter and body["expected"] and f"'{parameter}'" in body["detail"]
    assert "Traceback" not in response.text


@pytest.mark.parametrize("url", ["/api/v1/indicators/NOPE", "/api/v1/indicators/NOPE/observations",
                                 "/api/v1/bottlenecks/BN-999", "/api/v1/bottlenecks/%3Cscript%3E",
                                 "/api/v1/accounts", "/api/v1/audit_log"])
def test_an_unknown_code_or_endpoint_is_a_404_problem(client, url):
    response = client.get(url)
    assert response.status_code == 404 and response.json()["status"] == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_a_failing_read_is_a_500_problem_without_traceback(api_db):
    def broken() -> Store:
        raise RuntimeError("secret internals")
    api = ReadApi(broken, limits=RateLimits(per_minute=0))
    response = TestClient(Starlette(routes=api.routes())).get("/api/v1/benchmark")
    assert response.status_code == 500 and "secret internals" not in response.text and "Traceback" not in response.text


def test_a_monitor_that_is_not_public_keeps_its_api_closed(api_db):
    response = client_of(api_db[0], public=False).get("/api/v1/benchmark")
    assert response.status_code == 403 and "signed-in" in response.json()["detail"]


# -- caching -------------------------------------------------------------------------------------------------------
def test_etag_and_last_modified_give_304_until_the_data_changes(api_db, tmp_path):
    store, _ = api_db
    client = client_of(store)
    first = client.get("/api/v1/indicators/MOB_FERRY_PAX")
    tag, modified = first.headers["etag"], first.headers["last-modified"]
    as_of = sql(store, "SELECT max(greatest(uploaded_at, coalesce(rolled_back_at, uploaded_at))) FROM imports")[0][0]
    assert modified == as_of.replace(tzinfo=dt.UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    again = client.get("/api/v1/indicators/MOB_FERRY_PAX", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert client.get("/api/v1/indicators/MOB_FERRY_PAX", headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get("/api/v1/indicators/MOB_FERRY_PAX?lang=fi", headers={"If-None-Match": tag}).status_code == 200
    assert client.get("/api/v1/indicators/MOB_FERRY_PAX", headers={"If-None-Match": '"other"',
                                                                     "If-Modified-Since": modified}).status_code == 200
    with store.transaction() as cur:  # a data write stamps the database, as every import and rollback does
        cur.execute("UPDATE indicators SET name_en = name_en || ' (renamed)' WHERE code = 'MOB_FERRY_PAX'")
        audit.write_in(cur, "test", "rename", "ok", {})
    changed = client.get("/api/v1/indicators/MOB_FERRY_PAX", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.json()["data"]["name"].endswith("(renamed)")
    assert changed.headers["etag"] != tag


def test_answers_that_count_to_today_are_new_every_day(api_db):
    store, _ = api_db
    tomorrow, after = dt.date.today() + dt.timedelta(days=1), dt.date.today() + dt.timedelta(days=2)
    days = iter([tomorrow, after])  # one look at the day per request, both after the demo's import
    api = ReadApi(lambda: store, limits=RateLimits(per_minute=0), today=lambda: next(days))
    client = TestClient(Starlette(routes=api.routes()))
    first = client.get("/api/v1/bottlenecks")
    second = client.get("/api/v1/bottlenecks", headers={"If-None-Match": first.headers["etag"]})
    assert second.status_code == 200 and second.headers["etag"] != first.headers["etag"]
    assert second.headers["last-modified"] == after.strftime("%a, %d %b %Y 00:00:00 GMT")


# -- rate limit -----------------------------------------------------------------------------------------------------
def test_each_client_has_its_own_rate_limit_with_retry_after(api_db):
    store, _ = api_db
    limits = RateLimits(per_minute=6, burst=3)
    api = ReadApi(lambda: store, lambda: ("10.0.0.1",), limits)
    app = Starlette(routes=api.routes())
    via_proxy = TestClient(app, client=("10.0.0.1", 1))
    direct = TestClient(app, client=("198.51.100.7", 1))
    statuses = [via_proxy.get("/api/v1/benchmark", headers={"X-Forwarded-For": "203.0.113.5"}).status_code
                for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = via_proxy.get("/api/v1/benchmark", headers={"X-Forwarded-For": "203.0.113.5"})
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) == 10
    assert "Try again in 10 s" in refused.json()["detail"]
    # Another client behind the same proxy, and a client that claims that address itself, are counted apart.
    assert via_proxy.get("/api/v1/benchmark", headers={"X-Forwarded-For": "203.0.113.6"}).status_code == 200
    assert direct.get("/api/v1/benchmark", headers={"X-Forwarded-For": "203.0.113.5"}).status_code == 200


def test_the_bucket_refills_at_the_configured_rate():
    now = [0.0]
    limiter = RateLimiter(RateLimits(per_minute=60, burst=2), clock=lambda: now[0])
    assert [limiter.take("a") for _ in range(3)] == [0, 0, 1]
    now[0] = 1.0
    assert limiter.take("a") == 0 and limiter.take("a") == 1
    assert RateLimits.from_env({"TWINREG_API_RATE": "0"}).enabled is False
    assert RateLimits.from_env({"TWINREG_API_RATE": "many", "TWINREG_API_BURST": "5"}) == RateLimits(120, 5)


# -- nothing private ------------------------------------------------------------------------------------------------
def test_accounts_and_audit_never_appear(client, api_db):
    store, _ = api_db
    audit_text = [row[0] for row in sql(store, "SELECT detail FROM audit_log WHERE length(detail) > 12")]
    hashes = [row[0] for row in sql(store, "SELECT password_hash FROM users")]
    assert audit_text and hashes
    urls = ["/api/v1/", "/api/v1/openapi.json"] + [
        "/api/v1" + e.path.replace("{code}", "BN-003" if "bottleneck" in e.path else "MOB_FERRY_PAX")
        for e in ENDPOINTS]
    for url in urls:
        for fmt in ("json", "csv"):
            text = client.get(url + ("&" if "?" in url else "?") + f"format={fmt}").text
            assert SECRET_NAME not in text and SECRET_PASSWORD not in text
            assert not any(h in text for h in hashes) and not any(a in text for a in audit_text)


# -- the pages' API twins -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("page", "params", "expected"), [
    ("", {"lang": ["fi"], "side": ["FI"]}, "/api/v1/bottlenecks?lang=fi&side=FI"),
    ("bottlenecks", {"bn": ["BN-003"], "lang": ["et"], "side": ["EE"]}, "/api/v1/bottlenecks/BN-003?lang=et"),
    ("bottlenecks", {"bn": ["<b>"], "domain": ["taxation", "nope"]}, "/api/v1/bottlenecks?lang=en&domain=taxation"),
    ("indicators", {"ind": ["MOB_FERRY_PAX"], "from": ["2015"], "domain": ["mobility"]},
     "/api/v1/indicators/MOB_FERRY_PAX/observations?lang=en&from=2015"),
    ("mobility", {"side": ["EE"], "mob_unit": ["persons"]}, "/api/v1/observations?lang=en&side=EE&domain=mobility"),
    ("services", {"sv_avail": ["partial", "odd"], "sv_channel": ["digital"], "sv_q": ["Kela"], "side": ["FI"]},
     "/api/v1/services?lang=en&availability=partial&channel=digital&q=Kela"),
    ("cooperation", {"domain": ["education"], "to": ["2024"], "side": ["FI"]},
     "/api/v1/actions?lang=en&domain=education&to=2024"),
    ("data", {}, None),
])
def test_every_view_link_has_its_api_twin(client, page, params, expected):
    link = api_link("https://monitor.example/x?y", "", page, params)
    assert link == (None if expected is None else "https://monitor.example" + expected)
    if expected is not None:  # and the API accepts it
        assert client.get(expected).status_code == 200


def test_the_twin_keeps_the_servers_base_path():
    assert api_link("http://h:1/m/services", "/m/", "services", {}) == "http://h:1/m/api/v1/services?lang=en"


def test_the_store_is_not_held_between_requests(api_db):
    _, db = api_db
    store = Store(db, linger=0.0)
    client = client_of(store)
    assert client.get("/api/v1/benchmark").status_code == 200
    assert not store.is_open
