"""The search line (``/``): type, Enter jumps to the first match, Escape gives up.

Enter and Escape close the line, give the focus back and search, all at once (see
``tui.app.key_routing``), so the keys typed after them in the same burst act on the article as
searched (``n`` the next match), never in the closed line.
"""

from __future__ import annotations

from typing import Callable

from textual.binding import Binding
from textual.widget import Widget

from ..key_routing import LineInput


class SearchBar(LineInput):
    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]
    DEFAULT_CSS = """
    SearchBar { display: none; height: 3; border: round $accent; }
    SearchBar.-open { display: block; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, on_enter=lambda bar: bar.finish(bar.value), **kwargs)
        self.give_back_to: Widget | None = None
        self.then: Callable[[str | None], None] = lambda query: None

    def open(self, give_back_to: Widget, then: Callable[[str | None], None]) -> None:
        """Open and take the focus at once (not after a refresh, as ``focus()`` would); Enter or
        Escape gives it to ``give_back_to`` and calls ``then`` with the words (None when cancelled)."""
        self.give_back_to, self.then = give_back_to, then
        self.add_class("-open")
        self.value = ""
        self.screen.set_focus(self)

    def finish(self, query: str | None) -> None:
        self.remove_class("-open")
        self.screen.set_focus(self.give_back_to)
        self.then(query)

    def action_cancel(self) -> None:
        self.finish(None)
