"""Display tables of the report pages (the follow page and the editors' triage): pure functions, no Streamlit.

Tables show their cells literally, so the reports' texts go in as they were typed (never as Markdown)."""

from __future__ import annotations

import pandas as pd

from ..i18n import NP_, t
from ..labels import CLOSE_REASON_LABELS, DOMAIN_LABELS, REPORT_ROLE_LABELS, REPORT_STATUS_LABELS, REPORT_STEP_LABELS

EXCERPT_CHARS = 140


def excerpt(text: object, chars: int = EXCERPT_CHARS) -> str:
    """The first `chars` characters of a text on one line, with an ellipsis when cut."""
    line = " ".join(str(text or "").split())
    return line if len(line) <= chars else line[: chars - 1].rstrip() + "…"


def domain_label(domain: object, lang: str) -> str:
    return t(DOMAIN_LABELS[domain], lang) if isinstance(domain, str) and domain in DOMAIN_LABELS else "–"


def steps_table(steps: pd.DataFrame, lang: str, with_role: bool = False) -> pd.DataFrame:
    """A case's steps, oldest first: date, what happened, message (and who, for editors)."""
    table = pd.DataFrame({
        t(NP_("reports.col", "Date"), lang): [pd.Timestamp(d).date() for d in steps["happened_at"]],
        t(NP_("reports.col", "Step"), lang): steps["step"].map(lambda s: t(REPORT_STEP_LABELS[s], lang)),
        t(NP_("reports.col", "Message"), lang): steps["message"].fillna(""),
    })
    if with_role:
        table[t(NP_("reports.col", "By"), lang)] = steps["by_role"].map(
            lambda role: t(REPORT_ROLE_LABELS[role], lang) if role in REPORT_ROLE_LABELS else role)
    return table


def queue_table(queue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The open cases as the triage page shows them."""
    return pd.DataFrame({
        t(NP_("reports.col", "Case"), lang): queue["case_number"],
        t(NP_("reports.col", "Received"), lang): [pd.Timestamp(d).date() for d in queue["submitted_at"]],
        t(NP_("reports.col", "Assess by"), lang): [pd.Timestamp(d).date() for d in queue["due_on"]],
        t(NP_("reports.col", "Days left"), lang): queue["days_left"].astype(int),
        t(NP_("reports.col", "Overdue"), lang): queue["overdue"].astype(bool),
        t(NP_("reports.col", "Status"), lang): queue["status"].map(lambda s: t(REPORT_STATUS_LABELS[s], lang)),
        t(NP_("reports.col", "Domain"), lang): queue["domain"].map(lambda d: domain_label(d, lang)),
        t(NP_("reports.col", "Where"), lang): queue["place"],
        t(NP_("reports.col", "What happens"), lang): queue["what"].map(excerpt),
    })


def decided_table(decided: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The latest decided cases: the decision, and the bottleneck or the reason."""
    def outcome(row) -> str:
        if row.status == "closed":
            return t(CLOSE_REASON_LABELS[row.close_reason], lang) if row.close_reason in CLOSE_REASON_LABELS else ""
        return row.bottleneck or ""

    return pd.DataFrame({
        t(NP_("reports.col", "Case"), lang): decided["case_number"],
        t(NP_("reports.col", "Received"), lang): [pd.Timestamp(d).date() for d in decided["submitted_at"]],
        t(NP_("reports.col", "Decided"), lang): [pd.Timestamp(d).date() for d in decided["decided_at"]],
        t(NP_("reports.col", "Status"), lang): decided["status"].map(lambda s: t(REPORT_STATUS_LABELS[s], lang)),
        t(NP_("reports.col", "Bottleneck or reason"), lang): [outcome(r) for r in decided.itertuples()],
    })
