"""The twin region's geography for every map: land around the Gulf of Finland, the municipalities of Uusimaa and
Harju as polygons keyed by our area codes, names placed without collisions, a view fitted to what a map shows, and
the attribution the boundary data require (twinreg_data/geo/SOURCES.md).

Maps are plain plotly cartesian figures: longitude on x, latitude on y, the y axis stretched by 1/cos(latitude)
(an equirectangular projection true at the region's latitude, which at this scale differs from any conformal one
by less than a pixel). Nothing is fetched: plotly's own `geo` subplots load a world topojson from a CDN even when
every base layer is off, and map tiles need a tile server. Each municipality is a filled scatter trace, so its
whole area answers the pointer (hoveron="fills") and the same figure is drawn by the browser and by kaleido.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..i18n import t
from ..textsafe import html_text

GEO_DIR = Path(__file__).resolve().parents[1] / "geo"
MUNICIPALITIES_FILE = GEO_DIR / "municipalities.geojson"
CONTEXT_FILE = GEO_DIR / "context.geojson"
# The latitude at which the projection is true to scale (the middle of the two regions).
TRUE_LATITUDE = 59.8
Y_STRETCH = 1 / math.cos(math.radians(TRUE_LATITUDE))
SEA_COLOUR = "#dfe9f1"
LAND_COLOUR = "#f3f1ea"
LAND_LINE = "#c9c4b5"
BORDER_COLOUR = "#ffffff"
NO_DATA_FILL = "#e4e4e4"
NO_DATA_PATTERN = {"shape": "/", "fgcolor": "#9b9b9b", "bgcolor": NO_DATA_FILL, "size": 7, "solidity": 0.25}
LABEL_COLOUR = "#1d1d1d"
LABEL_SIZE = 12
SEA_LABEL_COLOUR = "#3d5f7e"  # 5.4:1 on the sea (4.1:1 before; WCAG AA asks 4.5:1)
# Parts of a municipality smaller than this (square degrees, about 0.2 km²) are dropped: skerries a pixel wide
# that only add bytes.
MIN_PART_AREA = 4e-5
# Where the sea's name goes: open water between Porkkala and Paldiski.
GULF_LABEL = (24.15, 59.62)
# A map's plot width assumed when its height is chosen and its labels are spread (Streamlit's main column).
PLOT_WIDTH_PX = 860
MIN_HEIGHT_PX, MAX_HEIGHT_PX = 380, 720
COLORBAR_PX = 130  # the right margin that holds a colour bar and its title
ATTRIBUTION_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Shape:
    """One area's outline as plotly line arrays: x (longitude) and y (latitude), parts separated by NaN.

    float32 arrays: plotly sends them to the browser as base64 binary (half the bytes of decimal text, and encoded
    without a Python loop), and their 7 significant digits hold the files' 4 decimals.
    """

    x: np.ndarray
    y: np.ndarray
    bounds: tuple[float, float, float, float]  # west, south, east, north


def _ring_area(ring: Sequence[Sequence[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))) / 2


def _shape(geometry: dict) -> Shape:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    # Outer rings only: the one hole (Kauniainen inside Espoo) is covered by its own municipality, drawn later.
    rings = [polygon[0] for polygon in polygons]
    kept = [ring for ring in rings if _ring_area(ring) >= MIN_PART_AREA] or [max(rings, key=_ring_area)]
    gap = np.array([[np.nan, np.nan]])
    points = np.concatenate([part for ring in kept for part in (gap, np.asarray(ring, dtype=float))][1:])
    lons, lats = points[:, 0], points[:, 1]
    bounds = (float(np.nanmin(lons)), float(np.nanmin(lats)), float(np.nanmax(lons)), float(np.nanmax(lats)))
    return Shape(lons.astype(np.float32), lats.astype(np.float32), bounds)


@functools.cache
def municipalities() -> dict[str, Shape]:
    """Every municipality's outline by area code (FI-091, EE-0784 …), in the file's order."""
    features = json.loads(MUNICIPALITIES_FILE.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["code"]: _shape(f["geometry"]) for f in features}


@functools.cache
def land() -> dict[str, Shape]:
    """The land of Finland and Estonia around the gulf, by country code."""
    features = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["features"]
    return {f["properties"]["country"]: _shape(f["geometry"]) for f in features}


def has_shape(code: str) -> bool:
    return code in municipalities()


def bounds_of(codes: Iterable[str], points: Iterable[tuple[float, float]] = ()) -> tuple[float, float, float, float]:
    """West, south, east, north around the outlines of `codes` and the (lon, lat) `points`; the two regions when
    neither gives anything."""
    shapes = municipalities()
    boxes = [shapes[c].bounds for c in codes if c in shapes]
    boxes += [(lon, lat, lon, lat) for lon, lat in points if lon is not None and lat is not None]
    if not boxes:
        boxes = [s.bounds for s in shapes.values()]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def fitted_axes(bounds: tuple[float, float, float, float], pad: float = 0.06) -> tuple[dict, dict, int]:
    """x and y axes showing `bounds` with a margin, true to shape, and the plot height (px) that fits them into
    the assumed plot width without empty bands; the axes keep their ratio when the width changes."""
    west, south, east, north = bounds
    width_deg, height_deg = max(east - west, 0.05), max(north - south, 0.03)
    west, east = west - width_deg * pad, east + width_deg * pad
    south, north = south - height_deg * pad, north + height_deg * pad
    aspect = (north - south) * Y_STRETCH / (east - west)
    height = int(min(max(PLOT_WIDTH_PX * aspect, MIN_HEIGHT_PX), MAX_HEIGHT_PX))
    hidden = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": False}
    # A plot wider or taller than planned shrinks to the ranges (centred) instead of widening them: beyond the land
    # layer's box (lon 22.5–27, lat 58.6–61) the map would show cut edges.
    xaxis = {**hidden, "range": [round(west, 4), round(east, 4)], "constrain": "domain"}
    yaxis = {**hidden, "range": [round(south, 4), round(north, 4)], "scaleanchor": "x",
             "scaleratio": round(Y_STRETCH, 6), "constrain": "domain"}
    return xaxis, yaxis, height


def land_traces() -> list[dict]:
    """The coast and land of both countries, under everything else."""
    return [{"type": "scatter", "x": shape.x, "y": shape.y, "mode": "lines", "fill": "toself",
             "fillcolor": LAND_COLOUR, "line": {"color": LAND_LINE, "width": 0.6}, "hoverinfo": "skip",
             "showlegend": False, "name": country}
            for country, shape in land().items()]


def area_trace(code: str, fill: str | None, hover: str, line_colour: str = BORDER_COLOUR) -> dict:
    """One municipality filled with `fill` (None: the hatched "no data" pattern), `hover` shown anywhere on it."""
    shape = municipalities()[code]
    trace = {"type": "scatter", "x": shape.x, "y": shape.y, "mode": "lines", "fill": "toself",
             "line": {"color": line_colour, "width": 0.7}, "hoveron": "fills", "text": hover,
             "hoverinfo": "text", "showlegend": False, "name": code}
    if fill is None:
        trace["fillcolor"] = NO_DATA_FILL
        trace["fillpattern"] = NO_DATA_PATTERN
    else:
        trace["fillcolor"] = fill
    return trace


def no_data_key(lang: str) -> dict:
    """A legend entry for the hatched municipalities."""
    return {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": t("No data", lang),
            "marker": {"symbol": "square", "size": 14, "color": NO_DATA_FILL, "line": {"color": "#9b9b9b",
                                                                                       "width": 1}},
            "hoverinfo": "skip", "showlegend": True}


@dataclass(frozen=True)
class Place:
    """A name that may be written on a map: larger `weight` (population) first."""

    name: str
    lon: float
    lat: float
    weight: float


def _text_box(place: Place, bounds: tuple[float, float, float, float], height_px: int) -> tuple[float, ...]:
    """The pixel box of a name written centred on its place (Source Sans at LABEL_SIZE px)."""
    west, south, east, north = bounds
    x = (place.lon - west) / (east - west) * PLOT_WIDTH_PX
    y = (north - place.lat) / (north - south) * height_px
    half_w = len(place.name) * LABEL_SIZE * 0.3 + 4
    half_h = LABEL_SIZE * 0.7 + 2
    return x - half_w, y - half_h, x + half_w, y + half_h


def placed_names(places: Iterable[Place], bounds: tuple[float, float, float, float], limit: int = 8) -> list[Place]:
    """The largest places whose names fit in the map fitted to `bounds` and do not overlap a larger one's (greedy, by
    weight), at most `limit`; the others are named on hover only."""
    xaxis, yaxis, height_px = fitted_axes(bounds)
    (west, east), (south, north) = xaxis["range"], yaxis["range"]
    bounds = (west, south, east, north)
    kept: list[Place] = []
    boxes: list[tuple[float, ...]] = []
    for place in sorted(places, key=lambda p: -p.weight):
        if len(kept) >= limit:
            break
        if not (west <= place.lon <= east and south <= place.lat <= north):
            continue
        box = _text_box(place, bounds, height_px)
        if box[0] < 0 or box[2] > PLOT_WIDTH_PX or box[1] < 0 or box[3] > height_px:
            continue
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes):
            continue
        kept.append(place)
        boxes.append(box)
    return kept


def label_trace(places: Sequence[Place]) -> dict:
    """The names as text on a white halo (not hoverable: the areas under them answer the pointer)."""
    return {"type": "scatter", "x": [p.lon for p in places], "y": [p.lat for p in places], "mode": "text",
            "text": [html_text(p.name) for p in places], "textposition": "middle center",
            "textfont": {"size": LABEL_SIZE, "color": LABEL_COLOUR, "shadow": "auto", "weight": 600},
            "hoverinfo": "skip", "showlegend": False, "name": "labels"}


def sea_label(lang: str, bounds: tuple[float, float, float, float]) -> list[dict]:
    """The gulf's name in the open sea, when the view shows that stretch of water."""
    west, south, east, north = bounds
    lon, lat = GULF_LABEL
    if not (west < lon < east and south < lat < north):
        return []
    return [{"type": "scatter", "x": [lon], "y": [lat], "mode": "text", "text": [t("Gulf of Finland", lang)],
             "textfont": {"size": 13, "color": SEA_LABEL_COLOUR, "style": "italic"}, "hoverinfo": "skip",
             "showlegend": False, "name": "sea"}]


def attribution(lang: str) -> dict:
    """The boundary data's attribution (with the CC BY licence's link) in the map's lower right corner."""
    text = t("Boundaries: © National Land Survey of Finland, Statistics Finland (CC BY 4.0), simplified · © Maa-amet "
             "01.09.2018", lang)
    return {"text": f'<a href="{ATTRIBUTION_URL}" style="color:#666">{text}</a>', "showarrow": False,
            "xref": "paper", "yref": "paper", "x": 1, "y": 0, "xanchor": "right", "yanchor": "top", "yshift": -4,
            "font": {"size": 10, "color": "#666"}}


def map_layout(bounds: tuple[float, float, float, float], title: str, *, legend: bool, colorbar: bool,
               extra_bottom: int = 0) -> dict:
    """Layout of a map: fitted axes, the sea behind the land, the title above, legend and attribution below."""
    xaxis, yaxis, height = fitted_axes(bounds)
    bottom = 30 + (34 if legend else 0) + extra_bottom
    return {
        "xaxis": xaxis, "yaxis": yaxis, "plot_bgcolor": SEA_COLOUR, "paper_bgcolor": "#ffffff",
        "height": height + 60 + bottom,
        "margin": {"l": 4, "r": COLORBAR_PX if colorbar else 4, "t": 60, "b": bottom, "pad": 0},
        "title": {"text": title, "font": {"size": 16}, "x": 0, "xanchor": "left", "yref": "container", "y": 1,
                  "yanchor": "top", "pad": {"t": 12, "l": 4}},
        "hovermode": "closest", "hoverlabel": {"namelength": 0}, "dragmode": "pan",
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yanchor": "top", "yref": "paper",
                   "entrywidth": 0, "font": {"size": 12}},
        "showlegend": legend,
    }
