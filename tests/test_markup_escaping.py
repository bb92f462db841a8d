"""Text from the database or an upload is never rendered as Markdown or HTML (issue 22, item 3).

A workbook built with tests/factories.py puts links, images, HTML, scripts and bare addresses into every free-text
column of every table (names, titles, descriptions, notes, sources, owners, leads, benchmark regions, flow sources,
aliases) and is imported, under a hostile file name, through the real importer on top of the demo data. Then every
page is checked in AppTest (no Markdown-rendering element holds unescaped link, image or HTML syntax; no plotly
label or hover holds live HTML) and in Chromium (no request leaves for the host in the data; no link, image or
script of that host is in the DOM; the text reads literally, without backslashes).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_database, run_app, sign_in, streamlit_server
from factories import base_sheets, extra_sheets, write_xlsx

from twinreg_data.schema import TABLES_BY_NAME
from twinreg_data.textsafe import html_text, markdown_text

HOST = "evil.example"
PAYLOADS = [
    f"[x](http://{HOST}/x)",
    f"![p](http://{HOST}/pixel.png)",
    f"<img src=http://{HOST}/i.png>",
    f"<script>fetch('http://{HOST}/s')</script>",
    f"http://{HOST}/bare",
    f"www.{HOST} *em* :red[c] $x$ <a href=http://{HOST}/a>a</a>",
]
FILE_NAME = f"<img src=http://{HOST}/f.png> [f](http://{HOST}/f).xlsx"
EDITOR = ("hostile-editor", "a long hostile password")


def hostile_sheets() -> dict[str, list[list[object]]]:
    """The factories' rows of every table with every free-text column (kind text, no pattern, not the code)
    replaced by one of the payloads, in turn, so that each payload lands in many columns."""
    out = {}
    for name, rows in {**base_sheets(), **extra_sheets()}.items():
        columns = TABLES_BY_NAME[name].columns
        new = [list(rows[0])]
        for r, values in enumerate(rows[1:]):
            values = list(values)
            for i, column in enumerate(columns):
                if column.kind == "text" and not column.pattern and column.name != "code":
                    values[i] = PAYLOADS[(r + i) % len(PAYLOADS)]
            new.append(values)
        out[name] = new
    return out


@pytest.fixture(scope="module")
def hostile_db_path(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from twinreg_data import auth
    from twinreg_data.ingest.apply import import_file
    from twinreg_data.store import Store

    folder = tmp_path_factory.mktemp("hostile-db")
    path = copy_database(demo_db_path, folder)
    store = Store(path)
    report = import_file(store, write_xlsx(folder / "hostile.xlsx", hostile_sheets()), user=EDITOR[0],
                         display_name=FILE_NAME)
    assert report.status == "applied", [p.as_dict() for p in report.problems]
    auth.add_user(store, *EDITOR, "editor")
    store.close()
    return path


@pytest.fixture
def hostile_db(hostile_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from twinreg_data.store import close_store

    path = tmp_path / "hostile.duckdb"
    shutil.copyfile(hostile_db_path, path)
    monkeypatch.setenv("TWINREG_DB", str(path))
    yield path
    close_store(path)


# -- the helper --------------------------------------------------------------------------------------------------


def test_markdown_text_escapes_every_control_character_and_autolink():
    wj = "\u2060"  # a word joiner: backslash escapes do not stop GitHub's autolinks
    assert markdown_text("[x](http://a.b/c)") == rf"\[x\]\(http{wj}\://a\.b/c\)"
    assert markdown_text("![p](u) <img> `c` *e* _u_ ~s~ $m$ :red[c] # h | t") == (
        r"\!\[p\]\(u\) \<img\> \`c\` \*e\* \_u\_ \~s\~ \$m\$ \:red\[c\] \# h \| t")
    assert markdown_text("www.a.b mail@a.b 1. item - item + item") == (
        rf"www{wj}\.a\.b mail\@{wj}a\.b 1\. item \- item \+ item")
    assert markdown_text("Helsinki–Tallinn, Põhja-Eesti 2024") == r"Helsinki–Tallinn, Põhja\-Eesti 2024"
    assert markdown_text(None) == "" and markdown_text(float("nan")) == "" and markdown_text(12) == "12"


def test_html_text_escapes_markup_quotes_and_line_breaks():
    assert html_text("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"
    assert html_text("a\n\nb") == "a&#10;&#10;b"  # a blank line would end an HTML block in Markdown
    assert html_text(None) == ""


# -- AppTest: every page ------------------------------------------------------------------------------------------

# Proto fields that Streamlit renders as Markdown (bodies of markdown, headings, captions, alerts and toasts;
# labels and help of metrics and widgets; expander, tab and dialog titles).
MARKDOWN_FIELDS = {"body", "label", "help", "title", "delta_description", "caption"}
LIVE_MARKDOWN = [
    re.compile(r"(?<!\\)\]\("),  # [text](url) and ![alt](url)
    re.compile(r"(?<!\\)<(?:img|script|a)\b", re.I),  # raw HTML
    # Autolinks: GitHub's are found after the escapes are gone, so only a word joiner stops them.
    re.compile(r"(?:https?|www)\\?[:.]", re.I), re.compile("@(?!\u2060)"),
    re.compile(r"evil(?!\\\.example)\.example"),  # any unescaped address
    re.compile(r"(?<!\\)\*em(?<!\\)\*"), re.compile(r"(?<!\\):red(?<!\\)\["),  # emphasis, colour directive
]
# Live HTML in a plotly figure; the one link the app writes itself (the maps' boundary licence) is allowed.
LIVE_PLOTLY = re.compile(r"<(?:img|script|a)\b(?! href=\\?\"https://creativecommons\.org/licenses/by/4\.0/\\?\")",
                         re.I)
LIVE_HTML = re.compile(r"<(?:img|script|a)\b[^>]*" + re.escape(HOST) + "|<script>fetch", re.I)


def _strings(message, prefix: str = ""):
    """(field path, text) of every string field of a proto message, nested messages included."""
    for field, value in message.ListFields():
        single = isinstance(value, (str, bytes)) or hasattr(value, "ListFields") or not hasattr(value, "__iter__")
        values = [value] if single else value
        for item in values:
            if isinstance(item, str):
                yield field.name, item
            elif hasattr(item, "ListFields"):
                yield from _strings(item, prefix + field.name + ".")


def _nodes(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def check_page(at) -> int:
    """Assert that no Markdown element of the AppTest `at` renders markup from the data and no plotly figure holds
    live HTML; return how many Markdown fields and figures show the (escaped) hostile text, to prove the data was on
    screen."""
    assert not at.exception, [e.value for e in at.exception]
    shown = 0
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields") or node.type in ("text", "code"):
            continue  # st.text and st.code show text literally
        if node.type == "plotly_chart":
            spec = json.loads(proto.spec)
            text = json.dumps(spec, ensure_ascii=False)
            assert not LIVE_PLOTLY.search(text), LIVE_PLOTLY.search(text).group()
            shown += HOST in text
            continue
        if node.type == "html":  # the meeting's slides: HTML, not Markdown
            assert not LIVE_HTML.search(proto.body), LIVE_HTML.search(proto.body).group()
            shown += HOST in proto.body
            continue
        for name, text in _strings(proto):
            if name not in MARKDOWN_FIELDS:
                continue
            for pattern in LIVE_MARKDOWN:
                assert not pattern.search(text), f"{node.type}.{name} renders {pattern.pattern!r}: {text!r}"
            shown += "evil\\.example" in text
    return shown


PAGES = [
    # Mobility: the hostile ferry name is among the movers (clear changes come first, and every domain has some).
    ("pages/overview.py", {"domain": "mobility"}),
    ("pages/bottlenecks.py", {"bn": "BN-001"}),
    ("pages/bottlenecks.py", {"bn": "BN-002"}),
    ("pages/indicators.py", {"ind": "MOB_FERRY_PAX"}),
    ("pages/indicators.py", {"ind": "DIG_EID_USES"}),
    ("pages/indicators.py", {"ind": "INT_POPULATION", "ind_tab": "map"}),
    ("pages/mobility.py", {}),
    ("pages/services.py", {}),
    ("pages/cooperation.py", {}),
    ("pages/meeting.py", {}),
]


@pytest.mark.parametrize(("page", "query"), PAGES, ids=[f"{p.split('/')[1][:-3]}-{'-'.join(q.values())}"
                                                       for p, q in PAGES])
def test_no_page_renders_markup_from_the_data(hostile_db, page, query):
    at = run_app(query=query)
    at.switch_page(page).run()
    shown = check_page(at)
    while page == "pages/meeting.py" and not at.button(key="mt-next").disabled:  # every slide
        at.button(key="mt-next").click().run()
        shown += check_page(at)
    if page != "pages/services.py":  # the services page shows the data in its table only
        assert shown, "the hostile text is not on the page: the test checks nothing"


def test_data_page_and_rollback_dialog_render_no_markup_from_the_data(hostile_db):
    at = run_app()
    sign_in(at, *EDITOR)
    at.switch_page("pages/data.py").run()
    check_page(at)
    rollback = next(b for b in at.button if "Roll back" in b.label)
    rollback.click().run()
    assert check_page(at), "the rollback dialog does not show the (escaped) file name"


# -- Chromium: every page ------------------------------------------------------------------------------------------

BROWSER_PAGES = ["", "bottlenecks?bn=BN-001", "bottlenecks?bn=BN-002", "indicators?ind=MOB_FERRY_PAX",
                 "indicators?ind=DIG_EID_USES", "mobility", "services", "cooperation", "meeting"]
# Any element that would fetch or link to the host: href (also SVG's xlink:href), src, data, srcset, poster.
LIVE_ELEMENTS = """host => [...document.querySelectorAll('[*|href], [src], [data], [srcset], [poster], [action]')]
    .filter(e => [...e.attributes].some(a => /^(href|src|data|srcset|poster|action)$/.test(a.localName)
                                             && a.value.includes(host)))
    .map(e => e.outerHTML.slice(0, 200))"""


@pytest.fixture(scope="module")
def hostile_server(hostile_db_path: Path, tmp_path_factory: pytest.TempPathFactory):
    from conftest import _require_chromium

    _require_chromium()
    workdir = tmp_path_factory.mktemp("hostile-server")
    with streamlit_server(copy_database(hostile_db_path, workdir), workdir) as url:
        yield url


@pytest.mark.browser
def test_no_request_leaves_for_a_host_in_the_data_and_nothing_renders_it(hostile_server, chromium_page,
                                                                           artifacts_dir):
    from test_browser_smoke import EXCEPTION, wait_for_app_idle

    page = chromium_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    out = artifacts_dir / "escaping"
    out.mkdir(exist_ok=True)
    for path in BROWSER_PAGES:
        page.goto(f"{hostile_server}/{path}", wait_until="domcontentloaded")
        wait_for_app_idle(page)
        page.wait_for_timeout(800)  # charts and maps draw after the script run has finished
        name = path.replace("?", "-").replace("=", "-") or "overview"
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
        assert page.locator(EXCEPTION).count() == 0, f"{name}:\n{hostile_server.log_tail()}"
        assert page.evaluate(LIVE_ELEMENTS, HOST) == [], name
        text = page.inner_text("body").replace("\u2060", "")
        # The text reads as it was written: no backslash of the escaping is visible.
        assert "\\" not in text, name
        if path.startswith("bottlenecks?bn=BN-001"):
            assert f"BN-001 · {PAYLOADS[2]}" in text  # the title, literally
        assert not [url for url in requests if HOST in url], name
    # The officials' Data page: the history and the rollback dialog show the hostile file name literally.
    page.goto(f"{hostile_server}/sign_in", wait_until="domcontentloaded")
    wait_for_app_idle(page)
    page.get_by_role("textbox", name="User name").fill(EDITOR[0])
    page.get_by_role("textbox", name="Password").fill(EDITOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Data", exact=True).first.wait_for(timeout=30_000)
    wait_for_app_idle(page)
    page.get_by_text("Data", exact=True).first.click()
    wait_for_app_idle(page)
    page.get_by_role("tab", name="History").click()
    page.get_by_role("button", name="Roll back…").click()
    page.get_by_role("dialog").wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(out / "data-rollback.png"), full_page=True)
    assert FILE_NAME in page.get_by_role("dialog").inner_text().replace("\u2060", "")
    assert page.evaluate(LIVE_ELEMENTS, HOST) == []
    assert not [url for url in requests if HOST in url]
