"""Plain typed records: the one vocabulary shared by the store, the NLP layer, the formats and the app.

Offsets are Python string indices into ``Article.text``, end exclusive (as spaCy's ``char_span`` and
brat). Token offsets are always derived from the text, never stored as truth.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
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


def _from_dict(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


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
        return asdict(self)

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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Entity":
        return _from_dict(cls, data)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass
class Argument:
    """A role of an event: grounded in a span of the text, or a typed value when the text has none."""

    role: str
    start: int | None = None
    end: int | None = None
    value: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

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

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["arguments"] = [a.to_dict() for a in self.arguments]
        for optional in ("modality", "evidence"):  # stored only when set: records stay as they were
            if not data[optional]:
                del data[optional]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        event = _from_dict(cls, data)
        event.arguments = [Argument.from_dict(a) for a in data.get("arguments", [])]
        event.fields = dict(data.get("fields", {}))
        return event
