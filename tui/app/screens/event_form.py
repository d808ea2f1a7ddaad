"""The event form: the typed ACLED-level fields of one event, each an input; Enter saves, Escape leaves.

Actor, location, country and admin1 fields complete themselves (see ``tui.app.completion``): a
completion shows in grey after the typed text and in the hint line; Tab takes it and moves on (or
just moves on when there is none). Enter takes it and stays, saving nothing, as Enter in the
autocomplete list of INCEpTION or of a web form does: the coder sees the value taken before a second
Enter saves it. So Enter never saves a value half typed: with none to take in its own field, it goes
to a field the coder left with a completion still showing (shift+tab, a click) instead of saving.
ctrl+s saves every field as typed (a value of the coder's own that a listed one starts with).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from ...core.actors import actor_list
from ...core.completion import COMPLETED_FIELDS, Completer
from ...core.event_fields import parse_field
from ...core.event_place import PLACE_COLUMNS, settle_country, settle_location
from ...core.model import Event
from ..completion import FieldSuggester
from ..key_routing import LineInput

# The fields a coder most often types come first: the actors (the parse gives the words, the coder
# the standard names), then fatalities and the date.
FORM_FIELDS = (
    ("actor1", "Actor 1"), ("assoc_actor_1", "Associated actors of actor 1"),
    ("actor2", "Actor 2"), ("assoc_actor_2", "Associated actors of actor 2"),
    ("fatalities", "Fatalities"), ("event_date", "Event date"), ("time_precision", "Time precision"),
    ("location", "Location"), ("country", "Country"), ("admin1", "Admin1"), ("admin2", "Admin2"),
    ("latitude", "Latitude"), ("longitude", "Longitude"), ("geo_precision", "Geo precision"),
    ("source_scale", "Source scale"), ("notes", "Notes"),
)
# Each hint fits the form's line at 80 columns (76 characters): its end says what Enter does.
HINT = "Actors and places complete as you type: Tab or Enter takes one, Enter saves"
# What a field takes, on the hint line while it has the focus (a field is one row, its caption short).
FIELD_HELP = {
    "fatalities": "Fatalities: a whole number, or words ('dozens' is 12, as ACLED counts)",
    "event_date": "Event date: YYYY-MM-DD, or words ('late Wednesday') from the article's date",
    "time_precision": "Time precision: 1 day, 2 week, 3 month",
    "geo_precision": "Geo precision: 1 town, 2 near it or part of a region, 3 province",
    "source_scale": "Source scale: National, International, New media...",
}


def field_name(widget: Widget | None) -> str:
    """The event field a form input edits ("" for anything else)."""
    return (widget.id or "").removeprefix("field-") if widget is not None else ""


def _shown(value) -> str:
    """A stored field's value as its input shows it."""
    return "" if value is None else str(value)


def why_text(event: Event) -> Text:
    """How the text presents the event (its modality) and why it has its type (its evidence): what
    the coder weighs before accepting a suggestion, kept in sight while filling in its fields."""
    lines = []
    if event.modality:
        lines.append(Text.assemble(("modality ", "bold"), (event.modality, "bold yellow")))
    if event.evidence:
        lines.append(Text.assemble(("why ", "bold"), " ".join(event.evidence.split())))
    return Text("\n").join(lines)


class EventFormScreen(ModalScreen[dict | None]):
    """Returns the fields the coder changed, as text, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("enter", "enter", "Save"),
                Binding("ctrl+s", "save", "Save as typed"),
                Binding("tab", "complete_or_next", "Complete / next field", show=False)]
    DEFAULT_CSS = """
    EventFormScreen { align: center middle; }
    EventFormScreen > Vertical { width: 90; max-width: 100%; height: 90%; border: round $accent;
                                 background: $panel; }
    EventFormScreen Grid { grid-size: 2; grid-columns: 34 1fr; grid-rows: 1; grid-gutter: 0 1;
                           height: auto; margin-top: 1; }
    EventFormScreen Grid Label { padding: 0 1 0 0; }
    EventFormScreen Grid Input { border: none; height: 1; padding: 0 1; background: $boost; }
    EventFormScreen Grid Input:focus { border: none; background: $accent 35%; }
    EventFormScreen #form-why { padding: 1 1 0 0; }
    EventFormScreen #form-hint { dock: bottom; height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, event: Event, title: str, completer: Completer | None = None, published: str = "",
                 article_country: str = "") -> None:
        """``published``: the article's date, that a date in words ("last Tuesday") counts back from;
        ``article_country``: the country a place is looked up in when the event names none."""
        super().__init__()
        self.article_country = article_country
        self._settled: dict = {}  # place columns the form filled from a place typed, as saving sets them
        self.event = event
        self.published = published
        self.form_title = title
        self.completer = completer
        self._typed: set[str] = set()  # completed fields the coder has typed in
        self._taken: tuple[str | None, str] | None = None  # the field and value of the last completion taken
        self.dropped: list[str] = []  # the fields typed in and left unsaved by Escape

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(HINT if self.completer else "", id="form-hint")
            with VerticalScroll():
                yield Static(Text(self.form_title + "  (Enter saves, ctrl+s as typed, Esc cancels)"),
                             id="form-title")  # wrapped, never cut, on a narrow terminal
                why = why_text(self.event)
                if why.plain:
                    yield Static(why, id="form-why")
                with Grid():
                    for name, caption in FORM_FIELDS:
                        yield Label(caption)
                        suggester = (FieldSuggester(self.completer, name, self._country)
                                     if self.completer and name in COMPLETED_FIELDS else None)
                        yield LineInput(self._stored(name), id=f"field-{name}", suggester=suggester,
                                        on_enter=self._entered)

    def _stored(self, name: str) -> str:
        """A field's stored value as its input shows it: what counts as unchanged."""
        return _shown(self.event.fields.get(name))

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        # Watched, not read from Blur messages, which may come after the keys of a fast burst.
        self.watch(self, "focused", self._on_focus_moved, init=False)

    def _on_focus_moved(self, left: Widget | None, entered: Widget | None) -> None:
        if field_name(left) == "event_date":
            self._show_date_precision()
        if field_name(left) in ("location", "country"):
            self._show_place(field_name(left))
        name = field_name(entered)
        if name in FIELD_HELP or field_name(left) in FIELD_HELP:
            self.query_one("#form-hint", Static).update(FIELD_HELP.get(name, HINT if self.completer else ""))

    def _show_date_precision(self) -> None:
        """A date typed anew shows its own precision ("last Tuesday" a day, "March 2018" a month) in
        the precision field, where the coder sees it and may type another; what the form shows is saved."""
        typed = self.query_one("#field-event_date", Input).value.strip()
        if not typed or typed == self._stored("event_date"):
            return
        try:
            when = parse_field("event_date", typed, self.published)
        except ValueError:
            return  # refused when saved, with the reason
        if when is not None:
            self.query_one("#field-time_precision", Input).value = str(when.time_precision)

    def _show_place(self, name: str) -> None:
        """A location or country typed anew: the place columns saving will set (the same lookup as
        ``events.set_field``), shown in the fields the coder has not typed in, so what the form shows
        is what is saved and the actors complete in the country shown."""
        base = {**self.event.fields, **self._settled}
        value = self.query_one(f"#field-{name}", Input).value.strip()
        previous = base.get(name)
        if not value or value == _shown(previous):
            return
        fields = dict(base)
        for other in ("location", "country"):
            typed = self.query_one(f"#field-{other}", Input).value.strip()
            if typed != _shown(base.get(other)):
                fields[other] = typed
        if name == "location":
            settle_location(fields, previous, str(fields.get("country") or self.article_country), again=False,
                            article_hint=self.article_country)
        else:
            settle_country(fields, _shown(previous), self.article_country)
        self._settled[name] = value
        self._move_actors(_shown(base.get("country")), _shown(fields.get("country")))
        for column in ("country", *PLACE_COLUMNS):
            field_input = self.query_one(f"#field-{column}", Input)
            if column == name or field_input.value.strip() != _shown(base.get(column)):
                continue  # the coder's own
            self._settled[column] = fields.get(column)
            field_input.value = _shown(fields.get(column))

    def _move_actors(self, was: str, country: str) -> None:
        """The country shown changed: a local standard actor of the old one that the coder has not
        typed ("Civilians (United Kingdom)") becomes the same actor of the new one, as the suggester
        would have chosen it there."""
        if self.completer is None or not was or not country or was == country:
            return
        actors = actor_list(self.completer.codebook)
        for name in ("actor1", "actor2"):
            field_input = self.query_one(f"#field-{name}", Input)
            shown = _shown({**self.event.fields, **self._settled}.get(name))
            actor = actors.get(shown)
            if name in self._typed or field_input.value.strip() != shown or actor is None or actor.country != was:
                continue  # the coder's own, or not a local actor of the old country
            moved = actors.in_country(actor, country)
            if moved is not actor:
                self._settled[name] = field_input.value = moved.name

    def _country(self) -> str:
        found = self.query("#field-country")
        return found.first(Input).value.strip() if found else str(self.event.fields.get("country") or "")

    def completion(self, field_input: Input | None) -> str | None:
        """The completion of a completed field the coder typed in, if it would change the value."""
        if self.completer is None or field_input is None or field_input.id is None:
            return None
        name = field_name(field_input)
        if name not in self._typed and field_input.value == self._stored(name):
            return None  # not typed in (the change messages of a fast burst may still be on the way)
        found = self.completer.complete(name, field_input.value, self._country())
        return found if found and found != field_input.value else None

    def on_input_changed(self, event: Input.Changed) -> None:
        name = field_name(event.input)
        if self.completer is None or name not in COMPLETED_FIELDS or not event.input.has_focus:
            return
        self._typed.add(name)
        found = self.completion(event.input)
        hint = HINT
        if found:
            note = self.completer.describe(name, found)
            hint = f"Tab or Enter takes: {found}" + (f"  ({note})" if note else "")
        elif self._taken == (event.input.id, event.input.value):
            hint = f"Enter saves the form, Tab goes on (took {event.input.value})"
        self.query_one("#form-hint", Static).update(hint)

    def _take(self, field_input: Input) -> bool:
        found = self.completion(field_input)
        if found is None:
            return False
        field_input.value = found
        field_input.cursor_position = len(found)
        self._taken = (field_input.id, found)
        self.query_one("#form-hint", Static).update(HINT)
        return True

    def _half_typed(self) -> tuple[Input, str] | None:
        """The first field the coder typed in and left with a completion still to take."""
        for name in COMPLETED_FIELDS:
            found = self.query(f"#field-{name}")
            field_input = found.first(Input) if found else None
            completion = self.completion(field_input)
            if completion is not None:
                return field_input, completion
        return None

    def action_complete_or_next(self) -> None:
        focused = self.focused
        if isinstance(focused, Input):
            self._take(focused)
        self.focus_next()

    def _entered(self, field_input: Input | None) -> None:
        """Enter, carried out at once: the keys typed after it go on in this field (after the
        completion it took), in the half-typed field it went to, or, once the form is saved, to the
        pane under it."""
        if field_input is not None and self._take(field_input):
            return
        half_typed = self._half_typed()
        if half_typed is None:
            self.action_save()
            return
        field_input, found = half_typed
        self.set_focus(field_input)  # at once: the keys typed after Enter are this field's
        field_input.cursor_position = len(field_input.value)
        self.query_one("#form-hint", Static).update(
            f"not saved: Enter takes {found}, ctrl+s saves {field_input.value!r} as typed")

    def action_enter(self) -> None:
        """Enter where no field has the focus (a field's own Enter comes to ``_entered``)."""
        self._entered(self.focused if isinstance(self.focused, Input) else None)

    def typed_fields(self) -> dict[str, str]:
        """The fields whose text differs from the stored value, as typed."""
        changed = {}
        for name, _ in FORM_FIELDS:
            new = self.query_one(f"#field-{name}", Input).value.strip()
            if new != self._stored(name):
                changed[name] = new
        return changed

    def action_save(self) -> None:
        if field_name(self.focused) == "event_date":
            self._show_date_precision()  # saved from the date field itself
        changed = self.typed_fields()
        precision = self.query_one("#field-time_precision", Input).value.strip()
        if "event_date" in changed and precision:
            # A new date sets its own precision; what the form shows (that one, or one typed after) wins.
            changed["time_precision"] = precision
        self.dismiss(changed)

    def action_cancel(self) -> None:
        # Said on the status line (Escape cannot be undone): what the coder typed, not what the form filled.
        self.dropped = [name for name in self.typed_fields() if name not in self._settled
                        or name in ("location", "country")]
        self.dismiss(None)
