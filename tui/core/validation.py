"""Checks an event against the codebook's rules and returns plain-language warnings, never raising.

Warnings are advice for the coder (shown beside the event, listed before export), not errors: an
event in progress is allowed to be incomplete. Each warning is one short line naming the role or
field it is about.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from .acled_checks import acled_warnings
from .event_time import time_warning
from .codebook import Codebook
from .model import Argument, Entity, Event

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CARDS = {"1": "exactly one", "?": "at most one", "*": "any number", "+": "at least one"}


def covering_entity(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The visible entity that covers [start, end), else the one overlapping it most, else None."""
    best, best_overlap = None, 0
    for ent in entities:
        if ent.status == "rejected" or not ent.overlaps(start, end):
            continue
        if ent.start <= start and end <= ent.end:
            return ent
        overlap = min(end, ent.end) - max(start, ent.start)
        if overlap > best_overlap:
            best, best_overlap = ent, overlap
    return best


def validate_event(
    codebook: Codebook, event: Event, text: str = "", entities: Iterable[Entity] = (), published: str | None = None,
    title: str = "",
) -> list[str]:
    """Warnings for one event: unknown type or sub-type, required roles missing (a role whose ACLED field
    is filled is not), too many fillers of a role, a role filled by an entity whose label (given or
    accepted by a person; a suggested label is the model's) the role does not allow, spans outside the text,
    Time words that give no date (none at all, or "last Tuesday" in an article with no ``published``
    date; None: the article's date is not known here), a negative or non-integer fatality count; ACLED's
    rules for its actors, in the country its place has in the article (``title`` helps say which)."""
    try:
        return _validate(codebook, event, text, list(entities), published, title)
    except Exception as exc:  # a warning list must never take the panel down
        return [f"could not check this event ({exc.__class__.__name__})"]


def _validate(codebook: Codebook, event: Event, text: str, entities: list[Entity], published: str | None,
              title: str) -> list[str]:
    out: list[str] = []
    etype = codebook.event_types.get(event.type)
    if etype is None:
        return [f"event type {event.type!r} is not in codebook {codebook.name}"]
    if event.subtype and event.subtype not in etype.subtypes:
        out.append(f"sub-type {event.subtype!r} is not a sub-type of {etype.label}")
    elif not event.subtype:
        out.append("no sub-type chosen")
    if text and event.trigger_start is not None and not _inside(event.trigger_start, event.trigger_end, text):
        out.append("trigger span lies outside the article")
    counts = Counter(a.role for a in event.arguments)
    for role, slot in etype.slots.items():
        n = counts.get(role, 0)
        if slot.required and n == 0 and not _field_filled(event, slot.acled):
            out.append(f"{role} is required ({_CARDS[slot.cardinality]}) but missing")
        if not slot.repeatable and n > 1:
            out.append(f"{role} takes {_CARDS[slot.cardinality]} filler but has {n}")
    for role in counts:
        if role not in etype.slots:
            out.append(f"role {role} is not a role of {etype.label}")
    for arg in event.arguments:
        out.extend(_check_argument(etype.slots.get(arg.role), arg, text, entities))
    out.extend(_check_fields(event.fields))
    warning = time_warning(codebook, event, text, published) if text else ""
    if warning:
        out.append(warning)
    out.extend(acled_warnings(codebook, event, text, title))
    return out


def _field_filled(event: Event, column: str) -> bool:
    """Whether the ACLED field a role feeds holds a value (the coder typed Actor 1 for the Attacker)."""
    return bool(column) and event.fields.get(column) not in (None, "")


def _inside(start, end, text: str) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def _check_argument(slot, arg: Argument, text: str, entities: list[Entity]) -> list[str]:
    if not arg.has_span:
        return [] if arg.value else [f"{arg.role} has neither a span nor a value"]
    if text and not _inside(arg.start, arg.end, text):
        return [f"{arg.role} span lies outside the article"]
    if slot is None or not slot.role.labels:
        return []
    ent = covering_entity(entities, arg.start, arg.end)
    if ent is not None and ent.status != "suggested" and ent.label not in slot.role.labels:
        # the model's own label on a suggestion is no coder's claim: only a label a person gave or accepted
        words = " ".join(text[arg.start:arg.end].split()) if text else f"{arg.start}..{arg.end}"
        allowed = ", ".join(slot.role.labels)
        return [f"{arg.role} '{words}' is labelled {ent.label}; {arg.role} takes {allowed}"]
    return []


def _check_fields(fields: dict) -> list[str]:
    out = []
    date = fields.get("event_date")
    if date not in (None, ""):
        if not isinstance(date, str) or not _ISO_DAY.match(date) or not _real_day(date):
            out.append(f"event date {date!r} is not a date (YYYY-MM-DD)")
    precision = fields.get("time_precision")
    if precision not in (None, "") and precision not in (1, 2, 3):
        out.append(f"time precision {precision!r} is not 1, 2 or 3")
    fatalities = fields.get("fatalities")
    if fatalities not in (None, ""):
        if isinstance(fatalities, bool) or not isinstance(fatalities, int):
            out.append(f"fatalities {fatalities!r} is not a whole number")
        elif fatalities < 0:
            out.append(f"fatalities {fatalities} is negative")
    for name, limit in (("latitude", 90), ("longitude", 180)):
        value = fields.get(name)
        if value not in (None, "") and (not isinstance(value, (int, float)) or not -limit <= value <= limit):
            out.append(f"{name} {value!r} is not between -{limit} and {limit}")
    return out


def _real_day(iso: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def validate_session(codebook: Codebook, session) -> dict[str, list[str]]:
    """Warnings for every visible event of an ``ArticleSession``, keyed by event id."""
    text = session.article.text
    out = {}
    for event in session.events.values():
        if event.status == "rejected":
            continue
        spans = [(a.start, a.end) for a in event.arguments if a.has_span]
        nearby = [e for s, t in spans for e in session.entities_in(s, t)]
        out[event.id] = validate_event(codebook, event, text, nearby, session.article.published,
                                       session.article.title)
    return out
