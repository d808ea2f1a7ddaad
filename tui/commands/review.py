"""``newsmark review --db A --db B [--out GOLD]``: adjudicate the coders' differences into a gold layer."""

from __future__ import annotations

from pathlib import Path

from ..core.codebook import load_codebook
from ..core.model import ARTICLE_STATUSES
from ..core.store import Store
from ..core.team import CODED_STATUSES, Team, TeamError

NAME = "review"
GOLD_NAME = "gold.json"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="compare coders side by side and take one version of each difference "
                                       "into a gold layer")
    parser.add_argument("--db", action="append", required=True, dest="dbs", metavar="FILE",
                        help="one coder's database (give two or more)")
    parser.add_argument("--out", default=None, metavar="GOLD",
                        help=f"the gold database, made if need be (default: {GOLD_NAME} beside the first --db)")
    parser.add_argument("--annotator", default="gold", help="the name on the gold records (default: gold)")
    parser.add_argument("--article-status", action="append", choices=ARTICLE_STATUSES, default=None,
                        help="review the shared articles with this status in every database (repeatable; "
                             "default: in progress and done)")
    parser.add_argument("--all", action="store_true", help="review every shared article, whatever its status")
    parser.add_argument("--codebook", default=None, help="a codebook TOML file (default: the built-in acled)")
    parser.set_defaults(run=run)


def gold_path(args) -> Path:
    out = Path(args.out) if args.out else Path(args.dbs[0]).parent / GOLD_NAME
    if out.resolve() in {Path(db).resolve() for db in args.dbs}:
        raise TeamError(f"{out}: is one of the coders' databases; give the gold layer its own --out")
    return out


def run(args) -> int:
    from ..core.adjudicate import Review

    codebook = load_codebook(args.codebook)
    statuses = None if args.all else frozenset(args.article_status or CODED_STATUSES)
    out = gold_path(args)
    with Team(args.dbs, statuses) as team:
        team.check_shared()
        with Store(out) as gold:
            from ..app.review import ReviewApp  # Textual only loads when the screen really opens

            review = Review(team, gold, args.annotator)
            app = ReviewApp(review, codebook)
            app.run()
            review.close_article()
    print(f"the gold layer is in {out} (annotator {args.annotator})")
    return 2 if app.return_code else 0
