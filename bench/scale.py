"""Scale benchmark: every page on databases of 10⁵, 10⁶ and 10⁷ observations, beside bare DuckDB.

    python bench/scale.py            # 10⁵, 10⁶, 10⁷ (run by `make bench` through bench/run.py)
    python bench/scale.py --quick    # 10⁵ and 10⁶, fewer repetitions (`make bench-quick`)

What is measured, each size in its own child process (so that its peak RSS, VmHWM, is its own):
- the server-side time of a full script run (app.py + the page) in Streamlit's AppTest, with the default
  filters and with a narrow one (one domain, one side, three years); cold (the app's caches of query
  results and built figures cleared before the run, as after an import) and warm (cached); median of
  several runs, split into query / figure / download / table / chart / other time by wrapping those
  functions;
- the query part of each page three ways: inside the app (the `cached` calls of a cold run), the same
  query functions called directly, and the SQL those functions executed (captured) replayed as bare
  `duckdb` `execute(...).df()` calls → the ratio app / bare;
- a filter change on the demo database: an AppTest rerun after a change of the sidebar's domain control,
  and after a change of its side control;
- in headless Chromium, the time from navigation to the first chart being visible on a fresh server
  (cold) and again in a new browser session (warm), with the server process's peak RSS.

A pass/fail line is printed per target (the benchmark never fails a test run); the results go to
bench/results/scale[-quick].json and .md with a description of the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import scale_data  # noqa: E402

RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "out" / "scale" / "work"

PAGES = ("overview", "bottlenecks", "indicators", "mobility", "services", "cooperation")
FILTERS = {
    "default": {},
    "narrow": {"domain": "mobility", "side": "EE", "from": "2019", "to": "2021"},
}
FULL_SIZES = (100_000, 1_000_000, 10_000_000)
QUICK_SIZES = (100_000, 1_000_000)

# Targets of the issue (this 2-core machine).
PAGE_TARGET_MS = {1_000_000: 300, 10_000_000: 1000}
RATIO_TARGET = 1.5
RSS_TARGET_MB = 1536
RSS_TARGET_SIZE = 10_000_000
RERUN_TARGET_MS = 150

# A page whose first run is slower than this is measured once cold and once warm, so that a slow page cannot
# stall the whole benchmark (quick: 1 s, full: 5 s).
SLOW_RUN_S = {True: 1.0, False: 5.0}
# Cold script runs of one page and filter take at least this long in all, within three times the usual number of
# runs; filter changes get three times the usual number too (the median of three quick samples moved by a third
# between two runs of the same code). Quick: 0.3 s, which keeps it under two minutes on a slower machine.
SAMPLE_S = {True: 0.3, False: 1.0}

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# A page whose first chart only shows with something opened gets the parameters that open it.
BROWSER_PATHS = {"overview": "", "bottlenecks": "bottlenecks?bn=BN-003", "indicators": "indicators",
                 "mobility": "mobility", "services": "services", "cooperation": "cooperation"}
CHART = '[data-testid="stPlotlyChart"]:visible'  # a chart in a hidden tab does not count
BROWSER_TIMEOUT_MS = 120_000
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1) if values else float("nan")


PROGRESS = "@@ "  # a child's progress lines start with this (anything else it prints is not shown)


def _progress(text: str) -> None:
    print(PROGRESS + text, flush=True)


def _peak_rss_mb(pid: str = "self") -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _copy_db(source: Path, name: str) -> Path:
    """A private copy: the app writes (its first-start admin account), the cached database stays pristine."""
    WORK.mkdir(parents=True, exist_ok=True)
    target = WORK / name
    for stale in (target, target.with_name(target.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + ".wal"))
    return target


# -- in the child process: instrumentation ----------------------------------------------------------------


class Probe:
    """Wraps the page's building blocks to split a script run's time by category (outermost call only)."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.depth = 0
        self.recording = False
        self.calls: list[tuple] = []

    def reset(self) -> None:
        self.totals = {}

    def wrap(self, category: str, function):
        import functools

        @functools.wraps(function)
        def timed(*args, **kwargs):
            if self.depth:
                return function(*args, **kwargs)
            self.depth += 1
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.totals[category] = self.totals.get(category, 0.0) + time.perf_counter() - start
                self.depth -= 1

        return timed

    def install(self) -> None:
        import importlib

        import streamlit

        import pages._ui as ui
        from twinreg_data import st_cache

        original_cached = st_cache.cached

        def recording_cached(read_model, *args):
            # A call made twice in one run is answered from the cache the second time: replayed once.
            if self.recording and (read_model, args, {}) not in self.calls:
                self.calls.append((read_model, args, {}))
            return original_cached(read_model, *args)

        # Every cached query goes through st_cache.cached: recorded there and timed as the query part. The calls
        # are replayed one after another, directly and as bare SQL. The narrowing functions the pages call on
        # the results count as "other".
        st_cache.cached = self.wrap("query", recording_cached)
        ui.downloads = self.wrap("downloads", ui.downloads)
        for name in PAGES:
            module = importlib.import_module(f"twinreg_data.figures.{name}")
            for attr, value in list(vars(module).items()):
                own = callable(value) and getattr(value, "__module__", "") == module.__name__
                if own and not attr.startswith("_") and not isinstance(value, type):
                    setattr(module, attr, self.wrap("figures", value))
        streamlit.dataframe = self.wrap("tables", streamlit.dataframe)
        streamlit.plotly_chart = self.wrap("charts", streamlit.plotly_chart)
        streamlit.pydeck_chart = self.wrap("charts", streamlit.pydeck_chart)


class SqlCapture:
    """Records the SQL and parameters that twinreg_data's Store runs (every read goes through cursor())."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, object]] = []
        self.active = False

    def install(self) -> None:
        from contextlib import contextmanager

        from twinreg_data.store import Store

        original = Store.cursor
        capture = self

        class RecordingCursor:
            def __init__(self, cursor) -> None:
                self._cursor = cursor

            def execute(self, sql, params=None):
                if capture.active:
                    capture.statements.append((sql, params))
                return self._cursor.execute(sql, params or [])

            def __getattr__(self, name):
                return getattr(self._cursor, name)

        @contextmanager
        def cursor(store):
            with original(store) as cur:
                yield RecordingCursor(cur)

        Store.cursor = cursor


def _like_a_started_server() -> None:
    """Every AppTest run executes app.py (then the page), as a running server does (see tests/conftest.py:
    AppTest would otherwise treat each run as a server's first, legacy multipage run of the page file alone).

    A server compiles each script once (its runtime keeps one ScriptCache); AppTest makes a new cache for every
    run, so every run compiled app.py and the page again (10–14 ms of a Mobility rerun, nothing a server does).
    The AppTest runs here share one cache.
    """
    import logging

    import streamlit.logger
    import streamlit.testing.v1.app_test as app_test
    import streamlit.testing.v1.local_script_runner as local_script_runner
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    scripts = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: scripts

    def run_main_script(main_script_path: str) -> None:
        code = scripts.get_bytecode(main_script_path)
        exec(code, {"__name__": "__main__", "__file__": str(Path(main_script_path))})  # noqa: S102

    script_runner._mpa_v1 = run_main_script
    streamlit.logger.set_log_level("error")
    logging.getLogger("streamlit").setLevel(logging.ERROR)


def child_pages(db: str, reps: int, out: str, slow_s: float, sample_s: float) -> None:
    """AppTest timings of every page and filter on one database, the query part beside bare DuckDB."""
    os.environ["TWINREG_DB"] = db
    import duckdb
    from streamlit.testing.v1 import AppTest

    from twinreg_data import st_cache
    from twinreg_data.store import open_store

    _like_a_started_server()
    probe, capture = Probe(), SqlCapture()
    probe.install()
    capture.install()
    store = open_store(db)
    # A plain connection with the store's settings (so it shares the app's database instance, as in one process).
    bare = duckdb.connect(db, config={"enable_external_access": False, "lock_configuration": True})
    results: dict = {"pages": {}}
    for filter_name, query in FILTERS.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        for page in PAGES:
            at.switch_page(f"pages/{page}.py")
            # Warm-up run: imports, first plotly/pydeck use; it also records the page's query calls.
            st_cache.clear()
            probe.recording, probe.calls = True, []
            start = time.perf_counter()
            at.run()
            first = time.perf_counter() - start
            probe.recording = False
            calls = list(probe.calls)
            error = [e.value for e in at.exception] if at.exception else None
            # A fast page gets more runs (up to three times as many), so that its few-millisecond query part is
            # the median of enough samples to be steady from one benchmark run to the next.
            n = 1 if first > slow_s else max(reps, min(3 * reps, math.ceil(sample_s / max(first, 1e-3))))
            runs: dict[str, list] = {"cold": [], "warm": []}
            parts: dict[str, list[dict]] = {"cold": [], "warm": []}
            # The query part is also run directly and as its SQL on a bare connection (captured once here).
            capture.statements, capture.active = [], True
            for function, args, kwargs in calls:
                function(store, *args, **kwargs)
            capture.active = False
            statements = list(capture.statements)
            # Each cold run is followed at once by its direct and bare counterparts, so that the app / bare ratio
            # compares runs made at the same time (a shared machine's speed drifts during a benchmark).
            direct, bare_runs = [], []
            for _ in range(n):
                st_cache.clear()
                probe.reset()
                start = time.perf_counter()
                at.run()
                runs["cold"].append(time.perf_counter() - start)
                parts["cold"].append(dict(probe.totals))
                start = time.perf_counter()
                for function, args, kwargs in calls:
                    function(store, *args, **kwargs)
                direct.append(time.perf_counter() - start)
                start = time.perf_counter()
                for sql, params in statements:
                    bare.execute(sql, params or []).df()
                bare_runs.append(time.perf_counter() - start)
            for _ in range(n):
                probe.reset()
                start = time.perf_counter()
                at.run()
                runs["warm"].append(time.perf_counter() - start)
                parts["warm"].append(dict(probe.totals))
            breakdown = {}
            for mode in ("cold", "warm"):
                categories = sorted({c for p in parts[mode] for c in p})
                split = {c: _median_ms([p.get(c, 0.0) for p in parts[mode]]) for c in categories}
                split["other"] = round(_median_ms(runs[mode]) - sum(split.values()), 1)
                breakdown[mode] = split
            results["pages"].setdefault(page, {})[filter_name] = {
                "runs": n,
                "first_ms": round(first * 1000, 1),
                "cold_ms": _median_ms(runs["cold"]),
                "warm_ms": _median_ms(runs["warm"]),
                "breakdown_ms": breakdown,
                "query_in_app_ms": _median_ms([p.get("query", 0.0) for p in parts["cold"]]),
                "query_direct_ms": _median_ms(direct),
                "query_bare_ms": _median_ms(bare_runs),
                "query_calls": len(calls),
                "sql_statements": len(statements),
                "error": error,
            }
            _progress(f"    {page:12} {filter_name:8} cold {_median_ms(runs['cold']):9.1f} ms  warm "
                      f"{_median_ms(runs['warm']):9.1f} ms" + (" ERROR" if error else ""))
    results["peak_rss_mb"] = _peak_rss_mb()
    Path(out).write_text(json.dumps(results))


def _timed_change(at, control: str, before: object, after: object) -> float:
    """Seconds of the rerun after `control` changes from `before` to `after`, with only `before`'s results cached."""
    from twinreg_data import st_cache

    def widget():  # looked up again after each run: a run replaces the element tree
        return (at.multiselect if control == "w_domains" else at.segmented_control)(key=control)

    st_cache.clear()
    widget().set_value(before)
    at.run()
    widget().set_value(after)
    start = time.perf_counter()
    at.run()
    return time.perf_counter() - start


def child_rerun(db: str, reps: int, out: str, slow_s: float, sample_s: float) -> None:
    """Rerun time after a change of the sidebar's domains or side, per page, on the demo database."""
    os.environ["TWINREG_DB"] = db
    from streamlit.testing.v1 import AppTest

    _like_a_started_server()
    choices = [["mobility"], ["taxation"], ["education", "digital"], [], ["employment"], ["mobility", "taxation"]]
    sides = ["FI", "EE", "both"]
    # Each timed change starts from an empty cache and one run of the previous selection, as after any earlier
    # change: what the new selection shares with it is cached, the rest is not (the domains do not narrow Mobility,
    # the map or one indicator's data; the side narrows every page). Full runs take more samples.
    samples = 3 * reps if sample_s else max(3, reps)
    results: dict = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        at.switch_page(f"pages/{page}.py")
        at.run()
        times: dict[str, list[float]] = {"new": [], "again": [], "side": []}
        for i in range(samples):
            times["new"].append(_timed_change(at, "w_domains", choices[i % len(choices)],
                                              choices[(i + 1) % len(choices)]))
            times["side"].append(_timed_change(at, "w_side", sides[i % len(sides)], sides[(i + 1) % len(sides)]))
        # The same domain selections once more, every result cached.
        at.segmented_control(key="w_side").set_value("both")
        for domains in choices:
            at.multiselect(key="w_domains").set_value(domains)
            at.run()
        for domains in choices:
            at.multiselect(key="w_domains").set_value(domains)
            start = time.perf_counter()
            at.run()
            times["again"].append(time.perf_counter() - start)
        results[page] = {"new_ms": _median_ms(times["new"]), "again_ms": _median_ms(times["again"]),
                         "side_ms": _median_ms(times["side"]),
                         "changes": samples, "error": [e.value for e in at.exception] or None}
        _progress(f"    {page:12} filter change: new {results[page]['new_ms']:7.1f} ms  again "
                  f"{results[page]['again_ms']:7.1f} ms  side {results[page]['side_ms']:7.1f} ms")
    Path(out).write_text(json.dumps(results))


def _run_child(kind: str, db: Path, reps: int, slow_s: float, sample_s: float) -> dict:
    """Run a measurement in a fresh process; its progress lines are shown, Streamlit's log goes to a file."""
    out, log = WORK / f"{kind}-{db.stem}.json", WORK / f"{kind}-{db.stem}.log"
    out.unlink(missing_ok=True)
    with log.open("w") as log_file:
        proc = subprocess.Popen([sys.executable, __file__, "--child", kind, str(db), str(reps), str(out), str(slow_s),
                                 str(sample_s)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=log_file, text=True)
        for line in proc.stdout:
            if line.startswith(PROGRESS):
                print(line[len(PROGRESS):], end="", file=sys.stderr, flush=True)
        proc.wait()
    if proc.returncode != 0 or not out.exists():
        raise SystemExit(f"the {kind} measurement on {db.name} failed (exit {proc.returncode}); "
                         f"log:\n{log.read_text()[-3000:]}")
    return json.loads(out.read_text())


# -- headless Chromium ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, TWINREG_DB=str(db), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "server.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the Streamlit server did not start")


def _stop_server(proc: subprocess.Popen) -> float:
    rss = _peak_rss_mb(str(proc.pid))
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return rss


def _browser_available() -> bool:
    import importlib.util

    return Path(CHROMIUM).exists() and importlib.util.find_spec("playwright") is not None


def browser_timings(db: Path, pages: tuple[str, ...], warm_runs: int) -> dict:
    """Navigation → first chart visible: cold on a fresh server and a new browser session (one per page), then
    warm: the same tab navigates to the page again (server caches and the browser's cache warm)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    results: dict = {"pages": {}}
    peak = 0.0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for page_name in pages:
                copy = _copy_db(db, f"browser-{db.name}")
                proc, url = _start_server(copy)
                context = browser.new_context(viewport={"width": 1400, "height": 2200})
                try:
                    tab = context.new_page()
                    times, error = [], None
                    for _ in range(1 + warm_runs):
                        start = time.perf_counter()
                        tab.goto(f"{url}/{BROWSER_PATHS[page_name]}", wait_until="commit")
                        try:
                            tab.locator(CHART).first.wait_for(state="visible", timeout=BROWSER_TIMEOUT_MS)
                        except PlaywrightTimeout:
                            error = f"no chart visible within {BROWSER_TIMEOUT_MS // 1000} s"
                            break
                        times.append(time.perf_counter() - start)
                        tab.wait_for_selector(IDLE, timeout=BROWSER_TIMEOUT_MS)  # the run has finished before the next
                finally:
                    context.close()
                    peak = max(peak, _stop_server(proc))
                results["pages"][page_name] = {"cold_ms": round(times[0] * 1000, 1) if times else None,
                                               "warm_ms": _median_ms(times[1:]) if len(times) > 1 else None,
                                               "error": error}
                print(f"    {page_name:12} first chart: " + (f"cold {times[0] * 1000:8.1f} ms  warm "
                      f"{_median_ms(times[1:]):8.1f} ms" if len(times) > 1 else f"ERROR {error}"),
                      file=sys.stderr, flush=True)
        finally:
            browser.close()
    results["server_peak_rss_mb"] = peak
    return results


def fragment_timings(db: Path, changes: int) -> dict:
    """In the browser, on the Mobility page: input → idle after a change of the map's year (a page-local control in
    an st.fragment: only the map part reruns) beside a change of the sidebar's side (a full rerun of app.py and the
    page). The first two changes of each fill the cache, so the measured ones all find their queries cached."""
    from playwright.sync_api import sync_playwright

    copy = _copy_db(db, "fragment-demo.duckdb")
    proc, url = _start_server(copy)
    year = '[data-testid="stMainBlockContainer"] [data-testid="stSlider"] input[type="range"]'
    times: dict[str, list[float]] = {"fragment": [], "full": []}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            tab = browser.new_context(viewport={"width": 1400, "height": 2200}).new_page()
            tab.goto(f"{url}/mobility?lang=en&mob_year=2024", wait_until="commit")
            tab.wait_for_selector(IDLE, timeout=BROWSER_TIMEOUT_MS)
            tab.locator(CHART).first.wait_for(state="visible", timeout=BROWSER_TIMEOUT_MS)
            for i in range(2 + changes):  # the first two fill the cache for 2023 and the domain selection
                wanted = 2023 if i % 2 == 0 else 2024
                start = time.perf_counter()
                tab.locator(year).first.press("ArrowLeft" if wanted == 2023 else "ArrowRight")
                tab.wait_for_url(f"**mob_year={wanted}**", timeout=BROWSER_TIMEOUT_MS)
                tab.wait_for_selector(IDLE, timeout=BROWSER_TIMEOUT_MS)
                elapsed = time.perf_counter() - start
                start = time.perf_counter()
                # Finland, then both sides again: the link has a side parameter, then none.
                side = tab.locator('[data-testid="stSidebar"]').get_by_text("Finland" if i % 2 == 0 else "Both",
                                                                           exact=True)
                side.click()
                tab.wait_for_function("want => new URL(location.href).searchParams.has('side') === want",
                                      arg=i % 2 == 0, timeout=BROWSER_TIMEOUT_MS)
                tab.wait_for_selector(IDLE, timeout=BROWSER_TIMEOUT_MS)
                if i >= 2:
                    times["fragment"].append(elapsed)
                    times["full"].append(time.perf_counter() - start)
            browser.close()
    finally:
        _stop_server(proc)
    result = {kind: _median_ms(values) for kind, values in times.items()}
    result["changes"] = changes
    print(f"    mobility map year (fragment) {result['fragment']:7.1f} ms   sidebar side (full run) "
          f"{result['full']:7.1f} ms", file=sys.stderr, flush=True)
    return result


# -- the run ----------------------------------------------------------------------------------------------


def _reference_loop_ms() -> float:
    """A fixed pure-Python loop: the machine's speed at the time of the run, to compare runs on one machine (a
    shared virtual machine's speed varies by a third from hour to hour)."""
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        runs.append(time.perf_counter() - start)
    return _median_ms(runs)


def machine() -> dict:
    import platform

    import duckdb
    import pandas as pd
    import streamlit

    mem_kib = 0
    model = ""
    try:
        with open("/proc/meminfo") as fh:
            mem_kib = int(fh.readline().split()[1])
        with open("/proc/cpuinfo") as fh:
            model = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu_model": model, "load_average_1m": round(os.getloadavg()[0], 2),
            "reference_loop_ms": _reference_loop_ms(),
            "memory_gib": round(mem_kib / 1024**2, 1),
            "platform": platform.platform(), "python": platform.python_version(), "duckdb": duckdb.__version__,
            "pandas": pd.__version__, "streamlit": streamlit.__version__}


def evaluate(report: dict) -> list[dict]:
    """Pass/fail per target of the issue."""
    targets = []
    for size, limit in PAGE_TARGET_MS.items():
        pages = report["sizes"].get(str(size), {}).get("pages")
        if not pages:
            continue
        for page, by_filter in pages.items():
            for filter_name, m in by_filter.items():
                ok = m["cold_ms"] <= limit and not m["error"]
                targets.append({"target": f"{page} ({filter_name}) full run ≤ {limit} ms at {size:,} (cold)",
                                "value": m["cold_ms"], "pass": ok})
    for size, data in report["sizes"].items():
        for page, by_filter in data["pages"].items():
            for filter_name, m in by_filter.items():
                ratio = m["query_in_app_ms"] / m["query_bare_ms"] if m["query_bare_ms"] else float("inf")
                m["ratio_app_bare"] = round(ratio, 2)
                targets.append({"target": f"{page} ({filter_name}) query part app/bare ≤ {RATIO_TARGET} at "
                                          f"{int(size):,}", "value": round(ratio, 2), "pass": ratio <= RATIO_TARGET})
    big = report["sizes"].get(str(RSS_TARGET_SIZE))
    if big:
        rss = max(big["peak_rss_mb"], report.get("browser", {}).get("server_peak_rss_mb", 0.0))
        targets.append({"target": f"peak RSS of the app process ≤ {RSS_TARGET_MB} MB at {RSS_TARGET_SIZE:,}",
                        "value": rss, "pass": rss <= RSS_TARGET_MB})
    for page, m in report.get("rerun", {}).items():
        targets.append({"target": f"{page}: filter change rerun ≤ {RERUN_TARGET_MS} ms median on the demo database",
                        "value": m["new_ms"], "pass": m["new_ms"] <= RERUN_TARGET_MS and not m["error"]})
        if "side_ms" in m:
            targets.append({"target": f"{page}: side change rerun ≤ {RERUN_TARGET_MS} ms median on the demo database",
                            "value": m["side_ms"], "pass": m["side_ms"] <= RERUN_TARGET_MS and not m["error"]})
    return targets


def print_report(report: dict) -> None:
    print(f"\nReference pure-Python loop: {report['machine'].get('reference_loop_ms')} ms (machine speed)")
    print("\nPage server time (AppTest full script run, app.py + page), median ms; query part app / direct / bare")
    header = (f"{'size':>11} {'page':12} {'filter':8} {'cold':>8} {'warm':>8} {'q app':>8} {'q direct':>8} "
              f"{'q bare':>8} {'app/bare':>8}  cold split (query/figures/downloads/tables/charts/other)")
    print(header)
    for size, data in report["sizes"].items():
        for page, by_filter in data["pages"].items():
            for filter_name, m in by_filter.items():
                split = m["breakdown_ms"]["cold"]
                parts = "/".join(f"{split.get(c, 0):.0f}" for c in
                                 ("query", "figures", "downloads", "tables", "charts", "other"))
                print(f"{int(size):>11,} {page:12} {filter_name:8} {m['cold_ms']:>8.1f} {m['warm_ms']:>8.1f} "
                      f"{m['query_in_app_ms']:>8.1f} {m['query_direct_ms']:>8.1f} {m['query_bare_ms']:>8.1f} "
                      f"{m.get('ratio_app_bare', float('nan')):>8.2f}  {parts}"
                      + (f"  ERROR {m['error']}" if m["error"] else ""))
        print(f"{int(size):>11,} peak RSS of the AppTest process: {data['peak_rss_mb']:.0f} MB "
              f"(database {data['db_mb']:.0f} MB, generated in {data['generate_s']:.1f} s)")
    if report.get("rerun"):
        print("\nFilter change (sidebar domains) on the demo database, AppTest rerun median ms")
        for page, m in report["rerun"].items():
            print(f"  {page:12} new selection {m['new_ms']:7.1f}   same selection again {m['again_ms']:7.1f}   "
                  f"side changed {m.get('side_ms', float('nan')):7.1f}")
    if report.get("browser"):
        b = report["browser"]
        print(f"\nHeadless Chromium, navigation → first chart visible ({b['database']}), ms")
        for page, m in b["pages"].items():
            if m.get("error"):
                print(f"  {page:12} {m['error']}")
            else:
                print(f"  {page:12} cold (fresh server) {m['cold_ms']:8.1f}   warm {m['warm_ms']:8.1f}")
        print(f"  server peak RSS {b['server_peak_rss_mb']:.0f} MB")
    if report.get("fragment"):
        f = report["fragment"]
        print(f"\nHeadless Chromium, demo database, Mobility, input → idle, median ms: map year (st.fragment) "
              f"{f['fragment']:.1f}; sidebar side (full rerun) {f['full']:.1f}; "
              f"ratio {f['fragment'] / f['full']:.2f}")
    print()
    for target in report["targets"]:
        print(f"{'PASS' if target['pass'] else 'FAIL'} {target['target']} ({target['value']})")


def write_markdown(report: dict, path: Path) -> None:
    m = report["machine"]
    lines = [
        f"# Scale benchmark ({'quick' if report['quick'] else 'full'})",
        "",
        f"Run {report['when']} on {m['cpus']} CPUs ({m['cpu_model']}), {m['memory_gib']} GiB, {m['platform']}; "
        f"Python {m['python']}, DuckDB {m['duckdb']}, pandas {m['pandas']}, Streamlit {m['streamlit']}; "
        f"load average {m['load_average_1m']} before, {m.get('load_average_1m_after', '?')} after; a reference "
        f"pure-Python loop (2·10⁶ additions) took {m.get('reference_loop_ms', '?')} ms. "
        f"Reproduce: `make bench{'-quick' if report['quick'] else ''}`.",
        "",
        "Server time of a full script run (app.py + page) in AppTest, median ms; *cold* = the app's query cache "
        "cleared before the run as after an import, *warm* = cached; median of 5 runs "
        "(quick: 3), more for a fast page (up to three times as many, 1 s of cold runs in all; quick: 0.3 s). "
        "Query part: the page's cached query calls in a cold "
        "run (app), the same functions called directly, and their SQL as bare DuckDB `execute().df()` calls. Narrow "
        "filter: mobility, Estonia, 2019–2021.",
        "",
        "| observations | page | filter | cold | warm | query app | query bare | app/bare "
        "| cold split q/fig/dl/tab/chart/other |",
        "|---:|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for size, data in report["sizes"].items():
        for page, by_filter in data["pages"].items():
            for filter_name, r in by_filter.items():
                split = r["breakdown_ms"]["cold"]
                parts = " / ".join(f"{split.get(c, 0):.0f}" for c in
                                   ("query", "figures", "downloads", "tables", "charts", "other"))
                lines.append(f"| {int(size):,} | {page} | {filter_name} | {r['cold_ms']:.0f} | {r['warm_ms']:.0f} | "
                             f"{r['query_in_app_ms']:.1f} | {r['query_bare_ms']:.1f} | "
                             f"{r.get('ratio_app_bare', float('nan')):.2f} | {parts} |")
    lines += ["", "| observations | database MB | peak RSS of the AppTest process MB |", "|---:|---:|---:|"]
    for size, data in report["sizes"].items():
        lines.append(f"| {int(size):,} | {data['db_mb']:.0f} | {data['peak_rss_mb']:.0f} |")
    if report.get("rerun"):
        changes = next(iter(report["rerun"].values()))["changes"]
        lines += ["", f"Filter change on the demo database, AppTest rerun, median of {changes} changes of each kind, "
                      "ms (sidebar domains: a new selection and the same selections again; sidebar side: Finland, "
                      "Estonia, both):", "",
                  "| page | domains, new selection | domains, same again | side changed |", "|---|---:|---:|---:|"]
        for page, r in report["rerun"].items():
            lines.append(f"| {page} | {r['new_ms']:.0f} | {r['again_ms']:.0f} | {r.get('side_ms', float('nan')):.0f} |")
    if report.get("browser"):
        b = report["browser"]
        lines += ["", f"Headless Chromium, navigation → first chart visible ({b['database']}), ms; server peak "
                      f"RSS {b['server_peak_rss_mb']:.0f} MB:", "",
                  "| page | cold (fresh server) | warm |", "|---|---:|---:|"]
        for page, r in b["pages"].items():
            lines.append(f"| {page} | {r['error']} | |" if r.get("error") else
                         f"| {page} | {r['cold_ms']:.0f} | {r['warm_ms']:.0f} |")
    if report.get("fragment"):
        f = report["fragment"]
        lines += ["", "Headless Chromium on the demo database, Mobility page, input → idle, median of "
                      f"{f['changes']} changes: the map's year (a page-local control in an `st.fragment`, only the "
                      f"map part reruns) {f['fragment']:.0f} ms; the sidebar's side (full rerun, every query "
                      f"cached) {f['full']:.0f} ms; ratio {f['fragment'] / f['full']:.2f}."]
    lines += ["", "Targets:", ""]
    lines += [f"- {'pass' if t['pass'] else '**fail**'}: {t['target']} ({t['value']})" for t in report["targets"]]
    path.write_text("\n".join(lines) + "\n")


def run(quick: bool, sizes: tuple[int, ...] | None = None, browser: bool = True) -> dict:
    sizes = sizes or (QUICK_SIZES if quick else FULL_SIZES)
    reps = 3 if quick else 5
    report: dict = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "quick": quick,
                    "machine": machine(), "sizes": {}}
    for size in sizes:
        start = time.perf_counter()
        source = scale_data.generate(size)
        generate_s = time.perf_counter() - start
        print(f"  {size:,} observations: measuring pages", file=sys.stderr, flush=True)
        data = _run_child("pages", _copy_db(source, f"app-{source.name}"), reps, SLOW_RUN_S[quick], SAMPLE_S[quick])
        data["db_mb"] = round(source.stat().st_size / 1024**2, 1)
        data["generate_s"] = round(generate_s, 1)
        report["sizes"][str(size)] = data
    demo = scale_data.demo_db()
    print("  demo database: filter change", file=sys.stderr, flush=True)
    # Quick: six changes of each kind per page (full: fifteen), to stay under two minutes on a slower machine.
    report["rerun"] = _run_child("rerun", _copy_db(demo, "app-demo.duckdb"), 2 if quick else reps, SLOW_RUN_S[quick],
                                 SAMPLE_S[quick])
    if browser and not _browser_available():
        print("  headless Chromium: skipped (needs /usr/bin/chromium and playwright from requirements-dev.txt)",
              file=sys.stderr, flush=True)
    elif browser:
        largest = max(sizes)
        print(f"  headless Chromium on {largest:,} observations", file=sys.stderr, flush=True)
        pages = ("overview",) if quick else PAGES
        try:
            report["browser"] = browser_timings(scale_data.db_path(largest), pages, warm_runs=2 if quick else 3)
            report["browser"]["database"] = f"{largest:,} observations"
        except Exception as exc:  # the other results are still written
            print(f"  headless Chromium failed: {exc}", file=sys.stderr, flush=True)
        if not quick:  # the fragment comparison: full runs only (about 20 s)
            print("  headless Chromium on the demo database: page-local control (fragment) vs full rerun",
                  file=sys.stderr, flush=True)
            try:
                report["fragment"] = fragment_timings(demo, changes=8)
            except Exception as exc:
                print(f"  fragment timing failed: {exc}", file=sys.stderr, flush=True)
    for copy in WORK.glob("*.duckdb*"):  # the per-run copies (the generated databases stay cached)
        copy.unlink(missing_ok=True)
    report["machine"]["load_average_1m_after"] = round(os.getloadavg()[0], 2)
    report["targets"] = evaluate(report)
    print_report(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = "scale-quick" if quick else "scale"
    (RESULTS / f"{stem}.json").write_text(json.dumps(report, indent=2))
    write_markdown(report, RESULTS / f"{stem}.md")
    print(f"\nwritten: bench/results/{stem}.json, bench/results/{stem}.md")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="*")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--child", nargs=6, metavar=("KIND", "DB", "REPS", "OUT", "SLOW_S", "SAMPLE_S"))
    args = parser.parse_args(argv)
    if args.child:
        kind, db, reps, out, slow_s, sample_s = args.child
        {"pages": child_pages, "rerun": child_rerun}[kind](db, int(reps), out, float(slow_s), float(sample_s))
        return 0
    run(args.quick, tuple(args.sizes) if args.sizes else None, browser=not args.no_browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
