"""Roles, local accounts (argon2) and sign-in rules. No Streamlit here: app.py does the drawing.

Roles: viewer (browse), editor (upload, import, roll back own imports), admin (roll back
any import, manage accounts). With an OIDC provider configured, roles come from
e-mail lists or a group claim; without it, from local accounts in the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import heapq
import ipaddress
import itertools
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TypeVar

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from . import audit
from .store import Store

T = TypeVar("T")

ROLES = ("viewer", "editor", "admin")
# Failed sign-ins slow the client that made them, never the account for everyone: after MAX_FAILURES_PER_NAME
# failures for one account from one client, that client waits BACKOFF_FIRST before its next try for that account,
# twice as long after each further failure, at most BACKOFF_MAX. A client failing across accounts is slowed the same
# way for all accounts after MAX_FAILURES_PER_CLIENT. Failures older than FAILURE_WINDOW are forgotten.
MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_PER_CLIENT = 20
BACKOFF_FIRST = dt.timedelta(minutes=1)
BACKOFF_MAX = dt.timedelta(minutes=15)
FAILURE_WINDOW = dt.timedelta(hours=1)
# At most this many argon2 computations (64 MiB and ~4 threads each) run at once in the process; others queue.
MAX_CONCURRENT_HASHES = 2
MIN_PASSWORD_LENGTH = 10
NAME_PATTERN = re.compile(r"[A-Za-z0-9._@\-]{1,64}")
INITIAL_ADMIN = "admin"

_hasher = PasswordHasher()
_hash_slots = threading.BoundedSemaphore(MAX_CONCURRENT_HASHES)


def _lowest_priority() -> None:
    """Run this hashing thread (and the argon2 lane threads it starts) at the lowest CPU priority, so a flood of
    sign-ins takes CPU time only when visitors' pages leave some. Linux sets `nice` per thread."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


# Who waits less for a hashing slot: a sign-in from a browser that signed in to the account before (it holds
# the account's device cookie, sessions.py) goes before every other attempt, so a flood of guesses from many
# addresses delays the guesses, not the owner.
KNOWN_DEVICE, OTHER_CLIENT = 0, 1


class _HashQueue:
    """At most MAX_CONCURRENT_HASHES argon2 computations at once, in threads of the lowest CPU priority; the
    waiting ones go by priority (KNOWN_DEVICE first), then in order of arrival. Each submission to the pool runs
    whichever waiting computation comes first when a thread is free."""

    def __init__(self, workers: int) -> None:
        self._waiting: list[tuple[int, int, Callable[[], object], Future]] = []
        self._lock = threading.Lock()
        self._arrivals = itertools.count()
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="argon2", initializer=_lowest_priority)

    def run(self, work: Callable[[], T], priority: int = OTHER_CLIENT) -> T:
        """`work()`'s result, computed in a hashing thread once one is free and nothing of higher priority waits."""
        future: Future = Future()
        with self._lock:
            heapq.heappush(self._waiting, (priority, next(self._arrivals), work, future))
        self._pool.submit(self._run_next)
        return future.result()

    def waiting(self) -> int:
        with self._lock:
            return len(self._waiting)

    def _run_next(self) -> None:
        with self._lock:
            _, _, work, future = heapq.heappop(self._waiting)
        with _hash_slots:  # the bound itself (tests count its holders)
            try:
                future.set_result(work())
            except BaseException as exc:  # handed to the waiting caller, raised there
                future.set_exception(exc)


_hash_queue = _HashQueue(MAX_CONCURRENT_HASHES)


def _hash(password: str) -> str:
    return _hash_queue.run(lambda: _hasher.hash(password))


def _verify(password_hash: str, password: str, priority: int = OTHER_CLIENT) -> bool:
    """True when the password matches; waits for a free hashing slot first (see MAX_CONCURRENT_HASHES)."""
    def verify() -> bool:
        try:
            return _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
    return _hash_queue.run(verify, priority)


# Verified when the account does not exist, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hash(secrets.token_urlsafe(16))


class AuthError(Exception):
    """A sign-in or account operation failed; the message is safe to show."""


def minutes_to_wait(seconds: int) -> int:
    """Whole minutes, rounded up, so that trying again after them is never too early."""
    return max(1, -(-int(seconds) // 60))


class RateLimited(AuthError):
    def __init__(self, seconds: int) -> None:
        super().__init__(f"Too many failed sign-ins. Try again in {minutes_to_wait(seconds)} minute(s).")
        self.seconds = seconds


@dataclass(frozen=True)
class Identity:
    name: str
    role: str = "viewer"
    source: str = "anonymous"  # anonymous | local | oidc
    email: str = ""

    @property
    def signed_in(self) -> bool:
        return self.source != "anonymous"

    @property
    def can_import(self) -> bool:
        return self.role in ("editor", "admin")

    @property
    def can_manage_accounts(self) -> bool:
        return self.role == "admin"

    def may_roll_back(self, uploaded_by: str) -> bool:
        """Admins roll back any import; editors only their own."""
        return self.role == "admin" or (self.role == "editor" and uploaded_by == self.name)


ANONYMOUS = Identity("anonymous")


def viewer_only(identity: Identity) -> Identity:
    """The identity with at most the viewer role (on a viewer instance, which cannot write)."""
    return identity if identity.role == "viewer" else replace(identity, role="viewer")


@dataclass(frozen=True)
class AuthConfig:
    """The `[twinreg]` section of .streamlit/secrets.toml (all optional)."""

    public: bool = True
    admins: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    group_claim: str = "groups"
    admin_groups: tuple[str, ...] = ()
    editor_groups: tuple[str, ...] = ()
    session_hours: float = 8.0
    oidc: bool = False
    providers: tuple[str, ...] = field(default=())
    # Addresses or networks of reverse proxies whose X-Forwarded-For is believed (see client_address).
    trusted_proxies: tuple[str, ...] = ()
    # Signs the session cookie of local sign-ins (twinreg_data/sessions.py); empty: a key kept beside the database.
    cookie_secret: str = field(default="", repr=False)

    @classmethod
    def from_secrets(cls, secrets_map: Mapping) -> AuthConfig:
        section = dict(secrets_map.get("twinreg", {}) or {})
        auth = dict(secrets_map.get("auth", {}) or {})
        # st.login needs [auth] with a client id, either directly or per named provider.
        providers = tuple(k for k, v in auth.items() if isinstance(v, Mapping) and "client_id" in v)
        oidc = "client_id" in auth or bool(providers)

        def lower_tuple(key: str) -> tuple[str, ...]:
            return tuple(str(v).strip().lower() for v in section.get(key, ()) or ())

        return cls(
            public=bool(section.get("public", True)),
            admins=lower_tuple("admins"),
            editors=lower_tuple("editors"),
            group_claim=str(section.get("group_claim", "groups")),
            admin_groups=tuple(str(v) for v in section.get("admin_groups", ()) or ()),
            editor_groups=tuple(str(v) for v in section.get("editor_groups", ()) or ()),
            session_hours=float(section.get("session_hours", 8.0)),
            oidc=oidc,
            providers=providers,
            trusted_proxies=tuple(str(v).strip() for v in section.get("trusted_proxies", ()) or ()),
            cookie_secret=str(section.get("cookie_secret") or auth.get("cookie_secret") or ""),
        )


@functools.lru_cache(maxsize=32)
def _networks(trusted: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    networks = []
    for entry in trusted:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue  # not an address or network: trusts nobody
    return tuple(networks)


def _trusted(address: str, trusted: tuple[str, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return any(ip in network for network in _networks(trusted))


def client_address(peer: str | None, forwarded_for: Iterable[str] = (), trusted_proxies: Iterable[str] = ()) -> str:
    """The address sign-in limits count against.

    `peer` is the immediate peer as Streamlit reports it (`st.context.ip_address`, None for a loopback peer);
    `forwarded_for` the X-Forwarded-For header values in order. The header is believed only when the peer is a
    trusted proxy; then its entries are read from the right (the proxy appends the address it saw) past further
    trusted proxies, and the first untrusted one is the client. Entries to its left are the client's own claims
    and are ignored."""
    trusted = tuple(trusted_proxies)
    address = peer if isinstance(peer, str) and peer else "127.0.0.1"
    if not _trusted(address, trusted):
        return address[:64]
    values = forwarded_for if isinstance(forwarded_for, list | tuple) else ()
    hops = [hop.strip() for value in values if isinstance(value, str) for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, trusted):
            return hop[:64]
        address = hop
    return address[:64]


def role_for_claims(claims: Mapping, config: AuthConfig) -> str:
    """Role of an OIDC identity: configured e-mail lists first, then the group claim, else viewer."""
    email = str(claims.get("email") or "").strip().lower()
    groups = claims.get(config.group_claim) or []
    if isinstance(groups, str):
        groups = [groups]
    groups = {str(g) for g in groups}
    if email and email in config.admins or groups & set(config.admin_groups):
        return "admin"
    if email and email in config.editors or groups & set(config.editor_groups):
        return "editor"
    return "viewer"


def claims_expired(claims: Mapping, now: dt.datetime | None = None) -> bool:
    """True when the identity token's `exp` (seconds since the epoch) has passed."""
    exp = claims.get("exp")
    if exp is None:
        return False
    try:
        expires = dt.datetime.fromtimestamp(float(exp), dt.UTC)
    except (TypeError, ValueError, OverflowError):
        return True
    return (now or dt.datetime.now(dt.UTC)) >= expires


def identity_from_claims(claims: Mapping, config: AuthConfig) -> Identity:
    email = str(claims.get("email") or "")
    name = email or str(claims.get("preferred_username") or claims.get("name") or claims.get("sub") or "oidc-user")
    return Identity(name=name, role=role_for_claims(claims, config), source="oidc", email=email)


# -- local accounts ----------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _check_name(name: str) -> str:
    if not NAME_PATTERN.fullmatch(name or ""):
        raise AuthError("A user name has 1–64 letters, digits or . _ @ - characters.")
    return name


def _check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise AuthError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AuthError(f"A role is one of: {', '.join(ROLES)}.")
    return role


# Account changes audit themselves, in their own transaction; `actor` is who made the change (the signed-in
# admin, or "cli:<OS user>" from the command line).


def add_user(store: Store, name: str, password: str, role: str, actor: str = "system") -> None:
    _check_name(name)
    _check_password(password)
    _check_role(role)
    with store.transaction() as cur:
        if cur.execute("SELECT count(*) FROM users WHERE name = ?", [name]).fetchone()[0]:
            raise AuthError(f"The account {name!r} exists already.")
        now = _now()
        cur.execute("INSERT INTO users VALUES (?, ?, ?, ?, ?)", [name, _hash(password), role, now, now])
        audit.write_in(cur, actor, "account_add", "ok", {"account": name, "role": role}, now)


def set_password(store: Store, name: str, password: str, actor: str = "system") -> None:
    _check_password(password)
    with store.transaction() as cur:
        updated = cur.execute("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?",
                              [_hash(password), _now(), name]).fetchone()[0]
        if not updated:
            raise AuthError(f"There is no account {name!r}.")
        audit.write_in(cur, actor, "account_password", "ok", {"account": name})


def set_role(store: Store, name: str, role: str, actor: str = "system") -> None:
    _check_role(role)
    with store.transaction() as cur:
        if not cur.execute("UPDATE users SET role = ? WHERE name = ?", [role, name]).fetchone()[0]:
            raise AuthError(f"There is no account {name!r}.")
        audit.write_in(cur, actor, "account_role", "ok", {"account": name, "role": role})


def remove_user(store: Store, name: str, actor: str = "system") -> None:
    with store.transaction() as cur:
        role = cur.execute("SELECT role FROM users WHERE name = ?", [name]).fetchone()
        if role is None:
            raise AuthError(f"There is no account {name!r}.")
        admins = cur.execute("SELECT count(*) FROM users WHERE role = 'admin'").fetchone()[0]
        if role[0] == "admin" and admins == 1:
            raise AuthError("This is the last admin account; create another admin before removing it.")
        cur.execute("DELETE FROM users WHERE name = ?", [name])
        audit.write_in(cur, actor, "account_remove", "ok", {"account": name})


def list_users(store: Store) -> pd.DataFrame:
    return store.query_df("SELECT name, role, created_at, password_changed_at FROM users ORDER BY name")


def ensure_initial_admin(store: Store) -> str | None:
    """On a first start with no account at all, create `admin` with a random password and return it."""
    if store.scalar("SELECT count(*) FROM users"):
        return None  # the usual start: no write transaction, so no new data stamp (caches elsewhere, snapshots)
    with store.transaction() as cur:
        if cur.execute("SELECT count(*) FROM users").fetchone()[0]:
            return None
        password = secrets.token_urlsafe(12)
        now = _now()
        cur.execute("INSERT INTO users VALUES (?, ?, 'admin', ?, ?)", [INITIAL_ADMIN, _hash(password), now, now])
        audit.write_in(cur, "system", "account_add", "ok", {"account": INITIAL_ADMIN, "role": "admin"}, now)
    return password


def _backoff(failures: int, free: int) -> dt.timedelta:
    """How long to wait after the latest failure, given `failures` in the window of which `free` cost nothing."""
    if failures < free:
        return dt.timedelta(0)
    return min(BACKOFF_FIRST * 2 ** min(failures - free, 16), BACKOFF_MAX)


def _wait(cur, where: str, params: list, free: int, now: dt.datetime) -> dt.timedelta:
    failures, latest = cur.execute(
        f"SELECT count(*), max(attempted_at) FROM sign_in_attempts WHERE {where} AND NOT succeeded "
        "AND attempted_at > ?", [*params, now - FAILURE_WINDOW]).fetchone()
    if not failures:
        return dt.timedelta(0)
    return latest + _backoff(int(failures), free) - now


def authenticate(store: Store, name: str, password: str, client: str = "unknown",
                 now: dt.datetime | None = None, known_device: bool = False) -> Identity:
    """A local sign-in, slowed per (account, client) and per client after failures (see MAX_FAILURES_PER_NAME).

    The limit check and the recording of the attempt are one write transaction: the attempt is recorded as a
    failure before the password is verified and turned into a success afterwards, so parallel attempts cannot all
    pass the check. Verification waits for one of MAX_CONCURRENT_HASHES slots; `known_device` (the browser
    holds this account's device cookie) puts it before the other waiting attempts."""
    now = now or _now()
    name, client = name[:64], client[:64]
    with store.transaction(changes_data=False) as cur:  # a sign-in changes nothing a page shows
        wait = max(_wait(cur, "name = ? AND client = ?", [name, client], MAX_FAILURES_PER_NAME, now),
                   _wait(cur, "client = ?", [client], MAX_FAILURES_PER_CLIENT, now))
        if wait > dt.timedelta(0):
            raise RateLimited(max(1, int(wait.total_seconds())))
        cur.execute("INSERT INTO sign_in_attempts VALUES (?, ?, ?, false)", [name, client, now])
    row = store.query("SELECT password_hash, role FROM users WHERE name = ?", [name])
    priority = KNOWN_DEVICE if known_device else OTHER_CLIENT
    ok = _verify(row[0][0] if row else _DUMMY_HASH, password or "", priority) and bool(row)
    with store.transaction(changes_data=False) as cur:
        if ok:  # the recorded rows of this attempt are all alike: any one of them is this one
            cur.execute("UPDATE sign_in_attempts SET succeeded = true WHERE rowid = (SELECT rowid FROM "
                        "sign_in_attempts WHERE name = ? AND client = ? AND attempted_at = ? AND NOT succeeded "
                        "LIMIT 1)", [name, client, now])
        audit.write_in(cur, name, "sign_in", "ok" if ok else "failed", {"client": client}, now)
    if not ok:
        raise AuthError("Wrong user name or password.")
    if _hasher.check_needs_rehash(row[0][0]):
        new_hash = _hash(password)
        with store.transaction(changes_data=False) as cur:
            cur.execute("UPDATE users SET password_hash = ? WHERE name = ?", [new_hash, name])
    return Identity(name=name, role=row[0][1], source="local")


def session_expired(signed_in_at: dt.datetime, config: AuthConfig, now: dt.datetime | None = None) -> bool:
    return (now or _now()) - signed_in_at > dt.timedelta(hours=config.session_hours)
