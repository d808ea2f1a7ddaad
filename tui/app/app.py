"""The newsmark app: a thin Textual layer over the headless core.

Three panes (article list, article, event panel), a header with the article's title, date and
source, a status line and a footer. Every annotation key goes through ``tui.core`` and is saved
before the next key is read. The spaCy model loads in a worker (``article_parse``) so that the
window paints at once.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import Iterable

from rich.text import Text
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..core.codebook import Codebook
from ..core.events import event_at
from ..core.importer import MAX_ARTICLE_CHARS, too_long
from ..core.nlp import Pipeline
from ..core.session import ArticleSession
from ..core.storage import ArticleDamaged, SaveError
from ..core.store import Store
from ..core.tokens import TokenIndex
from .article_enter import ArticleEnter
from .article_parse import ArticleParse
from .entity_actions import EntityActions
from .export_commands import export_commands
from .key_routing import AimedKeys
from .palette import BurstPalette
from .layout import PANE_BINDINGS, PaneLayout
from .event_actions import EventActions
from .relation_actions import RelationActions
from .review_actions import ReviewActions
from .save_guard import SaveGuard
from .status_line import fit, status_parts
from .screens.help import HelpScreen, picker_help
from .widgets.article_list import ArticleList
from .widgets.article_view import ArticleView
from .widgets.event_panel import EVENT_BINDINGS, EventPanel, EventTable
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
    Binding("e", "app.new_event", "New event", id="event.new"),
    Binding("o", "app.assign_role", "Assign role", id="event.assign"),
    Binding("f", "app.edit_event", "Event fields", show=False, id="event.fields"),
    Binding("R", "app.relation", "Relations", id="relation.edit"),
    Binding("m", "app.attribute", "Attributes", id="attribute.toggle"),
    Binding("enter", "app.article_enter", "Show the event here in the panel", show=False, id="article.enter"),
]


class AnnotatedArticleView(ArticleView):
    BINDINGS = ArticleView.BINDINGS + ANNOTATION_BINDINGS

    def on_unmount(self) -> None:
        self.app.left_at = (self.session, self.cursor)  # the app closes the article after its panes


class NewsmarkApp(PaneLayout, EntityActions, EventActions, RelationActions, ReviewActions, ArticleEnter, ArticleParse,
                  SaveGuard, AimedKeys, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "newsmark"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("right_square_bracket", "step_article(1)", "Next article", id="article.next"),
        Binding("left_square_bracket", "step_article(-1)", "Prev article", id="article.previous"),
        Binding("d", "done", "Done", id="article.done"),
        Binding("S", "skip", "Skip", id="article.skip"),
        Binding("slash", "search", "Search", id="search.open"),
        *PANE_BINDINGS,
    ]

    def __init__(
        self, store: Store, codebook: Codebook, annotator: str = "annotator",
        pipeline: Pipeline | None = None, load_model: bool = True, model: str | None = None,
        order: str = "import",
    ) -> None:
        super().__init__()
        self.model, self.order = model, order  # a trained pipeline folder; the article list's order
        self.store = store
        self.codebook = codebook
        self.annotator = annotator
        self.pipeline = pipeline
        self._load_model = load_model and pipeline is None
        self.session: ArticleSession | None = None
        self.current_event: str | None = None
        self._counts_due = False
        self._message, self._message_short = "", None
        self.form_outcome = ""  # the status line the event form's end left (Enter in the article keeps it)
        self._arrival: tuple[str, str | None] = ("", None)  # what the key that opened the article said
        self._quit_refused = False
        store.on_problem = self._problem  # damage found while reading: a notification, not stderr
        self.left_at: tuple[ArticleSession | None, int] = (None, 0)

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="articles", order=self.order)
            with Vertical(id="reader"):
                yield Static(id="article-header")
                yield Legend(self.codebook, id="legend")
                yield AnnotatedArticleView(self.codebook, id="article")
                yield SearchBar(placeholder="search the article", id="search")
            yield EventPanel(self.codebook, id="events")
        yield Static(id="status")
        yield Footer(compact=True)

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    def on_mount(self) -> None:
        self.apply_layout()
        self._warnings_later = True
        self.call_after_refresh(self._warnings_now)
        self.article_list.load(self.store.rows())
        ids = self.article_list.ordered_ids()
        last = self.store.last_opened()  # where the coder left off, else the first not done
        first = self.article_list.first_unreviewed()  # least sure first: the least sure, wherever they left off
        resumed = last and self.order != "uncertain" and (self.store.row(last[0]) or {}).get("status") != "skipped"
        first = last[0] if resumed else first  # a skipped article is passed over, as ] does
        start = ids.index(first) if first in ids else 0
        if not any(self.open_article(i) for i in ids[start:] + ids[:start]):
            self.exit(message=Text(f"newsmark: no article of {self.store.path} can be read; `newsmark "
                                   f"restore --db {self.store.path}` shows what the backup can bring back"))
            return
        if self._load_model:
            self._set_message("loading the spaCy model…")
            self.call_after_refresh(self.load_model)  # after the first paint: importing spaCy holds the GIL

    # -- articles ------------------------------------------------------------------------------

    def open_article(self, article_id: str) -> bool:
        """Close the current article (saving it) and show another, the cursor where the coder left
        it (else at its body); the status line starts afresh, with no message about another article.
        False (and a message) if its file is damaged or it is over the length limit, and the current
        article stays open."""
        row = self.store.row(article_id)
        if row and too_long(row):
            self._set_message(f"article {article_id} not opened: {row['chars']:,} characters is over the "
                              f"limit of {MAX_ARTICLE_CHARS:,} (split it and import the parts)")
            return False
        try:
            session = self.store.open_session(article_id, self.annotator)
        except ArticleDamaged as exc:
            self._problem(str(exc))
            self._set_message(f"article {article_id} not opened: its file is damaged")
            return False
        try:
            with self.store.batch():  # the old article's counts and this one's status: one index write
                try:
                    self._close_session()
                except SaveError:
                    session.close()
                    raise
                self.session = session
                row = self.store.row(article_id)
                if row and row["status"] == "todo":
                    self.store.set_status(article_id, "in progress")
        except SaveError as exc:
            if self.session is not session:  # the old article's edits are not saved: it stays open
                raise
            self._problem(str(exc))  # only the index is behind
        article = self.session.article
        tokens = (TokenIndex.from_tokenizer(self.pipeline.nlp.tokenizer, article.text)
                  if self.pipeline else TokenIndex.from_regex(article.text))
        self.view.show(self.session, tokens, cursor=(row or {}).get("cursor", article.body_start))
        self._show_header()
        self.current_event = None
        self._refresh_events()
        self._show_counts()
        self.article_list.select_article(article_id)
        self.view.focus()
        self._set_message("")
        self._analyse_if_needed()
        # The article's records are long-lived: keep the garbage collector from rescanning them on
        # every key (a full collection over a long article costs tens of milliseconds).
        gc.freeze()
        return True

    def _close_session(self) -> None:
        """Save and close the open article; ``SaveError`` (and it stays open) if edits cannot be saved."""
        if self.session is not None:
            self.session.close()
            views = self.query(ArticleView)  # none left when the app is unmounting: see left_at
            viewed, cursor = (views.first().session, views.first().cursor) if views else self.left_at
            session, self.session = self.session, None
            # passed over with nothing ever coded in it: back to "todo", not "in progress"
            untouched = not session.history and (self.store.row(session.article.id) or {}).get("status") == "in progress"
            try:
                self.store.sync(session, cursor=cursor if viewed is session else None)
                if untouched:
                    self.store.set_status(session.article.id, "todo")
                    if views:  # not while the app is closing
                        self.article_list.update_row(self.store.row(session.article.id))
            except SaveError as exc:  # only the list's counts are behind; the edits are saved
                self._problem(str(exc))

    def _show_counts(self) -> None:
        """Show the open article's counts in the list; the index file gets them when it closes, so
        an edit never rewrites the index (whose size grows with the project)."""
        self._counts_due = False
        if self.session is not None:
            row = {**self.store.row(self.session.article.id), **self.session.counts()}
            self.article_list.update_row(row)
            self.query_one(Legend).show_labels({e.label for e in self.session.visible_entities()})

    def _counts_later(self) -> None:
        """Show the counts once the keys pause: counting costs as much as the article is long."""
        if not self._counts_due:
            self._counts_due = True
            self.set_timer(0.4, self._show_counts)

    def _show_header(self) -> None:
        article = self.session.article
        title = Text(article.title or "(untitled)", style="bold")
        details = " · ".join(x for x in (article.published or "no date", article.url or article.source) if x)
        header = Text("\n").join([title, Text(details, style="dim")])
        self.query_one("#article-header", Static).update(header, layout=False)  # two lines, always
        self.sub_title = article.title

    def action_step_article(self, step: int) -> None:
        """The next (or previous) article to code, in the order the list shows: a skipped one is passed
        over (the list still opens it), and so is one that cannot be opened, each said on the status line."""
        target = self.article_list.neighbour(self.session.article.id, step)
        unreadable, passed = [], 0
        while target is not None:
            if (self.store.row(target) or {}).get("status") == "skipped":
                passed += 1
            elif self.open_article(target):
                break
            else:
                unreadable.append(target)  # a damaged or over-long article is stepped over, with a message
            target = self.article_list.neighbour(target, step)
        said = []
        if passed:
            said.append(f"stepped over {passed} skipped article(s) (F2 lists them; opened from there, S takes the skip back)")
        if unreadable:
            said.append(f"passed over {len(unreadable)} article(s) that cannot be opened: {', '.join(unreadable)}")
        if target is None:
            self.bell()
            said.insert(0, "no more articles" if step > 0 else "this is the first article")
        if said:
            self._say_on_arrival("; ".join(said))

    def on_article_list_selected(self, event: ArticleList.Selected) -> None:
        if event.article_id != self.session.article.id:
            self._guarded(self.open_article)(event.article_id)
        else:
            self.view.focus()  # the article already open: Enter goes back to it
            self._set_message("")  # as opening one does: no word left about the list shown
        if self.current_plan().stacked:  # above a narrow article the list was a drawer: close it
            self._want_list = False
            self.apply_layout()

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
        """Search the article, from whichever pane has focus."""
        self.query_one(SearchBar).open(give_back_to=self.view, then=self._searched)

    def _searched(self, query: str | None) -> None:
        """The search line's words, as Enter gives them (None: Escape)."""
        view = self.view
        if query is None:
            return
        if not query:
            view.clear_search()
            self._set_message("search cleared: n and N move between entities")
            return
        count = view.search(query)
        found = f"match {view.match_index + 1} of {count}" if count else "no match"
        self._set_message(f"{found} for {query!r}")

    # -- status, help, palette, quit -------------------------------------------------------------

    def on_article_view_cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self._show_status()

    def on_article_view_stopped_at_sentence_end(self, message: ArticleView.StoppedAtSentenceEnd) -> None:
        self._set_message("the selection stops at the end of the sentence (shift+arrows take it further)",
                          "selection stops at the sentence end")

    def _set_message(self, message: str, short: str | None = None) -> None:
        """What the last key did; ``short``, a shorter form for a narrow terminal."""
        self._message, self._message_short = message, short
        self._show_status()

    def _say_on_arrival(self, message: str, short: str | None = None) -> None:
        """What the key that opened this article did (`d`, `S`, `]`): the model's word on the article,
        coming later, is added to it rather than put in its place."""
        self._arrival = (message, short)
        self._set_message(message, short)

    def _after_arrival(self, message: str, short: str) -> None:
        """``message``, after what opened the article when nothing has been said since."""
        said, said_short = self._arrival
        if said and self._message == said:
            self._set_message(f"{said}; {message}", f"{said_short or said}; {short}")
        else:
            self._set_message(message, short)

    def on_descendant_focus(self) -> None:
        self._show_status()  # what the status line describes follows the focus

    def _show_status(self) -> None:
        if not self.is_mounted:
            return
        in_panel = isinstance(self.focused, EventTable)
        cursor = None if in_panel or self.session is None else self.view.cursor
        event = None
        if self.session is not None:  # the current event in the panel, or the one whose trigger is under the cursor
            event = (self.session.events.get(self.current_event or "") if in_panel
                     else event_at(self.session, cursor, self.current_event))
        parts = status_parts(self.session, cursor, self.codebook, self.pipeline, self._message, self._message_short,
                             event)
        width = max(10, self.size.width - 2)  # the status line's padding
        self.query_one("#status", Static).update(fit(parts, width), layout=False)  # fixed size: no relayout per key

    def action_help(self) -> None:
        def named(binding: Binding) -> Binding:
            label = self.codebook.label_for_key(binding.key) if binding.id.startswith("entity.label") else None
            return replace(binding, description=f"{binding.description} ({label.name})") if label else binding

        sections = [
            ("Article: cursor and selection", ArticleView.BINDINGS),
            ("Article: annotation", [named(b) for b in ANNOTATION_BINDINGS]),
            ("Event panel", EVENT_BINDINGS),
            ("Everywhere", self.BINDINGS + [Binding("tab", "", "Move focus between panes"),
                                            Binding("ctrl+p", "", "Command palette")]),
            *picker_help(self.codebook),
        ]
        self.push_screen(HelpScreen(sections))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not BurstPalette.is_open(self):
            self.push_screen(BurstPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Accept all suggestions", "Accept every entity suggestion left in this article",
                            self._guarded(self.action_accept_all))
        yield SystemCommand("Mark article done", "Mark this article done and open the next",
                            self._guarded(self.action_done))
        yield SystemCommand("Skip article", "Pass this article over, not coded, and open the next (S; again on it: "
                            "take the skip back)", self._guarded(self.action_skip))
        yield from export_commands(self)
