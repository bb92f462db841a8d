"""A local sign-in that outlives the browser tab: a signed, HttpOnly session cookie.

Streamlit keeps `st.session_state` per browser tab and websocket, so a local sign-in was lost on reload, in a
new tab and on a deep link. After a successful sign-in the app hands a signed cookie value to the server
through a one-time token; the browser opens `/_twinreg/session?handoff=…` (server.py), which sets the cookie
and sends it back to the app. On every first run of a session the app reads the cookie and restores the
identity, with the role from the database as it is now.

The cookie holds the account name and the time of sign-in, signed with HMAC-SHA256. It is refused when the
signature is wrong, the sign-in is older than `session_hours`, the account is gone, or its password changed
after the sign-in (changing a password signs out every browser). Nothing here imports Streamlit.

A sign-in also leaves a *device cookie* (account name and time, signed the same way, kept DEVICE_DAYS and not
cleared by signing out): it signs nobody in, but a later sign-in to that account from this browser goes before
other attempts in the queue for password hashing (auth.KNOWN_DEVICE), so a flood of guesses does not keep the
owner waiting (OWASP's "device cookies").
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .auth import AuthConfig, Identity
from .store import Store

COOKIE_NAME = "twinreg_session"
DEVICE_COOKIE_NAME = "twinreg_device"
DEVICE_DAYS = 90
HANDOFF_PATH = "/_twinreg/session"
HANDOFF_SECONDS = 60
_VERSION = "v1"
_DEVICE_VERSION = "d1"  # a session cookie is no device cookie, nor the other way round


def secret_for(db_path: Path, configured: str = "") -> bytes:
    """The signing key: `cookie_secret` from the settings, else a random key kept beside the database
    (created on first use, readable by the service account only)."""
    if configured:
        return configured.encode()
    path = Path(str(db_path) + ".cookie-secret")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_bytes()
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


def _mac(secret: bytes, payload: str) -> str:
    return hmac.new(secret, payload.encode(), hashlib.sha256).hexdigest()


def sign(secret: bytes, name: str, signed_in_at: dt.datetime, version: str = _VERSION) -> str:
    """The cookie value for `name`, signed in at `signed_in_at` (naive UTC)."""
    epoch = int(signed_in_at.replace(tzinfo=dt.UTC).timestamp())
    # Unpadded base64: a "=" would make the cookie a quoted string.
    payload = f"{version}.{base64.urlsafe_b64encode(name.encode()).decode().rstrip('=')}.{epoch}"
    return f"{payload}.{_mac(secret, payload)}"


def read(secret: bytes, value: str, version: str = _VERSION) -> tuple[str, dt.datetime] | None:
    """(name, signed-in time) of a well-signed cookie value; None for anything else."""
    parts = (value or "").split(".")
    if len(parts) != 4 or parts[0] != version:
        return None
    payload = ".".join(parts[:3])
    if not hmac.compare_digest(parts[3], _mac(secret, payload)):
        return None
    try:
        name = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)).decode()
        signed_in_at = dt.datetime.fromtimestamp(int(parts[2]), dt.UTC).replace(tzinfo=None)
    except (ValueError, UnicodeDecodeError):
        return None
    return name, signed_in_at


def restore(store: Store, secret: bytes, value: str, config: AuthConfig,
            now: dt.datetime | None = None) -> tuple[Identity, dt.datetime] | None:
    """The identity a session cookie stands for, and when it signed in; None when it no longer holds."""
    signed = read(secret, value)
    if signed is None:
        return None
    name, signed_in_at = signed
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if not dt.timedelta(0) <= now - signed_in_at <= dt.timedelta(hours=config.session_hours):
        return None
    rows = store.query("SELECT role, password_changed_at FROM users WHERE name = ?", [name])
    if not rows or rows[0][1].replace(microsecond=0) > signed_in_at:
        return None
    return Identity(name=name, role=rows[0][0], source="local"), signed_in_at


def known_device(store: Store, config: AuthConfig, value: str, name: str,
                 now: dt.datetime | None = None) -> bool:
    """True when `value` is a device cookie this server signed for account `name` within DEVICE_DAYS."""
    signed = read(secret_for(store.path, config.cookie_secret), value, _DEVICE_VERSION) if value else None
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return (signed is not None and signed[0] == name
            and dt.timedelta(0) <= now - signed[1] <= dt.timedelta(days=DEVICE_DAYS))


@dataclass(frozen=True)
class Handoff:
    cookie_value: str  # "" clears the cookie (sign-out)
    max_age: int
    next_path: str
    device_value: str = ""  # set with a sign-in; a sign-out leaves the device cookie as it is


class Handoffs:
    """One-time tokens that carry a cookie from a script run to the server's cookie route."""

    def __init__(self) -> None:
        self._waiting: dict[str, tuple[float, Handoff]] = {}
        self._lock = threading.Lock()

    def offer(self, handoff: Handoff) -> str:
        token = secrets.token_urlsafe(32)
        now = time.monotonic()
        with self._lock:
            self._waiting = {k: v for k, v in self._waiting.items() if v[0] > now}
            self._waiting[token] = (now + HANDOFF_SECONDS, handoff)
        return token

    def take(self, token: str) -> Handoff | None:
        with self._lock:
            entry = self._waiting.pop(token or "", None)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]


HANDOFFS = Handoffs()
# True once server.py has put HANDOFF_PATH on the server (`streamlit run app.py` alone has no such route: the
# sign-in then lasts as long as the browser tab, as before).
ROUTE_SERVED = False


def hand_over(cookie_value: str, max_age: int, next_path: str, device_value: str = "") -> str | None:
    """The URL that sets (or, with "", clears) the session cookie, sets the device cookie if given, and then
    opens `next_path`; None when this server has no cookie route."""
    if not ROUTE_SERVED:
        return None
    handoff = Handoff(cookie_value, max_age, local_path(next_path), device_value)
    return f"{HANDOFF_PATH}?handoff={HANDOFFS.offer(handoff)}"


def local_path(path: str) -> str:
    """`path` when it is a path on this server (not `//host` or a full URL), else "/"."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path or any(c < " " for c in path):
        return "/"
    return path


def signed_in_handoff(db_path: Path, config: AuthConfig, name: str, signed_in_at: dt.datetime,
                      next_path: str) -> str | None:
    """After a local sign-in: the URL that gives this browser its session and device cookies (see hand_over)."""
    secret = secret_for(db_path, config.cookie_secret)
    return hand_over(sign(secret, name, signed_in_at), int(config.session_hours * 3600), next_path,
                     sign(secret, name, signed_in_at, _DEVICE_VERSION))


def restore_from_cookie(store: Store, config: AuthConfig, value: str) -> tuple[Identity, dt.datetime] | None:
    """The sign-in a browser's session cookie stands for (see restore); None without a cookie."""
    if not value:
        return None
    return restore(store, secret_for(store.path, config.cookie_secret), value, config)
