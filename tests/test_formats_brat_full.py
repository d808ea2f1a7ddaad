"""brat files shaped like brat's own tutorials and the BioNLP-ST corpora: every line kind is kept,
what cannot be kept is said with its file and line, and the export is one brat's parser reads.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.formats import ExportOptions, ImportProblem, export_project, import_documents, read_annotations
from tui.core.model import Article, Entity, Relation, article_id_for
from tui.core.session import change
from tui.core.store import Store

from .brat_strict import brat_problems, conf_problems

NEWS = ("Salinas said the merger of Bancomer, Banamex and Serfin was\n"
        "agreed in Mexico City. Carlos Salinas de Gortari, the president, welcomed it.\n")
NEWS_ANN = """T1	Organization 27 35	Bancomer
T2	Organization 37 44	Banamex
T3	Organization 49 55	Serfin
T4	Merge-org 17 23	merger
E1	Merge-org:T4 Org-Arg:T1 Org-Arg2:T2 Org-Arg3:T3
T5	Report 8 12	said
T6	Person 0 7	Salinas
E2	Report:T5 Reporter-Arg:T6 Event-Arg:E1
T7	Location 70 81	Mexico City
R1	Located Arg1:T1 Arg2:T7
T8	Person 83 108	Carlos Salinas de Gortari
*	Alias T6 T8
A1	Confidence E1 Neutral
A2	Negated E2
M1	Individual T6
N1	Reference T8 Wikipedia:64488	Carlos Salinas de Gortari
#1	AnnotatorNotes E1	one merge event with three participants?
#2	AnnotatorNotes T8	the former president
T9	Organization 27 35;49 55	Bancomer Serfin
T10	Location 56 66	was agreed
A3	Speculation T4
"""
# T10 writes the line break inside its span as a space, as newsmark's exports once did for brat: brat's
# parser refuses it, newsmark reads it (the text is the same once breaks are spaces).


def _fixture(folder: Path, ann: str = NEWS_ANN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "news-1.txt").write_text(NEWS, encoding="utf-8", newline="")
    (folder / "news-1.ann").write_text(ann, encoding="utf-8", newline="")
    return folder


def canonical(ann: Path) -> list[str]:
    """The .ann's lines with every id replaced by what it names, so two files compare by content."""
    lines = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines()]
    names: dict[str, str] = {}
    for ident, data, *_ in lines:
        if ident[0] == "T":
            names[ident] = data.replace(" ", "@", 1)
    for _ in range(3):  # events may name events named by events
        for ident, data, *_ in lines:
            if ident[0] == "E":
                names[ident] = "E(" + re.sub(r"\b[TE]\d+\b", lambda m: names.get(m.group(), "?"), data) + ")"
    out = []
    for ident, data, *rest in lines:
        body = re.sub(r"(?<![\w:])([TERN]\d+)\b|(?<=:)([TE]\d+)\b",
                      lambda m: names.get(m.group(), m.group()), data)
        kind = "A" if ident[0] in "AM" else ident[0]
        out.append("\t".join([kind, body, *rest]))
    return sorted(out)


def test_every_brat_line_kind_is_kept_and_a_bad_one_named(tmp_path, capsys):
    folder = _fixture(tmp_path / "in")
    db = tmp_path / "db" / "p.json"
    assert main(["import", str(folder), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert "8 entities, 2 event(s), 2 relation(s)" in out
    assert "kept T 10, E 2, R 1, A/M 3, # 2, N 1, * 1" in out
    assert err.splitlines() == [
        f"newsmark: {folder / 'news-1.ann'}:21: attribute Speculation on T4, which is not an entity, "
        "event or relation; not kept",  # T4 is a trigger
        "newsmark: not in codebook acled, kept as given: 2 event(s) of 2 type(s) (Merge-org, Report), "
        "8 entities of 3 label(s) (Organization, Person, Location)"]
    with Store(db) as store:
        session = store.open_session(store.article_ids()[0])
        ents = {e.id: e for e in session.entities.values()}
        by_text = {NEWS[e.start:e.end]: e for e in ents.values()}
        assert by_text["Bancomer, Banamex and Serfin"].fragments == [[27, 35], [49, 55]]
        assert by_text["Carlos Salinas de Gortari"].norms == [
            {"type": "Reference", "db": "Wikipedia", "id": "64488", "text": "Carlos Salinas de Gortari"}]
        assert by_text["Carlos Salinas de Gortari"].notes == ["the former president"]
        assert by_text["Salinas"].attributes == {"Individual": True}  # an M line
        assert "was\nagreed" in by_text  # T10: one span again
        events = {e.type: e for e in session.events.values()}
        report, merge = events["Report"], events["Merge-org"]
        assert [(a.role, a.event) for a in report.arguments if a.event] == [("Event-Arg", merge.id)]
        assert [a.role for a in merge.arguments] == ["Org-Arg"] * 3
        assert merge.attributes == {"Confidence": "Neutral"} and report.attributes == {"Negated": True}
        assert merge.notes == ["one merge event with three participants?"]
        rels = sorted((r.type, r.equivalence, NEWS[ents[r.head].start:ents[r.head].end],
                       NEWS[ents[r.child].start:ents[r.child].end]) for r in session.relations.values())
        assert rels == [("Alias", True, "Salinas", "Carlos Salinas de Gortari"),
                        ("Located", False, "Bancomer", "Mexico City")]
        session.close()


def test_brat_to_newsmark_to_brat_keeps_every_line(tmp_path, capsys):
    source = NEWS_ANN.replace("T10\tLocation 56 66\twas agreed\n", "").replace("A3\tSpeculation T4\n", "")
    folder = _fixture(tmp_path / "in", source)
    db = tmp_path / "db" / "p.json"
    assert main(["import", str(folder), "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    assert (out / "news-1.txt").read_text(encoding="utf-8") == NEWS  # named from the source file
    assert canonical(out / "news-1.ann") == canonical(folder / "news-1.ann")
    assert brat_problems(out / "news-1.ann") == []
    assert conf_problems(out) == []


def test_export_cuts_spans_at_line_breaks_and_brat_parses_it(tmp_path):
    text = "Gunmen attacked\nKaduna State on Sunday.\nPolice said\n\nlittle."
    article = Article(article_id_for(text), text, source="/data/wire/kaduna.txt")
    with Store(tmp_path / "p.json") as store:
        store.add_article(article)
        twin = Article(article_id_for(text + " "), text + " ", source="/other/kaduna.txt")
        store.add_article(twin)
        session = store.open_session(article.id)
        whole = Entity(0, len(text), "EVENT_TEXT")
        place = Entity(7, 28, "GPE", attributes={"Hypothetical": True, "Certainty": "Reported"},
                       notes=["two lines"], norms=[{"type": "Reference", "db": "GeoNames", "id": "2335727",
                                                    "text": "Kaduna"}])
        police = Entity(40, 46, "ORG")
        session.commit("seed", [change("entities", None, e) for e in (whole, place, police)]
                       + [change("relations", None, Relation("Located", police.id, place.id))])
        session.close()
        export_project(store, "brat", tmp_path / "out", ExportOptions(include_unreviewed=True))
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "kaduna-2.ann", "kaduna-2.txt",
                                                      "kaduna.ann", "kaduna.txt", "visual.conf"]
    ann = (out / "kaduna.ann").read_text(encoding="utf-8")
    assert "T2\tGPE 7 15;16 28\tattacked Kaduna State" in ann
    assert brat_problems(out / "kaduna.ann") == []
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "EVENT_TEXT" in conf and "Located\tArg1:<ENTITY>, Arg2:<ENTITY>" in conf
    assert "Certainty\tArg:<ANY>, Value:Reported" in conf and "Hypothetical\tArg:<ANY>" in conf
    assert conf_problems(out) == []
    back = read_annotations([out])
    (doc,) = [d for d in back if d.article.text == text]
    assert sorted((e.start, e.end, e.label, e.fragments) for e in doc.entities) == sorted(
        (e.start, e.end, e.label, []) for e in (whole, place, police))  # breaks only: one span again


def test_strict_reader_catches_what_brat_rejects(tmp_path):
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "a.txt").write_text("one\ntwo", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tX 0 7\tone two\nT2\tX 0 3;2 4\tone e\nE1\tY:T1\nA1\tNeg T9\n",
                                  encoding="utf-8")
    problems = brat_problems(folder / "a.ann")
    assert any("text does not match" in p for p in problems)  # the newline was written as a space
    assert any("fragments overlap" in p for p in problems)  # overlapping fragments
    assert any("not a T line of type Y" in p for p in problems)
    assert any("T9 not defined" in p for p in problems)


def test_reimporting_the_same_brat_folder_adds_nothing(tmp_path):
    folder = _fixture(tmp_path / "in", NEWS_ANN.replace("T10\tLocation 56 66\twas agreed\n", ""))
    with Store(tmp_path / "p.json") as store:
        first = import_documents(store, read_annotations([folder]))
        again = import_documents(store, read_annotations([folder]))
    assert first.relations == 2 and again.relations == 0 and again.entities == 0 and again.events == 0


def test_event_modality_is_a_brat_attribute_beside_the_others(tmp_path):
    """An event's modality (the suggester's field) goes out as its ``Modality`` A line, through the same
    writer as its other attributes; brat's parser and the generated annotation.conf accept both, and
    reading back gives the modality field and the attributes apart. An unknown Modality is refused."""
    from tui.core.model import Event

    text = "Rebels threatened to strike the capital on Monday."
    article = Article(article_id_for(text), text, source="threat.txt")
    with Store(tmp_path / "p.json") as store:
        store.add_article(article)
        session = store.open_session(article.id)
        rebels = Entity(0, 6, "ORG", attributes={"Negated": True})
        threat = Event("REMOTE_VIOLENCE", trigger_start=21, trigger_end=27, modality="hypothetical",
                       evidence='"strike": threatened', attributes={"Certainty": "Reported"})
        session.commit("seed", [change("entities", None, rebels), change("events", None, threat)])
        session.set_reviewed(True)
        session.close()
        export_project(store, "brat", tmp_path / "out", ExportOptions())
    out = tmp_path / "out"
    ann = (out / "threat.ann").read_text(encoding="utf-8")
    assert "\tModality E1 hypothetical\n" in ann and "\tCertainty E1 Reported\n" in ann
    assert "\tNegated T1\n" in ann and 'evidence="\\"strike\\": threatened"' in ann
    assert brat_problems(out / "threat.ann") == [] and conf_problems(out) == []
    assert "Modality\tArg:<EVENT>, Value:generic|hypothetical|negated|future|background" in (
        out / "annotation.conf").read_text(encoding="utf-8")
    [doc] = read_annotations([out], "brat")
    [event] = doc.events
    assert (event.modality, event.evidence, event.attributes) == (
        "hypothetical", '"strike": threatened', {"Certainty": "Reported"})
    assert [e.attributes for e in doc.entities] == [{"Negated": True}]
    (out / "threat.ann").write_text(ann.replace("Modality E1 hypothetical", "Modality E1 maybe"), encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"threat\.ann:\d+: E1: unknown Modality 'maybe'"):
        read_annotations([out], "brat")


def test_an_empty_event_field_writes_no_note(tmp_path):
    """Found in a practice export: every arrest carried `#21 AnnotatorNotes E2 assoc_actor_2=""`, a
    field the suggester had left empty; a brat user reads notes, and an empty one says nothing."""
    from tui.core.model import Event

    text = "Police arrested two suspects in Pandeglang."
    article = Article(article_id_for(text), text, source="arrest.txt")
    with Store(tmp_path / "p.json") as store:
        store.add_article(article)
        session = store.open_session(article.id)
        arrest = Event("ARREST", "Arrests", trigger_start=7, trigger_end=15, fields={
            "actor1": "Police Forces of Indonesia", "assoc_actor_2": "", "location": "Pandeglang"})
        session.commit("seed", [change("events", None, arrest)])
        session.set_reviewed(True)
        session.close()
        export_project(store, "brat", tmp_path / "out", ExportOptions())
    ann = (tmp_path / "out" / "arrest.ann").read_text(encoding="utf-8")
    assert 'actor1="Police Forces of Indonesia"' in ann and 'location="Pandeglang"' in ann
    assert "assoc_actor_2" not in ann
    [doc] = read_annotations([tmp_path / "out"], "brat")
    assert doc.events[0].fields == {"actor1": "Police Forces of Indonesia", "location": "Pandeglang"}
