"""Cooperation page: action plan timeline, actions table, benchmark chart, table and patterns text (pure functions)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from ..i18n import NP_, format_day, format_number, t, with_english_mark
from ..labels import (
    COOP_BENCH_COL_LABELS,
    COOP_COL_LABELS,
    COOP_LEGAL_FORM_LABELS,
    COOP_LEVEL_LABELS,
    COOP_STATUS_LABELS,
)
from ..queries.cooperation import BenchmarkPatterns
from ..schema import ACTION_STATUSES, LEGAL_FORMS
from ..textsafe import html_text, markdown_text
from . import figure

# Colour-blind safe (Okabe–Ito and Paul Tol): planned pale, ongoing blue, done green, delayed orange,
# cancelled grey. Overdue is not a colour alone: a dark red outline, an ✕ at the due date and a text label.
ACTION_STATUS_COLOURS: dict[str, str] = {
    "planned": "#88CCEE",
    "ongoing": "#0072B2",
    "done": "#009E73",
    "delayed": "#E69F00",
    "cancelled": "#BBBBBB",
}
OVERDUE_COLOUR = "#A50026"
LEGAL_FORM_SYMBOLS: dict[str, str] = {
    "EGTC": "circle",
    "association": "square",
    "committee": "diamond",
    "foundation": "triangle-up",
    "twin_city_body": "triangle-down",
    "agreement": "cross",
}
LEGAL_FORM_COLOURS: dict[str, str] = {
    "EGTC": "#0072B2",
    "association": "#E69F00",
    "committee": "#009E73",
    "foundation": "#CC79A7",
    "twin_city_body": "#56B4E9",
    "agreement": "#777777",
}
OWN_COLOUR = "#D55E00"
LABEL_CHARS = 52
DAY_MS = 86_400_000


def status_label(code: str, lang: str) -> str:
    return t(COOP_STATUS_LABELS[code], lang)


def legal_form_label(code: str, lang: str) -> str:
    return t(COOP_LEGAL_FORM_LABELS[code], lang)


def _in_sentence(label: str) -> str:
    """A label inside a sentence: lower case, except acronyms such as EGTC."""
    return label if label.isupper() else label[:1].lower() + label[1:]


def _short(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _organisation(name: str, lang: str) -> str:
    """The organisation's name without the bracketed original-language name, for a compact bar label (still
    marked as English when the name is an untranslated fallback)."""
    return with_english_mark(name, name.split(" (")[0].split(";")[0].strip(), lang)


def _source(text: str, height: int, margin: dict[str, int]) -> dict:
    """The source line at the bottom edge of the figure (annotations take paper coordinates only)."""
    plot_height = height - margin["t"] - margin["b"]
    return {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0,
            "y": -(margin["b"] - 4) / plot_height, "xanchor": "left", "yanchor": "bottom",
            "font": {"size": 11, "color": "#555"}}


def bottleneck_text(frame: pd.DataFrame) -> pd.Series:
    """`BN-005 Title; BN-006 Title` per action (titles already in the chosen language).

    A loop over each row's few links: pandas' explode and groupby took 5 ms for the 22 demo actions, on every run.
    """
    return pd.Series(["; ".join(f"{code} {title}".strip() for code, title in zip(codes, titles, strict=True))
                      for codes, titles in zip(frame["bottleneck_codes"], frame["bottleneck_titles"], strict=True)],
                     index=frame.index, dtype=object)


def timeline(actions: pd.DataFrame, lang: str, today: dt.date) -> go.Figure:
    """Gantt-like bars from start to due per action, grouped by work package, coloured by status.

    One bar per action, spread over one trace per status (for the legend). Overdue actions are marked three
    ways, so colour is never the only cue: a dark red outline (its own legend entry), a "⚠ overdue" label and
    their place left of the "today" line.
    """
    frame = actions.reset_index(drop=True)
    start = pd.to_datetime(frame["start"])
    due = pd.to_datetime(frame["due"])
    # Per-action values computed once for all rows, then picked per trace by position. Object arrays go into
    # the figure as they are; lists would be validated and copied item by item.
    start_text = start.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
    # Duration in milliseconds on a date axis (what px.timeline does); the due day is included.
    duration_ms = (((due - start).dt.days + 1) * DAY_MS).to_numpy()
    # A multicategory axis groups the bars under their work package: y is (work package, label) per bar.
    # Every data text below is plotly markup (tick labels, bar text, hover): escaped with html_text.
    y_categories = np.vstack([frame["work_package"].map(html_text).to_numpy(dtype=object),
                              (frame["code"].map(html_text) + " " + frame["title"].map(_short).map(html_text))
                              .to_numpy(dtype=object)])
    overdue = frame["overdue"].astype(bool).to_numpy()
    overdue_text = t("Overdue", lang)
    bar_text = np.array([html_text(_organisation(lead, lang)) + (f"  ⚠ {overdue_text}" if late else "")
                         for lead, late in zip(frame["lead"], overdue, strict=True)], dtype=object)
    customdata = np.column_stack([
        frame["title"].map(html_text).to_numpy(dtype=object),
        frame["lead"].map(html_text).to_numpy(dtype=object),
        np.array([format_day(day.date(), lang) for day in start], dtype=object),
        np.array([format_day(day.date(), lang) for day in due], dtype=object),
    ])

    def geometry(rows: np.ndarray) -> dict:
        return {
            "type": "bar",
            "orientation": "h",
            "base": start_text[rows],
            "x": duration_ms[rows].tolist(),  # a list: a numeric array would be sent base64-encoded
            "y": y_categories[:, rows],
        }

    # An invisible first trace fixes the category order to the frame's (work package, start, code).
    traces = [{"type": "scatter", "x": start_text, "y": y_categories, "mode": "markers", "marker": {"opacity": 0},
               "showlegend": False, "hoverinfo": "skip"}]
    status = frame["status"].to_numpy(dtype=object)
    for code in ACTION_STATUSES:
        rows = np.flatnonzero(status == code)
        if not len(rows):
            continue
        traces.append({
            **geometry(rows),
            "name": status_label(code, lang),
            "marker": {"color": ACTION_STATUS_COLOURS[code]},
            "text": bar_text[rows],
            "textposition": "outside",
            "cliponaxis": False,
            "textfont": {"size": 11},
            "customdata": customdata[rows],
            "hovertemplate": (
                "<b>%{customdata[0]}</b><br>" + t(NP_("coop.hover", "Lead"), lang) + ": %{customdata[1]}<br>"
                + t("Start → due", lang) + ": %{customdata[2]} → %{customdata[3]}<extra>"
                + status_label(code, lang) + "</extra>"
            ),
        })
    late = np.flatnonzero(overdue)
    if len(late):
        # Drawn over the status bars (overlay mode): an outline only, with its own legend entry.
        traces.append({
            **geometry(late),
            "name": t("Overdue (due date passed)", lang),
            "marker": {"color": "rgba(0,0,0,0)", "line": {"color": OVERDUE_COLOUR, "width": 3}},
            "hoverinfo": "skip",
        })
    first = start.min() if len(frame) else pd.Timestamp(today)
    last = due.max() if len(frame) else pd.Timestamp(today)
    span = max((last - first).days, 180)
    # Room on the right for the lead organisation written after the last bar.
    x_range = [(first - pd.Timedelta(days=span * 0.02)).strftime("%Y-%m-%d"),
               (last + pd.Timedelta(days=span * 0.4)).strftime("%Y-%m-%d")]
    height = 240 + 30 * max(len(frame), 1)
    margin = {"l": 10, "r": 10, "t": 80, "b": 150}
    layout = {
        "barmode": "overlay",
        "showlegend": True,  # also for a single trace: the legend explains the colours
        "title": {"text": t("Action plan: who does what by when", lang)},
        "xaxis": {"type": "date", "title": {"text": t("Date (bar from start to due date)", lang)}, "range": x_range},
        "yaxis": {"autorange": "reversed", "automargin": True, "tickfont": {"size": 11}},
        "legend": {"orientation": "h", "traceorder": "normal", "yref": "container", "y": 30 / height,
                   "yanchor": "bottom", "x": 0},
        "margin": margin,
        "height": height,
        "bargap": 0.25,
        "shapes": [{"type": "line", "x0": today.isoformat(), "x1": today.isoformat(), "y0": 0, "y1": 1,
                    "yref": "paper", "line": {"color": "#333", "width": 1.5, "dash": "dot"}}],
        "annotations": [
            {"x": today.isoformat(), "y": 1, "yref": "paper", "yanchor": "bottom", "showarrow": False,
             "text": t("Today", lang) + " " + format_day(today, lang), "font": {"size": 11}},
            _source(t("Source: TwinReg action plan (work packages WP1–WP3); bar label: lead organisation",
                      lang), height, margin),
        ],
    }
    # Built in one go from plain dicts: plotly validates each property once, not again per add_*/update_* call.
    return figure(traces, layout)


def date_columns(lang: str) -> list[str]:
    return [t("Start", lang), t("Due", lang), t("Completed on", lang)]


def actions_table(actions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The actions as shown and downloaded: translated headers and labels, dates as dates."""
    col = {name: t(COOP_COL_LABELS[name], lang) for name in (
        "code", "work_package", "title", "lead", "partners", "level", "start", "due", "status", "overdue",
        "completed_on", "bottlenecks")}
    return pd.DataFrame({
        col["code"]: actions["code"],
        col["work_package"]: actions["work_package"],
        col["title"]: actions["title"],
        col["lead"]: actions["lead"],
        col["partners"]: actions["partners"],
        col["level"]: actions["level"].map(lambda v: t(COOP_LEVEL_LABELS[v], lang)),
        col["start"]: pd.to_datetime(actions["start"]).dt.date,
        col["due"]: pd.to_datetime(actions["due"]).dt.date,
        col["status"]: actions["status"].map(lambda s: status_label(s, lang)),
        # Marked as on the timeline's bars; the dates are written by the grid (a pandas Styler that wrote them and
        # coloured this cell rendered every cell on the server: 10-20 ms per run for the 22 demo actions).
        col["overdue"]: actions["overdue"].map(lambda v: "⚠ " + t("Yes", lang) if v else ""),
        col["completed_on"]: pd.to_datetime(actions["completed_on"]).dt.date,
        col["bottlenecks"]: bottleneck_text(actions),
    }).reset_index(drop=True)


def benchmark_table(regions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The benchmark as shown and downloaded: translated headers and legal forms, numbers as numbers."""
    col = {name: t(COOP_BENCH_COL_LABELS[name], lang) for name in (
        "name", "countries", "legal_form", "founded", "population", "area_km2", "funding_model", "bodies",
        "lessons", "source")}
    table = pd.DataFrame({
        col["name"]: regions["name"],
        col["countries"]: regions["countries"],
        col["legal_form"]: regions["legal_form"].map(lambda f: legal_form_label(f, lang)),
        col["founded"]: regions["founded"].astype("Int64"),
        col["population"]: regions["population"].astype("Int64"),
        col["area_km2"]: regions["area_km2"].astype("Float64"),
        col["funding_model"]: regions["funding_model"],
        col["bodies"]: regions["bodies"],
        col["lessons"]: regions["lessons"],
        col["source"]: regions["source"],
    })
    return table.reset_index(drop=True)


def style_benchmark(table: pd.DataFrame, regions: pd.DataFrame, lang: str) -> Styler:
    """Numbers written for the chosen language; the twin region's own row highlighted."""
    def number(value: object) -> str:
        return "–" if pd.isna(value) else format_number(value, lang)

    own = regions["own"].astype(bool).to_numpy()
    # The CSS of every cell at once (a row-by-row apply built a Series per row, on every run).
    row_css = np.where(own, "background-color: #FBE3D6", "")
    highlight = pd.DataFrame(np.broadcast_to(row_css[:, None], table.shape), index=table.index,
                             columns=table.columns)
    numbers = [t("Population", lang), t("Area (km²)", lang)]
    return (table.style
            .format(number, subset=numbers)
            .format(lambda v: "–" if pd.isna(v) else str(v), subset=[t("Founded", lang)])
            .apply(lambda _: highlight, axis=None))


def benchmark_chart(regions: pd.DataFrame, lang: str) -> go.Figure:
    """Founding year against population (log scale), one marker symbol and colour per legal form; the twin
    region's own body drawn larger and labelled."""
    plotted = regions.dropna(subset=["founded", "population"])
    plotted = plotted[plotted["population"] > 0].sort_values("founded")
    # Labels alternate above and below the markers, so that neighbours founded a year or two apart stay legible.
    position = np.array(["top center", "bottom center"] * len(plotted), dtype=object)[: len(plotted)]
    # Per-region values computed once, then picked per legal form by position. Object arrays go into the figure
    # as they are; lists would be validated and copied item by item.
    founded = plotted["founded"].astype(int).to_numpy()
    population = plotted["population"].astype(float).to_numpy()
    # Names and countries are plotly markup (text labels, hover): escaped with html_text.
    label = np.array([html_text(_short(name.split(" (")[0], 28)) for name in plotted["name"]], dtype=object)
    customdata = np.column_stack([
        plotted["name"].map(html_text).to_numpy(dtype=object),
        plotted["countries"].map(html_text).to_numpy(dtype=object),
        np.array([format_number(p, lang) for p in plotted["population"]], dtype=object),
    ])
    legal_form = plotted["legal_form"].to_numpy(dtype=object)
    traces = []
    for form in LEGAL_FORMS:
        rows = np.flatnonzero(legal_form == form)
        if not len(rows):
            continue
        traces.append({
            "type": "scatter",
            # Lists: numeric arrays would be sent base64-encoded.
            "x": founded[rows].tolist(),
            "y": population[rows].tolist(),
            "mode": "markers+text",
            "name": legal_form_label(form, lang),
            "text": label[rows],
            "textposition": position[rows],
            "textfont": {"size": 10, "color": "#333"},
            "marker": {"symbol": LEGAL_FORM_SYMBOLS[form], "size": 13, "color": LEGAL_FORM_COLOURS[form],
                       "line": {"width": 1, "color": "#ffffff"}},
            "customdata": customdata[rows],
            "hovertemplate": "<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{x}: %{customdata[2]}<extra>"
            + legal_form_label(form, lang) + "</extra>",
        })
    own = np.flatnonzero(plotted["own"].astype(bool).to_numpy())
    if len(own):
        traces.append({
            "type": "scatter",
            "x": founded[own].tolist(),
            "y": population[own].tolist(),
            "mode": "markers",
            "name": t("TwinReg", lang) + ": " + html_text(plotted["name"].iloc[own[0]]),
            "marker": {"symbol": "star", "size": 24, "color": OWN_COLOUR, "line": {"width": 1.5, "color": "#000"}},
            "hoverinfo": "skip",
        })
    x_axis = {"title": {"text": t("Year founded", lang)}, "dtick": 5}
    if len(plotted):
        x_axis["range"] = [plotted["founded"].min() - 4, plotted["founded"].max() + 4]
    height = 520
    margin = {"l": 10, "r": 10, "t": 60, "b": 120}
    layout = {
        "title": {"text": t("Founding year and population covered, by legal form", lang)},
        "showlegend": True,  # also for a single trace: the legend explains the colours
        "xaxis": x_axis,
        "yaxis": {"title": {"text": t("Population covered (persons, log scale)", lang)}, "type": "log"},
        "legend": {"orientation": "h", "yref": "container", "y": 0.045, "yanchor": "bottom", "x": 0},
        "margin": margin,
        "height": height,
        "separators": ". " if lang == "en" else ", ",
        "annotations": [_source(t("Source: TwinReg benchmark of cross-border regions (sources per region in the "
                                  "table)", lang), height, margin)],
    }
    # Built in one go from plain dicts: plotly validates each property once, not again per add_*/update_* call.
    return figure(traces, layout)


def chart_data(regions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows the benchmark chart draws (regions with a founding year and a population)."""
    plotted = regions.dropna(subset=["founded", "population"])
    plotted = plotted[plotted["population"] > 0]
    return benchmark_table(plotted, lang)[[t(COOP_BENCH_COL_LABELS[c], lang) for c in (
        "name", "countries", "legal_form", "founded", "population")]]


def missing_from_chart(regions: pd.DataFrame) -> list[str]:
    """Names of the regions the chart leaves out, as text (escape them for the element that shows them)."""
    missing = regions[regions["founded"].isna() | regions["population"].isna() | ~(regions["population"] > 0)]
    return missing["name"].tolist()


def patterns_text(patterns: BenchmarkPatterns, lang: str) -> str:
    """A few sentences on the benchmark, generated from its numbers."""
    if not patterns.regions:
        return ""
    forms = ", ".join(f"{_in_sentence(legal_form_label(f, lang))} {format_number(n, lang)}"
                      for f, n in patterns.by_legal_form)
    top, top_count = patterns.by_legal_form[0]
    sentences = [t("{regions} regions compared. By legal form: {forms}. The most common form is {top} ({top_count} "
                   "of {regions}).", lang, regions=format_number(patterns.regions, lang), forms=forms,
                   top=_in_sentence(legal_form_label(top, lang)), top_count=format_number(top_count, lang))]
    if patterns.founded_min is not None:
        sentences.append(t("Founded between {first} and {last} (median {median}).",
                           lang, first=patterns.founded_min, last=patterns.founded_max,
                           median=round(patterns.founded_median)))
    if patterns.own_name and patterns.own_legal_form:
        sentences.append(t("The twin region's own body, {name} (legal form: {form}, founded {founded}), shares its "
                           "legal form with {same} of the other regions.", lang, name=markdown_text(patterns.own_name),
                           form=_in_sentence(legal_form_label(patterns.own_legal_form, lang)),
                           founded=patterns.own_founded if patterns.own_founded is not None else "–",
                           same=format_number(patterns.own_same_form, lang)))
    return " ".join(sentences)
