"""Labelled data whose event types and entity labels are not in the project's codebook (WikiEvents'
KAIROS events imported into an ACLED project) is kept as given, and the import says so in one line,
counted, naming the built-in codebook that holds them all: otherwise the first the coder hears of it
is a thousand warnings in `stats`. A codebook name that is neither built in nor a file says which are."""

from __future__ import annotations

import json

from tui.cli import main

RECORD = {
    "doc_id": "d1", "tokens": ["Bomb", "kills", "five", "Police", "arrested", "two"],
    "text": "Bomb kills fivePolice arrested two",
    "sentences": [[[["Bomb", 0, 4], ["kills", 5, 10], ["five", 11, 15]], "Bomb kills five"],
                  [[["Police", 18, 24], ["arrested", 25, 33], ["two", 34, 37]], "Police arrested two"]],
    "entity_mentions": [{"id": "d1-T1", "start": 0, "end": 1, "entity_type": "WEA", "text": "Bomb"},
                        {"id": "d1-T2", "start": 3, "end": 4, "entity_type": "PER", "text": "Police"},
                        {"id": "d1-T3", "start": 5, "end": 6, "entity_type": "PER", "text": "two"}],
    "relation_mentions": [],
    "event_mentions": [
        {"id": "d1-E1", "event_type": "Conflict.Attack.DetonateExplode",
         "trigger": {"start": 1, "end": 2, "text": "kills"}, "arguments": []},
        {"id": "d1-E2", "event_type": "Justice.ArrestJailDetain.Unspecified",
         "trigger": {"start": 4, "end": 5, "text": "arrested"},
         "arguments": [{"entity_id": "d1-T2", "role": "Jailer", "text": "Police"}]}]}


def _source(tmp_path):
    path = tmp_path / "wikievents.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return path


def test_kairos_events_imported_into_an_acled_project_are_counted_and_said(tmp_path, capsys):
    assert main(["import", str(_source(tmp_path)), "--db", str(tmp_path / "acled.json")]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if "not in codebook" in line]
    assert len(err) == 1
    line = err[0]
    assert "not in codebook acled" in line and "2 event(s) of 2 type(s)" in line and "3 entities of 2 label(s)" in line
    assert "Conflict.Attack.DetonateExplode" in line and "kairos has them all" in line


def test_the_same_data_in_a_kairos_project_says_nothing_of_the_codebook(tmp_path, capsys):
    db = tmp_path / "kairos.json"
    assert main(["import", str(_source(tmp_path)), "--db", str(db), "--codebook", "kairos"]) == 0
    assert "not in codebook" not in capsys.readouterr().err


def test_a_codebook_that_is_no_built_in_name_nor_a_file_says_which_are_built_in(tmp_path, capsys):
    assert main(["import", str(_source(tmp_path)), "--db", str(tmp_path / "p.json"), "--codebook", "kairoz"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "kairoz" in err[0] and "acled, ace2005, kairos" in err[0]
    assert not (tmp_path / "p.json").exists()  # no empty project left behind


def test_the_import_counts_the_event_arguments_it_kept(tmp_path, capsys):
    """Arguments are most of what an event extractor learns: the summary counts them too."""
    assert main(["import", str(_source(tmp_path)), "--db", str(tmp_path / "k.json"), "--codebook", "kairos"]) == 0
    assert "3 entities, 2 event(s), 1 event argument(s)" in capsys.readouterr().out
