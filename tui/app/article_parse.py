"""The parsed Doc of the open article, kept for `e` (a mixin of ``NewsmarkApp``).

The analysis worker parses an article once to store the model's suggestions and keeps its Doc; an
article analysed before is parsed again only when the coder first presses `e` in it (a tenth of a
second, before the type picker opens, so no key typed ahead is lost), never merely by opening it.
Only the open article's Doc is kept.
"""

from __future__ import annotations

import threading

from ..core.model import Event


class ArticleParse:
    _parsed: tuple[str, object] | None = None
    _nlp_lock = threading.Lock()  # one spaCy call at a time: the analysis and parse workers share it
    _suggester = None

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
