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
