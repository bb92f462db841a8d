"""Data (editors): template, upload → validation report → diff → import, history with rollback, audit log."""

import re
import tempfile
from pathlib import Path

import streamlit as st

from pages._ui import filters
from twinreg_data import auth
from twinreg_data.backup import BackupFailed
from twinreg_data.i18n import format_number, t, tn
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
from twinreg_data.labels import PAGE_LABELS, ROLE_LABELS
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


st.title(t("Data for officials", lang))
if st.session_state.get("flash"):  # the outcome of the last import or rollback, with links to what changed
    st.success(st.session_state.pop("flash"))
    for page in st.session_state.pop("flash_pages", []):
        st.page_link(f"pages/{page}.py", label=t(PAGE_LABELS[page], lang), icon=":material/arrow_forward:")
tabs = st.tabs([t("Upload", lang), t("Import history", lang), t("Audit log", lang)]
               + ([t("Accounts", lang)] if identity.can_manage_accounts else []))

with tabs[0]:
    st.caption(t("Fill in the template in Excel (one sheet per table, any subset), then upload it here.", lang))
    left, right = st.columns(2, width=520)
    left.download_button(t("Empty template", lang),
                         lambda: workbook_bytes(lambda p: write_template(p, db), "template.xlsx"),
                         "twinreg-template.xlsx", XLSX, icon=":material/download:", on_click="ignore")
    right.download_button(t("Current data as a template", lang),
                          lambda: workbook_bytes(lambda p: export_workbook(db, p), "current.xlsx"),
                          "twinreg-data.xlsx", XLSX, icon=":material/download:", on_click="ignore")
    uploaded = st.file_uploader(t("Workbook (.xlsx) or CSV file", lang), type=["xlsx", "csv"], key="upload")
    encoding = st.selectbox(t("CSV encoding", lang), ["utf-8", "windows-1252", "iso-8859-15"], key="encoding")
    if uploaded is not None:
        token = (uploaded.file_id, encoding)
        if st.session_state.get("check_token") != token:
            safe_name = re.sub(r"[^\w.\-]+", "_", uploaded.name)[-100:] or "upload"
            path = workdir / f"{len(st.session_state.get('check_token') or ())}-{safe_name}"
            path.write_bytes(uploaded.getvalue())
            with st.spinner(t("Checking {file}…", lang, file=uploaded.name)):
                checked = check_file(db, path, uploaded.name, None if encoding == "utf-8" else encoding,
                                     user=identity.name)
            st.session_state.update(check_token=token, check=checked, check_path=str(path), annotated=None)
        checked = st.session_state.check
        report, upload = checked.report, checked.upload
        if report.status == "refused":
            st.error("**" + t("File refused", lang) + "** — " + report.refusal_in(lang), icon=":material/block:")
        else:
            cards = st.columns(3)
            cards[0].metric(t("Rows read", lang), format_number(sum(report.rows_read.values()), lang))
            cards[1].metric(t("Errors", lang), format_number(report.error_count, lang))
            cards[2].metric(t("Warnings", lang), format_number(report.warning_count, lang))
            if report.problems:
                st.dataframe(reports.problems_frame(report, lang), hide_index=True)
                if report.error_count + report.warning_count > len(report.problems):
                    st.caption(t("{shown} of {total} problems listed.", lang, shown=len(report.problems),
                                 total=report.error_count + report.warning_count))
                # The comments are in the language of the page; switching language writes a new copy.
                if st.session_state.annotated is None or st.session_state.get("annotated_lang") != lang:
                    out = Path(st.session_state.check_path).with_suffix(f".annotated-{lang}.xlsx")
                    annotated_workbook(st.session_state.check_path, upload.kind, report.problems, out,
                                       None if encoding == "utf-8" else encoding,
                                       csv_sheet=next(iter(report.rows_read), "data"), lang=lang)
                    st.session_state.update(annotated=out.read_bytes(), annotated_lang=lang)
                st.download_button(t("Download the workbook with the problems marked",
                                     lang), st.session_state.annotated,
                                   Path(uploaded.name).stem + "-checked.xlsx", XLSX, on_click="ignore",
                                   icon=":material/rule:")
            if report.status == "invalid":
                st.error(tn("{n} error blocks the import. Nothing was written. Fix the cells listed (the annotated "
                            "copy highlights them) and upload again.",
                            "{n} errors block the import. Nothing was written. Fix the cells listed (the annotated "
                            "copy highlights them) and upload again.", report.error_count, lang))
            elif report.status == "nothing_to_do":
                st.info(t("This file was already imported as import #{id}. Nothing changed.",
                          lang, id=report.import_id))
            elif not reports.rows_written(report):
                st.info(t("Nothing to import: every row is already in the database.", lang))
            else:
                st.subheader(t("What the import changes", lang))
                st.dataframe(reports.diff_summary_frame(report, lang), hide_index=True)
                if any(d.changes for d in report.diff.values()):
                    st.dataframe(reports.changes_frame(report, lang), hide_index=True)
                if report.status_changes:
                    st.markdown("**" + t("Bottleneck status changes", lang) + "**")
                    st.dataframe(reports.status_changes_frame(report, lang), hide_index=True)
                if st.button(t("Import now", lang), type="primary", help=t("Applies every change above in one "
                                                                           "transaction. It can be rolled back from "
                                                                           "the history.", lang)):
                    try:
                        done = apply_checked(db, checked, identity.name)
                    except BackupFailed as exc:  # nothing was written; the editor learns why
                        st.error(t("Nothing was imported: the automatic backup taken before every import could not "
                                   "be written. Ask the administrator to free disk space or to point "
                                   "TWINREG_BACKUP_DIR to a writable folder. Details:", lang) + f"\n\n{exc}",
                                 icon=":material/backup:")
                        st.stop()
                    if done.status == "applied":
                        message = tn("Imported as import #{id}: {n} row added or changed.",
                                     "Imported as import #{id}: {n} rows added or changed.",
                                     reports.rows_written(done), lang, id=done.import_id)
                    else:
                        message = t("Nothing to import: every row is already in the database.", lang)
                    st.session_state.update(flash=message, flash_pages=reports.changed_pages(done))
                    st.session_state.check = CheckedUpload(done)
                    st.rerun()

with tabs[1]:
    history = reports.history_frame(db, lang)
    if history.empty:
        st.info(t("No imports yet.", lang))
    else:
        st.dataframe(history, hide_index=True)
        candidates = dict(reports.rollback_candidates(db, identity))
        if not candidates:
            st.caption(t("There is no applied import you may roll back (editors roll back their own imports).", lang))
        else:
            chosen = st.selectbox(t("Import to roll back", lang), list(candidates), format_func=candidates.get)

            def forget_rollback() -> None:
                st.session_state.pop("pending_rollback", None)

            # The pending choice lives in session state, so the dialog stays open across reruns until
            # it is confirmed, cancelled or dismissed.
            @st.dialog(t("Roll back import #{id}?", lang, id=chosen), on_dismiss=forget_rollback)
            def confirm_rollback(import_id: int) -> None:
                st.write(t("The rows this import added are removed and the rows it replaced are restored exactly.",
                           lang))
                st.write(candidates[import_id])
                yes, no = st.columns(2)
                if yes.button(t("Yes, roll back", lang), type="primary"):
                    forget_rollback()
                    try:
                        rollback(db, import_id, identity.name)
                    except ImportBlocked as exc:
                        st.session_state.flash_error = exc.text(lang)
                    else:
                        st.session_state.flash = t("Import #{id} rolled back.", lang, id=import_id)
                    st.rerun()
                if no.button(t("Cancel", lang)):
                    forget_rollback()
                    st.rerun()

            if st.button(t("Roll back…", lang), icon=":material/undo:"):
                st.session_state.pending_rollback = chosen
            if st.session_state.get("pending_rollback") in candidates:
                confirm_rollback(st.session_state.pending_rollback)
        if st.session_state.get("flash_error"):
            st.error(st.session_state.pop("flash_error"))

with tabs[2]:
    st.dataframe(reports.audit_frame(db, lang), hide_index=True)

if identity.can_manage_accounts:
    with tabs[3]:
        st.dataframe(auth.list_users(db).rename(columns={"name": t("Name", lang),
                                                         "role": t("Role", lang)}), hide_index=True)
        with st.form("add_account", clear_on_submit=True):
            st.markdown("**" + t("Add an account", lang) + "**")
            name = st.text_input(t("Name", lang))
            role = st.selectbox(t("Role", lang), auth.ROLES, format_func=lambda r: t(ROLE_LABELS[r], lang))
            password = st.text_input(t("Password", lang), type="password")
            if st.form_submit_button(t("Create", lang)):
                try:
                    auth.add_user(db, name, password, role, identity.name)
                    st.success(t("Done.", lang))
                except auth.AuthError as exc:
                    st.error(str(exc))
        users = auth.list_users(db)["name"].tolist()
        account = st.selectbox(t("Name", lang), users, key="account_pick")
        new_password = st.text_input(t("Set a new password", lang), type="password", key="account_password")
        left, right = st.columns(2, width=520)
        try:
            if left.button(t("Set a new password", lang)) and account:
                auth.set_password(db, account, new_password, identity.name)
                st.success(t("Done.", lang))
            if right.button(t("Remove account", lang)) and account and account != identity.name:
                auth.remove_user(db, account, identity.name)
                st.rerun()
        except auth.AuthError as exc:
            st.error(str(exc))
