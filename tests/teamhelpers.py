"""Helpers for team tests: a coder's database holding given annotations on given articles, made with
the real store (one undoable commit per article, as the app would save them)."""

from __future__ import annotations

from pathlib import Path

from tui.core.model import Argument, Article, Entity, Event, article_id_for
from tui.core.session import change
from tui.core.store import Store

TEXT = ("Gunmen killed 12 villagers in Kaduna on Sunday, police said. Troops attacked rebels near "
        "Maiduguri and shelled a market in Borno on Monday.")


def article(text: str = TEXT, title: str = "Kaduna attack") -> Article:
    return Article(article_id_for(text), text, title=title, published="2024-03-04")


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """The [start, end) of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def ent(words: str, label: str, text: str = TEXT) -> Entity:
    return Entity(*span(text, words), label)


def event(trigger: str, type_: str, subtype: str = "", args: dict | None = None, fatalities=None,
          text: str = TEXT) -> Event:
    arguments = [Argument(role, *span(text, words)) for role, words in (args or {}).items()]
    fields = {} if fatalities is None else {"fatalities": fatalities}
    return Event(type_, subtype, *span(text, trigger), arguments=arguments, fields=fields)


def coder_db(path: Path, name: str, work: list[tuple[Article, list[Entity], list[Event]]],
             status: str = "in progress") -> Path:
    """A database at ``path`` with each article and the coder's records on it (annotator ``name``)."""
    with Store(path) as store:
        for art, entities, events in work:
            store.add_article(Article.from_dict(art.to_dict()))
            session = store.open_session(art.id, name)
            for rec in (*entities, *events):
                rec.annotator = name
            session.commit("coded", [change("entities", None, e) for e in entities]
                           + [change("events", None, e) for e in events])
            session.close()
            store.sync(session)
            store.set_status(art.id, status)
    return path
