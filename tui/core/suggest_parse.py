"""Reads one trigger's sentence in the dependency parse: who attacked whom, where, when, who died.

Split from ``suggest.py`` (which decides types and merges mentions into events) so that each stays
short. Everything here works on one spaCy token and its sentence, and returns character spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import suggest_lexicon as lex
from .gazetteer import lookup
from .nlp import doc_text
from .normalise import parse_count, parse_date

ACTOR_LABELS = ("PERSON", "NORP", "ORG", "GPE")
PLACE_LABELS = ("GPE", "LOC", "FAC")
_NOT_ACTORS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(y|ies))\b")
_QUOTED = re.compile(r'"[^"\n]{1,600}"|\u201c[^\u201d\n]{1,600}\u201d')
SPEECH_VERBS = frozenset({"say", "tell", "claim", "add", "state", "announce", "report", "confirm", "assert"})


@dataclass
class Mention:
    """One trigger word with what its sentence says about the event; merged into ``Cluster``s."""

    type: str
    subtype: str
    start: int
    end: int
    sent: int
    title: bool
    generic: bool
    anaphoric: bool
    roles: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    place: tuple[float, int, int, object] | None = None  # (score, start, end, gazetteer Place): the best
    places: list[tuple[float, int, int, object]] = field(default_factory=list)  # every place named
    time: tuple[int, int, object, float] | None = None  # (start, end, DateValue, score)
    victims: list[tuple[int, int, int | None, bool]] = field(default_factory=list)  # start, end, count, named
    evidence: str = ""  # what chose the type
    modality: str = ""  # "background" for a real event dated before the article's year, else ""
    instrument: bool = False  # a weapon word standing for the event ("the bomb"), a poor trigger


def _span_of(tok, ents) -> tuple[int, int]:
    """The words naming an actor: its entity if it has one, else its noun phrase without
    determiners and counts ("More than 100 pro-Assad fighters" -> "pro-Assad fighters")."""
    ent = ents.get(tok.i)
    if ent is not None and ent.label_ in ACTOR_LABELS + PLACE_LABELS:
        return ent.start_char, ent.end_char
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and not c.like_num:
            left = c.left_edge if not c.left_edge.like_num and c.left_edge.dep_ != "det" else c
            break
    # The words before ``tok`` as a span: ``doc.text`` would rebuild the whole text on every call.
    before = tok.doc[left.i:tok.i].text_with_ws
    start = left.idx + next((i for i, c in enumerate(before) if c.isalnum()), len(before))
    return start, tok.idx + len(tok)


def resolve(tok):
    """A pronoun's antecedent: the subject of the clause it depends on, in its sentence (never the
    speaker of a reporting verb: in "Sarea said it had carried out the attack", "it" is not Sarea);
    else, for a personal pronoun, the last name of its kind in the paragraph's three sentences before."""
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


def quotes(doc) -> list[tuple[int, int]]:
    """The character ranges of the quotations in ``doc`` (between curly or straight double quotes,
    never across a paragraph), computed once per doc."""
    found = doc.user_data.get("quotes")
    if found is None:
        found = []
        for match in _QUOTED.finditer(doc_text(doc)):
            found.append((match.start(), match.end()))
        doc.user_data["quotes"] = found
    return found


def in_other_quote(tok, head) -> bool:
    """True when ``tok`` is inside a quotation that does not also hold the trigger ``head``."""
    for start, end in quotes(tok.doc):
        if start <= tok.idx < end:
            return not start <= head.idx < end
    return False


def read_roles(m: Mention, head, sent, ents, is_trigger=lambda tok: False) -> None:
    attackers, targets = [], []

    def conj(tok):
        return [tok, *[c for c in tok.children if c.dep_ == "conj"]]

    if head.pos_ == "VERB":
        for c in head.children:
            if c.dep_ == "nsubj" and head.lemma_.lower() in lex.BURST_VERBS:  # "the minibus exploded"
                targets.extend(t for t in conj(c) if _targetable(t, ents))
            elif c.dep_ == "nsubj":
                (targets if head.lemma_ == "repel" else attackers).extend(conj(c))
            elif c.dep_ == "agent":
                attackers.extend(p for g in c.children if g.dep_ == "pobj" for p in conj(g))
            elif c.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.WEAPON_USE_VERBS:
                continue  # "devices were detonated", "fired rockets": the object is the weapon, not a target
            elif c.dep_ in ("dobj", "nsubjpass") and head.lemma_ != "repel":
                targets.extend(conj(c))
    else:
        verb = head.head
        if head.dep_ in ("dobj", "nsubjpass", "attr") and verb.lemma_.lower() in lex.LIGHT_VERBS:
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subj and verb.dep_ in ("conj", "xcomp", "advcl"):
                subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
            attackers.extend(t for s in subj for t in conj(s))
        if head.dep_ == "pobj" and head.head.head.lemma_.lower() in ("responsibility", "credit"):
            claim = head.head.head.head
            attackers.extend(c for c in claim.children if c.dep_ == "nsubj")
        if head.dep_ == "nsubj" and verb.lemma_.lower() in lex.HARM_VERBS:  # "the explosion targeted a bakery"
            targets.extend(t for c in verb.children if c.dep_ == "dobj" for t in conj(c) if _targetable(t, ents))
        if head.dep_ == "pobj" and head.head.dep_ == "agent":  # "the building was shattered by an explosion"
            targets.extend(t for c in head.head.head.children if c.dep_ == "nsubjpass" for t in conj(c))
        happened = verb if head.dep_ == "nsubj" and verb.lemma_.lower() in lex.OCCUR_VERBS else None
        for c in [*head.children, *([] if happened is None else happened.children)]:
            if c.head.i != head.i and not (c.dep_ == "prep" and c.lower_ in ("between", "with")):
                continue  # from "fighting broke out between ...", only the sides
            if c.dep_ == "poss":
                attackers.append(c)
            elif c.dep_ in ("compound", "amod", "nmod") and c.i in ents and ents[c.i].label_ in ("NORP", "ORG", "GPE"):
                place = lookup(ents[c.i].text) if ents[c.i].label_ == "GPE" else None
                if place is None or place.kind == "country":
                    attackers.append(c)
            elif c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in ents and c.is_upper:
                attackers.append(c)  # "IS attacks": an acronym the model left untagged
            elif c.dep_ == "prep" and c.lower_ == "of" and head.lemma_.lower() not in lex.GENERIC_VIOLENT:
                # "the bombing of the federal building"; a named place is the Place, not a target
                targets.extend(p for g in c.children if g.dep_ == "pobj" and not (
                    g.i in ents and ents[g.i].label_ in ("GPE", "LOC") or g.lemma_.lower() in lex.PLACE_NOUNS)
                    for p in conj(g))
            elif c.dep_ == "acl" and c.lemma_.lower() in lex.PERPETRATE_VERBS:  # "an attack carried out by X"
                attackers.extend(p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "between":  # "fighting between the army and rebels"
                sides = [p for g in c.children if g.dep_ == "pobj" for p in conj(g)]
                attackers.extend(sides[:1])
                targets.extend(sides[1:])
            elif c.dep_ == "prep" and c.lower_ == "with" and head.lemma_.lower() in lex.TWO_SIDED:
                targets.extend(p for g in c.children if g.dep_ == "pobj" for p in conj(g))  # "a gun battle with police"
            elif c.dep_ == "prep" and c.lower_ in ("on", "against"):
                targets.extend(p for g in c.children if g.dep_ in ("pobj", "pcomp") for p in conj(g))
    for role, toks in (("Attacker", attackers), ("Target", targets)):
        spans = []
        for tok in toks:
            tok = resolve(tok)
            if tok is not None and tok.lemma_.lower() in lex.QUANTITY_NOUNS:  # "a number of people"
                tok = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"), tok)
            if tok is not None and in_other_quote(tok, head):
                continue  # a quoted tweet's words are not this event's actors
            if tok is None or tok.pos_ in ("PRON", "DET") or tok.lemma_.lower() in lex.CASUALTY_LEMMAS:
                continue
            if (tok.pos_ != "VERB" and is_trigger(tok)) or tok.lemma_.lower() in lex.WEAPON_NOUNS:
                continue  # "Twin bombings struck": the event itself, not its attacker
            if tok.i in ents and ents[tok.i].label_ in _NOT_ACTORS:
                continue
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
                continue  # "No organization claimed credit"
            if tok.pos_ == "VERB":  # "against attacking forces": the verb's object names them
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                if not objs:
                    continue
                start, end = tok.idx, _span_of(objs[0], ents)[1]
            else:
                start, end = _span_of(tok, ents)
            if (start, end) not in spans:
                spans.append((start, end))
        if spans:
            m.roles[role] = spans


def _targetable(tok, ents) -> bool:
    """Whether a thing hit can be an ACLED target: a named actor or place, people, or a building
    people use ("the blast hit a mosque"), not "the glass of a refrigerator"."""
    if tok.i in ents and ents[tok.i].label_ in ACTOR_LABELS + PLACE_LABELS:
        return True
    return tok.lemma_.lower() in lex.TARGET_NOUNS


def read_place_and_time(m: Mention, sent, ents, head) -> None:
    taken = [s for spans in m.roles.values() for s in spans]
    seen = set()
    for tok in sent:
        ent = ents.get(tok.i)
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        if any(s <= ent.start_char < e for s, e in taken) or in_other_quote(ent.root, head):
            continue  # an actor already, or words of a quotation the trigger is not in
        if ent.label_ == "DATE" and ent.root.tag_ == "MD":
            continue  # "may", a modal the model took for the month
        place = None
        if ent.label_ == "ORG" and _locative(ent) and not ent.text.isupper():  # "at Abqaiq", an ORG to the model
            place = lookup(ent.text)
            if place is None or place.kind != "city":
                continue
        if (ent.label_ in PLACE_LABELS or place is not None) and _locative(ent):
            place = place or lookup(ent.text)
            score = {"city": 3.25, "admin1": 3, "country": 1}.get(place.kind, 2) if place else 2
            if _climb(ent.root).dep_ == "pobj":
                score += 0.5
            score -= abs(ent.root.i - head.i) / 1000  # nearer the trigger wins a tie
            m.places.append((score, ent.start_char, ent.end_char, place))
            if m.place is None or score > m.place[0]:
                m.place = m.places[-1]
        elif ent.label_ in ("DATE", "TIME"):
            words = ent.text.lower()
            own = ent.root.head.i == head.i and ent.root.dep_ in ("compound", "nummod", "amod", "nmod")
            if re.fullmatch(r"\d{4}", words) and not own and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ == "in"):
                continue  # a bare year (a byline's) is not when the event happened; "the 1968 assassination" is
            if _DURATION.search(words) and not any(w in words for w in ("ago", "last", "earlier", "this", "next")):
                continue
            when = parse_date(ent.text, published_of(sent.doc), future=looks_ahead(ent.root))
            if when is not None:
                score = -when.time_precision - abs(ent.root.i - head.i) / 1000
                if head.pos_ != "VERB" and ent.root.head.head.i == head.i:
                    score += 5  # "an assault in Ghazni in August 2018": the noun's own date wins
                if m.time is None or score > m.time[3]:
                    m.time = (ent.start_char, ent.end_char, when, score)


def looks_ahead(tok) -> bool:
    """True when the words around a date say it is still to come ("the coming election on August 9",
    "voters will go to the polls on August 9", "ahead of the August 9 vote")."""
    node = tok
    for _ in range(4):
        for c in [node, *node.children]:
            if c.lower_ in lex.AHEAD_WORDS or (c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll")):
                return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _climb(tok):
    """The word a conjunct or apposition stands in for ("Mindanao, Philippines" -> Mindanao)."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _locative(ent) -> bool:
    """A place named as where something happened: "in Deir ez-Zor Province", "Kabul car bombing",
    "Afghanistan's Maidan Wardak province"; not "a US official" or "the Supreme Leader of Iran"."""
    root = _climb(ent.root)
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ == "of":  # "the port town of Mokha"
            return prep.head.lemma_.lower() in lex.PLACE_NOUNS
        return prep.lower_ in lex.LOCATIVE_PREPS
    if root.dep_ in ("compound", "nmod", "poss", "amod"):
        head = root.head
        return head.lemma_.lower() in lex.PLACE_NOUNS or head.lemma_.lower() in lex.WEAPON_NOUNS | {"bombing", "attack"}
    return False


def published_of(doc) -> str:
    """The article's date the suggester set on the parsed doc, against which relative dates resolve."""
    return doc.user_data.get("published", "")


def _death_toll(m: Mention, toll) -> None:
    """The number a death toll rises to or stands at: the first count after "toll" in its clause."""
    clause = toll.head if toll.dep_ in ("nsubj", "nsubjpass") else toll
    for tok in clause.subtree:
        if tok.i > toll.i and tok.like_num and tok.dep_ in ("nummod", "pobj", "dobj", "attr", "quantmod"):
            noun = tok.head if tok.dep_ == "nummod" else tok
            start, end = tok.idx, noun.idx + len(noun)
            count = parse_count(toll.doc[tok.i:noun.i + 1].text)  # not doc.text: it rebuilds the whole text
            if count is not None:
                m.victims.append((start, end, count, False))
            return


def read_victims(m: Mention, sent, ents, head=None) -> None:
    """The dead the trigger's sentence counts: only words of death (killed, died, dead, bodies),
    never the injured, wounded, arrested or displaced."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "toll" and any(c.lemma_.lower() == "death" for c in tok.children):
            _death_toll(m, tok)  # "with the death toll rising to 22 people"
            continue
        if lemma not in lex.CASUALTY_LEMMAS or (head is not None and in_other_quote(tok, head)):
            continue
        phrases = []
        if lemma in ("kill", "killing") and tok.pos_ == "VERB":
            phrases = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        elif lemma == "die":
            phrases = [c for c in tok.children if c.dep_ == "nsubj"]
        elif lemma == "dead" and tok.dep_ == "amod":  # "shot a man dead", "a dead man"
            phrases = [tok.head]
        elif lemma == "dead" and tok.head.lemma_.lower() in ("be", "remain", "lie", "find", "pronounce", "declare"):
            phrases = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "five were dead"
        elif lemma == "dead" and tok.dep_ in ("oprd", "xcomp", "advmod", "ccomp", "acomp"):
            phrases = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]  # "shot dead a man"
        elif lemma == "body" and tok.tag_ == "NNS":  # "the bodies of five men were found"
            phrases = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"] or [tok]
        for p in phrases:
            if p.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                p = tok.head  # "al-Muhandis, who was also killed"
            p = resolve(p) or p
            if p.pos_ == "PRON":
                continue
            for q in [p, *[c for c in p.children if c.dep_ == "conj"]]:
                ent = ents.get(q.i)
                if ent is not None and ent.label_ == "PERSON":
                    if (ent.start_char, ent.end_char, 1, True) not in m.victims:
                        m.victims.append((ent.start_char, ent.end_char, 1, True))
                    continue
                start = q.left_edge.idx if q is p else q.idx
                end = q.idx + len(q)
                count = parse_count(q.doc[(q.left_edge if q is p else q).i:q.i + 1].text)
                if count is not None:
                    m.victims.append((start, end, count, False))
                elif q.pos_ == "PROPN":  # a name the model did not tag as a PERSON
                    m.victims.append((start, end, 1, True))


