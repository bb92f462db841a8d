"""Tables the Data page shows: validation problems, the diff, import history and the audit log, translated."""

from __future__ import annotations

import json

import pandas as pd

from .. import audit
from ..auth import Identity
from ..i18n import t
from ..store import Store
from .apply import ImportReport
from .validation import group_problems, rule_name

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
        t("data.col_severity", lang): t(f"severity.{g.first.severity}", lang),
        t("data.col_problem", lang): rule_name(g.first.rule, lang),
        t("data.col_sheet", lang): g.first.sheet,
        t("data.col_column", lang): g.first.column,
        t("data.col_value", lang): g.first.value,
        t("Count", lang): g.count,
        t("data.col_cell", lang): g.cells_text(),
        t("data.col_expected", lang): g.first.expected_in(lang),
    } for g in group_problems(report.problems)])


def problems_csv(report: ImportReport, lang: str) -> bytes:
    """Every listed problem as CSV (UTF-8 with BOM, so Excel opens it with the letters right)."""
    return problems_frame(report, lang).to_csv(index=False).encode("utf-8-sig")


def problems_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    """Every listed problem, errors first, with severity, problem name and what was expected in `lang`."""
    rows = [{
        t("data.col_severity", lang): t(f"severity.{p.severity}", lang),
        t("data.col_problem", lang): rule_name(p.rule, lang),
        t("data.col_sheet", lang): p.sheet,
        t("data.col_cell", lang): p.cell,
        t("data.col_column", lang): p.column,
        t("data.col_value", lang): p.value,
        t("data.col_expected", lang): p.expected_in(lang),
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
        t("data.col_sheet", lang): name,
        t("data.new", lang): d.new,
        t("data.changed", lang): d.changed,
        t("data.unchanged", lang): d.unchanged,
        **({t("Hidden rows skipped", lang): d.hidden_skipped} if hidden else {}),
    } for name, d in report.diff.items()])


def changes_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    rows = [{
        t("data.col_sheet", lang): name,
        t("data.col_key", lang): c["key"],
        t("data.col_column", lang): c["column"],
        t("data.col_old", lang): "" if c["old"] is None else str(c["old"]),
        t("data.col_new", lang): "" if c["new"] is None else str(c["new"]),
    } for name, d in report.diff.items() for c in d.changes]
    return pd.DataFrame(rows)


def status_changes_frame(report: ImportReport, lang: str) -> pd.DataFrame:
    return pd.DataFrame([{
        t("data.col_bottleneck", lang): c["bottleneck"],
        t("data.col_before", lang): t(f"status.{c['before']}", lang) if c["before"] else "–",
        t("data.col_after", lang): t(f"status.{c['after']}", lang),
        t("data.col_who", lang): c.get("who") or "",
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
        t("data.col_id", lang): frame["id"],
        t("data.col_file", lang): frame["file_name"],
        t("data.col_by", lang): frame["uploaded_by"],
        t("data.col_at", lang): frame["uploaded_at"],
        t("data.col_status", lang): [t(f"import_status.{s}", lang) for s in frame["status"]],
        t("data.col_rows", lang): [written(c) for c in frame["counts"]],
        t("data.col_sha", lang): frame["sha256"],
    })


def rollback_candidates(store: Store, identity: Identity) -> list[tuple[int, str]]:
    """(import id, label) of the applied imports this identity may roll back, newest first."""
    rows = store.query(
        "SELECT id, file_name, uploaded_by, uploaded_at FROM imports WHERE status = 'applied' ORDER BY id DESC")
    return [(r[0], f"#{r[0]} {r[1]} ({r[2]}, {r[3]:%Y-%m-%d %H:%M})") for r in rows
            if identity.may_roll_back(r[2])]


def audit_frame(store: Store, lang: str, limit: int = 500) -> pd.DataFrame:
    return audit.read(store, limit).rename(columns={
        "logged_at": t("data.col_logged", lang), "actor": t("data.col_actor", lang),
        "action": t("data.col_action", lang), "outcome": t("data.col_outcome", lang),
        "detail": t("data.col_detail", lang),
    })
