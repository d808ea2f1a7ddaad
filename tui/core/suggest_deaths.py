"""Whose dead a death word counts: the event word nearest to it in the parse, not any in its sentence.

"The shooting followed one in Gilroy, killing three, and another in Chippewa Falls where at least five
died": the five died in the Chippewa Falls shooting. "He was accused of shooting and killing two
protesters who had marched against the shooting of Jacob Blake": the two died in the first shooting. A
death word is said of the event word it is nearest to through the parse; a pronoun ("he was later
pronounced dead", "shot him dead") is one person.
"""

from __future__ import annotations

from . import suggest_lexicon as lex
from .suggest_when import TEMPORAL

# Verbs that put one event after another ("the shooting followed one in Gilroy"): each has its dead.
SEQUENCE_VERBS = frozenset({"follow", "precede", "prompt", "spark", "trigger", "provoke", "come"})
# Words under which deaths are blamed on someone over time, not counted for one event.
BLAME_WORDS = frozenset({"responsible", "blame", "accuse", "guilty", "culpable", "convict", "charge"})
# Pronouns that name one person: their death counts one even when the antecedent is not found.
ONE_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


def counts_for(death, head) -> bool:
    """Whether the death word ``death`` tells the dead of the event whose trigger is ``head`` (same
    sentence): no other event word lies nearer to it in the parse."""
    if death.i == head.i or head.sent.start != death.sent.start:
        return True
    if any(t.lemma_.lower() in BLAME_WORDS for t in list(death.ancestors)[:3]):
        return False  # "responsible for the deaths of hundreds": a record of blame, not this event's dead
    if _another_time(death, head):
        return False
    mine = _distance(death, head)
    for tok in death.sent:
        if tok.i in (head.i, death.i) or not _event_word(tok):
            continue
        if _distance(death, tok) < mine:
            return False
    return True


def _another_time(death, head) -> bool:
    """Whether the death is told of something before or after the event: "the shooting followed one
    in Gilroy, killing three", "after an ambush that killed two, the army attacked"."""
    ancestors = {t.i for t in head.ancestors} | {head.i}
    node = death
    while node.i not in ancestors:
        if node.dep_ in ("prep", "mark") and node.lower_ in TEMPORAL:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    if head.dep_ == "dobj" and head.head.i == node.i and death.i > head.i:
        return False  # "the shooting followed one in Gilroy, killing three": the dead told after it are the one's
    return node.lemma_.lower() in SEQUENCE_VERBS and node.i != head.i


def _event_word(tok) -> bool:
    """A word that can name an event with dead of its own (not "according", "deal", "fire", "hold"), or
    that stands for one ("... and another in Dayton, where ten died": ``suggest_another``)."""
    lemma = tok.lemma_.lower()
    if tok.lower_ == "another" and tok.pos_ == "PRON" or tok.lower_ == "one" and any(
            c.lower_ == "another" for c in tok.children):
        return True
    return (tok.pos_ in ("NOUN", "VERB") and lemma not in _NO_DEAD
            and (lemma in lex.EVENT_NOUNS or tok.lower_ in lex.EVENT_NOUNS))


# Lemmas that name no event with dead of its own: the death words themselves, agreements, strategic
# moves and words that only look like events.
_NO_DEAD = lex.CASUALTY_LEMMAS | frozenset({
    *lex.EXTRA_TRIGGERS["AGREEMENT"], *lex.EXTRA_TRIGGERS["OTHER_STRATEGIC"], "fire", "open", "hold", "round",
    "gather", "hit", "beat", "sit", "seize", "according", "injure", "wound"})


def _distance(a, b) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up = {}
    node, steps = a, 0
    while True:
        up[node.i] = steps
        if node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    node, steps = b, 0
    while node.i not in up:
        if node.head.i == node.i:
            return steps + len(up)
        node, steps = node.head, steps + 1
    return steps + up[node.i]
