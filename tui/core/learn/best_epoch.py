"""Keeps the entity recogniser of the epoch that scores best on training articles set aside to check.

The pinned model already agrees with most of what coders accept, so a few articles of corrections
can only teach a little, and fine-tuning on them can also unlearn: on ten coded practice articles the
recogniser's F1 on held-out articles fell from 0.99 to 0.90 after twelve epochs (every rate tried
fell). As ``spacy train`` keeps ``model-best`` by its dev set, training scores the recogniser on a
share of the training articles it does not learn from, after every epoch and before the first (the
pinned weights, "epoch 0"), and keeps the best; ties keep the earlier, so a recogniser that never
beats the pinned one is the pinned one. The held-out articles (``--eval-split``) stay unseen by this
choice, so the figures ``train`` prints on them remain honest.
"""

from __future__ import annotations

MIN_ARTICLES = 3  # fewer training articles with entities: nothing to set aside, every epoch is kept
SHARE = 0.2  # of them set aside when nothing is held out (--eval-split 0); else the held-out share


class BestEpoch:
    """The recogniser's weights at its best epoch on ``check`` (entity examples), as training goes."""

    def __init__(self, nlp, check: list):
        self.nlp, self.check = nlp, check
        self.epoch, self.score, self._weights = 0, self._f1(), self._snapshot()

    def _snapshot(self) -> bytes:
        return self.nlp.get_pipe("ner").to_bytes()

    def _f1(self) -> float:
        from .evaluate import entity_f1

        return entity_f1(self.nlp, self.check)

    def after(self, epoch: int) -> None:
        """Score the weights after ``epoch`` (counted from 1); keep them when they beat the best."""
        score = self._f1()
        if score > self.score:
            self.epoch, self.score, self._weights = epoch, score, self._snapshot()

    def restore(self) -> None:
        """Put the best weights back into the recogniser."""
        self.nlp.get_pipe("ner").from_bytes(self._weights)

    def as_dict(self, epochs: int, articles: int) -> dict:
        return {"epoch": self.epoch, "of": epochs, "check_f1": round(self.score, 3), "check_articles": articles}


def best_epoch_line(meta: dict) -> str | None:
    """Which recogniser training kept, in one line for the train command."""
    kept = meta.get("entity_epoch")
    if not kept:
        return None
    which = ("the pinned model's recogniser (no epoch did better)" if kept["epoch"] == 0 else
             f"the recogniser of epoch {kept['epoch']} of {kept['of']}")
    return (f"entities: kept {which}: F1 {kept['check_f1']:.2f} on {kept['check_articles']} training "
            "article(s) set aside to check each epoch")
