"""The built-in ACE 2005 and KAIROS codebooks load and validate, and a project remembers its codebook."""

from __future__ import annotations

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
