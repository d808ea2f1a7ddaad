"""``newsmark review``: one article with every coder's annotations side by side, the differences
marked, and one key to take a coder's version of each difference into the gold layer.

Each take is saved at once (journaled, like every edit in the main app) and moves on to the next
difference. The core (``tui.core.adjudicate``) does the work; this is only the screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static

from ...core.adjudicate import ENTITY, Review, Unit
from ...core.codebook import Codebook
from ...core.storage import ArticleDamaged
from .render import column, describe, excerpt_bounds, quote

MAX_CODERS = 9


class CoderColumn(Static):
    """One coder's excerpt. Its own resize, not the app's, says the new size: the app hears a
    terminal resize before the columns are laid out again."""

    def on_resize(self) -> None:
        if self.id == "coder-1":  # the excerpt is cut to the first column's size
            self.app.show()


class ReviewApp(App[None]):
    TITLE = "newsmark review"
    CSS = """
    #review-header { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis; }
    #columns { height: 1fr; }
    .coder { width: 1fr; height: 1fr; border: round $primary-darken-2; overflow: hidden; }
    .coder.in-gold { border: round $success; }
    #difference { height: auto; max-height: 9; padding: 0 1; border-top: solid $primary-darken-2; }
    #review-status { height: 1; padding: 0 1; background: $panel; }
    """

    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        *[Binding(str(n), f"take({n})", f"coder {n}", show=n <= 2) for n in range(1, MAX_CODERS + 1)],
        Binding("0", "take(0)", "none", show=False),
        Binding("n", "step(1)", "next diff"),
        Binding("N", "step(-1)", "previous diff", show=False),
        Binding("right_square_bracket", "article(1)", "article"),
        Binding("left_square_bracket", "article(-1)", "previous article", show=False),
        Binding("u", "undo", "undo"),
        Binding("d", "done", "done"),
        Binding("q", "quit", "quit"),
    ]

    def __init__(self, review: Review, codebook: Codebook) -> None:
        super().__init__()
        self.review = review
        self.codebook = codebook
        self.current = -1  # index into review.differences, -1 when the article has none
        self._taken: list[int] = []  # the differences taken in this article, for undo to go back to
        self._message = ""

    def compose(self) -> ComposeResult:
        yield Static(id="review-header")
        with Horizontal(id="columns"):
            for number, name in enumerate(self.review.coders, start=1):
                coder = CoderColumn(id=f"coder-{number}", classes="coder")
                coder.border_title = f"{number} {name}"
                yield coder
        yield Static(id="difference")
        yield Static(id="review-status")
        yield Footer()

    def on_mount(self) -> None:
        review = self.review
        start = next((i for i, aid in enumerate(review.ids)
                      if not review.gold.has_article(aid) or review.gold.row(aid)["status"] != "done"), 0)
        self.open_article(start)
        self.call_after_refresh(self.show)  # again once the columns have their size

    # -- actions ---------------------------------------------------------------------------------

    def open_article(self, index: int, step: int = 1) -> None:
        """Open the article at ``index``; a damaged one is said and passed over in the direction ``step``."""
        while True:
            try:
                self.review.open(index)
                break
            except ArticleDamaged as exc:
                self.notify(str(exc), severity="error", timeout=10)
                index += step
                if not 0 <= index < len(self.review.ids):
                    self.exit(message=f"newsmark: no article left to review ({exc})")
                    return
        self.current = 0 if self.review.differences else -1
        self._taken = []
        count = len(self.review.differences)
        self.say(f"{count} difference(s) between the coders" if count else
                 "no differences: the gold layer holds what every coder agrees on; ] for the next article")

    def action_take(self, number: int) -> None:
        if self.current < 0:
            self.bell()
            self.say("nothing to take: this article has no differences")
            return
        if number > len(self.review.coders):
            self.bell()
            self.say(f"there are {len(self.review.coders)} coders; take one with 1 to {len(self.review.coders)}")
            return
        coder = None if number == 0 else number - 1
        action = self.review.take(self.current, coder)
        if action:
            self._taken.append(self.current)
        what = "nothing" if coder is None else f"{self.review.coders[coder]}'s version"
        done = f"gold takes {what}" if action else f"the gold layer already holds {what}"
        if self.current + 1 < len(self.review.differences):
            self.current += 1
            self.say(f"{done}; next difference")
        else:
            self.say(f"{done}; that was the last difference (d: mark done, ]: next article)")

    def action_step(self, step: int) -> None:
        target = self.current + step
        if self.current < 0 or not 0 <= target < len(self.review.differences):
            self.bell()
            self.say("no more differences in this article; ] and [ move between articles")
            return
        self.current = target
        self.say("")

    def action_article(self, step: int) -> None:
        target = self.review.index + step
        if not 0 <= target < len(self.review.ids):
            self.bell()
            self.say("no more articles" if step > 0 else "this is the first article")
            return
        self.open_article(target, step)

    def action_undo(self) -> None:
        action = self.review.undo()
        if action and self._taken:
            self.current = self._taken.pop()
        self.say(f"undid: {action['label']}" if action else "nothing to undo")

    def action_done(self) -> None:
        self.review.mark_done()
        if self.review.index + 1 < len(self.review.ids):
            self.open_article(self.review.index + 1)
            self.say(f"marked done; {self._message}")
        else:
            self.say("marked done; that was the last article")

    async def action_quit(self) -> None:
        self.review.close_article()
        self.exit()

    def on_unmount(self) -> None:
        self.review.close_article()

    # -- painting --------------------------------------------------------------------------------

    def say(self, message: str) -> None:
        self._message = message
        self.show()

    @property
    def unit(self) -> Unit | None:
        return self.review.differences[self.current] if self.current >= 0 else None

    def show(self) -> None:
        if not self.is_mounted or self.review.session is None:
            return
        review, unit = self.review, self.unit
        text = review.article.text
        matches = review.matches(self.current) if unit else []
        where = f"difference {self.current + 1}/{len(review.differences)}" if unit else "no differences"
        header = Text.assemble(
            (f"article {review.index + 1}/{len(review.ids)} ", "bold"), (f"[{review.status()}] ", "dim"),
            (f"{where} · ", "bold"), review.article.title or "(untitled)")
        self.query_one("#review-header", Static).update(header)
        first = self.query_one("#coder-1", Static)
        width, height = max(first.content_size.width, 20), max(first.content_size.height, 3)
        anchor = (unit.start, unit.end) if unit and unit.start is not None else (review.article.body_start,) * 2
        lo, hi = excerpt_bounds(text, *anchor, before=width * max(1, height // 3), after=width * height)
        for number, work in enumerate(review.works, start=1):
            widget = self.query_one(f"#coder-{number}", Static)
            widget.update(column(text, work, review.differences, unit, lo, hi, self.codebook))
            widget.set_class(number - 1 in matches, "in-gold")
            widget.border_subtitle = "in gold" if number - 1 in matches else ""
        self.query_one("#difference", Static).update(self._describe(unit, matches))
        self.query_one("#review-status", Static).update(Text(self._message))

    def _describe(self, unit: Unit | None, matches: list[int]) -> Text:
        if unit is None:
            return Text("Every coder agrees on this article.", style="dim")
        kind = "entities" if unit.kind == ENTITY else "events"
        text = self.review.article.text
        where = f" at «{quote(text, unit.start, unit.end)}»" if unit.start is not None else " without a trigger"
        lines = [Text(f"{kind}{where}: take a version with its number, 0 for none", style="bold")]
        versions = describe(unit, text, self.codebook)
        for number, (name, line) in enumerate(zip(self.review.coders, versions), start=1):
            mark = "✓" if number - 1 in matches else " "
            lines.append(Text.assemble((f"{mark} {number} {name}: ", "bold"), line))
        held = " and ".join(self.review.coders[c] for c in matches)
        said = f"gold holds the version of {held}" if matches else "gold holds no coder's version yet"
        lines.append(Text(said, style="green" if matches else "yellow"))
        return Text("\n").join(lines)
