"""Relations between entities and attributes on entities and events: each edit one undoable action.

Relations are typed and directed (head -> child, brat's Arg1 -> Arg2); attributes are binary
(``Negated``) or valued (``Certainty = Reported``). The choices offered are the ones coders need
for event data plus whatever the article already uses (from an import, say).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .model import MODALITIES, Entity, Event, Relation, now_iso
from .session import ArticleSession, change

RELATION_TYPES = ("Located", "Member-of", "Part-of", "Alias")
RELATION_KEYS = dict(zip(RELATION_TYPES, ("l", "m", "p", "a")))  # a picker key each, never changing
ATTRIBUTE_CHOICES: tuple[tuple[str, Any], ...] = (
    ("Negated", True), ("Hypothetical", True), ("Generic", True),
    ("Certainty", "Confirmed"), ("Certainty", "Reported"), ("Certainty", "Uncertain"),
)
ATTRIBUTE_KEYS = dict(zip(ATTRIBUTE_CHOICES, ("n", "h", "g", "cc", "cr", "cu")))
# An event says how the text presents it by its modality (Event.modality, brat's Modality attribute),
# so its picker offers the modalities where an entity's offers Negated, Hypothetical and Generic.
MODALITY_KEYS = dict(zip(MODALITIES, ("g", "h", "n", "f", "b")))


def relation_types(session: ArticleSession) -> list[str]:
    used = sorted({r.type for r in session.relations.values() if not r.equivalence} - set(RELATION_TYPES))
    return list(RELATION_TYPES) + used


def attribute_choices(session: ArticleSession) -> list[tuple[str, Any]]:
    records = [*session.entities.values(), *session.events.values(), *session.relations.values()]
    used = {(name, value) for rec in records for name, value in rec.attributes.items()
            if name not in ("Status", "Origin")}
    return list(ATTRIBUTE_CHOICES) + sorted(used - set(ATTRIBUTE_CHOICES), key=repr)


def set_modality(session: ArticleSession, event: Event, modality: str) -> dict | None:
    """Set the event's modality (one of MODALITIES), or clear it when the event already has that one."""
    value = "" if event.modality == modality else modality
    after = replace(event, modality=value, updated=now_iso())
    return session.commit(f"modality {value or 'cleared'}", [change("events", event, after)])


def relations_of(session: ArticleSession, entity_id: str) -> list[Relation]:
    """The relations an entity takes part in, whose other entities are all still there."""
    return [r for r in session.relations.values()
            if entity_id in r.members and all(m in session.entities for m in r.members)]


def add_relation(session: ArticleSession, head: Entity, child: Entity, rtype: str) -> dict | None:
    if head.id == child.id:
        return None
    if any(r.type == rtype and (r.head, r.child) == (head.id, child.id) for r in session.relations.values()):
        return None
    rel = Relation(rtype, head.id, child.id, annotator=session.annotator)
    return session.commit(f"relation {rtype}", [change("relations", None, rel)])


def remove_relation(session: ArticleSession, rel: Relation) -> dict | None:
    return session.commit(f"removed relation {rel.type}", [change("relations", rel, None)])


def toggle_attribute(session: ArticleSession, record: Entity | Event | Relation, name: str,
                     value: Any = True) -> dict | None:
    """Set the attribute (``value``), or take it off when the record already has exactly that."""
    attributes = dict(record.attributes)
    if attributes.get(name) == value:
        del attributes[name]
        label = f"{name} off"
    else:
        attributes[name] = value
        label = name if value is True else f"{name} = {value}"
    after = replace(record, attributes=attributes, updated=now_iso())
    table = "entities" if isinstance(record, Entity) else "events" if isinstance(record, Event) else "relations"
    return session.commit(label, [change(table, record, after)])


def describe(attributes: dict[str, Any]) -> str:
    return ", ".join(name if value is True else f"{name}={value}" for name, value in sorted(attributes.items()))
