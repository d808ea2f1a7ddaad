"""Turns the words of an argument into typed ACLED values: event dates with a precision, and counts.

Coders select text ("late Wednesday", "More than 100 pro-Assad fighters"); ACLED wants a date and an
integer. Dates are resolved against the article's published date with dateparser (settings built
once; its first call costs ~0.1 s, later ones well under a millisecond). Counts follow ACLED's
conservative conventions for vague words: "dozens" 12, "several"/"many" 10, "hundreds" 100.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

PRECISIONS = ("day", "week", "month")
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}  # ACLED's time_precision codes


@dataclass(frozen=True)
class DateValue:
    """A resolved event date: ISO ``YYYY-MM-DD`` and how precisely the text pins it down."""

    iso: str
    precision: str  # one of PRECISIONS

    @property
    def time_precision(self) -> int:
        return TIME_PRECISION[self.precision]


# -- dates ------------------------------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_FILLER = re.compile(
    r"\b(?:late|early|earlier|later|mid|on|in|at|during|the|of|since|by|around|about|until|overnight|"
    r"morning|afternoon|evening|night|day)\b", re.IGNORECASE,
)
_GLUED = re.compile(r"(?<=\d)(?=[A-Za-z])|(?<=[A-Za-z])(?=\d)")
_MONTHISH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?", re.IGNORECASE)
_SEASON = re.compile(r"\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^\s*(?:in\s+)?(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^(?:(last|this|past)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)$",
                      re.IGNORECASE)
_WEEKISH = re.compile(r"\b(week|weekend)\b", re.IGNORECASE)
# A time of day alone ("around 18:00", "5.30 p.m. local time") does not say which day.
_CLOCK_ONLY = re.compile(
    r"^\s*(?:(?:at|around|about|approximately|roughly|shortly|just|before|after|by|until|since)\s+)*"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|hrs|h|o'clock)?|noon|midnight)"
    r"\s*(?:local time|gmt|utc|\(\d{4}\s*utc\))?\s*$", re.IGNORECASE)
# A length of time ("roughly a day", "two weeks") is no date unless a word anchors it ("two days ago").
_DURATION = re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", re.IGNORECASE)
_ANCHOR = re.compile(r"\b(?:ago|last|this|next|earlier|later|previous|past|same|following|before|after|"
                     r"coming|since|end|start|beginning|weekend|\d{4})\b", re.IGNORECASE)
_FUTURE_WORDS = re.compile(r"\b(?:next|coming|upcoming|forthcoming)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|tonight|tomorrow|last|this|past)\b", re.IGNORECASE)
_YEAR_WORDS = re.compile(r",?\s*\b(?:of\s+)?(this|last|next)\s+year\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(r"^\s*(?:[a-z]+\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                         r"(?:\s+\d{4})?\s*$", re.IGNORECASE)


def _base(published: str | date | datetime | None) -> datetime | None:
    if isinstance(published, datetime):
        return published
    if isinstance(published, date):
        return datetime(published.year, published.month, published.day)
    if published:
        try:
            return datetime.fromisoformat(str(published)[:10])
        except ValueError:
            return None
    return None


@lru_cache(maxsize=64)
def _parser(base: datetime | None):
    """One DateDataParser per base date: building settings per call is what makes dateparser slow."""
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": [],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _clean(text: str) -> str:
    text = re.sub(r"\b(?:this\s+)?(?:coming|upcoming|forthcoming)\b", " ", text, flags=re.IGNORECASE)
    text = text.replace("\u2013", " ").replace("\u2014", " ").replace(",", " , ")
    text = _GLUED.sub(" ", text)  # "8Febr 2018" -> "8 Febr 2018"
    text = _MONTHISH.sub(lambda m: m.group(1)[:3], text)  # "Febr" -> "Feb"
    return re.sub(r"\s+", " ", text).strip(" ,.")


def parse_date(text: str, published: str | date | datetime | None = None, future: bool = False) -> DateValue | None:
    """The date that ``text`` names, resolved against ``published``; None when it names none.

    News reports the past: a weekday is the last such day on or before publication, a month and day
    without a year the last such date before it. ``future`` (or "next", "coming" in the words) says
    the text looks ahead ("the coming August 9 election"): then the nearest such date, either side.
    A time of day alone or a length of time ("roughly a day") is no date: None.
    """
    if not text or not text.strip() or len(text) > 80:
        return None
    if _CLOCK_ONLY.match(text) or (_DURATION.search(text) and not _ANCHOR.search(text)):
        return None
    # Without a published date dateparser reads relative words against today: today is in the key.
    return _parse_once(text, published, future, date.today() if not published else None)


def event_date(text: str, published: str | date | datetime | None) -> DateValue | None:
    """The date an event's Time words give it: ``parse_date``, except that an undated article gives
    "Monday" or "yesterday" nothing to count back from (not today: that date would look right and be
    wrong); a date with its year ("3 June 2024") still stands."""
    if not published and not re.search(r"\b\d{4}\b", text or ""):
        return None
    return parse_date(text, published)


# Any date will do to tell words that count from the article's date ("last Tuesday") from words that
# name no date at all ("roughly a day").
SOME_DAY = "2000-06-15"


def undated_relative(text: str, published: str | date | datetime | None) -> bool:
    """Whether date words count from the article's date ("last Tuesday", "yesterday") that an undated
    article lacks: ``event_date`` gives them nothing, where today would give a wrong date."""
    return not published and event_date(text, published) is None and parse_date(text, SOME_DAY) is not None


@lru_cache(maxsize=8192)
def _parse_once(text: str, published, future: bool, today: date | None) -> DateValue | None:
    """``parse_date`` once per (words, published date): a corpus names the same dates again and again,
    and dateparser takes milliseconds for each."""
    return _parse_date(text, _base(published), future or bool(_FUTURE_WORDS.search(text)))


def _parse_date(text: str, base: datetime | None, future: bool) -> DateValue | None:
    text = _year_named(text, base)
    iso = _ISO.match(text)
    if iso:
        y, m, d = iso.group(1), iso.group(2), iso.group(3)
        try:
            return DateValue(date(int(y), int(m), int(d or 1)).isoformat(), "day" if d else "month")
        except ValueError:
            return None
    cleaned = _clean(text)
    season = _SEASON.search(cleaned)
    if season:
        return DateValue(date(int(season.group(2)), _SEASONS[season.group(1).lower()], 1).isoformat(), "month")
    year = _YEAR_ONLY.match(cleaned)
    if year:
        return DateValue(f"{year.group(1)}-01-01", "month")  # ACLED has nothing coarser than a month
    stripped = re.sub(r"\s+", " ", _FILLER.sub(" ", cleaned)).strip(" ,.")
    weekday = _WEEKDAY.match(stripped)
    if weekday and base is not None:
        if future and weekday.group(1) is None and weekday.group(2).lower() != "weekend":
            ahead = (_WEEKDAYS.index(weekday.group(2).lower()) - base.weekday()) % 7
            return DateValue((base + timedelta(days=ahead)).date().isoformat(), "day")
        return _weekday(weekday.group(2).lower(), base)
    parser = _parser(base)
    for candidate in (cleaned, _FILLER.sub(" ", cleaned)):
        candidate = re.sub(r"\s+", " ", candidate).strip(" ,.")
        if not candidate:
            continue
        try:
            data = parser.get_date_data(candidate)
        except (ValueError, OverflowError, TypeError):  # dateparser raises on odd input
            continue
        if data.date_obj is None:
            continue
        period = data.period or "day"
        if period in ("month", "year") or _MONTH_ONLY.match(candidate):
            precision = "month"
        elif period == "week" or _WEEKISH.search(candidate):
            precision = "week"
        else:
            precision = "day"
        day = data.date_obj.date()
        if precision == "month":
            day = day.replace(day=1)
        no_year = not re.search(r"\b\d{4}\b", text)
        if future and base is not None and no_year and not _RELATIVE.search(text):
            day = _nearest_year(day, base.date())
        elif not future and base is not None and no_year and day > base.date():
            return None  # "two days later": later than what, the text says elsewhere
        return DateValue(day.isoformat(), precision)
    return None


def _year_named(text: str, base: datetime | None) -> str:
    """A month "of this year" or "last year" is in the year the article's date says ("September 20 of
    this year" in a report of 14 December 2019 -> "September 20 2019")."""
    found = _YEAR_WORDS.search(text)
    if base is None or found is None or not _MONTHISH.search(text[:found.start()]):
        return text
    year = base.year + {"this": 0, "last": -1, "next": 1}[found.group(1).lower()]
    return f"{text[:found.start()]} {year}{text[found.end():]}"


def _nearest_year(day: date, base: date) -> date:
    """The same month and day in the year that puts it nearest ``base`` (29 February kept in range)."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - base).days)) if options else day


def _weekday(name: str, base: datetime) -> DateValue:
    """A weekday named in an article means the latest such day on or before its date (news past)."""
    if name == "weekend":
        back = (base.weekday() - 5) % 7
        return DateValue((base - timedelta(days=back)).date().isoformat(), "week")
    back = (base.weekday() - _WEEKDAYS.index(name)) % 7
    return DateValue((base - timedelta(days=back)).date().isoformat(), "day")


def warm_up() -> None:
    """Pay dateparser's one-off start-up cost now (call it from a worker thread)."""
    parse_date("Wednesday", "2018-02-08")


# -- numbers ----------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# ACLED's conventions for vague counts (conservative); "scores" and "a few" are our own reading.
VAGUE = {
    "dozens": 12, "dozen": 12, "several": 10, "many": 10, "numerous": 10, "scores": 20,
    "hundreds": 100, "thousands": 1000, "few": 3, "multiple": 10, "some": 10,
}
_NO_DEATHS = re.compile(r"\b(no|zero)\s+(casualties|deaths|fatalities|injuries|one|people)\b", re.IGNORECASE)
_DIGITS = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\+)?(?![\d])")
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
# One person named by a singular noun ("a man", "the police officer", "an elderly woman"): a count of 1.
_ONE_PERSON = re.compile(
    r"^\s*(?:he|him|she|her|(?:a|an|one|the|another)\s+(?:[\w-]+\s+){0,2}(?:man|woman|boy|girl|child|person|officer|policeman|"
    r"policewoman|soldier|civilian|student|teacher|journalist|worker|driver|guard|resident|villager|farmer|"
    r"protester|demonstrator|suspect|teenager|baby|gunman|attacker|militant|fighter|priest|imam|doctor|nurse|"
    r"pedestrian|passer-by|bystander|victim|sergeant|constable|inspector|detective|commander|officer|minister|"
    r"mayor|governor|president|leader|chief|official|politician|activist|lawyer|judge|prisoner|inmate|detainee|"
    r"general|colonel|major|captain|lieutenant|"
    r"reporter|photographer|cameraman|pilot|monk|pastor|cleric|father|mother|son|daughter|husband|wife))\s*$",
    re.IGNORECASE)


def _words_number(words: list[str]) -> int | None:
    """The first spelled-out number in ``words`` ("twenty-five", "two hundred"), else None."""
    total = current = 0
    seen = False
    for word in words:
        w = word.lower()
        if w in ("a", "an") and not seen:
            # "a dozen", "a hundred": only a number when a scale word follows
            continue
        if w in _UNITS and w not in ("a", "an", "no", "none"):
            current += _UNITS[w]
            seen = True
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            total += current
            current = 0
            seen = True
        elif w == "dozen":
            current = max(current, 1) * 12
            seen = True
        elif w == "and" and seen:
            continue
        elif seen:
            break
    return total + current if seen else None


def parse_count(text: str) -> int | None:
    """A count from a casualty phrase: "More than 100 pro-Assad fighters" -> 100, "dozens" -> 12.

    Qualifiers ("more than", "at least", "over", "up to") are dropped, keeping ACLED's lower bound.
    None when the phrase holds no number.
    """
    if not text:
        return None
    if _NO_DEATHS.search(text):
        return 0
    digits = _DIGITS.search(text)
    words = _WORD.findall(text.replace("-", " "))
    spelled = _words_number(words)
    if digits:
        value = int(digits.group(1).replace(",", ""))
        follow = _WORD.findall(text[digits.end():].replace("-", " "))[:1]
        if follow and follow[0].lower() in _SCALES:
            value *= _SCALES[follow[0].lower()]
        return value
    if spelled is not None:
        return spelled
    for word in words:
        if word.lower() in VAGUE:
            return VAGUE[word.lower()]
    if _ONE_PERSON.match(text):
        return 1
    return None


def parse_int(text: str | int) -> int:
    """A typed whole number of 0 or more, for fields like fatalities; raises ValueError otherwise."""
    if isinstance(text, bool):
        raise ValueError("expected a whole number")
    if isinstance(text, int):
        value = text
    else:
        raw = str(text).strip().replace(",", "").replace("_", "")
        if not re.fullmatch(r"[+-]?\d+", raw):
            raise ValueError(f"{str(text).strip()!r} is not a whole number")
        value = int(raw)
    if value < 0:
        raise ValueError(f"{value} is negative; a count must be 0 or more")
    return value
