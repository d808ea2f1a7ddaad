"""`S` skips an article (Prodigy's "ignore": not coded, passed over) and takes a skip back: the list
shows it as skipped, `]` / `[` step over it, the list still opens it, and closing it keeps it skipped."""

from __future__ import annotations

from tui.core.store import Store

from .apphelpers import running, settle
from .test_app_list_and_status import list_lines, many_articles


def statuses(db_path) -> list[str]:
    with Store(db_path, create=False) as store:
        return [row["status"] for row in store.rows()]


def status_line(app) -> str:
    return str(app.query_one("#status").render())


async def test_s_skips_the_article_shows_it_in_the_list_and_opens_the_next(db_path, codebook, pipeline):
    ids = many_articles(db_path, 4)
    async with running(db_path, codebook, pipeline, size=(200, 40)) as (store, app, pilot):
        assert app.session.article.id == ids[0]
        await pilot.press("S")
        await settle(app, pilot)
        assert app.session.article.id == ids[1]
        assert "skipped" in status_line(app) and "Article number 1" not in status_line(app)
        assert store.row(ids[0])["status"] == "skipped"
        first = list_lines(app)[1]
        assert first.startswith("- ") and "skipped" not in first  # the list's mark for a skipped article
        assert app.article_list.border_title == "Articles 0/4 done · 1 skipped"
    assert statuses(db_path)[0] == "skipped"  # on disk, after the app closed


async def test_next_and_previous_step_over_skipped_articles_and_say_so(db_path, codebook, pipeline):
    ids = many_articles(db_path, 4)
    with Store(db_path) as store:
        store.set_status(ids[1], "skipped")
        store.set_status(ids[2], "skipped")
    async with running(db_path, codebook, pipeline, size=(200, 40)) as (store, app, pilot):
        assert app.session.article.id == ids[0]
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert app.session.article.id == ids[3]
        assert "stepped over 2 skipped article(s)" in status_line(app)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert app.session.article.id == ids[0]
        assert "stepped over 2 skipped" in status_line(app)
    assert statuses(db_path) == ["todo", "skipped", "skipped", "todo"]  # passed over, nothing changed


async def test_a_skipped_article_opened_from_the_list_stays_skipped_until_s_takes_it_back(
        db_path, codebook, pipeline):
    ids = many_articles(db_path, 3)
    with Store(db_path) as store:
        store.set_status(ids[1], "skipped")
    async with running(db_path, codebook, pipeline, size=(200, 40)) as (store, app, pilot):
        app.article_list.focus()
        await pilot.press("down", "enter")  # the list still opens it
        await settle(app, pilot)
        assert app.session.article.id == ids[1]
        assert store.row(ids[1])["status"] == "skipped"
        await pilot.press("left_square_bracket", "right_square_bracket")  # left and opened again: still skipped
        await settle(app, pilot)
        assert app.session.article.id == ids[2] and store.row(ids[1])["status"] == "skipped"
        app.article_list.focus()
        await pilot.press("up", "enter")
        await settle(app, pilot)
        await pilot.press("S")  # on a skipped article: no longer skipped, and it stays open
        await settle(app, pilot)
        assert app.session.article.id == ids[1]
        assert store.row(ids[1])["status"] != "skipped" and "no longer skipped" in status_line(app)
        assert list_lines(app)[2].startswith("… ")
        assert app.article_list.border_title == "Articles 0/3 done"
    assert statuses(db_path)[1] == "todo"  # nothing coded in it: back to do


async def done_here(app, pilot) -> None:
    """`d`, accepting whatever the model suggested."""
    await pilot.press("d")
    await settle(app, pilot)
    if app.screen.is_modal:
        await pilot.press("a")
        await settle(app, pilot)


async def test_s_on_a_done_article_keeps_it_done_and_d_on_a_skipped_one_marks_it_done(db_path, codebook, pipeline):
    ids = many_articles(db_path, 3)
    with Store(db_path) as store:
        store.set_status(ids[1], "skipped")
    async with running(db_path, codebook, pipeline, size=(200, 40)) as (store, app, pilot):
        await done_here(app, pilot)
        assert store.row(ids[0])["status"] == "done" and app.session.article.id == ids[2]  # over the skipped one
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert app.session.article.id == ids[0]
        await pilot.press("S")
        await settle(app, pilot)
        assert app.session.article.id == ids[0] and store.row(ids[0])["status"] == "done"
        assert "already done" in status_line(app)
        app.open_article(ids[1])
        await settle(app, pilot)
        await done_here(app, pilot)
        assert store.row(ids[1])["status"] == "done"


async def test_s_says_the_skipped_articles_it_stepped_over_on_its_way(db_path, codebook, pipeline):
    """`S` opens the next article to code, as `]` does, and says too what `]` would have said."""
    ids = many_articles(db_path, 4)
    with Store(db_path) as store:
        store.set_status(ids[1], "skipped")
    async with running(db_path, codebook, pipeline, size=(300, 40)) as (store, app, pilot):
        await pilot.press("S")
        await settle(app, pilot)
        assert app.session.article.id == ids[2]
        assert "S on it takes the skip back" in status_line(app)
        assert "stepped over 1 skipped article(s)" in status_line(app)


async def test_open_after_skipping_the_last_article_opens_the_first_unreviewed_not_the_skipped_one(
        db_path, codebook, pipeline):
    ids = many_articles(db_path, 3)
    async with running(db_path, codebook, pipeline, size=(200, 40)) as (store, app, pilot):
        for _ in range(2):
            await pilot.press("right_square_bracket")
            await settle(app, pilot)
        assert app.session.article.id == ids[2]
        await pilot.press("S")  # the last article: skipped, and nothing comes after it
        await settle(app, pilot)
        assert store.row(ids[2])["status"] == "skipped"
    async with running(db_path, codebook, pipeline, size=(200, 40)) as (store, app, pilot):
        assert app.session.article.id == ids[0]  # where `newsmark open` starts: not the skipped one
        assert store.row(ids[2])["status"] == "skipped"
