"""Figure builders: pure functions of DataFrames returning plotly figures (maps: figures.geo), one module a page."""

from __future__ import annotations

import plotly.graph_objects as go


def figure(data: list[dict], layout: dict) -> go.Figure:
    """A go.Figure made at once from plain trace and layout dicts, without plotly's property validation.

    Validation runs on every property of every trace and took most of a small chart's build time (~1 ms per
    trace, 10 ms for a four-trace chart, a third of a filter change's rerun); tests/test_figures.py builds every
    chart of every page and validates it in full instead, so a misspelt property still fails there.
    """
    return go.Figure(data=data, layout=layout, _validate=False)


def date_display_format(lang: str) -> str:
    """Date format (moment.js) for the date columns of shown tables, which the grid applies in the browser:
    5.11.2019 in Finnish and Estonian, 5 Nov 2019 in English."""
    return "D MMM YYYY" if lang == "en" else "D.M.YYYY"
