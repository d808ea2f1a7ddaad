"""Which codebook type a trigger word names, and why: the choice the suggester and the coder's `e` share.

A trigger word may fit several types ("strike": an air strike or a labour strike; "clash": a battle or
a riot; "attack": whatever its weapon says). ``decide`` picks one from the sentence around it and says
what decided (the evidence shown with a suggestion); ``rank`` orders every type a word can name.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import suggest_lexicon as lex
from .codebook import Codebook
from .event_fields import default_subtype, guess_subtype
from .suggest_crowd import crowd_reading, forces_on_armed


@dataclass
class TypeChoice:
    """A type for a trigger, its sub-type, whether the word alone was generic, and the evidence."""

    type: str
    subtype: str
    generic: bool
    evidence: str
    crowd: tuple[int, int] | None = None  # forces did it to this crowd: they are its Agent, the crowd its Entity
    forces: list[tuple[int, int]] | None = None  # those forces


def modifiers(head) -> set[str]:
    """The lemmas that modify a trigger noun ("drone attack", "suicide bombing")."""
    return {c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}


def decide(codebook: Codebook, span, head, types: list[str]) -> TypeChoice | None:
    """The type of the trigger ``span`` (head ``head``) among the ``types`` its words can name;
    None when the rules choose an ACLED type this codebook (kairos, ace2005) lacks."""
    sent = head.sent
    lemma = head.lemma_.lower()
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_[:-1] for t in sent if t.lower_.endswith("s")}  # "Protesters"
    mods = modifiers(head)
    name = types[0]
    named = codebook.event_types.get(name)
    evidence = f'"{span.text}" names {named.label}' if named else ""
    if "PROTEST" in types and "REMOTE_VIOLENCE" in types:  # "strike"
        left = {t.lemma_.lower() for c in head.lefts for t in c.subtree}  # "opposition-called 48-hour strike"
        cues = lemmas & lex.PROTEST_STRIKE_CUES or left & lex.LABOUR_STRIKE_MODIFIERS
        if cues and not mods & {"air", "drone", "missile"}:
            name, evidence = "PROTEST", f'"{span.text}" with "{sorted(cues)[0]}": a labour strike'
        else:
            name, evidence = "REMOTE_VIOLENCE", f'"{span.text}" with no labour word: a strike from afar'
    elif "RIOT" in types and "BATTLE" in types:  # "clash"
        crowd = _crowd_sides(head, lemmas)
        name = "RIOT" if crowd else "BATTLE"
        evidence = (f'"{span.text}" with "{sorted(crowd)[0]}": a riot' if crowd
                    else f'"{span.text}" with no crowd word: armed clash')
    if set(types) & _CROWD_TYPES:  # "police attacked protesters", "riot police fought with rioters"
        crowd = crowd_reading(codebook, head)
        if crowd is not None:
            return TypeChoice(crowd.type, crowd.subtype, False, crowd.evidence, crowd.crowd, crowd.forces)
        armed = forces_on_armed(head) if "BATTLE" in codebook.event_types else ""
        if armed and not set(types) - _CROWD_TYPES:  # "police shot a gunman": not a civilian
            return TypeChoice("BATTLE", "Armed clash", False, f'"{span.text}" by forces on "{armed}": two armed '
                                                              f'sides, no civilian')
    generic = lemma in lex.GENERIC_VIOLENT
    subtype = ""
    remote = sorted(mods & set(lex.REMOTE_MODIFIERS))
    if generic and remote:
        name, subtype, generic = "REMOTE_VIOLENCE", lex.REMOTE_MODIFIERS[remote[0]], False
        evidence = f'"{remote[0]} {head.text}": {subtype}'
    attackers = [c for c in head.children if c.dep_ in ("nsubj", "agent")]
    attackers += [g for c in attackers if c.dep_ == "agent" for g in c.children]
    crowd = [t.text for c in attackers for t in c.subtree if t.lemma_.lower() in lex.PROTESTER_WORDS]
    if generic and crowd:
        name, generic = "RIOT", False  # "attacked by protesters"
        evidence = f'"{span.text}" by "{crowd[0]}": a riot'
    terror = sorted(mods & lex.TERROR_MODIFIERS) if lemma in ("attack", "assault") and "counter" not in mods else []
    if generic and name == "BATTLE" and terror and "VIOLENCE_AGAINST_CIVILIANS" in codebook.event_types:
        name, generic = "VIOLENCE_AGAINST_CIVILIANS", False
        evidence = f'"{terror[0]} {head.text}": terrorism, one-sided violence'
    if generic and name == "BATTLE":
        civilian = _civilian_cue(head)
        if civilian:
            name, generic = "VIOLENCE_AGAINST_CIVILIANS", False
            evidence = f'"{span.text}" with "{civilian}": one-sided violence against civilians'
    captive = [o for o in head.children if o.dep_ in ("dobj", "nsubjpass") and o.ent_type_ == "PERSON"]
    if lemma in lex.TERRITORY_VERBS and captive and "ARREST" in codebook.event_types:
        name = "ARREST"  # "Saddam Hussein was captured by US forces": a person taken, not ground
        evidence = f'"{span.text}" a person, "{captive[0].text}": an arrest'
    etype = codebook.event_types.get(name)
    if etype is None:
        return None
    words = " ".join([span.text, *sorted(mods)])
    subtype = subtype or guess_subtype(etype, words) or default_subtype(etype, words)
    if name == "REMOTE_VIOLENCE" and not subtype:
        subtype = guess_subtype(etype, sent.text) or "Remote explosive/landmine/IED"
    return TypeChoice(name, subtype, generic, evidence)


# Types whose event words a crowd on one side makes a riot or a protest met with force.
_CROWD_TYPES = frozenset({"BATTLE", "VIOLENCE_AGAINST_CIVILIANS", "RIOT"})


def _crowd_sides(head, lemmas: set[str]) -> set[str]:
    """The crowd words that make a clash a riot: said of its sides (its subject, "with" or "between"
    phrase) when the parse gives them, else of its sentence. Armed parties on every side named
    ("soldiers clashed with gunmen", "rebels clashed with the army") fight a battle."""
    sides = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
    if head.dep_ in ("dobj", "nsubjpass", "attr") and head.head.lemma_.lower() in lex.LIGHT_VERBS:
        sides += [c for c in head.head.children if c.dep_ == "nsubj"]
    sides += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
              for g in c.children if g.dep_ == "pobj"]
    if not sides:
        return lemmas & lex.PROTESTER_WORDS
    words = {t.lemma_.lower() for side in sides for t in side.subtree}
    words |= {t.lower_[:-1] for side in sides for t in side.subtree if t.lower_.endswith("s")}  # "Protesters"
    return words & lex.PROTESTER_WORDS


# Verbs whose object or passive subject is whom an attack told in their "in"/"during" phrase hit.
_HARM_TO_PEOPLE = frozenset({"kill", "wound", "injure", "hurt", "murder", "abduct", "kidnap", "massacre"})


def _civilian_cue(head) -> str:
    """A word saying an attack was one-sided: a lone attacker ("a gunman attacked") or civilians or a
    civilian place as its target ("attacked a mosque", "an attack on worshippers"); else ""."""
    attackers = [c for c in head.children if c.dep_ in ("nsubj", "agent", "poss")]
    if head.pos_ != "VERB" and head.dep_ in ("dobj", "nsubjpass", "attr") and head.head.lemma_.lower() in lex.LIGHT_VERBS:
        attackers += [c for c in head.head.children if c.dep_ == "nsubj"]
    targets = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
    harm = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("in", "during") else None
    if harm is not None and harm.lemma_.lower() in _HARM_TO_PEOPLE:  # "killed four villagers in a raid": whom it hit
        targets += [c for c in harm.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(t.lemma_.lower() in lex.SECURITY_TARGETS | lex.COMBATANT_WORDS for side in targets for t in side.subtree):
        return ""  # "gunmen attacked a police post": two armed sides
    scene = [head, head.head] if head.dep_ == "nsubj" and head.head.lemma_ == "be" else [head]  # "the attack was in"
    where = [c for h in scene for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside", "outside", "near")]
    sides_words = ((lex.LONE_ATTACKERS, attackers), (lex.CIVILIAN_WORDS | lex.CIVILIAN_PLACES, targets),
                   (lex.CIVILIAN_PLACES, where))  # "the attack at the Linwood Mosque"
    for words, sides in sides_words:
        for side in sides:
            for tok in side.subtree:
                if tok.lemma_.lower() in words:
                    return tok.text
    return ""


def word_types(table: dict[str, list[str]], tok, wider: bool = True) -> list[str]:
    """The types a single word can name: the trigger table's for its form and its lemma together (a
    codebook may list "clashed" under riots and "clash" under battles: the sentence decides), else,
    when ``wider``, the wider lexicon's."""
    found: list[str] = []
    for key in (tok.lower_, tok.lemma_.lower()):
        found += [t for t in table.get(key, ()) if t not in found]
    if found or not wider:
        return found
    for key in (tok.lower_, tok.lemma_.lower()):
        if key in lex.WORD_TYPES:
            return list(lex.WORD_TYPES[key])
    return []


def rank(codebook: Codebook, span, head, found: list[str]) -> list[tuple[str, str]]:
    """Every type ``found`` for the trigger, the one ``decide`` picks first, each with its sub-type."""
    if not found:
        return []
    first = decide(codebook, span, head, found)
    out = [(first.type, first.subtype)] if first else []
    words = " ".join([span.text, *sorted(modifiers(head))])
    for name in found:
        if name in codebook.event_types and name not in [t for t, _ in out]:
            etype = codebook.event_types[name]
            out.append((name, guess_subtype(etype, words) or default_subtype(etype, words)))
    return out
