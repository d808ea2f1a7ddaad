"""Loads and validates a codebook: entity labels, event types, sub-types and roles.

A codebook is a TOML file (``tui/codebooks/acled.toml`` is the default). Validation happens once at
load time so that the rest of the program can trust it; every problem is reported as one
``CodebookError`` line naming the file and the offending entry.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from .actors import StandardActor
from .countries import country as find_country

CARDINALITIES = ("1", "?", "*", "+")
ACLED_COLUMNS = (
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "event_date", "fatalities",
    "sub_event_type", "notes", "tags",
)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_PICK_KEYS = "abcdefghijklmnopqrstuvwxyz0123456789"  # what a role or an event type may have as its key
# Keys given, when those are all taken, to the roles of a large codebook (KAIROS has 41): shift+letter.
_OVERFLOW_KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# A sub-type's key is its place in its type's list: 1 to 9, then a to z (ACE's Justice has 13).
SUBTYPE_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"
MAX_SUBTYPES = len(SUBTYPE_KEYS)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\-.]*$")  # dots for KAIROS-style "Conflict.Attack"


class CodebookError(ValueError):
    """A codebook that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class EntityLabel:
    name: str
    colour: str
    key: str = ""
    description: str = ""


@dataclass(frozen=True)
class Role:
    name: str
    labels: tuple[str, ...]
    acled: str
    style: str = "underline"
    key: str = ""  # the one key that picks this role, whatever the event type or the entity

    def takes(self, entity_label: str | None) -> bool:
        """Whether an entity of this label may fill the role; any span that is no entity (None) may,
        and so may any entity where the role names no labels."""
        return entity_label is None or not self.labels or entity_label in self.labels


@dataclass(frozen=True)
class RoleSlot:
    """A role as one event type uses it: its cardinality and the ACLED column it fills there."""

    role: Role
    cardinality: str
    acled: str

    @property
    def required(self) -> bool:
        return self.cardinality in ("1", "+")

    @property
    def repeatable(self) -> bool:
        return self.cardinality in ("*", "+")


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    disorder_type: str
    subtypes: tuple[str, ...]
    slots: dict[str, RoleSlot]
    triggers: tuple[str, ...] = ()
    subtype_keywords: dict[str, str] = field(default_factory=dict)
    short: str = ""  # a short name for narrow columns (ACLED's own: ERV, VAC); the label if none
    key: str = ""  # the type's key in the type picker; a sub-type's is this key and its place: "e1"
    # ACLED's event_type column where it is not the label: ACLED's Arrests and Agreement are sub-event
    # types of "Strategic developments", kept apart here for their own roles and picker keys
    acled_event_type: str = ""

    @property
    def acled_type(self) -> str:
        return self.acled_event_type or self.label

    def subtype_code(self, subtype: str) -> str:
        return f"{self.key}{SUBTYPE_KEYS[self.subtypes.index(subtype)]}"

    def kind(self, subtype: str) -> str:
        """Type and sub-type in few characters: "ERV: Air/drone strike", "Arrests" (not twice)."""
        short = self.short or self.label
        return short if not subtype or subtype == short else f"{short}: {subtype}"

    def roles_for_label(self, entity_label: str | None) -> list[str]:
        """The roles of this type that an entity of this label (or a free span, None) may fill."""
        return [name for name, slot in self.slots.items() if slot.role.takes(entity_label)]


@dataclass(frozen=True)
class Codebook:
    name: str
    version: str
    path: str
    entity_labels: dict[str, EntityLabel]
    roles: dict[str, Role]
    event_types: dict[str, EventType]
    description: str = ""

    def kind_of(self, type_name: str, subtype: str, full: bool = False) -> str:
        """A type and sub-type as the coder reads them ("ERV: Air/drone strike", with ``full``
        "Explosions/Remote violence: Air/drone strike"), never the codebook's identifier alone."""
        etype = self.event_types.get(type_name)
        if etype is None:
            return f"{type_name}: {subtype}" if subtype else type_name
        if full:
            return etype.label if not subtype or subtype == etype.label else f"{etype.label}: {subtype}"
        return etype.kind(subtype)
    actors: tuple[StandardActor, ...] = ()  # named standard actors
    actor_patterns: tuple[StandardActor, ...] = ()  # made for every country: name holds "{country}"

    def label_for_key(self, key: str) -> EntityLabel | None:
        for label in self.entity_labels.values():
            if label.key == key:
                return label
        return None

    def colour(self, label: str) -> str:
        entry = self.entity_labels.get(label)
        return entry.colour if entry else "#aaaaaa"


DEFAULT_CODEBOOK = "acled"


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load the named built-in codebook or a TOML file; raise CodebookError on any problem."""
    if path is None or str(path) in _builtin_names():
        name = DEFAULT_CODEBOOK if path is None else str(path)
        folder = resources.files("tui.codebooks")
        source = folder.joinpath(f"{name}.toml")
        where = f"codebook {name}"
        text = source.read_text(encoding="utf-8")
    else:
        where = str(path)
        folder = Path(path).parent
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            names = ", ".join(sorted(_builtin_names(), key=lambda n: (n != DEFAULT_CODEBOOK, n)))
            raise CodebookError(f"{where}: no such file, and no built-in codebook of that name ({names})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CodebookError(f"{where}: cannot be read ({exc.__class__.__name__})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CodebookError(f"{where}: not valid TOML ({exc})") from None
    codebook = parse_codebook(data, where)
    actors_file = data.get("actors", "")
    if not actors_file:
        return codebook
    if not isinstance(actors_file, str):
        raise CodebookError(f"{where}: 'actors' must name a TOML file beside the codebook")
    actor_where = f"{where}: actor list {actors_file}"
    try:
        actor_data = tomllib.loads(folder.joinpath(actors_file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CodebookError(f"{actor_where}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(f"{actor_where}: cannot be read ({exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise CodebookError(f"{actor_where}: not valid TOML ({exc})") from None
    actors, patterns = parse_actors(actor_data, actor_where)
    return dataclasses.replace(codebook, actors=actors, actor_patterns=patterns)


def parse_actors(data: dict, where: str) -> tuple[tuple[StandardActor, ...], tuple[StandardActor, ...]]:
    """Check an actor list ([[actor]] and [[pattern]] entries) and build its StandardActors."""

    def fail(msg: str):
        raise CodebookError(f"{where}: {msg}")

    unknown = set(data) - {"actor", "pattern"}
    if unknown:
        fail(f"unknown section {sorted(unknown)[0]!r} (expected [[actor]] and [[pattern]] entries)")
    built: dict[str, list[StandardActor]] = {"actor": [], "pattern": []}
    seen: set[str] = set()
    for section in ("actor", "pattern"):
        entries = data.get(section, [])
        if not isinstance(entries, list):
            fail(f"'{section}' must be a list of [[{section}]] tables")
        for number, entry in enumerate(entries, 1):
            name = entry.get("name") if isinstance(entry, dict) else None
            label = f"{section} {name!r}" if isinstance(name, str) and name.strip() else f"{section} number {number}"
            if not isinstance(name, str) or not name.strip():
                fail(f"{label}: needs a name")
            if name in seen:
                fail(f"{label}: the name is listed twice")
            seen.add(name)
            inter = entry.get("inter")
            if isinstance(inter, bool) or not isinstance(inter, int) or not 1 <= inter <= 8:
                fail(f"{label}: inter {inter!r} is not an ACLED actor type 1 to 8")
            aliases = entry.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                fail(f"{label}: aliases must be a list of non-empty strings")
            country = entry.get("country", "")
            if section == "pattern":
                if "{country}" not in name:
                    fail(f"{label}: a pattern's name must hold {{country}}")
                country = ""
            elif not isinstance(country, str):
                fail(f"{label}: country must be a string")
            elif country:
                known = find_country(country)
                if known is None:
                    fail(f"{label}: unknown country {country!r}")
                if known.name != country:
                    fail(f"{label}: country {country!r} is spelt {known.name!r} here")
            unknown_keys = set(entry) - {"name", "inter", "country", "aliases"}
            if unknown_keys:
                fail(f"{label}: unknown key {sorted(unknown_keys)[0]!r}")
            built[section].append(StandardActor(name.strip(), inter, country, tuple(a.strip() for a in aliases)))
    return tuple(built["actor"]), tuple(built["pattern"])


def builtin_codebook_names() -> set[str]:
    """The codebooks shipped in ``tui/codebooks/`` (acled, ace2005, kairos)."""
    return _builtin_names()


def _builtin_names() -> set[str]:
    folder = resources.files("tui.codebooks")
    return {p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml") and p.is_file()}


def parse_codebook(data: dict, where: str) -> Codebook:
    """Check every entry of a parsed codebook and build the typed Codebook."""

    def fail(msg: str):
        raise CodebookError(f"{where}: {msg}")

    for key in ("name", "version", "entity_labels", "roles", "event_types"):
        if key not in data:
            fail(f"missing top-level key '{key}'")
    labels = {}
    keys_seen: dict[str, str] = {}
    for name, entry in _tables(data["entity_labels"], "entity_labels", fail):
        colour = entry.get("colour", "")
        if not _COLOUR.match(str(colour)):
            fail(f"entity label {name}: colour {colour!r} is not #rrggbb")
        key = str(entry.get("key", ""))
        if key:
            if key not in "123456789" or len(key) != 1:
                fail(f"entity label {name}: key {key!r} is not a digit 1 to 9")
            if key in keys_seen:
                fail(f"entity label {name}: key {key} is already used by {keys_seen[key]}")
            keys_seen[key] = name
        labels[name] = EntityLabel(name, colour, key, str(entry.get("description", "")))
    roles = {}
    for name, entry in _tables(data["roles"], "roles", fail):
        role_labels = entry.get("labels", [])
        if not isinstance(role_labels, list):
            fail(f"role {name}: labels must be a list")
        for lab in role_labels:
            if lab not in labels:
                fail(f"role {name}: unknown entity label {lab!r}")
        acled = entry.get("acled", "")
        if acled and acled not in ACLED_COLUMNS:
            fail(f"role {name}: unknown ACLED column {acled!r}")
        roles[name] = Role(name, tuple(role_labels), acled, str(entry.get("style", "underline")),
                           str(entry.get("key", "")))
    types = {}
    for name, entry in _tables(data["event_types"], "event_types", fail):
        subtypes = entry.get("subtypes", [])
        if not subtypes or not isinstance(subtypes, list):
            fail(f"event type {name}: needs a non-empty list of subtypes")
        slot_spec = entry.get("roles", {})
        if not isinstance(slot_spec, dict) or not slot_spec:
            fail(f"event type {name}: needs a table of roles")
        overrides = entry.get("acled", {})
        slots = {}
        for role_name, card in slot_spec.items():
            if role_name not in roles:
                fail(f"event type {name}: unknown role {role_name!r}")
            if card not in CARDINALITIES:
                fail(f"event type {name}: role {role_name} has cardinality {card!r}, not one of 1 ? * +")
            column = overrides.get(role_name, roles[role_name].acled)
            if column and column not in ACLED_COLUMNS:
                fail(f"event type {name}: unknown ACLED column {column!r} for role {role_name}")
            slots[role_name] = RoleSlot(roles[role_name], card, column)
        keywords = entry.get("subtype_keywords", {})
        for word, sub in keywords.items():
            if sub not in subtypes:
                fail(f"event type {name}: keyword {word!r} names unknown subtype {sub!r}")
        types[name] = EventType(
            name, str(entry.get("label", name)), str(entry.get("disorder_type", "")), tuple(subtypes),
            slots, tuple(entry.get("triggers", [])), dict(keywords), str(entry.get("short", "")),
            str(entry.get("key", "")), str(entry.get("acled_event_type", "")),
        )
        if len(subtypes) > MAX_SUBTYPES:
            fail(f"event type {name}: more than {MAX_SUBTYPES} subtypes (a sub-type's key is its place, "
                 f"1 to 9 then a to z)")
    if not types:
        fail("defines no event types")
    roles = _with_keys(roles, "role", fail)
    types = _with_keys(types, "event type", fail)
    for etype in types.values():  # the slots were made with the roles before they had their keys
        etype.slots.update({n: RoleSlot(roles[n], s.cardinality, s.acled) for n, s in etype.slots.items()})
    return Codebook(
        str(data["name"]), str(data["version"]), where, labels, roles, types,
        str(data.get("description", "")),
    )


def _with_keys(entries: dict, what: str, fail) -> dict:
    """Check each entry's key (one lower-case letter or digit, not used twice); an entry without one
    gets the first letter of its name still free, then any free key (then an upper-case letter, when
    all 36 are taken), in the codebook's order, so that the same codebook always gives the same keys."""
    used: dict[str, str] = {}
    for name, entry in entries.items():
        if entry.key:
            if len(entry.key) != 1 or entry.key not in _PICK_KEYS:
                fail(f"{what} {name}: key {entry.key!r} is not one lower-case letter or digit")
            if entry.key in used:
                fail(f"{what} {name}: key {entry.key} is already used by {used[entry.key]}")
            used[entry.key] = name
    keyed = {}
    for name, entry in entries.items():
        if not entry.key:
            free = [c for c in name.lower() + _PICK_KEYS + name.upper() + _OVERFLOW_KEYS
                    if c in _PICK_KEYS + _OVERFLOW_KEYS and c not in used]
            if not free:
                fail(f"{what} {name}: no key left for it")
            entry = replace(entry, key=free[0])
            used[entry.key] = name
        keyed[name] = entry
    return keyed


def _tables(section, section_name: str, fail):
    if not isinstance(section, dict):
        fail(f"'{section_name}' must be a table")
    for name, entry in section.items():
        if not _NAME.match(name):
            fail(f"{section_name}: name {name!r} must start with a letter and hold letters, digits, _, - or .")
        if not isinstance(entry, dict):
            fail(f"{section_name}.{name} must be a table")
        yield name, entry
