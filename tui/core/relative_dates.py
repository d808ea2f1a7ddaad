"""Dates told relative to another event: "two days later", "the following day", "a week after the attack".

News dates a follow-up by the event before it; such words name no calendar day on their own (parse_date
reads none), so the suggester finds them in the event's own clause, keeps them as its Time words, and
dates the event from the one they point back to: the event they name ("after the attack") when the
article suggests it, else the previous dated event. Days give precision 1, weeks 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Argument, Event
from .nlp import doc_text
from .suggest_when import OWN, date_relation

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
            "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_COUNT = (r"\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
          r"seven|eight|nine))?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
          r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_APPROX = (r"(?:(?P<approx>about|around|approximately|roughly|some|nearly|almost|just\s+(?:over|under)|over|under"
           r"|(?:less|more|fewer)\s+than|barely|only|just)\s+)?")
_RELATIVE = re.compile(
    _APPROX + r"(?:(?P<n>" + _COUNT + r")\s+(?P<unit>day|week|hour|minute)s?\s+"
    r"(?P<dir>later|afterwards?|after|before|earlier)"
    r"|(?P<bare>days|hours|minutes)\s+(?P<dir4>later|afterwards?|after|before|earlier)"
    r"|the\s+(?P<rel>next|following|previous|preceding)\s+(?P<unit2>day|morning|afternoon|evening|night|week)"
    r"|the\s+(?P<unit3>day|week)\s+(?P<dir3>after|before))\b"
    r"(?:\s+(?:the|that|this)\s+(?P<named>[a-z]+))?", re.IGNORECASE)
_BACK = {"before", "earlier", "previous", "preceding"}
_FUTURE = re.compile(r"\b(?:will|is\s+to|are\s+to|plans?|planned|scheduled|expected|due)\b", re.IGNORECASE)
# "Days later" is a few days, within a week; "hours later", a few hours (the likeliest day is the same one).
_BARE_DAYS = {"days": (3, 2), "hours": (0, 1), "minutes": (0, 1)}


@dataclass
class Shift:
    """How far the words put an event from the event they point back to."""
    start: int
    end: int
    days: int
    precision: int  # ACLED time_precision: 1 a day, 2 a week
    named: str  # the event word after "after"/"before" ("attack"), or ""


def _count(words: str) -> int:
    """The number ``words`` name: "48", "thirteen", "forty-eight", "a"."""
    words = words.lower()
    if words.isdigit():
        return int(words)
    return sum(_NUMBERS[part] for part in re.split(r"[- ]", words))


def _days_of_hours(hours: float) -> tuple[int, int]:
    """The likeliest day ``hours`` after a time of day nobody gave (each hour of the day as likely): the
    same day for a few hours, the next for thirteen; precision 1 (that day) when it is at least three
    times in four the right one, else 2 (that week)."""
    days, part = divmod(hours / 24, 1)
    likeliest = max(part, 1 - part)
    return int(days) + (1 if part > 0.5 else 0), 1 if likeliest >= 0.75 else 2


def read_shift(words: str, offset: int = 0) -> Shift | None:
    """The shift that ``words`` open with ("Two days later, ..." -> +2 days, "less than thirteen hours
    later" -> the next day, to the week), or None."""
    m = _RELATIVE.match(words)
    if m is None:
        return None
    direction = (m["dir"] or m["dir4"] or m["rel"] or m["dir3"]).lower()
    sign = -1 if direction in _BACK else 1
    if m["bare"]:
        days, precision = _BARE_DAYS[m["bare"].lower()]
    else:
        unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
        count = 1 if m["n"] is None else _count(m["n"])
        if unit in ("hour", "minute"):
            days, precision = _days_of_hours(count if unit == "hour" else count / 60)
        else:
            days, precision = count * (7 if unit == "week" else 1), 2 if unit == "week" else 1
    named = (m["named"] or "").lower() if (m["dir"] or m["dir4"] or m["dir3"] or "").lower() in ("after", "before") else ""
    end = m.end() if named else m.end("dir") if m["dir"] else m.end("dir4") if m["dir4"] else m.end()
    return Shift(offset + m.start(), offset + end, days * sign, precision, named)


def relative_time(words: str) -> bool:
    """Whether Time words are a date relative to another event ("two days later")."""
    return read_shift(" ".join(words.split())) is not None


def attach_relative_times(events: list[Event], doc, time_role: str = "Time") -> dict[int, Shift]:
    """Give each event that has no Time and whose own clause says "two days later" (or the like) those
    words as its Time; returns the shifts by event index, for ``date_relative_events``."""
    shifts: dict[int, Shift] = {}
    for k, ev in enumerate(events):
        if any(a.role == time_role for a in ev.arguments) or ev.trigger_start is None:
            continue
        span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if anchor_shift(head) is not None:
            continue  # "two days after an air strike": the words date what came after it (``date_events_told_before``)
        for start, root in _candidates(head):
            shift = read_shift(doc.text[start:min(head.sent.end_char, start + 60)], start)
            if shift is None or not (root.head.i in (head.i, *[c.i for c in head.children if c.dep_ in ("prep", "advmod")])
                                     or date_relation(root, head) == OWN):
                continue
            ev.arguments.append(Argument(time_role, shift.start, shift.end))
            shifts[k] = shift
            break
    return shifts


def _candidates(head):
    """Where a relative date may start in the trigger's sentence: its date entities, and a "day", "week",
    "hour" or "minute" said of the trigger that the model did not tag ("arrested two men a day after the
    bombing")."""
    found = [(ent.start_char, ent.root) for ent in head.sent.ents if ent.label_ in ("DATE", "TIME")]
    found += [(tok.left_edge.idx, tok) for tok in head.sent if tok.lemma_.lower() in ("day", "week", "hour", "minute")
              and tok.dep_ in ("npadvmod", "pobj", "dobj", "nsubj") and tok.ent_type_ not in ("DATE", "TIME")]
    return found


def date_relative_events(events: list[Event], shifts: dict[int, Shift], text: str, published: str) -> None:
    """Date each shifted event from its anchor: the suggested event named after "after"/"before", else the
    previous event in the text with a date of its own. No anchor, or a date after publication that the
    sentence does not say is coming: the report's week, as for an undated event."""
    order = sorted(range(len(events)), key=lambda k: events[k].trigger_start or 0)
    own = {k for k in order if k not in shifts and any(a.role == "Time" for a in events[k].arguments)}
    for place, k in enumerate(order):
        if k not in shifts:
            continue
        ev, shift = events[k], shifts[k]
        dated = [events[j] for j in reversed(order[:place]) if j in own and events[j].fields.get("event_date")]
        named = [events[j] for j in order if j in own and j != k and shift.named and events[j].fields.get("event_date")
                 and _names(text[events[j].trigger_start:events[j].trigger_end], shift.named)]
        anchor = (named or dated or [None])[0]
        day = None if anchor is None else date.fromisoformat(str(anchor.fields["event_date"])[:10]) + timedelta(days=shift.days)
        stop = text.find(".", shift.end)
        coming = _FUTURE.search(text[max(0, (ev.trigger_start or 0) - 60):stop if stop > 0 else None])
        if day is None or (published and day.isoformat() > published[:10] and not coming):
            if published:  # no anchor, or a future the text does not announce: the report's week, as before
                ev.fields["event_date"], ev.fields["time_precision"] = published[:10], 2
            continue
        ev.fields["event_date"] = day.isoformat()
        ev.fields["time_precision"] = max(shift.precision, int(anchor.fields.get("time_precision") or 1))
        own.add(k)  # "two days later ... the next day": a chain of follow-ups


def _names(trigger: str, noun: str) -> bool:
    """Whether an event word is the one a noun names ("attacked" for "the attack", "bombing" for "bomb")."""
    stem = noun.lower()[:max(4, len(noun) - 2)]
    return trigger.lower().startswith(stem)


# Words that stand for another event of a kind just named ("another one", ``suggest_another``): the
# text says when it happened only next to that one, within days of it.
STAND_INS = ("one", "another")


def anchor_shift(head) -> Shift | None:
    """The shift of an amount of time before "after"/"before" the event word ``head`` ("about one week
    after an attack" -> +7 days): it puts something else that far from this event; else None."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("after", "before"):
        return None
    amounts = [c for c in prep.children if c.dep_ in ("npadvmod", "advmod") and c.i < prep.i]
    text = doc_text(head.doc)
    return read_shift(text[amounts[0].left_edge.idx:prep.idx + len(prep)]) if amounts else None


def date_events_told_before(events: list[Event], clusters: list, doc, shifts: dict[int, Shift], published: str) -> None:
    """Date an undated event named as the anchor of another time ("the speech came about one week after
    an attack"): the anchor lies that far before (or after) what the clause dates, a suggested event's
    own date when the clause is one, else the report's date (then only to the week: the clause's
    own day is not known). The words date the clause, not the event they name, nor does the date of
    the clause carried to it (``carry_scene``): only a date its own mentions say."""
    text = doc_text(doc)
    by_head = {}
    for k, ev in enumerate(events):
        span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand") \
            if ev.trigger_start is not None else None
        if span is not None:
            by_head[span.root.i] = k
    order = sorted(range(len(events)), key=lambda j: events[j].trigger_start or 0)
    for place, k in enumerate(order):  # "the shooting preceded another one in Dayton": near the event it follows
        cluster = clusters[k]
        if k in shifts or any(m.time for m in cluster) or not all(m.another and m.lemma in STAND_INS for m in cluster):
            continue
        before = [events[j] for j in reversed(order[:place]) if any(m.time for m in clusters[j])]
        ref = (before[0].fields.get("event_date") if before else None) or published[:10]
        if ref:
            events[k].arguments = [a for a in events[k].arguments if a.role != "Time"]  # its neighbour's, carried
            events[k].fields["event_date"], events[k].fields["time_precision"] = str(ref)[:10], 2
            shift = _stand_in_shift(events[k], doc) if before else None
            if shift is not None:  # "preceded another one less than thirteen hours later": that far from it
                day = date.fromisoformat(str(ref)[:10]) + timedelta(days=shift.days)
                if not published or day.isoformat() <= published[:10]:
                    events[k].arguments.append(Argument("Time", shift.start, shift.end))
                    events[k].fields["event_date"] = day.isoformat()
                    events[k].fields["time_precision"] = max(shift.precision, int(before[0].fields.get("time_precision") or 1))
    for head_i, k in by_head.items():
        ev, head = events[k], doc[head_i]
        shift = anchor_shift(head)
        if k in shifts or any(m.time for m in clusters[k]) or shift is None:
            continue
        prep = head.head
        clause = [prep.head, *[c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]]
        # "the protest came two days after the attack", "protesters marched on Friday, two days after": its date
        told = next((by_head[t.i] for t in clause if t.i in by_head), None)
        ref = events[told].fields.get("event_date") if told is not None and told not in shifts else None
        if ref:
            precision = max(shift.precision, int(events[told].fields.get("time_precision") or 1))
        elif published:
            ref, precision = published[:10], 2
        else:
            continue
        ev.arguments = [a for a in ev.arguments if a.role != "Time"]  # the clause's, carried
        ev.fields["event_date"] = (date.fromisoformat(str(ref)[:10]) - timedelta(days=shift.days)).isoformat()
        ev.fields["time_precision"] = precision


def _stand_in_shift(ev: Event, doc) -> Shift | None:
    """The time the clause of a stand-in ("the shooting preceded another one less than thirteen hours later")
    puts between the event before it and the one it stands for: said of the stand-in or of the verb that
    orders the two."""
    span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    for start, root in _candidates(head):
        said_of = root
        while said_of.dep_ in ("npadvmod", "advmod", "nummod", "quantmod") and said_of.head.i != said_of.i:
            said_of = said_of.head  # "thirteen hours" -> "later" -> "preceded"
        if said_of.i in (head.i, head.head.i):
            shift = read_shift(doc_text(doc)[start:min(head.sent.end_char, start + 60)], start)
            if shift is not None and not shift.named:
                return shift
    return None
