"""A Time a coder gives ("last Tuesday") counts from the article's date, never from today; in an article
with no date it cannot be resolved: the event keeps its date and the coder is told (real store, session)."""

import pytest

from tui.core.events import assign_span, new_event, set_field
from tui.core.model import Article, article_id_for
from tui.core.store import Store
from tui.core.validation import validate_event, validate_session

TEXT = "Protesters rallied in Minsk last Tuesday, organisers said."


def _rally(tmp_path, codebook, published):
    article = Article(article_id_for(TEXT), TEXT, published=published)
    tmp_path.mkdir(parents=True, exist_ok=True)
    store = Store(tmp_path / "p.json")
    store.add_article(article)
    session = store.open_session(article.id, "coderA")
    start = TEXT.index("rallied")
    changes = new_event(session, codebook, "PROTEST", start, start + 7)
    session.commit("new", changes)
    return store, session, changes[-1]["id"]


def _time(session, codebook, event_id):
    day = TEXT.index("last Tuesday")
    session.commit("time", assign_span(session, codebook, event_id, "Time", day, day + len("last Tuesday")))
    return session.events[event_id]


def test_a_relative_time_counts_from_the_articles_date_not_today(tmp_path, codebook):
    store, session, event_id = _rally(tmp_path, codebook, "2020-08-03")  # a Monday
    event = _time(session, codebook, event_id)
    assert (event.fields["event_date"], event.fields["time_precision"]) == ("2020-07-28", 1)
    assert not [w for w in validate_session(codebook, session)[event_id] if w.startswith("Time")]
    session.commit("date", set_field(session, event_id, "event_date", "last Thursday"))
    assert session.events[event_id].fields["event_date"] == "2020-07-30"
    session.close()
    store.close()


def test_in_an_undated_article_a_relative_time_keeps_the_date_and_warns(tmp_path, codebook):
    store, session, event_id = _rally(tmp_path, codebook, "")
    session.commit("date", set_field(session, event_id, "event_date", "2020-07-28"))
    event = _time(session, codebook, event_id)
    assert (event.fields["event_date"], event.fields["time_precision"]) == ("2020-07-28", 1)
    warnings = validate_session(codebook, session)[event_id]
    assert "Time 'last Tuesday' counts from the article's date, and the article has none; the event date was kept" \
        in warnings
    assert validate_event(codebook, event, TEXT, published="2020-08-03") == \
        [w for w in validate_event(codebook, event, TEXT, published="2020-08-03") if not w.startswith("Time")]
    with pytest.raises(ValueError, match="counts from the article's date"):
        set_field(session, event_id, "event_date", "last Thursday")
    assert session.events[event_id].fields["event_date"] == "2020-07-28"
    session.close()
    store.close()


def test_words_that_name_no_date_still_say_so_with_or_without_a_date(tmp_path, codebook):
    for published in ("", "2020-08-03"):
        store, session, event_id = _rally(tmp_path / published, codebook, published)
        session.commit("date", set_field(session, event_id, "event_date", "2020-07-28"))
        session.commit("time", assign_span(session, codebook, event_id, "Time", value="roughly a day"))
        assert session.events[event_id].fields["event_date"] == "2020-07-28"
        assert "Time 'roughly a day' names no date; the event date was kept" in validate_session(codebook, session)[event_id]
        session.close()
        store.close()
