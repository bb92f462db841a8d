"""The one child-process launcher: work on an uploaded file runs in `python -m MODULE` under memory and CPU limits.

python-calamine aborts the whole process on some hostile files and openpyxl can be made to eat memory, so
neither ever runs in the server process. The parent sends a JSON request on stdin; the child calls
`child_request()` first, which reads it and puts the limits on itself before it touches the file; whatever
the child writes to stdout comes back to the parent as bytes. Only this module starts such children, and at
most MAX_PARALLEL of them at once (a process-wide semaphore): a third upload waits, "queued", for a slot.

Imports nothing heavy: the child imports it too.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import resource
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

MEMORY_BYTES = 3 * 1024**3
CPU_SECONDS = 120
TIMEOUT_SECONDS = 150  # wall clock, above the CPU limit: a child that sleeps or waits is stopped too
# At most this many children run at once in one server process (each may take MEMORY_BYTES and a core); the
# others wait for a slot, and whoever waits longer than QUEUED_AFTER_SECONDS is told so (`when_queued`).
MAX_PARALLEL = 2
QUEUED_AFTER_SECONDS = 0.5
_SLOTS = threading.BoundedSemaphore(MAX_PARALLEL)
_ON_QUEUED: contextvars.ContextVar[Callable[[], None] | None] = contextvars.ContextVar("on_queued", default=None)
# The child sees no secrets of the server's environment (OIDC settings and the like).
_KEPT_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR")
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class ChildFailed(Exception):
    """The child did not finish: `reason` is "timeout" or "crashed" (exit `code`, last line of its stderr)."""

    def __init__(self, reason: str, code: int | None = None, detail: str = "") -> None:
        super().__init__(f"{reason} (exit code {code}): {detail}" if reason == "crashed" else reason)
        self.reason = reason
        self.code = code
        self.detail = detail


@contextlib.contextmanager
def when_queued(callback: Callable[[], None]) -> Iterator[None]:
    """Within the block, a child that has to wait for a free slot first calls `callback()` (once, in the
    waiting thread): the Data page shows its "queued" state with it."""
    token = _ON_QUEUED.set(callback)
    try:
        yield
    finally:
        _ON_QUEUED.reset(token)


@contextlib.contextmanager
def _slot() -> Iterator[None]:
    if not _SLOTS.acquire(timeout=QUEUED_AFTER_SECONDS):
        callback = _ON_QUEUED.get()
        if callback is not None:
            callback()
        _SLOTS.acquire()  # each running child ends within TIMEOUT_SECONDS, so the wait is bounded
    try:
        yield
    finally:
        _SLOTS.release()


def run_child(module: str, request: dict[str, Any]) -> bytes:
    """Run `python -m module` with `request` (JSON) on stdin under the limits; its stdout. Raises ChildFailed.

    At most MAX_PARALLEL children run at once in this process; a further call waits for a slot."""
    with _slot():
        return _run_child(module, request)


def _run_child(module: str, request: dict[str, Any]) -> bytes:
    payload = json.dumps({**request, "memory_bytes": MEMORY_BYTES, "cpu_seconds": CPU_SECONDS})
    env = {k: v for k, v in os.environ.items() if k in _KEPT_ENVIRONMENT}
    env["PYTHONPATH"] = str(_PACKAGE_ROOT)
    try:
        done = subprocess.run([sys.executable, "-m", module], input=payload.encode(), capture_output=True,
                              timeout=TIMEOUT_SECONDS, env=env)
    except subprocess.TimeoutExpired as exc:
        raise ChildFailed("timeout") from exc
    if done.returncode != 0:
        last_line = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no detail"])[-1]
        raise ChildFailed("crashed", done.returncode, last_line)
    return done.stdout


def child_request() -> dict[str, Any]:
    """In the child: the parent's request, after this process has put the limits on itself."""
    request = json.loads(sys.stdin.buffer.read())
    memory_bytes, cpu_seconds = int(request["memory_bytes"]), int(request["cpu_seconds"])
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return request
