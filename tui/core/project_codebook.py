"""The codebook a project was created with, remembered in its index so later commands need no flag.

A project stores the codebook's source (a built-in name such as ``kairos``, or the absolute path of a
TOML file) the first time a command opens it. A different ``--codebook`` given later is refused with
one line, unless the user says ``--codebook-change``: annotations coded with one set of types do not
silently become another's.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .codebook import DEFAULT_CODEBOOK, Codebook, CodebookError, builtin_codebook_names, load_codebook

META_KEY = "codebook"


def codebook_source(requested: str | None) -> str:
    """How a project records a codebook: its built-in name, or the TOML file's absolute path."""
    if requested is None:
        return DEFAULT_CODEBOOK
    if requested in builtin_codebook_names():
        return requested
    return str(Path(requested).expanduser().resolve())


def project_codebook(store, requested: str | None = None, change: bool = False, remember: bool = True) -> Codebook:
    """The project's codebook: the remembered one, or ``requested`` when it is new (or ``change``).
    A read-only command (``remember`` False) may look through another codebook without changing it;
    a store opened read-only (``export``) is checked against the remembered codebook, never written."""
    if not remember:
        stored = store.meta(META_KEY)
        return load_codebook(stored["source"] if stored and requested is None else codebook_source(requested))
    codebook, record = checked_codebook(store, requested, change)
    if record is not None and not store.read_only:
        remember_codebook(store, record)
    return codebook


def checked_codebook(store, requested: str | None = None, change: bool = False) -> tuple[Codebook, dict | None]:
    """The codebook a command is to use, refused when it is not the project's (without ``change``),
    and the record to remember once the command has done its work (None: nothing new)."""
    stored = store.meta(META_KEY)
    source = stored["source"] if stored and requested is None else codebook_source(requested)
    if stored and source != stored["source"] and not change:
        raise CodebookError(
            f"{store.path}: this project uses codebook {stored['source']}, not {source}; "
            f"give --codebook-change to switch (its annotations keep their types)")
    codebook = load_codebook(source)
    record = {"source": source, "name": codebook.name, "version": codebook.version}
    return codebook, (None if stored == record else record)


def remember_codebook(store, record: dict) -> None:
    """Keep ``record`` (from ``checked_codebook``) as the project's codebook."""
    store.set_meta(META_KEY, record)


def check_requested(requested: str | None) -> None:
    """Refuse a ``--codebook`` that does not load before a command creates anything (CodebookError)."""
    if requested is not None:
        load_codebook(codebook_source(requested))


def misfit_line(docs, codebook: Codebook) -> str | None:
    """One line counting the imported event types and entity labels that are not in ``codebook``
    (kept as given), naming a built-in codebook that holds them all; None when everything fits."""
    types = Counter(ev.type for doc in docs for ev in doc.events if ev.type not in codebook.event_types)
    labels = Counter(e.label for doc in docs for e in doc.entities if e.label not in codebook.entity_labels)
    if not types and not labels:
        return None
    said = []
    if types:
        said.append(f"{sum(types.values())} event(s) of {len(types)} type(s) ({_some(types)})")
    if labels:
        said.append(f"{sum(labels.values())} entities of {len(labels)} label(s) ({_some(labels)})")
    line = f"not in codebook {codebook.name}, kept as given: {', '.join(said)}"
    for name in sorted(builtin_codebook_names() - {codebook.name}):
        other = load_codebook(name)
        if all(_has_type(other, t) for t in types) and all(label in other.entity_labels for label in labels):
            return f"{line}; codebook {name} has them all (a new project: --codebook {name})"
    return line


def _has_type(codebook: Codebook, name: str) -> bool:
    """Whether ``codebook`` has the event type ``name`` as a research format writes it
    ("Conflict.Attack.DetonateExplode": the type and its sub-type)."""
    from .formats.ace_json import split_type

    head, sub = split_type(name, codebook)
    return head in codebook.event_types and (not sub or sub in codebook.event_types[head].subtypes)


def _some(counts: Counter, most: int = 3) -> str:
    """The ``most`` commonest names of ``counts``, with "..." when there are more."""
    names = [name for name, _ in counts.most_common(most)]
    return ", ".join(names) + (", ..." if len(counts) > most else "")
