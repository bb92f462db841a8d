"""Visitors' response time while 100 wrong sign-ins arrive at once (issue 22): in one process, a browsing thread
times a small page's work (a DuckDB query and a pandas group-by over 200 000 rows) before and during the flood.

    python bench/signin_flood.py

Prints the p95 of both and how long the flood took. It is a rough in-process figure, not the websocket load test
(bench/load.py): run it on an otherwise idle machine.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from twinreg_data import auth  # noqa: E402
from twinreg_data.store import Store  # noqa: E402


def main() -> None:
    store = Store(Path(tempfile.mkdtemp()) / "flood.duckdb")
    auth.add_user(store, "owner", "correct horse battery", "admin")
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"a": rng.random(200_000), "b": rng.integers(0, 100, 200_000)})

    def page() -> float:
        start = time.perf_counter()
        store.query("SELECT count(*) FROM sign_in_attempts")
        frame.groupby("b")["a"].agg(["mean", "max"])
        frame.sort_values("a").head(10)
        return time.perf_counter() - start

    def p95(times: list[float]) -> float:
        return sorted(times)[int(len(times) * 0.95)] * 1000

    quiet = [page() for _ in range(100)]
    during: list[float] = []
    flooding = threading.Event()
    flooding.set()

    def browse() -> None:
        while flooding.is_set():
            during.append(page())
            time.sleep(0.05)

    def guess(i: int) -> None:
        with contextlib.suppress(auth.AuthError):
            auth.authenticate(store, "owner", f"guess {i}", client=f"198.51.100.{i}")

    browser = threading.Thread(target=browse)
    browser.start()
    start = time.time()
    with ThreadPoolExecutor(100) as pool:
        list(pool.map(guess, range(100)))
    flooding.clear()
    browser.join()
    print(f"hashes at once: at most {auth.MAX_CONCURRENT_HASHES}; flood of 100 took {time.time() - start:.0f} s")
    print(f"page p95 quiet {p95(quiet):.0f} ms, during the flood {p95(during):.0f} ms ({len(during)} pages)")


if __name__ == "__main__":
    main()
