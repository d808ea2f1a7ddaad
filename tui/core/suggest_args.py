"""The arguments of one suggested event, assembled from the mentions merged into it.

Split from ``suggest.py``. Each mention's own clause was read by ``suggest_parse``; here the event
takes, role by role, what its representative mention's clause says first (the sentence a coder
reads with the trigger), then what its other mentions add ("the attack" ... "the blast killed
five"), each span once, trimmed of whitespace, within the role's cardinality in the codebook.
"""

from __future__ import annotations

from . import suggest_lexicon as lex
from .codebook import EventType
from .dateline import dateline_place
from .model import Argument, Event
from .nlp import after_caption, trim_span
from .suggest_parse import Mention
from .suggest_when import best_time

# At most this many spans per role: more are lists of who else was there, not the event's actors.
MAX_PER_ROLE = 3
# A list the text gives as the group's members ("were arrested, including A, B and C") is kept whole.
MAX_LISTED = 12
# Head nouns of parties named by kind only, not as anyone in particular.
GENERAL_PARTIES = (lex.ANYONE_WORDS | lex.LONE_ATTACKERS | lex.KILLERS
                   | frozenset({"other", "others", "inmate", "prisoner", "victim", "individual", "assailant"}))
# The fields that say which town an event happened in.
TOWN_FIELDS = ("location", "country", "admin1", "admin2", "latitude", "longitude", "geo_precision")
# Less than what a more specific kind of place scores more (a city over a province over a country).
OWN_PLACE_BONUS = 0.2


def event_arguments(cluster: list[Mention], first: Mention, etype: EventType | None, names: dict[str, str],
                    text: str) -> list[Argument]:
    """The arguments of the event made of ``cluster`` whose trigger is ``first``'s: the parse's
    universal roles renamed for the type (``names``); every role when there is no type."""
    args: list[Argument] = []
    seen: set[tuple] = set()
    ordered = [first, *[m for m in cluster if m is not first]]

    def add(role: str, start: int, end: int, listed: bool = False) -> None:
        span = trim_span(text, start, end)
        if span is None:
            return
        start, end = after_caption(text, *span), span[1]  # "FILE - Salman Abedi": the name only
        role = names.get(role, role)
        slot = etype.slots.get(role) if etype is not None else None  # no type: every role the parse gives
        words = " ".join(text[start:end].lower().split())
        if (etype is not None and slot is None) or (role, start, end) in seen or (role, words) in seen:
            return
        if any(a.role == role and _same_name(text[a.start:a.end], text[start:end]) for a in args):
            return  # "Ahmed Ali" ... "Ali": a surname after the full name is the same person
        if slot is not None and not slot.repeatable and any(a.role == role for a in args):
            return
        if sum(1 for a in args if a.role == role) >= (MAX_LISTED if listed else MAX_PER_ROLE):
            return
        seen.update({(role, words), (role, start, end)})
        args.append(Argument(role, start, end))

    for role in ("Attacker", "Target", "Agent", "Entity"):
        for m in ordered:
            listed = set(m.listed)
            if m is not first and m.names_own_target and role == "Target":
                continue  # "protests over the shooting of Jacob Blake": another shooting's target
            own = first.roles.get(role, [])
            heads = {_head(text, span) for span in own}
            for start, end in m.roles.get(role, []):
                if m is not first and own and (_anyone(text, (start, end)) or _head(text, (start, end)) in heads
                                               and text[start:end].split()[-1][:1].islower()):
                    continue  # the trigger's clause says who: a later "the attacker", "people", "others" adds no one,
                    # nor "the Oklahoma City federal building" after "the Murrah Federal Building"
                if not any(a.start <= start < a.end for a in args):
                    add(role, start, end, (start, end) in listed)
    # The most specific place any mention names; of two as specific, the trigger's own clause's.
    places = [(m.place[0] + (OWN_PLACE_BONUS if m is first else 0), m.place) for m in cluster if m.place]
    if places:
        place = max(places, key=lambda p: p[0])[1]
        add("Place", place[1], place[2])
    when = best_time(ordered, text)  # the most precise, of those the most telling mention's
    if when is not None:
        add("Time", when[0], when[1])
    numbered = [v for m in cluster for v in m.victims if not v[3] and v[2] is not None]
    if numbered:
        top = max(numbered, key=lambda v: v[2])
        add("Victim", top[0], top[1])
    for m in cluster:
        for v in m.victims:
            if v[3]:
                add("Victim", v[0], v[1])
    return args


def _anyone(text: str, span: tuple[int, int]) -> bool:
    """Whether a role's words name no one in particular, only a kind of party ("the attacker", "people",
    "others", "local forces", "a 36-year-old man"): told again in a later sentence, they are the parties
    the trigger's clause already named. A name ("Khairi Saadallah") or a particular party ("the US-led
    coalition", "the largest processing plant") may be another."""
    words = text[span[0]:span[1]].split()
    if not words or words[-1][:1].isupper():
        return False
    head = words[-1].lower()
    return head in GENERAL_PARTIES or head.rstrip("s") in GENERAL_PARTIES or head.endswith("men")


def _head(text: str, span: tuple[int, int]) -> str:
    """The head noun of a role's words, the last word of an English noun phrase, lower case and singular."""
    words = text[span[0]:span[1]].lower().split()
    return words[-1].rstrip("s") if words else ""


def _same_name(one: str, other: str) -> bool:
    """Whether two names of a role are one name, the shorter its full form's last words ("Ali",
    "Ahmed Ali"); only capitalised names count, not "men" and "armed men"."""
    short, full = sorted((one, other), key=len)
    return short != full and full.endswith(" " + short) and short[:1].isalpha() and short[:1] == short[:1].upper()


def add_dateline_place(events: list[Event], clusters: list, text: str, body_start: int = 0,
                       headline: tuple[int, int] | None = None) -> None:
    """An event whose sentences name no place, and that no earlier event's scene was carried to, took
    place where the story was filed from (its dateline), else where its headline says the story
    happened (``headline``, a span of the body), unless it is background from an earlier year."""
    span = None
    for ev, cluster in zip(events, clusters):
        if ev.modality == "background" or any(a.role == "Place" for a in ev.arguments) \
                or any(m.names_place or m.places for m in cluster):
            continue
        span = span or dateline_place(text, body_start) or headline or (-1, -1)
        if span[0] < 0:
            return
        ev.arguments.append(Argument("Place", *span))


def place_spots_in_towns(events: list[Event]) -> None:
    """ACLED places an event at a town: an event whose Place is a spot the gazetteer does not know ("Police
    arrested him on Strickland Street") took place in the town where the report last placed an event
    before it ("a mass shooting in Christchurch"), when that town lies in the event's country."""
    town = None
    for ev in sorted(events, key=lambda e: e.trigger_start):
        fields = ev.fields
        if fields.get("location") and fields.get("latitude") is not None and fields.get("geo_precision") == 1:
            town = {k: fields[k] for k in TOWN_FIELDS if k in fields}
        elif fields.get("location") and fields.get("latitude") is None and town is not None \
                and fields.get("country") in (None, "", town.get("country")) and ev.modality != "background":
            fields.update(town)
