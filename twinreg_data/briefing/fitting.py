"""Text fitting for the slides: how many lines a text takes in a table cell of a given width, estimated from the
average glyph width (python-pptx cannot measure text), and tables cut to what fits a slide. The estimate decides
both the PowerPoint deck and the page, so both show the same rows and shortened texts.
"""

from __future__ import annotations

import pandas as pd

from ..i18n import format_number, t
from .model import DOMAIN_TEXT_WIDTH, MORE_HEIGHT, SMALLEST_PT, Cell, Metric, Table

TEXT_CHARS = 70  # longer titles are shortened on slides (the notes and the app have the full text)
BOLD_WIDTH = 1.1  # bold glyphs are about a tenth wider
CHAR_WIDTH_EM = 0.6  # average glyph width of DejaVu Sans (LibreOffice's fallback font), measured on these slides


def shorten(text: object, chars: int = TEXT_CHARS) -> str:
    """`text` on one line, cut to `chars` characters with "…" (missing values give "")."""
    value = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    value = " ".join(value.split())
    return value if len(value) <= chars else value[: chars - 1].rstrip(" ,;") + "…"


def chars_per_line(width: float, size: int, bold: bool = False) -> int:
    """How many characters fit on one line of a table cell `width` inches wide (cell margins allowed)."""
    return max(4, int((width - 0.17) * 72 / (size * CHAR_WIDTH_EM * (BOLD_WIDTH if bold else 1))))


def wrapped_lines(text: str, per_line: int) -> int:
    """Lines `text` takes when wrapped at word boundaries (a word longer than a line is broken)."""
    # A lone long word ("väestötietovirasto") gets a tenth more room: the average glyph width is generous for
    # lower-case letters, and breaking such a word in the estimate would shorten cells that do fit.
    lone_word = per_line + per_line // 10
    lines, used = 1, 0
    for word in text.split():
        if used == 0:
            used = len(word)
        elif used + 1 + len(word) <= per_line:
            used += 1 + len(word)
        else:
            lines, used = lines + 1, len(word)
        while used > (lone_word if used == len(word) else per_line):
            lines, used = lines + 1, used - per_line
    return lines


def fit_lines(text: str, per_line: int, max_lines: int) -> str:
    """`text`, shortened at a word boundary with "…" until it wraps into at most `max_lines` lines."""
    text = " ".join(text.split())
    if wrapped_lines(text, per_line) <= max_lines:
        return text
    words = text.split()
    while len(words) > 1 and wrapped_lines(" ".join(words) + "…", per_line) > max_lines:
        words.pop()
    shortened = " ".join(words).rstrip(" ,;·:-–") + "…"
    return shortened if wrapped_lines(shortened, per_line) <= max_lines else shorten(text, per_line * max_lines - 2)


def fit_table(columns: tuple[str, ...], rows: list[tuple[Cell, ...]], widths: tuple[float, ...], width: float,
              height: float, total: int, lang: str, size: int = 16, max_lines: int = 2) -> Table | None:
    """A table that fits `width` × `height` inches at `size` pt: every cell shortened to `max_lines` lines, and
    only as many rows as fit (the rest counted in the "… and N more" line under the table)."""
    if not rows:
        return None
    scale = width / sum(widths)
    column_widths = [w * scale for w in widths]
    line = size * 1.3 / 72  # LibreOffice and PowerPoint set table text a little looser than 1.2

    def row_height(cells: tuple[Cell, ...]) -> float:
        # The renderer sets header cells and toned cells in bold.
        return max(wrapped_lines(c.text, chars_per_line(w, size, bold=bool(c.tone)))
                   for c, w in zip(cells, column_widths, strict=True)) * line + 0.14

    heights = [row_height(tuple(Cell(c, "header") for c in columns))]
    kept: list[tuple[Cell, ...]] = []
    for cells in rows:
        fitted = tuple(Cell(fit_lines(c.text, chars_per_line(w, size, bold=bool(c.tone)), max_lines), c.tone)
                       for c, w in zip(cells, column_widths, strict=True))
        h = row_height(fitted)
        if sum(heights) + h > height - MORE_HEIGHT:
            break
        kept.append(fitted)
        heights.append(h)
    return Table(columns, tuple(kept), widths, more_text(total, len(kept), lang), size, tuple(heights))


def more_text(total: int, shown: int, lang: str) -> str:
    """"… and N more" under a table that shows `shown` of `total` rows; empty when all are shown."""
    return t("… and {n} more (full list in the speaker notes and in the app)",
             lang, n=format_number(total - shown, lang)) if total > shown else ""



LINE_SPACING = 1.2  # a text box's line height, in font sizes
BOX_MARGIN = 0.1  # a text box's left and right margins together (inches)


def text_chars_per_line(width: float, size: float, bold: bool = False) -> int:
    """How many characters fit on one line of a text box `width` inches wide."""
    return max(4, int((width - BOX_MARGIN) * 72 / (size * CHAR_WIDTH_EM * (BOLD_WIDTH if bold else 1))))


def paragraphs_height(paragraphs: list[tuple[str, float, bool]], width: float, space_after: float = 6) -> float:
    """Inches that paragraphs of (text, size pt, bold) take in a text box `width` inches wide, wrapped at words,
    each followed by `space_after` points."""
    return sum(wrapped_lines(text, text_chars_per_line(width, size, bold)) * size * LINE_SPACING / 72
               + space_after / 72 for text, size, bold in paragraphs)


def fit_to_lines(text: str, width: float, sizes: tuple[float, ...], max_lines: int,
                 bold: bool = False) -> tuple[str, float]:
    """The largest of `sizes` at which `text` wraps into `max_lines` lines of a box `width` wide; at the smallest,
    the text shortened at a word boundary to fit (a chart title, a source line)."""
    for size in sizes:
        if wrapped_lines(" ".join(text.split()), text_chars_per_line(width, size, bold)) <= max_lines:
            return " ".join(text.split()), size
    size = sizes[-1]
    return fit_lines(text, text_chars_per_line(width, size, bold), max_lines), size


def fit_list(head: str, items: list[str], width: float, height: float, lang: str, total: int | None = None,
             size: float = SMALLEST_PT, head_size: float = 17, space_after: float = 6) -> list[str]:
    """A heading and as many of `items` (each cut to two lines) as fit `height` inches of a box `width` wide, at
    `size` pt; when items are left out (or `total` says there are more), the last line says "+N more"."""
    total = len(items) if total is None else total
    per_line = text_chars_per_line(width, size)
    lines = [head]
    used = paragraphs_height([(head, head_size, True)], width, space_after)
    more_height = paragraphs_height([("+0", size, False)], width, space_after)
    for item in items:
        item = fit_lines(item, per_line, 2)
        need = paragraphs_height([(item, size, False)], width, space_after)
        left_after = total - (len(lines) - 1) - 1
        if used + need + (more_height if left_after else 0) > height:
            break
        lines.append(item)
        used += need
    left = total - (len(lines) - 1)
    if left > 0:
        lines.append(plus_more(left, lang))
    return lines


def plus_more(n: int, lang: str) -> str:
    """'+3 more' after a list cut short (the notes and the app have the whole list)."""
    return t("+{n} more (see the notes)", lang, n=format_number(n, lang))


# A metric beside a domain slide's chart: label, value, change (sizes in pt; the renderer draws these).
DOMAIN_METRIC_SIZES = (15, 26, 15)
DOMAIN_METRIC_GAP = 0.1


def domain_metric_height(metric: Metric, width: float = DOMAIN_TEXT_WIDTH) -> float:
    """Inches a metric takes beside a domain slide's chart (its texts wrapped to the column)."""
    label, value, detail = DOMAIN_METRIC_SIZES
    parts = [(metric.label, label, False), (metric.value, value, True)]
    if metric.detail:
        parts.append((metric.detail, detail, False))
    return paragraphs_height(parts, width, space_after=2)
