"""``newsmark export --db FILE --format F --out PATH``: write labelled data, with a progress bar."""

from __future__ import annotations

from ..core.project_codebook import project_codebook
from ..core.formats import FORMAT_NAMES, ExportError, ExportOptions, export_project
from ..core.formats.base import count_articles
from ..core.model import ARTICLE_STATUSES, SPAN_STATUSES
from ..core.store import Store
from .common import add_codebook_options, add_db_option, progress_bar, warn

NAME = "export"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="write annotations as jsonl, prodigy, spacy, brat, conll, acled, dygiepp or oneie")
    add_db_option(parser, required=True)
    parser.add_argument("--format", required=True, choices=FORMAT_NAMES, dest="fmt")
    parser.add_argument("--out", required=True, help="the file (or folder, for brat) to write")
    parser.add_argument("--include-suggestions", action="store_true",
                        help="also export suggested (not yet accepted) annotations")
    parser.add_argument("--include-unreviewed", action="store_true",
                        help="prodigy, spacy, brat, conll, dygiepp, oneie: also articles whose entity suggestions nobody "
                             "reviewed (by default only reviewed articles go out)")
    parser.add_argument("--status", action="append", choices=SPAN_STATUSES, default=None,
                        help="export annotations with this status (repeatable); overrides the default")
    parser.add_argument("--annotator", default=None, help="only annotations made by this annotator")
    parser.add_argument("--article-status", action="append", choices=ARTICLE_STATUSES, default=None,
                        help="only articles with this status (repeatable)")
    add_codebook_options(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    options = ExportOptions(
        statuses=frozenset(args.status) if args.status else None,
        include_suggestions=args.include_suggestions,
        include_unreviewed=args.include_unreviewed,
        annotator=args.annotator,
        article_statuses=frozenset(args.article_status) if args.article_status else None,
    )
    with Store(args.db, read_only=True) as store:
        options.codebook = project_codebook(store, args.codebook, args.codebook_change)
        try:
            with progress_bar(f"export {args.fmt}", count_articles(store, options)) as progress:
                summary = export_project(store, args.fmt, args.out, options, progress)
        except ExportError as exc:
            warn(f"newsmark: {exc}")
            return 1
    for line in summary.warnings:
        warn(f"newsmark: warning: {line}")
    print(summary)
    return 0
