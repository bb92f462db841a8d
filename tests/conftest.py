"""Shared pytest fixtures: demo database, a live Streamlit server and a headless Chromium page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# Debian's Chromium package; Playwright's own browser downloads are never used.
CHROMIUM_PATH = Path(os.environ.get("TWINREG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 2200}

DEMO_DB_TIMEOUT_S = 600
BROWSER_EDITOR = ("browser-editor", "browser editor password")
SERVER_START_TIMEOUT_S = 60
SERVER_STOP_TIMEOUT_S = 10
LOG_TAIL_CHARS = 6000


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _require_chromium() -> None:
    """Skip (locally) or fail (in CI) when the system Chromium is missing."""
    if CHROMIUM_PATH.exists():
        return
    reason = f"headless Chromium not found at {CHROMIUM_PATH} (install Debian's 'chromium' package)"
    if _in_ci():
        pytest.fail(f"{reason}; CI must run the browser tests", pytrace=False)
    pytest.skip(reason)


def _tail(path: Path, chars: int = LOG_TAIL_CHARS) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"<cannot read {path}: {exc}>"
    return text[-chars:]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _health_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=SERVER_STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=SERVER_STOP_TIMEOUT_S)


class ServerUrl(str):
    """The base URL of a running server; `log_path` is its combined stdout/stderr log."""

    log_path: Path

    def __new__(cls, url: str, log_path: Path) -> ServerUrl:
        obj = super().__new__(cls, url)
        obj.log_path = log_path
        return obj

    def log_tail(self, chars: int = LOG_TAIL_CHARS) -> str:
        return _tail(self.log_path, chars)


@pytest.fixture(autouse=True)
def _app_runs_like_a_started_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run app.py on every AppTest run, as a running server does.

    Because a `pages/` folder exists, Streamlit treats the first script run of a server process as a legacy
    multipage app and runs a requested page file directly; app.py's st.navigation ends that mode for the rest
    of the process. AppTest resets that flag before every run, so each `at.run()` would skip app.py (no sidebar
    controls, no sign-in). The real first-run case is covered by pages/_ui.filters() and the browser tests.
    """
    from streamlit.runtime.scriptrunner import script_runner

    def run_main_script(main_script_path: str) -> None:
        path = Path(main_script_path)
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
        exec(code, {"__name__": "__main__", "__file__": str(path)})  # noqa: S102

    monkeypatch.setattr(script_runner, "_mpa_v1", run_main_script)


def pytest_runtest_setup(item: pytest.Item) -> None:
    # Decide skip/fail before any (expensive) fixture of a browser test is set up.
    if item.get_closest_marker("browser") is not None:
        _require_chromium()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """`test-artifacts/` at the repository root, for screenshots and other test output."""
    path = REPO_ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database, built once per session (once per xdist worker) with the project CLI."""
    path = tmp_path_factory.mktemp("demo-db") / "twinreg.duckdb"
    env = os.environ.copy()
    env["TWINREG_DB"] = str(path)
    cmd = [sys.executable, "-m", "twinreg_data", "--db", str(path), "init", "--demo"]
    try:
        subprocess.run(
            cmd,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=True,
            timeout=DEMO_DB_TIMEOUT_S,
        )
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(
            f"building the demo database failed (exit {exc.returncode}): {' '.join(cmd)}\n"
            f"--- stderr ---\n{exc.stderr}\n--- stdout ---\n{exc.stdout}"
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(
            f"building the demo database took more than {DEMO_DB_TIMEOUT_S} s: {' '.join(cmd)}\n"
            f"--- stderr ---\n{exc.stderr}"
        ) from exc
    if not path.is_file():
        raise RuntimeError(f"'{' '.join(cmd)}' succeeded but did not create {path}")
    return path


@pytest.fixture(scope="session")
def browser_server(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerUrl]:
    """Run the app (`streamlit run server.py`) on a free local port against a copy of the demo database.

    Yields the base URL (a `str` without trailing slash; `.log_tail()` gives the end of the server log).
    Meant for tests marked `browser`.
    """
    _require_chromium()  # do not build a server a skipped test would never use
    workdir = tmp_path_factory.mktemp("browser-server")
    db_copy = copy_database(demo_db_path, workdir)
    # An editor account for browser tests of the officials' workflow (the server gets its own copy).
    from twinreg_data import auth
    from twinreg_data.store import Store

    accounts = Store(db_copy)
    auth.add_user(accounts, *BROWSER_EDITOR, "editor")
    accounts.close()
    with streamlit_server(db_copy, workdir) as url:
        yield url


def copy_database(db: Path, folder: Path) -> Path:
    """A copy of `db` (and its WAL) in `folder`: a DuckDB file is locked by the process that opens it."""
    copy = folder / db.name
    shutil.copy2(db, copy)
    wal = db.with_name(db.name + ".wal")
    if wal.exists():
        shutil.copy2(wal, copy.with_name(copy.name + ".wal"))
    return copy


@contextmanager
def streamlit_server(db: Path, workdir: Path, *, port: int | None = None, host: str = "127.0.0.1",
                     cwd: Path = REPO_ROOT, extra_args: tuple[str, ...] = (),
                     extra_env: dict[str, str] | None = None) -> Iterator[ServerUrl]:
    """`streamlit run server.py` (app.py with the server's middleware, as `make run` starts it) on
    127.0.0.1:`port` (a free one by default) against `db`, started from `cwd`, until it answers its health check;
    yields the base URL with `host` as its host name, and stops the server after."""
    port = port or _free_port()
    base_url = f"http://{host}:{port}"
    log_path = workdir / "streamlit.log"
    env = os.environ.copy()
    env["TWINREG_DB"] = str(db)
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra_env or {})
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(REPO_ROOT / "server.py"),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        *extra_args,
    ]  # fmt: skip
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not _health_ok(f"http://127.0.0.1:{port}/_stcore/health"):
            if proc.poll() is not None:
                pytest.fail(
                    f"Streamlit exited with status {proc.returncode} before it was ready; "
                    f"log {log_path}:\n{_tail(log_path)}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Streamlit did not answer {base_url}/_stcore/health within {SERVER_START_TIMEOUT_S} s; "
                    f"log {log_path}:\n{_tail(log_path)}",
                    pytrace=False,
                )
            time.sleep(0.25)
        yield ServerUrl(base_url, log_path)
    finally:
        _stop(proc)


@pytest.fixture
def chromium_page():
    """A Playwright page in headless Debian Chromium (viewport 1400x2200).

    `page.console_errors` collects console messages of type "error" and uncaught page errors as strings.
    """
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM_PATH), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        console_errors: list[str] = []
        page.console_errors = console_errors

        def on_console(msg) -> None:
            if msg.type == "error":
                url = (msg.location or {}).get("url") or ""
                console_errors.append(f"console.error: {msg.text}" + (f" [{url}]" if url else ""))

        def on_page_error(error) -> None:
            console_errors.append(f"pageerror: {error}")

        page.on("console", on_console)
        page.on("pageerror", on_page_error)
        try:
            yield page
        finally:
            context.close()
            browser.close()


@pytest.fixture
def demo_copy(demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the demo database, set as TWINREG_DB for AppTest runs in this process."""
    from twinreg_data.store import close_store

    path = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_db_path, path)
    monkeypatch.setenv("TWINREG_DB", str(path))
    yield path
    close_store(path)


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty (migrated on first use) database set as TWINREG_DB."""
    from twinreg_data.store import close_store

    path = tmp_path / "empty.duckdb"
    monkeypatch.setenv("TWINREG_DB", str(path))
    yield path
    close_store(path)


def run_app(page: str | None = None, query: dict[str, str | list[str]] | None = None, timeout: float = 90):
    """The real app.py in AppTest, optionally switched to `page` (e.g. "pages/bottlenecks.py")."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=timeout)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page)
        at.run()
    return at


def sign_in(at, name: str, password: str):
    """Sign `at` (an AppTest of the app that has run once) in through the real Sign-in page."""
    at.switch_page("pages/sign_in.py").run()
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click().run()
    return at


@pytest.fixture
def store(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A store holding the base data (tests/factories.py), seeded once per session and copied per test; test
    modules with a store of their own override it."""
    from factories import seeded_store

    cache = tmp_path_factory.getbasetemp() / "seed-cache"
    cache.mkdir(exist_ok=True)
    s = seeded_store(tmp_path, cache)
    yield s
    s.close()


@pytest.fixture
def editor(demo_copy: Path) -> Path:
    """The demo copy with an editor account: eeva / "a long password"."""
    from twinreg_data import auth
    from twinreg_data.store import open_store

    auth.add_user(open_store(demo_copy), "eeva", "a long password", "editor")
    return demo_copy


@pytest.fixture
def app_runner():
    """`app_runner(page=..., query={...})` → a run AppTest of the whole app."""
    return run_app
