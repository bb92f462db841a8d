"""Figures and display tables of the Indicators page: pure functions of the query results."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from pandas.io.formats.style import Styler

from ..i18n import format_day, format_number, format_numbers, format_pct, t
from ..labels import (
    DOMAIN_LABELS,
    INDICATORS_ASSESSMENT_LABELS,
    INDICATORS_COL_LABELS,
    INDICATORS_FLAG_LABELS,
    INDICATORS_POLARITY_LABELS,
    INDICATORS_UNIT_LABELS,
    SIDE_LABELS,
)
from ..queries.indicators import ASSESSMENT_COLOURS, IndicatorMeta
from ..schema import DOMAIN_COLOURS
from ..textsafe import html_text, markdown_text
from . import Deck, figure

# Finland blue and Estonia purple: distinct for colour-blind readers and never green/red, which
# are kept for "improved"/"worsened".
COUNTRY_COLOURS: dict[str, str] = {"FI": "#1F5AA6", "EE": "#7A4FA0"}
BREAK_COLOUR = "#111111"
MAP_LABELS = 6  # names written on the map (largest values first)
# Viridis stops (colour-blind safe, light = low, dark = high reversed so that larger reads darker).
_RAMP = [(253, 231, 37), (94, 201, 98), (33, 145, 140), (59, 82, 139), (68, 1, 84)]


def format_value(value: float | None, lang: str) -> str:
    """A value with decimals only where they matter (129.5 days, but 7 200 000 passengers)."""
    if value is None or pd.isna(value):
        return "–"
    digits = 0 if float(value).is_integer() or abs(value) >= 1000 else 1
    return format_number(value, lang, digits)


def format_values(values: pd.Series, lang: str) -> list[str]:
    """`format_value` of a whole column, vectorised (hover texts and tables hold thousands of values)."""
    numbers = pd.to_numeric(values, errors="coerce").astype(float).to_numpy()
    whole = np.isnan(numbers) | (numbers == np.round(numbers)) | (np.abs(numbers) >= 1000)
    out = np.empty(len(numbers), dtype=object)
    out[whole] = format_numbers(numbers[whole], lang, 0)
    out[~whole] = format_numbers(numbers[~whole], lang, 1)
    return out.tolist()


def value_with_unit(value: float | None, unit: str, lang: str) -> str:
    """'7 200 000 passengers', '12,5 %'; a bare count needs no unit word."""
    text = format_value(value, lang)
    if unit == "count" or text == "–":
        return text
    if unit == "percent":
        return text + ("%" if lang == "en" else "\u00a0%")
    return f"{text} {unit_label(unit, lang)}"


def metric_label(country: str, area: str, area_label: str, period: str, lang: str) -> str:
    """'Finland · Helsinki (2024)', or just 'Finland (2024)' when the figure is for the whole country (a metric's
    label: Markdown, the data escaped)."""
    country_label = t(SIDE_LABELS[country], lang)
    if area == country:
        return f"{country_label} ({markdown_text(period)})"
    return t("{country} · {area} ({period})", lang, country=country_label, area=markdown_text(area_label),
             period=markdown_text(period))


def delta_text(change: float | None, change_pct: float | None, lang: str) -> str | None:
    """'+300 000 (+4.3%)'; starts with '-' when the value fell and is exactly '0' when it did not move
    (st.metric reads the direction from the text: '-' is down, the literal '0' is no change)."""
    if change is None or pd.isna(change):
        return None
    if change == 0:
        return "0"
    sign = "+" if change > 0 else "-"
    text = sign + format_value(abs(change), lang)
    if change_pct is not None and not pd.isna(change_pct):
        text += f" ({sign}{format_pct(abs(change_pct), lang)})"
    return text


def delta_description(previous_period: str | None, lang: str) -> str | None:
    """'vs 2023' beside the change, or nothing when there is no earlier period."""
    if not isinstance(previous_period, str) or not previous_period:
        return None
    return t("vs {period}", lang, period=previous_period)


def sparkline(frame: pd.DataFrame, country: str) -> list[float]:
    """The headline area's values of one country in time order, for the small chart in a metric card."""
    # numpy masks and sort: pandas' text comparison and sort took most of the time of this small result.
    rows = np.flatnonzero((frame["country"].to_numpy() == country) & (frame["area_rank"].to_numpy() == 1))
    order = rows[np.argsort(frame["period_start"].to_numpy()[rows], kind="stable")]
    return frame["value"].to_numpy(dtype=float)[order].tolist()


def flag_label(flag: str | None, lang: str) -> str:
    return t(INDICATORS_FLAG_LABELS[flag], lang) if isinstance(flag, str) and flag else ""


def unit_label(unit: str, lang: str) -> str:
    return t(INDICATORS_UNIT_LABELS[unit], lang)


def choice_labels(choices: pd.DataFrame, lang: str) -> dict[str, str]:
    """Indicator names for the picker, prefixed by their domain when several domains are listed."""
    # Plain lists: a hundred labels, and pandas' text operations cost more than the labels themselves.
    codes, domains, names = choices["code"].tolist(), choices["domain"].tolist(), choices["name"].tolist()
    counts = choices["observations"].tolist()
    domain_names = {d: t(DOMAIN_LABELS[d], lang) for d in set(domains)} if len(set(domains)) > 1 else {}
    no_data = " (" + t("no data for these filters", lang) + ")"
    return {code: (f"{domain_names[domain]} · " if domain_names else "") + str(name) + (no_data if n == 0 else "")
            for code, domain, name, n in zip(codes, domains, names, counts, strict=True)}


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _hover_details(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Flag, estimate range and note of each observation as hover lines (empty when none), built column-wise."""
    flag_names = {f: flag_label(f, lang) for f in frame["flag"].dropna().unique()}
    flags = [flag_names.get(f, "") if isinstance(f, str) else "" for f in frame["flag"].tolist()]
    has_range = (frame["value_low"].notna() & frame["value_high"].notna()).to_numpy()
    ranges = np.full(len(frame), "", dtype=object)
    if has_range.any():
        template = t("Range {low}–{high}", lang, low="{low}", high="{high}")
        lows = format_values(frame["value_low"][has_range], lang)
        highs = format_values(frame["value_high"][has_range], lang)
        ranges[has_range] = [template.format(low=lo, high=hi) for lo, hi in zip(lows, highs, strict=True)]
    # Notes are free text from a spreadsheet: escape the markup plotly's hover would interpret.
    notes = [html_text(n) for n in frame["note"].fillna("").astype(str).str.slice(0, 120)]
    lines = ["<br>".join(p for p in parts if p) for parts in zip(flags, ranges, notes, strict=True)]
    return pd.Series(lines, index=frame.index, dtype=object)


def _joined(xs: list[np.ndarray], ys: list[np.ndarray], texts: list[np.ndarray] | None = None) -> tuple:
    """Several lines as the arrays of one trace, a gap (a missing y, which plotly leaves open) between each two."""
    if len(xs) == 1:
        return (xs[0], ys[0]) if texts is None else (xs[0], ys[0], texts[0])
    gap_x = [x[-1:] for x in xs]  # the gap's x is its line's last one: the axis range stays that of the data
    x = np.concatenate([part for pair in zip(xs, gap_x, strict=True) for part in pair][:-1])
    y = np.concatenate([part for v in ys for part in (v, np.array([np.nan]))][:-1])
    if texts is None:
        return x, y
    text = np.concatenate([part for h in texts for part in (h, np.array([""], dtype=object))][:-1])
    return x, y, text


def _panel_axes(countries: list[str], lang: str, x_title: str, y_title: str) -> tuple[dict, list[dict]]:
    """Side-by-side panels sharing their y axis (and x range): axes and panel titles in paper coordinates."""
    gap = 0.04
    width = (1 - gap * (len(countries) - 1)) / len(countries)
    axes: dict = {}
    titles = []
    for i, country in enumerate(countries, start=1):
        left = round((i - 1) * (width + gap), 10)
        domain = [left, round(left + width, 10)]
        suffix = "" if i == 1 else str(i)
        axes[f"xaxis{suffix}"] = {"anchor": f"y{suffix}", "domain": domain, "title": {"text": x_title},
                                  **({"matches": "x"} if i > 1 else {})}
        axes[f"yaxis{suffix}"] = ({"anchor": "x", "domain": [0.0, 1.0], "rangemode": "tozero",
                                   "separatethousands": True, "title": {"text": y_title}} if i == 1 else
                                  {"anchor": f"x{suffix}", "domain": [0.0, 1.0], "matches": "y",
                                   "showticklabels": False})
        titles.append({"font": {"size": 16}, "showarrow": False, "text": t(SIDE_LABELS[country], lang),
                       "x": round(sum(domain) / 2, 10), "xanchor": "center", "xref": "paper", "y": 1.0,
                       "yanchor": "bottom", "yref": "paper"})
    return axes, titles


def series_figure(frame: pd.DataFrame, meta: IndicatorMeta, lang: str) -> go.Figure:
    """Finland and Estonia side by side (one panel per country, shared y axis).

    Each area is a line (the country's headline area bold, others thin); estimate ranges are filled
    bands; observations flagged `break` carry a marker; flags, ranges and notes show on hover.
    """
    countries = [c for c in ("FI", "EE") if c in set(frame["country"].unique())] or ["FI"]
    unit = unit_label(meta.unit, lang)
    # Texts and columns are made once for all rows and each line takes its slice (a chart holds up to 3,000
    # observations per country in 30 lines; per-line pandas work took most of the build time).
    frame = frame.sort_values(["country", "area_rank", "period_start"], kind="stable")
    details = _hover_details(frame, lang) if not frame.empty else pd.Series(dtype=str)
    labels = [html_text(label) for label in frame["area_label"].tolist()]  # plotly markup: names escaped
    hover = np.asarray([f"<b>{label}</b><br>{period}: {value} {unit}<br>{detail}" for label, period, value, detail
                        in zip(labels, frame["period"].tolist(),
                               format_values(frame["value"], lang), details.tolist(), strict=True)], dtype=object)
    periods = frame["period_start"].to_numpy()
    values = frame["value"].to_numpy(dtype=float)
    lows = frame["value_low"].to_numpy(dtype=float)
    highs = frame["value_high"].to_numpy(dtype=float)
    row_countries, flags = frame["country"].to_numpy(), frame["flag"].to_numpy()
    period_texts = frame["period"].to_numpy(dtype=object)
    keys = list(zip(frame["country"].tolist(), frame["area_rank"].tolist(), strict=True))
    starts = [i for i in range(len(keys)) if i == 0 or keys[i] != keys[i - 1]]
    lines = {keys[a]: slice(a, b) for a, b in zip(starts, [*starts[1:], len(keys)], strict=True)}
    shown_legend: set[str] = set()
    traces: list[dict] = []
    for col, country in enumerate(countries, start=1):
        axes = {"xaxis": "x" if col == 1 else f"x{col}", "yaxis": "y" if col == 1 else f"y{col}"}
        colour = COUNTRY_COLOURS[country]
        # The headline area's line, and every other area's line joined into one trace with gaps between them:
        # thirty traces of one style cost thirty times the build and the browser's drawing of one. Only the
        # headline area gets its own legend entry; the others share one ("Other areas"), so thirty
        # municipalities do not bury the chart under a legend (their names are in the hover).
        for headline in (True, False):
            parts = [rows for (line_country, rank), rows in lines.items()
                     if line_country == country and (rank == 1) == headline]
            if not parts:
                continue
            bounded = [rows for rows in parts if (~np.isnan(lows[rows]) | ~np.isnan(highs[rows])).any()]
            if bounded:
                # Closed polygons: upper bound forward, lower bound back; exact values where no bound.
                highs_filled = [np.where(np.isnan(highs[r]), values[r], highs[r]) for r in bounded]
                lows_filled = [np.where(np.isnan(lows[r]), values[r], lows[r]) for r in bounded]
                x, y = _joined([np.concatenate([periods[r], periods[r][::-1]]) for r in bounded],
                               [np.concatenate([hi, lo[::-1]]) for hi, lo in zip(highs_filled, lows_filled,
                                                                                 strict=True)])
                traces.append({
                    "type": "scatter", "x": x, "y": y, "fill": "toself", "mode": "lines", "line": {"width": 0},
                    "fillcolor": _rgba(colour, 0.22 if headline else 0.1), "hoverinfo": "skip",
                    "name": t("Estimate range", lang), "legendgroup": "range",
                    "showlegend": "range" not in shown_legend, **axes,
                })
                shown_legend.add("range")
            x, y, text = _joined([periods[r] for r in parts], [values[r] for r in parts], [hover[r] for r in parts])
            traces.append({
                "type": "scatter", "x": x, "y": y, "mode": "lines+markers",
                "name": labels[parts[0].start] if headline
                else t("Other areas ({country})", lang, country=t(SIDE_LABELS[country], lang)),
                "legendgroup": country if headline else f"others-{country}", "showlegend": True,
                "line": {"color": colour, "width": 3 if headline else 1.2},
                "marker": {"size": 6 if headline else 4}, "opacity": 1 if headline else 0.55,
                "hovertext": text, "hovertemplate": "%{hovertext}<extra></extra>",
                **axes,
            })
        breaks = (row_countries == country) & (flags == "break")
        if breaks.any():
            traces.append({
                "type": "scatter", "x": periods[breaks], "y": values[breaks], "mode": "markers",
                "name": t("Series break", lang), "legendgroup": "break",
                "showlegend": "break" not in shown_legend,
                "marker": {"symbol": "x-thin-open", "size": 16, "line": {"width": 3, "color": BREAK_COLOUR},
                           "color": BREAK_COLOUR},
                "customdata": period_texts[breaks], "hovertemplate": t("Series break", lang)
                + ": %{customdata}<extra></extra>", **axes,
            })
            shown_legend.add("break")
    axes_layout, panel_titles = _panel_axes(countries, lang, t("Period", lang), unit)
    # Legend pinned to the bottom edge of the figure and the source line just under the x-axis title, both
    # placed in pixels so that neither moves into the plot when the plot height changes.
    source = {"text": t("Source: {source}", lang, source=html_text(meta.source)), "showarrow": False, "xref": "paper",
              "yref": "paper", "x": 0, "y": 0, "yanchor": "top", "yshift": -62, "xanchor": "left",
              "font": {"size": 11, "color": "#555"}}
    layout = {
        **axes_layout, "annotations": [*panel_titles, source],
        "title": {"text": html_text(meta.name)}, "height": 500, "hovermode": "closest",
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        "separators": ".," if lang == "en" else ", ",
        "margin": {"l": 10, "r": 10, "t": 80, "b": 130},
    }
    return figure(traces, layout)


def _ramp_colour(share: float) -> list[int]:
    """Colour at `share` (0–1) along the viridis ramp."""
    pos = min(max(share, 0.0), 1.0) * (len(_RAMP) - 1)
    i = min(int(pos), len(_RAMP) - 2)
    frac = pos - i
    return [round(a + (b - a) * frac) for a, b in zip(_RAMP[i], _RAMP[i + 1], strict=True)] + [210]


def _fit_view(lat: pd.Series, lon: pd.Series, width_px: int = 700, height_px: int = 500) -> pdk.ViewState:
    """Centre and zoom that show every point with a margin (deck.gl: 512 px for 360 degrees at zoom 0)."""
    south, north, west, east = float(lat.min()), float(lat.max()), float(lon.min()), float(lon.max())
    centre_lat = (south + north) / 2
    lon_span = max((east - west) * 1.3, 0.05)
    lat_span = max((north - south) * 1.3, 0.05) / math.cos(math.radians(centre_lat))  # Mercator stretch
    zoom = math.log2(min(width_px * 360 / (512 * lon_span), height_px * 360 / (512 * lat_span)))
    return pdk.ViewState(latitude=centre_lat, longitude=(west + east) / 2, zoom=round(min(max(zoom, 4), 11), 2))


def latest_map(points: pd.DataFrame, meta: IndicatorMeta, lang: str) -> pdk.Deck:
    """Latest value per municipality as circles sized (by area) and coloured by value; no basemap needed."""
    data = points[["area_label", "lat", "lon", "period", "value"]].copy()
    top = max(float(data["value"].abs().max()), 1e-9)
    shares = (data["value"].clip(lower=0) / top).fillna(0)
    data["radius"] = 800 + 6500 * shares.map(math.sqrt)
    data["colour"] = shares.map(_ramp_colour)
    data["value_text"] = data["value"].map(lambda v: value_with_unit(v, meta.unit, lang))
    data["period"] = data["period"].astype(str)
    layer = pdk.Layer(
        "ScatterplotLayer", data=data, get_position=["lon", "lat"], get_radius="radius",
        get_fill_color="colour", get_line_color=[40, 40, 40, 200], line_width_min_pixels=1,
        stroked=True, pickable=True,
    )
    # Without a basemap the names of the largest places give the reader their bearings.
    named = data.nlargest(MAP_LABELS, "value")
    labels = pdk.Layer(
        "TextLayer", data=named, get_position=["lon", "lat"], get_text="area_label", get_size=13,
        get_color=[30, 30, 30, 230], get_alignment_baseline="'top'", get_pixel_offset=[0, 12],
        # 'auto': the font atlas takes its characters from the labels (ä, å, õ …); quoted so pydeck passes a
        # literal string rather than an expression.
        character_set="'auto'", font_family="'\"Source Sans\", \"Source Sans Pro\", Arial, sans-serif'",
    )
    view = _fit_view(data["lat"], data["lon"])
    # map_style stays pydeck's placeholder, which Streamlit reads as "no basemap": nothing is fetched from
    # the internet (map_style=None would make Streamlit load Carto tiles).
    return Deck(
        layers=[layer, labels], initial_view_state=view, map_provider=None,
        tooltip={"html": "<b>{area_label}</b><br/>{period}: {value_text}",
                 "style": {"backgroundColor": "#222", "color": "white", "fontSize": "13px"}},
    )


def code_columns(frame: pd.DataFrame, lang: str) -> dict[str, object]:
    """The codes behind the area and country labels of `observation_table` and `map_table` (for downloads)."""
    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    return {col("area"): frame["area"].to_numpy(), col("country"): frame["country"].to_numpy()}


def map_table(points: pd.DataFrame, meta: IndicatorMeta, lang: str) -> pd.DataFrame:
    """The points on the map with translated headers (what the map download contains)."""
    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    return pd.DataFrame({
        col("area"): points["area_label"],
        col("country"): points["country"].map(lambda c: t(SIDE_LABELS[c], lang)),
        col("period"): points["period"],
        col("value"): points["value"],
        col("unit"): unit_label(meta.unit, lang),
        col("flag"): points["flag"].map(lambda f: flag_label(f, lang)),
        "lat": points["lat"],
        "lon": points["lon"],
    })


def _numbers_style(table: pd.DataFrame, columns: list[str], lang: str) -> Styler:
    """Numbers shown in the chosen locale while the frame (and its download) keeps real numbers."""
    return table.style.format({c: (lambda v: format_value(v, lang)) for c in columns})


# Above this many rows a table is sent without a pandas Styler: the Styler renders every cell on the server
# (≈ 80 ms per 1,000 rows here), so large tables show numbers in the browser's own number format instead.
STYLED_ROWS_MAX = 1000


def _labelled(codes: pd.Series, label: Callable[[str], str]) -> pd.Series:
    """Each code's label ("" where none), labelling each distinct code once (a series holds thousands of rows
    and a handful of codes)."""
    labels = {code: label(code) for code in codes.dropna().unique()}
    return codes.map(labels).astype(object).fillna("")


def observation_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The observations behind the chart, with translated headers and flags (this is what is downloaded)."""
    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    return pd.DataFrame({
        col("area"): frame["area_label"],
        col("country"): _labelled(frame["country"], lambda c: t(SIDE_LABELS[c], lang)),
        col("period"): frame["period"],
        col("value"): frame["value"],
        col("low"): frame["value_low"],
        col("high"): frame["value_high"],
        col("flag"): _labelled(frame["flag"], lambda f: flag_label(f, lang)),
        col("note"): frame["note"].fillna(""),
        col("source"): frame["source"].fillna(""),
    })


def observation_view(table: pd.DataFrame, lang: str) -> tuple[Styler | pd.DataFrame, list[str]]:
    """What st.dataframe shows of the observation table, and the number columns left for the browser to format
    in its locale (none when the table is short enough to be styled in the chosen language)."""
    cols = [t(INDICATORS_COL_LABELS[c], lang) for c in ("value", "low", "high")]
    if len(table) <= STYLED_ROWS_MAX:
        return _numbers_style(table, cols, lang), []
    return table, cols


def overview_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Latest value and change per indicator and country, with the polarity judgement in words."""
    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    return pd.DataFrame({
        col("domain"): frame["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang)),
        col("indicator"): frame["name"],
        col("country"): frame["country"].map(lambda c: t(SIDE_LABELS[c], lang)),
        col("period"): frame["period"],
        col("value"): frame["value"],
        col("unit"): frame["unit"].map(lambda u: unit_label(u, lang)),
        col("change"): frame["change"],
        col("change_pct"): (frame["change_pct"] * 100).round(1),
        col("assessment"): frame["assessment"].map(lambda a: t(INDICATORS_ASSESSMENT_LABELS[a], lang)),
        col("previous_period"): frame["previous_period"],
        col("area"): frame["area_label"],
    })


def overview_styler(table: pd.DataFrame, overview: pd.DataFrame, lang: str) -> Styler:
    """Change columns green for an improvement and red for a deterioration (by polarity), grey otherwise;
    the domain cell carries its domain colour."""
    colours = overview["assessment"].map(ASSESSMENT_COLOURS).fillna("#6e6e6e").to_numpy()
    css = pd.DataFrame("", index=table.index, columns=table.columns)
    for column in ("change", "change_pct", "assessment"):
        css[t(INDICATORS_COL_LABELS[column], lang)] = [f"color: {c}; font-weight: 600" for c in colours]
    css[t("Domain", lang)] = [
        f"background-color: {domain_colour(d)}33" for d in overview["domain"]]  # 20 % tint of the domain colour

    def signed(v: float, text: str) -> str:
        return ("+" if v > 0 else "") + text

    formats = {
        t("Value", lang): lambda v: format_value(v, lang) if pd.notna(v) else "–",
        t("Change", lang): lambda v: signed(v, format_value(v, lang)) if pd.notna(v) else "–",
        t("Change %", lang): lambda v: signed(v, format_pct(v / 100, lang)) if pd.notna(v) else "–",
    }
    # One format() call: a second call would reset the formatters of the first.
    return table.style.format(formats).apply(lambda _: css, axis=None)


def about_lines(meta: IndicatorMeta, lang: str) -> list[str]:
    """Source, definition, last update and series-break notes shown with every chart (Markdown lines)."""
    def line(label: str, text: str) -> str:
        return f"**{label}:** {text}"

    lines = [line(t("Source", lang), markdown_text(meta.source))]
    if meta.definition:
        lines.append(line(t("Definition", lang), markdown_text(meta.definition)))
    lines.append(line(t("Last updated", lang), format_day(meta.last_updated, lang)))
    lines.append(line(t("Direction", lang), t(INDICATORS_POLARITY_LABELS[meta.polarity], lang)))
    if meta.break_notes:
        lines.append(line(t("Series breaks", lang), markdown_text(meta.break_notes)))
    return lines


def domain_colour(domain: str) -> str:
    return DOMAIN_COLOURS.get(domain, "#777777")
