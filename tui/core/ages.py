"""Ages are no dates: "between the ages of 14 and 18", "aged 14 and 18", "two boys, 14 and 18".

The pinned model tags such phrases DATE, and a date parser reads "14 and 18" as 14 February 2018. A
news date names a month, a weekday, a year or a word counting from the report ("yesterday"); a bare
day number never stands alone ("on the 18th" is an ordinal). So words of age, and small numbers with
nothing else, name no date: neither a suggested DATE entity nor an event's Time.
"""

from __future__ import annotations

import re

_AGE_WORDS = re.compile(r"\b(?:ages?|aged|years?[\s-]+old|year-olds?)\b", re.IGNORECASE)
_BARE_NUMBERS = re.compile(r"(?:between\s+|the\s+)?\d{1,2}(?:\s*(?:,|and|to|or|-|\u2013|&)\s*\d{1,2})*"
                           r"(?:\s*(?:,|and|to|or|-|\u2013|&))?", re.IGNORECASE)


def is_age(words: str) -> bool:
    """Whether date words are an age or bare small numbers ("the ages of 14", "14 and 18", "18"), which
    name no date."""
    words = " ".join(words.split())
    return bool(_AGE_WORDS.search(words) or _BARE_NUMBERS.fullmatch(words))
