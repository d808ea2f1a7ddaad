"""A lone attacker told first by a common noun and named later: "A man stabbed two people ... The man,
identified as Sudesh Amman, 20, was ...", "Officials identified the suspect as ...", "The attacker, Sudesh
Amman, had been released ...".

News introduces the perpetrator by what is first known ("a man", "a gunman") and names him when the
police do, in an apposition or with "identified as" / "named as". The suggested Attacker is then that
name, which is what a coder writes, not "man". ``mentions.titled_person`` already gives a definite title
("the gunman") the name said of it; this covers the indefinite first mention and the other nouns a
report calls the same person by ("a gunman" ... "the suspect").
"""

from __future__ import annotations

from . import suggest_lexicon as lex
from .mentions import NAMING_VERBS
from .model import Event
from .nlp import trim_span

_ONE_PERSON = (lex.LONE_ATTACKERS | lex.PERPETRATOR_TITLES | {"knifeman"}) - {"mob"}


def identifications(doc, text: str) -> dict[str, list[tuple[int, int, bool]]]:
    """The names the article gives a one-person noun ("man", "attacker"), by the noun's lemma: each as
    (start, end, definite) of the name, from "the man, identified as NAME", "the attacker was identified
    as NAME", "police named the man as NAME", "the attacker, NAME, ..." or "NAME, the attacker, ..."."""
    found: dict[str, list[tuple[int, int, bool]]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        noun = _noun_named(ent.root)
        if noun is None or noun.lemma_.lower() not in _ONE_PERSON or noun.tag_ != "NN":
            continue
        span = trim_span(text, ent.start_char, ent.end_char)
        if span is not None:  # "a man, identified as NAME" may be someone new: only "the man" is the one told
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            found.setdefault(noun.lemma_.lower(), []).append((*span, definite))
    return found


def _noun_named(root):
    """The noun a PERSON name (its root) is given to, or None."""
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.head.lemma_.lower() in NAMING_VERBS:
        verb = root.head.head
        if verb.dep_ == "acl":
            return verb.head  # "the man, identified as NAME"
        if verb.tag_ == "VBN" and verb.dep_ in ("dep", "advcl") and not _own_subject(verb):
            # "detained the man, later identified as NAME": the parse may hang the participle on the verb
            return max((c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < verb.i),
                       key=lambda c: c.i, default=None)
        # "the attacker was identified as NAME", "police named the man as NAME"
        return next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if root.dep_ == "appos":
        return root.head  # "the attacker, NAME, had been released"
    return next((c for c in root.children if c.dep_ == "appos"), None)  # "NAME, the attacker,"


def _own_subject(verb) -> bool:
    """Whether a participle has a subject of its own ("police identified him as NAME" hangs nothing on
    the verb before it)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children)


def name_lone_attackers(events: list[Event], doc, text: str) -> None:
    """Give the one violent event whose Attacker is a one-person noun ("man", "a gunman") the name the
    article identifies that person by, when it gives exactly one: for the same noun ("the man"), or for
    a noun naming the perpetrator ("the attacker", "the suspect"). With two such events, or two names
    ("one gunman, NAME; the other gunman, NAME"), which one is meant is not known and nothing changes."""
    generic = [(ev, arg) for ev in events if ev.type in lex.VIOLENT_TYPES and not ev.modality
               for arg in ev.arguments if arg.role == "Attacker" and arg.start is not None
               and _head_noun(text, arg) in _ONE_PERSON]
    if len({id(ev) for ev, _ in generic}) != 1:
        return
    ev, arg = generic[0]
    names = identifications(doc, text)
    noun = _head_noun(text, arg)
    given = names.get(noun, []) + [n for k in lex.PERPETRATOR_TITLES - {noun} for n in names.get(k, [])]
    if len({text[s:e] for s, e, _ in given}) != 1 or not any(definite for _, _, definite in given):
        return
    start, end, _ = min(given)
    if any(a.role == "Attacker" and (a.start, a.end) == (start, end) for a in ev.arguments):
        ev.arguments.remove(arg)  # named already: "man" only repeats it
    else:
        arg.start, arg.end = start, end


def _head_noun(text: str, arg) -> str:
    """The last word of an argument's span, lower-cased ("a lone gunman": "gunman"); "" for no words."""
    words = text[arg.start:arg.end].lower().split()
    return words[-1] if words else ""
