"""Which mention of a merged event is its trigger (the sentence a coder cites), and the arguments
that come with it; on sentences written for the test."""

from tests.test_suggest_args import role, suggest, suggester  # noqa: F401 (a fixture)


def trigger(article, event):
    return article.text[event.trigger_start:event.trigger_end]


def test_the_trigger_is_the_sentence_that_tells_the_event_most_fully(pipeline, suggester):
    text = ("Investigators are still studying the attack. "
            "On Monday, gunmen attacked a police station in Kano, killing four officers.")
    article, events = suggest(pipeline, suggester, text)
    assert len(events) == 1
    assert trigger(article, events[0]) == "attacked"


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
    assert all(role(article, e, "Place") != ["Leeds"] for e in attack)
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
