"""Correcting entities by keyboard on the seed article; every check reads the real store."""

from __future__ import annotations

from tui.core.session import ArticleSession
from tui.core.store import Store

from .apphelpers import running, styles_of


def on_disk(store: Store, article_id: str) -> ArticleSession:
    """A second, independent reading of the article's files: what a crash right now would leave."""
    return ArticleSession(store._file(article_id), store._journal(article_id))


def ents(session, label=None, status=None):
    text = session.article.text
    return sorted((text[e.start:e.end], e.label, e.status) for e in session.entities.values()
                  if (label is None or e.label == label) and (status is None or e.status == status))


async def goto(app, pilot, words: str) -> None:
    app.view.move_to(app.session.article.text.index(words))
    await pilot.pause()


async def test_cursor_moves_by_char_word_and_line(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        text, start = app.session.article.text, app.view.cursor
        await pilot.press("l", "right")
        assert app.view.cursor == start + 2
        await pilot.press("h")
        assert app.view.cursor == start + 1
        await pilot.press("w")
        assert text[app.view.cursor:].startswith("Scott")
        await pilot.press("w", "b")
        assert text[app.view.cursor:].startswith("Scott")
        line_before = app.view.cursor
        await pilot.press("j")
        assert app.view.cursor > line_before + 20
        await pilot.press("k")
        assert app.view.cursor == line_before


async def test_select_and_label_snaps_to_tokens_and_is_stored_at_once(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        text = app.session.article.text
        # Select from the space before "Scott" to the middle of "lucas", then press 3 (ORG).
        await goto(app, pilot, " Scott lucas")
        await pilot.press("v", "w", "w", "l", "l")
        assert app.view.selection() is not None
        await pilot.press("3")
        stored = ents(on_disk(store, app.session.article.id), "ORG", "accepted")
        assert ("Scott lucas", "ORG", "accepted") in stored
        # The model's PERSON suggestion "Scott" overlapped: it is kept, as rejected.
        assert ("Scott", "PERSON", "rejected") in ents(on_disk(store, app.session.article.id))
        await pilot.press("j")  # the cursor leaves, so the entity is painted in one run
        assert styles_of(app, "Scott lucas")[0].bgcolor.name == codebook.colour("ORG")
        # Relabel with 1 (PERSON), on the entity under the cursor with nothing selected.
        await goto(app, pilot, "lucas")
        await pilot.press("1")
        assert ("Scott lucas", "PERSON", "accepted") in ents(on_disk(store, app.session.article.id))
        # Shift+arrows extend a selection too; the token under the cursor is used when none.
        await goto(app, pilot, "eaworldview")
        await pilot.press("7")
        assert ("eaworldview", "DATE", "accepted") in ents(on_disk(store, app.session.article.id))
        await goto(app, pilot, "eastern Syria")
        await pilot.press(*["shift+right"] * 9)
        await pilot.press("5")
        assert ("eastern Syria", "LOC", "accepted") in ents(on_disk(store, app.session.article.id))
        assert ("Syria", "GPE", "rejected") in ents(on_disk(store, app.session.article.id))
        assert text  # the text itself never changes


async def test_remove_accept_reject_and_accept_all(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        aid = app.session.article.id
        await goto(app, pilot, "Syrian Democratic Forces")
        await pilot.press("a")
        assert ("Syrian Democratic Forces", "ORG", "accepted") in ents(on_disk(store, aid))
        await goto(app, pilot, "American official")
        await pilot.press("r")
        assert ("American", "NORP", "rejected") in ents(on_disk(store, aid))
        assert app.session.entity_at(app.view.cursor) is None  # rejected ones disappear from view
        await goto(app, pilot, "Syrian Democratic Forces")
        await pilot.press("x")
        assert app.session.entity_at(app.view.cursor) is None
        assert ("Syrian Democratic Forces", "ORG", "rejected") in ents(on_disk(store, aid))  # model origin: kept
        await pilot.press("3")
        await pilot.press("delete")
        assert not [e for e in ents(on_disk(store, aid)) if e[0] == "Syrian Democratic Forces" and e[2] != "rejected"]
        await pilot.press("A")
        disk = on_disk(store, aid)
        assert ents(disk, status="suggested") == []
        assert len(ents(disk, status="accepted")) > 40


async def test_undo_redo_every_action_and_history_survives_a_restart(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        aid = app.session.article.id
        await goto(app, pilot, "eaworldview")
        await pilot.press("7")
        await goto(app, pilot, "Syrian Democratic Forces")
        await pilot.press("r")
        await pilot.press("u")
        assert ("Syrian Democratic Forces", "ORG", "suggested") in ents(on_disk(store, aid))
        await pilot.press("ctrl+r")
        assert ("Syrian Democratic Forces", "ORG", "rejected") in ents(on_disk(store, aid))
        await pilot.press("q")
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        await pilot.press("u", "u")
        disk = on_disk(store, aid)
        assert ("Syrian Democratic Forces", "ORG", "suggested") in ents(disk)
        assert not [e for e in ents(disk) if e[0] == "eaworldview"]
        await pilot.press("u")
        assert "nothing to be undone" in str(app.query_one("#status").render())


async def test_search_and_jumps(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        text = app.session.article.text
        first_entity = app.session.next_entity(app.view.cursor, 1)
        await pilot.press("n")
        assert app.view.cursor == first_entity.start
        await pilot.press("n", "N")
        assert app.view.cursor == first_entity.start
        await pilot.press("slash", *"coalition", "enter")
        hits = [i for i in range(len(text)) if text.lower().startswith("coalition", i)]
        assert app.view.cursor == hits[0] and len(app.view.matches) == len(hits) == 5
        await pilot.press("n", "n")
        assert app.view.cursor == hits[2]
        await pilot.press("N")
        assert app.view.cursor == hits[1]
        assert "match 2 of 5" in str(app.query_one("#status").render())


async def test_a_search_typed_in_one_burst_is_all_the_searchs(seed_db, codebook, pipeline):
    """"/coal" Enter arriving at once (a fast typist, a paste, tmux): the letters went to the article
    before the search line opened; they are searched for, never run as commands ("q" quits)."""
    from textual import events

    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        entities = len(app.session.entities)
        for key, char in [("slash", "/"), ("c", "c"), ("o", "o"), ("a", "a"), ("l", "l"), ("q", "q"),
                          ("enter", "\r")]:
            app.post_message(events.Key(key, char))  # queued together, as a terminal delivers them
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and len(app.session.entities) == entities
        assert "no match for 'coalq'" in str(app.query_one("#status").render())


async def test_mouse_click_moves_the_cursor(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(120, 40)) as (store, app, pilot):
        view = app.view
        await pilot.click("#article", offset=(2, 1))  # border 1 + padding 1: first cell of line 1
        assert view.cursor == 0
        await pilot.click("#article", offset=(6, 2))
        assert view.cursor == view._lines[1][0] + 4


async def test_mouse_drag_selects_and_a_key_labels_the_selection(seed_db, codebook, pipeline):
    async with running(seed_db, codebook, pipeline, size=(120, 40)) as (store, app, pilot):
        view, text = app.view, app.session.article.text
        line = 3  # "By Scott lucas – ..." is the fourth screen line of the seed article
        assert text[view._lines[line][0]:].startswith("By Scott lucas")
        await pilot.mouse_down("#article", offset=(2 + 3, 1 + line))  # on "Scott"
        await pilot.hover("#article", offset=(2 + 12, 1 + line))  # inside "lucas"
        await pilot.mouse_up("#article", offset=(2 + 12, 1 + line))
        assert text[slice(*view.selection())] == "Scott luca"
        await pilot.press("1")
        assert ("Scott lucas", "PERSON", "accepted") in ents(on_disk(store, app.session.article.id))


def test_a_sentence_end_is_where_a_full_stop_meets_a_capital_but_not_after_an_initial():
    from tui.core.tokens import sentence_end_between

    text = 'In Reading. The man, Mr. Smith of the U.S. Army, fled! "We saw him," they said.\n\nNext one'
    def between(a: str, b: str) -> bool:
        start = text.index(a)
        return sentence_end_between(text, start, text.index(b, start + 1))
    assert between("Reading", "The") and between("fled", '"We') and between("said", "Next")
    assert not between("Mr.", "Smith") and not between("U.S.", "Army") and not between("In", "Reading")


async def test_selecting_by_words_stops_at_the_end_of_the_sentence(seed_db, codebook, pipeline):
    """v w w 1 from "early" in "... late Wednesday and early Thursday. The US official said ...":
    the second w would take the selection into the next sentence; it stops, rings, and says so."""
    async with running(seed_db, codebook, pipeline, size=(160, 45)) as (store, app, pilot):
        text = app.session.article.text
        await goto(app, pilot, "early Thursday. The US")
        await pilot.press("v", "w", "w")
        assert "stops at the end of the sentence" in str(app.query_one("#status").render())
        assert app.view.selection() == (text.index("early Thursday. The US"), text.index("Thursday. The US") + 1)
        await pilot.press("7")
        labelled = [text[e.start:e.end] for e in app.session.entities.values()
                    if e.status == "accepted" and e.label == "DATE"]
        assert labelled == ["early Thursday"]
