"""Reads one trigger's sentence in the dependency parse: who attacked whom, who died (where and when:
``suggest_place``).

Split from ``suggest.py`` (which decides types and merges mentions into events) so that each stays
short. Everything here works on one spaCy token and its sentence, and returns character spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import suggest_lexicon as lex
from .dateline import in_dateline
from .gazetteer import lookup
from .mentions import in_other_quote, resolve, titled_person
from .normalise import parse_count
from .suggest_clause import (PATIENT_GENITIVE_NOUNS, is_attribution, named_mention, names_a_scene, nominal_roles,
                             unsaid_subject)
from .suggest_deaths import ONE_PERSON_PRONOUNS, counts_for
from .suggest_triggers import AIM_PREPS, AIM_VERBS

ACTOR_LABELS = ("PERSON", "NORP", "ORG", "GPE")
PLACE_LABELS = ("GPE", "LOC", "FAC")
_NOT_ACTORS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
# Nouns that count events: "a series of attacks", "a wave of bombings".
SERIES_NOUNS = frozenset({"series", "wave", "spate", "string", "campaign", "number", "round"})


@dataclass
class Mention:
    """One trigger word with what its sentence says about the event; mentions of one event are merged
    into a cluster (a list of them) that becomes one suggested event."""

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
    said_time: tuple[int, int, object, float] | None = None  # the date it was reported: a fallback for ``time``
    years_back: bool = False  # its clause puts it years back ("during these early years"): background
    lemma: str = ""  # the trigger's lemma ("stab"), to tell an event told again in its own word
    summary: bool = False  # it sums up several events ("at least three bombings") or a campaign
    another: bool = False  # its words make it another event than one told before ("a second attack")
    victims: list[tuple[int, int, int | None, bool]] = field(default_factory=list)  # start, end, count, named
    evidence: str = ""  # what chose the type
    modality: str = ""  # "background" for a real event dated before the article's year, else ""
    instrument: bool = False  # a weapon word standing for the event ("the bomb"), a poor trigger
    listed: list[tuple[int, int]] = field(default_factory=list)  # role spans named in a list ("including A, B, C")
    names_place: bool = False  # its sentence names a place, read as the Place or not ("Dagestan sees attacks")
    own_place: object = False  # for a mention referring back: the place its own phrase names (or None); False: ``place``
    names_own_target: bool = False  # "the shooting of Jacob Blake": a definite event noun named by whom it hit
    told: frozenset = frozenset()  # what the trigger's own sentence says of it: its roles, "Place", "Time", "Victim"
    quoted: bool = False  # the trigger stands in a quotation or a photo caption: not the report's own telling
    past_caption: bool = False  # a photo caption tells it in a past tense ("Troops were deployed to repel ...")
    response: bool = False  # forces stopping an attack's attacker, joined to that attack: not its trigger
    dated_elsewhere: bool = False  # its sentence dates another verb's event ("arrested on Sunday after the attack")


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
            edge = c.left_edge
            while edge.i < c.i and edge.pos_ == "ADV":  # "reportedly several people"
                edge = edge.doc[edge.i + 1]
            aged = edge.like_num and edge.i + 1 < c.i and edge.doc[edge.i + 1].text == "-"  # "36-year-old"
            left = edge if aged or not edge.like_num and edge.dep_ != "det" else c
            break
    # The words before ``tok`` as a span: ``doc.text`` would rebuild the whole text on every call.
    before = tok.doc[left.i:tok.i].text_with_ws
    start = left.idx + next((i for i, c in enumerate(before) if c.isalnum()), len(before))
    return start, tok.idx + len(tok)


# What a side fights with when it is not the other side ("fought with knives and stones").
ARMS_NOUNS = frozenset({"gun", "knife", "weapon", "rifle", "stone", "rock", "machete", "sword", "stick", "baton",
                        "fire", "gunfire", "gas", "teargas", "arm", "firearm", "pistol", "bat", "club", "axe"})


def read_roles(m: Mention, head, sent, ents, is_trigger=lambda tok: False) -> None:
    attackers, targets = [], []

    def conj(tok):
        return [tok, *[c for c in tok.children if c.dep_ == "conj"]]

    if head.pos_ == "VERB":
        aim = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in AIM_PREPS), None)
        blown = any(c.dep_ == "dobj" for c in head.children)  # "a bomber blew himself up": who did it
        for c in head.children:
            if c.dep_ == "nsubj" and head.lemma_.lower() in lex.BURST_VERBS and not blown:  # "the minibus exploded"
                targets.extend(t for t in conj(c) if _targetable(t, ents))
            elif c.dep_ == "nsubj":
                (targets if head.lemma_ == "repel" else attackers).extend(conj(c))
            elif c.dep_ == "agent":
                attackers.extend(p for g in c.children if g.dep_ == "pobj" for p in conj(g))
            elif c.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.WEAPON_USE_VERBS:
                continue  # "devices were detonated", "fired rockets": the object is the weapon, not a target
            elif aim is not None and c.i == aim.i and head.lemma_.lower() in AIM_VERBS | {"launch", "drop"}:
                # "fired into the crowd", "dropped bombs on the village"; a bomb detonated "at a market" is
                # there, and so is the market of "fired into a crowd at a market" (the aim comes first)
                targets.extend(p for g in c.children if g.dep_ == "pobj" for p in conj(g))
            elif c.dep_ in ("dobj", "nsubjpass") and head.lemma_ != "repel":
                targets.extend(conj(c))
            elif c.dep_ == "prep" and c.lower_ == "with" and head.lemma_.lower() in lex.TWO_SIDED:
                # "soldiers clashed with gunmen": the other side; not "fought with knives"
                targets.extend(p for g in c.children if g.dep_ == "pobj" for p in conj(g)
                               if p.lemma_.lower() not in lex.INSTRUMENT_NOUNS | ARMS_NOUNS)
        if not attackers and m.type in ("PROTEST", "RIOT"):  # "what organisers estimated at 1.7 million people marched"
            attackers.extend(estimated_crowd(head))
        if head.lemma_.lower() not in lex.BURST_VERBS | {"repel"}:  # "Police arrived and shot him"
            doers, done_to = unsaid_subject(head, ents)
            attackers.extend(t for d in doers for t in conj(d))
            targets.extend(t for d in done_to for t in conj(d))
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
        doers, done_to = nominal_roles(head)  # "placed Mugabe under arrest", "the suspect in a shooting"
        attackers.extend(doers)
        targets.extend(done_to)
        happened = verb if head.dep_ == "nsubj" and verb.lemma_.lower() in lex.OCCUR_VERBS else None
        for c in [*head.children, *([] if happened is None else happened.children)]:
            if c.head.i != head.i and not (c.dep_ == "prep" and c.lower_ in ("between", "with")):
                continue  # from "fighting broke out between ...", only the sides
            if c.dep_ == "poss":  # "Boko Haram's attack"; "Basilashvili's arrest": the one arrested
                (targets if head.lemma_.lower() in PATIENT_GENITIVE_NOUNS else attackers).append(c)
            elif c.dep_ in ("compound", "amod", "nmod") and c.i in ents and ents[c.i].label_ in ("NORP", "ORG", "GPE") \
                    and not (m.type in ("PROTEST", "RIOT") and _stance(c, ents[c.i])) \
                    and not names_a_scene(ents[c.i]):  # "pro-democracy protests": a cause; "Boston Marathon bombing"
                place = lookup(ents[c.i].text) if ents[c.i].label_ == "GPE" else None
                if place is None or place.kind == "country":
                    attackers.append(c)
            elif c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in ents and c.is_upper:
                attackers.append(c)  # "IS attacks": an acronym the model left untagged
            elif c.dep_ == "prep" and c.lower_ == "of" and head.lemma_.lower() not in lex.GENERIC_VIOLENT:
                # "the bombing of the federal building"; a named place is the Place, not a target
                hit = [p for g in c.children if g.dep_ == "pobj" and not (
                    g.i in ents and ents[g.i].label_ in ("GPE", "LOC") or g.lemma_.lower() in lex.PLACE_NOUNS)
                    for p in conj(g)]
                targets.extend(hit)
                attackers.extend(p for g in hit for b in g.children if b.dep_ == "prep" and b.lower_ == "by"
                                 for p in b.children if p.dep_ == "pobj")  # "the arrest of X by police", misattached
                m.names_own_target = m.names_own_target or any(p.i in ents and ents[p.i].label_ == "PERSON" for p in hit)
            elif c.dep_ in ("prep", "agent") and c.lower_ == "by" and head.pos_ == "NOUN":
                attackers.extend(p for g in c.children if g.dep_ == "pobj" for p in conj(g))  # "an attack by X"
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
    if m.type == "RIOT" and head.lemma_.lower() in lex.TWO_SIDED and _police_against_crowd(attackers, targets):
        attackers, targets = targets, attackers  # "police clashed with demonstrators": in a riot the crowd acts
    listed = _listed_members(head, attackers, targets, ents)
    for role, toks in (("Attacker", attackers), ("Target", targets)):
        spans = []
        for tok in toks:
            member = tok.i in listed
            if is_attribution(tok) or in_dateline(tok):
                continue  # "..., reported officials": who told the news, not who took part
            tok = titled_person(tok) or resolve(tok)  # "the gunman" named before, "he"
            tok = tok if tok is None else named_mention(tok, ents)  # "Rittenhouse, the suspect"
            if tok is not None and (tok.lemma_.lower() in lex.QUANTITY_NOUNS or tok.pos_ == "NUM"):
                # "a number of people", "three of the guards" (not "two of them": a set, not a subject's)
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
            if tok.pos_ == "VERB" and not any(c.dep_ == "det" for c in tok.children):  # not "the accused"
                # "against attacking forces": the verb's object names them
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


def _police_against_crowd(first: list, other: list) -> bool:
    """Whether a two-sided riot's first side is security forces only and the other a crowd ("police
    clashed with demonstrators"): ACLED codes the rioters as actor1 and the police as actor2."""
    return (bool(first) and all(t.lemma_.lower() in lex.SECURITY_FORCES for t in first)
            and any(t.lemma_.lower() in lex.PROTESTER_WORDS for t in other))


def _stance(tok, ent) -> bool:
    """Whether ``tok`` (of the entity ``ent``) is the cause in "pro-democracy" or "anti-Chinese", not
    a group that acted."""
    doc, first = tok.doc, ent[0]
    return first.lower_ in ("pro", "anti") or first.lower_.startswith(("pro-", "anti-")) or (
        first.i >= 2 and doc[first.i - 1].text == "-" and doc[first.i - 2].lower_ in ("pro", "anti"))


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
        if lemma not in lex.CASUALTY_LEMMAS or (head is not None and (in_other_quote(tok, head) or not counts_for(tok, head))):
            continue  # a quotation's, or another event word's dead ("another in Chippewa Falls where five died")
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
        elif lemma == "death" and tok.pos_ == "NOUN":  # "caused the death of at least 50 people", "12 deaths"
            phrases = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"] or ([tok] if any(c.dep_ == "nummod" for c in tok.children) else [])
        elif lemma == "body" and tok.tag_ == "NNS":  # "the bodies of five men were found"
            phrases = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"] or [tok]
        for p in phrases:
            if p.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                p = tok.head  # "al-Muhandis, who was also killed"
            p = resolve(p) or p
            if p.pos_ == "PRON" and p.lower_ in ONE_PERSON_PRONOUNS:  # "he was later pronounced dead": one
                m.victims.append((p.idx, p.idx + len(p), 1, False))
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


_ESTIMATE_VERBS = frozenset({"estimate", "put", "number", "count", "describe", "call", "say", "report", "claim"})


def estimated_crowd(head) -> list:
    """The crowd a free relative measures as the subject of a verb of protest ("what organizers estimated at
    1.7 million Hongkongers ... marched", "what police put at 5,000 students marched"): English gives the
    number in the relative, after "at", "as" or "to be", and the crowd is the noun counted there. The parse
    hangs such a relative anywhere, so it is read from the words before the verb."""
    sent = head.sent
    what = next((t for t in sent if t.lower_ == "what" and t.i < head.i), None)
    if what is None:
        return []
    verb = next((t for t in head.doc[what.i + 1:head.i] if t.lemma_.lower() in _ESTIMATE_VERBS and t.pos_ == "VERB"), None)
    if verb is None:
        return []
    for tok in head.doc[verb.i + 1:head.i]:
        if tok.pos_ in ("NOUN", "PROPN") and any(c.like_num or c.ent_type_ == "CARDINAL" for c in tok.children):
            return [tok]  # "1.7 million Hongkongers": the noun its number counts
    return []

