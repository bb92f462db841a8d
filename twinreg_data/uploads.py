"""How much uploaded data the server may hold, and who may upload at all: an ASGI middleware.

Streamlit keeps every file PUT to `/_stcore/upload_file/<session>/<file>` in memory until the session is
shut down, and any browser session may ask for upload URLs, with or without an upload widget on its page. A
session saved for reconnection after its browser left is never shut down, so its files stayed for good. This
module bounds all three (SECURITY.md, "Uploads"):

- only sessions the app has *entitled* (those whose visitor may import: editors and admins) may upload;
  everyone else gets 403 before a byte of the body is read;
- an entitled session holds at most `per_session_bytes`, all sessions together `total_bytes` (uploads in
  flight counted by their Content-Length, which is required); beyond it, 413;
- files of sessions that ended (closed, or disconnected and not back) are dropped: `drop_ended()` is called
  before every upload and every `sweep_seconds` by the server.

It knows nothing of Streamlit: `server.py` passes in how to read the held bytes and drop a session's files.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

UPLOAD_PATH = re.compile(r"^/_stcore/upload_file/([^/]+)/([^/]+)$")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class UploadLimits:
    per_session_bytes: int = 64 * 1024**2  # one file at the largest accepted size (50 MB) and its form framing
    total_bytes: int = 200 * 1024**2
    sweep_seconds: float = 30.0

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> UploadLimits:
        """TWINREG_UPLOAD_SESSION_MB, TWINREG_UPLOAD_TOTAL_MB and TWINREG_UPLOAD_SWEEP_S, where set."""
        default = cls()

        def number(name: str, fallback: float) -> float:
            try:
                value = float(environ[name])
            except (KeyError, ValueError):
                return fallback
            return value if value > 0 else fallback

        return cls(int(number("TWINREG_UPLOAD_SESSION_MB", default.per_session_bytes / 1024**2) * 1024**2),
                   int(number("TWINREG_UPLOAD_TOTAL_MB", default.total_bytes / 1024**2) * 1024**2),
                   number("TWINREG_UPLOAD_SWEEP_S", default.sweep_seconds))


@dataclass(frozen=True)
class HeldUploads:
    """What the server holds now: bytes per session id."""

    by_session: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_session.values())


class UploadGate:
    """The sessions that may upload, and the uploads in flight (reserved by their declared length)."""

    def __init__(self, limits: UploadLimits | None = None) -> None:
        self.limits = limits or UploadLimits()
        self._entitled: set[str] = set()
        self._in_flight: dict[int, tuple[str, int]] = {}
        self._next_ticket = 0
        self._lock = threading.Lock()

    def entitle(self, session_id: str, may_upload: bool) -> None:
        """Called by the app on every run with the visitor's current right to import."""
        with self._lock:
            if may_upload:
                self._entitled.add(session_id)
            else:
                self._entitled.discard(session_id)

    def forget(self, session_ids: set[str]) -> None:
        with self._lock:
            self._entitled -= session_ids

    def is_entitled(self, session_id: str) -> bool:
        with self._lock:
            return session_id in self._entitled

    def reserve(self, session_id: str, length: int, held: HeldUploads) -> tuple[int | None, str]:
        """A ticket for an upload of `length` bytes, or (None, why) when it would pass a limit."""
        with self._lock:
            if session_id not in self._entitled:
                return None, "forbidden"
            flying_session = sum(n for s, n in self._in_flight.values() if s == session_id)
            flying_total = sum(n for _, n in self._in_flight.values())
            if held.by_session.get(session_id, 0) + flying_session + length > self.limits.per_session_bytes:
                return None, "session"
            if held.total + flying_total + length > self.limits.total_bytes:
                return None, "total"
            self._next_ticket += 1
            self._in_flight[self._next_ticket] = (session_id, length)
            return self._next_ticket, ""

    def release(self, ticket: int) -> None:
        with self._lock:
            self._in_flight.pop(ticket, None)


# The one gate of the process: the app entitles sessions, the server's middleware asks it.
GATE = UploadGate(UploadLimits.from_environment(os.environ))

_REFUSALS = {
    "forbidden": (403, b"Uploads are open only to signed-in editors."),
    "session": (413, b"This session already holds as much uploaded data as it may."),
    "total": (413, b"The server holds as much uploaded data as it may; try again in a minute."),
    "length": (411, b"An upload must declare its Content-Length."),
}


class UploadLimitMiddleware:
    """ASGI middleware in front of Streamlit's upload endpoint (PUT only; DELETE frees memory)."""

    def __init__(self, app: ASGIApp, *, gate: UploadGate, held: Callable[[], HeldUploads],
                 drop_ended: Callable[[], set[str]]) -> None:
        self.app = app
        self.gate = gate
        self.held = held
        self.drop_ended = drop_ended

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = UPLOAD_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
        if match is None or scope.get("method") != "PUT":
            await self.app(scope, receive, send)
            return
        session_id = match.group(1)
        length = _content_length(scope)
        if length is None:
            await _refuse(send, "length")
            return
        self.gate.forget(self.drop_ended())
        ticket, why = self.gate.reserve(session_id, length, self.held())
        if ticket is None:
            await _refuse(send, why)
            return
        try:
            # Streamlit itself stops reading a body longer than its declared limit; a body longer than the
            # declared length is cut off here, so the reservation holds.
            await self.app(scope, _bounded(receive, length), send)
        finally:
            self.gate.release(ticket)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                length = int(value)
            except ValueError:
                return None
            return length if length >= 0 else None
    return None


def _bounded(receive: Receive, length: int) -> Receive:
    received = 0

    async def bounded_receive() -> Message:
        nonlocal received
        message = await receive()
        if message.get("type") == "http.request":
            received += len(message.get("body", b""))
            if received > length:
                return {"type": "http.disconnect"}
        return message

    return bounded_receive


async def _refuse(send: Send, why: str) -> None:
    status, body = _REFUSALS[why]
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
