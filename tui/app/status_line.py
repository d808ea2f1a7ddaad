"""The status line, fitted to the terminal's width: at 80 columns it still says what matters.

Its parts (edits not saved, no model, what the last key did, the entity under the cursor, its links,
the event the coder is looking at with the evidence that chose its type, the model's state) each have
a rank. When the whole is too wide, shorter forms come first, and the
parts less important than the message give way before it is cut (see ``fit``). Nothing is cut off
silently at the edge: a cut ends in "…".
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from .relation_actions import links_text
from .widgets.event_panel import MARKS

GAP = "  "
MESSAGE_MIN = 30  # the message is cut no shorter than this before other parts go


@dataclass
class Part:
    text: Text
    rank: int  # the lower, the sooner it is shortened or dropped
    short: Text | None = None  # a shorter form, tried before the part is dropped
    message: bool = False  # the message: cut short (to MESSAGE_MIN) before parts are dropped


def _width(parts: list[Part]) -> int:
    return sum(p.text.cell_len for p in parts) + len(GAP) * max(0, len(parts) - 1)


def _cut(text: Text, width: int) -> Text:
    if text.cell_len <= width:
        return text
    cut = text.copy()
    cut.truncate(max(1, width), overflow="ellipsis")
    return cut


def fit(parts: list[Part], width: int) -> Text:
    """The parts, in their order, in at most ``width`` cells. Until they fit: the message's short
    form; the parts less important than the message take their short forms, or go if they have none
    (least important first); the more important ones take their short forms; the message is cut to
    ``MESSAGE_MIN``; the less important parts go; the message is cut further, or goes; then the least
    important of the rest."""
    parts = [Part(p.text, p.rank, p.short, p.message) for p in parts if p.text.plain]
    message = next((p for p in parts if p.message), None)
    below = message.rank if message else 0

    def fits() -> bool:
        return _width(parts) <= width

    def shorten_or_drop(part: Part, drop: bool) -> None:
        if part.short is not None and part.text is not part.short:
            part.text = part.short
        elif drop:
            parts.remove(part)

    if message is not None and not fits():
        shorten_or_drop(message, drop=False)
    for part in sorted(parts, key=lambda p: p.rank):
        if not fits():
            shorten_or_drop(part, drop=part.rank < below and part is not message)
    for part in sorted(parts, key=lambda p: p.rank):
        if not fits():
            shorten_or_drop(part, drop=False)
    whole = message.text if message is not None else None
    if message is not None and not fits() and message.text.cell_len > MESSAGE_MIN:
        message.text = _cut(message.text, max(MESSAGE_MIN, message.text.cell_len - (_width(parts) - width)))
    for part in sorted(parts, key=lambda p: p.rank):
        if not fits() and part.rank < below and part is not message:
            parts.remove(part)
    if message is not None and len(parts) > 1:  # as much of the message as the room left takes
        room = width - (_width(parts) - message.text.cell_len)
        if room >= 8:
            message.text = _cut(whole, room)
        else:
            parts.remove(message)
    while not fits() and len(parts) > 1:
        parts.remove(min(parts, key=lambda p: p.rank))
    return _cut(Text(GAP).join(p.text for p in parts), width)


def _cut_words(words: str, most: int) -> str:
    return words if len(words) <= most else words[:most] + "…"


def event_part(event) -> Part | None:
    """The event the coder is looking at, as far as deciding on it goes: its status, how the text
    presents it (its modality: generic, hypothetical, negated, future, background) and why it has
    its type (its evidence). None for an event with neither, such as one the coder made."""
    if event is None or not (event.evidence or event.modality):
        return None
    mark = (f"{MARKS.get(event.status, event.status[:1])} ", "dim")
    modality = (f"{event.modality} ", "bold yellow") if event.modality else ""
    evidence = " ".join(event.evidence.split())
    return Part(Text.assemble(mark, modality, _cut_words(evidence, 90)), 4,
                Text.assemble(mark, modality, _cut_words(evidence, 28)))


def status_parts(session, cursor: int | None, codebook, pipeline, message: str, message_short: str | None,
                 event=None) -> list[Part]:
    """The status line's parts: edits not saved, the entity under the article's cursor (its label,
    words and status, then its links; none when ``cursor`` is None, the coder being in the event
    panel), the event the coder is looking at (see ``event_part``), the model's state, and what the
    last key did."""
    parts = []
    if session is not None:
        ent = session.entity_at(cursor) if cursor is not None else None
        if ent:
            words = " ".join(session.article.text[ent.start:ent.end].split())
            style = f"bold {codebook.colour(ent.label)}"
            whole = Text.assemble((f"{ent.label} ", style), (repr(_cut_words(words, 40)), "bold"),
                                  (f" {ent.status}", "dim"))
            short = Text.assemble((f"{ent.label} ", style), (repr(_cut_words(words, 16)), "bold"),
                                  (f" {MARKS.get(ent.status, ent.status[:1])}", "dim"))
            links = links_text(session, ent)
            links.rstrip()
            parts += [Part(whole, 4, short), Part(links, 1)]
        if session.unsaved:
            parts.insert(0, Part(Text(f"NOT SAVED: {session.unsaved} edit(s) pending", style="bold red"), 7,
                                 Text(f"NOT SAVED: {session.unsaved}", style="bold red")))
    looked_at = event_part(event)
    if looked_at is not None:
        parts.append(looked_at)
    if pipeline is None:
        parts.append(Part(Text("model loading", style="dim"), 2))
    elif pipeline.fallback:
        parts.append(Part(Text("NO MODEL: rules only", style="bold red"), 6, Text("NO MODEL", style="bold red")))
    elif pipeline.trained:  # `--model DIR`: which model suggests stays in sight, and whose suggestions these are
        other = session.analysed if session is not None and session.analysed not in (None, "", pipeline.name) else ""
        whose = f"; suggestions here from {other} (suggest --model DIR --reanalyse renews them)" if other else ""
        parts.append(Part(Text(f"model {pipeline.wanted}{whose}", style="dim"), 2,
                          Text(f"model {pipeline.folder_name}{' (not its suggestions)' if other else ''}", style="dim")))
    parts.append(Part(Text(message), 5, Text(message_short) if message_short else None, message=True))
    return parts
