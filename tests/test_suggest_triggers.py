"""Trigger words as ACE and KAIROS annotators mark them, on sentences written for the test (real
pinned model): words no list holds that the sentence makes an event ("fired into the crowd", "taken
into custody", "took to the streets"), listed words in another sense ("attacked the plan", "the
storm"), and types that the doers decide ("a suicide bomber killed", "militants stormed")."""

import json
from pathlib import Path

import pytest

from tests.test_suggest_rules import suggest, suggester, words  # noqa: F401 (suggester is a fixture)


def found(pipeline, suggester, text):
    article, events = suggest(pipeline, suggester, text)
    return [(words(article, e), e.type) for e in events]


def test_a_killing_by_a_bomber_is_a_suicide_bombing(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "A suicide bomber killed nine worshippers at a mosque in Quetta on Friday.")
    assert [(words(article, e), e.type, e.subtype, e.fields["fatalities"]) for e in events] == [
        ("killed", "REMOTE_VIOLENCE", "Suicide bomb", 9)]
    assert "bomber" in events[0].evidence
    assert found(pipeline, suggester, "A bomber blew himself up at a checkpoint in Mogadishu.") == [("blew", "REMOTE_VIOLENCE")]
    assert found(pipeline, suggester, "The coach blew up at reporters after the match.") == []


def test_an_attack_that_killed_civilians_is_one_sided(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Bandits killed six farmers in a night raid on a hamlet near Gusau.")
    assert [(words(article, e), e.type) for e in events] == [("raid", "VIOLENCE_AGAINST_CIVILIANS")]
    assert "farmers" in events[0].evidence


@pytest.mark.parametrize("text, expected", [
    ("Soldiers fired into a crowd of mourners in Bamako on Sunday.", [("fired", "VIOLENCE_AGAINST_CIVILIANS")]),
    ("Gunmen fired on an army patrol near Diffa.", [("fired", "BATTLE")]),
    ("Unknown men threw a grenade at a police station in Imphal.", [("threw", "REMOTE_VIOLENCE")]),
    ("Youths threw stones at police in Srinagar after Friday prayers.", [("threw", "RIOT")]),
    ("The club fired its coach at the end of the season.", []),
    ("She threw a party at her home in Leeds.", []),
    # tear gas on a crowd is no attack: a protest met with intervention (ACLED), as suggest_crowd reads it
    ("Police fired tear gas at the crowd outside parliament.", [("fired", "PROTEST")]),
])
def test_a_weapon_aimed_at_someone_is_an_attack(pipeline, suggester, text, expected):
    assert found(pipeline, suggester, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police took the driver into custody in Kisumu on Monday.", [("took the driver into custody", "ARREST")]),
    ("Two opposition activists were jailed in Baku on Monday.", [("jailed", "ARREST")]),
    ("Police rounded up 40 suspected smugglers near the port of Tema.", [("rounded up", "ARREST")]),
    ("Coast guards seized 12 men off the coast of Libya.", [("seized", "ARREST")]),
    ("He was released from custody on bail.", []),
    ("He spent five years in jail.", []),
])
def test_arrests_told_in_other_words(pipeline, suggester, text, expected):
    assert found(pipeline, suggester, text) == expected


def test_an_arrest_takes_its_person_from_the_verb(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Police took the driver into custody in Kisumu on Monday.")
    assert [article.text[a.start:a.end] for a in events[0].arguments if a.role == "Person"] == ["driver"]


@pytest.mark.parametrize("text, expected", [
    ("Tens of thousands took to the streets of Yerevan on Sunday.", [("took to the streets", "PROTEST")]),
    ("Nurses walked off the job at three hospitals in Auckland.", [("walked off the job", "PROTEST")]),
    ("Hundreds of students gathered outside the university to demand the rector's resignation.",
     [("gathered", "PROTEST")]),
    ("Protesters occupied the central square of Sofia overnight.", [("occupied", "PROTEST")]),
    ("Activists held a candlelight vigil outside the embassy in Yangon.", [("vigil", "PROTEST")]),
    ("World leaders gathered in Brussels for a summit on trade.", []),
])
def test_demonstrations_told_in_other_words(pipeline, suggester, text, expected):
    assert found(pipeline, suggester, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The two armies exchanged fire along the border overnight.", [("exchanged fire", "BATTLE")]),
    ("Troops and militants fought for control of the airport on Tuesday.", [("fought", "BATTLE")]),
    ("Jets pounded the rebel-held town of Saraqib overnight.", [("pounded", "REMOTE_VIOLENCE")]),
    ("Gunmen stormed a church in Ouagadougou during Sunday mass.", [("stormed", "VIOLENCE_AGAINST_CIVILIANS")]),
    ("Protesters stormed the parliament building in Skopje.", [("stormed", "RIOT")]),
])
def test_attacks_told_in_other_words(pipeline, suggester, text, expected):
    assert found(pipeline, suggester, text) == expected


@pytest.mark.parametrize("text", [
    "The opposition leader attacked the government's budget as a disaster.",   # criticism
    "Russia protested against the expulsion of its diplomats.",                # a state's complaint
    "A storm hit the coast of Florida on Sunday.",                             # weather
    "The pound fell sharply against the dollar.",                              # money
    "Heavy waves pounded the coast of Florida on Sunday.",                     # no striker
    "The senator came under fire from her own party.",                         # criticism
])
def test_listed_words_in_another_sense_are_no_events(pipeline, suggester, text):
    assert found(pipeline, suggester, text) == []


def test_a_weapon_doing_the_event_noun_is_not_an_event_of_its_own(pipeline, suggester):
    text = "Drones carried out three strikes on militant hideouts in Waziristan on Monday."
    mentions = suggester.mentions(pipeline.nlp(text))
    assert [text[m.start:m.end] for m in mentions] == ["strikes"]


@pytest.mark.parametrize("name", ["ace_style_sentences.jsonl", "ace_style_sentences_later.jsonl"])
def test_the_ace_style_benchmark_sentences_are_well_formed(name):
    path = Path(__file__).resolve().parents[1] / "bench" / "data" / name
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 40 and len({i["id"] for i in items}) == len(items)
    for item in items:
        for t in item["triggers"]:
            assert item["text"][t["start"]:t["end"]] == t["text"]
            assert t["type"] in ("Attack", "Demonstrate", "Arrest-Jail")
            assert t["asserted"] == ("mode" not in t)


@pytest.mark.parametrize("text, expected", [
    ("A suicide bomber targeted a police convoy in Quetta.", [("targeted", "REMOTE_VIOLENCE")]),
    ("Gunmen targeted a bus carrying pilgrims near Jammu.", [("targeted", "VIOLENCE_AGAINST_CIVILIANS")]),
    ("The campaign targeted young voters in Ohio.", []),
    ("Militiamen burned dozens of homes in the village of Kalembe.", [("burned", "VIOLENCE_AGAINST_CIVILIANS")]),
    ("Rioters torched cars in the suburbs of Paris.", [("torched", "RIOT")]),
    ("The fire burned three houses.", []),
    ("Protesters burned tyres on the main road.", []),
    ("Gunmen gunned down a journalist outside his home in Karachi.", [("gunned down", "VIOLENCE_AGAINST_CIVILIANS")]),
    ("Two farmers were hacked to death in Plateau state.", [("hacked to death", "VIOLENCE_AGAINST_CIVILIANS")]),
    ("Police nabbed the suspect at a bus station in Kampala.", [("nabbed", "ARREST")]),
])
def test_targeting_burning_and_other_words_of_attack_and_arrest(pipeline, suggester, text, expected):
    assert found(pipeline, suggester, text) == expected


def test_a_rule_made_event_says_what_made_it_and_whom_it_hit(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Soldiers fired into a crowd of mourners in Bamako on Sunday.")
    assert events[0].evidence == '"fired" at "crowd" by "Soldiers": armed violence against civilians'
    assert [article.text[a.start:a.end] for a in events[0].arguments if a.role in ("Attacker", "Target")] == [
        "Soldiers", "mourners"]
    article, events = suggest(pipeline, suggester, "Police took the driver into custody in Kisumu on Monday.")
    assert events[0].evidence == '"took the driver into custody": held by the state, an arrest'


@pytest.mark.parametrize("text, trigger", [
    ("Jets dropped bombs on the village of Kafr Nabl on Monday.", "dropped"),
    ("Two rockets were fired from Gaza on Monday.", "fired"),
    ("Militants fired three rockets at an army base near Kirkuk.", "fired"),
])
def test_the_verb_that_sends_a_weapon_is_the_trigger_not_the_weapon(pipeline, suggester, text, trigger):
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.type) for e in events] == [(trigger, "REMOTE_VIOLENCE")]


@pytest.mark.parametrize("text", [
    "Suspected herdsmen killed 17 villagers in Benue state on Sunday.",
    "Pirates killed a sailor off the coast of Somalia on Monday.",
    "A sniper killed a medic near the border fence on Friday.",
])
def test_a_killing_by_armed_men_of_any_name_is_the_attack(pipeline, suggester, text):
    assert found(pipeline, suggester, text) == [("killed", "VIOLENCE_AGAINST_CIVILIANS")]


def test_the_aim_is_the_target_and_what_follows_it_the_place(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Gunmen fired into a crowd at a weekly market in Segou on Monday.")
    assert [(a.role, article.text[a.start:a.end]) for a in events[0].arguments if a.role in ("Attacker", "Target")] == [
        ("Attacker", "Gunmen"), ("Target", "crowd")]


@pytest.mark.parametrize("text, attacker", [
    ("A suicide bomber blew himself up at a checkpoint near Gao on Monday.", ["suicide bomber"]),
    ("Militants blew up a bridge near Mosul on Monday.", ["Militants"]),
    ("A car bomb blew up outside a hotel in Mogadishu on Monday.", []),  # what blew up did nothing
])
def test_who_blew_something_up_is_the_attacker(pipeline, suggester, text, attacker):
    article, events = suggest(pipeline, suggester, text)
    assert [article.text[a.start:a.end] for a in events[0].arguments if a.role == "Attacker"] == attacker


def test_a_definite_event_told_as_what_anothers_verb_is_about_happened(pipeline, suggester):
    text = "The prime minister said on Monday he would not be intimidated by the protests in Dhaka."
    assert found(pipeline, suggester, text) == [("protests", "PROTEST")]
    text = "No one has been charged over the bombing of the market in Kano, police said on Monday."
    assert found(pipeline, suggester, text) == [("bombing", "REMOTE_VIOLENCE")]
    assert found(pipeline, suggester, "The march will start at noon on Saturday, the organisers said.") == []
    assert found(pipeline, suggester, "Police said they had prevented the attack on the embassy.") == []


@pytest.mark.parametrize("text, trigger, etype", [
    ("A fight broke out between rival militias in Tripoli on Sunday.", "fight", "BATTLE"),
    ("Six soldiers died in combat with rebels near Beni on Friday.", "combat", "BATTLE"),
    ("Rebels launched an assault on an army base near Goma on Monday.", "assault", "BATTLE"),
    ("Police said the march through central Nairobi ended peacefully.", "march", "PROTEST"),
])
def test_the_words_the_issue_named_are_found_as_the_event(pipeline, suggester, text, trigger, etype):
    assert found(pipeline, suggester, text) == [(trigger, etype)]
