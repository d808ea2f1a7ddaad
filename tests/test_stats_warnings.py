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
