"""A type-to-filter picker: an input above a list; Enter takes the highlighted choice, Escape none.

Used for the event type and sub-type (``e``) and for the role of an argument (``o``). The first
choice is the best guess, so Enter alone often does; a digit 1 to 9 typed first takes that choice.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option


class PickerScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "dismiss_none", "Cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]
    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical { width: 64; height: auto; max-height: 80%; border: round $accent; background: $panel; }
    PickerScreen OptionList { height: auto; max-height: 24; }
    """

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices  # (what is shown, the value returned)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text), id="picker-title")
            yield Input(placeholder="type to filter, Enter to choose")
            yield OptionList(*self._options(""))

    def _options(self, query: str) -> list[Option]:
        words = query.lower().split()
        self._labels = {value: (f"{n} {shown}" if n <= 9 else f"  {shown}")
                        for n, (shown, value) in enumerate(self.choices, start=1)
                        if all(w in shown.lower() for w in words)}
        return [Option(Text(f"  {label}"), id=value) for value, label in self._labels.items()]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Mark the highlighted line with a visible arrow too, not only a colour (which a plain
        terminal capture or a colour-blind coder may not see)."""
        options = event.option_list
        for i in range(options.option_count):
            label = self._labels[options.get_option_at_index(i).id]
            options.replace_option_prompt_at_index(i, Text(("▶ " if i == event.option_index else "  ") + label))

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.query_one(OptionList).highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value.isdigit() and 1 <= int(event.value) <= min(9, len(self.choices)):
            self.dismiss(self.choices[int(event.value) - 1][1])
            return
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        if options.option_count:
            options.highlighted = 0
        note = "" if options.option_count else f"  (nothing matches {event.value!r}: Backspace, or Escape)"
        self.query_one("#picker-title", Label).update(Text(self.title_text + note))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
