"""Inter-coder agreement on entities and events, per article and overall.

For each pair of coders and each article it counts what the two share, and the figures are made
from the summed counts (so a long article weighs more than a short one):

* entities: pairwise span F1 = 2 x shared / (spans of A + spans of B), exact (same start, end and
  label) and overlapping (same label, spans overlap, each span used once); and per label;
* events: triggers are matched one to one when they overlap (the largest overlap first); the
  trigger F1 is made from the matches as above (``trigger_f1_exact`` only counts identical spans);
  on matched events, the share with the same type, and with the same type and sub-type, and the F1 of
  their arguments (role plus span, or role plus value when it has no span);
* Krippendorff's alpha (the ``krippendorff`` package) on event type (nominal) and fatalities (ratio),
  over the matched events of all coders (an event that not every coder has counts with the values it
  has; one no other coder matched adds nothing). It is undefined (None) when every value is the same.

With more than two coders each figure is the mean over the pairs that have it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Callable, Iterable

from .model import Event
from .storage import ArticleDamaged
from .team import Work

ENTITY_FIGURES = ("entities.f1", "entities.f1_overlap")
EVENT_FIGURES = ("events.trigger_f1", "events.trigger_f1_exact", "events.type_agreement",
                 "events.subtype_agreement", "events.argument_f1")
PAIR_FIGURES = ENTITY_FIGURES + EVENT_FIGURES
ALPHA_FIGURES = ("events.type_alpha", "events.fatalities_alpha")


def f1(shared: int, a: int, b: int) -> float | None:
    """Pairwise F1 of two sets with ``shared`` items in common: 2s / (|A| + |B|); None if both are empty."""
    return None if a + b == 0 else 2 * shared / (a + b)


def ratio(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def match_overlapping(a: list[tuple[int, int]], b: list[tuple[int, int]],
                      allowed: Callable[[int, int], bool] = lambda i, j: True) -> list[tuple[int, int]]:
    """One-to-one matches (i, j) of overlapping spans, the largest overlap (then the closest ends) first."""
    candidates = []
    for i, (sa, ea) in enumerate(a):
        for j, (sb, eb) in enumerate(b):
            overlap = min(ea, eb) - max(sa, sb)
            if overlap > 0 and allowed(i, j):
                candidates.append((-overlap, abs(sa - sb) + abs(ea - eb), i, j))
    candidates.sort()
    used_a, used_b, out = set(), set(), []
    for _, _, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def argument_keys(event: Event) -> Counter:
    return Counter((a.role, a.start, a.end) if a.has_span else (a.role, None, a.value) for a in event.arguments)


def match_events(a: list[Event], b: list[Event]) -> list[tuple[int, int]]:
    """Events matched by overlapping triggers; events without a trigger match nothing."""
    ia = [i for i, e in enumerate(a) if e.trigger_start is not None]
    ib = [j for j, e in enumerate(b) if e.trigger_start is not None]
    pairs = match_overlapping([(a[i].trigger_start, a[i].trigger_end) for i in ia],
                              [(b[j].trigger_start, b[j].trigger_end) for j in ib])
    return [(ia[i], ib[j]) for i, j in pairs]


@dataclass
class Counts:
    """What two coders share, summed over articles."""

    totals: Counter = field(default_factory=Counter)
    labels: dict[str, Counter] = field(default_factory=dict)

    def add(self, other: "Counts") -> None:
        self.totals.update(other.totals)
        for label, counts in other.labels.items():
            self.labels.setdefault(label, Counter()).update(counts)

    def figures(self) -> dict[str, float | None]:
        t = self.totals
        return {
            "entities.f1": f1(t["ent_exact"], t["ent_a"], t["ent_b"]),
            "entities.f1_overlap": f1(t["ent_overlap"], t["ent_a"], t["ent_b"]),
            "events.trigger_f1": f1(t["trig"], t["ev_a"], t["ev_b"]),
            "events.trigger_f1_exact": f1(t["trig_exact"], t["ev_a"], t["ev_b"]),
            "events.type_agreement": ratio(t["same_type"], t["trig"]),
            "events.subtype_agreement": ratio(t["same_subtype"], t["trig"]),
            "events.argument_f1": f1(t["arg_shared"], t["arg_a"], t["arg_b"]),
        }

    def label_figures(self) -> dict[str, dict[str, float | None]]:
        return {label: {"f1": f1(c["exact"], c["a"], c["b"]), "f1_overlap": f1(c["overlap"], c["a"], c["b"]),
                        "a": c["a"], "b": c["b"]}
                for label, c in sorted(self.labels.items())}


def pair_counts(a: Work, b: Work) -> Counts:
    """What coders ``a`` and ``b`` share on one article."""
    counts = Counts()
    t = counts.totals
    spans_a = [(e.start, e.end, e.label) for e in a.entities]
    spans_b = [(e.start, e.end, e.label) for e in b.entities]
    exact = Counter(spans_a) & Counter(spans_b)
    overlap = match_overlapping([s[:2] for s in spans_a], [s[:2] for s in spans_b],
                                lambda i, j: spans_a[i][2] == spans_b[j][2])
    t.update(ent_a=len(spans_a), ent_b=len(spans_b), ent_exact=sum(exact.values()), ent_overlap=len(overlap))
    for side, spans in (("a", spans_a), ("b", spans_b)):
        for _, _, label in spans:
            counts.labels.setdefault(label, Counter())[side] += 1
    for (_, _, label), n in exact.items():
        counts.labels[label]["exact"] += n
    for i, _ in overlap:
        counts.labels[spans_a[i][2]]["overlap"] += 1

    matched = match_events(a.events, b.events)
    t.update(ev_a=len(a.events), ev_b=len(b.events), trig=len(matched))
    for i, j in matched:
        ea, eb = a.events[i], b.events[j]
        t["trig_exact"] += (ea.trigger_start, ea.trigger_end) == (eb.trigger_start, eb.trigger_end)
        t["same_type"] += ea.type == eb.type
        t["same_subtype"] += (ea.type, ea.subtype) == (eb.type, eb.subtype)
        args_a, args_b = argument_keys(ea), argument_keys(eb)
        t.update(arg_a=sum(args_a.values()), arg_b=sum(args_b.values()),
                 arg_shared=sum((args_a & args_b).values()))
    return counts


def event_units(works: list[Work]) -> list[dict[int, Event]]:
    """Events of all coders grouped by trigger matches (any pair), each group as coder -> event;
    a coder with two events in one group keeps the first in text order."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (ca, wa), (cb, wb) in combinations(enumerate(works), 2):
        for i, j in match_events(wa.events, wb.events):
            parent[find((ca, i))] = find((cb, j))
    groups: dict[tuple[int, int], dict[int, Event]] = {}
    for node in sorted(parent):
        coder, index = node
        groups.setdefault(find(node), {}).setdefault(coder, works[coder].events[index])
    return [g for g in groups.values() if len(g) > 1]


def fatalities_value(event: Event) -> float | None:
    value = event.fields.get("fatalities")
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else None


def krippendorff_alpha(rows: list[list[float | None]], level: str) -> float | None:
    """Alpha of a coders x units table (None = no value), or None when it is undefined."""
    import krippendorff
    import numpy as np

    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    if data.size == 0 or len(set(data[~np.isnan(data)].tolist())) < 2:
        return None
    try:
        value = float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
    except (ValueError, ZeroDivisionError):
        return None
    return None if value != value else value


@dataclass
class ArticleAgreement:
    id: str
    title: str
    figures: dict[str, float | None]
    entities: dict[str, int]  # coder -> accepted entities
    events: dict[str, int]


@dataclass
class Agreement:
    coders: list[str]
    articles: list[ArticleAgreement] = field(default_factory=list)
    pairs: dict[tuple[str, str], Counts] = field(default_factory=dict)
    units: list[dict[int, Event]] = field(default_factory=list)
    shared: int = 0

    def overall(self) -> dict[str, float | None]:
        figures = mean_figures([c.figures() for c in self.pairs.values()])
        n = len(self.coders)
        types = sorted({e.type for unit in self.units for e in unit.values()})
        type_rows = [[types.index(u[c].type) if c in u else None for u in self.units] for c in range(n)]
        fatal_rows = [[fatalities_value(u[c]) if c in u else None for u in self.units] for c in range(n)]
        figures["events.type_alpha"] = krippendorff_alpha(type_rows, "nominal")
        figures["events.fatalities_alpha"] = krippendorff_alpha(fatal_rows, "ratio")
        return figures

    def by_label(self) -> dict[str, dict[str, float | None]]:
        """Per label, the mean over pairs of the exact and overlapping F1."""
        per_pair = [c.label_figures() for c in self.pairs.values()]
        labels = sorted({label for figures in per_pair for label in figures})
        return {label: mean_figures([p[label] for p in per_pair if label in p], ("f1", "f1_overlap"))
                for label in labels}

    def to_json(self) -> dict:
        """One object whose keys name each figure (``entities.f1``, ``events.type_alpha``, ...)."""
        out: dict = {"coders": self.coders, "articles": len(self.articles), "shared_articles": self.shared}
        out.update(self.overall())
        out["events.matched_units"] = len(self.units)
        out["entities.by_label"] = self.by_label()
        out["pairs"] = [{"coders": list(pair), **counts.figures()} for pair, counts in self.pairs.items()]
        out["per_article"] = [{"id": a.id, "title": a.title, **a.figures, "entities.count": a.entities,
                               "events.count": a.events} for a in self.articles]
        return out


def mean_figures(rows: list[dict], keys: Iterable[str] = PAIR_FIGURES) -> dict[str, float | None]:
    out = {}
    for key in keys:
        values = [r[key] for r in rows if r.get(key) is not None]
        out[key] = sum(values) / len(values) if values else None
    return out


def article_agreement(article_id: str, title: str, works: list[Work]) -> tuple[ArticleAgreement, dict]:
    """One article's figures, and each pair's counts on it (to add to the overall counts)."""
    counts = {(a.coder, b.coder): pair_counts(a, b) for a, b in combinations(works, 2)}
    figures = mean_figures([c.figures() for c in counts.values()])
    return ArticleAgreement(article_id, title, figures, {w.coder: len(w.entities) for w in works},
                            {w.coder: len(w.events) for w in works}), counts


def agreement(team, article_ids: list[str], progress: Callable[[int], None] | None = None) -> Agreement:
    """Agreement of the team's coders over the given articles (read one article at a time)."""
    result = Agreement(list(team.names), shared=len(team.shared_ids()))
    for a, b in combinations(team.names, 2):
        result.pairs[(a, b)] = Counts()
    for done, article_id in enumerate(article_ids, start=1):
        try:
            works = team.work(article_id)
        except ArticleDamaged as exc:  # said once; the other articles are compared
            team.report(str(exc))
            continue
        article, counts = article_agreement(article_id, team.title(article_id), works)
        result.articles.append(article)
        for pair, c in counts.items():
            result.pairs[pair].add(c)
        result.units.extend(event_units(works))
        if progress:
            progress(done)
    return result
