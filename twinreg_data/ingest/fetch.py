"""Outgoing HTTP requests of the feeds: only to configured addresses, with time, size and rate limits.

Every request a feed makes goes through `fetch`:
- the URL must lie under the configured base address it was built from (scheme, host, port and path prefix), and
  a redirect is never followed (it could lead anywhere);
- each attempt has a wall-clock limit (`FetchPolicy.timeout_s`: connecting, waiting and reading the whole body),
  and the body stops at `max_bytes` (a Content-Length above it is refused before reading);
- a timeout, a dropped connection, HTTP 429 and 5xx are tried again, up to `attempts` in all, after a pause that
  doubles each time (`backoff_s`, 2×, 4×…) or, when the server sends Retry-After, after at least that long (a wait
  longer than `max_retry_after_s` is not waited for: the run fails and says when to try);
- requests to one publisher are spaced by a sliding-window limit (`RateLimiter`): Statistics Finland allows 10
  requests in 10 seconds per client, Statistics Estonia likewise; Eurostat publishes no figure, so one a second.

Standard library only (urllib): nothing more to install, and proxies set in the environment are honoured.
"""

from __future__ import annotations

import collections
import email.utils
import http.client
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from ..i18n import N_, t
from .filecheck import MAX_FILE_BYTES

USER_AGENT = "TwinReg-Monitor-feeds/1 (+statistics feed; polite, rate limited)"
RETRIED_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A request that did not give a body: `reason` (timeout, http, too_large, network, redirect, address,
    wait_too_long), the English message (a msgid) and its parameters; `text(lang)` for people."""

    def __init__(self, reason: str, message: str, **params: object) -> None:
        self.reason, self.message, self.params = reason, message, params
        self.attempts = 1  # how many requests were made before giving up
        super().__init__(message.format(**params))

    def text(self, lang: str = "en") -> str:
        return t(self.message, lang, **self.params)


@dataclass(frozen=True)
class FetchPolicy:
    timeout_s: float = 60.0  # per attempt, the whole exchange
    attempts: int = 4
    backoff_s: float = 2.0  # pause before the 2nd attempt; doubled before each further one
    max_retry_after_s: float = 300.0
    max_bytes: int = MAX_FILE_BYTES  # what an upload may be, too


@dataclass(frozen=True)
class RateLimit:
    requests: int
    per_seconds: float


class RateLimiter:
    """At most `limit.requests` requests per `limit.per_seconds` for each key (a publisher), in this process.

    `clock` and `sleep` are injectable so that a test can check the spacing without waiting."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self._clock, self._sleep = clock, sleep
        self._sent: dict[str, collections.deque[float]] = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    def wait(self, key: str, limit: RateLimit) -> float:
        """Block until one more request to `key` keeps within `limit`; the seconds waited."""
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                sent = self._sent[key]
                while sent and now - sent[0] >= limit.per_seconds:
                    sent.popleft()
                if len(sent) < limit.requests:
                    sent.append(now)
                    return waited
                pause = limit.per_seconds - (now - sent[0])
            self._sleep(pause)
            waited += pause


LIMITER = RateLimiter()


@dataclass
class Request:
    url: str
    method: str = "GET"
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 - urllib's signature
        raise FetchError("redirect", N_("The server sent the request on to {location}; feeds follow no redirects. "
                                        "Check the configured address."), location=newurl[:200])


_OPENER = urllib.request.build_opener(_NoRedirect)


def check_address(url: str, base: str) -> None:
    """Refuse a URL that does not lie under `base` (same scheme, host and port, path below base's path)."""
    u, b = urllib.parse.urlsplit(url), urllib.parse.urlsplit(base)
    if u.scheme not in ("https", "http") or (u.scheme, u.hostname, u.port) != (b.scheme, b.hostname, b.port) \
            or not (u.path + "/").startswith(b.path.rstrip("/") + "/") or ".." in u.path.split("/"):
        raise FetchError("address", N_("{url} is not under the configured address {base}; nothing was requested."),
                         url=url[:200], base=base)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: a number of seconds, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def fetch(request: Request, base: str, rate_key: str, rate: RateLimit, policy: FetchPolicy = FetchPolicy(),
          limiter: RateLimiter = LIMITER, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """The body of `request`, within the limits above; FetchError with the reason of the last failure."""
    check_address(request.url, base)
    last: FetchError | None = None
    for attempt in range(policy.attempts):
        limiter.wait(rate_key, rate)
        try:
            return _attempt(request, policy)
        except _Retry as retry:
            last = retry.error
            if attempt + 1 == policy.attempts:
                break
            pause = policy.backoff_s * 2 ** attempt
            if retry.retry_after is not None:
                if retry.retry_after > policy.max_retry_after_s:
                    error = FetchError("wait_too_long", N_("The server asks to wait {seconds} seconds before the "
                                                           "next request; try again later."),
                                       seconds=f"{retry.retry_after:.0f}")
                    error.attempts = attempt + 1
                    raise error from None
                pause = max(pause, retry.retry_after)
            sleep(pause)
    assert last is not None
    last.attempts = policy.attempts
    raise last


class _Retry(Exception):
    def __init__(self, error: FetchError, retry_after: float | None = None) -> None:
        self.error, self.retry_after = error, retry_after


def _attempt(request: Request, policy: FetchPolicy) -> bytes:
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", **request.headers}
    req = urllib.request.Request(request.url, data=request.body, headers=headers, method=request.method)
    deadline = time.monotonic() + policy.timeout_s
    timeout_error = FetchError("timeout", N_("No complete answer within {seconds} seconds."),
                               seconds=f"{policy.timeout_s:g}")
    try:
        with _OPENER.open(req, timeout=policy.timeout_s) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > policy.max_bytes:
                raise _too_large(policy)
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise _Retry(timeout_error)
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > policy.max_bytes:
                    raise _too_large(policy)
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        error = FetchError("http", N_("The server answered HTTP {status} ({detail})."), status=exc.code,
                           detail=_snippet(exc))
        if exc.code in RETRIED_STATUSES:
            raise _Retry(error, retry_after_seconds(exc.headers.get("Retry-After"))) from None
        raise error from None
    except TimeoutError:
        raise _Retry(timeout_error) from None
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise _Retry(timeout_error) from None
        if isinstance(reason, FetchError):
            raise reason from None
        raise _Retry(FetchError("network", N_("The server could not be reached: {detail}."),
                                detail=str(reason)[:200])) from None


def _too_large(policy: FetchPolicy) -> FetchError:
    return FetchError("too_large", N_("The answer is larger than {limit_mb} MB; narrow the query."),
                      limit_mb=policy.max_bytes // 2**20)


def _snippet(exc: urllib.error.HTTPError) -> str:
    """The start of an error answer (PxWeb and Eurostat explain a bad query there), on one line."""
    try:
        text = exc.read(400).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        text = ""
    text = " ".join(text.split())[:200]
    return text or str(exc.reason or "")
