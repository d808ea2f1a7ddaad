"""Event coding actions, as change lists for ``ArticleSession.commit`` (so every one is undoable).

Each function reads the session's current state and returns ``list[dict]`` of ``change(...)``
records without applying them; the caller commits them under a label, e.g.
``session.commit("new event", new_event(session, codebook, "BATTLE", 120, 126))``. An empty list
means nothing to do. A new record's id is ``changes[-1]["id"]``.

Every action that touches arguments re-derives the ACLED-level fields (actor1, location, fatalities,
...) from them, but a field the coder typed by hand is kept: a field is only rewritten when it is
empty or still holds what the previous arguments derived.
"""

from __future__ import annotations

import copy
from typing import Any

from .codebook import Codebook
from .article_country import article_country
from .event_fields import argument_text, default_subtype, derive_fields, guess_subtype, parse_field
from .event_place import settle_country, settle_location
from .event_time import unparsed_time
from .model import Argument, Article, Event, new_id, now_iso
from .session import ArticleSession, change


# -- editing helpers ---------------------------------------------------------------------------------

def _rederive(codebook: Codebook, before: Event, after: Event, article: Article) -> None:
    text, published = article.text, article.published
    old = derive_fields(codebook, before, text, published, article.title)
    if after.fields.get("country") and after.fields.get("country") == old.get("country"):
        unset = copy.deepcopy(after)  # the country came from the old location: no hint for the new one
        unset.fields.pop("country")
        new = derive_fields(codebook, unset, text, published, article.title)
    else:
        new = derive_fields(codebook, after, text, published, article.title)
    kept = {}
    if unparsed_time(codebook, after, text, published, relative=True):  # "roughly a day", "two days later": keep it
        kept = {k: after.fields[k] for k in ("event_date", "time_precision") if after.fields.get(k) not in (None, "")}
    for name in set(old) | set(new):
        current = after.fields.get(name)
        if current in (None, "") or current == old.get(name):
            if name in new and new[name] not in (None, ""):
                after.fields[name] = new[name]
            else:
                after.fields.pop(name, None)
    after.fields.update(kept)
    if not after.subtype:
        etype = codebook.event_types.get(after.type)
        if etype:
            hints = " ".join(argument_text(text, a) for a in after.arguments if a.role == "Instrument")
            after.subtype = guess_subtype(etype, hints) if hints else ""


def _event(session: ArticleSession, event_id: str) -> Event:
    try:
        return session.events[event_id]
    except KeyError:
        raise KeyError(f"no event {event_id}") from None


def _edit(session: ArticleSession, codebook: Codebook | None, event_id: str, edit) -> list[dict]:
    """Copy the event, let ``edit`` change the copy, re-derive fields, and return the change.

    Correcting a suggested event accepts it (as an edited Prodigy task is an accepted one): a coder
    who fixed the actor need not also remember to press ``a``."""
    before = _event(session, event_id)
    after = copy.deepcopy(before)
    if edit(after) is False:
        return []
    if codebook is not None:
        _rederive(codebook, before, after, session.article)
    if after.to_dict() == before.to_dict():
        return []
    if before.status == "suggested" and after.status == "suggested":
        after.status = "accepted"
    after.updated = now_iso()
    if session.annotator:
        after.annotator = session.annotator
    return [change("events", before, after)]


def _check_span(session: ArticleSession, start: int | None, end: int | None) -> None:
    if start is None and end is None:
        return
    if start is None or end is None or not 0 <= start < end <= len(session.article.text):
        raise ValueError(f"span {start}..{end} is not inside the article")


# -- actions ------------------------------------------------------------------------------------------

def new_event(
    session: ArticleSession, codebook: Codebook, type_name: str,
    start: int | None = None, end: int | None = None, subtype: str = "",
) -> list[dict]:
    """A new event of ``type_name`` with the trigger [start, end); the sub-type is guessed from the
    trigger words when not given."""
    etype = codebook.event_types.get(type_name)
    if etype is None:
        raise ValueError(f"unknown event type {type_name!r}")
    if subtype and subtype not in etype.subtypes:
        raise ValueError(f"{type_name} has no sub-type {subtype!r}")
    _check_span(session, start, end)
    trigger = session.article.text[start:end] if start is not None else ""
    subtype = subtype or default_subtype(etype, trigger)
    event = Event(type_name, subtype, start, end, origin="person", status="accepted", annotator=session.annotator)
    event.fields = derive_fields(codebook, event, session.article.text, session.article.published, session.article.title)
    return [change("events", None, event)]


def new_event_from_reading(
    session: ArticleSession, codebook: Codebook, type_name: str, start: int, end: int, subtype: str = "",
) -> list[dict]:
    """A new event at the trigger [start, end), its roles pre-filled from the model's reading.

    When the suggester read an event at an overlapping trigger, the new event takes those of its
    arguments that the chosen type has a role for, and the fields they imply; a reading still
    suggested is retired (rejected) in the same action. The coder then corrects, not re-types.
    """
    changes = new_event(session, codebook, type_name, start, end, subtype)
    readings = [e for e in session.events.values() if e.origin == "model" and e.trigger_start is not None
                and e.trigger_start < end and start < e.trigger_end]
    if not readings:
        return changes
    reading = min(readings, key=lambda e: (e.status != "suggested", abs(e.trigger_start - start)))
    event = Event.from_dict(changes[-1]["after"])
    slots = codebook.event_types[type_name].slots
    event.arguments = [copy.deepcopy(a) for a in reading.arguments if a.role in slots]
    event.fields = derive_fields(codebook, event, session.article.text, session.article.published, session.article.title)
    retired = []
    if reading.status == "suggested":
        after = copy.deepcopy(reading)
        after.status = "rejected"
        retired.append(change("events", reading, after))
    return retired + [change("events", None, event)]


def set_type(session: ArticleSession, codebook: Codebook, event_id: str, type_name: str, subtype: str = "") -> list[dict]:
    """Change an event's type (and sub-type); arguments are kept, validation flags roles the new type lacks."""
    etype = codebook.event_types.get(type_name)
    if etype is None:
        raise ValueError(f"unknown event type {type_name!r}")
    if subtype and subtype not in etype.subtypes:
        raise ValueError(f"{type_name} has no sub-type {subtype!r}")

    def edit(ev: Event):
        text = session.article.text
        trigger = text[ev.trigger_start:ev.trigger_end] if ev.trigger_start is not None else ""
        ev.type = type_name
        ev.subtype = subtype or default_subtype(etype, trigger)
        ev.evidence = ""  # it said why the suggester chose the type the coder has just changed
    return _edit(session, codebook, event_id, edit)


def set_subtype(session: ArticleSession, codebook: Codebook, event_id: str, subtype: str) -> list[dict]:
    etype = codebook.event_types.get(_event(session, event_id).type)
    if etype is not None and subtype and subtype not in etype.subtypes:
        raise ValueError(f"{etype.name} has no sub-type {subtype!r}")

    def edit(ev: Event):
        ev.subtype = subtype
    return _edit(session, None, event_id, edit)


def set_trigger(session: ArticleSession, event_id: str, start: int, end: int) -> list[dict]:
    _check_span(session, start, end)

    def edit(ev: Event):
        ev.trigger_start, ev.trigger_end = start, end
    return _edit(session, None, event_id, edit)


def assign_span(
    session: ArticleSession, codebook: Codebook, event_id: str, role: str,
    start: int | None = None, end: int | None = None, value: str = "",
) -> list[dict]:
    """Fill ``role`` with the span [start, end) (or a typed ``value``). A role that takes one
    filler ("1" or "?") is replaced; a repeatable role gains one more (the same span is not added twice)."""
    _check_span(session, start, end)
    if start is None and not value.strip():
        raise ValueError("an argument needs a span or a value")
    ev = _event(session, event_id)
    etype = codebook.event_types.get(ev.type)
    slot = etype.slots.get(role) if etype else None
    if etype is not None and slot is None:
        raise ValueError(f"{ev.type} has no role {role!r}")

    def edit(e: Event):
        if any(a.role == role and a.start == start and a.end == end and a.value == value for a in e.arguments):
            return False
        if slot is not None and not slot.repeatable:
            e.arguments = [a for a in e.arguments if a.role != role]
        e.arguments.append(Argument(role, start, end, value.strip()))
    return _edit(session, codebook, event_id, edit)


def assign_entity(session: ArticleSession, codebook: Codebook, event_id: str, role: str, entity_id: str) -> list[dict]:
    """Fill ``role`` with the span of an entity of the article."""
    entity = session.entities.get(entity_id)
    if entity is None:
        raise KeyError(f"no entity {entity_id}")
    return assign_span(session, codebook, event_id, role, entity.start, entity.end)


def remove_argument(session: ArticleSession, codebook: Codebook, event_id: str, index: int) -> list[dict]:
    """Remove the event's argument number ``index`` (its position in ``event.arguments``)."""
    def edit(e: Event):
        if not 0 <= index < len(e.arguments):
            return False
        del e.arguments[index]
    return _edit(session, codebook, event_id, edit)


def set_field(session: ArticleSession, event_id: str, name: str, value: Any) -> list[dict]:
    """Set one ACLED-level field by hand (typed and checked: see ``parse_field``); empty clears it.
    A date also sets ``time_precision``; a place name fills country/admin1/coordinates when empty or
    derived, looked up against the event's country; a country looks the location up again (see
    ``event_place``), so location and country saved together agree whatever their order."""
    typed = parse_field(name, value, session.article.published)

    def edit(e: Event):
        previous = e.fields.get(name)
        if typed is None:
            e.fields.pop(name, None)
        elif name == "event_date":
            e.fields["event_date"], e.fields["time_precision"] = typed.iso, typed.time_precision
        else:
            e.fields[name] = typed
        if name == "location" and typed is not None:  # country, admin1, coordinates follow unless typed
            in_article = article_country(session.article.text, session.article.title)
            settle_location(e.fields, previous, str(e.fields.get("country") or in_article), again=typed == previous,
                            article_hint=in_article)
        elif name == "country":  # the location is looked up again against the coder's country
            settle_country(e.fields, str(previous or ""), article_country(session.article.text, session.article.title))
    return _edit(session, None, event_id, edit)


def delete_event(session: ArticleSession, event_id: str) -> list[dict]:
    return [change("events", _event(session, event_id), None)]


def duplicate_event(session: ArticleSession, event_id: str) -> list[dict]:
    """A copy of the event (same trigger, arguments and fields) for a second event in the same
    sentence, e.g. a second location; it is the coder's own record."""
    copy_ = copy.deepcopy(_event(session, event_id))
    copy_.id = new_id("E")
    copy_.origin, copy_.status = "person", "accepted"
    copy_.annotator = session.annotator
    copy_.created, copy_.updated = now_iso(), ""
    return [change("events", None, copy_)]


def accept_event(session: ArticleSession, event_id: str) -> list[dict]:
    """Accept a suggested event (its origin stays "model", so agreement with the model can be measured)."""
    def edit(e: Event):
        e.status = "accepted"
    return _edit(session, None, event_id, edit)


def reject_event(session: ArticleSession, event_id: str) -> list[dict]:
    """Reject a suggestion: kept (hidden) so that re-running the suggester does not bring it back."""
    def edit(e: Event):
        e.status = "rejected"
    return _edit(session, None, event_id, edit)


def add_suggestions(session: ArticleSession, events: list[Event]) -> list[dict]:
    """Changes adding suggested events, skipping any whose type and trigger an existing event
    (of any status, rejected included) already has."""
    seen = {(e.type, e.trigger_start, e.trigger_end) for e in session.events.values()}
    out = []
    for event in events:
        k = (event.type, event.trigger_start, event.trigger_end)
        if k not in seen:
            seen.add(k)
            out.append(change("events", None, event))
    return out


def visible_events(session: ArticleSession) -> list[Event]:
    """Accepted and suggested events in text order of their triggers (rejected ones are hidden)."""
    events = [e for e in session.events.values() if e.status != "rejected"]
    return sorted(events, key=lambda e: (e.trigger_start if e.trigger_start is not None else 1 << 30, e.created))


def event_at(session: ArticleSession, offset: int, prefer: str | None = None) -> Event | None:
    """The shown event whose trigger holds ``offset``: ``prefer`` (an event id) if it is one of them,
    else the first in text order."""
    found = [e for e in visible_events(session)
             if e.trigger_start is not None and e.trigger_start <= offset < e.trigger_end]
    return next((e for e in found if e.id == prefer), found[0] if found else None)
