"""The country an article reports from: the hint that settles a town name several countries share.

News names where a story happened in its title, its dateline and its first paragraph, mostly after a
locative preposition ("in Cheltenham", "at a Walmart in El Paso, Texas"); elsewhere it names other
countries as actors, nationalities and currencies ("US dollars", "a Canadian tourist"). So the estimate
scores each country by the mentions of its name *and of its places* (a town, a state, England -> the
United Kingdom, through the gazetteer), weighting the title, the lead and locative mentions, leaves
out currency uses, and gives no country when the best score is weak or barely ahead of the next.
"""

from __future__ import annotations

import functools
import re

from .countries import country as find_country
from .countries import acled_country, mention_pattern
from .gazetteer import BIG_TOWN, lookup

_LOCATIVE = r"(?:in|at|near|outside|from|across|throughout|to|into|of)"
# A capitalised name of up to four words ("El Paso", "South London", "Rio de Janeiro") after a locative word.
_NAME = r"([A-Z][\w'\u2019.-]*(?:\s+(?:(?:de|del|da|el|al|upon)\s+)?[A-Z][\w'\u2019.-]*){0,3})"
# After a locative word, or opening a headline ("Paris court jails ..."); "El Paso, Texas": both names.
_PLACE_AFTER = re.compile(r"(?:\b" + _LOCATIVE + r"\s+(?:the\s+)?|^)" + _NAME + r"(?:,\s+" + _NAME + ")?")
_CURRENCY = re.compile(r"^\s*(?:dollars?|\$|pounds?|euros?|yuan|rupees?|currency)\b", re.IGNORECASE)
_LEAD_CHARS = 600  # the most of a first paragraph that counts as the lead
TITLE_WEIGHT, LEAD_WEIGHT, LOCATIVE_WEIGHT = 3.0, 2.0, 2.0
MIN_SCORE = 4.0  # a country named once in passing, not after a locative word, is no estimate
MIN_LEAD = 1.5  # the best must outscore the next by half again


def _place_country(name: str) -> str:
    """The country a place name means (a country, an admin1 unit, a big town), or ""."""
    for words in (name, " ".join(name.split()[:-1])):  # "Cheltenham Police": the town it names
        if not words:
            continue
        place = lookup(words)
        if place is None:
            continue
        if place.kind in ("country", "admin1") or place.population >= BIG_TOWN:
            named = acled_country(place.country_code)[0]  # Hong Kong: China
            return named.name if named is not None and named.region else ""
        return ""
    return ""


def _score(text: str, weight: float, scores: dict[str, float]) -> None:
    """Add the weighted mentions of ``text``: a name after a locative word counts double, and a place
    counts only there; a name used for a currency ("US dollars") not at all."""
    seen: set[tuple[int, int]] = set()
    for found in _PLACE_AFTER.finditer(text):
        for group in (1, 2):
            name = (found.group(group) or "").rstrip(".'\u2019")
            if not name or _CURRENCY.match(text, found.end(group)):
                continue
            where = _place_country(name)
            if where:
                scores[where] = scores.get(where, 0.0) + weight * LOCATIVE_WEIGHT
                seen.add((found.start(group), found.end(group)))
    for found in mention_pattern().finditer(text):
        if not found.group(1)[:1].isupper() or _CURRENCY.match(text, found.end()):
            continue
        if any(start <= found.start() < end for start, end in seen):
            continue
        named = find_country(found.group(1))
        named = acled_country(named.alpha2)[0] if named is not None else None
        if named is not None and named.region:  # only country names: a bare town name is too often a word
            scores[named.name] = scores.get(named.name, 0.0) + weight


def _lead_end(text: str) -> int:
    """Where the dateline and first paragraph end: the first paragraph of a sentence's length (a date
    line above it is skipped), at most ``_LEAD_CHARS``."""
    offset = 0
    for paragraph in text.split("\n\n"):
        offset += len(paragraph) + 2
        if len(paragraph.strip()) >= 80:
            break
    return min(offset, len(text), _LEAD_CHARS)


@functools.lru_cache(maxsize=64)
def article_country(text: str, title: str = "") -> str:
    """The country the article reports from, as ACLED spells it; "" when the estimate is weak."""
    scores: dict[str, float] = {}
    if title:
        _score(title, TITLE_WEIGHT, scores)
    lead = _lead_end(text)
    _score(text[:lead], LEAD_WEIGHT, scores)
    _score(text[lead:], 1.0, scores)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < MIN_SCORE:
        return ""
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return ""
    return ranked[0][0]
