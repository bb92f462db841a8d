"""Figures and display tables of the Indicators page: pure functions of the query results."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler
from plotly.colors import sample_colorscale

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
from ..queries.comparison import NO_CLEAR_CHANGE, NOT_COMPARABLE
from ..queries.indicators import ASSESSMENT_COLOURS, IndicatorMeta
from ..schema import DOMAIN_COLOURS
from ..textsafe import html_text, markdown_text
from . import figure, geo

# Finland blue and Estonia purple: distinct for colour-blind readers and never green/red, which
# are kept for "improved"/"worsened".
COUNTRY_COLOURS: dict[str, str] = {"FI": "#1F5AA6", "EE": "#7A4FA0"}
BREAK_COLOUR = "#111111"


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


def metric_label(country: str, area: str, area_label: str, period: str, lang: str, estimate: bool = False) -> str:
    """'Finland · Helsinki (2024)', or just 'Finland (2024)' when the figure is for the whole country, '· Estimate'
    after it when the figure is one (a metric's label: Markdown, the data escaped)."""
    country_label = t(SIDE_LABELS[country], lang)
    if area == country:
        label = f"{country_label} ({markdown_text(period)})"
    else:
        label = t("{country} · {area} ({period})", lang, country=country_label, area=markdown_text(area_label),
                  period=markdown_text(period))
    return label + (" · " + flag_label("estimate", lang) if estimate else "")


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


def compared_periods(period: str, previous_period: str | None, lang: str) -> str:
    """'2026-Q3 vs 2025-Q3': both periods of a change named (just the period when there is no comparison)."""
    if not isinstance(previous_period, str) or not previous_period:
        return str(period)
    return t("{period} vs {previous}", lang, period=period, previous=previous_period)


def estimate_text(text: str, estimate: bool, low: float | None, high: float | None, lang: str) -> str:
    """A figure marked as an estimate when it is one: '7 200 000 (estimate 6 624 000–7 776 000)'."""
    if not estimate:
        return text
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return t("{value} (estimate)", lang, value=text)
    return t("{value} (estimate {low}–{high})", lang, value=text, low=format_value(low, lang),
             high=format_value(high, lang))


def delta_description(previous_period: str | None, lang: str, assessment: str = "") -> str | None:
    """'vs 2025-Q3' beside the change, with the verdict when the change is not clear ('vs 2025-Q3 · No clear
    change'); the verdict alone when there is no comparable period."""
    verdict = (t(INDICATORS_ASSESSMENT_LABELS[assessment], lang)
               if assessment in (NO_CLEAR_CHANGE, NOT_COMPARABLE) else "")
    if not isinstance(previous_period, str) or not previous_period:
        return verdict or None
    text = t("vs {period}", lang, period=previous_period)
    return f"{text} · {verdict}" if verdict else text


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

    Each area is a line (the country's headline area bold, others thin); estimates have hollow markers and their
    ranges are filled bands; observations flagged `break` carry a marker; flags, ranges and notes show on hover.
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
    # An estimate's marker is hollow (its range, when stated, is the band): estimates look like estimates.
    estimated = (flags == "estimate") | ~np.isnan(lows) | ~np.isnan(highs)
    symbols = np.where(estimated, "circle-open", "circle").astype(object)
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
            symbol = np.concatenate([part for r in parts for part in (symbols[r], np.array(["circle"], dtype=object))
                                     ][:-1])
            traces.append({
                "type": "scatter", "x": x, "y": y, "mode": "lines+markers",
                "name": labels[parts[0].start] if headline
                else t("Other areas ({country})", lang, country=t(SIDE_LABELS[country], lang)),
                "legendgroup": country if headline else f"others-{country}", "showlegend": True,
                "line": {"color": colour, "width": 3 if headline else 1.2},
                "marker": {"size": 7 if headline else 4, "symbol": symbol}, "opacity": 1 if headline else 0.55,
                "hovertext": text, "hovertemplate": "%{hovertext}<extra></extra>",
                # What the chart's text alternative compares (twinreg_data/alttext.py): the headline line with
                # its estimate range, under the indicator's frequency and polarity.
                **({"meta": {"headline": True, "low": lows[parts[0]], "high": highs[parts[0]],
                             "frequency": meta.frequency, "polarity": meta.polarity}} if headline else {}),
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


# The colour scale of every indicator map: viridis, perceptually uniform and readable with any colour vision, the
# same on the page, in the PNG/SVG export (the figure itself) and in print.
MAP_COLOURSCALE = "Viridis"


@dataclass(frozen=True)
class ColourScale:
    """Where values fall on a map's colour scale (0–1) and the colour bar's ticks, written for the language.

    Linear, unless the values are all positive and span two orders of magnitude (population: Helsinki against
    Pukkila), where a linear scale would paint every municipality but one the same dark colour: then by logarithm.
    """

    low: float
    high: float
    log: bool
    tick_shares: list[float]
    tick_texts: list[str]

    def share(self, value: float) -> float:
        if self.high <= self.low:
            return 0.5
        if self.log:
            return (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        return (value - self.low) / (self.high - self.low)


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def code_columns(frame: pd.DataFrame, lang: str) -> dict[str, object]:
    """The codes behind the area and country labels of `observation_table` and `map_table` (for downloads)."""
    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    return {col("area"): frame["area"].to_numpy(), col("country"): frame["country"].to_numpy()}


def colour_scale(values: list[float], lang: str) -> ColourScale:
    """The colour scale of `values` (see ColourScale), its ticks at round numbers."""
    if not values:
        return ColourScale(0.0, 1.0, False, [], [])
    low, high = float(min(values)), float(max(values))
    if high <= low:
        return ColourScale(low, high, False, [0.5], [format_value(low, lang)])
    log = low > 0 and high / low >= 100
    if log:
        ticks = [m * 10 ** e for e in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)
                 for m in (1, 2, 5)]
    else:
        step = _nice_step(high - low)
        ticks = [i * step for i in range(math.ceil(low / step), math.floor(high / step) + 1)]
    ticks = [v for v in ticks if low <= v <= high] or [low, high]
    scale = ColourScale(low, high, log, [], [])
    digits = 0 if all(float(v).is_integer() for v in ticks) else 1
    return ColourScale(low, high, log, [round(scale.share(v), 6) for v in ticks],
                       [format_number(v, lang, digits) for v in ticks])


def map_measure(values: pd.DataFrame, per_capita: bool) -> pd.Series:
    """What a map shows of each value: the value itself, or per 1,000 inhabitants (empty without a population)."""
    if not per_capita:
        return values["value"].astype(float)
    population = pd.to_numeric(values["population"], errors="coerce").astype(float)
    return (values["value"].astype(float) / population.where(population > 0) * 1000).round(4)


def map_unit(meta: IndicatorMeta, per_capita: bool, lang: str) -> str:
    """The unit of a map's colours: '%', 'persons', or 'persons per 1,000 inhabitants'."""
    unit = "%" if meta.unit == "percent" else unit_label(meta.unit, lang)
    return t("{unit} per 1,000 inhabitants", lang, unit=unit) if per_capita else unit


def _measure_text(value: float, per_capita: bool, meta: IndicatorMeta, lang: str) -> str:
    if per_capita:
        return t("{value} per 1,000 inhabitants", lang, value=format_number(value, lang, 1))
    return value_with_unit(value, meta.unit, lang)


def _map_hovers(values: pd.DataFrame, shown: pd.Series, meta: IndicatorMeta, lang: str, per_capita: bool) -> list[str]:
    """Name, period and value of each municipality (and the count and population behind a value per 1,000)."""
    hovers = []
    for row, measure in zip(values.itertuples(), shown.tolist(), strict=True):
        lines = [f"<b>{html_text(row.area_label)}</b>"]
        if per_capita and not pd.isna(measure):
            lines.append(f"{html_text(row.period)}: {_measure_text(measure, True, meta, lang)}")
            lines.append(t("{value} in a population of {population} ({year})", lang,
                           value=value_with_unit(row.value, meta.unit, lang),
                           population=format_number(row.population, lang), year=html_text(row.population_period)))
        elif per_capita:
            lines.append(f"{html_text(row.period)}: {value_with_unit(row.value, meta.unit, lang)}")
            lines.append(t("No population figure: not coloured", lang))
        else:
            lines.append(f"{html_text(row.period)}: {value_with_unit(row.value, meta.unit, lang)}")
        if flag_label(row.flag, lang):
            lines.append(f"<i>{flag_label(row.flag, lang)}</i>")
        hovers.append("<br>".join(lines))
    return hovers


def municipal_map(areas: pd.DataFrame, values: pd.DataFrame, meta: IndicatorMeta, period: str, lang: str,
                  per_capita: bool) -> go.Figure:
    """The municipalities of the chosen side coloured by `values` (one period) over the land around the gulf.

    `areas`: every municipality of the side (queries.indicators.map_areas); `values`: those with a value in
    `period` (map_values). A municipality without a value is hatched as "no data", never coloured as zero; values
    of people are per 1,000 inhabitants when `per_capita` (queries.indicators.per_1000). A colour bar gives the
    numbers and the unit; the largest places are named, the rest on hover.
    """


    values = values.loc[values["area"].map(geo.has_shape).astype(bool)].reset_index(drop=True)
    shown = map_measure(values, per_capita)
    coloured = shown.notna()
    scale = colour_scale(shown[coloured].tolist(), lang)
    colours = sample_colorscale(MAP_COLOURSCALE, [scale.share(v) for v in shown[coloured]]) if coloured.any() else []
    fill_of = dict(zip(values.loc[coloured, "area"], colours, strict=True))
    hover_of = dict(zip(values["area"], _map_hovers(values, shown, meta, lang, per_capita), strict=True))
    codes = [c for c in areas["area"] if geo.has_shape(c)]
    names = dict(zip(areas["area"], areas["area_label"], strict=True))
    no_data = t("No data for {period}", lang, period=html_text(period))
    traces = geo.land_traces()
    for code in codes:
        hover = hover_of.get(code) or f"<b>{html_text(names[code])}</b><br>{no_data}"
        traces.append(geo.area_trace(code, fill_of.get(code), hover))
    bounds = geo.bounds_of(codes)
    drawn = set(codes)
    places = [geo.Place(str(r.area_label).split(" (")[0], float(r.lon), float(r.lat),
                        0.0 if pd.isna(r.population) else float(r.population))
              for r in areas.itertuples() if r.area in drawn and not pd.isna(r.lat) and not pd.isna(r.lon)]
    traces.append(geo.label_trace(geo.placed_names(places, bounds)))
    traces += geo.sea_label(lang, bounds)
    unit = map_unit(meta, per_capita, lang)
    traces.append({
        "type": "scatter", "x": [None], "y": [None], "mode": "markers", "hoverinfo": "skip", "showlegend": False,
        "name": "scale", "marker": {
            "colorscale": MAP_COLOURSCALE, "cmin": 0, "cmax": 1, "color": [0], "showscale": True, "colorbar": {
                "title": {"text": "<br>".join([*textwrap.wrap(unit, 18), html_text(period)]
                                              + ([t("(log scale)", lang)] if scale.log else [])),
                          "side": "top", "font": {"size": 12}},
                "tickmode": "array", "tickvals": scale.tick_shares, "ticktext": scale.tick_texts,
                "thickness": 14, "len": 0.8, "lenmode": "fraction", "x": 1.01, "xanchor": "left", "xpad": 4,
                "y": 1, "yanchor": "top", "outlinewidth": 0}}})
    missing = len(codes) - len(fill_of)
    if missing:
        traces.append(geo.no_data_key(lang))
    title = t("{indicator}, {period}", lang, indicator=html_text(meta.name), period=html_text(period))
    layout = geo.map_layout(bounds, title, legend=bool(missing), colorbar=True)
    if per_capita:
        note = t("Per 1,000 inhabitants, so that municipalities of very different size can be compared", lang)
        layout["title"]["subtitle"] = {"text": note, "font": {"size": 12, "color": "#555"}}
    layout["annotations"] = [geo.attribution(lang)]
    layout["separators"] = ".," if lang == "en" else ", "
    return figure(traces, layout)


def municipal_bars(values: pd.DataFrame, meta: IndicatorMeta, period: str, lang: str, per_capita: bool) -> go.Figure:
    """Too few municipalities for a map: their values as bars, largest on top, coloured by country."""
    values = values.reset_index(drop=True)
    shown = map_measure(values, per_capita)
    order = shown.fillna(-np.inf).sort_values(kind="stable").index
    labels = [html_text(values.loc[i, "area_label"]) for i in order]
    hovers = _map_hovers(values.loc[order], shown.loc[order], meta, lang, per_capita)
    trace = {"type": "bar", "orientation": "h", "x": shown.loc[order].tolist(), "y": labels,
             "marker": {"color": [COUNTRY_COLOURS.get(values.loc[i, "country"], "#777777") for i in order]},
             "text": [_measure_text(v, per_capita, meta, lang) if not pd.isna(v) else "–" for v in shown.loc[order]],
             "textposition": "auto", "hovertext": hovers, "hovertemplate": "%{hovertext}<extra></extra>",
             "showlegend": False}
    title = t("{indicator}, {period}", lang, indicator=html_text(meta.name), period=html_text(period))
    layout = {"title": {"text": title}, "height": 160 + 44 * len(values), "bargap": 0.35,
              "xaxis": {"title": {"text": map_unit(meta, per_capita, lang)}, "rangemode": "tozero", "tickformat": ",~f",
                        "separatethousands": True},
              "yaxis": {"automargin": True}, "margin": {"l": 10, "r": 10, "t": 60, "b": 50},
              "separators": ".," if lang == "en" else ", "}
    return figure([trace], layout)


def map_table(values: pd.DataFrame, meta: IndicatorMeta, lang: str, per_capita: bool) -> pd.DataFrame:
    """The municipalities on the map with translated headers (what the map download contains): the value, and per
    1,000 inhabitants with the population used when the map shows that."""
    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    table = pd.DataFrame({
        col("area"): values["area_label"],
        col("country"): values["country"].map(lambda c: t(SIDE_LABELS[c], lang)),
        col("period"): values["period"],
        col("value"): values["value"],
        col("unit"): unit_label(meta.unit, lang),
        col("flag"): values["flag"].map(lambda f: flag_label(f, lang)),
    })
    if per_capita:
        table[t("Per 1,000 inhabitants", lang)] = map_measure(values, True)
        table[t("Population", lang)] = values["population"]
        table[t("Population year", lang)] = values["population_period"]
    return table


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
    """Latest value and change per indicator and country against its comparison period, with the verdict in
    words and the latest figure's flag (Estimate)."""
    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    return pd.DataFrame({
        col("domain"): frame["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang)),
        col("indicator"): frame["name"],
        col("country"): frame["country"].map(lambda c: t(SIDE_LABELS[c], lang)),
        col("period"): frame["period"],
        col("previous_period"): frame["previous_period"],
        col("value"): frame["value"],
        col("unit"): frame["unit"].map(lambda u: unit_label(u, lang)),
        col("change"): frame["change"],
        col("change_pct"): (frame["change_pct"] * 100).round(1),
        col("assessment"): frame["assessment"].map(lambda a: t(INDICATORS_ASSESSMENT_LABELS[a], lang)),
        col("flag"): _labelled(frame["flag"].where(frame["flag"] != "break", None), lambda f: flag_label(f, lang)),
        col("low"): frame["value_low"],
        col("high"): frame["value_high"],
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

    col = lambda name: t(INDICATORS_COL_LABELS[name], lang)  # noqa: E731
    col_low, col_high = col("low"), col("high")

    formats = {
        t("Value", lang): lambda v: format_value(v, lang) if pd.notna(v) else "–",
        col_low: lambda v: format_value(v, lang) if pd.notna(v) else "–",
        col_high: lambda v: format_value(v, lang) if pd.notna(v) else "–",
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
