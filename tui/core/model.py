"""Plain typed records: the one vocabulary shared by the store, the NLP layer, the formats and the app.

Offsets are Python string indices into ``Article.text``, end exclusive (as spaCy's ``char_span`` and
brat). Token offsets are always derived from the text, never stored as truth.
"""

from __future__ import annotations

import hashlib
import uuid
from copy import deepcopy
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import datetime, timezone
from operator import attrgetter
from typing import Any

ARTICLE_STATUSES = ("todo", "in progress", "done", "skipped")
ORIGINS = ("model", "person")
SPAN_STATUSES = ("suggested", "accepted", "rejected")


def now_iso() -> str:
    """The current UTC time, to the second, in ISO 8601."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def new_id(prefix: str) -> str:
    """A short random id, unique enough within one article."""
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def article_id_for(text: str) -> str:
    """The stable id of an article: a hash of its text, so the same text is stored once."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class _Shape:
    """A record class's field names (declaration order) and one getter for all of them, made once:
    ``dataclasses.fields`` and ``asdict`` cost more than the rest of an export or a save."""

    def __init__(self, cls):
        self.names = tuple(f.name for f in fields(cls))
        self.known = frozenset(self.names)
        self.values = attrgetter(*self.names)  # a tuple of every field's value, in one call


_SHAPES: dict[type, _Shape] = {}


def _shape(cls) -> _Shape:
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _Shape(cls)
    return shape


def _from_dict(cls, data: dict[str, Any]):
    shape = _shape(cls)
    if shape.known.issuperset(data):
        return cls(**data)
    return cls(**{k: v for k, v in data.items() if k in shape.known})


_ATOMS = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    """A deep copy of a record's field value, as ``dataclasses.asdict`` makes it."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [v if type(v) in _ATOMS else _plain(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _ATOMS else _plain(v) for k, v in value.items()}
    return _fields_dict(value) if is_dataclass(value) else deepcopy(value)


def _fields_dict(record) -> dict[str, Any]:
    """``dataclasses.asdict(record)``, the same dict, at a fraction of its cost."""
    shape = _shape(type(record))
    return {name: value if type(value) in _ATOMS else _plain(value)
            for name, value in zip(shape.names, shape.values(record))}


# Fields added after records were first stored: left out of ``to_dict`` while empty, so records that
# do not use them (and every file written before they existed) keep exactly the same shape.
EXTRA_FIELDS = ("fragments", "attributes", "notes", "norms", "event", "modality", "evidence")


def _to_dict(record) -> dict[str, Any]:
    data = _fields_dict(record)
    for name in EXTRA_FIELDS:
        if name in data and not data[name]:
            del data[name]
    return data


def _copy_extras(record, data: dict[str, Any]) -> None:
    """Fresh containers for the extra fields, so two records never share one list or dict. A field
    the data leaves out already has a fresh empty one (its default factory): most records."""
    known = _shape(type(record)).known
    if "attributes" in data and "attributes" in known:
        record.attributes = dict(data["attributes"] or {})
    if "notes" in data and "notes" in known:
        record.notes = [str(n) for n in data["notes"] or []]
    if "norms" in data and "norms" in known:
        record.norms = [dict(n) for n in data["norms"] or []]
    if "fragments" in data and "fragments" in known:
        record.fragments = [[int(s), int(e)] for s, e in data["fragments"] or []]


@dataclass
class Article:
    id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    license: str = ""
    published: str = ""
    body_start: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "todo"

    def to_dict(self) -> dict[str, Any]:
        return _fields_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return _from_dict(cls, data)


@dataclass
class Entity:
    """A labelled span in the flat entity layer (as spaCy's ``doc.ents``)."""

    start: int
    end: int
    label: str
    origin: str = "person"
    status: str = "accepted"
    id: str = field(default_factory=lambda: new_id("T"))
    annotator: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = ""
    # Discontinuous entities (brat's ``0 5;10 15``): every piece, in order; empty when contiguous.
    # ``start``/``end`` then span from the first piece's start to the last piece's end.
    fragments: list[list[int]] = field(default_factory=list)
    # Attribute name -> True (binary) or a value string (brat A/M lines; negated, hypothetical...).
    attributes: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # Knowledge-base ids: {"type": "Reference", "db": "Wikipedia", "id": "64488", "text": "..."}.
    norms: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        ent = _from_dict(cls, data)
        _copy_extras(ent, data)
        return ent

    @property
    def pieces(self) -> list[tuple[int, int]]:
        """The text pieces of the entity: its fragments, or its one span."""
        return [(s, e) for s, e in self.fragments] or [(self.start, self.end)]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass
class Argument:
    """A role of an event: grounded in a span of the text, or a typed value when the text has none."""

    role: str
    start: int | None = None
    end: int | None = None
    value: str = ""
    event: str = ""  # the id of another event of the article, when the argument is an event

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Argument":
        return _from_dict(cls, data)

    @property
    def has_span(self) -> bool:
        return self.start is not None and self.end is not None


# How the text presents an event that it does not report as having happened ("" when it does).
MODALITIES = ("generic", "hypothetical", "negated", "future", "background")

# ACLED-level fields of an event, derived from its arguments and editable by the coder.
EVENT_FIELDS = (
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "country", "admin1", "admin2",
    "latitude", "longitude", "geo_precision", "event_date", "time_precision", "fatalities", "notes",
    "source_scale",
)


@dataclass
class Event:
    type: str
    subtype: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    arguments: list[Argument] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    origin: str = "person"
    status: str = "accepted"
    id: str = field(default_factory=lambda: new_id("E"))
    annotator: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = ""
    modality: str = ""  # one of MODALITIES, or "" for an event the text reports as real
    evidence: str = ""  # why a suggested event has its type, e.g. '"drone attack": Air/drone strike'
    attributes: dict[str, Any] = field(default_factory=dict)  # e.g. Negated, Hypothetical, Generic
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = _to_dict(self)
        data["arguments"] = [a.to_dict() for a in self.arguments]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        event = _from_dict(cls, data)
        event.arguments = [Argument.from_dict(a) for a in data.get("arguments", [])]
        event.fields = dict(data.get("fields", {}))
        _copy_extras(event, data)
        return event


@dataclass
class Relation:
    """A typed, directed binary relation between two entities (by id), as brat's R lines.

    An equivalence (brat's ``*`` line, e.g. ``Alias T3 T4 T5``) is a relation with
    ``equivalence`` set, whose members are ``head``, ``child`` and then ``others``.
    """

    type: str
    head: str
    child: str
    head_role: str = "Arg1"
    child_role: str = "Arg2"
    others: list[str] = field(default_factory=list)
    equivalence: bool = False
    origin: str = "person"
    status: str = "accepted"
    id: str = field(default_factory=lambda: new_id("R"))
    annotator: str = ""
    created: str = field(default_factory=now_iso)
    updated: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Relation":
        rel = _from_dict(cls, data)
        rel.others = [str(o) for o in data.get("others") or []]
        _copy_extras(rel, data)
        return rel

    @property
    def members(self) -> list[str]:
        return [self.head, self.child, *self.others]
