"""Text that tells no event of the report's own (sentences written for the test, real pinned model): the
entries of a "See also" / "Related" list of links are other stories' titles; a photo caption's history is
background; what happens as a rule ("militants regularly attack convoys", "insurgents who continue to
ambush forces") is generic. A caption's picture of an event, told in the present, is still suggested."""

import pytest

from tui.core.dateline import link_lists
from tests.test_suggest_places import role, suggest, suggester  # noqa: F401 (suggester is a fixture)

REPORT = "A suicide bomber killed three soldiers at a checkpoint in Kandahar on Monday."


def triggers(article, events, modality=""):
    return [article.text[e.trigger_start:e.trigger_end] for e in events if e.modality == modality]


@pytest.mark.parametrize("tail", [
    "\n\nSee also\n\n2007 Bagram Airfield bombing\n2019 Bagram Airfield attack\n",
    "\n\nRelated news:\n* Taliban attack kills 12 police officers in Kunduz\n* Gunmen storm a hotel in Kabul\n",
    "\n\nRead more\n\nTaliban attack kills 12 police officers in Kunduz\n\nProtesters clash with police in Herat\n",
])
def test_the_entries_of_a_list_of_links_are_no_events_of_the_report(pipeline, suggester, tail):
    article, events = suggest(pipeline, suggester, REPORT + tail, "2020-02-05")
    assert [article.text[e.trigger_start:e.trigger_end] for e in events] == ["killed"]
    assert role(article, events[0], "Victim") == ["three soldiers"]  # no deaths of the list's titles added
    assert event_word_at(pipeline, suggester, article, "Kunduz" if "Kunduz" in tail else "Bagram") == "background"


def event_word_at(pipeline, suggester, article, near):
    """The modality of the event a coder makes on the event word nearest after ``near`` (None: none there)."""
    doc = pipeline.nlp(article.text)
    start = article.text.index(near)
    word = next((t for t in doc if t.idx >= start - 40 and suggester.is_trigger(t)), None)
    if word is None:
        return None
    event = suggester.event_at(doc, word.idx, word.idx + len(word), article)
    return None if event is None else event.modality or "reported"


def test_a_list_of_links_ends_where_prose_starts_again():
    text = (REPORT + "\n\nSee also\n\n* 2007 Bagram Airfield bombing\n\n"
            "Officials in Kandahar said on Tuesday that the checkpoint had been attacked twice this year.\n")
    (start, end), = link_lists(text)
    assert text[start:end].startswith("See also") and text[start:end].rstrip().endswith("bombing")
    assert link_lists("The bomb went off near a market in Kandahar, officials said.\nSee also the report below.") == []


def test_a_captions_history_is_background_and_its_picture_an_event(pipeline, suggester):
    text = ("Gunmen attacked a police post in Waziristan on Monday, killing four officers. "
            "image caption Troops were deployed to repel incursions by militants in the 1990s.")
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    assert triggers(article, events) == ["attacked"]
    history = [e for e in events if e.modality == "background"]
    assert triggers(article, history, "background") == ["incursions"]
    assert "event_date" not in history[0].fields  # a decade is no date, nor is it the report's day
    text = ("Gunmen attacked a police post in Waziristan on Monday, killing four officers. "
            "image caption Protesters marched against the army in Peshawar.")
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    assert triggers(article, events) == ["attacked"] and triggers(article, events, "background") == ["marched"]
    assert role(article, events[1], "Entity") == ["Protesters"]  # not "image caption Protesters"
    text = ("Officials said 20 people were hurt on Saturday. "
            "image caption Riot police clash with protesters in Paris on Saturday.")
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    assert triggers(article, events) == ["clash"]  # what the picture shows, in the caption's present


@pytest.mark.parametrize("habit", [
    "Militants regularly attack convoys on the highway.",
    "Militants sometimes attack convoys on the highway.",
    "Militants attack convoys on the highway.",
    "Convoys are attacked on the highway.",
    "The valley is home to insurgents who continue to ambush government forces.",
    "Insurgents in the region keep attacking army patrols.",
])
def test_what_happens_as_a_rule_is_no_event(pipeline, suggester, habit):
    article, events = suggest(pipeline, suggester, "Three soldiers died on Monday. " + habit, "2020-02-05")
    assert not any(article.text.index(habit) <= e.trigger_start and e.modality == "" for e in events)


def test_what_went_on_happening_on_a_day_is_still_an_event(pipeline, suggester):
    text = "Three soldiers died on Monday. Militants continued to attack convoys on the highway on Tuesday."
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    assert triggers(article, events) == ["attack"]


def test_a_crosshead_tells_its_event_in_the_present_as_a_headline_does(pipeline, suggester):
    text = ("Three soldiers died on Monday in Kabul.\n\nThousands march against the war in London\n\n"
            "The protest was organised by students.")
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    assert triggers(article, events) == ["march"]


@pytest.mark.parametrize("text, reported", [
    ("A man repeatedly stabbed his neighbour in Leeds on Friday.", True),  # one attack of many blows
    ("The soldiers were repeatedly attacked by militants on Friday in Kunduz.", True),
    ("Three soldiers died on Monday. Militants repeatedly attacked convoys on the highway.", False),  # a kind
    ("Three soldiers died on Monday. Militants have repeatedly attacked convoys on the highway.", False),
])
def test_repeatedly_in_the_simple_past_is_one_event_of_many_blows(pipeline, suggester, text, reported):
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    assert bool([e for e in events if e.modality == ""]) == reported
