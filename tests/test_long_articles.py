"""Over-long articles: refused at import (see test_import_fuzz); one stored before the limit existed
is stepped over by the app and by ``suggest`` with a message, and quitting never waits for the model."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from tui.cli import main
from tui.core.importer import MAX_ARTICLE_CHARS, article_from_text
from tui.core.nlp import load_pipeline
from tui.core.store import Store

from .apphelpers import make_app, running, whole_screen
from .conftest import SEED

WORDS = "Troops shelled villages near Gao on Monday, killing twelve people. "


def stored_long_article(db, chars: int) -> str:
    """Store an article of ``chars`` characters past the importer (as an older newsmark could)."""
    with Store(db) as store:
        article = article_from_text("A very long report\n\n" + WORDS * (chars // len(WORDS) + 1))
        store.add_article(article)
        return article.id


def test_suggest_skips_a_stored_over_long_article_with_a_message(seed_db, pipeline, monkeypatch, capsys):
    from tui.core import nlp

    monkeypatch.setattr(nlp, "load_pipeline", lambda *a, **k: pipeline)  # the model loaded once per run
    long_id = stored_long_article(seed_db, MAX_ARTICLE_CHARS + 10)
    assert main(["suggest", "--db", str(seed_db)]) == 0
    out, err = capsys.readouterr()
    assert f"skipped article {long_id} ('A very long report'): 1,000,0" in err
    assert "over the limit of 1,000,000" in err and "analysed 1 article(s)" in out
    with Store(seed_db) as store:
        assert [bool(row["analysed"]) for row in store.rows()] == [True, False]


async def test_the_app_steps_over_a_stored_over_long_article(db_path, codebook):
    long_id = stored_long_article(db_path, MAX_ARTICLE_CHARS + 10)  # first in the list
    assert main(["import", str(SEED), "--db", str(db_path)]) == 0
    async with running(db_path, codebook, load_pipeline("no_such_model_package")) as (store, app, pilot):
        seed_id = app.session.article.id
        assert seed_id != long_id  # it starts on the first article it can open
        app.open_article(long_id)  # what choosing it in the list does
        await pilot.pause()
        assert app.session.article.id == seed_id
        assert "not opened: 1,000,0" in whole_screen(app)
        await pilot.press("[")  # the previous article is the long one: stepped over
        assert app.session.article.id == seed_id
    assert app.return_code in (None, 0)


def test_open_refuses_a_project_of_only_over_long_articles(db_path, capsys):
    stored_long_article(db_path, MAX_ARTICLE_CHARS + 10)
    assert main(["open", "--db", str(db_path)]) == 1
    assert "over the limit of 1,000,000 characters" in capsys.readouterr().out


class SlowModel:
    """The real model, made to take as long as the test says: a stand-in for one reading a
    999,000-character article for minutes."""

    def __init__(self, nlp):
        self.nlp, self.tokenizer, self.go_on = nlp, nlp.tokenizer, threading.Event()

    def __call__(self, text):
        self.go_on.wait()
        return self.nlp(text)


async def test_quitting_does_not_wait_for_the_model(seed_db, codebook, pipeline):
    slow = SlowModel(pipeline.nlp)
    store, app = make_app(seed_db, codebook, replace(pipeline, nlp=slow))
    before = set(threading.enumerate())

    def readers():
        return [t for t in threading.enumerate() if t.name == "newsmark-analyse" and t not in before]

    try:
        async with app.run_test() as pilot:
            for _ in range(1500):  # until the model has started reading (the machine may be busy)
                if readers():
                    break
                await pilot.pause(0.02)
            else:
                slow.go_on.set()
                pytest.fail("the model's reading does not run on a daemon thread of its own")
            await pilot.press("q")
        reading = readers()
        assert len(reading) == 1 and reading[0].is_alive() and reading[0].daemon  # quit, and left it
    finally:
        slow.go_on.set()
        for thread in readers():  # the test process should not exit under it
            thread.join()
        store.close()
