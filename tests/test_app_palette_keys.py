"""The command palette in a burst of keys (ctrl+p, a command's words, Enter, then more keys before
the palette has found the command): Enter takes the best match of every word typed, and the keys
after Enter act on what has focus once the command has run, never lost in the closed palette."""

from __future__ import annotations

from textual import events
from textual.command import CommandPalette

from tui.app.palette import PaletteInput

from .apphelpers import running

KEY_NAMES = {" ": "space", "\r": "enter"}


async def burst(app, pilot, *keys: str) -> None:
    """Keys posted at once, as one terminal read delivers them, before any is handled."""
    for key in keys:
        app.post_message(events.Key(KEY_NAMES.get(key, key), None if len(key) > 1 else key))
    await app.workers.wait_for_complete()
    for _ in range(6):
        await pilot.pause()


def suggested(app) -> list:
    return [e for e in app.session.events.values() if e.status == "suggested"]


async def test_keys_after_enter_in_the_palette_reach_the_article(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        assert suggested(app)
        start = app.view.cursor
        await burst(app, pilot, "ctrl+p", *"accept all sugg", "\r", "l", "l")
        assert not CommandPalette.is_open(app)
        assert not suggested(app)
        assert app.focused is app.view and app.view.cursor == start + 2


async def test_the_question_a_palette_command_asks_is_answered_by_the_keys_after_enter(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline) as (store, app, pilot):
        first = app.session.article.id
        assert suggested(app)
        await burst(app, pilot, "ctrl+p", *"mark article done", "\r", "a")  # "a": accept all, then done
        assert store.row(first)["status"] == "done" and app.session.article.id != first
        assert not CommandPalette.is_open(app) and app.focused is app.view


async def test_enter_on_words_that_match_no_command_keeps_the_keys_after_it_in_the_line(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline) as (store, app, pilot):
        await burst(app, pilot, "ctrl+p", *"qqzzj", "\r", "x", "y")
        assert CommandPalette.is_open(app)
        assert app.screen.query_one(PaletteInput).value == "qqzzjxy"
        await pilot.press("escape")
