"""The event form: the typed ACLED-level fields of one event, each an input; Enter saves, Escape leaves."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ...core.model import Event

FORM_FIELDS = (
    ("event_date", "Event date (YYYY-MM-DD, or words: 'late Wednesday')"),
    ("time_precision", "Time precision (1 day, 2 week, 3 month)"),
    ("fatalities", "Fatalities (a whole number, or words: 'dozens')"),
    ("actor1", "Actor 1"), ("assoc_actor_1", "Associated actors of actor 1"),
    ("actor2", "Actor 2"), ("assoc_actor_2", "Associated actors of actor 2"),
    ("location", "Location"), ("country", "Country"), ("admin1", "Admin1"), ("admin2", "Admin2"),
    ("latitude", "Latitude"), ("longitude", "Longitude"),
    ("geo_precision", "Geo precision (1 town, 2 near it or part of a region, 3 province)"),
    ("source_scale", "Source scale (National, International, New media...)"), ("notes", "Notes"),
)


class EventFormScreen(ModalScreen[dict | None]):
    """Returns the fields the coder changed, as text, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s,enter", "save", "Save")]
    DEFAULT_CSS = """
    EventFormScreen { align: center middle; }
    EventFormScreen > VerticalScroll { width: 90; height: 90%; border: round $accent; background: $panel; }
    EventFormScreen Grid { grid-size: 2; grid-columns: 34 1fr; grid-rows: 3; height: auto; }
    EventFormScreen Label { padding: 1 1 0 0; }
    """

    def __init__(self, event: Event, title: str) -> None:
        super().__init__()
        self.event = event
        self.form_title = title

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Label(Text(self.form_title + "  (Enter or ctrl+s saves, Escape cancels)"))
            with Grid():
                for name, caption in FORM_FIELDS:
                    yield Label(caption)
                    value = self.event.fields.get(name, "")
                    yield Input("" if value is None else str(value), id=f"field-{name}")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        changed = {}
        for name, _ in FORM_FIELDS:
            new = self.query_one(f"#field-{name}", Input).value.strip()
            old = self.event.fields.get(name, "")
            if new != ("" if old is None else str(old)):
                changed[name] = new
        precision = self.query_one("#field-time_precision", Input).value.strip()
        if "event_date" in changed and precision:
            # A new date sets its own precision; what the form shows must still win.
            changed["time_precision"] = precision
        self.dismiss(changed)

    def action_cancel(self) -> None:
        self.dismiss(None)
