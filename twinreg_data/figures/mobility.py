"""Figures of the Mobility page (and the Overview's twin-region map): pure functions of DataFrames.

The map is drawn over the region's own geography (figures.geo: land, municipal boundaries, names); nothing is
fetched from the internet.
"""

from __future__ import annotations

import math
import textwrap
from collections import namedtuple
from collections.abc import Iterable, Iterator

import pandas as pd
import plotly.graph_objects as go
from babel.dates import get_month_names
from pandas.io.formats.style import Styler
from plotly.colors import sample_colorscale

from ..i18n import LOCALES, N_, NP_, format_number, normalise_language, t
from ..labels import MOBILITY_COUNT_LABELS, MOBILITY_FLAG_LABELS, MOBILITY_MODE_LABELS, MOBILITY_UNIT_LABELS
from ..schema import DOMAIN_COLOURS, FLOW_MODES, FLOW_UNITS
from ..textsafe import html_text, markdown_text
from . import figure, geo
from .indicators import colour_scale

# Okabe–Ito tones: colour-blind safe and told apart from one another on white.
MODE_COLOURS: dict[str, str] = {
    "ferry": "#0072B2",
    "air": "#CC79A7",
    "bus": "#E69F00",
    "rail": "#009E73",
    "tunnel": "#D55E00",
}
ARC_WIDTHS_PX = (10.0, 6.0, 3.5, 2.0)  # by the decade of a flow's volume below the largest one's
ARC_STEPS = 24  # points along an arc
ARC_BULGE = 0.18  # how far an arc bows out, as a share of its length
# The municipalities under the arcs: light to mid grey (lightness rises evenly; the arcs keep the colours).
SHADING_SCALE = [[0.0, "#f4f4f4"], [1.0, "#8c8c8c"]]
FLAG_SYMBOLS = {"estimate": "circle-open", "provisional": "square-open", "break": "diamond"}
PLOT_HEIGHT_PX = 290
BELOW_AXIS_PX = 64  # tick labels and the axis title under a time-series plot
LEGEND_ROW_PX = 22
TITLE_WRAP_CHARS, SOURCE_WRAP_CHARS = 52, 75


# -- shared helpers ------------------------------------------------------------------------------
def _rgb(colour: str, alpha: int = 255) -> list[int]:
    colour = colour.lstrip("#")
    return [int(colour[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def unit_label(unit: str | None, lang: str) -> str:
    return t(MOBILITY_UNIT_LABELS[unit], lang) if unit in FLOW_UNITS else (unit or "")


def mode_label(mode: str, lang: str) -> str:
    return t(MOBILITY_MODE_LABELS[mode], lang) if mode in FLOW_MODES else mode


def flag_label(flag: object, lang: str) -> str:
    return t(MOBILITY_FLAG_LABELS[flag], lang) if isinstance(flag, str) and flag in FLAG_SYMBOLS else ""


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def sources_of(frame: pd.DataFrame) -> list[str]:
    """The distinct sources of a series or flow frame (its indicator's source first), for a download's metadata."""
    found: list[str] = []
    for column in ("indicator_source", "source"):
        if column in frame:
            found += [str(s) for s in frame[column] if not _missing(s)]
    return list(dict.fromkeys(found))


def sources_line(sources: Iterable[object], lang: str, max_chars: int = 400, escape=markdown_text) -> str:
    """"Sources: a; b" of the distinct non-empty sources, cut with an ellipsis when too long; the sources escaped
    with `escape` (Markdown by default: the line is a caption; `html_text` for a chart)."""
    parts: list[str] = []
    for source in sources:
        for part in str(source).split("; ") if not _missing(source) else []:
            if part.strip() and part.strip() not in parts:
                parts.append(part.strip())
    text = "; ".join(parts) or "–"
    if len(text) > max_chars:
        text = text[: max_chars - 1].rstrip() + "…"
    return t("Sources: {source}" if len(parts) > 1 else N_("Source: {source}"), lang, source=escape(text))


def _rows(frame: pd.DataFrame, columns: list[str]) -> Iterator[tuple]:
    """The rows of `columns` as named tuples; itertuples() of a wide frame costs milliseconds in pandas 3."""
    row = namedtuple("Row", columns)
    return map(row._make, zip(*(frame[c].tolist() for c in columns), strict=True))


def _plotly_separators(lang: str) -> str:
    # Plotly's "separators": decimal mark then thousands mark (Finnish and Estonian: 1 234,5).
    return ".," if normalise_language(lang) == "en" else ", "


# -- the map -------------------------------------------------------------------------------------
def arc_widths(volumes: Iterable[float]) -> list[float]:
    """Arc widths in pixels by the decade of the volume below the largest one's (10 px, 6, 3.5, then 2): a few
    widths a reader can tell apart, each a line of the legend."""
    values = [0.0 if _missing(v) else max(float(v), 0.0) for v in volumes]
    top = max(values, default=0.0)
    return [ARC_WIDTHS_PX[_decade_class(v, top)] for v in values]


def _decade_class(value: float, top: float) -> int:
    if top <= 0 or value <= 0:
        return len(ARC_WIDTHS_PX) - 1
    return min(max(math.floor(math.log10(top)) - math.floor(math.log10(value)), 0), len(ARC_WIDTHS_PX) - 1)


def _class_range(index: int, top: float, lang: str) -> str:
    """'1 000 000–9 999 999' … of a width class (the last one: 'under …')."""
    high = 10 ** (math.floor(math.log10(top)) + 1 - index) if top > 0 else 1
    if index == len(ARC_WIDTHS_PX) - 1:
        return t("under {n}", lang, n=format_number(high, lang))
    return f"{format_number(high / 10, lang)}–{format_number(high - 1, lang)}"


def _arc_path(start: tuple[float, float], end: tuple[float, float], steps: int = ARC_STEPS) -> tuple[list, list]:
    """A curve from start to end bulging to the right of the direction of travel (so the two directions of a route
    lie side by side), as x (lon) and y (lat), computed where the map is true to shape."""
    (x0, y0), (x1, y1) = start, end
    y0s, y1s = y0 * geo.Y_STRETCH, y1 * geo.Y_STRETCH
    dx, dy = x1 - x0, y1s - y0s
    cx, cy = (x0 + x1) / 2 + dy * ARC_BULGE, (y0s + y1s) / 2 - dx * ARC_BULGE
    xs, ys = [], []
    for i in range(steps + 1):
        s = i / steps
        xs.append(round((1 - s) ** 2 * x0 + 2 * (1 - s) * s * cx + s ** 2 * x1, 5))
        ys.append(round(((1 - s) ** 2 * y0s + 2 * (1 - s) * s * cy + s ** 2 * y1s) / geo.Y_STRETCH, 5))
    return xs, ys


def flow_records(flows: pd.DataFrame, lang: str) -> list[dict]:
    """One plain dict per drawable flow (both ends have coordinates): path, colour, width class and hover text."""
    if flows.empty:
        return []
    drawable = flows.dropna(subset=["origin_lat", "origin_lon", "destination_lat", "destination_lon"])
    top = max((float(v) for v in drawable["volume"] if not _missing(v)), default=0.0)
    records = []
    columns = ["origin", "destination", "origin_name", "destination_name", "origin_lat", "origin_lon",
               "destination_lat", "destination_lon", "mode", "unit", "year", "volume"]
    for row in _rows(drawable, columns):
        xs, ys = _arc_path((float(row.origin_lon), float(row.origin_lat)),
                           (float(row.destination_lon), float(row.destination_lat)))
        volume = 0.0 if _missing(row.volume) else float(row.volume)
        records.append({
            "origin": row.origin, "destination": row.destination, "mode": row.mode, "unit": row.unit,
            "year": int(row.year), "volume": volume, "x": xs, "y": ys, "width_class": _decade_class(volume, top),
            "colour": MODE_COLOURS.get(row.mode, "#777777"),
            "hover": "<br>".join([
                f"<b>{html_text(row.origin_name)} → {html_text(row.destination_name)}</b>",
                t("{mode}, {period}", lang, mode=mode_label(row.mode, lang), period=row.year),
                t(MOBILITY_COUNT_LABELS[row.unit], lang, n=format_number(row.volume, lang))
                if row.unit in MOBILITY_COUNT_LABELS else format_number(row.volume, lang)]),
        })
    return records


def _arc_traces(arcs: list[dict], unit: str | None, lang: str) -> list[dict]:
    """The arcs as one line trace per mode and width class (an arrow at each destination), a hover point at the
    middle of each, and the legend: one entry per mode (colour) and per width class (volume)."""
    traces: list[dict] = []
    groups: dict[tuple[str, int], list[dict]] = {}
    for arc in arcs:
        groups.setdefault((arc["mode"], arc["width_class"]), []).append(arc)
    for (mode, width_class), members in groups.items():
        xs: list[float | None] = []
        ys: list[float | None] = []
        for arc in members:
            xs += [*arc["x"], None]
            ys += [*arc["y"], None]
        width = ARC_WIDTHS_PX[width_class]
        traces.append({"type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                       "line": {"color": members[0]["colour"], "width": width}, "opacity": 0.85,
                       "showlegend": False, "name": f"{mode}-{width_class}"})
        # Arrowheads at the destinations: with angleref "previous" each points away from the point before it, so
        # every tip follows an invisible point taken a little back along its own arc.
        ax = [v for arc in members for v in (arc["x"][-3], arc["x"][-1])]
        ay = [v for arc in members for v in (arc["y"][-3], arc["y"][-1])]
        traces.append({"type": "scatter", "x": ax, "y": ay, "mode": "markers", "hoverinfo": "skip",
                       "showlegend": False, "name": f"{mode}-{width_class}-arrows",
                       "marker": {"symbol": "arrow", "angleref": "previous",
                                  "size": [0, 6 + 1.5 * width] * len(members),
                                  "color": members[0]["colour"], "line": {"width": 0}}})
    if arcs:
        middle = ARC_STEPS // 2
        traces.append({"type": "scatter", "x": [a["x"][middle] for a in arcs], "y": [a["y"][middle] for a in arcs],
                       "mode": "markers", "marker": {"size": 14, "color": "rgba(0,0,0,0)"},
                       "hovertext": [a["hover"] for a in arcs], "customdata": [a["mode"] for a in arcs],
                       "hovertemplate": "%{hovertext}<extra></extra>",
                       "showlegend": False, "name": "flows"})
    modes = list(dict.fromkeys(a["mode"] for a in arcs))
    mode_title = t("Arc colour: mode", lang)
    for i, mode in enumerate(modes):
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines", "name": mode_label(mode, lang),
                       "line": {"color": MODE_COLOURS.get(mode, "#777777"), "width": 5}, "legendgroup": "modes",
                       "legendgrouptitle": {"text": mode_title} if i == 0 else None, "showlegend": True})
    top = max((a["volume"] for a in arcs), default=0.0)
    classes = sorted({a["width_class"] for a in arcs})
    width_title = t("Arc width: {unit} per year", lang, unit=unit_label(unit, lang).lower())
    for i, width_class in enumerate(classes):
        traces.append({"type": "scatter", "x": [None], "y": [None], "mode": "lines",
                       "name": _class_range(width_class, top, lang), "legendgroup": "widths",
                       "line": {"color": "#666666", "width": ARC_WIDTHS_PX[width_class]},
                       "legendgrouptitle": {"text": width_title} if i == 0 else None, "showlegend": True})
    return [{k: v for k, v in trace.items() if v is not None} for trace in traces]


def _shading(areas: pd.DataFrame, indicator_name: str, lang: str, per_capita: bool) -> tuple[list[dict], dict | None,
                                                                                             bool]:
    """The municipalities shaded grey by the indicator (light: low, dark: high; hatched: no value), per 1,000
    inhabitants when `per_capita`, their hover texts, and the colour bar (None without values); also whether any
    municipality has no value."""
    codes = [c for c in areas["code"] if geo.has_shape(c)] if not areas.empty else []
    if codes and per_capita:
        population = pd.to_numeric(areas["population"], errors="coerce").astype(float)
        areas = areas.assign(count=areas["value"], value=(areas["value"] / population.where(population > 0) * 1000))
    rows = {r.code: r for r in _rows(areas, ["code", "name", "value", "period"])} if codes else {}
    values = [float(rows[c].value) for c in codes if not _missing(rows[c].value)]
    scale = colour_scale(values, lang)
    traces, missing = [], False
    for code in codes:
        row = rows[code]
        name = f"<b>{html_text(row.name)}</b>"
        if _missing(row.value):
            missing = True
            hover = name + "<br>" + t("{indicator}: no value in the selected period", lang,
                                      indicator=html_text(indicator_name))
            traces.append(geo.area_trace(code, None, hover))
        else:
            value = (t("{value} per 1,000 inhabitants", lang, value=format_number(row.value, lang, 1)) if per_capita
                     else format_number(row.value, lang))
            hover = name + "<br>" + t("{indicator}: {value} ({period})", lang, indicator=html_text(indicator_name),
                                      value=value, period=html_text(row.period))
            traces.append(geo.area_trace(code, sample_colorscale(SHADING_SCALE, [scale.share(row.value)])[0], hover))
    if not values:
        return traces, None, missing
    periods = sorted({str(rows[c].period) for c in codes if not _missing(rows[c].value)})
    bar = {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "hoverinfo": "skip", "showlegend": False,
           "name": "scale", "marker": {
               "colorscale": SHADING_SCALE, "cmin": 0, "cmax": 1, "color": [0], "showscale": True, "colorbar": {
                   "title": {"text": "<br>".join([*textwrap.wrap(html_text(indicator_name), 18)]
                                                 + ([t("Per 1,000 inhabitants", lang)] if per_capita else [])
                                                 + [", ".join(periods)]
                                                 + ([t("(log scale)", lang)] if scale.log else [])),
                             "side": "top", "font": {"size": 12}},
                   "tickmode": "array", "tickvals": scale.tick_shares, "ticktext": scale.tick_texts,
                   "thickness": 14, "len": 0.6,
                   "x": 1.01, "xanchor": "left", "xpad": 4, "y": 1, "yanchor": "top", "outlinewidth": 0}}}
    return traces, bar, missing


def twin_region_map(areas: pd.DataFrame, flows: pd.DataFrame, lang: str, indicator_name: str = "",
                    title: str = "", per_capita: bool = False) -> go.Figure:
    """The twin-region map over the land around the gulf: the municipalities of the chosen side shaded by
    `indicator_name`'s value (grey, a colour bar; hatched without one), flows as arcs (colour: mode, width: volume,
    both in the legend, an arrow at the destination), the largest places and the flows' ends named, the view fitted
    to the municipalities and the flows shown. `per_capita`: the shading is per 1,000 inhabitants
    (queries.mobility.shaded_per_1000).

    `areas`: code, name, country, lat, lon, value, period (queries.mobility.area_points).
    `flows`: origin/destination codes, names, lat/lon, mode, unit, year, volume (queries.mobility.flows_for_year).
    """
    arcs = flow_records(flows, lang)
    shading, bar, missing = _shading(areas, indicator_name, lang, per_capita)
    # The view holds the side's municipalities and every arc whole (its bulge too).
    on_arcs = [(x, y) for a in arcs for x, y in zip(a["x"], a["y"], strict=True)]
    codes = list(areas["code"]) if not areas.empty else []
    bounds = geo.bounds_of(codes, on_arcs)
    weights: dict[str, geo.Place] = {}
    for row in _rows(areas, ["code", "name", "lat", "lon", "population"] if "population" in areas.columns
                     else ["code", "name", "lat", "lon"]) if codes else []:
        weight = getattr(row, "population", None)
        weights[row.code] = geo.Place(str(row.name).split(" (")[0], float(row.lon), float(row.lat),
                                      0.0 if _missing(weight) else float(weight))
    if not flows.empty:
        for end in ("origin", "destination"):
            for row in _rows(flows, [end, f"{end}_name", f"{end}_lat", f"{end}_lon"]):
                code, name, lat, lon = row
                if not (_missing(lat) or _missing(lon)):
                    weights[code] = geo.Place(str(name).split(" (")[0], float(lon), float(lat), math.inf)
    places = geo.placed_names(weights.values(), bounds)
    traces = [*geo.land_traces(), *shading, *_arc_traces(arcs, flows["unit"].iloc[0] if len(flows) else None, lang),
              geo.label_trace(places), *geo.sea_label(lang, bounds)]
    if bar:
        traces.append(bar)
    if missing:
        traces.append(geo.no_data_key(lang))
    legend = bool(arcs) or missing
    layout = geo.map_layout(bounds, html_text(title), legend=legend, colorbar=bar is not None,
                            extra_bottom=40 if arcs else 0)
    layout["annotations"] = [geo.attribution(lang)]
    layout["separators"] = _plotly_separators(lang)
    if not title:
        layout["margin"]["t"] = 10
        layout["height"] -= 50
    return figure(traces, layout)


def flow_map_title(unit: str | None, year: int | None, lang: str) -> str:
    return t("{unit} between areas, {year}", lang, unit=unit_label(unit, lang), year=year if year is not None else "–")


def flow_map_help(unit: str | None, indicator_name: str, lang: str) -> str:
    """A caption (Markdown): the indicator's name is escaped."""
    return t("Arcs: flows per year and direction ({unit}), width by volume, colour by mode, an arrow at the "
             "destination. Municipalities: {indicator}, darker for more; hatched: no value.",
             lang, unit=unit_label(unit, lang).lower(), indicator=markdown_text(indicator_name))


def flows_table(flows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The flows on the map as a table with translated headers, modes and units."""
    columns = {
        "origin_name": NP_("mobility.col", "From"), "destination_name": NP_("mobility.col", "To"),
        "mode": N_("Mode"), "year": N_("Year"), "volume": N_("Volume"),
        "unit": N_("Unit"), "source": N_("Source"), "note": N_("Note"),
    }
    table = flows.reindex(columns=list(columns)).copy()
    table["mode"] = [mode_label(m, lang) for m in table["mode"]]
    table["unit"] = [unit_label(u, lang) for u in table["unit"]]
    return table.rename(columns={k: t(v, lang) for k, v in columns.items()}).reset_index(drop=True)


def number_styler(table: pd.DataFrame, lang: str) -> Styler:
    """The table with its volume / value columns written for the locale (1 234 in Finnish); the data stay numbers."""
    numbers = [c for c in table.columns if c in {t("Volume", lang), t("Value", lang)}]
    return table.style.format(lambda v: "" if _missing(v) else format_number(v, lang), subset=numbers)


def points_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    columns = {"name": N_("Area"), "code": N_("Code"), "country": N_("Country"),
               "value": N_("Value"), "period": N_("Period"), "flag": N_("Flag")}
    table = areas.reindex(columns=list(columns)).copy()
    table["flag"] = [flag_label(f, lang) for f in table["flag"]]
    return table.rename(columns={k: t(v, lang) for k, v in columns.items()}).reset_index(drop=True)


# -- time series ---------------------------------------------------------------------------------
# The charts are assembled as plain trace and layout dicts and made into a go.Figure once: plotly's incremental
# API (add_scatter, update_layout) validates and copies on every call and took ~12 ms per small chart, most of
# a filter change's rerun (bench/results/scale.md).
def _series_traces(frame: pd.DataFrame, name: str, colour: str, lang: str, unit: str | None,
                   in_legend: bool = True) -> list[dict]:
    """A yearly line with its estimate band (value_low–value_high) and a marker symbol per flag."""
    name = html_text(name)  # a trace's name is plotly markup (legend, hover)
    frame = frame.sort_values("year")
    traces: list[dict] = []
    band = frame.dropna(subset=["value_low", "value_high"])
    if not band.empty:
        fill = "rgba({},{},{},0.18)".format(*_rgb(colour)[:3])
        traces.append({"type": "scatter", "x": band["year"], "y": band["value_high"], "mode": "lines",
                       "line": {"width": 0}, "hoverinfo": "skip", "showlegend": False, "legendgroup": name})
        traces.append({"type": "scatter", "x": band["year"], "y": band["value_low"], "mode": "lines",
                       "line": {"width": 0}, "fill": "tonexty", "fillcolor": fill, "hoverinfo": "skip",
                       "name": t("Estimate range (low–high)", lang), "legendgroup": name})
    flags = [f if isinstance(f, str) else "" for f in frame["flag"]]
    hover = []
    for year, value, low, high, flag in zip(frame["year"], frame["value"], frame["value_low"],
                                            frame["value_high"], flags, strict=True):
        text = f"{year}: {t(MOBILITY_COUNT_LABELS[unit], lang, n=format_number(value, lang))}" \
            if unit in FLOW_UNITS else f"{year}: {format_number(value, lang)}"
        if not _missing(low) and not _missing(high):
            text += f"<br>{format_number(low, lang)} – {format_number(high, lang)}"
        if flag:
            text += f"<br><i>{flag_label(flag, lang)}</i>"
        hover.append(text)
    traces.append({"type": "scatter", "x": frame["year"], "y": frame["value"], "mode": "lines+markers",
                   "name": name, "legendgroup": name, "showlegend": in_legend,
                   "line": {"color": colour, "width": 2.5},
                   "marker": {"color": colour, "size": 8, "line": {"width": 2, "color": colour},
                              "symbol": [FLAG_SYMBOLS.get(f, "circle") for f in flags]},
                   "text": hover, "hovertemplate": "%{text}<extra>" + name + "</extra>",
                   # The estimate range for the chart's text alternative (twinreg_data/alttext.py).
                   "meta": {"low": frame["value_low"].to_numpy(dtype=float),
                            "high": frame["value_high"].to_numpy(dtype=float)}})
    return traces


def _flag_key_traces(flags: Iterable[object], lang: str) -> list[dict]:
    """Legend entries explaining the marker symbols of the flags present."""
    present = {f for f in flags if isinstance(f, str)}
    return [{"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": flag_label(flag, lang),
             "hoverinfo": "skip",
             "marker": {"symbol": symbol, "size": 9, "color": "#444", "line": {"width": 2, "color": "#444"}}}
            for flag, symbol in FLAG_SYMBOLS.items() if flag in present]


def _series_figure(traces: list[dict], title: str, y_title: str, source: str, lang: str, x_title: str,
                   legend_right: bool = False, xaxis: dict | None = None) -> go.Figure:
    """The traces with title, axis titles with units, a legend and the source line, laid out in pixels so the
    legend (one entry per row below the plot, or beside it) never runs into the source line."""
    title_lines = textwrap.wrap(title, TITLE_WRAP_CHARS) or [title]
    source_lines = textwrap.wrap(source, SOURCE_WRAP_CHARS) or [source]
    legend_rows = 0 if legend_right else sum(1 for trace in traces if trace.get("showlegend") is not False)
    top = 24 + 22 * len(title_lines)
    legend_top = BELOW_AXIS_PX
    source_top = legend_top + LEGEND_ROW_PX * legend_rows + 4
    bottom = source_top + 15 * len(source_lines) + 10
    legend = ({"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"} if legend_right else
              {"orientation": "v", "x": 0, "xanchor": "left", "y": -legend_top / PLOT_HEIGHT_PX, "yanchor": "top",
               "tracegroupgap": 0})
    layout = {
        "title": {"text": "<br>".join(title_lines), "font": {"size": 16}, "x": 0, "xanchor": "left",
                  "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12, "l": 4}},
        "xaxis": {"title": {"text": x_title}, "tickformat": "d", **(xaxis or {})},
        "yaxis": {"title": {"text": y_title}, "rangemode": "tozero"},
        "separators": _plotly_separators(lang),
        "legend": legend,
        "margin": {"l": 10, "r": 80 if legend_right else 10, "t": top, "b": bottom},
        "height": top + PLOT_HEIGHT_PX + bottom,
        "annotations": [{
            "text": "<br>".join(source_lines), "showarrow": False, "xref": "paper", "yref": "paper", "x": 0,
            "y": -source_top / PLOT_HEIGHT_PX, "xanchor": "left", "yanchor": "top", "align": "left",
            "font": {"size": 11, "color": "#555"},
        }],
    }
    return figure(traces, layout)


def annual_series_figure(series: pd.DataFrame, lang: str) -> go.Figure:
    """One indicator per year (one line per area), estimate bands and flags visible (indicator_series)."""
    if series.empty:
        return go.Figure()
    first = series.iloc[0]
    colour = DOMAIN_COLOURS.get(first["domain"], "#777777")
    areas = list(dict.fromkeys(series["area"]))
    traces: list[dict] = []
    for area in areas:
        part = series[series["area"] == area]
        name = str(part["area_name"].iloc[0]) if len(areas) > 1 else str(first["indicator_name"])
        traces += _series_traces(part, name, colour, lang, first["unit"], in_legend=len(areas) > 1)
    traces += _flag_key_traces(series["flag"], lang)
    source = t("Source: {source}", lang, source=html_text(first["indicator_source"]))
    return _series_figure(traces, t("{name} per year", lang, name=html_text(first["indicator_name"])),
                          t("{unit} per year", lang, unit=unit_label(first["unit"], lang)),
                          source, lang, t("Year", lang))


def annual_series_table(series: pd.DataFrame, lang: str) -> pd.DataFrame:
    columns = {"area_name": N_("Area"), "period": N_("Period"), "value": N_("Value"),
               "value_low": N_("Estimate, low"), "value_high": N_("Estimate, high"), "flag": N_("Flag"),
               "note": N_("Note"), "source": N_("Source")}
    table = series.reindex(columns=list(columns)).copy()
    table["flag"] = [flag_label(f, lang) for f in table["flag"]]
    return table.rename(columns={k: t(v, lang) for k, v in columns.items()}).reset_index(drop=True)


def _commuter_series_names(frame: pd.DataFrame, lang: str) -> list[str]:
    """The indicator's name, or "sum of the municipal pairs…" for the flows-table series."""
    flows_name = t("Sum of the municipal pairs in the flows table", lang)
    return [flows_name if _missing(name) else str(name) for name in frame["series_name"]]


def commuters_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Commuters per year from the flows table and from the indicator: two lines, never added up."""
    if frame.empty:
        return go.Figure()
    traces: list[dict] = []
    for _series, part in frame.groupby("series", sort=False):
        traces += _series_traces(part, _commuter_series_names(part, lang)[0],
                                 DOMAIN_COLOURS.get(part["domain"].iloc[0], "#777777"), lang, "commuters")
    traces += _flag_key_traces(frame["flag"], lang)
    source = sources_line(dict.fromkeys(frame["source"]), lang, max_chars=300, escape=html_text)
    return _series_figure(traces, t("Commuters between Estonia and Finland per year", lang),
                          t("{unit} per year", lang, unit=unit_label("commuters", lang)),
                          source, lang, t("Year", lang))


def commuters_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    table = pd.DataFrame({
        t("Series", lang): _commuter_series_names(frame, lang),
        t("Year", lang): frame["year"].to_numpy(),
        t("Value", lang): frame["value"].to_numpy(),
        t("Estimate, low", lang): frame["value_low"].to_numpy(),
        t("Estimate, high", lang): frame["value_high"].to_numpy(),
        t("Flag", lang): [flag_label(f, lang) for f in frame["flag"]],
        t("Source", lang): frame["source"].to_numpy(),
    })
    return table


def month_names(lang: str) -> list[str]:
    """January…December, abbreviated, in the chosen language (stand-alone forms, as on an axis)."""
    names = get_month_names("abbreviated", context="stand-alone", locale=LOCALES[normalise_language(lang)])
    return [names[m] for m in range(1, 13)]


def seasonality_figure(frame: pd.DataFrame, lang: str) -> go.Figure:
    """One line per year over the months January–December (queries.mobility.seasonality)."""
    if frame.empty:
        return go.Figure()
    months = month_names(lang)
    years = sorted(frame["year"].unique())
    first = frame.iloc[0]
    colours = sample_colorscale("Viridis", [0.85 * i / max(len(years) - 1, 1) for i in range(len(years))])
    traces = []
    for year, colour in zip(years, colours, strict=True):
        part = frame[frame["year"] == year].sort_values("month")
        x = [months[int(m) - 1] for m in part["month"]]
        hover = [f"{label} {year}: {format_number(v, lang)}" for label, v in zip(x, part["value"], strict=True)]
        traces.append({"type": "scatter", "x": x, "y": part["value"], "mode": "lines+markers", "name": str(year),
                       "line": {"color": colour, "width": 3 if year == years[-1] else 1.8}, "marker": {"size": 5},
                       "text": hover, "hovertemplate": "%{text}<extra></extra>"})
    return _series_figure(traces, t("{name}: seasonal pattern, one line per year", lang,
                                    name=html_text(first["indicator_name"])),
                          t("{unit} per month", lang, unit=unit_label(first["unit"], lang)),
                          t("Source: {source}", lang, source=html_text(first["indicator_source"])), lang,
                          t("Month", lang), legend_right=True,
                          xaxis={"categoryorder": "array", "categoryarray": months})


def seasonality_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    months = month_names(lang)
    return pd.DataFrame({
        t("Year", lang): frame["year"].to_numpy(),
        t("Month", lang): [months[int(m) - 1] for m in frame["month"]],
        t("Period", lang): frame["period"].to_numpy(),
        t("Value", lang): frame["value"].to_numpy(),
        t("Flag", lang): [flag_label(f, lang) for f in frame["flag"]],
    })
