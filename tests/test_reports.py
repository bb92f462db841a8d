"""Public reports and their triage, against a real database: the first write path open to anonymous visitors.

Each abuse case of SECURITY.md ("Public reports") has a test here: size limits, control characters, markup kept
as text, rate limits per client and for the server, the honeypot, unguessable follow links, no personal data on the
follow page, erasure after the retention period, and 50 concurrent submissions that lose nothing."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from twinreg_data import auth, reports
from twinreg_data.queries import bottlenecks as bottleneck_queries
from twinreg_data.queries import reports as queries
from twinreg_data.reports import Acceptance, Draft, ReportRefused
from twinreg_data.store import Store

REPO = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2026, 3, 2, 10, 0)
WHAT = "My Estonian pension is taxed twice because the certificate never reaches the Finnish tax office."


def draft(**changes: object) -> Draft:
    values: dict = dict(what=WHAT, place="Espoo", domain="taxation", affected="pensioners", consent=True)
    return Draft(**{**values, **changes})


@pytest.fixture
def db(demo_copy: Path) -> Store:
    store = Store(demo_copy)
    yield store
    store.close()


def counts(store: Store) -> tuple[int, int, int]:
    return (store.scalar("SELECT count(*) FROM reports"), store.scalar("SELECT count(*) FROM report_steps"),
            store.scalar("SELECT count(*) FROM audit_log"))


def test_a_report_gets_a_case_number_a_clock_and_a_private_follow_link(db: Store) -> None:
    before = db.scalar("SELECT count(*) FROM reports")
    done = reports.submit(db, draft(contact_name="Maie Tamm", contact_email="maie@example.org"), "203.0.113.7",
                          now=NOW)
    assert reports.CASE_PATTERN.fullmatch(done.case_number) and done.case_number.startswith("R-2026-")
    assert done.due_on == dt.date(2026, 5, 2)
    assert reports.due_date(dt.date(2026, 12, 31)) == dt.date(2027, 2, 28)
    assert len(done.token) >= 40  # 256 random bits
    assert db.scalar("SELECT count(*) FROM reports") == before + 1
    # Only the token's hash is stored; the case number alone opens nothing.
    assert db.scalar("SELECT count(*) FROM reports WHERE token_hash = ?", [done.token]) == 0
    assert queries.case_view(db, done.case_number, "en") is None
    assert queries.case_view(db, done.token[:-1] + ("A" if done.token[-1] != "A" else "B"), "en") is None
    view = queries.case_view(db, done.token, "en")
    assert view.case_number == done.case_number and view.status == "new" and view.is_open
    assert list(view.steps["step"]) == ["submitted"]
    # The follow view holds no personal data: no contact, no address, not even the report's own text.
    shown = json.dumps({k: str(v) for k, v in vars(view).items()})
    for private in ("Maie", "maie@example.org", "203.0.113.7", "pension", reports.client_key("203.0.113.7")):
        assert private not in shown
    assert db.scalar("SELECT count(*) FROM audit_log WHERE action = 'report_submit' AND detail LIKE ?",
                     [f"%{done.case_number}%"]) == 1
    assert "203.0.113.7" not in db.scalar("SELECT string_agg(detail, ' ') FROM audit_log")


@pytest.mark.parametrize(("changes", "key", "field"), [
    (dict(what="x" * (reports.LIMITS["what"] + 1)), "too_long", "what"),
    (dict(place="p" * (reports.LIMITS["place"] + 1)), "too_long", "place"),
    (dict(affected="a" * (reports.LIMITS["affected"] + 1)), "too_long", "affected"),
    (dict(contact_name="n" * (reports.LIMITS["contact_name"] + 1)), "too_long", "contact_name"),
    (dict(what="   "), "required", "what"),
    (dict(what="too short"), "too_short", "what"),
    (dict(place=""), "required", "place"),
    (dict(what=WHAT + "\x00"), "control", "what"),
    (dict(place="Espoo\u202e"), "control", "place"),  # a bidi override that would disguise the text
    (dict(contact_email="not an address"), "email", None),
    (dict(domain="weather"), "choice", "domain"),
    (dict(area="XX-000"), "choice", "area"),
    (dict(consent=False), "consent", None),
])
def test_bad_input_is_refused_with_a_reason_and_nothing_is_written(db: Store, changes: dict, key: str,
                                                                   field: str | None) -> None:
    before = counts(db)
    with pytest.raises(ReportRefused) as refused:
        reports.submit(db, draft(**changes), "198.51.100.1", now=NOW)
    assert refused.value.key == key and refused.value.params.get("field") == field
    assert refused.value.text("fi") and refused.value.text("et")
    assert counts(db) == before


def test_markup_in_a_report_is_kept_as_plain_text(db: Store) -> None:
    hostile = "<script>alert(1)</script> [click](https://evil.example) **bold** $x$ :red[alarm] " + "!" * 10
    done = reports.submit(db, draft(what=hostile, place="<b>Tallinn</b>"), "198.51.100.2", now=NOW)
    case = queries.case_for_editor(db, done.case_number)
    assert case["what"] == hostile and case["place"] == "<b>Tallinn</b>"  # stored as typed, shown literally


def test_a_client_may_send_a_few_reports_an_hour(db: Store) -> None:
    for i in range(reports.PER_CLIENT):
        reports.submit(db, draft(), "192.0.2.50", now=NOW + dt.timedelta(minutes=i))
    before = counts(db)
    with pytest.raises(ReportRefused) as refused:
        reports.submit(db, draft(), "192.0.2.50", now=NOW + dt.timedelta(minutes=10))
    assert refused.value.key == "rate_client" and counts(db) == before
    reports.submit(db, draft(), "192.0.2.51", now=NOW + dt.timedelta(minutes=10))  # another client is not slowed
    reports.submit(db, draft(), "192.0.2.50", now=NOW + reports.RATE_WINDOW + dt.timedelta(minutes=1))


def test_a_spoofed_forwarded_for_header_does_not_escape_the_limit(db: Store) -> None:
    # Behind no trusted proxy the header is the client's own claim: every submission counts against the peer.
    for i in range(reports.PER_CLIENT):
        client = auth.client_address("192.0.2.60", [f"10.0.0.{i}"], trusted_proxies=())
        reports.submit(db, draft(), client, now=NOW)
    client = auth.client_address("192.0.2.60", ["10.9.9.9"], trusted_proxies=())
    with pytest.raises(ReportRefused):
        reports.submit(db, draft(), client, now=NOW)
    # Behind a trusted proxy, the address the proxy saw is the client.
    assert auth.client_address("10.1.1.1", ["6.6.6.6, 192.0.2.61"], ["10.1.1.1"]) == "192.0.2.61"


def test_a_flood_from_many_addresses_is_bounded(db: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports, "GLOBAL_PER_WINDOW", 8)
    for i in range(8):
        reports.submit(db, draft(), f"192.0.2.{100 + i}", now=NOW)
    with pytest.raises(ReportRefused) as refused:
        reports.submit(db, draft(), "192.0.2.200", now=NOW)
    assert refused.value.key == "rate_all"


def test_the_honeypot_stores_and_logs_nothing(db: Store) -> None:
    before = counts(db)
    assert reports.submit(db, draft(website="http://spam.example"), "192.0.2.70", now=NOW) is None
    assert counts(db) == before


def test_fifty_concurrent_submissions_lose_nothing(db: Store) -> None:
    before = counts(db)
    results: list = []
    errors: list = []
    start = threading.Barrier(50)

    def send(i: int) -> None:
        start.wait()
        try:
            results.append(reports.submit(db, draft(what=f"{WHAT} (report {i})"), f"198.18.0.{i}", now=NOW))
        except Exception as exc:  # any error is a lost report
            errors.append(exc)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == [] and len(results) == 50
    assert len({r.case_number for r in results}) == 50 and len({r.token for r in results}) == 50
    after = counts(db)
    assert after == (before[0] + 50, before[1] + 50, before[2] + 50)
    stored = {r[0] for r in db.query("SELECT what FROM reports WHERE what LIKE ?", [WHAT + " (report %"])}
    assert stored == {f"{WHAT} (report {i})" for i in range(50)}


def test_triage_steps_are_audited_and_shown_to_the_reporter(db: Store) -> None:
    asked = reports.submit(db, draft(lang="fi", area="FI-049"), "192.0.2.80", now=NOW)
    reports.ask_clarification(db, asked.case_number, "Which tax year?", "eeva", now=NOW + dt.timedelta(days=3))
    assert queries.case_view(db, asked.token, "fi").status == "clarification"
    with pytest.raises(ReportRefused):  # no second decision path while the reporter is asked
        reports.reply(db, "not-a-token", "2025", now=NOW)
    assert reports.reply(db, asked.token, "Tax year 2025.", now=NOW + dt.timedelta(days=4)) == asked.case_number
    with pytest.raises(ReportRefused) as refused:
        reports.reply(db, asked.token, "again", now=NOW + dt.timedelta(days=4))
    assert refused.value.key == "not_asked"
    code = reports.accept(db, asked.case_number, Acceptance(title_en="Pension certificates do not reach Finland",
                                                            title="Eläketodistukset eivät tule perille",
                                                            side="both", level="national", severity=3,
                                                            owner_fi="Verohallinto", owner_ee="Maksu- ja Tolliamet"),
                          "eeva", now=NOW + dt.timedelta(days=10))
    detail = bottleneck_queries.detail(db, code, "fi")
    assert detail.title == "Eläketodistukset eivät tule perille" and detail.source == "report"
    assert detail.identified_on == NOW.date() and "Tax year 2025." in detail.description
    assert [c for c, _ in detail.record.areas] == ["FI-049"]
    assert detail.status == "identified"
    view = queries.case_view(db, asked.token, "en")
    assert (view.status, view.bottleneck) == ("accepted", code)
    assert list(view.steps["step"]) == ["submitted", "clarification_asked", "clarification_given", "accepted"]
    assert view.steps["message"].iloc[1] == "Which tax year?"
    actions = [r[0] for r in db.query("SELECT action FROM audit_log WHERE detail LIKE ? ORDER BY id",
                                      [f"%{asked.case_number}%"])]
    assert actions == ["report_submit", "report_clarify", "report_reply", "report_accept"]
    with pytest.raises(ReportRefused) as refused:  # a decided case takes no second decision
        reports.close(db, asked.case_number, "incomplete", "", "eeva")
    assert refused.value.key == "decided"
    # The accepted bottleneck came in as an import of its own: the history lists it and a rollback removes it.
    import_id = db.scalar("SELECT id FROM imports WHERE file_name = ?", [f"report {asked.case_number}"])
    from twinreg_data.ingest import rollback
    rollback(db, import_id, "eeva")
    assert db.scalar("SELECT count(*) FROM bottlenecks WHERE code = ?", [code]) == 0


def test_link_and_close_decide_a_case(db: Store) -> None:
    linked = reports.submit(db, draft(), "192.0.2.90", now=NOW)
    with pytest.raises(ReportRefused) as refused:
        reports.link(db, linked.case_number, "BN-999", "", "eeva")
    assert refused.value.key == "no_bottleneck"
    reports.link(db, linked.case_number, "BN-005", "Known already.", "eeva", now=NOW)
    view = queries.case_view(db, linked.token, "et")
    assert (view.status, view.bottleneck, view.is_open) == ("duplicate", "BN-005", False)
    assert view.bottleneck_title and view.bottleneck_status
    closed = reports.submit(db, draft(), "192.0.2.91", now=NOW)
    with pytest.raises(ReportRefused):
        reports.close(db, closed.case_number, "boring", "", "eeva")
    reports.close(db, closed.case_number, "not_cross_border", "", "eeva", now=NOW)
    assert queries.case_view(db, closed.token, "en").close_reason == "not_cross_border"


def test_overdue_cases_are_counted_from_the_two_month_clock(db: Store) -> None:
    base = queries.overdue_count(db, dt.date(2026, 5, 3))
    late = reports.submit(db, draft(), "192.0.2.95", now=NOW)
    assert queries.overdue_count(db, dt.date(2026, 5, 2)) == base  # the last day of the clock is not late
    assert queries.overdue_count(db, dt.date(2026, 5, 3)) == base + 1
    queue = queries.queue(db, dt.date(2026, 5, 3)).set_index("case_number")
    assert bool(queue.loc[late.case_number, "overdue"]) and queue.loc[late.case_number, "days_left"] == -1
    reports.close(db, late.case_number, "incomplete", "", "eeva")
    assert queries.overdue_count(db, dt.date(2026, 5, 3)) == base


def test_purge_erases_personal_data_after_the_retention_period(db: Store) -> None:
    decided = reports.submit(db, draft(contact_name="Mari", contact_email="mari@example.org"), "192.0.2.96", now=NOW)
    still_open = reports.submit(db, draft(contact_name="Jaan"), "192.0.2.97", now=NOW)
    reports.close(db, decided.case_number, "out_of_scope", "", "eeva", now=NOW)
    early = NOW + dt.timedelta(days=reports.RETENTION_DAYS - 1)
    assert reports.purge(db, now=early) == 0
    assert reports.purge(db, now=NOW + dt.timedelta(days=reports.RETENTION_DAYS + 1)) >= 1
    gone = queries.case_for_editor(db, decided.case_number)
    assert gone["contact_name"] is None and gone["contact_email"] is None and gone["what"] == ""
    assert gone["erased_at"] is not None
    kept = queries.case_for_editor(db, still_open.case_number)
    assert kept["contact_name"] == "Jaan" and kept["what"] == WHAT
    assert db.query("SELECT client_key FROM reports WHERE case_number IN (?, ?)",  # the rate window has passed
                    [decided.case_number, still_open.case_number]) == [(None,), (None,)]
    view = queries.case_view(db, decided.token, "en")
    assert view.erased and view.close_reason == "out_of_scope" and view.steps["step"].iloc[-1] == "erased"


def test_the_purge_command(demo_copy: Path) -> None:
    db = Store(demo_copy)
    case = reports.submit(db, draft(contact_email="x@example.org"), "192.0.2.98", now=NOW)
    reports.close(db, case.case_number, "incomplete", "", "eeva", now=NOW)
    db.close()
    from twinreg_data.store import close_store
    close_store(demo_copy)
    run = subprocess.run([sys.executable, "-m", "twinreg_data", "--db", str(demo_copy), "reports", "purge",
                          "--days", "30", "--json"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["erased"] >= 1
    db = Store(demo_copy)
    assert db.scalar("SELECT contact_email FROM reports WHERE case_number = ?", [case.case_number]) is None
    db.close()
