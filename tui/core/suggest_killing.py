"""A killing as the event itself, and deaths told apart from their event: split from ``suggest.py``.

"Gunmen killed five villagers" names no attack but the killing is one; security forces killing
protesters is ACLED's excessive force against a protest; "two of the victims died" a few sentences
after an attack counts its dead, but "he would have died" does not.
"""

from __future__ import annotations

from . import suggest_lexicon as lex
from .event_fields import default_subtype
from .nlp import doc_text
from .suggest_crowd import VIOLENT_CROWDS
from .suggest_modality import modality
from .suggest_parse import Mention, published_of
from .suggest_types import TypeChoice, decide

# Verbs of force that are an event here only when forces use them on a crowd ("beat", "fired on").
_ON_A_CROWD = ("beat", "fire")


def killing(suggester, tok, s_index: int, ents, body_start: int) -> Mention | None:
    """A mention for "kill"/"shoot"/"murder" done by someone ("Gunmen killed five villagers", "police
    fired tear gas at protesters, killing two"), in a sentence with no other event word; else None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in ("kill", "shoot", "murder", *_ON_A_CROWD):
        return None
    killers = [c for c in tok.children if c.dep_ == "nsubj"]
    killers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    clause = tok
    if not killers and tok.dep_ in ("conj", "advcl") and tok.head.pos_ == "VERB":
        clause = tok.head  # "police fired tear gas at protesters, killing two": the subject of the act
        killers = [c for c in clause.children if c.dep_ == "nsubj"]
    if not any(k.lemma_.lower() in lex.KILLERS or ents.get(k.i) is not None and ents[k.i].label_ in
               ("PERSON", "ORG", "NORP") for k in killers):
        return None  # "an explosion killed five": the explosion is the event, found as such
    types = ["VIOLENCE_AGAINST_CIVILIANS", "BATTLE"]
    if any(k.lemma_.lower() == "bomber" for k in killers):
        types = ["REMOTE_VIOLENCE"]  # "a suicide bomber killed 12 people": a bombing, its sub-type from the sentence
    if modality(tok, types, published_of(tok.doc)) not in ("", "background"):
        return None
    if lemma in _ON_A_CROWD:  # "police beat protesters", "fired on the crowd": read only as force on a crowd
        choice = decide(suggester.codebook, tok.doc[tok.i:tok.i + 1], tok, types)
        if choice is None or choice.crowd is None or any(t.lemma_.lower() in ("kill", "shoot") for t in tok.subtree):
            return None  # "fired tear gas at protesters, killing two": the killing reads it
        return suggester._read(tok.doc[tok.i:tok.i + 1], tok, choice, s_index, ents, body_start)
    victims = {t.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
    if victims & lex.COMBATANT_WORDS and len(types) == 2:
        types.reverse()
    crowd = victims | {t.lemma_.lower() for c in clause.children if c.dep_ in ("dobj", "prep") for t in c.subtree}
    forces = {t.lemma_.lower() for k in killers for t in k.subtree} & lex.SECURITY_FORCES
    riot = bool(crowd & VIOLENT_CROWDS) and "RIOT" in suggester.codebook.event_types  # rioters: the riot's dead
    if forces and crowd & lex.PROTESTER_WORDS and ("PROTEST" in suggester.codebook.event_types or riot):
        etype = suggester.codebook.event_types["RIOT" if riot else "PROTEST"]  # ACLED: forces killing protesters
        subtype = next((s for s in etype.subtypes if s.lower().startswith("excessive force")), default_subtype(etype))
        evidence = (f'"{tok.text}" rioters, by "{killers[0].text}": the forces in a riot' if riot
                    else f'"{tok.text}" protesters, by "{killers[0].text}": excessive force against a protest')
        choice = TypeChoice(etype.name, subtype, False, evidence)
        m = suggester._read(tok.doc[clause.i:clause.i + 1], clause, choice, s_index, ents, body_start)
        crowd_words = [t for t in clause.subtree if t.lemma_.lower() in lex.PROTESTER_WORDS]
        first = crowd_words[0]  # the forces are the protest's Agent, the protesters its Entity
        m.roles = {"Agent": m.roles.get("Attacker", []), "Entity": [(first.idx, first.idx + len(first))]}
        return m
    choice = decide(suggester.codebook, tok.doc[tok.i:tok.i + 1], tok, types)
    if choice is None:
        return None
    choice.evidence = f'"{tok.text}" by "{killers[0].text}" with no other event word: the killing is the attack'
    return suggester._read(tok.doc[tok.i:tok.i + 1], tok, choice, s_index, ents, body_start)


def tells_deaths(sent) -> bool:
    """Whether a sentence reports deaths as facts: "he would have died had he not been armed" does not."""
    deaths = [t for t in sent if t.lemma_.lower() in lex.CASUALTY_LEMMAS]
    published = published_of(sent.doc)
    return bool(deaths) and all(modality(t, ["VIOLENCE_AGAINST_CIVILIANS"], published) in ("", "background", None)
                                for t in deaths)


def names_its_target(m: Mention, sent) -> bool:
    """Whether a sentence names a person the mention's event targeted ("Matt Ratana was shot" ... in the
    next paragraph "Sergeant Ratana ... was later pronounced dead"): its deaths are that event's even
    across a paragraph break."""
    text = doc_text(sent.doc)
    names = {w.strip(".,'\"").lower() for start, end in m.roles.get("Target", []) for w in text[start:end].split()
             if w[:1].isupper() and len(w) > 2}
    return any(ent.label_ == "PERSON" and names & {w.lower() for w in ent.text.split()} for ent in sent.ents)
