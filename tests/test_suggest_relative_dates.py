"""An event told relative to another ("two days later", "the following day", "about a week after the attack")
takes that event's date shifted by the amount (real pinned model, sentences written for the test); with
nothing to count from it keeps the report's week; editing it later keeps the date without a warning."""

import pytest

from tests.test_suggest_rules import role, suggester, words  # noqa: F401 (suggester is a fixture)
from tests.test_suggest_rules import suggest
from tui.core.events import add_suggestions, assign_span
from tui.core.model import Article, article_id_for
from tui.core.relative_dates import read_shift
from tui.core.store import Store
from tui.core.validation import validate_event

ATTACK = "Gunmen attacked a village on 3 March 2024. "


def dated(pipeline, suggester, text, published="2024-03-20"):
    article, events = suggest(pipeline, suggester, text, published)
    return [(words(article, e), role(article, e, "Time"), e.fields.get("event_date"), e.fields.get("time_precision"))
            for e in events]


@pytest.mark.parametrize("follow, day", [("Two days later, soldiers clashed with the gunmen.", "2024-03-05"),
                                         ("The following day, soldiers clashed with the gunmen.", "2024-03-04"),
                                         ("Soldiers clashed with the gunmen the day before.", "2024-03-02")])
def test_a_follow_up_is_dated_from_the_event_before_it(pipeline, suggester, follow, day):
    first, second = dated(pipeline, suggester, ATTACK + follow)
    assert first[2:] == ("2024-03-03", 1)
    assert second[1] != ["3 March 2024"] and second[2:] == (day, 1)  # its own words, not the date carried over


def test_about_a_week_after_the_named_event_is_that_week(pipeline, suggester):
    text = ATTACK + "About a week after the attack, protesters marched in the capital."
    [_, (trigger, time, day, precision)] = dated(pipeline, suggester, text)
    assert (trigger, time, day, precision) == ("marched", ["About a week after the attack"], "2024-03-10", 2)


def test_a_day_after_an_event_the_model_did_not_tag_as_a_date(pipeline, suggester):
    text = "A bomb exploded in Kabul on Monday. Police arrested two men a day after the bombing. The next day, protesters marched."
    found = [(trigger, day) for trigger, _, day, _ in dated(pipeline, suggester, text, "2024-05-23")]
    assert found == [("exploded", "2024-05-20"), ("arrested", "2024-05-21"), ("marched", "2024-05-22")]


def test_with_nothing_to_count_from_it_keeps_the_reports_week(pipeline, suggester):
    [(_, _, day, precision)] = dated(pipeline, suggester, "Two days later, soldiers clashed with gunmen in the village.")
    assert (day, precision) == ("2024-03-20", 2)


def test_a_shift_past_publication_is_not_taken_unless_announced(pipeline, suggester):
    [_, (_, _, day, precision)] = dated(pipeline, suggester, ATTACK + "Two days later, soldiers clashed with the gunmen.",
                                        published="2024-03-04")
    assert (day, precision) == ("2024-03-04", 2)


def test_reading_the_words():
    assert (read_shift("two weeks later").days, read_shift("two weeks later").precision) == (14, 2)
    assert read_shift("a day after the bombing").named == "bombing"
    assert read_shift("the previous day").days == -1
    assert read_shift("two days") is None and read_shift("later this week") is None


def test_editing_the_event_keeps_its_date_without_a_warning(tmp_path, pipeline, suggester, codebook):
    text = ATTACK + "Two days later, soldiers clashed with the gunmen."
    article, events = suggest(pipeline, suggester, text, "2024-03-20")
    article = Article(article_id_for(text), text, published="2024-03-20")
    with Store(tmp_path / "p.json") as store:
        store.add_article(article)
        session = store.open_session(article.id, "coderA")
        session.commit("suggest", add_suggestions(session, events))
        clash = next(e for e in session.events.values() if words(article, e) == "clashed")
        village = text.index("village")
        session.commit("place", assign_span(session, codebook, clash.id, "Place", village, village + 7))
        clash = session.events[clash.id]
        assert (clash.fields["event_date"], clash.fields["time_precision"]) == ("2024-03-05", 1)
        assert not [w for w in validate_event(codebook, clash, text) if "names no date" in w]
        session.close()

