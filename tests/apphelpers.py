"""Helpers for driving the app with Pilot and reading what the article pane shows."""

from __future__ import annotations

from contextlib import asynccontextmanager

from rich.style import Style

from tui.app.app import NewsmarkApp
from tui.core.store import Store


async def settle(app: NewsmarkApp, pilot) -> None:
    """Let workers (model analysis) finish and the screen catch up."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def visible_runs(app: NewsmarkApp) -> list[tuple[str, Style]]:
    """The (text, style) runs painted on the visible lines of the article pane."""
    view = app.view
    runs = []
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            runs.append((segment.text, segment.style))
    return runs


def styles_of(app: NewsmarkApp, words: str) -> list[Style]:
    return [style for text, style in visible_runs(app) if text == words]


def screen_text(app: NewsmarkApp) -> str:
    return "".join(text for text, _ in visible_runs(app))


def make_app(db_path, codebook, pipeline, annotator="tester") -> tuple[Store, NewsmarkApp]:
    store = Store(db_path)
    return store, NewsmarkApp(store, codebook, annotator, pipeline=pipeline)


def whole_screen(app: NewsmarkApp) -> str:
    """Everything on the screen as plain text (spaces normalised), read from a real screenshot."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


@asynccontextmanager
async def running(db_path, codebook, pipeline, size=(160, 45), annotator="tester"):
    """The app on a real store, started, with the model's work on the first article finished.

    Yields (store, app, pilot); the store is closed (its lock released) when the block ends."""
    store, app = make_app(db_path, codebook, pipeline, annotator)
    try:
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            yield store, app, pilot
    finally:
        store.close()
