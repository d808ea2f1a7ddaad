"""Countries as ACLED codes them: name, ISO 3166-1 codes (pycountry) and ACLED's world region.

pycountry gives every ISO country its alpha-2/alpha-3/numeric codes; ``tui/codebooks/data/acled_regions.toml``
gives ACLED's region of each, ACLED's spelling where it differs from pycountry's short name
("Syria", not "Syrian Arab Republic"), the few countries ACLED codes that ISO lacks (Kosovo), and
other names writers use ("UK", "Burma"). Hong Kong and Macau are kept as territories (no region):
ACLED codes them as first-level units of China (see ``PART_OF``).
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

# Territories that ISO lists as countries and ACLED codes as first-level units of one.
PART_OF = {"HK": ("CN", "Hong Kong"), "MO": ("CN", "Macau")}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Country:
    name: str  # ACLED's spelling
    alpha2: str
    alpha3: str
    numeric: int  # ISO 3166-1 numeric, ACLED's `iso`
    region: str  # ACLED's region, "" for a territory ACLED codes as part of another country


@functools.lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """A name without case, diacritics, apostrophes, punctuation or a leading 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\u2018\u2019'`\u02bb\u02bf\u02be]", "", text)
    text = _NON_ALNUM.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


@functools.cache
def _table() -> tuple[dict[str, Country], dict[str, str]]:
    """(alpha2 -> Country, name key -> alpha2), built once from pycountry and the regions file."""
    import pycountry

    data = tomllib.loads(resources.files("tui.codebooks").joinpath("data/acled_regions.toml").read_text("utf-8"))
    region_of = {code: region for region, codes in data["regions"].items() for code in codes}
    names = data.get("names", {})
    by_code: dict[str, Country] = {}
    keys: dict[str, str] = {}
    for entry in pycountry.countries:
        code = entry.alpha_2
        name = names.get(code) or getattr(entry, "common_name", None) or entry.name
        by_code[code] = Country(name, code, entry.alpha_3, int(entry.numeric), region_of.get(code, ""))
        for other in (entry.name, getattr(entry, "official_name", ""), getattr(entry, "common_name", "")):
            if other:
                keys.setdefault(name_key(other), code)
    for code, (alpha3, numeric, name) in data.get("extra", {}).items():
        by_code[code] = Country(name, code, alpha3, int(numeric), region_of.get(code, ""))
    for code, country in by_code.items():
        keys[name_key(country.name)] = code  # ACLED's own spelling wins
    for code, aliases in data.get("aliases", {}).items():
        for alias in aliases:
            keys.setdefault(name_key(alias), code)
    return by_code, keys


def all_countries() -> list[Country]:
    """Every country ACLED codes (territories it codes as part of another country left out), by name."""
    return sorted((c for c in _table()[0].values() if c.region), key=lambda c: c.name)


def country(text: str) -> Country | None:
    """The country a name, alias ("UK", "Burma") or ISO alpha-2/alpha-3 code means, or None."""
    if not text or not text.strip():
        return None
    by_code, keys = _table()
    raw = text.strip()
    if len(raw) == 2 and raw.isupper() and raw in by_code:
        return by_code[raw]
    if len(raw) == 3 and raw.isupper():
        found = next((c for c in by_code.values() if c.alpha3 == raw), None)
        if found:
            return found
    code = keys.get(name_key(raw))
    return by_code[code] if code else None


def acled_country(alpha2: str) -> tuple[Country | None, str]:
    """The country ACLED files a place of ``alpha2`` under, and the admin1 a territory becomes
    ("HK" -> China, "Hong Kong"); for any other code the country itself and ""."""
    by_code = _table()[0]
    parent, admin1 = PART_OF.get(alpha2, (alpha2, ""))
    return by_code.get(parent), admin1


@functools.cache
def mention_pattern() -> re.Pattern:
    """A pattern of every country name and alias longer than three letters, any case (group 1)."""
    by_code, keys = _table()
    names = {c.name for c in by_code.values() if c.region} | {k for k, code in keys.items() if len(k) > 3}
    words = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
