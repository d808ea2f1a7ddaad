"""Keys typed in one burst reach what the coder sees when each key is read, in the order typed.

Textual sends each key to the widget focused when the app reads it, through that widget's own queue,
and runs the key bindings only when the key comes back up to the app. A burst (a fast typist over
SSH, tmux, a paste) is read whole before the first key has done its work, so the keys after one that
opens or closes something went where focus *was*: after "/" into the article, after Enter into the
search line that Enter had just closed (and were lost with it), after `d` past the question it asks.

Three rules put them right:
- ``AimedKeys`` (the app) notes where each key was sent; a key that comes back up after focus moved
  elsewhere is sent on to what has focus now (or to the screen on top, for one with no focus).
- ``LineInput`` (every one-line input) carries out each key in full, its bindings included, before it
  reads the next, and hands on whatever reaches it once it no longer has focus.
- ``hand_on`` is that last step, for the screens that read keys themselves (pickers, the ``d``
  question) and are already answered.
"""

from __future__ import annotations

from typing import Callable

from textual import events
from textual.message_pump import MessagePump
from textual.widgets import Input


def hand_on(app, event: events.Key) -> None:
    """Send a key that reached a widget or screen no longer taking keys to what takes them now."""
    event.stop()
    event.prevent_default()
    target: MessagePump = app.focused or app.screen
    key = events.Key(event.key, event.character)
    key._set_forwarded()  # as the app forwards a key it read: not read again as a new one
    key.aimed_at = target
    target.post_message(key)


def aimed_elsewhere(app, event: events.Key) -> bool:
    """True if the key was sent to a widget or screen that no longer has the keys."""
    aimed = getattr(event, "aimed_at", None)
    return aimed is not None and aimed is not (app.focused or app.screen)


class AimedKeys:
    """Mixin of the app: notes where each key is sent, and sends on one that went astray."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            event.aimed_at = self.focused or self.screen
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        if aimed_elsewhere(self, event):
            hand_on(self, event)  # Textual's own handler (the key bindings) is not called for it


class LineInput(Input):
    """A one-line input that finishes each key before reading the next.

    ``on_enter`` (if given) is called at once with the input when Enter is pressed, in place of the
    ``Submitted`` message that would arrive only after the keys already sent here: it closes or
    leaves the input itself, so that the keys after Enter go where focus is then.
    """

    def __init__(self, *args, on_enter: Callable[[LineInput], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_enter = on_enter

    async def _on_key(self, event: events.Key) -> None:
        if self.app.focused is not self:  # closed, or its screen answered: the key was sent before
            hand_on(self.app, event)
        elif not event.is_printable and await self.app._check_bindings(event.key):
            event.stop()  # Enter, Tab, Escape: carried out now, not when the key comes back up
            event.prevent_default()

    async def action_submit(self) -> None:
        if self.on_enter is None:
            await super().action_submit()
        else:
            self.on_enter(self)
