"""The real app in Streamlit's AppTest, on the demo database and on an empty one."""

from __future__ import annotations

from conftest import map_specs, run_app

from twinreg_data.i18n import format_number, t
from twinreg_data.queries import overview as queries
from twinreg_data.store import open_store


def test_overview_shows_headline_numbers_from_the_database(demo_copy):
    at = run_app()
    assert not at.exception
    expected = queries.headline(open_store(demo_copy))
    assert expected.open_bottlenecks > 0
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("Open bottlenecks", "en")] == format_number(expected.open_bottlenecks, "en")
    assert metrics[t("Resolved in the last 12 months", "en")] == format_number(expected.resolved_12m, "en")
    ferry = queries.ferry_latest(open_store(demo_copy))
    ferry_label = t("Ferry passengers Helsinki–Tallinn ({period})", "en", period=ferry.period)
    # The 2024 figure is an estimate and shows as one: "≈" before it, the word and its range in the help.
    assert metrics[ferry_label] == "≈ " + format_number(ferry.value, "en")
    card = next(m for m in at.metric if m.label == ferry_label)
    assert card.proto.delta_description == "vs 2023 · No clear change"  # 6,900,000 lies within the range
    assert "7,200,000 (estimate 6,624,000–7,776,000)" in card.help
    # domain × status, indicators that moved most, and the twin-region map
    assert len(at.get("plotly_chart")) == 3 and len(map_specs(at)) == 1


def test_overview_in_finnish(demo_copy):
    at = run_app(query={"lang": "fi"})
    assert not at.exception
    labels = [m.label for m in at.metric]
    assert t("Open bottlenecks", "fi") in labels
    expected = queries.headline(open_store(demo_copy))
    value = {m.label: m.value for m in at.metric}[t("Open bottlenecks", "fi")]
    assert value == format_number(expected.open_bottlenecks, "fi")


def test_overview_on_an_empty_database_explains_what_to_do(empty_db):
    at = run_app()
    assert not at.exception
    assert any(t("No data yet. An official can import the demo workbooks with `python -m twinreg_data init --demo`, "
                 "or upload a filled template.", "en") == i.value for i in at.info)
    assert len(at.metric) == 0


def test_overview_follows_the_domain_filter_from_the_link(demo_copy):
    from twinreg_data.filters import Filters

    at = run_app(query={"domain": "taxation", "side": "FI"})
    assert not at.exception
    expected = queries.headline(open_store(demo_copy), Filters(domains=("taxation",), side="FI"))
    value = {m.label: m.value for m in at.metric}[t("Open bottlenecks", "en")]
    assert value == format_number(expected.open_bottlenecks, "en")
    everything = queries.headline(open_store(demo_copy))
    assert expected.open_bottlenecks < everything.open_bottlenecks
    assert len(at.get("plotly_chart")) == 3 and len(map_specs(at)) == 1
