"""The trigger judge learns the coders' decisions: a word they reject every time stops being
suggested by the trained pipeline on a new article, a word they accept still is, with their record
in its evidence; the thresholds come from cross-validation on the training articles."""

from __future__ import annotations

import json

from tui.cli import main
from tui.core.model import Article, Event, article_id_for
from tui.core.session import change
from tui.core.store import Store

TOWNS = ["Kano", "Jos", "Kaduna", "Zaria", "Bauchi", "Yola", "Gombe", "Minna", "Lafia", "Ilorin"]
NEW = "Gunmen attacked a checkpoint in Sokoto on Friday. Later, hundreds of supporters of the governor held a rally in Sokoto."


def rejecting_project(db) -> None:
    """Articles where the coders accepted the attack and rejected the rally the rules suggested (in
    the last two, in progress, they only rejected the rally)."""
    with Store(db) as store:
        store.set_meta("codebook", {"source": "acled", "name": "acled", "version": "1"})
        for town in TOWNS:
            text = (f"Gunmen attacked a police post in {town} on Monday. Later, hundreds of supporters of the "
                    f"governor held a rally in {town}.")
            article = Article(article_id_for(text), text, title=town)
            store.add_article(article)
            session = store.open_session(article.id)
            a, r = text.index("attacked"), text.index("rally")
            done = town not in TOWNS[-2:]
            session.commit("code", [
                change("events", None, Event("BATTLE", "Armed clash", a, a + 8, status="accepted" if done else "suggested")),
                change("events", None, Event("PROTEST", "Peaceful protest", r, r + 5, status="rejected"))])
            store.sync(session)
            session.close()
            store.set_status(article.id, "done" if done else "in progress")


def suggested(db, *extra) -> list[tuple[str, str, str]]:
    """(type, trigger words, evidence) of each event suggested for the article ``NEW``."""
    assert main(["suggest", "--db", str(db), *map(str, extra)]) == 0
    with Store(db) as store:
        [article_id] = store.article_ids()
        session = store.open_session(article_id)
        out = [(e.type, NEW[e.trigger_start:e.trigger_end], e.evidence) for e in session.events.values()]
        session.close()
    return sorted(out)


def test_a_word_the_coders_reject_is_no_longer_suggested_after_training(tmp_path, capsys):
    db, out = tmp_path / "coded.json", tmp_path / "model"
    rejecting_project(db)
    assert main(["train", "--db", str(db), "--out", str(out), "--epochs", "2", "--components", "triggers",
                 "--eval-split", "0"]) == 0
    assert "trigger judge: a rule trigger whose word the coders code at a rate under" in capsys.readouterr().out
    meta = json.loads((out / "meta.json").read_text())["newsmark"]
    # the in-progress articles' events are unreviewed: only their rejected rally counts
    assert meta["trigger_judge"]["lemmas"]["rally"] == [10, 0] and meta["trigger_judge"]["lemmas"]["attack"] == [8, 8]
    assert meta["train"]["articles"] == 8
    assert meta["trigger_thresholds"]["judge"] > 0  # chosen by cross-validation: it helps on the training articles
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps({"id": "new", "title": "Sokoto", "text": NEW}) + "\n")
    for name in ("untrained", "trained"):
        assert main(["import", str(source), "--db", str(tmp_path / f"{name}.json")]) == 0
    before = suggested(tmp_path / "untrained.json")
    assert [(t, w) for t, w, _ in before] == [("BATTLE", "attacked"), ("PROTEST", "rally")]
    after = suggested(tmp_path / "trained.json", "--model", out)
    assert [(t, w) for t, w, _ in after] == [("BATTLE", "attacked")]
    assert 'coders coded "attack" 8 of 8 times' in after[0][2]  # the judge's reason, in the evidence


def test_the_judge_is_chosen_where_the_coders_record_separates_their_decisions():
    from tui.core.learn.calibrate import Calls, choose
    from tui.core.learn.judge import Tally, TriggerJudge

    judge = TriggerJudge(Tally({"rally": [20, 0], "attack": [20, 18]}, {"PROTEST": [20, 0], "BATTLE": [20, 18]}))
    assert judge.rate("rally", "PROTEST") < 0.05 < 0.8 < judge.rate("attack", "BATTLE")
    assert judge.rate("march", "PROTEST") < judge.rate("march", "BATTLE")  # an unseen word: its type's record
    calls = [Calls([("BATTLE", 0.5, True, judge.rate("attack", "BATTLE")),
                    ("PROTEST", 0.5, False, judge.rate("rally", "PROTEST"))], [], {"BATTLE"}) for _ in range(4)]
    chosen = choose(calls)
    assert chosen.judge > judge.rate("rally", "PROTEST") and not chosen.protect
    assert chosen.search["f1_chosen"] > chosen.search["f1_rules_alone"]


def test_a_dropped_mention_costs_its_event_only_when_it_stood_for_it():
    """The choice counts events as the rules merge them: dropping "the bomb" of an event that also
    says "exploded" leaves the event; dropping its only mention takes it away."""
    from tui.core.learn.calibrate import Calls, outcome

    # event 0: "exploded" (coded) stands for it, "bomb" (uncoded) rank 1; event 1: "killed" alone, uncoded
    calls = [Calls([("REMOTE_VIOLENCE", 0.0, True, 0.9, 0, 0), ("REMOTE_VIOLENCE", 0.0, False, 0.04, 0, 1),
                    ("BATTLE", 0.0, False, 0.08, 1, 0)], [], {"REMOTE_VIOLENCE"})]
    never = 1.01
    events, words = outcome(calls, never, never, False, 0.0)
    assert events == round(2 * 0.5 * 1 / 1.5, 4) and words == round(2 * (1 / 3) / (4 / 3), 4)
    assert outcome(calls, never, never, False, 0.05)[0] == events  # "bomb" dropped: the same two events
    assert outcome(calls, never, never, False, 0.1)[0] == 1.0  # "killed" dropped: one event, coded
