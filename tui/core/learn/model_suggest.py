"""Suggests events with a trained pipeline: its trigger spancat and the trigger judge of its meta
(``judge``: how often the coders code each word) judge the rule suggester's triggers (dropping those
they doubt, and saying the judge's reason in the evidence), and the spancat adds the ones it is sure
of that the rules missed, as far as the thresholds chosen in training on the training articles allow
(``calibrate``); the rules' types stand,
and their parse reading fills the roles, merges mentions into events and derives the ACLED fields.

How unsure the model is of an article (``uncertainty``) comes from the spancat's scores for every
candidate span, including those it judged no trigger: the closer a candidate's "trigger" and "no
trigger" probabilities, the less sure the model is. Coding such articles teaches it most.
"""

from __future__ import annotations

import numpy

from ..codebook import Codebook, CodebookError
from ..event_fields import default_subtype, guess_subtype
from ..suggest import Suggester
from ..suggest_lexicon import GENERIC_VIOLENT, VIOLENT_TYPES
from ..suggest_parse import Mention
from ..suggest_types import TypeChoice
from . import TRIGGER_PIPE
from .calibrate import NEVER, Thresholds, kept
from .judge import TriggerJudge, mention_lemma

# For a pipeline whose meta has no thresholds chosen in training (``calibrate``; one trained
# without a rule suggester to judge): a rule trigger the model calls no trigger with probability VETO
# is dropped once it was trained on KNOWN triggers, and a trigger only it finds is added from ADD.
VETO = 0.5
ADD = 0.8
KNOWN = 50
UNCERTAIN_TOP = 5  # an article's uncertainty: the mean over its most doubtful candidates

# The parse reads universal roles (Attacker, Target); research codebooks name them per type.
PARSE_ROLES = {
    "Justice.ArrestJailDetain": {"Attacker": "Jailer", "Target": "Detainee"},
    "Conflict.Demonstrate": {"Attacker": "Demonstrator"},
    "Life.Die": {"Attacker": "Killer", "Target": "Victim"},
    "Life.Injure": {"Attacker": "Injurer", "Target": "Victim"},
    "GenericCrime.GenericCrime": {"Attacker": "Perpetrator", "Target": "Victim"},
    "Justice": {"Attacker": "Agent", "Target": "Person"},
    "Life": {"Attacker": "Agent", "Target": "Victim"},
}


def has_trigger_model(nlp) -> bool:
    return TRIGGER_PIPE in getattr(nlp, "pipe_names", ())


def trained_codebook(nlp) -> str | None:
    """The name of the codebook a newsmark-trained pipeline learnt its trigger types from."""
    return ((nlp.meta.get("newsmark") or {}).get("codebook") or {}).get("name")


def suggester_for(pipeline, codebook: Codebook):
    """The suggester for a loaded pipeline: the model's triggers when it has a trigger component,
    the rules otherwise, none for the rules-only fallback (no parse to read roles from)."""
    if pipeline.fallback:
        return None
    if not has_trigger_model(pipeline.nlp):
        return Suggester(codebook)
    trained = trained_codebook(pipeline.nlp)
    if trained and trained != codebook.name:
        raise CodebookError(f"{pipeline.wanted}: its triggers were trained with codebook {trained}; "
                            f"this project uses {codebook.name}")
    return ModelSuggester(codebook, pipeline.nlp)


def check_model(folder: str, codebook: Codebook) -> str | None:
    """Why ``folder`` cannot suggest for a project with ``codebook`` (None when it can), read from
    the folder and its meta.json without loading spaCy (a folder that passes may still not load:
    ``DOES_NOT_LOAD`` says so once it is tried)."""
    import json
    from pathlib import Path

    path = Path(folder)
    if not path.exists():
        return f"{folder}: no such folder (give the folder `newsmark train --out` wrote)"
    if not path.is_dir():
        return f"{folder}: is a file, not a pipeline folder (give the folder `newsmark train --out` wrote)"
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = None
    if not isinstance(meta, dict) or not (path / "config.cfg").is_file():
        return f"{folder}: not a spaCy pipeline folder (no readable meta.json and config.cfg)"
    trained = ((meta.get("newsmark") or {}).get("codebook") or {}).get("name")
    if trained and trained != codebook.name:
        return f"{folder}: its triggers were trained with codebook {trained}; this project uses {codebook.name}"
    return None


DOES_NOT_LOAD = "{}: a spaCy pipeline folder that does not load (damaged or incomplete); train it again"


def span_scores(nlp, doc) -> dict[tuple[int, int], tuple[str, float, float]]:
    """Every candidate span (token start, end) of the trigger spancat: (best type, its probability,
    the probability of no trigger)."""
    pipe = nlp.get_pipe(TRIGGER_PIPE)
    indices, scores = pipe.predict([doc])
    bounds = pipe.model.ops.to_numpy(indices.dataXd)
    scores = pipe.model.ops.to_numpy(scores)
    none = pipe._negative_label_i
    out = {}
    for (start, end), row in zip(bounds, scores):
        typed = numpy.delete(row, none)
        best = int(typed.argmax())
        out[(int(start), int(end))] = (pipe.labels[best], float(typed[best]), float(row[none]))
    return out


def uncertainty(table: dict) -> float:
    """How unsure the trigger spancat is of an article, 0 (sure) to 1: one minus the margin between
    trigger and no trigger, averaged over its UNCERTAIN_TOP closest candidate spans."""
    doubts = sorted((1.0 - abs(p - none) for _, p, none in table.values()), reverse=True)[:UNCERTAIN_TOP]
    return round(sum(doubts) / UNCERTAIN_TOP, 4)


class ModelSuggester(Suggester):
    """The rule suggester, with the trained spancat and the trigger judge judging its triggers, and
    the spancat adding its own.

    A rule trigger whose probability of "no trigger" reaches the veto threshold, or whose word the
    coders code at a rate under the judge's threshold (``judge``), is dropped (unless
    it is the article's least doubted trigger of its type and the thresholds protect those); a span
    the model calls a trigger of a codebook type with the add threshold or more is added where the
    rules found none. So the coders' rejections and additions reach the suggestions, as far as
    cross-validation on the training articles showed they help."""

    def __init__(self, codebook: Codebook, nlp):
        super().__init__(codebook)
        self.nlp = nlp
        self._trigger_tokens: set[int] = set()
        self._table: tuple[object, dict] = (None, {})
        meta = nlp.meta.get("newsmark") or {}
        trained = (meta.get("train") or {}).get("triggers", 0)
        self.thresholds = Thresholds.from_dict(meta.get("trigger_thresholds")) or Thresholds(
            VETO if trained >= KNOWN else NEVER, ADD, protect=False)  # a pipeline trained without them
        self.judge = TriggerJudge.from_dict(meta.get("trigger_judge"))

    def scores(self, doc) -> dict:
        if self._table[0] is not doc:
            self._table = (doc, span_scores(self.nlp, doc))
        return self._table[1]

    def uncertainty(self, doc) -> float:
        return uncertainty(self.scores(doc))

    def is_trigger(self, tok) -> bool:
        return tok.i in self._trigger_tokens or super().is_trigger(tok)

    def triggers(self, doc, at_least: float = 0.0) -> list:
        """The spans the model calls triggers of the codebook's types (with probability ``at_least``
        or more), non-overlapping, the likeliest kept."""
        found = [(doc[s:e], label, p) for (s, e), (label, p, none) in self.scores(doc).items()
                 if p > none and p >= at_least and label in self.codebook.event_types]
        chosen: list = []
        for span, label, _ in sorted(found, key=lambda c: -c[2]):
            if all(span.end <= c.start or span.start >= c.end for c in chosen):
                chosen.append(doc.char_span(span.start_char, span.end_char, label=label))
        return sorted(chosen, key=lambda s: s.start)

    def mentions(self, doc, body_start: int = 0) -> list[Mention]:
        limits = self.thresholds
        spans = self.triggers(doc, limits.add) if limits.add <= 1.0 else []
        self._trigger_tokens = {t.i for span in spans for t in span}
        table = self.scores(doc)
        ruled = super().mentions(doc, body_start)
        doubt, rates = [], []
        for m in ruled:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            doubt.append(table.get((span.start, span.end), (m.type, 1.0, 0.0))[2])
            if self.judge is not None:  # the coders' record with this word goes into the evidence
                lemma = mention_lemma(doc, m)
                rates.append(self.judge.rate(lemma, m.type))
                m.evidence = "; ".join(x for x in (m.evidence, self.judge.reason(lemma, m.type)) if x)
        out = [ruled[i] for i in kept([m.type for m in ruled], doubt, limits.veto, limits.protect,
                                      rates or None, limits.judge)]
        ents = {tok.i: ent for ent in doc.ents for tok in ent}
        sent_index = {sent.start: n for n, sent in enumerate(doc.sents)}
        for span in spans:
            if any(m.start < span.end_char and span.start_char < m.end for m in ruled):
                continue
            out.append(self._model_mention(span, ents, sent_index, body_start))
        return sorted(out, key=lambda m: m.start)

    def _model_mention(self, span, ents, sent_index, body_start: int) -> Mention:
        head, sent = span.root, span.sent
        etype = self.codebook.event_types[span.label_]
        mods = {c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
        words = " ".join([span.text, *sorted(mods)])
        subtype = guess_subtype(etype, words) or default_subtype(etype, words)
        generic = head.lemma_.lower() in GENERIC_VIOLENT and span.label_ in VIOLENT_TYPES
        _, p, _ = self.scores(span.doc).get((span.start, span.end), ("", 0.0, 0.0))
        evidence = f'the trained model reads "{span.text}" as {etype.label} ({p:.2f})'
        # The rule suggester's own reading of the clause (quotations kept out the same way)
        return self._read(span, head, TypeChoice(span.label_, subtype, generic, evidence), sent_index[sent.start],
                          ents, body_start)

    def _event(self, cluster: list[Mention], article, annotator: str):
        names = PARSE_ROLES.get(cluster[0].type, {})
        for m in cluster:
            m.roles = {names.get(role, role): spans for role, spans in m.roles.items()}
        return super()._event(cluster, article, annotator)
