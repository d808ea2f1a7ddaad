"""Storing a model's output for one article, first time or again (``--reanalyse``).

Re-analysing replaces only the model's own untouched suggestions: whatever a coder accepted,
corrected (which accepts) or rejected stays exactly as it is, and a suggestion the coder rejected
is not suggested again. The replacement is one undoable action named after the model. The
article's uncertainty under the model (see ``model_suggest``) goes into its index row.
"""

from __future__ import annotations

from ..importer import too_long
from ..model import Entity, Event
from ..session import change
from ..suggest import model_output

UNCERTAINTY = "uncertainty"  # the index column


def _fresh_entities(session, spans, model: str) -> list[Entity]:
    kept = [e for e in session.entities.values() if e.status != "suggested" or e.origin != "model"]
    rejected = {(e.start, e.end) for e in kept if e.status == "rejected"}
    visible = [e for e in kept if e.status != "rejected"]
    return [Entity(s, e, label, origin="model", status="suggested", annotator=model) for s, e, label in spans
            if (s, e) not in rejected and not any(x.overlaps(s, e) for x in visible)]


def _fresh_events(session, events: list[Event]) -> list[Event]:
    kept = [e for e in session.events.values() if e.status != "suggested" or e.origin != "model"]
    out = []
    for ev in events:
        if ev.trigger_start is None or not any(
                k.trigger_start is not None and k.trigger_start < ev.trigger_end and ev.trigger_start < k.trigger_end
                for k in kept):
            out.append(ev)
    return out


def replace_suggestions(session, spans, events: list[Event], model: str) -> tuple[int, int]:
    """Swap the model's untouched suggestions for new ones; (entities, events) now suggested."""
    old = [change("entities", e, None) for e in list(session.entities.values())
           if e.status == "suggested" and e.origin == "model"]
    old += [change("events", e, None) for e in list(session.events.values())
            if e.status == "suggested" and e.origin == "model"]
    new_entities = _fresh_entities(session, spans, model)
    new_events = _fresh_events(session, events)
    session.commit(f"suggestions from {model}", old + [change("entities", None, e) for e in new_entities]
                   + [change("events", None, e) for e in new_events])
    session.set_model_entities([], model)  # records which model analysed it
    if new_entities or new_events:  # new suggestions nobody has answered: unreviewed again
        session.set_reviewed(False)
    return len(new_entities), len(new_events)


def analyse(store, session, doc, model: str, suggester, reanalyse: bool = False) -> tuple[int, int] | None:
    """Store ``doc``'s entities and suggested events for the session's article; None when it was
    analysed already and ``reanalyse`` is off."""
    if session.analysed and not reanalyse:
        return None
    spans, events = model_output(doc, session.article, suggester)
    if session.analysed:
        counts = replace_suggestions(session, spans, events, model)
    else:
        session.set_model_entities(spans, model, events)
        counts = (len(spans), len(events))
    store.sync(session)
    store.reopen_if_unreviewed(session)  # done before these suggestions came: in progress again
    unsure = suggester.uncertainty(doc) if hasattr(suggester, "uncertainty") else None
    store.set_row_values(session.article.id, {UNCERTAINTY: unsure})
    return counts


def unscored(store) -> list[str]:
    """Unreviewed articles with no uncertainty stored (analysed without a trained model, or never)."""
    return [row["id"] for row in store.rows()
            if row.get("status") in ("todo", "in progress") and row.get(UNCERTAINTY) is None
            and not too_long(row)]  # over the limit: the model cannot read it, the app never opens it


def score_articles(store, article_ids: list[str], nlp, progress=None) -> None:
    """Store how unsure the trained pipeline ``nlp`` is of each article, suggesting nothing."""
    from .model_suggest import span_scores, uncertainty

    texts = ((store.load_article(i).text, i) for i in article_ids)
    with store.batch():
        for done, (doc, article_id) in enumerate(nlp.pipe(texts, as_tuples=True), start=1):
            store.set_row_values(article_id, {UNCERTAINTY: uncertainty(span_scores(nlp, doc))})
            if progress:
                progress(done)
