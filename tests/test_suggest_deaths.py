"""Fatalities come from the death words of the event's own clause or its coreferent mentions (real pinned
model, sentences written for the test): a pronoun's death is one; another event word's dead, or the
dead of what came before or after the event, are not its fatalities."""

from tests.test_suggest_rules import role, suggester, words  # noqa: F401 (suggester is a fixture)
from tests.test_suggest_rules import suggest


def deaths(pipeline, suggester, text, published="2019-08-08"):
    article, events = suggest(pipeline, suggester, text, published)
    return [(words(article, e), e.fields.get("fatalities")) for e in events]


def test_a_pronoun_or_a_title_pronounced_dead_is_one_death(pipeline, suggester):
    text = ("A police sergeant was shot at a custody centre in Croydon on Friday by a prisoner. "
            "The sergeant was airlifted to hospital, but he was later pronounced dead.")
    assert deaths(pipeline, suggester, text, "2020-09-30") == [("shot", 1)]
    text = "On Sunday a man began to stab people in Streatham. Officers chased him and shot him dead outside a shop."
    assert deaths(pipeline, suggester, text, "2020-02-05") == [("stab", 1)]  # the attacker's, in his attack


def test_the_dead_of_events_before_or_after_are_not_the_events(pipeline, suggester):
    text = ("On Saturday a gunman shot shoppers at a store in El Paso. "
            "The shooting followed one in Gilroy, killing three, and another in Dayton where ten people died.")
    found = deaths(pipeline, suggester, text)  # "one", "another": the shootings they stand for (suggest_another)
    assert found[0] == ("shot", 0) and ("another", 10) in found


def test_the_dead_go_to_the_event_word_nearest_them(pipeline, suggester):
    text = ("A teenager is accused of shooting and killing two people who were taking part in demonstrations "
            "against the shooting of Jacob Blake.")
    assert ("shooting", 0) in deaths(pipeline, suggester, text, "2020-11-22")


def test_a_death_told_a_paragraph_later_of_the_person_targeted_counts(pipeline, suggester):
    text = ("Police sergeant Matt Ratana was shot at a custody centre in Croydon on Friday by a prisoner.\n\n"
            "A man was arrested in Norfolk on Sunday.\n\n"
            "Sergeant Ratana was airlifted to hospital, but he was later pronounced dead.")
    assert deaths(pipeline, suggester, text, "2020-09-30") == [("shot", 1), ("arrested", 0)]
    text = ("A gunman shot a guard at a bank in Leeds on Friday.\n\n"
            "In another case, a woman was later found dead in her home.")
    assert deaths(pipeline, suggester, text, "2020-09-30") == [("shot", 0)]


def test_deaths_someone_is_blamed_for_are_not_the_events(pipeline, suggester):
    text = ("On Thursday a drone strike killed a general at the airport in Baghdad. Officials said the general was "
            "responsible for the deaths of hundreds of soldiers in the attack on the embassy.")
    assert deaths(pipeline, suggester, text, "2020-01-05")[0] == ("drone strike", 1)
