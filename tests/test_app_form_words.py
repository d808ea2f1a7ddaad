"""The event form's own words (its title with the keys, the hint line) are whole at 80x24: found
coding practice articles, the title ended "Esc cance" and the hint line lost its end ("took
Unidentified Armed Group" at 160 columns, "then Enter" at 80), the part that says what Enter does."""

from __future__ import annotations

from .apphelpers import running, whole_screen
from .test_app_form_enter import _strike_form, hint


async def test_the_form_title_and_hints_are_whole_at_80x24(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        await _strike_form(app, pilot)
        room = app.screen.query_one("#form-hint").content_region.width
        assert "Esc cancels)" in whole_screen(app)
        assert len(hint(app)) <= room and "Enter saves" in whole_screen(app)
        await pilot.press("home", "ctrl+k", *"unid", "enter")
        await pilot.pause()
        taken = app.screen.query_one("#field-actor1").value
        assert taken.startswith("Unidentified Armed Group")
        assert len(hint(app)) <= room and f"Enter saves the form, Tab goes on (took {taken})" in hint(app)


async def test_every_field_help_fits_the_hint_line_at_80_columns():
    from tui.app.screens.event_form import FIELD_HELP, HINT

    for text in (HINT, *FIELD_HELP.values()):
        assert len(text) <= 76, text
