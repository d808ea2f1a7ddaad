"""The article pane's selection: ``v`` and shift+arrows, words that stop at a sentence's end, and a
mouse drag. A mixin of ``ArticleView``, whose cursor, anchor and lines it works on."""

from __future__ import annotations

from textual import events

from ...core.tokens import sentence_end_between
from ..textlayout import offset_at_cell


class ArticleSelection:
    """The selection runs from ``anchor`` to the cursor; ``visual`` (after ``v``) makes moves extend it."""

    def selection(self) -> tuple[int, int] | None:
        """The selected range [start, end), inclusive of the character under the cursor."""
        if self.anchor is None:
            return None
        low, high = sorted((self.anchor, self.cursor))
        return low, min(high + 1, len(self.text))

    def clear_selection(self) -> None:
        selection = self.selection()
        self.anchor = None
        self.visual = False
        if selection:
            self.refresh_offsets(*selection)

    def action_extend(self, delta: int) -> None:
        self.move_to(self.cursor + delta, extend=True)

    def action_extend_line(self, delta: int) -> None:
        self.move_to(self._line_move_target(delta), extend=True, keep_goal=True)

    def action_word(self, direction: int) -> None:
        """Move by a word; a selection growing by words stops at the end of its sentence (an entity
        never spans two), with the bell and a word on the status line: shift+arrows take it further."""
        if self.tokens is None:
            return
        if direction > 0:
            target = self.tokens.next_word(self.cursor)
        else:
            target = self.tokens.previous_word(self.cursor)
        if self.visual and self.anchor is not None:
            anchor = self.anchor
            if (sentence_end_between(self.text, min(anchor, target), max(anchor, target))
                    and not sentence_end_between(self.text, min(anchor, self.cursor), max(anchor, self.cursor))):
                self.app.bell()
                self.post_message(self.StoppedAtSentenceEnd())
                return
        self.move_to(target, extend=self.visual)

    def action_toggle_select(self) -> None:
        if self.visual:
            self.visual = False  # the selection stays for the next action; moving clears it
        else:
            self.clear_selection()
            self.anchor = self.cursor
            self.visual = True
            self.refresh_offsets(self.cursor, self.cursor + 1)

    def action_clear_selection(self) -> None:
        self.clear_selection()

    # -- mouse: a drag selects -----------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int:
        region = self.scrollable_content_region
        line = min(max(y - (region.y - self.region.y) + int(self.scroll_offset.y), 0), len(self._lines) - 1)
        s, e = self._lines[line]
        return min(offset_at_cell(self.text, s, e, x - (region.x - self.region.x)), self._max_offset())

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.focus()
        self.clear_selection()
        self.move_to(self.offset_at(event.x, event.y))
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:  # between our mouse down and up; the mouse is captured meanwhile
            target = self.offset_at(event.x, event.y)
            if target != self.cursor:
                self.move_to(target, extend=True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
