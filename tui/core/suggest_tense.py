"""The tense of a trigger's clause, which tells a report from a pattern: news tells its events in the
past tense, a headline, a crosshead and a photo caption in the present; the simple present elsewhere,
and a perfect with "repeatedly", tell what happens as a rule.
"""

from __future__ import annotations

import re

from . import suggest_lexicon as lex
from .nlp import doc_text


def habitual_present(verb) -> bool:
    """A verb in the simple present, active or passive, or governed by "continue" or "keep" in it
    ("militants attack convoys", "convoys are attacked", "insurgents who continue to ambush forces",
    "they keep attacking"): news tells its events in the past tense, and outside a headline or a photo
    caption (which tell them in the present) the simple present tells what happens as a rule."""
    if verb.pos_ != "VERB":
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.ASPECT_VERBS:
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxes
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in ("VBZ", "VBP")


def simple_past(verb) -> bool:
    """A verb in the simple past, active or passive ("stabbed", "were attacked"), not the perfect, done to
    someone in particular (not "attacked convoys": a kind, several events)."""
    if any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ == "NNS" and not any(d.dep_ in ("det", "poss", "nummod")
                                                                             for d in c.children) for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not auxes
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ == "VBD"


def told_in_past(head) -> bool:
    """Whether the clause of a trigger is in a past tense ("attacked", "were deployed to repel incursions",
    "has attacked"); for a noun, the clause of the verb it hangs on."""
    verb = head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("xcomp", "advcl", "acl") or verb.head.i == verb.i:
            break
        verb = verb.head  # "to repel incursions": the tense of "were deployed"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(c.tag_ == "VBD" or c.lemma_.lower() == "have" for c in auxes)


def past_captions_are_history(clusters: list) -> None:
    """Mark background each event told only in photo captions in a past tense with no date of its own
    (``Mention.past_caption``): a caption tells its picture in the present, so its undated past, joined
    to no event of the body, is history."""
    for cluster in clusters:
        if all(m.past_caption and m.modality == "" and "Time" not in m.told for m in cluster):
            for m in cluster:
                m.modality = "background"


def present_tense(verb) -> bool:
    """A verb in the simple or progressive present ("sees", "is facing"): with a bare plural object
    it tells a state of affairs, not one reported event."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def headline(tok) -> bool:
    """Whether ``tok`` is in the text's first sentence, or in a line of its own that ends with no full
    stop (a crosshead), where a headline tells past events in the present ("Israel launches airstrikes
    on Gaza")."""
    sent = tok.sent
    if sent.start == 0:
        return True
    text = doc_text(tok.doc)
    words = text[sent.start_char:sent.end_char].strip()
    before = text[text.rfind("\n", 0, sent.start_char) + 1:sent.start_char]
    after = text[sent.end_char:].split("\n", 1)[0]
    return bool(words) and "\n" not in words and not before.strip() and not after.strip() \
        and not re.search(r"[.!?:;][\"'\u201d\u2019)]*$", words)
