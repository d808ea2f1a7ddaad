"""Relation and attribute keys of the app: R relates the entity under the cursor, m marks an attribute.

A mixin of ``NewsmarkApp`` (it uses ``session``, ``view``, ``current_event`` and ``_set_message``).
R opens a picker: the relations the entity takes part in (``x1``, ``x2``... removes one), then the
other entities, nearest first, numbered (choose one, then a relation type by its key, ``l`` Located,
to add ``head -> child``); ``/`` filters either list by words. m opens a picker of attributes for
the entity under the cursor, or else of the current event's modality and attributes; choosing one
sets it, choosing one it already has takes it off. Each is one call into ``tui.core.relations``.
"""

from __future__ import annotations

from rich.text import Text

from ..core import relations as rel_ops
from .screens.picker import Choice, ListPicker, numbered
from .widgets.event_panel import EventPanel


def _words(text: str, start: int, end: int, limit: int = 30) -> str:
    words = " ".join(text[start:end].split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def links_text(session, ent) -> Text:
    """For the status line: the attributes and relations of the entity under the cursor."""
    out = Text()
    if ent.attributes:
        out.append(f"[{rel_ops.describe(ent.attributes)}] ", style="italic")
    text = session.article.text
    for rel in rel_ops.relations_of(session, ent.id)[:3]:
        other = session.entities[rel.child if rel.head == ent.id else rel.head]
        arrow = "→" if rel.head == ent.id else "←"
        out.append(f"{rel.type}{arrow}{_words(text, other.start, other.end, 20)}  ", style="cyan")
    return out


class RelationActions:
    """The keys R (relations) and m (attributes) of the article pane."""

    def action_relation(self) -> None:
        session = self.session
        head = session.entity_at(self.view.cursor)
        if head is None:
            self._set_message("no entity under the cursor: R relates the entity under the cursor to another")
            return
        text = session.article.text
        removals = []
        for rel in rel_ops.relations_of(session, head.id):
            other = session.entities[rel.child if rel.head == head.id else rel.head]
            arrow = "→" if rel.head == head.id else "←"
            removals.append((f"✖ remove {rel.type} {arrow} {other.label} {_words(text, other.start, other.end)}",
                             f"del:{rel.id}"))
        others = sorted((e for e in session.visible_entities() if e.id != head.id),
                        key=lambda e: abs(e.start - head.start))
        choices = numbered(removals, "x") + numbered(
            [(f"→ {e.label} {_words(text, e.start, e.end)}", f"to:{e.id}") for e in others])
        if not choices:
            self._set_message("no other entity in this article to relate it to")
            return

        def chosen(value: str | None) -> None:
            if value is None:
                return
            kind, _, ident = value.partition(":")
            if kind == "del":
                self._after(rel_ops.remove_relation(session, session.relations[ident]))
                return
            child = session.entities[ident]

            def typed(rtype: str | None) -> None:
                if rtype is not None:
                    action = rel_ops.add_relation(session, head, child, rtype)
                    self._after(action, "" if action else "that relation is already there")
            types = rel_ops.relation_types(session)
            keyed = [Choice(rel_ops.RELATION_KEYS[t], t, t) for t in types if t in rel_ops.RELATION_KEYS]
            others = numbered([(t, t) for t in types if t not in rel_ops.RELATION_KEYS])
            self.push_screen(ListPicker(f"relation {head.label} → {child.label}: which type?", keyed + others),
                             typed)
        self.push_screen(ListPicker(f"relate {head.label} {_words(text, head.start, head.end)!r} to…", choices),
                         chosen)

    def action_attribute(self) -> None:
        session = self.session
        in_panel = self.focused is self.query_one(EventPanel).table
        record = None if in_panel else session.entity_at(self.view.cursor)
        if record is None and (in_panel or self.current_event):
            record = self._current()  # in the panel: the row its cursor is on as the key is handled
        if record is None:
            self._set_message("no entity under the cursor and no current event to mark")
            return
        is_event = record.id in session.events
        keyed, others = [], []
        if is_event:
            keyed = [Choice(key, f"{'[x]' if record.modality == m else '[ ]'} modality {m}", f"modality\t{m}")
                     for m, key in rel_ops.MODALITY_KEYS.items()]
        modal = rel_ops.ATTRIBUTE_CHOICES[:3]  # an event has its modality instead
        for name, value in rel_ops.attribute_choices(session):
            has = record.attributes.get(name) == value
            if is_event and (name, value) in modal and not has:
                continue
            item = (f"{'[x]' if has else '[ ]'} {name if value is True else f'{name} = {value}'}",
                    f"{name}\t{'' if value is True else value}")
            key = None if is_event and (name, value) in modal else rel_ops.ATTRIBUTE_KEYS.get((name, value))
            if key:
                keyed.append(Choice(key, *item))
            else:
                others.append(item)
        what = getattr(record, "label", None) or f"event {self.codebook.kind_of(record.type, record.subtype)}"

        def chosen(value: str | None) -> None:
            if value is None:
                return
            name, _, raw = value.partition("\t")
            if is_event and name == "modality":
                self._after(rel_ops.set_modality(session, session.events[record.id], raw))
            else:
                self._after(rel_ops.toggle_attribute(session, session.entities.get(record.id)
                                                     or session.events[record.id], name, raw or True))
            if is_event:
                self._refresh_events()
        self.push_screen(ListPicker(f"attributes of {what}", keyed + numbered(others)), chosen)
