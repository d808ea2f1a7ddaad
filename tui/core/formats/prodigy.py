"""Prodigy JSONL: one ``ner_manual`` task per article; spans, relations and answers as Prodigy keeps them.

Export: character offsets from the store; ``token_start``/``token_end`` are inclusive indices into
``tokens``, from a Doc cut at every span edge (see ``tokenize``) so they always match. A rejected
entity is a span with ``"answer": "reject"`` (rejected ones go out by default, as Prodigy keeps
them); relations between entities are Prodigy relations, and events are relations from the trigger
to each argument (marked with ``event_id``). What a Prodigy import kept of a task (``answer``,
``meta``, hashes, ``_view_id``, session and annotator ids, choice ``options``/``accept``...) goes
back out as it came; hashes missing there are computed as Prodigy computes them (``prodigy_hash``).
Overlapping spans are written (Prodigy's span views take them) with a warning, as the other
single-layer exports give.

Import: every task, whatever its answer: a task answered ``reject`` keeps its spans as rejected
entities, ``ignore`` as suggested ones, and a span's own ``answer`` wins over the task's. Relations
become relations between entities (ours, with ``event_id``, become events again), an entity-linking
choice (``accept`` ids among ``options``, or a span's ``kb_id``) a normalisation on the entity. A task
whose text is empty or only whitespace is left out with one line. Tasks about the same text are one
article; the task-level keys of the first are the ones kept.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from ..model import Entity, Relation, article_id_for
from .base import Document, ExportOptions, ExportSummary, atomic_output
from .conll import _non_overlapping
from .ingest import Checker, ImportDoc, ImportProblem, event_from_spans, json_lines
from .prodigy_hash import set_hashes
from .tokenize import TokenRanges, document_doc

ANSWER_STATUS = {"accept": "accepted", "reject": "rejected", "ignore": "suggested"}
STATUS_ANSWER = {v: k for k, v in ANSWER_STATUS.items()}
DERIVED = ("text", "tokens", "spans", "relations")  # rebuilt from the store on export, never kept


def _span(index: TokenRanges, text: str, start: int, end: int, label: str) -> dict:
    first_last = index.range(start, end)
    out = {"start": start, "end": end, "label": label, "text": text[start:end]}
    if first_last is not None:
        out["token_start"], out["token_end"] = first_last
    return out


def _relation(head: dict, child: dict, label: str, **extra) -> dict:
    return {"head": head.get("token_end"), "child": child.get("token_end"), "head_span": head,
            "child_span": child, "label": label, **extra}


def task_for(doc: Document) -> dict:
    from spacy.attrs import IDX, LENGTH, SPACY

    art = doc.article
    kept = dict(art.meta.get("prodigy") or {})
    answer = kept.get("answer", "accept")
    sdoc = document_doc(doc)
    text = art.text
    tokens = [{"text": text[start:start + length], "start": start, "end": start + length, "id": i, "ws": bool(ws)}
              for i, (start, length, ws) in enumerate(sdoc.to_array([IDX, LENGTH, SPACY]).reshape((-1, 3)).tolist())]
    index = TokenRanges(sdoc)
    spans, span_of = [], {}
    for ent in doc.entities:
        span = _span(index, art.text, ent.start, ent.end, ent.label)
        if ent.status != ANSWER_STATUS.get(answer, "accepted"):
            span["answer"] = STATUS_ANSWER[ent.status]
        if ent.norms:
            norm = ent.norms[0]
            span["kb_id"] = norm.get("id", "") if norm.get("db") in ("KB", "") else f"{norm['db']}:{norm.get('id')}"
        spans.append(span)
        span_of[ent.id] = span
    labels = {(e.start, e.end): e.label for e in doc.entities}
    relations = [_relation(span_of[r.head], span_of[r.child], r.type) for r in doc.relations if not r.equivalence]
    for ev in doc.events:
        if ev.trigger_start is None:
            continue
        head = _span(index, art.text, ev.trigger_start, ev.trigger_end, ev.type)
        for arg in ev.arguments:
            if arg.has_span:
                child = _span(index, art.text, arg.start, arg.end, labels.get((arg.start, arg.end), arg.role))
                relations.append(_relation(head, child, arg.role, event_id=ev.id, event_subtype=ev.subtype))
    annotators = sorted({r.annotator for r in (*doc.entities, *doc.events) if r.annotator})
    task = {
        "text": art.text,
        "meta": {"article_id": art.id, "title": art.title, "source": art.source, "url": art.url},
        "tokens": tokens,
        "spans": spans,
        "relations": relations,
        "answer": answer,
        "_view_id": "ner_manual",
        "_annotator_id": ", ".join(annotators),
    }
    task.update({k: v for k, v in kept.items() if k not in DERIVED})
    return set_hashes(task)


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
            equivalences = sum(1 for r in doc.relations if r.equivalence)
            if equivalences:
                summary.warnings.append(f"{doc.article.id}: {equivalences} equivalence(s) left out (Prodigy has none)")
            overlapping = _non_overlapping(doc.entities)[1]
            if overlapping:
                summary.warnings.append(f"{doc.article.id}: {overlapping} overlapping span(s) in the Prodigy task "
                                        "(ner.manual and spaCy's doc.ents take one layer)")
    summary.files = 1


def looks_like(first: dict) -> bool:
    return "text" in first and ("_input_hash" in first or "tokens" in first or "relations" in first
                                or isinstance(first.get("spans"), list))


def read(path: Path) -> list[ImportDoc]:
    """Every task of a Prodigy file, checked; see the module docstring for what becomes what."""
    docs, skipped, first_empty = [], [], None
    for number, record in json_lines(path):
        check = Checker(path, number)
        text = check.string(record.get("text"), "'text'", empty=True)
        if not text.strip():
            skipped.append(f"{path}:{number}: the task's text is empty or only whitespace; not kept")
            first_empty = first_empty or number
            continue
        check.text(text, "'text'")  # no longer than an article may be
        docs.append(_task(check, record, text))
    if docs:
        docs[0].skipped = skipped
    elif skipped:  # nothing to keep at all: the file is refused, naming its first empty task
        raise ImportProblem(path, first_empty, "'text' must be a non-empty string, and no task of the file has any")
    else:
        raise ImportProblem(path, None, "holds no tasks")
    return docs


def _task(check: Checker, record: dict, text: str) -> ImportDoc:
    from ..importer import article_from_text

    answer = check.choice(record.get("answer", "accept"), tuple(ANSWER_STATUS), "answer")
    annotator = str(record.get("_annotator_id") or "")
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    article = article_from_text(text, source=str(meta.get("source") or f"{check.path}:{check.line}"),
                                title=str(meta.get("title") or ""), parse_header=False)
    article.url = str(meta.get("url") or "")
    article.id = article_id_for(text)
    article.meta["prodigy"] = {k: v for k, v in record.items() if k not in DERIVED}
    spans, relations = record.get("spans") or [], record.get("relations") or []
    if not isinstance(spans, list) or not isinstance(relations, list):
        check.fail("'spans' and 'relations' must be lists")
    entities: dict[tuple, Entity] = {}

    def entity(span, what: str, add: bool = True) -> Entity:
        if not isinstance(span, dict):
            check.fail(f"each {what} must be an object")
        start, end = check.span(text, span.get("start"), span.get("end"), what)
        label = check.string(span.get("label"), f"{what} label")
        key = (start, end, label)
        if key not in entities and add:
            status = ANSWER_STATUS[check.choice(span.get("answer", answer), tuple(ANSWER_STATUS), "span answer")]
            entities[key] = Entity(start, end, label, status=status, annotator=annotator)
            if span.get("kb_id"):
                entities[key].norms.append(_norm(str(span["kb_id"]), ""))
        return entities.get(key) or Entity(start, end, label)

    for span in spans:
        entity(span, "span")
    _linking(record, entities)
    groups: dict[tuple, list] = defaultdict(list)
    out_relations = []
    for rel in relations:
        if not isinstance(rel, dict) or not isinstance(rel.get("head_span"), dict) \
                or not isinstance(rel.get("child_span"), dict):
            check.fail("each relation needs 'head_span' and 'child_span' objects")
        label = check.string(rel.get("label"), "relation label")
        if rel.get("event_id"):  # newsmark's own export: an event's trigger -> argument
            head, child = rel["head_span"], rel["child_span"]
            hs = check.span(text, head.get("start"), head.get("end"), "relation head")
            cs = check.span(text, child.get("start"), child.get("end"), "relation child")
            key = (*hs, check.string(head.get("label"), "head label"), str(rel["event_id"]),
                   str(rel.get("event_subtype") or ""))
            groups[key].append((label, *cs))
            continue
        head, child = entity(rel["head_span"], "relation head"), entity(rel["child_span"], "relation child")
        out_relations.append(Relation(label, head.id, child.id, annotator=annotator, status=head.status))
    events = [event_from_spans(label, (s, e), args, annotator, subtype)
              for (s, e, label, _, subtype), args in groups.items()]
    return ImportDoc(article, list(entities.values()), events, relations=out_relations,
                     kinds={"tasks": 1, answer: 1})


def _norm(ident: str, text: str) -> dict:
    db, sep, ref = ident.partition(":")
    return {"type": "Reference", "db": db if sep else "KB", "id": ref if sep else ident, "text": text}


def _linking(record: dict, entities: dict) -> None:
    """An entity-linking task (one span, ``options`` with ids, ``accept`` the chosen ids)."""
    chosen, options = record.get("accept"), record.get("options")
    if len(entities) != 1 or not isinstance(chosen, list) or not isinstance(options, list):
        return
    (ent,) = entities.values()
    names = {str(o.get("id")): str(o.get("text") or "") for o in options if isinstance(o, dict)}
    for ident in map(str, chosen):
        if ident in names and ident not in ("NIL", "NONE") and not any(n["id"] == ident for n in ent.norms):
            ent.norms.append(_norm(ident, names[ident]))
