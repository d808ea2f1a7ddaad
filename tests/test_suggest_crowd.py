"""ACLED's reading of violence between security forces and crowds, and of police stopping an attacker,
on sentences written for the test (real pinned model): who did what to whom decides, not the verb."""

import pytest

from tests.test_suggest_rules import role, suggester, words  # noqa: F401 (suggester is a fixture)
from tests.test_suggest_rules import suggest


@pytest.mark.parametrize("text, trigger", [
    ("Riot police fought with rioters in Santiago on Friday.", "fought"),
    ("Police attacked rioters who were burning cars in Paris on Saturday.", "attacked"),
])
def test_riot_police_are_police_and_forces_against_rioters_are_the_riot(pipeline, suggester, text, trigger):
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, e.subtype, words(article, e)) for e in events] == [("RIOT", "Violent demonstration", trigger)]
    assert role(article, events[0], "Entity") == ["rioters"]
    assert role(article, events[0], "Target") in (["Riot police"], ["Police"])  # ACLED: Rioters v. Police
    assert "riot" in events[0].evidence


def test_a_crowd_that_attacks_riots_and_a_mob_is_mob_violence(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Protesters attacked a police station in Quito on Friday.")
    assert [(e.type, e.subtype) for e in events] == [("RIOT", "Violent demonstration")]
    assert role(article, events[0], "Entity") == ["Protesters"]
    article, events = suggest(pipeline, suggester, "A mob attacked two men accused of theft in Lagos on Friday.")
    assert [(e.type, e.subtype) for e in events] == [("RIOT", "Mob violence")]


@pytest.mark.parametrize("text, trigger", [
    ("Police attacked protesters in Minsk on Sunday.", "attacked"),
    ("Protesters were attacked by police in Minsk on Sunday.", "attacked"),
    ("Police beat protesters with batons in Minsk on Sunday.", "beat"),
    ("Police opened fire on protesters in Lagos on Tuesday.", "opened fire"),
    ("Soldiers fired on demonstrators in Khartoum on Monday.", "fired"),
])
def test_forces_using_force_on_protesters_is_excessive_force(pipeline, suggester, text, trigger):
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, e.subtype, words(article, e)) for e in events] == [
        ("PROTEST", "Excessive force against protesters", trigger)], text
    event = events[0]
    assert role(article, event, "Entity")[0].lower() in ("protesters", "demonstrators")
    assert role(article, event, "Agent") in (["Police"], ["police"], ["Soldiers"])
    assert "excessive force" in event.evidence


def test_tear_gas_on_protesters_is_intervention_and_killing_rioters_is_the_riot(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Security forces fired tear gas at protesters in Baghdad on Monday.")
    assert [(e.type, e.subtype) for e in events] == [("PROTEST", "Protest with intervention")]
    article, events = suggest(pipeline, suggester, "Police killed two rioters in Paris on Saturday.")
    assert [(e.type, e.fields["fatalities"]) for e in events] == [("RIOT", 2)]


@pytest.mark.parametrize("text", [
    "Liverpool beat Chelsea on Saturday.",
    "Gunmen fired into the air at a wedding in Kabul on Friday.",
])
def test_beating_and_firing_are_events_here_only_as_force_on_a_crowd(pipeline, suggester, text):
    assert [e.type for e in suggest(pipeline, suggester, text)[1]] == []


def test_gunmen_attacking_protesters_stays_violence_against_civilians(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Gunmen attacked protesters in Khartoum on Monday.")
    assert [e.type for e in events] == ["VIOLENCE_AGAINST_CIVILIANS"]


def test_police_shooting_the_attacker_is_part_of_the_attack_and_counts_his_death(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "A man stabbed three people in Streatham on Sunday. Police shot him dead.")
    assert [(e.type, words(article, e), e.fields["fatalities"]) for e in events] == [
        ("VIOLENCE_AGAINST_CIVILIANS", "stabbed", 1)]
    assert "part of the attack" in events[0].evidence
    text = "An armed attacker was shot dead by police after a stabbing in Reading on Saturday."
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.fields["fatalities"]) for e in events] == [("stabbing", 1)]


def test_police_shooting_with_no_attack_told_is_a_battle_if_armed_else_one_sided(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Police shot dead a knife-wielding man in London on Sunday.")
    assert [(e.type, e.fields["fatalities"]) for e in events] == [("BATTLE", 1)]
    assert "two armed sides" in events[0].evidence
    article, events = suggest(pipeline, suggester, "Police shot dead an unarmed man in Minneapolis on Monday.")
    assert [e.type for e in events] == ["VIOLENCE_AGAINST_CIVILIANS"]


def test_soldiers_fighting_militants_after_their_attack_is_not_folded_into_it(pipeline, suggester):
    text = "Militants stormed a village in Borno on Monday. On Tuesday soldiers attacked the militants in Konduga."
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 2


def test_a_side_is_its_noun_phrase_not_a_clause_said_of_it(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "The army attacked rebels who had joined the crowd in Goma on Monday.")
    assert [e.type for e in events] == ["BATTLE"]
    article, events = suggest(pipeline, suggester, "Police attacked hundreds of protesters in Minsk on Sunday.")
    assert [(e.type, role(article, e, "Entity")) for e in events] == [("PROTEST", ["protesters"])]
    article, events = suggest(pipeline, suggester, "Police and protesters clashed in Minsk on Sunday.")
    assert [(e.type, role(article, e, "Entity"), role(article, e, "Target")) for e in events] == [
        ("RIOT", ["protesters"], ["Police"])]


def test_a_protest_the_forces_met_with_force_is_one_event_of_that_sub_type(pipeline, suggester):
    text = "Protesters rallied in Minsk on Tuesday. Police attacked the protesters near the square."
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, e.subtype, words(article, e)) for e in events] == [
        ("PROTEST", "Excessive force against protesters", "rallied")]
    assert role(article, events[0], "Agent") == ["Police"] and "the same protest" in events[0].evidence
    text = "Thousands of protesters marched in Khartoum on Monday. Security forces fired tear gas at the protesters."
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, e.subtype) for e in events] == [("PROTEST", "Protest with intervention")]


def test_the_police_and_the_man_they_shot_are_not_the_attacks_sides_and_a_suspect_is_no_gunman(pipeline, suggester):
    text = "A man stabbed two people in Leeds on Friday. Police later shot the suspect dead."
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.fields["fatalities"]) for e in events] == [("stabbed", 1)]
    assert role(article, events[0], "Attacker") == ["man"] and role(article, events[0], "Target") == ["people"]
    article, events = suggest(pipeline, suggester, "Police shot a suspect in Atlanta on Friday.")
    assert [e.type for e in events] == ["VIOLENCE_AGAINST_CIVILIANS"]


def test_a_cognate_object_and_a_shared_subject_name_the_sides(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Police fought running battles with rioters in Paris on Saturday.")
    assert [(e.type, role(article, e, "Entity")) for e in events] == [("RIOT", ["rioters"])]
    article, events = suggest(pipeline, suggester, "Rioters torched cars and attacked police in Lyon on Sunday night.")
    assert [(e.type, role(article, e, "Entity")) for e in events] == [("RIOT", ["Rioters"])]
