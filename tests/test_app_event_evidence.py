"""Where a coder decides on a suggested event, the app says why it has its type and how the text
presents it (its evidence and modality): the status line, the event panel and the event form."""

from __future__ import annotations

import re

from tui.app.screens.event_form import EventFormScreen

from .apphelpers import running, whole_screen
from .test_app_annotation import on_disk


def _status(app) -> str:
    return str(app.query_one("#status").render())


def _suggested(app, words: str):
    text = app.session.article.text
    return next(e for e in app.session.events.values()
                if e.status == "suggested" and text[e.trigger_start:e.trigger_end] == words)


async def _choose_in_table(app, pilot, event_id: str) -> None:
    """Up or down the event table, as the coder moves, until the event is the current one."""
    table = app.query_one("#event-table")
    table.focus()
    await pilot.pause()
    for _ in range(len(table.event_ids)):
        if app.current_event == event_id:
            return
        down = table.event_ids.index(event_id) > table.cursor_row
        await pilot.press("down" if down else "up")
        await pilot.pause()
    assert app.current_event == event_id


async def test_evidence_and_modality_at_80x24(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(80, 24)) as (store, app, pilot):
        background = _suggested(app, "attacks")  # "Previous attacks ...": the article's background
        assert (background.modality, background.evidence) == ("background", '"attacks" names Battles')
        await pilot.press("f3")
        await _choose_in_table(app, pilot, background.id)
        line = _status(app)  # in the panel, the status line speaks of the current event, not an entity
        assert '? background "attacks" names Battles' in line and len(line) <= 78 and line in whole_screen(app)
        screen = whole_screen(app)  # and the panel's detail says it near its top, in sight at 24 lines
        assert re.search(r'modality\s+background', screen) and re.search(r'why\s+"attacks" names Battles', screen)
        await pilot.press("enter")  # the form, where the coder fills in the fields, keeps it in sight
        await pilot.pause()
        assert isinstance(app.screen, EventFormScreen)
        screen = whole_screen(app)
        assert "modality background" in screen and 'why "attacks" names Battles' in screen
        await pilot.press("escape")
        await pilot.pause()
        plain = next(e for e in app.session.events.values() if e.status == "suggested" and not e.modality)
        await _choose_in_table(app, pilot, plain.id)
        line = _status(app)
        assert "background" not in line and plain.evidence[:20] in line


async def test_evidence_on_the_trigger_under_the_cursor_and_gone_with_a_new_type(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        strike = _suggested(app, "strikes")
        app.view.move_to(strike.trigger_start + 2)  # in the article, on the trigger's word
        await pilot.pause()
        assert strike.evidence.startswith('"strikes"') and f"? {strike.evidence}" in _status(app)
        app.view.move_to(app.session.article.text.index("Syrian Democratic Forces"))
        await pilot.pause()
        assert strike.evidence not in _status(app) and _status(app).startswith("ORG 'Syrian Democratic Forces'")
        await _choose_in_table(app, pilot, strike.id)
        await pilot.press("t", "e", "2")  # the coder's type: the suggester's reason no longer holds
        await pilot.pause()
        disk = on_disk(store, app.session.article.id).events[strike.id]
        assert disk.subtype == "Shelling/artillery/missile attack" and disk.evidence == ""
        assert "strikes\"" not in _status(app) and "why" not in whole_screen(app)
