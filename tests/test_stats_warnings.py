"""`newsmark stats` counts the warnings the event panel shows beside each event, ACLED's rules included."""

from tui.core.formats.stats import project_stats
from tui.core.model import Argument, Article, Event, article_id_for
from tui.core.session import change
from tui.core.store import Store
from tui.core.validation import validate_event


def test_stats_counts_the_event_panels_warnings(tmp_path, codebook):
    text = "Gunmen shot five villagers in Gao on Monday."
    article = Article(article_id_for(text), text, published="2019-01-30")
    event = Event("VIOLENCE_AGAINST_CIVILIANS", "Attack", text.index("shot"), text.index("shot") + 4,
                  [Argument("Attacker", 0, 6)], {"country": "Mali"}, status="accepted")
    with Store(tmp_path / "p.json") as store:
        store.add_article(article)
        session = store.open_session(article.id, "coderA")
        session.commit("new", [change("events", None, event)])
        session.close()
        panel = validate_event(codebook, event, text)
        stats = project_stats(store, codebook)
    assert any("needs civilians as actor 2" in w for w in panel)  # what the coder sees beside the event
    assert all(any(w.endswith(p) for w in stats.warnings) for p in panel) and len(stats.warnings) == len(panel)


def test_stats_leaves_out_warnings_the_coder_has_answered_or_the_model_made(tmp_path, codebook):
    """A typed Actor 1 satisfies the Attacker; a suggested entity's label is the model's, not the coder's."""
    from tui.core.model import Entity

    text = "Police arrested a 36-year-old Cheltenham man in Pandeglang on Tuesday."
    article = Article(article_id_for(text), text, published="2019-09-18")
    man = text.index("36-year-old Cheltenham man")
    battle = Event("BATTLE", "Armed clash", 0, 6, [], {"actor1": "Police Forces of the United Kingdom",
                                                     "actor2": "Unidentified Armed Group"}, status="accepted")
    arrest = Event("ARREST", "Arrests", text.index("arrested"), text.index("arrested") + 8,
                   [Argument("Person", man, man + len("36-year-old Cheltenham man"))], status="accepted")
    label = Entity(man, man + len("36-year-old"), "DATE", origin="model", status="suggested")
    with Store(tmp_path / "p.json") as store:
        store.add_article(article)
        session = store.open_session(article.id, "coderA")
        session.commit("new", [change("events", None, battle), change("events", None, arrest),
                               change("entities", None, label)])
        session.close()
        quiet = project_stats(store, codebook).warnings
        session = store.open_session(article.id, "coderA")
        accepted = Entity.from_dict({**label.to_dict(), "status": "accepted"})
        session.commit("accept", [change("entities", label, accepted)])
        store.sync(session)
        session.close()
        loud = project_stats(store, codebook).warnings
    assert not any("is required" in w or "labelled" in w for w in quiet), quiet
    assert any("Person '36-year-old Cheltenham man' is labelled DATE" in w for w in loud), loud
