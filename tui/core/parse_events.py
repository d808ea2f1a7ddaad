"""A new event at any trigger the coder picks, its arguments filled from the parse's reading.

``Suggester.event_at`` reads the trigger's clause (agent, patient, victims, place, time) under the
type it finds likeliest; the coder may choose another type, so each argument's role is carried over
by what it is in the clause (ROLE_NAMES) and kept when the chosen type has that role. The event is
left *suggested* when it has such arguments: the coder's one key (``a``) accepts the lot, and any
correction accepts it too, as with the model's own suggestions.
"""

from __future__ import annotations

import copy

from .codebook import Codebook
from .event_fields import derive_fields
from .events import new_event
from .model import Argument, Event
from .session import ArticleSession, change
from .suggest import ROLE_NAMES


def carried_role(role: str, from_type: str, to_type: str) -> str:
    """``role`` of a ``from_type`` event as a ``to_type`` event names the same part of the clause."""
    universal = next((u for u, name in ROLE_NAMES.get(from_type, {}).items() if name == role), role)
    return ROLE_NAMES.get(to_type, {}).get(universal, universal)


def carried_arguments(codebook: Codebook, reading: Event, type_name: str) -> list[Argument]:
    slots = codebook.event_types[type_name].slots
    out: list[Argument] = []
    for arg in reading.arguments:
        moved = copy.deepcopy(arg)
        moved.role = arg.role if arg.role in slots else carried_role(arg.role, reading.type, type_name)
        key = (moved.role, moved.start, moved.end, moved.value)
        if moved.role in slots and key not in {(a.role, a.start, a.end, a.value) for a in out}:
            out.append(moved)
    return out


def new_event_from_parse(
    session: ArticleSession, codebook: Codebook, reading: Event, type_name: str, subtype: str = "",
) -> list[dict]:
    """The change adding an event of ``type_name`` at ``reading``'s trigger with its arguments."""
    changes = new_event(session, codebook, type_name, reading.trigger_start, reading.trigger_end, subtype)
    event = Event.from_dict(changes[-1]["after"])
    event.arguments = carried_arguments(codebook, reading, type_name)
    event.fields = derive_fields(codebook, event, session.article.text, session.article.published, session.article.title)
    for name in ("country",):  # what the reading knew beyond its arguments (its notes: derive_fields)
        if reading.fields.get(name) and not event.fields.get(name):
            event.fields[name] = reading.fields[name]
    if event.arguments:
        event.status = "suggested"
    return [change("events", None, event)]
