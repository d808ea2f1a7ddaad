"""Prodigy JSONL: one ``ner_manual`` task per article, events as relations from trigger to argument.

Character offsets are copied from the store; ``token_start``/``token_end`` are inclusive indices into
``tokens``, which come from a Doc cut at every span edge (see ``tokenize``) so they always match.
Prodigy's hashes are 32-bit signed ints; it makes them with mmh3, which we do not depend on, so ours
come from BLAKE2 with the same meaning (input = the text, task = the text plus the annotations).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from ..model import Entity, article_id_for
from .base import Document, ExportOptions, ExportSummary, atomic_output
from .ingest import Checker, ImportDoc, ImportProblem, event_from_spans, json_lines
from .tokenize import document_doc, token_range


def hash32(value: str) -> int:
    """A stable signed 32-bit hash, the shape Prodigy uses for ``_input_hash``/``_task_hash``."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=4).digest(), "big", signed=True)


def _span(doc, text: str, start: int, end: int, label: str) -> dict:
    first_last = token_range(doc, start, end)
    out = {"start": start, "end": end, "label": label, "text": text[start:end]}
    if first_last is not None:
        out["token_start"], out["token_end"] = first_last
    return out


def task_for(doc: Document) -> dict:
    art = doc.article
    sdoc = document_doc(doc)
    tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
              for t in sdoc]
    spans = [_span(sdoc, art.text, e.start, e.end, e.label) for e in doc.entities]
    labels = {(e.start, e.end): e.label for e in doc.entities}
    relations = []
    for ev in doc.events:
        if ev.trigger_start is None:
            continue
        head = _span(sdoc, art.text, ev.trigger_start, ev.trigger_end, ev.type)
        for arg in ev.arguments:
            if not arg.has_span:
                continue
            child = _span(sdoc, art.text, arg.start, arg.end, labels.get((arg.start, arg.end), arg.role))
            relations.append({
                "head": head.get("token_end"), "child": child.get("token_end"),
                "head_span": head, "child_span": child, "label": arg.role,
                "event_id": ev.id, "event_subtype": ev.subtype,
            })
    annotators = sorted({r.annotator for r in (*doc.entities, *doc.events) if r.annotator})
    input_hash = hash32(art.text)
    task = {
        "text": art.text,
        "meta": {"article_id": art.id, "title": art.title, "source": art.source, "url": art.url},
        "_input_hash": input_hash,
        "tokens": tokens,
        "spans": spans,
        "relations": relations,
        "answer": "accept",
        "_view_id": "ner_manual",
        "_annotator_id": ", ".join(annotators),
    }
    task["_task_hash"] = hash32(json.dumps([input_hash, spans, relations], sort_keys=True))
    return task


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    with atomic_output(out) as handle:
        for doc in docs:
            task = task_for(doc)
            handle.write(json.dumps(task, ensure_ascii=False) + "\n")
            summary.articles += 1
            summary.entities += len(doc.entities)
            summary.events += len(doc.events)
            missing = sum(1 for s in task["spans"] if "token_start" not in s)
            if missing:
                summary.warnings.append(f"{doc.article.id}: {missing} span(s) do not align with tokens")
    summary.files = 1


def looks_like(first: dict) -> bool:
    return "text" in first and ("_input_hash" in first or "tokens" in first or "relations" in first
                                or isinstance(first.get("spans"), list))


def read(path: Path) -> list[ImportDoc]:
    """Accepted Prodigy tasks: spans become entities, relations grouped by head span become events."""
    from ..importer import article_from_text

    docs = []
    for number, record in json_lines(path):
        check = Checker(path, number)
        text = check.text(record.get("text"), "'text'")
        if record.get("answer", "accept") != "accept":
            continue
        annotator = str(record.get("_annotator_id") or "")
        meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
        article = article_from_text(text, source=f"{path}:{number}", title=str(meta.get("title") or ""),
                                    parse_header=False)
        article.id = article_id_for(text)
        spans = record.get("spans", [])
        relations = record.get("relations", [])
        if not isinstance(spans, list) or not isinstance(relations, list):
            check.fail("'spans' and 'relations' must be lists")
        entities = []
        for span in spans:
            if not isinstance(span, dict):
                check.fail("each span must be an object")
            start, end = check.span(text, span.get("start"), span.get("end"), "span")
            entities.append(Entity(start, end, check.string(span.get("label"), "span label"), annotator=annotator))
        groups: dict[tuple, list] = defaultdict(list)
        for rel in relations:
            if not isinstance(rel, dict) or not isinstance(rel.get("head_span"), dict) \
                    or not isinstance(rel.get("child_span"), dict):
                check.fail("each relation needs 'head_span' and 'child_span' objects")
            head, child = rel["head_span"], rel["child_span"]
            hs = check.span(text, head.get("start"), head.get("end"), "relation head")
            cs = check.span(text, child.get("start"), child.get("end"), "relation child")
            key = (*hs, check.string(head.get("label"), "head label"), str(rel.get("event_id") or ""),
                   str(rel.get("event_subtype") or ""))
            groups[key].append((check.string(rel.get("label"), "relation label"), *cs))
        events = [event_from_spans(label, (s, e), args, annotator, subtype)
                  for (s, e, label, _, subtype), args in groups.items()]
        docs.append(ImportDoc(article, entities, events))
    if not docs:
        raise ImportProblem(path, None, "holds no accepted tasks")
    return docs
