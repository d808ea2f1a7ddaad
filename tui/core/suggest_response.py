"""Security forces stopping an attacker: part of the attack, as ACLED codes it.

"A man stabbed three people. Police shot him dead." ACLED codes one event, the attack, and counts the
attacker's death in its fatalities (a note says the police shot him); the police shooting is no
separate violence against civilians. Forces fighting an armed person no attack of the article is
told of ("police shot dead a gunman") are two armed sides (``suggest_types``: Battles); an unarmed
person shot by police is violence against civilians, as before.
"""

from __future__ import annotations

from . import suggest_lexicon as lex
from .nlp import doc_text
from .suggest_crowd import ARMED_WORDS, MUTUAL
from .suggest_parse import Mention

# How many sentences back a police response may refer to the attack it ended.
RESPONSE_REACH = 3

# One person as the forces' target: in the attack's own sentence, its attacker.
ONE_PERSON = frozenset({"man", "woman", "person", "teenager", "youth", "boy", "girl", "he", "him", "she", "her"})

_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "his", "her", "their"})


def side_words(text: str, spans) -> set[str]:
    """The lower-cased words of role spans, each also without a plural "s"."""
    words = {w.strip(".,'\"()").lower() for start, end in spans for w in text[start:end].replace("-", " ").split()}
    return words | {w[:-1] for w in words if w.endswith("s")}


def by_forces(m: Mention, text: str) -> bool:
    """Whether the mention's attacker is security forces ("police", "armed officers")."""
    return bool(side_words(text, m.roles.get("Attacker", [])) & lex.FORCE_WORDS)


def fold_police_responses(clusters: list[list[Mention]], doc) -> list[list[Mention]]:
    """The events (clusters of mentions) with each police action against the attacker of an attack told
    in its sentence or just before in its paragraph joined to that attack, with every mention of it
    ("the man was then shot"): its dead are the attack's, whose evidence says why. Forces fighting a
    group ("soldiers clashed with the gunmen") fight a battle of their own."""
    text = doc_text(doc)
    out = list(clusters)
    for cluster in clusters:
        for m in cluster:
            if m.type not in lex.VIOLENT_TYPES or m.lemma in MUTUAL or not by_forces(m, text) or not _one_person(m, doc):
                continue
            attack = _attack_it_ended(m, [x for c in out if c is not cluster for x in c], text)
            if attack is None:
                continue
            into = next(c for c in out if attack in c)
            into[0].evidence += (f'; "{text[m.start:m.end]}" by "{text[slice(*m.roles["Attacker"][0])]}" on its '
                                 f'attacker: part of the attack')
            for other in cluster:  # the police and the man they shot are not the attack's attacker and target
                other.roles = {}
                other.response = True
            into.extend(cluster)
            out.remove(cluster)
            break
    return out


def stops_its_attacker(one: Mention, other: Mention, text: str) -> bool:
    """Whether either mention is forces acting on the other's attacker ("an armed man was shot by police
    after he attacked officers"): two events of one sentence, the response and the attack it ended, which
    ``fold_police_responses`` then joins as ACLED codes them, not one event with both sides as attackers."""
    for forces, attack in ((one, other), (other, one)):
        if forces.type not in lex.VIOLENT_TYPES or not by_forces(forces, text) or by_forces(attack, text):
            continue
        targets = forces.roles.get("Target", []) + [(v[0], v[1]) for v in forces.victims]
        if any(s < e2 and s2 < e for s, e in targets for s2, e2 in attack.roles.get("Attacker", [])):
            return True
    return False


def _one_person(m: Mention, doc) -> bool:
    """Whether what the forces acted on is one person ("him", "the attacker", "a knife-wielding man")."""
    spans = m.roles.get("Target", []) or [(v[0], v[1]) for v in m.victims]
    heads = [doc.char_span(s, e, alignment_mode="expand") for s, e in spans]
    return bool(heads) and all(h is not None and h.root.tag_ in ("NN", "NNP", "PRP") for h in heads)


def _attack_it_ended(m: Mention, others: list[Mention], text: str) -> Mention | None:
    """The attack whose attacker ``m``'s forces acted on: in ``m``'s sentence ("shot dead by police after a
    stabbing"), or up to RESPONSE_REACH sentences before in its paragraph when ``m``'s target is that
    attack's attacker (a pronoun resolved to it) or an attacker's title ("police shot the assailant")."""
    targets = m.roles.get("Target", []) + [(v[0], v[1]) for v in m.victims]
    words = side_words(text, targets)
    titled = bool(words & (ARMED_WORDS | {"suspect"}))  # "police shot the suspect": the attacker told before
    for other in sorted(others, key=lambda x: (x.sent != m.sent, -x.start)):
        if (other.type not in lex.VIOLENT_TYPES or other.modality or by_forces(other, text)
                or not 0 <= m.sent - other.sent <= RESPONSE_REACH or other.title != m.title):
            continue
        if other.sent == m.sent and (titled or words & ONE_PERSON):
            return other  # "police shot a man dead after a knife attack"; not "troops attacked a village after it"
        between = text[min(other.end, m.start):max(other.end, m.start)]
        if "\n\n" in between:
            continue
        attackers = other.roles.get("Attacker", [])
        named_again = words & side_words(text, attackers) - _DETERMINERS  # "a man stabbed" ... "shot the man"
        if titled or named_again or any(s < e2 and s2 < e for s, e in targets for s2, e2 in attackers):
            return other
    return None
