"""One article opened for annotation: its entities and events in memory, every action journaled.

Each action is appended to the article's journal (one JSON line, flushed and fsynced) before the
caller returns, so killing the process right after a key loses nothing, and the cost of an action
does not depend on the article's length. The journal is folded into the article's TinyDB file at a
checkpoint (when the article is closed, or every ``CHECKPOINT_EVERY`` actions); on opening, whatever
the journal holds past the last checkpoint is replayed. The same actions are the undo history.
The journal's framing, damage handling and full-disk retries live in ``journal``.

Opened ``read_only``, a session replays the journal in memory and never writes, checkpoints or
locks anything, so ``stats`` and ``export`` see every saved edit even while the app is editing.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from tinydb import TinyDB

from .journal import JournalWriter, encode, keep_aside, read_journal
from .model import Article, Entity, Event, Relation, now_iso
from .storage import AtomicJSONStorage, DamagedFile, SaveError

CHECKPOINT_EVERY = 500
HISTORY_LIMIT = 2000
TABLES = ("entities", "events", "relations")


def change(table: str, before: Any | None, after: Any | None) -> dict:
    """One record's change: ``before`` and ``after`` are Entity/Event/Relation objects or None."""
    record = after if after is not None else before
    return {
        "table": table,
        "id": record.id,
        "before": before.to_dict() if before is not None else None,
        "after": after.to_dict() if after is not None else None,
    }


class ArticleSession:
    """The annotation state of one article, kept in memory and saved on every action."""

    def __init__(self, db_file: Path, journal_file: Path, annotator: str = "", read_only: bool = False,
                 backup: Path | None = None):
        self.annotator = annotator
        self.read_only = read_only
        self.problems: list[str] = []  # one line each: damage found in the journal, saves put off
        self._journal_path = journal_file
        # The journal is read before the article file: a checkpoint replaces the file before it
        # empties the journal, so a reader racing a writer never misses the edits between them.
        journal = read_journal(journal_file)
        self._db = TinyDB(db_file, storage=AtomicJSONStorage, read_only=read_only, backup=backup)
        try:
            self._load(db_file)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            self._db.close()
            raise DamagedFile(f"{db_file}: not a valid article file ({type(exc).__name__}: {exc})") from None
        except BaseException:
            self._db.close()
            raise
        self._since_checkpoint = 0
        self._replay_journal(journal.entries)
        self.problems += journal.problems
        # A damaged journal is emptied by a checkpoint only once a copy of it is kept aside.
        self._keep_journal = journal.damaged and not read_only and not self._keep_aside(journal_file)
        self._index = sorted((e.start, e.end, e.id) for e in self.entities.values())
        self._longest = max((e.end - e.start for e in self.entities.values()), default=0)
        self._statuses = Counter(e.status for e in self.entities.values())  # kept up to date per change
        self._journal = JournalWriter(journal_file)

    def _keep_aside(self, journal_file: Path) -> bool:
        kept = keep_aside(journal_file)
        self.problems.append(f"{journal_file}: a copy of the damaged journal is kept in {kept}" if kept else
                             f"{journal_file}: could not keep a copy of the damaged journal aside; it stays")
        return kept is not None

    def _load(self, db_file: Path) -> None:
        doc = self._db.table("article").get(doc_id=1)
        if doc is None:
            raise DamagedFile(f"{db_file}: the article file is missing or holds no article")
        self.article = Article.from_dict(doc)
        state = self._db.table("state").get(doc_id=1) or {}
        self.analysed: str = state.get("analysed", "")
        # Whether a person has reviewed the entity layer (every suggestion answered): training
        # exports take only reviewed articles, so an untouched one is never "no entity here".
        self.reviewed: bool = state.get("reviewed", False)
        self._seq: int = state.get("seq", 0)
        self.history: list[dict] = state.get("history", [])
        self.position: int = state.get("position", len(self.history))
        self.entities: dict[str, Entity] = {
            d["id"]: Entity.from_dict(d) for d in self._db.table("entities").all()
        }
        self.events: dict[str, Event] = {d["id"]: Event.from_dict(d) for d in self._db.table("events").all()}
        self.relations: dict[str, Relation] = {
            d["id"]: Relation.from_dict(d) for d in self._db.table("relations").all()
        }

    # -- reading -------------------------------------------------------------------------------

    def visible_entities(self) -> list[Entity]:
        """Accepted and suggested entities, in text order (rejected ones are kept but hidden)."""
        return [e for e in self.entities_in(0, len(self.article.text)) if e.status != "rejected"]

    def entities_in(self, start: int, end: int) -> list[Entity]:
        """Entities (all statuses) overlapping [start, end), in text order; cost grows with the answer."""
        index = self._index
        i = bisect_left(index, (start - self._longest,))
        out = []
        for s, e, ident in index[i:]:
            if s >= end:
                break
            if e > start:
                out.append(self.entities[ident])
        return out

    def entity_at(self, offset: int) -> Entity | None:
        """The visible entity covering ``offset``, if any."""
        for ent in self.entities_in(offset, offset + 1):
            if ent.status != "rejected":
                return ent
        return None

    def next_entity(self, offset: int, direction: int) -> Entity | None:
        """The nearest visible entity starting after (direction 1) or before (-1) ``offset``."""
        index = self._index
        if direction > 0:
            i = bisect_left(index, (offset + 1,))
            steps = range(i, len(index))
        else:
            i = bisect_left(index, (offset,))
            steps = range(i - 1, -1, -1)
        for k in steps:
            ent = self.entities[index[k][2]]
            if ent.status != "rejected":
                return ent
        return None

    def counts(self) -> dict[str, int]:
        """Accepted and suggested entities, and visible events; costs nothing per entity."""
        return {
            "entities": self._statuses["accepted"],
            "suggested": self._statuses["suggested"],
            "events": sum(1 for e in self.events.values() if e.status != "rejected"),
        }

    # -- writing -------------------------------------------------------------------------------

    def commit(self, label: str, changes: list[dict]) -> dict | None:
        """Apply and save one undoable action made of record changes; None when nothing changed."""
        changes = [c for c in changes if c["before"] != c["after"]]
        if not changes:
            return None
        action = {"label": label, "time": now_iso(), "annotator": self.annotator, "changes": changes}
        self._save({"do": action}, lambda: self._do(action))
        return action

    def changes_of_steps(self, steps: list[Callable[[], list[dict]]]) -> list[dict]:
        """The changes of several edits, each made on what the ones before it left, as one list for one
        ``commit`` (so one undo): a form that saves three fields is one action. Nothing stays applied."""
        made: list[dict] = []
        try:
            for step in steps:
                changes = [c for c in step() if c["before"] != c["after"]]
                self._apply(changes, forward=True)
                made += changes
        finally:
            self._apply(made, forward=False)
        merged: dict[tuple[str, str], dict] = {}  # a record changed twice: its first before, its last after
        for c in made:
            key = (c["table"], c["id"])
            merged[key] = {**c, "before": merged[key]["before"]} if key in merged else c
        return list(merged.values())

    def undo(self) -> dict | None:
        if self.position == 0:
            return None
        action = self.history[self.position - 1]
        self._save({"undo": 1}, self._undo)
        self._unreview_if_suggestions_are_back(action, "before")
        return action

    def redo(self) -> dict | None:
        if self.position >= len(self.history):
            return None
        action = self.history[self.position]
        self._save({"redo": 1}, self._redo)
        self._unreview_if_suggestions_are_back(action, "after")
        return action

    def _unreview_if_suggestions_are_back(self, action: dict, now: str) -> None:
        """Undoing "reject all" brings suggestions back (entities or events): the article is no longer
        reviewed, or a training export would take their words for "no entity here". ``now`` is the
        side of the action's changes that the records are now in."""
        if self.reviewed and any((c[now] or {}).get("status") == "suggested" for c in action["changes"]):
            self.set_reviewed(False)

    def set_model_entities(
        self, spans: Iterable[tuple[int, int, str]], model: str, events: Iterable[Event] = (),
    ) -> None:
        """Store the model's entities (and suggested events) once; not part of the undo history."""
        fresh = [
            Entity(s, e, label, origin="model", status="suggested", annotator=model)
            for s, e, label in spans
            if self._free(s, e)
        ]
        new_events = [ev for ev in events if ev.id not in self.events]
        changes = [change("entities", None, ent) for ent in fresh]
        changes += [change("events", None, ev) for ev in new_events]

        def apply() -> None:
            self._apply(changes, forward=True)
            self.analysed = model
        self._save({"model": {"changes": changes, "analysed": model}}, apply, checkpoint=True)
        if fresh or new_events:  # new suggestions that nobody has answered yet, entities or events
            self.set_reviewed(False)

    def set_reviewed(self, reviewed: bool = True) -> None:
        """Mark the article's suggestions all answered, entities and events (or not); journaled, not
        part of the undo history. New suggestions of either kind make it unreviewed again."""
        if reviewed != self.reviewed:
            def apply() -> None:
                self.reviewed = reviewed
            self._save({"review": reviewed}, apply)

    def _free(self, start: int, end: int) -> bool:
        return not any(e.status != "rejected" for e in self.entities_in(start, end))

    def checkpoint(self) -> None:
        """Fold the journal into the article's TinyDB file, then empty the journal."""
        if self.read_only:
            return
        storage: AtomicJSONStorage = self._db.storage
        with storage.hold():
            for table in TABLES:
                self._db.drop_table(table)
            self._db.table("entities").insert_multiple(e.to_dict() for e in self.entities.values())
            self._db.table("events").insert_multiple(e.to_dict() for e in self.events.values())
            if self.relations:  # an article without relations keeps the file shape it always had
                self._db.table("relations").insert_multiple(r.to_dict() for r in self.relations.values())
            self._db.drop_table("state")
            self._db.table("state").insert({
                "seq": self._seq, "analysed": self.analysed, "reviewed": self.reviewed,
                "history": self.history, "position": self.position,
            })
        self._since_checkpoint = 0
        if self._keep_journal:
            self._journal.pending.clear()  # the file holds them now; the journal stays as it is
            return
        try:
            self._journal.clear()
        except OSError:  # harmless: replay skips entries the file already holds (by their seq)
            pass

    @property
    def unsaved(self) -> int:
        """Edits made in memory that the disk has not taken yet (full or read-only)."""
        return len(self._journal.pending)

    def close(self) -> None:
        """Checkpoint and close; raises ``SaveError`` (and stays open) if edits would be lost."""
        if not self.read_only and (self._since_checkpoint or self._journal.size or self._journal.pending):
            try:
                self.checkpoint()
            except SaveError as exc:
                self._journal.flush()  # raises if edits are in memory only: the session stays open
                self.problems.append(f"{exc}; every edit is in {self._journal_path}, folded next time")
        self._journal.close()
        self._db.close()

    # -- internals -----------------------------------------------------------------------------

    def _save(self, entry: dict, apply, checkpoint: bool = False) -> None:
        """Journal one entry, apply it in memory, and make it durable before returning.

        If the disk refuses, the edit stays applied and pending, ``SaveError`` says so, and the
        next action (or the close) writes it again: an edit is acknowledged only when this returns.
        """
        if self.read_only:
            raise SaveError(f"{self._journal_path}: this article was opened read-only")
        self._seq += 1
        entry["seq"] = self._seq
        self._journal.pending.append(encode(entry))
        apply()
        self._since_checkpoint += 1
        self._journal.flush()
        if checkpoint or self._since_checkpoint >= CHECKPOINT_EVERY:
            try:
                self.checkpoint()
            except SaveError as exc:  # the journal holds the edit: fold it at a later checkpoint
                self.problems.append(str(exc))

    def _replay_journal(self, entries: list[dict]) -> None:
        for entry in entries:
            if entry["seq"] <= self._seq:
                continue
            try:
                self._replay(entry)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
                self.problems.append(f"{self._journal_path}: entry {entry['seq']} could not be replayed "
                                     f"({type(exc).__name__}); skipped")
            self._seq = entry["seq"]
            self._since_checkpoint += 1

    def _replay(self, entry: dict) -> None:
        if "do" in entry:
            self._do(entry["do"], index=False)
        elif "undo" in entry:
            if self.position > 0:
                self._undo(index=False)
        elif "redo" in entry:
            if self.position < len(self.history):
                self._redo(index=False)
        elif "model" in entry:
            self._apply(entry["model"]["changes"], forward=True, index=False)
            self.analysed = entry["model"]["analysed"]
        elif "review" in entry:
            self.reviewed = bool(entry["review"])

    def _do(self, action: dict, index: bool = True) -> None:
        del self.history[self.position:]
        self.history.append(action)
        if len(self.history) > HISTORY_LIMIT:
            del self.history[: len(self.history) - HISTORY_LIMIT]
        self.position = len(self.history)
        self._apply(action["changes"], forward=True, index=index)

    def _undo(self, index: bool = True) -> None:
        self.position -= 1
        self._apply(self.history[self.position]["changes"], forward=False, index=index)

    def _redo(self, index: bool = True) -> None:
        self._apply(self.history[self.position]["changes"], forward=True, index=index)
        self.position += 1

    def _apply(self, changes: list[dict], forward: bool, index: bool = True) -> None:
        for c in changes if forward else reversed(changes):
            old, new = (c["before"], c["after"]) if forward else (c["after"], c["before"])
            if c["table"] == "entities":
                self._set_entity(c["id"], old, new, index)
            elif c["table"] == "relations":
                if new is None:
                    self.relations.pop(c["id"], None)
                else:
                    self.relations[c["id"]] = Relation.from_dict(new)
            else:
                if new is None:
                    self.events.pop(c["id"], None)
                else:
                    self.events[c["id"]] = Event.from_dict(new)

    def _set_entity(self, ident: str, old: dict | None, new: dict | None, index: bool) -> None:
        current = self.entities.pop(ident, None)
        if index and current is not None:
            self._statuses[current.status] -= 1
            key = (current.start, current.end, ident)
            i = bisect_left(self._index, key)
            if i < len(self._index) and self._index[i] == key:
                del self._index[i]
        if new is not None:
            ent = Entity.from_dict(new)
            self.entities[ident] = ent
            if index:
                self._statuses[ent.status] += 1
                insort(self._index, (ent.start, ent.end, ident))
                self._longest = max(self._longest, ent.end - ent.start)

