"""ACLED-complete rows: the seed's two events give ACLED's derived columns, the CSV reads back with
ACLED's own column names and types, and hand-made events get the same derived fields."""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "golden"))
from seed import build_seed  # noqa: E402

from tui.core import events as ev  # noqa: E402
from tui.core.acled_fields import interaction, short_note, source_of, trigger_sentence  # noqa: E402
from tui.core.formats import export_project  # noqa: E402
from tui.core.store import Store  # noqa: E402

# ACLED's export (2023 columns) in its order, with the type of each column's values.
ACLED_TYPES = {
    "event_id_cnty": str, "event_date": date.fromisoformat, "year": int, "time_precision": int,
    "disorder_type": str, "event_type": str, "sub_event_type": str, "actor1": str, "assoc_actor_1": str,
    "inter1": int, "actor2": str, "assoc_actor_2": str, "inter2": int, "interaction": int,
    "civilian_targeting": str, "iso": int, "region": str, "country": str, "admin1": str, "admin2": str,
    "admin3": str, "location": str, "latitude": float, "longitude": float, "geo_precision": int,
    "source": str, "source_scale": str, "notes": str, "fatalities": int, "tags": str, "timestamp": int,
}
NEVER_EMPTY = ("event_id_cnty", "event_date", "year", "disorder_type", "event_type", "sub_event_type", "actor1",
               "inter1", "interaction", "iso", "region", "country", "source", "notes", "fatalities", "timestamp")


@pytest.fixture(scope="module")
def seed_rows(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    store = build_seed(folder / "project.json")
    try:
        export_project(store, "acled", folder / "first.csv")
        export_project(store, "acled", folder / "second.csv")
    finally:
        store.close()
    with open(folder / "first.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert (folder / "first.csv").read_bytes() == (folder / "second.csv").read_bytes()
    return rows


def test_seed_events_get_acled_derived_columns(seed_rows):
    battle, strikes = seed_rows
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == ("1", "2", "12")  # state v rebels
    assert battle["actor2"] == "SDF: Syrian Democratic Forces"
    assert (strikes["inter1"], strikes["inter2"], strikes["interaction"]) == ("8", "1", "18")  # coalition v state
    assert strikes["actor1"] == "Global Coalition Against Daesh"
    for row in seed_rows:
        assert (row["iso"], row["region"], row["country"]) == ("760", "Middle East", "Syria")
        assert row["event_id_cnty"].startswith("SYR") and row["event_id_cnty"][3:].isdigit()
        assert row["disorder_type"] == "Political violence" and row["civilian_targeting"] == ""
        assert row["source"] == "MESOP; EA WorldView" and row["source_scale"] == "New media"
    assert battle["event_id_cnty"] != strikes["event_id_cnty"]
    assert battle["admin1"] == "Deir ez-Zor" and battle["geo_precision"] == "3"  # "eastern Syria": the province
    assert float(battle["latitude"]) == pytest.approx(35.34, abs=0.05)  # the province's point
    assert strikes["fatalities"] == "0"  # ACLED codes 0, not blank
    assert strikes["notes"].startswith("However, US Central Command confirmed aerial operations")
    assert strikes["notes"].endswith("mission.\u201d")  # the trigger's whole sentence


def test_acled_csv_reads_with_acleds_column_names_and_types(seed_rows):
    assert list(seed_rows[0])[:len(ACLED_TYPES)] == list(ACLED_TYPES)
    assert all(name.startswith("app_") for name in list(seed_rows[0])[len(ACLED_TYPES):])
    for row in seed_rows:
        for column, kind in ACLED_TYPES.items():
            if row[column] != "":
                kind(row[column])  # raises if a value is not of ACLED's type
        assert [c for c in NEVER_EMPTY if row[c] == ""] == []
        assert 1 <= int(row["inter1"]) <= 8 and int(row["geo_precision"] or 1) in (1, 2, 3)
        assert row["year"] == row["event_date"][:4]


@pytest.fixture
def session(seed_db):
    store = Store(seed_db)
    session = store.open_session(store.article_ids()[0], "tester")
    yield session
    session.close()
    store.close()


def _span(session, words, after=0):
    start = session.article.text.index(words, after)
    return start, start + len(words)


def _row(session, codebook, eid):
    from tui.core.acled_fields import derived_columns
    from tui.core.formats.acled import row_for
    from tui.core.formats.base import Document

    doc = Document(session.article, [], [session.events[eid]])
    row = row_for(doc, session.events[eid], codebook)
    assert derived_columns(codebook, session.article, session.events[eid], row)["interaction"] == row["interaction"]
    return row


def _coded_row(session, codebook, trigger, **fields):
    """A new event at the trigger (type, sub-type, words, search from), its fields typed as in the form."""
    type_name, subtype, words, after = trigger
    changes = ev.new_event(session, codebook, type_name, *_span(session, words, after), subtype=subtype)
    session.commit("new", changes)
    eid = changes[-1]["id"]
    for name, value in fields.items():
        session.commit(name, ev.set_field(session, eid, name, value))
    return _row(session, codebook, eid)


def test_hand_made_event_gets_a_note_linked_actors_and_derived_columns(session, codebook):
    changes = ev.new_event(session, codebook, "BATTLE", *_span(session, "attack", 220))
    session.commit("new", changes)
    eid = changes[-1]["id"]
    event = session.events[eid]
    assert "More than 100 pro-Assad fighters have been killed in eastern Syria" in event.fields["notes"]
    assert event.fields["notes"].endswith("according to an American official.")
    for role, words in (("Attacker", "pro-Assad fighters"), ("Target", "Syrian Democratic Forces"),
                        ("Place", "Deir ez-Zor Province")):
        session.commit(role, ev.assign_span(session, codebook, eid, role, *_span(session, words)))
    fields = session.events[eid].fields
    assert fields["actor1"] == "Military Forces of Syria (2000-2024)" and fields["geo_precision"] == 3
    row = _row(session, codebook, eid)
    assert (row["inter1"], row["inter2"], row["interaction"], row["fatalities"]) == ("1", "2", "12", "0")
    assert row["admin1"] == "Deir ez-Zor" and row["event_id_cnty"].startswith("SYR")


def test_violence_against_civilians_is_civilian_targeting(session, codebook):
    row = _coded_row(session, codebook, ("VIOLENCE_AGAINST_CIVILIANS", "", "killing", 0), country="Syria",
                     actor1="Military Forces of the United States (2017-2021)", actor2="civilians")
    assert row["actor2"] == "Civilians (Syria)" and row["civilian_targeting"] == "Civilian targeting"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("8", "7", "78")  # US forces abroad are external


def test_protest_and_excessive_force(session, codebook):
    row = _coded_row(session, codebook, ("PROTEST", "Excessive force against protesters", "attack", 220),
                     country="Belarus", actor1="protesters", source_scale="National")
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("Protesters (Belarus)", "6", "60")
    assert row["disorder_type"] == "Political violence; Demonstrations"
    assert (row["iso"], row["region"], row["event_id_cnty"][:3]) == ("112", "Europe", "BLR")
    assert row["source_scale"] == "National"  # the coder's choice wins over the source's default


def test_unknown_actor_types_leave_interaction_unknown():
    assert interaction(1, 3) == interaction(3, 1) == "13"
    assert interaction(1, None) == "10"  # one actor alone
    assert interaction(1, False) == "" and interaction(None, 2) == ""


def test_notes_are_never_cut_inside_a_word():
    note = short_note("alpha beta gamma delta " * 40, 60)
    assert len(note) <= 60 and note.endswith("...") and note[:-3].split()[-1] in {"alpha", "beta", "gamma", "delta"}
    assert short_note("short\n text") == "short text"
    text = "First one. Second has the trigger here.Third."
    start = text.index("trigger")
    assert trigger_sentence(text, start, start + 7) == "Second has the trigger here."
    assert trigger_sentence(text, None, None) == ""


@pytest.mark.parametrize("url, text, expected", [
    ("https://en.wikinews.org/wiki/X", "", ("Wikinews", "New media")),
    ("https://www.reuters.com/world/x", "", ("Reuters", "International")),
    ("https://news.example.org/a", "", ("news.example.org", "")),
    ("", "By Scott lucas – eaworldview – 8Febr 2018", ("EA WorldView", "New media")),
    ("", "No source named here", ("", "")),
])
def test_source_and_default_scale(url, text, expected):
    assert source_of(url, text) == expected


def test_the_crowd_of_a_protest_is_protesters_and_of_a_riot_rioters(codebook):
    from tui.core.acled_fields import standard_actor_fields

    assert standard_actor_fields(codebook, ["people"], [], "United Kingdom", "PROTEST")["actor1"] == (
        "Protesters (United Kingdom)")
    assert standard_actor_fields(codebook, ["protesters"], ["police"], "Serbia", "RIOT") == {
        "actor1": "Rioters (Serbia)", "assoc_actor_1": "", "actor2": "Police Forces of Serbia (2017-)",
        "assoc_actor_2": ""}
    assert standard_actor_fields(codebook, ["people"], [], "Afghanistan", "BATTLE")["actor1"] == (
        "Civilians (Afghanistan)")


def test_a_jsonl_records_url_or_source_names_the_source(codebook):
    from tui.core.acled_fields import derived_columns
    from tui.core.model import Article, Event

    event = Event("PROTEST", "Peaceful protest", 0, 4, fields={"country": "Belarus"})
    by_url = Article("a1", "Text of it.", meta={"url": "https://www.reuters.com/x"})
    assert (derived_columns(codebook, by_url, event, {})["source"],
            derived_columns(codebook, by_url, event, {})["source_scale"]) == ("Reuters", "International")
    named = Article("a2", "Text of it.", meta={"source": "Nasha Niva"})
    assert derived_columns(codebook, named, event, {})["source"] == "Nasha Niva"


@pytest.mark.parametrize("type_name, subtype, words", [
    ("ARREST", "Arrests", "killed"), ("AGREEMENT", "Agreement", "attack"),
    ("OTHER_STRATEGIC", "Looting/property destruction", "attack")])
def test_arrests_and_agreements_are_strategic_developments_in_acleds_columns(session, codebook, type_name,
                                                                             subtype, words):
    """ACLED has six event types: Arrests and Agreement are sub-event types of Strategic developments."""
    row = _coded_row(session, codebook, (type_name, subtype, words, 0), country="Syria")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Strategic developments", "Strategic developments", subtype)
    assert row["app_event_type"] == type_name  # the codebook's own type stays in the app's column
