"""What the review screen paints: a coder's excerpt of the article with their annotations and the
differences marked, and the words that describe each coder's version of one difference."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from ...core.adjudicate import ENTITY, Unit
from ...core.codebook import Codebook
from ...core.model import Event
from ...core.team import Work
from ..textlayout import safe_text

DIFFERENCE = Style(underline=True, bold=True, color="bright_red")
CURRENT = Style(reverse=True, bold=True)
TRIGGER = Style(bold=True, underline=True, color="magenta")
WORDS = 40  # the most characters of a span quoted in a description


def excerpt_bounds(text: str, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """[lo, hi) around [start, end), cut at spaces so that no word is split."""
    lo, hi = max(0, start - before), min(len(text), end + after)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def column(text: str, work: Work, differences: list[Unit], current: Unit | None, lo: int, hi: int,
           codebook: Codebook) -> Text:
    """The coder's excerpt [lo, hi): entities in their label's colour, triggers bold and underlined,
    every difference underlined in red and the current one in reverse."""
    out = Text(safe_text(text[lo:hi]))

    def paint(start: int | None, end: int | None, style: Style) -> None:
        if start is not None and end is not None and start < hi and end > lo:
            out.stylize(style, max(start, lo) - lo, min(end, hi) - lo)

    for ent in work.entities:
        paint(ent.start, ent.end, Style(bgcolor=codebook.colour(ent.label), color="black"))
    for event in work.events:
        paint(event.trigger_start, event.trigger_end, TRIGGER)
    for unit in differences:
        paint(unit.start, unit.end, DIFFERENCE)
    if current is not None:
        paint(current.start, current.end, CURRENT)
    if lo > 0:
        out = Text("… ") + out
    if hi < len(text):
        out.append(" …")
    return out


def quote(text: str, start: int | None, end: int | None) -> str:
    words = safe_text(text[start:end]) if start is not None and end is not None else ""
    return words if len(words) <= WORDS else words[: WORDS - 1] + "…"


def describe_event(event: Event, text: str, keys: list[str], codebook: Codebook) -> str:
    parts = [codebook.kind_of(event.type, event.subtype)]  # as the coders read it in the app
    if event.trigger_start is not None:
        parts[0] += f" «{quote(text, event.trigger_start, event.trigger_end)}»"
    parts += [f"{a.role}: {quote(text, a.start, a.end) if a.has_span else a.value}" for a in event.arguments]
    parts += [f"{key} {event.fields.get(key, '–')}" for key in keys]
    return "; ".join(parts)


def differing_fields(unit: Unit) -> list[str]:
    """The event fields whose values differ between the coders' versions (notes aside)."""
    events = [e for version in unit.versions for e in version]
    keys = sorted({k for e in events for k in e.fields if k != "notes"})
    return [k for k in keys if len({str(e.fields.get(k, "")) for e in events}) > 1]


def describe(unit: Unit, text: str, codebook: Codebook) -> list[Text]:
    """One line per coder's version of the unit (``(nothing)`` when they have no record there)."""
    keys = [] if unit.kind == ENTITY else differing_fields(unit)
    lines = []
    for version in unit.versions:
        if not version:
            lines.append(Text("(nothing)", style="dim"))
        elif unit.kind == ENTITY:
            line = Text()
            for i, ent in enumerate(version):
                line.append(" | " if i else "")
                line.append(f" {ent.label} ", Style(bgcolor=codebook.colour(ent.label), color="black"))
                line.append(f" {quote(text, ent.start, ent.end)}")
            lines.append(line)
        else:
            lines.append(Text(" | ".join(describe_event(e, text, keys, codebook) for e in version)))
    return lines
