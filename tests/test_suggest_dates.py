"""An event's date comes from its own clause (real pinned model, sentences written for the test): never
from a later court appearance or release, an arrest after it, or a clause about something else; the
day it was reported only when nothing dates it; a date long before the report makes it background."""

import pytest

from tests.test_suggest_rules import role, suggester, words  # noqa: F401 (suggester is a fixture)
from tests.test_suggest_rules import suggest


def dated(pipeline, suggester, text, published):
    article, events = suggest(pipeline, suggester, text, published)
    return [(e.type, words(article, e), e.fields.get("event_date"), e.modality) for e in events]


def test_a_court_appearance_or_a_release_does_not_date_the_attack(pipeline, suggester):
    text = "A man appeared in court yesterday over the shooting that killed 50 people at a mosque on Friday."
    assert dated(pipeline, suggester, text, "2019-03-17") == [("VIOLENCE_AGAINST_CIVILIANS", "shooting", "2019-03-15", "")]
    text = "The suspect in a shooting of protesters in Kenosha was released from jail on Friday."
    [(kind, trigger, day, _)] = dated(pipeline, suggester, text, "2020-11-22")
    assert (trigger, day) == ("shooting", "2020-11-22")  # no date of its own: the report's week, not Friday


def test_an_arrest_after_the_attack_keeps_its_own_day(pipeline, suggester):
    text = "Police arrested a man on Monday after the bombing of a bus in Lyon on Saturday."
    found = {trigger: day for _, trigger, day, _ in dated(pipeline, suggester, text, "2019-05-28")}
    assert found == {"arrested": "2019-05-27", "bombing": "2019-05-25"}


def test_a_later_clause_with_its_own_subject_gives_no_date(pipeline, suggester):
    text = "On Saturday, a gunman shot shoppers at a store in El Paso, with the death toll rising to 22 on Monday."
    assert dated(pipeline, suggester, text, "2019-08-08")[0][2] == "2019-08-03"
    text = "Police responded to a shooting at a party on Saturday. As of Sunday, all four are stable, and no deaths came from the shooting."
    assert [d for _, _, d, _ in dated(pipeline, suggester, text, "2019-07-23")] == ["2019-07-20"]


def test_the_day_it_was_reported_dates_it_only_when_nothing_else_does(pipeline, suggester):
    text = "It was reported on Saturday that an inmate was stabbed in a prison in San Diego."
    assert dated(pipeline, suggester, text, "2019-09-03")[0][2] == "2019-08-31"
    text = "Police said on Monday that a bomb exploded in Kabul on Saturday."
    assert dated(pipeline, suggester, text, "2019-09-03")[0][2] == "2019-08-31"


def test_a_dateline_run_into_the_first_sentence_still_dates_it(pipeline, suggester):
    text = "Tuesday, July 23, 2019\xa0\n\nEarly Saturday morning, police responded to reports of a shooting at a party in Clairton."
    assert dated(pipeline, suggester, text, "2019-07-23")[0][2] == "2019-07-20"


def test_a_quotation_keeps_a_date_it_spells_out(pipeline, suggester):
    text = 'The prison said: "There was an assault on an inmate on Friday, August 30 at 2:21 p.m."'
    assert dated(pipeline, suggester, text, "2019-09-03")[0][2] == "2019-08-30"


@pytest.mark.parametrize("text", [
    "Thunberg began her climate protest outside the Swedish parliament on August 20, 2018.",
    "The army moved on November 15, 2017, having first placed the president under house arrest.",
])
def test_a_date_long_before_the_report_is_background(pipeline, suggester, text):
    assert [m for *_, m in dated(pipeline, suggester, text, "2019-12-14")] == ["background"]


def test_a_month_of_this_year_is_in_the_reports_year(pipeline, suggester):
    text = "Thunberg led the largest climate demonstration ever held, on September 20 of this year."
    assert dated(pipeline, suggester, text, "2019-12-14") == [("PROTEST", "demonstration", "2019-09-20", "")]


def test_armed_sides_clash_in_a_battle_a_crowd_in_a_riot(pipeline, suggester):
    assert dated(pipeline, suggester, "Soldiers clashed with gunmen near Goma on Monday.", "2019-12-14")[0][0] == "BATTLE"
    assert dated(pipeline, suggester, "Rebels clashed with the army in Goma.", "2019-12-14")[0][0] == "BATTLE"
    assert dated(pipeline, suggester, "Protesters clashed with police in Goma.", "2019-12-14")[0][0] == "RIOT"


def test_what_someone_began_to_do_happened(pipeline, suggester):
    text = "On Sunday a man grabbed a knife, ran outside and began to stab people in Streatham."
    assert dated(pipeline, suggester, text, "2020-02-05") == [("VIOLENCE_AGAINST_CIVILIANS", "stab", "2020-02-02", "")]


def test_a_date_put_first_dates_every_clause_and_since_dates_none(pipeline, suggester):
    text = "On Friday, thousands of protesters wearing masks and helmets gathered around the police headquarters in Hong Kong."
    assert dated(pipeline, suggester, text, "2019-06-23")[0][2] == "2019-06-21"
    text = "Friday night was the fourth night in a row that Serbians protested in Belgrade."
    assert dated(pipeline, suggester, text, "2020-07-12")[0][2] == "2020-07-10"
    text = "In 2006, the oil plant was the target of a suicide attack."
    assert dated(pipeline, suggester, text, "2019-09-15")[0][2:] == ("2006-01-01", "background")
