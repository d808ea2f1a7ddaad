"""Coding an event by keys alone in the app, then reading the store."""

from __future__ import annotations

from tui.core.nlp import load_pipeline

from .apphelpers import running, whole_screen
from .test_app_annotation import goto, on_disk


async def test_code_the_air_strike_by_keys_and_check_the_store(seed_db, codebook):
    """By hand: the rules-only pipeline has no parse, so nothing is suggested or pre-filled."""
    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (store, app, pilot):
        aid = app.session.article.id
        text = app.session.article.text
        await goto(app, pilot, "strikes against")
        await pilot.press("e", "slash", *"air drone", "enter")  # / then words filter the type picker
        await pilot.pause()
        event_id = app.current_event
        event = app.session.events[event_id]
        assert (event.type, event.subtype, text[event.trigger_start:event.trigger_end]) == (
            "REMOTE_VIOLENCE", "Air/drone strike", "strikes")
        await goto(app, pilot, "the Coalition conducted")
        await pilot.press("w", "o", "a")  # the Coalition -> Attacker, whose key is a
        await goto(app, pilot, "attacking forces to repel")
        await pilot.press("v", "w", "l", "l", "l", "l", "l", "o", "t")
        await goto(app, pilot, "Deir ez-Zor Province")
        await pilot.press("v", *["shift+right"] * 19, "o", "l")
        await pilot.pause()
        # The typed fields: the form, reached by tab to the event panel and Enter.
        app.query_one("#event-table").focus()
        await pilot.pause()
        assert app.query_one("#events").current_id == event_id
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*["tab"] * 4, "home", "ctrl+k", *"100", "tab", "home", "ctrl+k", *"late Wednesday", "enter")
        await pilot.pause()
        disk = on_disk(store, aid).events[event_id]
        roles = {a.role: text[a.start:a.end] for a in disk.arguments}
        assert roles == {"Attacker": "Coalition", "Target": "attacking forces", "Place": "Deir ez-Zor Province"}
        assert disk.fields["fatalities"] == 100
        assert disk.fields["event_date"] == "2018-02-07"  # "late Wednesday" before Thursday 8 February
        assert disk.fields["actor1"] and disk.fields["location"]
        assert disk.fields.get("country") == "Syria"


async def test_accepting_a_suggested_event_is_one_key(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        suggested = [e for e in app.session.events.values() if e.status == "suggested"]
        assert suggested
        app.view.move_to(suggested[0].trigger_start)
        await pilot.pause()
        await pilot.press("a")
        assert on_disk(store, app.session.article.id).events[suggested[0].id].status == "accepted"


async def test_the_readme_sequence_codes_the_air_strike_in_eleven_keys(seed_db, codebook, pipeline):
    """/strikes, Enter, e, Enter: the new event takes the parse's reading of its trigger."""
    async with running(seed_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        keys = ["slash", *"strikes", "enter", "e", "enter"]
        await pilot.press(*keys)
        await pilot.pause()
        assert len(keys) == 11
        text = app.session.article.text
        disk = on_disk(store, app.session.article.id).events
        event = disk[app.current_event]
        assert (event.type, event.subtype, event.origin, event.status) == (
            "REMOTE_VIOLENCE", "Air/drone strike", "person", "accepted")
        assert text[event.trigger_start:event.trigger_end] == "strikes"
        roles = {a.role: text[a.start:a.end] for a in event.arguments}
        assert roles == {"Attacker": "Coalition", "Target": "attacking forces", "Place": "Deir ez-Zor Province",
                         "Time": "late Wednesday", "Victim": "More than 100 pro-Assad fighters"}
        assert (event.fields["fatalities"], event.fields["location"], event.fields["country"],
                event.fields["event_date"]) == (100, "Deir ez-Zor", "Syria", "2018-02-07")
        # The suggestion it came from is retired, in the same undoable action.
        readings = [e for e in disk.values() if e.origin == "model" and e.trigger_start == event.trigger_start]
        assert [e.status for e in readings] == ["rejected"]
        await pilot.press("u")
        after_undo = on_disk(store, app.session.article.id).events
        assert event.id not in after_undo and after_undo[readings[0].id].status == "suggested"


async def test_event_panel_keys_duplicate_delete_reject_and_retype(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        aid = app.session.article.id
        table = app.query_one("#event-table")
        table.focus()
        await pilot.press("down")  # the coder's move chooses the current event: the air strike
        await pilot.pause()
        strike = app.current_event
        assert app.session.events[strike].type == "REMOTE_VIOLENCE"
        await pilot.press("c")
        copies = [e for e in on_disk(store, aid).events.values() if e.origin == "person"]
        assert len(copies) == 1 and copies[0].arguments == app.session.events[strike].arguments
        await pilot.press("x")  # the copy, now current, is deleted
        assert [e for e in on_disk(store, aid).events.values() if e.origin == "person"] == []
        app.current_event = strike
        table.move_cursor(row=table.event_ids.index(strike))
        await pilot.press("t", "e", "2")  # ERV's second sub-type
        assert on_disk(store, aid).events[strike].subtype == "Shelling/artillery/missile attack"
        await pilot.press("r")
        assert on_disk(store, aid).events[strike].status == "rejected"
        assert strike not in table.event_ids  # rejected events leave the panel but stay stored


async def test_form_keeps_typed_precision_with_a_new_date_and_picker_escape_clears_selection(seed_db, codebook):
    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (
            store, app, pilot):
        await goto(app, pilot, "strikes against")
        await pilot.press("e", "e", "1")  # Explosions/Remote violence, then its first sub-type
        event_id = app.current_event
        app.query_one("#event-table").focus()
        await pilot.press("enter")
        await pilot.pause()
        # Date, then precision 2 typed (the form shows 2 already), then Tab round to Actor 1 and Enter.
        await pilot.press(*["tab"] * 5, "home", "ctrl+k", *"2018-02-07", "tab", "2", *["tab"] * 7, "enter")
        await pilot.pause()
        fields = on_disk(store, app.session.article.id).events[event_id].fields
        assert (fields["event_date"], fields["time_precision"]) == ("2018-02-07", 2)
        assert "saved event_date, time_precision" in str(app.query_one("#status").render())
        # A picker given up with Escape leaves no selection behind.
        app.view.focus()
        await goto(app, pilot, "Coalition conducted")
        await pilot.press("v", "w", "o")
        await pilot.pause()
        assert "▶ a  " in whole_screen(app)  # the highlighted choice is marked, not only coloured
        await pilot.press("escape")
        await pilot.pause()
        assert app.view.selection() is None


async def test_the_coder_reads_event_types_by_their_names_never_the_codebooks_identifiers(seed_db, codebook):
    """The form's title, the role and attribute pickers and the status line name a type as the event
    panel does ("ERV: Air/drone strike"), not by the codebook's REMOTE_VIOLENCE."""
    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (
            store, app, pilot):
        seen = []
        await goto(app, pilot, "strikes against")
        await pilot.press("e", "e", "1")
        await pilot.pause()
        seen.append(str(app.query_one("#status").render()))
        await goto(app, pilot, "the Coalition conducted")
        await pilot.press("w", "o")
        await pilot.pause()
        seen.append(whole_screen(app))  # the role picker
        await pilot.press("escape", "m")
        await pilot.pause()
        seen.append(whole_screen(app))  # the attribute picker of the event
        await pilot.press("escape", "f")
        await pilot.pause()
        seen.append(whole_screen(app))  # the form
        await pilot.press("escape")
        app.query_one("#event-table").focus()
        await pilot.press("t", "e", "2", "r")
        await pilot.pause()
        seen.append(str(app.query_one("#status").render()))
        assert "new ERV: Air/drone strike event" in seen[0]
        assert "Role of 'Coalition' in ERV: Air/drone strike" in seen[1]
        assert "attributes of event ERV: Air/drone strike" in seen[2]
        assert "Explosions/Remote violence: Air/drone strike  (Enter" in seen[3]
        assert "reject ERV: Shelling/artillery/missile attack event" in seen[4]
        assert not [s for s in seen if "REMOTE_VIOLENCE" in s]


async def test_a_typed_date_sets_its_own_precision_unless_the_coder_types_one(seed_db, codebook):
    """Found coding a practice article: a suggestion with no date in its text shows the report's
    week (precision 2); the coder typed "last Tuesday" and the event kept precision 2 for a day."""
    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (
            store, app, pilot):
        await goto(app, pilot, "strikes against")
        await pilot.press("e", "e", "1")  # a new event: the article's date at precision 2
        event_id = app.current_event
        assert app.session.events[event_id].fields["time_precision"] == 2
        app.query_one("#event-table").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*["tab"] * 5, *"late Wednesday", "enter")  # typed over the shown date
        await pilot.pause()
        fields = on_disk(store, app.session.article.id).events[event_id].fields
        assert (fields["event_date"], fields["time_precision"]) == ("2018-02-07", 1)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*["tab"] * 5, *"2018-02-05", "tab", "3", "enter")  # both typed: the coder's
        await pilot.pause()
        fields = on_disk(store, app.session.article.id).events[event_id].fields
        assert (fields["event_date"], fields["time_precision"]) == ("2018-02-05", 3)


async def test_escape_in_the_form_says_which_typed_fields_it_dropped(seed_db, codebook):
    """Escape closed a form with three fields typed and said "nothing changed"."""
    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (
            store, app, pilot):
        await goto(app, pilot, "strikes against")
        await pilot.press("e", "e", "1", "f")
        await pilot.pause()
        event_id = app.current_event
        before = on_disk(store, app.session.article.id).events[event_id].fields
        await pilot.press(*"Zzyzx", "tab", "tab", "tab", "tab", *"12", "escape")
        await pilot.pause()
        assert on_disk(store, app.session.article.id).events[event_id].fields == before
        status = str(app.query_one("#status").render())
        assert "not saved (Escape): actor1, fatalities" in status
        await pilot.press("f", "escape")
        await pilot.pause()
        assert "form closed, nothing typed" in str(app.query_one("#status").render())
