"""Feeds: a saved statistics source and the saved recipe that maps it, run on demand or on a schedule (issue 23).

A feed names a publisher and API (`pxweb_v1`, `pxweb_v2` of Statistics Finland or Statistics Estonia, or Eurostat's
Statistics API), the table (a PxWeb table path or id, a Eurostat dataset code), its query (the PxWeb v1 JSON query,
or dimension → codes for PxWeb v2 value codes and Eurostat filters), a language and the name of a saved recipe.

A run fetches the table (`fetch`: configured addresses only, time, size and rate limits, retries) into a
temporary file and hands it to the one import path: `check_file` parses it in the sandboxed child and maps it
with the recipe, `apply_checked` writes what is new (backup, one transaction, audit line, rollback from the
history) or nothing. A run fails, and writes no data, when the request fails, the answer is no readable
statistics, the table's dimensions are no longer those the feed was made with, or the recipe no longer maps it.
Each run's time, outcome and message are kept on the feed and in the audit log (`feed_run`).

Base addresses come from `DEFAULT_BASES` or `TWINREG_FEED_URL_<PUBLISHER>_<API>` (e.g.
TWINREG_FEED_URL_STATFIN_PXWEB_V1); no feed can name another host.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import audit
from ..i18n import N_, N_plural, t_numbers, tn
from ..store import Store
from .fetch import FetchError, FetchPolicy, RateLimit, Request, fetch

PUBLISHERS = ("statfin", "statee", "eurostat")
APIS = ("pxweb_v1", "pxweb_v2", "eurostat")
PUBLISHER_NAMES = {"statfin": "Statistics Finland", "statee": "Statistics Estonia", "eurostat": "Eurostat"}
# The published API addresses. Neither office announces a PxWeb API 2 address yet: set one in the environment.
DEFAULT_BASES = {
    ("statfin", "pxweb_v1"): "https://pxdata.stat.fi/PxWeb/api/v1",
    ("statee", "pxweb_v1"): "https://andmed.stat.ee/api/v1",
    ("eurostat", "eurostat"): "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0",
}
# Statistics Finland: 10 requests per 10 s per client (its API terms); Statistics Estonia's PxWeb has the same
# default; Eurostat names no figure, so one request a second.
RATE_LIMITS = {"statfin": RateLimit(10, 10.0), "statee": RateLimit(10, 10.0), "eurostat": RateLimit(1, 1.0)}
OUTCOMES = ("applied", "nothing_new", "failed")
_TABLE_REF = re.compile(r"[A-Za-z0-9_.\-]+(/[A-Za-z0-9_.\-]+)*")
_NAME = re.compile(r"[\w.\-]{1,64}")
EUROSTAT_LANGUAGES = ("en", "fr", "de")

Part = tuple[str | tuple[str, str], dict]


class FeedError(Exception):
    """A feed that cannot be saved, found or run as asked; `message` the English msgid, `text(lang)`."""

    def __init__(self, message: str, **params: object) -> None:
        self.message, self.params = message, params
        super().__init__(message.format(**params))

    def text(self, lang: str = "en") -> str:
        return t_numbers(self.message, lang, **self.params)


def base_url(publisher: str, api: str) -> str:
    """The configured base address of a publisher's API: the environment's, else the published default."""
    variable = f"TWINREG_FEED_URL_{publisher}_{api}".upper()
    base = os.environ.get(variable, "").strip() or DEFAULT_BASES.get((publisher, api), "")
    if not base:
        raise FeedError(N_("No address is configured for {publisher}'s {api} API: set {variable}."),
                        publisher=PUBLISHER_NAMES.get(publisher, publisher), api=api, variable=variable)
    return base.rstrip("/")


@dataclass
class Feed:
    name: str
    publisher: str
    api: str
    table_ref: str  # PxWeb v1: database/…/table.px; v2: the table id; Eurostat: the dataset code
    query: dict  # PxWeb v1: the JSON query body; v2 and Eurostat: dimension → list of codes
    recipe: str
    lang: str = "en"
    dimensions: list[str] = field(default_factory=list)  # the table's dimensions when first run
    created_by: str = ""
    created_at: dt.datetime | None = None
    last_run_at: dt.datetime | None = None
    last_outcome: str = ""
    last_message: list[Part] = field(default_factory=list)
    last_import_id: int | None = None
    last_success_at: dt.datetime | None = None

    def check(self) -> None:
        """FeedError for a feed that cannot be run as written (before anything is saved or requested)."""
        if not _NAME.fullmatch(self.name):
            raise FeedError(N_("A feed name is 1 to 64 letters, digits, '.', '-' or '_' ({name} is not)."),
                            name=self.name[:80])
        if self.publisher not in PUBLISHERS:
            raise FeedError(N_("Unknown publisher {publisher}; choose one of {choices}."), publisher=self.publisher,
                            choices=", ".join(PUBLISHERS))
        if (self.publisher == "eurostat") != (self.api == "eurostat") or self.api not in APIS:
            raise FeedError(N_("{publisher} has no {api} API: PxWeb (pxweb_v1, pxweb_v2) is Statistics Finland's "
                               "and Statistics Estonia's, the Statistics API (eurostat) Eurostat's."),
                            publisher=PUBLISHER_NAMES[self.publisher], api=self.api)
        if not _TABLE_REF.fullmatch(self.table_ref) or ".." in self.table_ref.split("/"):
            raise FeedError(N_("{table} is no table name: letters, digits, '.', '-', '_' and '/' only."),
                            table=self.table_ref[:120])
        if not re.fullmatch(r"[a-z]{2}", self.lang):
            raise FeedError(N_("{lang} is no language code (two letters, e.g. en, fi, et)."), lang=self.lang[:20])
        if self.api == "pxweb_v1":
            items = self.query.get("query") if isinstance(self.query, dict) else None
            if not isinstance(items, list) or not all(isinstance(i, dict) and "code" in i for i in items):
                raise FeedError(N_("A PxWeb v1 query is the JSON that the table's API query box on the publisher's "
                                   "site shows: a \"query\" list of dimensions, each with its code and selection."))
        elif not all(isinstance(k, str) and isinstance(v, list) and v and all(isinstance(c, str) for c in v)
                     for k, v in self.query.items()):
            raise FeedError(N_("The filters are a dimension and its codes each, e.g. geo=EE001,FI1B1."))
        if not self.recipe:
            raise FeedError(N_("A feed needs the name of a saved recipe to map the table."))

    def request(self) -> Request:
        """The HTTP request that fetches the table as JSON-stat 2.0 (a v1 query may ask for another format)."""
        base = base_url(self.publisher, self.api)
        if self.api == "pxweb_v1":
            body = dict(self.query)
            body.setdefault("response", {"format": "json-stat2"})
            return Request(f"{base}/{self.lang}/{self.table_ref}", "POST", json.dumps(body).encode("utf-8"),
                           {"Content-Type": "application/json"})
        if self.api == "pxweb_v2":
            params = [("lang", self.lang), ("outputFormat", "json-stat2")]
            params += [(f"valueCodes[{dim}]", ",".join(codes)) for dim, codes in self.query.items()]
            quoted = urllib.parse.quote(self.table_ref, safe="")
            return Request(f"{base}/tables/{quoted}/data?{urllib.parse.urlencode(params)}")
        params = [("format", "JSON"), ("lang", self.lang.upper() if self.lang in EUROSTAT_LANGUAGES else "EN")]
        params += [(dim, code) for dim, codes in self.query.items() for code in codes]
        return Request(f"{base}/data/{urllib.parse.quote(self.table_ref, safe='')}?{urllib.parse.urlencode(params)}")

    def last_message_in(self, lang: str) -> str:
        return parts_in(self.last_message, lang)

    def as_dict(self) -> dict:
        return {"name": self.name, "publisher": self.publisher, "api": self.api, "table": self.table_ref,
                "query": self.query, "lang": self.lang, "recipe": self.recipe, "dimensions": self.dimensions,
                "created_by": self.created_by, "created_at": self.created_at, "last_run_at": self.last_run_at,
                "last_outcome": self.last_outcome, "last_message": self.last_message_in("en"),
                "last_import_id": self.last_import_id, "last_success_at": self.last_success_at}


def parts_in(parts: Iterable[Part], lang: str) -> str:
    """Message parts (English msgid or a (singular, plural) pair counted by "n", and parameters) in `lang`."""
    texts = []
    for message, params in parts:
        if isinstance(message, list | tuple):
            texts.append(tn(message[0], message[1], params["n"], lang, **{k: v for k, v in params.items() if k != "n"}))
        else:
            texts.append(t_numbers(message, lang, **params))
    return " ".join(texts)


def filters_query(filters: Iterable[str], api: str) -> dict:
    """The query of `DIM=CODE[,CODE…]` filters: PxWeb v1's JSON query, else dimension → codes."""
    chosen: dict[str, list[str]] = {}
    for item in filters:
        dim, sep, codes = item.partition("=")
        values = [c.strip() for c in codes.split(",") if c.strip()]
        if not sep or not dim.strip() or not values:
            raise FeedError(N_("{item} is no filter: write DIMENSION=CODE or DIMENSION=CODE1,CODE2."), item=item[:80])
        chosen.setdefault(dim.strip(), []).extend(values)
    if api == "pxweb_v1":
        return {"query": [{"code": dim, "selection": {"filter": "item", "values": codes}}
                          for dim, codes in chosen.items()], "response": {"format": "json-stat2"}}
    return chosen


# -- saved feeds ----------------------------------------------------------------------------------------------

_COLUMNS = ("name", "publisher", "api", "table_ref", "query", "lang", "recipe", "dimensions", "created_by",
            "created_at", "last_run_at", "last_outcome", "last_message", "last_import_id", "last_success_at")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _feed_of(row: tuple) -> Feed:
    values = dict(zip(_COLUMNS, row, strict=True))
    values["query"] = json.loads(values["query"] or "{}")
    values["dimensions"] = json.loads(values["dimensions"] or "[]")
    values["last_message"] = [tuple(p) for p in json.loads(values["last_message"] or "[]")]
    values["last_outcome"] = values["last_outcome"] or ""
    return Feed(**values)


def list_feeds(store: Store) -> list[Feed]:
    return [_feed_of(r) for r in store.query(f"SELECT {', '.join(_COLUMNS)} FROM feeds ORDER BY name")]


def get_feed(store: Store, name: str) -> Feed | None:
    rows = store.query(f"SELECT {', '.join(_COLUMNS)} FROM feeds WHERE name = ?", [name])
    return _feed_of(rows[0]) if rows else None


def save_feed(store: Store, feed: Feed, user: str, replace: bool = False) -> Feed:
    """Keep `feed` (checked; its recipe must be saved). A feed of the same name is replaced only with `replace`,
    and then starts again without a known dimension list or last run."""
    from .statistics.recipe import saved_recipe

    feed.check()
    if saved_recipe(store, feed.recipe) is None:
        raise FeedError(N_("There is no saved recipe {recipe}: save one first (import a file of the table with "
                           "--save-recipe, or save the mapping on the Data page)."), recipe=feed.recipe)
    feed.created_by, feed.created_at = user, _now()
    with store.transaction(changes_data=False) as cur:
        exists = cur.execute("SELECT count(*) FROM feeds WHERE name = ?", [feed.name]).fetchone()[0]
        if exists and not replace:
            raise FeedError(N_("A feed named {name} exists already; remove it first or replace it."), name=feed.name)
        cur.execute("DELETE FROM feeds WHERE name = ?", [feed.name])
        cur.execute("INSERT INTO feeds (name, publisher, api, table_ref, query, lang, recipe, dimensions, created_by, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [feed.name, feed.publisher, feed.api, feed.table_ref, json.dumps(feed.query, ensure_ascii=False),
                     feed.lang, feed.recipe, json.dumps(feed.dimensions), user, feed.created_at])
        audit.write_in(cur, user, "feed_add", "ok", {"feed": feed.name, "table": feed.table_ref,
                                                    "recipe": feed.recipe})
    return feed


def remove_feed(store: Store, name: str, user: str) -> None:
    with store.transaction(changes_data=False) as cur:
        if not cur.execute("SELECT count(*) FROM feeds WHERE name = ?", [name]).fetchone()[0]:
            raise FeedError(N_("There is no feed named {name}."), name=name)
        cur.execute("DELETE FROM feeds WHERE name = ?", [name])
        audit.write_in(cur, user, "feed_remove", "ok", {"feed": name})


# -- running ---------------------------------------------------------------------------------------------------


@dataclass
class RunResult:
    """What one run did: `outcome` applied, nothing_new or failed; the message as parts; the import report."""

    feed: str
    outcome: str
    parts: list[Part]
    import_id: int | None = None
    rows: int = 0  # rows added or changed
    reason: str = ""  # why a run failed: a fetch reason (timeout, http, …), refused, dimensions, recipe, invalid
    report: object = None  # the ImportReport, when the answer got as far as the importer

    @property
    def ok(self) -> bool:
        return self.outcome != "failed"

    def message_in(self, lang: str) -> str:
        return parts_in(self.parts, lang)

    def as_dict(self) -> dict:
        return {"feed": self.feed, "outcome": self.outcome, "message": self.message_in("en"), "reason": self.reason,
                "import_id": self.import_id, "rows": self.rows,
                "report": self.report.as_dict() if self.report is not None else None}


def run_feed(store: Store, name: str, user: str = "cli", policy: FetchPolicy | None = None) -> RunResult:
    """Fetch a feed's table and import what is new through the normal path; record the run on the feed and in
    the audit log. A failed run writes no data; FeedError only for a feed that does not exist."""
    feed = get_feed(store, name)
    if feed is None:
        raise FeedError(N_("There is no feed named {name}."), name=name)
    result, dimensions = _run(store, feed, user, policy or FetchPolicy())
    _record(store, feed, result, user, dimensions)
    return result


def run_all(store: Store, user: str = "cli", policy: FetchPolicy | None = None) -> list[RunResult]:
    """Every feed, one after the other (the rate limits apply across them)."""
    return [run_feed(store, feed.name, user, policy) for feed in list_feeds(store)]


def _failed(feed: Feed, reason: str, *cause: Part, report: object = None) -> RunResult:
    return RunResult(feed.name, "failed", [(N_("Feed {name} failed; the database is unchanged."),
                                            {"name": feed.name}), *cause], reason=reason, report=report)


def _run(store: Store, feed: Feed, user: str, policy: FetchPolicy) -> tuple[RunResult, list[str] | None]:
    """The run's result and the table's dimensions to remember (None: keep what the feed has)."""
    from ..backup import BackupFailed
    from .apply import apply_checked, check_file
    from .reports import rows_written
    from .statistics import StatFileError
    from .statistics.recipe import saved_recipe

    recipe = saved_recipe(store, feed.recipe)
    if recipe is None:
        return _failed(feed, "recipe", (N_("Its recipe {recipe} is no longer saved."), {"recipe": feed.recipe})), None
    try:
        body = fetch(feed.request(), base_url(feed.publisher, feed.api), feed.publisher,
                     RATE_LIMITS[feed.publisher], policy)
    except FetchError as exc:
        cause: list[Part] = [(exc.message, exc.params)]
        if exc.attempts > 1:
            cause.append((N_plural("Tried {n} time.", "Tried {n} times."), {"n": exc.attempts}))
        return _failed(feed, exc.reason, *cause), None
    except FeedError as exc:
        return _failed(feed, "address", (exc.message, exc.params)), None
    with tempfile.TemporaryDirectory(prefix="twinreg-feed-") as folder:
        path = Path(folder) / "answer"
        path.write_bytes(body)
        checked = check_file(store, path, f"feed {feed.name}", recipe=recipe)
    report = checked.report
    if report.status == "refused":
        refusal = report.refusal
        part = (refusal.message, refusal.params) if isinstance(refusal, StatFileError) else (report.message, {})
        return _failed(feed, "refused", (N_("The answer could not be read:"), {}), part,
                       report=report), None
    table = checked.tables[recipe.table] if 0 <= recipe.table < len(checked.tables) else checked.tables[0]
    found = [d.code for d in table.dimensions]
    if feed.dimensions and set(found) != set(feed.dimensions):
        return _failed(feed, "dimensions", (N_("The table's dimensions changed: it has {found}, the feed was made "
                                               "for {expected}. Check the recipe and save the feed again."),
                                            {"found": ", ".join(found), "expected": ", ".join(feed.dimensions)}),
                       report=report), None
    if report.status == "needs_decisions":
        return _failed(feed, "recipe", (N_("The recipe {recipe} no longer maps the table:"), {"recipe": recipe.name}),
                       *((d.message, d.params) for d in report.decisions), report=report), None
    if report.status == "invalid":
        return _failed(feed, "invalid", *report.message_parts, report=report), None
    if not rows_written(report):  # the preview found nothing new: no backup, no transaction, nothing touched
        return _nothing_new(feed, report), found
    try:
        done = apply_checked(store, checked, user)
    except BackupFailed as exc:
        return _failed(feed, "backup", (N_("The backup before the import could not be written: {detail}"),
                                        {"detail": str(exc)[:300]}), report=report), None
    if done.status == "applied":
        return RunResult(feed.name, "applied", list(done.message_parts), done.import_id, rows_written(done),
                         report=done), found
    return _nothing_new(feed, done), found


def _nothing_new(feed: Feed, report: object) -> RunResult:
    return RunResult(feed.name, "nothing_new", [(N_("Feed {name}: nothing new, every value is already in the "
                                                    "database. Nothing changed."), {"name": feed.name})],
                     report=report)


def _record(store: Store, feed: Feed, result: RunResult, user: str, dimensions: list[str] | None) -> None:
    """The run on the feed's row and as an audit line, in one transaction that changes no data."""
    now = _now()
    parts = json.dumps([[list(m) if isinstance(m, tuple) else m, p] for m, p in result.parts], ensure_ascii=False,
                       default=str)
    with store.transaction(changes_data=False) as cur:
        cur.execute("UPDATE feeds SET last_run_at = ?, last_outcome = ?, last_message = ?, last_import_id = ?, "
                    "last_success_at = CASE WHEN ? THEN ? ELSE last_success_at END, "
                    "dimensions = coalesce(?, dimensions) WHERE name = ?",
                    [now, result.outcome, parts, result.import_id, result.ok, now,
                     json.dumps(dimensions) if dimensions is not None else None, feed.name])
        audit.write_in(cur, user, "feed_run", result.outcome if result.outcome != "nothing_new" else "nothing_to_do",
                       {"feed": feed.name, "import_id": result.import_id, "reason": result.reason or None,
                        "rows": result.rows or None})
