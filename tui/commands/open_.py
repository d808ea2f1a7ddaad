"""``newsmark [open] [SOURCE ...]``: import any sources given, then open the app on the project."""

from __future__ import annotations

import argparse
import getpass

from ..core.project_codebook import checked_codebook, remember_codebook
from ..core.store import Store
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
    with Store(args.db) as store:
        codebook, record = checked_codebook(store, args.codebook, args.codebook_change)
        _, _, problems = import_sources(store, args.sources) if args.sources else (0, 0, [])
        if record is not None:
            remember_codebook(store, record)
        if not store.article_ids():
            print(f"newsmark: {args.db} holds no articles; give a file or folder to import")
            return 1
        if args.model:
            from ..core.learn.model_suggest import check_model

            problem = check_model(args.model, codebook)
            if problem:
                warn(f"newsmark: {problem}")
                return 1
        if args.model and args.order == "uncertain":
            score_unscored(store, args.model)
        from ..app.app import NewsmarkApp  # Textual only loads when the app is really opened

        app = NewsmarkApp(store, codebook, args.annotator or default_annotator(), model=args.model,
                          order=args.order)
        app.run()
    if app.return_code:  # the app stopped on an internal error (Textual printed what it was)
        return 2
    return 1 if problems else 0


def score_unscored(store: Store, model: str) -> None:
    """Score the unreviewed articles that have no uncertainty yet with ``model`` (a progress bar)."""
    from ..core.learn.analyse import score_articles, unscored
    from ..core.learn.model_suggest import has_trigger_model
    from ..core.nlp import load_pipeline

    todo = unscored(store)
    if todo:
        nlp = load_pipeline(model).nlp
        if not has_trigger_model(nlp):
            warn(f"newsmark: {model} has no trigger component: no uncertainty to order the articles by")
            return
        with progress_bar("scoring", len(todo)) as progress:
            score_articles(store, todo, nlp, progress)
