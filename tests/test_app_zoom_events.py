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
