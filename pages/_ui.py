"""Small drawing helpers shared by the pages (no SQL, no business rules)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from twinreg_data.api.links import api_link
from twinreg_data.exports import About, file_stem, to_csv_zip_bytes, to_xlsx_bytes
from twinreg_data.filters import Filters, view_link
from twinreg_data.i18n import N_, NP_, t, tn
from twinreg_data.queries import provenance
from twinreg_data.st_cache import cached
from twinreg_data.textsafe import html_text, markdown_text


def filters() -> Filters:
    """The global controls set in app.py.

    Streamlit runs the very first script of a fresh server in its legacy `pages/` folder mode, where a deep
    link runs the page file without app.py (no controls, no sign-in). Then the page and its link parameters
    are remembered and app.py takes over; it opens the page again with the same parameters.
    """
    if "filters" not in st.session_state:
        stem = (st.context.url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        st.session_state.resume = {"page": stem, "query": {k: st.query_params.get_all(k) for k in st.query_params}}
        st.switch_page("app.py")
    return st.session_state.filters


def about(title: str, sources: object = (), unit: str = "", page_filters: tuple[tuple[str, str], ...] = (),
          notes: tuple[str, ...] = ()) -> About:
    """The metadata of a download: what the page knows (title, sources, unit, its own filters) and what every
    view has (the global filters, the time of the latest import, the link to this view)."""
    if isinstance(sources, str):
        sources = (sources,)
    listed = tuple(str(s) for s in sources if s is not None and str(s).strip() and str(s) != "nan")
    return About(title=title, sources=listed, view=filters(), unit=unit, page_filters=page_filters,
                 data_as_of=cached(provenance.data_as_of), link=current_view_link(), notes=notes)


def downloads(frame: pd.DataFrame | Callable[[], pd.DataFrame], stem: str, about: About,
              key: str | None = None) -> None:
    """A zip of the CSV with its metadata (README.txt, metadata.json) and an Excel file with a "metadata" sheet, of
    exactly `frame` (what the view shows), formula triggers escaped. For a table that is only downloaded (a
    chart's data), `frame` is the function that builds it, so that it is built only when clicked. The file names
    say what and which filters (`exports.file_stem`).

    The files are built only when clicked (deferred data, no rerun): building both files of every table on
    every rerun took about a third of the overview's server time, which limits how many visitors a server serves
    (bench/results/load.md).
    """
    build = frame if callable(frame) else lambda: frame
    lang = about.lang
    name = file_stem(stem, about.view)
    left, right = st.columns(2, width=360)
    key = key or stem
    left.download_button(t("Download CSV", lang), lambda: to_csv_zip_bytes(build(), about), f"{name}.zip",
                         "application/zip", key=f"csv-{key}", icon=":material/download:", on_click="ignore",
                         help=t("A zip file: the table as data.csv, with README.txt and metadata.json saying what it "
                                "is, where it comes from and under which licence.", lang))
    right.download_button(t("Download Excel", lang), lambda: to_xlsx_bytes(build(), about=about), f"{name}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"xlsx-{key}", icon=":material/download:", on_click="ignore",
                          help=t("The table, and on a second sheet what it is, where it comes from and under which "
                                 "licence.", lang))


def empty_state(lang: str, message_key: str = N_("Nothing matches the current filters. Widen the domains, side or "
                                                 "period in the sidebar.")) -> None:
    st.info(t(message_key, lang), icon=":material/filter_alt_off:")


def headed_metric(column, label: str, value: str, delta: str | None = None, **options) -> None:
    """A metric card whose label stands above it as text that wraps: Streamlit cuts a metric's own label at the
    card's width ("Ratkaistu viimeisten 12 kuukauden ai…" at 1440 px). The metric keeps the label for screen
    readers."""
    from twinreg_data.textsafe import markdown_text

    column.markdown(f"**{markdown_text(label)}**")
    column.metric(label, value, delta, label_visibility="collapsed", **options)


def date_columns(frame: pd.DataFrame, lang: str) -> dict:
    """Column settings that show the frame's columns of days in the language's format (9 Sep 2026, 9.9.2026)."""
    import datetime as dt

    from twinreg_data.figures import date_display_format

    def is_day(value: object) -> bool:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)

    return {column: st.column_config.DateColumn(format=date_display_format(lang))
            for column in frame.columns if frame[column].map(is_day).any()}


def stop_page() -> None:
    """Stop the page early with the link to the view still in the sidebar (app.py cannot write it once the run
    is stopping)."""
    show_view_link()
    st.stop()


def url_choice(key: str, param: str, options: list, default: object, many: bool = False) -> None:
    """Seed a page-local widget (session key `key`) from the link parameter `param`; an invalid value is ignored
    quietly and `default` used."""
    current = st.session_state.get(key)
    if current is not None and (set(current) <= set(options) if many else current in options):
        return
    by_text = {str(option): option for option in options}
    wanted = [by_text[v] for v in st.query_params.get_all(param) if v in by_text]
    st.session_state[key] = wanted if many else (wanted[-1] if wanted else default)


def keep_in_link(param: str, value: object) -> None:
    """Write a page-local choice into the link (a list as repeated parameters); an empty choice leaves it out."""
    values = [str(v) for v in (value if isinstance(value, list) else [value] if value is not None else [])]
    if st.query_params.get_all(param) != values:
        if values:
            st.query_params[param] = values
        else:
            del st.query_params[param]


def lazy_tabs(names: tuple[str, ...], labels: list[str], key: str, param: str) -> dict:
    """Tabs whose hidden ones are not computed (check `.open`); the open tab is kept in the link as param=name.

    Switching tabs reruns the page, or only the fragment the tabs are in. The name, not the translated label, is
    what the link holds, so a link opens the same tab in every language.
    """
    by_label = dict(zip(labels, names, strict=True))
    if st.session_state.get(key) not in by_label:
        wanted = st.query_params.get(param)
        st.session_state[key] = labels[names.index(wanted)] if wanted in names else labels[0]
    containers = st.tabs(labels, key=key, on_change="rerun")
    shown = by_label[st.session_state[key]]
    keep_in_link(param, shown if shown != names[0] else None)
    return dict(zip(names, containers, strict=True))


def show_view_link() -> None:
    """Write the link to the view on screen into the sidebar box that app.py made.

    A page whose page-local controls live in an `st.fragment` calls this at the end of the fragment: a change of
    such a control reruns the fragment only, not app.py, and the link must follow it. Streamlit redraws a
    fragment's writes to an outside container in place, so the box never shows two links.
    """
    box = st.session_state.get("link_box")
    if box is None:
        return
    box.code(current_view_link(), language=None, wrap_lines=True)
    # Its twin in the read API (twinreg_data/api), where the data is public and the page has data of its own.
    api_url = current_api_link() if st.session_state.get("api_public") else None
    if api_url:
        lang = filters().lang
        box.caption(t("The same data from the read API", lang),
                    help=t("JSON; add format=csv to the address for CSV. Every endpoint is described at "
                           "/api/v1/openapi.json.", lang))
        box.code(api_url, language=None, wrap_lines=True)
    st.session_state.link_shown = True


def current_api_link() -> str | None:
    """The read API URL of the data of the view on screen, or None for a page without data of its own."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return api_link(st.context.url, st.get_option("server.baseUrlPath"), st.session_state.get("link_page", ""),
                    params)


def current_view_link() -> str:
    """The link that opens the view on screen, with the page's own parameters."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return view_link(st.context.url, st.get_option("server.baseUrlPath"), st.session_state.get("link_page", ""),
                     params)


def chart(fig, stem: str, lang: str, key: str, *, export_fig=None, image_downloads: bool = True) -> None:
    """A plotly chart whose camera button (modebar) saves a PNG in the browser, plus PNG and SVG downloads
    rendered on the server by kaleido with the system Chromium, when that is available.

    `export_fig` is what the server renders (e.g. the same chart with its title and source line, for use
    outside the app); by default the figure shown. The images are made only when a button is clicked.
    """
    from twinreg_data import figure_export
    from twinreg_data.figures import readable_text

    readable_text(fig)
    config = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": stem, "scale": 2}}
    st.plotly_chart(fig, key=key, config=config)
    chart_alternative(fig, lang, key, data_table=image_downloads)
    if not (image_downloads and figure_export.export_available()):
        return
    target = export_fig if export_fig is not None else fig
    left, right = st.columns(2, width=360)
    left.download_button(t("PNG image", lang), lambda: figure_export.figure_png(target), f"{stem}.png",
                         "image/png", key=f"png-{key}", on_click="ignore", icon=":material/image:")
    right.download_button(t("SVG image", lang), lambda: figure_export.figure_svg(target), f"{stem}.svg",
                          "image/svg+xml", key=f"svg-{key}", on_click="ignore", icon=":material/image:")


# Visually hidden but read by screen readers (the usual "sr-only" rule), inline: no global stylesheet needed.
SCREEN_READER_ONLY = ("position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
                      "clip:rect(0,0,0,0);white-space:nowrap;border:0")


def chart_alternative(fig, lang: str, key: str, data_table: bool = True) -> None:
    """A chart's text alternative (twinreg_data/alttext.py): its one-sentence summary for screen readers, and its
    data as a table in a "Data table" expander right after it (one Tab and Enter away). A slide being presented
    keeps the summary only."""
    from twinreg_data import alttext

    alternative = alttext.describe(fig, lang)
    # HTML, not Markdown: the summary holds data text (escaped), which Markdown could still turn into links.
    st.html(f'<p style="{SCREEN_READER_ONLY}">{html_text(alternative.summary)}</p>')
    if not data_table or alternative.table.empty:
        return
    with st.expander(t("Data table", lang), icon=":material/table:", key=f"alt-{key}"):
        st.caption(markdown_text(alternative.summary))
        # st.table renders Markdown in its cells: the data text is escaped (column names come from the figure too).
        table = alternative.table.map(markdown_text)
        table.columns = [markdown_text(column) for column in table.columns]
        st.table(table, hide_index=True)


def needs_sign_in(stem: str, lang: str, signed_in: bool, sign_in_page: object | None) -> None:
    """What a visitor sees at the address of a page they may not use (a page registered hidden in its place):
    why, in their language, and the way to sign in; not Streamlit's English "Page not found"."""
    from twinreg_data.labels import PAGE_LABELS

    st.title(t(PAGE_LABELS[stem], lang))
    if signed_in:
        st.warning(t("Your account may not use this page: it is for officials who import data. Ask an administrator "
                     "for the editor role.", lang), icon=":material/lock:")
    else:
        st.info(t("Sign in to use this page.", lang), icon=":material/lock:")
        if sign_in_page is not None:
            st.page_link(sign_in_page, label=t(NP_("page", "Sign in"), lang), icon=":material/login:",
                         query_params={"lang": lang, "next": stem})  # back here after signing in


def read_only_page(stem: str, lang: str) -> None:
    """What a viewer instance (a read-only snapshot, docs/deployment.md) shows at the address of a page that writes."""
    from twinreg_data.labels import PAGE_LABELS, RELIABILITY_LABELS

    st.title(t(PAGE_LABELS[stem], lang))
    refused = RELIABILITY_LABELS["read_only"]
    st.info(t(refused, lang), icon=":material/edit_off:")


_REDIRECT_JS = """
export default function (component) {
    window.location.replace(component.data.url);
}
"""
_redirect = st.components.v2.component("twinreg_redirect", js=_REDIRECT_JS)


def go_to(url: str) -> None:
    """Send the browser to `url` on this server (a full page load; the session cookie routes need one)."""
    _redirect(data={"url": url}, key="twinreg_redirect")


_LANGUAGE_JS = """
export default function (component) {
    window.top.document.documentElement.lang = component.data.lang;
}
"""
_document_language = st.components.v2.component("twinreg_document_language", js=_LANGUAGE_JS)


def set_document_language(lang: str) -> None:
    """Set the page's `<html lang>` to the interface language (Streamlit's page always says "en")."""
    _document_language(data={"lang": lang}, key="twinreg_document_language")


def overdue_reports_notice(lang: str) -> None:
    """For editors: how many public reports are past their two-month assessment deadline, with the way to them
    (the Overview and the Data page). Asked uncached: reports arrive without clearing the page cache."""
    from twinreg_data import auth
    from twinreg_data.labels import PAGE_LABELS
    from twinreg_data.queries.reports import overdue_count
    from twinreg_data.st_cache import store

    if not st.session_state.get("identity", auth.ANONYMOUS).can_import:
        return
    overdue = overdue_count(store())
    if overdue:  # a badge, not an alert: it stays on every visit until the cases are decided
        flag, link = st.columns([3, 1], vertical_alignment="center")
        flag.badge(tn("{n} public report is past its two-month assessment deadline",
                      "{n} public reports are past their two-month assessment deadline", overdue, lang),
                   icon=":material/alarm:", color="orange")
        triage_title = PAGE_LABELS["triage"]
        link.page_link("pages/triage.py", label=t(triage_title, lang), icon=":material/inbox:")
