"""z zooms the event panel to the whole screen (the table above the whole of the current event) and
back: at 80x24 the panel under the article shows a few lines of the event, and says how many more
there are; zoomed it shows them, and the article comes back with z or Escape."""

from __future__ import annotations

from .apphelpers import running, whole_screen


async def _panel_with_an_event(app, pilot):
    await pilot.press("f3")
    await pilot.pause()
    panel = app.query_one("#events")
    panel.table.focus()
    panel.table.move_cursor(row=0)
    await pilot.pause()
    await pilot.pause()
    return panel


async def test_z_shows_the_whole_event_at_80x24_and_gives_the_article_back(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        panel = await _panel_with_an_event(app, pilot)
        cut = panel.detail_cut()
        # the long form "... of the event: z shows all", or "...: z" beside the hint of rows out of sight
        assert cut > 5 and f"{cut} more line(s)" in whole_screen(app)
        height = panel.size.height
        await pilot.press("z")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.maximized is panel and panel.size.height > 2 * height
        assert not app.view.region.height  # the article is out of sight while zoomed
        assert panel.detail_cut() < cut - 5 and app.focused is panel.table
        assert "events zoomed" in whole_screen(app)  # the status line stays
        for key in ("z", "escape"):
            if key == "escape":
                await pilot.press("z")
                await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert app.screen.maximized is None and panel.size.height == height
            assert app.view.region.height > 5


async def test_z_from_the_article_at_160x45_zooms_the_panel_beside_it(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        panel = app.query_one("#events")
        width = panel.size.width
        assert app.focused is app.view
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is panel and panel.outer_size.width == 160 and app.focused is panel.table
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is None and panel.size.width == width


async def test_z_on_a_screen_over_the_panes_zooms_nothing(seed_db, codebook, pipeline):
    from tui.app.screens.help import HelpScreen

    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.maximized is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.maximized is None and app.view.region.height > 5


async def test_an_article_opened_while_zoomed_gives_the_keys_to_what_the_screen_shows(samples_db, codebook, pipeline):
    """Zoomed, ``]`` or ``d`` opened the next article with the panel still filling the screen but the
    keys in the hidden article (``j`` moved an unseen cursor, ``a`` would accept an unseen entity):
    the zoom ends as the article takes the keys, so the coder sees the pane that has them."""
    async with running(samples_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        first = app.session.article.id
        for key in ("right_square_bracket", "d"):
            await _panel_with_an_event(app, pilot)
            await pilot.press("z")
            await pilot.pause()
            assert app.screen.maximized is app.query_one("#events")
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            if key == "d" and "accept all" in whole_screen(app):
                await pilot.press("a")
                await pilot.pause()
                await pilot.pause()
            assert app.session.article.id != first
            first = app.session.article.id
            assert app.focused is app.view
            assert app.screen.maximized is None and app.view.region.height > 5


async def test_zoomed_at_80x24_shift_down_brings_the_cut_lines_of_the_event_into_sight(seed_db, codebook, pipeline):
    """Found coding at 80x24: zoomed, the border said "7 more line(s) of the event" (the country, the
    coordinates, the notes) and no key showed them (PageDown moved to the last event). shift+down and
    shift+up scroll the current event's detail; the border counts what is still below."""
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        panel = await _panel_with_an_event(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        await pilot.pause()
        cut = panel.detail_cut()
        assert cut > 0 and f"{cut} more line(s) of the event: shift+↓" in whole_screen(app)
        row = panel.table.cursor_row
        assert "lon " not in whole_screen(app)
        for _ in range(cut):
            await pilot.press("shift+down")
        await pilot.pause()
        await pilot.pause()
        assert panel.detail_cut() == 0 and panel.table.cursor_row == row
        assert "lon " in whole_screen(app) and "more line(s) of the event" not in whole_screen(app)
        await pilot.press("shift+up")
        await pilot.pause()
        await pilot.pause()
        assert panel.detail_cut() == 1
        await pilot.press("down")  # another event: its detail starts at its top
        await pilot.pause()
        await pilot.pause()
        assert panel.query_one("#event-detail").scroll_y == 0


async def test_unzoomed_the_status_line_says_where_the_panel_went(seed_db, codebook, pipeline):
    """At 80x24 the panel goes back under the article, not beside it as the status line said."""
    for size, where in (((80, 24), "under"), ((160, 45), "beside")):
        async with running(seed_db, codebook, pipeline, size=size) as (store, app, pilot):
            await _panel_with_an_event(app, pilot)
            await pilot.press("z")
            await pilot.pause()
            await pilot.press("z")
            await pilot.pause()
            status = str(app.query_one("#status").render())
            assert "beside" not in status if where == "under" else "event panel back beside the article" in status
            assert app._message.startswith(f"event panel back {where} the article")
