"""Completion in the event form: Textual's inline suggester over ``tui.core.completion``.

The core ``Completer`` knows the candidates (the article's entities, the project's coded values,
the codebook's standard actors, countries and admin1 units). The Input shows a completion that
extends what was typed in grey, as Textual's suggester does; the form's hint line shows any
completion (also one that matches a later word: "syria" -> "Military Forces of Syria (2000-2024)"),
and Tab or Enter takes it.
"""

from __future__ import annotations

from typing import Callable

from textual.suggester import Suggester

from ..core.completion import Completer, coded_values
from ..core.article_country import article_country


class FieldSuggester(Suggester):
    """Inline completion of one field; ``country()`` gives the event's country as the form has it."""

    def __init__(self, completer: Completer, field: str, country: Callable[[], str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.completer, self.field, self.country = completer, field, country

    async def get_suggestion(self, value: str) -> str | None:
        found = self.completer.complete(self.field, value, self.country())
        return found if found and found.casefold().startswith(value.casefold()) else None


def completer_for(app, event=None) -> Completer:
    """The completer of an event of the open article: the event's own actor words, the article's
    visible entities, and what the project has coded so far (the index's values, plus the open
    article's own, which reach the index when it closes)."""
    session = app.session
    text = session.article.text
    entities = [(text[e.start:e.end], e.label) for e in session.visible_entities()]
    project = {name: set(values) for name, values in app.store.coded_values().items()}
    for name, values in coded_values(session.events.values()).items():
        project.setdefault(name, set()).update(values)
    return Completer(app.codebook, entities, project, event.fields if event is not None else None,
                     default_country=article_country(text, session.article.title), text=text)
