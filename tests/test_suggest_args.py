"""Who did it, to whom and where: the arguments of suggested events, on sentences written for the test."""

import pytest

from tui.core.model import Article
from tui.core.suggest import Suggester


@pytest.fixture(scope="module")
def suggester(codebook):
    return Suggester(codebook)


def suggest(pipeline, suggester, text, published="2020-08-03"):
    article = Article("t", text, published=published)
    return article, suggester.suggest(pipeline.nlp(text), article)


def roles(article, event):
    return [(a.role, article.text[a.start:a.end]) for a in event.arguments if a.has_span]


def role(article, event, name):
    return [article.text[a.start:a.end] for a in event.arguments if a.role == name]


def test_a_passive_attack_names_its_attacker_after_by(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "A police station in Kano was attacked by gunmen on Monday.")
    assert len(events) == 1
    assert role(article, events[0], "Attacker") == ["gunmen"]
    assert role(article, events[0], "Target") == ["police station"] and role(article, events[0], "Place") == ["Kano"]


def test_a_pronoun_attacker_is_the_name_given_earlier(pipeline, suggester):
    text = "Police named the gunman as Tobias Rathjen. On Wednesday night he attacked two shisha bars in Hanau."
    article, events = suggest(pipeline, suggester, text, "2020-02-20")
    assert [(role(article, e, "Attacker"), role(article, e, "Place")) for e in events] == [(["Tobias Rathjen"], ["Hanau"])]


def test_a_nominal_trigger_takes_its_target_after_of_and_its_attacker_before(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "The bombing of the federal building killed 168 people.")
    assert role(article, events[0], "Target") == ["federal building"]
    article, events = suggest(pipeline, suggester, "Boko Haram's attack on a school in Dapchi shocked the country.")
    assert roles(article, events[0]) == [("Attacker", "Boko Haram"), ("Target", "school"), ("Place", "Dapchi")]


def test_a_quoted_tweets_place_is_not_the_events(pipeline, suggester):
    text = 'Gunmen attacked a police post on Friday, a day after the governor tweeted "calm has returned to Kano".'
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 1 and role(article, events[0], "Place") == []
    assert events[0].fields.get("location") is None


def test_another_paragraphs_sentence_gives_no_argument(pipeline, suggester):
    text = "Rebels attacked a base in Gao on Monday.\n\nSoldiers clashed with gunmen on Tuesday."
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 2
    assert role(article, events[0], "Place") == ["Gao"] and role(article, events[1], "Place") == []
    assert not {"Rebels", "base"} & {w for _, w in roles(article, events[1])}


def test_a_place_said_of_another_clause_is_not_where_the_event_was(pipeline, suggester):
    text = "The owner of a garage in Leeds identified the man who rented the van used in the attack on the mosque."
    article, events = suggest(pipeline, suggester, text)
    assert [role(article, e, "Place") for e in events] == [[]]


def test_parts_of_a_city_towns_taken_for_people_and_result_clauses_give_the_place(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "A van attack in the heart of London killed eight people on Saturday.")
    assert role(article, events[0], "Place") == ["London"]
    article, events = suggest(pipeline, suggester, "Rebels attacked an army base in Gao on Monday.")
    assert role(article, events[0], "Place") == ["Gao"] and events[0].fields["country"] == "Mali"
    text = "A parcel bomb that a man had left exploded on Friday, wounding 13 people on a street in Lyon."
    article, events = suggest(pipeline, suggester, text)
    assert role(article, events[0], "Place") == ["Lyon"]


def test_a_sentence_naming_its_own_place_does_not_take_the_previous_ones(pipeline, suggester):
    text = "Thousands of protesters marched in Minsk on Sunday. The owner of a shop in Gomel said police arrested 40 people."
    article, events = suggest(pipeline, suggester, text)
    arrest = next(e for e in events if e.type == "ARREST")
    assert role(article, arrest, "Place") == []
    text = "Thousands of protesters marched in Minsk on Sunday. Police arrested 40 people, the mayor of Moscow said."
    article, events = suggest(pipeline, suggester, text)
    arrest = next(e for e in events if e.type == "ARREST")
    assert role(article, arrest, "Place") == ["Minsk"]  # whose mayor spoke says nothing of where: the scene's place


def test_the_members_a_list_names_after_including_are_all_arguments(pipeline, suggester):
    text = ("Several opposition figures were detained, including Maria Kolesnikova, a senior aide of "
            "Viktor Babariko, and Anton Rodnenkov.")
    article, events = suggest(pipeline, suggester, text)
    persons = role(article, events[0], "Person")
    assert "Maria Kolesnikova" in persons and "Anton Rodnenkov" in persons
    assert "Viktor Babariko" not in persons  # whose aide she is, not one detained


def test_who_launched_a_series_of_attacks_or_used_drones_to_launch_them(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Since 2015 the group has launched a series of attacks on police stations in Borno.")
    assert role(article, events[0], "Attacker") == ["group"] and role(article, events[0], "Target") == ["police stations"]
    text = "Militants using small drones to launch attacks on the air base killed two soldiers on Monday."
    article, events = suggest(pipeline, suggester, text)
    assert role(article, events[0], "Attacker") == ["Militants"]


def test_a_title_stands_for_the_person_the_paragraph_gave_it(pipeline, suggester):
    text = "Police named the gunman as Tobias Rathjen. The gunman attacked two shisha bars in Hanau on Wednesday night."
    article, events = suggest(pipeline, suggester, text, "2020-02-20")
    assert role(article, events[0], "Attacker") == ["Tobias Rathjen"]
    text = "President Emmanuel Macron visited Lyon on Friday. Hours later, a man attacked the president outside the town hall."
    article, events = suggest(pipeline, suggester, text)
    assert role(article, events[0], "Target") == ["Emmanuel Macron"]
    text = '"The suspect is Ali Khan," the mayor said. Police said the suspect stabbed three people.'
    article, events = suggest(pipeline, suggester, text)
    assert "Ali Khan" not in role(article, events[0], "Attacker")  # never from a quotation


def test_a_place_said_of_another_event_word_is_that_events(pipeline, suggester):
    text = ("A car bomb exploded at a base in Maidan Shahr on Monday. Reuters reported Monday's attack the "
            "deadliest since an assault in Ghazni in August 2018.")
    article, events = suggest(pipeline, suggester, text, "2019-01-24")
    assert [(article.text[e.trigger_start:e.trigger_end], role(article, e, "Place")) for e in events] == [
        ("exploded", ["Maidan Shahr"]), ("assault", ["Ghazni"])]
    text = "A car bomb exploded at a base on Monday. Reuters reported Monday's attack the deadliest since an assault in Ghazni in August 2018."
    article, events = suggest(pipeline, suggester, text, "2019-01-24")
    assert role(article, events[0], "Place") == []


def test_what_an_explosion_scattered_is_no_target_and_a_place_has_no_possessive(pipeline, suggester):
    text = ("The federal building in Oklahoma City was shattered by an explosion on Wednesday. "
            "Wooden planks were scattered by the explosion.")
    article, events = suggest(pipeline, suggester, text)
    assert [role(article, e, "Target") for e in events] == [["federal building"]]
    article, events = suggest(pipeline, suggester, "Protesters gathered outside Hong Kong's police headquarters on Friday.")
    assert role(article, events[0], "Place") == ["Hong Kong"]


def test_the_with_side_of_a_clash_is_the_other_party_but_not_a_weapon(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Soldiers clashed with gunmen in Borno on Tuesday.")
    assert role(article, events[0], "Attacker") == ["Soldiers"] and role(article, events[0], "Target") == ["gunmen"]
    article, events = suggest(pipeline, suggester, "Rival gangs fought with knives and stones in Lagos on Tuesday.")
    assert role(article, events[0], "Target") == []


def test_in_a_riot_between_police_and_a_crowd_the_crowd_comes_first(pipeline, suggester):
    cases = [("Police clashed with demonstrators in Nairobi on Monday.", "demonstrators", "Police"),
             ("Clashes between police and protesters broke out in Nairobi on Monday.", "protesters", "police"),
             ("Soldiers clashed with demonstrators in Nairobi on Monday.", "demonstrators", "Soldiers")]
    for text, crowd, forces in cases:  # ACLED: Rioters (actor1) v. Police
        article, events = suggest(pipeline, suggester, text)
        assert [(e.type, role(article, e, "Entity"), role(article, e, "Target")) for e in events] == [
            ("RIOT", [crowd], [forces])], text
        assert events[0].fields["actor1"] == "Rioters (Kenya)"
    article, events = suggest(pipeline, suggester, "Soldiers clashed with gunmen in Borno on Tuesday.")
    assert role(article, events[0], "Attacker") == ["Soldiers"]  # a battle keeps its order
