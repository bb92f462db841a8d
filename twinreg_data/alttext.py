"""Text alternatives of charts: a one-sentence summary and the data as a table, read from the plotly figure.

Every chart on a page (`pages/_ui.chart`) and every chart on a slide gets its alternative from here, so a screen
reader user hears what a sighted user sees: what the chart is, its period, its latest value and, for a series, the
change as `queries.comparison` states it (like with like, outside the stated uncertainty). Pure functions of the
figure: the same figure gives the same text in every place it is drawn.

What is read from a figure:
- Traces that answer the pointer carry data; traces with `hoverinfo="skip"` (land, estimate bands, labels, legend
  keys) are decoration. A figure with a trace filled per area (`hoveron="fills"`) is a map: its rows are the areas
  and flows with their hover text.
- A trace may carry `meta={"low": [...], "high": [...], "frequency": ..., "polarity": ...}` (its estimate range and
  what its indicator is), which the comparison uses; without it, a series is compared as an annual, neutral one
  without ranges.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .i18n import N_, format_number, t
from .queries import comparison

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_QUARTER = re.compile(r"^\d{4}-?Q[1-4]$")
YEAR_ON_YEAR_DAYS = 300  # points at least this far apart are compared with the previous point (annual data)

# Column names of the data table.
COL_SERIES, COL_CATEGORY, COL_VALUE = N_("Series"), N_("Category"), N_("Value")
COL_AREA, COL_DETAILS, COL_START, COL_END = N_("Area or flow"), N_("Details"), N_("Start"), N_("End")


@dataclass(frozen=True)
class ChartText:
    """What a chart shows in words (`summary`, one sentence) and its data (`table`, plain text and numbers)."""

    summary: str
    table: pd.DataFrame


def plain(text: object) -> str:
    """Plotly label markup as plain text: line breaks as spaces, tags dropped, entities decoded."""
    if text is None:
        return ""
    return " ".join(html.unescape(_TAG.sub("", _BREAK.sub(" ", str(text)))).split())


def _lines(text: object) -> list[str]:
    """Hover markup as its lines of plain text."""
    return [line for line in (plain(part) for part in _BREAK.split(str(text or ""))) if line]


def _values(data: object) -> list:
    if data is None:
        return []
    if isinstance(data, dict) and "bdata" in data:  # plotly's typed array (a figure read back from its JSON)
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"])).tolist()
    if isinstance(data, np.ndarray):
        return data.tolist()
    return list(data) if isinstance(data, list | tuple) else [data]


def _category(value: object) -> str:
    return plain(value)


def _data_traces(fig) -> list:
    """The traces that carry data (not decoration, not an empty legend key)."""
    traces = []
    for trace in fig.data:
        if trace.hoverinfo == "skip" or trace.visible in (False, "legendonly"):
            continue
        xs = [x for x in _values(getattr(trace, "x", None)) if x is not None]
        ys = [y for y in _values(getattr(trace, "y", None)) if y is not None]
        if xs or ys:
            traces.append(trace)
    return traces


def _title(fig) -> str:
    title = fig.layout.title.text if fig.layout.title else None
    return plain(title)


def _axis_title(axis) -> str:
    return plain(axis.title.text) if axis is not None and axis.title is not None else ""


def _is_map(fig) -> bool:
    return any(getattr(trace, "hoveron", None) == "fills" for trace in fig.data)


def _number(value: float, lang: str) -> str:
    digits = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    return format_number(value, lang, digits)


def _cell(value: object, lang: str) -> object:
    """A table cell as shown: a number in the language's convention, anything else as plain text."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | np.integer | np.floating):
        return "–" if np.isnan(float(value)) else _number(float(value), lang)
    return plain(value)


def _shown(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return table.map(lambda value: _cell(value, lang)) if not table.empty else table


def _period(value: object, lang: str) -> str:
    """An x value as a period: a year as 2024, a date as 2024-03 (or 2024 for 1 January), text as it is."""
    if isinstance(value, int | np.integer) or (isinstance(value, float) and float(value).is_integer()):
        return str(int(value))
    if isinstance(value, str) and not re.match(r"^\d{4}-\d{2}", value):
        return plain(value)
    stamp = pd.to_datetime(value, errors="coerce") if isinstance(value, str | dt.date | pd.Timestamp) else pd.NaT
    if pd.isna(stamp):
        return plain(value)
    if stamp.month == 1 and stamp.day == 1:
        return str(stamp.year)
    return stamp.strftime("%Y-%m")


def _series_frame(trace) -> pd.DataFrame:
    """A trace of points over time as rows (period_start, period, value, value_low, value_high) in x order."""
    xs, ys = _values(trace.x), _values(trace.y)
    meta = trace.meta if isinstance(trace.meta, dict) else {}
    lows = _values(meta.get("low")) or [None] * len(xs)
    highs = _values(meta.get("high")) or [None] * len(xs)
    rows = []
    for x, y, low, high in zip(xs, ys, lows, highs, strict=False):
        if x is None or y is None or (isinstance(y, float) and np.isnan(y)):
            continue
        if isinstance(x, int | float | np.integer | np.floating):
            start = pd.Timestamp(year=int(x), month=1, day=1)
        elif isinstance(x, str) and _QUARTER.match(x):
            start = pd.Period(x.replace("-", "")).start_time
        else:
            start = pd.to_datetime(x, errors="coerce")
        if pd.isna(start):
            return pd.DataFrame()
        rows.append({"period_start": start, "x": x, "value": float(y),
                     "value_low": np.nan if low is None else float(low),
                     "value_high": np.nan if high is None else float(high)})
    return pd.DataFrame(rows).sort_values("period_start").reset_index(drop=True) if rows else pd.DataFrame()


def _frequency(rows: pd.DataFrame, meta: dict) -> str:
    if meta.get("frequency"):
        return str(meta["frequency"])
    if len(rows) < 2:
        return "annual"
    gap = rows["period_start"].diff().dt.days.median()
    return "annual" if gap >= YEAR_ON_YEAR_DAYS else "quarterly" if gap >= 80 else "monthly"


def change_phrase(rows: pd.DataFrame, meta: dict, lang: str) -> str:
    """The change of a series' latest value, worded by the one comparison rule (`queries.comparison`)."""
    frequency = _frequency(rows, meta)
    series = rows.assign(period=[_period(x, lang) for x in rows["x"]])
    verdict = comparison.compare_series(series, frequency, str(meta.get("polarity") or "neutral"))
    if verdict is None or verdict["assessment"] == comparison.NOT_COMPARABLE:
        return t("no earlier figure to compare with", lang)
    previous = {"previous": _number(verdict["previous_value"], lang), "period": verdict["previous_period"]}
    assessment = verdict["assessment"]
    if assessment == comparison.NO_CLEAR_CHANGE:
        return t("no clear change from {previous} in {period}", lang, **previous)
    if assessment == comparison.IMPROVED:
        return t("improved from {previous} in {period}", lang, **previous)
    if assessment == comparison.WORSENED:
        return t("worsened from {previous} in {period}", lang, **previous)
    if verdict["change"] > 0:
        return t("up from {previous} in {period}", lang, **previous)
    return t("down from {previous} in {period}", lang, **previous)


def _numeric(values: list) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, int | float | np.integer | np.floating) for v in present)


def _is_series(trace) -> bool:
    mode = getattr(trace, "mode", None) or ""
    return (trace.type == "scatter" and "lines" in mode and getattr(trace, "fill", None) in (None, "none")
            and _numeric(_values(trace.y)))


def _describe_series(fig, traces: list, lang: str) -> ChartText:
    title = _title(fig) or t("Chart", lang)
    x_title, y_title = _axis_title(fig.layout.xaxis), _axis_title(fig.layout.yaxis)
    table_rows = []
    described = []
    for trace in traces:
        name = plain(trace.name) or title
        rows = _series_frame(trace)
        for x, y in zip(_values(trace.x), _values(trace.y), strict=False):
            if x is not None and y is not None:
                table_rows.append({t(COL_SERIES, lang): name, x_title or t(COL_CATEGORY, lang): _period(x, lang),
                                   y_title or t(COL_VALUE, lang): y})
        if not rows.empty:
            described.append((name, rows, trace.meta if isinstance(trace.meta, dict) else {}))
    table = pd.DataFrame(table_rows)
    if not described:  # lines over categories (months, say), not over time
        values = pd.to_numeric(table[y_title or t(COL_VALUE, lang)], errors="coerce")
        top = table.loc[values.idxmax()]
        names = ", ".join(dict.fromkeys(plain(trace.name) for trace in traces if plain(trace.name)))
        summary = t("{title}: {n} lines ({names}); highest {value} ({series}, {category}).", lang, title=title,
                    n=len(traces), names=names or "–", value=_number(values.max(), lang),
                    series=top[t(COL_SERIES, lang)], category=top[x_title or t(COL_CATEGORY, lang)])
        return ChartText(summary, table)
    # The series that reaches furthest in time leads the sentence (a builder's headline line first); the others
    # are in the table.
    leading = [item for item in described if item[2].get("headline")] or described
    name, rows, meta = max(leading, key=lambda item: item[1]["period_start"].iloc[-1])
    first, last = rows.iloc[0], rows.iloc[-1]
    summary = t("{title}, {first}–{last}: {series} {value} in {period}, {change}.", lang, title=title,
                first=_period(first["x"], lang), last=_period(last["x"], lang), series=name,
                value=_number(last["value"], lang), period=_period(last["x"], lang),
                change=change_phrase(rows, meta, lang))
    if len(described) > 1:
        summary += " " + t("{n} series in all; each value is in the data table.", lang, n=len(described))
    return ChartText(summary, table)


def _describe_map(fig, traces: list, lang: str) -> ChartText:
    title = _title(fig) or t("Map", lang)
    rows = []
    for trace in traces:
        lines = _lines(trace.hovertext if trace.hovertext is not None else trace.text)
        if isinstance(trace.hovertext, list | tuple) or isinstance(trace.text, list | tuple):
            texts = trace.hovertext if trace.hovertext is not None else trace.text
            lines = _lines(next((x for x in _values(texts) if x), ""))
        if lines:
            rows.append({t(COL_AREA, lang): lines[0], t(COL_DETAILS, lang): "; ".join(lines[1:])})
    areas = sum(1 for trace in traces if getattr(trace, "hoveron", None) == "fills")
    summary = t("{title}: a map of {areas} municipalities; what the map shows for each area is in the data table.",
                lang, title=title, areas=areas)
    return ChartText(summary, pd.DataFrame(rows))


def _bar_rows(trace, lang: str, category_title: str, value_title: str) -> list[dict]:
    horizontal = trace.orientation == "h"
    categories = _values(trace.y if horizontal else trace.x)
    values = _values(trace.x if horizontal else trace.y)
    if categories and isinstance(categories[0], list | tuple) and len(categories) == 2:
        categories = list(zip(*categories, strict=False))  # a multicategory axis: (group, item) pairs
    base = _values(trace.base) if getattr(trace, "base", None) is not None else []
    rows = []
    for i, (category, value) in enumerate(zip(categories, values, strict=False)):
        label = " · ".join(_category(c) for c in category) if isinstance(category, tuple) else _category(category)
        row = {t(COL_SERIES, lang): plain(trace.name), category_title: label}
        if base:  # a bar from a start date lasting `value` milliseconds (a timeline)
            start = pd.to_datetime(base[i] if i < len(base) else base[-1])
            row[t(COL_START, lang)] = start.date().isoformat()
            row[t(COL_END, lang)] = (start + pd.to_timedelta(float(value), unit="ms")).date().isoformat()
        else:
            row[value_title] = value
        rows.append(row)
    return rows


def _describe_bars(fig, traces: list, lang: str) -> ChartText:
    title = _title(fig) or t("Chart", lang)
    horizontal = traces[0].orientation == "h"
    category_title = _axis_title(fig.layout.yaxis if horizontal else fig.layout.xaxis) or t(COL_CATEGORY, lang)
    value_title = _axis_title(fig.layout.xaxis if horizontal else fig.layout.yaxis) or t(COL_VALUE, lang)
    if category_title == value_title:
        category_title = t(COL_CATEGORY, lang)
    rows = [row for trace in traces for row in _bar_rows(trace, lang, category_title, value_title)]
    table = pd.DataFrame(rows)
    if table.empty:
        return ChartText(t("{title}: no values to show.", lang, title=title), table)
    if value_title not in table:  # a timeline
        summary = t("{title}: {n} items from {start} to {end}.", lang, title=title, n=len(table),
                    start=table[t(COL_START, lang)].min(), end=table[t(COL_END, lang)].max())
        return ChartText(summary, table)
    values = pd.to_numeric(table[value_title], errors="coerce")
    totals = values.groupby(table[category_title], sort=False).sum()
    if plain(traces[0].name) == "" and len(traces) == 1:
        table = table.drop(columns=[t(COL_SERIES, lang)])
    if totals.max() == totals.min():
        return ChartText(t("{title}: {n} categories, each {value}.", lang, title=title, n=len(totals),
                           value=_number(totals.max(), lang)), table)
    summary = t("{title}: {n} categories, highest {top} ({top_value}), lowest {bottom} ({bottom_value}).", lang,
                title=title, n=len(totals), top=totals.idxmax(), top_value=_number(totals.max(), lang),
                bottom=totals.idxmin(), bottom_value=_number(totals.min(), lang))
    return ChartText(summary, table)


def _describe_points(fig, traces: list, lang: str) -> ChartText:
    title = _title(fig) or t("Chart", lang)
    x_title = _axis_title(fig.layout.xaxis) or "x"
    y_title = _axis_title(fig.layout.yaxis) or "y"
    rows = []
    for trace in traces:
        labels = _values(trace.customdata)
        for i, (x, y) in enumerate(zip(_values(trace.x), _values(trace.y), strict=False)):
            label = labels[i] if i < len(labels) else None
            if isinstance(label, list | tuple | np.ndarray):
                label = " ".join(plain(part) for part in list(label)[:2])
            rows.append({t(COL_SERIES, lang): plain(trace.name), t(NAME_COLUMN, lang): plain(label),
                         x_title: x, y_title: y})
    table = pd.DataFrame(rows)
    if not table.empty and not _numeric(table[y_title].tolist()):  # events: a state (text) at each date
        last = table.iloc[-1]
        summary = t("{title}: {n} events from {first} to {last}, the latest {state}.", lang, title=title,
                    n=len(table), first=_period(table[x_title].iloc[0], lang), last=_period(last[x_title], lang),
                    state=plain(last[y_title]))
        return ChartText(summary, table.drop(columns=[t(NAME_COLUMN, lang)]))
    groups = ", ".join(dict.fromkeys(name for name in (plain(trace.name) for trace in traces) if name))
    summary = t("{title}: {n} points by {x} and {y}; groups: {groups}.", lang, title=title, n=len(table),
                x=x_title, y=y_title, groups=groups or "–")
    return ChartText(summary, table)


NAME_COLUMN = N_("Name")


def describe(fig, lang: str) -> ChartText:
    """The text alternative of `fig` in `lang`; the table's cells are text as a reader sees them."""
    text = _describe(fig, lang)
    return ChartText(text.summary, _shown(text.table, lang))


def _describe(fig, lang: str) -> ChartText:
    traces = _data_traces(fig)
    if _is_map(fig):
        return _describe_map(fig, traces, lang)
    if not traces:
        return ChartText(t("{title}: no values to show.", lang, title=_title(fig) or t("Chart", lang)),
                         pd.DataFrame())
    if all(trace.type == "bar" for trace in traces) or sum(trace.type == "bar" for trace in traces) > len(traces) / 2:
        return _describe_bars(fig, [trace for trace in traces if trace.type == "bar"], lang)
    series = [trace for trace in traces if _is_series(trace)]
    if series:
        return _describe_series(fig, series, lang)
    return _describe_points(fig, traces, lang)


def describe_slide_chart(chart, lang: str, fallback_title: str = "") -> str:
    """The summary of a chart of the meeting deck (`briefing.model.Chart`), for its alternative text on a slide:
    the chart is drawn as a plotly figure in memory and described like every chart of the app."""
    import plotly.graph_objects as go

    categories = list(chart.categories)
    if chart.kind == "line":
        traces = [go.Scatter(x=categories, y=list(series.values), name=series.name, mode="lines+markers",
                             meta={"low": [np.nan if v is None else v for v in series.low] or None,
                                   "high": [np.nan if v is None else v for v in series.high] or None})
                  for series in chart.series]
        layout = {"yaxis": {"title": {"text": chart.value_title}}}
    else:
        traces = [go.Bar(y=categories, x=list(series.values), name=series.name, orientation="h")
                  for series in chart.series]
        layout = {"xaxis": {"title": {"text": chart.value_title}}}
    fig = go.Figure(traces, {**layout, "title": {"text": chart.title or fallback_title}})
    return describe(fig, lang).summary
