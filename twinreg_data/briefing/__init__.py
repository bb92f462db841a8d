"""The meeting briefing: the deck a steering-group meeting goes through (headline figures, what changed since the
last meeting, bottlenecks by domain and status, the top priority bottlenecks, one slide per domain with its key
indicator, the action plan, sources), shown on the Meeting page and written as PowerPoint and PDF. It is built in
one direction: the read models (queries.meeting, queries.changes) give a `MeetingData`; slides.py turns it into
the `Briefing` model (model.py: slides with metrics, lines, charts holding the real values and tables fitted to
the slide by fitting.py), all texts in the chosen language; the renderers only read that model: powerpoint.py
writes the deck with native charts, web.py gives the page its HTML and plotly figures, pdf.py converts the deck
with LibreOffice. The package holds no SQL.
"""

from .model import DOMAIN, Briefing, Chart, Slide
from .pdf import PdfUnavailable, convert_to_pdf, pdf_available, pdf_bytes
from .powerpoint import pptx_bytes, write_pptx
from .slides import briefing_from, build_briefing, changes_tables
from .web import (
    PRESENTING_CSS,
    PRESENTING_FONT_PX,
    SLIDE_CSS,
    chart_beside_texts,
    chart_figure,
    slide_body_html,
    slide_footer_html,
    slide_header_html,
)

__all__ = [
    "DOMAIN",
    "PRESENTING_CSS",
    "PRESENTING_FONT_PX",
    "SLIDE_CSS",
    "Briefing",
    "Chart",
    "PdfUnavailable",
    "Slide",
    "briefing_from",
    "build_briefing",
    "changes_tables",
    "chart_beside_texts",
    "chart_figure",
    "convert_to_pdf",
    "pdf_available",
    "pdf_bytes",
    "pptx_bytes",
    "slide_body_html",
    "slide_footer_html",
    "slide_header_html",
    "write_pptx",
]
