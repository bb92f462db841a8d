"""Data (editors): template, upload → validation report → diff → import, history with rollback, audit log, feeds."""

import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from pages._ui import about, downloads, filters, overdue_reports_notice
from twinreg_data import auth
from twinreg_data.backup import BackupFailed
from twinreg_data.i18n import format_number, t, tn
from twinreg_data.ingest import (
    CheckedUpload,
    ImportBlocked,
    NewIndicator,
    Recipe,
    annotated_workbook,
    apply_checked,
    check_file,
    export_workbook,
    feeds,
    reports,
    rollback,
    when_queued,
    write_template,
)
from twinreg_data.ingest.statistics.recipe import (
    default_series_dimension,
    known_indicators,
    save_recipe,
    saved_recipe,
    saved_recipes,
)
from twinreg_data.labels import PAGE_LABELS, ROLE_LABELS
from twinreg_data.schema import DOMAINS, POLARITIES, UNITS
from twinreg_data.st_cache import store
from twinreg_data.textsafe import markdown_text

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


@contextmanager
def checking(file_name: str):
    """A spinner while a file is checked; "queued" under it while another upload's parse holds every slot."""
    with st.spinner(t("Checking {file}…", lang, file=markdown_text(file_name))):
        note = st.empty()
        with when_queued(lambda: note.info(t("Queued: waiting for another file to finish…", lang),
                                           icon=":material/hourglass_top:")):
            yield
        note.empty()


ONE_AREA, NO_SERIES = "__one_area__", "__no_series__"  # choices that are no dimension


def forget_mapping() -> None:
    for key in [k for k in st.session_state if str(k).startswith("map_") and k != "map_saved"]:
        del st.session_state[key]


def use_saved_recipe() -> None:
    """A saved recipe picked: check the file with it and let every control start from it."""
    name = st.session_state.get("map_saved")
    recipe = saved_recipe(db, name) if name else None
    if recipe is not None:
        checked = st.session_state.check
        st.session_state.check = check_file(db, st.session_state.check_path, checked.report.file_name,
                                            recipe=recipe, tables=checked.tables)
        forget_mapping()
        st.session_state.map_applied = recipe.dumps()


def statistics_mapping(checked: CheckedUpload) -> CheckedUpload:
    """Controls mapping a statistics file (area and period dimensions, the indicator of each series, the value kept
    of every other dimension, a recipe name); a changed mapping checks the file again without parsing it again."""
    report, plan = checked.report, checked.plan
    table = plan.table
    dims = table.dimensions
    label = {d.code: d.label if d.label == d.code else f"{d.label} ({d.code})" for d in dims}
    st.subheader(t("Statistics file: {format}", lang, format=report.format))
    st.caption(markdown_text(table.title or table.table_id))
    st.selectbox(t("Saved recipe", lang), [""] + saved_recipes(db, table.table_id), key="map_saved",
                 format_func=lambda n: n or t("(none)", lang), on_change=use_saved_recipe)
    recipe = plan.recipe
    codes = [d.code for d in dims]
    left, right = st.columns(2)
    area_default = ONE_AREA if recipe.area else (codes[plan.area_dim] if plan.area_dim is not None else None)
    area_options = [*codes, ONE_AREA]
    area_dim = left.selectbox(t("Areas are in", lang), area_options, key="map_area",
                              index=area_options.index(area_default) if area_default else None,
                              format_func=lambda c: t("(one area for the whole file)", lang) if c == ONE_AREA
                              else label[c])
    one_area = left.text_input(t("The one area (code or name)", lang), recipe.area, key="map_area_code") \
        if area_dim == ONE_AREA else ""
    period_dim = right.selectbox(t("Periods are in", lang), codes, key="map_period",
                                 index=plan.period_dim, format_func=label.get)
    series_default = default_series_dimension(plan)
    series_options = [NO_SERIES, *[c for c in codes if c not in (area_dim, period_dim)]]
    series_dim = st.selectbox(
        t("Series (one indicator per value) are in", lang), series_options, key="map_series_dim",
        index=series_options.index(codes[series_default]) if series_default is not None
        and codes[series_default] in series_options else 0,
        format_func=lambda c: t("(one indicator for every value)", lang) if c == NO_SERIES else label[c])
    new = next(iter(recipe.indicators.values()), None)
    with st.expander(t("A new indicator", lang), expanded=bool(new)):
        cols = st.columns(5)
        new_code = cols[0].text_input(t("Code", lang), new.code if new else "", key="map_new_code").strip().upper()
        new_name = cols[1].text_input(t("Name in English", lang), new.name_en if new else "", key="map_new_name")
        new_domain = cols[2].selectbox(t("Domain", lang), DOMAINS, key="map_new_domain",
                                       index=DOMAINS.index(new.domain) if new and new.domain in DOMAINS
                                       else DOMAINS.index("context"))
        new_unit = cols[3].selectbox(t("Unit", lang), UNITS, key="map_new_unit",
                                     index=UNITS.index(new.unit) if new and new.unit in UNITS else 0)
        new_polarity = cols[4].selectbox(t("Polarity", lang), POLARITIES, key="map_new_polarity",
                                         index=POLARITIES.index(new.polarity) if new and new.polarity in POLARITIES
                                         else POLARITIES.index("neutral"))
    known = known_indicators(db)
    options = ["", *known] + ([new_code] if new_code and new_code not in known else [])

    def indicator_box(text: str, key: str, current: str) -> str:
        return st.selectbox(text, options, key=key, index=options.index(current) if current in options else 0,
                            format_func=lambda c: f"{c} – {known[c]}" if c in known else (c or t("(skip)", lang)))

    series: dict[str, str] = {}
    indicator = ""
    if series_dim == NO_SERIES:
        indicator = indicator_box(t("Indicator of every value", lang), "map_indicator", recipe.indicator)
    else:
        dim = table.dimension(series_dim)
        current = {dim.values[j][0]: code for j, code in plan.series_map.items()} if plan.series_dim is not None \
            and dims[plan.series_dim].code == series_dim else {}
        for j, (code, value_label) in enumerate(dim.values[:40]):
            chosen = indicator_box(t("Indicator of {value}", lang, value=value_label), f"map_series_{j}",
                                   current.get(code, ""))
            if chosen:
                series[code] = chosen
    keep: dict[str, str] = {}
    others = [d for d in dims if d.code not in (area_dim, period_dim, series_dim) and d.size > 1]
    for d in others:
        kept = plan.kept.get(codes.index(d.code))
        j = st.selectbox(t("Value kept of {dimension}", lang, dimension=label[d.code]), range(d.size),
                         key=f"map_keep_{d.code}", index=kept, format_func=lambda j, d=d: d.values[j][1])
        if j is not None:
            keep[d.code] = d.values[j][0]
    name = st.text_input(t("Recipe name (saved when the file is imported)", lang), recipe.name, key="map_name")
    wanted = Recipe(
        name=name.strip(), table_id=table.table_id, title=table.title, table=recipe.table,
        area_dimension=area_dim if area_dim not in (None, ONE_AREA) else "", area=one_area.strip(),
        period_dimension=period_dim or "", series_dimension=series_dim if series_dim != NO_SERIES else "",
        indicator=indicator, series=series, keep=keep,
        indicators={new_code: NewIndicator(new_code, new_domain, new_unit, new_polarity, name_en=new_name.strip())}
        if new_code and new_code in (indicator, *series.values()) else {})
    if st.session_state.get("map_applied") != wanted.dumps():
        with checking(report.file_name):
            checked = check_file(db, st.session_state.check_path, report.file_name, recipe=wanted,
                                 tables=checked.tables)
        st.session_state.update(check=checked, map_applied=wanted.dumps())
    report = checked.report
    st.dataframe(reports.dimensions_frame(report, lang), hide_index=True)
    for note in report.notes_in(lang):
        st.caption(markdown_text(note))
    for decision in report.decisions:
        st.warning(markdown_text(reports.decision_on_page(decision, lang)), icon=":material/help:")
    return checked


st.title(t("Data for officials", lang))
overdue_reports_notice(lang)
if st.session_state.get("flash"):  # the outcome of the last import or rollback, with links to what changed
    st.success(markdown_text(st.session_state.pop("flash")))
    for page in st.session_state.pop("flash_pages", []):
        st.page_link(f"pages/{page}.py", label=t(PAGE_LABELS[page], lang), icon=":material/arrow_forward:")
tabs = st.tabs([t("Upload", lang), t("Import history", lang), t("Missing translations", lang), t("Audit log", lang),
                t("Feeds", lang)]
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
    # Official statistics files too: PX, JSON-stat, PxWeb CSV/XLSX, Eurostat SDMX-CSV and TSV (also .gz).
    uploaded = st.file_uploader(t("Workbook (.xlsx), CSV or statistics file (PX, JSON-stat, PxWeb, Eurostat)", lang),
                                type=["xlsx", "csv", "px", "json", "tsv", "gz"], key="upload")
    encoding = st.selectbox(t("CSV encoding", lang), ["utf-8", "windows-1252", "iso-8859-15"], key="encoding")
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
            with checking(uploaded.name):
                checked = check_file(db, path, uploaded.name, None if encoding == "utf-8" else encoding,
                                     user=identity.name, hidden=hidden)
            st.session_state.update(check_token=token, check=checked, check_path=str(path), annotated=None)
            forget_mapping()
            st.session_state.pop("map_saved", None)
        checked = st.session_state.check
        if checked.plan is not None:
            checked = statistics_mapping(checked)
        report, upload = checked.report, checked.upload
        if report.status == "refused":
            st.error("**" + t("File refused", lang) + "** — " + markdown_text(report.refusal_in(lang)),
                     icon=":material/block:")
        else:
            cards = st.columns(3)
            cards[0].metric(t("Rows read", lang), format_number(sum(report.rows_read.values()), lang))
            cards[1].metric(t("Errors", lang), format_number(report.error_count, lang))
            cards[2].metric(t("Warnings", lang), format_number(report.warning_count, lang))
            if skipped := sum(report.hidden_rows_skipped.values()):
                st.caption(t("{rows} rows hidden in Excel were skipped.", lang, rows=format_number(skipped, lang)))
            if report.problems:
                st.dataframe(reports.problem_groups_frame(report, lang), hide_index=True)
                if report.error_count + report.warning_count > len(report.problems):
                    st.caption(t("{shown} of {total} problems listed.", lang, shown=len(report.problems),
                                 total=report.error_count + report.warning_count))
                st.download_button(t("Every problem, one line per cell (CSV)", lang),
                                   reports.problems_csv(report, lang), Path(uploaded.name).stem + "-problems.csv",
                                   "text/csv", on_click="ignore", icon=":material/download:")
            # A statistics file has no cells of ours to comment: its problems name the dimension values.
            if report.problems and upload is not None and upload.kind != "statistics":
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
            if report.status == "needs_decisions":
                st.info(t("Decide the mapping above; nothing is imported until it is complete.", lang))
            elif report.status == "invalid":
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
                if st.button(t("Import now", lang), type="primary",
                             help=t("Applies every change above in one transaction. It can be rolled back from the "
                                    "history.", lang)):
                    try:
                        done = apply_checked(db, checked, identity.name)
                    except BackupFailed as exc:  # nothing was written; the editor learns why
                        st.error(t("Nothing was imported: the automatic backup taken before every import could not "
                                   "be written. Ask the administrator to free disk space or to point "
                                   "TWINREG_BACKUP_DIR to a writable folder. Details:", lang)
                                 + "\n\n" + markdown_text(exc),
                                 icon=":material/backup:")
                        st.stop()
                    if done.status == "applied":
                        message = tn("Imported as import #{id}: {n} row added or changed.",
                                     "Imported as import #{id}: {n} rows added or changed.",
                                     reports.rows_written(done), lang, id=done.import_id)
                    else:
                        message = t("Nothing to import: every row is already in the database.", lang)
                    if done.recipe is not None and done.recipe.name:  # next quarter's file: one choice
                        save_recipe(db, done.recipe, identity.name)
                        message += " " + t("Recipe {name} saved.", lang, name=done.recipe.name)
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
                st.markdown(markdown_text(candidates[import_id]))
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
            st.error(markdown_text(st.session_state.pop("flash_error")))

with tabs[2]:
    # Content shown in a language it lacks falls back to English, marked; this is the editors' list of what to fill.
    missing = reports.missing_translations(db)
    counts = reports.missing_counts(missing)
    names = reports.language_names(lang)
    st.markdown("**" + t("Texts without a translation, by language", lang) + "**")
    for card, (code, n) in zip(st.columns(len(counts), width=540), counts.items(), strict=True):
        card.metric(names[code], format_number(n, lang))
    if missing.empty:
        st.success(t("Every text has its Finnish, Estonian and Swedish translation.", lang))
    else:
        only = st.selectbox(t("Language", lang), ["", *counts], key="missing_lang",
                            format_func=lambda code: names[code] if code else t("Any language", lang))
        table = reports.missing_translations_frame(missing, lang, only)
        st.caption(t("Fill the columns named here in the sheet of the same name (the current data as a template "
                     "has them all) and upload it; until then the pages show the English text, marked.", lang))
        st.dataframe(table, hide_index=True, key="missing_table")
        downloads(table, "missing_translations",
                  about(t("Missing translations", lang), t("TwinReg Monitor", lang),
                        page_filters=((t("Language", lang), names[only]),) if only else ()))

with tabs[3]:
    st.dataframe(reports.audit_frame(db, lang), hide_index=True)

with tabs[4]:
    st.caption(t("A feed fetches a statistics table from Statistics Finland, Statistics Estonia or Eurostat and "
                 "imports what is new with its recipe. Feeds are added with `python -m twinreg_data feeds add`.", lang))
    if outcome := st.session_state.pop("feed_flash", None):
        (st.error if outcome[0] == "failed" else st.success)(markdown_text(outcome[1]))
    saved_feeds = feeds.list_feeds(db)
    if not saved_feeds:
        st.info(t("No feeds yet.", lang))
    for feed in saved_feeds:
        card = reports.feed_card(feed, lang)
        with st.container(border=True):
            text, button = st.columns([5, 1], vertical_alignment="center")
            text.markdown(f"**{markdown_text(feed.name)}** · {markdown_text(card.source)}")
            text.badge(card.outcome, color=card.colour)
            text.caption(markdown_text(card.last_run))
            if card.message:
                text.markdown(markdown_text(card.message))
            if button.button(t("Refresh now", lang), key=f"feed_run_{feed.name}", icon=":material/refresh:"):
                with st.spinner(t("Fetching {name}…", lang, name=markdown_text(feed.name))):
                    result = feeds.run_feed(db, feed.name, identity.name)
                st.session_state.feed_flash = (result.outcome, result.message_in(lang))
                st.rerun()

if identity.can_manage_accounts:
    with tabs[5]:
        st.dataframe(reports.accounts_frame(db, lang), hide_index=True)
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
                    st.error(markdown_text(exc))
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
            st.error(markdown_text(exc))
