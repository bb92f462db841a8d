"""Downloads of exactly the data a view shows: CSV and XLSX, safe to open in Excel, each carrying its metadata.

A cell that starts with = + - @, a tab, CR or LF could run as a formula in a
spreadsheet program (CSV/formula injection), so such text gets a leading apostrophe, in the metadata too.

As Our World in Data does, a download says what it is: the Excel file has a second sheet "metadata" (title,
sources, unit, the filters of the view, data as of, licence, the link to the view); the CSV comes in a zip with
that metadata as README.txt and metadata.json beside data.csv. The page builds the `About` from what it knows.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from .filters import Filters
from .i18n import LANGUAGE_NAMES, N_, format_day, t
from .labels import DOMAIN_LABELS, SIDE_LABELS

# No licence is stated for the data anywhere else: the monitor's data are offered under CC BY 4.0, unless a
# source says otherwise (the metadata says so).
DATA_LICENCE = "CC BY 4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "TwinReg Monitor"


@dataclass(frozen=True)
class About:
    """What a download says about itself. `sources` are citations (publisher, title or table, year, link);
    `view` is the global filters in view, `page_filters` the page's own choices as (label, value) in the
    download's language; `data_as_of` is the time of the latest import."""

    title: str
    sources: tuple[str, ...]
    view: Filters
    unit: str = ""
    page_filters: tuple[tuple[str, str], ...] = ()
    data_as_of: dt.datetime | None = None
    link: str = ""
    licence: str = DATA_LICENCE
    licence_url: str = DATA_LICENCE_URL
    notes: tuple[str, ...] = field(default=())

    @property
    def lang(self) -> str:
        return self.view.lang


def filter_rows(view: Filters) -> list[tuple[str, str]]:
    """The global filters of a view as (label, value) in its language."""
    lang = view.lang
    domains = ", ".join(t(DOMAIN_LABELS[d], lang) for d in view.domains) if view.domains else t("All domains", lang)
    return [(t("Domains", lang), domains),
            (t("Side of the border", lang), t(SIDE_LABELS[view.side], lang)),
            (t("Period", lang), f"{view.year_from}–{view.year_to}")]


def _as_of_text(about: About) -> str:
    if about.data_as_of is None:
        return t("No import yet", about.lang)
    return f"{format_day(about.data_as_of.date(), about.lang)} {about.data_as_of:%H:%M} UTC"


def metadata_rows(about: About) -> list[tuple[str, str]]:
    """The metadata as (label, value) lines in the download's language, in the order shown."""
    lang = about.lang
    sources = [s for s in dict.fromkeys(s.strip() for s in about.sources) if s]
    rows = [(t("Title", lang), about.title)]
    label = t("Sources", lang) if len(sources) > 1 else t(N_("Source"), lang)
    rows += [(label if i == 0 else "", s) for i, s in enumerate(sources or [t("Not stated", lang)])]
    if about.unit:
        rows.append((t("Unit", lang), about.unit))
    rows += filter_rows(about.view) + list(about.page_filters)
    rows.append((t("Data as of", lang), _as_of_text(about)))
    rows.append((t("Licence", lang), t("{licence} ({url}), unless a source says otherwise. Cite {publisher} and the "
                                       "sources above.", lang, licence=about.licence, url=about.licence_url,
                                       publisher=PUBLISHER)))
    if about.link:
        rows.append((t("Link to this view", lang), about.link))
    rows += [(t("Note", lang) if i == 0 else "", n) for i, n in enumerate(about.notes)]
    rows.append((t("Language", lang), LANGUAGE_NAMES.get(about.lang, about.lang)))
    return rows


def metadata_json(about: About) -> dict:
    """The metadata for machines: codes, not labels, for the filters; ISO time."""
    view = about.view
    return {
        "title": about.title,
        "sources": [s for s in dict.fromkeys(s.strip() for s in about.sources) if s],
        "unit": about.unit or None,
        "filters": {"language": view.lang, "domains": list(view.domains) or "all", "side": view.side,
                    "period_from": view.year_from, "period_to": view.year_to,
                    **{label: value for label, value in about.page_filters}},
        "data_as_of": about.data_as_of.isoformat() if about.data_as_of else None,
        "licence": about.licence,
        "licence_url": about.licence_url,
        "publisher": PUBLISHER,
        "link": about.link or None,
        "notes": list(about.notes),
    }


def readme_text(about: About, columns: list[str]) -> str:
    """README.txt of the zip: the metadata and the columns of data.csv, plain text."""
    lines = [about.title, "=" * len(about.title), ""]
    width = max(len(label) for label, _ in metadata_rows(about))
    lines += [f"{label:<{width}}  {value}".rstrip() for label, value in metadata_rows(about)[1:]]
    lines += ["", t("Files: data.csv (the table, UTF-8), metadata.json (this information for programs).",
                    about.lang), "", t("Columns of data.csv:", about.lang)]
    lines += [f"- {c}" for c in columns]
    return "\r\n".join(lines) + "\r\n"


def with_codes(table: pd.DataFrame, codes: dict[str, object], lang: str) -> pd.DataFrame:
    """A download of `table` with the codes behind its labels in their own columns: "<column> (code)" just before
    each labelled column named in `codes` (its codes in the table's row order). Missing codes stay empty."""
    out = table.copy()
    for label, values in codes.items():
        if label not in out.columns:
            continue
        column = pd.Series(list(values), index=out.index, dtype=object).where(lambda v: v.notna(), "")
        out.insert(out.columns.get_loc(label), t("{column} (code)", lang, column=label), column)
    return out


def file_stem(stem: str, view: Filters) -> str:
    """A file name that says what and which filters: table, side, period, domains and language, ASCII only."""
    parts = [stem, view.side if view.side != "both" else "FI-EE", f"{view.year_from}-{view.year_to}"]
    if view.domains:
        parts.append("+".join(view.domains) if len(view.domains) <= 3 else f"{len(view.domains)}-domains")
    parts.append(view.lang)
    return re.sub(r"[^A-Za-z0-9_+.-]+", "_", "_".join(parts))[:150]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def escape_formula(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells can no longer be read as formulas; numbers and dates unchanged."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(escape_formula).astype(object)
    out.columns = [str(escape_formula(str(c))) for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel opens Finnish and Estonian letters correctly."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx_bytes(frame: pd.DataFrame, sheet: str = "data", about: About | None = None) -> bytes:
    """The table on its sheet; with `about`, a second sheet "metadata" of (field, value) rows."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_formulas": False, "strings_to_urls": False}}) as xl:
        safe_frame(frame).to_excel(xl, sheet_name=sheet[:31], index=False)
        xl.sheets[sheet[:31]].freeze_panes(1, 0)
        if about is not None:
            rows = pd.DataFrame(metadata_rows(about), columns=[t("Field", about.lang), t("Value", about.lang)])
            safe_frame(rows).to_excel(xl, sheet_name="metadata", index=False)
            meta = xl.sheets["metadata"]
            meta.set_column(0, 0, 24)
            meta.set_column(1, 1, 100, xl.book.add_format({"text_wrap": True, "valign": "top"}))
    return buffer.getvalue()


def to_csv_zip_bytes(frame: pd.DataFrame, about: About) -> bytes:
    """A zip of data.csv (as `to_csv_bytes`), README.txt and metadata.json."""
    data = to_csv_bytes(frame)
    columns = [str(c) for c in safe_frame(frame.head(0)).columns]
    meta = metadata_json(about) | {"columns": columns}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data.csv", data)
        zf.writestr("README.txt", readme_text(about, columns).encode("utf-8-sig"))
        zf.writestr("metadata.json", json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"))
    return buffer.getvalue()


def register_bytes(store, year: int, lang: str, kind: str) -> bytes:
    """The register export for the Commission of a reporting year as "csv" or "xlsx" (texts in `lang`)."""
    from .queries.register import commission_register, obstacles_of_year

    frame = commission_register(obstacles_of_year(store, year, lang), year)
    return to_csv_bytes(frame) if kind == "csv" else to_xlsx_bytes(frame, sheet=f"register {year}")


def yearly_report_bytes(store, year: int, lang: str, kind: str) -> bytes:
    """The yearly report of `year` in `lang` as "pptx" or "pdf" (the PDF needs LibreOffice)."""
    from .briefing import pdf_bytes, pptx_bytes
    from .briefing.yearly import yearly_report

    report = yearly_report(store, year, lang)
    return pptx_bytes(report) if kind == "pptx" else pdf_bytes(report)
