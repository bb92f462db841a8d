"""Labels of codes (domains, statuses, sides, table columns, ...): the English message of each code.

The messages are marked for extraction (N_, NP_) and translated when shown: `t(STATUS[code], lang)`.
"""

from __future__ import annotations

from .i18n import N_, NP_, Message

# audit.action.*: what an audit line records (Data page, audit log)
AUDIT_ACTION_LABELS: dict[str, str | Message] = {
    "account_add": N_("Account added"),
    "account_password": N_("Password set"),
    "account_remove": N_("Account removed"),
    "account_role": N_("Role changed"),
    "feed_add": N_("Feed saved"),
    "feed_remove": N_("Feed removed"),
    "feed_run": N_("Feed run"),
    "import": NP_("audit.action", "Import"),
    "report_accept": N_("Report accepted"),
    "report_clarify": N_("Clarification asked"),
    "report_close": N_("Report closed"),
    "report_link": N_("Report linked"),
    "report_purge": N_("Reports' personal data erased"),
    "report_reply": N_("Clarification given"),
    "report_submit": N_("Report received"),
    "rollback": N_("Rollback"),
    "sign_in": N_("Sign-in"),
    "upload": N_("Upload checked"),
}

# audit.outcome.*
AUDIT_OUTCOME_LABELS: dict[str, str | Message] = {
    "applied": NP_("audit.outcome", "applied"),
    "backup_failed": N_("backup failed"),
    "blocked": N_("blocked"),
    "dry_run": N_("checked only"),
    "failed": N_("failed"),
    "invalid": N_("errors found"),
    "needs_decisions": N_("needs decisions"),
    "nothing_to_do": N_("nothing to do"),
    "ok": N_("done"),
    "refused": N_("refused"),
}

# audit.detail.*: the fields of an audit line's details
AUDIT_DETAIL_LABELS: dict[str, str | Message] = {
    "account": NP_("audit.detail", "Account"),
    "client": NP_("audit.detail", "Client"),
    "errors": NP_("audit.detail", "Errors"),
    "feed": NP_("audit.detail", "Feed"),
    "file": NP_("audit.detail", "File"),
    "import_id": NP_("audit.detail", "Import"),
    "reason": NP_("audit.detail", "Reason"),
    "recipe": NP_("audit.detail", "Recipe"),
    "role": NP_("audit.detail", "Role"),
    "rows": NP_("audit.detail", "Rows"),
    "sha256": NP_("audit.detail", "SHA-256"),
    "table": NP_("audit.detail", "Table"),
}

# feeds.outcome.*: how a feed's last run ended (Data page, Feeds tab)
FEED_OUTCOME_LABELS: dict[str, str | Message] = {
    "": N_("never run"),
    "applied": N_("new data imported"),
    "failed": NP_("feed", "failed"),
    "nothing_new": N_("nothing new"),
}

# blocked.*
BLOCKED_LABELS: dict[str, str | Message] = {
    "already_rolled_back": N_("Import #{id} ({file}) was already rolled back."),
    "later_imports": N_("Import #{id} cannot be rolled back: later import(s) {later} changed rows it wrote. Roll "
                        "back {later} first (newest first)."),
    "no_import": N_("There is no import #{id}."),
    "not_checked": N_("{name} cannot be applied: {reason}"),
    "orphans": N_("Import #{id} cannot be rolled back: {rows} row(s) imported later still refer to codes it created "
                  "({reference}). Roll back or correct those imports first."),
}

# bottlenecks.action_status.*
BOTTLENECKS_ACTION_STATUS_LABELS: dict[str, str | Message] = {
    "cancelled": N_("Cancelled"),
    "delayed": N_("Delayed"),
    "done": NP_("bottlenecks.action_status", "Done"),
    "ongoing": N_("Ongoing"),
    "planned": NP_("bottlenecks.action_status", "Planned"),
}

# bottlenecks.availability.*
BOTTLENECKS_AVAILABILITY_LABELS: dict[str, str | Message] = {
    "available": NP_("bottlenecks.availability", "Available"),
    "partial": N_("Partly"),
    "planned": NP_("bottlenecks.availability", "Planned"),
    "unavailable": NP_("bottlenecks.availability", "Not available"),
}

# bottlenecks.channel.*
BOTTLENECKS_CHANNEL_LABELS: dict[str, str | Message] = {
    "both": NP_("bottlenecks.channel", "Digital and in person"),
    "digital": NP_("bottlenecks.channel", "Digital"),
    "in_person": NP_("bottlenecks.channel", "In person"),
}

# bottlenecks.detail.*
BOTTLENECKS_DETAIL_LABELS: dict[str, str | Message] = {
    "actions": N_("Linked actions"),
    "age": N_("Age"),
    "days": N_("{days} days"),
    "description": N_("Description"),
    "facts": N_("Facts"),
    "groups": N_("Affected groups"),
    "header": N_("Bottleneck details"),
    "history": N_("Status history"),
    "identified_on": N_("Identified on"),
    "indicators": N_("Linked indicators"),
    "level": N_("Level"),
    "no_actions": N_("No action of the action plan addresses this bottleneck yet."),
    "no_description": N_("No description recorded."),
    "no_indicators": N_("No indicator is linked to this bottleneck."),
    "no_services": N_("No service in the catalogue names this bottleneck."),
    "none": N_("Select a row in the register, a point in the priority matrix, or a code here to see a bottleneck's "
               "description, owners, status history and links."),
    "not_given": N_("not given"),
    "open_for": N_("Open for"),
    "people": N_("People affected"),
    "pick": N_("Open a bottleneck"),
    "pick_placeholder": N_("Choose a code"),
    "reference": N_("Evidence"),
    "services": N_("Linked services"),
    "since_event": N_("Since the last event"),
    "solution_type": N_("Solution needed"),
    "source": N_("How it was found"),
    "stalled": N_("Stalled: no event for {days} days (threshold {limit} days)."),
    "was_open_for": N_("Was open for"),
}

# bottlenecks.detail.no_*
BOTTLENECKS_DETAIL_NO_LABELS: dict[str, str | Message] = {
    "actions": N_("No action of the action plan addresses this bottleneck yet."),
    "description": N_("No description recorded."),
    "indicators": N_("No indicator is linked to this bottleneck."),
    "services": N_("No service in the catalogue names this bottleneck."),
}

# bottlenecks.level.*
BOTTLENECKS_LEVEL_LABELS: dict[str, str | Message] = {
    "EU": N_("EU"),
    "municipal": N_("Municipal"),
    "national": N_("National"),
    "regional": N_("Regional"),
}

# bottlenecks.solution.*
BOTTLENECKS_SOLUTION_LABELS: dict[str, str | Message] = {
    "agreement": NP_("bottlenecks.solution", "Agreement"),
    "digital_interoperability": N_("Digital interoperability"),
    "information": N_("Information"),
    "law_change": N_("Change of law"),
    "procedure": N_("Procedure"),
}

# bottlenecks.source.*
BOTTLENECKS_SOURCE_LABELS: dict[str, str | Message] = {
    "enquiry": N_("Enquiry"),
    "interview": N_("Interview"),
    "report": N_("Report"),
    "roundtable": N_("Roundtable"),
    "statistics": N_("Statistics"),
    "survey": N_("Survey"),
}

# bottlenecks.unit.*
BOTTLENECKS_UNIT_LABELS: dict[str, str | Message] = {
    "EUR": N_("euros"),
    "commuters": NP_("bottlenecks.unit", "commuters"),
    "count": N_("count"),
    "days": N_("days"),
    "flights": NP_("bottlenecks.unit", "flights"),
    "index": N_("index"),
    "passengers": NP_("bottlenecks.unit", "passengers"),
    "percent": N_("percent"),
    "persons": NP_("bottlenecks.unit", "persons"),
    "prescriptions": NP_("bottlenecks.unit", "prescriptions"),
    "services": NP_("bottlenecks.unit", "services"),
    "students": NP_("bottlenecks.unit", "students"),
    "vehicles": NP_("bottlenecks.unit", "vehicles"),
}

# coop.bench.col.*
COOP_BENCH_COL_LABELS: dict[str, str | Message] = {
    "area_km2": N_("Area (km²)"),
    "bodies": N_("Bodies"),
    "countries": N_("Countries"),
    "founded": N_("Founded"),
    "funding_model": N_("Funding model"),
    "legal_form": N_("Legal form"),
    "lessons": N_("Lessons for TwinReg"),
    "name": N_("Region or body"),
    "population": N_("Population"),
    "source": N_("Source"),
}

# coop.col.*
COOP_COL_LABELS: dict[str, str | Message] = {
    "bottlenecks": N_("Linked bottlenecks"),
    "code": N_("Code"),
    "completed_on": N_("Completed on"),
    "due": N_("Due"),
    "lead": N_("Lead organisation"),
    "level": N_("Level"),
    "overdue": N_("Overdue"),
    "partners": N_("Partners"),
    "start": N_("Start"),
    "status": N_("Status"),
    "title": NP_("coop.col", "Action"),
    "work_package": N_("Work package"),
}

# coop.legal_form.*
COOP_LEGAL_FORM_LABELS: dict[str, str | Message] = {
    "EGTC": N_("EGTC"),
    "agreement": NP_("coop.legal_form", "Agreement"),
    "association": N_("Association"),
    "committee": N_("Committee"),
    "foundation": N_("Foundation"),
    "twin_city_body": N_("Twin-city body"),
}

# coop.level.*
COOP_LEVEL_LABELS: dict[str, str | Message] = {
    "administrative": N_("Administrative"),
    "political": N_("Political"),
}

# coop.status.*
COOP_STATUS_LABELS: dict[str, str | Message] = {
    "cancelled": N_("Cancelled"),
    "delayed": N_("Delayed"),
    "done": NP_("coop.status", "Done"),
    "ongoing": N_("Ongoing"),
    "planned": NP_("coop.status", "Planned"),
}

# The role of a statistics file's dimension in its mapping (ingest.statistics.recipe; "" = not decided yet).
DIMENSION_ROLE_LABELS: dict[str, str | Message] = {
    "area": NP_("dimension role", "area"),
    "period": NP_("dimension role", "period"),
    "series": NP_("dimension role", "series"),
    "other": NP_("dimension role", "other"),
    "keep": NP_("dimension role", "one value kept"),
    "": NP_("dimension role", "undecided"),
}

# domain.*
DOMAIN_LABELS: dict[str, str | Message] = {
    "context": N_("Context (background figures)"),
    "digital": N_("Digital services"),
    "education": N_("Education"),
    "employment": N_("Employment"),
    "information": N_("Information access"),
    "integration": N_("Social & community integration"),
    "legal_admin": N_("Bureaucracy & legal frameworks"),
    "mobility": N_("Mobility & transport"),
    "social_security": N_("Social security & health"),
    "taxation": N_("Taxation"),
}

# expected.period_frequency.*
EXPECTED_PERIOD_FREQUENCY_LABELS: dict[str, str | Message] = {
    "annual": N_("an annual period such as {example} (indicator {indicator})"),
    "monthly": N_("a monthly period such as {example} (indicator {indicator})"),
    "other": N_("a {frequency} period such as {example} (indicator {indicator})"),
    "quarterly": N_("a quarterly period such as {example} (indicator {indicator})"),
}

# import_status.*
IMPORT_STATUS_LABELS: dict[str, str | Message] = {
    "applied": N_("applied"),
    "rolled_back": N_("rolled back"),
}

# indicators.assessment.*
INDICATORS_ASSESSMENT_LABELS: dict[str, str | Message] = {
    "improved": N_("Improved"),
    "neutral": N_("Neutral"),
    "no_clear_change": N_("No clear change"),
    "not_comparable": N_("Not comparable"),
    "worsened": N_("Worsened"),
}

# indicators.col.*
INDICATORS_COL_LABELS: dict[str, str | Message] = {
    "area": N_("Area"),
    "assessment": N_("Assessment"),
    "change": N_("Change"),
    "change_pct": N_("Change %"),
    "country": N_("Country"),
    "domain": N_("Domain"),
    "flag": N_("Flag"),
    "high": N_("High estimate"),
    "indicator": N_("Indicator"),
    "low": N_("Low estimate"),
    "note": N_("Note"),
    "period": N_("Period"),
    "previous_period": N_("Previous period"),
    "source": N_("Source"),
    "unit": N_("Unit"),
    "value": N_("Value"),
}

# indicators.flag.*
INDICATORS_FLAG_LABELS: dict[str, str | Message] = {
    "break": N_("Series break"),
    "estimate": N_("Estimate"),
    "provisional": N_("Provisional"),
}

# indicators.polarity.*
INDICATORS_POLARITY_LABELS: dict[str, str | Message] = {
    "higher_better": N_("a higher value is better"),
    "higher_worse": N_("a higher value is worse"),
    "neutral": N_("neutral (no better or worse)"),
}

# indicators.tab_*
INDICATORS_TAB_LABELS: dict[str, str | Message] = {
    "chart": N_("Chart"),
    "map": N_("Map"),
    "table": N_("Table"),
}

# indicators.unit.*
INDICATORS_UNIT_LABELS: dict[str, str | Message] = {
    "EUR": N_("EUR"),
    "commuters": NP_("indicators.unit", "commuters"),
    "count": N_("count"),
    "days": N_("days"),
    "flights": NP_("indicators.unit", "flights"),
    "index": N_("index"),
    "passengers": NP_("indicators.unit", "passengers"),
    "percent": N_("%"),
    "persons": NP_("indicators.unit", "persons"),
    "prescriptions": NP_("indicators.unit", "prescriptions"),
    "services": NP_("indicators.unit", "services"),
    "students": NP_("indicators.unit", "students"),
    "vehicles": NP_("indicators.unit", "vehicles"),
}

# The kind of a bottleneck's change since the last meeting (queries.changes).
MEETING_CHANGE_KIND_LABELS: dict[str, str | Message] = {
    "closed": N_("Resolved or written off"),
    "escalated": N_("Escalated"),
    "new": N_("New bottlenecks"),
    "moved": N_("Other status changes"),
}

# meeting.col.*
MEETING_COL_LABELS: dict[str, str | Message] = {
    "action": NP_("meeting.col", "Action"),
    "area": N_("Area"),
    "assessment": N_("Assessment"),
    "bottleneck": N_("Bottleneck"),
    "change": N_("Change"),
    "change_abs": N_("Change"),
    "change_pct": N_("Change %"),
    "closed_on": N_("Closed on"),
    "compared_with": N_("Compared with"),
    "estimate": N_("Estimate"),
    "kind": N_("What happened"),
    "low": N_("Low estimate"),
    "high": N_("High estimate"),
    "old_value": N_("Value before"),
    "path": N_("Path since the last meeting"),
    "code": N_("Code"),
    "completed_on": N_("Done on"),
    "country": N_("Country"),
    "date": NP_("meeting.col", "Date"),
    "days_silent": N_("Days without an event"),
    "due": N_("Due"),
    "from": NP_("meeting.col", "From"),
    "identified_on": N_("Identified on"),
    "indicator": N_("Indicator"),
    "last_event": N_("Last event"),
    "latest": N_("Latest value"),
    "lead": NP_("meeting.col", "Lead"),
    "new_values": N_("New values"),
    "note": N_("Note"),
    "owner_ee": N_("Owner in Estonia"),
    "owner_fi": N_("Owner in Finland"),
    "period": N_("Period"),
    "previous_period": N_("Previous period"),
    "previous_value": N_("Previous value"),
    "severity": NP_("meeting.col", "Severity"),
    "status": N_("Status"),
    "title": N_("Title"),
    "to": NP_("meeting.col", "To"),
    "unit": N_("Unit"),
    "uploaded": N_("Uploaded (UTC)"),
    "value": N_("Value"),
    "who": N_("Who"),
}

# mobility.chart.*
MOBILITY_CHART_LABELS: dict[str, str | Message] = {
    "air": N_("Air passengers per year"),
    "commuters": N_("Commuters per year"),
    "ferry": N_("Ferry passengers per year"),
    "season": N_("Ferry passengers by month"),
}

# mobility.count.*
MOBILITY_COUNT_LABELS: dict[str, str | Message] = {
    "commuters": N_("{n} commuters"),
    "passengers": N_("{n} passengers"),
    "vehicles": N_("{n} vehicles"),
}

# mobility.flag.*
MOBILITY_FLAG_LABELS: dict[str, str | Message] = {
    "break": N_("Series break"),
    "estimate": N_("Estimate"),
    "provisional": N_("Provisional"),
}

# mobility.mode.*
MOBILITY_MODE_LABELS: dict[str, str | Message] = {
    "air": N_("Air"),
    "bus": N_("Bus"),
    "ferry": N_("Ferry"),
    "rail": N_("Rail"),
    "tunnel": N_("Tunnel (planned)"),
}

# mobility.unit.*
MOBILITY_UNIT_LABELS: dict[str, str | Message] = {
    "commuters": N_("Commuters"),
    "passengers": N_("Passengers"),
    "vehicles": N_("Vehicles"),
}

# page.*
PAGE_LABELS: dict[str, str | Message] = {
    "accessibility": N_("Accessibility statement"),
    "bottlenecks": N_("Bottlenecks"),
    "cooperation": N_("Cooperation"),
    "data": N_("Data"),
    "indicators": N_("Indicators"),
    "meeting": N_("Meeting"),
    "mobility": N_("Mobility"),
    "follow": N_("Follow a report"),
    "overview": N_("Overview"),
    "report": N_("Report an obstacle"),
    "services": NP_("page", "Services"),
    "sign_in": NP_("page", "Sign in"),
    "triage": N_("Reports"),
}

# refusal.*
REFUSAL_LABELS: dict[str, str | Message] = {
    "csv_too_many_cells": N_("{name}: the file has more than {max_cells} cells (limit {max_rows} rows and {max_cells} "
                             "cells)."),
    "sheet_declares_too_many": N_("{name}: a sheet declares {rows} rows × {columns} columns, {cells} cells (limit "
                                  "{max_rows} rows and {max_cells} cells). Delete unused rows and columns, or split "
                                  "the file."),
    "sheet_too_many_cells": N_("{name}: the sheet “{sheet}” has {rows} rows × {columns} columns, {cells} cells (limit "
                               "{max_rows} rows and {max_cells} cells)."),
    "activex": N_("{name} contains macros or ActiveX controls. Macros are never run here: save the workbook as a "
                  "plain .xlsx (without macros) and upload again."),
    "binary": N_("{name} is a binary file, not an Excel workbook or a CSV text file."),
    "csv_nul": N_("{name}: the file contains NUL characters: it is not a text CSV file."),
    "csv_syntax": N_("{name}: the CSV text cannot be read: {detail}."),
    "csv_too_many_columns": N_("{name}: line {line} has {columns} columns (limit {limit})."),
    "csv_too_many_rows": N_("{name}: the file has more than {max_rows} rows."),
    "damaged_zip": N_("{name} is damaged: it starts like an Excel file but cannot be opened."),
    "empty": N_("{name} is empty."),
    "encrypted": N_("{name} is encrypted. Remove the password and upload again."),
    "encrypted_workbook": N_("{name} is password-protected. Remove the password in Excel (File → Info → Protect "
                             "workbook) and upload again."),
    "external_links": N_("{name} takes values from other workbooks (external links). Those values are copies "
                         "from the last time the file was saved and may be out of date, so the file is refused. "
                         "In Excel choose Data → Edit Links → Break Link (or paste the cells as values), "
                         "save, and upload again."),
    "html": N_("{name} is a web page (HTML/XML) saved with a spreadsheet name. Open it in Excel and save it as Excel "
               "workbook (.xlsx)."),
    "macros": N_("{name} is a macro-enabled workbook. Macros are never run here: save it as a plain .xlsx and upload "
                 "again."),
    "not_in_encoding": N_("{name}: the file is not valid {encoding}: {detail}."),
    "not_utf8": N_("{name}: the file is not UTF-8 (byte {byte} on line {line}). Save it as 'CSV UTF-8' in Excel, or "
                   "name its encoding (for example windows-1252)."),
    "not_xlsx": N_("{name} is a zip archive but not an Excel workbook (.xlsx)."),
    "old_xls": N_("{name} is an old Excel 97–2003 file (.xls). Save it as Excel workbook (.xlsx) and upload again."),
    "opendocument": N_("{name} is an OpenDocument file (LibreOffice/ODS). Save it as Excel workbook (.xlsx) and "
                       "upload again."),
    "out_of_memory": N_("{name}: the file needs more memory to read than allowed."),
    "parser_crashed": N_("{name} could not be read: the spreadsheet reader stopped on it (exit code {code}). The "
                         "file is damaged or hostile; open it in Excel, save it as a new .xlsx and try again."),
    "part_too_large": N_("{name}: the part {part} would unpack to {size_mb} MB (limit {limit_mb} MB). Split it into "
                         "smaller workbooks."),
    "pdf": N_("{name} is a PDF document, not a spreadsheet."),
    "sheet_text_too_large": N_("{name}: the sheet “{sheet}” would expand to more than {limit} characters of text "
                               "(its cells repeat long texts). Shorten the texts or split the file."),
    "sheet_unreadable": N_("{name}: the sheet “{sheet}” cannot be read: {detail}"),
    "text_as_xlsx": N_("{name} is named like an Excel file but is plain text (perhaps a CSV renamed to .xlsx). "
                       "Upload it with a .csv name, or save it as .xlsx in Excel."),
    "timeout": N_("{name} took longer than {seconds} s to read and was abandoned. Split it into smaller files."),
    "too_large": N_("{name} is {size_mb} MB; the limit is {limit_mb} MB. Split it into smaller files."),
    "too_large_unpacked": N_("{name} would unpack to {size_mb} MB (limit {limit_mb} MB). Split it into smaller "
                             "workbooks."),
    "too_many_sheets": N_("{name}: the workbook has {sheets} sheets (limit {limit})."),
    "unusual_zip": N_("{name} is a damaged or unusual zip archive, not an Excel workbook."),
    "workbook_encrypted": N_("{name}: the workbook is password-protected."),
    "workbook_unreadable": N_("{name}: the workbook cannot be read: {detail}"),
    "xlsb": N_("{name} is a binary Excel workbook (.xlsb). Save it as .xlsx and upload again."),
    "xml_entities": N_("{name} contains XML entity declarations ({part}), which real Excel files never have. The "
                       "file is refused."),
    "zip_bomb": N_("{name} looks like a zip bomb: the part {part} would expand {ratio}× (limit {limit}×)."),
    "zip_entries": N_("{name} has {parts} parts; an Excel workbook has far fewer (limit {limit})."),
}

# reliability.*
RELIABILITY_LABELS: dict[str, str | Message] = {
    "backup_failed": N_("Nothing was imported: the automatic backup taken before every import could not be written. "
                        "Ask the administrator to free disk space or to point TWINREG_BACKUP_DIR to a writable "
                        "folder. Details:"),
    "damaged": N_("The database file is damaged or is not a TwinReg database. **Way out:** the administrator "
                  "restores the latest backup with `python -m twinreg_data restore data/backups/<newest folder>` (a "
                  "backup is taken before every import), or moves the file away and runs `python -m twinreg_data "
                  "init`; then reload this page."),
    "busy": N_("The database is busy: another program is writing to it (for example an import from the command "
               "line). **Way out:** wait a moment and try again; the app waits for it only a few seconds."),
    "read_only": N_("This is a read-only copy of TwinReg Monitor for viewing: nothing can be changed here. **Way "
                    "out:** officials sign in and change data on the editing instance."),
    "newer": N_("The database was written by a newer version of TwinReg Monitor. **Way out:** the administrator "
                "updates this installation (or restores a backup made by this version), then reload this page."),
    "other": N_("The database cannot be opened. **Way out:** the administrator finds the reason in the server log "
                "(it names the file and what to do), then reload this page."),
    "unavailable": N_("The data cannot be shown right now."),
}

# role.*
ROLE_LABELS: dict[str, str | Message] = {
    "admin": N_("admin"),
    "editor": N_("editor"),
    "viewer": N_("viewer"),
}

# rule.*
RULE_LABELS: dict[str, str | Message] = {
    "hidden_columns": N_("Hidden columns"),
    "hidden_rows": N_("Hidden rows"),
    "area_ambiguous": N_("Ambiguous area"),
    "area_unknown": N_("Unknown area"),
    "bad_stat_period": N_("Unreadable period"),
    "context_bottleneck": N_("Domain not for bottlenecks"),
    "bad_choice": N_("Not one of the choices"),
    "bad_date": N_("Not a valid date"),
    "bad_period": N_("Not a valid period"),
    "bad_text": N_("Text not allowed"),
    "band_order": N_("Estimate range in the wrong order"),
    "duplicate": N_("Duplicate row"),
    "duplicate_column": N_("Column named twice"),
    "empty_sheet": N_("Empty sheet"),
    "formula_without_value": N_("Formula without a saved value"),
    "hidden_sheet": N_("Hidden sheet"),
    "missing_column": N_("Required column missing"),
    "mixed_layout": N_("Long and wide layout mixed"),
    "negative_count": N_("Negative count"),
    "no_data": N_("No data rows"),
    "not_a_number": N_("Not a number"),
    "not_whole": N_("Not a whole number"),
    "order": N_("Values in the wrong order"),
    "out_of_range": N_("Outside the allowed range"),
    "outlier": N_("Far outside the history"),
    "period_frequency": N_("Period does not match the frequency"),
    "required": N_("Value missing"),
    "same_area": N_("Origin equals destination"),
    "self_parent": N_("Area is its own parent"),
    "unknown_code": N_("Unknown code"),
    "unknown_column": N_("Unknown column (ignored)"),
    "unknown_sheet": N_("Unknown sheet (ignored)"),
    "unknown_table": N_("Unknown table"),
    "unnamed_column": N_("Column without a name"),
}

# services.availability.*
SERVICES_AVAILABILITY_LABELS: dict[str, str | Message] = {
    "available": NP_("services.availability", "Available"),
    "partial": N_("Partly available"),
    "planned": NP_("services.availability", "Planned"),
    "unavailable": NP_("services.availability", "Not available"),
}

# services.channel.*
SERVICES_CHANNEL_LABELS: dict[str, str | Message] = {
    "both": NP_("services.channel", "Digital and in person"),
    "digital": NP_("services.channel", "Digital"),
    "in_person": NP_("services.channel", "In person"),
}

# services.col.*
SERVICES_COL_LABELS: dict[str, str | Message] = {
    "availability": N_("Availability across the border"),
    "bottlenecks": N_("Linked bottlenecks (current status)"),
    "channel": NP_("services.col", "Channel"),
    "code": N_("Code"),
    "domain": N_("Domain"),
    "languages": N_("Languages"),
    "name": N_("Service"),
    "note": N_("Description"),
    "provider_ee": N_("Provider in Estonia"),
    "provider_fi": N_("Provider in Finland"),
    "services": NP_("services.col", "Services"),
    "url": N_("Web address"),
}

# severity.*
SEVERITY_LABELS: dict[str, str | Message] = {
    "error": N_("error"),
    "warning": N_("warning"),
}

# side.*
SIDE_LABELS: dict[str, str | Message] = {
    "EE": N_("Estonia"),
    "FI": N_("Finland"),
    "both": N_("Both"),
}

# status.*
STATUS_LABELS: dict[str, str | Message] = {
    "analysed": N_("Analysed"),
    "identified": N_("Identified"),
    "in_progress": N_("In progress"),
    "partly_resolved": N_("Partly resolved"),
    "prioritised": N_("Prioritised"),
    "resolved": N_("Resolved"),
    "solution_proposed": N_("Solution proposed"),
    "written_off": N_("Written off"),
}

# validation.unit.*
VALIDATION_UNIT_LABELS: dict[str, str | Message] = {
    "commuters": NP_("validation.unit", "commuters"),
    "count": N_("items"),
    "flights": NP_("validation.unit", "flights"),
    "passengers": NP_("validation.unit", "passengers"),
    "persons": NP_("validation.unit", "persons"),
    "prescriptions": NP_("validation.unit", "prescriptions"),
    "services": NP_("validation.unit", "services"),
    "students": NP_("validation.unit", "students"),
    "vehicles": NP_("validation.unit", "vehicles"),
}

# The obstacle record of Regulation (EU) 2025/925 (BRIDGEforEU) and the public reports (twinreg_data/reports/).
# record.text.*: the record's texts, by column prefix
RECORD_TEXT_LABELS: dict[str, str | Message] = {
    "context": N_("Context of the cross-border activity"),
    "impact": N_("Negative impact on the region"),
    "next_step": N_("Next step"),
    "outcome_reasons": N_("Reasons for the outcome"),
    "problem": N_("Problem caused"),
    "rationale": N_("Why it should be resolved"),
}

# record.duration.*
EXPECTED_DURATION_LABELS: dict[str, str | Message] = {
    "long_term": N_("Long-term"),
    "permanent": N_("Permanent"),
    "temporary": N_("Temporary"),
}

# record.route.*
ROUTE_LABELS: dict[str, str | Message] = {
    "administrative": NP_("record.route", "Administrative"),
    "legislative": N_("Legislative"),
}

# record.outcome.*
OUTCOME_LABELS: dict[str, str | Message] = {
    "not_resolved": N_("Will not be resolved"),
    "resolved_administratively": N_("Resolved administratively"),
    "resolved_by_legislation": N_("Resolved by legislation"),
}

# report.status.*
REPORT_STATUS_LABELS: dict[str, str | Message] = {
    "accepted": N_("Accepted as an obstacle"),
    "clarification": N_("Waiting for clarification"),
    "closed": NP_("report.status", "Closed"),
    "duplicate": N_("Linked to a known obstacle"),
    "new": N_("Received, being assessed"),
}

# report.close_reason.*
CLOSE_REASON_LABELS: dict[str, str | Message] = {
    "incomplete": N_("Incomplete"),
    "not_cross_border": N_("Not a cross-border obstacle"),
    "out_of_scope": N_("Out of scope"),
}

# report.step.*: what happened to a case, as its reporter sees it
REPORT_STEP_LABELS: dict[str, str | Message] = {
    "accepted": N_("Accepted as a new obstacle"),
    "clarification_asked": N_("Clarification asked"),
    "clarification_given": N_("Clarification given"),
    "closed": N_("Case closed"),
    "erased": N_("Personal data erased"),
    "linked": N_("Linked to a known obstacle"),
    "submitted": N_("Report received"),
}

# report.field.*: the fields of the report form and of the triage, named in messages
REPORT_FIELD_LABELS: dict[str, str | Message] = {
    "affected": N_("Who is affected"),
    "area": N_("Area"),
    "contact_email": N_("E-mail"),
    "contact_name": N_("Name"),
    "domain": NP_("report.field", "Domain"),
    "message": N_("Message to the reporter"),
    "owner_ee": N_("Owner in Estonia"),
    "owner_fi": N_("Owner in Finland"),
    "place": N_("Where does it happen"),
    "reason": N_("Reason"),
    "reply": N_("Your answer"),
    "severity": NP_("report.field", "Severity"),
    "side": NP_("report.field", "Side"),
    "title": N_("Title in the report's language"),
    "title_en": N_("Title in English"),
    "what": N_("What happens"),
}

# report.refusal.*: why a report or a triage step was refused
REPORT_REFUSAL_LABELS: dict[str, str | Message] = {
    "choice": N_("Choose one of the offered values for “{field}”."),
    "consent": N_("Please confirm that you have read how your report is handled."),
    "control": N_("“{field}” contains invisible control characters; please type the text again."),
    "decided": N_("Case {case} has already been decided."),
    "email": N_("The e-mail address does not look like one (name@example.org)."),
    "no_bottleneck": N_("There is no bottleneck {code}."),
    "no_case": N_("There is no such case."),
    "not_asked": N_("No clarification is asked for case {case} at the moment."),
    "rate_all": N_("Many reports are arriving right now. Please try again in an hour."),
    "rate_client": N_("You have sent {limit} reports within an hour. Please try again later."),
    "required": N_("Please fill in “{field}”."),
    "too_long": N_("“{field}” is {length} characters long; at most {limit} are allowed."),
    "too_short": N_("Please describe it in at least {minimum} characters."),
}

# report.by.*: who took a step of a case (a role, never a name)
REPORT_ROLE_LABELS: dict[str, str | Message] = {
    "editor": NP_("report.by", "Editor"),
    "public": NP_("report.by", "Reporter"),
    "system": NP_("report.by", "System"),
}
