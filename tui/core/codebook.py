"""Loads and validates a codebook: entity labels, event types, sub-types and roles.

A codebook is a TOML file (``tui/codebooks/acled.toml`` is the default). Validation happens once at
load time so that the rest of the program can trust it; every problem is reported as one
``CodebookError`` line naming the file and the offending entry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

CARDINALITIES = ("1", "?", "*", "+")
ACLED_COLUMNS = (
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "event_date", "fatalities",
    "sub_event_type", "notes", "tags",
)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
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

    def roles_for_label(self, entity_label: str | None) -> list[str]:
        """The roles of this type that an entity of this label (or a free span, None) may fill."""
        out = []
        for name, slot in self.slots.items():
            allowed = slot.role.labels
            if not allowed or entity_label is None or entity_label in allowed:
                out.append(name)
        return out


@dataclass(frozen=True)
class Codebook:
    name: str
    version: str
    path: str
    entity_labels: dict[str, EntityLabel]
    roles: dict[str, Role]
    event_types: dict[str, EventType]
    description: str = ""

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
        source = resources.files("tui.codebooks").joinpath(f"{name}.toml")
        where = f"codebook {name}"
        text = source.read_text(encoding="utf-8")
    else:
        where = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CodebookError(f"{where}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CodebookError(f"{where}: cannot be read ({exc.__class__.__name__})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CodebookError(f"{where}: not valid TOML ({exc})") from None
    return parse_codebook(data, where)


def builtin_codebook_names() -> set[str]:
    """The codebooks shipped in ``tui/codebooks/`` (acled, ace2005, kairos)."""
    return _builtin_names()


def _builtin_names() -> set[str]:
    folder = resources.files("tui.codebooks")
    return {p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")}


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
        roles[name] = Role(name, tuple(role_labels), acled, str(entry.get("style", "underline")))
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
            slots, tuple(entry.get("triggers", [])), dict(keywords),
        )
    if not types:
        fail("defines no event types")
    return Codebook(
        str(data["name"]), str(data["version"]), where, labels, roles, types,
        str(data.get("description", "")),
    )


def _tables(section, section_name: str, fail):
    if not isinstance(section, dict):
        fail(f"'{section_name}' must be a table")
    for name, entry in section.items():
        if not _NAME.match(name):
            fail(f"{section_name}: name {name!r} must start with a letter and hold letters, digits, _, - or .")
        if not isinstance(entry, dict):
            fail(f"{section_name}.{name} must be a table")
        yield name, entry
