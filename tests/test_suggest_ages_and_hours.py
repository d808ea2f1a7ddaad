"""Ages are no dates, and hours count as days do (sentences written for the test, real pinned model):
"aged 14 and 18" gives an event no Time and the article no DATE entity; "less than thirteen hours
later", "some 48 hours later" and "hours later" date an event from the one before it."""

import pytest

from tui.core.ages import is_age
from tui.core.nlp import doc_entities
from tui.core.relative_dates import read_shift
from tests.test_suggest_places import role, suggest, suggester  # noqa: F401 (suggester is a fixture)


@pytest.mark.parametrize("text", [
    "The two attackers, aged 14 and 18, were arrested.",
    "Police arrested five teenagers, who were between 14 and 18 years old, in Leeds.",
    "Police arrested five boys between the ages of 14 and 18 in Leeds.",
])
def test_an_age_is_no_date_of_the_event(pipeline, suggester, text):
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    arrest = next(e for e in events if e.type == "ARREST")
    assert role(article, arrest, "Time") == []
    assert arrest.modality == ""  # "18 years old" puts nothing years back
    assert arrest.fields["event_date"] == "2020-02-05" and arrest.fields["time_precision"] == 2  # the report's week


def test_an_age_is_no_date_entity(pipeline):
    text = ("Police arrested two boys aged 14 and 18 and a 25-year-old man on Friday. "
            "Five others, between the ages of 14 and 18, were released on March 3.")
    dates = [text[s:e] for s, e, label in doc_entities(pipeline.nlp(text)) if label == "DATE"]
    assert "Friday" in dates and "March 3" in dates
    assert not any(is_age(words) or words[:1].isdigit() and "March" not in words for words in dates), dates
    assert not is_age("June 18") and not is_age("the 18th") and not is_age("18 years") and is_age("14 and 18")


@pytest.mark.parametrize("words, days, precision", [
    ("less than thirteen hours later", 1, 2),  # likelier the next day than the same one, but not sure of it
    ("some 48 hours later", 2, 1),
    ("forty-eight hours later", 2, 1),
    ("hours later", 0, 1),
    ("an hour later", 0, 1),
    ("30 minutes later", 0, 1),
    ("20 hours earlier", -1, 1),
    ("two days later", 2, 1),
    ("days later", 3, 2),
])
def test_hours_and_minutes_count_as_days(words, days, precision):
    shift = read_shift(words)
    assert (shift.days, shift.precision) == (days, precision)
    assert shift.end == len(words)


def test_an_event_hours_after_another_is_dated_from_it(pipeline, suggester):
    start = "A gunman killed nine people in Dayton on Sunday. "
    for later, day, precision in (("Some 48 hours later, police arrested a second man.", "2020-02-04", 1),
                                  ("Hours later, police arrested a man in Toledo.", "2020-02-02", 1)):
        article, events = suggest(pipeline, suggester, start + later, "2020-02-05")
        arrest = next(e for e in events if e.type == "ARREST")
        assert (arrest.fields["event_date"], arrest.fields["time_precision"]) == (day, precision)
        assert role(article, arrest, "Time") == [later.split(",")[0]]


def test_another_one_hours_later_is_dated_from_the_first(pipeline, suggester):
    text = ("A gunman killed nine people in Dayton on Sunday. "
            "The shooting preceded another one less than thirteen hours later in Toledo where ten people died.")
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    other = next(e for e in events if article.text[e.trigger_start:e.trigger_end] == "another one")
    assert (other.fields["event_date"], other.fields["time_precision"]) == ("2020-02-03", 2)
    assert role(article, other, "Time") == ["less than thirteen hours later"]
