"""``newsmark agree --db A --db B [...]``: how far coders agree on entities and events."""

from __future__ import annotations

import json

from ..core.agreement import Agreement, agreement
from ..core.model import ARTICLE_STATUSES
from ..core.team import CODED_STATUSES, Team
from .common import progress_bar

NAME = "agree"
TITLE_WIDTH = 30


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="agreement between coders' databases on entities and events")
    parser.add_argument("--db", action="append", required=True, dest="dbs", metavar="FILE",
                        help="one coder's database (give two or more)")
    parser.add_argument("--article-status", action="append", choices=ARTICLE_STATUSES, default=None,
                        help="compare the shared articles with this status in every database (repeatable; "
                             "default: in progress and done, i.e. opened by every coder)")
    parser.add_argument("--all", action="store_true", help="compare every shared article, whatever its status")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.set_defaults(run=run)


def run(args) -> int:
    statuses = None if args.all else frozenset(args.article_status or CODED_STATUSES)
    with Team(args.dbs, statuses) as team:
        ids = team.check_shared()
        with progress_bar("agree", len(ids)) as progress:
            result = agreement(team, ids, progress)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        from rich.console import Console

        render(result, Console())
    return 0


def show(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def render(result: Agreement, console) -> None:
    from rich.table import Table

    overall = result.overall()
    table = Table(title=f"Agreement of {', '.join(result.coders)} on {len(result.articles)} article(s) "
                        f"({result.shared} shared)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    names = {
        "entities.f1": "entity span F1, exact", "entities.f1_overlap": "entity span F1, overlapping",
        "events.trigger_f1": "event trigger F1 (overlapping)", "events.trigger_f1_exact": "event trigger F1, exact",
        "events.type_agreement": "same type, matched events", "events.subtype_agreement":
        "same type and sub-type, matched events", "events.argument_f1": "argument role F1, matched events",
        "events.type_alpha": "Krippendorff's alpha, event type", "events.fatalities_alpha":
        "Krippendorff's alpha, fatalities",
    }
    for key, name in names.items():
        table.add_row(f"{name}  [dim]{key}[/dim]", show(overall[key]))
    console.print(table)

    labels = Table(title="Entities by label")
    for column in ("label", "F1 exact", "F1 overlapping"):
        labels.add_column(column, justify="left" if column == "label" else "right")
    for label, figures in result.by_label().items():
        labels.add_row(label, show(figures["f1"]), show(figures["f1_overlap"]))
    console.print(labels)

    if len(result.pairs) > 1:
        pairs = Table(title="Pairs of coders")
        pairs.add_column("pair")
        for column in ("ent F1", "overlap", "trigger", "type", "arg F1"):
            pairs.add_column(column, justify="right", no_wrap=True, min_width=5)
        for (a, b), counts in result.pairs.items():
            f = counts.figures()
            pairs.add_row(f"{a} / {b}", *(show(f[k]) for k in ("entities.f1", "entities.f1_overlap",
                          "events.trigger_f1", "events.type_agreement", "events.argument_f1")))
        console.print(pairs)

    articles = Table(title="Per article")
    articles.add_column("article", no_wrap=True, max_width=TITLE_WIDTH)
    for column in ("ent F1", "overlap", "trigger", "type", "arg F1"):
        articles.add_column(column, justify="right", no_wrap=True, min_width=5)
    for article in result.articles:
        f = article.figures
        articles.add_row(article.title[:TITLE_WIDTH] or article.id, *(show(f[k]) for k in (
            "entities.f1", "entities.f1_overlap", "events.trigger_f1", "events.type_agreement",
            "events.argument_f1")))
    console.print(articles)
