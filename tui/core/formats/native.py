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

from ..model import Relation, article_id_for
from .base import Document, ExportOptions, ExportSummary, atomic_output
from .ingest import Checker, ImportDoc, ImportProblem, json_lines

FORMAT = "newsmark"
VERSION = 1


def dumps(obj) -> str:
    """One line of a native file (keys sorted, no spaces); ``shards`` writes its output with it too."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def header_line(codebook) -> str:
    """The first line of a native file, naming the format and the codebook."""
    return dumps({"format": FORMAT, "version": VERSION,
                  "codebook": {"name": codebook.name, "version": codebook.version}})


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    codebook = options.get_codebook()
    with atomic_output(out) as handle:
        handle.write(header_line(codebook) + "\n")
        for doc in docs:
            record = {
                "analysed": doc.analysed,
                "article": doc.article.to_dict(),
                "entities": [e.to_dict() for e in doc.entities],
                "events": [e.to_dict() for e in doc.events],
                "reviewed": doc.reviewed,
            }
            if doc.relations:  # left out when empty, so files without relations keep their bytes
                record["relations"] = [r.to_dict() for r in doc.relations]
            handle.write(dumps(record) + "\n")
            summary.articles += 1
            summary.entities += len(doc.entities)
            summary.events += len(doc.events)
    summary.files = 1


def is_native(first: dict) -> bool:
    return first.get("format") == FORMAT or "article" in first


def shard_files(folder: Path) -> list[Path]:
    """The files of a folder of native JSONL shards (``newsmark suggest --out-shards``), sorted;
    [] when it holds none, or any other JSONL."""
    files = sorted(p for p in folder.glob("*.jsonl") if not p.name.startswith("."))
    for path in files:
        try:
            with path.open(encoding="utf-8") as handle:
                first = next((line for line in handle if line.strip()), "")
            if not is_native(json.loads(first)):
                return []
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            return []
    return files


def read(path: Path) -> list[ImportDoc]:
    """Every article record of a native file (or a folder of shards), checked; ImportProblem at the
    first bad one."""
    if path.is_dir():
        return [doc for shard in shard_files(path) for doc in read(shard)]
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
        entities = [check.entity(text, e) for e in entities]
        events = [check.event(text, e) for e in events]
        named = {a.event for ev in events for a in ev.arguments if a.event} - {ev.id for ev in events}
        if named:
            check.fail(f"an event argument names {sorted(named)[0]!r}, which is no event of the article")
        docs.append(ImportDoc(
            article, entities, events, status, analysed, reviewed,
            relations=_relations(check, record.get("relations", []), {e.id for e in entities}),
        ))
    if not docs:
        raise ImportProblem(path, None, "holds no article records")
    return docs


def _relations(check: Checker, records, entity_ids: set[str]) -> list[Relation]:
    if not isinstance(records, list):
        check.fail("'relations' must be a list")
    out = []
    for data in records:
        if not isinstance(data, dict):
            check.fail("relation must be an object")
        check.string(data.get("type"), "relation type")
        rel = Relation.from_dict(data)
        missing = [m for m in rel.members if m not in entity_ids]
        if missing:
            check.fail(f"relation {rel.id} names {missing[0]!r}, which is no entity of the article")
        out.append(rel)
    return out
