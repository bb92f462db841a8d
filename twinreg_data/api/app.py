"""The read API as Starlette routes, mounted by server.py into the app's own process (st.App takes routes).

A request passes the rate limit, has its parameters checked (400 before the database is touched), then in a worker
thread (DuckDB blocks; the event loop serves the app's websockets) the store is refreshed and the data stamp read
for the validators: a client whose copy is current gets 304 without a query. Only then is the read model asked.
The store is the process's one store (store.open_store), which opens the file on demand and closes it after a
second idle, so the API holds no lock between requests and the command line can import beside it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from ..auth import client_address
from ..publish import Licence
from ..queries import provenance
from ..store import Store, StoreError
from . import API_PREFIX, openapi
from .params import DEFAULT_LIMIT, Problem, Query, parse
from .ratelimit import RateLimiter, RateLimits
from .render import csv_bytes, etag, http_date, json_bytes, not_modified
from .resources import ENDPOINTS, Answer, Endpoint

_log = logging.getLogger(__name__)
# Requests that may wait for or read the database at once: the rest wait their turn on the event loop, so API
# traffic cannot take every worker thread from the pages.
WORKERS = 4
BUSY_RETRY_S = 5
_COMMON_HEADERS = {
    "Cache-Control": "public, no-cache",  # keep it, but ask (If-None-Match) before using it
    "Vary": "Accept",
    "Access-Control-Allow-Origin": "*",  # public data, no credentials: any site may read it
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, Retry-After",
    "X-Content-Type-Options": "nosniff",
}


@dataclass(frozen=True)
class _Validators:
    stamp: str | None
    day: dt.date  # the day the answer counts to
    data_as_of: dt.datetime
    last_modified: dt.datetime


def _params(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


class ReadApi:
    """The API over one store. `store_of()` gives the process's store; `trusted_proxies()` the proxies whose
    X-Forwarded-For is believed (the same setting as sign-in); `public()` whether anonymous visitors may see the
    data (`[twinreg] public`): the API has no sign-in, so it answers only when they may."""

    def __init__(self, store_of: Callable[[], Store], trusted_proxies: Callable[[], tuple[str, ...]] = tuple,
                 limits: RateLimits | None = None, prefix: str = API_PREFIX,
                 today: Callable[[], dt.date] = dt.date.today, public: Callable[[], bool] = lambda: True) -> None:
        self.store_of = store_of
        self.trusted_proxies = trusted_proxies
        self.public = public
        self.limiter = RateLimiter(limits or RateLimits.from_env())
        self.prefix = prefix.rstrip("/")
        self.today = today
        self._slots: asyncio.Semaphore | None = None
        self._as_of: tuple[str | None, dt.datetime] | None = None  # (stamp, data as of) last read

    # -- routes -------------------------------------------------------------
    def routes(self) -> list[BaseRoute]:
        inner = [Route("/", self._index, methods=["GET"]), Route("/openapi.json", self._openapi, methods=["GET"])]
        inner += [Route(endpoint.path, self._handler(endpoint), methods=["GET"], name=f"api-{endpoint.name}")
                  for endpoint in ENDPOINTS]
        inner.append(Route("/{rest:path}", self._unknown))
        # The prefix itself too: without it Streamlit's catch-all would answer /api/v1 with the app's HTML.
        return [Route(self.prefix, self._index, methods=["GET"]), Mount(self.prefix, routes=inner)]

    def _handler(self, endpoint: Endpoint) -> Callable[[Request], Any]:
        async def handle(request: Request) -> Response:
            return await self._answer(request, endpoint)
        return handle

    # -- the steps of a request -----------------------------------------------
    def client(self, request: Request) -> str:
        peer = request.client.host if request.client else None
        return client_address(peer, request.headers.getlist("x-forwarded-for"), self.trusted_proxies())

    def _limit(self, request: Request) -> None:
        """The rate limit, and before it whether the API answers at all."""
        if not self.public():
            raise Problem(403, "Not public", "This monitor shows its data to signed-in users only, so its read API "
                                             "is off.")
        wait = self.limiter.take(self.client(request))
        if wait:
            raise Problem(429, "Too many requests", f"This client made more requests than the read API allows "
                          f"({self.limiter.limits.per_minute:g} a minute, bursts of {self.limiter.limits.burst}). "
                          f"Try again in {wait} s.", headers={"Retry-After": str(wait)})

    def _validators(self, daily: bool) -> _Validators:
        """The data stamp (another process's import noticed first) and when the data last changed."""
        store = self.store_of()
        store.refresh()
        stamp = store.data_stamp
        if self._as_of is None or self._as_of[0] != stamp:
            as_of = provenance.data_as_of(store) or dt.datetime.now(dt.UTC).replace(tzinfo=None)
            self._as_of = (stamp, as_of.replace(microsecond=0))
        today = self.today()
        # An answer that counts to today is new every day; any answer is new every year (the default period ends
        # with the current year).
        floor = dt.datetime(today.year, today.month, today.day) if daily else dt.datetime(today.year, 1, 1)
        return _Validators(stamp, today, self._as_of[1], max(self._as_of[1], floor))

    async def _in_worker(self, work: Callable[..., Any], *args: Any) -> Any:
        if self._slots is None:
            self._slots = asyncio.Semaphore(WORKERS)
        async with self._slots:
            return await run_in_threadpool(work, *args)

    async def _answer(self, request: Request, endpoint: Endpoint) -> Response:
        try:
            self._limit(request)
            query = parse(_params(request), endpoint.params, endpoint.formats, request.headers.get("accept", ""),
                          request.path_params.get("code", ""))
            validators = await self._in_worker(self._validators, endpoint.daily)
            tag = etag(validators.stamp, validators.day, request.url.path, request.url.query, query.format)
            headers = _COMMON_HEADERS | {"ETag": tag, "Last-Modified": http_date(validators.last_modified)}
            if not_modified(request.headers.get("if-none-match"), request.headers.get("if-modified-since"), tag,
                            validators.last_modified):
                return Response(status_code=304, headers=headers)
            # Reading and serialising both in the worker: turning 10⁵ rows into JSON takes a while.
            return await self._in_worker(self._read_and_render, request, endpoint, query, validators, headers)
        except Problem as problem:
            return self._problem(problem)
        except StoreError as exc:
            _log.warning("read API: the database could not be used: %s", exc)
            busy = exc.reason == "busy"
            return self._problem(Problem(
                503, "Data not available", "The database is busy with an import; try again in a moment." if busy
                else "The data cannot be read right now.", headers={"Retry-After": str(BUSY_RETRY_S)} if busy else {}))
        except Exception:  # never a traceback to the client; the log has it
            _log.exception("read API: %s failed", request.url.path)
            return self._problem(Problem(500, "Internal error", "The request could not be answered."))

    def _read_and_render(self, request: Request, endpoint: Endpoint, query: Query, validators: _Validators,
                         headers: dict[str, str]) -> Response:
        return self._render(request, endpoint, query, endpoint.read(self.store_of(), query), validators, headers)

    def _render(self, request: Request, endpoint: Endpoint, query: Query, answer: Answer, validators: _Validators,
                headers: dict[str, str]) -> Response:
        meta: dict[str, Any] = {
            "filters": {name: getattr(query.filters, attr) for name, attr in (
                ("lang", "lang"), ("domain", "domains"), ("side", "side"), ("from", "year_from"), ("to", "year_to"))
                if name in endpoint.params} | {k: list(v) if isinstance(v, tuple) else v
                                              for k, v in query.values.items() if k not in ("limit", "offset")},
            "data_as_of": validators.data_as_of.isoformat() + "Z",
            "licence": Licence().name,
        }
        if isinstance(answer.data, list):
            meta["count"] = len(answer.data)
        if endpoint.paged and answer.total is not None:
            limit, offset = query.values.get("limit", DEFAULT_LIMIT), query.values.get("offset", 0)
            following = offset + limit if offset + limit < answer.total else None
            meta |= {"total": answer.total, "limit": limit, "offset": offset,
                     "next": self._next_url(request, following) if following is not None else None}
            if following is not None:
                headers = headers | {"Link": f'<{meta["next"]}>; rel="next"'}
        if query.format == "csv":
            return Response(csv_bytes(answer.table, answer.columns), headers=headers,
                            media_type="text/csv; charset=utf-8")
        if query.format == "jsonstat":
            dataset = {"version": "2.0", **(answer.jsonstat or {}), "updated": meta["data_as_of"]}
            if meta.get("next"):
                dataset["link"] = {"next": [{"href": meta["next"]}]}
            return Response(json_bytes(dataset), headers=headers, media_type="application/json")
        return Response(json_bytes({"data": answer.data, "meta": meta}), headers=headers,
                        media_type="application/json")

    @staticmethod
    def _next_url(request: Request, offset: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"] + [("offset", str(offset))]
        return str(request.url.replace(query=urlencode(params)))

    def _problem(self, problem: Problem) -> Response:
        headers = {k: v for k, v in _COMMON_HEADERS.items() if k != "Cache-Control"} | problem.headers
        headers["Cache-Control"] = "no-store"
        return Response(json_bytes(problem.body()), status_code=problem.status, headers=headers,
                        media_type="application/problem+json")

    # -- the API's own pages ------------------------------------------------------
    def _server_url(self, request: Request) -> str:
        return str(request.url.replace(path=self.prefix, query="", fragment=""))

    async def _openapi(self, request: Request) -> Response:
        try:
            self._limit(request)
        except Problem as problem:
            return self._problem(problem)
        return Response(json_bytes(openapi.description(self._server_url(request))),
                        headers=_COMMON_HEADERS | {"Cache-Control": "public, max-age=3600"},
                        media_type="application/json")

    async def _index(self, request: Request) -> Response:
        try:
            self._limit(request)
        except Problem as problem:
            return self._problem(problem)
        base = self._server_url(request)
        body = {"title": "TwinReg Monitor read API", "openapi": f"{base}/openapi.json",
                "endpoints": {endpoint.name: f"{base}{endpoint.path}" for endpoint in ENDPOINTS}}
        return Response(json_bytes(body), headers=_COMMON_HEADERS, media_type="application/json")

    async def _unknown(self, request: Request) -> Response:
        return self._problem(Problem(404, "Not found", f"There is no endpoint {request.url.path[:200]}; the list is "
                                     f"at {self.prefix}/ and the description at {self.prefix}/openapi.json."))


def api_routes(store_of: Callable[[], Store], trusted_proxies: Callable[[], tuple[str, ...]] = tuple,
               limits: RateLimits | None = None, prefix: str = API_PREFIX,
               public: Callable[[], bool] = lambda: True) -> list[BaseRoute]:
    """The routes of the read API under `prefix` (server.py adds them to st.App)."""
    return ReadApi(store_of, trusted_proxies, limits, prefix, public=public).routes()
