"""Offline place lookup: names as news spells them -> country, admin1 and coordinates."""

import pytest

from tui.core.gazetteer import key, lookup


def test_province_suffix_is_stripped_and_kept_as_admin1():
    place = lookup("Deir ez-Zor Province")
    assert place.country == "Syria" and place.country_code == "SY"
    assert place.admin1 == "Deir ez-Zor" and place.name == "Deir ez-Zor"
    assert place.latitude == pytest.approx(35.34, abs=0.05)
    assert place.longitude == pytest.approx(40.14, abs=0.05)


@pytest.mark.parametrize("name", ["Deir ez-Zor", "Dayr az Zawr", "deir ez zor", "Deir ez-Zor Governorate"])
def test_spellings_and_suffixes_reach_the_same_city(name):
    assert lookup(name).name == "Deir ez-Zor"


@pytest.mark.parametrize("name, country", [
    ("Syria", "Syria"), ("eastern Syria", "Syria"), ("US", "United States"),
    ("the United States", "United States"), ("UK", "United Kingdom"), ("Iraq", "Iraq"),
])
def test_countries(name, country):
    place = lookup(name)
    assert place.kind == "country" and place.country == country
    assert place.latitude is None  # no one point stands for a whole country


@pytest.mark.parametrize("name, country", [
    ("Baghdad", "Iraq"), ("Mokha", "Yemen"), ("Jolo", "Philippines"), ("Abqaiq", "Saudi Arabia"),
    ("Belgrade", "Serbia"), ("London", "United Kingdom"), ("Kabul", "Afghanistan"), ("Mosul", "Iraq"),
])
def test_cities(name, country):
    place = lookup(name)
    assert place.kind == "city" and place.country == country


def test_a_country_hint_chooses_between_cities_of_one_name():
    assert lookup("London").country_code == "GB"
    assert lookup("London", country_hint="Canada").country_code == "CA"


def test_us_states_have_admin1():
    assert lookup("Texas").admin1 == "Texas"


@pytest.mark.parametrize("name", ["", "   ", "Khasham", "the Euphrates River", "x" * 300])
def test_unknown_places_give_none(name):
    assert lookup(name) is None


def test_place_fields_fill_an_event():
    fields = lookup("Deir ez-Zor Province").fields()
    assert fields["country"] == "Syria" and fields["admin1"] == "Deir ez-Zor" and "latitude" in fields


def test_key_ignores_case_diacritics_and_hyphens():
    assert key("Al-Ḩasakah") == key("al hasakah") == "al hasakah"


def test_hong_kong_is_coded_in_china_as_acled_does():
    assert lookup("Wan Chai").fields()["country"] == "China"
    assert lookup("Hong Kong").fields() == {"location": "Hong Kong", "country": "China", "admin1": "Hong Kong"}
