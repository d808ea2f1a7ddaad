"""Exports of many articles: the single ``.spacy`` file is streamed (bounded memory) and still reads
back whole, with spaCy alone; the record conversions exports lean on give what ``asdict`` gives."""

from __future__ import annotations

import dataclasses
import zlib

import pytest
import spacy
from spacy.tokens import DocBin

from tui.core.formats import ExportOptions, ImportDoc, docbin_file, export_project, import_documents
from tui.core.formats.base import ExportSummary, iter_documents
from tui.core.formats.docbin import doc_for
from tui.core.model import EXTRA_FIELDS, Argument, Article, Entity, Event, Relation, article_id_for
from tui.core.store import Store

ARTICLES = 37  # with DRAIN at 5: seven drains and a part-full last one


def _doc(i: int) -> ImportDoc:
    text = f"Rebels from Group {i} attacked Town{i} on Monday.\nThey killed {i} soldiers in Région-{i} 🙂."
    article = Article(article_id_for(text), text, title=f"article {i}")
    group, town = text.index(f"Group {i}"), text.index(f"Town{i}")
    ents = [Entity(group, group + len(f"Group {i}"), "ORG", id="T1"), Entity(town, town + len(f"Town{i}"), "GPE", id="T2")]
    if i % 3 == 0:
        ents.append(Entity(0, 6, "NORP", status="suggested", id="T3"))
    trig = text.index("attacked")
    event = Event("BATTLE", "Armed clash", trig, trig + 8, id="E1",
                  arguments=[Argument("Attacker", group, group + len(f"Group {i}")), Argument("Time", value="Monday")],
                  fields={"fatalities": i, "country": "Somewhere"})
    return ImportDoc(article, ents, [event], status="done", reviewed=True,
                     relations=[Relation("located", "T1", "T2", id="R1")] if i % 2 else [])


@pytest.fixture
def project(tmp_path):
    store = Store(tmp_path / "db" / "project.json")
    import_documents(store, [_doc(i) for i in range(ARTICLES)])
    yield store
    store.close()


def test_single_spacy_file_of_many_articles_reads_back_every_doc(project, tmp_path, monkeypatch):
    monkeypatch.setattr(docbin_file, "DRAIN", 5)
    out = tmp_path / "out" / "all.spacy"
    summary = export_project(project, "spacy", out)
    assert summary.articles == ARTICLES and summary.files == 1
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    assert [d.user_data["article_id"] for d in docs] == project.article_ids()
    for i, doc in enumerate(docs):
        assert doc.text.startswith(f"Rebels from Group {i} attacked")
        assert [(e.text, e.label_) for e in doc.ents] == [(f"Group {i}", "ORG"), (f"Town{i}", "GPE")]
        assert [(s.text, s.label_) for s in doc.spans["triggers"]] == [("attacked", "BATTLE")]
        assert doc.user_data["events"][0]["fields"]["fatalities"] == i
        assert bool(doc.user_data.get("relations")) == bool(i % 2)
    assert sorted(p.name for p in out.parent.iterdir()) == ["all.spacy"]  # no spool or temporary file left
    from srsly.msgpack import msgpack_encoders
    assert "get_all" not in vars(msgpack_encoders)  # srsly's encoders are looked up as before once it is done


def test_streamed_file_is_what_docbin_to_bytes_writes(project, tmp_path, monkeypatch):
    """The same msgpack map, key for key and byte for byte, as one DocBin holding every doc."""
    monkeypatch.setattr(docbin_file, "DRAIN", 4)
    out = tmp_path / "all.spacy"
    export_project(project, "spacy", out)
    whole = DocBin(store_user_data=True)
    for document in iter_documents(project, "spacy", ExportOptions()):
        whole.add(doc_for(document, ExportSummary("spacy", "")))
    assert zlib.decompress(out.read_bytes()) == zlib.decompress(whole.to_bytes())


def test_single_file_and_shards_hold_the_same_docs(project, tmp_path):
    export_project(project, "spacy", tmp_path / "one.spacy")
    export_project(project, "spacy", tmp_path / "shards")
    vocab = spacy.blank("en").vocab
    one = list(DocBin().from_disk(tmp_path / "one.spacy").get_docs(vocab))
    shards = [d for p in sorted((tmp_path / "shards").glob("*.spacy")) for d in DocBin().from_disk(p).get_docs(vocab)]
    assert [(d.text, [(e.start_char, e.label_) for e in d.ents], d.user_data) for d in one] == \
        [(d.text, [(e.start_char, e.label_) for e in d.ents], d.user_data) for d in shards]


def test_an_empty_selection_writes_a_docbin_with_no_docs(project, tmp_path):
    out = tmp_path / "none.spacy"
    export_project(project, "spacy", out, ExportOptions(article_statuses=frozenset({"skipped"})))
    assert zlib.decompress(out.read_bytes()) == zlib.decompress(DocBin(store_user_data=True).to_bytes())


def test_streamed_docs_keep_every_string_a_parsed_doc_has(tmp_path):
    """Tags, lemmas, morphs (an empty one among them), dependencies and a "_" token: the strings the
    streamed file keeps are DocBin.add's."""
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Dogs", "_", "home", "!"], spaces=[True, True, False, False],
              tags=["NNS", "NFP", "NN", "."], lemmas=["dog", "_", "home", "!"], heads=[1, 1, 1, 1],
              deps=["nsubj", "ROOT", "advmod", "punct"], morphs=["Number=Plur", "", "Case=Nom", ""],
              pos=["NOUN", "SYM", "ADV", "PUNCT"], ents=["B-ANIMAL", "O", "B-PLACE", "O"])
    doc[0].norm_ = "dog"
    doc.spans["x"] = [doc.char_span(0, 4, label="THING", kb_id="Q144")]
    streamed = docbin_file.StreamedDocBin(tmp_path / "x.spacy")
    streamed.add(doc)
    with (tmp_path / "x.spacy").open("wb") as handle:
        streamed.write(handle)
    streamed.close()
    assert (tmp_path / "x.spacy").read_bytes() == DocBin(store_user_data=True, docs=[doc]).to_bytes()


def _stored_shape(data: dict, extras: bool = True) -> dict:
    """``asdict``'s dict less the extra fields left empty, as stored records leave them out."""
    out = {k: v for k, v in data.items() if not (extras and k in EXTRA_FIELDS and not v)}
    if "arguments" in out:
        out["arguments"] = [_stored_shape(a) for a in out["arguments"]]
    return out


@pytest.mark.parametrize("record", [
    Entity(3, 9, "ORG", fragments=[[3, 5], [7, 9]], attributes={"Negated": True, "x": [1, {"y": 2}]},
           notes=["n"], norms=[{"db": "Wikidata", "id": "Q1"}]),
    Event("BATTLE", arguments=[Argument("Attacker", 1, 2), Argument("Crime", value="theft", event="E9")],
          fields={"fatalities": 3, "latitude": 1.5, "tags": ["a", "b"]}, attributes={"Generic": True}),
    Relation("located", "T1", "T2", others=["T3"], equivalence=True),
    Article("a1", "text", meta={"prodigy": {"answer": "accept", "meta": {"k": [1]}}}),
])
def test_record_dicts_are_asdicts_and_share_nothing(record):
    data = record.to_dict()
    expected = _stored_shape(dataclasses.asdict(record), extras=not isinstance(record, Article))
    assert data == expected and list(data) == list(expected)  # the same keys, in the same order
    for name, value in data.items():
        if isinstance(value, (list, dict)) and value:
            assert value is not getattr(record, name)  # a copy: changing the dict never changes the record
    assert type(record).from_dict(data) == record
