"""A local stand-in for the statistics APIs (PxWeb v1 and v2, Eurostat's Statistics API) on 127.0.0.1.

Tests script what each path answers: recorded real answers (tests/fixtures/real, tests/fixtures/feeds) and the
failures a feed must survive (a slow answer, 429 with Retry-After, 5xx, a redirect, a body that is no JSON-stat).
Every request is recorded (method, path, query, body, time). Nothing here goes to the internet.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before the answer: longer than the client's timeout makes a timeout


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    body: bytes
    at: float


class StatisticsApiMock:
    """`serve(path, *answers)`: the answers for a path in order, the last one repeated; other paths get 404."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Answer]] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        mock = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet test output
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                url = urllib.parse.urlsplit(self.path)
                with mock._lock:
                    mock.requests.append(Seen(self.command, url.path, urllib.parse.parse_qs(url.query), body,
                                              time.monotonic()))
                    answers = mock.routes.get(url.path)
                    answer = (answers.pop(0) if len(answers) > 1 else answers[0]) if answers else \
                        Answer(404, b'{"error": "no such table"}')
                time.sleep(answer.delay_s)
                try:
                    self.send_response(answer.status)
                    for name, value in {"Content-Type": "application/json; charset=UTF-8", **answer.headers}.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            do_GET = do_POST = _answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def serve(self, path: str, *answers: Answer) -> None:
        with self._lock:
            self.routes[path] = list(answers)

    def start(self) -> StatisticsApiMock:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
