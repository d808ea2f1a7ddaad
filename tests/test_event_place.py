"""An event's place: location and country set together (in any order) never give a contradictory place,
and the article's country estimate reads the title, the lead and the places it names."""

import pytest

from tui.core import events as ev
from tui.core.article_country import article_country
from tui.core.model import Article
from tui.core.store import Store

TITLE = "Arrests made in theft of gold toilet in England"
TEXT = ("Wednesday, September 18, 2019\n\n"
        "Yesterday, Thames Valley Police said they had arrested a second man in connection with the theft of a "
        "gold toilet. The toilet, an artwork, was stolen on Saturday from Blenheim Palace in Oxfordshire, England.\n\n"
        "Police arrested a 36-year-old Cheltenham man on Tuesday. The toilet, titled America, was valued at "
        "about five million US dollars; the American artist made it in 2016. It had been shown at the "
        "Guggenheim Museum in New York in the United States, where US visitors queued to use it.")


@pytest.fixture
def session(db_path):
    store = Store(db_path)
    store.add_article(Article("gold", TEXT, title=TITLE, published="2019-09-18"))
    s = store.open_session("gold", annotator="tester")
    yield s
    s.close()
    store.close()


def _arrest(session, codebook):
    start = TEXT.index("arrested a 36")
    changes = ev.new_event(session, codebook, "ARREST", start, start + len("arrested"))
    session.commit("new", changes)
    return changes[-1]["id"]


def _save(session, eid, form: dict):
    """As the event form saves: one field after another, in the form's order."""
    for name, value in form.items():
        session.commit(name, ev.set_field(session, eid, name, value))
    return session.events[eid].fields


def _in_england(fields):
    assert fields["country"] == "United Kingdom"
    assert fields.get("admin1") == "England"
    assert fields["latitude"] == pytest.approx(51.9, abs=0.1) and fields["longitude"] == pytest.approx(-2.07, abs=0.1)


def test_location_then_country_in_one_save_looks_the_location_up_in_that_country(session, codebook):
    """The coder's report: Cheltenham + United Kingdom stored admin1 Pennsylvania at 40.06, -75.09."""
    eid = _arrest(session, codebook)
    fields = _save(session, eid, {"country": "United States", "location": "Cheltenham"})
    assert fields["admin1"] == "Pennsylvania"  # Cheltenham, PA: right for the country given
    _in_england(_save(session, eid, {"location": "Cheltenham", "country": "United Kingdom"}))


def test_country_first_then_location_and_either_order_agree(session, codebook):
    eid = _arrest(session, codebook)
    _in_england(_save(session, eid, {"country": "United Kingdom", "location": "Cheltenham"}))
    other = _arrest(session, codebook)
    _in_england(_save(session, other, {"location": "Cheltenham", "country": "United Kingdom"}))


def test_typing_the_location_again_repairs_stale_place_columns(session, codebook):
    eid = _arrest(session, codebook)
    event = session.events[eid]
    event.fields.update({"location": "Cheltenham", "country": "United Kingdom", "admin1": "Pennsylvania",
                         "latitude": 40.06, "longitude": -75.09})  # as the old save order stored it
    changes = ev.set_field(session, eid, "location", "Cheltenham")
    assert changes, "the same location typed again must re-resolve, not say 'nothing changed'"
    session.commit("again", changes)
    _in_england(session.events[eid].fields)


def test_a_location_only_in_another_country_keeps_no_admin1_or_coordinates(session, codebook):
    eid = _arrest(session, codebook)
    fields = _save(session, eid, {"country": "United Kingdom", "location": "El Paso"})
    assert fields["location"] == "El Paso" and fields["country"] == "United Kingdom"
    assert not {"admin1", "latitude", "longitude"} & set(fields), fields
    fields = _save(session, eid, {"location": "Cheltenham"})
    _in_england(fields)


def test_article_country_reads_title_lead_and_places_not_currencies():
    assert article_country(TEXT, TITLE) == "United Kingdom"  # "US dollars" and "American" do not count
    assert article_country("Gunman opens fire at a Walmart in El Paso, Texas, near the border with Mexico, "
                           "killing 20.\n\nThe gunman drove from Allen to El Paso.", "") == "United States"
    assert article_country("A court in Paris jailed two police officers for raping a Canadian tourist.",
                           "Paris court jails two police") == "France"
    assert article_country("Three people were stabbed in Forbury Gardens in Reading on Saturday evening; "
                           "police in Reading said", "Stabbing attack in Reading") == "United Kingdom"
    assert article_country("Officials met to discuss trade and climate policy.", "Leaders meet") == ""
    assert article_country("The deal was worth 5 billion US dollars.", "") == ""  # a currency names no place
    assert article_country("An American-made rifle, sold by a Turkish dealer to British buyers.", "") == ""


def test_a_location_argument_fills_no_place_of_another_country_than_the_coders(session, codebook):
    eid = _arrest(session, codebook)
    _save(session, eid, {"country": "United Kingdom"})
    start = TEXT.index("New York")
    session.commit("p", ev.assign_span(session, codebook, eid, "Place", start, start + len("New York")))
    fields = session.events[eid].fields
    assert fields["country"] == "United Kingdom" and fields["location"] == "New York"
    assert "admin1" not in fields and "latitude" not in fields
