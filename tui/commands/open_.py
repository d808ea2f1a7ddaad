"""``newsmark [open] [SOURCE ...]``: import any sources given, then open the app on the project."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import threading
import getpass

from ..core.importer import MAX_ARTICLE_CHARS, too_long
from ..core.project_codebook import check_requested, checked_codebook, remember_codebook
from ..core.store import Store
from ..errorlog import internal_error
from .common import add_codebook_options, add_db_option, progress_bar, warn
from .import_ import import_sources

NAME = "open"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="open the app (the default command)")
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="files or folders to import first")
    add_db_option(parser)
    add_codebook_options(parser)
    parser.add_argument("--model", default=None, metavar="DIR",
                        help="suggest with a pipeline trained by `newsmark train` (default: the pinned model)")
    parser.add_argument("--order", default="import", choices=("import", "uncertain"),
                        help="article list order: as imported, or the unreviewed articles the model is "
                             "least sure of first (key s in the list switches)")
    parser.add_argument("--annotator", default=None, help="your name, stored on every annotation (default: $USER)")
    parser.set_defaults(run=run)


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"


def run(args: argparse.Namespace) -> int:
    check_requested(args.codebook)  # a codebook that does not load leaves no new project behind
    with Store(args.db) as store:
        codebook, record = checked_codebook(store, args.codebook, args.codebook_change)
        _, _, problems = import_sources(store, args.sources) if args.sources else (0, 0, [])
        if problems:  # said, and nothing imported: the app would hide the lines
            return 1
        if record is not None:  # remembered once the sources are in
            remember_codebook(store, record)
        if not store.article_ids():
            print(f"newsmark: {args.db} holds no articles; give a file or folder to import")
            return 1
        if all(too_long(row) for row in store.rows()):
            print(f"newsmark: every article in {args.db} is over the limit of {MAX_ARTICLE_CHARS:,} characters")
            return 1
        if args.model:
            from ..core.learn.model_suggest import check_model

            problem = check_model(args.model, codebook)
            if problem:
                warn(f"newsmark: {problem}")
                return 1
        if args.model and args.order == "uncertain":
            problem = score_unscored(store, args.model)
            if problem:
                warn(f"newsmark: {problem}")
                return 1
        from ..app.app import NewsmarkApp  # Textual only loads when the app is really opened

        app = NewsmarkApp(store, codebook, args.annotator or default_annotator(), model=args.model,
                          order=args.order)
        app.run()
        # What is left is garbage the process is about to drop: without this, the collection Python
        # makes on exit walks every object of a long article (5 s for 999,000 characters).
        gc.freeze()
    code = 0
    if app.return_code and app.refused:  # a --model that does not load: one line, nothing analysed
        warn(f"newsmark: {app.refused}")
        code = 1
    elif app.return_code:  # the app stopped on an internal error (Textual showed it on the screen)
        error = getattr(app, "_exception", None)  # Textual keeps the first error it did not handle
        code = internal_error(error, sys.argv[1:]) if error else 2
    if any(t.name == "newsmark-analyse" and t.is_alive() for t in threading.enumerate()):
        # The model is still reading an article nobody waits for (everything is saved and the lock
        # released): leave now. Finalising the interpreter under it makes its maths library abort.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def score_unscored(store: Store, model: str) -> str | None:
    """Score the unreviewed articles that have no uncertainty yet with ``model`` (a progress bar);
    why the model cannot be used, when it cannot."""
    from ..core.learn.analyse import score_articles, unscored
    from ..core.learn.model_suggest import DOES_NOT_LOAD, has_trigger_model
    from ..core.nlp import load_pipeline

    todo = unscored(store)
    if todo:
        pipeline = load_pipeline(model)
        if pipeline.fallback:
            return DOES_NOT_LOAD.format(model)
        if not has_trigger_model(pipeline.nlp):
            warn(f"newsmark: {model} has no trigger component: no uncertainty to order the articles by")
            return None
        with progress_bar("scoring", len(todo)) as progress:
            score_articles(store, todo, pipeline.nlp, progress)
    return None
