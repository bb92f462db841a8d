"""The `feeds` commands of the command line: saved PxWeb and Eurostat sources (add, list, run, remove)."""

from __future__ import annotations

import sys
from pathlib import Path

from .cli import EXIT_INVALID, EXIT_OK, UserError, _print_json, _store
from .i18n import LANGUAGES


def _feed_line(feed) -> str:
    last = f"{feed.last_run_at:%Y-%m-%d %H:%M} UTC {feed.last_outcome}" if feed.last_run_at else "never run"
    return (f"{feed.name:24} {feed.publisher:8} {feed.api:8} {feed.table_ref[:48]:48} recipe {feed.recipe:16} "
            f"last run: {last}")


def _feed_query(args) -> dict:
    """The query of `feeds add`: --query FILE (JSON) and/or --filter DIM=CODES, merged."""
    import json

    from .ingest.feeds import FeedError, filters_query

    query: dict = {}
    if args.query:
        try:
            query = json.loads(Path(args.query).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"{args.query}: not a readable JSON file ({exc}).") from exc
        if not isinstance(query, dict):
            raise UserError(f"{args.query}: the query must be a JSON object.")
        if args.api != "pxweb_v1":  # dimension → code or codes
            query = {str(k): [str(c) for c in (v if isinstance(v, list) else [v])] for k, v in query.items()}
    try:
        extra = filters_query(args.filter or [], args.api)
    except FeedError as exc:
        raise UserError(exc.text(args.lang)) from exc
    if args.api == "pxweb_v1":
        if extra["query"]:
            query.setdefault("query", []).extend(extra["query"])
            query.setdefault("response", extra["response"])
    else:
        for dim, codes in extra.items():
            query.setdefault(dim, []).extend(codes)
    return query


def _feed_recipe_file(args):
    """The recipe of `--recipe R.toml` (named after its file when it has no name), or None for a saved one's name."""
    from .ingest.statistics.recipe import Recipe, RecipeError

    if not Path(args.recipe).is_file():
        return None
    try:
        recipe = Recipe.load(args.recipe)
    except RecipeError as exc:
        raise UserError(f"{args.recipe}: {exc}") from exc
    recipe.name = recipe.name or Path(args.recipe).stem
    return recipe


def cmd_feeds(args) -> int:
    from .i18n import N_
    from .ingest.feeds import Feed, FeedError, get_feed, list_feeds, remove_feed, run_all, run_feed, save_feed
    from .ingest.statistics.recipe import save_recipe

    store = _store(args)
    try:
        if args.action == "list":
            feeds = list_feeds(store)
            if args.json:
                _print_json({"status": "ok", "feeds": [f.as_dict() for f in feeds]})
            elif not feeds:
                print("No feeds.")
            for feed in feeds if not args.json else []:
                print(_feed_line(feed))
                if feed.last_message:
                    print(f"    {feed.last_message_in(args.lang)}")
            return EXIT_OK
        if args.action == "add":
            if args.api is None:
                args.api = "eurostat" if args.publisher == "eurostat" else "pxweb_v1"
            recipe = _feed_recipe_file(args)
            feed = Feed(name=args.name, publisher=args.publisher, api=args.api, table_ref=args.table,
                        query=_feed_query(args), recipe=recipe.name if recipe else args.recipe, lang=args.lang)
            # Everything is checked before the recipe file is saved: a refused feed leaves nothing behind.
            feed.check()
            if get_feed(store, feed.name) is not None and not args.replace:
                raise FeedError(N_("A feed named {name} exists already; remove it first or replace it."),
                                name=feed.name)
            if recipe is not None:
                save_recipe(store, recipe, args.user)
            save_feed(store, feed, args.user, replace=args.replace)
            message = f"Feed {feed.name} saved: {feed.request().url}"
            _print_json({"status": "saved", "feed": feed.as_dict(), "message": message}) if args.json \
                else print(message)
            return EXIT_OK
        if args.action == "remove":
            remove_feed(store, args.name, args.user)
            message = f"Feed {args.name} removed."
            _print_json({"status": "removed", "feed": args.name, "message": message}) if args.json else print(message)
            return EXIT_OK
        # run
        if bool(args.all) == bool(args.name):
            raise UserError("Name one feed, or give --all.")
        results = run_all(store, args.user) if args.all else [run_feed(store, args.name, args.user)]
    except FeedError as exc:
        raise UserError(exc.text(args.lang)) from exc
    failed = [r for r in results if not r.ok]
    if args.json:
        _print_json({"status": "failed" if failed else "ok", "exit_code": EXIT_INVALID if failed else EXIT_OK,
                     "runs": [r.as_dict() for r in results]})
    elif not results:
        print("No feeds.")
    for result in results if not args.json else []:
        print(f"{result.feed}: {result.outcome}: {result.message_in(args.lang)}",
              file=sys.stderr if not result.ok else sys.stdout)
    return EXIT_INVALID if failed else EXIT_OK


def add_feeds_parser(sub) -> None:
    """The `feeds` subcommand and its actions, on the main parser's subparsers `sub`."""
    p = sub.add_parser("feeds", help="saved PxWeb and Eurostat sources: add, list, run, remove")
    feeds = p.add_subparsers(dest="action", required=True)
    for name, text in (("list", "list the feeds with their last run"), ("add", "save a feed (a table, its query "
                       "and the recipe that maps it)"), ("run", "fetch and import what is new"),
                       ("remove", "delete a feed (its imports stay)")):
        q = feeds.add_parser(name, help=text)
        q.add_argument("--json", action="store_true", help="print the outcome as JSON")
        q.add_argument("--user", default="cli")
        if name == "add":
            q.add_argument("--lang", choices=("en", "fi", "sv", "et", "fr", "de"), default="en",
                           help="language of the table's labels (default en)")
        else:
            q.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the messages")
        if name in ("add", "remove"):
            q.add_argument("name")
        if name == "run":
            q.add_argument("name", nargs="?")
            q.add_argument("--all", action="store_true", help="run every feed")
        if name == "add":
            q.add_argument("--publisher", required=True, choices=("statfin", "statee", "eurostat"),
                           help="Statistics Finland, Statistics Estonia or Eurostat")
            q.add_argument("--api", choices=("pxweb_v1", "pxweb_v2", "eurostat"), default=None,
                           help="pxweb_v1 (default for the offices), pxweb_v2, or eurostat")
            q.add_argument("--table", required=True, metavar="REF", help="PxWeb v1: the table's path "
                           "(StatFin/vaerak/statfin_vaerak_pxt_11s5.px, stat/RV032); PxWeb v2: the table id; "
                           "Eurostat: the dataset code")
            q.add_argument("--query", metavar="Q.json", help="PxWeb v1: the JSON query (as the table's 'API query' "
                           "box shows it); v2 and Eurostat: {dimension: [codes]}")
            q.add_argument("--filter", action="append", metavar="DIM=CODES",
                           help="one dimension's codes, comma-separated (repeatable)")
            q.add_argument("--recipe", required=True, metavar="NAME|R.toml",
                           help="a saved recipe's name, or a recipe file (saved under its name)")
            q.add_argument("--replace", action="store_true", help="replace a feed of the same name")
    p.set_defaults(func=cmd_feeds)
