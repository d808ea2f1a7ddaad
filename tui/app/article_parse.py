"""The model's reading of the open article (a mixin of ``NewsmarkApp``): loading the spaCy model in
a worker, analysing each article once (its entity and event suggestions, stored), and keeping the
parsed Doc for `e`.

The analysis worker parses an article once to store the model's suggestions and keeps its Doc; an
article analysed before is parsed again only when the coder first presses `e` in it (a tenth of a
second, before the type picker opens, so no key typed ahead is lost), never merely by opening it.
Only the open article's Doc is kept.
"""

from __future__ import annotations

import gc
import threading

from textual import work

from ..core import gazetteer, normalise
from ..core.model import Article, Event
from ..core.nlp import Pipeline, load_pipeline
from ..core.storage import SaveError
from ..core.tokens import TokenIndex
from .background import in_daemon_thread


class ArticleParse:
    _parsed: tuple[str, object] | None = None
    _nlp_lock = threading.Lock()  # one spaCy call at a time: the analysis and parse workers share it
    _suggester = None
    refused = ""  # why the app closed at once (a --model that does not load): one line, exit 1

    @property
    def suggester(self):
        """The suggester (built once: its trigger tables), the trained triggers' with a pipeline from
        `newsmark train`; None without a parser (rules only)."""
        if self.pipeline is None or self.pipeline.fallback:
            return None
        if self._suggester is None:
            from ..core.learn.model_suggest import suggester_for
            self._suggester = suggester_for(self.pipeline, self.codebook)
        return self._suggester

    def parse(self, text: str):
        with self._nlp_lock:
            return self.pipeline.nlp(text)

    def keep_doc(self, article_id: str, doc) -> None:
        self._parsed = (article_id, doc)

    def parsed_doc(self, wait: bool = False):
        """The open article's Doc; with ``wait``, parse it now if the worker has not yet."""
        session = self.session
        if session is None or self.suggester is None:
            return None
        if self._parsed and self._parsed[0] == session.article.id:
            return self._parsed[1]
        if not wait:
            return None
        self.keep_doc(session.article.id, self.parse(session.article.text))
        return self._parsed[1]

    def reading_at(self, start: int, end: int) -> Event | None:
        """The parse's reading of an event at the trigger [start, end), or None without a parse."""
        doc = self.parsed_doc(wait=True)
        if doc is None:
            return None
        return self.suggester.event_at(doc, start, end, self.session.article, self.session.annotator)

    def likely_types(self, start: int, end: int) -> list[str]:
        """``type|subtype`` values the trigger's words can name, likeliest first ([] without a parse)."""
        doc = self.parsed_doc(wait=True)
        if doc is None:
            return []
        return [f"{name}|{sub}" for name, sub in self.suggester.likely_types(doc, start, end)]

    @work(thread=True, exclusive=True, group="model")
    def load_model(self) -> None:
        """Load the model off the event loop: the window paints and takes keys while spaCy imports."""
        pipeline = load_pipeline(self.model)
        gazetteer.warm_up()  # the place index and dateparser each take about a second the first time
        normalise.warm_up()
        self.call_from_thread(self._model_ready, pipeline)

    def _model_ready(self, pipeline: Pipeline) -> None:
        if pipeline.fallback and self.model:  # the coder asked for this model: never the rules instead
            from ..core.learn.model_suggest import DOES_NOT_LOAD

            self.refused = DOES_NOT_LOAD.format(self.model)  # `open` says it once the screen is back
            self.exit(return_code=1)
            return
        self.pipeline = pipeline
        self._set_message(pipeline.description)
        if self.session is not None:
            self.view.tokens = TokenIndex.from_tokenizer(pipeline.nlp.tokenizer, self.session.article.text)
            self._analyse_if_needed()

    def _analyse_if_needed(self) -> None:
        if self.pipeline is not None and self.session is not None and not self.session.analysed:
            self._analyse(self.session.article)

    @work(exclusive=True, group="analyse")
    async def _analyse(self, article: Article) -> None:
        """The model's reading of the article, on a thread that quitting does not wait for."""
        from ..core.suggest import model_output

        def read():
            doc = self.parse(article.text)
            return doc, model_output(doc, article, self.suggester)  # no suggester: rules only

        doc, (spans, suggested) = await in_daemon_thread(read, "newsmark-analyse")
        if self.suggester is not None:
            self.keep_doc(article.id, doc)
        self._store_model_output(article.id, spans, suggested)

    def _store_model_output(self, article_id: str, spans: list[tuple[int, int, str]], suggested: list) -> None:
        if self.session is None or self.session.article.id != article_id or self.session.analysed:
            return
        try:
            self.session.set_model_entities(spans, self.pipeline.name, suggested)
        except SaveError as exc:  # shown and pending like an edit; saved with the next key
            self._cannot_save(exc)
        reopened = self.store.reopen_if_unreviewed(self.session)  # it was done: new suggestions to answer
        gc.freeze()
        self._show_counts()
        self._refresh_events()
        self.view.refresh()
        again = "; no longer done" if reopened else ""
        self._after_arrival(f"{len(spans)} entities and {len(suggested)} events suggested by {self.pipeline.name}{again}",
                            f"{len(spans)} entities, {len(suggested)} events suggested{again}")
