"""Suggests events in a parsed article: trigger words from the codebook, roles from the parse.

Pre-annotation saves the coder typing, so it aims for few, whole events rather than every mention:
each trigger word (codebook triggers plus ``suggest_lexicon``) becomes a mention with the roles its
dependency parse gives (subject -> Attacker, object or "on/against" -> Target, casualty phrase ->
Victim, the sentence's most specific place -> Place, its date -> Time); mentions that refer back
to an event already found ("the attack", "its first major attack") are merged into it, so each
real event is suggested once. Output: ``Event`` records with origin "model", status "suggested".
"""

from __future__ import annotations

from datetime import date

from . import suggest_lexicon as lex
from .codebook import Codebook
from .events import default_subtype, derive_fields, guess_subtype
from .model import Argument, Article, Event
from .nlp import doc_entities
from .suggest_parse import Mention, is_real, read_place_and_time, read_roles, read_victims

# The universal roles the parse yields, as each event type names them.
ROLE_NAMES = {
    "PROTEST": {"Attacker": "Entity", "Target": "Target"},
    "RIOT": {"Attacker": "Entity", "Target": "Target"},
    "ARREST": {"Attacker": "Agent", "Target": "Person", "Victim": "Person"},
    "AGREEMENT": {"Attacker": "Entity", "Target": "Entity"},
    "OTHER_STRATEGIC": {"Attacker": "Agent", "Target": "Target"},
}


class Suggester:
    """Built once per codebook (the trigger tables), then ``suggest(doc, article)`` per article."""

    def __init__(self, codebook: Codebook):
        self.codebook = codebook
        self.single: dict[str, list[str]] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, etype in codebook.event_types.items():
            for word in (*etype.triggers, *lex.EXTRA_TRIGGERS.get(name, ())):
                parts = tuple(word.lower().replace("-", " - ").split())
                if len(parts) == 1:
                    if parts[0] not in lex.CASUALTY_LEMMAS and parts[0] != "killed":
                        self.single.setdefault(parts[0], [])
                        if name not in self.single[parts[0]]:
                            self.single[parts[0]].append(name)
                else:
                    self.multi.setdefault(parts[0], []).append((parts, name))
        for entries in self.multi.values():
            entries.sort(key=lambda e: -len(e[0]))

    def is_trigger(self, tok) -> bool:
        return tok.lower_ in self.single or tok.lemma_.lower() in self.single

    # -- mentions ----------------------------------------------------------------------------

    def mentions(self, doc, body_start: int = 0) -> list[Mention]:
        out: list[Mention] = []
        ents = {}
        for ent in doc.ents:
            for tok in ent:
                ents[tok.i] = ent
        for s_index, sent in enumerate(doc.sents):
            i = sent.start
            while i < sent.end:
                found = self._match(doc, i, sent.end)
                if found is None:
                    i += 1
                    continue
                end_i, types = found
                head = max(doc[i:end_i], key=lambda t: t.pos_ in ("NOUN", "VERB", "PROPN"))
                head = doc[end_i - 1] if end_i - i > 1 else head
                mention = self._mention(doc, sent, s_index, i, end_i, head, types, ents, body_start)
                if mention is not None:
                    out.append(mention)
                i = end_i
        return out

    def _match(self, doc, i: int, stop: int):
        tok = doc[i]
        if tok.ent_type_ in ("DATE", "TIME", "PERSON", "WORK_OF_ART", "LAW"):
            return None  # "March 28", not a march
        if tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            if not (tok.lower_ in self.multi and tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")):
                return None
        for parts, name in self.multi.get(tok.lower_, ()):
            j = i + len(parts)
            if j <= stop and all(doc[i + k].lower_ == p for k, p in enumerate(parts[:-1])):
                last = doc[j - 1]
                if parts[-1] in (last.lower_, last.lemma_.lower()):
                    return j, [name]
        if tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            return None
        types = self.single.get(tok.lower_) or self.single.get(tok.lemma_.lower())
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if tok.dep_ == "conj":  # "thousands of protesters wearing masks ... gathered"
            subjects += [c for c in tok.head.children if c.dep_ == "nsubj"]
        if not types and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.PROTEST_VERBS and any(
                t.lemma_.lower() in lex.PROTESTER_WORDS for c in subjects for t in c.subtree):
            types = ["PROTEST"]
        if types and "AGREEMENT" in types and tok.pos_ != "NOUN" and tok.lemma_.lower() != "agree":
            types = [t for t in types if t != "AGREEMENT"]
        return (i + 1, list(types)) if types else None

    def _mention(self, doc, sent, s_index, i, end_i, head, types, ents, body_start) -> Mention | None:
        if not is_real(head, types):
            return None
        lemma = head.lemma_.lower()
        lemmas = {t.lemma_.lower() for t in sent}
        mods = {c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")}
        name = types[0]
        if "PROTEST" in types and "REMOTE_VIOLENCE" in types:  # "strike"
            name = "PROTEST" if lemmas & lex.PROTEST_STRIKE_CUES and not mods & {"air", "drone", "missile"} else "REMOTE_VIOLENCE"
        elif "RIOT" in types and "BATTLE" in types:  # "clash"
            name = "RIOT" if lemmas & lex.PROTESTER_WORDS else "BATTLE"
        generic = lemma in lex.GENERIC_VIOLENT
        subtype = ""
        if generic and mods & set(lex.REMOTE_MODIFIERS):
            name = "REMOTE_VIOLENCE"
            subtype = lex.REMOTE_MODIFIERS[sorted(mods & set(lex.REMOTE_MODIFIERS))[0]]
            generic = False
        m_attackers = [c for c in head.children if c.dep_ in ("nsubj", "agent")]
        m_attackers += [g for c in m_attackers if c.dep_ == "agent" for g in c.children]
        if generic and any(t.lemma_.lower() in lex.PROTESTER_WORDS for t in m_attackers):
            name, generic = "RIOT", False  # "attacked by protesters"
        etype = self.codebook.event_types.get(name)
        if etype is None:  # an ACLED type the rules chose, and this codebook (kairos, ace2005) lacks
            return None
        words = " ".join([doc[i:end_i].text, *sorted(mods)])
        subtype = subtype or guess_subtype(etype, words) or default_subtype(etype, words)
        if name == "REMOTE_VIOLENCE" and not subtype:
            subtype = guess_subtype(etype, sent.text) or "Remote explosive/landmine/IED"
        anaphoric = any(c.dep_ in ("det", "poss") and c.lower_ in lex.ANAPHORIC for c in head.children)
        m = Mention(name, subtype, doc[i].idx, doc[end_i - 1].idx + len(doc[end_i - 1]), s_index,
                    doc[i].idx < body_start, generic, anaphoric)
        read_roles(m, head, sent, ents, self.is_trigger)
        read_place_and_time(m, sent, ents, head)
        read_victims(m, sent, ents)
        return m

    # -- events ------------------------------------------------------------------------------

    def suggest(self, doc, article: Article, annotator: str = "model") -> list[Event]:
        """Suggested events for ``article`` parsed as ``doc`` (same text), in text order."""
        doc.user_data["published"] = article.published  # relative dates resolve against it
        mentions = self.mentions(doc, article.body_start)
        groups: list[list[Mention]] = []  # compatible mentions of one sentence: one event
        for m in mentions:
            group = next((g for g in groups if g[0].sent == m.sent and g[0].title == m.title
                          and _compatible(g, m) and not _two_events(g, m) and not _conflict(g, m)), None)
            if group is None:
                groups.append([m])
            else:
                group.append(m)
        clusters: list[list[Mention]] = []
        for group in [g for g in groups if not g[0].title] + [g for g in groups if g[0].title]:
            target = _merge_target(clusters, group, article.text)
            if target is None:
                clusters.append(group)
                target = group
            else:
                target.extend(group)
            specific = next((m for m in target if not m.generic and m.type in lex.VIOLENT_TYPES), None)
            if target[0].generic and specific is not None:
                # "the attack" was a bombing: the weapon word decides the type
                target[0].type, target[0].subtype, target[0].generic = specific.type, specific.subtype, False
        events = [self._event(c, article, annotator) for c in clusters]
        _carry_scene(events, clusters)
        _move_self_casualties(events, article.text)
        sentences = list(doc.sents) if clusters else []
        for ev, cluster in zip(events, clusters):
            ev.fields = derive_fields(self.codebook, ev, article.text, article.published)
            if "country" not in ev.fields:  # "Jolo Cathedral in Mindanao, Philippines": another place knows
                found = [p[3] for m in cluster for p in sorted(m.places, key=lambda p: -p[0]) if p[3] is not None]
                if found:
                    ev.fields["country"] = found[0].country
            ev.fields["notes"] = " ".join(sentences[cluster[0].sent].text.split())[:300]
        return sorted(events, key=lambda e: e.trigger_start)

    def _event(self, cluster: list[Mention], article: Article, annotator: str) -> Event:
        first = cluster[0]
        etype = self.codebook.event_types[first.type]
        names = ROLE_NAMES.get(first.type, {})
        args: list[Argument] = []
        seen: set[tuple] = set()

        def add(role: str, start: int, end: int):
            role = names.get(role, role)
            slot = etype.slots.get(role)
            words = " ".join(article.text[start:end].lower().split())
            if slot is None or (role, start, end) in seen or (role, words) in seen:
                return
            seen.add((role, words))
            if not slot.repeatable and any(a.role == role for a in args):
                return
            if sum(1 for a in args if a.role == role) >= 3:
                return
            seen.add((role, start, end))
            args.append(Argument(role, start, end))

        for role in ("Attacker", "Target"):
            for m in cluster:
                for start, end in m.roles.get(role, []):
                    if not any(a.start <= start < a.end for a in args):
                        add(role, start, end)
        places = [m.place for m in cluster if m.place]
        if places:
            best = max(places, key=lambda p: p[0])
            add("Place", best[1], best[2])
        times = [m.time for m in cluster if m.time]
        if times:
            best_time = max(times, key=lambda t: -t[2].time_precision)  # the first of the most precise
            add("Time", best_time[0], best_time[1])
        numbered = [v for m in cluster for v in m.victims if not v[3] and v[2] is not None]
        if numbered:
            top = max(numbered, key=lambda v: v[2])
            add("Victim", top[0], top[1])
        for m in cluster:
            for v in m.victims:
                if v[3]:
                    add("Victim", v[0], v[1])
        trigger = cluster[0]
        return Event(first.type, first.subtype, trigger.start, trigger.end, args, {},
                     origin="model", status="suggested", annotator=annotator)


def _conflict(a: list[Mention], m: Mention) -> bool:
    places = [x.place[3] for x in a if x.place and x.place[3] is not None]
    if m.place and m.place[3] is not None and places:
        p, q = m.place[3], places[0]
        if p.country_code != q.country_code:
            return True
        if p.kind != "country" and q.kind != "country" and p.name != q.name:
            return True
    times = [x.time[2] for x in a if x.time]
    if m.time and times:
        mine, theirs = m.time[2], times[0]
        if "month" in (mine.precision, theirs.precision):
            return mine.iso[:7] != theirs.iso[:7]
        return abs(date.fromisoformat(mine.iso) - date.fromisoformat(theirs.iso)).days > 1
    return False


def _two_events(group: list[Mention], m: Mention) -> bool:
    """In one sentence, "the military strike follows rocket attacks": a definite and an indefinite
    specific mention are two events."""
    return any(not x.generic and not m.generic and x.anaphoric != m.anaphoric for x in group)


def _compatible(cluster: list[Mention], m: Mention) -> bool:
    kind = cluster[0]
    if kind.type == m.type:
        return True
    violent = kind.type in lex.VIOLENT_TYPES and m.type in lex.VIOLENT_TYPES
    return violent and (m.generic or kind.generic)


def _merge_target(clusters: list[list[Mention]], group: list[Mention], text: str) -> list[Mention] | None:
    """The earlier event a sentence's mentions refer to, or None when they report a new one."""
    first = group[0]
    if first.title:  # a headline sums up the article: its first matching event
        return next((c for c in clusters if all(_compatible(c, m) for m in group)), None)
    anaphoric = any(m.anaphoric for m in group)
    mine = {_words(text, span) for m in group for span in m.roles.get("Attacker", [])}
    for cluster in reversed(clusters):
        if not all(_compatible(cluster, m) for m in group) or any(_conflict(cluster, m) for m in group):
            continue
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
    return None


def _same_day(cluster: list[Mention], group: list[Mention]) -> bool:
    mine = [m.time[2] for m in group if m.time and m.time[2].precision == "day"]
    theirs = [m.time[2] for m in cluster if m.time and m.time[2].precision == "day"]
    return bool(mine and theirs and mine[0].iso == theirs[0].iso)


def _same_actor(a: set, b: set) -> bool:
    return bool(a & b)


def _words(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0]:span[1]].lower().split())


def _carry_scene(events: list[Event], clusters: list[list[Mention]]) -> None:
    """An event whose sentences name no place happened where the previous one did; one that names
    no date, when the previous one did if that was reported at most three sentences before."""
    place: Argument | None = None
    time: tuple[Argument, int] | None = None
    for ev, cluster in zip(events, clusters):
        first = min(m.sent for m in cluster)
        mine = {a.role: a for a in ev.arguments if a.role in ("Place", "Time")}
        if "Place" not in mine and place is not None:
            ev.arguments.append(Argument("Place", place.start, place.end))
        if "Time" not in mine and time is not None and first - time[1] <= 3:
            ev.arguments.append(Argument("Time", time[0].start, time[0].end))
        place = mine.get("Place", place)
        if "Time" in mine:
            time = (mine["Time"], max(m.sent for m in cluster))


def _move_self_casualties(events: list[Event], text: str) -> None:
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


_cache: dict[int, Suggester] = {}


def model_output(doc, article: Article, suggester: Suggester | None) -> tuple[list[tuple[int, int, str]], list[Event]]:
    """What the model adds to an article: its entities, and the suggested events when there is a
    suggester (it needs the dependency parse, so there is none with the rules-only pipeline)."""
    return doc_entities(doc), suggester.suggest(doc, article) if suggester else []


def suggest_events(doc, article: Article, codebook: Codebook, annotator: str = "model") -> list[Event]:
    """Suggested events for one parsed article (the Suggester for a codebook is built once)."""
    suggester = _cache.get(id(codebook))
    if suggester is None or suggester.codebook is not codebook:
        suggester = _cache[id(codebook)] = Suggester(codebook)
    return suggester.suggest(doc, article, annotator)
