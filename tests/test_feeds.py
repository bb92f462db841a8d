"""Feeds (issue 23): saved PxWeb / Eurostat sources run through the normal importer, against a local mock API
that serves recorded real answers and the failures (timeout, 429 with Retry-After, 5xx, malformed JSON-stat,
changed dimensions, nothing new). Nothing here needs the internet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from statistics_api_mock import Answer, StatisticsApiMock

from twinreg_data.cli import main
from twinreg_data.ingest import feeds as feeds_module
from twinreg_data.ingest.feeds import Feed, FeedError, get_feed, list_feeds, run_feed, save_feed
from twinreg_data.ingest.fetch import (
    FetchError,
    FetchPolicy,
    RateLimit,
    RateLimiter,
    Request,
    check_address,
    fetch,
    retry_after_seconds,
)
from twinreg_data.ingest.history import rollback
from twinreg_data.ingest.statistics.recipe import NewIndicator, Recipe, save_recipe
from twinreg_data.store import Store

HERE = Path(__file__).resolve().parent
REAL = HERE / "fixtures" / "real"
RECORDED = HERE / "fixtures" / "feeds"
STATFIN_JSONSTAT = (REAL / "statfin_vaerak_11s5_jsonstat.json").read_bytes()  # Statistics Finland, 11s5
KK23_CSV = (REAL / "statee_kk23_pxweb_api.csv").read_bytes()  # Statistics Estonia's PxWeb API, table KK23
EUROSTAT_WDDS = (RECORDED / "estat_nama_gdp_c_it_wdds.json").read_bytes()  # Eurostat's retired JSON service
STATFIN_V1 = "/PxWeb/api/v1/en/StatFin/vaerak/statfin_vaerak_pxt_11s5.px"
FAST = FetchPolicy(timeout_s=1.0, attempts=3, backoff_s=0.01, max_retry_after_s=5)
POPULATION = NewIndicator("CTX_POP_MONTH", "context", "persons", "neutral", name_en="Population at month end")


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[StatisticsApiMock]:
    mock = StatisticsApiMock().start()
    monkeypatch.setenv("TWINREG_FEED_URL_STATFIN_PXWEB_V1", f"{mock.url}/PxWeb/api/v1")
    monkeypatch.setenv("TWINREG_FEED_URL_STATFIN_PXWEB_V2", f"{mock.url}/api/v2")
    monkeypatch.setenv("TWINREG_FEED_URL_STATEE_PXWEB_V1", f"{mock.url}/api/v1")
    monkeypatch.setenv("TWINREG_FEED_URL_EUROSTAT_EUROSTAT", f"{mock.url}/eurostat/api/dissemination/statistics/1.0")
    # The real limits (10 per 10 s) would make the suite wait; test_rate_limits checks them on their own.
    monkeypatch.setattr(feeds_module, "RATE_LIMITS", {k: RateLimit(1000, 1.0) for k in feeds_module.RATE_LIMITS})
    yield mock
    mock.stop()


@pytest.fixture
def store(demo_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("TWINREG_BACKUP_DIR", str(tmp_path / "backups"))
    s = Store(demo_copy)
    save_recipe(s, Recipe(name="statfin-pop", indicator="CTX_POP_MONTH", indicators={"CTX_POP_MONTH": POPULATION}),
                "test")
    save_recipe(s, Recipe(name="kk23-wastewater", series={"Heitvesi": "CTX_WASTEWATER"}, indicators={
        "CTX_WASTEWATER": NewIndicator("CTX_WASTEWATER", "context", "count", "neutral", name_en="Wastewater")}),
                "test")
    return s


def statfin_feed(store: Store, name: str = "statfin-pop") -> Feed:
    return save_feed(store, Feed(name, "statfin", "pxweb_v1", "StatFin/vaerak/statfin_vaerak_pxt_11s5.px",
                                 feeds_module.filters_query(["alue=KU091,KU049,KU078,KU018", "kuukausi=2024M12"],
                                                            "pxweb_v1"), "statfin-pop"), "test")


def data_state(store: Store) -> tuple:
    """Everything a failed run must leave as it was: every table's rows, the imports and the data stamp."""
    return (store.table_counts(), store.query("SELECT id, status FROM imports ORDER BY id"),
            store.scalar("SELECT stamp FROM data_version"),
            store.query("SELECT indicator, area, period, value FROM observations ORDER BY ALL"))


def test_a_pxweb_v1_feed_imports_through_the_importer_then_finds_nothing_new(store: Store, api) -> None:
    api.serve(STATFIN_V1, Answer(body=STATFIN_JSONSTAT))
    statfin_feed(store)
    imports_before = store.scalar("SELECT count(*) FROM imports")

    first = run_feed(store, "statfin-pop", "eeva", FAST)
    assert first.outcome == "applied", first.message_in("en")
    # The request: POST of the saved JSON query, asking for JSON-stat 2.0.
    sent = api.requests[-1]
    assert (sent.method, sent.path) == ("POST", STATFIN_V1)
    body = json.loads(sent.body)
    assert body["response"] == {"format": "json-stat2"}
    assert body["query"][0] == {"code": "alue", "selection": {"filter": "item",
                                                              "values": ["KU091", "KU049", "KU078", "KU018"]}}
    # Through the importer: an import row, its audit line, four municipalities of ours (of 36 in the answer).
    assert store.scalar("SELECT count(*) FROM imports") == imports_before + 1
    assert store.scalar("SELECT file_name FROM imports WHERE id = ?", [first.import_id]) == "feed statfin-pop"
    rows = store.query("SELECT area, period FROM observations WHERE indicator = 'CTX_POP_MONTH' ORDER BY area")
    assert rows == [("FI-018", "2024-12"), ("FI-049", "2024-12"), ("FI-078", "2024-12"), ("FI-091", "2024-12")]
    assert first.rows == 5  # 4 observations and the new indicator
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'import' AND outcome = 'applied' "
                        "AND detail LIKE '%feed statfin-pop%'") == 1
    feed = get_feed(store, "statfin-pop")
    assert (feed.last_outcome, feed.last_import_id) == ("applied", first.import_id)
    assert feed.dimensions == ["alue", "kuukausi", "tiedot"]
    assert "imported as import #" in feed.last_message_in("en")

    state = data_state(store)
    again = run_feed(store, "statfin-pop", "eeva", FAST)
    assert again.outcome == "nothing_new" and again.import_id is None
    assert "nothing new" in again.message_in("en")
    assert data_state(store) == state
    feed = get_feed(store, "statfin-pop")
    assert feed.last_outcome == "nothing_new" and feed.last_success_at >= feed.created_at
    assert store.query("SELECT outcome FROM audit_log WHERE action = 'feed_run' ORDER BY id") == [
        ("applied",), ("nothing_to_do",)]
    # A feed's import is an import like any other: it rolls back from the history.
    rollback(store, first.import_id, "eeva")
    assert store.scalar("SELECT count(*) FROM observations WHERE indicator = 'CTX_POP_MONTH'") == 0


def changed_dimensions(body: bytes) -> bytes:
    """The recorded answer with one more dimension (the publisher added a breakdown by sex): built in memory."""
    doc = json.loads(body)
    doc["id"].insert(2, "sukupuoli")
    doc["size"].insert(2, 1)
    doc["dimension"]["sukupuoli"] = {"label": "Sex", "category": {"index": {"SSS": 0}, "label": {"SSS": "Total"}}}
    return json.dumps(doc).encode()


@pytest.mark.parametrize(("case", "answers", "reason", "words"), [
    ("timeout", [Answer(body=STATFIN_JSONSTAT, delay_s=2.5)], "timeout", "No complete answer within 1 seconds"),
    ("server error", [Answer(500, b"Internal error")], "http", "HTTP 500"),
    ("bad request", [Answer(400, b'{"error":"Query is not valid"}')], "http", "Query is not valid"),
    ("malformed JSON-stat", [Answer(body=STATFIN_JSONSTAT[: len(STATFIN_JSONSTAT) // 2])], "refused",
     "The answer could not be read"),
    ("retired Eurostat format", [Answer(body=EUROSTAT_WDDS)], "refused", "not a statistics file"),
    ("changed dimensions", [Answer(body=changed_dimensions(STATFIN_JSONSTAT))], "dimensions",
     "dimensions changed: it has alue, kuukausi, sukupuoli, tiedot"),
    ("redirect elsewhere", [Answer(302, b"", {"Location": "http://198.51.100.7/x"})], "redirect", "no redirects"),
    ("too large", [Answer(body=b'{"class": "dataset", "x": "' + b"9" * 3_000_000 + b'"}')], "too_large",
     "larger than 2 MB"),
])
def test_a_failed_run_leaves_the_database_as_it_was_and_says_why(store: Store, api, case, answers, reason,
                                                                    words) -> None:
    api.serve(STATFIN_V1, Answer(body=STATFIN_JSONSTAT))
    statfin_feed(store)
    assert run_feed(store, "statfin-pop", "test", FAST).outcome == "applied"  # the feed learns its dimensions
    api.serve(STATFIN_V1, *answers)
    state, seen = data_state(store), len(api.requests)

    policy = FetchPolicy(timeout_s=1.0, attempts=3, backoff_s=0.01, max_bytes=2 * 2**20)
    result = run_feed(store, "statfin-pop", "test", policy)
    assert result.outcome == "failed" and result.reason == reason, result.message_in("en")
    assert "the database is unchanged" in result.message_in("en") and words in result.message_in("en")
    assert data_state(store) == state
    feed = get_feed(store, "statfin-pop")
    assert feed.last_outcome == "failed" and words in feed.last_message_in("en")
    assert feed.last_import_id is None
    retried = reason in ("timeout", "http") and case != "bad request"
    assert len(api.requests) - seen == (3 if retried else 1)  # a 400 or a wrong body is not asked again
    if retried:
        assert "Tried 3 times." in result.message_in("en")
    assert store.query("SELECT outcome, detail FROM audit_log WHERE action = 'feed_run' ORDER BY id DESC LIMIT 1")[0][
        0] == "failed"


def test_429_with_retry_after_is_honoured_then_the_run_succeeds(store: Store, api) -> None:
    api.serve(STATFIN_V1, Answer(429, b"Too many requests", {"Retry-After": "1"}), Answer(body=STATFIN_JSONSTAT))
    statfin_feed(store)
    result = run_feed(store, "statfin-pop", "test", FAST)
    assert result.outcome == "applied", result.message_in("en")
    first, second = api.requests[-2:]
    assert second.at - first.at >= 0.95  # waited what the server asked, not the 10 ms backoff


def test_a_retry_after_beyond_the_limit_is_not_waited_for(store: Store, api) -> None:
    api.serve(STATFIN_V1, Answer(429, b"", {"Retry-After": "3600"}))
    statfin_feed(store)
    result = run_feed(store, "statfin-pop", "test", FAST)
    assert result.reason == "wait_too_long" and "wait 3600 seconds" in result.message_in("en")
    assert len(api.requests) == 1


def test_pxweb_v2_feed_sends_value_codes_as_a_get(store: Store, api) -> None:
    api.serve("/api/v2/tables/11s5/data", Answer(body=STATFIN_JSONSTAT))
    save_feed(store, Feed("statfin-v2", "statfin", "pxweb_v2", "11s5", {"alue": ["KU091", "KU049"],
                                                                         "kuukausi": ["2024M12"]}, "statfin-pop",
                          lang="fi"), "test")
    result = run_feed(store, "statfin-v2", "test", FAST)
    assert result.outcome == "applied", result.message_in("en")
    sent = api.requests[-1]
    assert (sent.method, sent.path, sent.body) == ("GET", "/api/v2/tables/11s5/data", b"")
    assert sent.query == {"lang": ["fi"], "outputFormat": ["json-stat2"], "valueCodes[alue]": ["KU091,KU049"],
                          "valueCodes[kuukausi]": ["2024M12"]}


def test_statistics_estonia_v1_feed_with_a_csv_answer(store: Store, api, tmp_path: Path) -> None:
    """The query may ask PxWeb for CSV: the recorded real answer of Statistics Estonia's API for KK23."""
    api.serve("/api/v1/et/stat/KK23", Answer(body=KK23_CSV, headers={"Content-Type": "text/csv"}))
    query = tmp_path / "kk23.json"
    query.write_text(json.dumps({"query": [{"code": "Maakond", "selection": {"filter": "item",
                                                                             "values": ["1", "37"]}}],
                                 "response": {"format": "csv"}}))
    db = str(store.path)
    assert main(["--db", db, "feeds", "add", "kk23", "--publisher", "statee", "--table", "stat/KK23",
                 "--query", str(query), "--recipe", "kk23-wastewater", "--lang", "et"]) == 0
    assert main(["--db", db, "feeds", "run", "kk23"]) == 0
    assert json.loads(api.requests[-1].body)["response"] == {"format": "csv"}
    values = store.query("SELECT area, count(*) FROM observations WHERE indicator = 'CTX_WASTEWATER' GROUP BY area "
                         "ORDER BY area")
    assert values == [("EE", 30), ("EE001", 30)]  # "Kogu Eesti" and "Harju maakond", 1994-2023
    assert main(["--db", db, "feeds", "run", "kk23"]) == 0
    assert get_feed(store, "kk23").last_outcome == "nothing_new"


def test_eurostat_feed_asks_the_statistics_api_with_repeated_filters(store: Store, api) -> None:
    path = "/eurostat/api/dissemination/statistics/1.0/data/nama_10r_3gdp"
    api.serve(path, Answer(body=EUROSTAT_WDDS))
    save_feed(store, Feed("gdp", "eurostat", "eurostat", "nama_10r_3gdp", {"geo": ["FI1B1", "EE001"],
                                                                           "unit": ["EUR_HAB"]}, "statfin-pop",
                          lang="fi"), "test")
    state = data_state(store)
    result = run_feed(store, "gdp", "test", FAST)
    sent = api.requests[-1]
    assert (sent.method, sent.path) == ("GET", path)
    assert sent.query == {"format": ["JSON"], "lang": ["EN"], "geo": ["FI1B1", "EE001"], "unit": ["EUR_HAB"]}
    # The recorded answer is of Eurostat's retired JSON service (JSON-stat 1.0 bundle): refused, nothing written.
    assert result.outcome == "failed" and result.reason == "refused"
    assert data_state(store) == state


def test_cli_feeds_add_list_run_remove_with_json_and_exit_codes(store: Store, api, capsys) -> None:
    api.serve(STATFIN_V1, Answer(body=STATFIN_JSONSTAT))
    db = str(store.path)
    assert main(["--db", db, "feeds", "add", "pop", "--publisher", "statfin", "--table",
                 "StatFin/vaerak/statfin_vaerak_pxt_11s5.px", "--filter", "alue=KU091,KU049",
                 "--recipe", "statfin-pop", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["status"] == "saved" and added["feed"]["api"] == "pxweb_v1"
    assert main(["--db", db, "feeds", "add", "pop", "--publisher", "statfin", "--table", "x.px", "--filter",
                 "alue=KU091", "--recipe", "statfin-pop"]) == 1  # exists already
    assert "exists already" in capsys.readouterr().err
    assert main(["--db", db, "feeds", "add", "bad", "--publisher", "statfin", "--table", "../etc/passwd",
                 "--recipe", "statfin-pop"]) == 1
    assert "no table name" in capsys.readouterr().err
    assert main(["--db", db, "feeds", "add", "norecipe", "--publisher", "eurostat", "--table", "demo_r_pjanaggr3",
                 "--filter", "geo=EE001", "--recipe", "nonesuch"]) == 1
    assert "no saved recipe nonesuch" in capsys.readouterr().err

    assert main(["--db", db, "feeds", "run", "--all", "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)
    assert runs["status"] == "ok" and [r["outcome"] for r in runs["runs"]] == ["applied"]
    assert runs["runs"][0]["report"]["diff"]["observations"]["new"] == 4  # the recorded answer: 4 of ours

    api.serve(STATFIN_V1, Answer(503, b"maintenance", {"Retry-After": "100000"}))
    assert main(["--db", db, "feeds", "run", "pop", "--json"]) == 1
    failed = json.loads(capsys.readouterr().out)
    assert failed["status"] == "failed" and failed["exit_code"] == 1
    assert failed["runs"][0]["reason"] == "wait_too_long"

    assert main(["--db", db, "feeds", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["feeds"]
    assert [(f["name"], f["last_outcome"]) for f in listed] == [("pop", "failed")]
    assert main(["--db", db, "feeds", "list"]) == 0
    assert "pop" in capsys.readouterr().out
    assert main(["--db", db, "feeds", "run", "nonesuch"]) == 1
    assert main(["--db", db, "feeds", "run"]) == 1
    assert main(["--db", db, "feeds", "remove", "pop"]) == 0
    assert list_feeds(store) == []
    assert main(["--db", db, "feeds", "remove", "pop"]) == 1


def test_feed_definitions_are_checked_before_saving(store: Store) -> None:
    good = dict(name="f", publisher="statfin", api="pxweb_v1", table_ref="StatFin/a/b.px",
                query={"query": [{"code": "alue", "selection": {}}]}, recipe="statfin-pop")
    for change, words in (({"name": "a b"}, "feed name"), ({"publisher": "scb"}, "Unknown publisher"),
                          ({"api": "eurostat"}, "has no eurostat API"), ({"table_ref": "a/../b"}, "no table name"),
                          ({"query": {"alue": ["KU091"]}}, "PxWeb v1 query"), ({"lang": "english"}, "language"),
                          ({"api": "pxweb_v2", "query": {"alue": []}}, "dimension and its codes")):
        with pytest.raises(FeedError, match=words):
            save_feed(store, Feed(**{**good, **change}), "test")
    assert list_feeds(store) == []


def test_a_pxweb_v2_feed_needs_a_configured_address(store: Store, monkeypatch) -> None:
    monkeypatch.delenv("TWINREG_FEED_URL_STATEE_PXWEB_V2", raising=False)
    feed = save_feed(store, Feed("ee-v2", "statee", "pxweb_v2", "RV032", {"Aasta": ["2024"]}, "statfin-pop"), "t")
    result = run_feed(store, feed.name, "t", FAST)
    assert result.reason == "address" and "TWINREG_FEED_URL_STATEE_PXWEB_V2" in result.message_in("en")


def test_requests_go_only_under_the_configured_address() -> None:
    base = "https://pxdata.stat.fi/PxWeb/api/v1"
    check_address(f"{base}/en/StatFin/a.px", base)
    for url in ("https://pxdata.stat.fi.evil.example/PxWeb/api/v1/en/a.px", "http://pxdata.stat.fi/PxWeb/api/v1/x",
                "https://pxdata.stat.fi/PxWeb/api/v10/x", "https://pxdata.stat.fi/PxWeb/api/v1/../../x",
                "https://pxdata.stat.fi:8443/PxWeb/api/v1/x", "file:///etc/passwd"):
        with pytest.raises(FetchError, match="not under the configured address"):
            check_address(url, base)
    with pytest.raises(FetchError) as refused:
        fetch(Request("https://elsewhere.example/x"), base, "statfin", RateLimit(1, 1))
    assert refused.value.reason == "address"


def test_rate_limits_space_the_requests_per_publisher() -> None:
    assert feeds_module.RATE_LIMITS["statfin"] == RateLimit(10, 10.0)  # Statistics Finland's published limit
    assert feeds_module.RATE_LIMITS["statee"] == RateLimit(10, 10.0)
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(clock=lambda: now[0], sleep=sleep)
    limit = RateLimit(10, 10.0)
    for _ in range(10):
        assert limiter.wait("statfin", limit) == 0
        now[0] += 0.1
    assert limiter.wait("statfin", limit) == pytest.approx(9.0)  # the 11th waits for the 1st to leave the window
    assert limiter.wait("eurostat", RateLimit(1, 1.0)) == 0  # another publisher is counted apart
    assert limiter.wait("eurostat", RateLimit(1, 1.0)) == pytest.approx(1.0)


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 30) == pytest.approx(30)
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_data_page_lists_the_feeds_and_refreshes_one_for_an_editor(editor: Path, api) -> None:
    from conftest import REPO_ROOT, sign_in
    from streamlit.testing.v1 import AppTest

    from twinreg_data.store import open_store

    db = open_store(editor)
    save_recipe(db, Recipe(name="statfin-pop", indicator="CTX_POP_MONTH", indicators={"CTX_POP_MONTH": POPULATION}),
                "test")
    statfin_feed(db)
    api.serve(STATFIN_V1, Answer(body=STATFIN_JSONSTAT))
    at = sign_in(AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=90).run(), "eeva", "a long password")
    at.switch_page("pages/data.py").run()
    assert not at.exception

    def card_texts() -> str:  # the feed's card: name, source, outcome badge, last run, message
        return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption])

    assert "never run" in card_texts() and "Not run yet" in card_texts(), card_texts()
    refresh = next(b for b in at.button if b.key == "feed_run_statfin-pop")
    assert refresh.label == "Refresh now"
    refresh.click().run()
    assert not at.exception
    assert any("imported as import" in s.value for s in at.success)  # Markdown-escaped: "import \\#5"
    assert "new data imported" in card_texts() and "Last run" in card_texts()
    assert db.query("SELECT uploaded_by, file_name FROM imports ORDER BY id DESC LIMIT 1") == [
        ("eeva", "feed statfin-pop")]
    # A failure is shown as one, with its reason.
    api.serve(STATFIN_V1, Answer(404, b'{"error": "Table not found"}'))
    next(b for b in at.button if b.key == "feed_run_statfin-pop").click().run()
    assert any("HTTP 404" in e.value and "unchanged" in e.value for e in at.error)
    assert ":red-badge[failed]" in card_texts() and "Table not found" in card_texts()


def test_migration_8_adds_the_feeds_table_to_a_version_7_database(tmp_path: Path) -> None:
    import duckdb

    from twinreg_data.store import SCHEMA_VERSION

    path = tmp_path / "v7.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as con:  # as a database of the previous version left it
        con.execute("DROP TABLE feeds")
        con.execute("UPDATE schema_meta SET version = 7")
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert [c for (c,) in store.query("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'feeds' ORDER BY ordinal_position")][:4] == [
        "name", "publisher", "api", "table_ref"]
    assert list_feeds(store) == []


def test_a_real_pxweb_v2_answer_goes_through_the_sandboxed_reader(store: Store, api, monkeypatch) -> None:
    """A recorded PxWeb API 2 answer (Statistics Sweden's TAB638, the only real v2 answer found): it parses with its
    v2 extensions; its one area (the whole of Sweden) is outside the twin region, so the run fails, writing nothing."""
    monkeypatch.setenv("TWINREG_FEED_URL_STATEE_PXWEB_V2", f"{api.url}/api/v2")
    api.serve("/api/v2/tables/TAB638/data", Answer(body=(RECORDED / "scb_tab638_pxweb_v2.json").read_bytes()))
    save_recipe(store, Recipe(name="population-v2", indicator="CTX_POP_MONTH",
                              indicators={"CTX_POP_MONTH": POPULATION}), "test")
    save_feed(store, Feed("v2-real", "statee", "pxweb_v2", "TAB638", {"Region": ["00"], "Tid": ["2024"]},
                          "population-v2", lang="sv"), "test")
    state = data_state(store)
    result = run_feed(store, "v2-real", "test", FAST)
    assert result.outcome == "failed" and result.reason == "invalid", result.message_in("en")
    assert [d["name"] for d in result.report.dimensions] == ["Region", "Civilstand", "Alder", "Kon", "ContentsCode",
                                                              "Tid"]
    assert result.report.problems[0].rule == "no_data"
    assert data_state(store) == state
    assert get_feed(store, "v2-real").dimensions == []  # learnt only from a run that succeeds


def test_feeds_add_with_a_recipe_file_saves_it_only_with_the_feed(store: Store, tmp_path: Path, capsys) -> None:
    recipe = tmp_path / "gdp.toml"
    Recipe(name="nuts3-gdp", indicator="CTX_POP_MONTH", indicators={"CTX_POP_MONTH": POPULATION}).save(recipe)
    db = str(store.path)
    common = ["--db", db, "feeds", "add", "gdp", "--publisher", "eurostat", "--table", "nama_10r_3gdp",
              "--recipe", str(recipe)]
    assert main([*common, "--filter", "geo"]) == 1  # a filter without codes: nothing is saved, not the recipe
    assert "is no filter" in capsys.readouterr().err
    assert store.scalar("SELECT count(*) FROM recipes WHERE name = 'nuts3-gdp'") == 0
    assert main([*common, "--filter", "geo=FI1B1,EE001"]) == 0
    assert store.scalar("SELECT count(*) FROM recipes WHERE name = 'nuts3-gdp'") == 1
    assert get_feed(store, "gdp").recipe == "nuts3-gdp"
