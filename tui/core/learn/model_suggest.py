"""Suggests events with a trained pipeline: its trigger spancat finds and types the triggers, the rule
suggester's parse reading fills the roles, merges mentions into events and derives the ACLED fields.

How unsure the model is of an article (``uncertainty``) comes from the spancat's scores for every
candidate span, including those it judged no trigger: the closer a candidate's two best classes,
the less sure the model is. Articles with the most such close calls teach it most when coded.
"""

from __future__ import annotations

import numpy

from ..codebook import Codebook, CodebookError
from ..events import default_subtype, guess_subtype
from ..suggest import Suggester
from ..suggest_lexicon import ANAPHORIC, GENERIC_VIOLENT, VIOLENT_TYPES
from ..suggest_parse import Mention, read_place_and_time, read_roles, read_victims
from . import TRIGGER_KEY, TRIGGER_PIPE

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
    its meta.json without loading spaCy."""
    import json
    from pathlib import Path

    try:
        meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"{folder}: not a spaCy pipeline folder (no readable meta.json)"
    trained = ((meta.get("newsmark") or {}).get("codebook") or {}).get("name")
    if trained and trained != codebook.name:
        return f"{folder}: its triggers were trained with codebook {trained}; this project uses {codebook.name}"
    return None


def candidates(doc) -> list[tuple[object, float]]:
    """The trigger spancat's spans with their scores."""
    group = doc.spans.get(TRIGGER_KEY)
    if group is None:
        return []
    scores = group.attrs.get("scores")
    scores = numpy.asarray(scores if scores is not None else [], dtype=float).reshape(-1)
    return [(span, float(scores[i]) if i < len(scores) else 1.0) for i, span in enumerate(group)]


def uncertainty(nlp, doc) -> float:
    """How unsure the trigger spancat is of an article, 0 (sure) to 1: one minus the margin between
    the two best classes, averaged over its UNCERTAIN_TOP closest candidate spans."""
    pipe = nlp.get_pipe(TRIGGER_PIPE)
    _, scores = pipe.predict([doc])
    scores = pipe.model.ops.to_numpy(scores)
    if scores.shape[0] == 0 or scores.shape[1] < 2:
        return 0.0
    top2 = numpy.sort(scores, axis=1)[:, -2:]
    doubts = numpy.sort(1.0 - (top2[:, 1] - top2[:, 0]))[-UNCERTAIN_TOP:]
    return round(float(doubts.sum()) / UNCERTAIN_TOP, 4)


class ModelSuggester(Suggester):
    """The rule suggester with its trigger matching replaced by the trained spancat."""

    def __init__(self, codebook: Codebook, nlp):
        super().__init__(codebook)
        self.nlp = nlp
        self._trigger_tokens: set[int] = set()

    def uncertainty(self, doc) -> float:
        return uncertainty(self.nlp, doc)

    def is_trigger(self, tok) -> bool:
        return tok.i in self._trigger_tokens

    def triggers(self, doc) -> list:
        """Confident, non-overlapping trigger spans of the codebook's types, best first kept."""
        chosen: list = []
        for span, score in sorted(candidates(doc), key=lambda c: -c[1]):
            if span.label_ not in self.codebook.event_types:
                continue
            if all(span.end <= c.start or span.start >= c.end for c in chosen):
                chosen.append(span)
        return sorted(chosen, key=lambda s: s.start)

    def mentions(self, doc, body_start: int = 0) -> list[Mention]:
        spans = self.triggers(doc)
        self._trigger_tokens = {t.i for span in spans for t in span}
        ents = {tok.i: ent for ent in doc.ents for tok in ent}
        sent_index = {sent.start: n for n, sent in enumerate(doc.sents)}
        out = []
        for span in spans:
            head, sent = span.root, span.sent
            etype = self.codebook.event_types[span.label_]
            mods = {c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
            words = " ".join([span.text, *sorted(mods)])
            subtype = guess_subtype(etype, words) or default_subtype(etype, words)
            generic = head.lemma_.lower() in GENERIC_VIOLENT and span.label_ in VIOLENT_TYPES
            anaphoric = any(c.dep_ in ("det", "poss") and c.lower_ in ANAPHORIC for c in head.children)
            m = Mention(span.label_, subtype, span.start_char, span.end_char, sent_index[sent.start],
                        span.start_char < body_start, generic, anaphoric)
            read_roles(m, head, sent, ents, self.is_trigger)
            read_place_and_time(m, sent, ents, head)
            read_victims(m, sent, ents)
            out.append(m)
        return out

    def _event(self, cluster: list[Mention], article, annotator: str):
        names = PARSE_ROLES.get(cluster[0].type, {})
        for m in cluster:
            m.roles = {names.get(role, role): spans for role, spans in m.roles.items()}
        return super()._event(cluster, article, annotator)
