"""Standard actors: ACLED-style actor names with their actor type (inter code) and country.

A codebook carries a list of named actors and of generic patterns that are made for every
country ("Protesters ({country})" -> "Protesters (Belarus)"); see
``tui/codebooks/data/acled_actors.toml``. ``actor_list(codebook)`` builds the list once per
codebook. ``ActorList.match`` links a coded span ("pro-Assad fighters", "the United States'",
"protesters" in Belarus) to its standard actor; the span itself stays the evidence.

A codebook with an actor list also gets the named non-state groups of
``tui/codebooks/data/named_groups.csv`` (``named_groups()``: "JAD: Jamaah Ansharut Daulah", "Al
Shabaab"; the file says where they come from), listed after the codebook's own actors and the ones its
patterns make, so that a country's generic actors complete first; and ACLED's religious groups of
``tui/codebooks/data/religious_groups.csv`` (``religious_groups()``: "Muslim Group (New Zealand)"), made
for every country like a pattern, the associated actors of an event's civilians. Their words ("Muslims")
never link a span to them (``match``: the span is the civilians); ``religious_group`` finds the group an
entity's words name, for completion.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from .countries import all_countries, name_key

INTER_CODES = {
    1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}
STATE_FORCES, RIOTERS, PROTESTERS, CIVILIANS = 1, 5, 6, 7
_THE = re.compile(r"^(United |Republic |Democratic |Central African|Gambia$)|(Islands|Philippines|Netherlands|"
                  r"Bahamas|Maldives|Comoros|Seychelles|Emirates)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z.\-]{0,5}$")
# A crowd (protesters, rioters, civilians) is the actor even when a named group leads it: ACLED codes
# "PTI protesters" as Protesters with the party as associated actor, so a named modifier wins only
# over the generic words of armed and state actors.
CROWD_INTERS = (RIOTERS, PROTESTERS, CIVILIANS)


@dataclass(frozen=True)
class StandardActor:
    name: str  # "Military Forces of Syria (2000-2024)", "Protesters (Belarus)"
    inter: int  # ACLED inter code 1..8
    country: str  # country name as the gazetteer uses it, "" for international
    aliases: tuple[str, ...] = ()
    kind: str = ""  # what it is when no inter code says it: "Religious group" (an associated actor)


RELIGIOUS_GROUP = "Religious group"


def inter_for(actor: StandardActor, event_country: str = "") -> int:
    """The actor's inter code in an event: state forces acting outside their own country are
    "External/Other forces" (8), as ACLED codes them."""
    if actor.inter == STATE_FORCES and actor.country and event_country and actor.country != event_country:
        return 8
    return actor.inter


def country_in_pattern(pattern: str, country: str) -> str:
    """A pattern's name for one country; "of {country}" takes "the" where English does."""
    if "of {country}" in pattern:
        return pattern.replace("{country}", country_in_prose(country))
    return pattern.replace("{country}", country)


def country_in_prose(country: str) -> str:
    """The country's name as a sentence says it: "the United Kingdom", "Syria"."""
    return f"the {country}" if _THE.search(country) else country


@cache
def named_groups() -> tuple[StandardActor, ...]:
    """The named armed and political groups shipped with newsmark (``named_groups.csv``)."""
    where = "tui/codebooks/data/named_groups.csv"
    lines = files("tui.codebooks").joinpath("data", "named_groups.csv").read_text(encoding="utf-8").splitlines()
    rows = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    out = []
    for (n, _), row in zip(rows[1:], csv.reader(line for _, line in rows[1:])):
        if len(row) != 4 or not row[0].strip() or not row[1].strip().isdigit() or not 1 <= int(row[1]) <= 8:
            raise ValueError(f"{where} line {n}: want name,inter (1-8),country,aliases; got {row}")
        name, inter, country, aliases = (cell.strip() for cell in row)
        out.append(StandardActor(name, int(inter), country, tuple(a.strip() for a in aliases.split(";") if a.strip())))
    return tuple(out)


@cache
def religious_groups() -> tuple[StandardActor, ...]:
    """ACLED's religious groups as patterns ("Muslim Group ({country})"), their aliases the words that
    name the religion's people (``religious_groups.csv``)."""
    where = "tui/codebooks/data/religious_groups.csv"
    lines = files("tui.codebooks").joinpath("data", "religious_groups.csv").read_text(encoding="utf-8").splitlines()
    rows = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    out = []
    for (n, _), row in zip(rows[1:], csv.reader(line for _, line in rows[1:])):
        if len(row) != 2 or not row[0].strip():
            raise ValueError(f"{where} line {n}: want religion,words; got {row}")
        words = tuple(w.strip() for w in row[1].split(";") if w.strip())
        out.append(StandardActor(f"{row[0].strip()} Group ({{country}})", CIVILIANS, "", words, RELIGIOUS_GROUP))
    return tuple(out)


class ActorList:
    """The named actors of a codebook plus its patterns made for every country, then ``groups``, then
    the ``religions`` made for every country."""

    def __init__(self, actors: tuple[StandardActor, ...], patterns: tuple[StandardActor, ...],
                 groups: tuple[StandardActor, ...] = (), religions: tuple[StandardActor, ...] = ()) -> None:
        known = {a.name for a in actors}
        self._named = list(actors) + [g for g in groups if g.name not in known]
        self._by_name: dict[str, StandardActor] = {}
        self._order: list[StandardActor] = []
        for actor in actors:
            self._add(actor)
        self._generic: dict[str, list[tuple[str, StandardActor]]] = {}  # country -> [(alias key, actor)]
        # A country's generic actors that belong where the event is (its civilians, protesters, rioters,
        # unnamed armed men), not state forces, who may act abroad: name -> pattern, and back.
        self._pattern_of: dict[str, str] = {}
        self._by_pattern: dict[tuple[str, str], StandardActor] = {}
        for country in (c.name for c in all_countries()):
            for pattern in patterns:
                name = country_in_pattern(pattern.name, country)
                stem = _stem(name)
                stand_ins = [a for a in actors if a.country == country and _stem(a.name).startswith(stem)]
                stand_in = min(stand_ins, key=lambda a: len(a.name)) if stand_ins else None
                actor = stand_in or StandardActor(name, pattern.inter, country, ())
                if pattern.inter != STATE_FORCES:
                    self._pattern_of[actor.name] = pattern.name
                    self._by_pattern[(pattern.name, country)] = actor
                if stand_in is None:
                    self._add(actor)
                aliases = self._generic.setdefault(country, [])
                aliases.extend((name_key(alias), actor) for alias in pattern.aliases)
        for actor in self._named[len(actors):]:  # the groups: after the generic actors
            self._add(actor)
        self._religion_words: dict[tuple[str, str], StandardActor] = {}  # (word key, country) -> group
        for country in (c.name for c in all_countries()):
            for religion in religions:
                group = StandardActor(religion.name.replace("{country}", country), religion.inter, country, (),
                                      religion.kind)
                self._pattern_of[group.name] = religion.name  # local: it moves with the event's country
                self._by_pattern[(religion.name, country)] = group
                self._add(group)
                self._religion_words.update(((name_key(w), country), group) for w in religion.aliases)
        self._alias_index: list[tuple[str, str, StandardActor]] = []  # (key, alias as written, actor)
        self._exact: dict[str, list[StandardActor]] = {}
        for actor in self._named:
            for alias in (actor.name, *actor.aliases):
                self._alias_index.append((name_key(alias), alias, actor))
                self._exact.setdefault(name_key(alias), []).append(actor)

    def _add(self, actor: StandardActor) -> None:
        if actor.name not in self._by_name:
            self._by_name[actor.name] = actor
            self._order.append(actor)

    def __len__(self) -> int:
        return len(self._order)

    def names(self, country: str | None = None) -> list[str]:
        """Every standard name; the given country's actors (then international ones) first."""
        if not country:
            return [a.name for a in self._order]
        first = [a.name for a in self._order if a.country == country]
        middle = [a.name for a in self._order if a.country == ""]
        rest = [a.name for a in self._order if a.country not in (country, "")]
        return first + middle + rest

    def is_local(self, actor: StandardActor) -> bool:
        """Whether the actor is a country's generic one that belongs where the event is ("Civilians
        (Syria)", "Sole Perpetrator (Iraq)"): no named group, no state forces (they act abroad)."""
        return actor.name in self._pattern_of

    def in_country(self, actor: StandardActor, country: str) -> StandardActor:
        """The same local actor in another country ("Civilians (Syria)" in Iraq: "Civilians (Iraq)");
        any other actor, or an unknown country, gives the actor itself."""
        pattern = self._pattern_of.get(actor.name)
        return self._by_pattern.get((pattern, country), actor) if pattern else actor

    def get(self, name: str) -> StandardActor | None:
        return self._by_name.get(name.strip()) if name else None

    def religious_group(self, words: str, country: str | None) -> StandardActor | None:
        """The country's religious group that ``words`` name as a whole ("Muslims", "Muslim" in New
        Zealand: "Muslim Group (New Zealand)"), else None; for completion only, never a span's actor."""
        return self._religion_words.get((name_key(words), country)) if words and country else None

    def match(self, text: str, country: str | None = None) -> StandardActor | None:
        """The standard actor a span or typed text names, or None.

        An exact standard name or alias wins (the event's country's actor first, then an
        international one); else the alias that ends last in the text (the head of an English
        noun phrase is its last word: "US-backed SDF fighters" -> SDF), a named actor right before
        the generic word of an armed or state actor ending with it ("JAD militants" -> JAD, not the
        generic armed group); generic aliases ("protesters") count only when the country is known. Short acronyms ("IS", "US") match
        only as written, in capitals."""
        if not text or not text.strip():
            return None
        if text.strip() in self._by_name:
            return self._by_name[text.strip()]
        whole = name_key(re.sub(r"['\u2019]s?$", "", text.strip()))
        if not whole:
            return None
        exact = list(self._exact.get(whole, ()))
        exact += [a for k, a in self._generic.get(country or "", []) if k == whole]
        if exact:
            return _prefer(exact, country)
        padded = f" {whole} "
        words = whole.split()
        found: list[tuple] = []  # (where it ends, named, key length, actor[, key])
        for key, written, actor in self._alias_index:
            if not key or f" {key} " not in padded:
                continue
            if len(key) <= 3 and not (_ACRONYM.match(written) and re.search(rf"\b{re.escape(written)}\b", text)):
                continue
            found.append((_end(words, key), 1, len(key), actor, key))
        for key, actor in self._generic.get(country or "", []):
            if key and f" {key} " in padded:
                found.append((_end(words, key), 0, len(key), actor, key))
        armed = [key for _, named, _, actor, key in found if not named and actor.inter not in CROWD_INTERS]
        for i, (end, named, size, actor, key) in enumerate(found):
            if named:  # "JAD militants": the generic word says what JAD is, and JAD's phrase ends there
                found[i] = (max([end] + [_end_as_modifier(words, key, generic) for generic in armed]),
                            named, size, actor, key)
        if not found:
            return None
        best = max(f[:3] for f in found)
        return _prefer([f[3] for f in found if f[:3] == best], country)


def _stem(name: str) -> str:
    return name_key(name).replace(" the ", " ")


def _end_as_modifier(words: list[str], named: str, generic: str) -> int:
    """Where the phrase ends in which the named actor's words stand right before the generic word,
    as its noun modifier ("Jamaah Ansharut Daulah militants", "Taliban gunmen"), else 0; not inside
    a compound of "pro-" or "anti-" ("pro-Assad militants" are not Assad's forces)."""
    phrase = named.split() + generic.split()
    for i in range(len(words) - len(phrase), -1, -1):
        if words[i:i + len(phrase)] == phrase and (i == 0 or words[i - 1] not in ("pro", "anti")):
            return i + len(phrase)
    return 0


def _end(words: list[str], key: str) -> int:
    """Where the last occurrence of ``key``'s words ends in ``words`` (a word index)."""
    parts = key.split()
    for i in range(len(words) - len(parts), -1, -1):
        if words[i:i + len(parts)] == parts:
            return i + len(parts)
    return 0


def _prefer(candidates: list[StandardActor], country: str | None) -> StandardActor:
    """The event's country's actor first, then an international one, then the group's branch where the
    event is (``_branch_in``), then the first listed."""
    for wanted in (country, ""):
        for actor in candidates:
            if wanted is not None and actor.country == wanted:
                return actor
    return _branch_in(candidates, country) or candidates[0]


def _branch_in(candidates: list[StandardActor], country: str | None) -> StandardActor | None:
    """A group ACLED names after the country each branch acts in ("Islamic State (Syria)", "Islamic State
    (Iraq)"), named in an event of a country it has no listed branch in: its branch there ("Islamic State
    (Tunisia)"), not another country's. None unless the candidates are branches of one group in two or
    more countries and the event's country is known."""
    if not country:
        return None
    bases = {a.name[: -len(f" ({a.country})")] for a in candidates
             if a.country and a.name.endswith(f" ({a.country})")}
    branches = {a.country for a in candidates if a.country}
    if len(bases) != 1 or len(branches) < 2 or any(not a.name.endswith(f" ({a.country})") for a in candidates):
        return None
    return StandardActor(f"{bases.pop()} ({country})", candidates[0].inter, country, ())


_cache: dict[int, tuple[object, ActorList]] = {}


def actor_list(codebook) -> ActorList:
    """The codebook's actor list, built once per codebook object."""
    hit = _cache.get(id(codebook))
    if hit is not None and hit[0] is codebook:
        return hit[1]
    actors, patterns = tuple(getattr(codebook, "actors", ())), tuple(getattr(codebook, "actor_patterns", ()))
    listed = actors or patterns
    built = ActorList(actors, patterns, named_groups() if listed else (), religious_groups() if listed else ())
    _cache[id(codebook)] = (codebook, built)
    return built
