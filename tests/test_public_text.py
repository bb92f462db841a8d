"""Every statement on a public page reads as meant for the public (issue 24): sources are citations, and no
working note of ours (a research file, GUESS, a confidence grade, TODO) reaches the data or a page."""

from __future__ import annotations

import json
import re

import duckdb
import pytest
from conftest import run_app

# What a working note looks like: our research file, its GUESS marker and confidence grades, editing markers.
WORKING_NOTE = re.compile(r"facts\.md|\.md\b|\bGUESS\b|\b(?:high|medium|low)(?:/(?:high|medium|low))? confidence\b|"
                          r"\bTODO\b|\bFIXME\b|\bXXX\b|demo estimate, not official", re.IGNORECASE)


def notes_in(texts) -> list[str]:
    return sorted({text for text in texts if isinstance(text, str) and WORKING_NOTE.search(text)})


def test_the_pattern_finds_working_notes_and_passes_citations():
    assert notes_in(["facts.md B1 (route total: GUESS from the trend)", "Statista (medium confidence)",
                     "tallinn.ee; OECD (high/medium confidence)", "demo estimate, not official"]) == [
        "Statista (medium confidence)", "demo estimate, not official",
        "facts.md B1 (route total: GUESS from the trend)",
        "tallinn.ee; OECD (high/medium confidence)"]
    assert notes_in(["Port of Helsinki, Annual Report 2019 (www.portofhelsinki.fi)",
                     "Estimate by the TwinReg Monitor demo team: linear interpolation between the 2006 and 2010 "
                     "figures", "Guesses are not allowed"]) == []


def test_no_text_of_the_demo_data_is_a_working_note(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    try:
        columns = con.execute("SELECT table_name, column_name FROM information_schema.columns WHERE "
                              "table_schema = 'main' AND data_type = 'VARCHAR' AND table_name NOT IN "
                              "('audit_log', 'imports', 'users', 'sessions')").fetchall()
        found = {f"{table}.{column}": notes_in(v for (v,) in con.execute(f'SELECT DISTINCT "{column}" FROM "{table}"')
                                               .fetchall())
                 for table, column in columns}
    finally:
        con.close()
    assert len(columns) > 50  # every text column of the content tables was read
    assert {k: v for k, v in found.items() if v} == {}


def test_demo_estimates_say_who_estimated_them(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    try:
        rows = con.execute("SELECT coalesce(o.source, '') || ' ' || coalesce(o.note, '') FROM observations o "
                           "WHERE o.flag = 'estimate'").fetchall()
    finally:
        con.close()
    assert len(rows) > 100
    # Ours name the demo team and how; a publisher's rough figure says whose it is.
    assert [text for (text,) in rows if not re.search(r"TwinReg Monitor demo team|rough figure by the", text)] == []


def page_texts(at) -> list[str]:
    """Every text the page shows: Markdown and alerts, metric labels and help, table cells and chart specs."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error",
                 "expander", "badge", "text"):
        for element in at.get(kind):
            texts += [str(getattr(element, name)) for name in ("value", "label", "body") if hasattr(element, name)]
    for metric in at.get("metric"):
        texts += [metric.label, str(metric.value), metric.proto.help]
    for table in at.get("dataframe"):
        frame = table.value
        texts += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        texts += re.findall(r'"((?:[^"\\]|\\.)*)"', json.dumps(spec, ensure_ascii=False))
    return texts


@pytest.mark.parametrize(("page", "query", "citation"), [
    ("pages/overview.py", {}, "Ferry Shipping News, 28 January 2025"),  # the ferry card's help
    ("pages/bottlenecks.py", {"bn": "BN-013"}, "Journal of Medical Internet Research"),
    ("pages/bottlenecks.py", {"bn": "BN-035"}, "Green European Journal, 2018"),
    ("pages/indicators.py", {"ind": "MOB_FERRY_PAX", "ind_tab": "table"}, "Port of Helsinki, Annual Report 2019"),
    ("pages/indicators.py", {"ind": "INT_POPULATION", "ind_tab": "table"}, "GeoNames geographical database"),
    ("pages/mobility.py", {}, "Port of Helsinki"),
    ("pages/services.py", {}, "Source: TwinReg cross-border services catalogue"),
    ("pages/cooperation.py", {}, "Mission Opérationnelle Transfrontalière"),
])
def test_no_public_page_shows_a_working_note(demo_copy, page, query, citation):
    at = run_app(query={"lang": "en", **query})
    at.switch_page(page).run()
    assert not at.exception
    texts = page_texts(at)
    assert any(citation in text for text in texts)  # the page shows its sources as citations
    assert notes_in(texts) == []
