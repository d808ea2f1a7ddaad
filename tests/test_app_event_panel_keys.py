"""Keys in the event panel act on the row the coder sees highlighted, however fast they come; the
panel shows what each key changed, each event's modality, and scrolls sideways a column at a time."""

from __future__ import annotations

import pytest
from textual import events

from tui.app.screens.event_form import EventFormScreen
from tui.app.widgets.event_panel import COLUMNS, EventTable

from .apphelpers import running
from .test_app_annotation import on_disk


async def _burst(app, pilot, *keys: str) -> None:
    """Keys posted at once, as one terminal read delivers them, before any is handled."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
    for _ in range(4):
        await pilot.pause()


async def _table_on_first_row(app, pilot) -> EventTable:
    table = app.query_one(EventTable)
    table.focus()
    table.move_cursor(row=0)
    await pilot.pause()
    assert app.current_event == table.event_ids[0] and len(table.event_ids) >= 2
    return table


def _marks(table: EventTable) -> list[str]:
    return [str(table.get_cell_at((row, 0))) for row in range(table.row_count)]


async def test_down_then_delete_in_one_burst_deletes_the_highlighted_event(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        table = await _table_on_first_row(app, pilot)
        first, second = table.event_ids[:2]
        await _burst(app, pilot, "down", "x")
        stored = on_disk(store, app.session.article.id).events
        assert second not in stored and first in stored


async def test_down_then_accept_or_enter_in_one_burst_act_on_the_highlighted_event(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        table = await _table_on_first_row(app, pilot)
        first, second = table.event_ids[:2]
        assert app.session.events[first].status == app.session.events[second].status == "suggested"
        await _burst(app, pilot, "down", "a")
        stored = on_disk(store, app.session.article.id).events
        assert (stored[first].status, stored[second].status) == ("suggested", "accepted")
        table.move_cursor(row=0)
        await pilot.pause()
        await _burst(app, pilot, "down", "enter")
        assert isinstance(app.screen, EventFormScreen) and app.screen.event.id == table.event_ids[1]


async def test_accept_all_shows_the_accepted_marks_in_the_table(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        table = app.query_one(EventTable)
        assert any(mark.startswith("?") for mark in _marks(table))
        await pilot.press("A")
        await pilot.pause()
        assert all(mark.startswith("✓") for mark in _marks(table))
        await pilot.press("u")
        await pilot.pause()
        assert any(mark.startswith("?") for mark in _marks(table))


async def test_the_done_answer_shows_in_the_table_of_the_last_article(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        table = app.query_one(EventTable)
        await pilot.press("d", "a")
        await pilot.pause()
        # The seed project holds one article: it stays open, and its table says what d answered.
        assert app.session.reviewed and all(mark.startswith("✓") for mark in _marks(table))


async def test_a_background_suggestion_is_marked_in_its_row_at_80x24(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        table = app.query_one(EventTable)
        modalities = [app.session.events[i].modality for i in table.event_ids]
        assert "background" in modalities and "" in modalities
        for modality, mark in zip(modalities, _marks(table)):
            assert mark == ("?bkg" if modality == "background" else "?")
        assert table.columns[next(iter(table.columns))].get_render_width(table) < 8  # room for the rest


async def test_a_form_save_of_two_fields_is_one_undo(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        table = await _table_on_first_row(app, pilot)
        event_id = table.event_ids[0]
        before = dict(app.session.events[event_id].fields)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-actor1").value = "Militia of Somewhere"
        form.query_one("#field-actor2").value = "Civilians (Somewhere)"
        await pilot.press("ctrl+s")
        await pilot.pause()
        fields = on_disk(store, app.session.article.id).events[event_id].fields
        assert (fields["actor1"], fields["actor2"]) == ("Militia of Somewhere", "Civilians (Somewhere)")
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(store, app.session.article.id).events[event_id].fields == before
        assert "edit actor1, actor2" in str(app.query_one("#status").render())  # the step names what it undid
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert on_disk(store, app.session.article.id).events[event_id].fields["actor2"] == "Civilians (Somewhere)"


async def test_f3_showing_the_event_panel_focuses_it(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        app.query_one(EventTable).focus()
        await pilot.pause()
        await pilot.press("f3")  # hidden, then shown again: the panel has the keys, and A is its own
        await pilot.pause()
        assert app.focused is app.view and "event panel hidden; article focused (F3)" in str(app.query_one("#status").render())
        await pilot.press("f3")
        await pilot.pause()
        assert app.focused is app.query_one(EventTable)
        assert "event panel shown and focused (F3 hides it)" in str(app.query_one("#status").render())


async def test_f3_at_80x24_shows_the_folded_event_panel_with_the_focus(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        assert app.query_one("#events").display and app.focused is app.query_one(EventTable)


def _readable_columns(table: EventTable) -> int:
    """Columns every cell of which is wholly on the screen, read from the table's painted lines (the
    rows in sight, left of a vertical scrollbar: more events than the panel's height scroll)."""
    region = table.scrollable_content_region
    rows = min(table.row_count, region.height - 1)
    lines = ["".join(s.text for s in table.render_line(y))[:region.width] for y in range(1 + rows)]
    readable = 0
    for i in range(len(COLUMNS)):
        cells = [str(table.get_cell_at((row, i))) for row in range(rows)]
        label = str(table.ordered_columns[i].label)
        readable += label in lines[0] and all(cell in lines[1 + row] for row, cell in enumerate(cells))
    return readable


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_right_and_left_move_the_event_table_a_column_at_a_time(seed_db, codebook, pipeline, size):
    async with running(seed_db, codebook, pipeline, size=size) as (store, app, pilot):
        if size == (80, 24):
            await pilot.press("f3")  # folded away at 80x24: F3 shows it, with the focus
        else:
            app.query_one(EventTable).focus()
        await pilot.pause()
        table = app.query_one(EventTable)
        assert app.focused is table and table.hidden()[0] > 0
        starts, x = [], 0
        for column in table.ordered_columns:
            starts.append(x)
            x += column.get_render_width(table)
        seen = [0]
        for _ in range(len(COLUMNS) + 2):
            await pilot.press("right")
            await pilot.pause()
            seen.append(round(table.scroll_x))
            assert round(table.scroll_x) in starts or table.scroll_x == table.max_scroll_x
            assert table.hidden()[0] == len(COLUMNS) - _readable_columns(table)
        assert table.scroll_x == table.max_scroll_x and len(set(seen)) <= len(COLUMNS) + 1
        await pilot.press("left")
        await pilot.pause()
        assert round(table.scroll_x) in starts and table.scroll_x < table.max_scroll_x
        # Scrolled by the mouse, a character at a time: a column cut only in its padding is readable.
        for x in range(starts[5], table.max_scroll_x + 1):
            table.scroll_to(x=x, animate=False)
            await pilot.pause()
            assert table.hidden()[0] == len(COLUMNS) - _readable_columns(table), x


async def test_down_then_attribute_in_one_burst_marks_the_highlighted_event(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        table = await _table_on_first_row(app, pilot)
        first, second = table.event_ids[:2]
        before = app.session.events[first].modality
        await _burst(app, pilot, "down", "m")
        await pilot.press("h")  # modality hypothetical, in the attribute picker
        await pilot.pause()
        stored = on_disk(store, app.session.article.id).events
        assert stored[second].modality == "hypothetical" and stored[first].modality == before
