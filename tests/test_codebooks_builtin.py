"""The built-in ACE 2005 and KAIROS codebooks load and validate, and a project remembers its codebook."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.core.codebook import builtin_codebook_names, load_codebook
from tui.core.store import Store

from .conftest import SEED


def test_the_research_codebooks_load_and_validate():
    assert {"acled", "ace2005", "kairos"} <= builtin_codebook_names()
    ace = load_codebook("ace2005")
    assert len(ace.event_types) == 8 and sum(len(t.subtypes) for t in ace.event_types.values()) == 33
    assert ace.event_types["Conflict"].subtypes == ("Attack", "Demonstrate")
    assert "Attacker" in ace.event_types["Conflict"].slots
    kairos = load_codebook("kairos")
    attack = kairos.event_types["Conflict.Attack"]
    assert "DetonateExplode" in attack.subtypes and {"Attacker", "Target", "Place"} <= set(attack.slots)
    for book in (ace, kairos):
        for etype in book.event_types.values():
            for slot in etype.slots.values():
                assert set(slot.role.labels) <= set(book.entity_labels)


def test_a_project_remembers_its_codebook_and_refuses_another_in_one_line(tmp_path, capsys):
    db = tmp_path / "p.json"
    assert main(["import", str(SEED), "--db", str(db), "--codebook", "kairos"]) == 0
    with Store(db) as store:
        assert store.meta("codebook")["name"] == "kairos"
    assert main(["stats", "--db", str(db)]) == 0  # no flag: the project's own codebook
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "x.jsonl"),
                 "--codebook", "acled"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "uses codebook kairos, not acled" in err[0] and "--codebook-change" in err[0]
    with Store(db) as store:
        assert store.meta("codebook")["name"] == "kairos"  # refused: nothing changed
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "x.jsonl"),
                 "--codebook", "acled", "--codebook-change"]) == 0
    with Store(db) as store:  # export opens the project read-only: it writes with acled, switches nothing
        assert store.meta("codebook")["name"] == "kairos"
    assert main(["import", str(SEED), "--db", str(db), "--codebook", "acled", "--codebook-change"]) == 0
    with Store(db) as store:
        assert store.meta("codebook")["name"] == "acled"


@pytest.mark.parametrize("name", ["ace2005", "kairos"])
def test_an_export_writes_the_research_type_names(tmp_path, name):
    from tui.core.formats.ace_json import split_type, type_name
    from tui.core.model import Event

    book = load_codebook(name)
    etype = "Conflict" if name == "ace2005" else "Conflict.Attack"
    sub = book.event_types[etype].subtypes[0]
    written = type_name(Event(etype, sub), book)
    assert written == ("Conflict:Attack" if name == "ace2005" else "Conflict.Attack.Unspecified")
    assert split_type(written, book) == (etype, sub)


@pytest.mark.parametrize("name", ["ace2005", "kairos"])
def test_the_rule_suggester_skips_acled_types_a_research_codebook_lacks(pipeline, name):
    from tui.core.model import Article
    from tui.core.suggest import Suggester

    text = "A drone attack killed five soldiers in Idlib on Monday."
    events = Suggester(load_codebook(name)).suggest(pipeline.nlp(text), Article("x", text))
    assert all(ev.type in load_codebook(name).event_types for ev in events)


@pytest.mark.parametrize("fmt", ["dygiepp", "oneie"])
def test_a_kairos_project_goes_out_and_back_in_through_the_command_line(tmp_path, fmt):
    text = "Militants detonated a car bomb in Kabul. Police arrested two men."
    record = {"doc_id": "k1", "sent_id": "k1-0", "tokens": text.replace(".", " .").split(), "sentence": text,
              "entity_mentions": [{"id": "m1", "start": 6, "end": 7, "entity_type": "GPE", "text": "Kabul"}],
              "relation_mentions": [],
              "event_mentions": [{"id": "e1", "event_type": "Conflict.Attack.DetonateExplode",
                                  "trigger": {"start": 1, "end": 2, "text": "detonated"},
                                  "arguments": [{"entity_id": "m1", "role": "Place", "text": "Kabul"}]}]}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["import", str(source), "--db", str(first), "--codebook", "kairos"]) == 0
    out = tmp_path / f"out.{fmt}.jsonl"
    assert main(["export", "--db", str(first), "--format", fmt, "--out", str(out)]) == 0
    assert main(["import", str(out), "--db", str(second), "--codebook", "kairos"]) == 0
    for db in (first, second):
        with Store(db) as store:
            [article_id] = store.article_ids()
            session = store.open_session(article_id)
            [event] = session.events.values()
            words = session.article.text[event.trigger_start:event.trigger_end]
            place = [session.article.text[a.start:a.end] for a in event.arguments]
            session.close()
        assert (event.type, event.subtype, words, place) == ("Conflict.Attack", "DetonateExplode", "detonated", ["Kabul"])
