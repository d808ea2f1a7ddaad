"""The command palette (ctrl+p), for keys typed in one burst: ctrl+p, a command's words, Enter, more keys.

Textual's palette searches in the background and Enter takes only what the list shows when Enter is
read, so in a burst Enter came before the list had the command (and did nothing) and the keys after it
were typed into the palette's line and lost with it. Here Enter is carried out when its search has
finished: the best match of every word typed before it is run, and the keys typed after Enter wait
until then and go, in order, to what has focus once the command has run (through the app, as newly
read keys: see ``tui.app.key_routing``). If nothing matches, the bell rings and the keys go back to
the palette's line.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, LoadingIndicator
from textual.worker import Worker


class PaletteInput(CommandInput):
    """The palette's line: Enter is the palette's to carry out; the keys after it are held for it
    (also those read while the closed palette is being taken down)."""

    def __init__(self, palette: BurstPalette, **kwargs) -> None:
        super().__init__(**kwargs)
        self.palette = palette

    async def _on_key(self, event: events.Key) -> None:
        palette = self.palette
        if palette.enter_pending or palette.command_taken:
            event.stop()
            event.prevent_default()
            palette.hold(event)
        elif event.key == "enter":
            event.stop()
            event.prevent_default()
            palette.enter_pressed()
        else:
            await super()._on_key(event)


class BurstPalette(CommandPalette):
    """Textual's command palette, whose Enter waits for the search of what was typed before it."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.enter_pending = False  # Enter read, its search not finished yet
        self.command_taken = False  # the command is chosen: every key after it goes on through the app
        self._held: list[events.Key] = []
        self._searched: tuple[str, Worker] | None = None  # the latest search: its words and worker

    def compose(self) -> ComposeResult:
        """Textual's palette, with ``PaletteInput`` for its line."""
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield PaletteInput(self, placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()

    def _gather_commands(self, search_value: str) -> Worker:
        worker = super()._gather_commands(search_value)
        self._searched = (search_value, worker)
        return worker

    def enter_pressed(self) -> None:
        self.enter_pending = True
        self._take_if_searched()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if self.enter_pending and self._searched and event.worker is self._searched[1]:
            self._take_if_searched()

    def _take_if_searched(self) -> None:
        """Carry out Enter once the list holds the matches of every word typed before it."""
        words, worker = self._searched or ("", None)
        typed = self.query_one(PaletteInput).value.strip()
        if worker is None or words != typed or not worker.is_finished:
            return  # the search of the line as it is now is still to come
        if self._list_visible and self.query_one(CommandList).highlighted is not None:
            self._action_command_list("select")  # the ▶ match; its selection runs it (``_select_or_command``)
        else:
            self.enter_pending = False
            self.app.bell()  # nothing matches: the keys typed after Enter go back to the line
            self._release()

    def _select_or_command(self, event=None) -> None:
        runs = not self._list_visible and self._selected_command is not None
        super()._select_or_command(event)
        if runs:  # dismissed, the command's call posted to the app: the held keys come after it
            self.enter_pending, self.command_taken = False, True
            self._release()

    def hold(self, event: events.Key) -> None:
        self._held.append(events.Key(event.key, event.character))
        if self.command_taken:
            self._release()

    def _release(self) -> None:
        """Send the held keys to the app as newly read keys, in the order typed."""
        held, self._held = self._held, []
        for key in held:
            self.app.post_message(key)
