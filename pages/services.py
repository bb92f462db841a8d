"""Services: the cross-border public services catalogue (availability, channel, languages, providers, bottlenecks)."""

from functools import partial

import streamlit as st

from pages._ui import about, chart, downloads, empty_state, filters, keep_in_link, show_view_link
from twinreg_data.exports import with_codes
from twinreg_data.figures import services as figures
from twinreg_data.i18n import N_, NP_, t, tn
from twinreg_data.labels import SERVICES_CHANNEL_LABELS
from twinreg_data.queries import services
from twinreg_data.st_cache import cached

view = filters()
lang = view.lang
st.title(t("Cross-border public services", lang))
st.caption(t("Which public services people can use across the Gulf of Finland, through which channel and in which "
             "languages, who provides them on each side, and which bottlenecks they are linked to.", lang))

if not cached(services.has_services):
    st.info(t("The services catalogue is empty. An official can import the `services` sheet of the template on the "
              "Data page, or load the demo data with `python -m twinreg_data init --demo`.", lang))
    st.stop()


# The catalogue and its own controls rerun alone when a control changes or a search is typed (st.fragment).
@st.fragment
def catalogue() -> None:
    # Page-local choices live in the link too (sv_avail, sv_channel, sv_q); an invalid value is ignored.
    if "sv_availability" not in st.session_state:
        st.session_state.sv_availability = list(services.valid_availability(st.query_params.get_all("sv_avail")))
        st.session_state.sv_channel = services.valid_channel(st.query_params.get("sv_channel"))
        st.session_state.sv_search = st.query_params.get("sv_q", "")[:100]

    left, middle, right = st.columns([2, 1, 2])
    availability = left.multiselect(
        t("Availability across the border", lang), services.AVAILABILITY, key="sv_availability",
        format_func=lambda a: figures.availability_label(a, lang),
        placeholder=t("Any availability", lang))
    channel = middle.selectbox(
        t(NP_("services.filter", "Channel"), lang), ("", *services.CHANNEL_CHOICES), key="sv_channel",
        format_func=lambda c: t(SERVICES_CHANNEL_LABELS[c], lang) if c else t("Any channel", lang),
        help=t("Services offered both digitally and in person match either channel.", lang))
    search = right.text_input(t(NP_("services.filter", "Search"), lang), key="sv_search", max_chars=100,
                              placeholder=t("Service, provider or code, e.g. Kela", lang))
    for name, value in (("sv_avail", availability), ("sv_channel", channel or None), ("sv_q", search.strip() or None)):
        keep_in_link(name, value)
    st.caption(t("The domains chosen in the sidebar narrow the catalogue. Side of the border and period do not: "
                 "every service is assessed across the border as it stands today.", lang))

    # Neither the side nor the period narrows the catalogue: asked for the language and the domains alone.
    rows = cached(services.catalogue, view.domains_only(), tuple(availability), channel, search)
    catalogue_source = t("TwinReg Monitor, cross-border services catalogue (availability as assessed by the "
                         "partners)", lang)
    page_filters = tuple((label, value) for label, value in (
        (t("Availability across the border", lang),
         ", ".join(figures.availability_label(a, lang) for a in availability)),
        (t(NP_("services.filter", "Channel"), lang), t(SERVICES_CHANNEL_LABELS[channel], lang) if channel else ""),
        (t(NP_("services.filter", "Search"), lang), search.strip())) if value)
    if rows.empty:
        empty_state(lang, N_("No service matches these choices. Clear the search, pick more availability levels or "
                             "another channel, or widen the domains in the sidebar."))
    else:
        counts = services.availability_counts(rows)
        chart(figures.availability_chart(counts, lang), "services_availability", lang, "sv-chart")
        downloads(partial(figures.availability_counts_table, counts, lang), "services_by_domain",
                  about(t("Services by domain and availability across the border", lang), catalogue_source,
                        t("Number of services", lang), page_filters), key="sv-chart")

        st.subheader(t("Catalogue", lang))
        st.caption(tn("{n} service shown", "{n} services shown", len(rows), lang))
        table = figures.catalogue_table(rows, lang)
        st.dataframe(figures.style_catalogue(table, lang), hide_index=True, key="sv-table", placeholder="–",
                     height=min(38 + 35 * len(table), 920),
                     column_config={t("Service", lang): st.column_config.TextColumn(width="large"),
                                    t("Description", lang): st.column_config.TextColumn(width="large"),
                                    t("Web address", lang): st.column_config.LinkColumn()})
        downloads(partial(with_codes, table, figures.code_columns(rows, lang), lang), "services",
                  about(t("Catalogue", lang), catalogue_source, page_filters=page_filters),
                  key="sv-table")
    show_view_link()  # app.py does not run on a fragment rerun: the link follows the choices here


catalogue()
