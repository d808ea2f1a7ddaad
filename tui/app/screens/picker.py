"""The pickers of roles (``o``), event types (``e``, ``t``), relations (``R``) and attributes (``m``):
every choice has a key of its own.

A choice's key comes from the codebook and never changes with the event type, the entity or what the
model guessed, so that a coder's fingers learn them: a role is one key ("a" Attacker, "d" Time), a
sub-type two, its type's key then its place in the type's list ("e1" Air/drone strike). The likeliest
choices are marked with ★ and come first, Enter takes the one marked ▶ (up and down move it), Escape
gives up. A key that the picker does not offer rings the bell and does nothing else. In the type
picker, ``/`` opens a filter: typed words narrow the list, Enter takes the ▶ line.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from ...core.codebook import Codebook, EventType
from ..key_routing import LineInput, hand_on


class ChoiceList(OptionList, can_focus=False):
    """Shows the choices; the keys go to the picker itself."""


@dataclass(frozen=True)
class Choice:
    code: str  # the keys that take it
    text: str  # what is shown
    value: str  # what the picker returns
    likely: bool = False


class KeyedPicker(ModalScreen[str | None]):
    """A list of choices, each taken by its own code; Enter takes the highlighted one."""

    AUTO_FOCUS = None  # the keys come to the screen itself until / opens the filter

    BINDINGS = [
        Binding("escape", "give_up", "Cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("enter", "take", "Choose", show=False),
    ]
    DEFAULT_CSS = """
    KeyedPicker { align: center middle; }
    KeyedPicker > Vertical { width: 80; max-width: 100%; height: auto; max-height: 100%;
                             border: round $accent; background: $panel; }
    KeyedPicker #picker-hint { color: $text-muted; width: 100%; }
    KeyedPicker #picker-title { width: 100%; }
    KeyedPicker OptionList { height: auto; max-height: 26; }
    """

    def __init__(self, title: str, choices: list[Choice], hint: str) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.choices = sorted(choices, key=lambda c: not c.likely)  # stable: codebook order otherwise
        self.prefix = ""  # the keys typed so far of a longer code
        self.shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text), id="picker-title")
            yield Label(Text(self.hint), id="picker-hint")
            # Hidden, and unable to take the keys, until / opens it.
            yield LineInput(placeholder="words to filter by; Enter takes the ▶ line", disabled=True,
                            on_enter=self._entered)
            yield ChoiceList()

    def on_mount(self) -> None:
        self.query_one(Input).display = False
        self.show(self.choices)

    def show(self, choices: list[Choice]) -> None:
        self.shown = choices
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(self._line(c, i == 0), id=c.value) for i, c in enumerate(choices))
        if choices:
            options.highlighted = 0

    @staticmethod
    def _line(choice: Choice, marked: bool) -> Text:
        return Text(f"{'▶' if marked else ' '} {choice.code:<3}{'★' if choice.likely else ' '} {choice.text}")

    def _mark(self, index: int) -> None:
        options = self.query_one(OptionList)
        for i, choice in enumerate(self.shown):
            options.replace_option_prompt_at_index(i, self._line(choice, i == index))
        options.highlighted = index

    def action_move(self, step: int) -> None:
        if self.shown:
            self._mark(((self.query_one(OptionList).highlighted or 0) + step) % len(self.shown))

    def _entered(self, field: Input) -> None:
        self.action_take()

    def action_take(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if self.shown and highlighted is not None:
            self.dismiss(self.shown[highlighted].value)
        else:
            self.app.bell()

    def action_give_up(self) -> None:
        self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        if self is not self.app.screen:  # already answered: the key was typed after the answer
            hand_on(self.app, event)
            return
        if self.has_class("-filtering") or event.key in self._bindings.key_to_bindings:
            return  # the filter's input, or a binding, has it
        event.stop()
        event.prevent_default()
        self.code_key(event.key, event.character)

    def code_key(self, key: str, character: str | None) -> None:
        """One key of a choice's code; anything that starts no code rings the bell."""
        if key == "backspace" and self.prefix:
            self.prefix = ""
            self.show(self.choices)
            return
        typed = self.prefix + (character or "")
        exact = [c for c in self.choices if c.code == typed]
        longer = [c for c in self.choices if c.code.startswith(typed) and c.code != typed]
        if not character or not (exact or longer):
            self.app.bell()
        elif exact and not longer:
            self.dismiss(exact[0].value)
        else:
            self.prefix = typed
            self.show(longer)


class FilteredPicker(KeyedPicker):
    """A keyed picker where ``/`` opens a filter: typed words narrow the list, Enter takes the ▶ line."""

    def code_key(self, key: str, character: str | None) -> None:
        if key == "slash":
            self.add_class("-filtering")
            field = self.query_one(Input)
            field.disabled, field.display = False, True
            self.set_focus(field)  # at once: the keys typed after "/" are the filter's
        else:
            super().code_key(key, character)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_by(event.value)

    filtered_by = ""

    def filter_by(self, value: str) -> None:
        self.filtered_by = value
        words = value.lower().split()
        self.show([c for c in self.choices if all(w in c.text.lower() for w in words)])
        note = "" if self.shown else f"  (nothing matches {value!r}: Backspace, or Escape)"
        self.query_one("#picker-title", Label).update(Text(self.title_text + note))

    def _entered(self, field: Input) -> None:
        """Enter in the filter: the ▶ line of the words typed so far, though the messages saying
        they changed (which filter the list) have not all come round yet."""
        if field.value != self.filtered_by:
            self.filter_by(field.value)
        self.action_take()


def numbered(items: list[tuple[str, str]], prefix: str = "") -> list[Choice]:
    """Choices keyed by their place in the list, all codes of one width (so no code starts another)."""
    width = len(str(len(items)))
    return [Choice(prefix + str(n).zfill(width), text, value) for n, (text, value) in enumerate(items, start=1)]


class ListPicker(FilteredPicker):
    """Choices with given codes (relations, relation types, attributes); ``/`` filters by words."""

    def __init__(self, title: str, choices: list[Choice]) -> None:
        keys = " ".join(f"{c.code} {c.text}" for c in choices[:6]) + (" …" if len(choices) > 6 else "")
        super().__init__(title, choices, f"{keys} · / filters · Enter takes ▶ · Esc gives up")


class RolePicker(KeyedPicker):
    """The roles that this event's type and this entity's label allow, each with its own key."""

    def __init__(self, title: str, codebook: Codebook, roles: list[str]) -> None:
        choices = [Choice(codebook.roles[r].key, r, r) for r in roles]
        keys = " ".join(f"{c.code} {c.text}" for c in choices)
        super().__init__(title, choices, f"{keys} · Enter takes ▶ · Esc gives up")


class TypePicker(FilteredPicker):
    """Every type and sub-type: the type's key, then the sub-type's digit; ``/`` filters by words."""

    def __init__(self, title: str, codebook: Codebook, likely: list[str]) -> None:
        self.types = list(codebook.event_types.values())
        rank = {value: i for i, value in enumerate(likely)}
        choices = [Choice(t.subtype_code(sub), t.label if sub == t.label else f"{t.label}: {sub}",
                          f"{t.name}|{sub}", f"{t.name}|{sub}" in rank)
                   for t in self.types for sub in t.subtypes]
        choices.sort(key=lambda c: rank.get(c.value, len(rank)))
        keys = " ".join(f"{t.key} {t.short or t.label}" for t in self.types)
        super().__init__(title, choices, f"{keys}, then the sub-type's digit · / filters · Enter takes ▶")

    def show(self, choices: list[Choice]) -> None:
        super().show(choices)
        etype = next((t for t in self.types if t.key == self.prefix), None)
        self.query_one("#picker-hint", Label).update(Text(self._prefix_hint(etype) if etype else self.hint))

    @staticmethod
    def _prefix_hint(etype: EventType) -> str:
        return f"{etype.key} {etype.label}: its sub-type's digit · Backspace goes back · Enter takes ▶"
