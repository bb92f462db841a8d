"""The accessibility statement page (AppTest): in every language, open to visitors who are not signed in, with the
known exceptions, the date of the last check, the feedback contact from the settings and the supervisory bodies."""

from __future__ import annotations

import pytest
from conftest import run_app

from twinreg_data import accessibility
from twinreg_data.i18n import LANGUAGES, format_day, t
from twinreg_data.labels import PAGE_LABELS


def page_text(at) -> str:
    return "\n".join([e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.markdown]
                     + [e.value for e in at.warning])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_statement_in_every_language(demo_copy, lang):
    at = run_app("pages/accessibility.py", query={"lang": lang})
    assert not at.exception
    assert at.title[0].value == t(PAGE_LABELS["accessibility"], lang)
    text = page_text(at)
    assert accessibility.STANDARD in text and format_day(accessibility.LAST_CHECKED, lang) in text
    for exception in accessibility.exception_texts(lang):
        assert exception in text
    for body in accessibility.SUPERVISORS:
        assert t(body.name, lang) in text and body.web in text
    # No contact configured: the page says so instead of showing an empty line.
    assert len(at.warning) == 1


def test_contact_comes_from_the_settings(demo_copy):
    from conftest import REPO_ROOT
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=90)
    at.secrets["accessibility"] = {"contact": "saavutettavuus@example.fi"}
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/accessibility.py").run()
    assert not at.exception and not at.warning
    assert any("saavutettavuus" in e.value and "example" in e.value for e in at.markdown)


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/sign_in.py"])
def test_every_sidebar_links_to_the_statement(demo_copy, page):
    at = run_app(page, query={"lang": "fi"})
    links = [link.proto.label for link in at.sidebar.get("page_link")]
    assert t(PAGE_LABELS["accessibility"], "fi") in links


def test_feedback_contact_reads_the_settings():
    assert accessibility.feedback_contact({"accessibility": {"contact": " a@b.fi "}}) == "a@b.fi"
    assert accessibility.feedback_contact({"accessibility": {"contact": ""}}) is None
    assert accessibility.feedback_contact({}) is None
