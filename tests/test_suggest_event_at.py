"""`Suggester.event_at` and `likely_types`: the parse's reading of any trigger a coder picks (real model)."""

import pytest

from tui.core.model import Article
from tui.core.suggest import Suggester


@pytest.fixture(scope="module")
def suggester(codebook):
    return Suggester(codebook)


def at(pipeline, suggester, text, word, published="2020-08-03"):
    article = Article("t", text, published=published)
    doc = pipeline.nlp(text)
    start = text.index(word)
    return article, doc, start, start + len(word)


def roles(article, event, name):
    return [article.text[a.start:a.end] for a in event.arguments if a.role == name]


def test_likely_types_rank_the_trigger_words_types(pipeline, suggester):
    article, doc, s, e = at(pipeline, suggester, "A man stabbed two women in a park.", "stabbed")
    assert suggester.likely_types(doc, s, e)[0] == ("VIOLENCE_AGAINST_CIVILIANS", "Attack")
    article, doc, s, e = at(pipeline, suggester, "A drone attack hit the airport.", "drone attack")
    assert suggester.likely_types(doc, s, e)[0] == ("REMOTE_VIOLENCE", "Air/drone strike")
    # the coder picked only "attack": its modifier still says what kind
    assert suggester.likely_types(doc, s + 6, e)[0] == ("REMOTE_VIOLENCE", "Air/drone strike")
    article, doc, s, e = at(pipeline, suggester, "Teachers went on strike in Lagos.", "strike")
    assert [t for t, _ in suggester.likely_types(doc, s, e)] == ["PROTEST", "REMOTE_VIOLENCE"]
    article, doc, s, e = at(pipeline, suggester, "The committee met in Lagos.", "committee")
    assert suggester.likely_types(doc, s, e) == []


def test_event_at_fills_the_arguments_of_a_plain_arrest(pipeline, suggester):
    article, doc, s, e = at(pipeline, suggester, "The KGB arrested 33 people in Minsk on Thursday.", "arrested")
    event = suggester.event_at(doc, s, e, article, "coderA")
    assert (event.type, event.subtype, event.origin, event.status) == ("ARREST", "Arrests", "model", "suggested")
    assert (event.trigger_start, event.trigger_end, event.annotator) == (s, e, "coderA")
    assert roles(article, event, "Agent") == ["KGB"]
    assert [p.endswith("people") for p in roles(article, event, "Person")] == [True]
    assert roles(article, event, "Place") == ["Minsk"]
    assert event.fields["event_date"] == "2020-07-30" and event.fields["country"] == "Belarus"


def test_event_at_on_a_word_no_type_fits_still_reads_the_clause(pipeline, suggester):
    article, doc, s, e = at(pipeline, suggester, "The KGB arrested 33 people in Minsk on Thursday.", "people")
    event = suggester.event_at(doc, s, e, article)
    assert event.type == "" and roles(article, event, "Place") == ["Minsk"]
    assert suggester.event_at(doc, len(article.text) - 1, len(article.text), article) is None  # the full stop


def test_event_at_a_merged_mention_takes_the_whole_events_arguments(pipeline, suggester):
    text = ("Gunmen attacked a police post in Mosul on Monday, killing three officers. "
            "The attack was the third this month.")
    article, doc, s, e = at(pipeline, suggester, text, "The attack")
    event = suggester.event_at(doc, s + 4, e, article)
    assert event.type == "BATTLE" and (event.trigger_start, event.trigger_end) == (s + 4, e)
    assert roles(article, event, "Place") == ["Mosul"] and event.fields["fatalities"] == 3


def test_modality_and_evidence_are_stored_and_exported(pipeline, suggester, tmp_path):
    from tui.core.formats import ExportOptions, export_project, import_documents, read_annotations
    from tui.core.store import Store

    text = "Rebels threatened to strike the capital. A drone attack hit an oil field in Abqaiq on Saturday."
    from tui.core.model import article_id_for

    article = Article(article_id_for(text), text, published="2019-09-15")
    doc = pipeline.nlp(text)
    start = text.index("strike")
    threat = suggester.event_at(doc, start, start + 6, article, "coderA")
    assert threat.modality == "hypothetical" and threat.type == "REMOTE_VIOLENCE"
    drone = suggester.suggest(doc, article)[0]
    assert drone.modality == "" and "drone" in drone.evidence
    store = Store(tmp_path / "p" / "project.json")
    store.add_article(article)
    session = store.open_session(article.id)
    session.set_model_entities([], "test", [threat, drone])
    session.close()
    for fmt, out in (("jsonl", tmp_path / "out.jsonl"), ("brat", tmp_path / "brat")):
        export_project(store, fmt, out, ExportOptions(include_suggestions=True, include_unreviewed=True))
        events = [e for d in read_annotations([out], fmt) for e in d.events]
        assert sorted((e.modality, bool(e.evidence)) for e in events) == [("", True), ("hypothetical", True)], fmt
    store.close()
