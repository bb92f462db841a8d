"""Import orchestration: check a file (read → validate → diff), then apply it or say why not.

The one path, for the Data page and the command line alike: `check_file` reads and validates a file (a
statistics file mapped by its recipe first) and previews what it would change, writing nothing;
`apply_checked` applies such a check (`diff.apply`, one transaction) or records why it cannot, and audits the
outcome; `import_file` is the two in one call. Nothing is written until every problem of the whole file is
known. History and rollback are in `history`.
"""

from __future__ import annotations

import json
import pickle
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .. import audit
from ..backup import BackupFailed
from ..i18n import N_, N_plural, t_numbers, tn
from ..schema import TABLES, TABLES_BY_NAME
from ..store import Store, quote_identifier
from . import filecheck
from .areas import AreaIndex
from .diff import TableDiff, find_applied_import, preview
from .diff import apply as apply_rows
from .filecheck import RefusedFile, sha256_of
from .history import ImportBlocked
from .problems import Expected, Problem, ProblemList, group_problems
from .sandbox import TIMEOUT_SECONDS as PARSE_TIMEOUT_SECONDS
from .sandbox import ChildFailed, run_child
from .sheets import RawSheet, decode_columns, frames_from_sheets, table_for_csv
from .statistics import StatFileError, StatTable, read_statistics_file
from .statistics.recipe import Decision, Mapped, Plan, Recipe, describe_dimensions, map_table, plan
from .validation import (
    KEEP_PREFIX,
    Known,
    check_duplicates_across_sheets,
    check_references,
    check_rows,
    mark_absent_columns,
    type_frame,
)


@dataclass
class ParsedUpload:
    file_name: str
    sha256: str
    kind: str
    sheets: list[RawSheet]
    sheet_names: list[str]
    parser_peak_rss_kib: int = 0


@dataclass
class ImportReport:
    file_name: str
    sha256: str = ""
    status: str = "invalid"  # applied | dry_run | nothing_to_do | invalid | refused
    message: str = ""  # the outcome in English (the command line, JSON, logs); message_in(lang) in any language
    # The outcome as parts (message, parameters); a part whose message is a (singular, plural) pair is counted by
    # its parameter "n". Kept so the Data page and the CLI can say it in the reader's language.
    message_parts: list[tuple[str | tuple[str, str], dict]] = field(default_factory=list)
    refusal_reason: str = ""
    refusal: RefusedFile | StatFileError | None = None  # the refusal itself, for its text in the reader's language
    sheets: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    diff: dict[str, TableDiff] = field(default_factory=dict)
    status_changes: list[dict] = field(default_factory=list)
    import_id: int | None = None
    rows_read: dict[str, int] = field(default_factory=dict)
    parser_peak_rss_kib: int = 0
    # A statistics file: its format, its dimensions (name, count, sample, guessed and chosen role), the recipe as
    # resolved, the decisions still open, what was skipped, and notes (English msgid, parameters) on the mapping.
    format: str = ""
    dimensions: list[dict] = field(default_factory=list)
    recipe: Recipe | None = None
    decisions: list[Decision] = field(default_factory=list)
    skipped: dict[str, object] = field(default_factory=dict)
    notes: list[tuple[str, dict]] = field(default_factory=list)
    hidden: str = "skip"  # what was done with rows and columns hidden in Excel: skip or import
    hidden_rows_skipped: dict[str, int] = field(default_factory=dict)  # per table

    @property
    def ok(self) -> bool:
        return self.status in ("applied", "dry_run", "nothing_to_do")

    def notes_in(self, lang: str) -> list[str]:
        """The notes on a statistics file's mapping (rows outside the region skipped, …) in `lang`."""
        return [t_numbers(message, lang, **params) for message, params in self.notes]

    def refusal_in(self, lang: str) -> str:
        """Why the file was refused, in `lang` (the English message when there is no refusal)."""
        return self.refusal.text(lang) if self.refusal is not None else self.message

    def message_in(self, lang: str) -> str:
        """The outcome in `lang`: why a file was refused, what is wrong or left to decide, what was imported."""
        if self.refusal is not None:
            return self.refusal.text(lang)
        texts = []
        for message, params in self.message_parts:
            if isinstance(message, tuple):
                texts.append(tn(*message, params["n"], lang, **{k: v for k, v in params.items() if k != "n"}))
            else:
                texts.append(t_numbers(message, lang, **params))
        return " ".join(texts) if texts else self.message

    def say(self, *parts: tuple[str | tuple[str, str], dict]) -> None:
        """Set the outcome from its parts (see message_parts); `message` becomes its English text."""
        self.message_parts = list(parts)
        self.message = self.message_in("en")

    def as_dict(self) -> dict:
        return {
            "file_name": self.file_name,
            "sha256": self.sha256,
            "status": self.status,
            "message": self.message,
            "refusal_reason": self.refusal_reason,
            "sheets": self.sheets,
            "import_id": self.import_id,
            "rows_read": self.rows_read,
            "hidden": self.hidden,
            "hidden_rows_skipped": sum(self.hidden_rows_skipped.values()),
            "errors": self.error_count,
            "warnings": self.warning_count,
            "problems": [p.as_dict() for p in self.problems],
            "problem_groups": [g.as_dict() for g in group_problems(self.problems)],
            "diff": {k: v.as_dict() for k, v in self.diff.items()},
            "status_changes": self.status_changes,
            "format": self.format,
            "dimensions": self.dimensions,
            "recipe": asdict(self.recipe) if self.recipe is not None else None,
            "decisions": [d.as_dict() for d in self.decisions],
            "skipped": self.skipped,
            "notes": self.notes_in("en"),
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2, default=str)


# -- reading -----------------------------------------------------------------------------------


def read_upload(path: str | Path, display_name: str | None = None, encoding: str | None = None) -> ParsedUpload:
    """Check the file by content and parse it in a child process with memory and time limits."""
    path = Path(path)
    name = display_name or path.name
    kind = filecheck.inspect_file(path, name)
    request = {
        "path": str(path.resolve()),
        "kind": kind.kind,
        "encoding": encoding,
        "wanted": [t.name for t in TABLES],
        "max_rows": filecheck.MAX_ROWS,
        "max_columns": filecheck.MAX_COLUMNS,
        "max_cells": filecheck.MAX_CELLS,
        "max_text_chars": filecheck.MAX_TEXT_CHARS,
    }
    try:
        output = run_child("twinreg_data.ingest.readers", request)
    except ChildFailed as exc:
        if exc.reason == "timeout":
            raise RefusedFile("timeout", name=name, seconds=PARSE_TIMEOUT_SECONDS) from exc
        raise RefusedFile("parser_crashed", name=name, code=str(exc.code)) from exc
    if not output:
        raise RefusedFile("parser_crashed", name=name, code="0")
    result = pickle.loads(output)  # noqa: S301 - produced by our own child process
    if "error" in result:
        raise RefusedFile(result["error"], result["text_key"], name=name, **result["params"])
    sheets = [
        RawSheet(
            name=s["name"],
            header=s["header"],
            header_row=s["header_row"],
            columns=decode_columns(s["columns"]),
            height=s["height"],
            start_col=s["start_col"],
            hidden=s["hidden"],
            formula_cells_without_value=s["formula_cells_without_value"],
            hidden_rows=s.get("hidden_rows", []),
            hidden_columns=s.get("hidden_columns", []),
        )
        for s in result["sheets"]
    ]
    return ParsedUpload(name, sha256_of(path), kind.kind, sheets, [s["name"] for s in result["sheets"]],
                        result.get("peak_rss_kib", 0))


# -- validation --------------------------------------------------------------------------------


def load_known(store: Store, indicator_codes: list[str] | None = None) -> Known:
    codes: dict[str, set[str]] = {}
    with store.cursor() as cur:
        for table in TABLES:
            if "code" in table.column_names:
                codes[table.name] = {r[0] for r in cur.execute(f"SELECT code FROM {quote_identifier(table.name)}")
                                     .fetchall()}
        rows = cur.execute("SELECT code, frequency, unit FROM indicators").fetchall()
        history: dict[tuple[str, str], tuple[float, float, int]] = {}
        if indicator_codes:
            # Per indicator and area: Finland's population says nothing about Helsinki's.
            hist = cur.execute(
                "SELECT indicator, area, min(value), max(value), count(*) FROM observations "
                "WHERE indicator IN (SELECT unnest(?)) AND value IS NOT NULL GROUP BY indicator, area",
                [list(indicator_codes)],
            ).fetchall()
            history = {(r[0], r[1]): (float(r[2]), float(r[3]), int(r[4])) for r in hist}
    return Known(codes, {r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows}, history)


HIDDEN_CHOICES = ("skip", "import")  # what to do with rows and columns hidden in Excel; skip is the default


def validate(store: Store, upload: ParsedUpload, hidden: str = "skip") -> tuple[dict[str, pd.DataFrame], ProblemList]:
    """Typed frames per table (rows of all sheets of a table concatenated) and every problem found. Rows and
    columns hidden in Excel are imported only when `hidden` is "import"."""
    problems = ProblemList()
    csv_table = None
    if upload.kind == "csv":
        header = upload.sheets[0].header if upload.sheets else []
        csv_table = table_for_csv(upload.file_name, header)
        if csv_table is None:
            problems.add(Problem.of("", "A1", "", ", ".join(str(h) for h in header[:6]),
                                    Expected(N_("a CSV holding one table: name the file after the table (e.g. "
                                                "observations.csv) or use that table's column names")), "error",
                                                                                                        "unknown_table"))
            return {}, problems
    frames = frames_from_sheets(upload.sheets, problems, upload.kind, csv_table, import_hidden=hidden == "import")
    if not frames:
        if not problems.errors:
            problems.add(Problem.of("", "", "", "", Expected(N_("data rows in at least one sheet named after a table "
                                                                "({tables}); this file has none"),
                                                            {"tables": ", ".join(t.name for t in TABLES)}),
                                    "error", "no_data"))
        return {}, problems
    indicator_codes = set()
    for frame in frames:
        if frame.table.name == "observations":
            indicator_codes.update(str(v) for v in frame.raw["indicator"].dropna().unique())
    known = load_known(store, sorted(indicator_codes))
    typed_by_table: dict[str, list[tuple]] = {}
    for table in TABLES:  # reference order: codes defined earlier in the workbook count as known
        for frame in (f for f in frames if f.table is table):
            typed = type_frame(frame, known, problems)
            if "code" in table.column_names:  # before the reference check: areas.parent refers to areas
                known.codes.setdefault(table.name, set()).update(typed["code"].dropna().tolist())
            check_references(frame, typed, known, problems)
            typed_by_table.setdefault(table.name, []).append((frame, typed))
            if table.name == "indicators":
                ok = typed.dropna(subset=["code"])
                known.indicator_frequency.update(dict(zip(ok["code"], ok["frequency"], strict=True)))
                known.indicator_unit.update(dict(zip(ok["code"], ok["unit"], strict=True)))
    # Whole-table rules (duplicates across sheets of one table count too).
    merged: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        parts = typed_by_table.get(table.name, [])
        for frame, typed in parts:
            check_rows(frame, typed, known, problems)
            mark_absent_columns(frame, typed)
        check_duplicates_across_sheets(parts, problems)
        if parts:
            merged[table.name] = pd.concat([t for _, t in parts], ignore_index=True) if len(parts) > 1 \
                else parts[0][1]
            flags = [c for c in merged[table.name].columns if c.startswith(KEEP_PREFIX)]
            # A sheet of the same table that has the column: its rows carry no flag and set the value.
            merged[table.name][flags] = merged[table.name][flags].fillna(False).astype(bool)
    return merged, problems


@dataclass
class CheckedUpload:
    """A file checked by `check_file`: its report (status dry_run when it can be applied), the parsed upload
    (None when refused) and the typed rows per table. What `apply_checked` applies."""

    report: ImportReport
    upload: ParsedUpload | None = None
    typed: dict[str, pd.DataFrame] = field(default_factory=dict)
    tables: list[StatTable] = field(default_factory=list)  # a statistics file's tables, for mapping it again
    plan: Plan | None = None


def check_file(store: Store, path: str | Path, display_name: str | None = None, encoding: str | None = None,
               user: str | None = None, recipe: Recipe | None = None,
               tables: list[StatTable] | None = None, hidden: str = "skip") -> CheckedUpload:
    """Read and validate a file and preview its diff; writes no data. With a `user` (an upload in the app) the
    attempt, refused ones too, goes to the audit log as "upload".

    A statistics file (PX, JSON-stat, PxWeb, Eurostat; told by content) is mapped with `recipe` (what is
    unambiguous needs no recipe) into the template's sheets and then validated like one. `tables` are its
    tables as parsed before (the Data page maps one upload several times and parses it once). Rows and columns
    hidden in Excel are left out unless `hidden` is "import"."""
    if hidden not in HIDDEN_CHOICES:
        raise ValueError(f"hidden must be one of {HIDDEN_CHOICES}, not {hidden!r}")
    name = display_name or Path(path).name
    if recipe is not None or tables is not None or statistics_format(path):
        checked = _check_statistics(store, Path(path), name, recipe or Recipe(), tables)
    else:
        checked = _check(store, path, name, encoding, hidden)
    report = checked.report
    if user is not None:
        audit.write(store, user, "upload", report.status, {"file": name, "sha256": report.sha256,
                                                           "reason": report.refusal_reason,
                                                           "errors": report.error_count})
    return checked


def _hidden_counts(report: ImportReport) -> None:
    """Put the hidden rows skipped per table into the diff (after every diff: preview and apply)."""
    for table, diff in report.diff.items():
        diff.hidden_skipped = report.hidden_rows_skipped.get(table, 0)


def _hidden_note(report: ImportReport) -> list[tuple[tuple[str, str], dict]]:
    skipped = sum(report.hidden_rows_skipped.values())
    return [(N_plural("{n} row hidden in Excel was skipped.", "{n} rows hidden in Excel were skipped."),
             {"n": skipped})] if skipped else []


def _problems_counted(report: ImportReport, errors: int, warnings: int) -> list[tuple[tuple[str, str], dict]]:
    return [(N_plural("{name}: {n} error.", "{name}: {n} errors."), {"n": errors, "name": report.file_name}),
            (N_plural("{n} warning.", "{n} warnings."), {"n": warnings})]


def _check(store: Store, path: str | Path, name: str, encoding: str | None, hidden: str = "skip") -> CheckedUpload:
    report = ImportReport(file_name=name, hidden=hidden)
    try:
        upload = read_upload(path, name, encoding)
    except RefusedFile as exc:
        report.status = "refused"
        report.refusal_reason = exc.reason
        report.refusal = exc
        report.message = exc.message
        return CheckedUpload(report)
    report.sha256 = upload.sha256
    report.sheets = upload.sheet_names
    report.parser_peak_rss_kib = upload.parser_peak_rss_kib
    typed, problems = validate(store, upload, hidden)
    report.hidden_rows_skipped = dict(problems.hidden_rows_skipped)
    report.problems = problems.items
    report.error_count, report.warning_count = problems.errors, problems.warnings
    report.rows_read = {name: len(df) for name, df in typed.items()}
    if problems.errors:
        report.status = "invalid"
        report.say(*_problems_counted(report, problems.errors, problems.warnings),
                   (N_("Nothing was imported; fix the cells listed and upload again."), {}))
        return CheckedUpload(report, upload, typed)
    earlier = find_applied_import(store, upload.sha256)
    if earlier:
        report.status = "nothing_to_do"
        report.import_id = earlier[0]
        report.say((N_("{name} was already imported as import #{id} on {when} UTC by {user}. Nothing changed."),
                    {"name": name, "id": str(earlier[0]), "when": f"{earlier[1]:%Y-%m-%d %H:%M}", "user": earlier[2]}))
        return CheckedUpload(report, upload, typed)
    report.diff, report.status_changes = preview(store, typed)
    _hidden_counts(report)
    report.status = "dry_run"
    return CheckedUpload(report, upload, typed)


def statistics_format(path: str | Path) -> str | None:
    """The statistics format of a file by its content, or None (a template workbook or CSV, or unreadable)."""
    from .statistics.detect import HEAD_BYTES, ZIP_MAGIC, detect

    path = Path(path)
    try:
        size = path.stat().st_size
        if size == 0 or size > filecheck.MAX_FILE_BYTES:
            return None  # the template path refuses it with the usual words
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
        if head.startswith(ZIP_MAGIC):
            head = path.read_bytes()  # a workbook's directory is at its end; detect reads only its first parts
        return detect(head)
    except (OSError, StatFileError):
        return None


def _check_statistics(store: Store, path: Path, name: str, recipe: Recipe,
                      tables: list[StatTable] | None) -> CheckedUpload:
    """Map a statistics file with `recipe` into the template's sheets, then validate and preview them."""
    report = ImportReport(file_name=name)
    if tables is None:
        try:
            tables = read_statistics_file(path, name)
        except (RefusedFile, StatFileError) as exc:
            report.status = "refused"
            report.refusal_reason = getattr(exc, "reason", "statistics")
            report.refusal = exc
            report.message = exc.message if isinstance(exc, RefusedFile) else exc.text("en")
            return CheckedUpload(report)
    report.sha256 = sha256_of(path)
    table = tables[recipe.table] if 0 <= recipe.table < len(tables) else tables[0]
    the_plan = plan(table, recipe)
    report.format, report.dimensions = table.format, describe_dimensions(the_plan)
    report.recipe, report.decisions = the_plan.resolved_recipe(), list(the_plan.decisions)
    report.sheets = [f"{table.format}: {table.title or table.table_id}"]
    checked = CheckedUpload(report, tables=tables, plan=the_plan)
    if the_plan.decisions:
        report.status = "needs_decisions"
        report.say((N_plural("{name}: {n} decision left; nothing was imported.",
                             "{name}: {n} decisions left; nothing was imported."),
                    {"n": len(the_plan.decisions), "name": name}),
                   *((d.message, d.params) for d in the_plan.decisions))
        return checked
    areas = AreaIndex.from_store(store)
    mapped = map_table(the_plan, areas)
    report.skipped, report.notes = mapped.skipped(), _mapping_notes(mapped)
    sheets = []
    for table_name, rows in (("indicators", mapped.indicators), ("observations", mapped.observations)):
        if rows:
            columns = TABLES_BY_NAME[table_name].column_names
            sheets.append(RawSheet.from_rows(table_name, [columns] + [[r.get(c) for c in columns] for r in rows]))
    upload = ParsedUpload(name, report.sha256, "statistics", sheets, report.sheets)
    checked.upload = upload
    problems = ProblemList()
    for problem in _mapping_problems(mapped, table, areas):
        problems.add(problem)
    if sheets:
        checked.typed, found = validate(store, upload)
        for problem in found.items:
            _locate(problem, mapped, table)
            problems.items.append(problem)
        problems.errors += found.errors
        problems.warnings += found.warnings
    if not mapped.observations and not problems.errors:  # a new indicator alone is no import
        problems.add(Problem.of(table.table_id or table.format, "", "", "", Expected(
            "values of areas in the twin region: none of the {areas} areas of the file is ours",
            {"areas": len(mapped.outside_areas)}), "error", "no_data"))
    report.problems = problems.items
    report.error_count, report.warning_count = problems.errors, problems.warnings
    report.rows_read = {n: len(df) for n, df in checked.typed.items()}
    if problems.errors:
        report.status = "invalid"
        report.say(*_problems_counted(report, problems.errors, problems.warnings),
                   (N_("Nothing was imported; fix the mapping or the areas listed and try again."), {}))
        return checked
    report.diff, report.status_changes = preview(store, checked.typed)
    report.status = "dry_run"
    return checked


def _mapping_notes(mapped: Mapped) -> list[tuple[str, dict]]:
    notes: list[tuple[str, dict]] = []
    if mapped.outside_areas:
        notes.append((N_("{count} areas outside the twin region skipped ({rows} values)."),
                      {"count": len(mapped.outside_areas), "rows": mapped.outside_rows}))
    if mapped.missing:
        markers = ", ".join(f"{marker} ×{n}" for marker, n in mapped.missing.most_common())
        notes.append((N_("{count} missing values skipped (publisher's markers: {markers})."),
                      {"count": sum(mapped.missing.values()), "markers": markers}))
    if mapped.unmapped_series:
        notes.append((N_("{count} values of series not mapped to an indicator skipped."),
                      {"count": mapped.unmapped_series}))
    for flag, n in mapped.noted_flags.items():
        notes.append((N_("{count} values the publisher flags as {flag} kept, with a note saying so."),
                      {"count": n, "flag": flag}))
    return notes


def _mapping_problems(mapped: Mapped, table: StatTable, areas: AreaIndex) -> list[Problem]:
    """An unknown or ambiguous area inside the file, or an unreadable period: one error per value, not per row."""
    sheet = table.table_id or table.format
    problems = []
    for dimension, text, status, suggestions in mapped.area_problems:
        if status == "ambiguous":
            expected = Expected("one area: {text} may mean {areas}; add an alias to the one meant (areas sheet, "
                                "aliases column)", {"text": text, "areas": areas.describe(suggestions)})
        elif suggestions:
            expected = Expected("an area of the twin region, e.g. {suggestions}, or an alias added to one (areas "
                                "sheet, aliases column)", {"suggestions": areas.describe(suggestions)})
        else:
            expected = Expected("an area of the twin region, or an alias added to one (areas sheet, aliases "
                                "column)")
        problems.append(Problem.of(sheet, f"{dimension}={text}", dimension, text, expected, "error",
                                   "area_ambiguous" if status == "ambiguous" else "area_unknown"))
    for dimension, text in mapped.period_problems:
        problems.append(Problem.of(sheet, f"{dimension}={text}", dimension, text, Expected(
            "a period such as 2024, 2024Q1, 2024K1, 2024M12 or 2024-12"), "error", "bad_stat_period"))
    return problems


def _locate(problem: Problem, mapped: Mapped, table: StatTable) -> None:
    """Point a problem of the mapped rows at the file's cell (its dimension values) or the recipe's indicator."""
    match = re.fullmatch(r"(observations|indicators)!([A-Z]+)(\d+)", problem.cell)
    if not match:
        return
    row = int(match.group(3)) - 2
    if match.group(1) == "observations" and 0 <= row < len(mapped.origins):
        problem.cell = mapped.origins[row]
    elif match.group(1) == "indicators" and 0 <= row < len(mapped.indicators):
        problem.cell = f"recipe: indicators.{mapped.indicators[row]['code']}"
    problem.sheet = table.table_id or table.format


def apply_checked(store: Store, checked: CheckedUpload, user: str) -> ImportReport:
    """Apply a file `check_file` passed (status dry_run); for one it did not (refused, invalid, already imported)
    nothing is written. Either way the outcome goes to the audit log as "import".

    The diff is computed again inside the write transaction, so an import confirmed after another editor's
    import still applies exactly what is new."""
    report, upload = checked.report, checked.upload
    if report.status not in ("dry_run", "refused", "invalid", "nothing_to_do", "needs_decisions"):
        raise ImportBlocked("not_checked", name=report.file_name, reason=report.message)
    if report.status == "dry_run" and upload is not None:
        # A statistics file maps differently with another recipe: only the diff can say whether it changes nothing.
        earlier = find_applied_import(store, upload.sha256) if upload.kind != "statistics" else None
        if earlier:
            report.say((N_("{name} was already imported as import #{id}. Nothing changed."),
                        {"name": report.file_name, "id": str(earlier[0])}))
            report.status, report.import_id = "nothing_to_do", earlier[0]
        else:
            _apply_report(store, checked, user)
    if report.status != "applied":  # an applied import wrote its audit line in its own transaction
        audit.write(store, user, "import", report.status,
                    {"file": report.file_name, "sha256": report.sha256, "import_id": report.import_id,
                     "errors": report.error_count, "reason": report.refusal_reason})
    return report


def _apply_report(store: Store, checked: CheckedUpload, user: str) -> None:
    report = checked.report
    summary = {"errors": report.error_count, "warnings": report.warning_count}
    try:
        import_id, report.diff, report.status_changes = apply_rows(store, checked.typed, checked.upload, user, summary)
        _hidden_counts(report)
    except BackupFailed as exc:
        audit.write(store, user, "import", "backup_failed", {"file": report.file_name, "sha256": report.sha256,
                                                             "reason": str(exc)})
        raise
    if import_id is None:
        report.status = "nothing_to_do"
        report.say((N_("{name}: every row is already in the database. Nothing changed."), {"name": report.file_name}))
        return
    report.status = "applied"
    report.import_id = import_id
    totals = {k: v.new + v.changed for k, v in report.diff.items() if v.new or v.changed}
    report.say((N_plural("{name} imported as import #{id}: {n} row added or changed ({tables}).",
                         "{name} imported as import #{id}: {n} rows added or changed ({tables})."),
                {"n": sum(totals.values()), "name": report.file_name, "id": str(import_id),
                 "tables": ", ".join(f"{k} {n:,}" for k, n in totals.items())}), *_hidden_note(report))


def import_file(store: Store, path: str | Path, user: str = "cli", dry_run: bool = False,
                display_name: str | None = None, encoding: str | None = None,
                recipe: Recipe | None = None, hidden: str = "skip") -> ImportReport:
    """check_file then apply_checked, in one call (the command line, scripts, tests). A dry run only checks and
    is not audited; anything else is, refused and invalid files included. `recipe` maps a statistics file."""
    checked = check_file(store, path, display_name, encoding, recipe=recipe, hidden=hidden)
    if dry_run:
        if checked.report.status == "dry_run":
            checked.report.say((N_("{name} is valid. Dry run: nothing was written."),
                                {"name": checked.report.file_name}), *_hidden_note(checked.report))
        return checked.report
    return apply_checked(store, checked, user)
