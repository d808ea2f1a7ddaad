"""The article pane: soft-wrapped text with entities, a cursor and a selection, painted line by line.

It renders only the visible lines (``render_line``, as Toolong does) and a key repaints only the lines
it changed, so the cost of a key does not depend on the article's length.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.codebook import Codebook
from ...core.session import ArticleSession
from ...core.tokens import TokenIndex
from ..textlayout import MEASURE, cells, line_of, offset_at_cell, safe_text, wrap
from .article_selection import ArticleSelection

CURSOR = Style(reverse=True, bold=True)
SELECTION = Style(bgcolor="#3a4f7a")
MATCH = Style(bgcolor="#6b5b00")
CURRENT_MATCH = Style(bgcolor="#b58900", color="black")


@dataclass(frozen=True)
class Overlay:
    """A styled range drawn over the text: an event's trigger or argument, say."""

    start: int
    end: int
    style: Style


class ArticleView(ArticleSelection, ScrollView, can_focus=True):
    """Shows one article; owns the cursor, the selection (see ``ArticleSelection``) and the search matches."""

    ALLOW_SELECT = False  # our own selection, by keys and by mouse drag

    BINDINGS = [
        Binding("left,h", "move(-1)", "Left", show=False, id="cursor.left"),
        Binding("right,l", "move(1)", "Right", show=False, id="cursor.right"),
        Binding("up,k", "move_line(-1)", "Up", show=False, id="cursor.up"),
        Binding("down,j", "move_line(1)", "Down", show=False, id="cursor.down"),
        Binding("w", "word(1)", "Next word", show=False, id="cursor.word_next"),
        Binding("b", "word(-1)", "Previous word", show=False, id="cursor.word_previous"),
        Binding("shift+left", "extend(-1)", "Extend left", show=False, id="select.left"),
        Binding("shift+right", "extend(1)", "Extend right", show=False, id="select.right"),
        Binding("shift+up", "extend_line(-1)", "Extend up", show=False, id="select.up"),
        Binding("shift+down", "extend_line(1)", "Extend down", show=False, id="select.down"),
        Binding("v", "toggle_select", "Select", id="select.toggle"),
        Binding("escape", "clear_selection", "Clear selection", show=False, id="select.clear"),
        Binding("pageup,ctrl+u", "page(-1)", "Page up", show=False, id="cursor.page_up"),
        Binding("pagedown,ctrl+d", "page(1)", "Page down", show=False, id="cursor.page_down"),
        Binding("home,0", "line_edge(0)", "Line start", show=False, id="cursor.line_start"),
        Binding("end,$", "line_edge(1)", "Line end", show=False, id="cursor.line_end"),
        Binding("g", "goto_edge(0)", "Top", show=False, id="cursor.top"),
        Binding("G", "goto_edge(1)", "Bottom", show=False, id="cursor.bottom"),
    ]

    DEFAULT_CSS = """
    ArticleView { background: $surface; padding: 0 1; }
    """

    class CursorMoved(Message):
        def __init__(self, view: "ArticleView", offset: int) -> None:
            super().__init__()
            self.view = view
            self.offset = offset

    class StoppedAtSentenceEnd(Message):
        """``w`` / ``b`` would have taken the selection into another sentence."""

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False, init=False)

    def __init__(self, codebook: Codebook, **kwargs) -> None:
        super().__init__(**kwargs)
        self.codebook = codebook
        self.session: ArticleSession | None = None
        self.tokens: TokenIndex | None = None
        self.text = ""
        self._lines: list[tuple[int, int]] = [(0, 0)]
        self._starts: list[int] = [0]
        self._wrap_room: Size | None = None  # the pane's size the lines were wrapped for
        self.anchor: int | None = None
        self.visual = False
        self._goal_cell: int | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_index = -1
        self.overlays: list[Overlay] = []
        self._dragging = False
        self._styles = self._entity_styles()

    # -- content -------------------------------------------------------------------------------

    def show(self, session: ArticleSession, tokens: TokenIndex, cursor: int = 0) -> None:
        """Display an article's session; put the cursor at ``cursor``."""
        self.session = session
        self.tokens = tokens
        self.text = safe_text(session.article.text)
        self.anchor = None
        self.visual = False
        self.matches, self.match_index = [], -1
        self.overlays = []
        self._wrap_room = None
        self._relayout()
        self.cursor = min(cursor, self._max_offset())
        self.scroll_to(0, max(line_of(self._starts, self.cursor) - 2, 0), animate=False)
        self.refresh()

    def _entity_styles(self) -> dict[tuple[str, str], Style]:
        styles = {}
        for name, label in self.codebook.entity_labels.items():
            styles[(name, "accepted")] = Style(bgcolor=label.colour, color="black")
            styles[(name, "suggested")] = Style(color=label.colour, underline=True, italic=True)
        return styles

    def entity_style(self, label: str, status: str) -> Style:
        style = self._styles.get((label, status))
        if style is None:
            colour = self.codebook.colour(label)
            style = Style(bgcolor=colour, color="black") if status == "accepted" else Style(
                color=colour, underline=True, italic=True)
            self._styles[(label, status)] = style
        return style

    def _relayout(self) -> None:
        """Wrap to the columns the text really has: the pane's, less its vertical scrollbar's when the
        lines overflow the rows. Worked out from the pane's size, not from whether a scrollbar shows
        now (that is the previous article's, or the previous width's), so no line goes under it."""
        room = self.content_region.size
        if room == self._wrap_room:
            return
        self._wrap_room = room
        width = min(max(room.width - self.styles.scrollbar_size_vertical, 10), MEASURE)
        lines = wrap(self.text, width) or [(0, 0)]
        if len(lines) <= room.height and width < min(room.width, MEASURE):  # no scrollbar: its columns too
            width = min(room.width, MEASURE)
            lines = wrap(self.text, width) or [(0, 0)]
        self._lines = lines
        self._starts = [s for s, _ in lines]
        self.virtual_size = Size(width, len(lines))

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_cursor_visible()
        self.refresh()

    def _max_offset(self) -> int:
        return max(len(self.text) - 1, 0)

    # -- painting ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if index >= len(self._lines) or self.session is None:
            return Strip.blank(width, self.rich_style)
        start, end = self._lines[index]
        base = self.rich_style
        text = self.text
        # One style per character of the line, then runs of equal style become segments.
        styles: list[Style] = [base] * (end - start)
        for ent in self.session.entities_in(start, end):
            if ent.status == "rejected":
                continue
            self._paint(styles, start, end, ent.start, ent.end, self.entity_style(ent.label, ent.status))
        for ov in self._overlays_in(start, end):
            self._paint(styles, start, end, ov.start, ov.end, ov.style)
        for i, (ms, me) in self._matches_in(start, end):
            self._paint(styles, start, end, ms, me, CURRENT_MATCH if i == self.match_index else MATCH)
        selection = self.selection()
        if selection:
            self._paint(styles, start, end, selection[0], selection[1], SELECTION)
        segments = []
        run_start = start
        for i in range(start + 1, end + 1):
            if i == end or styles[i - start] != styles[run_start - start]:
                segments.append(Segment(text[run_start:i], styles[run_start - start]))
                run_start = i
        cursor = self.cursor
        if start <= cursor < end:
            segments = self._with_cursor(segments, cursor - start)
        elif cursor == end and (end >= len(text) or text[end] == "\n"):
            segments.append(Segment(" ", base + CURSOR if self.has_focus else base + Style(underline=True)))
        strip = Strip(segments)
        return strip.extend_cell_length(width, base).crop(0, width)

    @staticmethod
    def _paint(styles: list[Style], start: int, end: int, s: int, e: int, style: Style) -> None:
        for i in range(max(s, start), min(e, end)):
            styles[i - start] = styles[i - start] + style

    def _with_cursor(self, segments: list[Segment], at: int) -> list[Segment]:
        out, pos = [], 0
        mark = CURSOR if self.has_focus else Style(underline=True, bold=True)
        for seg in segments:
            n = len(seg.text)
            if pos <= at < pos + n:
                k = at - pos
                if k:
                    out.append(Segment(seg.text[:k], seg.style))
                out.append(Segment(seg.text[k], seg.style + mark))
                if k + 1 < n:
                    out.append(Segment(seg.text[k + 1:], seg.style))
            else:
                out.append(seg)
            pos += n
        return out

    def _overlays_in(self, start: int, end: int) -> list[Overlay]:
        return [o for o in self.overlays if o.start < end and o.end > start]

    def _matches_in(self, start: int, end: int):
        i = bisect_left(self.matches, (start - 200, 0))
        while i < len(self.matches) and self.matches[i][0] < end:
            if self.matches[i][1] > start:
                yield i, self.matches[i]
            i += 1

    def refresh_offsets(self, start: int, end: int) -> None:
        """Repaint only the screen lines that show [start, end)."""
        first = line_of(self._starts, start)
        last = line_of(self._starts, max(end - 1, start))
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        first, last = max(first, top), min(last, top + height - 1)
        if first <= last:
            self.refresh(Region(0, first - top, self.size.width, last - first + 1))

    # -- cursor --------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if self.anchor is not None:
            low, high = min(self.anchor, old, new), max(self.anchor, old, new)
            self.refresh_offsets(low, high + 1)
        else:
            self.refresh_offsets(old, old + 1)
            self.refresh_offsets(new, new + 1)
        self._scroll_cursor_visible()
        self.post_message(self.CursorMoved(self, new))

    def _scroll_cursor_visible(self) -> None:
        line = line_of(self._starts, self.cursor)
        top = int(self.scroll_offset.y)
        height = max(self.scrollable_content_region.height, 1)
        if line < top:
            self.scroll_to(y=line, animate=False)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False)

    def move_to(self, offset: int, extend: bool = False, keep_goal: bool = False) -> None:
        if extend and self.anchor is None:
            self.anchor = self.cursor
        elif not extend and not self.visual and self.anchor is not None:
            self.clear_selection()
        if not keep_goal:
            self._goal_cell = None
        self.cursor = min(max(offset, 0), self._max_offset())

    def _line_move_target(self, delta: int) -> int:
        line = line_of(self._starts, self.cursor)
        start, _ = self._lines[line]
        if self._goal_cell is None:
            self._goal_cell = cells(self.text[start:self.cursor])
        target = min(max(line + delta, 0), len(self._lines) - 1)
        s, e = self._lines[target]
        return offset_at_cell(self.text, s, e, self._goal_cell)

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_move_line(self, delta: int) -> None:
        self.move_to(self._line_move_target(delta), keep_goal=True)

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        self.move_to(self._line_move_target(direction * height), keep_goal=True)

    def action_line_edge(self, which: int) -> None:
        s, e = self._lines[line_of(self._starts, self.cursor)]
        self.move_to(s if which == 0 else max(e - 1, s))

    def action_goto_edge(self, which: int) -> None:
        self.move_to(0 if which == 0 else self._max_offset())

    # -- search --------------------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Find every case-insensitive match; put the cursor on the first after it. Return the count."""
        self.matches, self.match_index = [], -1
        if query:
            haystack, needle = self.text.lower(), query.lower()
            if len(haystack) == len(self.text):
                pos = haystack.find(needle)
                while pos >= 0:
                    self.matches.append((pos, pos + len(needle)))
                    pos = haystack.find(needle, pos + max(len(needle), 1))
        self.refresh()
        if self.matches:
            self.jump_match(1, from_offset=self.cursor - 1)
        return len(self.matches)

    def jump_match(self, direction: int, from_offset: int | None = None) -> bool:
        if not self.matches:
            return False
        here = self.cursor if from_offset is None else from_offset
        starts = [m[0] for m in self.matches]
        if direction > 0:
            i = bisect_left(starts, here + 1)
            i = 0 if i >= len(starts) else i
        else:
            i = bisect_left(starts, here) - 1
            i = len(starts) - 1 if i < 0 else i
        old = self.match_index
        self.match_index = i
        if 0 <= old < len(self.matches):
            self.refresh_offsets(*self.matches[old])
        self.refresh_offsets(*self.matches[i])
        self.move_to(self.matches[i][0])
        return True

    def clear_search(self) -> None:
        if self.matches:
            self.matches, self.match_index = [], -1
            self.refresh()

    # -- focus ---------------------------------------------------------------------------------

    def on_focus(self) -> None:
        self.refresh_offsets(self.cursor, self.cursor + 1)

    def on_blur(self) -> None:
        self.refresh_offsets(self.cursor, self.cursor + 1)
