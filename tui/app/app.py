"""The newsmark app: a thin Textual layer over the headless core.

Three panes (article list, article, event panel), a header with the article's title, date and
source, a status line and a footer. Every annotation key goes through ``tui.core`` and is saved
before the next key is read. The spaCy model loads in a worker so that the window paints at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..core import annotate
from ..core.codebook import Codebook
from ..core.nlp import Pipeline, entity_spans, load_pipeline
from ..core.session import ArticleSession
from ..core.store import Store
from ..core.tokens import TokenIndex
from .screens.help import HelpScreen
from .widgets.article_list import ArticleList
from .widgets.article_view import ArticleView
from .widgets.event_panel import EventPanel
from .widgets.legend import Legend
from .widgets.search_bar import SearchBar

# Keys that act on the article under the cursor: bound on the article view, carried out by the app.
ANNOTATION_BINDINGS = [
    *[Binding(str(n), f"app.label({n})", f"Label {n}", show=False, id=f"entity.label_{n}") for n in range(1, 10)],
    Binding("x,delete", "app.remove_entity", "Remove entity", id="entity.remove"),
    Binding("a", "app.accept", "Accept", id="entity.accept"),
    Binding("r", "app.reject", "Reject", id="entity.reject"),
    Binding("A", "app.accept_all", "Accept all suggestions", show=False, id="entity.accept_all"),
    Binding("u", "app.undo", "Undo", id="history.undo"),
    Binding("ctrl+r", "app.redo", "Redo", show=False, id="history.redo"),
    Binding("n", "app.jump(1)", "Next", show=False, id="jump.next"),
    Binding("N", "app.jump(-1)", "Previous", show=False, id="jump.previous"),
    Binding("slash", "app.search", "Search", id="search.open"),
]


class AnnotatedArticleView(ArticleView):
    BINDINGS = ArticleView.BINDINGS + ANNOTATION_BINDINGS


class NewsmarkApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "newsmark"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("right_square_bracket", "step_article(1)", "Next article", id="article.next"),
        Binding("left_square_bracket", "step_article(-1)", "Prev article", id="article.previous"),
        Binding("d", "done", "Done", id="article.done"),
    ]

    def __init__(
        self, store: Store, codebook: Codebook, annotator: str = "annotator",
        pipeline: Pipeline | None = None, load_model: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self.codebook = codebook
        self.annotator = annotator
        self.pipeline = pipeline
        self._load_model = load_model and pipeline is None
        self.session: ArticleSession | None = None
        self._message = ""

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            with Vertical(id="reader"):
                yield Static(id="article-header")
                yield Legend(self.codebook, id="legend")
                yield AnnotatedArticleView(self.codebook, id="article")
                yield SearchBar(placeholder="search the article", id="search")
            yield EventPanel(id="events")
        yield Static(id="status")
        yield Footer()

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    def on_mount(self) -> None:
        rows = self.store.rows()
        self.article_list.load(rows)
        start = next((r["id"] for r in rows if r["status"] in ("in progress", "todo")), rows[0]["id"])
        self.open_article(start)
        if self._load_model:
            self._set_message("loading the spaCy model…")
            self.load_model()

    # -- the model -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="model")
    def load_model(self) -> None:
        pipeline = load_pipeline()
        self.call_from_thread(self._model_ready, pipeline)

    def _model_ready(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._set_message(pipeline.description)
        if self.session is not None:
            self.view.tokens = TokenIndex.from_tokenizer(pipeline.nlp.tokenizer, self.session.article.text)
            self._analyse_if_needed()

    def _analyse_if_needed(self) -> None:
        if self.pipeline is not None and self.session is not None and not self.session.analysed:
            self._analyse(self.session.article.id, self.session.article.text)

    @work(thread=True, exclusive=True, group="analyse")
    def _analyse(self, article_id: str, text: str) -> None:
        spans = entity_spans(self.pipeline, text)
        self.call_from_thread(self._store_model_entities, article_id, spans)

    def _store_model_entities(self, article_id: str, spans: list[tuple[int, int, str]]) -> None:
        if self.session is None or self.session.article.id != article_id or self.session.analysed:
            return
        self.session.set_model_entities(spans, self.pipeline.name)
        self._sync_row()
        self.view.refresh()
        self._set_message(f"{len(spans)} entities suggested by {self.pipeline.name}")

    # -- articles ------------------------------------------------------------------------------

    def open_article(self, article_id: str) -> None:
        """Close the current article (saving it) and show another, cursor at its body."""
        self._close_session()
        self.session = self.store.open_session(article_id, self.annotator)
        row = self.store.row(article_id)
        if row and row["status"] == "todo":
            self.store.set_status(article_id, "in progress")
        article = self.session.article
        tokens = (TokenIndex.from_tokenizer(self.pipeline.nlp.tokenizer, article.text)
                  if self.pipeline else TokenIndex.from_regex(article.text))
        self.view.show(self.session, tokens, cursor=article.body_start)
        self._show_header()
        self.query_one(EventPanel).show_events(article.text, list(self.session.events.values()))
        self._sync_row()
        self.article_list.select_article(article_id)
        self.view.focus()
        self._analyse_if_needed()

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.store.sync(self.session)
            self.session = None

    def _sync_row(self) -> None:
        if self.session is not None:
            self.store.sync(self.session)
            self.article_list.update_row(self.store.row(self.session.article.id))

    def _show_header(self) -> None:
        article = self.session.article
        title = Text(article.title or "(untitled)", style="bold", no_wrap=True, overflow="ellipsis")
        details = " · ".join(x for x in (article.published or "no date", article.url or article.source) if x)
        header = Text("\n").join([title, Text(details, style="dim", no_wrap=True, overflow="ellipsis")])
        self.query_one("#article-header", Static).update(header)
        self.sub_title = article.title

    def action_step_article(self, step: int) -> None:
        ids = self.store.article_ids()
        here = ids.index(self.session.article.id)
        target = here + step
        if 0 <= target < len(ids):
            self.open_article(ids[target])
        else:
            self.bell()
            self._set_message("no more articles" if step > 0 else "this is the first article")

    def action_done(self) -> None:
        self.store.set_status(self.session.article.id, "done")
        self._sync_row()
        self._set_message("marked done")
        self.action_step_article(1)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table is self.article_list and event.row_key.value != self.session.article.id:
            self.open_article(event.row_key.value)

    # -- entity actions ------------------------------------------------------------------------

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
        self._set_message(what or action["label"])

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
        ent = self._entity_here()
        if ent:
            self._after(annotate.accept(self.session, ent), "" if ent.status == "suggested" else "already accepted")

    def action_reject(self) -> None:
        ent = self._entity_here()
        if ent:
            self._after(annotate.reject(self.session, ent), "" if ent.status == "suggested" else
                        "only suggestions can be rejected; x removes an entity")

    def action_accept_all(self) -> None:
        action = annotate.accept_all(self.session)
        self.view.refresh()
        self._set_message(action["label"] if action else "no suggestions left")

    def action_undo(self) -> None:
        self._history(self.session.undo(), "undone")

    def action_redo(self) -> None:
        self._history(self.session.redo(), "redone")

    def _history(self, action: dict | None, verb: str) -> None:
        if action is None:
            self._set_message(f"nothing to be {verb}")
            return
        self._after(action, f"{verb}: {action['label']}")
        first = action["changes"][0]
        record = first["after"] or first["before"]
        if "start" in record:
            self.view.move_to(record["start"])
        self._refresh_events()

    def _refresh_events(self) -> None:
        self.query_one(EventPanel).show_events(self.session.article.text, list(self.session.events.values()))

    def action_jump(self, direction: int) -> None:
        view = self.view
        if view.matches:
            view.jump_match(direction)
            self._set_message(f"match {view.match_index + 1} of {len(view.matches)}")
            return
        ent = self.session.next_entity(view.cursor, direction)
        if ent is None:
            self._set_message("no more entities")
        else:
            view.move_to(ent.start)

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    def on_search_bar_done(self, message: SearchBar.Done) -> None:
        view = self.view
        view.focus()
        if message.query is None:
            return
        if not message.query:
            view.clear_search()
            self._set_message("search cleared: n and N move between entities")
            return
        count = view.search(message.query)
        self._set_message(f"{count} matches for {message.query!r}" if count else f"no match for {message.query!r}")

    # -- status, help, palette, quit -------------------------------------------------------------

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self._show_status()

    def _set_message(self, message: str) -> None:
        self._message = message
        self._show_status()

    def _show_status(self) -> None:
        if not self.is_mounted:
            return
        status = Text()
        if self.session is not None:
            ent = self.session.entity_at(self.view.cursor)
            if ent:
                status.append(f"{ent.label} ({ent.status}) ", style=f"bold {self.codebook.colour(ent.label)}")
            status.append(f"@{self.view.cursor}  ", style="dim")
        if self.pipeline is None:
            status.append("model loading  ", style="dim")
        elif self.pipeline.fallback:
            status.append("NO MODEL: rules only  ", style="bold red")
        status.append(self._message)
        self.query_one("#status", Static).update(status)

    def action_help(self) -> None:
        def named(binding: Binding) -> Binding:
            label = self.codebook.label_for_key(binding.key) if binding.id.startswith("entity.label") else None
            return replace(binding, description=f"{binding.description} ({label.name})") if label else binding

        sections = [
            ("Article: cursor and selection", ArticleView.BINDINGS),
            ("Article: annotation", [named(b) for b in ANNOTATION_BINDINGS]),
            ("Everywhere", self.BINDINGS + [Binding("tab", "", "Move focus between panes"),
                                            Binding("ctrl+p", "", "Command palette")]),
        ]
        self.push_screen(HelpScreen(sections))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Accept all suggestions", "Accept every entity suggestion left in this article",
                            self.action_accept_all)
        yield SystemCommand("Mark article done", "Mark this article done and open the next", self.action_done)

    async def action_quit(self) -> None:
        self._close_session()
        self.exit()

    def on_unmount(self) -> None:
        self._close_session()
