"""Offline place lookup: a place name -> country, admin1, admin2, coordinates and ACLED's geo_precision.

Countries come from ``countries`` (pycountry with ACLED's names); towns of 1,000+ people and the
admin1 units of every country come from the SQLite index of ``place_index``, built once on first
use (in a child process, ~10 s) and then queried from disk, so the tables never sit in memory;
call ``warm_up()`` from a worker thread to pay the first build early. Names are compared without
case, diacritics, hyphens or apostrophes ("Deir ez-Zor", "Dayr az Zawr" and "deir ez zor" are the
same key). A name several countries share prefers the article's country (``country_hint``) and
says so in ``Place.note``.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache

from . import place_index
from .countries import PART_OF, acled_country, country as find_country, name_key

_SUFFIX = re.compile(
    r"\s+(province|governorate|gov\.?|region|district|state|prefecture|oblast|county|city|town|"
    r"village|area|countryside|municipality)$", re.IGNORECASE,
)
_DIRECTION = re.compile(r"^(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|outskirts of|near|"
                        r"outside|around)\s+", re.IGNORECASE)
_FACILITIES = {"airport", "cathedral", "mosque", "church", "base", "camp", "hospital", "market", "university",
               "stadium", "square", "bridge", "port", "station", "prison", "palace", "hotel", "embassy", "school"}
_ADMIN_SUFFIXES = {"province", "governorate", "gov", "region", "state", "prefecture", "oblast"}
BIG_TOWN = 50_000  # a town this big wins over an admin1 unit of the same name


@dataclass(frozen=True)
class Place:
    """Where a place name points: enough to fill ACLED's location, country, admin columns and coordinates."""

    name: str  # the matched name
    country: str
    country_code: str
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    kind: str = "city"  # "country", "admin1" or "city"
    population: int = 0
    admin2: str = ""
    geo_precision: int = 1  # ACLED: 1 the town, 2 near a town or part of a region, 3 a province or country
    note: str = ""  # what the coder should know: a name shared by several countries
    chosen_by: str = ""  # "article" (the country hint changed the choice), "size" (no hint: the biggest), ""

    def fields(self) -> dict:
        """The event fields this place fills, with ACLED's countries (Hong Kong lies in China)."""
        parent, territory = acled_country(self.country_code)
        country = parent.name if parent is not None and territory else self.country
        admin1, admin2 = (territory, self.admin1) if territory else (self.admin1, self.admin2)
        out = {"location": self.name, "country": country}
        if admin1:
            out["admin1"] = admin1
        if admin2:
            out["admin2"] = admin2
        if self.latitude is not None:
            out["latitude"] = round(self.latitude, 5)
            out["longitude"] = round(self.longitude, 5)
        out["geo_precision"] = self.geo_precision
        return out


def key(name: str) -> str:
    """The comparison key of a place name: no case, diacritics, hyphens, apostrophes or 'the'."""
    return name_key(name)


class _Index:
    """A read-only connection to the place index, shared by threads under a lock."""

    def __init__(self) -> None:
        path = place_index.index_path()
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.lock = threading.Lock()

    def rows(self, sql: str, args: tuple) -> list[tuple]:
        with self.lock:
            return self.db.execute(sql, args).fetchall()


_lock = threading.Lock()
_index: _Index | None = None
_failure = ""  # why the index could not be built: then no place is found, and warm_up() says why


class _NoIndex:
    def rows(self, sql: str, args: tuple) -> list[tuple]:
        return []


def _get_index() -> _Index | _NoIndex:
    global _index, _failure
    with _lock:
        if _index is None and not _failure:
            try:
                _index = _Index()
            except (place_index.PlaceIndexError, OSError, sqlite3.Error) as exc:
                _failure = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        return _index if _index is not None else _NoIndex()


def warm_up() -> str:
    """Build (first run only, ~10 s) and open the place index now, e.g. in a worker thread; returns
    "" or, when it cannot be built, one line saying why (places are then not found)."""
    _get_index()
    return _failure


def admin1_names(country: str | None = None) -> list[str]:
    """The admin1 units of a country (by name or ISO code), or of every country, sorted; for completion.
    China's include Hong Kong and Macau, as ACLED codes them."""
    index = _get_index()
    if not country:
        return sorted({name for (name,) in index.rows("SELECT name FROM admin1", ())} | {t for _, t in PART_OF.values()})
    found = find_country(country)
    if found is None:
        return []
    names = {name for (name,) in index.rows("SELECT name FROM admin1 WHERE cc = ?", (found.alpha2,))}
    names |= {territory for code, (parent, territory) in PART_OF.items() if parent == found.alpha2}
    return sorted(names)


def lookup(name: str, country_hint: str = "") -> Place | None:
    """The place ``name`` most likely means (a country, an admin1 unit or a town), or None.

    ``country_hint`` (a country name or ISO2 code, e.g. the article's country) is preferred when a
    town name exists in several countries; ``Place.note`` then says which others there were. A small
    town of that name found only in other countries is taken for a place of the hinted country the
    index does not hold: None.
    """
    if not name or not name.strip() or len(name) > 120:
        return None
    found = _lookup(name, country_hint)
    head, comma, tail = name.strip().strip(".,;:").rpartition(",")
    if found is None and comma and head.strip() and tail.strip():
        return _lookup_within(head, tail.strip())  # "Norfolk, England": the Norfolk there
    return found


def _lookup(name: str, country_hint: str) -> Place | None:
    index = _get_index()
    stripped = re.sub(r"['\u2019]s?$", "", name.strip().strip(".,;:"))
    raw = _DIRECTION.sub("", stripped)
    partial = raw != stripped  # "eastern Syria", "near Khasham": part of a region, or near a town
    k = key(raw)
    suffix = _SUFFIX.search(raw)
    base = _SUFFIX.sub("", raw).strip() if suffix else raw
    base_key = key(base)
    is_admin = bool(suffix) and suffix.group(1).lower().rstrip(".") in _ADMIN_SUFFIXES
    hint = find_country(country_hint) if country_hint else None
    hint_code = hint.alpha2 if hint else ""

    whole = find_country(raw) or (find_country(base) if is_admin else None)
    if whole is not None and whole.alpha2 not in PART_OF and (not suffix or is_admin):
        return Place(whole.name, whole.name, whole.alpha2, kind="country", geo_precision=3)
    precision = 2 if partial else 1
    if is_admin:
        region = _admin1(index, base_key, hint_code)
        if region is not None:
            return _region_place(region, 2 if partial else 3)
    town = _town(index, base_key, hint_code) or _town(index, re.sub(r"^(al|el|as|ad|ar|ash|an) ", "", base_key),
                                                       hint_code)
    region = None if is_admin else _admin1(index, k, hint_code)
    if region is not None and (town is None or not _namesake(town, region)):
        return _region_place(region, 2 if partial else 3)
    county = _county(hint_code, base_key) if hint_code and (town is None or town[1] != hint_code) else None
    if county is not None:  # "Norfolk" in a report from England: the county there, not the town in Virginia
        return county
    if town is None:
        words = raw.split()  # "Baghdad International Airport", "Jolo Cathedral": the town they are in
        facility = len(words) > 1 and words[-1].lower() in _FACILITIES and words[0][:1].isupper()
        for n in range(len(words) - 1, max(len(words) - 3, 0), -1) if facility else ():
            found = _town(index, key(" ".join(words[:n])), hint_code)
            if found is not None:
                return None if _elsewhere_namesake(found, hint_code) else _town_place(found, precision, hint_code)
        return None
    if _elsewhere_namesake(town, hint_code):
        return None
    return _town_place(town, precision if not is_admin else 3, hint_code, base if is_admin else "")


def _lookup_within(name: str, where: str) -> Place | None:
    """``name`` in the country or first-level unit ``where`` names ("Norfolk, England", "Reading, Berkshire",
    "Kenosha, Wisconsin, United States"): news names a place with its region or country to say which of
    its namesakes it is, so only a place there will do; None when the index holds none there."""
    country = find_country(where)
    region = None if country is not None else _admin1(_get_index(), key(where), "")
    if country is None and region is None:  # "Streatham, London": a town; "Fishmongers' Hall, London Bridge"
        town = lookup(where)
        return lookup(name, town.country_code) if town is not None else None
    code = country.alpha2 if country is not None else region[0]
    found = lookup(name, code)
    if found is None or found.country_code != code and find_country(found.country) != country:
        return None
    return found


# Words ending the name of a second-level unit ("Norfolk County", "Jefferson Parish").
_COUNTY_WORDS = re.compile(r"\s+(?:county|parish|borough|district|division|municipality)$")


@lru_cache(maxsize=64)
def _counties(cc: str) -> dict[str, Place]:
    """The second-level units (counties) of a country by key, each placed at the mean of its towns'
    coordinates, to the region's precision (computed once per country: the index holds no table of them)."""
    towns: dict[str, list[tuple]] = {}
    for admin1, admin2, lat, lon in _get_index().rows(
            "SELECT admin1, admin2, lat, lon FROM places WHERE cc = ? AND admin2 != ''", (cc,)):
        towns.setdefault(admin2, []).append((admin1, lat, lon))
    where = find_country(cc)
    out: dict[str, Place] = {}
    for admin2, rows in towns.items():
        admin1 = max({r[0] for r in rows}, key=lambda a: sum(r[0] == a for r in rows))
        lat, lon = sum(r[1] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows)
        place = Place(admin2, where.name if where else cc, cc, admin1, lat, lon, "admin2", 0, admin2, 2)
        for k in {key(admin2), key(_COUNTY_WORDS.sub("", admin2.lower()))}:
            out.setdefault(k, place)
    return out


def _county(cc: str, k: str) -> Place | None:
    """The second-level unit of country ``cc`` whose name has the key ``k`` ("norfolk"), or None."""
    return _counties(cc).get(k) if k else None


def _elsewhere_namesake(town: tuple, hint: str) -> bool:
    """Whether ``town`` is a small town of another country than the hinted one whose name several
    countries share ("Linwood" in a report from New Zealand: towns of Scotland and the United States, and
    a suburb of Christchurch the index is too small to hold). A name given to places in several countries
    is most likely the one of the country the report is about; a small namesake abroad is no better than
    not knowing the place (a big city's name, "Paris" in a report from Texas, still means the city)."""
    return bool(hint) and town[1] != hint and bool(town[7]) and town[6] < BIG_TOWN


def _namesake(town: tuple, region: tuple) -> bool:
    """Whether a town wins over an admin1 unit of its name: it lies in it (Baghdad, Aden, Minsk) or is big."""
    return (town[1] == region[0] and key(town[2]) == region[2]) or town[6] >= BIG_TOWN


_TOWN_SQL = ("SELECT p.name, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.population, n.main FROM names n "
             "JOIN places p ON p.id = n.place WHERE n.key = ?")


def _town(index, k: str, hint: str) -> tuple | None:
    """The town a key names: in the hinted country if any; its main name first; then the biggest.
    The tuple ends with the other countries that have a town of that name."""
    if len(k) < 3:  # "Al" of "Al Noor Mosque" is no town (Ål, Norway)
        return None
    candidates = index.rows(_TOWN_SQL, (k,))
    if not candidates:
        return None
    pools = ([c for c in candidates if c[1] == hint and c[7]], [c for c in candidates if c[7]],
             [c for c in candidates if c[1] == hint], candidates)  # the name itself beats a spelling
    best = max(next(pool for pool in pools if pool), key=lambda c: (c[7], c[6]))
    others = tuple(sorted({c[1] for c in candidates if c[7]} - {best[1]}))  # towns of that very name
    chosen_by = ""
    if others:
        chosen_by = "size" if not hint else "article" if max(candidates, key=lambda c: (c[7], c[6]))[1] != best[1] else ""
    return (*best[:7], others, chosen_by)


def _admin1(index, k: str, hint: str) -> tuple | None:
    if not k:
        return None
    rows = index.rows("SELECT cc, name, key, lat, lon, population FROM admin1 WHERE key = ?", (k,))
    if not rows:
        return None
    pool = [r for r in rows if r[0] == hint] or rows if hint else rows
    return max(pool, key=lambda r: r[5])


def _region_place(region: tuple, precision: int) -> Place:
    cc, name, _, lat, lon, _ = region
    parent = find_country(cc)
    return Place(name, parent.name if parent else cc, cc, name, lat, lon, "admin1", 0, "", precision)


def _town_place(town: tuple, precision: int, hint: str, admin_name: str = "") -> Place:
    name, cc, admin1, admin2, lat, lon, population, others, chosen_by = town
    where = find_country(cc)
    note = ""
    if others:
        names = ", ".join((find_country(o).name if find_country(o) else o) for o in others[:3])
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        chose = "the article's country" if hint == cc else "the biggest"
        note = f"{name}: also a place in {names}{more}; {where.name if where else cc} chosen ({chose})"
    if admin_name:  # "Deir ez-Zor Province": the province, placed at its namesake town
        return Place(admin_name, where.name if where else cc, cc, admin1 or admin_name, lat, lon, "admin1",
                     population, "", precision, note, chosen_by)
    return Place(name, where.name if where else cc, cc, admin1, lat, lon, "city", population, admin2, precision,
                 note, chosen_by)


def country_of(name: str) -> str:
    """The country name a place name lies in, or "" (a convenience for the suggester and exports)."""
    place = lookup(name)
    return place.country if place else ""
