"""A date the coder's words do not name keeps the event's date and says so (real store, real session)."""

from tui.core.events import assign_span, new_event
from tui.core.model import Article, article_id_for
from tui.core.store import Store
from tui.core.validation import validate_event


def test_an_unparsable_time_keeps_the_previous_date_and_warns(tmp_path, codebook):
    text = "Protesters rallied in Minsk on Thursday; the rally lasted roughly a day."
    article = Article(article_id_for(text), text, published="2020-08-03")
    with Store(tmp_path / "p.json") as store:
        store.add_article(article)
        session = store.open_session(article.id, "coderA")
        start = text.index("rallied")
        changes = new_event(session, codebook, "PROTEST", start, start + 7)
        session.commit("new", changes)
        event_id = changes[-1]["id"]
        day = text.index("Thursday")
        session.commit("time", assign_span(session, codebook, event_id, "Time", day, day + 8))
        assert session.events[event_id].fields["event_date"] == "2020-07-30"
        rough = text.index("roughly a day")
        session.commit("time", assign_span(session, codebook, event_id, "Time", rough, rough + 13))
        event = session.events[event_id]
        assert event.fields["event_date"] == "2020-07-30" and event.fields["time_precision"] == 1
        assert "Time 'roughly a day' names no date; the event date was kept" in validate_event(codebook, event, text)
        session.close()
