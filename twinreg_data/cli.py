"""Command line: `python -m twinreg_data [--db PATH] [--wait SECONDS] COMMAND …`.

The interface is stable (other tools call it); the exit codes are EXIT_CODES_HELP below (also in `--help`).
Everything is reported in plain words on stderr, never as a traceback; with `--json` a JSON object is printed
on stdout in every case, errors included (`status`, `exit_code`, `message`).

The command runs beside a running app: the app holds the database file only while it reads or writes, and this
command waits up to --wait seconds (default 30) for the file before it gives up with exit code 4.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .i18n import LANGUAGES
from .schema import DOMAINS as DOMAIN_CHOICES
from .store import CLI_WAIT_S, StoreError, default_db_path, default_wait

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"

EXIT_OK, EXIT_INVALID, EXIT_REFUSED, EXIT_UNEXPECTED, EXIT_BUSY = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
EXIT_CODES_HELP = """exit codes:
  0    done, or nothing to do
  1    validation errors or mapping decisions left (import); a request that cannot be done (an unknown
       account, an import that cannot be rolled back, ...); a feed run that failed (feeds run)
  2    file refused (import); database damaged or from a newer version; command line not understood
  3    unexpected error (please report it)
  4    database busy: another program (the app or another command) held it for longer than --wait
  130  interrupted (Ctrl+C)
  141  the reader of the output went away (e.g. `| head`)

With --json a JSON object is printed on stdout in every case; on an error it has status
(error, busy, database_error, usage, interrupted, unexpected), exit_code and message."""


class UserError(Exception):
    pass


class _UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error to main() (to be printed as JSON with --json) instead of exiting."""

    def error(self, message: str):  # type: ignore[override]
        raise _UsageError(self, message)


def _store(args):
    from .snapshot import publish_after_writes
    from .store import Store

    store = Store(args.db, wait=args.wait)
    publish_after_writes(store)  # with TWINREG_SNAPSHOT_DIR set: a snapshot for viewers after every data write
    return store


def _finish_publications() -> None:
    """Wait for the snapshots the command's writes publish (TWINREG_SNAPSHOT_DIR); a failed one is a warning on
    stderr: the write stands and the exit code stays."""
    if "twinreg_data.snapshot" not in sys.modules:  # nothing was published: spare the command the import
        return
    from .snapshot import wait_for_publications

    for outcome in wait_for_publications():
        if outcome.error:
            print(f"warning: the data was written, but the snapshot for viewer instances was not published: "
                  f"{outcome.error}", file=sys.stderr)


def cmd_init(args) -> int:
    from .auth import INITIAL_ADMIN, ensure_initial_admin

    store = _store(args)
    print(f"Database ready at {args.db} (schema version {store.schema_version()}).")
    password = ensure_initial_admin(store)
    if password:
        # Printed once, like Jupyter's token, so a new user can sign in and upload right away.
        print(f"\nNo account existed: created '{INITIAL_ADMIN}' with the password\n\n    {password}\n\n"
              "Sign in on the app's 'Sign in' page; manage accounts with `python -m twinreg_data users`.\n")
    if args.demo:
        from .ingest.apply import import_file

        files = sorted(DEMO_DIR.glob("*.xlsx"))
        if not files:
            raise UserError(f"No demo workbooks found in {DEMO_DIR}.")
        for path in files:
            report = import_file(store, path, user="demo")
            print(report.message)
            if not report.ok:
                for p in report.problems[:20]:
                    print(f"  {p.cell}: found {p.value!r}, expected {p.expected}", file=sys.stderr)
                return 1
        from .reports.demo import seed_demo_reports

        cases = seed_demo_reports(store, DEMO_DIR / "reports.json")
        if cases:
            print(f"Filed {len(cases)} demo public reports ({cases[0]} … {cases[-1]}).")
    return 0


def _print_report(report, lang: str = "en") -> None:
    from .ingest.problems import group_problems

    print(report.message_in(lang))
    if report.problems:
        # Grouped: a code misspelt in 3,000 rows is one line with its count and first cells (--json lists all).
        print(f"\n{'severity':8}  {'count':>6}  {'column':16}  {'found':20}  {'cells':40}  expected")
        for group in group_problems(report.problems):
            p = group.first
            print(f"{p.severity:8}  {group.count:>6,}  {p.column[:16]:16}  {p.value[:20]:20}  "
                  f"{group.cells_text():40}  {p.expected_in(lang)}")
        shown = len(report.problems)
        total = report.error_count + report.warning_count
        if total > shown:
            print(f"… and {total - shown:,} more problem(s).")
    for name, diff in report.diff.items():
        hidden = f"  hidden rows skipped {diff.hidden_skipped:>8,}" if diff.hidden_skipped else ""
        print(f"{name:18} new {diff.new:>8,}  changed {diff.changed:>8,}  unchanged {diff.unchanged:>8,}{hidden}")
        for change in diff.changes[:10]:
            print(f"    {change['key']}: {change['column']} {change['old']!r} → {change['new']!r}")
    for change in report.status_changes:
        print(f"status {change['bottleneck']}: {change['before'] or '(new)'} → {change['after']}")
    if report.format:  # a statistics file: what was found, how it maps, what is left to decide
        print(f"\nformat {report.format}")
        for dim in report.dimensions:
            role = dim["role"] + (f" = {dim['kept']}" if dim.get("kept") else "")
            print(f"  {dim['name'][:24]:24} {dim['count']:>6,} values  guessed {dim['guessed_role']:7} "
                  f"chosen {role or '?':16} {dim['sample'][:60]}")
        for note in report.notes_in("en"):
            print(note)
        for decision in report.decisions:
            print(f"to decide: {decision.text('en')}")


def _recipe_from_args(args, store):
    """The recipe of --recipe (a TOML file, or a name saved in the database) with the flags applied over it;
    None when no flag says anything about mapping (a template file, or a statistics file mapped by guesses)."""
    from .ingest.statistics.recipe import Recipe, RecipeError, saved_recipe

    recipe = None
    if args.recipe:
        try:
            recipe = Recipe.load(args.recipe) if Path(args.recipe).is_file() else saved_recipe(store, args.recipe)
        except RecipeError as exc:
            raise UserError(f"{args.recipe}: {exc}") from exc
        if recipe is None:
            raise UserError(f"{args.recipe} is neither a recipe file nor the name of a saved recipe.")
        recipe.name = recipe.name or Path(args.recipe).stem
    if not (args.indicator or args.area or args.area_from or args.period_from or args.keep or args.save_recipe):
        return recipe
    recipe = recipe or Recipe()
    for item in args.indicator or []:
        if "=" in item:  # SERIES_VALUE=CODE maps one value of the series dimension
            value, _, code = item.rpartition("=")
            recipe.series[value.strip()] = code.strip()
        else:
            recipe.indicator, recipe.series, recipe.series_dimension = item.strip(), {}, ""
    if args.area:
        recipe.area, recipe.area_dimension = args.area, ""
    if args.area_from:
        recipe.area_dimension, recipe.area = args.area_from, ""
    if args.period_from:
        recipe.period_dimension = args.period_from
    for item in args.keep or []:
        dimension, sep, value = item.partition("=")
        if not sep or not dimension.strip():
            raise UserError(f"--keep {item}: write it as DIMENSION=VALUE, e.g. --keep Sukupuoli=SSS")
        recipe.keep[dimension.strip()] = value.strip()
    if args.save_recipe and not recipe.name:
        recipe.name = Path(args.save_recipe).stem
    return recipe


def cmd_import(args) -> int:
    from .ingest.apply import import_file

    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"{path} does not exist or is not a file.")
    store = _store(args)
    recipe = _recipe_from_args(args, store)
    report = import_file(store, path, user=args.user, dry_run=args.dry_run, encoding=args.encoding, recipe=recipe,
                         hidden=args.hidden)
    if args.save_recipe and report.recipe is not None:
        _save_recipe(args, store, report)
    if args.json:
        print(report.to_json())
    elif report.status == "refused":
        print(f"refused: {report.message_in(args.lang)}", file=sys.stderr)
    else:
        _print_report(report, args.lang)
    if report.status == "refused":
        return 2
    if report.status in ("invalid", "needs_decisions"):
        return 1
    return 0


def _save_recipe(args, store, report) -> None:
    """Write the recipe as resolved (every choice by code) to --save-recipe; keep it in the database by name
    too once the import went through (a dry run writes nothing to the database)."""
    from .ingest.statistics.recipe import save_recipe

    recipe = report.recipe
    recipe.name = recipe.name or Path(args.save_recipe).stem
    written = recipe.save(args.save_recipe)
    where = f"Recipe {recipe.name!r} written to {written}"
    if not args.dry_run and report.status in ("applied", "nothing_to_do"):
        save_recipe(store, recipe, args.user)
        where += " and saved in the database"
    print(where + ".", file=sys.stderr if args.json else sys.stdout)


def cmd_imports(args) -> int:
    from .ingest.history import list_imports

    frame = list_imports(_store(args))
    if frame.empty:
        print("No imports yet.")
        return 0
    for row in frame.itertuples():
        print(f"#{row.id:<4} {row.status:12} {row.uploaded_at:%Y-%m-%d %H:%M} UTC  {row.uploaded_by:12} "
              f"{row.file_name}  sha256 {row.sha256[:12]}  {row.counts}")
    return 0


def cmd_rollback(args) -> int:
    from .ingest.history import ImportBlocked, rollback

    store = _store(args)
    try:
        restored = rollback(store, args.import_id, args.user)
    except ImportBlocked as exc:
        raise UserError(str(exc)) from exc
    message = f"Import #{args.import_id} rolled back: " + (", ".join(f"{k} {v:,} rows" for k, v in restored.items())
                                                           or "no rows")
    if args.json:
        _print_json({"status": "rolled_back", "import_id": args.import_id, "restored": restored, "message": message})
    else:
        print(message)
    return 0


def cmd_template(args) -> int:
    from .ingest.template import write_template

    store = _store(args) if Path(args.db).exists() else None
    print(f"Template written to {write_template(args.out, store)}")
    return 0


def cmd_export(args) -> int:
    from .ingest.template import export_workbook

    print(f"Database exported to {export_workbook(_store(args), args.out)}")
    return 0


def cmd_backup(args) -> int:
    from .backup import backup

    print(f"Backup written to {backup(_store(args), args.dir)}")
    return 0


def cmd_publish(args) -> int:
    from .publish import publish

    try:
        path = publish(_store(args), args.dir)
    except FileExistsError:
        print(f"{args.dir} is not empty: publish into a new or empty folder.", file=sys.stderr)
        return 2
    print(f"Open data package written: {path}")
    return 0


def cmd_publish_snapshot(args) -> int:
    from .snapshot import publish_snapshot

    snapshot = publish_snapshot(_store(args), args.dir, keep=args.keep)
    if args.json:
        _print_json({"status": "published", **snapshot.pointer(), "path": str(snapshot.path)})
    else:
        print(f"Snapshot published: {snapshot.path} ({snapshot.bytes:,} bytes); {Path(args.dir) / 'current.json'} "
              "points to it.")
    return 0


def cmd_reports(args) -> int:
    """Public reports: the open queue, or erase the personal data of cases decided before the retention period."""
    from . import reports
    from .queries.reports import queue

    store = _store(args)
    if args.reports_command == "purge":
        days = reports.RETENTION_DAYS if args.days is None else args.days
        if days < 0:
            raise UserError("--days must be 0 or more.")
        erased = reports.purge(store, retention_days=days, actor=_cli_actor())
        if args.json:
            _print_json({"status": "ok", "erased": erased, "days": days})
        else:
            print(f"Erased the personal data of {erased} decided case(s) older than {days} days.")
        return 0
    frame = queue(store)
    if args.json:
        _print_json({"status": "ok", "open": frame.drop(columns=["what"]).to_dict(orient="records")})
    else:
        for row in frame.itertuples():
            late = " OVERDUE" if row.overdue else ""
            print(f"{row.case_number}  {row.status:<13} due {row.due_on}{late}  {row.domain or '-'}  {row.place}")
        print(f"{len(frame)} open case(s).")
    return 0


def cmd_restore(args) -> int:
    from .backup import restore

    manifest = restore(args.dir, args.db, wait=args.wait)
    print(f"Database {args.db} restored from the backup of {manifest['created_at']}.")
    return 0


def _read_password(confirm: bool = True) -> str:
    """Prompted twice on a terminal; read from the first line of stdin otherwise (for scripts)."""
    import getpass

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Repeat password: ") != password:
        raise UserError("The passwords differ.")
    return password


def _cli_actor() -> str:
    """Who changes accounts from the command line, for the audit log: "cli:" and the OS user."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "cli"


def cmd_users(args) -> int:
    from . import auth

    store = _store(args)
    actor = _cli_actor()
    try:
        if args.action == "list":
            frame = auth.list_users(store)
            if frame.empty:
                print("No accounts.")
            for row in frame.itertuples():
                print(f"{row.name:24} {row.role:7} created {row.created_at:%Y-%m-%d}  "
                      f"password set {row.password_changed_at:%Y-%m-%d}")
        elif args.action == "add":
            auth.add_user(store, args.name, _read_password(), args.role, actor)
            print(f"Account {args.name} ({args.role}) created.")
        elif args.action == "passwd":
            auth.set_password(store, args.name, _read_password(), actor)
            print(f"Password of {args.name} changed.")
        elif args.action == "remove":
            auth.remove_user(store, args.name, actor)
            print(f"Account {args.name} removed.")
    except auth.AuthError as exc:
        raise UserError(str(exc)) from exc
    return 0


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31") from exc


def _window(args):
    """(since, today) of the "what changed" window; since must not lie after today."""
    import datetime as dt

    today = args.today or dt.date.today()
    if args.since > today:
        raise UserError(f"--since {args.since} lies after {today}; give the date of the last meeting (YYYY-MM-DD).")
    return args.since, today


def _view(args):
    """The page's filters from the command line: language, domains, side of the border, period range."""
    from .filters import MIN_YEAR, Filters, max_year
    from .schema import DOMAINS

    year_from = args.year_from if args.year_from is not None else MIN_YEAR
    year_to = args.year_to if args.year_to is not None else max_year()
    if not MIN_YEAR <= year_from <= year_to <= max_year():
        raise UserError(f"--from {year_from} and --to {year_to} must be years from {MIN_YEAR} to {max_year()}, "
                        "--from not after --to.")
    return Filters(lang=args.lang, domains=tuple(d for d in DOMAINS if d in (args.domain or [])),
                   side=args.side, year_from=year_from, year_to=year_to)


def cmd_changes(args) -> int:
    import json

    from .briefing import changes_tables
    from .i18n import t
    from .queries.changes import what_changed

    since, today = _window(args)
    changes = what_changed(_store(args), _view(args), since, today)
    if args.json:
        def records(frame):
            return json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))

        print(json.dumps({
            "since": since.isoformat(), "today": today.isoformat(), "stall_days": changes.stall_days,
            "baseline": changes.baseline, "counts": changes.counts(),
            **{name: records(getattr(changes, name)) for name in (
                "bottlenecks", "status_changes", "stalled", "indicators", "revisions", "actions_overdue",
                "actions_done")},
        }, ensure_ascii=False, indent=2, default=str))
        return 0
    print(t("Changes since {date}", args.lang, date=since.isoformat()) + f" – {today.isoformat()}")
    for title, frame in changes_tables(changes, args.lang):
        print(f"\n{title} ({len(frame)})")
        if not frame.empty:
            print(frame.to_string(index=False, max_colwidth=60))
    return 0


def cmd_briefing(args) -> int:
    from .briefing import build_briefing, write_pptx

    since, today = _window(args)
    deck = build_briefing(_store(args), _view(args), since, today, args.title)
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise UserError(f"{out} should end in .pptx (a PowerPoint file).")
    print(f"Briefing ({len(deck.slides)} slides, {deck.lang}) written to {write_pptx(deck, out)}")
    return _pdf_if_asked(args, out)


def _pdf_if_asked(args, pptx: Path) -> int:
    """With --pdf, the PDF of the deck just written (LibreOffice); the .pptx stays either way."""
    from .briefing import PdfUnavailable, convert_to_pdf, pdf_available
    from .briefing.pdf import PDF_INSTALL_HINT

    if args.pdf:
        if not pdf_available():
            raise UserError(f"A PDF needs LibreOffice: install it with `{PDF_INSTALL_HINT}` "
                            "and run the command again (the .pptx is written).")
        try:
            print(f"PDF written to {convert_to_pdf(pptx)}")
        except PdfUnavailable as exc:
            raise UserError(str(exc)) from exc
    return 0


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not 1990 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a reporting year (e.g. 2026)")
    return year


def cmd_register(args) -> int:
    """The register export for the Commission: one row per obstacle of the reporting year, CSV or XLSX."""
    from .exports import to_csv_bytes, to_xlsx_bytes
    from .queries.register import commission_register, obstacles_of_year

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise UserError(f"{out} should end in .csv or .xlsx.")
    frame = commission_register(obstacles_of_year(_store(args), args.year, args.lang), args.year)
    out.write_bytes(to_csv_bytes(frame) if out.suffix.lower() == ".csv"
                    else to_xlsx_bytes(frame, sheet=f"register {args.year}"))
    print(f"Register {args.year}: {len(frame)} obstacle(s) written to {out}")
    return 0


def cmd_yearly(args) -> int:
    """The yearly report as PowerPoint (and PDF with --pdf)."""
    from .briefing import write_pptx
    from .briefing.yearly import yearly_report

    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        raise UserError(f"{out} should end in .pptx (a PowerPoint file).")
    deck = yearly_report(_store(args), args.year, args.lang)
    print(f"Yearly report {args.year} ({len(deck.slides)} slides, {deck.lang}) written to {write_pptx(deck, out)}")
    return _pdf_if_asked(args, out)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return value


def build_parser() -> argparse.ArgumentParser:
    from .cli_feeds import add_feeds_parser

    parser = _Parser(prog="python -m twinreg_data", description="TwinReg Monitor data tools",
                     epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=str(default_db_path()),
                        help="database file (default: $TWINREG_DB or data/twinreg.duckdb)")
    parser.add_argument("--wait", type=_seconds, default=default_wait(CLI_WAIT_S), metavar="SECONDS",
                        help="while another program (the running app, another command) holds the database, wait "
                             "this long for it before giving up with exit code 4 (default: $TWINREG_WAIT or "
                             f"{CLI_WAIT_S:g})")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", help="create the database (and import the demo workbooks with --demo)")
    p.add_argument("--demo", action="store_true")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("import", help="validate and import an .xlsx or .csv file")
    p.add_argument("file")
    p.add_argument("--user", default="cli")
    p.add_argument("--dry-run", action="store_true", help="validate and show the diff; write nothing")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--encoding", default=None, help="CSV encoding when not UTF-8, e.g. windows-1252")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the report (JSON stays English)")
    # Mapping a statistics file (PX, JSON-stat, PxWeb, Eurostat); unambiguous roles need no flag.
    p.add_argument("--indicator", action="append", metavar="CODE",
                   help="the indicator the values go to; SERIES_VALUE=CODE maps one series (repeatable)")
    area = p.add_mutually_exclusive_group()
    area.add_argument("--area", metavar="CODE", help="the one area of a file without an area dimension")
    area.add_argument("--area-from", metavar="DIM", help="the dimension holding the areas")
    p.add_argument("--period-from", metavar="DIM", help="the dimension holding the periods")
    p.add_argument("--keep", action="append", metavar="DIM=VALUE",
                   help="the one value kept of another dimension, by code or label (repeatable)")
    p.add_argument("--recipe", metavar="R.toml", help="a recipe file, or the name of a recipe saved in the database")
    p.add_argument("--save-recipe", metavar="R.toml", help="write the mapping used as a recipe file (and keep it "
                   "in the database under its name once imported)")
    p.add_argument("--hidden", choices=("skip", "import"), default="skip",
                   help="rows and columns hidden in Excel (by hand or by a filter): skip them (default) or import them")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("imports", help="list the import history")
    p.set_defaults(func=cmd_imports)
    p = sub.add_parser("rollback", help="undo an import")
    p.add_argument("import_id", type=int)
    p.add_argument("--user", default="cli")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(func=cmd_rollback)
    p = sub.add_parser("template", help="write the empty import template")
    p.add_argument("out")
    p.set_defaults(func=cmd_template)
    p = sub.add_parser("export", help="write the whole database as a filled template")
    p.add_argument("out")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("users", help="local accounts: list, add, passwd, remove")
    users = p.add_subparsers(dest="action", required=True)
    users.add_parser("list", help="list accounts")
    q = users.add_parser("add", help="create an account (password prompted, or read from stdin)")
    q.add_argument("name")
    q.add_argument("--role", choices=("viewer", "editor", "admin"), default="editor")
    q = users.add_parser("passwd", help="set a new password (prompted, or read from stdin)")
    q.add_argument("name")
    q = users.add_parser("remove", help="delete an account")
    q.add_argument("name")
    p.set_defaults(func=cmd_users)
    p = sub.add_parser("backup", help="copy the database into an empty folder")
    p.add_argument("dir")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("publish", help="write the public data as an open data package (Frictionless) into DIR")
    p.add_argument("dir")
    p.set_defaults(func=cmd_publish)
    add_feeds_parser(sub)
    p = sub.add_parser("publish-snapshot", help="publish a read-only copy of the database for viewer instances "
                       "into DIR (atomically; current.json names the newest)")
    p.add_argument("dir")
    p.add_argument("--keep", type=int, default=None, metavar="N",
                   help="snapshots to keep (default: $TWINREG_SNAPSHOT_KEEP or 3)")
    p.add_argument("--json", action="store_true", help="print the outcome as JSON")
    p.set_defaults(func=cmd_publish_snapshot)
    p = sub.add_parser("reports", help="public reports: list the open queue, or purge personal data")
    reports_sub = p.add_subparsers(dest="reports_command", required=True)
    q = reports_sub.add_parser("list", help="the open cases, oldest deadline first")
    q.add_argument("--json", action="store_true")
    q = reports_sub.add_parser("purge", help="erase the personal data of cases decided more than --days ago")
    q.add_argument("--days", type=int, default=None, help="retention period in days (default 180)")
    q.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reports)
    p = sub.add_parser("register", help="the register export for the Commission (CSV or XLSX) of a reporting year")
    p.add_argument("--year", type=_year, required=True)
    p.add_argument("--out", required=True, help="the .csv or .xlsx file to write")
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the texts (default: English)")
    p.set_defaults(func=cmd_register)
    p = sub.add_parser("yearly", help="the yearly report (priority list, status, solved) as PowerPoint and PDF")
    p.add_argument("--year", type=_year, required=True)
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p.add_argument("--out", required=True, help="the .pptx file to write")
    p.add_argument("--pdf", action="store_true", help="also write a PDF next to it (needs LibreOffice)")
    p.set_defaults(func=cmd_yearly)
    p = sub.add_parser("restore", help="replace the database with a backup folder")
    p.add_argument("dir")
    p.set_defaults(func=cmd_restore)
    for name, func, text in (
        ("changes", cmd_changes, "what changed since a date: bottlenecks, status changes, indicators, actions"),
        ("briefing", cmd_briefing, "write the meeting briefing as a PowerPoint deck (optionally a PDF too)"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--since", type=_iso_date, required=True, help="date of the last meeting (YYYY-MM-DD)")
        p.add_argument("--lang", choices=LANGUAGES, default="en")
        p.add_argument("--domain", action="append", choices=DOMAIN_CHOICES, help="a domain to cover (repeatable; "
                       "default: every domain)")
        p.add_argument("--side", choices=("both", "FI", "EE"), default="both",
                       help="side of the border, as on the page (default: both)")
        p.add_argument("--from", dest="year_from", type=int, default=None, metavar="YEAR",
                       help="first year of the period range, as on the page")
        p.add_argument("--to", dest="year_to", type=int, default=None, metavar="YEAR",
                       help="last year of the period range, as on the page")
        p.add_argument("--today", type=_iso_date, default=None, help=argparse.SUPPRESS)  # reproducible output
        p.set_defaults(func=func)
        if name == "changes":
            p.add_argument("--json", action="store_true", help="print the lists as JSON")
        else:
            p.add_argument("--out", required=True, help="the .pptx file to write")
            p.add_argument("--pdf", action="store_true", help="also write a PDF next to it (needs LibreOffice)")
            p.add_argument("--title", default=None, help="meeting name on the title slide")
    return parser


def _quiet_stdout() -> None:
    """Point stdout at /dev/null: the reader (`| head`) has gone, and Python's flush at exit must not fail."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _print_json(obj: dict) -> None:
    import json

    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _fail(args, code: int, status: str, message: str) -> int:
    """Report an error: one line on stderr, and the JSON object on stdout when --json was asked for."""
    print(f"error: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        try:
            _print_json({"status": status, "exit_code": code, "message": message})
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_stdout()
            return EXIT_BROKEN_PIPE
    return code


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as exc:
        exc.parser.print_usage(sys.stderr)
        return _fail(argparse.Namespace(json="--json" in argv), EXIT_REFUSED, "usage",
                     f"{exc.parser.prog}: {exc}")
    lang = getattr(args, "lang", "en")
    try:
        try:
            code = args.func(args)
        finally:
            _finish_publications()
        # Flushed here, not at exit: a pipe closed early (`| head`) then fails where it is caught below.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE  # what a shell reports for a command ended by SIGPIPE
    except StoreError as exc:
        if exc.reason == "busy":
            from .i18n import t

            return _fail(args, EXIT_BUSY, "busy", t(
                "The database is busy: another program (the running app or another command) held it for more than "
                "{seconds} seconds. Try again in a moment, or allow more time with --wait SECONDS.", lang,
                seconds=f"{args.wait:g}"))
        return _fail(args, EXIT_REFUSED, "database_error", str(exc))
    except UserError as exc:
        return _fail(args, EXIT_INVALID, "error", str(exc))
    except KeyboardInterrupt:
        return _fail(args, EXIT_INTERRUPTED, "interrupted", "interrupted")
    except Exception as exc:
        import duckdb

        if isinstance(exc, duckdb.Error):
            # e.g. a damaged block DuckDB meets only when it reads it: plain words, no traceback.
            return _fail(args, EXIT_REFUSED, "database_error",
                         f"the database {args.db} cannot be used: {str(exc).splitlines()[0]}. If it is damaged, "
                         "restore the latest backup: python -m twinreg_data restore data/backups/<newest folder>")
        from .i18n import t

        # Other tools call this command and officials read its output: one line, never a traceback.
        detail = str(exc).splitlines()[0] if str(exc) else ""
        return _fail(args, EXIT_UNEXPECTED, "unexpected", t(
            "The command stopped on an unexpected error ({kind}: {detail}). Please report it.", "en",
            kind=type(exc).__name__, detail=detail))
