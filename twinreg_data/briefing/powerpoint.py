"""The briefing as a 16:9 PowerPoint deck (python-pptx): native, editable charts holding the real values, type sized
for a projector, the source line on every slide and speaker notes with the key numbers. Named powerpoint, not pptx,
so that it can never be mistaken for the python-pptx library it imports.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from .fitting import DOMAIN_METRIC_GAP, DOMAIN_METRIC_SIZES, domain_metric_height, fit_to_lines
from .model import (
    ACTIONS,
    ACTIONS_CHART_WIDTH,
    BODY_BOTTOM,
    BODY_TOP,
    BRAND,
    CLOSING,
    CONTENT_WIDTH,
    DOMAIN,
    DOMAIN_BODY_TOP,
    DOMAIN_CHART_WIDTH,
    DOMAIN_TEXT_LEFT,
    DOMAIN_TEXT_WIDTH,
    FOOTER_HEIGHT,
    FOOTER_TOP,
    HEADLINE,
    INK,
    LINE_HEIGHT,
    MARGIN,
    MORE_HEIGHT,
    MUTED,
    SLIDE_WIDTH,
    SMALLEST_PT,
    STRIP_HEIGHT,
    TITLE,
    TONE_COLOURS,
    Briefing,
    Chart,
    Slide,
    Table,
)

LOCALE_IDS = {"en": "809", "fi": "40B", "et": "425", "sv": "81D"}  # Windows locale ids: en-GB, fi-FI, et-EE, sv-FI


def _rgb(hex_colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _lighter(hex_colour: str, share: float = 0.45) -> str:
    """The colour mixed with white (a band's bounds in a lighter tone of their series)."""
    r, g, b = (int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in (r, g, b))


class _Deck:
    """A 16:9 deck (13.333 × 7.5 in) with type sized for a projector; the geometry comes from model.py."""

    def __init__(self, briefing: Briefing) -> None:
        from pptx import Presentation
        from pptx.util import Emu

        self.briefing = briefing
        self.prs = Presentation()
        # PowerPoint's own 16:9 size ("Widescreen", 33.867 × 19.05 cm).
        self.prs.slide_width, self.prs.slide_height = Emu(12192000), Emu(6858000)
        self.blank = self.prs.slide_layouts[6]
        self.prs.core_properties.title = briefing.meeting_name
        self.prs.core_properties.language = {"en": "en-GB", "fi": "fi-FI", "et": "et-EE", "sv": "sv-FI"}[briefing.lang]

    # text boxes ------------------------------------------------------------------------------------
    @staticmethod
    def text(slide, left, top, width, height, paragraphs, size=20, colour=INK, bold=False, align=None,
             anchor=None, space_after=6):
        """A text box; each paragraph is a string or (text, size, colour, bold)."""
        from pptx.enum.text import MSO_ANCHOR
        from pptx.util import Inches, Pt

        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
        frame = box.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = anchor or MSO_ANCHOR.TOP
        frame.margin_left = frame.margin_right = Inches(0.05)
        for i, item in enumerate(paragraphs):
            text, item_size, item_colour, item_bold = item if isinstance(item, tuple) else (item, None, None, None)
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            if align is not None:
                para.alignment = align
            run = para.add_run()
            run.text = text
            run.font.size = Pt(item_size or size)
            run.font.bold = bold if item_bold is None else item_bold
            run.font.color.rgb = _rgb(item_colour or colour)
            para.space_after = Pt(space_after)
        return box

    def band(self, slide, colour: str) -> None:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.util import Inches

        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, self.prs.slide_width, Inches(0.14))
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(colour)
        shape.line.fill.background()

    # slide parts -----------------------------------------------------------------------------------
    def add(self, model: Slide, number: int, total: int) -> None:
        from pptx.enum.text import PP_ALIGN

        slide = self.prs.slides.add_slide(self.blank)
        self.band(slide, model.accent)
        if model.kind == TITLE:
            self.title_slide(slide, model)
        else:
            # A long title gets smaller type rather than a second line, and is shortened only below 26 pt.
            title, size = fit_to_lines(model.title, CONTENT_WIDTH, (34, 30, 26), 1, bold=True)
            self.text(slide, MARGIN, 0.28, CONTENT_WIDTH, 0.7, [title], size=size, bold=True)
            if model.subtitle:
                subtitle, size = fit_to_lines(model.subtitle, CONTENT_WIDTH, (18, 16), 1)
                self.text(slide, MARGIN, 0.98, CONTENT_WIDTH, 0.45, [subtitle], size=size, colour=MUTED)
            self.body(slide, model)
        # The source line: two lines at most, below the body (BODY_BOTTOM) and above the slide's edge.
        source, _ = fit_to_lines(model.source, CONTENT_WIDTH - 1.2, (SMALLEST_PT,), 2)
        self.text(slide, MARGIN, FOOTER_TOP, CONTENT_WIDTH - 1.2, FOOTER_HEIGHT, [source], size=SMALLEST_PT,
                  colour=MUTED, space_after=0)
        self.text(slide, SLIDE_WIDTH - MARGIN - 1.1, FOOTER_TOP, 1.1, 0.4, [f"{number} / {total}"],
                  size=SMALLEST_PT, colour=MUTED, align=PP_ALIGN.RIGHT, space_after=0)
        slide.notes_slide.notes_text_frame.text = model.notes or model.title

    def title_slide(self, slide, model: Slide) -> None:
        from pptx.enum.text import MSO_ANCHOR

        self.text(slide, 0.9, 1.2, SLIDE_WIDTH - 1.8, 1.6, [model.title], size=46, bold=True, colour=BRAND,
                  anchor=MSO_ANCHOR.BOTTOM)
        self.text(slide, 0.9, 2.95, SLIDE_WIDTH - 1.8, 1.0, [model.subtitle], size=22, colour=MUTED)
        self.text(slide, 0.9, 4.05, SLIDE_WIDTH - 1.8, 2.7, list(model.lines), size=24)

    def body(self, slide, model: Slide) -> None:
        top, left, width = BODY_TOP, MARGIN, CONTENT_WIDTH
        if model.kind == DOMAIN:
            self.domain_body(slide, model)
            return
        if model.kind == CLOSING:
            half = (width - 0.4) / 2
            self.text(slide, left, top, half, BODY_BOTTOM - top, list(model.lines), size=20, space_after=12)
            if model.details:
                self.text(slide, left + half + 0.4, top, half, BODY_BOTTOM - top,
                          [(model.details[0], 16, INK, True)]
                          + [(d, SMALLEST_PT, INK, False) for d in model.details[1:]], space_after=5)
            return
        if model.metrics:
            per_row = 3 if model.kind == HEADLINE else len(model.metrics)
            rows = -(-len(model.metrics) // per_row)
            tile_height = 2.35 if model.kind == HEADLINE else STRIP_HEIGHT
            self.metrics(slide, model.metrics, left, top, width, tile_height, per_row)
            top += rows * tile_height + (rows - 1) * 0.15 + 0.2
        if model.kind == ACTIONS and model.chart is not None:
            self.chart(slide, model.chart, left, top, ACTIONS_CHART_WIDTH, BODY_BOTTOM - top, model.title)
            if model.table is not None:
                self.table(slide, model.table, left + ACTIONS_CHART_WIDTH + 0.3, top,
                           width - ACTIONS_CHART_WIDTH - 0.3)
            return
        if model.chart is not None:
            self.chart(slide, model.chart, left, top, width, BODY_BOTTOM - top, model.title)
            return
        if model.table is not None:
            bottom = self.table(slide, model.table, left, top, width)
            if model.lines:
                self.text(slide, left, max(bottom, BODY_BOTTOM - LINE_HEIGHT * len(model.lines)), width,
                          LINE_HEIGHT * len(model.lines), list(model.lines), size=16, space_after=2)
            return
        paragraphs = list(model.lines) + ([(model.empty, 22, MUTED, False)] if model.empty else [])
        self.text(slide, left, top + 0.1, width, BODY_BOTTOM - top - 0.1, paragraphs, size=22)

    def domain_body(self, slide, model: Slide) -> None:
        """Chart on the left; the latest figure per country and the domain's open bottlenecks on the right (the
        builder fitted the list to the room the figures leave: fitting.domain_metric_height)."""
        top = DOMAIN_BODY_TOP
        if model.chart is not None:
            self.chart(slide, model.chart, MARGIN, top, DOMAIN_CHART_WIDTH, BODY_BOTTOM - top, "")
        else:
            self.text(slide, MARGIN, top + 0.3, DOMAIN_CHART_WIDTH, 1.2, [model.empty], size=22, colour=MUTED)
        left, width = DOMAIN_TEXT_LEFT, DOMAIN_TEXT_WIDTH
        y = top + 0.1
        label_size, value_size, detail_size = DOMAIN_METRIC_SIZES
        for metric in model.metrics:
            paragraphs = [(metric.label, label_size, MUTED, False), (metric.value, value_size, INK, True)]
            if metric.detail:
                paragraphs.append((metric.detail, detail_size, TONE_COLOURS.get(metric.tone, INK), False))
            height = domain_metric_height(metric, width)
            self.text(slide, left, y, width, height, paragraphs, space_after=2)
            y += height + DOMAIN_METRIC_GAP
        self.text(slide, left, y + 0.1, width, BODY_BOTTOM - y - 0.1,
                  [(model.lines[0], 17, INK, True)] + [(line, SMALLEST_PT, INK, False) for line in model.lines[1:]],
                  space_after=6)

    def metrics(self, slide, metrics, left, top, width, height, per_row) -> None:
        from pptx.enum.shapes import MSO_SHAPE
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
        from pptx.util import Inches, Pt

        gap = 0.2
        tile_width = (width - gap * (per_row - 1)) / per_row
        big = height > 2
        for i, metric in enumerate(metrics):
            x = left + (i % per_row) * (tile_width + gap)
            y = top + (i // per_row) * (height + 0.15)
            shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(x), Inches(y), Inches(tile_width),
                                           Inches(height))
            shape.adjustments[0] = 0.06
            shape.fill.solid()
            shape.fill.fore_color.rgb = _rgb("#F1F4F8")
            shape.line.fill.background()
            shape.shadow.inherit = False
            frame = shape.text_frame
            frame.word_wrap = True
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            frame.margin_top = frame.margin_bottom = Inches(0.02)
            parts = [(metric.value, 48 if big else 26, TONE_COLOURS.get(metric.tone, INK), True),
                     (metric.label, 20 if big else SMALLEST_PT, INK, False)]
            if metric.detail:
                parts.append((metric.detail, 16 if big else SMALLEST_PT, MUTED, False))
            for j, (text, size, colour, bold) in enumerate(parts):
                para = frame.paragraphs[0] if j == 0 else frame.add_paragraph()
                para.alignment = PP_ALIGN.CENTER
                para.space_after = Pt(0)
                run = para.add_run()
                run.text = text
                run.font.size, run.font.bold = Pt(size), bold
                run.font.color.rgb = _rgb(colour)

    def table(self, slide, table: Table, left, top, width) -> float:
        """Draw the table with the row heights the builder estimated; returns where it ends (inches)."""
        from pptx.util import Inches

        rows = len(table.rows) + 1
        heights = table.row_heights or (0.6,) * rows
        shape = slide.shapes.add_table(rows, len(table.columns), Inches(left), Inches(top), Inches(width),
                                       Inches(sum(heights)))
        grid = shape.table
        total = sum(table.widths)
        for i, share in enumerate(table.widths):
            grid.columns[i].width = Inches(width * share / total)
        for r, height in enumerate(heights):
            grid.rows[r].height = Inches(height)
        for c, name in enumerate(table.columns):
            self._cell(grid.cell(0, c), name, table.size, "#FFFFFF", True, BRAND)
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row):
                self._cell(grid.cell(r, c), cell.text, table.size, TONE_COLOURS.get(cell.tone, INK), bool(cell.tone),
                           "#FFFFFF" if r % 2 else "#F1F4F8")
        bottom = top + sum(heights)
        if table.more:
            self.text(slide, left, bottom + 0.03, width, MORE_HEIGHT, [table.more], size=SMALLEST_PT, colour=MUTED,
                      space_after=0)
            bottom += MORE_HEIGHT
        return bottom + 0.05

    @staticmethod
    def _cell(cell, text, size, colour, bold, fill) -> None:
        from pptx.util import Inches, Pt

        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)
        cell.margin_left = cell.margin_right = Inches(0.08)
        cell.margin_top = cell.margin_bottom = Inches(0.04)
        frame = cell.text_frame
        frame.word_wrap = True
        run = frame.paragraphs[0].add_run()
        run.text = text
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = _rgb(colour)

    def chart(self, slide, chart: Chart, left, top, width, height, slide_title: str) -> None:
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
        from pptx.enum.dml import MSO_LINE_DASH_STYLE
        from pptx.oxml.ns import qn
        from pptx.util import Inches, Pt

        # The locale tag makes PowerPoint and LibreOffice group digits the chosen language's way (7 200 000).
        number_format = (f"[$-{LOCALE_IDS[self.briefing.lang]}]#,##0"
                         + ("." + "0" * chart.decimals if chart.decimals else ""))
        data = CategoryChartData(number_format=number_format)
        # A line chart over time gets its periods' dates: python-pptx then writes a date axis, which places each
        # point by its date (2012 → 2017 five times as wide as 2023 → 2024); a category axis spaces them evenly.
        dated = chart.kind == "line" and len(chart.dates) == len(chart.categories)
        data.categories = list(chart.dates) if dated else list(chart.categories)
        for s in chart.series:
            data.add_series(s.name, list(s.values))
        # An estimate range is a band: its low and high bounds as two thin lines of the series' colour, after the
        # series themselves and without a legend entry (PowerPoint has no band in a line chart).
        bands = [s for s in chart.series if chart.kind == "line" and s.has_band]
        for s in bands:
            data.add_series(f"{s.name} · {chart.low_title}", list(s.low))
            data.add_series(f"{s.name} · {chart.high_title}", list(s.high))
        kind = {"bar_stacked": XL_CHART_TYPE.BAR_STACKED, "line": XL_CHART_TYPE.LINE_MARKERS,
                "bar": XL_CHART_TYPE.BAR_CLUSTERED}[chart.kind]
        native = slide.shapes.add_chart(kind, Inches(left), Inches(top), Inches(width), Inches(height), data).chart
        native.font.size = Pt(16)
        native.font.color.rgb = _rgb(INK)
        native.has_title = chart.title != slide_title
        if native.has_title:
            # Two lines at most: a long indicator name gets smaller type, and is shortened only at 14 pt.
            title, size = fit_to_lines(chart.title, width - 0.3, (18, 16, SMALLEST_PT), 2, bold=True)
            native.chart_title.text_frame.text = title
            run = native.chart_title.text_frame.paragraphs[0].runs[0]
            run.font.size, run.font.bold = Pt(size), True
        native.has_legend = chart.kind != "bar"
        if native.has_legend:
            # Stacked bars: the legend on the right leaves the height to the nine domain names.
            native.legend.position = (XL_LEGEND_POSITION.RIGHT if chart.kind == "bar_stacked"
                                      else XL_LEGEND_POSITION.BOTTOM)
            native.legend.include_in_layout = False
            native.legend.font.size = Pt(16)
        value_axis, category_axis = native.value_axis, native.category_axis
        value_axis.has_major_gridlines = True
        value_axis.major_gridlines.format.line.color.rgb = _rgb("#D0D5DD")
        value_axis.tick_labels.font.size = Pt(16)
        value_axis.tick_labels.number_format = number_format
        value_axis.tick_labels.number_format_is_linked = False
        value_axis.has_title = True
        value_axis.axis_title.text_frame.text = chart.value_title
        run = value_axis.axis_title.text_frame.paragraphs[0].runs[0]
        run.font.size, run.font.bold = Pt(16), False
        if all(v is None or v >= 0 for series in chart.series for v in series.values):
            value_axis.minimum_scale = 0  # a zero baseline, as on the page: no exaggerated swings
        category_axis.tick_labels.font.size = Pt(16 if len(chart.categories) <= 8 else SMALLEST_PT)
        if dated:
            self._year_ticks(category_axis, chart)
        if chart.kind != "line":
            # Every category labelled (PowerPoint would otherwise skip every other domain name).
            # An explicit horizontal text direction keeps LibreOffice (the PDF) from skipping every other long
            # domain name; tickLblSkip does the same for PowerPoint.
            axis = category_axis._element
            body = axis.find(qn("c:txPr")).find(qn("a:bodyPr"))
            body.set("rot", "0")
            body.set("vert", "horz")
            if axis.find(qn("c:tickLblSkip")) is None:
                skip = axis.makeelement(qn("c:tickLblSkip"), {"val": "1"})
                axis.insert_element_before(skip, "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")
        plot = native.plots[0]
        if chart.kind in ("bar_stacked", "bar"):
            if chart.kind == "bar_stacked":
                plot.gap_width, plot.overlap = 50, 100
            # Categories top to bottom in the usual order, the value axis at the bottom as in the app.
            category_axis.reverse_order = True
            # The value axis crosses the (reversed) category axis at its last category, i.e. at the bottom.
            value_axis._element.find(qn("c:crosses")).set("val", "max")
            if chart.max_total() <= 12:
                value_axis.major_unit = 1
        if chart.kind == "bar":
            plot.gap_width = 60
            plot.has_data_labels = True
            plot.data_labels.font.size = Pt(18)
            plot.data_labels.number_format, plot.data_labels.number_format_is_linked = "0", False
        for native_series, s in zip(list(plot.series)[:len(chart.series)], chart.series, strict=True):
            if chart.kind == "line":
                native_series.smooth = False
                native_series.format.line.color.rgb = _rgb(s.colour)
                native_series.format.line.width = Pt(3.5)
                native_series.marker.style = XL_MARKER_STYLE.CIRCLE
                native_series.marker.size = 8
                native_series.marker.format.fill.solid()
                native_series.marker.format.fill.fore_color.rgb = _rgb(s.colour)
                native_series.marker.format.line.color.rgb = _rgb(s.colour)
                # An estimate: the line leading to it dashed and its marker hollow.
                for index, estimated in enumerate(s.estimated):
                    if estimated:
                        point = native_series.points[index]
                        point.format.line.color.rgb = _rgb(s.colour)
                        point.format.line.width = Pt(3.5)
                        point.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
                        point.marker.style = XL_MARKER_STYLE.CIRCLE
                        point.marker.size = 8
                        point.marker.format.fill.solid()
                        point.marker.format.fill.fore_color.rgb = _rgb("#FFFFFF")
                        point.marker.format.line.color.rgb = _rgb(s.colour)
            else:
                native_series.format.fill.solid()
                native_series.format.fill.fore_color.rgb = _rgb(s.colour)
                for index, colour in enumerate(s.point_colours):
                    point = native_series.points[index]
                    point.format.fill.solid()
                    point.format.fill.fore_color.rgb = _rgb(colour)

        band_series = list(plot.series)[len(chart.series):]
        for index, native_series in enumerate(band_series):
            s = bands[index // 2]
            native_series.smooth = False
            native_series.format.line.color.rgb = _rgb(_lighter(s.colour))
            native_series.format.line.width = Pt(1.5)
            native_series.format.line.dash_style = MSO_LINE_DASH_STYLE.ROUND_DOT
            native_series.marker.style = XL_MARKER_STYLE.NONE
        if band_series and native.has_legend:
            # The bounds keep out of the legend: a legend entry marked deleted, by series index.
            legend = native.legend._element
            for index in range(len(chart.series), len(chart.series) + len(band_series)):
                entry = legend.makeelement(qn("c:legendEntry"), {})
                idx = entry.makeelement(qn("c:idx"), {"val": str(index)})
                delete = entry.makeelement(qn("c:delete"), {"val": "1"})
                entry.append(idx)
                entry.append(delete)
                legend.insert(1, entry)

    @staticmethod
    def _year_ticks(axis, chart: Chart) -> None:
        """Whole years on a date axis: labelled 'yyyy', a tick every 1, 2 or 5 years by the span."""
        from pptx.oxml.ns import qn

        axis.tick_labels.number_format = "yyyy"
        axis.tick_labels.number_format_is_linked = False
        element = axis._element
        span = chart.dates[-1].year - chart.dates[0].year
        step = 1 if span <= 8 else 2 if span <= 16 else 5
        order = ("c:baseTimeUnit", "c:majorUnit", "c:majorTimeUnit", "c:minorUnit", "c:minorTimeUnit", "c:extLst")
        element.find(qn("c:auto")).set("val", "0")  # a date axis by choice, not by guessing from the data
        for tag, value in (("c:baseTimeUnit", "days"), ("c:majorUnit", str(step)), ("c:majorTimeUnit", "years")):
            node = element.find(qn(tag))
            if node is None:  # in the schema's order: before the elements that follow it
                node = element.makeelement(qn(tag), {})
                element.insert_element_before(node, *order[order.index(tag) + 1:])
            node.set("val", value)

    def save(self, target) -> None:
        total = len(self.briefing.slides)
        for number, model in enumerate(self.briefing.slides, start=1):
            self.add(model, number, total)
        for slide, model in zip(self.prs.slides, self.briefing.slides, strict=True):
            _make_accessible(slide, model, self.briefing.lang)
        self.prs.save(target)


def _make_accessible(slide, model: Slide, lang: str) -> None:
    """What a screen reader and PowerPoint's accessibility check need: the slide's title text box made its title
    placeholder and put first in the reading order (the shapes' order), and every chart and picture given an
    alternative text (`descr`) saying what it shows (twinreg_data/alttext.py)."""
    from pptx.enum.shapes import MSO_SHAPE_TYPE
    from pptx.enum.text import PP_ALIGN
    from pptx.oxml.ns import qn

    from ..alttext import describe_slide_chart

    title = next((shape for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text == model.title),
                 None)
    if title is not None:
        element = title._element
        element.nvSpPr.cNvSpPr.attrib.pop("txBox", None)
        nv_pr = element.nvSpPr.nvPr
        if nv_pr.find(qn("p:ph")) is None:
            nv_pr.insert(0, nv_pr.makeelement(qn("p:ph"), {"type": "title"}))
        for paragraph in title.text_frame.paragraphs:  # the master's title style would centre it
            if paragraph.alignment is None:
                paragraph.alignment = PP_ALIGN.LEFT
        tree = element.getparent()
        tree.remove(element)
        tree.insert(2, element)  # after the group's nvGrpSpPr and grpSpPr: the first shape read
    for shape in slide.shapes:
        if shape.has_chart and model.chart is not None:
            text = describe_slide_chart(model.chart, lang, model.title)
        elif shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
            text = model.title
        else:
            continue
        shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def write_pptx(briefing: Briefing, path: str | Path) -> Path:
    """Write the briefing as a 16:9 PowerPoint deck with native charts; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _Deck(briefing).save(str(path))
    return path


def pptx_bytes(briefing: Briefing) -> bytes:
    """The deck as the bytes of a .pptx file (the Meeting page's download)."""
    buffer = BytesIO()
    _Deck(briefing).save(buffer)
    return buffer.getvalue()
