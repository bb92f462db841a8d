"""The import template: README in three languages, one sheet per table, dropdowns from a hidden `lists` sheet.

The same writer exports the whole database (`export`), so an export is a filled
template that imports again unchanged.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import xlsxwriter

from ..i18n import LANGUAGE_NAMES, LANGUAGES, N_, Message, t
from ..schema import TABLES, Column, Table
from ..store import Store, quote_identifier

TEMPLATE_ROWS = 5_000  # rows covered by dropdowns in an empty template
REFERENCED_TABLES = ("areas", "indicators", "bottlenecks")

# What a column's kind means, in the README sheet.
_KIND_TEXT = {
    "text": N_("text"), "int": N_("whole number"), "float": N_("number"), "date": N_("date (YYYY-MM-DD)"),
    "period": N_("period (2019, 2019-Q3, 2019-07)"), "enum": N_("choice from the list"), "ref": N_("code"),
    "refs": N_("codes separated by ;"),
}

README_INTRO = [
    N_("TwinReg Monitor — data template"),
    N_("One sheet per table. Keep the header row as it is; fill rows from row 2. A workbook may hold any subset of "
       "the sheets. Codes must exist in the database or in this workbook."),
    N_("Observations may also be wide: indicator, area, then one column per period (2019, 2020, … or 2024-Q1, …)."),
    N_("Formulas are not evaluated: save the file in Excel so calculated values are stored. Macros are refused."),
]


def _helps(help_text: Message | None) -> list[str]:
    """A note of the schema in every interface language, English first."""
    return [t(help_text, lang) if help_text is not None else "" for lang in LANGUAGES]


def _in_every_language(message: str) -> str:
    """"sheet / välilehti / leht / blad": a heading of the shared template, each language once."""
    return " / ".join(dict.fromkeys(t(message, lang) for lang in LANGUAGES))


def _lists(store: Store | None) -> dict[str, list[str]]:
    """Every dropdown list: enum choices and the codes of referenced tables."""
    lists: dict[str, list[str]] = {}
    for table in TABLES:
        for col in table.columns:
            if col.kind == "enum":
                lists.setdefault(_enum_list_name(col), list(col.choices))
    for name in REFERENCED_TABLES:
        codes: list[str] = []
        if store is not None:
            codes = [r[0] for r in store.query(f"SELECT code FROM {quote_identifier(name)} ORDER BY code")]
        lists[f"{name}_codes"] = codes
    return lists


def _enum_list_name(col: Column) -> str:
    return f"{col.name}:" + "|".join(col.choices)[:40]


def _list_key(col: Column) -> str | None:
    if col.kind == "enum":
        return _enum_list_name(col)
    if col.kind == "ref" and col.ref in REFERENCED_TABLES:
        return f"{col.ref}_codes"
    return None


def _cell_value(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def write_workbook(path: str | Path, store: Store | None = None, data: dict[str, pd.DataFrame] | None = None,
                   tables: tuple[Table, ...] = TABLES) -> Path:
    """Write the template (data=None) or a filled template (export)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lists = _lists(store)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                          "strings_to_urls": False, "strings_to_numbers": False})
    wb.set_properties({"title": "TwinReg Monitor data", "author": "TwinReg Monitor",
                       "created": dt.datetime(2024, 1, 1)})
    bold = wb.add_format({"bold": True})
    title = wb.add_format({"bold": True, "font_size": 14})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    header = wb.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1})
    required_header = wb.add_format({"bold": True, "bg_color": "#F8CBAD", "border": 1})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    text_fmt = wb.add_format({"num_format": "@"})

    readme = wb.add_worksheet("README")
    readme.set_column(0, 1, 22)
    readme.set_column(2, 4, 18)
    readme.set_column(5, 4 + len(LANGUAGES), 48, wrap)
    row = 0
    # Every paragraph in every interface language, the English first (the template is shared across the border).
    for i, paragraph in enumerate(README_INTRO):
        for lang in LANGUAGES:
            text = t(paragraph, lang)
            readme.write(row, 0, text if i == 0 else f"{lang.upper()}: {text}", title if i == 0 else wrap)
            row += 1
            if i == 0:
                break  # the title once: the product's name and "data template" say enough
        row += 1
    readme.write_row(row, 0, [_in_every_language(N_("sheet")), _in_every_language(N_("column")),
                              _in_every_language(N_("required")), _in_every_language(N_("type")),
                              _in_every_language(N_("allowed values"))]
                     + [t("explanation ({language})", lang, language=LANGUAGE_NAMES[lang]) for lang in LANGUAGES],
                     bold)
    row += 1
    for table in tables:
        readme.write_row(row, 0, [table.name, "", "", "", "", *_helps(table.help)], bold)
        row += 1
        for col in table.columns:
            allowed = ", ".join(col.choices) if col.kind == "enum" else (
                f"{col.ref}.code" if col.kind in ("ref", "refs") else "")
            readme.write_row(row, 0, [table.name, col.name, "✓" if col.required or col.name in table.key else "",
                                      _in_every_language(_KIND_TEXT[col.kind]), allowed, *_helps(col.help)])
            row += 1

    list_ranges: dict[str, str] = {}
    list_names = list(lists)
    for i, name in enumerate(list_names):
        letter = xlsxwriter.utility.xl_col_to_name(i)
        list_ranges[name] = f"=lists!${letter}$2:${letter}${max(len(lists[name]), 1) + 1}"

    for table in tables:
        ws = wb.add_worksheet(table.name)
        frame = (data or {}).get(table.name)
        n_rows = len(frame) if frame is not None else 0
        last_row = max(TEMPLATE_ROWS, n_rows + 1_000)
        for j, col in enumerate(table.columns):
            fmt = required_header if (col.required or col.name in table.key) else header
            ws.write_string(0, j, col.name, fmt)
            width = max(len(col.name) + 4, 14 if col.kind in ("date", "period", "enum", "ref") else 12)
            if col.name.startswith(("title_", "name_", "description_")) or col.kind == "text" and col.max_length > 500:
                width = 36
            ws.set_column(j, j, width, date_fmt if col.kind == "date" else (text_fmt if col.kind in (
                "ref", "refs", "period") else None))
            ws.write_comment(0, j, "\n".join(f"{lang.upper()}: {text}" for lang, text in
                                              zip(LANGUAGES, _helps(col.help), strict=True)),
                             {"x_scale": 2.2, "y_scale": 1.6})
            key = _list_key(col)
            if key is not None:
                strict = col.kind == "enum"
                ws.data_validation(1, j, last_row, j, {
                    "validate": "list", "source": list_ranges[key],
                    "error_type": "stop" if strict else "warning",
                    "error_title": col.name,
                    "error_message": " / ".join(_helps(col.help))[:255],
                    "ignore_blank": True,
                })
            elif col.kind == "date":
                ws.data_validation(1, j, last_row, j, {
                    "validate": "date", "criteria": "between",
                    "minimum": dt.date(1900, 1, 1), "maximum": dt.date(2100, 12, 31),
                    "error_message": "YYYY-MM-DD", "ignore_blank": True,
                })
            elif col.kind in ("int", "float") and (col.min is not None or col.max is not None):
                criteria = {"validate": "integer" if col.kind == "int" else "decimal", "ignore_blank": True,
                            "error_type": "stop"}
                if col.min is not None and col.max is not None:
                    criteria.update(criteria="between", minimum=col.min, maximum=col.max)
                elif col.min is not None:
                    criteria.update(criteria=">=", value=col.min)
                else:
                    criteria.update(criteria="<=", value=col.max)
                ws.data_validation(1, j, last_row, j, criteria)
        ws.freeze_panes(1, 0)
        if frame is not None and n_rows:
            columns = [frame[c].tolist() for c in table.column_names]
            kinds = [c.kind for c in table.columns]
            for i in range(n_rows):
                for j, kind in enumerate(kinds):
                    value = _cell_value(columns[j][i])
                    if value is None:
                        continue
                    if kind == "date":
                        ws.write_datetime(i + 1, j, dt.datetime.combine(value, dt.time()), date_fmt)
                    elif kind in ("int", "float"):
                        ws.write_number(i + 1, j, float(value) if kind == "float" else int(value))
                    else:
                        ws.write_string(i + 1, j, str(value))
        ws.autofilter(0, 0, max(n_rows, 1), len(table.columns) - 1)

    lists_ws = wb.add_worksheet("lists")
    for i, name in enumerate(list_names):
        lists_ws.write_string(0, i, name.split(":")[0] if ":" in name else name, bold)
    longest = max((len(v) for v in lists.values()), default=0)
    for r in range(longest):
        for i, name in enumerate(list_names):
            values = lists[name]
            if r < len(values):
                lists_ws.write_string(r + 1, i, values[r])
    lists_ws.hide()
    wb.worksheets()[1].activate()
    wb.close()
    return path


def write_template(path: str | Path, store: Store | None = None) -> Path:
    return write_workbook(path, store)


def table_frame(store: Store, table: Table) -> pd.DataFrame:
    cols = ", ".join(quote_identifier(c) for c in table.column_names)
    order = ", ".join(quote_identifier(k) for k in table.key)
    return store.query_df(f"SELECT {cols} FROM {quote_identifier(table.name)} ORDER BY {order}")


def export_workbook(store: Store, path: str | Path) -> Path:
    """The whole database as a filled template; importing it into an empty database reproduces the data."""
    data = {table.name: table_frame(store, table) for table in TABLES}
    return write_workbook(path, store, data)
