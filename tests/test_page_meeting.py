"""Meeting page in AppTest: slides one at a time, navigation, the link (since, slide, present), languages,
presentation mode, the what-changed lists, and the empty database."""

from __future__ import annotations

import datetime as dt
import json
from html import escape

from conftest import run_app

from twinreg_data import figure_export
from twinreg_data.i18n import format_day, t
from twinreg_data.queries.changes import default_since
from twinreg_data.schema import BOTTLENECK_DOMAINS

PAGE = "pages/meeting.py"
TOTAL = 8 + len(BOTTLENECK_DOMAINS)


def html(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def param(at, name: str) -> list[str]:
    value = at.query_params[name]
    return list(value) if isinstance(value, list) else [value]


def shown_kind(at) -> str:
    text = html(at)
    return text.split('data-slide-kind="', 1)[1].split('"', 1)[0]


def test_first_slide_and_navigation(demo_copy):
    at = run_app(page=PAGE, query={"lang": "fi"})
    assert not at.exception
    assert t("{n} / {total}", "fi", n=1, total=TOTAL) in html(at)
    assert "TwinReg-ohjausryhmä" in html(at) and shown_kind(at) == "title"
    assert param(at, "since") == [default_since(dt.date.today()).isoformat()]
    assert at.button(key="mt-prev").disabled

    at.button(key="mt-next").click().run()
    assert not at.exception
    assert shown_kind(at) == "headline" and param(at, "slide") == ["2"]
    assert t("Headline figures", "fi") in html(at)
    at.button(key="mt-next").click().run()
    assert shown_kind(at) == "changes" and param(at, "slide") == ["3"]
    at.button(key="mt-prev").click().run()
    assert shown_kind(at) == "headline" and param(at, "slide") == ["2"]


def test_link_reproduces_the_view(demo_copy):
    at = run_app(page=PAGE, query={"lang": "et", "since": "2026-01-15", "slide": "3", "domain": "taxation"})
    assert not at.exception
    text = html(at)
    assert shown_kind(at) == "changes"
    assert t("What changed: bottlenecks", "et") in text
    assert format_day(dt.date(2026, 1, 15), "et") in text
    assert t("{n} / {total}", "et", n=3, total=9) in text  # one domain: 8 fixed slides + 1
    assert at.date_input(key="mt-since").value == dt.date(2026, 1, 15)
    # The last slide: the next button is disabled there.
    at = run_app(page=PAGE, query={"lang": "et", "slide": "9", "domain": "taxation"})
    assert shown_kind(at) == "closing" and at.button(key="mt-next").disabled


def test_invalid_link_parameters_are_ignored(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "since": "yesterday", "slide": "999"})
    assert not at.exception
    assert shown_kind(at) == "title"
    assert param(at, "since") == [default_since(dt.date.today()).isoformat()]
    assert param(at, "slide") == ["1"]


def test_language_switch_translates_the_slide(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "slide": "6"})
    assert t("Top priority bottlenecks", "en") in html(at)
    at.segmented_control(key="w_lang").set_value("fi").run()
    assert not at.exception
    assert t("Top priority bottlenecks", "fi") in html(at) and t("Top priority bottlenecks", "en") not in html(at)
    at.segmented_control(key="w_lang").set_value("et").run()
    assert t("Top priority bottlenecks", "et") in html(at)
    assert shown_kind(at) == "priority"  # the slide stays where it was


def test_domain_slide_draws_the_key_indicator(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "slide": "7"})
    assert shown_kind(at) == "domain" and escape(t("Mobility & transport", "en")) in html(at)
    chart = at.get("plotly_chart")[0]
    spec = json.loads(chart.proto.spec)
    assert spec["layout"]["title"]["text"] == "Helsinki–Tallinn ferry passengers"
    # The 2024 figure is an estimate: drawn on the dashed line, inside its band.
    (dashed,) = [trace for trace in spec["data"] if trace.get("line", {}).get("dash") == "dash"]
    assert dashed["y"][-1] == 7_200_000 and dashed["name"].endswith(t("Estimate", "en"))
    assert any(trace.get("fill") == "tonexty" for trace in spec["data"])
    # The camera button of the chart saves a PNG in the browser under the slide's file name.
    config = json.loads(chart.proto.config)
    assert config["toImageButtonOptions"]["filename"].endswith("-en-07")
    if figure_export.export_available():  # server-side PNG and SVG besides
        assert {"png-mt-chart-7", "svg-mt-chart-7"} <= {b.key for b in at.get("download_button")}


def test_since_date_changes_what_changed(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en", "slide": "3", "since": "2026-11-01"})
    late = html(at)
    at.date_input(key="mt-since").set_value(dt.date(2020, 1, 1)).run()
    assert not at.exception
    assert param(at, "since") == ["2020-01-01"]
    assert html(at) != late
    # The lists of everything that changed, each with a download.
    labels = [e.label for e in at.expander]
    assert any(label.startswith(t("Bottlenecks whose status changed", "en")) for label in labels)
    assert at.dataframe, "the what-changed tables are shown"


def test_presentation_mode_hides_the_chrome(demo_copy):
    at = run_app(page=PAGE, query={"lang": "en"})
    assert '[data-testid="stSidebar"]' not in html(at) and "mt-exit" not in [b.key for b in at.button]
    at.button(key="mt-present-on").click().run()
    assert not at.exception
    assert param(at, "present") == ["1"]
    assert '[data-testid="stSidebar"]' in html(at)  # the CSS that hides the sidebar
    assert not at.title, "no page title in presentation mode"
    at.button(key="mt-next").click().run()
    assert shown_kind(at) == "headline"
    at.button(key="mt-exit").click().run()
    assert "present" not in at.query_params
    assert '[data-testid="stSidebar"]' not in html(at)
    assert at.title[0].value == t("Meeting", "en")


def test_link_opens_presentation_mode(demo_copy):
    at = run_app(page=PAGE, query={"lang": "fi", "present": "1", "slide": "5"})
    assert not at.exception
    assert shown_kind(at) == "domain_status"
    assert '[data-testid="stSidebar"]' in html(at)
    assert at.get("plotly_chart"), "the chart of the slide is drawn"


def test_empty_database_shows_the_empty_state(empty_db):
    at = run_app(page=PAGE, query={"lang": "et"})
    assert not at.exception
    assert at.info[0].value == t("No data yet, so there is nothing to brief on. An official can import the demo "
                                 "workbooks with `python -m twinreg_data init --demo` or upload a filled template on "
                                 "the Data page.", "et")
