"""Figure builders: pure functions of DataFrames returning plotly figures (tested without a browser)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..i18n import t
from ..labels import DOMAIN_LABELS, INDICATORS_ASSESSMENT_LABELS, SIDE_LABELS, STATUS_LABELS
from ..schema import BOTTLENECK_STATUSES, DOMAIN_COLOURS, DOMAINS
from ..textsafe import html_text
from . import figure

# Lifecycle statuses from light to dark blue, closed ones in greys/greens so "done" reads at a glance.
STATUS_COLOURS = {
    "identified": "#c6dbef",
    "analysed": "#9ecae1",
    "prioritised": "#6baed6",
    "solution_proposed": "#3182bd",
    "in_progress": "#08519c",
    "resolved": "#009E73",
    "partly_resolved": "#8fd1bb",
    "written_off": "#bdbdbd",
}


def domain_status_bars(counts: pd.DataFrame, lang: str, source: str) -> go.Figure:
    """Horizontal stacked bars: bottlenecks per domain, stacked by status."""
    domains = [d for d in DOMAINS if d in set(counts["domain"])]
    labels = np.array([t(DOMAIN_LABELS[d], lang) for d in domains], dtype=object)
    # One pass over the rows instead of a filtered frame per status.
    count_of = {(domain, status): count for domain, status, count in
                zip(counts["domain"], counts["status"], counts["count"], strict=True)}
    present = set(counts["status"])
    bars = []
    for status in BOTTLENECK_STATUSES:
        if status not in present:
            continue
        name = t(STATUS_LABELS[status], lang)
        bars.append({
            "type": "bar",
            "y": labels,
            "x": [int(count_of.get((d, status), 0)) for d in domains],
            "name": name,
            "orientation": "h",
            "marker": {"color": STATUS_COLOURS[status]},
            "hovertemplate": "%{y}: %{x}<extra>" + name + "</extra>",
        })
    # Counts are whole numbers: ticks at integers only (plotly would put ticks at 0.5 for small counts).
    longest = max((sum(int(count_of.get((d, s), 0)) for s in BOTTLENECK_STATUSES) for d in domains), default=0)
    layout = {
        "barmode": "stack",
        "title": {"text": t("Bottlenecks by domain and status", lang),
                  "subtitle": {"text": source, "font": {"size": 12, "color": "#555"}}},
        "xaxis": {"title": {"text": t("Count", lang)}, "tickformat": "d", "rangemode": "tozero",
                  **({"tick0": 0, "dtick": 1} if longest <= 10 else {})},
        "yaxis": {"autorange": "reversed"},
        "legend": {"orientation": "h", "x": 0, "y": -0.15, "yanchor": "top", "traceorder": "normal"},
        "margin": {"l": 10, "r": 10, "t": 80, "b": 60},
        "height": 460,
    }
    # Built in one go from plain dicts: plotly validates each property once, not again per add_*/update_* call.
    return figure(bars, layout)


def domain_status_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The chart's data as downloaded: codes in their own columns beside their labels in `lang`."""
    frame = counts.loc[counts["count"] > 0] if "count" in counts else counts
    order = {s: i for i, s in enumerate(BOTTLENECK_STATUSES)}
    frame = frame.assign(_d=frame["domain"].map(DOMAINS.index), _s=frame["status"].map(order)).sort_values(["_d", "_s"])
    domain, status = t("Domain", lang), t("Status", lang)
    return pd.DataFrame({
        t("{column} (code)", lang, column=domain): frame["domain"].to_numpy(dtype=object),
        domain: [t(DOMAIN_LABELS[d], lang) for d in frame["domain"]],
        t("{column} (code)", lang, column=status): frame["status"].to_numpy(dtype=object),
        status: [t(STATUS_LABELS[s], lang) for s in frame["status"]],
        t("Count", lang): frame["count"].astype(int).to_numpy(),
    })


def domain_colour(domain: str) -> str:
    return DOMAIN_COLOURS.get(domain, "#777777")


def _padded_range(values: pd.Series) -> list[float]:
    """The value axis from 0 (or the lowest value) to the highest, with room at both ends for the labels written
    outside the bars (a negative bar's label would otherwise run into the indicator names)."""
    low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
    pad = 0.22 * ((high - low) or 1.0)
    return [low - (pad if low < 0 else 0), high + (pad if high > 0 else 0)]


def movers_bars(movers: pd.DataFrame, lang: str) -> go.Figure:
    """The indicators that moved most: % change of the latest value, green when better, red when worse.

    `movers`: queries.overview.moved_most (name, country, area_label, period, previous_period, change_pct,
    assessment).
    """
    from ..i18n import format_pct
    from ..queries.indicators import ASSESSMENT_COLOURS
    from .indicators import compared_periods

    # Names and periods are plotly markup here (tick labels, hover): escaped with html_text.
    estimate = movers["estimate"].tolist() if "estimate" in movers else [False] * len(movers)
    mark = " · " + t("Estimate", lang)
    # Two lines per bar: the indicator and country, then both periods of the change, the verdict in words (the
    # bar's colour is never its only carrier) and the estimate flag.
    sides = {country: t(SIDE_LABELS[country], lang) for country in set(movers["country"])}
    assessments = movers["assessment"].tolist()
    verdicts = [t(INDICATORS_ASSESSMENT_LABELS[a], lang) for a in assessments]
    labels = [f"{html_text(name)} · {sides[country]}<br><span style=\"font-size:11px\">"
              + html_text(compared_periods(period, previous, lang)) + " · " + verdict + (mark if est else "")
              + "</span>"
              for name, country, period, previous, verdict, est in zip(
                  movers["name"], movers["country"], movers["period"], movers["previous_period"], verdicts, estimate,
                  strict=True)]
    # Object arrays go into the figure as they are; lists would be validated and copied item by item.
    customdata = np.column_stack([
        movers["period"].map(html_text).to_numpy(dtype=object),
        movers["previous_period"].map(html_text).to_numpy(dtype=object),
        np.array(verdicts, dtype=object),
    ])
    bar = {
        "type": "bar",
        "y": np.array(labels, dtype=object),
        "x": (movers["change_pct"] * 100).tolist(),  # a list: a numeric array would be sent base64-encoded
        "orientation": "h",
        "marker": {"color": np.array([ASSESSMENT_COLOURS.get(a, "#6e6e6e") for a in assessments], dtype=object)},
        "text": np.array([format_pct(v, lang) for v in movers["change_pct"]], dtype=object),
        "textposition": "auto",
        "cliponaxis": False,
        "customdata": customdata,
        "hovertemplate": "%{y}<br>%{text}<br>%{customdata[2]}<extra></extra>",
    }
    layout = {
        "title": {"text": t("Indicators that moved most (against the same period a year earlier)", lang),
                  "subtitle": {"text": t("Quarterly and monthly figures against the same quarter or month a year "
                                         "earlier, annual ones against the year before.", lang) + "<br>"
                               + t("Green: better, red: worse; grey: within the estimate range or no direction. "
                                   "Sources: see the Indicators page.", lang),
                               "font": {"size": 12, "color": "#555"}}},
        "xaxis": {"title": {"text": t("Change, %", lang)}, "zeroline": True, "zerolinecolor": "#999",
                  "automargin": True, "range": _padded_range(movers["change_pct"] * 100)},
        "yaxis": {"autorange": "reversed"},
        "height": 170 + 52 * len(movers),
        "margin": {"l": 10, "r": 70, "t": 100, "b": 60},
    }
    return figure([bar], layout)


def _day(value: object, lang: str) -> str:
    from ..i18n import format_day

    return format_day(pd.Timestamp(value).date(), lang) if value is not None and not pd.isna(value) else "–"


def owners_text(owner_fi: object, owner_ee: object, lang: str) -> str:
    """'Finland: Verohallinto · Estonia: Maksu- ja Tolliamet' (a missing owner as '–')."""
    def name(value: object) -> str:
        return value.strip() if isinstance(value, str) and value.strip() else "–"

    return (f"{t(SIDE_LABELS['FI'], lang)}: {name(owner_fi)} · {t(SIDE_LABELS['EE'], lang)}: {name(owner_ee)}")


def watch_items(rows: pd.DataFrame, kind: str, lang: str) -> list[tuple[str, str, str, str]]:
    """The Overview's lines of one watch list (queries.overview.watchlist narrowed by watch_of): (code, title, what
    and since when, both owners), in plain text (the page escapes it)."""
    from ..queries.overview import RECENT, RESOLVED, STALLED

    items = []
    for r in rows.itertuples():
        status = t(STATUS_LABELS[r.status], lang)
        if kind == STALLED:
            what = t("{status} · no event since {date}", lang, status=status, date=_day(r.last_event_on, lang))
        elif kind == RECENT and isinstance(r.previous_status, str):
            what = t("{before} → {after} on {date}", lang, before=t(STATUS_LABELS[r.previous_status], lang),
                     after=status, date=_day(r.changed_on, lang))
        elif kind in (RECENT, RESOLVED):
            what = t("{status} on {date}", lang, status=status, date=_day(r.changed_on, lang))
        else:
            raise ValueError(f"unknown watch list {kind!r}")
        items.append((r.code, r.title, what, owners_text(r.owner_fi, r.owner_ee, lang)))
    return items


def movers_table(movers: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The movers chart's data as downloaded: labels in `lang`, codes in their own columns, and the change in per
    cent rounded as the chart shows it (the read model holds a fraction), its unit in the column title."""
    from ..labels import INDICATORS_UNIT_LABELS

    estimate = movers["estimate"] if "estimate" in movers else pd.Series(False, index=movers.index)
    indicator, country = t("Indicator", lang), t("Country", lang)
    return pd.DataFrame({
        t("{column} (code)", lang, column=indicator): movers["indicator"].to_numpy(dtype=object),
        indicator: movers["name"].to_numpy(dtype=object),
        t("{column} (code)", lang, column=country): movers["country"].to_numpy(dtype=object),
        country: [t(SIDE_LABELS[c], lang) for c in movers["country"]],
        t("Area", lang): movers["area_label"].to_numpy(dtype=object),
        t("Period", lang): movers["period"].to_numpy(dtype=object),
        t("Value", lang): movers["value"].to_numpy(),
        t("Compared with", lang): movers["previous_period"].to_numpy(dtype=object),
        t("Previous value", lang): movers["previous_value"].to_numpy(),
        t("Unit", lang): [t(INDICATORS_UNIT_LABELS[u], lang) if u in INDICATORS_UNIT_LABELS else u
                          for u in movers["unit"]],
        t("Change, %", lang): (pd.to_numeric(movers["change_pct"]) * 100).round(1).to_numpy(),
        t("Assessment", lang): [t(INDICATORS_ASSESSMENT_LABELS[a], lang) for a in movers["assessment"]],
        t("Estimate", lang): [t("Estimate", lang) if e else "" for e in estimate],
    })
