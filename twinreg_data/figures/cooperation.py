"""Cooperation page: action plan timeline, actions table, benchmark chart, table and patterns text (pure functions)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from ..i18n import format_day, format_number, t
from ..queries.cooperation import BenchmarkPatterns
from ..schema import ACTION_STATUSES, LEGAL_FORMS

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
    return t(f"coop.status.{code}", lang)


def legal_form_label(code: str, lang: str) -> str:
    return t(f"coop.legal_form.{code}", lang)


def _in_sentence(label: str) -> str:
    """A label inside a sentence: lower case, except acronyms such as EGTC."""
    return label if label.isupper() else label[:1].lower() + label[1:]


def _short(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _organisation(name: str) -> str:
    """The organisation's name without the bracketed original-language name, for a compact bar label."""
    return name.split(" (")[0].split(";")[0].strip()


def _source(fig: go.Figure, text: str) -> None:
    """The source line at the bottom edge of the figure (annotations take paper coordinates only)."""
    layout = fig.layout
    plot_height = layout.height - layout.margin.t - layout.margin.b
    fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0,
                       y=-(layout.margin.b - 4) / plot_height, xanchor="left", yanchor="bottom",
                       font={"size": 11, "color": "#555"})


def bottleneck_text(frame: pd.DataFrame) -> pd.Series:
    """`BN-005 Title; BN-006 Title` per action (titles already in the chosen language)."""
    columns = ["bottleneck_codes", "bottleneck_titles"]
    links = frame[columns].explode(columns).dropna(subset=["bottleneck_codes"])
    text = (links["bottleneck_codes"] + " " + links["bottleneck_titles"]).str.strip()
    return text.groupby(level=0).agg("; ".join).reindex(frame.index, fill_value="")


def timeline(actions: pd.DataFrame, lang: str, today: dt.date) -> go.Figure:
    """Gantt-like bars from start to due per action, grouped by work package, coloured by status.

    One bar per action, spread over one trace per status (for the legend). Overdue actions are marked three
    ways, so colour is never the only cue: a dark red outline (its own legend entry), a "⚠ overdue" label and
    their place left of the "today" line.
    """
    frame = actions.reset_index(drop=True)
    start = pd.to_datetime(frame["start"])
    due = pd.to_datetime(frame["due"])
    # A multicategory axis groups the bars under their work package.
    y_wp = frame["work_package"].tolist()
    y_label = (frame["code"] + " " + frame["title"].map(_short)).tolist()

    def geometry(rows: pd.Index) -> dict:
        return {
            "orientation": "h",
            "base": start[rows].dt.strftime("%Y-%m-%d").tolist(),
            # Duration in milliseconds on a date axis (what px.timeline does); the due day is included.
            "x": (((due[rows] - start[rows]).dt.days + 1) * DAY_MS).tolist(),
            "y": [[y_wp[i] for i in rows], [y_label[i] for i in rows]],
        }

    fig = go.Figure()
    # An invisible first trace fixes the category order to the frame's (work package, start, code).
    fig.add_scatter(x=start.dt.strftime("%Y-%m-%d").tolist(), y=[y_wp, y_label], mode="markers",
                    marker={"opacity": 0}, showlegend=False, hoverinfo="skip")
    overdue = frame["overdue"].astype(bool)
    overdue_text = t("coop.metric.overdue", lang)
    for status in ACTION_STATUSES:
        rows = frame.index[frame["status"] == status]
        if rows.empty:
            continue
        fig.add_bar(
            **geometry(rows),
            name=status_label(status, lang),
            marker={"color": ACTION_STATUS_COLOURS[status]},
            text=[_organisation(frame.at[i, "lead"]) + (f"  ⚠ {overdue_text}" if overdue[i] else "") for i in rows],
            textposition="outside",
            cliponaxis=False,
            textfont={"size": 11},
            customdata=[[frame.at[i, "title"], frame.at[i, "lead"], format_day(start[i].date(), lang),
                         format_day(due[i].date(), lang)] for i in rows],
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>" + t("coop.hover.lead", lang) + ": %{customdata[1]}<br>"
                + t("coop.hover.period", lang) + ": %{customdata[2]} → %{customdata[3]}<extra>"
                + status_label(status, lang) + "</extra>"
            ),
        )
    late = frame.index[overdue]
    if not late.empty:
        # Drawn over the status bars (overlay mode): an outline only, with its own legend entry.
        fig.add_bar(
            **geometry(late),
            name=t("coop.timeline.overdue_marker", lang),
            marker={"color": "rgba(0,0,0,0)", "line": {"color": OVERDUE_COLOUR, "width": 3}},
            hoverinfo="skip",
        )
    first = start.min() if len(frame) else pd.Timestamp(today)
    last = due.max() if len(frame) else pd.Timestamp(today)
    span = max((last - first).days, 180)
    # Room on the right for the lead organisation written after the last bar.
    x_range = [(first - pd.Timedelta(days=span * 0.02)).strftime("%Y-%m-%d"),
               (last + pd.Timedelta(days=span * 0.4)).strftime("%Y-%m-%d")]
    fig.add_shape(type="line", x0=today.isoformat(), x1=today.isoformat(), y0=0, y1=1, yref="paper",
                  line={"color": "#333", "width": 1.5, "dash": "dot"})
    fig.add_annotation(x=today.isoformat(), y=1, yref="paper", yanchor="bottom", showarrow=False,
                       text=f"{t('coop.timeline.today', lang)} {format_day(today, lang)}", font={"size": 11})
    height = 240 + 30 * max(len(frame), 1)
    fig.update_layout(
        barmode="overlay",
        showlegend=True,  # also for a single trace: the legend explains the colours
        title=t("coop.timeline.title", lang),
        xaxis={"type": "date", "title": t("coop.timeline.axis", lang), "range": x_range},
        yaxis={"autorange": "reversed", "automargin": True, "tickfont": {"size": 11}},
        legend={"orientation": "h", "traceorder": "normal", "yref": "container", "y": 30 / height,
                "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 10, "t": 80, "b": 150},
        height=height,
        bargap=0.25,
    )
    _source(fig, t("coop.timeline.source", lang))
    return fig


def date_columns(lang: str) -> list[str]:
    return [t("coop.col.start", lang), t("coop.col.due", lang), t("coop.col.completed_on", lang)]


def actions_table(actions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The actions as shown and downloaded: translated headers and labels, dates as dates."""
    col = {name: t(f"coop.col.{name}", lang) for name in (
        "code", "work_package", "title", "lead", "partners", "level", "start", "due", "status", "overdue",
        "completed_on", "bottlenecks")}
    return pd.DataFrame({
        col["code"]: actions["code"],
        col["work_package"]: actions["work_package"],
        col["title"]: actions["title"],
        col["lead"]: actions["lead"],
        col["partners"]: actions["partners"],
        col["level"]: actions["level"].map(lambda v: t(f"coop.level.{v}", lang)),
        col["start"]: pd.to_datetime(actions["start"]).dt.date,
        col["due"]: pd.to_datetime(actions["due"]).dt.date,
        col["status"]: actions["status"].map(lambda s: status_label(s, lang)),
        col["overdue"]: actions["overdue"].map(lambda v: t("coop.yes", lang) if v else ""),
        col["completed_on"]: pd.to_datetime(actions["completed_on"]).dt.date,
        col["bottlenecks"]: bottleneck_text(actions) if len(actions) else pd.Series(dtype=object),
    }).reset_index(drop=True)


def style_actions(table: pd.DataFrame, lang: str) -> Styler:
    """Dates written for the chosen language; the overdue cells in dark red."""
    def day(value: object) -> str:
        # NaT is a datetime too, so test for a missing value first.
        return "–" if pd.isna(value) else format_day(value, lang)

    overdue = t("coop.col.overdue", lang)
    return (table.style
            .format(day, subset=date_columns(lang))
            .map(lambda v: f"color: {OVERDUE_COLOUR}; font-weight: bold" if v else "", subset=[overdue]))


def benchmark_table(regions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The benchmark as shown and downloaded: translated headers and legal forms, numbers as numbers."""
    col = {name: t(f"coop.bench.col.{name}", lang) for name in (
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

    own = regions["own"].astype(bool).tolist()
    numbers = [t("coop.bench.col.population", lang), t("coop.bench.col.area_km2", lang)]
    return (table.style
            .format(number, subset=numbers)
            .format(lambda v: "–" if pd.isna(v) else str(v), subset=[t("coop.bench.col.founded", lang)])
            .apply(lambda row: ["background-color: #FBE3D6" if own[row.name] else ""] * len(row), axis=1))


def benchmark_chart(regions: pd.DataFrame, lang: str) -> go.Figure:
    """Founding year against population (log scale), one marker symbol and colour per legal form; the twin
    region's own body drawn larger and labelled."""
    plotted = regions.dropna(subset=["founded", "population"])
    plotted = plotted[plotted["population"] > 0].sort_values("founded")
    # Labels alternate above and below the markers, so that neighbours founded a year or two apart stay legible.
    position = pd.Series(["top center", "bottom center"] * len(plotted), dtype=object)[: len(plotted)]
    position.index = plotted.index
    fig = go.Figure()
    for form in LEGAL_FORMS:
        part = plotted[plotted["legal_form"] == form]
        if part.empty:
            continue
        fig.add_scatter(
            x=part["founded"].astype(int).tolist(),
            y=part["population"].astype(float).tolist(),
            mode="markers+text",
            name=legal_form_label(form, lang),
            text=part["name"].map(lambda n: _short(n.split(" (")[0], 28)).tolist(),
            textposition=position[part.index].tolist(),
            textfont={"size": 10, "color": "#333"},
            marker={"symbol": LEGAL_FORM_SYMBOLS[form], "size": 13, "color": LEGAL_FORM_COLOURS[form],
                    "line": {"width": 1, "color": "#ffffff"}},
            customdata=[[n, c, format_number(p, lang)] for n, c, p in
                        zip(part["name"], part["countries"], part["population"], strict=True)],
            hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{x}: %{customdata[2]}<extra>"
            + legal_form_label(form, lang) + "</extra>",
        )
    own = plotted[plotted["own"].astype(bool)]
    if not own.empty:
        fig.add_scatter(
            x=own["founded"].astype(int).tolist(),
            y=own["population"].astype(float).tolist(),
            mode="markers",
            name=t("coop.bench.own", lang) + ": " + own["name"].iloc[0],
            marker={"symbol": "star", "size": 24, "color": OWN_COLOUR, "line": {"width": 1.5, "color": "#000"}},
            hoverinfo="skip",
        )
    fig.update_layout(
        title=t("coop.bench.chart_title", lang),
        showlegend=True,  # also for a single trace: the legend explains the colours
        xaxis={"title": t("coop.bench.x", lang), "dtick": 5,
               "range": [plotted["founded"].min() - 4, plotted["founded"].max() + 4] if len(plotted) else None},
        yaxis={"title": t("coop.bench.y", lang), "type": "log"},
        legend={"orientation": "h", "yref": "container", "y": 0.045, "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 10, "t": 60, "b": 120},
        height=520,
        separators=". " if lang == "en" else ", ",
    )
    _source(fig, t("coop.bench.source", lang))
    return fig


def chart_data(regions: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows the benchmark chart draws (regions with a founding year and a population)."""
    plotted = regions.dropna(subset=["founded", "population"])
    plotted = plotted[plotted["population"] > 0]
    return benchmark_table(plotted, lang)[[t(f"coop.bench.col.{c}", lang) for c in (
        "name", "countries", "legal_form", "founded", "population")]]


def missing_from_chart(regions: pd.DataFrame) -> list[str]:
    missing = regions[regions["founded"].isna() | regions["population"].isna() | ~(regions["population"] > 0)]
    return missing["name"].tolist()


def patterns_text(patterns: BenchmarkPatterns, lang: str) -> str:
    """A few sentences on the benchmark, generated from its numbers."""
    if not patterns.regions:
        return ""
    forms = ", ".join(f"{_in_sentence(legal_form_label(f, lang))} {format_number(n, lang)}"
                      for f, n in patterns.by_legal_form)
    top, top_count = patterns.by_legal_form[0]
    sentences = [t("coop.patterns.forms", lang, regions=format_number(patterns.regions, lang), forms=forms,
                   top=_in_sentence(legal_form_label(top, lang)), top_count=format_number(top_count, lang))]
    if patterns.founded_min is not None:
        sentences.append(t("coop.patterns.founded", lang, first=patterns.founded_min, last=patterns.founded_max,
                           median=round(patterns.founded_median)))
    if patterns.own_name and patterns.own_legal_form:
        sentences.append(t("coop.patterns.own", lang, name=patterns.own_name,
                           form=_in_sentence(legal_form_label(patterns.own_legal_form, lang)),
                           founded=patterns.own_founded if patterns.own_founded is not None else "–",
                           same=format_number(patterns.own_same_form, lang)))
    return " ".join(sentences)
