"""Stable keys: a role or a sub-type is always taken by the same keys; a key not offered rings the bell."""

from __future__ import annotations

from tui.app.screens.picker import RolePicker, TypePicker

from .apphelpers import running, whole_screen
from .test_app_annotation import goto, on_disk


def count_bells(app) -> list[int]:
    rung = []
    app.bell = lambda: rung.append(1)
    return rung


async def test_a_date_is_offered_only_as_time_with_the_same_key_in_every_event_type(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        bells = count_bells(app)
        text, aid = app.session.article.text, app.session.article.id
        date = next(e for e in app.session.entities.values() if e.label == "DATE" and e.status == "suggested")
        for type_keys in (("b", "1"), ("r", "1")):  # a battle, then a riot, on the same trigger
            bells.clear()
            await goto(app, pilot, "attack on the US-backed")
            await pilot.press("e", *type_keys)
            await pilot.pause()
            event_id = app.current_event
            app.view.move_to(date.start)
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, RolePicker)
            assert [(c.code, c.text) for c in picker.shown] == [("d", "Time")]  # no Instrument, no Crime
            await pilot.press("1", "q", "x")  # not offered: the bell, and the picker stays as it was
            assert len(bells) == 3 and app.screen is picker and picker.prefix == ""
            await pilot.press("d")
            await pilot.pause()
            assert not isinstance(app.screen, RolePicker)
            event = on_disk(store, aid).events[event_id]
            assert ("Time", date.start, date.end) in [(a.role, a.start, a.end) for a in event.arguments]


async def test_the_type_picker_marks_the_likeliest_and_its_codes_never_move(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(120, 40)) as (store, app, pilot):
        bells = count_bells(app)
        await goto(app, pilot, "strikes against")
        await pilot.press("e")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, TypePicker)
        first = picker.shown[0]
        assert (first.code, first.likely) == ("e1", True) and "★" in whole_screen(app)
        codes = {c.value: c.code for c in picker.shown}
        assert codes["REMOTE_VIOLENCE|Shelling/artillery/missile attack"] == "e2"
        assert codes["BATTLE|Armed clash"] == "b1" and codes["ARREST|Arrests"] == "a1"
        await pilot.press("z")  # no type has z
        assert bells == [1]
        await pilot.press("b")  # Battles: its sub-types, each with its digit
        assert [c.code for c in picker.shown] == ["b1", "b2", "b3"]
        await pilot.press("7")
        assert bells == [1, 1] and app.screen is picker
        await pilot.press("backspace", "e", "2")
        await pilot.pause()
        event = app.session.events[app.current_event]
        assert (event.type, event.subtype) == ("REMOTE_VIOLENCE", "Shelling/artillery/missile attack")
        # Elsewhere, with nothing likely, the same codes take the same sub-types.
        await goto(app, pilot, "Russian Foreign Minister")
        await pilot.press("e")
        await pilot.pause()
        assert {c.value: c.code for c in app.screen.shown} == codes
        await pilot.press("slash", *"grenade")  # / filters by words; Enter takes the marked line
        assert [c.code for c in app.screen.shown] == ["e5"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.events[app.current_event].subtype == "Grenade"
