"""Cooperation: the action plan timeline (who does what by when) and the benchmark of other cross-border regions."""

import datetime as dt
from functools import partial

import streamlit as st

from pages._ui import about, chart, downloads, empty_state, filters
from twinreg_data.figures import cooperation as figures
from twinreg_data.figures import date_display_format
from twinreg_data.i18n import N_, NP_, format_day, format_number, t
from twinreg_data.labels import DOMAIN_LABELS
from twinreg_data.queries import cooperation
from twinreg_data.st_cache import cached
from twinreg_data.textsafe import markdown_text

view = filters()
lang = view.lang
today = dt.date.today()
st.title(t("Cooperation: action plan and models", lang))
st.caption(t("Who does what by when in the TwinReg action plan, and how other European cross-border regions organise "
             "lasting cooperation.", lang))

st.header(t("Action plan", lang))
if not cached(cooperation.has_actions):
    st.info(t("No action plan yet. An official can import the `actions` sheet of the template on the Data page, or "
              "load the demo data with `python -m twinreg_data init --demo`.", lang))
else:
    period = (t("Actions running at some time from {start} on, planned ones included.",
                lang, start=view.year_from) if cooperation.open_ended(view)
              else t("Actions running at some time in {start}–{end}.", lang, start=view.year_from, end=view.year_to))
    domains = (t("Only actions linked to bottlenecks in the chosen domains: {domains}.",
                 lang, domains=", ".join(t(DOMAIN_LABELS[d], lang) for d in view.domains))
               if view.domains else t("All actions, with or without linked bottlenecks (choose domains in the "
                                      "sidebar to see only the actions linked to their bottlenecks).", lang))
    st.caption(f"{period} {domains} " + t("Actions are joint, so the side of the border does not narrow them.", lang))
    # Actions are joint: the side does not narrow them. The plan of every domain is asked (wide) and narrowed to the
    # selected domains here: a change of domains or side asks no query.
    actions = cooperation.actions_of_domains(cached(cooperation.actions, view.period_only(), today), view)
    if actions.empty:
        empty_state(lang, N_("No action matches the chosen period and domains. Widen the period or the domains in "
                             "the sidebar."))
    else:
        summary = cooperation.summarise(actions)
        cards = st.columns(4)
        cards[0].metric(t("Actions shown", lang), format_number(summary.total, lang))
        cards[1].metric(t(NP_("coop.metric", "Done"), lang), format_number(summary.done, lang))
        cards[2].metric(t("Ongoing", lang), format_number(summary.ongoing, lang))
        cards[3].metric(t("Overdue", lang), format_number(summary.overdue, lang),
                        help=t("Due date before today ({today}) and neither done nor cancelled.",
                               lang, today=format_day(today, lang)))
        chart(figures.timeline(actions, lang, today), "action_plan", lang, "coop-timeline")
        st.subheader(t("Actions", lang))
        table = figures.actions_table(actions, lang)
        dates = st.column_config.DateColumn(format=date_display_format(lang))
        st.dataframe(table, hide_index=True, key="coop-actions", placeholder="–", height=min(38 + 35 * len(table), 920),
                     column_config=dict.fromkeys(figures.date_columns(lang), dates))
        downloads(table, "action_plan", about(t("Actions", lang), t("TwinReg Monitor, action plan (work packages "
                                                                        "WP1–WP3)", lang)), key="coop-actions")

st.header(t("Cooperation models of other EU cross-border regions", lang))
st.caption(t("Reference material: the sidebar filters do not apply to the benchmark.", lang))
regions = cached(cooperation.benchmark)
if regions.empty:
    st.info(t("No benchmark regions yet. An official can import the `regions_benchmark` sheet of the template.", lang))
    st.stop()
st.subheader(t("Patterns", lang))
st.markdown(figures.patterns_text(cooperation.benchmark_patterns(regions), lang))
chart(figures.benchmark_chart(regions, lang), "benchmark_regions", lang, "coop-bench-chart")
missing = figures.missing_from_chart(regions)
st.caption(" ".join([t("Not in the chart (no population figure): {names}.",
                       lang, names=", ".join(markdown_text(n) for n in missing)) if missing else "",
                     t("EGTC: European grouping of territorial cooperation (Regulation (EC) No 1082/2006).",
                       lang)]).strip())
benchmark_about = about(t("Cooperation models of other EU cross-border regions", lang), regions["source"],
                        notes=(t("Reference material: the sidebar filters do not apply to the benchmark.", lang),))
downloads(partial(figures.chart_data, regions, lang), "benchmark_chart", benchmark_about, key="coop-bench-chart")
table = figures.benchmark_table(regions, lang)
st.dataframe(figures.style_benchmark(table, regions, lang), hide_index=True, key="coop-bench", placeholder="–",
             height=min(38 + 35 * len(table), 920))
if lang != "en":
    st.caption(t("Funding, bodies and lessons are recorded in English.", lang))
downloads(table, "benchmark_regions", benchmark_about, key="coop-bench")
