"""Golden-file tests: every export format on the seed article must match tests/golden/ byte for byte.

To accept an intended change of output, regenerate and review the diff:
    NEWSMARK_REGEN_GOLDEN=1 .venv/bin/pytest -q tests/test_formats_golden.py
(or run ``.venv/bin/python tests/golden/seed.py``). Each test also re-reads its output with an
independent reader (brat re-parsed, DocBin loaded with spaCy alone, CSV read with ``csv``).
"""

from __future__ import annotations

import csv
import filecmp
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "golden"))
from seed import GOLDEN, GOLDEN_FILES, build_seed, spacy_json  # noqa: E402

from tui.core.formats import export_project  # noqa: E402
from tui.core.formats.brat import read as read_brat  # noqa: E402
from tui.core.formats.conll import parse as parse_conll  # noqa: E402

REGEN = os.environ.get("NEWSMARK_REGEN_GOLDEN") == "1"


@pytest.fixture
def seed(tmp_path):
    store = build_seed(tmp_path / "db" / "project.json")
    session = store.open_session(store.article_ids()[0])
    article = session.article
    accepted = sorted((e.start, e.end, e.label) for e in session.entities.values() if e.status == "accepted")
    events = {e.id: e for e in session.events.values()}
    session.close()
    yield store, article, accepted, events
    store.close()


def export(store, fmt, tmp_path) -> Path:
    out = tmp_path / GOLDEN_FILES[fmt][1]
    summary = export_project(store, fmt, out)
    assert summary.articles == 1
    return out


def compare(fmt: str, produced: Path) -> None:
    golden = GOLDEN / GOLDEN_FILES[fmt][0]
    if fmt == "spacy":
        text = spacy_json(produced)
        if REGEN:
            golden.write_text(text, encoding="utf-8")
        assert text == golden.read_text(encoding="utf-8"), f"{golden} differs; see this file's docstring"
    elif produced.is_dir():
        if REGEN:
            shutil.rmtree(golden, ignore_errors=True)
            shutil.copytree(produced, golden)
        names = sorted(p.name for p in produced.iterdir())
        assert names == sorted(p.name for p in golden.iterdir())
        match, mismatch, errors = filecmp.cmpfiles(produced, golden, names, shallow=False)
        assert not mismatch and not errors, f"{golden}: {mismatch or errors} differ; see this file's docstring"
    else:
        if REGEN:
            shutil.copyfile(produced, golden)
        assert produced.read_bytes() == golden.read_bytes(), f"{golden} differs; see this file's docstring"


def test_jsonl_golden(seed, tmp_path):
    store, article, accepted, events = seed
    out = export(store, "jsonl", tmp_path)
    compare("jsonl", out)
    header, record = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert header["codebook"] == {"name": "acled", "version": "1"}
    assert record["article"]["text"] == article.text and record["article"]["status"] == "done"
    assert {e["status"] for e in record["entities"]} == {"accepted", "suggested", "rejected"}  # lossless
    assert {e["id"] for e in record["events"]} == set(events)


def test_prodigy_golden(seed, tmp_path):
    store, article, accepted, events = seed
    out = export(store, "prodigy", tmp_path)
    compare("prodigy", out)
    (task,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert task["text"] == article.text and task["answer"] == "accept" and task["_annotator_id"] == "alice"
    assert isinstance(task["_input_hash"], int) and -2**31 <= task["_task_hash"] < 2**31
    assert sorted((s["start"], s["end"], s["label"]) for s in task["spans"]) == accepted
    tokens = task["tokens"]
    for span in task["spans"] + [r["head_span"] for r in task["relations"]] + [r["child_span"] for r in task["relations"]]:
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]  # token_end is inclusive
        assert article.text[span["start"]:span["end"]] == span["text"]
    e1 = [r for r in task["relations"] if r["event_id"] == "E1"]
    assert [r["label"] for r in e1] == ["Attacker", "Target", "Place", "Victim"]
    assert all(r["head_span"]["label"] == "BATTLE" for r in e1)


def test_spacy_golden_loads_with_spacy_alone(seed, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    store, article, accepted, events = seed
    out = export(store, "spacy", tmp_path)
    compare("spacy", out)
    (doc,) = DocBin().from_disk(out).get_docs(spacy.blank("en").vocab)
    assert doc.text == article.text
    assert sorted((e.start_char, e.end_char, e.label_) for e in doc.ents) == accepted
    assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["triggers"]] == [
        (events["E1"].trigger_start, events["E1"].trigger_end, "BATTLE"),
        (events["E2"].trigger_start, events["E2"].trigger_end, "REMOTE_VIOLENCE")]
    links = json.loads(json.dumps(doc.user_data["events"]))  # msgpack gives tuples back
    assert [e["id"] for e in links] == ["E1", "E2"]
    assert links[0]["arguments"][0] == {"role": "Attacker", "start": 207, "end": 211, "value": ""}
    assert article.text[207:211] == "they"


def test_brat_golden_reparses(seed, tmp_path):
    store, article, accepted, events = seed
    out = export(store, "brat", tmp_path)
    compare("brat", out)
    assert (out / f"{article.id}.txt").read_bytes() == article.text.encode("utf-8")
    for line in (out / f"{article.id}.ann").read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            ident, head, covered = line.split("\t")
            label, start, end = head.split(" ")
            assert article.text[int(start):int(end)] == covered
    (doc,) = read_brat(out)
    assert sorted((e.start, e.end, e.label) for e in doc.entities) == accepted
    assert [e.origin for e in doc.entities if e.start == 0] == ["model"]  # A line: Origin
    battle = next(e for e in doc.events if e.type == "BATTLE")
    assert battle.fields == events["E1"].fields and battle.subtype == "Armed clash"
    assert [a.to_dict() for a in battle.arguments] == [a.to_dict() for a in events["E1"].arguments]
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "BATTLE\tAttacker+:PERSON|NORP|ORG|GPE|Mention" in conf and "[attributes]" in conf


def test_conll_golden(seed, tmp_path):
    store, article, accepted, events = seed
    out = export(store, "conll", tmp_path)
    compare("conll", out)
    (doc,) = parse_conll(out.read_text(encoding="utf-8"))
    assert len(doc) > 5  # sentences
    found, current = [], None
    for sent in doc:
        for token, tag in sent:
            assert tag == "O" or tag[:2] in ("B-", "I-")
            if tag.startswith("B-"):
                current = [tag[2:], [token]]
                found.append(current)
            elif tag.startswith("I-"):
                assert current and current[0] == tag[2:], "I- tag without its B-"
                current[1].append(token)
            else:
                current = None
    got = [(label, "".join(tokens)) for label, tokens in found]
    assert got == [(label, "".join(article.text[s:e].split())) for s, e, label in accepted]


def test_acled_golden_reads_with_csv(seed, tmp_path):
    store, article, accepted, events = seed
    out = export(store, "acled", tmp_path)
    compare("acled", out)
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["app_event_id"] for r in rows] == ["E1", "E2"]  # the suggested E3 stays out
    battle = rows[0]
    assert battle["event_type"] == "Battles" and battle["sub_event_type"] == "Armed clash"
    assert battle["disorder_type"] == "Political violence" and battle["fatalities"] == "100"
    assert battle["actor1"] == "Military Forces of Syria (2000-2024)"  # coded field wins
    assert battle["actor2"] == "SDF: Syrian Democratic Forces"  # the Target span, linked to its standard name
    assert battle["notes"] == events["E1"].fields["notes"]  # quotes, comma, newline survive
    assert battle["year"] == "2018" and battle["admin2"] == "" and battle["app_article_id"] == article.id
    spans = json.loads(battle["app_evidence_spans"])
    assert article.text[spans[0][0]:spans[0][1]] == "attack"
    assert rows[1]["event_date"] == "2018-02-08"  # valued Time argument
