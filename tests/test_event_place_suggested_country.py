"""A place typed anew for an event whose country only came from a wrong suggested place: looked up in
the article's country first (Christchurch, New Zealand), not in the wrong place's (Christchurch, Dorset)."""

from __future__ import annotations

import pytest

from tui.app.screens.event_form import EventFormScreen
from tui.core import events as ev
from tui.core.article_country import article_country
from tui.core.model import Article, Event
from tui.core.session import change
from tui.core.store import Store

from .apphelpers import running
from .test_app_annotation import on_disk
from .test_completion import open_form

TITLE = "Gunman kills worshippers at two mosques in Christchurch, New Zealand"
TEXT = ("Friday, March 15, 2019\n\n"
        "A gunman opened fire at the Al Noor mosque in Christchurch, New Zealand, on Friday, police said. "
        "A second attack followed at a mosque in Linwood, a suburb in the east of the city. Prime Minister "
        "Jacinda Ardern called it one of the country's darkest days.")
# What a suggester that took Linwood for the Scottish town gave the second attack.
IN_SCOTLAND = {"location": "Linwood", "country": "United Kingdom", "admin1": "Scotland",
               "latitude": 55.84834, "longitude": -4.49337, "geo_precision": 1}


def _suggested_in_scotland(session) -> str:
    start = TEXT.index("second attack") + len("second ")
    event = Event("VIOLENCE_AGAINST_CIVILIANS", "Attack", start, start + len("attack"), fields=dict(IN_SCOTLAND),
                  origin="model", status="suggested")
    session.commit("suggested", [change("events", None, event)])
    return event.id


@pytest.fixture
def christchurch_db(db_path):
    with Store(db_path) as store:
        store.add_article(Article("chch", TEXT, title=TITLE, published="2019-03-15"))
    return db_path


@pytest.fixture
def session(christchurch_db):
    store = Store(christchurch_db)
    s = store.open_session("chch", annotator="tester")
    yield s
    s.close()
    store.close()


def _save(session, eid, form: dict) -> dict:
    for name, value in form.items():
        session.commit(name, ev.set_field(session, eid, name, value))
    return session.events[eid].fields


def test_the_article_is_about_new_zealand():
    assert article_country(TEXT, TITLE) == "New Zealand"


def test_a_location_typed_for_a_wrongly_placed_suggestion_is_looked_up_in_the_articles_country(session):
    eid = _suggested_in_scotland(session)
    fields = _save(session, eid, {"location": "Christchurch"})
    assert (fields["country"], fields["admin1"]) == ("New Zealand", "Canterbury")
    assert fields["latitude"] == pytest.approx(-43.53, abs=0.1)


def test_a_place_the_articles_country_lacks_is_looked_up_in_the_events_country(session):
    eid = _suggested_in_scotland(session)
    fields = _save(session, eid, {"location": "Paisley"})  # next to Linwood, Scotland; none in New Zealand
    assert (fields["country"], fields["admin1"]) == ("United Kingdom", "Scotland")


def test_a_country_the_coder_typed_still_holds_the_place_typed(session):
    """Location then country in one save (the form's order): the coder's country looks the place up again."""
    eid = _suggested_in_scotland(session)
    fields = _save(session, eid, {"location": "Christchurch", "country": "United Kingdom"})
    assert (fields["country"], fields["admin1"], fields.get("admin2")) == ("United Kingdom", "England", "Dorset")
    fields = _save(session, eid, {"country": "Australia"})  # and a country typed before the next place holds it
    fields = _save(session, eid, {"location": "Melbourne"})
    assert (fields["country"], fields["admin1"]) == ("Australia", "Victoria")


async def test_the_form_shows_and_saves_the_place_in_the_articles_country(christchurch_db, codebook, pipeline):
    """The coder's report: typing "Christchurch" over Linwood (Scotland) showed Christchurch, Dorset,
    England until they also typed the country."""
    with Store(christchurch_db) as store:
        before = store.open_session("chch", annotator="tester")
        eid = _suggested_in_scotland(before)
        before.close()
    async with running(christchurch_db, codebook, pipeline) as (store, app, pilot):
        app.current_event = eid
        app._refresh_events()
        await open_form(app, pilot)
        assert isinstance(app.screen, EventFormScreen)
        app.screen.query_one("#field-location").focus()
        await pilot.press("ctrl+u", *"Christchurch", "tab")
        await pilot.pause()
        shown = {name: app.screen.query_one(f"#field-{name}").value for name in ("country", "admin1", "admin2")}
        assert shown == {"country": "New Zealand", "admin1": "Canterbury", "admin2": "Christchurch City"}
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EventFormScreen)
        fields = on_disk(store, "chch").events[eid].fields
        assert {name: fields.get(name) for name in shown} == shown
