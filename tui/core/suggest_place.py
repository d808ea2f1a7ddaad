"""Where and when a trigger's event happened, read from its sentence in the dependency parse.

Split from ``suggest_parse`` (who did what to whom, who died): the places and dates said of the
trigger's clause, scored so that the most specific place and the most precise date win, and a place
or date that belongs to another clause, another event word or a quotation is left out.
"""

from __future__ import annotations

import re

from . import suggest_lexicon as lex
from .ages import is_age
from .article_country import article_country
from .gazetteer import BIG_TOWN, lookup
from .mentions import in_other_quote
from .normalise import parse_date
from .nlp import doc_text, english_nouns
from .suggest_parse import PLACE_LABELS, Mention, published_of
from .suggest_deaths import SEQUENCE_VERBS
from .suggest_clause import PERPETRATOR_NOUNS, venue
from .suggest_when import OWN, SAID, TEMPORAL, absolute, date_relation, date_span, within_clause

_PARAGRAPH = re.compile(r"\n[ \t\xa0]*\n")
_YEARS = re.compile(r"\b(?:years|decades|centur(?:y|ies))\b")
_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(y|ies))\b")
_DECADE = re.compile(r"\b(1[89]\d|20\d)0s\b")  # "the 1990s", "in the early 2000s"
# Nouns naming a part of a place: "in the heart of London", "on the outskirts of Kabul".
PART_NOUNS = frozenset({"heart", "centre", "center", "middle", "outskirts", "edge", "suburb", "suburbs", "part",
                        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "side",
                        "neighborhood", "neighbourhood", "vicinity"})
EVENT_NOUNS = lex.EVENT_NOUNS
# Prepositions and nouns that link a verb's event to an earlier one it followed from ("arrested after the
# attack", "charged over the bombing", "detained in connection with the shooting").
LINK_PREPS = TEMPORAL | frozenset({"over", "for", "against"})
RELATION_NOUNS = frozenset({"connection", "relation", "link", "regard", "respect", "response", "retaliation", "wake"})
# Verbs of answering an event told as their object ("condemned the attack", "the bombing was investigated"):
# their place and date are the answer's.
REACTION_VERBS = frozenset({"condemn", "denounce", "blame", "mourn", "investigate", "probe", "praise", "criticise",
                            "criticize", "discuss", "recall", "remember", "commemorate", "mark", "describe",
                            "protest", "deplore", "decry", "welcome", "hail", "characterize", "characterise"})
# Nouns of people whose own story a verb tells ("the suspect in a shooting was released").
PERSON_NOUNS = PERPETRATOR_NOUNS | frozenset({"victim", "survivor", "witness", "defendant", "convict", "prisoner"})
# Verbs that tell an event noun's own happening or outcome ("killed in an attack in Kabul", "wounded in the
# blast on Friday", "the attack took place"): their place and date are the event's. Any other verb whose
# phrase holds the noun tells another event ("arrested on Sunday in connection with Saturday's attack").
OWN_OUTCOME_VERBS = (lex.CASUALTY_LEMMAS | lex.OCCUR_VERBS | lex.PERPETRATE_VERBS | lex.LIGHT_VERBS | lex.HARM_VERBS
                     | frozenset({"wound", "injure", "hurt", "maim", "burn", "suffer", "happen", "flee", "escape",
                                  "evacuate", "survive", "shoot", "stab", "attack", "bomb"}))


def read_place_and_time(m: Mention, sent, ents, head) -> None:
    """The places and the date ``m``'s sentence gives its event (``m.places``, the best as ``m.place``;
    ``m.time``), and whether the sentence names a place at all (``m.names_place``)."""
    taken = [s for spans in m.roles.values() for s in spans]
    seen = set()
    for tok in sent:
        ent = ents.get(tok.i) or _untagged_town(tok)
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        if any(s <= ent.start_char < e for s, e in taken):
            continue  # an actor already
        if in_other_quote(ent.root, head) and not (ent.label_ in ("DATE", "TIME") and absolute(ent.text)):
            continue  # words of a quotation the trigger is not in ("Friday, August 30" is a date there too)
        if ent.label_ == "DATE" and ent.root.tag_ == "MD":
            continue  # "may", a modal the model took for the month
        if (ent.label_ in ("LOC", "FAC") and _place_list_head(ent.root, ents).dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
                or _locative_name(ent.root) and ent.label_ in (*PLACE_LABELS, "ORG", "PERSON", "NORP")) \
                and not venue(ent):
            # not "a US official", "the United States announced", "the State of Iraq"; nor "in December"; a
            # building's name ("at Richard J. Donovan Correctional Facility") lies in a scene, it names none
            m.names_place = True
        if other_verbs(ent.root, head):
            m.dated_elsewhere = m.dated_elsewhere or ent.label_ in ("DATE", "TIME") and not is_age(ent.text)
            continue  # "died in 1977 of injuries suffered during the attack": the death's year, not the attack's
        place = None
        if (ent.label_ == "ORG" and _locative(ent) or ent.label_ in ("PERSON", "NORP", "LANGUAGE") and _locative_name(ent.root)) \
                and not ent.text.isupper():  # "at Abqaiq" an ORG, "in Gao" a PERSON, "in Tunis" a LANGUAGE to the model
            place = place_of(ent)
            if place is None or place.kind != "city" or _a_word_elsewhere(ent.text, place, sent.doc):
                continue
            m.names_place = True
        if (ent.label_ in PLACE_LABELS or place is not None) and _locative(ent) and _attached(ent.root, head):
            place = place or place_of(ent)
            if _speakers_place(ent.root, head) and (ent.root.dep_ == "conj" or any(c.dep_ == "conj" for c in ent.root.children)):
                continue  # "authorities in the UK and the US announced ... were arrested": who spoke, not where
            score = place_score(place)
            if _climb(ent.root).dep_ == "pobj":
                score += 0.5
            score -= abs(ent.root.i - head.i) / 1000  # nearer the trigger wins a tie
            last = ent[-2] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent[-1]  # "Hong Kong's"
            m.places.append((score, ent.start_char, last.idx + len(last), place))
            if m.place is None or score > m.place[0]:
                m.place = m.places[-1]
        elif ent.label_ in ("DATE", "TIME"):
            _read_date(m, ent, head)


def other_verbs(tok, head) -> bool:
    """Whether ``tok`` (a place or date) is said of another event than the noun trigger ``head``: the
    noun stands in a phrase of a verb that tells another event, linked to it as what came before or
    gave cause ("police arrested 12 in Leeds on Sunday in connection with Saturday's attack in London",
    "36 minutes after the shooting") or through a person ("the suspect in a shooting was released from
    jail Friday"), and ``tok`` is outside the noun's own phrase, said of that verb or above it. A verb
    telling the noun's own outcome ("killed in an attack in Kabul on Monday") or its news ("police in
    Clairton responded to reports of a shooting") keeps its place and date, but not those of a clause
    above a participle ("died in 1977 of injuries suffered during the attack")."""
    if head.pos_ in ("VERB", "AUX") or head.is_ancestor(tok) or tok.i == head.i:
        return False
    verb, path = head, []
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        path.append(verb)
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or not path:
        return False
    holder = path[-1]  # the word the verb governs: the noun itself, or "a series of attacks"
    if holder.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd") and (
            len(path) == 1 or holder.lemma_.lower() in lex.COUNT_NOUNS):
        # "the attack took place in Kabul", "carried out a series of attacks in Kabul": its own clause; but
        # "the president condemned the attack in Paris on Monday": the condemnation's place and day
        return verb.lemma_.lower() in REACTION_VERBS and holder.dep_ in ("dobj", "nsubjpass") \
            and verb.is_ancestor(tok)
    if any(p.is_ancestor(tok) for p in path[1:]):
        return False  # within the noun's wider phrase ("in connection with the attack")
    another = not (holder.dep_ == "prep" and verb.lemma_.lower() in OWN_OUTCOME_VERBS) and any(
        p.dep_ == "prep" and p.lower_ in LINK_PREPS or p.lemma_.lower() in RELATION_NOUNS
        or p.i != head.i and p.pos_ in ("NOUN", "PROPN") and (p.ent_type_ == "PERSON" or p.lemma_.lower() in PERSON_NOUNS)
        for p in path)
    return another or not verb.is_ancestor(tok) and verb.dep_ in ("acl", "relcl")


def _a_word_elsewhere(name: str, place, doc) -> bool:
    """Whether ``name``, a town only of another country than the article's and no big one, is an English
    noun ("marched in Court": a court, not Court in Switzerland; "in Parliament"): then it is the word."""
    return (place.country != doc_country(doc) and place.population < BIG_TOWN
            and name.lower() in english_nouns())


def _untagged_town(tok):
    """A town the model tagged as nothing because its name is also a word ("in Reading, Berkshire"): a
    lone proper noun after "in", "at", "near" that the gazetteer knows as a town of the article's
    country or of the region named beside it, as a GPE span; else None."""
    if tok.pos_ != "PROPN" or not _locative_name(tok) or any(c.dep_ == "compound" for c in tok.children) \
            or tok.head.lower_ not in ("in", "at", "near", "outside"):
        return None
    # a Span made by the doc, so that this module (imported before the app's first paint) needs no spaCy import
    return tok.doc.char_span(tok.idx, tok.idx + len(tok), label="GPE") if town_named(tok, tok.text) else None


def town_named(tok, words: str):
    """The town ``words`` (a name at ``tok`` that the model did not tag as a place) names, when the
    gazetteer knows it as a town of the article's country or of a place named beside it ("Reading,
    Berkshire, UK"); None otherwise ("in Court": a town of Switzerland, but nothing says so)."""
    country = doc_country(tok.doc)
    place = lookup(words, country)
    if place is None or place.kind != "city":
        return None
    beside = [lookup(c.text) for c in tok.subtree if c.i != tok.i and c.ent_type_ == "GPE" and c.ent_iob_ == "B"]
    if place.country != country and not any(b is not None and b.country == place.country for b in beside):
        return None
    return place


def place_score(place) -> float:
    """How specific a place is: a town over a province over a street or building the gazetteer does
    not know over a country."""
    return {"city": 3.25, "admin1": 3, "country": 1}.get(place.kind, 2) if place else 2


def read_paragraph_scene(m: Mention, head, ents) -> None:
    """The place a paragraph opens with ("At the London Bridge, members of the public stopped Khan.
    ... the police then shot Khan"): news style sets a scene with a locative phrase put before the
    first sentence's subject, and the sentences after it in its paragraph happen there. Taken for a
    mention whose own sentence names no place, from the one or two sentences before it."""
    if m.place is not None or m.names_place:
        return
    doc, text = head.doc, doc_text(head.doc)
    for sent in reversed([s for s in doc.sents if s.end <= head.sent.start][-2:]):
        if _PARAGRAPH.search(text[sent.start_char:head.idx]):
            continue  # another paragraph's scene
        opening = sent[0]
        if opening.lower_ not in ("at", "in", "on", "near", "outside", "inside") or opening.dep_ != "prep" \
                or opening.head.i != sent.root.i:
            continue
        for tok in opening.subtree:
            ent = ents.get(tok.i)
            said_of = ent.root.head if ent is not None and ent.root.dep_ in ("compound", "nmod") else ent and ent.root
            if ent is not None and ent.label_ in PLACE_LABELS and said_of.dep_ == "pobj" and said_of.head.i == opening.i:
                # "At the London Bridge", "In the Croydon custody centre"; not "In a speech in Paris"
                words = ent[1:] if ent[0].dep_ == "det" else ent
                place = lookup(words.text, doc_country(doc))
                m.place = (place_score(place), words.start_char, words.end_char, place)
                m.places.append(m.place)
                return
        return


def _read_date(m: Mention, ent, head) -> None:
    """The date ``ent`` gives ``m`` if it is said of the event's own clause (``m.time``, the most precise
    and nearest winning), or of the verb that reports it (``m.said_time``, a fallback); dates of other
    clauses are left out (``suggest_when``). Words naming years ("during these early years") mark the
    event as background."""
    span = date_span(ent, head)
    if span is None:
        return
    doc = head.doc
    words_span = doc.char_span(*span, alignment_mode="expand")
    if words_span is None or not len(words_span):
        return
    root, text = words_span.root, " ".join(doc_text(doc)[span[0]:span[1]].split())
    words = text.lower()
    if is_age(words):
        return  # "between the ages of 14 and 18", "two boys, 14 and 18": no date
    relation = date_relation(root, head)
    if relation is None:
        return
    own = root.head.i == head.i and root.dep_ in ("compound", "nummod", "amod", "nmod")
    if re.fullmatch(r"\d{4}", words) and not own and not (root.dep_ == "pobj" and root.head.lower_ == "in"):
        return  # a bare year (a byline's) is not when the event happened; "the 1968 assassination" is
    if _DURATION.search(words) and not any(w in words for w in ("ago", "last", "earlier", "this", "next")):
        if relation == OWN and _YEARS.search(words) and not re.search(r"\b(?:one|a|two|few)\b", words):
            m.years_back = True  # "during these early years", "for decades": a past long before the report
        return
    published = published_of(doc)
    decade = _DECADE.search(words)
    if decade:  # a decade is no date ACLED can code; one ended before the report's year is its past
        if relation == OWN and published[:4].isdigit() and int(decade.group(1)) * 10 + 9 < int(published[:4]):
            m.years_back = True
        return
    when = parse_date(text, published, future=looks_ahead(root))
    if when is None:
        return
    score = -when.time_precision - abs(root.i - head.i) / 1000
    if not published and re.search(r"\b\d{4}\b", words):
        score += 0.1  # an undated article: only a date with its year can date the event
    if head.pos_ != "VERB" and root.head.head.i == head.i:
        score += 5  # "an assault in Ghazni in August 2018": the noun's own date wins
    found = (span[0], span[1], when, score)
    if relation == SAID:
        if m.said_time is None or score > m.said_time[3]:
            m.said_time = found
    elif m.time is None or score > m.time[3]:
        m.time = found


def place_of(ent):
    """The place an entity names: in the country or region the text names right after it ("Norfolk,
    England", "Paris, Texas"), where news says which of its namesakes it means; else looked up in the
    article's country (``doc_country``)."""
    doc = ent.doc
    text = doc_text(doc)
    after = re.match(r",[ \t]*", text[ent.end_char:ent.end_char + 4])
    if after is not None:
        where = next((e for e in doc.ents if e.start_char == ent.end_char + after.end() and e.label_ in ("GPE", "LOC")), None)
        found = lookup(f"{ent.text}, {where.text}") if where is not None else None
        if found is not None:
            return found
    return lookup(ent.text, doc_country(doc))


def doc_country(doc) -> str:
    """The country the article names most: a town name several countries share ("Linwood", "Norfolk")
    is first looked for there (computed once per doc)."""
    found = doc.user_data.get("main_country")
    if found is None:
        found = doc.user_data["main_country"] = article_country(doc_text(doc), doc.user_data.get("title", ""))
    return found


def _locative_name(tok) -> bool:
    """A proper name after "in", "at", "near" ("in Badia al-Sukhnah"), or naming the place noun of such
    a phrase ("in the country's capital, Tunis"), whatever entity the model made of it."""
    if tok.pos_ == "PROPN" and tok.dep_ == "appos" and tok.head.lemma_.lower() in lex.PLACE_NOUNS:
        tok = tok.head
    return tok.pos_ in ("PROPN", "NOUN") and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "outside") \
        and (tok.pos_ == "PROPN" or tok.lemma_.lower() in lex.PLACE_NOUNS)


def looks_ahead(tok) -> bool:
    """True when the words around a date say it is still to come ("the coming election on August 9",
    "voters will go to the polls on August 9", "ahead of the August 9 vote")."""
    node = tok
    for _ in range(4):
        for c in [node, *node.children]:
            if c.lower_ in lex.AHEAD_WORDS or (c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll")):
                return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _attached(tok, head) -> bool:
    """Whether the place ``tok`` names is said of the trigger's clause: its phrase hangs within the
    clause of the trigger's verb (the trigger's own, or the nearest verb it depends on: "a bombing was
    reported to have killed a man in Mokha"), on a word the trigger depends on ("arrested twelve in
    Tamil Nadu after a bomb exploded"), or on the subject of a word the trigger depends on
    ("Police in Lyon said a bomb exploded") or in a result clause ("..., wounding 13 in Lyon"); not
    within another clause ("the owner of a shop in
    Junction City identified the man who rented the truck used in the bombing"); the caller has left
    out the places of other verbs (``other_verbs``)."""
    root = _climb(tok)
    while root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PART_NOUNS:
        root = root.head.head  # "in the heart of London": where the heart hangs
    node = root.head.head if root.dep_ == "pobj" else root.head
    if root.dep_ == "pobj" and node.ent_type_ in ("DATE", "TIME") and node.dep_ == "pobj" \
            and node.head.dep_ == "prep":  # "On Sunday in London, a man ...": where the date phrase is said of
        node = node.head.head
    elif root.dep_ == "pobj" and node.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in node.children):
        node = node.head  # the same, parsed with "in London" hung on "On"
    if _other_event_noun(node, head):
        return False  # "Monday's attack, the deadliest since an assault in Ghazni": Ghazni is the assault's;
        # "the suspect in the attack on a mosque in Kabul was arrested in Herat": Kabul is the attack's
    clause = head
    while (clause.pos_ not in ("VERB", "AUX") or clause.dep_ == "prep") and clause.head.i != clause.i:
        clause = clause.head  # "escaped following airstrikes from a camp at Ain Issa": "following" is no clause
    if clause.lemma_.lower() in SEQUENCE_VERBS and head.dep_ == "nsubj" and head.head.i == clause.i and tok.i > clause.i:
        return False  # "the shooting followed one in Gilroy": Gilroy is the other shooting's place
    if node.i == clause.i or (clause.is_ancestor(node) and within_clause(node, clause, head)) or node.is_ancestor(head):
        return True  # not in a clause of its own: "the attack included missiles which could not have come from Yemen"
    act = clause.head
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and act.pos_ in ("VERB", "AUX") and (
            node.i == act.i or act.is_ancestor(node) and within_clause(node, act, head)):
        return True  # "a bomber struck a market in Peshawar, killing 40": the result happened where the act did
    result = node
    while result.pos_ not in ("VERB", "AUX") and result.head.i != result.i:
        result = result.head
    if result.dep_ == "advcl" and result.tag_ == "VBG" and result.head.is_ancestor(head):
        return True  # "a device that exploded, wounding 13 people on a street in Lyon": the parse hung the result higher
    return node.dep_ in ("nsubj", "nsubjpass") and node.head.is_ancestor(head)


def _other_event_noun(node, head) -> bool:
    """Whether ``node`` (where a place's phrase hangs) lies in the phrase of another event noun than the
    trigger ``head``, below the verb the phrase belongs to: the place is that event's; unless the trigger
    is named as one of them ("attacks on bases in Iraq - including the attack on December 27th")."""
    if head.dep_ == "pobj" and head.head.lower_ in ("including", "among", "like", "as"):
        return False
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.i == head.i or node.is_ancestor(head):
            return False
        if node.pos_ == "NOUN" and node.lemma_.lower() in EVENT_NOUNS:
            return True
        node = node.head
    return False


def _speakers_place(tok, head) -> bool:
    """Whether ``tok`` names where the subject of a verb that reports the trigger's clause is ("Police
    in Lyon said a bomb exploded"). That is the event's place when one place speaks, not when several
    announce together ("authorities in the UK and the US announced that 337 were arrested")."""
    root = _climb(tok)
    node = root.head.head if root.dep_ == "pobj" else root.head
    return node.dep_ in ("nsubj", "nsubjpass") and node.head.i != head.i and node.head.is_ancestor(head) \
        and not node.is_ancestor(head)


def _place_list_head(tok, ents):
    """The first of places named together ("Mindanao, Philippines"): not climbing out of a place into
    a name that holds one ("the Islamic State of Iraq and the Levant")."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and tok.head.i in ents \
            and ents[tok.head.i].label_ in PLACE_LABELS:
        tok = tok.head
    return tok


def _climb(tok):
    """The word a conjunct or apposition stands in for ("Mindanao, Philippines" -> Mindanao)."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _locative(ent) -> bool:
    """A place named as where something happened: "in Deir ez-Zor Province", "Kabul car bombing",
    "Afghanistan's Maidan Wardak province"; not "a US official" or "the Supreme Leader of Iran"."""
    root = _climb(ent.root)
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in PART_NOUNS and prep.head.dep_ == "pobj":
            return prep.head.head.lower_ in lex.LOCATIVE_PREPS  # "in the heart of London"
        if prep.lower_ == "of":  # "the port town of Mokha"
            return prep.head.lemma_.lower() in lex.PLACE_NOUNS
        return prep.lower_ in lex.LOCATIVE_PREPS
    if root.dep_ in ("compound", "nmod", "poss", "amod"):
        head = root.head
        if head.dep_ == "pobj" and head.head.lower_ in lex.LOCATIVE_PREPS and head.pos_ == "NOUN":
            return True  # "at the Croydon custody centre", "in a Kabul market": the name says where the place is
        return head.lemma_.lower() in lex.PLACE_NOUNS or head.lemma_.lower() in lex.WEAPON_NOUNS | {"bombing", "attack"}
    return False
