"""The briefing on the Meeting page: each slide's texts as HTML (sized to the viewport, so that a slide fills a
projector) and its chart as a plotly figure carrying the same values as the native PowerPoint chart.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..i18n import t
from ..textsafe import html_text
from .model import ACTIONS, CLOSING, DOMAIN, HEADLINE, INK, MUTED, TITLE, TONE_COLOURS, Chart, Slide

# -- the slide's chart as a plotly figure ---------------------------------------------------------------


def _separators(lang: str) -> str:
    return ".," if lang == "en" else ", "


def chart_figure(chart: Chart, lang: str, *, height: int = 560, font_size: int = 20, title: bool = True,
                 source: str = "") -> go.Figure:
    """The slide's chart as a plotly figure, large type (the same values as the native PowerPoint chart)."""
    fig = go.Figure()
    # Category labels, series names and titles are plotly markup and may come from the data: escaped.
    categories = [html_text(c) for c in chart.categories]
    value_format = ",." + str(chart.decimals) + "f"
    for s in chart.series:
        name = html_text(s.name)
        if chart.kind == "line":
            _line(fig, chart, s, categories, name, value_format, list(chart.dates))
        elif chart.kind == "bar_stacked":
            fig.add_bar(y=categories, x=list(s.values), name=name, orientation="h", marker_color=s.colour,
                        hovertemplate=f"%{{y}}: %{{x}}<extra>{name}</extra>")
        else:
            fig.add_bar(y=categories, x=list(s.values), name=name, orientation="h", text=list(s.values),
                        texttemplate="%{x:.0f}", textposition="outside", cliponaxis=False,
                        marker_color=list(s.point_colours) if s.point_colours else s.colour,
                        hovertemplate="%{y}: %{x}<extra></extra>")
    # With a source line (images for use outside the app) the legend moves above the plot and the source takes
    # the bottom edge; in the app the slide shows the source itself.
    legend = ({"orientation": "h", "yref": "paper", "y": 1.0, "yanchor": "bottom", "x": 0} if source else
              {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0})
    layout: dict = {
        "height": height, "font": {"size": font_size}, "separators": _separators(lang),
        "legend": legend | {"font": {"size": font_size}},
        "margin": {"l": 20, "r": 30, "t": (70 if title else 20) + (_legend_rows(chart) * 40 if source else 0),
                   "b": 90 if source else 80},
        "hovermode": "closest", "showlegend": chart.kind != "bar", "plot_bgcolor": "#FFFFFF",
    }
    if title:
        layout["title"] = {"text": html_text(chart.title), "font": {"size": font_size + 4}}
    # Explicit sizes everywhere: the app's chart theme would otherwise set ticks in small type.
    ticks = {"size": font_size - 2}
    axis_title = {"size": font_size}
    value_axis = {"title": {"text": html_text(chart.value_title), "font": axis_title}, "tickfont": ticks,
                  "rangemode": "tozero",
                  "tickformat": f",.{chart.decimals}f", "separatethousands": True, "automargin": True,
                  "gridcolor": "#E3E7ED"}
    if chart.kind in ("bar_stacked", "bar"):
        layout |= {"barmode": "stack", "yaxis": {"autorange": "reversed", "tickfont": ticks, "automargin": True},
                   "xaxis": value_axis | {"dtick": 1 if chart.max_total() <= 12 else None}}
        layout["legend"] |= {"traceorder": "normal"}
    elif chart.dates:  # spaced by time, as the deck's date axis: 2012 → 2017 five times as wide as 2023 → 2024
        layout |= {"yaxis": value_axis, "xaxis": {"type": "date", "tickformat": "%Y", "tickfont": ticks,
                                                  "automargin": True}}
    else:
        layout |= {"yaxis": value_axis, "xaxis": {"type": "category", "tickfont": ticks, "automargin": True}}
    fig.update_layout(**layout)
    if source:
        fig.add_annotation(text=html_text(source), showarrow=False, xref="paper", yref="paper", x=0, y=0,
                           yanchor="top", yshift=-(48 if chart.kind != "line" else 52) - font_size, xanchor="left",
                           font={"size": 14, "color": MUTED})
    return fig


def _line(fig: go.Figure, chart: Chart, s, categories: list[str], name: str, value_format: str,
          dates: list | None = None) -> None:
    """One series of a line chart: its estimate range as a band, measured stretches solid, the stretches leading
    to an estimate dashed with hollow markers (as in the PowerPoint chart). With `dates`, the points sit at their
    periods' dates and the hover names the period."""
    x = dates if dates and len(dates) == len(categories) else categories
    if s.has_band:
        high = [h if h is not None else v for h, v in zip(s.high, s.values, strict=True)]
        low = [lo if lo is not None else v for lo, v in zip(s.low, s.values, strict=True)]
        fig.add_scatter(x=x, y=high, mode="lines", line={"width": 0}, hoverinfo="skip", showlegend=False,
                        legendgroup=name, connectgaps=False)
        fig.add_scatter(x=x, y=low, mode="lines", line={"width": 0}, fill="tonexty",
                        fillcolor=_rgba(s.colour, 0.18), hoverinfo="skip", legendgroup=name,
                        name=html_text(f"{s.name} · {chart.low_title}–{chart.high_title}"), showlegend=False,
                        connectgaps=False)
    estimated = list(s.estimated) or [False] * len(s.values)
    values = list(s.values)
    count = len(values)
    # A point belongs to the solid line when a measured stretch starts or ends at it, to the dashed one when an
    # estimated stretch does (the stretch leading to an estimate is dashed).
    solid = [v if (not estimated[i]) or (i + 1 < count and not estimated[i + 1]) else None
             for i, v in enumerate(values)]
    dashed = [v if estimated[i] or (i + 1 < count and estimated[i + 1]) else None for i, v in enumerate(values)]
    hover = f"{name}<br>%{{text}}: %{{y:{value_format}}}<extra></extra>"
    if any(v is not None for v in solid):  # a series of estimates only has no solid line (and no legend entry)
        fig.add_scatter(x=x, y=solid, name=name, mode="lines+markers", legendgroup=name,
                        line={"color": s.colour, "width": 4}, marker={"size": 9}, connectgaps=False,
                        text=categories, hovertemplate=hover)
    if any(estimated):
        estimate = html_text(chart.estimate_label)
        fig.add_scatter(x=x, y=dashed, name=f"{name} · {estimate}", mode="lines+markers",
                        legendgroup=name, line={"color": s.colour, "width": 4, "dash": "dash"},
                        marker={"size": 9, "symbol": "circle-open", "line": {"width": 2}}, connectgaps=False,
                        text=categories,
                        hovertemplate=f"{name} · {estimate}<br>%{{text}}: %{{y:{value_format}}}<extra></extra>")


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _legend_rows(chart: Chart) -> int:
    """Rows a horizontal legend takes above an exported chart (about four entries to a row)."""
    return 0 if chart.kind == "bar" else -(-len(chart.series) // 4)


# -- HTML of a slide's texts (the Meeting page) ----------------------------------------------------------

# Sizes follow the viewport width, so that a slide fills a projector at any resolution (24 px type at 1920 px).
SLIDE_CSS = """<style>
.mt-head { border-top: 0.55rem solid var(--mt-accent); padding-top: 0.4rem; margin-bottom: 0.6rem; }
.mt-counter { float: right; color: #5A6472; font-size: clamp(0.9rem, 0.9vw, 1.3rem); }
.mt-title { font-size: clamp(1.8rem, 2.6vw, 3.4rem) !important; font-weight: 700; color: #1B2A41; line-height: 1.15;
            margin: 0 !important; padding: 0 !important; }
.mt-subtitle { font-size: clamp(1.05rem, 1.15vw, 1.6rem); color: #5A6472; margin-top: 0.25rem; }
.mt-hero { padding: 6vh 0 2vh 0; }
.mt-hero .mt-title { font-size: clamp(2.4rem, 3.6vw, 4.6rem) !important; color: #0B3D91; }
.mt-hero .mt-subtitle { font-size: clamp(1.2rem, 1.5vw, 2rem); }
.mt-metrics { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.4rem 0 1rem 0; }
.mt-metric { flex: 1 1 8.5rem; background: #F1F4F8; border-radius: 0.6rem; padding: 0.7rem 1rem; text-align: center; }
.mt-metrics-big .mt-metric { flex: 1 1 28%; padding: 2.2vh 1rem; }
.mt-metric-value { font-size: clamp(1.6rem, 2.2vw, 3rem); font-weight: 700; line-height: 1.15; }
.mt-metrics-big .mt-metric-value { font-size: clamp(2.2rem, 3.6vw, 4.8rem); }
.mt-metric-label { font-size: clamp(0.95rem, 1.05vw, 1.45rem); color: #1B2A41; }
.mt-metric-detail { font-size: clamp(0.85rem, 0.85vw, 1.15rem); color: #5A6472; }
.mt-side .mt-metric { text-align: left; flex-basis: 100%; }
.mt-lines { font-size: clamp(1.05rem, 1.2vw, 1.65rem); color: #1B2A41; padding-left: 1.2em; margin: 0.3rem 0; }
.mt-lines li { margin-bottom: 0.35em; }
.mt-title-lines { list-style: none; padding-left: 0 !important; margin-left: 0 !important;
                  font-size: clamp(1.2rem, 1.6vw, 2.1rem); }
.mt-details { font-size: clamp(0.85rem, 0.85vw, 1.15rem); color: #1B2A41; }
.mt-details li { margin-bottom: 0.2em; }
.mt-two { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5rem; }
.mt-table { width: 100%; border-collapse: collapse; font-size: clamp(0.95rem, 1.05vw, 1.45rem); }
.mt-table th { background: #0B3D91; color: #fff; text-align: left; padding: 0.35em 0.5em; }
.mt-table td { padding: 0.35em 0.5em; vertical-align: top; border-bottom: 1px solid #D0D5DD; }
.mt-table tbody tr:nth-child(even) td { background: #F1F4F8; }
.mt-toned { font-weight: 700; }
.mt-more { color: #5A6472; font-size: clamp(0.85rem, 0.85vw, 1.15rem); margin-top: 0.3rem; }
.mt-empty { font-size: clamp(1.1rem, 1.3vw, 1.8rem); color: #5A6472; padding: 2rem 0; }
.mt-source { color: #5A6472; font-size: clamp(0.8rem, 0.8vw, 1.1rem); border-top: 1px solid #D0D5DD;
             padding-top: 0.3rem; margin-top: 0.3rem; }
</style>"""

# Presentation mode: the slide alone on the screen (no sidebar, header, toolbar or page padding).
PRESENTING_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.6rem 2.5rem !important; max-width: 100% !important; }
.mt-table { font-size: 1.6vw; }
.mt-table td, .mt-table th { padding: 0.6em 0.5em; }
.mt-lines { font-size: 1.6vw; }
.mt-subtitle { font-size: 1.4vw; }
/* Nothing below 24 px on a 1920 px wide screen (1.25vw), as in the deck. */
.mt-metric-label, .mt-metric-detail, .mt-more, .mt-details, .mt-source, .mt-counter { font-size: 1.25vw; }
</style>"""
PRESENTING_FONT_PX = 26  # the chart's type in presentation mode: ticks 2 px smaller, 24 px


_e = html_text


def slide_header_html(slide: Slide, number: int, total: int, lang: str) -> str:
    counter = t("{n} / {total}", lang, n=number, total=total)
    subtitle = f'<div class="mt-subtitle">{_e(slide.subtitle)}</div>' if slide.subtitle else ""
    hero = " mt-hero" if slide.kind == TITLE else ""
    return (f'<div class="mt-head{hero}" style="--mt-accent: {slide.accent}" data-slide-kind="{slide.kind}">'
            f'<div class="mt-counter">{_e(counter)}</div><div class="mt-title">{_e(slide.title)}</div>'
            f"{subtitle}</div>")


def slide_body_html(slide: Slide, side: bool = False) -> str:
    """Metrics, lines, table and empty message of a slide (the chart is drawn separately); `side` when the
    texts sit beside a chart."""
    parts = []
    if slide.metrics:
        # Beside a chart the value stays dark and its change carries the colour (as on the PowerPoint slide).
        tiles = "".join(
            f'<div class="mt-metric"><div class="mt-metric-value" '
            f'style="color:{INK if side else TONE_COLOURS.get(m.tone, INK)}">'
            f'{_e(m.value)}</div><div class="mt-metric-label">{_e(m.label)}</div>'
            + (f'<div class="mt-metric-detail" style="color:{TONE_COLOURS.get(m.tone, MUTED)}">{_e(m.detail)}</div>'
               if m.detail else "") + "</div>"
            for m in slide.metrics)
        size = " mt-metrics-big" if slide.kind == HEADLINE else ""
        parts.append(f'<div class="mt-metrics{size}">{tiles}</div>')
    if slide.table is not None:
        head = "".join(f"<th>{_e(c)}</th>" for c in slide.table.columns)
        body = "".join(
            "<tr>" + "".join(f'<td class="{"mt-toned" if c.tone else ""}" '
                             f'style="color:{TONE_COLOURS.get(c.tone, INK)}">{_e(c.text)}</td>' for c in row)
            + "</tr>" for row in slide.table.rows)
        more = f'<div class="mt-more">{_e(slide.table.more)}</div>' if slide.table.more else ""
        parts.append(f'<table class="mt-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}')
    if slide.lines:
        cls = "mt-lines mt-title-lines" if slide.kind in (TITLE, CLOSING) else "mt-lines"
        parts.append(f'<ul class="{cls}">' + "".join(f"<li>{_e(line)}</li>" for line in slide.lines) + "</ul>")
    if slide.details:
        parts.append(f'<div class="mt-details"><b>{_e(slide.details[0])}</b><ul>'
                     + "".join(f"<li>{_e(d)}</li>" for d in slide.details[1:]) + "</ul></div>")
    if slide.empty:
        parts.append(f'<div class="mt-empty">{_e(slide.empty)}</div>')
    # The sources slide sets its two lists side by side, as on the PowerPoint slide.
    layout = "mt-side" if side else "mt-body mt-two" if slide.kind == CLOSING else "mt-body"
    return f'<div class="{layout}">' + "".join(parts) + "</div>"


def slide_footer_html(slide: Slide) -> str:
    return f'<div class="mt-source">{_e(slide.source)}</div>'


def chart_beside_texts(slide: Slide) -> bool:
    """Whether the page draws the slide's chart in a column beside its texts (as on the PowerPoint slide)."""
    return slide.chart is not None and slide.kind in (DOMAIN, ACTIONS)

