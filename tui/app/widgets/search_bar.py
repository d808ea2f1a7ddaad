"""The search line (``/``): type, Enter jumps to the first match, Escape gives up."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]
    DEFAULT_CSS = """
    SearchBar { display: none; height: 3; border: round $accent; }
    SearchBar.-open { display: block; }
    """

    class Done(Message):
        def __init__(self, query: str | None) -> None:
            super().__init__()
            self.query = query  # None when cancelled

    def open(self) -> None:
        self.add_class("-open")
        self.value = ""
        self.screen.set_focus(self)  # at once, not after a refresh as ``focus()``: see ``NewsmarkApp._on_key``

    def close(self) -> None:
        self.remove_class("-open")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.post_message(self.Done(event.value))

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Done(None))

