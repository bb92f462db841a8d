"""Public reports of cross-border obstacles and their triage (Regulation (EU) 2025/925, BRIDGEforEU).

Anyone may report an obstacle (`submit`): the report gets a case number and a private follow token; only the token's
SHA-256 is stored, so the database alone opens no follow page. Editors triage the queue: accept a report as a new
bottleneck (`accept`), link it to a known one (`link`), ask the reporter for clarification (`ask_clarification`,
answered with `reply`), or close it with a reason (`close`). A two-month assessment clock runs from submission.
Every step is a row in `report_steps` (what the reporter's follow page shows) and an audit line, written in the
same transaction as the change. `purge` erases the personal data of decided cases once the retention period has
passed (`python -m twinreg_data reports purge`).

This is the first write path open to anonymous visitors; SECURITY.md has its threat model. Every text is limited in
size, stripped of control characters and kept as plain text (pages show it literally or through textsafe); a client
address may submit a few reports an hour and the whole server a bounded number; a honeypot field catches naive bots.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
import secrets
import unicodedata
from dataclasses import dataclass

from .. import audit
from ..i18n import t
from ..labels import REPORT_FIELD_LABELS, REPORT_REFUSAL_LABELS
from ..schema import (
    BOTTLENECK_DOMAINS,
    BOTTLENECK_LEVELS,
    BOTTLENECKS,
    CLOSE_REASONS,
    OPEN_REPORT_STATUSES,
    SIDES,
)
from ..store import Store, rebuild_derived

# Characters a field may hold at most (the form's limits too); the report's own texts are free text.
LIMITS: dict[str, int] = {"what": 4000, "place": 300, "affected": 500, "contact_name": 200, "contact_email": 254,
                          "reply": 2000, "message": 2000}
MIN_WHAT = 20  # a report shorter than a sentence cannot be assessed
# A client address may file this many reports within RATE_WINDOW; the server as a whole at most GLOBAL_PER_WINDOW
# (a flood from many addresses fills the queue and the disk slowly, and editors notice).
PER_CLIENT = 5
GLOBAL_PER_WINDOW = 200
RATE_WINDOW = dt.timedelta(hours=1)
ASSESSMENT_MONTHS = 2
# Personal data of a decided case is kept this long after the decision, then erased.
RETENTION_DAYS = 180
TOKEN_BYTES = 32  # 256 bits: the follow link cannot be guessed
CASE_PATTERN = re.compile(r"R-[0-9]{4}-[0-9]{4,6}")
EMAIL_PATTERN = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}")
# Every control and format character but tab and line feed is refused (NUL, escape sequences, bidi overrides).
_ALLOWED_CONTROLS = {"\t", "\n"}


class ReportRefused(Exception):
    """A report or a triage step that cannot be taken; `text(lang)` says why in the reader's language."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        params = dict(self.params)
        if "field" in params:
            params["field"] = t(REPORT_FIELD_LABELS[str(params["field"])], lang)
        return t(REPORT_REFUSAL_LABELS[self.key], lang, **params)


@dataclass(frozen=True)
class Draft:
    """What a visitor typed into the report form."""

    what: str
    place: str
    domain: str | None = None
    area: str | None = None
    affected: str = ""
    contact_name: str = ""
    contact_email: str = ""
    consent: bool = False
    lang: str = "en"
    website: str = ""  # the honeypot: hidden from people, filled by naive bots


@dataclass(frozen=True)
class Submitted:
    case_number: str
    token: str  # shown once to the reporter; only its hash is stored
    due_on: dt.date


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def client_key(client: str) -> str:
    """The rate limit's key for a client address: a hash, so the table never holds the address itself."""
    return hashlib.sha256(("twinreg-report:" + client).encode()).hexdigest()[:32]


def due_date(submitted: dt.date, months: int = ASSESSMENT_MONTHS) -> dt.date:
    """The end of the assessment clock: the same day `months` later (the month's last day if it has none)."""
    month = submitted.month - 1 + months
    year, month = submitted.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(submitted.day, calendar.monthrange(year, month)[1]))


def clean_text(value: object, field: str, *, required: bool = False, minimum: int = 0) -> str:
    """The field as plain text: NFC, line breaks as \\n, trimmed, within its limit, no control characters."""
    text = unicodedata.normalize("NFC", str(value or "")).replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        if required:
            raise ReportRefused("required", field=field)
        return ""
    limit = LIMITS[field]
    if len(text) > limit:
        raise ReportRefused("too_long", field=field, limit=limit, length=len(text))
    if any(unicodedata.category(ch)[0] == "C" and ch not in _ALLOWED_CONTROLS for ch in text):
        raise ReportRefused("control", field=field)
    if len(text) < minimum:
        raise ReportRefused("too_short", field=field, minimum=minimum)
    return text


def _checked(store: Store, draft: Draft) -> dict[str, object]:
    values: dict[str, object] = {
        "what": clean_text(draft.what, "what", required=True, minimum=MIN_WHAT),
        "place": clean_text(draft.place, "place", required=True),
        "affected": clean_text(draft.affected, "affected"),
        "contact_name": clean_text(draft.contact_name, "contact_name"),
        "contact_email": clean_text(draft.contact_email, "contact_email"),
    }
    if values["contact_email"] and not EMAIL_PATTERN.fullmatch(str(values["contact_email"])):
        raise ReportRefused("email")
    if draft.domain is not None and draft.domain not in BOTTLENECK_DOMAINS:
        raise ReportRefused("choice", field="domain")
    if draft.area is not None and not store.scalar("SELECT count(*) FROM areas WHERE code = ?", [draft.area]):
        raise ReportRefused("choice", field="area")
    if not draft.consent:
        raise ReportRefused("consent")
    return values


def submit(store: Store, draft: Draft, client: str, now: dt.datetime | None = None) -> Submitted | None:
    """File a report; None when the honeypot was filled (nothing is stored or logged: a bot must not be able to
    grow the append-only audit log).

    The rate limits are counted and the report written in one serialised transaction, so concurrent submissions
    can neither pass the limits together nor take the same case number."""
    now = now or _now()
    key = client_key(client)
    if draft.website.strip():
        return None
    values = _checked(store, draft)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    due = due_date(now.date())
    # changes_data=False: a public submission never empties the page cache (the report read models are not cached).
    with store.transaction(changes_data=False) as cur:
        since = now - RATE_WINDOW
        mine, everyone = cur.execute(
            "SELECT count(*) FILTER (WHERE client_key = ?), count(*) FROM reports "
            "WHERE submitted_at > ? AND submitted_at <= ?", [key, since, now]).fetchone()
        if mine >= PER_CLIENT:
            raise ReportRefused("rate_client", limit=PER_CLIENT)
        if everyone >= GLOBAL_PER_WINDOW:
            raise ReportRefused("rate_all")
        prefix = f"R-{now.year}-"
        last = cur.execute("SELECT max(CAST(substr(case_number, 8) AS INTEGER)) FROM reports "
                           "WHERE starts_with(case_number, ?)", [prefix]).fetchone()[0]
        case_number = f"{prefix}{(last or 0) + 1:04d}"
        cur.execute(
            "INSERT INTO reports (case_number, token_hash, submitted_at, due_on, lang, domain, area, what, place, "
            "affected, contact_name, contact_email, client_key, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')",
            [case_number, token_hash(token), now, due, draft.lang, draft.domain, draft.area, values["what"],
             values["place"], values["affected"] or None, values["contact_name"] or None,
             values["contact_email"] or None, key])
        _step(cur, case_number, "submitted", "", "public", now)
        audit.write_in(cur, "public", "report_submit", "ok", {"case": case_number, "client": key[:12]}, at=now)
    return Submitted(case_number, token, due)


def _step(cur, case_number: str, step: str, message: str, by_role: str, at: dt.datetime) -> None:
    seq = cur.execute("SELECT coalesce(max(seq), 0) + 1 FROM report_steps WHERE case_number = ?",
                      [case_number]).fetchone()[0]
    cur.execute("INSERT INTO report_steps (case_number, seq, happened_at, step, message, by_role) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [case_number, seq, at, step, message or None, by_role])


def _open_case(cur, case_number: str, statuses: tuple[str, ...] = OPEN_REPORT_STATUSES) -> tuple:
    """The case's row (status, lang, domain, area, what, place, affected, submitted_at), if it is in `statuses`."""
    row = cur.execute("SELECT status, lang, domain, area, what, place, affected, submitted_at FROM reports "
                      "WHERE case_number = ?", [case_number]).fetchone()
    if row is None:
        raise ReportRefused("no_case", case=case_number)
    if row[0] not in statuses:
        raise ReportRefused("decided", case=case_number)
    return row


def reply(store: Store, token: str, text: str, now: dt.datetime | None = None) -> str:
    """The reporter's answer to a request for clarification (through the follow link); returns the case number.
    The answer joins the report's text (erased with it) and the case returns to the queue."""
    now = now or _now()
    answer = clean_text(text, "reply", required=True)
    with store.transaction(changes_data=False) as cur:
        found = cur.execute("SELECT case_number FROM reports WHERE token_hash = ?", [token_hash(token)]).fetchone()
        if found is None:
            raise ReportRefused("no_case", case="")
        case_number = found[0]
        if cur.execute("SELECT status FROM reports WHERE case_number = ?", [case_number]).fetchone()[0] \
                != "clarification":
            raise ReportRefused("not_asked", case=case_number)
        cur.execute("UPDATE reports SET what = what || ? , status = 'new' WHERE case_number = ?",
                    [f"\n\n[{now.date().isoformat()}] {answer}", case_number])
        _step(cur, case_number, "clarification_given", "", "public", now)
        audit.write_in(cur, "public", "report_reply", "ok", {"case": case_number}, at=now)
    return case_number


def ask_clarification(store: Store, case_number: str, message: str, editor: str,
                      now: dt.datetime | None = None) -> None:
    """Ask the reporter a question; it shows on their follow page. The clock keeps running."""
    now = now or _now()
    question = clean_text(message, "message", required=True)
    with store.transaction(changes_data=False) as cur:
        _open_case(cur, case_number)
        cur.execute("UPDATE reports SET status = 'clarification' WHERE case_number = ?", [case_number])
        _step(cur, case_number, "clarification_asked", question, "editor", now)
        audit.write_in(cur, editor, "report_clarify", "ok", {"case": case_number}, at=now)


def close(store: Store, case_number: str, reason: str, message: str, editor: str,
          now: dt.datetime | None = None) -> None:
    """Close a case with one of CLOSE_REASONS and an optional note to the reporter."""
    now = now or _now()
    if reason not in CLOSE_REASONS:
        raise ReportRefused("choice", field="reason")
    note = clean_text(message, "message")
    with store.transaction(changes_data=False) as cur:
        _open_case(cur, case_number)
        cur.execute("UPDATE reports SET status = 'closed', close_reason = ?, decided_at = ? WHERE case_number = ?",
                    [reason, now, case_number])
        _step(cur, case_number, "closed", note, "editor", now)
        audit.write_in(cur, editor, "report_close", "ok", {"case": case_number, "reason": reason}, at=now)


def link(store: Store, case_number: str, bottleneck: str, message: str, editor: str,
         now: dt.datetime | None = None) -> None:
    """The report describes a known bottleneck: link it there (a duplicate) and decide the case."""
    now = now or _now()
    note = clean_text(message, "message")
    with store.transaction(changes_data=False) as cur:
        _open_case(cur, case_number)
        if not cur.execute("SELECT count(*) FROM bottlenecks WHERE code = ?", [bottleneck]).fetchone()[0]:
            raise ReportRefused("no_bottleneck", code=bottleneck)
        cur.execute("UPDATE reports SET status = 'duplicate', bottleneck = ?, decided_at = ? WHERE case_number = ?",
                    [bottleneck, now, case_number])
        _step(cur, case_number, "linked", note, "editor", now)
        audit.write_in(cur, editor, "report_link", "ok", {"case": case_number, "bottleneck": bottleneck}, at=now)


@dataclass(frozen=True)
class Acceptance:
    """What an editor adds when a report becomes a bottleneck; the rest is carried over from the report."""

    title_en: str
    title: str = ""  # the title in the report's language, when that is not English
    side: str = "both"
    level: str = "regional"
    severity: int = 3
    domain: str | None = None  # the report's domain when not given
    owner_fi: str = ""
    owner_ee: str = ""
    message: str = ""


def _check_acceptance(acceptance: Acceptance, domain: str | None) -> None:
    for name, value in (("title_en", acceptance.title_en), ("title", acceptance.title),
                        ("owner_fi", acceptance.owner_fi), ("owner_ee", acceptance.owner_ee)):
        limit = BOTTLENECKS.column("title_en" if name.startswith("title") else name).max_length
        if len(value.strip()) > limit:
            raise ReportRefused("too_long", field=name, limit=limit, length=len(value.strip()))
    if not acceptance.title_en.strip():
        raise ReportRefused("required", field="title_en")
    if acceptance.side not in SIDES or acceptance.level not in BOTTLENECK_LEVELS:
        raise ReportRefused("choice", field="side")
    if not 1 <= int(acceptance.severity) <= 5:
        raise ReportRefused("choice", field="severity")
    if domain not in BOTTLENECK_DOMAINS:
        raise ReportRefused("choice", field="domain")


def accept(store: Store, case_number: str, acceptance: Acceptance, editor: str,
           now: dt.datetime | None = None) -> str:
    """Make the report a new bottleneck (source `report`, identified on the day it was filed) with its first
    status event; returns the new code. The rows are written as an import of their own, so that the Data page's
    history lists it and a rollback removes the bottleneck again."""
    now = now or _now()
    note = clean_text(acceptance.message, "message")
    with store.transaction() as cur:
        status, lang, domain, area, what, place, affected, submitted_at = _open_case(cur, case_number)
        domain = acceptance.domain or domain
        _check_acceptance(acceptance, domain)
        last = cur.execute("SELECT max(CAST(substr(code, 4) AS INTEGER)) FROM bottlenecks "
                           "WHERE regexp_full_match(code, 'BN-[0-9]+')").fetchone()[0]
        code = f"BN-{(last or 0) + 1:03d}"
        lang = lang if lang in ("fi", "et", "sv") else "en"
        values: dict[str, object] = {
            "code": code, "domain": domain, "title_en": acceptance.title_en.strip(),
            "side": acceptance.side, "level": acceptance.level, "severity": int(acceptance.severity),
            "source": "report", "identified_on": submitted_at.date(), "affected_groups": affected,
            "reference": f"Public report {case_number}", "areas": area,
            "owner_fi": acceptance.owner_fi.strip() or None, "owner_ee": acceptance.owner_ee.strip() or None,
            f"description_{lang}": what[:BOTTLENECKS.column("description_en").max_length],
            f"context_{lang}": place,
        }
        if lang != "en" and acceptance.title.strip():
            values[f"title_{lang}"] = acceptance.title.strip()
        sheets = ["bottlenecks", "bottleneck_events"]
        import_id = cur.execute(
            "INSERT INTO imports (file_name, sha256, sheets, uploaded_by, uploaded_at, status, counts, "
            "validation_summary) VALUES (?, ?, ?, ?, ?, 'applied', ?, ?) RETURNING id",
            [f"report {case_number}", hashlib.sha256(case_number.encode()).hexdigest(), json.dumps(sheets), editor,
             now, json.dumps({"bottlenecks": {"new": 1, "changed": 0, "unchanged": 0},
                              "bottleneck_events": {"new": 1, "changed": 0, "unchanged": 0}}),
             json.dumps({"errors": 0, "warnings": 0})]).fetchone()[0]
        names = list(values)
        cur.execute(f"INSERT INTO bottlenecks ({', '.join(names)}, import_id) "
                    f"VALUES ({', '.join('?' for _ in names)}, ?)", [*values.values(), import_id])
        cur.execute("INSERT INTO bottleneck_events (bottleneck, date, seq, status, note, who, import_id) "
                    "VALUES (?, ?, 1, 'identified', ?, ?, ?)",
                    [code, submitted_at.date(), f"From public report {case_number}", editor, import_id])
        rebuild_derived(cur, ["bottlenecks"])
        cur.execute("UPDATE reports SET status = 'accepted', bottleneck = ?, decided_at = ? WHERE case_number = ?",
                    [code, now, case_number])
        _step(cur, case_number, "accepted", note, "editor", now)
        audit.write_in(cur, editor, "report_accept", "ok",
                       {"case": case_number, "bottleneck": code, "import_id": import_id}, at=now)
    return code


def purge(store: Store, now: dt.datetime | None = None, retention_days: int = RETENTION_DAYS,
          actor: str = "system") -> int:
    """Erase the personal data (contact, client key, the report's own texts) of every case decided more than
    `retention_days` ago; returns how many cases were erased. Open cases keep theirs. The case number, its steps
    and the decision stay, so the follow link still shows the outcome."""
    now = now or _now()
    cutoff = now - dt.timedelta(days=retention_days)
    with store.transaction(changes_data=False) as cur:
        cases = [r[0] for r in cur.execute(
            "SELECT case_number FROM reports WHERE erased_at IS NULL AND decided_at IS NOT NULL AND decided_at < ? "
            "ORDER BY case_number", [cutoff]).fetchall()]
        if cases:
            cur.execute("UPDATE reports SET what = '', place = '', affected = NULL, contact_name = NULL, "
                        "contact_email = NULL, client_key = NULL, erased_at = ? "
                        "WHERE case_number IN (SELECT unnest(?::VARCHAR[]))", [now, cases])
            for case_number in cases:
                _step(cur, case_number, "erased", "", "system", now)
        # Rate-limit keys of open cases are needed only for the window; older ones go too.
        cur.execute("UPDATE reports SET client_key = NULL WHERE submitted_at < ?", [now - RATE_WINDOW])
        audit.write_in(cur, actor, "report_purge", "ok", {"rows": len(cases), "days": retention_days}, at=now)
    return len(cases)
