"""The yearly report on cross-border obstacles, in the manner of the Nordic Freedom of Movement Council's annual
report: the year in figures, the priority list, the status of every obstacle and what was solved in the year. Built
as a `Briefing` from `queries.register`, so the same renderers write it as PowerPoint and PDF, in every language."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..i18n import N_, NP_, format_day, format_number, t
from ..labels import DOMAIN_LABELS, OUTCOME_LABELS, STATUS_LABELS
from ..queries.provenance import data_as_of
from ..queries.register import obstacles_of_year, reports_of_year, year_bounds
from ..schema import BOTTLENECK_DOMAINS, CLOSED_STATUSES
from ..store import Store
from .fitting import fit_table
from .model import (
    BODY_BOTTOM,
    BODY_TOP,
    CLOSING,
    CONTENT_WIDTH,
    HEADLINE,
    PRIORITY,
    TITLE,
    Briefing,
    Cell,
    Metric,
    Slide,
)

SOURCE = N_("Source: TwinReg bottleneck register, status history and public reports · data as of {date}")
PRIORITY_ROWS = 8  # the priority list: the most severe open obstacles
MAX_STATUS_SLIDES = 8  # the status of each obstacle runs over at most this many slides (the notes list them all)


def _day(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    return format_day(pd.Timestamp(value).date(), lang)


def _status(code: str, lang: str) -> str:
    return t(STATUS_LABELS[code], lang)


def _obstacle(row) -> str:
    return f"{row.code} · {row.title}"


def _pages(columns: tuple[str, ...], rows: list[tuple[Cell, ...]], widths: tuple[float, ...], lang: str,
           limit: int) -> list:
    """The rows as tables of one slide each (at most `limit` slides; the last says how many were left out)."""
    tables, left = [], rows
    while left and len(tables) < limit:
        table = fit_table(columns, left, widths, CONTENT_WIDTH, BODY_BOTTOM - BODY_TOP, len(left), lang, size=14)
        shown = len(table.rows)
        if len(tables) < limit - 1:  # "… and N more" only on the last slide allowed
            table = fit_table(columns, left[:shown], widths, CONTENT_WIDTH, BODY_BOTTOM - BODY_TOP, shown, lang,
                              size=14)
        tables.append(table)
        left = left[shown:]
    return tables


def yearly_report(store: Store, year: int, lang: str, today: dt.date | None = None) -> Briefing:
    """The yearly report for `year` in `lang` (texts of the record in that language, English fallback marked)."""
    today = today or dt.date.today()
    _, end = year_bounds(year, today)
    obstacles = obstacles_of_year(store, year, lang, today)
    counts = reports_of_year(store, year)
    as_of = data_as_of(store)
    as_of_day = as_of.date() if isinstance(as_of, dt.datetime) else as_of
    source = t(SOURCE, lang, date=format_day(as_of_day, lang) if as_of_day else "–")
    title = t("Cross-border obstacles {year}", lang, year=year)
    is_open = ~obstacles["status"].isin(sorted(CLOSED_STATUSES))
    identified = obstacles[pd.to_datetime(obstacles["identified_on"]).dt.year == year]
    solved = obstacles[obstacles["solved_in_year"]]
    written_off = obstacles[obstacles["written_off_in_year"]]
    slides = [Slide(TITLE, title, source, subtitle=t("Yearly report of the TwinReg Monitor", lang), lines=(
        t("Helsinki-Uusimaa (Finland) · Harju County (Estonia)", lang),
        t("Status on {date}", lang, date=format_day(end, lang)),
        t("Made with TwinReg Monitor on {date}", lang, date=format_day(today, lang))))]

    metrics = (
        Metric(t("Obstacles on the table", lang), format_number(len(obstacles), lang)),
        Metric(t("Open at the end of the year", lang), format_number(int(is_open.sum()), lang)),
        Metric(t("Identified in the year", lang), format_number(len(identified), lang)),
        Metric(t("Solved in the year", lang), format_number(len(solved), lang), tone="improved" if len(solved) else ""),
        Metric(t("Written off in the year", lang), format_number(len(written_off), lang)),
        Metric(t("Public reports received", lang), format_number(counts["received"], lang),
               t("{accepted} accepted, {linked} linked, {closed} closed, {open} open", lang,
                 accepted=counts["accepted"], linked=counts["duplicate"], closed=counts["closed"],
                 open=counts["open"])),
    )
    slides.append(Slide(HEADLINE, t("The year in figures", lang), source, metrics=metrics,
                        notes="\n".join(f"{m.label}: {m.value}" + (f" ({m.detail})" if m.detail else "")
                                        for m in metrics)))

    top = obstacles[is_open].sort_values(["severity", "people_high", "identified_on", "code"],
                                         ascending=[False, False, True, True], na_position="last")
    priority_rows = [(Cell(_obstacle(r)), Cell(f"{r.severity} / 5"), Cell(_status(r.status, lang)),
                      Cell(t(DOMAIN_LABELS[r.domain], lang))) for r in top.itertuples()]
    priority = fit_table((t("Obstacle", lang), t(NP_("meeting.col", "Severity"), lang), t("Status", lang),
                          t("Domain", lang)), priority_rows[:PRIORITY_ROWS], (6.0, 1.4, 2.3, 2.5), CONTENT_WIDTH,
                         BODY_BOTTOM - BODY_TOP, len(priority_rows), lang, size=15)
    slides.append(Slide(PRIORITY, t("Priority list", lang), source, table=priority,
                        subtitle=t("Open obstacles: most severe first, then those affecting the most people", lang),
                        empty="" if priority else t("No open obstacles at the end of the year.", lang),
                        notes="\n".join(f"{r.code} {r.title}: {r.severity}/5, {_status(r.status, lang)}"
                                        for r in top.itertuples())))

    solved_rows = [(Cell(_obstacle(r)), Cell(_day(r.closed_in_year, lang)), Cell(
        t(OUTCOME_LABELS[r.outcome], lang) if isinstance(r.outcome, str) else _status(r.status, lang), "improved"))
        for r in solved.itertuples()]
    solved_table = fit_table((t("Obstacle", lang), t("Solved on", lang), t("Outcome", lang)), solved_rows,
                             (7.0, 2.0, 3.2), CONTENT_WIDTH, BODY_BOTTOM - BODY_TOP, len(solved_rows), lang, size=15)
    slides.append(Slide(PRIORITY, t("Solved in {year}", lang, year=year), source, table=solved_table,
                        empty="" if solved_table else t("No obstacle was solved in the year.", lang),
                        notes="\n".join(f"{r.code} {r.title}: {_day(r.closed_in_year, lang)}"
                                        for r in solved.itertuples())))

    order = {domain: i for i, domain in enumerate(BOTTLENECK_DOMAINS)}
    every = obstacles.sort_values(["domain", "code"], key=lambda s: s.map(order) if s.name == "domain" else s)
    status_rows = [(Cell(_obstacle(r)), Cell(t(DOMAIN_LABELS[r.domain], lang)), Cell(
        _status(r.status, lang), "improved" if r.solved_in_year else ""), Cell(_day(r.status_on, lang)))
        for r in every.itertuples()]
    columns = (t("Obstacle", lang), t("Domain", lang), t("Status", lang), t("Since", lang))
    tables = _pages(columns, status_rows, (6.2, 2.3, 2.2, 1.6), lang, MAX_STATUS_SLIDES)
    notes = "\n".join(f"{r.code} {r.title}: {_status(r.status, lang)} ({_day(r.status_on, lang)})"
                      for r in every.itertuples())
    for number, table in enumerate(tables, 1):
        slides.append(Slide(PRIORITY, t("Status of each obstacle", lang) + (
            f" ({number}/{len(tables)})" if len(tables) > 1 else ""), source, table=table, notes=notes))

    lines = (t("Obstacles: TwinReg bottleneck register and its status history", lang),
             t("Public reports: the TwinReg Monitor report form", lang),
             t("Record fields follow Regulation (EU) 2025/925 (BRIDGEforEU)", lang))
    slides.append(Slide(CLOSING, t("Sources", lang), source, lines=lines, notes="\n".join(lines)))
    return Briefing(lang, title, today, dt.date(year, 1, 1), tuple(BOTTLENECK_DOMAINS), as_of_day, tuple(slides))
