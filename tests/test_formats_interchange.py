"""Prodigy, doccano and CoNLL against files shaped like those tools' own (``db-out``, ``rel.manual``,
entity linking, doccano's export shapes) and against spaCy's own CoNLL converter.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.cli import main
from tui.core.formats import ExportOptions, export_project
from tui.core.formats.prodigy_hash import get_hash, set_hashes
from tui.core.model import Article, Entity, article_id_for
from tui.core.session import change
from tui.core.store import Store

TEXT = "Gunmen killed 12 villagers in Kaduna on Sunday, police said."
OTHER = "Troops shelled Idlib on Monday."
THIRD = "Protesters marched in Lagos."

TASKS = [
    {"text": TEXT, "meta": {"source": "example-wire", "url": "https://example.org/a1"},
     "_input_hash": -1234567, "_task_hash": 7654321,
     "spans": [{"start": 30, "end": 36, "label": "GPE", "token_start": 5, "token_end": 5},
               {"start": 40, "end": 46, "label": "DATE", "answer": "reject"}],
     "relations": [{"head": 3, "child": 5, "label": "LOCATED_IN",
                    "head_span": {"start": 17, "end": 26, "label": "PERSON"},
                    "child_span": {"start": 30, "end": 36, "label": "GPE"}}],
     "_view_id": "relations", "answer": "accept", "_timestamp": 1718000000, "_annotator_id": "demo-alice",
     "_session_id": "demo-alice"},
    {"text": OTHER, "spans": [{"start": 15, "end": 20, "label": "GPE"}], "answer": "reject",
     "meta": {"source": "teach", "score": 0.42}},
    {"text": "   \n ", "answer": "accept"},
    {"text": THIRD, "spans": [{"start": 22, "end": 27, "label": "GPE"}], "answer": "ignore"},
]
LINKING = {"text": "Kaduna is in the north.", "spans": [{"start": 0, "end": 6, "label": "GPE"}],
           "options": [{"id": "Q6682", "text": "Kaduna (city)"}, {"id": "Q213906", "text": "Kaduna State"},
                       {"id": "NIL", "text": "none of these"}],
           "accept": ["Q6682"], "_view_id": "choice", "answer": "accept"}


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_prodigy_answers_meta_hashes_relations_and_links_are_kept(tmp_path, capsys):
    src = _write(tmp_path / "db-out.jsonl", TASKS + [LINKING])
    db = tmp_path / "db" / "p.json"
    assert main(["import", str(src), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == f"newsmark: {src}:3: the task's text is empty or only whitespace; not kept\n"
    assert "4 new article(s)" in out and "1 relation(s)" in out
    with Store(db) as store:
        by_text = {}
        for ident in store.article_ids():
            session = store.open_session(ident)
            by_text[session.article.text] = (session.article, list(session.entities.values()),
                                             list(session.relations.values()))
            session.close()
    article, ents, rels = by_text[TEXT]
    assert article.source == "example-wire" and article.url == "https://example.org/a1"
    status = {(e.start, e.end, e.label): e.status for e in ents}
    assert status == {(30, 36, "GPE"): "accepted", (40, 46, "DATE"): "rejected", (17, 26, "PERSON"): "accepted"}
    ((rel),) = rels
    named = {e.id: (e.start, e.end) for e in ents}
    assert (rel.type, named[rel.head], named[rel.child]) == ("LOCATED_IN", (17, 26), (30, 36))
    assert [e.status for e in by_text[OTHER][1]] == ["rejected"]  # a rejected task stays rejected
    assert [e.status for e in by_text[THIRD][1]] == ["suggested"]  # an ignored one is not judged
    (linked,) = by_text[LINKING["text"]][1]
    assert linked.norms == [{"type": "Reference", "db": "KB", "id": "Q6682", "text": "Kaduna (city)"}]

    export = tmp_path / "again.jsonl"
    assert main(["export", "--db", str(db), "--format", "prodigy", "--out", str(export),
                 "--include-suggestions"]) == 0
    again = {t["text"]: t for t in map(json.loads, export.read_text(encoding="utf-8").splitlines())}
    for task in TASKS[:2] + TASKS[3:] + [LINKING]:
        back = again[task["text"]]
        for key in ("answer", "meta", "_input_hash", "_task_hash", "_view_id", "_timestamp", "_session_id",
                    "_annotator_id", "options", "accept"):
            if key in task:
                assert back[key] == task[key], key
        spans = lambda t: sorted((s["start"], s["end"], s["label"], s.get("answer"))  # noqa: E731
                                 for s in t.get("spans", []))
        if task is not TASKS[0]:
            assert spans(back) == spans(task)
        rels = lambda t: [(r["label"], r["head_span"]["start"], r["child_span"]["start"])  # noqa: E731
                          for r in t.get("relations", [])]
        assert rels(back) == rels(task)
    first = again[TEXT]
    assert spans(first) == sorted(spans(TASKS[0]) + [(17, 26, "PERSON", None)])  # the relation's head is a span
    assert again[LINKING["text"]]["spans"][0]["kb_id"] == "Q6682"
    # Hashes a task lacked are computed as Prodigy computes them: from the input keys, then the task keys.
    third = again[THIRD]
    assert third["_input_hash"] == get_hash({"text": THIRD}, ("text",))
    assert third["_task_hash"] == get_hash({"spans": third["spans"]}, ("spans",), prefix=third["_input_hash"])


def test_prodigy_hashes_ignore_what_prodigy_ignores():
    a = set_hashes({"text": "x", "spans": [{"start": 0, "end": 1, "label": "A", "score": 0.1}]})
    b = set_hashes({"text": "x", "spans": [{"start": 0, "end": 1, "label": "A", "score": 0.9}], "answer": "reject"})
    c = set_hashes({"text": "x", "spans": [{"start": 0, "end": 1, "label": "B"}]})
    assert a["_input_hash"] == b["_input_hash"] == c["_input_hash"]
    assert a["_task_hash"] == b["_task_hash"] != c["_task_hash"]
    assert set_hashes({"text": "x", "_input_hash": 5, "_task_hash": 6}) == {"text": "x", "_input_hash": 5,
                                                                              "_task_hash": 6}


def test_prodigy_export_warns_on_overlapping_spans(tmp_path, capsys):
    text = "The Syrian Democratic Forces said."
    with Store(tmp_path / "p.json") as store:
        store.add_article(Article(article_id_for(text), text))
        session = store.open_session(article_id_for(text))
        session.commit("seed", [change("entities", None, Entity(4, 28, "ORG")),
                                change("entities", None, Entity(4, 10, "NORP"))])
        session.close()
        summary = export_project(store, "prodigy", tmp_path / "out.jsonl", ExportOptions(include_unreviewed=True))
    assert summary.warnings == [f"{article_id_for(text)}: 1 overlapping span(s) in the Prodigy task "
                                "(ner.manual and spaCy's doc.ents take one layer)"]


def test_doccano_shapes_all_read(tmp_path):
    text = "Google hired Ann in Paris."
    src = _write(tmp_path / "doccano.jsonl", [
        {"id": 1, "text": text, "entities": [
            {"id": 10, "start_offset": 0, "end_offset": 6, "label": "ORG"},
            {"id": 11, "start_offset": 13, "end_offset": 16, "label": "PERSON"}],
         "relations": [{"id": 5, "from_id": 10, "to_id": 11, "type": "employs"}], "Comments": []},
        {"text": "I loved it.", "label": ["positive", "short"]},
        {"text": "Book a flight to Paris", "entities": [[17, 22, "city"]], "cats": ["book_flight"]},
    ])
    db = tmp_path / "db" / "p.json"
    assert main(["import", str(src), "--db", str(db)]) == 0
    with Store(db) as store:
        found = {}
        for ident in store.article_ids():
            session = store.open_session(ident)
            ents = {e.id: (e.start, e.end, e.label) for e in session.entities.values()}
            found[session.article.text] = (sorted(ents.values()), session.article.meta.get("categories"),
                                           [(r.type, ents[r.head], ents[r.child]) for r in session.relations.values()])
            session.close()
    assert found[text] == ([(0, 6, "ORG"), (13, 16, "PERSON")], None,
                           [("employs", (0, 6, "ORG"), (13, 16, "PERSON"))])  # Google stays an entity
    assert found["I loved it."] == ([], ["positive", "short"], [])
    assert found["Book a flight to Paris"] == ([(17, 22, "city")], ["book_flight"], [])


def test_a_format_that_does_not_match_the_file_is_one_error(tmp_path, capsys):
    prodigy = _write(tmp_path / "p.jsonl", TASKS[:2])
    doccano = _write(tmp_path / "d.jsonl", [{"text": "a b", "label": [[0, 1, "X"]]}])
    db = tmp_path / "db" / "p.json"
    assert main(["import", str(prodigy), "--format", "doccano", "--db", str(db)]) == 1
    assert main(["import", str(doccano), "--format", "prodigy", "--db", str(db)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"newsmark: {prodigy}: holds prodigy data, not doccano; give --format prodigy or leave "
                   "--format out; nothing was imported",
                   f"newsmark: {doccano}: holds doccano data, not prodigy; give --format doccano or leave "
                   "--format out; nothing was imported"]
    assert not db.exists() or Store(db).article_ids() == []


def test_spacy_convert_splits_one_document_per_article(tmp_path):
    from spacy.training.converters import conll_ner_to_docs

    with Store(tmp_path / "p.json") as store:
        for text, span in ((TEXT, (30, 36, "GPE")), (OTHER, (15, 20, "GPE")), (THIRD, (22, 27, "GPE"))):
            store.add_article(Article(article_id_for(text), text))
            session = store.open_session(article_id_for(text))
            session.commit("seed", [change("entities", None, Entity(*span))])
            session.close()
        export_project(store, "conll", tmp_path / "out.conll", ExportOptions(include_unreviewed=True))
    content = (tmp_path / "out.conll").read_text(encoding="utf-8")
    docs = list(conll_ner_to_docs(content, n_sents=10))
    assert [d.text.split()[0] for d in docs] == ["Gunmen", "Troops", "Protesters"]
    assert [[(e.text, e.label_) for e in d.ents] for d in docs] == [[("Kaduna", "GPE")], [("Idlib", "GPE")],
                                                                    [("Lagos", "GPE")]]
