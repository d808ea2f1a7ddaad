"""Relations and attributes in the store: journaled, replayed after a crash, undone, and old records
(written before these fields existed) still load with the same shape."""

from __future__ import annotations

import json

from tui.core import annotate
from tui.core import relations as rel_ops
from tui.core.model import Article, Entity, Event, article_id_for
from tui.core.session import ArticleSession, change
from tui.core.store import Store

TEXT = "Gunmen from Kaduna attacked Zaria on Sunday."


def _open(tmp_path):
    store = Store(tmp_path / "p.json")
    store.add_article(Article(article_id_for(TEXT), TEXT))
    session = store.open_session(article_id_for(TEXT))
    gunmen, kaduna = Entity(0, 6, "PERSON"), Entity(12, 18, "GPE")
    session.commit("seed", [change("entities", None, gunmen), change("entities", None, kaduna)])
    return store, session, gunmen, kaduna


def test_relations_and_attributes_survive_a_crash_and_undo(tmp_path):
    store, session, gunmen, kaduna = _open(tmp_path)
    rel_ops.add_relation(session, gunmen, kaduna, "Member-of")
    rel_ops.toggle_attribute(session, session.entities[kaduna.id], "Certainty", "Reported")
    # A second reading of the files, as after a crash right now: the journal holds both edits.
    crash = ArticleSession(store._file(article_id_for(TEXT)), store._journal(article_id_for(TEXT)), read_only=True)
    ((rel),) = crash.relations.values()
    assert (rel.type, rel.head, rel.child) == ("Member-of", gunmen.id, kaduna.id)
    assert crash.entities[kaduna.id].attributes == {"Certainty": "Reported"}
    crash.close()
    session.undo()
    assert session.entities[kaduna.id].attributes == {}
    annotate.remove(session, session.entities[kaduna.id])  # its relation goes with it, in one action
    assert session.relations == {} and kaduna.id not in session.entities
    session.undo()
    assert list(session.relations) == [rel.id] and kaduna.id in session.entities
    session.close()  # a checkpoint: the relations table is written into the article file
    reopened = store.open_session(article_id_for(TEXT))
    assert list(reopened.relations) == [rel.id]
    reopened.close()
    store.close()


def test_records_written_before_the_new_fields_keep_their_shape():
    old_entity = {"start": 0, "end": 6, "label": "PERSON", "origin": "person", "status": "accepted", "id": "T1",
                  "annotator": "", "created": "t", "updated": ""}
    old_event = {"type": "BATTLE", "subtype": "", "trigger_start": 7, "trigger_end": 15,
                 "arguments": [{"role": "Attacker", "start": 0, "end": 6, "value": ""}], "fields": {},
                 "origin": "person", "status": "accepted", "id": "E1", "annotator": "", "created": "t", "updated": ""}
    assert Entity.from_dict(old_entity).to_dict() == old_entity
    assert Event.from_dict(old_event).to_dict() == old_event
    marked = Entity.from_dict({**old_entity, "attributes": {"Negated": True}, "fragments": [[0, 2], [4, 6]]})
    assert json.loads(json.dumps(marked.to_dict()))["fragments"] == [[0, 2], [4, 6]]
    assert marked.pieces == [(0, 2), (4, 6)]
