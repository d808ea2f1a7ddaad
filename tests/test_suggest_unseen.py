"""Faults found by reading suggestions on unseen articles, each on a sentence written for the test
(real pinned model): accidents, depictions, commands and definitions are no events; armed attackers
are no riot; mentions of one shooting are one suggestion; deaths told later reach their event."""

import pytest


from tests.test_suggest_rules import role, suggester, words  # noqa: F401 (suggester is a fixture)
from tests.test_suggest_rules import suggest as suggest_on


def suggest(pipeline, suggester, text, published="2019-08-05"):  # a Monday
    return suggest_on(pipeline, suggester, text, published)


@pytest.mark.parametrize("text", [
    "A gas leak caused an explosion at an apartment building in Magnitogorsk on Monday, killing 39 people.",
    "An explosion at a chemical plant in Jiangsu killed 47 workers on Thursday, officials said.",
    "Seven militants were killed in blasts in Kandahar on Friday. The blasts were two accidental explosions.",
    "Two militants died when the device they were making detonated accidentally in Kandahar.",
])
def test_an_accident_is_not_political_violence(pipeline, suggester, text):
    assert suggest(pipeline, suggester, text)[1] == []


def test_a_bomb_at_a_gas_station_is_still_an_attack(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "A bomb exploded at a gas station in Kabul on Monday, killing four people.")
    assert [(e.type, words(article, e)) for e in events] == [("REMOTE_VIOLENCE", "exploded")]
    article, events = suggest(pipeline, suggester, "The explosion in Kano was no accident, police said.")
    assert [e.type for e in events] == ["REMOTE_VIOLENCE"]


def test_an_accidental_blast_takes_later_mentions_of_it_along(pipeline, suggester):
    text = ("An accidental explosion hit a house in Magnitogorsk on Monday. Both explosions took place on Karl "
            "Marx Avenue.")
    assert suggest(pipeline, suggester, text)[1] == []


@pytest.mark.parametrize("text", [
    "Investigators found videos of beheadings on his laptop.",
    "He was pictured arguing with police during a protest in London.",
])
def test_what_a_picture_shows_is_no_event(pipeline, suggester, text):
    assert suggest(pipeline, suggester, text)[1] == []


def test_a_command_a_definition_and_a_cause_are_no_events(pipeline, suggester):
    text = ('He told her: "Take a knife and attack the unbelievers." '
            "The archive characterizes events where four people are shot as a mass shooting. "
            "He made a great contribution to the battle for independence. "
            "Tunisia is facing terrorist attacks, the minister said.")
    article, events = suggest(pipeline, suggester, text)
    assert [words(article, e) for e in events] == []


def test_armed_attackers_are_no_riot_and_terrorism_is_one_sided(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Gunmen attacked a village in Zamfara state on Tuesday, killing 12 people.")
    assert [(e.type, e.fields["fatalities"]) for e in events] == [("VIOLENCE_AGAINST_CIVILIANS", 12)]
    article, events = suggest(pipeline, suggester, "A terrorist attack in Paris was reported on Saturday.")
    assert [(e.type, e.evidence) for e in events] == [("VIOLENCE_AGAINST_CIVILIANS", '"terrorist attack": terrorism, one-sided violence')]


def test_a_police_raid_is_a_search_not_an_attack(pipeline, suggester):
    assert suggest(pipeline, suggester, "A counter terror police raid removed items from his flat.")[1] == []


def test_mentions_of_one_shooting_are_one_suggestion_with_its_dead(pipeline, suggester):
    text = ("The gunman opened fire at a Walmart in El Paso on Saturday, killing 22 people. The attack lasted "
            "minutes. Police said the shooting began at 10:39 a.m. The suspect was arrested after the shooting.")
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, words(article, e)) for e in events] == [("VIOLENCE_AGAINST_CIVILIANS", "opened fire"),
                                                               ("ARREST", "arrested")]
    assert events[0].fields["fatalities"] == 22 and role(article, events[0], "Attacker") == ["gunman"]


def test_an_attacker_named_again_by_surname_is_the_same_event(pipeline, suggester):
    text = ("Usman Khan stabbed several people at Fishmongers' Hall in London on Friday. "
            "Khan attacked people inside the hall, the paper said.")
    article, events = suggest(pipeline, suggester, text)
    assert [words(article, e) for e in events] == ["stabbed"]


def test_security_forces_killing_protesters_is_excessive_force(pipeline, suggester):
    for text in ("Police fired tear gas at protesters in Khartoum on Monday, killing two.",
                 "Police fired tear gas and killed two protesters in Khartoum on Monday."):
        article, events = suggest(pipeline, suggester, text)
        assert [(e.type, e.subtype, words(article, e), e.fields["fatalities"]) for e in events] == [
            ("PROTEST", "Excessive force against protesters", "fired", 2)], text
        assert role(article, events[0], "Agent") == ["Police"] and role(article, events[0], "Entity") == ["protesters"]


def test_a_death_told_sentences_later_reaches_the_event_but_not_a_counterfactual(pipeline, suggester):
    text = ("A man stabbed several people at Fishmongers' Hall near London Bridge on Friday. "
            "Three people were injured. Two of the victims died of their wounds, police said.")
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.fields["fatalities"]) for e in events] == [("stabbed", 2)]
    text = ("A man stabbed two people at a park in Leeds on Friday. "
            "He said he would have died had he not been armed.")
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.fields["fatalities"]) for e in events] == [("stabbed", 0)]


def test_a_deployment_nobody_is_said_to_have_made_is_not_suggested(pipeline, suggester):
    assert suggest(pipeline, suggester, "Soldiers were deployed to secure the area.")[1] == []
    article, events = suggest(pipeline, suggester, "Russia deployed troops to the border on Monday.")
    assert [(e.type, words(article, e)) for e in events] == [("OTHER_STRATEGIC", "deployed")]
    assert suggest(pipeline, suggester, "Many doubt the effects of the bill's withdrawal.")[1] == []
    for text, trigger in (("Rebels withdrew from the town on Sunday.", "withdrew"),
                          ("Government forces began deploying into the territory.", "deploying"),
                          ("The United States announced a complete withdrawal from the region.", "withdrawal")):
        article, events = suggest(pipeline, suggester, text)
        assert [(e.type, words(article, e)) for e in events] == [("OTHER_STRATEGIC", trigger)]
    assert suggest(pipeline, suggester, "The party withdrew from the talks.")[1] == []


def test_an_earlier_years_date_is_not_carried_to_the_next_event(pipeline, suggester):
    text = ("Kennedy was the brother of President John F. Kennedy, who had been assassinated in 1963. "
            "Sirhan shot him in the head in a hotel kitchen.")
    article, events = suggest(pipeline, suggester, text, "2019-09-03")
    shot = next(e for e in events if words(article, e) == "shot")
    assert role(article, shot, "Time") == []


def test_a_mention_referring_back_keeps_only_its_own_place(pipeline, suggester):
    """Found on an unseen article: "the shooting" took another phrase's place and became a new event."""
    text = ("On Saturday morning, a gunman shot shoppers at a Walmart store in El Paso, Texas. "
            "The El Paso shooting preceded another one hours later in Dayton, Ohio, where ten people died. "
            "According to an archive, the shooting followed a deadly shooting in California.")
    article, events = suggest(pipeline, suggester, text, "2019-08-08")
    assert [(words(article, e), e.fields["location"]) for e in events] == [("shot", "El Paso"), ("shooting", "California")]
    text = ("At least three suicide bombings took place in Tunis in one week. "
            "The Islamic State claimed responsibility for all three attacks.")
    article, events = suggest(pipeline, suggester, text, "2019-07-08")
    assert [words(article, e) for e in events] == ["suicide bombings"]
    text = "A gunman in a mask attacked a police post in Kano. A suspect later described the invasion he supposes."
    assert len(suggest(pipeline, suggester, text)[1]) == 1


def test_deaths_told_later_go_to_the_event_whose_dead_are_not_counted(pipeline, suggester):
    text = ("On Friday, Usman Khan stabbed several people at Fishmongers' Hall in London. Police arrived and shot "
            "him dead. By reports on Saturday, two of Khan's victims died.")
    article, events = suggest(pipeline, suggester, text, "2019-12-02")
    stabbing = next(e for e in events if words(article, e) == "stabbed")
    assert stabbing.fields["fatalities"] == 3  # two victims, and the attacker the police shot in his attack


def test_a_call_about_an_attack_is_no_call_for_one(pipeline, suggester):
    text = "Police received the first call about the attack at Fishmongers' Hall in London on Friday."
    article, events = suggest(pipeline, suggester, text)
    assert [words(article, e) for e in events] == ["attack"]
    text = "The group issued a call for attacks on the capital."
    assert suggest(pipeline, suggester, text)[1] == []


def test_a_headline_in_the_present_is_still_a_report(pipeline, suggester):
    text = "Gunmen step up attacks on army posts in Borno\n\nGunmen attacked two army posts in Borno on Sunday."
    article, events = suggest(pipeline, suggester, text)
    assert [e.type for e in events] == ["BATTLE"]  # the headline's attacks, joined by the report's
    text = ("A report came out on Monday. Borno faces attacks on army posts, it says. "
            "Gunmen attacked two army posts on Sunday.")
    article, events = suggest(pipeline, suggester, text)
    assert [words(article, e) for e in events] == ["attacked"]  # in the body, the present tells a pattern


def test_an_undated_article_counts_no_weekday_back_from_today_but_takes_a_spelled_date(pipeline, suggester):
    text = "Gunmen attacked a police post in Goma on Monday, killing four officers."
    article, events = suggest(pipeline, suggester, text, "")
    attack = next(e for e in events if words(article, e) == "attacked")
    assert "event_date" not in attack.fields or not attack.fields["event_date"]  # not a Monday of today's week
    text = "Gunmen attacked a police post in Goma on Monday, 3 June 2024, killing four officers."
    article, events = suggest(pipeline, suggester, text, "")
    attack = next(e for e in events if words(article, e) == "attacked")
    assert attack.fields["event_date"] == "2024-06-03"


def test_the_death_of_fifty_people_counts_fifty(pipeline, suggester):
    text = "A mass shooting in Christchurch on Friday caused the death of at least 50 people, police said."
    article, events = suggest(pipeline, suggester, text, "2019-03-17")
    shooting = next(e for e in events if words(article, e) == "shooting")
    assert shooting.fields["fatalities"] == 50
    text = "A gunman killed nobody; a shooting in Dayton on Sunday caused nine deaths, police said."
    article, events = suggest(pipeline, suggester, text, "2019-08-05")
    assert next(e for e in events if words(article, e) == "shooting").fields["fatalities"] == 9
