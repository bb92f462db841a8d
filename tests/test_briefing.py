"""The briefing pack: slide order, native PowerPoint charts carrying the database values, the chosen language,
a source line and speaker notes on every slide; the CLI; the plotly figures the Meeting page draws."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from twinreg_data import briefing, figure_export
from twinreg_data.briefing.model import BODY_BOTTOM, BODY_TOP
from twinreg_data.briefing.slides import TABLE_ROWS
from twinreg_data.filters import Filters
from twinreg_data.i18n import format_day, t
from twinreg_data.labels import DOMAIN_LABELS, STATUS_LABELS
from twinreg_data.queries.meeting import key_indicators, meeting_data
from twinreg_data.schema import BOTTLENECK_DOMAINS, BOTTLENECK_STATUSES
from twinreg_data.store import open_store

TODAY = dt.date(2026, 11, 28)
SINCE = dt.date(2026, 8, 30)
FIXED_KINDS = ["title", "headline", "changes", "changes_data", "domain_status", "priority"]


def kinds(n_domains: int) -> list[str]:
    return FIXED_KINDS + ["domain"] * n_domains + ["actions", "closing"]


@pytest.fixture
def store(demo_copy):
    return open_store(demo_copy)


@pytest.fixture
def decks(store, tmp_path):
    """A Finnish deck of every domain and an Estonian deck of two domains, built and written once per test."""
    fi = briefing.build_briefing(store, Filters(lang="fi"), SINCE, TODAY)
    et = briefing.build_briefing(store, Filters(lang="et", domains=("taxation", "digital")), SINCE, TODAY)
    return {
        "fi": (fi, Presentation(str(briefing.write_pptx(fi, tmp_path / "fi.pptx")))),
        "et": (et, Presentation(str(briefing.write_pptx(et, tmp_path / "et.pptx")))),
    }


def texts(slide) -> list[str]:
    """The non-empty texts of a slide in drawing order (title first), table cells included."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return [text for text in out if text]


def charts(slide) -> list:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def axis_dates(chart) -> list[dt.date]:
    """The categories of a chart with a date axis, as days (the file holds them as spreadsheet serial numbers)."""
    assert chart.category_axis._element.tag.endswith("}dateAx")
    return [dt.date(1899, 12, 30) + dt.timedelta(days=float(c)) for c in chart.plots[0].categories]


def test_slide_count_and_order(decks):
    fi, fi_deck = decks["fi"]
    et, et_deck = decks["et"]
    assert [s.kind for s in fi.slides] == kinds(len(BOTTLENECK_DOMAINS))
    assert [s.kind for s in et.slides] == kinds(2)
    assert [s.domain for s in et.slides if s.kind == "domain"] == ["taxation", "digital"]
    assert len(fi_deck.slides) == len(fi.slides) == 8 + len(BOTTLENECK_DOMAINS)
    assert len(et_deck.slides) == 10
    # 16:9, slide number on each slide
    assert (fi_deck.slide_width, fi_deck.slide_height) == (Emu(12192000), Emu(6858000))
    for number, slide in enumerate(et_deck.slides, start=1):
        assert f"{number} / 10" in texts(slide)


def test_titles_and_texts_in_the_chosen_language(decks):
    fi, fi_deck = decks["fi"]
    et, et_deck = decks["et"]
    fi_titles = [texts(s)[0] for s in fi_deck.slides]
    assert "Keskeiset luvut" in fi_titles and "Tärkeimmät pullonkaulat" in fi_titles
    assert "Mikä muuttui: pullonkaulat" in fi_titles and "Toimintasuunnitelman tilanne" in fi_titles
    assert "Liikkuvuus ja liikenne" in fi_titles and "Lähteet" in fi_titles
    assert "TwinReg-ohjausryhmä" in texts(fi_deck.slides[0])
    et_all = [text for s in et_deck.slides for text in texts(s)]
    for expected in ("TwinRegi juhtrühm", "Põhinäitajad", "Mis muutus: kitsaskohad", "Olulisimad kitsaskohad",
                     "Maksundus", "Digiteenused", "Tegevuskava seis", "Allikad",
                     "Muutused alates " + format_day(SINCE, "et")):
        assert any(expected in text for text in et_all), expected
    # No English slide title leaks into the Estonian deck.
    assert not {"Headline figures", "Top priority bottlenecks", "Sources"} & set(et_all)
    # Database labels in the chosen language: the Estonian title of a bottleneck, the Finnish name of an indicator.
    priority = next(s for s in et.slides if s.kind == "priority")
    assert priority.table.rows, "the demo has open bottlenecks"
    assert all(row[0].text.startswith("BN-") for row in priority.table.rows)


def test_every_slide_has_a_source_line_and_speaker_notes(decks):
    for lang, prefix in (("fi", "Lähde:"), ("et", "Allikas:")):
        model, deck = decks[lang]
        for slide, spec in zip(deck.slides, model.slides, strict=True):
            assert any(text.startswith(prefix) for text in texts(slide)), (lang, spec.kind)
            notes = slide.notes_slide.notes_text_frame.text
            assert notes.strip(), (lang, spec.kind)
            assert notes == spec.notes


def test_status_chart_is_native_and_carries_the_register_counts(decks, store):
    model, deck = decks["fi"]
    index = [s.kind for s in model.slides].index("domain_status")
    (chart,) = charts(deck.slides[index])
    counts = {(d, s): n for d, s, n in store.query(
        "SELECT domain, status, count(*) FROM bottleneck_current GROUP BY domain, status")}
    domains = [d for d in BOTTLENECK_DOMAINS if any(key[0] == d for key in counts)]
    assert list(chart.plots[0].categories) == [t(DOMAIN_LABELS[d], "fi") for d in domains]
    statuses = [s for s in BOTTLENECK_STATUSES if any(key[1] == s for key in counts)]
    assert [series.name for series in chart.series] == [t(STATUS_LABELS[s], "fi") for s in statuses]
    for series, status in zip(chart.series, statuses, strict=True):
        assert list(series.values) == [float(counts.get((d, status), 0)) for d in domains]
    assert sum(sum(series.values) for series in chart.series) == store.scalar("SELECT count(*) FROM bottlenecks")


def test_domain_charts_are_native_line_charts_with_the_stored_values(decks, store):
    model, deck = decks["fi"]
    keys = key_indicators(store, Filters(lang="fi"))
    checked = 0
    for spec, slide in zip(model.slides, deck.slides, strict=True):
        if spec.kind != "domain" or spec.chart is None:
            continue
        (chart,) = charts(slide)
        code = keys[spec.domain]
        assert chart.chart_title.text_frame.text == store.scalar(
            "SELECT coalesce(name_fi, name_en) FROM indicators WHERE code = ?", [code])
        # A date axis: the points at their periods' first days (2012 → 2017 five times as wide as 2023 → 2024).
        assert axis_dates(chart) == list(spec.chart.dates) and len(spec.chart.dates) == len(spec.chart.categories)
        categories = list(spec.chart.categories)
        # The series first; the bounds of estimate ranges (a band) after them.
        assert len(chart.series) == len(spec.chart.series) + 2 * sum(s.has_band for s in spec.chart.series)
        for series in list(chart.series)[:len(spec.chart.series)]:
            country = "FI" if series.name.startswith(t("Finland", "fi")) else "EE"
            # The headline area of the country: the one whose values the chart shows (checked point by point).
            stored = {}
            for area, period, value in store.query(
                    "SELECT o.area, o.period, o.value FROM observations o JOIN areas a ON a.code = o.area "
                    "WHERE o.indicator = ? AND a.country = ?", [code, country]):
                stored.setdefault(area, {})[period] = value
            matching = [area for area, values in stored.items()
                        if all(values.get(c) == v for c, v in zip(categories, series.values, strict=True)
                               if v is not None)
                        and sum(v is not None for v in series.values) == len(values)]
            assert matching, (spec.domain, series.name)
            checked += 1
    assert checked >= len(BOTTLENECK_DOMAINS)  # every domain of the demo has a key indicator, some with both countries


def test_mobility_chart_is_the_ferry_series(decks, store):
    model, deck = decks["fi"]
    index = next(i for i, s in enumerate(model.slides) if s.domain == "mobility")
    (chart,) = charts(deck.slides[index])
    expected = store.query("SELECT period_start, value FROM observations WHERE indicator = 'MOB_FERRY_PAX' "
                           "AND area = 'FI-091' ORDER BY period_start")
    assert axis_dates(chart) == [p for p, _ in expected]
    assert list(chart.series[0].values) == [v for _, v in expected]


def test_actions_chart_counts_the_action_plan(decks, store):
    model, deck = decks["fi"]
    (chart,) = charts(deck.slides[[s.kind for s in model.slides].index("actions")])
    counts = dict(store.query("SELECT status, count(*) FROM actions GROUP BY status"))
    assert list(chart.series[0].values) == [float(counts.get(s, 0)) for s in ("planned", "ongoing", "done",
                                                                              "delayed", "cancelled")]


def test_tables_fit_their_slides(decks):
    for _, (model, _) in decks.items():
        for spec in model.slides:
            if spec.table is None:
                continue
            assert len(spec.table.rows) <= TABLE_ROWS
            assert len(spec.table.row_heights) == len(spec.table.rows) + 1
            assert sum(spec.table.row_heights) <= BODY_BOTTOM - BODY_TOP


def test_the_slides_are_built_from_the_read_models_alone(store):
    """The package holds no SQL: the slides come from the meeting's read models, and the same data gives the same
    briefing without the database."""
    for module in Path(briefing.__file__).parent.glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert "SELECT" not in source and ".query" not in source and ".scalar(" not in source, module.name
    view = Filters(lang="et", domains=("taxation", "digital"))
    data = meeting_data(store, view, SINCE, TODAY)
    assert briefing.briefing_from(data).slides == briefing.build_briefing(store, view, SINCE, TODAY).slides


def test_empty_database_gives_a_deck_of_empty_states(empty_db, tmp_path):
    model = briefing.build_briefing(open_store(empty_db), Filters(lang="en"), SINCE, TODAY)
    assert [s.kind for s in model.slides] == kinds(len(BOTTLENECK_DOMAINS))
    assert next(s for s in model.slides if s.kind == "domain_status").empty == t("No bottlenecks in the selected "
                                                                                 "domains.", "en")
    assert all(s.chart is None for s in model.slides)
    deck = Presentation(str(briefing.write_pptx(model, tmp_path / "empty.pptx")))
    assert len(deck.slides) == len(model.slides)


def test_page_figures_carry_the_same_values(decks):
    model, _ = decks["fi"]
    line = next(s for s in model.slides if s.kind == "domain" and s.chart is not None)
    fig = briefing.chart_figure(line.chart, "fi", title=True, source=line.source)
    assert fig.layout.title.text == line.chart.title
    # Each series is drawn solid where measured and dashed where it leads to an estimate (plus its band): together
    # the two lines carry the series' values.
    for s in line.chart.series:
        drawn = [trace for trace in fig.data if trace.legendgroup == s.name and trace.mode == "lines+markers"]
        assert {trace.line.color for trace in drawn} == {s.colour}
        merged = [next((y for y in ys if y is not None), None) for ys in zip(*(trace.y for trace in drawn),
                                                                              strict=True)]
        assert merged == list(s.values)
    assert fig.layout.separators == ", "
    assert fig.layout.annotations[0].text.startswith("Lähde:")
    bars = next(s for s in model.slides if s.kind == "domain_status")
    fig = briefing.chart_figure(bars.chart, "fi", title=False)
    assert fig.layout.barmode == "stack" and fig.layout.title.text is None
    assert [trace.name for trace in fig.data] == [s.name for s in bars.chart.series]


def test_cli_writes_a_deck(demo_db_path, tmp_path):
    db = tmp_path / "cli.duckdb"
    shutil.copyfile(demo_db_path, db)
    out = tmp_path / "briefing-et.pptx"
    result = subprocess.run(
        [sys.executable, "-m", "twinreg_data", "--db", str(db), "briefing", "--lang", "et", "--since", "2026-08-30",
         "--domain", "taxation", "--domain", "education", "--out", str(out)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    deck = Presentation(str(out))
    assert len(deck.slides) == 10
    # The page's filters too: Estonia only, from 2020.
    side = subprocess.run(
        [sys.executable, "-m", "twinreg_data", "--db", str(db), "briefing", "--lang", "en", "--since", "2026-08-30",
         "--domain", "taxation", "--side", "EE", "--from", "2020", "--to", "2024", "--out", str(tmp_path / "ee.pptx")],
        capture_output=True, text=True, timeout=300, check=False)
    assert side.returncode == 0, side.stderr
    estonian = Presentation(str(tmp_path / "ee.pptx"))
    lines = (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)
    (taxation,) = [c for s in estonian.slides for c in charts(s) if c.chart_type in lines]
    assert {s.name.split(" · ")[0] for s in taxation.series} == {"Estonia"}
    assert axis_dates(taxation)[0] == dt.date(2020, 1, 1)
    assert texts(deck.slides[1])[0] == "Põhinäitajad"
    assert sum(len(charts(s)) for s in deck.slides) == 4  # by status, two domains, action plan
    wrong = subprocess.run(
        [sys.executable, "-m", "twinreg_data", "--db", str(db), "briefing", "--lang", "et", "--since", "2026-08-30",
         "--out", str(tmp_path / "deck.pdf")], capture_output=True, text=True, timeout=300, check=False)
    assert wrong.returncode == 1 and ".pptx" in wrong.stderr


@pytest.mark.slow
@pytest.mark.skipif(not briefing.pdf_available(), reason="LibreOffice (soffice) is not installed")
def test_pdf_through_libreoffice(decks, tmp_path):
    model, _ = decks["et"]
    pdf = briefing.pdf_bytes(model)
    assert pdf.startswith(b"%PDF")


@pytest.mark.skipif(not figure_export.export_available(), reason=figure_export.unavailable_reason() or "no export")
def test_slide_chart_exports_as_png_and_svg(decks):
    model, _ = decks["et"]
    spec = next(s for s in model.slides if s.kind == "domain" and s.chart is not None)
    fig = briefing.chart_figure(spec.chart, "et", height=600, source=spec.source)
    png = figure_export.figure_png(fig, width=1000, height=600, scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") == 1000  # width in the IHDR chunk
    svg = figure_export.figure_svg(fig, width=1000, height=600).decode()
    assert svg.startswith("<svg") and "Allikas:" in svg


def test_export_availability_follows_the_browser(monkeypatch, tmp_path):
    monkeypatch.setenv("TWINREG_CHROMIUM", str(tmp_path / "missing"))
    monkeypatch.setattr(figure_export, "BROWSER_CANDIDATES", ())
    monkeypatch.setattr(figure_export, "BROWSER_NAMES", ())
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    assert figure_export.browser_path() is None
    assert not figure_export.export_available()
    assert "chromium" in figure_export.unavailable_reason()
    with pytest.raises(figure_export.ExportUnavailable):
        figure_export.figure_png(briefing.chart_figure(briefing.Chart("line", "x", ("2024",), (), "count"), "en"))


def test_the_deck_is_accessible(decks):
    """Every slide's title is its title placeholder and comes first in the reading order; every chart and picture
    has an alternative text (cNvPr descr) that names what it shows, in the deck's language."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for lang in ("fi", "et"):
        model, deck = decks[lang]
        for slide, spec in zip(deck.slides, model.slides, strict=True):
            assert slide.shapes.title is not None and slide.shapes.title.text_frame.text == spec.title, spec.kind
            assert slide.shapes[0].shape_id == slide.shapes.title.shape_id, spec.kind  # read first
            for shape in slide.shapes:
                if shape.has_chart or shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                    descr = shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")
                    assert descr.strip(), (lang, spec.kind, shape.name)
                    if shape.has_chart and spec.chart.kind == "line":
                        # A series: its latest period is stated.
                        assert spec.chart.categories[-1] in descr, (descr, spec.chart.categories)
                    elif shape.has_chart:  # bars: what they count and how many categories
                        assert (spec.chart.title or spec.title) in descr, descr
                        assert f": {len(spec.chart.categories)} " in descr, descr
        assert sum(shape.has_chart for slide in deck.slides for shape in slide.shapes) >= 3
