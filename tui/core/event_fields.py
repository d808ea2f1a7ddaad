"""An event's ACLED-level fields: derived from its arguments, or typed by the coder and checked.

Apart from the coding actions (``events``) so that the suggester, the checks and the exports read
the same derivation without the session's actions.
"""

from __future__ import annotations

from itertools import takewhile
from typing import Any

from .acled_fields import standard_actor_fields, trigger_sentence
from .codebook import Codebook, EventType
from .article_country import article_country
from .event_place import same_country
from .gazetteer import lookup
from .model import EVENT_FIELDS, Argument, Event
from .normalise import event_date, parse_count, parse_int, undated_relative

_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "da", "del", "la", "le", "van", "von", "der"}
_FLOAT_FIELDS = ("latitude", "longitude")
_PRECISIONS = {"time_precision": "time precision is 1 (day), 2 (week) or 3 (month)",
               "geo_precision": "geo precision is 1 (the town), 2 (near it, or part of a region) or 3 (a province)"}


def argument_text(text: str, argument: Argument) -> str:
    """What an argument says: its span's words, or its typed value."""
    if argument.has_span and 0 <= argument.start < argument.end <= len(text):
        return " ".join(text[argument.start:argument.end].split())
    return argument.value


def guess_subtype(event_type: EventType, words: str) -> str:
    """The sub-type that a keyword in ``words`` points to (longest keyword first), or ""."""
    lowered = f" {' '.join(words.lower().split())} "
    for keyword in sorted(event_type.subtype_keywords, key=len, reverse=True):
        k = keyword.lower()
        if f" {k}" in lowered:  # a word start: "strike" matches "strikes", not "airstrike"
            return event_type.subtype_keywords[keyword]
    return ""


def default_subtype(event_type: EventType, words: str = "") -> str:
    """The sub-type the words point to; else "Other", or the first sub-type of a type that has no
    keyword table (BATTLE -> "Armed clash", PROTEST -> "Peaceful protest"); else ""."""
    found = guess_subtype(event_type, words)
    if found:
        return found
    if "Other" in event_type.subtypes:
        return "Other"
    return "" if event_type.subtype_keywords else event_type.subtypes[0]


def derive_fields(codebook: Codebook, event: Event, text: str, published: str = "", title: str = "") -> dict[str, Any]:
    """The ACLED-level fields that an event's arguments imply, through the codebook's role->column map.
    A place is looked up in the event's country, else in the article's (``article_country`` of the
    text and ``title``, the estimate the suggester uses)."""
    etype = codebook.event_types.get(event.type)
    if etype is None:
        return {}
    columns = _columns(etype, event, text)
    out: dict[str, Any] = {}
    if columns.get("location"):
        place = columns["location"][0]
        given = str(event.fields.get("country") or "")
        found = lookup(place, given or article_country(text, title))
        placed = found.fields() if found is not None else {"location": place}
        if found is not None and given and not same_country(placed["country"], given):
            placed = {"location": place}  # a place only in another country: its admin1 and coordinates would contradict
        out.update(placed)  # (compared as ACLED names it: Hong Kong's country is China)
    country = out.get("country") or event.fields.get("country") or ""
    out.update(_actor_fields(codebook, etype, event.type, columns, str(country)))
    if columns.get("event_date"):
        when = event_date(columns["event_date"][0], published)
        if when:
            out["event_date"], out["time_precision"] = when.iso, when.time_precision
    elif published:
        out["event_date"], out["time_precision"] = published[:10], 2  # "around the report's date"
    counts = [_victim_count(words) for words in columns.get("fatalities", [])]
    if any(c is not None for c in counts):
        out["fatalities"] = sum(c for c in counts if c is not None)
    elif not counts:  # no death read: ACLED codes 0, not blank (a victim of unknown number stays blank)
        out["fatalities"] = 0
    if columns.get("notes"):
        out["notes"] = "; ".join(columns["notes"])
    elif event.trigger_start is not None:
        out["notes"] = trigger_sentence(text, event.trigger_start, event.trigger_end)
    return out


def actor_fields(codebook: Codebook, event: Event, text: str, country: str) -> dict[str, Any]:
    """The actor columns of ``event`` named as ``country``'s standard actors: for an event whose
    country is known only after its fields were read (the article's scene or main country)."""
    etype = codebook.event_types.get(event.type)
    if etype is None:
        return {}
    return _actor_fields(codebook, etype, event.type, _columns(etype, event, text), country)


def _columns(etype, event: Event, text: str) -> dict[str, list[str]]:
    """The words of the event's arguments per ACLED column, through the codebook's role->column map."""
    columns: dict[str, list[str]] = {}
    for arg in event.arguments:
        slot = etype.slots.get(arg.role)
        if slot and slot.acled:
            words = argument_text(text, arg)
            if words and words not in columns.setdefault(slot.acled, []):
                columns[slot.acled].append(words)
    return columns


def _actor_fields(codebook: Codebook, etype, type_name: str, columns: dict, country: str) -> dict[str, Any]:
    actors1, actors2 = columns.get("actor1", []), columns.get("actor2", [])
    if len(actors1) > 1 and not actors2 and not any(s.acled == "actor2" for s in etype.slots.values()):
        actors1, actors2 = actors1[:1] + actors1[2:], actors1[1:2]  # parties to an agreement
    return standard_actor_fields(codebook, actors1, actors2, country, type_name)


def _victim_count(words: str) -> int | None:
    """A casualty phrase's count; a phrase that is, or ends in, a name ("Qasem Soleimani",
    "photojournalist Ziad al-Sharabi") is one person."""
    count = parse_count(words)
    parts = words.replace("-", " ").split()
    if count is not None or not parts:
        return count
    name = list(takewhile(lambda p: p[:1].isupper() or p.lower() in _NAME_PARTICLES, reversed(parts)))
    return 1 if len(name) == len(parts) or len(name) >= 2 else None


def parse_field(name: str, value: Any, published: str = "") -> Any:
    """A field's typed value from what the coder typed; raises ValueError with a message to show."""
    if name not in EVENT_FIELDS:
        raise ValueError(f"unknown field {name!r}")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if name == "fatalities":
        try:
            return parse_int(value)
        except ValueError:
            counted = parse_count(str(value))  # "dozens" is 12, "more than 100" is 100, as ACLED counts
            if counted is None or str(value).strip().startswith("-"):
                raise
            return counted
    if name in ("time_precision", "geo_precision"):
        number = parse_int(value)
        if number not in (1, 2, 3):
            raise ValueError(_PRECISIONS[name])
        return number
    if name in _FLOAT_FIELDS:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a number") from None
        limit = 90 if name == "latitude" else 180
        if not -limit <= number <= limit:
            raise ValueError(f"{name} must lie between -{limit} and {limit}")
        return number
    if name == "event_date":
        when = event_date(str(value), published)  # "last Tuesday" counts from the article's date, never today's
        if when is None and undated_relative(str(value), published):
            raise ValueError(f"{str(value).strip()!r} counts from the article's date, and the article has none: "
                             f"type the date (YYYY-MM-DD)")
        if when is None:
            raise ValueError(f"{str(value).strip()!r} is not a date")
        return when
    return " ".join(str(value).split())
