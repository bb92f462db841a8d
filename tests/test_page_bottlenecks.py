"""Bottlenecks page: register and detail read models, figure builders, and the real page in AppTest."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import pandas as pd
import pytest
from conftest import run_app

from twinreg_data.figures import bottlenecks as figures
from twinreg_data.filters import Filters
from twinreg_data.i18n import t, tn
from twinreg_data.labels import DOMAIN_LABELS, STATUS_LABELS
from twinreg_data.queries import bottlenecks as queries
from twinreg_data.queries import overview
from twinreg_data.schema import CLOSED_STATUSES, DOMAIN_COLOURS
from twinreg_data.store import open_store
from twinreg_data.textsafe import markdown_text

TODAY = dt.date(2026, 11, 27)
CLOSED = sorted(CLOSED_STATUSES)


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


def _count(store, where: str = "TRUE", params: list | None = None) -> int:
    return store.scalar(f"SELECT count(*) FROM bottleneck_current WHERE {where}", params or [])


# -- register ----------------------------------------------------------------------------------------------


def test_register_lists_every_bottleneck_with_its_current_status(store):
    frame = queries.register(store, Filters(), today=TODAY)
    assert list(frame.columns) == queries.REGISTER_COLUMNS
    assert len(frame) == store.scalar("SELECT count(*) FROM bottlenecks") > 20
    assert frame["code"].tolist() == sorted(frame["code"])
    current = dict(store.query("SELECT code, status FROM bottleneck_current"))
    assert dict(zip(frame["code"], frame["status"], strict=True)) == current


def test_register_ages_and_stall_flag_follow_the_status_history(store):
    frame = queries.register(store, Filters(), today=TODAY).set_index("code")
    for code, identified, last, status in store.query(
            "SELECT code, identified_on, last_event_on, status FROM bottleneck_current"):
        end = last if status in CLOSED_STATUSES else TODAY
        assert frame.loc[code, "age_days"] == (end - identified).days
        assert frame.loc[code, "age_years"] == (end - identified).days // 365
        assert frame.loc[code, "days_since_event"] == (TODAY - last).days
    # The stalled flags agree with the overview's headline count.
    assert frame["stalled"].sum() == overview.headline(store, today=TODAY).stalled > 0


def test_global_filters_narrow_the_register(store):
    taxation = queries.register(store, Filters(domains=("taxation",)), today=TODAY)
    assert set(taxation["domain"]) == {"taxation"}
    assert len(taxation) == _count(store, "domain = 'taxation'")

    estonia = queries.register(store, Filters(side="EE"), today=TODAY)
    assert set(estonia["side"]) <= {"EE", "both"}
    assert len(estonia) == _count(store, "side IN ('EE', 'both')") < _count(store)

    until_2018 = queries.register(store, Filters(year_to=2018), today=TODAY)
    assert (until_2018["identified_on"] <= pd.Timestamp("2018-12-31")).all()
    assert len(until_2018) == _count(store, "identified_on <= DATE '2018-12-31'") < _count(store)

    # Bottlenecks closed before the period started are left out: they were no longer on the table.
    from_2025 = queries.register(store, Filters(year_from=2025), today=TODAY)
    expected = _count(store, "status NOT IN (SELECT unnest(?::VARCHAR[])) OR last_event_on >= DATE '2025-01-01'",
                      [CLOSED])
    assert len(from_2025) == expected < _count(store)


def test_search_looks_at_code_title_and_description_in_the_chosen_language(store):
    finnish = queries.register(store, Filters(lang="fi"), queries.RegisterFilter(search="LAUTTA"), today=TODAY)
    expected = _count(store, "contains(lower(coalesce(title_fi, title_en) || ' ' || "
                             "coalesce(description_fi, description_en, '')), 'lautta')")
    assert len(finnish) == expected > 0
    assert len(finnish) < _count(store)
    # The same word is not English, so the English register finds nothing.
    assert queries.register(store, Filters(lang="en"), queries.RegisterFilter(search="lautta"), today=TODAY).empty
    by_code = queries.register(store, Filters(), queries.RegisterFilter(search="bn-01"), today=TODAY)
    assert by_code["code"].tolist() == [f"BN-01{i}" for i in range(10)]


def test_page_local_filters(store):
    resolved = queries.register(store, Filters(), queries.RegisterFilter(statuses=("resolved", "written_off")),
                                today=TODAY)
    assert set(resolved["status"]) == {"resolved", "written_off"}
    assert len(resolved) == _count(store, "status IN ('resolved', 'written_off')")

    severe = queries.register(store, Filters(), queries.RegisterFilter(severity_min=4, severity_max=5), today=TODAY)
    assert len(severe) == _count(store, "severity >= 4") > 0

    kela = queries.register(store, Filters(), queries.RegisterFilter(owner="kela"), today=TODAY)
    assert len(kela) == _count(store, "lower(owner_fi || ' ' || owner_ee) LIKE '%kela%'") > 0

    old = queries.register(store, Filters(), queries.RegisterFilter(min_age_years=8), today=TODAY)
    assert (old["age_days"] >= 8 * 365).all()
    assert 0 < len(old) < _count(store)


# -- detail ------------------------------------------------------------------------------------------------


def test_detail_of_a_bottleneck_in_finnish(store):
    detail = queries.detail(store, "BN-001", "fi", today=TODAY)
    title_fi, indicators = store.query("SELECT title_fi, indicators FROM bottlenecks WHERE code = 'BN-001'")[0]
    assert detail.title == title_fi
    assert detail.events["date"].is_monotonic_increasing
    assert len(detail.events) == store.scalar("SELECT count(*) FROM bottleneck_events WHERE bottleneck = 'BN-001'")
    assert detail.indicators["code"].tolist() == sorted(indicators.split(";"))
    assert detail.indicators["name"].tolist() == [
        store.scalar("SELECT coalesce(name_fi, name_en) FROM indicators WHERE code = ?", [c])
        for c in sorted(indicators.split(";"))]
    services = [c for c, links in store.query("SELECT code, bottlenecks FROM services")
                if links and "BN-001" in links.split(";")]
    assert detail.services["code"].tolist() == sorted(services)
    actions = [c for c, links in store.query("SELECT code, bottlenecks FROM actions")
               if links and "BN-001" in links.split(";")]
    assert sorted(detail.actions["code"]) == sorted(actions)
    assert {"status", "due"} <= set(detail.actions.columns)


def test_detail_of_an_unknown_code_is_none(store):
    assert queries.detail(store, "BN-999", "en") is None
    assert queries.is_code("BN-003") and not queries.is_code("BN-3") and not queries.is_code(None)


def test_database_text_is_shown_literally_in_markdown():
    assert markdown_text("Costs $5 *now* [x](y) :red[z]") == r"Costs \$5 \*now\* \[x\]\(y\) \:red\[z\]"


# -- figures -----------------------------------------------------------------------------------------------


def test_priority_matrix_has_one_trace_per_domain_in_its_colour(store):
    register = queries.register(store, Filters(lang="fi"), today=TODAY)
    fig = figures.priority_matrix(register, "fi", "Lähde: testi")
    counts = register["domain"].value_counts()
    assert [trace.name for trace in fig.data] == [t(DOMAIN_LABELS[d], "fi") for d in DOMAIN_COLOURS if d in counts]
    for trace in fig.data:
        domain = next(d for d in DOMAIN_COLOURS if t(DOMAIN_LABELS[d], "fi") == trace.name)
        assert trace.marker.color == DOMAIN_COLOURS[domain]
        assert len(trace.x) == len(trace.y) == counts[domain]
        codes = [row[0] for row in trace.customdata]
        assert codes == register.loc[register["domain"] == domain, "code"].tolist()
    assert fig.layout.title.text == t("Priority matrix: severity × people affected", "fi")
    assert fig.layout.yaxis.type == "log"
    assert fig.layout.xaxis.title.text == t("Severity (1 = minor, 5 = blocking)", "fi")
    assert "10 000" in [text.replace("\u00a0", " ") for text in fig.layout.yaxis.ticktext]
    assert any(a.text == "Lähde: testi" for a in fig.layout.annotations)


def test_priority_matrix_puts_unknown_people_on_a_labelled_band():
    register = pd.DataFrame({
        "code": ["BN-001", "BN-002"], "title": ["Known", "Unknown"], "domain": ["taxation", "taxation"],
        "status": ["identified", "analysed"], "severity": [3, 4], "people_low": [500, None],
        "people_high": [2000, None], "age_days": [100, 400],
    })
    fig = figures.priority_matrix(register, "en", "Source: test")
    (trace,) = fig.data
    # One decade below the smallest estimate, the low end of BN-001's range.
    assert trace.y[1] == figures.unknown_people_level(register) == 10.0
    assert list(trace.marker.symbol) == ["square", "square-open"]  # taxation's shape; hollow without an estimate
    assert trace.marker.size[1] > trace.marker.size[0]  # older: bigger
    assert any(a.text == t("People affected unknown", "en") for a in fig.layout.annotations)


def test_status_timeline_marks_a_stalled_bottleneck(store):
    detail = queries.detail(store, "BN-004", "et", today=TODAY)
    assert detail.stalled
    fig = figures.status_timeline(detail, "et", "Allikas: test", today=TODAY)
    assert fig.layout.title.text == t("Status history of {code}", "et", code="BN-004")
    events = fig.data[0]
    assert list(events.y) == [t(STATUS_LABELS[s], "et") for s in detail.events["status"]]
    assert fig.layout.yaxis.categoryarray[0] == t("Identified", "et")
    stalled_text = tn("Stalled: {n} day without an event", "Stalled: {n} days without an event",
                      detail.days_since_event, "et")
    assert any(a.text == stalled_text for a in fig.layout.annotations)
    assert len(fig.layout.shapes) == 1  # the highlighted stall

    fresh = replace(detail, days_since_event=10)
    assert not fresh.stalled
    assert len(figures.status_timeline(fresh, "et", "Allikas: test", today=TODAY).layout.shapes) == 0


def test_register_table_is_translated(store):
    register = queries.register(store, Filters(lang="et"), today=TODAY)
    table = figures.register_table(register, "et")
    assert table.columns[0] == t("Code", "et")
    assert set(table[t("Status", "et")]) <= {t(STATUS_LABELS[s], "et") for s in register["status"]}
    assert t("Both", "et") in set(table[t("Side", "et")])
    assert len(table) == len(register)


# -- the page in AppTest -----------------------------------------------------------------------------------


def _register_codes(at) -> list[str]:
    frame = at.dataframe[0].value
    return frame[frame.columns[0]].tolist()


def test_page_shows_the_register(store):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "en"})
    assert not at.exception
    assert at.title[0].value == t("Bottlenecks", "en")
    assert _register_codes(at) == [c for (c,) in store.query("SELECT code FROM bottlenecks ORDER BY code")]
    assert len(at.get("plotly_chart")) == 1  # the matrix; no detail open yet
    assert any(i.value == t("Select a row in the register, a point in the priority matrix, or a code here to see a "
                            "bottleneck's description, owners, status history and links.", "en") for i in at.info)


def test_search_and_status_filter_narrow_the_register(store):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "en"})
    total = len(_register_codes(at))
    at.text_input(key="bn-search").input("ferry").run()
    assert not at.exception
    found = _register_codes(at)
    assert 0 < len(found) < total
    titles = at.dataframe[0].value[t("Title", "en")]
    assert len(found) == _count(store, "contains(lower(title_en || ' ' || coalesce(description_en, '')), 'ferry')")
    assert len(titles) == len(found)

    at.text_input(key="bn-search").input("").run()
    at.multiselect(key="bn-status").set_value(["resolved"]).run()
    statuses = at.dataframe[0].value[t("Status", "en")]
    assert set(statuses) == {t("Resolved", "en")}
    assert len(statuses) == _count(store, "status = 'resolved'")

    at.text_input(key="bn-search").input("no such words anywhere").run()
    assert not at.exception
    assert len(at.dataframe) == 0
    assert any(i.value == t("No bottleneck matches the search and filters. Clear the search, widen the filters "
                            "above, or widen the domains, side or period in the sidebar.", "en") for i in at.info)


def test_register_is_queried_once_without_page_local_filters(store, monkeypatch):
    """The count of every bottleneck in the selection and the register are one query when no page-local filter is
    set; with a search, the register and the unfiltered count are two."""
    import functools

    import streamlit as st

    calls: list = []
    original = queries.register

    @functools.wraps(original)  # cached() finds query functions by module and name
    def register(*args, **kwargs):
        calls.append(args[2:])
        return original(*args, **kwargs)

    monkeypatch.setattr(queries, "register", register)
    st.cache_data.clear()
    at = run_app(page="pages/bottlenecks.py", query={"lang": "en"})
    assert not at.exception and _register_codes(at)
    assert calls == [(queries.RegisterFilter(),)]
    at.text_input(key="bn-search").input("ferry").run()
    assert not at.exception and len(calls) == 2 and calls[1][0].search == "ferry"


def test_only_an_empty_selection_asks_whether_there_are_bottlenecks_at_all(store, monkeypatch):
    """With bottlenecks in the selected period the register is the page's only query; a period without any asks
    the database whether it holds bottlenecks at all, and it does: the filters are what empties the page."""
    import functools

    import streamlit as st

    calls: list = []
    original = queries.has_bottlenecks

    @functools.wraps(original)  # cached() finds query functions by module and name
    def has_bottlenecks(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(queries, "has_bottlenecks", has_bottlenecks)
    st.cache_data.clear()
    at = run_app(page="pages/bottlenecks.py", query={"lang": "en"})
    assert not at.exception and _register_codes(at) and calls == []

    first = store.scalar("SELECT min(identified_on) FROM bottlenecks")
    at = run_app(page="pages/bottlenecks.py", query={"lang": "en", "from": "2000", "to": str(first.year - 1)})
    assert not at.exception and len(calls) == 1
    assert len(at.dataframe) == 0
    assert any(i.value == t("No bottleneck matches the search and filters. Clear the search, widen the filters "
                            "above, or widen the domains, side or period in the sidebar.", "en") for i in at.info)
    assert not any(i.value == t("The bottleneck register is empty. An official can import the demo workbooks with "
                                "`python -m twinreg_data init --demo`, or upload a filled template on the Data "
                                "page.", "en") for i in at.info)


def test_link_with_bn_opens_the_detail_in_finnish(store):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "fi", "bn": "BN-003"})
    assert not at.exception
    title_fi = store.scalar("SELECT title_fi FROM bottlenecks WHERE code = 'BN-003'")
    assert f"BN-003 · {markdown_text(title_fi)}" in [s.value for s in at.subheader]
    assert at.selectbox(key="bn-pick").value == "BN-003"
    assert at.query_params["bn"] == "BN-003"
    assert len(at.get("plotly_chart")) == 2  # matrix and status timeline
    # BN-003 is partly resolved: how long it was open, and no "since the last event" (its closing).
    labels = [m.label for m in at.metric]
    assert store.scalar("SELECT status FROM bottleneck_current WHERE code = 'BN-003'") == "partly_resolved"
    assert t("Was open for", "fi") in labels and t("Since the last event", "fi") not in labels


@pytest.mark.parametrize("bn", ["BN-999", "BN-001';DROP TABLE bottlenecks"])
def test_an_invalid_bn_is_ignored_quietly(demo_copy, bn):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "en", "bn": bn})
    assert not at.exception
    assert "bn" not in at.query_params
    assert any(i.value == t("Select a row in the register, a point in the priority matrix, or a code here to see a "
                            "bottleneck's description, owners, status history and links.", "en") for i in at.info)


def test_choosing_a_code_opens_it_and_puts_it_in_the_link(store):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "et"})
    at.selectbox(key="bn-pick").set_value("BN-005").run()
    assert not at.exception
    assert at.query_params["bn"] == "BN-005"
    title_et = store.scalar("SELECT title_et FROM bottlenecks WHERE code = 'BN-005'")
    assert f"BN-005 · {markdown_text(title_et)}" in [s.value for s in at.subheader]
    # BN-005 is open: the time since its last event is shown.
    assert t("Since the last event", "et") in [m.label for m in at.metric]


def test_global_domain_filter_from_the_link(store):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "fi", "domain": ["taxation"]})
    assert not at.exception
    frame = at.dataframe[0].value
    assert set(frame[t("Domain", "fi")]) == {t("Taxation", "fi")}
    assert len(frame) == _count(store, "domain = 'taxation'")
    assert frame.columns[1] == t("Title", "fi")


@pytest.mark.parametrize("lang", ["en", "fi", "et"])
def test_every_language_renders(demo_copy, lang):
    at = run_app(page="pages/bottlenecks.py", query={"lang": lang, "bn": "BN-001"})
    assert not at.exception
    assert at.title[0].value == t("Bottlenecks", lang)
    assert t("Bottleneck details", lang) in [h.value for h in at.header]


def test_empty_database_shows_the_empty_state(empty_db):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "fi", "bn": "BN-001"})
    assert not at.exception
    assert any(i.value == t("The bottleneck register is empty. An official can import the demo workbooks with "
                            "`python -m twinreg_data init --demo`, or upload a filled template on the Data page.",
                            "fi") for i in at.info)
    assert len(at.dataframe) == 0
    assert len(at.get("plotly_chart")) == 0


def test_marker_sizes_grow_with_age():
    register = pd.DataFrame({
        "code": ["BN-001", "BN-002"], "title": ["a", "b"], "domain": ["digital", "digital"],
        "status": ["identified", "identified"], "severity": [1, 5], "people_low": [10, 10],
        "people_high": [100, 1000], "age_days": [0, 3650],
    })
    sizes = figures.priority_matrix(register, "en", "s").data[0].marker.size
    assert sizes[0] == figures.MIN_MARKER
    assert math.isclose(sizes[1], figures.MAX_MARKER)


# -- the register's own filters in the link; the priority matrix (issue 24) ------------------------------------


def test_register_filters_go_into_the_link_and_come_back():
    local = queries.RegisterFilter(search="tax", statuses=("in_progress", "prioritised"), severity_min=3,
                                   severity_max=5, owner="Vero", min_age_years=2)
    query = queries.register_filter_to_query(local)
    assert query == {"q": ["tax"], "status": ["prioritised", "in_progress"], "severity": ["3-5"], "owner": ["Vero"],
                     "open_for": ["2"]}  # statuses in lifecycle order
    back, ignored = queries.register_filter_from_query(query)
    assert ignored == [] and back == replace(local, statuses=("prioritised", "in_progress"))
    assert queries.register_filter_to_query(queries.RegisterFilter()) == {}
    bad, ignored = queries.register_filter_from_query(
        {"status": ["nonsense", "resolved"], "severity": ["5-2"], "open_for": ["-1"], "q": ["x" * 500]})
    assert ignored == ["status", "severity", "open_for"]
    assert bad.statuses == ("resolved",) and (bad.severity_min, bad.severity_max) == (1, 5)
    assert bad.min_age_years == 0 and len(bad.search) == queries.MAX_TEXT


def _matrix_codes(at) -> list[str]:
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return sorted(point[0] for trace in spec["data"] for point in trace["customdata"])


def test_a_link_with_register_filters_opens_the_filtered_register(store):
    query = {"lang": "en", "q": "tax", "status": ["in_progress", "prioritised"], "severity": "3-5", "owner": "vero"}
    at = run_app(page="pages/bottlenecks.py", query=query)
    assert not at.exception
    assert at.text_input(key="bn-search").value == "tax"
    assert at.multiselect(key="bn-status").value == ["prioritised", "in_progress"]
    assert at.slider(key="bn-severity").value == (3, 5)
    expected = queries.register(store, Filters(), queries.RegisterFilter(
        search="tax", statuses=("prioritised", "in_progress"), severity_min=3, severity_max=5, owner="vero"))
    assert _register_codes(at) == expected["code"].tolist() and 0 < len(expected) < 10
    assert at.query_params["q"] == "tax" and at.query_params["severity"] == "3-5"
    # The link box in the sidebar holds the filters, though no bottleneck is open.
    links = [c.value for c in at.sidebar.code if "/api/v1/" not in c.value]  # the view's link, not its API twin
    assert len(links) == 1 and "q=tax" in links[0] and "severity=3-5" in links[0] and "bn=" not in links[0]
    # A change of a filter goes into the link; clearing it takes it out.
    at.text_input(key="bn-owner").set_value("").run()
    assert "owner" not in at.query_params
    at.number_input(key="bn-age").set_value(3).run()
    assert at.query_params["open_for"] == "3"


def test_priority_matrix_shows_open_bottlenecks_unless_asked(store):
    at = run_app(page="pages/bottlenecks.py", query={"lang": "fi"})
    register = queries.register(store, Filters())
    still_open = register.loc[~register["status"].isin(CLOSED), "code"].tolist()
    assert _matrix_codes(at) == sorted(still_open) and len(still_open) < len(register)
    at.toggle(key="bn-closed").set_value(True).run()
    assert not at.exception
    assert _matrix_codes(at) == sorted(register["code"]) and at.query_params["closed"] == "1"


def test_priority_matrix_names_the_most_severe_and_draws_each_range(store):
    register = queries.open_rows(queries.register(store, Filters(), today=TODAY))
    fig = figures.priority_matrix(register, "en", "Source: test")
    named = {text for trace in fig.data for text in trace.text if text}
    assert named == set(figures.labelled_codes(register)) and len(named) == figures.LABELLED_POINTS
    top = register.sort_values("severity", ascending=False)["severity"].iloc[: figures.LABELLED_POINTS]
    assert min(register.loc[register["code"].isin(named), "severity"]) == top.min()
    symbols = [trace.marker.symbol[0].removesuffix("-open") for trace in fig.data]
    assert len(set(symbols)) == len(fig.data) > 5  # a shape per domain, not colour alone
    by_code = register.set_index("code")
    for trace in fig.data:
        for code_row, y, plus, minus in zip(trace.customdata, trace.y, trace.error_y.array, trace.error_y.arrayminus,
                                            strict=True):
            row = by_code.loc[code_row[0]]
            if pd.notna(row["people_low"]) and pd.notna(row["people_high"]):
                assert math.isclose(y + plus, row["people_high"]) and math.isclose(y - minus, row["people_low"])
                assert row["people_low"] <= y <= row["people_high"]


def test_status_history_follows_the_lifecycle(store):
    from twinreg_data.schema import BOTTLENECK_STATUSES

    detail = queries.detail(store, "BN-026", "fi", today=TODAY)
    fig = figures.status_timeline(detail, "fi", "Lähde: testi", today=TODAY)
    assert list(fig.layout.yaxis.categoryarray) == [t(STATUS_LABELS[s], "fi") for s in BOTTLENECK_STATUSES]
    assert not detail.is_open and len(fig.data) == 1  # a closed one has no dotted line to today
