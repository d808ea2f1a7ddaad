"""Enter in the event form: with a completion on show it takes the completion and saves nothing (as
an autocomplete list's Enter does in INCEpTION or a web form), the hint line then saying that Enter
saves; with none it saves. Enter never saves a field left half-typed with a completion still to take:
it goes back to that field. ctrl+s saves every field as typed."""

from __future__ import annotations

from tui.app.screens.event_form import EventFormScreen

from .apphelpers import running
from .test_app_annotation import on_disk
from .test_completion import open_form


def hint(app) -> str:
    return str(app.screen.query_one("#form-hint").render())


async def saved_by(app, pilot, store, strike, keys: list[str], actor1: str) -> None:
    """``keys`` close the form, and the strike's Actor 1 on disk is ``actor1``."""
    await pilot.press(*keys)
    await pilot.pause()
    assert not isinstance(app.screen, EventFormScreen)
    assert on_disk(store, app.session.article.id).events[strike.id].fields["actor1"] == actor1


async def _strike_form(app, pilot):
    strike = next(e for e in app.session.events.values() if e.type == "REMOTE_VIOLENCE")
    app.current_event = strike.id
    app._refresh_events()
    await open_form(app, pilot)
    assert isinstance(app.screen, EventFormScreen)
    return strike


async def test_enter_takes_the_completion_says_so_and_the_next_enter_saves(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        strike = await _strike_form(app, pilot)
        await pilot.press("home", "ctrl+k", *"glo")
        await pilot.pause()
        assert "Tab or Enter takes: Global Coalition Against Daesh" in hint(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        assert app.screen.query_one("#field-actor1").value == "Global Coalition Against Daesh"
        assert "Enter saves" in hint(app)
        await saved_by(app, pilot, store, strike, ["enter"], "Global Coalition Against Daesh")


async def test_enter_in_another_field_goes_back_to_a_half_typed_one(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        strike = await _strike_form(app, pilot)
        await pilot.press("home", "ctrl+k", *"glo", "shift+tab")  # left without its completion
        app.screen.query_one("#field-fatalities").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)  # nothing saved
        assert app.screen.focused.id == "field-actor1" and "Global Coalition Against Daesh" in hint(app)
        await saved_by(app, pilot, store, strike, ["enter", "enter"], "Global Coalition Against Daesh")  # takes, saves


async def test_ctrl_s_saves_a_value_of_the_coders_own_as_typed(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        strike = await _strike_form(app, pilot)
        await pilot.press("home", "ctrl+k", *"Glo")
        await pilot.pause()
        assert "Global Coalition Against Daesh" in hint(app)
        await saved_by(app, pilot, store, strike, ["ctrl+s"], "Glo")


async def test_f_in_the_event_panel_opens_the_form_as_in_the_article(samples_db, codebook, pipeline):
    """Found by a coder: F3 gave the panel the keys, `f` (the form, in the article) did nothing there,
    and the actor typed next ran the panel's keys ("civ": `c` duplicated the event)."""
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        events = len(app.session.events)
        app.query_one("#event-table").focus()
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        assert len(app.session.events) == events
