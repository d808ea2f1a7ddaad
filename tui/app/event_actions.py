"""Event actions of the app: new event (e), assign role (o), accept, reject, edit, type, delete.

A mixin of ``NewsmarkApp``: each action is one call into ``tui.core.events`` and one commit, and the
event panel and the article's overlays are redrawn from the session afterwards.
"""

from __future__ import annotations

from rich.style import Style
from textual.widgets import DataTable

from ..core import events as ev_ops
from ..core.article_country import article_country
from ..core.countries import country as acled_country_named
from ..core.parse_events import new_event_from_parse
from ..core.validation import validate_event
from .completion import completer_for
from .screens.event_form import EventFormScreen
from .screens.picker import RolePicker, TypePicker
from .widgets.article_view import Overlay
from .widgets.event_panel import EventPanel

TRIGGER_STYLE = Style(bold=True, reverse=True, color="#ff79c6")
EVENT_OPS = {"accept": ev_ops.accept_event, "reject": ev_ops.reject_event,
             "delete": ev_ops.delete_event, "duplicate": ev_ops.duplicate_event}


class EventActions:
    """The keys e and o of the article pane, and the keys of the event panel."""

    current_event: str | None = None
    # Until the first paint: checking a date loads dateparser (most of a second), so the warnings
    # come in the frame after the first.
    _warnings_later = False

    def _warnings_now(self) -> None:
        self._warnings_later = False
        self._refresh_events()

    def _refresh_events(self) -> None:
        """Redraw the event panel and show the current event's trigger and arguments in the text."""
        session = self.session
        if session is None:  # a late message after the app closed the article
            return
        shown = ev_ops.visible_events(session)
        if self.current_event not in {e.id for e in shown}:  # gone (rejected, deleted): the same row
            row = self.query_one(EventPanel).table.cursor_row if self.current_event else 0
            self.current_event = shown[min(row, len(shown) - 1)].id if shown else None
        warnings = {} if self._warnings_later else {
            e.id: validate_event(self.codebook, e, session.article.text, self._entities_of(e),
                              session.article.published, session.article.title) for e in shown}
        self.query_one(EventPanel).show_events(session.article.text, shown, warnings, self.current_event)
        self._show_event_in_text()

    def _entities_of(self, event) -> list:
        """The visible entities under an event's arguments: all that validation needs to look at,
        found through the session's index rather than by scanning the article's entities."""
        found = []
        for arg in event.arguments:
            if arg.has_span:
                found += [e for e in self.session.entities_in(arg.start, arg.end) if e.status != "rejected"]
        return found

    def _show_event_in_text(self) -> None:
        view = self.view
        old = view.overlays
        view.overlays = []
        event = self.session.events.get(self.current_event) if self.current_event else None
        if event is not None:
            if event.trigger_start is not None:
                view.overlays.append(Overlay(event.trigger_start, event.trigger_end, TRIGGER_STYLE))
            for arg in event.arguments:
                role = self.codebook.roles.get(arg.role)
                if arg.has_span:
                    view.overlays.append(Overlay(arg.start, arg.end, Style.parse(role.style if role else "underline")))
        for ov in old + view.overlays:
            view.refresh_offsets(ov.start, ov.end)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # A rebuilt table posts a highlight for row 0 before the one for the row it settles on:
        # only the message that matches where the cursor is now chooses the event.
        table = event.data_table
        if (table.id == "event-table" and event.cursor_row == table.cursor_row
                and event.row_key.value != self.current_event):
            self.current_event = event.row_key.value
            # Only which event is current changed: its detail and its marks in the text, not the table.
            chosen = self.session.events.get(self.current_event) if self.session else None
            if chosen is not None:
                text = self.session.article.text
                self.query_one(EventPanel).show_detail(
                    text, chosen, validate_event(self.codebook, chosen, text, self._entities_of(chosen),
                                                       self.session.article.published, self.session.article.title))
                self._show_event_in_text()
            else:
                self._refresh_events()
            self._show_status()

    def _commit_event(self, label: str, make) -> dict | None:
        """Run an event operation from tui.core.events; a refusal becomes a message, not a crash."""
        try:
            changes = make()
        except (ValueError, KeyError) as exc:
            self._set_message(str(exc).strip("'\""))
            return None
        action = self.session.commit(label, changes)
        if action is not None:
            record = changes[-1]["after"]
            if record is not None and changes[-1]["before"] is None:
                self.current_event = record["id"]
        self._refresh_events()
        self._counts_later()
        self._set_message(label if action else "nothing changed")
        return action

    def _likely_types(self, words: str = "", span: tuple[int, int] | None = None) -> list[str]:
        """The "TYPE|sub-type" values that the trigger points to, likeliest first: what the suggester
        read at it, then the parse's likeliest types for it, then the codebook's trigger words."""
        guesses = []
        lowered = words.lower().strip()
        for event in self.session.events.values():  # what the suggester read at this trigger
            if event.trigger_start is not None and words and self.session.article.text[
                    event.trigger_start:event.trigger_end].lower() == lowered:
                guesses.append(f"{event.type}|{event.subtype}")
        if span is not None:
            guesses += self.likely_types(*span)
        for name, etype in self.codebook.event_types.items():
            if lowered and lowered in (t.lower() for t in etype.triggers):
                guesses.append(f"{name}|{ev_ops.default_subtype(etype, words) or etype.subtypes[0]}")
        return list(dict.fromkeys(guesses))

    def action_new_event(self) -> None:
        span = self._target_span()
        if span is None:
            self._set_message("nothing to use as a trigger: move to a word or select some text")
            return
        words = self.session.article.text[span[0]:span[1]]

        def chosen(value: str | None) -> None:
            if value:
                self._new_event(value, span)
            self.view.clear_selection()  # used or given up: the next v starts afresh
        self.push_screen(TypePicker(f"Event type and sub-type for {words!r}", self.codebook,
                                    self._likely_types(words, span)), chosen)

    def _new_event(self, value: str, span: tuple[int, int]) -> None:
        """A new event of the chosen type at ``span``, its arguments from the model: the suggester's
        stored reading of an overlapping trigger, else the parse's reading of this one (left
        suggested: `a` accepts it), else none (no parser)."""
        type_name, sub = value.split("|", 1)
        session, label = self.session, f"new {self.codebook.kind_of(type_name, sub)} event"
        if any(e.origin == "model" and e.trigger_start is not None and e.trigger_start < span[1]
               and span[0] < e.trigger_end for e in session.events.values()):
            self._commit_event(label, lambda: ev_ops.new_event_from_reading(
                session, self.codebook, type_name, span[0], span[1], sub))
            return
        reading = self.reading_at(*span)
        if reading is None:
            self._commit_event(label, lambda: ev_ops.new_event(session, self.codebook, type_name, *span, sub))
            return
        if self._commit_event(label, lambda: new_event_from_parse(session, self.codebook, reading, type_name, sub)):
            event = session.events[self.current_event]
            if event.status == "suggested":
                roles = ", ".join(dict.fromkeys(a.role for a in event.arguments))
                self._set_message(f"{label}, suggested from the parse ({roles}): "
                                  f"a accepts it, o corrects a role, Enter in the event panel edits")

    def action_assign_role(self) -> None:
        event = self.session.events.get(self.current_event) if self.current_event else None
        if event is None:
            self._set_message("no current event: e makes one, or pick one in the event panel")
            return
        view = self.view
        entity = None if view.selection() else self.session.entity_at(view.cursor)
        span = (entity.start, entity.end) if entity else self._target_span()
        if span is None:
            self._set_message("nothing to assign here: move to an entity or select some text")
            return
        etype = self.codebook.event_types.get(event.type)
        roles = etype.roles_for_label(entity.label if entity else None) if etype else []
        kind = self.codebook.kind_of(event.type, event.subtype)
        if not roles:
            self._set_message(f"{kind} has no role for a {entity.label if entity else 'free'} span")
            return
        words = self.session.article.text[span[0]:span[1]]

        def chosen(role: str | None) -> None:
            if role:
                self._commit_event(f"{role}: {words}", lambda: ev_ops.assign_span(
                    self.session, self.codebook, event.id, role, span[0], span[1]))
            self.view.clear_selection()
        self.push_screen(RolePicker(f"Role of {words!r} in {kind}", self.codebook, roles), chosen)

    def _current(self):
        """The event a panel key acts on: in the panel, the row its cursor is on as the key is handled
        (keys typed in one burst come before the table's message that the cursor moved)."""
        table = self.query_one(EventPanel).table
        if self.focused is table and table.current_id is not None:
            self.current_event = table.current_id
        event = self.session.events.get(self.current_event) if self.current_event else None
        if event is None:
            self._set_message("no event selected")
        return event

    def action_event_op(self, verb: str) -> None:
        """accept, reject, delete or duplicate the current event."""
        if event := self._current():
            operation = EVENT_OPS[verb]
            kind = self.codebook.kind_of(event.type, event.subtype)
            self._commit_event(f"{verb} {kind} event", lambda: operation(self.session, event.id))

    def action_retype_event(self) -> None:
        if event := self._current():
            def chosen(value: str | None) -> None:
                if value:
                    type_name, sub = value.split("|", 1)
                    self._commit_event(f"type {self.codebook.kind_of(type_name, sub)}", lambda: ev_ops.set_type(
                        self.session, self.codebook, event.id, type_name, sub))
            words = (self.session.article.text[event.trigger_start:event.trigger_end]
                     if event.trigger_start is not None else "")
            span = (event.trigger_start, event.trigger_end) if event.trigger_start is not None else None
            self.push_screen(TypePicker("Event type and sub-type", self.codebook, self._likely_types(words, span)), chosen)

    def action_edit_event(self) -> None:
        if event := self._current():
            def saved(changed: dict | None) -> None:
                if changed is None:
                    self._set_message(f"not saved (Escape): {', '.join(form.dropped)}" if form.dropped
                                      else "form closed, nothing typed")
                    self.form_outcome = self._message  # what Enter once too often must leave in sight
                    return
                done, refused = [], []

                def set_field(name, value):
                    if name == "country" and value:  # ACLED's country names only; an alias ("UK") as its name
                        found = acled_country_named(value)
                        if found is None:
                            refused.append(f"country: {value!r} is no country ACLED codes (Tab completes one)")
                            return []
                        value = found.name
                    try:
                        changes = ev_ops.set_field(self.session, event.id, name, value)
                    except ValueError as exc:
                        refused.append(f"{name}: {exc}")
                        return []
                    if any(c["before"] != c["after"] for c in changes):
                        done.append(name)
                    return changes
                # One form save is one undoable action, whatever number of fields it changed.
                steps = [lambda n=name, v=value: set_field(n, v) for name, value in changed.items()]
                changes = self.session.changes_of_steps(steps)  # fills ``done`` before the label is made
                self.session.commit(f"edit {', '.join(done)}", changes)
                self._refresh_events()
                self._counts_later()
                message = f"saved {', '.join(done)}" if done else "nothing changed"
                self._set_message(message + (f"; refused {'; '.join(refused)}" if refused else ""))
                self.form_outcome = self._message
            title = self.codebook.kind_of(event.type, event.subtype, full=True)
            article = self.session.article
            form = EventFormScreen(event, title, completer_for(self, event), article.published,
                                   article_country(article.text, article.title))
            self.push_screen(form, saved)

    def _suggested_event_here(self):
        offset = self.view.cursor
        for event in self.session.events.values():
            if (event.status == "suggested" and event.trigger_start is not None
                    and event.trigger_start <= offset < event.trigger_end):
                return event
        return None
