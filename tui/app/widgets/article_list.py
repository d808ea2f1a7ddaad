"""The article list: one row per article with its status, title and counts, and the progress."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import DataTable

COLUMNS = ("status", "title", "ents", "events")
STATUS_MARKS = {"todo": " ", "in progress": "…", "done": "✓", "skipped": "-"}
ORDERS = ("import", "uncertain")
UNREVIEWED = ("todo", "in progress")


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


class ArticleList(DataTable):
    """Rows keyed by article id; the border title shows progress such as "3/11 done"."""

    DEFAULT_CSS = """
    ArticleList { width: 36; border: round $primary-darken-2; }
    ArticleList:focus { border: round $accent; }
    """

    BINDINGS = [Binding("s", "toggle_order", "Order: import / least sure first", id="articles.order")]

    def __init__(self, order: str = "import", **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, show_header=True, **kwargs)
        self._rows: dict[str, dict] = {}
        self._import_order: list[str] = []
        self.order = order

    def ordered(self, rows: list[dict]) -> list[dict]:
        """``rows`` (in import order) in this list's order."""
        return uncertain_first(rows) if self.order == "uncertain" else list(rows)

    def action_toggle_order(self) -> None:
        """Switch between import order and least-sure-first, staying on the same article."""
        current = self.ordered_ids()[self.cursor_row] if self.row_count else None
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.load(self.ordered([self._rows[i] for i in self._import_order]), keep_order=True)
        if current is not None:
            self.select_article(current)

    def ordered_ids(self) -> list[str]:
        return list(self._rows)

    def on_mount(self) -> None:
        self.add_column("", key="status", width=1)
        self.add_column("Title", key="title", width=20)
        self.add_column("Ent", key="ents", width=3)
        self.add_column("Ev", key="events", width=2)

    def load(self, rows: list[dict], keep_order: bool = False) -> None:
        """Show ``rows`` in the order given (the first load records it as the import order)."""
        if not keep_order:
            self._import_order = [r["id"] for r in sorted(rows, key=lambda r: getattr(r, "doc_id", 0))]
        self.clear()
        self._rows = {}
        for row in rows:
            self._rows[row["id"]] = row
            self.add_row(*self._cells(row), key=row["id"])
        self._update_title()

    @staticmethod
    def _cells(row: dict) -> tuple[str, Text, str, str]:
        """The title is a Text: a string cell would be read as markup, and a title is not."""
        ents = row.get("entities", 0) + row.get("suggested", 0)
        return (STATUS_MARKS.get(row["status"], "?"), Text(str(row["title"] or "(untitled)")), str(ents),
                str(row.get("events", 0)))

    def update_row(self, row: dict) -> None:
        """Refresh one article's cells after its status or counts changed."""
        self._rows[row["id"]] = row
        for key, value in zip(COLUMNS, self._cells(row)):
            self.update_cell(row["id"], key, value)
        self._update_title()

    def _update_title(self) -> None:
        done = sum(1 for r in self._rows.values() if r["status"] == "done")
        order = " · least sure first" if self.order == "uncertain" else ""
        self.border_title = f"Articles {done}/{len(self._rows)} done{order}"

    async def _on_click(self, event: events.Click) -> None:
        """One click opens the article (a table only highlights on the first click)."""
        before = self.cursor_row
        await super()._on_click(event)
        row = event.style.meta.get("row")
        if isinstance(row, int) and row >= 0 and self.cursor_row != before:
            self.action_select_cursor()

    def select_article(self, article_id: str) -> None:
        self.move_cursor(row=self.get_row_index(article_id))
