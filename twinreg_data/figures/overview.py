"""Figure builders: pure functions of DataFrames returning plotly figures (tested without a browser)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..i18n import t
from ..schema import BOTTLENECK_STATUSES, DOMAIN_COLOURS, DOMAINS

# Lifecycle statuses from light to dark blue, closed ones in greys/greens so "done" reads at a glance.
STATUS_COLOURS = {
    "identified": "#c6dbef",
    "analysed": "#9ecae1",
    "prioritised": "#6baed6",
    "solution_proposed": "#3182bd",
    "in_progress": "#08519c",
    "resolved": "#009E73",
    "partly_resolved": "#8fd1bb",
    "written_off": "#bdbdbd",
}


def domain_status_bars(counts: pd.DataFrame, lang: str, source: str) -> go.Figure:
    """Horizontal stacked bars: bottlenecks per domain, stacked by status."""
    fig = go.Figure()
    domains = [d for d in DOMAINS if d in set(counts["domain"])]
    labels = [t(f"domain.{d}", lang) for d in domains]
    for status in BOTTLENECK_STATUSES:
        part = counts[counts["status"] == status].set_index("domain")["count"]
        if part.empty:
            continue
        fig.add_bar(
            y=labels,
            x=[int(part.get(d, 0)) for d in domains],
            name=t(f"status.{status}", lang),
            orientation="h",
            marker_color=STATUS_COLOURS[status],
            hovertemplate="%{y}: %{x}<extra>" + t(f"status.{status}", lang) + "</extra>",
        )
    fig.update_layout(
        barmode="stack",
        title=t("overview.by_domain_status", lang),
        xaxis_title=t("common.count", lang),
        yaxis={"autorange": "reversed"},
        legend={"orientation": "h", "y": -0.2},
        margin={"l": 10, "r": 10, "t": 50, "b": 80},
        height=420,
        annotations=[{
            "text": source, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": -0.42,
            "xanchor": "left", "font": {"size": 11, "color": "#555"},
        }],
    )
    return fig


def domain_colour(domain: str) -> str:
    return DOMAIN_COLOURS.get(domain, "#777777")
