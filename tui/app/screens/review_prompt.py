"""The one-line question that `d` asks when suggestions are left: accept all, reject all, or go back.

One key answers (`a`, `r`, or Escape/`b` to go back); any other key is refused with a bell, so a
stray key never answers for the coder.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

ANSWERS = {"a": "accept", "r": "reject", "escape": None, "b": None}


class ReviewPromptScreen(ModalScreen[str | None]):
    """Returns "accept", "reject", or None (go back)."""

    DEFAULT_CSS = """
    ReviewPromptScreen { align: center bottom; background: $background 30%; }
    ReviewPromptScreen > Static { width: 100%; height: 1; padding: 0 1; margin-bottom: 2;
                                  background: $warning; color: $text; text-style: bold; }
    """

    def __init__(self, suggestions: int) -> None:
        super().__init__()
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        # Short enough for an 80-column terminal (78 columns inside the padding) with a 5-digit count.
        yield Static(f"{self.suggestions} entity suggestion(s) left: a accept all · r reject all · b/Esc go back",
                     id="review-question")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key in ANSWERS:
            self.dismiss(ANSWERS[event.key])
        else:
            self.app.bell()
