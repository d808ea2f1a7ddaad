"""`e` on a word the suggester passed over: the parse's reading fills the event, one key accepts it."""

from __future__ import annotations

import pytest

from tui.commands.import_ import import_sources
from tui.core.store import Store

from .apphelpers import running, whole_screen
from .test_app_annotation import goto, on_disk

TEXT = ("Minsk, Thursday, August 6, 2020\n\nThe KGB held 33 people in Minsk on Thursday, the state "
        "news agency said. A man beat two women in a park in Gomel on Friday.\n")


@pytest.fixture
def minsk_db(db_path, tmp_path):
    source = tmp_path / "2020-08-07_minsk.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Store(db_path) as store:
        import_sources(store, [str(source)])
    return db_path


def roles(text, event):
    return sorted((a.role, text[a.start:a.end]) for a in event.arguments if a.has_span)


async def test_e_on_any_trigger_fills_the_parse_and_a_accepts(minsk_db, codebook, pipeline):
    async with running(minsk_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        aid, text = app.session.article.id, app.session.article.text
        assert not [e for e in app.session.events.values() if text[e.trigger_start:e.trigger_end] == "beat"]
        await goto(app, pilot, "beat")
        await pilot.press("e")
        await pilot.pause()
        assert "▶ v1 ★ Violence against civilians: Attack" in whole_screen(app)  # the likeliest type first
        await pilot.press("enter")
        await pilot.pause()
        event = on_disk(store, aid).events[app.current_event]
        assert (event.type, event.subtype, event.status) == ("VIOLENCE_AGAINST_CIVILIANS", "Attack", "suggested")
        assert roles(text, event) == [("Attacker", "man"), ("Place", "Gomel"), ("Target", "women"),
                                      ("Time", "Friday")]
        assert (event.fields["country"], event.fields["event_date"]) == ("Belarus", "2020-08-07")
        assert "a accepts it" in str(app.query_one("#status").render())
        await pilot.press("a")  # one key accepts the event with its suggested arguments
        accepted = on_disk(store, aid).events[event.id]
        assert accepted.status == "accepted" and accepted.arguments == event.arguments


async def test_e_with_another_type_carries_the_clause_roles(minsk_db, codebook, pipeline):
    async with running(minsk_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        aid, text = app.session.article.id, app.session.article.text
        await goto(app, pilot, "held")
        await pilot.press("e")
        await pilot.pause()
        assert "▶ a1 ★ Arrests" in whole_screen(app)
        await pilot.press("v", "1")  # the coder's choice wins over the parse's
        await pilot.pause()
        event = on_disk(store, aid).events[app.current_event]
        assert event.type == "VIOLENCE_AGAINST_CIVILIANS" and event.status == "suggested"
        found = dict(roles(text, event))
        assert found["Target"] == "people" and found["Place"] == "Minsk"  # ARREST's Person is the Target
        await pilot.press("u")
        assert app.current_event not in on_disk(store, aid).events


async def test_e_in_a_reopened_article_parses_it_then(minsk_db, codebook, pipeline):
    """An article analysed before is not parsed on opening; the first e parses it."""
    async with running(minsk_db, codebook, pipeline) as (store, app, pilot):
        pass  # analysed and stored
    async with running(minsk_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        assert app.parsed_doc() is None  # opening ran no model
        text = app.session.article.text
        await goto(app, pilot, "beat")
        await pilot.press("e", "enter")
        await pilot.pause()
        event = on_disk(store, app.session.article.id).events[app.current_event]
        assert event.type == "VIOLENCE_AGAINST_CIVILIANS" and ("Place", "Gomel") in roles(text, event)
