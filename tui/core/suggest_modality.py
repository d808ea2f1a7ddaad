"""Whether a trigger word reports an event that happened, and if not, how the text presents it.

"Rebels plan to attack the town" (hypothetical), "the army did not strike" (negated), "troops will
march on Friday" (future), "attacks on convoys are often claimed by ..." (generic) and "he was convicted
of assaults in 2009" (background) name events that the article does not report. The suggester leaves
them out; an event the coder makes on such a word carries the modality (``Event.modality``). An
explosion the text presents as an accident (``ACCIDENT``: "a gas leak caused an explosion") did happen,
but is no political violence: the suggester leaves it out too, and no event carries that modality.
"""

from __future__ import annotations

import re

from . import suggest_lexicon as lex
from .dateline import in_caption, in_link_list
from .gazetteer import lookup
from .mentions import resolve
from .suggest_tense import habitual_present, headline, present_tense, simple_past

NOT_AN_EVENT = None  # the word is a modifier or a list item here, no event mention at all
ACCIDENT = "accident"  # an explosion the text presents as an accident: no political violence to suggest
_SPAN_OF_YEARS = re.compile(r"\b(?:recent|past|last|over the|for|in the)\s+(?:few\s+|several\s+|\w+\s+)?"
                            r"(?:years|decades|months)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")


def modality(head, types, published: str = "") -> str | None:
    """"" for a reported event, one of ``model.MODALITIES`` for one the text does not report as
    having happened, or None when the word does not mention an event here."""
    if head.dep_ in ("compound", "amod") and head.head.pos_ == "NOUN":
        return NOT_AN_EVENT  # "attack helicopters", "protest leaders"
    if in_link_list(head.doc, head.idx):
        return "background"  # "See also: 2007 Bagram Airfield bombing": another story's event (never suggested)
    if head.tag_ == "VBG" and head.dep_ in ("amod", "pcomp", "acl"):
        return NOT_AN_EVENT
    if head.lemma_.lower() in lex.WEAPON_NOUNS and head.pos_ != "VERB" and not head.is_title:
        if head.dep_ not in ("nsubj", "nsubjpass", "ROOT") and head.head.lemma_.lower() not in lex.WEAPON_VERBS:
            return NOT_AN_EVENT  # "backed by artillery and mortars"
    if "AGREEMENT" in types and len(types) == 1 and not _agreement_reported(head):
        return NOT_AN_EVENT
    if not _fits_its_words(head, types) or _depicted(head):
        return NOT_AN_EVENT
    if _accident(head):
        return ACCIDENT
    mods = {c.lemma_.lower() for c in head.children if c.dep_ == "amod"}
    if head.lemma_.lower() == "raid" and {t.lemma_.lower() for c in head.lefts for t in c.subtree} & lex.LAW_ENFORCEMENT:
        return NOT_AN_EVENT  # "a counter terror police raid removed items": a search, not an attack
    if mods & lex.FUTURE_MODIFIERS:
        return "future"
    if mods & lex.IRREALIS_MODIFIERS:
        return "hypothetical"
    if head.lemma_.lower() in lex.GENERIC_STRUGGLES and any(c.dep_ == "prep" and c.lower_ in ("against", "for")
                                                            and not _for_ground(c) for c in head.children):
        return "generic"  # "the fight against ISIS", "the battle for independence": a cause, not an event
    if (head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            and not (head.dep_ == "xcomp" and head.head.lemma_.lower() in lex.ASPECT_VERBS)):
        return "hypothetical"  # "to repel the act of aggression": a purpose; "began to stab people" is a report
    if _imperative(head):
        return "hypothetical"  # "take a knife and attack": a command, not a report
    if habitual_present(head) and not headline(head) and not in_caption(head.sent.text):
        return "generic"  # "militants attack convoys", "insurgents who continue to ambush forces": a pattern
    present = present_tense(head) or any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in head.children)
    if head.dep_ in ("relcl", "advcl") and present and not headline(head):
        return "generic"  # "events where four people are shot", "whenever a bomb explodes": what happens as a rule
    if _classified_as(head):
        return "generic"  # "events where four are killed count as a mass shooting": a definition
    found = _clause_modality(head)
    if found:
        return found
    if _charged_with(head) or _charge_noun(head):
        return "generic"  # "on trial on charges of murder": a crime named in court, not a report of it
    if _generic_plural(head, mods):
        return "generic"
    if _background(head, published):
        return "background"
    return ""


def _for_ground(prep) -> bool:
    """"fighting for control of the oil fields", "the battle for the town": ground fought over, an event."""
    return prep.lower_ == "for" and any(g.dep_ == "pobj" and (g.lemma_.lower() in lex.TERRITORY_NOUNS or g.ent_type_ in
                                                              ("GPE", "LOC", "FAC")) for g in prep.children)


def _clause_modality(head) -> str:
    """Negation, modals, habits and irrealis verbs on the trigger or the words that govern it."""
    node, prep = head, ""
    # "the protests" as what someone else's verb is about is told as having happened (a definite
    # description presupposes its event); as a subject it may still be to come ("the march will start at noon")
    given = head.pos_ == "NOUN" and _definite(head) and head.dep_ not in ("nsubj", "nsubjpass")
    for step in range(6):
        for c in node.children:
            if given and step > 0:
                break  # "he would not be intimidated by the protests": the negation and the modal are his
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in lex.NEGATIONS):
                return "negated"
            if c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll"):
                return "future"
            if c.dep_ == "aux" and c.lower_ in lex.MODALS:
                return "hypothetical"
            if c.dep_ == "advmod" and c.lower_ in lex.HABITUAL and not (c.lower_ == "repeatedly" and simple_past(node)):
                return "generic"  # "Houthis have attacked journalists previously": a pattern; but "a man
                # repeatedly stabbed his neighbour" tells one attack of many blows
        lemma = node.lemma_.lower()
        if step > 0 and lemma in lex.IRREALIS_HEADS and not (node.pos_ == "NOUN" and prep not in ("for", "to", "of", "")):
            return "hypothetical"  # "a call for attacks", "plans to strike"; not "a call about the attack"
        if step > 0 and lemma in lex.FUTURE_HEADS:
            return "future"
        if node.head.i == node.i or _semicolon_between(node, node.head):
            break  # a semicolon joins two sentences: "three people died; their identities were not provided"
        prep = node.lower_ if node.dep_ == "prep" else prep if node.dep_ == "pobj" else ""
        node = node.head
    return ""


def _semicolon_between(node, governor) -> bool:
    """Whether a semicolon of ``governor``'s stands between it and ``node``: English joins two independent
    clauses with one, so a parse that hangs one on the other gives it no negation or modal of the other."""
    low, high = sorted((node.i, governor.i))
    return any(c.text == ";" and low < c.i < high for c in governor.children)


def _charge_noun(head) -> bool:
    """"murder" as a noun mostly names a charge ("charged with capital murder - murder carrying the
    death penalty"); "the murder of a journalist" is an event."""
    return (head.pos_ != "VERB" and head.lemma_.lower() in lex.CHARGE_NOUNS
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children))


def _charged_with(head) -> bool:
    """A crime named as what someone is charged with, convicted of or tried for ("charges of murder",
    "convicted of assaults"), unless it is a known event ("charged over the attack")."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("of", "with", "for") or _definite(head):
        return False
    governor = head.head.head
    return governor.lemma_.lower() in lex.LEGAL_HEADS or governor.lemma_.lower() in ("trial", "count")


def _generic_plural(head, mods: set[str]) -> bool:
    """A bare plural that names a kind of event: "previous terrorist attacks", "numerous bombings",
    "a spate of attacks in recent years"."""
    if head.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return False
    if mods & lex.GENERIC_ADJECTIVES:
        return True
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ == "be" and verb.tag_ in ("VBP", "VBZ"):
        return True  # "kidnappings and violence are commonplace"
    if (head.dep_ == "dobj" and present_tense(verb) and not headline(head)
            and verb.lemma_.lower() not in lex.LIGHT_VERBS | lex.WEAPON_USE_VERBS):
        return True  # "Tunisia is facing terrorist attacks", "the region sees frequent bombings": a pattern
    if _SPAN_OF_YEARS.search(head.sent.text):  # "a spate of attacks in recent years"
        return True
    governor = head.head.head if head.dep_ == "pobj" else head.head
    return governor.lemma_.lower() in lex.LEGAL_HEADS  # "convicted of assaults"


def _background(head, published: str) -> bool:
    """An event dated in an earlier year than the article ("In 1995 they seized hostages",
    "the 2007 Bagram Airfield bombing"), or counted events the one reported followed ("the shooting
    followed four mass shootings that week": they came before it)."""
    if (head.dep_ == "dobj" and head.head.lemma_.lower() == "follow" and head.tag_ == "NNS"
            and any(c.dep_ == "nummod" for c in head.children)):
        return True
    year = published[:4]
    if not year.isdigit():
        return False
    near = [head, *[c for c in head.children]]
    near += [g for c in head.children if c.dep_ == "prep" for g in c.children]
    for tok in near:
        if tok.ent_type_ == "DATE":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            years = _YEAR.findall(ent.text) if ent is not None else []
            if years and all(int(y) < int(year) for y in years):
                return True
    return False


def _fits_its_words(head, types=()) -> bool:
    """Verbs that name violence only with the right words around them: "seized the town" (not
    "seized drugs"), "a missile struck the base" (not "a car struck a cyclist"); a weapon noun used
    as a verb ("inflation rocketed") names nothing. Protesters occupying a square take no ground, and an
    arrest's captive is no ground either."""
    lemma = head.lemma_.lower()
    if head.pos_ != "VERB":
        return True
    if lemma in lex.WEAPON_NOUNS and lemma not in ("bomb", "shell"):
        return False
    if lemma in lex.TERRITORY_VERBS and not {"PROTEST", "ARREST"} & set(types):
        objects = [resolve(c) or c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]  # "it was recaptured"
        return any(o.ent_type_ in ("GPE", "LOC", "FAC", "PERSON") or o.lemma_.lower() in lex.TERRITORY_NOUNS
                   or (o.pos_ == "PROPN" and lookup(o.text) is not None) for o in objects)  # a person captured is arrested or abducted: ``decide`` says which
    if lemma in lex.STRIKE_VERBS:
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "agent")]
        subjects += [g for c in subjects if c.dep_ == "agent" for g in c.children]
        return not subjects or any(s.lemma_.lower() in lex.STRIKERS or s.ent_type_ in ("ORG", "NORP", "GPE")
                                   for s in subjects)
    return True


def _agreement_reported(head) -> bool:
    if head.pos_ == "VERB":  # "X and Y agreed to a ceasefire", not "Lam agreed to withdraw the bill"
        return head.lemma_.lower() == "agree" and any(t.lemma_.lower() in lex.AGREEMENT_NOUNS for t in head.subtree)
    verbs = {head.head.lemma_.lower(), head.lemma_.lower()}
    if head.dep_ == "pobj":
        verbs.add(head.head.head.lemma_.lower())
    return bool(verbs & lex.AGREEMENT_VERBS)


def _definite(head) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no") for c in head.children)


def _depicted(head) -> bool:
    """An indefinite event word that a picture, video or film shows ("videos of beheadings", "he was
    pictured at a protest"): a depiction, not a report. "A video of the attack" refers to a reported one."""
    if _definite(head):
        return False
    node = head
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in lex.MEDIA_WORDS and (node.pos_ in ("NOUN", "PROPN") or node.tag_ == "VBN"):
            return True
        if node.tag_ in ("VBD", "VBZ", "VBP", "MD") and node.lemma_.lower() not in lex.MEDIA_WORDS:
            return False  # a finite clause of its own: "video showed police beating protesters" reports it
    return False


def _accident(head) -> bool:
    """An explosion the clause presents as an accident: said outright ("accidental explosions", "the
    device detonated accidentally", "a gas leak caused"), or an industrial or gas blast in a sentence
    that names no attack ("an explosion at a chemical plant"). Accidents are not political violence."""
    if head.lemma_.lower() not in lex.BURST_WORDS:
        return False
    clause = head
    while clause.pos_ != "VERB" and clause.head.i != clause.i:
        clause = clause.head
    if _kills_an_animal(head, clause):
        return True
    hit = {t.i for c in clause.children if c.dep_ == "dobj" and clause.lemma_.lower() in lex.HARM_VERBS
           and head.dep_ == "nsubj" and head.head.i == clause.i for t in c.subtree}
    # what a blast hit is its target: "hit a gas-powered minibus" says nothing of what blew up
    words = {t.lemma_.lower() for t in (*clause.subtree, *head.subtree)  # "it was no accident": not one
             if t.i not in hit and not any(c.dep_ == "neg" or c.lower_ == "no" for c in (*t.children, *t.head.children))}
    if words & lex.ACCIDENT_WORDS:
        return True
    sentence = {t.lemma_.lower() for t in head.sent}
    tear_gas = any(t.lower_ == "gas" and t.i > 0 and t.nbor(-1).lower_ == "tear" for t in head.sent)
    return bool(words & lex.INDUSTRIAL_WORDS) and not sentence & lex.ATTACK_CUES and not tear_gas


def _kills_an_animal(head, clause) -> bool:
    """An explosion told as the death of an animal: inside the clause of an animal's dying ("a jackal died
    trying to eat a bomb ... that exploded") or naming an animal in its own phrase ("exploded in the
    elephant's mouth"), and no person hurt in it. Poaching and cruelty are no political violence."""
    people = lex.CIVILIAN_WORDS | lex.COMBATANT_WORDS | {"people", "person"}
    own = [t for t in (*head.subtree, *(clause.subtree if clause.i != head.i else ())) if t.i != head.i]
    if any(t.lemma_.lower() in people or t.ent_type_ == "PERSON" for t in own):
        return False
    if any(t.lemma_.lower() in lex.ANIMAL_NOUNS for t in own):
        return True
    for verb in head.ancestors:  # "a jackal died trying to eat a bomb that exploded"
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.CASUALTY_LEMMAS:
            return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in lex.ANIMAL_NOUNS
                       for c in verb.children)
    return False


def _imperative(head) -> bool:
    """A base-form verb heading its own clause with no subject: a command ("take a knife and attack")."""
    verb = head
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # the first verb of "take ... and attack" gives the clause
    quoted = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("tell", "say", "write", "order", "urge", "add")
    if head.tag_ != "VB" or verb.tag_ != "VB" or (verb.dep_ not in ("ROOT", "ccomp", "parataxis", "conj") and not quoted):
        return False  # quoted: 'He told her: "Take a knife and attack"' 
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in (*verb.children, *head.children))


def _classified_as(head) -> bool:
    """An event word that names a category something is counted as ("characterizes ... as a mass
    shooting", "defined as an attack"), not an event."""
    if head.dep_ != "pobj" or head.head.lower_ != "as":
        return False
    node = head.head
    for _ in range(3):  # the parse may hang "as" on a word between it and the verb
        node = node.head
        if node.lemma_.lower() in lex.CLASSIFY_VERBS:
            return True
        if node.head.i == node.i:
            break
    return False


def strategic_move(head) -> bool:
    """Whether a strategic-development word reports a move ACLED codes: someone said to make it, and
    forces (not a bill or a delegation) moved."""
    return not (_agentless_passive(head) or _no_forces_moved(head))


def _no_forces_moved(head) -> bool:
    """A withdrawal or deployment of something other than armed forces ("the bill's withdrawal",
    "deployed a new system", "withdrew from the talks"), which ACLED does not code as a strategic
    development; with no such thing named ("forces began deploying", "a withdrawal from the region") it is one."""
    if head.lemma_.lower() not in ("withdraw", "withdrawal", "deploy", "deployment"):
        return False
    things = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "poss")]
    things += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    froms = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
    forces = lex.SECURITY_FORCES | lex.COMBATANT_WORDS | lex.KILLERS
    if any(not {t.lemma_.lower() for t in thing.subtree} & forces and thing.ent_type_ not in ("GPE", "NORP", "ORG")
           for thing in things):
        return True
    return any(f.lemma_.lower() in lex.AGREEMENT_NOUNS | {"talk", "race", "election", "competition", "negotiation"} for f in froms)


def _agentless_passive(head) -> bool:
    """A verb in the passive that names nobody who did it ("were deployed"); ACLED codes a strategic
    development by its actor, so without one there is nothing to code."""
    return (head.pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
            and not any(c.dep_ == "agent" for c in head.children))


def summary(head) -> bool:
    """A mention that sums up several events or a campaign rather than telling one: "at least three
    suicide bombings", "a couple of bombings", "four mass shootings that week", "have been protesting
    since early June", "more than 1000 arrested since the protests began". It tells no event of its own;
    it may join the one event of its kind the article tells (``suggest_merge.summary_target``)."""
    named = [head, *[c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]] if head.pos_ == "VERB" else [head]
    if any(c.dep_ == "det" and c.lower_ in ("each", "every") for w in named for c in w.children):
        return True  # "as each bomb exploded": every one of several
    if head.tag_ == "NNS":
        if any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in head.children):
            return True
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in lex.COUNT_NOUNS:
            return True
    verb = head if head.pos_ in ("VERB", "AUX") else head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if _many_places(head) or (verb is not None and verb.lemma_.lower() in lex.LIGHT_VERBS and _many_places(verb)):
        return True  # "arrests were made in Australia, Brazil, Canada and Spain": one event per place
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ == "been" for c in verb.children) and verb.tag_ == "VBG":
        return True  # "have been protesting": a state of affairs, not one event
    since = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "since"]
    since += [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "since"]
    since += [g for c in verb.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark" and g.lower_ == "since"]
    return bool(since)  # "arrested since June", "protests since the bill was proposed": a running total


def _many_places(word) -> bool:
    """Whether a word is said to happen in three places or more ("in Australia, Brazil and Canada"), not
    in one place named with its region and country ("in Kenosha, Wisconsin, United States")."""
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in lex.LOCATIVE_PREPS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            listed = [obj, *[t for t in obj.subtree if t.dep_ == "conj" and t.head.i != obj.head.i]]
            joined = any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in obj.subtree)  # not "Kenosha, Wisconsin, US"
            if joined and sum(1 for t in listed if t.ent_type_ in ("GPE", "LOC")) >= 3:
                return True
    return False


def another(head) -> bool:
    """Whether the words say the mention is another event than one told before ("another explosion",
    "a second attack", "a separate shooting")."""
    words = [head, *[c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]] if head.pos_ == "VERB" else [head]
    return any(c.lower_ in lex.ANOTHER_WORDS for w in words for c in w.children  # "another bomb exploded"
               if c.dep_ in ("det", "amod", "advmod", "nummod"))
