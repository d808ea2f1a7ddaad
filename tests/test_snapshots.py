"""Snapshots of what the screen shows (pytest-textual-snapshot; `pytest --snapshot-update` to renew)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.app.widgets.article_view import ArticleView
from tui.core import annotate
from tui.core.nlp import entity_spans
from tui.core.store import Store
from tui.core.tokens import TokenIndex


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
