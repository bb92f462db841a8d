"""Services page: the availability chart and the catalogue table, translated (pure functions, no Streamlit)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from babel import Locale
from pandas.io.formats.style import Styler

from ..i18n import LOCALES, NP_, normalise_language, t
from ..labels import (
    DOMAIN_LABELS,
    SERVICES_AVAILABILITY_LABELS,
    SERVICES_CHANNEL_LABELS,
    SERVICES_COL_LABELS,
    STATUS_LABELS,
)
from ..schema import AVAILABILITY, DOMAINS, LANGUAGES
from . import figure

# Okabe–Ito (colour-blind safe): green works, orange partly, vermillion not at all, sky blue is still to come.
# The chart and the table use the same colours, with dark text on every one of them (contrast ≥ 4.5:1).
AVAILABILITY_COLOURS: dict[str, str] = {
    "available": "#009E73",
    "partial": "#E69F00",
    "unavailable": "#D55E00",
    "planned": "#56B4E9",
}
TEXT_ON_COLOUR = "#000000"
MARGIN_TOP = 60
MARGIN_BOTTOM = 120


def availability_label(code: str, lang: str) -> str:
    return t(SERVICES_AVAILABILITY_LABELS[code], lang)


def language_names(lang: str) -> dict[str, str]:
    """Service language codes (fi, sv, et, en, ru) as language names in the chosen language (from CLDR)."""
    names = Locale.parse(LOCALES[normalise_language(lang)]).languages
    return {code: names.get(code, code) for code in LANGUAGES}


def _join_mapped(lists: pd.Series, labels: Mapping[str, str], sep: str = ", ") -> pd.Series:
    """Each list of codes as one text of labels; an empty list gives "" (a loop: explode and groupby cost more)."""
    return pd.Series([sep.join(labels.get(code, code) for code in codes if code is not None) for codes in lists],
                     index=lists.index, dtype=object)


def _bottleneck_text(frame: pd.DataFrame, lang: str) -> pd.Series:
    """`BN-013 Title (Status); …` per service, titles in the chosen language, statuses translated."""
    def link(code: str, title: str, status: str | None) -> str:
        return f"{code} {title}".strip() + (f" ({t(STATUS_LABELS[status], lang)})" if status else "")

    return pd.Series(["; ".join(link(*parts) for parts in zip(codes, titles, statuses, strict=True) if parts[0])
                      for codes, titles, statuses in zip(frame["bottleneck_codes"], frame["bottleneck_titles"],
                                                         frame["bottleneck_statuses"], strict=True)],
                     index=frame.index, dtype=object)


def code_columns(frame: pd.DataFrame, lang: str) -> dict[str, object]:
    """The codes behind the domain, availability and channel labels of `catalogue_table` (for downloads)."""
    return {t(SERVICES_COL_LABELS[name], lang): frame[name].to_numpy()
            for name in ("domain", "availability", "channel")}


def catalogue_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The catalogue as shown and downloaded: translated headers, labels and language names."""
    col = {name: t(SERVICES_COL_LABELS[name], lang) for name in (
        "code", "name", "domain", "availability", "channel", "languages", "provider_fi", "provider_ee",
        "bottlenecks", "note", "url")}
    table = pd.DataFrame(index=frame.index)
    table[col["code"]] = frame["code"]
    table[col["name"]] = frame["name"]
    table[col["domain"]] = frame["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang))
    table[col["availability"]] = frame["availability"].map(lambda a: availability_label(a, lang))
    table[col["channel"]] = frame["channel"].map(lambda c: t(SERVICES_CHANNEL_LABELS[c], lang))
    table[col["languages"]] = _join_mapped(frame["languages"], language_names(lang))
    table[col["provider_fi"]] = frame["provider_fi"]
    table[col["provider_ee"]] = frame["provider_ee"]
    table[col["bottlenecks"]] = _bottleneck_text(frame, lang)
    if "note" in frame.columns:  # the service's description, in the chosen language
        table[col["note"]] = frame["note"]
    table[col["url"]] = frame["url"]
    return table.reset_index(drop=True)


def style_catalogue(table: pd.DataFrame, lang: str) -> Styler:
    """Colour the availability cells as in the chart."""
    colours = {availability_label(a, lang): c for a, c in AVAILABILITY_COLOURS.items()}

    def cell_style(label: str) -> str:
        colour = colours.get(label)
        return f"background-color: {colour}; color: {TEXT_ON_COLOUR}" if colour else ""

    return table.style.map(cell_style, subset=[t("Availability across the border", lang)])


def availability_counts_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chart's data as downloaded: domain × availability, translated."""
    return pd.DataFrame({
        t("Domain", lang): counts["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang)),
        t("Availability across the border", lang): counts["availability"].map(lambda a: availability_label(a, lang)),
        t(NP_("services.col", "Services"), lang): counts["services"].astype(int),
    }).reset_index(drop=True)


def availability_chart(counts: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars: services per domain, stacked by availability across the border."""
    domains = [d for d in DOMAINS if d in set(counts["domain"])]
    labels = np.array([t(DOMAIN_LABELS[d], lang) for d in domains], dtype=object)
    # One pass over the rows instead of a filtered frame per availability.
    services_of = {(domain, code): services for domain, code, services in
                   zip(counts["domain"], counts["availability"], counts["services"], strict=True)}
    present = set(counts["availability"])
    bars = []
    for code in AVAILABILITY:
        if code not in present:
            continue
        name = availability_label(code, lang)
        bars.append({
            "type": "bar",
            "y": labels,
            "x": [int(services_of.get((d, code), 0)) for d in domains],
            "name": name,
            "orientation": "h",
            "marker": {"color": AVAILABILITY_COLOURS[code], "line": {"color": "#ffffff", "width": 1}},
            "hovertemplate": "%{y}: %{x}<extra>" + name + "</extra>",
        })
    height = 170 + 42 * max(len(domains), 1)
    x_axis = {"title": {"text": t("Number of services", lang)}}
    if counts["services"].sum() < 15:
        x_axis["dtick"] = 1  # whole services only; plotly's automatic ticks suit larger totals
    # Annotations take paper coordinates only: the source line sits at the figure's bottom edge.
    source = {"text": t("Source: TwinReg cross-border services catalogue (availability as assessed by the partners)",
                        lang), "showarrow": False, "xref": "paper", "yref": "paper", "x": 0,
              "y": -(MARGIN_BOTTOM - 4) / (height - MARGIN_TOP - MARGIN_BOTTOM), "xanchor": "left",
              "yanchor": "bottom", "font": {"size": 11, "color": "#555"}}
    layout = {
        "barmode": "stack",
        "showlegend": True,  # also for a single trace: the legend explains the colours
        "title": {"text": t("Services by domain and availability across the border", lang)},
        "xaxis": x_axis,
        "yaxis": {"autorange": "reversed", "automargin": True},
        "legend": {"orientation": "h", "traceorder": "normal", "yref": "container", "y": 28 / height,
                   "yanchor": "bottom", "x": 0},
        "margin": {"l": 10, "r": 10, "t": MARGIN_TOP, "b": MARGIN_BOTTOM},
        "height": height,
        "annotations": [source],
    }
    # Built in one go from plain dicts: plotly validates each property once, not again per add_*/update_* call.
    return figure(bars, layout)
