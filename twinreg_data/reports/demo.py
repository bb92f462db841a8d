"""Demo public reports in every state (new, overdue, waiting for clarification, accepted, linked, closed), filed and
triaged through the real functions, so the triage queue and the follow page are not empty in a demo database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..store import Store
from . import Acceptance, Draft, accept, ask_clarification, close, link, submit

DEMO_EDITOR = "demo"


def seed_demo_reports(store: Store, path: Path, today: dt.date | None = None) -> list[str]:
    """File the reports of `path` (data/demo/reports.json) unless the database has reports; their case numbers."""
    if store.scalar("SELECT count(*) FROM reports"):
        return []
    today = today or dt.date.today()
    cases = []
    for number, record in enumerate(json.loads(path.read_text(encoding="utf-8"))["reports"]):
        filed = dt.datetime.combine(today - dt.timedelta(days=record["days_ago"]), dt.time(9, 30))
        draft = Draft(what=record["what"], place=record["place"], domain=record["domain"], area=record["area"],
                      affected=record["affected"], consent=True, lang=record["lang"])
        submitted = submit(store, draft, client=f"demo-{number}", now=filed)
        assert submitted is not None
        cases.append(submitted.case_number)
        decision = record["decision"]
        if decision is None:
            continue
        when = filed + dt.timedelta(days=decision["days_after"], hours=2)
        case = submitted.case_number
        if decision["step"] == "clarify":
            ask_clarification(store, case, decision["message"], DEMO_EDITOR, now=when)
        elif decision["step"] == "accept":
            accept(store, case, Acceptance(title_en=decision["title_en"], title=decision["title"],
                                           side=decision["side"], level=decision["level"],
                                           severity=decision["severity"], owner_fi=decision["owner_fi"],
                                           owner_ee=decision["owner_ee"], message=decision["message"]),
                   DEMO_EDITOR, now=when)
        elif decision["step"] == "link":
            link(store, case, decision["bottleneck"], decision["message"], DEMO_EDITOR, now=when)
        else:
            close(store, case, decision["reason"], decision["message"], DEMO_EDITOR, now=when)
    return cases
