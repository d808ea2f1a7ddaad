"""Soft-wrapping an article into screen lines, and making its text safe to paint.

Every character of the article keeps exactly one place on screen (control characters become one
visible symbol), so a character offset and a screen cell map to each other without a table.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import get_character_cell_size

# C0 and C1 controls, DEL, and Unicode bidi/format controls that could reorder or hide text.
MEASURE = 100  # the longest article line, in columns: about what a newspaper or book line holds

_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _symbol(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟: the Unicode control pictures
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def safe_text(text: str) -> str:
    """The text with every control character replaced by one visible, harmless symbol."""
    return _UNSAFE.sub(_symbol, text)


def char_cells(ch: str) -> int:
    return 1 if ch < "\u0300" else get_character_cell_size(ch)


def cells(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(char_cells(c) for c in text)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Screen lines as (start, end) offsets: words kept whole where they fit, end excluding newlines."""
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while True:
        nl = text.find("\n", start)
        end = length if nl < 0 else nl
        _wrap_paragraph(text, start, end, width, lines)
        if nl < 0:
            break
        start = nl + 1
    return lines


def _wrap_paragraph(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    if start == end:
        out.append((start, end))
        return
    ascii_only = text[start:end].isascii()
    pos = start
    while pos < end:
        if ascii_only:
            limit = min(end, pos + width)
        else:
            used, limit = 0, pos
            while limit < end:
                w = char_cells(text[limit])
                if used + w > width and limit > pos:
                    break
                used += w
                limit += 1
        if limit >= end:
            out.append((pos, end))
            return
        space = text.rfind(" ", pos, limit)
        cut = space + 1 if space > pos else limit
        out.append((pos, cut))
        pos = cut


def line_of(starts: list[int], offset: int) -> int:
    """The screen line holding ``offset``, given the sorted line starts."""
    return max(bisect_right(starts, offset) - 1, 0)


def offset_at_cell(text: str, start: int, end: int, cell: int) -> int:
    """The offset in line [start, end) drawn at screen column ``cell`` (end if past the text)."""
    if text[start:end].isascii():
        return min(start + max(cell, 0), end)
    used = 0
    for i in range(start, end):
        used += char_cells(text[i])
        if used > cell:
            return i
    return end
