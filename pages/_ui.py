"""Small drawing helpers shared by the pages (no SQL, no business rules)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from twinreg_data.exports import to_csv_bytes, to_xlsx_bytes
from twinreg_data.filters import Filters
from twinreg_data.i18n import t


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


def downloads(frame: pd.DataFrame, stem: str, lang: str, key: str | None = None) -> None:
    """CSV and XLSX of exactly `frame` (what the view shows), formula triggers escaped."""
    left, right = st.columns(2, width=360)
    key = key or stem
    left.download_button(t("common.download_csv", lang), to_csv_bytes(frame), f"{stem}.csv", "text/csv",
                         key=f"csv-{key}", icon=":material/download:")
    right.download_button(t("common.download_xlsx", lang), to_xlsx_bytes(frame), f"{stem}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key=f"xlsx-{key}", icon=":material/download:")


def empty_state(lang: str, message_key: str = "common.empty_filtered") -> None:
    st.info(t(message_key, lang), icon=":material/filter_alt_off:")
