"""The event suggester on the seed article, with the real model (loaded once per session)."""

import pytest

from tui.core.gazetteer import lookup
from tui.core.importer import read_text_file
from tui.core.model import Article
from tui.core.suggest import Suggester, suggest_events

from .conftest import SEED


@pytest.fixture(scope="module")
def seed(pipeline, codebook):
    article = read_text_file(SEED)
    doc = pipeline.nlp(article.text)
    return article, Suggester(codebook).suggest(doc, article)


def words(article, arg):
    return article.text[arg.start:arg.end]


def role(article, event, name):
    return [words(article, a) for a in event.arguments if a.role == name]


def test_pro_assad_attack_on_the_sdf_is_a_battle(seed):
    article, events = seed
    battles = [e for e in events if e.type == "BATTLE" and any("pro-Assad" in w for w in role(article, e, "Attacker"))]
    assert battles, [(e.type, article.text[e.trigger_start:e.trigger_end]) for e in events]
    battle = battles[0]
    assert any("Syrian Democratic Forces" in w or "SDF" in w for w in role(article, battle, "Target"))
    assert article.text[battle.trigger_start:battle.trigger_end].lower().startswith("attack")
    assert battle.subtype == "Armed clash"
    assert battle.fields["location"] == "Deir ez-Zor" and battle.fields["country"] == "Syria"
    assert battle.fields["event_date"] == "2018-02-07"  # "late Wednesday", from a Thursday report


def test_coalition_strikes_are_remote_violence_with_100_killed(seed):
    article, events = seed
    strikes = [e for e in events if e.type == "REMOTE_VIOLENCE" and role(article, e, "Attacker") == ["Coalition"]]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.subtype == "Air/drone strike"
    assert strike.fields["fatalities"] == 100
    assert role(article, strike, "Victim") == ["More than 100 pro-Assad fighters"]
    assert strike.fields["country"] == "Syria" and strike.fields["admin1"] == "Deir ez-Zor"
    assert strike.fields["country"] == lookup(role(article, strike, "Place")[0]).country


def test_fatalities_are_counted_in_one_event_only(seed):
    _, events = seed
    assert sum(1 for e in events if e.fields.get("fatalities") == 100) == 1


def test_suggestions_are_model_suggestions_without_duplicates(seed):
    article, events = seed
    assert all(e.origin == "model" and e.status == "suggested" for e in events)
    keys = [(e.type, e.trigger_start) for e in events]
    assert len(keys) == len(set(keys))
    # the attack is reported five times ("attack", "its first major attack", "the assault", ...): one event
    assert sum(1 for e in events if e.type == "BATTLE" and "2018-02" in e.fields.get("event_date", "")) == 1


def test_negated_and_hypothetical_mentions_are_not_events(pipeline, codebook):
    text = ("The US has never carried out strikes on the base. Rebels plan to attack the town. "
            "Militants attacked a police post in Mosul on Monday.")
    article = Article("x", text, published="2019-11-10")
    events = suggest_events(pipeline.nlp(text), article, codebook)
    assert [(e.type, text[e.trigger_start:e.trigger_end]) for e in events] == [("BATTLE", "attacked")]
    assert events[0].fields["location"] == "Mosul" and events[0].fields["event_date"] == "2019-11-04"


def test_protest_and_arrest(pipeline, codebook):
    text = "Thousands of students protested in Belgrade on Friday. Police arrested 71 people."
    article = Article("y", text, published="2020-07-12")
    events = suggest_events(pipeline.nlp(text), article, codebook)
    types = {e.type: e for e in events}
    assert set(types) == {"PROTEST", "ARREST"}
    assert types["PROTEST"].fields["country"] == "Serbia"
    assert [words(article, a) for a in types["ARREST"].arguments if a.role == "Agent"] == ["Police"]


def test_gold_offsets_match_the_article_text():
    import json
    from pathlib import Path

    gold_dir = Path(__file__).parent / "gold"
    files = sorted(gold_dir.glob("[0-9][0-9].json"))
    assert len(files) == 11
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        article = read_text_file(Path(__file__).parent.parent / data["article"])
        assert article.id == data["article_id"]
        for event in data["events"]:
            for s in [event["trigger"], *event["mentions"], *event["arguments"]]:
                assert article.text[s["start"]:s["end"]] == s["text"], (path.name, s)


def test_suggest_command_stores_entities_and_events_once(seed_db, pipeline, codebook):
    from tui.cli import main
    from tui.commands.suggest import annotate_all, pending
    from tui.core.store import Store

    with Store(seed_db) as store:
        todo = pending(store)
        totals = annotate_all(store, todo, pipeline, Suggester(codebook), n_process=1, batch_size=4)
        assert totals["articles"] == 1 and totals["events"] >= 2 and pending(store) == []
        session = store.open_session(todo[0])
        assert session.analysed == pipeline.name
        assert any(e.type == "REMOTE_VIOLENCE" and e.status == "suggested" for e in session.events.values())
        assert session.history == []  # pre-annotation is not an undoable action
        session.close()
        assert store.row(todo[0])["events"] == totals["events"]
    assert main(["suggest", "--db", str(seed_db)]) == 0  # nothing left to do: no model load
