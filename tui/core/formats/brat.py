"""brat standoff out: ``NAME.txt`` + ``NAME.ann`` per article, plus ``annotation.conf`` and ``visual.conf``.

T lines hold entities (discontinuous ones as ``s e;s e``), triggers (typed by event type) and
argument spans that are not entities (typed ``Mention``); a piece that crosses a line break is cut
into fragments there, as brat itself does, so brat's parser reads every line. E lines link a trigger
to its role arguments, spans or other events (repeated roles numbered, as brat does); R lines are
relations, ``*`` lines equivalences, A lines attributes (an event's modality as ``Modality``, and
non-default status or origin), N lines normalisations, ``#`` lines notes, and newsmark's own notes
carry an event's sub-type, evidence, fields (not an empty one) and valued arguments as ``key=<JSON>``. ``annotation.conf`` declares the codebook's labels and
event types plus every label, event type, role, relation and attribute the data uses.
File names come from the article's source name where it has one (made safe and unique), else its id.
Offsets are Python string indices, end exclusive, on the exact article text (written byte for byte).
Events without a trigger cannot be drawn in brat and are left out with a warning.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Iterator

from ..codebook import Codebook
from ..model import MODALITIES, Event
from .base import Document, ExportOptions, ExportSummary, output_folder, safe_child, safe_name, write_new
from .brat_read import MENTION, clean, read, read_pair  # noqa: F401  (the reader lives beside the writer)

_LINE = re.compile(r"[^\r\n]+")
_TEXT_SUFFIXES = (".txt", ".md", ".ann", ".html", ".htm", ".json", ".jsonl")


def fragments(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces cut at every line break (brat's .ann is line-based), empty parts dropped."""
    out = []
    for start, end in pieces:
        out += [(start + m.start(), start + m.end()) for m in _LINE.finditer(text[start:end])]
    return out or list(pieces)


@dataclass
class Schema:
    """What the data uses beyond the codebook, gathered while writing, for ``annotation.conf``."""

    entities: set[str] = field(default_factory=set)
    events: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    relations: dict[str, tuple[str, str]] = field(default_factory=dict)
    equivalences: set[str] = field(default_factory=set)
    attributes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    not_on_events: set[str] = field(default_factory=set)  # attribute names used on entities or relations


def ann_for(doc: Document, summary: ExportSummary | None = None, schema: Schema | None = None) -> str:
    text = doc.article.text
    schema = schema if schema is not None else Schema()
    lines: list[str] = []
    tids: dict[tuple, str] = {}
    attrs: list[tuple[str, str, object]] = []
    notes: list[tuple[str, str]] = []
    norms: list[str] = []

    def t_line(pieces: list[tuple[int, int]], label: str, role: str = "entity") -> str:
        key = (tuple(pieces), label, role)  # a trigger never shares a T line with an entity
        if key not in tids:
            tids[key] = f"T{len(tids) + 1}"
            parts = fragments(text, pieces)
            offsets = ";".join(f"{s} {e}" for s, e in parts)
            lines.append(f"{tids[key]}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in parts)}")
        return tids[key]

    def extras(target: str, record) -> None:
        _status_attrs(target, record, attrs)
        attributes = record_attributes(record)
        attrs.extend((name, target, value) for name, value in sorted(attributes.items()))
        if not isinstance(record, Event):
            schema.not_on_events.update(attributes)
        notes.extend((target, note) for note in record.notes)

    ent_at, ent_ref = {}, {}
    for ent in doc.entities:
        ref = t_line(ent.pieces, ent.label)
        ent_at.setdefault((ent.start, ent.end), ref)
        ent_ref[ent.id] = ref
        schema.entities.add(ent.label)
        extras(ref, ent)
        for norm in ent.norms:
            norms.append(f"{norm.get('type') or 'Reference'} {ref} {norm.get('db')}:{norm.get('id')}\t"
                         f"{clean(norm.get('text', ''))}")
    drawn = [e for e in doc.events if e.trigger_start is not None]
    eids = {ev.id: f"E{n}" for n, ev in enumerate(drawn, start=1)}
    lost = 0
    for ev in drawn:
        trig = t_line([(ev.trigger_start, ev.trigger_end)], ev.type, "trigger")
        parts, seen = [f"{ev.type}:{trig}"], {}
        for arg in ev.arguments:
            if arg.event:
                ref = eids.get(arg.event)
                lost += ref is None
            elif arg.has_span:
                ref = ent_at.get((arg.start, arg.end)) or t_line([(arg.start, arg.end)], MENTION)
            else:
                continue
            if ref is None:
                continue
            seen[arg.role] = seen.get(arg.role, 0) + 1
            parts.append(f"{arg.role}{seen[arg.role] if seen[arg.role] > 1 else ''}:{ref}")
            schema.events[ev.type].add(arg.role)
        eid = eids[ev.id]
        schema.events[ev.type]
        lines.append(f"{eid}\t{' '.join(parts)}")
        extras(eid, ev)
        if ev.evidence:
            notes.append((eid, f"evidence={json.dumps(ev.evidence, ensure_ascii=False)}"))
        if ev.subtype:
            notes.append((eid, f"subtype={json.dumps(ev.subtype, ensure_ascii=False)}"))
        for key in sorted(ev.fields):
            if ev.fields[key] not in (None, ""):  # an empty field says nothing: no note
                notes.append((eid, f"{key}={json.dumps(ev.fields[key], ensure_ascii=False, sort_keys=True)}"))
        for arg in ev.arguments:
            if not arg.has_span and not arg.event:
                notes.append((eid, f"arg:{arg.role}={json.dumps(arg.value, ensure_ascii=False)}"))
    rel_lines = []
    for n, rel in enumerate((r for r in doc.relations if not r.equivalence), start=1):
        rid = f"R{n}"
        rel_lines.append(f"{rid}\t{rel.type} {rel.head_role}:{ent_ref[rel.head]} {rel.child_role}:{ent_ref[rel.child]}")
        schema.relations[rel.type] = (rel.head_role, rel.child_role)
        extras(rid, rel)
    for rel in (r for r in doc.relations if r.equivalence):
        rel_lines.append(f"*\t{rel.type} {' '.join(ent_ref[m] for m in rel.members)}")
        schema.equivalences.add(rel.type)
    skipped = len(doc.events) - len(drawn)
    if summary is not None and skipped:
        summary.warnings.append(f"{doc.article.id}: {skipped} event(s) without a trigger left out of brat")
    if summary is not None and lost:
        summary.warnings.append(f"{doc.article.id}: {lost} event argument(s) naming an event left out")
    if any(t_label == MENTION for (_, t_label, _) in tids):
        schema.entities.add(MENTION)
    lines += rel_lines
    for i, (name, target, value) in enumerate(attrs, start=1):
        lines.append(f"A{i}\t{name} {target}" + ("" if value is True else f" {clean(str(value))}"))
        if value is not True:
            schema.attributes[name].add(clean(str(value)))
        else:
            schema.attributes[name]
    lines += [f"N{i}\t{norm}" for i, norm in enumerate(norms, start=1)]
    lines += [f"#{i}\tAnnotatorNotes {target}\t{clean(note)}" for i, (target, note) in enumerate(notes, start=1)]
    return "".join(line + "\n" for line in lines)


def record_attributes(record) -> dict:
    """A record's attributes as brat A lines carry them: an event's modality is its ``Modality``."""
    modality = getattr(record, "modality", "")
    return {**record.attributes, "Modality": modality} if modality else record.attributes


def _status_attrs(target: str, record, attrs: list) -> None:
    if record.status != "accepted":
        attrs.append(("Status", target, record.status))
    if record.origin != "person":
        attrs.append(("Origin", target, record.origin))


def annotation_conf(codebook: Codebook, schema: Schema | None = None) -> str:
    """brat's schema: the codebook's labels and event types (roles with cardinalities) and, beyond
    them, every label, event type, role, relation and attribute the exported data uses."""
    schema = schema or Schema()
    out = ["# generated by newsmark from codebook " f"{codebook.name} {codebook.version}", "[entities]"]
    out += list(codebook.entity_labels) + sorted(schema.entities - set(codebook.entity_labels) - {MENTION})
    out += [MENTION, "", "[relations]"]
    out += [f"{name}\t{a}:<ENTITY>, {b}:<ENTITY>" for name, (a, b) in sorted(schema.relations.items())]
    out += [f"{name}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive"
            for name in sorted(schema.equivalences)]
    out += ["", "[events]"]
    for etype in codebook.event_types.values():
        roles = []
        for name, slot in etype.slots.items():
            card = "" if slot.cardinality == "1" else slot.cardinality
            allowed = "|".join(list(slot.role.labels) + [MENTION]) if slot.role.labels else "<ENTITY>"
            roles.append(f"{name}{card}:{allowed}")
        roles += [f"{role}*:<ANY>" for role in sorted(schema.events.get(etype.name, set()) - set(etype.slots))]
        out.append(f"{etype.name}\t{', '.join(roles)}")
    for name in sorted(set(schema.events) - set(codebook.event_types)):
        out.append(f"{name}\t{', '.join(f'{role}*:<ANY>' for role in sorted(schema.events[name]))}".rstrip())
    out += ["", "[attributes]", "Status\tArg:<ANY>, Value:suggested|rejected",
            "Origin\tArg:<ANY>, Value:model|person"]
    modalities = [*MODALITIES, *sorted(schema.attributes.get("Modality", set()) - set(MODALITIES))]
    out.append(f"Modality\tArg:{'<ANY>' if 'Modality' in schema.not_on_events else '<EVENT>'}, "
               f"Value:{'|'.join(modalities)}")
    for name, values in sorted(schema.attributes.items()):
        if name not in ("Status", "Origin", "Modality"):
            out.append(f"{name}\tArg:<ANY>" + (f", Value:{'|'.join(sorted(values))}" if values else ""))
    return "\n".join(out + [""])


def visual_conf(codebook: Codebook) -> str:
    out = ["[labels]", "", "[drawing]"]
    out += [f"{lab.name}\tbgColor:{lab.colour}" for lab in codebook.entity_labels.values()]
    return "\n".join(out) + "\n"


def file_stem(doc: Document, used: set[str]) -> str:
    """The article's source file name without its folder or suffix (else its id), safe and unique."""
    name = PureWindowsPath(PurePosixPath(doc.article.source).name).name
    if PurePosixPath(name).suffix.lower() in _TEXT_SUFFIXES:
        name = PurePosixPath(name).stem
    stem = safe_name(name, "") or safe_name(doc.article.id)
    candidate, n = stem, 1
    while candidate.lower() in used or candidate.lower() in ("annotation", "visual"):
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate.lower())
    return candidate


OUTPUT_SUFFIXES = (".txt", ".ann", ".conf")  # what a brat export folder holds


def export(docs: Iterator[Document], out: Path, options: ExportOptions, summary: ExportSummary) -> None:
    codebook = options.get_codebook()
    schema, used = Schema(), set()
    with output_folder(out, OUTPUT_SUFFIXES) as folder:
        for doc in docs:
            stem = file_stem(doc, used)
            write_new(safe_child(folder, stem + ".txt"), doc.article.text)
            write_new(safe_child(folder, stem + ".ann"), ann_for(doc, summary, schema))
            summary.files += 2
            summary.articles += 1
            summary.entities += len(doc.entities)
            summary.events += sum(1 for e in doc.events if e.trigger_start is not None)
        for name, content in (("annotation.conf", annotation_conf(codebook, schema)),
                              ("visual.conf", visual_conf(codebook))):
            write_new(safe_child(folder, name), content)
            summary.files += 1
