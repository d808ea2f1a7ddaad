"""Marking an article done: its entity layer must be reviewed first (a mixin of ``NewsmarkApp``).

With suggestions left (entities or events), `d` asks whether to accept them all or reject them all, or (with events
left) accept the entities and reject the events (one undoable action, as ``A`` is), then marks the article reviewed
and done; going back changes nothing.
"""

from __future__ import annotations

from ..core import annotate
from .screens.review_prompt import ReviewPromptScreen


class ReviewActions:
    """The key d."""

    def action_done(self) -> None:
        entities, events = annotate.suggestions_left(self.session)
        if not entities and not events:
            self._finish_article(None)
            return

        def answered(answer: str | None) -> None:
            if answer is None:
                self._set_message(f"not done: {entities + events} suggestion(s) still to review (a / r, or A for all)")
                return
            self._finish_article(answer)
        self.push_screen(ReviewPromptScreen(entities, events), answered)

    def _finish_article(self, answer: str | None) -> None:
        session = self.session
        annotate.review(session, answer)
        with self.store.batch():  # one index write
            self.store.set_status(session.article.id, "done")
            self.store.sync(session)
        self.view.refresh()
        self._refresh_events()  # the last article stays open: its events show the answer
        self._show_counts()
        self.action_step_article(1)  # the message comes after: the next article starts afresh
        how = (" (accepted the entities, rejected the events)" if answer == "entities"
               else f" ({answer}ed every suggestion)" if answer else "")
        if self.session.article is session.article:
            self._set_message(f"reviewed and marked done{how}; it is the last article")
        else:
            self._set_message(f"reviewed and marked done{how}: {session.article.title[:60]!r}")
