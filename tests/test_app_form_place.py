"""The event form shows, as the coder leaves the location or the country, the place columns that
saving will set (the country, admin1, admin2, coordinates), so what the form shows is what is saved,
and the actors complete in the country shown."""

from __future__ import annotations

from tui.app.screens.event_form import EventFormScreen

from .apphelpers import running
from .test_app_annotation import on_disk
from .test_app_form_enter import _strike_form


def field(app, name: str) -> str:
    return app.screen.query_one(f"#field-{name}").value


async def test_a_new_location_shows_its_country_and_coordinates_before_it_is_saved(samples_db, codebook, pipeline):
    """Found coding Christchurch's second mosque attack, suggested at Linwood (Scotland): with the
    location typed anew the form still showed Scotland and its coordinates, and "pol" completed to
    the United Kingdom's police, until saving looked the place up. A coder who typed only the
    location saved Christchurch in Dorset, England without ever seeing it."""
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        strike = await _strike_form(app, pilot)
        app.screen.query_one("#field-location").focus()
        await pilot.press("ctrl+u", *"Christchurch", "tab")
        await pilot.pause()
        assert app.screen.focused.id == "field-country"
        assert (field(app, "country"), field(app, "admin1"), field(app, "latitude")) == (
            "New Zealand", "Canterbury", "-43.53333")
        for _ in range(8):  # back to Actor 1: it completes in the country shown
            await pilot.press("shift+tab")
        await pilot.press("ctrl+u", *"pol")
        await pilot.pause()
        assert app.screen.focused.id == "field-actor1"
        assert "Police Forces of New Zealand" in str(app.screen.query_one("#form-hint").render())
        await pilot.press("ctrl+u")
        app.screen.query_one("#field-country").focus()
        await pilot.press("ctrl+u", *"United Kingdom", "tab")  # the coder's country: looked up there
        await pilot.pause()
        assert (field(app, "admin1"), field(app, "admin2")) == ("England", "Dorset")
        shown = {name: field(app, name) for name in ("country", "admin1", "admin2", "latitude", "longitude")}
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EventFormScreen)
        fields = on_disk(store, app.session.article.id).events[strike.id].fields
        assert {name: str(fields.get(name, "")) for name in shown} == shown


async def test_a_place_column_the_coder_typed_is_never_overwritten(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        await _strike_form(app, pilot)
        app.screen.query_one("#field-admin1").focus()
        await pilot.press("ctrl+u", *"Somewhere", "ctrl+s")  # ctrl+s: as typed, no completion taken
        await pilot.pause()
        await _strike_form(app, pilot)
        app.screen.query_one("#field-location").focus()
        await pilot.press("ctrl+u", *"Raqqa", "tab")
        await pilot.pause()
        assert field(app, "admin1") == "Somewhere" and field(app, "latitude") != ""


async def test_a_country_typed_anew_moves_the_local_actors_shown_to_it(samples_db, codebook, pipeline):
    """Found coding the second Christchurch attack, suggested in Scotland: with the country corrected
    the form still held "Sole Perpetrator (United Kingdom)" and "Civilians (United Kingdom)", and
    each took another five keys. A local standard actor the coder has not typed follows the country
    shown, as the suggester would have chosen it there; one the coder typed is theirs."""
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        strike = await _strike_form(app, pilot)
        app.screen.query_one("#field-actor2").focus()
        await pilot.press("ctrl+u", *"Civilians (Syria)", "ctrl+s")
        await pilot.pause()
        await _strike_form(app, pilot)
        app.screen.query_one("#field-country").focus()
        await pilot.press("ctrl+u", *"Iraq", "tab")
        await pilot.pause()
        assert field(app, "actor2") == "Civilians (Iraq)"
        app.screen.query_one("#field-actor2").focus()
        await pilot.press("ctrl+u", *"Civilians (Syria)")
        app.screen.query_one("#field-country").focus()
        await pilot.press("ctrl+u", *"Turkey", "tab")
        await pilot.pause()
        assert field(app, "actor2") == "Civilians (Syria)"  # typed by the coder in this form
        await pilot.press("escape")
        await pilot.pause()
        assert "not saved (Escape): country" in app._message
        await _strike_form(app, pilot)
        app.screen.query_one("#field-country").focus()
        await pilot.press("ctrl+u", *"Iraq", "tab", "ctrl+s")
        await pilot.pause()
        fields = on_disk(store, app.session.article.id).events[strike.id].fields
        assert (fields["country"], fields["actor2"]) == ("Iraq", "Civilians (Iraq)")


async def test_a_country_acled_does_not_code_is_refused_and_an_alias_saved_as_its_name(samples_db, codebook,
                                                                                        pipeline):
    """Found by a coder: a place typed one field too far ("Oxfords" in the country) was saved as the
    event's country without a word; the form's other fields are saved."""
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        strike = await _strike_form(app, pilot)
        app.screen.query_one("#field-country").focus()
        await pilot.press("ctrl+u", *"Oxfords")
        app.screen.query_one("#field-fatalities").focus()
        await pilot.press("ctrl+u", *"7", "ctrl+s")
        await pilot.pause()
        fields = on_disk(store, app.session.article.id).events[strike.id].fields
        assert (fields["country"], fields["fatalities"]) == ("Syria", 7)
        assert "refused country: 'Oxfords' is no country ACLED codes" in app._message
        await _strike_form(app, pilot)
        app.screen.query_one("#field-country").focus()
        await pilot.press("ctrl+u", *"UK", "ctrl+s")
        await pilot.pause()
        assert on_disk(store, app.session.article.id).events[strike.id].fields["country"] == "United Kingdom"
