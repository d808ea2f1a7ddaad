"""The event panel: a table of the article's events and, under it, the whole of the current one.

The table has one row per event (a status mark, type and sub-type, trigger, actors, place, date,
fatalities and validation warnings); its columns are as wide as what they hold, so that a wide
terminal shows actors in full. The highlighted row is the current event, whose trigger and arguments
are shown in the article and to which ``o`` in the article assigns roles.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from ...core.acled_fields import short_note
from ...core.codebook import Codebook
from ...core.model import Event
from ...core.relations import describe

COLUMNS = (("status", ""), ("type", "Type"), ("trigger", "Trigger"), ("actor1", "Actor 1"),
           ("actor2", "Actor 2"), ("place", "Place"), ("date", "Date"), ("fatalities", "Dead"),
           ("warnings", "Warnings"))
BADGES = {"suggested": "? suggested", "accepted": "✓ accepted"}
MARKS = {"suggested": "?", "accepted": "✓"}
# After the status mark: an event the text does not report as happening now (the ACLED export leaves
# generic and background ones out), so the coder sees it before a or A accepts it.
MODALITY_MARKS = {"generic": "gen", "hypothetical": "hyp", "negated": "neg", "future": "fut",
                  "background": "bkg"}
MAX_COLUMN = 60
DETAIL_FIELDS = (("event_date", "date"), ("time_precision", "precision"), ("fatalities", "fatalities"),
                 ("actor1", "actor1"), ("assoc_actor_1", "assoc 1"), ("actor2", "actor2"),
                 ("assoc_actor_2", "assoc 2"), ("location", "location"), ("admin1", "admin1"),
                 ("country", "country"), ("latitude", "lat"), ("longitude", "lon"), ("notes", "notes"))

EVENT_BINDINGS = [
    Binding("a", "app.event_op('accept')", "Accept event", id="event.accept"),
    Binding("r", "app.event_op('reject')", "Reject event", id="event.reject"),
    Binding("enter,f", "app.edit_event", "Edit fields", id="event.edit"),  # f: the form, as in the article
    Binding("t", "app.retype_event", "Type", id="event.type"),
    Binding("x,delete", "app.event_op('delete')", "Delete event", id="event.delete"),
    Binding("c", "app.event_op('duplicate')", "Duplicate event", id="event.duplicate"),
    Binding("m", "app.attribute", "Modality, attributes", id="event.attribute"),
    Binding("u", "app.undo", "Undo", show=False, id="event.undo"),
    Binding("ctrl+r", "app.redo", "Redo", show=False, id="event.redo"),
    Binding("shift+down", "scroll_detail(1)", "Event's next line", show=False, id="event.detail_down",
            tooltip="Scroll the current event's detail (what the panel's border says is cut)"),
    Binding("shift+up", "scroll_detail(-1)", "Event's line before", show=False, id="event.detail_up"),
]


def _trigger(text: str, event: Event) -> str:
    if event.trigger_start is None or event.trigger_end is None:
        return ""
    return text[event.trigger_start:event.trigger_end]


class EventTable(DataTable):
    """Rows keyed by event id, in text order of the triggers.

    When it is narrower or shorter than what it holds, the panel's bottom border says how many
    columns and rows are out of sight (``hidden``), so a narrow terminal never hides them silently."""

    BINDINGS = EVENT_BINDINGS

    class Hidden(Message):
        def __init__(self, columns: int, rows: int) -> None:
            super().__init__()
            self.columns, self.rows = columns, rows

    def hidden(self) -> tuple[int, int]:
        """Columns whose cells are not wholly in sight (cut at an edge or scrolled past: a cut in
        a column's padding hides nothing), and rows out of sight."""
        region = self.scrollable_content_region
        left, right = self.scroll_x, self.scroll_x + region.width
        columns, pad = 0, self.cell_padding
        for x, width in self._column_spans():
            columns += x + pad < left or x + width - pad > right
        shown_rows = max(0, region.height - (self.header_height if self.show_header else 0))
        return columns, max(0, self.row_count - shown_rows)

    def _column_spans(self) -> list[tuple[int, int]]:
        """Each column's x and width in the table's virtual width."""
        spans, x = [], 0
        for column in self.ordered_columns:
            width = column.get_render_width(self)
            spans.append((x, width))
            x += width
        return spans

    def _scroll_a_column(self, direction: int) -> None:
        """Left / Right: the next or previous column's start to the left edge (the row cursor has
        no column to move, and a character at a time is ninety keys to the last column)."""
        starts = [x for x, _ in self._column_spans()]
        here = round(self.scroll_x)
        if direction > 0:
            target = next((x for x in starts if x > here), self.max_scroll_x)
        else:
            target = max((x for x in starts if x < here), default=0)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False)

    def action_scroll_detail(self, lines: int) -> None:
        """shift+down / shift+up: the current event's lines cut at the panel's bottom, the row kept."""
        self.query_ancestor(EventPanel).scroll_detail(lines)

    def action_cursor_right(self) -> None:
        self._scroll_a_column(1)

    def action_cursor_left(self) -> None:
        self._scroll_a_column(-1)

    def _tell_hidden(self) -> None:
        if self.is_mounted:
            self.post_message(self.Hidden(*self.hidden()))

    def on_resize(self) -> None:
        self.call_after_refresh(self._tell_hidden)

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self._tell_hidden()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._tell_hidden()

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.event_ids: list[str] = []

    def on_mount(self) -> None:
        self.fill([])

    def fill(self, rows: list[tuple[str, tuple[Text, ...]]]) -> None:
        """Rows of (event id, cells); each column as wide as its widest cell (set here, not left to
        the table's own sizing, so that what is drawn never depends on when it is drawn)."""
        self.clear(columns=True)
        self.event_ids = [key for key, _ in rows]
        for i, (key, label) in enumerate(COLUMNS):
            widest = max((cells[i].cell_len for _, cells in rows), default=0)
            self.add_column(label, key=key, width=min(max(widest, cell_len(label)), MAX_COLUMN))
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self.call_after_refresh(self._tell_hidden)

    @property
    def current_id(self) -> str | None:
        if not self.event_ids or self.cursor_row is None or self.cursor_row >= len(self.event_ids):
            return None
        return self.event_ids[self.cursor_row]


class EventDetail(VerticalScroll, can_focus=False):
    """The current event's detail: shift+down / shift+up in the table scroll it, never a tab stop."""


class EventPanel(Vertical):
    """The table and the current event's detail; ``z`` zooms it to the whole screen (Textual's
    maximize), the table above the detail, for a terminal too small to show the detail whole beside
    the article. Its bottom border says what is out of sight: columns, rows, lines of the detail."""

    ALLOW_MAXIMIZE = True
    DEFAULT_CSS = """
    EventPanel { width: 1fr; border: round $primary-darken-2; }
    EventPanel:focus-within { border: round $accent; }
    EventPanel EventTable { height: auto; max-height: 50%; }
    EventPanel #event-detail { height: 1fr; padding: 0 1; border-top: solid $primary-darken-2;
                               overflow-y: hidden; }
    EventPanel #event-detail-text { height: auto; }
    """

    def __init__(self, codebook: Codebook, **kwargs) -> None:
        super().__init__(**kwargs)
        self.codebook = codebook
        self.border_title = "Events"
        self._signs = {"table": ("",), "detail": ("",)}  # what the border says is out of sight, longest first
        self._detail_of: str | None = None  # the event whose detail is shown (scrolled back to its top when it changes)

    def compose(self) -> ComposeResult:
        yield EventTable(id="event-table")
        with EventDetail(id="event-detail"):
            yield Static(id="event-detail-text")

    @property
    def table(self) -> EventTable:
        return self.query_one(EventTable)

    @property
    def current_id(self) -> str | None:
        return self.table.current_id

    def on_event_table_hidden(self, message: EventTable.Hidden) -> None:
        out = []
        if message.columns:
            out.append(f"{message.columns} of {len(COLUMNS)} columns hidden ←→")
        if message.rows:
            out.append(f"{message.rows} more row(s) ↑↓")
        self._sign("table", " · ".join(out))

    def _sign(self, part: str, *forms: str) -> None:
        """What ``part`` hides, in the longest of its ``forms`` that fits the border with the rest."""
        self._signs[part] = forms
        room = self.outer_size.width - 6  # the corners and the spaces around the subtitle
        for detail in self._signs["detail"]:
            sign = " · ".join(text for text in (self._signs["table"][0], detail) if text)
            if cell_len(sign) <= room:
                break
        self.border_subtitle = sign

    def detail_cut(self) -> int:
        """Lines of the current event's detail below the panel's bottom edge."""
        detail, text = self.query_one(EventDetail), self.query_one("#event-detail-text", Static)
        width, height = detail.scrollable_content_region.size
        if not width:
            return 0
        below = text.get_content_height(detail.size, self.app.size, width) - height - round(detail.scroll_y)
        return max(0, below)

    def scroll_detail(self, lines: int) -> None:
        """The detail a line down or up (shift+down / shift+up), stopping at its last line."""
        detail = self.query_one(EventDetail)
        target = max(0, round(detail.scroll_y) + lines)
        if lines > 0:
            target = min(target, round(detail.scroll_y) + self.detail_cut())
        detail.scroll_target_y = detail.scroll_y = target  # set, not scroll_to: overflow-y hidden refuses that
        self.call_after_refresh(self._tell_cut)

    def _tell_cut(self) -> None:
        cut = self.detail_cut() if self.is_mounted else 0
        if not cut:
            self._sign("detail", "")
        elif self.is_maximized:
            self._sign("detail", f"{cut} more line(s) of the event: shift+↓", f"+{cut} lines: shift+↓",
                       f"+{cut} lines")
        else:
            self._sign("detail", f"{cut} more line(s) of the event: z shows all", f"{cut} more line(s): z",
                       f"z: +{cut} lines")

    def on_resize(self) -> None:
        self.call_after_refresh(self._tell_cut)

    def show_events(self, text: str, events: list[Event], warnings: dict[str, list[str]],
                    current: str | None = None) -> None:
        table = self.table
        table.fill([(e.id, self._cells(text, e, warnings.get(e.id, []))) for e in events])
        flagged = sum(1 for e in events if warnings.get(e.id))
        self.border_title = f"Events ({len(events)})" + (f" ⚠ {flagged}" if flagged else "")
        if current in table.event_ids:
            table.move_cursor(row=table.event_ids.index(current))
        chosen = next((e for e in events if e.id == current), None)
        self.show_detail(text, chosen, warnings.get(current, []) if chosen else [])

    def show_detail(self, text: str, event: Event | None, warnings: list[str]) -> None:
        """Everything about the current event: its arguments with their words, fields, warnings."""
        shown = event.id if event is not None else None
        if shown != self._detail_of:  # another event: its detail from the top
            self._detail_of = shown
            detail = self.query_one(EventDetail)
            detail.scroll_target_y = detail.scroll_y = 0
        detail = self.query_one("#event-detail-text", Static)
        self.call_after_refresh(self._tell_cut)
        if event is None:
            detail.update(Text("No event. In the article, e makes one from the word under the cursor.",
                               style="dim"))
            return
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        etype = self.codebook.event_types.get(event.type)
        kind = self.codebook.kind_of(event.type, event.subtype) + (
            f" ({etype.subtype_code(event.subtype)})" if etype and event.subtype in etype.subtypes else "")
        grid.add_row("event", Text(f"{kind}  {BADGES.get(event.status, event.status)}"))
        # What decides accepting or rejecting a suggestion comes first, in sight of a short panel.
        if event.modality:
            grid.add_row("modality", Text(event.modality, style="bold yellow"))
        if event.evidence:
            grid.add_row("why", Text(" ".join(event.evidence.split())))
        grid.add_row("trigger", Text(repr(_trigger(text, event))))
        for arg in event.arguments:
            words = text[arg.start:arg.end] if arg.has_span else f"event {arg.event}" if arg.event else arg.value
            grid.add_row(Text(arg.role), Text(" ".join(words.split())))
        for warning in warnings:  # what is wrong with the roles, before the fields that a short panel cuts
            grid.add_row(Text("⚠", style="bold yellow"), Text(warning, style="yellow"))
        if event.attributes:
            grid.add_row("marked", Text(describe(event.attributes)))
        for note in event.notes:
            grid.add_row("note", Text(note[:160]))
        for key, caption in DETAIL_FIELDS:
            value = event.fields.get(key)
            if value not in (None, ""):
                grid.add_row(caption, Text(str(value) if key != "notes" else short_note(str(value), 160)))
        detail.update(grid)

    def _cells(self, text: str, event: Event, warnings: list[str]) -> tuple[Text, ...]:
        """Text cells: a string cell of a DataTable is read as markup, and article words are not."""
        f = event.fields
        kind = self.codebook.kind_of(event.type, event.subtype)
        fatalities = f.get("fatalities")
        mark = MARKS.get(event.status, event.status[:1])
        if event.modality:
            mark += MODALITY_MARKS.get(event.modality, event.modality[:3])
        cells = (mark, kind, " ".join(_trigger(text, event).split()),
                str(f.get("actor1") or ""), str(f.get("actor2") or ""), str(f.get("location") or ""),
                str(f.get("event_date") or ""), "" if fatalities is None else str(fatalities),
                "⚠ " + "; ".join(warnings) if warnings else "")
        return tuple(Text(cell) for cell in cells)
