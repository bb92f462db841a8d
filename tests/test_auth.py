"""Roles, local accounts and sign-in rules on a real database."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from twinreg_data import auth
from twinreg_data.store import Store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path):
    db = Store(tmp_path / "auth.duckdb")
    yield db
    db.close()


def test_first_start_creates_one_admin_with_a_random_password(store):
    password = auth.ensure_initial_admin(store)
    assert password and len(password) >= 12
    assert auth.ensure_initial_admin(store) is None
    identity = auth.authenticate(store, "admin", password)
    assert identity == auth.Identity("admin", "admin", "local")
    stored = store.scalar("SELECT password_hash FROM users WHERE name = 'admin'")
    assert stored.startswith("$argon2id$") and password not in stored


def test_wrong_password_and_unknown_user_fail_the_same_way(store):
    auth.add_user(store, "eeva", "correct horse battery", "editor")
    for name, password in (("eeva", "wrong password!"), ("nobody", "whatever123")):
        with pytest.raises(auth.AuthError, match="Wrong user name or password"):
            auth.authenticate(store, name, password)
    failed = store.scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'failed'")
    assert failed == 2


def test_failures_slow_the_failing_client_not_the_owner(store):
    auth.add_user(store, "eeva", "correct horse battery", "editor")
    now = dt.datetime(2026, 11, 27, 12, 0)
    for i in range(auth.MAX_FAILURES_PER_NAME):
        with pytest.raises(auth.AuthError) as caught:
            auth.authenticate(store, "eeva", f"bad password {i}", client="10.0.0.1", now=now)
        assert not isinstance(caught.value, auth.RateLimited)
    # The failing client waits, even with the right password …
    with pytest.raises(auth.RateLimited) as caught:
        auth.authenticate(store, "eeva", "correct horse battery", client="10.0.0.1", now=now)
    assert caught.value.seconds == auth.BACKOFF_FIRST.total_seconds()
    # … while the owner, from another client, signs in at once.
    assert auth.authenticate(store, "eeva", "correct horse battery", client="10.0.0.2", now=now).role == "editor"
    # The failing client may try again after the first back-off; each further failure doubles the wait.
    later = now + auth.BACKOFF_FIRST
    with pytest.raises(auth.AuthError):
        auth.authenticate(store, "eeva", "bad again", client="10.0.0.1", now=later)
    with pytest.raises(auth.RateLimited) as caught:
        auth.authenticate(store, "eeva", "correct horse battery", client="10.0.0.1",
                          now=later + auth.BACKOFF_FIRST)
    assert caught.value.seconds == auth.BACKOFF_FIRST.total_seconds()
    assert auth.authenticate(store, "eeva", "correct horse battery", client="10.0.0.1",
                             now=later + 2 * auth.BACKOFF_FIRST).role == "editor"


def test_backoff_doubles_and_is_capped():
    free = auth.MAX_FAILURES_PER_NAME
    assert auth._backoff(free - 1, free) == dt.timedelta(0)
    assert [auth._backoff(free + i, free) for i in range(3)] == [auth.BACKOFF_FIRST * k for k in (1, 2, 4)]
    assert auth._backoff(10_000, free) == auth.BACKOFF_MAX


def test_a_client_failing_across_accounts_is_slowed_for_all(store):
    auth.add_user(store, "eeva", "correct horse battery", "editor")
    now = dt.datetime(2026, 11, 27, 12, 0)
    for i in range(auth.MAX_FAILURES_PER_CLIENT):
        with pytest.raises(auth.AuthError):
            auth.authenticate(store, f"user{i}", "nope nope nope", client="192.0.2.7", now=now)
    with pytest.raises(auth.RateLimited):
        auth.authenticate(store, "eeva", "correct horse battery", client="192.0.2.7", now=now)
    assert auth.authenticate(store, "eeva", "correct horse battery", client="192.0.2.8", now=now).role == "editor"
    # Failures older than the window are forgotten.
    assert auth.authenticate(store, "eeva", "correct horse battery", client="192.0.2.7",
                             now=now + auth.FAILURE_WINDOW + dt.timedelta(seconds=1)).role == "editor"


def test_forwarded_header_is_believed_only_from_a_trusted_proxy():
    proxies = ("127.0.0.1", "10.1.0.0/16")
    forwarded = ["203.0.113.9, 198.51.100.4"]  # the client claimed 203.0.113.9; the proxy saw 198.51.100.4
    # Streamlit reports a loopback peer as None.
    assert auth.client_address(None, forwarded, proxies) == "198.51.100.4"
    assert auth.client_address("10.1.2.3", forwarded, proxies) == "198.51.100.4"
    # A chain of trusted proxies is walked from the right.
    assert auth.client_address("10.1.2.3", ["198.51.100.4, 10.1.9.9"], proxies) == "198.51.100.4"
    # From an untrusted peer the header is the client's own claim and is ignored.
    assert auth.client_address("198.51.100.77", forwarded, proxies) == "198.51.100.77"
    assert auth.client_address("198.51.100.77", forwarded) == "198.51.100.77"
    # Without trusted proxies (the default) nothing forwarded counts.
    assert auth.client_address(None, forwarded) == "127.0.0.1"
    # A trusted proxy that forwards nothing is the client; nonsense entries trust nobody.
    assert auth.client_address("10.1.2.3", [], proxies) == "10.1.2.3"
    assert auth.client_address("10.1.2.3", forwarded, ("not an address",)) == "10.1.2.3"
    assert auth.client_address("::ffff:127.0.0.1", forwarded, proxies) == "198.51.100.4"
    config = auth.AuthConfig.from_secrets({"twinreg": {"trusted_proxies": ["127.0.0.1", " ::1 "]}})
    assert config.trusted_proxies == ("127.0.0.1", "::1")
    assert auth.AuthConfig.from_secrets({}).trusted_proxies == ()


def test_parallel_attempts_from_one_client_cannot_all_pass_the_check(store):
    auth.add_user(store, "eeva", "correct horse battery", "editor")
    now = dt.datetime(2026, 11, 27, 12, 0)

    def attempt(i: int) -> str:
        try:
            auth.authenticate(store, "eeva", f"guess {i}", client="10.9.9.9", now=now)
        except auth.RateLimited:
            return "limited"
        except auth.AuthError:
            return "failed"
        return "ok"

    with ThreadPoolExecutor(max_workers=100) as pool:
        outcomes = list(pool.map(attempt, range(100)))
    assert outcomes.count("failed") == auth.MAX_FAILURES_PER_NAME
    assert outcomes.count("limited") == 100 - auth.MAX_FAILURES_PER_NAME
    assert store.scalar("SELECT count(*) FROM sign_in_attempts WHERE NOT succeeded") == auth.MAX_FAILURES_PER_NAME
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'failed'") \
        == auth.MAX_FAILURES_PER_NAME


PARALLEL = """
import datetime as dt, json, resource, sys, threading
from concurrent.futures import ThreadPoolExecutor
from twinreg_data import auth
from twinreg_data.store import Store

class Counted:
    # The real semaphore, counting how many holders are inside at once.
    def __init__(self, slots):
        self.slots, self.lock, self.inside, self.most = slots, threading.Lock(), 0, 0
    def __enter__(self):
        self.slots.__enter__()
        with self.lock:
            self.inside += 1
            self.most = max(self.most, self.inside)
    def __exit__(self, *exc):
        with self.lock:
            self.inside -= 1
        return self.slots.__exit__(*exc)

store = Store(sys.argv[1])
auth.add_user(store, "admin2", "correct horse battery", "admin")
counted = auth._hash_slots = Counted(auth._hash_slots)
now = dt.datetime(2026, 11, 27, 12, 0)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def attempt(i):
    try:
        auth.authenticate(store, "admin2", f"guess {i}", client=f"198.51.100.{i}", now=now)
    except auth.RateLimited:
        return "limited"
    except auth.AuthError:
        return "failed"
    return "ok"

with ThreadPoolExecutor(max_workers=100) as pool:
    outcomes = list(pool.map(attempt, range(100)))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({
    "failed": outcomes.count("failed"),
    "recorded": store.scalar("SELECT count(*) FROM sign_in_attempts WHERE NOT succeeded"),
    "audited": store.scalar("SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'failed'"),
    "most_at_once": counted.most,
    "rss_rise_mb": (peak - before) / 1024,
}))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KiB is Linux's")
def test_100_parallel_attempts_are_all_recorded_and_hash_in_bounded_memory(tmp_path):
    """100 clients guess at once: each guess is verified and recorded, at most MAX_CONCURRENT_HASHES argon2
    computations (64 MiB each) run at once, and the process's peak memory rises by less than 200 MB."""
    done = subprocess.run([sys.executable, "-c", PARALLEL, str(tmp_path / "parallel.duckdb")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["failed"] == figures["recorded"] == figures["audited"] == 100, figures
    assert 1 <= figures["most_at_once"] <= auth.MAX_CONCURRENT_HASHES, figures
    assert figures["rss_rise_mb"] < 200, figures


def test_a_known_device_goes_before_the_guesses_waiting_for_hashing():
    """While a flood of guesses waits for the hashing threads, an attempt from a browser that signed in to the
    account before (its device cookie) is served next, not after them."""
    queue = auth._HashQueue(1)
    running, release, order = threading.Event(), threading.Event(), []

    def blocker() -> None:
        running.set()
        release.wait(10)

    threads = [threading.Thread(target=queue.run, args=(blocker,))]
    threads[0].start()
    assert running.wait(10)
    for i in range(5):
        threads.append(threading.Thread(target=queue.run, args=(lambda i=i: order.append(f"guess {i}"),)))
        threads[-1].start()
    _wait_for(lambda: queue.waiting() == 5)
    threads.append(threading.Thread(target=queue.run, args=(lambda: order.append("owner"), auth.KNOWN_DEVICE)))
    threads[-1].start()
    _wait_for(lambda: queue.waiting() == 6)
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == ["owner"] + [f"guess {i}" for i in range(5)]


def test_a_sign_in_from_a_known_device_asks_for_the_front_of_the_queue(store, monkeypatch):
    auth.add_user(store, "eeva", "correct horse battery", "editor")
    asked, run = [], auth._hash_queue.run
    monkeypatch.setattr(auth._hash_queue, "run", lambda work, priority=auth.OTHER_CLIENT: (asked.append(priority),
                                                                                           run(work, priority))[1])
    auth.authenticate(store, "eeva", "correct horse battery", client="10.0.0.9", known_device=True)
    with pytest.raises(auth.AuthError):
        auth.authenticate(store, "eeva", "a wrong guess", client="10.0.0.8")
    assert asked == [auth.KNOWN_DEVICE, auth.OTHER_CLIENT]


def _wait_for(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_account_rules(store):
    with pytest.raises(auth.AuthError, match="at least"):
        auth.add_user(store, "short", "abc", "editor")
    with pytest.raises(auth.AuthError, match="role"):
        auth.add_user(store, "mallory", "long enough password", "superuser")
    with pytest.raises(auth.AuthError, match="user name"):
        auth.add_user(store, "robert'); DROP TABLE users;--", "long enough password", "viewer")
    auth.add_user(store, "root", "long enough password", "admin")
    with pytest.raises(auth.AuthError, match="exists"):
        auth.add_user(store, "root", "long enough password", "admin")
    with pytest.raises(auth.AuthError, match="last admin"):
        auth.remove_user(store, "root")
    auth.set_password(store, "root", "another long password")
    assert auth.authenticate(store, "root", "another long password").role == "admin"
    assert auth.list_users(store)["name"].tolist() == ["root"]
    assert "password_hash" not in auth.list_users(store).columns


def test_roles_from_oidc_claims():
    config = auth.AuthConfig.from_secrets({
        "auth": {"client_id": "x", "client_secret": "y"},
        "twinreg": {"admins": ["Boss@Example.org"], "editors": ["clerk@example.org"],
                    "group_claim": "roles", "editor_groups": ["twinreg-editors"], "public": False},
    })
    assert config.oidc and not config.public
    assert auth.role_for_claims({"email": "boss@example.org"}, config) == "admin"
    assert auth.role_for_claims({"email": "clerk@example.org"}, config) == "editor"
    assert auth.role_for_claims({"email": "x@example.org", "roles": ["twinreg-editors"]}, config) == "editor"
    assert auth.role_for_claims({"email": "x@example.org", "roles": "other"}, config) == "viewer"
    assert auth.identity_from_claims({"email": "clerk@example.org"}, config).name == "clerk@example.org"


def test_expired_identity():
    now = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
    assert auth.claims_expired({"exp": now.timestamp() - 1}, now)
    assert not auth.claims_expired({"exp": now.timestamp() + 60}, now)
    assert auth.claims_expired({"exp": "garbage"}, now)
    assert not auth.claims_expired({}, now)


def test_rollback_permissions():
    assert auth.Identity("eeva", "editor", "local").may_roll_back("eeva")
    assert not auth.Identity("eeva", "editor", "local").may_roll_back("mart")
    assert auth.Identity("root", "admin", "local").may_roll_back("mart")
    assert not auth.Identity("v", "viewer", "local").may_roll_back("v")
    assert not auth.ANONYMOUS.can_import


def test_cli_manages_accounts(tmp_path):
    db = str(tmp_path / "cli.duckdb")

    def cli(*args, stdin=""):
        return subprocess.run([sys.executable, "-m", "twinreg_data", "--db", db, "users", *args], cwd=REPO,
                              input=stdin, capture_output=True, text=True, timeout=60)

    assert cli("add", "liisa", "--role", "admin", stdin="a long password\n").returncode == 0
    assert "liisa" in cli("list").stdout
    short = cli("add", "mart", stdin="short\n")
    assert short.returncode == 1 and "at least" in short.stderr and "Traceback" not in short.stderr
    assert cli("passwd", "liisa", stdin="another long one\n").returncode == 0
    store = Store(db)
    assert auth.authenticate(store, "liisa", "another long one").role == "admin"
    store.close()
