"""The training corpus: which annotations count as reviewed, and the spaCy ``Example``s made of them.

What a coder has *reviewed* is decided in one place, ``review_of``, from the store's explicit review
state (``session.reviewed``, the index row's ``reviewed``; pressing ``d`` in the app reviews the
entity layer): a reviewed article's accepted entities are its whole entity layer (what it does not
mark is no entity), as in the training exports, which skip unreviewed articles too. An unreviewed
article teaches the entity recogniser nothing. Its events are the coder's own decisions: an article
marked done gives all its triggers (what it does not mark is no trigger), one in progress gives its
triggers only when the coder has accepted at least one event there. The triggers of events a coder
rejected are kept apart (``rejected_triggers``): in an article whose events are not reviewed they
still say that this word was no event here, which the trigger judge (``judge``) counts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..model import Article
from . import TRIGGER_KEY

CHUNK_TOKENS = 120  # sentences are grouped into training chunks of about this many tokens


@dataclass
class Reviewed:
    """One article's reviewed annotations, as character spans."""

    article: Article
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    not_entities: list[tuple[int, int]] = field(default_factory=list)  # rejected suggestions
    entities_complete: bool = False  # True: every entity is marked, the rest is outside
    triggers: list[tuple[int, int, str]] | None = None  # None: its events were not reviewed
    rejected_triggers: list[tuple[int, int, str]] = field(default_factory=list)  # suggestions rejected


def review_of(status: str, session) -> Reviewed | None:
    """What of one article counts as reviewed (None: nothing). The one selection rule."""
    done, reviewed = status == "done", session.reviewed
    events = [e for e in session.events.values() if e.status == "accepted" and e.trigger_start is not None]
    rejected = sorted({(e.trigger_start, e.trigger_end, e.type) for e in session.events.values()
                       if e.status == "rejected" and e.trigger_start is not None})
    if not (reviewed or events or rejected):
        return None
    review = Reviewed(Article.from_dict(session.article.to_dict()), rejected_triggers=rejected)
    if reviewed:
        review.entities = sorted((e.start, e.end, e.label) for e in session.entities.values() if e.status == "accepted")
        review.not_entities = sorted((e.start, e.end) for e in session.entities.values() if e.status == "rejected")
        review.entities_complete = True
    if done or events:
        review.triggers = sorted({(e.trigger_start, e.trigger_end, e.type) for e in events})
    return review


def reviewed_articles(store) -> list[Reviewed]:
    """Every article of the project with something reviewed, in import order."""
    out = []
    for row, session in store.readable_sessions():
        review = review_of(row.get("status", "todo"), session)
        if review is not None:
            out.append(review)
    return out


def split_by_article(items: list, eval_share: float, seed: int = 0) -> tuple[list, list]:
    """(train, held out): a seeded shuffle of whole articles, at least one on each side when there
    are two or more and the share is above zero."""
    if not items or eval_share <= 0:
        return list(items), []
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    n_eval = min(len(items) - 1, max(1, round(len(items) * eval_share)))
    held = set(order[:n_eval])
    return [x for i, x in enumerate(items) if i not in held], [x for i, x in enumerate(items) if i in held]


@dataclass
class Counts:
    """What went into training, for the meta and the summary line."""

    articles: int = 0
    entities: int = 0
    triggers: int = 0
    trigger_types: dict = field(default_factory=dict)  # triggers by event type
    dropped: int = 0  # spans that do not fall on token boundaries even when contracted

    def as_dict(self) -> dict:
        return {"articles": self.articles, "entities": self.entities, "triggers": self.triggers,
                "trigger_types": dict(sorted(self.trigger_types.items())),
                "dropped_spans": self.dropped}


def _chunks(doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of about CHUNK_TOKENS tokens, cut only at sentence ends no span crosses."""
    cuts = []
    start = 0
    for sent in doc.sents:
        end_char = sent.end_char
        if sent.end - start >= CHUNK_TOKENS and not any(s < end_char < e for s, e in spans):
            cuts.append((start, sent.end))
            start = sent.end
    if start < len(doc):
        cuts.append((start, len(doc)))
    return cuts


def _copy_tokens(doc):
    """A Doc with the same words and spaces and nothing else."""
    from spacy.tokens import Doc

    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])


def _spans(ref, base: int, spans, label: bool, counts: Counts) -> list:
    out = []
    for item in spans:
        s, e = item[0] - base, item[1] - base
        if s < 0 or e > len(ref.text):
            continue
        span = ref.char_span(s, e, label=item[2] if label else "", alignment_mode="contract")
        if span is None or len(span) == 0:
            counts.dropped += 1
        else:
            out.append(span)
    return out


def make_examples(parsed: list, reviews: list[Reviewed], counts: Counts | None = None) -> tuple[list, list]:
    """(entity examples, trigger examples) from reviewed articles and their parsed Docs.

    ``parsed`` holds each article parsed by the base pipeline without its entity recogniser (the
    trigger spancat reads the lemmas, tags and dependencies); entity examples start from bare
    tokens, as the recogniser sees them. Articles are cut into chunks of whole sentences.
    """
    from spacy.tokens import Span
    from spacy.training import Example

    counts = counts if counts is not None else Counts()
    ents_out, trig_out = [], []
    for doc, review in zip(parsed, reviews):
        if review.triggers is None and not (review.entities or review.not_entities or review.entities_complete):
            continue  # only rejected suggestions: they teach the judge, not these components
        counts.articles += 1
        all_spans = [(s, e) for s, e, _ in review.entities] + [(s, e) for s, e, _ in review.triggers or []]
        for ts, te in _chunks(doc, all_spans):
            piece = doc[ts:te].as_doc()
            base = doc[ts].idx
            ref = _copy_tokens(piece)
            ents = _spans(ref, base, review.entities, True, counts)
            blocked = [sp for sp in _spans(ref, base, review.not_entities, False, Counts())
                       if not any(sp.start < x.end and x.start < sp.end for x in ents)]
            if ents or blocked or review.entities_complete:  # else the chunk teaches nothing
                ref.set_ents(ents, outside=[Span(ref, sp.start, sp.end) for sp in blocked],
                             default="outside" if review.entities_complete else "missing")
                counts.entities += len(ents)
                ents_out.append(Example(_copy_tokens(piece), ref))
            if review.triggers is not None:
                tref = _copy_tokens(piece)
                tref.spans[TRIGGER_KEY] = _spans(tref, base, review.triggers, True, counts)
                counts.triggers += len(tref.spans[TRIGGER_KEY])
                for span in tref.spans[TRIGGER_KEY]:
                    counts.trigger_types[span.label_] = counts.trigger_types.get(span.label_, 0) + 1
                trig_out.append(Example(piece, tref))
    return ents_out, trig_out
