"""``newsmark [open] [SOURCE ...]``: import any sources given, then open the app on the project."""

from __future__ import annotations

import argparse
import getpass

from ..core.codebook import load_codebook
from ..core.store import Store
from .common import add_db_option
from .import_ import import_sources

NAME = "open"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="open the app (the default command)")
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="files or folders to import first")
    add_db_option(parser)
    parser.add_argument("--codebook", default=None, help="a codebook TOML file (default: the built-in acled)")
    parser.add_argument("--annotator", default=None, help="your name, stored on every annotation (default: $USER)")
    parser.set_defaults(run=run)


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


def run(args: argparse.Namespace) -> int:
    codebook = load_codebook(args.codebook)
    with Store(args.db) as store:
        _, _, problems = import_sources(store, args.sources) if args.sources else (0, 0, [])
        if not store.article_ids():
            print(f"newsmark: {args.db} holds no articles; give a file or folder to import")
            return 1
        from ..app.app import NewsmarkApp  # Textual only loads when the app is really opened

        app = NewsmarkApp(store, codebook, args.annotator or default_annotator())
        app.run()
    if app.return_code:  # the app stopped on an internal error (Textual printed what it was)
        return 2
    return 1 if problems else 0
