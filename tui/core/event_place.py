"""An event's place columns (country, admin1, admin2, coordinates, geo precision) kept in step with its
location and country, whatever order the coder sets them in.

The rule: a place column holds the coder's value or what the location's lookup gave; the lookup is made
against the event's country when it has one (else the article's main country), so typing the country
after the location looks the location up again, and a location found only in another country than the
one the coder gave fills no admin1 or coordinates (they would contradict the country).
"""

from __future__ import annotations

from .countries import country as find_country
from .gazetteer import lookup

PLACE_COLUMNS = ("admin1", "admin2", "latitude", "longitude", "geo_precision")


def same_country(a: str, b: str) -> bool:
    """Whether two country names mean one country; a name no table knows ("Iraq (typed)") is not judged."""
    known_a, known_b = find_country(a), find_country(b)
    if known_a is None or known_b is None:
        return True
    return known_a.alpha2 == known_b.alpha2


def _derived(fields: dict, name: str, was: dict) -> bool:
    return fields.get(name) in (None, "") or fields.get(name) == was.get(name)


def place_fields(location: str, country_hint: str) -> dict:
    """What a lookup of ``location`` against ``country_hint`` fills ({} when the gazetteer does not know it)."""
    place = lookup(location, country_hint) if location else None
    return place.fields() if place else {}


def settle_location(fields: dict, previous: str | None, hint: str, again: bool, article_hint: str = "") -> None:
    """After ``fields["location"]`` was set (``previous`` the location before, ``hint`` the country to look
    it up against): fill the place columns that were empty or derived from the previous location.
    ``again`` (the same location typed again) re-resolves them all, so a coder can repair stale ones.
    ``article_hint``, the article's country, is tried first while the event's country only came from the
    previous place (a suggestion's wrong town): the coder typing the place anew corrects that place."""
    location = str(fields.get("location") or "")
    was = place_fields(previous, hint) if isinstance(previous, str) and previous else {}
    country = str(fields.get("country") or "")
    coders_country = bool(country) and country != was.get("country")
    now = {}
    if not coders_country and article_hint and not same_country(article_hint, hint):
        now = place_fields(location, article_hint)
        if now and not same_country(now["country"], article_hint):
            now = {}  # not a place of the article's country: the event's country next
    now = now or place_fields(location, hint)
    if now and coders_country and not same_country(now["country"], country):
        now = {}  # found only in another country: its admin1 and coordinates would contradict the country
    for name in ("country", *PLACE_COLUMNS):
        if name == "country" and coders_country:
            continue
        if (again and name != "country") or _derived(fields, name, was):
            if now.get(name) not in (None, ""):
                fields[name] = now[name]
            else:
                fields.pop(name, None)


def settle_country(fields: dict, previous_country: str, article_country: str) -> None:
    """After the coder set ``fields["country"]``: look the event's location up again against it, and
    replace the place columns the old lookup had filled (or clear them if the location is not there)."""
    location = str(fields.get("location") or "")
    if not location:
        return
    was = place_fields(location, previous_country or article_country)
    now = place_fields(location, str(fields.get("country") or article_country))
    country = str(fields.get("country") or "")
    if now and country and not same_country(now["country"], country):
        now = {}
    for name in PLACE_COLUMNS:
        if _derived(fields, name, was):
            if now.get(name) not in (None, ""):
                fields[name] = now[name]
            else:
                fields.pop(name, None)
