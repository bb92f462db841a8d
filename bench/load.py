"""Load test: N concurrent sessions against a running TwinReg Monitor server, over Streamlit's own protocol.

    python bench/load.py                     # start a server on 127.0.0.1, run every phase, write the results
    python bench/load.py --quick             # short phases and a 60 s soak (a smoke run, not for the README)
    python bench/load.py --url http://127.0.0.1:8501 --pid 12345   # an already running local server

Each session speaks to `/_stcore/stream` as the Streamlit 1.67 frontend does: a websocket carrying protobuf
`BackMsg` (rerun requests with the widget states of the sidebar controls and the page to show) and `ForwardMsg`
(the elements of the run, then `script_finished`). A session opens the app, then reruns it: it changes the
domains, the side of the border, the period or the language, or switches to another page, waiting a random
think time between actions. Rerun latency is the time from sending the request to `script_finished`.

An error is any of: an exception element, an `st.error` alert, a failed or superseded-without-result run,
a page not found, a closed connection or a run that takes longer than the time-out.

Phases (all bounded in reruns and time, 127.0.0.1 only):
  visitors   the realistic model: 50 visitors arrive over 30 s and read 10–30 s between clicks (6 clicks each);
             target 0 errors and a click p95 ≤ 2 s;
  flood      100 wrong sign-ins submitted at once, each from its own forwarded client address, while 50
             visitors browse as above: their click p95 during the flood ≤ 1.5 × the visitors phase's, the server's
             memory up ≤ 200 MB;
  burst      50 first page loads at the same moment: 0 errors, p95 reported;
  sessions   10, 25 and 50 concurrent sessions, each opening the app and doing a fixed number of reruns;
  upload     25 sessions rerun the overview while an editor, in headless Chromium, signs in, uploads a workbook
             that adds one open bottleneck and confirms the import; every session must show the new count in its
             first rerun that starts after the import, and no session may see an error;
  soak       10 sessions for 5 minutes (sessions end and new ones start, as visitors come and go), with the
             server's resident memory sampled every 5 s.

Results go to bench/results/load.json and bench/results/load.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from twinreg_data.i18n import NP_  # noqa: E402 - the project root is on the path only now

RESULTS = ROOT / "bench" / "results"
CHROMIUM = Path(os.environ.get("TWINREG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EDITOR = ("load-editor", "load editor password")
RUN_TIMEOUT_S = 60.0
THINK_S = (0.5, 2.0)  # back-to-back: the session phases, a stress test
VISITOR_THINK_S = (10.0, 30.0)  # reading time between clicks in the realistic model
ARRIVAL_S = 30.0
VISITOR_P95_TARGET_S = 2.0
P95_TARGET_S = 3.0
SOAK_GROWTH_TARGET_MB = 100.0
UPLOAD_CODE = "BN-901"

FINISHED_OK = {0, 3}  # FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY
FINISHED_COMPILE_ERROR = 1
FINISHED_EARLY_FOR_RERUN = 2
ALERT_ERROR = 1


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_s(pid: int | None) -> float | None:
    """User + system CPU seconds of a process so far (from /proc)."""
    if not pid:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


async def measured(pid: int | None, phase) -> dict:
    """Run a phase and add what it cost: server CPU per run, the load generator's own CPU, the machine's load."""
    import resource

    server_before, own_before = cpu_s(pid), resource.getrusage(resource.RUSAGE_SELF)
    summary = await phase
    own_after, server_after = resource.getrusage(resource.RUSAGE_SELF), cpu_s(pid)
    if server_before is not None and server_after is not None:
        summary["server_cpu_s"] = round(server_after - server_before, 1)
        summary["server_cpu_per_run_s"] = round((server_after - server_before) / max(1, summary["runs"]), 3)
    summary["load_generator_cpu_s"] = round(own_after.ru_utime + own_after.ru_stime - own_before.ru_utime
                                            - own_before.ru_stime, 1)
    summary["machine_load_1min"] = round(os.getloadavg()[0], 2)
    return summary


# -- one session, speaking Streamlit's websocket protocol --------------------------------------------


@dataclass
class RunResult:
    started: float
    latency: float
    action: str
    page: str
    ok: bool
    error: str = ""
    open_bottlenecks: str | None = None


@dataclass
class Session:
    url: str
    rng: random.Random
    name: str
    results: list[RunResult] = field(default_factory=list)
    ws: object = None
    pages: dict[str, str] = field(default_factory=dict)  # url path ("" = overview) → page script hash
    page: str = ""
    query: str = ""
    widgets: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # id → (key, values sent)
    options: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # key → (widget id, options)
    headers: dict[str, str] = field(default_factory=dict)  # sent with the websocket handshake
    text_inputs: list[str] = field(default_factory=list)  # ids of the last run's text inputs, in page order
    buttons: list[str] = field(default_factory=list)  # ids of the last run's (form) buttons
    texts: dict[str, str] = field(default_factory=dict)  # text input id → value sent
    triggers: set[str] = field(default_factory=set)  # buttons pressed in the next rerun only
    _queue: asyncio.Queue | None = None
    _reader: asyncio.Task | None = None

    async def open(self) -> RunResult:
        from websockets.asyncio.client import connect

        self.ws = await connect(self.url, subprotocols=["streamlit"], max_size=None, open_timeout=RUN_TIMEOUT_S,
                                ping_interval=None, compression=None, additional_headers=self.headers or None)
        self._queue = asyncio.Queue()
        self._reader = asyncio.create_task(self._read())
        return await self.rerun("open")

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()

    async def _read(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        try:
            async for data in self.ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                await self._queue.put(msg)
        except Exception as exc:  # the connection broke: the waiting rerun reports it
            await self._queue.put(exc)
        else:
            await self._queue.put(ConnectionError("the server closed the connection"))

    async def rerun(self, action: str) -> RunResult:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.pages.get(self.page, "")
        for widget_id, (_key, values) in self.widgets.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            widget.string_array_value.data.extend(values)
        for widget_id, text in self.texts.items():
            widget = state.widget_states.widgets.add()
            widget.id, widget.string_value = widget_id, text
        for widget_id in self.triggers:
            widget = state.widget_states.widgets.add()
            widget.id, widget.trigger_value = widget_id, True
        self.triggers = set()
        self.text_inputs, self.buttons = [], []
        started = time.monotonic()
        result = RunResult(started, 0.0, action, self.page or "overview", True)
        try:
            await self.ws.send(back.SerializeToString())
            await asyncio.wait_for(self._collect(result), RUN_TIMEOUT_S)
        except TimeoutError:
            result.ok, result.error = False, f"no result within {RUN_TIMEOUT_S:.0f} s"
        except Exception as exc:
            result.ok, result.error = False, f"{type(exc).__name__}: {exc}"
        result.latency = time.monotonic() - started
        self.results.append(result)
        return result

    async def _collect(self, result: RunResult) -> None:
        """Read the run's messages up to its script_finished; note errors and the overview's first figure."""
        metrics = 0
        while True:
            msg = await self._queue.get()
            if isinstance(msg, Exception):
                raise msg
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                etype = element.WhichOneof("type")
                if etype == "exception":
                    result.ok = False
                    result.error = f"exception: {element.exception.type} {element.exception.message}"[:300]
                elif etype == "alert" and element.alert.format == ALERT_ERROR:
                    result.ok = False
                    result.error = f"st.error: {element.alert.body}"[:300]
                elif etype == "metric":
                    if metrics == 0 and result.page == "overview":
                        result.open_bottlenecks = element.metric.body
                    metrics += 1
                elif etype == "text_input":
                    self.text_inputs.append(element.text_input.id)
                elif etype == "button":
                    self.buttons.append(element.button.id)
                elif etype in ("multiselect", "button_group", "slider"):
                    widget = getattr(element, etype)
                    key = widget.id.rsplit("-", 1)[-1]
                    options = [o.content for o in widget.options] if etype == "button_group" else list(widget.options)
                    self.options[key] = (widget.id, options)
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                result.ok, result.error = False, f"page not found: {msg.page_not_found.page_name}"
            elif kind == "script_finished":
                status = msg.script_finished
                if status == FINISHED_EARLY_FOR_RERUN:
                    continue  # the app asked for a rerun itself (st.rerun / st.switch_page): wait for that one
                if status == FINISHED_COMPILE_ERROR:
                    result.ok, result.error = False, "the script did not compile"
                return

    def _set(self, key: str, values: list[str]) -> None:
        widget_id, _ = self.options[key]
        self.widgets = {i: v for i, v in self.widgets.items() if v[0] != key}
        self.widgets[widget_id] = (key, values)

    async def open_sign_in(self) -> RunResult:
        """Go to the sign-in page (after open())."""
        self.page = "sign_in"
        return await self.rerun("sign-in page")

    async def sign_in(self, name: str, password: str) -> RunResult:
        """Fill in the sign-in form shown by open_sign_in() and submit it."""
        if len(self.text_inputs) < 2 or not self.buttons:
            raise RuntimeError("no sign-in form on the page")
        self.texts = {self.text_inputs[0]: name, self.text_inputs[1]: password}
        self.triggers = {self.buttons[0]}
        return await self.rerun("sign in")

    async def act(self, overview_only: bool = False) -> RunResult:
        """One user action: a filter change or a page switch, then the rerun it causes."""
        choices = ["domains", "side", "years", "lang"] + ([] if overview_only else ["page", "page"])
        action = self.rng.choice(choices)
        if action == "page":
            targets = [p for p in self.pages if p not in ("sign_in", "data")]
            self.page = self.rng.choice(targets)
        elif action == "domains" and "w_domains" in self.options and not overview_only:
            _, options = self.options["w_domains"]
            self._set("w_domains", self.rng.sample(options, self.rng.randint(0, 3)))
        elif action == "side" and "w_side" in self.options and not overview_only:
            _, options = self.options["w_side"]
            self._set("w_side", [self.rng.choice(options)])
        elif action == "years" and "w_years" in self.options and not overview_only:
            _, options = self.options["w_years"]
            start = self.rng.randrange(0, len(options) - 1)
            self._set("w_years", [options[start], options[self.rng.randrange(start, len(options))]])
        elif "w_lang" in self.options:
            action = "lang"
            _, options = self.options["w_lang"]
            self._set("w_lang", [self.rng.choice(options)])
            # Labels of the other controls change with the language: they start again from the view.
            self.widgets = {i: v for i, v in self.widgets.items() if v[0] == "w_lang"}
        return await self.rerun(action)


async def think(rng: random.Random, think_s: tuple[float, float] = THINK_S) -> None:
    await asyncio.sleep(rng.uniform(*think_s))


async def session_task(url: str, seed: int, reruns: int, deadline: float, delay: float,
                       overview_only: bool = False, until=None, think_s: tuple[float, float] = THINK_S) -> Session:
    """Open the app, then act and rerun `reruns` times (or until `until(session)` is true) before `deadline`."""
    rng = random.Random(seed)
    session = Session(url, rng, f"s{seed}")
    await asyncio.sleep(delay)
    try:
        first = await session.open()
        if first.ok:
            for _ in range(reruns):
                if time.monotonic() > deadline or (until is not None and until(session)):
                    break
                await think(rng, think_s)
                await session.act(overview_only)
    except Exception as exc:
        session.results.append(RunResult(time.monotonic(), 0.0, "open", "overview", False,
                                         f"{type(exc).__name__}: {exc}"))
    finally:
        await session.close()
    return session


def summarise(sessions: list[Session], seconds: float) -> dict:
    runs = [r for s in sessions for r in s.results]
    reruns = [r for r in runs if r.action != "open"]
    opens = [r for r in runs if r.action == "open"]
    latencies = [r.latency for r in reruns if r.ok]
    open_latencies = [r.latency for r in opens if r.ok]
    errors = [f"{s.name} {r.action} {r.page}: {r.error}" for s in sessions for r in s.results if not r.ok]
    rnd = lambda v: None if v is None else round(v, 3)  # noqa: E731
    return {
        "sessions": len(sessions),
        "runs": len(runs),
        "reruns": len(reruns),
        "errors": len(errors),
        "error_samples": errors[:10],
        "rerun_p50_s": rnd(percentile(latencies, 0.5)),
        "rerun_p95_s": rnd(percentile(latencies, 0.95)),
        "rerun_max_s": rnd(max(latencies, default=None) if latencies else None),
        "open_p50_s": rnd(percentile(open_latencies, 0.5)),
        "open_p95_s": rnd(percentile(open_latencies, 0.95)),
        "reruns_per_s": round(len(runs) / seconds, 2) if seconds else None,
        "seconds": round(seconds, 1),
        "by_page_p95_s": {page: rnd(percentile([r.latency for r in reruns if r.ok and r.page == page], 0.95))
                          for page in sorted({r.page for r in reruns})},
    }


async def phase_sessions(url: str, count: int, reruns: int, limit_s: float, seed: int) -> dict:
    started = time.monotonic()
    deadline = started + limit_s
    tasks = [session_task(url, seed * 1000 + i, reruns, deadline, delay=random.Random(seed + i).uniform(0, 2))
             for i in range(count)]
    sessions = await asyncio.gather(*tasks)
    return summarise(list(sessions), time.monotonic() - started)


async def phase_visitors(url: str, count: int, actions: int, limit_s: float, seed: int) -> dict:
    """The realistic model: `count` visitors arrive over the first ARRIVAL_S seconds and read 10–30 s
    (VISITOR_THINK_S) between clicks, as people reading a dashboard do."""
    started = time.monotonic()
    deadline = started + limit_s
    rng = random.Random(seed)
    tasks = [session_task(url, seed * 1000 + i, actions, deadline, delay=rng.uniform(0, ARRIVAL_S),
                          think_s=VISITOR_THINK_S) for i in range(count)]
    sessions = await asyncio.gather(*tasks)
    return summarise(list(sessions), time.monotonic() - started)


async def phase_flood(url: str, pid: int | None, visitors: int, actions: int, attempts: int, seed: int) -> dict:
    """`attempts` wrong sign-ins submitted at the same moment, each from its own client address (a forwarded
    header from the trusted local proxy, so that the per-client limits do not stop them before the password is
    hashed), while `visitors` browse as in the visitors phase. Their clicks during the flood are compared with
    the visitors phase; the server's memory is sampled every 0.25 s."""
    rng = random.Random(seed)
    attackers = [Session(url, random.Random(seed + i), f"a{i}",
                         headers={"X-Forwarded-For": f"198.51.100.{i % 254 + 1}"}) for i in range(attempts)]
    for chunk in range(0, attempts, 10):  # open the attackers' sessions first, ten at a time (not measured)
        await asyncio.gather(*(a.open() for a in attackers[chunk:chunk + 10]))
    await asyncio.gather(*(a.open_sign_in() for a in attackers))
    started = time.monotonic()
    flood: dict[str, float] = {}
    samples: list[float] = []

    async def attack() -> list[RunResult]:
        await asyncio.sleep(ARRIVAL_S + 5)  # once every visitor is reading
        flood["start"], flood["rss_before"] = time.monotonic(), rss_mb(pid) if pid else 0.0
        results = await asyncio.gather(*(a.sign_in(f"visitor{i % 7}", "a wrong password, guessed")
                                         for i, a in enumerate(attackers)))
        flood["end"] = time.monotonic()
        return list(results)

    async def sample() -> None:
        while "end" not in flood:
            if "start" in flood and pid:
                samples.append(rss_mb(pid) or 0.0)
            await asyncio.sleep(0.25)

    sampler = asyncio.create_task(sample())
    tasks = [session_task(url, seed * 1000 + i, actions, started + 600, delay=rng.uniform(0, ARRIVAL_S),
                          think_s=VISITOR_THINK_S) for i in range(visitors)]
    browsing, answers = await asyncio.gather(asyncio.gather(*tasks), attack())
    await sampler
    for a in attackers:
        await a.close()
    during = [r.latency for s in browsing for r in s.results
              if r.ok and r.action != "open" and flood["start"] <= r.started <= flood["end"]]
    refused = sum(1 for r in answers if not r.ok and "st.error" in r.error)
    summary = summarise(list(browsing), time.monotonic() - started)
    summary.update({
        "attempts": attempts, "attempts_refused_with_the_message": refused,
        "flood_seconds": round(flood["end"] - flood["start"], 1),
        "clicks_during_flood": len(during),
        "click_p95_during_flood_s": None if not during else round(percentile(during, 0.95), 3),
        "rss_before_flood_mb": round(flood["rss_before"], 1),
        "rss_max_during_flood_mb": round(max(samples, default=flood["rss_before"]), 1),
    })
    summary["rss_rise_mb"] = round(summary["rss_max_during_flood_mb"] - summary["rss_before_flood_mb"], 1)
    return summary


async def phase_burst(url: str, count: int, seed: int) -> dict:
    """`count` first page loads at the same moment (a meeting room opening the link together)."""
    started = time.monotonic()
    tasks = [session_task(url, seed * 1000 + i, 0, started + RUN_TIMEOUT_S * 2, delay=0) for i in range(count)]
    sessions = await asyncio.gather(*tasks)
    return summarise(list(sessions), time.monotonic() - started)


# -- the upload during the load -------------------------------------------------------------------


def upload_workbook(directory: Path) -> Path:
    """One new open bottleneck: the overview's 'Open bottlenecks' goes up by one for every visitor."""
    import openpyxl

    from twinreg_data.schema import TABLES_BY_NAME

    row = dict(code=UPLOAD_CODE, domain="mobility", title_en="Load test: ferry timetables not shared",
               side="both", level="regional", severity=2, source="roundtable", identified_on=dt.date(2026, 1, 15))
    columns = TABLES_BY_NAME["bottlenecks"].column_names
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "bottlenecks"
    ws.append(columns)
    ws.append([row.get(c) for c in columns])
    path = directory / "load-upload.xlsx"
    wb.save(path)
    return path


def editor_upload(base_url: str, workbook: Path, marks: dict) -> None:
    """Sign in as an editor in headless Chromium, upload the workbook on the Data page and confirm the import."""
    from playwright.sync_api import sync_playwright

    from twinreg_data.i18n import t

    idle = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2200})
        page.goto(f"{base_url}/sign_in?lang=en", wait_until="domcontentloaded")
        page.wait_for_selector(idle, timeout=120_000)
        page.get_by_role("textbox", name=t("User name", "en")).fill(EDITOR[0])
        page.get_by_role("textbox", name=t("Password", "en")).fill(EDITOR[1])
        page.get_by_role("button", name=t(NP_("signin.submit", "Sign in"), "en")).click()
        page.get_by_text(t("Data", "en"), exact=True).first.wait_for(timeout=120_000)
        page.wait_for_selector(idle, timeout=120_000)
        page.get_by_text(t("Data", "en"), exact=True).first.click()
        page.wait_for_selector(idle, timeout=120_000)
        marks["upload_started"] = time.monotonic()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(workbook))
        confirm = page.get_by_role("button", name=t("Import now", "en"))
        confirm.wait_for(timeout=120_000)
        marks["confirm_clicked"] = time.monotonic()
        confirm.click()
        page.get_by_text("Imported as import #").wait_for(timeout=120_000)
        marks["import_done"] = time.monotonic()
        marks["editor_exceptions"] = page.locator('[data-testid="stException"]').count()
        browser.close()


async def phase_upload(base_url: str, url: str, count: int, seconds: float, seed: int, workdir: Path) -> dict:
    """`count` sessions rerun the overview; an editor imports one new open bottleneck in the middle."""
    workbook = upload_workbook(workdir)
    marks: dict = {}
    started = time.monotonic()
    deadline = started + seconds

    def seen_twice_after_import(session: Session) -> bool:
        done = marks.get("import_done")
        return done is not None and sum(1 for r in session.results if r.started > done) >= 2

    # The editor (headless Chromium) signs in, uploads and confirms while the sessions rerun; each session goes
    # on until two of its reruns started after the import was done (or the phase's time limit).
    upload = asyncio.create_task(asyncio.to_thread(editor_upload, base_url, workbook, marks))
    tasks = [session_task(url, seed * 1000 + i, 10_000, deadline, delay=random.Random(seed + i).uniform(0, 2),
                          overview_only=True, until=seen_twice_after_import) for i in range(count)]
    sessions = await asyncio.gather(*tasks)
    upload_error = ""
    try:
        await asyncio.wait_for(upload, 300)
    except Exception as exc:
        upload_error = f"{type(exc).__name__}: {exc}"
    summary = summarise(list(sessions), time.monotonic() - started)
    done, clicked = marks.get("import_done"), marks.get("confirm_clicked")
    before_values, after_values, stale, saw_change = set(), set(), [], 0
    for session in sessions:
        runs = [r for r in session.results if r.ok and r.open_bottlenecks is not None]
        after = [r for r in runs if done is not None and r.started > done]
        before = [r for r in runs if clicked is not None and r.started + r.latency < clicked]
        before_values.update(r.open_bottlenecks for r in before)
        after_values.update(r.open_bottlenecks for r in after)
        if after:
            saw_change += 1
        if after and before and after[0].open_bottlenecks == before[-1].open_bottlenecks:
            stale.append(session.name)
    summary.update({
        "upload_error": upload_error,
        "editor_exceptions": marks.get("editor_exceptions"),
        "upload_to_import_s": round(done - marks["upload_started"], 2) if done and "upload_started" in marks
        else None,
        "open_bottlenecks_before": sorted(before_values),
        "open_bottlenecks_after": sorted(after_values),
        "sessions_with_a_rerun_after_the_import": saw_change,
        "sessions_still_showing_the_old_value": len(stale),
        "every_session_saw_the_change": bool(done) and saw_change == len(sessions) and not stale
        and len(after_values) == 1 and len(before_values) == 1 and before_values != after_values,
    })
    return summary


# -- soak -------------------------------------------------------------------------------------------


async def phase_soak(url: str, pid: int | None, count: int, seconds: float, seed: int, sample_s: float = 5.0) -> dict:
    samples: list[tuple[float, float]] = []
    started = time.monotonic()
    deadline = started + seconds
    stop = asyncio.Event()

    async def sample() -> None:
        while not stop.is_set():
            value = rss_mb(pid) if pid else None
            if value is not None:
                samples.append((round(time.monotonic() - started, 1), round(value, 1)))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), sample_s)

    async def visitor(slot: int) -> list[Session]:
        # Visitors come and go: each session does 5–15 actions, then a new one takes its place.
        done, n = [], 0
        while time.monotonic() < deadline:
            rng = random.Random(seed * 10_000 + slot * 100 + n)
            done.append(await session_task(url, seed * 10_000 + slot * 100 + n, rng.randint(5, 15), deadline,
                                           delay=rng.uniform(0, 1)))
            n += 1
        return done

    sampler = asyncio.create_task(sample())
    visitors = await asyncio.gather(*(visitor(i) for i in range(count)))
    stop.set()
    await sampler
    sessions = [s for group in visitors for s in group]
    summary = summarise(sessions, time.monotonic() - started)
    summary["sessions_opened"] = summary.pop("sessions")
    summary["concurrent_sessions"] = count
    if samples:
        first, last = samples[0][1], samples[-1][1]
        summary.update({"rss_start_mb": first, "rss_end_mb": last, "rss_max_mb": max(v for _, v in samples),
                        "rss_growth_mb": round(last - first, 1), "rss_samples": samples})
    return summary


# -- the server -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def health_ok(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def start_server(workdir: Path) -> tuple[subprocess.Popen, str]:
    """A fresh demo database (built with the project CLI) with an editor account, served on 127.0.0.1."""
    db = workdir / "load.duckdb"
    env = {**os.environ, "TWINREG_DB": str(db), "TWINREG_BACKUP_DIR": str(workdir / "backups"),
           "PYTHONUNBUFFERED": "1"}
    subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(db), "init", "--demo"], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=600)
    from twinreg_data import auth
    from twinreg_data.store import Store

    store = Store(db)
    auth.add_user(store, *EDITOR, "editor")
    store.close()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = (workdir / "server.log").open("wb")
    # The flood phase's attackers come through "the proxy" on 127.0.0.1, each with its own forwarded address.
    secrets_file = workdir / "secrets.toml"
    secrets_file.write_text('[twinreg]\ntrusted_proxies = ["127.0.0.1", "::1"]\n')
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "server.py", "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets_file)],
                            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while not health_ok(base_url):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the server did not start; see {workdir / 'server.log'}")
        time.sleep(0.25)
    return proc, base_url


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


def local_only(base_url: str) -> str:
    host = urllib.parse.urlsplit(base_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"refusing to load {host}: this test runs against a local server only")
    return base_url.rstrip("/")


# -- report -----------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    import duckdb
    import streamlit

    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(), "platform": platform.platform(),
            "streamlit": streamlit.__version__, "duckdb": duckdb.__version__}


def _trend(samples: list) -> str:
    """Where the growth happened: the first 30 s (new filter combinations fill the query cache) or later."""
    early = [v for t, v in samples if t >= 30]
    if not early:
        return ""
    later = round(samples[-1][1] - early[0], 1)
    return (f" After the first 30 s ({early[0]} MB) the rest of the soak added {later} MB; samples every 5 s "
            "are in load.json.")


def markdown(result: dict) -> str:
    phases = result["phases"]
    lines = [
        "# Load test",
        "",
        f"Run {result['finished_at']} with `{result['command']}` on {result['machine']['cpus']} CPU(s) "
        f"({result['machine']['cpu'] or 'unknown CPU'}), Python {result['machine']['python']}, "
        f"Streamlit {result['machine']['streamlit']}, DuckDB {result['machine']['duckdb']}. The server, the "
        "load generator and (for the upload) headless Chromium share these CPUs.",
        "",
        "Each session speaks Streamlit's websocket protocol (`/_stcore/stream`, protobuf BackMsg/ForwardMsg) "
        "like the browser frontend: it opens the app, then reruns it after a think time, changing domains, side, "
        "period or language or switching page. Latency is request → `script_finished`. Errors: exception "
        f"elements, `st.error` alerts, failed runs, closed connections, runs over {RUN_TIMEOUT_S:.0f} s. Demo "
        "database; server on 127.0.0.1.",
    ]
    if "visitors" in phases or "burst" in phases:
        lines += ["", "## Visitors as they come (the realistic model)", "",
                  f"Visitors arrive over {ARRIVAL_S:.0f} s and read {VISITOR_THINK_S[0]:.0f}–"
                  f"{VISITOR_THINK_S[1]:.0f} s between clicks; the burst opens the app in every session at the same "
                  "moment.", "",
                  "| phase | sessions | clicks | errors | click p50 | click p95 | first load p50 | first load p95 | "
                  "server CPU per run | machine load (1 min) |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        flood_label = f"visitors during {phases['flood']['attempts']} wrong sign-ins" if "flood" in phases else ""
        for key, label in (("visitors", "visitors"), ("flood", flood_label), ("burst", "burst of first loads")):
            if key in phases:
                p = phases[key]
                lines.append(f"| {label} | {p['sessions']} | {p['reruns']} | {p['errors']} | {p['rerun_p50_s']} s | "
                             f"{p['rerun_p95_s']} s | {p['open_p50_s']} s | {p['open_p95_s']} s | "
                             f"{p.get('server_cpu_per_run_s', '–')} s | {p['machine_load_1min']} |")
    lines += ["", "## Back-to-back sessions (a stress test)", "",
              f"Think time {THINK_S[0]}–{THINK_S[1]} s between reruns: far more clicks per visitor than people make.",
              "",
              "| sessions | reruns | errors | rerun p50 | rerun p95 | rerun max | first load p50 | runs/s | "
              "server CPU per run | machine load (1 min) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key in sorted((k for k in phases if k.startswith("sessions_")), key=lambda k: int(k.split("_")[1])):
        p = phases[key]
        lines.append(f"| {p['sessions']} | {p['reruns']} | {p['errors']} | {p['rerun_p50_s']} s | "
                     f"{p['rerun_p95_s']} s | {p['rerun_max_s']} s | {p['open_p50_s']} s | {p['reruns_per_s']} | "
                     f"{p.get('server_cpu_per_run_s', '–')} s | {p['machine_load_1min']} |")
    lines += ["", "## Targets", ""]
    for name, ok, detail in result["targets"]:
        lines.append(f"- {'PASS' if ok else 'FAIL'} — {name}: {detail}")
    if "upload" in phases:
        u = phases["upload"]
        lines += ["", "## One upload during the load", "",
                  f"{u['sessions']} sessions reran the overview ({u['reruns']} reruns, {u['errors']} errors, "
                  f"p95 {u['rerun_p95_s']} s) while an editor in headless Chromium signed in, uploaded a workbook "
                  f"adding bottleneck {UPLOAD_CODE} and confirmed the import (upload to import done: "
                  f"{u['upload_to_import_s']} s). 'Open bottlenecks' before the import: "
                  f"{', '.join(u['open_bottlenecks_before']) or '–'}; in every rerun started after it: "
                  f"{', '.join(u['open_bottlenecks_after']) or '–'}. Sessions with a rerun after the import: "
                  f"{u['sessions_with_a_rerun_after_the_import']} of {u['sessions']}; still showing the old "
                  f"value: {u['sessions_still_showing_the_old_value']}. Editor page exceptions: "
                  f"{u['editor_exceptions']}. {('Upload error: ' + u['upload_error']) if u['upload_error'] else ''}"]
    if "soak" in phases:
        s = phases["soak"]
        lines += ["", "## Soak", "",
                  f"{s['concurrent_sessions']} concurrent sessions for {s['seconds']:.0f} s; visitors came and went "
                  f"({s['sessions_opened']} sessions opened, {s['reruns']} reruns, {s['errors']} errors, rerun p95 "
                  f"{s['rerun_p95_s']} s). Server resident memory: {s.get('rss_start_mb')} MB at the start, "
                  f"{s.get('rss_end_mb')} MB at the end (max {s.get('rss_max_mb')} MB): growth "
                  f"**{s.get('rss_growth_mb')} MB**." + _trend(s.get("rss_samples") or [])]
    if result.get("server_rss_mb"):
        lines += ["", "Server memory after each phase (MB): " + ", ".join(
            f"{k} {v}" for k, v in result["server_rss_mb"].items())]
    errors = [e for p in phases.values() for e in p.get("error_samples", [])]
    if errors:
        lines += ["", "## Error samples", ""] + [f"- `{e}`" for e in errors[:20]]
    return "\n".join(lines) + "\n"


async def run(args: argparse.Namespace, base_url: str, pid: int | None, workdir: Path) -> dict:
    ws_url = base_url.replace("http://", "ws://").replace("https://", "wss://") + "/_stcore/stream"
    phases: dict[str, dict] = {}
    memory: dict[str, float | None] = {"start": rss_mb(pid) if pid else None}
    # Warm-up (not reported): the first runs compile pages and fill the query cache.
    await phase_sessions(ws_url, 3, 6, 120, seed=1)
    memory["after warm-up"] = rss_mb(pid) if pid else None
    if args.visitors:
        print(f"phase: {args.visitors} visitors reading 10–30 s between clicks", flush=True)
        phases["visitors"] = await measured(pid, phase_visitors(ws_url, args.visitors, args.visitor_actions,
                                                                args.visitor_limit, seed=7))
        memory["after visitors"] = rss_mb(pid) if pid else None
        print(json.dumps({k: v for k, v in phases["visitors"].items() if k != "error_samples"}), flush=True)
    if args.flood:
        print(f"phase: {args.flood} wrong sign-ins at once while {args.visitors} visitors browse", flush=True)
        phases["flood"] = await measured(pid, phase_flood(ws_url, pid, args.visitors, args.visitor_actions,
                                                          args.flood, seed=13))
        memory["after flood"] = rss_mb(pid) if pid else None
        print(json.dumps({k: v for k, v in phases["flood"].items() if k != "error_samples"}), flush=True)
    if args.burst:
        print(f"phase: burst of {args.burst} first page loads", flush=True)
        phases["burst"] = await measured(pid, phase_burst(ws_url, args.burst, seed=11))
        memory["after burst"] = rss_mb(pid) if pid else None
        print(json.dumps({k: v for k, v in phases["burst"].items() if k != "error_samples"}), flush=True)
    for count in args.sessions:
        print(f"phase: {count} sessions", flush=True)
        phases[f"sessions_{count}"] = await measured(pid, phase_sessions(ws_url, count, args.reruns, args.phase_limit,
                                                                         seed=count))
        memory[f"after {count} sessions"] = rss_mb(pid) if pid else None
        print(json.dumps({k: v for k, v in phases[f"sessions_{count}"].items() if k != "error_samples"}), flush=True)
    if not args.no_upload:
        print("phase: upload during load", flush=True)
        phases["upload"] = await measured(pid, phase_upload(base_url, ws_url, args.upload_sessions,
                                                            args.upload_seconds, 99, workdir))
        memory["after upload"] = rss_mb(pid) if pid else None
        print(json.dumps({k: v for k, v in phases["upload"].items() if k != "error_samples"}), flush=True)
    if args.soak > 0:
        print(f"phase: soak {args.soak:.0f} s", flush=True)
        phases["soak"] = await measured(pid, phase_soak(ws_url, pid, args.soak_sessions, args.soak, seed=5))
        memory["after soak"] = rss_mb(pid) if pid else None
        print(json.dumps({k: v for k, v in phases["soak"].items() if k not in ("error_samples", "rss_samples")}),
              flush=True)
    targets = []
    if "visitors" in phases:
        v = phases["visitors"]
        targets.append((f"{v['sessions']} visitors reading 10–30 s between clicks: 0 errors", v["errors"] == 0,
                        f"{v['errors']} errors in {v['runs']} runs"))
        targets.append((f"{v['sessions']} visitors: click (rerun) p95 ≤ {VISITOR_P95_TARGET_S:.0f} s",
                        v["rerun_p95_s"] is not None and v["rerun_p95_s"] <= VISITOR_P95_TARGET_S,
                        f"{v['rerun_p95_s']} s (first page load p95 {v['open_p95_s']} s)"))
    if "flood" in phases and "visitors" in phases:
        f, base = phases["flood"], phases["visitors"]["rerun_p95_s"]
        during = f["click_p95_during_flood_s"]
        targets.append((f"{f['attempts']} parallel wrong sign-ins: visitors' click p95 at most 1.5 × without them",
                        during is not None and base is not None and during <= 1.5 * base,
                        f"{during} s during the flood ({f['clicks_during_flood']} clicks) vs {base} s "
                        f"({'–' if not during or not base else f'{during / base:.2f}×'})"))
        targets.append((f"{f['attempts']} parallel wrong sign-ins: server memory rises ≤ 200 MB",
                        f["rss_rise_mb"] <= 200, f"{f['rss_before_flood_mb']} → max {f['rss_max_during_flood_mb']} "
                        f"MB (+{f['rss_rise_mb']} MB); {f['attempts_refused_with_the_message']} of {f['attempts']} "
                        f"refused with the message, in {f['flood_seconds']} s"))
    if "burst" in phases:
        b = phases["burst"]
        targets.append((f"a burst of {b['sessions']} first page loads: 0 errors", b["errors"] == 0,
                        f"{b['errors']} errors; first load p50 {b['open_p50_s']} s, p95 {b['open_p95_s']} s"))
    if "sessions_50" in phases:
        targets.append(("0 errors at 50 sessions", phases["sessions_50"]["errors"] == 0,
                        f"{phases['sessions_50']['errors']} errors in {phases['sessions_50']['runs']} runs"))
    if "sessions_10" in phases:
        p95 = phases["sessions_10"]["rerun_p95_s"]
        targets.append((f"rerun p95 ≤ {P95_TARGET_S:.0f} s at 10 sessions", p95 is not None and p95 <= P95_TARGET_S,
                        f"{p95} s"))
    if "upload" in phases:
        u = phases["upload"]
        targets.append(("one upload changes what every session sees, with no error",
                        u["every_session_saw_the_change"] and u["errors"] == 0 and not u["upload_error"],
                        f"{u['sessions_with_a_rerun_after_the_import']}/{u['sessions']} sessions saw "
                        f"{u['open_bottlenecks_before']} → {u['open_bottlenecks_after']}, {u['errors']} errors"))
    if "soak" in phases and "rss_growth_mb" in phases["soak"]:
        growth = phases["soak"]["rss_growth_mb"]
        targets.append((f"memory growth ≤ {SOAK_GROWTH_TARGET_MB:.0f} MB over the {args.soak:.0f} s soak",
                        growth <= SOAK_GROWTH_TARGET_MB, f"{growth} MB"))
    return {"phases": phases, "targets": targets, "server_rss_mb": {k: None if v is None else round(v, 1)
                                                                    for k, v in memory.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an already running local server (default: start one)")
    parser.add_argument("--pid", type=int, help="its process id, for the memory figures")
    parser.add_argument("--visitors", type=int, default=50, help="visitors in the realistic model (0: none)")
    parser.add_argument("--visitor-actions", type=int, default=6, help="clicks per visitor")
    parser.add_argument("--visitor-limit", type=float, default=420.0, help="time limit of the visitors phase (s)")
    parser.add_argument("--burst", type=int, default=50, help="first page loads at once (0: none)")
    parser.add_argument("--flood", type=int, default=100, help="wrong sign-ins at once during browsing (0: none)")
    parser.add_argument("--sessions", default="10,25,50", help="session counts, comma-separated")
    parser.add_argument("--reruns", type=int, default=8, help="reruns per session in the session phases")
    parser.add_argument("--phase-limit", type=float, default=240.0, help="time limit of each session phase (s)")
    parser.add_argument("--upload-sessions", type=int, default=25)
    parser.add_argument("--upload-seconds", type=float, default=300.0, help="time limit of the upload phase (s)")
    parser.add_argument("--no-upload", action="store_true")
    parser.add_argument("--soak", type=float, default=300.0, help="soak seconds (0: no soak)")
    parser.add_argument("--soak-sessions", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="short phases: a smoke run, results not written")
    parser.add_argument("--out", default=str(RESULTS), help="folder for load.json and load.md")
    args = parser.parse_args()
    args.sessions = [int(n) for n in args.sessions.split(",") if n.strip()]
    if args.quick:
        args.sessions, args.reruns, args.soak = [5, 10], 3, 30.0
        args.visitors, args.visitor_actions, args.burst, args.flood = 10, 2, 10, 10
    workdir = Path(tempfile.mkdtemp(prefix="twinreg-load-"))
    proc = None
    try:
        if args.url:
            base_url, pid = local_only(args.url), args.pid
        else:
            proc, base_url = start_server(workdir)
            pid = proc.pid
        print(f"server {base_url} (pid {pid})", flush=True)
        started = time.monotonic()
        result = asyncio.run(run(args, base_url, pid, workdir))
    finally:
        if proc is not None:
            stop_server(proc)
    result.update({
        "finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - started, 1),
        "command": "python bench/load.py " + " ".join(sys.argv[1:]),
        "machine": machine(),
        "settings": {"think_s": THINK_S, "visitor_think_s": VISITOR_THINK_S, "arrival_s": ARRIVAL_S,
                     "visitors": args.visitors, "visitor_actions": args.visitor_actions, "burst": args.burst,
                     "run_timeout_s": RUN_TIMEOUT_S, "reruns_per_session": args.reruns,
                     "sessions": args.sessions, "upload_sessions": args.upload_sessions,
                     "soak_s": args.soak, "soak_sessions": args.soak_sessions},
    })
    print(markdown(result))
    if not args.quick:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "load.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        (out / "load.md").write_text(markdown(result))
        print(f"written {out / 'load.json'} and {out / 'load.md'}")
    if (workdir / "server.log").exists():  # kept for a look at any error (bench/out/ is not committed)
        (ROOT / "bench" / "out").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(workdir / "server.log", ROOT / "bench" / "out" / "load-server.log")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if all(ok for _, ok, _ in result["targets"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
