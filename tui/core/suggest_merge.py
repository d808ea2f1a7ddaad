"""Which suggested mentions are one real event: the rules that merge mentions into clusters.

Split from ``suggest.py``: a mention that refers back ("the attack", "the blast"), shares a day, a
place or an attacker with an earlier one of a compatible type joins its cluster; a cluster that
names no place or date takes the scene of the previous one.
"""

from __future__ import annotations

from datetime import date

from . import suggest_lexicon as lex
from .gazetteer import lookup
from .model import Argument, Event
from .suggest_modality import ACCIDENT
from .suggest_parse import Mention
from .suggest_response import stops_its_attacker
from .suggest_when import absolute


def representative(cluster: list[Mention]) -> Mention:
    """The mention a coder cites for the event. Its sentence: in the body rather than a headline,
    in the report's own words rather than a quotation, told as news rather than as background or a
    kind of event; of those, the one whose own clauses say most of who did it, to whom, where and
    when, the first of them (a later sentence that tells no more is a follow-up: "the suspect in
    the shooting was charged"), and one with an event word, not only a weapon's ("exploded", "the
    attack" rather than "bomb", "IED"); in that sentence, its first event word that is not a weapon's.
    The police stopping the attacker ("shot dead by police after a stabbing") is never the attack's word."""
    order = sorted([m for m in cluster if not m.response] or cluster, key=lambda m: m.start)
    told: dict[int, set] = {}
    for m in order:
        told.setdefault(m.sent, set()).update(m.told)
    worded = {m.sent for m in order if not m.instrument}

    def sentence(m: Mention) -> tuple:
        return (m.title, m.sent not in worded, m.quoted, m.modality != "", -len(told[m.sent]), m.sent)

    best = min(sentence(m) for m in order)
    return min(order, key=lambda m: (sentence(m) != best, m.instrument, sentence(m), order.index(m)))


def conflict(a: list[Mention], m: Mention, loose: bool = False) -> bool:
    """Whether ``m`` names another place or day than the mentions ``a``; ``loose`` (for "the
    shooting", which refers back) lets two towns of one state be the same scene."""
    place = m.place if m.own_place is False else m.own_place  # "the shooting" ... "one in California"
    if place_conflict(a, place, loose):
        return True
    times = [x.time[2] for x in a if x.time]
    if m.time and times:
        mine, theirs = m.time[2], times[0]
        if "month" in (mine.precision, theirs.precision):
            if any(t.precision == "month" and t.iso.endswith("-01-01") for t in (mine, theirs)):
                return mine.iso[:4] != theirs.iso[:4]  # "in 1968" (a year, kept as its January) and "June 1968"
            return mine.iso[:7] != theirs.iso[:7]
        return abs(date.fromisoformat(mine.iso) - date.fromisoformat(theirs.iso)).days > 1
    return False


def place_conflict(a: list[Mention], place, loose: bool = False) -> bool:
    """Whether ``place`` (a mention's (score, start, end, Place)) is another scene than the mentions ``a``'s."""
    places = [x.place[3] for x in a if x.place and x.place[3] is not None]
    if not place or place[3] is None or not places:
        return False
    p, q = place[3], places[0]
    if p.country_code != q.country_code:
        return True
    if p.kind != "country" and q.kind != "country" and p.name != q.name:
        inside = ("admin1" in (p.kind, q.kind) or loose) and p.admin1 == q.admin1  # El Paso lies in Texas
        return not inside
    return False


def two_events(group: list[Mention], m: Mention) -> bool:
    """In one sentence, "the military strike follows rocket attacks": a definite and an indefinite
    specific mention are two events."""
    return any(not x.generic and not m.generic and x.anaphoric != m.anaphoric for x in group)


def said_to_be(doc, group: list[Mention], m: Mention) -> bool:
    """Whether a copula makes ``m`` and a mention of ``group`` one event: "the Cafetería Rolando bombing
    was an attack on 13 September 1974 at the Rolando cafe": its subject and its predicate noun, both
    of political violence or of one type."""
    def root(x: Mention):
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    mine = root(m)
    for x in group:
        if not (x.type == m.type or x.type in lex.VIOLENT_TYPES and m.type in lex.VIOLENT_TYPES):
            continue
        other = root(x)
        for subject, predicate in ((mine, other), (other, mine)):
            if subject is not None and predicate is not None and predicate.dep_ == "attr" \
                    and predicate.head.lemma_ == "be" and subject.dep_ == "nsubj" and subject.head.i == predicate.head.i:
                return True
    return False


def compatible(cluster: list[Mention], m: Mention) -> bool:
    kind = cluster[0]
    if kind.type == m.type:
        return True
    violent = kind.type in lex.VIOLENT_TYPES and m.type in lex.VIOLENT_TYPES
    return violent and (m.generic or kind.generic)


def merge_target(clusters: list[list[Mention]], group: list[Mention], text: str) -> list[Mention] | None:
    """The earlier event a sentence's mentions refer to, or None when they report a new one."""
    first = group[0]
    if first.title:  # a headline sums up the article: its first matching event
        return next((c for c in clusters if all(compatible(c, m) for m in group)), None)
    anaphoric = any(m.anaphoric for m in group)
    mine = {_words(text, span) for m in group for span in m.roles.get("Attacker", [])}
    for cluster in reversed(clusters):
        if not all(compatible(cluster, m) for m in group) or any(conflict(cluster, m, anaphoric) for m in group):
            continue
        if _other_parties(cluster, group, text):
            continue  # "the shooting of Jacob Blake" is not "a shooting of protesters"; police shooting the attacker
        if {_reading(m) for m in cluster} != {_reading(m) for m in group}:
            continue  # an event of an earlier year is not the one being reported
        if anaphoric:
            return cluster
        if first.type == cluster[0].type and first.type not in lex.VIOLENT_TYPES:
            return cluster  # one agreement, one protest wave, one deployment per report
        if _same_day(cluster, group):
            return cluster
        near = min(abs(x.sent - first.sent) for x in cluster) <= 8
        if near and cluster[0].generic and all(x.generic for x in cluster) and not first.generic:
            return cluster  # "an attack on an air base" ... "Seventeen rockets struck near the base"
        theirs = {_words(text, span) for x in cluster for span in x.roles.get("Attacker", [])}
        if first.type == cluster[0].type and _same_actor(theirs, mine):
            return cluster
        if first.type == cluster[0].type and _heads(text, cluster, "Target") & _heads(text, group, "Target"):
            return cluster  # "another explosion hit a minibus" ... "where the minibus exploded"
        if _told_again(cluster, group, text):
            return cluster
    return None


def _told_again(cluster: list[Mention], group: list[Mention], text: str) -> bool:
    """A news report tells its event first and then again in detail ("Usman Khan stabbed several
    people" ... "Khan started attacking people there"; "Sirhan was stabbed" ... "an inmate had been
    stabbed"): a later mention of the same kind of violence is that event when nothing sets it apart:
    no other day or place (``conflict``), no other attacker, no word such as "another" or "second"."""
    first = group[0]
    general = all(m.lemma in lex.GENERIC_VIOLENT for m in group)  # "attack", "assault", "incident"
    if first.type not in lex.VIOLENT_TYPES or any(m.another for m in group):
        return False
    if first.type != cluster[0].type and not (general and cluster[0].type in lex.VIOLENT_TYPES):
        return False
    if all(m.generic for m in cluster) and not any(m.generic for m in group):
        return False  # "attacks on police are frequent" ... "a bomb exploded": a kind, then an event
    if not general and not {m.lemma for m in cluster} & {m.lemma for m in group}:
        return False  # told again in its own word or a general one ("attack"); "stabbed" ... "shot" are two acts
    theirs = _named_actors(text, cluster)
    mine = _named_actors(text, group)
    return not (theirs and mine and not _same_actor(theirs, mine))


_ONE_ATTACKER = frozenset({"accused", "perpetrator", "bomber", "killer"})  # besides the lone attackers' words


def _named_actors(text: str, mentions: list[Mention]) -> set[str]:
    """The attackers the mentions name, but for words any lone attacker goes by ("the attacker", "a man")."""
    found = {_words(text, span) for m in mentions for span in m.roles.get("Attacker", [])}
    return {w for w in found if w.split() and w.split()[-1] not in lex.LONE_ATTACKERS | lex.KILLERS}


def _known_attacker(text: str, mentions: list[Mention]) -> bool:
    """Whether an attacker is the one the report already knows: a definite description of one person
    ("the accused", "the gunman") refers back to the perpetrator of events already told."""
    for m in mentions:
        for start, end in m.roles.get("Attacker", []):
            before, words = text[max(0, start - 5):start].lower().split(), text[start:end].lower().split()
            if before[-1:] == ["the"] and words and words[-1] in (lex.LONE_ATTACKERS - {"mob"}) | _ONE_ATTACKER:
                return True
    return False


def summary_target(clusters: list[list[Mention]], group: list[Mention], text: str) -> list[Mention] | None:
    """The event a summary joins ("a couple of suicide bombings in Tunis last month" ... "a suicide
    bombing on June 27"): the latest of a compatible type and reading that it does not contradict and
    that shares its month, its place or its attacker (a summary naming none of them may sum up others:
    "since IS launched a series of attacks across Paris" in a report of a blast in Lyon)."""
    for cluster in reversed(clusters):
        if not all(compatible(cluster, m) and not conflict(cluster, m, True) for m in group) \
                or {_reading(m) for m in cluster} != {_reading(m) for m in group}:
            continue
        months = {m.time[2].iso[:7] for m in group if m.time} & {x.time[2].iso[:7] for x in cluster if x.time}
        places = any(m.place and m.place[3] is not None for m in group) and any(x.place and x.place[3] is not None for x in cluster)
        actors = _named_actors(text, cluster) & _named_actors(text, group)
        if months or places or actors or any(m.anaphoric for m in group) or _known_attacker(text, group):
            return cluster  # "all three attacks", "the accused performed two attacks" refer back
    return None


def _other_parties(cluster: list[Mention], group: list[Mention], text: str) -> bool:
    """Whether the mentions name other parties than the event's: one names a person as its target and
    the other a group of people ("Jacob Blake" and "protesters"), or the attacker of one is the target
    of the other (the police who shot the attacker)."""
    kinds = [{_party(text, span) for m in side for span in m.roles.get("Target", [])} for side in (cluster, group)]
    if all(len(k) == 1 for k in kinds) and kinds[0] != kinds[1] and {"person", "people"} == kinds[0] | kinds[1]:
        return True
    if any(stops_its_attacker(x, m, text) for x in cluster for m in group):
        return True  # "an armed man was shot by police after he attacked officers": the police's is a response
    for one, other in ((cluster, group), (group, cluster)) if cluster[0].type in lex.VIOLENT_TYPES else ():
        attackers = {_words(text, span) for m in one for span in m.roles.get("Attacker", [])}
        targets = {_words(text, span) for m in other for span in m.roles.get("Target", [])}
        if _surnames(attackers) & _surnames(targets):
            return True
    return False


def _party(text: str, span: tuple[int, int]) -> str:
    """"person" for a named person ("Jacob Blake"), "people" for a plural of people ("protesters"), else ""."""
    words = text[span[0]:span[1]].split()
    if words and all(w[:1].isupper() for w in words) and not words[-1].lower().rstrip("s") in lex.ANYONE_WORDS:
        return "person"
    last = words[-1].lower() if words else ""
    return "people" if last in ("people", "men", "women", "children", "police") or (last.endswith("s") and last.islower()) else ""


def _reading(m: Mention) -> str:
    """How the text presents a mention, for merging: a later mention of an accident ("both explosions",
    "where the minibus exploded") need not repeat that it was one."""
    return "" if m.modality == ACCIDENT else m.modality


def _same_day(cluster: list[Mention], group: list[Mention]) -> bool:
    mine = [m.time[2] for m in group if m.time and m.time[2].precision == "day"]
    theirs = [m.time[2] for m in cluster if m.time and m.time[2].precision == "day"]
    return bool(mine and theirs and mine[0].iso == theirs[0].iso)


def _heads(text: str, mentions: list[Mention], role: str) -> set[str]:
    """The last words of a role's spans ("gas-powered minibus" -> "minibus"), for telling one target;
    words for anyone ("people", "police", "civilians") tell no event from another."""
    heads = {_words(text, span).split()[-1] for m in mentions for span in m.roles.get(role, []) if _words(text, span)}
    return {h for h in heads if h.rstrip("s") not in lex.ANYONE_WORDS and h not in lex.ANYONE_WORDS}


def _same_actor(a: set, b: set) -> bool:
    """One attacker named twice: the same words, or a full name and its surname ("Usman Khan" ... "Khan")."""
    if a & b:
        return True
    return bool(_surnames(a) & _surnames(b))


def _surnames(spans: set) -> set[str]:
    """The last words of attacker spans that could be names (not "gunman", "police", "people")."""
    last = {w.split()[-1] for w in spans if w.split()}
    return {w for w in last if len(w) > 2 and w not in lex.ANYONE_WORDS | lex.KILLERS | lex.LONE_ATTACKERS}


def _words(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0]:span[1]].lower().split())


def carry_scene(events: list[Event], clusters: list[list[Mention]], text: str) -> list[Argument | None]:
    """An event whose sentences name no place happened where the previous one in its paragraph did;
    one that names no date, when that one did if it was reported at most three sentences before.
    A sentence that names a place of its own (even one not read as the Place, "Dagestan sees frequent
    attacks", "in Badia al-Sukhnah" tagged as a person) is not where the previous event was.
    Across a paragraph break nothing is carried as an argument; the returned list gives, per event,
    the last place named before it, from which only its country may be taken."""
    place: tuple[Argument, list[Mention]] | None = None
    time: tuple[Argument, list[Mention]] | None = None

    def told_before(cluster: list[Mention], sent: int) -> Mention | None:
        """The previous event's last mention up to the sentence ``sent`` ("a protest had taken place a few
        hours before the attack"): one told again later ("the attack came ...") does not bring its place
        or date nearer to what comes between."""
        return max((m for m in cluster if m.sent <= sent), key=lambda m: m.end, default=None)

    order = sorted(range(len(events)), key=lambda k: min(m.start for m in clusters[k]))
    by_index: dict[int, Argument | None] = {}
    for k in order:
        ev, cluster = events[k], clusters[k]
        first, start = min(m.sent for m in cluster), min(m.start for m in cluster)
        mine = {a.role: a for a in ev.arguments if a.role in ("Place", "Time")}
        by_index[k] = place[0] if place is not None and "Place" not in mine else None
        near = told_before(place[1], first) if place is not None else None
        if ("Place" not in mine and near is not None and "\n\n" not in text[near.end:start]
                and not any(m.names_place for m in cluster)):  # a sentence naming its own place keeps it
            ev.arguments.append(Argument("Place", place[0].start, place[0].end))
        near = told_before(time[1], first) if time is not None else None
        if ("Time" not in mine and near is not None and first - near.sent <= 3
                and ev.modality not in ("background", "generic") and "\n\n" not in text[near.end:start]
                and not any(m.dated_elsewhere for m in cluster)):  # "protested on Sunday against the arrest": not then
            ev.arguments.append(Argument("Time", time[0].start, time[0].end))
        if "Place" in mine:
            place = (mine["Place"], cluster)
        if "Time" in mine and ev.modality != "background":  # an earlier year's date is not the scene's
            time = (mine["Time"], cluster)
    scenes = [by_index[k] for k in range(len(events))]
    return scenes


def move_self_casualties(events: list[Event], text: str) -> None:
    """Attackers reported killed in their own attack died at the hands of the other side: when
    another violent event targets "attacking forces", their count belongs there (ACLED counts
    each death in one event only)."""
    for ev in events:
        attackers = [a for a in ev.arguments if a.role == "Attacker"]
        victims = [a for a in ev.arguments if a.role == "Victim"]
        moved = [v for v in victims if any(a.start < v.end and v.start < a.end for a in attackers)]
        if not moved:
            continue
        for other in events:
            if other is ev or other.type not in lex.VIOLENT_TYPES:
                continue
            if any(a.role == "Target" and "attack" in text[a.start:a.end].lower() for a in other.arguments):
                ev.arguments = [a for a in ev.arguments if a not in moved]
                other.arguments.extend(moved)
                break


def own_place(m: Mention, head):
    """The place the phrase of a mention that refers back names itself ("the El Paso shooting"), else
    the one its verb is said to happen at ("the attack took place in Kabul"), else None. A place another
    phrase of its sentence names ("the shooting followed one in California") must not keep it from the
    event it refers to (``suggest_merge.conflict``), nor become that event's place."""
    def within(lo, hi):
        return [p for p in m.places if lo <= p[1] and p[2] <= hi]

    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    own = within(lo, hi)
    if not own:  # "the El Paso shooting": a place name modifying the event word
        for ent in head.doc.ents:
            found = lookup(ent.text) if ent.label_ in ("GPE", "LOC") and lo <= ent.start_char and ent.end_char <= hi else None
            if found is not None and ent.root.dep_ == "compound":
                own.append((3.5, ent.start_char, ent.end_char, found))
    verb = head.head
    if not own and head.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
        for c in verb.children:
            if c.dep_ == "prep" and c.i > head.i:
                own += within(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
    return max(own, key=lambda p: p[0]) if own else None


def settle_readings(clusters: list[list[Mention]], text: str) -> None:
    """What the merged mentions of each event say together: a cluster of summaries alone ("at least three
    bombings", "all three attacks") is marked generic; the day a mention was reported dates the event
    only if nothing else does; where mentions disagree, a date spelled out ("Friday, August 30") is surer
    than a weekday ("Saturday")."""
    for cluster in clusters:
        if all(m.summary and not dated_to_the_day(m) for m in cluster):
            for m in cluster:
                m.modality = m.modality or "generic"
        if any(m.time and m.time is not m.said_time for m in cluster):
            for m in cluster:
                m.time = None if m.time is m.said_time else m.time
        spelled = [m.time for m in cluster if m.time and absolute(text[m.time[0]:m.time[1]])]
        for m in cluster:
            if spelled and m.time and not absolute(text[m.time[0]:m.time[1]]) and m.time[2].iso != spelled[0][2].iso:
                m.time = None


def dated_to_the_day(m: Mention) -> bool:
    """Whether a mention's own clause dates it to the day ("two bombings on Monday" tells them)."""
    return m.time is not None and m.time is not m.said_time and m.time[2].precision == "day"
