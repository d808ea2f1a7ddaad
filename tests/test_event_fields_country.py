"""The country an event's place is looked up in, when the event has none: the article's, estimated
as the suggester estimates it, from the title as well as the text (an import's title is often not in
its text), so that a town several countries share resolves to the one the article reports from."""

from __future__ import annotations

import json

from tui.commands.import_ import import_sources
from tui.core import events as ev
from tui.core.store import Store

TITLE = "Alabama police shoot man"
TEXT = ("Police said a man was shot dead on Tuesday in Birmingham after an argument outside a bar. "
        "Officers arrested a suspect later that night, and the city council called for calm.")


def test_a_place_typed_into_an_event_resolves_in_the_country_of_the_articles_title(tmp_path, codebook):
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"title": TITLE, "text": TEXT}) + "\n")
    with Store(tmp_path / "project.json") as store:
        import_sources(store, [str(source)])
        session = store.open_session(store.article_ids()[0], "coder")
        try:
            assert session.article.title == TITLE and TITLE not in session.article.text
            shot = TEXT.index("shot")
            session.commit("new", ev.new_event(session, codebook, "VIOLENCE_AGAINST_CIVILIANS", shot, shot + 4))
            event_id = next(iter(session.events))
            place = TEXT.index("Birmingham")
            session.commit("place", ev.assign_span(session, codebook, event_id, "Place", place, place + 10))
            fields = session.events[event_id].fields
            assert (fields["location"], fields["country"], fields["admin1"]) == (
                "Birmingham", "United States", "Alabama")
        finally:
            session.close()


def test_a_place_acled_codes_under_another_country_keeps_its_admin1_in_that_country(codebook):
    """Hong Kong is a country of its own in the gazetteer and China's admin1 in ACLED: an event in
    China placed in Hong Kong keeps admin1 and coordinates (they were dropped as "another country")."""
    from tui.core.event_fields import derive_fields
    from tui.core.model import Argument, Event

    text = "Thousands of protesters gathered in Hong Kong on Friday."
    place = text.index("Hong Kong")
    event = Event(id="e1", type="PROTEST", subtype="Peaceful protest", trigger_start=text.index("gathered"),
                  trigger_end=text.index("gathered") + 8, arguments=[Argument("Place", place, place + 9)],
                  fields={"country": "China"})
    fields = derive_fields(codebook, event, text)
    assert (fields["location"], fields["country"], fields["admin1"], fields["geo_precision"]) == (
        "Hong Kong", "China", "Hong Kong", 1)


def test_acled_warnings_name_the_civilians_of_the_country_the_articles_title_gives(codebook):
    """The warning's suggested actor comes from the place's country in the article, which the title
    settles for a town several countries share (Birmingham: Alabama, not England)."""
    from tui.core.model import Argument, Event
    from tui.core.validation import validate_event

    place = TEXT.index("Birmingham")
    shot = TEXT.index("shot")
    event = Event(id="e1", type="VIOLENCE_AGAINST_CIVILIANS", subtype="Attack", trigger_start=shot,
                  trigger_end=shot + 4, arguments=[Argument("Place", place, place + 10)])
    warnings = validate_event(codebook, event, TEXT, (), "2024-05-07", TITLE)
    assert "violence against civilians needs civilians as actor 2 (Civilians (United States))" in warnings
