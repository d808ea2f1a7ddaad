"""Labelled data out and in: one module per format, and the two entry points the CLI and app call.

``export_project(store, fmt, out, options, progress)`` streams the project into one of
``FORMAT_NAMES``; ``read_annotations(sources, fmt)`` checks whole files into ``ImportDoc`` records,
and ``import_documents(store, docs)`` writes them (nothing is written when any record is bad).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from . import acled, brat, conll, docbin, doccano, dygiepp, native, oneie, prodigy
from .ace_json import split_type
from .base import FORMAT_NAMES, ExportError, ExportOptions, ExportSummary, count_articles, iter_documents
from ..importer import Problem, decode_text, parse_json_lines
from .ingest import ImportDoc, ImportProblem, ImportSummary, import_documents

__all__ = [
    "FORMAT_NAMES", "IMPORT_FORMATS", "ExportError", "ExportOptions", "ExportSummary", "ImportDoc",
    "ImportProblem", "ImportSummary", "detect_format", "export_project", "import_documents",
    "read_annotations", "split_research_types",
]

EXPORTERS = {
    "jsonl": native.export, "prodigy": prodigy.export, "spacy": docbin.export,
    "brat": brat.export, "conll": conll.export, "acled": acled.export,
    "dygiepp": dygiepp.export, "oneie": oneie.export,
}
READERS = {"jsonl": native.read, "prodigy": prodigy.read, "doccano": doccano.read, "brat": brat.read,
           "dygiepp": dygiepp.read, "oneie": oneie.read}
IMPORT_FORMATS = tuple(READERS)


def export_project(store, fmt: str, out: str | Path, options: ExportOptions | None = None,
                   progress: Callable[[int], None] | None = None) -> ExportSummary:
    """Write the project to ``out`` in format ``fmt``; ``progress(n)`` is called after each article.

    Single-file formats are written to a temporary file and moved into place at the end, so a
    failed export never leaves a half-written file where the old one was.
    """
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMAT_NAMES)}")
    options = options or ExportOptions()
    out = Path(out)
    summary = ExportSummary(fmt, str(out))

    def documents():
        for done, doc in enumerate(iter_documents(store, fmt, options), start=1):
            if options.takes(fmt, doc):
                yield doc
            else:
                summary.unreviewed_left_out += 1
            if progress:
                progress(done)

    try:
        EXPORTERS[fmt](documents(), out, options, summary)
    except OSError as exc:
        raise ExportError(f"{exc.filename or out}: cannot write ({exc.strerror})") from None
    return summary


def total_articles(store, options: ExportOptions | None = None) -> int:
    """How many articles an export will visit (for a progress bar's total)."""
    return count_articles(store, options or ExportOptions())


def detect_format(path: str | Path) -> str | None:
    """The annotation format of a file or folder, or None when it holds plain articles.

    A folder with ``.ann`` files is brat; a JSONL file is judged by its first good record (so that
    a damaged first line cannot pass a labelled file off as plain articles): our header or
    ``article`` key means native, ``label``/``entities``/``cats`` lists mean doccano, and
    Prodigy keys (``_input_hash``, ``tokens``, ``spans``) mean Prodigy. Plain ``{"text": ...}``
    records are articles without annotations, which the article importer handles.
    """
    path = Path(path)
    if path.is_dir():
        if any(path.rglob("*.ann")):
            return "brat"
        return "jsonl" if native.shard_files(path) else None  # newsmark suggest --out-shards
    if path.suffix.lower() == ".ann":
        return "brat"
    if path.suffix.lower() not in (".jsonl", ".json"):
        return None
    first = first_good_record(path)
    if native.is_native(first):
        return "jsonl"
    if doccano.looks_like(first):
        return "doccano"
    if dygiepp.looks_like(first):
        return "dygiepp"
    if oneie.looks_like(first):  # before Prodigy: WikiEvents records also have text and tokens
        return "oneie"
    if prodigy.looks_like(first):
        return "prodigy"
    return None


def first_good_record(path: Path, lines: int = 50) -> dict:
    """The first record among the first ``lines`` lines that is a JSON object, or {}."""
    try:
        content = decode_text(path, path.read_bytes())
    except OSError:
        return {}
    if isinstance(content, Problem):
        return {}
    for number, record, problem in parse_json_lines(content):
        if number > lines:
            break
        if not problem:
            return record
    return {}


def read_annotations(sources: list[str | Path], fmt: str = "auto") -> list[ImportDoc]:
    """Read and check every source; raise ImportProblem (file and line) at the first bad record."""
    docs: list[ImportDoc] = []
    for source in sources:
        path = Path(source)
        if not path.exists():
            raise ImportProblem(path, None, "no such file or folder")
        detected = detect_format(path)
        kind = detected if fmt == "auto" else fmt
        if detected is not None and kind != detected:
            raise ImportProblem(path, None, f"holds {detected} data, not {kind}; give --format {detected} "
                                "or leave --format out")
        if kind not in READERS:
            raise ImportProblem(path, None, f"cannot tell its annotation format; give --format "
                                f"({', '.join(IMPORT_FORMATS)})")
        docs.extend(READERS[kind](path))
    return docs


def split_research_types(docs: list[ImportDoc], codebook) -> None:
    """Research type names (``Conflict.Attack.DetonateExplode``, ``Conflict:Attack``) that are no
    type of the codebook become its type and sub-type."""
    for doc in docs:
        for ev in doc.events:
            if ev.type not in codebook.event_types and not ev.subtype:
                ev.type, ev.subtype = split_type(ev.type, codebook)
