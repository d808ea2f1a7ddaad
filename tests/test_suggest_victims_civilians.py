"""ACLED codes the people hit in violence against civilians as the event country's civilians, never by
the words that told them ("middle-aged men", "a man", a victim's name): found by a coder who retyped
"Civilians (...)" as actor 2 of every stabbing. Sentences written for the test, real pinned model."""

import pytest

from tests.test_suggest_places import role, suggest, suggester  # noqa: F401 (suggester is a fixture)


@pytest.mark.parametrize("text, country", [
    ("A man attacked a group of middle-aged men with a knife in Reading, England, on Saturday.", "United Kingdom"),
    ("On Friday, Sirhan Sirhan was stabbed in the neck in San Diego, California.", "United States"),
    ("A gunman shot four teenagers at a party in Clairton, Pennsylvania, on Saturday.", "United States"),
])
def test_the_people_hit_by_violence_against_civilians_are_the_countrys_civilians(pipeline, suggester, text,
                                                                                country):
    article, events = suggest(pipeline, suggester, text, "2019-12-02")
    attack = next(e for e in events if e.type == "VIOLENCE_AGAINST_CIVILIANS")
    assert attack.fields["country"] == country
    assert attack.fields["actor2"] == f"Civilians ({country})"
    assert attack.fields.get("assoc_actor_2", "") == ""  # a name or a noun is no associated actor


def test_a_standard_actor_hit_stays_and_an_unknown_country_changes_nothing(pipeline, suggester):
    text = "Militants of the Islamic State attacked soldiers of the Nigerian army in Maiduguri, Nigeria."
    article, events = suggest(pipeline, suggester, text, "2019-12-02")
    assert not any(e.fields.get("actor2", "").startswith("Civilians") for e in events
                   if e.type != "VIOLENCE_AGAINST_CIVILIANS")
    text = "A man stabbed two women on Saturday."
    article, events = suggest(pipeline, suggester, text, "2019-12-02")
    attack = next(e for e in events if e.type == "VIOLENCE_AGAINST_CIVILIANS")
    assert not attack.fields.get("country") and not attack.fields.get("actor2", "").startswith("Civilians")
