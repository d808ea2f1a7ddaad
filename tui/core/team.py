"""Several coders' databases side by side: the articles they share and each one's work on an article.

A team works with one database per coder (see the README, "Working as a team"). Articles are matched
across databases by their id, the hash of their text, so the same article imported by each coder is
the same article everywhere. Only accepted annotations are a coder's work: suggestions not yet
accepted, and rejected ones, are left out of agreement and adjudication.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .model import Article, Entity, Event
from .storage import StoreError
from .store import Store

CODED_STATUSES = frozenset({"in progress", "done"})  # an article every coder has opened


class TeamError(StoreError):
    """A team command given the wrong databases; one line for the user."""


@dataclass
class Work:
    """One coder's accepted annotations on one article, in text order."""

    coder: str
    entities: list[Entity]
    events: list[Event]


def open_for_reading(path: str | os.PathLike) -> Store:
    """Open a coder's database without a lock and without writing anything, replaying the journals in
    memory: it can be read while that coder's app has it open, and shows every edit saved so far."""
    return Store(path, read_only=True)


def coder_names(paths: list[Path]) -> list[str]:
    """Each database's file name without ``.json`` (``coders/alice.json`` is alice), or the whole
    path when two databases share a file name."""
    stems = [p.stem for p in paths]
    if len(set(stems)) == len(stems):
        return stems
    return [str(p) for p in paths]


class Team:
    """The coders' databases, open together; use ``with`` so that every one is closed."""

    def __init__(self, paths: list[str | os.PathLike], statuses: frozenset[str] | None = CODED_STATUSES):
        self.paths = [Path(p) for p in paths]
        if len(self.paths) < 2:
            raise TeamError("give two or more databases, one --db for each coder")
        resolved = [p.resolve() for p in self.paths]
        for i, path in enumerate(resolved):
            if path in resolved[:i]:
                raise TeamError(f"{self.paths[i]}: given twice; give each coder's database once")
        self.names = coder_names(self.paths)
        self.statuses = statuses
        self.stores: list[Store] = []
        try:
            for path in self.paths:
                self.stores.append(open_for_reading(path))
        except BaseException:
            self.close()
            raise
        self._rows = [{row["id"]: row for row in store.rows()} for store in self.stores]

    def __enter__(self) -> "Team":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for store in self.stores:
            store.close()
        self.stores = []

    def shared_ids(self) -> list[str]:
        """Articles in every database, in the first database's order."""
        return [aid for aid in self._rows[0] if all(aid in rows for rows in self._rows[1:])]

    def compared_ids(self) -> list[str]:
        """Shared articles whose status is one of ``statuses`` in every database (all when None)."""
        shared = self.shared_ids()
        if self.statuses is None:
            return shared
        return [aid for aid in shared if all(rows[aid].get("status") in self.statuses for rows in self._rows)]

    def check_shared(self) -> list[str]:
        """``compared_ids()``, or a TeamError saying why there is nothing to compare."""
        if not self.shared_ids():
            raise TeamError(f"{', '.join(map(str, self.paths))}: no article is in every database "
                            "(articles are matched by their text)")
        ids = self.compared_ids()
        if not ids:
            wanted = " or ".join(sorted(self.statuses or ()))
            raise TeamError(f"{len(self.shared_ids())} shared article(s), but none is {wanted} in every "
                            "database; open them in each coder's app, or pass --article-status")
        return ids

    def report(self, problem: str) -> None:
        """One line about a damaged article that is left out (on stderr, as the other commands do)."""
        self.stores[0].report(problem)

    def title(self, article_id: str) -> str:
        return self._rows[0][article_id].get("title", "")

    def article(self, article_id: str) -> Article:
        return self.stores[0].load_article(article_id)

    def work(self, article_id: str) -> list[Work]:
        """Every coder's accepted annotations on the article, in coder order."""
        return [read_work(store, name, article_id) for store, name in zip(self.stores, self.names)]


def read_work(store: Store, coder: str, article_id: str) -> Work:
    session = store.open_session(article_id)
    try:
        entities = sorted((e for e in session.entities.values() if e.status == "accepted"),
                          key=lambda e: (e.start, e.end, e.label))
        events = sorted((e for e in session.events.values() if e.status == "accepted"), key=event_order)
    finally:
        session.close()
    return Work(coder, entities, events)


def event_order(event: Event) -> tuple:
    start = event.trigger_start if event.trigger_start is not None else 1 << 30
    return (start, event.trigger_end or 0, event.type, event.subtype, event.created, event.id)
