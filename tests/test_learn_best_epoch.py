"""Training keeps the entity recogniser of its best epoch on training articles set aside, the pinned
one when no epoch beats it: fine-tuning on a few articles the pinned model already gets right can
only unlearn (on ten coded practice articles, F1 on held-out articles fell from 0.99 to 0.90)."""

from __future__ import annotations

import json

import spacy
from spacy.training import Example

from tui.core.learn.best_epoch import BestEpoch, best_epoch_line
from tui.core.learn.corpus import reviewed_articles
from tui.core.learn.train import TrainSettings, train
from tui.core.nlp import MODEL_PACKAGE
from tui.core.store import Store

from .test_learn import coded_project


KNOWN_TOWNS = ["Mosul", "Kirkuk", "Tikrit", "Fallujah"]  # towns the pinned model reads as GPE here


def _examples(nlp, label: str) -> list:
    """Sentences naming a town, the town labelled ``label`` (and the day a DATE)."""
    out = []
    for town in KNOWN_TOWNS:
        text = f"Government forces shelled {town} on Monday."
        start, day = text.index(town), text.index("Monday")
        doc = nlp.make_doc(text)
        out.append(Example.from_dict(doc, {"entities": [(start, start + len(town), label), (day, day + 6, "DATE")]}))
    return out


def test_an_epoch_that_unlearns_is_not_kept():
    nlp = spacy.load(MODEL_PACKAGE)
    right = _examples(nlp, "GPE")
    best = BestEpoch(nlp, right)
    assert best.score == 1.0 and best.epoch == 0  # the pinned model gets every town
    optimizer = nlp.resume_training()
    others = [n for n in nlp.pipe_names if n != "ner"]
    for _ in range(10):  # an epoch of wrong corrections: every town a PERSON
        nlp.update(_examples(nlp, "PERSON"), sgd=optimizer, exclude=others)
    assert nlp("Government forces shelled Mosul on Monday.").ents[0].label_ == "PERSON"
    best.after(1)
    assert best.epoch == 0
    best.restore()
    assert [(e.text, e.label_) for e in nlp("Government forces shelled Mosul on Monday.").ents][0] == ("Mosul", "GPE")


def test_training_says_which_recogniser_it_kept_and_never_scores_below_the_pinned_one_on_its_check(tmp_path):
    db, out = tmp_path / "coded.json", tmp_path / "model"
    coded_project(db)
    with Store(db) as store:
        reviews = reviewed_articles(store)
    result = train(reviews, out, TrainSettings(epochs=2, components=("entities",), learn_rate=0.01, batch_size=2),
                   {"project": str(db), "codebook": {"name": "acled", "version": "1"}})
    kept = json.loads((out / "meta.json").read_text())["newsmark"]["entity_epoch"]
    assert kept["of"] == 2 and 0 <= kept["epoch"] <= 2 and kept["check_articles"] == 2
    assert kept["check_f1"] >= 0.99  # the pinned model gets these towns: nothing kept does worse
    assert result.scores["entities"]["all labels"]["after"]["f"] >= result.scores["entities"]["all labels"]["before"]["f"]
    assert best_epoch_line(result.meta).startswith("entities: kept ")
