"""Codebook rules as warnings: advice beside the event, never an exception."""

from tui.core.model import Argument, Entity, Event
from tui.core.validation import covering_entity, validate_event

TEXT = "Pro-Assad fighters attacked the SDF in Deir ez-Zor on Wednesday, killing 5."


def at(words):
    start = TEXT.index(words)
    return start, start + len(words)


def battle(*args, **fields):
    return Event("BATTLE", "Armed clash", *at("attacked"), list(args), dict(fields))


def test_a_complete_event_has_no_warnings(codebook):
    event = battle(Argument("Attacker", *at("Pro-Assad fighters")), Argument("Target", *at("SDF")),
                   Argument("Place", *at("Deir ez-Zor")), event_date="2018-02-07", time_precision=1, fatalities=5)
    ents = [Entity(*at("Deir ez-Zor"), "GPE"), Entity(*at("Pro-Assad fighters"), "NORP"), Entity(*at("SDF"), "ORG")]
    assert validate_event(codebook, event, TEXT, ents) == []


def test_required_role_missing(codebook):
    warnings = validate_event(codebook, battle(), TEXT)
    assert any("Attacker is required" in w for w in warnings)


def test_too_many_of_a_single_role(codebook):
    event = battle(Argument("Attacker", *at("Pro-Assad")), Argument("Place", *at("Deir ez-Zor")),
                   Argument("Place", *at("SDF")))
    assert any("Place takes at most one filler but has 2" in w for w in validate_event(codebook, event, TEXT))


def test_role_filled_by_a_disallowed_entity_label(codebook):
    event = battle(Argument("Attacker", *at("Pro-Assad fighters")), Argument("Place", *at("Wednesday")))
    ents = [Entity(*at("Wednesday"), "DATE")]
    warnings = validate_event(codebook, event, TEXT, ents)
    assert any("Place 'Wednesday' is labelled DATE" in w for w in warnings)


def test_the_covering_entity_is_found_for_a_partial_span(codebook):
    ents = [Entity(*at("Deir ez-Zor"), "GPE"), Entity(0, 3, "ORG", status="rejected")]
    start, _ = at("Deir ez-Zor")
    assert covering_entity(ents, start, start + 4).label == "GPE"
    assert covering_entity(ents, 0, 2) is None  # rejected entities do not count


def test_bad_date_negative_fatalities_and_bad_precision(codebook):
    event = battle(Argument("Attacker", *at("Pro-Assad")), event_date="late Wednesday", fatalities=-2,
                   time_precision=7, latitude=123.0)
    warnings = " | ".join(validate_event(codebook, event, TEXT))
    assert "event date 'late Wednesday' is not a date" in warnings
    assert "fatalities -2 is negative" in warnings
    assert "time precision 7" in warnings and "latitude 123.0" in warnings
    assert "not a date" in " ".join(validate_event(codebook, battle(event_date="2018-02-30"), TEXT))


def test_unknown_type_subtype_and_role(codebook):
    assert "not in codebook" in validate_event(codebook, Event("PICNIC"), TEXT)[0]
    event = Event("BATTLE", "Peaceful protest", arguments=[Argument("Attacker", value="SDF"),
                                                           Argument("Crime", value="theft")])
    warnings = " | ".join(validate_event(codebook, event, TEXT))
    assert "sub-type 'Peaceful protest'" in warnings and "role Crime is not a role" in warnings


def test_spans_outside_the_text_and_empty_arguments(codebook):
    event = battle(Argument("Attacker", 5, 9999), Argument("Target"))
    warnings = " | ".join(validate_event(codebook, event, TEXT))
    assert "Attacker span lies outside" in warnings and "Target has neither a span nor a value" in warnings


def test_never_raises_on_garbage(codebook):
    event = Event("BATTLE", arguments=[Argument("Attacker", "x", None)], fields={"fatalities": "many"})
    event.arguments.append(None)  # corrupt record
    warnings = validate_event(codebook, event, TEXT, [None])
    assert warnings and all(isinstance(w, str) for w in warnings)


def test_a_required_role_is_satisfied_by_the_acled_field_it_feeds(codebook):
    """The coder's report: 'Attacker is required' stayed on a battle whose Actor 1 was typed."""
    warnings = validate_event(codebook, battle(actor1="Military Forces of Syria"), TEXT)
    assert not any("Attacker is required" in w for w in warnings)
    protest = Event("PROTEST", "Peaceful protest", *at("attacked"), [], {"actor1": "Protesters (Syria)"})
    assert not any("Entity is required" in w for w in validate_event(codebook, protest, TEXT))
    assert any("Entity is required" in w for w in validate_event(codebook, Event("PROTEST", "Peaceful protest"), TEXT))


def test_a_suggested_entity_label_gives_no_warning_an_accepted_one_does(codebook):
    event = battle(Argument("Attacker", *at("Pro-Assad fighters")), Argument("Place", *at("Wednesday")))
    suggested = [Entity(*at("Wednesday"), "DATE", origin="model", status="suggested")]
    assert not any("labelled" in w for w in validate_event(codebook, event, TEXT, suggested))
    accepted = [Entity(*at("Wednesday"), "DATE", origin="model", status="accepted")]
    assert any("Place 'Wednesday' is labelled DATE" in w for w in validate_event(codebook, event, TEXT, accepted))
