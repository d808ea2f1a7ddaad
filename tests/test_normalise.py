"""Dates and counts as ACLED wants them, from the words a coder selects."""

import pytest

from tui.core.normalise import DateValue, parse_count, parse_date, parse_int

PUBLISHED = "2018-02-08"  # a Thursday: the seed article's date


@pytest.mark.parametrize("words, iso, precision", [
    ("late Wednesday", "2018-02-07", "day"),
    ("early Thursday", "2018-02-08", "day"),  # the article's own weekday is that day, not a week ago
    ("earlier on Wednesday", "2018-02-07", "day"),
    ("last Friday", "2018-02-02", "day"),
    ("yesterday", "2018-02-07", "day"),
    ("February 7, 2018", "2018-02-07", "day"),
    ("8Febr 2018", "2018-02-08", "day"),  # the seed's own rough byline
    ("2018-02-07", "2018-02-07", "day"),
    ("last week", "2018-02-01", "week"),
    ("the weekend", "2018-02-03", "week"),
    ("September 2016", "2016-09-01", "month"),
    ("autumn 2017", "2017-10-01", "month"),
    ("2018-02", "2018-02-01", "month"),
])
def test_dates_resolve_against_the_published_date(words, iso, precision):
    assert parse_date(words, PUBLISHED) == DateValue(iso, precision)


def test_time_precision_codes_follow_acled():
    assert parse_date("late Wednesday", PUBLISHED).time_precision == 1
    assert parse_date("last week", PUBLISHED).time_precision == 2
    assert parse_date("September 2016", PUBLISHED).time_precision == 3


@pytest.mark.parametrize("words", ["", "   ", "nonsense words", "the Coalition", "x" * 200])
def test_words_that_name_no_date_give_none(words):
    assert parse_date(words, PUBLISHED) is None


def test_a_bad_published_date_does_not_raise():
    assert parse_date("2018-02-07", "not a date") == DateValue("2018-02-07", "day")


@pytest.mark.parametrize("phrase, count", [
    ("More than 100 pro-Assad fighters", 100),
    ("100+ Pro-Assad Fighters", 100),
    ("at least 20", 20),
    ("at least five others", 5),
    ("five", 5),
    ("twelve", 12),
    ("twenty-five people", 25),
    ("1,200 people", 1200),
    ("two dozen people", 24),
    ("dozens", 12),
    ("Dozens", 12),
    ("several", 10),
    ("many", 10),
    ("hundreds", 100),
    ("no casualties", 0),
])
def test_casualty_phrases_give_acled_counts(phrase, count):
    assert parse_count(phrase) == count


def test_a_phrase_without_a_number_gives_none():
    assert parse_count("the soldiers") is None
    assert parse_count("") is None


@pytest.mark.parametrize("raw, value", [("12", 12), (" 7 ", 7), ("0", 0), ("1,000", 1000), (5, 5)])
def test_parse_int_accepts_whole_numbers(raw, value):
    assert parse_int(raw) == value


@pytest.mark.parametrize("raw", ["-3", -1, "abc", "2.5", "", True])
def test_parse_int_refuses_negatives_and_non_numbers(raw):
    with pytest.raises(ValueError):
        parse_int(raw)


MONDAY = "2020-08-03"  # an article of a Monday, a week before an election on Sunday 9 August


@pytest.mark.parametrize("words, future, iso", [
    ("Thursday", False, "2020-07-30"),          # a weekday: the last such day on or before publication
    ("Monday", False, "2020-08-03"),            # ... which may be the day itself
    ("August 9", False, "2019-08-09"),          # a month-day with no word looking ahead: behind us
    ("August 9", True, "2020-08-09"),           # the text looks ahead: the nearest, here ahead
    ("coming August 9", False, "2020-08-09"),   # the words themselves look ahead
    ("Friday", True, "2020-08-07"),
    ("December 28", False, "2019-12-28"),
])
def test_dates_take_the_nearest_sensible_year_and_day(words, future, iso):
    assert parse_date(words, MONDAY, future=future).iso == iso


@pytest.mark.parametrize("words", ["around 18:00", "5.30 p.m. local time", "at 4:00 A.M.", "noon",
                                   "roughly a day", "two weeks", "two days later"])
def test_times_of_day_lengths_and_unanchored_later_dates_are_no_date(words):
    assert parse_date(words, MONDAY) is None


@pytest.mark.parametrize("phrase, count", [("a man", 1), ("the police officer", 1), ("an elderly woman", 1),
                                           ("a crowd", None), ("the building", None)])
def test_one_person_named_by_a_singular_noun_counts_one(phrase, count):
    assert parse_count(phrase) == count


def test_a_month_of_this_or_last_year_takes_the_reports_year():
    assert parse_date("September 20 of this year", "2019-12-14") == DateValue("2019-09-20", "day")
    assert parse_date("in January this year", "2019-12-14") == DateValue("2019-01-01", "month")
    assert parse_date("March of last year", "2019-12-14") == DateValue("2018-03-01", "month")
