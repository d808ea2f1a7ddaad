"""Violence between security forces and a crowd, typed as ACLED codes it.

ACLED codes by who did what to whom, not by the verb: a crowd that attacks, or fights the police, is
a riot (Riots / Violent demonstration; a mob's is Mob violence); security forces attacking, beating
or firing on protesters are a protest met with excessive force (Protests / Excessive force against
protesters), tear gas or rubber bullets on them a protest with intervention; forces acting on rioters
or fighting a crowd are part of the riot. "Riot police" are police: the word names their kit, not a riot.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import suggest_lexicon as lex

# Prepositions whose object is the other side of a violent act ("fired on", "clashed with").
OTHER_SIDE = ("on", "upon", "against", "at", "with", "between", "among", "into")
# Event words of two sides fighting each other: whoever started it, the crowd in it rioted.
MUTUAL = frozenset({"clash", "fight", "battle", "scuffle", "skirmish", "brawl", "confront", "confrontation",
                    "fighting", "tussle", "struggle"})
# Crowds whose violence is a riot: rioters and mobs were violent by the word itself.
VIOLENT_CROWDS = frozenset({"rioter", "mob"})
# What police fire at a crowd to disperse it without lethal force: a protest with intervention.
DISPERSAL = frozenset({"gas", "bullet", "cannon", "spray", "grenade", "pellet", "baton", "round"})
_DISPERSAL_MODIFIERS = frozenset({"tear", "rubber", "water", "pepper", "stun", "plastic", "sound"})
# Words that make the one person forces acted on armed, or the one who attacked ("a knife-wielding man",
# "the gunman", "the attacker"); an armed group ("militants") fights battles of its own, and a "suspect"
# may be anyone.
ARMED_WORDS = lex.PERPETRATOR_TITLES - {"suspect"} | frozenset({
    "armed", "knifeman", "terrorist", "gun", "knife", "machete", "rifle", "pistol", "wield", "stabber"})


@dataclass
class CrowdReading:
    """A type for violence between forces and a crowd; ``crowd`` is the crowd's words when the forces
    did it to them (the forces are then the event's Agent and the crowd its Entity)."""

    type: str
    subtype: str
    evidence: str
    crowd: tuple[int, int] | None = None
    forces: list[tuple[int, int]] | None = None


def phrase(tok) -> list:
    """The words naming a side: the noun, its modifiers, its conjuncts and an "of" phrase ("hundreds of
    protesters", "police and soldiers", "riot police"), not a clause said of it ("rebels who had
    joined the crowd")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "quantmod"):
            out += list(c.subtree)
        elif c.dep_ == "conj" or (c.dep_ == "appos"):
            out += phrase(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out += [w for g in c.children if g.dep_ == "pobj" for w in phrase(g)]
    return out


def _crowd_of_others(tok) -> bool:
    """Whether ``tok`` is "crowd"/"mob" said to be of people who are no protesters ("a crowd of
    mourners", "a crowd of shoppers"): those are civilians gathered, not a demonstration."""
    if tok.lemma_.lower() not in ("crowd", "mob"):
        return False
    members = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return bool(members) and not any(m.lemma_.lower() in lex.PROTESTER_WORDS for m in members)


def words_of(tokens) -> set[str]:
    """The lemmas of the sides' phrases, and their lower-cased words less a plural "s" ("Protesters")."""
    out = set()
    for tok in tokens:
        for t in phrase(tok):
            if _crowd_of_others(t):
                continue  # "a crowd of mourners" are mourners, not a protesting crowd
            out.add(t.lemma_.lower())
            if t.lower_.endswith("s"):
                out.add(t.lower_[:-1])
    return out


def sides(head) -> tuple[list, list]:
    """Who did it (subject, "by" agent, a noun's possessor) and to or with whom (object, "on", "at",
    "with" phrase) for the event word ``head``, also through the verb it is the object of ("opened
    fire on protesters", "carried out an attack on police")."""
    verbs = [head]
    if head.dep_ in ("dobj", "nsubjpass", "attr") and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        verbs.append(head.head)
    verbs += [c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in MUTUAL]  # "fought battles with"
    doers, done_to = [], []
    if head.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        doers += [c for c in head.head.children if c.dep_ == "nsubj"]  # "rioters torched cars and attacked police"
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in ("nsubj", "poss") or (c.dep_ == "compound" and verb.pos_ != "VERB" and c.i < verb.i):
                doers.append(c)
            elif c.dep_ == "agent":
                doers += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ in ("dobj", "nsubjpass") and c.i != head.i:
                done_to.append(c)
            elif c.dep_ == "prep" and c.lower_ in OTHER_SIDE:
                done_to += [g for g in c.children if g.dep_ == "pobj"]
    return doers, done_to


def crowd_reading(codebook, head) -> CrowdReading | None:
    """The ACLED type of a violent event word whose sides are a crowd and the forces (or a crowd that
    did it), with the evidence; None when no crowd is a side, or the codebook lacks the type."""
    doers, done_to = sides(head)
    doing, suffering = words_of(doers), words_of(done_to)
    crowd_did = sorted(doing & lex.PROTESTER_WORDS)
    crowd_hit = sorted(suffering & lex.PROTESTER_WORDS)
    forces_did = sorted(doing & lex.FORCE_WORDS)
    forces_hit = sorted(suffering & lex.FORCE_WORDS)
    mutual = head.lemma_.lower() in MUTUAL
    found = None
    if crowd_did and (not forces_did or mutual):  # "protesters attacked", "police and protesters clashed"
        found = CrowdReading("RIOT", _riot_kind(doing), f'"{head.text}" by "{crowd_did[0]}": a riot')
        if forces_did:  # both sides in the subject: the crowd is actor 1, the forces actor 2
            crowd, force = _first(doers, lex.PROTESTER_WORDS), _first(doers, lex.FORCE_WORDS)
            found.crowd, found.forces = (crowd.idx, crowd.idx + len(crowd)), [_phrase(force)]
    elif forces_did and crowd_hit:
        crowd = _first(done_to, lex.PROTESTER_WORDS)
        force = _first(doers, lex.FORCE_WORDS)
        span = (crowd.idx, crowd.idx + len(crowd))
        forces = [_phrase(d) for d in doers if words_of([d]) & lex.SECURITY_FORCES]
        if mutual or suffering & VIOLENT_CROWDS:
            found = CrowdReading("RIOT", _riot_kind(suffering), f'"{head.text}" by "{force.text}" '
                                 f'{"with" if mutual else "on"} "{crowd.text}": the forces in a riot', span, forces)
        else:
            kind = "Protest with intervention" if _dispersal(head) else "Excessive force against protesters"
            found = CrowdReading("PROTEST", kind, f'"{head.text}" by "{force.text}" on "{crowd.text}": '
                                 f'{kind.lower()}', span, forces)
    elif mutual and crowd_hit and (forces_hit or not doers):
        found = CrowdReading("RIOT", _riot_kind(suffering), f'"{head.text}" with "{crowd_hit[0]}": a riot')
    if found is None or found.type not in codebook.event_types:
        return None
    return found


def _first(tokens, lemmas: frozenset[str]):
    """The first word of the tokens' phrases that is one of ``lemmas`` (or its plural)."""
    return next(t for tok in tokens for t in phrase(tok) if t.lemma_.lower() in lemmas or t.lower_[:-1] in lemmas)


def _phrase(tok) -> tuple[int, int]:
    """The characters of a side's noun with its modifiers ("Riot police", "security forces")."""
    lefts = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    start = min([tok.idx, *[c.left_edge.idx for c in lefts]])
    return start, tok.idx + len(tok)


def forces_on_armed(head) -> str:
    """The words of an armed person or attacker that security forces acted on ("police shot a gunman",
    "officers shot dead a knife-wielding man"), else "": two armed sides, no civilian."""
    doers, done_to = sides(head)
    if not words_of(doers) & lex.FORCE_WORDS:
        return ""
    people = [t for t in done_to if t.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC") and t.pos_ != "VERB"]
    # the person's own words: "a knife-wielding man", "a man with a knife", not "at the time of a terrorist attack"
    own = [w for p in people for w in (p, *[t for c in p.children if c.dep_ in ("compound", "amod", "nmod")
                                           or (c.dep_ == "prep" and c.lower_ == "with") for t in c.subtree])]
    armed = [t for t in own if t.lemma_.lower() in ARMED_WORDS]
    return armed[0].text if armed else ""


def _riot_kind(words: set[str]) -> str:
    return "Mob violence" if "mob" in words else "Violent demonstration"


def _dispersal(head) -> bool:
    """Whether what the forces used is made to disperse ("fired tear gas", "rubber bullets")."""
    used = [c for c in head.children if c.dep_ == "dobj"]
    used += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return any(t.lemma_.lower() in DISPERSAL and any(m.lower_ in _DISPERSAL_MODIFIERS for m in t.lefts)
               for u in used for t in u.subtree)


# A protest's sub-types that say the forces met it, strongest first.
_MET_WITH = ("Excessive force against protesters", "Protest with intervention")


def settle_protest_force(clusters: list) -> None:
    """A protest that the forces met with force is one event of the strongest sub-type its mentions give
    ("protesters rallied ... police attacked the protesters": ACLED's excessive force against
    protesters, not a peaceful protest), with that mention's evidence."""
    for cluster in clusters:
        first = cluster[0]
        if first.type != "PROTEST":
            continue
        for kind in _MET_WITH:
            met = next((m for m in cluster if m.type == "PROTEST" and m.subtype == kind), None)
            if met is not None:
                if met is not first and first.subtype != kind:
                    first.subtype, first.evidence = kind, f"{met.evidence} (the same protest)"
                break
