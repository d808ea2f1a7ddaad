"""``newsmark [open] [SOURCE ...]``: import any sources given, then open the app on the project."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import threading
import getpass

from ..core.codebook import load_codebook
from ..core.importer import MAX_ARTICLE_CHARS, too_long
from ..core.store import Store
from ..errorlog import internal_error
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
        if problems:  # said, and nothing imported: the app would hide the lines
            return 1
        if not store.article_ids():
            print(f"newsmark: {args.db} holds no articles; give a file or folder to import")
            return 1
        if all(too_long(row) for row in store.rows()):
            print(f"newsmark: every article in {args.db} is over the limit of {MAX_ARTICLE_CHARS:,} characters")
            return 1
        from ..app.app import NewsmarkApp  # Textual only loads when the app is really opened

        app = NewsmarkApp(store, codebook, args.annotator or default_annotator())
        app.run()
        # What is left is garbage the process is about to drop: without this, the collection Python
        # makes on exit walks every object of a long article (5 s for 999,000 characters).
        gc.freeze()
    code = 0
    if app.return_code:  # the app stopped on an internal error (Textual showed it on the screen)
        error = getattr(app, "_exception", None)  # Textual keeps the first error it did not handle
        code = internal_error(error, sys.argv[1:]) if error else 2
    if any(t.name == "newsmark-analyse" and t.is_alive() for t in threading.enumerate()):
        # The model is still reading an article nobody waits for (everything is saved and the lock
        # released): leave now. Finalising the interpreter under it makes its maths library abort.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
