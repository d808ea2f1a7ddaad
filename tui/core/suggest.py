"""Suggests events in a parsed article: trigger words from the codebook, roles from the parse.

Pre-annotation saves the coder typing, so it aims for few, whole events rather than every mention:
each trigger word (codebook triggers plus ``suggest_lexicon``) becomes a mention with the roles its
dependency parse gives (subject -> Attacker, object or "on/against" -> Target, casualty phrase ->
Victim, the sentence's most specific place -> Place, its date -> Time); mentions that refer back
to an event already found ("the attack", "its first major attack") are merged into it, so each
real event is suggested once. Output: ``Event`` records with origin "model", status "suggested".
"""

from __future__ import annotations


from . import suggest_lexicon as lex
from . import suggest_triggers as triggers
from .codebook import Codebook
from .dateline import headline_place, in_caption, in_link_list
from .gazetteer import lookup
from .mentions import quotes
from .model import MODALITIES, Article, Event
from .nlp import doc_entities, doc_text
from .suggest_another import stand_ins
from .suggest_crowd import settle_protest_force
from .suggest_fields import set_country, suggested_fields
from .suggest_identified import name_lone_attackers
from .suggest_args import add_dateline_place, event_arguments, place_spots_in_towns
from .suggest_killing import killing, names_its_target, tells_deaths
from .relative_dates import attach_relative_times, date_events_told_before, date_relative_events
from .suggest_merge import (carry_scene, compatible, conflict, dated_to_the_day, merge_target, move_self_casualties,
                            own_place, place_conflict, representative, said_to_be, settle_readings, summary_target,
                            two_events)
from .suggest_modality import ACCIDENT, another, modality, strategic_move, summary
from .suggest_tense import past_captions_are_history, told_in_past
from .suggest_parse import Mention, published_of, read_roles, read_victims
from .suggest_place import read_paragraph_scene, read_place_and_time
from .suggest_response import fold_police_responses, stops_its_attacker
from .suggest_types import TypeChoice, decide, rank, word_types
from .suggest_when import absolute, long_before, paragraph_past

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
            if all(in_link_list(doc, t.idx) for t in sent if not t.is_space):
                continue  # "See also: 2007 Bagram Airfield bombing": other stories' titles tell no event here
            i = sent.start
            while i < sent.end:
                found = self._match(doc, i, sent.end)
                if found is None:
                    i += 1
                    continue
                end_i, types, why = found
                head = max(doc[i:end_i], key=lambda t: t.pos_ in ("NOUN", "VERB", "PROPN"))
                head = doc[end_i - 1] if end_i - i > 1 else head
                if head.dep_ in ("pobj", "prt") and doc[i:end_i].root.pos_ == "VERB":
                    head = doc[i:end_i].root  # "took to the streets", "rounded up", "taken into custody": the verb
                mention = self._mention(doc, sent, s_index, i, end_i, head, types, ents, body_start, why)
                if mention is not None and not any(m.start == mention.start for m in out) \
                        and not in_link_list(doc, mention.start):
                    out.append(mention)
                i = end_i
            out += stand_ins(self, sent, out, s_index, ents, body_start)  # "the shooting preceded another one"
            if not any(m.sent == s_index for m in out):  # "Gunmen killed five villagers": the killing is the attack
                out += [m for m in (killing(self, tok, s_index, ents, body_start) for tok in sent) if m is not None]
            # "A man stabbed five people. Police shot him dead. Two of the victims died.": a death told in a
            # sentence naming no event of its own belongs to the latest event reported just before whose
            # dead are not yet counted
            last = next((m for m in reversed(out) if m.sent != s_index and s_index - m.sent <= 5 and not m.victims
                         and m.type in lex.VIOLENT_TYPES + ("PROTEST",) and ("\n\n" not in doc_text(doc)[m.end:sent.start_char]
                                                                         or names_its_target(m, sent))), None)
            if last is not None and not any(m.sent == s_index for m in out) and tells_deaths(sent):
                read_victims(last, sent, ents, sent.root)
        return out

    def _match(self, doc, i: int, stop: int):
        tok = doc[i]
        if tok.ent_type_ in ("DATE", "TIME", "PERSON", "WORK_OF_ART", "LAW"):
            return None  # "March 28", not a march
        multi = [*self.multi.get(tok.lower_, ()), *self.multi.get(tok.lemma_.lower(), ())]
        if tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            if not (multi and tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")):
                return None
        for parts, name in multi:  # each word as written or as its lemma: "took to the streets", "opened fire"
            j = i + len(parts)
            if j <= stop and all(p in (doc[i + k].lower_, doc[i + k].lemma_.lower()) for k, p in enumerate(parts)):
                if not triggers.other_sense(doc[i:j].root, [name]):
                    return j, [name], ""
        if tok.pos_ not in ("NOUN", "VERB", "PROPN"):
            return None
        held = triggers.custody(tok)
        if held is not None and held < stop:  # "held in custody", "taken into police custody"
            return held + 1, ["ARREST"], f'"{doc[i:held + 1].text}": held by the state, an arrest'
        listed = word_types(self.single, tok, wider=False)  # "clashed" and "clash": every type either names
        if listed and triggers.other_sense(tok, listed):
            return None  # "the minister attacked the plan", "the storm", "China protested the sale"
        types = triggers.retype(tok, listed) if listed else triggers.unlisted_types(tok)
        why = triggers.why(tok, types[0]) if types and types != listed else ""
        if types and "AGREEMENT" in types and tok.pos_ != "NOUN" and tok.lemma_.lower() != "agree":
            types = [t for t in types if t != "AGREEMENT"]
        return (i + 1, list(types), why) if types else None

    def _mention(self, doc, sent, s_index, i, end_i, head, types, ents, body_start, why="") -> Mention | None:
        found = modality(head, types, published_of(doc))
        if found not in ("", "background", ACCIDENT):
            return None  # not reported as having happened: only the coder's `e` makes it an event
        choice = decide(self.codebook, doc[i:end_i], head, types)
        if choice is None:  # an ACLED type the rules chose, and this codebook (kairos, ace2005) lacks
            return None
        if why and choice.type == types[0]:
            choice.evidence = why  # what the sentence said that made the word an event of this type
        if choice.type == "OTHER_STRATEGIC" and not strategic_move(head):
            return None  # "troops were deployed to secure the area", "the bill's withdrawal": no strategic move
        span, instrument = doc[i:end_i], head.lemma_.lower() in lex.INSTRUMENT_NOUNS and head.pos_ != "VERB"
        verb = head.head
        if instrument and (head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in lex.INSTRUMENT_VERBS
                           or head.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in lex.WEAPON_USE_VERBS - {"plant"}):
            # "a roadside IED detonated under a convoy", "jets dropped bombs", "rockets were fired from Gaza":
            # the event word is the verb, the weapon its instrument (a bomb planted has not gone off)
            words = f"{doc[i:end_i].text} {verb.text}" if i < verb.i else f"{verb.text} {doc[i:end_i].text}"
            span, head, instrument = doc[verb.i:verb.i + 1], verb, False
            choice.evidence = f'"{words}": {choice.subtype}'
        m = self._read(span, head, choice, s_index, ents, body_start)
        m.instrument, m.modality = instrument, found or m.modality
        m.summary, m.another = summary(head), another(head)
        m.anaphoric = m.anaphoric or _anaphoric(doc[i:end_i].root)  # "the second bomb went off"
        return m

    def _read(self, span, head, choice: TypeChoice, s_index: int, ents, body_start: int) -> Mention:
        """A mention of ``choice`` at ``span`` with what the trigger's clause says about it."""
        anaphoric = _anaphoric(head)
        m = Mention(choice.type, choice.subtype, span.start_char, span.end_char, s_index,
                    span.start_char < body_start, choice.generic, anaphoric, evidence=choice.evidence)
        sent = head.sent
        m.lemma = head.lemma_.lower()
        read_roles(m, head, sent, ents, self.is_trigger)
        if choice.crowd is not None:  # "police attacked protesters": the crowd is actor 1, the forces actor 2
            forces = choice.forces or m.roles.get("Attacker", [])
            m.roles = {"Target" if choice.type == "RIOT" else "Agent": forces, "Entity": [choice.crowd]}
        read_place_and_time(m, sent, ents, head)
        placed, dated = m.place is not None, m.time is not None  # by the sentence itself, not its paragraph
        read_paragraph_scene(m, head, ents)
        if anaphoric and head.pos_ != "VERB":
            m.own_place = own_place(m, head)
        read_victims(m, sent, ents, head)
        m.told = frozenset([*m.roles, *(["Place"] if placed else []), *(["Time"] if dated else []),
                            *(["Victim"] if m.victims else [])])
        quoted = any(start <= span.start_char < end for start, end in quotes(span.doc))
        m.quoted = quoted or in_caption(sent.text)
        m.past_caption = not quoted and m.quoted and told_in_past(head)
        if quoted:
            # a quotation's "this afternoon" is when its speaker spoke, not the report's day; "on Friday,
            # August 30" is a date wherever it is said
            text = doc_text(span.doc)
            m.time = m.time if m.time and absolute(text[m.time[0]:m.time[1]]) else None
            m.said_time = m.said_time if m.said_time and absolute(text[m.said_time[0]:m.said_time[1]]) else None
        if m.time is None and m.said_time is None and m.modality == "":
            m.time = paragraph_past(head, published_of(span.doc))  # "... killed in June 1968. Sirhan shot him"
        if m.modality == "" and (m.years_back or long_before(m.time, published_of(span.doc))):
            m.modality = "background"  # "arrested in March 2018" in a report of October 2019
        if m.time is None:  # "It was reported on Saturday Sirhan was stabbed": then or before (``_clusters``)
            m.time = m.said_time
        return m

    # -- any trigger the coder picks -----------------------------------------------------------

    def likely_types(self, doc, start: int, end: int) -> list[tuple[str, str]]:
        """The codebook types (with a sub-type each) that the words at [start, end) can name,
        likeliest first ("stabbed" -> VIOLENCE_AGAINST_CIVILIANS/Attack, "drone attack" ->
        REMOTE_VIOLENCE/Air/drone strike); [] when no type fits. Types that cannot fit are left out."""
        span, head = _trigger_span(doc, start, end)
        if span is None:
            return []
        return rank(self.codebook, span, head, self._types_at(span, head))

    def _types_at(self, span, head) -> list[str]:
        doc = span.doc
        lo = min([span.start, *[c.i for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")]])
        for i in range(lo, span.end):  # "drone attack", "car bombing": the longest multiword trigger
            for parts, name in self.multi.get(doc[i].lower_, ()):
                j = i + len(parts)
                if j <= len(doc) and j - 1 >= span.start and all(doc[i + k].lower_ == p for k, p in enumerate(parts[:-1])):
                    if parts[-1] in (doc[j - 1].lower_, doc[j - 1].lemma_.lower()):
                        return [name, *[t for t in word_types(self.single, head) if t != name]]
        found: list[str] = []
        for tok in sorted(span, key=lambda t: t.i != head.i):
            found += [t for t in word_types(self.single, tok) if t not in found]
        if "AGREEMENT" in found and head.pos_ == "VERB" and head.lemma_.lower() != "agree":
            found.remove("AGREEMENT")
        return [t for t in found if t in self.codebook.event_types]

    def event_at(self, doc, start: int, end: int, article: Article, annotator: str = "model") -> Event | None:
        """The parse's reading of an event at the trigger [start, end) the coder picked, wherever it is.

        The type is the trigger's likeliest (``likely_types``), or "" when no codebook type fits;
        the arguments (attacker/agent, target, victims, place, time) come from the trigger's clause,
        and, when the suggester read this trigger as part of an event, from that event's other
        mentions. Origin "model", status "suggested" (the coder accepts or corrects it). None when
        [start, end) covers no word of ``doc``.
        """
        span, head = _trigger_span(doc, start, end)
        if span is None:
            return None
        _note_article(doc, article)
        cluster = next((c for c in self._clusters(doc, article) if any(m.start < end and start < m.end for m in c)), None)
        if cluster is None:  # a word the suggester did not read as an event: read its clause alone
            found = self._types_at(span, head)
            choice = (decide(self.codebook, span, head, found) if found else None) or TypeChoice("", "", False, "")
            ents = {tok.i: ent for ent in doc.ents for tok in ent}
            s_index = next(k for k, s in enumerate(doc.sents) if s.start <= head.i < s.end)
            cluster = [self._read(span, head, choice, s_index, ents, article.body_start)]
        event = self._event(cluster, article, annotator)
        event.trigger_start, event.trigger_end = start, end
        found = modality(head, [event.type] if event.type else [], article.published)
        event.modality = found if found in MODALITIES else ""
        event.fields = suggested_fields(self.codebook, event, cluster, doc, article)
        return event

    # -- events ------------------------------------------------------------------------------

    def suggest(self, doc, article: Article, annotator: str = "model") -> list[Event]:
        """Suggested events for ``article`` parsed as ``doc`` (same text), in text order."""
        clusters = self.event_clusters(doc, article)
        events = [self._event(c, article, annotator) for c in clusters]
        name_lone_attackers(events, doc, article.text)  # "a man stabbed ... The man, identified as NAME": NAME
        shifts = attach_relative_times(events, doc)  # "two days later": not the date carried from before
        scenes = carry_scene(events, clusters, article.text)
        add_dateline_place(events, clusters, article.text, article.body_start,
                           headline_place(doc, article.title, article.body_start))
        move_self_casualties(events, article.text)
        for ev, cluster, scene in zip(events, clusters, scenes):
            ev.fields = suggested_fields(self.codebook, ev, cluster, doc, article)
            if "country" not in ev.fields and scene is not None:  # the article's scene, not an argument
                place = lookup(article.text[scene.start:scene.end])
                if place is not None:
                    set_country(self.codebook, ev, doc, article, place.fields()["country"])
        place_spots_in_towns(events)
        date_relative_events(events, shifts, article.text, article.published)
        date_events_told_before(events, clusters, doc, shifts, article.published)  # "a week after an attack": the attack's
        main = next((e.fields["country"] for e in sorted(events, key=lambda e: e.trigger_start)
                     if e.fields.get("country") and not e.modality), None)  # not a summary's "arrests in Australia, ..."
        for ev in events:  # a report is mostly about one country: the first one it names an event in
            if main and not ev.fields.get("country") and ev.modality != "background":
                set_country(self.codebook, ev, doc, article, main)
        return sorted(events, key=lambda e: e.trigger_start)

    def event_clusters(self, doc, article: Article) -> list[list[Mention]]:
        """The mentions of the events ``suggest`` makes of ``article`` parsed as ``doc``, one group per
        event. An accident ("two accidental explosions", "a gas leak caused an explosion") is no political
        violence: neither it nor the headline that sums it up is suggested."""
        _note_article(doc, article)
        return [c for c in self._clusters(doc, article) if not any(m.modality == ACCIDENT for m in c)]

    def _clusters(self, doc, article: Article) -> list[list[Mention]]:
        """The article's mentions, grouped so that each group is one real event."""
        mentions = self.mentions(doc, article.body_start)
        groups: list[list[Mention]] = []  # compatible mentions of one sentence: one event
        for m in mentions:
            if m.modality == "" and any(x.sent == m.sent and x.type == m.type and x.modality == ACCIDENT for x in mentions):
                m.modality = ACCIDENT  # "killed in blasts ... in two accidental explosions": one accident
            group = next((g for g in groups if g[0].sent == m.sent and g[0].title == m.title and not conflict(g, m) and (
                g[0].modality == m.modality and compatible(g, m) and not two_events(g, m) or said_to_be(doc, g, m))
                and not any(stops_its_attacker(x, m, article.text) for x in g)), None)
            if group is None:
                groups.append([m])
            else:
                group.append(m)
                for x in group:  # "the bombing was an attack on 13 September 1974": the dated reading holds for both
                    x.modality = x.modality or m.modality
        clusters: list[list[Mention]] = []
        # a summary ("at least three bombings that week") tells no event of its own: it joins the one
        # of its kind the article tells, after every other group has found its event, or stands marked
        summaries = [g for g in groups if all(m.summary for m in g) and not any(dated_to_the_day(m) for m in g)]
        ordered = [g for g in groups if not g[0].title and g not in summaries] + [g for g in groups if g[0].title]
        for group in ordered + summaries:
            if group in summaries:
                target = summary_target(clusters, group, article.text)
                if target is not None:
                    target.extend(group)
                else:  # suggested as what it is: several events or a campaign, for the coder to split
                    clusters.append(group)
                continue
            target = merge_target(clusters, group, article.text)
            if target is None:
                clusters.append(group)
                target = group
            else:
                for m in group:  # joining the event it refers to, a place of another phrase that is
                    if m.own_place is not False and place_conflict(target, m.place):  # another scene stays behind
                        m.place, m.places = m.own_place, [m.own_place] if m.own_place else []
                target.extend(group)
            specific = next((m for m in target if not m.generic and m.type in lex.VIOLENT_TYPES), None)
            if target[0].generic and specific is not None:
                # "the attack" was a bombing: the weapon word decides the type
                target[0].type, target[0].subtype, target[0].generic = specific.type, specific.subtype, False
                target[0].evidence = f"{specific.evidence} (the same event)"
        past_captions_are_history(clusters)  # "image caption Protesters marched ...": background
        clusters = fold_police_responses(clusters, doc)  # "police shot him dead": part of his attack
        settle_protest_force(clusters)  # "protesters rallied ... police attacked them": excessive force
        settle_readings(clusters, article.text)
        return clusters

    def _event(self, cluster: list[Mention], article: Article, annotator: str) -> Event:
        first, trigger = cluster[0], representative(cluster)
        args = event_arguments(cluster, trigger, self.codebook.event_types.get(first.type),
                               ROLE_NAMES.get(first.type, {}), article.text)
        return Event(first.type, first.subtype, trigger.start, trigger.end, args, {},
                     origin="model", status="suggested", annotator=annotator, evidence=first.evidence,
                     modality=_shared_modality(cluster))


def _shared_modality(cluster: list[Mention]) -> str:
    """The event's modality: the one all its mentions share ("background", a summary's "generic"), else ""."""
    found = {m.modality for m in cluster}
    return found.pop() if len(found) == 1 and found <= set(MODALITIES) else ""


def _trigger_span(doc, start: int, end: int):
    """The words of ``doc`` at [start, end) (widened to whole tokens) and their syntactic head."""
    span = doc.char_span(start, end, alignment_mode="expand") if 0 <= start < end <= len(doc.text) else None
    if span is None or not span.text.strip():
        return None, None
    words = [t for t in span if not t.is_space and not t.is_punct]
    if not words:
        return None, None
    span = doc[words[0].i:words[-1].i + 1]
    return span, span.root


def _anaphoric(head) -> bool:
    """A mention that refers back to an event already reported ("the attack", "its first assault")."""
    if any(c.dep_ in ("det", "poss") and c.lower_ in lex.ANAPHORIC for c in head.children):
        return True
    first = head.left_edge  # "the El Paso shooting": the parse hangs "the" on the name
    return (head.pos_ != "VERB" and first.i < head.i and first.dep_ in ("det", "poss") and first.lower_ in lex.ANAPHORIC
            and all(t.dep_ in ("compound", "det", "poss", "case") for t in head.doc[first.i:head.i]))


_cache: dict[int, Suggester] = {}


def model_output(doc, article: Article, suggester: Suggester | None) -> tuple[list[tuple[int, int, str]], list[Event]]:
    """What the model adds to an article: its entities, and the suggested events when there is a
    suggester (it needs the dependency parse, so there is none with the rules-only pipeline)."""
    doc.user_data["text"] = article.text  # ``doc``'s own text, so it is not joined from the tokens again
    return doc_entities(doc), suggester.suggest(doc, article) if suggester else []


def _note_article(doc, article: Article) -> None:
    """What the rules read of the article besides its words: relative dates resolve against its
    publication date, its country is estimated from its title too, and its dateline is looked for
    from its body's start."""
    doc.user_data["published"] = article.published
    doc.user_data["title"] = article.title
    doc.user_data["body_start"] = article.body_start


def suggest_events(doc, article: Article, codebook: Codebook, annotator: str = "model") -> list[Event]:
    """Suggested events for one parsed article (the Suggester for a codebook is built once)."""
    suggester = _cache.get(id(codebook))
    if suggester is None or suggester.codebook is not codebook:
        suggester = _cache[id(codebook)] = Suggester(codebook)
    return suggester.suggest(doc, article, annotator)

