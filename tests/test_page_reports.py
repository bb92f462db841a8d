"""The report form, the follow page and the editors' triage in the real app (AppTest, real demo database)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import REPO_ROOT, sign_in
from streamlit.testing.v1 import AppTest

from twinreg_data import reports
from twinreg_data.store import open_store

APP = str(REPO_ROOT / "app.py")
WHAT = "Tallinna sadamassa pole viitasid soome ega inglise keeles, seega eksisin ära ja jäin laevast maha."
HOSTILE = "[click me](https://evil.example) <b>bold</b> **stars** :red[alarm] $x$ " + WHAT


def new_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def fill_form(at: AppTest, what: str = WHAT, consent: bool = True, website: str = "") -> AppTest:
    at.text_area[0].input(what)
    at.text_input[0].input("Tallinna sadam")
    at.text_input[2].input("Mari Maasikas")
    at.text_input(key="report-website").input(website)
    if consent:
        at.checkbox[0].check()
    return at


def reports_count(db) -> int:
    return open_store(db).scalar("SELECT count(*) FROM reports")


def test_anyone_reports_an_obstacle_and_follows_it(demo_copy) -> None:
    before = reports_count(demo_copy)
    at = new_app({"lang": "et"}).switch_page("pages/report.py").run()
    assert not at.exception and at.session_state["identity"].signed_in is False
    fill_form(at).button[0].click().run()
    assert not at.exception and not at.error
    assert reports_count(demo_copy) == before + 1
    case, link = at.success[0].value, at.code[0].value
    token = link.split("token=")[1]
    assert reports.CASE_PATTERN.search(case) and len(token) >= 40
    follow = new_app({"lang": "et", "token": token}).switch_page("pages/follow.py").run()
    follow.query_params["token"] = token
    follow.run()
    assert not follow.exception
    shown = " ".join(str(e.value) for e in follow.markdown) + " ".join(str(e.value) for e in follow.subheader)
    assert reports.CASE_PATTERN.search(case).group() in shown
    everything = str([e.value for kind in ("markdown", "subheader", "caption", "metric", "text") for e in
                      getattr(follow, kind)]) + follow.dataframe[0].value.to_string()
    assert "Mari" not in everything and "sadamassa" not in everything  # no personal data, no report text


def test_a_wrong_follow_link_opens_nothing(demo_copy) -> None:
    at = new_app({"token": "not-a-real-token"}).switch_page("pages/follow.py")
    at.query_params["token"] = "not-a-real-token"
    at.run()
    assert not at.exception and at.info and not at.dataframe


def test_refusals_are_explained_and_the_honeypot_keeps_nothing(demo_copy) -> None:
    before = reports_count(demo_copy)
    at = new_app({"lang": "fi"}).switch_page("pages/report.py").run()
    fill_form(at, consent=False).button[0].click().run()
    assert at.error and reports_count(demo_copy) == before
    assert at.error[0].value == reports.ReportRefused("consent").text("fi")
    bot = new_app().switch_page("pages/report.py").run()
    fill_form(bot, website="http://spam.example").button[0].click().run()
    assert not bot.exception and bot.success and not bot.code
    assert reports_count(demo_copy) == before


def test_the_triage_queue_is_for_editors_only(demo_copy) -> None:
    at = new_app()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/triage.py")


def test_an_editor_closes_a_case_and_the_reporter_sees_it(editor) -> None:
    db = open_store(editor)
    done = reports.submit(db, reports.Draft(what=HOSTILE, place="<i>Tallinn</i>", consent=True,
                                            contact_email="mari@example.org"), "192.0.2.1")
    at = sign_in(new_app(), "eeva", "a long password")
    at.switch_page("pages/triage.py").run()
    assert not at.exception
    queue = at.dataframe[0].value
    assert done.case_number in set(queue.iloc[:, 0])
    at.selectbox(key="triage-case").select(done.case_number).run()
    # The reporter's text is shown literally, and no Markdown element carries it as markup.
    assert HOSTILE in [e.value for e in at.text] and "mari@example.org" in [e.value for e in at.text]
    assert not any("](https://evil" in str(e.value) for e in at.markdown)
    at.radio[0].set_value("out_of_scope")
    close_button = next(b for b in at.button if b.label == "Close")
    close_button.click().run()
    assert not at.exception and not at.error
    row = db.query("SELECT status, close_reason FROM reports WHERE case_number = ?", [done.case_number])
    assert row == [("closed", "out_of_scope")]
    assert db.scalar("SELECT actor FROM audit_log WHERE action = 'report_close' ORDER BY id DESC LIMIT 1") == "eeva"
    follow = new_app().switch_page("pages/follow.py")
    follow.query_params["token"] = done.token
    follow.run()
    steps = follow.dataframe[0].value
    assert list(steps.iloc[:, 1]) == ["Report received", "Case closed"]


def test_overdue_reports_are_flagged_for_editors(editor) -> None:
    db = open_store(editor)
    late = dt.datetime.now() - dt.timedelta(days=80)
    reports.submit(db, reports.Draft(what=WHAT, place="Tallinn", consent=True), "192.0.2.2", now=late)
    at = sign_in(new_app(), "eeva", "a long password")
    overdue = db.scalar("SELECT count(*) FROM reports WHERE status IN ('new', 'clarification') AND due_on < today()")
    flag = f"{overdue} public reports are past their two-month assessment deadline"
    at.switch_page("pages/overview.py").run()
    assert any(flag in m.value for m in at.markdown)  # st.badge is a Markdown badge
    at.switch_page("pages/data.py").run()
    assert any(flag in m.value for m in at.markdown)
    anonymous = new_app()
    assert not any("deadline" in m.value for m in anonymous.markdown)
