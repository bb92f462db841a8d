"""What uploaded data the server may hold (twinreg_data/uploads.py, server.py; SECURITY.md "Uploads").

First the middleware in a real Starlette app (limits, reservations, refusals before the body is read), then
the real server (`streamlit run server.py`): an anonymous websocket session PUTting files as in the issue's
attack, and an editor in Chromium whose session may upload, up to its limit, and whose files are dropped when
the browser leaves.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import re
import time
import urllib.parse
import warnings
from pathlib import Path

import pytest
from conftest import BROWSER_EDITOR, copy_database, streamlit_server
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from twinreg_data import auth
from twinreg_data.i18n import NP_, t
from twinreg_data.store import Store
from twinreg_data.uploads import HeldUploads, UploadGate, UploadLimitMiddleware, UploadLimits

with warnings.catch_warnings():  # Starlette's test client would rather have httpx2, which we do not need
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

MB = 1024**2


# -- the middleware in a real Starlette app ----------------------------------------------------------------


class FakeUploadStore:
    """Holds PUT bodies per session, as Streamlit's upload manager does; counts the bodies it read."""

    def __init__(self) -> None:
        self.files: dict[str, dict[str, bytes]] = {}
        self.bodies_read = 0

    def held(self) -> HeldUploads:
        return HeldUploads({s: sum(len(b) for b in files.values()) for s, files in self.files.items()})

    async def put(self, request: Request) -> Response:
        body = await request.body()
        self.bodies_read += 1
        self.files.setdefault(request.path_params["session"], {})[request.path_params["file"]] = body
        return Response(status_code=204)


def client_for(gate: UploadGate, uploads: FakeUploadStore, ended: set[str] | None = None) -> TestClient:
    def drop_ended() -> set[str]:
        dropped = set(ended or ()) & set(uploads.files)
        for session in dropped:
            del uploads.files[session]
        return dropped

    app = Starlette(routes=[Route("/_stcore/upload_file/{session}/{file}", uploads.put, methods=["PUT"])],
                    middleware=[Middleware(UploadLimitMiddleware, gate=gate, held=uploads.held,
                                           drop_ended=drop_ended)])
    return TestClient(app)


def test_a_session_the_app_did_not_entitle_cannot_upload_and_its_body_is_never_read():
    gate, uploads = UploadGate(UploadLimits(per_session_bytes=2 * MB, total_bytes=3 * MB)), FakeUploadStore()
    client = client_for(gate, uploads)
    for n in range(12):
        answer = client.put(f"/_stcore/upload_file/anonymous/f{n}", content=b"x" * MB)
        assert answer.status_code == 403
    assert uploads.bodies_read == 0 and uploads.held().total == 0
    gate.entitle("editor", True)
    gate.entitle("editor", False)  # signed out: the right goes with the role
    assert client.put("/_stcore/upload_file/editor/f", content=b"x").status_code == 403


def test_an_entitled_session_holds_at_most_its_share_and_all_sessions_the_total():
    gate, uploads = UploadGate(UploadLimits(per_session_bytes=2 * MB, total_bytes=3 * MB)), FakeUploadStore()
    client = client_for(gate, uploads)
    for session in ("a", "b"):
        gate.entitle(session, True)
    assert client.put("/_stcore/upload_file/a/1", content=b"x" * MB).status_code == 204
    assert client.put("/_stcore/upload_file/a/2", content=b"x" * (MB // 2)).status_code == 204
    too_much = client.put("/_stcore/upload_file/a/3", content=b"x" * MB)  # 2.5 MB held by "a" after it
    assert too_much.status_code == 413 and "session" in too_much.text
    assert client.put("/_stcore/upload_file/b/1", content=b"x" * MB).status_code == 204
    full = client.put("/_stcore/upload_file/b/2", content=b"x" * MB)  # 3.5 MB in all after it
    assert full.status_code == 413 and "server" in full.text
    assert uploads.held().total == int(2.5 * MB) <= 3 * MB


def test_an_upload_without_a_declared_length_is_refused():
    gate, uploads = UploadGate(), FakeUploadStore()
    gate.entitle("a", True)
    client = client_for(gate, uploads)
    answer = client.put("/_stcore/upload_file/a/1", content=iter([b"x" * 1000, b"y" * 1000]))  # chunked
    assert answer.status_code == 411 and uploads.bodies_read == 0


def test_uploads_in_flight_count_against_the_limits():
    gate = UploadGate(UploadLimits(per_session_bytes=10 * MB, total_bytes=10 * MB))
    gate.entitle("a", True)
    gate.entitle("b", True)
    nothing = HeldUploads({})
    first, _ = gate.reserve("a", 6 * MB, nothing)
    second, why = gate.reserve("b", 6 * MB, nothing)  # while the first is still arriving
    assert first is not None and second is None and why == "total"
    gate.release(first)
    third, _ = gate.reserve("b", 6 * MB, nothing)
    assert third is not None


def test_files_of_ended_sessions_are_dropped_before_the_limits_are_checked():
    gate, uploads = UploadGate(UploadLimits(per_session_bytes=2 * MB, total_bytes=2 * MB)), FakeUploadStore()
    ended: set[str] = set()
    client = client_for(gate, uploads, ended)
    gate.entitle("gone", True)
    gate.entitle("here", True)
    assert client.put("/_stcore/upload_file/gone/1", content=b"x" * (2 * MB - 10)).status_code == 204
    assert client.put("/_stcore/upload_file/here/1", content=b"x" * MB).status_code == 413
    ended.add("gone")  # its browser left
    assert client.put("/_stcore/upload_file/here/1", content=b"x" * MB).status_code == 204
    assert set(uploads.files) == {"here"} and not gate.is_entitled("gone")


def test_limits_come_from_the_environment():
    limits = UploadLimits.from_environment({"TWINREG_UPLOAD_SESSION_MB": "2", "TWINREG_UPLOAD_TOTAL_MB": "3.5",
                                            "TWINREG_UPLOAD_SWEEP_S": "1"})
    assert (limits.per_session_bytes, limits.total_bytes, limits.sweep_seconds) == (2 * MB, int(3.5 * MB), 1.0)
    assert UploadLimits.from_environment({"TWINREG_UPLOAD_TOTAL_MB": "-1"}).total_bytes == UploadLimits().total_bytes


# -- the real server ----------------------------------------------------------------------------------------


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _server_pid(port: int) -> int:
    """The pid of the process listening on `port` (the Streamlit server)."""
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as fh:
            for line in fh.readlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
                    inode = fields[9]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                    return int(pid)
            except OSError:
                continue
    raise AssertionError(f"no process listens on port {port}")


def _put(base: str, session: str, size: int, xsrf: str | None) -> int:
    """PUT `size` bytes as a multipart upload, as the frontend does; the status (a refused body may be cut)."""
    boundary = "twinregboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    body = head + b"\0" * size + f"\r\n--{boundary}--\r\n".encode()
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    if xsrf:
        headers |= {"X-Xsrftoken": xsrf, "Cookie": f"_streamlit_xsrf={xsrf}"}
    try:
        connection.request("PUT", f"/_stcore/upload_file/{session}/{os.urandom(8).hex()}", body=body, headers=headers)
        return connection.getresponse().status
    except (BrokenPipeError, ConnectionResetError):  # refused before the body was read; ask for the answer
        return connection.getresponse().status
    finally:
        connection.close()


async def _anonymous_session(base: str) -> tuple[str, object]:
    """Open the app's websocket as a browser would, and wait for its first run to end; the session id the
    server gave it, and the socket."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    ws = await connect(base.replace("http", "ws") + "/_stcore/stream", origin=base, subprotocols=["streamlit"],
                       max_size=None, open_timeout=30)
    back = BackMsg()
    back.rerun_script.query_string = ""
    await ws.send(back.SerializeToString())
    session = ""
    while True:  # the first run ends before anything is measured: it loads the app's modules and data
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(ws.recv(), 120))
        if msg.WhichOneof("type") == "new_session":
            session = msg.new_session.initialize.session_id
        elif msg.WhichOneof("type") == "script_finished" and session:
            return session, ws


@pytest.fixture(scope="module")
def upload_server(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    workdir = tmp_path_factory.mktemp("upload-server")
    db = copy_database(demo_db_path, workdir)
    accounts = Store(db)
    auth.add_user(accounts, *BROWSER_EDITOR, "editor")
    accounts.close()
    env = {"TWINREG_UPLOAD_SESSION_MB": "2", "TWINREG_UPLOAD_TOTAL_MB": "3", "TWINREG_UPLOAD_SWEEP_S": "1"}
    with streamlit_server(db, workdir, extra_env=env) as url:
        yield url


@pytest.mark.browser
def test_an_anonymous_visitor_cannot_fill_the_servers_memory(upload_server):
    base = str(upload_server)
    pid = _server_pid(urllib.parse.urlsplit(base).port)

    async def attack() -> list[int]:
        session, ws = await _anonymous_session(base)
        xsrf = None  # the attacker has a valid token too: the page's own cookie
        import urllib.request
        with urllib.request.urlopen(base, timeout=30) as response:
            cookie = response.headers.get("Set-Cookie") or ""
            match = re.search(r"_streamlit_xsrf=([^;]+)", cookie)
            xsrf = match.group(1) if match else None
        before = _rss_mb(pid)
        statuses = [await asyncio.to_thread(_put, base, session, 20 * MB, xsrf) for _ in range(12)]
        await ws.close()
        return statuses, before

    statuses, before = asyncio.run(attack())
    assert statuses == [403] * 12
    assert _rss_mb(pid) - before < 60, "12 refused uploads of 20 MB must not stay in the server's memory"


@pytest.mark.browser
def test_an_editor_uploads_within_the_limit_and_the_files_go_with_the_session(upload_server, chromium_page,
                                                                              tmp_path):
    base, lang = str(upload_server), "en"
    page = chromium_page
    puts: list[str] = []
    page.on("request", lambda r: puts.append(r.url) if r.method == "PUT" and "/upload_file/" in r.url else None)
    page.goto(f"{base}/sign_in?lang={lang}", wait_until="domcontentloaded")
    page.get_by_role("textbox", name=t("User name", lang)).fill(BROWSER_EDITOR[0])
    page.get_by_role("textbox", name=t("Password", lang)).fill(BROWSER_EDITOR[1])
    page.get_by_role("button", name=t(NP_("signin.submit", "Sign in"), lang)).click()
    page.get_by_text(t("Data", lang), exact=True).first.wait_for(timeout=60_000)  # after the cookie's page load
    page.get_by_text(t("Data", lang), exact=True).first.click()
    upload = tmp_path / "notes.csv"
    upload.write_bytes(b"code;value\n" + b"A;1\n" * 250_000)  # 1 MB: within this server's 2 MB a session
    page.locator("input[type=file]").set_input_files(str(upload))
    deadline = time.monotonic() + 60
    while not puts and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert puts, "the browser never uploaded the file"
    session = urllib.parse.urlsplit(puts[0]).path.split("/")[3]
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_streamlit_xsrf")
    # The editor's session is entitled: what it may still hold goes in, more does not; XSRF still applies.
    assert _put(base, session, MB // 2, xsrf) == 204
    assert _put(base, session, MB, xsrf) == 413
    assert _put(base, session, 1000, None) == 403
    # The browser leaves: within the sweep interval the server drops what the session held.
    log = Path(upload_server.log_path)
    page.goto("about:blank")
    deadline = time.monotonic() + 30
    while "uploads: dropped" not in log.read_text(errors="replace") and time.monotonic() < deadline:
        time.sleep(0.5)
    dropped = re.findall(r"uploads: dropped (\d+) bytes held for (\d+) ended session", log.read_text(errors="replace"))
    assert dropped and int(dropped[-1][0]) == upload.stat().st_size + MB // 2
