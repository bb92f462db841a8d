"""Figures of the Mobility page (and the Overview's twin-region map): pure functions of DataFrames.

The map draws without internet: by default the Deck has no basemap at all (points, arcs and labels
carry the geography). A basemap is added only when TWINREG_BASEMAP_STYLE holds a style URL
(TWINREG_MAP_PROVIDER picks the provider, default "carto").
"""

from __future__ import annotations

import math
import os
import textwrap
from collections import namedtuple
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from babel.dates import get_month_names
from pandas.io.formats.style import Styler
from plotly.colors import sample_colorscale

from ..i18n import LOCALES, N_, NP_, format_number, normalise_language, t
from ..labels import MOBILITY_COUNT_LABELS, MOBILITY_FLAG_LABELS, MOBILITY_MODE_LABELS, MOBILITY_UNIT_LABELS
from ..schema import DOMAIN_COLOURS, FLOW_MODES, FLOW_UNITS
from ..textsafe import html_text, markdown_text
from . import Deck, figure

# Okabe–Ito tones: colour-blind safe and told apart from one another on white.
MODE_COLOURS: dict[str, str] = {
    "ferry": "#0072B2",
    "air": "#CC79A7",
    "bus": "#E69F00",
    "rail": "#009E73",
    "tunnel": "#D55E00",
}
ARC_MIN_WIDTH_PX = 2.0
ARC_MAX_WIDTH_PX = 14.0
POINT_MIN_RADIUS_M = 900.0
POINT_MAX_RADIUS_M = 6000.0
CONTEXT_RADIUS_M = 600.0
VALUE_FILL = [52, 73, 94, 150]
CONTEXT_FILL = [120, 120, 120, 150]
LABEL_COLOUR = [40, 40, 40, 255]
REGION_COLOUR = [110, 110, 110, 255]
SEA_COLOUR = [70, 120, 170, 255]
# A point in the open sea between Hanko and Paldiski: where the "Gulf of Finland" label goes.
GULF_LABEL_POSITION = [23.75, 59.72]
LABELLED_POINTS = 6
TOOLTIP_HTML = "<b>{title}</b><br/>{line1}<br/>{line2}"
MAP_WIDTH_PX, MAP_HEIGHT_PX = 900, 560
# Arcs lie flat on the map (tilt 90°) and the view looks straight down: the two directions of a route
# bulge to opposite sides, so both stay visible, and nothing is hidden behind a raised arc.
ARC_TILT_DEG, ARC_HEIGHT = 90, 0.12
BASEMAP_STYLE_ENV = "TWINREG_BASEMAP_STYLE"
MAP_PROVIDER_ENV = "TWINREG_MAP_PROVIDER"
FLAG_SYMBOLS = {"estimate": "circle-open", "provisional": "square-open", "break": "diamond"}
# pydeck reads a plain string as a JavaScript expression; a string in single quotes stays a string.
PLOT_HEIGHT_PX = 290
BELOW_AXIS_PX = 64  # tick labels and the axis title under a time-series plot
LEGEND_ROW_PX = 22
TITLE_WRAP_CHARS, SOURCE_WRAP_CHARS = 52, 75
FONT_FAMILY = """'"Source Sans Pro", "Source Sans 3", sans-serif'"""


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
def basemap() -> tuple[str | None, str | None]:
    """(map_provider, map_style) from the environment; (None, None) means no basemap at all."""
    style = os.environ.get(BASEMAP_STYLE_ENV, "").strip()
    if not style:
        return None, None
    provider = os.environ.get(MAP_PROVIDER_ENV, "").strip().lower() or "carto"
    return provider, style


def arc_widths(volumes: Iterable[float]) -> list[float]:
    """Arc widths in pixels growing with the square root of the volume (so small flows stay visible)."""
    values = [0.0 if _missing(v) else max(float(v), 0.0) for v in volumes]
    top = max(values, default=0.0)
    if top <= 0:
        return [ARC_MIN_WIDTH_PX for _ in values]
    return [ARC_MIN_WIDTH_PX + (ARC_MAX_WIDTH_PX - ARC_MIN_WIDTH_PX) * math.sqrt(v / top) for v in values]


def point_radii(values: Iterable[float]) -> list[float]:
    """Circle radii in metres: area proportional to the value; no value gives a small context dot."""
    numbers = [None if _missing(v) else max(float(v), 0.0) for v in values]
    top = max((v for v in numbers if v is not None), default=0.0)
    radii = []
    for value in numbers:
        if value is None:
            radii.append(CONTEXT_RADIUS_M)
        elif top <= 0:
            radii.append(POINT_MIN_RADIUS_M)
        else:
            radii.append(POINT_MIN_RADIUS_M + (POINT_MAX_RADIUS_M - POINT_MIN_RADIUS_M) * math.sqrt(value / top))
    return radii


def flow_records(flows: pd.DataFrame, lang: str) -> list[dict]:
    """One plain dict per drawable flow (both ends have coordinates): positions, colour, width, tooltip."""
    if flows.empty:
        return []
    drawable = flows.dropna(subset=["origin_lat", "origin_lon", "destination_lat", "destination_lon"])
    records = []
    columns = ["origin", "destination", "origin_name", "destination_name", "origin_lat", "origin_lon",
               "destination_lat", "destination_lon", "mode", "unit", "year", "volume"]
    for row, width in zip(_rows(drawable, columns), arc_widths(drawable["volume"]), strict=True):
        colour = MODE_COLOURS.get(row.mode, "#777777")
        records.append({
            "origin": row.origin, "destination": row.destination, "mode": row.mode, "unit": row.unit,
            "year": int(row.year), "volume": float(row.volume),
            "source": [float(row.origin_lon), float(row.origin_lat)],
            "target": [float(row.destination_lon), float(row.destination_lat)],
            "colour": _rgb(colour, 230), "colour_target": _rgb(colour, 120), "width": round(width, 2),
            "title": f"{row.origin_name} → {row.destination_name}",
            "line1": t("{mode}, {period}", lang, mode=mode_label(row.mode, lang), period=row.year),
            "line2": t(MOBILITY_COUNT_LABELS[row.unit], lang, n=format_number(row.volume, lang)),
        })
    return records


def point_records(areas: pd.DataFrame, lang: str, indicator_name: str = "") -> list[dict]:
    """One dict per municipality: position, radius (by value), fill and tooltip."""
    if areas.empty:
        return []
    records = []
    has_value = "value" in areas.columns
    values = areas["value"] if has_value else [None] * len(areas)
    columns = ["code", "name", "lat", "lon"] + (["period"] if "period" in areas.columns else [])
    for row, value, radius in zip(_rows(areas, columns), values, point_radii(values), strict=True):
        if _missing(value):
            line = t("{indicator}: no value in the selected period", lang, indicator=indicator_name)
        else:
            line = t("{indicator}: {value} ({period})",
                     lang, indicator=indicator_name, value=format_number(value, lang),
                     period=getattr(row, "period", ""))
        records.append({
            "code": row.code, "name": str(row.name), "value": None if _missing(value) else float(value),
            "position": [float(row.lon), float(row.lat)], "radius": round(radius, 1),
            "fill": CONTEXT_FILL if _missing(value) else VALUE_FILL, "title": str(row.name), "line1": line,
            "line2": "",
        })
    return records


def label_records(areas: pd.DataFrame, flows: pd.DataFrame, lang: str) -> list[dict]:
    """Names of the areas at the ends of the flows, region names beyond the coast, and the sea's name.

    Plain Python over the rows: a few dozen areas, where pandas' dropna/nlargest/groupby took milliseconds.
    """
    labels: dict[str, dict] = {}
    if not flows.empty:
        ends = ("origin", "destination")
        rows = [r for r in _rows(flows, [f"{end}{part}" for end in ends for part in ("", "_name", "_lat", "_lon")])
                if not any(_missing(getattr(r, f"{end}_{axis}")) for end in ends for axis in ("lat", "lon"))]
        for end in ends:
            for row in rows:
                code, name, lat, lon = (getattr(row, f"{end}{part}") for part in ("", "_name", "_lat", "_lon"))
                # Finnish towns get their label above the dot, Estonian ones below: the sea lies between.
                above = lat >= 59.8
                labels[code] = {"text": str(name).split(" (")[0], "position": [float(lon), float(lat)],
                                "size": 13, "colour": LABEL_COLOUR, "offset": [0, -12 if above else 12],
                                "baseline": "bottom" if above else "top"}
    # The largest circles get a (smaller) name too, so the map reads without a basemap.
    if not areas.empty and "value" in areas.columns:
        valued = [row for row in _rows(areas, ["code", "name", "lat", "lon", "value"]) if not _missing(row.value)]
        for row in sorted(valued, key=lambda r: -r.value)[:LABELLED_POINTS]:  # stable: ties keep their order
            if row.code not in labels:
                labels[row.code] = {"text": str(row.name).split(" (")[0], "position": [float(row.lon), float(row.lat)],
                                    "size": 11, "colour": REGION_COLOUR, "offset": [0, 10], "baseline": "top"}
    out = list(labels.values())
    if not areas.empty and "region" in areas.columns:
        regions: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for row in _rows(areas, ["country", "region", "lat", "lon"]):
            if not _missing(row.region):
                regions.setdefault((row.country, row.region), []).append((row.lat, row.lon))
        for (_country, region), points in sorted(regions.items()):
            lats, lons = np.array([p[0] for p in points]), np.array([p[1] for p in points])
            north = lats.mean() >= 59.8
            lat = lats.max() + 0.1 if north else lats.min() - 0.1
            out.append({"text": str(region), "position": [float(lons.mean()), float(lat)], "size": 15,
                        "colour": REGION_COLOUR, "offset": [0, 0], "baseline": "center"})
    out.append({"text": t("Gulf of Finland", lang), "position": GULF_LABEL_POSITION, "size": 14,
                "colour": SEA_COLOUR, "offset": [0, 0], "baseline": "center"})
    return out


def view_state(points: Iterable[list[float]]) -> pdk.ViewState:
    """Centre and zoom that fit the given [lon, lat] points into the map (the twin region by default)."""
    coords = [p for p in points if p and not any(_missing(c) for c in p)]
    if not coords:
        coords = [[22.9, 59.1], [26.3, 60.7]]  # Helsinki-Uusimaa and Harju County
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    lat_c, lon_c = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    span_lon = max(max(lons) - min(lons), 0.5) * 1.1
    span_lat = max(max(lats) - min(lats), 0.3) * 1.1 / math.cos(math.radians(lat_c))
    # deck.gl's zoom 0 shows the whole world in 512 pixels.
    zoom = min(math.log2(MAP_WIDTH_PX * 360 / (512 * span_lon)), math.log2(MAP_HEIGHT_PX * 360 / (512 * span_lat)))
    return pdk.ViewState(latitude=round(lat_c, 4), longitude=round(lon_c, 4), zoom=round(min(max(zoom, 4), 11), 2),
                         pitch=0, bearing=0)


def twin_region_map(areas: pd.DataFrame, flows: pd.DataFrame, lang: str, indicator_name: str = "") -> pdk.Deck:
    """The twin-region map: flows as arcs (width by volume, colour by mode), municipalities as circles
    (size by `indicator_name`'s value), labels; tooltips in `lang`.

    `areas`: code, name, country, lat, lon, optional region, value, period (queries.mobility.area_points).
    `flows`: origin/destination codes, names, lat/lon, mode, unit, year, volume (queries.mobility.flows_for_year).
    """
    arcs, points, labels = flow_records(flows, lang), point_records(areas, lang, indicator_name), \
        label_records(areas, flows, lang)
    text_layer = {
        "get_position": "position", "get_text": "text", "get_size": "size", "get_color": "colour",
        "get_pixel_offset": "offset", "get_alignment_baseline": "baseline", "get_text_anchor": "'middle'",
        "character_set": "'auto'", "font_family": FONT_FAMILY, "font_weight": 600,
        "font_settings": {"sdf": True}, "outline_width": 4, "outline_color": [255, 255, 255, 230],
        # Labels stay readable on top of circles and arcs.
        "parameters": {"depthCompare": "always"},
    }
    layers = [
        pdk.Layer("ScatterplotLayer", data=points, id="areas", get_position="position", get_radius="radius",
                  get_fill_color="fill", get_line_color=[255, 255, 255, 220], stroked=True, line_width_min_pixels=1,
                  radius_min_pixels=2, pickable=True, auto_highlight=True),
        pdk.Layer("ArcLayer", data=arcs, id="flows", get_source_position="source", get_target_position="target",
                  get_source_color="colour", get_target_color="colour_target", get_width="width",
                  get_tilt=ARC_TILT_DEG, get_height=ARC_HEIGHT, pickable=True, auto_highlight=True),
        pdk.Layer("TextLayer", data=labels, id="labels", **text_layer),
    ]
    coords = [r["position"] for r in points + labels] + [r["source"] for r in arcs] + [r["target"] for r in arcs]
    provider, style = basemap()
    # Streamlit escapes the interpolated fields, so the markup lives in the template and the fields are text.
    tooltip = {"html": TOOLTIP_HTML, "style": {"backgroundColor": "white", "color": "#222", "fontSize": "13px",
                                              "border": "1px solid #ccc", "padding": "6px"}}
    if provider is None:
        # No map_style argument: pydeck then writes its placeholder style, which Streamlit reads as
        # "no basemap". An explicit map_style=None would make Streamlit fetch its default Carto tiles.
        return Deck(layers=layers, initial_view_state=view_state(coords), map_provider=None, tooltip=tooltip)
    return Deck(layers=layers, initial_view_state=view_state(coords), map_provider=provider, map_style=style,
                tooltip=tooltip)


def flow_map_title(unit: str | None, year: int | None, lang: str) -> str:
    return t("{unit} between areas, {year}", lang, unit=unit_label(unit, lang), year=year if year is not None else "–")


def flow_map_help(unit: str | None, indicator_name: str, lang: str) -> str:
    """A caption (Markdown): the indicator's name is escaped."""
    return t("Arc width: volume per year and direction ({unit}). Arc colour: mode. Circle size: {indicator}.",
             lang, unit=unit_label(unit, lang).lower(), indicator=markdown_text(indicator_name))


def mode_legend_html(modes: Iterable[str], lang: str) -> str:
    """A one-line colour key of the arcs' modes (pydeck draws no legend of its own)."""
    items = [f'<span style="color:{MODE_COLOURS.get(m, "#777777")};font-size:1.2em">&#9632;</span>&nbsp;'
             f"{html_text(mode_label(m, lang))}" for m in modes]
    return '<div style="line-height:1.6">' + " &nbsp;&nbsp; ".join(items) + "</div>"


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
                   "text": hover, "hovertemplate": "%{text}<extra>" + name + "</extra>"})
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
