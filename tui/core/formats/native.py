"""The native JSONL format: a lossless copy of the project, one article per line.

Line 1 is a header naming the format, its version and the codebook; each further line holds one
article record with its entities and events exactly as the store keeps them (ids, origin, status,
annotator, times). Keys are sorted and records ordered by text position, so exporting, importing
into an empty project and exporting again gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..model import article_id_for
from .base import Document, ExportOptions, ExportSummary, atomic_output
from .ingest import Checker, ImportDoc, ImportProblem, json_lines

FORMAT = "newsmark"
VERSION = 1


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    codebook = options.get_codebook()
    with atomic_output(out) as handle:
        handle.write(_dumps({"format": FORMAT, "version": VERSION,
                             "codebook": {"name": codebook.name, "version": codebook.version}}) + "\n")
        for doc in docs:
            record = {
                "analysed": doc.analysed,
                "article": doc.article.to_dict(),
                "entities": [e.to_dict() for e in doc.entities],
                "events": [e.to_dict() for e in doc.events],
                "reviewed": doc.reviewed,
            }
            handle.write(_dumps(record) + "\n")
            summary.articles += 1
            summary.entities += len(doc.entities)
            summary.events += len(doc.events)
    summary.files = 1


def is_native(first: dict) -> bool:
    return first.get("format") == FORMAT or "article" in first


def read(path: Path) -> list[ImportDoc]:
    """Every article record of a native file, checked; ImportProblem at the first bad one."""
    docs = []
    for number, record in json_lines(path):
        check = Checker(path, number)
        if record.get("format") == FORMAT:
            version = record.get("version", 0)
            if not isinstance(version, int) or isinstance(version, bool):
                check.fail(f"format version {version!r:.40} is not a whole number")
            if version > VERSION:
                check.fail(f"format version {version} is newer than this newsmark reads")
            continue
        data = record.get("article")
        if not isinstance(data, dict):
            check.fail("no 'article' object (is this a newsmark JSONL export?)")
        text = check.text(data.get("text"))
        if data.get("id") != article_id_for(text):
            check.fail(f"article id {data.get('id')!r:.60} does not match its text (was the text edited?)")
        article = check.article(data, text)
        status = check.article_status(data.get("status", "todo"))
        entities = record.get("entities", [])
        events = record.get("events", [])
        if not isinstance(entities, list) or not isinstance(events, list):
            check.fail("'entities' and 'events' must be lists")
        analysed = record.get("analysed", "")
        if not isinstance(analysed, str):
            check.fail("'analysed' must be a string")
        reviewed = record.get("reviewed", False)
        if not isinstance(reviewed, bool):
            check.fail("'reviewed' must be true or false")
        docs.append(ImportDoc(
            article, [check.entity(text, e) for e in entities], [check.event(text, e) for e in events], status,
            analysed, reviewed,
        ))
    if not docs:
        raise ImportProblem(path, None, "holds no article records")
    return docs
