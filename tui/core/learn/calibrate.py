"""Chooses how far the trained trigger models may overrule the rules, on the training articles alone.

The trained spancat judges the rule suggester's triggers (a veto from some probability of "no
trigger") and adds triggers the rules missed (from some probability of its type); the trigger judge
(``judge``) drops a rule trigger whose word the coders code too rarely (below some rate). How far to
trust each depends on how much it learnt, so the thresholds are chosen by cross-validation inside the
training articles (FOLDS folds by article: a spancat trained on the others judges each fold's rule
triggers and proposes its additions; the judge, being counts, judges each article from all the
others), never on held-out articles. The choice maximises the F1 of precision (suggested events
whose trigger a coder coded) and article type recall (the event types coded in an article that are
suggested there at least once), the figures the coders feel: few wrong suggestions, no kind of event
in an article missed. A suggestion is an event, not a trigger word: the rules merge the mentions of
one event ("a bomb exploded ... the attack"), so a dropped mention matters only when it stood for
its event (the event then shows its next mention, or goes when none is left). Ties go to the rules (fewer vetoes and additions); a model
that helps nowhere is allowed nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FOLDS = 2
NEVER = 1.01  # a threshold no probability reaches
JUDGES = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)  # the judge's rate under which a rule trigger is dropped (0: never)
# The probability of "no trigger" from which the spancat drops a rule trigger: never, as chosen here.
# A spancat trained on part of the training articles is less sure than the final one trained on all,
# so a veto threshold chosen in cross-validation vetoes more in the final model than it was tested
# for: on WikiEvents (bench_train) such vetoes (0.99) dropped coded events on the held-out articles
# in every fold where they were chosen. The judge's counts carry no such bias (leave one out).
VETOES = (NEVER,)
ADDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, NEVER)  # probability of a type that adds a trigger the rules missed
MIN_ARTICLES = 4  # fewer articles with coded triggers: no cross-validation, the rules alone


@dataclass
class Calls:
    """One held-out training article: the model's calls on it and what the coders coded."""

    # rule type, P(no trigger), coded, judge rate[, event: its cluster and its rank there (0 stands for it)]
    rules: list[tuple] = field(default_factory=list)
    added: list[tuple[str, float, bool]] = field(default_factory=list)  # model type, its P, coded
    coded_types: set = field(default_factory=set)


@dataclass
class Thresholds:
    veto: float = NEVER
    add: float = NEVER
    protect: bool = True  # never veto an article's last rule trigger of a type
    search: dict = field(default_factory=dict)  # the F1 of every setting tried, for the meta
    judge: float = 0.0  # the trigger judge's rate under which a rule trigger is dropped

    def as_dict(self) -> dict:
        return {"veto": self.veto, "add": self.add, "protect": self.protect, "judge": self.judge,
                "search": self.search}

    @classmethod
    def from_dict(cls, data: dict | None) -> Thresholds | None:
        if not data:
            return None
        return cls(float(data.get("veto", NEVER)), float(data.get("add", NEVER)), bool(data.get("protect", True)),
                   judge=float(data.get("judge", 0.0)))


def kept(types: list[str], none: list[float], veto: float, protect: bool, rates: list[float] | None = None,
         judge: float = 0.0) -> list[int]:
    """Indices of the rule triggers kept: under the spancat's veto and not under the judge's rate,
    or (``protect``) the article's least doubted trigger of its type."""
    rates = rates if rates is not None else [1.0] * len(none)
    dropped = [none[i] >= veto or rates[i] < judge for i in range(len(none))]
    best: dict[str, int] = {}
    for i, t in enumerate(types):
        if t not in best or (dropped[i], none[i], -rates[i]) < (dropped[best[t]], none[best[t]], -rates[best[t]]):
            best[t] = i
    return [i for i in range(len(none)) if not dropped[i] or (protect and best[types[i]] == i)]


def _f1(right: int, suggested: int, types_hit: int, types_coded: int) -> float:
    p = right / suggested if suggested else 0.0
    r = types_hit / types_coded if types_coded else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def outcome(articles: list[Calls], veto: float, add: float, protect: bool, judge: float = 0.0) -> tuple[float, float]:
    """F1 of precision and article type recall over the articles at these settings: of the events
    suggested, then of the trigger words (the finer measure of the same agreement, for ties)."""
    events_tally, words_tally = [0, 0, 0, 0], [0, 0, 0, 0]
    for calls in articles:
        keep = kept([r[0] for r in calls.rules], [r[1] for r in calls.rules], veto, protect,
                    [r[3] for r in calls.rules], judge)
        events: dict = {}  # each event shows its kept mention of the lowest rank
        for i in keep:
            rule = calls.rules[i]
            cluster, rank = (rule[4], rule[5]) if len(rule) > 5 else (-1 - i, 0)
            if cluster not in events or rank < events[cluster][0]:
                events[cluster] = (rank, rule[:3])
        added = [a for a in calls.added if a[1] >= add]
        for tally, chosen in ((events_tally, [rule for _, rule in events.values()] + added),
                              (words_tally, [calls.rules[i][:3] for i in keep] + added)):
            tally[0] += sum(1 for _, _, ok in chosen if ok)
            tally[1] += len(chosen)
            tally[2] += len(calls.coded_types & {t for t, _, _ in chosen})
            tally[3] += len(calls.coded_types)
    return round(_f1(*events_tally), 4), round(_f1(*words_tally), 4)


def choose(articles: list[Calls]) -> Thresholds:
    """The settings with the best ``outcome``; ties go to the rules (fewer vetoes and additions)."""
    search = {(veto, add, protect, judge): outcome(articles, veto, add, protect, judge)
              for veto in VETOES for add in ADDS for protect in (True, False) for judge in JUDGES}
    best = max(search, key=lambda k: (*search[k], k[0], k[1], k[2], -k[3]))
    veto, add, protect, judge = best
    judge_alone = max((k for k in search if k[:2] == (NEVER, NEVER)), key=lambda k: (*search[k], k[2], -k[3]))
    spancat_alone = max((k for k in search if k[3] == 0.0), key=lambda k: (*search[k], *k))
    return Thresholds(veto, add, protect, {
        "f1_rules_alone": search[(NEVER, NEVER, True, 0.0)], "f1_chosen": search[best],
        "judge_alone": [*judge_alone, search[judge_alone]], "spancat_alone": [*spancat_alone, search[spancat_alone]],
    }, judge)


def calls_on(table: dict, doc, clusters: list[list], triggers: list, codebook, rates: list[float]) -> Calls:
    """The trained models' calls on one parsed article with the rules' mentions grouped into events
    (``clusters``) and the coders' ``triggers`` ((start, end, type) characters): the spancat's
    ``table`` (``span_scores``) and the judge's ``rates`` of the mentions, in order."""

    def coded(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in triggers)

    calls = Calls(coded_types={t for _, _, t in triggers})
    mentions = [m for cluster in clusters for m in cluster]
    ranked = [(n, order.index(k)) for n, cluster in enumerate(clusters)  # as ``representative`` ranks them
              for order in [sorted(range(len(cluster)), key=lambda k: (cluster[k].title, cluster[k].instrument, k))]
              for k in range(len(cluster))]
    for m, rate, (n, rank) in zip(mentions, rates, ranked):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        _, _, none = table.get((span.start, span.end), (m.type, 1.0, 0.0))
        calls.rules.append((m.type, none, coded(m.start, m.end), rate, n, rank))
    taken: list[tuple[int, int]] = []
    for (s, e), (label, p, none) in sorted(table.items(), key=lambda kv: -kv[1][1]):
        span = doc[s:e]
        if p <= none or label not in codebook.event_types or any(s < te and ts < e for ts, te in taken):
            continue
        if any(m.start < span.end_char and span.start_char < m.end for m in mentions):
            continue
        taken.append((s, e))
        calls.added.append((label, p, coded(span.start_char, span.end_char)))
    return calls
