"""The help screen (``?``): every key binding of the app, read from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.codebook import Codebook


def picker_help(codebook: Codebook) -> list[tuple[str, list[Binding]]]:
    """The pickers' keys, which come from the codebook and never change: roles, types, sub-types."""
    roles = [Binding(r.key, "", r.name) for r in codebook.roles.values()]
    types = [Binding(t.key, "", f"{t.label}, then " + ", ".join(
        f"{t.subtype_code(sub)[len(t.key):]} {sub}" for sub in t.subtypes)) for t in codebook.event_types.values()]
    return [("Role picker (o): one key a role", roles),
            ("Type picker (e, t): the type's key, then the sub-type's digit; / filters", types)]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80; max-width: 100%; height: 90%; border: round $accent;
                                  background: $panel; }
    HelpScreen.-wide > VerticalScroll { width: 96%; }
    HelpScreen #help-tables { height: auto; }
    HelpScreen.-wide #help-tables { layout: grid; grid-size: 2; grid-rows: auto; grid-gutter: 0 2; }
    """

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        self.set_class(self.app.size.width >= 120, "-wide")  # two columns of sections where they fit
        with VerticalScroll(), Container(id="help-tables"):
            for title, bindings in self.sections:
                table = Table(title=title, expand=True, show_header=False, title_justify="left")
                table.add_column("key", style="bold cyan", no_wrap=True)
                table.add_column("action", ratio=1)  # the keys as narrow as they are, the rest to this
                for binding in bindings:
                    keys = binding.key_display or ", ".join(
                        self.app.get_key_display(Binding(key.strip(), binding.action))
                        for key in binding.key.split(",")
                    )
                    table.add_row(keys, binding.tooltip or binding.description)
                yield Static(table)
            yield Static("Esc closes this help. Ctrl+P opens the command palette.", classes="hint")
