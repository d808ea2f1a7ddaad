""""One" standing for another event of the kind just named: "the El Paso shooting preceded another one
in Dayton, where ten people died", "the bombing followed one in Kabul".

English avoids repeating a noun: "another one", "a second one" or "one in X" after an event noun of the
same clause names another event of that kind, with its own place, date and dead. No event word is
there to find, so the suggester reads the stand-in as its trigger, typed as the noun it stands for.
"""

from __future__ import annotations

from .nlp import doc_text
from .suggest_parse import Mention
from .suggest_types import TypeChoice

# Verbs that put one event of a kind after another ("the shooting followed one in Gilroy").
_ONE_AFTER_ANOTHER = frozenset({"follow", "precede"})
# Words before "one" that make it another of the same kind ("another one", "a second one").
_ANOTHER = frozenset({"another", "second", "third", "fourth", "similar", "separate", "earlier", "later", "other"})


def stand_ins(suggester, sent, found: list[Mention], s_index: int, ents, body_start: int) -> list[Mention]:
    """Mentions for the words of ``sent`` that stand for another event of the kind of a mention ``found``
    in the same clause ("preceded another one", "followed one in Gilroy, and another in Dayton")."""
    doc = sent.doc
    by_head = {}
    for m in found:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.sent == s_index and span is not None:
            by_head[span.root.i] = m
    out = []
    nouns: dict[int, str] = {}  # the event noun each stand-in stands for
    for tok in sent:
        first = tok.head if tok.dep_ == "conj" and tok.head.lower_ in ("one", "another") else tok
        if tok.lower_ not in ("one", "another") or tok.ent_type_ or \
                first.dep_ not in ("dobj", "nsubj", "nsubjpass") and not (tok.dep_ == "conj" and out):
            continue
        verb = first.head
        kinds = [by_head[c.i] for c in verb.children if c.i in by_head and c.i != first.i
                 and c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        marked = tok.lower_ == "another" or any(c.lower_ in _ANOTHER for c in tok.children)
        if tok.lower_ == "another" and tok.pos_ == "PRON" and tok.dep_ == "conj" and out:
            kinds = [out[-1]]  # "followed one in Gilroy, killing three, and another in Dayton"
        elif not kinds or not (marked or verb.lemma_.lower() in _ONE_AFTER_ANOTHER) or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "the arrest sparked one of the largest protests": one of another kind
        kind = kinds[0]
        start = min([tok.i, *[c.i for c in tok.children if c.dep_ in ("det", "amod") and c.i < tok.i]])
        span = doc[start:tok.i + 1]
        noun = nouns.get(id(kind)) or kind.lemma or doc_text(doc)[kind.start:kind.end]
        choice = TypeChoice(kind.type, kind.subtype, False, f'"{span.text}" after "{doc_text(doc)[kind.start:kind.end]}": '
                                                            f'another {noun}')
        mention = suggester._read(span, tok, choice, s_index, ents, body_start)
        mention.another = True
        lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        if mention.time is not None and not lo <= mention.time[0] < hi:
            mention.time = None  # "the bombing on Monday followed one in Kandahar": Monday is the bombing's
        nouns[id(mention)] = noun
        out.append(mention)
    return out
