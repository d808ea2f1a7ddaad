"""Where the panes go at each terminal size, and the keys that show or hide a side pane.

The article always gets the room first: at least ``MIN_TEXT`` columns of text, at most ``MEASURE``
(a readable line); the event panel gets what is left beside it, or goes under the article when the
terminal is too narrow for both; the article list shows by itself only where the article has its
whole measure and the event panel a roomy width beside it (the list matters less while coding). F2 and F3 show or
hide the list and the event panel whatever the width; the coder's choice holds until a resize changes the
layout's shape (side by side, or above and under the text), which starts again from that shape's own panes,
but for the pane that has the keys: it stays on screen (under the text if need be), never hidden and focused.
z zooms the event panel to the whole screen (Textual's maximize) and back.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.screen import Screen

from .textlayout import MEASURE

MIN_TEXT = 60
ARTICLE_FRAME = 4  # the article pane's border and padding
LIST_WIDTH = 36
EVENTS_MIN = 44
BESIDE_FROM = MIN_TEXT + ARTICLE_FRAME + EVENTS_MIN  # narrower than this, the events go under the text
EVENTS_ROOMY = 60  # the event panel's width before the article list gets a place
LIST_FROM = MEASURE + ARTICLE_FRAME + EVENTS_ROOMY + LIST_WIDTH  # the list shows by itself from this width
STACKED_EVENTS_FROM_HEIGHT = 32  # under the text, the event panel shows by itself from this height
STACKED_BOTH_FROM_HEIGHT = 40  # lower than this, above and under the text, one side pane at a time

PANE_BINDINGS = [
    Binding("f2", "toggle_pane('list')", "Articles", key_display="F2", id="pane.articles",
            tooltip="Show or hide the article list"),
    Binding("f3", "toggle_pane('events')", "Events", key_display="F3", id="pane.events",
            tooltip="Show or hide the event panel"),
    Binding("z", "zoom_events", "Zoom events", show=False, id="pane.zoom_events",
            tooltip="The event panel on the whole screen, or back (Escape too)"),
]
PINNED = ("quit", "help", "toggle_pane('list')", "toggle_pane('events')")


@dataclass(frozen=True)
class Plan:
    show_list: bool
    show_events: bool
    stacked: bool  # the event panel (and the list) above and under the article, not beside it
    reader_width: int | None  # None: whatever is left


def plan_layout(width: int, height: int, want_list: bool | None = None,
                want_events: bool | None = None) -> Plan:
    """The panes for a terminal of ``width`` x ``height``; ``want_*`` is the coder's F2/F3 choice."""
    stacked = width < BESIDE_FROM
    show_list = (width >= LIST_FROM) if want_list is None else want_list
    if want_events is not None:
        show_events = want_events
    else:
        show_events = not stacked or height >= STACKED_EVENTS_FROM_HEIGHT
    reader_width = None
    if not stacked and show_events:
        room = width - (LIST_WIDTH if show_list else 0) - EVENTS_MIN
        reader_width = max(min(MEASURE + ARTICLE_FRAME, room), 20)
    return Plan(show_list, show_events, stacked, reader_width)


class MainScreen(Screen):
    """The app's screen: its footer lists Quit, Help and the pane keys first, so that they are
    never the keys cut off at the right of a narrow terminal. A zoomed (maximized) pane keeps the
    status line and the footer."""

    ALLOW_IN_MAXIMIZED_VIEW = "Footer, #status"

    _unzoom_quietly = False  # the zoom ends because the keys went elsewhere: their message stays

    def watch_maximized(self, maximized) -> None:
        """Zoomed or back (z, or Escape, which Textual handles itself): the panes' sizes follow."""
        if self.query("#panes"):
            self.app.apply_layout()
            if self._unzoom_quietly:
                self._unzoom_quietly = False
            elif maximized is not None:
                self.app._set_message("event panel zoomed: z or Escape gives the article back",
                                      "events zoomed (z/Esc back)")
            else:
                where = "under" if self.app.current_plan().stacked else "beside"
                self.app._set_message(f"event panel back {where} the article (z zooms it)", "events unzoomed (z)")

    def on_descendant_focus(self, event) -> None:
        """The keys went to a pane the zoom hides (``d`` or ``]`` opening the next article, say): the
        zoom ends, so the coder sees where the keys act and never edits an article out of sight."""
        if self.maximized is not None and self.maximized not in event.widget.ancestors_with_self:
            self._unzoom_quietly = True
            self.minimize()

    @property
    def active_bindings(self):
        bindings = super().active_bindings

        def rank(item) -> int:
            action = item[1].binding.action.removeprefix("app.")
            return PINNED.index(action) if action in PINNED else len(PINNED)
        return dict(sorted(bindings.items(), key=rank))

    def on_resize(self, event) -> None:
        """The screen, not the app, hears a terminal resize once its size is known: lay out again."""
        if self.query("#panes"):  # composed: the panes exist
            self.app.apply_layout()


class PaneLayout:
    """A mixin of ``NewsmarkApp``: lays the panes out on every resize and on F2 / F3."""

    _want_list: bool | None = None
    _want_events: bool | None = None
    _was_stacked: bool | None = None  # the layout's shape when it was last applied

    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    def current_plan(self) -> Plan:
        return plan_layout(self.size.width, self.size.height, self._want_list, self._want_events)

    def apply_layout(self) -> None:
        stacked = plan_layout(self.size.width, self.size.height).stacked
        if self._was_stacked is not None and stacked != self._was_stacked:
            # The F2 / F3 choice was for the other shape (one pane at a time above and under the
            # text, say): a terminal now wide enough for panes side by side starts from its own.
            self._want_list = self._want_events = None
            self._keep_focused_pane(stacked)
        self._was_stacked = stacked
        plan = self.current_plan()
        self.query_one("#panes").set_class(plan.stacked, "-stacked")
        self.query_one("#articles").display = plan.show_list
        events = self.query_one("#events")
        events.display = plan.show_events
        # Under the text, the panel takes at most a third of a short terminal: the article keeps its rows.
        zoomed = self.screen.maximized is events
        events.styles.height = (max(6, min(11, (self.size.height - 8) // 2)) if plan.stacked and not zoomed
                                else "1fr")
        self.query_one("#reader").styles.width = plan.reader_width or "1fr"
        focused = self.focused
        if focused is not None and not all(node.display for node in focused.ancestors_with_self
                                           if node is not self and node is not self.screen):
            self.view.focus()  # the pane that had the focus is hidden: back to the article
            self._set_message("side pane hidden; article focused (F2 list, F3 events)")
        self._show_status()  # fitted to the new width

    def _keep_focused_pane(self, stacked: bool) -> None:
        """A resize to the other shape: the side pane that has the keys stays on screen (under the
        text on a small terminal), so the keys never act in a pane the coder cannot see."""
        focused = self.focused
        if focused is None:
            return
        short = stacked and self.size.height < STACKED_BOTH_FROM_HEIGHT  # one side pane at a time
        for pane_id in ("#events", "#articles"):
            if self.query_one(pane_id) in focused.ancestors_with_self:
                if pane_id == "#events":
                    self._want_events = True
                    self._want_list = False if short else None
                else:
                    self._want_list = True
                    self._want_events = False if short else None

    def action_zoom_events(self) -> None:
        """The event panel on the whole screen, its table above the whole of the current event (a
        terminal of 24 rows shows six lines of it under the article); again, or Escape, gives the
        panes back."""
        events = self.query_one("#events")
        screen = self.screen
        if screen.maximized is events:
            screen.minimize()
            return
        if not self.current_plan().show_events:
            self._want_events = True
            self.apply_layout()
        screen.maximize(events, container=False)
        self.query_one("#event-table").focus()

    def action_toggle_pane(self, which: str) -> None:
        if self.screen.maximized is not None:
            self.screen.minimize()  # F2 / F3 act on the panes as they are laid out
        plan = self.current_plan()
        pane_node = self.query_one("#articles" if which == "list" else "#events")
        had_focus = self.focused
        # Hiding the pane that has the keys gives them to the article (``apply_layout``).
        to_article = had_focus is self.view or (had_focus is not None and pane_node in had_focus.ancestors_with_self)
        if which == "list":
            self._want_list = shown = not plan.show_list
            if shown and plan.stacked and self.size.height < STACKED_BOTH_FROM_HEIGHT:
                self._want_events = False  # the article keeps its rows
        else:
            self._want_events = shown = not plan.show_events
            if shown and plan.stacked and self.size.height < STACKED_BOTH_FROM_HEIGHT:
                self._want_list = False
        self.apply_layout()
        name, key = ("article list", "F2") if which == "list" else ("event panel", "F3")
        if shown:  # as in brat or INCEpTION, a panel the coder asked for has the keys
            pane = self.article_list if which == "list" else self.query_one("#event-table")
            self.call_after_refresh(pane.focus)  # once laid out: a pane just shown takes no focus before
        # Short enough to be whole on the status line at 80 columns.
        if shown:
            self._set_message(f"{name} shown and focused ({key} hides it)")
        else:
            self._set_message(f"{name} hidden" + ("; article focused" if to_article else "") + f" ({key})")
