"""Project figures for ``newsmark stats``: articles by status, entities by label, events by type, warnings.

It lives beside the exporters because it walks the project the same way (one article open at a
time) and warns about what would export badly: spans outside the text, overlapping accepted
entities (``doc.ents`` and CoNLL keep only one), events without a trigger (brat drops them),
labels, types and roles the codebook does not know, and required roles left empty.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from ..codebook import Codebook
from ..validation import validate_event


@dataclass
class ProjectStats:
    articles: Counter = field(default_factory=Counter)  # article status -> count
    entities: dict[str, Counter] = field(default_factory=dict)  # label -> status -> count
    events: dict[str, Counter] = field(default_factory=dict)  # type -> status -> count
    warnings: list[str] = field(default_factory=list)
    reviewed: int = 0  # articles whose entity layer a person has reviewed (training exports take these)


def project_stats(store, codebook: Codebook, progress: Callable[[int], None] | None = None) -> ProjectStats:
    stats = ProjectStats()
    rows = store.rows()
    for row in rows:
        stats.articles[row.get("status", "todo")] += 1
    for done, (row, session) in enumerate(store.readable_sessions(rows), start=1):
        _article(stats, codebook, row, session)
        stats.reviewed += session.reviewed
        if progress:
            progress(done)
    return stats


def _article(stats: ProjectStats, codebook: Codebook, row: dict, session) -> None:
    where = f"{row['id']} ({row.get('title', '')[:40]})"
    length = len(session.article.text)
    accepted = []
    for ent in session.entities.values():
        stats.entities.setdefault(ent.label, Counter())[ent.status] += 1
        if not 0 <= ent.start < ent.end <= length:
            stats.warnings.append(f"{where}: entity {ent.id} [{ent.start}, {ent.end}) is outside the text")
        if ent.label not in codebook.entity_labels:
            stats.warnings.append(f"{where}: entity label {ent.label} is not in codebook {codebook.name}")
        if ent.status == "accepted":
            accepted.append(ent)
    accepted.sort(key=lambda e: (e.start, e.end))
    for a, b in zip(accepted, accepted[1:]):
        if b.start < a.end:
            stats.warnings.append(f"{where}: accepted entities {a.id} and {b.id} overlap")
    entities = list(session.entities.values())
    for ev in session.events.values():
        stats.events.setdefault(ev.type, Counter())[ev.status] += 1
        if ev.status == "rejected":
            continue
        etype = codebook.event_types.get(ev.type)
        if etype is None:
            stats.warnings.append(f"{where}: event {ev.id} has type {ev.type}, not in codebook {codebook.name}")
            continue
        if ev.trigger_start is None:
            stats.warnings.append(f"{where}: event {ev.id} ({ev.type}) has no trigger")
        # the warnings the event panel shows beside it (roles, values, ACLED's coding rules), counted here
        for warning in validate_event(codebook, ev, session.article.text, entities, session.article.published,
                                      session.article.title):
            stats.warnings.append(f"{where}: event {ev.id} ({ev.type}): {warning}")
