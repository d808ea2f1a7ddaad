"""Marking an article done (its entity layer must be reviewed first), or skipped (a mixin of ``NewsmarkApp``).

With suggestions left (entities or events), `d` asks whether to accept them all or reject them all, or (with events
left) accept the entities and reject the events (one undoable action, as ``A`` is), then marks the article reviewed
and done; going back changes nothing. `S` skips an article (Prodigy's "ignore": passed over, not coded, whatever
was coded in it kept) and opens the next; on a skipped article it takes the skip back.
"""

from __future__ import annotations

from ..core import annotate
from .screens.review_prompt import ReviewPromptScreen


class ReviewActions:
    """The keys d and S."""

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
            self._say_on_arrival(f"reviewed and marked done{how}; it is the last article")
        else:
            self._say_on_arrival(f"reviewed and marked done{how}: {session.article.title[:60]!r}")

    def action_skip(self) -> None:
        session = self.session
        article_id = session.article.id
        status = (self.store.row(article_id) or {}).get("status")
        if status == "done":
            self.bell()
            self._set_message("already done: S skips only an article not coded (its coding is kept as done)",
                              "already done: not skipped")
            return
        if status == "skipped":  # taken back: open, so in progress (back to do if nothing is coded when it closes)
            self.store.set_status(article_id, "in progress")
            self._show_counts()
            self._set_message("no longer skipped: this article is to code again (S skips it again)",
                              "no longer skipped")
            return
        with self.store.batch():  # one index write
            self.store.set_status(article_id, "skipped")
            self.store.sync(session)
        self._show_counts()
        self._arrival = ("", None)
        self.action_step_article(1)
        stepped = self._arrival[0]  # what the step said (articles passed over on the way), kept after ours
        also = f"; {stepped}" if stepped and self.session.article is not session.article else ""
        kept = " (what is coded in it is kept)" if session.history else ""
        if self.session.article is session.article:
            self._say_on_arrival(f"skipped{kept}; it is the last article (S takes the skip back)", "skipped")
        else:
            self._say_on_arrival(f"skipped{kept}: {session.article.title[:60]!r}; S on it takes the skip back{also}",
                                 "skipped")
