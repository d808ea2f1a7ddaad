"""Enter in the article pane (a mixin of ``NewsmarkApp``): what selecting an annotation does in
INCEpTION. On an event's trigger, or on an entity that fills a role of an event, that event becomes the
current one: its row in the event panel, its detail under the table and its arguments marked in the text;
the status line says which it is and how to edit it. Elsewhere the status line says what Enter does.

The keys stay in the article and no form opens, so an Enter typed once too often (after the event form
was saved with Enter, say) only shows the event again.
"""

from __future__ import annotations

from ..core.events import event_at, visible_events


class ArticleEnter:
    """The key Enter of the article pane."""

    def action_article_enter(self) -> None:
        session, cursor = self.session, self.view.cursor
        text = session.article.text
        event = event_at(session, cursor, self.current_event)
        if event is not None:
            words = text[event.trigger_start:event.trigger_end]
            self._enter_event(event, f"the {{kind}} event at its trigger {words!r}", f"{{kind}} {words!r}")
            return
        entity = session.entity_at(cursor)
        if entity is None:
            self._set_message("Enter on an entity or an event's trigger shows its event in the event panel "
                              "(e makes an event here, v selects)", "Enter on an entity or trigger shows its event")
            return
        words = text[entity.start:entity.end]
        roles = [(ev, arg.role) for ev in visible_events(session) for arg in ev.arguments
                 if arg.has_span and arg.start < entity.end and entity.start < arg.end]
        if not roles:
            self._set_message(f"{entity.label} {words!r} fills no role of an event: o gives it one in the current "
                              f"event; 1-9 relabel, x remove, m attributes, R relations",
                              "Enter: it is in no event (o gives it a role)")
            return
        event, role = next(((ev, r) for ev, r in roles if ev.id == self.current_event), roles[0])
        self._enter_event(event, f"{words!r} is the {role} of the {{kind}} event", f"{role} of {{kind}}")

    def _enter_event(self, event, what: str, short: str) -> None:
        """``event`` is the current one from now on; the status line says so (``what``, its ``{kind}``
        filled in) and how to edit it, unless it was current already and the line tells what its form did
        (an Enter once too often after the form's Enter: the coder still reads what was saved)."""
        if event.id == self.current_event and self._message and self._message == self.form_outcome:
            return
        self.current_event = event.id
        self._refresh_events()
        kind = self.codebook.kind_of(event.type, event.subtype)
        what, short = what.format(kind=kind), short.format(kind=kind)
        suggested = " (suggested: a accepts it)" if event.status == "suggested" else ""
        shown = self.current_plan().show_events
        self._set_message(f"{what}{suggested} is the current event: f its form, "
                          + ("tab the panel" if shown else "F3 shows the event panel"),
                          f"{short}: current event (f its form{'' if shown else ', F3 the panel'})")
