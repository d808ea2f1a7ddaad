"""Which dates of a sentence say when a trigger's event happened: the rules of news English for dates.

A sentence often names several days: "Tarrant appeared in court yesterday, charged with murder over a
shooting on Friday"; "It was reported on Saturday Sirhan was stabbed"; "the suspect in a shooting was
released Friday"; "police arrested him on Monday after the attack". Only a date said of the event's
own clause is its date ("own"). A date of the verb that reports it ("reported on Saturday") is when it
was told: the event happened then or before, a fallback when nothing better dates it ("said"). The date
of another clause, of a court appearance or release, of something done after or before the event, or
of a person or thing the event word only describes ("the suspect in a shooting") is not its date.
"""

from __future__ import annotations

import re
from datetime import date

from . import suggest_lexicon as lex
from .mentions import SPEECH_VERBS
from .nlp import doc_text
from .normalise import parse_date

OWN, SAID = "own", "said"
_PARAGRAPH = re.compile(r"\n[ \t\xa0]*\n")
# A date that names its day or year outright ("Friday, August 30", "March 2018"): in a quotation it is
# still the date, where "this afternoon" is the speaker's.
_ABSOLUTE = re.compile(r"\b(?:\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|"
                       r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b", re.IGNORECASE)
# Prepositions and conjunctions that put what follows at another time than the clause they hang on.
TEMPORAL = frozenset({"after", "before", "since", "following", "until", "till", "ahead", "prior", "amid", "pending"})
# Verbs of telling beyond speech: their date is when the news came.
REPORT_VERBS = SPEECH_VERBS | frozenset({"reveal", "allege", "write", "tweet", "post", "publish", "declare",
                                         "disclose", "learn", "indicate", "cite", "quote", "issue", "deny"})
# Nouns of news about an event ("reports of a shooting", "a call about a stabbing").
REPORT_NOUNS = frozenset({"report", "call", "news", "word", "account", "footage", "video", "claim", "statement"})
# What courts and prisons do after an event: their dates are never the event's.
LATER_VERBS = lex.LEGAL_HEADS | frozenset({"release", "free", "bail", "appear", "try", "plead",
                                           "remand", "extradite", "detain", "question", "identify"})
# Nouns an event word may hang on and keep the clause's date ("a series of attacks", "dozens of arrests").
_CARRIERS = frozenset({"series", "wave", "spate", "string", "number", "round", "part", "scene", "site", "toll",
                       "target", "victim", "object", "aim",
                       "combination", "mix", "couple", "pair", "total", "succession", "flurry", "barrage"})


# An event dated further back than this before its report is background to it, not its news.
BACKGROUND_DAYS = 183


def long_before(time, published: str) -> bool:
    """Whether a mention's date (``Mention.time``) lies more than half a year before the article's:
    "began her protest on August 20, 2018" in a report of December 2019 tells background."""
    if time is None or not published:
        return False
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(time[2].iso)).days > BACKGROUND_DAYS
    except ValueError:
        return False


def absolute(words: str) -> bool:
    """Whether date words name their day or year outright ("Friday, August 30", "2018")."""
    return bool(_ABSOLUTE.search(words))


def date_span(ent, head) -> tuple[int, int] | None:
    """The characters of a date entity on the trigger's side of a paragraph break: the model may run a
    dateline into the first words of the body ("Tuesday, July 23, 2019\\n\\nEarly Saturday")."""
    text = ent.text
    if not _PARAGRAPH.search(text):
        return ent.start_char, ent.end_char
    cuts = [0, *[m.end() for m in _PARAGRAPH.finditer(text)]]
    start = max(c for c in cuts if ent.start_char + c <= max(head.idx, ent.start_char))
    stop = next((m.start() for m in _PARAGRAPH.finditer(text) if m.start() >= start), len(text))
    piece = text[start:stop]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if not piece:
        return None
    return ent.start_char + start + lead, ent.start_char + start + lead + len(piece)


def governor(tok):
    """The word a date phrase is said of: "on Friday" -> the word "on" hangs on; "Friday" (a bare noun
    phrase of time) -> its head; a conjunct, an apposition or a part of a longer time phrase speaks for
    the whole."""
    while tok.head.i != tok.i and (tok.dep_ in ("conj", "appos") or tok.head.ent_type_ in ("DATE", "TIME")):
        tok = tok.head  # "Saturday evening": the model may tag the day and the evening apart
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return tok.head


def date_relation(tok, head) -> str | None:
    """How a date whose root is ``tok`` relates to the event of the trigger ``head``: OWN, SAID or None."""
    top = tok
    while top.dep_ in ("conj", "appos", "compound", "amod") and top.head.i != top.i:
        top = top.head
    if top.dep_ == "pobj" and top.head.lower_ in ("since", "until", "till"):
        return None  # "protests have taken place since Tuesday": when a state of affairs began, no event's day
    g = governor(tok)
    if g.i == head.i or (head.is_ancestor(g) and within_clause(g, head)):
        return OWN  # "a bombing that happened on June 27", "the attack on Friday", "stabbed on Friday"
    if not g.is_ancestor(head):
        return None  # another branch of the sentence: another clause's date
    found = OWN
    # "On Friday, thousands gathered ... and blocked ...": a date put before the sentence's subject
    # dates every clause joined to its main one
    fronted = g.i == g.sent.root.i and not any(t.dep_ in ("nsubj", "nsubjpass") for t in g.sent if t.i < tok.i)
    node = head
    while node.i != g.i:
        parent = node.head
        if node.dep_ == "prep" and node.lower_ in TEMPORAL:
            return None  # "arrested on Monday after the attack"
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in TEMPORAL for c in node.children):
            return None  # "released on Monday after he attacked ..."
        if node.dep_ == "relcl" and _timed(parent):
            pass  # "Friday night was the fourth night in a row that Serbians protested"
        elif node.dep_ == "relcl" or (node.dep_ in ("conj", "advcl") and _own_subject(node) and node is not head
                                    and not (fronted and node.dep_ == "conj")):
            return None  # climbing out of another clause into its noun or its neighbour
        if node.dep_ == "conj" and node is head and _own_subject(node) and not fronted:
            return None  # "four are stable, and no fatalities emerged from the shooting"
        if parent.pos_ in ("NOUN", "PROPN") and node.dep_ in ("prep", "acl", "compound", "appos") and not _timed(parent):
            lemma = parent.lemma_.lower()
            if lemma in REPORT_NOUNS:
                found = SAID  # "police responded to reports of a shooting early Saturday"
            elif lemma not in lex.GENERIC_VIOLENT | _CARRIERS | lex.QUANTITY_NOUNS and not _event_noun(parent):
                return None  # "the suspect in a shooting was released Friday": the suspect's date
        if parent.pos_ in ("VERB", "AUX"):
            lemma = parent.lemma_.lower()
            if lemma in REPORT_VERBS and node.dep_ in ("ccomp", "parataxis", "xcomp", "dobj", "advcl", "nsubjpass"):
                found = SAID  # "It was reported on Saturday Sirhan was stabbed"
            elif lemma in LATER_VERBS and node.dep_ in ("prep", "ccomp", "advcl"):
                return None  # "charged over the shooting", "appeared in court ... pertaining to a shooting"
            elif node.dep_ == "ccomp" and lemma not in REPORT_VERBS:
                return None  # "believe the attack was planned": the belief's date
        node = parent
    return found


def within_clause(g, top, trigger=None) -> bool:
    """Whether the path from ``g`` up to ``top`` (the trigger, or its clause's verb) stays in one clause:
    a relative clause on the trigger itself ("a bombing that happened on June 27") does; another clause
    with a subject of its own ("..., with the death toll rising to 22 on Monday") does not."""
    owners = {top.i, (trigger or top).i}
    node = g
    while node.i != top.i:
        if node.dep_ == "relcl" and node.head.dep_ in ("nsubj", "nsubjpass", "dobj") and node.head.head.i in owners:
            pass  # of a party to the event: "Wiranto, who was visiting Pandeglang, survived the attack"
        elif node.pos_ in ("VERB", "AUX") and _own_subject(node) and node.head.i not in owners:
            return False
        elif node.dep_ in ("relcl", "ccomp") and node.head.i not in owners:
            return False
        node = node.head
    return True


def _timed(noun) -> bool:
    """A time noun, or a noun in the phrase of one ("the fourth night in a row")."""
    return noun.ent_type_ in ("DATE", "TIME") or (noun.dep_ == "pobj" and noun.head.head.ent_type_ in ("DATE", "TIME"))


def _own_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _event_noun(tok) -> bool:
    return tok.lemma_.lower() in lex.EVENT_NOUNS or tok.lower_ in lex.EVENT_NOUNS


_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


def best_time(mentions: list, text: str):
    """Of the dates the mentions of one event give (``Mention.time``), the most precise; of equally
    precise ones the most telling: a month over a bare year ("June 1968", not "the 1968 assassination"),
    the event's own date over the day it was reported, a mention telling the event over one referring
    back to it ("the attack") or a headline; then the first. None when no mention is dated."""
    def rank(item):
        k, m = item
        start, end, when, _ = m.time
        bare_year = when.precision == "month" and not _MONTH_NAME.search(text[start:end])
        return when.time_precision, bare_year, m.time is m.said_time, bool(m.anaphoric or m.title), k
    timed = [(k, m) for k, m in enumerate(mentions) if m.time]
    return min(timed, key=rank)[1].time if timed else None


def paragraph_past(head, published: str):
    """The date, long before the report, that an earlier sentence of ``head``'s paragraph tells its
    history at ("Robert was killed in June 1968. Sirhan shot him in the head"), as a mention's
    ``time`` (start, end, DateValue, score); None when the two sentences before name no such date. News
    tells a past in a paragraph of its own: an undated event told after a main clause dating a killing,
    attack or arrest long before belongs to it."""
    doc, text = head.doc, doc_text(head.doc)
    sents = [s for s in doc.sents if s.end <= head.sent.start][-2:]
    for sent in reversed(sents):
        for ent in reversed([e for e in sent.ents if e.label_ == "DATE" and re.search(r"\b\d{4}\b", e.text)]):
            if _PARAGRAPH.search(text[ent.end_char:head.idx]):
                return None
            if re.match(r"\W*(?:UTC|GMT|hours|hrs)\b", text[ent.end_char - 4:ent.end_char + 6].lstrip("0123456789")):
                continue  # "(1800 UTC)": a clock time, not a year
            verb = ent.root
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.lemma_.lower() not in lex.EVENT_NOUNS | lex.CASUALTY_LEMMAS:
                continue  # "the group was founded in 1998" dates no violence: the attack told next is news
            if verb.dep_ not in ("ROOT", "conj"):
                continue  # "the brother of JFK, who had been assassinated in 1963": a clause describing someone
            when = parse_date(ent.text, published)
            found = (ent.start_char, ent.end_char, when, -9.0) if when is not None else None
            if found is not None and long_before(found, published):
                return found
    return None
