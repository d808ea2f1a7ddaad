"""ACLED's coding rules as warnings (never errors): who may be the actors of a battle, of violence
against civilians and of a protest, and whether a stored interaction code fits the actors' types.

The actors are the event's coded actor fields, else what its arguments derive, each read through
the codebook's standard actor list (``actors.py``) in the event's country.
"""

from __future__ import annotations

from .actors import CIVILIANS, PROTESTERS, actor_list, country_in_prose, inter_for
from .acled_fields import interaction
from .event_fields import derive_fields
from .gazetteer import lookup


def acled_warnings(codebook, event, text: str = "", title: str = "") -> list[str]:
    """One short line per ACLED rule the event breaks."""
    derived = derive_fields(codebook, event, text, title=title) if text else {}
    fields = {**derived, **{k: v for k, v in event.fields.items() if v not in (None, "")}}
    country = str(fields.get("country", ""))
    listed = actor_list(codebook)
    names = [str(fields.get("actor1", "")), str(fields.get("actor2", ""))]
    actors = [listed.get(n) or listed.match(n, country or None) if n else None for n in names]
    inters = [inter_for(a, country) if a else None for a in actors]
    names = [a.name if a else n for a, n in zip(actors, names)]
    out = []
    where = f" (Civilians ({country}))" if country else ""
    if event.type == "BATTLE" and not all(names):
        out.append("a battle needs two actors: actor 1 and actor 2 (ACLED)")
    if event.type == "VIOLENCE_AGAINST_CIVILIANS" and names[1] and inters[1] != CIVILIANS:
        out.append(f"violence against civilians needs civilians as actor 2{where}, not {names[1]!r}")
    if event.type == "VIOLENCE_AGAINST_CIVILIANS" and not names[1]:
        out.append(f"violence against civilians needs civilians as actor 2{where}")
    if event.type == "PROTEST" and names[0] and inters[0] is not None and inters[0] != PROTESTERS:
        out.append(f"a protest's actor 1 is protesters (ACLED), not {names[0]!r}")
    for which, actor in zip(("actor 1", "actor 2"), actors):
        if actor is not None and actor.kind:  # a religious group: the associate of the civilians or crowd
            who = "Civilians" if which == "actor 2" else "the crowd, such as Rioters"
            out.append(f"{which} {actor.name!r} is a {actor.kind.lower()}, which ACLED codes as an associated "
                       f"actor ({which}: {who} ({actor.country}))")
        # A country's crowd, civilians or unnamed armed men, completed while the form's country was
        # another; state forces abroad are ACLED's external forces, a named group has no country to match.
        if actor is not None and country and actor.country not in ("", country) and listed.is_local(actor):
            out.append(f"{which} {actor.name!r} is {country_in_prose(actor.country)}'s; the event is in {country}")
    location = str(fields.get("location", ""))
    place = lookup(location, country) if location else None
    if place is not None and place.chosen_by:  # the coder should know there was a choice
        out.append(place.note)
    coded_in = place.fields().get("country", "") if place is not None else ""  # as ACLED codes it
    if place is not None and country and place.kind != "country" and coded_in != country:
        # "Rea" typed for "Reading": the only Rea is in Italy, and its coordinates would go with it
        out.append(f"place {location!r} is in {coded_in}, not {country} (the event's country)")
    if _report_date_guessed(codebook, event, fields):
        out.append("no date in the text: the report's date at week precision (2); check the article")
    stored = str(fields.get("interaction", "")).strip()
    if stored and inters[0] is not None and (inters[1] is not None or not names[1]):
        expected = interaction(inters[0], inters[1])
        if stored != expected:
            out.append(f"interaction {stored} does not match the actors' types: expected {expected}")
    return out


def _report_date_guessed(codebook, event, fields: dict) -> bool:
    """Whether a suggested event's date is the report's, put there because no words of the text date it
    (``event_fields.derive_fields``): ACLED's precision 2 says only the week is known, and the coder
    should know the week is the report's, not one the text gives."""
    etype = codebook.event_types.get(event.type)
    dated_by = {role for role, slot in etype.slots.items() if slot.acled == "event_date"} if etype else set()
    return (event.status == "suggested" and bool(fields.get("event_date")) and str(fields.get("time_precision")) == "2"
            and not any(a.role in dated_by for a in event.arguments))
