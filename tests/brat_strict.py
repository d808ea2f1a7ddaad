"""A strict reader of brat standoff that applies the rules of brat's own ``server/src/annotation.py``.

It returns the messages brat would give (an empty list means brat reads the file silently): ids
and their uniqueness; text-bound offsets (start <= end, inside the text, fragments not overlapping
or touching, covered text equal to the fragments joined by one space, then nothing or whitespace);
event, relation, equivalence, attribute, normalisation and note line shapes; every referenced id
defined; each event's trigger a T line of the event's type; no trigger referenced by anything but
an event (relations excepted, as brat's BioNLP-ST 2013 mode allows). Like brat, the text and the
.ann are read with universal newlines, so a line break inside covered text breaks the line.
``conf_problems`` checks that ``annotation.conf`` declares every type, relation and attribute used.
"""

from __future__ import annotations

import re
from pathlib import Path

_ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", errors="strict", newline=None) as handle:
        return handle.read()


def brat_problems(ann: Path) -> list[str]:
    text = _read(ann.with_suffix(".txt"))
    problems: list[str] = []
    by_id: dict[str, tuple] = {}
    refs: list[tuple[str, str, str]] = []  # (referencing id, its kind, referenced id)
    events: list[tuple[str, str, str]] = []
    for number, line in enumerate(_read(ann).splitlines(), start=1):
        def bad(why: str) -> None:
            problems.append(f"{ann.name}:{number}: {why}: {line!r}")

        if "\t" not in line:
            bad("no tab")
            continue
        ident, tail = line.split("\t", 1)
        if ident != "*" and not _ID.match(ident):
            bad("invalid id")
            continue
        if ident in by_id and ident != "*":
            bad("duplicate id")
        data, _, data_tail = tail.partition("\t")
        data_tail = "\t" + data_tail if _ else ""
        kind = ident[0]
        if kind == "T":
            try:
                label, rest = data.split(" ", 1)
                spans = []
                for piece in rest.split(";"):
                    start_str, end_str = piece.split(" ", 2)
                    if any(c.isspace() for c in end_str.rstrip()):
                        raise ValueError
                    spans.append((int(start_str), int(end_str)))
            except ValueError:
                bad("bad text-bound offsets")
                continue
            seen = []
            for start, end in spans:
                if start > end or start < 0 or end > len(text):
                    bad("offsets outside the text")
                for ostart, oend in seen:
                    if end >= ostart and start < oend:
                        bad("fragments overlap")
                seen.append((start, end))
            reftext = " ".join(text[s:e] for s, e in spans if 0 <= s <= e <= len(text))
            if not data_tail.startswith("\t") or not data_tail[1:].startswith(reftext):
                bad(f"text does not match {reftext!r}")
            elif data_tail[1 + len(reftext):] and not data_tail[1 + len(reftext)].isspace():
                bad("text not separated from the rest")
            by_id[ident] = ("T", label)
        elif kind == "E":
            head, *args = data.split(" ")
            if head.count(":") != 1:
                bad("bad event type:trigger")
                continue
            etype, trigger = head.split(":")
            if any(a.count(":") != 1 for a in args if a):
                bad("bad event argument")
            by_id[ident] = ("E", etype)
            events.append((ident, etype, trigger))
            refs += [(ident, "E", trigger)] + [(ident, "E", a.split(":")[1]) for a in args if a]
        elif kind == "R":
            parts = data.split()
            args = [p.split(":") for p in parts[1:]]
            if len(args) != 2 or any(len(a) != 2 for a in args) or args[0][0] == args[1][0]:
                bad("bad relation")
                continue
            by_id[ident] = ("R", parts[0])
            refs += [(ident, "R", a[1]) for a in args]
        elif kind == "*":
            parts = data.split()
            if len(parts) < 2:
                bad("bad equivalence")
            refs += [(ident, "*", p) for p in parts[1:]]
        elif kind in "AM":
            match = re.match(r"(.+?) (.+?) (.+?)$", data) or re.match(r"(.+?) (.+?)$", data)
            if match is None or not _ID.match(match.group(2)):
                bad("bad attribute")
                continue
            by_id[ident] = ("A", match.group(1), match.group(3) if match.lastindex == 3 else None)
            refs.append((ident, "A", match.group(2)))
        elif kind == "N":
            match = re.match(r"(\S+) (\S+) (\S+?):(\S+)", data)
            if match is None:
                bad("bad normalisation")
                continue
            by_id[ident] = ("N", match.group(1))
            refs.append((ident, "N", match.group(2)))
        elif kind == "#":
            if len(data.split()) != 2:
                bad("bad note")
                continue
            by_id[ident] = ("#", data.split()[0])
            refs.append((ident, "#", data.split()[1]))
        else:
            bad("unknown id prefix")
    for source, _, target in refs:
        if target not in by_id:
            problems.append(f"{ann.name}: ID {target} not defined, referenced from {source}")
    triggers = set()
    for ident, etype, trigger in events:
        if by_id.get(trigger, ("",))[0] != "T" or by_id[trigger][1] != etype:
            problems.append(f"{ann.name}: {ident}: trigger {trigger} is not a T line of type {etype}")
        triggers.add(trigger)
    for source, kind, target in refs:
        if target in triggers and kind not in ("E", "R"):
            problems.append(f"{ann.name}: trigger {target} referenced by non-event {source}")
    return problems


def conf_problems(folder: Path) -> list[str]:
    """Types, relations and attributes used in the folder's .ann files that annotation.conf lacks."""
    sections: dict[str, dict[str, str]] = {}
    current = ""
    for line in _read(folder / "annotation.conf").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[] ")
            sections[current] = {}
            continue
        name, _, spec = line.strip().partition("\t")
        sections[current][name.lstrip("!")] = spec
    problems = []
    for ann in sorted(folder.glob("*.ann")):
        for line in _read(ann).splitlines():
            ident, data = line.split("\t")[:2]
            kind, name = ident[0], data.split(" ")[0].split(":")[0]
            if kind == "T" and name not in sections["entities"] and name not in sections["events"]:
                problems.append(f"{ann.name}: type {name} not in annotation.conf")
            elif kind in "R*" and name not in sections["relations"]:
                problems.append(f"{ann.name}: relation {name} not in annotation.conf")
            elif kind == "E":
                spec = sections["events"].get(name)
                roles = {re.sub(r"[?*+]|\{.*\}$", "", part.split(":")[0]).strip() for part in (spec or "").split(",")}
                for arg in data.split(" ")[1:]:
                    role = re.sub(r"\d+$", "", arg.split(":")[0])
                    if spec is None or role not in roles:
                        problems.append(f"{ann.name}: event {name} role {role} not in annotation.conf")
            elif kind in "AM":
                bits = data.split(" ", 2)
                spec = sections["attributes"].get(bits[0])
                if spec is None:
                    problems.append(f"{ann.name}: attribute {bits[0]} not in annotation.conf")
                elif len(bits) > 2 and bits[2] not in spec.split("Value:")[-1].split("|"):
                    problems.append(f"{ann.name}: attribute {bits[0]} value {bits[2]} not in annotation.conf")
    return problems
