"""Security settings, each tested (see SECURITY.md): what the configuration says and what a real server does.

Covered elsewhere and not repeated here:
- exports escape formula triggers: tests/test_exports.py (CSV and XLSX downloads), the template export keeps
  hostile text as text cells: tests/test_bad_files.py::test_hostile_text_round_trips_and_exports_escaped;
- sign-in is rate-limited per account and per address: tests/test_auth.py (and the Data page in
  tests/test_page_data.py);
- no SQL is built from input: tests/test_properties.py (SQL captured while pages run with hostile parameters).
"""

from __future__ import annotations

import ast
import asyncio
import datetime as dt
import re
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest
from conftest import REPO_ROOT, run_app, sign_in

from twinreg_data import auth
from twinreg_data.i18n import t
from twinreg_data.ingest import filecheck
from twinreg_data.store import Store

CONFIG = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())
SOURCES = [*sorted((REPO_ROOT / "twinreg_data").rglob("*.py")), *sorted((REPO_ROOT / "pages").glob("*.py")),
           REPO_ROOT / "app.py"]


# -- Streamlit server settings ------------------------------------------------------------------------


def test_xsrf_protection_is_on():
    assert CONFIG["server"]["enableXsrfProtection"] is True


def test_cors_is_restricted():
    assert CONFIG["server"]["enableCORS"] is True
    origins = CONFIG["server"].get("corsAllowedOrigins", [])
    assert "*" not in origins and not any("*" in o for o in origins)


def test_upload_limit_agrees_with_the_importer():
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == filecheck.MAX_FILE_BYTES


def test_error_details_are_hidden_from_users():
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["toolbarMode"] == "minimal"


def test_streamlit_reads_these_settings():
    """The file is valid for the installed Streamlit: its own parser yields the same values."""
    from streamlit import config

    config.get_config_options(force_reparse=True, options_from_flags={})
    try:
        assert config.get_option("server.enableXsrfProtection") is True
        assert config.get_option("server.enableCORS") is True
        assert config.get_option("server.maxUploadSize") * 1024 * 1024 == filecheck.MAX_FILE_BYTES
        assert config.get_option("client.showErrorDetails") == "none"
        assert config.get_option("server.fileWatcherType") == "none"
    finally:
        config.get_config_options(force_reparse=True)


@pytest.mark.browser
def test_a_running_server_enforces_xsrf_and_origin_checks(browser_server):
    base = str(browser_server)
    # An upload without the XSRF token is refused.
    put = urllib.request.Request(f"{base}/_stcore/upload_file/session/file", data=b"x", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(put, timeout=10)
    assert refused.value.code == 403
    # A page from another origin gets no CORS permission (the answer never names it, nor '*').
    for method in ("GET", "OPTIONS"):
        request = urllib.request.Request(f"{base}/_stcore/health", method=method, headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "PUT"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                allowed = response.headers.get("Access-Control-Allow-Origin")
        except urllib.error.HTTPError as exc:
            allowed = exc.headers.get("Access-Control-Allow-Origin")
        assert allowed in (None, "") or ("evil.example" not in allowed and allowed != "*")
    # Nor can it open the app's websocket (cross-site websocket hijacking).
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    async def open_from(origin: str) -> None:
        async with connect(base.replace("http", "ws") + "/_stcore/stream", origin=origin,
                           subprotocols=["streamlit"], open_timeout=10):
            pass

    with pytest.raises(InvalidStatus) as rejected:
        asyncio.run(open_from("https://evil.example"))
    assert rejected.value.response.status_code == 403
    asyncio.run(open_from(base))  # the app's own origin is welcome


# -- DuckDB: no file, network or extension access from SQL ----------------------------------------------


@pytest.fixture
def store(tmp_path):
    db = Store(tmp_path / "locked-down.duckdb")
    yield db
    db.close()


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/hostname')",
    "SELECT * FROM read_text('/etc/passwd')",
    "COPY (SELECT 1) TO '{tmp}/out.csv'",
    "ATTACH '{tmp}/other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SELECT * FROM read_parquet('https://example.org/x.parquet')",
])
def test_sql_cannot_reach_files_network_or_extensions(store, tmp_path, sql):
    with pytest.raises(duckdb.Error):
        store.query(sql.format(tmp=tmp_path))
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()


@pytest.mark.parametrize("sql", [
    "SET enable_external_access = true",
    "SET lock_configuration = false",
    "RESET enable_external_access",
    "SET allowed_directories = ['/']",
])
def test_the_configuration_is_locked(store, sql):
    with pytest.raises(duckdb.Error, match="locked"):
        store.query(sql)
    with pytest.raises(duckdb.Error):
        store.query("SELECT * FROM read_csv('/etc/hostname')")


def test_every_store_in_the_code_is_opened_locked_down():
    """Only store.py connects to DuckDB; nothing else calls duckdb.connect (which would skip the settings)."""
    offenders = [str(p.relative_to(REPO_ROOT)) for p in SOURCES
                 if "duckdb.connect(" in p.read_text(encoding="utf-8") and p.name != "store.py"]
    assert offenders == []


# -- sessions ------------------------------------------------------------------------------------------


def test_local_session_expires_after_session_hours(editor):
    at = run_app(query={"lang": "en"})
    at.secrets["twinreg"] = {"session_hours": 1}
    sign_in(at, "eeva", "a long password")
    assert not at.exception
    assert at.session_state["identity"].name == "eeva"
    at.switch_page("pages/data.py").run()
    assert not at.exception and at.title[0].value == t("Data for officials", "en")
    # Fifty-nine minutes later the session still holds …
    at.session_state["signed_in_at"] = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=59)
    at.run()
    assert at.session_state["identity"].name == "eeva"
    # … after the configured hour it is signed out, told so, and the Data page is gone.
    at.session_state["signed_in_at"] = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(hours=1,
                                                                                                 minutes=1)
    at.run()
    assert not at.exception
    assert at.session_state["identity"] == auth.ANONYMOUS
    assert "local_identity" not in at.session_state
    assert t("Your session expired; please sign in again.", "en") in [toast.value for toast in at.toast]
    assert t("Data for officials", "en") not in [title.value for title in at.title]


def test_default_session_length_is_eight_hours():
    config = auth.AuthConfig.from_secrets({})
    signed_in = dt.datetime(2026, 11, 27, 8, 0)
    assert not auth.session_expired(signed_in, config, now=signed_in + dt.timedelta(hours=7, minutes=59))
    assert auth.session_expired(signed_in, config, now=signed_in + dt.timedelta(hours=8, minutes=1))


# -- the audit log is append-only --------------------------------------------------------------------------

WRITES_TO_AUDIT = re.compile(
    r"\b(UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|TRUNCATE\s+(TABLE\s+)?audit_log|DROP\s+TABLE\s+(IF\s+EXISTS\s+)?"
    r"audit_log|ALTER\s+TABLE\s+audit_log|INSERT\s+OR\s+REPLACE\s+INTO\s+audit_log|INSERT\s+OR\s+IGNORE\s+INTO\s+"
    r"audit_log)\b", re.IGNORECASE)


def _string_constants(path: Path) -> list[str]:
    """Every string literal (and the constant parts of f-strings) of a module, adjacent literals joined."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_code_updates_or_deletes_audit_lines():
    offenders = [(str(p.relative_to(REPO_ROOT)), text[:80]) for p in SOURCES for text in _string_constants(p)
                 if WRITES_TO_AUDIT.search(" ".join(text.split()))]
    assert offenders == []
    # The scan does find such statements when they are there.
    assert WRITES_TO_AUDIT.search("DELETE FROM audit_log WHERE id = ?")
    assert WRITES_TO_AUDIT.search("update  audit_log set outcome = 'ok'")


def test_audit_lines_are_only_ever_inserted():
    """Every statement that names audit_log in the code reads it or appends to it."""
    # Statements only: a bare table name (a list of tables to leave out of a snapshot) is not one.
    uses = [" ".join(text.split()) for p in SOURCES for text in _string_constants(p)
            if "audit_log" in text and text.strip() != "audit_log"]
    assert uses, "the scan found no use of audit_log at all: it is broken"
    for sql in uses:
        assert re.search(r"\bINSERT INTO audit_log\b|\bFROM audit_log\b|\bCREATE TABLE audit_log\b", sql), sql
