"""Property tests over documents that use everything: relations, equivalences, attributes, notes,
normalisations, discontinuous entities and events as arguments. brat's export passes the strict
reader (brat's own parsing rules) and comes back the same; the store round trip gives the same files.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.core.formats.brat import ann_for, read_pair
from tui.core.model import Argument, Relation

from .brat_strict import brat_problems
from .test_formats_property import FAST, SLOW, annotated, round_trip_through_stores

ATTRIBUTES = st.dictionaries(st.sampled_from(["Negated", "Hypothetical", "Generic", "Certainty"]),
                             st.sampled_from([True, "Reported", "Confirmed"]), max_size=2)
NOTES = st.lists(st.sampled_from(["check the date", "source: police", "café 😀 x=y z"]), max_size=2)


@st.composite
def rich(draw):
    doc = draw(annotated())
    text = doc.article.text
    for ent in doc.entities:
        ent.attributes = draw(ATTRIBUTES)
        ent.notes = draw(NOTES)
        if draw(st.booleans()):
            ent.norms = [{"type": "Reference", "db": "Wikidata", "id": f"Q{draw(st.integers(1, 99))}",
                          "text": text[ent.start:ent.end].replace("\n", " ").replace("\r", " ").replace("\t", " ")}]
        inner = [i for i in range(ent.start + 1, ent.end - 1) if not text[i].isspace()]
        gaps = [i for i in range(ent.start + 1, ent.end - 1) if text[i] not in "\r\n"]
        if gaps and draw(st.booleans()):  # a piece left out in the middle: a discontinuous entity
            gap = draw(st.sampled_from(gaps))
            left = max([i for i in inner if i < gap] or [ent.start])
            right = min([i for i in inner if i > gap] or [ent.end - 1])
            if ent.start <= left < gap < right <= ent.end - 1:
                ent.fragments = [[ent.start, left + 1], [right, ent.end]]
    for ev in doc.events:
        ev.attributes = draw(ATTRIBUTES)
        ev.notes = draw(NOTES)
    for n, ev in enumerate(doc.events[1:], start=1):
        if draw(st.booleans()):
            ev.arguments.append(Argument("Event-Arg", event=doc.events[n - 1].id))
    ids = [e.id for e in doc.entities]
    if len(ids) >= 2:
        for _ in range(draw(st.integers(0, 3))):
            head, child = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
            doc.relations.append(Relation(draw(st.sampled_from(["Located", "Member"])), head, child,
                                          attributes=draw(ATTRIBUTES), notes=draw(NOTES), created="t"))
        if draw(st.booleans()):
            doc.relations.append(Relation("Alias", *ids[:2], others=ids[2:3], equivalence=True, created="t"))
    return doc


def described(doc_entities, doc_events, doc_relations, text: str):
    """Everything about a document with ids replaced by what they name, for comparisons."""
    ents = {e.id: (e.start, e.end, e.label) for e in doc_entities}
    entities = sorted(((e.start, e.end, e.label, [tuple(f) for f in e.fragments if (e.start, e.end) != tuple(f)],
                       sorted(e.attributes.items(), key=repr), e.notes, e.norms) for e in doc_entities), key=repr)

    def event(ev, depth=0):
        args = sorted((a.role, a.start, a.end, a.value,
                       event(by_id[a.event], depth + 1) if a.event and depth < 3 else None)
                      for a in ev.arguments)
        return (ev.type, ev.subtype, ev.trigger_start, ev.trigger_end, json.dumps(ev.fields, sort_keys=True),
                repr(args), sorted(ev.attributes.items(), key=repr), ev.notes)

    by_id = {e.id: e for e in doc_events}
    relations = sorted(((r.type, r.equivalence, r.head_role, r.child_role, [ents[m] for m in r.members],
                        sorted(r.attributes.items(), key=repr), r.notes) for r in doc_relations), key=repr)
    return entities, sorted(map(event, doc_events), key=repr), relations


@FAST
@given(rich())
def test_brat_export_of_everything_parses_strictly_and_reads_back(doc):
    with tempfile.TemporaryDirectory() as tmp:
        txt, ann = Path(tmp) / "x.txt", Path(tmp) / "x.ann"
        txt.write_bytes(doc.article.text.encode("utf-8"))
        ann.write_text(ann_for(doc), encoding="utf-8", newline="")
        if "\r" not in doc.article.text:  # brat reads the .txt with universal newlines (see README)
            assert brat_problems(ann) == []
        back = read_pair(ann)
    text = doc.article.text
    assert described(back.entities, back.events, back.relations, text) == \
        described(doc.entities, doc.events, doc.relations, text)


@SLOW
@given(rich())
def test_store_round_trip_of_everything_gives_the_same_files(doc):
    with tempfile.TemporaryDirectory() as tmp:
        round_trip_through_stores(doc, Path(tmp))


@FAST
@given(rich())
def test_docbin_carries_relations_and_entity_extras(doc):
    from spacy.tokens import DocBin

    from tui.core.formats.base import ExportSummary
    from tui.core.formats.docbin import doc_for
    from tui.core.formats.tokenize import blank_nlp

    sdoc = doc_for(doc, ExportSummary("spacy", "-"))
    (back,) = DocBin(store_user_data=True, docs=[sdoc]).from_bytes(
        DocBin(store_user_data=True, docs=[sdoc]).to_bytes()).get_docs(blank_nlp().vocab)
    data = json.loads(json.dumps(back.user_data.get("relations", [])))
    where = {e.id: [e.start, e.end, e.label] for e in doc.entities}
    assert [(r["type"], r["members"]) for r in data] == [(r.type, [where[m] for m in r.members]) for r in doc.relations]
    kb = {(s.start_char, s.end_char, s.label_): s.kb_id_ for s in back.spans["entities"]}
    assert all(kb[(e.start, e.end, e.label)] == f"Wikidata:{e.norms[0]['id']}" for e in doc.entities if e.norms)
    extras = json.loads(json.dumps(back.user_data.get("entity_extras", [])))
    assert len(extras) == sum(1 for e in doc.entities if e.fragments or e.attributes or e.notes or e.norms)
