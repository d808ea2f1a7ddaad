"""At 80x24 the status line says what matters in 80 columns, and the event table says what it hides."""

from __future__ import annotations

from .apphelpers import running, whole_screen


async def test_status_line_fits_80_columns(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        text = app.session.article.text
        app.view.move_to(text.index("Syrian Democratic Forces"))
        await pilot.pause()
        status = app.query_one("#status").render()
        line = str(status)
        # the entity under the cursor (label, words, whether suggested) and what the model did
        assert line.startswith("ORG 'Syrian Democratic Forces'") and "entities" in line and "events suggested" in line
        assert len(line) <= 78 and line in whole_screen(app)  # on the screen whole, not cut at the edge
        app._set_message("x" * 120)  # a message too long for any terminal is cut, and says so
        await pilot.pause()
        line = str(app.query_one("#status").render())
        assert len(line) <= 78 and line.endswith("…") and line.startswith("ORG 'Syrian")
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        app.view.move_to(app.session.article.text.index("Syrian Democratic Forces"))
        app._set_message("12 entities and 3 events suggested by en_core_web_sm", "12 entities, 3 events suggested")
        await pilot.pause()
        line = str(app.query_one("#status").render())  # wide enough for every part whole
        assert line == "ORG 'Syrian Democratic Forces' suggested  12 entities and 3 events suggested by en_core_web_sm"


async def test_event_table_says_what_it_hides(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        await pilot.press("f3")
        await pilot.pause()
        await pilot.pause()
        panel = app.query_one("#events")
        columns, rows = panel.table.hidden()
        assert columns >= 3
        sign = str(panel.border_subtitle)
        assert f"{columns} of 9 columns hidden" in sign and sign in whole_screen(app)
        assert (f"{rows} more row(s)" in sign) == bool(rows)
        panel.table.focus()
        await pilot.press(*["right"] * 40)  # scrolled along: the sign follows what is in sight
        await pilot.pause()
        assert panel.table.scroll_x > 0 and panel.table.hidden()[0] != columns
        assert f"{panel.table.hidden()[0]} of 9 columns hidden" in str(panel.border_subtitle)


def test_status_parts_give_way_least_important_first():
    from rich.text import Text

    from tui.app.status_line import Part, fit

    parts = [Part(Text("NOT SAVED: 3 edit(s) pending"), 7, Text("NOT SAVED: 3")),
             Part(Text("ORG 'Syrian Democratic Forces' suggested"), 4, Text("ORG 'Syrian Democr…' ?")),
             Part(Text("Located→Deir ez-Zor"), 1),
             Part(Text("model loading"), 2),
             Part(Text("52 entities and 4 events suggested by en_core_web_sm"), 5,
                  Text("52 entities, 4 events suggested"), message=True)]
    assert str(fit(parts, 300)) == ("NOT SAVED: 3 edit(s) pending  ORG 'Syrian Democratic Forces' suggested  "
                                    "Located→Deir ez-Zor  model loading  52 entities and 4 events suggested by "
                                    "en_core_web_sm")
    assert str(fit(parts, 140)) == ("NOT SAVED: 3 edit(s) pending  ORG 'Syrian Democratic Forces' suggested  "
                                    "Located→Deir ez-Zor  model loading  52 entities, 4 events suggested")
    narrow = str(fit(parts, 78))  # the links and the model's state go before the entity and the message
    assert narrow == "NOT SAVED: 3  ORG 'Syrian Democr…' ?  52 entities, 4 events suggested"
    assert str(fit(parts, 60)) == "NOT SAVED: 3  52 entities, 4 events suggested"
    assert str(fit(parts, 40)) == "NOT SAVED: 3  52 entities, 4 events sug…"  # cut, and it says so


async def test_the_event_form_shows_actors_date_and_place_at_once_at_80x24(seed_db, codebook):
    """At 80x24 the form showed four fields (Actor 1 to Fatalities): each input took three rows."""
    from tui.core.nlp import load_pipeline

    from .test_app_annotation import goto

    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(80, 24)) as (
            _store, app, pilot):
        await goto(app, pilot, "strikes against")
        await pilot.press("e", "e", "1", "f")
        await pilot.pause()
        screen = whole_screen(app)
        for caption in ("Actor 1", "Actor 2", "Fatalities", "Event date", "Location", "Country", "Admin1"):
            assert caption in screen, caption
        await pilot.press(*"Zz", "tab")  # the focused field is still told apart, and typing goes into it
        await pilot.pause()
        assert app.screen.query_one("#field-actor1").value == "Zz"
        await pilot.press("tab", "tab", "tab")  # to Fatalities: what it takes is on the hint line
        await pilot.pause()
        assert "Fatalities: a whole number, or words ('dozens' is 12" in whole_screen(app)
