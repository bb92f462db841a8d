"""The briefing's data model: a `Briefing` of `Slide`s holding metrics, lines, a `Chart` with the real series values
and a `Table` of display texts, all in the chosen language. The builders (slides.py) fill it; the renderers
(powerpoint.py, web.py) only read it. The slide geometry lives here too: the builders size tables to it and the
PowerPoint writer draws to it, so that the deck and the page show the same rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..figures.cooperation import OVERDUE_COLOUR
from ..queries.changes import Changes
from ..queries.indicators import ASSESSMENT_COLOURS

TITLE, HEADLINE, CHANGES, CHANGES_DATA = "title", "headline", "changes", "changes_data"
DOMAIN_STATUS, PRIORITY, DOMAIN, ACTIONS, CLOSING = "domain_status", "priority", "domain", "actions", "closing"
SLIDE_KINDS = (TITLE, HEADLINE, CHANGES, CHANGES_DATA, DOMAIN_STATUS, PRIORITY, DOMAIN, ACTIONS, CLOSING)

BRAND = "#0B3D91"
INK = "#1B2A41"
MUTED = "#5A6472"
TONE_COLOURS: dict[str, str] = ASSESSMENT_COLOURS | {"overdue": OVERDUE_COLOUR, "": INK}

# Slide geometry in inches (16:9, 13.333 × 7.5). The builders need it to decide how many table rows fit,
# so that the deck and the page show the same rows and nothing runs off a slide.
SLIDE_WIDTH, SLIDE_HEIGHT, MARGIN = 13.333, 7.5, 0.55
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
BODY_TOP, BODY_BOTTOM, FOOTER_TOP = 1.5, 6.75, 6.9
STRIP_HEIGHT = 1.15  # a row of metric tiles above a table (value, and a label of up to two lines)
LINE_HEIGHT = 0.42  # one line of 16 pt text below a table
MORE_HEIGHT = 0.35
ACTIONS_CHART_WIDTH = 4.9
DOMAIN_CHART_WIDTH = 7.5
DOMAIN_BODY_TOP = BODY_TOP - 0.3  # a domain slide has no subtitle: its chart and texts start higher
DOMAIN_TEXT_LEFT = MARGIN + DOMAIN_CHART_WIDTH + 0.35  # the texts beside a domain slide's chart
DOMAIN_TEXT_WIDTH = CONTENT_WIDTH - DOMAIN_CHART_WIDTH - 0.35
FOOTER_HEIGHT = SLIDE_HEIGHT - FOOTER_TOP - 0.05

# Type readable from the back of a room: no text below 24 px when the deck fills a 1920 px wide projector. The
# slide is 13.333 in wide, so 1920 px make 144 px an inch and 24 px a sixth of an inch: 12 pt. The smallest size
# the deck uses is 14 pt, which leaves room for a projector that scales the slide down a little.
PROJECTOR_WIDTH_PX = 1920
MIN_TEXT_PX = 24
MIN_FONT_PT = MIN_TEXT_PX / (PROJECTOR_WIDTH_PX / SLIDE_WIDTH) * 72
SMALLEST_PT = 14


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None where there is no value
    colour: str
    point_colours: tuple[str, ...] = ()  # one per category when each bar has its own colour
    estimated: tuple[bool, ...] = ()  # line charts: one per category, True where the value is an estimate (drawn
    #                                   dashed, the line leading to it too)
    low: tuple[float | None, ...] = ()  # line charts: the estimate range per category (a band), None where none
    high: tuple[float | None, ...] = ()

    @property
    def has_band(self) -> bool:
        return any(v is not None for v in self.low) and any(v is not None for v in self.high)


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar_stacked" (horizontal bars, stacked series), "bar" (horizontal bars, one series), "line"
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_title: str  # the value axis title, with the unit
    decimals: int = 0
    # Line charts: the first day of each category's period, so that the time axis is spaced by time (2012 → 2017
    # five times as wide as 2023 → 2024), in the deck (a date axis) and on the page.
    dates: tuple[dt.date, ...] = ()
    # Column titles of an estimate's range and flag in the chart's table, and the flag's text (translated).
    low_title: str = "Low estimate"
    high_title: str = "High estimate"
    flag_title: str = "Flag"
    estimate_label: str = "Estimate"

    def frame(self) -> pd.DataFrame:
        """The chart's data as a table (category column, one column per series): what the chart shows."""
        data: dict[str, list] = {}
        for s in self.series:
            data[self.value_title if self.kind == "bar" and len(self.series) == 1 else s.name] = list(s.values)
            if s.has_band:  # the estimate range and flag go with the values (the downloads carry them)
                data[f"{s.name} · {self.low_title}"] = list(s.low)
                data[f"{s.name} · {self.high_title}"] = list(s.high)
            if any(s.estimated):
                data[f"{s.name} · {self.flag_title}"] = [self.estimate_label if e else "" for e in s.estimated]
        return pd.DataFrame({"": list(self.categories), **data})

    def max_total(self) -> float:
        """The largest category total (the longest stacked bar): both renderers give small counts a tick per unit."""
        totals = [sum(v or 0 for v in values) for values in zip(*(s.values for s in self.series), strict=True)]
        return max(totals, default=0)


@dataclass(frozen=True)
class Cell:
    text: str
    tone: str = ""  # improved, worsened, neutral, unchanged, no_previous, overdue or "" (plain)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative column widths
    more: str = ""  # "… and 4 more" when rows were left out
    size: int = 16  # font size (pt) on the PowerPoint slide
    row_heights: tuple[float, ...] = ()  # inches, header first (estimated from the texts; see fitting.fit_table)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([[c.text for c in row] for row in self.rows], columns=list(self.columns))


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    detail: str = ""
    tone: str = ""


@dataclass(frozen=True)
class Slide:
    kind: str
    title: str
    source: str
    subtitle: str = ""
    metrics: tuple[Metric, ...] = ()
    lines: tuple[str, ...] = ()
    details: tuple[str, ...] = ()  # a second, smaller list (the indicator sources on the closing slide)
    chart: Chart | None = None
    table: Table | None = None
    empty: str = ""  # shown when the slide has nothing else to show
    notes: str = ""  # speaker notes: the key numbers, in full
    accent: str = BRAND  # colour of the band at the top (the domain's colour on a domain slide)
    domain: str = ""


@dataclass(frozen=True)
class Briefing:
    lang: str
    meeting_name: str
    today: dt.date
    since: dt.date
    domains: tuple[str, ...]  # the domains the briefing covers (every domain when none was chosen)
    data_as_of: dt.date | None
    slides: tuple[Slide, ...]
    changes: Changes | None = None  # the meeting's "what changed"; a yearly report has none

    def file_stem(self) -> str:
        return f"twinreg-briefing-{self.today.isoformat()}-{self.lang}"

