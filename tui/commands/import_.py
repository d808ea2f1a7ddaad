"""``newsmark import SOURCE... --db FILE``: add articles, or labelled data, to a project.

Plain articles (.txt, .md, JSONL with ``text``) and labelled data (native JSONL, Prodigy JSONL,
doccano JSONL, brat folders, detected from their content or named with ``--format``) are all read
and checked before anything is written. Every bad input is one line naming its file (and line), and
then nothing is imported: the command exits 1 and the project is as it was. What passes is written
all at once (see ``tui.core.staging``), so a full disk or an interrupt part way changes nothing either.
"""

from __future__ import annotations

from ..core.formats import (IMPORT_FORMATS, ImportDoc, ImportProblem, detect_format, import_documents, read_annotations,
                            split_research_types)
from ..core.formats.ingest import ImportSummary, add_new_documents, annotate_known_documents
from ..core.importer import Problem, read_file, source_files
from ..core.project_codebook import check_requested, checked_codebook, misfit_line, remember_codebook
from ..core.storage import SaveError
from ..core.store import Store
from .common import USER_OS_ERRORS, add_codebook_options, add_db_option, phase, progress_bar, warn

NAME = "import"


def add_parser(sub) -> None:
    parser = sub.add_parser(NAME, help="add articles (.txt, .md, .jsonl) or labelled data (jsonl, prodigy, "
                                       "doccano, brat, dygiepp, oneie) to a project")
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    add_db_option(parser, required=True)
    parser.add_argument("--format", dest="fmt", default="auto", choices=("auto", "text") + IMPORT_FORMATS,
                        help="what the sources hold (default: auto-detect; 'text' means plain articles)")
    parser.add_argument("--annotator", default="", help="annotator name for imported annotations that have none")
    add_codebook_options(parser)
    parser.set_defaults(run=run)


def read_plain(sources: list[str]) -> tuple[list[ImportDoc], list[Problem]]:
    """Every article of the plain sources, and every problem found in them."""
    files = list(source_files(sources))
    docs: list[ImportDoc] = []
    problems: list[Problem] = []
    with progress_bar("read", len(files)) as progress:
        for done, path in enumerate(files, start=1):
            for item in read_file(path):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    docs.append(ImportDoc(item, reviewed=False))  # plain text: nobody has reviewed it
            progress(done)
    return docs, problems


def write_documents(store: Store, docs: list[ImportDoc], annotator: str = ""):
    with progress_bar("import", len(docs)) as progress:
        return import_documents(store, docs, annotator, progress)


def import_sources(store: Store, sources: list[str]) -> tuple[int, int, list[Problem]]:
    """Store every article of plain sources once, or nothing if any is bad: (added, already stored,
    problems)."""
    docs, problems = read_plain(sources)
    if problems:
        refuse(problems)
        return 0, 0, problems
    summary = write_documents(store, docs)
    return summary.articles_added, summary.articles_existing, []


def refuse(problems: list[Problem]) -> None:
    """One line per problem; the last says that nothing was imported."""
    if len(problems) == 1:
        warn(f"newsmark: {problems[0]}; nothing was imported")
        return
    for problem in problems:
        warn(f"newsmark: {problem}")
    warn(f"newsmark: {len(problems)} problems; nothing was imported")


def say_not_kept(docs: list[ImportDoc]) -> None:
    """One line counting what the formats hold and newsmark has no place for (relations, clusters)."""
    not_kept: dict[str, int] = {}
    for doc in docs:
        for what, n in doc.not_kept.items():
            not_kept[what] = not_kept.get(what, 0) + n
    if not_kept:
        warn("newsmark: not kept (newsmark has no place for them): "
             + ", ".join(f"{n} {what}" for what, n in sorted(not_kept.items())))


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
        docs = []
        if labelled:
            with phase(f"import: reading {len(labelled)} labelled source(s)"):
                docs = read_annotations(labelled, args.fmt)
    except ImportProblem as exc:
        warn(f"newsmark: {exc}; nothing was imported")
        return 1
    for doc in docs:
        for rec in (*doc.entities, *doc.events, *doc.relations):
            rec.annotator = rec.annotator or args.annotator
    articles, problems = read_plain(plain) if plain else ([], [])
    if problems:
        refuse(problems)
        return 1
    check_requested(args.codebook)  # a codebook that does not load leaves no new project behind
    summary = ImportSummary()
    misfit = None
    with Store(args.db) as store, progress_bar("import", len(articles) + len(docs)) as progress:
        codebook, record = checked_codebook(store, args.codebook, args.codebook_change)
        split_research_types(docs, codebook)
        misfit = misfit_line(docs, codebook)
        try:
            known = add_new_documents(store, articles + docs, args.annotator, summary, progress)
        except OSError as exc:
            if exc.errno not in USER_OS_ERRORS:
                raise
            warn(f"newsmark: cannot import into {args.db}: {USER_OS_ERRORS[exc.errno]}; nothing was imported")
            return 1
        except KeyboardInterrupt:
            warn("newsmark: interrupted; nothing was imported")
            return 1
        except SaveError as exc:
            warn(f"newsmark: {exc}; nothing was imported")
            return 1
        annotate_known_documents(store, known, args.annotator, summary, progress)
        if record is not None:  # remembered once the import is in: a refused one changes nothing
            remember_codebook(store, record)
    for line in summary.skipped:  # well-formed lines newsmark cannot hold: one line each
        warn(f"newsmark: {line}")
    if docs:
        print(f"{summary}, into {args.db}")
        say_not_kept(docs)
        if misfit:
            warn(f"newsmark: {misfit}")
    else:
        print(f"imported {summary.articles_added} article(s), {summary.articles_existing} already stored, "
              f"into {args.db}")
    return 0
