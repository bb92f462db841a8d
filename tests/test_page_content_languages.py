"""The pages of the demo database in Finnish and Estonian show no English content where a translation exists, and
the Data page lists the texts still missing a translation (AppTest of the real app)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import run_app, sign_in

from twinreg_data.i18n import t
from twinreg_data.ingest import reports
from twinreg_data.schema import TRANSLATED_CONTENT, language_column
from twinreg_data.store import open_store
from twinreg_data.textsafe import html_text, markdown_text

# Shorter English texts are too often the same in every language (Kela, EURES) or part of a longer translation.
MIN_LENGTH = 12


def shown_texts(at) -> str:
    """Every text the run drew: Markdown, captions, metrics, alerts, table cells and chart specs, as one string."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "title", "subheader", "header", "text", "info", "warning", "success",
                 "error", "expander", "metric"):
        for element in at.get(kind):
            parts.append(str(getattr(element, "value", "")) + " " + str(getattr(element, "label", "")))
    for element in at.get("arrow_data_frame") + at.get("dataframe") + at.get("table"):
        frame = element.value
        frame = frame.data if hasattr(frame, "data") else frame
        if isinstance(frame, pd.DataFrame):
            parts.append(frame.astype(str).to_csv())
    for chart in at.get("plotly_chart"):
        parts.append(json.dumps(json.loads(chart.proto.spec), ensure_ascii=False))
    return "\n".join(parts)


def english_with_translation(store, lang: str) -> set[str]:
    """Each content text whose `lang` translation exists and differs from its English (long enough to tell)."""
    texts: set[str] = set()
    for table, englishes in TRANSLATED_CONTENT.items():
        for english in englishes:
            rows = store.query(f'SELECT "{english}", "{language_column(english, lang)}" FROM "{table}"')
            texts |= {e for e, x in rows if e and x and e != x and len(e) >= MIN_LENGTH}
    return texts


# Texts kept in one language only (citations, references, observation notes, the benchmark): cut out of what a page
# shows before looking for leaks, since an English content text may be part of one ("FinEst Link project on …").
UNTRANSLATED = {"bottlenecks": ("reference", "people_source"), "indicators": ("source",),
                "observations": ("note", "source"), "flows": ("note", "source"),
                "regions_benchmark": ("name", "funding_model", "bodies", "lessons", "source")}


def without_untranslated(shown: str, store) -> str:
    for table, columns in UNTRANSLATED.items():
        for column in columns:
            for (text,) in store.query(f'SELECT DISTINCT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL '
                                       f'ORDER BY length("{column}") DESC'):
                for form in forms(text):
                    shown = shown.replace(form, "")
    return shown


def forms(text: str) -> set[str]:
    """A data text as a page may draw it: as it is, escaped for Markdown, escaped for HTML (charts)."""
    return {text, markdown_text(text), html_text(text)}


# The pages that show content, opened where their content is (a bottleneck's detail with events and actions,
# an indicator with a definition and series-break notes); widest period so that every row is in view.
PAGES = [
    ("pages/overview.py", {}),
    ("pages/bottlenecks.py", {"bn": "BN-001"}),
    ("pages/bottlenecks.py", {"bn": "BN-026"}),
    ("pages/services.py", {}),
    ("pages/cooperation.py", {}),
    ("pages/indicators.py", {"ind": "MOB_FERRY_PAX"}),
    ("pages/meeting.py", {}),
]


@pytest.mark.parametrize("lang", ["fi", "et"])
def test_pages_show_no_english_content_where_a_translation_exists(demo_copy, lang):
    store = open_store(demo_copy)
    english = english_with_translation(store, lang)
    assert len(english) > 300  # the demo is translated: owners, notes, definitions, descriptions, groups
    seen_translated = 0
    for page, query in PAGES:
        at = run_app(page=page, query={"lang": lang, "from": "2005", "to": "2027", **query})
        assert not at.exception, (page, at.exception)
        shown = without_untranslated(shown_texts(at), store)
        leaked = sorted(text for text in english if any(form in shown for form in forms(text)))
        assert not leaked, (page, query, leaked[:5])
        seen_translated += sum(any(f in shown for f in forms(translation)) for (translation,) in store.query(
            f'SELECT DISTINCT "note_{lang}" FROM bottleneck_events WHERE "note_{lang}" IS NOT NULL'))
    assert seen_translated > 5  # the event notes did appear, in the language


def test_data_page_lists_the_missing_translations_with_a_download(editor):
    store = open_store(editor)
    # The demo's bottleneck accepted from a public report has no translations yet; the rest is complete in Finnish
    # and Estonian.
    before = reports.missing_counts(reports.missing_translations(store))
    with store.transaction() as cur:  # one Finnish note and one Estonian owner go missing
        cur.execute("UPDATE bottleneck_events SET note_fi = NULL WHERE bottleneck = 'BN-001' AND date = '2017-03-15'")
        cur.execute("UPDATE bottlenecks SET owner_ee_et = '' WHERE code = 'BN-004'")
    at = run_app(query={"lang": "fi"})
    at = sign_in(at, "eeva", "a long password")
    at.switch_page("pages/data.py").run()
    assert not at.exception
    lang = "fi"
    table = next(frame.value for frame in at.dataframe if t("Columns to fill", lang) in frame.value.columns)
    rows = {(r[0], r[1], r[2]): (r[3], r[4]) for r in table.itertuples(index=False)}
    assert rows[("bottleneck_events", "BN-001 2017-03-15 #1", "note")] == ("fi, sv", "note_fi, note_sv")
    assert rows[("bottlenecks", "BN-004", "owner_ee")][0].split(", ")[0] == "et"
    counts = reports.missing_counts(reports.missing_translations(store))
    assert (counts["fi"], counts["et"]) == (before["fi"] + 1, before["et"] + 1)
    assert len(table) == reports.missing_counts(reports.missing_translations(store))["sv"] + 1
    metrics = {m.label: m.value for m in at.metric}
    names = reports.language_names(lang)
    assert (metrics[names["fi"]], metrics[names["et"]]) == (str(counts["fi"]), str(counts["et"]))
    # Only the texts missing Estonian.
    at.selectbox(key="missing_lang").set_value("et").run()
    table = next(frame.value for frame in at.dataframe if t("Columns to fill", lang) in frame.value.columns)
    assert "BN-004" in table[t("Code", lang)].tolist() and len(table) == counts["et"]
    labels = [button.label for button in at.get("download_button")]
    assert t("Download CSV", lang) in labels and t("Download Excel", lang) in labels
