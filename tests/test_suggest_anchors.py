"""Dates and events told next to another event (real pinned model, sentences written for the test): the
event named after "a week after" is that far before what the clause dates, and is not dated by it;
"another one" is another event of the kind just named, with its own place and dead; a date said in
another paragraph, or by an event's later mention, is not carried; of equally precise dates the most
telling mention's wins."""

from tests.test_suggest_rules import role, suggester, words  # noqa: F401 (suggester is a fixture)
from tests.test_suggest_rules import suggest


def dated(pipeline, suggester, text, published):
    article, events = suggest(pipeline, suggester, text, published)
    return [(words(article, e), role(article, e, "Time"), e.fields.get("event_date"), e.fields.get("time_precision"))
            for e in events]


def test_the_event_a_week_after_names_lies_a_week_before_the_report(pipeline, suggester):
    text = "The speech came approximately one week after an attack on oil infrastructure in Saudi Arabia."
    assert dated(pipeline, suggester, text, "2019-09-23") == [("attack", [], "2019-09-16", 2)]


def test_the_anchor_of_two_days_after_is_not_shifted_nor_given_the_clauses_date(pipeline, suggester):
    text = "Protesters marched in Sanaa on Friday, two days after an air strike on a school in Saada."
    assert dated(pipeline, suggester, text, "2019-09-23") == [
        ("marched", ["Friday"], "2019-09-20", 1), ("air strike", [], "2019-09-18", 1)]


def test_another_one_is_another_event_of_that_kind_with_its_own_place_and_dead(pipeline, suggester):
    text = ("On Saturday a gunman shot shoppers at a store in El Paso. The El Paso shooting preceded another one "
            "less than thirteen hours later in Dayton, Ohio, where ten people died.")
    article, events = suggest(pipeline, suggester, text, "2019-08-08")
    assert [(e.type, words(article, e), role(article, e, "Place"), e.fields["fatalities"]) for e in events] == [
        ("VIOLENCE_AGAINST_CIVILIANS", "shot", ["El Paso"], 0),
        ("VIOLENCE_AGAINST_CIVILIANS", "another one", ["Dayton"], 10)]
    assert events[1].fields["time_precision"] == 2 and "another shooting" in events[1].evidence
    article, events = suggest(pipeline, suggester, "The attack was one of many. One of the attackers was arrested.")
    assert [words(article, e) for e in events] == ["attack", "arrested"]


def test_a_date_is_not_carried_across_a_paragraph_by_a_later_mention(pipeline, suggester):
    text = ("Yesterday, the minister was stabbed in Pandeglang.\n\nPolice confirmed that two suspects were arrested. "
            "The attack came two weeks before the inauguration.")
    assert [(w, t, p) for w, t, _, p in dated(pipeline, suggester, text, "2019-10-11")] == [
        ("stabbed", ["Yesterday"], 1), ("arrested", [], 2)]


def test_a_month_told_of_the_event_beats_a_bare_year_of_a_mention_referring_back(pipeline, suggester):
    text = ("Sirhan is serving a life sentence for the 1968 assassination of Robert Kennedy. "
            "Sirhan shot Kennedy in June 1968 in Los Angeles.")
    [(_, time, day, precision)] = dated(pipeline, suggester, text, "2019-09-03")
    assert (time, day, precision) == (["June 1968"], "1968-06-01", 3)


def test_one_of_another_kind_is_no_stand_in_and_the_subjects_date_is_not_the_ones(pipeline, suggester):
    article, events = suggest(pipeline, suggester, "The arrest of the cleric sparked one of the largest protests in "
                                                   "Lahore on Friday.", "2020-08-03")
    assert [words(article, e) for e in events] == ["arrest", "protests"]
    found = dated(pipeline, suggester, "The bombing in Kabul on Monday followed one in Kandahar.", "2020-08-05")
    assert found == [("bombing", ["Monday"], "2020-08-03", 1), ("one", [], "2020-08-03", 2)]
