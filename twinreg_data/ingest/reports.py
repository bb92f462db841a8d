"""Tables the Data page shows: validation problems, the diff, import history, feeds, the audit log and the
content still missing a translation, translated."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from .. import audit, auth
from ..auth import Identity
from ..i18n import LOCALES, N_, NP_, normalise_language, t
from ..labels import (
    AUDIT_ACTION_LABELS,
    AUDIT_DETAIL_LABELS,
    AUDIT_OUTCOME_LABELS,
    DIMENSION_ROLE_LABELS,
    FEED_OUTCOME_LABELS,
    IMPORT_STATUS_LABELS,
    ROLE_LABELS,
    RULE_LABELS,
    SEVERITY_LABELS,
    STATUS_LABELS,
)
from ..schema import TRANSLATED_CONTENT, TRANSLATION_LANGUAGES, language_column
from ..store import Store, quote_identifier
from .apply import ImportReport
from .feeds import PUBLISHER_NAMES, Feed
from .problems import group_problems, rule_name
from .statistics.recipe import Decision

# Which page shows which table, for the links after an import.
PAGE_OF_TABLE = {
    "observations": "indicators",
    "indicators": "indicators",
    "areas": "indicators",
    "bottlenecks": "bottlenecks",
    "bottleneck_events": "bottlenecks",
    "flows": "mobility",
    "services": "services",
    "actions": "cooperation",
    "regions_benchmark": "cooperation",
}


def problem_groups_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """The listed problems grouped (same rule, value and column: one line with its count and first cells),
    errors first, in `lang`: a long list stays readable. problems_frame has every one."""
    return pd.DataFrame([{
        t(NP_("data", "Severity"), lang): t(SEVERITY_LABELS[g.first.severity], lang),
        t("Problem", lang): rule_name(g.first.rule, lang),
        t("Sheet", lang): g.first.sheet,
        t("Column", lang): g.first.column,
        t("Value found", lang): g.first.value,
        t("Count", lang): g.count,
        t("Cell", lang): g.cells_text(),
        t("Expected", lang): g.first.expected_in(lang),
    } for g in group_problems(report.problems)])


def problems_csv(report: ImportReport, lang: str) -> bytes:
    """Every listed problem as CSV (UTF-8 with BOM, so Excel opens it with the letters right)."""
    return problems_frame(report, lang).to_csv(index=False).encode("utf-8-sig")


def problems_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """Every listed problem, errors first, with severity, problem name and what was expected in `lang`."""
    rows = [{
        t(NP_("data", "Severity"), lang): t(SEVERITY_LABELS[p.severity], lang),
        t("Problem", lang): t(RULE_LABELS[p.rule], lang),
        t("Sheet", lang): p.sheet,
        t("Cell", lang): p.cell,
        t("Column", lang): p.column,
        t("Value found", lang): p.value,
        t("Expected", lang): p.expected_in(lang),
        "_order": (0 if p.severity == "error" else 1, i),
    } for i, p in enumerate(report.problems)]
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    return frame.sort_values("_order").drop(columns="_order").reset_index(drop=True)


def diff_summary_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """New, changed and unchanged rows per table, and the hidden rows left out when there were any."""
    hidden = any(d.hidden_skipped for d in report.diff.values())
    return pd.DataFrame([{
        t("Sheet", lang): name,
        t(NP_("data.new", "New"), lang): d.new,
        t("Changed", lang): d.changed,
        t(NP_("data", "Unchanged"), lang): d.unchanged,
        **({t("Hidden rows skipped", lang): d.hidden_skipped} if hidden else {}),
    } for name, d in report.diff.items()])


def changes_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    rows = [{
        t("Sheet", lang): name,
        t("Row", lang): c["key"],
        t("Column", lang): c["column"],
        t("Old", lang): "" if c["old"] is None else str(c["old"]),
        t(NP_("data.col_new", "New"), lang): "" if c["new"] is None else str(c["new"]),
    } for name, d in report.diff.items() for c in d.changes]
    return pd.DataFrame(rows)


def status_changes_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    def status(code: str | None) -> str:
        return t(STATUS_LABELS[code], lang) if code else "–"

    return pd.DataFrame([{
        t("Bottleneck", lang): c["bottleneck"],
        t("Before", lang): status(c["before"]),
        t("After", lang): status(c["after"]),
        t("Who", lang): c.get("who") or "",
    } for c in report.status_changes])


def changed_pages(report: ImportReport) -> list[str]:
    """Pages showing the tables an import changed, in a stable order."""
    pages = []
    for name, d in report.diff.items():
        page = PAGE_OF_TABLE.get(name)
        if (d.new or d.changed) and page and page not in pages:
            pages.append(page)
    return pages


def rows_written(report: ImportReport) -> int:
    return sum(d.new + d.changed for d in report.diff.values())


def history_frame(store: Store, lang: str) -> pd.DataFrame:
    frame = store.query_df(
        "SELECT id, file_name, uploaded_by, uploaded_at, status, counts, sha256 FROM imports ORDER BY id DESC")

    def written(counts: str) -> int:
        return sum(c.get("new", 0) + c.get("changed", 0) for c in json.loads(counts).values())

    return pd.DataFrame({
        t("Import", lang): frame["id"],
        t("File", lang): frame["file_name"],
        t("Uploaded by", lang): frame["uploaded_by"],
        t("Uploaded at (UTC)", lang): frame["uploaded_at"],
        t("Status", lang): [t(IMPORT_STATUS_LABELS[s], lang) for s in frame["status"]],
        t("Rows added / changed", lang): [written(c) for c in frame["counts"]],
        t("SHA-256", lang): frame["sha256"],
    })


def rollback_candidates(store: Store, identity: Identity) -> list[tuple[int, str]]:
    """(import id, label) of the applied imports this identity may roll back, newest first."""
    rows = store.query(
        "SELECT id, file_name, uploaded_by, uploaded_at FROM imports WHERE status = 'applied' ORDER BY id DESC")
    return [(r[0], f"#{r[0]} {r[1]} ({r[2]}, {r[3]:%Y-%m-%d %H:%M})") for r in rows
            if identity.may_roll_back(r[2])]


def _label(labels: dict, code: object, lang: str) -> str:
    """The translated label of a code, or the code itself when it has none (a line written by a newer version)."""
    return t(labels[code], lang) if code in labels else str(code)


def audit_detail_text(detail: object, lang: str) -> str:
    """An audit line's details for people: "File: x.xlsx · Import: #3 · SHA-256: 56123997a29e…", fields
    translated, a role by its label, the checksum shortened; text that is not a JSON object is shown as it is."""
    try:
        fields = json.loads(detail) if isinstance(detail, str) else None
    except ValueError:
        fields = None
    if not isinstance(fields, dict):
        return "" if detail is None else str(detail)
    parts = []
    for key, value in fields.items():
        if value is None or value == "" or (key == "errors" and value == 0):
            continue
        if key == "sha256":
            value = str(value)[:12] + "…"
        elif key == "import_id":
            value = f"#{value}"
        elif key == "role":
            value = _label(ROLE_LABELS, value, lang)
        elif isinstance(value, dict | list):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) if isinstance(value, dict) else \
                ", ".join(map(str, value))
        parts.append(f"{_label(AUDIT_DETAIL_LABELS, key, lang)}: {value}")
    return " · ".join(parts)


def audit_frame(store: Store, lang: str, limit: int = 500) -> pd.DataFrame:
    """The audit log as the Data page shows it: headers, actions and outcomes translated, details readable."""
    lines = audit.read(store, limit)
    return pd.DataFrame({
        t("When (UTC)", lang): lines["logged_at"],
        t("Who", lang): lines["actor"],
        t(NP_("data", "Action"), lang): [_label(AUDIT_ACTION_LABELS, a, lang) for a in lines["action"]],
        t("Outcome", lang): [_label(AUDIT_OUTCOME_LABELS, o, lang) for o in lines["outcome"]],
        t("Detail", lang): [audit_detail_text(d, lang) for d in lines["detail"]],
    })


def accounts_frame(store: Store, lang: str) -> pd.DataFrame:
    """The accounts as the Data page shows them: name, role (translated), when created and when the password was
    last set (UTC)."""
    users = auth.list_users(store)
    return pd.DataFrame({
        t("Name", lang): users["name"],
        t("Role", lang): [_label(ROLE_LABELS, r, lang) for r in users["role"]],
        t("Created (UTC)", lang): users["created_at"],
        t("Password set (UTC)", lang): users["password_changed_at"],
    })



# What an open decision asks on the Data page, whose controls stand above it (the decision's own text names the
# command line's options).
_DECISION_ON_PAGE = {
    "area": N_("Choose above which dimension holds the areas, or one area for the whole file."),
    "period": N_("Choose above which dimension holds the periods."),
    "indicator": N_("Choose above the indicator the values go to: an existing one, or a new one defined under "
                    "“A new indicator”."),
    "keep": N_("Choose above the one value of {dimension} to keep."),
    "new_indicator": N_("Complete the new indicator above: code, name, domain, unit and polarity."),
}


def decision_on_page(decision: Decision, lang: str) -> str:
    """An open decision of a statistics file's mapping, worded for the Data page."""
    message = _DECISION_ON_PAGE.get(decision.what)
    if message is None or (decision.what == "keep" and not decision.dimension):
        return decision.text(lang)
    return t(message, lang, dimension=decision.dimension) if "{dimension}" in message else t(message, lang)


def dimensions_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """A statistics file's dimensions: name, label, number of values, a sample, guessed and chosen role."""
    return pd.DataFrame([{
        t("Dimension", lang): d["name"],
        t("Label", lang): d["label"],
        t("Values", lang): d["count"],
        t("Sample", lang): d["sample"],
        t("Guessed role", lang): t(DIMENSION_ROLE_LABELS[str(d["guessed_role"])], lang),
        t("Chosen role", lang): t(DIMENSION_ROLE_LABELS[str(d["role"])], lang)
        + (f": {d['kept']}" if d.get("kept") else ""),
    } for d in report.dimensions])


# How the Data page names a row of each table with translated content (its key, as an editor finds it in the sheet).
_ROW_NAME_SQL = {"bottleneck_events": "bottleneck || ' ' || strftime(date, '%Y-%m-%d') || ' #' || seq"}


def missing_translations(store: Store) -> pd.DataFrame:
    """Every content text that has English but lacks a language: table, code, field (the English column), missing
    (language codes, in TRANSLATION_LANGUAGES order) and the English text; by table (import order), code, field.

    Empty or blank cells count as missing: that is what the pages fall back from."""
    parts = []
    for table, englishes in TRANSLATED_CONTENT.items():
        row_name = _ROW_NAME_SQL.get(table, "code")
        for english in englishes:
            checks = ", ".join(
                f"CASE WHEN nullif(trim({quote_identifier(language_column(english, lang))}), '') IS NULL "
                f"THEN '{lang}' END" for lang in TRANSLATION_LANGUAGES)
            parts.append(
                f"SELECT '{table}' AS table_name, {row_name} AS code, '{english}' AS field, "
                f"list_filter([{checks}], lambda x: x IS NOT NULL) AS missing, {quote_identifier(english)} AS english "
                f"FROM {quote_identifier(table)} WHERE nullif(trim({quote_identifier(english)}), '') IS NOT NULL")
    order = {name: i for i, name in enumerate(TRANSLATED_CONTENT)}
    frame = store.query_df(f"SELECT * FROM ({' UNION ALL '.join(parts)}) WHERE len(missing) > 0")
    fields = {(table, e): i for table, es in TRANSLATED_CONTENT.items() for i, e in enumerate(es)}
    frame["_table"] = frame["table_name"].map(order)
    frame["_field"] = [fields[(tb, f)] for tb, f in zip(frame["table_name"], frame["field"], strict=True)]
    frame = frame.sort_values(["_table", "code", "_field"], ignore_index=True)
    return frame.drop(columns=["_table", "_field"])


def missing_translations_frame(missing: pd.DataFrame, lang: str, only: str = "") -> pd.DataFrame:
    """`missing_translations` as the Data page shows and downloads it, translated headers; `only` keeps the rows
    missing that language (all rows when empty)."""
    if only:
        missing = missing[[only in langs for langs in missing["missing"]]]
    return pd.DataFrame({
        t("Sheet", lang): missing["table_name"].to_numpy(),
        t("Code", lang): missing["code"].to_numpy(),
        t("Field", lang): missing["field"].to_numpy(),
        t("Missing languages", lang): [", ".join(langs) for langs in missing["missing"]],
        t("Columns to fill", lang): [", ".join(language_column(f, x) for x in langs)
                                     for f, langs in zip(missing["field"], missing["missing"], strict=True)],
        t("English text", lang): missing["english"].to_numpy(),
    })


def language_names(lang: str) -> dict[str, str]:
    """The content languages' names in `lang`, capitalised for a label ("Viro", "Rootsi")."""
    from babel import Locale

    names = Locale.parse(LOCALES[normalise_language(lang)]).languages
    return {code: names.get(code, code)[:1].upper() + names.get(code, code)[1:] for code in TRANSLATION_LANGUAGES}


def missing_counts(missing: pd.DataFrame) -> dict[str, int]:
    """How many texts lack each language."""
    return {lang: sum(lang in langs for langs in missing["missing"]) for lang in TRANSLATION_LANGUAGES}


@dataclass(frozen=True)
class FeedCard:
    """What the Data page shows of a feed: its source, last outcome (label and badge colour), when, the message."""

    source: str
    outcome: str
    colour: str
    last_run: str
    message: str


FEED_OUTCOME_COLOURS = {"applied": "green", "nothing_new": "blue", "failed": "red", "": "gray"}


def feed_card(feed: Feed, lang: str) -> FeedCard:
    if feed.last_run_at is None:
        last_run = t("Recipe: {recipe}. Not run yet.", lang, recipe=feed.recipe)
    else:
        last_run = t("Recipe: {recipe}. Last run {when} UTC.", lang, recipe=feed.recipe,
                     when=f"{feed.last_run_at:%Y-%m-%d %H:%M}")
    return FeedCard(f"{PUBLISHER_NAMES[feed.publisher]} · {feed.api} · {feed.table_ref}",
                    _label(FEED_OUTCOME_LABELS, feed.last_outcome, lang),
                    FEED_OUTCOME_COLOURS.get(feed.last_outcome, "gray"), last_run, feed.last_message_in(lang))
