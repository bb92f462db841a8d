"""Figure builders: pure functions of DataFrames returning plotly / pydeck figures, one module per page."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize


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


class Deck(pdk.Deck):
    """A pydeck map whose JSON (what st.pydeck_chart sends) is compact and written by the json module's C encoder.

    pydeck indents its JSON, and an indent makes json fall back to its pure-Python encoder: 27 ms for a map of
    600 municipalities and routes, and twice the bytes. Same content, same key order.
    """

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))
