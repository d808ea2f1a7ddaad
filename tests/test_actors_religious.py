"""ACLED's religious groups ("Muslim Group (New Zealand)", "Christian Group (Nigeria)"), the associated
actors of the civilians (or crowds) an event is about: made for every country, offered by completion in
the event's country (first when the article names the religion), moving with a country corrected, and
never taken for the civilians themselves when a span is linked to its standard actor."""

from __future__ import annotations

from tui.core.acled_checks import acled_warnings
from tui.core.actors import actor_list
from tui.core.completion import Completer
from tui.core.importer import article_from_text
from tui.core.store import Store

from .apphelpers import running, settle


def test_every_country_has_its_religious_groups(codebook):
    actors = actor_list(codebook)
    for name, country in (("Muslim Group (New Zealand)", "New Zealand"), ("Christian Group (Nigeria)", "Nigeria"),
                          ("Hindu Group (India)", "India"), ("Jewish Group (United Kingdom)", "United Kingdom"),
                          ("Sikh Group (India)", "India"), ("Buddhist Group (Myanmar)", "Myanmar")):
        actor = actors.get(name)
        assert actor is not None and actor.country == country, name
    muslims = actors.get("Muslim Group (New Zealand)")
    assert actors.in_country(muslims, "India").name == "Muslim Group (India)"  # a country corrected moves it


def test_completion_offers_the_events_countrys_group(codebook):
    nz = Completer(codebook, [], default_country="New Zealand")
    assert nz.complete("assoc_actor_2", "Musl", "New Zealand") == "Muslim Group (New Zealand)"
    assert nz.complete("assoc_actor_2", "Civilians (New Zealand); musl", "New Zealand") == (
        "Civilians (New Zealand); Muslim Group (New Zealand)")
    assert nz.complete("assoc_actor_1", "Chris", "Nigeria") == "Christian Group (Nigeria)"
    assert nz.complete("assoc_actor_2", "hind", "India") == "Hindu Group (India)"
    assert nz.complete("assoc_actor_2", "Jew", "United States") == "Jewish Group (United States)"
    assert "Religious group" in nz.describe("assoc_actor_2", "Muslim Group (New Zealand)")


def test_the_articles_religion_comes_before_its_own_words(codebook):
    """The model marks "Muslim" (NORP): its words complete after the standard actors it names."""
    article = Completer(codebook, [("Muslim", "NORP"), ("Christchurch", "GPE")], default_country="New Zealand")
    assert article.complete("assoc_actor_2", "Musl", "New Zealand") == "Muslim Group (New Zealand)"


def test_a_span_of_worshippers_stays_the_civilians(codebook):
    actors = actor_list(codebook)
    assert actors.match("Muslim worshippers", "New Zealand").name == "Civilians (New Zealand)"
    assert actors.match("worshippers", "New Zealand").name == "Civilians (New Zealand)"


def test_a_religious_group_as_actor_2_is_said_to_be_an_associated_actor(codebook):
    from tui.core.model import Event
    wrong = Event("VIOLENCE_AGAINST_CIVILIANS", "Attack", fields={
        "actor1": "Sole Perpetrator (New Zealand)", "actor2": "Muslim Group (New Zealand)", "country": "New Zealand"})
    assert any("associated actor" in w and "Civilians (New Zealand)" in w for w in acled_warnings(codebook, wrong))
    right = Event("VIOLENCE_AGAINST_CIVILIANS", "Attack", fields={
        "actor1": "Sole Perpetrator (New Zealand)", "actor2": "Civilians (New Zealand)",
        "assoc_actor_2": "Muslim Group (New Zealand)", "country": "New Zealand"})
    assert acled_warnings(codebook, right) == []


MOSQUE = ("Gunman kills worshippers at two mosques in Christchurch\n\n"
          "CHRISTCHURCH, New Zealand - A gunman opened fire at two mosques in Christchurch, New Zealand, on "
          "Friday, killing 49 Muslim worshippers, police said.\n")


async def test_the_form_completes_musl_to_the_countrys_muslim_group(db_path, codebook, pipeline):
    with Store(db_path) as store:
        store.add_article(article_from_text(MOSQUE, source="mosques.txt"))
    async with running(db_path, codebook, pipeline) as (store, app, pilot):
        app.view.move_to(app.session.article.text.index("opened fire"))
        await pilot.press("e", *"v1", "enter")  # a new event: Violence against civilians, Attack
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#field-assoc_actor_2").focus()
        await pilot.press("home", "ctrl+k", *"Musl")
        await pilot.pause()
        assert "Muslim Group (New Zealand)" in str(app.screen.query_one("#form-hint").render())
        await pilot.press("tab")
        assert app.screen.query_one("#field-assoc_actor_2").value == "Muslim Group (New Zealand)"
