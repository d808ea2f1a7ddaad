"""Importing labelled data: the shared record, its validation, and the single write into the store.

Every reader turns a file into ``ImportDoc`` records and raises ``ImportProblem`` (file and line) at
the first bad one. ``import_documents`` writes only after every source has been read and checked,
so a bad record anywhere leaves the store exactly as it was.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ..model import ARTICLE_STATUSES, ORIGINS, SPAN_STATUSES, Article, Argument, Entity, Event, Relation
from ..importer import MAX_ARTICLE_CHARS, Problem, decode_text, parse_json_lines, status_after_import
from ..session import change


class ImportProblem(ValueError):
    """A record that cannot be imported; ``str()`` is one line naming the file (and line)."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass
class ImportDoc:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    status: str | None = None  # the article's status, when the format carries one
    analysed: str = ""  # the model that pre-annotated it (native format only)
    # Whether a person reviewed its entity layer. The native format says so itself; None (labelled
    # data from another tool, a person's work) means reviewed, unless the stored article already
    # held model suggestions that nobody answered.
    reviewed: bool | None = None
    relations: list[Relation] = field(default_factory=list)  # between entities of this doc, by id
    kinds: Counter = field(default_factory=Counter)  # what the file held, by kind (brat: "R lines"...)
    skipped: list[str] = field(default_factory=list)  # one line each (file:line: why) for what was not kept
    not_kept: dict[str, int] = field(default_factory=dict)  # what the format has and newsmark cannot keep


@dataclass
class ImportSummary:
    articles_added: int = 0
    articles_existing: int = 0
    entities: int = 0
    events: int = 0
    duplicates: int = 0
    relations: int = 0
    arguments: int = 0  # the kept events' arguments
    kinds: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    status_kept: Counter = field(default_factory=Counter)  # articles whose status the file would lower, by status
    suggestions_left_out: int = 0  # suggestions a file brings for a done article

    def __str__(self) -> str:
        text = (f"imported {self.articles_added} new article(s) ({self.articles_existing} already stored), "
                f"{self.entities} entities, {self.events} event(s)")
        if self.relations:
            text += f", {self.relations} relation(s)"
        if self.arguments:
            text += f", {self.arguments} event argument(s)"
        text += f"; {self.duplicates} duplicate(s) skipped"
        if any(self.kinds.values()):
            text += "; kept " + ", ".join(f"{kind} {n}" for kind, n in self.kinds.items() if n)
        if self.skipped:
            text += f"; {len(self.skipped)} line(s) not kept, each named on its own line"
        if self.status_kept:
            text += (f"; {sum(self.status_kept.values())} article(s) kept at their status over the file's ("
                     + ", ".join(f"{status} {n}" for status, n in sorted(self.status_kept.items())) + ")")
        if self.suggestions_left_out:
            text += (f"; {self.suggestions_left_out} suggestion(s) for done articles left out (a done article "
                     f"takes new ones only from `newsmark suggest --reanalyse`)")
        return text


class Checker:
    """Validation helpers bound to one file and line, raising ImportProblem on the first fault."""

    def __init__(self, path: str | Path, line: int | None = None):
        self.path, self.line = path, line

    def fail(self, message: str):
        raise ImportProblem(self.path, self.line, message)

    def span(self, text: str, start: Any, end: Any, what: str) -> tuple[int, int]:
        if not _is_int(start) or not _is_int(end):
            self.fail(f"{what}: offsets must be integers, got {start!r} and {end!r}")
        if not 0 <= start < end <= len(text):
            self.fail(f"{what}: span [{start}, {end}) is outside the text (length {len(text)}) or empty")
        return start, end

    def string(self, value: Any, what: str, empty: bool = False) -> str:
        if not isinstance(value, str) or (not empty and not value.strip()):
            self.fail(f"{what} must be a {'' if empty else 'non-empty '}string, got {value!r}")
        return value

    def text(self, value: Any, what: str = "article text") -> str:
        """An article's text: a non-blank string of at most MAX_ARTICLE_CHARS characters."""
        text = self.string(value, what)
        if len(text) > MAX_ARTICLE_CHARS:
            self.fail(f"{what} has {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}; "
                      f"split it into parts")
        return text

    def optional(self, data: dict, names: tuple[str, ...], kind: type | tuple, what: str) -> None:
        """Each of ``names`` that ``data`` holds must be of ``kind`` (so it cannot crash a reader later)."""
        for name in names:
            value = data.get(name)
            if value is not None and (not isinstance(value, kind) or isinstance(value, bool) and kind is int):
                self.fail(f"{what} {name!r} must be {_KIND_NAMES.get(kind, 'a string')}, got {value!r:.60}")

    def article(self, data: dict, text: str) -> Article:
        """Every field of a stored article, checked for its type and range."""
        self.optional(data, ("title", "source", "url", "license", "published", "status"), str, "article")
        self.optional(data, ("body_start",), int, "article")
        self.optional(data, ("meta",), dict, "article")
        if not 0 <= data.get("body_start", 0) <= len(text):
            self.fail(f"article 'body_start' {data['body_start']} is outside the text (length {len(text)})")
        return Article.from_dict({**data, "text": text})

    def choice(self, value: Any, allowed: tuple[str, ...], what: str) -> str:
        if value not in allowed:
            self.fail(f"{what} {value!r} is not one of {', '.join(allowed)}")
        return value

    def article_status(self, value: Any) -> str:
        return self.choice(value, ARTICLE_STATUSES, "article status")

    def entity(self, text: str, data: Any) -> Entity:
        if not isinstance(data, dict):
            self.fail(f"entity must be an object, got {type(data).__name__}")
        start, end = self.span(text, data.get("start"), data.get("end"), "entity")
        self.string(data.get("label"), "entity label")
        self.choice(data.get("origin", "person"), ORIGINS, "entity origin")
        self.choice(data.get("status", "accepted"), SPAN_STATUSES, "entity status")
        for piece in data.get("fragments") or []:
            if not isinstance(piece, list) or len(piece) != 2:
                self.fail(f"entity fragment {piece!r} is not [start, end]")
            self.span(text, piece[0], piece[1], "entity fragment")
        self.optional(data, _RECORD_STRINGS, str, "entity")
        return Entity.from_dict(data)

    def event(self, text: str, data: Any) -> Event:
        if not isinstance(data, dict):
            self.fail(f"event must be an object, got {type(data).__name__}")
        self.string(data.get("type"), "event type")
        ts, te = data.get("trigger_start"), data.get("trigger_end")
        if ts is not None or te is not None:
            self.span(text, ts, te, "event trigger")
        self.choice(data.get("origin", "person"), ORIGINS, "event origin")
        self.choice(data.get("status", "accepted"), SPAN_STATUSES, "event status")
        if not isinstance(data.get("arguments", []), list):
            self.fail("event arguments must be a list")
        if not isinstance(data.get("fields", {}), dict):
            self.fail("event fields must be an object")
        self.optional(data, ("subtype", *_RECORD_STRINGS), str, "event")
        for key, value in data.get("fields", {}).items():
            if not isinstance(value, (str, int, float, type(None))):
                self.fail(f"event field {key!r} must be a string, a number or null, got {value!r:.60}")
        for arg in data.get("arguments", []):
            if not isinstance(arg, dict):
                self.fail("event argument must be an object")
            self.string(arg.get("role"), "argument role")
            self.optional(arg, ("value",), str, "argument")
            if arg.get("start") is not None or arg.get("end") is not None:
                self.span(text, arg.get("start"), arg.get("end"), f"argument {arg.get('role')}")
        return Event.from_dict(data)


_RECORD_STRINGS = ("id", "annotator", "created", "updated")
_KIND_NAMES = {int: "a whole number", dict: "an object", str: "a string"}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def json_lines(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line; ImportProblem on bad UTF-8 or JSON."""
    try:
        content = decode_text(path, path.read_bytes())
    except OSError as exc:
        raise ImportProblem(path, None, f"cannot be read ({exc.strerror})") from None
    if isinstance(content, Problem):
        raise ImportProblem(path, content.line, content.message)
    for number, record, problem in parse_json_lines(content):
        if problem:
            raise ImportProblem(path, number, problem)
        yield number, record


def event_from_spans(type_: str, trigger: tuple[int, int] | None, args: list[tuple[str, int, int]],
                     annotator: str = "", subtype: str = "", fields: dict | None = None) -> Event:
    ev = Event(type_, subtype, arguments=[Argument(r, s, e) for r, s, e in args], annotator=annotator,
               fields=dict(fields or {}))
    if trigger is not None:
        ev.trigger_start, ev.trigger_end = trigger
    return ev


def _same_entity(e: Entity) -> tuple:
    return (e.start, e.end, e.label)


def _same_event(e: Event) -> tuple:
    """What makes two events the same across formats: type, trigger and grounded arguments (Prodigy
    and doccano carry no sub-type, fields or valued arguments, so those cannot count)."""
    return (e.type, e.trigger_start, e.trigger_end,
            tuple(sorted((a.role, a.start, a.end) for a in e.arguments if a.has_span)))


def _same_relation(r: Relation) -> tuple:
    return (r.type, r.equivalence, tuple(r.members))


def _new_records(stored: dict, records: list, same, summary: ImportSummary,
                 renamed: dict[str, str] | None = None) -> list:
    """The records not yet stored, by id or by content; counts the rest as duplicates.

    ``renamed`` gains imported id -> stored id for each duplicate found by content, so relations and
    event arguments that point at it point at the stored record instead.
    """
    ids = set(stored)
    keys = {same(r): r.id for r in stored.values()}
    fresh = []
    for record in records:
        if record.id in ids or same(record) in keys:
            summary.duplicates += 1
            if renamed is not None and record.id not in ids:
                renamed[record.id] = keys[same(record)]
            continue
        ids.add(record.id)
        fresh.append(record)
    return fresh


def _point_at_stored(doc: ImportDoc, renamed: dict[str, str]) -> None:
    for ev in doc.events:
        for arg in ev.arguments:
            arg.event = renamed.get(arg.event, arg.event)
    for rel in doc.relations:
        rel.head, rel.child = renamed.get(rel.head, rel.head), renamed.get(rel.child, rel.child)
        rel.others = [renamed.get(o, o) for o in rel.others]


def import_documents(store, docs: list[ImportDoc], annotator: str = "",
                     progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Write checked records: new articles are added, known ones gain the annotations they lack.

    A record is skipped when its id, or its content (span and label; or type, trigger and
    grounded arguments), is already stored, so importing the same file twice adds nothing. Identical records
    within one file are all kept: an export of two identical events must come back as two.
    """
    summary = ImportSummary()
    known = add_new_documents(store, docs, annotator, summary, progress)
    annotate_known_documents(store, known, annotator, summary, progress)
    return summary


def add_new_documents(store, docs: list[ImportDoc], annotator: str, summary: ImportSummary,
                      progress: Callable[[int], None] | None = None) -> list[ImportDoc]:
    """Add the new articles, with their annotations, all at once through a staged import: a failure
    part way (a full disk, an interrupt) leaves the project as it was. Returns the other documents."""
    known = []
    with store.staged_import() as staging:
        for doc in docs:
            if store.has_article(doc.article.id):
                known.append(doc)
                continue
            _tally(doc, summary)
            fresh = staging.add(doc.article)
            if fresh:
                summary.articles_added += 1
            else:
                summary.articles_existing += 1
            current = staging.rows[doc.article.id]["status"]  # a new article's own, else what was kept of it
            held = None if fresh and doc.article.id not in staging.adopted else current
            if doc.entities or doc.events or doc.relations or doc.analysed or doc.reviewed is not False:
                _annotate(staging.open_session(doc.article.id, annotator), doc, staging.sync, summary, held)
            unanswered = staging.rows[doc.article.id].get("suggested", 0) if held is not None else 0
            _take_status(doc, current, staging.set_status, summary, unanswered)
            if progress:
                progress(summary.articles_added + summary.articles_existing)
    return known


def annotate_known_documents(store, docs: list[ImportDoc], annotator: str, summary: ImportSummary,
                             progress: Callable[[int], None] | None = None) -> None:
    """Give articles already stored the annotations they lack, one article at a time."""
    with store.batch():
        for doc in docs:
            summary.articles_existing += 1
            _tally(doc, summary)
            current = (store.row(doc.article.id) or {}).get("status")
            if doc.entities or doc.events or doc.relations or doc.analysed or doc.reviewed is not False:
                _annotate(store.open_session(doc.article.id, annotator), doc, store.sync, summary, current)
            _take_status(doc, current, store.set_status, summary, (store.row(doc.article.id) or {}).get("suggested", 0))
            if progress:
                progress(summary.articles_added + summary.articles_existing)


def _take_status(doc: ImportDoc, current: str | None, set_status: Callable, summary: ImportSummary,
                 unanswered: int = 0) -> None:
    """The file's status for the article where it moves it forward; counted where it would lower it,
    or where it would mark done a stored article that still holds ``unanswered`` suggestions (another
    coder's "done" for it: nothing may wait behind its ✓)."""
    status = status_after_import(current, doc.status)
    if status == "done" and current not in (None, "done") and unanswered:
        status = current
    if status != current:
        set_status(doc.article.id, status)
    elif doc.status and doc.status != current:
        summary.status_kept[current] += 1


def _not_for_done(doc: ImportDoc, summary: ImportSummary) -> None:
    """A done article takes no suggestion from a file (nothing may wait behind its ✓, nor unreview it):
    they are left out and counted, with the relations that hang on them."""
    dropped = {r.id for r in (*doc.entities, *doc.events) if r.status == "suggested"}
    relations = [r for r in doc.relations if r.status != "suggested" and not dropped & {r.head, r.child, *r.others}]
    summary.suggestions_left_out += len(dropped) + len(doc.relations) - len(relations)
    doc.entities = [e for e in doc.entities if e.id not in dropped]
    doc.events = [e for e in doc.events if e.id not in dropped]
    doc.relations = relations


def _tally(doc: ImportDoc, summary: ImportSummary) -> None:
    """Count what the file held by kind, and name the lines it could not keep."""
    summary.kinds.update(doc.kinds)
    summary.skipped += doc.skipped


def _annotate(session, doc: ImportDoc, sync: Callable, summary: ImportSummary, status: str | None = None) -> None:
    """Add to one open article (its index ``status``) the records of ``doc`` it does not hold yet, then
    close it.

    Relations and event arguments that name a record already stored (found by content) are pointed
    at the stored one."""
    try:
        unanswered = session.counts()["suggested"]
        renamed: dict[str, str] = {}
        entities = _new_records(session.entities, doc.entities, _same_entity, summary, renamed)
        events = _new_records(session.events, doc.events, _same_event, summary, renamed)
        _point_at_stored(doc, renamed)
        if status == "done":
            fresh = ImportDoc(doc.article, entities, events, relations=doc.relations)
            _not_for_done(fresh, summary)
            entities, events, doc.relations = fresh.entities, fresh.events, fresh.relations
        relations = _new_records(session.relations, doc.relations, _same_relation, summary)
        summary.entities += len(entities)
        summary.events += len(events)
        summary.arguments += sum(len(e.arguments) for e in events)
        summary.relations += len(relations)
        session.commit("import", [change(table, None, record) for table, records in
                                  (("entities", entities), ("events", events), ("relations", relations))
                                  for record in records])
        # Reviewed before the model's name: that save folds the journal into the file, so the close
        # writes nothing more (one file write per article, not two). No spans: nothing to unreview.
        if doc.reviewed is not False and not unanswered:  # the stored suggestions still want an answer
            session.set_reviewed(True)
        elif any(r.status == "suggested" for r in (*entities, *events)):
            session.set_reviewed(False)  # suggestions nobody has answered (a model's, from shards)
        if doc.analysed and not session.analysed:  # keeps the app from re-running the model
            session.set_model_entities([], doc.analysed)
        sync(session)
    finally:
        session.close()
