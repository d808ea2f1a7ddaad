"""Which named person a pronoun or a title stands for ("he", "the president" -> "Emmanuel Macron"),
and the quotations of an article, for the suggester's arguments.

coreferee does not load with the pinned spaCy model, so this reads the parse: a definite title or
perpetrator noun refers to the nearest earlier person the paragraph gave that title ("President
Emmanuel Macron", "Tobias Rathjen, the gunman", "police named the gunman as Tobias Rathjen").
"""

from __future__ import annotations

import re

from . import suggest_lexicon as lex
from .nlp import doc_text

# Nouns that name one person by office or by deed, and so may stand for a name said before.
TITLE_NOUNS = frozenset({
    "president", "minister", "premier", "chancellor", "general", "commander", "leader", "governor", "mayor",
    "spokesman", "spokeswoman", "spokesperson", "chief", "prosecutor", "king", "emir", "suspect", "gunman",
    "attacker", "bomber", "assailant", "shooter", "killer", "perpetrator",
})
SPEECH_VERBS = frozenset({"say", "tell", "claim", "add", "state", "announce", "report", "confirm", "assert"})
NAMING_VERBS = frozenset({"name", "identify"})
_QUOTED = re.compile(r'"[^"\n]{1,600}"|\u201c[^\u201d\n]{1,600}\u201d')
_SENTENCES_BACK = 6


def quotes(doc) -> list[tuple[int, int]]:
    """The character ranges of the quotations in ``doc`` (between curly or straight double quotes,
    never across a paragraph), computed once per doc."""
    found = doc.user_data.get("quotes")
    if found is None:
        found = [(match.start(), match.end()) for match in _QUOTED.finditer(doc_text(doc))]
        doc.user_data["quotes"] = found
    return found


def in_other_quote(tok, head) -> bool:
    """True when ``tok`` is inside a quotation that does not also hold the trigger ``head``."""
    for start, end in quotes(tok.doc):
        if start <= tok.idx < end:
            return not start <= head.idx < end
    return False


def resolve(tok):
    """A pronoun's antecedent: the subject of the clause it depends on, in its sentence (never the
    speaker of a reporting verb: in "Sarea said it had carried out the attack", "it" is not Sarea);
    else, for a personal pronoun, the last name of its kind in the paragraph's three sentences before.
    """
    if tok.lower_ not in lex.PRONOUNS:
        return tok
    node = tok.head
    for _ in range(3 if tok.dep_ in ("nsubj", "nsubjpass") else 0):  # "Sirhan shot him": him is not Sirhan
        if node.lemma_.lower() in SPEECH_VERBS or node.head.lemma_.lower() in SPEECH_VERBS:
            return None
        node = node.head
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in lex.PRONOUNS and c.i != tok.i:
                return c
        if node.head.i == node.i:
            break
    return _antecedent(tok)


def _antecedent(tok):
    """The named mention a personal pronoun stands for in the sentences before it ("Police said a man
    stabbed two women. He fled." -> no name; "Ali Khan ... He stabbed" -> Ali Khan)."""
    labels = {"he": ("PERSON",), "him": ("PERSON",), "she": ("PERSON",), "her": ("PERSON",),
              "they": ("ORG", "NORP"), "them": ("ORG", "NORP")}.get(tok.lower_)
    if labels is None:
        return None
    doc = tok.doc
    paragraph = max(doc_text(doc).rfind("\n\n", 0, tok.idx), 0)
    window = [s.start for s in doc.sents if s.start_char >= paragraph and s.start <= tok.sent.start][-4:]
    coargs = {c.i for c in tok.head.children if c.i != tok.i}  # "Sirhan shot him": him is not Sirhan
    earlier = [e for e in doc.ents if e.label_ in labels and e.end_char <= tok.idx and window
               and e.start >= doc[window[0]].i and not in_other_quote(e.root, tok) and e.root.i not in coargs]
    return earlier[-1].root if earlier else None


def titled_person(tok):
    """The root of the named person a definite title ``tok`` ("the gunman") stands for, or None."""
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or tok.lemma_.lower() not in TITLE_NOUNS or tok.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    doc, lemma = tok.doc, tok.lemma_.lower()
    paragraph = max(doc_text(doc).rfind("\n\n", 0, tok.idx), 0)
    sents = [s for s in doc.sents if s.start_char >= paragraph and s.start <= tok.sent.start][-_SENTENCES_BACK:]
    found = None
    for sent in sents:
        for word in sent:
            if word.i >= tok.i:
                break
            if word.lemma_.lower() == lemma and not in_other_quote(word, tok):
                found = _named(word) or found
    return found


def _named(word):
    """The PERSON a title word names where it stands: "President Macron" (a compound of the name, or
    inside it), "Macron, the president" or "the gunman, Rathjen" (apposition), "named the gunman as Rathjen"."""
    if word.ent_type_ == "PERSON":
        return next(t for t in word.doc.ents if t.start <= word.i < t.end).root
    if word.dep_ == "compound" and word.head.ent_type_ == "PERSON":
        return word.head
    for other in (word.head, *word.children):
        if other.ent_type_ == "PERSON" and (other.dep_ == "appos" or word.dep_ == "appos"):
            return other
    if word.dep_ == "dobj" and word.head.lemma_.lower() in NAMING_VERBS:
        for prep in word.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                return next((p for p in prep.children if p.dep_ == "pobj" and p.ent_type_ == "PERSON"), None)
    return None
