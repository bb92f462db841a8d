"""Officials' workflow in the real app (AppTest): sign-in, roles, upload → report → diff → import, rollback."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from conftest import REPO_ROOT, sign_in
from factories import table_rows, write_xlsx
from streamlit.testing.v1 import AppTest

from twinreg_data import auth
from twinreg_data.i18n import NP_, t
from twinreg_data.store import open_store
from twinreg_data.textsafe import markdown_text

APP = str(REPO_ROOT / "app.py")
DATA_PAGE = "pages/data.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OIDC_SECRETS = {
    "auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
             "client_id": "twinreg", "client_secret": "s", "server_metadata_url": "http://127.0.0.1:1/.well-known"},
    "twinreg": {"editors": ["clerk@example.org"], "admins": ["boss@example.org"]},
}


def new_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=90)


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at.switch_page(DATA_PAGE).run()
    at.file_uploader[0].upload(name, content, XLSX).run()
    return at


def ferry_2025(tmp_path, value=7_500_000.0) -> bytes:
    path = write_xlsx(tmp_path / "ferry2025.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2025", value=value, flag="provisional")])})
    return path.read_bytes()


def test_anonymous_visitor_cannot_reach_the_data_page(demo_copy):
    at = new_app().run()
    assert not at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(DATA_PAGE)


def test_viewer_cannot_reach_the_data_page(demo_copy):
    auth.add_user(open_store(demo_copy), "ville", "a long password", "viewer")
    at = sign_in(new_app().run(), "ville", "a long password")
    assert at.session_state["identity"].role == "viewer"
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(DATA_PAGE)


def test_oidc_roles_decide_the_pages(demo_copy):
    viewer = new_app()
    viewer.secrets = OIDC_SECRETS
    viewer.user = {"is_logged_in": True, "email": "someone@example.org", "exp": 4_102_444_800}
    viewer.run()
    assert viewer.session_state["identity"].role == "viewer" and not viewer.exception
    with pytest.raises(ValueError):
        viewer.switch_page(DATA_PAGE)
    clerk = new_app()
    clerk.secrets = OIDC_SECRETS
    clerk.user = {"is_logged_in": True, "email": "clerk@example.org", "exp": 4_102_444_800}
    clerk.run()
    clerk.switch_page(DATA_PAGE).run()
    assert not clerk.exception and len(clerk.file_uploader) == 1


def test_expired_oidc_identity_is_signed_out(demo_copy):
    at = new_app()
    at.secrets = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "clerk@example.org", "exp": 1_000_000_000}
    at.run()
    assert not at.exception
    assert at.user.get("is_logged_in") is False


def test_editor_imports_a_file_and_the_indicators_page_shows_it(editor, tmp_path):
    at = sign_in(new_app().run(), "eeva", "a long password")
    assert at.session_state["identity"].role == "editor"
    upload(at, "ferry2025.xlsx", ferry_2025(tmp_path))
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("Errors", "en")] == "0"
    confirm = next(b for b in at.button if b.label == t("Import now", "en"))
    confirm.click().run()
    assert not at.exception
    store = open_store(editor)
    assert store.scalar("SELECT value FROM observations WHERE indicator = 'MOB_FERRY_PAX' AND period = '2025'") \
        == 7_500_000.0
    imported = store.query("SELECT id, uploaded_by, file_name FROM imports ORDER BY id DESC LIMIT 1")[0]
    assert imported[1:] == ("eeva", "ferry2025.xlsx")
    assert any(f"#{imported[0]}" in s.value for s in at.success)
    at.query_params["ind"] = "MOB_FERRY_PAX"
    at.switch_page("pages/indicators.py").run()
    assert not at.exception
    shown = [df.value for df in at.dataframe]
    assert any((frame.astype(str) == "2025").any().any() for frame in shown), "the new period is not shown"


def test_file_with_errors_lists_every_cell_and_writes_nothing(editor, tmp_path):
    bad = write_xlsx(tmp_path / "bad.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-999", period="2025", value=1.0),
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2025-13", value=2.0),
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2026", value="many"),
    ])})
    before = open_store(editor).table_counts()
    at = sign_in(new_app().run(), "eeva", "a long password")
    upload(at, "bad.xlsx", bad.read_bytes())
    assert not at.exception
    problems = at.dataframe[0].value
    assert sorted(problems[t("Cell", "en")]) == ["observations!B2", "observations!C3", "observations!D4"]
    assert not [b for b in at.button if b.label == t("Import now", "en")]
    assert open_store(editor).table_counts() == before
    assert any(b.label == t("Download the workbook with the problems marked", "en") for b in at.get("download_button"))


def test_problems_and_annotated_copy_in_finnish(editor, tmp_path):
    bad = write_xlsx(tmp_path / "bad.xlsx", {"observations": table_rows("observations", [
        dict(indicator="MOB_FERRY_PAX", area="FI-999", period="2025", value=1.0),
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2025-13", value=2.0),
        dict(indicator="MOB_FERRY_PAX", area="FI-091", period="2026", value="many"),
    ])})
    at = sign_in(new_app().run(), "eeva", "a long password")
    at.segmented_control(key="w_lang").set_value("fi").run()
    upload(at, "bad.xlsx", bad.read_bytes())
    assert not at.exception
    problems = at.dataframe[0].value
    rows = dict(zip(problems[t("Cell", "fi")], problems[t("Expected", "fi")], strict=True))
    assert rows == {
        "observations!B2": t("a code that exists in {table} (in the database or in this workbook); unknown: "
                             "{unknown}", "fi", table="areas", unknown="FI-999"),
        "observations!C3": t("a period such as 2019, 2019-Q3 or 2019-07 (years 1900–2100)", "fi"),
        "observations!D4": t("a number (decimal point or comma)", "fi"),
    }
    assert rows["observations!B2"].startswith("koodi, joka löytyy taulusta areas")
    assert set(problems[t(NP_("data", "Severity"), "fi")]) == {"virhe"}
    assert set(problems[t("Sheet", "fi")]) == {"observations"}
    assert any(b.label == t("Download the workbook with the problems marked", "fi") for b in at.get("download_button"))
    annotated = openpyxl.load_workbook(io.BytesIO(at.session_state["annotated"]))
    assert annotated["observations"]["B2"].comment.text == (
        "VIRHE (Tuntematon koodi). Odotettu: " + rows["observations!B2"])
    # Switching the language writes the annotated copy again, in the new language.
    at.segmented_control(key="w_lang").set_value("et").run()
    assert not at.exception
    annotated = openpyxl.load_workbook(io.BytesIO(at.session_state["annotated"]))
    assert annotated["observations"]["D4"].comment.text.startswith("VIGA (Ei ole arv). Oodatud: arv")


def test_hostile_file_is_refused_and_the_app_keeps_running(editor, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 60_000_000)
    at = sign_in(new_app().run(), "eeva", "a long password")
    upload(at, "bomb.xlsx", buffer.getvalue())
    assert not at.exception
    assert any("zip bomb" in e.value for e in at.error)
    at.run()
    assert not at.exception
    # In Finnish, the reason is Finnish too, numbers in the Finnish form (1 000 000×, not 1,000,000×).
    at.segmented_control(key="w_lang").set_value("fi").run()
    refusal = next(e.value for e in at.error if t("File refused", "fi") in e.value)
    # The message names the uploaded file: shown escaped for Markdown (the reader sees it unchanged).
    assert markdown_text("bomb.xlsx näyttää zip-pommilta") in refusal, refusal
    assert markdown_text("(raja 150-kertainen)") in refusal, refusal
    assert re.search(r"laajenisi [1-9][0-9]{0,2}(\u00a0[0-9]{3})+\\-kertaiseksi", refusal), refusal
    audit = open_store(editor).query("SELECT action, outcome FROM audit_log WHERE actor = 'eeva' ORDER BY id")
    assert ("upload", "refused") in audit


def test_failed_sign_ins_are_limited_and_audited(editor):
    at = new_app().run()
    at.switch_page("pages/sign_in.py").run()
    for _ in range(auth.MAX_FAILURES_PER_NAME + 1):
        at.text_input[0].input("eeva")
        at.text_input[1].input("wrong password")
        at.button[0].click().run()
    assert any("Too many failed sign-ins" in e.value for e in at.error)
    failed = open_store(editor).scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND outcome = 'failed' AND actor = 'eeva'")
    assert failed == auth.MAX_FAILURES_PER_NAME


def test_editor_rolls_back_their_import(editor, tmp_path):
    at = sign_in(new_app().run(), "eeva", "a long password")
    upload(at, "ferry2025.xlsx", ferry_2025(tmp_path))
    next(b for b in at.button if b.label == t("Import now", "en")).click().run()
    store = open_store(editor)
    ferry_2025_rows = "SELECT count(*) FROM observations WHERE indicator = 'MOB_FERRY_PAX' AND period = '2025'"
    assert store.scalar(ferry_2025_rows) == 1
    rollback_button = next(b for b in at.button if b.label == t("Roll back…", "en"))
    rollback_button.click().run()
    assert not at.exception
    next(b for b in at.button if b.label == t("Yes, roll back", "en")).click().run()
    assert not at.exception
    assert store.scalar(ferry_2025_rows) == 0
    assert store.scalar("SELECT status FROM imports ORDER BY id DESC LIMIT 1") == "rolled_back"


def test_a_blocked_rollback_says_why_in_the_editors_language(editor, tmp_path):
    at = sign_in(new_app().run(), "eeva", "a long password")
    at.segmented_control(key="w_lang").set_value("fi").run()
    for value in (7_500_000.0, 7_600_000.0):  # the second import changes the row the first one wrote
        upload(at, f"ferry2025-{value:.0f}.xlsx", ferry_2025(tmp_path, value))
        next(b for b in at.button if b.label == t("Import now", "fi")).click().run()
    first, second = (row[0] for row in open_store(editor).query("SELECT id FROM imports ORDER BY id")[-2:])
    pick = next(s for s in at.selectbox if s.label == t("Import to roll back", "fi"))
    pick.set_value(first).run()
    next(b for b in at.button if b.label == t("Roll back…", "fi")).click().run()
    next(b for b in at.button if b.label == t("Yes, roll back", "fi")).click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [markdown_text(
        f"Tuontia #{first} ei voi perua: myöhemmät tuonnit #{second} muuttivat sen kirjoittamia rivejä. "
        f"Peru ensin #{second} (uusin ensin).")]
    assert open_store(editor).scalar("SELECT status FROM imports WHERE id = ?", [first]) == "applied"


def test_editor_maps_and_imports_a_real_statistics_file(editor):
    """The JSON-stat municipality file: format and dimensions shown, a new context indicator defined on the page,
    32 municipalities outside the region skipped, imported, and the recipe saved for next time."""
    jsonstat = REPO_ROOT / "tests" / "fixtures" / "real" / "statfin_vaerak_11s5_jsonstat.json"
    at = sign_in(new_app().run(), "eeva", "a long password")
    upload(at, "vaerak.json", jsonstat.read_bytes())
    assert not at.exception
    assert any("jsonstat" in h.value for h in at.subheader)
    dimensions = at.dataframe[0].value
    assert list(dimensions[t("Dimension", "en")]) == ["alue", "kuukausi", "tiedot"]
    assert at.selectbox(key="map_area").value == "alue" and at.selectbox(key="map_period").value == "kuukausi"
    asked = t("Choose above the indicator the values go to: an existing one, or a new one defined under "
              "“A new indicator”.", "en")
    asked = markdown_text(asked)  # shown as plain text (the dimension names come from the file)
    assert any(w.value == asked for w in at.warning)  # worded for the page, not for the command line
    assert not [b for b in at.button if b.label == t("Import now", "en")]
    at.text_input(key="map_new_code").input("CTX_POP_MONTH").run()
    at.text_input(key="map_new_name").input("Population at month end").run()
    at.selectbox(key="map_new_unit").set_value("persons").run()
    at.selectbox(key="map_indicator").set_value("CTX_POP_MONTH").run()
    at.text_input(key="map_name").input("population-monthly").run()
    assert not at.exception
    assert any(markdown_text("32 areas outside the twin region skipped") in c.value for c in at.caption)
    confirm = next(b for b in at.button if b.label == t("Import now", "en"))
    confirm.click().run()
    assert not at.exception
    store = open_store(editor)
    assert store.scalar("SELECT count(*) FROM observations WHERE indicator = 'CTX_POP_MONTH'") == 4
    assert store.scalar("SELECT domain FROM indicators WHERE code = 'CTX_POP_MONTH'") == "context"
    assert store.scalar("SELECT table_id FROM recipes WHERE name = 'population-monthly'") == "11s5"
    assert any(markdown_text("population-monthly") in s.value for s in at.success)
    # Next quarter's file of the same table: one choice, the saved recipe (here the same file: nothing changes).
    upload(at, "vaerak-next.json", jsonstat.read_bytes())
    assert not at.exception and any(w.value == asked for w in at.warning)
    at.selectbox(key="map_saved").set_value("population-monthly").run()
    assert not at.exception
    assert not at.warning and at.selectbox(key="map_indicator").value == "CTX_POP_MONTH"
    assert any(t("Nothing to import: every row is already in the database.", "en") in i.value for i in at.info)


def test_admin_tables_have_translated_headers_and_readable_details(demo_copy):
    """The audit log and the accounts (Data page) speak the page's language; an audit line's details read as
    "File: … · Import: #1", not as raw JSON."""
    from twinreg_data.labels import AUDIT_ACTION_LABELS, ROLE_LABELS

    store = open_store(demo_copy)
    auth.add_user(store, "anna", "a long password", "admin")
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "fi"
    at = sign_in(at.run(), "anna", "a long password")
    at.switch_page(DATA_PAGE).run()
    assert not at.exception
    lang = "fi"
    tables = {tuple(frame.value.columns): frame.value for frame in at.dataframe}
    audit_columns = (t("When (UTC)", lang), t("Who", lang), t(NP_("data", "Action"), lang), t("Outcome", lang),
                     t("Detail", lang))
    log = tables[audit_columns]
    details = log[t("Detail", lang)].tolist()
    assert not any(str(d).lstrip().startswith("{") for d in details)
    file_label, import_label = t(NP_("audit.detail", "File"), lang), t(NP_("audit.detail", "Import"), lang)
    assert any(f"{file_label}: 01_areas_indicators.xlsx" in d and f"{import_label}: #1" in d for d in details)
    assert t(AUDIT_ACTION_LABELS["account_add"], lang) in set(log[t(NP_("data", "Action"), lang)])
    accounts = tables[(t("Name", lang), t("Role", lang), t("Created (UTC)", lang), t("Password set (UTC)", lang))]
    roles = dict(zip(accounts[t("Name", lang)], accounts[t("Role", lang)], strict=True))
    assert roles["anna"] == t(ROLE_LABELS["admin"], lang) == "ylläpitäjä"


def test_a_private_monitor_asks_anonymous_visitors_to_sign_in(demo_copy):
    """public = false: an anonymous visitor gets the Sign-in page, and every other page's address is registered
    hidden in its place (asking to sign in), /overview among them, without clashing with the main page's alias."""
    at = new_app()
    at.secrets = {"twinreg": {"public": False}}
    at.run()
    assert not at.exception
    assert at.session_state["auth_config"].public is False
    assert at.title[0].value == t(NP_("signin.title", "Sign in"), "en")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/overview.py")
