"""Entity actions: label, relabel, remove, accept and reject; each one undoable commit.

The entity layer is flat, as spaCy's ``doc.ents``: a new entity replaces whatever visible entities
it overlaps. Model suggestions are never deleted: replacing or removing one marks it rejected, so
that exports can carry it as a negative example (as Prodigy's ``answer: reject``).
"""

from __future__ import annotations

from dataclasses import replace

from .events import accept_event, reject_event
from .model import Entity, now_iso
from .session import ArticleSession, change


def _retire(ent: Entity, annotator: str) -> dict:
    """Remove a visible entity: a model suggestion is kept as rejected, a person's is deleted."""
    if ent.origin == "model":
        return change("entities", ent, _rejected(ent, annotator))
    return change("entities", ent, None)


def label_span(session: ArticleSession, start: int, end: int, label: str) -> dict | None:
    """Give [start, end) the label: accept or relabel an entity with the same bounds, else add one."""
    who = session.annotator
    visible = [e for e in session.entities_in(start, end) if e.status != "rejected"]
    same = [e for e in visible if (e.start, e.end) == (start, end)]
    if same and same[0].label == label:
        ent = same[0]
        if ent.status == "accepted":
            return None
        return session.commit(f"accept {label}", [change("entities", ent, _accepted(ent, who))])
    if same and same[0].status == "accepted":
        ent = same[0]
        fresh = replace(ent, label=label, origin="person", annotator=who, updated=now_iso())
        return session.commit(f"relabel {ent.label} as {label}", [change("entities", ent, fresh)])
    changes = [_retire(e, who) for e in visible]
    new = Entity(start, end, label, origin="person", status="accepted", annotator=who)
    changes.append(change("entities", None, new))
    return session.commit(f"label {label}", changes)


def _accepted(ent: Entity, who: str) -> Entity:
    return replace(ent, status="accepted", annotator=who, updated=now_iso())


def _rejected(ent: Entity, who: str) -> Entity:
    return replace(ent, status="rejected", annotator=who, updated=now_iso())


def remove(session: ArticleSession, ent: Entity) -> dict | None:
    """Remove the entity and, in the same undoable action, the relations it takes part in."""
    gone = [change("relations", r, None) for r in session.relations.values() if ent.id in r.members]
    return session.commit(f"remove {ent.label}", [_retire(ent, session.annotator)] + gone)


def accept(session: ArticleSession, ent: Entity) -> dict | None:
    if ent.status == "accepted":
        return None
    return session.commit(f"accept {ent.label}", [change("entities", ent, _accepted(ent, session.annotator))])


def reject(session: ArticleSession, ent: Entity) -> dict | None:
    if ent.status != "suggested":
        return None
    return session.commit(f"reject {ent.label}", [change("entities", ent, _rejected(ent, session.annotator))])


def suggestions_left(session: ArticleSession) -> tuple[int, int]:
    """The entity and event suggestions nobody has answered yet."""
    return session.counts()["suggested"], sum(1 for e in session.events.values() if e.status == "suggested")


def _answer_all(session: ArticleSession, verb: str, answered, answer_event) -> dict | None:
    """Every suggestion left, entities and events, answered in one undoable action."""
    who = session.annotator
    changes = [
        change("entities", e, answered(e, who)) for e in session.entities.values() if e.status == "suggested"
    ]
    entities = len(changes)
    for event in [e for e in session.events.values() if e.status == "suggested"]:
        changes += answer_event(session, event.id)
    events = len(changes) - entities
    what = f"{entities} suggestions" + (f" and {events} suggested event(s)" if events else "")
    return session.commit(f"{verb} {what}", changes)


def accept_all(session: ArticleSession) -> dict | None:
    """Accept every suggestion that remains in the article, entities and events, as one undoable action."""
    return _answer_all(session, "accept", _accepted, accept_event)


def reject_all(session: ArticleSession) -> dict | None:
    """Reject every suggestion that remains in the article, entities and events, as one undoable action."""
    return _answer_all(session, "reject", _rejected, reject_event)


def accept_entities_reject_events(session: ArticleSession) -> dict | None:
    """Accept the entity suggestions left and reject the event suggestions, as one undoable action: an
    article whose entities are right but that reports no event to code."""
    return _answer_all(session, "accept the entities, reject the events:", _accepted, reject_event)


REVIEW_ANSWERS = {"accept": accept_all, "reject": reject_all, "entities": accept_entities_reject_events}


def review(session: ArticleSession, answer: str | None = None) -> dict | None:
    """Finish reviewing the article: answer every suggestion left (``accept`` or ``reject`` them all,
    or ``entities``: accept the entities, reject the events; None when none is left), then mark it
    reviewed; what a coder answers when marking it done."""
    if answer is not None and answer not in REVIEW_ANSWERS:
        raise ValueError(f"unknown review answer {answer!r}")
    action = REVIEW_ANSWERS[answer](session) if answer else None
    if any(suggestions_left(session)):
        raise ValueError("suggestions are left: answer accept or reject")
    session.set_reviewed(True)
    return action
