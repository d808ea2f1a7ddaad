"""Which mention of a merged event is its trigger (the sentence a coder cites), and the arguments
that come with it; on sentences written for the test."""

from tui.core.nlp import after_caption, doc_entities
from tests.test_suggest_args import role, suggest, suggester  # noqa: F401 (a fixture)


def trigger(article, event):
    return article.text[event.trigger_start:event.trigger_end]


def test_the_trigger_is_the_sentence_that_tells_the_event_most_fully(pipeline, suggester):
    text = ("Investigators are still studying the attack. "
            "On Monday, gunmen attacked a police station in Kano, killing four officers.")
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 1
    assert trigger(article, events[0]) == "attacked"
    assert events[0].fields["notes"].startswith("On Monday, gunmen attacked")  # the notes cite that sentence


def test_a_later_sentence_that_tells_no_more_is_a_follow_up_not_the_trigger(pipeline, suggester):
    text = ("On Monday, gunmen attacked a police station in Kano. "
            "Prosecutors charged a man over the attack on Friday.")
    article, events = suggest(pipeline, suggester, text)
    assert [trigger(article, e) for e in events if e.type != "ARREST"] == ["attacked"]


def test_a_quoted_mention_is_not_the_trigger_though_it_says_more(pipeline, suggester):
    text = ('Gunmen attacked a market in Jos on Friday. "The attack by Boko Haram on the market killed '
            'twelve traders," the governor said.')
    article, events = suggest(pipeline, suggester, text)
    assert [trigger(article, e) for e in events] == ["attacked"]


def test_a_place_or_date_said_of_another_verb_is_not_the_noun_events(pipeline, suggester):
    text = "On Sunday police arrested twelve people in Leeds in connection with the attack in London."
    article, events = suggest(pipeline, suggester, text)
    attack = [e for e in events if e.type != "ARREST"]
    assert [(role(article, e, "Place"), role(article, e, "Time")) for e in attack] == [(["London"], [])]
    arrest = [e for e in events if e.type == "ARREST"]
    assert role(article, arrest[0], "Place") == ["Leeds"]
    text = "A ninth victim died in 2004 of injuries suffered during the bombing of the Kabul market."
    article, events = suggest(pipeline, suggester, text, "2019-05-01")
    assert [role(article, e, "Time") for e in events] == [[]]


def test_the_place_and_date_of_the_events_own_outcome_are_its_own(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Five people were killed in an attack in Kabul on Monday.")
    assert role(article, events[0], "Place") == ["Kabul"] and role(article, events[0], "Time") == ["Monday"]


def test_a_place_said_of_a_fronted_date_is_where_the_event_was(pipeline, suggester):
    text = "On Sunday in Leeds, England, a man entered a shop, grabbed a knife and began to stab people."
    article, events = suggest(pipeline, suggester, text)
    assert role(article, events[0], "Place") == ["Leeds"]


def test_who_the_triggers_clause_names_is_not_taken_again_from_later_sentences(pipeline, suggester):
    text = ("On Friday Usman Khan stabbed several people at a hall in London. "
            "Khan started attacking people there. The attacker then attacked others.")
    article, events = suggest(pipeline, suggester, text, "2019-12-02")
    assert len(events) == 1
    assert role(article, events[0], "Attacker") == ["Usman Khan"]
    assert role(article, events[0], "Target") == ["several people"]


def test_a_later_sentence_may_name_whom_the_triggers_clause_only_described(pipeline, suggester):
    text = ("A 25-year-old man was arrested by Thames Valley Police in Reading on Saturday. "
            "Officers detained the man, later identified as Khairi Saadallah.")
    article, events = suggest(pipeline, suggester, text, "2020-06-23")
    assert len(events) == 1
    assert role(article, events[0], "Person") == ["25-year-old man", "Khairi Saadallah"]


def test_a_bare_common_noun_or_a_buildings_name_leaves_the_place_to_the_named_town(pipeline, suggester):
    # ACLED places an event at a town: "in prison", "at home" name none, and a building's name lies
    # within the town the story gives (its dateline here)
    text = ('SAN DIEGO (AP) \u2014 Sirhan Sirhan was stabbed in prison on Friday. "There was an assault on an '
            'inmate at Richard J. Donovan Correctional Facility," the department said.')
    article, events = suggest(pipeline, suggester, text, "2019-09-03")
    assert [role(article, e, "Place") for e in events] == [["SAN DIEGO"]]
    article, events = suggest(pipeline, suggester, "KABUL (Reuters) \u2014 Gunmen shot a journalist dead at home on Friday.")
    assert role(article, events[0], "Place") == ["KABUL"]
    article, events = suggest(pipeline, suggester, "Gunmen shot a journalist dead at his home in Herat on Friday.")
    assert role(article, events[0], "Place") == ["Herat"]


def test_photo_caption_words_are_no_part_of_a_name(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "FILE - Salman Abedi carried out the bombing in Manchester.")
    assert role(article, events[0], "Attacker") == ["Salman Abedi"]
    names = [article.text[s:e] for s, e, label in doc_entities(pipeline.nlp(article.text)) if label == "ORG"]
    assert names == ["Salman Abedi"]  # the suggested entity too (the model calls it an ORG)
    text = "Protesters clash with police View Photos Thousands have been arrested"  # a gallery link run into a sentence
    start = text.index("Photos")
    assert text[after_caption(text, start, start + len("Photos Thousands")):].startswith("Thousands have")
    assert after_caption("Photo Lab workers", 0, len("Photo Lab")) == 0  # the last word of a name stays


def test_a_caption_is_not_the_sentence_that_tells_the_event(pipeline, suggester):
    text = ("A hotel in Mogadishu was attacked on Friday. "
            "FILE - Gunmen of al-Shabaab who attacked the hotel in Mogadishu on Friday are seen in this image.")
    article, events = suggest(pipeline, suggester, text, "2020-08-03")
    assert [trigger(article, e) for e in events] == ["attacked"]
    assert article.text.index("attacked") == events[0].trigger_start


def test_a_town_or_building_naming_an_event_is_not_its_attacker(pipeline, suggester):
    for text in ("A friend of Boston Marathon bombing suspect Dzhokhar Tsarnaev was convicted on Monday.",
                 "The Manchester Arena bombing killed 22 people."):
        article, events = suggest(pipeline, suggester, text)
        assert role(article, events[0], "Attacker") == []
    article, events = suggest(pipeline, suggester, "The Taliban attack killed five soldiers in Helmand.")
    assert role(article, events[0], "Attacker") == ["Taliban"]


def test_a_particular_party_another_sentence_names_is_added_but_not_a_kind_told_again(pipeline, suggester):
    text = ("Pro-government fighters attacked the Syrian Democratic Forces in Deir ez-Zor on Wednesday. "
            "The US-led coalition and local forces repelled the assault.")
    article, events = suggest(pipeline, suggester, text, "2018-02-08")
    assert role(article, events[0], "Target") == ["the Syrian Democratic Forces", "US-led coalition"]
    text = ("Bombers attacked the Murrah Federal Building in Oklahoma City on Wednesday. "
            "The attack on the federal building killed 168 people.")  # the same building told again
    article, events = suggest(pipeline, suggester, text, "1995-04-20")
    assert role(article, events[0], "Target") == ["the Murrah Federal Building"]


def test_an_event_on_a_street_the_gazetteer_does_not_know_is_located_in_the_town_before_it(pipeline, suggester):
    text = ("A gunman attacked a mosque in Christchurch on Friday. "
            "Police arrested the gunman on Strickland Street an hour later.")
    article, events = suggest(pipeline, suggester, text, "2019-03-17")
    arrest = next(e for e in events if e.type == "ARREST")
    assert role(article, arrest, "Place") == ["Strickland Street"]
    assert arrest.fields["location"] == "Christchurch" and arrest.fields["country"] == "New Zealand"


def test_an_event_and_what_a_copula_says_it_was_are_one_event(pipeline, suggester):
    text = "The Kabul bombing was a suicide attack on a mosque on Friday that killed 13 people."
    article, events = suggest(pipeline, suggester, text)
    assert [(trigger(article, e), role(article, e, "Target"), role(article, e, "Time")) for e in events] == [
        ("bombing", ["mosque"], ["Friday"])]
    text = "The Cafe Rolando bombing was an attack on 13 September 1974 in Madrid which killed 13 people."
    article, events = suggest(pipeline, suggester, text, "2019-01-01")
    assert [(e.modality, role(article, e, "Time")) for e in events] == [("background", ["13 September 1974"])]


def test_a_place_or_date_of_answering_an_event_is_not_the_events(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "On Monday in Paris the president condemned the attack on the mosque.")
    assert [(role(article, e, "Place"), role(article, e, "Time")) for e in events] == [([], [])]
    text = "Thousands protested in Hong Kong on Sunday against the arrest of three activists."
    article, events = suggest(pipeline, suggester, text)
    assert [(e.type, role(article, e, "Place"), role(article, e, "Time")) for e in events] == [
        ("PROTEST", ["Hong Kong"], ["Sunday"]), ("ARREST", [], [])]  # nor is the protest's day carried to the arrest


def test_a_place_in_another_event_nouns_phrase_is_that_events(pipeline, suggester):
    text = "Police said the suspect in the attack on a mosque in Kabul was arrested in Herat on Monday."
    article, events = suggest(pipeline, suggester, text)
    assert {e.type: role(article, e, "Place") for e in events} == {"VIOLENCE_AGAINST_CIVILIANS": ["Kabul"],
                                                                  "ARREST": ["Herat"]}
    text = "He had orchestrated attacks on coalition bases in Iraq for months - including the attack on December 27th."
    article, events = suggest(pipeline, suggester, text, "2020-01-05")  # one of those attacks: their place
    assert [role(article, e, "Place") for e in events] == [["Iraq"]]
