"""Keys typed in one burst (a fast typist over SSH, ``tmux send-keys '/str' Enter 'af'``, a paste):
each key acts where focus is when the keys before it have done their work, never in a line that an
Enter before it closed, never lost.

Every burst is posted to the app at once, as a terminal read delivers it, before any key is handled."""

from __future__ import annotations

from textual import events

from tui.app.screens.event_form import EventFormScreen
from tui.app.screens.review_prompt import ReviewPromptScreen
from tui.app.widgets.search_bar import SearchBar

from .apphelpers import running

KEY_NAMES = {"/": "slash", "\r": "enter", "[": "left_square_bracket", "]": "right_square_bracket", "\t": "tab"}


async def burst(app, pilot, keys: str) -> None:
    for char in keys:
        app.post_message(events.Key(KEY_NAMES.get(char, char), char))
    for _ in range(4):
        await pilot.pause()


def status(app) -> str:
    return str(app.query_one("#status").render())


async def test_keys_after_enter_in_the_search_go_to_the_article(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        text = app.session.article.text
        hits = [i for i in range(len(text)) if text.lower().startswith("coalition", i)]
        await burst(app, pilot, "/coalition\rn")  # "n" after Enter: the next match, not a letter searched
        bar = app.query_one(SearchBar)
        assert not bar.has_class("-open") and bar.value == "coalition" and app.focused is app.view
        assert app.view.cursor == hits[1] and "match 2 of 5" in status(app)


async def test_keys_after_enter_reach_the_article_when_the_search_was_already_open(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        text = app.session.article.text
        hits = [i for i in range(len(text)) if text.lower().startswith("coalition", i)]
        await pilot.press("slash")  # the search line is open and has the keys when the burst comes
        await burst(app, pilot, "coalition\rnn")
        assert app.query_one(SearchBar).value == "coalition"
        assert app.view.cursor == hits[2] and "match 3 of 5" in status(app)


async def test_keys_after_enter_in_the_event_form_reach_the_article(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        suggested = [e for e in app.session.events.values() if e.status == "suggested"]
        app.view.move_to(suggested[0].trigger_start)
        await pilot.press("a", "f")
        assert isinstance(app.screen, EventFormScreen)
        start, before = app.view.cursor, app.screen.query_one("#field-fatalities").value
        await burst(app, pilot, "\t\t\t\t9\rll")  # to the fatalities, a 9 after its figure, save; two steps right
        assert not isinstance(app.screen, EventFormScreen)
        assert app.session.events[suggested[0].id].fields["fatalities"] == int(before + "9")
        assert app.view.cursor == start + 2


async def test_the_done_question_answered_in_the_same_burst(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        article_id = app.session.article.id
        await burst(app, pilot, "da")  # the answer typed before the question showed
        assert not isinstance(app.screen, ReviewPromptScreen)
        assert store.row(article_id)["status"] == "done" and app.session.reviewed


async def test_a_new_event_typed_in_one_burst_through_the_pickers_filter(seed_db, codebook, pipeline):
    """e, then / and words in the type picker's filter, Enter, then f: every key after the one that
    opened or closed a screen acts on the screen that is then on top."""
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        text = app.session.article.text
        app.view.move_to(text.index("strikes against attacking"))
        await pilot.pause()
        before = set(app.session.events)
        await burst(app, pilot, "e/shelling\rf")  # not the likeliest type: the filter must have had the words
        await pilot.pause()
        new = [app.session.events[i] for i in set(app.session.events) - before]
        assert [(e.type, e.subtype) for e in new] == [("REMOTE_VIOLENCE", "Shelling/artillery/missile attack")]
        assert isinstance(app.screen, EventFormScreen) and app.current_event == new[0].id


async def test_completion_taken_by_tab_typed_in_the_same_burst(seed_db, codebook, pipeline):
    """The README's air strike, its form typed in one burst: "200" Tab still takes the completion,
    though the messages saying the field changed have not come round when Tab is read."""
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        await burst(app, pilot, "/str\ra")
        await burst(app, pilot, "f\t\t200\t\r")
        assert not isinstance(app.screen, EventFormScreen)
        event = app.session.events[app.current_event]
        assert event.fields["actor2"] == "Military Forces of Syria (2000-2024)"
