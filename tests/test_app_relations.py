"""Relations and attributes by keys alone in the app (R and m), read back from the article's files."""

from __future__ import annotations

from tui.core.nlp import load_pipeline

from .apphelpers import running, whole_screen
from .test_app_annotation import goto, on_disk


def key_for(codebook, label: str) -> str:
    return next(lab.key for lab in codebook.entity_labels.values() if lab.name == label)


async def test_relation_and_attributes_by_keys(seed_db, codebook):
    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (store, app, pilot):
        aid, text = app.session.article.id, app.session.article.text
        await goto(app, pilot, "the Coalition conducted")
        await pilot.press("w", key_for(codebook, "ORG"))
        await goto(app, pilot, "Deir ez-Zor Province")
        await pilot.press("v", *["shift+right"] * 19, key_for(codebook, "GPE"))
        await goto(app, pilot, "Coalition conducted")
        await pilot.press("R", "slash", *"deir ez", "enter")  # / then words filter the entities
        await pilot.pause()
        await pilot.press("l")  # l: Located, a key that never changes
        await pilot.pause()
        disk = on_disk(store, aid)
        words = {e.id: text[e.start:e.end] for e in disk.entities.values()}
        assert [(r.type, words[r.head], words[r.child]) for r in disk.relations.values()] == [
            ("Located", "Coalition", "Deir ez-Zor Province")]
        assert "Located→Deir ez-Zor Province" in whole_screen(app)  # the status line shows it
        assert "already there" not in whole_screen(app)  # said only when the relation was there before

        await pilot.press("m", "n")  # n: Negated
        await pilot.pause()
        coalition = next(e for e in on_disk(store, aid).entities.values() if words.get(e.id) == "Coalition")
        assert coalition.attributes == {"Negated": True}
        assert "[Negated]" in whole_screen(app)
        await pilot.press("m", "c", "r")  # cr: Certainty = Reported
        await pilot.pause()
        coalition = on_disk(store, aid).entities[coalition.id]
        assert coalition.attributes == {"Negated": True, "Certainty": "Reported"}
        await pilot.press("m", "n", "u")  # off again, then undone: on again
        await pilot.pause()
        assert on_disk(store, aid).entities[coalition.id].attributes == {"Negated": True, "Certainty": "Reported"}

        await pilot.press("R", "x", "1")  # x1 removes the first relation the entity has
        await pilot.pause()
        assert on_disk(store, aid).relations == {}


async def test_event_attribute_by_key(seed_db, codebook):
    async with running(seed_db, codebook, load_pipeline("no_such_model_package"), size=(200, 50)) as (store, app, pilot):
        aid = app.session.article.id
        await goto(app, pilot, "strikes against")
        await pilot.press("e", "slash", *"air drone", "enter")
        await pilot.pause()
        event_id = app.current_event
        # An event's h is its modality (the field the suggester sets, brat's Modality attribute).
        await pilot.press("m", "h")
        await pilot.pause()
        assert on_disk(store, aid).events[event_id].modality == "hypothetical"
        assert "hypothetical" in whole_screen(app)  # the event panel's detail shows it
        await pilot.press("m", "c", "r")  # and the general attributes too
        await pilot.pause()
        event = on_disk(store, aid).events[event_id]
        assert (event.modality, event.attributes) == ("hypothetical", {"Certainty": "Reported"})
        await pilot.press("m", "h")  # the same modality again clears it
        await pilot.pause()
        assert on_disk(store, aid).events[event_id].modality == ""
