"""What `newsmark train` tells the NLP engineer: one line when there is nothing to train on, a table
with every label whole and a row for all labels together (as spaCy's and Prodigy's training print
the overall P/R/F beside the per-label ones), and counts only of what was trained."""

from __future__ import annotations

from tui.cli import main
from tui.core.learn.evaluate import ALL_LABELS, compare, report_lines
from tui.core.model import Article, article_id_for
from tui.core.store import Store

from .test_learn import coded_project


def test_train_with_nothing_reviewed_is_one_line_and_nothing_else(tmp_path, capsys):
    db = tmp_path / "empty.json"
    with Store(db) as store:
        text = "Nothing was coded here."
        store.add_article(Article(article_id_for(text), text))
    assert main(["train", "--db", str(db), "--out", str(tmp_path / "m")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # no "training on 0 reviewed article(s)" before the refusal
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and "no reviewed annotations" in err[0]


def _docs(nlp, text, spans):
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
    return doc


def test_the_table_has_an_overall_row_and_labels_are_never_cut():
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    text = "Troops shelled Aleppo and Homs while Idlib waited in the Damage Destroy Disable Dismantle zone."
    long_label = "ArtifactExistence.DamageDestroyDisableDismantle"
    gold = [(15, 21, "GPE"), (26, 30, "GPE"), (37, 42, "GPE"), (57, 89, long_label)]
    untrained = [(15, 21, "GPE")]
    trained = [(15, 21, "GPE"), (26, 30, "GPE"), (57, 89, long_label)]
    refs = [_docs(nlp, text, gold)]
    examples = {"entities": [Example(nlp.make_doc(text), refs[0])], "triggers": []}
    scores = compare(examples, {"entities": [_docs(nlp, text, untrained)]},
                     {"entities": [_docs(nlp, text, trained)]})
    overall = scores["entities"][ALL_LABELS]
    assert overall["gold"] == 4
    assert overall["before"] == {"p": 1.0, "r": 0.25, "f": 0.4}
    assert overall["after"] == {"p": 1.0, "r": 0.75, "f": round(2 * 0.75 / 1.75, 3)}
    lines = report_lines(scores)
    assert any(long_label in line for line in lines)
    assert lines[-1].split()[:2] == ["all", "labels"]  # the overall row comes last
    assert len({len(line) for line in lines[1:]}) == 1  # the rows line up, the longest label whole


def test_training_only_triggers_does_not_count_entities_as_trained(tmp_path, capsys):
    db = tmp_path / "coded.json"
    coded_project(db)
    assert main(["train", "--db", str(db), "--out", str(tmp_path / "m"), "--epochs", "1",
                 "--components", "triggers"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("trained triggers on 8 article(s) (8 triggers;") and "entities" not in last


def test_the_first_line_says_how_many_articles_are_held_out(tmp_path, capsys):
    """With one reviewed article a 20% share holds none out: the first line says so, not "20%"."""
    from tui.core.annotate import review
    from tui.core.model import Entity

    db = tmp_path / "one.json"
    with Store(db) as store:
        for text in ("Rebels shelled Homs on Monday.", "Nothing was coded here."):
            store.add_article(Article(article_id_for(text), text))
        first = store.article_ids()[0]
        session = store.open_session(first)
        from tui.core.session import change
        session.commit("code", [change("entities", None, Entity(15, 19, "GPE"))])
        review(session)
        store.sync(session)
        session.close()
        store.set_status(first, "done")
    assert main(["train", "--db", str(db), "--out", str(tmp_path / "m"), "--epochs", "1",
                 "--components", "entities"]) == 0
    first_line = capsys.readouterr().out.splitlines()[0]
    assert first_line == "training on 1 reviewed article(s) of 2, 1 epoch(s); holding out 0 of them (--eval-split 0.2)"


def test_a_trained_side_worse_than_the_untrained_is_said_with_what_to_do():
    from tui.core.learn.evaluate import verdict_lines

    def table(before_f, after_f):
        row = {"gold": 40, "before": {"p": before_f, "r": before_f, "f": before_f},
               "after": {"p": after_f, "r": after_f, "f": after_f}}
        return {"GPE": row, ALL_LABELS: row}

    lines = verdict_lines({"entities": table(0.99, 0.87), "triggers": table(0.57, 0.67)})
    assert lines == ["entities: the trained model scores below the untrained one on the held-out articles "
                     "(F1 0.87 < 0.99); `--components triggers` leaves the pinned model's entities as they are"]
    assert verdict_lines({"entities": table(0.80, 0.85)}) == []


def test_the_progress_says_what_follows_the_last_epoch(tmp_path):
    """After the epochs the thresholds are chosen by cross-validation (about one more training run):
    the bar says so instead of standing at 100% with nothing said."""
    from tui.core.codebook import load_codebook
    from tui.core.learn.corpus import reviewed_articles
    from tui.core.learn.train import TrainSettings, train
    from tui.core.suggest import Suggester

    db = tmp_path / "coded.json"
    coded_project(db)
    with Store(db) as store:
        reviews = reviewed_articles(store)
    calls = []
    train(reviews, tmp_path / "m", TrainSettings(epochs=1, components=("triggers",)),
          {"project": str(db), "codebook": {"name": "acled", "version": "1"}},
          progress=lambda epoch, losses: calls.append((epoch, losses)), suggester=Suggester(load_codebook()))
    assert calls[0][0] == 1 and calls[0][1] and calls[-1] == (1, None)


def test_the_meta_names_the_project_by_its_whole_path(tmp_path, monkeypatch, capsys):
    """`--db coded.json` from the project's folder: the pipeline's meta still says which project."""
    import json

    coded_project(tmp_path / "coded.json")
    monkeypatch.chdir(tmp_path)
    assert main(["train", "--db", "coded.json", "--out", "m", "--epochs", "1", "--components", "triggers"]) == 0
    meta = json.loads((tmp_path / "m" / "meta.json").read_text())["newsmark"]
    assert meta["project"] == str(tmp_path / "coded.json")
