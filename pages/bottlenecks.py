"""Bottlenecks: searchable register, priority matrix and the detail of one bottleneck (kept in the link as ?bn=)."""

from functools import partial

import streamlit as st

from pages._ui import about, chart, chart_alternative, downloads, empty_state, filters, keep_in_link, stop_page
from twinreg_data.briefing import pdf_available
from twinreg_data.exports import register_bytes, with_codes, yearly_report_bytes
from twinreg_data.figures import bottlenecks as figures
from twinreg_data.figures import date_display_format, readable_text
from twinreg_data.i18n import N_, NP_, format_number, t, tn
from twinreg_data.labels import BOTTLENECKS_DETAIL_LABELS, BOTTLENECKS_DETAIL_NO_LABELS, STATUS_LABELS
from twinreg_data.queries import bottlenecks as queries
from twinreg_data.queries import register as register_queries
from twinreg_data.queries.overview import stall_days
from twinreg_data.schema import BOTTLENECK_STATUSES
from twinreg_data.st_cache import cached, store
from twinreg_data.textsafe import markdown_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
view = filters()
lang = view.lang
st.title(t("Bottlenecks", lang))
# Every bottleneck on the table in the selected period; only an empty selection asks whether there are any at all.
selection = cached(queries.register, view, queries.RegisterFilter())
if selection.empty and not cached(queries.has_bottlenecks):
    empty_state(lang, N_("The bottleneck register is empty. An official can import the demo workbooks with `python "
                         "-m twinreg_data init --demo`, or upload a filled template on the Data page."))
    stop_page()


def open_bottleneck(code: str | None) -> None:
    """Remember the open bottleneck in the session and in the link, so that the link reproduces the view."""
    st.session_state["bn-open"] = code
    keep_in_link("bn", code)


def on_row_selected(codes: list[str]) -> None:
    rows = st.session_state["bn-register"]["selection"]["rows"]
    if rows and rows[0] < len(codes):
        open_bottleneck(codes[rows[0]])


def on_point_selected() -> None:
    points = st.session_state["bn-matrix"]["selection"]["points"]
    if points and points[0].get("customdata"):
        open_bottleneck(points[0]["customdata"][0])


# The link wins; the session remembers the open bottleneck when the user visits another page and comes back.
# A code that does not exist is dropped quietly.
wanted = st.query_params.get("bn") or st.session_state.get("bn-open")
detail = cached(queries.detail, wanted, lang) if queries.is_code(wanted) else None
open_bottleneck(detail.code if detail else None)

st.caption(t("Search and filter the register. Select a row or a point in the priority matrix to open a bottleneck.",
             lang) + " " + t("Period {start}–{end}: bottlenecks identified by the end of {end} and not closed before "
                             "{start}. Status is the current one; ages are counted to today.", lang,
                             start=view.year_from, end=view.year_to))
# The register's own filters come from the link on arrival (an invalid value is ignored with a notice); afterwards
# the widgets own them and every run writes them back into the link.
if "bn-search" not in st.session_state:
    linked, ignored = queries.register_filter_from_query(
        {name: st.query_params.get_all(name) for name in queries.REGISTER_PARAMS})
    st.session_state.update({"bn-search": linked.search, "bn-status": list(linked.statuses),
                             "bn-severity": (linked.severity_min, linked.severity_max), "bn-owner": linked.owner,
                             "bn-age": linked.min_age_years, "bn-ignored": ignored})
if st.session_state.get("bn-ignored"):
    st.caption(t("Ignored invalid link parameter(s): {params}", lang,
                 params=markdown_text(", ".join(st.session_state["bn-ignored"]))))
search_col, status_col, severity_col, owner_col, age_col = st.columns([3, 3, 2, 3, 2])
search = search_col.text_input(t(NP_("bottlenecks.filter", "Search"), lang), key="bn-search",
                               placeholder=t("Code, title or description", lang),
                               help=t("Finds text in the code, title and description in the chosen language (English "
                                      "where no translation exists). Not case-sensitive.", lang))
statuses = status_col.multiselect(t("Status", lang), BOTTLENECK_STATUSES, key="bn-status",
                                  format_func=lambda s: t(STATUS_LABELS[s], lang),
                                  placeholder=t("All statuses", lang))
severity = severity_col.slider(t("Severity (1 minor – 5 blocking)", lang), 1, 5, key="bn-severity")
owner = owner_col.text_input(t("Owner", lang), key="bn-owner",
                             placeholder=t("Finnish or Estonian owner", lang))
min_age = age_col.number_input(t("Open for at least (years)", lang), 0, queries.MAX_OPEN_FOR, step=1, key="bn-age",
                               help=t("Age of an open bottleneck: time since it was identified. For a closed one: "
                                      "how long it was open.", lang))
local = queries.RegisterFilter(search=search, statuses=tuple(statuses), severity_min=severity[0],
                               severity_max=severity[1], owner=owner, min_age_years=int(min_age))
in_link = queries.register_filter_to_query(local)
for name in queries.REGISTER_PARAMS:
    keep_in_link(name, in_link.get(name, []))
# Without a page-local filter the register is the selection itself (asked again, the cache would copy it once more).
register = selection if local == queries.RegisterFilter() else cached(queries.register, view, local)
total = len(selection)
register_source = t("TwinReg Monitor, bottleneck register", lang)
local_filters = tuple((label, value) for label, value in (
    (t(NP_("bottlenecks.filter", "Search"), lang), search.strip()),
    (t("Status", lang), ", ".join(t(STATUS_LABELS[s], lang) for s in statuses)),
    (t("Severity (1 minor – 5 blocking)", lang), f"{severity[0]}–{severity[1]}" if severity != (1, 5) else ""),
    (t("Owner", lang), owner.strip()),
    (t("Open for at least (years)", lang), str(int(min_age)) if min_age else "")) if value)
codes = register["code"].tolist()

register_tab, matrix_tab = st.tabs([t("Register", lang), t("Priority matrix", lang)])
with register_tab:
    if register.empty:
        empty_state(lang, N_("No bottleneck matches the search and filters. Clear the search, widen the filters "
                             "above, or widen the domains, side or period in the sidebar."))
    else:
        st.subheader(t("Bottleneck register", lang))
        count = tn("{shown} of {n} bottleneck", "{shown} of {n} bottlenecks", total, lang,
                   shown=format_number(len(register), lang))
        st.caption(count + " · " + t("Select a row to open the bottleneck below. Source: TwinReg bottleneck "
                                     "register.", lang))
        table = figures.register_table(register, lang)
        # Keep the highlighted row in step with the open bottleneck, however it was opened.
        selected_rows = [codes.index(detail.code)] if detail and detail.code in codes else []
        st.session_state["bn-register"] = {"selection": {"rows": selected_rows, "columns": []}}
        st.dataframe(table, key="bn-register", on_select=partial(on_row_selected, codes),
                     selection_mode="single-row", hide_index=True, column_config={
                         t(NP_("bottlenecks.col", "Stalled"), lang): st.column_config.CheckboxColumn(
                             help=t("Open and no event for more than {days} days.", lang, days=stall_days()))})
        downloads(partial(with_codes, table, figures.code_columns(register, lang), lang), "bottlenecks",
                  about(t("Bottleneck register", lang), register_source, page_filters=local_filters), key="bn-register")
with matrix_tab:
    plotted, with_closed = register, False
    if register.empty:
        empty_state(lang, N_("No bottleneck matches the search and filters. Clear the search, widen the filters "
                             "above, or widen the domains, side or period in the sidebar."))
    else:
        st.session_state.setdefault("bn-closed", st.query_params.get("closed") == "1")
        with_closed = st.toggle(t("Show closed bottlenecks too (resolved, partly resolved, written off)", lang),
                                key="bn-closed")
        keep_in_link("closed", "1" if with_closed else None)
        plotted = register if with_closed else queries.open_rows(register)
        if plotted.empty:
            empty_state(lang, N_("Every bottleneck that matches is closed. Show the closed ones with the switch "
                                 "above."))
    if not plotted.empty:
        matrix = readable_text(figures.priority_matrix(plotted, lang, t("Source: TwinReg bottleneck register",
                                                                        lang)))
        st.plotly_chart(matrix, key="bn-matrix", on_select=on_point_selected, selection_mode="points")
        chart_alternative(matrix, lang, "bn-matrix")
        st.caption(t("Click a point to open that bottleneck below. Open bottlenecks of the register; the most "
                     "severe are named.", lang) if not with_closed else
                   t("Click a point to open that bottleneck below. The same bottlenecks as in the register.", lang))
        downloads(lambda: with_codes(figures.matrix_table(plotted, lang), figures.code_columns(plotted, lang), lang),
                  "bottlenecks-matrix",
                  about(t("Priority matrix", lang), register_source, page_filters=local_filters), key="bn-matrix")

with st.expander(t("Yearly outputs", lang), icon=":material/calendar_month:"):
    st.caption(t("The register export for the Commission (Regulation (EU) 2025/925: one row per obstacle of the "
                 "reporting year) and the yearly report: priority list, status of each obstacle, solved in the year.",
                 lang))
    year = st.selectbox(t("Reporting year", lang), cached(register_queries.reporting_years), key="bn-year")
    outputs = st.columns(4)
    for column, (label, kind, make, mime) in zip(outputs, (
            (N_("Register (CSV)"), "csv", register_bytes, "text/csv"),
            (N_("Register (Excel)"), "xlsx", register_bytes, XLSX),
            (N_("Yearly report (PowerPoint)"), "pptx", yearly_report_bytes, PPTX),
            (N_("Yearly report (PDF)"), "pdf", yearly_report_bytes, "application/pdf")), strict=True):
        if kind == "pdf" and not pdf_available():
            continue
        stem = "register" if make is register_bytes else "yearly-report"
        column.download_button(t(label, lang), partial(make, store(), year, lang, kind),
                               f"twinreg-{stem}-{year}-{lang}.{kind}", mime, key=f"bn-{stem}-{kind}",
                               on_click="ignore", icon=":material/download:")

st.divider()
st.header(t("Bottleneck details", lang))
titles = dict(zip(codes, register["title"], strict=True)) | ({detail.code: detail.title} if detail else {})
st.session_state["bn-pick"] = detail.code if detail else None
st.selectbox(t("Open a bottleneck", lang), sorted(titles), key="bn-pick", index=None,
             format_func=lambda c: f"{c} · {titles[c]}", placeholder=t("Choose a code", lang),
             on_change=lambda: open_bottleneck(st.session_state["bn-pick"]))
if detail is None:
    st.info(t("Select a row in the register, a point in the priority matrix, or a code here to see a bottleneck's "
              "description, owners, status history and links.", lang), icon=":material/touch_app:")
    stop_page()

st.subheader(f"{detail.code} · {markdown_text(detail.title)}")
badge_colour = "orange" if detail.stalled else "blue" if detail.is_open else "green"
st.badge(t(STATUS_LABELS[detail.status], lang), color=badge_colour, icon=":material/flag:")
cards = st.columns(3)
cards[0].metric(t(NP_("bottlenecks.col", "Severity"), lang), f"{detail.severity} / 5")
cards[1].metric(t("Open for" if detail.is_open else N_("Was open for"), lang),
                tn("{n} day", "{n} days", detail.age_days, lang))
if detail.is_open:  # a closed bottleneck's last event is its closing: the time since says nothing
    cards[2].metric(t("Since the last event", lang), tn("{n} day", "{n} days", detail.days_since_event, lang))
if detail.stalled:
    st.warning(t("Stalled: no event for {days} days (threshold {limit} days).",
                 lang, days=format_number(detail.days_since_event, lang),
                 limit=format_number(detail.stall_days, lang)), icon=":material/hourglass_bottom:")
text_col, facts_col = st.columns([3, 2])
text_col.markdown("**" + t("Description", lang) + "**\n\n"
                  + markdown_text(detail.description or t("No description recorded.", lang)))
facts_col.markdown("\n".join(f"- **{label}:** {markdown_text(value)}"
                             for label, value in figures.detail_facts(detail, lang)))

st.subheader(t("Obstacle record", lang), help=t("The parts of an obstacle's record that Regulation (EU) 2025/925 "
                                                "(BRIDGEforEU) asks for.", lang))
if detail.record.is_empty:
    st.caption(t("No obstacle record yet: an official can add it with the template's columns.", lang))
else:
    texts_col, record_col = st.columns([3, 2])
    texts_col.markdown("\n\n".join(f"**{heading}**\n\n{markdown_text(text)}"
                                    for heading, text in figures.record_texts(detail, lang)))
    record_col.markdown("\n".join(f"- **{label}:** {markdown_text(value)}"
                                  for label, value in figures.record_facts(detail, lang)))

dates = st.column_config.DateColumn(format=date_display_format(lang))
st.subheader(t("Status history", lang))
chart(figures.status_timeline(detail, lang, t("Source: TwinReg bottleneck register, status events",
                                              lang)), f"status_{detail.code}", lang,
      "bn-timeline")
if not detail.events.empty:
    events = figures.events_table(detail, lang)
    st.dataframe(events, hide_index=True, column_config={t(NP_("bottlenecks.timeline", "Date"), lang): dates})
    downloads(events, f"{detail.code}-history",
              about(f"{detail.code} · {detail.title}: " + t("Status history", lang), register_source), key="bn-history")

for section, frame, builder in (("indicators", detail.indicators, figures.indicators_table),
                                ("services", detail.services, figures.services_table),
                                ("actions", detail.actions, figures.actions_table)):
    st.subheader(t(BOTTLENECKS_DETAIL_LABELS[section], lang))
    if frame.empty:
        st.caption(t(BOTTLENECKS_DETAIL_NO_LABELS[section], lang))
        continue
    shown = builder(detail, lang)
    st.dataframe(shown, hide_index=True, column_config={t("Due", lang): dates})
    downloads(shown, f"{detail.code}-{section}",
              about(f"{detail.code} · {detail.title}: " + t(BOTTLENECKS_DETAIL_LABELS[section], lang), register_source),
              key=f"bn-{section}")
