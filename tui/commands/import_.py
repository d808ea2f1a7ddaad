"""``newsmark import SOURCE... --db FILE``: add articles to a project."""

from __future__ import annotations

from ..core.importer import Problem, read_sources
from ..core.store import Store
from .common import add_db_option, warn

NAME = "import"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="add .txt, .md and .jsonl articles (or folders of them) to a project")
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    add_db_option(parser, required=True)
    parser.set_defaults(run=run)


def import_sources(store: Store, sources: list[str]) -> tuple[int, int, list[Problem]]:
    """Store every readable article once; return (added, already stored, problems)."""
    added = duplicates = 0
    problems: list[Problem] = []
    with store.batch():
        for item in read_sources(sources):
            if isinstance(item, Problem):
                warn(f"newsmark: {item}")
                problems.append(item)
            elif store.add_article(item):
                added += 1
            else:
                duplicates += 1
    return added, duplicates, problems


def run(args) -> int:
    with Store(args.db) as store:
        added, duplicates, problems = import_sources(store, args.sources)
    print(f"imported {added} article(s), {duplicates} already stored, {len(problems)} skipped, into {args.db}")
    return 1 if problems else 0
