"""doccano JSONL, every shape its exports take (import only).

- sequence labelling: ``"label": [[start, end, label], ...]`` (or ``labels``);
- text classification: ``"label": ["positive", ...]`` (a list of names): the article's categories;
- relation extraction: ``entities`` of ``{id, start_offset, end_offset, label}`` and ``relations`` of
  ``{from_id, to_id, type}``: every entity is an entity, every relation a relation from ``from`` to ``to``;
- intent detection and slot filling: ``entities`` as ``[start, end, label]`` lists and ``cats``, the intents.

Categories (classes and intents) are kept in the article's ``meta["categories"]``. doccano reads our
Prodigy or native JSONL poorly, so there is no doccano export.
"""

from __future__ import annotations

from pathlib import Path

from ..importer import article_from_text
from ..model import Entity, Relation, article_id_for
from .ingest import Checker, ImportDoc, ImportProblem, json_lines


def looks_like(first: dict) -> bool:
    return "text" in first and any(isinstance(first.get(key), list) for key in ("label", "labels", "entities", "cats"))


def read(path: Path) -> list[ImportDoc]:
    docs = []
    for number, record in json_lines(path):
        check = Checker(path, number)
        text = check.text(record.get("text"), "'text'")
        article = article_from_text(text, source=f"{path}:{number}", parse_header=False)
        article.id = article_id_for(text)
        entities, relations, categories = [], [], []
        labels = record.get("label", record.get("labels", []))
        if not isinstance(labels, list):
            check.fail("'label' must be a list of [start, end, label] or of class names")
        for item in labels:
            if isinstance(item, str):
                categories.append(item)
            else:
                entities.append(_span_entity(check, text, item))
        cats = record.get("cats", [])
        if isinstance(cats, dict):  # spaCy-style {"intent": 1.0}
            cats = [name for name, score in cats.items() if score]
        if not isinstance(cats, list) or not all(isinstance(c, str) for c in cats):
            check.fail("'cats' must be a list of intent names")
        categories += cats
        by_id: dict = {}
        items = record.get("entities", [])
        rels = record.get("relations", [])
        if not isinstance(items, list) or not isinstance(rels, list):
            check.fail("'entities' and 'relations' must be lists")
        for item in items:
            if isinstance(item, list):
                entities.append(_span_entity(check, text, item))
                continue
            if not isinstance(item, dict):
                check.fail("each entity must be an object or [start, end, label]")
            start, end = check.span(text, item.get("start_offset"), item.get("end_offset"), "entity")
            ent = Entity(start, end, check.string(item.get("label"), "entity label"))
            by_id[item.get("id")] = ent
            entities.append(ent)
        for rel in rels:
            if not isinstance(rel, dict):
                check.fail("each relation must be an object")
            for key in ("from_id", "to_id"):
                if rel.get(key) not in by_id:
                    check.fail(f"relation {key} {rel.get(key)!r} names no entity")
            relations.append(Relation(check.string(rel.get("type"), "relation type"), by_id[rel["from_id"]].id,
                                      by_id[rel["to_id"]].id))
        if categories:
            article.meta["categories"] = categories
        docs.append(ImportDoc(article, entities, [], relations=relations,
                              kinds={"categories": len(categories)} if categories else {}))
    if not docs:
        raise ImportProblem(path, None, "holds no records")
    return docs


def _span_entity(check: Checker, text: str, item) -> Entity:
    if not isinstance(item, list) or len(item) != 3:
        check.fail(f"label {item!r} is not [start, end, label]")
    start, end = check.span(text, item[0], item[1], "label")
    return Entity(start, end, check.string(item[2], "label name"))
