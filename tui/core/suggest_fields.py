"""The ACLED columns of a suggested event: country, place, actors, date, fatalities and notes, from its
arguments and the sentence that tells it most fully.

ACLED codes who acted as a standard actor, never as a person's name: a lone attacker, named or not
("Usman Khan stabbed ...", "a man stabbed ..."), is the event country's "Sole Perpetrator" (what the
person did goes in the notes, which quote the sentence).
"""

from __future__ import annotations

import re

from . import suggest_lexicon as lex
from .acled_fields import CROWDS, short_note
from .actors import actor_list
from .event_fields import actor_fields, derive_fields
from .model import Article, Event
from .suggest_merge import representative
from .suggest_parse import Mention

# Event types in which one person acting alone is ACLED's "Sole Perpetrator": an attack on civilians or
# an explosion; a battle is fought by organised armed groups, a protest or riot by a crowd.
_LONE_ACTOR_TYPES = ("VIOLENCE_AGAINST_CIVILIANS", "REMOTE_VIOLENCE")
# Singular nouns for one person who attacked ("a man", "the suspect", "the accused", "a suicide bomber").
_ONE_PERSON = (lex.LONE_ATTACKERS - {"mob"}) | frozenset({"accused", "bomber", "perpetrator", "boy", "girl",
                                                          "prisoner", "inmate", "youth"})
# Words that make a named person a member of a force, which ACLED codes as the force ("Officer Smith").
_FORCE_WORDS = frozenset({"officer", "policeman", "policewoman", "constable", "sergeant", "soldier", "trooper",
                          "agent", "deputy", "sheriff", "guard", "commander", "general", "colonel", "captain"})


def suggested_fields(codebook, ev: Event, cluster: list[Mention], doc, article: Article) -> dict:
    """The ACLED fields an event's arguments imply, and its first sentence as notes. The country of
    any place it names ("Jolo Cathedral in Mindanao, Philippines") is known first: it also links
    generic actors ("protesters") and settles shared town names."""
    found = [p[3] for m in cluster for p in sorted(m.places, key=lambda p: -p[0]) if p[3] is not None]
    ev.fields = {"country": found[0].fields()["country"]} if found else {}
    fields = dict(ev.fields)
    fields.update(derive_fields(codebook, ev, article.text, article.published, article.title))
    if ev.modality == "background" and not any(a.role == "Time" for a in ev.arguments):
        fields.pop("event_date", None)  # history the text does not date: not "around the report's date"
        fields.pop("time_precision", None)
    etype = codebook.event_types.get(ev.type)
    counts = [v[2] for m in cluster for v in m.victims if not v[3] and v[2] is not None]
    if (etype is not None and counts and ev.subtype.lower().startswith("excessive force")
            and not any(s.acled == "fatalities" for s in etype.slots.values())):
        fields["fatalities"] = max(counts)  # a protest met with lethal force has no Victim role to count
    sole_perpetrator(codebook, ev, doc, fields)
    crowd_actor(codebook, ev, doc, fields)
    vehicle_no_actor(codebook, fields)
    civilians_hit(codebook, ev, fields)
    cited = representative(cluster)  # the sentence the trigger is in: the one that tells the event most fully
    sentence = next(s for k, s in enumerate(doc.sents) if k == cited.sent)
    fields["notes"] = short_note(paragraph_part(article.text, sentence.start_char, sentence.end_char,
                                                cited.start), 300)
    return fields


def sole_perpetrator(codebook, ev: Event, doc, fields: dict) -> None:
    """Actor 1 of an attack as ACLED names it: the standard actor among its attackers ("the Islamic State
    claimed the bombing": the group, not "suicide bomber" with the group as its associate); else, when
    every attacker is one person (a name, "a man", "the suspect"), "Sole Perpetrator (<the event's
    country>)" with no associated actor (a person's name is no actor). Nothing is changed when the
    country is unknown."""
    country = str(fields.get("country") or "")
    attackers = [a for a in ev.arguments if a.role == "Attacker" and a.start is not None]
    if ev.type not in _LONE_ACTOR_TYPES or not country or not attackers:
        return
    listed = actor_list(codebook)
    lone = listed.get(f"Sole Perpetrator ({country})")
    spans = [doc.char_span(a.start, a.end, alignment_mode="expand") for a in attackers]
    if lone is None or any(span is None for span in spans):
        return
    # with the phrase around the span: "a suicide bomber of the Islamic State" is the group's member
    standard = [listed.match(doc[span.root.left_edge.i:span.root.right_edge.i + 1].text, country) for span in spans]
    groups = list(dict.fromkeys(found.name for found in standard if found is not None and found.name != lone.name))
    if groups:
        if listed.match(str(fields.get("actor1") or ""), country) is None:
            others = [span.text for span, found in zip(spans, standard) if found is None and not _one_person(span)]
            fields["actor1"], fields["assoc_actor_1"] = groups[0], "; ".join([*groups[1:], *others])
        return
    if all(_one_person(span) for span in spans):
        fields["actor1"], fields["assoc_actor_1"] = lone.name, ""


def crowd_actor(codebook, ev: Event, doc, fields: dict) -> None:
    """Actor 1 of a protest or riot whose crowd is told by a plural noun no actor list knows ("1.7 million
    Hongkongers marched", "farmers rallied"): ACLED names every crowd after its event's country ("Protesters
    (China)"); an organisation named beside it (a union, a party) is its associate."""
    country, crowd = str(fields.get("country") or ""), CROWDS.get(ev.type)
    entities = [a for a in ev.arguments if a.role == "Entity" and a.start is not None]
    listed = actor_list(codebook)
    standard = listed.get(f"{crowd} ({country})") if crowd and country else None
    actor1 = str(fields.get("actor1") or "")
    if standard is None or not entities or listed.match(actor1, country) is not None:
        return
    spans = [doc.char_span(a.start, a.end, alignment_mode="expand") for a in entities]
    if any(span is None for span in spans):
        return
    plural = [span for span in spans if span.root.tag_ in ("NNS", "NNPS") and span.root.ent_type_ not in ("ORG", "PERSON")]
    if plural:
        named = [span.text for span in spans if span not in plural and span.root.ent_type_ == "ORG"]
        fields["actor1"], fields["assoc_actor_1"] = standard.name, "; ".join(named)


def vehicle_no_actor(codebook, fields: dict) -> None:
    """Actor 2 is who was hit, never a thing: a vehicle named as the target ("a blast hit a minibus") is
    no actor. With dead in it, those hit were the people in it, ACLED's "Civilians (<country>)"; with
    none, there is no actor 2. An actor list's name ("Military Forces of ...") is kept."""
    country = str(fields.get("country") or "")
    listed = actor_list(codebook)
    names = [n.strip() for n in (str(fields.get("actor2") or ""), *str(fields.get("assoc_actor_2") or "").split(";"))
             if n.strip()]
    kept = [n for n in names if listed.get(n) is not None or n.split()[-1].lower() not in lex.VEHICLE_NOUNS]
    if kept == names:
        return
    civilians = listed.get(f"Civilians ({country})") if country else None
    if not kept and civilians is not None and (fields.get("fatalities") or 0) > 0:
        kept = [civilians.name]
    fields["actor2"], fields["assoc_actor_2"] = (kept[0], "; ".join(kept[1:])) if kept else ("", "")


def civilians_hit(codebook, ev: Event, fields: dict) -> None:
    """Actor 2 of violence against civilians as ACLED names it: the event country's "Civilians (<country>)",
    whatever words told who was hit ("middle-aged men", "four teenagers", a victim's name: no actor).
    An actor 2 that a standard actor names stays (the type is then what a coder corrects), and so do
    the standard associated actors; nothing changes while the country is unknown."""
    country = str(fields.get("country") or "")
    listed = actor_list(codebook)
    civilians = listed.get(f"Civilians ({country})") if country else None
    actor2 = str(fields.get("actor2") or "").strip()
    if (ev.type != "VIOLENCE_AGAINST_CIVILIANS" or civilians is None
            or (actor2 and (listed.get(actor2) is not None or listed.match(actor2, country) is not None))):
        return
    kept = [n.strip() for n in str(fields.get("assoc_actor_2") or "").split(";") if listed.get(n.strip())]
    fields["actor2"], fields["assoc_actor_2"] = civilians.name, "; ".join(kept)


def _one_person(span) -> bool:
    """Whether the words name one person who is no member of a force: a person's name, or a singular
    noun for one person ("a 28-year-old man", "the accused")."""
    words = {t.lemma_.lower() for t in span} | {t.lemma_.lower() for t in span.root.children}
    if words & _FORCE_WORDS:
        return False
    root = span.root
    if root.ent_type_ == "PERSON":
        return True
    return root.tag_ == "NN" and root.lemma_.lower() in _ONE_PERSON


def paragraph_part(text: str, start: int, end: int, at: int) -> str:
    """The part of the sentence [start, end) that holds ``at`` within its paragraph: spaCy may run a
    dateline ("Thursday, August 8, 2019") into the first sentence across a blank line."""
    for found in re.finditer(r"\n[ \t\xa0]*\n", text[start:end]):
        if start + found.start() < at:
            start = start + found.end()
        else:
            end = start + found.start()
            break
    return text[start:end]


def set_country(codebook, ev: Event, doc, article: Article, country: str) -> None:
    """Give an event whose own words named no country the one its scene or the report gives, and
    name its actors as that country's ("protesters" in a Serbian report: Rioters (Serbia)), as
    ``suggested_fields`` names those of an event placed by its own words."""
    ev.fields["country"] = country
    ev.fields.update(actor_fields(codebook, ev, article.text, country))
    sole_perpetrator(codebook, ev, doc, ev.fields)
    crowd_actor(codebook, ev, doc, ev.fields)
    vehicle_no_actor(codebook, ev.fields)
    civilians_hit(codebook, ev, ev.fields)
