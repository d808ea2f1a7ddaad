"""Who the attacker is (sentences written for the test, real pinned model): a lone attacker told first as
"a man" or "a gunman" is the person the article later identifies ("The man, identified as NAME, 20",
"officials identified the suspect as NAME"); and police who shoot an attacker are the response, not a
second attacker of the attack ("an armed man was shot by police after he attacked officers")."""

import pytest

from tests.test_suggest_places import role, suggest, suggester  # noqa: F401 (suggester is a fixture)

STABBING = "A man stabbed two people in Leeds on Sunday. "


@pytest.mark.parametrize("later", [
    "The man, identified as Daniel Okafor, 20, was shot dead by police.",
    "The attacker was identified as Daniel Okafor.",
    "The attacker, Daniel Okafor, had been released from prison a week before.",
    "Police named the man as Daniel Okafor.",
    "Officers arrived and detained the man, later identified as Daniel Okafor.",
])
def test_a_man_the_article_identifies_later_is_the_attacker(pipeline, suggester, later):
    article, events = suggest(pipeline, suggester, STABBING + later, "2020-02-03")
    attack = next(e for e in events if e.type == "VIOLENCE_AGAINST_CIVILIANS")
    assert role(article, attack, "Attacker") == ["Daniel Okafor"]
    assert attack.fields["actor1"] == "Sole Perpetrator (United Kingdom)"  # a person: ACLED's lone attacker


def test_an_indefinite_gunman_named_as_the_suspect(pipeline, suggester):
    text = "A gunman shot shoppers at a supermarket in Leeds on Saturday. Officials identified the suspect as Daniel Okafor."
    article, events = suggest(pipeline, suggester, text, "2020-02-03")
    assert role(article, events[0], "Attacker") == ["Daniel Okafor"]


@pytest.mark.parametrize("later", [
    "A woman, identified as Jane Smith, was hurt.",  # someone else
    "One man, Daniel Okafor, was arrested; the other man, Peter Hall, escaped.",  # two names: which one?
])
def test_a_name_given_to_someone_else_or_to_two_people_is_not_taken(pipeline, suggester, later):
    article, events = suggest(pipeline, suggester, STABBING + later, "2020-02-03")
    attack = next(e for e in events if e.type == "VIOLENCE_AGAINST_CIVILIANS")
    assert role(article, attack, "Attacker") == ["man"]


@pytest.mark.parametrize("text, trigger, attacker, target", [
    ("An armed man was shot by police after he attacked officers in Paris on Friday.", "attacked", "armed man", "officers"),
    ("A man armed with a knife was shot dead by police after he stabbed two people in Paris on Friday.",
     "stabbed", "man", "people"),
])
def test_police_shooting_an_attacker_are_no_attacker_of_the_attack(pipeline, suggester, text, trigger, attacker, target):
    article, events = suggest(pipeline, suggester, text, "2020-02-03")
    assert [article.text[e.trigger_start:e.trigger_end] for e in events] == [trigger]
    assert role(article, events[0], "Attacker") == [attacker]
    assert role(article, events[0], "Target") == [target]
    assert "part of the attack" in events[0].evidence  # the police shooting is the attack's response
