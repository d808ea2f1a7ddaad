"""Event actions through a real Store and ArticleSession: each one is committed, saved and undoable."""

import pytest

from tui.core import events as ev
from tui.core.model import Event
from tui.core.session import change
from tui.core.store import Store



@pytest.fixture
def session(seed_db):
    store = Store(seed_db)
    s = store.open_session(store.article_ids()[0], annotator="tester")
    yield s
    s.close()
    store.close()


def span(session, words, nth=0):
    text = session.article.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def new_battle(session, codebook):
    changes = ev.new_event(session, codebook, "BATTLE", *span(session, "attack on the US"))
    session.commit("new event", changes)
    return changes[-1]["id"]


def test_new_event_has_trigger_type_and_default_subtype(session, codebook):
    start, end = span(session, "strikes against")
    start, end = start, start + len("strikes")
    changes = ev.new_event(session, codebook, "REMOTE_VIOLENCE", start, end)
    session.commit("new event", changes)
    event = session.events[changes[-1]["id"]]
    assert (event.type, event.subtype) == ("REMOTE_VIOLENCE", "Air/drone strike")  # from the trigger word
    assert (event.trigger_start, event.trigger_end) == (start, end)
    assert event.origin == "person" and event.status == "accepted" and event.annotator == "tester"
    assert event.fields["event_date"] == "2018-02-08"  # the report's date until a Time is given


def test_new_event_refuses_unknown_types_and_spans(session, codebook):
    with pytest.raises(ValueError):
        ev.new_event(session, codebook, "PICNIC", 0, 4)
    with pytest.raises(ValueError):
        ev.new_event(session, codebook, "BATTLE", 10, 10_000_000)
    with pytest.raises(ValueError):
        ev.new_event(session, codebook, "BATTLE", 0, 4, subtype="Air/drone strike")


def test_arguments_derive_the_acled_fields(session, codebook):
    eid = new_battle(session, codebook)
    for role, words in [("Attacker", "pro-Assad fighters"), ("Target", "Syrian Democratic Forces"),
                        ("Place", "Deir ez-Zor Province"), ("Victim", "More than 100 pro-Assad fighters"),
                        ("Time", "late Wednesday")]:
        session.commit(role, ev.assign_span(session, codebook, eid, role, *span(session, words)))
    fields = session.events[eid].fields
    # spans link to their standard actors; the spans themselves stay as the arguments (the evidence)
    assert fields["actor1"] == "Military Forces of Syria (2000-2024)"
    assert fields["actor2"] == "SDF: Syrian Democratic Forces"
    assert [ev.argument_text(session.article.text, a) for a in session.events[eid].arguments][:2] == [
        "pro-Assad fighters", "Syrian Democratic Forces"]
    assert fields["location"] == "Deir ez-Zor" and fields["country"] == "Syria" and fields["admin1"] == "Deir ez-Zor"
    assert fields["geo_precision"] == 3  # only the province is known
    assert fields["fatalities"] == 100
    assert fields["event_date"] == "2018-02-07" and fields["time_precision"] == 1
    assert session.events[eid].subtype == "Armed clash"


def test_second_filler_of_a_repeatable_role_becomes_an_associated_actor(session, codebook):
    eid = new_battle(session, codebook)
    session.commit("a", ev.assign_span(session, codebook, eid, "Attacker", *span(session, "pro-Assad fighters")))
    session.commit("a", ev.assign_span(session, codebook, eid, "Attacker", *span(session, "Russian", 0)))
    assert session.events[eid].fields["assoc_actor_1"] == "Russian"
    # the same span twice is not a second argument
    assert ev.assign_span(session, codebook, eid, "Attacker", *span(session, "Russian", 0)) == []


def test_a_single_role_is_replaced_not_added(session, codebook):
    eid = new_battle(session, codebook)
    session.commit("p", ev.assign_span(session, codebook, eid, "Place", *span(session, "Syria", 1)))
    session.commit("p", ev.assign_span(session, codebook, eid, "Place", *span(session, "Deir ez-Zor Province")))
    places = [a for a in session.events[eid].arguments if a.role == "Place"]
    assert len(places) == 1 and session.events[eid].fields["location"] == "Deir ez-Zor"


def test_assign_entity_and_unknown_roles(session, codebook):
    eid = new_battle(session, codebook)
    start, end = span(session, "Syrian Democratic Forces")
    session.commit("ents", [])  # nothing
    from tui.core.model import Entity
    from tui.core.session import change
    ent = Entity(start, end, "ORG")
    session.commit("label", [change("entities", None, ent)])
    session.commit("t", ev.assign_entity(session, codebook, eid, "Target", ent.id))
    assert session.events[eid].fields["actor2"] == "SDF: Syrian Democratic Forces"
    with pytest.raises(ValueError):
        ev.assign_span(session, codebook, eid, "Crime", start, end)  # BATTLE has no Crime role
    with pytest.raises(KeyError):
        ev.assign_entity(session, codebook, eid, "Target", "Tnope")


def test_remove_argument_rederives_but_keeps_typed_fields(session, codebook):
    eid = new_battle(session, codebook)
    session.commit("a", ev.assign_span(session, codebook, eid, "Attacker", *span(session, "pro-Assad fighters")))
    session.commit("t", ev.assign_span(session, codebook, eid, "Target", *span(session, "Syrian Democratic Forces")))
    session.commit("f", ev.set_field(session, eid, "actor1", "Military Forces of Syria"))
    session.commit("rm", ev.remove_argument(session, codebook, eid, 0))
    session.commit("rm", ev.remove_argument(session, codebook, eid, 0))
    fields = session.events[eid].fields
    assert fields["actor1"] == "Military Forces of Syria"  # typed by hand: kept
    assert "actor2" not in fields  # derived from the removed Target: gone
    assert ev.remove_argument(session, codebook, eid, 5) == []


def test_set_field_types_and_checks_values(session, codebook):
    eid = new_battle(session, codebook)
    session.commit("f", ev.set_field(session, eid, "fatalities", "12"))
    session.commit("d", ev.set_field(session, eid, "event_date", "last week"))
    session.commit("l", ev.set_field(session, eid, "location", "Mosul"))
    fields = session.events[eid].fields
    assert fields["fatalities"] == 12
    assert (fields["event_date"], fields["time_precision"]) == ("2018-02-01", 2)
    assert fields["location"] == "Mosul" and fields["country"] == "Iraq"
    session.commit("c", ev.set_field(session, eid, "country", "Iraq (typed)"))
    session.commit("l", ev.set_field(session, eid, "location", "Deir ez-Zor"))
    assert session.events[eid].fields["country"] == "Iraq (typed)"  # typed by hand: kept
    assert session.events[eid].fields["latitude"] == pytest.approx(35.34, abs=0.05)  # derived: follows
    session.commit("w", ev.set_field(session, eid, "fatalities", "dozens"))
    assert session.events[eid].fields["fatalities"] == 12  # words typed in the form: ACLED's convention
    for name, bad in [("fatalities", "-3"), ("fatalities", "a lot of rain"), ("event_date", "someday maybe"),
                      ("latitude", "95"), ("time_precision", "4"), ("colour", "red")]:
        with pytest.raises(ValueError):
            ev.set_field(session, eid, name, bad)
    session.commit("clear", ev.set_field(session, eid, "fatalities", ""))
    assert "fatalities" not in session.events[eid].fields


def test_undo_and_redo_every_event_action(session, codebook):
    eid = new_battle(session, codebook)
    session.commit("a", ev.assign_span(session, codebook, eid, "Attacker", *span(session, "pro-Assad fighters")))
    session.commit("f", ev.set_field(session, eid, "fatalities", 7))
    dup = ev.duplicate_event(session, eid)
    session.commit("dup", dup)
    assert len(session.events) == 2 and session.events[dup[-1]["id"]].arguments == session.events[eid].arguments
    session.commit("del", ev.delete_event(session, eid))
    assert eid not in session.events
    session.undo()  # delete
    assert session.events[eid].fields["fatalities"] == 7
    session.undo()  # duplicate
    assert list(session.events) == [eid]
    session.undo()  # field
    assert session.events[eid].fields["fatalities"] == 0  # as derived: no death read, ACLED's 0
    session.undo()  # argument
    assert session.events[eid].arguments == [] and "actor1" not in session.events[eid].fields
    session.undo()  # new event
    assert session.events == {}
    session.redo()
    session.redo()
    assert session.events[eid].fields["actor1"] == "Military Forces of Syria (2000-2024)"


def test_edits_survive_closing_and_reopening(seed_db, codebook):
    with Store(seed_db) as store:
        s = store.open_session(store.article_ids()[0])
        eid = new_battle(s, codebook)
        s.commit("a", ev.assign_span(s, codebook, eid, "Place", *span(s, "Deir ez-Zor Province")))
        s.close()
        again = store.open_session(store.article_ids()[0])
        assert again.events[eid].fields["country"] == "Syria"
        again.undo()
        assert not again.events[eid].arguments
        again.close()


def test_accept_and_reject_suggested_events(session, codebook):
    from tui.core.model import Event
    start, end = span(session, "attack on the US")
    suggestion = Event("BATTLE", "Armed clash", start, end + 0, origin="model", status="suggested")
    session.commit("suggest", ev.add_suggestions(session, [suggestion]))
    assert ev.add_suggestions(session, [Event("BATTLE", "", start, end)]) == []  # same type and trigger
    session.commit("accept", ev.accept_event(session, suggestion.id))
    assert session.events[suggestion.id].status == "accepted" and session.events[suggestion.id].origin == "model"
    assert ev.accept_event(session, suggestion.id) == []  # nothing to do
    session.commit("reject", ev.reject_event(session, suggestion.id))
    assert ev.visible_events(session) == []
    session.undo()
    assert ev.visible_events(session)[0].status == "accepted"


def test_set_type_keeps_arguments_and_guesses_subtype(session, codebook):
    eid = new_battle(session, codebook)
    session.commit("a", ev.assign_span(session, codebook, eid, "Attacker", *span(session, "Coalition", 1)))
    session.commit("type", ev.set_type(session, codebook, eid, "REMOTE_VIOLENCE"))
    event = session.events[eid]
    assert event.type == "REMOTE_VIOLENCE" and event.arguments[0].role == "Attacker"
    session.commit("sub", ev.set_subtype(session, codebook, eid, "Air/drone strike"))
    assert session.events[eid].subtype == "Air/drone strike"
    with pytest.raises(ValueError):
        ev.set_subtype(session, codebook, eid, "Peaceful protest")


def test_missing_event_is_a_key_error(session, codebook):
    with pytest.raises(KeyError):
        ev.delete_event(session, "Enope")


def test_validate_session_uses_the_articles_entities(session, codebook):
    from tui.core.model import Entity
    from tui.core.session import change
    from tui.core.validation import validate_session

    eid = new_battle(session, codebook)
    start, end = span(session, "late Wednesday")
    session.commit("label", [change("entities", None, Entity(start, end, "DATE"))])
    session.commit("a", ev.assign_span(session, codebook, eid, "Attacker", start, end))
    warnings = validate_session(codebook, session)[eid]
    assert any("Attacker 'late Wednesday' is labelled DATE" in w for w in warnings)


def test_correcting_a_suggested_event_accepts_it(session, codebook):
    suggestion = Event("BATTLE", "Armed clash", 0, 5, origin="model", status="suggested")
    session.commit("s", [change("events", None, suggestion)])
    session.commit("f", ev.set_field(session, suggestion.id, "actor1", "Military Forces of Syria"))
    corrected = session.events[suggestion.id]
    assert (corrected.status, corrected.origin, corrected.fields["actor1"]) == (
        "accepted", "model", "Military Forces of Syria")
    session.undo()
    assert session.events[suggestion.id].status == "suggested"


def test_retyping_a_location_the_gazetteer_does_not_know(session, codebook):
    """A coder's report: a location unknown to the gazetteer, then typed again, crashed the app."""
    eid = new_battle(session, codebook)
    session.commit("l", ev.set_field(session, eid, "location", "Hong Kong Police Headquarters"))
    session.commit("l", ev.set_field(session, eid, "location", "Mosul"))
    fields = session.events[eid].fields
    assert (fields["location"], fields["country"]) == ("Mosul", "Iraq")


def test_victims_named_at_the_end_of_a_phrase_count_one_each(session, codebook):
    """A coder's report: a named photojournalist plus "at least five other civilians" gave 5, not 6."""
    eid = new_battle(session, codebook)
    text = session.article.text
    for words in ("Russian Foreign Minister Sergey Lavrov", "More than 100 pro-Assad fighters"):
        start = text.index(words)
        session.commit("v", ev.assign_span(session, codebook, eid, "Victim", start, start + len(words)))
    assert session.events[eid].fields["fatalities"] == 101
