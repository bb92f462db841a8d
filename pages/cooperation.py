"""Cooperation: the action plan timeline (who does what by when) and the benchmark of other cross-border regions."""

import datetime as dt
from functools import partial

import streamlit as st

from pages._ui import chart, downloads, empty_state, filters
from twinreg_data.figures import cooperation as figures
from twinreg_data.figures import date_display_format
from twinreg_data.i18n import format_day, format_number, t
from twinreg_data.queries import cooperation
from twinreg_data.st_cache import cached

view = filters()
lang = view.lang
today = dt.date.today()
st.title(t("coop.title", lang))
st.caption(t("coop.intro", lang))

st.header(t("coop.plan.header", lang))
if not cached(cooperation.has_actions):
    st.info(t("coop.empty_plan_db", lang))
else:
    period = (t("coop.scope.period_open", lang, start=view.year_from) if cooperation.open_ended(view)
              else t("coop.scope.period", lang, start=view.year_from, end=view.year_to))
    domains = (t("coop.scope.domains", lang, domains=", ".join(t(f"domain.{d}", lang) for d in view.domains))
               if view.domains else t("coop.scope.all_domains", lang))
    st.caption(f"{period} {domains} {t('coop.scope.side', lang)}")
    # Actions are joint: the side does not narrow them. The plan of every domain is asked (wide) and narrowed to the
    # selected domains here: a change of domains or side asks no query.
    actions = cooperation.actions_of_domains(cached(cooperation.actions, view.period_only(), today), view)
    if actions.empty:
        empty_state(lang, "coop.empty_plan_filtered")
    else:
        summary = cooperation.summarise(actions)
        cards = st.columns(4)
        cards[0].metric(t("coop.metric.total", lang), format_number(summary.total, lang))
        cards[1].metric(t("coop.metric.done", lang), format_number(summary.done, lang))
        cards[2].metric(t("coop.metric.ongoing", lang), format_number(summary.ongoing, lang))
        cards[3].metric(t("coop.metric.overdue", lang), format_number(summary.overdue, lang),
                        help=t("coop.metric.overdue_help", lang, today=format_day(today, lang)))
        chart(figures.timeline(actions, lang, today), "action_plan", lang, "coop-timeline")
        st.subheader(t("coop.table.header", lang))
        table = figures.actions_table(actions, lang)
        dates = st.column_config.DateColumn(format=date_display_format(lang))
        st.dataframe(table, hide_index=True, key="coop-actions", placeholder="–", height=min(38 + 35 * len(table), 920),
                     column_config=dict.fromkeys(figures.date_columns(lang), dates))
        downloads(table, "action_plan", lang, key="coop-actions")

st.header(t("coop.bench.header", lang))
st.caption(t("coop.bench.scope", lang))
regions = cached(cooperation.benchmark)
if regions.empty:
    st.info(t("coop.bench.empty", lang))
    st.stop()
st.subheader(t("coop.patterns.header", lang))
st.markdown(figures.patterns_text(cooperation.benchmark_patterns(regions), lang))
chart(figures.benchmark_chart(regions, lang), "benchmark_regions", lang, "coop-bench-chart")
missing = figures.missing_from_chart(regions)
st.caption(" ".join([t("coop.bench.missing", lang, names=", ".join(missing)) if missing else "",
                     t("coop.legal_form_note", lang)]).strip())
downloads(partial(figures.chart_data, regions, lang), "benchmark_chart", lang, key="coop-bench-chart")
table = figures.benchmark_table(regions, lang)
st.dataframe(figures.style_benchmark(table, regions, lang), hide_index=True, key="coop-bench", placeholder="–",
             height=min(38 + 35 * len(table), 920))
if lang != "en":
    st.caption(t("coop.bench.texts_language", lang))
downloads(table, "benchmark_regions", lang, key="coop-bench")
