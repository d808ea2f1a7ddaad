"""The article list: one row per article with its status, title and counts, and the progress.

It paints only the rows on screen (``render_line``, as the article pane does): a project of 100,000
articles opens, scrolls and updates a row as fast as one of ten. The title takes whatever width the
pane has.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..textlayout import cells, safe_text

STATUS_MARKS = {"todo": " ", "in progress": "…", "done": "✓", "skipped": "-"}
ORDERS = ("import", "uncertain")
UNREVIEWED = ("todo", "in progress")
COUNT_WIDTHS = (4, 3)  # the entity and event count columns
HEADER = 1  # the column titles, on the first line of the pane


def uncertain_first(rows: list[dict]) -> list[dict]:
    """Unreviewed articles the model is least sure of first (by the ``uncertainty`` its trigger
    scores gave at analysis), then the unscored ones, then the reviewed, each in import order."""
    def key(item):
        n, row = item
        unsure = row.get("uncertainty")
        if row.get("status") not in UNREVIEWED:
            return (2, 0.0, n)
        return (0, -unsure, n) if unsure is not None else (1, 0.0, n)
    return [row for _, row in sorted(enumerate(rows), key=key)]


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells (with an ellipsis when cut), padded to exactly ``width``."""
    if width <= 0:
        return ""
    if cells(text) <= width:
        return text + " " * (width - cells(text))
    cut = Text(text)
    cut.truncate(width, overflow="ellipsis", pad=True)
    return cut.plain


def row_cells(row: dict) -> tuple[str, str, str, str]:
    """Status mark, title, entity count, event count: what one row shows."""
    ents = row.get("entities", 0) + row.get("suggested", 0)
    title = " ".join(safe_text(str(row.get("title") or "(untitled)")).split()) or "(untitled)"
    return STATUS_MARKS.get(row.get("status"), "?"), title, str(ents), str(row.get("events", 0))


class ArticleList(ScrollView, can_focus=True):
    """Rows keyed by article id; the border title shows progress such as "3/11 done"."""

    COMPONENT_CLASSES = {"article-list--cursor", "article-list--cursor-blurred", "article-list--odd"}
    DEFAULT_CSS = """
    ArticleList { width: 36; border: round $primary-darken-2; background: $surface; }
    ArticleList:focus { border: round $accent; }
    ArticleList > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    ArticleList > .article-list--cursor-blurred { background: $block-cursor-blurred-background; }
    ArticleList > .article-list--odd { background: $surface-lighten-1; }
    """

    BINDINGS = [
        Binding("s", "toggle_order", "Order: import / least sure first", id="articles.order"),
        Binding("enter", "select_cursor", "Open", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
    ]

    class Selected(Message):
        """The coder chose an article (Enter or a click)."""

        def __init__(self, article_list: "ArticleList", article_id: str) -> None:
            super().__init__()
            self.article_list = article_list
            self.article_id = article_id

    def __init__(self, order: str = "import", **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: dict[str, dict] = {}
        self._ids: list[str] = []  # in the order shown
        self._position: dict[str, int] = {}
        self.import_order: list[str] = []
        self._done = self._skipped = 0
        self.cursor_row = 0
        self.order = order
        self._scored = False  # some row has the uncertainty of a trained model

    # -- content -------------------------------------------------------------------------------

    def ordered(self, rows: list[dict]) -> list[dict]:
        """``rows`` (in import order) in this list's order."""
        return uncertain_first(rows) if self.order == "uncertain" else list(rows)

    def ordered_ids(self) -> list[str]:
        return list(self._ids)

    def neighbour(self, article_id: str, step: int) -> str | None:
        """The article ``step`` rows from ``article_id`` in the order shown (None past either end):
        `]`, `[` and `d` follow the list, so least-sure-first coding goes on to the next least sure."""
        target = self._position[article_id] + step
        return self._ids[target] if 0 <= target < len(self._ids) else None

    def first_unreviewed(self) -> str | None:
        """The first article not done or skipped in the order shown."""
        return next((i for i in self._ids if self._rows[i].get("status") in UNREVIEWED), None)

    def row(self, article_id: str) -> dict:
        return self._rows[article_id]

    def load(self, rows: list[dict]) -> None:
        """Show the index ``rows`` (given in import order) in this list's order."""
        self.import_order = [r["id"] for r in rows]
        self._rows = {r["id"]: r for r in rows}
        self._done = sum(1 for r in rows if r.get("status") == "done")
        self._skipped = sum(1 for r in rows if r.get("status") == "skipped")
        self._show(self.ordered(rows))

    def _show(self, rows: list[dict]) -> None:
        self._ids = [r["id"] for r in rows]
        self._scored = any(r.get("uncertainty") is not None for r in rows)
        self._position = {article_id: n for n, article_id in enumerate(self._ids)}
        self.cursor_row = min(self.cursor_row, max(len(self._ids) - 1, 0))
        self.virtual_size = Size(0, len(self._ids) + HEADER)
        self._update_title()
        self.refresh()

    def update_row(self, row: dict) -> None:
        """Show one article's new status or counts: only its line is painted again."""
        old = self._rows.get(row["id"])
        if old is None:
            return
        self._done += (row.get("status") == "done") - (old.get("status") == "done")
        self._skipped += (row.get("status") == "skipped") - (old.get("status") == "skipped")
        self._rows[row["id"]] = row
        self._refresh_row(self._position[row["id"]])
        self._update_title()

    def _update_title(self) -> None:
        """Progress and order, as much as the border has room for: words go before the order is cut."""
        done, total = self._done, len(self._ids)
        skipped = f" · {self._skipped} skipped" if self._skipped else ""
        order = ["", "", ""]
        if self.order == "uncertain":  # with no scores there is no such order: say how to get them
            order = ([" · least sure first", " · least sure first", " · least sure first"] if self._scored else
                     [" · least sure first: none scored (suggest --model)", " · least sure first: none scored",
                      " · least sure: none scored"])
        forms = [f"Articles {done}/{total} done{skipped}{order[0]}", f"{done}/{total} done{skipped}{order[-2]}",
                 f"{done}/{total}{order[-1]}"]
        room = self.size.width - 4 if self.size.width else None  # the corners and a space each side
        self.border_title = next((f for f in forms if room is None or len(f) <= room), forms[-1])

    def action_toggle_order(self) -> None:
        """Switch between import order and least-sure-first, staying on the same article."""
        current = self._ids[self.cursor_row] if self._ids else None
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self._show(self.ordered([self._rows[i] for i in self.import_order]))
        if current is not None:
            self.select_article(current)

    # -- painting ------------------------------------------------------------------------------

    def _line(self, cells_: tuple[str, str, str, str], width: int) -> str:
        """One row's text: the status mark, the title (it takes the width the counts leave), each count."""
        mark, title, ents, evs = cells_
        ents_w, evs_w = COUNT_WIDTHS
        mark_w = 2
        title_w = max(width - mark_w - ents_w - evs_w, 1)
        return (fit(mark, mark_w) + fit(title, title_w) + ents.rjust(ents_w)[-ents_w:]
                + evs.rjust(evs_w)[-evs_w:])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y < HEADER:
            header = self._line(("", "Title", "Ent", "Ev"), width)
            return self._strip(header, base + Style(bold=True), width)
        index = y - HEADER + int(self.scroll_offset.y)
        if index >= len(self._ids):
            return Strip.blank(width, base)
        style = base
        if index % 2:
            style = base + self.get_component_rich_style("article-list--odd", partial=True)
        if index == self.cursor_row:
            name = "article-list--cursor" if self.has_focus else "article-list--cursor-blurred"
            style = base + self.get_component_rich_style(name, partial=True)
        line = self._line(row_cells(self._rows[self._ids[index]]), width)
        return self._strip(line, style, width)

    def _strip(self, line: str, style: Style, width: int) -> Strip:
        return Strip([Segment(line, style)]).extend_cell_length(width, style).crop(0, width)

    def _refresh_row(self, index: int) -> None:
        y = index - int(self.scroll_offset.y) + HEADER
        if HEADER <= y < self.scrollable_content_region.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def on_resize(self, event: events.Resize) -> None:
        self._update_title()
        self._scroll_cursor_visible()
        self.refresh()

    def on_focus(self) -> None:
        self._refresh_row(self.cursor_row)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor_row)

    # -- the cursor ----------------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        if not self._ids:
            return
        old, self.cursor_row = self.cursor_row, min(max(row, 0), len(self._ids) - 1)
        self._refresh_row(old)
        self._refresh_row(self.cursor_row)
        self._scroll_cursor_visible()

    def _scroll_cursor_visible(self) -> None:
        top = int(self.scroll_offset.y)
        rows = max(self.scrollable_content_region.height - HEADER, 1)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows:
            self.scroll_to(y=self.cursor_row - rows + 1, animate=False, immediate=True)

    def select_article(self, article_id: str) -> None:
        if article_id in self._position:
            self.move_cursor(self._position[article_id])

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step * max(self.scrollable_content_region.height - HEADER - 1, 1))

    def action_edge(self, which: int) -> None:
        self.move_cursor(0 if which == 0 else len(self._ids) - 1)

    def action_select_cursor(self) -> None:
        if self._ids:
            self.post_message(self.Selected(self, self._ids[self.cursor_row]))

    def on_click(self, event: events.Click) -> None:
        """One click opens the article under it."""
        region = self.scrollable_content_region
        y = event.y - (region.y - self.region.y)
        index = y - HEADER + int(self.scroll_offset.y)
        if y >= HEADER and 0 <= index < len(self._ids):
            self.focus()
            self.move_cursor(index)
            self.action_select_cursor()
