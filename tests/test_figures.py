"""Every chart every page draws is a valid plotly figure.

The figure builders skip plotly's property validation for speed (twinreg_data.figures.figure); this test runs
each page of the real app on the demo database, in every language and with a narrow filter, and validates every
chart it sends to the browser in full, so a misspelt or mistyped property fails here.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from tests.conftest import run_app

# Each page with the link parameters that open all of its charts, and how many charts that is at least.
PAGES = {
    "overview": ({}, 3),
    "bottlenecks": ({"bn": "BN-003"}, 2),
    "indicators": ({"ind": "MOB_FERRY_PAX"}, 1),
    "mobility": ({}, 5),
    "services": ({}, 1),
    "cooperation": ({}, 2),
}
NARROW = {"domain": "mobility", "side": "EE", "from": "2019", "to": "2021"}


def _specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("lang", ["en", "fi", "et"])
def test_every_chart_is_a_valid_plotly_figure(demo_copy, page: str, lang: str) -> None:
    query, at_least = PAGES[page]
    at = run_app(page=f"pages/{page}.py", query={"lang": lang, **query})
    assert not at.exception
    specs = _specs(at)
    assert len(specs) >= at_least
    for spec in specs:
        go.Figure(spec)  # full validation: raises ValueError naming an invalid property


@pytest.mark.parametrize("page", sorted(PAGES))
def test_charts_of_a_narrow_filter_are_valid(demo_copy, page: str) -> None:
    query, _ = PAGES[page]
    at = run_app(page=f"pages/{page}.py", query={**NARROW, **query})
    assert not at.exception
    for spec in _specs(at):
        go.Figure(spec)


@pytest.mark.parametrize("code", ["INT_POPULATION", "INT_EE_SPEAKERS_FI", "MOB_FERRY_PAX"])
@pytest.mark.parametrize("lang", ["en", "fi", "et"])
def test_every_indicator_map_is_a_valid_plotly_figure(demo_copy, code: str, lang: str) -> None:
    """The Indicators page's map tab: a map of municipalities (population, speakers per 1,000) or bars (one port)."""
    at = run_app(page="pages/indicators.py", query={"lang": lang, "ind": code, "ind_tab": "map"})
    assert not at.exception
    (spec,) = _specs(at)
    go.Figure(spec)


def test_validation_catches_a_misspelt_property() -> None:
    """The check above can fail: plotly rejects what the unvalidated builder would let through."""
    from twinreg_data.figures import figure

    fig = figure([{"type": "scatter", "x": [1], "y": [2], "colour": "red"}], {"titel": "x"})
    with pytest.raises(ValueError):
        go.Figure(fig.to_plotly_json())
