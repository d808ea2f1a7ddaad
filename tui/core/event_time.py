"""Whether an event's Time argument names a date: a phrase that does not ("roughly a day") keeps the
date the event had, and validation warns about it."""

from __future__ import annotations

from .codebook import Codebook
from .model import Event
from .normalise import parse_date


def unparsed_time(codebook: Codebook, event: Event, text: str, published: str = "") -> str:
    """The words of the event's date role when they name no date ("roughly a day"), else ""."""
    etype = codebook.event_types.get(event.type)
    for arg in event.arguments:
        slot = etype.slots.get(arg.role) if etype else None
        if slot is not None and slot.acled == "event_date":
            words = " ".join(text[arg.start:arg.end].split()) if arg.has_span else arg.value
            return words if words and parse_date(words, published) is None else ""
    return ""
