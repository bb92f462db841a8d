"""Slides that work on a projector (issue 24): read back with python-pptx — no text below 24 px at 1920 px, every
shape inside the slide and above the source line, "+N more" where a list is cut, time on date axes, dates in the
language — and, where LibreOffice and Ghostscript are installed, rendered to 1920 × 1080 PNGs and looked at."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from twinreg_data import briefing
from twinreg_data.briefing.fitting import paragraphs_height
from twinreg_data.briefing.model import (
    BODY_BOTTOM,
    FOOTER_TOP,
    MIN_FONT_PT,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    SMALLEST_PT,
)
from twinreg_data.filters import Filters
from twinreg_data.i18n import format_day
from twinreg_data.store import open_store

TODAY = dt.date(2026, 11, 28)
SINCE = dt.date(2026, 8, 30)
EMU_PER_INCH = 914400


@pytest.fixture(scope="module")
def decks(demo_db_path, tmp_path_factory):
    """A Finnish deck of every domain and an Estonian one of both sides from 2012, written and read back."""
    folder = tmp_path_factory.mktemp("projector")
    db = folder / "demo.duckdb"
    shutil.copyfile(demo_db_path, db)
    store = open_store(db)
    out = {}
    for lang, view in (("fi", Filters(lang="fi")), ("et", Filters(lang="et", year_from=2012))):
        model = briefing.build_briefing(store, view, SINCE, TODAY)
        path = briefing.write_pptx(model, folder / f"{lang}.pptx")
        out[lang] = (model, Presentation(str(path)), path)
    store.close()
    return out


def inches(emu: int) -> float:
    return emu / EMU_PER_INCH


def test_24_px_at_1920_px_is_12_pt_and_the_deck_uses_14_at_least():
    # 1920 px across 13.333 in: 144 px an inch, so 24 px are 1/6 in = 12 pt.
    assert pytest.approx(12.0, abs=0.01) == MIN_FONT_PT
    assert SMALLEST_PT >= 12.6 > MIN_FONT_PT  # with room to spare for a projector that scales down


def test_no_text_below_the_smallest_size(decks):
    for lang, (_, deck, _path) in decks.items():
        assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
        sizes = []
        for slide in deck.slides:
            for shape in slide.shapes:
                frames = [shape.text_frame] if shape.has_text_frame else []
                if shape.has_table:
                    frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
                for frame in frames:
                    sizes += [run.font.size.pt for p in frame.paragraphs for run in p.runs if run.text.strip()]
        assert sizes and min(sizes) >= SMALLEST_PT, lang
        # Chart texts (titles, ticks, legends, data labels) are in the chart parts: every size there too.
        chart_sizes = [int(sz) / 100 for part in deck.part.package.iter_parts()
                       if part.partname.startswith("/ppt/charts/")
                       for sz in re.findall(rb'\bsz="(\d+)"', part.blob)]
        assert chart_sizes and min(chart_sizes) >= SMALLEST_PT, lang


def test_every_shape_lies_inside_the_slide_and_the_body_above_the_source_line(decks):
    for lang, (model, deck, _) in decks.items():
        for number, (spec, slide) in enumerate(zip(model.slides, deck.slides, strict=True), start=1):
            footer = [s for s in slide.shapes if inches(s.top) >= FOOTER_TOP - 0.01]
            assert any(s.has_text_frame and s.text_frame.text == f"{number} / {len(model.slides)}" for s in footer)
            for shape in slide.shapes:
                left, top = inches(shape.left), inches(shape.top)
                right, bottom = left + inches(shape.width), top + inches(shape.height)
                assert left >= 0 and top >= 0 and right <= SLIDE_WIDTH + 0.01 and bottom <= SLIDE_HEIGHT, (lang, number)
                if shape in footer:
                    continue
                assert bottom <= FOOTER_TOP - 0.1, (lang, number, spec.kind, shape.name)
                if shape.has_table:
                    rows = sum(inches(r.height) for r in shape.table.rows)
                    assert top + rows <= BODY_BOTTOM + 0.01, (lang, number)
                if shape.has_text_frame and shape.text_frame.text.strip():
                    # The wrapped text fits its box (the same estimate that sized it, from what the file holds).
                    paragraphs = [(p.runs[0].text, p.runs[0].font.size.pt, bool(p.runs[0].font.bold))
                                  for p in shape.text_frame.paragraphs if p.runs]
                    space = shape.text_frame.paragraphs[0].space_after
                    needed = paragraphs_height(paragraphs, inches(shape.width), space.pt if space else 0)
                    assert needed <= inches(shape.height) + 0.12, (lang, number, shape.text_frame.text[:60])


def test_a_cut_list_says_how_many_more(decks):
    model, deck, _ = decks["fi"]
    register = briefing.slides.meeting_data(open_store_from(decks), Filters(lang="fi"), SINCE, TODAY).register
    cut = 0
    for spec, slide in zip(model.slides, deck.slides, strict=True):
        if spec.kind != "domain":
            continue
        open_codes = register[(register["domain"] == spec.domain) & ~register["status"].isin(
            ["resolved", "partly_resolved", "written_off"])]["code"]
        text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        listed = [code for code in open_codes if f"{code} (" in text]
        more = re.search(r"\+(\d+) ", spec.lines[-1])
        assert len(listed) + (int(more.group(1)) if more else 0) == len(open_codes), spec.domain
        cut += bool(more)
        for code in open_codes:  # the speaker notes keep the whole list
            assert code in spec.notes
    assert cut >= 1
    # Tables cut to what fits say "… and N more" (both renderers take it from the model).
    for spec, slide in zip(model.slides, deck.slides, strict=True):
        if spec.table is not None and spec.table.more:
            assert any(s.has_text_frame and s.text_frame.text == spec.table.more for s in slide.shapes)


def open_store_from(decks):
    _, _, path = decks["fi"]
    return open_store(Path(path).parent / "demo.duckdb")


def test_time_is_on_date_axes_and_dates_are_in_the_language(decks):
    from lxml import etree

    for lang, (model, deck, _) in decks.items():
        dated = 0
        for spec, slide in zip(model.slides, deck.slides, strict=True):
            for shape in slide.shapes:
                if not shape.has_chart or spec.chart is None or spec.chart.kind != "line":
                    continue
                axis = shape.chart.category_axis._element
                assert etree.QName(axis).localname == "dateAx"
                ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
                assert axis.find("c:majorTimeUnit", ns).get("val") == "years"
                assert axis.find("c:numFmt", ns).get("formatCode") == "yyyy"
                serials = [float(c) for c in shape.chart.plots[0].categories]
                days = [dt.date(1899, 12, 30) + dt.timedelta(days=s) for s in serials]
                assert days == list(spec.chart.dates) and days == sorted(days)
                dated += 1
        assert dated >= 2, lang
        everything = "\n".join([s.text_frame.text for sl in deck.slides for s in sl.shapes if s.has_text_frame]
                               + [c.text for sl in deck.slides for s in sl.shapes if s.has_table
                                  for r in s.table.rows for c in r.cells]
                               + [sl.notes_slide.notes_text_frame.text for sl in deck.slides])
        assert not re.search(r"\d{4}-\d{2}-\d{2}", everything), lang  # never 2026-09-09 (00:00:00)
        assert format_day(TODAY, lang) in everything


@pytest.mark.slow
@pytest.mark.skipif(not (briefing.pdf_available() and shutil.which("gs")),
                    reason="needs LibreOffice (soffice) and Ghostscript (gs) to render the deck")
def test_rendered_slides_are_1920_by_1080_with_nothing_between_body_and_source(decks, tmp_path):
    from PIL import Image

    _, _, path = decks["fi"]
    pdf = briefing.convert_to_pdf(path, tmp_path)
    subprocess.run(["gs", "-q", "-dSAFER", "-sDEVICE=png16m", "-r144", "-o", str(tmp_path / "slide-%02d.png"),
                    str(pdf)], check=True, timeout=300)
    pngs = sorted(tmp_path.glob("slide-*.png"))
    assert len(pngs) == len(decks["fi"][1].slides)
    for png in pngs:
        image = Image.open(png).convert("L")
        assert image.size == (1920, 1080)
        # The strip between the body's bottom and the source line stays empty on every slide: nothing runs into
        # the source line (144 px an inch).
        strip = image.crop((0, int(BODY_BOTTOM * 144) + 3, 1920, int(FOOTER_TOP * 144) - 1))
        assert strip.getextrema()[0] > 200, png.name  # no dark pixel
        # And the slide is used: ink in the lower half of the body, not only at the top.
        lower = image.crop((0, 540, 1920, int(BODY_BOTTOM * 144)))
        assert lower.getextrema()[0] < 128, png.name


def test_the_meeting_tables_hold_days_not_midnight_timestamps(decks):
    model, _, _ = decks["fi"]
    tables = dict(briefing.changes_tables(model.changes, "fi"))
    checked = 0
    for title, frame in tables.items():
        for column in frame.columns:
            values = [v for v in frame[column] if isinstance(v, dt.date)]
            if not values:
                continue
            assert not any(isinstance(v, dt.datetime) for v in values), (title, column)
            assert "00:00:00" not in frame[column].astype(str).str.cat(sep=" "), (title, column)
            checked += 1
    assert checked >= 3  # status changes, stalled, overdue actions
