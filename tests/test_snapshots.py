"""Snapshots of what the screen shows (pytest-textual-snapshot; `pytest --snapshot-update` to renew)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.app.app import NewsmarkApp
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.event_panel import EventPanel
from tui.core import annotate
from tui.core.nlp import entity_spans
from tui.core.store import Store
from tui.core.tokens import TokenIndex
from tui.commands.import_ import import_sources

from .conftest import ROOT, SEED


class ArticlePaneHarness(App[None]):
    """Just the article pane, on the seed article, so the snapshot holds nothing machine-specific."""

    CSS = "ArticleView { height: 1fr; border: round $accent; }"

    def __init__(self, session, codebook, tokens) -> None:
        super().__init__()
        self.session, self.codebook, self.tokens = session, codebook, tokens

    def compose(self) -> ComposeResult:
        yield ArticleView(self.codebook)

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.show(self.session, self.tokens, cursor=self.session.article.body_start)
        view.focus()


def test_article_pane_with_entities_suggestion_cursor_and_selection(seed_db, codebook, pipeline, snap_compare):
    store = Store(seed_db)
    session = store.open_session(store.article_ids()[0], "tester")
    text = session.article.text
    session.set_model_entities(entity_spans(pipeline, text), pipeline.name)
    sdf = text.index("Syrian Democratic Forces")
    annotate.accept(session, session.entity_at(sdf))  # accepted; the rest stay suggestions
    tokens = TokenIndex.from_tokenizer(pipeline.nlp.tokenizer, text)
    app = ArticlePaneHarness(session, codebook, tokens)
    try:
        # w w moves to "lucas", v starts a selection, w w extends it over "– eaworldview".
        assert snap_compare(app, press=["w", "w", "v", "w", "w"], terminal_size=(90, 20))
    finally:
        session.close()
        store.close()


class EventPanelHarness(App[None]):
    """Just the event panel, with the seed article's suggested events, one accepted."""

    CSS = "EventPanel { width: 1fr; height: 1fr; }"

    def __init__(self, codebook, text, events, warnings, current) -> None:
        super().__init__()
        self.codebook = codebook
        self.text, self.events, self.warnings, self.current = text, events, warnings, current

    def compose(self) -> ComposeResult:
        yield EventPanel(self.codebook, id="events")

    def on_mount(self) -> None:
        panel = self.query_one(EventPanel)
        panel.show_events(self.text, self.events, self.warnings, self.current)
        panel.table.focus()


def test_event_panel_with_suggested_and_accepted_events(seed_db, codebook, pipeline, snap_compare):
    from tui.core.events import accept_event, visible_events
    from tui.core.suggest import Suggester
    from tui.core.validation import validate_event

    store = Store(seed_db)
    session = store.open_session(store.article_ids()[0], "tester")
    text = session.article.text
    doc = pipeline.nlp(text)
    suggested = Suggester(codebook).suggest(doc, session.article)
    session.set_model_entities([(e.start_char, e.end_char, e.label_) for e in doc.ents], pipeline.name, suggested)
    strike = next(e for e in suggested if e.type == "REMOTE_VIOLENCE")
    session.commit("accept", accept_event(session, strike.id))
    shown = visible_events(session)
    entities = list(session.entities.values())
    warnings = {e.id: validate_event(codebook, e, text, entities) for e in shown}
    app = EventPanelHarness(codebook, text, shown, warnings, strike.id)
    try:
        assert snap_compare(app, terminal_size=(160, 30))
    finally:
        session.close()
        store.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (250, 60)])
def test_the_whole_app_at_each_terminal_size(tmp_path, monkeypatch, codebook, pipeline, snap_compare, size):
    """The seed article as the app opens it, analysed by the real model (the header shows the file
    name relative to the project, as `make run` does, so the snapshot is the same on every machine)."""
    monkeypatch.chdir(ROOT)
    db = tmp_path / "project.json"
    with Store(db) as store:
        import_sources(store, [str(SEED.relative_to(ROOT))])
    store = Store(db)
    app = NewsmarkApp(store, codebook, "tester", pipeline=pipeline)

    async def analysed(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=size, run_before=analysed)
    finally:
        store.close()
