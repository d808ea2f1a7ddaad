"""Round trips and imports on the real store: export, import into a fresh project, export again."""

from __future__ import annotations

import filecmp
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "golden"))
from seed import build_seed  # noqa: E402

from tui.cli import main  # noqa: E402
from tui.core.formats import (ExportError, ExportOptions, ImportProblem, export_project,  # noqa: E402
                              import_documents, read_annotations)
from tui.core.formats.base import safe_child, safe_name  # noqa: E402
from tui.core.store import Store  # noqa: E402


@pytest.fixture
def seed(tmp_path):
    store = build_seed(tmp_path / "seed" / "project.json")
    yield store
    store.close()


def snapshot(store: Store) -> list:
    """Everything stored about each article, for before/after comparisons."""
    out = []
    for row in store.rows():
        session = store.open_session(row["id"])
        article = session.article.to_dict()
        article.pop("status")  # the index row holds the article's status; the article file keeps its first
        out.append((row["status"], session.analysed, article,
                    sorted(json.dumps(e.to_dict(), sort_keys=True) for e in session.entities.values()),
                    sorted(json.dumps(e.to_dict(), sort_keys=True) for e in session.events.values())))
        session.close()
    return out


def reimport(tmp_path, name: str, source: Path, fmt: str = "auto") -> Store:
    store = Store(tmp_path / name / "project.json")
    import_documents(store, read_annotations([source], fmt))
    return store


def test_jsonl_round_trip_gives_the_same_project_and_bytes(seed, tmp_path):
    first = tmp_path / "a.jsonl"
    export_project(seed, "jsonl", first)
    copy = reimport(tmp_path, "copy", first)
    try:
        assert snapshot(copy) == snapshot(seed)  # ids, origin, status, annotator, times, article status
        second = tmp_path / "b.jsonl"
        export_project(copy, "jsonl", second)
    finally:
        copy.close()
    assert second.read_bytes() == first.read_bytes()


def test_brat_round_trip_gives_identical_files(seed, tmp_path):
    options = ExportOptions(include_suggestions=True)  # brings in A lines for suggested records
    export_project(seed, "brat", tmp_path / "a", options)
    copy = reimport(tmp_path, "copy", tmp_path / "a")
    try:
        export_project(copy, "brat", tmp_path / "b", ExportOptions(include_suggestions=True))
    finally:
        copy.close()
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert not mismatch and not errors
    ann = next((tmp_path / "a").glob("*.ann")).read_text(encoding="utf-8")
    assert "Status T" in ann and "Status E" in ann  # the suggested entity and event


def test_prodigy_import_carries_entities_and_events(seed, tmp_path):
    export_project(seed, "prodigy", tmp_path / "p.jsonl")
    copy = reimport(tmp_path, "copy", tmp_path / "p.jsonl")
    try:
        (status, _, article, ents, evs), = snapshot(copy)
        (_, _, original, orig_ents, orig_evs), = snapshot(seed)
        assert article["text"] == original["text"] and article["id"] == original["id"]
        spans = lambda rows: sorted((d["start"], d["end"], d["label"]) for d in map(json.loads, rows)  # noqa: E731
                                    if d.get("status", "accepted") == "accepted")
        assert spans(ents) == spans(orig_ents)
        got = {(e["type"], e["trigger_start"], tuple((a["role"], a["start"], a["end"]) for a in e["arguments"]))
               for e in map(json.loads, evs)}
        want = {(e["type"], e["trigger_start"], tuple((a["role"], a["start"], a["end"]) for a in e["arguments"]
                                                      if a["start"] is not None))
                for e in map(json.loads, orig_evs) if e["status"] == "accepted"}
        assert got == want
    finally:
        copy.close()


def test_doccano_import_both_forms(tmp_path):
    text = "Gunmen killed 12 villagers in Kaduna on Sunday, police said."
    src = tmp_path / "doccano.jsonl"
    src.write_text(
        json.dumps({"text": text, "label": [[30, 36, "GPE"], [40, 46, "DATE"]]}) + "\n"
        + json.dumps({"text": text + " Again.", "entities": [
            {"id": 1, "start_offset": 7, "end_offset": 13, "label": "BATTLE"},
            {"id": 2, "start_offset": 0, "end_offset": 6, "label": "PERSON"},
            {"id": 3, "start_offset": 30, "end_offset": 36, "label": "GPE"}],
            "relations": [{"id": 9, "from_id": 1, "to_id": 2, "type": "Attacker"},
                          {"id": 10, "from_id": 1, "to_id": 3, "type": "Place"}]}) + "\n",
        encoding="utf-8")
    store = reimport(tmp_path, "d", src)
    try:
        (_, _, a1, e1, v1), (_, _, a2, e2, v2) = snapshot(store)
        assert [(d["start"], d["end"], d["label"]) for d in sorted(map(json.loads, e1), key=lambda d: d["start"])] \
            == [(30, 36, "GPE"), (40, 46, "DATE")]
        (event,) = map(json.loads, v2)
        assert (event["type"], event["trigger_start"], event["trigger_end"]) == ("BATTLE", 7, 13)
        assert [(a["role"], a["start"], a["end"]) for a in event["arguments"]] == [("Attacker", 0, 6), ("Place", 30, 36)]
        assert sorted(json.loads(d)["label"] for d in e2) == ["GPE", "PERSON"]  # the trigger is not an entity
    finally:
        store.close()


def test_bad_record_names_file_and_line_and_changes_nothing(seed, tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    export_project(seed, "jsonl", good)
    lines = good.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    other = json.loads(lines[1])
    other["article"]["text"] = "A new article about a protest in Belgrade."
    other["article"]["id"] = __import__("tui.core.model", fromlist=["x"]).article_id_for(other["article"]["text"])
    other["entities"], other["events"], other["article"]["body_start"] = [], [], 0
    record["entities"][0]["end"] = 10**6  # beyond the text
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[0], json.dumps(other), json.dumps(record)]) + "\n", encoding="utf-8")
    with pytest.raises(ImportProblem) as info:
        read_annotations([bad])
    assert str(info.value).startswith(f"{bad}:3: entity")
    db = tmp_path / "seed" / "project.json"
    before = snapshot(seed)
    seed.close()
    files_before = {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file() and p.suffix != ".lock"}
    code = main(["import", str(bad), "--db", str(db)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and f"{bad}:3:" in err[0] and "Traceback" not in err[0]
    files_after = {p: p.read_bytes() for p in db.parent.rglob("*") if p.is_file() and p.suffix != ".lock"}
    assert files_after == files_before  # not even the new, valid article on line 2 went in
    reopened = Store(db)
    try:
        assert snapshot(reopened) == before
    finally:
        reopened.close()


@pytest.mark.parametrize("content, message", [
    ("not json\n", ":1: not valid JSON"),
    ('{"text": "abc", "spans": [{"start": 2, "end": 1, "label": "X"}], "_input_hash": 1}\n', ":1: span"),
    ('{"text": "abc", "label": [[0, 2]]}\n', ":1: label [0, 2] is not [start, end, label]"),
])
def test_bad_foreign_records(tmp_path, content, message):
    src = tmp_path / "x.jsonl"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(ImportProblem, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_annotations([src], "auto" if "label" in content or "spans" in content else "prodigy")


def test_bad_brat_line(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("Gunmen killed 12.", encoding="utf-8")
    (tmp_path / "b" / "x.ann").write_text("T1\tPERSON 0 6\tGunmen\nT2\tPERSON 7 99\tkilled\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match=r"x\.ann:2: T2: span \[7, 99\)"):
        read_annotations([tmp_path / "b"])


def test_filters_include_suggestions_status_annotator(seed, tmp_path):
    def ids(options):
        export_project(seed, "jsonl", tmp_path / "f.jsonl", options)
        rec = json.loads((tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()[1])
        return sorted(e["id"] for e in rec["entities"]), sorted(e["id"] for e in rec["events"])

    ents, evs = ids(ExportOptions(statuses=frozenset({"accepted"})))
    assert "T9" not in ents and "T10" not in ents and evs == ["E1", "E2"]
    export_project(seed, "acled", tmp_path / "s.csv", ExportOptions(include_suggestions=True))
    assert "E3" in (tmp_path / "s.csv").read_text(encoding="utf-8")
    assert ids(ExportOptions(statuses=frozenset({"rejected"}))) == (["T10"], [])
    assert ids(ExportOptions(annotator="en_core_web_sm")) == ([], ["E3"])
    export_project(seed, "jsonl", tmp_path / "t.jsonl", ExportOptions(article_statuses=frozenset({"todo"})))
    assert len((tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()) == 1  # header only


def test_output_never_leaves_out(tmp_path):
    assert "/" not in safe_name("../../etc/passwd") and ".." not in safe_name("../..")
    assert safe_name("") == "article"
    with pytest.raises(ExportError):
        safe_child(tmp_path, "../escape.txt")
    with pytest.raises(ExportError):
        safe_child(tmp_path, "/etc/passwd")
    assert safe_child(tmp_path, "ok.ann") == (tmp_path / "ok.ann").resolve()


def test_cli_export_import_stats(seed, tmp_path, capsys):
    db = tmp_path / "seed" / "project.json"
    seed.close()
    assert main(["export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "brat")]) == 0
    assert "exported 1 article(s), 9 entities, 2 event(s) as brat" in capsys.readouterr().out
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "file")]) == 1
    assert "is not a folder" in capsys.readouterr().err
    new_db = tmp_path / "new" / "project.json"
    assert main(["import", str(tmp_path / "brat"), "--db", str(new_db)]) == 0
    assert "1 new article(s)" in capsys.readouterr().out
    # Plain articles still import as before, beside labelled data.
    assert main(["import", "sample_articles/01_2019-01-24_afghanistan_maidan_wardak_car_bomb.txt",
                 "--db", str(new_db)]) == 0
    assert "imported 1 article(s)" in capsys.readouterr().out
    assert main(["stats", "--db", str(new_db)]) == 0
    out = capsys.readouterr().out
    assert "Articles by status" in out and "Entities by label" in out and "Events by type" in out
    assert "ORG" in out and "BATTLE" in out and "warning(s)" in out
    assert main(["export", "--db", str(tmp_path / "none.json"), "--format", "jsonl", "--out", "x"]) == 1


def test_progress_is_reported_per_article(seed, tmp_path):
    seen = []
    summary = export_project(seed, "conll", tmp_path / "x.conll", progress=seen.append)
    assert seen == [1] and summary.articles == 1 and summary.files == 1


def test_plain_jsonl_still_imports_as_articles_and_format_can_be_forced(tmp_path, capsys):
    src = tmp_path / "plain.jsonl"
    src.write_text(json.dumps({"text": "Protesters marched in Belgrade.", "title": "Belgrade"}) + "\n",
                   encoding="utf-8")
    db = tmp_path / "p" / "project.json"
    assert main(["import", str(src), "--db", str(db)]) == 0
    assert "imported 1 article(s)" in capsys.readouterr().out
    assert main(["import", str(src), "--db", str(db), "--format", "jsonl"]) == 1  # not a native export
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{src}:1: no 'article' object" in err
