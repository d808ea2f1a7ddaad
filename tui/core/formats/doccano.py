"""doccano JSONL: sequence labelling (``"label": [[start, end, label], ...]``) and the relation form.

The relation form (``entities`` with ``id/start_offset/end_offset/label`` and ``relations`` with
``from_id/to_id/type``) becomes events: each ``from`` entity is a trigger whose type is its label,
each relation an argument whose role is the relation type. Import only; doccano reads our Prodigy
or native JSONL poorly, so there is no doccano export.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..importer import article_from_text
from ..model import Entity, article_id_for
from .ingest import Checker, ImportDoc, ImportProblem, event_from_spans, json_lines


def looks_like(first: dict) -> bool:
    return "text" in first and (isinstance(first.get("label"), list) or isinstance(first.get("labels"), list)
                                or ("entities" in first and "relations" in first))


def read(path: Path) -> list[ImportDoc]:
    docs = []
    for number, record in json_lines(path):
        check = Checker(path, number)
        text = check.text(record.get("text"), "'text'")
        article = article_from_text(text, source=f"{path}:{number}", parse_header=False)
        article.id = article_id_for(text)
        entities, events = [], []
        labels = record.get("label", record.get("labels", []))
        if not isinstance(labels, list):
            check.fail("'label' must be a list of [start, end, label]")
        for item in labels:
            if not isinstance(item, list) or len(item) != 3:
                check.fail(f"label {item!r} is not [start, end, label]")
            start, end = check.span(text, item[0], item[1], "label")
            entities.append(Entity(start, end, check.string(item[2], "label name")))
        if "entities" in record:
            by_id = {}
            triggers = set()
            rels = record.get("relations", [])
            if not isinstance(record["entities"], list) or not isinstance(rels, list):
                check.fail("'entities' and 'relations' must be lists")
            for rel in rels:
                if not isinstance(rel, dict):
                    check.fail("each relation must be an object")
                triggers.add(rel.get("from_id"))
            for ent in record["entities"]:
                if not isinstance(ent, dict):
                    check.fail("each entity must be an object")
                start, end = check.span(text, ent.get("start_offset"), ent.get("end_offset"), "entity")
                label = check.string(ent.get("label"), "entity label")
                by_id[ent.get("id")] = (start, end, label)
                if ent.get("id") not in triggers:
                    entities.append(Entity(start, end, label))
            groups: dict = defaultdict(list)
            for rel in rels:
                for key in ("from_id", "to_id"):
                    if rel.get(key) not in by_id:
                        check.fail(f"relation {key} {rel.get(key)!r} names no entity")
                child = by_id[rel["to_id"]]
                groups[rel["from_id"]].append((check.string(rel.get("type"), "relation type"), child[0], child[1]))
            for from_id, args in groups.items():
                start, end, label = by_id[from_id]
                events.append(event_from_spans(label, (start, end), args))
        docs.append(ImportDoc(article, entities, events))
    if not docs:
        raise ImportProblem(path, None, "holds no records")
    return docs
