"""Whether an event's Time argument names a date: a phrase that does not ("roughly a day") keeps the
date the event had, and validation warns about it; so do words that count from the article's date
("last Tuesday", "yesterday") in an article that has none (they are never counted from today). Words
relative to another event ("two days later") keep the date the suggester worked out from them, without
a warning (on an event a coder made, nothing worked the date out: the warning stays)."""

from __future__ import annotations

from .codebook import Codebook
from .model import Event
from .normalise import SOME_DAY, event_date, parse_date
from .relative_dates import relative_time


def unparsed_time(codebook: Codebook, event: Event, text: str, published: str | None = "", relative: bool = False) -> str:
    """The words of the event's date role when they name no date ("roughly a day"), or count from the
    article's date and ``published`` is "" (an undated article), else "". ``published`` None: the
    article is not known, and only words that name no date at all count. Words relative to another
    event count as a date when the event has one, unless ``relative`` is asked for (re-deriving keeps
    the date such words were given)."""
    etype = codebook.event_types.get(event.type)
    for arg in event.arguments:
        slot = etype.slots.get(arg.role) if etype else None
        if slot is not None and slot.acled == "event_date":
            words = " ".join(text[arg.start:arg.end].split()) if arg.has_span else arg.value
            if words and not relative and relative_time(words) and event.fields.get("event_date") \
                    and event.origin == "model":
                return ""  # "two days later": the suggester dated it from the event it follows (``relative_dates``)
            found = parse_date(words, SOME_DAY) if published is None else event_date(words, published)
            return words if words and found is None else ""
    return ""


def time_warning(codebook: Codebook, event: Event, text: str, published: str | None = None) -> str:
    """The warning for an event whose Time words give it no date (its date was kept), else ""."""
    words = unparsed_time(codebook, event, text, published)
    if not words:
        return ""
    if parse_date(words, SOME_DAY) is not None:
        return f"Time '{words}' counts from the article's date, and the article has none; the event date was kept"
    return f"Time '{words}' names no date; the event date was kept"

