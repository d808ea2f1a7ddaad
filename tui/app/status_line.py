"""The status line, fitted to the terminal's width: at 80 columns it still says what matters.

Its parts (edits not saved, no model, what the last key did, the entity under the cursor, its links,
the model's state) each have a rank. When the whole is too wide, the parts take their shorter forms
(the message's first, as it was written to lose least; then the least important part's), then the
message is cut short (it keeps its start), then the least important parts go. Nothing is cut off
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
    """The parts, in their order, in at most ``width`` cells."""
    parts = [Part(p.text, p.rank, p.short, p.message) for p in parts if p.text.plain]
    for part in sorted(parts, key=lambda p: (not p.message, p.rank)):  # a message's short form loses least
        if _width(parts) <= width:
            break
        if part.short is not None:
            part.text = part.short
    over = _width(parts) - width
    for part in parts:
        if over > 0 and part.message and part.text.cell_len > MESSAGE_MIN:
            keep = max(MESSAGE_MIN, part.text.cell_len - over)
            part.text = _cut(part.text, keep)
            over = _width(parts) - width
    while _width(parts) > width and len(parts) > 1:
        parts.remove(min(parts, key=lambda p: p.rank))
    line = Text(GAP).join(p.text for p in parts)
    return _cut(line, width)


def _cut_words(words: str, most: int) -> str:
    return words if len(words) <= most else words[:most] + "…"


def status_parts(session, cursor: int, codebook, pipeline, message: str, message_short: str | None) -> list[Part]:
    """The status line's parts: edits not saved, the entity under the cursor (its label, words and
    status, then its links), the model's state, and what the last key did."""
    parts = []
    if session is not None:
        ent = session.entity_at(cursor)
        if ent:
            words = " ".join(session.article.text[ent.start:ent.end].split())
            style = f"bold {codebook.colour(ent.label)}"
            whole = Text.assemble((f"{ent.label} ", style), (repr(_cut_words(words, 40)), "bold"),
                                  (f" {ent.status}", "dim"))
            short = Text.assemble((f"{ent.label} ", style), (repr(_cut_words(words, 16)), "bold"),
                                  (f" {MARKS.get(ent.status, ent.status[:1])}", "dim"))
            parts += [Part(whole, 4, short), Part(links_text(session, ent), 1)]
        if session.unsaved:
            parts.insert(0, Part(Text(f"NOT SAVED: {session.unsaved} edit(s) pending", style="bold red"), 7,
                                 Text(f"NOT SAVED: {session.unsaved}", style="bold red")))
    if pipeline is None:
        parts.append(Part(Text("model loading", style="dim"), 2))
    elif pipeline.fallback:
        parts.append(Part(Text("NO MODEL: rules only", style="bold red"), 6, Text("NO MODEL", style="bold red")))
    parts.append(Part(Text(message), 5, Text(message_short) if message_short else None, message=True))
    return parts
