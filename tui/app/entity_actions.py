"""Entity actions of the app: label, remove, accept, reject, undo; each is one call into tui.core.

A mixin of ``NewsmarkApp``: it uses the app's ``session``, ``view`` and ``_set_message``.
"""

from __future__ import annotations

from ..core import annotate


class EntityActions:
    """The keys 1-9, x, a, r, A, u and ctrl+r of the article pane."""
    def _target_span(self) -> tuple[int, int] | None:
        """The selection snapped to tokens, else the entity or token under the cursor."""
        view = self.view
        selection = view.selection()
        if selection:
            return view.tokens.snap(*selection)
        ent = self.session.entity_at(view.cursor)
        if ent:
            return ent.start, ent.end
        return view.tokens.token_at(view.cursor)

    def _after(self, action: dict | None, what: str = "") -> None:
        """Repaint what an action changed and say what happened."""
        view = self.view
        view.clear_selection()
        if action is None:
            self._set_message(what or "nothing to do here")
            return
        offsets = [(rec["start"], rec["end"]) for c in action["changes"]
                   for rec in (c["before"], c["after"]) if rec and "start" in rec]
        if offsets:
            view.refresh_offsets(min(s for s, _ in offsets), max(e for _, e in offsets))
            if self._touches_an_event(offsets):  # an argument's label changed: re-check the events
                self._refresh_events()
        self._counts_later()
        self._set_message(what or action["label"])

    def _touches_an_event(self, offsets: list[tuple[int, int]]) -> bool:
        for event in self.session.events.values():
            spans = [(a.start, a.end) for a in event.arguments if a.has_span]
            if any(s < e2 and s2 < e for s, e in spans for s2, e2 in offsets):
                return True
        return False

    def action_label(self, number: int) -> None:
        label = self.codebook.label_for_key(str(number))
        if label is None:
            self._set_message(f"key {number} has no label in codebook {self.codebook.name}")
            return
        span = self._target_span()
        if span is None:
            self._set_message("nothing to label here: move to a word or select some text")
            return
        self._after(annotate.label_span(self.session, span[0], span[1], label.name))

    def _entity_here(self):
        ent = self.session.entity_at(self.view.cursor)
        if ent is None:
            self._set_message("no entity under the cursor")
        return ent

    def action_remove_entity(self) -> None:
        ent = self._entity_here()
        if ent:
            self._after(annotate.remove(self.session, ent))

    def action_accept(self) -> None:
        event = self._suggested_event_here()
        if event is not None:  # on a suggested event's trigger, a accepts the event: one key
            self.current_event = event.id
            self.action_event_op("accept")
            return
        ent = self._entity_here()
        if ent:
            self._after(annotate.accept(self.session, ent), "" if ent.status == "suggested" else "already accepted")

    def action_reject(self) -> None:
        event = self._suggested_event_here()
        if event is not None:
            self.current_event = event.id
            self.action_event_op("reject")
            return
        ent = self._entity_here()
        if ent:
            self._after(annotate.reject(self.session, ent), "" if ent.status == "suggested" else
                        "only suggestions can be rejected; x removes an entity")

    def action_accept_all(self) -> None:
        action = annotate.accept_all(self.session)
        self.view.refresh()
        self._refresh_events()  # the suggested events it accepted show their new mark
        self._counts_later()
        self._set_message(action["label"] if action else "no suggestions left")

    def action_undo(self) -> None:
        self._history(self.session.undo(), "undone")

    def action_redo(self) -> None:
        self._history(self.session.redo(), "redone")

    def _history(self, action: dict | None, verb: str) -> None:
        if action is None:
            self._set_message(f"nothing to be {verb}")
            return
        message = f"{verb}: {action['label']}"
        if self.store.reopen_if_unreviewed(self.session):  # suggestions are back to answer
            self._show_counts()
            message += "; suggestions to review again, so no longer done"
        self._after(action, message)
        first = action["changes"][0]
        record = first["after"] or first["before"]
        if "start" in record:
            self.view.move_to(record["start"])
        if any(c["table"] == "events" for c in action["changes"]):
            self._refresh_events()
