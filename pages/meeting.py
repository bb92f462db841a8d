"""Meeting: the briefing as slides (one at a time; presentation mode fills the screen), what changed since the
last meeting, and the briefing pack (PowerPoint with native charts, PDF). Link: ?since=YYYY-MM-DD&slide=N&present=1."""

import datetime as dt

import streamlit as st

from pages._ui import about, chart, date_columns, downloads, empty_state, filters, keep_in_link
from twinreg_data import briefing
from twinreg_data.i18n import N_, format_day, t
from twinreg_data.queries.changes import default_since, parse_since
from twinreg_data.queries.overview import has_data
from twinreg_data.st_cache import cached, db_path, store

view = filters()
lang = view.lang
today = dt.date.today()
if not cached(has_data):
    st.title(t("Meeting", lang))
    empty_state(lang, N_("No data yet, so there is nothing to brief on. An official can import the demo workbooks "
                         "with `python -m twinreg_data init --demo` or upload a filled template on the Data page."))
    st.stop()


@st.cache_data(show_spinner=False, ttl=3600, max_entries=100)
def load(path: str, view, since: dt.date, today: dt.date, name: str) -> briefing.Briefing:
    # Cached like every query (keyed by database path) and cleared with them after each import.
    return briefing.build_briefing(store(), view, since, today, name)


# The link seeds the choices on arrival (an invalid value is ignored); afterwards the widgets own them and every
# run writes them back into the link.
if "mt-since" not in st.session_state:
    st.session_state["mt-since"] = parse_since(st.query_params.get("since"), today) or default_since(today)
st.session_state.setdefault("mt-name", st.query_params.get("title", ""))
st.session_state.setdefault("mt-present", st.query_params.get("present") == "1")
pack = load(db_path(), view, st.session_state["mt-since"], today, st.session_state["mt-name"])
total = len(pack.slides)
wanted = st.query_params.get("slide", "")
number = int(wanted) if wanted.isdigit() and 1 <= int(wanted) <= total else st.session_state.get("mt-slide", 1)
number = min(max(number, 1), total)


def go(to: int) -> None:
    st.session_state["mt-slide"] = to
    keep_in_link("slide", to)


def present(on: bool) -> None:
    st.session_state["mt-present"] = on
    keep_in_link("present", "1" if on else None)


go(number)
keep_in_link("since", st.session_state["mt-since"].isoformat())
keep_in_link("title", st.session_state["mt-name"] or None)
presenting = st.session_state["mt-present"]
st.html(briefing.SLIDE_CSS + (briefing.PRESENTING_CSS if presenting else ""))

if not presenting:
    st.title(t("Meeting", lang))
    st.caption(t("Choose the domains and the language in the sidebar and the date of the last meeting here; the "
                 "link reproduces the briefing. Present shows one slide at a time on the whole screen: move with ← "
                 "and →.", lang))
    since_col, name_col, buttons_col = st.columns([2, 3, 4], vertical_alignment="bottom")
    buttons = buttons_col.container(horizontal=True, gap="small")
    since_col.date_input(t("Changes since", lang), key="mt-since", max_value=today, min_value=dt.date(2000, 1, 1),
                         help=t("Date of the last meeting: the briefing lists what changed since then (kept in the "
                                "link).", lang), format="YYYY-MM-DD")
    name_col.text_input(t("Meeting name", lang), key="mt-name", placeholder=t("TwinReg steering group", lang))
    buttons.button(t("Present", lang), key="mt-present-on", icon=":material/slideshow:", type="primary",
                   on_click=present, args=(True,))
    buttons.download_button(t("PowerPoint", lang), lambda: briefing.pptx_bytes(pack),
                            f"{pack.file_stem()}.pptx", key="mt-pptx", on_click="ignore", icon=":material/download:",
                            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")
    if briefing.pdf_available():
        buttons.download_button(t("PDF", lang), lambda: briefing.pdf_bytes(pack),
                                f"{pack.file_stem()}.pdf", "application/pdf", key="mt-pdf", on_click="ignore",
                                icon=":material/picture_as_pdf:")
    else:
        st.caption(t("A PDF of the pack needs LibreOffice on the server: `apt-get install libreoffice-impress`.", lang))

slide = pack.slides[number - 1]
st.html(briefing.slide_header_html(slide, number, total, lang))
figure_height = 780 if presenting else 500  # presenting: the chart fills a 1080 px high screen
stem = f"{pack.file_stem()}-{number:02d}"
if slide.chart is not None:
    figure = briefing.chart_figure(slide.chart, lang, height=figure_height, title=slide.chart.title != slide.title,
                                   **({"font_size": briefing.PRESENTING_FONT_PX} if presenting else {}))
    export = briefing.chart_figure(slide.chart, lang, height=720, source=slide.source)
    if briefing.chart_beside_texts(slide):
        left, right = st.columns([3, 2] if slide.kind == briefing.DOMAIN else [2, 3], gap="large")
        with left:
            chart(figure, stem, lang, key=f"mt-chart-{number}", export_fig=export, image_downloads=not presenting)
        right.html(briefing.slide_body_html(slide, side=True))
    else:
        chart(figure, stem, lang, key=f"mt-chart-{number}", export_fig=export, image_downloads=not presenting)
        st.html(briefing.slide_body_html(slide))
else:
    st.html(briefing.slide_body_html(slide))
st.html(briefing.slide_footer_html(slide))

# Arrow keys move between slides (the buttons' keyboard shortcuts); Esc leaves presentation mode.
controls = st.container(horizontal=True, vertical_alignment="center", gap="small")
controls.button(t("Previous", lang), key="mt-prev", icon=":material/arrow_back:", shortcut="Left",
                disabled=number <= 1, on_click=go, args=(number - 1,))
controls.button(t("Next", lang), key="mt-next", icon=":material/arrow_forward:", shortcut="Right",
                disabled=number >= total, on_click=go, args=(number + 1,))
if presenting:
    controls.button(t("Exit", lang), key="mt-exit", icon=":material/close:", shortcut="Esc",
                    on_click=present, args=(False,))
    st.stop()

with st.expander(t("Data on this slide", lang)):
    if slide.chart is not None:
        downloads(slide.chart.frame, f"{stem}-chart", about(slide.chart.title or slide.title, slide.source),
                  key="mt-slide-chart")
    if slide.table is not None:
        downloads(slide.table.frame, f"{stem}-table", about(slide.title, slide.source), key="mt-slide-table")
    st.text(slide.notes)

st.subheader(t("Everything that changed since {date}", lang, date=format_day(pack.since, lang)))
for index, (title, frame) in enumerate(briefing.changes_tables(pack.changes, lang)):
    with st.expander(f"{title} ({len(frame)})", expanded=False):
        if frame.empty:
            st.caption(t("None.", lang))
            continue
        st.dataframe(frame, hide_index=True, column_config=date_columns(frame, lang))
        downloads(frame, f"changes-{pack.since.isoformat()}-{index + 1}",
                  about(t("Everything that changed since {date}", lang, date=format_day(pack.since, lang))
                        + ": " + title, t("TwinReg Monitor: imports and the bottleneck register", lang)),
                  key=f"mt-changes-{index}")
