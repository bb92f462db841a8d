"""Data (editors): template, upload → validation report → diff → import, history with rollback, audit log."""

import re
import tempfile
from pathlib import Path

import streamlit as st

from pages._ui import filters
from twinreg_data import auth
from twinreg_data.backup import BackupFailed
from twinreg_data.i18n import format_number, t
from twinreg_data.ingest import (
    CheckedUpload,
    ImportBlocked,
    annotated_workbook,
    apply_checked,
    check_file,
    export_workbook,
    reports,
    rollback,
    write_template,
)
from twinreg_data.st_cache import store

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
lang = filters().lang
identity: auth.Identity = st.session_state.get("identity", auth.ANONYMOUS)
if not identity.can_import:  # pages are registered per role; this guards a direct call
    st.stop()
db = store()
workdir = Path(st.session_state.setdefault("upload_dir", tempfile.mkdtemp(prefix="twinreg-upload-")))


def workbook_bytes(writer, name: str) -> bytes:
    path = workdir / name
    writer(path)
    return path.read_bytes()


st.title(t("data.title", lang))
if st.session_state.get("flash"):  # the outcome of the last import or rollback, with links to what changed
    st.success(st.session_state.pop("flash"))
    for page in st.session_state.pop("flash_pages", []):
        st.page_link(f"pages/{page}.py", label=t(f"page.{page}", lang), icon=":material/arrow_forward:")
tabs = st.tabs([t("data.tab_upload", lang), t("data.tab_history", lang), t("data.tab_audit", lang)]
               + ([t("data.tab_accounts", lang)] if identity.can_manage_accounts else []))

with tabs[0]:
    st.caption(t("data.templates_help", lang))
    left, right = st.columns(2, width=520)
    left.download_button(t("data.template", lang),
                         lambda: workbook_bytes(lambda p: write_template(p, db), "template.xlsx"),
                         "twinreg-template.xlsx", XLSX, icon=":material/download:", on_click="ignore")
    right.download_button(t("data.current", lang), lambda: workbook_bytes(lambda p: export_workbook(db, p),
                                                                          "current.xlsx"),
                          "twinreg-data.xlsx", XLSX, icon=":material/download:", on_click="ignore")
    uploaded = st.file_uploader(t("data.upload", lang), type=["xlsx", "csv"], key="upload")
    encoding = st.selectbox(t("data.encoding", lang), ["utf-8", "windows-1252", "iso-8859-15"], key="encoding")
    hidden = st.radio(t("Rows and columns hidden in Excel (by hand or by a filter)", lang), ["skip", "import"],
                      format_func=lambda choice: t("Skip hidden rows and columns", lang) if choice == "skip"
                      else t("Import hidden rows and columns", lang), key="hidden", horizontal=True)
    st.caption(t("Hidden rows and columns are skipped unless you choose to import them; the report lists them.", lang))
    if uploaded is not None:
        token = (uploaded.file_id, encoding, hidden)
        if st.session_state.get("check_token") != token:
            safe_name = re.sub(r"[^\w.\-]+", "_", uploaded.name)[-100:] or "upload"
            path = workdir / f"{len(st.session_state.get('check_token') or ())}-{safe_name}"
            path.write_bytes(uploaded.getvalue())
            with st.spinner(t("data.checking", lang, file=uploaded.name)):
                checked = check_file(db, path, uploaded.name, None if encoding == "utf-8" else encoding,
                                     user=identity.name, hidden=hidden)
            st.session_state.update(check_token=token, check=checked, check_path=str(path), annotated=None)
        checked = st.session_state.check
        report, upload = checked.report, checked.upload
        if report.status == "refused":
            st.error(f"**{t('data.refused', lang)}** — {report.refusal_in(lang)}", icon=":material/block:")
        else:
            cards = st.columns(3)
            cards[0].metric(t("data.rows_read", lang), format_number(sum(report.rows_read.values()), lang))
            cards[1].metric(t("data.errors", lang), format_number(report.error_count, lang))
            cards[2].metric(t("data.warnings", lang), format_number(report.warning_count, lang))
            if skipped := sum(report.hidden_rows_skipped.values()):
                st.caption(t("{rows} rows hidden in Excel were skipped.", lang, rows=format_number(skipped, lang)))
            if report.problems:
                st.dataframe(reports.problem_groups_frame(report, lang), hide_index=True)
                if report.error_count + report.warning_count > len(report.problems):
                    st.caption(t("data.more_problems", lang, shown=len(report.problems),
                                 total=report.error_count + report.warning_count))
                st.download_button(t("Every problem, one line per cell (CSV)", lang),
                                   reports.problems_csv(report, lang), Path(uploaded.name).stem + "-problems.csv",
                                   "text/csv", on_click="ignore", icon=":material/download:")
                # The comments are in the language of the page; switching language writes a new copy.
                if st.session_state.annotated is None or st.session_state.get("annotated_lang") != lang:
                    out = Path(st.session_state.check_path).with_suffix(f".annotated-{lang}.xlsx")
                    annotated_workbook(st.session_state.check_path, upload.kind, report.problems, out,
                                       None if encoding == "utf-8" else encoding,
                                       csv_sheet=next(iter(report.rows_read), "data"), lang=lang)
                    st.session_state.update(annotated=out.read_bytes(), annotated_lang=lang)
                st.download_button(t("data.annotated", lang), st.session_state.annotated,
                                   Path(uploaded.name).stem + "-checked.xlsx", XLSX, on_click="ignore",
                                   icon=":material/rule:")
            if report.status == "invalid":
                st.error(t("data.invalid", lang, errors=format_number(report.error_count, lang)))
            elif report.status == "nothing_to_do":
                st.info(t("data.already", lang, id=report.import_id))
            elif not reports.rows_written(report):
                st.info(t("data.nothing", lang))
            else:
                st.subheader(t("data.diff_title", lang))
                st.dataframe(reports.diff_summary_frame(report, lang), hide_index=True)
                if any(d.changes for d in report.diff.values()):
                    st.dataframe(reports.changes_frame(report, lang), hide_index=True)
                if report.status_changes:
                    st.markdown(f"**{t('data.status_changes', lang)}**")
                    st.dataframe(reports.status_changes_frame(report, lang), hide_index=True)
                if st.button(t("data.confirm", lang), type="primary", help=t("data.confirm_help", lang)):
                    try:
                        done = apply_checked(db, checked, identity.name)
                    except BackupFailed as exc:  # nothing was written; the editor learns why
                        st.error(f"{t('reliability.backup_failed', lang)}\n\n{exc}", icon=":material/backup:")
                        st.stop()
                    message = (t("data.applied", lang, id=done.import_id, rows=format_number(
                        reports.rows_written(done), lang)) if done.status == "applied" else t("data.nothing", lang))
                    st.session_state.update(flash=message, flash_pages=reports.changed_pages(done))
                    st.session_state.check = CheckedUpload(done)
                    st.rerun()

with tabs[1]:
    history = reports.history_frame(db, lang)
    if history.empty:
        st.info(t("data.no_imports", lang))
    else:
        st.dataframe(history, hide_index=True)
        candidates = dict(reports.rollback_candidates(db, identity))
        if not candidates:
            st.caption(t("data.rollback_none", lang))
        else:
            chosen = st.selectbox(t("data.rollback_pick", lang), list(candidates), format_func=candidates.get)

            def forget_rollback() -> None:
                st.session_state.pop("pending_rollback", None)

            # The pending choice lives in session state, so the dialog stays open across reruns until
            # it is confirmed, cancelled or dismissed.
            @st.dialog(t("data.rollback_title", lang, id=chosen), on_dismiss=forget_rollback)
            def confirm_rollback(import_id: int) -> None:
                st.write(t("data.rollback_explain", lang))
                st.write(candidates[import_id])
                yes, no = st.columns(2)
                if yes.button(t("data.rollback_confirm", lang), type="primary"):
                    forget_rollback()
                    try:
                        rollback(db, import_id, identity.name)
                    except ImportBlocked as exc:
                        st.session_state.flash_error = exc.text(lang)
                    else:
                        st.session_state.flash = t("data.rolled_back", lang, id=import_id)
                    st.rerun()
                if no.button(t("data.cancel", lang)):
                    forget_rollback()
                    st.rerun()

            if st.button(t("data.rollback", lang), icon=":material/undo:"):
                st.session_state.pending_rollback = chosen
            if st.session_state.get("pending_rollback") in candidates:
                confirm_rollback(st.session_state.pending_rollback)
        if st.session_state.get("flash_error"):
            st.error(st.session_state.pop("flash_error"))

with tabs[2]:
    st.dataframe(reports.audit_frame(db, lang), hide_index=True)

if identity.can_manage_accounts:
    with tabs[3]:
        st.dataframe(auth.list_users(db).rename(columns={"name": t("data.col_name", lang),
                                                         "role": t("data.col_role", lang)}), hide_index=True)
        with st.form("add_account", clear_on_submit=True):
            st.markdown(f"**{t('data.add_account', lang)}**")
            name = st.text_input(t("data.col_name", lang))
            role = st.selectbox(t("data.col_role", lang), auth.ROLES, format_func=lambda r: t(f"role.{r}", lang))
            password = st.text_input(t("data.password", lang), type="password")
            if st.form_submit_button(t("data.create", lang)):
                try:
                    auth.add_user(db, name, password, role, identity.name)
                    st.success(t("data.done", lang))
                except auth.AuthError as exc:
                    st.error(str(exc))
        users = auth.list_users(db)["name"].tolist()
        account = st.selectbox(t("data.col_name", lang), users, key="account_pick")
        new_password = st.text_input(t("data.reset_password", lang), type="password", key="account_password")
        left, right = st.columns(2, width=520)
        try:
            if left.button(t("data.reset_password", lang)) and account:
                auth.set_password(db, account, new_password, identity.name)
                st.success(t("data.done", lang))
            if right.button(t("data.remove_account", lang)) and account and account != identity.name:
                auth.remove_user(db, account, identity.name)
                st.rerun()
        except auth.AuthError as exc:
            st.error(str(exc))
