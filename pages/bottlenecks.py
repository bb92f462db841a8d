"""Bottlenecks: searchable register, priority matrix and the detail of one bottleneck (kept in the link as ?bn=)."""

from functools import partial

import streamlit as st

from pages._ui import chart, downloads, empty_state, filters, keep_in_link
from twinreg_data.figures import bottlenecks as figures
from twinreg_data.figures import date_display_format
from twinreg_data.i18n import format_number, t
from twinreg_data.queries import bottlenecks as queries
from twinreg_data.queries.overview import stall_days
from twinreg_data.schema import BOTTLENECK_STATUSES
from twinreg_data.st_cache import cached

view = filters()
lang = view.lang
st.title(t("page.bottlenecks", lang))
# Every bottleneck on the table in the selected period; only an empty selection asks whether there are any at all.
selection = cached(queries.register, view, queries.RegisterFilter())
if selection.empty and not cached(queries.has_bottlenecks):
    empty_state(lang, "bottlenecks.empty_db")
    st.stop()


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

st.caption(t("bottlenecks.intro", lang) + " " + t("bottlenecks.period_note", lang, start=view.year_from,
                                                   end=view.year_to))
search_col, status_col, severity_col, owner_col, age_col = st.columns([3, 3, 2, 2, 2])
search = search_col.text_input(t("bottlenecks.filter.search", lang), key="bn-search",
                               placeholder=t("bottlenecks.filter.search_placeholder", lang),
                               help=t("bottlenecks.filter.search_help", lang))
statuses = status_col.multiselect(t("bottlenecks.filter.status", lang), BOTTLENECK_STATUSES, key="bn-status",
                                  format_func=lambda s: t(f"status.{s}", lang),
                                  placeholder=t("bottlenecks.filter.status_all", lang))
severity = severity_col.slider(t("bottlenecks.filter.severity", lang), 1, 5, (1, 5), key="bn-severity")
owner = owner_col.text_input(t("bottlenecks.filter.owner", lang), key="bn-owner",
                             placeholder=t("bottlenecks.filter.owner_placeholder", lang))
min_age = age_col.number_input(t("bottlenecks.filter.min_age", lang), 0, 50, 0, 1, key="bn-age",
                               help=t("bottlenecks.filter.min_age_help", lang))
local = queries.RegisterFilter(search=search, statuses=tuple(statuses), severity_min=severity[0],
                               severity_max=severity[1], owner=owner, min_age_years=int(min_age))
# Without a page-local filter the register is the selection itself (asked again, the cache would copy it once more).
register = selection if local == queries.RegisterFilter() else cached(queries.register, view, local)
total = len(selection)
codes = register["code"].tolist()

register_tab, matrix_tab = st.tabs([t("bottlenecks.tab.register", lang), t("bottlenecks.tab.matrix", lang)])
with register_tab:
    if register.empty:
        empty_state(lang, "bottlenecks.empty_filtered")
    else:
        st.subheader(t("bottlenecks.register.title", lang))
        st.caption(t("bottlenecks.count", lang, shown=format_number(len(register), lang),
                     total=format_number(total, lang)) + " · " + t("bottlenecks.register.hint", lang))
        table = figures.register_table(register, lang)
        # Keep the highlighted row in step with the open bottleneck, however it was opened.
        selected_rows = [codes.index(detail.code)] if detail and detail.code in codes else []
        st.session_state["bn-register"] = {"selection": {"rows": selected_rows, "columns": []}}
        st.dataframe(table, key="bn-register", on_select=partial(on_row_selected, codes),
                     selection_mode="single-row", hide_index=True, column_config={
                         t("bottlenecks.col.stalled", lang): st.column_config.CheckboxColumn(
                             help=t("bottlenecks.col.stalled_help", lang, days=stall_days()))})
        downloads(table, "bottlenecks", lang, key="bn-register")
with matrix_tab:
    if register.empty:
        empty_state(lang, "bottlenecks.empty_filtered")
    else:
        st.plotly_chart(figures.priority_matrix(register, lang, t("bottlenecks.source", lang)), key="bn-matrix",
                        on_select=on_point_selected, selection_mode="points")
        st.caption(t("bottlenecks.matrix.hint", lang))
        downloads(partial(figures.matrix_table, register, lang), "bottlenecks-matrix", lang, key="bn-matrix")

st.divider()
st.header(t("bottlenecks.detail.header", lang))
titles = dict(zip(codes, register["title"], strict=True)) | ({detail.code: detail.title} if detail else {})
st.session_state["bn-pick"] = detail.code if detail else None
st.selectbox(t("bottlenecks.detail.pick", lang), sorted(titles), key="bn-pick", index=None,
             format_func=lambda c: f"{c} · {titles[c]}", placeholder=t("bottlenecks.detail.pick_placeholder", lang),
             on_change=lambda: open_bottleneck(st.session_state["bn-pick"]))
if detail is None:
    st.info(t("bottlenecks.detail.none", lang), icon=":material/touch_app:")
    st.stop()

st.subheader(f"{detail.code} · {figures.markdown_text(detail.title)}")
badge_colour = "orange" if detail.stalled else "blue" if detail.is_open else "green"
st.badge(t(f"status.{detail.status}", lang), color=badge_colour, icon=":material/flag:")
cards = st.columns(3)
cards[0].metric(t("bottlenecks.col.severity", lang), f"{detail.severity} / 5")
cards[1].metric(t("bottlenecks.detail.open_for" if detail.is_open else "bottlenecks.detail.was_open_for", lang),
                t("bottlenecks.detail.days", lang, days=format_number(detail.age_days, lang)))
cards[2].metric(t("bottlenecks.detail.since_event", lang),
                t("bottlenecks.detail.days", lang, days=format_number(detail.days_since_event, lang)))
if detail.stalled:
    st.warning(t("bottlenecks.detail.stalled", lang, days=format_number(detail.days_since_event, lang),
                 limit=format_number(detail.stall_days, lang)), icon=":material/hourglass_bottom:")
text_col, facts_col = st.columns([3, 2])
text_col.markdown(f"**{t('bottlenecks.detail.description', lang)}**\n\n"
                  + figures.markdown_text(detail.description or t("bottlenecks.detail.no_description", lang)))
facts_col.markdown("\n".join(f"- **{label}:** {figures.markdown_text(value)}"
                             for label, value in figures.detail_facts(detail, lang)))

dates = st.column_config.DateColumn(format=date_display_format(lang))
st.subheader(t("bottlenecks.detail.history", lang))
chart(figures.status_timeline(detail, lang, t("bottlenecks.source_events", lang)), f"status_{detail.code}", lang,
      "bn-timeline")
if not detail.events.empty:
    events = figures.events_table(detail, lang)
    st.dataframe(events, hide_index=True, column_config={t("bottlenecks.timeline.x", lang): dates})
    downloads(events, f"{detail.code}-history", lang, key="bn-history")

for section, frame, builder in (("indicators", detail.indicators, figures.indicators_table),
                                ("services", detail.services, figures.services_table),
                                ("actions", detail.actions, figures.actions_table)):
    st.subheader(t(f"bottlenecks.detail.{section}", lang))
    if frame.empty:
        st.caption(t(f"bottlenecks.detail.no_{section}", lang))
        continue
    shown = builder(detail, lang)
    st.dataframe(shown, hide_index=True, column_config={t("bottlenecks.col.due", lang): dates})
    downloads(shown, f"{detail.code}-{section}", lang, key=f"bn-{section}")
