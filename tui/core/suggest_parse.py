"""Reads one trigger's sentence in the dependency parse: who attacked whom, where, when, who died.

Split from ``suggest.py`` (which decides types and merges mentions into events) so that each stays
short. Everything here works on one spaCy token and its sentence, and returns character spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import suggest_lexicon as lex
from .gazetteer import lookup
from .mentions import in_other_quote, resolve, titled_person
from .normalise import parse_count, parse_date

ACTOR_LABELS = ("PERSON", "NORP", "ORG", "GPE")
PLACE_LABELS = ("GPE", "LOC", "FAC")
_NOT_ACTORS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(y|ies))\b")
# Nouns naming a part of a place: "in the heart of London", "on the outskirts of Kabul".
PART_NOUNS = frozenset({"heart", "centre", "center", "middle", "outskirts", "edge", "suburb", "suburbs", "part",
                        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "side",
                        "neighborhood", "neighbourhood", "vicinity"})
# Nouns naming an event of their own, whose place is theirs ("since an assault in Ghazni").
EVENT_NOUNS = lex.GENERIC_VIOLENT | frozenset(w for words in lex.EXTRA_TRIGGERS.values() for w in words if " " not in w) \
    | frozenset(lex.WORD_TYPES)
# Nouns that count events: "a series of attacks", "a wave of bombings".
SERIES_NOUNS = frozenset({"series", "wave", "spate", "string", "campaign", "number", "round"})


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
    listed: list[tuple[int, int]] = field(default_factory=list)  # role spans named in a list ("including A, B, C")
    names_place: bool = False  # its sentence names a place, read as the Place or not ("Dagestan sees attacks")
    own_place: object = False  # for a mention referring back: the place its own phrase names (or None); False: ``place``


def _span_of(tok, ents) -> tuple[int, int]:
    """The words naming an actor: its entity if it has one, else its noun phrase without
    determiners and counts ("More than 100 pro-Assad fighters" -> "pro-Assad fighters")."""
    ent = ents.get(tok.i)
    if ent is not None and ent.label_ in ACTOR_LABELS + PLACE_LABELS:
        last = ent[-2] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent[-1]  # "Boko Haram's attack"
        return ent.start_char, last.idx + len(last)
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and not c.like_num:
            left = c.left_edge if not c.left_edge.like_num and c.left_edge.dep_ != "det" else c
            break
    # The words before ``tok`` as a span: ``doc.text`` would rebuild the whole text on every call.
    before = tok.doc[left.i:tok.i].text_with_ws
    start = left.idx + next((i for i, c in enumerate(before) if c.isalnum()), len(before))
    return start, tok.idx + len(tok)


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
        verb, noun = head.head, head
        if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in SERIES_NOUNS:
            noun, verb = verb.head, verb.head.head  # "launched a series of attacks"
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and verb.lemma_.lower() in lex.LIGHT_VERBS:
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if not subj and verb.dep_ in ("conj", "xcomp", "advcl"):
                subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
                if not subj and verb.head.dep_ == "acl":  # "terrorists modifying drones to launch attacks"
                    subj = [verb.head.head]
            if not subj and verb.dep_ == "acl" and verb.tag_ == "VBG":  # "militants launching attacks"
                subj = [verb.head]
            attackers.extend(t for s in subj for t in conj(s))
        if head.dep_ == "pobj" and head.head.head.lemma_.lower() in ("responsibility", "credit"):
            claim = head.head.head.head
            attackers.extend(c for c in claim.children if c.dep_ == "nsubj")
        if head.dep_ == "nsubj" and verb.lemma_.lower() in lex.HARM_VERBS:  # "the explosion targeted a bakery"
            targets.extend(t for c in verb.children if c.dep_ == "dobj" for t in conj(c) if _targetable(t, ents))
        if head.dep_ == "pobj" and head.head.dep_ == "agent":  # "the building was shattered by an explosion"
            targets.extend(t for c in head.head.head.children if c.dep_ == "nsubjpass" for t in conj(c)
                           if _targetable(t, ents))  # not "wood planks were thrown by the blast"
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
    listed = _listed_members(head, attackers, targets, ents)
    for role, toks in (("Attacker", attackers), ("Target", targets)):
        spans = []
        for tok in toks:
            member = tok.i in listed
            tok = titled_person(tok) or resolve(tok)  # "the gunman" named before, "he"
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
                if member:
                    m.listed.append((start, end))
        if spans:
            m.roles[role] = spans


def _listed_members(head, attackers: list, targets: list, ents) -> set[int]:
    """The members a role's phrase lists after "including" ("Leftists were arrested, including Eva
    Forest, wife of ..., and Lidia Falcon"), added to that role; returns their token indexes. Said of
    the trigger verb, the list belongs to its object or passive subject when it has one. Named members
    when the list names any (not those after "of": "wife of Alfonso Sastre"), else the nouns listed."""
    added: set[int] = set()
    holders = [(tok, role) for role in (attackers, targets) for tok in role]
    if head.pos_ == "VERB":
        holders.append((head, targets if targets else attackers))
    for holder, role in holders:
        for prep in [c for c in holder.children if c.dep_ == "prep" and c.lower_ == "including"]:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                names = [t for t in obj.subtree if t.i in ents and ents[t.i].root.i == t.i
                         and ents[t.i].label_ in ("PERSON", "ORG", "NORP") and t.dep_ not in ("amod", "compound", "poss")
                         and not (t.dep_ == "pobj" and t.head.lower_ == "of")]  # not "communist playwright"
                for member in names or _conjuncts(obj):
                    if member.i not in added and member not in role:
                        role.append(member)
                        added.add(member.i)
    return added


def _conjuncts(tok) -> list:
    """``tok`` and the words coordinated with it ("two children, a woman and a guard")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conjuncts(c)
    return out


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
        if (ent.label_ in ("LOC", "FAC") and _place_list_head(ent.root, ents).dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
                or _locative_name(ent.root)):  # not "a US official", "the United States announced", "the State of Iraq"
            m.names_place = True
        place = None
        if (ent.label_ == "ORG" and _locative(ent) or ent.label_ in ("PERSON", "NORP") and _locative_name(ent.root)) \
                and not ent.text.isupper():  # "at Abqaiq" an ORG, "in Gao" a PERSON to the model
            place = lookup(ent.text)
            if place is None or place.kind != "city":
                continue
            m.names_place = True
        if (ent.label_ in PLACE_LABELS or place is not None) and _locative(ent) and _attached(ent.root, head):
            place = place or lookup(ent.text)
            score = {"city": 3.25, "admin1": 3, "country": 1}.get(place.kind, 2) if place else 2
            if _climb(ent.root).dep_ == "pobj":
                score += 0.5
            score -= abs(ent.root.i - head.i) / 1000  # nearer the trigger wins a tie
            last = ent[-2] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent[-1]  # "Hong Kong's"
            m.places.append((score, ent.start_char, last.idx + len(last), place))
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


def _locative_name(tok) -> bool:
    """A proper name after "in", "at", "near" ("in Badia al-Sukhnah"), whatever entity the model made of it."""
    return tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "outside")


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


def _attached(tok, head) -> bool:
    """Whether the place ``tok`` names is said of the trigger's clause: its phrase hangs within the
    clause of the trigger's verb (the trigger's own, or the nearest verb it depends on: "a bombing was
    reported to have killed a man in Mokha"), on a word the trigger depends on ("arrested twelve in
    Tamil Nadu after a bomb exploded"), or on the subject of a word the trigger depends on
    ("Police in Lyon said a bomb exploded") or in a result clause ("..., wounding 13 in Lyon"); not
    within another clause ("the owner of a shop in
    Junction City identified the man who rented the truck used in the bombing")."""
    root = _climb(tok)
    while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PART_NOUNS:
        root = root.head.head  # "in the heart of London": where the heart hangs
    node = root.head.head if root.dep_ == "pobj" else root.head
    if node.i != head.i and node.pos_ == "NOUN" and node.lemma_.lower() in EVENT_NOUNS and not node.is_ancestor(head):
        return False  # "Monday's attack, the deadliest since an assault in Ghazni": Ghazni is the assault's
    clause = head
    while (clause.pos_ not in ("VERB", "AUX") or clause.dep_ == "prep") and clause.head.i != clause.i:
        clause = clause.head  # "escaped following airstrikes from a camp at Ain Issa": "following" is no clause
    if node.i == clause.i or clause.is_ancestor(node) or node.is_ancestor(head):
        return True
    result = node
    while result.pos_ not in ("VERB", "AUX") and result.head.i != result.i:
        result = result.head
    if result.dep_ == "advcl" and result.tag_ == "VBG" and result.head.is_ancestor(head):
        return True  # "a device that exploded, wounding 13 people on a street in Lyon": the parse hung the result higher
    return node.dep_ in ("nsubj", "nsubjpass") and node.head.is_ancestor(head)


def _place_list_head(tok, ents):
    """The first of places named together ("Mindanao, Philippines"): not climbing out of a place into
    a name that holds one ("the Islamic State of Iraq and the Levant")."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and tok.head.i in ents \
            and ents[tok.head.i].label_ in PLACE_LABELS:
        tok = tok.head
    return tok


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
        if prep.lower_ == "of" and prep.head.lemma_.lower() in PART_NOUNS and prep.head.dep_ == "pobj":
            return prep.head.head.lower_ in lex.LOCATIVE_PREPS  # "in the heart of London"
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


