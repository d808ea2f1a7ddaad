"""The review state: `d` asks about unreviewed suggestions; training exports take reviewed articles only.

Every check reads the real store, after the app has closed it, as a restart would."""

from __future__ import annotations

import json

from tui.cli import main
from tui.app.screens.review_prompt import ReviewPromptScreen
from tui.core.store import Store

from .apphelpers import running, whole_screen


def reopened(db_path, article_id):
    """The article's stored state and index row, read by a fresh Store (a restart)."""
    with Store(db_path) as store:
        session = store.open_session(article_id)
        try:
            statuses = sorted({e.status for e in session.entities.values()})
            return session.reviewed, statuses, store.row(article_id)
        finally:
            session.close()


async def test_done_asks_then_accept_all_reviews_and_survives_restart(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        article_id = app.session.article.id
        left = app.session.counts()["suggested"]
        events = sum(1 for e in app.session.events.values() if e.status == "suggested")
        assert left > 10 and events and not app.session.reviewed
        await pilot.press("d")
        assert isinstance(app.screen, ReviewPromptScreen)
        assert (f"{left} entity + {events} event suggestions:"
                in str(app.screen.query_one("#review-question").render()))
        await pilot.press("x", "3")  # not answers: refused, the question stays
        assert isinstance(app.screen, ReviewPromptScreen)
        assert app.session.counts()["suggested"] == left
        await pilot.press("a")
        assert not isinstance(app.screen, ReviewPromptScreen)
    reviewed, statuses, row = reopened(seed_db, article_id)
    assert reviewed and row["reviewed"] and row["status"] == "done"
    assert statuses == ["accepted"]


async def test_done_reject_all_and_go_back(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        article_id = app.session.article.id
        await pilot.press("d", "escape")  # go back: nothing changes
        assert not app.session.reviewed and app.session.counts()["suggested"] > 10
        assert store.row(article_id)["status"] == "in progress"
        await pilot.press("d", "b")
        assert not app.session.reviewed
        await pilot.press("d", "r")
        assert app.session.counts() == {**app.session.counts(), "entities": 0, "suggested": 0}
        assert app.session.reviewed and store.row(article_id)["status"] == "done"
        await pilot.press("u")  # the answer is one undoable action: its suggestions are back to answer
        assert app.session.counts()["suggested"] > 10
        assert "no longer done" in str(app.query_one("#status").render())
    reviewed, statuses, row = reopened(seed_db, article_id)
    # neither reviewed nor done: a training export would otherwise take the suggestions' words as "O"
    assert not reviewed and row["status"] == "in progress" and statuses == ["suggested"]


async def test_training_exports_take_reviewed_articles_only(samples_db, codebook, pipeline, tmp_path, capsys):
    async with running(samples_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        first = app.session.article.id
        await pilot.press("d", "a")  # the first article reviewed; the app opens the next
        assert app.session.article.id != first
        await pilot.press("ctrl+p", *"Export as prodigy")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("exported 1 article(s)" in m and "left out 10 article(s)" in m for m in said), said
    tasks = [json.loads(line) for line in (samples_db.parent / "exports" / "project.prodigy.jsonl").open()]
    assert len(tasks) == 1 and len(tasks[0]["spans"]) > 10 and tasks[0]["answer"] == "accept"
    for fmt, out in (("conll", tmp_path / "x.conll"), ("spacy", tmp_path / "x.spacy"), ("brat", tmp_path / "b")):
        assert main(["export", "--db", str(samples_db), "--format", fmt, "--out", str(out)]) == 0
        printed = capsys.readouterr().out
        assert "exported 1 article(s)" in printed and "left out 10 article(s)" in printed, printed
    wide = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(samples_db), "--format", "prodigy", "--out", str(wide),
                 "--include-unreviewed"]) == 0
    assert "exported 11 article(s)" in capsys.readouterr().out
    assert len(wide.read_text(encoding="utf-8").splitlines()) == 11
    assert main(["export", "--db", str(samples_db), "--format", "acled", "--out", str(tmp_path / "a.csv")]) == 0
    assert "left out" not in capsys.readouterr().out  # events, not the entity layer: every article
    # Asking for the model's suggestions (as the scorer's recipe does) takes unreviewed articles too
    suggested = tmp_path / "suggested"
    assert main(["export", "--db", str(samples_db), "--format", "brat", "--include-suggestions",
                 "--out", str(suggested)]) == 0
    assert "exported 11 article(s)" in capsys.readouterr().out
    assert len(list(suggested.glob("*.ann"))) == 11


def test_native_export_carries_the_review_state(seed_db, tmp_path, capsys):
    with Store(seed_db) as store:
        session = store.open_session(store.article_ids()[0])
        session.set_reviewed(True)
        session.close()
    out = tmp_path / "n.jsonl"
    assert main(["export", "--db", str(seed_db), "--format", "jsonl", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[1])["reviewed"] is True
    copy = tmp_path / "copy.json"
    assert main(["import", str(out), "--db", str(copy)]) == 0
    with Store(copy) as store:
        assert store.rows()[0]["reviewed"] is True


async def test_at_80_columns_the_done_question_shows_whole(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        await pilot.press("d")
        question = str(app.screen.query_one("#review-question").render())
        screen = whole_screen(app)  # a second line when event suggestions are left too
        assert question.splitlines()[0].endswith("go back") and all(line in screen for line in question.splitlines())


def event_statuses(db_path, article_id) -> list[str]:
    with Store(db_path) as store:
        session = store.open_session(article_id)
        try:
            return sorted(e.status for e in session.events.values())
        finally:
            session.close()


async def test_done_answers_the_suggested_events_too(seed_db, codebook, pipeline, tmp_path, capsys):
    """Accept all / reject all at `d` answer the model's events as well as its entities, in one
    undoable action; a training export then takes the accepted events as the coder's."""
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        article_id = app.session.article.id
        suggested = [e.id for e in app.session.events.values() if e.status == "suggested"]
        assert len(suggested) >= 2
        await pilot.press("d", "r")
        assert {app.session.events[i].status for i in suggested} == {"rejected"}
        await pilot.press("u")  # one action: the events are suggestions again, with the entities
        assert {app.session.events[i].status for i in suggested} == {"suggested"}
        assert not app.session.reviewed and app.session.counts()["suggested"] > 10
        await pilot.press("d", "a")
    reviewed, statuses, row = reopened(seed_db, article_id)
    assert reviewed and row["status"] == "done" and statuses == ["accepted"]
    assert event_statuses(seed_db, article_id) == ["accepted"] * len(suggested)
    out = tmp_path / "brat"
    assert main(["export", "--db", str(seed_db), "--format", "brat", "--out", str(out)]) == 0
    assert "exported 1 article(s)" in capsys.readouterr().out
    ann = next(out.glob("*.ann")).read_text(encoding="utf-8")
    assert sum(1 for line in ann.splitlines() if line.startswith("E")) == len(suggested)


async def test_done_asks_when_only_events_are_left_to_review(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        await pilot.press("A")  # every suggestion answered: entities and events
        assert not any(e.status == "suggested" for e in app.session.events.values())
        await pilot.press("u")
        from tui.core import annotate

        for ent in [e for e in app.session.entities.values() if e.status == "suggested"]:
            annotate.accept(app.session, ent)  # the entities answered one by one; the events are not
        events = sum(1 for e in app.session.events.values() if e.status == "suggested")
        await pilot.press("d")
        assert isinstance(app.screen, ReviewPromptScreen)
        assert f"{events} event suggestion(s) left:" in str(app.screen.query_one("#review-question").render())
        await pilot.press("escape")


async def test_done_can_keep_the_entities_and_reject_the_events_in_one_key(seed_db, codebook, pipeline):
    """Found coding practice articles: half had no event ACLED codes, yet suggested ones (a jackal
    killed by a bait bomb as an IED attack); `d a` would have accepted them into the ACLED export,
    and `d r` thrown away the reviewed entities with them."""
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        article_id = app.session.article.id
        left = app.session.counts()["suggested"]
        suggested = {e.id for e in app.session.events.values() if e.status == "suggested"}
        kept = {e.id: e.status for e in app.session.events.values() if e.status != "suggested"}
        assert left and suggested
        await pilot.press("d")
        question = str(app.screen.query_one("#review-question").render())
        assert "e accept the entities, reject the suggested events" in question
        await pilot.press("e")
        assert not isinstance(app.screen, ReviewPromptScreen)
        assert "reviewed and marked done (accepted the entities, rejected the events)" in str(
            app.query_one("#status").render())
    reviewed, statuses, row = reopened(seed_db, article_id)
    assert reviewed and row["status"] == "done" and statuses == ["accepted"]
    with Store(seed_db) as store:
        session = store.open_session(article_id)
        events = {e.id: e.status for e in session.events.values()}
        session.close()
    assert {events[i] for i in suggested} == {"rejected"} and {i: events[i] for i in kept} == kept


async def test_without_event_suggestions_the_question_offers_no_entities_only(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        for event in [e for e in app.session.events.values() if e.status == "suggested"]:
            app.current_event = event.id
            app.action_event_op("reject")
        await pilot.press("d")
        assert "e accept" not in str(app.screen.query_one("#review-question").render())
        await pilot.press("e")  # not an answer here: refused, the question stays
        assert isinstance(app.screen, ReviewPromptScreen)
        await pilot.press("escape")


async def test_the_entities_only_answer_never_says_there_is_no_event_beside_a_coded_one(seed_db, codebook, pipeline):
    """Found coding El Paso: with its shooting coded and a stray suggestion left, `d` said `e` was for
    "no event to code here", as if `e` would throw away the coded shooting; it rejects only what is
    still suggested, and the question says so."""
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        first = next(e for e in app.session.events.values() if e.status == "suggested")
        app.current_event = first.id
        app.action_event_op("accept")
        await pilot.press("d")
        question = str(app.screen.query_one("#review-question").render())
        assert "no event to code here" not in question
        assert "e accept the entities, reject the suggested events (those coded stay)" in question
        assert all(len(line) <= 78 for line in question.splitlines())
        article_id = app.session.article.id
        await pilot.press("e")
    with Store(seed_db) as store:
        session = store.open_session(article_id)
        status = session.events[first.id].status
        session.close()
    assert status == "accepted"
