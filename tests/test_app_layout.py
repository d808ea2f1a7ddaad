"""Every terminal from 80x24 up: the article gets the room, side panes fold away, the footer keeps q and ?."""

from __future__ import annotations

import pytest

from tui.app.layout import plan_layout
from tui.app.textlayout import MEASURE, cells

from .apphelpers import running, whole_screen


@pytest.mark.parametrize("width,height", [(80, 24), (100, 30), (120, 40), (160, 45), (200, 50), (250, 60)])
def test_the_article_always_gets_at_least_sixty_columns_and_never_more_than_the_measure(width, height):
    plan = plan_layout(width, height)
    text = (plan.reader_width or width - (36 if plan.show_list and not plan.stacked else 0)) - 4
    assert 60 <= min(text, MEASURE) <= MEASURE
    if width >= 200:
        assert plan.show_list and plan.show_events and not plan.stacked and plan.reader_width == MEASURE + 4
    elif width >= 108:
        assert plan.show_events and not plan.show_list and not plan.stacked
    if width < 108:
        assert plan.stacked and not plan.show_list


def test_a_coders_choice_of_panes_holds_at_any_width():
    assert plan_layout(250, 60, want_list=False).show_list is False
    assert plan_layout(80, 24, want_events=True).show_events is True
    assert plan_layout(80, 24).show_events is False  # too few rows for the events under the text


async def test_at_80x24_the_article_shows_sixty_columns_and_the_footer_quit_and_help(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        view = app.view
        assert view.scrollable_content_region.width >= 60
        assert not app.query_one("#articles").display and not app.query_one("#events").display
        footer = whole_screen(app).splitlines()
        bottom = next(line for line in reversed(footer) if line.strip())
        assert "q Quit" in bottom and "? Help" in bottom and "F2 Articles" in bottom and "F3 Events" in bottom
        await pilot.press("f3")  # the event panel goes under the article, which keeps its width
        assert app.query_one("#events").display and app.query_one("#panes").has_class("-stacked")
        assert view.scrollable_content_region.width >= 60 and view.scrollable_content_region.height >= 4
        await pilot.press("f2")  # one side pane at a time on so few rows: the list replaces the events
        assert app.query_one("#articles").display and not app.query_one("#events").display
        assert app.focused is app.article_list
        await pilot.press("f2")
        assert not app.query_one("#articles").display and app.focused is app.view


async def test_at_80x24_the_article_list_is_a_drawer_that_closes_when_an_article_opens(
        samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        ids = store.article_ids()
        await pilot.press("f2", "down", "enter")
        await pilot.pause()
        assert app.session.article.id == ids[1]
        assert not app.query_one("#articles").display and app.focused is app.view


async def test_at_256_columns_lines_stop_at_the_measure_and_the_event_table_shows_whole_names(
        seed_db, codebook, pipeline):
    # 256: the seed's rows need 3 columns more than at 250 since a row marks its modality ("?bkg").
    async with running(seed_db, codebook, pipeline, size=(256, 60)) as (store, app, pilot):
        view = app.view
        longest = max(end - start for start, end in view._lines)
        assert longest <= MEASURE
        events = app.query_one("#events")
        assert events.size.width > 100  # the spare room went to the event panel
        rows = [line for line in whole_screen(app).splitlines() if "ERV: Air/drone strike" in line]
        strike = next(e for e in app.session.events.values() if e.subtype == "Air/drone strike")
        actors = [strike.fields.get(k) for k in ("actor1", "actor2") if strike.fields.get(k)]
        assert rows and actors and all(actor in rows[0] for actor in actors)  # in full, on the event's row


async def test_a_resized_terminal_is_laid_out_again(seed_db, codebook, pipeline):
    """An SSH window made smaller, then larger: the panes follow the new size, not the first one."""
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        assert app.query_one("#events").display and not app.query_one("#panes").has_class("-stacked")
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert app.query_one("#reader").size.width == 80 and not app.query_one("#events").display
        assert app.view.scrollable_content_region.width >= 60
        await pilot.resize_terminal(160, 45)
        await pilot.pause(0.2)
        assert app.query_one("#events").display and not app.query_one("#panes").has_class("-stacked")
        assert app.query_one("#reader").size.width < 160


@pytest.mark.parametrize("wide", [(160, 45), (250, 60)])
async def test_panes_chosen_on_a_narrow_terminal_give_way_when_it_grows_wide(samples_db, codebook, pipeline, wide):
    """F2 at 80x24 hides the event panel to keep the article's rows; side by side it is back."""
    async with running(samples_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        await pilot.press("f2", "down", "enter")
        await pilot.resize_terminal(*wide)
        await pilot.pause(0.2)
        plan = app.current_plan()
        assert plan == plan_layout(*wide) and not app.query_one("#panes").has_class("-stacked")
        assert app.query_one("#events").display
        assert app.query_one("#articles").display is (wide[0] >= 200)
        await pilot.resize_terminal(80, 24)  # and narrow again: the first size's panes
        await pilot.pause(0.2)
        assert not app.query_one("#articles").display and not app.query_one("#events").display


async def test_at_80x24_enter_on_the_open_article_closes_the_list_too(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        opened = app.session.article.id
        await pilot.press("f2")
        assert app.query_one("#articles").display and app.focused is app.article_list
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.article.id == opened
        assert not app.query_one("#articles").display and app.focused is app.view
        assert "article list shown" not in str(app.query_one("#status").render())


def assert_lines_fit(app) -> None:
    """Every screen line of the article fits the columns left of its scrollbar: none is cut."""
    view = app.view
    room = view.scrollable_content_region.width
    widest = max(cells(view.text[start:end].rstrip(" ")) for start, end in view._lines)
    assert widest <= room and not view.show_horizontal_scrollbar


async def test_a_long_article_opened_after_a_short_one_wraps_left_of_its_scrollbar(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        ids = app.article_list.ordered_ids()
        sources = [store.row(i)["source"] for i in ids]
        short, long = (next(i for i, source in enumerate(sources) if f"/{n}_" in source) for n in ("03", "07"))
        await pilot.press("f2", *["down"] * short, "enter")
        await pilot.pause()
        assert app.session.article.id == ids[short] and not app.view.show_vertical_scrollbar
        assert_lines_fit(app)
        assert app.query_one("#articles").display  # side by side, the list stays: shift+tab goes back to it
        await pilot.press("shift+tab", *["down"] * (long - short), "enter")
        await pilot.pause()
        assert app.session.article.id == ids[long] and app.view.show_vertical_scrollbar
        assert_lines_fit(app)
        await pilot.press("f2")  # the list hidden: the text wraps to the wider pane
        await pilot.pause()
        assert_lines_fit(app)


async def test_after_a_resize_the_pane_with_the_keys_is_on_screen(seed_db, codebook, pipeline):
    """The list and the event panel shown at 160x45, the panel focused, then the terminal made 80x24:
    the panel that has the keys stays, under the article (the list gives way), so the status line's
    "event panel shown and focused" stays true and z zooms a panel the coder can see."""
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        await pilot.press("f2", "f3", "f3")  # the list shown; the event panel hidden, then shown: it has the keys
        await pilot.pause()
        table, events = app.query_one("#event-table"), app.query_one("#events")
        assert app.query_one("#articles").display and app.focused is table
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert app.focused is table and events.display and not app.query_one("#articles").display
        assert app.query_one("#panes").has_class("-stacked")
        assert events.region.height >= 6 and events.region.y > app.view.region.y  # drawn, under the article
        assert table.region.height > 0 and app.view.scrollable_content_region.width >= 60
        assert "event panel shown and focused" in str(app.query_one("#status").render())
        await pilot.press("z")  # one z zooms the panel on screen
        await pilot.pause()
        assert app.screen.maximized is events
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.maximized is None and events.display and app.focused is table
        await pilot.resize_terminal(160, 45)  # wide again: the panel, still focused, beside the article
        await pilot.pause(0.2)
        assert app.focused is table and events.display and not app.query_one("#panes").has_class("-stacked")
