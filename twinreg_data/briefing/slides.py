"""Building the briefing's slides from the meeting's read models (queries.meeting.MeetingData), in the chosen
language: pure functions from the data to the `Briefing` model; `build_briefing` reads the data and builds.

Slide order: title, headline figures, what changed (bottlenecks), what changed (indicators and actions),
bottlenecks by domain and status, top priority bottlenecks, one slide per selected domain with its key
indicator, the action plan, sources. `changes_tables` gives "what changed" as display tables (the Meeting page and
the CLI).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..figures.cooperation import ACTION_STATUS_COLOURS
from ..figures.indicators import (
    COUNTRY_COLOURS,
    compared_periods,
    estimate_text,
    flag_label,
    format_value,
    unit_label,
    value_with_unit,
)
from ..figures.overview import STATUS_COLOURS
from ..filters import Filters
from ..i18n import N_, NP_, format_day, format_number, format_pct, t, tn, with_english_mark
from ..labels import (
    COOP_STATUS_LABELS,
    DOMAIN_LABELS,
    INDICATORS_ASSESSMENT_LABELS,
    INDICATORS_COL_LABELS,
    INDICATORS_UNIT_LABELS,
    MEETING_CHANGE_KIND_LABELS,
    MEETING_COL_LABELS,
    SIDE_LABELS,
    STATUS_LABELS,
)
from ..queries.changes import CLOSED, ESCALATED, MOVED, NEW, Changes
from ..queries.comparison import IMPROVED, NEUTRAL, NO_CLEAR_CHANGE, NOT_COMPARABLE, WORSENED
from ..queries.cooperation import FINISHED_STATUSES
from ..queries.meeting import KeyIndicator, MeetingData, meeting_data
from ..schema import ACTION_STATUSES, BOTTLENECK_STATUSES, CLOSED_STATUSES, DOMAIN_COLOURS
from ..store import Store
from .fitting import DOMAIN_METRIC_GAP, domain_metric_height, fit_list, fit_table
from .model import (
    ACTIONS,
    ACTIONS_CHART_WIDTH,
    BODY_BOTTOM,
    BODY_TOP,
    BRAND,
    CHANGES,
    CHANGES_DATA,
    CLOSING,
    CONTENT_WIDTH,
    DOMAIN,
    DOMAIN_BODY_TOP,
    DOMAIN_STATUS,
    DOMAIN_TEXT_WIDTH,
    HEADLINE,
    LINE_HEIGHT,
    PRIORITY,
    STRIP_HEIGHT,
    TITLE,
    Briefing,
    Cell,
    Chart,
    Metric,
    Series,
    Slide,
)

TABLE_ROWS = 6  # rows a table shows on a slide; more would not be readable from the back of a room
# Worse first: what a meeting must discuss comes to the top of the list of indicator changes.
ASSESSMENT_ORDER = {WORSENED: 0, IMPROVED: 1, NEUTRAL: 2, NO_CLEAR_CHANGE: 3, NOT_COMPARABLE: 4}
# The tone of a bottleneck's line: a closure is good news, an escalation needs attention.
KIND_TONES = {CLOSED: IMPROVED, ESCALATED: "overdue", NEW: "", MOVED: ""}
LINES_MAX = 3  # lines of actions under the table of new figures (the notes list every one)


# Source lines of the slides ({date}: the data's date), shared by the slides that draw on the same data.
SOURCE_MONITOR = N_("Source: TwinReg Monitor — bottleneck register, indicators, WP3 action plan · data as of {date}")
SOURCE_REGISTER = N_("Source: TwinReg bottleneck register and status history · data as of {date}")
SOURCE_ACTIONS = N_("Source: TwinReg WP3 action plan · data as of {date}")
NO_INDICATOR_DATA = N_("No indicator data for this domain in the selected period and side.")
NO_BASELINE = N_("No import before {date}: what the database held at the last meeting is unknown, so no figure is "
                 "counted as new.")


# -- small helpers ---------------------------------------------------------------------------------------


def _first_of_list(text: object, lang: str) -> str:
    """'A; B; C' → 'A +2': the first organisation of a ';'-separated list (the notes keep the full list), still
    marked as English when the list is an untranslated fallback."""
    parts = [p.strip() for p in str(text or "").split(";") if p.strip()] if isinstance(text, str) else []
    if not parts:
        return "–"
    first = with_english_mark(str(text), parts[0], lang)
    return first + (f" +{len(parts) - 1}" if len(parts) > 1 else "")


def _day(value: object, lang: str) -> str:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return "–"
    if isinstance(value, pd.Timestamp | dt.datetime):
        value = value.date()
    return format_day(value, lang)


def _status(code: object, lang: str) -> str:
    return t(STATUS_LABELS[code], lang) if isinstance(code, str) and code else t("(new)", lang)


def delta_text(change: float | None, change_pct: float | None, previous_period: str | None, lang: str,
               period: str | None = None) -> str:
    """'+300 000 (+4.3%) 2024 vs 2023' (both periods named when `period` is given; 'vs 2023' otherwise); empty
    when there is no comparable value."""
    if change is None or pd.isna(change):
        return ""
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    text = sign + format_value(abs(change), lang)
    if change_pct is not None and not pd.isna(change_pct) and change != 0:
        text += f" ({sign}{format_pct(abs(change_pct), lang)})"
    if not previous_period or not isinstance(previous_period, str):
        return text
    return text + " " + (compared_periods(period, previous_period, lang) if period
                         else t("vs {period}", lang, period=previous_period))


def verdict_text(row, lang: str) -> str:
    """A figure's verdict and its change with both periods: 'Improved · −6 (−10.9 %) 2026-Q3 vs 2025-Q3' (the
    verdict first: a cell cut short keeps it); the period compared with is marked when its figure is an estimate
    ('2025 vs 2024 (estimate)')."""
    previous = row.previous_period
    if isinstance(previous, str) and previous and bool(getattr(row, "previous_estimate", False)):
        previous = f"{previous} " + t("(estimate)", lang)
    change = delta_text(row.change, row.change_pct, previous, lang, row.period)
    verdict = t(INDICATORS_ASSESSMENT_LABELS[row.assessment], lang)
    return f"{verdict} · {change}" if change else verdict


def figure_text(row, unit: str, lang: str, with_range: bool = True) -> str:
    """'2026-Q3: 49 days (estimate 44.1–53.9)': the figure, its period, and the estimate flag (with its range)."""
    value = value_with_unit(row.value, unit, lang)
    low, high = (row.value_low, row.value_high) if with_range else (None, None)
    return f"{row.period}: " + estimate_text(value, bool(row.estimate), low, high, lang)


# -- slide builders --------------------------------------------------------------------------------------


def _since_text(meeting: MeetingData) -> str:
    return format_day(meeting.since, meeting.lang)


def _as_of_text(meeting: MeetingData) -> str:
    return format_day(meeting.as_of, meeting.lang) if meeting.as_of else t("no data yet", meeting.lang)


def _source(meeting: MeetingData, key: str, **params: object) -> str:
    return t(key, meeting.lang, date=_as_of_text(meeting), **params)


def _domains_text(filters: Filters, lang: str) -> str:
    if not filters.domains:
        return t("All domains", lang)
    return ", ".join(t(DOMAIN_LABELS[d], lang) for d in filters.domains)


def _title_slide(meeting: MeetingData, meeting_name: str) -> Slide:
    lang = meeting.lang
    lines = (
        t("Helsinki-Uusimaa (Finland) · Harju County (Estonia)", lang),
        format_day(meeting.today, lang),
        t("Domains: {domains}", lang, domains=_domains_text(meeting.filters, lang)),
        t("Changes since {date}", lang, date=_since_text(meeting)),
    )
    notes = "\n".join([meeting_name, *lines, t("Data as of {date} (latest import).", lang, date=_as_of_text(meeting))])
    return Slide(TITLE, meeting_name, _source(meeting, SOURCE_MONITOR),
                 subtitle=t("Cross-border bottlenecks between "
        "Helsinki-Uusimaa and Harju County", lang),
                 lines=lines, notes=notes)


def _is_open(register: pd.DataFrame) -> pd.Series:
    return ~register["status"].isin(sorted(CLOSED_STATUSES))


def _headline_slide(meeting: MeetingData) -> Slide:
    lang, counts = meeting.lang, meeting.changes.counts()
    summary = meeting.action_summary
    open_count = int(_is_open(meeting.register).sum())
    metrics = (
        Metric(t("Open bottlenecks", lang), format_number(open_count, lang),
               t("of {total} in the register", lang, total=format_number(len(meeting.register), lang))),
        Metric(t("New since {date}", lang, date=_since_text(meeting)),
               format_number(counts["new"], lang)),
        Metric(t("Resolved or written off since {date}",
                 lang, date=_since_text(meeting)), format_number(counts["closed"], lang),
               tone=IMPROVED if counts["closed"] else ""),
        Metric(t(NP_("meeting.metric", "Stalled"), lang), format_number(counts["stalled"], lang),
               t("no event for more than {days} days", lang, days=format_number(meeting.changes.stall_days, lang)),
               tone=WORSENED if counts["stalled"] else ""),
        Metric(t(NP_("meeting.metric", "Actions done"), lang), f"{format_number(summary.done, lang)} / "
               f"{format_number(summary.total, lang)}", t("of the action plan", lang)),
        Metric(t("Actions overdue", lang), format_number(summary.overdue, lang),
               tone="overdue" if summary.overdue else ""),
    )
    notes = "\n".join(f"{m.label}: {m.value}" + (f" ({m.detail})" if m.detail else "") for m in metrics)
    return Slide(HEADLINE, t("Headline figures", lang), _source(meeting, SOURCE_MONITOR), metrics=metrics,
                 notes=notes + "\n" + t("Data as of {date} (latest import).", lang, date=_as_of_text(meeting)))


def path_text(path: list[str] | tuple[str, ...], from_status: str | None, lang: str) -> str:
    """A bottleneck's whole path in the window: '(new) → Identified → Analysed → Prioritised'."""
    steps = ([] if isinstance(from_status, str) and from_status else [t("(new)", lang)])
    return " → ".join(steps + [_status(status, lang) for status in path])


def _window_text(meeting: MeetingData) -> str:
    return t("Since the last meeting: {since} – {today}", meeting.lang, since=_since_text(meeting),
             today=format_day(meeting.today, meeting.lang))


def _kind(kind: str, lang: str) -> str:
    return t(MEETING_CHANGE_KIND_LABELS[kind], lang)


def _changes_slide(meeting: MeetingData) -> Slide:
    lang, ch = meeting.lang, meeting.changes
    counts = ch.counts()
    metrics = (
        Metric(t("Resolved or written off", lang), format_number(counts[CLOSED], lang),
               tone=IMPROVED if counts[CLOSED] else ""),
        Metric(_kind(ESCALATED, lang), format_number(counts[ESCALATED], lang),
               tone="overdue" if counts[ESCALATED] else ""),
        Metric(t("New bottlenecks", lang), format_number(counts[NEW], lang)),
        Metric(_kind(MOVED, lang), format_number(counts[MOVED], lang)),
        Metric(t("Stalled (over {days} days)", lang, days=format_number(ch.stall_days, lang)),
               format_number(counts["stalled"], lang), tone=WORSENED if counts["stalled"] else ""),
    )
    lines = ch.bottlenecks  # one line per bottleneck, closed first, then escalated, new, moved
    table = fit_table(
        (t("Bottleneck", lang), t("Change", lang), t(NP_("meeting.col", "Date"), lang), t("Who", lang)),
        [(Cell(f"{r.code} · {r.title}"), Cell(path_text(r.path, r.from_status, lang), KIND_TONES[r.kind]),
          Cell(_day(r.last_date, lang)), Cell(_first_of_list(r.who, lang)))
         for r in lines.head(TABLE_ROWS).itertuples()],
        (4.5, 4.2, 1.6, 2.0), CONTENT_WIDTH, BODY_BOTTOM - BODY_TOP - STRIP_HEIGHT - 0.2, len(lines), lang)
    notes = [_window_text(meeting)]
    notes += [f"{m.label}: {m.value}" for m in metrics]
    for kind in (CLOSED, ESCALATED, NEW, MOVED):
        of_kind = ch.of_kind(kind)
        if of_kind.empty:
            continue
        notes += [_kind(kind, lang) + ":"] + [
            f"  {r.code} {r.title}: {path_text(r.path, r.from_status, lang)} ({_day(r.last_date, lang)})"
            + (f" — {r.who}" if isinstance(r.who, str) else "") for r in of_kind.itertuples()]
    notes += [t("Stalled:", lang)] + [
        f"  {r.code} {r.title}: " + t("no event for {days} days", lang, days=format_number(r.days_since_event, lang))
        for r in ch.stalled.itertuples()]
    source = _source(meeting, SOURCE_REGISTER)
    return Slide(CHANGES, t("What changed: bottlenecks", lang), source,
                 subtitle=_window_text(meeting), metrics=metrics, table=table,
                 empty="" if table else t("No status changes since {date}.", lang, date=_since_text(meeting)),
                 notes="\n".join(notes))


def _action_line(row, lang: str) -> str:
    """An action by its title and lead, never its bare code: 'e-ID pilot (Uusimaa Regional Council)'."""
    return t("{title} (lead: {lead})", lang, title=row.title, lead=row.lead)


def _changes_data_slide(meeting: MeetingData) -> Slide:
    lang, ch = meeting.lang, meeting.changes
    counts = ch.counts()
    metrics = (
        Metric(t("New figures", lang), format_number(counts["new_figures"], lang)),
        Metric(t("Improved", lang), format_number(counts["improved"], lang), tone=IMPROVED),
        Metric(t("Worsened", lang), format_number(counts["worsened"], lang), tone=WORSENED),
        Metric(t("Revised figures", lang), format_number(counts["revised"], lang)),
        Metric(t(NP_("meeting.changes", "Actions done"), lang), format_number(counts["actions_done"], lang)),
        Metric(t("Actions now overdue", lang), format_number(counts["actions_overdue"], lang),
               tone="overdue" if counts["actions_overdue"] else ""),
    )
    frame = ch.indicators.assign(
        _order=ch.indicators["assessment"].map(ASSESSMENT_ORDER).fillna(9),
        _size=ch.indicators["change_pct"].abs().fillna(0),
    ).sort_values(["_order", "_size"], ascending=[True, False])
    actions = ([t("Now overdue: {action}", lang, action=_action_line(r, lang))
                for r in ch.actions_overdue.itertuples()]
               + [t("Done: {action}", lang, action=_action_line(r, lang)) for r in ch.actions_done.itertuples()])
    lines = actions[:LINES_MAX]
    if len(actions) > LINES_MAX:
        lines.append(tn("… and {n} more action (see the notes)", "… and {n} more actions (see the notes)",
                        len(actions) - LINES_MAX, lang))
    table = fit_table(
        (t("Indicator", lang), t("Country", lang), t("Latest value", lang), t("Change", lang)),
        [(Cell(r.name), Cell(t(SIDE_LABELS[r.country], lang)), Cell(figure_text(r, r.unit, lang, with_range=False)),
          Cell(verdict_text(r, lang), r.assessment)) for r in frame.head(TABLE_ROWS).itertuples()],
        (3.7, 1.3, 3.0, 4.7), CONTENT_WIDTH,
        BODY_BOTTOM - BODY_TOP - STRIP_HEIGHT - 0.2 - LINE_HEIGHT * len(lines), len(frame), lang)
    notes = [_window_text(meeting)] + [f"{m.label}: {m.value}" for m in metrics]
    if not ch.baseline:
        notes.append(t(NO_BASELINE, lang, date=_since_text(meeting)))
    notes += [t("New figures:", lang)] + [
        f"  {r.name} ({_series_name(r.country, r.area, r.area_label, lang)}) {figure_text(r, r.unit, lang)}; "
        f"{verdict_text(r, lang)}" for r in frame.itertuples()]
    notes += [t("Revised figures:", lang)] + [
        f"  {r.name} ({_series_name(r.country, r.area, r.area_label, lang)}) {r.period}: "
        f"{format_value(r.old_value, lang)} → {value_with_unit(r.value, r.unit, lang)}"
        + (" " + t("(estimate)", lang) if r.flag == "estimate" else "") for r in ch.revisions.itertuples()]
    notes += [t("Actions done:", lang)] + [
        f"  {r.title} — {r.lead} ({_day(r.completed_on, lang)})" for r in ch.actions_done.itertuples()]
    notes += [t("Actions that became overdue:", lang)] + [
        f"  {r.title} — {r.lead}: " + t("due {date}", lang, date=_day(r.due, lang))
        for r in ch.actions_overdue.itertuples()]
    empty = (t("No new indicator data since {date}.", lang, date=_since_text(meeting)) if ch.baseline
             else t(NO_BASELINE, lang, date=_since_text(meeting)))
    return Slide(CHANGES_DATA, t("What changed: indicators and actions",
                                 lang), _source(meeting, N_("Source: TwinReg Monitor import "
        "history (indicator data) and WP3 "
        "action plan · data as of {date}")),
                 subtitle=_window_text(meeting), metrics=metrics, table=table, lines=tuple(lines),
                 empty="" if table else empty, notes="\n".join(notes))


def _domain_status_slide(meeting: MeetingData) -> Slide:
    lang = meeting.lang
    counts = meeting.status_counts
    domains = [d for d in meeting.filters.domain_list if d in set(counts["domain"])]
    title = t("Bottlenecks by domain and status", lang)
    chart = None
    if domains:
        table = counts.pivot_table(index="domain", columns="status", values="count", aggfunc="sum", fill_value=0)
        statuses = [s for s in BOTTLENECK_STATUSES if s in table.columns]
        chart = Chart(
            "bar_stacked", title, tuple(t(DOMAIN_LABELS[d], lang) for d in domains),
            tuple(Series(t(STATUS_LABELS[s], lang), tuple(float(table.at[d, s]) for d in domains), STATUS_COLOURS[s])
                  for s in statuses),
            t("Number of bottlenecks", lang),
        )
    notes = [f"{t(DOMAIN_LABELS[d], lang)}: " + ", ".join(
        f"{t(STATUS_LABELS[r.status], lang)} {r.count}"
        for r in counts[counts["domain"] == d].sort_values(
            "status", key=lambda s: s.map(BOTTLENECK_STATUSES.index)).itertuples()) for d in domains]
    return Slide(DOMAIN_STATUS, title, _source(meeting, SOURCE_REGISTER), chart=chart,
                 empty="" if chart else t("No bottlenecks in the selected domains.", lang), notes="\n".join(notes))


def _priority_slide(meeting: MeetingData) -> Slide:
    lang = meeting.lang
    open_rows = meeting.register[_is_open(meeting.register)]
    top = open_rows.sort_values(["severity", "people_high", "age_days", "code"],
                                ascending=[False, False, False, True], na_position="last").head(TABLE_ROWS)
    table = fit_table(
        (t("Bottleneck", lang), t(NP_("meeting.col", "Severity"), lang), t("Status", lang),
         t("Owner in Finland", lang), t("Owner in Estonia", lang)),
        [(Cell(f"{r.code} · {r.title}"), Cell(f"{r.severity} / 5"),
          Cell(_status(r.status, lang), WORSENED if r.stalled else ""), Cell(_first_of_list(r.owner_fi, lang)),
          Cell(_first_of_list(r.owner_ee, lang))) for r in top.itertuples()],
        (3.65, 1.65, 2.15, 2.7, 2.7), CONTENT_WIDTH, BODY_BOTTOM - BODY_TOP, len(open_rows), lang, size=15)
    notes = [t("Open bottlenecks: most severe first, then those affecting the most people", lang)] + [
        f"{r.code} {r.title}: " + t(NP_("meeting.col", "Severity"),
                                    lang) + f" {r.severity}/5, {_status(r.status, lang)}, "
        + tn("open for {n} day", "open for {n} days", r.age_days, lang)
        + (", " + t("{low}–{high} people affected", lang, low=format_number(r.people_low, lang),
                    high=format_number(r.people_high, lang))
           if pd.notna(r.people_low) and pd.notna(r.people_high) else "")
        + f"; FI: {r.owner_fi or '–'}; EE: {r.owner_ee or '–'}" for r in top.itertuples()]
    return Slide(PRIORITY, t("Top priority bottlenecks",
                             lang), _source(meeting, N_("Source: TwinReg bottleneck register "
        "and status history · data as of {date}")), table=table,
                 subtitle=t("Open bottlenecks: most severe first, then those affecting the most people", lang),
                 empty="" if table else t("No open bottlenecks in the selected domains.", lang), notes="\n".join(notes))


def _series_name(country: str, area: str, area_label: str, lang: str) -> str:
    country_label = t(SIDE_LABELS[country], lang)
    return country_label if area == country else f"{country_label} · {area_label}"


def indicator_chart(series: pd.DataFrame, name: str, unit: str, lang: str) -> Chart | None:
    """Line chart of an indicator's headline area per country (Finland, then Estonia), values as stored; estimates
    are marked per point (drawn dashed) and their ranges go with the series (drawn as a band)."""
    headline = series[series["area_rank"] == 1]
    if headline.empty:
        return None
    periods = headline[["period", "period_start"]].drop_duplicates("period").sort_values("period_start")

    def column(frame: pd.DataFrame, name: str) -> list:
        values = frame.set_index("period")[name].reindex(periods["period"])
        return [None if pd.isna(v) else v for v in values]

    chart_series = []
    for country in ("FI", "EE"):
        rows = headline[headline["country"] == country].drop_duplicates("period")
        if rows.empty:
            continue
        first = rows.iloc[0]
        values = column(rows, "value")
        flags = column(rows, "flag")
        lows, highs = column(rows, "value_low"), column(rows, "value_high")
        estimated = tuple(f == "estimate" or lo is not None or hi is not None
                          for f, lo, hi in zip(flags, lows, highs, strict=True))
        has_range = any(v is not None for v in lows + highs)
        chart_series.append(Series(
            _series_name(country, first["area"], first["area_label"], lang),
            tuple(None if v is None else float(v) for v in values), COUNTRY_COLOURS[country],
            estimated=estimated if any(estimated) else (),
            low=tuple(None if v is None else float(v) for v in lows) if has_range else (),
            high=tuple(None if v is None else float(v) for v in highs) if has_range else ()))
    decimals = 0 if all(v is None or float(v).is_integer() or abs(v) >= 1000
                        for s in chart_series for v in s.values) else 1
    titles = {key: _column_title(key, lang) for key in ("low", "high", "flag")}
    dates = tuple(pd.Timestamp(d).date() for d in periods["period_start"])
    return Chart("line", name, tuple(periods["period"]), tuple(chart_series), unit_label(unit, lang), decimals,
                 dates=dates, low_title=titles["low"], high_title=titles["high"], flag_title=titles["flag"],
                 estimate_label=flag_label("estimate", lang))


def _column_title(key: str, lang: str) -> str:
    return t(INDICATORS_COL_LABELS[key], lang)


def _domain_slide(meeting: MeetingData, domain: str, key: KeyIndicator | None) -> tuple[Slide, str | None]:
    """A domain's slide and the source of its key indicator (None when it has none)."""
    lang = meeting.lang
    in_domain = meeting.register[meeting.register["domain"] == domain]
    open_rows = in_domain[_is_open(in_domain)].sort_values(["severity", "code"], ascending=[False, True])
    stalled = int(in_domain["stalled"].astype(bool).sum())
    head = t("Open bottlenecks: {n} (stalled: {stalled})", lang, n=format_number(len(open_rows), lang),
             stalled=format_number(stalled, lang))
    # The status before the title: a title cut to two lines keeps it.
    listed = [f"{r.code} ({_status(r.status, lang)}) · {r.title}" for r in open_rows.itertuples()]
    meta = key.meta if key else None
    chart, metrics, notes = None, [], []
    if key is not None:
        chart = indicator_chart(key.series, key.meta.name, key.meta.unit, lang)
        for r in key.latest.itertuples():
            label = f"{_series_name(r.country, r.area, r.area_label, lang)} ({r.period})"
            if r.estimate:
                label += " · " + flag_label("estimate", lang)
            metrics.append(Metric(label, value_with_unit(r.value, r.unit, lang), verdict_text(r, lang),
                                  r.assessment))
            notes.append(f"{_series_name(r.country, r.area, r.area_label, lang)} {figure_text(r, r.unit, lang)}; "
                         f"{verdict_text(r, lang)}")
        if chart is not None:
            mark = " (" + flag_label("estimate", lang) + ")"
            notes.append(t("Series:", lang) + " " + "; ".join(
                f"{s.name}: " + ", ".join(f"{c} {format_value(v, lang)}" + (mark if s.estimated and s.estimated[i]
                                                                            else "")
                                          for i, (c, v) in enumerate(zip(chart.categories, s.values, strict=True))
                                          if v is not None)
                for s in chart.series))
    # The open bottlenecks fill the column below the figures, as many as fit; "+N more" says how many are left.
    below = DOMAIN_BODY_TOP + 0.1 + sum(domain_metric_height(m) + DOMAIN_METRIC_GAP for m in metrics)
    lines = fit_list(head, listed, DOMAIN_TEXT_WIDTH, BODY_BOTTOM - below - 0.1, lang)
    source = (t("Source: {source}; TwinReg bottleneck register · data as of {date}",
                lang, source=meta.source, date=_as_of_text(meeting)) if meta
              else _source(meeting, SOURCE_REGISTER))
    notes = ([t("Key indicator: {name}", lang, name=meta.name)] if meta else []) + [head, *listed] + notes
    return Slide(DOMAIN, t(DOMAIN_LABELS[domain], lang), source, metrics=tuple(metrics), lines=tuple(lines),
                 chart=chart, empty="" if chart else t(NO_INDICATOR_DATA, lang), notes="\n".join(notes),
                 accent=DOMAIN_COLOURS[domain], domain=domain), meta.source if meta else None


def _actions_slide(meeting: MeetingData) -> Slide:
    lang = meeting.lang
    actions = meeting.actions
    chart, table = None, None
    if not actions.empty:
        counts = actions["status"].value_counts()
        chart = Chart("bar", t("Actions by status", lang),
                      tuple(t(COOP_STATUS_LABELS[s], lang) for s in ACTION_STATUSES),
                      (Series(t("Number of actions", lang), tuple(float(counts.get(s, 0)) for s in ACTION_STATUSES),
                              BRAND, tuple(ACTION_STATUS_COLOURS[s] for s in ACTION_STATUSES)),),
                      t("Number of actions", lang))
        pending = actions[~actions["status"].isin(list(FINISHED_STATUSES))]
        pending = pending.sort_values(["overdue", "due", "code"], ascending=[False, True, True])
        table = fit_table(
            (t(NP_("meeting.col", "Action"), lang), t("Due", lang), t("Status", lang)),
            [(Cell(f"{r.code} · {r.title}"), Cell(_day(r.due, lang), "overdue" if r.overdue else ""),
              Cell(t("Overdue", lang) if r.overdue else t(COOP_STATUS_LABELS[r.status], lang),
                   "overdue" if r.overdue else "")) for r in pending.head(TABLE_ROWS).itertuples()],
            (4.1, 1.75, 1.75), CONTENT_WIDTH - ACTIONS_CHART_WIDTH - 0.3, BODY_BOTTOM - BODY_TOP, len(pending), lang,
            size=15)
    summary = meeting.action_summary
    notes = [t("Action plan: {total} actions, {done} done, {ongoing} ongoing, {overdue} overdue.",
               lang, total=summary.total, done=summary.done, ongoing=summary.ongoing,
               overdue=summary.overdue)]
    if not actions.empty:
        notes += [f"{r.code} {r.title}: {t(COOP_STATUS_LABELS[r.status], lang)}, "
                  + t("due {date}", lang, date=_day(r.due, lang)) + f", {r.lead}"
                  + (" — " + t("Overdue", lang) if r.overdue else "") for r in actions.itertuples()]
    return Slide(ACTIONS, t("Action plan status", lang), _source(meeting, SOURCE_ACTIONS), chart=chart,
                 table=table, empty="" if chart else t("No actions of the action plan in this selection.",
                                                       lang), notes="\n".join(notes))


def _closing_slide(meeting: MeetingData, indicator_sources: list[tuple[str, str | None]]) -> Slide:
    lang = meeting.lang
    lines = (t("Bottlenecks: TwinReg bottleneck register and its status history (interviews, roundtables, surveys)",
               lang), t("Actions: TwinReg WP3 action plan", lang),
             t("Data as of {date} (latest import into TwinReg Monitor)", lang, date=_as_of_text(meeting)),
             t("Briefing made with TwinReg Monitor on {date}", lang, date=format_day(meeting.today, lang)))
    sources = [f"{t(DOMAIN_LABELS[domain], lang)}: {source}" for domain, source in indicator_sources if source]
    details: tuple[str, ...] = ()
    if sources:  # as many as fit the right half of the slide (the notes have them all)
        details = tuple(fit_list(t("Key indicators by domain", lang), sources, (CONTENT_WIDTH - 0.4) / 2,
                                 BODY_BOTTOM - BODY_TOP, lang, head_size=16, space_after=5))
    return Slide(CLOSING, t("Sources", lang), _source(meeting, SOURCE_MONITOR), lines=lines,
                 details=details, notes="\n".join([*lines, t("Key indicators by domain", lang), *sources]))


def briefing_from(meeting: MeetingData, meeting_name: str | None = None) -> Briefing:
    """The briefing built from the meeting's read models (no database access: the same data, the same slides)."""
    lang = meeting.lang
    name = (meeting_name or "").strip() or t("TwinReg steering group", lang)
    domain_slides, sources = [], []
    for domain, key in meeting.key_indicators.items():
        slide, source = _domain_slide(meeting, domain, key)
        domain_slides.append(slide)
        sources.append((domain, source))
    slides = (
        _title_slide(meeting, name), _headline_slide(meeting), _changes_slide(meeting), _changes_data_slide(meeting),
        _domain_status_slide(meeting), _priority_slide(meeting), *domain_slides, _actions_slide(meeting),
        _closing_slide(meeting, sources),
    )
    return Briefing(lang, name, meeting.today, meeting.since, tuple(meeting.filters.domain_list), meeting.as_of,
                    slides, meeting.changes)


def build_briefing(store: Store, filters: Filters, since: dt.date | None = None, today: dt.date | None = None,
                   meeting_name: str | None = None) -> Briefing:
    """The briefing for the chosen language, domains and side; "what changed" runs from `since` (default: 90 days
    before `today`) to `today`."""
    return briefing_from(meeting_data(store, filters, since, today), meeting_name)


# -- "what changed" as display tables (the Meeting page and the CLI) -------------------------------------


def changes_tables(changes: Changes, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """Every list of `changes` as a table with translated headers and labels, in the order of the briefing: each
    change once (a bottleneck on one line with its whole path), so a table's length is the slides' count."""
    c = {name: t(MEETING_COL_LABELS[name], lang) for name in (
        "code", "title", "kind", "path", "date", "who", "indicator", "country", "area", "period", "value", "unit",
        "estimate", "low", "high", "compared_with", "previous_value", "change_abs", "change_pct", "assessment",
        "new_values", "uploaded", "old_value", "last_event", "days_silent", "status", "owner_fi", "owner_ee", "lead",
        "due", "completed_on")}
    domain = t("Domain", lang)

    def mapped(values: pd.Series, label) -> pd.Series:
        return values.map(lambda v: label(v) if isinstance(v, str) and v else "").astype(object)

    def domains(frame: pd.DataFrame) -> pd.Series:
        return mapped(frame["domain"], lambda d: t(DOMAIN_LABELS[d], lang))

    def statuses(frame: pd.DataFrame, column: str) -> pd.Series:
        return mapped(frame[column], lambda s: _status(s, lang))

    def countries(frame: pd.DataFrame) -> pd.Series:
        return mapped(frame["country"], lambda v: t(SIDE_LABELS[v], lang))

    def units(frame: pd.DataFrame) -> pd.Series:
        return mapped(frame["unit"], lambda u: t(INDICATORS_UNIT_LABELS[u], lang))

    def days(values: pd.Series) -> pd.Series:
        # Days, not timestamps: a table shows 9 Sep 2026, never 2026-09-09 00:00:00.
        return values.map(lambda v: None if v is None or pd.isna(v) else pd.Timestamp(v).date()).astype(object)

    def estimates(flags: pd.Series) -> pd.Series:
        return flags.map(lambda f: flag_label("estimate", lang) if f else "").astype(object)

    ch = changes
    lines, stalled, ind, rev = ch.bottlenecks, ch.stalled, ch.indicators, ch.revisions
    return [
        (t("Bottlenecks whose status changed", lang), pd.DataFrame({
            c["kind"]: lines["kind"].map(lambda k: _kind(k, lang)), c["code"]: lines["code"],
            c["title"]: lines["title"], domain: domains(lines),
            c["path"]: [path_text(p, f, lang) for p, f in zip(lines["path"], lines["from_status"], strict=True)],
            c["date"]: days(lines["last_date"]), c["who"]: lines["who"]})),
        (t("Stalled (over {days} days)", lang, days=format_number(ch.stall_days, lang)), pd.DataFrame({
            c["code"]: stalled["code"], c["title"]: stalled["title"], domain: domains(stalled),
            c["status"]: statuses(stalled, "status"), c["last_event"]: days(stalled["last_event_on"]),
            c["days_silent"]: stalled["days_since_event"], c["owner_fi"]: stalled["owner_fi"],
            c["owner_ee"]: stalled["owner_ee"]})),
        (t("New figures", lang), pd.DataFrame({
            c["indicator"]: ind["name"], domain: domains(ind), c["country"]: countries(ind),
            c["area"]: ind["area_label"], c["period"]: ind["period"], c["value"]: ind["value"],
            c["unit"]: units(ind), c["estimate"]: estimates(ind["estimate"]), c["low"]: ind["value_low"],
            c["high"]: ind["value_high"], c["compared_with"]: ind["previous_period"],
            c["previous_value"]: ind["previous_value"], c["change_abs"]: ind["change"],
            c["change_pct"]: (pd.to_numeric(ind["change_pct"]) * 100).round(1),
            c["assessment"]: mapped(ind["assessment"], lambda a: t(INDICATORS_ASSESSMENT_LABELS[a], lang)),
            c["new_values"]: ind["new_values"], c["uploaded"]: ind["uploaded_at"]})),
        (t("Revised figures", lang), pd.DataFrame({
            c["indicator"]: rev["name"], domain: domains(rev), c["country"]: countries(rev),
            c["area"]: rev["area_label"], c["period"]: rev["period"], c["old_value"]: rev["old_value"],
            c["value"]: rev["value"], c["unit"]: units(rev), c["estimate"]: estimates(rev["flag"] == "estimate"),
            c["uploaded"]: rev["uploaded_at"]})),
        (t("Actions now overdue", lang), pd.DataFrame({
            c["title"]: ch.actions_overdue["title"], c["lead"]: ch.actions_overdue["lead"],
            c["due"]: days(ch.actions_overdue["due"]),
            c["status"]: ch.actions_overdue["status"].map(lambda s: t(COOP_STATUS_LABELS[s], lang)),
            c["code"]: ch.actions_overdue["code"]})),
        (t(NP_("meeting.changes", "Actions done"), lang), pd.DataFrame({
            c["title"]: ch.actions_done["title"], c["lead"]: ch.actions_done["lead"],
            c["due"]: days(ch.actions_done["due"]), c["completed_on"]: days(ch.actions_done["completed_on"]),
            c["code"]: ch.actions_done["code"]})),
    ]
