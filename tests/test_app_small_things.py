"""The small things a coder meets every minute: the table row kept, hyphenated words, colours,
the status line, reopening where one stopped, one click."""

from __future__ import annotations

import itertools

from tui.core.store import Store

from .apphelpers import make_app, running, settle
from .test_app_annotation import goto


async def test_the_event_table_highlight_stays_on_its_row_after_a_r_and_x(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(200, 50)) as (store, app, pilot):
        table = app.query_one("#event-table")
        table.focus()
        await pilot.press("down", "down")
        await pilot.pause()
        assert table.cursor_row == 2
        third = app.current_event
        await pilot.press("a")  # accepted: the same event, on the same row
        await pilot.pause()
        assert (table.cursor_row, app.current_event) == (2, third)
        following = table.event_ids[3]
        await pilot.press("r")  # rejected, so gone from the table: the row now holds the next event
        await pilot.pause()
        assert (table.cursor_row, app.current_event) == (2, following)
        await pilot.press("c", "x")  # a copy (the current event) deleted: back on a row near it
        await pilot.pause()
        assert app.current_event in table.event_ids
        assert table.event_ids[table.cursor_row] == app.current_event


async def test_a_hyphenated_word_is_one_word_for_w_b_and_o(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        text = app.session.article.text
        await goto(app, pilot, "US-backed, Kurdish-led")
        await pilot.press("w")
        assert text[app.view.cursor:].startswith("Kurdish-led")
        await pilot.press("w")
        assert text[app.view.cursor:].startswith("Syrian")
        await pilot.press("b", "b")
        assert text[app.view.cursor:].startswith("US-backed")
        # o on the word "multiple-launch" (no entity) gives the whole word to the role.
        await goto(app, pilot, "attack on the US-backed")
        await pilot.press("e", "b", "1")
        await pilot.pause()
        await goto(app, pilot, "launch rocket")  # the cursor inside the word, after its hyphen
        await pilot.press("o", "i")
        await pilot.pause()
        event = app.session.events[app.current_event]
        assert "multiple-launch" in [text[a.start:a.end] for a in event.arguments if a.role == "Instrument"]


def _lab(colour: str) -> tuple[float, float, float]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
    y = r * 0.2126 + g * 0.7152 + b * 0.0722
    z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_every_label_has_its_own_colour_far_from_the_others(codebook):
    labs = {name: _lab(label.colour) for name, label in codebook.entity_labels.items()}
    closest = min((sum((p - q) ** 2 for p, q in zip(labs[a], labs[b])) ** 0.5, a, b)
                  for a, b in itertools.combinations(labs, 2))
    assert closest[0] > 30, closest  # CIE76: DATE and TIME, say, are far apart


async def test_the_legend_names_every_colour_and_the_status_names_the_entity(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        legend = app.query_one("#legend")
        shown = {e.label for e in app.session.visible_entities()}
        assert shown - {"PERSON", "ORG"} and shown <= set(legend.labels)  # unkeyed labels too
        assert set(legend.labels) >= {n for n, lab in codebook.entity_labels.items() if lab.key}
        sdf = app.session.article.text.index("Syrian Democratic Forces")
        app.view.move_to(sdf + 3)
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert "ORG 'Syrian Democratic Forces' suggested" in status and "@" not in status
        await pilot.press("slash", *"zzzz", "enter")
        assert "no match for 'zzzz'" in str(app.query_one("#status").render())
        await pilot.press("right_square_bracket")  # the next article: no message from this one
        await settle(app, pilot)
        assert "zzzz" not in str(app.query_one("#status").render())


async def test_reopening_returns_to_the_article_and_the_cursor_where_the_coder_stopped(samples_db, codebook, pipeline):
    async with running(samples_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        ids = store.article_ids()
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(app, pilot)
        await goto(app, pilot, app.session.article.text[200:230])
        where = app.view.cursor
        await pilot.press("q")
    async with running(samples_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        assert (app.session.article.id, app.view.cursor) == (ids[2], where)
        await pilot.press("left_square_bracket", "right_square_bracket")  # and the same on the way back
        await settle(app, pilot)
        assert (app.session.article.id, app.view.cursor) == (ids[2], where)


async def test_one_click_on_the_article_list_opens_the_article(samples_db, codebook, pipeline):
    store, app = make_app(samples_db, codebook, pipeline)
    try:
        async with app.run_test(size=(250, 60)) as pilot:  # wide enough for the list to show
            await settle(app, pilot)
            ids = store.article_ids()
            assert app.session.article.id == ids[0]
            await pilot.click("#articles", offset=(10, 4))  # the header, then the third row
            await settle(app, pilot)
            assert app.session.article.id == ids[2]
    finally:
        store.close()
    with Store(samples_db) as again:
        assert again.last_opened()[0] == ids[2]
