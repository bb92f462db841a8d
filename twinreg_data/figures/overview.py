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
        title={"text": t("overview.by_domain_status", lang),
               "subtitle": {"text": source, "font": {"size": 12, "color": "#555"}}},
        xaxis_title=t("common.count", lang),
        yaxis={"autorange": "reversed"},
        legend={"orientation": "h", "x": 0, "y": -0.15, "yanchor": "top", "traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 80, "b": 60},
        height=460,
    )
    return fig


def domain_colour(domain: str) -> str:
    return DOMAIN_COLOURS.get(domain, "#777777")


def movers_bars(movers: pd.DataFrame, lang: str) -> go.Figure:
    """The indicators that moved most: % change of the latest value, green when better, red when worse.

    `movers`: queries.overview.moved_most (name, country, area_label, period, previous_period, change_pct,
    assessment).
    """
    from ..i18n import format_pct
    from ..queries.indicators import ASSESSMENT_COLOURS

    labels = [f"{r.name} · {t(f'side.{r.country}', lang)}" for r in movers.itertuples()]
    fig = go.Figure(go.Bar(
        y=labels,
        x=(movers["change_pct"] * 100).tolist(),
        orientation="h",
        marker_color=[ASSESSMENT_COLOURS.get(a, "#6e6e6e") for a in movers["assessment"]],
        text=[format_pct(v, lang) for v in movers["change_pct"]],
        textposition="auto",
        cliponaxis=False,
        customdata=[[r.period, r.previous_period, t(f"indicators.assessment.{r.assessment}", lang)]
                    for r in movers.itertuples()],
        hovertemplate="%{y}<br>%{customdata[1]} → %{customdata[0]}: %{text}<br>%{customdata[2]}<extra></extra>",
    ))
    fig.update_layout(
        title={"text": t("overview.movers", lang),
               "subtitle": {"text": t("overview.movers_source", lang), "font": {"size": 12, "color": "#555"}}},
        xaxis_title=t("overview.movers_axis", lang),
        yaxis={"autorange": "reversed"},
        height=150 + 40 * len(movers),
        margin={"l": 10, "r": 70, "t": 80, "b": 60},
        xaxis={"zeroline": True, "zerolinecolor": "#999", "automargin": True},
    )
    return fig
