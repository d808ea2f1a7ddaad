"""DyGIE++ and OneIE (the ACE-style JSON family): round trips keep every offset, OneIE's
document-level variant (WikiEvents' shape) is read by its sentence offsets, and both are detected."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given

from tests.test_formats_property import FAST, annotated
from tui.core.codebook import load_codebook
from tui.core.formats import detect_format, read_annotations, split_research_types
from tui.core.formats.base import ExportSummary
from tui.core.formats.dygiepp import record_for
from tui.core.formats.oneie import lines_for

ACLED = load_codebook()


def _read(lines: list[dict], fmt: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.jsonl"
        path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
        assert detect_format(path) == fmt
        docs = read_annotations([path])
    split_research_types(docs, ACLED)
    assert len(docs) == 1
    return docs[0]


def _entities(doc) -> list:
    return sorted((e.start, e.end, e.label) for e in doc.entities)


def _arguments(events) -> list:
    return sorted((a.role, a.start, a.end) for ev in events for a in ev.arguments if a.has_span)


@given(annotated())
@FAST
def test_oneie_round_trip_keeps_every_offset(doc):
    back = _read(lines_for(doc, ACLED), "oneie")
    assert back.article.text == doc.article.text and back.article.id == doc.article.id
    assert _entities(back) == _entities(doc)
    assert sorted((e.type, e.subtype, e.trigger_start, e.trigger_end) for e in back.events) == \
        sorted((e.type, e.subtype, e.trigger_start, e.trigger_end) for e in doc.events)
    assert _arguments(back.events) == _arguments(doc.events)


@given(annotated())
@FAST
def test_dygiepp_round_trip_keeps_every_offset(doc):
    summary = ExportSummary("dygiepp", "-")
    back = _read([record_for(doc, ACLED, summary)], "dygiepp")
    assert back.article.text == doc.article.text
    assert _entities(back) == _entities(doc)
    assert _arguments(back.events) == _arguments(doc.events)
    # A DyGIE++ trigger is one token: a longer one keeps its last token (and the export says so).
    before = sorted((e.type, e.trigger_end) for e in doc.events)
    assert sorted((e.type, e.trigger_end) for e in back.events) == before
    cut = sum(1 for a, b in zip(sorted(doc.events, key=lambda e: (e.trigger_end, e.trigger_start)),
                                sorted(back.events, key=lambda e: (e.trigger_end, e.trigger_start)))
              if a.trigger_start != b.trigger_start)
    assert (cut > 0) <= any("cut to their last token" in w for w in summary.warnings)


def test_oneie_document_level_reads_the_sentence_offsets_not_the_text_field(tmp_path):
    # The WikiEvents shape: doc-level tokens, sentences of [token, start, end], a text run together.
    record = {
        "doc_id": "d1", "tokens": ["Bomb", "kills", "five", "Police", "arrested", "two"],
        "text": "Bomb kills fivePolice arrested two",
        "sentences": [[[["Bomb", 0, 4], ["kills", 5, 10], ["five", 11, 15]], "Bomb kills five"],
                      [[["Police", 18, 24], ["arrested", 25, 33], ["two", 34, 37]], "Police arrested two"]],
        "entity_mentions": [{"id": "d1-T1", "sent_idx": 0, "start": 2, "end": 3, "entity_type": "PER", "text": "five"},
                            {"id": "d1-T2", "sent_idx": 1, "start": 3, "end": 4, "entity_type": "PER", "text": "Police"},
                            {"id": "d1-T3", "sent_idx": 1, "start": 5, "end": 6, "entity_type": "PER", "text": "two"}],
        "relation_mentions": [{"id": "d1-R1", "relation_type": "PHYS.Located", "arguments": []}],
        "event_mentions": [
            {"id": "d1-E1", "event_type": "Conflict.Attack.DetonateExplode",
             "trigger": {"start": 1, "end": 2, "text": "kills", "sent_idx": 0},
             "arguments": [{"entity_id": "d1-T1", "role": "Victim", "text": "five"}]},
            {"id": "d1-E2", "event_type": "Justice.ArrestJailDetain.Unspecified",
             "trigger": {"start": 4, "end": 5, "text": "arrested", "sent_idx": 1},
             "arguments": [{"entity_id": "d1-T2", "role": "Jailer", "text": "Police"},
                           {"entity_id": "d1-T3", "role": "Detainee", "text": "two"}]}]}
    path = tmp_path / "wikievents.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert detect_format(path) == "oneie"
    [doc] = read_annotations([path])
    split_research_types([doc], load_codebook("kairos"))
    assert doc.not_kept == {"relations": 1}  # counted, and said by the import command
    text = doc.article.text
    assert text == "Bomb kills five \n\nPolice arrested two"  # as score_events.py doc_text places it
    assert [text[e.start:e.end] for e in doc.entities] == ["five", "Police", "two"]
    attack, arrest = sorted(doc.events, key=lambda e: e.trigger_start)
    assert (attack.type, attack.subtype, text[attack.trigger_start:attack.trigger_end]) == \
        ("Conflict.Attack", "DetonateExplode", "kills")
    assert [(a.role, text[a.start:a.end]) for a in arrest.arguments] == [("Jailer", "Police"), ("Detainee", "two")]


def test_a_bad_oneie_record_is_one_line_naming_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = {"doc_id": "d", "sent_id": "d-0", "tokens": ["Rebels", "attacked"], "sentence": "Rebels attacked",
            "entity_mentions": [], "relation_mentions": [], "event_mentions": []}
    bad = {**good, "sent_id": "d-1", "event_mentions": [
        {"id": "e", "event_type": "BATTLE", "trigger": {"start": 1, "end": 9}, "arguments": []}]}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    try:
        read_annotations([path], "oneie")
    except ValueError as exc:
        assert str(exc).startswith(f"{path}:2: trigger of e: token span [1, 9)")
    else:
        raise AssertionError("a trigger outside its sentence was accepted")
