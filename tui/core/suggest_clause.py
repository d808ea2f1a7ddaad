"""Who the trigger's clause gives as doer and done-to when the trigger word has no subject of its own.

English leaves the subject of many verbs unsaid and lets the grammar supply it: coordinated verbs
share one ("Police arrived and shot him"), a controlled verb takes its governor's ("Khan started
attacking people", "accused of shooting two people", "after being detained"), a participle takes
the noun it modifies ("a man shot by police", "gunmen storming the hotel"). Nominal triggers have
idioms of their own ("placed Mugabe under arrest", "the suspect in a shooting", "people who took
part in the protest"). Split from ``suggest_parse`` (which reads the trigger's own dependents).
"""

from __future__ import annotations

from . import suggest_lexicon as lex
from .gazetteer import BIG_TOWN, lookup
from .mentions import NAMING_VERBS, SPEECH_VERBS

SUBJECTS = ("nsubj", "nsubjpass")
# Prepositions whose gerund shares the governing verb's subject ("accused of shooting", "after attacking").
_CONTROL_PREPS = frozenset({"of", "for", "after", "before", "while", "since", "by", "with", "without", "in",
                            "upon", "on"})
# Nouns of someone who did the event the "in" or "of" phrase names ("the suspect in a shooting").
PERPETRATOR_NOUNS = lex.PERPETRATOR_TITLES | frozenset({"accused", "culprit", "mastermind", "ringleader", "organiser",
                                                    "organizer"})
# Verbs of taking part in an event, whose subject is one of those who held it ("joined the protest").
PARTICIPATE_VERBS = frozenset({"participate", "join", "attend", "take", "march", "rally", "gather"})
# Participles that give a person's name after a comma ("a prisoner, suspected to be Louis Dunn").
_NAMING_VERBS = NAMING_VERBS | frozenset({"suspect", "believe", "think", "confirm", "reveal"})
# Event nouns whose possessor is the one it was done to ("Kennedy's assassination", "his arrest").
PATIENT_GENITIVE_NOUNS = frozenset({"arrest", "detention", "assassination", "murder", "killing", "kidnapping",
                                    "abduction", "execution", "capture", "beating", "lynching", "imprisonment",
                                    "jailing", "stabbing", "shooting", "death", "release", "torture", "rape"})
# Verbs of harm short of death whose passive subject an "in the attack" phrase says was hit (the dead
# are counted as victims elsewhere).
HURT_VERBS = frozenset({"wound", "injure", "hurt", "maim", "burn"})
# Verbs and nouns by which a court or prosecutor holds someone to have done an event.
JUSTICE_VERBS = frozenset({"convict", "sentence", "charge", "jail", "imprison", "indict", "accuse", "try",
                           "prosecute", "execute", "hang"})
JUSTICE_NOUNS = frozenset({"sentence", "conviction", "charge", "trial", "jail", "prison", "term"})
# The last words of names of buildings and streets: spots within a town, not towns.
VENUE_NOUNS = lex.CIVILIAN_PLACES | frozenset({
    "facility", "prison", "jail", "hall", "centre", "center", "station", "street", "road", "avenue", "square",
    "bridge", "gardens", "mall", "stadium", "arena", "airport", "building", "tower", "office", "court", "embassy",
    "headquarters", "barracks", "palace", "parliament", "campus", "college", "club", "theatre",
    "theater", "plaza", "lane", "boulevard"})
# Nominal arrest phrases: "placed X under arrest", "took X into custody", "held X in detention".
CUSTODY_NOUNS = frozenset({"arrest", "custody", "detention"})


def _passive(verb) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")
                                                               and not any(c.dep_ == "aux" for c in verb.children))


def _subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ not in ("there", "it")]


def _controller(verb, depth: int = 0):
    """The word that is ``verb``'s unsaid subject, or None: the subject of the verb it is coordinated
    with, of the verb that controls it, or the noun a participle modifies."""
    if depth > 3 or _subjects(verb):
        return None
    up = verb.head
    if up.i == verb.i or up.lemma_.lower() in SPEECH_VERBS:
        return None  # "officials said and ...": a reporting verb's subject is never the event's doer
    if verb.dep_ == "conj" and up.pos_ in ("VERB", "AUX"):  # "Police arrived and shot him"
        found = _subjects(up)
        return found[0] if found else _controller(up, depth + 1)
    if verb.dep_ == "xcomp":  # "Khan started attacking people"; "forced them to flee": the object
        obj = [c for c in up.children if c.dep_ == "dobj"]
        if obj:
            return obj[0]
        found = _subjects(up)
        return found[0] if found else _controller(up, depth + 1)
    if verb.dep_ == "pcomp" and up.lower_ in _CONTROL_PREPS and up.head.pos_ in ("VERB", "AUX"):
        found = _subjects(up.head)  # "was accused of shooting", "was at the centre after being detained"
        return found[0] if found else _controller(up.head, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and up.pos_ in ("VERB", "AUX"):
        found = _subjects(up)  # "Gunmen stormed the hotel, killing five"
        return found[0] if found else None
    if verb.dep_ == "acl" and up.pos_ in ("NOUN", "PROPN") and verb.tag_ in ("VBG", "VBN"):
        return up  # "a man shot by police", "protesters marching on parliament"
    return None


def unsaid_subject(verb, ents) -> tuple[list, list]:
    """(attackers, targets) that ``verb``'s unsaid subject adds: the doer for an active verb, the one
    done-to for a passive one ("Mugabe co-founded the party but was arrested")."""
    subject = _controller(verb)
    if subject is None or subject.pos_ in ("VERB", "AUX") or subject.lemma_.lower() in ("what", "there") \
            or any(c.lower_ in ("what", "whatever") for c in subject.children):  # "what organizers estimated"
        return [], []
    return ([], [subject]) if _passive(verb) else ([subject], [])


def nominal_roles(noun) -> tuple[list, list]:
    """(attackers, targets) that idioms around an event noun give: "placed Mugabe under house arrest",
    "took them into custody" (the object is held, the subject holds); "the suspect in a shooting";
    "who were participating in demonstrations", "thousands joined the protest"."""
    attackers, targets = [], []
    agents = [p for a in noun.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if noun.dep_ == "acl" and noun.head.pos_ in ("NOUN", "PROPN") and agents:
        return agents, [noun.head]  # "a farmer shot by soldiers", the participle tagged as a noun
    prep = noun.head
    verb = prep.head if noun.dep_ == "pobj" else noun.head
    if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.PERPETRATE_VERBS:
        if noun.dep_ == "nsubjpass":  # "The attack was claimed by the Houthi movement"
            attackers += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        elif noun.dep_ == "dobj" and verb.lemma_.lower() == "claim":  # "the group claimed the bombing"
            attackers += _subjects(verb)
    if noun.dep_ == "pobj" and noun.lemma_.lower() in CUSTODY_NOUNS and prep.lower_ in ("under", "into", "in") \
            and verb.pos_ == "VERB":
        held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        targets += held
        if held and held[0].dep_ == "dobj":
            attackers += _subjects(verb) or [s for s in [_controller(verb)] if s is not None]
        attackers += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    if noun.dep_ == "pobj" and prep.lower_ in ("in", "of", "behind") and verb.lemma_.lower() in PERPETRATOR_NOUNS:
        attackers.append(verb)  # "Kyle Rittenhouse, the suspect in a shooting"
    if noun.dep_ == "pobj" and prep.lower_ in ("in", "during", "by") and verb.pos_ == "VERB" \
            and verb.lemma_.lower() in HURT_VERBS:  # "three officers were wounded in the attack"
        targets += [c for c in verb.children if c.dep_ == "nsubjpass"]
    attackers += _convicted(noun)
    if verb.pos_ == "VERB" and verb.lemma_.lower() in PARTICIPATE_VERBS and (
            noun.dep_ == "dobj" and verb.lemma_.lower() in ("join", "attend")
            or noun.dep_ == "pobj" and prep.lower_ == "in" and verb.lemma_.lower() in ("participate", "take")):
        if verb.lemma_.lower() != "take" or any(c.lower_ == "part" for c in verb.children):
            attackers += _subjects(verb) or [s for s in [_controller(verb)] if s is not None]
    return attackers, targets


def _convicted(noun) -> list:
    """Who a court or prosecutor holds to have done the event ``noun`` names: "X is serving a life
    sentence for the assassination", "X was convicted of the murder", "prosecutors charged X with the
    bombing", "X was found guilty of the attack"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "of", "with", "over"):
        return []
    word = noun.head.head
    if word.pos_ == "NOUN" and word.lemma_.lower() in JUSTICE_NOUNS and word.dep_ in ("dobj", "pobj", "attr"):
        word = word.head if word.dep_ != "pobj" else word.head.head  # "serving a sentence for", "in jail for"
    elif word.pos_ == "ADJ" and word.lemma_.lower() == "guilty":
        word = word.head
    elif not (word.pos_ == "VERB" and word.lemma_.lower() in JUSTICE_VERBS):
        return []
    if word.pos_ not in ("VERB", "AUX"):
        return []
    held = [c for c in word.children if c.dep_ == "nsubjpass"] or (
        [c for c in word.children if c.dep_ == "dobj"] if word.lemma_.lower() in JUSTICE_VERBS else [])
    return held or _subjects(word) or [s for s in [_controller(word)] if s is not None]


def is_attribution(tok) -> bool:
    """Whether ``tok`` names the source of the report, not an actor: "..., reported officials",
    "..., said police" (a reporting verb before it after a comma), "reported officials" misparsed as
    one noun phrase."""
    if any(c.dep_ in ("amod", "acl", "compound") and c.lemma_.lower() in SPEECH_VERBS for c in tok.children):
        return True
    left = tok.left_edge
    doc = tok.doc
    verb = doc[left.i - 1] if left.i >= 2 else None
    if verb is None or verb.lemma_.lower() not in SPEECH_VERBS or not verb.tag_.startswith("VB"):
        return False
    # "..., said police"; not "..., said a man approached": the subject of what was said
    return doc[left.i - 2].text in (",", '"', "\u201d", "'") and (tok.head.i == verb.i or tok.dep_ not in SUBJECTS)


def named_mention(tok, ents):
    """The named person or group ``tok`` stands beside in apposition ("Kyle Rittenhouse, the
    suspect", "the minister Wiranto") or is identified as ("the man, later identified as Khairi
    Saadallah"); else ``tok``."""
    if tok.i in ents and ents[tok.i].label_ in ("PERSON", "ORG", "NORP"):
        return tok
    for other in (*tok.children, tok.head):
        if (other.dep_ == "appos" or tok.dep_ == "appos" and other.i == tok.head.i) and other.i in ents \
                and ents[other.i].label_ in ("PERSON", "ORG", "NORP") and other.i != tok.i:
            return ents[other.i].root
    doc = tok.doc
    end = tok.right_edge.i
    after = [c for c in tok.children if c.dep_ == "acl"] + list(doc[end + 1:min(end + 5, len(doc))])
    for word in after:  # "the man, later identified as X", "a prisoner, suspected to be X"
        if word.lemma_.lower() in _NAMING_VERBS and word.tag_ in ("VBN", "VBD") and doc[word.left_edge.i - 1].text == ",":
            for t in word.subtree:
                if t.i in ents and ents[t.i].label_ == "PERSON" and (t.dep_ == "pobj" and t.head.lower_ == "as"
                                                                     or t.dep_ == "attr" and t.head.lemma_ == "be"):
                    return ents[t.i].root
        if word.is_sent_end:
            break
    return tok


def venue(ent) -> bool:
    """Whether the entity ``ent`` names a building or a street ("Fishmongers' Hall", "Al Noor Mosque",
    "Richard J. Donovan Correctional Facility"): a spot within a town, which ACLED places at the town."""
    return ent[-1].lemma_.lower() in VENUE_NOUNS and ent[-1].i != ent[0].i


def names_a_scene(ent) -> bool:
    """Whether the name ``ent`` that modifies an event noun is where or what was hit, not who did it: a
    building ("the Manchester Arena bombing") or a named occasion of a town ("the Boston Marathon
    bombing", its first word a town); a group's name ("the Taliban attack", "IS attacks") is neither."""
    if venue(ent):
        return True
    place = lookup(ent[0].text) if len(ent) > 1 and ent[0].pos_ == "PROPN" else None
    return place is not None and place.kind in ("city", "admin1") and place.population >= BIG_TOWN
