"""Event words whose sense the sentence decides, beyond the codebook's trigger lists.

A trigger list says which words *can* name an event; English uses many of them in other senses too,
and tells some events with words no list holds. This reads the parse around one word:
- a weapon aimed at someone is an attack: "gunmen fired into the crowd", "hurled a grenade at a patrol";
  so is blowing something up ("a suicide bomber blew himself up"), armed men or a weapon targeting
  someone ("a bomber targeted a rally") and burning homes ("militiamen burned their homes");
- "held in custody", "taken into custody", "rounded up": an arrest; a person seized by border guards
  or police is arrested, not ground taken;
- a crowd that gathers or occupies a place to demand something is a demonstration ("supporters gathered
  outside the court to demand his release", "protesters occupied the square");
- "jailed" and "stormed" are events as verbs only (not "a jail", "the storm"); armed men storming a
  hotel make an attack, not a riot;
- "the minister attacked the plan as reckless" is criticism, "China protested the sale" a state's
  complaint, and in "drones carried out strikes" the event is the strikes, not the drones.
"""

from __future__ import annotations

from . import suggest_lexicon as lex

_VAC, _BATTLE, _REMOTE = "VIOLENCE_AGAINST_CIVILIANS", "BATTLE", "REMOTE_VIOLENCE"
# Verbs that send a weapon or a missile at someone: an attack when the verb says at whom.
AIM_VERBS = frozenset({"fire", "hurl", "throw", "lob"})
AIM_PREPS = frozenset({"at", "on", "upon", "into"})
# What is thrown at police by a crowd rather than by an armed group: a riot's missiles.
THROWN_BY_CROWDS = frozenset({"stone", "rock", "bottle", "brick", "egg", "firecracker", "firework", "projectile",
                              "object", "chair", "molotov", "cocktail", "petrol", "flare"})
# What security forces fire at a crowd to disperse it: the intervention in a protest or riot, no attack of its own.
CROWD_CONTROL = frozenset({"teargas", "cannon", "rubber", "pepper", "stun", "flashbang"})
# What is thrown to hurt (besides explosives and a crowd's stones): "threw acid at a woman".
MISSILES = frozenset({"acid", "spear", "knife", "axe", "arrow", "dart"})
EXPLOSIVE_OBJECTS = frozenset({"grenade", "bomb", "explosive", "device", "rocket", "missile", "mortar", "shell", "rpg"})
# What a state seizes when it arrests: people.
CAPTIVE_NOUNS = frozenset({"man", "woman", "men", "women", "person", "people", "suspect", "member", "activist",
                           "migrant", "smuggler", "trafficker", "journalist", "leader", "student", "youth",
                           "teenager", "boy", "girl", "worker", "protester", "demonstrator", "opponent", "critic",
                           "dissident", "militant", "fighter", "rebel", "commander", "official", "citizen", "national"})
STATE_AGENTS = lex.SECURITY_FORCES | frozenset({"authority", "agent", "official", "government", "coastguard",
                                                "gendarmerie", "border"})
# Words of a crowd that may be a demonstration (besides protesters): who gathered.
CROWD_NOUNS = lex.PROTESTER_WORDS | frozenset({
    "supporter", "activist", "student", "worker", "resident", "villager", "farmer", "people", "thousand",
    "hundred", "dozen", "dozens", "thousands", "hundreds", "woman", "man", "youth", "opponent", "teacher", "nurse",
    "doctor", "driver", "mourner", "relative", "family", "citizen", "member", "employee", "pensioner", "union"})
# Doers whose stones or fires are a riot: a crowd, or the youths of street clashes.
RIOTING_DOERS = lex.PROTESTER_WORDS | frozenset({"youth"})
# Words that make a gathering a demand, not a meeting or a celebration.
# (A protest word itself is the trigger when the sentence has one: "farmers blocked roads in a protest".)
DEMAND_WORDS = frozenset({"demand", "against", "chant", "slogan", "denounce", "condemn", "call", "solidarity",
                          "banner", "placard", "oppose", "urge", "reject", "anti", "release", "resignation", "justice"})
# What a critic attacks: things said, planned or done, not people or places.
CRITICISED = frozenset({"plan", "policy", "proposal", "decision", "bill", "law", "budget", "remark", "comment",
                        "statement", "idea", "record", "handling", "stance", "position", "move", "approach",
                        "reform", "deal", "agreement", "report", "speech", "view", "claim", "strategy", "program",
                        "programme", "measure", "ruling", "verdict", "choice", "leadership", "performance"})
# Verbs of setting on fire, and what burnt that way is an attack on people's property.
BURN_VERBS = frozenset({"burn", "torch", "firebomb"})
BURNED = lex.CIVILIAN_PLACES | frozenset({"hut", "village", "car", "vehicle", "building", "office",
                                          "property", "station", "headquarters", "truck"})
# What a crowd comes out for when it demands nothing: no demonstration.
NO_DEMANDS = frozenset({"celebrate", "vote", "cheer", "welcome", "watch", "shop", "dance", "party", "greet"})
# Who protests in words: states and their offices ("China protested the sale of arms").
OFFICIAL_BODIES = frozenset({"government", "ministry", "embassy", "foreign", "state", "official", "diplomat",
                             "ambassador", "minister", "president", "spokesman", "spokeswoman", "beijing", "moscow",
                             "washington", "kremlin", "administration"})
# Words that name an event as verbs only: "were jailed", "jets pounded"; not "a jail", "the pound", "the storm".
VERB_ONLY = frozenset({"jail", "imprison", "storm", "pound", "hammer", "bombard"})


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _words(toks) -> set[str]:
    return {_lemma(t) for tok in toks for t in tok.subtree}


def _subjects(verb) -> list:
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    found += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "conj" or not found and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB":
        # "demonstrators set fire ... and hurled"; "thousands of protesters wearing masks ... gathered"
        found += [c for c in verb.head.children if c.dep_ == "nsubj"]
    return found


def other_sense(tok, types: list[str]) -> bool:
    """Whether a listed trigger word names no event here (a sense its list did not mean)."""
    lemma = _lemma(tok)
    if lemma in VERB_ONLY and tok.pos_ != "VERB" and tok.lower_ != "storming":
        return True  # "the storm hit the coast", "five years in jail"
    if lemma == "attack" and tok.pos_ == "VERB":
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        as_what = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.pos_ == "ADJ" for g in c.subtree)
                      for c in tok.children) or any(c.dep_ in ("oprd", "acomp") for c in tok.children)
        if as_what or any(_lemma(o) in CRITICISED for o in objects):
            return True  # "the minister attacked the budget plan as reckless": criticism
    if "PROTEST" in types and _purpose(tok) & NO_DEMANDS:
        return True  # "people took to the streets to vote", "fans rallied to celebrate the title"
    if lemma == "protest" and tok.pos_ == "VERB":
        subjects = _subjects(tok)
        if subjects and all(s.ent_type_ in ("GPE",) or _words([s]) & OFFICIAL_BODIES for s in subjects):
            return True  # "China protested strongly against the sale": a state's complaint
    if lemma in lex.WEAPON_NOUNS and tok.pos_ != "VERB" and tok.dep_ == "nsubj":
        verb = tok.head
        if _lemma(verb) in lex.LIGHT_VERBS and _words([c for c in verb.children if c.dep_ == "dobj"]) & lex.EVENT_NOUNS:
            return True  # "drones carried out hundreds of strikes": the strikes are the event
    return False


def _purpose(tok) -> set[str]:
    """The verbs of a "to" clause that tells what a crowd came out for ("took to the streets to celebrate")."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("nsubj", "dobj") else tok
    return {_lemma(c) for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)}


def retype(tok, types: list[str]) -> list[str]:
    """The types a listed trigger names here when its doers decide ("militants stormed a hotel": an
    attack, not a riot; "border guards seized three men": an arrest, not ground taken)."""
    lemma = _lemma(tok)
    if tok.pos_ != "VERB":
        return types
    doers = _words(_subjects(tok))
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma == "storm" and doers & (lex.KILLERS | lex.COMBATANT_WORDS) and not doers & lex.PROTESTER_WORDS:
        civilian = _words(objects) & (lex.CIVILIAN_WORDS | lex.CIVILIAN_PLACES)
        return [_VAC if civilian else _BATTLE]
    if lemma in lex.TERRITORY_VERBS and doers & STATE_AGENTS and any(
            o.ent_type_ == "PERSON" or _lemma(o) in CAPTIVE_NOUNS for o in objects):
        return ["ARREST"]  # "border guards seized three men", "police captured the suspect"
    return types


def unlisted_types(tok) -> list[str]:
    """The types a word no trigger list holds names here: a weapon aimed at someone, a crowd
    gathering to demand; [] otherwise."""
    if tok.pos_ != "VERB":
        return []
    lemma = _lemma(tok)
    if lemma in AIM_VERBS:
        return _aimed(tok)
    if lemma == "target":
        return _targeted(tok)
    if lemma in BURN_VERBS:
        return _burned(tok)
    if lemma == "blow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children) and (
            any(c.dep_ == "dobj" for c in tok.children) or _words(_subjects(tok)) & lex.INSTRUMENT_NOUNS):
        return [_REMOTE]  # "a suicide bomber blew himself up", "militants blew up a bridge"; not "he blew up at reporters"
    if lemma in lex.PROTEST_VERBS and _crowd_demands(tok):
        return ["PROTEST"]
    return []


def _aimed(verb) -> list[str]:
    """The type of "fired into the crowd", "hurled a grenade at a police patrol", "threw stones at
    police": what is sent says which; [] when the verb aims at no one ("fired the manager", "shot a film")."""
    aims = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in AIM_PREPS
            for g in c.children if g.dep_ == "pobj"]
    if not aims or _words(aims) & {"air", "sky"}:
        return []  # shots "into the air" (celebration, warning) are aimed at no one
    sent = _words([c for c in verb.children if c.dep_ == "dobj"])
    doers = _words(_subjects(verb))
    targets = _words(aims)
    if not any(_aimable(a) for a in aims) or sent & CROWD_CONTROL or {"tear", "gas"} <= sent:
        return []  # "fired at the end of the season"; tear gas fired at a crowd is the crowd's event
    if sent & EXPLOSIVE_OBJECTS:
        return [_REMOTE]
    if sent & THROWN_BY_CROWDS or doers & RIOTING_DOERS:
        return ["RIOT"]
    if _lemma(verb) != "fire" and not sent & MISSILES:
        return []  # "threw a party at her home"
    if targets & (lex.SECURITY_TARGETS | lex.COMBATANT_WORDS):
        return [_BATTLE]
    return [_VAC, _BATTLE]


def _targeted(verb) -> list[str]:
    """"A suicide bomber targeted a rally", "rockets targeted the base": an attack when what targeted is
    armed or a weapon (not "the campaign targeted young voters")."""
    doers = _words(_subjects(verb))
    hit = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not hit or not any(_aimable(h) for h in hit):
        return []
    if doers & (lex.INSTRUMENT_NOUNS | lex.STRIKERS | {"bomber"}) - {"force", "military", "army", "coalition"}:
        return [_REMOTE]
    if doers & (lex.KILLERS | lex.COMBATANT_WORDS) - {"man", "woman", "group"}:
        return [_BATTLE] if _words(hit) & (lex.SECURITY_TARGETS | lex.COMBATANT_WORDS) else [_VAC]
    return []


def _burned(verb) -> list[str]:
    """"Militiamen burned their homes", "rioters torched cars": an attack by armed men, a riot by a
    crowd; nothing when no one of either is said to do it ("the fire burned three houses") or what
    burned is no one's property ("protesters burned tyres")."""
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not _words(things) & BURNED:
        return []
    doers = _words(_subjects(verb))
    if doers & RIOTING_DOERS:
        return ["RIOT"]
    if doers & (lex.KILLERS | lex.COMBATANT_WORDS) - {"man", "woman", "group", "police", "policeman", "officer"}:
        return [_VAC]
    return []


def _aimable(tok) -> bool:
    """Whether what a weapon is aimed at can be hit: people, a group, a vehicle or a place, not a time."""
    return (tok.pos_ == "PRON" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "FAC", "LOC")
            or _lemma(tok) in lex.TARGET_NOUNS | lex.PROTESTER_WORDS or tok.lower_.rstrip("s") in lex.TARGET_NOUNS)


def _crowd_demands(verb) -> bool:
    """A crowd as the verb's subject, and either protesters named or a demand said in its sentence
    ("supporters gathered outside the court to demand his release"), not "leaders gathered for a summit"."""
    subjects = _subjects(verb)
    words = _words(subjects) | {t.lower_.rstrip("s") for s in subjects for t in s.subtree}
    if words & lex.PROTESTER_WORDS:
        return True
    return bool(words & CROWD_NOUNS) and bool({_lemma(t) for t in verb.sent} & DEMAND_WORDS)


def custody(tok) -> int | None:
    """For a verb holding someone "in custody" or taking them "into custody", the index of "custody"
    (the arrest's words run from the verb to it); None otherwise ("released from custody"; "remain in
    custody", "remanded in custody": a court keeping someone arrested before, no arrest of its own)."""
    if tok.pos_ != "VERB" or _lemma(tok) not in ("take", "hold", "place", "put"):
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "into"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and _lemma(obj) == "custody" and obj.i - tok.i <= 4:
                    return obj.i
    return None


# What each type reads as, for the evidence a rule here shows with its suggestion.
_READINGS = {"ARREST": "an arrest", "PROTEST": "a demonstration", "RIOT": "a crowd's violence, a riot",
             _VAC: "armed violence against civilians", _BATTLE: "an armed clash", _REMOTE: "an explosion or strike"}


def why(tok, etype: str) -> str:
    """The evidence for a type these rules gave ``tok``: its words, who did it to whom, and the reading
    ('"fired" at "crowd" by "Soldiers": armed violence against civilians')."""
    doers = _subjects(tok)
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    aims = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in AIM_PREPS for g in c.children if g.dep_ == "pobj"]
    words = f'"{tok.text}"' + (f' "{objects[0].text}"' if objects else "") + (f' at "{aims[0].text}"' if aims else "")
    words += f' by "{doers[0].text}"' if doers else ""
    return f"{words}: {_READINGS.get(etype, etype)}"
