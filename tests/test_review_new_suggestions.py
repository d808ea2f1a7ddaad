"""New suggestions in an article already reviewed and marked done (``newsmark suggest`` run after the
coder finished it): the article is no longer reviewed and is in progress again, entities or events
alike, so that no unanswered suggestion hides behind a ✓ and no training export takes an unreviewed
article. ``--reanalyse`` leaves a done or skipped article as coded."""

from __future__ import annotations

import json

from tui.cli import main
from tui.core import annotate
from tui.core.events import delete_event
from tui.core.store import Store


def _finish(store: Store, article_id: str, edit=None) -> None:
    """What `d` does in the app: every suggestion answered (accepted), reviewed, marked done."""
    session = store.open_session(article_id, "coder")
    try:
        if edit:
            edit(session)
        annotate.review(session, "accept" if any(annotate.suggestions_left(session)) else None)
        store.set_status(article_id, "done")
        store.sync(session)
    finally:
        session.close()


def _state(db) -> tuple[str, bool, int]:
    with Store(db) as store:
        row = store.rows()[0]
        session = store.open_session(row["id"])
        try:
            suggested = sum(1 for e in session.events.values() if e.status == "suggested")
            return row["status"], session.reviewed, suggested
        finally:
            session.close()


def test_suggest_after_the_article_was_done_makes_it_in_progress_again(seed_db, capsys):
    with Store(seed_db) as store:
        _finish(store, store.rows()[0]["id"])  # done before any model read it
    assert _state(seed_db)[:2] == ("done", True)
    assert main(["suggest", "--db", str(seed_db)]) == 0
    status, reviewed, suggested = _state(seed_db)
    assert suggested and (status, reviewed) == ("in progress", False)
    assert "1 article(s) marked done have new suggestions: in progress again" in capsys.readouterr().out


def test_reanalyse_leaves_a_done_article_as_coded_and_renews_the_others(seed_db, tmp_path, capsys):
    """The coder accepted every entity and deleted a suggested event, and marked the article done; a
    re-analysis would suggest that event again. A finished article is training data: ``--reanalyse``
    leaves it done, reviewed and without the event, and says so; an unfinished one is renewed."""
    assert main(["suggest", "--db", str(seed_db)]) == 0
    with Store(seed_db) as store:
        def delete_one(session):
            event = next(e for e in session.events.values() if e.status == "suggested")
            session.commit("delete", delete_event(session, event.id))
        _finish(store, store.rows()[0]["id"], delete_one)
    assert _state(seed_db) == ("done", True, 0)
    capsys.readouterr()
    assert main(["suggest", "--reanalyse", "--db", str(seed_db)]) == 0
    out = capsys.readouterr().out
    assert "nothing to do" in out and "done or skipped" in out
    assert _state(seed_db) == ("done", True, 0)
    with Store(seed_db) as store:
        store.set_status(store.rows()[0]["id"], "in progress")  # the coder takes it up again
    assert main(["suggest", "--reanalyse", "--db", str(seed_db)]) == 0
    assert "0 entities and 1 events suggested" in capsys.readouterr().out
    assert _state(seed_db)[2] == 1


def test_reanalyse_with_nothing_new_leaves_a_done_article_done(seed_db, capsys):
    assert main(["suggest", "--db", str(seed_db)]) == 0
    with Store(seed_db) as store:
        _finish(store, store.rows()[0]["id"])
    assert main(["suggest", "--reanalyse", "--db", str(seed_db)]) == 0
    assert _state(seed_db) == ("done", True, 0)
    assert "in progress again" not in capsys.readouterr().out


async def test_the_app_reading_an_article_done_before_the_model_ran_shows_it_in_progress(seed_db, codebook, pipeline):
    from .apphelpers import running

    with Store(seed_db) as store:
        _finish(store, store.rows()[0]["id"])
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        article_id = app.session.article.id
        assert [e for e in app.session.events.values() if e.status == "suggested"]
        assert store.row(article_id)["status"] == "in progress" and not app.session.reviewed
        assert app.article_list.row(article_id)["status"] == "in progress"
        assert "no longer done" in str(app.query_one("#status").render())


def test_suggestions_from_shards_imported_into_a_done_article_are_left_out_and_said(seed_db, tmp_path, capsys):
    """``suggest --in-shards`` away from the project, then ``import`` of its output (whose articles carry
    the status "todo"): an import never lowers what a coder did, so the done article stays done and
    reviewed, and the suggestions it does not hold are left out, counted in the summary (``suggest
    --reanalyse`` is how a done article gets new ones)."""
    with Store(seed_db) as store:
        article_id = store.rows()[0]["id"]
        _finish(store, article_id)
        article = store.load_article(article_id)
    shard = tmp_path / "in.jsonl"
    shard.write_text(json.dumps({"id": article.id, "title": article.title, "text": article.text}) + "\n")
    assert main(["suggest", "--in-shards", str(shard), "--out-shards", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "out"), "--db", str(seed_db)]) == 0
    out = capsys.readouterr().out
    assert _state(seed_db) == ("done", True, 0)
    assert "1 article(s) kept at their status over the file's (done 1)" in out
    assert "suggestion(s) for done articles left out" in out
