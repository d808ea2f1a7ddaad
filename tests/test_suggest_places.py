"""Where suggested events happened, and when a past is told: rules of news English, on sentences written for the test."""

import pytest

from tui.core.model import Article
from tui.core.suggest import Suggester


@pytest.fixture(scope="module")
def suggester(codebook):
    return Suggester(codebook)


def suggest(pipeline, suggester, text, published="2020-08-03", title=""):
    article = Article("t", text, published=published, title=title)
    return article, suggester.suggest(pipeline.nlp(text), article)


def role(article, event, name):
    return [article.text[a.start:a.end] for a in event.arguments if a.role == name]


def test_a_place_noun_named_in_apposition_gives_the_name(pipeline, suggester):
    text = "Two suicide bombings took place in the country's capital, Tunis, on Thursday."
    article, events = suggest(pipeline, suggester, text, "2019-07-08")
    assert [role(article, e, "Place") for e in events] == [["Tunis"]]


def test_a_town_named_on_the_place_noun_of_a_locative_phrase_is_the_place(pipeline, suggester):
    text = "A police sergeant was shot at the Croydon custody centre on Friday by a prisoner."
    article, events = suggest(pipeline, suggester, text, "2020-09-30")
    assert [role(article, e, "Place") for e in events] == [["Croydon"]]


def test_places_that_announce_together_are_not_where_the_arrests_were(pipeline, suggester):
    text = ("Authorities in the United Kingdom and the United States announced on Wednesday that "
            "337 suspected users were arrested.")
    article, events = suggest(pipeline, suggester, text, "2019-10-17")
    assert len(events) == 1 and role(article, events[0], "Place") == []
    article, events = suggest(pipeline, suggester, "Police in Lyon said a bomb exploded on Friday.", "2019-10-17")
    assert role(article, events[0], "Place") == ["Lyon"]  # one place's police speak of their town


def test_an_event_naming_no_place_happened_where_the_headline_says(pipeline, suggester):
    text = ("The virus has spread across China from Wuhan since December.\n\nPolice detained eight people, "
            "including a doctor who warned about the outbreak in December.")  # "in December" names no place
    article, events = suggest(pipeline, suggester, text, "2020-02-10", title="Doctors detained in Wuhan, China")
    assert [role(article, e, "Place") for e in events] == [["Wuhan"]]
    assert events[0].fields["country"] == "China" and events[0].fields["location"] == "Wuhan"
    article, events = suggest(pipeline, suggester, text, "2020-02-10", title="Doctors detained for rumours")
    assert [role(article, e, "Place") for e in events] == [[]]  # no headline place: none guessed


def test_an_undated_event_after_a_killing_years_before_is_that_past(pipeline, suggester):
    text = ("Robert was killed in June 1968, while seeking the nomination. Sirhan shot him in the head "
            "just after midnight in a hotel kitchen.")
    article, events = suggest(pipeline, suggester, text, "2019-09-03")
    shot = next(e for e in events if article.text[e.trigger_start:e.trigger_end] == "shot")
    assert shot.modality == "background" and shot.fields["event_date"] == "1968-06-01"


def test_a_past_that_dates_no_violence_or_another_paragraph_leaves_the_news_alone(pipeline, suggester):
    for text in ("The group was founded in 1998. Its fighters attacked a police post in Gao, killing two.",
                 "He was arrested in 2015 for theft.\n\nGunmen attacked a police post in Gao, killing two.",
                 "Shortly before 19:00 local time (1800 UTC), a man was killed in Gao. Gunmen attacked a police post."):
        article, events = suggest(pipeline, suggester, text, "2019-09-03")
        attack = next(e for e in events if article.text[e.trigger_start:e.trigger_end] == "attacked")
        assert attack.modality == "" and attack.fields["event_date"].startswith("2019"), text


def test_a_suggestion_the_text_gives_no_date_says_its_week_is_the_reports(pipeline, suggester, codebook):
    from tui.core.validation import validate_event
    line = "no date in the text: the report's date at week precision (2); check the article"
    article, events = suggest(pipeline, suggester, "Police detained eight doctors in Wuhan.", "2020-02-10")
    undated = events[0]
    assert (undated.fields["event_date"], undated.fields["time_precision"]) == ("2020-02-10", 2)
    assert line in validate_event(codebook, undated, article.text)
    article, events = suggest(pipeline, suggester, "Police detained eight doctors in Wuhan on Friday.", "2020-02-10")
    assert line not in validate_event(codebook, events[0], article.text)
    undated.status = "accepted"  # the coder has seen it
    assert line not in validate_event(codebook, undated, article.text)


def test_an_event_told_again_in_its_paragraph_of_history_is_one_event(pipeline, suggester):
    text = ("Sirhan is serving a life sentence for the 1968 assassination of Robert F. Kennedy.\n\n"
            "Robert was killed in June 1968, while seeking the nomination. Sirhan shot him in the head in a hotel kitchen.")
    article, events = suggest(pipeline, suggester, text, "2019-09-03")
    assert len(events) == 1 and events[0].modality == "background"  # "in 1968" and "June 1968" are one year


def test_a_paragraph_that_opens_on_a_place_sets_the_scene_of_its_next_sentences(pipeline, suggester):
    text = ("On Friday, Usman Khan stabbed several people at Fishmongers' Hall in London.\n\n"
            "At the London Bridge, members of the public stopped Khan. The police then surrounded him and shot Khan.")
    article, events = suggest(pipeline, suggester, text, "2019-12-02")
    assert [role(article, e, "Place") for e in events] == [["London"], ["London Bridge"]]
    for text in ("In a speech in Paris, the minister spoke about security. Gunmen shot two traders on Friday.",
                 "At the London Bridge, people stopped Khan.\n\nGunmen shot two traders on Friday."):
        article, events = suggest(pipeline, suggester, text, "2019-12-02")
        assert role(article, events[-1], "Place") == [], text


def test_a_town_the_model_left_untagged_is_the_place_when_its_region_or_country_says_so(pipeline, suggester):
    text = ("On Saturday evening in Forbury Gardens in Reading, Berkshire, UK shortly before 19:00 local time, "
            "a mass stabbing killed three people.")
    article, events = suggest(pipeline, suggester, text, "2020-06-23")
    assert [role(article, e, "Place") for e in events] == [["Reading"]]  # the town, not its county
    article, events = suggest(pipeline, suggester, "Protesters marched in Bath, England on Monday.", "2020-06-23")
    assert [role(article, e, "Place") for e in events] == [["Bath"]]
    text = "Kenyan police said protesters marched in Bath on Monday. Police in Nairobi and Mombasa, Kenya, were on alert."
    article, events = suggest(pipeline, suggester, text, "2020-06-23")
    assert [role(article, e, "Place") for e in events] == [[]]  # a word to the model, and no Bath in Kenya


def test_a_common_noun_after_in_is_no_town_of_another_country(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "Protesters marched in Court on Monday.", "2020-06-23")
    assert len(events) == 1 and role(article, events[0], "Place") == []  # a court, not Court in Switzerland
    assert events[0].fields.get("location") is None and events[0].fields.get("country") is None
    article, events = suggest(pipeline, suggester, "Militants attacked a plant at Abqaiq in Saudi Arabia.", "2019-09-15")
    assert [role(article, e, "Place") for e in events] == [["Abqaiq"]]  # a name, not a word: kept
