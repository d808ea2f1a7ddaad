"""The article list at corpus scale, the footer's last cell, and what the search status says."""

from __future__ import annotations

from tui.core.importer import article_from_text
from tui.core.store import Store

from .apphelpers import running, settle, whole_screen

LONG_TITLE = "Troops and rebels clash for a third day near the border town"


def many_articles(db_path, n: int) -> list[str]:
    """A project of ``n`` short articles, the first with a long title; their ids in import order."""
    with Store(db_path) as store, store.batch():
        for i in range(n):
            title = LONG_TITLE if i == 0 else f"Article number {i}"
            store.add_article(article_from_text(f"{title}\n\nBody of article {i}. Nothing happened.",
                                                source=f"a{i}.txt"))
        return store.article_ids()


def list_lines(app) -> list[str]:
    """The article list's painted lines, as text."""
    articles = app.article_list
    return ["".join(s.text for s in articles.render_line(y))
            for y in range(articles.scrollable_content_region.height)]


async def test_a_list_of_500_articles_paints_only_the_rows_on_screen_and_steps_to_the_last(
        db_path, codebook, pipeline):
    ids = many_articles(db_path, 500)
    async with running(db_path, codebook, pipeline, size=(250, 60)) as (store, app, pilot):
        articles = app.article_list
        assert articles.border_title == "Articles 0/500 done"
        assert articles.virtual_size.height == 501  # the column titles, then one line per article
        app.article_list.focus()
        await pilot.press("end", "enter")
        await settle(app, pilot)
        assert app.session.article.id == ids[-1]
        assert "Article number 499" in list_lines(app)[-1]
        app.view.focus()
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert app.session.article.id == ids[-2]
        assert articles.cursor_row == 498


async def test_titles_take_the_width_of_the_list_beside_the_text_and_above_it(db_path, codebook, pipeline):
    many_articles(db_path, 3)
    async with running(db_path, codebook, pipeline, size=(250, 60)) as (store, app, pilot):
        first = list_lines(app)[1]
        assert LONG_TITLE[:24] + "…" in first  # was cut at 20 characters
    async with running(db_path, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        await pilot.press("f2")  # the list above the text, the whole width
        await pilot.pause()
        assert LONG_TITLE in whole_screen(app)


async def test_the_footer_ends_with_the_palette_key_and_nothing_after_it(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        footer = next(line for line in reversed(whole_screen(app).splitlines()) if line.strip())
        assert footer.rstrip().endswith("palette"), footer[-20:]  # was "palettea": a key showing through


async def test_the_search_status_says_which_match_is_current(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        text = app.session.article.text
        count = text.lower().count("the")
        app.view.move_to(0)
        await pilot.press("slash", *"the", "enter")
        assert f"match 1 of {count} for 'the'" in str(app.query_one("#status").render())
        await pilot.press("n", "n")
        assert f"match 3 of {count}" in str(app.query_one("#status").render())


async def test_the_first_acled_export_says_it_builds_the_place_index_and_keeps_the_keys(
        seed_db, codebook, pipeline, tmp_path, monkeypatch):
    import shutil
    import threading

    from tui.core import gazetteer, place_index

    built = shutil.copy(place_index.index_path(), tmp_path / "built.sqlite")  # the real index, built once
    release = threading.Event()

    def slow_build(path):  # the real ~10 s build, stood for by a copy made when the test says
        release.wait(60)
        shutil.copy(built, path)

    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        monkeypatch.setenv("NEWSMARK_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setattr(place_index, "_build_in_child", slow_build)
        monkeypatch.setattr(gazetteer, "_index", None)  # as in a process that has not opened it yet
        await pilot.press("ctrl+p", *"Export as acled")
        await pilot.pause(1.0)  # the palette's search runs in the background
        await pilot.press("enter")
        await pilot.pause()
        assert "building the place index (once)…" in str(app.query_one("#status").render())
        before = app.view.cursor
        await pilot.press("w")  # the keys still work meanwhile
        assert app.view.cursor != before
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "place index built" in str(app.query_one("#status").render())
    assert (seed_db.parent / "exports" / "project.acled.csv").exists()


async def test_an_article_passed_over_with_nothing_coded_stays_todo(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        first = app.session.article.id
        assert store.row(first)["status"] == "in progress"  # while it is open
        await pilot.press("]", "]")
        second = [r["id"] for r in store.rows()][1]
        assert store.row(first)["status"] == "todo" and store.row(second)["status"] == "todo"
        await pilot.press("w", "1")  # something coded: it stays in progress when left
        coded = app.session.article.id
        await pilot.press("[")
        assert store.row(coded)["status"] == "in progress"
    with Store(samples_db) as store:
        assert store.row(first)["status"] == "todo" and store.row(coded)["status"] == "in progress"
