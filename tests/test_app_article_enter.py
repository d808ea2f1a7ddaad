"""Enter in the article pane, as INCEpTION's selection of an annotation: on an event's trigger, or on an
entity that fills a role of an event, that event becomes the current one (its row in the event panel,
its arguments in the text) and the status line says how to edit it; elsewhere the status line says
what Enter does. It never opens a form, so a stray Enter after the form is saved reopens nothing."""

from __future__ import annotations

from tui.app.screens.event_form import EventFormScreen
from tui.app.widgets.event_panel import EventPanel

from .apphelpers import running, settle
from .test_app_annotation import goto


def status_line(app) -> str:
    return str(app.query_one("#status").render())


def strike_of(app):
    return next(e for e in app.session.events.values() if e.type == "REMOTE_VIOLENCE")


async def test_enter_on_a_suggested_trigger_makes_its_event_current_in_the_panel(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        strike = strike_of(app)
        other = next(e for e in app.session.events.values() if e.id != strike.id and e.status != "rejected")
        app.current_event = other.id
        app._refresh_events()
        await pilot.pause()
        app.view.move_to(strike.trigger_start)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_event == strike.id
        assert app.query_one(EventPanel).table.current_id == strike.id  # its row in the panel
        assert app.focused is app.view and not isinstance(app.screen, EventFormScreen)  # the keys stay
        assert "'strikes'" in status_line(app) and "f its form" in status_line(app)


async def test_enter_on_an_entity_in_a_role_shows_its_event_and_elsewhere_says_what_enter_does(
        seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        session = app.session
        shown = [e for e in session.events.values() if e.status != "rejected"]
        event, arg = next((e, a) for e in shown for a in e.arguments
                          if a.has_span and session.entity_at(a.start) is not None)
        holders = [e.id for e in shown if any(x.has_span and x.start < arg.end and arg.start < x.end
                                              for x in e.arguments)]
        app.current_event = next(e.id for e in shown if e.id not in holders)  # an event it plays no part in
        app._refresh_events()
        app.view.move_to(session.entity_at(arg.start).start)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_event in holders and app.focused is app.view
        assert " of " in status_line(app) and "current event (f its form)" in status_line(app)
        app.current_event = holders[-1]  # already current and holding it: it stays the current one
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_event == holders[-1]
        await goto(app, pilot, "simply said")  # a word that is no entity and no trigger
        await pilot.press("enter")
        await pilot.pause()
        assert "Enter on an entity or an event's trigger" in status_line(app)
        assert app.current_event == holders[-1] and app.focused is app.view


async def test_a_stray_enter_after_the_form_is_saved_reopens_nothing(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        strike = strike_of(app)
        app.view.move_to(strike.trigger_start)
        await pilot.press("a")  # accept the strike, then its form from the article pane
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        await pilot.press("ctrl+s", "enter", "enter")  # saved, then two stray Enters in the same burst
        await settle(app, pilot)
        assert not isinstance(app.screen, EventFormScreen)
        assert app.focused is app.view and app.current_event == strike.id
        assert "saved " in status_line(app) or "nothing changed" in status_line(app)  # what the form did stays said
