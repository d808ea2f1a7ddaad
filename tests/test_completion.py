"""Completion of actors and places: candidates from the article, the project and the codebook."""

from __future__ import annotations

from tui.core.completion import Completer, coded_values
from tui.core.model import Event
from tui.core.store import Store

from .apphelpers import running
from .test_app_annotation import on_disk

SEED_ENTITIES = [("Coalition", "ORG"), ("pro-Assad fighters", "NORP"), ("Deir ez-Zor Province", "GPE"),
                 ("Syria", "GPE"), ("Scott lucas", "PERSON")]


def test_article_then_project_then_codebook(codebook):
    done = Completer(codebook, SEED_ENTITIES, {"actor1": ["Zzyzx Brigade", "Coalition of the Willing"]})
    # The standard actors the article's entities name come first, matched at a later word too.
    assert done.complete("actor1", "co", "Syria") == "Global Coalition Against Daesh"
    assert done.complete("actor2", "syria", "Syria") == "Military Forces of Syria (2000-2024)"
    # Then what the project has coded (in any actor field), then the article's own words.
    assert done.complete("actor2", "zz", "Syria") == "Zzyzx Brigade"
    assert done.complete("actor1", "scott", "Syria") == "Scott lucas"
    # Then the codebook's list, the event's country first.
    assert done.complete("actor1", "Police", "Syria") == "Police Forces of Syria (2000-2024)"
    assert done.complete("actor1", "hayat", "") == "Hayat Tahrir al-Sham"
    assert done.describe("actor1", "Police Forces of Syria (2000-2024)") == "State forces, Syria"


def test_a_name_that_starts_with_the_typing_beats_a_later_word_and_the_article_gives_the_country(codebook):
    """Found by a coder on an unseen article: "Un" gave "Civilians (United Kingdom)" (its Victim),
    and a Hong Kong protest with no country yet offered "Protesters (Afghanistan)" first."""
    done = Completer(codebook, [("civilians", "NORP")], {}, {"actor2": "Civilians (United Kingdom)"},
                     default_country="United Kingdom")
    for typed in ("U", "Un", "Uni"):
        assert done.complete("actor1", typed, "") == "Unidentified Armed Group (United Kingdom)"
    assert done.complete("actor2", "civ", "") == "Civilians (United Kingdom)"
    protest = Completer(codebook, [], {}, None, default_country="China")
    assert protest.complete("actor1", "Protesters (", "") == "Protesters (China)"
    assert protest.complete("actor1", "Protesters (", "Belarus") == "Protesters (Belarus)"  # the event's own


def test_another_countrys_project_value_comes_after_this_countrys_list(codebook):
    done = Completer(codebook, [], {"actor1": ["Protesters (China)", "Zzyzx Brigade"]})
    assert done.complete("actor1", "prot", "United Kingdom") == "Protesters (United Kingdom)"
    assert done.complete("actor1", "prot", "China") == "Protesters (China)"
    assert done.complete("actor1", "zz", "United Kingdom") == "Zzyzx Brigade"


def test_places_several_values_and_whole_values(codebook):
    done = Completer(codebook, SEED_ENTITIES)
    assert done.complete("admin1", "de", "Syria") == "Deir ez-Zor"  # the article's province first
    assert done.complete("admin1", "ale", "Syria") == "Aleppo"  # the gazetteer's units of the country
    assert done.complete("country", "sy") == "Syria"
    assert done.complete("location", "deir") == "Deir ez-Zor"
    assert done.complete("assoc_actor_1", "Coalition;  mil", "Syria") == (
        "Coalition; Military Forces of Syria (2000-2024)")
    assert done.complete("actor1", "coalition", "Syria") == "Global Coalition Against Daesh"
    assert done.complete("actor1", "Coalition", "Syria") is None  # a whole value as written stands
    assert done.complete("actor1", "global coalition against daesh", "Syria") is None
    iran = Completer(codebook, [("Quds Force", "ORG")])  # names the Revolutionary Guard, a longer name
    # The shorter name first, though the longer comes from the article: typing on reaches the longer.
    assert iran.complete("actor2", "iran", "Iran") == "Military Forces of Iran (1989-)"
    assert iran.complete("actor2", "Military Forces of Iran (1989-)", "Iran") is None
    assert iran.complete("actor2", "Military Forces of Iran (1989-) i", "Iran").endswith("Guard Corps")
    assert done.complete("actor1", "", "Syria") is None
    assert done.complete("actor1", "qqqq", "Syria") is None


def test_coded_values_take_accepted_events_and_split_associates():
    events = [Event("BATTLE", fields={"actor1": "A", "assoc_actor_1": "B; C", "admin1": "Idlib"}),
              Event("BATTLE", status="rejected", fields={"actor1": "Rejected"}),
              Event("BATTLE", status="suggested", fields={"actor1": "Suggested"})]
    assert coded_values(events) == {"actor1": {"A"}, "assoc_actor_1": {"B", "C"}, "admin1": {"Idlib"}}


async def open_form(app, pilot):
    app.query_one("#event-table").focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def open_strike_form(app, pilot):
    """The form of the first sample article's air strike; gives the event."""
    strike = next(e for e in app.session.events.values() if e.type == "REMOTE_VIOLENCE")
    app.current_event = strike.id
    app._refresh_events()
    await open_form(app, pilot)
    return strike


async def test_form_completes_actors_and_admin1_and_the_project_remembers(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        aid, strike = app.session.article.id, await open_strike_form(app, pilot)
        assert app.screen.focused.id == "field-actor1"  # the form opens on the actors
        await pilot.press("home", "ctrl+k", *"glo")
        await pilot.pause()
        assert "Tab or Enter takes: Global Coalition Against Daesh" in str(app.screen.query_one("#form-hint").render())
        await pilot.press("tab")  # takes the completion and moves on
        assert app.screen.focused.id == "field-assoc_actor_1"
        await pilot.press("home", "ctrl+k", *"Zzyzx Brigade", "tab", "home", "ctrl+k", *"syrian d")
        await pilot.press("enter")  # Enter takes a completion (here at a later word) and stays
        assert app.screen.query_one("#field-actor2").value == "SDF: Syrian Democratic Forces"
        app.screen.query_one("#field-admin1").focus()
        await pilot.press("home", "ctrl+k", *"dei", "enter", "enter")  # takes, then saves
        await pilot.pause()
        fields = on_disk(store, aid).events[strike.id].fields
        assert (fields["actor1"], fields["assoc_actor_1"], fields["actor2"], fields["admin1"]) == (
            "Global Coalition Against Daesh", "Zzyzx Brigade", "SDF: Syrian Democratic Forces", "Deir ez-Zor")
        await pilot.press("right_square_bracket")  # the next article: the project's values complete there
        await pilot.pause()
        assert "Zzyzx Brigade" in store.coded_values()["assoc_actor_1"]
        app.view.focus()
        await pilot.press("e", "enter")
        await pilot.pause()
        await open_form(app, pilot)
        app.screen.query_one("#field-actor2").focus()
        await pilot.press("home", "ctrl+k", *"zz", "tab")
        assert app.screen.query_one("#field-actor2").value == "Zzyzx Brigade"
    with Store(samples_db) as again:
        assert "Zzyzx Brigade" in again.coded_values()["assoc_actor_1"]


async def test_the_readme_sequence_codes_the_seed_air_strike_completely(seed_db, codebook, pipeline):
    """README: the air strike with its actors, admin1, date and fatalities, in 14 keys (Actor 1 is
    already the standard actor that "Coalition" names)."""
    keys = "slash s t r enter a f tab tab 2 0 0 tab enter".split()
    async with running(seed_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert len(keys) == 14
        text = app.session.article.text
        event = on_disk(store, app.session.article.id).events[app.current_event]
    assert (event.type, event.subtype, event.status, text[event.trigger_start:event.trigger_end]) == (
        "REMOTE_VIOLENCE", "Air/drone strike", "accepted", "strikes")
    assert {k: event.fields.get(k) for k in ("actor1", "actor2", "event_date", "country", "admin1",
                                            "fatalities")} == {
        "actor1": "Global Coalition Against Daesh", "actor2": "Military Forces of Syria (2000-2024)",
        "event_date": "2018-02-07", "country": "Syria", "admin1": "Deir ez-Zor", "fatalities": 100}


def test_every_country_has_its_government_and_sole_perpetrator_to_complete(codebook):
    completer = Completer(codebook)
    assert completer.complete("actor1", "Gov", "Indonesia") == "Government of Indonesia"
    assert completer.complete("actor1", "Sol", "Indonesia") == "Sole Perpetrator (Indonesia)"


READING = ("On Saturday evening in Forbury Gardens in Reading, Berkshire, UK a mass stabbing killed three people. "
           "Thames Valley Police arrested Khairi Saadallah. Police said more.")
READING_ENTITIES = [("Forbury Gardens", "LOC"), ("Berkshire", "GPE"), ("UK", "GPE"),
                    ("Thames Valley Police", "ORG"), ("Khairi Saadallah", "PERSON")]


def test_the_articles_places_come_first_in_the_location(codebook):
    """A coder typed "Readin" in an article about Reading and got nothing: the model had not marked
    the town, and the project's values came before the article's own places."""
    done = Completer(codebook, READING_ENTITIES, {"location": ["Forbes", "Readington"]},
                     default_country="United Kingdom", text=READING)
    assert done.complete("location", "Readin", "United Kingdom") == "Reading"  # a word of the text, no entity
    assert done.complete("location", "For", "United Kingdom") == "Forbury Gardens"  # an entity, before the project
    assert done.complete("location", "Readingt", "United Kingdom") == "Readington"  # then the project
    # Capitalised words that name a place elsewhere, or belong to another entity's name, are no places here.
    assert done.complete("location", "Thame", "United Kingdom") is None  # Thames, New Zealand
    assert done.complete("location", "Polic", "United Kingdom") is None  # Police, Poland
    assert done.complete("location", "Khai", "United Kingdom") is None


def test_only_completed_fields_complete(codebook):
    """The form shows a completion only in actor and place fields, so Tab or Enter in the notes, a
    date or a precision must take none: "Tin" there once became the article's place "Tin Hau"."""
    completer = Completer(codebook, default_country="China",
                          text="Yesterday crowds marched from Tin Hau to the Central district.")
    assert completer.complete("location", "Tin") == "Tin Hau"
    for name in ("notes", "time_precision", "event_date", "fatalities", "admin2"):
        assert completer.complete(name, "Tin") is None, name


def test_an_organisation_the_model_missed_or_marked_with_its_article_completes_as_a_name(codebook):
    """Found coding practice articles: "Black" gave nothing for the "Black Lives Matter" protest the
    model had not marked, and "Civil H" gave "The Civil Human Rights Front" with its article."""
    text = (READING + " A Black Lives Matter protest had taken place in Forbury Gardens. "
            "The Civil Human Rights Front had sent the police a plan.")
    done = Completer(codebook, [*READING_ENTITIES, ("The Civil Human Rights Front", "ORG")],
                     default_country="United Kingdom", text=text)
    assert done.complete("assoc_actor_1", "Black", "United Kingdom") == "Black Lives Matter"
    assert done.complete("assoc_actor_1", "Protesters (United Kingdom); Black", "United Kingdom") == (
        "Protesters (United Kingdom); Black Lives Matter")
    assert done.complete("assoc_actor_1", "Civil H", "United Kingdom") == "Civil Human Rights Front"
    # The text's names come after every standard actor: "pol" and "prot" still give ACLED's.
    assert done.complete("actor1", "pol", "United Kingdom").startswith("Police Forces of the United Kingdom")
    assert done.complete("actor1", "prot", "United Kingdom") == "Protesters (United Kingdom)"
    # A sentence's first word is no part of a name ("On Saturday", "A Black ..."); a lone word is no name.
    assert done.complete("actor2", "Satur", "United Kingdom") is None
    assert "A Black Lives Matter" not in done.candidates("actor1", "United Kingdom")


def test_a_country_typed_anew_moves_the_events_generic_actors_to_it(codebook):
    """Found coding the Christchurch mosque attacks: the event had taken the United Kingdom's actors
    from a misplaced "Linwood"; with its country corrected, "sole" and "civ" still gave the
    United Kingdom's, as the event's own actors come first."""
    done = Completer(codebook, [], {}, {"actor1": "Sole Perpetrator (United Kingdom)",
                                        "actor2": "Civilians (United Kingdom)"})
    assert done.complete("actor1", "sole", "New Zealand") == "Sole Perpetrator (New Zealand)"
    assert done.complete("actor2", "civ", "New Zealand") == "Civilians (New Zealand)"
    assert done.complete("actor2", "civ", "United Kingdom") == "Civilians (United Kingdom)"
    # A named group stays itself, whatever the country.
    named = Completer(codebook, [], {}, {"actor1": "JAD: Jamaah Ansharut Daulah"})
    assert named.complete("actor1", "jad", "Malaysia") == "JAD: Jamaah Ansharut Daulah"
    # State forces abroad stay themselves: the United States' forces in Syria are ACLED's external forces.
    abroad = Completer(codebook, [], {}, {"actor1": "Military Forces of the United States (2017-2021)"})
    assert abroad.complete("actor1", "mil", "Syria") == "Military Forces of the United States (2017-2021)"


def test_an_entitys_article_goes_from_what_is_taken_not_from_what_is_matched(codebook):
    """Dropping "the" before matching made "U" give the article's "United Nations" before the
    standard "Unidentified Armed Group (Yemen)" (a key more in bench_coder_keys)."""
    yemen = Completer(codebook, [("the United Nations", "ORG")], default_country="Yemen")
    assert yemen.complete("actor1", "U", "Yemen") == "Unidentified Armed Group (Yemen)"
    assert yemen.complete("actor1", "United N", "Yemen") == "United Nations"


def test_the_countrys_civilians_come_before_a_project_value_that_the_typing_also_starts(codebook):
    """Found by a coder: after "Civil Human Rights Front" was coded in a Hong Kong protest, "civ" in
    the victims of a stabbing in California, England or Indonesia gave that Hong Kong group (the
    project's values, sorted, before the country's generic actors), not the country's civilians."""
    project = {"assoc_actor_1": ["Civil Human Rights Front"], "actor2": ["Civilians (United States)"]}
    done = Completer(codebook, [], project, default_country="United States")
    assert done.complete("actor2", "civ", "United States") == "Civilians (United States)"
    assert done.complete("actor2", "civ", "Indonesia") == "Civilians (Indonesia)"
    assert done.complete("actor1", "Pro", "United Kingdom") == "Protesters (United Kingdom)"
    # A project value that only it fits still completes, before the codebook's other actors.
    assert done.complete("assoc_actor_2", "civil h", "Indonesia") == "Civil Human Rights Front"


async def test_civ_in_the_form_gives_the_events_civilians_after_another_group_was_coded(samples_db, codebook,
                                                                                           pipeline):
    async with running(samples_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        aid, strike = app.session.article.id, await open_strike_form(app, pilot)
        app.screen.query_one("#field-assoc_actor_1").focus()
        await pilot.press("home", "ctrl+k", *"Civil Human Rights Front", "ctrl+s")
        await pilot.pause()
        assert on_disk(store, aid).events[strike.id].fields["assoc_actor_1"] == "Civil Human Rights Front"
        await open_form(app, pilot)
        app.screen.query_one("#field-actor2").focus()
        await pilot.press("home", "ctrl+k", *"civ", "tab")
        assert app.screen.query_one("#field-actor2").value == "Civilians (Syria)"
