"""Adjudication: where coders differ on an article, and taking one coder's version into a gold layer.

An article's annotations are cut into units: the entities of all coders that overlap one another
(merged into one stretch of text), and likewise the events whose triggers overlap. A unit where every
coder has the same records (same spans and labels; same trigger, type, sub-type, arguments and fields
for events, notes aside) is agreed; any other is a difference. The gold layer is an ordinary project
(its records carry the adjudicator's annotator name, "gold" by default): opening an article there the
first time copies in every agreed unit, and taking coder k's version of a difference replaces what the
gold layer holds in that stretch with copies of coder k's records, as one undoable, journaled action.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field, replace

from .model import Article, Entity, Event, new_id, now_iso
from .session import ArticleSession, change
from .store import Store
from .team import Team, Work

ENTITY, EVENT = "entity", "event"


@dataclass
class Unit:
    """One stretch of the article and each coder's records in it (``start`` None: events without a trigger)."""

    kind: str
    start: int | None
    end: int | None
    versions: list[list] = field(default_factory=list)

    @property
    def agreed(self) -> bool:
        return len({signature(self.kind, v) for v in self.versions}) == 1

    def holds(self, record) -> bool:
        """Whether a record (of this unit's kind) lies in this unit's stretch."""
        if self.kind == ENTITY:
            return record.start < self.end and self.start < record.end
        if record.trigger_start is None or self.start is None:
            return record.trigger_start is None and self.start is None
        return record.trigger_start < self.end and self.start < record.trigger_end


def signature(kind: str, records: list) -> tuple:
    """What must be equal for two coders to agree on a unit."""
    if kind == ENTITY:
        return tuple(sorted((e.start, e.end, e.label) for e in records))
    return tuple(sorted(event_signature(e) for e in records))


def event_signature(event: Event) -> tuple:
    args = sorted((a.role, -1 if a.start is None else a.start, -1 if a.end is None else a.end, a.value)
                  for a in event.arguments)
    fields = {k: v for k, v in event.fields.items() if k != "notes" and v not in (None, "")}
    return (-1 if event.trigger_start is None else event.trigger_start, event.trigger_end or -1,
            event.type, event.subtype, tuple(args), json.dumps(fields, sort_keys=True, default=str))


def _stretches(kind: str, works: list[Work], spans) -> list[Unit]:
    """Merge every coder's (start, end, coder, record) into units of overlapping spans."""
    items = sorted(spans, key=lambda item: (item[0], item[1]))
    units: list[Unit] = []
    for start, end, coder, record in items:
        if not units or start >= units[-1].end:
            units.append(Unit(kind, start, end, [[] for _ in works]))
        unit = units[-1]
        unit.end = max(unit.end, end)
        unit.versions[coder].append(record)
    return units


def units(works: list[Work]) -> list[Unit]:
    """Every unit of the article, entities and events, in text order."""
    entity_spans = [(e.start, e.end, c, e) for c, w in enumerate(works) for e in w.entities]
    event_spans = [(e.trigger_start, e.trigger_end, c, e) for c, w in enumerate(works) for e in w.events
                   if e.trigger_start is not None]
    out = _stretches(ENTITY, works, entity_spans) + _stretches(EVENT, works, event_spans)
    out.sort(key=lambda u: (u.start, u.kind))
    loose = [[e for e in w.events if e.trigger_start is None] for w in works]
    if any(loose):
        out.append(Unit(EVENT, None, None, loose))
    return out


def gold_records(unit: Unit, session: ArticleSession) -> list:
    """What the gold layer shows in the unit's stretch: its visible records of the unit's kind
    (accepted, and any suggestion the model made there if the gold project was opened in the app)."""
    records = session.entities.values() if unit.kind == ENTITY else session.events.values()
    return [r for r in records if r.status != "rejected" and unit.holds(r)]


def held_signature(unit: Unit, session: ArticleSession) -> tuple:
    """The signature of what the gold layer holds in the unit: its accepted records only."""
    return signature(unit.kind, [r for r in gold_records(unit, session) if r.status == "accepted"])


def gold_matches(unit: Unit, session: ArticleSession) -> list[int]:
    """The coders whose version of the unit the gold layer holds now."""
    held = held_signature(unit, session)
    return [c for c, version in enumerate(unit.versions) if signature(unit.kind, version) == held]


def gold_copy(record, annotator: str):
    """A copy of a coder's record for the gold layer: its own id, the adjudicator's name, accepted."""
    if isinstance(record, Entity):
        return replace(record, id=new_id("T"), annotator=annotator, status="accepted", created=now_iso(),
                       updated="")
    event = copy.deepcopy(record)
    event.id, event.annotator, event.status, event.created, event.updated = (
        new_id("E"), annotator, "accepted", now_iso(), "")
    return event


def _table(kind: str) -> str:
    return "entities" if kind == ENTITY else "events"


def take_changes(session: ArticleSession, unit: Unit, coder: int | None) -> list[dict]:
    """The changes that make the gold layer hold coder ``coder``'s version of the unit (None: nothing).
    What it held there goes; a model suggestion there is kept as rejected, as in the app."""
    version = [] if coder is None else unit.versions[coder]
    shown = gold_records(unit, session)
    if held_signature(unit, session) == signature(unit.kind, version) and all(
            r.status == "accepted" for r in shown):
        return []
    table = _table(unit.kind)
    changes = [change(table, r, replace(r, status="rejected", updated=now_iso())
                      if r.status == "suggested" else None) for r in shown]
    return changes + [change(table, None, gold_copy(r, session.annotator)) for r in version]


def take(session: ArticleSession, unit: Unit, coder: int | None, label: str) -> dict | None:
    """Take one version of a unit into the gold layer as one undoable action (None if nothing changes)."""
    return session.commit(label, take_changes(session, unit, coder))


def seed_agreed(session: ArticleSession, all_units: list[Unit]) -> dict | None:
    """Take every agreed unit into a gold article that has no history yet, as one action."""
    if session.history:
        return None
    changes = [c for u in all_units if u.agreed for c in take_changes(session, u, 0)]
    return session.commit("take what every coder agrees on", changes)


class Review:
    """Adjudication of a team's shared articles into a gold project, one article open at a time."""

    def __init__(self, team: Team, gold: Store, annotator: str = "gold"):
        self.team = team
        self.gold = gold
        self.annotator = annotator
        self.ids = team.check_shared()
        self.index = -1
        self.article: Article | None = None
        self.session: ArticleSession | None = None
        self.works: list[Work] = []
        self.units: list[Unit] = []
        self.differences: list[Unit] = []

    @property
    def coders(self) -> list[str]:
        return self.team.names

    def open(self, index: int) -> None:
        """Open the ``index``-th shared article: read every coder's work, and its gold article;
        ``ArticleDamaged`` (and nothing open) if a file of it cannot be read."""
        self.close_article()
        self.article, self.works, self.units, self.differences = None, [], [], []
        article_id = self.ids[index]
        self.index = index
        self.article = self.team.article(article_id)
        works = self.team.work(article_id)
        if not self.gold.has_article(article_id):
            self.gold.add_article(replace(self.article, status="todo"))
        if self.gold.row(article_id)["status"] == "todo":
            self.gold.set_status(article_id, "in progress")
        self.session = self.gold.open_session(article_id, self.annotator)
        self.works = works
        self.units = units(self.works)
        self.differences = [u for u in self.units if not u.agreed]
        seed_agreed(self.session, self.units)

    def take(self, difference: int, coder: int | None) -> dict | None:
        unit = self.differences[difference]
        who = "nothing" if coder is None else f"{self.coders[coder]}'s {unit.kind}"
        return take(self.session, unit, coder, f"take {who}")

    def matches(self, difference: int) -> list[int]:
        return gold_matches(self.differences[difference], self.session)

    def undo(self) -> dict | None:
        return self.session.undo()

    def mark_done(self) -> None:
        self.gold.set_status(self.article.id, "done")

    def status(self) -> str:
        return self.gold.row(self.article.id)["status"]

    def close_article(self) -> None:
        if self.session is not None:
            self.session.close()
            self.gold.sync(self.session)
            self.session = None
