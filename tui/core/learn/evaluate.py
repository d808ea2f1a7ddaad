"""Per-label precision, recall and F1 on held-out articles: the trained pipeline against the untrained.

Each side is what newsmark would suggest: the untrained side the pinned model's entities and the
rule suggester's trigger mentions, the trained side the trained recogniser's entities and the
mentions of ``ModelSuggester`` (the rules' triggers judged by the trained spancat, plus its own). Entities are scored by
spaCy's own ``get_ner_prf`` (a prediction over tokens the coder never reviewed counts neither way);
triggers by ``Scorer.score_spans`` on the trigger span group, exact span and type.
"""

from __future__ import annotations

from . import TRIGGER_KEY


def _prf(stats: dict | None) -> dict:
    stats = stats or {}
    return {k: round(float(stats.get(k) or 0.0), 3) for k in ("p", "r", "f")}


ALL_LABELS = "all labels"  # the row of every label together (micro-averaged), last in each table


def _trigger_scores(examples: list) -> tuple[dict, dict]:
    """(per-type scores, overall scores) of the trigger span group."""
    from spacy.scorer import Scorer

    if not examples:
        return {}, {}
    scores = Scorer.score_spans(examples, TRIGGER_KEY, getter=lambda doc, attr: doc.spans.get(TRIGGER_KEY, []),
                                allow_overlap=True)
    overall = {k: scores.get(f"{TRIGGER_KEY}_{k}") for k in ("p", "r", "f")}
    return scores.get(f"{TRIGGER_KEY}_per_type") or {}, overall


def _entity_scores(examples: list) -> tuple[dict, dict]:
    """(per-label scores, overall scores) of the entities."""
    from spacy.scorer import get_ner_prf

    if not examples:
        return {}, {}
    scores = get_ner_prf(examples)
    return scores.get("ents_per_type") or {}, {k: scores.get(f"ents_{k}") for k in ("p", "r", "f")}


def entity_f1(nlp, examples: list) -> float:
    """The recogniser's overall entity F1 on ``examples`` (0.0 with none)."""
    from spacy.training import Example

    docs = predict(nlp, examples)
    return float(_entity_scores([Example(d, eg.reference) for d, eg in zip(docs, examples)])[1].get("f") or 0.0)


def rule_triggers(doc, suggester) -> None:
    """Put a suggester's trigger mentions into ``doc.spans`` (what the coder would be offered)."""
    spans = []
    if suggester is not None:
        for m in suggester.mentions(doc):
            span = doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans[TRIGGER_KEY] = spans


def predict(nlp, examples: list, suggester=None) -> list:
    """``nlp`` run over the examples' texts; with a ``suggester`` the triggers are its mentions."""
    docs = list(nlp.pipe(eg.reference.text for eg in examples))
    if suggester is not None:
        for doc in docs:
            rule_triggers(doc, suggester)
    return docs


def compare(examples: dict[str, list], before: dict[str, list], after: dict[str, list]) -> dict:
    """{"entities"|"triggers": {label: {"gold": n, "before": prf, "after": prf}}}: each kind's
    held-out examples against the untrained (``before``) and trained (``after``) predictions."""
    from spacy.training import Example

    out: dict[str, dict] = {}
    for kind, egs in examples.items():
        if not egs:
            continue
        refs = [eg.reference for eg in egs]
        score = _entity_scores if kind == "entities" else _trigger_scores
        tables, overall = {}, {}
        for side, docs in (("before", before), ("after", after)):
            tables[side], overall[side] = score([Example(d, r) for d, r in zip(docs[kind], refs)])
        gold: dict[str, int] = {}
        for ref in refs:
            for span in (ref.ents if kind == "entities" else ref.spans.get(TRIGGER_KEY, [])):
                gold[span.label_] = gold.get(span.label_, 0) + 1
        labels = sorted(set(gold) | set(tables["before"]) | set(tables["after"]))
        out[kind] = {label: {"gold": gold.get(label, 0), "before": _prf(tables["before"].get(label)),
                             "after": _prf(tables["after"].get(label))} for label in labels}
        out[kind][ALL_LABELS] = {"gold": sum(gold.values()), "before": _prf(overall["before"]),
                                 "after": _prf(overall["after"])}
    return out


def report_lines(scores: dict) -> list[str]:
    """The comparison as aligned lines of text, one per label (each whole), then all labels together."""
    lines = []
    width = max([len(label) for table in scores.values() for label in table] + [10])
    for kind, table in scores.items():
        lines.append(f"{kind + ' on held-out articles':<{width + 2}}  gold   untrained P/R/F1    trained P/R/F1")
        for label, row in table.items():
            b, a = row["before"], row["after"]
            lines.append(f"  {label:<{width}} {row['gold']:>5}   {b['p']:.2f} {b['r']:.2f} {b['f']:.2f}"
                         f"      {a['p']:.2f} {a['r']:.2f} {a['f']:.2f}")
    return lines


WORSE_HINTS = {"entities": "`--components triggers` leaves the pinned model's entities as they are",
               "triggers": "code more articles before suggesting with it"}


def verdict_lines(scores: dict) -> list[str]:
    """A line for each kind whose trained side scores below the untrained one on all labels together,
    with what to do: a coder should not take a worse model for a better one because it was trained."""
    lines = []
    for kind, table in scores.items():
        row = table.get(ALL_LABELS)
        if row and row["gold"] and row["after"]["f"] < row["before"]["f"]:
            lines.append(f"{kind}: the trained model scores below the untrained one on the held-out articles "
                         f"(F1 {row['after']['f']:.2f} < {row['before']['f']:.2f}); {WORSE_HINTS.get(kind, '')}".rstrip("; "))
    return lines
