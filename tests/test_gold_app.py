"""The gold coded by hand in the app: every sample article is covered and every span is sound."""

from __future__ import annotations

from pathlib import Path

from tui.core.formats import read_annotations
from tui.core.importer import read_text_file

from .conftest import SAMPLES

GOLD_APP = Path(__file__).parent / "gold" / "app"


def test_app_gold_covers_every_sample_article_with_sound_spans(codebook):
    docs = read_annotations(sorted(GOLD_APP.glob("*.jsonl")), "jsonl")
    samples = {read_text_file(p).id: p.name for p in SAMPLES.glob("[0-9][0-9]_*.txt")}
    assert {d.article.id for d in docs} == set(samples)
    events = [(d.article, e) for d in docs for e in d.events if e.status == "accepted"]
    assert len(events) >= 30
    for article, event in events:
        assert event.type in codebook.event_types and event.subtype in codebook.event_types[event.type].subtypes
        text = article.text
        assert 0 <= event.trigger_start < event.trigger_end <= len(text)
        assert text[event.trigger_start:event.trigger_end].strip() == text[event.trigger_start:event.trigger_end]
        for arg in event.arguments:
            assert arg.role in codebook.event_types[event.type].slots
            if arg.has_span:
                assert 0 <= arg.start < arg.end <= len(text)
        assert event.annotator in ("coderA", "coderB")
