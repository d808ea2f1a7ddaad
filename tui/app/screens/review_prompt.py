"""The question that `d` asks when suggestions are left: accept all, reject all, or go back; with
event suggestions left, also accept the entities and reject the events (an article with no event).

One key answers (`a`, `r`, `e` when offered, or Escape/`b` to go back); any other key is refused with
a bell, so a stray key never answers for the coder.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from ..key_routing import hand_on

ANSWERS = {"a": "accept", "r": "reject", "escape": None, "b": None}
ENTITIES_ONLY = "e"  # accept the entities, reject the events: offered only with events left


class ReviewPromptScreen(ModalScreen[str | None]):
    """Returns "accept", "reject", "entities" (accept those, reject the events), or None (go back)."""

    DEFAULT_CSS = """
    ReviewPromptScreen { align: center bottom; background: $background 30%; }
    ReviewPromptScreen > Static { width: 100%; height: auto; padding: 0 1; margin-bottom: 2;
                                  background: $warning; color: $text; text-style: bold; }
    """

    def __init__(self, entities: int, events: int = 0) -> None:
        super().__init__()
        self.entities, self.events = entities, events

    def compose(self) -> ComposeResult:
        # One line of an 80-column terminal (78 inside the padding) up to 999 entity and 99 event
        # suggestions; two lines beyond.
        left = [f"{self.entities} entity"] if self.entities else []
        left += [f"{self.events} event"] if self.events else []
        what = f"{left[0]} suggestion(s) left" if len(left) == 1 else f"{' + '.join(left)} suggestions"
        # Only what is still suggested is rejected: an event already coded stays, whatever the answer.
        only = "\ne accept the entities, reject the suggested events (those coded stay)" if self.events else ""
        yield Static(f"{what}: a accept all · r reject all · b/Esc go back{only}", id="review-question")

    def on_key(self, event: events.Key) -> None:
        if self is not self.app.screen:  # already answered: the key was typed after the answer
            hand_on(self.app, event)
            return
        event.stop()
        event.prevent_default()
        if event.key in ANSWERS:
            self.dismiss(ANSWERS[event.key])
        elif event.key == ENTITIES_ONLY and self.events:
            self.dismiss("entities")
        else:
            self.app.bell()
