"""``newsmark stats --db FILE``: tables of articles by status, entities by label, events by type, warnings."""

from __future__ import annotations

from ..core.project_codebook import project_codebook
from ..core.formats.stats import ProjectStats, project_stats
from ..core.model import ARTICLE_STATUSES, SPAN_STATUSES
from ..core.store import Store
from .common import add_db_option

NAME = "stats"
MAX_WARNINGS = 50


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="print counts of articles, entities and events, and warnings")
    add_db_option(parser, required=True)
    parser.add_argument("--codebook", default=None, help="the codebook to check against (default: acled)")
    parser.set_defaults(run=run)


def render(stats: ProjectStats, console) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Articles by status")
    table.add_column("status")
    table.add_column("articles", justify="right")
    for status in ARTICLE_STATUSES:
        table.add_row(status, str(stats.articles.get(status, 0)))
    table.add_row("total", str(sum(stats.articles.values())), style="bold")
    table.add_row("entities reviewed", str(stats.reviewed))
    console.print(table)
    for title, rows, first in (("Entities by label", stats.entities, "label"),
                               ("Events by type", stats.events, "type")):
        table = Table(title=title)
        table.add_column(first)
        for status in SPAN_STATUSES:
            table.add_column(status, justify="right")
        for name in sorted(rows):  # a label or type from imported data is shown literally, never as markup
            table.add_row(Text(name), *(str(rows[name].get(s, 0)) for s in SPAN_STATUSES))
        table.add_row("total", *(str(sum(c.get(s, 0) for c in rows.values())) for s in SPAN_STATUSES),
                      style="bold")
        console.print(table)
    console.print(f"[bold]{len(stats.warnings)} warning(s)[/bold]")
    for line in stats.warnings[:MAX_WARNINGS]:
        console.print(f"  {line}", markup=False, highlight=False)
    if len(stats.warnings) > MAX_WARNINGS:
        console.print(f"  ... and {len(stats.warnings) - MAX_WARNINGS} more")


def run(args) -> int:
    from rich.console import Console

    from .export import progress_bar

    with Store(args.db, read_only=True) as store:
        codebook = project_codebook(store, args.codebook, remember=False)
        with progress_bar("stats", len(store.rows())) as progress:
            stats = project_stats(store, codebook, progress)
    render(stats, Console())
    return 0
