"""Completion of the typed event fields: actors, location, country and admin1.

Candidates for a field come from three places, in this order of preference:
1. the article: the standard actors that the event's own actor words (this field's first) and then
   the article's entities name (``ActorList.match``: "the Coalition" -> "Global Coalition Against
   Daesh"), then the entities' own words of the labels the field takes; for the location, the
   places its GPE/LOC/FAC entities name, their words, then the places that its other capitalised
   words name in the event's country (a town the model did not mark: "Reading"); for an actor, then
   the event's country's generic actors (its civilians, protesters, rioters, unnamed armed men);
2. the project: values already coded in that field (and, for actors, in any actor field);
3. the codebook: its standard actor list (the event's country first), ACLED's countries, and the
   gazetteer's admin1 units of the event's country;
4. for an actor, last of all, the text's names of two or more capitalised words (a group the model
   missed).

``Completer.complete(field, typed, country)`` gives the value that the coder's typing completes to:
a candidate that starts with the typed text, else one with a word that does ("syria" -> "Military
Forces of Syria (2000-2024)"). Fields holding several values ("A; B") complete their last one.
"""

from __future__ import annotations

import re
from typing import Iterable

from . import gazetteer
from .actors import INTER_CODES, actor_list
from .codebook import Codebook
from .countries import all_countries

ACTOR_FIELDS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")
MULTI_VALUE_FIELDS = ("assoc_actor_1", "assoc_actor_2")
COMPLETED_FIELDS = (*ACTOR_FIELDS, "location", "country", "admin1")
# Entity labels whose words can fill a field.
FIELD_LABELS = {
    **{name: ("ORG", "NORP", "PERSON", "GPE") for name in ACTOR_FIELDS},
    "location": ("GPE", "LOC", "FAC"), "admin1": ("GPE", "LOC"), "country": ("GPE",),
}
SEPARATOR = "; "
# A run of capitalised words (a place's name is one to three of them).
CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*")
# Words written with a capital only where a sentence starts with them: never the first of a name.
ARTICLES = frozenset(("a", "an", "the"))
FUNCTION_WORDS = ARTICLES | frozenset("on in at by for from to with after before when while but and as of".split())


def coded_values(events: Iterable) -> dict[str, set[str]]:
    """The values of the completed fields in some events, by field: accepted events only (what a
    suggestion derived, unreviewed, is not yet anybody's coding)."""
    out: dict[str, set[str]] = {}
    for event in events:
        if event.status != "accepted":
            continue
        for name in COMPLETED_FIELDS:
            value = event.fields.get(name)
            if isinstance(value, str):
                parts = value.split(";") if name in MULTI_VALUE_FIELDS else [value]
                out.setdefault(name, set()).update(p.strip() for p in parts if p.strip())
    return out


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        value = " ".join(value.split())
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out


class Completer:
    """The candidates of one article's event fields; built when the event form opens."""

    def __init__(self, codebook: Codebook, entities: Iterable[tuple[str, str]] = (),
                 project: dict[str, Iterable[str]] | None = None, event_fields: dict | None = None,
                 default_country: str = "", text: str = "") -> None:
        """``entities``: (words, label) of the article's visible entities, in text order;
        ``project``: values already coded in the project, by field; ``event_fields``: the fields
        of the event being coded, whose actor words (read from its arguments) name the likeliest
        standard actors of all; ``default_country``: the article's country, for an event that has
        none yet (so "Protesters (" offers that country's protesters first); ``text``: the
        article's text, whose words may name places that are no entity."""
        self.codebook = codebook
        self.text = text
        self.default_country = default_country
        self.entities = [(" ".join(words.split()), label) for words, label in entities]
        self.project = {name: sorted(values) for name, values in (project or {}).items()}
        self.event_fields = dict(event_fields or {})
        self._cache: dict[tuple[str, str], list[str]] = {}

    def candidates(self, field: str, country: str = "") -> list[str]:
        """Every value the field may complete to, the likeliest first."""
        return _unique(v for tier in self._tiers(field, country) for v in tier)

    def _tiers(self, field: str, country: str) -> list[list[str]]:
        country = country or self.default_country
        key = (field, country)
        if key not in self._cache:
            self._cache[key] = [_unique(tier) for tier in self._gather(field, country)]
        return self._cache[key]

    def _gather(self, field: str, country: str) -> list[list[str]]:
        """The candidates in tiers: a typed text completes to the first tier that has a fit."""
        labels = FIELD_LABELS.get(field, ())
        words = [w for w, label in self.entities if label in labels]
        if field in ACTOR_FIELDS:
            actors = actor_list(self.codebook)
            own = [p.strip() for name in (field, *ACTOR_FIELDS)
                   for p in str(self.event_fields.get(name) or "").split(";") if p.strip()]
            # The event's own actors first: a generic one in the country the form now names.
            named = [actors.in_country(found, country).name for w in own + words
                     if (found := actors.match(w, country or None)) is not None]
            # then the religious groups the article names ("Muslim": "Muslim Group (New Zealand)")
            named += [found.name for w in words if (found := actors.religious_group(w, country or None))]
            project = [v for name in ACTOR_FIELDS for v in self.project.get(name, [])]
            # A standard actor of another country ("Protesters (China)" in a British event) comes
            # after this country's list.
            elsewhere = [v for v in project if country and (a := actors.get(v)) and a.country not in ("", country)]
            here = [v for v in project if v not in elsewhere]
            listed = actors.names(country or None)
            if country:  # the country's actors and international ones, then the rest of the world
                near = [n for n in listed if (a := actors.get(n)) is not None and a.country in ("", country)]
                # The country's generic actors (its civilians, protesters, rioters, unnamed armed men)
                # are the commonest of any event there: before a project value coded in another
                # article, maybe another country ("civ" in England is not Hong Kong's "Civil Human
                # Rights Front"). Religious groups stay with the list: an associated actor only.
                generic = [n for n in near if (a := actors.get(n)) is not None and a.country == country
                           and actors.is_local(a) and not a.kind]
                return [named, generic, here, words, near, elsewhere + [n for n in listed if n not in set(near)],
                        self._names_in_text()]
            return [named, here, words, listed, elsewhere, self._names_in_text()]
        project = self.project.get(field, [])
        found = []
        for w in words:  # "Deir ez-Zor Province": the place Deir ez-Zor, in the unit Deir ez-Zor, Syria
            place = gazetteer.lookup(w, country)
            value = place.fields().get(field) if place is not None else None
            if value and (field == "country" or not country or place.fields()["country"] == country):
                found.append(value)
        if field == "admin1":
            return [found, project, gazetteer.admin1_names(country) if country else []]
        if field == "country":
            return [found, project, [c.name for c in all_countries()]]
        return [found, words, self._places_in_text(country), project]

    def _names_in_text(self) -> list[str]:
        """The names of two or more capitalised words in the text, last of all for an actor: a group
        the model did not mark ("A Black Lives Matter protest" gives "Black Lives Matter")."""
        return [name for run in CAPITALISED.findall(self.text) if len((name := _name(run)).split()) > 1]

    def _places_in_text(self, country: str) -> list[str]:
        """Places that the article's capitalised words name but that are no entity (the model missed
        "Reading"): in the event's country only, and never words of another entity's name (the
        "Thames" of "Thames Valley Police", the "Khairi" of a man's name)."""
        if not country:
            return []
        others = {w.casefold() for words, label in self.entities if label not in FIELD_LABELS["location"]
                  for w in words.split()}
        names = []
        for run in CAPITALISED.findall(self.text):
            words = run.split()
            names += [words[i:i + size] for size in (3, 2, 1) for i in range(len(words) - size + 1)
                      if not any(w.casefold() in others for w in words[i:i + size])]
        found = []
        for name in _unique(" ".join(words) for words in names):  # each name looked up once
            place = gazetteer.lookup(name, country)
            if place is not None and place.fields()["country"] == country:
                found.append(place.fields()["location"])
        return found

    def complete(self, field: str, typed: str, country: str = "") -> str | None:
        """The whole field value that ``typed`` completes to, or None (nothing typed, or no
        candidate fits, or the typed value is already complete)."""
        if field not in COMPLETED_FIELDS:
            return None  # notes, dates, counts: the form shows no completion there, so none is taken
        head, part = "", typed
        if field in MULTI_VALUE_FIELDS and ";" in typed:
            before, _, part = typed.rpartition(";")
            head = before.rstrip() + SEPARATOR
        part = part.lstrip()
        folded = part.casefold()
        if not folded.strip():
            return None
        tiers = self._tiers(field, country)
        if any(c == part for tier in tiers for c in tier):
            return None  # a whole value, as written: it stands
        best, by_word = None, False
        for i, tier in enumerate(tiers):
            if any(c.casefold() == folded for c in tier):
                return None  # a whole value of the likeliest kind: it stands
            best = next((c for c in tier if c.casefold().startswith(folded)), None)
            if best is None and len(folded) >= 2:
                best = next((c for c in tier if _word_starts(c.casefold(), folded)), None)
                by_word = best is not None
            if best is not None:
                break
        if by_word and field in ACTOR_FIELDS and not _whole_word(best.casefold(), folded):
            # A standard actor that starts with what was typed beats one where it begins a later
            # word ("Un": "Unidentified Armed Group (...)" before "Civilians (United ...)"); a whole
            # later word stands ("syria": "Military Forces of Syria (...)"). Only the event's
            # country's or an international one: "co" in Syria is the Coalition, not Congo's CODECO.
            actors, here = actor_list(self.codebook), country or self.default_country
            best = next((c for tier in tiers[i + 1:] for c in tier if c.casefold().startswith(folded)
                         and (a := actors.get(c)) is not None and (not here or a.country in ("", here))), best)
        if best is None:
            return None
        # A shorter value that the best one extends comes first ("Military Forces of Iran (1989-)"
        # before "... (1989-) Islamic Revolutionary Guard Corps"): typing on reaches the longer.
        standard = actor_list(self.codebook).get if field in ACTOR_FIELDS else None
        shorter = [c for tier in tiers for c in tier if len(c) < len(best)
                   and best.casefold().startswith(c.casefold()) and _fits(c.casefold(), folded)
                   and (standard is None or standard(best) is None or standard(c) is not None)]
        found = min(shorter, key=len, default=best)
        # An entity's words may start with its article ("The Civil Human Rights Front"): the actor's
        # name does not. It is dropped from what is taken only, so that "U" still gives the standard
        # "Unidentified Armed Group (...)" before the article's "the United Nations".
        return head + (_without_article(found) if field in ACTOR_FIELDS else found)

    def describe(self, field: str, value: str) -> str:
        """A short note about a completed value: a standard actor's type, where the field is an actor."""
        if field in ACTOR_FIELDS:
            actor = actor_list(self.codebook).get(value.split(";")[-1].strip())
            if actor is not None:
                kind = f"{actor.kind}, an associated actor" if actor.kind else INTER_CODES.get(actor.inter, '')
                return f"{kind}{', ' + actor.country if actor.country else ''}"
        return ""


def _without_article(words: str) -> str:
    first, _, rest = words.partition(" ")
    return rest if rest and first.casefold() in ARTICLES else words


def _name(words: str) -> str:
    """The words without the article or preposition before a name ("The Civil Human Rights Front")."""
    parts = words.split()
    while len(parts) > 1 and parts[0].casefold() in FUNCTION_WORDS:
        parts = parts[1:]
    return " ".join(parts)


def _fits(candidate: str, typed: str) -> bool:
    return candidate.startswith(typed) or (len(typed) >= 2 and _word_starts(candidate, typed))


def _word_starts(candidate: str, typed: str) -> bool:
    """Whether ``typed`` begins at a word of ``candidate`` ("syria" in "forces of syria (2000")."""
    at = candidate.find(typed)
    while at != -1:
        if at == 0 or not candidate[at - 1].isalnum():
            return True
        at = candidate.find(typed, at + 1)
    return False


def _whole_word(candidate: str, typed: str) -> bool:
    """Whether ``typed`` is a whole word of ``candidate`` (or ends at the end of one)."""
    at = candidate.find(typed)
    while at != -1:
        end = at + len(typed)
        if (at == 0 or not candidate[at - 1].isalnum()) and (end == len(candidate) or not candidate[end].isalnum()):
            return True
        at = candidate.find(typed, at + 1)
    return False
