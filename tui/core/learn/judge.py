"""Judges the rule suggester's triggers by how often this project's coders code their word as an event.

A few dozen coded articles say little about any one context, but much about a word: a project coding
the KAIROS way codes "killed" as a death, never as an attack, so its coders code none of the dozens of
"killed" in their articles; an ACLED coder codes "bombing" most times it is read. So the judge counts,
over every coded article, each candidate word (by lemma: a rule trigger word, a casualty word, or a
word the coders coded) and how many of its occurrences lie in a trigger the coders coded; and, per
event type, how many of the rules' triggers of that type they coded (which types a project codes at
all). A trigger's rate is its lemma's share, smoothed towards its type's share, itself smoothed towards
the project's (a beta prior of PRIOR_WEIGHT occurrences at each level), so a word seen twice moves
little and a word seen twenty times uncoded falls near zero. Below the rate chosen by cross-validation
in training (``calibrate``) the rule trigger is dropped; the counts go with the pipeline (its meta) and
say why in each suggestion's evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..suggest_lexicon import CASUALTY_LEMMAS

PRIOR_WEIGHT = 2.0  # how many occurrences the prior counts for, at each level
WORD_POS = ("NOUN", "VERB", "PROPN")


@dataclass
class Tally:
    """What the coders decided in some articles: [occurrences, coded] per lemma and per rule type."""

    lemmas: dict[str, list[int]] = field(default_factory=dict)
    types: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: Tally) -> Tally:
        for mine, theirs in ((self.lemmas, other.lemmas), (self.types, other.types)):
            for key, (seen, coded) in theirs.items():
                row = mine.setdefault(key, [0, 0])
                row[0] += seen
                row[1] += coded
        return self


def mention_lemma(doc, mention) -> str:
    """The lemma a rule trigger is judged by: its words' syntactic head ("gun battle" -> "battle")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None and len(span) else ""


def tally(doc, mentions: list, triggers: list[tuple[int, int, str]], is_trigger) -> Tally:
    """The coders' decisions in one article: each candidate word's occurrences (a rule trigger word by
    ``is_trigger``, a casualty word, a rule trigger's or a coded trigger's lemma) and how many lie in
    a coded trigger; each rule trigger type's mentions and how many the coders coded."""

    def coded(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in triggers)

    out = Tally()
    wanted = {mention_lemma(doc, m) for m in mentions}
    for s, e, _ in triggers:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            wanted.add(span.root.lemma_.lower())
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in WORD_POS and (lemma in wanted or lemma in CASUALTY_LEMMAS or is_trigger(tok)):
            row = out.lemmas.setdefault(lemma, [0, 0])
            row[0] += 1
            row[1] += coded(tok.idx, tok.idx + len(tok))
    for m in mentions:
        row = out.types.setdefault(m.type, [0, 0])
        row[0] += 1
        row[1] += coded(m.start, m.end)
    return out


def rejected_tally(doc, rejected: list[tuple[int, int, str]]) -> Tally:
    """The suggestions a coder rejected in an article whose events are otherwise unreviewed: each
    rejected trigger is one occurrence of its word, and of its type, not coded."""
    out = Tally()
    for s, e, etype in rejected:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for key, table in ((span.root.lemma_.lower(), out.lemmas), (etype, out.types)):
            table.setdefault(key, [0, 0])[0] += 1
    return out


class TriggerJudge:
    """How likely the coders are to code a rule trigger, from a ``Tally`` of their articles."""

    def __init__(self, counts: Tally):
        self.counts = counts
        seen = sum(n for n, _ in counts.types.values())
        self.project = (sum(c for _, c in counts.types.values()) + PRIOR_WEIGHT * 0.5) / (seen + PRIOR_WEIGHT)

    def type_rate(self, etype: str) -> float:
        seen, coded = self.counts.types.get(etype, (0, 0))
        return (coded + PRIOR_WEIGHT * self.project) / (seen + PRIOR_WEIGHT)

    def rate(self, lemma: str, etype: str) -> float:
        """The smoothed share of ``lemma``'s occurrences the coders coded, its prior the type's share."""
        seen, coded = self.counts.lemmas.get(lemma, (0, 0))
        return (coded + PRIOR_WEIGHT * self.type_rate(etype)) / (seen + PRIOR_WEIGHT)

    def reason(self, lemma: str, etype: str) -> str:
        """Why, in words, for the suggestion's evidence."""
        seen, coded = self.counts.lemmas.get(lemma, (0, 0))
        if seen:
            return f'coders coded "{lemma}" {coded} of {seen} times (judge {self.rate(lemma, etype):.2f})'
        n, c = self.counts.types.get(etype, (0, 0))
        return f'"{lemma}" not yet seen by coders; {etype} triggers coded {c} of {n} (judge {self.rate(lemma, etype):.2f})'

    def as_dict(self) -> dict:
        return {"prior_weight": PRIOR_WEIGHT, "lemmas": dict(sorted(self.counts.lemmas.items())),
                "types": dict(sorted(self.counts.types.items()))}

    @classmethod
    def from_dict(cls, data: dict | None) -> TriggerJudge | None:
        if not data:
            return None
        return cls(Tally({k: list(v) for k, v in (data.get("lemmas") or {}).items()},
                         {k: list(v) for k, v in (data.get("types") or {}).items()}))


def judge_line(meta: dict) -> str | None:
    """What the trained pipeline does with the rule triggers, in one line for the train command."""
    limits = meta.get("trigger_thresholds")
    if not limits or not meta.get("trigger_judge"):
        return None
    search = limits.get("search") or {}
    if not search.get("f1_chosen"):
        return "trigger judge: off, too few articles with coded events to test it on"
    how = (f" (cross-validation on the training articles: event F1 {search['f1_chosen'][0]:.2f}, "
           f"rules alone {search['f1_rules_alone'][0]:.2f})")
    if limits.get("judge", 0) > 0:
        return (f"trigger judge: a rule trigger whose word the coders code at a rate under {limits['judge']:.2f} "
                f"is not suggested{how}")
    return f"trigger judge: off, it did not help on the training articles{how}"
