"""The event panel: the article's events, one row each, with status and warnings."""

from __future__ import annotations

from textual.widgets import DataTable

from ...core.model import Event

COLUMNS = (("type", "Type", 20), ("trigger", "Trigger", 12), ("actor1", "Actor 1", 12),
           ("actor2", "Actor 2", 12), ("place", "Place", 12), ("date", "Date", 10),
           ("fatalities", "Dead", 4), ("status", "Status", 9))


class EventPanel(DataTable):
    """Rows keyed by event id; shows what the coder has, or was suggested, for this article."""

    DEFAULT_CSS = """
    EventPanel { width: 48; border: round $primary-darken-2; }
    EventPanel:focus { border: round $accent; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.border_title = "Events"

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def show_events(self, text: str, events: list[Event]) -> None:
        self.clear()
        for event in events:
            self.add_row(*self._cells(text, event), key=event.id)
        self.border_title = f"Events ({len(events)})"

    @staticmethod
    def _cells(text: str, event: Event) -> tuple[str, ...]:
        trigger = ""
        if event.trigger_start is not None and event.trigger_end is not None:
            trigger = text[event.trigger_start:event.trigger_end]
        f = event.fields
        kind = event.type + (f" / {event.subtype}" if event.subtype else "")
        return (kind, trigger, str(f.get("actor1", "")), str(f.get("actor2", "")),
                str(f.get("location", "")), str(f.get("event_date", "")), str(f.get("fatalities", "")),
                event.status)
