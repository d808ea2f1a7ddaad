"""ACLED's coding rules as warnings beside the event: they advise and never block."""

import pytest

from tui.core.model import Argument, Event
from tui.core.validation import validate_event

TEXT = "Gunmen shot protesters and civilians in Minsk; police fought rebels of the SDF in Syria."


def at(words):
    start = TEXT.index(words)
    return start, start + len(words)


def acled_lines(codebook, event):
    return [w for w in validate_event(codebook, event, TEXT) if "ACLED" in w or "actor 2" in w or "interaction" in w]


def test_a_battle_needs_two_actors(codebook):
    one = Event("BATTLE", "Armed clash", *at("fought"), [Argument("Attacker", *at("police"))], {"country": "Belarus"})
    assert acled_lines(codebook, one) == ["a battle needs two actors: actor 1 and actor 2 (ACLED)"]
    one.arguments.append(Argument("Target", *at("rebels of the SDF")))
    assert acled_lines(codebook, one) == []


def test_violence_against_civilians_needs_civilians_as_actor_2(codebook):
    event = Event("VIOLENCE_AGAINST_CIVILIANS", "Attack", *at("shot"),
                  [Argument("Attacker", *at("Gunmen")), Argument("Target", *at("police"))], {"country": "Belarus"})
    assert acled_lines(codebook, event) == [
        "violence against civilians needs civilians as actor 2 (Civilians (Belarus)), not 'Police Forces of Belarus (1994-)'"]
    event.arguments[1] = Argument("Target", *at("civilians"))
    assert acled_lines(codebook, event) == []


def test_a_protests_actor_1_is_protesters(codebook):
    event = Event("PROTEST", "Peaceful protest", *at("shot"), [Argument("Entity", *at("police"))], {"country": "Belarus"})
    assert acled_lines(codebook, event) == ["a protest's actor 1 is protesters (ACLED), not 'Police Forces of Belarus (1994-)'"]
    event.arguments[0] = Argument("Entity", *at("protesters"))
    assert acled_lines(codebook, event) == []


@pytest.mark.parametrize("stored, warned", [("13", False), ("31", True), ("17", True)])
def test_a_stored_interaction_must_match_the_inter_codes(codebook, stored, warned):
    event = Event("BATTLE", "Armed clash", *at("fought"), [], {
        "country": "Syria", "actor1": "Military Forces of Syria (2000-2024)",
        "actor2": "Pro-Government Militia (Syria)", "interaction": stored})
    lines = acled_lines(codebook, event)
    assert lines == (["interaction %s does not match the actors' types: expected 13" % stored] if warned else [])


def test_rule_warnings_never_raise_on_odd_events(codebook):
    odd = Event("VIOLENCE_AGAINST_CIVILIANS", "Attack", None, None, [Argument("Target", 500, 900)],
                {"actor2": 12, "country": None})
    assert isinstance(validate_event(codebook, odd, TEXT), list)


def test_a_town_name_the_articles_country_settled_is_said(codebook):
    event = Event("PROTEST", "Peaceful protest", *at("shot"), [], {"location": "Paris", "country": "United States"})
    assert any(w.startswith("Paris: also a place in") and "(the article's country)" in w
               for w in validate_event(codebook, event, TEXT))
    event.fields["country"] = "France"  # the biggest Paris anyway: nothing to say
    assert not any(w.startswith("Paris:") for w in validate_event(codebook, event, TEXT))


def test_a_place_in_another_country_than_the_events_is_said(codebook):
    event = Event("PROTEST", "Peaceful protest", *at("protesters"), [],
                  {"country": "United Kingdom", "location": "Rea"})  # "Reading" cut short: Rea, Lombardy
    assert "place 'Rea' is in Italy, not United Kingdom (the event's country)" in validate_event(codebook, event, TEXT)
    event.fields["location"] = "Reading"
    assert not any("the event's country" in w for w in validate_event(codebook, event, TEXT))
    event.fields.update(country="China", location="Hong Kong")  # coded in China, as ACLED does
    assert not any("the event's country" in w for w in validate_event(codebook, event, TEXT))


def test_a_countrys_generic_actor_in_another_countrys_event_is_said(codebook):
    """Found coding the Christchurch mosque attacks: the suggester put the Linwood Mosque in Scotland,
    "sole" and "civ" completed to the United Kingdom's, and the country typed after left them so."""
    event = Event("VIOLENCE_AGAINST_CIVILIANS", "Attack", *at("shot"), [], {
        "country": "New Zealand", "actor1": "Sole Perpetrator (United Kingdom)",
        "actor2": "Civilians (United Kingdom)"})
    lines = validate_event(codebook, event, TEXT)
    assert "actor 1 'Sole Perpetrator (United Kingdom)' is the United Kingdom's; the event is in New Zealand" in lines
    assert "actor 2 'Civilians (United Kingdom)' is the United Kingdom's; the event is in New Zealand" in lines
    event.fields.update(actor1="Sole Perpetrator (New Zealand)", actor2="Civilians (New Zealand)")
    assert [w for w in validate_event(codebook, event, TEXT) if "the event is in" in w] == []
    # State forces abroad are ACLED's external forces, and a named group has no country to match.
    abroad = Event("BATTLE", "Armed clash", *at("fought"), [], {
        "country": "Syria", "actor1": "Military Forces of the United States (2017-2021)",
        "actor2": "Islamic State (Syria)"})
    assert [w for w in validate_event(codebook, abroad, TEXT) if "the event is in" in w] == []
