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


# Text in charts that sets no colour of its own: Streamlit's chart theme writes axis ticks, axis titles, legend group
# titles and text outside bars in #808495, 3.8:1 on white; this grey has 7.5:1 (WCAG 2.1 AA asks 4.5:1).
READABLE_TEXT = "#555555"


def readable_text(fig: go.Figure) -> go.Figure:
    """`fig` with every text that has no colour of its own in READABLE_TEXT (in place; returns it).

    A font is set only where its text exists: a font alone makes plotly draw an empty legend title (a box of NaN
    height and a console error)."""
    def fill(font) -> None:
        if font is not None and font.color is None:
            font.color = READABLE_TEXT

    def titled(title) -> bool:
        return title is not None and bool(title.text)

    layout = fig.layout
    for axis in (*fig.select_xaxes(), *fig.select_yaxes()):
        fill(axis.tickfont)
        if titled(axis.title):
            fill(axis.title.font)
    if titled(layout.legend.title):
        fill(layout.legend.title.font)
    if layout.title is not None and titled(layout.title.subtitle):
        fill(layout.title.subtitle.font)
    for annotation in layout.annotations:
        fill(annotation.font)
    for trace in fig.data:
        if trace.type == "bar" and trace.text is not None:
            fill(trace.outsidetextfont)
        group_title = getattr(trace, "legendgrouptitle", None)
        if titled(group_title):
            fill(group_title.font)
        colorbar = getattr(getattr(trace, "marker", None), "colorbar", None)
        if colorbar is not None and (colorbar.tickvals is not None or titled(colorbar.title)):
            fill(colorbar.tickfont)
            if titled(colorbar.title):
                fill(colorbar.title.font)
    return fig
