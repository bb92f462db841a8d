"""The meeting briefing: a sequence of slides built from the database, shown on the Meeting page and written
as a PowerPoint deck with native (editable) charts.

`build_briefing` returns a pure data model (`Briefing` → `Slide`s with metrics, lines, a `Chart` holding the
real series values and a `Table` of display texts), in the chosen language. Two renderers read it:
`write_pptx` (python-pptx: native charts, large type, source line on every slide, speaker notes with the key
numbers) and the page (`chart_figure` for plotly, `slide_html` for the texts). `pdf_bytes` converts the deck
with LibreOffice when it is installed.

Slide order: title, headline figures, what changed (bottlenecks), what changed (indicators and actions),
bottlenecks by domain and status, top priority bottlenecks, one slide per selected domain with its key
indicator, the action plan, sources.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from ..figures.cooperation import ACTION_STATUS_COLOURS, OVERDUE_COLOUR
from ..figures.indicators import COUNTRY_COLOURS, format_value, unit_label, value_with_unit
from ..figures.overview import STATUS_COLOURS
from ..filters import Filters
from ..i18n import format_day, format_number, format_pct, t
from ..queries import cooperation as action_queries
from ..queries import indicators as indicator_queries
from ..queries.changes import Changes, bottleneck_scope, current_register, default_since, what_changed
from ..queries.common import domain_clause
from ..queries.indicators import ASSESSMENT_COLOURS, IMPROVED, NEUTRAL, NO_PREVIOUS, UNCHANGED, WORSENED
from ..schema import ACTION_STATUSES, BOTTLENECK_STATUSES, CLOSED_STATUSES, DOMAIN_COLOURS
from ..store import Store

TITLE, HEADLINE, CHANGES, CHANGES_DATA = "title", "headline", "changes", "changes_data"
DOMAIN_STATUS, PRIORITY, DOMAIN, ACTIONS, CLOSING = "domain_status", "priority", "domain", "actions", "closing"
SLIDE_KINDS = (TITLE, HEADLINE, CHANGES, CHANGES_DATA, DOMAIN_STATUS, PRIORITY, DOMAIN, ACTIONS, CLOSING)

TABLE_ROWS = 6  # rows a table shows on a slide; more would not be readable from the back of a room
TEXT_CHARS = 70  # longer titles are shortened on slides (the notes and the app have the full text)
OWNER_CHARS = 48
BRAND = "#0B3D91"
INK = "#1B2A41"
MUTED = "#5A6472"
TONE_COLOURS: dict[str, str] = ASSESSMENT_COLOURS | {"overdue": OVERDUE_COLOUR, "": INK}
# Worse first: what a meeting must discuss comes to the top of the list of indicator changes.
ASSESSMENT_ORDER = {WORSENED: 0, IMPROVED: 1, NEUTRAL: 2, UNCHANGED: 3, NO_PREVIOUS: 4}

# Slide geometry in inches (16:9, 13.333 × 7.5). The builders need it to decide how many table rows fit,
# so that the deck and the page show the same rows and nothing runs off a slide.
SLIDE_WIDTH, SLIDE_HEIGHT, MARGIN = 13.333, 7.5, 0.55
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN
BODY_TOP, BODY_BOTTOM, FOOTER_TOP = 1.5, 6.75, 6.9
STRIP_HEIGHT = 1.05  # a row of metric tiles above a table
LINE_HEIGHT = 0.42  # one line of 16 pt text below a table
MORE_HEIGHT = 0.35
ACTIONS_CHART_WIDTH = 4.9
DOMAIN_CHART_WIDTH = 7.5
LOCALE_IDS = {"en": "809", "fi": "40B", "et": "425"}  # Windows locale ids: en-GB, fi-FI, et-EE
BOLD_WIDTH = 1.1  # bold glyphs are about a tenth wider
CHAR_WIDTH_EM = 0.6  # average glyph width of DejaVu Sans (LibreOffice's fallback font), measured on these slides


# -- the model -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None where there is no value
    colour: str
    point_colours: tuple[str, ...] = ()  # one per category when each bar has its own colour


@dataclass(frozen=True)
class Chart:
    kind: str  # "bar_stacked" (horizontal bars, stacked series), "bar" (horizontal bars, one series), "line"
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_title: str  # the value axis title, with the unit
    decimals: int = 0

    def frame(self) -> pd.DataFrame:
        """The chart's data as a table (category column, one column per series): what the chart shows."""
        data = {self.value_title if self.kind == "bar" and len(self.series) == 1 else s.name: list(s.values)
                for s in self.series}
        return pd.DataFrame({"": list(self.categories), **data})


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
    row_heights: tuple[float, ...] = ()  # inches, header first (estimated from the texts; see _fit_table)

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
    changes: Changes

    def file_stem(self) -> str:
        return f"twinreg-briefing-{self.today.isoformat()}-{self.lang}"


# -- small helpers ---------------------------------------------------------------------------------------


def _short(text: object, chars: int = TEXT_CHARS) -> str:
    value = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    value = " ".join(value.split())
    return value if len(value) <= chars else value[: chars - 1].rstrip(" ,;") + "…"


def _first_of_list(text: object) -> str:
    """'A; B; C' → 'A +2': the first organisation of a ';'-separated list (the notes keep the full list)."""
    parts = [p.strip() for p in str(text or "").split(";") if p.strip()] if isinstance(text, str) else []
    if not parts:
        return "–"
    return parts[0] + (f" +{len(parts) - 1}" if len(parts) > 1 else "")


def _day(value: object, lang: str) -> str:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return "–"
    if isinstance(value, pd.Timestamp | dt.datetime):
        value = value.date()
    return format_day(value, lang)


def _status(code: object, lang: str) -> str:
    return t(f"status.{code}", lang) if isinstance(code, str) and code else t("meeting.status_none", lang)


def delta_text(change: float | None, change_pct: float | None, previous_period: str | None, lang: str) -> str:
    """'+300 000 (+4.3%) vs 2023'; empty when there is no earlier value."""
    if change is None or pd.isna(change):
        return ""
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    text = sign + format_value(abs(change), lang)
    if change_pct is not None and not pd.isna(change_pct) and change != 0:
        text += f" ({sign}{format_pct(abs(change_pct), lang)})"
    return text + (" " + t("meeting.vs", lang, period=previous_period) if previous_period else "")


def _chars_per_line(width: float, size: int, bold: bool = False) -> int:
    """How many characters fit on one line of a table cell `width` inches wide (cell margins allowed)."""
    return max(4, int((width - 0.17) * 72 / (size * CHAR_WIDTH_EM * (BOLD_WIDTH if bold else 1))))


def _wrapped_lines(text: str, per_line: int) -> int:
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


def _fit_lines(text: str, per_line: int, max_lines: int) -> str:
    """`text`, shortened at a word boundary with "…" until it wraps into at most `max_lines` lines."""
    text = " ".join(text.split())
    if _wrapped_lines(text, per_line) <= max_lines:
        return text
    words = text.split()
    while len(words) > 1 and _wrapped_lines(" ".join(words) + "…", per_line) > max_lines:
        words.pop()
    shortened = " ".join(words).rstrip(" ,;·:-–") + "…"
    return shortened if _wrapped_lines(shortened, per_line) <= max_lines else _short(text, per_line * max_lines - 2)


def _fit_table(columns: tuple[str, ...], rows: list[tuple[Cell, ...]], widths: tuple[float, ...], width: float,
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
        return max(_wrapped_lines(c.text, _chars_per_line(w, size, bold=bool(c.tone)))
                   for c, w in zip(cells, column_widths, strict=True)) * line + 0.14

    heights = [row_height(tuple(Cell(c, "header") for c in columns))]
    kept: list[tuple[Cell, ...]] = []
    for cells in rows:
        fitted = tuple(Cell(_fit_lines(c.text, _chars_per_line(w, size, bold=bool(c.tone)), max_lines), c.tone)
                       for c, w in zip(cells, column_widths, strict=True))
        h = row_height(fitted)
        if sum(heights) + h > height - MORE_HEIGHT:
            break
        kept.append(fitted)
        heights.append(h)
    return Table(columns, tuple(kept), widths, _more(total, len(kept), lang), size, tuple(heights))


def _more(total: int, shown: int, lang: str) -> str:
    return t("meeting.more", lang, n=format_number(total - shown, lang)) if total > shown else ""


def data_as_of(store: Store) -> dt.date | None:
    """Date (UTC) of the latest applied import: how current the numbers in the briefing are."""
    latest = store.scalar("SELECT max(uploaded_at) FROM imports WHERE status = 'applied'")
    return latest.date() if latest is not None else None


# -- queries the briefing needs beyond what other read models offer -------------------------------------


def status_counts(store: Store, filters: Filters) -> pd.DataFrame:
    """Bottlenecks per (domain, status) for the selected domains and side, current status."""
    scope, params = bottleneck_scope(filters)
    return store.query_df(
        f"SELECT b.domain, b.status, count(*) AS count FROM bottleneck_current b WHERE {scope} "
        "GROUP BY b.domain, b.status",
        params,
    )


def key_indicators(store: Store, filters: Filters) -> dict[str, str]:
    """The key indicator of each selected domain (with data in scope): the one most bottlenecks refer to as their
    evidence, then one with series in both countries, then annual figures (a readable year axis), then the
    longest series, then the code."""
    domain_sql, domain_params = domain_clause(filters, "i.domain")
    rows = store.query(
        f"""WITH links AS (
                SELECT trim(u.code) AS code, count(*) AS linked
                FROM bottlenecks b, unnest(string_split(coalesce(b.indicators, ''), ';')) AS u(code)
                WHERE trim(u.code) <> '' GROUP BY 1
            ), stats AS (
                SELECT i.domain, i.code, i.frequency, count(DISTINCT a.country) AS countries,
                       count(DISTINCT o.period) AS periods
                FROM indicators i
                JOIN observations o ON o.indicator = i.code
                JOIN areas a ON a.code = o.area
                WHERE {domain_sql} AND a.country IN (SELECT unnest(?::VARCHAR[]))
                      AND o.period_start BETWEEN ? AND ?
                GROUP BY i.domain, i.code, i.frequency
            )
            SELECT s.domain, s.code FROM stats s LEFT JOIN links l ON l.code = s.code
            QUALIFY row_number() OVER (PARTITION BY s.domain ORDER BY coalesce(l.linked, 0) DESC,
                s.countries DESC, s.frequency = 'annual' DESC, s.periods DESC, s.code) = 1""",
        [*domain_params, filters.countries, filters.date_from, filters.date_to],
    )
    return dict(rows)


# -- slide builders --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    store: Store
    filters: Filters
    lang: str
    since: dt.date
    today: dt.date
    as_of: dt.date | None
    changes: Changes
    register: pd.DataFrame

    @property
    def since_text(self) -> str:
        return format_day(self.since, self.lang)

    @property
    def as_of_text(self) -> str:
        return format_day(self.as_of, self.lang) if self.as_of else t("meeting.no_data_yet", self.lang)

    def source(self, key: str, **params: object) -> str:
        return t(key, self.lang, date=self.as_of_text, **params)


def _domains_text(filters: Filters, lang: str) -> str:
    if not filters.domains:
        return t("control.domains_all", lang)
    return ", ".join(t(f"domain.{d}", lang) for d in filters.domains)


def _title_slide(ctx: _Context, meeting_name: str) -> Slide:
    lang = ctx.lang
    lines = (
        t("meeting.title.regions", lang),
        format_day(ctx.today, lang),
        t("meeting.title.domains", lang, domains=_domains_text(ctx.filters, lang)),
        t("meeting.title.since", lang, date=ctx.since_text),
    )
    notes = "\n".join([meeting_name, *lines, t("meeting.notes.as_of", lang, date=ctx.as_of_text)])
    return Slide(TITLE, meeting_name, ctx.source("meeting.source.all"), subtitle=t("app.tagline", lang),
                 lines=lines, notes=notes)


def _is_open(register: pd.DataFrame) -> pd.Series:
    return ~register["status"].isin(sorted(CLOSED_STATUSES))


def _headline_slide(ctx: _Context) -> Slide:
    lang, counts = ctx.lang, ctx.changes.counts()
    summary = action_queries.action_summary(ctx.store, ctx.filters, ctx.today)
    open_count = int(_is_open(ctx.register).sum())
    metrics = (
        Metric(t("meeting.metric.open", lang), format_number(open_count, lang),
               t("meeting.metric.of_total", lang, total=format_number(len(ctx.register), lang))),
        Metric(t("meeting.metric.new", lang, date=ctx.since_text), format_number(counts["new_bottlenecks"], lang)),
        Metric(t("meeting.metric.closed", lang, date=ctx.since_text), format_number(counts["closed"], lang),
               tone=IMPROVED if counts["closed"] else ""),
        Metric(t("meeting.metric.stalled", lang), format_number(counts["stalled"], lang),
               t("meeting.metric.stalled_detail", lang, days=format_number(ctx.changes.stall_days, lang)),
               tone=WORSENED if counts["stalled"] else ""),
        Metric(t("meeting.metric.actions_done", lang), f"{format_number(summary.done, lang)} / "
               f"{format_number(summary.total, lang)}", t("meeting.metric.actions_done_detail", lang)),
        Metric(t("meeting.metric.actions_overdue", lang), format_number(summary.overdue, lang),
               tone="overdue" if summary.overdue else ""),
    )
    notes = "\n".join(f"{m.label}: {m.value}" + (f" ({m.detail})" if m.detail else "") for m in metrics)
    return Slide(HEADLINE, t("meeting.headline.title", lang), ctx.source("meeting.source.all"), metrics=metrics,
                 notes=notes + "\n" + t("meeting.notes.as_of", lang, date=ctx.as_of_text))


def _change_text(row, lang: str) -> str:
    return f"{_status(row.from_status, lang)} → {_status(row.to_status, lang)}"


def _window_text(ctx: _Context) -> str:
    return t("meeting.changes.window", ctx.lang, since=ctx.since_text, today=format_day(ctx.today, ctx.lang))


def _changes_slide(ctx: _Context) -> Slide:
    lang, ch = ctx.lang, ctx.changes
    counts = ch.counts()
    metrics = (
        Metric(t("meeting.changes.new", lang), format_number(counts["new_bottlenecks"], lang)),
        Metric(t("meeting.changes.status_changes", lang), format_number(counts["status_changes"], lang)),
        Metric(t("meeting.changes.closed", lang), format_number(counts["closed"], lang),
               tone=IMPROVED if counts["closed"] else ""),
        Metric(t("meeting.changes.stalled", lang, days=format_number(ch.stall_days, lang)),
               format_number(counts["stalled"], lang), tone=WORSENED if counts["stalled"] else ""),
    )
    recent = ch.status_changes.sort_values(["date", "seq", "code"], ascending=False)
    table = _fit_table(
        (t("meeting.col.date", lang), t("meeting.col.bottleneck", lang), t("meeting.col.change", lang),
         t("meeting.col.who", lang)),
        [(Cell(_day(r.date, lang)), Cell(f"{r.code} · {r.title}"),
          Cell(_change_text(r, lang), IMPROVED if r.to_status in CLOSED_STATUSES else ""),
          Cell(_first_of_list(r.who))) for r in recent.head(TABLE_ROWS).itertuples()],
        (1.7, 4.7, 3.3, 2.6), CONTENT_WIDTH, BODY_BOTTOM - BODY_TOP - STRIP_HEIGHT - 0.2, len(recent), lang)
    notes = [_window_text(ctx)]
    notes += [f"{m.label}: {m.value}" for m in metrics]
    notes += [t("meeting.notes.new", lang)] + [f"  {r.code} {r.title} ({_day(r.identified_on, lang)})"
                                               for r in ch.new_bottlenecks.itertuples()]
    notes += [t("meeting.notes.status_changes", lang)] + [
        f"  {_day(r.date, lang)} {r.code}: {_change_text(r, lang)}" + (f" — {r.who}" if isinstance(r.who, str) else "")
        for r in ch.status_changes.itertuples()]
    notes += [t("meeting.notes.closed", lang)] + [f"  {r.code} {r.title}: {_status(r.status, lang)} "
                                                  f"({_day(r.closed_on, lang)})" for r in ch.closed.itertuples()]
    notes += [t("meeting.notes.stalled", lang)] + [
        f"  {r.code} {r.title}: {t('meeting.notes.days_silent', lang, days=format_number(r.days_since_event, lang))}"
        for r in ch.stalled.itertuples()]
    return Slide(CHANGES, t("meeting.changes.title", lang), ctx.source("meeting.source.register"),
                 subtitle=_window_text(ctx), metrics=metrics, table=table,
                 empty="" if table else t("meeting.changes.none", lang, date=ctx.since_text), notes="\n".join(notes))


def _indicator_change(row, lang: str) -> str:
    text = delta_text(row.change, row.change_pct, row.previous_period, lang)
    return text if text else t(f"indicators.assessment.{row.assessment}", lang)


def _changes_data_slide(ctx: _Context) -> Slide:
    lang, ch = ctx.lang, ctx.changes
    counts = ch.counts()
    metrics = (
        Metric(t("meeting.changes.indicators", lang), format_number(counts["indicators"], lang)),
        Metric(t("indicators.assessment.improved", lang), format_number(counts["improved"], lang), tone=IMPROVED),
        Metric(t("indicators.assessment.worsened", lang), format_number(counts["worsened"], lang), tone=WORSENED),
        Metric(t("meeting.changes.actions_done", lang), format_number(counts["actions_done"], lang)),
        Metric(t("meeting.changes.actions_overdue", lang), format_number(counts["actions_overdue"], lang),
               tone="overdue" if counts["actions_overdue"] else ""),
    )
    frame = ch.indicators.assign(
        _order=ch.indicators["assessment"].map(ASSESSMENT_ORDER).fillna(9),
        _size=ch.indicators["change_pct"].abs().fillna(0),
    ).sort_values(["_order", "_size"], ascending=[True, False])
    lines = []
    if not ch.actions_done.empty:
        lines.append(t("meeting.changes.done_list", lang, codes=", ".join(ch.actions_done["code"])))
    if not ch.actions_overdue.empty:
        lines.append(t("meeting.changes.overdue_list", lang, codes=", ".join(ch.actions_overdue["code"])))
    table = _fit_table(
        (t("meeting.col.indicator", lang), t("meeting.col.country", lang), t("meeting.col.latest", lang),
         t("meeting.col.change", lang)),
        [(Cell(r.name), Cell(t(f"side.{r.country}", lang)),
          Cell(f"{r.period}: {value_with_unit(r.value, r.unit, lang)}"),
          Cell(_indicator_change(r, lang), r.assessment)) for r in frame.head(TABLE_ROWS).itertuples()],
        (5.0, 1.3, 2.8, 3.6), CONTENT_WIDTH,
        BODY_BOTTOM - BODY_TOP - STRIP_HEIGHT - 0.2 - LINE_HEIGHT * len(lines), len(frame), lang)
    notes = [_window_text(ctx)] + [f"{m.label}: {m.value}" for m in metrics]
    notes += [t("meeting.notes.indicators", lang)] + [
        f"  {r.name} ({_series_name(r.country, r.area, r.area_label, lang)}) {r.period}: "
        f"{value_with_unit(r.value, r.unit, lang)}; {_indicator_change(r, lang)} — "
        f"{t(f'indicators.assessment.{r.assessment}', lang)}" for r in frame.itertuples()]
    notes += [t("meeting.notes.actions_done", lang)] + [
        f"  {r.code} {r.title} ({_day(r.completed_on, lang)})" for r in ch.actions_done.itertuples()]
    notes += [t("meeting.notes.actions_overdue", lang)] + [
        f"  {r.code} {r.title}: {t('meeting.notes.due', lang, date=_day(r.due, lang))}, {r.lead}"
        for r in ch.actions_overdue.itertuples()]
    return Slide(CHANGES_DATA, t("meeting.changes_data.title", lang), ctx.source("meeting.source.imports"),
                 subtitle=_window_text(ctx), metrics=metrics, table=table, lines=tuple(lines),
                 empty="" if table else t("meeting.changes_data.none", lang, date=ctx.since_text),
                 notes="\n".join(notes))


def _domain_status_slide(ctx: _Context) -> Slide:
    lang = ctx.lang
    counts = status_counts(ctx.store, ctx.filters)
    domains = [d for d in ctx.filters.domain_list if d in set(counts["domain"])]
    title = t("overview.by_domain_status", lang)
    chart = None
    if domains:
        table = counts.pivot_table(index="domain", columns="status", values="count", aggfunc="sum", fill_value=0)
        statuses = [s for s in BOTTLENECK_STATUSES if s in table.columns]
        chart = Chart(
            "bar_stacked", title, tuple(t(f"domain.{d}", lang) for d in domains),
            tuple(Series(t(f"status.{s}", lang), tuple(float(table.at[d, s]) for d in domains), STATUS_COLOURS[s])
                  for s in statuses),
            t("meeting.axis.bottlenecks", lang),
        )
    notes = [f"{t(f'domain.{d}', lang)}: " + ", ".join(
        f"{t(f'status.{r.status}', lang)} {r.count}"
        for r in counts[counts["domain"] == d].sort_values(
            "status", key=lambda s: s.map(BOTTLENECK_STATUSES.index)).itertuples()) for d in domains]
    return Slide(DOMAIN_STATUS, title, ctx.source("meeting.source.register"), chart=chart,
                 empty="" if chart else t("meeting.empty.bottlenecks", lang), notes="\n".join(notes))


def _priority_slide(ctx: _Context) -> Slide:
    lang = ctx.lang
    open_rows = ctx.register[_is_open(ctx.register)]
    top = open_rows.sort_values(["severity", "people_high", "age_days", "code"],
                                ascending=[False, False, False, True], na_position="last").head(TABLE_ROWS)
    table = _fit_table(
        (t("meeting.col.bottleneck", lang), t("meeting.col.severity", lang), t("meeting.col.status", lang),
         t("meeting.col.owner_fi", lang), t("meeting.col.owner_ee", lang)),
        [(Cell(f"{r.code} · {r.title}"), Cell(f"{r.severity} / 5"),
          Cell(_status(r.status, lang), WORSENED if r.stalled else ""), Cell(_first_of_list(r.owner_fi)),
          Cell(_first_of_list(r.owner_ee))) for r in top.itertuples()],
        (3.65, 1.65, 2.15, 2.7, 2.7), CONTENT_WIDTH, BODY_BOTTOM - BODY_TOP, len(open_rows), lang, size=15)
    notes = [t("meeting.priority.rule", lang)] + [
        f"{r.code} {r.title}: {t('meeting.col.severity', lang)} {r.severity}/5, {_status(r.status, lang)}, "
        + t("meeting.notes.open_days", lang, days=format_number(r.age_days, lang))
        + (", " + t("meeting.notes.people", lang, low=format_number(r.people_low, lang),
                    high=format_number(r.people_high, lang))
           if pd.notna(r.people_low) and pd.notna(r.people_high) else "")
        + f"; FI: {r.owner_fi or '–'}; EE: {r.owner_ee or '–'}" for r in top.itertuples()]
    return Slide(PRIORITY, t("meeting.priority.title", lang), ctx.source("meeting.source.register"), table=table,
                 subtitle=t("meeting.priority.rule", lang),
                 empty="" if table else t("meeting.empty.open", lang), notes="\n".join(notes))


def _series_name(country: str, area: str, area_label: str, lang: str) -> str:
    country_label = t(f"side.{country}", lang)
    return country_label if area == country else f"{country_label} · {area_label}"


def indicator_chart(series: pd.DataFrame, name: str, unit: str, lang: str) -> Chart | None:
    """Line chart of an indicator's headline area per country (Finland, then Estonia), values as stored."""
    headline = series[series["area_rank"] == 1]
    if headline.empty:
        return None
    periods = headline[["period", "period_start"]].drop_duplicates("period").sort_values("period_start")
    values = headline.pivot_table(index="period", columns="country", values="value", aggfunc="first")
    chart_series = []
    for country in ("FI", "EE"):
        if country not in values.columns:
            continue
        first = headline[headline["country"] == country].iloc[0]
        column = values[country].reindex(periods["period"])
        chart_series.append(Series(
            _series_name(country, first["area"], first["area_label"], lang),
            tuple(None if pd.isna(v) else float(v) for v in column), COUNTRY_COLOURS[country]))
    decimals = 0 if all(v is None or float(v).is_integer() or abs(v) >= 1000
                        for s in chart_series for v in s.values) else 1
    return Chart("line", name, tuple(periods["period"]), tuple(chart_series), unit_label(unit, lang), decimals)


def _domain_slide(ctx: _Context, domain: str, code: str | None) -> tuple[Slide, str | None]:
    """A domain's slide and the source of its key indicator (None when it has none)."""
    lang = ctx.lang
    in_domain = ctx.register[ctx.register["domain"] == domain]
    open_rows = in_domain[_is_open(in_domain)].sort_values(["severity", "code"], ascending=[False, True])
    stalled = int(in_domain["stalled"].astype(bool).sum())
    lines = [t("meeting.domain.open", lang, n=format_number(len(open_rows), lang),
               stalled=format_number(stalled, lang))]
    lines += [f"{r.code} · {_short(r.title, 58)} ({_status(r.status, lang)})" for r in open_rows.head(3).itertuples()]
    meta = indicator_queries.indicator_meta(ctx.store, ctx.filters, code) if code else None
    chart, metrics, notes = None, [], []
    if meta is not None:
        chart = indicator_chart(indicator_queries.series(ctx.store, ctx.filters, code), meta.name, meta.unit, lang)
        latest = indicator_queries.latest_changes(ctx.store, ctx.filters, code)
        for r in latest.itertuples():
            label = f"{_series_name(r.country, r.area, r.area_label, lang)} ({r.period})"
            change = delta_text(r.change, r.change_pct, r.previous_period, lang)
            metrics.append(Metric(label, value_with_unit(r.value, r.unit, lang), change, r.assessment))
            notes.append(f"{label}: {value_with_unit(r.value, r.unit, lang)} {change} — "
                         f"{t(f'indicators.assessment.{r.assessment}', lang)}")
        if chart is not None:
            notes.append(t("meeting.notes.series", lang) + " " + "; ".join(
                f"{s.name}: " + ", ".join(f"{c} {format_value(v, lang)}" for c, v in
                                          zip(chart.categories, s.values, strict=True) if v is not None)
                for s in chart.series))
    source = (t("meeting.source.indicator", lang, source=meta.source, date=ctx.as_of_text) if meta
              else ctx.source("meeting.source.register"))
    notes = ([t("meeting.domain.key_indicator", lang, name=meta.name)] if meta else []) + lines + notes
    return Slide(DOMAIN, t(f"domain.{domain}", lang), source, metrics=tuple(metrics), lines=tuple(lines),
                 chart=chart, empty="" if chart else t("meeting.domain.no_indicator", lang), notes="\n".join(notes),
                 accent=DOMAIN_COLOURS[domain], domain=domain), meta.source if meta else None


def _actions_slide(ctx: _Context) -> Slide:
    lang = ctx.lang
    actions = action_queries.actions(ctx.store, ctx.filters, ctx.today)
    chart, table = None, None
    if not actions.empty:
        counts = actions["status"].value_counts()
        chart = Chart("bar", t("meeting.actions.chart", lang),
                      tuple(t(f"coop.status.{s}", lang) for s in ACTION_STATUSES),
                      (Series(t("meeting.axis.actions", lang), tuple(float(counts.get(s, 0)) for s in ACTION_STATUSES),
                              BRAND, tuple(ACTION_STATUS_COLOURS[s] for s in ACTION_STATUSES)),),
                      t("meeting.axis.actions", lang))
        pending = actions[~actions["status"].isin(list(action_queries.FINISHED_STATUSES))]
        pending = pending.sort_values(["overdue", "due", "code"], ascending=[False, True, True])
        table = _fit_table(
            (t("meeting.col.action", lang), t("meeting.col.due", lang), t("meeting.col.status", lang)),
            [(Cell(f"{r.code} · {r.title}"), Cell(_day(r.due, lang), "overdue" if r.overdue else ""),
              Cell(t("coop.col.overdue", lang) if r.overdue else t(f"coop.status.{r.status}", lang),
                   "overdue" if r.overdue else "")) for r in pending.head(TABLE_ROWS).itertuples()],
            (4.1, 1.75, 1.75), CONTENT_WIDTH - ACTIONS_CHART_WIDTH - 0.3, BODY_BOTTOM - BODY_TOP, len(pending), lang,
            size=15)
    summary = action_queries.action_summary(ctx.store, ctx.filters, ctx.today)
    notes = [t("meeting.notes.actions_summary", lang, total=summary.total, done=summary.done, ongoing=summary.ongoing,
               overdue=summary.overdue)]
    if not actions.empty:
        notes += [f"{r.code} {r.title}: {t(f'coop.status.{r.status}', lang)}, "
                  f"{t('meeting.notes.due', lang, date=_day(r.due, lang))}, {r.lead}"
                  + (f" — {t('coop.col.overdue', lang)}" if r.overdue else "") for r in actions.itertuples()]
    return Slide(ACTIONS, t("meeting.actions.title", lang), ctx.source("meeting.source.actions"), chart=chart,
                 table=table, empty="" if chart else t("meeting.empty.actions", lang), notes="\n".join(notes))


def _closing_slide(ctx: _Context, indicator_sources: list[tuple[str, str | None]]) -> Slide:
    lang = ctx.lang
    lines = (t("meeting.closing.register", lang), t("meeting.closing.actions", lang),
             t("meeting.closing.as_of", lang, date=ctx.as_of_text),
             t("meeting.closing.made", lang, date=format_day(ctx.today, lang)))
    details = tuple(f"{t(f'domain.{domain}', lang)}: {source}" for domain, source in indicator_sources if source)
    if details:
        details = (t("meeting.closing.indicators", lang),) + details
    return Slide(CLOSING, t("meeting.closing.title", lang), ctx.source("meeting.source.all"), lines=lines,
                 details=details, notes="\n".join(lines + details))


def build_briefing(store: Store, filters: Filters, since: dt.date | None = None, today: dt.date | None = None,
                   meeting_name: str | None = None) -> Briefing:
    """The briefing for the chosen language, domains and side; "what changed" runs from `since` to `today`."""
    today = today or dt.date.today()
    since = since or default_since(today)
    lang = filters.lang
    changes = what_changed(store, filters, since, today)
    ctx = _Context(store, filters, lang, since, today, data_as_of(store), changes,
                   current_register(store, filters, today))
    name = (meeting_name or "").strip() or t("meeting.default_name", lang)
    keys = key_indicators(store, filters)
    domain_slides, sources = [], []
    for domain in filters.domain_list:
        slide, source = _domain_slide(ctx, domain, keys.get(domain))
        domain_slides.append(slide)
        sources.append((domain, source))
    slides = (
        _title_slide(ctx, name), _headline_slide(ctx), _changes_slide(ctx), _changes_data_slide(ctx),
        _domain_status_slide(ctx), _priority_slide(ctx), *domain_slides, _actions_slide(ctx),
        _closing_slide(ctx, sources),
    )
    return Briefing(lang, name, today, since, tuple(filters.domain_list), ctx.as_of, slides, changes)


# -- plotly (the Meeting page) ---------------------------------------------------------------------------


def _separators(lang: str) -> str:
    return ", " if lang in ("fi", "et") else ".,"


def chart_figure(chart: Chart, lang: str, *, height: int = 560, font_size: int = 20, title: bool = True,
                 source: str = "") -> go.Figure:
    """The slide's chart as a plotly figure, large type (the same values as the native PowerPoint chart)."""
    fig = go.Figure()
    categories = list(chart.categories)
    value_format = ",." + str(chart.decimals) + "f"
    for s in chart.series:
        if chart.kind == "line":
            fig.add_scatter(x=categories, y=list(s.values), name=s.name, mode="lines+markers",
                            line={"color": s.colour, "width": 4}, marker={"size": 9}, connectgaps=False,
                            hovertemplate=f"{s.name}<br>%{{x}}: %{{y:{value_format}}}<extra></extra>")
        elif chart.kind == "bar_stacked":
            fig.add_bar(y=categories, x=list(s.values), name=s.name, orientation="h", marker_color=s.colour,
                        hovertemplate=f"%{{y}}: %{{x}}<extra>{html.escape(s.name)}</extra>")
        else:
            fig.add_bar(y=categories, x=list(s.values), name=s.name, orientation="h", text=list(s.values),
                        texttemplate="%{x:.0f}", textposition="outside", cliponaxis=False,
                        marker_color=list(s.point_colours) if s.point_colours else s.colour,
                        hovertemplate="%{y}: %{x}<extra></extra>")
    # With a source line (images for use outside the app) the legend moves above the plot and the source takes
    # the bottom edge; in the app the slide shows the source itself.
    legend = ({"orientation": "h", "yref": "paper", "y": 1.0, "yanchor": "bottom", "x": 0} if source else
              {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0})
    layout: dict = {
        "height": height, "font": {"size": font_size}, "separators": _separators(lang),
        "legend": legend | {"font": {"size": font_size}},
        "margin": {"l": 20, "r": 30, "t": (70 if title else 20) + (_legend_rows(chart) * 40 if source else 0),
                   "b": 90 if source else 80},
        "hovermode": "closest", "showlegend": chart.kind != "bar", "plot_bgcolor": "#FFFFFF",
    }
    if title:
        layout["title"] = {"text": html.escape(chart.title), "font": {"size": font_size + 4}}
    # Explicit sizes everywhere: the app's chart theme would otherwise set ticks in small type.
    ticks = {"size": font_size - 2}
    axis_title = {"size": font_size}
    value_axis = {"title": {"text": chart.value_title, "font": axis_title}, "tickfont": ticks, "rangemode": "tozero",
                  "tickformat": f",.{chart.decimals}f", "separatethousands": True, "automargin": True,
                  "gridcolor": "#E3E7ED"}
    if chart.kind in ("bar_stacked", "bar"):
        layout |= {"barmode": "stack", "yaxis": {"autorange": "reversed", "tickfont": ticks, "automargin": True},
                   "xaxis": value_axis | {"dtick": 1 if _max_total(chart) <= 12 else None}}
        layout["legend"] |= {"traceorder": "normal"}
    else:
        layout |= {"yaxis": value_axis, "xaxis": {"type": "category", "tickfont": ticks, "automargin": True}}
    fig.update_layout(**layout)
    if source:
        fig.add_annotation(text=html.escape(source), showarrow=False, xref="paper", yref="paper", x=0, y=0,
                           yanchor="top", yshift=-(48 if chart.kind != "line" else 52) - font_size, xanchor="left",
                           font={"size": 14, "color": MUTED})
    return fig


def _legend_rows(chart: Chart) -> int:
    """Rows a horizontal legend takes above an exported chart (about four entries to a row)."""
    return 0 if chart.kind == "bar" else -(-len(chart.series) // 4)


def _max_total(chart: Chart) -> float:
    totals = [sum(v or 0 for v in values) for values in zip(*(s.values for s in chart.series), strict=True)]
    return max(totals, default=0)


# -- HTML of a slide's texts (the Meeting page) ----------------------------------------------------------

# Sizes follow the viewport width, so that a slide fills a projector at any resolution (24 px type at 1920 px).
SLIDE_CSS = """<style>
.mt-head { border-top: 0.55rem solid var(--mt-accent); padding-top: 0.4rem; margin-bottom: 0.6rem; }
.mt-counter { float: right; color: #5A6472; font-size: clamp(0.9rem, 0.9vw, 1.3rem); }
.mt-title { font-size: clamp(1.8rem, 2.6vw, 3.4rem) !important; font-weight: 700; color: #1B2A41; line-height: 1.15;
            margin: 0 !important; padding: 0 !important; }
.mt-subtitle { font-size: clamp(1.05rem, 1.15vw, 1.6rem); color: #5A6472; margin-top: 0.25rem; }
.mt-hero { padding: 6vh 0 2vh 0; }
.mt-hero .mt-title { font-size: clamp(2.4rem, 3.6vw, 4.6rem) !important; color: #0B3D91; }
.mt-hero .mt-subtitle { font-size: clamp(1.2rem, 1.5vw, 2rem); }
.mt-metrics { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0.4rem 0 1rem 0; }
.mt-metric { flex: 1 1 12rem; background: #F1F4F8; border-radius: 0.6rem; padding: 0.7rem 1rem; text-align: center; }
.mt-metrics-big .mt-metric { flex: 1 1 28%; padding: 2.2vh 1rem; }
.mt-metric-value { font-size: clamp(1.6rem, 2.2vw, 3rem); font-weight: 700; line-height: 1.15; }
.mt-metrics-big .mt-metric-value { font-size: clamp(2.2rem, 3.6vw, 4.8rem); }
.mt-metric-label { font-size: clamp(0.95rem, 1.05vw, 1.45rem); color: #1B2A41; }
.mt-metric-detail { font-size: clamp(0.85rem, 0.85vw, 1.15rem); color: #5A6472; }
.mt-side .mt-metric { text-align: left; flex-basis: 100%; }
.mt-lines { font-size: clamp(1.05rem, 1.2vw, 1.65rem); color: #1B2A41; padding-left: 1.2em; margin: 0.3rem 0; }
.mt-lines li { margin-bottom: 0.35em; }
.mt-title-lines { list-style: none; padding-left: 0 !important; margin-left: 0 !important;
                  font-size: clamp(1.2rem, 1.6vw, 2.1rem); }
.mt-details { font-size: clamp(0.85rem, 0.85vw, 1.15rem); color: #1B2A41; }
.mt-details li { margin-bottom: 0.2em; }
.mt-two { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5rem; }
.mt-table { width: 100%; border-collapse: collapse; font-size: clamp(0.95rem, 1.05vw, 1.45rem); }
.mt-table th { background: #0B3D91; color: #fff; text-align: left; padding: 0.35em 0.5em; }
.mt-table td { padding: 0.35em 0.5em; vertical-align: top; border-bottom: 1px solid #D0D5DD; }
.mt-table tbody tr:nth-child(even) td { background: #F1F4F8; }
.mt-toned { font-weight: 700; }
.mt-more { color: #5A6472; font-size: clamp(0.85rem, 0.85vw, 1.15rem); margin-top: 0.3rem; }
.mt-empty { font-size: clamp(1.1rem, 1.3vw, 1.8rem); color: #5A6472; padding: 2rem 0; }
.mt-source { color: #5A6472; font-size: clamp(0.8rem, 0.8vw, 1.1rem); border-top: 1px solid #D0D5DD;
             padding-top: 0.3rem; margin-top: 0.3rem; }
</style>"""

# Presentation mode: the slide alone on the screen (no sidebar, header, toolbar or page padding).
PRESENTING_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.6rem 2.5rem !important; max-width: 100% !important; }
.mt-table { font-size: 1.35vw; }
.mt-lines { font-size: 1.45vw; }
.mt-metric-label { font-size: 1.25vw; }
.mt-metric-detail, .mt-more, .mt-details { font-size: 1vw; }
.mt-source { font-size: 0.85vw; }
</style>"""


def _e(text: str) -> str:
    return html.escape(text or "")


def slide_header_html(slide: Slide, number: int, total: int, lang: str) -> str:
    counter = t("meeting.counter", lang, n=number, total=total)
    subtitle = f'<div class="mt-subtitle">{_e(slide.subtitle)}</div>' if slide.subtitle else ""
    hero = " mt-hero" if slide.kind == TITLE else ""
    return (f'<div class="mt-head{hero}" style="--mt-accent: {slide.accent}" data-slide-kind="{slide.kind}">'
            f'<div class="mt-counter">{_e(counter)}</div><div class="mt-title">{_e(slide.title)}</div>'
            f"{subtitle}</div>")


def slide_body_html(slide: Slide, side: bool = False) -> str:
    """Metrics, lines, table and empty message of a slide (the chart is drawn separately); `side` when the
    texts sit beside a chart."""
    parts = []
    if slide.metrics:
        # Beside a chart the value stays dark and its change carries the colour (as on the PowerPoint slide).
        tiles = "".join(
            f'<div class="mt-metric"><div class="mt-metric-value" '
            f'style="color:{INK if side else TONE_COLOURS.get(m.tone, INK)}">'
            f'{_e(m.value)}</div><div class="mt-metric-label">{_e(m.label)}</div>'
            + (f'<div class="mt-metric-detail" style="color:{TONE_COLOURS.get(m.tone, MUTED)}">{_e(m.detail)}</div>'
               if m.detail else "") + "</div>"
            for m in slide.metrics)
        size = " mt-metrics-big" if slide.kind == HEADLINE else ""
        parts.append(f'<div class="mt-metrics{size}">{tiles}</div>')
    if slide.table is not None:
        head = "".join(f"<th>{_e(c)}</th>" for c in slide.table.columns)
        body = "".join(
            "<tr>" + "".join(f'<td class="{"mt-toned" if c.tone else ""}" '
                             f'style="color:{TONE_COLOURS.get(c.tone, INK)}">{_e(c.text)}</td>' for c in row)
            + "</tr>" for row in slide.table.rows)
        more = f'<div class="mt-more">{_e(slide.table.more)}</div>' if slide.table.more else ""
        parts.append(f'<table class="mt-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}')
    if slide.lines:
        cls = "mt-lines mt-title-lines" if slide.kind in (TITLE, CLOSING) else "mt-lines"
        parts.append(f'<ul class="{cls}">' + "".join(f"<li>{_e(line)}</li>" for line in slide.lines) + "</ul>")
    if slide.details:
        parts.append(f'<div class="mt-details"><b>{_e(slide.details[0])}</b><ul>'
                     + "".join(f"<li>{_e(d)}</li>" for d in slide.details[1:]) + "</ul></div>")
    if slide.empty:
        parts.append(f'<div class="mt-empty">{_e(slide.empty)}</div>')
    # The sources slide sets its two lists side by side, as on the PowerPoint slide.
    layout = "mt-side" if side else "mt-body mt-two" if slide.kind == CLOSING else "mt-body"
    return f'<div class="{layout}">' + "".join(parts) + "</div>"


def slide_footer_html(slide: Slide) -> str:
    return f'<div class="mt-source">{_e(slide.source)}</div>'


def chart_beside_texts(slide: Slide) -> bool:
    """Whether the page draws the slide's chart in a column beside its texts (as on the PowerPoint slide)."""
    return slide.chart is not None and slide.kind in (DOMAIN, ACTIONS)


# -- "what changed" as display tables (the Meeting page and the CLI) -------------------------------------


def changes_tables(changes: Changes, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """Every list of `changes` as a table with translated headers and labels, in the order of the briefing."""
    c = {name: t(f"meeting.col.{name}", lang) for name in (
        "code", "title", "date", "from", "to", "who", "note", "indicator", "country", "area", "period", "value",
        "unit", "previous_period", "previous_value", "change_abs", "change_pct", "assessment", "new_values",
        "uploaded", "identified_on", "closed_on", "last_event", "days_silent", "severity", "status", "owner_fi",
        "owner_ee", "lead", "due", "completed_on")}
    domain = t("common.domain", lang)

    def labels(frame: pd.DataFrame, column: str, prefix: str) -> pd.Series:
        return frame[column].map(lambda v: _status(v, lang) if prefix == "status" else t(f"{prefix}.{v}", lang))

    ch = changes
    new = ch.new_bottlenecks
    status = ch.status_changes
    closed = ch.closed
    stalled = ch.stalled
    ind = ch.indicators
    return [
        (t("meeting.changes.new", lang), pd.DataFrame({
            c["code"]: new["code"], c["title"]: new["title"], domain: labels(new, "domain", "domain"),
            c["severity"]: new["severity"], c["status"]: labels(new, "status", "status"),
            c["identified_on"]: new["identified_on"]})),
        (t("meeting.changes.status_changes", lang), pd.DataFrame({
            c["date"]: status["date"], c["code"]: status["code"], c["title"]: status["title"],
            domain: labels(status, "domain", "domain"), c["from"]: labels(status, "from_status", "status"),
            c["to"]: labels(status, "to_status", "status"), c["who"]: status["who"], c["note"]: status["note"]})),
        (t("meeting.changes.closed", lang), pd.DataFrame({
            c["code"]: closed["code"], c["title"]: closed["title"], domain: labels(closed, "domain", "domain"),
            c["status"]: labels(closed, "status", "status"), c["closed_on"]: closed["closed_on"]})),
        (t("meeting.changes.stalled", lang, days=format_number(ch.stall_days, lang)), pd.DataFrame({
            c["code"]: stalled["code"], c["title"]: stalled["title"], domain: labels(stalled, "domain", "domain"),
            c["status"]: labels(stalled, "status", "status"), c["last_event"]: stalled["last_event_on"],
            c["days_silent"]: stalled["days_since_event"], c["owner_fi"]: stalled["owner_fi"],
            c["owner_ee"]: stalled["owner_ee"]})),
        (t("meeting.changes.indicators", lang), pd.DataFrame({
            c["indicator"]: ind["name"], domain: labels(ind, "domain", "domain"),
            c["country"]: labels(ind, "country", "side"), c["area"]: ind["area_label"], c["period"]: ind["period"],
            c["value"]: ind["value"], c["unit"]: labels(ind, "unit", "indicators.unit"),
            c["previous_period"]: ind["previous_period"], c["previous_value"]: ind["previous_value"],
            c["change_abs"]: ind["change"], c["change_pct"]: (ind["change_pct"] * 100).round(1),
            c["assessment"]: labels(ind, "assessment", "indicators.assessment"), c["new_values"]: ind["new_values"],
            c["uploaded"]: ind["uploaded_at"]})),
        (t("meeting.changes.actions_overdue", lang), pd.DataFrame({
            c["code"]: ch.actions_overdue["code"], c["title"]: ch.actions_overdue["title"],
            c["lead"]: ch.actions_overdue["lead"], c["due"]: ch.actions_overdue["due"],
            c["status"]: ch.actions_overdue["status"].map(lambda s: t(f"coop.status.{s}", lang))})),
        (t("meeting.changes.actions_done", lang), pd.DataFrame({
            c["code"]: ch.actions_done["code"], c["title"]: ch.actions_done["title"],
            c["lead"]: ch.actions_done["lead"], c["due"]: ch.actions_done["due"],
            c["completed_on"]: ch.actions_done["completed_on"]})),
    ]


# -- PowerPoint ------------------------------------------------------------------------------------------


def _rgb(hex_colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_colour.lstrip("#").upper())


class _Deck:
    """A 16:9 deck (13.333 × 7.5 in) with type sized for a projector; geometry constants at the top of the module."""

    def __init__(self, briefing: Briefing) -> None:
        from pptx import Presentation
        from pptx.util import Emu

        self.briefing = briefing
        self.prs = Presentation()
        # PowerPoint's own 16:9 size ("Widescreen", 33.867 × 19.05 cm).
        self.prs.slide_width, self.prs.slide_height = Emu(12192000), Emu(6858000)
        self.blank = self.prs.slide_layouts[6]
        self.prs.core_properties.title = briefing.meeting_name
        self.prs.core_properties.language = {"en": "en-GB", "fi": "fi-FI", "et": "et-EE"}[briefing.lang]

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
            # 34 pt fits about 40 characters on one line; longer titles get smaller type rather than a second line.
            size = 34 if len(model.title) <= 40 else 30 if len(model.title) <= 48 else 26
            self.text(slide, MARGIN, 0.28, CONTENT_WIDTH, 0.7, [model.title], size=size, bold=True)
            if model.subtitle:
                self.text(slide, MARGIN, 0.98, CONTENT_WIDTH, 0.45, [model.subtitle], size=18, colour=MUTED)
            self.body(slide, model)
        self.text(slide, MARGIN, FOOTER_TOP, CONTENT_WIDTH - 1.2, 0.55, [model.source], size=11, colour=MUTED,
                  space_after=0)
        self.text(slide, SLIDE_WIDTH - MARGIN - 1.1, FOOTER_TOP, 1.1, 0.4, [f"{number} / {total}"], size=12,
                  colour=MUTED, align=PP_ALIGN.RIGHT)
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
                          [(model.details[0], 16, INK, True)] + [(d, 13, INK, False) for d in model.details[1:]],
                          space_after=5)
            return
        if model.metrics:
            per_row = 3 if len(model.metrics) == 6 else len(model.metrics)
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
        """Chart on the left; the latest figure per country and the domain's open bottlenecks on the right."""
        top = BODY_TOP - 0.3
        if model.chart is not None:
            self.chart(slide, model.chart, MARGIN, top, DOMAIN_CHART_WIDTH, BODY_BOTTOM - top, "")
        else:
            self.text(slide, MARGIN, top + 0.3, DOMAIN_CHART_WIDTH, 1.2, [model.empty], size=22, colour=MUTED)
        left = MARGIN + DOMAIN_CHART_WIDTH + 0.35
        width = CONTENT_WIDTH - DOMAIN_CHART_WIDTH - 0.35
        y = top + 0.1
        for metric in model.metrics:
            paragraphs = [(metric.label, 15, MUTED, False), (metric.value, 26, INK, True)]
            if metric.detail:
                paragraphs.append((metric.detail, 15, TONE_COLOURS.get(metric.tone, INK), False))
            self.text(slide, left, y, width, 1.45, paragraphs, space_after=2)
            y += 1.5
        self.text(slide, left, y + 0.1, width, BODY_BOTTOM - y - 0.1,
                  [(model.lines[0], 17, INK, True)] + [(line, 14, INK, False) for line in model.lines[1:]],
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
            parts = [(metric.value, 48 if big else 28, TONE_COLOURS.get(metric.tone, INK), True),
                     (metric.label, 20 if big else 13, INK, False)]
            if metric.detail:
                parts.append((metric.detail, 15 if big else 11, MUTED, False))
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
            self.text(slide, left, bottom + 0.03, width, MORE_HEIGHT, [table.more], size=13, colour=MUTED,
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
        from pptx.oxml.ns import qn
        from pptx.util import Inches, Pt

        # The locale tag makes PowerPoint and LibreOffice group digits the chosen language's way (7 200 000).
        number_format = (f"[$-{LOCALE_IDS[self.briefing.lang]}]#,##0"
                         + ("." + "0" * chart.decimals if chart.decimals else ""))
        data = CategoryChartData(number_format=number_format)
        data.categories = list(chart.categories)
        for s in chart.series:
            data.add_series(s.name, list(s.values))
        kind = {"bar_stacked": XL_CHART_TYPE.BAR_STACKED, "line": XL_CHART_TYPE.LINE_MARKERS,
                "bar": XL_CHART_TYPE.BAR_CLUSTERED}[chart.kind]
        native = slide.shapes.add_chart(kind, Inches(left), Inches(top), Inches(width), Inches(height), data).chart
        native.font.size = Pt(16)
        native.font.color.rgb = _rgb(INK)
        native.has_title = chart.title != slide_title
        if native.has_title:
            native.chart_title.text_frame.text = chart.title
            run = native.chart_title.text_frame.paragraphs[0].runs[0]
            run.font.size, run.font.bold = Pt(18), True
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
        category_axis.tick_labels.font.size = Pt(16 if len(chart.categories) <= 8 else 14)
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
            if _max_total(chart) <= 12:
                value_axis.major_unit = 1
        if chart.kind == "bar":
            plot.gap_width = 60
            plot.has_data_labels = True
            plot.data_labels.font.size = Pt(18)
            plot.data_labels.number_format, plot.data_labels.number_format_is_linked = "0", False
        for native_series, s in zip(plot.series, chart.series, strict=True):
            if chart.kind == "line":
                native_series.smooth = False
                native_series.format.line.color.rgb = _rgb(s.colour)
                native_series.format.line.width = Pt(3.5)
                native_series.marker.style = XL_MARKER_STYLE.CIRCLE
                native_series.marker.size = 8
                native_series.marker.format.fill.solid()
                native_series.marker.format.fill.fore_color.rgb = _rgb(s.colour)
                native_series.marker.format.line.color.rgb = _rgb(s.colour)
            else:
                native_series.format.fill.solid()
                native_series.format.fill.fore_color.rgb = _rgb(s.colour)
                for index, colour in enumerate(s.point_colours):
                    point = native_series.points[index]
                    point.format.fill.solid()
                    point.format.fill.fore_color.rgb = _rgb(colour)

    def save(self, target) -> None:
        total = len(self.briefing.slides)
        for number, model in enumerate(self.briefing.slides, start=1):
            self.add(model, number, total)
        self.prs.save(target)


def write_pptx(briefing: Briefing, path: str | Path) -> Path:
    """Write the briefing as a 16:9 PowerPoint deck with native charts; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _Deck(briefing).save(str(path))
    return path


def pptx_bytes(briefing: Briefing) -> bytes:
    buffer = BytesIO()
    _Deck(briefing).save(buffer)
    return buffer.getvalue()


# -- PDF through LibreOffice -----------------------------------------------------------------------------

PDF_TIMEOUT_S = 180
PDF_INSTALL_HINT = "apt-get install libreoffice-impress"


class PdfUnavailable(RuntimeError):
    """LibreOffice is missing or failed; the message says how to get it."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    return soffice_path() is not None


def convert_to_pdf(pptx_path: str | Path, out_dir: str | Path | None = None) -> Path:
    """Convert a deck with LibreOffice headless; returns the PDF's path (next to the deck by default)."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable(f"LibreOffice is not installed; install it with `{PDF_INSTALL_HINT}` to get a PDF.")
    pptx_path = Path(pptx_path).resolve()
    out_dir = Path(out_dir or pptx_path.parent).resolve()
    with tempfile.TemporaryDirectory(prefix="twinreg-lo-") as profile:
        # A private profile: a LibreOffice already open on the machine (or a parallel conversion) would
        # otherwise take the request or lock the profile.
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(out_dir), str(pptx_path)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=PDF_TIMEOUT_S,
                                    stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(f"LibreOffice did not finish the PDF within {PDF_TIMEOUT_S} s.") from exc
    pdf = out_dir / (pptx_path.stem + ".pdf")
    if result.returncode != 0 or not pdf.is_file():
        raise PdfUnavailable(f"LibreOffice could not convert the deck: {(result.stderr or result.stdout).strip()}")
    return pdf


def pdf_bytes(briefing: Briefing) -> bytes:
    with tempfile.TemporaryDirectory(prefix="twinreg-pdf-") as work:
        deck = write_pptx(briefing, Path(work) / f"{briefing.file_stem()}.pptx")
        return convert_to_pdf(deck).read_bytes()

