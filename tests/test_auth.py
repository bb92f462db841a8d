"""Roles, local accounts and sign-in rules on a real database."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
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


def test_failed_sign_ins_are_rate_limited_per_account(store):
    auth.add_user(store, "eeva", "correct horse battery", "editor")
    now = dt.datetime(2026, 11, 27, 12, 0)
    for i in range(auth.MAX_FAILURES_PER_NAME):
        with pytest.raises(auth.AuthError):
            auth.authenticate(store, "eeva", f"bad password {i}", client="10.0.0.1", now=now)
    # Even the right password is refused while the limit holds …
    with pytest.raises(auth.RateLimited):
        auth.authenticate(store, "eeva", "correct horse battery", client="10.0.0.2", now=now)
    # … and accepted once the window has passed.
    later = now + auth.FAILURE_WINDOW + dt.timedelta(seconds=1)
    assert auth.authenticate(store, "eeva", "correct horse battery", now=later).role == "editor"


def test_failed_sign_ins_are_rate_limited_per_client(store):
    now = dt.datetime(2026, 11, 27, 12, 0)
    for i in range(auth.MAX_FAILURES_PER_CLIENT):
        with pytest.raises(auth.AuthError):
            auth.authenticate(store, f"user{i}", "nope nope nope", client="192.0.2.7", now=now)
    with pytest.raises(auth.RateLimited):
        auth.authenticate(store, "someone", "nope nope nope", client="192.0.2.7", now=now)


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
