"""Figures and display tables of the Bottlenecks page: pure functions of query results, no Streamlit."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..i18n import NP_, format_day, format_number, t, tn
from ..labels import (
    BOTTLENECKS_ACTION_STATUS_LABELS,
    BOTTLENECKS_AVAILABILITY_LABELS,
    BOTTLENECKS_CHANNEL_LABELS,
    BOTTLENECKS_LEVEL_LABELS,
    BOTTLENECKS_SOLUTION_LABELS,
    BOTTLENECKS_SOURCE_LABELS,
    BOTTLENECKS_UNIT_LABELS,
    DOMAIN_LABELS,
    EXPECTED_DURATION_LABELS,
    OUTCOME_LABELS,
    RECORD_TEXT_LABELS,
    ROUTE_LABELS,
    SIDE_LABELS,
    STATUS_LABELS,
)
from ..queries.bottlenecks import BottleneckDetail
from ..schema import BOTTLENECK_DOMAINS, BOTTLENECK_STATUSES, DOMAIN_COLOURS
from ..textsafe import html_text
from . import figure
from .overview import STATUS_COLOURS

STALLED_COLOUR = "#D55E00"  # Okabe–Ito vermilion: the warning colour of the palette
MIN_MARKER = 9
MAX_MARKER = 34


def _source_annotation(text: str, y: float) -> dict:
    return {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": y,
            "xanchor": "left", "yanchor": "top", "font": {"size": 11, "color": "#555"}}




def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


# -- register ----------------------------------------------------------------------------------------------


def code_columns(register: pd.DataFrame, lang: str) -> dict[str, object]:
    """The codes behind the domain, status and side labels of `register_table` and `matrix_table` (downloads)."""
    return {t("Domain", lang): register["domain"].to_numpy(), t("Status", lang): register["status"].to_numpy(),
            t("Side", lang): register["side"].to_numpy()}


def register_table(register: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The register as shown and downloaded: translated headers and labels, one row per bottleneck."""
    return pd.DataFrame({
        t("Code", lang): register["code"],
        t("Title", lang): register["title"],
        t("Domain", lang): register["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang)),
        t("Status", lang): register["status"].map(lambda s: t(STATUS_LABELS[s], lang)),
        t(NP_("bottlenecks.col", "Severity"), lang): register["severity"].astype("int64"),
        t("Side", lang): register["side"].map(lambda s: t(SIDE_LABELS[s], lang)),
        t("Owner in Finland", lang): register["owner_fi"],
        t("Owner in Estonia", lang): register["owner_ee"],
        t("Age (years)", lang): register["age_years"].astype("int64"),
        t("Age (days)", lang): register["age_days"].astype("int64"),
        t("Days since last event", lang): register["days_since_event"].astype("int64"),
        t(NP_("bottlenecks.col", "Stalled"), lang): register["stalled"].astype(bool),
    })


# -- priority matrix ----------------------------------------------------------------------------------------


def _jitter(code: str) -> float:
    """A small fixed horizontal offset per code, so that bottlenecks of equal severity do not hide each other."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return ((int(digits or 0) % 7) - 3) * 0.07


def _known_people(register: pd.DataFrame) -> pd.Series:
    """Every positive people estimate, low and high (the matrix draws both ends of each range)."""
    known = pd.concat([register["people_low"], register["people_high"]]).dropna().astype(float)
    return known[known > 0]


def unknown_people_level(register: pd.DataFrame) -> float:
    """Where bottlenecks without a people estimate are drawn: one decade below the smallest known estimate."""
    known = _known_people(register)
    if known.empty:
        return 1.0
    return float(10 ** (math.floor(math.log10(float(known.min()))) - 1))


def people_ticks(register: pd.DataFrame, lang: str) -> tuple[list[float], list[str]]:
    """Log-axis ticks at 1, 2 and 5 per decade over the known estimates, labelled in the locale (10 000)."""
    known = _known_people(register)
    if known.empty:
        return [], []
    low, high = math.floor(math.log10(float(known.min()))), math.ceil(math.log10(float(known.max())))
    values = [m * 10.0 ** k for k in range(low, high + 1) for m in (1, 2, 5)
              if known.min() / 2.5 <= m * 10.0 ** k <= known.max() * 2.5]
    return values, [format_number(v, lang) for v in values]


def matrix_table(register: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data behind the priority matrix, as downloaded."""
    return pd.DataFrame({
        t("Code", lang): register["code"],
        t("Title", lang): register["title"],
        t("Domain", lang): register["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang)),
        t("Status", lang): register["status"].map(lambda s: t(STATUS_LABELS[s], lang)),
        t(NP_("bottlenecks.col", "Severity"), lang): register["severity"].astype("int64"),
        t("People affected, low estimate", lang): register["people_low"].astype("Int64"),
        t("People affected, high estimate", lang): register["people_high"].astype("Int64"),
        t("Age (days)", lang): register["age_days"].astype("int64"),
    })


# Each domain has a marker shape as well as its colour (schema.DOMAIN_COLOURS, after Okabe and Ito), so that the
# domains stay apart in grey scale, in print and for every kind of colour vision.
DOMAIN_SYMBOLS: dict[str, str] = {
    "mobility": "circle",
    "taxation": "square",
    "education": "diamond",
    "digital": "triangle-up",
    "employment": "triangle-down",
    "social_security": "pentagon",
    "legal_admin": "star",
    "integration": "hexagram",
    "information": "cross",
}
LABELLED_POINTS = 6  # the most severe bottlenecks named beside their point


def labelled_codes(register: pd.DataFrame, limit: int = LABELLED_POINTS) -> list[str]:
    """The bottlenecks the matrix names: the most severe, then those affecting the most people, at most `limit`."""
    ranked = register.assign(_people=register["people_high"].astype("Float64").fillna(-1)).sort_values(
        ["severity", "_people", "code"], ascending=[False, False, True])
    return ranked["code"].head(limit).tolist()


def priority_matrix(register: pd.DataFrame, lang: str, source: str) -> go.Figure:
    """Severity × people affected (log scale), one trace per domain (colour and shape), marker size by age.

    A bottleneck with an estimate range sits at the range's geometric middle with whiskers to its low and high
    estimate; one without an estimate sits, hollow, on a labelled "unknown" band below the smallest estimate. The
    most severe points are named by their code. Each point's customdata starts with the bottleneck code, so a
    selection event names the bottleneck.
    """
    unknown_y = unknown_people_level(register)
    max_age = max(int(register["age_days"].max()), 1) if not register.empty else 1
    people_word = t("People affected", lang)
    tick_values, tick_text = people_ticks(register, lang)
    low_values = register["people_low"].astype("Float64")
    high_values = register["people_high"].astype("Float64")
    low_values = low_values.fillna(high_values)
    high_values = high_values.fillna(low_values)
    # Per-bottleneck values computed once for the whole register, then picked per domain by position.
    missing = high_values.isna().to_numpy()
    people = [
        t("unknown", lang) if pd.isna(high) else format_number(high, lang) if low == high else
        f"{format_number(low, lang)}–{format_number(high, lang)}"
        for low, high in zip(low_values, high_values, strict=True)
    ]
    # Object arrays go into the figure as they are; lists would be validated and copied item by item.
    customdata = np.array([
        # The code stays as it is (a selection names the bottleneck by it); the title is plotly markup: escaped.
        [code, html_text(title), t(STATUS_LABELS[status], lang), person, format_number(age // 365, lang), severity]
        for code, title, status, person, age, severity in zip(
            register["code"], register["title"], register["status"], people, register["age_days"],
            register["severity"], strict=True)
    ], dtype=object).reshape(len(register), 6)
    # Numeric values stay Python numbers in lists when picked: numeric arrays would be sent base64-encoded.
    x = np.array([s + _jitter(c) for s, c in zip(register["severity"], register["code"], strict=True)], dtype=float)
    low = low_values.fillna(unknown_y).astype(float).to_numpy()
    high = high_values.fillna(unknown_y).astype(float).to_numpy()
    y = np.sqrt(np.maximum(low, 1e-9) * np.maximum(high, 1e-9))  # the middle of the range on a log axis
    size = np.array([MIN_MARKER + (MAX_MARKER - MIN_MARKER) * math.sqrt(max(a, 0) / max_age)
                     for a in register["age_days"]], dtype=float)
    named = set(labelled_codes(register))
    text = np.array([code if code in named else "" for code in register["code"]], dtype=object)
    domain_of = register["domain"].to_numpy(dtype=object)
    traces = []
    for domain in BOTTLENECK_DOMAINS:
        rows = np.flatnonzero(domain_of == domain)
        if not len(rows):
            continue
        symbol = DOMAIN_SYMBOLS[domain]
        traces.append({
            "type": "scatter",
            "x": x[rows].tolist(),
            "y": y[rows].tolist(),
            "mode": "markers+text",
            "name": t(DOMAIN_LABELS[domain], lang),
            "text": text[rows],
            "textposition": "top right",
            "textfont": {"size": 12, "color": "#222"},
            "error_y": {"type": "data", "symmetric": False, "array": (high[rows] - y[rows]).tolist(),
                        "arrayminus": (y[rows] - low[rows]).tolist(), "color": DOMAIN_COLOURS[domain],
                        "thickness": 1.5, "width": 4},
            "marker": {
                "color": DOMAIN_COLOURS[domain],
                "size": size[rows].tolist(),
                "symbol": np.where(missing[rows], f"{symbol}-open", symbol).astype(object),
                "line": {"width": 1.5, "color": DOMAIN_COLOURS[domain]},
                "opacity": 0.85,
            },
            "customdata": customdata[rows],
            "hovertemplate": (
                "<b>%{customdata[0]}</b> %{customdata[1]}<br>"
                + t("Status", lang) + ": %{customdata[2]}<br>"
                + t(NP_("bottlenecks.col", "Severity"), lang) + ": %{customdata[5]}<br>"
                + people_word + ": %{customdata[3]}<br>"
                + t("Age (years)", lang) + ": %{customdata[4]}"
                + "<extra>" + t(DOMAIN_LABELS[domain], lang) + "</extra>"
            ),
        })
    shapes, annotations = [], []
    if missing.any():
        # What fig.add_hrect draws: a band over the whole plot width.
        shapes.append({"type": "rect", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": unknown_y / 2.2,
                       "y1": unknown_y * 2.2, "fillcolor": "#eeeeee", "line": {"width": 0}, "layer": "below"})
        annotations.append({"text": t("People affected unknown", lang), "x": 0.5, "y": math.log10(unknown_y),
                            "xref": "x", "yref": "y", "xanchor": "left", "showarrow": False,
                            "font": {"size": 11, "color": "#555"}})
    layout = {
        "title": {"text": t("Priority matrix: severity × people affected", lang),
                  "subtitle": {"text": t("Whiskers: range of the estimate of people affected · marker size: age · "
                                         "shape and colour: domain · hollow: no estimate", lang)}},
        "xaxis": {"title": {"text": t("Severity (1 = minor, 5 = blocking)", lang)}, "tickvals": [1, 2, 3, 4, 5],
                  "range": [0.4, 5.6], "zeroline": False},
        "yaxis": {"title": {"text": t("People affected (estimate range; persons, log scale)", lang)}, "type": "log",
                  "tickvals": tick_values,
                  "ticktext": tick_text},
        "legend": {"title": {"text": t("Domain", lang)}},
        "margin": {"l": 10, "r": 10, "t": 80, "b": 90},
        "height": 600,
        **({"shapes": shapes} if shapes else {}),
        "annotations": [*annotations, _source_annotation(source, -0.13)],
        "clickmode": "event+select",
    }
    # Built in one go from plain dicts: plotly validates each property once, not again per add_*/update_* call.
    return figure(traces, layout)


# -- detail -------------------------------------------------------------------------------------------------


def status_timeline(detail: BottleneckDetail, lang: str, source: str, today: dt.date | None = None) -> go.Figure:
    """The status history: one marker per event on a lifecycle axis, a step line between them, and the time
    since the last event up to today, highlighted when the bottleneck is stalled."""
    today = today or dt.date.today()
    events = detail.events
    if events.empty:
        # No events yet: the register entry itself is the only fact, status "identified" since identified_on.
        events = pd.DataFrame({"date": [detail.identified_on], "seq": [1], "status": ["identified"],
                               "note": [t("Register entry (no events recorded yet)", lang)], "who": [""]})
    dates = [pd.Timestamp(d).date() for d in events["date"]]
    labels = [t(STATUS_LABELS[s], lang) for s in events["status"]]
    traces = [{
        "type": "scatter",
        "x": dates, "y": labels, "mode": "lines+markers", "line": {"shape": "hv", "color": "#888", "width": 2},
        "marker": {"size": 14, "color": [STATUS_COLOURS.get(s, "#777") for s in events["status"]],
                   "line": {"width": 1, "color": "#333"}},
        # An object array goes into the figure as it is; a list of lists would be validated item by item.
        "customdata": np.array([[format_day(d, lang), html_text(w), html_text(n)]
                                for d, w, n in zip(dates, events["who"], events["note"], strict=True)], dtype=object),
        "hovertemplate": "<b>%{y}</b> · %{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        "name": t("Events", lang), "showlegend": False,
    }]
    shapes, annotations = [], []
    last_date, last_label = dates[-1], labels[-1]
    if detail.is_open and today > last_date:
        colour = STALLED_COLOUR if detail.stalled else "#888"
        traces.append({"type": "scatter", "x": [last_date, today], "y": [last_label, last_label], "mode": "lines",
                       "line": {"dash": "dot", "color": colour, "width": 2}, "hoverinfo": "skip",
                       "showlegend": False})
        if detail.stalled:
            # What fig.add_vrect draws: a band over the whole plot height.
            shapes.append({"type": "rect", "xref": "x", "x0": last_date, "x1": today, "yref": "y domain", "y0": 0,
                           "y1": 1, "fillcolor": STALLED_COLOUR, "opacity": 0.08, "line": {"width": 0},
                           "layer": "below"})
            annotations.append({"x": today, "y": last_label, "xanchor": "right", "yshift": 18, "showarrow": False,
                                "text": tn("Stalled: {n} day without an event", "Stalled: {n} days without an event",
                                           detail.days_since_event, lang),
                                "font": {"color": STALLED_COLOUR, "size": 12}})
    layout = {
        "title": {"text": t("Status history of {code}", lang, code=detail.code)},
        "xaxis": {"title": {"text": t(NP_("bottlenecks.timeline", "Date"), lang)}, "type": "date", **_date_ticks(
            (max(today, last_date) - dates[0]).days, lang)},
        "yaxis": {"title": {"text": t("Status", lang)}, "type": "category",
                  "categoryorder": "array",
                  "categoryarray": [t(STATUS_LABELS[s], lang) for s in BOTTLENECK_STATUSES],
                  "range": [-0.5, len(BOTTLENECK_STATUSES) - 0.5]},
        "margin": {"l": 10, "r": 10, "t": 50, "b": 80},
        "height": 380,
        **({"shapes": shapes} if shapes else {}),
        "annotations": [*annotations, _source_annotation(source, -0.22)],
    }
    # Built in one go from plain dicts: plotly validates each property once, not again per add_*/update_* call.
    return figure(traces, layout)


def _date_ticks(span_days: int, lang: str) -> dict:
    """Years on a long time axis; day-level dates otherwise, numeric outside English because the plotly.js
    bundled with Streamlit has no Finnish or Estonian month names."""
    if span_days > 730:
        return {"dtick": "M12", "tickformat": "%Y"}
    return {"tickformat": "%d %b %Y" if lang == "en" else "%d.%m.%Y"}


def events_table(detail: BottleneckDetail, lang: str) -> pd.DataFrame:
    """The status history as shown and downloaded."""
    events = detail.events
    return pd.DataFrame({
        t(NP_("bottlenecks.timeline", "Date"), lang): [pd.Timestamp(d).date() for d in events["date"]],
        t("Status", lang): events["status"].map(lambda s: t(STATUS_LABELS[s], lang)),
        t("Who", lang): events["who"],
        t("Note", lang): events["note"],
    })


def detail_facts(detail: BottleneckDetail, lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs of the detail view, every value translated or formatted for the locale."""
    missing = t("not given", lang)
    if detail.people_high is None and detail.people_low is None:
        people = t("unknown", lang)
    else:
        low = detail.people_low if detail.people_low is not None else detail.people_high
        high = detail.people_high if detail.people_high is not None else detail.people_low
        people = f"{format_number(low, lang)}–{format_number(high, lang)}"
        if detail.people_source:
            people += " (" + t("Source: {source}", lang, source=detail.people_source) + ")"
    solution = t(BOTTLENECKS_SOLUTION_LABELS[detail.solution_type], lang) if detail.solution_type else missing
    return [
        (t("Domain", lang), t(DOMAIN_LABELS[detail.domain], lang)),
        (t("Status", lang), t(STATUS_LABELS[detail.status], lang)),
        (t(NP_("bottlenecks.col", "Severity"), lang), f"{detail.severity} / 5"),
        (t("Side", lang), t(SIDE_LABELS[detail.side], lang)),
        (t("Level", lang), t(BOTTLENECKS_LEVEL_LABELS[detail.level], lang)),
        (t("How it was found", lang), t(BOTTLENECKS_SOURCE_LABELS[detail.source], lang)),
        (t("Solution needed", lang), solution),
        (t("Affected groups", lang), detail.affected_groups or missing),
        (t("People affected", lang), people),
        (t("Owner in Finland", lang), detail.owner_fi or missing),
        (t("Owner in Estonia", lang), detail.owner_ee or missing),
        (t("Identified on", lang), format_day(detail.identified_on, lang)),
        (t("Evidence", lang), detail.reference or missing),
    ]


def record_texts(detail: BottleneckDetail, lang: str) -> list[tuple[str, str]]:
    """(heading, text) of the obstacle record's texts that are filled, in the regulation's order."""
    return [(t(RECORD_TEXT_LABELS[prefix], lang), text) for prefix, text in detail.record.texts.items()
            if prefix not in ("outcome_reasons", "next_step")]


def record_facts(detail: BottleneckDetail, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the record's facts: areas, duration, filed elsewhere, route, outcome and next step.

    Only what is recorded shows; an outcome carries its reasons and date, a next step its date and who."""
    record, facts = detail.record, []
    if record.areas:
        facts.append((t("Geographic area", lang), "; ".join(name or code for code, name in record.areas)))
    if record.expected_duration:
        facts.append((t("Expected duration", lang), t(EXPECTED_DURATION_LABELS[record.expected_duration], lang)))
    if record.filed_with or record.filed_reference:
        filed = record.filed_with or t("not given", lang)
        if record.filed_reference:
            filed += " (" + t("reference {reference}", lang, reference=record.filed_reference) + ")"
        facts.append((t("Also submitted to", lang), filed))
    if record.route:
        facts.append((t("Route", lang), t(ROUTE_LABELS[record.route], lang)))
    if record.outcome:
        outcome = t(OUTCOME_LABELS[record.outcome], lang)
        if record.outcome_on:
            outcome += " (" + format_day(record.outcome_on, lang) + ")"
        facts.append((t("Outcome", lang), outcome))
    reasons_label, step_label = RECORD_TEXT_LABELS["outcome_reasons"], RECORD_TEXT_LABELS["next_step"]
    if "outcome_reasons" in record.texts:
        facts.append((t(reasons_label, lang), record.texts["outcome_reasons"]))
    if "next_step" in record.texts or record.next_step_on or record.next_step_by:
        step = record.texts.get("next_step") or t("not given", lang)
        when_who = [format_day(record.next_step_on, lang)] if record.next_step_on else []
        when_who += [record.next_step_by] if record.next_step_by else []
        step += f" ({', '.join(when_who)})" if when_who else ""
        facts.append((t(step_label, lang), step))
    return facts


def indicators_table(detail: BottleneckDetail, lang: str) -> pd.DataFrame:
    frame = detail.indicators
    return pd.DataFrame({
        t("Code", lang): frame["code"],
        t("Name", lang): frame["name"],
        t("Domain", lang): frame["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang)),
        t("Unit", lang): frame["unit"].map(lambda u: t(BOTTLENECKS_UNIT_LABELS[u], lang)),
    })


def services_table(detail: BottleneckDetail, lang: str) -> pd.DataFrame:
    frame = detail.services
    return pd.DataFrame({
        t("Code", lang): frame["code"],
        t("Name", lang): frame["name"],
        t("Domain", lang): frame["domain"].map(lambda d: t(DOMAIN_LABELS[d], lang)),
        t("Across the border", lang):
            frame["availability"].map(lambda a: t(BOTTLENECKS_AVAILABILITY_LABELS[a], lang)),
        t(NP_("bottlenecks.col", "Channel"),
          lang): frame["channel"].map(lambda c: t(BOTTLENECKS_CHANNEL_LABELS[c], lang)),
    })


def actions_table(detail: BottleneckDetail, lang: str) -> pd.DataFrame:
    frame = detail.actions
    return pd.DataFrame({
        t("Code", lang): frame["code"],
        t("Title", lang): frame["title"],
        t("Status", lang): frame["status"].map(lambda s: t(BOTTLENECKS_ACTION_STATUS_LABELS[s], lang)),
        t("Due", lang): [pd.Timestamp(d).date() for d in frame["due"]],
        t(NP_("bottlenecks.col", "Lead"), lang): frame["lead"],
    })
