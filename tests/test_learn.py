"""Learning from the coders: a tiny project trains in seconds, the saved pipeline is a normal spaCy
package that finds what it was taught, it suggests in the project without touching what a coder
decided, and the article list can put what the model is least sure of first."""

from __future__ import annotations

import json

import pytest
import spacy

from tui.cli import main
from tui.core.learn import TRIGGER_KEY
from tui.core.annotate import review
from tui.core.learn.corpus import reviewed_articles
from tui.core.learn.train import TrainSettings, train
from tui.core.model import Article, Entity, Event, article_id_for
from tui.core.session import change
from tui.core.store import Store

TOWNS = ["Aleppo", "Homs", "Idlib", "Raqqa", "Hama", "Daraa", "Mosul", "Kirkuk", "Tikrit", "Fallujah"]


def coded_project(db) -> None:
    """Ten short articles, each coded, reviewed and marked done: a shelling of a town (GPE)."""
    with Store(db) as store:
        store.set_meta("codebook", {"source": "acled", "name": "acled", "version": "1"})
        for town in TOWNS:
            text = f"Government forces shelled {town} on Monday. Residents said the town was quiet. Aid groups asked for calm."
            article = Article(article_id_for(text), text, title=town)
            store.add_article(article)
            session = store.open_session(article.id)
            k, t = text.index("shelled"), text.index(town)
            session.commit("code", [
                change("entities", None, Entity(t, t + len(town), "GPE")),
                change("events", None, Event("REMOTE_VIOLENCE", "Shelling/artillery/missile attack", k, k + 7))])
            review(session)  # what `d` does in the app: the entity layer is reviewed
            store.sync(session)
            session.close()
            store.set_status(article.id, "done")


def test_the_entities_come_from_reviewed_articles_and_the_triggers_from_accepted_events(tmp_path):
    """The store's review state picks the entity layers (as the training exports do)."""
    db = tmp_path / "r.json"
    with Store(db) as store:
        made = {}
        for name in ("reviewed", "done unreviewed", "in progress"):
            text = f"Government forces shelled Homs on Monday ({name})."
            article = Article(article_id_for(text), text, title=name)
            store.add_article(article)
            session = store.open_session(article.id)
            k, t = text.index("shelled"), text.index("Homs")
            session.commit("code", [change("entities", None, Entity(t, t + 4, "GPE")),
                                    change("events", None, Event("REMOTE_VIOLENCE", "", k, k + 7))])
            if name == "reviewed":
                review(session)
            store.sync(session)
            session.close()
            made[name] = article.id
        store.set_status(made["done unreviewed"], "done")
        reviews = {r.article.title: r for r in reviewed_articles(store)}
    assert reviews["reviewed"].entities_complete and reviews["reviewed"].entities == [(26, 30, "GPE")]
    for name in ("done unreviewed", "in progress"):  # its accepted event is the coder's: the trigger counts
        assert not reviews[name].entities and not reviews[name].entities_complete
        assert reviews[name].triggers == [(18, 25, "REMOTE_VIOLENCE")]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    db, out = folder / "coded.json", folder / "model"
    coded_project(db)
    with Store(db) as store:
        reviews = reviewed_articles(store)
    settings = TrainSettings(epochs=2, eval_share=0.2, learn_rate=0.01, batch_size=2)
    result = train(reviews, out, settings, {"project": str(db), "codebook": {"name": "acled", "version": "1"}})
    return db, out, result


def test_a_tiny_project_trains_and_the_saved_pipeline_finds_the_trigger_it_was_taught(tiny):
    db, out, result = tiny
    assert result.counts.articles == 8 and result.held_out.articles == 2
    assert result.components == ("ner", "triggers")
    nlp = spacy.load(out)  # a normal spaCy pipeline folder
    doc = nlp("Rebel fighters shelled Latakia on Tuesday.")
    assert [(s.text, s.label_) for s in doc.spans[TRIGGER_KEY]] == [("shelled", "REMOTE_VIOLENCE")]
    assert ("Latakia", "GPE") in [(e.text, e.label_) for e in doc.ents]
    meta = json.loads((out / "meta.json").read_text())["newsmark"]
    assert meta["project"] == str(db) and meta["codebook"]["name"] == "acled" and meta["date"]
    assert meta["train"]["triggers"] == 8 and meta["held_out"]["articles"] == 2
    held = meta["scores"]["triggers"]["REMOTE_VIOLENCE"]
    assert held["gold"] == 2 and set(held) == {"gold", "before", "after"}


def test_the_train_command_reports_per_label_scores_and_refuses_an_unreviewed_project(tiny, tmp_path, capsys):
    db, _, _ = tiny
    out = tmp_path / "cli_model"
    assert main(["train", "--db", str(db), "--out", str(out), "--epochs", "1", "--components", "triggers"]) == 0
    printed = capsys.readouterr().out
    assert "triggers on held-out articles" in printed and "REMOTE_VIOLENCE" in printed
    assert "triggers" in spacy.load(out).pipe_names
    limits = json.loads((out / "meta.json").read_text())["newsmark"]["trigger_thresholds"]
    assert {"veto", "add", "protect"} <= set(limits)  # chosen by cross-validation on the training articles
    empty = tmp_path / "empty.json"
    with Store(empty) as store:
        text = "Nothing was coded here."
        store.add_article(Article(article_id_for(text), text))
    assert main(["train", "--db", str(empty), "--out", str(tmp_path / "m2")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no reviewed annotations" in err[0]
    assert not (tmp_path / "m2").exists()


def test_reanalyse_with_the_model_keeps_what_the_coder_accepted_and_rejected(tiny, seed_db):
    _, model, _ = tiny
    assert main(["suggest", "--db", str(seed_db)]) == 0
    with Store(seed_db) as store:
        [article_id] = store.article_ids()
        session = store.open_session(article_id)
        ents = [e for e in session.entities.values() if e.status == "suggested"]
        events = [e for e in session.events.values() if e.status == "suggested"]
        decided = [(ents[0], "accepted"), (ents[1], "rejected"), (events[0], "accepted"), (events[1], "rejected")]
        changes = []
        for record, status in decided:
            after = type(record).from_dict({**record.to_dict(), "status": status})
            changes.append(change("entities" if isinstance(record, Entity) else "events", record, after))
        session.commit("coder", changes)
        kept = {r.id: r.to_dict() for r in [*session.entities.values(), *session.events.values()]
                if r.status != "suggested"}
        session.close()
    assert main(["suggest", "--db", str(seed_db), "--model", str(model), "--reanalyse"]) == 0
    with Store(seed_db) as store:
        session = store.open_session(article_id)
        now = {r.id: r.to_dict() for r in [*session.entities.values(), *session.events.values()]}
        assert session.analysed.startswith(str(model))
        row = store.row(article_id)
        session.close()
    assert all(now.get(ident) == record for ident, record in kept.items())
    rejected = ents[1]
    again = [r for r in now.values() if r.get("start") == rejected.start and r.get("end") == rejected.end
             and r["status"] == "suggested"]
    assert not again  # a rejected suggestion is not suggested again
    assert isinstance(row["uncertainty"], float)


async def test_the_article_list_puts_the_least_sure_unreviewed_articles_first(samples_db, codebook, pipeline):
    from tui.app.app import NewsmarkApp

    with Store(samples_db) as store:
        ids = store.article_ids()
        store.set_row_values(ids[3], {"uncertainty": 0.2})
        store.set_row_values(ids[5], {"uncertainty": 0.9})
        store.set_row_values(ids[1], {"uncertainty": 0.99})
        store.set_status(ids[1], "done")  # reviewed: last, however unsure
        app = NewsmarkApp(store, codebook, "tester", pipeline=pipeline, order="uncertain")
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            order = app.article_list.ordered_ids()
            assert order[:2] == [ids[5], ids[3]] and order[-1] == ids[1]
            assert app.session.article.id == ids[5]  # coding starts with the least sure
            assert "least sure first" in app.article_list.border_title
            app.article_list.focus()
            await pilot.press("s")
            assert app.article_list.ordered_ids() == ids
            assert app.article_list.cursor_row == ids.index(ids[5])  # still on the same article


def test_open_order_uncertain_scores_the_unreviewed_articles_with_the_model(tiny, samples_db):
    from tui.commands.open_ import score_unscored

    _, model, _ = tiny
    with Store(samples_db) as store:
        ids = store.article_ids()
        store.set_status(ids[0], "done")
        score_unscored(store, str(model))
        rows = {r["id"]: r for r in store.rows()}
        suggested = [store.open_session(i) for i in ids[1:3]]
        assert all(not s.entities and not s.events for s in suggested)  # scored, nothing suggested
        for s in suggested:
            s.close()
    assert "uncertainty" not in rows[ids[0]]  # reviewed: not scored
    scores = [rows[i]["uncertainty"] for i in ids[1:]]
    assert all(isinstance(x, float) and 0.0 <= x <= 1.0 for x in scores) and len(set(scores)) > 1


def test_the_thresholds_are_chosen_by_what_helps_on_the_training_articles():
    """Additions where the model's sure triggers are ones coders code; none where they are not; with
    protection an article's least doubted trigger of each type is kept."""
    from tui.core.learn.calibrate import NEVER, Calls, choose, kept

    telling = [Calls([("BATTLE", 0.1, True, 0.5)], [("PROTEST", 0.97, True), ("RIOT", 0.55, False)],
                     {"BATTLE", "PROTEST"}) for _ in range(4)]
    chosen = choose(telling)
    assert 0.55 < chosen.add <= 0.97 and chosen.search["f1_chosen"] > chosen.search["f1_rules_alone"]
    useless = [Calls([("BATTLE", 0.9, True, 0.5), ("BATTLE", 0.2, False, 0.5)], [("RIOT", 0.9, False)], {"BATTLE"})
               for _ in range(4)]
    chosen = choose(useless)
    assert (chosen.veto, chosen.add, chosen.judge) == (NEVER, NEVER, 0.0)  # the rules alone
    assert kept(["BATTLE", "BATTLE", "RIOT"], [0.95, 0.97, 0.99], 0.9, protect=True) == [0, 2]
    assert kept(["BATTLE", "BATTLE", "RIOT"], [0.95, 0.97, 0.99], 0.9, protect=False) == []
