"""Reading brat standoff: every ``.ann`` with its ``.txt``, line kinds T E R A M N # and ``*``.

Text-bound lines become entities (with their fragments), event triggers (typed by event type) or
argument spans (``Mention``); E lines become events whose arguments are spans or other events;
R lines relations and ``*`` lines equivalences between entities; A/M lines attributes; N lines
normalisations; ``#`` notes (newsmark's own ``key=<JSON>`` notes on events are its fields, sub-type
and evidence); an event's ``Modality`` attribute is its modality, one of ``MODALITIES``. A line
that is malformed stops the import (file and line); one that is well formed but points at something
newsmark cannot hold (an attribute on a trigger, say) is left out with one line naming file and line.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from ..importer import Problem, article_from_text, decode_text
from ..model import MODALITIES, Argument, Entity, Event, Relation, article_id_for
from .ingest import Checker, ImportDoc, ImportProblem

MENTION = "Mention"
KINDS = ("T", "E", "R", "A/M", "#", "N", "*")
_NUMBERED = re.compile(r"^(.*?[^\d])([2-9]|\d\d+)$")
_FIELD_NOTE = re.compile(r"^(subtype|arg:[^=\s]+|[A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.S)
_BREAKS = set("\r\n")


def clean(text: str) -> str:
    """Covered text on one line (newsmark's exports before fragments wrote breaks as spaces)."""
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def read(folder: Path) -> list[ImportDoc]:
    """Every ``.ann`` with its ``.txt`` in a folder (recursively), checked."""
    anns = sorted(p for p in folder.rglob("*.ann") if not p.is_dir()) if folder.is_dir() else [folder]
    if not anns:
        raise ImportProblem(folder, None, "no .ann files found")
    return [read_pair(ann) for ann in anns]


class _Pair:
    """The parsed lines of one .ann, by id, before they are turned into records."""

    def __init__(self, ann: Path, text: str):
        self.ann, self.text = ann, text
        self.spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        self.events: dict[str, tuple[str, str, list[tuple[str, str]], int]] = {}
        self.relations: list[tuple[str, str, list[tuple[str, str]], bool, int]] = []
        self.attrs: list[tuple[str, str, str | bool, int]] = []
        self.notes: list[tuple[str, str, int]] = []
        self.norms: list[tuple[str, str, str, str, str, int]] = []
        self.kinds: Counter = Counter({kind: 0 for kind in KINDS})  # kept lines, in brat's order
        self.skipped: list[str] = []

    def skip(self, line: int, why: str, kind: str | None = None) -> None:
        self.skipped.append(f"{self.ann}:{line}: {why}; not kept")
        if kind:
            self.kinds[kind] -= 1


def _read_text(path: Path) -> str:
    """A brat file's text (UTF-8, or UTF-16/32 with a byte-order mark); ImportProblem if it cannot be."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(path, None, "missing (brat needs a .txt beside each .ann)") from None
    except IsADirectoryError:
        raise ImportProblem(path, None, "is a folder, not a file") from None
    except OSError as exc:
        raise ImportProblem(path, None, f"cannot be read ({exc.strerror})") from None
    text = decode_text(path, raw)
    if isinstance(text, Problem):
        raise ImportProblem(path, text.line, text.message)
    return text


def read_pair(ann: Path) -> ImportDoc:
    txt = ann.with_suffix(".txt")
    text, ann_text = _read_text(txt), _read_text(ann)
    lines = ann_text.split("\n")
    Checker(txt).text(text, "the text")
    article = article_from_text(text, source=str(txt), parse_header=False)
    article.id = article_id_for(text)
    pair = _Pair(ann, text)
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        if line.strip():
            _parse_line(pair, Checker(ann, number), number, line)
    return _build(pair, article)


def _parse_line(pair: _Pair, check: Checker, number: int, line: str) -> None:
    ident, tab, rest = line.partition("\t")
    if not tab:
        check.fail(f"no tab after the id in {line[:40]!r}")
    kind = ident[:1]
    head, _, tail = rest.partition("\t")
    if kind == "T":
        label, _, offsets = head.partition(" ")
        pieces = []
        for piece in offsets.split(";"):
            try:
                start, end = (int(x) for x in piece.split())
            except ValueError:
                check.fail(f"bad text-bound annotation {head!r}; expected 'Type START END[;START END]'")
            pieces.append(check.span(pair.text, start, end, ident))
        covered = " ".join(pair.text[s:e] for s, e in pieces)
        if tail and tail not in (covered, clean(covered)):
            check.fail(f"{ident}: covered text {tail!r} differs from the .txt at {offsets}")
        pair.spans[ident] = (check.string(label, "type"), pieces)
    elif kind == "E":
        parts = head.split()
        if not parts or ":" not in parts[0]:
            check.fail(f"bad event line {head!r}; expected 'Type:T1 Role:ID ...'")
        etype, trig = parts[0].split(":", 1)
        args = []
        for part in parts[1:]:
            role, sep, ref = part.partition(":")
            if not sep or not role or not ref:
                check.fail(f"bad event argument {part!r}; expected Role:ID")
            match = _NUMBERED.match(role)
            args.append((match.group(1) if match else role, ref))
        pair.events[ident] = (etype, trig, args, number)
    elif kind in "R*":
        parts = head.split()
        args = [tuple(p.split(":", 1)) if kind == "R" else ("", p) for p in parts[1:]]
        if kind == "R" and (len(args) != 2 or any(len(a) != 2 for a in args) or args[0][0] == args[1][0]):
            check.fail(f"bad relation {head!r}; expected 'Type Arg1:T1 Arg2:T2'")
        if kind == "*" and len(args) < 2:
            check.fail(f"bad equivalence {head!r}; expected 'Type T1 T2 ...'")
        pair.relations.append((parts[0], ident, args, kind == "*", number))
    elif kind in "AM":
        bits = head.split(" ", 2)
        if len(bits) < 2:
            check.fail(f"bad attribute {head!r}; expected 'Name TARGET [VALUE]'")
        pair.attrs.append((bits[1], bits[0], bits[2] if len(bits) > 2 else True, number))
    elif kind == "N":
        match = re.match(r"(\S+) (\S+) (\S+?):(\S+)$", head)
        if match is None:
            check.fail(f"bad normalisation {head!r}; expected 'Reference TARGET DB:ID'")
        ntype, target, db, ref = match.groups()
        pair.norms.append((target, ntype, db, ref, tail, number))
    elif kind == "#":
        bits = head.split()
        if len(bits) != 2:
            check.fail(f"bad note {head!r}; expected 'AnnotatorNotes TARGET'")
        pair.notes.append((bits[1], tail, number))
    else:
        pair.skip(number, f"unknown line kind {ident!r}")
        return
    pair.kinds["A/M" if kind in "AM" else kind] += 1


def _joined(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces whose gaps hold only line breaks are one span (brat splits a span at each break)."""
    out = [pieces[0]]
    for s, e in pieces[1:]:
        if out[-1][1] <= s and set(text[out[-1][1]:s]) <= _BREAKS:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _build(pair: _Pair, article) -> ImportDoc:
    check = Checker(pair.ann)
    triggers = {trig for _, trig, _, _ in pair.events.values()}
    entities: dict[str, Entity] = {}
    for ident, (label, pieces) in pair.spans.items():
        if ident in triggers or label == MENTION:
            continue
        pieces = _joined(pair.text, pieces)
        ent = Entity(pieces[0][0], pieces[-1][1], label)
        ent.fragments = [list(p) for p in pieces] if len(pieces) > 1 else []
        entities[ident] = ent
    events = {ident: Event(etype) for ident, (etype, _, _, _) in pair.events.items()}
    for ident, (etype, trig, args, number) in pair.events.items():
        ev = events[ident]
        if trig not in pair.spans:
            Checker(pair.ann, number).fail(f"{ident}: trigger {trig} is not a T line")
        pieces = pair.spans[trig][1]
        ev.trigger_start, ev.trigger_end = pieces[0][0], pieces[-1][1]
        for role, ref in args:
            if ref in events:
                ev.arguments.append(Argument(role, event=events[ref].id))
            elif ref in pair.spans and ref not in triggers:
                ref_pieces = pair.spans[ref][1]
                ev.arguments.append(Argument(role, ref_pieces[0][0], ref_pieces[-1][1]))
            else:
                Checker(pair.ann, number).fail(f"{ident}: argument {role}:{ref} names no entity or event")
    relations: dict[str, Relation] = {}
    for rtype, ident, args, equivalence, number in pair.relations:
        if not all(ref in entities for _, ref in args):
            pair.skip(number, f"{ident} {rtype} links something that is not an entity", "*" if equivalence else "R")
            continue
        (r1, h), (r2, c), *more = args
        rel = Relation(rtype, entities[h].id, entities[c].id, equivalence=equivalence,
                       others=[entities[ref].id for _, ref in more])
        if not equivalence:
            rel.head_role, rel.child_role = r1, r2
        relations[ident] = rel
        if equivalence:
            relations[f"*{number}"] = relations.pop(ident)
    targets = {**entities, **events, **relations}
    for target, name, value, number in pair.attrs:
        record = targets.get(target)
        if record is None:
            pair.skip(number, f"attribute {name} on {target}, which is not an entity, event or relation", "A/M")
        elif name in ("Status", "Origin") and not isinstance(value, bool):
            setattr(record, name.lower(), value)
        elif name == "Modality" and isinstance(record, Event):
            if value not in MODALITIES:
                Checker(pair.ann, number).fail(f"{target}: unknown Modality {value!r}; expected one of "
                                               f"{', '.join(MODALITIES)}")
            record.modality = value
        else:
            record.attributes[name] = value
    for target, note, number in pair.notes:
        record = targets.get(target)
        field = _FIELD_NOTE.match(note) if isinstance(record, Event) else None
        if record is None:
            pair.skip(number, f"note on {target}, which is not an entity, event or relation", "#")
        elif field and _set_field(record, field.group(1), field.group(2)):
            continue
        else:
            record.notes.append(note)
    for target, ntype, db, ref, name, number in pair.norms:
        if target not in entities:
            pair.skip(number, f"normalisation of {target}, which is not an entity", "N")
            continue
        entities[target].norms.append({"type": ntype, "db": db, "id": ref, "text": name.lstrip("\t")})
    for rec in targets.values():
        if rec.status not in ("accepted", "suggested", "rejected") or rec.origin not in ("model", "person"):
            check.fail(f"unknown Status {rec.status!r} or Origin {rec.origin!r} attribute")
    return ImportDoc(article, list(entities.values()), list(events.values()), relations=list(relations.values()),
                     kinds=pair.kinds, skipped=pair.skipped)


def _set_field(ev: Event, key: str, raw: str) -> bool:
    """newsmark's ``key=<JSON>`` notes: the sub-type, a valued argument or a field. False if not JSON."""
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return False
    if key == "subtype":
        ev.subtype = str(value)
    elif key == "evidence":
        ev.evidence = str(value)
    elif key.startswith("arg:"):
        ev.arguments.append(Argument(key[4:], value=str(value)))
    else:
        ev.fields[key] = value
    return True
