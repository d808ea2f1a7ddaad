"""The help screen (``?``): every key binding of the app, read from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


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
                table.add_column("key", style="bold cyan", width=24)
                table.add_column("action")
                for binding in bindings:
                    keys = binding.key_display or ", ".join(
                        self.app.get_key_display(Binding(key.strip(), binding.action))
                        for key in binding.key.split(",")
                    )
                    table.add_row(keys, binding.tooltip or binding.description)
                yield Static(table)
            yield Static("Esc closes this help. Ctrl+P opens the command palette.", classes="hint")
