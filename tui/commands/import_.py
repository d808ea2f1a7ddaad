"""``newsmark import SOURCE... --db FILE``: add articles, or labelled data, to a project.

Plain articles (.txt, .md, JSONL with ``text``) are imported as before: a bad file is reported and
skipped. Labelled data (native JSONL, Prodigy JSONL, doccano JSONL, brat folders) is detected from
its content, or named with ``--format``; every such source is read and checked before anything is
written, so one bad record (reported with its file and line) leaves the project unchanged.
"""

from __future__ import annotations

from ..core.formats import (IMPORT_FORMATS, ImportProblem, detect_format, import_documents, read_annotations,
                            split_research_types)
from ..core.importer import Problem, read_sources
from ..core.project_codebook import project_codebook
from ..core.store import Store
from .common import add_codebook_options, add_db_option, progress_bar, warn

NAME = "import"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="add articles (.txt, .md, .jsonl) or labelled data (jsonl, prodigy, "
                                       "doccano, brat) to a project")
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    add_db_option(parser, required=True)
    parser.add_argument("--format", dest="fmt", default="auto", choices=("auto", "text") + IMPORT_FORMATS,
                        help="what the sources hold (default: auto-detect; 'text' means plain articles)")
    parser.add_argument("--annotator", default="", help="annotator name for imported annotations that have none")
    add_codebook_options(parser)
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


def split_sources(sources: list[str], fmt: str) -> tuple[list[str], list[str]]:
    """(plain article sources, labelled-data sources) for the given --format."""
    if fmt == "text":
        return list(sources), []
    if fmt != "auto":
        return [], list(sources)
    labelled = [s for s in sources if detect_format(s) is not None]
    return [s for s in sources if s not in labelled], labelled


def run(args) -> int:

    plain, labelled = split_sources(args.sources, args.fmt)
    try:
        docs = read_annotations(labelled, args.fmt) if labelled else []
    except ImportProblem as exc:
        warn(f"newsmark: {exc}; nothing was imported")
        return 1
    for doc in docs:
        for rec in (*doc.entities, *doc.events):
            rec.annotator = rec.annotator or args.annotator
    with Store(args.db) as store:
        split_research_types(docs, project_codebook(store, args.codebook, args.codebook_change))
        added, duplicates, problems = import_sources(store, plain) if plain else (0, 0, [])
        if plain:
            print(f"imported {added} article(s), {duplicates} already stored, {len(problems)} skipped, "
                  f"into {args.db}")
        if docs:
            with progress_bar("import", len(docs)) as progress:
                summary = import_documents(store, docs, args.annotator, progress)
            print(f"{summary}, into {args.db}")
            not_kept: dict[str, int] = {}
            for doc in docs:
                for what, n in doc.not_kept.items():
                    not_kept[what] = not_kept.get(what, 0) + n
            if not_kept:
                warn("newsmark: not kept (newsmark has no place for them): "
                     + ", ".join(f"{n} {what}" for what, n in sorted(not_kept.items())))
    return 1 if problems else 0
