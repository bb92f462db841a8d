"""Text alternatives of charts (twinreg_data/alttext.py): the summary states the period, the latest value and the
change by the one comparison rule; the table holds the chart's data; maps and slides' charts have them too."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from twinreg_data import alttext
from twinreg_data.briefing.model import Chart, Series
from twinreg_data.figures import READABLE_TEXT, geo, readable_text
from twinreg_data.i18n import t


def series_figure(values, lows=None, highs=None, polarity="neutral", years=(2021, 2022, 2023, 2024)) -> go.Figure:
    meta = {"low": lows, "high": highs, "polarity": polarity, "frequency": "annual"}
    return go.Figure([go.Scatter(x=list(years), y=values, name="Ferry passengers", mode="lines+markers", meta=meta),
                      go.Scatter(x=list(years), y=values, fill="tonexty", hoverinfo="skip", name="band")],
                     {"title": {"text": "Ferry &amp; air<br>per year"}, "yaxis": {"title": {"text": "Passengers"}}})


def test_a_series_states_period_latest_value_and_the_verdict():
    text = alttext.describe(series_figure([10.0, 11.0, 12.0, 15.0]), "en")
    assert text.summary == "Ferry & air per year, 2021–2024: Ferry passengers 15 in 2024, up from 12 in 2023."
    # The decoration (hoverinfo skip) is not data; the table has a row per point.
    assert list(text.table.columns) == [t("Series", "en"), t("Category", "en"), "Passengers"]
    assert text.table[t("Category", "en")].tolist() == ["2021", "2022", "2023", "2024"]
    assert text.table["Passengers"].tolist() == ["10", "11", "12", "15"]


@pytest.mark.parametrize(("values", "lows", "highs", "polarity", "expected"), [
    # Within each other's estimate range: no clear change, whatever the direction.
    ([10.0, 11.0, 12.0, 13.0], [9, 10, 11, 12], [11, 12, 13, 14], "higher_better", "no clear change from 12 in 2023"),
    # Outside: improved or worsened by polarity.
    ([10.0, 11.0, 12.0, 20.0], None, None, "higher_better", "improved from 12 in 2023"),
    ([10.0, 11.0, 12.0, 20.0], None, None, "higher_worse", "worsened from 12 in 2023"),
    ([10.0, 11.0, 12.0, 8.0], None, None, "neutral", "down from 12 in 2023"),
])
def test_the_direction_word_follows_the_comparison_rule(values, lows, highs, polarity, expected):
    assert expected in alttext.describe(series_figure(values, lows, highs, polarity), "en").summary


def test_a_series_in_finnish_writes_numbers_the_finnish_way():
    summary = alttext.describe(series_figure([1000.0, 2000.0, 3000.0, 7_200_000.0]), "fi").summary
    assert "7\u00a0200\u00a0000" in summary and "2024" in summary


def test_bars_name_the_highest_and_lowest_category():
    fig = go.Figure([go.Bar(y=["Taxation", "Education"], x=[3, 1], name="Open", orientation="h"),
                     go.Bar(y=["Taxation", "Education"], x=[1, 4], name="Closed", orientation="h")],
                    {"title": {"text": "Bottlenecks"}, "xaxis": {"title": {"text": "Count"}}})
    text = alttext.describe(fig, "en")
    assert text.summary == "Bottlenecks: 2 categories, highest Education (5), lowest Taxation (4)."
    assert len(text.table) == 4 and set(text.table[t("Series", "en")]) == {"Open", "Closed"}


def test_a_map_lists_its_areas_with_what_they_show():
    fig = go.Figure([geo.area_trace("FI-091", "#123456", "<b>Helsinki</b><br>2020: 656,920 persons"),
                     geo.area_trace("EE-0784", "#654321", "<b>Tallinn</b><br>2020: 443,920 persons"),
                     *geo.land_traces()], {"title": {"text": "Population, 2020"}})
    text = alttext.describe(fig, "en")
    assert text.summary.startswith("Population, 2020: a map of 2 municipalities")
    assert text.table.values.tolist() == [["Helsinki", "2020: 656,920 persons"], ["Tallinn", "2020: 443,920 persons"]]


def test_a_slide_chart_gets_the_same_kind_of_summary():
    chart = Chart(kind="line", title="Ferry passengers", categories=("2024-Q2", "2025-Q2"),
                  series=(Series(name="Finland", values=(100.0, 140.0), colour="#000000"),),
                  value_title="persons")
    assert alttext.describe_slide_chart(chart, "en") == (
        "Ferry passengers, 2024-Q2–2025-Q2: Finland 140 in 2025-Q2, up from 100 in 2024-Q2.")


def test_chart_text_without_a_colour_gets_a_readable_one():
    fig = go.Figure([go.Bar(x=[1], y=["a"], text=["1"], outsidetextfont={"color": "#ff0000"})],
                    {"xaxis": {"tickfont": {"color": "#000000"}, "title": {"text": "Count"}},
                     "annotations": [{"text": "source"}]})
    readable_text(fig)
    assert fig.layout.xaxis.tickfont.color == "#000000"  # its own colour is kept
    assert fig.layout.yaxis.tickfont.color == READABLE_TEXT and fig.layout.xaxis.title.font.color == READABLE_TEXT
    assert fig.layout.annotations[0].font.color == READABLE_TEXT
    assert fig.data[0].outsidetextfont.color == "#ff0000"
    # No font where there is no text: a legend title's font alone made plotly draw a box of NaN height.
    assert fig.layout.yaxis.title.font.color is None and fig.layout.legend.title.font.color is None


def test_contrast_of_the_readable_grey_and_the_sea_label():
    def luminance(hex_colour: str) -> float:
        rgb = np.array([int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)])
        rgb = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
        return float(rgb @ [0.2126, 0.7152, 0.0722])

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    assert contrast(READABLE_TEXT, "#ffffff") >= 4.5
    assert contrast(geo.SEA_LABEL_COLOUR, geo.SEA_COLOUR) >= 4.5


def test_an_empty_figure_says_so():
    assert alttext.describe(go.Figure(layout={"title": {"text": "Nothing"}}), "en").summary == (
        "Nothing: no values to show.")
    assert alttext.describe(go.Figure(), "en").table.equals(pd.DataFrame())
