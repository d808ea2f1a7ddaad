"""The suggester's rules on sentences written for them, with the real pinned model."""

import pytest

from tui.core.model import Article
from tui.core.suggest import Suggester


@pytest.fixture(scope="module")
def suggester(codebook):
    return Suggester(codebook)


def suggest(pipeline, suggester, text, published="2020-08-03"):  # a Monday
    article = Article("t", text, published=published)
    return article, suggester.suggest(pipeline.nlp(text), article)


def words(article, event):
    return article.text[event.trigger_start:event.trigger_end]


def role(article, event, name):
    return [article.text[a.start:a.end] for a in event.arguments if a.role == name]


def test_a_weekday_is_the_last_such_day_on_or_before_publication(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Supporters of the opposition held a rally in Minsk on Thursday.")
    assert [(e.type, e.fields["event_date"]) for e in events] == [("PROTEST", "2020-07-30")]


def test_a_coming_date_lies_ahead_and_a_bare_one_behind(pipeline, suggester):
    text = "Thousands marched in Minsk on Sunday, a week before the coming election on August 9."
    article, events = suggest(pipeline, suggester, text)
    assert [e.fields["event_date"] for e in events] == ["2020-08-02"]
    from tui.core.suggest_place import looks_ahead

    doc = pipeline.nlp(text)
    august = next(e for e in doc.ents if e.text == "August 9")
    assert looks_ahead(august.root)


def test_a_time_of_day_does_not_move_the_date(pipeline, suggester):
    text = "Supporters held a rally in Minsk on Thursday. The rally began around 18:00."
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, e.fields["event_date"]) for e in events] == [("PROTEST", "2020-07-30")]


def test_only_the_dead_are_fatalities_never_the_injured(pipeline, suggester):
    text = "A gunman attacked a synagogue in Halle on Wednesday. Sixty-six people were injured and two were killed."
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 1 and events[0].fields["fatalities"] == 2
    article, events = suggest(pipeline, suggester, "A gunman attacked a synagogue in Halle. Sixty-six people were injured.")
    assert len(events) == 1 and events[0].fields["fatalities"] == 0  # the injured are no fatalities: ACLED codes 0


def test_a_quoted_tweet_gives_no_date_to_the_event(pipeline, suggester):
    text = ('Police arrested a man after a stabbing in Reading on Saturday. The mayor wrote: '
            '"Shocked by the attack in Forbury Gardens this afternoon."')
    article, events = suggest(pipeline, suggester, text, "2020-06-22")
    stabbing = next(e for e in events if words(article, e) == "stabbing")
    assert stabbing.type == "VIOLENCE_AGAINST_CIVILIANS"
    assert "this afternoon" not in role(article, stabbing, "Time")
    assert stabbing.fields["event_date"] == "2020-06-20"


def test_generic_hypothetical_negated_and_past_record_mentions_are_not_suggested(pipeline, suggester):
    text = ("Attacks on military targets are often claimed by the group. He was convicted of assaults. "
            "Rebels threatened to strike the capital. The army did not shell the town. "
            "Militants will attack the city.")
    article, events = suggest(pipeline, suggester, text)
    assert events == []
    doc = pipeline.nlp(text)
    for word, modality in (("Attacks", "generic"), ("assaults", "generic"), ("strike", "hypothetical"),
                           ("shell", "negated"), ("attack the city", "future")):
        start = text.index(word)
        event = suggester.event_at(doc, start, start + len(word.split()[0]), article)
        assert event.modality == modality, word


def test_an_earlier_years_event_is_suggested_marked_background(pipeline, suggester):
    text = "The town was recaptured from the rebels in 2017. Rebels shelled the town on Sunday."
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.modality) for e in events] == [("recaptured", "background"), ("shelled", "")]


def test_a_pronoun_attacker_is_the_person_named_before(pipeline, suggester):
    text = "Police named the suspect as Khairi Saadallah. He stabbed three men in a park in Reading on Saturday."
    article, events = suggest(pipeline, suggester, text, "2020-06-22")
    assert [(e.type, words(article, e)) for e in events] == [("VIOLENCE_AGAINST_CIVILIANS", "stabbed")]
    assert role(article, events[0], "Attacker") == ["Khairi Saadallah"]


def test_the_event_word_is_the_trigger_not_the_instrument(pipeline, suggester):
    text = "A roadside bomb exploded near an army convoy in Kandahar on Monday, killing two soldiers."
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, e.subtype, words(article, e)) for e in events] == [
        ("REMOTE_VIOLENCE", "Remote explosive/landmine/IED", "exploded")]
    assert events[0].fields["fatalities"] == 2 and "bomb" in events[0].evidence
    article, events = suggest(pipeline, suggester, "A second bomb went off outside the church in Jolo.")
    assert [words(article, e) for e in events] == ["went"]


def test_mentions_of_one_event_are_one_suggestion(pipeline, suggester):
    text = ("A bomb exploded at a market in Kabul on Monday. The blast killed five people. "
            "Police said the attack was the worst this year.")
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 1 and events[0].type == "REMOTE_VIOLENCE"
    assert events[0].fields["fatalities"] == 5 and events[0].fields["location"] == "Kabul"


def test_a_killing_by_armed_men_is_the_attack_itself(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Gunmen killed five villagers in Zamfara on Tuesday.")
    assert [(e.type, words(article, e), e.fields["fatalities"]) for e in events] == [
        ("VIOLENCE_AGAINST_CIVILIANS", "killed", 5)]
    assert events[0].evidence


@pytest.mark.parametrize("text, trigger, etype", [
    ("A man was stabbed outside a shop in Leeds.", "stabbed", "VIOLENCE_AGAINST_CIVILIANS"),
    ("The shooting at the school left three dead.", "shooting", "VIOLENCE_AGAINST_CIVILIANS"),
    ("A gunfight broke out between troops and rebels near the border.", "gunfight", "BATTLE"),
    ("A procession of mourners walked through Karachi demanding justice.", "procession", "PROTEST"),
    ("Workers marched through central London on Saturday.", "marched", "PROTEST"),
    ("A drone attack hit an oil field in Abqaiq.", "drone attack", "REMOTE_VIOLENCE"),
])
def test_the_words_annotators_mark_are_found_with_their_type(pipeline, suggester, text, trigger, etype):
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.type) for e in events] == [(trigger, etype)]
    assert events[0].evidence


def test_no_suggested_entity_has_whitespace_ends_or_crosses_a_paragraph(pipeline):
    from tui.core.nlp import doc_entities, trim_span

    text = "Monday, January 14, 2019\xa0\n\nAn individual was arrested in Paris on Monday.\n\nPolice said."
    for start, end, _ in doc_entities(pipeline.nlp(text)):
        words = text[start:end]
        assert words == words.strip() and "\n\n" not in words, words
    assert trim_span(text, 0, 40) == (0, 24)


@pytest.mark.parametrize("text", [
    "Police seized drugs and firearms at the house.",          # seizing things is no battle
    "A car struck a cyclist on the road to Croughton.",         # a car hitting someone is no air strike
    "Inflation rocketed after the election.",                   # a weapon noun as a verb
    "The minister agreed to withdraw the bill.",                # agreeing is no ceasefire
])
def test_words_that_name_violence_only_in_context_are_not_events_here(pipeline, suggester, text):
    assert suggest(pipeline, suggester, text)[1] == []


def test_a_length_of_time_is_no_date(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "A gunman attacked two mosques in Christchurch in 36 minutes.")
    assert len(events) == 1 and role(article, events[0], "Time") == []


def test_seizing_a_town_is_a_battle(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Rebels seized the town of Kidal on Friday.")
    assert [(e.type, words(article, e)) for e in events] == [("BATTLE", "seized")]


def test_a_crime_named_in_court_and_a_labour_strike(pipeline, suggester):
    text = ("A man was charged with murder on Monday. Kidnappings are commonplace in the region. "
            "Unions began a 48-hour strike in Caracas on Sunday.")
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, words(article, e)) for e in events] == [("PROTEST", "strike")]


def test_a_charge_of_murder_is_no_event_and_an_attack_at_a_mosque_is_one_sided(pipeline, suggester):
    text = ("Prosecutors charged him with capital murder, murder carrying the death penalty. "
            "The second attack was in Linwood Mosque, killing at least eight people.")
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, words(article, e), e.fields.get("fatalities")) for e in events] == [
        ("VIOLENCE_AGAINST_CIVILIANS", "attack", 8)]


def test_two_sided_events_name_both_sides_and_a_captured_person_is_arrested(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Fighting broke out between the army and rebels in Goma on Monday.")
    assert [(role(article, e, "Attacker"), role(article, e, "Target")) for e in events] == [(["army"], ["rebels"])]
    article, events = suggest(pipeline, suggester, "Saddam Hussein was captured by US forces in December.")
    assert [(e.type, role(article, e, "Person")) for e in events] == [("ARREST", ["Saddam Hussein"])]


def test_what_blew_up_is_no_attacker_and_an_earlier_years_event_keeps_its_own_date(pipeline, suggester):
    text = ("Another explosion hit a minibus in the city on Tuesday, killing three people. "
            "Police were present where the minibus exploded. "
            "Sirhan is serving a life sentence for the 1968 assassination of Robert F. Kennedy.")
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.modality, e.fields["event_date"]) for e in events] == [
        ("explosion", "", "2020-07-28"), ("assassination", "background", "1968-01-01")]
    assert role(article, events[0], "Attacker") == [] and "minibus" in role(article, events[0], "Target")


def test_a_recommended_withdrawal_is_not_one_that_happened(pipeline, suggester):
    text = "The commission recommended the troops withdraw from the region."
    assert suggest(pipeline, suggester, text)[1] == []


def test_the_weapon_a_verb_uses_is_no_target(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Militants detonated two bombs at a market in Kano on Friday.")
    assert [words(article, e) for e in events] == ["detonated"]
    assert role(article, events[0], "Target") == [] and role(article, events[0], "Attacker") == ["Militants"]


def test_a_death_toll_counts_and_a_city_lies_in_its_state(pipeline, suggester):
    text = ("On Saturday, a gunman shot shoppers at a store in El Paso, with the death toll rising to 22 people. "
            "Eight Mexicans died in the attack in Texas, the Mexican government said.")
    article, events = suggest(pipeline, suggester, text)
    assert [(words(article, e), e.fields["fatalities"], e.fields["location"]) for e in events] == [("shot", 22, "El Paso")]


def test_an_object_pronoun_is_not_its_own_clauses_subject(pipeline, suggester):
    text = "Robert Kennedy was walking through a hotel kitchen in Los Angeles. Sirhan shot him in the head."
    article, events = suggest(pipeline, suggester, text)
    assert [(role(article, e, "Attacker"), role(article, e, "Target")) for e in events] == [(["Sirhan"], ["Robert Kennedy"])]


def test_no_place_or_date_is_carried_across_a_paragraph(pipeline, suggester):
    text = "Protests began in Minsk in May.\n\nPolice arrested the opposition leader at her home."
    article, events = suggest(pipeline, suggester, text)
    arrest = next(e for e in events if e.type == "ARREST")
    assert role(article, arrest, "Time") == [] and role(article, arrest, "Place") == []
    assert arrest.fields["country"] == "Belarus"  # the scene's country is still a fair guess


def test_the_shooting_refers_back_across_towns_of_one_state_but_people_tell_no_event(pipeline, suggester):
    text = ("Early Saturday, police in Clairton, Pennsylvania, responded to reports of a shooting at a party. "
            "The party, located in Allegheny County, was crowded; four were injured in the shooting.")
    article, events = suggest(pipeline, suggester, text, "2019-07-23")
    assert [words(article, e) for e in events] == ["shooting"]
    text = "A man attacked people in a park in Leeds on Monday.\n\nIn Paris, rioters attacked people on Friday."
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 2


def test_an_event_with_no_place_takes_the_reports_country_in_acleds_naming(pipeline, suggester):
    text = "Police arrested 40 people on Sunday.\n\nThousands of protesters marched in Hong Kong on Saturday."
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, e.fields.get("country")) for e in events] == [("ARREST", "China"), ("PROTEST", "China")]


def test_a_dateline_is_not_part_of_the_notes(pipeline, suggester):
    """Found on unseen articles: spaCy runs the dateline into the first sentence across the blank line."""
    text = ("Thursday, August 8, 2019\n\nOn Saturday morning, a gunman shot dead 22 people at a Walmart store "
            "in El Paso, Texas.\n")
    article, events = suggest(pipeline, suggester, text, "2019-08-08")
    assert [e.fields["notes"] for e in events] == [
        "On Saturday morning, a gunman shot dead 22 people at a Walmart store in El Paso, Texas."]
