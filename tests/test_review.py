"""Adjudication: from two coders' databases to a gold layer, driven with Pilot at 80x24, checked in the store."""

from __future__ import annotations

import json

from tui.app.review import ReviewApp
from tui.cli import main
from tui.core.adjudicate import Review
from tui.core.codebook import load_codebook
from tui.core.store import Store
from tui.core.team import Team

from .apphelpers import whole_screen
from .teamhelpers import TEXT, article, coder_db, ent, event, span


def two_coders(tmp_path):
    art = article()
    alice = coder_db(tmp_path / "alice.json", "alice", [(art, [
        ent("Kaduna", "GPE"), ent("Sunday", "DATE"), ent("Maiduguri", "GPE"),
    ], [event("killed", "VIOLENCE_AGAINST_CIVILIANS", "Attack", {"Victim": "12 villagers"}, fatalities=12)])])
    bob = coder_db(tmp_path / "bob.json", "bob", [(art, [
        ent("Kaduna", "GPE"), ent("Sunday", "DATE"), ent("Maiduguri", "LOC"), ent("Borno", "GPE"),
    ], [event("killed", "VIOLENCE_AGAINST_CIVILIANS", "Attack", {"Victim": "villagers"}, fatalities=12)])])
    return art, alice, bob


def gold_records(gold_path, article_id):
    with Store(gold_path, create=False) as store:
        session = store.open_session(article_id)
        entities = sorted((TEXT[e.start:e.end], e.label, e.annotator, e.status) for e in session.entities.values())
        events = list(session.events.values())
        session.close()
        return entities, events, store.row(article_id)["status"]


async def test_adjudicating_two_coders_into_a_gold_layer(tmp_path):
    art, alice, bob = two_coders(tmp_path)
    gold_path = tmp_path / "gold.json"
    with Team([alice, bob]) as team, Store(gold_path) as gold:
        review = Review(team, gold)
        app = ReviewApp(review, load_codebook())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            # differences in text order: the event at "killed", Maiduguri (GPE vs LOC), Borno (bob only)
            assert len(review.differences) == 3
            screen = whole_screen(app)
            assert "1 alice" in screen and "2 bob" in screen and "difference 1/3" in screen
            assert "Victim: 12 villagers" in screen and "Victim: villagers" in screen
            # the agreed entities are already in the gold layer
            assert {TEXT[e.start:e.end] for e in review.session.entities.values()} == {"Kaduna", "Sunday"}

            await pilot.press("2")  # bob's event; moves on to Maiduguri
            assert "difference 2/3" in whole_screen(app) and "«Maiduguri»" in whole_screen(app)
            await pilot.press("1")  # alice's GPE
            await pilot.press("1")  # Borno: alice has nothing there, so the gold layer holds nothing
            await pilot.press("2", "u")  # take bob's Borno, then undo it
            assert "undid: take bob's entity" in whole_screen(app)
            await pilot.press("N", "N")
            assert "difference 1/3" in whole_screen(app)
            assert "gold holds the version of bob" in whole_screen(app)
            await pilot.press("d")  # the only article: marked done
            await pilot.press("q")

    entities, events, status = gold_records(gold_path, art.id)
    assert entities == [("Kaduna", "GPE", "gold", "accepted"), ("Maiduguri", "GPE", "gold", "accepted"),
                        ("Sunday", "DATE", "gold", "accepted")]
    assert len(events) == 1
    (gold_event,) = events
    assert gold_event.annotator == "gold" and gold_event.status == "accepted"
    assert [(a.role, TEXT[a.start:a.end]) for a in gold_event.arguments] == [("Victim", "villagers")]
    assert gold_event.fields["fatalities"] == 12
    assert status == "done"

    # the gold layer exports like any coder's work
    out = tmp_path / "gold.jsonl"
    assert main(["export", "--db", str(gold_path), "--format", "jsonl", "--annotator", "gold", "--out", str(out)]) == 0
    record = json.loads(out.read_text().splitlines()[1])
    assert sorted(e["label"] for e in record["entities"]) == ["DATE", "GPE", "GPE"]
    assert [e["annotator"] for e in record["events"]] == ["gold"]


async def test_reopening_keeps_the_gold_layer_and_does_not_seed_again(tmp_path):
    art, alice, bob = two_coders(tmp_path)
    gold_path = tmp_path / "gold.json"
    screens = []
    for keys in (("2",), ()):  # first: take bob's event; then only look
        with Team([alice, bob]) as team, Store(gold_path) as gold:
            app = ReviewApp(Review(team, gold, "judge"), load_codebook())
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                screens.append(whole_screen(app))
                await pilot.press(*keys, "q")
    assert "gold holds no coder's version yet" in screens[0]
    assert "gold holds the version of bob" in screens[1]
    entities, events, status = gold_records(gold_path, art.id)
    assert [(words, who) for words, _, who, _ in entities] == [("Kaduna", "judge"), ("Sunday", "judge")]
    assert [(e.annotator, [TEXT[a.start:a.end] for a in e.arguments]) for e in events] == [("judge", ["villagers"])]
    assert status == "in progress"


def test_review_refuses_a_coder_database_as_gold(tmp_path, capsys):
    _, alice, bob = two_coders(tmp_path)
    assert main(["review", "--db", str(alice), "--db", str(bob), "--out", str(alice)]) == 1
    err = capsys.readouterr().err
    assert "is one of the coders' databases" in err and err.count("\n") == 1
    assert main(["review", "--db", str(alice), "--db", str(tmp_path / "nobody.json")]) == 1
    assert "nobody.json: no such database" in capsys.readouterr().err
    assert not (tmp_path / "gold.json").exists()


async def test_a_damaged_article_is_said_and_passed_over(tmp_path):
    first, second = article(), article("Police arrested 3 men in Kano.", "Kano")
    alice = coder_db(tmp_path / "alice.json", "alice", [(first, [ent("Kaduna", "GPE")], []),
                                                       (second, [ent("Kano", "GPE", second.text)], [])])
    bob = coder_db(tmp_path / "bob.json", "bob", [(first, [], []), (second, [ent("Kano", "LOC", second.text)], [])])
    (tmp_path / "alice_articles" / f"{first.id}.json").write_text("{not json")
    with Team([alice, bob]) as team, Store(tmp_path / "gold.json") as gold:
        app = ReviewApp(Review(team, gold), load_codebook())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            screen = whole_screen(app)
            assert "article 2/2" in screen and "«Kano»" in screen
            assert f"{first.id}.json" in screen.replace("\n", "")  # the toast naming the file
            await pilot.press("q")
        assert not gold.has_article(first.id)  # nothing was made for the article that could not be read


async def test_a_model_suggestion_in_the_gold_project_gives_way_to_the_version_taken(tmp_path):
    art, alice, bob = two_coders(tmp_path)
    gold_path = tmp_path / "gold.json"
    with Store(gold_path) as gold:  # as if the gold project had been opened in the app and analysed
        gold.add_article(art)
        session = gold.open_session(art.id)
        session.set_model_entities([(*span(TEXT, "Maiduguri"), "PERSON")], "model")
        session.close()
    with Team([alice, bob]) as team, Store(gold_path) as gold:
        review = Review(team, gold)
        app = ReviewApp(review, load_codebook())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert review.matches(1) == []  # Maiduguri: a suggestion is not a version
            await pilot.press("n", "1", "q")
    entities, _, _ = gold_records(gold_path, art.id)
    assert ("Maiduguri", "GPE", "gold", "accepted") in entities
    assert ("Maiduguri", "PERSON", "model", "rejected") in entities
    assert ("Kaduna", "GPE", "gold", "accepted") in entities  # the agreed units were still taken


async def test_the_review_names_event_types_as_the_coding_app_does(tmp_path):
    """The judge read "VIOLENCE_AGAINST_CIVILIANS/Attack" where the coders had read "VAC: Attack"."""
    _, alice, bob = two_coders(tmp_path)
    with Team([alice, bob]) as team, Store(tmp_path / "gold.json") as gold:
        app = ReviewApp(Review(team, gold), load_codebook())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = whole_screen(app)
            assert "VAC: Attack «killed»" in screen and "VIOLENCE_AGAINST_CIVILIANS" not in screen
            await pilot.press("q")
