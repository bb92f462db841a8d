"""The Overview's watch lists (stalled, changed recently, resolved in 12 months) and the movers' download: the read
model against independent SQL, the builder's texts, and the real page in AppTest."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs

import pandas as pd
import pytest
from conftest import run_app

from twinreg_data.figures.overview import movers_table, watch_items
from twinreg_data.filters import Filters
from twinreg_data.i18n import format_day, format_number, format_pct, t
from twinreg_data.labels import STATUS_LABELS
from twinreg_data.queries import overview
from twinreg_data.queries.indicators import domain_overview
from twinreg_data.schema import CLOSED_STATUSES
from twinreg_data.store import open_store
from twinreg_data.textsafe import markdown_text

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


def test_watch_lists_agree_with_the_headline_and_the_events(store):
    watch = overview.watchlist(store, "en", today=TODAY)
    lists = overview.watch_of(watch, Filters())
    head = overview.headline(store, today=TODAY)
    assert len(lists[overview.STALLED]) == head.stalled > 0
    assert len(lists[overview.RESOLVED]) == head.resolved_12m > 0
    assert watch["code"].is_unique  # each bottleneck in one list at most
    # Stalled: open, silent for longer than the threshold, longest silence first.
    stalled = lists[overview.STALLED]
    assert not stalled["status"].isin(list(CLOSED_STATUSES)).any()
    assert (stalled["days_since_event"] > overview.stall_days()).all()
    assert stalled["last_event_on"].is_monotonic_increasing
    # Changed recently: the latest status change (independent SQL) lies in the window; latest first.
    recent = lists[overview.RECENT]
    changes = dict(store.query(
        "SELECT bottleneck, max(date) FROM (SELECT bottleneck, date, status, lag(status) OVER (PARTITION BY "
        "bottleneck ORDER BY date, seq) AS before FROM bottleneck_events) WHERE before IS DISTINCT FROM status "
        "GROUP BY ALL"))
    window = TODAY - dt.timedelta(days=overview.RECENT_DAYS)
    expected = {code for code, day in changes.items() if window < day <= TODAY} - set(
        lists[overview.RESOLVED]["code"]) - set(stalled["code"])
    assert set(recent["code"]) == expected and len(expected) > 3
    assert recent["changed_on"].is_monotonic_decreasing


def test_watch_lists_narrow_to_side_and_domains(store):
    watch = overview.watchlist(store, "en", today=TODAY)
    for view in (Filters(side="EE"), Filters(domains=("taxation", "integration")), Filters(side="FI")):
        narrowed = overview.watch_of(watch, view)
        head = overview.headline_of(overview.bottleneck_tally(store, TODAY), view)
        assert len(narrowed[overview.STALLED]) == head.stalled
        assert len(narrowed[overview.RESOLVED]) == head.resolved_12m
        for rows in narrowed.values():
            assert set(rows["domain"]) <= set(view.domain_list)
            if view.side != "both":
                assert set(rows["side"]) <= {view.side, "both"}


def test_watch_items_name_the_change_the_date_and_both_owners(store):
    lists = overview.watch_of(overview.watchlist(store, "fi", today=TODAY), Filters(lang="fi"))
    code, title, what, owners = watch_items(lists[overview.RESOLVED], overview.RESOLVED, "fi")[0]
    row = lists[overview.RESOLVED].iloc[0]
    assert code == row["code"] and title == row["title"]
    assert t(STATUS_LABELS[row["status"]], "fi") in what
    assert format_day(row["changed_on"].date(), "fi") in what and "00:00" not in what
    assert row["owner_fi"] in owners and row["owner_ee"] in owners
    moved = watch_items(lists[overview.RECENT], overview.RECENT, "fi")
    assert any("→" in item[2] for item in moved)


def test_movers_download_shows_per_cent_as_the_chart_does(store):
    movers = overview.movers(domain_overview(store, Filters()))
    table = movers_table(movers, "fi")
    column = t("Change, %", "fi")
    assert column in table.columns
    # The chart's labels are format_pct of the fraction; the download holds the same number in per cent.
    assert len(table) == len(movers) > 3
    for shown, fraction in zip(table[column], movers["change_pct"], strict=True):
        assert format_pct(fraction, "fi") == format_number(shown, "fi", 1) + "\u00a0%"
    assert table[t("{column} (code)", "fi", column=t("Indicator", "fi"))].tolist() == movers["indicator"].tolist()


def test_overview_names_each_listed_bottleneck_with_a_link_to_its_detail(demo_copy):
    at = run_app(query={"lang": "fi"})
    assert not at.exception
    lists = overview.watch_of(overview.watchlist(open_store(demo_copy), "fi"), Filters(lang="fi"))
    links = [link.proto for link in at.get("page_link")]
    linked = [parse_qs(p.query_string).get("bn", [None])[0] for p in links if "bn=" in p.query_string]
    expected = [code for rows in lists.values() for code in rows["code"].head(overview.WATCH_SHOWN)]
    assert linked == expected and len(expected) >= 7
    assert all("bottlenecks" in p.page for p in links if "bn=" in p.query_string)
    shown = " ".join(m.value for m in at.markdown)
    for rows in lists.values():
        for r in rows.head(overview.WATCH_SHOWN).itertuples():
            assert markdown_text(r.title) in shown and markdown_text(r.owner_ee) in shown
    # A list longer than shown ends with "+N more"
    recent = len(lists[overview.RECENT])
    assert recent > overview.WATCH_SHOWN
    assert any(p.label == t("+{n} more in the register", "fi", n=recent - overview.WATCH_SHOWN) for p in links)
    # The headline cards keep their labels (shown above them, so that they wrap).
    labels = [m.label for m in at.metric]
    assert t("Resolved in the last 12 months", "fi") in labels
    assert pd.Series(labels).is_unique
