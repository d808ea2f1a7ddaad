"""`suggest --reanalyse` says how many of the coders' decisions it kept as they were (what a coder
accepted, corrected or rejected), so the one who runs it need not compare the store to know."""

from __future__ import annotations

from tui.cli import main
from tui.core.model import Entity
from tui.core.session import change
from tui.core.store import Store


def test_reanalyse_counts_the_decisions_it_kept(seed_db, model_folder, capsys):
    folder = model_folder
    assert main(["suggest", "--db", str(seed_db)]) == 0
    with Store(seed_db) as store:
        [article_id] = store.article_ids()
        session = store.open_session(article_id)
        ents = [e for e in session.entities.values() if e.status == "suggested"][:3]
        session.commit("coder", [change("entities", e, Entity.from_dict({**e.to_dict(), "status": status}))
                                 for e, status in zip(ents, ("accepted", "rejected", "accepted"))])
        kept = {e.id: e.to_dict() for e in session.entities.values() if e.status != "suggested"}
        session.close()
    capsys.readouterr()
    assert main(["suggest", "--db", str(seed_db), "--model", str(folder), "--reanalyse"]) == 0
    assert "3 annotation(s) coders accepted, corrected or rejected kept as they were" in capsys.readouterr().out
    with Store(seed_db) as store:
        session = store.open_session(article_id)
        assert {i: session.entities[i].to_dict() for i in kept} == kept
        session.close()


def test_suggest_with_a_model_on_an_analysed_project_says_how_to_suggest_again(seed_db, model_folder, capsys):
    folder = model_folder
    assert main(["suggest", "--db", str(seed_db)]) == 0
    capsys.readouterr()
    assert main(["suggest", "--db", str(seed_db), "--model", str(folder)]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("nothing to do: all 1 article(s)") and out.endswith("--reanalyse suggests again with it")
