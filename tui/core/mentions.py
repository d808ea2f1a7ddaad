"""Which named person a pronoun or a title stands for ("he", "the president" -> "Emmanuel Macron"),
and the quotations of an article, for the suggester's arguments.

coreferee's English model is not on PyPI, so this reads the parse: a definite title or perpetrator
noun refers to the nearest earlier person the paragraph gave that title ("President Emmanuel Macron",
"Tobias Rathjen, the gunman", "police named the gunman as Tobias Rathjen"), a pronoun to the first
subject of its kind going back (centering: the subject is the most salient mention of a sentence).
"""

from __future__ import annotations

import re

from . import suggest_lexicon as lex
from .nlp import doc_text
from .suggest_lexicon import PERPETRATOR_TITLES  # the one set, kept with the suggester's words

# Nouns that name one person by office or by deed, and so may stand for a name said before.
TITLE_NOUNS = PERPETRATOR_TITLES | frozenset({
    "president", "minister", "premier", "chancellor", "general", "commander", "leader", "governor", "mayor",
    "spokesman", "spokeswoman", "spokesperson", "chief", "prosecutor", "king", "emir",
})
SPEECH_VERBS = frozenset({"say", "tell", "claim", "add", "state", "announce", "report", "confirm", "assert"})
NAMING_VERBS = frozenset({"name", "identify"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
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
    """A pronoun's antecedent: the subject of the clause it depends on, in its sentence (the speaker
    of a reporting verb only when the pronoun can be no one else: in "the Taliban said they attacked"
    they are the Taliban, in "Sarea said it had carried out the attack" "it" is not Sarea); else, for
    a personal pronoun, the subject chain or last name of its kind in the paragraph (``_antecedent``).
    """
    if tok.lower_ not in lex.PRONOUNS:
        return tok
    noun = tok.head.head
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and noun.pos_ in ("NOUN", "PROPN") and (
            tok.dep_ in ("nsubj", "nsubjpass") or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC")
            or noun.lemma_.lower() in lex.TARGET_NOUNS):  # not "the fourth night in a row that they protested"
        return noun  # "two people who were participating", "the man that police shot"
    node = tok.head
    for _ in range(3 if tok.dep_ in ("nsubj", "nsubjpass") else 0):  # "Sirhan shot him": him is not Sirhan
        if node.lemma_.lower() in SPEECH_VERBS or node.head.lemma_.lower() in SPEECH_VERBS:
            return _speaker(tok, node if node.lemma_.lower() in SPEECH_VERBS else node.head)
        node = node.head
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in lex.PRONOUNS and c.i != tok.i:
                return c
        if node.head.i == node.i:
            break
    return _antecedent(tok)


def _speaker(tok, verb):
    """The speaker of ``verb`` when the pronoun ``tok`` in what was said can only be the speaker,
    agreeing in kind ("the Taliban said they carried out the attack", "the group said it had planted
    the bomb", "the minister said he was attacked"); None otherwise ("Sarea said it had carried out
    the attack": a spokesman is no "it")."""
    kind = PRONOUN_KINDS.get(tok.lower_, "thing" if tok.lower_ == "it" else None)
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ not in lex.PRONOUNS and kind is not None:
            if kind == "thing":
                named = c.ent_type_ in ("ORG", "NORP") or (not c.ent_type_ and c.tag_ == "NN"
                                                           and c.lemma_.lower() in COLLECTIVE_NOUNS)
                return c if named else None
            return c if _of_kind(c, kind) else None
    return None


def _antecedent(tok, depth: int = 0):
    """The mention a personal pronoun stands for: going back sentence by sentence in its paragraph,
    the first subject of the right kind (the main clause's first: the most salient mention; a
    pronoun subject is followed to its own antecedent), else the last name of the right kind
    ("Police arrested a man. They released him. On Saturday they arrested another" -> Police;
    "Police named the gunman as Rathjen. He attacked" -> Rathjen)."""
    kind = PRONOUN_KINDS.get(tok.lower_)
    if kind is None or depth > 3:
        return None
    doc = tok.doc
    paragraph = max(doc_text(doc).rfind("\n\n", 0, tok.idx), 0)
    window = [s for s in doc.sents if s.start_char >= paragraph and s.start <= tok.sent.start][-4:]
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "soldiers shot two of them": them are not the soldiers
    coargs = {c.i for c in (*tok.head.children, *verb.children) if c.i != tok.i}  # "Sirhan shot him": not Sirhan
    for sent in reversed(window):
        words = [w for w in sent if w.i < tok.i and w.i not in coargs and not in_other_quote(w, tok)]
        subjects = sorted((w for w in words if w.dep_ in ("nsubj", "nsubjpass")
                           and w.head.lemma_.lower() not in SPEECH_VERBS),  # "Officials said": a source
                          key=lambda w: (w.head.dep_ != "ROOT", -w.i))
        for word in subjects:
            if PRONOUN_KINDS.get(word.lower_) == kind:
                return _antecedent(word, depth + 1)  # one referent told on: named where the chain names it
            if _of_kind(word, kind):
                return word
        names = [w for w in words if w.ent_type_ in _KIND_LABELS[kind] and w.ent_iob_ != "O"
                 and next(e for e in doc.ents if e.start <= w.i < e.end).root.i == w.i]
        if names:
            return names[-1]
    return None


PRONOUN_KINDS = {"he": "person", "him": "person", "she": "person", "her": "person", "they": "group", "them": "group"}
_KIND_LABELS = {"person": ("PERSON",), "group": ("ORG", "NORP")}
# Nouns that name one person ("the man", "a teenager"), which "he" or "she" may stand for.
PERSON_NOUNS = TITLE_NOUNS | lex.LONE_ATTACKERS | frozenset({
    "boy", "girl", "officer", "soldier", "policeman", "policewoman", "driver", "resident", "student", "inmate",
    "prisoner", "father", "mother", "son", "daughter", "husband", "wife", "accused", "journalist", "activist"})
# Nouns that name a group without a plural ending ("Police arrested ... They released him").
COLLECTIVE_NOUNS = frozenset({"police", "army", "military", "government", "group", "militia", "authorities",
                              "people", "crowd", "mob", "family", "team", "force"})

# Plural nouns of people, which "they" may stand for (not "Jackals are protected ... they").
PEOPLE_NOUNS = PERSON_NOUNS | COLLECTIVE_NOUNS | lex.CIVILIAN_WORDS | lex.COMBATANT_WORDS | lex.PROTESTER_WORDS | frozenset({
    "official", "authority", "member", "supporter", "worker", "leader", "protestor", "demonstrator", "agent",
    "investigator", "prosecutor", "detective", "troop", "militant", "terrorist", "assailant", "friend", "relative"})


def _of_kind(word, kind: str) -> bool:
    """Whether a subject can be what a pronoun of ``kind`` ("person": he, she; "group": they) stands for."""
    label, lemma = word.ent_type_, word.lemma_.lower()
    if kind == "person":
        return label == "PERSON" or (not label and word.pos_ == "NOUN" and word.tag_ == "NN" and lemma in PERSON_NOUNS)
    if label in ("ORG", "NORP"):
        return True
    return not label and word.pos_ in ("NOUN", "PROPN") and (
        lemma in COLLECTIVE_NOUNS or word.tag_ in ("NNS", "NNPS") and lemma in PEOPLE_NOUNS)


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
    if found is None and lemma in PERPETRATOR_TITLES:
        found = _article_names(doc, lemma)
    return found




def _article_names(doc, lemma: str):
    """The one person the whole article names with the title ``lemma``, or None when it names none
    or several (computed once per doc and title)."""
    cache = doc.user_data.setdefault("titled_names", {})
    if lemma not in cache:
        names = {}
        for word in doc:
            if word.lemma_.lower() == lemma and word.tag_ != "NNS":
                person = _named(word)
                if person is not None and not any(start <= person.idx < end for start, end in quotes(doc)):
                    names.setdefault(person.text, person)
        cache[lemma] = next(iter(names.values())) if len(names) == 1 else None
    return cache[lemma]


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
