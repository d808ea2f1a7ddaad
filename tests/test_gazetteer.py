"""Offline place lookup: names as news spells them -> country, admin1 and coordinates."""

import pytest

from tui.core.gazetteer import admin1_names, key, lookup


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


@pytest.mark.parametrize("name", ["", "   ", "the Euphrates River", "x" * 300])
def test_unknown_places_give_none(name):
    assert lookup(name) is None


def test_place_fields_fill_an_event():
    fields = lookup("Deir ez-Zor Province").fields()
    assert fields["country"] == "Syria" and fields["admin1"] == "Deir ez-Zor" and "latitude" in fields


def test_key_ignores_case_diacritics_and_hyphens():
    assert key("Al-Ḩasakah") == key("al hasakah") == "al hasakah"


def test_hong_kong_is_coded_in_china_as_acled_does():
    assert lookup("Wan Chai").fields()["country"] == "China"
    fields = lookup("Hong Kong").fields()
    assert (fields["location"], fields["country"], fields["admin1"]) == ("Hong Kong", "China", "Hong Kong")
    assert fields["latitude"] == pytest.approx(22.28, abs=0.05) and fields["longitude"] == pytest.approx(114.17, abs=0.05)


@pytest.mark.parametrize("name, country, admin1, lat, lon", [
    ("Baghdad", "Iraq", "Baghdad", 33.34, 44.40),
    ("Aden", "Yemen", "Aden", 12.78, 45.04),
    ("Minsk", "Belarus", "Minsk", 53.90, 27.57),
    ("Paris", "France", "Ile-de-France", 48.85, 2.35),
    ("Deir ez-Zor", "Syria", "Deir ez-Zor", 35.34, 40.14),
    ("Khasham", "Syria", "Deir ez-Zor", 35.30, 40.29),
    ("Ain Issa", "Syria", "Ar-Raqqah", 36.39, 38.86),
    ("Tell Tamer", "Syria", "Al-Hasakah", 36.66, 40.37),
])
def test_towns_get_admin1_and_coordinates(name, country, admin1, lat, lon):
    place = lookup(name)
    assert (place.country, place.admin1, place.geo_precision) == (country, admin1, 1)
    assert place.latitude == pytest.approx(lat, abs=0.05) and place.longitude == pytest.approx(lon, abs=0.05)


def test_towns_carry_admin2_where_geonames_has_it():
    assert lookup("Paris").admin2 == "Paris"
    assert lookup("Khasham").fields()["admin2"] == "Deir ez-Zor"


def test_ambiguous_name_prefers_the_articles_country_and_says_so():
    mocha = lookup("Mocha", country_hint="Yemen")
    assert mocha.country == "Yemen" and "Ecuador" in mocha.note and "the article's country" in mocha.note
    paris = lookup("Paris", country_hint="United States")
    assert paris.country == "United States" and "France" in paris.note
    assert lookup("Paris").country == "France"  # no hint: the biggest


@pytest.mark.parametrize("name, precision, kind", [
    ("Khasham", 1, "city"), ("near Khasham", 2, "city"), ("outskirts of Aden", 2, "city"),
    ("Deir ez-Zor Province", 3, "admin1"), ("northern Deir ez-Zor Province", 2, "admin1"),
    ("eastern Syria", 3, "country"), ("Syria", 3, "country"),
])
def test_geo_precision_follows_how_the_place_was_resolved(name, precision, kind):
    place = lookup(name)
    assert (place.geo_precision, place.kind) == (precision, kind)
    assert place.fields()["geo_precision"] == precision


def test_admin1_names_for_completion():
    syria = admin1_names("Syria")
    assert "Deir ez-Zor" in syria and "Aleppo" in syria and syria == sorted(syria)
    assert "Baghdad" in admin1_names("Iraq") and "Minsk" in admin1_names("BY")
    assert "Hong Kong" in admin1_names("China")
    assert admin1_names("Narnia") == []
    everywhere = admin1_names()
    assert len(everywhere) > 3000 and "Texas" in everywhere


def test_two_letter_words_are_no_towns():
    assert lookup("Al Noor Mosque") is None  # not Ål in Norway


def test_a_spelling_in_the_hinted_country_does_not_beat_the_name_itself():
    assert lookup("Baghdad", country_hint="Iran").country == "Iraq"


def test_the_articles_country_is_the_one_it_names_most():
    from tui.core.article_country import article_country as main_country

    assert main_country("Protests in Yemen. Later, Yemen's port of Mokha; Saudi Arabia said nothing.") == "Yemen"
    assert main_country("No country here.") == ""
