"""A place named with its country or region ("Norfolk, England", "Kenosha, Wisconsin") is looked up there,
and a county of the report's country wins over a namesake town abroad ("Norfolk" in a report from
England is the county, not the city in Virginia). Real gazetteer, real pinned model, sentences written
for the test."""

import pytest

from tui.core.event_place import settle_location
from tui.core.gazetteer import lookup
from tests.test_suggest_places import suggest, suggester  # noqa: F401 (suggester is a fixture)


@pytest.mark.parametrize("name, country, admin1", [
    ("Norfolk, England", "United Kingdom", "England"),
    ("Norfolk, Virginia", "United States", "Virginia"),
    ("Reading, England", "United Kingdom", "England"),
    ("Kenosha, Wisconsin, United States", "United States", "Wisconsin"),
    ("Bonn, Germany", "Germany", "North Rhine-Westphalia"),
])
def test_a_place_named_with_its_country_or_region_is_looked_up_there(name, country, admin1):
    place = lookup(name)
    assert (place.name, place.country, place.admin1) == (name.split(",")[0], country, admin1)


def test_a_county_of_the_reports_country_beats_a_big_town_abroad():
    county = lookup("Norfolk", "United Kingdom")
    assert (county.country, county.admin1, county.admin2, county.kind) == ("United Kingdom", "England", "Norfolk", "admin2")
    assert county.geo_precision == 2 and 52 < county.latitude < 53.2  # amid its towns, not a point in one
    assert lookup("Norfolk").country == "United States"  # no report's country: the big city, as before
    assert lookup("Paris", "United States").admin1 == "Texas"  # a town of the report's country, as before
    assert lookup("Paris", "United Kingdom").country == "France"  # no English Paris: the city still
    assert lookup("Smallville, England") is None  # not there: not a namesake elsewhere either
    assert lookup("Washington, D.C.").name == "Washington, D.C."  # a name with a comma of its own stays


def test_the_coder_typing_a_place_with_its_country_gets_that_place():
    fields = {"location": "Norfolk, England"}
    settle_location(fields, None, "United States", again=False)
    assert (fields["country"], fields["admin1"], fields["admin2"]) == ("United Kingdom", "England", "Norfolk")


def test_a_suggested_event_in_a_place_named_with_its_country(pipeline, suggester):
    text = ("A Texas man was arrested in Norfolk, England, on Sunday after a man was stabbed in a pub. "
            "His family in Dallas, Texas, said the Texas man was innocent.")
    article, events = suggest(pipeline, suggester, text, "2020-09-30", title="Texas man held")
    arrest = next(e for e in events if e.type == "ARREST")
    assert (arrest.fields["location"], arrest.fields["country"], arrest.fields["admin2"]) == \
        ("Norfolk", "United Kingdom", "Norfolk")
    text = ("A police officer was shot dead in Croydon, London, on Friday. "
            "A man suspected of supplying the gun was arrested in Norfolk on Sunday.")
    article, events = suggest(pipeline, suggester, text, "2020-09-30", title="Officer shot in London")
    arrest = next(e for e in events if e.type == "ARREST")
    assert (arrest.fields["country"], arrest.fields["admin1"]) == ("United Kingdom", "England")


def test_a_killing_told_as_a_result_happened_where_its_act_did(pipeline, suggester):
    text = ("Gunmen attacked a police post in Quetta on Monday, killing four officers. "
            "A suicide bomber struck a market in Peshawar, killing 40 people.")
    article, events = suggest(pipeline, suggester, text, "2020-02-05")
    assert [(e.fields["location"], e.fields["fatalities"]) for e in events] == [("Quetta", 4), ("Peshawar", 40)]
